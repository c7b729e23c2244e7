"""Hostile and broken input through the real CLI: bad files are reported and the run goes on, fixes
never land outside prose, and output does not depend on the run (repeats, line endings, --jobs, file
order)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, run_cli

GOOD = "Kim Yo-Long said so.\n"  # one FL101 at 1:1


run = run_cli


def findings(proc: subprocess.CompletedProcess[str]) -> list[tuple[str, str, int, int, str]]:
    return [(Path(f["path"]).name, f["code"], f["line"], f["column"], f["message"])
            for f in json.loads(proc.stdout)["findings"]]


# --- bad files ----------------------------------------------------------------------------------

def _loop(folder: Path) -> None:
    (folder / "x.md").symlink_to(folder / "y.md")
    (folder / "y.md").symlink_to(folder / "x.md")


BAD_FILES = {
    "invalid UTF-8": (lambda d: (d / "x.md").write_bytes(b"caf\xe9 Kim\n"), "not valid UTF-8: invalid continuation byte at byte 3"),
    "binary": (lambda d: (d / "x.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "binary file (contains NUL bytes)"),
    "NUL after the first 8 KiB": (lambda d: (d / "x.md").write_bytes(b"a" * 9000 + b"\x00"), "binary file (contains NUL bytes)"),
    "truncated UTF-16": (lambda d: (d / "x.md").write_bytes(b"\xff\xfeK\x00i"), "not valid utf-16-le text: truncated data at byte 4"),
    "50 MB": (lambda d: _sparse(d / "x.md", 50_000_000), "file too large to check: 50,000,000 bytes (the limit is 5,000,000)"),
    "dangling symlink": (lambda d: (d / "x.md").symlink_to(d / "gone.md"), "cannot read file: No such file or directory"),
    "symlink loop": (_loop, "cannot read file: Too many levels of symbolic links"),
}


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as handle:
        handle.truncate(size)


@pytest.mark.slow
@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_is_fl901_and_the_others_are_still_checked(tmp_path, case):
    make, message = BAD_FILES[case]
    make(tmp_path)
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    proc = run("check", str(tmp_path), "--format", "json")
    assert proc.returncode == 2, proc.stderr  # 2: a file could not be checked
    got = findings(proc)
    assert ("good.md", "FL101", 1, 1, '"Kim Yo-Long" looks like a misspelling of Kim Yo Jong') in got
    bad = [f for f in got if f[1] == "FL901"]
    assert [f[0] for f in bad] == (["x.md", "y.md"] if case == "symlink loop" else ["x.md"])
    assert bad[0][4] == message


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_reported_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "x.md")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    for target in (str(tmp_path), str(tmp_path / "x.md")):
        proc = run("check", target, "--format", "json", timeout=60)
        assert proc.returncode == 2
        assert ("x.md", "FL901", 1, 1, "not a regular file: a named pipe") in findings(proc)


@pytest.mark.slow
def test_a_device_is_reported_not_read_forever():
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    proc = run("check", "/dev/zero", "--format", "json", timeout=60)
    assert proc.returncode == 2
    assert findings(proc) == [("zero", "FL901", 1, 1, "not a regular file: a character device")]


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_fl901(tmp_path):
    path = tmp_path / "x.md"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    try:
        proc = run("check", str(path), "--format", "json")
    finally:
        path.chmod(0o644)
    assert proc.returncode == 2
    assert findings(proc) == [("x.md", "FL901", 1, 1, "cannot read file: Permission denied")]


@pytest.mark.slow
@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", "Kim Yo-Long said so.\n".encode("utf-16")])
def test_empty_bom_only_and_utf16_files_are_read(tmp_path, data):
    (tmp_path / "x.md").write_bytes(data)
    proc = run("check", str(tmp_path / "x.md"), "--format", "json")
    expected = [("x.md", "FL101", 1, 1, '"Kim Yo-Long" looks like a misspelling of Kim Yo Jong')] if len(data) > 3 else []
    assert findings(proc) == expected
    assert proc.returncode == (1 if expected else 0)


@pytest.mark.slow
def test_a_directory_named_like_a_file_is_walked(tmp_path):
    (tmp_path / "x.md").mkdir()
    (tmp_path / "x.md" / "inner.md").write_text(GOOD, encoding="utf-8")
    proc = run("check", str(tmp_path / "x.md"), "--format", "json")
    assert [f[:2] for f in findings(proc)] == [("inner.md", "FL101")]


# --- fixes only ever touch prose ----------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("name, text", [
    ("a.txt", "See https://example.org/Kim-Yo-Long/profile and example.org/Kim-Yo-Long today.\n"),
    ("a.md", "See state.gov/Kim-Yo-Long or write to Kim-Yo-Long@example.org.\n"),
    ("a.md", "<code>Kim Yo-Long</code> and <pre>\nKim Yo-Long\n</pre>\n<script>var s = 'Kim Yo-Long';</script>\n"),
    ("a.md", "---\n" + "".join(f"k{i}: v\n" for i in range(600)) + "title: Kim Yo-Long\n---\nNothing to see.\n"),
    ("a.md", "[ref]: https://example.org/Kim-Yo-Long\n\n`Kim Yo-Long` and ``Kim `Yo-Long` ``.\n"),
    ("a.md", "> A quote.\n>\n>     Kim Yo-Long, indented code in the quote\n"),
])
def test_fix_never_rewrites_addresses_code_or_front_matter(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    proc = run("check", name, "--fix", cwd=tmp_path)
    assert "Fixed 0 findings in 0 files." in proc.stderr
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.slow
def test_fix_leaves_read_only_and_hard_linked_files_alone_and_says_so(tmp_path):
    locked, linked = tmp_path / "locked.md", tmp_path / "linked.md"
    for path in (locked, linked):
        path.write_text(GOOD, encoding="utf-8")
    locked.chmod(0o444)
    os.link(linked, tmp_path / "other-name.md")
    proc = run("check", "locked.md", "linked.md", "--fix", cwd=tmp_path)
    assert "locked.md: not fixed: the file is read-only" in proc.stderr
    assert "linked.md: not fixed: the file has other hard links" in proc.stderr
    assert "Fixed 0 findings in 0 files." in proc.stderr
    assert locked.read_text(encoding="utf-8") == linked.read_text(encoding="utf-8") == GOOD
    locked.chmod(0o644)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_applies_as_a_patch_even_with_unicode_line_separators(tmp_path):
    text = "Intro\u2028still the first line.\fAnd a form feed.\nKim Yo-Long said so.\n"
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    proc = run("check", "a.md", "--diff", cwd=tmp_path)
    assert proc.stdout.count("\n-") == 1 and proc.stdout.count("\n+") == 1 + 1  # the +++ header and one line
    (tmp_path / "fix.patch").write_text(proc.stdout, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    applied = subprocess.run(["git", "apply", "fix.patch"], cwd=tmp_path, capture_output=True, text=True)
    assert applied.returncode == 0, applied.stderr
    assert path.read_text(encoding="utf-8") == text.replace("Kim Yo-Long", "Kim Yo Jong")


@pytest.mark.slow
def test_interrupted_baseline_update_leaves_the_old_or_the_new_baseline(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for i in range(300):
        (articles / f"a{i:03}.md").write_text(GOOD * 20, encoding="utf-8")
    from factlint.baseline import FORMAT

    baseline = tmp_path / "baseline.json"
    old = json.dumps({"factlint_baseline": FORMAT, "fingerprints": []}) + "\n"
    outcomes = set()
    for delay in (0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0):
        baseline.write_text(old, encoding="utf-8")
        proc = subprocess.Popen([sys.executable, "-m", "factlint", "check", str(articles), "-j", "1",
                                 "--baseline", str(baseline), "--update-baseline"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        content = baseline.read_text(encoding="utf-8")
        if content != old:
            assert len(json.loads(content)["fingerprints"]) == 300 * 20  # whole, never half-written
            outcomes.add("new")
        else:
            outcomes.add("old")
    assert "old" in outcomes


# --- determinism --------------------------------------------------------------------------------

@pytest.mark.slow
def test_output_is_identical_across_runs_line_endings_jobs_and_file_order(tmp_path):
    lf, crlf = tmp_path / "lf", tmp_path / "crlf"
    shutil.copytree(EXAMPLES, lf)
    for path in sorted(lf.rglob("*")):
        if path.is_file():
            target = crlf / path.relative_to(lf)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    files = sorted(str(p.relative_to(tmp_path)) for p in lf.rglob("*.md"))

    def report(*args: str) -> str:
        proc = run("check", *args, "--format", "json", cwd=tmp_path)
        assert proc.returncode == 1, proc.stderr
        return proc.stdout

    first = report(*files, "-j", "1")
    assert report(*files, "-j", "1") == first
    assert report(*files, "-j", "2") == first
    assert report(*reversed(files), "-j", "1") == first
    assert report(*reversed(files), "-j", "2") == first
    assert json.loads(first)["findings"]
    as_crlf = report(*(f.replace("lf/", "crlf/", 1) for f in files), "-j", "2")
    assert as_crlf == first.replace('"lf/', '"crlf/').replace(' lf/', ' crlf/')


@pytest.mark.slow
def test_fix_keeps_reference_links_working(tmp_path):
    text = ("See [the sister][Kim Yo-Long] and [Kim Yo-Long], then Kim Yo-Long again.\n\n"
            "[Kim Yo-Long]: https://example.org/profile\n")
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    proc = run("check", "a.md", "--fix", cwd=tmp_path)
    assert "Fixed 1 finding in 1 file." in proc.stderr
    assert path.read_text(encoding="utf-8") == text.replace("then Kim Yo-Long", "then Kim Yo Jong")


def test_a_failure_inside_factlint_costs_one_file_not_the_run(tmp_path, monkeypatch, reference):
    from factlint import api

    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "boom.md").write_text(GOOD, encoding="utf-8")
    real = api.extract

    def flaky(doc, ref, **kwargs):
        if doc.path.endswith("boom.md"):
            raise RuntimeError("simulated")
        return real(doc, ref, **kwargs)

    monkeypatch.setattr(api, "extract", flaky)
    failed = ("boom.md", "FL901", "factlint failed on this file (RuntimeError: simulated); please report it as a bug")
    result = api.check_paths([tmp_path], reference=reference)
    assert [(Path(f.path).name, f.code, f.message) for f in result.findings] == [
        ("a.md", "FL101", '"Kim Yo-Long" looks like a misspelling of Kim Yo Jong'), failed]
    # Reported even when FL901 is not among the selected rules: an unchecked file never passes silently.
    result = api.check_paths([tmp_path], reference=reference, select=["FL2"])
    assert [(Path(f.path).name, f.code, f.message) for f in result.findings] == [failed]


@pytest.mark.slow
def test_update_baseline_never_records_an_unreadable_file_and_says_so(tmp_path):
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00")
    proc = run("check", ".", "--baseline", "base.json", "--update-baseline", cwd=tmp_path)
    assert proc.returncode == 2
    assert "Recorded 1 finding in base.json." in proc.stderr
    assert "bad.md: not recorded, not checked: not valid utf-16-le text: truncated data at byte 2" in proc.stderr
    again = run("check", ".", "--baseline", "base.json", "--format", "json", cwd=tmp_path)
    assert again.returncode == 2
    assert [f[:2] for f in findings(again)] == [("bad.md", "FL901")]
