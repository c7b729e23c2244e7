"""`factlint server`: a language server over stdio, so findings reach writers in their editor.

Built on pygls (with lsprotocol's types), the library most Python language servers use. The server is
an edge like the CLI: it reads the unsaved buffer, checks it with `api.run` under the settings of the
file's folder (its configuration and reference layers, the article date from front matter), and turns
findings into diagnostics. Nothing here decides anything about facts.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from .api import across, file_claims, run
from .config import ConfigError
from .fix import fixed_text
from .markup import kind_for
from .discover import DEFAULT_SUFFIXES, iter_files
from .models import CheckedDocument, CheckResult, Claim, Finding, Reference, Severity
from .read import InputError
from .record import reference_files
from .rules import RULES_BY_CODE
from .record import ReferenceError, load_reference
from .report.sarif import documentation_url
from .settings import Settings, load_settings
from .version import __version__

# Checking waits this long after the last change: a burst of changes (a paste, an edit applied in
# several steps) is checked once, and a single keystroke still sees its diagnostics within 100 ms.
DEBOUNCE_SECONDS = 0.03
_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
             Severity.INFO: types.DiagnosticSeverity.Information}


@dataclass(frozen=True)
class Checked:
    """One document as last checked: its text, its findings, its claims (with the notes hover shows),
    and the settings and reference it was checked under; or, when those did not load, why."""

    text: str
    findings: list[Finding] = field(default_factory=list)
    document: CheckedDocument | None = None
    settings: Settings | None = None
    reference: Reference | None = None
    problem: str | None = None


class FactlintServer(LanguageServer):
    """The server and what it keeps between requests: each reference it has loaded (keyed by its
    layers), and the check waiting to run for each document."""

    def __init__(self) -> None:
        super().__init__("factlint", __version__)
        self.references: dict[tuple[tuple[str, ...], bool], tuple[tuple, Reference]] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        # Each open document as last checked: what code actions, hover and FL501 across the workspace read.
        self.checked: dict[str, Checked] = {}
        # The workspace's files on disk that no editor has open: their claims, kept until the file
        # changes, for FL501 across the folder; and which of them were last given diagnostics.
        self.disk_claims: dict[str, tuple[tuple, list[Claim]]] = {}
        self.flagged_on_disk: set[str] = set()

    def reference_for(self, settings: Settings) -> Reference:
        """The reference of these settings' layers, loaded once and again only when one of its files
        changed (a stat of each, per check: an editor's layer is a few files)."""
        key = (tuple(settings.reference_layers), settings.default_reference)
        stamp = _stamp(settings.reference_layers)
        if key not in self.references or self.references[key][0] != stamp:
            self.references[key] = (stamp, load_reference(settings.reference_layers, bundled=settings.default_reference))
        return self.references[key][1]


def _stamp(layers: tuple[str, ...] | list[str]) -> tuple:
    out = []
    for layer in layers:
        try:
            for file in reference_files(Path(layer)):
                info = file.stat()
                out.append((str(file), info.st_mtime_ns, info.st_size))
        except OSError:
            out.append((layer, None, None))
    return tuple(out)


def path_of(uri: str) -> str:
    """The file path of a `file:` URI (other schemes keep the URI: an untitled buffer)."""
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


def check(server: FactlintServer, uri: str, text: str) -> Checked:
    """The findings `factlint check` gives for this text at this path, and its claims. A broken
    configuration or reference is the check's `problem`, shown to the writer, not a dead server."""
    path = path_of(uri)
    try:
        settings = load_settings([path] if Path(path).parent.exists() else [])
        reference = server.reference_for(settings)
    except (ConfigError, ReferenceError) as exc:
        return Checked(text, problem=f"factlint could not start checking: {exc}")
    result, documents = run([], settings, reference, stdin=(text.encode("utf-8"), path, None), keep_documents=True)
    return Checked(text, [f for f in result.findings if f.path == path], documents[0] if documents else None,
                   settings, reference)


def to_diagnostic(finding: Finding, text: str) -> types.Diagnostic:
    """One finding as the editor shows it: the suggestion in the message, the source as related
    information (its URL), the rule's documentation as the code's link."""
    message = finding.message + (f" (suggestion: {finding.suggestion})" if finding.suggestion else "")
    where = _range(text, finding.span.start, finding.span.end)
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


def code_actions(server: FactlintServer, uri: str, where: types.Range) -> list[types.CodeAction]:
    """For the findings the range touches: each safe fix, "ignore" directives; and for the document,
    every safe fix at once. Fixes are `factlint check --fix`'s own (fix.fixed_text)."""
    checked = server.checked.get(uri, Checked(""))
    text, findings = checked.text, checked.findings
    start, end = _offset(text, where.start), _offset(text, where.end)
    touched = [f for f in findings if f.span.start <= end and start <= f.span.end]
    actions: list[types.CodeAction] = []
    for f in touched:
        if fixed_text(text, [f])[1]:
            actions.append(types.CodeAction(
                title=f"Replace with “{f.suggestion}” ({f.code})", kind=types.CodeActionKind.QuickFix,
                diagnostics=[to_diagnostic(f, text)], is_preferred=True,
                edit=_edit(uri, _range(text, f.span.start, f.span.end), f.suggestion or "")))
    for code in dict.fromkeys(f.code for f in touched):
        f = next(f for f in touched if f.code == code)
        at, directive = _directive(text, uri, f)
        actions.append(types.CodeAction(title=f"Ignore {code} here", kind=types.CodeActionKind.QuickFix,
                                        edit=_edit(uri, _range(text, at, at), directive)))
    after, count = fixed_text(text, findings)
    if count:
        actions.append(types.CodeAction(title=f"Apply the {count} safe factlint fix{'es' if count > 1 else ''}",
                                        kind=types.CodeActionKind.SourceFixAll,
                                        edit=_edit(uri, _range(text, 0, len(text)), after)))
    return actions


def hover(server: FactlintServer, uri: str, at: types.Position) -> types.Hover | None:
    """What the reference says about the claim under the cursor (the innermost one)."""
    document = server.checked[uri].document if uri in server.checked else None
    if document is None:
        return None
    offset = _offset(document.text, at)
    under = [(n, c) for n, c in enumerate(document.claims) if c.span.start <= offset < c.span.end]
    for n, claim in sorted(under, key=lambda nc: nc[1].span.end - nc[1].span.start):
        # The notes the review page shows for this claim (report/notes.py).
        lines = document.notes[n] if n < len(document.notes) else []
        if lines:
            return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n".join(lines)),
                               range=_range(document.text, claim.span.start, claim.span.end))
    return None


