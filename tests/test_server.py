"""`factlint server` spoken to over the protocol: a real LSP client (pygls') starts it as a
subprocess on stdio, opens documents and waits for the diagnostics it publishes."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import pytest
from conftest import run_cli
from lsprotocol import types
from pygls.lsp.client import LanguageClient

ARTICLE = "---\ndate: 2024-03-01\n---\n# Brief\n\nKim Yo-Long said the talks were over.\n"


async def _diagnostics_for(root: Path, documents: dict[str, str], changes: list[tuple[str, str]] = ()) -> dict[str, list]:
    """Open `documents` (name → text) in a server rooted at `root`, apply `changes` (name → new
    text) one after another, and return the last diagnostics published for each document."""
    client = LanguageClient("factlint-test", "1")
    published: dict[str, list] = {}
    arrived = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published[params.uri] = params.diagnostics
        arrived.set()

    await client.start_io(sys.executable, "-m", "factlint", "server")
    try:
        await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(),
                                                             root_uri=root.as_uri()))
        client.initialized(types.InitializedParams())
        uris = {}
        for name, text in documents.items():
            path = root / name
            path.write_text(text, encoding="utf-8")
            uris[name] = path.as_uri()
            arrived.clear()
            client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
                uri=uris[name], language_id="markdown", version=1, text=text)))
            await asyncio.wait_for(arrived.wait(), 60)
        for version, (name, text) in enumerate(changes, start=2):
            arrived.clear()
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uris[name], version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
            await asyncio.wait_for(arrived.wait(), 60)
        return {name: published.get(uri, []) for name, uri in uris.items()}
    finally:
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()


@pytest.mark.slow
def test_diagnostics_are_the_findings_check_gives(tmp_path):
    got = asyncio.run(_diagnostics_for(tmp_path, {"brief.md": ARTICLE}))["brief.md"]
    shown = [(d.code, d.range.start.line + 1, d.range.start.character + 1, d.message) for d in got]
    checked = json.loads(run_cli("check", str(tmp_path / "brief.md"), "--format", "json").stdout)["findings"]
    expected = [(f["code"], f["line"], f["column"],
                 f["message"] + (f" (suggestion: {f['suggestion']})" if f["suggestion"] else "")) for f in checked]
    assert shown == expected
    assert shown[0][:3] == ("FL101", 6, 1)
    # The source that proves it travels with the diagnostic.
    assert got[0].related_information and got[0].related_information[0].location.uri.startswith("http")


@pytest.mark.slow
def test_a_fix_typed_into_the_buffer_clears_the_diagnostic(tmp_path):
    fixed = ARTICLE.replace("Kim Yo-Long", "Kim Yo Jong")
    got = asyncio.run(_diagnostics_for(tmp_path, {"brief.md": ARTICLE}, [("brief.md", fixed)]))
    assert list(got["brief.md"]) == []
