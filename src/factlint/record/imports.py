"""Reference YAML from the open data editors already use (issue 16): each importer turns a published
file into a layer of people, offices and sources that an editor reviews and passes with --reference.

Four formats: the @unitedstates project's congress-legislators YAML, the JSON results of a Wikidata
SPARQL query (wikidata_people.rq beside this file), the US Treasury's OFAC SDN list (sdn.csv and
alt.csv), of which the DPRK programs' individuals are read, and the State Department historian's
Principal Officers and Chiefs of Mission (a folder of XML files), of which chosen positions and missions
are read.

Importers are pure: data in, a ReferenceFile and a list of what was left out. They never overwrite what
the reference already holds: an entry with a name or variant the reference (bundled and the editor's
layers) already has is left out and reported, so an editor's hand-written entry always wins; a
namesake whose id alone is taken is kept under an id with its record's key.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the XML and CSV readers load only when an import runs: `check` never needs them
    import xml.etree.ElementTree as ET

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
    doubts: list[str] = field(default_factory=list)  # "id (Name): what", facts written as the data has them, to check


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
    return Person(offices_listed="some", id=_slug(full), name=full, variants=sorted(variants), family=last, given=first,
                  order="given-first", language="en", country="United States", offices=offices,
                  sources=[source_id], note=f"bioguide {record['id']['bioguide']}" if record.get("id", {}).get("bioguide")
                  else None)


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


class DataError(ValueError):
    """The data is not in the format asked for; `line` is where it stops making sense (1 when unknown),
    in `file` (a path inside the data's folder) when the data is a folder of files."""

    def __init__(self, line: int, message: str, file: str | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.file = file


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
    person = Person(offices_listed="some", id=_slug(label), name=label, variants=variants, family=family, given=given, order=order,
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
    import csv

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
    return Person(offices_listed="some", id=_slug(name), name=name, variants=sorted(variants), family=family, given=given, order=order,
                  language=language, country=country, offices=offices, sources=[source_id],
                  note=f"OFAC SDN entry {uid}")


def _sdn_name(listed: str) -> tuple[str, str] | None:
    """("Kim", "Yo Jong") from "KIM, Yo Jong": the family name in capitals before the comma."""
    family, sep, given = listed.partition(", ")
    if not sep or not family or not given.strip():
        return None
    # "CH'OE" is Ch'oe, "CHO'NG" Cho'ng: only the first letter of each word stays capital.
    return re.sub(r"[A-Za-z']+", lambda m: m.group(0)[0] + m.group(0)[1:].lower(), family), given.strip()


# --- Office of the Historian: Principal Officers and Chiefs of Mission ------------------------------

POCOM_PUBLISHER = "U.S. Department of State, Office of the Historian"
POCOM_PEOPLE_URL = "https://history.state.gov/departmenthistory/people/"


@dataclass(frozen=True)
class _Mission:
    """A mission whose chiefs become "Ambassador to <country>", the country named as the reference names
    it, by the date the chief started: (from, until, country), `until` excluded, "" open."""

    folder: str
    spans: tuple[tuple[str, str, str], ...]
    territory: str | None = None  # only chiefs accredited to this contemporary territory


# The missions the import can title. Other countries' names are not in this data (their territory ids
# point into another of the historian's repositories), so they are refused rather than guessed.
POCOM_MISSIONS = {
    # From 1949; the envoys to Joseon Korea (contemporary territory joseon-dynasty-1910) are left out.
    "korea": _Mission("missions-countries", (("", "", "the Republic of Korea"),), territory="korea"),
    "japan": _Mission("missions-countries", (("", "", "Japan"),)),
    # One file for both Chinas: the embassy was accredited to the Republic of China (at Taipei from
    # 1949) until recognition moved to the People's Republic on January 1, 1979. Ambassadors to China
    # began in 1935; the Qing court received ministers, who are not ambassadors and are left out anyway.
    "china": _Mission("missions-countries", (("1912", "1979-01-01", "the Republic of China"),
                                             ("1979-01-01", "", "the People's Republic of China"))),
    # One file for Russia and the Soviet Union (recognized November 16, 1933; dissolved December 25, 1991).
    "russia": _Mission("missions-countries", (("", "1933-11-16", "Russia"), ("1933-11-16", "1991-12-26", "the Soviet Union"),
                                              ("1991-12-26", "", "Russia"))),
    "representative-to-un": _Mission("missions-orgs", (("", "", "the United Nations"),)),
}
# The chiefs who are ambassadors: a chargé d'affaires, a liaison office's chief or a minister is not,
# and an "Ambassador to" office would misstate what they held. The UN representative has the rank.
_AMBASSADOR_ROLES = {"ambassador-e-p", "representative-to-un"}
_ROOTS = {"positions-principals": "principal-position", "missions-countries": "country-mission",
          "missions-orgs": "org-mission", "people": "person"}


@dataclass(frozen=True)
class _Held:
    person_id: str
    title: str
    start: str
    end: str | None
    succeeded: str | None = None  # with no end: when the next holder of the title started


def pocom_xml(text: str, file: str) -> ET.Element:
    """The root element of one of the data's files; DataError on anything else.

    The standard library's parser expands the entities a DTD declares (a "billion laughs" file grows
    without bound) and defusedxml is not a dependency. The historian's files declare no DTD, so a
    file that does is refused before it is parsed: what remains is plain elements and text."""
    import xml.etree.ElementTree as ET

    for mark in ("<!DOCTYPE", "<!ENTITY"):
        at = text.find(mark)
        if at >= 0:
            raise DataError(text.count("\n", 0, at) + 1, f"declares a DTD or entity ({mark}); the data has none, "
                            "and files that do are refused, not parsed", file)
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise DataError(exc.position[0], f"not well-formed XML: {exc}", file) from None
    expected = _ROOTS[file.split("/", 1)[0]]
    if root.tag != expected:
        raise DataError(1, f"expected a <{expected}> file, found <{root.tag}>", file)
    return root


def pocom(read: Callable[[str], str], commit: str, accessed: dt.date, positions: Sequence[str] = (),
          missions: Sequence[str] = (), since: int = 1945, existing: Reference | None = None) -> Imported:
    """The holders of the chosen principal positions (positions-principals/ID.xml) and the ambassadors
    of the chosen missions (POCOM_MISSIONS) since `since`, from the historian's Principal Officers and
    Chiefs of Mission data; `read` gives the text of a file by its path in the data's folder (raising
    FileNotFoundError when there is none). Each person cites their page on history.state.gov.

    A principal position's office is titled by its name ("Secretary of State", "U.S. Trade
    Representative"), a chief's "Ambassador to <country>". An office starts when the record says the
    holder started, else when they were appointed (the data leaves the start of most recent terms
    empty), and is kept when it ended in or after `since` or has no end. Nominees who never served
    (other-appointees/, other-nominees/) are not read; a holder's record with no date at all is left
    out and listed. An office without an end may also be one the data was not updated for: it is kept
    as still held, as the data has it, for the editor reviewing the layer to see."""
    skipped: list[str] = []
    held: list[_Held] = []
    for position in positions:
        file = f"positions-principals/{position}.xml"
        root = pocom_xml(_read_named(read, file, "--position"), file)
        title = (root.findtext("names/singular") or "").strip()
        if not title:
            raise DataError(1, "the position has no names/singular", file)
        # principals/ holds those who held the office; other-appointees/, nominees who never did.
        held.extend(_holdings(root.findall("principals/principal"), title, lambda record, title=title: title, since,
                              skipped))
    for mission_id in missions:
        mission = POCOM_MISSIONS[mission_id]
        file = f"{mission.folder}/{mission_id}.xml"
        root = pocom_xml(_read_named(read, file, "--mission"), file)
        chiefs = [c for c in root.findall("chiefs/chief") if _text(c, "role-title-id") in _AMBASSADOR_ROLES
                  and (mission.territory is None or _text(c, "contemporary-territory-id") == mission.territory)]
        held.extend(_holdings(chiefs, f"chief of mission, {mission_id}",
                              lambda record, mission=mission: _ambassador(mission, _start(record)), since, skipped))
    # The data's most recent terms often have no end, though the next holder has started. Such an
    # office would read as still held (and "former" as wrong): the end is not guessed, the office is
    # left out, and the editor is told.
    held = [h if h.end else replace(h, succeeded=min((n.start for n in held if n.title == h.title and n.start > h.start),
                                                     default=None)) for h in held]
    stale = [h for h in held if h.succeeded]
    by_person: dict[str, list[_Held]] = {}
    for h in held:
        by_person.setdefault(h.person_id, []).append(h)
    candidates: list[tuple[Person, str]] = []
    sources: list[Source] = []
    for person_id, offices in sorted(by_person.items(), key=lambda kv: (min(h.start for h in kv[1]), kv[0])):
        file = f"people/{person_id[:1]}/{person_id}.xml"
        try:
            root = pocom_xml(read(file), file)
        except FileNotFoundError:
            skipped.append(f"{person_id}: no {file} in the data")
            continue
        # The person is kept for their name; a stale office is not.
        made = _pocom_person(person_id, root, [h for h in offices if not h.succeeded], commit, accessed)
        if made is None:
            skipped.append(f"{person_id}: no surname or forename in {file}")
            continue
        candidates.append((made[0], person_id))
        sources.append(made[1])
    people = _admit(_unambiguous(candidates), existing, skipped)
    kept = {s for p in people for s in p.sources}
    doubts = [f"{h.person_id}: {h.title} from {h.start} left out: no end in the data, though the next holder "
              f"started {h.succeeded}" for h in stale]
    return Imported(ReferenceFile(sources=[s for s in sources if s.id in kept], people=people), skipped, doubts)


def _read_named(read: Callable[[str], str], file: str, option: str) -> str:
    try:
        return read(file)
    except FileNotFoundError:
        raise DataError(1, f"no such file: {option} names a file of {file.split('/')[0]}/ without .xml", file) from None


def _text(element: ET.Element, path: str) -> str:
    return " ".join((element.findtext(path) or "").split())


def _start(record: ET.Element) -> str:
    return _text(record, "started/date") or _text(record, "appointed/date")


def _ambassador(mission: _Mission, start: str) -> str | None:
    for since, until, country in mission.spans:
        if since <= start and (not until or start < until):
            return f"Ambassador to {country}"
    return None


def _holdings(records: list[ET.Element], what: str, title_of: Callable[[ET.Element], str | None], since: int,
              skipped: list[str]) -> list[_Held]:
    """The offices the records hold that ended in or after `since` (or have not ended), each titled by
    `title_of` (None: not an office the import writes); a record with neither a start nor an
    appointment date is listed in `skipped` instead, as `what` it was."""
    held = []
    for record in records:
        person_id, start, end = _text(record, "person-id"), _start(record), _text(record, "ended/date") or None
        if not person_id or (end is not None and int(end[:4]) < since):
            continue
        if not start:
            note = _text(record, "note")
            skipped.append(f"{person_id} ({what}): no date of start or appointment" + (f"; the record's note: {note}"
                                                                                        if note else ""))
            continue
        title = title_of(record)
        if title is not None:
            held.append(_Held(person_id, title, start, end))
    return held


def _pocom_person(person_id: str, root: ET.Element, held: list[_Held], commit: str,
                  accessed: dt.date) -> tuple[Person, Source] | None:
    surname, gen = _text(root, "persName/surname"), _text(root, "persName/genName")
    # "Mickey (Michael)", "Strobe (Nelson Strobridge)": the bracket holds a name not in use.
    forename = " ".join(re.sub(r"\([^)]*\)", " ", _text(root, "persName/forename")).split())
    if not surname or not forename:
        return None
    words = forename.split()
    # The given name is the first word, or up to the first full word after initials ("J. Stapleton").
    first = next((i for i, w in enumerate(words) if not re.fullmatch(r"\w\.", w)), len(words) - 1)
    given = " ".join(words[:first + 1])
    suffix = f" {gen}" if gen else ""
    name = f"{forename} {surname}{suffix}"
    # The form prose uses most ("Christopher Hill", "Harry Harris"), and the historian's other
    # forms ("Dean Rusk", "Christopher R. Hill").
    variants = {f"{given} {surname}{suffix}", f"{given} {surname}",
                *(_text(a, ".") for a in root.findall("persName/altname"))} - {name, ""}
    source_id = f"hsg-{person_id}" if re.fullmatch(r"[a-z0-9][a-z0-9._-]*", person_id) else f"hsg-{_slug(person_id)}"
    source = Source(id=source_id, publisher=POCOM_PUBLISHER, title=name, url=f"{POCOM_PEOPLE_URL}{person_id}",
                    accessed=accessed, standing="official",
                    note=f"Principal Officers and Chiefs of Mission data, HistoryAtState/pocom at {commit}")
    spans = sorted({(h.start, h.title, h.end, h.succeeded) for h in held}, key=lambda s: (s[0], s[1], s[2] or ""))
    offices = [Office(title=title, start=start, end=end, source=source_id,
                      note=f"no end in the data, though the next holder started {succeeded}" if succeeded else None)
               for start, title, end, succeeded in spans]
    born, died = _text(root, "birth"), _text(root, "death")
    life = f", {born or '?'}–{died}" if died else f", born {born}" if born else ""
    person = Person(offices_listed="some", id=_slug(name), name=name, variants=sorted(variants), family=surname, given=given,
                    order="given-first", language="en", country="United States", offices=offices,
                    sources=[source_id], note=f"history.state.gov person {person_id}{life}")
    return person, source


def _unambiguous(candidates: list[tuple[Person, str]]) -> list[tuple[Person, str]]:
    """The candidates without the variants two of them share ("John Kennedy" for two John Kennedys):
    a short form that names two people is no spelling of either, and left in it would make `_admit`
    leave the second person out as if the reference already had them."""
    count: dict[str, int] = {}
    for person, _ in candidates:
        for key in {name_key(f) for f in (person.name, *person.variants)}:
            count[key] = count.get(key, 0) + 1
    return [(p.model_copy(update={"variants": [v for v in p.variants if count[name_key(v)] == 1]}), key)
            for p, key in candidates]
