"""`factlint server` spoken to over the protocol: a real LSP client (pygls') starts it as a
subprocess on stdio, opens documents, waits for the diagnostics it publishes, asks for code actions
and applies them as an editor would."""

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


class Editor:
    """A client session: the documents it has open, their text, and the diagnostics last published."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.client = LanguageClient("factlint-test", "1")
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}
        self.published: dict[str, list[types.Diagnostic]] = {}
        self.arrived: dict[str, asyncio.Event] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published[params.uri] = list(params.diagnostics)
            self.arrived.setdefault(params.uri, asyncio.Event()).set()

    async def __aenter__(self) -> Editor:
        await self.client.start_io(sys.executable, "-m", "factlint", "server")
        await self.client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(),
                                                                  root_uri=self.root.as_uri()))
        self.client.initialized(types.InitializedParams())
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()

    async def open(self, name: str, text: str) -> list[types.Diagnostic]:
        path = self.root / name
        path.write_text(text, encoding="utf-8")
        uri = path.as_uri()
        self.texts[uri], self.versions[uri] = text, 1
        self.arrived.setdefault(uri, asyncio.Event()).clear()
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=uri, language_id="markdown", version=1, text=text)))
        return await self.wait(uri)

    async def type(self, uri: str, text: str) -> list[types.Diagnostic]:
        """The buffer changed (unsaved): the whole new text, as many clients send it."""
        self.texts[uri] = text
        self.versions[uri] += 1
        self.arrived.setdefault(uri, asyncio.Event()).clear()
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
        return await self.wait(uri)

    async def wait(self, uri: str) -> list[types.Diagnostic]:
        """The diagnostics published for `uri` after the last change sent (the server publishes the
        changed document last, so the others' are in by then)."""
        await asyncio.wait_for(self.arrived[uri].wait(), 60)
        return self.published[uri]

    async def actions(self, uri: str, where: types.Range) -> list[types.CodeAction]:
        found = await self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=where,
            context=types.CodeActionContext(diagnostics=self.published.get(uri, []))))
        return [a for a in found or [] if isinstance(a, types.CodeAction)]

    def apply(self, uri: str, action: types.CodeAction) -> str:
        """The buffer with the action's edits applied, last first."""
        text = self.texts[uri]
        lines = text.splitlines(keepends=True)
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(line))
        at = lambda p: offsets[p.line] + p.character  # noqa: E731 - ASCII text: UTF-16 units are characters
        for edit in sorted(action.edit.changes[uri], key=lambda e: at(e.range.start), reverse=True):
            text = text[:at(edit.range.start)] + edit.new_text + text[at(edit.range.end):]
        return text


def session(root: Path, script):  # noqa: ANN001, ANN201 - a coroutine function of an Editor
    async def go():  # noqa: ANN202
        async with Editor(root) as editor:
            return await script(editor)
    return asyncio.run(go())


@pytest.mark.slow
def test_diagnostics_are_the_findings_check_gives(tmp_path):
    got = session(tmp_path, lambda e: e.open("brief.md", ARTICLE))
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
    async def script(e: Editor) -> list[types.Diagnostic]:
        await e.open("brief.md", ARTICLE)
        return await e.type((tmp_path / "brief.md").as_uri(), ARTICLE.replace("Kim Yo-Long", "Kim Yo Jong"))
    assert session(tmp_path, script) == []


@pytest.mark.slow
def test_code_actions_fix_or_ignore_and_the_diagnostic_goes(tmp_path):
    uri = (tmp_path / "brief.md").as_uri()

    async def script(e: Editor) -> dict[str, object]:
        fl101 = next(d for d in await e.open("brief.md", ARTICLE) if d.code == "FL101")
        seen: dict[str, object] = {}
        actions = {a.title: a for a in await e.actions(uri, fl101.range)}
        seen["titles"] = list(actions)
        seen["fixed"] = await e.type(uri, e.apply(uri, actions["Replace with “Kim Yo Jong” (FL101)"]))
        seen["restored"] = await e.type(uri, ARTICLE)
        actions = {a.title: a for a in await e.actions(uri, fl101.range)}
        seen["ignored_text"] = e.apply(uri, actions["Ignore FL101 here"])
        seen["ignored"] = await e.type(uri, seen["ignored_text"])
        await e.type(uri, ARTICLE)
        actions = {a.title: a for a in await e.actions(uri, fl101.range)}
        seen["all_fixed"] = await e.type(uri, e.apply(uri, actions["Apply the 1 safe factlint fix"]))
        return seen

    seen = session(tmp_path, script)
    assert seen["titles"] == ["Replace with “Kim Yo Jong” (FL101)", "Ignore FL101 here",
                              "Apply the 1 safe factlint fix"]
    assert seen["fixed"] == []
    assert [d.code for d in seen["restored"]] == ["FL101"]
    assert "Kim Yo-Long said the talks were over. <!-- factlint: ignore FL101 -->\n" in seen["ignored_text"]
    assert seen["ignored"] == []
    assert seen["all_fixed"] == []


