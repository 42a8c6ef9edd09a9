"""The agency facts file (contract: shared spec `facts.md`) as pydantic models.

Absent section (None) means "not known"; an empty list means "known to be none" (rulebook §1).
Every model forbids unknown keys except `x_…` annotations, so a typo never silently drops a fact.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator, model_validator

from engine.quoting import quote
from engine.strict import Strict

# re.ASCII everywhere input is matched: `\d` would also take full-width and other scripts' digits
# ("２０２２-０９"), which pass a check and then never match anything (a silent false violation).
_VN_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$", re.ASCII)
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$", re.ASCII)


FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2100, 12, 31)
"""The dates the engine accepts, in facts and as `--as-of`: an agency of the state founded in 1945 fits,
and deadlines computed from any accepted date (a year later, the next quarter) stay far inside what
Python's dates can hold (year 9999 would overflow)."""


def _in_range(day: dt.date, written: Any) -> dt.date:
    if not FIRST_DATE <= day <= LAST_DATE:
        raise ValueError(
            f"{quote(written)} is outside the dates this engine accepts "
            f"({FIRST_DATE:%d/%m/%Y}–{LAST_DATE:%d/%m/%Y}); check the year"
        )
    return day


def _digits_hint(value: str) -> str:
    return (
        "; write the digits as 0–9 (these are full-width digits, or digits of another script)"
        if any(c.isdigit() and not c.isascii() for c in value)
        else ""
    )


def parse_date(value: Any) -> dt.date:
    """ISO dates (YAML already made them dates) or the Vietnamese `DD/MM/YYYY` string, between
    FIRST_DATE and LAST_DATE."""
    if isinstance(value, dt.datetime):
        raise ValueError(
            f"{quote(value.isoformat(sep=' '))} has a time of day; give the date only, as YYYY-MM-DD or DD/MM/YYYY"
        )
    if isinstance(value, dt.date):
        return _in_range(value, value.isoformat())
    if isinstance(value, str):
        for pattern, order in ((_VN_DATE, (2, 1, 0)), (_ISO_DATE, (0, 1, 2))):
            m = pattern.match(value)
            if m:
                parts = [int(g) for g in m.groups()]
                y, mo, d = (parts[i] for i in order)
                try:
                    day = dt.date(y, mo, d)
                except ValueError as exc:
                    raise ValueError(
                        f"{quote(value.strip())} is not a real date ({exc}); use YYYY-MM-DD or DD/MM/YYYY"
                    ) from None
                return _in_range(day, value.strip())
    hint = _digits_hint(value) if isinstance(value, str) else ""
    raise ValueError(f"expected a date as YYYY-MM-DD or DD/MM/YYYY, got {quote(value)}{hint}")


Date = Annotated[dt.date, BeforeValidator(parse_date)]

_MONTH = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)
_QUARTER = re.compile(r"^(\d{4})-Q(\d)$", re.ASCII)
_YEAR = re.compile(r"^(\d{4})$", re.ASCII)


def period_start(kind: str, period: str) -> dt.date | None:
    """The first day of a report's period (`2022-10`, `2022-Q3`, `2022`), None if it is not one."""
    pattern = {"monthly": _MONTH, "quarterly": _QUARTER, "annual": _YEAR}.get(kind)
    m = pattern.match(period) if pattern else None
    if not m:
        return None
    year = int(m.group(1))
    if kind == "monthly":
        return dt.date(year, int(m.group(2)), 1)
    if kind == "quarterly":
        return dt.date(year, 3 * int(m.group(2)) - 2, 1)
    return dt.date(year, 1, 1)


Level = Literal["central", "province", "department", "district", "commune"]
Standard = Literal["TCVN ISO 9001:2008", "TCVN ISO 9001:2015"]


