"""Every data model factlint passes between its steps, in one place.

The flow is: reference (what the record says) and document (what the file says) → claims (what the
article asserts) → findings (a rule's verdict on a claim). All models are immutable pydantic models
with unknown fields forbidden, so a typo in reference YAML is an error rather than silently ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, field_validator, model_validator


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------------------------------
# Dates with a stated precision ("2014", "2014-11", "2014-11-20")
# --------------------------------------------------------------------------------------------------

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PartialDate(Model):
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        # YAML gives `2014` as int, `2014-11-20` as date and `2014-11` as str: accept all three.
        if isinstance(value, dt.date):
            return {"year": value.year, "month": value.month, "day": value.day}
        if isinstance(value, int) and not isinstance(value, bool):
            return {"year": value}
        if isinstance(value, str):
            m = _PARTIAL_DATE.match(value.strip())
            if not m:
                raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
            y, mo, d = m.groups()
            return {"year": int(y), "month": mo and int(mo), "day": d and int(d)}
        return value

    @model_validator(mode="after")
    def _check(self) -> PartialDate:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        dt.date(self.year, self.month or 1, self.day or 1)  # raises ValueError on 2023-02-30
        return self

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        return "day" if self.day else "month" if self.month else "year"

    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        if self.day:
            return self.earliest()
        if self.month:
            nxt = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def describe(self) -> str:
        """"2012", "March 2012", "March 15, 2012"."""
        if self.month is None:
            return str(self.year)
        month = dt.date(2000, self.month, 1).strftime("%B")
        return f"{month} {self.year}" if self.day is None else f"{month} {self.day}, {self.year}"

    def __str__(self) -> str:
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
        if self.day:
            out += f"-{self.day:02d}"
        return out


def _date_or_partial(value: Any) -> Any:
    return value if isinstance(value, PartialDate) else PartialDate.model_validate(value)


DateValue = Annotated[PartialDate, BeforeValidator(_date_or_partial)]

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", min_length=1, max_length=120)]
NonEmpty = Annotated[str, Field(min_length=1)]


# --------------------------------------------------------------------------------------------------
# The reference dataset
# --------------------------------------------------------------------------------------------------


class Source(Model):
    """Where a fact comes from. Every fact in the reference cites one of these by id."""

    id: Id
    publisher: NonEmpty
    title: NonEmpty
    url: Annotated[str, Field(pattern=r"^https?://[^\s/$.?#][^\s]*$")]
    accessed: dt.date
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
    language: Literal["ko", "zh", "ja", "en", "ru", "pt", "other"] = "other"
    country: str | None = None  # the country whose offices they held, e.g. "Republic of Korea"
    offices: list[Office] = []
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
    kind: Literal["treaty", "agreement", "declaration", "summit", "statement", "other"]
    parties: list[NonEmpty] = []
    events: list[AgreementEvent] = Field(min_length=1)
    sources: list[Id] = Field(min_length=1)
    note: str | None = None


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
    source: Id
    note: str | None = None


class ReferenceFile(Model):
    """The shape of one YAML file under reference/: any mix of the sections below."""

    sources: list[Source] = []
    people: list[Person] = []
    organizations: list[Organization] = []
    agreements: list[Agreement] = []
    figures: list[Figure] = []


class Reference(Model):
    """The merged reference: every layer's entities, keyed by id."""

    sources: dict[str, Source] = {}
    people: dict[str, Person] = {}
    organizations: dict[str, Organization] = {}
    agreements: dict[str, Agreement] = {}
    figures: dict[str, Figure] = {}
    # Where each entity was defined, "path:line", for messages and validation reports.
    origins: dict[str, str] = {}
    _name_index: Any = PrivateAttr(default=None)  # built on first use by names.index_for()

    def entity(self, entity_id: str) -> Person | Organization | Agreement | Figure | None:
        return self.named(entity_id) or self.figures.get(entity_id)

    def named(self, entity_id: str) -> Person | Organization | Agreement | None:
        """The person, organization or agreement with this id: the entities that have names."""
        return self.people.get(entity_id) or self.organizations.get(entity_id) or self.agreements.get(entity_id)

    def sources_of(self, entity_id: str) -> list[Source]:
        """The sources an entity cites, in the order it lists them (the first is the strongest)."""
        entity = self.entity(entity_id)
        if entity is None:
            return []
        ids = [entity.source] if isinstance(entity, Figure) else entity.sources
        return [self.sources[i] for i in ids if i in self.sources]


