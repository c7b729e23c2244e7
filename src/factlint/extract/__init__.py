"""From a document to claims: what the article asserts. Each claim kind has its own extractor;
this module runs them in order and returns every claim sorted by position."""

from __future__ import annotations

from ..document import Document
from ..index import index_for
from ..models import Claim, Reference
from .names import extract_names


def extract_claims(doc: Document, reference: Reference) -> list[Claim]:
    claims: list[Claim] = list(extract_names(doc, index_for(reference)))
    return sorted(claims, key=lambda c: (c.span.start, c.span.end))
