"""From a document to claims: what the article asserts. Each claim kind has its own extractor;
this module runs them in order and returns every claim sorted by position."""

from __future__ import annotations

from ..document import Document
from ..models import Claim, Reference
from ..record import index_for
from .dates import extract_dates
from .events import extract_agreements, extract_events, extract_parties
from .figures import extract_figures
from .names import extract_names
from .sentences import sentence_spans
from .titles import extract_descriptions, extract_titles


def extract_claims(doc: Document, reference: Reference, *, max_edits: int = 2) -> list[Claim]:
    """Every claim of a document. `max_edits` caps how far a misspelled name may be (0: exact only)."""
    index = index_for(reference, max_edits)
    names = extract_names(doc, index)
    dates = extract_dates(doc)
    agreements = extract_agreements(doc, index, reference)

    # One sentence split for every extractor: the prose's (line breaks inside a paragraph read as
    # spaces, offsets unchanged, so its sentences are the text's too).
    sentences = sentence_spans(doc.prose)
    events = extract_events(doc, agreements, dates, index.dated_after, sentences)
    parties = extract_parties(doc, agreements, sentences)
    figures = extract_figures(doc, dates, sentences)
    titles = extract_titles(doc, names, dates, horizon=index.horizon, index=index, sentences=sentences)
    descriptions = extract_descriptions(doc, names)
    claims: list[Claim] = [*names, *dates, *agreements, *events, *parties, *figures, *titles, *descriptions]
    return sorted(claims, key=lambda c: (c.span.start, c.span.end, c.kind))
