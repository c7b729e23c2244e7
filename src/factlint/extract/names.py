"""Names: which people and organizations an article names, and how it spells them.

Names are found in runs of capitalized words ("South Korean President Yoon Suk Yeol"). Each run is
matched against the reference in three passes, most certain first:

1. exact: any sub-span whose name key (case, spaces, hyphens and accents ignored) is a known form;
2. fuzzy full names: a family or given name matched exactly beside a part a few letters off;
3. partial references: a lone family or given name, resolved against the people the document names
   in full. A family name inside a longer name the reference does not hold ("Kim Kwan-jin") is
   someone else's and is never resolved; nor, then, is a lone use of that family name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cached_property

from rapidfuzz import fuzz

from ..document import Document
from ..models import MatchMethod, MentionKind, NameMention, Person
from ..normalize import display_form, name_key
from ..record import SURNAME_ENDINGS, Form, NameIndex, edits, inflected, named, typing_slip
from ..roles import role_of
from ..romanization import is_korean_given_name, sound_key
from ..spans import Taken
from ..tokens import Token, tokenize_runs

# Words that may stand before a lone given name without being part of the name: "President Jae-in".
_TITLES = frozenset(name_key(w) for w in """
President Pres Chairman Chairwoman Chair Minister Secretary Mr Ms Mrs Miss Dr Leader General Gen
Premier Ambassador Amb Envoy Director Comrade Vice Prime Foreign Defense Defence Marshal Commander Madam
Madame Representative Senator Sen Governor Mayor Speaker Deputy First Supreme Chief Former Late Sister
Brother Korean North South Unification Trade State Party Lt Col Adm Sgt Gov Rep
""".split())

# The nouns that head a title ("Special Representative for North Korea Policy"): the same one just
# before a name and in an office the person held is evidence they are meant.
_TITLE_NOUNS = frozenset(name_key(w) for w in """
Minister Secretary President Ambassador Representative Envoy Director Adviser Advisor Chairman Chairwoman
Leader Premier General Governor Senator Speaker Commander Coordinator Spokesperson Chancellor Administrator
""".split())


_TITLE_FILLERS = frozenset({"of", "for", "the", "to", "on"})  # "Special Representative for the DPRK"


@dataclass(frozen=True)
class _Hit:
    """A mention found in the folded text, before it becomes a claim with an original span."""

    start: int
    end: int
    entity_id: str
    entity_kind: MentionKind
    method: MatchMethod
    score: float
    form: str


def extract_names(doc: Document, index: NameIndex) -> list[NameMention]:
    hits: list[_Hit] = []
    free: list[tuple[list[Token], list[Token]]] = []  # (stretch no mention covers, its whole run)
    runs = tokenize_runs(doc.text)
    exacts = [_exact_hits(doc.text, index, run) for run in runs]
    # People the document names in a known form: evidence that a near miss elsewhere means them.
    named_ids = frozenset(h.entity_id for found in exacts for h in found if h.entity_kind == "person")
    for run, exact in zip(runs, exacts):
        for segment in _uncovered(run, exact):
            found = (_fuzzy_person_hits(doc.text, index, segment, run, named_ids)
                     + _fuzzy_organization_hits(index, segment))
            hits.extend(found)
            free.extend((part, run) for part in _uncovered(segment, found))
        hits.extend(exact)
    hits.extend(_partial_hits(doc.text, index, free, hits))
    hits.sort(key=lambda h: (h.start, h.end))
    mentions = []
    for h in hits:
        span = doc.span(h.start, h.end)
        mentions.append(NameMention(
            text=doc.original[span.start:span.end], normalized=display_form(doc.text[h.start:h.end]),
            span=span, entity_id=h.entity_id, entity_kind=h.entity_kind, method=h.method,
            score=round(h.score, 1), matched_form=h.form, confidence=_confidence(h)))
    return mentions


def _confidence(hit: _Hit) -> float:
    if hit.method in ("exact", "variant"):
        return 1.0
    return 0.8 if hit.method == "partial" else round(hit.score / 100, 2)


def _uncovered(run: list[Token], hits: list[_Hit]) -> list[list[Token]]:
    """The parts of a run that no hit covers, split at the hits (linear: both are in text order)."""
    ordered = sorted((h.start, h.end) for h in hits)
    segments: list[list[Token]] = []
    current: list[Token] = []
    k = 0
    for token in run:
        while k < len(ordered) and ordered[k][1] <= token.start:
            k += 1
        if k < len(ordered) and ordered[k][0] < token.end:
            if current:
                segments.append(current)
            current = []
        else:
            current.append(token)
    if current:
        segments.append(current)
    return segments


# --- pass 1: exact forms -----------------------------------------------------------------------


def _exact_hits(text: str, index: NameIndex, run: list[Token]) -> list[_Hit]:
    hits: list[_Hit] = []
    i = 0
    while i < len(run):
        if run[i].connector:
            i += 1
            continue
        acronym = index.acronyms.get(run[i].text)
        if acronym is not None:
            hits.append(_Hit(run[i].start, run[i].end, acronym.entity_id, acronym.kind, "exact", 100.0, acronym.text))
            i += 1
            continue
        # The longest known form starting here, its key grown one token at a time (a reference with a
        # very long variant must not make every window a fresh join).
        key, longest = "", None
        for j in range(i + 1, min(len(run), i + index.max_tokens) + 1):
            key += run[j - 1].key
            if not run[j - 1].connector and key in index.exact:
                longest = (j, index.exact[key])
        if longest is None:
            i += 1
            continue
        j, forms = longest
        start, end = run[i].start, run[j - 1].end
        hits.append(_exact_hit(text[start:end], start, end, forms, index))
        i = j
    return hits


def _exact_hit(written: str, start: int, end: int, forms: list[Form], index: NameIndex) -> _Hit:
    form = forms[0]  # validation guarantees one entity per key
    entity = named(index.reference, form.entity_id)
    canonical = entity.name if entity is not None else form.text
    method: MatchMethod = "exact" if display_form(written) == canonical else "variant"
    return _Hit(start, end, form.entity_id, form.kind, method, 100.0, form.text)


# --- pass 2: misspelled full names, weighed ----------------------------------------------------

# A reading is reported when its evidence adds up to this many points. Set on the development half
# of bench/names, with no finding on the precision set or the real-text corpora (README, "How FL101
# and FL102 decide").
THRESHOLD = 3

Term = tuple[int, str]  # (points, why)


@dataclass(frozen=True)
class Reading:
    """A written name read as a misspelling of one person, with the evidence for and against in
    points: what the slip looks like (the channel), what else the spelling could be, and what the
    document says around it. `check` reports the best reading of a span when it reaches THRESHOLD."""

    person: Person
    start: int
    end: int
    form: str  # the person's form nearest to what was written: the suggestion
    distance: int
    score: float
    terms: tuple[Term, ...]

    @property
    def total(self) -> int:
        return sum(points for points, _ in self.terms)


@dataclass(frozen=True)
class _Context:
    """What the document says around a near miss: the people it names in a known form, the office
    named just before the mention (up to six words of its run before `first`), and the title nouns
    of the phrase before it."""

    named: frozenset[str]
    text: str
    run: list[Token]
    first: Token

    @cached_property
    def _at(self) -> int:
        return next(n for n, t in enumerate(self.run) if t is self.first)

    @cached_property
    def role(self) -> str | None:
        return role_of(self.text[self.run[max(0, self._at - 6)].start:self.first.start]) if self._at else None

    @cached_property
    def titles(self) -> frozenset[str]:
        """The title nouns in the phrase just before the name: "Ambassador", "Special Representative
        for the DPRK", the lower-case "North Korean leader". The phrase ends, going back, at a comma or
        a lower-case word that is no title ("Minister Lee Jong-seop met Lee Jong-seok")."""
        before = self.text[max(0, self.first.start - 100):self.first.start].split()
        keys: set[str] = set()
        for n, word in enumerate(reversed(before[-8:])):
            key = name_key(word)
            if word[:1].islower() and key not in _TITLE_NOUNS and key not in _TITLE_FILLERS:
                break
            # A sentence ends at the word before ("met the Vice President.  I"); "Dr." and "U.S." do not end one.
            stem = word.rstrip(".?!")
            if stem != word and len(stem) > 3 and "." not in stem:
                break
            keys.add(key)
            # A comma ends the phrase, except right before the name: "our envoy, Sung Kim".
            if word.endswith((",", ";", ":")) and (n or key not in _TITLE_NOUNS):
                break
        return frozenset(keys) & _TITLE_NOUNS

    def terms(self, person: Person) -> list[Term]:
        out: list[Term] = []
        if person.id in self.named:
            out.append((2, f"{person.name} is named in a known form elsewhere in the text"))
        if self.role is not None and _held(person, self.role):
            # An office just before the name all but says who is meant ("Trade Representative").
            out.append((3, f"the office just before it ({self.role.replace('_', ' ')}) is one {person.name} held"))
        elif self.titles:
            shared = sorted(self.titles & {name_key(w) for o in person.offices for w in o.title.split()})
            if shared:
                out.append((2, f"the title just before it ({shared[0]}) is one {person.name} held"))
        return out


def _readings(text: str, index: NameIndex, segment: list[Token], run: list[Token],
              named: frozenset[str]) -> list[Reading]:
    """Every reading of a stretch of a run as a misspelled person's name, however weak."""
    out: list[Reading] = []
    words = [t for t in segment if not t.connector]
    for i, first in enumerate(words):
        context = _Context(named, text, run, first)
        if first.initial:
            # "A. Blinjken": an initial, then a family name a slip away from someone's with that initial.
            j = i + 1
            while j < len(words) and words[j].initial:  # "A. J. Boinken"
                j += 1
            if j < len(words) and words[j].word and (i == 0 or not words[i - 1].initial):
                out.extend(_initial_first(index, first, words[j], context))
            continue
        for size in (2, 1):  # given names of one or two words after a family name
            given = words[i + 1:i + 1 + size]
            if len(given) == size and all(t.word for t in given):
                out.extend(_family_first(index, first, given, context))
        # The family name after a given name, across middle initials: "Antony J. Blinkin".
        j = i + 1
        while j < len(words) and j <= i + 3 and words[j].initial:
            j += 1
        if j < len(words) and j <= i + 3:
            out.extend(_given_first(index, first, words[j], context))
    return out


