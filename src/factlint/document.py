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
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .models import Span
from .normalize import FoldBuilder, Folded
from .spans import contains, merge
from .yamlfile import YamlError, load_yaml

Kind = Literal["markdown", "text", "html"]

KIND_BY_SUFFIX: dict[str, Kind] = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html",
}


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

    def covers(self, code: str, at: int) -> bool:
        return self.start <= at < self.end and self.applies(code)


# Bounded and without adjacent runs of the same characters: an unclosed directive or a line of
# spaces must not make the scan quadratic.
_DIRECTIVE_COMMENT = re.compile(r"<!--\s*factlint:\s*(ignore|disable|enable)\b([^>]{0,500}?)-->", re.I)
_DIRECTIVE_LINE = re.compile(r"^[ \t]*(?:(?:#|//|--)[ \t]*)?factlint:[ \t]*(ignore|disable|enable)\b(.*)$", re.I | re.M)
_NEXT_BLOCK_END = re.compile(r"\r?\n[ \t]*\r?\n|\Z")
_NON_SPACE = re.compile(r"\S")


def suppressions(text: str, kind: Kind, code: Sequence[tuple[int, int]] = ()) -> tuple[Suppression, ...]:
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
    suppressions: tuple[Suppression, ...] = ()
    _line_starts: list[int] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        """The folded, stripped text the extractors read."""
        return self.folded.text

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



def decode(data: bytes) -> str:
    """Decode a file's bytes: UTF-8 (with or without BOM) or UTF-16/32 with a BOM. Anything else,
    or anything that looks binary, is an InputError."""
    return decode_with_encoding(data)[0]


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode_with_encoding(data: bytes) -> tuple[str, str, bytes]:
    """(text, codec, byte-order mark): what a fix needs to write the file back as it was."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), codec, bom
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {codec} text: {exc.reason} at byte {exc.start + len(bom)}") from None
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8", b""
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8: {exc.reason} at byte {exc.start}") from None


# No article is this long; a file that is (a pasted dump, a log) would cost minutes and gigabytes.
MAX_FILE_BYTES = 5_000_000

_NOT_REGULAR = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def read_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A regular file's bytes, or an InputError saying why not. Opened without blocking, so a named
    pipe or a device given as a file is reported instead of waiting or reading forever."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = next((name for test, name in _NOT_REGULAR if test(info.st_mode)), "not a regular file")
            raise InputError(f"not a regular file: {what}")
        if info.st_size > limit:
            raise InputError(f"file too large to check: {info.st_size:,} bytes (the limit is {limit:,})")
        try:
            data = handle.read(limit + 1)  # the size may have grown since fstat
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputError(f"file too large to check: over {limit:,} bytes")
    return data


def read_document(path: Path, *, as_of: dt.date | None = None, kind: Kind | None = None) -> Document:
    return parse_document(decode(read_file(path)), path=str(path), kind=kind or kind_for(path), as_of=as_of)


def kind_for(path: Path) -> Kind:
    return KIND_BY_SUFFIX.get(path.suffix.lower(), "text")


def parse_document(text: str, *, path: str = "<text>", kind: Kind = "markdown",
                   as_of: dt.date | None = None) -> Document:
    """Turn an article's text into a Document. `as_of` is used when the front matter has no date."""
    front: dict = {}
    problems: list[tuple[int, int, str]] = []
    code: list[tuple[int, int]] = []
    if kind == "markdown":
        skips, front, problem = _markdown_skips(text)
        code = _code_ranges(text)
        if problem:
            problems.append(problem)
        folded = _build(text, skips, entities=True)  # Markdown allows HTML entities too
    elif kind == "html":
        folded = _build(text, _html_skips(text) + _address_skips(text), entities=True)
    else:
        folded = _build(text, _address_skips(text), entities=False)
    date = _front_matter_date(front) or as_of
    line_starts = [start for start, _ in split_lines(text)]
    return Document(path=path, original=text, kind=kind, folded=folded, as_of=date, front_matter=front,
                    problems=tuple(problems), suppressions=suppressions(text, kind, code), _line_starts=line_starts)


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


# --- Markdown ----------------------------------------------------------------------------------

