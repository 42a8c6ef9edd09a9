"""The evaluation result (contract: shared spec `report.md`): typed, and its JSON is the CLI's JSON."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal["compliant", "violation", "pending", "not_applicable", "unknown"]
STATUSES: tuple[Status, ...] = ("compliant", "violation", "pending", "not_applicable", "unknown")
# Text and Markdown views list the findings that need action first.
STATUS_ORDER = {"violation": 0, "pending": 1, "unknown": 2, "compliant": 3, "not_applicable": 4}


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Finding(_Out):
    rule: str
    status: Status
    subject: str
    due: dt.date | None
    done: dt.date | None
    message: str
    sources: list[str]
    trace: list[str]


class Summary(_Out):
    compliant: int = 0
    violation: int = 0
    pending: int = 0
    not_applicable: int = 0
    unknown: int = 0

    @classmethod
    def of(cls, findings) -> Summary:
        counts = dict.fromkeys(STATUSES, 0)
        for f in findings:
            counts[f.status] += 1
        return cls(**counts)

    def __add__(self, other: Summary) -> Summary:
        return Summary(**{s: getattr(self, s) + getattr(other, s) for s in STATUSES})


class SourceText(_Out):
    document: str
    clause: str
    quote: str


class AgencyRef(_Out):
    id: str
    name: str
    level: str


class AgencyResult(_Out):
    """One agency's findings. `sources` is None inside a portfolio (given once at the top there)."""

    as_of: dt.date
    agency: AgencyRef
    findings: list[Finding]
    summary: Summary
    sources: dict[str, SourceText] | None = None
    warnings: list[str] = Field(default_factory=list, exclude=True)

    @property
    def has_violation(self) -> bool:
        return self.summary.violation > 0
