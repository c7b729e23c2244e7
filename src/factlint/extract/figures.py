"""Figures: amounts of money, counts and percentages, with what they measure (bilateral trade,
exports, imports, a deficit...), between whom, which way, and for which period; and changes of a
measure between two years ("the trade deficit more than tripled from 2019 to 2024").

"$146.7 billion", "US$146.7bn", "146.7 billion dollars" and "₩1.2 trillion" are amounts; the metric,
the parties and the direction come from cue words in the same sentence; the period is a year written
in the sentence or a relative one ("last year") resolved against the article's date.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Literal

from ..document import Document
from ..models import ROK, US, ChangeClaim, DateMention, FigureClaim, FigureMetric, PartialDate
from .sentences import sentence_spans, with_sentences_before
from .titles import COUNTRY_WORDS

_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
           "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12}
# A number starts where a run of digits does: trying again at every digit of "1111…" or every group
# of "1,000,000…" would make the scan quadratic.
_NUMBER = r"(?<![\d,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|mn|trn|tn|[bmk])\b)?"
_MONEY = re.compile(
    r"(?P<cur>US\$|\$|USD\s?|₩|KRW\s?)" + _NUMBER + _SCALE
    + r"|" + _NUMBER.replace("num", "num2") + _SCALE.replace("scale", "scale2")
    + r"\s+(?P<cur2>(?:US\s+)?dollars|won)\b", re.I)
_PERCENT = re.compile(_NUMBER + r"\s?(?:%|percent\b|per cent\b)")
_COUNT = re.compile(_NUMBER + r"\s+(?:US\s+|American\s+|U\.S\.\s+)?(?:troops|soldiers|service ?members|servicemen|personnel|"
                   r"Americans)\b")
# The dead of a war: "36,574 Americans died", "54,246 U.S. servicemen were killed", "36,574 American deaths".
_DEATHS = re.compile(r"(?:\s+(?:US|American|U\.S\.)\s+(?:deaths|dead|fatalities|lives)\b|\s+(?:(?:US|American|U\.S\.)\s+"
                     r"(?:troops|soldiers|service ?members|servicemen|personnel)|Americans)\s+(?:who\s+|were\s+|had\s+)?"
                     r"(?:killed|died|dead|perished|lost their lives|gave their lives|were killed)\b)")
_WAR = re.compile(r"\bKorean War\b|\bwar in Korea\b", re.I)
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
    ("troops", re.compile(r"\b(?:troops|soldiers|service members|personnel)\b", re.I)),
    # What the Republic of Korea pays toward the cost of US forces there, under each Special Measures Agreement.
    ("cost_sharing", re.compile(r"\bcost[- ]sharing\b|\bSpecial Measures Agreement\b|\bSMA\b|\bburden[- ]sharing\b|"
                                r"\bdefen[cs]e[- ]cost", re.I)),
]
_OTHER_PARTNER = re.compile(r"\w+\s+(?:to|from|with)\s+(?:the\s+)?(?P<who>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)")
_COUNTRY = {
    # "U.S.-Korea trade" names both; "US-made" is no party.
    US: re.compile(r"\b(?:United States|U\.S\.A?\.?|US|USA|America(?:n|'s)?|Washington)(?!\w)(?!-(?!Korea|South|ROK)\w)"),
    ROK: re.compile(r"(?<!North )(?<!North-)\b(?:South\s+)?Korea(?:n|'s)?\b|\bRepublic of Korea\b|\bROK\b|\bSeoul\b"),
}


def extract_figures(doc: Document, dates: list[DateMention],
                    sentences: list[tuple[int, int]] | None = None) -> list[FigureClaim | ChangeClaim]:
    """`sentences`: the text's sentence spans, when the caller has them."""
    text = doc.text
    out: list[FigureClaim | ChangeClaim] = []
    # Dates that can be a figure's period, by position: each sentence takes its own with a bisection,
    # so a text of many sentences and many dates stays linear.
    periods = sorted(((doc.folded_at(d.span.start), d) for d in dates
                      if d.value is not None and d.precision in ("year", "month", "day")), key=lambda p: p[0])
    starts = [at for at, _ in periods]
    # Only sentences with a hint of a figure are read: every amount, percentage, count and change
    # needs one of these words or signs.
    hints = [m.start() for m in _HINT.finditer(text)]
    if not hints:
        return out
    for s_start, s_end in _holding(sentences if sentences is not None else sentence_spans(text), hints):
        sentence = text[s_start:s_end]
        amounts = _amounts(sentence)
        changes = list(_CHANGE.finditer(sentence)) if _CHANGE_GATE.search(sentence) else []
        if not amounts and not changes:
            continue
        first, last = bisect_left(starts, s_start), bisect_left(starts, s_end)
        # What the sentence says once, whatever number of figures it holds.
        cues = _Cues(sentence)
        parties = cues.parties
        parties_why = None
        if len(parties) < 2 and cues.both:
            # "Bilateral trade between the two countries": the countries are named just before.
            context = with_sentences_before(text, s_start)
            parties, other_side = _parties_near(parties, context, _WITH_KOREA.search(sentence) is not None
                                                and not _THIRD.search(context + sentence))
            parties_why = ("“trade with Korea” and no third country near: the other side is the United States"
                           if other_side else
                           "“between the two countries” or “bilateral”: the countries named in the two sentences before")
        if changes:
            out.extend(_changes(doc, s_start, sentence, changes, cues, parties))
        change_starts = [c.start() for c in changes]
        for amount in amounts:
            i = bisect_left(change_starts, amount.start + 1) - 1
            if i >= 0 and amount.start < changes[i].end():
                continue  # "rose 25 percent": the percentage is the change's, not a figure
            a, b = s_start + amount.start, s_start + amount.end
            hedge = _hedge(sentence[max(0, amount.start - _HEDGE_REACH):amount.start])
            metric = cues.metric(amount.start, amount.unit)
            if amount.unit == "count" and _DEATHS.match(sentence, amount.end) and _WAR.search(sentence):
                metric = "war_deaths"
            elif metric == "troops" and sentence[amount.end:amount.end + 12].strip().startswith("Americans"):
                metric = None  # "28,500 Americans" is no count of troops
            exporter, importer = cues.direction(metric)
            period = _period(periods, starts, first, last, a)
            latest = period is None and doc.as_of is not None and (
                cues.present or metric == "troops" and _STATIONED.search(sentence) is not None)
            span = doc.span(a, b)
            why = [w for w in (parties_why,
                               f"the year written nearest the figure (“{period.text}”)" if period else None,
                               "no year, the present tense: the latest statistics at the article's date"
                               if latest else None) if w]
            out.append(FigureClaim(
                text=doc.original[span.start:span.end], span=span, value=amount.value, unit=amount.unit, step=amount.step,
                hedge=hedge, metric=metric, exporter=exporter, importer=importer, parties=parties,  # type: ignore[arg-type]
                period=(PartialDate(year=period.value.year) if period and period.value
                        else PartialDate(year=doc.as_of.year - 1) if latest and doc.as_of else None),
                period_text=period.text if period else None, period_latest=latest,
                reporter=_reporter(sentence) if metric == "balance" else None, why=why or None,
                confidence=0.8 if metric and period else 0.6 if metric else 0.4))
    return out


