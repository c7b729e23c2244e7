"""What every rule is: a code, a name, a one-line summary, a default severity, and a docstring that
`factlint explain CODE` prints. A rule reads claims and returns findings; it never reads files."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from ..models import Claim, Finding, Reference, Severity, SourceRef, Span


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
        sources = [named] if named else (self.reference.sources_of(entity_id) if entity_id else [])
        if not sources:
            return None
        src = sources[0]
        return SourceRef(id=src.id, publisher=src.publisher, title=src.title, url=src.url)


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    enabled_by_default: ClassVar[bool] = True

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
                source_id: str | None = None) -> Finding:
        return Finding(path=ctx.path, code=self.code, severity=self.severity, message=message, span=span,
                       text=text, suggestion=suggestion, entity_id=entity_id,
                       source=ctx.source(entity_id, source_id))

    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or cls.summary)
