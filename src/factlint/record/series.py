"""Trade series: the reference values a US–Korea trade figure can be compared with (printed figures,
and totals derived from exports plus imports), and whether a figure agrees with one."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import ROK, US, Figure, FigureClaim, Reference

# The reference metrics each claimed measure can be compared with.
TRADE_METRICS = {
    "trade_total": ("goods_trade_total", "goods_services_trade_total"),
    "exports": ("goods_exports", "goods_imports"),  # one flow, reported by the exporter or the importer
    "imports": ("goods_exports", "goods_imports"),
    "balance": ("goods_balance",),
}
# How far a hedged figure may be from the record: "about $150 billion" agrees within 5%.
HEDGE_TOLERANCE = 0.05


# A plain frozen dataclass rather than a pydantic model: made for every figure claim checked, never
# read from input nor written out, so validation would only cost time.
@dataclass(frozen=True)
class Series:
    """A reference value a claim can be compared with: a figure, or a total derived from two."""

    value: float  # scaled to units
    step: float  # the precision the source printed
    definition: str
    source: str
    figure_id: str


def korea_trade(claim: FigureClaim) -> bool:
    """A figure about trade between the United States and South Korea: the figures the series check."""
    return (claim.metric in TRADE_METRICS and ROK in claim.parties and US in claim.parties
            and claim.unit in ("USD", "KRW"))


def _step(figure: Figure) -> float:
    text = repr(figure.value)
    decimals = len(text.split(".")[1]) if "." in text and not text.endswith(".0") else 0
    return 10.0 ** -decimals * figure.scale


def series_for(reference: Reference, claim: FigureClaim) -> list[Series]:
    """Every reference series for the claim's metric, parties and period."""
    if claim.metric not in TRADE_METRICS or claim.period is None or claim.unit != "USD":
        return []
    if claim.period_latest:
        # The latest statistics when the article was written: last year's, or the year before's.
        return [*_series(reference, claim, claim.period.year), *_series(reference, claim, claim.period.year - 1)]
    return _series(reference, claim, claim.period.year)


def _series(reference: Reference, claim: FigureClaim, year: int) -> list[Series]:
    figures = [f for f in reference.figures.values() if f.period.year == year and f.unit == "USD"]
    wanted = TRADE_METRICS[claim.metric]
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


def figure_agrees(claim: FigureClaim, series: Series, tolerance: float = 0.0) -> bool:
    """Does the claimed figure agree with the series at the precision both state, hedges widening it?"""
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
    """A dollar amount as the messages write it: "$146.7 billion"."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"${value / scale:,.{_decimals(value / scale)}f} {word}"
    return f"${value:,.0f}"


def _decimals(x: float) -> int:
    text = f"{x:.4f}".rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0
