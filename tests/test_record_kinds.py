"""The kinds table (record/kinds.py) is the one list of entity kinds: the models must agree with it, so a
kind added to one and not the other fails here rather than being silently skipped by validation or the
name index."""

from __future__ import annotations

import typing

from factlint.models import MentionKind, Reference, ReferenceFile
from factlint.record import KINDS, SECTIONS


def test_every_section_is_a_field_of_the_file_and_the_merged_reference() -> None:
    assert list(ReferenceFile.model_fields) == list(SECTIONS)
    assert [f for f in Reference.model_fields if f != "origins"] == list(SECTIONS)


def test_each_kind_names_its_model_and_fields_that_exist() -> None:
    for kind in KINDS:
        assert typing.get_args(ReferenceFile.model_fields[kind.section].annotation) == (kind.model,)
        fields = kind.model.model_fields
        for field in (*kind.names, kind.sources, *kind.sourced_items, *(["acronyms"] if kind.acronyms else [])):
            assert field in fields, (kind.name, field)
        assert not kind.mention or kind.names, kind.name  # named in prose needs names to match


def test_name_mentions_resolve_to_exactly_the_kinds_matched_as_names() -> None:
    assert set(typing.get_args(MentionKind)) == {kind.name for kind in KINDS if kind.mention == "name"}
