"""Findings (a rule's verdict on a claim) and problems with input files."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import field_validator

from .base import Model, Severity, Span


class SourceRef(Model):
    id: str
    publisher: str
    title: str
    url: str


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


class Problem(Model):
    """Something wrong with an input file (reference, configuration): where, and what."""

    path: str
    line: int | None = None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


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

    @classmethod
    def of(cls, f: Finding) -> ReportFinding:
        return cls(path=f.path, line=f.span.line, column=f.span.column, end_line=f.span.end_line,
                   end_column=f.span.end_column, code=f.code, severity=f.severity, message=f.message,
                   suggestion=f.suggestion, source=f.source, text=f.text, entity_id=f.entity_id)


class Report(Model):
    """The JSON output of `factlint check --format json`. Stable: fields are only ever added."""

    version: Literal[1] = 1
    files_checked: int
    findings: list[ReportFinding]
