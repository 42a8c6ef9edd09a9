"""The machine contract (report.md): stable key order, UTF-8, byte-identical for the same input."""
from __future__ import annotations

import json

from engine.result import AgencyResult


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_agency(result: AgencyResult) -> str:
    return dumps(result.model_dump(mode="json", exclude_none=False))
