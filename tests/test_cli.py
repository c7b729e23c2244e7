"""The command line, run as a real subprocess (the way editors, hooks and CI run it) and in-process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, run_cli

from factlint.cli import main

run = run_cli


def console_script() -> str:
    return str(Path(sys.executable).with_name("factlint"))


@pytest.mark.slow
def test_check_examples_json_from_another_directory(tmp_path):
    # Run from an unrelated folder: the bundled reference must come with the installed package.
    proc = run("check", str(EXAMPLES), "--format", "json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert data["version"] == 1 and data["files_checked"] == 8
    got = [(Path(f["path"]).relative_to(EXAMPLES).as_posix(), f["line"], f["column"], f["end_line"],
            f["end_column"], f["code"], f["suggestion"]) for f in data["findings"]]
    assert got == [
        ("desk-notes/monday.md", 6, 35, 6, 39, "FL501", None),  # Agreed Framework collapsed 2002 vs 2003
        ("desk-notes/monday.md", 8, 38, 8, 51, "FL302", None),  # no 2016 series for Korea's exports
        ("desk-notes/monday.md", 8, 38, 8, 51, "FL501", None),  # $66.5 billion vs $68.5 billion
        ("desk-notes/tuesday.md", 6, 52, 6, 56, "FL501", None),
        ("desk-notes/tuesday.md", 8, 38, 8, 51, "FL302", None),
        ("desk-notes/tuesday.md", 8, 38, 8, 51, "FL501", None),
        ("house-style.txt", 7, 23, 7, 38, "FL101", "Antony Blinken"),
        ("house-style.txt", 10, 79, 10, 86, "FL102", "Xi"),
        ("names-errors.md", 8, 34, 8, 45, "FL101", "Kim Yo Jong"),
        ("names-errors.md", 9, 8, 9, 15, "FL102", "Kim"),
        ("names-errors.md", 11, 22, 11, 30, "FL102", "Yoon"),
        ("names-errors.md", 13, 20, 13, 34, "FL101", "Antony Blinken"),
        ("names-errors.md", 13, 76, 13, 83, "FL101", "Blinken"),
        ("names-errors.md", 16, 26, 16, 52, "FL101", "Korean Central News Agency"),
        ("statement.html", 7, 44, 7, 55, "FL101", "Kim Yo Jong"),
        ("treaty-dates-errors.md", 8, 64, 8, 68, "FL201", "2012"),  # KORUS took effect in 2011
        ("treaty-dates-errors.md", 8, 64, 8, 68, "FL501", None),  # ... and "March 2012" elsewhere
        ("treaty-dates-errors.md", 9, 38, 9, 42, "FL202", "1953"),  # MDT signed in 1954
        ("treaty-dates-errors.md", 9, 38, 9, 42, "FL501", None),
        ("treaty-dates-errors.md", 10, 5, 10, 9, "FL201", None),  # the 1955 Mutual Defense Treaty
        ("treaty-dates-errors.md", 12, 67, 12, 81, "FL301", None),  # $146.7 billion last year (2022)
        ("treaty-dates-errors.md", 14, 10, 14, 19, "FL401", "former President"),  # Moon in 2023
        ("treaty-dates-errors.md", 14, 62, 14, 79, "FL401", "Secretary of State"),  # Defense Secretary Blinken
        ("treaty-dates-errors.md", 17, 62, 17, 87, "FL402", "state news agency"),  # KCNA, a radio station
    ]
    first = data["findings"][8]
    assert first["severity"] == "warning" and first["text"] == "Kim Yo-Long"
    assert set(first["source"]) == {"id", "publisher", "title", "url"}


@pytest.mark.slow
def test_text_format_has_location_snippet_caret_suggestion_and_source():
    proc = subprocess.run([console_script(), "check", str(EXAMPLES / "names-errors.md"), "--select", "FL102"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0] == (f"{EXAMPLES / 'names-errors.md'}:9:8: FL102 \"Yo Long\" looks like Kim Yo Jong's given name, "
                        "misspelled, used as a surname; the family name is Kim")
    assert lines[2] == "  9 | media. Yo Long said the allies were raising tensions."
    assert lines[3] == "    |        ^^^^^^^"
    assert lines[4] == "    = suggestion: Kim"
    assert lines[5].startswith("    = source: ")
    assert lines[-1] == "Found 2 findings (2 warnings) in 1 of 1 file: FL102 ×2."
    assert "\x1b[" not in proc.stdout  # no colour when piped


@pytest.mark.slow
def test_clean_file_exits_zero():
    proc = run("check", str(EXAMPLES / "alliance-clean.md"))
    assert proc.returncode == 0
    assert proc.stdout == "All clear: no findings in 1 file.\n"


@pytest.mark.slow
@pytest.mark.parametrize("fail_on, code", [("warning", 1), ("error", 0), ("never", 0), ("info", 1)])
def test_fail_on(fail_on, code):
    assert run("check", str(EXAMPLES / "names-errors.md"), "--fail-on", fail_on).returncode == code


@pytest.mark.slow
def test_info_findings_fail_only_at_fail_on_info():
    args = ("check", str(EXAMPLES / "alliance-clean.md"), "--select", "FL103")
    assert run(*args).returncode == 0
    assert run(*args, "--fail-on", "info").returncode == 1


@pytest.mark.slow
def test_unreadable_file_is_reported_and_others_still_checked(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 au lait")
    (tmp_path / "good.md").write_text("Kim Yo-Long spoke.\n", encoding="utf-8")
    proc = run("check", str(tmp_path), "--format", "json")
    assert proc.returncode == 2
    found = [(Path(f["path"]).name, f["code"]) for f in json.loads(proc.stdout)["findings"]]
    assert found == [("bad.txt", "FL901"), ("good.md", "FL101")]


@pytest.mark.slow
@pytest.mark.parametrize("args, message", [
    (["check", "x.md", "--select", "FL999"], "factlint: error: unknown rule code or prefix: FL999"),
    (["check", "x.md", "--reference", "/nonexistent/dir"], "reference path does not exist"),
    (["check", "x.md", "--no-default-reference"], "needs at least one --reference DIR"),
    (["explain", "FL000"], "factlint: error: unknown rule code: FL000"),
])
def test_usage_errors_exit_2_with_one_line_and_no_traceback(args, message):
    proc = run(*args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.slow
def test_bad_as_of_is_a_usage_error():
    proc = run("check", str(EXAMPLES), "--as-of", "2023-02-30")
    assert proc.returncode == 2
    assert proc.stderr == "factlint: error: --as-of: '2023-02-30' is not a date in YYYY-MM-DD form\n"


@pytest.mark.slow
def test_ignoring_every_rule_reports_nothing():
    proc = run("check", str(EXAMPLES / "names-errors.md"), "--ignore", "ALL")
    assert proc.returncode == 0 and proc.stdout == "All clear: no findings in 1 file.\n"


@pytest.mark.slow
def test_invalid_reference_is_one_line(tmp_path):
    (tmp_path / "bad.yaml").write_text("people:\n  - {id: X}\n  - {id: Y}\n", encoding="utf-8")
    proc = run("check", str(EXAMPLES), "--reference", str(tmp_path))
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1
    assert f"{tmp_path / 'bad.yaml'}:2:" in proc.stderr


@pytest.mark.slow
def test_snippet_uses_the_same_lines_as_positions(tmp_path):
    path = tmp_path / "ff.txt"
    path.write_text("Page one.\x0cStill line one.\nKim Yo-Long said.\n", encoding="utf-8")
    lines = run("check", str(path)).stdout.splitlines()
    assert lines[0].startswith(f"{path}:2:1: FL101")
    assert lines[2] == "  2 | Kim Yo-Long said."


@pytest.mark.slow
def test_include_and_exclude(tmp_path):
    (tmp_path / "a.md").write_text("Kim Yo-Long.\n", encoding="utf-8")
    (tmp_path / "b.rst").write_text("Kim Yo-Long.\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "c.md").write_text("Kim Yo-Long.\n", encoding="utf-8")

    def files(*extra: str) -> list[str]:
        out = json.loads(run("check", str(tmp_path), "--format", "json", *extra).stdout)
        return sorted(Path(f["path"]).relative_to(tmp_path).as_posix() for f in out["findings"])

    assert files() == ["a.md", "drafts/c.md"]
    assert files("--include", "*.rst") == ["b.rst"]
    assert files("--exclude", "drafts") == ["a.md"]


def test_rules_and_explain_in_process():
    runner = CliRunner()
    listing = runner.invoke(main, ["rules"])
    assert listing.exit_code == 0
    assert "FL101  on   warning  safe    misspelled-name" in listing.output
    assert "FL103  off  info" in listing.output
    explained = runner.invoke(main, ["explain", "fl102"])
    assert explained.exit_code == 0
    assert explained.output.startswith("FL102 (given-name-as-surname): ")
    for section in ("What it catches", "Why it matters", "Example", "Fix safety"):
        assert section in explained.output


def test_lookup_shows_nearest_entities_with_scores():
    result = CliRunner().invoke(main, ["lookup", "Kim", "Yo-Long", "--limit", "3"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    rows = [line.split() for line in lines[:3]]
    assert rows[0][:3] == ["88.9", "person", "kim-yo-jong"]
    assert all(float(r[0]) <= float(rows[0][0]) for r in rows)
    # Then what check says of the name, and why.
    assert lines[3:] == ['check: FL101 "Kim Yo-Long" looks like a misspelling of Kim Yo Jong (suggestion: Kim Yo Jong)',
                         "  as Kim Yo Jong: +4 points (enough: +3 are needed)",
                         "    +3  one slip from 'Yo Jong'",
                         "    +1  'Yo-Long' is no word or common name: hardly anyone else's"]


@pytest.mark.parametrize("args, code", [(["lookup", "x", "--limit", "-1"], 2), (["lookup", "가나다"], 1)])
def test_lookup_bad_input(args, code):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == code


@pytest.mark.slow
def test_check_in_process_matches_subprocess():
    result = CliRunner().invoke(main, ["check", str(EXAMPLES), "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.output) == json.loads(run("check", str(EXAMPLES), "--format", "json").stdout)


@pytest.mark.slow
def test_reference_validate(tmp_path):
    ok = run("reference", "validate")
    assert ok.returncode == 0 and ok.stdout.startswith("Reference OK: ")
    (tmp_path / "extra.yaml").write_text(
        "people:\n  - {id: p1, name: Kim Jong Un, family: Kim, given: Jong Un, order: family-first, sources: [s9]}\n",
        encoding="utf-8")
    bad = run("reference", "validate", str(tmp_path))
    assert bad.returncode == 1
    assert f"{tmp_path / 'extra.yaml'}:2: p1: cites unknown source 's9' (unsourced fact)" in bad.stdout
    assert "name 'Kim Jong Un' is also claimed by" in bad.stdout


@pytest.mark.slow
def test_version():
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("factlint, version ")


@pytest.mark.slow
def test_figure_tolerance_is_configurable():
    path = str(EXAMPLES / "treaty-dates-errors.md")
    strict = json.loads(run("check", path, "--select", "FL301", "--format", "json").stdout)["findings"]
    loose = json.loads(run("check", path, "--select", "FL301", "--format", "json",
                           "--figure-tolerance", "30").stdout)["findings"]
    assert [f["code"] for f in strict] == ["FL301"] and loose == []  # $146.7bn is within 30% of $186.8bn
