"""Claims as a reviewable artifact: extract to claim files, check claim files with the same rules,
editors' reviews, and the JSON Schemas."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import EXAMPLES, FIXTURES, ROOT, brief, run_cli

import factlint
from factlint.cli.reference import IMPORT_MARKER
from factlint.yamlfile import load_yaml

CLAIMS = ROOT / "claims"
SCHEMA = ROOT / "schema"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, cwd=cwd)  # from the repository root: claim files name paths relative to it


def without_header(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("# yaml-language-server"))


@pytest.mark.slow
def test_committed_claims_are_what_extract_writes_today(tmp_path):
    proc = run("extract", "examples", "-o", str(tmp_path / "claims"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"Wrote 8 claim files (154 claims) to {tmp_path / 'claims'}.\n"
    written = sorted(p.relative_to(tmp_path / "claims") for p in (tmp_path / "claims").rglob("*.claims.yaml"))
    committed = sorted(p.relative_to(CLAIMS) for p in CLAIMS.rglob("*.claims.yaml"))
    assert written == committed
    for rel in written:
        assert without_header((tmp_path / "claims" / rel).read_text()) == without_header((CLAIMS / rel).read_text()), rel


@pytest.mark.slow
def test_extract_twice_changes_no_byte_and_keeps_reviews(tmp_path):
    out = tmp_path / "c"
    assert run("extract", "examples/names-errors.md", "-o", str(out)).returncode == 0
    path = out / "examples" / "names-errors.claims.yaml"  # a file argument keeps its path
    first = path.read_bytes()
    assert run("extract", "examples/names-errors.md", "-o", str(out)).returncode == 0
    assert path.read_bytes() == first
    # An editor accepts the first claim; re-extracting keeps the review.
    text = first.decode().replace("  confidence: 0.89\n",
                                  "  confidence: 0.89\n  reviewed: {by: A. Editor, on: 2023-05-16, verdict: accepted}\n", 1)
    path.write_text(text, encoding="utf-8")
    assert run("extract", "examples/names-errors.md", "-o", str(out)).returncode == 0
    data, _ = load_yaml(path.read_text())
    reviewed = [c for c in data["claims"] if c.get("reviewed")]
    assert [c["text"] for c in reviewed] == ["Kim Yo-Long"]
    assert reviewed[0]["reviewed"] == {"by": "A. Editor", "on": dt.date(2023, 5, 16), "verdict": "accepted"}
    findings = factlint.check_paths([path]).findings
    assert "Kim Yo-Long" not in [f.text for f in findings]  # accepted: no FL101 on it any more


@pytest.mark.parametrize("name", ["names-errors", "treaty-dates-errors"])
def test_claim_file_draws_the_same_codes_as_its_article(reference, name):
    article = factlint.check_paths([EXAMPLES / f"{name}.md"], reference=reference).findings
    claims = factlint.check_paths([CLAIMS / f"{name}.claims.yaml"], reference=reference).findings
    assert sorted(f.code for f in claims) == sorted(f.code for f in article)
    lines = (CLAIMS / f"{name}.claims.yaml").read_text().splitlines()
    for f in claims:  # each finding points at the claim's text in the claim file
        assert lines[f.span.line - 1][f.span.column - 1:].strip("\"'").startswith(f.text.split("\n")[0][:5])


def test_handwritten_claims_are_checked_like_an_article(reference, tmp_path):
    claims = factlint.check_paths([FIXTURES / "claims" / "handwritten.claims.yaml"], reference=reference).findings
    assert brief(claims) == [
        ("FL101", 8, 11, "Kim Yo Jong"),
        ("FL201", 10, 11, "2012"),
        # Line 16, "Antony Blinkin", was accepted by an editor: no finding.
        ("FL101", 20, 11, "Antony Blinken"),  # reviewed, but as another text: the review no longer holds
    ]
    article = tmp_path / "note.md"
    article.write_text("---\ndate: 2023-05-15\n---\nKim Yo-Long said KORUS took effect in 2011. Anthony Blinken too.\n",
                       encoding="utf-8")
    assert [f.code for f in factlint.check_paths([article], reference=reference).findings] == ["FL101", "FL201", "FL101"]


@pytest.mark.slow
def test_invalid_claim_file_is_reported_at_its_line_and_exits_2():
    proc = run("check", str(FIXTURES / "claims" / "broken.claims.yaml"), "--format", "json")
    assert proc.returncode == 2
    found = [(f["line"], f["code"]) for f in json.loads(proc.stdout)["findings"]]
    assert found == [(6, "FL903")]


@pytest.mark.slow
@pytest.mark.parametrize("what", ["reference", "claims", "findings"])
def test_committed_schemas_are_current(what):
    proc = run("schema", what)
    assert proc.returncode == 0
    assert proc.stdout == (SCHEMA / f"{what}.schema.json").read_text(encoding="utf-8"), \
        f"schema/{what}.schema.json is stale: run `factlint schema {what} > schema/{what}.schema.json`"


def _json(value: object) -> object:
    return json.loads(json.dumps(value, default=str))  # YAML dates become the strings the schema expects


@pytest.mark.slow
def test_schemas_validate_the_shipped_reference_claims_and_output():
    reference = json.loads((SCHEMA / "reference.schema.json").read_text())
    for path in sorted((ROOT / "reference").rglob("*.yaml")):
        jsonschema.validate(_json(yaml.safe_load(path.read_text(encoding="utf-8"))), reference)
        # An import's first line says it wrote the file; the schema comment follows it.
        lines = path.read_text(encoding="utf-8").splitlines()
        assert (lines[0] if not lines[0].startswith(IMPORT_MARKER) else lines[2]).startswith("# yaml-language-server: $schema=")
    claims = json.loads((SCHEMA / "claims.schema.json").read_text())
    for path in sorted(CLAIMS.rglob("*.claims.yaml")):
        jsonschema.validate(_json(yaml.safe_load(path.read_text(encoding="utf-8"))), claims)
    findings = json.loads((SCHEMA / "findings.schema.json").read_text())
    jsonschema.validate(json.loads(run("check", "examples", "--format", "json").stdout), findings)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"people": [{"id": "x", "nickname": "y"}]}, reference)


@pytest.mark.slow
def test_extract_into_a_fresh_folder_from_elsewhere(tmp_path):
    shutil.copy(EXAMPLES / "house-style.txt", tmp_path / "note.txt")
    proc = run("extract", "note.txt", cwd=tmp_path)
    assert proc.returncode == 0
    data = yaml.safe_load((tmp_path / "claims" / "note.claims.yaml").read_text())
    assert data["document"] == "note.txt" and data["factlint_claims"] == 1
    assert {c["kind"] for c in data["claims"]} >= {"name", "date"}
