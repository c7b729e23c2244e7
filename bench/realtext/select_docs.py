#!/usr/bin/env python3
"""Regenerate manifest.yaml: pick the Korea-related documents from the mirrors.

This is how manifest.yaml was produced; you only need it to change the
selection (thresholds, commits).  Standard library only; reads local bare git
mirrors, downloads nothing.

    python3 select_docs.py [--wh-git-dir DIR] [--state-git-dir DIR] [--out manifest.yaml]
"""
from __future__ import annotations

import argparse
import email.utils
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import export  # noqa: E402

KOREA_RE = re.compile(r"Korea|DPRK|Pyongyang|Seoul")

WH = {
    "id": "wh",
    "repo": "brian14708/wh-briefings",
    "fetch": "github:brian14708/wh-briefings",
    "git_dir": "/work/.mirror/brian14708+wh-briefings/repo",
    "commit": "737ca03a271adc205c67766074ec8d0070f7ad95",
    "format": "wh-markdown",
    "publisher": "The White House, Briefing Room (whitehouse.gov), 2021-01 to 2026-08",
    "status": ("Public domain: works of the US Government (17 U.S.C. 105), as stated on "
               "whitehouse.gov ('government-produced materials appearing on this site are "
               "not copyright protected'). The repository itself (scraper and data) is "
               "released under CC0 1.0 (LICENSE at this commit). Caveat: transcripts also "
               "record words of non-US-government speakers (foreign leaders as interpreted, "
               "reporters' questions), which 17 U.S.C. 105 does not cover; the corpus is "
               "therefore used locally and never committed."),
    "categories": ("speeches-remarks", "remarks", "press-briefings", "statements-releases",
                   "briefings-statements", "fact-sheets", "articles", "releases", "blog"),
    "min_mentions": 10,
}
STATE = {
    "id": "state",
    "repo": "markschaver/State-Department-PR",
    "fetch": "github:markschaver/State-Department-PR",
    "git_dir": "/work/.mirror/markschaver+State-Department-PR/repo",
    "commit": "cd530c3f052fb81ae5ecc187d0c335100d3de922",
    "path": "data.rss",
    "format": "rss-item",
    "publisher": ("US Department of State, press releases RSS feed "
                  "(Office of the Spokesperson: Department Press Briefings, the Secretary's "
                  "remarks and press availabilities, readouts, statements), 2021-05 to 2022-08"),
    "status": ("Public domain: works of the US Government (17 U.S.C. 105); state.gov: "
               "'Unless a copyright is indicated, information on State Department websites "
               "is in the public domain'. The repository is a Flat Data git-scraper whose "
               "history holds 2,343 hourly snapshots of "
               "https://www.state.gov/rss-feed/press-releases/feed/ ; it has no LICENSE file, "
               "so only the government text it captured is used, never its code. Same caveat "
               "as above for reporters' questions and foreign officials' remarks."),
    "min_mentions": 5,
}


def git(gd: str, *args: str) -> str:
    return subprocess.run(["git", f"--git-dir={gd}", *args], check=True,
                          capture_output=True, text=True).stdout


def select_wh(cfg: dict, gd: str) -> list[dict]:
    docs = []
    paths = git(gd, "ls-tree", "-r", "--name-only", cfg["commit"]).split("\n")
    for path in sorted(p for p in paths if p.endswith(".md") and p.split("/")[0] in cfg["categories"]):
        raw = export.git_show(gd, cfg["commit"], path).decode("utf-8")
        if "Korea" not in raw and "DPRK" not in raw:
            continue
        title, body = export.wh_markdown_to_text(raw)
        text = (title + "\n\n" + body).strip() + "\n"
        n = len(KOREA_RE.findall(text))
        if n < cfg["min_mentions"]:
            continue
        m = re.search(r"^(?:source_url|permalink):\s*(\S+)", raw, re.M)
        docs.append({"path": path, "words": len(text.split()), "korea_mentions": n,
                     "url": m.group(1) if m else ""})
    return docs


