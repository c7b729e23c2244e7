"""Run policy: what a run does, from the configuration file and the caller's options together.

One place decides precedence, so that `factlint check` and `factlint.check_paths()` give the same
findings in the same folder. The command line only turns its flags into `Options`.

Precedence, as ruff has it: an option the caller gives replaces the file's value (`select`,
`ignore`, `include`, `fail-on`, `figure-tolerance`, `as-of`, `respect-gitignore`), except where
both add up: `extend-select` and `exclude` from both, the file's reference layers before the caller's.
`house-style = true` in the file turns FL103 on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config, LoadedConfig, find_config, load_config
from .config import apply as apply_config
from .models import CheckResult, Finding, Severity
from .rules import enabled_codes, unchecked

FAIL_ON: dict[str, int] = {**{s.value: s.rank for s in Severity}, "never": 99}


@dataclass(frozen=True)
class Options:
    """What the caller says. None (or empty, for the lists that add up) means "not said": the
    configuration file, then the default, decides."""

    select: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] | None = None
    include: Sequence[str] | None = None
    exclude: Sequence[str] = ()
    as_of: dt.date | None = None
    figure_tolerance: float | None = None  # a fraction, as in Settings (the file and --figure-tolerance say percent)
    fail_on: str | None = None
    respect_gitignore: bool | None = None
    references: Sequence[str] = ()  # reference layers on top of the file's
    default_reference: bool = True  # False: --no-default-reference


@dataclass(frozen=True)
class Settings:
    """Everything a run needs besides the files and the loaded reference."""

    codes: frozenset[str]
    as_of: dt.date | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    figure_tolerance: float = 0.0  # a fraction: 0.01 is 1%
    max_edits: int = 2
    fail_on: str = "warning"
    respect_gitignore: bool = True
    reference_layers: tuple[str, ...] = ()
    default_reference: bool = True
    config: Config = field(default_factory=Config)
    base: Path = field(default_factory=Path.cwd)  # the configuration file's folder: per-file patterns start there
    config_path: Path | None = None

    def finish(self, result: CheckResult) -> CheckResult:
        """The configuration's per-file ignores and severity overrides, applied to a run's findings."""
        return result.model_copy(update={"findings": apply_config(result.findings, self.config, self.base)})

    def exit_code(self, findings: Sequence[Finding]) -> int:
        """0 clean, 1 findings at or above fail-on, 2 when some input could not be checked at all."""
        if any(unchecked(f) for f in findings):
            return 2
        threshold = FAIL_ON[self.fail_on]
        return 1 if any(f.severity.rank >= threshold for f in findings) else 0


def resolve(options: Options, loaded: LoadedConfig) -> Settings:
    """Settings from the caller's options and a loaded configuration file. Raises UnknownRuleError
    for an unknown rule code among the options (the file's codes are checked when it is loaded)."""
    cfg = loaded.config
    select = list(options.select) if options.select is not None else cfg.select
    extend = [*options.extend_select, *(["FL103"] if cfg.house_style else []), *cfg.extend_select]
    ignore = [*(options.ignore if options.ignore is not None else cfg.ignore)]
    return Settings(
        codes=enabled_codes(select or None, ignore, extend),
        as_of=options.as_of or cfg.as_of,
        include=tuple(options.include if options.include is not None else cfg.include),
        exclude=(*options.exclude, *cfg.exclude),
        figure_tolerance=(options.figure_tolerance if options.figure_tolerance is not None
                          else cfg.figure_tolerance / 100),
        max_edits=cfg.matching.max_edits,
        fail_on=options.fail_on or cfg.fail_on,
        respect_gitignore=cfg.respect_gitignore if options.respect_gitignore is None else options.respect_gitignore,
        reference_layers=(*(str(loaded.base / p) for p in cfg.reference), *options.references),
        default_reference=options.default_reference and cfg.default_reference,
        config=cfg,
        base=loaded.base,
        config_path=loaded.path,
    )


def load_settings(paths: Sequence[str | Path], options: Options = Options(), *,
                  config_path: str | Path | None = None) -> Settings:
    """Settings for checking `paths`: the configuration file named, else the nearest one at or above
    the first path (or the current folder). Raises ConfigError for a bad file."""
    found = Path(config_path) if config_path else find_config(Path(paths[0]) if paths else Path.cwd())
    return resolve(options, load_config(found))
