"""Baselines: record today's findings, then report only new ones (adopting factlint on an archive).

A fingerprint is the rule, the file, the flagged text, the entity and which occurrence of that text it
is: it survives edits elsewhere in the file (lines shifting) and changes when the flagged text changes.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .models import Finding
from .normalize import display_form
from .write import write_atomic

FORMAT = 1


def _relative(path: str, base: Path) -> str:
    try:
        return Path(path).resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def fingerprints(findings: Iterable[Finding], base: Path) -> list[tuple[Finding, str]]:
    seen: Counter[tuple[str, ...]] = Counter()
    out = []
    for f in findings:
        key = (f.code, _relative(f.path, base), display_form(f.text), f.entity_id or "")
        occurrence = seen[key]
        seen[key] += 1
        digest = hashlib.sha256("\0".join((*key, str(occurrence))).encode("utf-8")).hexdigest()[:20]
        out.append((f, digest))
    return out


class BaselineError(Exception):
    pass


def load_baseline(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("factlint_baseline") != FORMAT or not isinstance(data.get("fingerprints"), list):
        raise BaselineError(f"{path}: not a factlint baseline (expected factlint_baseline: {FORMAT})")
    return {str(fp) for fp in data["fingerprints"]}


def write_baseline(path: Path, findings: Iterable[Finding], base: Path) -> int:
    prints = sorted({fp for _, fp in fingerprints(findings, base)})
    write_atomic(path, json.dumps({"factlint_baseline": FORMAT, "fingerprints": prints}, indent=1) + "\n")
    return len(prints)


def without_baseline(findings: list[Finding], known: set[str], base: Path) -> tuple[list[Finding], int]:
    """Findings not in the baseline, and how many were left out."""
    kept = [f for f, fp in fingerprints(findings, base) if fp not in known]
    return kept, len(findings) - len(kept)
