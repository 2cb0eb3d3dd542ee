"""Fidelity check: the YAML text of each unit must equal its source text after reviewed repairs.

The manifest (``manifest/*.yaml``) maps each unit (a module or an introduction section) to a line
range of a source copy kept next to this file, with the OCR repairs specific to that unit. The
repair table (``repairs.yaml``) lists noise-line patterns and the repairs that apply everywhere. The check:

1. takes the unit's source lines, drops noise lines (headings, page headers, icons: regexes in the
   repair table, plus explicit ``skip`` line numbers) and moves ``move_to_end`` lines (footnotes
   printed mid-module) to the end;
2. joins them with spaces and applies the repairs in order;
3. collects the unit's YAML text (content keys only, in document order);
4. requires every 4-word sequence of the source to occur in the YAML and every 4-word sequence of
   each YAML string to occur in the source: text lost, altered or added fails.

Run ``python tests/fidelity/fidelity.py [UNIT_ID ...]`` for a readable diff per unit.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
N = 4

# Keys whose values are metadata, not printed running text of the unit.
NON_TEXT_KEYS = {
    "id", "titel", "beroep", "functie", "cluster", "nummer", "schakelmodule", "tegenhangers",
    "tegenhangers_toelichting", "specificatie_van", "kopjes", "verwijzingen", "koppelingen",
    "bron", "teken", "anker", "sectie", "volgorde", "hoofdstuk", "soort", "thema", "vakspecifiek",
    "sic",  # phrases of the text itself, marked as printed (checked against the module in tests/data)
}


@dataclass
class Repair:
    old: str
    new: str
    regex: bool = False

    def apply(self, text: str) -> str:
        if self.regex:
            return re.sub(self.old, self.new, text)
        return text.replace(self.old, self.new)


@dataclass
class Unit:
    id: str
    file: Path
    source: Path
    lines: tuple[int, int]
    skip: set[int] = field(default_factory=set)
    move_to_end: list[tuple[int, int]] = field(default_factory=list)
    include_title: bool = False
    repairs: list[Repair] = field(default_factory=list)


@dataclass
class Result:
    unit: Unit
    missing: list[str]
    added: list[str]
    diff: list[str]

    @property
    def ok(self) -> bool:
        return not self.missing and not self.added


def _load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8-sig") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _repairs(items: list[dict[str, Any]] | None) -> list[Repair]:
    return [Repair(i["old"], i["new"], bool(i.get("regex", False))) for i in items or []]


def load_manifest() -> list[Unit]:
    entries = []
    for part in sorted((HERE / "manifest").glob("*.yaml")):
        entries.extend(_load_yaml(part)["units"])
    units = []
    for entry in entries:
        units.append(
            Unit(
                id=entry["id"],
                file=ROOT / entry["file"],
                source=HERE / entry["source"],
                lines=(entry["lines"][0], entry["lines"][1]),
                skip=set(entry.get("skip", [])),
                move_to_end=[(a, b) for a, b in entry.get("move_to_end", [])],
                include_title=entry.get("include_title", False),
                repairs=_repairs(entry.get("repairs")),
            )
        )
    return units


def load_repairs() -> tuple[list[re.Pattern[str]], list[Repair]]:
    data = _load_yaml(HERE / "repairs.yaml")
    noise = [re.compile(p) for p in data.get("noise_lines", [])]
    return noise, _repairs(data.get("global"))


def source_text(unit: Unit, noise: list[re.Pattern[str]], repairs: list[Repair]) -> str:
    all_lines = unit.source.read_text(encoding="utf-8").splitlines()
    start, end = unit.lines
    moved: set[int] = set()
    for a, b in unit.move_to_end:
        moved.update(range(a, b + 1))
    kept: list[str] = []
    tail: list[str] = []
    for number in range(start, end + 1):
        line = all_lines[number - 1]
        if number in unit.skip or any(p.search(line) for p in noise):
            continue
        (tail if number in moved else kept).append(line)
    text = " ".join(kept + tail)
    for repair in repairs:
        text = repair.apply(text)
    return text


def yaml_strings(node: Any, key: str | None = None) -> Iterator[str]:
    if key in NON_TEXT_KEYS:
        return
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from yaml_strings(v, str(k))
    elif isinstance(node, list):
        for item in node:
            yield from yaml_strings(item)


def grams(tokens: list[str]) -> set[tuple[str, ...]]:
    if len(tokens) < N:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + N]) for i in range(len(tokens) - N + 1)}


def check_unit(unit: Unit, noise: list[re.Pattern[str]], global_repairs: list[Repair]) -> Result:
    # Unit repairs first: they may need the damaged form that a global repair would change.
    src_tokens = source_text(unit, noise, unit.repairs + global_repairs).split()
    data = _load_yaml(unit.file)
    strings = list(yaml_strings(data))
    if unit.include_title and isinstance(data, dict):
        strings.insert(0, str(data["titel"]))
    yaml_tokens = " ".join(strings).split()
    src_grams = grams(src_tokens)
    yaml_grams = grams(yaml_tokens)
    missing = [" ".join(g) for g in sorted(src_grams - yaml_grams)]
    added = []
    src_joined = " " + " ".join(src_tokens) + " "
    for s in strings:
        tokens = s.split()
        if len(tokens) < N:
            # too short for a 4-gram: it must still occur word for word
            if tokens and f" {' '.join(tokens)} " not in src_joined:
                added.append(" ".join(tokens))
            continue
        for g in sorted(grams(tokens) - src_grams):
            added.append(" ".join(g))
    diff = list(difflib.unified_diff(src_tokens, yaml_tokens, "source", "yaml", n=3, lineterm=""))
    return Result(unit, missing, added, diff)


def check_all(ids: list[str] | None = None) -> list[Result]:
    noise, global_repairs = load_repairs()
    units = [u for u in load_manifest() if not ids or u.id in ids]
    return [check_unit(u, noise, global_repairs) for u in units]


def main(argv: list[str]) -> int:
    results = check_all(argv or None)
    bad = 0
    for result in results:
        if result.ok:
            print(f"ok    {result.unit.id}")
            continue
        bad += 1
        print(f"FAIL  {result.unit.id}: {len(result.missing)} source 4-grams missing, "
              f"{len(result.added)} YAML 4-grams not in source")
        for gram in result.missing[:40]:
            print(f"      missing from YAML: {gram}")
        for gram in result.added[:40]:
            print(f"      not in source:     {gram}")
        print("\n".join("      " + line for line in result.diff[:200]))
    print(f"{len(results) - bad}/{len(results)} units faithful")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
