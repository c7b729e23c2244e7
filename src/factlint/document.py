"""Reading articles: from bytes on disk to the text the extractors read, with offsets back to the file.

Markdown loses its front matter, code (fenced and inline), HTML comments and tags, and URLs; HTML
loses tags, comments, scripts and styles and has its entities decoded. Nothing is deleted from the
offset map: every character extractors see knows the original characters it stands for, so findings
point at the exact place in the file whatever was stripped.
"""

from __future__ import annotations

import bisect
import codecs
import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .models import Span
from .normalize import FoldBuilder, Folded
from .yamlfile import YamlError, load_yaml

Kind = Literal["markdown", "text", "html"]

KIND_BY_SUFFIX: dict[str, Kind] = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html",
}


class InputError(Exception):
    """A file that cannot be read or decoded as text (reported as FL901)."""


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
    _line_starts: list[int] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        """The folded, stripped text the extractors read."""
        return self.folded.text

    def span(self, start: int, end: int) -> Span:
        """The Span in the original file of folded text [start, end)."""
        a, b = self.folded.original_range(start, end)
        return self.original_span(a, b)

    def original_span(self, a: int, b: int) -> Span:
        line, col = self._position(a)
        end_line, end_col = self._position(b)
        return Span(start=a, end=b, line=line, column=col, end_line=end_line, end_column=end_col)

    def _position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.original)
        return self.original[start:end].rstrip("\r")


def decode(data: bytes) -> str:
    """Decode a file's bytes: UTF-8 (with or without BOM) or UTF-16/32 with a BOM. Anything else,
    or anything that looks binary, is an InputError."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {codec} text: {exc.reason} at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8: {exc.reason} at byte {exc.start}") from None


def read_document(path: Path, *, as_of: dt.date | None = None, kind: Kind | None = None) -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from None
    return parse_document(decode(data), path=str(path), kind=kind or kind_for(path), as_of=as_of)


def kind_for(path: Path) -> Kind:
    return KIND_BY_SUFFIX.get(path.suffix.lower(), "text")


def parse_document(text: str, *, path: str = "<text>", kind: Kind = "markdown",
                   as_of: dt.date | None = None) -> Document:
    """Turn an article's text into a Document. `as_of` is used when the front matter has no date."""
    front: dict = {}
    problems: list[tuple[int, int, str]] = []
    if kind == "markdown":
        skips, front_range = _markdown_skips(text)
        if front_range:
            front, problem = _front_matter(text, front_range)
            if problem:
                problems.append(problem)
        folded = _build(text, skips, entities=False)
    elif kind == "html":
        folded = _build(text, _html_skips(text), entities=True)
    else:
        folded = _build(text, [], entities=False)
    date = _front_matter_date(front) or as_of
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    return Document(path=path, original=text, kind=kind, folded=folded, as_of=date,
                    front_matter=front, problems=tuple(problems), _line_starts=line_starts)


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
    for start, end in _merge(skips):
        if start > pos:
            builder.keep(text, pos, start, special)
        # A skipped region still separates words; one that spanned lines still ends a sentence.
        builder.replace("\n" if "\n" in text[start:end] else " ", start, end)
        pos = max(pos, end)
    if pos < len(text):
        builder.keep(text, pos, len(text), special)
    return builder.build()


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


# --- Markdown ----------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FENCE_OPEN = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*$", re.M)
_INLINE_CODE = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>", re.I)
_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]", re.I)
_LINK_TARGET = re.compile(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)")
_LINK_DEF = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*\S+.*$", re.M)


def _markdown_skips(text: str) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    skips: list[tuple[int, int]] = []
    front = None
    m = _FRONT_MATTER.match(text)
    if m:
        front = (m.start(1), m.end(1))
        skips.append((0, m.end()))
    # Fenced code blocks: from an opening fence to the next fence of the same character and at least
    # the same length, or to the end of the file.
    pos = m.end() if m else 0
    while True:
        opening = _FENCE_OPEN.search(text, pos)
        if not opening:
            break
        fence = opening.group(1)
        closing = re.compile(rf"^[ ]{{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M).search(text, opening.end())
        end = closing.end() if closing else len(text)
        skips.append((opening.start(), end))
        pos = end
    fenced = _merge(skips)

    def outside(start: int) -> bool:
        i = bisect.bisect_right(fenced, (start, float("inf"))) - 1
        return i < 0 or start >= fenced[i][1]

    for pattern in (_COMMENT, _INLINE_CODE, _AUTOLINK, _TAG, _LINK_TARGET, _LINK_DEF, _URL):
        for found in pattern.finditer(text):
            if outside(found.start()):
                start = found.start() + 1 if pattern is _LINK_TARGET else found.start()  # keep "]"
                skips.append((start, found.end()))
    return skips, front


def _front_matter(text: str, rng: tuple[int, int]) -> tuple[dict, tuple[int, int, str] | None]:
    try:
        data, _ = load_yaml(text[rng[0]:rng[1]])
    except YamlError as exc:
        return {}, (rng[0], rng[1], f"front matter is not valid YAML: {exc.message}")
    if not isinstance(data, dict):
        return {}, (rng[0], rng[1], "front matter is not a mapping")
    return data, None


def _front_matter_date(front: dict) -> dt.date | None:
    value = front.get("date")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


# --- HTML --------------------------------------------------------------------------------------

_HTML_HIDDEN = re.compile(r"<(script|style|code|pre|template)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.S | re.I)
_HTML_TAG = re.compile(r"<[!/?]?[A-Za-z][^<>]*>")


def _html_skips(text: str) -> list[tuple[int, int]]:
    skips = [m.span() for m in _COMMENT.finditer(text)]
    skips += [m.span() for m in _HTML_HIDDEN.finditer(text)]
    skips += [m.span() for m in _HTML_TAG.finditer(text)]
    return skips
