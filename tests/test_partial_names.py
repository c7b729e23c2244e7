"""A lone family name resolves only to the person the document names in full, and never when it is
part of a longer name the reference does not hold: "Defense Minister Kim Kwan-seop" is not Kim Jong Un,
so FL401 must not accuse Kim Jong Un of being defense minister (issue 12, item 2)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import brief, run_cli

import factlint
from factlint.document import parse_document
from factlint.models import NameMention, TitleClaim

# Each article names a known person in full and then an unknown person with the same family name,
# with a title the known person never held.
STRANGERS = {
    "minister-after-leader.md": (
        "---\ndate: 2013-03-01\n---\n"
        "Kim Jong Un inspected a frontline unit. Defense Minister Kim Kwan-seop put the army on alert.\n"),
    "minister-in-the-past.md": (
        "President Yoon Suk Yeol hosted the talks.\n\n"
        "In 2003, Foreign Minister Yoon Young-seop flew to Washington for talks.\n"),
    "minister-after-father.md": (
        "Kim Jong Il died in 2011. South Korean Foreign Minister Kim Tae-seop called allies that week.\n"),
    "given-name-first.md": (
        "President Joe Biden spoke on Monday. Defense Secretary Hunter Biden was not there.\n"),
}


@pytest.mark.parametrize("name", sorted(STRANGERS))
def test_unknown_full_name_draws_nothing(reference, name):
    text = STRANGERS[name]
    assert factlint.check_text(text, reference=reference, path=name, select=["ALL"]) == []


@pytest.mark.parametrize("name", sorted(STRANGERS))
def test_unknown_full_name_resolves_to_nobody(reference, name):
    claims = factlint.extract(parse_document(STRANGERS[name], path=name), reference)
    stranger = {"minister-after-leader.md": "Kim", "minister-in-the-past.md": "Yoon",
                "minister-after-father.md": "Kim", "given-name-first.md": "Biden"}[name]
    # Only the full names the reference holds are claims; no title is read for the stranger.
    names = [(c.text, c.entity_id) for c in claims if isinstance(c, NameMention)]
    assert all(text != stranger for text, _ in names)
    assert [c for c in claims if isinstance(c, TitleClaim) and c.text.endswith(("Minister", "Secretary"))] == []


@pytest.mark.slow
def test_cli_reports_nothing_for_strangers(tmp_path: Path):
    for name, text in STRANGERS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    proc = run_cli("check", str(tmp_path), "--select", "ALL", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["findings"] == []


def test_lone_surname_is_ambiguous_beside_a_namesake(reference):
    # Two Kims named in full, one unknown: "Minister Kim" could be either, so it is nobody's.
    text = ("Kim Jong Un inspected a frontline unit. Defense Minister Kim Kwan-seop put the army on alert. "
            "In 2013, Defense Minister Kim said the army was ready.\n")
    claims = factlint.extract(parse_document(text, path="a.md"), reference)
    assert [(c.text, c.entity_id) for c in claims if isinstance(c, NameMention)] == [("Kim Jong Un", "kim-jong-un")]
    assert factlint.check_text(text, reference=reference, select=["ALL"]) == []


# The same articles with a real title error on the person the reference holds: still caught.
CAUGHT = ("---\ndate: 2013-03-01\n---\n"
          "Kim Jong Un inspected a frontline unit. Defense Minister Kim Kwan-seop put the army on alert.\n"
          "Later that day Defense Secretary Antony Blinken called Seoul.\n")

BLINKEN = ("Antony Blinken has no record of serving as defense secretary; recorded offices: Deputy Secretary of "
           "State (2015-01-09 to 2017-01-20); Secretary of State (2021-01-26 to 2025-01-20)")


def test_real_title_error_on_a_known_person_is_still_caught(reference):
    findings = factlint.check_text(CAUGHT, reference=reference, select=["ALL"], as_of=dt.date(2013, 3, 1))
    # In 2013 Blinken held no office the reference records, so there is no title to suggest.
    assert brief(findings) == [("FL401", 5, 16, None)]
    assert findings[0].message == BLINKEN
    assert findings[0].entity_id == "antony-blinken"


@pytest.mark.slow
def test_cli_catches_real_title_error_beside_a_stranger(tmp_path: Path):
    article = tmp_path / "caught.md"
    article.write_text(CAUGHT, encoding="utf-8")
    proc = run_cli("check", str(article), "--select", "ALL", "--format", "json")
    assert proc.returncode == 1, proc.stderr
    found = [(f["code"], f["line"], f["column"], f["text"], f["suggestion"]) for f in json.loads(proc.stdout)["findings"]]
    assert found == [("FL401", 5, 16, "Defense Secretary", None)]
    assert json.loads(proc.stdout)["findings"][0]["message"] == BLINKEN


@pytest.mark.parametrize(("text", "expected"), [
    # A partial name after the full one resolves to that person.
    ("President Yoon Suk Yeol arrived on Monday. Yoon said the alliance was strong.",
     [("Yoon Suk Yeol", "yoon-suk-yeol", "exact"), ("Yoon", "yoon-suk-yeol", "partial")]),
    # A title before the lone surname, including "President-elect", is not a given name.
    ("Yoon Suk Yeol won the vote. President-elect Yoon thanked voters.",
     [("Yoon Suk Yeol", "yoon-suk-yeol", "exact"), ("Yoon", "yoon-suk-yeol", "partial")]),
    # Ordinary words beside the surname are not a given name; nor is another known surname.
    ("Donald Trump spoke. The Trump White House and the Biden-Harris years differ.",
     [("Donald Trump", "donald-trump", "exact"), ("Trump", "donald-trump", "partial")]),
    # A different Lee, in full: neither resolves to Lee Jae-myung.
    ("President Lee Jae-myung met Samsung chairman Lee Jae-yong. Lee Jae-yong promised investment.",
     [("Lee Jae-myung", "lee-jae-myung", "exact")]),
])
def test_partial_name_resolution(reference, text, expected):
    claims = factlint.extract(parse_document(text, path="a.md"), reference)
    assert [(c.text, c.entity_id, c.method) for c in claims if isinstance(c, NameMention)] == expected


def test_misspelled_surname_after_full_name_is_still_caught(reference):
    findings = factlint.check_text("Antony Blinken landed. Blinkin said talks went well.", reference=reference)
    assert brief(findings) == [("FL101", 1, 24, "Blinken")]
