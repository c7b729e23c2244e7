"""Sentence boundaries, so that a date, a cue and a name are only read together when one sentence
holds them all."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

# A full stop after these does not end a sentence: "Pres. Yoon", "U.S. officials", "Jan. 5".
_ABBREVIATIONS = frozenset("""
mr mrs ms dr gen lt col maj capt adm sgt pres sen rep gov amb st jr sr vs etc no nos fig approx
jan feb mar apr jun jul aug sep sept oct nov dec corp inc ltd co dept est
""".split())
# A punctuation run is matched from its first character only: retrying inside a run of ten thousand
# dots would make the scan quadratic, and a shorter run ends where the longer one does.
_END = re.compile(r"(?<![.!?])[.!?]+[\"'”’)\]]*(?=\s|$)|\n[ \t]*\n")


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


def sentence_index(spans: Sequence[tuple[int, int]], pos: int, starts: Sequence[int] | None = None) -> int | None:
    """Which of `spans` (sorted, disjoint) holds `pos`; None when it falls between them."""
    i = bisect_right(starts if starts is not None else [s for s, _ in spans], pos) - 1
    return i if i >= 0 and pos < spans[i][1] else None


def by_sentence(spans: Sequence[tuple[int, int]], items: Sequence[T], position: Callable[[T], int]) -> list[list[T]]:
    """The items in each sentence, keeping their order, in one pass: asking every sentence about
    every item would be quadratic in a long text."""
    starts = [s for s, _ in spans]
    out: list[list[T]] = [[] for _ in spans]
    for item in items:
        i = sentence_index(spans, position(item), starts)
        if i is not None:
            out[i].append(item)
    return out


def with_sentences_before(text: str, at: int, before: int = 2,
                          spans: Sequence[tuple[int, int]] | None = None) -> str:
    """The sentence holding `at` and the `before` sentences ahead of it: where a text names what a
    phrase refers to ("the two countries", "an armistice"). Without `spans` (the text's sentences,
    when a caller has them), only a window around `at` is split: a few look-ups must not cost a
    pass over the whole text."""
    lo = 0
    windowed = spans is None
    if spans is None:
        lo = max(0, at - 800)
        text = text[lo:min(len(text), at + 400)]
        spans = sentence_spans(text)
    k = sentence_index(spans, at - lo)
    if k is None:
        return text if windowed else ""
    return text[spans[max(0, k - before)][0]:spans[k][1]]


# What may stand before a date that opens its sentence: a list marker, a quote or parenthesis, a
# conjunction, a preposition. "In 2017, ...", "- In March 2022, ...", "Yet, on July 27, 1953, ...".
_OPENING = re.compile(r"\s*(?:(?:[-*+\u2022]|\d{1,3}[.)])\s+)?[\W_]*(?:(?:yet|and|but|so|then|later)\W+)?"
                      r"(?:in|on|by|during)?\s*", re.I)


def opens_sentence(text: str, s_start: int, at: int) -> bool:
    """Does what stands at `at` open the sentence starting at `s_start`?"""
    return _OPENING.fullmatch(text, s_start, at) is not None
