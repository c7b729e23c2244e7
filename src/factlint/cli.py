"""The command line: argument parsing, terminal output and exit codes. Everything else is api.py."""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import click
from click.core import ParameterSource

from .api import run
from .baseline import BaselineError, load_baseline, without_baseline, write_baseline
from .config import ConfigError, LoadedConfig, find_config, load_config, resolved, to_toml
from .markup import split_lines
from .models import CheckResult, Finding, Reference
from .read import MAX_FILE_BYTES, InputError, decode, read_file
from .record import ReferenceError, index_for, load_reference, named, validate_reference
from .report import FORMATS, View, plain
from .report.text import statistics as count_findings
from .report.text import summary
from .rules import ALL_RULES, RULES_BY_CODE, UnknownRuleError
from .settings import FAIL_ON, Options, load_settings
from .version import __version__
from .write import write_atomic

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class FactlintError(click.ClickException):
    """A usage, configuration or input error: one line on stderr, exit 2, no traceback."""

    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:  # type: ignore[no-untyped-def]
        click.echo(f"factlint: error: {self.format_message()}", err=True)


def _codes(values: Sequence[str]) -> list[str]:
    return [c for v in values for c in v.split(",") if c.strip()]


def _as_of(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FactlintError(f"--as-of: {value!r} is not a date in YYYY-MM-DD form") from None


def _reference(paths: Sequence[str], bundled: bool) -> Reference:
    if not bundled and not paths:
        raise FactlintError("--no-default-reference needs at least one --reference DIR")
    try:
        reference = load_reference(paths, bundled=bundled)
    except ReferenceError as exc:
        first = exc.problems[0]
        more = f" and {len(exc.problems) - 1} more" if len(exc.problems) > 1 else ""
        raise FactlintError(f"invalid reference data: {first}{more} (see `factlint reference validate`)") from None
    # The reference lives as long as this process: move its objects out of the cyclic collector's
    # sight, or every full collection walks all of them again (a third of the time at 100k people),
    # and forked workers (-j) would copy the pages the collector touches.
    gc.freeze()
    return reference


reference_options = [
    click.option("--reference", "references", multiple=True, type=click.Path(), metavar="DIR",
                 help="A folder (or YAML file) of reference data layered on top; repeatable."),
    click.option("--no-default-reference", is_flag=True,
                 help="Do not load the reference bundled with factlint."),
]


def with_reference(f: Callable) -> Callable:
    for option in reversed(reference_options):
        f = option(f)
    return f


class _Cli(click.Group):
    """One error style for every error: `factlint: error: ...` on stderr and exit 2, whether click
    (an unknown option, a bad choice) or factlint (a bad file, a bad configuration) found it."""

    def main(self, *args, **kwargs):  # type: ignore[no-untyped-def,override]
        try:
            return super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as exc:
            hint = f"\nTry '{exc.ctx.command_path} -h' for help." if exc.ctx is not None else ""
            click.echo(f"factlint: error: {exc.format_message()}{hint}", err=True)
            sys.exit(EXIT_ERROR)
        except click.ClickException as exc:
            click.echo(f"factlint: error: {exc.format_message()}", err=True)
            sys.exit(EXIT_ERROR)
        except click.Abort:
            click.echo("factlint: interrupted", err=True)
            sys.exit(130)


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="factlint")
def main() -> None:
    """factlint: check names, dates and figures in articles against a sourced reference."""


_FIXABLE = ", ".join(rule.code for rule in ALL_RULES if rule.fix == "safe")
_FORMAT_HELP = "; ".join(f"{name}: {f.help}" for name, f in FORMATS.items())


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="text", show_default=True,
              help=_FORMAT_HELP + ".")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE instead of stdout.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              help="Configuration file (default: the nearest .factlint.yaml or pyproject.toml [tool.factlint]).")
@click.option("--as-of", callback=_as_of, metavar="YYYY-MM-DD",
              help="The article's date, for files whose front matter has no `date:`.")
