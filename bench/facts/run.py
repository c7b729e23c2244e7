#!/usr/bin/env python3
"""The fact-mutation benchmark (bench/facts/README.md): real sentences that state a fact the
reference holds (sentences.yaml, each read by hand), one wrong fact injected per copy.

For each sentence, its document is checked as written (the sentence must draw no finding), then once
per mutation with one fact made wrong: a date or year moved, another event's date, a title the person
never held, a year after they left office, "former" added or dropped. A mutation is caught when a
fact finding (FL2xx, FL3xx, FL4xx, FL5xx) falls inside the changed sentence. Documents are split
into dev and held-out by a hash of their path; held-out is never tuned on.

    python3 bench/facts/run.py --corpus facts=/tmp/factlint-facts --corpus realtext=/tmp/factlint-realtext \
        --corpus wh-all=/tmp/factlint-wh-all/all [--seed 0] [--results bench/facts/results.json] [--show]

Prints a Markdown table per split and family and kind, every finding on the correct sentences, and
the misses on dev (--show-heldout adds the held-out ones, for the report only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml
from harvest import sentence_id  # this folder: the id harvest.py gave each sentence

import factlint
from factlint.api import check_text
from factlint.document import parse_document
from factlint.extract.sentences import sentence_spans
from factlint.markup import kind_for
from factlint.models import PartialDate, Person, Reference
from factlint.normalize import name_key
from factlint.record.offices import covers, offices_held
from factlint.roles import ROLE_WORDS, role_of

HERE = Path(__file__).resolve().parent
FACT_CODES = ("FL2", "FL3", "FL4", "FL5")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


def split_of(file: str) -> str:
    return "heldout" if int(hashlib.sha1(file.encode()).hexdigest()[:8], 16) % 3 == 0 else "dev"


def locate(text: str, rel: str, as_of: dt.date | None, wanted: str) -> tuple[int, int] | None:
    """The [start, end) of the sentence with id `wanted` in the document, as harvest.py found it."""
    doc = parse_document(text, path=rel, kind=kind_for(Path(rel)), as_of=as_of)
    prose = doc.prose
    for s, e in sentence_spans(prose):
        sentence = prose[s:e].strip()
        if sentence_id(rel, sentence) == wanted:
            lead = len(prose[s:e]) - len(prose[s:e].lstrip())
            a = doc.span(s + lead, s + lead + len(sentence))
            return a.start, a.end
    return None


def _person(reference: Reference, written: str) -> Person | None:
    key = name_key(written)
    for p in reference.people.values():
        if key in {name_key(p.name), *(name_key(v) for v in p.variants)}:
            return p
    # "Joseph R. Biden", "George W. Bush": the given name and family name of a recorded person.
    parts = written.replace(".", " ").split()
    for p in reference.people.values():
        if parts and parts[-1] == p.family and parts[0] == p.given.split()[0]:
            return p
    return None


def _in_case(like: str, title: str) -> str:
    words = title.split()
    small = {"of", "the", "and"}
    if like[:1].isupper():
        return " ".join(w if w.isupper() or (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))
    return title


def _date_like(written: str, year: int, month: int | None = None, day: int | None = None) -> str:
    """`written` ("June 30, 2007", "July 1953", "2007", "October of 2001") with another date."""
    out = _YEAR.sub(str(year), written, count=1)
    if month is not None:
        out = re.sub("|".join(_MONTHS), _MONTHS[month - 1], out, count=1)
    if day is not None:
        out = re.sub(r"\b([0-3]?\d)\b(?=,)", str(day), out, count=1)
    return out


def mutations(entry: dict[str, Any], sentence: str, reference: Reference, as_of: dt.date | None,
              rng: random.Random) -> list[tuple[str, str, str]]:
    """(kind, old phrase, new phrase) for each wrong fact that can be put into this sentence."""
    out: list[tuple[str, str, str]] = []
    if entry["family"] == "dates":
        written = entry["date"]
        agreement = reference.agreements[entry["entity"]]
        years = {e.date.year for e in agreement.events}
        m = _YEAR.search(written)
        assert m, written
        year = int(m.group())
        shifts = [d for d in (-3, -2, -1, 1, 2, 3) if year + d not in years]
        out.append(("year", written, _date_like(written, year + rng.choice(shifts))))
        has_month = any(month in written for month in _MONTHS)
        has_day = bool(re.search(r"\b[0-3]?\d,", written))
        for event in agreement.events:
            d = event.date
            if d.year != year or (has_month and d.month and d.month != _month(written)):
                if has_month and d.month is None:
                    continue
                other = _date_like(written, d.year, d.month if has_month else None, d.day if has_day and d.day else None)
                if other != written:
                    out.append(("other_event", written, other))
                    break
        if has_day:
            day = int(re.search(r"\b([0-3]?\d),", written).group(1))
            out.append(("day", written, _date_like(written, year, None, max(1, min(28, day + rng.choice([-5, -3, 3, 5]))))))
        elif has_month:
            month = _month(written)
            out.append(("month", written, _date_like(written, year, (month - 1 + rng.choice([-4, -2, 2, 4])) % 12 + 1)))
    elif entry["family"] == "titles":
        person = _person(reference, entry["person"])
        assert person is not None, entry["person"]
        title, state = entry["title"], entry["state"]
        role = role_of(title)
        phrase = f"{title} {entry['person']}"
        lead = re.search(rf"(?:\b(?:former|Former|then-|then)\s*)?(?:[A-Z][\w.'’-]*\s+){{0,3}}{_flex(phrase)}", sentence)
        assert lead, (entry["id"], phrase)
        # Another office of the person's country that the reference records a holder of, never theirs.
        country = person.country
        held_roles = {role_of(o.title) for o in person.offices}
        others = sorted({r for p in reference.people.values() for o in p.offices
                         if (r := role_of(o.title)) and r not in held_roles and (o.country or p.country) == country})
        if others:
            out.append(("title_swap", phrase, f"{_in_case(title, ROLE_WORDS[rng.choice(others)])} {entry['person']}"))
        if state == "held" and as_of is not None and role is not None:
            now = _day(as_of)
            if any(covers(o, now) for o in offices_held(person, role, country)) and "former" not in lead.group().lower():
                added = f"former {phrase}" if lead.start() > 0 else f"Former {title} {entry['person']}"
                out.append(("former_added", phrase, added))
        # Dropping "former" is only wrong where the sentence speaks of a time after the term: not "in
        # 2018, the former secretary of state said", nor an act told of that was done in office.
        when = entry.get("when")
        in_office = when and role is not None and _YEAR.search(when) and any(
            covers(o, _year(int(_YEAR.search(when).group()))) for o in offices_held(person, role, country))
        if state == "former" and not in_office and not entry.get("note"):
            m = re.search(rf"\b([Ff]ormer)\s+{_flex(phrase)}", sentence)
            if m:
                out.append(("former_dropped", m.group(), phrase if m.group(1) == "former" else phrase))
        if when and role is not None and state != "former":
            held = offices_held(person, role, country)
            ends = [o.end.year for o in held if o.end is not None]
            if ends:
                limit = as_of.year if as_of else max(ends) + 4
                later = [y for y in range(max(ends) + 1, min(max(ends) + 5, limit + 1))
                         if any(covers(o, _year(y)) for p in reference.people.values() if p.id != person.id
                                for o in offices_held(p, role, country))]
                if later:
                    out.append(("later_year", when, _date_like(when, rng.choice(later))))
    elif entry["family"] == "figures" and entry.get("mutate") == "amount":
        # A figure off by 20-40%, up or down, written at the precision it was ("$80 billion" -> "$104 billion").
        m = re.search(r"\d[\d,]*(?:\.\d+)?", entry["figure"])
        assert m, entry["figure"]
        number = m.group().replace(",", "")
        decimals = len(number.split(".")[1]) if "." in number else 0
        factor = 1 + rng.choice((-1, 1)) * rng.uniform(0.2, 0.4)
        wrong = f"{float(number) * factor:,.{decimals}f}"
        out.append(("amount", entry["figure"], entry["figure"][:m.start()] + wrong + entry["figure"][m.end():]))
    elif entry["family"] == "figures":
        out.append(("ratio", entry["figure"], "more than quadrupled"))
    return out


def _flex(phrase: str) -> str:
    """A pattern for `phrase` across any whitespace: the text may be hard-wrapped inside it."""
    return r"\s+".join(re.escape(w) for w in phrase.split())


def _month(written: str) -> int:
    return next(i + 1 for i, m in enumerate(_MONTHS) if m in written)


def _day(date: dt.date) -> PartialDate:
    return PartialDate(year=date.year, month=date.month, day=date.day)


def _year(year: int) -> PartialDate:
    return PartialDate(year=year)


def _facts(findings: list, start: int, end: int) -> list:
    return [f for f in findings if f.code.startswith(FACT_CODES) and start <= f.span.start < end]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", default=[], help="NAME=DIR, as sentences.yaml names them")
    parser.add_argument("--sentences", default=str(HERE / "sentences.yaml"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--results")
    parser.add_argument("--show", action="store_true", help="list the catches too")
    parser.add_argument("--show-heldout", action="store_true",
                        help="list held-out misses too (only to report them: never tune on them)")
    args = parser.parse_args(argv)
    roots = dict(c.split("=", 1) for c in args.corpus)
    reference = factlint.load_reference()
    rng = random.Random(args.seed)
    entries = yaml.safe_load(Path(args.sentences).read_text(encoding="utf-8"))["sentences"]
    tally: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    lines: list[str] = []
    correct_findings: list[str] = []
    missing = 0
    for entry in entries:
        corpus, rel = entry["file"].split(":", 1)
        if corpus not in roots:
            missing += 1
            continue
        text = (Path(roots[corpus]) / rel).read_text(encoding="utf-8")
        m = re.search(r"(\d{4}-\d\d-\d\d)", Path(rel).name)
        as_of = dt.date.fromisoformat(m.group(1)) if m else None
        where = locate(text, rel, as_of, entry["id"])
        if where is None:
            raise SystemExit(f"{entry['file']}: sentence {entry['id']} not found (has the corpus changed?)")
        start, end = where
        sentence = text[start:end]
        # Batch 2 was added after the first results and scored blind: a split of its own.
        split = "fresh" if entry.get("batch") == 2 else split_of(entry["file"])
        for f in _facts(check_text(text, reference=reference, path=rel, kind=kind_for(Path(rel)), as_of=as_of), start, end):
            correct_findings.append(f"{entry['file']}:{f.span.line}:{f.span.column}: {f.code} {f.text!r} {f.message}")
        for kind, old, new in mutations(entry, sentence, reference, as_of, rng):
            if kind in entry.get("skip", ()):
                continue  # that change is not wrong in this sentence (its note says why)
            found = re.search(_flex(old), sentence)
            assert found, (entry["id"], old)
            mutated = text[:start] + sentence[:found.start()] + new + sentence[found.end():] + text[end:]
            new_end = end + len(new) - len(found.group())
            hits = _facts(check_text(mutated, reference=reference, path=rel, kind=kind_for(Path(rel)), as_of=as_of), start, new_end)
            tally[(split, entry["family"], kind)]["n"] += 1
            tally[(split, entry["family"], kind)]["caught"] += bool(hits)
            if not hits and split in ("heldout", "fresh") and not args.show_heldout:
                continue
            if not hits:
                lines.append(f"MISS {split} {entry['family']}/{kind} {entry['id']}: {old!r} -> {new!r}")
            elif args.show:
                lines.append(f"ok   {split} {entry['family']}/{kind} {entry['id']}: {old!r} -> {new!r}: "
                             + "; ".join(f"{h.code} {h.message}" for h in hits))
    rows = ["| split | family | kind | caught | recall |", "|---|---|---|---|---|"]
    summary: dict[str, Any] = {"seed": args.seed, "sentences": len(entries) - missing, "by_kind": [],
                               "findings_on_correct_sentences": correct_findings}
    for split in ("dev", "heldout", "fresh"):
        families: dict[str, Counter] = defaultdict(Counter)
        for (s, family, kind), c in sorted(tally.items()):
            if s != split:
                continue
            families[family].update(c)
            rows.append(f"| {split} | {family} | {kind} | {c['caught']}/{c['n']} | {c['caught'] / c['n']:.2f} |")
            summary["by_kind"].append({"split": split, "family": family, "kind": kind, "n": c["n"], "caught": c["caught"]})
        for family, c in sorted(families.items()):
            rows.append(f"| {split} | **{family}** | all | {c['caught']}/{c['n']} | **{c['caught'] / c['n']:.2f}** |")
    print("\n".join(rows))
    print(f"\nfindings on the {len(entries) - missing} correct sentences: {len(correct_findings)}")
    for f in correct_findings:
        print("  " + f)
    if missing:
        print(f"({missing} sentences skipped: their corpus was not given)")
    if args.show or lines:
        print("\n" + "\n".join(lines))
    if args.results:
        Path(args.results).write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
