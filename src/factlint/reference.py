"""Loading, layering and validating the reference dataset (YAML files under reference/ folders).

A reference is made of layers: the bundled data first, then each `--reference DIR` in order. An entity
in a later layer replaces the one with the same id in an earlier layer, so a newsroom can correct or
extend the bundled record without editing it. Validation reports every problem at once, each with the
file and line of the YAML node, so an editor can fix a whole file in one pass.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import os
import pickle
import sys
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .models import Agreement, Figure, Organization, Person, Problem, Reference, ReferenceFile
from .normalize import name_key
from .roles import office_country
from .version import __version__
from .yamlfile import LineMap, YamlError, load_yaml

SECTIONS = ("sources", "people", "organizations", "agreements", "figures")



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
    """Load and merge the reference layers; raise ReferenceError listing every problem found.

    A valid reference is kept, compiled (its name index built), in the user's cache directory under
    a key made of factlint's version and the bytes of every reference file, so the next run loads it
    in milliseconds and any change to any file is seen. FACTLINT_NO_CACHE=1 turns this off."""
    paths = list(paths)
    cache = _cache_file(paths, bundled)
    if cache is not None and cache.is_file():
        # Unpickling builds millions of small objects; the cyclic garbage collector would scan them
        # again and again for nothing (it halves the load of a 100k-person reference).
        collecting = gc.isenabled()
        gc.disable()
        try:
            with cache.open("rb") as handle:  # streamed: the file's bytes are never all in memory at once
                cached = pickle.load(handle)
            if isinstance(cached, Reference):
                return cached
        except Exception:  # a damaged or outdated cache is rebuilt, never trusted
            pass
        finally:
            if collecting:
                gc.enable()
    reference, problems = _load(paths, bundled=bundled)
    if problems:
        raise ReferenceError(problems)
    if cache is not None:
        _store(cache, reference)
    return reference


def _cache_file(paths: list[str | Path], bundled: bool) -> Path | None:
    if os.environ.get("FACTLINT_NO_CACHE"):
        return None
    digest = hashlib.sha256(f"factlint {__version__} {sys.version_info[:2]}".encode())
    # The pickle holds factlint's own classes: any change to its code (a development install keeps its
    # version number) must miss the cache rather than load objects of an older shape.
    package = Path(__file__).resolve().parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.read_bytes())
    layers = ([bundled_reference_dir()] if bundled else []) + [Path(p) for p in paths]
    for layer in layers:
        if not layer.exists():
            return None  # reported by the loader
        for file in reference_files(layer):
            digest.update(str(file.resolve()).encode() + b"\0")
            try:
                digest.update(file.read_bytes() + b"\0")
            except OSError:
                return None
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factlint"
    return root / f"reference-{digest.hexdigest()[:32]}.pickle"


def _store(cache: Path, reference: Reference) -> None:
    from .index import index_for

    index_for(reference)  # kept with the reference, so the next run skips building it
    try:
        from .write import write_atomic

        write_atomic(cache, pickle.dumps(reference, protocol=pickle.HIGHEST_PROTOCOL))
        # Keep the eight newest compiled references; older ones belong to edits long gone.
        for stale in sorted(cache.parent.glob("reference-*.pickle"), key=lambda p: p.stat().st_mtime)[:-8]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass  # no cache directory to write to: run without one


def validate_reference(paths: Iterable[str | Path] = (), *, bundled: bool = True) -> tuple[Reference, list[Problem]]:
    """Load the layers and return the merged reference with every problem found (none: it is valid)."""
    return _load(paths, bundled=bundled)


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


def _load(paths: Iterable[str | Path], *, bundled: bool) -> tuple[Reference, list[Problem]]:
    layers = ([bundled_reference_dir()] if bundled else []) + [Path(p) for p in paths]
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


def _cited_sources(entity: Person | Organization | Agreement | Figure) -> Iterable[tuple[tuple[str | int, ...], str]]:
    """(path within the entity, source id) for every source the entity cites."""
    if isinstance(entity, Figure):
        yield ("source",), entity.source
        return
    for i, source_id in enumerate(entity.sources):
        yield ("sources", i), source_id
    if isinstance(entity, Person):
        for i, office in enumerate(entity.offices):
            yield ("offices", i, "source"), office.source
    if isinstance(entity, Agreement):
        for i, event in enumerate(entity.events):
            yield ("events", i, "source"), event.source


def name_forms(entity: Person | Organization | Agreement) -> list[tuple[tuple[str | int, ...], str]]:
    """(path within the entity, form) for every written form an entity is known by (acronyms
    excluded: they are matched by case)."""
    others = ("aliases", entity.aliases) if isinstance(entity, Agreement) else ("variants", entity.variants)
    return [(("name",), entity.name), *(((others[0], i), form) for i, form in enumerate(others[1]))]


# Pairs of events whose order is fixed: the first cannot come after the second.
_BEFORE = {
    ("negotiations_launched", "negotiations_concluded"), ("negotiations_launched", "signed"),
    ("negotiations_concluded", "signed"), ("initialed", "signed"), ("signed", "ratified"),
    ("signed", "entered_into_force"), ("ratified", "entered_into_force"), ("signed", "amended"),
    ("signed", "amendment_signed"), ("entered_into_force", "terminated"), ("signed", "terminated"),
    ("amendment_signed", "amendment_entered_into_force"), ("entered_into_force", "expired"),
}


def _cross_check(reference: Reference, locator: _Locator) -> list[Problem]:
    problems: list[Problem] = []
    sections: list[tuple[str, dict]] = [("people", reference.people), ("organizations", reference.organizations),
                                        ("agreements", reference.agreements), ("figures", reference.figures)]
    for section, entities in sections:
        for entity in entities.values():
            for path, source_id in _cited_sources(entity):
                if source_id not in reference.sources:
                    problems.append(locator.problem(section, entity.id, path,
                                                    f"{entity.id}: cites unknown source {source_id!r} (unsourced fact)"))

    claimed: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for section, entities in sections[:3]:
        for entity in entities.values():
            for path, form in name_forms(entity):
                owner = claimed.setdefault(name_key(form), entity.id)
                if owner != entity.id:
                    problems.append(locator.problem(section, entity.id, path,
                                                    f"{entity.id}: name {form!r} is also claimed by {owner}"))
            for i, acronym in enumerate(getattr(entity, "acronyms", [])):
                owner = acronyms.setdefault(acronym, entity.id)
                if owner != entity.id:
                    problems.append(locator.problem(section, entity.id, ("acronyms", i),
                                                    f"{entity.id}: acronym {acronym!r} is also claimed by {owner}"))

    for person in reference.people.values():
        if any(office_country(office, person) is None for office in person.offices):
            # FL401 compares titles within a country ("Foreign Minister" of which one?): without one,
            # this person's titles would never be checked, silently.
            problems.append(locator.problem("people", person.id, (),
                                            f"{person.id}: has offices but no `country:` (nor one on each office), "
                                            "so FL401 cannot check the titles the articles give them"))
        for i, office in enumerate(person.offices):
            if office.start and office.end and office.end.latest() < office.start.earliest():
                problems.append(locator.problem("people", person.id, ("offices", i),
                                                f"{person.id}: office {office.title!r} ends ({office.end}) before it starts ({office.start})"))
    for agreement in reference.agreements.values():
        events = list(enumerate(agreement.events))
        for (_, a), (j, b) in itertools.permutations(events, 2):
            if (a.type, b.type) in _BEFORE and b.date.latest() < a.date.earliest():
                problems.append(locator.problem("agreements", agreement.id, ("events", j),
                                                f"{agreement.id}: {b.type} ({b.date}) is dated before {a.type} ({a.date})"))
    return problems
