"""Precision: correct prose dense with real names (in the reference and not, one letter from reference
names, places, organizations, accepted romanizations) draws no finding at all."""

from __future__ import annotations

import re

from conftest import FIXTURES

import factlint
from factlint.document import read_document
from factlint.models import NameMention

PRECISION = FIXTURES / "precision"


def test_clean_corpus_draws_no_findings(reference):
    result = factlint.check_paths([PRECISION], reference=reference, select=["ALL"], ignore=["FL103"])
    assert result.files_checked >= 6
    assert [(f.path, f.span.line, f.code, f.text) for f in result.findings] == []


def test_clean_corpus_is_large_and_really_exercises_the_matcher(reference):
    words = 0
    entities: set[str] = set()
    mentions = 0
    for path in sorted(PRECISION.iterdir()):
        doc = read_document(path)
        words += len(re.findall(r"\w+", doc.text))
        names = [c for c in factlint.extract(doc, reference) if isinstance(c, NameMention)]
        mentions += len(names)
        entities.update(c.entity_id for c in names if c.entity_id)
    assert words >= 6000
    assert mentions >= 300
    assert len(entities) >= 60
