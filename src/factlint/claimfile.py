"""Claim files: one document's claims as reviewable YAML under claims/, written by `factlint extract`
and read back by `factlint check x.claims.yaml`.

Writing is deterministic (same article, same bytes), so a diff of claims/ shows what an edit changed,
and an editor's `reviewed:` verdicts carry over to a re-extraction as long as the claim reads the same.
Reading accepts files written by hand or by other tools: a claim may leave out its span (the claim
file's own line stands in) and what factlint can work out from the text (which person a name is, what
date a date is).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .document import parse_document
from .extract.dates import extract_dates
from .extract.names import extract_names
from .models import Claim, ClaimFile, NameMention, Problem, Reference, Span
from .read import InputError, decode, read_file
from .record import index_for
from .yamlfile import LineMap, YamlError, load_yaml

SUFFIX = ".claims.yaml"
SCHEMA_HEADER = "# yaml-language-server: $schema={schema}\n"
_FIRST_KEYS = ("kind", "text", "span")
_LAST_KEYS = ("why", "confidence", "reviewed")


def is_claim_file(path: Path) -> bool:
    return path.name.endswith(SUFFIX)


def claim_file_path(document: Path, root: Path, out_dir: Path) -> Path:
    """claims/<path relative to the folder given>.claims.yaml: examples/a.md → claims/a.claims.yaml.
    A file given by itself keeps its path relative to the working directory (d1/x.md and d2/x.md
    must not share a claim file)."""
    if root.is_dir() and document.is_relative_to(root):
        relative = document.relative_to(root)
    else:
        try:
            relative = document.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            relative = Path(document.name)
    return out_dir / relative.parent / (relative.name.rsplit(".", 1)[0] + SUFFIX)


def dump_claims(document: str, as_of: dt.date | None, claims: list[Claim], *,
                previous: ClaimFile | None = None, schema: str | None = None) -> str:
    """The YAML text of a claim file. `previous` (the file as it was) lends its reviews to claims
    that still read the same."""
    reviews = _reviews(previous) if previous else {}
    seen: Counter[tuple[str, str, str | None]] = Counter()
    items = []
    for claim in claims:
        key = (claim.kind, claim.text, getattr(claim, "entity_id", None))
        review = reviews.get((*key, seen[key]))
        seen[key] += 1
        data = claim.model_dump(exclude_none=True)
        if review is not None:
            data["reviewed"] = review
        items.append(_ordered(data))
    body = {"factlint_claims": 1, "document": document, "as_of": as_of, "claims": items}
    header = SCHEMA_HEADER.format(schema=schema) if schema else ""
    return header + yaml.dump(body, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                              default_flow_style=False)


def _reviews(previous: ClaimFile) -> dict[tuple[str, str, str | None, int], dict[str, Any]]:
    out: dict[tuple[str, str, str | None, int], dict[str, Any]] = {}
    seen: Counter[tuple[str, str, str | None]] = Counter()
    for claim in previous.claims:
        key = (claim.kind, claim.text, getattr(claim, "entity_id", None))
        if claim.reviewed is not None:
            out[(*key, seen[key])] = claim.reviewed.model_dump(exclude_none=True)
        seen[key] += 1
    return out


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {k: data[k] for k in _FIRST_KEYS if k in data}
    out.update({k: v for k, v in data.items() if k not in _FIRST_KEYS and k not in _LAST_KEYS})
    out.update({k: data[k] for k in _LAST_KEYS if k in data})
    for key, value in out.items():
        if key == "span":
            out[key] = _Flow(value)
        elif isinstance(value, dict) and "kind" in value:
            out[key] = _ordered(value)
    return out


class _Flow(dict):  # a span on one line: {start: 0, end: 11, line: 18, ...}
    pass


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


_Dumper.add_representer(_Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items(), flow_style=True))


def load_claim_file(path: Path, reference: Reference) -> tuple[ClaimFile | None, list[Problem]]:
    """Read a claim file; spans point at the claim file's own lines, and what a hand-written claim
    leaves out is worked out from its text. Problems name the file and line."""
    try:
        data, lines = load_yaml(decode(read_file(path)))
    except InputError as exc:
        return None, [Problem(path=str(path), message=f"cannot read claim file: {exc}")]
    except YamlError as exc:
        return None, [Problem(path=str(path), line=exc.line, message=exc.message)]
    if not isinstance(data, dict) or not isinstance(data.get("claims", []), list):
        return None, [Problem(path=str(path), line=1, message="not a claim file: expected `document` and `claims`")]
    as_of = data.get("as_of")
    for index, claim in enumerate(data.get("claims") or []):
        if isinstance(claim, dict):
            _complete(claim, ("claims", index), lines, reference, as_of if isinstance(as_of, dt.date) else None)
    try:
        return ClaimFile.model_validate(data), []
    except ValidationError as exc:
        return None, [Problem(path=str(path), line=lines.line(tuple(e["loc"])),
                              message=f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}") for e in exc.errors()]


def _complete(claim: dict[str, Any], at: tuple[str | int, ...], lines: LineMap, reference: Reference,
              as_of: dt.date | None) -> None:
    """Fill in, in place, what a claim written by hand may leave out."""
    line, column = lines.position((*at, "text")) or lines.position(at) or (1, 1)
    # Whatever span the file gives, findings point at the claim in this file.
    claim["span"] = Span(start=0, end=0, line=line, column=column, end_line=line,
                         end_column=column + len(str(claim.get("text", "")))).model_dump()
    text = str(claim.get("text", ""))
    if claim.get("kind") == "name" and "method" not in claim and text:
        mention = _resolve_name(text, reference)
        if mention is not None:
            claim.update(mention.model_dump(include={"entity_id", "entity_kind", "method", "score",
                                                     "matched_form", "normalized"}))
        claim.setdefault("normalized", " ".join(text.split()))
        claim.setdefault("entity_id", None)
    if claim.get("kind") == "date" and "value" not in claim and text:
        _complete_date(claim, text, as_of)
    if claim.get("kind") == "event" and isinstance(claim.get("date"), dict):
        date = claim["date"]
        date.setdefault("kind", "date")
        date.setdefault("text", text)
        _complete(date, (*at, "date"), lines, reference, as_of)


def _resolve_name(text: str, reference: Reference) -> NameMention | None:
    mentions = extract_names(parse_document(text, kind="text"), index_for(reference))
    whole = [m for m in mentions if m.span.start == 0 and m.span.end == len(text)]
    found = whole or mentions
    return found[0] if found else None


def _complete_date(claim: dict[str, Any], text: str, as_of: dt.date | None) -> None:
    found = extract_dates(parse_document(text, kind="text", as_of=as_of))
    if found:
        claim.update(found[0].model_dump(include={"value", "precision", "relative", "year_inferred"}, mode="json"))
    else:
        claim.update({"value": None, "precision": "year"})
