"""The human format: `path:line:col: CODE message`, a snippet with a caret, the suggestion and source."""

from __future__ import annotations

from collections import Counter

from ..models import CheckResult, Finding, Severity
from . import Style, View, plain

_SNIPPET_WIDTH = 100
_COLOUR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render(result: CheckResult, view: View, *, concise: bool = False) -> str:
    """Each finding with a snippet (`view.lines_of(path, line)` gives a line of the checked file, None
    when unavailable), or one line per finding when `concise`; then the summary."""
    style = view.style
    out = [_head(f, style) + _tail(f) if concise else _finding(f, view.lines_of(f.path, f.span.line), style)
           for f in result.findings]
    if view.summary:
        out.append(summary(result, style))
    return "".join(line + "\n" for line in out)


def statistics(result: CheckResult, fixable: frozenset[str], names: dict[str, str]) -> str:
    """How many findings of each rule, most frequent first, as `ruff --statistics` prints them;
    [*] marks rules whose findings --fix applies."""
    counts = Counter(f.code for f in result.findings)
    return "".join(f"{n:>5}  {code}  {'[*]' if code in fixable else '   '}  {names.get(code, '')}\n"
                   for code, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _head(f: Finding, style: Style) -> str:
    return (f"{style(f.path, bold=True)}:{f.span.line}:{f.span.column}: "
            f"{style(f.code, fg=_COLOUR[f.severity], bold=True)} {f.message}")


def _tail(f: Finding) -> str:
    return f" (suggestion: {f.suggestion})" if f.suggestion else ""


def _finding(f: Finding, line_text: str | None, style: Style) -> str:
    colour = _COLOUR[f.severity]
    parts = [_head(f, style)]
    if line_text is not None and f.text:
        parts.extend(_snippet(f, line_text, style, colour))
    if f.suggestion:
        parts.append(f"    = suggestion: {f.suggestion}")
    if f.source:
        parts.append(f"    = source: {f.source.publisher}, \"{f.source.title}\" <{f.source.url}>")
    return "\n".join(parts) + "\n"  # a blank line between findings


def _snippet(f: Finding, line_text: str, style: Style, colour: str) -> list[str]:
    start = f.span.column - 1
    end = f.span.end_column - 1 if f.span.end_line == f.span.line else len(line_text)
    end = max(end, start + 1)
    # Long lines (a paragraph on one line) are cut to a window around the finding.
    left = max(0, min(start - 30, len(line_text) - _SNIPPET_WIDTH))
    right = min(len(line_text), max(left + _SNIPPET_WIDTH, end + 10))
    shown = ("…" if left else "") + line_text[left:right] + ("…" if right < len(line_text) else "")
    offset = start - left + (1 if left else 0)
    gutter = " " * len(str(f.span.line))
    shown = shown.replace("\t", " ")
    return [
        f"  {gutter} |",
        f"  {f.span.line} | {shown}",
        f"  {gutter} | {' ' * offset}{style('^' * (end - start), fg=colour, bold=True)}",
    ]


def summary(result: CheckResult, style: Style = plain) -> str:
    files = f"{result.files_checked} file{'s' if result.files_checked != 1 else ''}"
    if not result.findings:
        return style(f"All clear: no findings in {files}.", fg="green")
    by_severity = Counter(f.severity.value for f in result.findings)
    by_code = Counter(f.code for f in result.findings)
    paths = len({f.path for f in result.findings})
    kinds = ", ".join(f"{by_severity[s]} {s}{'s' if by_severity[s] != 1 else ''}"
                      for s in ("error", "warning", "info") if by_severity[s])
    codes = ", ".join(f"{code} ×{n}" for code, n in sorted(by_code.items()))
    n = len(result.findings)
    return f"Found {n} finding{'s' if n != 1 else ''} ({kinds}) in {paths} of {files}: {codes}."
