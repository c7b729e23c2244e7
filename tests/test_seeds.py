"""Acceptance on the two real articles the project started from (../shared/seeds; third-party text,
read from there and never copied here). Skipped when the folder is absent."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

import factlint
from conftest import SEEDS, brief

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
        ("FL101", 18, 55, "Kim Yo Jong"),  # Kim Yo-Long
        ("FL102", 19, 240, "Kim"),  # Yo Long said
        ("FL102", 20, 95, "Kim"),  # Yo Long stated
        ("FL102", 23, 16, "Yoon"),  # Pres. Suk-yeol
    ]
    assert [f.text for f in findings] == ["Kim Yo-Long", "Yo Long", "Yo Long", "Suk-yeol"]


def test_clean_article_draws_no_warning_or_error():
    proc = subprocess.run([sys.executable, "-m", "factlint", "check", str(CLEAN), "--format", "json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout
    assert [f for f in json.loads(proc.stdout)["findings"] if f["severity"] in ("warning", "error")] == []
