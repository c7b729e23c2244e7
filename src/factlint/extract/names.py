"""Names: which people and organizations an article names, and how it spells them.

Names are found in runs of capitalized words ("South Korean President Yoon Suk Yeol"). Each run is
matched against the reference in three passes, most certain first:

1. exact: any sub-span whose name key (case, spaces, hyphens and accents ignored) is a known form;
2. fuzzy full names: a family or given name (or nickname, or initial) matched exactly beside a part
   a slip away, each such reading weighed in points by extract/evidence.py;
3. partial references: a lone family or given name, resolved against the people the document names
   in full, or weighed as a slip of their family name. A family name inside a longer name the
   reference does not hold ("Kim Kwan-jin") is someone else's and is never resolved; nor, then, is a
   lone use of that family name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from ..document import Document
from ..models import MatchMethod, MentionKind, NameMention, Person
from ..normalize import display_form, name_key
from ..record import Form, NameIndex, PlaceForm, edits, inflected, named
from ..romanization import is_korean_given_name, sound_key
from ..spans import Taken
from ..tokens import Token, tokenize_runs
from .evidence import TITLES, Context, Reading, Written, reading, strongest, weigh

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
            for part in _uncovered(segment, found):
                found.extend(_fuzzy_place_hits(doc.text, index, part))
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

def _readings(text: str, index: NameIndex, segment: list[Token], run: list[Token],
              named: frozenset[str]) -> list[Reading]:
    """Every reading of a stretch of a run as a misspelled person's name, however weak."""
    out: list[Reading] = []
    words = [t for t in segment if not t.connector]
    # The first word at or after each position that is not an initial, in one backward pass: walking
    # forward from every initial of a long run ("U.S. U.S. U.S. ...") would be quadratic.
    after_initials = [len(words)] * (len(words) + 1)
    for k in range(len(words) - 1, -1, -1):
        after_initials[k] = after_initials[k + 1] if words[k].initial else k
    for i, first in enumerate(words):
        context = Context(named, text, run, first)
        if first.initial:
            # "A. Blinjken": an initial, then a family name a slip away from someone's with that initial.
            j = after_initials[i + 1]  # "A. J. Boinken"
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
    return [_fuzzy_hit(r) for r in strongest([r for r in _readings(text, index, segment, run, named)
                                              if not _part_of_longer(text, r.end)])]


def _fuzzy_hit(r: Reading) -> _Hit:
    return _Hit(r.start, r.end, r.person.id, "person", "fuzzy", r.score, r.form)


def _part_of_longer(text: str, end: int) -> bool:
    """ "Sun Kim" in "Sun Kim-Lee": a hyphen joins the span to more of the same name. (One before
    it does not: "the Putin-Kim Jong Un meeting" pairs two people.)"""
    return text[end:end + 1] == "-" and text[end + 1:end + 2].isalpha()


def _family_first(index: NameIndex, family: Token, given: list[Token], context: Context) -> list[Reading]:
    out = []
    given_text = " ".join(context.text[given[0].start:given[-1].end].split())  # "Yo-Long" as written
    given_key = "".join(t.key for t in given)
    key = family.key + given_key
    # Given-first people whose names are also written family first ("Kishida Fumio", "ISHIBA Shigeru").
    written = Written(family, given[-1], key, family.key, family.text)
    for person in index.family_first_by_family.get(family.key, []) + index.reversed_by_family.get(family.key, []):
        out.extend(weigh(index, person, "given", given_key, given_text, written, context))
    # Another romanization of the whole name ("Gim Jong Un"), but not of a name another reference
    # person's family name begins, nor of someone the record lists from one list of names (a
    # sanctions list's "Ri Song Chol" is written "Ri Sung Chol" as often, or is someone else).
    sounds = _same_sounds(index, family.key, given_key)
    if (sounds is not None and sounds.offices_listed == "all"
            and (family.key in index.sound_families or family.key not in index.family_keys)):
        terms = [(5, "it spells the same Korean sounds as the person's name, in another romanization")]
        out.append(reading(sounds, written, 1, terms + context.terms(sounds)))
    written = Written(family, given[-1], key, given_key, given_text)
    for person in index.family_first_by_given.get(given_key, []) + index.reversed_by_given.get(given_key, []):
        out.extend(weigh(index, person, "family", family.key, family.text, written, context))
    return out


def _initial_first(index: NameIndex, initial: Token, family: Token, context: Context) -> list[Reading]:
    out = []
    written = Written(initial, family, initial.key + family.key, "", initial.text)
    for person in index.given_first_by_initial.get(initial.key[:1], []):
        for found in weigh(index, person, "family", family.key, family.text, written, context):
            # The suggestion keeps the writer's initial: "A. Blinjken" → "A. Blinken".
            out.append(replace(found, form=f"{initial.text} {person.family}"))
    return out