# A change of a measure, as a factor or a percentage: "more than tripled", "grew threefold", "rose by
# nearly 25 percent". "Doubled down" is no change.
_FACTORS = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "quintupled": 5.0, "halved": 0.5}
_FOLDS = {"two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0, "eight": 8.0, "nine": 9.0,
          "ten": 10.0}
_CHANGE_HEDGES = r"more than|nearly|almost|roughly|about|close to|over|less than|approximately|around"
_RISE = r"grew|rose|increased|expanded|jumped|surged|climbed|soared"
_FALL = r"fell|dropped|declined|decreased|shrank|plunged|slipped|contracted"
_FACTOR_WORDS = "|".join(_FACTORS)
_CHANGE_GATE = re.compile(rf"(?:{_FACTOR_WORDS}|fold|percent|per cent|%)", re.I)
_CHANGE = re.compile(
    rf"\b(?:(?P<hedge>{_CHANGE_HEDGES})\s+)?(?:"
    rf"(?P<word>{_FACTOR_WORDS})\b(?!\s+down)"
    rf"|(?:{_RISE})\s+(?:by\s+)?(?:(?P<hedge2>{_CHANGE_HEDGES})\s+)?(?P<fold>\d+(?:\.\d+)?|{'|'.join(_FOLDS)})[- ]?fold\b"
    rf"|(?P<dir>{_RISE}|(?P<fall>{_FALL}))\s+(?:by\s+)?(?:(?P<hedge3>{_CHANGE_HEDGES})\s+)?"
    r"(?P<pct>\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b))", re.I)
