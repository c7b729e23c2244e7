"""FL4xx: titles people are given and descriptions organizations are given."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

from ..models import Claim, DescriptionClaim, Finding, Office, PartialDate, Person, TitleClaim
from ..record import covers, ended_before, index_for, offices_held
from ..roles import ROLE_WORDS, role_of
from .base import FixSafety, Rule, RuleContext


def _span(office: Office) -> str:
    return f"{office.start or '?'} to {office.end or 'present'}"


class WrongTitle(Rule):
    """Title the person did not hold at the time.

    What it catches
        A person given a title they did not hold at the time the sentence speaks of: "President Moon
        Jae-in met Biden in 2023" (Moon left office on 2022-05-09; Yoon Suk Yeol was president),
        "Defense Secretary Antony Blinken" (he was never defense secretary), "former President Biden"
        in an article of 2023 (still in office then).

    Why it matters
        Titles date an article. Getting one wrong misstates who held power when, the kind of error a
        correction notice is written for.

    How it decides
        The title is read before the name ("South Korean President Yoon Suk Yeol", "former president
        Moon Jae-in") or in an appositive after it ("Choe Son Hui, North Korea's foreign minister");
        deputies and vice ministers are not checked. The time is a date in the sentence that says
        when ("in 2023", "on May 21", an opening "In November 2001, ..."), or the article's date when
        the clause speaks of its present ("today", "this week", "recently", a present- or future-tense
        verb after the name: "Secretary of State Condoleezza Rice explains" in 2010). A sentence
        without either is only checked for titles the person never held, because narrative tells
        past events undated ("President Bush announced the program"). "Former" is checked against
        the article's date: it is right once the term has ended by then, whenever the event was; and
        "former" with an office the person never held is wrong at any date. Quoted slips ("you
        called her “Vice President Trump”"), struck-out text and titles marked [sic] are not read. A title
        is only called wrong at a time when the reference records someone else in that office, so
        gaps in the record stay silent. Only names that resolved are read: a full name the reference
        does not hold ("Defense Minister Kim Kwan-jin") is someone else, never the known Kim. Calling
        someone by a title gained later is common retrospective usage when told as an aside
        ("President Biden, in 2011, ..."), but wrong where a date opens the sentence and the person
        acts in that office ("In 2017, Secretary of State Mike Pompeo made his first trip") or the
        title says "then-". Hypothetical titles ("a potential President Harris", "the next
        president") are not read.

    Example
        Defense Secretary Antony Blinken   →  Secretary of State Antony Blinken

    Fix safety
        The suggestion is the title the reference records for that time. Read the sentence: it may
        speak of another time than the date the checker found.
    """

    code = "FL401"
    fix: ClassVar[FixSafety] = "unsafe"
    name = "wrong-title"
    summary = "A title the person did not hold at the time the sentence speaks of"

    def check(self, claims: Sequence[Claim], ctx: RuleContext) -> Iterator[Finding]:
        holders: dict[tuple[str, str | None], list[tuple[Person, Office]]] | None = None
        for claim in claims:
            if not isinstance(claim, TitleClaim):
                continue
            person = ctx.reference.people.get(claim.entity_id)
            if person is None or not person.offices:
                continue
            holders = holders if holders is not None else index_for(ctx.reference).office_holders
            country = claim.country or person.country
            others = holders.get((claim.role, country))
            if not others:
                continue  # nobody in the reference holds this office: nothing to compare with
            message, suggestion = self._verdict(claim, person, country, others, ctx)
            if message:
                yield self.finding(ctx, claim.span, claim.text, message, suggestion=suggestion, entity_id=person.id)

    def agrees(self, claim: Claim, ctx: RuleContext) -> bool:
        if not isinstance(claim, TitleClaim):
            return False
        person = ctx.reference.people.get(claim.entity_id)
        if person is None:
            return False
        country = claim.country or person.country
        held = offices_held(person, claim.role, country)
        if claim.former:
            now = _day(ctx.as_of)
            return now is not None and any(ended_before(o, now) for o in held)
        # Held at the time the sentence speaks of. An undated sentence is narrative that may tell any
        # time, and check() only asks whether the person ever held the office: so does this.
        return any(claim.when is None or covers(o, claim.when) for o in held)

    def _verdict(self, claim: TitleClaim, person: Person, country: str | None,
                 holders: list[tuple[Person, Office]], ctx: RuleContext) -> tuple[str | None, str | None]:
        held = offices_held(person, claim.role, country)
        role = ROLE_WORDS[claim.role]
        if claim.former and held:
            # "Former" speaks of the time of writing, not of the event: "former president Trump met
            # Kim in 2018" is right in a 2023 article.
            if ctx.as_of is None:
                return None, None
            now = PartialDate(year=ctx.as_of.year, month=ctx.as_of.month, day=ctx.as_of.day)
            if any(covers(o, now) for o in held) and not any(ended_before(o, now) for o in held):
                return f"{person.name} was still {role} on {now} (the article's date): not \"former\"", _like(claim.text, role)
            return None, None
        when = claim.when
        if not held:
            # "President Clinton" with only Hillary Clinton named: the name resolved to the wrong
            # Clinton, not a wrong title. So with a family name alone for someone the record lists
            # for some offices only: "President Kennedy" beside Caroline Kennedy is JFK.
            given = person.given.split()[0]
            if given not in claim.person_text and (
                    person.offices_listed == "some"
                    or any(p.id != person.id and p.family == person.family for p, _ in holders)):
                return None, None
            at = when or (PartialDate(year=ctx.as_of.year, month=ctx.as_of.month, day=ctx.as_of.day)
                          if ctx.as_of else None)
            # Never held it, as far as the record knows. A record that lists only some of someone's
            # offices (one office's holders, an import) may lack another they held (an ambassador's
            # later vice presidency): for them, only where they held another recorded office then,
            # or where the record names the office's holders across their recorded career.
            if (person.offices_listed == "some" and at is not None and not _busy(person, at)
                    and not _holders_cover(holders, person, at)):
                return None, None
            current = [o for o in person.offices if at is not None and covers(o, at)]
            recorded = current or person.offices[:3]
            offices = "; ".join(f"{o.title} ({_span(o)})" for o in recorded)
            title = _title_for(current[0]) if len(current) == 1 and not claim.former else None
            return (f"{person.name} has no record of serving as {role}; recorded offices: {offices}",
                    _like(claim.text, title) if title else None)
        if when is None or any(covers(o, when) for o in held):
            return None, None
        others = [(p, o) for p, o in holders if p.id != person.id and covers(o, when)]
        if not others:
            return None, None  # the record has a gap there: say nothing
        holder = " and ".join(dict.fromkeys(p.name for p, _ in others))
        ended = [o for o in held if ended_before(o, when)]
        if ended:
            # Out of office then, whether or not a later term followed ("President Trump says" in 2021).
            last = max(ended, key=lambda o: o.end.latest() if o.end else when.latest())
            return (f"{person.name} left office as {role} on {last.end}; in {claim.when_text} the {role} was {holder}",
                    f"former {claim.text}")
        if claim.strict:
            # "In 2017, Secretary of State Pompeo made his first trip", "then-President Biden hosted
            # in 2016": the sentence puts the person in that office then, and they were not yet.
            then = [o for o in person.offices if covers(o, when)]
            title = _title_for(then[0]) if len(then) == 1 else None
            written = re.sub(r"^then-?\s*", "", claim.text, flags=re.I)
            return (f"{person.name} was not yet {role} in {claim.when_text} (from {held[0].start}); "
                    f"the {role} then was {holder}", f"then-{_like(written, title)}" if title else None)
        # Calling someone by a title they only gained later ("President Biden, in 2011...") is common
        # retrospective usage, not checked.
        return None, None


_ACTING_GAP = dt.timedelta(days=183)


def _busy(person: Person, at: PartialDate) -> bool:
    """Did the person hold another dated office at `at`?"""
    return any(o.start is not None and covers(o, at) for o in person.offices)


def _holders_cover(holders: list[tuple[Person, Office]], person: Person, at: PartialDate) -> bool:
    """Does the record name someone else in the office from the start of the person's first recorded
    office (or `at`, when no office has a start) to `at`? Gaps of up to _ACTING_GAP (an acting
    holder between two terms, often not recorded) do not count."""
    starts = [o.start.earliest() for o in person.offices if o.start is not None]
    begin, end = min([*starts, at.earliest()]), at.earliest()
    spans = sorted((o.start.earliest(), o.end.latest() if o.end else dt.date.max)
                   for p, o in holders if p.id != person.id and o.start is not None)
    reached = begin
    for first, last in spans:
        if first > reached + _ACTING_GAP:
            break
        reached = max(reached, last + dt.timedelta(days=1) if last < dt.date.max else last)
        if reached > end:
            return True
    return reached > end


def _day(date: dt.date | None) -> PartialDate | None:
    return PartialDate(year=date.year, month=date.month, day=date.day) if date is not None else None


def _title_for(office: Office) -> str | None:
    role = role_of(office.title)
    return ROLE_WORDS[role] if role else None


def _like(written: str, title: str) -> str:
    """`title` in the case the article used: "Defense Secretary" → "Secretary of State"."""
    if not written[:1].isupper():
        return title.lower() if not title.startswith("UN") else title
    small = {"of", "the", "and", "for"}
    words = title.split()
    return " ".join(w if w.isupper() or (i and w.lower() in small) else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


class WrongDescription(Rule):
    """Organization described as a kind of body it is not.

    What it catches
        An appositive or copula that calls an organization something the reference says it is not:
        "the Korean Central News Agency, a state-owned radio station" (KCNA is North Korea's state
        news agency; its radio is Korean Central Broadcasting and the Voice of Korea).

    Why it matters
        Calling a news agency a radio station, or a newspaper a news agency, tells readers the writer
        does not know the source being quoted.

    How it decides
        The description is an appositive or a copula about the organization, opened by an article or
        a possessive ("KCNA, North Korea's main radio station"). It is compared with the
        organization's `kind` and `not_kinds` in the reference, and, for news media, with a small
        taxonomy of kinds and the words that name them (news agency, wire service; radio station,
        radio broadcaster; television channel, TV station; newspaper): a news agency described as a
        radio station is wrong whatever the organization. A description naming no kind ("a
        mouthpiece", "state media") is not compared. Broadcasting head nouns (station, broadcaster,
        channel, network) name one kind of body, so "a radio broadcaster" is the "radio station"
        mistake.

    Example
        KCNA, a state-owned radio station   →  KCNA, North Korea's state news agency

    Fix safety
        The suggestion is the reference's `kind`; the adjectives around it may need adjusting, so an
        editor rewrites the phrase.
    """

    code = "FL402"
    fix: ClassVar[FixSafety] = "unsafe"
    name = "wrong-description"
    summary = "An organization described as a kind of body it is not"

    def check(self, claims: Sequence[Claim], ctx: RuleContext) -> Iterator[Finding]:
        for claim in claims:
            if not isinstance(claim, DescriptionClaim):
                continue
            org = ctx.reference.organizations.get(claim.entity_id)
            if org is None:
                continue
            wrong = next((w for w in (names_kind(claim.text, k) for k in org.not_kinds) if w), None)
            if wrong is None:
                wrong = other_family(claim.text, org.kind)
            if wrong is None:
                continue
            yield self.finding(ctx, claim.span, claim.text,
                               f"{org.name} is a {org.kind}, not a {wrong}", suggestion=org.kind, entity_id=org.id)

    def agrees(self, claim: Claim, ctx: RuleContext) -> bool:
        # Verified only when the description names what the reference says the body is ("a state news
        # agency", "the official news agency"); anything else ("a mouthpiece") was not compared.
        if not isinstance(claim, DescriptionClaim):
            return False
        org = ctx.reference.organizations.get(claim.entity_id)
        return (org is not None and names_kind(claim.text, _head(org.kind)) is not None
                and not any(names_kind(claim.text, k) for k in org.not_kinds)
                and other_family(claim.text, org.kind) is None)


# Kinds of news media, each with the words that name it. Bodies of two kinds are different bodies: a
# news agency is not a radio station, whatever the organization; a description in none of them ("a
# mouthpiece", "state media") names no kind and is not compared.
MEDIA_KINDS: dict[str, tuple[str, ...]] = {
    "news agency": ("news agency", "wire service", "press agency", "news service"),
    "radio station": ("radio station", "radio broadcaster", "radio network", "radio service", "radio channel"),
    "television channel": ("television channel", "television station", "television network", "television broadcaster",
                           "tv channel", "tv station", "tv network", "tv broadcaster"),
    "newspaper": ("newspaper", "daily newspaper", "broadsheet", "tabloid"),
}


def media_kind(text: str) -> str | None:
    """The media kind `text` names ("the North's main radio broadcaster" → radio station), or None."""
    lowered = " ".join(text.lower().split())
    for kind, words in MEDIA_KINDS.items():
        if any(re.search(rf"\b{re.escape(w)}s?\b", lowered) for w in words):
            return kind
    return None


def other_family(description: str, kind: str) -> str | None:
    """The media kind a description names, when the organization is a medium of another kind."""
    own, said = media_kind(kind), media_kind(description)
    return said if own is not None and said is not None and said != own else None


# Head nouns that name one kind of body: "a radio broadcaster" makes the mistake "a radio station"
# does. Only broadcasting has such a family; a "news outlet" is not thereby a "news agency".
_SAME_HEAD = {head: ("station", "broadcaster", "channel", "network") for head in ("station", "broadcaster", "channel", "network")}


def _head(kind: str) -> str:
    """The words of a kind that say what it is: "state news agency" → "news agency"."""
    words = kind.split()
    return " ".join(words[-2:])


def names_kind(description: str, kind: str) -> str | None:
    """The kind `description` names, in the singular ("radio station", or "radio broadcaster" for a
    kind "radio station"), or None: the kind itself, plural or not, or its modifiers before a head
    noun of the same family."""
    words = kind.lower().split()
    heads = _SAME_HEAD.get(words[-1], (words[-1],))
    before = "".join(re.escape(w) + r"[\s-]+" for w in words[:-1])
    head = "|".join(re.escape(h) for h in heads)
    m = re.search(rf"\b{before}(?P<head>{head})(?:s|es)?\b", description, re.I)
    if m is None:
        return None
    written = m.group("head").lower()
    return kind if written == words[-1] else " ".join([*words[:-1], written])
