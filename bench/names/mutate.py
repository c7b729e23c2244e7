#!/usr/bin/env python3
"""Inject one misspelling of a reference person into each real document (bench/names/README.md).

For every document, the people factlint resolves exactly (method "exact" or "variant", full names of
two or more words) are collected; one slip kind is taken in turn from KINDS, one person is chosen
uniformly among the people in the document that kind applies to, one of that person's mentions is
chosen, and one slip is injected. The result must not be an accepted form of any reference entity.

    python3 bench/names/mutate.py [--src /tmp/factlint-realtext] [--out /tmp/factlint-names] [--seed 0]

Writes OUT/<source>/<stem>.txt (copy 0) and OUT/<source>/<stem>~<k>.txt (copy k > 0), and
OUT/truth.jsonl, one line per mutated document. Same arguments, same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import factlint
from factlint.document import parse_document, read_document
from factlint.models import NameMention, Person, Reference
from factlint.normalize import name_key

KINDS = ("substitution", "insertion", "deletion", "transposition", "romanization", "nickname_slip",
         "capitals", "linebreak")
BASIC = KINDS[:4]
# With --lone: slips in a family name standing alone ("Blinken said", "MR. SULLIVAN:"), the way
# transcripts and second references name people.
LONE_KINDS = ("lone_substitution", "lone_insertion", "lone_deletion", "lone_transposition", "lone_capitals")

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_POS = {c: (r, i) for r, row in enumerate(_ROWS) for i, c in enumerate(row)}
NEIGHBOURS = {c: "".join(o for o, (r2, i2) in _POS.items() if o != c and abs(r2 - r) <= 1 and abs(i2 - i) <= 1)
              for c, (r, i) in _POS.items()}

# Accepted romanizations of one Hangul syllable, lower case: each maps to others of the same syllable.
ROMANIZATION: dict[str, tuple[str, ...]] = {
    "jong": ("jung", "jeong", "chong"), "jung": ("jong", "jeong", "chung"), "jeong": ("jung", "jong", "chung"),
    "chung": ("jung", "jeong", "chong"), "cheong": ("chung", "jeong", "chong"), "chong": ("jong", "jung"),
    "un": ("eun",), "eun": ("un",), "yeol": ("yol", "yul", "youl"), "yol": ("yeol", "yul"), "yul": ("yeol", "yol"),
    "myung": ("myong", "myeong"), "myong": ("myung", "myeong"), "myeong": ("myung", "myong"),
    "myoung": ("myung", "myeong"), "bak": ("back", "baek", "pak"), "back": ("baek", "bak"), "baek": ("back", "bak"),
    "jae": ("jay", "jai"), "sung": ("seong", "song"), "seong": ("sung", "song"), "song": ("sung", "seong"),
    "suk": ("seok", "sok"), "seok": ("suk", "sok"), "hyun": ("hyeon", "hyon"), "hyeon": ("hyun", "hyon"),
    "yong": ("young", "yeong"), "young": ("yong", "yeong"), "yeong": ("young", "yong"), "eui": ("ui", "ei"),
    "hui": ("hee", "hwi"), "hee": ("hui", "hi"), "son": ("sun",), "jin": ("chin",), "ju": ("joo", "chu"),
    "joo": ("ju",), "won": ("weon",), "sik": ("shik",), "chol": ("cheol", "chul"), "cheol": ("chol", "chul"),
    "chul": ("chol", "cheol"), "gwon": ("kwon",), "kwon": ("gwon",), "gwan": ("kwan",), "kwan": ("gwan",),
    "kye": ("gye",), "tok": ("dok", "deok"), "hun": ("hoon",), "hoon": ("hun",), "duck": ("deok", "dok", "duk"),
    "duk": ("deok", "duck"), "soo": ("su",), "su": ("soo",), "geun": ("gun", "keun"), "kyo": ("gyo",),
    "gyo": ("kyo",), "ahn": ("an",), "kyun": ("gyun",), "gyun": ("kyun",), "kyung": ("gyeong", "kyeong"),
    "kyeong": ("kyung", "gyeong"), "koo": ("gu", "ku"), "kun": ("geon", "keon"), "yoon": ("yun",),
    "yun": ("yoon",), "moon": ("mun",), "lee": ("yi", "rhee", "ri"), "ri": ("lee", "rhee"), "park": ("pak", "bak"),
    "pak": ("park", "bak"), "choe": ("choi", "chwe"), "choi": ("choe",), "cho": ("jo",), "jo": ("cho",),
    "roh": ("noh",), "noh": ("roh",), "kim": ("gim",), "kang": ("gang",), "shin": ("sin",), "suh": ("seo",),
    "seo": ("suh",), "ryong": ("ryeong",), "dong": ("tong",), "yon": ("yeon",), "yeon": ("yon",), "wook": ("uk",),
    "hyuck": ("hyeok", "hyok"), "sup": ("seop",), "seop": ("sup",), "doo": ("du",), "moo": ("mu",),
    "lac": ("rak", "lak"), "pong": ("bong",), "thae": ("tae",), "tae": ("thae",), "hwa": ("wha",), "wha": ("hwa",),
    "sye": ("se",), "kyum": ("gyeom", "kyeom"), "boo": ("bu",), "gyu": ("kyu",), "dae": ("tae",), "yoo": ("yu",),
    "yu": ("yoo",), "hyo": ("hyeo",), "nam": ("nahm",), "sol": ("seol",),
}

# Common nicknames of English given names (either way), for "nickname_slip".
NICKNAMES: dict[str, tuple[str, ...]] = {
    "antony": ("Tony",), "anthony": ("Tony",), "joseph": ("Joe",), "joe": ("Joseph",), "robert": ("Bob", "Rob"),
    "rob": ("Robert",), "michael": ("Mike",), "mike": ("Michael",), "jacob": ("Jake",), "jake": ("Jacob",),
    "james": ("Jim", "Jimmy"), "thomas": ("Tom",), "tom": ("Thomas",), "christopher": ("Chris",),
    "stephen": ("Steve",), "donald": ("Don",), "katherine": ("Kathy", "Kate"), "kathleen": ("Kathy",),
    "peter": ("Pete",), "pete": ("Peter",), "philip": ("Phil",), "ronald": ("Ron",), "ron": ("Ronald",),
    "susan": ("Sue",), "vincent": ("Vince",), "charles": ("Chuck", "Charlie"), "chuck": ("Charles",),
    "william": ("Bill",), "bill": ("William",), "howard": ("Howie",), "jamieson": ("Jamie",), "ashton": ("Ash",),
    "john": ("Johnny", "Jack"), "patrick": ("Pat",), "vladimir": ("Vlad",), "barack": ("Barry",),
}

_PART = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@dataclass(frozen=True)
class Slip:
    kind: str
    entity_id: str
    start: int  # offsets of the mention in the original text
    end: int
    original: str
    mutated: str


def accepted_keys(reference: Reference) -> frozenset[str]:
    """name_key of every name, variant and acronym of every entity: a slip must be none of these."""
    keys: set[str] = set()
    for group in (reference.people, reference.organizations):
        for entity in group.values():
            for form in (entity.name, *entity.variants, *getattr(entity, "acronyms", ())):
                keys.add(name_key(form))
    try:  # the index holds every form the matcher accepts (kinds table), when this version has one
        from factlint.record import index_for
        keys.update(index_for(reference).exact)
    except (ImportError, AttributeError):
        pass
    return frozenset(keys)


def parts(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PART.finditer(text)]


def recase(new: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return new.upper()
    return new[:1].upper() + new[1:] if like[:1].isupper() else new


def letter_slip(rng: random.Random, word: str, kind: str) -> str | None:
    """One slip of `kind` in `word`, never at its first letter (the capital stays)."""
    n = len(word)
    if kind == "substitution":
        i = rng.randrange(1, n)
        c = word[i].lower()
        pool = NEIGHBOURS.get(c, "") if rng.random() < 0.8 else ""
        pool = pool or "".join(x for x in "abcdefghijklmnopqrstuvwxyz" if x != c)
        new = rng.choice(pool)
        return word[:i] + (new.upper() if word[i].isupper() else new) + word[i + 1:]
    if kind == "insertion":
        i = rng.randrange(1, n)
        c = word[i].lower()
        new = c if rng.random() < 0.5 else rng.choice(NEIGHBOURS.get(c) or "e")
        return word[:i] + (new.upper() if word[i].isupper() else new) + word[i:]
    if kind == "deletion":
        i = rng.randrange(1, n)
        return word[:i] + word[i + 1:]
    if kind == "transposition":
        pairs = [i for i in range(1, n - 1) if word[i].lower() != word[i + 1].lower()]
        if not pairs:
            return None
        i = rng.choice(pairs)
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    raise ValueError(kind)


def slip_in_part(rng: random.Random, text: str, avoid: tuple[int, int] | None = None) -> str | None:
    """`text` with one basic slip in one of its name parts of three or more letters."""
    spans = [(a, b) for a, b in parts(text) if b - a >= 3 and (a, b) != avoid]
    if not spans:
        return None
    a, b = rng.choice(spans)
    new = letter_slip(rng, text[a:b], rng.choice(BASIC))
    return None if new is None else text[:a] + new + text[b:]


def romanization(rng: random.Random, text: str, person: Person) -> str | None:
    choices = [(a, b, alt) for a, b in parts(text) for alt in ROMANIZATION.get(text[a:b].lower(), ())]
    if person.language != "ko" or not choices:
        return None
    a, b, alt = rng.choice(choices)
    return text[:a] + recase(alt, text[a:b]) + text[b:]


def nickname_slip(rng: random.Random, text: str, person: Person) -> str | None:
    """The given name as a nickname or an initial, a middle initial perhaps dropped, and one slip in
    the family name: "Joseph R. Biden" -> "Joe Bidne", "Antony Blinken" -> "A. Blinkin"."""
    spans = parts(text)
    family = [(a, b) for a, b in spans if name_key(text[a:b]) == name_key(person.family)]
    if person.order != "given-first" or not family or family[-1] == spans[0]:
        return None
    (a, b), (fa, fb) = spans[0], family[-1]
    given = text[a:b]
    nick = recase(rng.choice([*NICKNAMES.get(given.lower(), ()), given[0].upper() + "."]), given)
    middle = text[b:fa]
    if re.fullmatch(r"(\s+[A-Z]\.)+\s+", middle) and rng.random() < 0.5:  # "Joseph R. Biden" -> "Joe Biden"
        middle = " "
    new = letter_slip(rng, text[fa:fb], rng.choice(BASIC)) if fb - fa >= 2 else None
    return None if new is None else text[:a] + nick + middle + new + text[fb:]


def capitals(rng: random.Random, text: str, person: Person) -> str | None:
    slipped = slip_in_part(rng, text)
    return None if slipped is None else slipped.upper()


def linebreak(rng: random.Random, text: str, person: Person) -> str | None:
    slipped = slip_in_part(rng, text)
    if slipped is None:
        return None
    spaces = [m.start() for m in re.finditer(r" ", slipped)]
    if not spaces:
        return None
    i = rng.choice(spaces)
    return slipped[:i] + "\n" + slipped[i + 1:]


def basic(kind: str) -> Callable[[random.Random, str, Person], str | None]:
    def mutate(rng: random.Random, text: str, person: Person) -> str | None:
        spans = [(a, b) for a, b in parts(text) if b - a >= 3]
        if not spans:
            return None
        a, b = rng.choice(spans)
        new = letter_slip(rng, text[a:b], kind)
        return None if new is None else text[:a] + new + text[b:]
    return mutate


def lone(kind: str) -> Callable[[random.Random, str, Person], str | None]:
    def mutate(rng: random.Random, text: str, person: Person) -> str | None:
        if len(text) < 3:
            return None
        if kind == "capitals":  # a speaker label: "MR. SULIVAN:"
            new = letter_slip(rng, text, rng.choice(BASIC))
            return None if new is None else new.upper()
        return letter_slip(rng, text, kind)
    return mutate


MUTATORS: dict[str, Callable[[random.Random, str, Person], str | None]] = {
    **{kind: basic(kind) for kind in BASIC}, "romanization": romanization, "nickname_slip": nickname_slip,
    "capitals": capitals, "linebreak": linebreak,
    **{f"lone_{kind}": lone(kind) for kind in (*BASIC, "capitals")}}


def split_of(rel: str) -> str:
    """dev or heldout, ~50/50, fixed by the document's path under the source folder."""
    return "dev" if hashlib.sha256(rel.encode()).digest()[0] % 2 == 0 else "heldout"


