"""The version is written once, in src/factlint/version.py: pyproject.toml reads it from there, and the
installed metadata, the package and the command line all say the same."""

from __future__ import annotations

import re
import sys
from importlib.metadata import version
from pathlib import Path

from click.testing import CliRunner

import factlint
from factlint.cli import main

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def test_pyproject_reads_the_version_from_the_version_module():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"] and "version" in pyproject["project"]["dynamic"]
    source = (ROOT / pyproject["tool"]["hatch"]["version"]["path"]).read_text(encoding="utf-8")
    assert re.search(r'^__version__ = "([^"]+)"$', source, re.M).group(1) == factlint.__version__


def test_metadata_package_and_command_line_agree():
    assert version("factlint") == factlint.__version__
    result = CliRunner().invoke(main, ["--version"])
    assert result.output.strip() == f"factlint, version {factlint.__version__}"