class AgencyInfo(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=120)]
    name: Annotated[str, Field(min_length=1, max_length=300)]
    level: Level
    province: str | None = None
    district: str | None = None
    reports_to: str | None = None
    programs: list[str] = Field(default_factory=list)
    established: Date | None = None
    dissolved: Date | None = None

    # A misspelt province would silently take the agency out of every local rule: an input error,
    # with the known name it probably meant (engine/data/provinces.yaml).
    @field_validator("province")
    @classmethod
    def _known_province(cls, province: str | None) -> str | None:
        from engine.places import check_province

        return check_province(province)

    @model_validator(mode="after")
    def _place_required(self):
        if self.level != "central" and not self.province:
            raise ValueError(f"'province' is required for level {self.level}")
        if self.level in ("district", "commune") and not self.district:
            raise ValueError(f"'district' is required for level {self.level}")
        if self.established and self.dissolved and self.dissolved < self.established:
            raise ValueError("'dissolved' is before 'established'")
        return self


class Declaration(Strict):
    date: Date
    decision: str | None = None
    standard: Standard
    reason: Literal["initial", "scope_change", "legal_change", "standard_transition", "other"] = "initial"
    notified: Date | None = None


class Qms(Strict):
    standard: Standard
    declarations: list[Declaration] = Field(default_factory=list)


class Member(Strict):
    name: Annotated[str, Field(min_length=1)]
    role: Literal["head", "deputy_head", "member", "secretary"]
    leadership: bool = False
    since: Date
    until: Date | None = None


class SteeringCommittee(Strict):
    decisions: list[Date] = Field(default_factory=list)
    members: list[Member] = Field(default_factory=list)


class Procedure(Strict):
    code: Annotated[str, Field(min_length=1)]
    name: str | None = None
    effective: Date | None = None
    in_qms_since: Date | None = None


class InternalProcedure(Strict):
    code: Annotated[str, Field(min_length=1)]
    name: str | None = None
    issued: Date | None = None


class LegalChange(Strict):
    document: Annotated[str, Field(min_length=1)]
    effective: Date
    incorporated: Date | None = None


class ScopeChange(Strict):
    date: Date
    kind: Literal["adjust", "expand", "narrow"]
    note: str | None = None


class Nonconformity(Strict):
    id: Annotated[str, Field(min_length=1)]
    due: Date | None = None
    closed: Date | None = None


class InternalAudit(Strict):
    date: Date
    nonconformities: list[Nonconformity] = Field(default_factory=list)


class ManagementReview(Strict):
    date: Date


class YearPlan(Strict):
    year: Annotated[int, Field(ge=1990, le=2100)]
    issued: Date | None = None


class Report(Strict):
    kind: Literal["monthly", "quarterly", "annual"]
    # `period: 2022` (an annual report) reaches us as a YAML integer; it means the text "2022".
    period: Annotated[str, BeforeValidator(lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v)]
    submitted: Date
    to: str | None = None

    # A field validator (not a model one) so the error's path ends in `.period`. `kind` is declared
    # first, so it is already validated here; if it was invalid, that error is reported instead.
    @field_validator("period")
    @classmethod
    def _period_matches_kind(cls, period: str, info: ValidationInfo) -> str:
        kind = info.data.get("kind")
        if kind is None:
            return period
        pattern, example = {
            "monthly": (_MONTH, "2022-10"),
            "quarterly": (_QUARTER, "2022-Q3"),
            "annual": (_YEAR, "2022"),
        }[kind]
        m = pattern.match(str(period))
        ok = m is not None
        if m is not None and kind == "monthly":
            ok = 1 <= int(m.group(2)) <= 12
        if m is not None and kind == "quarterly":
            ok = 1 <= int(m.group(2)) <= 4
        if not ok:
            raise ValueError(f"period {quote(period)} is not a {kind} period (e.g. {example}){_digits_hint(period)}")
        return period


