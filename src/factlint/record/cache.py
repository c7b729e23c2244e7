"""The compiled-reference cache: a valid reference, its name index built, pickled in the user's cache
directory under a key made of factlint's code and the bytes of every reference file, so the next run
loads it in milliseconds and any change to any file is seen. FACTLINT_NO_CACHE=1 turns it off."""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
from collections.abc import Iterable
from pathlib import Path

from ..models import Reference
from ..version import __version__
from ..write import write_atomic
from .names import index_for


def cache_file(files: Iterable[Path]) -> Path | None:
    """Where the compiled form of the reference made of these files (every layer's, in order) is
    kept; None: no cache for this run."""
    if os.environ.get("FACTLINT_NO_CACHE"):
        return None
    digest = hashlib.sha256(f"factlint {__version__} {sys.version_info[:2]}".encode())
    # The pickle holds factlint's own classes: any change to its code (a development install keeps its
    # version number) must miss the cache rather than load objects of an older shape.
    package = Path(__file__).resolve().parents[1]
    # So do its data files (lexicons, nicknames), which the compiled name index holds.
    for source in sorted([*package.rglob("*.py"), *(package / "data").iterdir()]):
        digest.update(source.read_bytes())
    for file in files:
        digest.update(str(file.resolve()).encode() + b"\0")
        try:
            digest.update(file.read_bytes() + b"\0")
        except OSError:
            return None
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factlint"
    return root / f"reference-{digest.hexdigest()[:32]}.pickle"


def read_cached(cache: Path) -> Reference | None:
    """The reference kept in `cache`, or None when there is none or it cannot be trusted."""
    if not cache.is_file():
        return None
    # Unpickling builds millions of small objects; the cyclic garbage collector would scan them
    # again and again for nothing (it halves the load of a 100k-person reference).
    collecting = gc.isenabled()
    gc.disable()
    try:
        with cache.open("rb") as handle:  # streamed: the file's bytes are never all in memory at once
            cached = pickle.load(handle)
        if isinstance(cached, Reference):
            return cached
    except Exception:  # a damaged or outdated cache is rebuilt, never trusted
        pass
    finally:
        if collecting:
            gc.enable()
    return None


def store(cache: Path, reference: Reference) -> None:
    index_for(reference)  # kept with the reference, so the next run skips building it
    try:
        write_atomic(cache, pickle.dumps(reference, protocol=pickle.HIGHEST_PROTOCOL))
        # Keep the eight newest compiled references; older ones belong to edits long gone.
        for stale in sorted(cache.parent.glob("reference-*.pickle"), key=lambda p: p.stat().st_mtime)[:-8]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass  # no cache directory to write to: run without one
