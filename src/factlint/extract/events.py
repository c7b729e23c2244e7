"""Agreements and their dated events: which agreement a sentence names, what it says happened to it
(signed, ratified, took effect...), and when.

A cue and a date are paired only inside one sentence, each cue with the nearest date after it that no
other cue claims first ("became effective in 2012 after being signed in 2007"), else the nearest date
before it. A date written straight before the name ("the 1953 Mutual Defense Treaty") is a claim too.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Callable, Mapping
from functools import lru_cache

from ..document import Document
from ..models import Agreement, AgreementMention, DateMention, EventClaim, EventType, PartialDate, PartyClaim, Reference
from ..record import NameIndex, country_names, dated, phrase_tokens
from .sentences import by_sentence, opens_sentence, sentence_spans, with_sentences_before
from .titles import COUNTRY_WORDS

# Verb phrases and the events they can mean. Ambiguous cues list every reading; a date agrees with
# the claim when it agrees with any of them.
_CUES: list[tuple[re.Pattern[str], list[EventType]]] = [
    (re.compile(r"\b(?:took|take|takes|taking) effect|\bc[oa]me into (?:force|effect)|\bent(?:ry|ries|ered|ering|ers?) into force"
                r"|\b(?:went|goes|gone|going) into effect|\bbec[oa]me effective|\beffective (?:since|from|as of|in|on)"
                r"|\bin force (?:since|from)|\bimplemented|\bentered force", re.I), ["entered_into_force"]),
    # "a treaty that dates back to 1953": its origin, whether signing or entry into force.
    (re.compile(r"\bdat(?:es|ed|ing|e) back to\b|\bdat(?:es|ing) from\b", re.I), ["signed", "entered_into_force"]),
    # "the United States and Korea entered into the Agreement": the legal phrase for concluding it.
    (re.compile(r"\bentered into\b(?!\s+force)", re.I), ["signed"]),
    (re.compile(r"\b(?:re-?)?negotiat(?:ed|ion) (?:was |were )?(?:concluded|completed|finished)|\bconcluded negotiations", re.I),
     ["negotiations_concluded"]),
    (re.compile(r"\bnegotiations? (?:began|started|opened|launched)|\blaunched negotiations|\bbegan negotiat", re.I),
     ["negotiations_launched"]),
    (re.compile(r"\bratif(?:ied|ication|ying|y)|\bapproved by\b|\bpassed by\b", re.I), ["ratified"]),
    # "announced its withdrawal from the NPT in 1993": the announcement, not the withdrawal.
    (re.compile(r"\b(?:announced|announcing|declared|declaring|gave notice of)\s+(?:its|their|the|a)?\s*"
                r"(?:intention\s+to\s+withdraw|withdrawal|decision\s+to\s+withdraw)", re.I), ["announced"]),
    # Events that are not agreements: a war's outbreak, a test, a launch, a sinking, a shelling.
    (re.compile(r"\b(?:began|begun|broke out|outbreak|erupted|invaded|invasion)\b", re.I), ["began"]),
    (re.compile(r"\b(?:sank|sunk|sinking|torpedoed|shelled|shelling|bombarded|bombardment|attacked|bombing|bombed|"
                r"conducted|carried out|detonated|detonation|tested|test-fired|fired|launched|seized|seizure|"
                r"captured|shot down|occurred|happened)\b", re.I), ["occurred"]),
    (re.compile(r"\b(?:passed|approved|voted (?:for|on)|unanimously)\b", re.I), ["adopted", "ratified"]),
    (re.compile(r"\b(?:amended|amendments?|renegotiated|renegotiation|revised|revision)\b", re.I),
     ["amendment_signed", "amendment_entered_into_force", "amended"]),
    (re.compile(r"\b(?:signed|signing|inked|sealed)\b", re.I), ["signed", "adopted"]),
    (re.compile(r"\b(?:concluded|struck|reached)\b", re.I), ["signed", "negotiations_concluded", "adopted"]),
    (re.compile(r"\b(?:adopted|issued|announced|announcement|unveiled|released)\b", re.I), ["adopted", "signed", "announced"]),
    (re.compile(r"\b(?:held|host|hosts|hosted|hosting|took place|convened|met|gathered)\b", re.I), ["held", "occurred"]),
    (re.compile(r"\b(?:withdr[ae]w|withdrawal|pulled out)\b", re.I), ["terminated", "withdrew"]),
    (re.compile(r"\b(?:terminated|scrapped|suspended|collapsed|ended)\b", re.I), ["terminated", "expired", "ended"]),
]
# What a recurring meeting or another kind of event does, never an agreement the reference lacks: an
# unlisted name's "held" or "launched" is compared with nothing.
_OWN_EVENTS = frozenset({"held", "occurred", "began", "ended", "announced", "withdrew"})
# How far apart (characters) a cue and its date, or a name and its cue, may be within a sentence.
_REACH = 80
_NAME_TO_CUE = 60
# A noun between a name and a cue means the cue speaks of something else: "after the Hanoi summit,
# Kim's first summit with Putin took place in April 2019".
_OTHER_SUBJECT = re.compile(r"\b(?:summits?|meetings?|talks|agreements?|deals?|treat(?:y|ies)|declarations?|"
                            r"statements?|visits?|accords?|pacts?|orders?|acts?|laws?|protocols?|tenure|"
                            r"who|he|she|they)\b", re.I)

def extract_agreements(doc: Document, index: NameIndex, reference: Reference | None = None) -> list[AgreementMention]:
    """Mentions of agreements by name, alias or acronym, longest phrase first; and, with the
    reference, by a common noun ("the armistice", "a free trade agreement") where the text names
    one of the agreement's countries in the sentence or the two before it."""
    text = doc.text
    tokens = phrase_tokens(text)
    out: list[AgreementMention] = []
    # (first token, tokens, candidate agreements, a name shared with others rather than a common noun)
    nouns: list[tuple[int, int, list[str], bool]] = []
    i = 0
    while i < len(tokens):
        start, end, key = tokens[i]
        found: tuple[int, str] | None = None
        acronym = index.agreement_acronyms.get(text[start:end])
        if acronym is not None:
            found = (1, acronym)
        else:
            # Phrases keyed by their first two words ("north korea", "united nations"), so a text's
            # every "North" is not compared with every name that starts so; one-word phrases last.
            after = tokens[i + 1][2] if i + 1 < len(tokens) else ""
            for keys, entity_id in (*index.agreement_phrases.get((key, after), ()), *index.agreement_phrases.get((key,), ())):
                n = len(keys)
                if tuple(t[2] for t in tokens[i:i + n]) == keys and _one_line(text, tokens[i:i + n]):
                    found = (n, entity_id)
                    break
        if found is None:
            if reference is not None and key in index.agreement_nouns:
                noun = _noun_at(tokens, i, index)
                if noun is not None:
                    nouns.append((i, *noun, False))
                    i += noun[0]
                    continue
            i += 1
            continue
        n, entity_id = found
        if reference is not None and acronym is None and not _distinctive(text[start:tokens[i + n - 1][1]],
                                                                          dated(reference, entity_id)):
            # "the Washington Declaration" with no Korea near may be another one (US–New Zealand, 2012).
            nouns.append((i, n, [entity_id], True))
            i += n
            continue
        span = doc.span(start, tokens[i + n - 1][1])
        out.append(AgreementMention(text=doc.original[span.start:span.end], span=span, entity_id=entity_id))
        i += n
    if nouns and reference is not None:
        out.extend(_resolve_nouns(doc, tokens, nouns, reference))
        out.sort(key=lambda a: a.span.start)
    unlisted = _unlisted(doc, out)
    if unlisted:
        out = sorted([*out, *unlisted], key=lambda a: a.span.start)
    return out


