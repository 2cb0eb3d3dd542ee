"""`wijkmodulen lsp` end to end: a real client (pytest-lsp) over stdio on a copy of the minimal KB."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from pytest_lsp import LanguageClient

from conftest import MINIMAL
from lsp_helpers import SERVER, brief, change_document, close_document, open_document, own_loop, session

# the editor server as a real child process over stdio, one per test
pytestmark = pytest.mark.slow

WMW02 = "modules/wmw-02-signaalopvolging.yaml"
WMW01 = "modules/wmw-01-aanmelding.yaml"


def doc(path: Path) -> lsp.TextDocumentIdentifier:
    return lsp.TextDocumentIdentifier(path.as_uri())


def at(path: Path, needle: str, offset: int = 0) -> lsp.Position:
    """The position of ``needle`` in the file (plus ``offset`` characters)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n")):
        if needle in line:
            return lsp.Position(number, line.index(needle) + offset)
    raise AssertionError(needle)


async def complete(client: LanguageClient, path: Path, text: str, position: lsp.Position) -> list[lsp.CompletionItem]:
    await change_document(client, path, text, version=5)
    result = await client.text_document_completion_async(lsp.CompletionParams(doc(path), position))
    assert isinstance(result, lsp.CompletionList)
    return result.items


@own_loop
async def test_unsaved_text_gives_lint_findings_with_a_link(minimal_kb: Path) -> None:
    module = minimal_kb / WMW02
    text = module.read_text(encoding="utf-8")
    async with session(minimal_kb) as client:
        assert await open_document(client, module) == []
        broken = text.replace("tegenhangers: [iow-02]", "tegenhangers: [iow-02, iow-99]")
        found = await change_document(client, module, broken)
        assert brief(found) == ["WM103 8:24"]
        diagnostic = found[0]
        assert diagnostic.severity == lsp.DiagnosticSeverity.Error
        assert "iow-99" in diagnostic.message
        assert diagnostic.code_description is not None
        assert diagnostic.code_description.href.endswith("reference/regels/#wm103")
        assert diagnostic.source == "wijkmodulen"
        # a suppression comment in the unsaved text silences it, as lint does
        silenced = broken.replace("iow-99]", "iow-99]  # wijkmodulen: disable=WM103 -- nog te schrijven")
        assert await change_document(client, module, silenced, version=3) == []
        assert module.read_text(encoding="utf-8") == text  # nothing written


@own_loop
async def test_whole_kb_at_start(minimal_kb: Path) -> None:
    (minimal_kb / WMW01).write_text(
        (minimal_kb / WMW01).read_text(encoding="utf-8").replace("competenties: [4A, gk-1]", "competenties: [4Z, gk-1]"),
        encoding="utf-8",
    )
    async with session(minimal_kb) as client:
        await open_document(client, minimal_kb / WMW02)  # any request: the start is done by then
        assert "WM103 25:18" in brief(client.diagnostics[(minimal_kb / WMW01).as_uri()])


@own_loop
async def test_dependants_follow_a_change(minimal_kb: Path) -> None:
    """Renaming 4A away in the competence's unsaved text makes the module that links it unknown."""
    competence = minimal_kb / "competenties/4A-maakt-zich-bekend.yaml"
    module = minimal_kb / WMW01
    async with session(minimal_kb) as client:
        await open_document(client, competence)
        await change_document(client, competence, competence.read_text(encoding="utf-8").replace("id: 4A", "id: 4B"))
        assert "WM103 25:18" in brief(client.diagnostics[module.as_uri()])
        await change_document(client, competence, competence.read_text(encoding="utf-8"), version=3)
        assert not client.diagnostics[module.as_uri()]
        # a module that stops naming its counterpart: the counterpart's finding appears
        other = minimal_kb / WMW02
        await open_document(client, other)
        await change_document(client, other, other.read_text(encoding="utf-8").replace("[iow-02]", "[]"))
        assert "WM105" in " ".join(brief(client.diagnostics[(minimal_kb / "modules/iow-02-signaalopvolging.yaml").as_uri()]))


