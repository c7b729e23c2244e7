"""The record: what the reference says, and every look-up rules and extractors make in it.

- `kinds`: the table of entity kinds (section, model, names, citations) and look-ups by id;
- `load`: reading, layering and validating the YAML; `cache`: the compiled reference kept on disk;
- `names`: the name index (written forms, agreement phrases, fuzzy matching) built once per reference;
- `offices`: who held which office when; `events`: the dated events of agreements and other events; `series`: trade series.

Rules and extractors import from here, never from one another.
"""

from .events import confirmed, date_agrees, event_dates, named_events, other_events, relevant_events, short_name
from .kinds import KINDS, SECTIONS, Kind, all_dated, cited_sources, dated, find, name_forms, named, sources_of
from .load import ReferenceError, bundled_reference_dir, load_reference, reference_files, validate_reference
from .names import (SURNAME_ENDINGS, Form, NameIndex, PlaceForm, allowed_edits, country_names, edits, index_for, inflected,
                    phrase_tokens, typing_slip)
from .offices import covers, ended_before, holders_by_office, offices_held
from .standing import STANDINGS, Fact, Standing, Stats, facts, reference_stats, standing
from .series import RECORDED_METRICS, Series, change_agrees, recorded_for, change_series, figure_agrees, korea_trade, money, ratio, series_for

__all__ = [
    "RECORDED_METRICS", "STANDINGS", "Fact", "recorded_for", "Standing", "Stats", "facts", "reference_stats", "standing",
    "KINDS", "SECTIONS", "SURNAME_ENDINGS", "Form", "Kind", "NameIndex", "PlaceForm", "ReferenceError", "Series",
    "all_dated", "allowed_edits", "bundled_reference_dir", "dated", "country_names",
    "change_agrees", "change_series", "cited_sources", "confirmed", "covers", "date_agrees", "edits", "ended_before", "event_dates", "figure_agrees", "find",
    "holders_by_office", "index_for", "inflected", "korea_trade", "load_reference", "money", "name_forms",
    "named", "named_events", "offices_held", "other_events", "phrase_tokens", "ratio", "reference_files",
    "relevant_events", "series_for", "short_name", "sources_of", "typing_slip", "validate_reference",
]