# Agreements the reference does not hold, named by a proper name: "the Paris Agreement", "the Treaty
# of Versailles", "the U.S.-Jordan Free Trade Agreement". Their events are compared with each other
# (FL501), never with a record. A name must hold a word that says which agreement it is: "the Free
# Trade Agreement" or "the Joint Declaration" may be any of many.
_AGREEMENT_NOUN = re.compile(r"\b(?:Agreements?|Treaty|Accords?|Protocol|Conventions?|Declaration|Pact|Communiqu[eé])\b")
_NAME_WORD = re.compile(r"[A-Z][\w'’.]*(?:-(?:[A-Z][\w'’.]*|\d+))*")
_CONNECTOR = frozenset("of and for on between de to".split())  # "the" ends a name: see _name_around
_OPENERS = frozenset("the a an this that these those under in after since before with by as at from when while "
                     "following per our their its his her".split())
_GENERIC = frozenset("""
free trade agreement agreements bilateral joint peace framework comprehensive final new security defense defence
mutual partnership cooperation economic strategic nuclear arms control status forces military civil investment tax
basic general special interim provisional international global historic landmark treaty treaties accord accords
protocol convention conventions declaration pact communique communiqué charter statement united states nations u.s.
us u.s.a. america american first second third fourth fifth last next previous former same such each every any north
south east west relations friendship commerce navigation reciprocal trading energy climate environmental labor
fisheries maritime armistice ceasefire cease-fire nonproliferation non-proliferation test ban reduction limitation
offensive weapons chemical biological assistance extradition legal agreed minute minutes understanding memorandum
settlement transit normalization regional multilateral trilateral implementing supplementary additional optional
annex article disaster emergency major national state federal presidential executive public health of and for on
between the de to
""".split())


