"""Titles people are given and descriptions organizations are given.

A title is read straight before a name ("Defense Secretary Lloyd Austin", "former president Moon
Jae-in", "the president of South Korea, Yoon Suk Yeol") or in an appositive after it ("Choe Son Hui,
North Korea's foreign minister"). The time it speaks of is a date in the same sentence that says when
("in 2019", "on May 21, 2021"); without one the title is not placed in time.

A description is an appositive or a copula about an organization: "the Korean Central News Agency, a
radio broadcaster", "a radio broadcaster, the Korean Central News Agency", "KCNA is a radio station".
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable

from ..document import Document
from ..models import DateMention, DescriptionClaim, NameMention, PartialDate, TitleClaim
from ..normalize import name_key
from ..record import NameIndex
from ..roles import TITLE_PATTERN, role_of
from .sentences import by_sentence, opens_sentence, sentence_index, sentence_spans

TITLE_WORD = re.compile(rf"\b(?:{TITLE_PATTERN})\b", re.I)

COUNTRY_WORDS = [
    ("Democratic People's Republic of Korea", r"North Korean|North Korea's|North Korea|DPRK|Pyongyang's"),
    ("Republic of Korea", r"South Korean|South Korea's|South Korea|ROK|Seoul's|(?<!North )(?<!North-)Korean|"
                          r"(?<!North )(?<!North-)Korea's|(?<!North )(?<!North-)Korea"),
    ("United States", r"U\.S\.|US|American|America's|United States|the United States"),
    ("Japan", r"Japanese|Japan's|Japan"),
    ("China", r"Chinese|China's|China"),
    ("Russia", r"Russian|Russia's|Russia"),
    ("United Nations", r"UN|U\.N\.|United Nations"),
]
_COUNTRY = "|".join(f"(?:{p})" for _, p in COUNTRY_WORDS)
_FORMER = r"\b(?P<former>former|ex-|then-?|late)"
# "potential President Harris", "the next president of the United States, ...": not a claim about any time.
_HYPOTHETICAL = re.compile(r"\b(?:potential|next|future|soon-to-be|would-be|incoming|presumptive|madam|"
                           r"possible|hypothetical|a|an)[\s-]*$", re.I)
# "former South Korean President ", "US Secretary of State ", "Pres. "
_BEFORE = re.compile(rf"(?:{_FORMER}\s*)?(?:(?P<country>{_COUNTRY})\s+)?(?P<title>{TITLE_PATTERN})\s+$", re.I)
# "First Vice Foreign Minister", "Deputy Secretary of State": a different, unchecked office.
_DEPUTY = re.compile(r"\b(?:vice|deputy|assistant|under|principal|special|senior|acting|first)[\s-]*$", re.I)
_OPEN_QUOTE = re.compile(r"(?:“|‘|(?:^|(?<=[\s(\[]))[\"'])[^“”\"\n]{0,40}$")
_CLOSE_QUOTE = re.compile(r"[^“”\"\n]{0,40}[”’\"']")


def _quoted(text: str, start: int, end: int) -> bool:
    """Is text[start:end] inside a short quotation (a phrase mentioned, not used)?"""
    return (_OPEN_QUOTE.search(text, max(0, start - 40), start) is not None
            and _CLOSE_QUOTE.match(text, end, end + 40) is not None)


# A title and a lone capitalized word after it: "Vice President Obama", "Prime Minister Abe".
_TITLED = re.compile(rf"(?i:{TITLE_PATTERN})\s+(?P<family>[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)\b(?![\w-]|\s+[A-Z]|\.\s*[A-Z]\.)")
# "President Sohn of Dongguk University": the head of another body.
_OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")


def _titled_family_names(doc: Document, text: str, names: list[NameMention], index: NameIndex,
                         ranges: list[tuple[int, int]]) -> list[NameMention]:
    """People named by title and family name alone, where no full name in the document resolved the
    family name: "Vice President Obama appointed her". The family name must fit one reference
    person, the one who held the title's office if several share it ("President Park": Park Geun-hye,
    not Park Jin), or if none did, a president or prime minister; the head of a university or a
    company ("President Sohn of Dongguk University") is someone else."""
    if index.family_pattern is None:
        return []
    taken = sorted((doc.folded_at(n.span.start), doc.folded_at(n.span.end)) for n in names)
    starts = [s for s, _ in taken]
    out = []
    # The reference's family names first (few in any text), then a title straight before each.
    for found in (f for s, e in ranges for f in index.family_pattern.finditer(text, s, e)):
        a = found.start()
        m = _TITLED.match(text, _title_start(text, a)) if a else None
        if m is None or m.span("family") != found.span():
            continue
        b = m.end("family")
        i = bisect_right(starts, a) - 1
        if (i >= 0 and taken[i][0] <= a < taken[i][1]) or _OF_BODY.match(text, b):
            continue
        key = name_key(m.group("family"))
        people = {p.id: p for p in (*index.family_first_by_family.get(key, ()), *index.given_first_by_family.get(key, ()))}
        role = role_of(m.group())
        if not people or role is None:
            continue
        holders = [p for p in people.values() if any(role_of(o.title) == role for o in p.offices)]
        if index.is_common_name(key):
            # "Prime Minister Lee", "President Carter": common names; only a holder of the office
            # named with its country ("South Korean President Moon") is read.
            country = _country_before(text, m.start())
            holders = [p for p in holders if country is not None and p.country == country]
            chosen = holders
        else:
            # Nobody of that name held the office: read as the one who did not only if they are a
            # president or prime minister ("Vice President Obama"), a name too well known for a
            # namesake; "President Kennedy" is no slip for Caroline Kennedy, the ambassador.
            chosen = holders or [p for p in people.values() if p.id in index.heads]
        if len(chosen) != 1:
            continue
        span = doc.span(a, b)
        written = doc.original[span.start:span.end]
        out.append(NameMention(text=written, normalized=written, span=span, entity_id=chosen[0].id,
                               entity_kind="person", method="exact", score=100.0, matched_form=chosen[0].family))
    return out


def _title_start(text: str, at: int) -> int:
    """Where a title ending just before `at` would start: the longest title is four words."""
    m = _TITLE_TAIL.search(text, max(0, at - 45), at)
    return m.start() if m else at


_TITLE_TAIL = re.compile(rf"\b(?i:{TITLE_PATTERN})\s+$")


def _country_before(text: str, title_start: int) -> str | None:
    m = re.search(rf"(?:{_COUNTRY})\s+$", text[max(0, title_start - 40):title_start], re.I)
    return _country(m.group().strip()) if m else None


# The transcript marks the slip itself: "former President Biden [sic]".
_SIC = re.compile(r"\s*\[sic\]", re.I)
# The person is the subject of a verb in the present or future ("Rice explains", "Trump has said",
# "Obama will join us"); past-tense narrative ("President Bush announced") is not placed in time.
_PRESENT_VERB = re.compile(r"\s+(?:(?:is|are|has|have|will|does|says|can|wants|thinks|believes|knows|"
                           r"continues|remains|plans|calls|urges|argues|explains|writes|tells|seems|"
                           r"appears|keeps|insists|claims|warns|agrees|disagrees|supports|opposes)\b)")
# Words that place a clause in the days around the article's date.
_RECENT = re.compile(r"\b(?:recently|currently|this week)\b", re.I)
# What ends a clause between a date and a name.
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014]|\s-\s")
# "President Carter [Clinton]": the transcript's correction of the name.
_CORRECTED = re.compile(r"\s*\[[A-Z]")
# "In 2015, President Biden, as Vice President, met...": the sentence says which office he held then.
_ASIDE = re.compile(r"\s*,?\s+(?:as|then|when|while|who was|before becoming|before he became|before she became)\b", re.I)
_POSSESSIVE = re.compile(r"['’]s?\b")


def _speaks_of_now(text: str, sentence: tuple[int, int], name_end: int) -> bool:
    """Does the clause of the name speak of the article's present?"""
    if _PRESENT_VERB.match(text, name_end):
        return True
    if _POSSESSIVE.match(text, name_end):
        return False  # "President Trump's pardons" were his acts in office
    s, e = sentence
    clause_start = max(s, max(text.rfind(c, s, name_end) for c in ",;:") + 1)
    ends = [i for i in (text.find(c, name_end, e) for c in ",;:") if i >= 0]
    return _RECENT.search(text, clause_start, min(ends, default=e)) is not None