@click.option("--select", multiple=True, metavar="CODES", help="Only these rules (codes or prefixes, comma-separated).")
@click.option("--extend-select", multiple=True, metavar="CODES", help="Rules to add to the default set (e.g. FL103).")
@click.option("--ignore", multiple=True, metavar="CODES", help="Rules to skip.")
@click.option("--fail-on", type=click.Choice(list(FAIL_ON)), default="warning", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--include", multiple=True, metavar="GLOB", help="Files to check inside folders (default: *.md *.markdown *.txt *.html).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Files or folders to skip.")
@click.option("--respect-gitignore/--no-respect-gitignore", default=None,
              help="Skip what .gitignore files ignore when walking folders (default: respect).")
@click.option("--stdin-filename", metavar="PATH",
              help="With `-` (or no paths): the path to report standard input under; its suffix says how to "
                   "read it (default: Markdown) and its folder where to look for configuration.")
@click.option("--figure-tolerance", type=click.FloatRange(0, 100), default=0.0, metavar="PERCENT",
              help="How far a figure may be from a reference series and still agree (default 0: equal at the "
                   "precision stated).")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes to check files in (0: one per CPU).")
@click.option("--fix", is_flag=True, help=f"Apply safe fixes ({_FIXABLE}), then report what remains. With `-`, "
                                          "print the fixed text and report on stderr.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the safe fixes as a unified diff; change nothing.")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings not recorded in FILE.")
@click.option("--update-baseline", is_flag=True, help="Record the current findings in the --baseline file.")
@click.option("--statistics", is_flag=True, help="Count findings per rule instead of listing them.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary, progress or notes.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour for text and concise output; `always` keeps it when piped (CI logs).")
@with_reference
@click.pass_context
def check(ctx: click.Context, paths: tuple[str, ...], fmt: str, output: str | None, config_path: str | None,
          as_of: dt.date | None, select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
          fail_on: str, include: tuple[str, ...], exclude: tuple[str, ...], respect_gitignore: bool | None,
          stdin_filename: str | None, figure_tolerance: float, jobs: int, fix: bool, show_diff: bool,
          baseline: str | None, update_baseline: bool, statistics: bool, quiet: bool, color: str,
          references: tuple[str, ...], no_default_reference: bool) -> None:
    """Check articles (files or folders; default: the current folder; `-`: standard input).

    Folders are walked for .md, .markdown, .txt and .html files, skipping hidden folders, tool and
    build output (node_modules, virtual environments, build, dist) and what .gitignore ignores.

    Exit status: 0 nothing at or above --fail-on; 1 findings; 2 usage, configuration or input error
    (including a file that could not be read, reported as FL901 after the other files are checked).
    """

    def given(name: str) -> bool:
        return ctx.get_parameter_source(name) == ParameterSource.COMMANDLINE

    from_stdin = "-" in paths or (not paths and stdin_filename is not None)
    _refuse_conflicts(paths, fmt, given, output=output, stdin_filename=stdin_filename, fix=fix, show_diff=show_diff,
                      update_baseline=update_baseline, baseline=baseline, statistics=statistics, quiet=quiet)
    files = tuple(p for p in paths if p != "-") or (() if from_stdin else (".",))
    options = Options(
        select=_codes(select) if given("select") else None, extend_select=_codes(extend_select),
        ignore=_codes(ignore) if given("ignore") else None, include=include if given("include") else None,
        exclude=exclude, as_of=as_of, figure_tolerance=figure_tolerance / 100 if given("figure_tolerance") else None,
        fail_on=fail_on if given("fail_on") else None, respect_gitignore=respect_gitignore,
        references=references, default_reference=not no_default_reference)
    try:
        settings = load_settings([stdin_filename or "."] if from_stdin else files, options, config_path=config_path)
    except (ConfigError, UnknownRuleError) as exc:
        raise FactlintError(str(exc)) from None
    for target in (output, baseline if update_baseline else None):
        if target:
            _writable(target)
    reference = _reference(settings.reference_layers, settings.default_reference)
    stdin = None
    if from_stdin:
        data = click.get_binary_stream("stdin").read(MAX_FILE_BYTES + 1)
        stdin = (data, stdin_filename or STDIN_NAME, None if stdin_filename else "markdown")
    report_format = FORMATS[fmt]
    people = report_format.for_people
    # A progress line on stderr for long runs, only when a person is watching the terminal.
    show_progress = people and not quiet and output is None and sys.stderr.isatty()

    def progress(done: int, total: int, found: int) -> None:
        if total >= 20:
            click.echo(f"\r  checked {done}/{total} files, {found} findings so far", nl=False, err=True)

    def check_once() -> tuple[CheckResult, list]:
        found = run(files, settings, reference, stdin=stdin, jobs=jobs or os.cpu_count() or 1,
                    progress=progress if show_progress else None, keep_documents=report_format.needs_documents)
        if show_progress:
            click.echo("\r\033[K", nl=False, err=True)
        return found

    def note(message: str) -> None:
        if not quiet:
            click.echo(message, err=True)

    # The baseline's fingerprints hold paths relative to the baseline file, wherever factlint runs.
    known: set[str] | None = None
    if baseline and not update_baseline:
        try:
            known = load_baseline(Path(baseline))
        except BaselineError as exc:
            raise FactlintError(str(exc)) from None

    def visible(result: CheckResult) -> tuple[CheckResult, int]:
        if known is None:
            return result, 0
        kept, hidden = without_baseline(result.findings, known, resolved(baseline).parent)  # type: ignore[arg-type]
        return result.model_copy(update={"findings": kept}), hidden

    result, documents = check_once()
    texts = {stdin[1]: text for text in [_decoded(stdin[0])] if text is not None} if stdin else {}
    report_stream = sys.stdout
    if fix or show_diff:
        from . import fix as fixes

        planned = fixes.plan(visible(result)[0].findings, texts)  # findings the baseline hides are left alone
        if show_diff:
            click.echo("".join(f.diff() for f in planned), nl=False)
            sys.exit(EXIT_FINDINGS if planned else EXIT_CLEAN)
        applied = fixes.apply(planned, texts)
        for path, reason in applied.skipped:
            click.echo(f"{path}: not fixed: {reason}", err=True)
        if stdin is not None:
            # As ruff and black do with `-`: the (fixed) text on stdout, the report on stderr.
            texts = applied.texts
            fixed = texts[stdin[1]].encode("utf-8") if stdin[1] in texts else stdin[0]
            sys.stdout.buffer.write(fixed)
            sys.stdout.flush()
            report_stream = sys.stderr
            stdin = (fixed, stdin[1], stdin[2])
        count, changed = applied.count, applied.files
        note(f"Fixed {count} finding{'s' if count != 1 else ''} in {changed} file{'s' if changed != 1 else ''}.")
        result, documents = check_once()
    if baseline and update_baseline:
        try:
            n = write_baseline(Path(baseline), result.findings, resolved(baseline).parent)
        except OSError as exc:
            raise FactlintError(f"cannot write the baseline {baseline}: {exc.strerror or exc}") from None
        note(f"Recorded {n} finding{'s' if n != 1 else ''} in {baseline}.")
        # Files that could not be checked are never recorded: say so, and fail as any run would.
        unchecked = [f for f in result.findings if _unchecked(f)]
        for f in unchecked:
            click.echo(f"{f.path}: not recorded, not checked: {f.message}", err=True)
        sys.exit(EXIT_ERROR if unchecked else EXIT_CLEAN)
    result, hidden = visible(result)
    if hidden and people:
        note(f"{hidden} finding{'s' if hidden != 1 else ''} in the baseline not shown.")
    to_terminal = output is None and report_stream.isatty()
    use_colour = people and (color == "always" or (color == "auto" and to_terminal and "NO_COLOR" not in os.environ))
    style = click.style if use_colour else plain
    if statistics:
        report = count_findings(result, fix_safe_codes(), {r.code: r.name for r in ALL_RULES})
        report += "" if quiet else summary(result, style) + "\n"
    else:
        view = View(documents=documents, lines_of=_line_reader(texts), style=style, summary=not quiet)
        report = report_format.render(result, view)
    if output:
        try:
            write_atomic(Path(output), report)
        except OSError as exc:
            raise FactlintError(f"cannot write {output}: {exc.strerror or exc}") from None
    else:
        click.echo(report, nl=False, color=use_colour, err=report_stream is sys.stderr)
    sys.exit(settings.exit_code(result.findings))


STDIN_NAME = "<stdin>"


def _refuse_conflicts(paths: Sequence[str], fmt: str, given: Callable[[str], bool], *, output: str | None,
                      stdin_filename: str | None, fix: bool, show_diff: bool, update_baseline: bool,
                      baseline: str | None, statistics: bool, quiet: bool) -> None:
    """Options that cannot work together are a usage error, never silently one of them."""
    pairs = [
        (fix and show_diff, "--fix and --diff"),
        (show_diff and given("fmt"), f"--diff and --format {fmt}"),
        (show_diff and output is not None, "--diff and --output (the diff goes to standard output)"),
        (show_diff and update_baseline, "--diff and --update-baseline"),
        (show_diff and statistics, "--diff and --statistics"),
        (statistics and not FORMATS[fmt].for_people, f"--statistics and --format {fmt}"),
        (statistics and update_baseline, "--statistics and --update-baseline"),
    ]
    for clash, names in pairs:
        if clash:
            raise click.UsageError(f"{names} cannot be used together")
    if "-" in paths and len(paths) > 1:
        raise click.UsageError("`-` (standard input) cannot be combined with other paths")
    if stdin_filename is not None and paths and "-" not in paths:
        raise click.UsageError("--stdin-filename names standard input: give `-` (or no paths)")
    if update_baseline and not baseline:
        raise click.UsageError("--update-baseline needs --baseline FILE")


def _writable(target: str) -> None:
    """Refuse, before checking anything, a report or baseline that could not be written."""
    path = Path(target)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise FactlintError(f"cannot write {target}: it is a folder")
    if not folder.exists():
        raise FactlintError(f"cannot write {target}: the folder {folder} does not exist")
    if not folder.is_dir():
        raise FactlintError(f"cannot write {target}: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise FactlintError(f"cannot write {target}: the folder {folder} is not writable")


def _decoded(data: bytes) -> str | None:
    try:
        return decode(data)
    except InputError:
        return None


def _unchecked(finding: Finding) -> bool:
    rule = RULES_BY_CODE.get(finding.code)
    return rule is not None and rule.unchecked


def fix_safe_codes() -> frozenset[str]:
    return frozenset(rule.code for rule in ALL_RULES if rule.fix == "safe")


def _config(config_path: str | None, paths: Sequence[str]) -> LoadedConfig:
    try:
        found = Path(config_path) if config_path else find_config(Path(paths[0]) if paths else Path.cwd())
        return load_config(found)
    except ConfigError as exc:
        raise FactlintError(str(exc)) from None


@main.command("config")
@click.argument("path", required=False, type=click.Path(exists=True))
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True), help="Configuration file.")
def show_config(path: str | None, config_path: str | None) -> None:
    """Print the effective configuration for PATH (default: here) and where each value comes from."""
    loaded = _config(config_path, [path] if path else [])
    click.echo(f"# configuration file: {loaded.path or 'none found'}")
    click.echo(to_toml(loaded), nl=False)


