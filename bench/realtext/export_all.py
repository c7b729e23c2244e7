#!/usr/bin/env python3
"""Export ALL White House press briefings and speeches (no Korea filter).

The false-positive measurement of issue 14 needs at least 3 million words of
real public-domain text.  This script reads the ``wh`` source of
manifest.yaml (same mirror, same pinned commit) and exports every Markdown
file under the selected categories, with export.py's Markdown-to-text
conversion (imported, not copied), to OUT (default /tmp/factlint-wh-all):

    OUT/all/<category>/<stem>.txt        every selected document
    OUT/subset-every-K/<category>/...    every K-th document by sorted path
                                         (only with --every K, K > 1)
    OUT/index.jsonl                      file, origin, words, in_subset

Default selection: press-briefings/ and speeches-remarks/ (the "press
briefings and speeches" measured in the project README).  ``--categories``
takes any other comma-separated list; ``--categories wide`` is the full
export.py/select_docs.py category set (speeches-remarks, remarks,
press-briefings, statements-releases, briefings-statements, fact-sheets,
articles, releases, blog).  presidential-actions/ and legislation/ are never
included (mostly legal text).

``--every auto`` picks the largest K whose every-K-th subset (sorted by
path, starting with the first) still holds at least --min-words words.

Standard library only; downloads nothing; writes only under OUT.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import export  # noqa: E402  (reuse its manifest reader, git_show and wh_markdown_to_text)
import select_docs  # noqa: E402

DEFAULT_CATEGORIES = ("press-briefings", "speeches-remarks")
EXCLUDED = ("presidential-actions", "legislation")


def list_paths(git_dir: str, commit: str, categories: tuple[str, ...]) -> list[str]:
    out = subprocess.run(["git", f"--git-dir={git_dir}", "ls-tree", "-r", "--name-only", commit],
                         check=True, capture_output=True, text=True).stdout.split("\n")
    return sorted(p for p in out if p.endswith(".md") and p.split("/")[0] in categories
                  and p.split("/")[0] not in EXCLUDED)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="/tmp/factlint-wh-all")
    ap.add_argument("--manifest", default=str(HERE / "manifest.yaml"))
    ap.add_argument("--git-dir", default=None, help="override the wh mirror's git directory")
    ap.add_argument("--categories", default=",".join(DEFAULT_CATEGORIES),
                    help="comma-separated top-level folders, or 'wide'")
    ap.add_argument("--every", default="1", help="K, or 'auto' (see --min-words)")
    ap.add_argument("--min-words", type=int, default=3_200_000)
    args = ap.parse_args(argv)

    src = next(s for s in export.load_manifest(Path(args.manifest)) if s["id"] == "wh")
    gd = args.git_dir or src["git_dir"]
    commit = src["commit"]
    cats = tuple(select_docs.WH["categories"]) if args.categories == "wide" \
        else tuple(c for c in args.categories.split(",") if c)
    if not Path(gd).exists():
        print(f"mirror not found: {gd} (fetch {src['fetch']!r})", file=sys.stderr)
        return 2

    out = Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    alldir = out / "all"
    rows = []
    for path in list_paths(gd, commit, cats):
        raw = export.git_show(gd, commit, path).decode("utf-8")
        title, body = export.wh_markdown_to_text(raw)
        text = (title + "\n\n" + body).strip() + "\n"
        cat = path.split("/")[0]
        name = f"{cat}/{export.safe_name(Path(path).stem, 240)}.txt"
        dest = alldir / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.exists():
            raise SystemExit(f"name collision: {name}")
        dest.write_text(text, encoding="utf-8")
        rows.append({"file": name, "origin": f"{commit}:{path}", "words": len(text.split())})

    total = sum(r["words"] for r in rows)
    print(f"[wh] {src['repo']}@{commit[:12]} categories={','.join(cats)}: "
          f"{len(rows)} files, {total} words -> {alldir}")

    if args.every == "auto":
        k = 1
        while sum(r["words"] for r in rows[::k + 1]) >= args.min_words:
            k += 1
    else:
        k = int(args.every)
    for i, r in enumerate(rows):
        r["in_subset"] = i % k == 0
    if k > 1:
        sub = out / f"subset-every-{k}"
        for r in rows[::k]:
            dest = sub / r["file"]
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(alldir / r["file"], dest)
        sw = sum(r["words"] for r in rows[::k])
        print(f"[wh] subset: every {k}th file sorted by path (from the first): "
              f"{len(rows[::k])} files, {sw} words -> {sub}")
    with open(out / "index.jsonl", "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
