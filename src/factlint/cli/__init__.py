"""The command line: argument parsing, terminal output and exit codes; everything else is the library
(api.py, settings.py). One module per command or pair of commands; `base` holds what they share."""

from __future__ import annotations

from . import check, claims, config, reference, rules, server  # noqa: F401 - each registers its commands
from .base import FactlintError, main

__all__ = ["FactlintError", "main"]