# An appositive is closed: "the president of South Korea, Yoon Suk Yeol, said".
_CLOSED = re.compile(r"\s*(?:[,;:.)!?\u2014]|$)")
# A date anchors a sentence in time when it says when something happened: "in 2019", "on May 21".
# "the 2018 Panmunjom Declaration" or "by 2030" do not.
_ANCHOR = re.compile(r"(?:\b(?:in|on|during|at)\s+(?:the\s+)?|^\W*)$", re.I)
# "the former president of South Korea, "
_BEFORE_OF = re.compile(rf"(?:{_FORMER}\s+)?(?P<title>{TITLE_PATTERN})\s+of\s+(?:the\s+)?(?P<country>{_COUNTRY}),\s*$", re.I)
# ", North Korea's foreign minister" / ", the former president of South Korea"
_AFTER = re.compile(rf",\s+(?:the\s+|a\s+)?(?:{_FORMER}\s+)?(?:(?P<country>{_COUNTRY})\s+)?(?P<title>{TITLE_PATTERN})"
                    rf"(?:\s+of\s+(?:the\s+)?(?P<country2>{_COUNTRY}))?(?=[,.;)]|\s+(?:who|since|until|from|at|in)\b)", re.I)


def extract_titles(doc: Document, names: list[NameMention], dates: list[DateMention],
                   horizon: dt.date | None = None, index: NameIndex | None = None,
                   sentences: list[tuple[int, int]] | None = None) -> list[TitleClaim]:
    """`horizon` is the latest date a sentence can speak of in the past tense: the article's date,
    else the newest date the reference was checked on. With the name index, a title before a lone
    family name is read too ("Vice President Obama")."""
    text = doc.prose  # "National Security⏎Adviser" reads as one title
    horizon = doc.as_of or horizon
    if sentences is None:
        sentences = sentence_spans(text)
    starts = [start for start, _ in sentences]
    # A date without a year ("On May 21") takes the article's year: in a dated article it places a
    # sentence in time, though it is too weak to contradict a treaty's date.
    dates_in = by_sentence(sentences, [d for d in dates if d.value is not None],
                           lambda d: doc.folded_at(d.span.start))
    by_family: set[int] = set()
    if index is not None:
        # Only sentences a written date places in time can give a family name alone a title claim.
        dated = [span for span, in_it in zip(sentences, dates_in) if in_it]
        extra = _titled_family_names(doc, text, names, index, dated)
        by_family = {n.span.start for n in extra}
        names = sorted([*names, *extra], key=lambda n: n.span.start)
    out: list[TitleClaim] = []
    for name in names:
        if name.entity_kind != "person" or name.entity_id is None or name.method == "given-as-surname":
            continue
        a = doc.folded_at(name.span.start)
        b = doc.folded_at(name.span.end)
        line_start = max(text.rfind("\n", 0, a) + 1, a - 80)
        found = None
        for pattern in (_BEFORE, _BEFORE_OF):
            m = pattern.search(text, line_start, a)
            if m and pattern is _BEFORE_OF and not _CLOSED.match(text, b):
                # "a meeting with the prime minister of South Korea, Xi Jinping expressed...": the
                # comma ends a phrase, it does not open an appositive (which a comma would close).
                continue
            if m:
                found = (m, m.start("title") if pattern is _BEFORE else m.start(), m.end("title"))
                break
        if found is None:
            m = _AFTER.match(text, b, min(len(text), b + 90))
            if m:
                found = (m, m.start("title"), m.end("title"))
        if found is None:
            continue
        m, t_start, t_end = found
        if _quoted(text, t_start, b) or _SIC.match(text, b):
            continue  # "You referred to her as “Vice President Trump.”": a phrase quoted, not used
        if m.group("former") and m.start("former") < t_start:
            t_start = m.start("former")  # "Former President" is one title, replaced whole
        role = role_of(m.group("title"))
        before_title = text[max(0, m.start() - 25):m.start()]
        if (role is None or _DEPUTY.search(text, max(0, m.start("title") - 20), m.start("title"))
                or _HYPOTHETICAL.search(before_title) or text[m.end("title"):m.end("title") + 5].lower() == "-elect"):
            continue
        country_text = m.group("country") or (m.groupdict().get("country2"))
        index = sentence_index(sentences, a, starts)
        if text[max(0, t_start - 2):t_start].strip().endswith("]") or _CORRECTED.match(text, b):
            continue  # "former [Vice] President Pence", "President Carter [Clinton]": the transcript corrects it
        anchor, opening = ((None, False) if index is None else
                           _when(doc.prose, sentences[index], dates_in[index], doc.folded_at, a, horizon,
                                          title_at=min(t_start, m.start())))
        when, when_text = (anchor.value, anchor.text) if anchor is not None else (None, None)
        if name.span.start in by_family and (anchor is None or anchor.relative):
            # A family name alone is read only in a sentence a written date places in time ("In 2011,
            # Vice President Obama..."): undated, "President Carter" may be anyone's Carter.
            continue
        former = (m.group("former") or "").lower()
        if when is None and doc.as_of is not None and not former and index is not None \
                and _speaks_of_now(text, sentences[index], b):
            # "Secretary of State Condoleezza Rice explains why...", "Vice President Pence was at the
            # border this week": the article's present.
            when, when_text = PartialDate(year=doc.as_of.year, month=doc.as_of.month, day=doc.as_of.day), \
                "the article's present"
        span = doc.span(t_start, t_end)
        strict = when is not None and (opening or former.startswith("then")) and not _ASIDE.match(text, b)
        why = []
        if name.span.start in by_family:
            why.append(f"“{name.text}” alone: the one reference person of that name who fits the title")
        if anchor is not None:
            why.append(f"the date that opens the sentence (“{anchor.text}”) places it in time" if opening
                       else f"the date in the sentence (“{anchor.text}”) places it in time")
        elif when is not None:
            why.append("the sentence speaks of its present: the article's date")
        if strict:
            why.append("“then-” claims the office for that time" if former.startswith("then") else
                       "the title and name follow the opening date's comma: the office is claimed for that time")
        out.append(TitleClaim(
            text=doc.original[span.start:span.end], span=span, entity_id=name.entity_id, person_text=name.text,
            role=role, country=_country(country_text), former=former in ("former", "ex-", "late"),
            when=when, when_text=when_text, strict=strict, why=why or None, confidence=0.8))
    return out


