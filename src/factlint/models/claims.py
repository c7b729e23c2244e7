"""Claims: what an article asserts, each with the exact span it was read from."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import Field

from .base import Model, PartialDate, Span
from .reference import EventType

MatchMethod = Literal["exact", "variant", "fuzzy", "given-as-surname", "partial"]
# The kinds of entity a name mention can resolve to: those the record's kinds table matches as names
# (record/kinds.py, `mention="name"`; a test keeps the two equal).
MentionKind = Literal["person", "organization", "place", "system"]


class Review(Model):
    """An editor's verdict on a claim, written into a claim file. An accepted claim draws no finding
    as long as its text is still the text reviewed."""

    by: str = Field(min_length=1)
    on: dt.date
    verdict: Literal["accepted", "rejected"] = "accepted"
    text: str | None = None  # the claim text reviewed; None: whatever the claim says now
    note: str | None = None


class ClaimBase(Model):
    # How sure the extractor is, 0-1: 1 for an exact name or a written date, lower for fuzzy matches
    # and for facts pieced together from a sentence. An ordinal guide for reviewers, not a probability.
    confidence: float = Field(default=1.0, ge=0, le=1)
    # How the extractor read the claim, one decision per entry, when more than the words themselves
    # decided it: which agreement a common noun refers to, which date a cue governs, where a figure's
    # parties and year came from. Shown by `factlint extract`, read by a reviewer.
    why: list[str] | None = None
    reviewed: Review | None = None


class NameMention(ClaimBase):
    """The article names a person or an organization."""

    kind: Literal["name"] = "name"
    text: str  # exactly as written in the file
    normalized: str  # as matched: Unicode folded, whitespace collapsed
    span: Span
    entity_id: str | None = None  # None when nothing in the reference fits
    entity_kind: MentionKind | None = None
    method: MatchMethod | None = None
    score: float = 0.0  # similarity to the matched form, 0–100
    matched_form: str | None = None  # the reference form the text was matched against


DatePrecision = Literal["day", "month", "year", "decade"]


class DateMention(ClaimBase):
    """The article states a date: "March 15, 2012", "in 2007", "the 1950s", "last year"."""

    kind: Literal["date"] = "date"
    text: str
    span: Span
    # None for a relative date ("last year") in an article with no date to resolve it against.
    value: PartialDate | None = None
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


class AgreementMention(ClaimBase):
    """The article names an agreement, treaty or summit: "KORUS", "the armistice agreement"."""

    kind: Literal["agreement"] = "agreement"
    text: str
    span: Span
    # The reference agreement; for one the reference does not hold ("the Paris Agreement"), the name
    # as a key ("paris agreement"), so that two statements about it can still be compared (FL501).
    entity_id: str
    listed: bool = True  # False: an agreement the reference does not hold
    # Other reference agreements the same words name ("the Panmunjom summit": April 2018 or June 2019).
    alternatives: list[str] | None = None


class PartyClaim(ClaimBase):
    """The article names a state among the parties of an agreement or event, in a sentence that names
    it: "the Six-Party Talks, among ... the Republic of China". The span is the state's name."""

    kind: Literal["party"] = "party"
    text: str
    span: Span
    entity_id: str  # the agreement or event
    agreement_text: str
    party: str  # the state as the reference names parties: "Republic of China"


class EventClaim(ClaimBase):
    """The article dates an event of an agreement: "KORUS ... became effective in 2012", "the 1953
    Mutual Defense Treaty". The span is the date's, where a finding points."""

    kind: Literal["event"] = "event"
    text: str  # the date as written
    span: Span
    entity_id: str  # the agreement (for one the reference does not hold, its name as a key)
    agreement_text: str
    listed: bool = True
    alternatives: list[str] | None = None  # other agreements the words may name: the claim holds if one fits
    # What the cue can mean ("concluded": negotiations concluded, or signed). Empty when the date
    # only modifies the name ("the 1953 Mutual Defense Treaty"): then any event of that year agrees.
    event_types: list[EventType]
    cue: str | None = None
    date: DateMention
    # For a count of years ("the 65th anniversary of the armistice", "70 years after it was signed"):
    # the year counted from. The date is that year minus the count.
    counted_from: int | None = None


FigureMetric = Literal["trade_total", "exports", "imports", "balance", "investment", "troops", "war_deaths", "cost_sharing"]
US, ROK = "United States", "Republic of Korea"


class FigureClaim(ClaimBase):
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
    # True when no year is written and the sentence speaks in the present ("trade now runs at..."):
    # the period is then the latest full year before the article's date, or the one before it.
    period_latest: bool = False
    # Whose statistics a balance is, when the words say: "the U.S. trade deficit" is the United
    # States', "Korea's surplus" Korea's (the two countries' statistics differ by billions).
    reporter: str | None = None


class ChangeClaim(ClaimBase):
    """The article states how a figure changed between two years: "the trade deficit with Korea more
    than tripled from 2019 to 2024", "exports rose 25 percent between 2012 and 2016". The span is the
    change's wording ("more than tripled"), where a finding points."""

    kind: Literal["change"] = "change"
    text: str
    span: Span
    factor: float  # the later value over the earlier: 3 for "tripled", 1.25 for "rose 25 percent"
    # The precision stated: 0 for a word ("tripled"), 0.01 for "rose 25 percent", 0.001 for "25.3 percent".
    step: float = 0.0
    hedge: Literal["about", "more", "less", "nearly"] | None = None
    metric: FigureMetric | None = None
    exporter: str | None = None
    importer: str | None = None
    parties: list[str] = []
    start: PartialDate  # "from 2019"
    end: PartialDate  # "to 2024"; for "since 2019" the latest statistics at the article's date
    end_latest: bool = False  # "since 2019": the end is last year's statistics or the year before's
    reporter: str | None = None  # as for a figure: "the U.S. trade deficit" is the United States'


class TitleClaim(ClaimBase):
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
    # The sentence is placed at `when` outright: a date opens it and the person acts in it ("In 2017,
    # Secretary of State Pompeo made his first trip"), or the title says "then-". A title the person
    # gained only later is then wrong, not retrospective usage.
    strict: bool = False


class DescriptionClaim(ClaimBase):
    """The article says what an organization is: "the Korean Central News Agency, a state-owned radio
    station"."""

    kind: Literal["description"] = "description"
    text: str  # the description as written
    span: Span
    entity_id: str  # the organization
    organization_text: str


Claim = Annotated[Union[NameMention, DateMention, AgreementMention, EventClaim, PartyClaim, FigureClaim,  # noqa: UP007
                        ChangeClaim, TitleClaim, DescriptionClaim],
                  Field(discriminator="kind")]


class ClaimFile(Model):
    """One document's claims, as `factlint extract` writes them to claims/ and as other extractors (a
    CMS, a language-model pipeline) may write them by hand."""

    factlint_claims: Literal[1] = 1  # format version
    document: str
    as_of: dt.date | None = None
    claims: list[Claim] = []
