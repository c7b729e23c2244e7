"""The review page: each article with every claim highlighted by verdict, the reference value and its
source on hover or keyboard focus, and a summary with links to each finding.

One self-contained file: inline CSS, no script, no network. Every piece of article text is escaped.
Verdicts: contradicted (an error finding), likely wrong (a warning), verified (a rule compared the
claim with a record and it agreed), not checked (no rule could compare it: no record, no time to
place it, or only an informational note). Resolving to a reference entity is not verification.
"""

from __future__ import annotations

import re

import html
from collections import Counter

from ..models import CheckedDocument, CheckResult, Claim, DateMention, Finding, Severity
from . import View

_VERDICTS = {
    "contradicted": "Contradicted by the record",
    "likely-wrong": "Likely wrong",
    "verified": "Verified: a rule compared it with the record and it agreed",
    "unchecked": "Not checked: no rule could compare it with a record",
}

_CSS = """
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 2rem auto;
       max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: .5rem 0 1rem; } th, td { border: 1px solid #bbb; padding: .25rem .6rem; text-align: left; }
.legend span { margin-right: 1rem; }
pre.article { white-space: pre-wrap; word-wrap: break-word; font: 15px/1.7 ui-monospace, Menlo, Consolas, monospace;
              background: #fafafa; border: 1px solid #ddd; padding: 1rem; }
mark { position: relative; border-radius: 3px; padding: 0 .1em; color: var(--ink); }
mark.contradicted { background: #ffd1d1; border-bottom: 3px solid #a10000; }
mark.likely-wrong { background: #ffe9b3; border-bottom: 3px solid #8a5a00; }
mark.verified { background: #d8f2dc; border-bottom: 2px solid #1d6b2c; }
mark.unchecked { background: #e6e6f2; border-bottom: 2px dotted #3d3d7a; }
mark:focus { outline: 3px solid #0b57d0; outline-offset: 2px; }
mark .tip { display: none; position: absolute; left: 0; top: 1.7em; z-index: 10; width: 28rem; max-width: 80vw;
            background: #fff; color: var(--ink); border: 1px solid #555; border-radius: 4px; padding: .5rem .7rem;
            font: 14px/1.4 system-ui, sans-serif; white-space: normal; box-shadow: 0 2px 8px rgba(0,0,0,.25); }
mark:hover .tip, mark:focus .tip, mark:focus-within .tip, mark:target .tip { display: block; }
.tip a { color: #0b4fbd; }
.code { font-weight: 700; }
ol.findings li { margin: .3rem 0; }
@media print {
  mark .tip { display: inline; position: static; border: 0; box-shadow: none; padding: 0 0 0 .3em; font-size: 11px; }
  mark .tip::before { content: "["; } mark .tip::after { content: "]"; }
  pre.article { border: 0; background: none; }
}
"""


def render(result: CheckResult, view: View, *, title: str = "factlint review") -> str:
    documents = view.documents
    findings_by_path: dict[str, list[Finding]] = {}
    for f in result.findings:
        findings_by_path.setdefault(f.path, []).append(f)
    anchors = {id(f): f"f{n}" for n, f in enumerate(result.findings, 1)}
    parts = [f"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{_e(title)}</title>\n"
             f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>{_CSS}</style>\n</head>\n"
             f"<body>\n<main>\n<h1>{_e(title)}</h1>\n"]
    parts.append(_summary(result, anchors))
    for n, doc in enumerate(documents, 1):
        parts.append(_document(n, doc, findings_by_path.get(doc.path, []), anchors))
    others = [f for f in result.findings if f.path not in {d.path for d in documents}]
    if others:
        parts.append("<h2>Other files</h2>\n<ol class=\"findings\">\n")
        parts.extend(_finding_item(f, anchors) for f in others)
        parts.append("</ol>\n")
    parts.append("</main>\n</body>\n</html>\n")
    return "".join(parts)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _summary(result: CheckResult, anchors: dict[int, str]) -> str:
    by_code = Counter(f.code for f in result.findings)
    by_file = Counter(f.path for f in result.findings)
    rows_code = "".join(f"<tr><td class=\"code\">{_e(c)}</td><td>{n}</td></tr>" for c, n in sorted(by_code.items()))
    rows_file = "".join(f"<tr><td>{_e(p)}</td><td>{n}</td></tr>" for p, n in sorted(by_file.items()))
    legend = "".join(f"<span><mark class=\"{k}\">{_e(v)}</mark></span>" for k, v in _VERDICTS.items())
    items = "".join(_finding_item(f, anchors) for f in result.findings)
    return (f"<section aria-labelledby=\"summary\"><h2 id=\"summary\">Summary</h2>\n"
            f"<p>{_count(len(result.findings), 'finding')} in {_count(result.files_checked, 'file')}.</p>\n"
            f"<p class=\"legend\">{legend}</p>\n"
            f"<table><caption>By rule</caption><tr><th scope=\"col\">Rule</th><th scope=\"col\">Findings</th></tr>{rows_code}</table>\n"
            f"<table><caption>By file</caption><tr><th scope=\"col\">File</th><th scope=\"col\">Findings</th></tr>{rows_file}</table>\n"
            f"<ol class=\"findings\">{items}</ol></section>\n")


