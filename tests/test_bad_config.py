"""Hostile reference data, configuration and baselines through the real command line: each is refused
quickly, in bounded memory, with the file, the line and the key, and never with a traceback or a
crash. Front matter goes through the same YAML loader."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factlint.yamlfile import YamlError, load_yaml

GOOD = "Kim Yo-Long said.\n"  # one FL101 at 1:1
SRC = "sources:\n- {id: s1, publisher: P, title: T, url: 'https://example.com/x', accessed: 2024-01-01}\n"
PERSON = ("people:\n- id: kim-test\n  name: Kim Test Person\n  family: Kim\n  given: Test Person\n"
          "  order: family-first\n  sources: [s1]\n")
# Nine levels of ten aliases: a billion values once expanded, a few hundred bytes on disk.
BOMB = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(8))


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


# Run factlint under a small Python parent that reports its child's peak memory: RUSAGE_CHILDREN in
# the test process itself would include every earlier test's subprocesses.
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps([proc.returncode, proc.stdout, proc.stderr, time.perf_counter() - start,
                  peak / (1024 * 1024 if sys.platform == "darwin" else 1024)]))
"""


class Run:
    def __init__(self, *args: str, cwd: Path, timeout: float = 60) -> None:
        env = {**os.environ, "NO_COLOR": "1"}
        out = subprocess.run([sys.executable, "-c", _MEASURE, sys.executable, "-m", "factlint", *args],
                             capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout, check=True)
        self.returncode, self.stdout, self.stderr, self.seconds, self.peak_mb = json.loads(out.stdout)


def findings(run: Run) -> list[tuple[str, str, int, str]]:
    return [(Path(f["path"]).name, f["code"], f["line"], f["message"]) for f in json.loads(run.stdout)["findings"]]


# --- reference data -------------------------------------------------------------------------------