def _line_reader(texts: dict[str, str]) -> Callable[[str, int], str | None]:
    """Lines of checked files for snippets, read again only for files with findings (`texts`: those
    not on disk, such as standard input)."""

    @lru_cache(maxsize=64)
    def lines(path: str) -> tuple[str, list[tuple[int, int]]] | None:
        try:
            text = texts[path] if path in texts else decode(read_file(Path(path)))
        except (OSError, InputError):
            return None
        return text, split_lines(text)

    def line_of(path: str, number: int) -> str | None:
        found = lines(path)
        if not found or not 0 < number <= len(found[1]):
            return None
        start, end = found[1][number - 1]
        return found[0][start:end]

    return line_of


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("-o", "--output", "out_dir", default="claims", show_default=True, type=click.Path(file_okay=False),
              help="Folder to write the claim files into.")
@click.option("--as-of", callback=_as_of, metavar="YYYY-MM-DD",
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
    from .api import extract as extract_claims
    from .claimfile import claim_file_path, dump_claims, is_claim_file, load_claim_file
    from .discover import iter_files
    from .document import read_document
    from .write import write_atomic

    reference = _reference(references, not no_default_reference)
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

    from .models import ClaimFile, ReferenceFile, Report

    models: dict[str, type[pydantic.BaseModel]] = {"reference": ReferenceFile, "claims": ClaimFile, "findings": Report}
    model = models[what]
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
    click.echo(json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True))