def _fuzzy_person_hits(text: str, index: NameIndex, segment: list[Token], run: list[Token],
                       named: frozenset[str] = frozenset()) -> list[_Hit]:
    return _choose([r for r in _readings(text, index, segment, run, named)
                    if r.total >= THRESHOLD and not _part_of_longer(text, r.end)])


def _part_of_longer(text: str, end: int) -> bool:
    """ "Sun Kim" in "Sun Kim-Lee": a hyphen joins the span to more of the same name. (One before
    it does not: "the Putin-Kim Jong Un meeting" pairs two people.)"""
    return text[end:end + 1] == "-" and text[end + 1:end + 2].isalpha()


@dataclass(frozen=True)
class _Written:
    """A name as written, read as a slip in one part: its first and last tokens, the key of the
    whole, and the part taken to be written right."""

    first: Token
    last: Token
    key: str
    right: str
    right_text: str
    nickname: bool = False  # the part written right is only a nickname of the person's given name
    alone: bool = False  # a family name standing alone: nothing else written names the person


def _family_first(index: NameIndex, family: Token, given: list[Token], context: _Context) -> list[Reading]:
    out = []
    given_text = " ".join(context.text[given[0].start:given[-1].end].split())  # "Yo-Long" as written
    given_key = "".join(t.key for t in given)
    key = family.key + given_key
    # Given-first people whose names are also written family first ("Kishida Fumio", "ISHIBA Shigeru").
    written = _Written(family, given[-1], key, family.key, family.text)
    for person in index.family_first_by_family.get(family.key, []) + index.reversed_by_family.get(family.key, []):
        out.extend(_slip(index, person, "given", given_key, given_text, written, context))
    sounds = _same_sounds(index, family.key, given_key)
    if sounds is not None:
        terms = [(5, "it spells the same Korean sounds as the person's name, in another romanization")]
        out.append(_reading(sounds, written, 1, terms + context.terms(sounds)))
    written = _Written(family, given[-1], key, given_key, given_text)
    for person in index.family_first_by_given.get(given_key, []) + index.reversed_by_given.get(given_key, []):
        out.extend(_slip(index, person, "family", family.key, family.text, written, context))
    return out


