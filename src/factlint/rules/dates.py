"""FL2xx: agreements, treaties, summits and other recorded events: their dates and their parties."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

from ..models import Agreement, AgreementEvent, Claim, DateMention, EventClaim, Finding, PartialDate, PartyClaim, Severity
from ..record import dated, date_agrees, event_dates, named_events, other_events, relevant_events, short_name
from .base import FixSafety, Rule, RuleContext

_EVENT_WORDS = {
    "negotiations_launched": "negotiations were launched", "negotiations_concluded": "negotiations were concluded",
    "initialed": "it was initialed", "signed": "it was signed", "ratified": "it was ratified",
    "entered_into_force": "it entered into force", "amended": "it was amended",
    "amendment_signed": "its amendment was signed", "amendment_entered_into_force": "its amendment entered into force",
    "adopted": "it was adopted", "held": "it was held", "terminated": "it was terminated", "expired": "it expired",
    "began": "it began", "ended": "it ended", "occurred": "it took place", "announced": "it was announced",
    "withdrew": "the withdrawal took effect",
}
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"]


def written_like(claim: DateMention, date: PartialDate) -> str:
    """`date` at the claim's precision, in the claim's style: "2012", "March 2012", "March 15, 2012"."""
    if claim.precision in ("year", "decade") or date.month is None:
        return f"the {date.year // 10 * 10}s" if claim.precision == "decade" else str(date.year)
    if claim.precision == "month" or date.day is None:
        return f"{_MONTH_NAMES[date.month - 1]} {date.year}"
    if claim.text[:4].isdigit() and "-" in claim.text:
        return str(date)
    return f"{_MONTH_NAMES[date.month - 1]} {date.day}, {date.year}"


def _count_like(claim: EventClaim, date: PartialDate) -> str:
    """The right count of years, written like the claim's: "65th" → "70th", "65" → "70"."""
    count = (claim.counted_from or 0) - date.year
    if not claim.text[:1].isdigit():
        return str(count)
    ordinal = "th" if 10 <= count % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(count % 10, "th")
    return f"{count}{ordinal}" if re.match(r"\d+(?:st|nd|rd|th)", claim.text) else str(count)


def _named(claim: EventClaim, ctx: RuleContext) -> list[Agreement]:
    """The reference agreements the claim's words may name: its own, and those it shares a noun with."""
    return [a for i in [claim.entity_id, *(claim.alternatives or [])] if (a := dated(ctx.reference, i))]


def describe(event: AgreementEvent) -> str:
    party = f" ({event.party})" if event.party else ""
    when = f"on {event.date.describe()}" if event.date.day else f"in {event.date.describe()}"
    return f"{_EVENT_WORDS.get(event.type, event.type)} {when}{party}"


class ContradictedEventDate(Rule):
    """Event date that contradicts the record.

    What it catches
        A date an article gives for a signing, ratification, entry into force, amendment or summit
        that the reference contradicts, at the precision the article states: "KORUS took effect in
        2011" (it entered into force on 2012-03-15), "the 1955 Mutual Defense Treaty".

    Why it matters
        Treaty and agreement dates are checkable facts, and readers who know them stop trusting the
        rest of the piece.

    How it decides
        The agreement is recognised by its name, an alias or its acronym, or by a common noun ("an
        armistice", "a free trade agreement") where its countries are named nearby; the event by the
        verb ("signed", "took effect", "ratified", "dates back to"...) and the date paired with it in
        the same sentence, or by a count of years ("the 65th anniversary of the armistice" this year).
        A year claim agrees with any day of that year, a month claim with any day of that month.
        Dates other official records give for the same event (`also_accepted`) agree too. Nothing is
        said when the reference has no date for that event. A noun several recorded events share
        ("the Panmunjom summit": April 2018, June 2019) is wrong only in a year none of them fits.

    Example
        KORUS, which took effect in 2011, ...   →  KORUS, which took effect in 2012, ...

    Fix safety
        The suggestion is the recorded date at the precision the article used. Check the sentence:
        the article may mean another event.
    """

    code = "FL201"
    fix: ClassVar[FixSafety] = "unsafe"
    name = "contradicted-event-date"
    summary = "An agreement's event dated differently from the record"
    severity = Severity.ERROR

    def agrees(self, claim: Claim, ctx: RuleContext) -> bool:
        if not isinstance(claim, EventClaim):
            return False
        return any(date_agrees(claim.date, e) for a in _named(claim, ctx) for e in relevant_events(claim, a))

    def check(self, claims: Sequence[Claim], ctx: RuleContext) -> Iterator[Finding]:
        for claim in claims:
            if not isinstance(claim, EventClaim):
                continue
            if claim.alternatives:
                yield from self._shared(claim, ctx)
                continue
            agreement = dated(ctx.reference, claim.entity_id)
            if agreement is None:
                continue
            relevant = relevant_events(claim, agreement)
            if not relevant or any(date_agrees(claim.date, e) for e in relevant):
                continue
            if claim.event_types and other_events(claim, agreement):
                continue  # another event's date: FL202
            name = short_name(agreement)
            if claim.event_types:
                facts = "; ".join(describe(e) for e in relevant)
                message = f"{name}: {facts}, not {claim.date.describe()}"
            elif claim.counted_from:
                facts = "; ".join(describe(e) for e in agreement.events)
                message = (f"{name}: \"{claim.text}\" counted from {claim.counted_from} dates it to "
                           f"{claim.date.describe()}, but {facts}")
            else:
                facts = "; ".join(describe(e) for e in agreement.events)
                message = f"{name} has no recorded event in {claim.date.describe()}: {facts}"
            suggestions = {_count_like(claim, e.date) if claim.counted_from else written_like(claim.date, e.date)
                           for e in relevant}
            yield self.finding(ctx, claim.span, claim.text, message,
                               suggestion=suggestions.pop() if len(suggestions) == 1 else None,
                               entity_id=agreement.id, source_id=relevant[0].source)

    def _shared(self, claim: EventClaim, ctx: RuleContext) -> Iterator[Finding]:
        """A noun several recorded events share: wrong only in a year none of them fits (the record may
        lack another event of a year it holds: the second Panmunjom summit of May 2018)."""
        agreements = _named(claim, ctx)
        events = [(a, e) for a in agreements for e in relevant_events(claim, a)]
        value = claim.date.value
        if not events or value is None or claim.counted_from or any(
                date_agrees(claim.date, e) or value.year in {d.year for d in event_dates(e)} for _, e in events):
            return
        facts = "; ".join(f"{short_name(a)}: {describe(e)}" for a, e in events)
        message = f"“{claim.agreement_text}” names {len(agreements)} recorded events, none in {value.year}: {facts}"
        yield self.finding(ctx, claim.span, claim.text, message, entity_id=events[0][0].id, source_id=events[0][1].source)


