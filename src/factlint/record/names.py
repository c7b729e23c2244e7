"""The name index: every written form of every named entity in the reference, arranged for exact
look-up and for the narrow fuzzy matching that finds misspellings, with the phrases that name agreements
and the holders of each office. Built once per reference and kept with it (and in its cache).

Fuzzy matching is blocked on name parts, never a scan of every name: a candidate is compared only with
the people who share its family name or its given name exactly, so the cost per candidate does not grow
with the size of the reference. Precision comes first; the index also carries what tells a typo from
another real person (the lexicon of common names, Korean syllable structure).
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from ..models import EventType, MentionKind, Organization, Person, Place, Reference
from ..normalize import name_key
from ..roles import role_of
from ..romanization import sound_key
from ..tokens import tokenize_runs
from .kinds import KINDS, all_dated, entities, name_forms
from .offices import holders_by_office


# A plain frozen dataclass rather than a pydantic model: thousands are made with every index and
# none is read from input or written out.
@dataclass(frozen=True)
class Form:
    """One written form of an entity: "Kim Jong-un" for the person kim-jong-un."""

    entity_id: str
    kind: MentionKind
    text: str


_PHRASE_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+")


def phrase_tokens(text: str) -> list[tuple[int, int, str]]:
    """Words and numbers with their offsets and keys; "U.S." is one word, keyed "us"."""
    if text.isascii():
        # Lower-casing ASCII keeps every offset, and a token's key is then its text without dots:
        # the same keys as name_key gives, at a fraction of the cost.
        return [(m.start(), m.end(), m.group().replace(".", "")) for m in _PHRASE_TOKEN.finditer(text.lower())]
    return [(m.start(), m.end(), name_key(m.group())) for m in _PHRASE_TOKEN.finditer(text)]


@lru_cache(maxsize=1)
def common_names() -> frozenset[str]:
    """Name keys of common given names and surnames (see scripts/build_lexicon.py)."""
    text = (resources.files("factlint") / "data" / "common_names.txt").read_text(encoding="utf-8")
    return frozenset(name_key(line) for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def country_names() -> tuple[str, ...]:
    """Country names as prose writes them, Korea aside (see scripts/build_lexicon.py)."""
    text = (resources.files("factlint") / "data" / "countries.txt").read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def nicknames() -> dict[str, tuple[str, ...]]:
    """Given name key → the keys of its nicknames: "katherine" → "kate", "kathy", ... (see
    scripts/build_lexicon.py)."""
    text = (resources.files("factlint") / "data" / "nicknames.csv").read_text(encoding="utf-8")
    found: dict[str, list[str]] = defaultdict(list)
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, nickname = line.split(",")
            found[name].append(nickname)
    return {name: tuple(nicks) for name, nicks in found.items()}


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Frequent English words, places among them ("boston", "vice"); see scripts/build_lexicon.py."""
    text = (resources.files("factlint") / "data" / "common_words.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


# Endings that make another word of a name rather than a misspelling of it: plurals ("the Bidens",
# "Departments of Defense") and, for surnames, the Slavic feminine ("Mariya Putina").
PLURALS = ("s", "es")
SURNAME_ENDINGS = ("s", "es", "a")


def inflected(candidate: str, target: str, endings: tuple[str, ...] = PLURALS) -> bool:
    return any(candidate == target + ending or target == candidate + ending for ending in endings)


def allowed_edits(key: str, short: int = 0) -> int:
    """How many edits a misspelling may be from `key`: `short` for names of three letters or fewer
    (none for organization words and lone given names, where every one-letter change of "Kim" or
    "Rice" is another real name; one for person names, whose points weigh that: extract/evidence.py),
    one up to eight letters, two beyond."""
    if len(key) <= 3:
        return short
    return 1 if len(key) <= 8 else 2


def edits(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance, or limit + 1 when it is over the limit."""
    return DamerauLevenshtein.distance(a, b, score_cutoff=limit)


# Letters next to each other on a QWERTY keyboard: a slip of the finger lands on one of them.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEYS = {ch: (row, col) for row, letters in enumerate(_ROWS) for col, ch in enumerate(letters)}


def _neighbours(a: str, b: str) -> bool:
    if a not in _KEYS or b not in _KEYS:  # a digit, an accent: no keyboard to speak of
        return False
    (r1, c1), (r2, c2) = _KEYS[a], _KEYS[b]
    return abs(r1 - r2) <= 1 and abs(c1 - c2) <= 1


def typing_slip(written: str, target: str) -> bool:
    """Is `written` one typing slip from `target`: a letter dropped, doubled or swapped with the
    next, or struck with a neighbouring key? A letter added out of nowhere, or replaced by one far
    away on the keyboard, is more often another spelling or another name than a slip of the finger."""
    if len(written) == len(target) - 1:
        return any(target[:i] + target[i + 1:] == written for i in range(len(target)))
    if len(written) == len(target) + 1:
        return any(written[:i] + written[i + 1:] == target
                   and written[i] in written[max(0, i - 1):i] + written[i + 1:i + 2] for i in range(len(written)))
    if len(written) != len(target):
        return False
    diffs = [i for i in range(len(target)) if written[i] != target[i]]
    if len(diffs) == 1:
        return _neighbours(written[diffs[0]], target[diffs[0]])
    return (len(diffs) == 2 and diffs[1] == diffs[0] + 1
            and written[diffs[0]] == target[diffs[1]] and written[diffs[1]] == target[diffs[0]])


# A lone word is read as a misspelled place only when the place's name is long enough that a word a
# letter or two away is unlikely to be another real one ("Sinpo" is a letter from "Sinop").
LONE_PLACE_LETTERS = 7


@dataclass(frozen=True)
class PlaceForm:
    """One written form of a place or named system, as the text's words are keyed."""

    keys: tuple[str, ...]  # its words' keys, connectors left out: ("northern", "limit", "line")
    text: str  # the form from its first word to its last: "Hwasong" of "Hwasong-15"
    rest: str  # what the form goes on with after its last word: "-15"
    place: Place
    kind: str  # "place" or "system"


class NameIndex:
    def __init__(self, reference: Reference) -> None:
        self.reference = reference
        self.exact: dict[str, list[Form]] = defaultdict(list)
        self.acronyms: dict[str, Form] = {}
        self.family_first_by_family: dict[str, list[Person]] = defaultdict(list)
        self.family_first_by_given: dict[str, list[Person]] = defaultdict(list)
        self.given_first_by_given: dict[str, list[Person]] = defaultdict(list)
        self.given_first_by_family: dict[str, list[Person]] = defaultdict(list)
        self.family_keys: set[str] = set()
        self.orgs_by_length: dict[int, list[tuple[tuple[str, ...], str, Organization]]] = defaultdict(list)
        self.max_tokens = 1
        # Agreements are named in running prose, lower case included ("the armistice agreement"),
        # so they are matched as phrases of any words, keyed by their first two words (one-word
        # phrases by their word).
        self.agreement_phrases: dict[tuple[str, ...], list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        self.agreement_acronyms: dict[str, str] = {}
        # Common nouns ("the armistice", "a free trade agreement"), keyed by their first word: each
        # refers to an agreement only where the text names one of its countries.
        self.agreement_nouns: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for agreement in all_dated(reference):
            for noun in agreement.common_nouns:
                keys = tuple(key for _, _, key in phrase_tokens(noun))
                if keys:
                    self.agreement_nouns[keys[0]].append((keys, agreement.id))
        for nouns in self.agreement_nouns.values():
            nouns.sort(key=lambda pair: -len(pair[0]))
        for kind in KINDS:
            for entity in entities(reference, kind).values():
                if kind.mention == "name":
                    self._add_forms(entity.id, kind.name, [form for _, form in name_forms(entity, kind)])  # type: ignore[arg-type]
                    for acronym in entity.acronyms if kind.acronyms else ():
                        self.acronyms[acronym] = Form(entity.id, kind.name, acronym)  # type: ignore[arg-type]
                elif kind.mention == "phrase":
                    self._add_phrases(entity.id, [form for _, form in name_forms(entity, kind)])
                    for acronym in entity.acronyms if kind.acronyms else ():
                        self.agreement_acronyms[acronym] = entity.id
        for phrases in self.agreement_phrases.values():
            phrases.sort(key=lambda pair: -len(pair[0]))  # longest first
        # Each kind's own entry: the tables its fuzzy matching and look-ups need.
        self.givens: dict[str, tuple[str, ...]] = {}  # person id → every given name its forms use
        self.family_key: dict[str, str] = {}  # person id → name_key of the family name
        # (family key, sound key of the given name) → Korean people: a spelling of the same sounds.
        self.by_sound: dict[tuple[str, str], list[Person]] = defaultdict(list)
        self.sound_families: set[str] = set()  # the family keys (as written and as sounds) by_sound holds
        # Short forms of given names ("Tony" in "Antony", "Mike" is not: only what the name holds).
        self.given_first_by_affix: dict[str, list[Person]] = defaultdict(list)
        self.given_first_by_initial: dict[str, list[Person]] = defaultdict(list)
        # Nicknames of their given names the forms do not hold ("Kate" for Katherine Tai).
        self.given_first_by_nickname: dict[str, list[Person]] = defaultdict(list)
        nicks = nicknames()
        # Given-first people whose forms also write them family first ("Kishida Fumio", "ISHIBA
        # Shigeru"): looked up like family-first names, by family and by given name.
        self.reversed_by_family: dict[str, list[Person]] = defaultdict(list)
        self.reversed_by_given: dict[str, list[Person]] = defaultdict(list)
        for person in reference.people.values():
            family = name_key(person.family)
            givens = given_names(person)
            self.givens[person.id] = givens
            self.family_key[person.id] = family
            self.family_keys.add(family)
            if person.order == "family-first":
                self.family_first_by_family[family].append(person)
                for given in givens:
                    self.family_first_by_given[given].append(person)
                if person.language == "ko":
                    for given in givens:
                        for key in {(family, sound_key(given)), (sound_key(family, family=True), sound_key(given))}:
                            self.sound_families.add(key[0])
                            if person not in self.by_sound[key]:
                                self.by_sound[key].append(person)
            else:
                self.given_first_by_family[family].append(person)
                if any(name_key(form.split()[0]) == family for form in person.variants if " " in form):
                    self.reversed_by_family[family].append(person)
                    for given in givens:
                        self.reversed_by_given[given].append(person)
                for letter in {given[:1] for given in givens}:
                    self.given_first_by_initial[letter].append(person)
                for given in givens:
                    self.given_first_by_given[given].append(person)
                # Each key once per person, found in sets: a list search would make a large
                # reference quadratic to index.
                for nickname in {n for given in givens for n in nicks.get(given, ())} - set(givens):
                    self.given_first_by_nickname[nickname].append(person)
                for affix in {given[a:b] for given in givens for cut in range(3, len(given) - 1)
                              for a, b in ((0, cut), (len(given) - cut, len(given)))}:
                    self.given_first_by_affix[affix].append(person)
        for org in reference.organizations.values():
            for form in (org.name, *org.variants):
                # Keyed word by word the way the text is read, so "U.S." is "u", "s" on both sides.
                keys = tuple(t.key for run in tokenize_runs(form) for t in run)
                self.orgs_by_length[len(keys)].append((keys, form, org))
        # Places and named systems, word by word, for misspellings of one word: a form of one word by
        # its first letter, a longer form by each of its words (a window with one word wrong has the
        # others right), so the look-up costs the same however many the reference holds.
        self.places_by_initial: dict[str, list[PlaceForm]] = defaultdict(list)  # long enough to read alone
        # What each lone word turned out to be a slip of, across the run: the same capitalized words
        # recur in every article ("Trump", "Seoul"). Cleared when large.
        self.lone_place_slips: dict[str, list[PlaceForm]] = {}
        self.places_by_word: dict[str, list[tuple[int, PlaceForm]]] = defaultdict(list)
        for kind in KINDS:
            if kind.model is not Place:
                continue
            for place in entities(reference, kind).values():
                for _, form in name_forms(place, kind):
                    tokens = [t for run in tokenize_runs(form) for t in run if not t.connector]
                    if not tokens:
                        continue
                    entry = PlaceForm(tuple(t.key for t in tokens), form[tokens[0].start:tokens[-1].end],
                                      form[tokens[-1].end:], place, kind.name)
                    if len(tokens) == 1:
                        if len(tokens[0].key) >= LONE_PLACE_LETTERS:
                            self.places_by_initial[tokens[0].key[:1]].append(entry)
                    else:
                        for position, token in enumerate(tokens):
                            self.places_by_word[token.key].append((position, entry))
        # The agreements and events a date straight after the name dates, with the events it is of:
        # a summit's "held" ("the summit at Camp David in August 2023"); an event's first.
        self.dated_after: dict[str, list[EventType]] = {a.id: ["held"] for a in reference.agreements.values()
                                                         if a.kind == "summit"}
        self.dated_after.update((e.id, [e.events[0].type]) for e in reference.events.values())
        # Who held each (role, country) office: FL401 asks it for every title.
        self.office_holders = holders_by_office(reference)
        # Presidents and prime ministers: the names most written, and so most often misspelled.
        self.heads = frozenset(p.id for p in reference.people.values()
                               if any(role_of(o.title) in ("president", "prime_minister") for o in p.offices))
        # Family names as written, for a title before a family name alone ("Vice President Obama"):
        # one pattern, so a text is scanned once for all of them. Only of people who held an office
        # a title names: nobody else is read so (extract/titles.py), and a shorter pattern scans faster.
        families = sorted({p.family for p in reference.people.values() if re.fullmatch(r"[A-Z][\w'-]+", p.family)
                           and any(role_of(o.title) for o in p.offices)}, key=len, reverse=True)
        self.family_pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, families)) + r")\b(?![\w-])") if families else None
        # The newest date any source was checked on: the reference knows nothing later.
        self.horizon = max((source.accessed for source in reference.sources.values()), default=None)
        self.lexicon = common_names()
        self.words = common_words()
        self.max_edits = 2  # configurable (matching.max_edits): 0 turns fuzzy matching off

    def _add_forms(self, entity_id: str, kind: MentionKind, forms: list[str]) -> None:
        for text in forms:
            known = self.exact[name_key(text)]
            if all(f.entity_id != entity_id for f in known):
                known.append(Form(entity_id, kind, text))
            self.max_tokens = max(self.max_tokens, len(text.split()) + text.count("-"))

    def _add_phrases(self, entity_id: str, forms: list[str]) -> None:
        for form in forms:
            keys = tuple(key for _, _, key in phrase_tokens(form))
            if keys and (keys, entity_id) not in self.agreement_phrases[keys[:2]]:
                self.agreement_phrases[keys[:2]].append((keys, entity_id))

    def allowed(self, key: str) -> int:
        """Edits a misspelling of `key` may have, capped by the configured maximum."""
        return min(allowed_edits(key), self.max_edits)

    def person(self, entity_id: str) -> Person:
        return self.reference.people[entity_id]

    def is_common_name(self, key: str) -> bool:
        return key in self.lexicon

    def is_word(self, key: str) -> bool:
        return key in self.words

    def best_person(self, candidates: list[Person], attr: Literal["family", "given"],
                    key: str) -> tuple[Person, int] | None:
        """The one person whose `attr` (family or given) is within allowed edits of `key`; None when
        nobody is, or when two people are equally close (ambiguous: say nothing)."""
        best: list[tuple[int, Person]] = []
        for person in candidates:
            targets = (name_key(person.family),) if attr == "family" else self.givens[person.id]
            if key in targets:
                continue  # a form the person is known by: not a misspelling of them
            distances = []
            for target in targets:
                allowed = self.allowed(target)
                if allowed == 0 or inflected(key, target, SURNAME_ENDINGS):
                    continue
                d = edits(key, target, allowed)
                if d <= allowed:
                    distances.append(d)
            if distances:
                best.append((min(distances), person))
        if not best:
            return None
        best.sort(key=lambda pair: pair[0])
        if len(best) > 1 and best[1][0] == best[0][0]:
            return None
        return best[0][1], best[0][0]

    def lookup(self, query: str, limit: int = 5) -> list[tuple[Form, float]]:
        """The forms nearest to `query`, best first (for `factlint lookup`; interactive, so a full
        comparison with every form is fine here)."""
        key = name_key(query)
        choices = {k: forms for k, forms in self.exact.items()}
        results = process.extract(key, list(choices), scorer=fuzz.ratio, limit=limit * 3)
        out: list[tuple[Form, float]] = []
        seen: set[str] = set()
        for choice, score, _ in results:
            for form in choices[choice]:
                if form.entity_id not in seen:
                    seen.add(form.entity_id)
                    out.append((form, score))
        for acronym, form in self.acronyms.items():
            if acronym.casefold() == query.strip().casefold() and form.entity_id not in seen:
                out.insert(0, (form, 100.0))
        return out[:limit]


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def given_names(person: Person) -> tuple[str, ...]:
    """The keys of every given name the person's forms use, the canonical one first: "antony" and
    "tony" for Antony Blinken ("Tony Blinken"), "joe" and "joseph" for Joe Biden."""
    family = name_key(person.family)
    found = [name_key(person.given)]
    for form in (person.name, *person.variants):
        words = [w for w in form.replace(",", " ").split() if name_key(w) not in _SUFFIXES]
        keys = [name_key(w) for w in words]
        if person.order == "family-first":
            if keys and keys[0] == family and len(keys) > 1:
                found.append("".join(keys[1:]))
        elif len(keys) > 1 and keys[-1] == family and not (len(words[0].rstrip(".")) == 1):
            found.append(keys[0])
    return tuple(dict.fromkeys(k for k in found if k))


def index_for(reference: Reference, max_edits: int = 2) -> NameIndex:
    """The reference's name index, built once and kept with the (immutable) reference."""
    index = reference._name_index
    # pydantic copies private attributes with the model: an index built for another (copied and
    # changed) reference must not be reused.
    if index is None or index.reference is not reference:
        index = reference._name_index = NameIndex(reference)
    if max_edits != index.max_edits:
        variant = copy.copy(index)  # shares the tables, differs only in the cap
        variant.max_edits = max_edits
        return variant
    return index
