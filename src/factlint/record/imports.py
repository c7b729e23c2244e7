"""Reference YAML from the open data editors already use (issue 16): each importer turns a published
file into a layer of people, offices and sources that an editor reviews and passes with --reference.

Three formats: the @unitedstates project's congress-legislators YAML, the JSON results of a Wikidata
SPARQL query (wikidata_people.rq beside this file) and the US Treasury's OFAC SDN list (sdn.csv and
alt.csv), of which the DPRK programs' individuals are read.

Importers are pure: data in, a ReferenceFile and a list of what was left out. They never overwrite what
the reference already holds: an entry with a name or variant the reference (bundled and the editor's
layers) already has is left out and reported, so an editor's hand-written entry always wins; a
namesake whose id alone is taken is kept under an id with its record's key.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..models import Office, Person, Reference, ReferenceFile, Source
from ..normalize import name_key
from ..romanization import is_korean_given_name

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
    candidates: list[tuple[Person, str]] = []
    skipped: list[str] = []
    for record in records:
        person = _legislator(record, source.id, origin.accessed)
        if person is None:
            skipped.append(f"{record.get('id', {}).get('bioguide', '?')}: no name or no terms")
            continue
        candidates.append((person, record["id"]["bioguide"].lower()))
    people = _admit(candidates, existing, skipped)
    return Imported(ReferenceFile(sources=[source], people=people), skipped)


def _admit(candidates: list[tuple[Person, str]], existing: Reference | None, skipped: list[str]) -> list[Person]:
    """The candidates the reference does not already name, each (person, its record's key); the others
    are listed in `skipped`. A namesake whose id alone is taken is kept under id-key."""
    taken_ids, taken_forms = _taken(existing)
    people: list[Person] = []
    for person, key in candidates:
        forms = {name_key(f) for f in (person.name, *person.variants)}
        holders = sorted({taken_forms[f] for f in forms if f in taken_forms})
        if holders:
            skipped.append(f"{person.id} ({person.name}): the reference already has this name, as {holders[0]}")
            continue
        if person.id in taken_ids:  # a namesake: keep both, apart
            person = person.model_copy(update={"id": f"{person.id}-{key}"})
        taken_ids.add(person.id)
        taken_forms.update(dict.fromkeys(forms, person.id))
        people.append(person)
    return people


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


class DataError(ValueError):
    """The data is not in the format asked for; `line` is where it stops making sense (1 when unknown)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


# --- Wikidata ----------------------------------------------------------------------------------------

WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
# The query whose results `wikidata_people` reads, kept beside this module (the README prints it).
WIKIDATA_QUERY = "wikidata_people.rq"
# Native languages (P103) and citizenships (P27) whose names English writes family name first.
_FAMILY_FIRST = {"Q9176": "ko", "Q7850": "zh", "Q9192": "zh", "Q884": "ko", "Q423": "ko", "Q148": "zh", "Q865": "zh"}
_ENGLISH = {"Q1860"}
# Citizenships as the bundled reference names the countries whose offices people hold.
_COUNTRIES = {"Q884": "Republic of Korea", "Q423": "Democratic People's Republic of Korea", "Q30": "United States",
              "Q148": "China", "Q17": "Japan", "Q159": "Russia"}
# Wikidata time precision: 9 year, 10 month, 11 day.
_PRECISION = {"9": 4, "10": 7, "11": 10}


def wikidata_people(results: dict[str, Any], accessed: dt.date, existing: Reference | None = None) -> Imported:
    """People and the positions they held (P39) from SPARQL JSON results of wikidata_people.rq: one row
    per person, position held, alias and name part; each person cites their Wikidata item.

    The position's label is kept as written for the office's title ("Prime Minister of the United
    Kingdom"); roles.py reads the role from it. Names are split into family and given names with the
    family name (P734) when the label holds it, else by the order: family-first for Korean and Chinese
    (native language P103, else citizenship P27), given-first otherwise."""
    bindings = _bindings(results)
    rows: dict[str, list[dict[str, str]]] = {}
    for row in bindings:
        qid = row.get("person", "").removeprefix(WIKIDATA_ENTITY)
        if re.fullmatch(r"Q\d+", qid):
            rows.setdefault(qid, []).append(row)
    candidates: list[tuple[Person, str]] = []
    sources: list[Source] = []
    skipped: list[str] = []
    for qid, person_rows in rows.items():
        person, source = _wikidata_person(qid, person_rows, accessed)
        if person is None:
            skipped.append(f"{qid}: no English label")
            continue
        candidates.append((person, qid.lower()))
        sources.append(source)
    people = _admit(candidates, existing, skipped)
    kept = {s for p in people for s in p.sources}
    return Imported(ReferenceFile(sources=[s for s in sources if s.id in kept], people=people), skipped)


def _bindings(results: Any) -> list[dict[str, str]]:
    """Each result row as {variable: value}, from application/sparql-results+json."""
    try:
        names = results["head"]["vars"]
        rows = results["results"]["bindings"]
        if not isinstance(names, list) or not isinstance(rows, list):
            raise TypeError
        if "person" not in names or "personLabel" not in names:
            raise DataError(1, f"the query selects no ?person and ?personLabel (it selects {', '.join(names)})")
        return [{k: v["value"] for k, v in row.items()} for row in rows]
    except (KeyError, TypeError, AttributeError):
        raise DataError(1, "expected SPARQL results JSON: {\"head\": {\"vars\": ...}, \"results\": {\"bindings\": ...}}")


def _wikidata_person(qid: str, rows: list[dict[str, str]], accessed: dt.date) -> tuple[Person | None, Source]:
    label = rows[0].get("personLabel", "").strip()
    source = Source(id=f"wikidata-{qid.lower()}", publisher="Wikidata", title=f"{label} ({qid})",
                    url=f"https://www.wikidata.org/wiki/{qid}", accessed=accessed)
    if not label or label == qid:  # the label service falls back to the id when no English label exists
        return None, source

    def values(var: str) -> list[str]:
        return sorted({r[var].removeprefix(WIKIDATA_ENTITY) for r in rows if r.get(var)})

    kinds = [_FAMILY_FIRST.get(q) for q in values("nativeLanguage")] or [_FAMILY_FIRST.get(q) for q in values("citizenship")]
    language = next((k for k in kinds if k), None)
    english = any(q in _ENGLISH for q in values("nativeLanguage") + values("citizenship"))
    order = "family-first" if language else "given-first"
    family, given = _split(label, values("familyLabel"), order)
    countries = values("citizenship")
    labels = {r["citizenship"].removeprefix(WIKIDATA_ENTITY): r.get("citizenshipLabel", "") for r in rows
              if r.get("citizenship")}
    country = next((_COUNTRIES.get(q) or labels.get(q) for q in countries), None)
    spans = sorted({(r["positionLabel"], _wikidata_date(r.get("start"), r.get("startPrecision")),
                     _wikidata_date(r.get("end"), r.get("endPrecision"))) for r in rows if r.get("positionLabel")},
                   key=lambda s: (s[1] or "", s[0]))
    offices = [Office(title=title, start=start, end=end, source=source.id) for title, start, end in spans]
    variants = sorted({a.strip() for a in values("alias")} - {label, ""})
    person = Person(id=_slug(label), name=label, variants=variants, family=family, given=given, order=order,
                    language=language or ("en" if english else "other"), country=country, offices=offices,
                    sources=[source.id], note=f"Wikidata {qid}")
    return person, source


def _split(label: str, families: list[str], order: str) -> tuple[str, str]:
    """(family, given) from the label: the family name (P734) where the label starts (family-first) or
    ends (given-first) with it, else the first or the last word."""
    for family in sorted(families, key=len, reverse=True):
        rest = label.removeprefix(family) if order == "family-first" else label.removesuffix(family)
        if rest != label and rest.strip():
            return family, rest.strip()
    words = label.split()
    if len(words) < 2:
        return label, label
    return (words[0], " ".join(words[1:])) if order == "family-first" else (words[-1], " ".join(words[:-1]))


def _wikidata_date(value: str | None, precision: str | None) -> str | None:
    """"2016-07-13T00:00:00Z" to the precision the statement has (a day when the query gives none)."""
    found = re.match(r"(\d{4})-(\d\d)-(\d\d)", value or "")
    return found.group(0)[:_PRECISION.get(precision or "11", 10)] if found else None


# --- OFAC SDN list -----------------------------------------------------------------------------------

# The programs under which the Treasury lists North Korea's sanctioned people.
DPRK_PROGRAMS = {"DPRK", "DPRK2", "DPRK3", "DPRK4", "DPRK-NKSPEA"}
OFAC_PUBLISHER = "U.S. Department of the Treasury, Office of Foreign Assets Control"
_SDN_FIELDS = 12  # ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks
_ALT_FIELDS = 5  # ent_num, alt_num, alt_type, alt_name, alt_remarks
_NATIONALITY = re.compile(r"\b(?:nationality|citizen) ([^;.]+)")
_NATIONS = {"Korea, North": ("ko", "Democratic People's Republic of Korea"), "Korea, South": ("ko", "Republic of Korea"),
            "China": ("zh", "China")}


def sdn_rows(text: str) -> list[list[str]]:
    """The rows of sdn.csv or alt.csv, "-0- " (OFAC's empty field) as ""; DataError on a row of neither shape."""
    rows = []
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or row == ["\x1a"]:  # OFAC ends its files with a DOS end-of-file mark
            continue
        if len(row) not in (_SDN_FIELDS, _ALT_FIELDS):
            raise DataError(number, f"expected {_SDN_FIELDS} fields (sdn.csv) or {_ALT_FIELDS} (alt.csv), found {len(row)}")
        rows.append([field.strip() if field.strip() != "-0-" else "" for field in row])
    if not rows:
        raise DataError(1, "no rows")
    return rows


def ofac_sdn(rows: list[list[str]], accessed: dt.date, existing: Reference | None = None) -> Imported:
    """The individuals of the DPRK programs from the SDN list's rows (sdn.csv, with alt.csv's rows for
    their aliases), each citing their entry on OFAC's Sanctions List Search.

    "KIM, Yo Jong" is family name, given name; a Korean or Chinese name (by the nationality the entry
    states, else a Korean-syllable given name) is written family-first, any other given-first. The
    alt.csv aliases ("a.k.a.", "f.k.a.", "n.k.a.") become variants: they are OFAC's strong aliases,
    names the person is known by. The weak aliases quoted in the remarks ("a.k.a. 'X'") are left out:
    OFAC itself calls them too broad to screen with, and a variant is a spelling the checks accept.
    The title column, when filled, is an office without dates: the list says what the person held
    when listed, not from when to when."""
    aliases: dict[str, list[str]] = {}
    for row in rows:
        if len(row) == _ALT_FIELDS and row[2].lower().strip(".") in ("aka", "fka", "nka"):
            aliases.setdefault(row[0], []).append(row[3])
    candidates: list[tuple[Person, str]] = []
    sources: list[Source] = []
    skipped: list[str] = []
    for row in rows:
        if len(row) != _SDN_FIELDS:
            continue
        uid, listed, kind, programs, title, remarks = row[0], row[1], row[2].lower(), row[3], row[4], row[11]
        if kind != "individual" or not DPRK_PROGRAMS & set(re.split(r"\] \[", programs)):
            continue
        source = Source(id=f"ofac-sdn-{uid}", publisher=OFAC_PUBLISHER,
                        title=f"Specially Designated Nationals list, entry {uid}: {listed}",
                        url=f"https://sanctionssearch.ofac.treas.gov/Details.aspx?id={uid}", accessed=accessed,
                        standing="official")
        person = _sdn_person(uid, listed, title, remarks, aliases.get(uid, []), source.id)
        if person is None:
            skipped.append(f"{uid} ({listed}): not a \"FAMILY, Given\" name")
            continue
        candidates.append((person, uid))
        sources.append(source)
    people = _admit(candidates, existing, skipped)
    kept = {s for p in people for s in p.sources}
    return Imported(ReferenceFile(sources=[s for s in sources if s.id in kept], people=people), skipped)


def _sdn_person(uid: str, listed: str, title: str, remarks: str, aliases: list[str], source_id: str) -> Person | None:
    parts = _sdn_name(listed)
    if parts is None:
        return None
    family, given = parts
    nationality = _NATIONALITY.search(remarks)
    nation = _NATIONS.get(nationality.group(1).strip()) if nationality else None
    if nationality is None and is_korean_given_name(given):
        # A DPRK program's individual with a Korean name and no stated nationality: a North Korean.
        nation = _NATIONS["Korea, North"]
    language, country = nation if nation else ("other", None)
    order = "family-first" if nation else "given-first"

    def written(family: str, given: str) -> str:
        return f"{family} {given}" if order == "family-first" else f"{given} {family}"

    name = written(family, given)
    variants = {written(*p) for p in map(_sdn_name, aliases) if p}
    if order == "given-first" and len(given.split()) > 1:  # "Irina Igorevna Huish" is also "Irina Huish"
        variants.add(f"{given.split()[0]} {family}")
    variants.discard(name)
    offices = [Office(title=title, source=source_id, note="the title the SDN entry gives; the list does not date it")
               ] if title and country else []
    return Person(id=_slug(name), name=name, variants=sorted(variants), family=family, given=given, order=order,
                  language=language, country=country, offices=offices, sources=[source_id],
                  note=f"OFAC SDN entry {uid}")


def _sdn_name(listed: str) -> tuple[str, str] | None:
    """("Kim", "Yo Jong") from "KIM, Yo Jong": the family name in capitals before the comma."""
    family, sep, given = listed.partition(", ")
    if not sep or not family or not given.strip():
        return None
    # "CH'OE" is Ch'oe, "CHO'NG" Cho'ng: only the first letter of each word stays capital.
    return re.sub(r"[A-Za-z']+", lambda m: m.group(0)[0] + m.group(0)[1:].lower(), family), given.strip()
