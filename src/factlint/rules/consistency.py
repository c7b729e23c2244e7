"""FL5xx: consistency, within one document and across the documents of one run."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import ClassVar

from ..models import Claim, EventClaim, FigureClaim, Finding, Location, Reference, Span
from ..record import confirmed, date_agrees, dated, figure_agrees, korea_trade, money, series_for, short_name
from .base import Rule, RuleContext

_Key = tuple[object, ...]


def _key(claim: Claim, reference: Reference | None = None) -> _Key | None:
    if isinstance(claim, EventClaim) and claim.date.value is not None and not claim.alternatives:
        if claim.event_types and not claim.listed:
            # No record tells which reading of an ambiguous cue is meant: "adopted in December 2015
            # and signed in April 2016" are two events, compared each with its own cue's first reading.
            return ("event", claim.entity_id, (claim.event_types[0],))
        if claim.event_types:
            return ("event", claim.entity_id, tuple(sorted(claim.event_types)))
        # A date that only names the agreement ("the 2018 Singapore summit") is compared with the same
        # kind of statement, for an agreement whose record has one date: a summit, a declaration.
        agreement = dated(reference, claim.entity_id) if reference is not None else None
        if agreement is not None and len({e.date for e in agreement.events}) == 1:
            return ("event", claim.entity_id, ())
        return None
    # Figures: only the US–Korea trade series factlint understands; "$2 billion" of investment in two
    # briefings is rarely the same fact.
    if (isinstance(claim, FigureClaim) and korea_trade(claim) and claim.period is not None and claim.hedge is None):
        return ("figure", claim.metric, claim.exporter, claim.importer, claim.period.year, claim.unit)
    return None


def _said(claim: Claim) -> _Key:
    """What a claim states, and nothing else: two claims that say the same agree with everything alike."""
    if isinstance(claim, EventClaim):
        value = claim.date.value
        return ("event", claim.date.precision, value and (value.year, value.month, value.day))
    if isinstance(claim, FigureClaim):
        return ("figure", claim.value, claim.step)
    return ("other", claim.text)


def _agree(a: Claim, b: Claim) -> bool:
    if isinstance(a, EventClaim) and isinstance(b, EventClaim):
        assert a.date.value is not None and b.date.value is not None
        return a.date.matches(b.date.value) and b.date.matches(a.date.value)
    if isinstance(a, FigureClaim) and isinstance(b, FigureClaim):
        return abs(a.value - b.value) <= max(a.step, b.step) / 2 + 1e-9 * abs(a.value)
    return True


def _confirmed(claim: Claim, reference: Reference) -> bool:
    if isinstance(claim, EventClaim):
        agreement = dated(reference, claim.entity_id)
        if not claim.event_types:
            return agreement is not None and any(date_agrees(claim.date, e) for e in agreement.events)
        return confirmed(claim, agreement)
    if isinstance(claim, FigureClaim):
        return any(figure_agrees(claim, s) for s in series_for(reference, claim))
    return False


def _stated(claim: Claim) -> str:
    if isinstance(claim, EventClaim):
        return claim.date.describe()
    if isinstance(claim, FigureClaim):
        return money(claim.value) if claim.unit == "USD" else claim.text
    return claim.text


def _what(claim: Claim, reference: Reference) -> str:
    if isinstance(claim, EventClaim):
        agreement = dated(reference, claim.entity_id)
        name = short_name(agreement) if agreement else claim.agreement_text
        return f"{name} {claim.cue}" if claim.cue else name
    if isinstance(claim, FigureClaim):
        year = claim.period.year if claim.period else "?"
        return f"{claim.metric.replace('_', ' ') if claim.metric else 'figure'} in {year}"
    return claim.text


def _where(path: str, span: Span) -> str:
    return f"{path}:{span.line}:{span.column}"


class InconsistentStatements(Rule):
    """The same fact stated two different ways.

    What it catches
        An agreement's event dated differently in two places ("KORUS took effect in 2012" in one
        briefing, "in 2011" in another), or one trade figure for the same measure, direction and
        year given two different values, in one document or across the files of one run. It fires
        whether or not the reference holds the fact: inconsistency is an error either way.

    Why it matters
        A reader who sees both versions trusts neither. Across a folder of briefings, inconsistencies
        are how a newsroom finds the one draft that went wrong.

    How it decides
        Claims are grouped by what they are about (agreement and event; measure, direction, year).
        A date that only names an agreement whose record has one date ("the 2018 Singapore summit")
        is compared with the other dates that name it. An agreement the reference does not hold is
        known by its proper name ("the Treaty of Amity signed in 2003" and "in 2004"); a name that
        says no more than its kind ("the Free Trade Agreement") and a meeting's "held" are not compared.
        Dates disagree when they differ at the precision both state ("2012" and "March 2012" agree);
        figures when they differ beyond the precision stated. Hedged figures ("about") are left out.
        Each finding points at the other place.

    Example
        a.md: KORUS took effect in 2012.   b.md: KORUS took effect in 2011.   →  one of them is wrong

    Fix safety
        The other rules (FL201, FL301) say which one the record supports.
    """

    code = "FL501"
    name = "inconsistent-statements"
    summary = "The same fact stated differently in one document or across a run"
    run_level: ClassVar[bool] = True

    @classmethod
    def compares(cls, claim: Claim) -> bool:
        return _key(claim) is not None or (isinstance(claim, EventClaim) and not claim.event_types)

    def check_run(self, documents: Sequence[tuple[str, Sequence[Claim]]], reference: Reference) -> Iterator[Finding]:
        groups: dict[_Key, list[tuple[str, Claim]]] = defaultdict(list)
        for path, claims in documents:
            for claim in claims:
                key = _key(claim, reference)
                if key is not None:
                    groups[key].append((path, claim))
        for members in groups.values():
            # The other statement named is the first by path and position, whatever order the files
            # came in; statements that say the same thing are compared once (a thousand repeats of
            # one wrong date must not be a million comparisons).
            members.sort(key=lambda m: (m[0], m[1].span.start))
            firsts: dict[_Key, tuple[str, Claim]] = {}
            for path, claim in members:
                firsts.setdefault(_said(claim), (path, claim))
            confirmed: dict[_Key, bool] = {}
            for path, claim in members:
                said = _said(claim)
                if said not in confirmed:
                    confirmed[said] = _confirmed(claim, reference)
                if confirmed[said]:
                    continue  # a statement the record confirms is never the one to flag
                other = next(((p, c) for p, c in firsts.values() if not _agree(claim, c)), None)
                if other is None:
                    continue
                other_path, other_claim = other
                if other_path == path:
                    place = f"at line {other_claim.span.line}, column {other_claim.span.column}"
                else:
                    place = f"at {_where(other_path, other_claim.span)}"
                message = (f"{_what(claim, reference)}: {_stated(claim)} here, but {_stated(other_claim)} {place}")
                ctx = RuleContext(path=path, reference=reference)
                entity = claim.entity_id if isinstance(claim, EventClaim) else None
                yield self.finding(ctx, claim.span, claim.text, message, entity_id=entity,
                                   related=[Location(path=other_path, span=other_claim.span)])