def _initial_first(index: NameIndex, initial: Token, family: Token, context: _Context) -> list[Reading]:
    out = []
    written = _Written(initial, family, initial.key + family.key, "", initial.text)
    for person in index.given_first_by_initial.get(initial.key[:1], []):
        for reading in _slip(index, person, "family", family.key, family.text, written, context):
            # The suggestion keeps the writer's initial: "A. Blinjken" → "A. Blinken".
            out.append(replace(reading, form=f"{initial.text} {person.family}"))
    return out


def _given_first(index: NameIndex, given: Token, family: Token, context: _Context) -> list[Reading]:
    out = []
    key = given.key + family.key
    # A given name the person's forms use ("Tony" for Antony Blinken), or one they contain.
    written = _Written(given, family, key, given.key, given.text)
    people = index.given_first_by_given.get(given.key) or index.given_first_by_affix.get(given.key, [])
    for person in people:
        out.extend(_slip(index, person, "family", family.key, family.text, written, context))
    # A nickname of the person's given name that their forms do not use ("Kate Taai").
    written = replace(written, nickname=True)
    for person in index.given_first_by_nickname.get(given.key, []):
        if person not in people:
            out.extend(_slip(index, person, "family", family.key, family.text, written, context))
    written = _Written(given, family, key, family.key, family.text)
    for person in index.given_first_by_family.get(family.key, []):
        out.extend(_slip(index, person, "given", given.key, given.text, written, context))
    return out


