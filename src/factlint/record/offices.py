"""Who held which office when: the holders of each (role, country), what a person held, and whether an
office covers a date. FL401 asks these for every title an article gives; validation asks whether each
office can be checked at all."""

from __future__ import annotations

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
