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
from ..record import Form, NameIndex, edits, inflected, named
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


# --- pass 2: misspelled full names -------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    """What the document says around a near miss: the people it names in a known form, and the office
    named just before the mention (up to six words of its run before `first`). Either is evidence
    that a slip means that person."""

    named: frozenset[str]
    text: str
    run: list[Token]
    first: Token

    @cached_property
    def role(self) -> str | None:  # only asked when a guard needs evidence: most names never do
        at = next(n for n, t in enumerate(self.run) if t is self.first)
        return role_of(self.text[self.run[max(0, at - 6)].start:self.first.start]) if at else None

    def supports(self, person: Person) -> bool:
        return person.id in self.named or (self.role is not None and _held(person, self.role))


def _fuzzy_person_hits(text: str, index: NameIndex, segment: list[Token], run: list[Token],
                       named: frozenset[str] = frozenset()) -> list[_Hit]:
    candidates: list[tuple[int, int, _Hit]] = []  # (edits, -length, hit)
    words = [t for t in segment if not t.connector]
    for i, first in enumerate(words):
        if first.initial:
            # "A. Blinjken": an initial, then a family name a slip away from someone's with that initial.
            j = i + 1
            while j < len(words) and words[j].initial:  # "A. J. Boinken"
                j += 1
            if j < len(words) and words[j].word and (i == 0 or not words[i - 1].initial):
                candidates.extend(_initial_first(index, first, words[j], named))
            continue
        # The office named just before, in the same run of capitalized words ("Secretary of State Tony
        # Blinkin", "US Trade Representative Katherine Tie"): evidence for whoever held it.
        context = _Context(named, text, run, first)
        for size in (2, 1):  # given names of one or two words after a family name
            given = words[i + 1:i + 1 + size]
            if len(given) == size and all(t.word for t in given):
                candidates.extend(_family_first(index, first, given, context))
        # The family name after a given name, across middle initials: "Antony J. Blinkin".
        j = i + 1
        while j < len(words) and j <= i + 3 and words[j].initial:
            j += 1
        if j < len(words) and j <= i + 3:
            candidates.extend(_given_first(index, first, words[j], context))
    return _choose(candidates)


Candidate = tuple[int, int, "_Hit"]  # (edits, -length, hit)


def _family_first(index: NameIndex, family: Token, given: list[Token], context: _Context) -> list[Candidate]:
    out = []
    given_text = " ".join(t.text for t in given)
    given_key = "".join(t.key for t in given)
    # Given-first people whose names are also written family first ("Kishida Fumio", "ISHIBA Shigeru").
    people = index.family_first_by_family.get(family.key, []) + index.reversed_by_family.get(family.key, [])
    if people:
        korean = is_korean_given_name(given_text)
        found = index.best_person(people, "given", given_key)
        if found and found[0].language == "ko" and korean:
            found = None  # real Korean syllables one letter from a known name: most likely someone else
        # Unless it spells the same sounds another way ("Lee Myong-bak", "Kim Jung-eun"): the same name.
        found = found or _same_sounds(index, family.key, given_key)
        if found is None and not korean:
            # A short given name a letter off ("Park Jni") beside the person named or their office.
            supported = [p for p in people if context.supports(p)]
            found = index.best_person(supported, "given", given_key, limit=1) if supported else None
        if found:
            out.append(_fuzzy(found, family, given[-1], family.key + given_key))
    people = index.family_first_by_given.get(given_key, []) + index.reversed_by_given.get(given_key, [])
    if people:
        # A short given name ("Wang Yi") says little alone; beside the person named elsewhere it does.
        people = people if len(given_key) >= 5 else [p for p in people if context.supports(p)]
        found = _family_slip(index, people, family.key, context, limit=1)
        if found:
            out.append(_fuzzy(found, family, given[-1], family.key + given_key))
    if not out and family.key not in index.family_keys:
        # Another romanization of the family name too ("Gim Jong Un", "Yun Suk Yeol", "Yi Jae Myung").
        found = _same_sounds(index, family.key, given_key)
        if found:
            out.append(_fuzzy(found, family, given[-1], family.key + given_key))
    return out


def _initial_first(index: NameIndex, initial: Token, family: Token, named: frozenset[str]) -> list[Candidate]:
    letter = initial.key[:1]
    if _known_family(index, family.key) or len(family.key) < 3:
        return []
    people = [p for p in index.given_first_by_initial.get(letter, []) if name_key(p.family) != family.key]
    # An initial says little: the person must be named elsewhere, or the family name long and rare.
    people = [p for p in people if p.id in named or len(family.key) >= 5]
    # A three-letter family name ("S. Kmi" for Sung Kim) only beside the person named in full.
    found = index.best_person(people, "family", family.key, limit=1 if len(family.key) == 3 else None)
    if found is None:
        return []
    distance, length, hit = _fuzzy(found, initial, family, initial.key + family.key)
    # The suggestion keeps the writer's initial: "A. Blinjken" → "A. Blinken".
    return [(distance, length, replace(hit, form=f"{initial.text} {found[0].family}"))]


def _given_first(index: NameIndex, given: Token, family: Token, context: _Context) -> list[tuple[int, int, _Hit]]:
    out = []
    # A given name the person's forms use ("Tony" for Antony Blinken), or one they contain.
    people = index.given_first_by_given.get(given.key) or index.given_first_by_affix.get(given.key)
    if people:
        found = _family_slip(index, people, family.key, context)
        if found is None and given.key in index.given_first_by_given and not _known_family(index, family.key):
            # A three-letter family name ("Sung Kmi", "Jung Palk") beside the person's own given name:
            # one slip, when what it makes is no name or word at all.
            found = index.best_person(people, "family", family.key, limit=1)
        if found:
            out.append(_fuzzy(found, given, family, given.key + family.key))
    people = index.given_first_by_family.get(family.key)
    if people:
        # A misspelled given name is telling beside a rare family name ("Anthony Blinken" is Antony
        # Blinken) or when both given names are rare ("Condoleeza Rice"), but "Barry Harris" need not
        # be Harry Harris.
        if not index.is_common_name(family.key):
            found = index.best_person(people, "given", given.key)
        elif not index.is_common_name(given.key):
            rare = [p for p in people if not index.is_common_name(name_key(p.given))]
            found = index.best_person(rare, "given", given.key)
        else:
            found = None
        if found is None and not index.is_word(given.key):
            # "President Jo Biden", "Jqke Sullivan" beside Jake Sullivan named in full: with the office
            # or the person in the document, a given name a letter off is a slip, short or common.
            supported = [p for p in people if context.supports(p)]
            found = index.best_person(supported, "given", given.key, limit=1) if supported else None
        if found is None and not index.is_word(given.key) and not index.is_common_name(given.key):
            # A given name that is no name at all ("Jqke", "Jakke"), one letter from the person's and
            # starting alike: a slip, even beside a common family name.
            found = index.best_person([p for p in people if given.key[:1] in {g[:1] for g in index.givens[p.id]}],
                                      "given", given.key, limit=1)
        if found:
            out.append(_fuzzy(found, given, family, given.key + family.key))
    return out


def _family_slip(index: NameIndex, people: list[Person], family: str, context: _Context,
                 limit: int | None = None) -> tuple[Person, int] | None:
    """The one person whose family name `family` misspells. A misspelling that makes another word,
    a common name or a short name ("Katherine Tie", "Mike Walt", "Sung Kmi", "Mono Jae-in") counts
    only beside the office the person held or when the document names them; one that makes another
    reference person's family name never does."""
    if not _known_family(index, family):
        found = index.best_person(people, "family", family, limit)
        if found:
            return found
    if family in index.family_keys:
        return None
    supported = [p for p in people if context.supports(p)]
    if not supported:
        return None
    return index.best_person(supported, "family", family, limit=1) or _sounds_like(supported, family)


