#!/usr/bin/env python3
"""List real sentences that state a fact factlint's reference holds, to be read by hand
(bench/facts/README.md). Prints JSON lines: the candidates, not a verdict.

A sentence is a candidate when, read generously (not by factlint's own extractors, so the benchmark
does not measure only what factlint already reads):
- dates: it names an agreement or summit of the reference (any of its names, or a key word of one)
  and writes a year that is the year of one of its recorded events;
- titles: it gives a reference person a title word next to the name, and holds a year or "former";
- figures: it holds an amount of money and a trade word, and names Korea (or the two sentences
  before it do: "our annual bilateral trade totals nearly $80 billion").

    python3 bench/facts/harvest.py CORPUS_DIR [CORPUS_DIR...] > candidates.jsonl
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from pathlib import Path

import factlint
from factlint.document import read_document
from factlint.extract.names import extract_names
from factlint.extract.sentences import sentence_spans
from factlint.record import index_for
from factlint.roles import TITLE_PATTERN

_YEAR = re.compile(r"\b(19[4-9]\d|20[0-2]\d)\b")
_MONEY = re.compile(r"\$\s?\d[\d,.]*\s*(?:billion|million|trillion|bn)\b", re.I)
_TRADE = re.compile(r"\b(?:trade|exports?|imports?|deficit|surplus)\b", re.I)
_KOREA = re.compile(r"\bKorea|\bKORUS\b|\bSeoul\b")
_TITLE = re.compile(rf"(?:\b(?:former|then-?)\s+)?(?:[A-Z][\w.'’]+\s+){{0,2}}(?:{TITLE_PATTERN})\s+$", re.I)


def sentence_id(path: str, sentence: str) -> str:
    return hashlib.sha1(f"{path}\0{sentence}".encode()).hexdigest()[:12]


# Words that name an agreement loosely, the way prose refers to it ("the armistice", "the summit at
# Camp David"): the benchmark's reading is generous on purpose.
_EXTRA = {
    "korean-armistice-agreement": ("armistice",), "korus-fta": ("free trade agreement", "FTA"),
    "camp-david-summit-2023": ("Camp David",), "singapore-joint-statement-2018": ("Singapore",),
    "hanoi-summit-2019": ("Hanoi",), "us-rok-mutual-defense-treaty": ("mutual defense treaty", "alliance"),
    "npt": ("Non-Proliferation Treaty", "NPT"), "washington-declaration-2023": ("Washington Declaration",),
    "panmunjom-declaration-2018": ("Panmunjom",), "sma-11": ("Special Measures Agreement", "SMA"),
    "sma-12": ("Special Measures Agreement", "SMA"), "agreed-framework-1994": ("Agreed Framework",),
}


def _keywords(reference) -> dict[str, list[str]]:
    """Words that name each agreement, from its names: "Camp David", "armistice", "KORUS"."""
    out: dict[str, list[str]] = {}
    for a in reference.agreements.values():
        words = {a.name, *a.acronyms, *a.aliases, *_EXTRA.get(a.id, ())}
        out[a.id] = sorted(w for w in words if w)
    return out


def main(argv: list[str]) -> int:
    reference = factlint.load_reference()
    index = index_for(reference)
    keys = _keywords(reference)
    years = {a.id: {e.date.year for e in a.events} for a in reference.agreements.values()}
    # Acronyms in capitals only: "SMA" is not "small".
    patterns = {aid: re.compile("|".join(rf"\b{re.escape(w)}\b" if w.isupper() else rf"(?i:\b{re.escape(w)})"
                                         for w in ws)) for aid, ws in keys.items() if ws}
    for root in map(Path, argv[1:]):
        for path in sorted([*root.rglob("*.txt"), *root.rglob("*.md")]):
            m = re.search(r"(\d{4}-\d\d-\d\d)", path.name)
            as_of = dt.date.fromisoformat(m.group(1)) if m else None
            doc = read_document(path, as_of=as_of)
            text = doc.prose
            names = [n for n in extract_names(doc, index) if n.entity_kind == "person" and n.entity_id
                     and n.method in ("exact", "variant")]
            spans = sentence_spans(text)
            rel = str(path.relative_to(root))
            for k, (s, e) in enumerate(spans):
                sentence = text[s:e].strip()
                if len(sentence) > 400 or len(sentence) < 20:
                    continue
                found_years = {int(y) for y in _YEAR.findall(sentence)}
                row = {"root": str(root), "file": rel, "as_of": str(as_of) if as_of else None, "start": s,
                       "id": sentence_id(rel, sentence), "sentence": " ".join(sentence.split())}
                for aid, pattern in patterns.items():
                    if pattern.search(sentence) and found_years & years[aid]:
                        print(json.dumps({**row, "family": "dates", "entity": aid}))
                        break
                for n in names:
                    a = doc.folded_at(n.span.start)
                    if s <= a < e and _TITLE.search(text, max(s, a - 60), a) and (
                            found_years or re.search(r"\bformer\b", text[max(s, a - 60):a], re.I)):
                        print(json.dumps({**row, "family": "titles", "entity": n.entity_id}))
                        break
                if _MONEY.search(sentence) and _TRADE.search(sentence) and _KOREA.search(text[spans[max(0, k - 2)][0]:e]):
                    print(json.dumps({**row, "family": "figures"}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
