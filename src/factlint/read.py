"""From bytes on disk to text: a file read safely (regular files only, bounded in size, never
blocking on a pipe or a device) and decoded (UTF-8, or UTF-16/32 with a byte-order mark). Anything
else is an InputError, which the caller reports as FL901."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path


class InputError(Exception):
    """A file that cannot be read or decoded as text (reported as FL901)."""


def decode(data: bytes) -> str:
    """Decode a file's bytes: UTF-8 (with or without BOM) or UTF-16/32 with a BOM. Anything else,
    or anything that looks binary, is an InputError."""
    return decode_with_encoding(data)[0]


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode_with_encoding(data: bytes) -> tuple[str, str, bytes]:
    """(text, codec, byte-order mark): what a fix needs to write the file back as it was."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), codec, bom
            except UnicodeDecodeError as exc:
                raise InputError(f"not valid {codec} text: {exc.reason} at byte {exc.start + len(bom)}") from None
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8", b""
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8: {exc.reason} at byte {exc.start}") from None


# No article is this long; a file that is (a pasted dump, a log) would cost minutes and gigabytes.
MAX_FILE_BYTES = 5_000_000

_NOT_REGULAR = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def read_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A regular file's bytes, or an InputError saying why not. Opened without blocking, so a named
    pipe or a device given as a file is reported instead of waiting or reading forever."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = next((name for test, name in _NOT_REGULAR if test(info.st_mode)), "not a regular file")
            raise InputError(f"not a regular file: {what}")
        if info.st_size > limit:
            raise InputError(f"file too large to check: {info.st_size:,} bytes (the limit is {limit:,})")
        try:
            data = handle.read(limit + 1)  # the size may have grown since fstat
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise InputError(f"file too large to check: over {limit:,} bytes")
    return data