def _slip(index: NameIndex, person: Person, part: str, slipped: str, slipped_text: str, written: _Written,
          context: _Context) -> list[Reading]:
    """The reading of `slipped` as a slip in the person's `part` (the rest written right), or nothing
    when it is no slip of theirs: one of their own forms, too far off, or another reference person's
    family name."""
    targets = (name_key(person.family),) if part == "family" else index.givens[person.id]
    if len(slipped) < 2 or slipped in targets or (part == "family" and slipped in index.family_keys) or not index.max_edits:
        return []
    found: tuple[int, str] | None = None
    for target in targets:
        limit = min(1 if len(target) <= 8 else 2, index.max_edits)
        if inflected(slipped, target, SURNAME_ENDINGS):
            continue
        d = edits(slipped, target, limit)
        if d <= limit and (found is None or d < found[0]):
            found = (d, target)
    terms: list[Term] = []
    # The channel: how likely this spelling is as a slip for the person's.
    if found is not None:
        distance, target = found
        terms.append((3 if distance == 1 else 2, f"{'one slip' if distance == 1 else 'two slips'} from "
                                                  f"{_shown(person, part, target)!r}"))
    else:
        # Vowels carry Korean names ("Jong-hoon" is not Jung-eun): sounding alike is for others, and
        # for a word standing alone it is too loose ("Korea" sounds like Kerry).
        alike = ([t for t in targets if _sounds_alike(slipped, t)]
                 if person.language != "ko" and not written.alone else [])
        if not alike:
            return []
        distance, target = 2, alike[0]
        terms.append((3, f"it sounds like {_shown(person, part, target)!r}: the same consonants in the same order"))
    if len(target) <= 3:
        terms.append((-1, f"{_shown(person, part, target)!r} is short: most one-letter changes of it are other names"))
    elif len(target) >= 7:
        terms.append((1, f"{_shown(person, part, target)!r} is long: one slip leaves it recognizable"))
    if slipped[:1] != target[:1]:
        if slipped[1:2] == target[:1] or slipped[:1] == target[1:2]:  # "Strump", "Rump": a letter before it
            terms.append((-1, "a letter added or dropped before the first"))
        else:
            terms.append((-3, "the first letter differs, which slips seldom touch"))
    # What else the spelling could be: someone else's name, or a word.
    korean = person.language == "ko" and is_korean_given_name(slipped_text)
    typed = typing_slip(slipped, target) and _parts(slipped_text) == (_parts(person.given) if part == "given" else 1)
    if korean and not typed:
        # Korean names are dense: most one-letter changes are someone's. Another spelling ("Jong-seok",
        # "Sung-hwan", a lone "Chol" beside Choe) is another name, not a slip of the finger.
        terms.append((-4, f"{slipped_text!r} is a real Korean name, not a typing slip of "
                          f"{_shown(person, part, target)!r}"))
    elif korean and part == "given":
        # A typing slip that keeps the syllables apart ("Jon Un") may be one.
        terms.append((-2, f"{slipped_text!r} reads as a real Korean name: it may be someone else's"))
    elif index.is_word(slipped):
        terms.append((-2, f"{slipped_text!r} is also an English word"))
    elif index.is_common_name(slipped):
        terms.append((-2, f"{slipped_text!r} is also a common name"))
    else:
        terms.append((1, f"{slipped_text!r} is no word or common name: hardly anyone else's"))
    # How well the part written right names the person.
    if written.alone:
        terms.append((-2, f"{slipped_text!r} stands alone: no other part of the name is written"))
    elif written.nickname:
        terms.append((-1, f"{written.right_text!r} is a nickname of {person.given}, not a form of the name "
                          "the reference holds"))
    elif written.right and len(written.right) <= 2:
        terms.append((-1, f"{written.right_text!r}, the part written right, is short and says little alone"))
    elif len(written.right) >= 5 and not index.is_common_name(written.right):
        # Rare as a name, though the news makes it a frequent word ("Biden", "Jinping").
        terms.append((2, f"{written.right_text!r}, the part written right, is a rare name"))
    if person.id in index.heads:
        terms.append((1, f"{person.name} headed a state or government: a name often written, and misspelled"))
    return [_reading(person, written, distance, terms + context.terms(person))]


