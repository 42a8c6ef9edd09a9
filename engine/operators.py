"""The vocabulary rule files may use: named, tested operators with validated parameters.

A rule says *what one obligation is about* (`per`), *when it is due* (`due`) and *what discharges it*
(`discharged_by`), each as an operator name with parameters. Operators only gather facts and compute
dates (through the legal calendar); whether an obligation is met is decided by durable-rules
(`engine.matcher`). A rule that needs more than this vocabulary gets a new operator here, with tests.
"""

from __future__ import annotations

import datetime as dt
import difflib
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from engine import facts as facts_model
from engine.calendar import Basis, Deadline, LegalCalendar, TraceStep
from engine.facts import AgencyFacts, Declaration, Standard
from engine.lang import T, Text
from engine.periods import Period, month_period, quarter_period, year_period

Shape = Literal["deadline", "open", "standing", "standing_due"]
"""How an obligation is decided (by `engine.matcher`): `deadline` — by its due date; `open` — no fixed due
date, pending until discharged; `standing` — checked on as_of, a violation when not discharged;
`standing_due` — checked on as_of, pending until its due date (or for ever when it has none), a
violation after it."""

Months = Annotated[int, Field(strict=True, ge=1, le=120)]  # ten years: more is a typo, not a time limit
Year = Annotated[int, Field(strict=True, ge=1990, le=2100)]


@dataclass(frozen=True)
class Note:
    """A sentence for the trace, in both languages."""

    vi: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


@dataclass(frozen=True)
class Subject:
    label: str
    record: Any = None
    period: Period | None = None


@dataclass(frozen=True)
class Done:
    date: dt.date
    note: Note


@dataclass
class Obligation:
    rule_id: str
    subject: str
    shape: Shape
    due: dt.date | None = None
    due_steps: tuple[TraceStep, ...] = ()
    due_note: Note | None = None
    done: Done | None = None


@dataclass
class Context:
    """What operators may read: the agency's facts (already cut at as_of) and the calendar."""

    agency_facts: AgencyFacts | None  # None for a portfolio rule, which reads `members` instead
    as_of: dt.date
    calendar: LegalCalendar
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    span_end: dt.date | None = None  # the agency's last day (engine.lifespan): later periods do not exist
    members: list | None = None  # portfolio rules: the agencies in the rule's denominator
    rule_id: str = ""  # the rule evaluated, and its clauses: what a trace step names as its basis
    sources: tuple[str, ...] = ()
    _cache: dict = field(default_factory=dict)

    def interpretation(self, vi: str = "", en: str = "") -> Basis:
        return Basis("interpretation", self.rule_id, vi, en)

    def clauses(self, vi: str = "", en: str = "") -> Basis:
        return Basis("clause", ", ".join(self.sources), vi, en)

    @property
    def facts(self) -> AgencyFacts:
        if self.agency_facts is None:
            # check_operators refuses such a rule when the rules load: reaching here is a bug.
            raise TypeError("an operator that reads one agency's facts was used by a portfolio rule")
        return self.agency_facts

    @property
    def declarations(self) -> list[Declaration]:
        if "decl" not in self._cache:
            qms = self.facts.qms
            # A total order: two declarations of one day must not be told apart by their place in
            # the file (the one found first is cited in traces), so every field breaks ties.
            self._cache["decl"] = (
                sorted(
                    qms.declarations,
                    key=lambda d: (d.date, d.standard, d.decision or "", d.reason, d.notified or dt.date.min),
                )
                if qms
                else []
            )
        return self._cache["decl"]

    @property
    def first_declaration(self) -> Declaration | None:
        decl = self.declarations
        return decl[0] if decl else None


def _period(s: Subject) -> Period:
    """The period of a subject from `per: year | quarter | month`, which the period operators need."""
    if s.period is None:
        # Nothing yet stops a rule from pairing a period operator with another `per` when it is loaded.
        raise TypeError(f"subject {s.label!r} has no period: a period operator needs per: year, quarter or month")
    return s.period


