"""`factlint reference import`: reference YAML from open data, on a small real excerpt (issue 16).
The importer's output is a layer an editor reviews; it never replaces an editor's entry or file."""

from __future__ import annotations

import textwrap
from pathlib import Path

import yaml
from conftest import run_cli as run

FIXTURE = Path(__file__).parent / "fixtures" / "import" / "legislators-current.yaml"
COMMIT = "dfa96228a1e8a9d5b3f7c2e4a6b8c0d1e2f3a4b5"


def import_to(tmp_path: Path, *extra: str):
    return run("reference", "import", "congress-legislators", str(FIXTURE), "--commit", COMMIT,
               "--accessed", "2026-11-30", "-o", "people.yaml", *extra, cwd=tmp_path)


def test_legislators_become_people_with_their_terms_and_name_forms(tmp_path):
    proc = import_to(tmp_path)
    assert (proc.returncode, proc.stdout) == (0, "Wrote 4 people (8 offices) to people.yaml; left out 0.\n")
    data = yaml.safe_load((tmp_path / "people.yaml").read_text(encoding="utf-8"))
    assert data["sources"] == [{
        "id": "legislators-current-dfa9622", "publisher": "United States Congress (congress-legislators project, public domain)",
        "title": "legislators-current.yaml at commit dfa96228a1e8",
        "url": f"https://github.com/unitedstates/congress-legislators/blob/{COMMIT}/legislators-current.yaml",
        "accessed": "2026-11-30", "standing": "archive"}]
    people = {p["id"]: p for p in data["people"]}
    assert sorted(people) == ["andy-kim", "bernard-sanders", "charles-e-schumer", "maria-cantwell"]
    schumer = people["charles-e-schumer"]
    assert (schumer["name"], schumer["family"], schumer["given"], schumer["variants"], schumer["country"]) == (
        "Charles E. Schumer", "Schumer", "Charles", ["Charles Schumer", "Chuck Schumer"], "United States")
    # Consecutive terms in one chamber are one office; a term still being served has no end.
    assert [(o["title"], o["start"], o.get("end"), o["note"]) for o in schumer["offices"]] == [
        ("Member of the United States House of Representatives", "1981-01-05", "1999-01-03", "NY Democrat"),
        ("United States Senator", "1999-01-06", None, "NY Democrat")]
    assert [(o["start"], o.get("end")) for o in people["andy-kim"]["offices"]] == [
        ("2019-01-03", "2024-12-08"), ("2024-12-09", None)]


def test_the_imported_layer_is_valid_and_checks_names(tmp_path):
    assert import_to(tmp_path).returncode == 0
    proc = run("reference", "validate", "people.yaml", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout
    (tmp_path / "a.md").write_text("Senator Maria Cantwel agreed.\n", encoding="utf-8")
    proc = run("check", "a.md", "--reference", "people.yaml", "--format", "concise", "--quiet", cwd=tmp_path)
    assert proc.stdout.splitlines() == [
        'a.md:1:9: FL101 "Maria Cantwel" looks like a misspelling of Maria Cantwell (suggestion: Maria Cantwell)']


def test_an_editors_entry_wins_and_the_collision_is_listed(tmp_path):
    (tmp_path / "ours.yaml").write_text(textwrap.dedent("""\
        sources:
          - {id: desk, publisher: Our desk, title: Style sheet, url: "https://example.org/style", accessed: 2026-11-30}
        people:
          - {id: cantwell, name: Maria Cantwell, family: Cantwell, given: Maria, order: given-first, sources: [desk]}
        """), encoding="utf-8")
    proc = import_to(tmp_path, "--reference", "ours.yaml")
    assert proc.stdout.splitlines() == [
        "Wrote 3 people (6 offices) to people.yaml; left out 1.",
        "  left out: maria-cantwell (Maria Cantwell): the reference already has this name, as cantwell"]


def test_import_never_replaces_a_file_it_did_not_write(tmp_path):
    (tmp_path / "people.yaml").write_text("people: []  # written by hand\n", encoding="utf-8")
    proc = import_to(tmp_path)
    assert proc.returncode == 2
    assert "not a file `factlint reference import` wrote; refusing to replace it" in proc.stderr
    assert (tmp_path / "people.yaml").read_text(encoding="utf-8") == "people: []  # written by hand\n"
    # A file it wrote is replaced: re-running an import refreshes it.
    (tmp_path / "people.yaml").unlink()
    assert import_to(tmp_path).returncode == 0
    assert import_to(tmp_path).returncode == 0


def test_broken_input_names_the_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: {bioguide: X}\n  name: [unclosed\n", encoding="utf-8")
    proc = run("reference", "import", "congress-legislators", str(bad), "--commit", COMMIT, "-o", "p.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert f"{bad}:" in proc.stderr and not (tmp_path / "p.yaml").exists()