def _shown(person: Person, part: str, target: str) -> str:
    """A name part as the person's own name writes it: "Yo Jong" for the key "yojong"."""
    if part == "family":
        return person.family
    return person.given if name_key(person.given) == target else target.capitalize()


def _parts(text: str) -> int:
    return len([p for p in re.split(r"[\s'-]+", text) if p])


def _reading(person: Person, written: _Written, distance: int, terms: list[Term]) -> Reading:
    # Suggest the person's form nearest to what was written: "Tony Blinkin" → "Tony Blinken",
    # "Josehp R. Biden" → "Joseph R. Biden" (the canonical form wins ties).
    forms = (person.name, *person.variants)
    form = min(forms, key=lambda f: (edits(written.key, name_key(f), 9), f != person.name))
    score = fuzz.ratio(written.key, name_key(person.name))
    return Reading(person, written.first.start, written.last.end, form, distance, score, tuple(terms))


def _same_sounds(index: NameIndex, family: str, given: str) -> Person | None:
    """The one Korean person with this family name whose given name sounds the same, written with
    other letters; None when the spelling is one of theirs or nobody (or several people) fit.
    "Lee Myong-bak", "Kim Jung-eun", and with the family name too: "Gim Jong Un", "Yun Suk Yeol"."""
    if family in index.sound_families:
        people = index.by_sound.get((family, sound_key(given)), [])
    else:
        sounds = sound_key(family, family=True)
        people = index.by_sound.get((sounds, sound_key(given)), []) if sounds in index.sound_families else []
    if len(people) != 1 or (family == name_key(people[0].family) and given in index.givens[people[0].id]):
        return None
    return people[0]


def _sounds_alike(written: str, target: str) -> bool:
    """The same consonants in the same order, of about the same length: "Tie" for Tai."""
    return (_consonants(target) == _consonants(written) and abs(len(target) - len(written)) <= 1
            and target != written)


def _consonants(key: str) -> str:
    tail = "".join(ch for ch in key[1:] if ch not in "aeiouyhw")
    return key[:1] + re.sub(r"(.)\1+", r"\1", tail)


