"""The language server (pygls): each handler turns a request into a call on the application layer
(``app.live`` for the KB and its findings, ``app.assist`` for the rest) and the answer back into
protocol types. It never reads or writes KB files itself, and it survives bad input: a failing
request is an LSP error plus one line on stderr.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace import TextDocument

from wijkmodulen import __version__
from wijkmodulen.app import assist
from wijkmodulen.app.live import LiveError, LiveWorkspace
from wijkmodulen.docs_url import rule_url
from wijkmodulen.lint.problem import Problem, Severity
from wijkmodulen.locate import kb_root_of
from wijkmodulen.messages import t

SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
F = TypeVar("F", bound=Callable[..., Any])


class JsonRpcRequestFailed(JsonRpcException):
    """LSP's RequestFailed: a valid request that the server could not answer."""

    CODE = -32803
    MESSAGE = "Request failed"


def log(message: str) -> None:
    """One line on stderr (the editor's log of the server)."""
    print(" ".join(message.split()), file=sys.stderr, flush=True)


class KbServer(LanguageServer):
    def __init__(self, kb: Path | None = None) -> None:
        super().__init__("wijkmodulen", __version__)
        self.kb_option = kb
        self.workspaces: dict[Path, LiveWorkspace] = {}
        self.refused: set[Path] = set()  # KB folders that could not be opened (said once)
        self.outside: set[Path] = set()  # documents outside every KB (said once)

    def report_server_error(self, error: Exception, source: Any) -> None:
        """A message that could not be read or answered: one line on stderr, then pygls's own report."""
        log(t("editor.failed", method=getattr(source, "__name__", str(source)), detail=f"{type(error).__name__}: {error}"))
        super().report_server_error(error, source)

    # --- which KB a document belongs to ----------------------------------------------------------

    def open_kb(self, kb: Path | None) -> LiveWorkspace | None:
        try:
            live = LiveWorkspace.open(kb)
        except LiveError as error:
            log(t("editor.cannot_open", detail=error.message))
            self.window_show_message(lsp.ShowMessageParams(lsp.MessageType.Error, error.message))
            return None
        if live.root in self.workspaces:
            return self.workspaces[live.root]
        self.workspaces[live.root] = live
        total = 0
        for problems in live.load():  # batch by batch: the first findings show while the rest is checked
            self.publish(live, problems, start=True)
            total += sum(len(found) for found in problems.values())
        log(t("editor.started", root=live.root, files=len(live.kb.files), problems=total))
        return live

    def live_for(self, path: Path) -> LiveWorkspace | None:
        for live in self.workspaces.values():
            if live.contains(path):
                return live
        root = kb_root_of(path)
        if root is None or root in self.refused:
            return None
        opened = self.open_kb(root)
        if opened is None or not opened.contains(path):
            self.refused.add(root)
            return None
        return opened

    # --- findings ----------------------------------------------------------------------------

    def lines_of(self, live: LiveWorkspace, path: Path) -> list[str]:
        document = self.workspace.text_documents.get(from_fs_path(str(path)) or "")
        if document is not None:
            return list(document.lines)
        return (live.text_of(path) or "").splitlines(keepends=True)

    def diagnostic(self, problem: Problem, lines: list[str]) -> lsp.Diagnostic:
        line = max(problem.line - 1, 0)
        current = lines[line].rstrip("\r\n") if line < len(lines) else ""
        codec = self.workspace.position_codec
        start = codec.client_num_units(current[: problem.column - 1])
        end = codec.client_num_units(current.rstrip())
        return lsp.Diagnostic(
            range=lsp.Range(lsp.Position(line, start), lsp.Position(line, max(end, start + 1))),
            message=problem.message,
            severity=SEVERITY[problem.severity],
            code=problem.code,
            code_description=lsp.CodeDescription(href=rule_url(problem.code)),
            source="wijkmodulen",
            data={"rule": problem.rule, "line": problem.line, "column": problem.column},
        )

    def publish(self, live: LiveWorkspace, problems: dict[Path, list[Problem]], start: bool = False,
                last: Path | None = None) -> None:
        """Diagnostics of the files in ``problems``; ``last`` (the edited file) goes last, so a
        client that waits for it has the others. The KB folder is among them when a rule raised
        (lint reports that there)."""
        for path in sorted(problems, key=lambda p: (p == last, str(p))):
            if start and not problems[path]:
                continue
            lines = self.lines_of(live, path) if problems[path] else []
            uri = from_fs_path(str(path)) or path.as_uri()
            document = self.workspace.text_documents.get(uri)
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
                uri=uri,
                diagnostics=[self.diagnostic(problem, lines) for problem in problems[path]],
                version=document.version if document is not None else None,
            ))

    def refresh(self, uri: str, text: str | None) -> None:
        path = path_of(uri)
        live = self.live_for(path)
        if live is None:
            if path not in self.outside:  # said once per file, not on every keystroke
                self.outside.add(path)
                log(t("editor.outside_kb", path=path))
            self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
            return
        changed = live.update(path, text)
        changed.setdefault(path, live.problems.get(path, []))
        self.publish(live, changed, last=path)

    # --- requests ----------------------------------------------------------------------------------

    def document(self, uri: str) -> tuple[LiveWorkspace, Path, TextDocument]:
        """The live KB, path and text of an open document; an LSP error for any other."""
        document = self.workspace.text_documents.get(uri)
        if document is None:
            raise JsonRpcInvalidParams(t("editor.not_open", uri=uri))
        path = path_of(uri)
        live = self.live_for(path)
        if live is None:
            raise JsonRpcRequestFailed(t("editor.outside_kb", path=path))
        return live, path, document

    def to_point(self, document: TextDocument, position: lsp.Position) -> tuple[int, int]:
        point = self.workspace.position_codec.position_from_client_units(document.lines, position)
        return point.line, point.character

    def to_range(self, span: assist.Span, lines: list[str] | None = None) -> lsp.Range:
        if lines is None:
            lines = self.text_lines(span.path)
        codec = self.workspace.position_codec
        current = lines[span.line] if 0 <= span.line < len(lines) else ""
        return lsp.Range(
            lsp.Position(span.line, codec.client_num_units(current[: span.start])),
            lsp.Position(span.line, codec.client_num_units(current[: span.end])),
        )

    def text_lines(self, path: Path) -> list[str]:
        for live in self.workspaces.values():
            if live.contains(path):
                return self.lines_of(live, path)
        return []

    def whole(self, document: TextDocument) -> lsp.Range:
        lines = document.lines
        return lsp.Range(lsp.Position(0, 0), lsp.Position(len(lines), 0))


