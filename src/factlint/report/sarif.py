"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards: every rule with its
documentation and a link to it, every finding with its location, the other place it speaks of
(FL501), a fingerprint that survives lines shifting and, where there is a suggestion, a fix."""

from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path

from ..baseline import fingerprint_all
from ..models import CheckResult, Finding, Severity, Span
from ..rules import ALL_RULES
from ..version import __version__
from . import View

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    p = Path(path)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


# The key names the fingerprint's recipe (baseline.fingerprint_all); a new recipe gets a new version.
FINGERPRINT_KEY = "factlint/v1"


def documentation_url() -> str | None:
    """The `Documentation` URL of pyproject.toml's [project.urls], from the installed package's metadata:
    a fork or mirror that publishes elsewhere changes it there, in one place. None when uninstalled."""
    try:
        entries = importlib.metadata.metadata("factlint").get_all("Project-URL") or []
    except importlib.metadata.PackageNotFoundError:
        return None
    for entry in entries:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "documentation":
            return url.strip()
    return None


def _location(path: str, span: Span) -> dict:
    region = {"startLine": span.line, "startColumn": span.column, "endLine": span.end_line,
              "endColumn": span.end_column, "charOffset": span.start, "charLength": span.end - span.start}
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": region}}


def _result(f: Finding, rule_index: dict[str, int], fingerprint: str) -> dict:
    result: dict = {"ruleId": f.code, "ruleIndex": rule_index[f.code], "level": _LEVEL[f.severity],
                    "message": {"text": f.message}, "locations": [_location(f.path, f.span)],
                    "partialFingerprints": {FINGERPRINT_KEY: fingerprint}}
    if f.related:
        result["relatedLocations"] = [
            {"id": n, **_location(loc.path, loc.span), "message": {"text": "the same fact, stated otherwise"}}
            for n, loc in enumerate(f.related, start=1)]
    if f.suggestion is not None and f.span.end > f.span.start:
        result["fixes"] = [{
            "description": {"text": f"Replace with {f.suggestion!r}"},
            "artifactChanges": [{
                "artifactLocation": {"uri": _uri(f.path)},
                "replacements": [{"deletedRegion": {"startLine": f.span.line, "startColumn": f.span.column,
                                                    "endLine": f.span.end_line, "endColumn": f.span.end_column},
                                  "insertedContent": {"text": f.suggestion}}],
            }],
        }]
    if f.source is not None:
        result["properties"] = {"source": f.source.model_dump(), "entity": f.entity_id}
    return result


def render(result: CheckResult, view: View | None = None, *, base: Path | None = None) -> str:
    """The SARIF log. Fingerprints take paths relative to `base` (default: the working directory, where
    code scanning runs and the relative URIs start), as a baseline file there would."""
    docs = documentation_url()
    rules = [{
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.documentation()},
        "help": {"text": rule.documentation()},
        # The rule's row in the README's rule table, which carries an anchor per code.
        **({"helpUri": f"{docs}#{rule.code.lower()}"} if docs else {}),
        "defaultConfiguration": {"level": _LEVEL[rule.severity], "enabled": rule.enabled_by_default},
    } for rule in ALL_RULES]
    rule_index = {rule.code: i for i, rule in enumerate(ALL_RULES)}
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factlint", "version": __version__, "semanticVersion": __version__,
                                "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, rule_index, fp) for f, fp in fingerprint_all(result.findings, base or Path.cwd())],
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