def _held(person: Person, role: str) -> bool:
    return any(role_of(office.title) == role for office in person.offices)


def _known_family(index: NameIndex, key: str) -> bool:
    # A different, real family name ("Kelly" beside "Kerry") names a different person, and a common
    # word or place ("Boston" beside "Bolton") is not a name at all.
    return key in index.family_keys or index.is_common_name(key) or index.is_word(key)


def _choose(readings: list[Reading]) -> list[_Hit]:
    """Strongest first, then closest, then longest; drop readings overlapping a better one, and spans
    where two different people are read equally strongly (ambiguous: say nothing)."""
    ranked = sorted(readings, key=lambda r: (-r.total, r.distance, r.start - r.end, r.start))
    fits: dict[tuple[int, int, int], set[str]] = defaultdict(set)
    for r in ranked:
        fits[r.total, r.start, r.end].add(r.person.id)
    chosen: list[_Hit] = []
    taken = Taken()
    for r in ranked:
        if len(fits[r.total, r.start, r.end]) == 1 and taken.claim(r.start, r.end):
            chosen.append(_Hit(r.start, r.end, r.person.id, "person", "fuzzy", r.score, r.form))
    return chosen


def _fuzzy_organization_hits(index: NameIndex, segment: list[Token]) -> list[_Hit]:
    """A multi-word organization name with one word misspelled ("Korean Central News Agancy")."""
    hits: list[_Hit] = []
    keys = [t.key for t in segment]
    for length, forms in index.orgs_by_length.items():
        if length < 3 or length > len(segment):
            continue
        for i in range(len(segment) - length + 1):
            window = keys[i:i + length]
            for form_keys, form, org in forms:
                diffs = [k for k in range(length) if window[k] != form_keys[k]]
                if len(diffs) != 1:
                    continue
                k = diffs[0]
                limit = index.allowed(form_keys[k])
                if (limit and not index.is_common_name(window[k]) and not index.is_word(window[k])
                        and not inflected(window[k], form_keys[k])
                        and edits(window[k], form_keys[k], limit) <= limit):
                    score = fuzz.ratio("".join(window), "".join(form_keys))
                    hits.append(_Hit(segment[i].start, segment[i + length - 1].end, org.id, "organization",
                                     "fuzzy", score, form))
    return _pick(hits)


def _pick(hits: list[_Hit]) -> list[_Hit]:
    """Longest first; drop hits overlapping a longer one and spans two entities fit equally."""
    fits: dict[tuple[int, int], set[str]] = defaultdict(set)
    for h in hits:
        fits[h.start, h.end].add(h.entity_id)
    taken = Taken()
    return [h for h in sorted(hits, key=lambda h: (h.start - h.end, h.start))
            if len(fits[h.start, h.end]) == 1 and taken.claim(h.start, h.end)]


# --- pass 3: partial references ----------------------------------------------------------------


def _partial_hits(text: str, index: NameIndex, segments: list[tuple[list[Token], list[Token]]],
                  hits: list[_Hit]) -> list[_Hit]:
    """Lone family or given names. A given name standing alone where a family name belongs ("Pres.
    Suk-yeol") is a claim of its own; a lone family name resolves to the person the document names."""
    named = {h.entity_id: index.person(h.entity_id) for h in hits if h.entity_kind == "person"}
    positions: dict[int, dict[int, int]] = {}  # per run: token → index, built once per run
    for _, run in segments:
        if id(run) not in positions:
            positions[id(run)] = {id(t): n for n, t in enumerate(run)}
    strangers = _stranger_families(index, segments, positions, named)
    out: list[_Hit] = []
    for segment, run in segments:
        position = positions[id(run)]
        words = [t for t in segment if t.word]
        i = 0
        while i < len(words):
            found = None
            for size in (2, 1):
                window = words[i:i + size]
                if len(window) == size and _adjacent(window):
                    at = position[id(window[0])]
                    if _stands_alone(index, window, run, at) and not _set_off(text, window):
                        found = _given_as_surname(index, window, named, _titled(text, window[0], run, at))
                    if (found is None and size == 1 and not _cut_off(text, window[0])
                            and not _in_full_name(index, run, at) and window[0].key not in strangers):
                        found = _lone_family(text, index, window[0], run, named, _titled(text, window[0], run, at))
                    if found:
                        break
            if found:
                out.append(found)
                i += sum(1 for t in words[i:] if t.end <= found.end)
            else:
                i += 1
    return out


