"""Sentence boundaries, so that a date, a cue and a name are only read together when one sentence
holds them all."""

from __future__ import annotations

import re

# A full stop after these does not end a sentence: "Pres. Yoon", "U.S. officials", "Jan. 5".
_ABBREVIATIONS = frozenset("""
mr mrs ms dr gen lt col maj capt adm sgt pres sen rep gov amb st jr sr vs etc no nos fig approx
jan feb mar apr jun jul aug sep sept oct nov dec corp inc ltd co dept est
""".split())
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)|\n[ \t]*\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence in `text`."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group().startswith(".") and _abbreviation_before(text, m.start()):
            continue
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _abbreviation_before(text: str, dot: int) -> bool:
    word = re.search(r"([A-Za-z]+)$", text[max(0, dot - 12):dot])
    if not word:
        return False
    w = word.group(1)
    # Single capitals are initials ("H. R. McMaster", "U.S."), except a sentence ending in "I."
    return w.lower() in _ABBREVIATIONS or (len(w) == 1 and w.isupper() and w != "I")