def _same_sounds(index: NameIndex, family: str, given: str) -> tuple[Person, int] | None:
    """The one Korean person with this family name whose given name sounds the same, written with
    other letters; None when the spelling is one of theirs or nobody (or several people) fit."""
    if family in index.sound_families:
        people = index.by_sound.get((family, sound_key(given)), [])
    else:
        sounds = sound_key(family, family=True)
        people = index.by_sound.get((sounds, sound_key(given)), []) if sounds in index.sound_families else []
    if len(people) != 1 or (family == name_key(people[0].family) and given in index.givens[people[0].id]):
        return None
    return people[0], 1


def _sounds_like(people: list[Person], family: str) -> tuple[Person, int] | None:
    """The one person whose family name has the same consonants in the same order, starting with the
    same letter and of about the same length: "Tie" for Tai, "Blinkin" for Blinken."""
    found = [p for p in people if _consonants(name_key(p.family)) == _consonants(family)
             and abs(len(name_key(p.family)) - len(family)) <= 1 and name_key(p.family) != family]
    return (found[0], 2) if len(found) == 1 else None


def _consonants(key: str) -> str:
    tail = "".join(ch for ch in key[1:] if ch not in "aeiouyhw")
    return key[:1] + re.sub(r"(.)\1+", r"\1", tail)


def _held(person: Person, role: str) -> bool:
    return any(role_of(office.title) == role for office in person.offices)


def _known_family(index: NameIndex, key: str) -> bool:
    # A different, real family name ("Kelly" beside "Kerry") names a different person, and a common
    # word or place ("Boston" beside "Bolton") is not a name at all.
    return key in index.family_keys or index.is_common_name(key) or index.is_word(key)


def _fuzzy(found: tuple[Person, int], first: Token, last: Token, written_key: str) -> tuple[int, int, _Hit]:
    person, distance = found
    score = fuzz.ratio(written_key, name_key(person.name))
    # Suggest the person's form nearest to what was written: "Tony Blinkin" → "Tony Blinken",
    # "Josehp R. Biden" → "Joseph R. Biden" (the canonical form wins ties).
    forms = (person.name, *person.variants)
    form = min(forms, key=lambda f: (edits(written_key, name_key(f), 9), f != person.name))
    hit = _Hit(first.start, last.end, person.id, "person", "fuzzy", score, form)
    return distance, -(last.end - first.start), hit


