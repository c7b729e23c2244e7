"""The reference dataset: sources, people, organizations, places, named systems, agreements, other dated
events and figures, as the YAML under reference/ holds them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Field, PrivateAttr

from .base import DateValue, Id, Model, NonEmpty


class Source(Model):
    """Where a fact comes from. Every fact in the reference cites one of these by id."""

    id: Id
    publisher: NonEmpty
    title: NonEmpty
    url: Annotated[str, Field(pattern=r"^https?://[^\s/$.?#][^\s]*$")]
    accessed: dt.date
    # What it is, when its address does not say: the publisher of record ("official"), a recognized
    # archive's copy of it ("archive"), a news report relaying an official figure where no official
    # copy could be found ("relay"), or another work ("secondary"). None: read from the URL's host.
    standing: Literal["official", "archive", "relay", "secondary"] | None = None
    note: str | None = None


class Office(Model):
    title: NonEmpty
    start: DateValue | None = None  # None: the record gives no start date
    end: DateValue | None = None  # None: still held (or the record gives no end)
    country: str | None = None  # whose office, when not the person's own country ("United Nations")
    source: Id
    note: str | None = None


NameOrder = Literal["family-first", "given-first"]


class Person(Model):
    id: Id
    name: NonEmpty  # the canonical (house-style) form
    variants: list[NonEmpty] = []  # other accepted spellings and romanizations
    family: NonEmpty
    given: NonEmpty
    order: NameOrder
    # The script the name is romanized from; "ko" enables checks that know Korean syllables.
    language: Language = "other"
    country: str | None = None  # the country whose offices they held, e.g. "Republic of Korea"
    offices: list[Office] = []
    # Whether `offices` lists every office of the kinds FL401 checks that the person held ("all"), or
    # only some: a list of one office's holders, an import. FL401 says "never held" of the latter only
    # where the record names the office's holders across their career, or they held another then.
    offices_listed: Literal["all", "some"] = "all"
    relation: str | None = None
    sources: list[Id] = Field(min_length=1)
    note: str | None = None


class Organization(Model):
    id: Id
    name: NonEmpty
    acronyms: list[NonEmpty] = []
    variants: list[NonEmpty] = []
    kind: NonEmpty  # what sort of body it is: "state news agency"
    not_kinds: list[NonEmpty] = []  # what it is commonly mistaken for: "radio station"
    country: str | None = None
    sources: list[Id] = Field(min_length=1)
    note: str | None = None


Language = Literal["ko", "zh", "ja", "en", "ru", "pt", "other"]


class Place(Model):
    """A place or facility prose names ("Yongbyon", "the Northern Limit Line"), or, in the `systems`
    section, a named vessel or weapons system ("the Cheonan", "Hwasong-15"): its spellings are checked."""

    id: Id
    name: NonEmpty  # the form official English text uses most
    variants: list[NonEmpty] = []  # other accepted spellings and romanizations
    kind: NonEmpty  # what it is, in words: "nuclear test site", "island", "intercontinental ballistic missile"
    country: str | None = None
    # The script the name is romanized from: "ko" accepts any spelling of the same Korean sounds.
    language: Language = "other"
    sources: list[Id] = Field(min_length=1)
    note: str | None = None


EventType = Literal[
    "negotiations_launched",
    "negotiations_concluded",
    "initialed",
    "signed",
    "ratified",
    "entered_into_force",
    "amended",
    "amendment_signed",
    "amendment_entered_into_force",
    "adopted",
    "held",
    "terminated",
    "expired",
    # Events that are not agreements: a war's start and end, a test, launch, sinking or shelling, an
    # announcement (of withdrawal from a treaty), a withdrawal taking effect.
    "began",
    "ended",
    "occurred",
    "announced",
    "withdrew",
]


class AgreementEvent(Model):
    type: EventType
    date: DateValue
    party: str | None = None  # who ratified, when the event belongs to one side
    place: str | None = None
    also_accepted: list[DateValue] = []  # dates other official records give for the same event
    source: Id
    note: str | None = None


class Agreement(Model):
    id: Id
    name: NonEmpty
    aliases: list[NonEmpty] = []
    acronyms: list[NonEmpty] = []
    # Common nouns that refer to it when the text names one of its countries nearby and no other
    # qualifier: "a free trade agreement", "the armistice", "Camp David".
    common_nouns: list[NonEmpty] = []
    kind: Literal["treaty", "agreement", "declaration", "summit", "statement", "other"]
    parties: list[NonEmpty] = []
    events: list[AgreementEvent] = Field(min_length=1)
    sources: list[Id] = Field(min_length=1)
    note: str | None = None


class Event(Agreement):
    """A dated event that is not an agreement: a war, a nuclear test, a launch, an incident, a UN
    resolution, an announcement. Named, dated and checked like an agreement (FL2xx); its `events` list
    what happened when."""

    kind: Literal["war", "nuclear_test", "launch", "incident", "resolution", "announcement", "other"]  # type: ignore[assignment]


class Figure(Model):
    id: Id
    metric: NonEmpty  # e.g. "goods_trade_total", "goods_exports"
    reporter: NonEmpty  # whose statistics: "United States", "Republic of Korea"
    parties: list[NonEmpty] = Field(min_length=2, max_length=2)  # [from, to] or the two partners
    period: DateValue
    value: float
    unit: Literal["USD", "KRW", "count", "percent"]
    scale: Literal[1, 1_000, 1_000_000, 1_000_000_000, 1_000_000_000_000] = 1
    definition: NonEmpty  # what the series counts, in words an editor can read
    # A count official records no longer use, and the figure that replaced it: the 54,246 American dead
    # of the Korean War (every death worldwide in those years) gave way to 36,574 (deaths in theater).
    superseded_by: Id | None = None
    source: Id
    note: str | None = None


class ReferenceFile(Model):
    """The shape of one YAML file under reference/: any mix of the sections below."""

    sources: list[Source] = []
    people: list[Person] = []
    organizations: list[Organization] = []
    places: list[Place] = []
    systems: list[Place] = []
    agreements: list[Agreement] = []
    events: list[Event] = []
    figures: list[Figure] = []


class Reference(Model):
    """The merged reference: every layer's entities, keyed by id."""

    sources: dict[str, Source] = {}
    people: dict[str, Person] = {}
    organizations: dict[str, Organization] = {}
    places: dict[str, Place] = {}
    systems: dict[str, Place] = {}
    agreements: dict[str, Agreement] = {}
    events: dict[str, Event] = {}
    figures: dict[str, Figure] = {}
    # Where each entity was defined, "path:line", for messages and validation reports.
    origins: dict[str, str] = {}
    # Built on first use by record.names.index_for(). Look-ups by id across kinds live in record/kinds.py,
    # which knows every kind; a model knows only its own fields.
    _name_index: Any = PrivateAttr(default=None)