# --------------------------------------------------------------------------------------------------
# Documents, claims and findings
# --------------------------------------------------------------------------------------------------


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Span(Model):
    """A range of characters in the original file: 0-based offsets, 1-based line and column, end
    exclusive (the character at end_line:end_column is not part of the span)."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


MatchMethod = Literal["exact", "variant", "fuzzy", "given-as-surname", "partial"]


class NameMention(Model):
    """The article names a person or an organization."""

    kind: Literal["name"] = "name"
    text: str  # exactly as written in the file
    normalized: str  # as matched: Unicode folded, whitespace collapsed
    span: Span
    entity_id: str | None  # None when nothing in the reference fits
    entity_kind: Literal["person", "organization"] | None = None
    method: MatchMethod | None = None
    score: float = 0.0  # similarity to the matched form, 0–100
    matched_form: str | None = None  # the reference form the text was matched against


DatePrecision = Literal["day", "month", "year", "decade"]


class DateMention(Model):
    """The article states a date: "March 15, 2012", "in 2007", "the 1950s", "last year"."""

    kind: Literal["date"] = "date"
    text: str
    span: Span
    # None for a relative date ("last year") in an article with no date to resolve it against.
    value: PartialDate | None
    precision: DatePrecision
    qualifier: Literal["early", "mid", "late"] | None = None
    relative: bool = False  # resolved against the article's date rather than written out
    # The year was not written but taken from the article's date ("on March 15", "in April"): good
    # enough to place a sentence in time, too weak to contradict a treaty date with.
    year_inferred: bool = False

    def matches(self, date: PartialDate) -> bool:
        """Does `date` agree with this claim at the precision both state?"""
        if self.value is None:
            return True
        if self.precision == "decade":
            return self.value.year // 10 == date.year // 10
        if self.value.year != date.year:
            return False
        if self.precision == "year" or date.month is None:
            return True
        if self.value.month != date.month:
            return False
        return self.precision == "month" or date.day is None or self.value.day == date.day

    def describe(self) -> str:
        """The date as a reader would say it, at the precision stated: "March 2012"."""
        if self.value is None:
            return self.text
        if self.precision == "decade":
            return f"the {self.value.year // 10 * 10}s"
        return self.value.describe()


class AgreementMention(Model):
    """The article names an agreement, treaty or summit: "KORUS", "the armistice agreement"."""

    kind: Literal["agreement"] = "agreement"
    text: str
    span: Span
    entity_id: str


class EventClaim(Model):
    """The article dates an event of an agreement: "KORUS ... became effective in 2012", "the 1953
    Mutual Defense Treaty". The span is the date's, where a finding points."""

    kind: Literal["event"] = "event"
    text: str  # the date as written
    span: Span
    entity_id: str  # the agreement
    agreement_text: str
    # What the cue can mean ("concluded": negotiations concluded, or signed). Empty when the date
    # only modifies the name ("the 1953 Mutual Defense Treaty"): then any event of that year agrees.
    event_types: list[EventType]
    cue: str | None = None
    date: DateMention


FigureMetric = Literal["trade_total", "exports", "imports", "balance", "investment", "troops"]
US, ROK = "United States", "Republic of Korea"


class FigureClaim(Model):
    """The article states a figure: "$146.7 billion" of bilateral trade "last year"."""

    kind: Literal["figure"] = "figure"
    text: str
    span: Span
    value: float  # in units of `unit`, scale applied: 146.7e9
    unit: Literal["USD", "KRW", "count", "percent"]
    step: float  # the precision stated: "146.7 billion" is stated to 0.1e9
    hedge: Literal["about", "more", "less", "nearly"] | None = None
    metric: FigureMetric | None = None
    exporter: str | None = None  # for exports and imports, when the sentence says which way
    importer: str | None = None
    parties: list[str] = []
    period: PartialDate | None = None  # the year the figure is for, explicit or resolved
    period_text: str | None = None


class TitleClaim(Model):
    """The article gives a person a title: "South Korean President Yoon Suk Yeol", "former president
    Moon Jae-in", "Choe Son Hui, North Korea's foreign minister"."""

    kind: Literal["title"] = "title"
    text: str  # the title as written
    span: Span
    entity_id: str  # the person
    person_text: str
    role: str  # see roles.py
    country: str | None = None  # "South Korean President": whose office, when the text says
    former: bool = False
    when: PartialDate | None = None  # the time the sentence speaks of
    when_text: str | None = None  # the date it came from, or None for the article's date


class DescriptionClaim(Model):
    """The article says what an organization is: "the Korean Central News Agency, a state-owned radio
    station"."""

    kind: Literal["description"] = "description"
    text: str  # the description as written
    span: Span
    entity_id: str  # the organization
    organization_text: str


Claim = Annotated[Union[NameMention, DateMention, AgreementMention, EventClaim, FigureClaim,  # noqa: UP007
                        TitleClaim, DescriptionClaim],
                  Field(discriminator="kind")]


class SourceRef(Model):
    id: str
    publisher: str
    title: str
    url: str


class Finding(Model):
    path: str
    code: str
    severity: Severity
    message: str
    span: Span
    text: str  # the characters the span covers
    suggestion: str | None = None
    entity_id: str | None = None
    source: SourceRef | None = None

    @field_validator("code")
    @classmethod
    def _code_shape(cls, v: str) -> str:
        if not re.fullmatch(r"FL\d{3}", v):
            raise ValueError(f"bad rule code {v!r}")
        return v


class CheckResult(Model):
    """The findings for a whole run, and the files that were looked at."""

    findings: list[Finding]
    files_checked: int


class Problem(Model):
    """Something wrong with an input file (reference, configuration): where, and what."""

    path: str
    line: int | None = None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
