"""The machine format. Stable: fields are only ever added, never renamed or removed.

    {"version": 1, "files_checked": 2, "findings": [{"path", "line", "column", "end_line",
     "end_column", "code", "severity", "message", "suggestion", "source", "text", "entity_id"}]}

Lines and columns are 1-based; the end is exclusive. Columns count Unicode code points.
"""

from __future__ import annotations

import json

from ..models import CheckResult, Finding

FORMAT_VERSION = 1


def finding_dict(f: Finding) -> dict:
    return {
        "path": f.path,
        "line": f.span.line,
        "column": f.span.column,
        "end_line": f.span.end_line,
        "end_column": f.span.end_column,
        "code": f.code,
        "severity": f.severity.value,
        "message": f.message,
        "suggestion": f.suggestion,
        "source": f.source.model_dump() if f.source else None,
        "text": f.text,
        "entity_id": f.entity_id,
    }


def render(result: CheckResult) -> str:
    payload = {
        "version": FORMAT_VERSION,
        "files_checked": result.files_checked,
        "findings": [finding_dict(f) for f in result.findings],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
