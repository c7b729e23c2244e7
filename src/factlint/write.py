"""Writing files without ever leaving one half-written: a temporary file beside the target, flushed
to disk, then renamed over it (atomic on POSIX and on Windows for files on one volume)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, content: str | bytes, *, encoding: str = "utf-8") -> None:
    path = path.resolve()  # through a symlink to its target: the link itself stays a link
    path.parent.mkdir(parents=True, exist_ok=True)
    # Keep an existing file's permissions; a new file gets the usual ones (mkstemp would give 0600).
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        data = content.encode(encoding) if isinstance(content, str) else content
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