@own_loop
async def test_completion_of_ids_keys_and_values(minimal_kb: Path) -> None:
    module = minimal_kb / WMW01
    text = module.read_text(encoding="utf-8")
    async with session(minimal_kb) as client:
        await open_document(client, module)
        typed = text.replace("competenties: [4A, gk-1]", "competenties: [4A, ")
        items = await complete(client, module, typed, at(module, "competenties: [4A", 19))
        by_label = {item.label: item for item in items}
        assert set(by_label) == {"4A", "4L", "gk-1"}
        assert by_label["4A"].detail == "Maakt zich bekend"
        documentation = by_label["4A"].documentation
        assert isinstance(documentation, lsp.MarkupContent)
        assert "Legt contact." in documentation.value
        # kennisdomeinen, and the modules for tegenhangers/verwijzingen
        typed = text.replace("kennisdomeinen: [inkomen]", "kennisdomeinen: [")
        labels = [i.label for i in await complete(client, module, typed, at(module, "kennisdomeinen: [", 17))]
        assert labels == ["inkomen"]
        # keys of koppelingen in model order, with their Dutch documentation
        typed = text.replace("  kennisdomeinen: [inkomen]\n", "  kennisdomeinen: [inkomen]\n  \n")
        line = at(module, "kennisdomeinen: [inkomen]").line + 1
        keys = await complete(client, module, typed, lsp.Position(line, 2))
        assert [k.label for k in keys] == ["doelgroepen", "collectief", "zonder_grond", "beoordeling"]  # others are there
        # closed values
        typed = text.replace("beroep: wijkmaatschappelijk-werk", "beroep: ")
        values = [i.label for i in await complete(client, module, typed, at(module, "beroep: ", 8))]
        assert values == ["wijkmaatschappelijk-werk", "individueel-opbouwwerk"]
        typed = text.replace("herkomst: redactioneel", "herkomst: ")
        values = [i.label for i in await complete(client, module, typed, at(module, "herkomst:", 10))]
        assert values == ["redactioneel"]


@own_loop
async def test_hover_definition_references(minimal_kb: Path) -> None:
    module = minimal_kb / WMW01
    async with session(minimal_kb) as client:
        await open_document(client, module)
        hover = await client.text_document_hover_async(lsp.HoverParams(doc(module), at(module, "[4A", 1)))
        assert hover is not None
        assert isinstance(hover.contents, lsp.MarkupContent)
        assert "Maakt zich bekend" in hover.contents.value
        key = await client.text_document_hover_async(lsp.HoverParams(doc(module), at(module, "koppelingen:")))
        assert key is not None
        assert isinstance(key.contents, lsp.MarkupContent)
        assert "redactioneel" in key.contents.value.lower() or "koppeling" in key.contents.value.lower()
        found = await client.text_document_definition_async(lsp.DefinitionParams(doc(module), at(module, "[4A", 1)))
        assert isinstance(found, lsp.Location)
        assert found.uri == (minimal_kb / "competenties/4A-maakt-zich-bekend.yaml").as_uri()
        other = minimal_kb / WMW02
        await open_document(client, other)
        refs = await client.text_document_references_async(lsp.ReferenceParams(
            context=lsp.ReferenceContext(include_declaration=False), text_document=doc(other),
            position=lsp.Position(0, 5)))
        assert refs is not None
        assert sorted((Path(r.uri).name, r.range.start.line, r.range.start.character) for r in refs) == [
            ("iow-02-signaalopvolging.yaml", 7, 15), ("wmw-03-eerste-hulp.yaml", 15, 15)]


