"""Git as a read-only source: the KB at a revision, and which files changed since one.

Everything goes through the ``git`` executable on PATH and only reads objects: the working tree
and the index are never written (``GIT_OPTIONAL_LOCKS=0`` keeps even ``git diff`` from refreshing
the index). A revision's blobs are fetched by one ``git cat-file --batch`` process, and a blob
seen before (the same file in the other revision, say) is not parsed again.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from wijkmodulen.io.reader import read_guarded
from wijkmodulen.load.kb import (
    DEFAULT_LIMITS,
    KnowledgeBase,
    LoadIssue,
    build_knowledge_base,
    kb_file_kind,
    kb_order,
    read_source,
)
from wijkmodulen.load.limits import Limits
from wijkmodulen.load.yaml_source import SourceFile
from wijkmodulen.messages import t


class GitError(Exception):
    """Git cannot answer: not installed, not a repository, unknown revision, or a failing command.

    ``str(error)`` is the one line to show the user.
    """


@dataclass(frozen=True)
class TreeFile:
    path: PurePosixPath  # relative to the folder that was listed
    blob: str  # object id


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["GIT_OPTIONAL_LOCKS"] = "0"
    env["LC_ALL"] = "C"
    return env


def _git(cwd: Path, *args: str, stdin: bytes | None = None, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, env=_env(), check=False
        )
    except FileNotFoundError:
        raise GitError(t("git.missing")) from None
    except NotADirectoryError:
        raise GitError(t("git.not_repository", path=cwd)) from None
    if check and result.returncode != 0:
        lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(t("git.failed", command=args[0], detail=lines[-1] if lines else result.returncode))
    return result


def git_text(cwd: Path, *args: str, timeout: float | None = None) -> str | None:
    """The output of a git command that may fail (not a repository, git missing, too slow) as
    text, or None when it did not succeed: for information that is merely nice to have."""
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, env=_env(), check=False, timeout=timeout
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.decode("utf-8", "replace").strip()


def repo_root(path: Path) -> Path | None:
    """The top folder of the work tree that holds ``path``, or None outside a repository."""
    folder = path if path.is_dir() else path.parent
    if not folder.is_dir():
        return None
    result = _git(folder, "rev-parse", "--show-toplevel", check=False)
    if result.returncode != 0:
        return None
    return Path(os.fsdecode(result.stdout.rstrip(b"\n")))


def resolve_commit(root: Path, revision: str) -> str:
    """The full commit id ``revision`` names; GitError when it names none."""
    if revision.startswith("-"):
        raise GitError(t("git.unknown_revision", revision=revision))
    result = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}", check=False)
    if result.returncode != 0:
        raise GitError(t("git.unknown_revision", revision=revision))
    return result.stdout.decode("ascii").strip()


def list_tree(root: Path, commit: str, folder: PurePosixPath) -> list[TreeFile]:
    """The blobs below ``folder`` (relative to the repository root) at ``commit``."""
    spec = folder.as_posix()
    args = ["ls-tree", "-r", "-z", "--full-tree", commit]
    if spec not in ("", "."):
        args += ["--", spec]
    files: list[TreeFile] = []
    for record in _git(root, *args).stdout.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind, blob = meta.decode("ascii").split()
        # Symbolic links and submodules have no content of their own to read.
        if kind != "blob" or mode == "120000":
            continue
        path = PurePosixPath(os.fsdecode(name))
        files.append(TreeFile(path.relative_to(folder) if spec not in ("", ".") else path, blob))
    return files


def read_blobs(root: Path, blobs: Sequence[str]) -> dict[str, bytes]:
    """The content of each blob, read by one ``git cat-file --batch`` process."""
    unique = list(dict.fromkeys(blobs))
    if not unique:
        return {}
    output = _git(root, "cat-file", "--batch", stdin="".join(f"{b}\n" for b in unique).encode("ascii")).stdout
    contents: dict[str, bytes] = {}
    offset = 0
    for blob in unique:
        header_end = output.index(b"\n", offset)
        header = output[offset:header_end].decode("ascii").split()
        if len(header) != 3:
            raise GitError(t("git.failed", command="cat-file", detail=" ".join(header)))
        size = int(header[2])
        start = header_end + 1
        contents[blob] = output[start:start + size]
        offset = start + size + 1  # the content is followed by a newline
    return contents


class ParseCache:
    """Reads each distinct file content once, whatever its path or revision.

    Use its ``read`` as the loader's reader for every KB of one comparison.
    """

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self._by_content: dict[bytes, tuple[SourceFile, LoadIssue | None]] = {}
        self.limits = limits
        self.parsed = 0  # how many files were really parsed (for tests and timing)

    def read(self, path: Path, raw: bytes | None) -> tuple[SourceFile, LoadIssue | None]:
        if raw is None:
            raw = read_guarded(path, self.limits)
            if raw is None:  # a link, a special or oversized file, or unreadable: reported as such
                return read_source(path, None, self.limits)
        cached = self._by_content.get(raw)
        if cached is None:
            self.parsed += 1
            cached = read_source(path, raw, self.limits)
            self._by_content[raw] = cached
        source, issue = cached
        if source.path == path:
            return source, issue
        # Same content under another name: share everything read from the content, not the name.
        moved = replace(source, path=path)
        return moved, (replace(issue, source=moved) if issue else None)


def knowledge_bases_at(
    root: Path, folder: PurePosixPath, commits: Sequence[str], kb_root: Path, cache: ParseCache | None = None
) -> list[KnowledgeBase]:
    """The KB in ``folder`` (relative to the repository ``root``) at each commit.

    ``kb_root`` is the path the KBs report their files under (usually the working-tree folder).
    The blobs of all commits are read by one ``cat-file`` process.
    """
    cache = cache or ParseCache()
    trees = [list_tree(root, commit, folder) for commit in commits]
    contents = read_blobs(root, [f.blob for tree in trees for f in tree])
    result = []
    for tree in trees:
        kinds = {f.path: kb_file_kind(f.path) for f in tree}
        files = sorted((f for f in tree if kinds[f.path] == "yaml"), key=lambda f: kb_order(f.path))
        stray = [kb_root / f.path for f in tree if kinds[f.path] == "stray"]
        pairs = [(f.path, contents[f.blob]) for f in files]
        result.append(build_knowledge_base(kb_root, pairs, stray, cache.read))
    return result


def changed_files(root: Path, revision: str) -> set[Path]:
    """Files (relative to the repository ``root``) that differ between ``revision`` and the working
    tree, staged or not, plus untracked files that are not ignored. Renames count as both names."""
    commit = resolve_commit(root, revision)
    tracked = _git(root, "diff", "--name-only", "--no-renames", "--no-relative", "-z", commit, "--").stdout
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "--full-name", "-z").stdout
    names = [*tracked.split(b"\0"), *untracked.split(b"\0")]
    return {Path(os.fsdecode(name)) for name in names if name}