_FENCE_OPEN = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*$", re.M)
# Backtick runs, for inline code (see _inline_code); an escaped run opens nothing.
_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*?)?/?>")  # one \s, not \s+: no quadratic backtracking
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>", re.I)
_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]", re.I)
# Addresses written without a scheme ("state.gov/briefings/kim-yo-long") and e-mail addresses: a fix
# must never rewrite them.
_BARE_URL = re.compile(r"(?<![\w@./-])(?:[A-Za-z0-9-]+\.)+(?:com|org|net|gov|mil|edu|int|info|news|io|co|kr|kp|jp|cn|"
                       r"tw|ru|uk|us|de|fr|eu)(?![\w-])(?:/[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"])?")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# What is an address in every kind of document, never prose.
_ADDRESSES = (_AUTOLINK, _URL, _BARE_URL, _EMAIL)
_LINK_TARGET = re.compile(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)")
# "[id]: https://..." reference definitions; footnotes ("[^1]: text") are prose and stay.
_LINK_DEF = re.compile(r"^[ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*<?[^\s>]+>?(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*$", re.M)
# The label of a full reference link, "[the sister][Kim Yo-Long]": an identifier, not prose; rewriting
# it would break the link.
_LINK_LABEL = re.compile(r"(?<=\])\[[^\]\n]*\]")
_QUOTE_MARKERS = re.compile(r"[ ]{0,3}(?:>[ ]?)+")
_LIST_ITEM = re.compile(r"^[ ]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def split_lines(text: str) -> list[tuple[int, int]]:
    """[start, end) of each line without its line break. Only CR, LF and CRLF end a line, as for
    finding positions (str.splitlines also splits on form feeds and U+2028)."""
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        if m.start() == len(text) and out:
            break
        line = m.group()
        out.append((m.start(), m.start() + len(line.rstrip("\r\n"))))
    return out


def _front_matter_block(text: str) -> tuple[str, int, int, int] | None:
    """(marker, content start, content end, block end) of a leading ---/+++ block, if closed."""
    lines = split_lines(text)
    if not lines:
        return None
    first = text[lines[0][0]:lines[0][1]].lstrip("\ufeff").rstrip()
    if first not in ("---", "+++"):
        return None
    closers = ("---", "...") if first == "---" else ("+++",)
    for start, end in lines[1:]:
        if text[start:end].rstrip() in closers:
            content_end = start
            block_end = end + (2 if text[end:end + 2] == "\r\n" else 1 if end < len(text) else 0)
            return first, lines[0][1] + 1, max(lines[0][1] + 1, content_end), block_end
    return None


def _indented_code(text: str) -> list[tuple[int, int]]:
    """Indented code blocks: lines indented four spaces (or a tab) after a blank line, outside lists,
    in block quotes too (">     code")."""
    blocks: list[tuple[int, int]] = []
    previous_blank, in_list, current = True, False, None
    for start, end in split_lines(text):
        quote = _QUOTE_MARKERS.match(text, start, end)
        if quote:
            start = quote.end()
        line = text[start:end]
        blank = not line.strip()
        indented = line.startswith(("    ", "\t"))
        if current is not None:
            if blank or indented:
                if not blank:
                    current = (current[0], end)
                previous_blank = blank
                continue
            blocks.append(current)
            current = None
        if indented and not blank and previous_blank and not in_list:
            current = (start, end)
        elif not blank:
            in_list = bool(_LIST_ITEM.match(line)) or (in_list and indented)
        previous_blank = blank
    if current is not None:
        blocks.append(current)
    return blocks


def _markdown_skips(text: str) -> tuple[list[tuple[int, int]], dict, tuple[int, int, str] | None]:
    """Regions to skip, the front matter's data, and a problem with it (for FL902)."""
    skips: list[tuple[int, int]] = []
    front: dict = {}
    problem = None
    pos = 0
    block = _front_matter_block(text)
    if block:
        marker, c_start, c_end, b_end = block
        content = text[c_start:c_end]
        if marker == "+++":  # TOML front matter (Hugo): only the date is read
            date = re.search(r"^date\s*=\s*['\"]?(\d{4}-\d{2}-\d{2})", content, re.M)
            front, is_front = ({"date": date.group(1)} if date else {}), True
        else:
            front, is_front, problem = _front_matter(content, c_start, text)
        if is_front:
            skips.append((0, b_end))
            pos = b_end
    # Fenced code blocks: from an opening fence to the next fence of the same character and at least
    # the same length, or to the end of the file.
    while True:
        opening = _FENCE_OPEN.search(text, pos)
        if not opening:
            break
        fence = opening.group(1)
        closing = re.compile(rf"^[ ]{{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M).search(text, opening.end())
        end = closing.end() if closing else len(text)
        skips.append((opening.start(), end))
        pos = end
    skips.extend(_indented_code(text))
    fenced = merge(skips)

    def outside(start: int) -> bool:
        return not contains(fenced, start)

    skips.extend(span for span in _inline_code(text) if outside(span[0]))
    # Code, scripts and styles written as HTML inside Markdown are code too, tags and content.
    for pattern in (_COMMENT, _HTML_HIDDEN, _TAG, _LINK_TARGET, _LINK_LABEL, _LINK_DEF, *_ADDRESSES):
        for found in pattern.finditer(text):
            if outside(found.start()):
                start = found.start() + 1 if pattern is _LINK_TARGET else found.start()  # keep "]"
                skips.append((start, found.end()))
    return skips, front, problem


def _address_skips(text: str) -> list[tuple[int, int]]:
    """URLs and e-mail addresses in any kind of document: never prose, never to be fixed."""
    return [m.span() for pattern in _ADDRESSES for m in pattern.finditer(text)]


def _inline_code(text: str) -> list[tuple[int, int]]:
    """Code spans: a run of backticks to the next run of the same length (CommonMark), never across a
    blank line, so a stray backtick cannot hide two paragraphs of prose. Each run is looked up once,
    by bisection, so unmatched runs of many lengths cost no rescans."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for i, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(i)
    blanks = [m.start() for m in _BLANK_LINE.finditer(text)]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(runs):
        start, end = runs[i]
        if start > 0 and text[start - 1] == "\\":  # an escaped run opens nothing
            i += 1
            continue
        same = by_length[end - start]
        k = bisect.bisect_right(same, i)
        closer = same[k] if k < len(same) else None
        # No blank line may start between the opener and the closer.
        if closer is None or bisect.bisect_left(blanks, end) < bisect.bisect_left(blanks, runs[closer][0]):
            i += 1
            continue
        out.append((start, runs[closer][1]))
        i = closer + 1
    return out


def _code_ranges(text: str) -> list[tuple[int, int]]:
    """Fenced, indented and inline code: where a `factlint:` directive is an example, not a directive."""
    ranges = _inline_code(text) + _indented_code(text)
    pos = 0
    while opening := _FENCE_OPEN.search(text, pos):
        fence = opening.group(1)
        closing = re.compile(rf"^[ ]{{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M).search(text, opening.end())
        pos = closing.end() if closing else len(text)
        ranges.append((opening.start(), pos))
    return merge(ranges)  # sorted and disjoint, for bisection


def _front_matter(content: str, offset: int, text: str) -> tuple[dict, bool, tuple[int, int, str] | None]:
    """Parse YAML front matter: (data, whether it is front matter at all, problem). A block that
    parses to something other than a mapping is not front matter but prose between two rules."""
    try:
        data, _ = load_yaml(content)
    except YamlError as exc:
        lines = split_lines(content)
        line = min(max((exc.line or 1) - 1, 0), max(len(lines) - 1, 0))
        a, b = lines[line] if lines else (0, 0)
        return {}, True, (offset + a, offset + b, f"front matter is not valid YAML: {exc.message}")
    if data is None:
        return {}, True, None
    if not isinstance(data, dict):
        return {}, False, None
    return data, True, None


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

_HTML_HIDDEN = re.compile(r"<(script|style|code|pre|template|textarea|kbd|samp)\b[^<>]*>.*?(?:</\1\s*>|\Z)", re.S | re.I)
_HTML_TAG = re.compile(r"<[!/?]?[A-Za-z][^<>]*>")


def _html_skips(text: str) -> list[tuple[int, int]]:
    skips = [m.span() for m in _COMMENT.finditer(text)]
    skips += [m.span() for m in _HTML_HIDDEN.finditer(text)]
    skips += [m.span() for m in _HTML_TAG.finditer(text)]
    return skips