def _is_title(token: Token) -> bool:
    """ "President", and its hyphenated forms "President-elect" and "Ex-President"."""
    key = token.key
    return key in _TITLES or key.removesuffix("elect") in _TITLES or key.removeprefix("ex") in _TITLES


def _given_before(index: NameIndex, token: Token) -> bool:
    """Could this word be a given name written before a family name ("Hunter" in "Hunter Biden")?
    Not a title, a known family name ("the Biden-Harris administration" pairs two surnames) or an
    ordinary word ("Trump Administration") unless that word is also a common name ("Hunter")."""
    return (token.word and not _is_title(token) and token.key not in index.family_keys
            and (not index.is_word(token.key) or index.is_common_name(token.key)))


def _given_after(index: NameIndex, token: Token) -> bool:
    """Could this word be a given name written after a family name ("Kwan-jin" in "Kim Kwan-jin")?
    Only a word that is no ordinary word: "Trump White House" and "Moon Administration" name nobody."""
    return (token.word and not _is_title(token) and token.key not in index.family_keys
            and not index.is_word(token.key))


def _in_full_name(index: NameIndex, run: list[Token], at: int) -> bool:
    """Is the word at `at` one part of a longer name? "Kim" in "Kim Kwan-jin" or "Biden" in "Hunter
    Biden": a full name the reference does not hold names someone else, never its surname's bearer."""
    return ((at > 0 and _given_before(index, run[at - 1]))
            or (at + 1 < len(run) and _given_after(index, run[at + 1])))


def _stranger_families(index: NameIndex, segments: list[tuple[list[Token], list[Token]]],
                       positions: dict[int, dict[int, int]], named: dict[str, Person]) -> set[str]:
    """Family names the document also gives to people the reference does not hold ("Defense Minister
    Kim Kwan-jin" beside Kim Jong Un): a lone "Kim" could be either, so it resolves to neither."""
    families = {name_key(p.family) for p in named.values()}
    out: set[str] = set()
    for segment, run in segments:
        position = positions[id(run)]
        for token in segment:
            if token.word and token.key in families and _in_full_name(index, run, position[id(token)]):
                out.add(token.key)
    return out


def _stands_alone(index: NameIndex, window: list[Token], run: list[Token], at: int) -> bool:
    """True when no other name word touches the window: "President Jae-in" and "But Jinping said"
    stand alone, but in "Jong Yong Nam" (another person) or "Jae-in Moon" (name order swapped) the
    given name does not."""
    before = run[at - 1] if at > 0 else None
    after_at = at + len(window)
    after = run[after_at] if after_at < len(run) else None
    before_ok = (before is None or before.key in _TITLES or before.connector
                 or (index.is_word(before.key) and not index.is_common_name(before.key)
                     and before.key not in index.family_keys))
    return before_ok and (after is None or after.connector)


def _titled(text: str, first: Token, run: list[Token], at: int) -> bool:
    """Is the name preceded by a title ("Pres. Suk-yeol", "President Jae-in")?"""
    if at > 0:
        return run[at - 1].key in _TITLES
    word = re.search(r"([^\W\d_]+)\.?\s+$", text[max(0, first.start - 30):first.start])
    return word is not None and name_key(word.group(1)) in _TITLES


def _adjacent(window: list[Token]) -> bool:
    return all(b.start - a.end <= 2 for a, b in zip(window, window[1:]))


def _set_off(text: str, window: list[Token]) -> bool:
    """A given name set off by punctuation on both sides addresses or names someone ("Well, Fumio,
    welcome back", "his daughter, Ju Ae.") rather than standing in for a surname in a sentence."""
    before = text[max(0, window[0].start - 3):window[0].start].rstrip(" \t")
    after = text[window[-1].end:window[-1].end + 1]
    return after in (",", ".", "!", "?", ";", ")") and (before == "" or before[-1] in ",:;\n-\"'(")


