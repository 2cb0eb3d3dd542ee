"""Files are opened for the KB's sake in two modules only: the guarded reader and the safe writer.

Any other module that opens, reads, writes, copies, removes or creates files (``open``,
``Path.read_text``/``read_bytes``/``write_text``/``write_bytes``/``open``/``unlink``/``rmdir``,
``os.open``/``os.remove``/``os.unlink``/``os.fdopen``, ``shutil``, ``tempfile``) fails this test,
unless it is in the short list below with the reason why it is not on the KB's behalf.
"""

from __future__ import annotations

import ast
from pathlib import Path

from source_trees import source_tree

SRC = Path(__file__).resolve().parents[2] / "src" / "wijkmodulen"
BOUNDARY = {"io/reader.py", "io/writer.py"}
# module -> the calls it may make, and why
ALLOWED: dict[str, dict[str, str]] = {
    "io/private_cache.py": {
        "read_bytes": "hashes the tool's own installed source files (source_digest), not KB content",
        "os.open": "the cache file, opened without following links after the folder's owner check",
        "os.fdopen": "the descriptor just opened, as text",
    },
    "testing.py": dict.fromkeys(
        ("shutil", "shutil.copytree", "read_text", "write_text", "write_bytes", "unlink"),
        "the lint case harness for tests (also of plugins): copies a KB into the test's folder and edits it",
    ),
}
PATH_METHODS = {"read_text", "read_bytes", "write_text", "write_bytes", "open", "unlink", "rmdir", "touch",
                "symlink_to", "hardlink_to"}
OS_FUNCTIONS = {"open", "fdopen", "remove", "unlink", "rename", "replace", "rmdir", "removedirs", "mkfifo",
                "truncate"}
MODULES = {"shutil", "tempfile"}


def _may_be_a_path(owner: str | None) -> bool:
    """Whether ``owner.method(...)`` may be a call on a path. A capitalised name other than ``Path`` is
    a class (``Workspace.open(kb)`` opens a workspace, not a file)."""
    if owner in ("os", "str", "re", "self", "json", "sys"):
        return False
    return owner is None or owner == "Path" or not owner[:1].isupper()


def _offences(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            found.extend((node.lineno, name) for name in names if name.split(".")[0] in MODULES)
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "open":
            found.append((node.lineno, "open"))
        elif isinstance(func, ast.Attribute):
            owner = func.value.id if isinstance(func.value, ast.Name) else None
            if owner == "os" and func.attr in OS_FUNCTIONS:
                found.append((node.lineno, f"os.{func.attr}"))
            elif owner in MODULES:
                found.append((node.lineno, f"{owner}.{func.attr}"))
            elif _may_be_a_path(owner) and func.attr in PATH_METHODS:
                found.append((node.lineno, func.attr))
    return found


def _module_offences() -> dict[str, list[tuple[int, str]]]:
    result = {}
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        if relative in BOUNDARY:
            continue
        allowed = ALLOWED.get(relative, {})
        offences = [(line, name) for line, name in _offences(source_tree(path))
                    if name not in allowed]
        if offences:
            result[relative] = offences
    return result


def test_no_module_but_the_reader_and_writer_touches_files() -> None:
    assert _module_offences() == {}


def test_the_check_finds_each_kind_of_call() -> None:
    source = (
        "import shutil\nfrom pathlib import Path\nopen('x')\nPath('x').read_text()\np.write_bytes(b'')\n"
        "os.open('x', 0)\nshutil.copyfile('a', 'b')\nstale.unlink()\n"
    )
    names = [name for _, name in _offences(ast.parse(source))]
    assert names == ["shutil", "open", "read_text", "write_bytes", "os.open", "shutil.copyfile", "unlink"]


def test_every_allowed_call_is_still_made() -> None:
    """An allowance that is no longer needed is removed, so the list stays honest."""
    for relative, allowed in ALLOWED.items():
        made = {name for _, name in _offences(source_tree(SRC / relative))}
        assert set(allowed) <= made, relative