REFERENCE = {
    "unsafe tag": (SRC + "people: !!python/object/apply:os.system ['touch PWNED']\n",
                   "data.yaml:3: people: unsupported tag 'tag:yaml.org,2002:python/object/apply:os.system': "
                   "only plain YAML is accepted"),
    "alias bomb": (SRC + BOMB, "data.yaml:3: too many values reached through aliases (over 10,000)"),
    "nested 1,000 deep": (SRC + "x: " + deep(1_000) + "\n", "data.yaml:3: nested too deeply (over 100 levels)"),
    "nested 30,000 deep": (SRC + "x: " + deep(30_000) + "\n", "data.yaml:3: nested too deeply (over 100 levels)"),
    "nested 2,000 deep, block style": ("".join(" " * i + "a:\n" for i in range(2_000)),
                                        "data.yaml:102: nested too deeply (over 100 levels)"),
    "duplicate key": (SRC + PERSON + "  name: Kim Other\n", "data.yaml:10: duplicate key 'name'"),
    "wrong type": (SRC + "people: just a string\n", "data.yaml:3: people: Input should be a valid list"),
    "date 2023-02-30": (SRC.replace("2024-01-01", "2023-02-30"),
                        "data.yaml:2: sources.0.accessed: invalid value '2023-02-30': day is out of range for month"),
    "not a URL": (SRC.replace("https://example.com/x", "not a url"),
                  "data.yaml:2: sources.0.url: String should match pattern '^https?://[^\\s/$.?#][^\\s]*$'"),
    "!!timestamp nope": (SRC.replace("2024-01-01", "!!timestamp nope"),
                         "data.yaml:2: sources.0.accessed: invalid value 'nope' for !!timestamp"),
    "!!bool perhaps": (SRC + PERSON.replace("family-first", "!!bool perhaps"),
                       "data.yaml:8: people.0.order: invalid value 'perhaps' for !!bool"),
    "!!int ''": (SRC + PERSON.replace("family-first", "!!int ''"), "data.yaml:8: people.0.order: invalid value '' for !!int"),
    "!!float ''": (SRC + PERSON.replace("family-first", "!!float ''"),
                   "data.yaml:8: people.0.order: invalid value '' for !!float"),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", list(REFERENCE))
def test_bad_reference_is_refused_fast_with_file_line_and_key(tmp_path, case):
    text, message = REFERENCE[case]
    (tmp_path / "ref").mkdir()
    (tmp_path / "ref" / "data.yaml").write_text(text, encoding="utf-8")
    run = Run("reference", "validate", "--no-default-reference", "ref", cwd=tmp_path)
    assert run.returncode == 1, run.stderr  # not -11 (SIGSEGV) or a traceback
    assert run.stdout.splitlines()[0] == f"ref{os.sep}{message}"
    assert run.stderr == ""
    assert run.seconds < 5 and run.peak_mb < 150  # the alias bomb used to take 4 s and 472 MB
    assert not (tmp_path / "PWNED").exists()


@pytest.mark.slow
def test_check_with_a_bad_reference_layer_is_exit_2(tmp_path):
    (tmp_path / "ref").mkdir()
    (tmp_path / "ref" / "data.yaml").write_text(SRC + BOMB, encoding="utf-8")
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    run = Run("check", "--reference", "ref", "a.md", cwd=tmp_path)
    assert run.returncode == 2
    assert f"{Path('ref', 'data.yaml')}:3: too many values reached through aliases (over 10,000)" in run.stderr
    assert "Traceback" not in run.stderr


def test_aliases_within_the_limit_and_their_lines_still_load():
    data, lines = load_yaml("a: &x {k: [1, 2]}\nb: *x\nc: !!str 3\n")
    assert data == {"a": {"k": [1, 2]}, "b": {"k": [1, 2]}, "c": "3"}
    assert lines.position(("b", "k", 1)) == (1, 15)  # where the aliased value is written
    assert lines.position(("c",)) == (3, 4)


@pytest.mark.parametrize("text, line, message", [
    ("a: &a [*a]\n", 1, "recursive alias *a"),
    ("a: *b\n", 1, "undefined alias *b"),
    ("a: &x 1\nb: &x 2\n", 2, "duplicate anchor &x"),
    ("a: 1\n---\nb: 2\n", 2, "expected a single document, but found another document"),
    ("x: !!map foo\n", 1, "x: invalid YAML: expected a mapping node, but found scalar"),
])
def test_alias_and_document_errors(text, line, message):
    with pytest.raises(YamlError) as caught:
        load_yaml(text)
    assert (caught.value.line, caught.value.message) == (line, message)


# --- configuration --------------------------------------------------------------------------------

CONFIG = {
    "bad tag": (".factlint.yaml", "house-style: !!bool perhaps\n", "1: house-style: invalid value 'perhaps' for !!bool"),
    "unsafe tag": (".factlint.yaml", "fail-on: !!python/object/apply:os.system ['touch PWNED']\n",
                   "1: fail-on: unsupported tag 'tag:yaml.org,2002:python/object/apply:os.system': "
                   "only plain YAML is accepted"),
    "alias bomb": (".factlint.yaml", BOMB, "1: too many values reached through aliases (over 10,000)"),
    "nested 30,000 deep": (".factlint.yaml", "x: " + deep(30_000) + "\n", "1: nested too deeply (over 100 levels)"),
    "as-of in year 1": (".factlint.yaml", "fail-on: error\nas-of: 0001-01-01\n",
                        "2: as-of: 0001-01-01 is out of range (years 1000 to 9999)"),
    "per-file-ignores": (".factlint.yaml", "per-file-ignores: {'*': [FL999]}\n",
                         "1: per-file-ignores: '*': unknown rule code or prefix 'FL999'"),
    "TOML invalid date": ("pyproject.toml", "[tool.factlint]\nas-of = 2023-02-30\n", "2: invalid TOML: Invalid date or datetime"),
    "TOML duplicate key": ("pyproject.toml", "[tool.factlint]\nfail-on = \"error\"\nfail-on = \"info\"\n",
                           "3: invalid TOML: Cannot overwrite a value"),
    "TOML nested 30,000 deep": ("pyproject.toml", "[tool.factlint]\nx = " + deep(30_000) + "\n",
                                ": invalid TOML: nested too deeply"),
    "TOML as-of in year 9": ("pyproject.toml", "[project]\nname = 'x'\n\n[tool.factlint]\nfail-on = 'error'\nas-of = 0009-01-01\n",
                             "6: as-of: 0009-01-01 is out of range (years 1000 to 9999)"),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", list(CONFIG))
def test_bad_configuration_found_by_walking_up_is_exit_2_with_file_line_and_key(tmp_path, case):
    name, text, message = CONFIG[case]
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text(GOOD, encoding="utf-8")
    run = Run("check", "a.md", cwd=tmp_path / "sub")
    sep = "" if message.startswith(":") else ":"
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == f"factlint: error: {tmp_path / name}{sep}{message}\n"
    assert run.seconds < 5 and run.peak_mb < 150
    assert not (tmp_path / "sub" / "PWNED").exists()


@pytest.mark.slow
def test_front_matter_goes_through_the_same_guards(tmp_path):
    (tmp_path / "a.md").write_text("---\ndate: !!timestamp nope\n---\n" + GOOD, encoding="utf-8")
    (tmp_path / "b.md").write_text("---\nx: " + deep(30_000) + "\n---\n" + GOOD, encoding="utf-8")
    run = Run("check", "--format", "json", "a.md", "b.md", cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    fl101 = '"Kim Yo-Long" looks like a misspelling of Kim Yo Jong'
    assert findings(run) == [
        ("a.md", "FL902", 2, "front matter is not valid YAML: date: invalid value 'nope' for !!timestamp"),
        ("a.md", "FL101", 4, fl101),
        ("b.md", "FL902", 2, "front matter is not valid YAML: nested too deeply (over 100 levels)"),
        ("b.md", "FL101", 4, fl101),
    ]


# --- baselines ------------------------------------------------------------------------------------

@pytest.mark.slow
def test_unreadable_files_are_never_recorded_in_or_hidden_by_a_baseline(tmp_path):
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"caf\xe9\n")
    Run("check", "a.md", "bad.md", "--baseline", "base.json", "--update-baseline", cwd=tmp_path)
    assert len(json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))["fingerprints"]) == 1  # FL101 only
    run = Run("check", "a.md", "bad.md", "--baseline", "base.json", "--format", "json", cwd=tmp_path)
    assert run.returncode == 2
    assert findings(run) == [("bad.md", "FL901", 1, "not valid UTF-8: invalid continuation byte at byte 3")]


