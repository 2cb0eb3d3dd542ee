"""A plugin rule in the editor server, installed as a real distribution (entry points) on the
server's path: a rule that raises is the same finding as in `lint`, at the KB folder, and goes
away when the text that made it raise does."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from lsprotocol import types as lsp

from lsp_helpers import change_document, open_document, own_loop, session

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "lint"))
from test_plugins import install, wijkmodulen  # the plugin harness lives with the lint tests

pytestmark = pytest.mark.slow  # starts wijkmodulen processes

MODULE = "modules/wmw-02-signaalopvolging.yaml"
RAISING_RULE = '''
from wijkmodulen.lint.problem import Finding, Severity
from wijkmodulen.lint.rule import Rule


class Boem(Rule):
    """Een titel met "Boem" laat deze regel vastlopen (om te testen wat een editor dan toont).

    Passes:
        titel: Kort
    Fails:
        titel: Boem
    """

    code = "WM901"
    name = "boem"
    severity = Severity.WARNING
    scope = "file"

    def check(self, kb, options):
        for entry in kb.modules.values():
            if "Boem" in entry.model.titel:
                raise RuntimeError(f"kan {entry.model.id} niet lezen")
        return []
'''


@own_loop
async def test_a_rule_that_raises_is_the_finding_lint_reports(minimal_kb: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    install(site, "boem-regels", "1.0", "boem_regels", RAISING_RULE, {"WM901": "boem_regels:Boem"})
    module = minimal_kb / MODULE
    text = module.read_text(encoding="utf-8")
    raising = text.replace("titel: ", "titel: Boem ", 1)
    module.write_text(raising, encoding="utf-8")

    linted = wijkmodulen(site, "lint", str(minimal_kb), "--format", "json", "--no-cache", cwd=minimal_kb.parent)
    problems = json.loads(linted.stdout)["problems"]
    assert [(p["code"], p["file"], p["line"], p["column"]) for p in problems] == [("WM901", "kb", 1, 1)]  # the KB folder
    expected = problems[0]["message"]
    assert problems[0]["severity"] == "warning"  # the rule's severity, as configured
    assert "vastgelopen" in expected
    assert "kan wmw-02 niet lezen" in expected

    folder = minimal_kb.as_uri()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    async with session(minimal_kb, env=env) as client:
        await open_document(client, module)
        [crashed] = client.diagnostics[folder]
        assert (crashed.code, crashed.message, crashed.severity) == ("WM901", expected, lsp.DiagnosticSeverity.Warning)
        assert (crashed.range.start.line, crashed.range.start.character) == (0, 0)
        assert crashed.code_description is not None
        assert crashed.code_description.href.endswith("#wm901")
        # the unsaved text no longer makes it raise: the finding goes; typed back, it is there again
        await change_document(client, module, text, version=2)
        assert list(client.diagnostics[folder]) == []
        await change_document(client, module, raising, version=3)
        assert [d.message for d in client.diagnostics[folder]] == [expected]
