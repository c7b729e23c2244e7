"""Words and runs of capitalized words: where names, titles and organizations can be."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import name_key

# A word, with apostrophes ("O'Brien") and hyphens before lower case ("Jae-in") inside it. A hyphen
# before a capital starts a new word, so "Putin-Kim Jong Un" holds the name "Kim Jong Un".
WORD = re.compile(r"[^\W\d_]+(?:(?:'|-(?=[^\W\d_](?<![A-Z])))[^\W\d_]+)*")
# Lower-case words that may sit inside a name: "Ministry of Foreign Affairs", "Workers' Party of Korea".
CONNECTORS = frozenset({"of", "the", "for", "and", "on", "de", "del", "la", "von", "van", "der", "bin", "al"})
# Between two words of one name: spaces with at most one line break, a hyphen ("Yo-Jong"), or after
# a plural possessive an apostrophe ("Workers' Party").
_GAP = re.compile(r"-|'?[ \t]*(?:\r?\n[ \t]*)?")
@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    key: str
    initial: bool  # "H." in "H. R. McMaster"
    connector: bool

    @property
    def word(self) -> bool:
        return not self.connector and not self.initial


def tokenize_runs(text: str) -> list[list[Token]]:
    """Runs of capitalized words (with connectors and initials inside), the places names can be."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for m in WORD.finditer(text):
        word = m.group()
        if word[0].islower() and word not in CONNECTORS and word[:-2] not in CONNECTORS:
            # Most words: lower case, not inside a name (the possessive "the's" is still a connector).
            if current:
                _close(current, runs)
                current = []
            continue
        start, end = m.span()
        if word[-2:] in ("'s", "'S") and len(word) > 2:  # possessive: "Kim Jong Un's"
            word, end = word[:-2], end - 2
        initial = len(word) == 1 and word.isupper() and text[end:end + 1] == "."
        if initial:
            end += 1
        # Scripts without case (Hangul, Chinese, Arabic...) can hold names anywhere: "김여정".
        capitalized = not word[0].islower()
        connector = not capitalized and word in CONNECTORS
        if not capitalized and not connector:
            _close(current, runs)
            current = []
            continue
        token = Token(start, end, text[start:end], name_key(word), initial, connector)
        if current:
            gap = text[current[-1].end:start]
            joined = (gap == "" and current[-1].initial) or (gap != "" and _GAP.fullmatch(gap) is not None)
            if not joined:
                _close(current, runs)
                current = []
        current.append(token)
    _close(current, runs)
    return runs


def _close(run: list[Token], runs: list[list[Token]]) -> None:
    while run and run[-1].connector:
        run = run[:-1]
    while run and run[0].connector:
        run = run[1:]
    if run:
        runs.append(run)