def _country(text: str | None) -> str | None:
    if not text:
        return None
    for name, pattern in COUNTRY_WORDS:
        if re.fullmatch(pattern, text.strip(), re.I):
            return name
    return None


def _when(text: str, sentence: tuple[int, int], dates: list[DateMention], at_folded: Callable[[int], int],
          at: int, horizon: dt.date | None, title_at: int | None = None) -> tuple[DateMention | None, bool]:
    """The time a sentence speaks of: a date in it (`dates`, those with a written year) that says when
    ("in 2019", "on May 21, 2021"). A sentence without one is not placed in time: narrative often
    tells past events undated, and the article's date would misplace them. `title_at` is where the
    title before the name starts, if there is one. The flag says whether the date opens the sentence
    and the title and name follow it straight after its comma ("In 2017, Secretary Pompeo made...")."""
    s, e = sentence
    anchored = []
    opening = False
    for d in dates:
        pos = at_folded(d.span.start)
        # "today", "yesterday", "tomorrow" place the clause they stand in at the article's date:
        # "Vice President Pence was at the border today", not "what President Clinton did then and
        # President Obama is doing today".
        between = text[min(pos, at):max(pos, at)]
        present = (d.relative and not d.year_inferred and d.precision == "day"
                   and not _CLAUSE_BREAK.search(between) and not TITLE_WORD.search(between))
        if d.value is None or not (present or _ANCHOR.search(text, s, pos)):
            continue
        if horizon is not None and d.value.earliest() > horizon:
            continue  # a future date ("in 2030") is a plan, not the time of the sentence
        # The date must open the sentence ("In 2023, President Moon...") or sit in the same clause
        # as the name: "President Biden, who as vice president in 2014..." speaks of two times.
        opens = opens_sentence(text, s, pos)
        if present or opens or (len(between) <= 60 and not _CLAUSE_BREAK.search(between)) \
                or (title_at is not None and pos < title_at and _introduces(text[at_folded(d.span.end):title_at])):
            anchored.append((abs(pos - at), d))
            if opens and title_at is not None and re.fullmatch(r"\s*,\s*", text[at_folded(d.span.end):title_at]):
                opening = True
    if not anchored:
        return None, False
    return min(anchored, key=lambda pair: pair[0])[1], opening


