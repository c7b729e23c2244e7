"""`factlint reference import`: reference YAML from open data, on a small real excerpt (issue 16).
The importer's output is a layer an editor reviews; it never replaces an editor's entry or file."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
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


# --- wikidata ----------------------------------------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures" / "import"
WIKIDATA = FIXTURES / "wikidata-uk-prime-ministers.json"  # real WDQS rows, labels added by hand (README there)
SDN, ALT = FIXTURES / "sdn.csv", FIXTURES / "alt.csv"


# The editor's layer the imports are checked against, alone: the bundled reference grows, and these
# tests must not change with it. Kim Yo Jong is one of the SDN excerpt's people.
DESK = """\
sources:
  - {id: desk, publisher: Our desk, title: Style sheet, url: "https://example.org/style", accessed: 2026-11-30}
people:
  - {id: kim-yo-jong-desk, name: Kim Yo Jong, family: Kim, given: Yo Jong, order: family-first, sources: [desk]}
"""


def import_format(tmp_path: Path, fmt: str, *files: Path):
    (tmp_path / "desk.yaml").write_text(DESK, encoding="utf-8")
    return run("reference", "import", fmt, *map(str, files), "--accessed", "2026-11-30", "-o", "people.yaml",
               "--no-default-reference", "--reference", "desk.yaml", cwd=tmp_path)


def written(tmp_path: Path) -> dict:
    return yaml.safe_load((tmp_path / "people.yaml").read_text(encoding="utf-8"))


def test_wikidata_positions_held_become_offices_citing_each_item(tmp_path):
    proc = import_format(tmp_path, "wikidata", WIKIDATA)
    assert (proc.returncode, proc.stdout) == (0, "Wrote 4 people (4 offices) to people.yaml; left out 0.\n")
    data = written(tmp_path)
    assert data["sources"][1] == {"id": "wikidata-q192", "publisher": "Wikidata", "title": "David Cameron (Q192)",
                                  "url": "https://www.wikidata.org/wiki/Q192", "accessed": "2026-11-30"}
    assert [(p["id"], p["name"], p["family"], p["given"], p["order"], p["country"], p["sources"]) for p in data["people"]] == [
        ("theresa-may", "Theresa May", "May", "Theresa", "given-first", "United Kingdom", ["wikidata-q264766"]),
        ("david-cameron", "David Cameron", "Cameron", "David", "given-first", "United Kingdom", ["wikidata-q192"]),
        ("gordon-brown", "Gordon Brown", "Brown", "Gordon", "given-first", "United Kingdom", ["wikidata-q10648"]),
        ("tony-blair", "Tony Blair", "Blair", "Tony", "given-first", "United Kingdom", ["wikidata-q9545"])]
    # The position's label is the title, as written; a statement without an end (this answer gives
    # Theresa May none) is an office still held.
    assert [o for p in data["people"] for o in p["offices"]] == [
        {"title": "Prime Minister of the United Kingdom", "start": "2016-07-13", "source": "wikidata-q264766"},
        {"title": "Prime Minister of the United Kingdom", "start": "2010-05-11", "end": "2016-07-13", "source": "wikidata-q192"},
        {"title": "Prime Minister of the United Kingdom", "start": "2007-06-27", "end": "2010-05-11", "source": "wikidata-q10648"},
        {"title": "Prime Minister of the United Kingdom", "start": "1997-05-02", "end": "2007-06-27", "source": "wikidata-q9545"}]
    assert run("reference", "validate", "people.yaml", cwd=tmp_path).returncode == 0
    # The title is one FL401 reads: Brown was prime minister in 2009, not Blair.
    (tmp_path / "a.md").write_text("In 2009, Prime Minister Tony Blair said so.\n", encoding="utf-8")
    proc = run("check", "a.md", "--no-default-reference", "--reference", "people.yaml", "--format", "concise",
               "--quiet", cwd=tmp_path)
    assert "FL401" in proc.stdout and "Gordon Brown" in proc.stdout


def test_wikidata_names_family_first_by_native_language_with_aliases_and_precision():
    # Written for this test (no real answer with these variables could be found): one Korean
    # politician's rows as wikidata_people.rq returns them, one row per alias.
    from factlint.record.imports import wikidata_people

    def row(alias):
        return {"person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q21001"},
                "personLabel": {"type": "literal", "value": "Moon Jae-in"},
                "alias": {"type": "literal", "value": alias},
                "position": {"type": "uri", "value": "http://www.wikidata.org/entity/Q216758"},
                "positionLabel": {"type": "literal", "value": "President of South Korea"},
                "start": {"type": "literal", "value": "2017-05-10T00:00:00Z"}, "startPrecision": {"type": "literal", "value": "11"},
                "end": {"type": "literal", "value": "2022-05-01T00:00:00Z"}, "endPrecision": {"type": "literal", "value": "10"},
                "familyLabel": {"type": "literal", "value": "Moon"},
                "nativeLanguage": {"type": "uri", "value": "http://www.wikidata.org/entity/Q9176"},
                "citizenship": {"type": "uri", "value": "http://www.wikidata.org/entity/Q884"}}

    nameless = {"person": {"type": "uri", "value": "http://www.wikidata.org/entity/Q1"},
                "personLabel": {"type": "literal", "value": "Q1"}}
    results = {"head": {"vars": ["person", "personLabel", "alias"]},
               "results": {"bindings": [row("Mun Jae-in"), row("Moon Jae In"), nameless]}}
    imported = wikidata_people(results, dt.date(2026, 11, 30))
    (moon,) = imported.reference.people
    assert (moon.name, moon.family, moon.given, moon.order, moon.language, moon.country, moon.variants) == (
        "Moon Jae-in", "Moon", "Jae-in", "family-first", "ko", "Republic of Korea", ["Moon Jae In", "Mun Jae-in"])
    assert [(o.title, str(o.start), str(o.end)) for o in moon.offices] == [("President of South Korea", "2017-05-10", "2022-05")]
    assert imported.skipped == ["Q1: no English label"]


# --- ofac --------------------------------------------------------------------------------------------


def test_ofac_dprk_individuals_with_their_aliases_and_titles_citing_their_entries(tmp_path):
    proc = import_format(tmp_path, "ofac", SDN, ALT)
    # The editor's layer has Kim Yo Jong: their entry wins.
    assert proc.stdout.splitlines() == [
        "Wrote 4 people (3 offices) to people.yaml; left out 1.",
        "  left out: kim-yo-jong (Kim Yo Jong): the reference already has this name, as kim-yo-jong-desk",
        ("  titles no check reads (kept as written): Chairman and Majority Owner, Dandong Zhicheng Metallic "
         "Material Co., Ltd.; Director of the Workers' Party of Korea Organization and Guidance Department; "
         "Minister of State Security")]
    data = written(tmp_path)
    assert data["sources"][2] == {
        "id": "ofac-sdn-23212", "publisher": "U.S. Department of the Treasury, Office of Foreign Assets Control",
        "title": "Specially Designated Nationals list, entry 23212: JONG, Kyong Thaek",
        "url": "https://sanctionssearch.ofac.treas.gov/Details.aspx?id=23212", "accessed": "2026-11-30",
        "standing": "official"}
    people = {p["id"]: p for p in data["people"]}
    # The DPRK-program entity (22603, a company) is not a person.
    assert list(people) == ["irina-igorevna-huish", "chi-yupeng", "jong-kyong-thaek", "choe-ryong-hae"]
    assert people["choe-ryong-hae"]["variants"] == ["Ch'oe Ryong-hae"]
    jong = people["jong-kyong-thaek"]
    assert (jong["name"], jong["family"], jong["given"], jong["order"], jong["language"], jong["country"], jong["variants"]) == (
        "Jong Kyong Thaek", "Jong", "Kyong Thaek", "family-first", "ko", "Democratic People's Republic of Korea",
        ["Cho'ng Kyo'ng-t'aek"])
    assert jong["offices"] == [{"title": "Minister of State Security", "source": "ofac-sdn-23212",
                                "note": "the title the SDN entry gives; the list does not date it"}]
    chi = people["chi-yupeng"]  # "nationality China": a Chinese name, family first
    assert (chi["name"], chi["order"], chi["language"], chi["country"]) == ("Chi Yupeng", "family-first", "zh", "China")
    huish = people["irina-igorevna-huish"]  # no Korean or Chinese nationality: given-first, no office without one
    assert (huish["name"], huish["family"], huish["given"], huish["order"], huish["variants"], huish.get("offices")) == (
        "Irina Igorevna Huish", "Huish", "Irina Igorevna", "given-first", ["Irina Burlova", "Irina Huish"], None)
    assert run("reference", "validate", "people.yaml", cwd=tmp_path).returncode == 0


def test_ofac_reads_sdn_csv_alone_without_aliases(tmp_path):
    assert import_format(tmp_path, "ofac", SDN).returncode == 0
    assert [p.get("variants") for p in written(tmp_path)["people"]] == [["Irina Huish"], None, None, None]


@pytest.mark.parametrize("fmt,files", [("wikidata", (WIKIDATA,)), ("ofac", (SDN, ALT))])
def test_every_format_never_replaces_a_file_it_did_not_write(tmp_path, fmt, files):
    (tmp_path / "people.yaml").write_text("people: []  # written by hand\n", encoding="utf-8")
    proc = import_format(tmp_path, fmt, *files)
    assert proc.returncode == 2 and "refusing to replace it" in proc.stderr
    assert (tmp_path / "people.yaml").read_text(encoding="utf-8") == "people: []  # written by hand\n"
    (tmp_path / "people.yaml").unlink()
    assert import_format(tmp_path, fmt, *files).returncode == 0
    assert import_format(tmp_path, fmt, *files).returncode == 0  # its own file: replaced


@pytest.mark.parametrize("fmt,name,text,where", [
    ("wikidata", "q.json", '{"head": {"vars": ["person"]},\n  "results": [', "q.json:2: not JSON"),
    ("wikidata", "q.json", '{"head": {"vars": ["item"]}, "results": {"bindings": []}}',
     "q.json:1: the query selects no ?person and ?personLabel"),
    ("wikidata", "q.json", '[1, 2]', "q.json:1: expected SPARQL results JSON"),
    ("ofac", "sdn.csv", '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n1,2,3\n',
     "sdn.csv:2: expected 12 fields (sdn.csv) or 5 (alt.csv), found 3"),
])
def test_a_file_not_of_the_format_is_refused_naming_it(tmp_path, fmt, name, text, where):
    (tmp_path / name).write_text(text, encoding="utf-8")
    proc = import_format(tmp_path, fmt, tmp_path / name)
    assert proc.returncode == 2 and not (tmp_path / "people.yaml").exists()
    assert f"{tmp_path / name}:{where.split(':', 1)[1]}" in proc.stderr, proc.stderr


def test_congress_legislators_still_needs_its_commit(tmp_path):
    proc = run("reference", "import", "congress-legislators", str(FIXTURE), "-o", "p.yaml", cwd=tmp_path)
    assert proc.returncode == 2 and "needs --commit" in proc.stderr


def test_validate_reports_an_imported_entry_that_names_a_hand_written_one(tmp_path):
    assert import_format(tmp_path, "wikidata", WIKIDATA).returncode == 0
    (tmp_path / "ours.yaml").write_text(textwrap.dedent("""\
        sources:
          - {id: desk, publisher: Our desk, title: Style sheet, url: "https://example.org/style", accessed: 2026-11-30}
        people:
          - {id: brown, name: Gordon Brown, family: Brown, given: Gordon, order: given-first, sources: [desk]}
        """), encoding="utf-8")
    proc = run("reference", "validate", "--no-default-reference", "ours.yaml", "people.yaml", cwd=tmp_path)
    assert proc.returncode == 1
    # The problem is placed at the imported entry, and names the hand-written one with its file:line.
    assert proc.stdout.splitlines()[0] == ("people.yaml:55: gordon-brown: name 'Gordon Brown' is also claimed by "
                                           "brown (ours.yaml:4)")


# --- pocom -------------------------------------------------------------------------------------------

# A trimmed checkout of HistoryAtState/pocom (README there): one position, Korea's mission, five people.
POCOM = FIXTURES / "pocom"
POCOM_COMMIT = "44d2226df6b26f8f5807215ec40e3a6c4d706bbb"
EAP = "Assistant Secretary of State for East Asian and Pacific Affairs"
ROK = "Ambassador to the Republic of Korea"


def import_pocom(tmp_path: Path, *options: str, data: Path = POCOM):
    (tmp_path / "desk.yaml").write_text(DESK, encoding="utf-8")
    return run("reference", "import", "pocom", str(data), "--commit", POCOM_COMMIT, "--accessed", "2026-11-30",
               "-o", "people.yaml", "--no-default-reference", "--reference", "desk.yaml", *options, cwd=tmp_path)


def offices(data: dict) -> list[tuple[str, str, str, str | None]]:
    return [(p["id"], o["title"], o["start"], o.get("end")) for p in data["people"] for o in p["offices"]]


def test_pocom_holders_and_ambassadors_become_people_citing_their_pages(tmp_path):
    proc = import_pocom(tmp_path, "--position", "assistant-secretary-for-east-asian-pacific-affairs", "--mission", "korea")
    assert proc.stdout.splitlines() == [
        "Wrote 5 people (6 offices) to people.yaml; left out 0.",
        f"  titles no check reads (kept as written): {ROK}; {EAP}"]
    data = written(tmp_path)
    # Ambassadors from 1949 only: the envoys to Joseon Korea (Foote) are not ambassadors to the
    # Republic, and a chargé d'affaires (Christenson, 1996-97) is not an ambassador. The nominees of
    # other-appointees/ and other-nominees/ (Godley; Foote again) never served.
    assert offices(data) == [
        ("john-joseph-muccio", ROK, "1949-04-20", "1952-09-08"),
        ("david-dean-rusk", EAP, "1950-03-28", "1951-12-09"),
        ("christopher-robert-hill", ROK, "2004-09-01", "2005-04-12"),
        ("christopher-robert-hill", EAP, "2005-04-08", "2009-04-20"),
        # No end in the data: held, as the data has it (Harris left Seoul in 2021; the editor reviews).
        ("harry-b-harris-jr", ROK, "2018-07-25", None),
        # No start in the data: the appointment's date stands for it.
        ("david-stilwell", EAP, "2019-06-18", None)]
    people = {p["id"]: p for p in data["people"]}
    assert [(p["name"], p["family"], p["given"], p.get("variants")) for p in people.values()] == [
        ("John Joseph Muccio", "Muccio", "John", ["John J. Muccio", "John Muccio"]),
        ("David Dean Rusk", "Rusk", "David", ["David Rusk", "Dean Rusk"]),
        ("Christopher Robert Hill", "Hill", "Christopher", ["Christopher Hill", "Christopher R. Hill"]),
        ("Harry B. Harris Jr.", "Harris", "Harry", ["Harry Harris", "Harry Harris Jr."]),
        ("David Stilwell", "Stilwell", "David", None)]
    hill = people["christopher-robert-hill"]
    assert {k: v for k, v in hill.items() if k not in ("name", "family", "given", "variants", "offices")} == {
        "id": "christopher-robert-hill", "order": "given-first", "language": "en", "country": "United States",
        "offices_listed": "some",
        "sources": ["hsg-hill-christopher-robert"], "note": "history.state.gov person hill-christopher-robert, born 1952"}
    assert {o["source"] for o in hill["offices"]} == {"hsg-hill-christopher-robert"}
    assert data["sources"][2] == {
        "id": "hsg-hill-christopher-robert", "publisher": "U.S. Department of State, Office of the Historian",
        "title": "Christopher Robert Hill", "url": "https://history.state.gov/departmenthistory/people/hill-christopher-robert",
        "accessed": "2026-11-30", "standing": "official",
        "note": f"Principal Officers and Chiefs of Mission data, HistoryAtState/pocom at {POCOM_COMMIT}"}
    assert [s["id"] for s in data["sources"]] == [p["sources"][0] for p in data["people"]]
    # Alone: the bundled reference has several of these people, which the import would have left out.
    assert run("reference", "validate", "--no-default-reference", "people.yaml", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("since,kept", [
    # The default, 1945: every office above.
    (None, 6),
    # Offices that ended before 2005 go (Muccio's, Rusk's); Hill's embassy ended in 2005 and stays.
    ("2005", 4),
    ("2006", 3),
    # An office without an end is still held: no year drops it.
    ("2100", 2)])
def test_pocom_since_keeps_offices_that_ended_in_or_after_the_year(tmp_path, since, kept):
    proc = import_pocom(tmp_path, "--position", "assistant-secretary-for-east-asian-pacific-affairs", "--mission", "korea",
                        *(("--since", since) if since else ()))
    assert proc.returncode == 0, proc.stderr
    assert len(offices(written(tmp_path))) == kept


def test_pocom_reads_only_the_positions_and_missions_named(tmp_path):
    assert import_pocom(tmp_path, "--mission", "korea").returncode == 0
    assert offices(written(tmp_path)) == [
        ("john-joseph-muccio", ROK, "1949-04-20", "1952-09-08"),
        ("christopher-robert-hill", ROK, "2004-09-01", "2005-04-12"),
        ("harry-b-harris-jr", ROK, "2018-07-25", None)]
    assert import_pocom(tmp_path, "--position", "assistant-secretary-for-east-asian-pacific-affairs").returncode == 0
    assert [p["id"] for p in written(tmp_path)["people"]] == ["david-dean-rusk", "christopher-robert-hill", "david-stilwell"]
    proc = import_pocom(tmp_path)
    assert proc.returncode == 2 and "pocom needs --position or --mission" in proc.stderr


def test_pocom_leaves_out_the_people_the_reference_names_and_lists_them(tmp_path):
    desk = DESK + "  - {id: chris-hill, name: Christopher Hill, family: Hill, given: Christopher, order: given-first, sources: [desk]}\n"
    (tmp_path / "ours.yaml").write_text(desk, encoding="utf-8")
    proc = import_pocom(tmp_path, "--mission", "korea", "--reference", "ours.yaml")
    assert proc.stdout.splitlines()[:2] == [
        "Wrote 2 people (2 offices) to people.yaml; left out 1.",
        "  left out: christopher-robert-hill (Christopher Robert Hill): the reference already has this name, as chris-hill"]
    assert "hsg-hill-christopher-robert" not in [s["id"] for s in written(tmp_path)["sources"]]


def test_pocom_never_replaces_a_file_it_did_not_write_and_needs_its_commit(tmp_path):
    (tmp_path / "people.yaml").write_text("people: []  # written by hand\n", encoding="utf-8")
    proc = import_pocom(tmp_path, "--mission", "korea")
    assert proc.returncode == 2 and "refusing to replace it" in proc.stderr
    proc = run("reference", "import", "pocom", str(POCOM), "--mission", "korea", "-o", "new.yaml", cwd=tmp_path)
    assert proc.returncode == 2 and "pocom needs --commit" in proc.stderr
    proc = run("reference", "import", "wikidata", str(WIKIDATA), "--mission", "korea", "-o", "new.yaml", cwd=tmp_path)
    assert proc.returncode == 2 and "--position, --mission and --since are options of pocom" in proc.stderr


def broken_copy(tmp_path: Path, file: str, text: str) -> Path:
    import shutil
    data = tmp_path / "pocom"
    shutil.copytree(POCOM, data)
    (data / file).write_text(text, encoding="utf-8")
    return data


@pytest.mark.parametrize("file,text,message", [
    ("people/h/harris-harry-b-jr.xml", "<person>\n  <id>harris-harry-b-jr</id>\n  <persName>\n</person>\n",
     ":4: not well-formed XML: mismatched tag"),
    ("missions-countries/korea.xml", '<?xml version="1.0"?>\n<!DOCTYPE lol [<!ENTITY a "aaaaaaaa">]>\n<country-mission/>\n',
     ":2: declares a DTD or entity (<!DOCTYPE)"),
    ("missions-countries/korea.xml", "<person/>\n", ":1: expected a <country-mission> file, found <person>"),
])
def test_pocom_a_malformed_file_is_refused_naming_it(tmp_path, file, text, message):
    data = broken_copy(tmp_path, file, text)
    proc = import_pocom(tmp_path, "--mission", "korea", data=data)
    assert proc.returncode == 2 and not (tmp_path / "people.yaml").exists()
    assert f"{data / file}{message}" in proc.stderr, proc.stderr


def test_pocom_a_position_not_in_the_data_is_an_error_naming_the_file(tmp_path):
    proc = import_pocom(tmp_path, "--position", "secretary")
    assert proc.returncode == 2
    assert f"{POCOM / 'positions-principals/secretary.xml'}:1: no such file" in proc.stderr


def test_pocom_titles_china_and_russia_by_the_state_of_the_day():
    # Written for this test, in the data's shape: the chiefs of two missions whose country changed,
    # and a record of the kinds the import leaves out or lists.
    from factlint.record.imports import pocom

    def chief(person: str, started: str, ended: str = "", role: str = "ambassador-e-p") -> str:
        return (f"<chief><person-id>{person}</person-id><role-title-id>{role}</role-title-id>"
                f"<contemporary-territory-id>x</contemporary-territory-id><appointed><date/></appointed>"
                f"<started><date>{started}</date></started><ended><date>{ended}</date></ended><note/></chief>")

    def person(pid: str, forename: str, surname: str) -> str:
        return f"<person><id>{pid}</id><persName><surname>{surname}</surname><forename>{forename}</forename></persName></person>"

    files = {
        "missions-countries/china.xml": "<country-mission><chiefs>" + chief("unger", "1974-05-25", "1979-01-19")
        + chief("woodcock", "1977-07-26", "1979-02-27", role="chief") + chief("woodcock", "1979-03-07", "1981-02-13")
        + chief("nobody", "") + "</chiefs></country-mission>",
        "missions-countries/russia.xml": "<country-mission><chiefs>" + chief("strauss", "1991-08-24", "1992-11-19")
        + chief("pickering", "1993-05-21") + chief("collins", "1998-01-26", "2001-07-10") + chief("ghost", "2001-10-17")
        + "</chiefs></country-mission>",
        "people/u/unger.xml": person("unger", "Leonard Seidman", "Unger"),
        "people/w/woodcock.xml": person("woodcock", "Leonard (Len) F.", "Woodcock"),
        "people/s/strauss.xml": person("strauss", "Robert Schwarz", "Strauss"),
        "people/p/pickering.xml": person("pickering", "Thomas Reeve", "Pickering"),
        "people/c/collins.xml": person("collins", "James Franklin", "Collins"),
    }

    def read(file: str) -> str:
        if file not in files:
            raise FileNotFoundError(file)
        return files[file]

    imported = pocom(read, POCOM_COMMIT, dt.date(2026, 11, 30), missions=["china", "russia"], since=1945)
    assert [(p.name, o.title, str(o.start)) for p in imported.reference.people for o in p.offices] == [
        ("Leonard Seidman Unger", "Ambassador to the Republic of China", "1974-05-25"),
        # The chief of the liaison office in Peking (1977-79) was no ambassador.
        ("Leonard F. Woodcock", "Ambassador to the People's Republic of China", "1979-03-07"),
        ("Robert Schwarz Strauss", "Ambassador to the Soviet Union", "1991-08-24"),
        ("James Franklin Collins", "Ambassador to Russia", "1998-01-26")]
    # An office with no end whose next holder has started would read as still held: left out (the
    # person is kept for their name), and the editor told.
    assert [p.name for p in imported.reference.people if not p.offices] == ["Thomas Reeve Pickering"]
    assert imported.doubts == [("pickering: Ambassador to Russia from 1993-05-21 left out: no end in the data, "
                                "though the next holder started 1998-01-26")]
    assert imported.skipped == [
        "nobody (chief of mission, china): no date of start or appointment",
        "ghost: no people/g/ghost.xml in the data"]
