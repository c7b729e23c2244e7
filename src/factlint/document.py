"""Reading articles: from bytes on disk to the text the extractors read, with offsets back to the file.

Markup (markup.py) says what is not prose; here the rest is folded (normalize.py) into the text the
extractors read. Nothing is deleted from the offset map: every character extractors see knows the
original characters it stands for, so findings point at the exact place in the file whatever was
stripped.
"""

from __future__ import annotations

import bisect
import datetime as dt
import html
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .markup import (
    Kind,
    address_skips,
    code_ranges,
    front_matter_date,
    html_skips,
    kind_for,
    markdown_skips,
    split_lines,
)
from .models import Span
from .normalize import FoldBuilder, Folded
from .read import decode, read_file
from .spans import merge
from .suppressions import Suppression, find_suppressions


# A line that starts a block of its own: a heading, a list item, a quote, a table row.
_BLOCK_START = re.compile(r"[ \t]*(?:#|>|\||[-*+][ \t]|\d+[.)][ \t]|\n|$)")


def soft_wrapped(text: str) -> str:
    """`text` with each line break inside a paragraph made a space (same length, same offsets)."""
    parts: list[str] = []
    start = 0  # of the current line
    i = text.find("\n")
    while i != -1:
        line = text[start:i].strip()
        soft = bool(line) and not line.startswith("#") and not _BLOCK_START.match(text, i + 1)
        parts.append(text[start:i] + (" " if soft else "\n"))
        start = i + 1
        i = text.find("\n", start)
    parts.append(text[start:])
    return "".join(parts)


@dataclass(frozen=True)
class Document:
    """An article ready for extraction. (A plain dataclass, not a pydantic model: it holds the offset
    arrays, which are working state, not data that crosses a boundary.)"""

    path: str
    original: str
    kind: Kind
    folded: Folded
    as_of: dt.date | None = None
    front_matter: dict = field(default_factory=dict)
    problems: tuple[tuple[int, int, str], ...] = ()  # (start, end, message) for FL902
    suppressions: tuple[Suppression, ...] = ()
    _line_starts: list[int] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        """The folded, stripped text the extractors read."""
        return self.folded.text

    @cached_property
    def prose(self) -> str:
        """The folded text with each line break inside a paragraph read as a space, offsets unchanged:
        hard-wrapped text ("took⏎effect", "National Security⏎Adviser") reads as written on one line.
        A blank line, a heading and the start of a list item, quote or table row stay breaks."""
        return soft_wrapped(self.folded.text)

    def span(self, start: int, end: int) -> Span:
        """The Span in the original file of folded text [start, end)."""
        a, b = self.folded.original_range(start, end)
        return self.original_span(a, b)

    def folded_at(self, original: int) -> int:
        """Where original offset `original` falls in the folded text (extractors reason in folded
        text; claims carry original spans)."""
        return bisect.bisect_left(self.folded.starts, original)

    def original_span(self, a: int, b: int) -> Span:
        line, col = self._position(a)
        end_line, end_col = self._position(b)
        return Span(start=a, end=b, line=line, column=col, end_line=end_line, end_column=end_col)

    def _position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1


def read_document(path: Path, *, as_of: dt.date | None = None, kind: Kind | None = None) -> Document:
    return parse_document(decode(read_file(path)), path=str(path), kind=kind or kind_for(path), as_of=as_of)


def parse_document(text: str, *, path: str = "<text>", kind: Kind = "markdown",
                   as_of: dt.date | None = None) -> Document:
    """Turn an article's text into a Document. `as_of` is used when the front matter has no date."""
    front: dict = {}
    problems: list[tuple[int, int, str]] = []
    code: list[tuple[int, int]] = []
    if kind == "markdown":
        skips, front, problem = markdown_skips(text)
        code = code_ranges(text)
        if problem:
            problems.append(problem)
        folded = _build(text, skips, entities=True)  # Markdown allows HTML entities too
    elif kind == "html":
        folded = _build(text, html_skips(text) + address_skips(text), entities=True)
    else:
        folded = _build(text, address_skips(text), entities=False)
    date = front_matter_date(front) or as_of
    line_starts = [start for start, _ in split_lines(text)]
    return Document(path=path, original=text, kind=kind, folded=folded, as_of=date, front_matter=front,
                    problems=tuple(problems), suppressions=find_suppressions(text, kind, code), _line_starts=line_starts)


# --- building the folded text ------------------------------------------------------------------

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _html_entity(original: str, i: int) -> tuple[str, int] | None:
    if original[i] != "&":
        return None
    m = _ENTITY.match(original, i)
    if not m:
        return None
    decoded = html.unescape(m.group())
    if decoded == m.group():
        return None
    builder = FoldBuilder()
    builder.keep(decoded, 0, len(decoded))
    return builder.build().text, m.end()


def _build(text: str, skips: list[tuple[int, int]], *, entities: bool) -> Folded:
    builder = FoldBuilder()
    special = _html_entity if entities else None
    pos = 0
    for start, end in merge(skips):
        if start > pos:
            builder.keep(text, pos, start, special)
        # A skipped region still separates words; one that spanned lines still ends a sentence.
        builder.replace("\n" if "\n" in text[start:end] else " ", start, end)
        pos = max(pos, end)
    if pos < len(text):
        builder.keep(text, pos, len(text), special)
    return builder.build()