def select_state(cfg: dict, gd: str) -> list[dict]:
    shas = git(gd, "log", "--format=%H", cfg["commit"], "--", cfg["path"]).split()
    seen: dict[str, tuple] = {}
    for sha in shas:  # newest first: keep the latest captured version of each item
        for guid, item in export.rss_items(export.git_show(gd, sha, cfg["path"])).items():
            if guid not in seen:
                seen[guid] = (sha, item)
    docs, dedupe = [], set()
    for guid, (sha, item) in seen.items():
        title, body = export.rss_item_to_text(item)
        text = (title + "\n\n" + body).strip() + "\n"
        n = len(KOREA_RE.findall(text))
        if n < cfg["min_mentions"]:
            continue
        key = hashlib.sha1(text.encode()).hexdigest()
        if key in dedupe:      # same release re-posted under a second guid
            continue
        dedupe.add(key)
        date = email.utils.parsedate_to_datetime(item.findtext("pubDate")).strftime("%Y-%m-%d")
        docs.append({"guid": guid, "commit": sha, "date": date, "title": title,
                     "words": len(text.split()), "korea_mentions": n,
                     "url": (item.findtext("link") or "").strip()})
    docs.sort(key=lambda d: (d["date"], d["title"]))
    return docs


def q(v) -> str:
    return json.dumps(v, ensure_ascii=False)


def write_manifest(path: Path, sources: list[tuple[dict, list[dict]]]) -> None:
    total_docs = sum(len(d) for _, d in sources)
    total_words = sum(x["words"] for _, d in sources for x in d)
    L = [
        "# factlint real-text benchmark corpus: what to export, from where.",
        "# Third-party public-domain text; NOT committed here. export.py rebuilds it",
        "# from local git mirrors.  Regenerate this file with select_docs.py.",
        "# Format: YAML whose values are all JSON scalars / one-line JSON objects",
        "# (so export.py can read it with the standard library).",
        "# words = whitespace-separated tokens of the exported .txt (title + body),",
        "# default export options.  korea_mentions = matches of /Korea|DPRK|Pyongyang|Seoul/.",
        "version: 1",
        f"total_docs: {total_docs}",
        f"total_words: {total_words}",
        "sources:",
    ]
    for cfg, docs in sources:
        L.append(f"  - id: {q(cfg['id'])}")
        for key in ("repo", "fetch", "git_dir", "commit", "path", "format", "publisher", "status"):
            if key in cfg:
                L.append(f"    {key}: {q(cfg[key])}")
        if "categories" in cfg:
            rule = (f"files under {', '.join(c + '/' for c in cfg['categories'])} at the pinned commit "
                    f"whose exported text has >= {cfg['min_mentions']} korea_mentions "
                    "(presidential-actions/ and legislation/ excluded: mostly legal text)")
        else:
            rule = ("every distinct item (by guid, latest captured version; exact duplicates "
                    "dropped) found in any historical version of data.rss reachable from the "
                    f"pinned commit whose exported text has >= {cfg['min_mentions']} "
                    "korea_mentions; each doc names the commit of the snapshot it is read from")
        L.append(f"    selection_rule: {q(rule)}")
        L.append(f"    doc_count: {len(docs)}")
        L.append(f"    word_count: {sum(d['words'] for d in docs)}")
        L.append("    docs:")
        for d in docs:
            L.append(f"      - {q(d)}")
    path.write_text("\n".join(L) + "\n", encoding="utf-8")
    print(f"wrote {path}: {total_docs} docs, {total_words} words")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--wh-git-dir", default=WH["git_dir"])
    ap.add_argument("--state-git-dir", default=STATE["git_dir"])
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "manifest.yaml"))
    a = ap.parse_args()
    wh = select_wh(WH, a.wh_git_dir)
    st = select_state(STATE, a.state_git_dir)
    write_manifest(Path(a.out), [(WH, wh), (STATE, st)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
