"""Acceptance on the two real articles the project started from (../shared/seeds; third-party text,
read from there and never copied here). Skipped when the folder is absent."""

from __future__ import annotations

import json
import re

import pytest
from conftest import SEEDS, brief, run_cli

import factlint

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found at {SEEDS}")

ERRORS = SEEDS / "001_2a91d6ccd0730f57.txt"
CLEAN = SEEDS / "000_57c22c32fcaf9864.txt"


def test_every_misspelling_of_kim_yo_jong_is_flagged(reference):
    text = ERRORS.read_text(encoding="utf-8")
    findings = factlint.check_paths([ERRORS], reference=reference).findings
    flagged = {(f.span.start, f.span.end) for f in findings}
    occurrences = [m.span() for m in re.finditer(r"(?:Kim )?Yo[ -]Long", text)]
    assert len(occurrences) == 3
    assert set(occurrences) <= flagged


def test_errors_article_exact_findings(reference):
    findings = factlint.check_paths([ERRORS], reference=reference).findings
    assert brief(findings) == [
        ("FL302", 9, 77, None),  # "$146.7 billion last year": no article date, so no year to check
        ("FL101", 18, 55, "Kim Yo Jong"),  # Kim Yo-Long
        ("FL102", 19, 240, "Kim"),  # Yo Long said
        ("FL402", 20, 21, "state news agency"),  # KCNA called a state-owned radio station
        ("FL102", 20, 95, "Kim"),  # Yo Long stated
        ("FL102", 23, 16, "Yoon"),  # Pres. Suk-yeol
    ]
    assert [f.text for f in findings] == ["$146.7 billion", "Kim Yo-Long", "Yo Long", "state-owned radio station",
                                          "Yo Long", "Suk-yeol"]


def test_errors_article_as_of_may_2023(reference):
    import datetime as dt

    findings = factlint.check_paths([ERRORS], reference=reference, as_of=dt.date(2023, 5, 15)).findings
    assert [(f.code, f.span.line, f.span.column) for f in findings if f.code[:3] in ("FL2", "FL3", "FL4", "FL5")] == [
        ("FL301", 9, 77),  # $146.7 billion for 2022 matches no US or Korean series
        ("FL402", 20, 21),
    ]
    fl301 = findings[0]
    assert "$227.4 billion" in fl301.message and "$186.808 billion" in fl301.message
    assert fl301.source is not None


def test_errors_article_claims_its_korus_and_treaty_dates_correctly(reference):
    from factlint.document import read_document
    from factlint.models import EventClaim

    events = [c for c in factlint.extract(read_document(ERRORS), reference) if isinstance(c, EventClaim)]
    assert [(c.entity_id, c.text, c.event_types) for c in events] == [
        ("korus-fta", "2012", ["entered_into_force"]),
        ("korus-fta", "2007", ["signed", "adopted"]),
        ("us-rok-mutual-defense-treaty", "1953", []),
    ]


@pytest.mark.slow
@pytest.mark.parametrize("extra", [[], ["--as-of", "2021-08-31"], ["--as-of", "2021-08-31", "--select", "ALL"]])
def test_clean_article_draws_no_warning_or_error(extra):
    proc = run_cli("check", str(CLEAN), "--format", "json", *extra)
    assert proc.returncode == 0, proc.stdout
    assert [f for f in json.loads(proc.stdout)["findings"] if f["severity"] in ("warning", "error")] == []
