"""What every rule is: a code, a name, a one-line summary, a default severity, and a docstring that
`factlint explain CODE` prints. A rule reads claims and returns findings; it never reads files."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from ..models import Claim, Finding, Location, Reference, Severity, SourceRef, Span
from ..record import sources_of


@dataclass(frozen=True)
class RuleContext:
    """What a rule may know besides the claims: the document's path and date, and the reference."""

    path: str
    reference: Reference
    as_of: dt.date | None = None
    # How far a figure may be from a series and still agree, as a fraction (0.02 = 2%); 0 means
    # equal at the precision the article states.
    figure_tolerance: float = 0.0

    def source(self, entity_id: str | None, source_id: str | None = None) -> SourceRef | None:
        """The record that proves a finding: the source named, else the first the entity cites."""
        named = self.reference.sources.get(source_id) if source_id else None
        sources = [named] if named else (sources_of(self.reference, entity_id) if entity_id else [])
        if not sources:
            return None
        src = sources[0]
        return SourceRef(id=src.id, publisher=src.publisher, title=src.title, url=src.url)


# What --fix may do with a rule's suggestion: apply it ("safe"), only show it, because an editor must
# read the sentence first ("unsafe"), or there is nothing to apply ("none").
FixSafety = Literal["safe", "unsafe", "none"]
_FIX_SAFETY: dict[str, str] = {
    "safe": "Safe: `factlint check --fix` applies the suggestion (`--diff` shows it first).",
    "unsafe": "Unsafe: `--fix` never applies it; the suggestion is for an editor who has read the sentence.",
    "none": "No automatic fix.",
}


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    enabled_by_default: ClassVar[bool] = True
    fix: ClassVar[FixSafety] = "none"
    # A problem with the input rather than a claim in it (FL9xx): never recorded in a baseline.
    input_problem: ClassVar[bool] = False
    # The input could not be checked at all (an unreadable file or claim file): the run exits 2.
    unchecked: ClassVar[bool] = False

    # A rule that compares claims across the documents of a run (FL501) sets this and implements
    # check_run; its check() sees nothing.
    run_level: ClassVar[bool] = False

    def check(self, claims: Sequence[Claim], ctx: RuleContext) -> Iterator[Finding]:
        return iter(())

    def check_run(self, documents: Sequence[tuple[str, Sequence[Claim]]], reference: Reference) -> Iterator[Finding]:
        return iter(())

    def agrees(self, claim: Claim, ctx: RuleContext) -> bool:
        """Did this rule compare `claim` with a record and find it right? The review page shows a claim
        as verified only then. A rule that could not check the claim (no record, no date to place
        it, a retrospective title it leaves alone) answers False: not checked is not verified."""
        return False

    @classmethod
    def compares(cls, claim: Claim) -> bool:
        """Whether check_run looks at this claim: only those are kept from each document of a run
        (and sent back from worker processes)."""
        return cls.run_level

    def finding(self, ctx: RuleContext, span: Span, text: str, message: str, *,
                suggestion: str | None = None, entity_id: str | None = None,
                source_id: str | None = None, related: Sequence[Location] = ()) -> Finding:
        return Finding(path=ctx.path, code=self.code, severity=self.severity, message=message, span=span,
                       text=text, suggestion=suggestion, entity_id=entity_id,
                       source=ctx.source(entity_id, source_id), related=tuple(related))

    @classmethod
    def section(cls, heading: str) -> str:
        """One section of the docstring ("What it catches"), as one line: for tables."""
        doc = inspect.cleandoc(cls.__doc__ or "")
        _, found, rest = doc.partition(f"\n{heading}\n")
        return " ".join(rest.split("\n\n", 1)[0].split()) if found else ""

    @classmethod
    def documentation(cls) -> str:
        """The docstring, with its "Fix safety" section opened by what --fix really does (derived from
        `fix`, so the documentation, --fix and its help cannot disagree)."""
        doc = inspect.cleandoc(cls.__doc__ or cls.summary)
        head, found, notes = doc.partition("\nFix safety\n")
        notes = "\n".join(line.strip() for line in notes.splitlines()).strip()
        if notes in ("", _FIX_SAFETY["none"]):
            notes = ""
        lines = [_FIX_SAFETY[cls.fix], *notes.splitlines()]
        body = "\n".join(f"    {line}" if line else "" for line in lines)
        return f"{head.rstrip()}\n\nFix safety\n{body}" if found or cls.fix != "none" else doc
