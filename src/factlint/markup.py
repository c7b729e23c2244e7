"""Markup: what in a file is not prose. Markdown loses its front matter, code (fenced, indented and
inline), HTML comments and tags, struck-out text, link targets and URLs; HTML loses tags, comments,
scripts, styles and struck-out text;
plain text loses only addresses. Each function returns [start, end) ranges of the original text to
skip; document.py folds what is left."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from pathlib import Path
from typing import Literal

from .spans import contains, merge
from .yamlfile import YamlError, load_yaml

Kind = Literal["markdown", "text", "html"]

KIND_BY_SUFFIX: dict[str, Kind] = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html",
}


def kind_for(path: Path) -> Kind:
    return KIND_BY_SUFFIX.get(path.suffix.lower(), "text")


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


def markdown_skips(text: str) -> tuple[list[tuple[int, int]], dict, tuple[int, int, str] | None]:
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
    for pattern in (_COMMENT, _HTML_HIDDEN, _STRUCK, _STRUCK_MD, _TAG, _LINK_TARGET, _LINK_LABEL, _LINK_DEF, *_ADDRESSES):
        for found in pattern.finditer(text):
            if outside(found.start()):
                start = found.start() + 1 if pattern is _LINK_TARGET else found.start()  # keep "]"
                skips.append((start, found.end()))
    return skips, front, problem


def address_skips(text: str) -> list[tuple[int, int]]:
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


def code_ranges(text: str) -> list[tuple[int, int]]:
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


def front_matter_date(front: dict) -> dt.date | None:
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

# Struck-out text is deleted text, not what the article says: a transcript's "Vice President
# <s>Trump</s> [Harris]" corrects the slip it shows. Closed elements only; GFM's ~~text~~ within a line.
_STRUCK = re.compile(r"<(s|del|strike)\b[^<>]*>.*?</\1\s*>", re.S | re.I)
_STRUCK_MD = re.compile(r"(?<!~)~~(?!~)[^\n~][^\n~]*?~~(?!~)")
_HTML_HIDDEN = re.compile(r"<(script|style|code|pre|template|textarea|kbd|samp)\b[^<>]*>.*?(?:</\1\s*>|\Z)", re.S | re.I)
_HTML_TAG = re.compile(r"<[!/?]?[A-Za-z][^<>]*>")


def html_skips(text: str) -> list[tuple[int, int]]:
    skips = [m.span() for m in _COMMENT.finditer(text)]
    skips += [m.span() for m in _HTML_HIDDEN.finditer(text)]
    skips += [m.span() for m in _STRUCK.finditer(text)]
    skips += [m.span() for m in _HTML_TAG.finditer(text)]
    return skips
