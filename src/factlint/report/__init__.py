"""Output formats: one registry, one render signature. The CLI's --format choices, its help and the
checks on what each format needs are all read from FORMATS."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import import_module

from ..models import CheckedDocument, CheckResult

Style = Callable[..., str]


def plain(text: str, **_: object) -> str:
    return text


def no_lines(_path: str, _line: int) -> str | None:
    return None


@dataclass(frozen=True)
class View:
    """What a format may use besides the findings: the checked documents (the review page), the lines
    of the checked files (snippets), a terminal style (colour) and whether to print a summary."""

    documents: Sequence[CheckedDocument] = ()
    lines_of: Callable[[str, int], str | None] = no_lines
    style: Style = plain
    summary: bool = True


@dataclass(frozen=True)
class Format:
    name: str
    help: str
    module: str  # report/<module>.py, imported only when the format is used
    for_people: bool = False  # colour, --quiet and --statistics apply
    needs_documents: bool = False
    options: dict[str, object] = field(default_factory=dict)

    def render(self, result: CheckResult, view: View) -> str:
        return import_module(f"{__name__}.{self.module}").render(result, view, **self.options)  # type: ignore[no-any-return]


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("text", "findings with a snippet, the suggestion and the source", "text", for_people=True),
    Format("concise", "one line per finding", "text", for_people=True, options={"concise": True}),
    Format("json", "machine-readable findings (schema/findings.schema.json)", "json"),
    Format("sarif", "SARIF 2.1.0 for code-scanning dashboards", "sarif"),
    Format("github", "GitHub Actions annotations", "github"),
    Format("html", "a review page of every claim (with -o)", "html", needs_documents=True),
)}