def is_kb_root(folder: Path) -> bool:
    from wijkmodulen.load.kb import BRONNEN_FILE, FOLDERS

    return (folder / BRONNEN_FILE).is_file() or any((folder / name).is_dir() for name in FOLDERS)


def path_of(uri: str) -> Path:
    path = to_fs_path(uri)
    if path is None:
        raise JsonRpcInvalidParams(t("editor.not_open", uri=uri))
    return Path(path)


def guarded(method: str) -> Callable[[F], F]:
    """A handler that turns any failure into one stderr line and an LSP error (for requests)."""

    def wrap(handler: F) -> F:
        def run(ls: KbServer, params: Any) -> Any:
            try:
                return handler(ls, params)
            except (JsonRpcInvalidParams, JsonRpcRequestFailed) as error:
                log(t("editor.failed", method=method, detail=error.message))
                raise
            except Exception as error:  # noqa: BLE001 -- one bad request must not stop the server
                detail = f"{type(error).__name__}: {error}"
                log(t("editor.failed", method=method, detail=detail))
                raise JsonRpcRequestFailed(detail) from None

        return run  # type: ignore[return-value]

    return wrap


def build_server(kb: Path | None = None) -> KbServer:
    server = KbServer(kb)

    @server.feature(lsp.INITIALIZED)
    @guarded(lsp.INITIALIZED)
    def initialized(ls: KbServer, params: lsp.InitializedParams) -> None:
        kb = ls.kb_option
        root = Path(ls.workspace.root_path) if ls.workspace.root_path else None
        if kb is None and root is not None:
            if is_kb_root(root):
                kb = root  # the editor opened the KB folder itself
            else:
                os.chdir(root)  # the configuration and the KB are found as the CLI finds them there
        ls.open_kb(kb)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    @guarded(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: KbServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.refresh(params.text_document.uri, params.text_document.text)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    @guarded(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: KbServer, params: lsp.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.refresh(uri, ls.workspace.get_text_document(uri).source)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    @guarded(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: KbServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.refresh(params.text_document.uri, None)  # back to what is on disk

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @guarded(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: KbServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        for change in params.changes:
            if change.uri not in ls.workspace.text_documents:
                ls.refresh(change.uri, None)

    @server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=["[", ",", " "]))
    @guarded(lsp.TEXT_DOCUMENT_COMPLETION)
    def completion(ls: KbServer, params: lsp.CompletionParams) -> lsp.CompletionList:
        live, path, document = ls.document(params.text_document.uri)
        line, column = ls.to_point(document, params.position)
        kinds = {"id": lsp.CompletionItemKind.Reference, "key": lsp.CompletionItemKind.Property,
                 "value": lsp.CompletionItemKind.EnumMember}
        items = [
            lsp.CompletionItem(
                label=item.label,
                kind=kinds[item.kind],
                detail=item.detail or None,
                documentation=lsp.MarkupContent(lsp.MarkupKind.Markdown, item.documentation)
                if item.documentation else None,
                sort_text=item.sort or None,
                insert_text=item.label + (": " if item.kind == "key" else ""),
            )
            for item in assist.complete(live, path, document.source, line, column)
        ]
        return lsp.CompletionList(is_incomplete=False, items=items)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    @guarded(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: KbServer, params: lsp.HoverParams) -> lsp.Hover | None:
        live, path, document = ls.document(params.text_document.uri)
        line, column = ls.to_point(document, params.position)
        found = assist.hover(live, path, document.source, line, column)
        if found is None:
            return None
        text, span = found
        return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, text), ls.to_range(span, list(document.lines)))

    @server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
    @guarded(lsp.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: KbServer, params: lsp.DefinitionParams) -> lsp.Location | None:
        live, _, document = ls.document(params.text_document.uri)
        span = assist.definition(live, document.source, *ls.to_point(document, params.position))
        if span is None:
            return None
        return lsp.Location(from_fs_path(str(span.path)) or "", ls.to_range(span))

    @server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
    @guarded(lsp.TEXT_DOCUMENT_REFERENCES)
    def references(ls: KbServer, params: lsp.ReferenceParams) -> list[lsp.Location]:
        live, _, document = ls.document(params.text_document.uri)
        spans = assist.references(live, document.source, *ls.to_point(document, params.position),
                                  params.context.include_declaration)
        return [lsp.Location(from_fs_path(str(span.path)) or "", ls.to_range(span)) for span in spans]

    @server.feature(lsp.TEXT_DOCUMENT_PREPARE_RENAME)
    @guarded(lsp.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename(ls: KbServer, params: lsp.PrepareRenameParams) -> lsp.Range | None:
        live, path, document = ls.document(params.text_document.uri)
        line, column = ls.to_point(document, params.position)
        word = assist.prepare_rename(live, document.source, line, column)
        if word is None:
            return None
        return ls.to_range(assist.Span(path, line, word[1], word[2]), list(document.lines))

    @server.feature(lsp.TEXT_DOCUMENT_RENAME, lsp.RenameOptions(prepare_provider=True))
    @guarded(lsp.TEXT_DOCUMENT_RENAME)
    def rename(ls: KbServer, params: lsp.RenameParams) -> lsp.WorkspaceEdit:
        live, _, document = ls.document(params.text_document.uri)
        try:
            change = assist.rename(live, document.source, *ls.to_point(document, params.position),
                                   params.new_name)
        except assist.RenameRefused as refused:
            raise JsonRpcRequestFailed(str(refused)) from None
        by_file: dict[Path, list[lsp.TextEdit]] = {}
        for edit in change.edits:
            by_file.setdefault(edit.span.path, []).append(lsp.TextEdit(ls.to_range(edit.span), edit.text))
        operations: list[Any] = []
        for path, edits in by_file.items():
            uri = from_fs_path(str(path)) or ""
            opened = ls.workspace.text_documents.get(uri)
            operations.append(lsp.TextDocumentEdit(
                lsp.OptionalVersionedTextDocumentIdentifier(uri, opened.version if opened else None), edits
            ))
        for old, new in change.renames:
            operations.append(lsp.RenameFile(old_uri=from_fs_path(str(old)) or "",
                                             new_uri=from_fs_path(str(new)) or ""))
        return lsp.WorkspaceEdit(document_changes=operations)

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
    @guarded(lsp.TEXT_DOCUMENT_CODE_ACTION)
    def code_action(ls: KbServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        live, path, document = ls.document(params.text_document.uri)
        wanted = [d for d in params.context.diagnostics if d.source == "wijkmodulen"]
        problems = [problem for problem in live.problems.get(path, []) if any(
            d.code == problem.code and d.range.start.line == problem.line - 1 for d in wanted)]
        lines = list(document.lines)
        result = []
        for action in assist.actions(live, path, document.source, problems):
            edits = [lsp.TextEdit(ls.whole(document) if edit.span.line < 0 else ls.to_range(edit.span, lines),
                                  edit.text) for edit in action.edits]
            result.append(lsp.CodeAction(
                title=action.title,
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[d for d in wanted if d.code == action.code],
                is_preferred=action.preferred or None,
                edit=lsp.WorkspaceEdit(changes={params.text_document.uri: edits}),
            ))
        return result

    @server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
    @guarded(lsp.TEXT_DOCUMENT_FORMATTING)
    def formatting(ls: KbServer, params: lsp.DocumentFormattingParams) -> list[lsp.TextEdit] | None:
        live, path, document = ls.document(params.text_document.uri)
        formatted = assist.format_document(live, path, document.source)
        if formatted is None or formatted == document.source:
            return None if formatted is None else []
        return [lsp.TextEdit(ls.whole(document), formatted)]

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @guarded(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(ls: KbServer, params: lsp.DocumentSymbolParams) -> list[lsp.DocumentSymbol]:
        live, path, document = ls.document(params.text_document.uri)
        lines = list(document.lines)
        result = []
        for symbol in assist.symbols(live, path, document.source):
            end = len(lines[symbol.end_line].rstrip("\r\n")) if symbol.end_line < len(lines) else 0
            whole = lsp.Range(lsp.Position(symbol.line, 0), lsp.Position(symbol.end_line, end))
            head = ls.to_range(assist.Span(path, symbol.line, 0, len(symbol.name)), lines)
            result.append(lsp.DocumentSymbol(symbol.name, lsp.SymbolKind.Field, whole, head,
                                             detail=symbol.detail or None))
        return result

    return server


def serve(kb: Path | None = None) -> None:
    """Speak LSP on stdin and stdout until the client says exit or goes away."""
    # pygls logs failures with their tracebacks; the server says one line per failure itself.
    logging.getLogger("pygls").setLevel(logging.CRITICAL)
    build_server(kb.resolve() if kb else None).start_io()
