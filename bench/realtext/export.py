#!/usr/bin/env python3
"""Export the factlint real-text corpus from local git mirrors.

The corpus is third-party, public-domain US government text.  None of it is
committed to this project: manifest.yaml pins, for each source repository, the
commit and the documents to use, and this script pulls those documents out of
a local bare git mirror with ``git --git-dir=DIR show SHA:PATH`` and writes
them as plain UTF-8 .txt files (one document per file, title on the first
line, one paragraph per line, blank line between paragraphs).

Nothing is downloaded here.  Bring the mirrors in first (see README.md).

Usage:
    python3 export.py [--out DIR] [--manifest FILE]
                      [--git-dir SOURCE_ID=DIR ...] [--source SOURCE_ID ...]
                      [--keep-strikethrough] [--no-unwrap]

Python 3.10+, standard library only.
"""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------
# manifest.yaml reader.  The manifest is YAML written in a deliberately
# regular shape so that it can be read without a YAML library:
#   sources:
#     - id: "wh"                      <- starts a source
#       key: <JSON scalar>            <- source fields (JSON strings/numbers)
#       docs:
#         - {"path": ..., "words": N} <- one JSON object per document
# Every value is valid JSON, and JSON scalars / flow mappings are valid YAML.
# --------------------------------------------------------------------------
_SRC_START = re.compile(r"^  - id:\s*(.+)$")
_SRC_FIELD = re.compile(r"^    ([A-Za-z_][A-Za-z0-9_]*):\s*(.*)$")
_DOC = re.compile(r"^      - (\{.*\})\s*$")


def load_manifest(path: Path) -> list[dict]:
    sources: list[dict] = []
    cur: dict | None = None
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _SRC_START.match(line)
        if m:
            cur = {"id": json.loads(m.group(1)), "docs": []}
            sources.append(cur)
            continue
        m = _DOC.match(line)
        if m and cur is not None:
            cur["docs"].append(json.loads(m.group(1)))
            continue
        m = _SRC_FIELD.match(line)
        if m and cur is not None:
            key, val = m.group(1), m.group(2).strip()
            if key != "docs" and val:
                cur[key] = json.loads(val)
            continue
        # top-level keys (version:, sources:, notes) are informational only
        if not line.startswith(" "):
            continue
        raise SystemExit(f"{path}:{lineno}: cannot parse line: {line!r}")
    return sources


def git_show(git_dir: str, sha: str, path: str) -> bytes:
    res = subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"{sha}:{path}"],
        capture_output=True,
    )
    if res.returncode != 0:
        raise RuntimeError(
            f"git show {sha}:{path} failed in {git_dir}: "
            + res.stderr.decode("utf-8", "replace").strip()
        )
    return res.stdout


# --------------------------------------------------------------------------
# White House briefing-room Markdown (pandoc output with YAML front matter)
# --------------------------------------------------------------------------
_YAML_ESC = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n",
    "v": "\v", "f": "\f", "r": "\r", "e": "\x1b", " ": " ", '"': '"',
    "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028",
    "P": "\u2029",
}


_YAML_ESC_RE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")


def _yaml_dq_unescape(s: str) -> str:
    def rep(m: re.Match) -> str:
        hexdigits = m.group(1) or m.group(2) or m.group(3)
        if hexdigits:
            return chr(int(hexdigits, 16))
        return _YAML_ESC.get(m.group(4), m.group(4))

    return _YAML_ESC_RE.sub(rep, s)


def _yaml_title(front: list[str]) -> str:
    """Read the ``title:`` scalar (plain, '...' or "...", possibly multi-line)."""
    for i, line in enumerate(front):
        if line.startswith("title:"):
            lines = [line[len("title:"):].strip()]
            for nxt in front[i + 1:]:
                if nxt.startswith((" ", "\t")):
                    lines.append(nxt)
                else:
                    break
            break
    else:
        return ""
    first = lines[0]
    if first.startswith('"'):
        buf = first[1:]
        for nxt in lines[1:]:
            if buf.endswith("\\") and not buf.endswith("\\\\"):
                buf = buf[:-1] + nxt.lstrip()   # escaped line break: join, no space
            else:
                buf = buf.rstrip() + " " + nxt.strip()
        buf = buf.rstrip()
        if buf.endswith('"'):
            buf = buf[:-1]
        return re.sub(r"\s{2,}", " ", _yaml_dq_unescape(buf)).strip()
    if first.startswith("'"):
        buf = " ".join([first[1:]] + [x.strip() for x in lines[1:]]).rstrip()
        if buf.endswith("'"):
            buf = buf[:-1]
        return buf.replace("''", "'").strip()
    return " ".join([first] + [x.strip() for x in lines[1:]]).strip()