@own_loop
async def test_rename_a_competence_and_a_module(minimal_kb: Path) -> None:
    competence = minimal_kb / "competenties/4A-maakt-zich-bekend.yaml"
    async with session(minimal_kb) as client:
        await open_document(client, competence)
        edit = await client.text_document_rename_async(lsp.RenameParams(doc(competence), lsp.Position(0, 4), "4B"))
        assert edit is not None
        assert edit.document_changes is not None
        texts = [c for c in edit.document_changes if isinstance(c, lsp.TextDocumentEdit)]
        renames = [c for c in edit.document_changes if isinstance(c, lsp.RenameFile)]
        places = sorted((Path(c.text_document.uri).name, e.range.start.line, e.range.start.character, e.new_text)
                        for c in texts for e in c.edits)
        assert places == [("4A-maakt-zich-bekend.yaml", 0, 4, "4B"), ("wmw-01-aanmelding.yaml", 24, 17, "4B"),
                          ("wmw-01-aanmelding.yaml", 27, 4, "4B")]
        assert [Path(r.new_uri).name for r in renames] == ["4B-maakt-zich-bekend.yaml"]
        with pytest.raises(JsonRpcException, match="bestaat al"):
            await client.text_document_rename_async(lsp.RenameParams(doc(competence), lsp.Position(0, 4), "4L"))
        module = minimal_kb / WMW02
        await open_document(client, module)
        edit = await client.text_document_rename_async(lsp.RenameParams(doc(module), lsp.Position(0, 5), "wmw-12"))
        assert edit is not None
        assert edit.document_changes is not None
        names = sorted(Path(c.text_document.uri).name for c in edit.document_changes if isinstance(c, lsp.TextDocumentEdit))
        assert names == ["iow-02-signaalopvolging.yaml", "wmw-02-signaalopvolging.yaml", "wmw-03-eerste-hulp.yaml"]


async def actions_for(client: LanguageClient, path: Path, diagnostics: list[lsp.Diagnostic]) -> list[lsp.CodeAction]:
    result = await client.text_document_code_action_async(lsp.CodeActionParams(
        doc(path), diagnostics[0].range, lsp.CodeActionContext(diagnostics=diagnostics)))
    assert result is not None
    return [a for a in result if isinstance(a, lsp.CodeAction)]


def applied(text: str, action: lsp.CodeAction, uri: str) -> str:
    """The text after the action's edits (one edit per action here)."""
    assert action.edit is not None
    assert action.edit.changes is not None
    (edit,) = action.edit.changes[uri]
    lines = text.split("\n")
    start, end = edit.range.start, edit.range.end
    if start.line == 0 and start.character == 0 and end.line >= len(lines) - 1:
        return edit.new_text
    line = lines[start.line]
    lines[start.line] = line[: start.character] + edit.new_text + line[end.character:]
    return "\n".join(lines)


@own_loop
async def test_code_actions(minimal_kb: Path) -> None:
    module = minimal_kb / WMW02
    text = module.read_text(encoding="utf-8")
    uri = module.as_uri()
    async with session(minimal_kb) as client:
        await open_document(client, module)
        typo = text.replace("setting:", "seting:")
        found = await change_document(client, module, typo)
        key_finding = [d for d in found if d.range.start.line == 11]
        titles = [a.title for a in await actions_for(client, module, key_finding)]
        assert "Bedoel je ‘setting’?" in titles
        fix = next(a for a in await actions_for(client, module, key_finding) if a.title == "Bedoel je ‘setting’?")
        assert applied(typo, fix, uri) == text
        unknown = text.replace("[iow-02]", "[iow-0]")
        found = await change_document(client, module, unknown, version=3)
        actions = await actions_for(client, module, found)
        mean = next(a for a in actions if a.title.startswith("Bedoel je"))
        assert applied(unknown, mean, uri) == text
        suppress = next(a for a in actions if a.title.startswith("Onderdruk WM103"))
        silenced = applied(unknown, suppress, uri)
        assert "tegenhangers: [iow-0]  # wijkmodulen: disable=WM103 -- reden" in silenced
        assert brief(await change_document(client, module, silenced, version=4)) == ["WM106 8:1"]  # WM103 silenced
        # an autofix of a rule (what fmt --fix applies): the trema rule
        trema = text.replace("Bij de bewoner thuis.", "Bij de cliént thuis.")
        found = await change_document(client, module, trema, version=5)
        fixes = [a for a in await actions_for(client, module, found) if a.title.startswith("Herstel automatisch")]
        assert fixes, [a.title for a in await actions_for(client, module, found)]
        assert applied(trema, fixes[0], uri) == text.replace("Bij de bewoner thuis.", "Bij de cliënt thuis.")