def _finding_item(f: Finding, anchors: dict[int, str]) -> str:
    where = f"{f.path}:{f.span.line}:{f.span.column}"
    return (f"<li><a href=\"#{anchors[id(f)]}\">{_e(where)}</a> <span class=\"code\">{_e(f.code)}</span> "
            f"{_e(f.message)}</li>\n")


def _verdict(findings: list[Finding], verified: bool) -> str:
    if findings:
        worst = max(f.severity.rank for f in findings)
        return ("contradicted" if worst == Severity.ERROR.rank else
                "likely-wrong" if worst == Severity.WARNING.rank else "unchecked")
    return "verified" if verified else "unchecked"


def _document(n: int, doc: CheckedDocument, findings: list[Finding], anchors: dict[int, str]) -> str:
    # Plain dates are context, not claims worth a highlight; every other claim is marked once.
    claims = sorted(((n, c) for n, c in enumerate(doc.claims) if not isinstance(c, DateMention)),
                    key=lambda nc: (nc[1].span.start, -(nc[1].span.end - nc[1].span.start)))
    marks: list[tuple[int, int, str]] = []
    used: set[int] = set()
    end_of_last = 0
    for n, claim in claims:
        if claim.span.start < end_of_last or claim.span.end <= claim.span.start:
            continue
        mine = [f for f in findings if f.span.start < claim.span.end and f.span.end > claim.span.start]
        used.update(id(f) for f in mine)
        marks.append((claim.span.start, claim.span.end, _mark(claim, mine, anchors, doc.text, n in doc.verified,
                                                              doc.notes[n] if n < len(doc.notes) else [])))
        end_of_last = claim.span.end
    # Findings with no claim of their own (an input problem, say) still get an anchor.
    for f in findings:
        if id(f) not in used and f.span.end > f.span.start and f.span.start >= end_of_last:
            marks.append((f.span.start, f.span.end, _mark(None, [f], anchors, doc.text)))
    marks.sort()
    out, pos = [], 0
    for start, end, rendered in marks:
        if start < pos:
            continue
        out.append(_e(doc.text[pos:start]))
        out.append(rendered)
        pos = end
    out.append(_e(doc.text[pos:]))
    loose = [f for f in findings if id(f) not in used and not any(f.span.start == m[0] for m in marks)]
    extra = "".join(f"<p id=\"{anchors[id(f)]}\">{_finding_item(f, anchors)}</p>" for f in loose)
    return (f"<section aria-labelledby=\"doc{n}\"><h2 id=\"doc{n}\">{_e(doc.path)}</h2>\n{extra}"
            f"<pre class=\"article\">{''.join(out)}</pre></section>\n")


def _mark(claim: Claim | None, findings: list[Finding], anchors: dict[int, str], text: str,
          verified: bool = False, notes: list[str] | None = None) -> str:
    verdict = _verdict(findings, verified) if claim is not None else "likely-wrong"
    start, end = (claim.span.start, claim.span.end) if claim is not None else (findings[0].span.start, findings[0].span.end)
    lines = [f"<strong>{_e(_VERDICTS[verdict])}</strong>"]
    if claim is not None:
        lines.append(f"Claim ({_e(claim.kind)}): “{_e(claim.text)}”")
        entity = getattr(claim, "entity_id", None)
        if entity:
            lines.append(f"Reference: {_e(entity)}")
        # What the reference holds about it, as the editor's hover shows it (the first line, the
        # verdict in words, is the heading above).
        lines.extend(_markdown(line) for line in (notes or [])[1:])
    for f in findings:
        lines.append(f"<span class=\"code\">{_e(f.code)}</span> {_e(f.message)}")
        if f.suggestion:
            lines.append(f"Suggestion: {_e(f.suggestion)}")
        if f.source:
            lines.append(f"Source: <a href=\"{_e(f.source.url)}\">{_e(f.source.publisher)}, {_e(f.source.title)}</a>")
    anchor = f" id=\"{anchors[id(findings[0])]}\"" if findings else ""
    # Every finding on this claim is a link target from the summary.
    more = "".join(f"<span id=\"{anchors[id(f)]}\"></span>" for f in findings[1:])
    tip = "<br>".join(lines)
    return (f"<mark class=\"{verdict}\" tabindex=\"0\"{anchor} data-verdict=\"{verdict}\" "
            f"data-codes=\"{' '.join(f.code for f in findings)}\">{more}{_e(text[start:end])}"
            f"<span class=\"tip\" role=\"tooltip\">{tip}</span></mark>")


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")


def _markdown(line: str) -> str:
    """The few Markdown forms report/notes.py writes (bold, links, a list dash), as HTML."""
    html = _e(line.removeprefix("- "))
    html = _BOLD.sub(r"<strong>\1</strong>", html)
    return _LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', html)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
