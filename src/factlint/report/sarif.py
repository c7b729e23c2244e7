"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards: every rule with its
documentation, every finding with its location and, where there is a suggestion, a fix."""

from __future__ import annotations

import json
from pathlib import Path

from .. import __version__
from ..models import CheckResult, Finding, Severity
from ..rules import ALL_RULES
from . import View

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    p = Path(path)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


def _result(f: Finding, rule_index: dict[str, int]) -> dict:
    region = {"startLine": f.span.line, "startColumn": f.span.column, "endLine": f.span.end_line,
              "endColumn": f.span.end_column, "charOffset": f.span.start, "charLength": f.span.end - f.span.start}
    location = {"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)}, "region": region}}
    result: dict = {"ruleId": f.code, "ruleIndex": rule_index[f.code], "level": _LEVEL[f.severity],
                    "message": {"text": f.message}, "locations": [location]}
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


def render(result: CheckResult, view: View | None = None) -> str:
    rules = [{
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.documentation()},
        "help": {"text": rule.documentation()},
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
            "results": [_result(f, rule_index) for f in result.findings],
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
