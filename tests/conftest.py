from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import factlint
from factlint.models import Finding, Reference

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The seed articles live beside the repository (../shared/seeds); they are third-party text and are
# never copied into it.
SEEDS = Path(os.environ.get("FACTLINT_SEEDS", ROOT.parent / "shared" / "seeds"))


@pytest.fixture(scope="session")
def reference() -> Reference:
    return factlint.load_reference()


def brief(findings: list[Finding]) -> list[tuple[str, int, int, str | None]]:
    """(code, line, column, suggestion) for each finding: what the tests assert on."""
    return [(f.code, f.span.line, f.span.column, f.suggestion) for f in findings]


def run_cli(*args: str, cwd: Path | str | None = None, stdin: str | bytes | None = None,
            env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """factlint as editors, hooks and CI run it: a subprocess of this Python, NO_COLOR set (`env` adds
    to the environment), standard input given as text or bytes, output decoded as UTF-8."""
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run([sys.executable, "-m", "factlint", *args], input=data, capture_output=True, cwd=cwd,
                          env={**os.environ, "NO_COLOR": "1", **(env or {})}, timeout=timeout)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8", "replace"),
                                       proc.stderr.decode("utf-8", "replace"))
