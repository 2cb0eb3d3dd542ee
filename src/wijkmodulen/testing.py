"""Lint cases as data, for the tests of wijkmodulen and of rule plugins.

A case file is a YAML list; each case breaks (or, with ``passes``, varies) a copy of a KB and lists
every finding expected as ``"CODE file:line:col"`` (file relative to the KB):

    - name: title too long
      edits:
        - {file: modules/wmw-01-aanmelding.yaml, replace: ["titel: Aanmelding", "titel: Aanmelding ..."]}
      expect: ["WM901 modules/wmw-01-aanmelding.yaml:2:1"]

An edit is ``{file, replace: [old, new]}`` (old must occur exactly once; ``repeat: N`` repeats the new
text), ``{file, content}`` (new text), ``{file, encoding: latin-1|utf-8-sig-crlf, content}`` or
``{file, delete: true}``. A plugin's test runs its cases against a KB of its own or the packaged one::

    CASES = load_cases(Path(__file__).parent / "cases.yaml")

    @pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
    def test_case(case, tmp_path):
        found, expected = run_case(case, packaged_kb(), tmp_path)
        assert found == expected
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from wijkmodulen.lint.engine import lint_knowledge_base
from wijkmodulen.load.kb import load_knowledge_base
from wijkmodulen.locate import packaged_kb

__all__ = ["apply_edit", "case_ids", "finding_order", "findings", "load_cases", "packaged_kb", "run_case"]


def load_cases(path: Path) -> list[dict[str, Any]]:
    # libyaml's loader where PyYAML has it: ten times faster for a file of many cases
    cases = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(cases, list):
        raise TypeError(f"{path}: a case file is a YAML list of cases")
    return cases


def case_ids(cases: list[dict[str, Any]]) -> list[str]:
    return [str(case["name"]) for case in cases]


def apply_edit(root: Path, edit: dict[str, Any]) -> None:
    path = root / edit["file"]
    if edit.get("delete"):
        path.unlink()
        return
    if "replace" in edit:
        old, new = edit["replace"]
        new = new * edit.get("repeat", 1)
        text = path.read_text(encoding="utf-8-sig")
        if text.count(old) != 1:
            raise AssertionError(f"{old!r} must occur once in {edit['file']}")
        path.write_text(text.replace(old, new), encoding="utf-8")
        return
    text = edit["content"] if "content" in edit else path.read_text(encoding="utf-8")
    encoding = edit.get("encoding", "utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    if encoding == "utf-8-sig-crlf":
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    else:
        path.write_bytes(text.encode(encoding))


def findings(root: Path) -> list[str]:
    """Every finding of a default lint of ``root`` as ``"CODE file:line:col"``, in report order."""
    result = lint_knowledge_base(load_knowledge_base(root))
    return [f"{p.code} {p.file.relative_to(root).as_posix()}:{p.line}:{p.column}" for p in result.problems]


def finding_order(item: str) -> tuple[str, int, int, str]:
    code, location = item.split(" ")
    file, line, column = location.rsplit(":", 2)
    return (file, int(line), int(column), code)


def run_case(case: dict[str, Any], base_kb: Path, workdir: Path) -> tuple[list[str], list[str]]:
    """Apply a case to a copy of ``base_kb`` under ``workdir``: (findings, expected findings), both in
    report order, for an ``assert found == expected``."""
    root = workdir / "kb"
    shutil.copytree(base_kb, root)
    for edit in case.get("edits", []):
        apply_edit(root, edit)
    return findings(root), sorted(case.get("expect", []), key=finding_order)
