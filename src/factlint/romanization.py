"""Is a string a plausible romanized Korean given name?

Korean given names are one to three syllables, and English-language text spells each syllable in
Revised Romanization, McCune-Reischauer (diacritics dropped) or a customary spelling ("Yoon", "Soo").
A name one letter from a reference name that is itself made of real Korean syllables ("Kim Jong Nam"
beside "Kim Jong Un", "Lee Jae-yong" beside "Lee Jae-myung") is far more likely another person than a
typo, so the name rules stay silent on it. "Yo-Long" is not Korean: no syllable starts with "l".
"""

from __future__ import annotations

import re
from functools import lru_cache

_INITIALS = (
    "", "g", "k", "kk", "n", "d", "t", "tt", "r", "m", "b", "p", "pp", "s", "ss", "sh", "j", "jj",
    "ch", "tch", "h", "wh",
    "th", "kh", "ph",  # DPRK official spellings of aspirated consonants: "Pak Thae Song"
)
_VOWELS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
    # customary spellings in names: Yoon, Moon, Lee/Hee, Suh, Oh, Seok/Suk, Young, Hyuk
    "oo", "ee", "ou", "uh", "oh", "ah", "eh", "yoo", "you", "yuh", "eui", "wee", "woo", "wu", "ei", "ie", "oi",
)
_FINALS = ("", "k", "g", "ck", "kk", "n", "t", "d", "l", "m", "p", "b", "ng")


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    return frozenset(i + v + f for i in _INITIALS for v in _VOWELS for f in _FINALS)


def _segments(part: str, syllables: frozenset[str], max_syllables: int) -> bool:
    # Can `part` be cut into 1..max_syllables valid syllables? Syllables are at most 7 letters.
    reachable = {0: 0}
    for i in range(len(part)):
        if i not in reachable or reachable[i] >= max_syllables:
            continue
        for j in range(i + 1, min(len(part), i + 7) + 1):
            if part[i:j] in syllables:
                reachable[j] = min(reachable.get(j, max_syllables), reachable[i] + 1)
    return len(part) in reachable


def name_parts(text: str) -> list[str]:
    """The parts of a written name, split at spaces, hyphens and apostrophes: "Jae-in" → Jae, in."""
    return [p for p in re.split(r"[\s'-]+", text) if p]


def is_korean_given_name(text: str) -> bool:
    """True when `text` reads as a Korean given name: written in parts ("Jae-in", "Yo Jong"), each
    part one syllable, at most three; written as one word ("Jaein"), at most two syllables. The
    apostrophes of McCune-Reischauer ("Su'ng-ch'o'l", its breves and aspiration marks) are no breaks."""
    parts = [p for p in re.split(r"[\s-]+", re.sub(r"['’]", "", text.lower())) if p]
    if not parts or len(parts) > 3 or not all(p.isascii() and p.isalpha() for p in parts):
        return False
    syllables = _syllables()
    if len(parts) == 1:
        return _segments(parts[0], syllables, 2)
    return all(p in syllables for p in parts)


# Rewrites that take a romanized Korean name part to one spelling per sound, so that the systems in
# use (Revised, McCune-Reischauer without its breves, the DPRK's, customary spellings) meet: 정 is
# Jeong, Jong, Jung and Chung; 명 Myeong, Myong, Myung; 박 Bak, Pak, Park. Distinct sounds stay
# distinct (final n and ng; initial s, y, j), so Kim Song Nam never meets Kim Yong Nam.
_SKELETON = [
    (re.compile(r"ck"), "k"), (re.compile(r"r(?=[^aeiouy]|$)"), ""),  # "Back", customary "Park"
    (re.compile(r"yeo"), "yo"), (re.compile(r"eo"), "o"), (re.compile(r"eui|ui"), "i"),
    (re.compile(r"eu"), "u"), (re.compile(r"oo|ou"), "u"), (re.compile(r"ee"), "i"),
    (re.compile(r"oi"), "oe"), (re.compile(r"ae"), "e"), (re.compile(r"(?<=[aeiou])h$"), ""),
    (re.compile(r"o"), "u"),
    (re.compile(r"ch|tch"), "j"), (re.compile(r"sh"), "s"), (re.compile(r"th"), "t"), (re.compile(r"kh"), "k"),
    (re.compile(r"ph"), "p"), (re.compile(r"kk|k"), "g"), (re.compile(r"tt|t"), "d"), (re.compile(r"pp|p"), "b"),
    (re.compile(r"ss"), "s"), (re.compile(r"jj"), "j"), (re.compile(r"l"), "r"),
]


@lru_cache(maxsize=65536)  # asked of the same words again and again across a run
def sound_key(part: str, *, family: bool = False) -> str:
    """One spelling per sound for a romanized Korean name part ("Myong-bak" and "Myung-Back" give
    the same key); letters only, case and separators ignored. Family names also drop the initial
    sound before "i" that 이/리 are written with: Lee, Yi, Rhee, Ri and I meet."""
    key = "".join(ch for ch in part.lower() if ch.isalpha())
    if family:
        key = re.sub(r"^(?:rh|r|l|y)(?=i|ee)", "", key)
    for pattern, replacement in _SKELETON:
        key = pattern.sub(replacement, key)
    return key
