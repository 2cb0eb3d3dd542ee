"""A real LSP client (pytest-lsp) talking to `wijkmodulen lsp` over stdio, and what tests need around it."""

from __future__ import annotations

import asyncio
import functools
import sys
import threading
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

SERVER = [sys.executable, "-m", "wijkmodulen", "lsp"]


def own_loop(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test in a thread with an event loop of its own: the browser tests keep a
    synchronous Playwright (and its running loop) open for the whole session, and no second loop
    can run in the main thread while it is."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        failure: list[BaseException] = []

        def target() -> None:
            try:
                asyncio.run(test(*args, **kwargs))
            except BaseException as error:  # noqa: BLE001 -- re-raised in the test's own thread below
                failure.append(error)

        thread = threading.Thread(target=target)
        thread.start()
        thread.join()
        if failure:
            raise failure[0]

    return run


@asynccontextmanager
async def session(root: Path, *args: str, client: str = "visual-studio-code",
                  env: dict[str, str] | None = None) -> AsyncIterator[LanguageClient]:
    """A started and initialized server for the workspace folder ``root`` (``env``: the server's
    environment, when not this process's)."""
    config = ClientServerConfig(server_command=[*SERVER, *args], server_env=env)
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


async def settled(client: LanguageClient, uri: str) -> list[lsp.Diagnostic]:
    """The diagnostics of ``uri`` once the server has handled everything sent before: it handles
    messages in order, so the answer to a request comes after the notifications before it."""
    # an error answer (a document outside the KB) comes in order just the same
    with suppress(JsonRpcException):
        await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(lsp.TextDocumentIdentifier(uri)))
    return list(client.diagnostics.get(uri, []))


async def open_document(client: LanguageClient, path: Path, text: str | None = None) -> list[lsp.Diagnostic]:
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(
        uri=path.as_uri(), language_id="yaml", version=1,
        text=path.read_text(encoding="utf-8") if text is None else text,
    )))
    return await settled(client, path.as_uri())


async def change_document(client: LanguageClient, path: Path, text: str, version: int = 2) -> list[lsp.Diagnostic]:
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
    ))
    return await settled(client, path.as_uri())


def brief(diagnostics: list[lsp.Diagnostic]) -> list[str]:
    """'CODE line:column' (1-based, as lint prints them)."""
    return [f"{d.code} {d.range.start.line + 1}:{d.range.start.character + 1}" for d in diagnostics]


async def close_document(client: LanguageClient, path: Path) -> list[lsp.Diagnostic]:
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(path.as_uri())))
    return await settled(client, path.as_uri())