@pytest.mark.slow
def test_a_deeply_nested_baseline_is_an_error_not_a_traceback(tmp_path):
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "base.json").write_text(deep(200_000), encoding="utf-8")
    run = Run("check", "a.md", "--baseline", "base.json", cwd=tmp_path)
    assert (run.returncode, run.stderr) == (2, "factlint: error: base.json: cannot read baseline: nested too deeply\n")


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_as_baseline_is_refused_not_waited_on(tmp_path):
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "base.json")
    run = Run("check", "a.md", "--baseline", "base.json", cwd=tmp_path, timeout=30)
    assert (run.returncode, run.stderr) == (2, "factlint: error: base.json: cannot read baseline: not a regular file: a named pipe\n")


# --- symlink loops --------------------------------------------------------------------------------

@pytest.mark.slow
def test_a_symlink_loop_costs_one_finding_not_the_run_with_config_and_baseline(tmp_path):
    # Per-file ignores and baseline fingerprints resolve every finding's path; a loop used to raise
    # RuntimeError there, after every file was checked, and lose the whole report.
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "x.md").symlink_to(tmp_path / "y.md")
    (tmp_path / "y.md").symlink_to(tmp_path / "x.md")
    (tmp_path / ".factlint.yaml").write_text("per-file-ignores: {'drafts/*': [FL1]}\n", encoding="utf-8")
    (tmp_path / "base.json").write_text('{"factlint_baseline": 1, "fingerprints": []}\n', encoding="utf-8")
    run = Run("check", str(tmp_path), "--baseline", "base.json", "--format", "json", cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    loop = "cannot read file: Too many levels of symbolic links"
    assert findings(run) == [("good.md", "FL101", 1, '"Kim Yo-Long" looks like a misspelling of Kim Yo Jong'),
                             ("x.md", "FL901", 1, loop), ("y.md", "FL901", 1, loop)]


@pytest.mark.parametrize("text", ["a: !!seq {b: 1}\n", "a: !!map [1]\n"])
def test_a_collection_tagged_as_the_other_kind_is_an_error(text):
    from factlint.yamlfile import YamlError, load_yaml

    with pytest.raises(YamlError) as caught:
        load_yaml(text)
    assert caught.value.line == 1
    assert "unsupported tag" in caught.value.message
