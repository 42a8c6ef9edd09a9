"""The operators the local rules use (engine/operators.py), one by one, on their boundaries; and the
promise that a province's next plan needs only a rules file, no Python."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from engine import operators as op
from engine.calendar import default_calendar
from engine.evaluate import Evaluator
from engine.facts import AgencyFacts
from engine.periods import month_period, year_period
from engine.portfolio import Member
from engine.rulebook import RULES_DIR, load_rulebook

D = dt.date
CAL = default_calendar()


def facts(**sections) -> AgencyFacts:
    agency = {"id": "thu", "name": "Sở thử", "level": "department", "province": "Thừa Thiên Huế"}
    return AgencyFacts.model_validate({"agency": agency, **sections})


def ctx(
    f: AgencyFacts | None = None,
    as_of: D = D(2022, 10, 28),
    valid_from: D | None = None,
    valid_to: D | None = None,
    members=None,
) -> op.Context:
    return op.Context(f or facts(), as_of, CAL, valid_from, valid_to, None, members=members)


def decl(day: D, standard: str = "TCVN ISO 9001:2015") -> dict:
    return {"date": day, "standard": standard}


# ---------------------------------------------------------------- per: month, with the rule's dates


def test_months_run_from_the_rule_start_to_the_month_of_as_of():
    c = ctx(as_of=D(2022, 10, 28), valid_from=D(2022, 2, 10), valid_to=D(2022, 12, 31))
    assert [s.label for s in op.per_month(c, op.PeriodParams())] == [f"2022-{m:02d}" for m in range(2, 11)]


def test_months_stop_at_the_rule_end():
    c = ctx(as_of=D(2023, 1, 15), valid_from=D(2022, 2, 10), valid_to=D(2022, 12, 31))
    assert op.per_month(c, op.PeriodParams())[-1].label == "2022-12"


def test_quarters_start_with_the_quarter_of_the_rule_start():
    c = ctx(as_of=D(2025, 10, 1), valid_from=D(2021, 7, 16), valid_to=D(2025, 6, 30))
    labels = [s.label for s in op.per_quarter(c, op.PeriodParams())]
    assert labels[0] == "2021-Q3" and labels[-1] == "2025-Q2" and len(labels) == 16


# ---------------------------------------------------------------- due: "trước ngày 22 hàng tháng"


@pytest.mark.parametrize("month, due", [(10, D(2022, 10, 21)), (8, D(2022, 8, 21))])
def test_before_the_22nd_is_the_21st_with_no_shift(month, due):
    subject = op.Subject(f"2022-{month:02d}", None, month_period(D(2022, month, 1)))
    shape, deadline, _ = op.due_day_of_month(ctx(), subject, op.DayOfMonthParams(before_day=22))
    assert shape == "deadline" and deadline.due == due  # 21/08/2022 is a Sunday: not moved


# ---------------------------------------------------------------- due: before the period's first record


def test_due_is_the_first_audit_of_the_year_else_its_last_day():
    year = op.Subject("2022", None, year_period(D(2022, 1, 1)))
    p = op.SectionParams(section="internal_audits")
    with_audits = facts(
        internal_audits=[{"date": D(2021, 11, 20)}, {"date": D(2022, 11, 20)}, {"date": D(2022, 10, 5)}]
    )
    assert op.due_first_record_else_period_end(ctx(with_audits), year, p)[1].due == D(2022, 10, 5)
    only_last_year = facts(internal_audits=[{"date": D(2021, 11, 20)}])
    assert op.due_first_record_else_period_end(ctx(only_last_year), year, p)[1].due == D(2022, 12, 31)


# ---------------------------------------------------------------- discharged: count_at_least


def procedures(*issued: tuple[str, D]) -> AgencyFacts:
    return facts(internal_procedures=[{"code": c, "issued": d} for c, d in issued])


def test_fifteen_procedures_are_done_on_the_fifteenth_issue():
    f = procedures(*[(f"QT-{i:02d}", D(2022, 1, i)) for i in range(1, 16)])
    done = op.by_count_at_least(
        ctx(f), op.Subject("2022"), D(2022, 12, 31), op.CountParams(section="internal_procedures", at_least=15)
    )
    assert done.date == D(2022, 1, 15)


def test_fourteen_procedures_are_not_enough():
    f = procedures(*[(f"QT-{i:02d}", D(2022, 1, i)) for i in range(1, 15)])
    assert (
        op.by_count_at_least(
            ctx(f), op.Subject("2022"), None, op.CountParams(section="internal_procedures", at_least=15)
        )
        is None
    )


def test_a_procedure_issued_again_counts_once_from_its_first_issue_when_distinct():
    issued = [(f"QT-{i:02d}", D(2022, 1, i)) for i in range(1, 15)] + [("QT-01", D(2022, 9, 1))]
    f = procedures(*issued)
    distinct = op.CountParams(section="internal_procedures", at_least=15, distinct="code")
    assert op.by_count_at_least(ctx(f), op.Subject("2022"), None, distinct) is None
    plain = op.CountParams(section="internal_procedures", at_least=15)
    assert op.by_count_at_least(ctx(f), op.Subject("2022"), None, plain).date == D(2022, 9, 1)
    f = procedures(*issued, ("QT-15", D(2022, 6, 1)))
    assert op.by_count_at_least(ctx(f), op.Subject("2022"), None, distinct).date == D(2022, 6, 1)


# ---------------------------------------------------------------- committee members who left


def committee(*members: dict, decisions=(D(2019, 3, 1),)) -> AgencyFacts:
    return facts(steering_committee={"decisions": list(decisions), "members": list(members)})


def member(name: str, until: D | None) -> dict:
    return {"name": name, "role": "member", "since": D(2019, 3, 1), "until": until}


def test_members_who_left_in_the_year_and_by_as_of():
    f = committee(
        member("A", D(2022, 6, 30)), member("B", D(2021, 11, 15)), member("C", D(2022, 12, 15)), member("D", None)
    )
    subjects = op.per_committee_member(ctx(f, as_of=D(2022, 10, 28)), op.MemberParams(until_in_year=2022))
    assert [s.label for s in subjects] == ["A"]  # C leaves after as_of: not yet
    later = op.per_committee_member(ctx(f, as_of=D(2023, 1, 5)), op.MemberParams(until_in_year=2022))
    assert [s.label for s in later] == ["A", "C"]


@pytest.mark.parametrize("decision, done", [(D(2022, 6, 30), D(2022, 6, 30)), (D(2022, 6, 29), None)])
def test_re_constitution_on_or_after_the_departure(decision, done):
    f = committee(member("A", D(2022, 6, 30)), decisions=(D(2019, 3, 1), decision))
    (s,) = op.per_committee_member(ctx(f), op.MemberParams(until_in_year=2022))
    got = op.by_committee_decision_after(ctx(f), s, None, op.FieldParams(field="until"))
    assert (got.date if got else None) == done


# ---------------------------------------------------------------- re-declaration after incorporation


def test_a_declaration_counts_only_on_or_after_the_incorporation():
    f = facts(
        qms={
            "standard": "TCVN ISO 9001:2015",
            "declarations": [decl(D(2019, 3, 15)), decl(D(2022, 8, 10)), decl(D(2022, 8, 20))],
        },
        legal_changes=[
            {"document": "NĐ", "effective": D(2022, 7, 1), "incorporated": D(2022, 8, 15)},
            {"document": "TT", "effective": D(2022, 7, 1)},
        ],
    )
    c = ctx(f)
    subjects = {s.label: s for s in op.per_legal_change(c, op.LegalChangeParams(effective_in_year=2022))}
    p = op.DeclarationParams(on_or_after_field="incorporated")
    assert op.by_declaration(c, subjects["NĐ"], None, p).date == D(2022, 8, 20)
    assert op.by_declaration(c, subjects["TT"], None, p) is None  # not incorporated yet


# ---------------------------------------------------------------- the standard of the latest declaration


@pytest.mark.parametrize(
    "declarations, done",
    [
        ([decl(D(2016, 5, 10), "TCVN ISO 9001:2008"), decl(D(2023, 12, 31))], D(2023, 12, 31)),
        ([decl(D(2016, 5, 10), "TCVN ISO 9001:2008"), decl(D(2024, 1, 1))], None),
        ([decl(D(2019, 5, 15)), decl(D(2023, 3, 1), "TCVN ISO 9001:2008")], None),
        ([decl(D(2019, 5, 15))], D(2019, 5, 15)),
    ],
)
def test_latest_declaration_by_the_due_date_decides(declarations, done):
    f = facts(qms={"standard": "TCVN ISO 9001:2015", "declarations": declarations})
    got = op.by_latest_declaration_standard(
        ctx(f, as_of=D(2024, 6, 1)),
        op.Subject("2023"),
        D(2023, 12, 31),
        op.StandardParams(standard="TCVN ISO 9001:2015"),
    )
    assert (got.date if got else None) == done


# ---------------------------------------------------------------- a portfolio's share


def members(declared: list[D | None]) -> list[Member]:
    return [Member(f"x-{i}", f"Xã {i}", "commune", "Lạng Sơn", "Cao Lộc", d) for i, d in enumerate(declared)]


@pytest.mark.parametrize(
    "n, k, passes", [(10, 7, False), (10, 8, True), (100, 70, False), (100, 71, True), (3, 3, True), (1, 0, False)]
)
def test_over_70_percent_means_strictly_over(n, k, passes):
    c = ctx(members=members([D(2019, 6, 15)] * k + [None] * (n - k)))
    got = op.by_share_declared(c, op.Subject("2020"), D(2020, 12, 31), op.ShareParams(over_percent=70))
    assert (got is not None) == passes


def test_the_share_is_done_on_the_day_it_first_goes_over():
    declared = [D(2019, 6, 15)] * 7 + [D(2021, 1, 1), D(2020, 12, 31)] + [None]
    got = op.by_share_declared(
        ctx(members=members(declared)), op.Subject("2020"), D(2020, 12, 31), op.ShareParams(over_percent=70)
    )
    assert got.date == D(2020, 12, 31)


def test_an_empty_denominator_is_never_a_pass():
    assert op.by_share_declared(ctx(members=[]), op.Subject("2020"), None, op.ShareParams(over_percent=70)) is None


# ---------------------------------------------------------------- who is bound by a plan for one year


def test_an_agency_first_declaring_after_a_plan_ended_is_not_bound_by_it():
    ev = Evaluator(load_rulebook())
    f = facts(
        qms={"standard": "TCVN ISO 9001:2015", "declarations": [decl(D(2023, 3, 1))]},
        quality_objectives=[],
        internal_procedures=[],
    )
    found = {x.rule: x for x in ev.evaluate(f, D(2023, 6, 1)).findings}
    assert found["TTH-OBJECTIVES"].status == "not_applicable"
    assert found["TTH-INTERNAL-15"].status == "not_applicable"
    assert "01/03/2023" in found["TTH-OBJECTIVES"].message


# ---------------------------------------------------------------- next year's plan is data only


def test_next_years_plan_of_a_province_needs_only_a_rules_file(tmp_path: Path):
    """Kế hoạch 2023 of the same province, written as the 2022 file with new ids, years and dates:
    the rulebook loads it and the engine evaluates it with no new code."""
    text = (RULES_DIR / "tth_kh52_2022.yaml").read_text(encoding="utf-8")
    text = (
        text.replace("id: TTH\n", "id: TTHB\n")
        .replace("- id: TTH-", "- id: TTHB-")
        .replace("2022-02-10", "2023-02-15")
        .replace("2022-12-31", "2023-12-31")
        .replace("effective_in_year: 2022", "effective_in_year: 2023")
        .replace("until_in_year: 2022", "until_in_year: 2023")
    )
    (tmp_path / "tth_kh_2023.yaml").write_text(text, encoding="utf-8")
    for name in ("qd19_2014.yaml", "tt26_2014.yaml", "bkhcn_419_2018.yaml"):
        (tmp_path / name).write_text((RULES_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    ev = Evaluator(load_rulebook(tmp_path))
    district = AgencyFacts.model_validate(
        {
            "agency": {
                "id": "h",
                "name": "UBND huyện Phú Vang",
                "level": "district",
                "province": "Thừa Thiên Huế",
                "district": "Phú Vang",
            },
            "reports": [
                {"kind": "monthly", "period": "2023-03", "submitted": D(2023, 3, 21)},
                {"kind": "monthly", "period": "2023-04", "submitted": D(2023, 4, 22)},
            ],
        }
    )
    found = {(x.rule, x.subject): x for x in ev.evaluate(district, D(2023, 4, 30)).findings}
    assert found["TTHB-MONTHLY-REPORT", "2023-02"].due == D(2023, 2, 21)
    assert found["TTHB-MONTHLY-REPORT", "2023-03"].status == "compliant"
    assert found["TTHB-MONTHLY-REPORT", "2023-04"].status == "violation"
    assert ("TTHB-MONTHLY-REPORT", "2023-01") not in found
