"""factlint: a fact-checking and source-consistency linter for prose."""

from .api import check_document, check_paths, check_text, extract
from .models import CheckResult, Finding, Reference
from .record import ReferenceError, load_reference
from .version import __version__

__all__ = ["CheckResult", "Finding", "Reference", "ReferenceError", "__version__", "check_document",
           "check_paths", "check_text", "extract", "load_reference"]