# What may stand between a date and the title of the clause it introduces: the rest of an opening
# phrase and at most one aside, then a comma straight before the title. "In November 2001, President
# Bush announced"; "in 2009, just months after he was elected, then-Vice President Biden". A clause
# joined by "and" or a verb after the last comma is another clause: "Moon met him in 2019, and
# President Yoon...".
_INTRODUCES = re.compile(r"[^,;:()\u2014]{0,60},(?:[^,;:()\u2014]{0,60},)?\s*(?:the\s+)?", re.I)


def _introduces(between: str) -> bool:
    return _INTRODUCES.fullmatch(between) is not None


# What may open a description: an article, or a possessive ("North Korea's", "the North's", "its").
_DETERMINER = r"(?:a|an|the|its|(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?['’]s)"
_DESCRIPTION_AFTER = re.compile(rf",\s+{_DETERMINER}\s+(?P<desc>[^,.;:()\n]{{3,60}}?)(?=[,.;:)]|\s+(?:that|which|who)\b)", re.I)
_DESCRIPTION_BEFORE = re.compile(r"\b(?:a|an)\s+(?P<desc>[^,.;:()\n]{3,60}?),\s+(?:the\s+)?$", re.I)
_DESCRIPTION_IS = re.compile(rf"\s+(?:is|was|remains|has been|functions as|serves as)\s+{_DETERMINER}\s+(?P<desc>[^,.;:()\n]{{3,60}}?)(?=[,.;:)]|\s+(?:that|which|who|and|for|of)\b)", re.I)


def extract_descriptions(doc: Document, names: list[NameMention]) -> list[DescriptionClaim]:
    text = doc.prose
    out: list[DescriptionClaim] = []
    for name in names:
        if name.entity_kind != "organization" or name.entity_id is None:
            continue
        a = doc.folded_at(name.span.start)
        b = doc.folded_at(name.span.end)
        for m in (_DESCRIPTION_AFTER.match(text, b, b + 90), _DESCRIPTION_IS.match(text, b, b + 90),
                  _DESCRIPTION_BEFORE.search(text, max(0, a - 90), a)):
            if m:
                span = doc.span(m.start("desc"), m.end("desc"))
                out.append(DescriptionClaim(text=doc.original[span.start:span.end], span=span,
                                            entity_id=name.entity_id, organization_text=name.text, confidence=0.7))
                break
    return out
