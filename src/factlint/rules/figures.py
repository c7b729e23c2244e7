"""FL3xx: figures, checked against the reference's statistical series."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from ..models import ChangeClaim, Claim, FigureClaim, Finding, Severity
from ..record import (Series, change_agrees, change_series, figure_agrees, korea_trade, money, ratio, recorded_for,
                      series_for)
from .base import FixSafety, Rule, RuleContext

_WORDS = {"trade_total": "bilateral trade", "exports": "exports", "imports": "imports", "balance": "trade balance"}


class FigureMatchesNoSeries(Rule):
    """Figure that matches no official series.

    What it catches
        A trade figure between the United States and South Korea (bilateral trade, exports, imports,
        the balance) that agrees with no series the reference holds for that measure and year, under
        any definition: "bilateral trade was $146.7 billion last year" in an article of May 2023.

    Why it matters
        Trade figures are quoted, re-quoted and garbled. A figure that matches no official series is
        either wrong or from a source the article should name.

    How it decides
        The figure's measure comes from the words nearest it (bilateral trade, exports, imports,
        deficit, surplus), the direction from "to" and "from", the year from a date in the sentence
        or a relative one ("last year") resolved against the article's date; a figure stated in the
        present with no year ("two-way trade now runs at...") is for the latest statistics at the
        article's date, last year's or the year before's. The parties come from the sentence, or from
        the two before it when it says "the two countries" or "bilateral". It is compared with
        every series for that measure and year: US and Korean statistics, goods only and goods and
        services, and totals derived from exports plus imports where no total is printed. It agrees
        when equal at the precision stated (146.7 means 146.65 to 146.75); "about", "more than" and
        "nearly" widen that. Where the reference holds one country's statistics only for that
        measure and year, a figure within 12% of them is left to FL302: the two countries' counts of
        one flow differ by up to 11%. The finding lists the nearest values with their definitions.

    Example
        Bilateral trade was $146.7 billion in 2022.   →  (US goods and services trade: $227.4 billion)

    Fix safety
        Which series the writer meant is the editor's call.
    """

    code = "FL301"
    name = "figure-matches-no-series"
    summary = "A trade figure that contradicts every reference series for its measure and year"
    severity = Severity.WARNING

    def agrees(self, claim: Claim, ctx: RuleContext) -> bool:
        return (isinstance(claim, FigureClaim) and korea_trade(claim)
                and any(figure_agrees(claim, s, ctx.figure_tolerance) for s in series_for(ctx.reference, claim)))

    def check(self, claims: Sequence[Claim], ctx: RuleContext) -> Iterator[Finding]:
        for claim in claims:
            if not isinstance(claim, FigureClaim) or not korea_trade(claim):
                continue
            candidates = series_for(ctx.reference, claim)
            if (not candidates or any(figure_agrees(claim, s, ctx.figure_tolerance) for s in candidates)
                    or _other_statistics_missing(claim, candidates)):
                continue
            nearest = sorted(candidates, key=lambda s: abs(s.value - claim.value))[:3]
            listed = "; ".join(f"{money(s.value)} ({s.definition})" for s in nearest)
            year = claim.period.year if claim.period else "?"
            if claim.period_latest and claim.period:
                year = f"{year} or {claim.period.year - 1} (no year is written: the latest statistics at the article's date)"
            message = (f"{_WORDS[claim.metric or 'trade_total']} of {money(claim.value)} in {year} matches no "  # type: ignore[index]
                       f"recorded series; nearest: {listed}")
            suggestion = money(nearest[0].value) if len(candidates) == 1 else None
            yield self.finding(ctx, claim.span, claim.text, message, suggestion=suggestion,
                               entity_id=nearest[0].figure_id.split("+")[0], source_id=nearest[0].source)


class RecordedCountContradicted(Rule):
    """Count or amount that the record contradicts, or a superseded one.

    What it catches
        Figures the record holds besides trade, stated otherwise: the American dead of the Korean War
        ("54,246 Americans died in the Korean War": the count official records replaced with 36,574
        deaths in theater), the number of US troops in South Korea for a year or at the article's date,
        and what the Republic of Korea pays under each Special Measures Agreement for a year.

    Why it matters
        These numbers are quoted for decades after they change. A superseded count or last decade's
        troop level reads as carelessness to anyone who follows the alliance.

    How it decides
        The measure is read from the words next to the number ("Americans died", "U.S. troops",
        "cost-sharing", "Special Measures Agreement") in a sentence about the Korean War or Korea; the
        year as for FL301 (troops stated in the present tense are the latest at the article's date).
        It is compared with the reference's figures for that measure (and year): it agrees at the
        precision stated, "more than", "about" and "nearly" widening it. A figure that agrees only with
        a superseded count draws the count that replaced it; with the record silent for that year,
        nothing is said.

    Example
        54,246 Americans died in the Korean War.   →  36,574 Americans died in the Korean War.

    Fix safety
        The suggestion is the record's figure; the writer may have meant another measure (all deaths
        worldwide in those years, the wounded).
    """

    code = "FL304"
    fix: ClassVar[FixSafety] = "unsafe"
    name = "recorded-count-contradicted"
    summary = "A war toll, troop level or cost-sharing amount that the record contradicts or has superseded"
    severity = Severity.WARNING

    def agrees(self, claim: Claim, ctx: RuleContext) -> bool:
        return (isinstance(claim, FigureClaim)
                and any(_near(claim, s) for s, f in recorded_for(ctx.reference, claim) if not f.superseded_by))

    def check(self, claims: Sequence[Claim], ctx: RuleContext) -> Iterator[Finding]:
        for claim in claims:
            if not isinstance(claim, FigureClaim):
                continue
            recorded = recorded_for(ctx.reference, claim)
            current = [(s, f) for s, f in recorded if not f.superseded_by]
            if not current or any(_near(claim, s) for s, _ in current):
                continue
            old = next((f for s, f in recorded if f.superseded_by and _near(claim, s)), None)
            replaced = ctx.reference.figures.get(old.superseded_by) if old and old.superseded_by else None
            if old is not None and replaced is not None:
                series = next(s for s, f in current if f.id == replaced.id) if any(f.id == replaced.id for _, f in current) else current[0][0]
                message = (f"{claim.text} is a superseded count ({old.definition}); the record now gives "
                           f"{_count(series, claim)} ({replaced.definition})")
            else:
                series = min((s for s, _ in current), key=lambda s: abs(s.value - claim.value))
                message = f"{claim.text} matches no recorded figure; the record gives {_count(series, claim)} ({series.definition})"
            yield self.finding(ctx, claim.span, claim.text, message,
                               suggestion=_count(series, claim) if len(current) == 1 or old is not None else None,
                               entity_id=series.figure_id, source_id=series.source)


# The two countries' statistics for one flow differ (valuation, timing, origin): by up to 10.9% in the
# years the reference holds both (2011–2022). A figure this close to one country's, with the other's
# missing from the reference, may be the other's.
_OTHER_STATISTICS = 0.12


def _reporter_of(series: Series) -> str:
    return series.measure.rsplit(" ", 1)[0]


def _other_statistics_missing(claim: FigureClaim, candidates: list[Series]) -> bool:
    """Does the reference hold one country's statistics only for the claim's measure and year, and
    is the claim within _OTHER_STATISTICS of them? Then it is not called wrong: it may be the other's."""
    if len({_reporter_of(c) for c in candidates}) > 1:
        return False
    return any(abs(c.value - claim.value) <= _OTHER_STATISTICS * abs(c.value) for c in candidates)