class AgencyFacts(Strict):
    """One agency's facts file. Sections left as None are unknown, not empty."""

    agency: AgencyInfo
    qms: Qms | None = None
    steering_committee: SteeringCommittee | None = None
    procedures: list[Procedure] | None = None
    internal_procedures: list[InternalProcedure] | None = None
    legal_changes: list[LegalChange] | None = None
    scope_changes: list[ScopeChange] | None = None
    internal_audits: list[InternalAudit] | None = None
    management_reviews: list[ManagementReview] | None = None
    quality_objectives: list[YearPlan] | None = None
    audit_programs: list[YearPlan] | None = None
    reports: list[Report] | None = None

    # `steering_committee: null` means "known to have none"; absent means unknown. The loader records
    # which sections were present in the file, since pydantic cannot tell null from absent by itself.
    present_sections: frozenset[str] = Field(default=frozenset(), exclude=True, repr=False)

    def known(self, section: str) -> bool:
        return section in self.present_sections or getattr(self, section) is not None

    # Facts that contradict each other. Decided case by case (docs/input-validation.md): what cannot
    # happen is refused like any bad input; what is odd but has a real case is evaluated with a warning.

    def contradictions(self) -> list[tuple[tuple, str]]:
        """(field path, message) for each pair of dates that cannot both be true."""
        found: list[tuple[tuple, str]] = []
        for i, r in enumerate(self.reports or []):
            start = period_start(r.kind, r.period)
            if start is not None and r.submitted < start:
                found.append(
                    (
                        ("reports", i, "submitted"),
                        f"the report is submitted on {r.submitted:%d/%m/%Y}, before its period {r.period} began "
                        f"({start:%d/%m/%Y}); check the date or the period",
                    )
                )
        for i, audit in enumerate(self.internal_audits or []):
            for j, nc in enumerate(audit.nonconformities):
                if nc.closed is not None and nc.closed < audit.date:
                    found.append(
                        (
                            ("internal_audits", i, "nonconformities", j, "closed"),
                            f"the nonconformity is closed on {nc.closed:%d/%m/%Y}, before the internal audit "
                            f"that found it ({audit.date:%d/%m/%Y}); check the dates",
                        )
                    )
        for i, m in enumerate(self.steering_committee.members if self.steering_committee else []):
            if m.until is not None and m.until < m.since:
                found.append(
                    (
                        ("steering_committee", "members", i, "until"),
                        f"'until' ({m.until:%d/%m/%Y}) is before 'since' ({m.since:%d/%m/%Y}); check the dates",
                    )
                )
        for i, d in enumerate(self.qms.declarations if self.qms else []):
            if d.notified is not None and d.notified < d.date:
                found.append(
                    (
                        ("qms", "declarations", i, "notified"),
                        f"the declaration is notified on {d.notified:%d/%m/%Y}, before it was made "
                        f"({d.date:%d/%m/%Y}); check the dates",
                    )
                )
        return found

    def doubts(self) -> list[str]:
        """Warnings for dates that are odd but can be true."""
        out: list[str] = []
        for i, audit in enumerate(self.internal_audits or []):
            for j, nc in enumerate(audit.nonconformities):
                if nc.due is not None and nc.due < audit.date:
                    # An audit over several days, dated by its last one, may set a deadline that falls
                    # before that date.
                    out.append(
                        f"internal_audits[{i}].nonconformities[{j}].due = {nc.due.isoformat()} is before the "
                        f"internal audit that found it ({audit.date.isoformat()}): check the date"
                    )
        founded = self.agency.established
        if founded is not None:
            # A QMS record older than the agency: possible when a reorganised agency carries on its
            # predecessor's system, more often a typo in a year.
            dated = [
                *(
                    (f"qms.declarations[{i}].date", d.date)
                    for i, d in enumerate(self.qms.declarations if self.qms else [])
                ),
                *((f"internal_audits[{i}].date", a.date) for i, a in enumerate(self.internal_audits or [])),
                *((f"management_reviews[{i}].date", r.date) for i, r in enumerate(self.management_reviews or [])),
                *((f"reports[{i}].submitted", r.submitted) for i, r in enumerate(self.reports or [])),
            ]
            out.extend(
                f"{path} = {day.isoformat()} is before the agency was established ({founded.isoformat()}): check the date"
                for path, day in dated
                if day < founded
            )
        return out

    @model_validator(mode="before")
    @classmethod
    def _record_sections(cls, data: Any):
        # A user-written `present_sections` key is dropped here; it is not part of the contract.
        if isinstance(data, dict):
            data = {k: v for k, v in data.items() if k != "present_sections"}
            data["present_sections"] = frozenset(k for k in data if k in _SECTIONS)
        return data


_SECTIONS = frozenset(
    {
        "qms",
        "steering_committee",
        "procedures",
        "internal_procedures",
        "legal_changes",
        "scope_changes",
        "internal_audits",
        "management_reviews",
        "quality_objectives",
        "audit_programs",
        "reports",
    }
)
