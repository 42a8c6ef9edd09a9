"""The vocabulary rule files may use: named, tested operators with validated parameters.

A rule says *what one obligation is about* (`per`), *when it is due* (`due`) and *what discharges it*
(`discharged_by`), each as an operator name with parameters. Operators only gather facts and compute
dates (through the legal calendar); whether an obligation is met is decided by durable-rules
(`engine.matcher`). A rule that needs more than this vocabulary gets a new operator here, with tests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from engine.calendar import Deadline, LegalCalendar, TraceStep
from engine.errors import Problem
from engine.facts import AgencyFacts, Declaration, Standard
from engine.periods import Period, month_period, quarter_period, year_period

Shape = Literal["deadline", "open", "standing"]


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
    span_end: dt.date | None = None  # last day the agency exists (dissolution, end of district level)
    members: list | None = None  # portfolio rules: the agencies in the rule's denominator
    _cache: dict = field(default_factory=dict)

    @property
    def facts(self) -> AgencyFacts:
        if self.agency_facts is None:
            # Nothing yet stops a portfolio rule from naming such an operator when the rules are loaded.
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


class _Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NoParams(_Params):
    pass


# ---------------------------------------------------------------- subjects (`per`)


class LabelParams(_Params):
    text: str


class LegalChangeParams(_Params):
    effective_from: Literal["first_declaration"] | dt.date = "first_declaration"
    effective_in_year: int | None = None


class PeriodParams(_Params):
    start: Literal["valid_from", "year_after_first_declaration"] = "valid_from"


class MemberParams(_Params):
    until_in_year: int


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
    out, period = [], make(start)
    while period.start <= end:
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
    months: int
    after: str
    floor: Literal["first_declaration"] | None = None


class DayOfMonthParams(_Params):
    before_day: int


class BeforeParams(_Params):
    date: dt.date
    inclusive: bool = False
    first_declaration_on_or_after: dt.date | None = None


class FixedParams(_Params):
    date: dt.date


class FieldParams(_Params):
    field: str


class SectionParams(_Params):
    section: str


DueResult = tuple[Shape, Deadline | None, Note | None]


def due_none(ctx: Context, s: Subject, p: NoParams) -> DueResult:
    return "open", None, Note("văn bản không quy định thời hạn", "the text sets no deadline")


def due_standing(ctx: Context, s: Subject, p: NoParams) -> DueResult:
    return (
        "standing",
        None,
        Note(f"nghĩa vụ thường xuyên, xét tại ngày {_d(ctx.as_of)}", f"a standing duty, checked on {_d(ctx.as_of)}"),
    )


def due_within(ctx: Context, s: Subject, p: WithinParams) -> DueResult:
    event = getattr(s.record, p.after, None)
    first = ctx.first_declaration
    if p.floor == "first_declaration" and first is not None and (event is None or event < first.date):
        why = (
            Note(
                f"không có ngày {p.after}: hạn là ngày công bố lần đầu {_d(first.date)}",
                f"no {p.after} date: due by the first declaration, {_d(first.date)}",
            )
            if event is None
            else Note(
                f"{p.after} {_d(event)} trước ngày công bố lần đầu → hạn là ngày công bố {_d(first.date)}",
                f"{p.after} {_d(event)} is before the first declaration → due by it, {_d(first.date)}",
            )
        )
        return "deadline", ctx.calendar.fixed(first.date), why
    if event is None:
        return "open", None, Note(f"không có ngày {p.after}", f"no {p.after} date")
    return "deadline", ctx.calendar.add_months(event, p.months), None


def due_year_end(ctx: Context, s: Subject, p: NoParams) -> DueResult:
    return "deadline", ctx.calendar.year_end(_period(s).start.year), None


def due_quarter_end(ctx: Context, s: Subject, p: NoParams) -> DueResult:
    start = _period(s).start
    return "deadline", ctx.calendar.quarter_end(start.year, (start.month - 1) // 3 + 1), None


def due_day_of_month(ctx: Context, s: Subject, p: DayOfMonthParams) -> DueResult:
    start = _period(s).start
    return "deadline", ctx.calendar.before_day(dt.date(start.year, start.month, p.before_day)), None


def due_before(ctx: Context, s: Subject, p: BeforeParams) -> DueResult:
    first = ctx.first_declaration
    if p.first_declaration_on_or_after and first and first.date >= p.first_declaration_on_or_after:
        return (
            "deadline",
            ctx.calendar.fixed(first.date),
            Note(
                f"công bố lần đầu ngày {_d(first.date)} (từ {_d(p.first_declaration_on_or_after)}): "
                f"phải áp dụng ngay khi công bố",
                f"first declared on {_d(first.date)} (on or after {_d(p.first_declaration_on_or_after)}): "
                f"due with that declaration",
            ),
        )
    return "deadline", ctx.calendar.before_day(p.date, inclusive=p.inclusive), None


def due_fixed(ctx: Context, s: Subject, p: FixedParams) -> DueResult:
    return "deadline", ctx.calendar.fixed(p.date), None


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
        Note(f"hạn đã thống nhất ({p.field}): {_d(value)}", f"agreed due date ({p.field}): {_d(value)}"),
    )


def due_first_record_else_period_end(ctx: Context, s: Subject, p: SectionParams) -> DueResult:
    period = _period(s)
    records = [r for r in (getattr(ctx.facts, p.section) or []) if period.contains(r.date)]
    if records:
        first = min(r.date for r in records)
        return (
            "deadline",
            ctx.calendar.fixed(first),
            Note(
                f"phải có trước lần {_SECTION_VI.get(p.section, p.section)} đầu tiên của kỳ, ngày {_d(first)}",
                f"needed before the period's first {p.section.replace('_', ' ')[:-1]}, on {_d(first)}",
            ),
        )
    return "deadline", ctx.calendar.fixed(period.end), None


_SECTION_VI = {"internal_audits": "đánh giá nội bộ", "management_reviews": "xem xét của lãnh đạo"}


# ---------------------------------------------------------------- discharge (`discharged_by`)


class DeclarationParams(_Params):
    standard: Standard | None = None
    on_or_after_subject: bool = False
    on_or_after_field: str | None = None


class CountParams(_Params):
    section: str
    at_least: int
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


_FIELD_WORDS = {
    "in_qms_since": ("đưa vào HTQLCL ngày", "in the QMS since"),
    "incorporated": ("cập nhật vào HTQLCL ngày", "incorporated into the QMS on"),
    "closed": ("khắc phục xong ngày", "corrective action closed on"),
    "notified": ("thông báo bằng văn bản ngày", "written notice sent on"),
}


def by_record_field(ctx: Context, s: Subject, due: dt.date | None, p: FieldParams) -> Done | None:
    value = getattr(s.record, p.field, None)
    if value is None:
        return None
    vi, en = _FIELD_WORDS.get(p.field, (p.field, p.field))
    return Done(value, Note(f"{vi} {_d(value)} ({p.field})", f"{en} {_d(value)} ({p.field})"))


def by_record_in_period(ctx: Context, s: Subject, due: dt.date | None, p: SectionParams) -> Done | None:
    period = _period(s)
    dates = sorted(r.date for r in (getattr(ctx.facts, p.section) or []) if period.contains(r.date))
    if not dates:
        return None
    what = _SECTION_VI.get(p.section, p.section)
    return Done(dates[0], Note(f"{what} ngày {_d(dates[0])}", f"{p.section.replace('_', ' ')[:-1]} on {_d(dates[0])}"))


def by_report(ctx: Context, s: Subject, due: dt.date | None, p: ReportParams) -> Done | None:
    dates = sorted(r.submitted for r in (ctx.facts.reports or []) if r.kind == p.kind and r.period == s.label)
    if not dates:
        return None
    return Done(
        dates[0], Note(f"báo cáo kỳ {s.label} gửi ngày {_d(dates[0])}", f"report for {s.label} sent on {_d(dates[0])}")
    )


def by_year_plan(ctx: Context, s: Subject, due: dt.date | None, p: SectionParams) -> Done | None:
    dates = sorted(y.issued for y in (getattr(ctx.facts, p.section) or []) if y.issued and str(y.year) == s.label)
    if not dates:
        return None
    return Done(
        dates[0],
        Note(
            f"{p.section} {s.label} ban hành ngày {_d(dates[0])}",
            f"{p.section.replace('_', ' ')} for {s.label} issued on {_d(dates[0])}",
        ),
    )


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


def by_leadership_on_as_of(ctx: Context, s: Subject, due: dt.date | None, p: NoParams) -> Done | None:
    sc = ctx.facts.steering_committee
    if sc is None:
        return None
    decisions = [d for d in sc.decisions if d <= ctx.as_of]
    leaders = sorted(
        (
            m
            for m in sc.members
            if (m.leadership or m.role == "head") and m.since <= ctx.as_of and (m.until is None or m.until >= ctx.as_of)
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
    over_percent: int


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

SUBJECTS: dict[str, tuple[Callable, type[_Params]]] = {
    "agency": (per_agency, NoParams),
    "label": (per_label, LabelParams),
    "procedure": (per_procedure, NoParams),
    "declaration": (per_declaration, NoParams),
    "nonconformity": (per_nonconformity, NoParams),
    "legal_change": (per_legal_change, LegalChangeParams),
    "scope_change": (per_scope_change, NoParams),
    "year": (per_year, PeriodParams),
    "quarter": (per_quarter, PeriodParams),
    "month": (per_month, PeriodParams),
    "committee_member": (per_committee_member, MemberParams),
}
DUES: dict[str, tuple[Callable, type[_Params]]] = {
    "none": (due_none, NoParams),
    "standing": (due_standing, NoParams),
    "within": (due_within, WithinParams),
    "year_end": (due_year_end, NoParams),
    "quarter_end": (due_quarter_end, NoParams),
    "day_of_month": (due_day_of_month, DayOfMonthParams),
    "before": (due_before, BeforeParams),
    "fixed": (due_fixed, FixedParams),
    "record_field": (due_record_field, FieldParams),
    "first_record_else_period_end": (due_first_record_else_period_end, SectionParams),
}
DISCHARGES: dict[str, tuple[Callable, type[_Params]]] = {
    "declaration": (by_declaration, DeclarationParams),
    "record_field": (by_record_field, FieldParams),
    "record_in_period": (by_record_in_period, SectionParams),
    "report": (by_report, ReportParams),
    "year_plan": (by_year_plan, SectionParams),
    "committee_decision_after": (by_committee_decision_after, FieldParams),
    "leadership_on_as_of": (by_leadership_on_as_of, NoParams),
    "count_at_least": (by_count_at_least, CountParams),
    "latest_declaration_standard": (by_latest_declaration_standard, StandardParams),
    "share_declared": (by_share_declared, ShareParams),
}
KINDS = {"per": SUBJECTS, "due": DUES, "discharged_by": DISCHARGES}


def split(op: Any) -> tuple[str, dict]:
    if isinstance(op, str):
        return op, {}
    ((name, params),) = op.items()
    return name, params or {}


def resolve(kind: str, op: Any):
    name, params = split(op)
    fn, model = KINDS[kind][name]
    return fn, model.model_validate(params)


def check_rule(rule, path: str) -> list[Problem]:
    """Every operator a rule names exists and its parameters are valid."""
    problems = []
    for kind, registry in KINDS.items():
        op = getattr(rule, kind)
        where = f"rules[{rule.id}].{kind}"
        if isinstance(op, dict) and len(op) != 1:
            problems.append(Problem(path, None, None, where, "give exactly one operator"))
            continue
        name, params = split(op)
        if name not in registry:
            import difflib

            close = difflib.get_close_matches(name, registry, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            problems.append(
                Problem(
                    path, None, None, where, f"unknown operator '{name}'{hint} (known: {', '.join(sorted(registry))})"
                )
            )
            continue
        try:
            registry[name][1].model_validate(params)
        except ValidationError as e:
            for err in e.errors():
                loc = ".".join(str(x) for x in err["loc"])
                problems.append(Problem(path, None, None, f"{where}.{name}.{loc}".rstrip("."), err["msg"]))
    known_sections = set(AgencyFacts.model_fields) - {"agency", "present_sections"}
    for section in rule.needs:
        if section not in known_sections:
            problems.append(
                Problem(
                    path,
                    None,
                    None,
                    f"rules[{rule.id}].needs",
                    f"unknown facts section '{section}' (known: {', '.join(sorted(known_sections))})",
                )
            )
    return problems