def _near(claim: FigureClaim, series: Series) -> bool:
    """Agreement at the precision stated, a round count being as loose as its rounding: "36,000
    Americans" is 36,574 written to the thousand, "54,000" the superseded 54,246."""
    if claim.unit == "count" and claim.value >= 1000 and claim.step == 1:
        digits = f"{claim.value:.0f}"
        zeros = len(digits) - len(digits.rstrip("0"))
        if zeros >= 3 and abs(series.value - claim.value) < 10 ** zeros:
            return True
    return figure_agrees(claim, series)


def _count(series: Series, claim: FigureClaim) -> str:
    """The record's figure written the way the claim writes its own: "36,574", "1.5192 trillion won"."""
    if claim.unit == "count":
        return f"{series.value:,.0f}"
    if claim.unit == "USD":
        return money(series.value)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(series.value) >= scale:
            return f"{series.value / scale:g} {word} won"
    return f"{series.value:,.0f} won"


class ChangeMatchesNoSeries(Rule):
    """Change of a figure that no official series shows.

    What it catches
        A stated change of a US–Korea trade measure between two years, as a factor or a percentage,
        that no reference series shows: "the US trade deficit with Korea more than quadrupled from
        2019 to 2024" when the series went from $20.6 billion to $66.0 billion (3.2 times).

    Why it matters
        A ratio survives rewriting better than the figures it came from, and is as often garbled:
        "doubled" for "tripled", a rise quoted as a fall, the years of another series.

    How it decides
        The change ("doubled", "more than tripled", "grew threefold", "rose 25 percent", "fell by
        nearly a fifth" is not read) must name its years next to it: "from 2019 to 2024",
        "between 2012 and 2016", or "since 2019", which runs to the latest statistics at the
        article's date. The measure and the parties are read as for FL301. Each of the reference's
        measures that holds both years (one country's statistics) gives a ratio; the change
        agrees with any of them when a factor is within 12% ("doubled" for 1.8 to 2.2 times), a
        percentage within half its last digit or 1.5 points, and "more than", "nearly" or "about"
        bend or widen that. A deficit is compared by its size. Not read: a rate ("8 percent a year"),
        a part of the flow, another's or a thing about it ("beef exports", "China's trade surplus",
        "tariffs on U.S. exports").

    Example
        The trade deficit with Korea doubled from 2019 to 2024.   →  (it grew 3.2 times)

    Fix safety
        The right wording is the editor's call.
    """

    code = "FL303"
    name = "change-matches-no-series"
    summary = "A change of a trade figure between two years that no reference series shows"
    severity = Severity.WARNING

    def agrees(self, claim: Claim, ctx: RuleContext) -> bool:
        return (isinstance(claim, ChangeClaim) and korea_trade(claim)
                and any(change_agrees(claim, r) for _, r in _ratios(claim, ctx)))

    def check(self, claims: Sequence[Claim], ctx: RuleContext) -> Iterator[Finding]:
        for claim in claims:
            if not isinstance(claim, ChangeClaim) or not korea_trade(claim):
                continue
            pairs = _ratios(claim, ctx)
            if not pairs or any(change_agrees(claim, r) for _, r in pairs):
                continue
            nearest = sorted(pairs, key=lambda pr: abs(pr[1] - claim.factor))[:2]
            shown = "; ".join(f"{money(a.value)} in {claim.start.year} to {money(b.value)} in {b.year}, "
                              f"{_times(r)} ({b.definition})" for (a, b), r in nearest)
            message = (f"{_WORDS[claim.metric or 'trade_total']} {claim.text!r} from {claim.start.year} to "  # type: ignore[index]
                       f"{_end(claim)} matches no recorded series: {shown}")
            (_, last), _ = nearest[0]
            yield self.finding(ctx, claim.span, claim.text, message, entity_id=last.figure_id.split("+")[0],
                               source_id=last.source)


