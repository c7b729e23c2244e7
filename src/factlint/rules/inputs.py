"""FL9xx: problems with the input itself. Reported by the file-reading edge, not from claims."""

from __future__ import annotations

from ..models import Severity
from .base import Rule


class UnreadableFile(Rule):
    """File cannot be read or decoded.

    What it catches
        A file that cannot be opened, is binary, or is not valid UTF-8 (or UTF-16/32 with a byte-order
        mark).

    Why it matters
        A file factlint cannot read is a file nobody checked. The run goes on with the other files and
        the exit code reports the failure.

    Example
        notes.txt saved as Windows-1252 with "café" in it  →  re-save as UTF-8.

    Fix safety
        No automatic fix.
    """

    code = "FL901"
    name = "unreadable-file"
    summary = "A file that cannot be read or decoded as text"
    severity = Severity.ERROR


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
    name = "invalid-front-matter"
    summary = "Markdown front matter that is not valid YAML"