# The two years a change runs between: "from 2019 to 2024", "between 2012 and 2016", "since 2019".
_CHANGE_YEARS = re.compile(r"\b(?:from|between)\s+(?P<y0>(?:19|20)\d\d)\s*(?:to|and|through|until|-|–)\s*"
                           r"(?P<y1>(?:19|20)\d\d)\b|\bsince\s+(?P<since>(?:19|20)\d\d)\b", re.I)
# A deficit or surplus named bare, after a determiner ("the deficit"): the trade balance only where
# the text around it speaks of trade. "The budget deficit" and "China's surplus" are not bare.
_BARE_BALANCE = re.compile(r"\b(?:the|our|its|this|that)\s+(?:deficits?|surplus(?:es)?)\b", re.I)
_TRADE = re.compile(r"\btrade\b", re.I)


# A rate over a period, not the change across it: "rose 8 percent a year from 2019 to 2022".
_PER_PERIOD = re.compile(r"\s*(?:a|per|each)\s+(?:year|month|quarter)\b|\s*(?:annually|yearly|monthly|on average)\b", re.I)
# How far the years a change runs between may stand after it: "tripled from 2019 to 2024".
_YEARS_REACH = 40


def _years_of(spans: list[re.Match[str]], starts: list[int], k: int, m: re.Match[str]) -> re.Match[str] | None:
    """The years change k runs between: those straight after it, else those before it with no other
    change between ("Since 2019, exports have doubled"). Years that belong to another change are not
    its: "rose 26 percent from 2019 to 2022, then fell 5 percent in 2023"."""
    later = starts[k + 1] if k + 1 < len(starts) else None
    for y in spans:
        if y.start() >= m.end() and y.start() - m.end() <= _YEARS_REACH and (later is None or y.start() < later):
            return y
    earlier = starts[k - 1] if k > 0 else -1
    before = [y for y in spans if y.end() <= m.start() and y.start() > earlier]
    return before[-1] if before else None


def _changes(doc: Document, s_start: int, sentence: str, changes: list[re.Match[str]], cues: _Cues,
             parties: list[str]) -> list[ChangeClaim]:
    """The sentence's changes that run between two years it names."""
    spans = list(_CHANGE_YEARS.finditer(sentence))
    starts = [c.start() for c in changes]
    out = []
    for k, m in enumerate(changes):
        if _PER_PERIOD.match(sentence, m.end()):
            continue  # "rose 8 percent a year from 2019 to 2022": a rate, not the change over the span
        years = _years_of(spans, starts, k, m)
        if years is None:
            continue
        if years.group("since"):
            if doc.as_of is None:
                continue
            start, end, latest = int(years.group("since")), doc.as_of.year - 1, True
            why = [f"“{years.group()}”: to the latest statistics at the article's date"]
        else:
            start, end, latest = int(years.group("y0")), int(years.group("y1")), False
            why = [f"the years “{years.group()}”"]
        if end <= start:
            continue
        if m.group("word"):
            factor, step = _FACTORS[m.group("word").lower()], 0.0
        elif m.group("fold"):
            fold = m.group("fold").lower()
            factor, step = _FOLDS.get(fold) or float(fold), 0.0
            if factor <= 0:
                continue  # "0-fold" is no change to compare
        else:
            pct = m.group("pct")
            decimals = len(pct.split(".")[1]) if "." in pct else 0
            factor, step = 1 + (-1 if m.group("fall") else 1) * float(pct) / 100, 10.0 ** -decimals / 100
        hedge_word = m.group("hedge") or m.group("hedge2") or m.group("hedge3")
        metric = cues.metric(m.start(), "USD", plain=True)
        who = parties
        if metric is None and _BARE_BALANCE.search(sentence):
            context = with_sentences_before(doc.text, s_start)
            if _TRADE.search(context):
                metric = "balance"
                why.append("a bare “deficit” or “surplus” where the text speaks of trade: the trade balance")
                if len(who) < 2 and not _THIRD.search(context):
                    who, _ = _parties_near(who, context, _WITH_KOREA.search(context) is not None)
        exporter, importer = cues.direction(metric)
        a, b = s_start + m.start(), s_start + m.end()
        span = doc.span(a, b)
        out.append(ChangeClaim(
            text=doc.original[span.start:span.end], span=span, factor=factor, step=step,
            hedge=_HEDGE_KIND[hedge_word.lower()] if hedge_word else None,  # type: ignore[arg-type]
            metric=metric, exporter=exporter, importer=importer, parties=who,
            start=PartialDate(year=start), end=PartialDate(year=end), end_latest=latest,
            reporter=_reporter(sentence) if metric == "balance" else None, why=why,
            confidence=0.7 if metric else 0.4))
    return out


