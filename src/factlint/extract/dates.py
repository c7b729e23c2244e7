"""Dates as articles write them.

"March 15, 2012", "15 March 2012", "2012-03-15", "March 2012", "in 2012", "the 1950s", "late April",
and relative expressions ("last year", "earlier this month", "two years ago"), which are resolved
against the article's date, or left unresolved when it has none: never guessed. The precision stated
is kept: "in 2007" is a claim about a year, not about 1 January 2007.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ..document import Document
from ..models import DateMention, DatePrecision, PartialDate
from ..spans import Taken

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10}

# Month names are matched capitalized only: "may" and "march" are ordinary words too.
_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_PART = r"(?:(?P<part>early|mid|late)[\s-]+)"
# A bare number is a year only when nothing says it is a quantity.
_NOT_QUANTITY = r"(?![\d%]|[.,]\d|\s*(?:percent|per cent|troops|soldiers|people|tons?|km|miles|won|dollars|billion|million|units|cars|vehicles)\b)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<![\d-])" + _YEAR + r"-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?![\d-])")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("my", re.compile(rf"\b{_PART}?{_MONTH},?\s+(?:of\s+)?{_YEAR}\b")),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+\d|:)")),
    ("dm", re.compile(rf"\b{_DAY}\s+{_MONTH}(?!,?\s+(?:of\s+)?\d)")),
    ("part-month", re.compile(rf"\b{_PART}{_MONTH}(?!,?\s+(?:of\s+)?\d)")),
    ("in-month", re.compile(rf"\b(?i:in|since|until|by|during|last|this|next)\s+{_MONTH}(?!,?\s+(?:of\s+)?\d|\s+[0-3]?\d\b)")),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<year>1[89]\d0|20\d0)['’]?s\b")),
    ("year", re.compile(rf"(?<![\d$€£₩.,/-]){_PART}?\b{_YEAR}\b(?!-\d){_NOT_QUANTITY}")),
    ("rel-year", re.compile(r"\b(?P<rel>last|this|next|earlier this|later this|the previous|the past|the following|a)\s+year\b(?!s)", re.I)),
    ("rel-month", re.compile(r"\b(?P<rel>last|this|next|earlier this|later this|the previous)\s+month\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>years?|months?)\s+ago\b", re.I)),
    ("day-rel", re.compile(r"\b(?P<rel>today|yesterday|tomorrow)\b", re.I)),
]

# Words without which a pattern cannot match, looked for in the lower-cased text: a substring test is
# many times cheaper than a regular-expression pass, and most articles lack most of these words.
_NEEDS: dict[str, tuple[str, ...]] = {
    "rel-year": ("year",), "rel-month": ("month",), "ago": ("ago",), "day-rel": ("today", "yesterday", "tomorrow"),
    "decade": ("0s", "0's", "0’s"), "iso": ("-",),
}


def extract_dates(doc: Document) -> list[DateMention]:
    """Every date expression, longest first where two overlap ("March 15, 2012" beats "2012")."""
    text = doc.text
    taken = Taken()
    out: list[DateMention] = []
    lowered = text.lower()
    for name, pattern in _PATTERNS:
        needles = _NEEDS.get(name)
        if needles is not None and not any(needle in lowered for needle in needles):
            continue  # a word the pattern cannot match without is absent: skip a pass over the text
        for m in pattern.finditer(text):
            start, end = m.span()
            if taken.overlaps(start, end):
                continue
            try:
                resolved = _RESOLVERS[name](m, doc.as_of)
            except (ValueError, OverflowError):
                continue  # "next year" in an article dated 9999, "February 30": not a date
            if resolved is None:
                continue
            value, precision, relative = resolved
            taken.claim(start, end)
            part = m.groupdict().get("part")
            span = doc.span(start, end)
            out.append(DateMention(text=doc.original[span.start:span.end], span=span, value=value,
                                   precision=precision, relative=relative, year_inferred=name in _NO_YEAR,
                                   confidence=0.6 if name in _NO_YEAR else 0.9 if relative else 1.0,
                                   qualifier=part.lower() if part else None))  # type: ignore[arg-type]
    return sorted(out, key=lambda d: d.span.start)


Resolved = tuple[PartialDate | None, DatePrecision, bool] | None
_NO_YEAR = frozenset({"md", "dm", "part-month", "in-month"})


def _month(m: re.Match[str]) -> int:
    return MONTHS[m.group("month").rstrip(".").lower()]


def _full(m: re.Match[str], _: dt.date | None) -> Resolved:
    month = int(m.group("mon")) if "mon" in m.groupdict() and m.group("mon") else _month(m)
    try:
        return PartialDate(year=int(m.group("year")), month=month, day=int(m.group("day"))), "day", False
    except ValueError:
        return None  # "February 30, 2023" is not a date


def _month_year(m: re.Match[str], _: dt.date | None) -> Resolved:
    return PartialDate(year=int(m.group("year")), month=_month(m)), "month", False


def _year(m: re.Match[str], _: dt.date | None) -> Resolved:
    return PartialDate(year=int(m.group("year"))), "year", False


def _decade(m: re.Match[str], _: dt.date | None) -> Resolved:
    return PartialDate(year=int(m.group("year"))), "decade", False


def _month_day(m: re.Match[str], as_of: dt.date | None) -> Resolved:
    # "on March 15" in an article dated 2023 is 2023-03-15; without a date it stays unresolved.
    if as_of is None:
        return None, "day", True
    try:
        return PartialDate(year=as_of.year, month=_month(m), day=int(m.group("day"))), "day", True
    except ValueError:
        return None


def _month_only(m: re.Match[str], as_of: dt.date | None) -> Resolved:
    if as_of is None:
        return None, "month", True
    month = _month(m)
    text = m.group(0).lower()
    year = as_of.year
    if text.startswith("last") or (not text.startswith(("this", "next")) and month > as_of.month):
        year -= 1  # "in April" written in February means last April
    if text.startswith("next"):
        year += 1
    return PartialDate(year=year, month=month), "month", True


def _relative_year(m: re.Match[str], as_of: dt.date | None) -> Resolved:
    if as_of is None:
        return None, "year", True
    rel = m.group("rel").lower()
    shift = -1 if rel in ("last", "the previous", "the past", "a") else 1 if rel in ("next", "the following") else 0
    if rel == "a":  # "a year" (without "ago") is a duration, not a date
        return None
    return PartialDate(year=as_of.year + shift), "year", True


def _relative_month(m: re.Match[str], as_of: dt.date | None) -> Resolved:
    if as_of is None:
        return None, "month", True
    rel = m.group("rel").lower()
    shift = -1 if rel in ("last", "the previous") else 1 if rel == "next" else 0
    index = as_of.year * 12 + as_of.month - 1 + shift
    return PartialDate(year=index // 12, month=index % 12 + 1), "month", True


def _ago(m: re.Match[str], as_of: dt.date | None) -> Resolved:
    unit = m.group("unit").lower().rstrip("s")
    n_text = m.group("n").lower()
    n = int(n_text) if n_text.isdigit() else _COUNTS[n_text]
    if as_of is None:
        return None, "year" if unit == "year" else "month", True
    if unit == "year":
        return PartialDate(year=as_of.year - n), "year", True
    index = as_of.year * 12 + as_of.month - 1 - n
    return PartialDate(year=index // 12, month=index % 12 + 1), "month", True


def _day_relative(m: re.Match[str], as_of: dt.date | None) -> Resolved:
    if as_of is None:
        return None, "day", True
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[m.group("rel").lower()]
    day = as_of + dt.timedelta(days=shift)
    return PartialDate(year=day.year, month=day.month, day=day.day), "day", True


_RESOLVERS: dict[str, Callable[[re.Match[str], dt.date | None], Resolved]] = {
    "iso": _full, "mdy": _full, "dmy": _full, "my": _month_year, "md": _month_day, "dm": _month_day,
    "part-month": _month_only, "in-month": _month_only, "decade": _decade, "year": _year,
    "rel-year": _relative_year, "rel-month": _relative_month, "ago": _ago, "day-rel": _day_relative,
}
