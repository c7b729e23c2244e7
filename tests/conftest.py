from __future__ import annotations

import os
from pathlib import Path

import pytest

import factlint
from factlint.models import Finding, Reference

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The seed articles live beside the repository (../shared/seeds); they are third-party text and are
# never copied into it.
SEEDS = Path(os.environ.get("FACTLINT_SEEDS", ROOT.parent / "shared" / "seeds"))


@pytest.fixture(scope="session")
def reference() -> Reference:
    return factlint.load_reference()


def brief(findings: list[Finding]) -> list[tuple[str, int, int, str | None]]:
    """(code, line, column, suggestion) for each finding: what the tests assert on."""
    return [(f.code, f.span.line, f.span.column, f.suggestion) for f in findings]
