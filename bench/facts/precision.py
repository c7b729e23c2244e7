#!/usr/bin/env python3
"""Findings on real text, each document checked with its own date (bench/facts/README.md).

Titles ("former", "today"), relative dates ("last year") and present-tense figures depend on the
article's date; the corpora carry it in each file name (2022-05-18-...), which this script passes
as the article date, the way front matter would. Every finding is listed for reading by hand.

    python bench/facts/precision.py DIR [DIR...] [--codes FL2,FL3,FL4,FL5] [--out findings.json] [-j 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import factlint
from factlint.document import read_document

_REFERENCE = None


def _check(path: str) -> tuple[int, list[dict]]:
    global _REFERENCE
    if _REFERENCE is None:
        _REFERENCE = factlint.load_reference()
    m = re.search(r"(\d{4}-\d\d-\d\d)", Path(path).name)
    as_of = dt.date.fromisoformat(m.group(1)) if m else None
    doc = read_document(Path(path), as_of=as_of)
    findings = factlint.check_document(doc, _REFERENCE)
    return len(doc.original.split()), [
        {"path": path, "line": f.span.line, "column": f.span.column, "code": f.code, "text": f.text,
         "message": f.message, "suggestion": f.suggestion} for f in findings]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--codes", default="FL2,FL3,FL4,FL5")
    parser.add_argument("--out")
    parser.add_argument("-j", type=int, default=2)
    args = parser.parse_args(argv)
    codes = tuple(args.codes.split(","))
    paths = sorted(str(p) for d in args.dirs for p in Path(d).rglob("*") if p.suffix in (".txt", ".md"))
    words = 0
    found: list[dict] = []
    with ProcessPoolExecutor(args.j) as pool:
        for n, findings in pool.map(_check, paths, chunksize=16):
            words += n
            found.extend(f for f in findings if f["code"].startswith(codes))
    for f in found:
        print(f'{f["path"]}:{f["line"]}:{f["column"]}: {f["code"]} {f["text"]!r} {f["message"][:160]}')
    print(f"{len(found)} findings ({', '.join(codes)}) in {len(paths)} documents, {words:,} words")
    if args.out:
        Path(args.out).write_text(json.dumps({"documents": len(paths), "words": words, "findings": found}, indent=1),
                                  encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
