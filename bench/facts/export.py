#!/usr/bin/env python3
"""Export the fact benchmark's real text from local git mirrors (bench/facts/README.md).

Two sources, both works of the US Government (17 U.S.C. § 105), so public domain; the text is not
committed here. The script reads them from the git mirrors the `fetch` tool brings in (or any clone):

- congress: Congressional Record floor speeches (milesmcc/congress-scope, 2007–2010, 110 documents) that name
  Korea at least three times, as the Record prints them: hard-wrapped near 70 columns;
- congress-brief: the speeches that name Korea once or twice (2007–2010), for the sentences added
  to the benchmark later, read blind;
- wh: White House documents (brian14708/wh-briefings, 2021–2026) that name Korea at least twice
  and are not in bench/realtext (which takes those with ten or more, but no presidential actions):
  proclamations, statements, fact sheets, remarks, hard-wrapped as published.

Each document is written as OUT/<source>/<date>-<id>.txt (.md for the White House's Markdown), its
date in the name.

    python3 bench/facts/export.py --congress /work/.mirror/milesmcc+congress-scope/repo \
        --wh /work/.mirror/brian14708+wh-briefings/repo [--out /tmp/factlint-facts]

Standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import re
import subprocess
import sys
from pathlib import Path

CONGRESS = "19e83351806b9e81a5e164f3da2c4bd7c01fb2b6"
WH = "737ca03a271adc205c67766074ec8d0070f7ad95"
_SPEAKER = re.compile(r"^`(?P<who>.+?) — (?P<date>\d{1,2} \w+ \d{4})`$", re.M)


def _korean(git: list[str], commit: str, folder: str, least: int) -> list[tuple[str, int]]:
    counts = subprocess.run([*git, "grep", "-c", "Korea", commit, "--", folder], capture_output=True,
                            text=True, check=True).stdout
    out: dict[str, int] = {}
    for line in counts.splitlines():
        _, path, n = line.rsplit(":", 2)
        if int(n) >= least:
            out[path] = int(n)
    return sorted(out.items())


def _show(git: list[str], commit: str, path: str) -> str:
    return subprocess.run([*git, "show", f"{commit}:{path}"], capture_output=True, text=True, check=True).stdout


def congress(git_dir: str, out: Path, least: int = 3, most: int | None = None) -> tuple[int, int]:
    git = ["git", "--git-dir", git_dir]
    docs = words = 0
    for path, n in _korean(git, CONGRESS, "docs", least):
        if most is not None and n > most:
            continue
        if path.startswith("docs/_site/"):
            continue  # the site build's copy of the same speech
        text = _show(git, CONGRESS, path)
        m = _SPEAKER.search(text)
        if m is None:
            continue
        date = dt.datetime.strptime(m.group("date"), "%d %B %Y").date()
        title = re.search(r"^# (.+)$", text, re.M)
        body = text[m.end():].lstrip("\n-").strip()
        _write(out / f"{date}-{Path(path).stem[:12]}.txt", title.group(1) if title else "", body)
        docs += 1
        words += len(body.split())
    return docs, words


def _brief_mentions(git_dir: str, out: Path) -> tuple[int, int]:
    """Speeches that name Korea once or twice: the sentences added to the benchmark after its first
    version, read by hand without looking at factlint's output on them."""
    return congress(git_dir, out, least=1, most=2)


def wh(git_dir: str, out: Path) -> tuple[int, int]:
    git = ["git", "--git-dir", git_dir]
    docs = words = 0
    for path, n in _korean(git, WH, ".", 2):
        # bench/realtext already holds the others with ten or more, but not presidential actions.
        if (n >= 10 and not path.startswith("presidential-actions/")) or not path.endswith(".md") \
                or path.startswith("legislation/"):
            continue
        text = _show(git, WH, path)
        front = re.match(r"---\n(.*?)\n---\n", text, re.S)
        if front is None:
            continue
        date = re.search(r"^date: '?(\d{4}-\d\d-\d\d)", front.group(1), re.M)
        title = re.search(r"^title: \"?(.+?)\"?$", front.group(1), re.M)
        if date is None:
            continue
        body = text[front.end():].strip()
        _write(out / f"{date.group(1)}-{hashlib.sha1(path.encode()).hexdigest()[:12]}.md",
               title.group(1).replace("\\_", " ") if title else "", body)
        docs += 1
        words += len(body.split())
    return docs, words


def _write(path: Path, title: str, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\n{body}\n" if title else f"{body}\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--congress", help="git dir of milesmcc/congress-scope")
    parser.add_argument("--wh", help="git dir of brian14708/wh-briefings")
    parser.add_argument("--out", default="/tmp/factlint-facts")
    args = parser.parse_args(argv)
    for name, export, git_dir in (("congress", congress, args.congress), ("wh", wh, args.wh),
                                   ("congress-brief", _brief_mentions, args.congress)):
        if git_dir:
            docs, words = export(git_dir, Path(args.out) / name)
            print(f"{name}: {docs} documents, {words:,} words -> {Path(args.out) / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
