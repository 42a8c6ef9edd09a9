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
    # What the document is and where the quote comes from (the clause register), so that a reader knows
    # a plan reported by a news item from the instrument itself. Additive; absent for a clause the
    # register does not describe.
    form: str | None = Field(
        default=None, description="legal_normative | official_letter | plan | notice", examples=["plan"]
    )
    issuer: str | None = Field(default=None, examples=["UBND tỉnh Lạng Sơn"])
    signed: dt.date | None = None
    quoted_from: str | None = Field(
        default=None,
        description="what the quote's text is: full_text | extract | web_copy | news_item | project_note",
        examples=["news_item"],
    )
    second_hand: bool = Field(
        default=False,
        description="the quote is not the instrument's own words, or the duty rests on another instrument "
        "that this document only reports on",
    )


class ProducedBy(_Out):
    """What produced a result (report.md v1.1), so a published report can be traced to its rules."""

    contract: str = Field(description="version of the result contract (docs/report.md)", examples=["1.1"])
    engine: str = Field(description="name and version of the engine", examples=["htqlcl 0.2.0"])
    rules: str = Field(
        description="identity of the rules applied: sha256 over the rules files' names and bytes",
        examples=["sha256:5d41402abc4b2a76b9719d911017c592ae2ef5d1a2d6b2b8e7c2a4f0e0c1f3a9"],
    )


class AgencyRef(_Out):
    id: str
    name: str
    level: str


class AgencyResult(_Out):
    """One agency's findings. Inside a portfolio `produced_by` and `sources` are left out (given once
    at the top there)."""

    produced_by: ProducedBy | None = None
    as_of: dt.date
    agency: AgencyRef
    findings: list[Finding]
    summary: Summary
    warnings: list[str] = Field(
        default_factory=list,
        description="facts the evaluation set aside or doubts it has about them, in the language of the result",
    )
    sources: dict[str, SourceText] | None = None

    @property
    def has_violation(self) -> bool:
        return self.summary.violation > 0


class PortfolioResult(_Out):
    """A portfolio's result as `evaluate --format json` streams it. The engine writes it agency by agency
    and never builds this model; it exists to publish the contract's schema (`htqlcl schema result`)."""

    produced_by: ProducedBy
    as_of: dt.date
    agencies: list[AgencyResult] = Field(description="each agency, without its own produced_by and sources")
    portfolio_findings: list[Finding]
    summary: Summary
    sources: dict[str, SourceText]