@pytest.mark.slow
def test_hover_says_what_the_reference_holds_and_where_from(tmp_path):
    uri = (tmp_path / "brief.md").as_uri()
    text = ARTICLE + "\nKORUS took effect in 2012.\n"

    async def script(e: Editor) -> list[types.Hover | None]:
        await e.open("brief.md", text)
        asked = []
        for line, character in ((5, 2), (7, 21), (7, 6)):  # the slip, the year, the word "took"
            asked.append(await e.client.text_document_hover_async(types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=character))))
        return asked

    slip, year, word = session(tmp_path, script)
    assert slip.contents.value.startswith("factlint: what the reference holds\n\n**Kim Yo Jong**")
    assert "Source: [" in slip.contents.value
    assert year.contents.value.startswith("factlint: the reference agrees\n\n**United States–Korea Free Trade Agreement**")
    assert "- entered into force: 2012-03-15" in year.contents.value
    assert (year.range.start.line, year.range.start.character) == (7, 21)
    assert word is None


@pytest.mark.slow
def test_a_change_in_one_file_draws_fl501_in_the_other(tmp_path):
    first, second = "The Treaty of Amity was signed in 2003.\n", "The Treaty of Amity was signed in 2003, as agreed.\n"
    (tmp_path / "closed.md").write_text("Nothing about treaties here.\n", encoding="utf-8")

    async def script(e: Editor) -> tuple[list, list, list]:
        a = await e.open("a.md", first)
        await e.open("b.md", second)
        uri_a, uri_b = (tmp_path / "a.md").as_uri(), (tmp_path / "b.md").as_uri()
        b = await e.type(uri_b, second.replace("2003", "2004"))
        return a, e.published[uri_a], b

    before, a_after, b_after = session(tmp_path, script)
    assert before == []
    assert [(d.code, d.range.start.line, d.range.start.character) for d in a_after] == [("FL501", 0, 34)]
    assert [(d.code, d.range.start.line, d.range.start.character) for d in b_after] == [("FL501", 0, 34)]
    assert "b.md" in a_after[0].message


@pytest.mark.slow
def test_a_changed_reference_layer_is_reloaded(tmp_path):
    # The desk's own layer names a person; the article misspells her. Then the desk accepts that
    # spelling as a variant, and the next check is silent: the layer was read again.
    layer = tmp_path / "ours"
    layer.mkdir()
    (tmp_path / ".factlint.yaml").write_text("reference: [ours]\n", encoding="utf-8")

    def write_layer(variants: str) -> None:
        (layer / "people.yaml").write_text(
            "sources:\n"
            "  - {id: desk, publisher: Our desk, title: Style sheet, url: 'https://example.org/s', accessed: 2026-11-30}\n"
            "people:\n"
            f"  - {{id: mara-quellbeck, name: Mara Quellbeck, variants: [{variants}], family: Quellbeck, given: Mara,\n"
            "     order: given-first, sources: [desk]}\n", encoding="utf-8")

    write_layer("")
    text = "Mara Quellbek spoke for the desk.\n"

    async def script(e: Editor) -> tuple[list, list]:
        before = await e.open("a.md", text)
        write_layer("Mara Quellbek")
        after = await e.type((tmp_path / "a.md").as_uri(), text + "\n")
        return before, after

    before, after = session(tmp_path, script)
    assert [d.code for d in before] == ["FL101"]
    assert after == []


@pytest.mark.slow
def test_a_broken_configuration_is_a_message_not_a_dead_server(tmp_path):
    (tmp_path / ".factlint.yaml").write_text("select: [FL101\n", encoding="utf-8")
    uri = (tmp_path / "brief.txt").as_uri()

    async def script(e: Editor) -> tuple[list, list]:
        broken = await e.open("brief.txt", "Kim Yo-Long said the talks were over.\n")
        (tmp_path / ".factlint.yaml").write_text("select: [FL101]\n", encoding="utf-8")
        mended = await e.type(uri, "Kim Yo-Long said the talks were over.\n\n")
        return broken, mended

    broken, mended = session(tmp_path, script)
    assert len(broken) == 1 and broken[0].message.startswith("factlint could not start checking: ")
    assert ".factlint.yaml" in broken[0].message
    assert [(d.code, d.range.start.line, d.range.start.character) for d in mended] == [("FL101", 0, 0)]


@pytest.mark.slow
def test_a_broken_reference_layer_is_a_message_not_a_dead_server(tmp_path):
    layer = tmp_path / "ours"
    layer.mkdir()
    (tmp_path / ".factlint.yaml").write_text("reference: [ours]\n", encoding="utf-8")
    (layer / "people.yaml").write_text("people:\n  - {id: x, name: X Y, family: Y, given: X, order: given-first}\n",
                                       encoding="utf-8")  # no source: the layer is refused
    uri = (tmp_path / "brief.md").as_uri()

    async def script(e: Editor) -> tuple[list, list]:
        broken = await e.open("brief.md", ARTICLE)
        (layer / "people.yaml").unlink()
        (layer / "empty.yaml").write_text("people: []\n", encoding="utf-8")
        mended = await e.type(uri, ARTICLE + "\n")
        return broken, mended

    broken, mended = session(tmp_path, script)
    assert len(broken) == 1 and broken[0].message.startswith("factlint could not start checking: ")
    assert [d.code for d in mended] == ["FL101"]
