"""`factlint server`: a language server over stdio, so findings reach writers in their editor.

Built on pygls (with lsprotocol's types), the library most Python language servers use. The server is
an edge like the CLI: it reads the unsaved buffer, checks it with `api.run` under the settings of the
file's folder (its configuration and reference layers, the article date from front matter), and turns
findings into diagnostics. Nothing here decides anything about facts.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from .api import run
from .config import ConfigError
from .models import Finding, Reference, Severity
from .record import ReferenceError, load_reference
from .report.sarif import documentation_url
from .settings import Settings, load_settings
from .version import __version__

# Checking waits this long after the last change, so a fast typist is not checked at every key.
DEBOUNCE_SECONDS = 0.25
_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
             Severity.INFO: types.DiagnosticSeverity.Information}
_KINDS = (".md", ".markdown", ".txt", ".text", ".html", ".htm")


class FactlintServer(LanguageServer):
    """The server and what it keeps between requests: each reference it has loaded (keyed by its
    layers), and the check waiting to run for each document."""

    def __init__(self) -> None:
        super().__init__("factlint", __version__)
        self.references: dict[tuple[tuple[str, ...], bool], Reference] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}

    def reference_for(self, settings: Settings) -> Reference:
        key = (tuple(settings.reference_layers), settings.default_reference)
        if key not in self.references:
            self.references[key] = load_reference(settings.reference_layers, bundled=settings.default_reference)
        return self.references[key]


def path_of(uri: str) -> str:
    """The file path of a `file:` URI (other schemes keep the URI: an untitled buffer)."""
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


def diagnostics(server: FactlintServer, uri: str, text: str) -> list[types.Diagnostic]:
    """The findings `factlint check` gives for this text at this path, as diagnostics. A broken
    configuration or reference is one diagnostic at the top of the document, not a dead server."""
    path = path_of(uri)
    try:
        settings = load_settings([path] if Path(path).parent.exists() else [])
        reference = server.reference_for(settings)
    except (ConfigError, ReferenceError) as exc:
        return [types.Diagnostic(range=types.Range(start=types.Position(line=0, character=0),
                                                   end=types.Position(line=0, character=0)),
                                 message=f"factlint could not start checking: {exc}",
                                 severity=types.DiagnosticSeverity.Error, source="factlint")]
    result, _ = run([], settings, reference, stdin=(text.encode("utf-8"), path, None))
    return [to_diagnostic(f) for f in result.findings if f.path == path]


def to_diagnostic(finding: Finding) -> types.Diagnostic:
    """One finding as the editor shows it: the suggestion in the message, the source as related
    information (its URL), the rule's documentation as the code's link."""
    span = finding.span
    message = finding.message + (f" (suggestion: {finding.suggestion})" if finding.suggestion else "")
    where = types.Range(start=types.Position(line=span.line - 1, character=span.column - 1),
                        end=types.Position(line=span.end_line - 1, character=span.end_column - 1))
    related = []
    if finding.source is not None:
        related.append(types.DiagnosticRelatedInformation(
            location=types.Location(uri=finding.source.url, range=types.Range(
                start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))),
            message=f"source: {finding.source.publisher}, \u201c{finding.source.title}\u201d <{finding.source.url}>"))
    docs = documentation_url()
    return types.Diagnostic(
        range=where, message=message, severity=_SEVERITY[finding.severity], code=finding.code, source="factlint",
        code_description=types.CodeDescription(href=f"{docs}#{finding.code.lower()}") if docs else None,
        related_information=related or None, data={"suggestion": finding.suggestion})


def publish(server: FactlintServer, uri: str) -> None:
    server.pending.pop(uri, None)
    document = server.workspace.get_text_document(uri)
    server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
        uri=uri, version=document.version, diagnostics=diagnostics(server, uri, document.source)))


def build() -> FactlintServer:
    server = FactlintServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactlintServer, params: types.DidOpenTextDocumentParams) -> None:
        if params.text_document.uri.lower().endswith(_KINDS) or not params.text_document.uri.startswith("file:"):
            publish(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactlintServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE_SECONDS, publish, ls, uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: FactlintServer, params: types.DidSaveTextDocumentParams) -> None:
        publish(ls, params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactlintServer, params: types.DidCloseTextDocumentParams) -> None:
        waiting = ls.pending.pop(params.text_document.uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    return server


def serve() -> None:
    build().start_io()