def _offset(text: str, at: types.Position) -> int:
    """LSP's line and character (UTF-16 units) as an offset into the text."""
    line_start = 0
    for _ in range(at.line):
        line_start = text.find("\n", line_start) + 1
        if line_start == 0:
            return len(text)
    line_end = text.find("\n", line_start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    units = line.encode("utf-16-le")[:at.character * 2]
    return line_start + len(units.decode("utf-16-le", errors="ignore"))


def _directive(text: str, uri: str, finding: Finding) -> tuple[int, str]:
    """Where the inline directive for this finding goes, and its text: at the end of the finding's
    line in Markdown and HTML (a directive that ends a line covers that line), on a line of its own
    before it in plain text (a directive line covers the block it opens)."""
    line_end = text.find("\n", finding.span.start)
    line_end = len(text) if line_end < 0 else line_end
    if kind_for(Path(path_of(uri))) == "text":
        line_start = text.rfind("\n", 0, finding.span.start) + 1
        return line_start, f"factlint: ignore {finding.code}\n"
    return line_end, f" <!-- factlint: ignore {finding.code} -->"


def _range(text: str, start: int, end: int) -> types.Range:
    return types.Range(start=_position(text, start), end=_position(text, end))


def _position(text: str, offset: int) -> types.Position:
    """An offset as LSP's line and character (UTF-16 code units, the protocol's default)."""
    line = text.count("\n", 0, offset)
    line_start = text.rfind("\n", 0, offset) + 1
    return types.Position(line=line, character=len(text[line_start:offset].encode("utf-16-le")) // 2)


def _edit(uri: str, where: types.Range, new_text: str) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: [types.TextEdit(range=where, new_text=new_text)]})


