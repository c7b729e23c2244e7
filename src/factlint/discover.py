"""Which files a run checks: the paths named, and inside folders the articles a person would expect.

As ruff, black and ripgrep do: a file named on the command line is always checked (unless --exclude
names it); inside folders, hidden folders, tool and build output (`node_modules`, virtual environments,
`build`, `dist`...) and whatever the repository's `.gitignore` files ignore are skipped. `.gitignore`
is read only inside a Git work tree (a `.git` at or above the folder), as git itself and ripgrep read
it, with pathspec's implementation of git's own matching rules (negation, anchoring, `**`, folders).
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .markup import KIND_BY_SUFFIX

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

DEFAULT_SUFFIXES = tuple(KIND_BY_SUFFIX)  # .md .markdown .mdown .txt .text .html .htm
# Folders of tools and build output, never an author's articles (ruff's default list, for prose trees).
SKIPPED_FOLDERS = frozenset({"node_modules", "venv", "__pypackages__", "_build", "buck-out", "build", "dist",
                             "site-packages", "_site"})


@dataclass(frozen=True)
class _Ignore:
    """The patterns of one .gitignore (or .git/info/exclude). `base` is the folder the walk reached
    them from, as the walk spells paths; `prefix` is that folder's place below the patterns' own folder
    (empty for a .gitignore met during the walk, e.g. "docs/drafts" for one above the walked folder)."""

    base: Path
    prefix: str
    spec: GitIgnoreSpec

    def ignores(self, path: Path, is_dir: bool) -> bool:
        relative = path.relative_to(self.base).as_posix()
        if self.prefix:
            relative = f"{self.prefix}/{relative}"
        return self.spec.match_file(relative + "/" if is_dir else relative)


def iter_files(paths: Iterable[str | Path], *, include: Sequence[str] = (), exclude: Sequence[str] = (),
               respect_gitignore: bool = True) -> Iterator[Path]:
    """Files to check, in a stable order. Folders are walked for the default suffixes or the --include
    globs; symlinked folders are not followed (no loops)."""
    for raw in paths:
        root = Path(raw)
        if not root.is_dir():
            if not _excluded(root, exclude):
                yield root
            continue
        ignores = _ignores_above(root) if respect_gitignore else None
        yield from _walk(root, include, exclude, ignores or [], ignores is not None)


def _walk(root: Path, include: Sequence[str], exclude: Sequence[str], inherited: list[_Ignore],
          respect_gitignore: bool) -> Iterator[Path]:
    # An explicit stack rather than os.walk, so that each folder's .gitignore applies below it only.
    stack: list[tuple[Path, list[_Ignore]]] = [(root, inherited)]
    while stack:
        folder, ignores = stack.pop()
        if respect_gitignore:
            own = _read_ignore(folder / ".gitignore", folder)
            ignores = ignores + [own] if own else ignores
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue  # unreadable folder: nothing in it can be checked, as before
        folders: list[Path] = []
        for entry in entries:
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                if (not _skipped_folder(entry.name, path) and not _excluded(path, exclude)
                        and not any(i.ignores(path, True) for i in ignores)):
                    folders.append(path)
            elif entry.is_symlink() and path.is_dir():
                continue  # a symlinked folder: not followed
            elif (_wanted(path, include) and not _excluded(path, exclude)
                  and not any(i.ignores(path, False) for i in ignores)):
                yield path
        # A folder's files come before its subfolders', subfolders in name order, depth first.
        stack.extend((f, ignores) for f in reversed(folders))


def _skipped_folder(name: str, path: Path) -> bool:
    # A virtual environment can have any name; its pyvenv.cfg gives it away.
    return name.startswith(".") or name in SKIPPED_FOLDERS or (path / "pyvenv.cfg").is_file()


def _ignores_above(root: Path) -> list[_Ignore] | None:
    """The repository's info/exclude and the .gitignore files from the work tree's top down to the
    folder above `root`; None outside a Git work tree, where no .gitignore applies."""
    start = root.resolve()
    top = next((p for p in (start, *start.parents) if (p / ".git").exists()), None)
    if top is None:
        return None
    # The folders strictly above `root`, top first: `root`'s own .gitignore is read by the walk.
    above = [top / p for p in reversed(start.relative_to(top).parents)] if start != top else []
    sources = [(top / ".git" / "info" / "exclude", top)] + [(folder / ".gitignore", folder) for folder in above]
    found = []
    for file, folder in sources:
        spec = _read_spec(file)
        if spec is not None:
            found.append(_Ignore(root, start.relative_to(folder).as_posix(), spec))
    return found


def _read_ignore(path: Path, base: Path) -> _Ignore | None:
    spec = _read_spec(path)
    return _Ignore(base, "", spec) if spec is not None else None


def _read_spec(path: Path) -> GitIgnoreSpec | None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:  # absent (the usual case), a folder, unreadable
        return None
    from pathspec import GitIgnoreSpec  # 40 ms to import: only when there is a .gitignore to read

    spec = GitIgnoreSpec.from_lines(lines)
    return spec if spec.patterns else None


def _wanted(path: Path, include: Sequence[str]) -> bool:
    if include:
        return any(_matches(path, pattern) for pattern in include)
    return path.suffix.lower() in DEFAULT_SUFFIXES


def _excluded(path: Path, exclude: Sequence[str]) -> bool:
    return any(_matches(path, pattern) for pattern in exclude)


def _matches(path: Path, pattern: str) -> bool:
    posix = path.as_posix()
    return (fnmatch.fnmatch(posix, pattern) or fnmatch.fnmatch(path.name, pattern)
            or fnmatch.fnmatch(posix, f"*/{pattern}"))