class DateOfAnotherEvent(Rule):
    """Date that belongs to a different event of the same agreement.

    What it catches
        A date that is right for one event of an agreement but given for another: "the Mutual Defense
        Treaty, signed in 1954" (1954 is when it entered into force; it was signed on 1953-10-01),
        "KORUS, signed in 2012".

    Why it matters
        Signing, ratification and entry into force are often years apart (KORUS: 2007, 2011,
        2012). Swapping them is the commonest treaty-date error, and a reader who knows the record
        sees it at once.

    Example
        KORUS, signed in 2012, ...   →  KORUS, signed in 2007, ...

    Fix safety
        The suggestion is the recorded date of the event the sentence names; read the verb first.
    """

    code = "FL202"
    fix: ClassVar[FixSafety] = "unsafe"
    name = "date-of-another-event"
    summary = "A date given for one event of an agreement that belongs to another"

    def check(self, claims: Sequence[Claim], ctx: RuleContext) -> Iterator[Finding]:
        for claim in claims:
            if not isinstance(claim, EventClaim) or not claim.event_types or claim.alternatives:
                continue
            agreement = dated(ctx.reference, claim.entity_id)
            if agreement is None:
                continue
            relevant = named_events(claim, agreement)
            if not relevant or any(date_agrees(claim.date, e) for e in relevant):
                continue
            others = other_events(claim, agreement)
            if not others:
                continue
            name = short_name(agreement)
            message = (f"{claim.date.describe()} is when {_EVENT_WORDS.get(others[0].type, others[0].type)} "
                       f"({others[0].date.describe()}); for {name}, {'; '.join(describe(e) for e in relevant)}")
            suggestions = {_count_like(claim, e.date) if claim.counted_from else written_like(claim.date, e.date)
                           for e in relevant}
            yield self.finding(ctx, claim.span, claim.text, message,
                               suggestion=suggestions.pop() if len(suggestions) == 1 else None,
                               entity_id=agreement.id, source_id=relevant[0].source)


# The state a confused one stands in for, as records name it.
_TWINS = {"Republic of China": ("People's Republic of China", "China"), "Soviet Union": ("Russian Federation", "Russia")}


def _instead(party: str, written: str) -> str:
    """The state to write in place of `written`: "the Republic of China" wants "People's" before it."""
    if party == "Republic of China":
        return "People's Republic of China" if written.endswith("Republic of China") else "China"
    return "Russia"


class WrongParty(Rule):
    """State named among the parties of an agreement or event in the place of another.

    What it catches
        The Republic of China (Taiwan) named where the record has the People's Republic, or the
        Soviet Union where it has Russia: "the Six-Party Talks brought together the two Koreas,
        the United States, Japan, Russia and the Republic of China".

    Why it matters
        It is the kind of slip a reader who knows the region stops at: two Chinas, two eras of one
        state, each a different party with a different history.

    How it decides
        Only in a sentence that names one recorded agreement or event and no other, and only for
        these confusable states: naming a state the record does not list among the parties is no
        error in itself (a host, an observer, a state the sentence says stayed out). It fires when the
        record's parties hold the other state and not the one written.

    Example
        ... Japan, Russia and the Republic of China.   →  ... Japan, Russia and the People's Republic of China.

    Fix safety
        The suggestion is the state the record lists; read the sentence: it may speak of the state
        named for another reason.
    """

    code = "FL203"
    fix: ClassVar[FixSafety] = "unsafe"
    name = "wrong-party"
    summary = "A state named among an agreement's or event's parties in the place of the one the record lists"
    severity = Severity.WARNING

    def check(self, claims: Sequence[Claim], ctx: RuleContext) -> Iterator[Finding]:
        for claim in claims:
            if not isinstance(claim, PartyClaim):
                continue
            agreement = dated(ctx.reference, claim.entity_id)
            if agreement is None or claim.party in agreement.parties or claim.party not in _TWINS:
                continue
            listed = next((p for p in agreement.parties if p in _TWINS[claim.party]), None)
            if listed is None:
                continue
            message = (f"{short_name(agreement)}: the record lists {listed} among its parties, not {claim.party} "
                       f"(parties: {', '.join(agreement.parties)})")
            yield self.finding(ctx, claim.span, claim.text, message,
                               suggestion=_instead(claim.party, claim.text),
                               entity_id=agreement.id, source_id=agreement.sources[0])

    def agrees(self, claim: Claim, ctx: RuleContext) -> bool:
        if not isinstance(claim, PartyClaim):
            return False
        agreement = dated(ctx.reference, claim.entity_id)
        return agreement is not None and claim.party in agreement.parties
