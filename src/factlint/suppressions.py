"""Inline suppression directives: `<!-- factlint: ignore FL101 -->`, `disable` and `enable` (in text
files, a line `factlint: ignore FL101`), and the original text each one covers."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .markup import Kind
from .spans import contains


@dataclass(frozen=True)
class Suppression:
    """An inline `factlint: ignore|disable` directive and the original text it covers."""

    start: int  # covered range
    end: int
    codes: frozenset[str]  # codes or prefixes; empty means every rule...
    directive: tuple[int, int]  # where the directive itself is written
    exempt: frozenset[str] = frozenset()  # ...except these (a partial `enable` after `disable`)

    def applies(self, code: str) -> bool:
        """Whether it silences `code` at all (wherever it reaches)."""
        if any(code.startswith(c) for c in self.exempt):
            return False
        return not self.codes or any(code.startswith(c) for c in self.codes)


# Bounded and without adjacent runs of the same characters: an unclosed directive or a line of
# spaces must not make the scan quadratic.
_DIRECTIVE_COMMENT = re.compile(r"<!--\s*factlint:\s*(ignore|disable|enable)\b([^>]{0,500}?)-->", re.I)
_DIRECTIVE_LINE = re.compile(r"^[ \t]*(?:(?:#|//|--)[ \t]*)?factlint:[ \t]*(ignore|disable|enable)\b(.*)$", re.I | re.M)
_NEXT_BLOCK_END = re.compile(r"\r?\n[ \t]*\r?\n|\Z")
_NON_SPACE = re.compile(r"\S")


def find_suppressions(text: str, kind: Kind, code: Sequence[tuple[int, int]] = ()) -> tuple[Suppression, ...]:
    """`<!-- factlint: ignore FL101 -->` covers the next block (paragraph, list, table), or its own
    line when it ends a line of text; `disable` covers everything up to the `enable` that lifts it (or
    the end). In text files the directive is a line `factlint: ignore FL101`. Directives inside code
    (`code`: sorted, disjoint ranges) are examples, not directives."""
    pattern = _DIRECTIVE_LINE if kind == "text" else _DIRECTIVE_COMMENT
    out: list[Suppression] = []
    open_: list[tuple[int, frozenset[str], frozenset[str], tuple[int, int]]] = []
    # Looked up by bisection, and the current line's start carried along: thousands of directives in
    # one file must not each scan the code ranges, the line or the rest of the text again.
    block_ends = [m.start() for m in _NEXT_BLOCK_END.finditer(text)]
    line_start, scanned = 0, 0
    for m in pattern.finditer(text):
        if contains(code, m.start()):
            continue
        newline = text.rfind("\n", scanned, m.start())
        line_start, scanned = (newline + 1 if newline >= 0 else line_start), m.start()
        verb, codes = m.group(1).lower(), frozenset(re.findall(r"FL\d{1,3}", m.group(2).upper()))
        if verb == "ignore":
            if _NON_SPACE.search(text, line_start, m.start()):  # "Kim Yo-Long spoke. <!-- factlint: ignore -->"
                start, end = line_start, m.start()
            else:
                body = _NON_SPACE.search(text, m.end())
                start = body.start() if body else m.end()
                # The first blank line at or after `start` (text at `start` is not blank, so no
                # separator found from the beginning straddles it).
                end = block_ends[bisect.bisect_left(block_ends, start)]
            out.append(Suppression(start, end, codes, m.span()))
        elif verb == "disable":
            open_.append((m.end(), codes, frozenset(), m.span()))
        else:
            still = []
            for start, disabled, exempt, where in open_:
                out.append(Suppression(start, m.start(), disabled, where, exempt))
                # A partial enable lifts only the codes it names; the rest stay disabled.
                if codes and disabled and disabled - codes:
                    still.append((m.end(), disabled - codes, exempt, where))
                elif codes and not disabled:
                    still.append((m.end(), frozenset(), exempt | codes, where))
            open_ = still
    out.extend(Suppression(start, len(text), codes, where, exempt) for start, codes, exempt, where in open_)
    return tuple(sorted(out, key=lambda s: (s.directive, s.start)))