def _given_first(index: NameIndex, given: Token, family: Token, context: Context) -> list[Reading]:
    out = []
    key = given.key + family.key
    # A given name the person's forms use ("Tony" for Antony Blinken), or one they contain.
    written = Written(given, family, key, given.key, given.text)
    people = index.given_first_by_given.get(given.key) or index.given_first_by_affix.get(given.key, [])
    for person in people:
        out.extend(weigh(index, person, "family", family.key, family.text, written, context))
    # A nickname of the person's given name that their forms do not use ("Kate Taai").
    written = replace(written, nickname=True)
    seen = {p.id for p in people}
    for person in index.given_first_by_nickname.get(given.key, []):
        if person.id not in seen:
            out.extend(weigh(index, person, "family", family.key, family.text, written, context))
    written = Written(given, family, key, family.key, family.text)
    for person in index.given_first_by_family.get(family.key, []):
        out.extend(weigh(index, person, "given", given.key, given.text, written, context))
    return out


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


def _fuzzy_place_hits(text: str, index: NameIndex, segment: list[Token]) -> list[_Hit]:
    """A place or named system with one word misspelled: "Yongbyong", "Punggye-ri" as "Pungye-ri",
    "Camp Humphries". A word is never read so when it is a word, an inflection, or for a name romanized
    from Korean another spelling of the same sounds ("Yonpyong" for Yeonpyeong): those are accepted
    spellings or other things, not slips. A lone word must also be no common name or family name."""
    found: list[tuple[_Hit, PlaceForm]] = []
    words = [t for t in segment if not t.connector]
    for i, token in enumerate(words):
        # One word: compared with the one-word forms of its first letter (names of seven letters
        # or more: record/names.py), once per word across the run.
        fits = index.lone_place_slips.get(token.key)
        if fits is None:
            fits = [entry for entry in index.places_by_initial.get(token.key[:1], ())
                    if abs(len(entry.keys[0]) - len(token.key)) <= 2 and _place_slip(index, token.key, entry, 0, alone=True)]
            if len(index.lone_place_slips) > 100_000:
                index.lone_place_slips.clear()
            index.lone_place_slips[token.key] = fits
        found.extend((_place_hit(token, token, entry, 0, token.key), entry) for entry in fits)
        # Longer forms: placed by a word this one spells right, the one wrong word elsewhere in the window.
        for position, entry in index.places_by_word.get(token.key, ()):
            first = i - position
            if first < 0 or first + len(entry.keys) > len(words):
                continue
            window = words[first:first + len(entry.keys)]
            diffs = [k for k, t in enumerate(window) if t.key != entry.keys[k]]
            if len(diffs) == 1 and _place_slip(index, window[diffs[0]].key, entry, diffs[0], alone=False):
                found.append((_place_hit(window[0], window[-1], entry, diffs[0], window[diffs[0]].key), entry))
    # The same word misspelled the same way in several forms ("Hwasong" of Hwasong-15 and Hwasong-17):
    # one hit, for the form the text goes on with ("-15"), else the first.
    by_span: dict[tuple[int, int], list[tuple[_Hit, PlaceForm]]] = defaultdict(list)
    for hit, entry in found:
        by_span[hit.start, hit.end].append((hit, entry))
    chosen: list[_Hit] = []
    for (_, end), fits in by_span.items():
        if len({hit.form for hit, _ in fits}) != 1:
            continue  # two corrections fit: say nothing
        rest = [hit for hit, entry in fits if text.startswith(entry.rest, end)]
        chosen.append(rest[0] if rest else fits[0][0])
    return _pick(chosen)


def _place_slip(index: NameIndex, written: str, entry: PlaceForm, wrong: int, *, alone: bool) -> bool:
    target = entry.keys[wrong]
    limit = index.allowed(target)
    if (not limit or written == target or len(written) < 4 or written[:1] != target[:1] or inflected(written, target)
            or index.is_word(written)):
        return False
    if alone and (index.is_common_name(written) or written in index.family_keys):
        return False
    if (entry.place.language == "ko" or "Korea" in (entry.place.country or "")) and sound_key(written) == sound_key(target):
        return False  # another romanization of the same Korean sounds
    return edits(written, target, limit) <= limit


def _place_hit(first: Token, last: Token, entry: PlaceForm, wrong: int, written: str) -> _Hit:
    # The correction is the form's words as the text's words span them: "Hwasong" for "Hwasonf-15".
    return _Hit(first.start, last.end, entry.place.id, entry.kind, "fuzzy",  # type: ignore[arg-type]
                fuzz.ratio(written, entry.keys[wrong]), entry.text)


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
    exact = frozenset(h.entity_id for h in hits if h.entity_kind == "person" and h.method in ("exact", "variant"))
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
                            and not _in_full_name(index, run, at) and window[0].key not in strangers
                            and not _given_after_honorific(text, run, at)):
                        found = _lone_family(text, index, window[0], run, at, named, exact)
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
    return key in TITLES or key.removesuffix("elect") in TITLES or key.removeprefix("ex") in TITLES


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