def _d(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"  # = strftime("%d/%m/%Y"), 4x faster


def _field(record: Any, name: str, lang: str) -> str:
    """A record's field as a reader calls it ("ngày có hiệu lực"), from the facts model's words."""
    doc = facts_model.doc_of(type(record), name) if isinstance(record, BaseModel) else None
    if doc is None:
        return name.replace("_", " ")
    text = doc.en if lang == "en" else doc.vi
    return text[:1].lower() + text[1:] if not text[:4].isupper() else text


def _section(name: str, lang: str) -> str:
    """A facts section as a reader calls it ("đánh giá nội bộ")."""
    doc = facts_model.doc_of(AgencyFacts, name)
    if doc is None:
        return name.replace("_", " ")
    text = doc.en if lang == "en" else doc.vi
    return text[:1].lower() + text[1:] if not text[:4].isupper() else text


def _since(ctx: Context, s: Subject) -> tuple[str, str]:
    """ "; đã 245 ngày kể từ ngày công bố 01/03/2022": how long an obligation with no deadline has been open,
    counted from the date its record carries (a declaration's or a change's date, a member's departure)."""
    for name in ("date", "until"):
        day = getattr(s.record, name, None)
        if isinstance(day, dt.date) and day <= ctx.as_of:
            n = (ctx.as_of - day).days
            return (
                f"; đã {n} ngày kể từ {_field(s.record, name, 'vi')} {_d(day)}",
                f"; {n} days since the {_field(s.record, name, 'en').lower()} {_d(day)}",
            )
    return "", ""


class _Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NoParams(_Params):
    """An operator that takes no parameters: any given is refused (extra="forbid")."""


# ---------------------------------------------------------------- subjects (`per`)


class LabelParams(_Params):
    text: Annotated[str, Field(min_length=1)]


class LegalChangeParams(_Params):
    effective_from: Literal["first_declaration"] | dt.date = "first_declaration"
    effective_in_year: Year | None = None


class PeriodParams(_Params):
    start: Literal["valid_from", "year_after_first_declaration"] = "valid_from"


class MemberParams(_Params):
    until_in_year: Year


def _unique(items):
    """Identical records count once (a file may list the same audit twice)."""
    seen, out = set(), []
    for it in items:
        key = it.model_dump_json() if hasattr(it, "model_dump_json") else repr(it)
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out


def per_agency(ctx: Context, p: NoParams) -> list[Subject]:
    return [Subject("HTQLCL")]


def per_label(ctx: Context, p: LabelParams) -> list[Subject]:
    return [Subject(p.text)]


def per_procedure(ctx: Context, p: NoParams) -> list[Subject]:
    return [Subject(pr.code, pr) for pr in _unique(ctx.facts.procedures or [])]


def per_declaration(ctx: Context, p: NoParams) -> list[Subject]:
    return [Subject(d.date.isoformat(), d) for d in _unique(ctx.declarations)]


def per_nonconformity(ctx: Context, p: NoParams) -> list[Subject]:
    ncs = [nc for a in (ctx.facts.internal_audits or []) for nc in a.nonconformities]
    return [Subject(nc.id, nc) for nc in _unique(ncs)]


def per_legal_change(ctx: Context, p: LegalChangeParams) -> list[Subject]:
    if p.effective_from == "first_declaration":
        first = ctx.first_declaration
        start = first.date if first else None
    else:
        start = p.effective_from
    out = []
    for lc in _unique(ctx.facts.legal_changes or []):
        if start is not None and lc.effective < start:
            continue
        if p.effective_in_year is not None and lc.effective.year != p.effective_in_year:
            continue
        if ctx.span_end is not None and lc.effective > ctx.span_end:
            continue  # takes effect after the agency ceased (e.g. a district after 30/06/2025): owes nothing
        out.append(Subject(lc.document, lc))
    return out


def per_scope_change(ctx: Context, p: NoParams) -> list[Subject]:
    first = ctx.first_declaration
    return [
        Subject(sc.date.isoformat(), sc)
        for sc in _unique(ctx.facts.scope_changes or [])
        if first is None or sc.date >= first.date
    ]


def _periods(ctx: Context, p: PeriodParams, make: Callable[[dt.date], Period]) -> list[Subject]:
    """Every period from the rule's start up to the one containing as_of, within validity and the
    agency's existence (rulebook §1). Whether a period's deadline falls before the rule took
    effect is settled later, once the due date is known."""
    if p.start == "year_after_first_declaration":
        first = ctx.first_declaration
        if first is None:
            return []
        start = dt.date(first.date.year + 1, 1, 1)
    else:
        start = ctx.valid_from or dt.date(2014, 1, 1)
    end = min(x for x in (ctx.as_of, ctx.valid_to, ctx.span_end) if x is not None)
    established = ctx.facts.agency.established if ctx.facts is not None else None
    out, period = [], make(start)
    while period.start <= end:
        if established is None or period.end >= established:  # rulebook v1.1 §3
            out.append(Subject(period.label, None, period))
        period = make(period.end + dt.timedelta(days=1))
    return out


def per_year(ctx: Context, p: PeriodParams) -> list[Subject]:
    return _periods(ctx, p, year_period)


def per_quarter(ctx: Context, p: PeriodParams) -> list[Subject]:
    return _periods(ctx, p, quarter_period)


def per_month(ctx: Context, p: PeriodParams) -> list[Subject]:
    return _periods(ctx, p, month_period)


def per_committee_member(ctx: Context, p: MemberParams) -> list[Subject]:
    sc = ctx.facts.steering_committee
    members = _unique(sc.members) if sc else []
    # A departure dated after as_of has not happened yet on that date (rulebook §1): no subject.
    return [Subject(m.name, m) for m in members if m.until and m.until <= ctx.as_of and m.until.year == p.until_in_year]


# ---------------------------------------------------------------- due dates (`due`)


class WithinParams(_Params):
    months: Months
    after: str  # a date field of the subject's record (checked when the rules load)
    floor: Literal["first_declaration"] | None = None  # never due before the first declaration


class DayOfMonthParams(_Params):
    # "trước ngày D hàng tháng": D - 1 must exist in every month, and "before the 1st" is another month
    before_day: Annotated[int, Field(strict=True, ge=2, le=29)]


class QuarterEndParams(_Params):
    days_after: Annotated[int, Field(strict=True, ge=0, le=92)] = 0  # days after the quarter's last day


class StandingExistingParams(_Params):
    existed_on: dt.date  # an agency that existed on this day owes the duty at once
    grace_after_established: Months | None = None  # months an agency established later has; None: no date


class BeforeParams(_Params):
    date: dt.date
    inclusive: bool = False
    first_declaration_on_or_after: dt.date | None = None


class FixedParams(_Params):
    date: dt.date


class FieldParams(_Params):
    field: str  # a date field of the subject's record (checked when the rules load)


class SectionParams(_Params):
    section: str  # a facts section (checked when the rules load)


DueResult = tuple[Shape, Deadline | None, Note | None]


def due_none(ctx: Context, s: Subject, p: NoParams) -> DueResult:
    vi, en = _since(ctx, s)
    return "open", None, Note(f"văn bản không quy định thời hạn{vi}", f"the text sets no deadline{en}")


def due_standing(ctx: Context, s: Subject, p: NoParams) -> DueResult:
    return (
        "standing",
        None,
        Note(f"nghĩa vụ thường xuyên, xét tại ngày {_d(ctx.as_of)}", f"a standing duty, checked on {_d(ctx.as_of)}"),
    )


def due_within(ctx: Context, s: Subject, p: WithinParams) -> DueResult:
    event = getattr(s.record, p.after, None)
    first = ctx.first_declaration if p.floor == "first_declaration" else None
    after_vi, after_en = _field(s.record, p.after, "vi"), _field(s.record, p.after, "en").lower()
    if event is None:
        if first is not None:
            return (
                "deadline",
                ctx.calendar.fixed(
                    first.date,
                    ctx.interpretation(
                        f"không rõ {after_vi}: hạn là ngày công bố HTQLCL lần đầu",
                        f"no {after_en}: due by the first declaration",
                    ),
                ),
                None,
            )
        return "open", None, Note(f"không rõ {after_vi}", f"no {after_en}")
    deadline = ctx.calendar.add_months(event, p.months)
    if first is not None and deadline.due < first.date:
        # v1.1: never less than the months every later change gets, and never before the system exists
        return (
            "deadline",
            Deadline(first.date, deadline.steps),
            Note(
                f"{_d(deadline.due)} trước ngày công bố lần đầu → hạn là ngày công bố {_d(first.date)} "
                f"(ngày muộn hơn trong hai ngày)",
                f"{_d(deadline.due)} is before the first declaration → due by it, {_d(first.date)} "
                f"(the later of the two)",
            ),
        )
    if first is not None and event < first.date:
        return (
            "deadline",
            deadline,
            Note(
                f"{after_vi} {_d(event)} trước ngày công bố lần đầu {_d(first.date)}, nhưng {p.months} tháng kết "
                f"thúc sau ngày đó → hạn {_d(deadline.due)} (ngày muộn hơn trong hai ngày)",
                f"{after_en} {_d(event)} is before the first declaration of {_d(first.date)}, but the "
                f"{p.months} months end after it → due {_d(deadline.due)} (the later of the two)",
            ),
        )
    return "deadline", deadline, None


def due_standing_existing(ctx: Context, s: Subject, p: StandingExistingParams) -> DueResult:
    """A duty in force since `existed_on`: an agency that existed that day owes it at once, checked on
    as_of; one established later owes it from its establishment, with no date unless the rule gives
    a grace period in months."""
    est = ctx.facts.agency.established
    if est is None or est <= p.existed_on:
        since = f"thành lập ngày {_d(est)}" if est else "không ghi ngày thành lập"
        since_en = f"established on {_d(est)}" if est else "no establishment date"
        return (
            "standing",
            None,
            Note(
                f"cơ quan đã có tại ngày {_d(p.existed_on)} ({since}): văn bản không đặt thời gian chuyển tiếp, "
                f"xét tại ngày {_d(ctx.as_of)}",
                f"the agency existed on {_d(p.existed_on)} ({since_en}): the text sets no transition period; "
                f"checked on {_d(ctx.as_of)}",
            ),
        )
    if p.grace_after_established is None:
        return (
            "standing_due",
            None,
            Note(
                f"cơ quan thành lập ngày {_d(est)}, sau ngày {_d(p.existed_on)}: văn bản không quy định thời hạn "
                f"(quy tắc không đặt thời gian ân hạn kể từ ngày thành lập)",
                f"the agency was established on {_d(est)}, after {_d(p.existed_on)}: the text sets no deadline "
                f"(the rule sets no grace period after establishment)",
            ),
        )
    return (
        "standing_due",
        ctx.calendar.add_months(est, p.grace_after_established),
        Note(
            f"cơ quan thành lập ngày {_d(est)}; thời hạn {p.grace_after_established} tháng kể từ ngày thành lập "
            f"(tham số “thời gian ân hạn” của quy tắc {ctx.rule_id})",
            f"the agency was established on {_d(est)}; {p.grace_after_established} months from then "
            f"(parameter “grace period” of rule {ctx.rule_id})",
        ),
    )


def due_year_end(ctx: Context, s: Subject, p: NoParams) -> DueResult:
    # The rule's interpretation makes a duty of a year due on 31/12: no text says so in those words.
    return "deadline", ctx.calendar.year_end(_period(s).start.year, ctx.interpretation()), None


def due_quarter_end(ctx: Context, s: Subject, p: QuarterEndParams) -> DueResult:
    start = _period(s).start
    end = ctx.calendar.quarter_end(start.year, (start.month - 1) // 3 + 1, ctx.interpretation())
    if not p.days_after:
        return "deadline", end, None
    later = ctx.calendar.add_days(end.due, p.days_after)
    return "deadline", Deadline(later.due, end.steps + later.steps), None


def due_day_of_month(ctx: Context, s: Subject, p: DayOfMonthParams) -> DueResult:
    start = _period(s).start
    return (
        "deadline",
        ctx.calendar.before_day(dt.date(start.year, start.month, p.before_day), basis=ctx.clauses()),
        None,
    )


def due_before(ctx: Context, s: Subject, p: BeforeParams) -> DueResult:
    first = ctx.first_declaration
    if p.first_declaration_on_or_after and first and first.date >= p.first_declaration_on_or_after:
        return (
            "deadline",
            ctx.calendar.fixed(
                first.date,
                ctx.interpretation(
                    f"công bố lần đầu từ ngày {_d(p.first_declaration_on_or_after)}: phải áp dụng ngay khi công bố",
                    f"first declared on or after {_d(p.first_declaration_on_or_after)}: due with that declaration",
                ),
            ),
            None,
        )
    return "deadline", ctx.calendar.before_day(p.date, inclusive=p.inclusive, basis=ctx.clauses()), None


def due_fixed(ctx: Context, s: Subject, p: FixedParams) -> DueResult:
    return "deadline", ctx.calendar.fixed(p.date, ctx.interpretation()), None


def due_record_field(ctx: Context, s: Subject, p: FieldParams) -> DueResult:
    value = getattr(s.record, p.field, None)
    if value is None:
        return (
            "open",
            None,
            Note("không có thời hạn khắc phục được thống nhất", "no agreed date for the corrective action"),
        )
    # The date is the agency's own (e.g. an agreed corrective-action date), not a legal text's: the
    # trace says so instead of the calendar's "date written in the text".
    return (
        "deadline",
        Deadline(value, ()),
        Note(
            f"{_field(s.record, p.field, 'vi')} đã thống nhất: {_d(value)}",
            f"agreed {_field(s.record, p.field, 'en').lower()}: {_d(value)}",
        ),
    )


def due_first_record_else_period_end(ctx: Context, s: Subject, p: SectionParams) -> DueResult:
    period = _period(s)
    records = [r for r in (getattr(ctx.facts, p.section) or []) if period.contains(r.date)]
    what_vi, what_en = _section(p.section, "vi"), _section(p.section, "en").lower()
    if records:
        first = min(r.date for r in records)
        return (
            "deadline",
            ctx.calendar.fixed(
                first,
                ctx.interpretation(
                    f"phải có trước lần {what_vi} đầu tiên của năm, ngày {_d(first)}",
                    f"needed before the year's first {what_en}, on {_d(first)}",
                ),
            ),
            None,
        )
    return (
        "deadline",
        ctx.calendar.fixed(
            period.end,
            ctx.interpretation(
                f"chưa có lần {what_vi} nào trong năm nên hạn là ngày cuối năm",
                f"no {what_en} in the year yet: due on the year's last day",
            ),
        ),
        None,
    )


# ---------------------------------------------------------------- discharge (`discharged_by`)


class DeclarationParams(_Params):
    standard: Standard | None = None
    on_or_after_subject: Annotated[bool, Field(strict=True)] = False  # the subject's own `date`
    on_or_after_field: str | None = None  # a date field of the subject's record


class CountParams(_Params):
    section: str  # a facts section of records with an `issued` date
    at_least: Annotated[int, Field(strict=True, ge=1, le=10_000)]
    distinct: str | None = None  # a field (e.g. `code`): records sharing its value count once


class ReportParams(_Params):
    kind: Literal["monthly", "quarterly", "annual"]


class StandardParams(_Params):
    standard: Standard


def _decl_note(d: Declaration) -> Note:
    num = f" ({d.decision})" if d.decision else ""
    return Note(
        f"công bố ngày {_d(d.date)}{num} theo {d.standard}", f"declaration of {_d(d.date)}{num} under {d.standard}"
    )


def by_declaration(ctx: Context, s: Subject, due: dt.date | None, p: DeclarationParams) -> Done | None:
    floor = None
    if p.on_or_after_subject:
        floor = s.record.date
    if p.on_or_after_field:
        floor = getattr(s.record, p.on_or_after_field, None)
        if floor is None:
            return None
    for d in ctx.declarations:
        if p.standard and d.standard != p.standard:
            continue
        if floor and d.date < floor:
            continue
        return Done(d.date, _decl_note(d))
    return None


def by_record_field(ctx: Context, s: Subject, due: dt.date | None, p: FieldParams) -> Done | None:
    value = getattr(s.record, p.field, None)
    if value is None:
        return None
    # "ngày cập nhật vào HTQLCL 12/01/2022": the field's own words (engine.facts), never its key
    return Done(
        value,
        Note(
            f"{_field(s.record, p.field, 'vi')} {_d(value)}", f"{_field(s.record, p.field, 'en').lower()} {_d(value)}"
        ),
    )


def by_record_in_period(ctx: Context, s: Subject, due: dt.date | None, p: SectionParams) -> Done | None:
    period = _period(s)
    dates = sorted(r.date for r in (getattr(ctx.facts, p.section) or []) if period.contains(r.date))
    if not dates:
        return None
    return Done(
        dates[0],
        Note(
            f"{_section(p.section, 'vi')} ngày {_d(dates[0])}", f"{_section(p.section, 'en').lower()} on {_d(dates[0])}"
        ),
    )


def by_report(ctx: Context, s: Subject, due: dt.date | None, p: ReportParams) -> Done | None:
    dates = sorted(r.submitted for r in (ctx.facts.reports or []) if r.kind == p.kind and r.period == s.label)
    if not dates:
        return None
    return Done(
        dates[0],
        Note(f"báo cáo {_period_vi(s.label)} gửi ngày {_d(dates[0])}", f"report for {s.label} sent on {_d(dates[0])}"),
    )


def by_year_plan(ctx: Context, s: Subject, due: dt.date | None, p: SectionParams) -> Done | None:
    dates = sorted(y.issued for y in (getattr(ctx.facts, p.section) or []) if y.issued and str(y.year) == s.label)
    if not dates:
        return None
    return Done(
        dates[0],
        Note(
            f"{_section(p.section, 'vi')} năm {s.label} ban hành ngày {_d(dates[0])}",
            f"{_section(p.section, 'en').lower()} for {s.label} issued on {_d(dates[0])}",
        ),
    )


def _period_vi(label: str) -> str:
    from engine.messages import subject_words

    return subject_words(label, "vi")


def by_committee_decision_after(ctx: Context, s: Subject, due: dt.date | None, p: FieldParams) -> Done | None:
    floor = getattr(s.record, p.field)
    sc = ctx.facts.steering_committee
    dates = sorted(d for d in (sc.decisions if sc else []) if d >= floor)
    if not dates:
        return None
    return Done(
        dates[0],
        Note(
            f"quyết định kiện toàn Ban chỉ đạo ISO ngày {_d(dates[0])}",
            f"decision re-constituting the ISO steering committee on {_d(dates[0])}",
        ),
    )


class LeadershipParams(_Params):
    # roles that make a member a leader even without `leadership: true`
    leader_roles: Annotated[list[Literal["head", "deputy_head", "member", "secretary"]], Field(min_length=1)] = ["head"]


def by_leadership_on_as_of(ctx: Context, s: Subject, due: dt.date | None, p: LeadershipParams) -> Done | None:
    sc = ctx.facts.steering_committee
    if sc is None:
        return None
    decisions = [d for d in sc.decisions if d <= ctx.as_of]
    leaders = sorted(
        (
            m
            for m in sc.members
            if (m.leadership or m.role in p.leader_roles)
            and m.since <= ctx.as_of
            and (m.until is None or m.until >= ctx.as_of)
        ),
        key=lambda m: (m.since, m.name),
    )
    if not decisions or not leaders:
        return None
    since = max(min(decisions), leaders[0].since)
    m = leaders[0]
    return Done(
        since,
        Note(
            f"Ban chỉ đạo ISO (quyết định {_d(min(decisions))}) có lãnh đạo {m.name} từ {_d(m.since)}",
            f"ISO steering committee (decision {_d(min(decisions))}) with leader {m.name} since {_d(m.since)}",
        ),
    )


def by_count_at_least(ctx: Context, s: Subject, due: dt.date | None, p: CountParams) -> Done | None:
    records = [r for r in _unique(getattr(ctx.facts, p.section) or []) if r.issued]
    if p.distinct:
        # a procedure issued again (a new version) is still one procedure, counted from its first issue
        first: dict = {}
        for r in records:
            key = getattr(r, p.distinct)
            if key not in first or r.issued < first[key].issued:
                first[key] = r
        records = list(first.values())
    dates = sorted(r.issued for r in records)
    if len(dates) < p.at_least:
        return None
    day = dates[p.at_least - 1]
    return Done(
        day,
        Note(
            f"đủ {p.at_least} quy trình nội bộ từ ngày {_d(day)} (hiện có {len(dates)})",
            f"{p.at_least} internal procedures reached on {_d(day)} ({len(dates)} in all)",
        ),
    )


def by_latest_declaration_standard(ctx: Context, s: Subject, due: dt.date | None, p: StandardParams) -> Done | None:
    upto = [d for d in ctx.declarations if due is None or d.date <= due]
    if not upto or upto[-1].standard != p.standard:
        return None
    return Done(upto[-1].date, _decl_note(upto[-1]))


class ShareParams(_Params):
    over_percent: Annotated[int, Field(strict=True, ge=0, le=99)]


def by_share_declared(ctx: Context, s: Subject, due: dt.date | None, p: ShareParams) -> Done | None:
    """Portfolio rules: the day on which the share of agencies in the denominator that had declared
    a QMS first went over the threshold ("trên 70%": 70% exactly is not enough)."""
    members = ctx.members or []
    n = len(members)
    dates = sorted(m.first_declaration for m in members if m.first_declaration)
    needed = (p.over_percent * n) // 100 + 1  # smallest k with 100·k > over_percent·n
    if n == 0 or needed > len(dates):
        return None
    day = dates[needed - 1]
    return Done(
        day,
        Note(
            f"ngày {_d(day)}: {needed}/{n} đơn vị đã công bố ({100 * needed / n:.1f}%), vượt {p.over_percent}%".replace(
                ".", ","
            ),
            f"on {_d(day)}: {needed}/{n} had declared ({100 * needed / n:.1f}%), over {p.over_percent}%",
        ),
    )


# ---------------------------------------------------------------- the registry


def _none(p: _Params) -> frozenset[str]:
    return frozenset()


def _sections(*names: str) -> Callable[[_Params], frozenset[str]]:
    return lambda p: frozenset(names)


def _own_section(p: Any) -> frozenset[str]:
    return frozenset({p.section})  # SectionParams, CountParams


@dataclass(frozen=True)
class Spec:
    """One operator of the vocabulary: its function, its parameters, and what it needs and reads.

    `reads` gives the facts sections the operator looks at, for given parameters: a rule is about an
    agency's QMS (and decided on its host's facts when the QMS is shared) when it reads any section of
    the system. `record` (subjects) is the model of the record each subject carries, whose date fields
    other operators may name; `period` (subjects) the kind of period its subjects are; `periods` (due
    dates) the kinds of period subject it can compute a due date for."""

    fn: Callable
    params: type[_Params]
    reads: Callable[[Any], frozenset[str]] = _none
    record: type[BaseModel] | None = None
    period: str | None = None
    periods: tuple[str, ...] | None = None
    # Which rules may name it: "agency" (reads one agency's facts), "portfolio" (reads the members of a
    # portfolio rule's denominator), "any" (reads neither). Checked when the rules load.
    scope: str = "agency"


def _legal_change_reads(p: LegalChangeParams) -> frozenset[str]:
    return frozenset({"legal_changes"} | ({"qms"} if p.effective_from == "first_declaration" else set()))


def _period_reads(p: PeriodParams) -> frozenset[str]:
    return frozenset({"qms"}) if p.start == "year_after_first_declaration" else frozenset()


SUBJECTS: dict[str, Spec] = {
    "agency": Spec(per_agency, NoParams),
    "label": Spec(per_label, LabelParams, scope="any"),
    "procedure": Spec(per_procedure, NoParams, _sections("procedures"), facts_model.Procedure),
    "declaration": Spec(per_declaration, NoParams, _sections("qms"), facts_model.Declaration),
    "nonconformity": Spec(per_nonconformity, NoParams, _sections("internal_audits"), facts_model.Nonconformity),
    "legal_change": Spec(per_legal_change, LegalChangeParams, _legal_change_reads, facts_model.LegalChange),
    "scope_change": Spec(per_scope_change, NoParams, _sections("scope_changes", "qms"), facts_model.ScopeChange),
    "year": Spec(per_year, PeriodParams, _period_reads, period="year"),
    "quarter": Spec(per_quarter, PeriodParams, _period_reads, period="quarter"),
    "month": Spec(per_month, PeriodParams, _period_reads, period="month"),
    "committee_member": Spec(per_committee_member, MemberParams, _sections("steering_committee"), facts_model.Member),
}
DUES: dict[str, Spec] = {
    "none": Spec(due_none, NoParams),
    "standing": Spec(due_standing, NoParams),
    "standing_existing": Spec(due_standing_existing, StandingExistingParams),
    "within": Spec(
        due_within,
        WithinParams,
        lambda p: frozenset({"qms"}) if p.floor else frozenset(),
    ),
    "year_end": Spec(due_year_end, NoParams, periods=("year",)),
    "quarter_end": Spec(due_quarter_end, QuarterEndParams, periods=("quarter",)),
    "day_of_month": Spec(due_day_of_month, DayOfMonthParams, periods=("month",)),
    "before": Spec(
        due_before, BeforeParams, lambda p: frozenset({"qms"}) if p.first_declaration_on_or_after else frozenset()
    ),
    "fixed": Spec(due_fixed, FixedParams, scope="any"),
    "record_field": Spec(due_record_field, FieldParams),
    "first_record_else_period_end": Spec(
        due_first_record_else_period_end, SectionParams, _own_section, periods=("year", "quarter", "month")
    ),
}
DISCHARGES: dict[str, Spec] = {
    "declaration": Spec(by_declaration, DeclarationParams, _sections("qms")),
    "record_field": Spec(by_record_field, FieldParams),
    "record_in_period": Spec(by_record_in_period, SectionParams, _own_section),
    "report": Spec(by_report, ReportParams, _sections("reports")),
    "year_plan": Spec(by_year_plan, SectionParams, _own_section),
    "committee_decision_after": Spec(by_committee_decision_after, FieldParams, _sections("steering_committee")),
    "leadership_on_as_of": Spec(by_leadership_on_as_of, LeadershipParams, _sections("steering_committee")),
    "count_at_least": Spec(by_count_at_least, CountParams, _own_section),
    "latest_declaration_standard": Spec(by_latest_declaration_standard, StandardParams, _sections("qms")),
    "share_declared": Spec(by_share_declared, ShareParams, scope="portfolio"),
}
KINDS: dict[str, dict[str, Spec]] = {"per": SUBJECTS, "due": DUES, "discharged_by": DISCHARGES}


def split(op: Any) -> tuple[str, dict]:
    """An operator as written: `name` or `{name: {params}}`."""
    if isinstance(op, str):
        return op, {}
    ((name, params),) = op.items()
    return name, params or {}


@dataclass(frozen=True)
class Compiled:
    """One operator of a rule, looked up and its parameters validated once, when the rules load."""

    name: str
    spec: Spec
    params: _Params

    @property
    def fn(self) -> Callable:
        return self.spec.fn

    def reads(self) -> frozenset[str]:
        return self.spec.reads(self.params)


def compile_op(kind: str, op: Any) -> Compiled:
    """For rules already checked by `check_operators`."""
    name, params = split(op)
    spec = KINDS[kind][name]
    return Compiled(name, spec, spec.params.model_validate(params))


# ---------------------------------------------------------------- what a rule's operators may name

# Sections whose records are the agency's own even when it applies another agency's QMS (rulebook
# v1.1 §3: "its own procedures and its own reports stay its own"); every other section is the system's.
OWN_SECTIONS = frozenset({"procedures", "reports"})
SECTIONS = frozenset(AgencyFacts.model_fields) - {"agency", "present_sections"}
SYSTEM_SECTIONS = SECTIONS - OWN_SECTIONS


def _record_model(section: str) -> type[BaseModel] | None:
    """The model of one record of a list section (`internal_audits` → InternalAudit), else None."""
    annotation = AgencyFacts.model_fields[section].annotation
    for arg in typing.get_args(annotation):
        if typing.get_origin(arg) is list:
            return typing.get_args(arg)[0]
    return None


def _is_date(annotation: Any) -> bool:
    if annotation is dt.date:
        return True
    if typing.get_origin(annotation) is typing.Annotated:
        return _is_date(typing.get_args(annotation)[0])
    return any(_is_date(arg) for arg in typing.get_args(annotation) if arg is not type(None))


def date_fields(model: type[BaseModel] | None) -> list[str]:
    """The date fields of a facts record model (`Procedure` → effective, in_qms_since)."""
    if model is None:
        return []
    return [name for name, info in model.model_fields.items() if _is_date(info.annotation)]


def _sections_with(field: str) -> list[str]:
    return sorted(s for s in SECTIONS if (m := _record_model(s)) is not None and field in m.model_fields)


Located = tuple[tuple, Text]  # (path inside the rule, message)


def _name_check(value: str, allowed: list[str], what: Text) -> Text | None:
    if value in allowed:
        return None
    close = difflib.get_close_matches(value, allowed, n=1)
    known = ", ".join(allowed) if allowed else "—"
    return (
        T(f"'{value}' không phải ", f"'{value}' is not ")
        + what
        + (T(f"; có phải là '{close[0]}' không?", f"; did you mean '{close[0]}'?") if close else "")
        + T(f" (được dùng ở đây: {known})", f" (allowed here: {known})")
    )


def check_combination(ops: dict[str, Compiled]) -> list[Located]:
    """What one operator of a rule names must exist for the others: a date field of the subject's
    record, a facts section of the right kind, a period the due date can be computed for."""
    per = ops["per"]
    record = per.spec.record
    record_words = (
        T(f"trường ngày của bản ghi '{per.name}'", f"a date field of the {per.name} records")
        if record
        else T(
            f"một trường: đối tượng '{per.name}' không mang bản ghi nào",
            f"a field: '{per.name}' subjects carry no record",
        )
    )
    out: list[Located] = []
    for kind in ("due", "discharged_by"):
        op = ops[kind]
        p = op.params
        at = (kind, op.name)
        if isinstance(p, (WithinParams, FieldParams)):
            field_name = p.after if isinstance(p, WithinParams) else p.field
            key = "after" if isinstance(p, WithinParams) else "field"
            if (msg := _name_check(field_name, date_fields(record), record_words)) is not None:
                out.append(((*at, key), msg))
        if isinstance(p, DeclarationParams):
            if p.on_or_after_field is not None and (
                msg := _name_check(p.on_or_after_field, date_fields(record), record_words)
            ):
                out.append(((*at, "on_or_after_field"), msg))
            if p.on_or_after_subject and "date" not in date_fields(record):
                no_date = T(
                    f"đối tượng '{per.name}' không có ngày riêng", f"'{per.name}' subjects have no date of their own"
                )
                out.append(((*at, "on_or_after_subject"), no_date))
        if isinstance(p, SectionParams | CountParams):
            needed = {
                "first_record_else_period_end": "date",
                "record_in_period": "date",
                "year_plan": "year",
                "count_at_least": "issued",
            }.get(op.name, "date")
            allowed = _sections_with(needed)
            words = T(
                f"một mục của tệp dữ kiện cơ quan có bản ghi mang trường '{needed}'",
                f"a section of the agency facts whose records have a '{needed}' field",
            )
            if (msg := _name_check(p.section, allowed, words)) is not None:
                out.append(((*at, "section"), msg))
            elif isinstance(p, CountParams) and p.distinct is not None:
                model = _record_model(p.section)
                fields = list(model.model_fields) if model is not None else []
                what = T(f"một trường của bản ghi '{p.section}'", f"a field of the {p.section} records")
                if (msg := _name_check(p.distinct, fields, what)) is not None:
                    out.append(((*at, "distinct"), msg))
        if op.spec.periods is not None and per.spec.period not in op.spec.periods:
            wanted = " or ".join(f"'{k}'" for k in op.spec.periods)
            out.append(
                (
                    (kind,),
                    T(
                        f"'{op.name}' cần đối tượng là kỳ ({wanted} ở per), không phải '{per.name}'",
                        f"'{op.name}' needs period subjects ({wanted} under per), not '{per.name}'",
                    ),
                )
            )
    return out


def _is_portfolio_rule(rule: dict) -> bool:
    binds = rule.get("binds")
    return isinstance(binds, dict) and binds.get("portfolio") is True


def _scope_check(name: str, spec: Spec, kind: str, portfolio: bool) -> Text | None:
    """A portfolio rule has no agency whose facts an operator could read; an agency rule has no
    denominator of agencies."""
    if portfolio and spec.scope == "agency":
        usable = ", ".join(n for n, s in KINDS[kind].items() if s.scope != "agency")
        return T(
            f"quy tắc tính trên cả danh mục cơ quan (portfolio: true) không dùng được toán tử '{name}', vì toán tử "
            f"này đọc hồ sơ của từng cơ quan (dùng được: {usable})",
            f"a portfolio rule (portfolio: true) cannot use '{name}', which reads one agency's facts "
            f"(usable: {usable})",
        )
    if not portfolio and spec.scope == "portfolio":
        return T(
            f"toán tử '{name}' tính trên cả danh mục cơ quan: chỉ dùng trong quy tắc có 'portfolio: true'",
            f"'{name}' is computed over a portfolio of agencies: only a rule with 'portfolio: true' can use it",
        )
    return None


def check_operators(rule: dict, validate: Callable[[type, dict, tuple], _Params]) -> tuple[dict[str, Compiled], list]:
    """Every operator a rule (as written, a mapping) names exists, its parameters are valid, and they
    fit together. `validate(model, params, path)` validates parameters, raising InputError with
    located problems; the other problems come back as (path inside the rule, message) for the caller
    to locate."""
    from engine.errors import InputError

    compiled: dict[str, Compiled] = {}
    problems: list = []
    for kind, registry in KINDS.items():
        op = rule.get(kind)
        if op is None:
            continue  # a missing key is reported by the rule's own model
        if not isinstance(op, (str, dict)) or (isinstance(op, dict) and len(op) != 1):
            one = T(
                "ghi đúng một toán tử: một tên, hoặc một mục 'tên: {tham số}'",
                "give exactly one operator: a name, or one 'name: {parameters}' entry",
            )
            problems.append(((kind,), one))
            continue
        name, params = split(op)
        if name not in registry:
            close = difflib.get_close_matches(str(name), list(registry), n=1)
            known = ", ".join(sorted(registry))
            where = (kind,) if isinstance(op, str) else (kind, name)
            unknown = T(
                f"không có toán tử '{name}'" + (f"; có phải là '{close[0]}' không?" if close else "") + f" ({known})",
                f"unknown operator '{name}'"
                + (f"; did you mean '{close[0]}'?" if close else "")
                + f" (known: {known})",
            )
            problems.append((where, unknown))
            continue
        if not isinstance(params, dict):
            mapping = T(
                f"tham số của '{name}' phải là một nhóm dòng 'khóa: giá trị'",
                f"the parameters of '{name}' must be a mapping of 'key: value' lines",
            )
            problems.append(((kind, name), mapping))
            continue
        spec = registry[name]
        if (msg := _scope_check(name, spec, kind, _is_portfolio_rule(rule))) is not None:
            problems.append(((kind,) if isinstance(op, str) else (kind, name), msg))
            continue
        try:
            compiled[kind] = Compiled(name, spec, validate(spec.params, params, (kind, name)))
        except InputError as exc:
            problems.extend(exc.problems)
    if len(compiled) == len(KINDS):
        problems.extend(check_combination(compiled))
    return compiled, problems
