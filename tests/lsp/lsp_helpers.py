"""A real LSP client (pytest-lsp) talking to `wijkmodulen lsp` over stdio, and what tests need around it."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

SERVER = [sys.executable, "-m", "wijkmodulen", "lsp"]


@asynccontextmanager
async def session(root: Path, *args: str, client: str = "visual-studio-code") -> AsyncIterator[LanguageClient]:
    """A started and initialized server for the workspace folder ``root``."""
    config = ClientServerConfig(server_command=[*SERVER, *args])
    language_client: LanguageClient = await config.start()  # type: ignore[assignment]
    await language_client.initialize_session(lsp.InitializeParams(
        capabilities=client_capabilities(client),
        root_uri=root.as_uri(),
        workspace_folders=[lsp.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
    ))
    try:
        yield language_client
    finally:
        await language_client.shutdown_session()


async def published(client: LanguageClient, uri: str, timeout: float = 30) -> list[lsp.Diagnostic]:
    """Wait for the next diagnostics of ``uri`` (the server publishes the edited file last)."""

    async def wait() -> list[lsp.Diagnostic]:
        while True:
            params: lsp.PublishDiagnosticsParams = await client.wait_for_notification(
                lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
            )
            if params.uri == uri:
                return list(params.diagnostics)

    return await asyncio.wait_for(wait(), timeout)


async def open_document(client: LanguageClient, path: Path, text: str | None = None) -> list[lsp.Diagnostic]:
    uri = path.as_uri()
    waiting = asyncio.ensure_future(published(client, uri))
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(
        uri=uri, language_id="yaml", version=1, text=path.read_text(encoding="utf-8") if text is None else text,
    )))
    return await waiting


async def change_document(client: LanguageClient, path: Path, text: str, version: int = 2) -> list[lsp.Diagnostic]:
    uri = path.as_uri()
    waiting = asyncio.ensure_future(published(client, uri))
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
    ))
    return await waiting


def brief(diagnostics: list[lsp.Diagnostic]) -> list[str]:
    """'CODE line:column' (1-based, as lint prints them)."""
    return [f"{d.code} {d.range.start.line + 1}:{d.range.start.character + 1}" for d in diagnostics]
