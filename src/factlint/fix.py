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

from .models import Finding
from .read import InputError, decode_with_encoding, read_file
from .rules import SAFE_FIXES
from .write import write_atomic

_MARKUP = re.compile(r"[<>`*_\[\]&]")
# Rules whose suggestion can replace the flagged text without an editor reading the sentence.
SAFE = SAFE_FIXES


@dataclass(frozen=True)
class FileFix:
    path: Path
    before: str
    after: str
    count: int

    def diff(self) -> str:
        # Lines end at "\n" only, as diff and patch see them (str.splitlines would also split at U+2028
        # and form feeds, and the patch would not apply).
        lines = difflib.unified_diff(_lines(self.before), _lines(self.after),
                                     fromfile=f"a/{self.path.as_posix()}", tofile=f"b/{self.path.as_posix()}")
        # As diff and git print it, so that patch and git apply accept the output.
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def plan(findings: Iterable[Finding], texts: dict[str, str] | None = None) -> list[FileFix]:
    """The fixes the findings allow, file by file (overlapping fixes: the first wins). `texts` gives
    the text of inputs that are not files on disk (standard input), by the path findings carry."""
    texts = texts or {}
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if _fixable(f) and not f.path.endswith(".claims.yaml"):
            by_path[f.path].append(f)
    out = []
    for path, found in sorted(by_path.items()):
        try:
            text = texts[path] if path in texts else decode_with_encoding(read_file(Path(path)))[0]
        except (OSError, InputError):
            continue
        after, count = fixed_text(text, found)
        if count:
            out.append(FileFix(Path(path), text, after, count))
    return out


def _fixable(f: Finding) -> bool:
    return f.code in SAFE and bool(f.suggestion) and f.span.end > f.span.start


def fixed_text(text: str, findings: Iterable[Finding]) -> tuple[str, int]:
    """`text` with the safe fixes of these findings (of that text) applied, and how many were."""
    chosen: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.span.start, f.span.end)):
        if not _fixable(f):
            continue
        if chosen and f.span.start < chosen[-1].span.end:
            continue
        if text[f.span.start:f.span.end] != f.text:
            continue  # the file changed since it was checked
        if _MARKUP.search(f.text):
            continue  # the name runs across a tag, a comment or code: replacing it would lose them
        if text[f.span.start - 1:f.span.start] == "[" and text[f.span.end:f.span.end + 1] == "]":
            continue  # "[Kim Yo-Long]" may be a shortcut reference link: its label must match a definition
        chosen.append(f)
    after = text
    for f in reversed(chosen):
        after = after[:f.span.start] + (f.suggestion or "") + after[f.span.end:]
    return after, len(chosen) if after != text else 0


def _lines(text: str) -> list[str]:
    return [line for line in re.split(r"(?<=\n)", text) if line]


def unwritable(path: Path) -> str | None:
    """Why a fix must not be written to `path`, if it must not."""
    info = path.stat()
    if not info.st_mode & 0o222:
        return "the file is read-only"  # root could write it, but the owner said no
    if info.st_nlink > 1:
        return "the file has other hard links, which an atomic rewrite would leave unfixed"
    return None


@dataclass(frozen=True)
class Applied:
    count: int  # replacements made
    files: int  # inputs changed
    skipped: list[tuple[Path, str]]  # files left alone, and why
    texts: dict[str, str]  # the inputs that are not files (standard input), fixed


def apply(fixes: Iterable[FileFix], texts: dict[str, str] | None = None) -> Applied:
    """Write the fixes to their files atomically; fixes of the in-memory `texts` (as `plan` took
    them) are returned instead of written."""
    total = files = 0
    skipped: list[tuple[Path, str]] = []
    after = dict(texts or {})
    for fix in fixes:
        if str(fix.path) in after:
            after[str(fix.path)] = fix.after
        else:
            reason = unwritable(fix.path.resolve())
            if reason:
                skipped.append((fix.path, reason))
                continue
            _, codec, bom = decode_with_encoding(read_file(fix.path))
            write_atomic(fix.path, bom + fix.after.encode(codec))
        total += fix.count
        files += 1
    return Applied(total, files, skipped, after)