@main.command()
@click.argument("name", nargs=-1, required=True)
@click.option("--limit", default=5, show_default=True, type=click.IntRange(min=1), help="How many entries to show.")
@with_reference
def lookup(name: tuple[str, ...], limit: int, references: tuple[str, ...], no_default_reference: bool) -> None:
    """Show the reference entries nearest to NAME, with similarity scores (0-100)."""
    reference = _reference(references, not no_default_reference)
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


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True,
              help="markdown: the README's rule table, generated from the rules themselves.")
def rules(fmt: str) -> None:
    """List every rule with its code, default state, severity, fix safety and summary."""
    if fmt == "markdown":
        click.echo(rules_table(), nl=False)
        return
    for rule in ALL_RULES:
        state = "on " if rule.enabled_by_default else "off"
        click.echo(f"{rule.code}  {state}  {rule.severity.value:<7}  {rule.fix:<6}  {rule.name:<24}  {rule.summary}")


def rules_table() -> str:
    """The README's rule table: every cell read from the rule (its attributes and the "What it
    catches" section of its docstring), with an anchor per code that SARIF's helpUri points at."""
    fix = {"safe": "safe (`--fix`)", "unsafe": "suggestion only", "none": "none"}
    rows = ["| code | default | severity | fix | catches |", "|---|---|---|---|---|"]
    rows += [f"| <a id=\"{r.code.lower()}\"></a>{r.code} | {'on' if r.enabled_by_default else 'off'} | "
             f"{r.severity.value} | {fix[r.fix]} | {r.section('What it catches').replace('|', '&#124;')} |"
             for r in ALL_RULES]
    return "\n".join(rows) + "\n"


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print a rule's documentation."""
    rule = RULES_BY_CODE.get(code.strip().upper())
    if rule is None:
        raise FactlintError(f"unknown rule code: {code} (see `factlint rules`)")
    default = "on" if rule.enabled_by_default else "off (enable with --extend-select)"
    click.echo(f"{rule.code} ({rule.name}): {rule.summary}\nSeverity: {rule.severity.value}; default: {default}\n")
    click.echo(rule.documentation())


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


if __name__ == "__main__":  # pragma: no cover
    main()
