"""Who held which office when: the holders of each (role, country), what a person held, and whether an
office covers a date. FL401 asks these for every title an article gives; validation asks whether each
office can be checked at all."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from ..models import Office, PartialDate, Person, Reference
from ..roles import office_country, role_of

Holders = dict[tuple[str, str | None], list[tuple[Person, Office]]]


def holders_by_office(reference: Reference) -> Holders:
    """Who held each (role, country) office, in reference order. Built once with the name index (see
    names.index_for) rather than by a pass over every person for every article."""
    holders: Holders = {}
    for person in reference.people.values():
        for office in person.offices:
            role = role_of(office.title)
            # An office with no dates (a sanctions list's title) tells nobody else when they did not hold it.
            if role is not None and (office.start is not None or office.end is not None):
                holders.setdefault((role, office_country(office, person)), []).append((person, office))
    return holders


def offices_held(person: Person, role: str, country: str | None) -> list[Office]:
    """The person's offices in that role and country."""
    return [o for o in person.offices if role_of(o.title) == role and office_country(o, person) == country]


def covers(office: Office, when: PartialDate) -> bool:
    """Could the office have been held at some time `when` allows?"""
    started = office.start is None or office.start.earliest() <= when.latest()
    ongoing = office.end is None or office.end.latest() >= when.earliest()
    return started and ongoing


def ended_before(office: Office, when: PartialDate) -> bool:
    return office.end is not None and office.end.earliest() <= when.latest()


def check_offices(person: Person) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Validation beyond the schema: (path within the person, message) per problem."""
    if any(office_country(office, person) is None for office in person.offices):
        # FL401 compares titles within a country ("Foreign Minister" of which one?): without one,
        # this person's titles would never be checked, silently.
        yield (), (f"{person.id}: has offices but no `country:` (nor one on each office), "
                   "so FL401 cannot check the titles the articles give them")
    for i, office in enumerate(person.offices):
        if office.start and office.end and office.end.latest() < office.start.earliest():
            yield ("offices", i), f"{person.id}: office {office.title!r} ends ({office.end}) before it starts ({office.start})"


def close_open_offices(people: dict[str, Person]) -> dict[str, Person]:
    """An office the record leaves open ends when the record's next holder of it starts. The offices
    FL401 checks have one holder at a time, and open data is not always updated: the historian's
    list of trade representatives stops with Kantor still in office, while another layer names
    his successors. Without this, "former USTR Mickey Kantor" would read as wrong today."""
    starts: dict[tuple[str, str | None], list[tuple[dt.date, str]]] = defaultdict(list)
    for person in people.values():
        for office in person.offices:
            role = role_of(office.title)
            if role is not None and office.start is not None:
                starts[role, office_country(office, person)].append((office.start.earliest(), person.id))
    out: dict[str, Person] = {}
    for person_id, person in people.items():
        offices = [_closed(office, person, starts) for office in person.offices]
        changed = any(a is not b for a, b in zip(offices, person.offices))
        out[person_id] = person.model_copy(update={"offices": offices}) if changed else person
    return out


def _closed(office: Office, person: Person, starts: dict[tuple[str, str | None], list[tuple[dt.date, str]]]) -> Office:
    role = role_of(office.title)
    if role is None or office.end is not None or office.start is None:
        return office
    later = [d for d, other in starts[role, office_country(office, person)]
             if other != person.id and d > office.start.latest()]
    if not later:
        return office
    end = min(later)
    note = f"end: when the record's next holder started ({end}); the source gives none"
    return office.model_copy(update={"end": PartialDate(year=end.year, month=end.month, day=end.day),
                                     "note": f"{office.note}; {note}" if office.note else note})
