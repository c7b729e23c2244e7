"""Agreements' recorded events: which of them a dated claim speaks of, whether its date agrees, the
events writers confuse with one another, and the order events must come in (checked on loading)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from ..models import Agreement, AgreementEvent, DateMention, EventClaim, PartialDate

# Events writers confuse with one another. Ratifications (one per party) and negotiation milestones
# are not among them: a year that happens to match one is still a contradiction (FL201).
CONFUSABLE = frozenset({"initialed", "signed", "entered_into_force", "adopted", "held", "amendment_signed",
                        "amendment_entered_into_force", "terminated", "announced", "withdrew", "began", "ended"})

# Pairs of events whose order is fixed: the first cannot come after the second.
_BEFORE = {
    ("negotiations_launched", "negotiations_concluded"), ("negotiations_launched", "signed"),
    ("negotiations_concluded", "signed"), ("initialed", "signed"), ("signed", "ratified"),
    ("signed", "entered_into_force"), ("ratified", "entered_into_force"), ("signed", "amended"),
    ("signed", "amendment_signed"), ("entered_into_force", "terminated"), ("signed", "terminated"),
    ("amendment_signed", "amendment_entered_into_force"), ("entered_into_force", "expired"),
    ("began", "ended"), ("announced", "withdrew"),
}


def event_dates(event: AgreementEvent) -> list[PartialDate]:
    return [event.date, *event.also_accepted]


def date_agrees(claim: DateMention, event: AgreementEvent) -> bool:
    """Does the claimed date agree with the event's date, or a date another official record gives?"""
    return any(claim.matches(date) for date in event_dates(event))


def relevant_events(claim: EventClaim, agreement: Agreement) -> list[AgreementEvent]:
    """The recorded events the claim speaks of: those its cue names, or any when it names none."""
    return [e for e in agreement.events if not claim.event_types or e.type in claim.event_types]


def named_events(claim: EventClaim, agreement: Agreement) -> list[AgreementEvent]:
    """The recorded events the claim's cue names (none when it names none)."""
    return [e for e in agreement.events if e.type in claim.event_types]


def other_events(claim: EventClaim, agreement: Agreement) -> list[AgreementEvent]:
    """Events the cue does not name, easily confused with those it does, whose date the claim has."""
    return [e for e in agreement.events
            if e.type not in claim.event_types and e.type in CONFUSABLE and date_agrees(claim.date, e)]


def confirmed(claim: EventClaim, agreement: Agreement | None) -> bool:
    """Does the record hold the claimed date for an event the cue names?"""
    return agreement is not None and any(date_agrees(claim.date, e) for e in named_events(claim, agreement))


def short_name(agreement: Agreement) -> str:
    """The name a message can use: the acronym, else the shortest name ("Agreed Framework")."""
    return agreement.acronyms[0] if agreement.acronyms else min([agreement.name, *agreement.aliases], key=len)


def check_event_order(agreement: Agreement) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Validation beyond the schema: (path within the agreement, message) per event dated out of order."""
    for (_, a), (j, b) in itertools.permutations(list(enumerate(agreement.events)), 2):
        # One party's own step may follow the treaty's: a state acceding after entry into force.
        if (a.type, b.type) in _BEFORE and a.party == b.party and b.date.latest() < a.date.earliest():
            yield ("events", j), f"{agreement.id}: {b.type} ({b.date}) is dated before {a.type} ({a.date})"
