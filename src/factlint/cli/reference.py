"""`factlint lookup`, `factlint reference validate` and `factlint reference stats`: what the reference
holds, whether it is sound, and what its facts rest on."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import click
import yaml

from ..api import check_document, extract
from ..document import parse_document
from ..extract.evidence import THRESHOLD
from ..extract.names import readings
from ..models import NameMention, Reference
from ..record import SECTIONS, STANDINGS, index_for, named, reference_stats, validate_reference
from ..record.imports import (
    POCOM_MISSIONS,
    DataError,
    Imported,
    Origin,
    congress_legislators,
    ofac_sdn,
    pocom,
    sdn_rows,
    wikidata_people,
)
from ..roles import role_of
from ..write import write_atomic
from ..yamlfile import YamlError, load_yaml
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
    counts = ", ".join(f"{len(getattr(merged, section))} {section}" for section in (*SECTIONS[1:], SECTIONS[0])
                       if getattr(merged, section) or section in ("people", "sources"))
    if problems:
        click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} ({counts})")
        sys.exit(EXIT_FINDINGS)
    click.echo(f"Reference OK: {counts}.")




# The share of facts whose first source is official (or an archive copy of one) that issue 16 asks for.
OFFICIAL_TARGET = 0.9


@reference.command("stats")
@click.argument("dirs", nargs=-1, type=click.Path())
@click.option("--no-default-reference", is_flag=True, help="Count DIRS alone, without the bundled data.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--publishers", default=20, show_default=True, type=click.IntRange(min=0),
              help="How many first-cited publishers to list (0: all).")
def reference_stats_command(dirs: tuple[str, ...], no_default_reference: bool, fmt: str, publishers: int) -> None:
    """Count the reference's facts by kind and by the standing of the source each cites first.

    A fact is an entity (a person, an organization, an agreement, a figure) or an item it lists with
    its own source (an office, an event). A source is official (a government or intergovernmental
    host: .gov, .mil, .go.kr, un.org...), an archive copy of one (web.archive.org, the UNT web archive,
    the American Presidency Project...), a relay (labelled `standing: relay`: a news report of an
    official figure where no official copy exists) or secondary (anything else), as its `standing:`
    says or, without one, its URL's host.
    """
    if no_default_reference and not dirs:
        raise FactlintError("--no-default-reference needs at least one DIR")
    merged, problems = validate_reference(dirs, bundled=not no_default_reference)
    if problems:
        for problem in problems:
            click.echo(str(problem), err=True)
        raise FactlintError(f"the reference has {len(problems)} problem{'s' if len(problems) != 1 else ''}: "
                            "run `factlint reference validate`")
    stats = reference_stats(merged)
    ranked = sorted(stats.by_publisher.items(), key=lambda kv: (-kv[1], kv[0][0]))
    shown = ranked if publishers == 0 else ranked[:publishers]
    if fmt == "json":
        click.echo(json.dumps({
            "facts": {kind: {s: counts[s] for s in STANDINGS} for kind, counts in stats.by_kind.items()},
            "total": {s: stats.total[s] for s in STANDINGS},
            "official_share": round(stats.official_share, 4),
            "target": OFFICIAL_TARGET,
            "publishers": [{"publisher": p, "standing": s, "facts": n} for (p, s), n in shown],
        }, indent=2, ensure_ascii=False))
        return
    width = max(len(k) for k in [*stats.by_kind, "all"])
    lines = [f"{'kind':<{width}}  {'facts':>6}  " + "  ".join(f"{s:>9}" for s in STANDINGS)]
    for kind, counts in [*stats.by_kind.items(), ("all", stats.total)]:
        lines.append(f"{kind:<{width}}  {sum(counts.values()):>6}  " + "  ".join(f"{counts[s]:>9}" for s in STANDINGS))
    lines.append("")
    verdict = "meets" if stats.official_share >= OFFICIAL_TARGET else "below"
    lines.append(f"First source official or an archive copy: {stats.official_share:.1%} "
                 f"({verdict} the target of {OFFICIAL_TARGET:.0%})")
    lines.append("")
    lines.append(f"First-cited publishers ({len(shown)} of {len(ranked)}):")
    lines.extend(f"{n:>6}  {s:<9}  {p}" for (p, s), n in shown)
    click.echo("\n".join(lines))


# The first line of every file `reference import` writes: it may replace such a file, never another.
IMPORT_MARKER = "# Written by `factlint reference import`"


@reference.command("import")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(["congress-legislators", "wikidata", "ofac", "pocom"]))
@click.argument("data", metavar="FILE...|DIR", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--commit", help="congress-legislators, pocom: the commit of the data's repository it was read at (cited).")
@click.option("--accessed", type=click.DateTime(["%Y-%m-%d"]), help="The date the data was read  [default: today].")
@click.option("--position", "positions", metavar="ID", multiple=True,
              help="pocom: a principal position to import, by its file in positions-principals/ (secretary).")
@click.option("--mission", "missions", metavar="ID", multiple=True, type=click.Choice(sorted(POCOM_MISSIONS)),
              help="pocom: a mission whose ambassadors to import.")
@click.option("--since", type=int, metavar="YEAR", help="pocom: only offices that ended in or after YEAR, or have "
                                                        "not ended  [default: 1945].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The reference YAML to write (a layer to review and pass with --reference).")
@with_reference
def reference_import(fmt: str, data: tuple[Path, ...], commit: str | None, accessed: dt.datetime | None,
                     positions: tuple[str, ...], missions: tuple[str, ...], since: int | None, output: Path,
                     references: tuple[str, ...], no_default_reference: bool) -> None:
    """Write reference YAML from open data editors already use.

    \b
    congress-legislators FILE --commit SHA: legislators-current.yaml or legislators-historical.yaml of
      the @unitedstates project (members of Congress, their terms and name forms; public domain); every
      fact cites the file at its commit.
    wikidata FILE: the JSON results of the SPARQL query in factlint/record/wikidata_people.rq (people,
      the positions they held with start and end, aliases); each person cites their Wikidata item.
    ofac sdn.csv [alt.csv]: the individuals of the Treasury's DPRK sanctions programs, their aliases
      and titles; each cites their entry in the SDN list.
    pocom DIR --commit SHA --position ID... --mission ID... [--since YEAR]: a checkout of
      HistoryAtState/pocom, the State Department historian's Principal Officers and Chiefs of Mission
      (public domain): the holders of the positions and the ambassadors of the missions named, with
      their dates; each person cites their page on history.state.gov.

    An entry whose name the reference (bundled and --reference layers) already holds is left out and
    listed: an editor's entry always wins. Only a file this command wrote is ever replaced.
    """
    if output.exists() and not output.read_text(encoding="utf-8").startswith(IMPORT_MARKER):
        raise FactlintError(f"{output}: not a file `factlint reference import` wrote; refusing to replace it")
    if fmt in ("congress-legislators", "pocom") and not commit:
        raise FactlintError(f"{fmt} needs --commit: the commit of the repository the data was read at")
    if fmt == "pocom":
        if len(data) != 1 or not data[0].is_dir():
            raise FactlintError("pocom reads one DIR: a checkout of github.com/HistoryAtState/pocom")
        if not positions and not missions:
            raise FactlintError("pocom needs --position or --mission: which offices to import")
    else:
        if positions or missions or since is not None:
            raise FactlintError("--position, --mission and --since are options of pocom")
        if len(data) > (2 if fmt == "ofac" else 1):
            raise FactlintError(f"{fmt} reads {'sdn.csv and alt.csv' if fmt == 'ofac' else 'one FILE'}, "
                                f"not {len(data)} files")
        for path in data:
            if path.is_dir():
                raise FactlintError(f"{path}: {fmt} reads a file, not a directory")
    read_on = accessed.date() if accessed else dt.date.today()
    existing = load_reference_or_fail(references, not no_default_reference)
    if fmt == "pocom":
        imported = _pocom(data[0], commit or "", read_on, positions, missions, 1945 if since is None else since, existing)
    else:
        imported = _imported(fmt, data, commit, read_on, existing)
    body = imported.reference.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    names = ", ".join(path.name for path in data)
    read = f"at {commit[:12]}" if commit else f"read {read_on}"
    header = (f"{IMPORT_MARKER} {fmt} from {names} {read}. Review it, then layer it with\n"
              "# --reference; re-running the import replaces this file, so keep your edits in another.\n"
              + _schema_line(output))
    write_atomic(output, header + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100))
    offices = [o for p in imported.reference.people for o in p.offices]
    click.echo(f"Wrote {len(imported.reference.people)} people ({len(offices)} offices) to {output}; "
               f"left out {len(imported.skipped)}.")
    for line in imported.skipped:
        click.echo(f"  left out: {line}")
    for line in imported.doubts:
        click.echo(f"  to check: {line}")
    unchecked = sorted({o.title for o in offices if role_of(o.title) is None})
    if unchecked and fmt != "congress-legislators":
        click.echo(f"  titles no check reads (kept as written): {'; '.join(unchecked)}")


def _schema_line(output: Path) -> str:
    """The comment that lets an editor's YAML tooling check the file, when a folder above it holds
    factlint's reference schema (this repository's `schema/`); else nothing."""
    for folder in output.resolve().parents:
        schema = folder / "schema" / "reference.schema.json"
        if schema.is_file():
            return f"# yaml-language-server: $schema={os.path.relpath(schema, output.resolve().parent)}\n"
    return ""


def _pocom(folder: Path, commit: str, accessed: dt.date, positions: tuple[str, ...], missions: tuple[str, ...],
           since: int, existing: Reference) -> Imported:
    """Run the pocom importer on a checkout; a file that is not of the format is an error naming it."""
    def read(file: str) -> str:
        try:
            return (folder / file).read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DataError(1, f"not UTF-8 text: {exc}", file) from None
        except FileNotFoundError:  # the importer decides: a position named is an error, a person a left-out
            raise
        except OSError as exc:
            raise FactlintError(f"{folder / file}: cannot read: {exc}") from None

    try:
        return pocom(read, commit, accessed, positions=positions, missions=missions, since=since, existing=existing)
    except DataError as exc:
        raise FactlintError(f"{folder / (exc.file or '')}:{exc.line}: {exc} (is {folder} a checkout of "
                            "HistoryAtState/pocom?)") from None


def _imported(fmt: str, data: tuple[Path, ...], commit: str | None, accessed: dt.date, existing: Reference) -> Imported:
    """Read FILE(s) and run the format's importer; a file that is not of the format is an error naming it."""
    texts = []
    for path in data:
        try:
            texts.append(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            raise FactlintError(f"{path}: cannot read: {exc}") from None
    path = data[0]
    try:
        if fmt == "congress-legislators":
            try:
                records, _ = load_yaml(texts[0])
            except YamlError as exc:
                raise DataError(exc.line or 1, str(exc)) from None
            if not isinstance(records, list):
                raise DataError(1, "expected a list of legislators")
            return congress_legislators(records, Origin(file=path.name, commit=commit or "", accessed=accessed), existing)
        if fmt == "wikidata":
            try:
                results = json.loads(texts[0])
            except json.JSONDecodeError as exc:
                raise DataError(exc.lineno, f"not JSON: {exc.msg}") from None
            return wikidata_people(results, accessed, existing)
        rows = []
        for path, text in zip(data, texts):
            rows.extend(sdn_rows(text))
        return ofac_sdn(rows, accessed, existing)
    except DataError as exc:
        raise FactlintError(f"{path}:{exc.line}: {exc} (is it {fmt} data?)") from None
