"""Baselines: record today's findings, then report only new ones (adopting factlint on an archive).

A fingerprint is the rule, the file, the flagged text, the entity and which occurrence of that text it
is: it survives edits elsewhere in the file (lines shifting) and changes when the flagged text changes.

Input problems (FL9xx: a file that cannot be read, an invalid claim file, a bad suppression) are never
recorded and never hidden: a baseline adopts today's findings, not today's unchecked files.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .config import relative_path
from .models import Finding
from .normalize import display_form
from .read import InputError, decode, read_file
from .rules import input_problem
from .write import write_atomic

FORMAT = 1


def fingerprint_all(findings: Iterable[Finding], base: Path) -> list[tuple[Finding, str]]:
    """Every finding with its fingerprint, paths taken relative to `base`. SARIF's partialFingerprints
    are these, so code scanning and a baseline in the same folder tell findings apart alike."""
    seen: Counter[tuple[str, ...]] = Counter()
    out = []
    for f in findings:
        key = (f.code, relative_path(f.path, base), display_form(f.text), f.entity_id or "")
        occurrence = seen[key]  # keyed by code too, so counting input problems changes no other print
        seen[key] += 1
        digest = hashlib.sha256("\0".join((*key, str(occurrence))).encode("utf-8")).hexdigest()[:20]
        out.append((f, digest))
    return out


def fingerprints(findings: Iterable[Finding], base: Path) -> list[tuple[Finding, str]]:
    """Each finding that a baseline may hold, with its fingerprint (input problems have none)."""
    return [(f, fp) for f, fp in fingerprint_all(findings, base) if not input_problem(f)]


class BaselineError(Exception):
    pass


# A baseline of a whole archive holds a fingerprint (about 25 bytes) per finding: far larger than an article.
_MAX_BYTES = 500_000_000


def load_baseline(path: Path) -> set[str]:
    try:
        # Read as articles are: a named pipe or a device is an error, never waited on or read forever.
        data = json.loads(decode(read_file(path, limit=_MAX_BYTES)))
    except InputError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    except RecursionError:  # json recurses once per level of [[[...]]]
        raise BaselineError(f"{path}: cannot read baseline: nested too deeply") from None
    if not isinstance(data, dict) or data.get("factlint_baseline") != FORMAT or not isinstance(data.get("fingerprints"), list):
        raise BaselineError(f"{path}: not a factlint baseline (expected factlint_baseline: {FORMAT})")
    return {str(fp) for fp in data["fingerprints"]}


def write_baseline(path: Path, findings: Iterable[Finding], base: Path) -> int:
    prints = sorted({fp for _, fp in fingerprints(findings, base)})
    write_atomic(path, json.dumps({"factlint_baseline": FORMAT, "fingerprints": prints}, indent=1) + "\n")
    return len(prints)


def without_baseline(findings: list[Finding], known: set[str], base: Path) -> tuple[list[Finding], int]:
    """Findings not in the baseline, and how many were left out. Input problems are always kept."""
    hidden = {id(f) for f, fp in fingerprints(findings, base) if fp in known}
    kept = [f for f in findings if id(f) not in hidden]
    return kept, len(findings) - len(kept)