def _unlisted(doc: Document, listed: list[AgreementMention]) -> list[AgreementMention]:
    text = doc.text
    taken = sorted((a.span.start, a.span.end) for a in listed)  # disjoint, in order: found by bisection
    out: list[AgreementMention] = []
    for m in _AGREEMENT_NOUN.finditer(text):
        start, end = _name_around(text, m.start(), m.end())
        words = re.findall(r"[\w'’.-]+", text[start:end])
        if not any(w.lower().strip(".") not in _GENERIC and w.lower() not in _GENERIC for w in words):
            continue
        if "\n\n" in text[start:end]:
            continue
        span = doc.span(start, end)  # the mentions' spans are in the original's offsets
        i = bisect_left(taken, (span.end,))
        if i > 0 and taken[i - 1][1] > span.start:
            continue  # overlaps a name the reference holds
        written = doc.original[span.start:span.end]
        key = " ".join(w.lower().replace("’", "'") for w in words)
        out.append(AgreementMention(text=written, span=span, entity_id=key, listed=False, confidence=0.6,
                                    why=["a proper name the reference does not hold: compared only with other "
                                         "statements about it (FL501)"]))
        insort(taken, (span.start, span.end))
    return out


def _name_around(text: str, noun_start: int, noun_end: int) -> tuple[int, int]:
    """The proper name an agreement noun ends or opens: the capitalized words before it ("the U.S.-Jordan
    Free Trade Agreement"), with "of", "and", "for" between them, and "of the ..." after it ("the
    Treaty of Versailles"). Articles, years and sentence openers ("Under", "The") are not part of it."""
    start = noun_start
    window = max(0, noun_start - 120)
    for w in reversed(list(re.finditer(r"\S+", text[window:noun_start]))):
        word = w.group()
        if word.lower() == "the":
            break  # "the USSR and the Warsaw Pact": two names, not one; "The Paris Agreement" starts here
        if word.lower() in _CONNECTOR:
            continue  # kept only between two words of the name: `start` moves on words alone
        if (not _NAME_WORD.fullmatch(word) or word.lower() in _OPENERS
                or word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+(?:-\S+)?", word)):  # "Korea." ends a sentence
            break
        start = window + w.start()
    end = noun_end
    after = re.match(r"\s+(?:of|on)\s+(?:the\s+)?((?:[A-Z][\w'’-]*)(?:\s+(?:(?:of|and|on|the|for)\s+)*[A-Z][\w'’-]*)*)",
                     text[noun_end:noun_end + 120])
    if after:
        end = noun_end + after.end()
    return start, end


def _noun_at(tokens: list[tuple[int, int, str]], i: int, index: NameIndex) -> tuple[int, list[str]] | None:
    """The longest common noun of agreements starting at token i: its length and the agreements."""
    for keys, _ in index.agreement_nouns[tokens[i][2]]:
        n = len(keys)
        if tuple(t[2] for t in tokens[i:i + n]) == keys:
            return n, sorted({e for k, e in index.agreement_nouns[tokens[i][2]] if k == keys})
    return None


def _distinctive(written: str, agreement: Agreement) -> bool:
    """Does this form of the name say which agreement it is without help, by naming one of its
    countries ("US-ROK Mutual Defense Treaty", "Korean War armistice")? Even a full name may be
    shared: the United States signed a "Washington Declaration" with New Zealand too."""
    countries = _countries(agreement.name, tuple(agreement.parties))
    return countries is None or countries.search(written) is not None


@lru_cache(maxsize=256)
def _countries(agreement_name: str, parties: tuple[str, ...]) -> re.Pattern[str] | None:
    """The words for the agreement's countries, other than the United States and the UN (named in
    nearly every text that names anything): its parties, and the countries its name holds."""
    words = [pattern for name, pattern in COUNTRY_WORDS if name not in ("United States", "United Nations")
             and (name in parties or re.search(rf"\b(?:{pattern})\b", agreement_name))]
    return re.compile(rf"\b(?:{'|'.join(words)})\b") if words else None


# A word before a common noun that names another agreement of the kind: "the Peru free trade
# agreement", "the 2015 Iran deal". Articles, possessives and adjectives of time do not.
_DETERMINER = re.compile(r"(?:the|a|an|our|their|its|this|that|historic|landmark|bilateral|new|original)$", re.I)


@lru_cache(maxsize=1)
def _any_country() -> re.Pattern[str]:
    names = sorted(country_names(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def _resolve_nouns(doc: Document, tokens: list[tuple[int, int, str]], nouns: list[tuple[int, int, list[str], bool]],
                   reference: Reference) -> list[AgreementMention]:
    """Which agreement each common noun or shared name refers to, from the countries named in its
    sentence and the two before. A common noun needs one of the agreement's countries there; a shared
    name ("the Washington Declaration") is read as the reference's unless another country is named
    there and none of the agreement's ("the United States and New Zealand ... the 2012 Washington
    Declaration")."""
    text = doc.prose
    # Many nouns: one sentence pass over the text; a few: a window around each.
    spans = sentence_spans(text) if len(nouns) > 4 else None
    out: list[AgreementMention] = []
    for i, n, candidates, shared in nouns:
        start, end = tokens[i][0], tokens[i + n - 1][1]
        if i > 0 and tokens[i - 1][1] > start - 3 and not _DETERMINER.fullmatch(text[tokens[i - 1][0]:tokens[i - 1][1]]) \
                and text[tokens[i - 1][0]:tokens[i - 1][1]][:1].isupper() and not _sentence_opens(text, tokens[i - 1][0]):
            qualifier = text[tokens[i - 1][0]:tokens[i - 1][1]]
        else:
            qualifier = None
        context = with_sentences_before(text, start, spans=spans)
        fits: list[tuple[str, str]] = []  # (agreement, why)
        for entity_id in candidates:
            agreement = dated(reference, entity_id)
            countries = _countries(agreement.name, tuple(agreement.parties))
            ours = countries is not None and countries.search(context) is not None
            if shared:
                # Its own countries named: it. Else another country named: another agreement.
                if ours:
                    fits.append((entity_id, "may name other agreements: its countries are named in the sentence "
                                            "or the two before"))
                elif not any(m.group() not in agreement.parties and not m.group().startswith("United States")
                             for m in _any_country().finditer(context)):
                    fits.append((entity_id, "may name other agreements: no other country is named in the sentence "
                                            "or the two before"))
                continue
            if not ours:
                continue
            if qualifier is not None and not countries.fullmatch(qualifier):
                continue  # "the Peru free trade agreement": another one
            fits.append((entity_id, "is a common noun: the agreement's countries are named in the sentence or "
                                    "the two before"))
        if len(fits) == 1:
            span = doc.span(start, end)
            written = doc.original[span.start:span.end]
            entity_id, why = fits[0]
            out.append(AgreementMention(text=written, span=span, entity_id=entity_id, why=[f"“{written}” {why}"]))
        elif fits and not shared:
            # A noun several recorded events share ("the Panmunjom summit"): a date must fit one of them.
            span = doc.span(start, end)
            written = doc.original[span.start:span.end]
            ids = [entity_id for entity_id, _ in fits]
            out.append(AgreementMention(text=written, span=span, entity_id=ids[0], alternatives=ids[1:],
                                        why=[f"“{written}” names {len(ids)} recorded events: a date must fit one of them"]))
    return out


def _sentence_opens(text: str, at: int) -> bool:
    return not text[max(0, at - 3):at].strip() or text[max(0, at - 3):at].rstrip()[-1:] in ".!?\n"


def _one_line(text: str, tokens: list[tuple[int, int, str]]) -> bool:
    # A phrase may wrap across one line break, not run across a paragraph or a sentence end.
    between = text[tokens[0][0]:tokens[-1][1]]
    return "\n\n" not in between and not re.search(r"[.!?;]\s", between)


def extract_events(doc: Document, agreements: list[AgreementMention], dates: list[DateMention],
                   dated_after: Mapping[str, list[EventType]] | None = None,
                   sentences: list[tuple[int, int]] | None = None) -> list[EventClaim]:
    """`dated_after`: the ids of agreements and events a date straight after the name dates ("the
    summit at Camp David in August 2023"), with the events that date is of (none: any of them).
    `sentences`: the prose's sentence spans, when the caller has them."""
    text = doc.prose  # line breaks inside a paragraph read as spaces: "took⏎effect"
    at = doc.folded_at
    claims: list[EventClaim] = []
    if sentences is None:
        sentences = sentence_spans(text)
    agreements_in = by_sentence(sentences, agreements, lambda a: at(a.span.start))
    # Only dates with a written (or explicitly relative) year can contradict a record.
    dates_in = by_sentence(sentences, [d for d in dates if d.value is not None and not d.year_inferred],
                           lambda d: at(d.span.start))
    for (s_start, s_end), in_sentence, sentence_dates in zip(sentences, agreements_in, dates_in):
        if not in_sentence:
            continue
        used: set[int] = set()
        for agreement in in_sentence:
            # A date written straight before the name, or opening it: "the 1953 Mutual Defense Treaty".
            for d in sentence_dates:
                # "the 1953 Mutual Defense Treaty"; "the June 2023 Washington Declaration", where the
                # alias "2023 Washington Declaration" starts inside the date.
                opens_name = d.span.start <= agreement.span.start < d.span.end < agreement.span.end
                if opens_name or (d.span.end <= agreement.span.start and re.fullmatch(
                        r"[ \t*_]*", text[at(d.span.end):at(agreement.span.start)])):  # "the April 2023 *Washington Declaration*"
                    claims.append(_claim(agreement, d, [], None, "the date is written as part of the name"))
                    used.add(d.span.start)
                # A summit dated straight after its name: "the summit at Camp David in August 2023",
                # "the Panmunjom summit of June 2017".
                elif ((after := _dated_after(agreement, dated_after or {})) is not None
                      and d.span.start >= agreement.span.end
                      and re.fullmatch(r"\s+(?:in|of|on)\s+", text[at(agreement.span.end):at(d.span.start)])):
                    claims.append(_claim(agreement, d, after, None, "dated straight after its name"))
                    used.add(d.span.start)
        for agreement in in_sentence:
            counted = _counted(doc, text, (s_start, s_end), agreement, sentence_dates, at)
            if counted is not None:
                claims.append(counted)
        cues = _drop_overlaps(sorted(((m.start(), m.end(), types) for pattern, types in _CUES
                                      for m in pattern.finditer(text, s_start, s_end)), key=lambda c: c[0]))
        for c_start, c_end, types in cues:
            named = _agreement_for(text, c_start, c_end, in_sentence, at)
            if named is None:
                continue
            paired = _date_for_cue(text, c_end, cues, named, sentence_dates, at, used, s_start)
            if paired is None:
                continue
            date, how = paired
            why = [f"the cue “{text[c_start:c_end]}” speaks of “{named.text}”", how]
            used.add(date.span.start)
            if _AMENDING.search(text, max(s_start, at(named.span.start) - 60), at(named.span.start)):
                # "the 2018 protocol amending KORUS took effect in 2019": the amendment's event.
                types = [_AMENDMENT_EVENT.get(t, t) for t in types]
                why.append("the agreement is named as amended: the amendment's events")
            if not named.listed:
                # A meeting recurs under one name ("the Republican National Convention was held in
                # 2008"): only an agreement's own events are compared for a name the record lacks.
                types = [t for t in types if t not in _OWN_EVENTS]
                if not types:
                    continue
            claims.append(_claim(named, date, types, text[c_start:c_end], *why))
    return claims


def _dated_after(agreement: AgreementMention, dated_after: Mapping[str, list[EventType]]) -> list[EventType] | None:
    """The events a date straight after the name is of, when the name (or a name it shares) is dated so."""
    for entity_id in (agreement.entity_id, *(agreement.alternatives or ())):
        if entity_id in dated_after:
            return dated_after[entity_id]
    return None


# Counts of years from an event: "the 65th anniversary of the armistice", "70 years after the
# armistice was signed", "60 years since the treaty". Hedged counts ("nearly 80 years") are not
# read: they give no year to compare.
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
             "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10}
_COUNT_WORD = (r"\d{1,3}(?:st|nd|rd|th)?|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?"
               r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|one|two|three|four|five|six|"
               r"seven|eight|nine)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:ieth)?|ten|tenth|"
               r"twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth")
_COUNT = re.compile(rf"\b(?P<hedge>nearly|almost|about|around|more than|over|some|roughly|approximately)?\s*"
                    rf"(?P<n>{_COUNT_WORD})\s+(?:(?P<anniv>anniversary\s+of)|years?\s+(?:after|since))\s+"
                    rf"(?:the\s+)?(?:signing\s+of\s+(?:the\s+)?)?$", re.I)
# The time a count is counted from, when the sentence gives no year: its present.
_NOW = re.compile(r"\b(?:today|this year|now|marks?|marking|celebrates?|celebrating|commemorates?|commemorating|"
                  r"observes?|is|are)\b", re.I)


# Between a date and an event: the date is what the count is counted from, not the event's date.
_COUNTED_FROM = re.compile(r"\b(?:years?\s+(?:after|since|ago|before)|anniversary)\b", re.I)


def _number(word: str) -> int | None:
    word = word.lower()
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits.group())
    if word in _ORDINALS:
        return _ORDINALS[word]
    if word in _TENS:
        return _TENS[word]
    if word in _UNITS:
        return _UNITS[word]
    tens, _, unit = word.partition("-")
    if tens in _TENS:
        rest = _UNITS.get(unit) or _ORDINALS.get(unit)
        return _TENS[tens] + rest if rest and rest < 10 else None
    return None


def _counted(doc: Document, text: str, sentence: tuple[int, int], agreement: AgreementMention,
             dates: list[DateMention], at: Callable[[int], int]) -> EventClaim | None:
    """An event dated by a count of years before the sentence's time: "Today, 70 years after the
    armistice was signed", "this year marks the 70th anniversary of the armistice"."""
    s_start, s_end = sentence
    a = at(agreement.span.start)
    m = _COUNT.search(text, max(s_start, a - 60), a)
    if m is None or m.group("hedge"):
        return None
    n = _number(m.group("n"))
    if not n:
        return None
    # The year counted from: a written year in the sentence outside the count, else the article's
    # date when the sentence speaks in the present.
    anchors = [d for d in dates if d.value is not None and not d.year_inferred
               and not (m.start() <= at(d.span.start) < a)]
    if anchors:
        anchor = anchors[0].value.year  # type: ignore[union-attr]
        source = f"counted from the year written in the sentence (“{anchors[0].text}”)"
    elif doc.as_of is not None and _NOW.search(text, s_start, s_end):
        anchor = doc.as_of.year
        source = "counted from the article's date: the sentence speaks of its present"
    else:
        return None
    span = doc.span(m.start("n"), m.end())
    written = doc.original[span.start:span.end].rstrip()
    span = doc.span(m.start("n"), m.start("n") + len(written))
    date = DateMention(text=written, span=span, value=PartialDate(year=anchor - n), precision="year",
                       relative=True, confidence=0.7)
    cue = f"{m.group('n')} {'anniversary' if m.group('anniv') else 'years'} counted from {anchor}"
    return EventClaim(text=written, span=span, entity_id=agreement.entity_id, agreement_text=agreement.text,
                      listed=agreement.listed, event_types=[], cue=cue, date=date, counted_from=anchor,
                      why=[*(agreement.why or []), source], confidence=0.6)


def _drop_overlaps(cues: list[tuple[int, int, list[EventType]]]) -> list[tuple[int, int, list[EventType]]]:
    out: list[tuple[int, int, list[EventType]]] = []
    for cue in cues:
        if out and cue[0] < out[-1][1]:
            if cue[1] - cue[0] > out[-1][1] - out[-1][0]:
                out[-1] = cue
            continue
        out.append(cue)
    return out


def _agreement_for(text: str, c_start: int, c_end: int, agreements: list[AgreementMention],
                   at: Callable[[int], int]) -> AgreementMention | None:
    """The agreement a cue speaks of: named shortly before it with no other subject in between
    ("KORUS, which took effect..."), or straight after it ("the signing of KORUS")."""
    before = [a for a in agreements if at(a.span.end) <= c_start]
    if before:
        nearest = max(before, key=lambda a: at(a.span.start))
        between = text[at(nearest.span.end):c_start]
        if len(between) <= _NAME_TO_CUE and not _OTHER_SUBJECT.search(between) and ";" not in between:
            return nearest
    for a in agreements:
        # "the signing of KORUS", "met at Camp David"
        if at(a.span.start) >= c_end and re.fullmatch(r"\s+(?:(?:of|at|in|into|from)\s+)?(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
                                                      r"(?:(?:historic|landmark|bilateral|new|original|revised)\s+)?",
                                                      text[c_end:at(a.span.start)]):
            return a
    return None


def _date_for_cue(text: str, c_end: int, cues: list[tuple[int, int, list[EventType]]], agreement: AgreementMention,
                  dates: list[DateMention], at: Callable[[int], int], used: set[int],
                  s_start: int) -> tuple[DateMention, str] | None:
    """The nearest date after the cue that no later cue claims; else a date just before the name
    ("In 2012, KORUS took effect")."""
    later_cues = [c[0] for c in cues if c[0] >= c_end]
    next_cue = min(later_cues) if later_cues else None
    after = [d for d in dates if at(d.span.start) >= c_end and d.span.start not in used
             and at(d.span.start) - c_end <= _REACH and (next_cue is None or at(d.span.start) < next_cue)]
    if after:
        return min(after, key=lambda d: at(d.span.start)), "the nearest date after the cue"
    name_at = at(agreement.span.start)
    before = [d for d in dates if at(d.span.end) <= name_at and name_at - at(d.span.end) <= 40
              and d.span.start not in used and not _COUNTED_FROM.search(text, at(d.span.end), name_at)
              and not _OWN_DATE.search(text, max(0, at(d.span.start) - 40), at(d.span.start))]
    if before:
        return max(before, key=lambda d: at(d.span.start)), "no date after the cue: the date just before the name"
    # The date that opens the clause, with the agent between: "On June 30, 2007, negotiators for both
    # governments signed the agreement". Only when no other cue stands between that date and this one.
    c_start = max((c[0] for c in cues if c[1] <= c_end), default=c_end)
    earlier_cues = [c[1] for c in cues if c[1] <= c_start]
    # "Today — 70 years after the armistice was signed": a date of the article's present never opens
    # a clause about a past event's date.
    opening = [d for d in dates if at(d.span.end) <= c_start and d.span.start not in used and not d.relative
               and (not earlier_cues or at(d.span.start) >= max(earlier_cues))
               and (c_start - at(d.span.end) <= _REACH or opens_sentence(text, s_start, at(d.span.start)))
               and not _COUNTED_FROM.search(text, at(d.span.end), c_start)
               and not _OWN_DATE.search(text, max(0, at(d.span.start) - 40), at(d.span.start))]
    if not opening:
        return None
    return max(opening, key=lambda d: at(d.span.start)), "no date near the cue: the date that opens the clause"


# A name that an amendment is "of": "the protocol amending KORUS", "the revised KORUS".
_AMENDING = re.compile(r"(?:\b(?:protocols?|amendments?|revisions?|supplemental\s+agreement|side\s+letters?)\s+"
                       r"(?:amending|to|of|on|revising)|\b(?:revised|amended|renegotiated))\s+(?:the\s+)?$", re.I)
_AMENDMENT_EVENT: dict[EventType, EventType] = {"entered_into_force": "amendment_entered_into_force",
                                                "signed": "amendment_signed", "adopted": "amendment_signed"}


# A date that belongs to the document named just before it: "Presidential Proclamation 8783 of March 6,
# 2012, implemented the agreement" dates the proclamation, not the agreement's entry into force.
_OWN_DATE = re.compile(r"(?:\b[A-Z][\w-]*|\d+)\s+(?:of|dated)\s+$")


def _claim(agreement: AgreementMention, date: DateMention, types: list[EventType],
           cue: str | None, *why: str) -> EventClaim:
    return EventClaim(text=date.text, span=date.span, entity_id=agreement.entity_id,
                      agreement_text=agreement.text, listed=agreement.listed, alternatives=agreement.alternatives,
                      event_types=types, cue=cue, date=date,
                      why=[*(agreement.why or []), *why] or None,
                      confidence=0.8 if cue else 0.7)


# States a writer puts in another's place among an agreement's or event's parties: the "wrong China"
# (the Republic of China, on Taiwan, for the People's Republic), the Soviet Union for Russia. Only
# these are read: naming a state the record does not list is otherwise no error (a host, an observer).
CONFUSED_STATES: dict[str, re.Pattern[str]] = {
    "Republic of China": re.compile(r"(?<!People's )(?<!People’s )\bRepublic of China\b|\bTaiwan\b(?!\s+Strait)"
                                    r"|\bNationalist China\b"),
    "Soviet Union": re.compile(r"\b(?:the\s+)?Soviet Union\b|\bUSSR\b|\bU\.S\.S\.R\."),
}


# Words that put a state outside the parties: the sentence names it as one that was not there.
_NOT_A_PARTY = re.compile(r"\b(?:not|never|excluded|excluding|without|except|nor|outside|instead of|rather than|"
                          r"no longer|absent|observer)\b|n't\b", re.I)


def extract_parties(doc: Document, agreements: list[AgreementMention], sentences: list[tuple[int, int]]) -> list[PartyClaim]:
    """States named as confusable ones (CONFUSED_STATES) in a sentence that names one recorded
    agreement or event, and no other: "the Six-Party Talks brought together ... the Republic of China"."""
    text = doc.prose
    at = doc.folded_at
    out: list[PartyClaim] = []
    for (s_start, s_end), in_sentence in zip(sentences, by_sentence(sentences, agreements, lambda a: at(a.span.start))):
        named = {a.entity_id for a in in_sentence if a.listed and not a.alternatives}
        if len(named) != 1 or len(in_sentence) != sum(1 for a in in_sentence if a.entity_id in named):
            continue
        mention = in_sentence[0]
        for party, pattern in CONFUSED_STATES.items():
            for m in pattern.finditer(text, s_start, s_end):
                if m.start() < at(mention.span.end) and m.end() > at(mention.span.start):
                    continue  # inside the name itself
                if _NOT_A_PARTY.search(text, max(s_start, m.start() - 30), min(s_end, m.end() + 40)):
                    continue  # "Taiwan was not invited", "without the Soviet Union"
                span = doc.span(m.start(), m.end())
                out.append(PartyClaim(text=doc.original[span.start:span.end], span=span, entity_id=mention.entity_id,
                                      agreement_text=mention.text, party=party, confidence=0.7))
    return out
