"""Configuration: `[tool.factlint]` in pyproject.toml or a `.factlint.yaml`, found by walking up from
the checked path (the nearest wins), or named with --config. Validated like the reference: an unknown
key or a bad value is an error naming the file and the key. Command-line options override it.

    [tool.factlint]
    reference = ["our-reference"]       # folders layered on the bundled reference
    exclude = ["archive/*"]
    extend-select = ["FL103"]
    per-file-ignores = {"drafts/*" = ["FL4"]}
    severity = {FL302 = "warning"}
    fail-on = "warning"
    house-style = true                  # report accepted variants that are not the canonical form
    figure-tolerance = 1.0              # percent
    as-of = 2024-01-31                  # default article date
    matching = {max-edits = 1}
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator

from .models import Finding, Model, Severity
from .yamlfile import LineMap, YamlError, load_yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

FILES = (".factlint.yaml", ".factlint.yml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration file that cannot be used: exit 2 with this message."""


class Matching(Model):
    max_edits: int = Field(default=2, ge=0, le=2)  # 0 turns fuzzy name matching off


class Config(Model):
    reference: list[str] = []
    default_reference: bool = True
    include: list[str] = []
    exclude: list[str] = []
    respect_gitignore: bool = True
    select: list[str] | None = None
    extend_select: list[str] = []
    ignore: list[str] = []
    per_file_ignores: dict[str, list[str]] = {}
    severity: dict[str, Severity] = {}
    fail_on: Literal["error", "warning", "info", "never"] = "warning"
    house_style: bool = False
    figure_tolerance: float = Field(default=0.0, ge=0, le=100)
    as_of: dt.date | None = None
    matching: Matching = Matching()

    @field_validator("severity", mode="before")
    @classmethod
    def _severity_codes(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k).upper(): v for k, v in value.items()}
        return value

    # Field validators, not a model validator, so that an error names its key and line.
    @field_validator("severity")
    @classmethod
    def _severity_known(cls, value: dict[str, Severity]) -> dict[str, Severity]:
        from .rules import RULES_BY_CODE

        for code in value:
            if code not in RULES_BY_CODE:
                raise ValueError(f"unknown rule code {code!r} (give full codes, e.g. FL101)")
        return value

    @field_validator("select", "extend_select", "ignore")
    @classmethod
    def _codes_known(cls, value: list[str] | None) -> list[str] | None:
        from .rules import UnknownRuleError, enabled_codes

        try:
            enabled_codes(value or (), value or ())  # expands every code and prefix, or says which is unknown
        except UnknownRuleError as exc:
            raise ValueError(str(exc)) from None
        return value

    @field_validator("per_file_ignores")
    @classmethod
    def _ignores_known(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        from .rules import RULES_BY_CODE

        for pattern, codes in value.items():
            for code in codes:
                if not any(c.startswith(code.upper()) for c in RULES_BY_CODE):
                    raise ValueError(f"{pattern!r}: unknown rule code or prefix {code!r}")
        return value

    @field_validator("as_of")
    @classmethod
    def _four_digit_year(cls, value: dt.date | None) -> dt.date | None:
        # Date arithmetic ("last year", "10 years ago") must stay inside Python's years 1 to 9999;
        # the reference schema uses the same range.
        if value is not None and not 1000 <= value.year <= 9999:
            raise ValueError(f"{value.isoformat()} is out of range (years 1000 to 9999)")
        return value


@dataclass
class LoadedConfig:
    config: Config = field(default_factory=Config)
    path: Path | None = None
    given: set[str] = field(default_factory=set)  # keys the file sets

    @property
    def base(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def origin(self, key: str) -> str:
        return str(self.path) if key in self.given else "default"


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above `start`."""
    here = resolved(start)
    for directory in [here, *here.parents] if here.is_dir() else [here.parent, *here.parent.parents]:
        for name in FILES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_section(candidate)):
                return candidate
    return None


_TOOL_SECTION = re.compile(r"^[ \t]*\[*[ \t]*\"?tool\"?[ \t]*\.[ \t]*\"?factlint\b", re.MULTILINE)


def _has_tool_section(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        tool = tomllib.loads(text).get("tool", {})
        return isinstance(tool, dict) and "factlint" in tool
    except (tomllib.TOMLDecodeError, RecursionError):
        # A broken pyproject that mentions [tool.factlint] is ours to report, not to skip silently
        # (which would fall back to a parent's configuration or the defaults).
        return bool(_TOOL_SECTION.search(text))


def load_config(path: Path | None) -> LoadedConfig:
    if path is None:
        return LoadedConfig()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    lines: LineMap | None = None
    if path.name == "pyproject.toml":
        try:
            tool = tomllib.loads(text).get("tool", {})
        except tomllib.TOMLDecodeError as exc:
            found = _TOML_AT.search(str(exc))
            where = f"{path}:{found.group(1)}" if found else str(path)
            raise ConfigError(f"{where}: invalid TOML: {_TOML_AT.sub('', str(exc))}") from None
        except RecursionError:
            raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
        data = tool.get("factlint", {}) if isinstance(tool, dict) else {}
        lines = _toml_lines(text)
    else:
        try:
            data, lines = load_yaml(text)
        except YamlError as exc:
            raise ConfigError(f"{path}:{exc.line}: {exc.message}") from None
        data = data or {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings")
    raw_keys = {_snake(k): k for k in data}
    try:
        config = Config.model_validate(_normalise(data))
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"]).replace("_", "-")
        top = raw_keys.get(str(err["loc"][0]), str(err["loc"][0])) if err["loc"] else ""
        line = lines.line((top,)) if lines and top else None
        where = f"{path}:{line}" if line else str(path)
        problem = "unknown key" if err["type"] == "extra_forbidden" else err["msg"].removeprefix("Value error, ")
        raise ConfigError(f"{where}: {key}: {problem}" if key else f"{where}: {problem}") from None
    return LoadedConfig(config=config, path=path, given=set(raw_keys))


_TOML_AT = re.compile(r" ?\(at line (\d+), column \d+\)$")
_TOML_TABLE = re.compile(r"^[ \t]*\[+([^\]]*)\]")
_TOML_KEY = re.compile(r"^[ \t]*[\"']?([A-Za-z0-9_-]+)")


def _toml_lines(text: str) -> LineMap:
    """The line of each key under [tool.factlint] (tomllib keeps no positions): for error messages."""
    positions: dict[tuple[str | int, ...], tuple[int, int]] = {}
    table: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        if header := _TOML_TABLE.match(line):
            table = [part.strip().strip("\"'") for part in header.group(1).split(".")]
            if table[:2] == ["tool", "factlint"] and len(table) > 2:  # [tool.factlint.matching]
                positions.setdefault((table[2],), (number, 1))
        elif table == ["tool", "factlint"] and (key := _TOML_KEY.match(line)):
            positions.setdefault((key.group(1),), (number, key.start(1) + 1))
    return LineMap(positions)


def _snake(key: Any) -> str:
    return str(key).replace("-", "_")


def _normalise(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if _snake(key) == "matching" and isinstance(value, dict):
            value = {_snake(k): v for k, v in value.items()}
        out[_snake(key)] = value
    return out


def ignored_for(config: Config, path: str, base: Path) -> set[str]:
    """Codes (or prefixes) that per-file-ignores turns off for `path`."""
    relative = relative_path(path, base)
    out: set[str] = set()
    for pattern, codes in config.per_file_ignores.items():
        if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(Path(relative).name, pattern):
            out.update(c.upper() for c in codes)
    return out


def resolved(path: str | Path) -> Path:
    """The absolute, symlink-free path, or just the absolute path when the links loop or cannot be
    read: one bad link must not abort a run that has checked every file."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # RuntimeError: "Symlink loop" before Python 3.13
        return Path(os.path.abspath(path))


def relative_path(path: str, base: Path) -> str:
    """`path` relative to `base` when it lies under it, else as given (POSIX separators)."""
    try:
        return resolved(path).relative_to(resolved(base)).as_posix()
    except ValueError:
        return Path(path).as_posix()


def apply(findings: list[Finding], config: Config, base: Path) -> list[Finding]:
    """Per-file ignores and severity overrides."""
    if not config.per_file_ignores and not config.severity:
        return findings
    out = []
    ignored_in: dict[str, set[str]] = {}  # per path: resolving paths costs a system call or two
    for f in findings:
        if f.path not in ignored_in:
            ignored_in[f.path] = ignored_for(config, f.path, base) if config.per_file_ignores else set()
        if any(f.code.startswith(prefix) for prefix in ignored_in[f.path]):
            continue
        severity = config.severity.get(f.code)
        out.append(f.model_copy(update={"severity": severity}) if severity else f)
    return out


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def to_toml(loaded: LoadedConfig) -> str:
    """The effective configuration as a `[tool.factlint]` table that can be pasted into pyproject.toml
    (and read back to the same settings), each value with where it comes from. A setting with no value
    (`select` when the default rules apply) is a comment: TOML has no null."""
    lines = ["[tool.factlint]"]
    for key, value in loaded.config.model_dump().items():
        name = key.replace("_", "-")
        origin = loaded.origin(key)
        if key == "matching":  # a settings table of its own: its keys are spelled like the top level's
            value = {k.replace("_", "-"): v for k, v in value.items()}
        if value is None:
            lines.append(f"# {name}: not set  # {origin}")
        else:
            lines.append(f"{name} = {_toml_value(value)}  # {origin}")
    return "\n".join(lines) + "\n"


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        # JSON's string escapes (\\, \", \n, \uXXXX...) are all valid in a TOML basic string.
        import json

        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Severity):
        return _toml_value(value.value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        items = [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()]
        return "{" + ", ".join(items) + "}" if items else "{}"
    raise TypeError(f"no TOML form for {value!r}")  # pragma: no cover - every Config field is covered


def _toml_key(key: Any) -> str:
    return str(key) if _BARE_KEY.match(str(key)) else _toml_value(str(key))