def _ratios(claim: ChangeClaim, ctx: RuleContext) -> list[tuple[tuple[Series, Series], float]]:
    """Each pair of one measure's values over the change's years, with its ratio where it has one."""
    return [(p, r) for p in change_series(ctx.reference, claim) if (r := ratio(p)) is not None]


def _times(r: float) -> str:
    return f"{r:.1f} times" if r >= 1.5 or r <= 0.67 else f"{(r - 1) * 100:+.0f}%"


def _end(claim: ChangeClaim) -> str:
    return f"{claim.end.year} or {claim.end.year - 1} (the latest statistics at the article's date)" \
        if claim.end_latest else str(claim.end.year)


class FigureNotCovered(Rule):
    """Figure the reference cannot check.

    What it catches
        A US–Korea trade figure for a year (or measure) no reference series covers, or whose period
        cannot be resolved: "trade rose to $190 billion" with no year and no article date; a change
        between two years ("exports doubled from 2005 to 2010") no series covers in both.

    Why it matters
        Not an error: a note that this number went unchecked, so an editor can check it by hand or
        add the series to the reference.

    Example
        Two-way trade hit a record $200 billion.   →  say which year; add the series to reference/

    Fix safety
        No automatic fix.
    """

    code = "FL302"
    name = "figure-not-covered"
    summary = "A trade figure no reference series covers, or whose period is unknown"
    severity = Severity.INFO

    def check(self, claims: Sequence[Claim], ctx: RuleContext) -> Iterator[Finding]:
        for claim in claims:
            if isinstance(claim, ChangeClaim) and korea_trade(claim) and not change_series(ctx.reference, claim):
                message = (f"no reference series covers US–Korea {_WORDS[claim.metric]} in both "  # type: ignore[index]
                           f"{claim.start.year} and {_end(claim)}")
                yield self.finding(ctx, claim.span, claim.text, message)
            if not isinstance(claim, FigureClaim) or not korea_trade(claim):
                continue
            what = _WORDS[claim.metric or "trade_total"]  # type: ignore[index]
            if claim.period is None:
                message = f"{what} figure {claim.text!r} has no year the reference could check it against"
            elif claim.unit != "USD":
                message = f"{what} figure {claim.text!r} is not in US dollars; the reference holds USD series only"
            elif not (candidates := series_for(ctx.reference, claim)):
                message = f"no reference series covers US–Korea {what} in {claim.period.year}"
            elif _other_statistics_missing(claim, candidates) and not any(
                    figure_agrees(claim, c, ctx.figure_tolerance) for c in candidates):
                held = sorted({_reporter_of(c) for c in candidates})
                message = (f"only {' and '.join(held)} statistics cover US–Korea {what} in {claim.period.year} in the "
                           f"reference, and {claim.text} is near them: the other country's may hold it")
            else:
                continue
            yield self.finding(ctx, claim.span, claim.text, message)