def _choose(candidates: list[tuple[int, int, _Hit]]) -> list[_Hit]:
    """Closest first, then longest; drop candidates overlapping a better one, and spans where two
    different people fit equally well."""
    ranked = sorted(candidates, key=lambda c: (c[0], c[1], c[2].start))
    fits: dict[tuple[int, int, int], set[str | None]] = defaultdict(set)
    for distance, _, hit in ranked:
        fits[distance, hit.start, hit.end].add(hit.entity_id)
    chosen: list[_Hit] = []
    taken = Taken()
    for distance, _, hit in ranked:
        # Two people who fit equally well: say nothing. A span overlapping a better one: drop it.
        if len(fits[distance, hit.start, hit.end]) == 1 and taken.claim(hit.start, hit.end):
            chosen.append(hit)
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
    return _choose([(0, -(h.end - h.start), h) for h in hits])


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
                        found = _lone_family(index, window[0], named)
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


def _lone_family(index: NameIndex, token: Token, named: dict[str, Person]) -> _Hit | None:
    same = [p for p in named.values() if name_key(p.family) == token.key]
    if len(same) == 1:
        return _Hit(token.start, token.end, same[0].id, "person", "partial", 100.0, same[0].family)
    # A misspelled family name of someone the document names: "Blinkin said" after "Antony Blinken".
    if _known_family(index, token.key):
        return None
    # Short family names have too many real neighbours ("Vice" is one letter from "Rice").
    if len(token.key) < 6:
        return None
    candidates = [p for p in named.values() if p.order == "given-first"]
    found = index.best_person(candidates, "family", token.key)
    if found:
        score = fuzz.ratio(token.key, name_key(found[0].family))
        return _Hit(token.start, token.end, found[0].id, "person", "fuzzy", score, found[0].family)
    return None


# --- explaining a decision (factlint lookup) ------------------------------------------------------


def evidence(doc: Document, index: NameIndex, mention: NameMention) -> list[str]:
    """What speaks for reading `mention` (a misspelling FL101 reports) as its person, in words: the
    edits, the sounds, the office before it, the person named elsewhere. For `factlint lookup`."""
    person = index.reference.people.get(mention.entity_id or "")
    if person is None or mention.method != "fuzzy":
        return []
    written = name_key(mention.text)
    forms = (person.name, *person.variants)
    nearest = min(forms, key=lambda f: edits(written, name_key(f), 9))
    out = [f"{edits(written, name_key(nearest), 9)} edit(s) from {nearest!r}"]
    words = mention.text.split()
    parts = {name_key(p) for f in forms for p in f.replace("-", " ").split()}
    if person.language == "ko" and any(name_key(w) not in parts and any(sound_key(w) == sound_key(p) for p in parts)
                                       for w in mention.text.replace("-", " ").split()):
        out.append("a part spells the same sounds as the person's (another romanization)")
    if any(name_key(w.rstrip(".")) in index.givens[person.id] for w in words):
        out.append("a given name the person's own forms use")
    if person.id in {c.entity_id for c in _exact_mentions(doc, index)}:
        out.append(f"{person.name} is named in a known form elsewhere in the text")
    before = doc.text[max(0, mention.span.start - 60):mention.span.start]
    role = role_of(before.rsplit(".", 1)[-1])
    if role is not None and _held(person, role):
        out.append(f"the office named just before it ({role.replace('_', ' ')}) is one {person.name} held")
    if index.is_word(written[-len(name_key(words[-1])):]) or index.is_common_name(name_key(words[-1])):
        out.append(f"against: {words[-1]!r} is also a word or a common name")
    return out


def _exact_mentions(doc: Document, index: NameIndex) -> list[_Hit]:
    return [h for run in tokenize_runs(doc.text) for h in _exact_hits(doc.text, index, run)]


def guards(index: NameIndex, text: str) -> list[str]:
    """What speaks against reading `text` as a misspelling: for `factlint lookup` when check is silent."""
    out = []
    words = [w for w in text.replace("-", " ").split() if w]
    for word in words:
        key = name_key(word)
        if key in index.family_keys:
            out.append(f"{word!r} is the family name of a reference person")
        elif index.is_common_name(key):
            out.append(f"{word!r} is a common name")
        elif index.is_word(key):
            out.append(f"{word!r} is an English word")
    korean_family = len(words) >= 2 and any(p.language == "ko" for p in index.family_first_by_family.get(
        name_key(words[0]), []))
    if korean_family and is_korean_given_name(" ".join(words[1:])):
        out.append(f"{' '.join(words[1:])!r} reads as a real Korean given name: another person, unless the "
                   "sounds are the same or the context says otherwise")
    return out