def _cut_off(text: str, token: Token) -> bool:
    """ "Bideno- — Bidenomics": a word broken off in a transcript is not a misspelling."""
    return text[token.end:token.end + 1] == "-" and not text[token.end + 1:token.end + 2].isalpha()


def _given_as_surname(index: NameIndex, window: list[Token], named: dict[str, Person], titled: bool) -> _Hit | None:
    key = "".join(t.key for t in window)
    text = " ".join(t.text for t in window)
    start, end = window[0].start, window[-1].end
    if len(key) < 4 or index.is_common_name(key) or key in index.family_keys:
        return None
    for person in index.family_first_by_given.get(key, []):
        # Without the person named in the article or a title before it, a lone word that happens to
        # be someone's given name ("Qiang villages", "Sanae") is not evidence enough.
        if person.id in named or titled:
            return _Hit(start, end, person.id, "person", "given-as-surname", 100.0, person.given)
    # A misspelled given name of someone the document names: "Yo Long" after "Kim Yo-Long".
    candidates = [p for p in named.values() if p.order == "family-first"]
    found = index.best_person(candidates, "given", key)
    if found and not (found[0].language == "ko" and is_korean_given_name(text)):
        score = fuzz.ratio(key, name_key(found[0].given))
        return _Hit(start, end, found[0].id, "person", "given-as-surname", score, found[0].given)
    return None


def _lone_family(text: str, index: NameIndex, token: Token, run: list[Token], named: dict[str, Person],
                 titled: bool = False) -> _Hit | None:
    same = [p for p in named.values() if name_key(p.family) == token.key]
    if len(same) == 1:
        return _Hit(token.start, token.end, same[0].id, "person", "partial", 100.0, same[0].family)
    # A misspelled family name of someone the document names: "Blinkin said" after "Antony Blinken",
    # "MR. SULIVAN:". Weighed like a full name, with nothing else written to name the person. A word
    # of two letters ("Co", "Km") or a short one in capitals ("ROK" beside Roh Moo-hyun) is an
    # abbreviation unless a title stands before it ("MR. KMI:", "PRESIDENT YONO:").
    if not titled and (len(token.key) < 3 or (token.text.isupper() and len(token.text) <= 4)):
        return None
    found = _choose([r for r in _lone_readings(text, index, token, run, named) if r.total >= THRESHOLD])
    return found[0] if found else None


def _lone_readings(text: str, index: NameIndex, token: Token, run: list[Token],
                   named: dict[str, Person]) -> list[Reading]:
    context = _Context(frozenset(named), text, run, token)
    written = _Written(token, token, token.key, "", "", alone=True)
    return [replace(r, form=person.family) for person in named.values()
            for r in _slip(index, person, "family", token.key, token.text, written, context)]


# --- explaining a decision (factlint lookup) ------------------------------------------------------


def readings(doc: Document, index: NameIndex, start: int, end: int) -> list[Reading]:
    """Every reading of a name overlapping text[start:end] as a misspelled person, strongest first,
    weighed exactly as `check` weighs it. For `factlint lookup`."""
    runs = tokenize_runs(doc.text)
    exacts = [_exact_hits(doc.text, index, run) for run in runs]
    named = frozenset(h.entity_id for found in exacts for h in found if h.entity_kind == "person")
    people = {entity_id: index.person(entity_id) for entity_id in named}
    out: list[Reading] = []
    for run, exact in zip(runs, exacts):
        if run and run[0].start < end and start < run[-1].end:
            for segment in _uncovered(run, exact):
                out.extend(r for r in _readings(doc.text, index, segment, run, named)
                           if r.start < end and start < r.end)
                # A family name alone ("Blinkin said", "PRIME MINISTER KISHIDAA:"), when that is the query.
                out.extend(r for t in segment if t.word and t.start <= start and end <= t.end
                           for r in _lone_readings(doc.text, index, t, run, people))
    return sorted(out, key=lambda r: (-r.total, r.distance, r.start - r.end))
