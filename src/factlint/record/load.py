"""Loading, layering and validating the reference dataset (YAML files under reference/ folders).

A reference is made of layers: the bundled data first, then each `--reference DIR` in order. An entity
in a later layer replaces the one with the same id in an earlier layer, so a newsroom can correct or
extend the bundled record without editing it. Validation reports every problem at once, each with the
file and line of the YAML node, so an editor can fix a whole file in one pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..models import Problem, Reference, ReferenceFile
from ..normalize import name_key
from ..yamlfile import LineMap, YamlError, load_yaml
from .cache import cache_file, read_cached, store
from .kinds import KINDS, NAMED_KINDS, SECTIONS, cited_sources, entities, name_forms
from .offices import close_open_offices


class ReferenceError(Exception):
    """The reference could not be loaded; `problems` says where and why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        shown = "\n".join(str(p) for p in self.problems[:20])
        more = f"\n... and {len(self.problems) - 20} more" if len(self.problems) > 20 else ""
        super().__init__(f"invalid reference data ({len(self.problems)} problems):\n{shown}{more}")


def bundled_reference_dir() -> Path:
    """The reference shipped with factlint. Wheels carry it as package data; a source checkout
    (editable install, tests run from the tree) reads the repository's reference/ folder."""
    packaged = Path(str(resources.files("factlint") / "reference_data"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "reference"


def reference_files(directory: Path) -> list[Path]:
    if directory.is_file():
        return [directory]
    return sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_reference(paths: Iterable[str | Path] = (), *, bundled: bool = True) -> Reference:
    """Load and merge the reference layers; raise ReferenceError listing every problem found.

    A valid reference is kept compiled (see cache.py), so the next run with the same files loads it
    in milliseconds."""
    layers = _layers(paths, bundled)
    # A missing layer is reported by the loader, never cached.
    cache = cache_file(f for layer in layers for f in reference_files(layer)) if all(
        layer.exists() for layer in layers) else None
    if cache is not None:
        cached = read_cached(cache)
        if cached is not None:
            return cached
    reference, problems = _load(layers)
    if problems:
        raise ReferenceError(problems)
    if cache is not None:
        store(cache, reference)
    return reference


def validate_reference(paths: Iterable[str | Path] = (), *, bundled: bool = True) -> tuple[Reference, list[Problem]]:
    """Load the layers and return the merged reference with every problem found (none: it is valid)."""
    return _load(_layers(paths, bundled))


def _layers(paths: Iterable[str | Path], bundled: bool) -> list[Path]:
    return ([bundled_reference_dir()] if bundled else []) + [Path(p) for p in paths]


class _Locator:
    """Where each entity was defined, so a problem found after merging names its exact YAML node."""

    def __init__(self) -> None:
        self._at: dict[tuple[str, str], tuple[Path, LineMap, int]] = {}

    def add(self, section: str, entity_id: str, file: Path, lines: LineMap, index: int) -> None:
        self._at[(section, entity_id)] = (file, lines, index)

    def problem(self, section: str, entity_id: str, path: tuple[str | int, ...], message: str) -> Problem:
        found = self._at.get((section, entity_id))
        if found is None:
            return Problem(path="<reference>", message=message)
        file, lines, index = found
        return Problem(path=str(file), line=lines.line((section, index, *path)), message=message)


def _load(layers: list[Path]) -> tuple[Reference, list[Problem]]:
    problems: list[Problem] = []
    merged: dict[str, dict] = {s: {} for s in SECTIONS}
    origins: dict[str, str] = {}
    locator = _Locator()
    for layer in layers:
        if not layer.exists():
            problems.append(Problem(path=str(layer), message="reference path does not exist"))
            continue
        files = reference_files(layer)
        if not files:
            problems.append(Problem(path=str(layer), message="no .yaml files in reference folder"))
        # Ids are unique within a layer across sections (a person and an organization may not share
        # one); sources have their own namespace. A later layer replaces an id on purpose.
        layer_ids: dict[str, str] = {}
        for file in files:
            parsed = _load_file(file, problems)
            if parsed is None:
                continue
            entries, lines = parsed
            for section in SECTIONS:
                for index, entity in entries[section]:
                    where = f"{file}:{lines.line((section, index))}"
                    key = f"source:{entity.id}" if section == "sources" else entity.id
                    if key in layer_ids:
                        problems.append(Problem(path=str(file), line=lines.line((section, index, "id")),
                                                message=f"duplicate id {entity.id!r} (first defined at {layer_ids[key]})"))
                        continue
                    layer_ids[key] = where
                    if section != "sources":
                        for other in SECTIONS[1:]:
                            if other != section:
                                merged[other].pop(entity.id, None)  # replaced by another kind
                    merged[section][entity.id] = entity
                    origins[key] = where
                    locator.add(section, entity.id, file, lines, index)
    merged["people"] = close_open_offices(merged["people"])
    reference = Reference(origins=origins, **merged)
    problems.extend(_cross_check(reference, locator))
    return reference, problems


Entries = dict[str, list[tuple[int, Any]]]  # per section: (index in the file, entity)


def _load_file(file: Path, problems: list[Problem]) -> tuple[Entries, LineMap] | None:
    """The file's valid entities with their places in it. An entity with a schema error is reported
    and left out; the others stay, so that the checks made after merging (sources, duplicates, dates
    in order) report their problems in the same run."""
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(path=str(file), message=f"cannot read: {exc}"))
        return None
    try:
        data, lines = load_yaml(text)
    except YamlError as exc:
        problems.append(Problem(path=str(file), line=exc.line, message=exc.message))
        return None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        problems.append(Problem(path=str(file), line=1, message=f"expected a mapping with sections {', '.join(SECTIONS)}"))
        return None
    try:
        whole = ReferenceFile.model_validate(data)
        return {section: list(enumerate(getattr(whole, section))) for section in SECTIONS}, lines
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            problems.append(Problem(path=str(file), line=lines.line(loc), message=_describe(loc, err)))
    entries: Entries = {section: [] for section in SECTIONS}
    for section in SECTIONS:
        items = data.get(section)
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            try:  # each entity alone: its errors were reported above, under their full path
                entries[section].append((index, getattr(ReferenceFile.model_validate({section: [item]}), section)[0]))
            except ValidationError:
                continue
    return entries, lines


def _describe(loc: tuple, err: Any) -> str:
    # Drop pydantic's internal markers (function-before etc.) from the location.
    dotted = ".".join(str(p) for p in loc if not str(p).startswith(("function-", "function_")))
    if err["type"] == "extra_forbidden":
        return f"{dotted}: unknown field"
    if err["type"] == "missing":
        return f"{dotted}: required field missing"
    return f"{dotted}: {err['msg']}"


def _where(reference: Reference, owner: str, entity_id: str) -> str:
    """Where the entity that first claimed a name is defined: its line, or its file and line when
    another file (an editor's layer beside an import)."""
    owner_at, here = reference.origins.get(owner), reference.origins.get(entity_id)
    if owner_at is None:
        return ""
    file, line = owner_at.rsplit(":", 1)
    return f" (line {line})" if here is not None and here.rsplit(":", 1)[0] == file else f" ({owner_at})"


def _cross_check(reference: Reference, locator: _Locator) -> list[Problem]:
    problems: list[Problem] = []
    for kind in KINDS:
        for entity in entities(reference, kind).values():
            for path, source_id in cited_sources(entity, kind):
                if source_id not in reference.sources:
                    problems.append(locator.problem(kind.section, entity.id, path,
                                                    f"{entity.id}: cites unknown source {source_id!r} (unsourced fact)"))

    claimed: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for kind in NAMED_KINDS:
        for entity in entities(reference, kind).values():
            for path, form in name_forms(entity, kind):
                owner = claimed.setdefault(name_key(form), entity.id)
                if owner != entity.id:
                    problems.append(locator.problem(kind.section, entity.id, path,
                                                    f"{entity.id}: name {form!r} is also claimed by {owner}"
                                                    f"{_where(reference, owner, entity.id)}"))
            for i, acronym in enumerate(entity.acronyms if kind.acronyms else []):
                owner = acronyms.setdefault(acronym, entity.id)
                if owner != entity.id:
                    problems.append(locator.problem(kind.section, entity.id, ("acronyms", i),
                                                    f"{entity.id}: acronym {acronym!r} is also claimed by {owner}"
                                                    f"{_where(reference, owner, entity.id)}"))

    for kind in KINDS:
        if kind.check is None:
            continue
        for entity in entities(reference, kind).values():
            problems.extend(locator.problem(kind.section, entity.id, path, message)
                            for path, message in kind.check(entity))
    return problems
