"""The supported dependency range is tested at both ends: .ci/run runs the suite with the newest
releases (the README's command) and again with .ci/oldest.txt. These tests keep that file equal to the
floors in pyproject.toml, and check that the oldest run really had the oldest releases installed."""

from __future__ import annotations

import os
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement  # pytest depends on packaging
from packaging.utils import canonicalize_name
from packaging.version import Version

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
OLDEST = ROOT / ".ci" / "oldest.txt"


def floors() -> dict[str, Version]:
    """The lower bound of every direct dependency (and test extra) that applies to this Python."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found: dict[str, Version] = {}
    for spec in [*project["dependencies"], *project["optional-dependencies"]["test"]]:
        req = Requirement(spec)
        if req.marker is not None and not req.marker.evaluate():
            continue
        lower = [Version(s.version) for s in req.specifier if s.operator in (">=", "==")]
        assert lower, f"{spec}: every dependency needs a floor (>=) so its oldest release can be tested"
        found[canonicalize_name(req.name)] = max(lower)
    return found


def pins() -> dict[str, Version]:
    found = {}
    for line in OLDEST.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, pinned = line.partition("==")
            found[canonicalize_name(name)] = Version(pinned)
    return found


def test_oldest_constraints_are_the_pyproject_floors():
    assert pins() == floors()


def test_installed_releases_are_in_the_supported_range():
    installed = {name: Version(version(name)) for name in floors()}
    for name, floor in floors().items():
        assert installed[name] >= floor, f"{name} {installed[name]} is older than the floor {floor}"
    if os.environ.get("FACTLINT_EXPECT_OLDEST"):  # set by the second half of .ci/run
        assert installed == pins()


@pytest.mark.parametrize("levels", [150, 999, 1_000, 30_000])
def test_nesting_limit_message_is_the_same_whichever_parser_stops_first(levels):
    """libyaml in newer PyYAML wheels stops a run of 1,000 "[" itself; older ones leave it to factlint."""
    from factlint.yamlfile import YamlError, load_yaml

    with pytest.raises(YamlError) as caught:
        load_yaml("x: " + "[" * levels + "]" * levels)
    assert (caught.value.message, caught.value.line) == ("nested too deeply (over 100 levels)", 1)
