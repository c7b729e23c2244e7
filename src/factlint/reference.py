"""Loading, layering and validating the reference dataset (YAML files under reference/ folders).

A reference is made of layers: the bundled data first, then each `--reference DIR` in order. An entity
in a later layer replaces the one with the same id in an earlier layer, so a newsroom can correct or
extend the bundled record without editing it. Validation reports every problem at once, each with the
file and line of the YAML node, so an editor can fix a whole file in one pass.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .models import Agreement, Figure, Organization, Person, Problem, Reference, ReferenceFile
from .normalize import name_key
from .yamlfile import LineMap, YamlError, load_yaml

SECTIONS = ("sources", "people", "organizations", "agreements", "figures")

# Events of one agreement must happen in this order (a treaty is signed before it enters into force).
_EVENT_ORDER = {
    "negotiations_launched": 0,
    "negotiations_concluded": 1,
    "initialed": 2,
    "signed": 3,
    "ratified": 4,
    "entered_into_force": 5,
    "terminated": 9,
    "expired": 9,
}


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
    return Path(__file__).resolve().parents[2] / "reference"


def reference_files(directory: Path) -> list[Path]:
    if directory.is_file():
        return [directory]
    return sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_reference(paths: Iterable[str | Path] = (), *, bundled: bool = True) -> Reference:
    """Load and merge the reference layers; raise ReferenceError listing every problem found."""
    reference, problems = _load(paths, bundled=bundled)
    if problems:
        raise ReferenceError(problems)
    return reference


def validate_reference(paths: Iterable[str | Path] = (), *, bundled: bool = True) -> tuple[Reference, list[Problem]]:
    """Load the layers and return the merged reference with every problem found (none: it is valid)."""
    return _load(paths, bundled=bundled)


def _load(paths: Iterable[str | Path], *, bundled: bool) -> tuple[Reference, list[Problem]]:
    layers = ([bundled_reference_dir()] if bundled else []) + [Path(p) for p in paths]
    problems: list[Problem] = []
    merged: dict[str, dict] = {s: {} for s in SECTIONS}
    origins: dict[str, str] = {}
    for layer in layers:
        if not layer.exists():
            problems.append(Problem(path=str(layer), message="reference path does not exist"))
            continue
        files = reference_files(layer)
        if not files:
            problems.append(Problem(path=str(layer), message="no .yaml files in reference folder"))
        layer_ids: dict[str, str] = {}
        for file in files:
            parsed = _load_file(file, problems)
            if parsed is None:
                continue
            ref_file, lines = parsed
            for section in SECTIONS:
                for index, entity in enumerate(getattr(ref_file, section)):
                    where = f"{file}:{lines.line((section, index))}"
                    key = f"{section}:{entity.id}"
                    if key in layer_ids:
                        problems.append(Problem(path=str(file), line=lines.line((section, index, "id")),
                                                message=f"duplicate id {entity.id!r} (first defined at {layer_ids[key]})"))
                        continue
                    layer_ids[key] = where
                    merged[section][entity.id] = entity
                    origins[entity.id if section != "sources" else f"source:{entity.id}"] = where
    reference = Reference(origins=origins, **merged)
    problems.extend(_cross_check(reference))
    return reference, problems


def _load_file(file: Path, problems: list[Problem]) -> tuple[ReferenceFile, LineMap] | None:
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
        return ReferenceFile(), lines
    if not isinstance(data, dict):
        problems.append(Problem(path=str(file), line=1, message=f"expected a mapping with sections {', '.join(SECTIONS)}"))
        return None
    try:
        return ReferenceFile.model_validate(data), lines
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            problems.append(Problem(path=str(file), line=lines.line(loc), message=_describe(loc, err)))
        return None


def _describe(loc: tuple, err: Any) -> str:
    # Drop pydantic's internal markers (function-before etc.) from the location.
    dotted = ".".join(str(p) for p in loc if not str(p).startswith(("function-", "function_")))
    if err["type"] == "extra_forbidden":
        return f"{dotted}: unknown field"
    if err["type"] == "missing":
        return f"{dotted}: required field missing"
    return f"{dotted}: {err['msg']}"


def _where(reference: Reference, key: str) -> tuple[str, int | None]:
    origin = reference.origins.get(key, "")
    path, _, line = origin.rpartition(":")
    return (path, int(line)) if line.isdigit() else (origin, None)


def _problem(reference: Reference, key: str, message: str) -> Problem:
    path, line = _where(reference, key)
    return Problem(path=path or "<reference>", line=line, message=message)


def _cited_sources(entity: Person | Organization | Agreement | Figure) -> Iterable[str]:
    if isinstance(entity, Figure):
        yield entity.source
        return
    yield from entity.sources
    if isinstance(entity, Person):
        yield from (office.source for office in entity.offices)
    if isinstance(entity, Agreement):
        yield from (event.source for event in entity.events)


def name_forms(entity: Person | Organization | Agreement) -> list[str]:
    """Every written form an entity is known by (acronyms excluded: they are matched by case)."""
    if isinstance(entity, Agreement):
        return [entity.name, *entity.aliases]
    return [entity.name, *entity.variants]


def _cross_check(reference: Reference) -> list[Problem]:
    problems: list[Problem] = []
    named: list[Person | Organization | Agreement] = [
        *reference.people.values(), *reference.organizations.values(), *reference.agreements.values()]
    for entity in [*named, *reference.figures.values()]:
        for source_id in _cited_sources(entity):
            if source_id not in reference.sources:
                problems.append(_problem(reference, entity.id, f"{entity.id}: cites unknown source {source_id!r} (unsourced fact)"))

    claimed: dict[str, str] = {}
    for entity in named:
        for form in name_forms(entity):
            key = name_key(form)
            owner = claimed.setdefault(key, entity.id)
            if owner != entity.id:
                problems.append(_problem(reference, entity.id, f"{entity.id}: name {form!r} is also claimed by {owner}"))
    acronyms: dict[str, str] = {}
    with_acronyms: list[Organization | Agreement] = [*reference.organizations.values(), *reference.agreements.values()]
    for entity in with_acronyms:
        for acronym in entity.acronyms:
            owner = acronyms.setdefault(acronym, entity.id)
            if owner != entity.id:
                problems.append(_problem(reference, entity.id, f"{entity.id}: acronym {acronym!r} is also claimed by {owner}"))

    for person in reference.people.values():
        for office in person.offices:
            if office.start and office.end and office.end.latest() < office.start.earliest():
                problems.append(_problem(reference, person.id,
                                         f"{person.id}: office {office.title!r} ends ({office.end}) before it starts ({office.start})"))
    for agreement in reference.agreements.values():
        ordered = [e for e in agreement.events if e.type in _EVENT_ORDER]
        for a, b in itertools.combinations(ordered, 2):
            first, second = (a, b) if _EVENT_ORDER[a.type] <= _EVENT_ORDER[b.type] else (b, a)
            if _EVENT_ORDER[first.type] < _EVENT_ORDER[second.type] and second.date.latest() < first.date.earliest():
                problems.append(_problem(reference, agreement.id,
                                         f"{agreement.id}: {second.type} ({second.date}) is dated before {first.type} ({first.date})"))
    return problems
