"""The HTML review page, loaded in a real headless browser (Debian's chromium; .ci/run installs it)."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


factlint = run_cli


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr",
                           "--v=0", *args], capture_output=True, text=True, timeout=120)


class Marks(HTMLParser):
    """The highlighted claims of a page: (verdict, codes, text, tabindex), and whether any script ran."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[dict[str, str]] = []
        self.scripts = 0
        self._depth = 0  # inside a <mark>, outside its tooltip
        self._in_tip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "mark" and "data-verdict" in a:  # a claim (the legend's marks carry no verdict)
            self.marks.append({"verdict": a.get("data-verdict") or "", "codes": a.get("data-codes") or "",
                               "tabindex": a.get("tabindex") or "", "text": ""})
            self._depth = 1
        elif tag == "span" and self._depth and (self._in_tip or "tip" in (a.get("class") or "")):
            self._in_tip += 1  # the tooltip and the spans inside it

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._in_tip:
            self._in_tip -= 1
        if tag == "mark":
            self._depth = 0

    def handle_data(self, data: str) -> None:
        if self._depth and not self._in_tip:
            self.marks[-1]["text"] += data


@pytest.mark.slow
def test_review_page_in_a_real_browser(tmp_path):
    page = tmp_path / "report.html"
    proc = factlint("check", str(EXAMPLES), "--format", "html", "-o", str(page))
    assert proc.returncode == 1 and proc.stdout == ""
    findings = json.loads(factlint("check", str(EXAMPLES), "--format", "json").stdout)["findings"]

    shot = tmp_path / "review.png"
    loaded = chromium(tmp_path, "--window-size=1280,2000", f"--screenshot={shot}", page.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    dom = chromium(tmp_path, "--dump-dom", page.as_uri())
    for run in (loaded, dom):  # the page logs nothing to the console and loads nothing from the network
        assert "CONSOLE" not in run.stderr and "Uncaught" not in run.stderr
        assert "net::ERR" not in run.stderr

    parser = Marks()
    parser.feed(dom.stdout)
    assert parser.scripts == 0
    flagged = [m for m in parser.marks if m["codes"]]
    # Every finding tied to a claim sits on exactly the words it is about.
    texts = {(f["code"], f["text"]) for f in findings}
    for mark in flagged:
        for code in mark["codes"].split():
            assert (code, mark["text"]) in texts, mark
    assert {"Kim Yo-Long", "Antony Blinkin", "state-owned radio station", "$146.7 billion", "2011"} <= \
        {m["text"] for m in flagged}
    assert {m["verdict"] for m in parser.marks} == {"contradicted", "likely-wrong", "verified", "unchecked"}
    assert all(m["tabindex"] == "0" for m in parser.marks)  # every claim reachable by keyboard


@pytest.mark.slow
def test_review_page_escapes_article_text(tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text('Kim Yo-Long said <script>alert("x")</script> & <b>bold</b>.\n', encoding="utf-8")
    page = tmp_path / "report.html"
    factlint("check", str(article), "--format", "html", "-o", str(page))
    text = page.read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;" in text
    parser = Marks()
    parser.feed(chromium(tmp_path, "--dump-dom", page.as_uri()).stdout)
    assert parser.scripts == 0 and [m["text"] for m in parser.marks] == ["Kim Yo-Long"]
