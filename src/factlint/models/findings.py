"""Findings (a rule's verdict on a claim), what a run found, and problems with input files."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import field_validator

from .base import Model, Severity, Span
from .claims import Claim


class SourceRef(Model):
    id: str
    publisher: str
    title: str
    url: str


class Location(Model):
    """Another place a finding speaks of: for FL501, where the same fact is stated otherwise."""

    path: str
    span: Span


class Finding(Model):
    path: str
    code: str
    severity: Severity
    message: str
    span: Span
    text: str  # the characters the span covers
    suggestion: str | None = None
    entity_id: str | None = None
    source: SourceRef | None = None
    related: tuple[Location, ...] = ()

    @field_validator("code")
    @classmethod
    def _code_shape(cls, v: str) -> str:
        if not re.fullmatch(r"FL\d{3}", v):
            raise ValueError(f"bad rule code {v!r}")
        return v


class CheckResult(Model):
    """The findings for a whole run, and the files that were looked at."""

    findings: list[Finding]
    files_checked: int


class CheckedDocument(Model):
    """What a review page needs of one checked file: its text, what it claims, and which of those
    claims a rule compared with the record and found right."""

    path: str
    text: str
    claims: list[Claim]
    verified: frozenset[int] = frozenset()  # positions in `claims`
    # Per claim, what the reference holds about it, as Markdown lines (report/notes.py): the review
    # page's tooltip and the language server's hover show the same.
    notes: list[list[str]] = []


class Problem(Model):
    """Something wrong with an input file (reference, configuration): where, and what."""

    path: str
    line: int | None = None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class ReportLocation(Model):
    """Another place a finding speaks of, as the JSON output gives it."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def of(cls, loc: Location) -> ReportLocation:
        return cls(path=loc.path, line=loc.span.line, column=loc.span.column, end_line=loc.span.end_line,
                   end_column=loc.span.end_column)


class ReportFinding(Model):
    """One finding as the JSON output gives it (flat, for CI tools)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    severity: Severity
    message: str
    suggestion: str | None = None
    source: SourceRef | None = None
    text: str
    entity_id: str | None = None
    related: list[ReportLocation] = []  # FL501: where the same fact is stated otherwise

    @classmethod
    def of(cls, f: Finding) -> ReportFinding:
        return cls(path=f.path, line=f.span.line, column=f.span.column, end_line=f.span.end_line,
                   end_column=f.span.end_column, code=f.code, severity=f.severity, message=f.message,
                   suggestion=f.suggestion, source=f.source, text=f.text, entity_id=f.entity_id,
                   related=[ReportLocation.of(loc) for loc in f.related])


class Report(Model):
    """The JSON output of `factlint check --format json`. Stable: fields are only ever added."""

    version: Literal[1] = 1
    files_checked: int
    findings: list[ReportFinding]
