"""Where editors and CI already are: configuration, suppressions, baseline, fixes, SARIF, GitHub
annotations, and the real pre-commit tool."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, brief, run_cli

import factlint

ERRORS = "Kim Yo-Long spoke. Pres. Suk-yeol agreed with Yoon Suk Yeol.\n"


run = run_cli


def codes(proc: subprocess.CompletedProcess[str]) -> list[tuple[str, int, str]]:
    return [(Path(f["path"]).name, f["line"], f["code"]) for f in json.loads(proc.stdout)["findings"]]


# --- configuration ---------------------------------------------------------------------------

@pytest.mark.slow
def test_pyproject_configuration_is_discovered_walking_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factlint]\nignore = ["FL102"]\nextend-select = ["FL103"]\nper-file-ignores = {"drafts/*" = ["FL1"]}\n'
        'severity = {FL101 = "error"}\n', encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "news" / "a.md").write_text(ERRORS + "Kim Jong-un.\n", encoding="utf-8")
    (tmp_path / "drafts" / "b.md").write_text(ERRORS, encoding="utf-8")
    proc = run("check", "news", "drafts", "--format", "json", cwd=tmp_path)
    findings = json.loads(proc.stdout)["findings"]
    assert [(Path(f["path"]).name, f["code"], f["severity"]) for f in findings] == [
        ("a.md", "FL101", "error"), ("a.md", "FL103", "info")]
    # The command line wins over the file.
    assert [c for _, _, c in codes(run("check", "news", "--format", "json", "--ignore", "FL103", cwd=tmp_path))] == [
        "FL101", "FL102"]


@pytest.mark.slow
def test_yaml_configuration_and_factlint_config_shows_origins(tmp_path):
    (tmp_path / ".factlint.yaml").write_text("fail-on: error\nfigure-tolerance: 2.5\n", encoding="utf-8")
    proc = run("config", cwd=tmp_path)
    assert proc.returncode == 0
    assert f"# configuration file: {tmp_path / '.factlint.yaml'}" in proc.stdout
    assert f'fail-on = "error"  # {tmp_path / ".factlint.yaml"}' in proc.stdout
    assert "figure-tolerance = 2.5" in proc.stdout and 'house-style = false  # default' in proc.stdout
    (tmp_path / "a.md").write_text(ERRORS, encoding="utf-8")
    assert run("check", "a.md", cwd=tmp_path).returncode == 0  # warnings only; fail-on error


@pytest.mark.slow
@pytest.mark.parametrize("text, message", [
    ("fail-on: sometimes\n", ".factlint.yaml:1: fail-on: Input should be"),
    ("colour: red\n", ".factlint.yaml:1: colour: unknown key"),
    ("matching: {max-edits: 5}\n", "matching.max-edits: Input should be less than or equal to 2"),
])
def test_bad_configuration_is_exit_2_naming_file_and_key(tmp_path, text, message):
    (tmp_path / ".factlint.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    proc = run("check", "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and message in proc.stderr and len(proc.stderr.splitlines()) == 1


@pytest.mark.slow
def test_matching_can_turn_fuzzy_names_off(tmp_path):
    (tmp_path / ".factlint.yaml").write_text("matching:\n  max-edits: 0\n", encoding="utf-8")
    (tmp_path / "a.md").write_text(ERRORS, encoding="utf-8")
    assert [c for _, _, c in codes(run("check", "a.md", "--format", "json", cwd=tmp_path))] == ["FL102"]


# --- suppressions ----------------------------------------------------------------------------

def test_inline_suppressions(reference):
    text = ("Kim Yo-Long one.\n\n<!-- factlint: ignore FL101 -->\nKim Yo-Long two,\nAntony Blinkin too.\n\n"
            "<!-- factlint: disable FL1 -->\nKim Yo-Long three. Pres. Suk-yeol met Yoon Suk Yeol.\n"
            "<!-- factlint: enable -->\nKim Yo-Long four.\n\n<!-- factlint: ignore FL102 -->\nNothing here.\n")
    assert brief(factlint.check_text(text, reference=reference)) == [
        ("FL101", 1, 1, "Kim Yo Jong"), ("FL101", 10, 1, "Kim Yo Jong")]
    unused = factlint.check_text(text, reference=reference, select=["FL1", "FL904"])
    assert [(f.code, f.span.line, f.message) for f in unused if f.code == "FL904"] == [
        ("FL904", 12, "suppression of FL102 suppresses nothing here")]


def test_text_file_suppression_line(reference):
    text = "Kim Yo-Long one.\nfactlint: ignore FL101\nKim Yo-Long two.\n\nKim Yo-Long three.\n"
    assert [f.span.line for f in factlint.check_text(text, reference=reference, kind="text")] == [1, 5]


# --- baseline --------------------------------------------------------------------------------

@pytest.mark.slow
def test_baseline_survives_line_shifts_and_catches_changed_text(tmp_path):
    article = tmp_path / "a.md"
    article.write_text(ERRORS, encoding="utf-8")
    assert run("check", "a.md", "--baseline", "base.json", "--update-baseline", cwd=tmp_path).returncode == 0
    assert json.loads((tmp_path / "base.json").read_text())["factlint_baseline"] == 1
    article.write_text("A new first paragraph.\n\n" + ERRORS, encoding="utf-8")  # lines shift
    proc = run("check", "a.md", "--baseline", "base.json", cwd=tmp_path)
    assert proc.returncode == 0 and "2 findings in the baseline not shown" in proc.stderr
    article.write_text("A new first paragraph.\n\n" + ERRORS.replace("Kim Yo-Long", "Kim Yo-Jonng"), encoding="utf-8")
    assert codes(run("check", "a.md", "--baseline", "base.json", "--format", "json", cwd=tmp_path)) == [
        ("a.md", 3, "FL101")]


# --- fixes -----------------------------------------------------------------------------------

@pytest.mark.slow
def test_fix_keeps_encoding_bom_and_line_endings_and_is_idempotent(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + b"Kim Yo-Long spoke.\r\nPres. Suk-yeol agreed.\r\nYoon Suk Yeol.\r\n")
    path.chmod(0o640)
    diff = run("check", "a.txt", "--diff", cwd=tmp_path)
    assert diff.returncode == 1 and "+Kim Yo Jong spoke." in diff.stdout and path.read_bytes().count(b"Yo-Long") == 1
    fixed = run("check", "a.txt", "--fix", cwd=tmp_path)
    assert fixed.returncode == 0 and "Fixed 2 findings in 1 file." in fixed.stderr
    assert path.read_bytes() == b"\xef\xbb\xbf" + b"Kim Yo Jong spoke.\r\nPres. Yoon agreed.\r\nYoon Suk Yeol.\r\n"
    assert path.stat().st_mode & 0o777 == 0o640
    again = run("check", "a.txt", "--fix", cwd=tmp_path)
    assert "Fixed 0 findings in 0 files." in again.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no temporary files left


@pytest.mark.slow
def test_fix_never_touches_code_front_matter_or_urls(tmp_path):
    text = ("---\ntitle: Kim Yo-Long\n---\nKim Yo-Long spoke.\n\n```\nKim Yo-Long\n```\n"
            "See https://example.org/Kim-Yo-Long and `Kim Yo-Long`.\n")
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    run("check", "a.md", "--fix", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == text.replace("---\nKim Yo-Long spoke.", "---\nKim Yo Jong spoke.")


@pytest.mark.slow
def test_interrupted_fix_leaves_the_old_or_the_new_file(tmp_path):
    # A large file makes the write take long enough to kill the process in the middle of it.
    path = tmp_path / "big.md"
    old = ("Kim Yo-Long spoke at length about nothing in particular. " * 8 + "\n\n") * 3000
    new = old.replace("Kim Yo-Long", "Kim Yo Jong")
    outcomes = set()
    for delay in (0.3, 0.6, 0.9, 1.2, 1.6, 2.0, 2.5, 3.0):
        path.write_text(old, encoding="utf-8")
        proc = subprocess.Popen([sys.executable, "-m", "factlint", "check", str(path), "--fix"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        content = path.read_text(encoding="utf-8")
        assert content in (old, new)
        outcomes.add("new" if content == new else "old")
    assert "old" in outcomes  # killed before the rename at least once


def test_interrupted_write_in_process_keeps_the_file(tmp_path, monkeypatch):
    from factlint import write

    path = tmp_path / "a.md"
    path.write_text("before\n", encoding="utf-8")

    def boom(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(write.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write.write_atomic(path, "after\n")
    assert path.read_text() == "before\n" and [p.name for p in tmp_path.iterdir()] == ["a.md"]


# --- output formats --------------------------------------------------------------------------

@pytest.mark.slow
def test_sarif_output():
    proc = run("check", str(EXAMPLES / "names-errors.md"), "--format", "sarif")
    log = json.loads(proc.stdout)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    run0 = log["runs"][0]
    rules = run0["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules][:3] == ["FL101", "FL102", "FL103"]
    assert all(r["shortDescription"]["text"] and "What it catches" in r["help"]["text"] for r in rules)
    first = run0["results"][0]
    assert first["ruleId"] == "FL101" and first["level"] == "warning" and rules[first["ruleIndex"]]["id"] == "FL101"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (8, 34, 8, 45)
    replacement = first["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "Kim Yo Jong"
    assert replacement["deletedRegion"] == {"startLine": 8, "startColumn": 34, "endLine": 8, "endColumn": 45}


@pytest.mark.slow
def test_github_annotations():
    lines = run("check", str(EXAMPLES / "names-errors.md"), "--format", "github").stdout.splitlines()
    assert lines[0].startswith(f"::warning file={EXAMPLES / 'names-errors.md'},line=8,col=34,endLine=8,"
                               "endColumn=45,title=FL101::\"Kim Yo-Long\" looks like a misspelling of Kim Yo Jong")
    assert len(lines) == 6 and all(line.startswith("::") for line in lines)


@pytest.mark.slow
def test_machine_formats_have_no_progress_and_stderr_stays_quiet():
    proc = run("check", str(EXAMPLES), "--format", "json")
    assert proc.stderr == ""


# --- pre-commit ------------------------------------------------------------------------------

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
# The one summary line each factlint process prints: how many processes pre-commit ran, and on how many files.
SUMMARY = re.compile(r"^(?:Found .* in \d+ of|All clear: no findings in) (\d+) files?\b", re.MULTILINE)
# Twelve briefings in long folders; two of them date KORUS differently (the record says 2012).
AGREES = "desks/seoul-bureau-economics-and-trade/2024-05-alliance-trade-background.md"
DISAGREES = "desks/washington-bureau-congress-and-policy/2024-06-hearing-preparation-notes.md"
BRIEFINGS = {
    AGREES: "Background for the visit: KORUS took effect in 2012, after five years of debate.\n",
    DISAGREES: "Notes for the hearing.\n\nMembers may recall that KORUS took effect in 2011.\n",
    **{f"desks/regional-desk-number-{n:02d}-alliance-affairs/weekly-briefing-{n:02d}.md":
       f"Weekly briefing {n}: the ministers met again and agreed to meet next month.\n" for n in range(10)},
}
EXPECTED_FL501 = f"{DISAGREES}:3:46: FL501 KORUS took effect: 2011 here, but 2012 at {AGREES}:1:48"


def pre_commit_or_skip() -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if subprocess.run([*PRE_COMMIT, "--version"], capture_output=True).returncode != 0:
        pytest.skip("pre-commit is not installed")


def git_repo(path: Path, files: dict[str, str]) -> dict[str, str]:
    """A git repository holding `files`, all staged; returns the environment to run pre-commit in."""
    # TRAVIS: pre-commit then runs at most 2 processes at once, so its split is the same on any machine.
    env = {**os.environ, "PRE_COMMIT_HOME": str(path.parent / "pre-commit-cache"), "NO_COLOR": "1", "TRAVIS": "1",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    path.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=path, check=True, env=env)
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=path, check=True, env=env)
    return env


def local_hook(repo: Path, **changes: object) -> None:
    """The hook as .pre-commit-hooks.yaml defines it, run from this interpreter (language: system, so
    pre-commit builds no environment), with `changes` applied."""
    import yaml

    (hook,) = [h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text()) if h["id"] == "factlint"]
    hook = {**hook, "language": "system", "entry": f"{shlex.quote(sys.executable)} -m factlint check", **changes}
    (repo / ".pre-commit-config.yaml").write_text(json.dumps({"repos": [{"repo": "local", "hooks": [hook]}]}))


@pytest.mark.slow
def test_pre_commit_hook_with_the_real_tool(tmp_path):
    pre_commit_or_skip()
    repo = tmp_path / "briefings"
    env = git_repo(repo, {"note.md": "Kim Yo-Long issued a statement.\n"})

    def hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run([*PRE_COMMIT, "try-repo", str(ROOT), "factlint", "--files", "note.md"], cwd=repo,
                              capture_output=True, text=True, env=env, timeout=900)

    failed = hook()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "note.md:1:1: FL101" in failed.stdout
    (repo / "note.md").write_text("Kim Yo Jong issued a statement.\n", encoding="utf-8")
    passed = hook()
    assert passed.returncode == 0, passed.stdout + passed.stderr


@pytest.mark.slow
def test_pre_commit_config_pinned_to_a_commit_sha(tmp_path):
    # The README's way to pin: rev is a full commit SHA of the repository (no release tag exists).
    pre_commit_or_skip()
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip("this copy of factlint is not a git checkout")
    repo = tmp_path / "briefings"
    env = git_repo(repo, {"note.md": "Kim Yo-Long issued a statement.\n"})
    config = {"repos": [{"repo": str(ROOT), "rev": head.stdout.strip(), "hooks": [{"id": "factlint"}]}]}
    (repo / ".pre-commit-config.yaml").write_text(json.dumps(config), encoding="utf-8")
    hooked = subprocess.run([*PRE_COMMIT, "run", "--all-files"], cwd=repo, capture_output=True, text=True, env=env,
                            timeout=900)
    assert hooked.returncode == 1, hooked.stdout + hooked.stderr
    assert "note.md:1:1: FL101 \"Kim Yo-Long\" looks like a misspelling of Kim Yo Jong" in hooked.stdout


@pytest.mark.slow
def test_pre_commit_hook_checks_all_files_in_one_process_and_keeps_cross_file_findings(tmp_path):
    pre_commit_or_skip()
    repo = tmp_path / "briefings"
    env = git_repo(repo, BRIEFINGS)
    direct = run("check", ".", cwd=repo)
    assert EXPECTED_FL501 in direct.stdout.splitlines()
    assert SUMMARY.findall(direct.stdout) == ["12"]
    hooked = subprocess.run([*PRE_COMMIT, "try-repo", str(ROOT), "factlint", "--all-files"], cwd=repo,
                            capture_output=True, text=True, env=env, timeout=900)
    assert hooked.returncode == 1, hooked.stdout + hooked.stderr
    assert SUMMARY.findall(hooked.stdout) == ["12"]  # one factlint process saw all twelve files
    assert EXPECTED_FL501 in hooked.stdout.splitlines()


@pytest.mark.slow
def test_without_require_serial_pre_commit_splits_the_files_and_loses_the_finding(tmp_path):
    # The control for the test above: the same briefings, the hook with require_serial: false.
    pre_commit_or_skip()
    repo = tmp_path / "briefings"
    env = git_repo(repo, BRIEFINGS)
    local_hook(repo, require_serial=False)
    hooked = subprocess.run([*PRE_COMMIT, "run", "factlint", "--all-files"], cwd=repo, capture_output=True,
                            text=True, env=env, timeout=300)
    assert sorted(SUMMARY.findall(hooked.stdout)) == ["6", "6"]
    assert "FL501" not in hooked.stdout and f"{DISAGREES}:3:46: FL201" in hooked.stdout


@pytest.mark.slow
def test_pre_commit_still_splits_a_file_list_over_its_command_line_cap(tmp_path):
    # What require_serial cannot change, and the README says: pre-commit caps one command line at
    # 128 KiB (less if ARG_MAX minus the environment is smaller) and runs the rest as another
    # process, one after the other. 90 paths of 1,830 bytes are 165 KB: two processes.
    pre_commit_or_skip()
    folder = "/".join(f"{n}-" + "long-folder-name" * 14 for n in range(8))  # 8 levels of 226 bytes
    files = {f"{folder}/{n:02d}-filler.md": "The ministers met again.\n" for n in range(88)}
    files |= {f"{folder}/00-a.md": BRIEFINGS[AGREES], f"{folder}/99-z.md": BRIEFINGS[DISAGREES]}
    repo = tmp_path / "briefings"
    env = git_repo(repo, files)
    assert "FL501" in run("check", ".", cwd=repo).stdout
    local_hook(repo)
    hooked = subprocess.run([*PRE_COMMIT, "run", "factlint", "--all-files"], cwd=repo, capture_output=True,
                            text=True, env=env, timeout=300)
    batches = [int(n) for n in SUMMARY.findall(hooked.stdout)]
    assert len(batches) == 2 and sum(batches) == 90 and "FL501" not in hooked.stdout


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("script") is None, reason="util-linux `script` (for a terminal) is not installed")
def test_progress_shows_on_a_terminal_only(tmp_path):
    for n in range(25):
        (tmp_path / f"a{n:02d}.md").write_text("Kim Yo-Long spoke.\n", encoding="utf-8")
    command = f"{sys.executable} -m factlint check {tmp_path}"
    on_terminal = subprocess.run(["script", "-qec", command, "/dev/null"], capture_output=True, text=True,
                                 timeout=120, env={**os.environ, "NO_COLOR": "1"})
    assert "checked 24/25 files" in on_terminal.stdout
    piped = run("check", str(tmp_path))
    assert "checked" not in piped.stderr and "checked" not in piped.stdout


SARIF_SCHEMA = Path(os.environ.get("FACTLINT_SARIF_SCHEMA",
                                  ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"))


def sarif_schema() -> dict:
    """The official SARIF 2.1.0 schema, beside the clone as in CI. Missing, the test fails: a skip would
    hide that the output was never validated. FACTLINT_NO_SARIF_SCHEMA=1 is the explicit opt-out."""
    if not SARIF_SCHEMA.is_file():
        if os.environ.get("FACTLINT_NO_SARIF_SCHEMA") == "1":
            pytest.skip(f"FACTLINT_NO_SARIF_SCHEMA=1 and the official SARIF schema is not at {SARIF_SCHEMA}")
        pytest.fail(f"the official SARIF schema is not at {SARIF_SCHEMA}: put it there, name it in "
                    "FACTLINT_SARIF_SCHEMA, or set FACTLINT_NO_SARIF_SCHEMA=1 to skip this test")
    return json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))


def sarif(*args: str, cwd: Path) -> dict:
    return json.loads(run("check", *args, "--format", "sarif", cwd=cwd).stdout)


def fingerprint(result: dict) -> str:
    return result["partialFingerprints"]["factlint/v1"]


@pytest.mark.slow
def test_sarif_validates_against_the_official_schema(tmp_path):
    import jsonschema

    schema = sarif_schema()
    (tmp_path / "a.md").write_text(BRIEFINGS[AGREES], encoding="utf-8")
    (tmp_path / "b.md").write_text(BRIEFINGS[DISAGREES] + "\nKim Yo-Long issued a statement.\n", encoding="utf-8")
    log = sarif(".", cwd=tmp_path)
    results = log["runs"][0]["results"]
    # The output holds what the schema must accept: a related location, fixes, fingerprints, help links.
    assert [r["ruleId"] for r in results] == ["FL201", "FL501", "FL101"]
    assert "relatedLocations" in results[1] and "fixes" in results[0] and "fixes" in results[2]
    jsonschema.validate(log, schema)
    jsonschema.validate(json.loads(run("check", str(EXAMPLES), "--format", "sarif").stdout), schema)


@pytest.mark.slow
def test_sarif_fl501_points_at_the_other_place(tmp_path):
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "a.md").write_text(BRIEFINGS[AGREES], encoding="utf-8")
    (tmp_path / "desk" / "b.md").write_text(BRIEFINGS[DISAGREES], encoding="utf-8")
    (result,) = [r for r in sarif("desk", cwd=tmp_path)["runs"][0]["results"] if r["ruleId"] == "FL501"]
    assert result["message"]["text"] == "KORUS took effect: 2011 here, but 2012 at desk/a.md:1:48"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "desk/b.md"
    assert result["relatedLocations"] == [{
        "id": 1,
        "physicalLocation": {"artifactLocation": {"uri": "desk/a.md"},
                             "region": {"startLine": 1, "startColumn": 48, "endLine": 1, "endColumn": 52,
                                        "charOffset": 47, "charLength": 4}},
        "message": {"text": "the same fact, stated otherwise"}}]
    # The JSON output carries the same other place.
    (fl501,) = [f for f in json.loads(run("check", "desk", "--format", "json", cwd=tmp_path).stdout)["findings"]
                if f["code"] == "FL501"]
    assert fl501["related"] == [{"path": "desk/a.md", "line": 1, "column": 48, "end_line": 1, "end_column": 52}]
    # Within one document, the other place is in the same file.
    (tmp_path / "one.md").write_text(BRIEFINGS[AGREES] + "\n" + BRIEFINGS[DISAGREES], encoding="utf-8")
    (result,) = [r for r in sarif("one.md", cwd=tmp_path)["runs"][0]["results"] if r["ruleId"] == "FL501"]
    related = result["relatedLocations"][0]["physicalLocation"]
    assert (related["artifactLocation"]["uri"], related["region"]["startLine"], related["region"]["startColumn"]) == (
        "one.md", 1, 48)


@pytest.mark.slow
def test_sarif_fingerprints_survive_line_shifts_and_tell_findings_apart(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("Kim Yo-Long spoke.\n\nAntony Blinkin listened. Kim Yo-Long spoke again.\n", encoding="utf-8")
    before = sarif("a.md", cwd=tmp_path)["runs"][0]["results"]
    article.write_text("A new opening paragraph.\n\nAnother.\n\nKim Yo-Long spoke.\n\n"
                       "Antony Blinkin listened. Kim Yo-Long spoke again.\n", encoding="utf-8")
    after = sarif("a.md", cwd=tmp_path)["runs"][0]["results"]
    lines = [[r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in rs] for rs in (before, after)]
    assert lines == [[1, 3, 3], [5, 7, 7]]
    assert [fingerprint(r) for r in before] == [fingerprint(r) for r in after]
    assert len({fingerprint(r) for r in before}) == 3  # two occurrences of one misspelling differ too
    assert all(len(fingerprint(r)) == 20 and int(fingerprint(r), 16) >= 0 for r in before)
    # The same prints a baseline in this folder records: one recipe, in baseline.py.
    run("check", "a.md", "--baseline", "base.json", "--update-baseline", cwd=tmp_path)
    assert json.loads((tmp_path / "base.json").read_text())["fingerprints"] == sorted(fingerprint(r) for r in after)
    # Changed text is a different finding.
    article.write_text("Kim Yo-Jonng spoke.\n", encoding="utf-8")
    (changed,) = sarif("a.md", cwd=tmp_path)["runs"][0]["results"]
    assert changed["ruleId"] == "FL101" and fingerprint(changed) not in {fingerprint(r) for r in before}


@pytest.mark.slow
def test_sarif_help_uri_is_each_rules_anchor_in_the_readme(tmp_path):
    from factlint.rules import ALL_RULES

    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    docs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]["Documentation"]
    assert docs.endswith("/README.md")
    rules = sarif(str(EXAMPLES / "names-errors.md"), cwd=tmp_path)["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["helpUri"] == f"{docs}#fl101"
    assert [r["helpUri"] for r in rules] == [f"{docs}#{rule.code.lower()}" for rule in ALL_RULES]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f'| <a id="{rule.code.lower()}"></a>{rule.code} |' in readme for rule in ALL_RULES)


# --- speed features: same results, whatever the route -----------------------------------------

@pytest.mark.slow
def test_jobs_give_identical_output_in_the_same_order(tmp_path):
    for n in range(12):
        shutil.copy(EXAMPLES / ("names-errors.md" if n % 2 else "treaty-dates-errors.md"), tmp_path / f"a{n:02d}.md")
    one = run("check", str(tmp_path), "--format", "json", "-j", "1").stdout
    two = run("check", str(tmp_path), "--format", "json", "-j", "2").stdout
    assert one == two and len(json.loads(one)["findings"]) > 40


def test_reference_cache_is_invalidated_by_any_change(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    layer = tmp_path / "ours"
    layer.mkdir()
    source = "sources:\n  - {id: s1, publisher: P, title: T, url: 'https://example.org/a', accessed: 2026-11-23}\n"
    (layer / "a.yaml").write_text(source + "people:\n  - {id: p1, name: Janet Quillfeather, family: Quillfeather, "
                                  "given: Janet, order: given-first, sources: [s1]}\n", encoding="utf-8")
    first = factlint.load_reference([layer])
    assert list((tmp_path / "cache" / "factlint").glob("reference-*.pickle"))
    cached = factlint.load_reference([layer])
    assert cached.people["p1"].name == first.people["p1"].name == "Janet Quillfeather"
    (layer / "a.yaml").write_text(source + "people:\n  - {id: p1, name: Janet Quilfeather, family: Quilfeather, "
                                  "given: Janet, order: given-first, sources: [s1]}\n", encoding="utf-8")
    assert factlint.load_reference([layer]).people["p1"].name == "Janet Quilfeather"
    assert len(list((tmp_path / "cache" / "factlint").glob("reference-*.pickle"))) == 2
    # A damaged cache file is rebuilt, never trusted.
    for cache_file in (tmp_path / "cache" / "factlint").glob("reference-*.pickle"):
        cache_file.write_bytes(b"not a pickle")
    assert factlint.load_reference([layer]).people["p1"].name == "Janet Quilfeather"


# --- second-reader regressions -----------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("name, text, lines", [
    ("crlf.md", "Para.\r\n\r\n<!-- factlint: ignore -->\r\nKim Yo-Long spoke.\r\n\r\nKim Yo-Long again.\r\n", [6]),
    ("code.md", "Use `<!-- factlint: disable -->` to turn checks off.\n\nKim Yo-Long spoke.\n", [3]),
    ("fence.md", "```\n<!-- factlint: disable -->\n```\n\nKim Yo-Long spoke.\n", [5]),
    ("partial.md", "<!-- factlint: disable FL101 FL102 -->\n\nText.\n\n<!-- factlint: enable FL101 -->\n\n"
                   "Kim Yo-Long spoke. Pres. Suk-yeol met Yoon Suk Yeol.\n", [7]),
    ("trail.md", "Kim Yo-Long spoke. <!-- factlint: ignore FL101 -->\n\nAntony Blinkin said.\n", [3]),
])
def test_suppression_edge_cases(tmp_path, name, text, lines):
    (tmp_path / name).write_bytes(text.encode("utf-8"))
    assert [line for _, line, _ in codes(run("check", name, "--format", "json", cwd=tmp_path))] == lines


@pytest.mark.slow
def test_fix_leaves_names_that_run_across_markup_alone(tmp_path):
    (tmp_path / "p.html").write_text("<p>Kim <em>Yo-Long</em> spoke.</p>\n", encoding="utf-8")
    assert run("check", "p.html", "--diff", cwd=tmp_path).stdout == ""
    run("check", "p.html", "--fix", cwd=tmp_path)
    assert (tmp_path / "p.html").read_text(encoding="utf-8") == "<p>Kim <em>Yo-Long</em> spoke.</p>\n"


@pytest.mark.slow
def test_fix_through_a_symlink_keeps_the_link(tmp_path):
    (tmp_path / "real.md").write_text("Kim Yo-Long spoke.", encoding="utf-8")
    (tmp_path / "link.md").symlink_to("real.md")
    diff = run("check", "link.md", "--diff", cwd=tmp_path).stdout
    assert diff.endswith("+Kim Yo Jong spoke.\n\\ No newline at end of file\n")
    run("check", "link.md", "--fix", cwd=tmp_path)
    assert (tmp_path / "link.md").is_symlink() and (tmp_path / "real.md").read_text() == "Kim Yo Jong spoke."


@pytest.mark.slow
def test_extract_refuses_two_documents_for_one_claim_file(tmp_path):
    (tmp_path / "d1").mkdir()
    (tmp_path / "d2").mkdir()
    (tmp_path / "d1" / "x.md").write_text("Kim Yo-Long spoke.\n", encoding="utf-8")
    (tmp_path / "d2" / "x.md").write_text("Antony Blinkin spoke.\n", encoding="utf-8")
    assert run("extract", "d1/x.md", "d2/x.md", "-o", "out", cwd=tmp_path).returncode == 0
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.yaml")) == [
        "d1/x.claims.yaml", "d2/x.claims.yaml"]
    (tmp_path / "d1" / "x.txt").write_text("Text.\n", encoding="utf-8")
    proc = run("extract", "d1", "-o", "out2", cwd=tmp_path)
    assert proc.returncode == 2 and "would both be written to" in proc.stderr


@pytest.mark.slow
def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.md").write_text(ERRORS, encoding="utf-8")
    run("check", "a.md", "--baseline", "base.json", "--update-baseline", cwd=tmp_path)
    proc = run("check", "../a.md", "--baseline", "../base.json", "--format", "json", cwd=tmp_path / "sub")
    assert json.loads(proc.stdout)["findings"] == []


@pytest.mark.slow
@pytest.mark.parametrize("text, message", [
    ("severity: {fl1: info}\n", "unknown rule code 'FL1'"),
    ("per-file-ignores: {'drafts/*': [FLXYZ]}\n", "unknown rule code or prefix 'FLXYZ'"),
])
def test_configuration_rule_codes_are_checked(tmp_path, text, message):
    (tmp_path / ".factlint.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "a.md").write_text("Text.\n", encoding="utf-8")
    proc = run("check", "a.md", cwd=tmp_path)
    assert proc.returncode == 2 and message in proc.stderr
