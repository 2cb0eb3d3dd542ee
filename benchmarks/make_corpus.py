"""Write a valid knowledge base with N modules, derived from the shipped data/, for benchmarks.

    python benchmarks/make_corpus.py N OUT_DIR [--source data]

Competences, kennisbouwstenen, the introduction and bronnen.yaml are copied as they are. The modules
are copied again and again: copy k numbers its modules 100*k + the original number (wmw-112 is copy 1
of wmw-12), and every module id in a copied file (tegenhangers, specificatie_van, verwijzingen, and
mentions in the text) is renumbered the same way, so each copy is a closed set of consistent
references; editorial koppelingen (to competences and kennisbouwstenen) are kept. When N is not a
multiple of the 39 shipped modules, the last copy takes whole groups of modules that refer to each
other, so no reference points outside the corpus. The output depends on N alone.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COPIED = ("bronnen.yaml", "competenties", "kennisbouwstenen", "inleiding")
_ID = re.compile(r"\b(wmw|iow)-(\d{2})\b")
_NUMMER = re.compile(r"^nummer: (\d+)$", re.MULTILINE)


def _renumber(text: str, offset: int) -> str:
    if offset == 0:
        return text
    text = _ID.sub(lambda m: f"{m.group(1)}-{offset + int(m.group(2))}", text)
    return _NUMMER.sub(lambda m: f"nummer: {offset + int(m.group(1))}", text)


def _groups(modules: dict[str, str]) -> list[list[str]]:
    """Modules that refer to each other (by any id in their text), as connected groups, in order."""
    ids = sorted(modules)
    parent = {i: i for i in ids}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for identifier in ids:
        for match in _ID.finditer(modules[identifier]):
            other = match.group(0)
            if other in parent:
                parent[find(other)] = find(identifier)
    groups: dict[str, list[str]] = {}
    for identifier in ids:
        groups.setdefault(find(identifier), []).append(identifier)
    return sorted(groups.values(), key=lambda group: (-len(group), group))


def _partial(modules: dict[str, str], count: int) -> list[str]:
    """``count`` module ids made of whole reference groups (largest first, then the small ones)."""
    chosen: list[str] = []
    for group in _groups(modules):
        if len(chosen) + len(group) <= count:
            chosen.extend(group)
    if len(chosen) != count:
        raise SystemExit(f"cannot pick {count} modules closed under references")
    return sorted(chosen)


def make_corpus(count: int, out: Path, source: Path = ROOT / "data") -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in COPIED:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, out / name)
        else:
            shutil.copy2(path, out / name)
    files = {path.name[:6]: path for path in sorted((source / "modules").glob("*.yaml"))}
    modules = {identifier: path.read_text(encoding="utf-8") for identifier, path in files.items()}
    target = out / "modules"
    target.mkdir()
    per_copy = len(modules)
    for copy in range(-(-count // per_copy)):
        left = count - copy * per_copy
        chosen = sorted(modules) if left >= per_copy else _partial(modules, left)
        offset = 100 * copy
        for identifier in chosen:
            name = files[identifier].name
            prefix, number = identifier.split("-")
            new_name = f"{prefix}-{offset + int(number):02d}{name[6:]}"
            (target / new_name).write_text(_renumber(modules[identifier], offset), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of modules")
    parser.add_argument("out", type=Path, help="folder to write (replaced if it exists)")
    parser.add_argument("--source", type=Path, default=ROOT / "data", help="the KB to derive from")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("N must be at least 1")
    make_corpus(args.count, args.out, args.source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