_HINT = re.compile(r"[$₩%]|USD|KRW|\b(?:dollars|won|percent|cent|troops|soldiers|service ?members|servicemen|personnel|Americans|"
                   rf"{_FACTOR_WORDS}|\w*fold)\b", re.I)


def _holding(sentences: list[tuple[int, int]], positions: list[int]) -> list[tuple[int, int]]:
    """The sentences (sorted, disjoint) that hold at least one of the sorted positions."""
    out = []
    i = 0
    for s_start, s_end in sentences:
        i = bisect_left(positions, s_start, i)
        if i == len(positions):
            break
        if positions[i] < s_end:
            out.append((s_start, s_end))
    return out


# A figure stated in the present, with no year: the latest statistics at the article's date.
_PRESENT = re.compile(r"\b(?:now|currently|today|runs at|stands at|amounts to|totals|a year|per year|each year|"
                      r"annually|annual)\b", re.I)
# Troops in the present tense: "28,500 U.S. troops are stationed in South Korea".
_STATIONED = re.compile(r"\b(?:are|remain|stay|keeps?|maintains?|has|have|hosts?|stations?)\b")
# The two parties named by reference to the text before: "between the two countries", "our bilateral trade".
_BOTH = re.compile(r"\b(?:the two countries|both countries|our two countries|the two nations|both nations|"
                   r"two-way|bilateral)\b", re.I)


# A balance named with whose it is: "the U.S. trade deficit", "Korea's surplus with the US".
_REPORTER = {
    US: re.compile(r"\b(?:U\.S\.|US|America's|American|United States'?|our)\s+(?:goods\s+)?(?:trade\s+)?"
                   r"(?:deficits?|surplus(?:es)?)\b"),
    ROK: re.compile(r"\b(?:(?:South\s+)?Korea's|(?:South\s+)?Korean|Seoul's)\s+(?:goods\s+)?(?:trade\s+)?"
                    r"(?:deficits?|surplus(?:es)?)\b"),
}


def _reporter(sentence: str) -> str | None:
    """Whose statistics the sentence's balance is, when it says and says only one."""
    named = [who for who, pattern in _REPORTER.items() if pattern.search(sentence)]
    return named[0] if len(named) == 1 else None


_WITH_KOREA = re.compile(r"\btrade\s+with\s+(?:South\s+)?Korea\b", re.I)
_THIRD = re.compile("|".join(p for name, p in COUNTRY_WORDS if name not in ("United States", "Republic of Korea", "United Nations")))


def _parties(text: str) -> list[str]:
    return [name for name, pattern in _COUNTRY.items() if pattern.search(text)]


def _parties_near(parties: list[str], context: str, with_korea: bool) -> tuple[list[str], bool]:
    """The sentence's parties with those the sentences before it name; and whether only Korea is named
    in text that speaks of "trade with Korea" (and of no third country: the caller says), where the
    writer's side is the United States, the only other party the reference's series know."""
    found = sorted({*parties, *_parties(context)})
    if found == [ROK] and with_korea:
        return sorted([US, ROK]), True
    return found, False


