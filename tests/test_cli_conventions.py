"""What users of ruff, black and typos expect of a linter's command line, through the real command
as a subprocess: standard input, the default path, .gitignore, colour, the concise format, --quiet,
--statistics, -V, conflicting options, one error style, writable outputs and a configuration that
can be pasted back."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from factlint import __version__
from factlint.config import load_config
from factlint.fix import SAFE
from factlint.rules import ALL_RULES

ARTICLE = "Kim Yo-Long said.\n"  # one FL101 at 1:1
FL101 = '"Kim Yo-Long" looks like a misspelling of Kim Yo Jong'


run = run_cli
# Every test here but the README table check starts factlint as a process.
pytestmark = pytest.mark.slow


def where(proc: subprocess.CompletedProcess[str]) -> list[tuple[str, int, int, str]]:
    return [(f["path"], f["line"], f["column"], f["code"]) for f in json.loads(proc.stdout)["findings"]]


# --- standard input --------------------------------------------------------------------------------

@pytest.mark.slow
def test_dash_reads_standard_input_as_markdown(tmp_path):
    proc = run("check", "-", "--format", "concise", cwd=tmp_path, stdin="Intro `Kim Yo-Long`.\n\n" + ARTICLE)
    assert (proc.returncode, proc.stdout) == (1, f"<stdin>:3:1: FL101 {FL101} (suggestion: Kim Yo Jong)\n"
                                                 "Found 1 finding (1 warning) in 1 of 1 file: FL101 ×1.\n")


@pytest.mark.slow
def test_stdin_filename_names_the_input_says_how_to_read_it_and_where_its_configuration_is(tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / ".factlint.yaml").write_text("per-file-ignores: {'quiet/*': [FL101]}\n", encoding="utf-8")
    page = "<p>Kim Yo-Long said.</p>\n"
    proc = run("check", "-", "--stdin-filename", "desk/page.html", "--format", "json", cwd=tmp_path, stdin=page)
    assert (proc.returncode, where(proc)) == (1, [("desk/page.html", 1, 4, "FL101")])
    # The configuration beside the named file applies to it: its per-file ignore silences this one.
    proc = run("check", "--stdin-filename", "desk/quiet/page.html", "--format", "json", cwd=tmp_path, stdin=page)
    assert (proc.returncode, where(proc)) == (0, [])


@pytest.mark.slow
def test_fix_with_stdin_prints_the_fixed_text_and_reports_on_stderr(tmp_path):
    proc = run("check", "-", "--fix", "--format", "concise", cwd=tmp_path, stdin="Intro.\n" + ARTICLE)
    assert (proc.returncode, proc.stdout) == (0, "Intro.\nKim Yo Jong said.\n")
    assert proc.stderr == "Fixed 1 finding in 1 file.\nAll clear: no findings in 1 file.\n"


@pytest.mark.slow
def test_diff_with_stdin(tmp_path):
    proc = run("check", "-", "--diff", "--stdin-filename", "a.md", cwd=tmp_path, stdin=ARTICLE)
    assert (proc.returncode, proc.stdout) == (1, "--- a/a.md\n+++ b/a.md\n@@ -1 +1 @@\n-Kim Yo-Long said.\n"
                                                 "+Kim Yo Jong said.\n")


@pytest.mark.slow
def test_binary_stdin_is_fl901_at_the_name_given(tmp_path):
    proc = run("check", "-", "--stdin-filename", "x.md", "--format", "json", cwd=tmp_path, stdin=b"\x00\x01")
    assert proc.returncode == 2
    assert [(f["path"], f["code"], f["message"]) for f in json.loads(proc.stdout)["findings"]] == [
        ("x.md", "FL901", "binary file (contains NUL bytes)")]


# --- which files a run checks ----------------------------------------------------------------------

def tree(root: Path, files: list[str]) -> None:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE, encoding="utf-8")


@pytest.mark.slow
def test_no_paths_checks_the_current_folder_and_skips_tool_output_and_gitignored_files(tmp_path):
    (tmp_path / ".git").mkdir()  # a Git work tree: its .gitignore files apply
    (tmp_path / ".gitignore").write_text("drafts/\n*.tmp.md\n!keep.tmp.md\n/top-only.md\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / ".gitignore").write_text("private.md\n", encoding="utf-8")
    tree(tmp_path, ["a.md", "drafts/b.md", "x.tmp.md", "keep.tmp.md", "top-only.md", "docs/top-only.md",
                    "docs/private.md", "docs/public.md", "node_modules/pkg/README.md", "build/out.md", "dist/c.md",
                    ".git/d.md", ".venv/e.md", "env/f.md", "venv/g.md"])
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")  # a venv by any name
    proc = run("check", "--format", "json", cwd=tmp_path)
    assert (proc.returncode, sorted(p for p, *_ in where(proc))) == (
        1, ["a.md", "docs/public.md", "docs/top-only.md", "keep.tmp.md"])
    # Walking a subfolder still applies the .gitignore files above it.
    proc = run("check", "docs", "--format", "json", cwd=tmp_path)
    assert sorted(p for p, *_ in where(proc)) == ["docs/public.md", "docs/top-only.md"]
    # A file named on the command line is always checked; --no-respect-gitignore turns .gitignore off.
    proc = run("check", "drafts/b.md", "--format", "json", cwd=tmp_path)
    assert where(proc) == [("drafts/b.md", 1, 1, "FL101")]
    proc = run("check", ".", "--no-respect-gitignore", "--format", "json", cwd=tmp_path)
    assert sorted(p for p, *_ in where(proc)) == ["a.md", "docs/private.md", "docs/public.md", "docs/top-only.md",
                                                  "drafts/b.md", "keep.tmp.md", "top-only.md", "x.tmp.md"]


@pytest.mark.slow
def test_gitignore_outside_a_git_work_tree_is_not_read(tmp_path):
    (tmp_path / ".gitignore").write_text("*.md\n", encoding="utf-8")
    tree(tmp_path, ["a.md"])
    assert where(run("check", "--format", "json", cwd=tmp_path)) == [("a.md", 1, 1, "FL101")]


@pytest.mark.slow
def test_respect_gitignore_can_be_turned_off_in_the_configuration(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("ignored.md\n", encoding="utf-8")
    (tmp_path / ".factlint.yaml").write_text("respect-gitignore: false\n", encoding="utf-8")
    tree(tmp_path, ["ignored.md"])
    assert where(run("check", "--format", "json", cwd=tmp_path)) == [("ignored.md", 1, 1, "FL101")]


# --- output for people and for CI logs ---------------------------------------------------------------

@pytest.mark.slow
def test_color_always_keeps_colour_when_piped(tmp_path):
    tree(tmp_path, ["a.md"])
    coloured = run("check", "a.md", "--color", "always", "--format", "concise", cwd=tmp_path, env={"NO_COLOR": ""})
    assert coloured.stdout.startswith("\x1b[1ma.md\x1b[0m:1:1: \x1b[33m\x1b[1mFL101\x1b[0m ")
    plain = run("check", "a.md", "--format", "concise", cwd=tmp_path)
    assert "\x1b[" not in plain.stdout


@pytest.mark.slow
def test_concise_quiet_statistics_and_version(tmp_path):
    tree(tmp_path, ["a.md", "b.md"])
    proc = run("check", "--format", "concise", "--quiet", cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        1, f"a.md:1:1: FL101 {FL101} (suggestion: Kim Yo Jong)\nb.md:1:1: FL101 {FL101} (suggestion: Kim Yo Jong)\n", "")
    proc = run("check", "--statistics", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (1, "    2  FL101  [*]  misspelled-name\n"
                                                 "Found 2 findings (2 warnings) in 2 of 2 files: FL101 ×2.\n")
    for flag in ("-V", "--version"):
        assert run(flag, cwd=tmp_path).stdout == f"factlint, version {__version__}\n"


# --- errors ------------------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize(("args", "message"), [
    (["--format", "json", "--diff"], "--diff and --format json cannot be used together"),
    (["--fix", "--diff"], "--fix and --diff cannot be used together"),
    (["--diff", "-o", "out.txt"], "--diff and --output (the diff goes to standard output) cannot be used together"),
    (["--statistics", "--format", "sarif"], "--statistics and --format sarif cannot be used together"),
    (["-", "a.md"], "`-` (standard input) cannot be combined with other paths"),
    (["a.md", "--stdin-filename", "b.md"], "--stdin-filename names standard input: give `-` (or no paths)"),
    (["--update-baseline"], "--update-baseline needs --baseline FILE"),
    (["--format", "xml"], "Invalid value for '--format': 'xml' is not one of 'text', 'concise', 'json', 'sarif', "
                          "'github', 'html'."),
])
def test_usage_errors_are_one_line_in_one_style_and_exit_2(tmp_path, args, message):
    tree(tmp_path, ["a.md"])
    proc = run("check", *args, cwd=tmp_path, stdin="")
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == f"factlint: error: {message}\nTry 'factlint check -h' for help.\n"


@pytest.mark.slow
def test_click_errors_take_the_same_style(tmp_path):
    proc = run("check", "--zzzz", cwd=tmp_path)
    # click 8.1.0 writes "No such option: --zzzz", later releases "No such option '--zzzz'.".
    assert proc.returncode == 2
    assert re.fullmatch(r"factlint: error: No such option:? '?--zzzz'?\.?\nTry 'factlint check -h' for help\.\n",
                        proc.stderr), proc.stderr


@pytest.mark.slow
@pytest.mark.parametrize(("args", "message"), [
    (["-o", "afile/out.txt"], "cannot write afile/out.txt: afile is not a folder"),
    (["-o", "missing/out.txt"], "cannot write missing/out.txt: the folder missing does not exist"),
    (["--baseline", "afile/b.json", "--update-baseline"], "cannot write afile/b.json: afile is not a folder"),
])
def test_outputs_that_cannot_be_written_are_refused_before_checking(tmp_path, args, message):
    tree(tmp_path, ["a.md"])
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    proc = run("check", "a.md", *args, cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", f"factlint: error: {message}\n")


@pytest.mark.slow
@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root writes any folder")
def test_output_into_an_unwritable_folder(tmp_path):
    tree(tmp_path, ["a.md"])
    (tmp_path / "locked").mkdir(mode=0o500)
    proc = run("check", "a.md", "-o", "locked/out.txt", cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (2, "factlint: error: cannot write locked/out.txt: the folder locked "
                                                 "is not writable\n")


@pytest.mark.slow
def test_a_write_that_fails_anyway_is_one_line_not_a_traceback(tmp_path):
    # /proc refuses new files even to root, after the early checks pass.
    tree(tmp_path, ["a.md"])
    proc = run("check", "a.md", "-o", "/proc/factlint-out.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("factlint: error: cannot write /proc/factlint-out.txt: ")
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


# --- configuration ---------------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("command", [["check"], ["config"]])
def test_unknown_rule_codes_in_the_configuration_name_file_and_line(tmp_path, command):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.factlint]\nfail-on = "info"\n'
                                             'ignore = ["FL5O1"]\n', encoding="utf-8")
    tree(tmp_path, ["a.md"])
    proc = run(*command, cwd=tmp_path)
    assert (proc.returncode, proc.stderr) == (
        2, f"factlint: error: {tmp_path / 'pyproject.toml'}:6: ignore: unknown rule code or prefix: FL5O1\n")


@pytest.mark.slow
def test_config_prints_toml_that_reads_back_to_the_same_settings(tmp_path):
    settings = ('[tool.factlint]\nignore = ["FL501"]\nper-file-ignores = {"my_drafts/*" = ["FL4"]}\n'
                'severity = {FL302 = "warning"}\nas-of = 2024-01-31\nmatching = {max-edits = 1}\n'
                'exclude = ["say \\"when\\"/*"]\nfigure-tolerance = 1.5\n')
    (tmp_path / "pyproject.toml").write_text(settings, encoding="utf-8")
    proc = run("config", cwd=tmp_path)
    assert proc.returncode == 0
    assert "# select: not set  # default\n" in proc.stdout and "matching = {max-edits = 1}  # " in proc.stdout
    pasted = tmp_path / "pasted" / "pyproject.toml"
    pasted.parent.mkdir()
    pasted.write_text(proc.stdout, encoding="utf-8")
    tomllib.loads(proc.stdout)  # valid TOML
    assert load_config(pasted).config == load_config(tmp_path / "pyproject.toml").config


# --- rule attributes are the one source of --fix, its help and `explain` -----------------------------

@pytest.mark.slow
def test_fix_safety_comes_from_the_rules(tmp_path):
    safe = sorted(rule.code for rule in ALL_RULES if rule.fix == "safe")
    assert sorted(SAFE) == safe == ["FL101", "FL102", "FL103", "FL104"]
    help_text = " ".join(run("check", "-h", cwd=tmp_path).stdout.split())
    assert "Apply safe fixes (FL101, FL102, FL103, FL104), then report what remains." in help_text
    explained = run("explain", "FL402", cwd=tmp_path).stdout
    assert "Fix safety\n    Unsafe: `--fix` never applies it;" in explained and "Safe to apply" not in explained
    # And --fix really leaves FL402's suggestion alone while it applies FL101's.
    (tmp_path / "a.md").write_text("KCNA, a state-owned radio station, quoted Kim Yo-Long.\n", encoding="utf-8")
    proc = run("check", "a.md", "--fix", "--format", "concise", "--quiet", cwd=tmp_path)
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "KCNA, a state-owned radio station, quoted Kim Yo Jong.\n"
    assert [line.split(" ")[1] for line in proc.stdout.splitlines()] == ["FL402"]


# --- reference validation -------------------------------------------------------------------------

SOURCE = "sources:\n- {id: s1, publisher: P, title: T, url: 'https://example.com/x', accessed: 2024-01-01}\n"


@pytest.mark.slow
def test_validate_reports_every_problem_of_a_file_in_one_run(tmp_path):
    (tmp_path / "ours.yaml").write_text(
        SOURCE
        + "people:\n"
        + "- {id: p-one, name: Pat One, family: One, given: Pat, order: given-first, sources: [s1], country: X,\n"
        + "   offices: [{title: Minister, start: 2020-01-01, end: 2019-01-01, source: s1}]}\n"
        + "- {id: p-two, name: Pat Two, family: Two, given: Pat, order: sideways, sources: [s1]}\n"
        + "- {id: p-one, name: Pat Three, family: Three, given: Pat, order: given-first, sources: [s1]}\n"
        + "- {id: p-four, name: Pat Four, family: Four, given: Pat, order: given-first, sources: [nowhere],\n"
        + "   offices: [{title: Minister, start: 2020-01-01, source: s1}]}\n", encoding="utf-8")
    proc = run("reference", "validate", "--no-default-reference", "ours.yaml", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[:-1] == [
        "ours.yaml:6: people.1.order: Input should be 'family-first' or 'given-first'",
        "ours.yaml:7: duplicate id 'p-one' (first defined at ours.yaml:4)",
        "ours.yaml:8: p-four: cites unknown source 'nowhere' (unsourced fact)",
        "ours.yaml:5: p-one: office 'Minister' ends (2019-01-01) before it starts (2020-01-01)",
        "ours.yaml:8: p-four: has offices but no `country:` (nor one on each office), so FL401 cannot check "
        "the titles the articles give them",
    ]


# --- the README says what is so ---------------------------------------------------------------------

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_options_table_names_every_format():
    from factlint.report import FORMATS

    row = next(line for line in README.read_text(encoding="utf-8").splitlines() if line.startswith("| `--format "))
    assert row.split("`")[1] == "--format " + "\\|".join(FORMATS)


@pytest.mark.slow
def test_readme_reference_example_validates_and_its_titles_are_checked(tmp_path):
    text = README.read_text(encoding="utf-8")
    example = text.split("### Adding reference data", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "ours.yaml").write_text(example, encoding="utf-8")
    proc = run("reference", "validate", "ours.yaml", cwd=tmp_path)
    # The example replaces the bundled entry of the same id and adds its one source.
    bundled = run("reference", "validate", cwd=tmp_path).stdout
    sources = int(re.search(r"(\d+) sources", bundled).group(1))
    assert (proc.returncode, proc.stdout) == (0, bundled.replace(f"{sources} sources", f"{sources + 1} sources"))
    # The person it defines has a country, so a wrong title for them is FL401.
    (tmp_path / "a.md").write_text("---\ndate: 2024-06-01\n---\nDefense Minister Cho Tae-yul spoke.\n", encoding="utf-8")
    proc = run("check", "a.md", "--reference", "ours.yaml", "--format", "concise", "--quiet", cwd=tmp_path)
    assert [line.split(": ")[1].split(" ")[0] for line in proc.stdout.splitlines()] == ["FL401"]


def test_readme_rule_table_is_generated_from_the_rules(tmp_path):
    table = run("rules", "--format", "markdown", cwd=tmp_path).stdout
    assert len(table.splitlines()) == len(ALL_RULES) + 2
    assert table in README.read_text(encoding="utf-8")