_STRIKE = re.compile(r"<(s|del|strike)>.*?</\1>", re.S | re.I)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"(?<!\\)\[((?:[^\[\]\\]|\\.)*)\]\((?:<[^>]*>|[^)\s]*)(?:\s+\"[^\"]*\")?\)", re.S)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_EMPH = re.compile(r"(?<!\\)(\*\*|__)")
_MD_ESC = re.compile(r"\\([!-/:-@\[-`{-~])")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]\s{3}|\d+[.)]\s{2})")  # pandoc list markers
_ITALIC = re.compile(r"(?<![\\\w*])\*(?=\S)([^*]{1,300}?)(?<=\S)(?<!\\)\*(?![\w*])")


def wh_markdown_to_text(raw: str, keep_strike: bool = False, unwrap: bool = True) -> tuple[str, str]:
    raw = raw.replace("\r\n", "\n")
    title, body = "", raw
    if raw.startswith("---\n"):
        end = raw.find("\n---\n", 4)
        if end != -1:
            title = _yaml_title(raw[4:end].split("\n"))
            body = raw[end + 5:]
    if not keep_strike:
        body = _STRIKE.sub("", body)
    body = _IMAGE.sub("", body)
    body = _LINK.sub(lambda m: m.group(1), body)
    body = _AUTOLINK.sub(lambda m: m.group(1), body)
    body = _TAG.sub("", body)
    body = _EMPH.sub("", body)
    body = _ITALIC.sub(r"\1", body)
    # pandoc escapes: "\<newline>" is a hard line break, "\ " a non-breaking space
    body = re.sub(r"\\\n", "  \n", body)
    body = _paragraphs(body, unwrap)          # before unescaping: "25\." is not a list
    body = body.replace("\\ ", "\xa0")
    body = _MD_ESC.sub(r"\1", body)
    return title, html.unescape(body)


def _paragraphs(body: str, unwrap: bool) -> str:
    """Re-flow hard-wrapped Markdown: one paragraph per line (a Markdown hard
    line break, i.e. two trailing spaces, stays a newline inside the paragraph)."""
    out: list[str] = []
    para = ""
    for line in body.split("\n"):
        if not line.strip():
            if para.strip():
                out.append(para.strip())
            para = ""
            continue
        if not unwrap:
            para += line.rstrip() + "\n"
            continue
        text = line.strip()
        if para and _LIST_ITEM.match(line):
            para += "\n"
        elif para and not para.endswith("\n"):
            para += " "
        para += text + ("\n" if line.endswith("  ") else "")
    if para.strip():
        out.append(para.strip())
    return "\n\n".join(out)


# --------------------------------------------------------------------------
# State Department press-release RSS (data.rss; WordPress content:encoded)
# --------------------------------------------------------------------------
_NS = {"content": "http://purl.org/rss/1.0/modules/content/"}
_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
          "tr", "table", "section", "blockquote", "pre", "hr", "figure", "figcaption"}


