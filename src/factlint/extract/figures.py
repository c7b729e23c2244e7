"""Figures: amounts of money, counts and percentages, with what they measure (bilateral trade,
exports, imports, a deficit...), between whom, which way, and for which period.

"$146.7 billion", "US$146.7bn", "146.7 billion dollars" and "₩1.2 trillion" are amounts; the metric,
the parties and the direction come from cue words in the same sentence; the period is a year written
in the sentence or a relative one ("last year") resolved against the article's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..document import Document
from ..models import ROK, US, DateMention, FigureClaim, FigureMetric, PartialDate
from .sentences import sentence_spans

_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
           "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12}
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|mn|trn|tn|[bmk])\b)?"
_MONEY = re.compile(
    r"(?P<cur>US\$|\$|USD\s?|₩|KRW\s?)" + _NUMBER + _SCALE
    + r"|" + _NUMBER.replace("num", "num2") + _SCALE.replace("scale", "scale2")
    + r"\s+(?P<cur2>(?:US\s+)?dollars|won)\b", re.I)
_PERCENT = re.compile(_NUMBER + r"\s?(?:%|percent\b|per cent\b)")
_COUNT = re.compile(_NUMBER + r"\s+(?:US\s+|American\s+|U\.S\.\s+)?(?:troops|soldiers|service members|personnel)\b")
_HEDGE_KIND = {"about": "about", "around": "about", "roughly": "about", "approximately": "about", "some": "about",
               "an estimated": "about", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
               "more than": "more", "over": "more", "above": "more", "exceeding": "more", "upwards of": "more",
               "at least": "more", "topped": "more", "exceeded": "more", "surpassed": "more", "less than": "less", "under": "less", "below": "less", "at most": "less"}

_METRICS: list[tuple[FigureMetric, re.Pattern[str]]] = [
    ("balance", re.compile(r"\btrade\s+(?:deficits?|surplus(?:es)?)\b|\b(?:deficits?|surplus(?:es)?)\s+(?:with|against)\b", re.I)),
    ("exports", re.compile(r"\bexport(?:s|ed|ing)?\b", re.I)),
    ("imports", re.compile(r"\bimport(?:s|ed|ing)?\b", re.I)),
    ("trade_total", re.compile(r"\b(?:bilateral|two-way|total|overall)\s+trade\b|\btrade\s+(?:volume|value|between|with|"
                               r"reached|totaled|totalled|stood|was|hit|amounted)\b|\btrading\s+volume\b", re.I)),
    ("investment", re.compile(r"\binvest(?:ment|ments|ed|ing)?\b|\bFDI\b", re.I)),
    ("troops", re.compile(r"\btroops|soldiers|service members|personnel\b", re.I)),
]
_COUNTRY = {
    US: re.compile(r"\b(?:United States|U\.S\.A?\.?|US|USA|America(?:n|'s)?|Washington)(?![\w-])"),
    ROK: re.compile(r"(?<!North )(?<!North-)\b(?:South\s+)?Korea(?:n|'s)?\b|\bRepublic of Korea\b|\bROK\b|\bSeoul\b"),
}


def extract_figures(doc: Document, dates: list[DateMention]) -> list[FigureClaim]:
    text = doc.text
    out: list[FigureClaim] = []
    for s_start, s_end in sentence_spans(text):
        sentence = text[s_start:s_end]
        years = [d for d in dates if s_start <= doc.folded_at(d.span.start) < s_end
                 and d.value is not None and d.precision in ("year", "month", "day")]
        for amount in _amounts(sentence):
            a, b = s_start + amount.start, s_start + amount.end
            hedge = _hedge(sentence[:amount.start])
            metric = _metric(sentence, amount.start, amount.unit)
            parties = [name for name, pattern in _COUNTRY.items() if pattern.search(sentence)]
            exporter, importer = _direction(sentence, metric)
            period = _period(doc, years, a)
            span = doc.span(a, b)
            out.append(FigureClaim(
                text=doc.original[span.start:span.end], span=span, value=amount.value, unit=amount.unit, step=amount.step,
                hedge=hedge, metric=metric, exporter=exporter, importer=importer, parties=parties,  # type: ignore[arg-type]
                period=PartialDate(year=period.value.year) if period and period.value else None,
                period_text=period.text if period else None,
                confidence=0.8 if metric and period else 0.6 if metric else 0.4))
    return out


Unit = Literal["USD", "KRW", "count", "percent"]


@dataclass(frozen=True)
class _Amount:
    start: int
    end: int
    value: float
    step: float
    unit: Unit


def _amounts(sentence: str) -> list[_Amount]:
    found: list[_Amount] = []
    for m in _MONEY.finditer(sentence):
        number = m.group("num") or m.group("num2")
        scale_word = (m.group("scale") or m.group("scale2") or "").lower()
        currency = (m.group("cur") or m.group("cur2") or "").strip().lower()
        unit: Unit = "KRW" if currency in ("₩", "krw", "won") else "USD"
        found.append(_Amount(m.start(), m.end(), *_value(number, scale_word), unit=unit))
    for pattern, other in ((_PERCENT, "percent"), (_COUNT, "count")):
        for m in pattern.finditer(sentence):
            if not any(m.start() < a.end and m.end() > a.start for a in found):
                # A count's span is the number ("28,500 troops" points at "28,500").
                end = m.end("num") if other == "count" else m.end()
                found.append(_Amount(m.start(), end, *_value(m.group("num"), ""), unit=other))  # type: ignore[arg-type]
    return sorted(found, key=lambda a: a.start)


def _value(number: str, scale_word: str) -> tuple[float, float]:
    digits = number.replace(",", "")
    scale = _SCALES.get(scale_word, 1.0)
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return float(digits) * scale, 10.0 ** -decimals * scale


def _hedge(before: str) -> str | None:
    m = re.search(r"(about|around|roughly|approximately|some|an estimated|nearly|almost|close to|more than|over|"
                  r"above|exceeding|upwards of|at least|topped|exceeded|surpassed|less than|under|below|at most)"
                  r"\s+(?:US\s*)?$", before, re.I)
    return _HEDGE_KIND[m.group(1).lower()] if m else None


def _metric(sentence: str, at: int, unit: str) -> FigureMetric | None:
    """The measure nearest to the figure in its sentence."""
    best: tuple[int, FigureMetric] | None = None
    for metric, pattern in _METRICS:
        if metric == "troops" and unit != "count":
            continue
        for m in pattern.finditer(sentence):
            distance = abs(m.start() - at)
            if best is None or distance < best[0]:
                best = (distance, metric)
    return best[1] if best else None


def _direction(sentence: str, metric: FigureMetric | None) -> tuple[str | None, str | None]:
    """Which way goods flow, when the sentence says: "exports to the US", "imports from Korea"."""
    if metric not in ("exports", "imports"):
        return None, None
    exporter = importer = None
    for name, pattern in _COUNTRY.items():
        for m in pattern.finditer(sentence):
            before = sentence[max(0, m.start() - 12):m.start()].lower()
            after = sentence[m.end():m.end() + 12].lower()
            if re.search(r"\bto\s+(?:the\s+)?$", before):
                importer = name
            elif re.search(r"\bfrom\s+(?:the\s+)?$", before):
                exporter = name
            elif after.startswith(("'s export", " export", "n export")):
                exporter = name
            elif after.startswith(("'s import", " import", "n import")):
                importer = name
    other = {US: ROK, ROK: US}
    if exporter and not importer:
        importer = other.get(exporter)
    if importer and not exporter:
        exporter = other.get(importer)
    return exporter, importer


def _period(doc: Document, years: list[DateMention], at: int) -> DateMention | None:
    if not years:
        return None
    return min(years, key=lambda d: abs(doc.folded_at(d.span.start) - at))
