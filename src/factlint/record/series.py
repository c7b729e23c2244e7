"""Trade series: the reference values a US–Korea trade figure can be compared with (printed figures,
and totals derived from exports plus imports), and whether a figure, or a change between two years,
agrees with them."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import ROK, US, ChangeClaim, Figure, FigureClaim, Reference

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
    # Reporter and metric ("United States goods_balance"): what two years' values must share to make a
    # ratio. One country's statistics for one measure, whichever release printed each year's value.
    measure: str
    year: int


# A change of a stated factor ("tripled") agrees with the series' ratio within this share of it; a
# hedged one ("more than tripled") only bends this far the other way.
FACTOR_TOLERANCE = 0.12
HEDGED_FACTOR_TOLERANCE = 0.03


def korea_trade(claim: FigureClaim | ChangeClaim) -> bool:
    """A figure or change about trade between the United States and South Korea: what the series check."""
    return (claim.metric in TRADE_METRICS and ROK in claim.parties and US in claim.parties
            and (isinstance(claim, ChangeClaim) or claim.unit in ("USD", "KRW")))


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


def change_series(reference: Reference, claim: ChangeClaim) -> list[tuple[Series, Series]]:
    """Each measure's values in the change's first and last year, paired: a ratio only means something
    between two values of one series. For "since 2019", the last year is the latest statistics at
    the article's date: last year's, or the year before's."""
    if claim.metric not in TRADE_METRICS:
        return []
    first = {s.measure: s for s in _series(reference, claim, claim.start.year)}
    ends = [claim.end.year, claim.end.year - 1] if claim.end_latest else [claim.end.year]
    return [(first[s.measure], s) for year in ends if year > claim.start.year
            for s in _series(reference, claim, year) if s.measure in first]


def ratio(pair: tuple[Series, Series]) -> float | None:
    """The later value over the earlier; None when the two have opposite signs or the first is 0."""
    a, b = pair[0].value, pair[1].value
    return b / a if a and (a > 0) == (b > 0) else None


def change_agrees(claim: ChangeClaim, observed: float) -> bool:
    """Does the stated change agree with a series' ratio? A percentage is compared as the size of the
    change in points, at the precision stated; a factor ("tripled", "halved") within FACTOR_TOLERANCE
    of it. "More than", "nearly" and "about" bend that one way or widen it."""
    f = claim.factor
    if claim.step:
        stated, seen = abs(f - 1), (observed - 1) * (1 if f >= 1 else -1)
        bend = max(claim.step / 2, 0.015)
        slack, near = max(bend, 0.05 * stated), 0.2 * stated
    else:  # "halved" is "doubled" the other way
        stated, seen = (f, observed) if f >= 1 else (1 / f, 1 / observed)
        bend = HEDGED_FACTOR_TOLERANCE * stated
        slack, near = FACTOR_TOLERANCE * stated, 2 * FACTOR_TOLERANCE * stated
    if claim.hedge == "about":
        return abs(seen - stated) <= 1.25 * slack
    if claim.hedge == "more":
        return seen >= stated - bend
    if claim.hedge == "less":
        return seen <= stated + bend
    if claim.hedge == "nearly":
        return stated - near - bend <= seen <= stated + bend
    return abs(seen - stated) <= slack


def _series(reference: Reference, claim: FigureClaim | ChangeClaim, year: int) -> list[Series]:
    figures = [f for f in reference.figures.values() if f.period.year == year and f.unit == "USD"]
    if claim.reporter and any(f.reporter == claim.reporter and f.metric == "goods_balance" for f in figures):
        # "The U.S. trade deficit": the United States' statistics, where the reference holds them.
        figures = [f for f in figures if f.metric != "goods_balance" or f.reporter == claim.reporter]
    wanted = TRADE_METRICS[claim.metric]
    out: list[Series] = []
    for f in figures:
        if f.metric not in wanted:
            continue
        if claim.metric in ("exports", "imports") and claim.exporter and f.parties != [claim.exporter, claim.importer]:
            continue
        value = abs(f.value) if claim.metric == "balance" else f.value
        out.append(Series(value * f.scale, _step(f), f.definition, f.source, f.id, f"{f.reporter} {f.metric}", year))
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
                              e.source, f"{e.id}+{i.id}", f"{reporter} goods_trade_total", e.period.year))
    return out


# Counts and amounts the record holds besides trade, each compared with the reference's figures of one
# metric: the dead of the Korean War (whenever written), US troops in Korea and the Republic of
# Korea's cost-sharing payments (for the year the text gives, or the latest at the article's date).
# claimed metric → (the reference metrics it may agree with, compared by year?). "Americans died in the
# war" agrees with the deaths in theater or with the battle deaths, both official counts.
RECORDED_METRICS = {"war_deaths": (("war_deaths", "war_battle_deaths"), False), "troops": (("troops",), True),
                    "cost_sharing": (("cost_sharing",), True)}


def recorded_for(reference: Reference, claim: FigureClaim) -> list[tuple[Series, Figure]]:
    """The reference figures a count or amount other than trade is compared with: none when the record
    holds nothing for its measure (and year), or the claim is not about Korea."""
    if claim.metric not in RECORDED_METRICS or (ROK not in claim.parties and claim.metric != "war_deaths"):
        return []
    metrics, by_year = RECORDED_METRICS[claim.metric]
    years: set[int] | None = None
    if by_year:
        if claim.period is None:
            return []
        years = {claim.period.year, claim.period.year - 1} if claim.period_latest else {claim.period.year}
    unit = "count" if claim.unit == "count" else claim.unit
    return [(Series(f.value * f.scale, _step(f), f.definition, f.source, f.id, f"{f.reporter} {f.metric}", f.period.year), f)
            for f in reference.figures.values()
            if f.metric in metrics and f.unit == unit and (years is None or f.period.year in years)
            # The dead are counted per country: the text speaks of Americans (extract/figures.py).
            and (claim.metric != "war_deaths" or f.parties[0] == US)]


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