def eligible(mentions: list[NameMention], reference: Reference, lone: bool = False) -> dict[str, list[NameMention]]:
    """Full names resolved exactly; with `lone`, family names standing alone that factlint resolves
    to a person the document names in full ("partial"), with the full name left in place."""
    by_person: dict[str, list[NameMention]] = {}
    for m in mentions:
        if m.entity_kind != "person" or m.entity_id not in reference.people or "\n" in m.text:
            continue
        if lone:
            family = name_key(reference.people[m.entity_id].family)
            ok = m.method == "partial" and len(parts(m.text)) == 1 and name_key(m.text) == family
        else:
            ok = m.method in ("exact", "variant") and len(parts(m.text)) >= 2
        if ok:
            by_person.setdefault(m.entity_id, []).append(m)
    return by_person


def inject(rng: random.Random, text: str, by_person: dict[str, list[NameMention]], reference: Reference,
           accepted: frozenset[str], first_kind: int, kinds: tuple[str, ...] = KINDS) -> Slip | None:
    """One slip, of the first kind in turn from `first_kind` that applies to someone in the document."""
    for offset in range(len(kinds)):
        kind = kinds[(first_kind + offset) % len(kinds)]
        mutator = MUTATORS[kind]
        people = sorted(by_person)
        rng.shuffle(people)  # uniform over the people this kind applies to: first one that works
        for entity_id in people:
            person = reference.people[entity_id]
            mentions = sorted(by_person[entity_id], key=lambda m: m.span.start)
            for _ in range(20):
                m = rng.choice(mentions)
                original = text[m.span.start:m.span.end]
                new = mutator(rng, original, person)
                if new is not None and new != original and name_key(new) not in accepted:
                    return Slip(kind, entity_id, m.span.start, m.span.end, original, new)
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", type=Path, default=Path("/tmp/factlint-realtext"))
    ap.add_argument("--out", type=Path, default=Path("/tmp/factlint-names"))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--copies", type=int, default=4, help="mutated copies of each document (one slip each)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents (0: all)")
    ap.add_argument("--lone", action="store_true", help="slips in family names standing alone (LONE_KINDS)")
    args = ap.parse_args(argv)
    kinds = LONE_KINDS if args.lone else KINDS

    docs = sorted(p for p in args.src.glob("*/*.txt"))
    if args.limit:
        docs = docs[:args.limit]
    if not docs:
        print(f"no documents under {args.src} (run bench/realtext/export.py)", file=sys.stderr)
        return 2
    if args.out.exists():
        if not (args.out / "truth.jsonl").exists() and any(args.out.iterdir()):
            print(f"{args.out} exists and is not a previous output (no truth.jsonl); not touching it", file=sys.stderr)
            return 2
        shutil.rmtree(args.out)
    reference = factlint.load_reference()
    accepted = accepted_keys(reference)
    rows: list[dict[str, object]] = []
    skipped = 0
    turn = 0
    for path in docs:
        rel = path.relative_to(args.src).as_posix()
        doc = read_document(path)
        claims = factlint.extract(doc, reference)
        by_person = eligible([c for c in claims if isinstance(c, NameMention)], reference, args.lone)
        if not by_person:
            skipped += 1
            continue
        for copy in range(args.copies):
            rng = random.Random(f"{args.seed}:{rel}:{copy}")
            slip = inject(rng, doc.original, by_person, reference, accepted, turn % len(kinds), kinds)
            turn += 1
            if slip is None:
                continue
            mutated = doc.original[:slip.start] + slip.mutated + doc.original[slip.end:]
            out_rel = rel if copy == 0 else f"{rel[:-4]}~{copy}.txt"
            target = args.out / out_rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(mutated, encoding="utf-8", newline="")
            span = parse_document(mutated, path=out_rel, kind=doc.kind).original_span(
                slip.start, slip.start + len(slip.mutated))
            rows.append({"path": out_rel, "source": rel, "split": split_of(rel), "kind": slip.kind,
                         "entity_id": slip.entity_id, "original": slip.original, "mutated": slip.mutated,
                         "line": span.line, "column": span.column, "end_line": span.end_line,
                         "end_column": span.end_column})
    with (args.out / "truth.jsonl").open("w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    meta = {"seed": args.seed, "copies": args.copies, "limit": args.limit, "documents": len(docs),
            "without_mention": skipped, "lone": args.lone}
    (args.out / "meta.json").write_text(json.dumps(meta, sort_keys=True) + "\n", encoding="utf-8")
    counts = {k: sum(r["kind"] == k for r in rows) for k in kinds}
    print(f"{len(docs)} documents, {skipped} without an eligible mention of a reference person; "
          f"{len(rows)} slips in {args.out}: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
