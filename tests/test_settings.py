"""One run policy for the command line and the library: the same folder with a configuration file
gives the same findings through `factlint check` and `factlint.check_paths()`, and the precedence of
options over the file is decided in one place (settings.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import run_cli

import factlint
from factlint.config import LoadedConfig, load_config
from factlint.models import ReportFinding
from factlint.settings import Options, resolve

ARTICLE = """---
date: 2023-06-01
---
Kim Yo-Long spoke. KORUS took effect in 2011.
KCNA, a state-owned radio station, carried it. President Moon Jae-in hosted the talks.
"""


def desk(tmp_path: Path) -> Path:
    root = tmp_path / "desk"
    (root / "drafts").mkdir(parents=True)
    (root / "a.md").write_text(ARTICLE, encoding="utf-8")
    (root / "drafts" / "b.md").write_text(ARTICLE, encoding="utf-8")
    (root / ".factlint.yaml").write_text(
        "per-file-ignores: {'drafts/*': [FL1]}\nseverity: {FL101: error}\nignore: [FL402]\n"
        "extend-select: [FL904]\nexclude: ['skip-*']\n", encoding="utf-8")
    (root / "skip-me.md").write_text(ARTICLE, encoding="utf-8")
    return root


def cli(*args: str, cwd: Path) -> list[dict]:
    proc = run_cli("check", *args, "--format", "json", cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["findings"]


def api(*args: object, **kwargs: object) -> list[dict]:
    result = factlint.check_paths(*args, **kwargs)  # type: ignore[arg-type]
    return [ReportFinding.of(f).model_dump(mode="json") for f in result.findings]


@pytest.mark.slow
def test_check_paths_and_factlint_check_agree_in_a_configured_folder(tmp_path, monkeypatch):
    root = desk(tmp_path)
    monkeypatch.chdir(tmp_path)
    from_cli = cli("desk", cwd=tmp_path)
    assert from_cli == api(["desk"])
    # The file really shaped the result: FL1 ignored under drafts/, FL101 raised to error, FL402 off,
    # skip-me.md excluded.
    assert [(f["path"], f["code"], f["severity"]) for f in from_cli] == [
        ("desk/a.md", "FL101", "error"),
        ("desk/a.md", "FL201", "error"),
        ("desk/drafts/b.md", "FL201", "error"),
    ]
    # Options win over the file alike in both.
    assert cli("desk", "--select", "FL4", cwd=tmp_path) == api(["desk"], select=["FL4"]) == []
    assert cli("desk", "--ignore", "FL201", cwd=tmp_path) == api(["desk"], ignore=["FL201"])
    # And the library can be told to ignore configuration files.
    assert [f["code"] for f in api([root], config=False)] == ["FL101", "FL201", "FL402", "FL101", "FL201", "FL402",
                                                            "FL101", "FL201", "FL402"]


def test_precedence():
    loaded = LoadedConfig()
    base = resolve(Options(), loaded)
    assert base.fail_on == "warning" and base.figure_tolerance == 0.0 and "FL103" not in base.codes


def test_options_replace_or_add_to_the_file(tmp_path):
    (tmp_path / ".factlint.yaml").write_text(
        "select: [FL1]\nignore: [FL102]\nextend-select: [FL904]\nexclude: [a]\ninclude: ['*.md']\n"
        "fail-on: info\nfigure-tolerance: 2\nas-of: 2020-01-02\nhouse-style: true\nrespect-gitignore: false\n"
        "reference: [ours]\n", encoding="utf-8")
    loaded = load_config(tmp_path / ".factlint.yaml")
    from_file = resolve(Options(), loaded)
    assert sorted(from_file.codes) == ["FL101", "FL103", "FL104", "FL904"]
    assert (from_file.exclude, from_file.include, from_file.fail_on, from_file.figure_tolerance, from_file.as_of,
            from_file.respect_gitignore, from_file.reference_layers) == (
        ("a",), ("*.md",), "info", 0.02, dt.date(2020, 1, 2), False, (str(tmp_path / "ours"),))
    given = resolve(Options(select=["FL2"], ignore=[], extend_select=["FL401"], exclude=["b"], include=["*.txt"],
                            fail_on="error", figure_tolerance=0.05, as_of=dt.date(2021, 1, 1), respect_gitignore=True,
                            references=["theirs"]), loaded)
    # select, ignore, include, fail-on, tolerance, date and .gitignore: replaced; the rest add up.
    assert sorted(given.codes) == ["FL103", "FL201", "FL202", "FL203", "FL401", "FL904"]
    assert (given.exclude, given.include, given.fail_on, given.figure_tolerance, given.as_of,
            given.respect_gitignore, given.reference_layers) == (
        ("b", "a"), ("*.txt",), "error", 0.05, dt.date(2021, 1, 1), True, (str(tmp_path / "ours"), "theirs"))
