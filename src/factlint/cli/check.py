"""`factlint check`: options to Options, the run, fixes and baselines, the report and the exit code."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import click
from click.core import ParameterSource

from ..api import run
from ..baseline import BaselineError, load_baseline, without_baseline, write_baseline
from ..config import ConfigError, resolved
from ..markup import split_lines
from ..models import CheckResult
from ..read import MAX_FILE_BYTES, InputError, decode, read_file
from ..report import FORMATS, View, plain
from ..report.text import statistics as count_findings
from ..report.text import summary
from ..rules import ALL_RULES, SAFE_FIXES, UnknownRuleError, unchecked
from ..settings import FAIL_ON, Options, load_settings
from ..write import write_atomic
from .base import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    FactlintError,
    as_of_option,
    codes,
    load_reference_or_fail,
    main,
    with_reference,
)

_FIXABLE = ", ".join(sorted(SAFE_FIXES))
_FORMAT_HELP = "; ".join(f"{name}: {f.help}" for name, f in FORMATS.items())


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="text", show_default=True,
              help=_FORMAT_HELP + ".")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE instead of stdout.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              help="Configuration file (default: the nearest .factlint.yaml or pyproject.toml [tool.factlint]).")
@click.option("--as-of", callback=as_of_option, metavar="YYYY-MM-DD",
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
        select=codes(select) if given("select") else None, extend_select=codes(extend_select),
        ignore=codes(ignore) if given("ignore") else None, include=include if given("include") else None,
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
    reference = load_reference_or_fail(settings.reference_layers, settings.default_reference)
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
        from .. import fix as fixes

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
        not_checked = [f for f in result.findings if unchecked(f)]
        for f in not_checked:
            click.echo(f"{f.path}: not recorded, not checked: {f.message}", err=True)
        sys.exit(EXIT_ERROR if not_checked else EXIT_CLEAN)
    result, hidden = visible(result)
    if hidden and people:
        note(f"{hidden} finding{'s' if hidden != 1 else ''} in the baseline not shown.")
    to_terminal = output is None and report_stream.isatty()
    use_colour = people and (color == "always" or (color == "auto" and to_terminal and "NO_COLOR" not in os.environ))
    style = click.style if use_colour else plain
    if statistics:
        report = count_findings(result, SAFE_FIXES, {r.code: r.name for r in ALL_RULES})
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


