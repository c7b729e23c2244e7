"""Evidence: how strongly a near miss reads as a misspelling of one reference person.

extract/names.py finds the readings, a written name against a person who shares one part of it;
this module weighs each one in points, like a spelling corrector's noisy-channel model: how likely
the spelling is as a slip of the person's (the channel), what else it could be (a word, a common
name, a real Korean name), and what the document says around it (the person named in full, an office
or title just before). A reading is reported at THRESHOLD points. `factlint lookup` prints the terms.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from rapidfuzz import fuzz

from ..models import Person
from ..normalize import name_key
from ..record import SURNAME_ENDINGS, NameIndex, allowed_edits, edits, inflected, typing_slip
from ..roles import role_of
from ..romanization import is_korean_given_name, name_parts
from ..spans import Taken
from ..tokens import Token

# Words that may stand before a lone given name without being part of the name: "President Jae-in".
TITLES = frozenset(name_key(w) for w in """
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
class Context:
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
            # A sentence ends at the word before ("met the Vice President.  I"); an abbreviated title
            # ("Dr.", "Gen.") and "U.S." do not end one.
            stem = word.rstrip(".?!")
            if stem != word and "." not in stem and key not in TITLES:
                break
            # A comma ends the phrase, except right before the name: "our envoy, Sung Kim".
            if word.endswith((",", ";", ":")) and (n or key not in _TITLE_NOUNS):
                break
            keys.add(key)
        return frozenset(keys) & _TITLE_NOUNS

    def terms(self, person: Person) -> list[Term]:
        out: list[Term] = []
        if person.id in self.named:
            out.append((2, f"{person.name} is named in a known form elsewhere in the text"))
        if self.role is not None:
            # An office just before the name all but says who is meant ("Trade Representative").
            if held(person, self.role):
                out.append((3, f"the office just before it ({self.role.replace('_', ' ')}) is one {person.name} held"))
        elif self.titles:
            shared = sorted(self.titles & {name_key(w) for o in person.offices for w in o.title.split()})
            if shared:
                out.append((2, f"the title just before it ({shared[0]}) is one {person.name} held"))
        return out


@dataclass(frozen=True)
class Written:
    """A name as written, read as a slip in one part: its first and last tokens, the key of the
    whole, and the part taken to be written right."""

    first: Token
    last: Token
    key: str
    right: str
    right_text: str
    nickname: bool = False  # the part written right is only a nickname of the person's given name
    alone: bool = False  # a family name standing alone: nothing else written names the person


def weigh(index: NameIndex, person: Person, part: Literal["family", "given"], slipped: str, slipped_text: str,
          written: Written, context: Context) -> list[Reading]:
    """The reading of `slipped` as a slip in the person's `part` (the rest written right), or nothing
    when it is no slip of theirs: one of their own forms, too far off, or another reference person's
    family name."""
    targets = (index.family_key[person.id],) if part == "family" else index.givens[person.id]
    if all(abs(len(t) - len(slipped)) > 2 for t in targets):  # no slip of theirs, in one cheap test
        return []
    if (len(slipped) < 2 or slipped in targets or (part == "family" and slipped in index.family_keys)
            or not index.max_edits):
        return []
    found: tuple[int, str] | None = None
    for target in targets:
        limit = min(allowed_edits(target, short=1), index.max_edits)
        if part == "family" and inflected(slipped, target, SURNAME_ENDINGS):  # "the Bidens", "Putina"
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
        alike = ([t for t in targets if _sounds_alike(slipped, t)
                  and not (part == "family" and inflected(slipped, t, SURNAME_ENDINGS))]
                 if person.language != "ko" and not written.alone else [])
        if not alike:
            return []
        distance, target = 2, alike[0]
        terms.append((3, f"it sounds like {_shown(person, part, target)!r}: the same letters but for a vowel or two"))
    if len(target) <= 3:
        terms.append((-1, f"{_shown(person, part, target)!r} is short: most one-letter changes of it are other names"))
    elif len(target) >= 7:
        terms.append((1, f"{_shown(person, part, target)!r} is long: one slip leaves it recognizable"))
    if slipped[:1] != target[:1]:
        if slipped[1:] == target or slipped == target[1:]:  # "Strump", "Rump"
            terms.append((-1, "a letter added or dropped before the first, which slips seldom touch"))
        else:
            terms.append((-3, "the first letter differs, which slips seldom touch"))
    # What else the spelling could be: someone else's name, or a word.
    # (A family name beside the given name written right is anchored by it; alone, it is not.)
    korean = person.language == "ko" and (part == "given" or written.alone) and is_korean_given_name(slipped_text)
    parts = len(name_parts(person.given)) if part == "given" else 1
    typed = typing_slip(slipped, target) and len(name_parts(slipped_text)) == parts
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
        terms.append((1, f"{person.name} was a president or prime minister: a name often written, and misspelled"))
    return [reading(person, written, distance, terms + context.terms(person))]


def _shown(person: Person, part: Literal["family", "given"], target: str) -> str:
    """A name part as the person's own name writes it: "Yo Jong" for the key "yojong"."""
    if part == "family":
        return person.family
    return person.given if name_key(person.given) == target else target.capitalize()


def reading(person: Person, written: Written, distance: int, terms: list[Term]) -> Reading:
    # Suggest the person's form nearest to what was written: "Tony Blinkin" → "Tony Blinken",
    # "Josehp R. Biden" → "Joseph R. Biden" (the canonical form wins ties).
    forms = (person.name, *person.variants)
    form = min(forms, key=lambda f: (edits(written.key, name_key(f), 9), f != person.name))
    score = fuzz.ratio(written.key, name_key(person.name))
    return Reading(person, written.first.start, written.last.end, form, distance, score, tuple(terms))


def _sounds_alike(written: str, target: str) -> bool:
    """The same letters but for a vowel or two, in the same places: "Tie" for Tai. Moving or changing
    a consonant makes another name: "Ruto" is not Roth, "Burck" not Brock, "Meche" not Muccio."""
    if len(written) != len(target) or written == target:
        return False
    diffs = [(a, b) for a, b in zip(written, target) if a != b]
    return len(diffs) <= 2 and all(a in _VOWELS and b in _VOWELS for a, b in diffs)


_VOWELS = frozenset("aeiouy")


def held(person: Person, role: str) -> bool:
    return any(role_of(office.title) == role for office in person.offices)


def strongest(readings: list[Reading]) -> list[Reading]:
    """The readings `check` reports: strongest first, then closest, then longest; none overlapping a
    better one, and none where two people are read equally strongly (ambiguous: say nothing)."""
    if not readings:
        return []
    ranked = sorted(readings, key=lambda r: (-r.total, r.distance, r.start - r.end, r.start))
    fits: dict[tuple[int, int, int, int], set[str]] = defaultdict(set)
    for r in ranked:
        fits[r.total, r.distance, r.start, r.end].add(r.person.id)
    taken = Taken()
    return [r for r in ranked if r.total >= THRESHOLD and len(fits[r.total, r.distance, r.start, r.end]) == 1
            and taken.claim(r.start, r.end)]
