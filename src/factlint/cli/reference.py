"""`factlint lookup` and `factlint reference validate`: what the reference holds, and whether it is sound."""

from __future__ import annotations

import sys

import click

from ..record import index_for, named, validate_reference
from .base import EXIT_FINDINGS, FactlintError, load_reference_or_fail, main, with_reference


@main.command()
@click.argument("name", nargs=-1, required=True)
@click.option("--limit", default=5, show_default=True, type=click.IntRange(min=1), help="How many entries to show.")
@with_reference
def lookup(name: tuple[str, ...], limit: int, references: tuple[str, ...], no_default_reference: bool) -> None:
    """Show the reference entries nearest to NAME, with similarity scores (0-100)."""
    reference = load_reference_or_fail(references, not no_default_reference)
    query = " ".join(name)
    found = [(form, score) for form, score in index_for(reference).lookup(query, limit=limit) if score > 0]
    if not found:
        click.echo(f"No reference entry resembles {query!r}.")
        sys.exit(EXIT_FINDINGS)
    for form, score in found:
        entity = named(reference, form.entity_id)
        canonical = entity.name if entity is not None else form.text
        via = "" if form.text == canonical else f"  (as {form.text!r})"
        click.echo(f"{score:5.1f}  {form.kind:<12}  {form.entity_id:<28}  {canonical}{via}")


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


