"""Unicode folding for matching, with a map back to the original characters.

Articles arrive with curly quotes, non-breaking and zero-width spaces, several kinds of hyphen,
full-width Latin and decomposed (NFD) characters. Matching works on a folded copy of the text; every
folded character remembers which original characters it came from, so a finding's span always names
the exact characters in the file.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Callable, Sequence

# Characters removed outright: invisible formatting that only breaks words apart or hides them. Zero
# width spaces and joiners, the soft hyphen, bidirectional marks, embeddings, overrides and isolates,
# the combining grapheme joiner, invisible operators, variation selectors and tag characters.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f\u061c\u034f"
                       "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2061\u2062\u2063\u2064"
                       + "".join(map(chr, range(0xFE00, 0xFE10))) + "".join(map(chr, range(0xE0000, 0xE0080))))

_FOLD = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\uff07", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\uff02", '"'),
    # Hyphens and dashes used inside names ("Yoon Suk‑yeol" with U+2011) match as "-".
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    **dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                    "\u202f\u205f\u3000", " "),
}


# Cyrillic and Greek letters drawn exactly like Latin ones. Inside an otherwise Latin word they are
# look-alikes (pasted from a spoofed source, or typed on the wrong keyboard), and are folded to the
# Latin letter so the name still matches; FL104 then reports them. A word of Cyrillic or Greek alone
# ("Путин", "Сера") is left as it is.
CONFUSABLES = {
    **dict(zip("аеорсухіјѕһԁԛԝӏ", "aeopcyxijshdqwl")),
    **dict(zip("АВЕКМНОРСТУХІЈЅ", "ABEKMHOPCTYXIJS")),
    **dict(zip("ονρ", "ovp")),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX")),
}


def latin_lookalike(original: str, start: int, end: int) -> bool:
    """Is original[start:end], a confusable letter, inside a word written otherwise in Latin letters?"""
    left = start
    while left > 0 and start - left < 64 and original[left - 1].isalpha():
        left -= 1
    right = end
    while right < len(original) and right - end < 64 and original[right].isalpha():
        right += 1
    word = original[left:right]
    return any("a" <= c.lower() <= "z" for c in word) and all(c.isascii() or c in CONFUSABLES for c in word)


def _joins_previous(ch: str) -> bool:
    # Combining marks and Hangul medial/final jamo belong to the character before them: NFC folds
    # them together, so they must stay in one cluster.
    return bool(unicodedata.combining(ch)) or "\u1160" <= ch <= "\u11ff"


def fold_char_cluster(cluster: str) -> str:
    if cluster in _FOLD:
        return _FOLD[cluster]
    return unicodedata.normalize("NFKC", cluster)


class Folded:
    """Folded text plus, for every folded character, the original [start, end) it came from."""

    __slots__ = ("text", "starts", "ends")

    def __init__(self, text: str, starts: Sequence[int], ends: Sequence[int]) -> None:
        self.text = text
        self.starts = starts
        self.ends = ends

    def original_range(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded range [start, end) to the original range it covers."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


class FoldBuilder:
    """Builds a Folded text piece by piece: kept original text, replacements, and skipped regions."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        # Machine integers, not lists of Python ints: two offsets per character of a long article
        # would otherwise cost 16 bytes of pointers plus the int objects each.
        self._starts = array("q")
        self._ends = array("q")

    def keep(self, original: str, start: int, end: int,
             special: Callable[[str, int], tuple[str, int] | None] | None = None) -> None:
        """Fold original[start:end]. `special(original, i)` may claim a cluster at i (an HTML entity,
        say) by returning its folded text and where the cluster ends."""
        # Plain ASCII needs no folding: copy it in runs, and fold only the stretches around non-ASCII
        # characters (with the character before, which a combining mark joins) and, for HTML and
        # Markdown, around "&" where an entity may start.
        slow = _NON_ASCII_OR_AMP if special is not None else _NON_ASCII
        pos = start
        for m in slow.finditer(original, start, end):
            slow_start = m.start() - 1 if m.start() > pos and _joins_previous(original[m.start()]) else m.start()
            slow_end = m.end()
            if m.group() == "&":
                claimed = special(original, m.start()) if special else None
                if claimed is None:
                    continue  # a plain ampersand: copied with the ASCII around it
                slow_end = claimed[1]
            self._copy(original, pos, slow_start)
            self._fold(original, slow_start, slow_end, special)
            pos = slow_end
        self._copy(original, pos, end)

    def _copy(self, original: str, start: int, end: int) -> None:
        if end > start:
            self._parts.append(original[start:end])
            self._starts.extend(range(start, end))
            self._ends.extend(range(start + 1, end + 1))

    def _fold(self, original: str, start: int, end: int,
              special: Callable[[str, int], tuple[str, int] | None] | None) -> None:
        i = start
        while i < end:
            claimed = special(original, i) if special else None
            if claimed is not None:
                folded, j = claimed
            else:
                j = i + 1
                while j < end and _joins_previous(original[j]):
                    j += 1
                cluster = original[i:j]
                if cluster in _INVISIBLE:
                    i = j
                    continue
                if cluster in CONFUSABLES and latin_lookalike(original, i, j):
                    folded = CONFUSABLES[cluster]
                else:
                    folded = fold_char_cluster(cluster)
            self._parts.append(folded)
            self._starts.extend([i] * len(folded))
            self._ends.extend([j] * len(folded))
            i = j

    def replace(self, text: str, start: int, end: int) -> None:
        """Stand `text` in for original[start:end] (a skipped code block becomes a space)."""
        self._parts.append(text)
        self._starts.extend([start] * len(text))
        self._ends.extend([end] * len(text))

    def build(self) -> Folded:
        return Folded("".join(self._parts), self._starts, self._ends)


_NON_KEY = re.compile(r"[^0-9a-z]+")
_NON_WORD = re.compile(r"[\W_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_NON_ASCII_OR_AMP = re.compile(r"[^\x00-\x7f]+|&")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(text: str) -> str:
    """The form two spellings share when they differ only in case, spacing, hyphens, apostrophes
    or accents: "Kim Jong-un", "Kim Jong Un" and "KIM JONG UN" all give "kimjongun"."""
    if text.isascii():  # the common case, without the cost of Unicode decomposition
        return _NON_KEY.sub("", text.lower())
    # Letters of other scripts stay in the key ("김여정", decomposed to jamo alike from NFC and NFD).
    return _NON_WORD.sub("", strip_accents(text).casefold())


def display_form(text: str) -> str:
    """Whitespace collapsed, for messages: a name wrapped across lines reads as one line."""
    return " ".join(text.split())
