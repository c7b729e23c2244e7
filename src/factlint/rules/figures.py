"""FL3xx: figures, checked against the reference's statistical series."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..models import ROK, US, Claim, Figure, FigureClaim, Finding, Reference, Severity
from .base import Rule, RuleContext

_TRADE_METRICS = {
    "trade_total": ("goods_trade_total", "goods_services_trade_total"),
    "exports": ("goods_exports", "goods_imports"),  # one flow, reported by the exporter or the importer
    "imports": ("goods_exports", "goods_imports"),
    "balance": ("goods_balance",),
}
_WORDS = {"trade_total": "bilateral trade", "exports": "exports", "imports": "imports", "balance": "trade balance"}
# How far a hedged figure may be from the record: "about $150 billion" agrees within 5%.
HEDGE_TOLERANCE = 0.05


@dataclass(frozen=True)
class Series:
    """A reference value a claim can be compared with: a figure, or a total derived from two."""

    value: float  # scaled to units
    step: float  # the precision the source printed
    definition: str
    source: str
    figure_id: str


def _step(figure: Figure) -> float:
    text = repr(figure.value)
    decimals = len(text.split(".")[1]) if "." in text and not text.endswith(".0") else 0
    return 10.0 ** -decimals * figure.scale


def series_for(reference: Reference, claim: FigureClaim) -> list[Series]:
    """Every reference series for the claim's metric, parties and period."""
    if claim.metric not in _TRADE_METRICS or claim.period is None or claim.unit != "USD":
        return []
    year = claim.period.year
    figures = [f for f in reference.figures.values() if f.period.year == year and f.unit == "USD"]
    wanted = _TRADE_METRICS[claim.metric]
    out: list[Series] = []
    for f in figures:
        if f.metric not in wanted:
            continue
        if claim.metric in ("exports", "imports") and claim.exporter and f.parties != [claim.exporter, claim.importer]:
            continue
        value = abs(f.value) if claim.metric == "balance" else f.value
        out.append(Series(value * f.scale, _step(f), f.definition, f.source, f.id))
    if claim.metric == "trade_total":
        out.extend(_derived_totals(figures, {f.reporter for f in figures if f.metric == "goods_trade_total"}))
    return out


def _derived_totals(figures: list[Figure], reported: set[str]) -> list[Series]:
    """Exports plus imports, for a reporter whose total for the year is not printed anywhere."""
    out = []
    for reporter in (US, ROK):
        if reporter in reported:
            continue
        exports = [f for f in figures if f.reporter == reporter and f.metric == "goods_exports"]
        imports = [f for f in figures if f.reporter == reporter and f.metric == "goods_imports"]
        if exports and imports:
            e, i = exports[0], imports[0]
            out.append(Series(e.value * e.scale + i.value * i.scale, max(_step(e), _step(i)),
                              f"{reporter} statistics, goods only, exports plus imports (sum of two series)",
                              e.source, f"{e.id}+{i.id}"))
    return out


def agrees(claim: FigureClaim, series: Series, tolerance: float = 0.0) -> bool:
    v, r = claim.value, series.value
    slack = max(max(claim.step, series.step) / 2, tolerance * abs(v)) + 1e-9 * abs(v)
    if claim.hedge == "about":
        return abs(r - v) <= max(slack, HEDGE_TOLERANCE * v)
    if claim.hedge == "more":
        return r >= v - slack
    if claim.hedge == "less":
        return r <= v + slack
    if claim.hedge == "nearly":
        return v * (1 - 2 * HEDGE_TOLERANCE) - slack <= r <= v + slack
    return abs(r - v) <= slack


def money(value: float) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"${value / scale:,.{_decimals(value / scale)}f} {word}"
    return f"${value:,.0f}"


def _decimals(x: float) -> int:
    text = f"{x:.4f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def korea_trade(claim: FigureClaim) -> bool:
    """A figure about trade between the United States and South Korea."""
    return (claim.metric in _TRADE_METRICS and ROK in claim.parties and US in claim.parties
            and claim.unit in ("USD", "KRW"))


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
        or a relative one ("last year") resolved against the article's date. It is compared with
        every series for that measure and year: US and Korean statistics, goods only and goods and
        services, and totals derived from exports plus imports where no total is printed. It agrees
        when equal at the precision stated (146.7 means 146.65 to 146.75); "about", "more than" and
        "nearly" widen that. The finding lists the nearest values with their definitions.

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
                and any(agrees(claim, s, ctx.figure_tolerance) for s in series_for(ctx.reference, claim)))

    def check(self, claims: Sequence[Claim], ctx: RuleContext) -> Iterator[Finding]:
        for claim in claims:
            if not isinstance(claim, FigureClaim) or not korea_trade(claim):
                continue
            candidates = series_for(ctx.reference, claim)
            if not candidates or any(agrees(claim, s, ctx.figure_tolerance) for s in candidates):
                continue
            nearest = sorted(candidates, key=lambda s: abs(s.value - claim.value))[:3]
            listed = "; ".join(f"{money(s.value)} ({s.definition})" for s in nearest)
            year = claim.period.year if claim.period else "?"
            message = (f"{_WORDS[claim.metric or 'trade_total']} of {money(claim.value)} in {year} matches no "  # type: ignore[index]
                       f"recorded series; nearest: {listed}")
            suggestion = money(nearest[0].value) if len(candidates) == 1 else None
            yield self.finding(ctx, claim.span, claim.text, message, suggestion=suggestion,
                               entity_id=nearest[0].figure_id.split("+")[0], source_id=nearest[0].source)


class FigureNotCovered(Rule):
    """Figure the reference cannot check.

    What it catches
        A US–Korea trade figure for a year (or measure) no reference series covers, or whose period
        cannot be resolved: "trade rose to $190 billion" with no year and no article date.

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
            if not isinstance(claim, FigureClaim) or not korea_trade(claim):
                continue
            what = _WORDS[claim.metric or "trade_total"]  # type: ignore[index]
            if claim.period is None:
                message = f"{what} figure {claim.text!r} has no year the reference could check it against"
            elif claim.unit != "USD":
                message = f"{what} figure {claim.text!r} is not in US dollars; the reference holds USD series only"
            elif not series_for(ctx.reference, claim):
                message = f"no reference series covers US–Korea {what} in {claim.period.year}"
            else:
                continue
            yield self.finding(ctx, claim.span, claim.text, message)