def publish(server: FactlintServer, uri: str) -> None:
    """Check the document, then compare the claims of every open document and of the workspace's
    files with each other (FL501), and publish for each document whose findings that touches."""
    server.pending.pop(uri, None)
    version = server.workspace.get_text_document(uri).version
    checked = server.checked[uri] = check(server, uri, server.workspace.get_text_document(uri).source)
    if checked.settings is None or checked.reference is None:  # did not load: that is the news
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=[
            types.Diagnostic(range=types.Range(start=types.Position(line=0, character=0),
                                               end=types.Position(line=0, character=0)),
                             message=checked.problem or "", severity=types.DiagnosticSeverity.Error,
                             source="factlint")]))
        return
    settings, reference = checked.settings, checked.reference
    run_level = {code for code in settings.codes if RULES_BY_CODE[code].run_level}
    cross = settings.finish(CheckResult(findings=across(workspace_claims(server, settings, reference), reference,
                                                         run_level), files_checked=0)).findings
    by_path: dict[str, list[Finding]] = {}
    for finding in cross:
        by_path.setdefault(finding.path, []).append(finding)
    # The changed document last: a client that waits for its diagnostics has the others by then.
    for open_uri, other in sorted(server.checked.items(), key=lambda item: item[0] == uri):
        if other.problem is not None:
            continue  # its own message stands until it is checked again
        mine = [f for f in other.findings if f.code not in run_level] + by_path.pop(path_of(open_uri), [])
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=open_uri, version=version if open_uri == uri else None,
            diagnostics=[to_diagnostic(f, other.text) for f in sorted(mine, key=lambda f: (f.span.start, f.code))]))
    # Files on disk that no editor has open: their cross-file findings, and clearing those that went.
    for path in sorted(set(by_path) | server.flagged_on_disk):
        found = by_path.get(path, [])
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        server.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=Path(path).as_uri(), diagnostics=[to_diagnostic(f, text) for f in found]))
    server.flagged_on_disk = set(by_path)


def workspace_claims(server: FactlintServer, settings: Settings, reference: Reference) -> list[tuple[str, list[Claim]]]:
    """(path, claims) of every open document and every article of the workspace folder: an open
    document as its buffer reads now, a file on disk as last saved (read again only when it changes)."""
    out = {path_of(u): c.document.claims for u, c in server.checked.items() if c.document is not None}
    root = server.workspace.root_path
    if root:
        for file in iter_files([root], include=settings.include, exclude=settings.exclude,
                               respect_gitignore=settings.respect_gitignore):
            path = str(file)
            if path in out:
                continue
            try:
                info = file.stat()
                key = (info.st_mtime_ns, info.st_size, id(reference))
                known = server.disk_claims.get(path)
                if known is None or known[0] != key:
                    known = (key, file_claims(file, reference, as_of=settings.as_of, max_edits=settings.max_edits))
                    server.disk_claims[path] = known
                out[path] = known[1]
            except (OSError, InputError):
                continue
    return sorted(out.items())


def build() -> FactlintServer:
    server = FactlintServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactlintServer, params: types.DidOpenTextDocumentParams) -> None:
        if params.text_document.uri.lower().endswith(DEFAULT_SUFFIXES) or not params.text_document.uri.startswith("file:"):
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

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]))
    def code_action(ls: FactlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return code_actions(ls, params.text_document.uri, params.range)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: FactlintServer, params: types.HoverParams) -> types.Hover | None:
        return hover(ls, params.text_document.uri, params.position)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactlintServer, params: types.DidCloseTextDocumentParams) -> None:
        waiting = ls.pending.pop(params.text_document.uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.checked.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))

    return server


def serve() -> None:
    build().start_io()