@own_loop
async def test_formatting_and_outline(minimal_kb: Path) -> None:
    module = minimal_kb / WMW02
    text = module.read_text(encoding="utf-8")
    async with session(minimal_kb) as client:
        messy = text.replace("titel: Signaalopvolging\n", "").replace("nummer: 2\n", "nummer: 2\ntitel: Signaalopvolging\n")
        await open_document(client, module, messy)
        edits = await client.text_document_formatting_async(lsp.DocumentFormattingParams(
            doc(module), lsp.FormattingOptions(tab_size=2, insert_spaces=True)))
        assert edits is not None
        assert [e.new_text for e in edits] == [text]
        symbols = await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(doc(module)))
        assert symbols is not None
        names = [s.name for s in symbols if isinstance(s, lsp.DocumentSymbol)]
        assert "Doelgroep" in names
        assert "Werkwijze/activiteiten" in names
        werkwijze = next(s for s in symbols if isinstance(s, lsp.DocumentSymbol) and s.name == "Werkwijze/activiteiten")
        assert (werkwijze.range.start.line, werkwijze.range.end.line) == (12, 15)


@own_loop
async def test_bad_input_keeps_serving(minimal_kb: Path, tmp_path: Path) -> None:
    module = minimal_kb / WMW02
    async with session(minimal_kb) as client:
        await open_document(client, module)
        # not YAML at all: a finding, not a crash
        assert brief(await change_document(client, module, "id: [wmw-02\n\t: :")) == ["WM001 2:1"]
        # a file outside the KB: no findings, and requests about it are errors
        outside = tmp_path / "elders.yaml"
        outside.write_text("id: x\n", encoding="utf-8")
        assert await open_document(client, outside) == []
        with pytest.raises(JsonRpcException):
            await client.text_document_hover_async(lsp.HoverParams(doc(outside), lsp.Position(0, 0)))
        # a document that was never opened
        with pytest.raises(JsonRpcException, match="niet geopend"):
            await client.text_document_hover_async(lsp.HoverParams(doc(minimal_kb / WMW01), lsp.Position(0, 0)))
        # and it still answers
        await close_document(client, module)
        assert await open_document(client, module) == []
        assert not any(p.name == "elders.yaml" for p in minimal_kb.rglob("*"))


@own_loop
async def test_a_kb_that_cannot_be_opened(tmp_path: Path) -> None:
    """A configuration with a mistake: one line on stderr, a message, and the server keeps serving."""
    (tmp_path / "wijkmodulen.toml").write_text("[lint]\ndisable = ['geen-regel']\n", encoding="utf-8")
    (tmp_path / "data" / "modules").mkdir(parents=True)
    module = tmp_path / "data" / "modules" / "wmw-01-x.yaml"
    module.write_text("id: wmw-01\n", encoding="utf-8")
    async with session(tmp_path) as client:
        assert await open_document(client, module) == []
        assert any("geen-regel" in m.message for m in client.messages)


def test_a_client_that_dies_mid_message() -> None:
    """Half a message, then the client is gone: the server reports the bad message in one line and
    ends without a traceback."""
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"processId": None, "rootUri": None, "capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
    ]
    data = b"".join(b"Content-Length: %d\r\n\r\n" % len(body) + body for body in map(str.encode, map(json.dumps, messages)))
    with subprocess.Popen([*SERVER, "--kb", str(MINIMAL)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as server:
        _, stderr = server.communicate(data + b'Content-Length: 500\r\n\r\n{"jsonrpc"', timeout=120)
    assert server.returncode == 0
    text = stderr.decode()
    assert "Traceback" not in text
    assert "geladen" in text
