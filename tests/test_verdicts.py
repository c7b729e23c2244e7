"""What the review page calls verified, and which entity `extract` gives each name (issue 12, item 3).

Green means a rule compared the claim with a record and it agreed. A claim no rule could check is
"not checked", whatever entity it resolved to; and a partial name resolves only to the person the
document named in full. Run through the real command line, as an editor would."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import run_cli

import factlint
from factlint.api import verified_claims
from factlint.document import parse_document
from factlint.rules import RuleContext, enabled_codes

WRONG = """---
date: 2025-08-01
---
KCNA, the North's official radio broadcaster, carried the statement.

Kim Jong Un watched the launch. Industry Minister Kim Sang-seop met exporters that week.

Samsung chairman Lee Jae-yong toured the plant with President Lee Jae-myung.

In 2017, Secretary of State Mike Pompeo flew to Seoul.
"""

RIGHT = """---
date: 2023-06-01
---
KCNA, the North's state news agency, carried the statement.

In 2023, President Yoon Suk Yeol visited Washington. Yoon said the alliance had never been stronger.

In 2019, Secretary of State Mike Pompeo flew to Seoul.
"""


class Marks(HTMLParser):
    """(verdict, codes, text, reference entity) of every highlighted claim."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[list[str]] = []
        self._in_mark = False
        self._in_tip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "mark" and "data-verdict" in a:
            self.marks.append([a["data-verdict"] or "", a["data-codes"] or "", "", ""])
            self._in_mark = True
        elif tag == "span" and self._in_mark and (self._in_tip or "tip" in (a.get("class") or "")):
            self._in_tip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._in_tip:
            self._in_tip -= 1
        elif tag == "mark":
            self._in_mark = False

    def handle_data(self, data: str) -> None:
        if not self._in_mark:
            return
        if self._in_tip:
            found = re.match(r"Reference: (\S+)", data)
            if found:
                self.marks[-1][3] = found.group(1)
        else:
            self.marks[-1][2] += data