class _Cues:
    """The cue words of one sentence, found once: its metrics by position, its parties, and the
    direction of trade for each metric."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.parties = [name for name, pattern in _COUNTRY.items() if pattern.search(sentence)]
        self.present = _PRESENT.search(sentence) is not None  # once per sentence: it may hold many figures
        self.both = _BOTH.search(sentence) is not None
        self.hits = [(metric, [m.start() for m in pattern.finditer(sentence)]) for metric, pattern in _METRICS]
        self._directions: dict[FigureMetric | None, tuple[str | None, str | None]] = {}

    def metric(self, at: int, unit: str, plain: bool = False) -> FigureMetric | None:
        """The measure nearest to the figure in its sentence (on a tie, the first in _METRICS, then
        the earlier cue). `plain`: only a measure named as the whole flow, not a part of it or a
        thing about it ("U.S. exports", not "beef exports", "tariffs on U.S. exports")."""
        best: tuple[int, FigureMetric, int] | None = None
        for metric, positions in self.hits:
            if (metric == "troops" and unit != "count" or metric == "cost_sharing" and unit not in ("USD", "KRW")
                    or not positions):
                continue
            i = bisect_left(positions, at)
            j = min((j for j in (i - 1, i) if 0 <= j < len(positions)), key=lambda j: abs(positions[j] - at))
            if best is None or abs(positions[j] - at) < best[0]:
                best = (abs(positions[j] - at), metric, positions[j])
        if best is None:
            return None
        # "exports to Japan", "imports from China": a figure about another country's trade.
        other = _OTHER_PARTNER.match(self.sentence, best[2])
        if other and not any(p.fullmatch(other.group("who")) for p in _COUNTRY.values()):
            return None
        if plain and not _plain(self.sentence, best[2]):
            return None
        return best[1]

    def direction(self, metric: FigureMetric | None) -> tuple[str | None, str | None]:
        if metric not in self._directions:
            self._directions[metric] = _direction(self.sentence, metric)
        return self._directions[metric]


# The word before a measure, once country words are set aside, when the measure is the whole flow:
# "U.S. exports", "total trade", "the deficit". Any other ("beef exports", "share of U.S. imports",
# "tariffs on U.S. exports", "firms that export") makes it a part of the flow or a thing about it.
_WHOLE = frozenset("goods merchandise total overall annual bilateral two-way our its their the and in with "
                   "america's korea's american korean south u.s. us united states trade".split())
_BEFORE_WORD = re.compile(r"([\w.'’-]+)\s*$")
_COUNTRY_BEFORE = re.compile(r"(?:\s*\b(?:U\.S\.|US|United States|America(?:n|'s)?|(?:South\s+)?Korea(?:n|'s)?))+\s*$")


def _plain(sentence: str, at: int) -> bool:
    before = sentence[max(0, at - 80):at]
    before = _COUNTRY_BEFORE.sub("", before)
    m = _BEFORE_WORD.search(before)
    return m is None or m.group(1).lower() in _WHOLE


# How far before a figure a hedge ("more than", "approximately") may start.
_HEDGE_REACH = 64


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
    money = [(a.start, a.end) for a in found]  # in text order, not overlapping
    for pattern, other in ((_PERCENT, "percent"), (_COUNT, "count")):
        for m in pattern.finditer(sentence):
            i = bisect_left(money, (m.end(),))  # money amounts that start before this one ends
            if i == 0 or money[i - 1][1] <= m.start():
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


def _period(periods: list[tuple[int, DateMention]], starts: list[int], first: int, last: int,
            at: int) -> DateMention | None:
    """The date nearest the figure among periods[first:last], its sentence's (the earlier on a tie)."""
    if first == last:
        return None
    i = bisect_left(starts, at, first, last)
    before, after = (periods[i - 1] if i > first else None), (periods[i] if i < last else None)
    if before is None or (after is not None and after[0] - at < at - before[0]):
        return after[1] if after else None
    return before[1]
