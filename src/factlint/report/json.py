"""The machine format. Stable: fields are only ever added, never renamed or removed.

    {"version": 1, "files_checked": 2, "findings": [{"path", "line", "column", "end_line",
     "end_column", "code", "severity", "message", "suggestion", "source", "text", "entity_id",
     "related": [{"path", "line", "column", "end_line", "end_column"}]}]}

`related` lists the other places a finding speaks of (FL501: where the same fact is stated otherwise).

Lines and columns are 1-based; the end is exclusive. Columns count Unicode code points.
"""

from __future__ import annotations

import json

from ..models import CheckResult, Report, ReportFinding
from . import View


def render(result: CheckResult, view: View | None = None) -> str:
    report = Report(files_checked=result.files_checked, findings=[ReportFinding.of(f) for f in result.findings])
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