def page(tmp_path: Path, name: str, text: str) -> list[tuple[str, ...]]:
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    out = tmp_path / f"{name}.html"
    proc = run_cli("check", str(article), "--select", "ALL", "--format", "html", "-o", str(out), "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    parser = Marks()
    parser.feed(out.read_text(encoding="utf-8"))
    return [tuple(m) for m in parser.marks]


def extracted_names(tmp_path: Path, name: str, text: str) -> list[tuple[int, int, str, str | None]]:
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    proc = run_cli("extract", str(article), "-o", str(tmp_path / "claims"))
    assert proc.returncode == 0, proc.stderr
    claims = yaml.safe_load((tmp_path / "claims" / f"{Path(name).stem}.claims.yaml").read_text())["claims"]
    return [(c["span"]["line"], c["span"]["column"], c["text"], c.get("entity_id")) for c in claims if c["kind"] == "name"]


@pytest.mark.slow
def test_wrong_or_unchecked_claims_are_never_green(tmp_path):
    assert page(tmp_path, "wrong.md", WRONG) == [
        ("verified", "", "KCNA", "kcna"),
        # Not a news agency's description: FL402, not green.
        ("likely-wrong", "FL402", "North's official radio broadcaster", "kcna"),
        ("verified", "", "Kim Jong Un", "kim-jong-un"),
        # "Kim Sang-seop" and "Lee Jae-yong" are nobody the reference holds: no claim, no colour.
        ("verified", "", "President", "lee-jae-myung"),
        ("verified", "", "Lee Jae-myung", "lee-jae-myung"),
        # Pompeo became Secretary of State in 2018, and the sentence opens with 2017: FL401.
        ("likely-wrong", "FL401", "Secretary of State", "mike-pompeo"),
        ("verified", "", "Mike Pompeo", "mike-pompeo"),
        # A place the reference holds, spelled as it spells it.
        ("verified", "", "Seoul", "seoul"),
    ]


@pytest.mark.slow
def test_claims_a_rule_agreed_with_stay_green(tmp_path):
    assert page(tmp_path, "right.md", RIGHT) == [
        ("verified", "", "KCNA", "kcna"),
        ("verified", "", "North's state news agency", "kcna"),
        ("verified", "", "President", "yoon-suk-yeol"),
        ("verified", "", "Yoon Suk Yeol", "yoon-suk-yeol"),
        ("verified", "", "Yoon", "yoon-suk-yeol"),
        ("verified", "", "Secretary of State", "mike-pompeo"),
        ("verified", "", "Mike Pompeo", "mike-pompeo"),
        ("verified", "", "Seoul", "seoul"),
    ]


@pytest.mark.slow
def test_extract_links_only_names_the_document_gives_in_full(tmp_path):
    assert extracted_names(tmp_path, "wrong.md", WRONG) == [
        (4, 1, "KCNA", "kcna"),
        (6, 1, "Kim Jong Un", "kim-jong-un"),
        (8, 63, "Lee Jae-myung", "lee-jae-myung"),
        (10, 29, "Mike Pompeo", "mike-pompeo"),
        (10, 49, "Seoul", "seoul"),
    ]
    assert extracted_names(tmp_path, "right.md", RIGHT) == [
        (4, 1, "KCNA", "kcna"),
        (6, 20, "Yoon Suk Yeol", "yoon-suk-yeol"),
        (6, 54, "Yoon", "yoon-suk-yeol"),
        (8, 29, "Mike Pompeo", "mike-pompeo"),
        (8, 49, "Seoul", "seoul"),
    ]


def test_radio_broadcaster_is_the_radio_station_mistake(reference):
    findings = factlint.check_text(WRONG, reference=reference)
    assert [(f.code, f.span.line, f.span.column, f.suggestion, f.message) for f in findings] == [
        ("FL402", 4, 11, "state news agency", "Korean Central News Agency is a state news agency, not a radio broadcaster"),
        # A date opens the sentence and Pompeo acts in it: a title gained only in 2018 is wrong there
        # (issue 15's line between a wrong title and retrospective usage).
        ("FL401", 10, 10, None, "Mike Pompeo was not yet secretary of state in 2017 (from 2018-04-26); "
                                "the secretary of state then was John Kerry and Rex Tillerson")]


@pytest.mark.parametrize(("text", "verified"), [
    # A matching event date is verified; a contradicted one is not. The agreement's name resolves
    # to the reference, but no rule compares it with anything: not verified.
    ("KORUS entered into force in 2012.", {"2012"}),
    ("KORUS entered into force in 2011.", set()),
    ("The armistice agreement is old.", set()),
    # A name spelled as the reference spells it is; an unknown one is no claim at all.
    ("Kim Jong Un spoke. Choe said nothing.", {"Kim Jong Un"}),
    # A trade figure matching a series is; one no series covers is not.
    ("In 2022, US goods and services trade with South Korea was $227.4 billion.", {"$227.4 billion"}),
    ("In 2022, US goods and services trade with South Korea was $300.0 billion.", set()),
    # A title held at the time is; one gained later is left alone by FL401, so it is not.
    ("In 2019, Secretary of State Mike Pompeo flew to Seoul.", {"Mike Pompeo", "Secretary of State", "Seoul"}),
    ("In 2017, Secretary of State Mike Pompeo flew to Seoul.", {"Mike Pompeo", "Seoul"}),
    # Undated, a title is checked only against the offices the person ever held; "former" needs the
    # article's date, and there is none here.
    ("Unification Minister Hong Yong-pyo visited Kaesong.", {"Hong Yong-pyo", "Unification Minister", "Kaesong"}),
    ("Foreign Minister Hong Yong-pyo visited Kaesong.", {"Hong Yong-pyo", "Kaesong"}),
    ("The former defense minister Lee Jong-sup spoke.", {"Lee Jong-sup"}),
])
def test_verified_means_a_rule_agreed(reference, text, verified):
    doc = parse_document(text, path="a.md")
    claims = factlint.extract(doc, reference)
    ctx = RuleContext(path="a.md", reference=reference)
    agreed = verified_claims(claims, ctx, enabled_codes(["ALL"]))
    assert {claims[n].text for n in agreed} == verified


def test_nothing_is_verified_by_rules_that_did_not_run(reference):
    doc = parse_document("KORUS entered into force in 2012. Kim Jong Un spoke.", path="a.md")
    claims = factlint.extract(doc, reference)
    ctx = RuleContext(path="a.md", reference=reference)
    assert verified_claims(claims, ctx, enabled_codes(["FL3"])) == frozenset()
