#!/usr/bin/env python3
"""Score factlint's name rules on the mutated documents that mutate.py wrote (bench/names/README.md).

    python3 bench/names/score.py [--out /tmp/factlint-names] [--src /tmp/factlint-realtext]

Runs `factlint check DIR --format json --select FL1 --ignore FL103 -j 2`
(FL103 is house style, not an error) on the mutated folder and on the original
documents, and reports, per split and per kind of slip, recall (an FL101/FL102 finding whose span
overlaps the injected slip and names the right entity), the findings on the mutated documents away
from the slip, and the findings on the original text. Markdown on stdout, JSON in --results.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

KINDS = ("substitution", "insertion", "deletion", "transposition", "romanization", "nickname_slip",
         "capitals", "linebreak")
SPLITS = ("dev", "heldout")
NAME_CODES = ("FL101", "FL102")


def run_factlint(folder: Path, jobs: int) -> tuple[str, list[dict[str, Any]]]:
    """Findings of FL1 rules under `folder`, with paths relative to it; and factlint's version."""
    cmd = [sys.executable, "-m", "factlint", "check", ".", "--format", "json", "--select", "FL1", "--ignore", "FL103", "-j", str(jobs),
           "--quiet", "--no-respect-gitignore"]
    proc = subprocess.run(cmd, cwd=folder, capture_output=True, text=True, encoding="utf-8")
    if proc.returncode not in (0, 1):
        raise SystemExit(f"factlint failed ({proc.returncode}) on {folder}: {proc.stderr.strip()}")
    version = subprocess.run([sys.executable, "-m", "factlint", "--version"], capture_output=True, text=True).stdout
    findings = json.loads(proc.stdout)["findings"]
    for f in findings:
        f["path"] = Path(f["path"]).as_posix().removeprefix("./")
    return version.strip(), findings


def overlaps(f: dict[str, Any], t: dict[str, Any]) -> bool:
    return ((f["line"], f["column"]) < (t["end_line"], t["end_column"])
            and (t["line"], t["column"]) < (f["end_line"], f["end_column"]))


def show(f: dict[str, Any]) -> str:
    text = " ".join(str(f.get("text", "")).split())
    return f'{f["path"]}:{f["line"]}:{f["column"]}: {f["code"]} "{text}" -> {f.get("suggestion")}'


def identity(f: dict[str, Any]) -> tuple[str, str, str, str]:
    """What a finding says, without where: to tell pre-existing findings from new ones after a slip
    shifted the offsets."""
    return (f["code"], " ".join(str(f.get("text", "")).split()), str(f.get("entity_id")), str(f.get("suggestion")))


def score(truth: list[dict[str, Any]], mutated: list[dict[str, Any]], original: list[dict[str, Any]]) -> dict[str, Any]:
    by_path: dict[str, list[dict[str, Any]]] = {}
    for f in mutated:
        by_path.setdefault(f["path"], []).append(f)
    orig_by_path: dict[str, Counter[tuple[str, str, str, str]]] = {}
    for f in original:
        orig_by_path.setdefault(f["path"], Counter())[identity(f)] += 1
    cells: dict[tuple[str, str], Counter[str]] = {}
    missed: list[dict[str, Any]] = []
    wrong_entity: list[str] = []
    used: set[int] = set()
    for t in truth:
        at = [f for f in by_path.get(t["path"], []) if f["code"] in NAME_CODES and overlaps(f, t)]
        used.update(id(f) for f in at)
        right = [f for f in at if f.get("entity_id") == t["entity_id"]]
        outcome = "caught" if right else "other_entity" if at else "missed"
        for key in ((t["split"], t["kind"]), (t["split"], "all"), ("all", t["kind"]), ("all", "all")):
            cells.setdefault(key, Counter())[outcome] += 1
        if outcome == "other_entity":
            wrong_entity.append(f'{t["path"]}: "{t["mutated"]}" ({t["entity_id"]}) -> '
                                + ", ".join(f'{f.get("entity_id")}' for f in at))
        if outcome == "missed":
            missed.append({k: t[k] for k in ("split", "kind", "entity_id", "original", "mutated", "path")})
    extra_new: list[str] = []
    extra_old: list[str] = []
    sources = {t["path"]: t["source"] for t in truth}
    for path, found in sorted(by_path.items()):
        pool = Counter(orig_by_path.get(sources.get(path, path), Counter()))  # this file's own copy
        for f in found:
            if id(f) in used:
                continue
            if pool[identity(f)] > 0:  # also in the original document: the transcript's own error
                pool[identity(f)] -= 1
                extra_old.append(show(f))
            else:
                extra_new.append(show(f))
    table = {f"{s}/{k}": {"slips": c.total(), "caught": c["caught"], "other_entity": c["other_entity"],
                          "recall": round(c["caught"] / c.total(), 3) if c.total() else None}
             for (s, k), c in sorted(cells.items())}
    return {"documents": len({t["source"] for t in truth}), "slips": len(truth), "recall": table,
            "missed": missed, "other_entity": wrong_entity, "extra_new": extra_new,
            "extra_preexisting": extra_old, "original_findings": [show(f) for f in original]}


def markdown(result: dict[str, Any]) -> str:
    rec = result["recall"]
    lines = [f'{result["factlint"]}: {result["slips"]} slips in {result["documents"]} documents '
             f'(seed {result["seed"]}).', "",
             "| kind | dev caught/slips | dev recall | held-out caught/slips | held-out recall |",
             "|---|---|---|---|---|"]
    present = {key.split("/")[1] for key in rec}
    kinds = [k for k in KINDS if k in present] + sorted(present - {*KINDS, "all"})
    for kind in (*kinds, "all"):
        row = [kind]
        for split in SPLITS:
            cell = rec.get(f"{split}/{kind}")
            row += [f'{cell["caught"]}/{cell["slips"]}', f'{cell["recall"]:.2f}'] if cell else ["0/0", "–"]
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", f'Caught as another entity: {len(result["other_entity"])}',
              *(f"- {x}" for x in result["other_entity"]),
              "", f'Findings on the original documents (baseline): {len(result["original_findings"])}',
              *(f"- {x}" for x in result["original_findings"]),
              "", f'Extra findings on mutated documents, not at the slip and not in the original: '
                  f'{len(result["extra_new"])}', *(f"- {x}" for x in result["extra_new"]),
              "", f'Extra findings also in the original (the transcript\'s own errors): '
                  f'{len(result["extra_preexisting"])}',
              "", f'Missed slips: {len(result["missed"])}',
              *(f'- {m["split"]} {m["kind"]}: "{m["original"]}" -> {json.dumps(m["mutated"], ensure_ascii=False)}'
                for m in result["missed"])]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("/tmp/factlint-names"), help="mutate.py's output")
    ap.add_argument("--src", type=Path, default=Path("/tmp/factlint-realtext"), help="the original documents")
    ap.add_argument("--results", type=Path, default=Path(__file__).with_name("results.json"))
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    truth = [json.loads(line) for line in (args.out / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    version, mutated = run_factlint(args.out, args.jobs)
    _, original = run_factlint(args.src, args.jobs)
    result = {"factlint": version, "seed": None, **score(truth, mutated, original)}
    meta = args.out / "meta.json"
    if meta.exists():
        result["seed"] = json.loads(meta.read_text(encoding="utf-8")).get("seed")
    print(markdown(result))
    args.results.write_text(json.dumps(result, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
