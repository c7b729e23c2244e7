"""From a document to claims: what the article asserts. Each claim kind has its own extractor;
this module runs them in order and returns every claim sorted by position."""

from __future__ import annotations

from ..document import Document
from ..index import index_for
from ..models import Claim, Reference
from .dates import extract_dates
from .events import extract_agreements, extract_events
from .names import extract_names


def extract_claims(doc: Document, reference: Reference) -> list[Claim]:
    index = index_for(reference)
    names = extract_names(doc, index)
    dates = extract_dates(doc)
    agreements = extract_agreements(doc, index)
    events = extract_events(doc, agreements, dates)
    claims: list[Claim] = [*names, *dates, *agreements, *events]
    return sorted(claims, key=lambda c: (c.span.start, c.span.end, c.kind))
