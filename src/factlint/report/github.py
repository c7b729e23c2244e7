"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

    ::error file=a.md,line=8,col=34,endLine=8,endColumn=45,title=FL101::"Kim Yo-Long" looks like...
"""

from __future__ import annotations

from ..models import CheckResult, Finding, Severity
from . import View

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    props = (f"file={_escape_property(f.path)},line={f.span.line},col={f.span.column},"
             f"endLine={f.span.end_line},endColumn={f.span.end_column},title={f.code}")
    message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
    if f.source:
        message += f"\nSource: {f.source.publisher}, {f.source.title} <{f.source.url}>"
    return f"::{_LEVEL[f.severity]} {props}::{_escape_data(message)}"


def render(result: CheckResult, view: View | None = None) -> str:
    return "".join(annotation(f) + "\n" for f in result.findings)
