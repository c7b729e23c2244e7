"""Documents: what is stripped, how Unicode is folded, and that every span still names the exact
characters of the original file."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import brief

import factlint
from factlint.document import parse_document
from factlint.read import InputError, decode


def spans_round_trip(text: str, kind: str, reference) -> list[str]:
    return [text[f.span.start:f.span.end] for f in factlint.check_text(text, reference=reference, kind=kind)]


@pytest.mark.parametrize("written", [
    "Kim\u00a0Yo-Long",  # non-breaking space
    "Kim Yo\u2011Long",  # non-breaking hyphen
    "Kim Yo\u200b-Long",  # zero-width space
    "\uff2bim Yo-Long",  # full-width K
    "Kim Yo\u2010Long",  # Unicode hyphen
])
def test_unicode_is_folded_for_matching_but_spans_keep_original_characters(reference, written):
    text = f"Analysts said {written} spoke."
    findings = factlint.check_text(text, reference=reference, kind="text")
    assert brief(findings) == [("FL101", 1, 15, "Kim Yo Jong")]
    assert findings[0].text == written
    assert text[findings[0].span.start:findings[0].span.end] == written


def test_decomposed_accents_match_and_columns_count_code_points(reference):
    # "António Guterres" with a combining tilde (NFD), after an emoji: the finding's column counts
    # code points of the original line.
    text = "🙂 Antonio Guteres spoke. Anto\u0301nio Guterres too."
    findings = factlint.check_text(text, reference=reference, kind="text")
    assert brief(findings) == [("FL101", 1, 3, "António Guterres")]


def test_markdown_code_links_comments_and_front_matter_are_skipped(reference):
    text = (
        "---\ntitle: Kim Yo-Long\ndate: 2023-05-15\n---\n"
        "Inline `Kim Yo-Long` code, a [link](https://x.org/Kim_Yo-Long), <!-- Kim Yo-Long -->\n"
        "```\nKim Yo-Long\n```\n"
        "<span title=\"Kim Yo-Long\">x</span> https://example.org/Kim-Yo-Long\n"
        "Prose: Kim Yo-Long.\n"
    )
    assert brief(factlint.check_text(text, reference=reference)) == [("FL101", 10, 8, "Kim Yo Jong")]


@pytest.mark.parametrize("text, expected", [
    ("---\n---\nKim Yo-Long spoke.\n\n---\n\nAntony Blinkin too.\n", [3, 7]),  # empty front matter
    ("Pyongyang`s statement.\n\nKim Yo-Long said.\n\nSeoul`s reply.\n", [3]),  # stray backticks
    ("Text.[^1]\n\n[^1]: Issued by Kim Yo-Long.\n[id]: https://x.org/Kim_Yo-Long\n", [3]),  # footnote
    ("Kim&nbsp;Yo-Long said.\n", [1]),  # entities in Markdown
    ("Para.\n\n    Kim Yo-Long in code\n\n- item\n\n    Kim Yo-Long in the item\n", [7]),  # indented code
    ("+++\ntitle = 'Kim Yo-Long'\n+++\nKim Yo-Long.\n", [4]),  # TOML front matter
    ("---\nKim Yo-Long is prose between rules.\n---\n", [2]),
    ("a \\`Kim Yo-Long\\` b\n", [1]),  # escaped backticks are not code
])
def test_markdown_edge_cases(reference, text, expected):
    assert [f.span.line for f in factlint.check_text(text, reference=reference) if f.code == "FL101"] == expected


def test_unclosed_fence_skips_to_end(reference):
    assert factlint.check_text("Text.\n\n~~~~\nKim Yo-Long\n", reference=reference) == []


def test_html_entities_and_tags(reference):
    text = "<p>Said&nbsp;<i>Kim</i> Yo&#8209;Long &amp; others</p>"
    findings = factlint.check_text(text, reference=reference, kind="html")
    assert [text[f.span.start:f.span.end] for f in findings] == ["Kim</i> Yo&#8209;Long"]
    assert (findings[0].span.line, findings[0].span.column) == (1, 17)


def test_crlf_line_endings_give_the_same_positions(reference):
    lf = "First line.\nKim Yo-Long said.\n"
    crlf = lf.replace("\n", "\r\n")
    assert brief(factlint.check_text(lf, reference=reference, kind="text")) == \
        brief(factlint.check_text(crlf, reference=reference, kind="text")) == [("FL101", 2, 1, "Kim Yo Jong")]


def test_front_matter_date_is_the_article_date():
    doc = parse_document("---\ndate: 2023-05-15\n---\nText", as_of=dt.date(2020, 1, 1))
    assert doc.as_of == dt.date(2023, 5, 15)
    assert parse_document("No front matter", as_of=dt.date(2020, 1, 1)).as_of == dt.date(2020, 1, 1)


def test_bad_front_matter_is_reported_and_the_text_still_checked(reference):
    text = "---\ntitle: ok\ndate: [2023\n---\nKim Yo-Long said.\n"
    assert [(c, l) for c, l, _, _ in brief(factlint.check_text(text, reference=reference))] == [
        ("FL902", 3), ("FL101", 5)]


@pytest.mark.parametrize("data, message", [
    (b"\xff\xfeK\x00i\x00m\x00", None),  # UTF-16 with BOM decodes
    (b"\xef\xbb\xbfKim", None),  # UTF-8 with BOM decodes
    (b"caf\xe9", "not valid UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
])
def test_decode(data, message):
    if message is None:
        assert decode(data) == "Kim"
    else:
        with pytest.raises(InputError, match=message):
            decode(data)