# "Mrs. Rie Park": a word after an honorific and before another name word is a given name.
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Madam)\.?\s+$")


def _given_after_honorific(text: str, run: list[Token], at: int) -> bool:
    return at + 1 < len(run) and run[at + 1].word and _HONORIFIC.search(text, max(0, run[at].start - 8), run[at].start) is not None


def _in_full_name(index: NameIndex, run: list[Token], at: int) -> bool:
    """Is the word at `at` one part of a longer name? "Kim" in "Kim Kwan-jin" or "Biden" in "Hunter
    Biden": a full name the reference does not hold names someone else, never its surname's bearer."""
    # "Chol" in "Kim Jong Chol": the last part of a family-first name, even where its middle part is
    # also someone's family name ("Jong", as in Jong Yong Su).
    return ((at > 0 and _given_before(index, run[at - 1]))
            or (at + 1 < len(run) and _given_after(index, run[at + 1]))
            or (at > 1 and run[at - 2].key in index.family_keys and run[at - 1].word and not _is_title(run[at - 1])
                and not _is_title(run[at - 2])))


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
    before_ok = (before is None or before.key in TITLES or before.connector
                 or (index.is_word(before.key) and not index.is_common_name(before.key)
                     and before.key not in index.family_keys))
    return before_ok and (after is None or after.connector)


def _titled(text: str, first: Token, run: list[Token], at: int) -> bool:
    """Is the name preceded by a title ("Pres. Suk-yeol", "President Jae-in")?"""
    if at > 0:
        return run[at - 1].key in TITLES
    word = re.search(r"([^\W\d_]+)\.?\s+$", text[max(0, first.start - 30):first.start])
    return word is not None and name_key(word.group(1)) in TITLES


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


def _lone_family(text: str, index: NameIndex, token: Token, run: list[Token], at: int, named: dict[str, Person],
                 exact: frozenset[str]) -> _Hit | None:
    same = [p for p in named.values() if index.family_key[p.id] == token.key]
    if len(same) == 1:
        return _Hit(token.start, token.end, same[0].id, "person", "partial", 100.0, same[0].family)
    found = strongest(_lone_readings(text, index, token, run, at, named, exact))
    return _fuzzy_hit(found[0]) if found else None


def _lone_readings(text: str, index: NameIndex, token: Token, run: list[Token], at: int,
                   named: dict[str, Person], exact: frozenset[str]) -> list[Reading]:
    """A misspelled family name of someone the document names: "Blinkin said" after "Antony Blinken",
    "MR. SULIVAN:". Weighed like a full name, with nothing else written to name the person. A word
    of two letters ("Co", "Km") or a short one in capitals ("ROK" beside Roh Moo-hyun) is an
    abbreviation unless a title stands before it ("MR. KMI:", "PRESIDENT YONO:")."""
    # Only family names a slip or two long could be one (a cheap test first: most words are none).
    people = [p for p in named.values() if abs(len(index.family_key[p.id]) - len(token.key)) <= 2]
    if not people or ((len(token.key) < 3 or (token.text.isupper() and len(token.text) <= 4))
                      and not _titled(text, token, run, at)):
        return []
    context = Context(exact, text, run, token)
    written = Written(token, token, token.key, "", "", alone=True)
    return [replace(r, form=person.family, score=fuzz.ratio(token.key, index.family_key[person.id]))
            for person in people for r in weigh(index, person, "family", token.key, token.text, written, context)]


# --- explaining a decision (factlint lookup) ------------------------------------------------------


def readings(doc: Document, index: NameIndex, start: int, end: int) -> list[Reading]:
    """Every reading of a name overlapping folded text[start:end] as a misspelled person, strongest
    first, with the points `check` gives it. For `factlint lookup`, whose verdict is check's own:
    a reading with enough points is still silent when another person is read as strongly."""
    runs = tokenize_runs(doc.text)
    exacts = [_exact_hits(doc.text, index, run) for run in runs]
    named = frozenset(h.entity_id for found in exacts for h in found if h.entity_kind == "person")
    people = {entity_id: index.person(entity_id) for entity_id in named}
    out: list[Reading] = []
    for run, exact in zip(runs, exacts):
        if run and run[0].start < end and start < run[-1].end:
            for segment in _uncovered(run, exact):
                out.extend(r for r in _readings(doc.text, index, segment, run, named)
                           if r.start < end and start < r.end and not _part_of_longer(doc.text, r.end))
                # A family name alone ("Blinkin said", "PRIME MINISTER KISHIDAA:"), when that is the query.
                out.extend(r for t in segment if t.word and t.start <= start and end <= t.end
                           for r in _lone_readings(doc.text, index, t, run, run.index(t), people, named))
    return sorted(out, key=lambda r: (-r.total, r.distance, r.start - r.end))
