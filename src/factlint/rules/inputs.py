"""FL9xx: problems with the input itself. Reported by the file-reading edge, not from claims."""

from __future__ import annotations

from collections.abc import Iterator, Set
from typing import ClassVar

from ..document import Document
from ..models import Finding, Problem, Reference, Severity, Span
from .base import Rule, RuleContext


class UnreadableFile(Rule):
    """File cannot be read or decoded.

    What it catches
        A file that cannot be opened, is binary (a NUL byte anywhere), or is not valid UTF-8 (or
        UTF-16/32 with a byte-order mark); a path that is not a regular file (a named pipe, a device),
        which is reported rather than waited on; a file over 5 MB, which no article is. Also a file
        factlint itself failed on: that is a bug to report, and the run goes on without it.

    Why it matters
        A file factlint cannot read is a file nobody checked. The run goes on with the other files and
        the exit code reports the failure.

    Example
        notes.txt saved as Windows-1252 with "café" in it  →  re-save as UTF-8.

    Fix safety
        No automatic fix.
    """

    code = "FL901"
    input_problem: ClassVar[bool] = True
    unchecked: ClassVar[bool] = True
    name = "unreadable-file"
    summary = "A file that cannot be read or decoded as text"
    severity = Severity.ERROR

    def file_finding(self, path: str, message: str, reference: Reference) -> Finding:
        """The finding for a file that could not be read: it has no text, so it points at 1:1."""
        ctx = RuleContext(path=path, reference=reference)
        return self.finding(ctx, Span(start=0, end=0, line=1, column=1, end_line=1, end_column=1), "", message)

    def failure(self, path: str, exc: Exception, reference: Reference) -> Finding:
        """factlint itself failed on the file: a bug, not the author's fault. Said at the file, and
        the run goes on with the others."""
        return self.file_finding(path, f"factlint failed on this file ({type(exc).__name__}: {exc}); "
                                       "please report it as a bug", reference)


class InvalidFrontMatter(Rule):
    """Front matter is not valid YAML.

    What it catches
        A Markdown file whose `---` front matter block does not parse, or is not a mapping.

    Why it matters
        The front matter's `date:` is the article's date; without it, checks that depend on when the
        article was written fall back to --as-of or stay silent.

    Example
        date: 2023-05-15: draft    →  date: 2023-05-15

    Fix safety
        No automatic fix.
    """

    code = "FL902"
    input_problem: ClassVar[bool] = True
    name = "invalid-front-matter"
    summary = "Markdown front matter that is not valid YAML"

    def check_document(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        for start, end, message in doc.problems:
            yield self.finding(ctx, doc.original_span(start, end), doc.original[start:end], message)


class InvalidClaimFile(Rule):
    """Claim file that cannot be read.

    What it catches
        A `.claims.yaml` file that is not valid YAML or does not match the claims schema (an unknown
        field, a claim kind factlint does not know, a date that is no date), reported at the line of
        the offending node.

    Why it matters
        Claim files are written by hand and by other tools. One that cannot be read is one whose claims
        nobody checked; the other files are still checked.

    Example
        kind: dates   →  kind: date   (see `factlint schema claims`)

    Fix safety
        No automatic fix.
    """

    code = "FL903"
    input_problem: ClassVar[bool] = True
    unchecked: ClassVar[bool] = True
    name = "invalid-claim-file"
    summary = "A claim file that is not valid YAML or does not match the claims schema"
    severity = Severity.ERROR

    def problem_finding(self, problem: Problem, reference: Reference) -> Finding:
        line = problem.line or 1
        ctx = RuleContext(path=problem.path, reference=reference)
        return self.finding(ctx, Span(start=0, end=0, line=line, column=1, end_line=line, end_column=1), "",
                            problem.message)


class UnusedSuppression(Rule):
    """Suppression that suppresses nothing.

    What it catches
        A `factlint: ignore` or `disable` directive under which no finding would be reported, like
        ruff's RUF100. Off by default; select it to keep suppressions honest.

    Why it matters
        A stale suppression hides the next real error written under it.

    Example
        <!-- factlint: ignore FL101 --> above a paragraph whose names are all spelled right  →  remove it

    Fix safety
        Remove the directive by hand.
    """

    code = "FL904"
    input_problem: ClassVar[bool] = True
    name = "unused-suppression"
    summary = "An inline suppression that suppresses no finding (off by default)"
    severity = Severity.INFO
    enabled_by_default = False

    def unused(self, doc: Document, ctx: RuleContext, used: Set[tuple[int, int]]) -> Iterator[Finding]:
        """A finding at each directive of `doc` not in `used` (directives by their place in the text),
        spanning the directive itself without the whitespace around it."""
        for s in doc.suppressions:
            if s.directive in used:
                continue
            a, b = s.directive
            written = doc.original[a:b]
            a, b = a + len(written) - len(written.lstrip()), b - len(written) + len(written.rstrip())
            codes = ", ".join(sorted(s.codes)) or "every rule"
            yield self.finding(ctx, doc.original_span(a, b), doc.original[a:b],
                               f"suppression of {codes} suppresses nothing here")