class _HTMLText(HTMLParser):
    def __init__(self, keep_strike: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.keep_strike = keep_strike

    def _skippable(self, tag: str) -> bool:
        return tag in ("script", "style", "noscript") or (
            not self.keep_strike and tag in ("s", "del", "strike"))

    def handle_starttag(self, tag, attrs):
        if self._skippable(tag):
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append("\n\n")
        elif tag == "input":
            pass

    def handle_endtag(self, tag):
        if self._skippable(tag):
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_to_text(fragment: str, keep_strike: bool = False) -> str:
    p = _HTMLText(keep_strike)
    p.feed(fragment)
    p.close()
    text = "".join(p.parts)
    paras = []
    for block in re.split(r"\n\s*\n", text):
        block = re.sub(r"\s*\n\s*", " ", block).strip()
        block = re.sub(r"[ \t]{2,}", " ", block)
        if block:
            paras.append(block)
    return "\n\n".join(paras)


def rss_items(xml_bytes: bytes) -> dict[str, ET.Element]:
    root = ET.fromstring(xml_bytes)
    return {(it.findtext("guid") or "").strip(): it for it in root.iter("item")}


def rss_item_to_text(item: ET.Element, keep_strike: bool = False) -> tuple[str, str]:
    title = html.unescape((item.findtext("title") or "").strip())
    body = item.findtext("content:encoded", namespaces=_NS) or item.findtext("description") or ""
    return title, html_to_text(body, keep_strike)


# --------------------------------------------------------------------------
def safe_name(s: str, limit: int = 120) -> str:
    s = re.sub(r"[^A-Za-z0-9._-]+", "-", s).strip("-")
    return s[:limit] or "doc"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="/tmp/factlint-realtext", help="output directory")
    ap.add_argument("--manifest", default=str(HERE / "manifest.yaml"))
    ap.add_argument("--git-dir", action="append", default=[], metavar="SOURCE_ID=DIR",
                    help="override a source's mirror git directory")
    ap.add_argument("--source", action="append", default=[],
                    help="export only this source id (repeatable)")
    ap.add_argument("--keep-strikethrough", action="store_true",
                    help="keep text marked <s>deleted</s> in the originals (dropped by default)")
    ap.add_argument("--no-unwrap", action="store_true",
                    help="keep the Markdown sources' hard line wrapping")
    ap.add_argument("--no-verify", action="store_true",
                    help="do not compare word counts with the manifest")
    args = ap.parse_args(argv)

    overrides = dict(x.split("=", 1) for x in args.git_dir)
    sources = load_manifest(Path(args.manifest))
    if args.source:
        sources = [s for s in sources if s["id"] in args.source]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    index = []
    total_files = total_words = mismatches = 0
    for src in sources:
        gd = overrides.get(src["id"], src["git_dir"])
        if not Path(gd).exists():
            print(f"[{src['id']}] mirror not found: {gd}\n"
                  f"    bring it in with the fetch tool, source {src['fetch']!r},"
                  f" or pass --git-dir {src['id']}=DIR", file=sys.stderr)
            return 2
        sdir = out / src["id"]
        sdir.mkdir(exist_ok=True)
        nfiles = nwords = 0
        rss_cache: dict[str, dict[str, ET.Element]] = {}
        used: set[str] = set()
        for doc in src["docs"]:
            if src["format"] == "wh-markdown":
                raw = git_show(gd, src["commit"], doc["path"]).decode("utf-8")
                title, body = wh_markdown_to_text(raw, args.keep_strikethrough,
                                                  not args.no_unwrap)
                name = safe_name(Path(doc["path"]).stem) + ".txt"
                origin = f"{src['commit']}:{doc['path']}"
            elif src["format"] == "rss-item":
                sha = doc["commit"]
                if sha not in rss_cache:
                    rss_cache[sha] = rss_items(git_show(gd, sha, src["path"]))
                item = rss_cache[sha].get(doc["guid"])
                if item is None:
                    raise RuntimeError(f"guid {doc['guid']} not in {sha}:{src['path']}")
                title, body = rss_item_to_text(item, args.keep_strikethrough)
                h = hashlib.sha1(doc["guid"].encode()).hexdigest()[:8]
                name = f"{doc.get('date', '')}-{safe_name(title, 90)}-{h}.txt".lstrip("-")
                origin = f"{sha}:{src['path']}#{doc['guid']}"
            else:
                raise SystemExit(f"unknown format {src['format']!r}")
            if (sdir / name).exists() and name in used:
                name = name[:-4] + "-" + hashlib.sha1(origin.encode()).hexdigest()[:8] + ".txt"
            used.add(name)
            text = (title + "\n\n" + body).strip() + "\n"
            words = len(text.split())
            if not args.no_verify and not args.keep_strikethrough and not args.no_unwrap \
                    and "words" in doc and doc["words"] != words:
                mismatches += 1
                print(f"  word count differs from manifest: {name}: {words} vs {doc['words']}",
                      file=sys.stderr)
            (sdir / name).write_text(text, encoding="utf-8")
            index.append({"file": f"{src['id']}/{name}", "source": src["id"],
                          "repo": src["repo"], "origin": origin, "title": title,
                          "url": doc.get("url", ""), "words": words})
            nfiles += 1
            nwords += words
        print(f"[{src['id']}] {src['repo']}@{src['commit'][:12]}: {nfiles} files, {nwords} words")
        total_files += nfiles
        total_words += nwords

    with open(out / "index.jsonl", "w", encoding="utf-8") as fh:
        for row in index:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"TOTAL: {total_files} files, {total_words} words -> {out}")
    if mismatches:
        print(f"WARNING: {mismatches} word counts differ from the manifest", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
