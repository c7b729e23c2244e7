"""The kinds of entity the record holds, in one table, and the look-ups that table answers.

Loading, validation, the name index and `factlint lookup` read a kind's section, model, names and
citations from its row here, so a new kind is a model, a row and its index entry, never a hunt through
every module that once listed the sections by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from ..models import Agreement, Event, Figure, Model, Organization, Person, Place, Reference, Source
from .events import check_event_order
from .offices import check_offices

Path = tuple[str | int, ...]  # a place inside one entity, as the YAML nests it: ("offices", 2, "source")


@dataclass(frozen=True)
class Kind:
    """One kind of entity: where the YAML holds it, how prose names it, what it cites."""

    name: str  # as claims and `factlint lookup` call it: "person"
    section: str  # its YAML section, and the field of Reference and ReferenceFile: "people"
    model: type[Model]
    names: tuple[str, ...] = ()  # fields holding its written forms, the canonical one first
    acronyms: bool = False  # has an `acronyms` list, matched by case rather than folded
    # How prose names it: a run of capitalized words ("name": people, bodies) or a phrase of any words,
    # lower case included ("phrase": "the armistice agreement"); None: not named in prose.
    mention: Literal["name", "phrase"] | None = None
    sources: str = "sources"  # the field citing its own sources: a list of ids, or one id
    sourced_items: tuple[str, ...] = ()  # list fields each of whose items cites a `source` of its own
    # What its entities must satisfy beyond the schema: (path within the entity, message) per problem.
    check: Callable[[Any], Iterator[tuple[Path, str]]] | None = None


KINDS: tuple[Kind, ...] = (
    Kind("person", "people", Person, names=("name", "variants"), mention="name",
         sourced_items=("offices",), check=check_offices),
    Kind("organization", "organizations", Organization, names=("name", "variants"), acronyms=True, mention="name"),
    Kind("place", "places", Place, names=("name", "variants"), mention="name"),
    Kind("system", "systems", Place, names=("name", "variants"), mention="name"),
    Kind("agreement", "agreements", Agreement, names=("name", "aliases"), acronyms=True, mention="phrase",
         sourced_items=("events",), check=check_event_order),
    # Wars, tests, launches, incidents, resolutions: dated and named like agreements, and read by the
    # same extractor and rules (an Event is an Agreement with other kinds).
    Kind("event", "events", Event, names=("name", "aliases"), acronyms=True, mention="phrase",
         sourced_items=("events",), check=check_event_order),
    Kind("figure", "figures", Figure, sources="source"),
)
# Every YAML section, in the order files and messages list them; sources have their own id namespace.
SECTIONS: tuple[str, ...] = ("sources", *(kind.section for kind in KINDS))
NAMED_KINDS = tuple(kind for kind in KINDS if kind.names)

Entity = Person | Organization | Place | Agreement | Figure


def dated(reference: Reference, entity_id: str) -> Agreement | None:
    """The agreement or other dated event with this id: what FL2xx compares dates with."""
    return reference.agreements.get(entity_id) or reference.events.get(entity_id)


def all_dated(reference: Reference) -> list[Agreement]:
    return [*reference.agreements.values(), *reference.events.values()]


def entities(reference: Reference, kind: Kind) -> dict[str, Any]:
    return getattr(reference, kind.section)


def _located(reference: Reference, entity_id: str, kinds: Iterable[Kind]) -> tuple[Kind, Any] | None:
    for kind in kinds:
        found = entities(reference, kind).get(entity_id)
        if found is not None:
            return kind, found
    return None


def find(reference: Reference, entity_id: str) -> Entity | None:
    """The entity with this id, of whatever kind (ids are unique across kinds)."""
    located = _located(reference, entity_id, KINDS)
    return located[1] if located else None


def named(reference: Reference, entity_id: str) -> Person | Organization | Place | Agreement | None:
    """The entity with this id among the kinds that have names."""
    located = _located(reference, entity_id, NAMED_KINDS)
    return located[1] if located else None


def sources_of(reference: Reference, entity_id: str) -> list[Source]:
    """The sources an entity cites itself, in the order it lists them (the first is the strongest)."""
    located = _located(reference, entity_id, KINDS)
    if located is None:
        return []
    kind, entity = located
    cited = getattr(entity, kind.sources)
    ids = cited if isinstance(cited, list) else [cited]
    return [reference.sources[i] for i in ids if i in reference.sources]


def cited_sources(entity: Entity, kind: Kind) -> Iterator[tuple[Path, str]]:
    """(path within the entity, source id) for every source the entity and its items cite."""
    cited = getattr(entity, kind.sources)
    if isinstance(cited, list):
        yield from (((kind.sources, i), source_id) for i, source_id in enumerate(cited))
    else:
        yield (kind.sources,), cited
    for field in kind.sourced_items:
        for i, item in enumerate(getattr(entity, field)):
            yield (field, i, "source"), item.source


def name_forms(entity: Entity, kind: Kind) -> list[tuple[Path, str]]:
    """(path within the entity, form) for every written form an entity is known by (acronyms
    excluded: they are matched by case)."""
    out: list[tuple[Path, str]] = []
    for field in kind.names:
        value = getattr(entity, field)
        if isinstance(value, list):
            out.extend(((field, i), form) for i, form in enumerate(value))
        else:
            out.append(((field,), value))
    return out
