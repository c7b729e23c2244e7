"""Unicode tricks: names written with decomposed jamo, full-width Latin, invisible characters and
look-alike letters are matched or flagged, never silently passed; right-to-left text and emoji do not
shift columns (columns count Unicode code points, 1-based)."""

from __future__ import annotations

import unicodedata

import pytest
from conftest import brief, run_cli

import factlint

SAID = " said the talks were over."


def names(reference, text):
    from factlint.document import parse_document

    claims = factlint.extract(parse_document(text, kind="text"), reference)
    return [(c.text, c.entity_id, c.method) for c in claims if c.kind == "name"]


@pytest.mark.parametrize("written", [
    "Kim Yo Jong",
    unicodedata.normalize("NFD", "Kim Yo Jong"),
    "Ｋｉｍ Ｙｏ Ｊｏｎｇ",  # full-width Latin
    "Kim Yo\u200b Jong",  # zero-width space
    "Kim Yo\u200dJong",  # zero-width joiner where the space belongs
    "Kim\u00a0Yo\u00a0Jong",  # no-break spaces
    "Kim Yo Jo\u00adng",  # soft hyphen
    "Kim Yo Jo\u200eng",  # left-to-right mark
    "Kim Yo \u202eJong\u202c",  # a right-to-left override and its pop
    "Kim Yo Jo\u2066ng\u2069",  # an isolate
    "Kim Yo Jong\ufe0f",  # a variation selector
    "Kim Yo J\u034fong",  # combining grapheme joiner
    "Kim Yo Jong\U000e0041",  # a tag character
])
def test_disguised_forms_of_a_name_are_matched_and_silent(reference, written):
    found = names(reference, written + SAID)
    # An invisible character after the last letter is not part of the name's span.
    assert [(text, entity) for text, entity, _ in found] == [(written.rstrip("\u202c\u2069\ufe0f\U000e0041"),
                                                              "kim-yo-jong")]
    assert factlint.check_text(written + SAID, reference=reference, kind="text") == []


def test_decomposed_hangul_matches_the_composed_name(reference):
    # A reference that also lists the Hangul spelling: written as decomposed jamo (NFD, as some
    # systems save it), the name is still that person, and the span covers every jamo.
    person = reference.people["kim-yo-jong"]
    hangul = person.model_copy(update={"variants": [*person.variants, "김여정"]})
    with_hangul = reference.model_copy(update={"people": {**reference.people, "kim-yo-jong": hangul}})
    decomposed = unicodedata.normalize("NFD", "김여정")
    assert len(decomposed) == 8
    assert names(with_hangul, "김여정 said so.") == [("김여정", "kim-yo-jong", "variant")]
    assert names(with_hangul, decomposed + " said so.") == [(decomposed, "kim-yo-jong", "variant")]


@pytest.mark.parametrize("written, spoofed, column", [
    ("Kim Yo J\u043eng", "о", 1),  # Cyrillic small o
    ("Antony Bl\u0456nken", "і", 1),  # Cyrillic Byelorussian-Ukrainian i
    ("\u0410ntony Blinken", "А", 1),  # Cyrillic capital A
    ("\u041aim Yo Jong", "К", 1),  # Cyrillic capital Ka, the first letter of the family name
    ("Kim Yo J\u03bfng", "ο", 1),  # Greek omicron
])
def test_lookalike_letters_in_a_name_are_flagged(reference, written, spoofed, column):
    findings = factlint.check_text(written + SAID, reference=reference, kind="text")
    clean = written.replace(spoofed, {"о": "o", "і": "i", "А": "A", "ο": "o", "К": "K"}[spoofed])
    assert brief(findings) == [("FL104", 1, column, clean)]
    assert findings[0].text == written
    assert f"U+{ord(spoofed):04X}" in findings[0].message


def test_lookalike_letters_in_a_lone_family_name_are_flagged(reference):
    text = "Antony Blinken arrived. Later, Bl\u0456nken said so."
    assert brief(factlint.check_text(text, reference=reference, kind="text")) == [("FL104", 1, 32, "Blinken")]


def test_invisible_characters_inside_a_misspelling_do_not_hide_it(reference):
    for invisible in ("\u200e", "\u200b", "\u2060", "\ufe0f"):
        text = f"Kim Yo-Lo{invisible}ng said so."
        assert brief(factlint.check_text(text, reference=reference, kind="text")) == [("FL101", 1, 1, "Kim Yo Jong")]


def test_a_spoofed_misspelling_gets_the_misspelling_finding_only(reference):
    text = "Antony Bl\u0456nkin" + SAID
    assert brief(factlint.check_text(text, reference=reference, kind="text")) == [("FL101", 1, 1, "Antony Blinken")]


@pytest.mark.parametrize("text", [
    "Путин и Си Цзиньпин встретились в Москве.",  # Russian, all Cyrillic: not look-alikes
    "Сера и ООО are Cyrillic words made only of letters that look Latin.",
    "The β-blocker and the α-helix were discussed.",
    "Ο Κυριάκος Μητσοτάκης spoke in Athens.",
])
def test_text_in_other_scripts_is_left_alone(reference, text):
    assert factlint.check_text(text, reference=reference, kind="text") == []


@pytest.mark.slow
def test_fix_replaces_only_the_lookalike_letters(tmp_path):

    article = tmp_path / "a.md"
    article.write_text("Kim Yo J\u043eng said so.\n", encoding="utf-8")
    run = run_cli("check", str(article), "--fix")
    assert run.returncode == 0, run.stderr
    assert article.read_text(encoding="utf-8") == "Kim Yo Jong said so.\n"


@pytest.mark.parametrize("prefix, column", [
    ("", 1),
    ("😀😀 ", 4),  # astral-plane emoji: one column each (code points, not UTF-16 units)
    ("שלום ", 6),  # right-to-left Hebrew before the name
    ("مرحبا 👋🏽 ", 10),  # Arabic and an emoji with a skin-tone modifier (two code points)
    ("e\u0301te\u0301 ", 7),  # decomposed accents: every code point is a column
])
def test_columns_count_code_points_whatever_comes_before(reference, prefix, column):
    findings = factlint.check_text(prefix + "Kim Yo-Long said so.", reference=reference, kind="text")
    assert brief(findings) == [("FL101", 1, column, "Kim Yo Jong")]
    text = prefix + "Kim Yo-Long said so."
    assert text[findings[0].span.start:findings[0].span.end] == "Kim Yo-Long"
