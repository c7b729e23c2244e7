"""`factlint extract` and `factlint schema`: claim files to review, and the JSON Schemas."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from ..read import InputError
from .base import FactlintError, as_of_option, load_reference_or_fail, main, with_reference


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", "out_dir", default="claims", show_default=True, type=click.Path(file_okay=False),
              help="Folder to write the claim files into.")
@click.option("--as-of", callback=as_of_option, metavar="YYYY-MM-DD",
              help="The article's date, for files whose front matter has no `date:`.")
@click.option("--include", multiple=True, metavar="GLOB", help="Files to read inside folders.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Files or folders to skip.")
@with_reference
def extract(paths: tuple[str, ...], out_dir: str, as_of: dt.date | None, include: tuple[str, ...],
            exclude: tuple[str, ...], references: tuple[str, ...], no_default_reference: bool) -> None:
    """Write what each document claims to OUTPUT/<name>.claims.yaml, for review and re-checking.

    Re-running on an unchanged document changes no byte; an editor's `reviewed:` verdicts are kept for
    claims that still read the same. Check a claim file like an article: factlint check x.claims.yaml
    """
    from ..api import extract as extract_claims
    from ..claimfile import claim_file_path, dump_claims, is_claim_file, load_claim_file
    from ..discover import iter_files
    from ..document import read_document
    from ..write import write_atomic

    reference = load_reference_or_fail(references, not no_default_reference)
    out = Path(out_dir)
    schema = Path("schema", "claims.schema.json")
    files = claims = 0
    targets: dict[Path, Path] = {}
    for root in paths:
        for path in iter_files([root], include=list(include), exclude=list(exclude)):
            if not is_claim_file(path):
                target = claim_file_path(path, Path(root), out)
                if target in targets and targets[target] != path:
                    raise FactlintError(f"{targets[target]} and {path} would both be written to {target}; "
                                        "extract them into different folders")
                targets[target] = path
    for root in paths:
        for path in iter_files([root], include=list(include), exclude=list(exclude)):
            if is_claim_file(path):
                continue
            try:
                doc = read_document(path, as_of=as_of)
            except InputError as exc:
                raise FactlintError(f"{path}: {exc}") from None
            target = claim_file_path(path, Path(root), out)
            previous = load_claim_file(target, reference)[0] if target.exists() else None
            found = extract_claims(doc, reference)
            header = os.path.relpath(schema.resolve(), target.parent.resolve()) if schema.exists() else None
            text = dump_claims(_display_path(path), doc.as_of, found, previous=previous, schema=header)
            write_atomic(target, text)
            files += 1
            claims += len(found)
    click.echo(f"Wrote {files} claim file{'s' if files != 1 else ''} ({claims} claims) to {out}.")


def _display_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@main.command()
@click.argument("what", type=click.Choice(["reference", "claims", "findings"]))
def schema(what: str) -> None:
    """Print the JSON Schema of reference YAML, claim files or the JSON findings output."""
    import json

    import pydantic

    from ..models import ClaimFile, ReferenceFile, Report

    models: dict[str, type[pydantic.BaseModel]] = {"reference": ReferenceFile, "claims": ClaimFile, "findings": Report}
    model = models[what]
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
    click.echo(json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True))


