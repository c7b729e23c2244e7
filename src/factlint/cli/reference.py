"""`factlint lookup` and `factlint reference validate`: what the reference holds, and whether it is sound."""

from __future__ import annotations

import sys

import click

from ..api import check_document, extract
from ..document import parse_document
from ..extract.evidence import THRESHOLD
from ..extract.names import readings
from ..models import NameMention, Reference
from ..record import index_for, named, validate_reference
from .base import EXIT_FINDINGS, FactlintError, load_reference_or_fail, main, with_reference


@main.command()
@click.argument("name", nargs=-1, required=True)
@click.option("--limit", default=5, show_default=True, type=click.IntRange(min=1), help="How many entries to show.")
@click.option("--context", metavar="TEXT", help="The sentence (or article text) NAME stands in; NAME is "
                                               "added after it when it does not contain it.")
@with_reference
def lookup(name: tuple[str, ...], limit: int, context: str | None, references: tuple[str, ...],
           no_default_reference: bool) -> None:
    """Show the reference entries nearest to NAME, with similarity scores (0-100), and whether
    `factlint check` would flag NAME (in --context) and which evidence decided."""
    reference = load_reference_or_fail(references, not no_default_reference)
    query = " ".join(name)
    index = index_for(reference)
    found = [(form, score) for form, score in index.lookup(query, limit=limit) if score > 0]
    if not found:
        click.echo(f"No reference entry resembles {query!r}.")
        sys.exit(EXIT_FINDINGS)
    for form, score in found:
        entity = named(reference, form.entity_id)
        canonical = entity.name if entity is not None else form.text
        via = "" if form.text == canonical else f"  (as {form.text!r})"
        click.echo(f"{score:5.1f}  {form.kind:<12}  {form.entity_id:<28}  {canonical}{via}")
    click.echo(_decision(reference, query, context))


def _decision(reference: Reference, query: str, context: str | None) -> str:
    """What `check` says of the name in its context, and the evidence that decided, in points."""
    text = context if context and query in context else f"{context} {query}" if context else query
    doc = parse_document(text, path="<lookup>", kind="text")
    start = text.index(query)
    end = start + len(query)
    claims = extract(doc, reference)
    findings = [f for f in check_document(doc, reference, claims=claims) if f.code.startswith("FL1")
                and f.span.start < end and start < f.span.end]
    lines = [f"check: {f.code} {f.message}" + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
             for f in findings]
    if not findings:
        known = [c for c in claims if isinstance(c, NameMention) and c.method in ("exact", "variant")
                 and c.span.start < end and start < c.span.end]
        lines.append(f"check: silent: {known[0].text!r} is a known form of {known[0].entity_id}" if known
                     else "check: silent")
    shown: set[str] = set()
    for reading in readings(doc, index_for(reference), doc.folded_at(start), doc.folded_at(end)):
        if len(shown) == 3:
            break
        if reading.person.id in shown:
            continue
        shown.add(reading.person.id)
        verdict = "enough" if reading.total >= THRESHOLD else "not enough"
        lines.append(f"  as {reading.person.name}: {reading.total:+d} points "
                     f"({verdict}: {THRESHOLD:+d} are needed)")
        lines.extend(f"    {points:+d}  {why}" for points, why in reading.terms)
    return "\n".join(lines)


@main.group()
def reference() -> None:
    """Work with reference data."""


@reference.command("validate")
@click.argument("dirs", nargs=-1, type=click.Path())
@click.option("--no-default-reference", is_flag=True, help="Validate DIRS alone, without the bundled data.")
def reference_validate(dirs: tuple[str, ...], no_default_reference: bool) -> None:
    """Validate reference data: schema, sources, duplicate ids and names, dates in order.

    With no DIRS, validates the bundled reference; DIRS are layered on top of it unless
    --no-default-reference is given. Exit status 1 when there are problems.
    """
    if no_default_reference and not dirs:
        raise FactlintError("--no-default-reference needs at least one DIR")
    merged, problems = validate_reference(dirs, bundled=not no_default_reference)
    for problem in problems:
        click.echo(str(problem))
    counts = (f"{len(merged.people)} people, {len(merged.organizations)} organizations, "
              f"{len(merged.agreements)} agreements, {len(merged.figures)} figures, {len(merged.sources)} sources")
    if problems:
        click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} ({counts})")
        sys.exit(EXIT_FINDINGS)
    click.echo(f"Reference OK: {counts}.")


