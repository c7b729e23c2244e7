"""Reference data: the bundled set is valid and sizeable, and every kind of problem is reported with
its file and line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import factlint
from factlint.record import ReferenceError, bundled_reference_dir, validate_reference

SOURCE = "sources:\n  - {id: s1, publisher: P, title: T, url: 'https://example.org/a', accessed: 2026-11-23}\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return tmp_path


def problems_for(tmp_path: Path, text: str) -> list[str]:
    write(tmp_path, "data.yaml", SOURCE + textwrap.dedent(text))
    _, problems = validate_reference([tmp_path], bundled=False)
    return [f"{Path(p.path).name}:{p.line}: {p.message}" for p in problems]


def test_bundled_reference_is_valid_and_meets_the_minimum_sizes():
    merged, problems = validate_reference()
    assert problems == []
    assert len(merged.people) >= 60
    assert len(merged.organizations) >= 15
    assert len(merged.agreements) >= 12
    assert len(merged.figures) >= 20
    assert bundled_reference_dir().is_dir()


def test_every_bundled_fact_cites_a_defined_source():
    ref = factlint.load_reference()
    for person in ref.people.values():
        assert person.sources and all(s in ref.sources for s in person.sources)
        assert all(o.source in ref.sources for o in person.offices)
    for agreement in ref.agreements.values():
        assert all(e.source in ref.sources for e in agreement.events)


def test_unknown_field_is_reported_at_its_line(tmp_path):
    assert problems_for(tmp_path, """\
        people:
          - id: p1
            name: Test Person
            family: Person
            given: Test
            order: given-first
            sources: [s1]
            nickname: TP
        """) == ["data.yaml:10: people.0.nickname: unknown field"]


def test_unsourced_fact(tmp_path):
    assert problems_for(tmp_path, """\
        people:
          - {id: p1, name: Test Person, family: Person, given: Test, order: given-first, sources: [nowhere]}
        """) == ["data.yaml:4: p1: cites unknown source 'nowhere' (unsourced fact)"]


def test_missing_sources_field(tmp_path):
    assert problems_for(tmp_path, """\
        people:
          - {id: p1, name: Test Person, family: Person, given: Test, order: given-first}
        """) == ["data.yaml:4: people.0.sources: required field missing"]


def test_duplicate_id_and_shared_variant(tmp_path):
    assert problems_for(tmp_path, """\
        people:
          - {id: p1, name: Test Person, family: Person, given: Test, order: given-first, sources: [s1]}
          - {id: p1, name: Other Person, family: Person, given: Other, order: given-first, sources: [s1]}
          - {id: p2, name: Third One, variants: [Test-Person], family: One, given: Third, order: given-first, sources: [s1]}
        """) == [
        "data.yaml:5: duplicate id 'p1' (first defined at " + str(tmp_path / "data.yaml") + ":4)",
        "data.yaml:6: p2: name 'Test-Person' is also claimed by p1 (line 4)",
    ]


def test_dates_out_of_order(tmp_path):
    assert problems_for(tmp_path, """\
        people:
          - id: p1
            name: Test Person
            family: Person
            given: Test
            order: given-first
            country: Testland
            sources: [s1]
            offices:
              - {title: Minister, start: 2020-05-01, end: 2019-01, source: s1}
        agreements:
          - id: a1
            name: Test Treaty
            kind: treaty
            sources: [s1]
            events:
              - {type: entered_into_force, date: 2001, source: s1}
              - {type: signed, date: 2002-03-04, source: s1}
        """) == [
        "data.yaml:12: p1: office 'Minister' ends (2019-01) before it starts (2020-05-01)",
        "data.yaml:19: a1: entered_into_force (2001) is dated before signed (2002-03-04)",
    ]


@pytest.mark.parametrize("text, expected", [
    ("people: [\n", "invalid YAML"),
    ("sources: []\nsources: []\n", "duplicate key 'sources'"),
    ("people: !!python/object/apply:os.system ['echo hi']\n", "unsupported tag"),
    ("people: !!python/name:os.system\n", "could not determine a constructor"),
    ("figures:\n  - {id: f1, period: 2023-02-30}\n", "day is out of range"),
])
def test_bad_yaml_is_rejected_safely_with_a_line(tmp_path, text, expected):
    (tmp_path / "data.yaml").write_text(text, encoding="utf-8")
    _, problems = validate_reference([tmp_path], bundled=False)
    assert len(problems) == 1 and expected in problems[0].message and problems[0].line is not None


def test_user_layer_overrides_and_extends_the_bundle(tmp_path):
    write(tmp_path, "ours.yaml", SOURCE + textwrap.dedent("""\
        people:
          - {id: kim-yo-jong, name: Kim Yo-jong, variants: [Kim Yo Jong], family: Kim, given: Yo-jong, order: family-first, language: ko, sources: [s1]}
          - {id: jane-reporter, name: Janet Quillfeather, family: Quillfeather, given: Janet, order: given-first, sources: [s1]}
        """))
    ref = factlint.load_reference([tmp_path])
    assert ref.people["kim-yo-jong"].name == "Kim Yo-jong"
    findings = factlint.check_text("Janet Quilfeather and Kim Yo-Long.", reference=ref, kind="text")
    assert [(f.code, f.suggestion) for f in findings] == [("FL101", "Janet Quillfeather"), ("FL101", "Kim Yo-jong")]


def test_problems_point_at_the_exact_yaml_node(tmp_path):
    assert problems_for(tmp_path, """\
        people:
          - id: p1
            name: Test Person
            variants:
              - Test P. Person
              - Other
            family: Person
            given: Test
            order: given-first
            sources: [s1, s2]
          - {id: kim-jong-un, name: Other, family: O, given: X, order: given-first, sources: [s1]}
        organizations:
          - {id: p1, name: Same Id Org, kind: body, sources: [s1]}
        """) == [
        "data.yaml:15: duplicate id 'p1' (first defined at " + str(tmp_path / "data.yaml") + ":4)",
        "data.yaml:12: p1: cites unknown source 's2' (unsourced fact)",
        "data.yaml:13: kim-jong-un: name 'Other' is also claimed by p1 (line 4)",
    ]


def test_an_id_used_for_two_kinds_in_different_layers_replaces_the_first(tmp_path):
    write(tmp_path, "ours.yaml", SOURCE + textwrap.dedent("""\
        people:
          - {id: kcna, name: Janet Quillfeather, family: Quillfeather, given: Janet, order: given-first, sources: [s1]}
        """))
    ref = factlint.load_reference([tmp_path])
    assert "kcna" not in ref.organizations and ref.people["kcna"].name == "Janet Quillfeather"


def test_load_reference_raises_with_every_problem(tmp_path):
    write(tmp_path, "bad.yaml", "people:\n  - {id: X}\n")
    with pytest.raises(ReferenceError) as info:
        factlint.load_reference([tmp_path])
    assert "bad.yaml:2" in str(info.value)
