"""Sorted, disjoint [start, end) ranges of a text, looked up by bisection: what keeps skipping code,
choosing between overlapping matches and applying suppressions linear in the size of a document."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Sequence

Range = tuple[int, int]


def merge(ranges: Iterable[Range]) -> list[Range]:
    """The union of `ranges`, sorted and disjoint; empty ranges vanish and touching ones join."""
    out: list[Range] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def contains(ranges: Sequence[Range], at: int) -> bool:
    """Does one of `ranges` (sorted, disjoint) hold the offset `at`?"""
    i = bisect_right(ranges, (at, float("inf"))) - 1
    return i >= 0 and at < ranges[i][1]


class Taken:
    """Ranges claimed so far, disjoint: a new one is accepted only when it overlaps none of them."""

    def __init__(self) -> None:
        self._ranges: list[Range] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._ranges, (end,))  # the ranges that start before this one ends
        return i > 0 and self._ranges[i - 1][1] > start

    def claim(self, start: int, end: int) -> bool:
        """Take [start, end) if it is free; say whether it was."""
        if self.overlaps(start, end):
            return False
        insort(self._ranges, (start, end))
        return True
