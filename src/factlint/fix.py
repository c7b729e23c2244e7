"""Applying safe fixes: the suggestion of a finding whose rule says its fix is safe, written back
atomically with the file's encoding, byte-order mark and line endings kept.

Findings only ever point at prose (code, URLs and front matter are skipped when reading), so fixes
never touch them. Applying the fixes and checking again finds nothing left to fix.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .document import InputError, decode_with_encoding, read_file
from .models import Finding
from .write import write_atomic

_MARKUP = re.compile(r"[<>`*_\[\]&]")
# Rules whose suggestion can replace the flagged text without an editor reading the sentence.
SAFE = frozenset({"FL101", "FL102", "FL103", "FL104"})


@dataclass(frozen=True)
class FileFix:
    path: Path
    before: str
    after: str
    count: int

    def diff(self) -> str:
        lines = difflib.unified_diff(self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
                                     fromfile=f"a/{self.path.as_posix()}", tofile=f"b/{self.path.as_posix()}")
        # As diff and git print it, so that patch and git apply accept the output.
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def plan(findings: Iterable[Finding]) -> list[FileFix]:
    """The fixes the findings allow, file by file (overlapping fixes: the first wins)."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.code in SAFE and f.suggestion and f.span.end > f.span.start and not f.path.endswith(".claims.yaml"):
            by_path[f.path].append(f)
    out = []
    for path, found in sorted(by_path.items()):
        try:
            text, _, _ = decode_with_encoding(read_file(Path(path)))
        except (OSError, InputError):
            continue
        chosen: list[Finding] = []
        for f in sorted(found, key=lambda f: (f.span.start, f.span.end)):
            if chosen and f.span.start < chosen[-1].span.end:
                continue
            if text[f.span.start:f.span.end] != f.text:
                continue  # the file changed since it was checked
            if _MARKUP.search(f.text):
                continue  # the name runs across a tag, a comment or code: replacing it would lose them
            chosen.append(f)
        after = text
        for f in reversed(chosen):
            after = after[:f.span.start] + (f.suggestion or "") + after[f.span.end:]
        if chosen and after != text:
            out.append(FileFix(Path(path), text, after, len(chosen)))
    return out


def apply(fixes: Iterable[FileFix]) -> int:
    """Write the fixes; return how many replacements were made."""
    total = 0
    for fix in fixes:
        _, codec, bom = decode_with_encoding(read_file(fix.path))
        write_atomic_bytes(fix.path, bom + fix.after.encode(codec))
        total += fix.count
    return total


def write_atomic_bytes(path: Path, data: bytes) -> None:
    write_atomic(path, data)
