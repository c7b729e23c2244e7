"""What every command shares: the command group, one error style and exit codes, the options and
loading of reference data and configuration."""

from __future__ import annotations

import datetime as dt
import gc
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import click

from ..config import ConfigError, LoadedConfig, find_config, load_config
from ..models import Reference
from ..record import ReferenceError, load_reference
from ..version import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class FactlintError(click.ClickException):
    """A usage, configuration or input error: one line on stderr, exit 2, no traceback."""

    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:  # type: ignore[no-untyped-def]
        click.echo(f"factlint: error: {self.format_message()}", err=True)


def codes(values: Sequence[str]) -> list[str]:
    return [c for v in values for c in v.split(",") if c.strip()]


def as_of_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FactlintError(f"--as-of: {value!r} is not a date in YYYY-MM-DD form") from None


def load_reference_or_fail(paths: Sequence[str], bundled: bool) -> Reference:
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


def load_config_or_fail(config_path: str | None, paths: Sequence[str]) -> LoadedConfig:
    try:
        found = Path(config_path) if config_path else find_config(Path(paths[0]) if paths else Path.cwd())
        return load_config(found)
    except ConfigError as exc:
        raise FactlintError(str(exc)) from None


