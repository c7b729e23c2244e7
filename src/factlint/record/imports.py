"""Reference YAML from the open data editors already use (issue 16): each importer turns a published
file into a layer of people, offices and sources that an editor reviews and passes with --reference.

Importers are pure: data in, a ReferenceFile and a list of what was left out. They never overwrite what
the reference already holds: an entry with a name or variant the reference (bundled and the editor's
layers) already has is left out and reported, so an editor's hand-written entry always wins; a
namesake whose id alone is taken is kept under an id with its record's key.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..models import Office, Person, Reference, ReferenceFile, Source
from ..normalize import name_key

# The congress-legislators project of the @unitedstates organization: public domain data on every
# member of Congress, one YAML list per file (legislators-current.yaml, legislators-historical.yaml).
CONGRESS_REPO = "https://github.com/unitedstates/congress-legislators"
_CHAMBERS = {"sen": "United States Senator", "rep": "Member of the United States House of Representatives"}


@dataclass(frozen=True)
class Origin:
    """Where imported data comes from, as its source cites it."""

    file: str  # the file's name in its repository: "legislators-current.yaml"
    commit: str  # the commit it was read at (a full or abbreviated hash)
    accessed: dt.date


@dataclass
class Imported:
    reference: ReferenceFile
    skipped: list[str] = field(default_factory=list)  # "id (Name): why", one per entry left out


def congress_legislators(records: list[dict[str, Any]], origin: Origin, existing: Reference | None = None) -> Imported:
    """People and their terms in Congress from congress-legislators YAML. Consecutive terms in one
    chamber are one office; a member's nickname ("Chuck") gives a variant ("Chuck Schumer")."""
    stem = re.sub(r"[^a-z0-9]+", "-", origin.file.lower().removesuffix(".yaml")).strip("-")
    source = Source(id=f"{stem}-{origin.commit[:7].lower()}",
                    publisher="United States Congress (congress-legislators project, public domain)",
                    title=f"{origin.file} at commit {origin.commit[:12]}",
                    url=f"{CONGRESS_REPO}/blob/{origin.commit}/{origin.file}", accessed=origin.accessed,
                    standing="archive")
    taken_ids, taken_forms = _taken(existing)
    people: list[Person] = []
    skipped: list[str] = []
    for record in records:
        person = _legislator(record, source.id, origin.accessed)
        if person is None:
            skipped.append(f"{record.get('id', {}).get('bioguide', '?')}: no name or no terms")
            continue
        forms = {name_key(f) for f in (person.name, *person.variants)}
        holders = sorted({taken_forms[f] for f in forms if f in taken_forms})
        if holders:
            skipped.append(f"{person.id} ({person.name}): the reference already has this name, as {holders[0]}")
            continue
        if person.id in taken_ids:  # a namesake: keep both, apart
            person = person.model_copy(update={"id": f"{person.id}-{record['id']['bioguide'].lower()}"})
        taken_ids.add(person.id)
        taken_forms.update(dict.fromkeys(forms, person.id))
        people.append(person)
    return Imported(ReferenceFile(sources=[source], people=people), skipped)


def _taken(existing: Reference | None) -> tuple[set[str], dict[str, str]]:
    """The ids the reference uses, and each written form (as a key) with the id that holds it."""
    if existing is None:
        return set(), {}
    ids = set(existing.people) | set(existing.organizations) | set(existing.agreements)
    forms = {name_key(f): e.id for e in (*existing.people.values(), *existing.organizations.values())
             for f in (e.name, *e.variants)}
    return ids, forms


def _legislator(record: dict[str, Any], source_id: str, accessed: dt.date) -> Person | None:
    name = record.get("name") or {}
    first, last = name.get("first"), name.get("last")
    terms = record.get("terms") or []
    if not first or not last or not terms:
        return None
    full = name.get("official_full") or f"{first} {last}"
    variants = {f"{first} {last}"}
    if name.get("nickname"):
        variants.add(f"{name['nickname']} {last}")
    if name.get("middle"):
        variants.add(f"{first} {name['middle']} {last}")
    variants.discard(full)
    spans: list[list[Any]] = []  # [title, start, end, note], consecutive terms in one chamber merged
    for term in terms:
        title = _CHAMBERS.get(term.get("type", ""))
        if title is None:
            continue
        start, end = dt.date.fromisoformat(term["start"]), dt.date.fromisoformat(term["end"])
        # A term that starts within days of the last one's end, in the same chamber, continues it.
        if spans and spans[-1][0] == title and (start - spans[-1][2]).days <= 7:
            spans[-1][2] = end
        else:
            spans.append([title, start, end, f"{term.get('state', '')} {term.get('party', '')}".strip() or None])
    # A term that ends after the data was read is still being served: its end is only scheduled.
    offices = [Office(title=title, start=start, end=end if end <= accessed else None, source=source_id, note=note)
               for title, start, end, note in spans]
    return Person(id=_slug(full), name=full, variants=sorted(variants), family=last, given=first,
                  order="given-first", language="en", country="United States", offices=offices,
                  sources=[source_id], note=f"bioguide {record['id']['bioguide']}" if record.get("id", {}).get("bioguide")
                  else None)


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
