"""Property tests for LegalCalendar.add_months against an oracle built straight from the
`holidays` package and the standard library's calendar."""

from __future__ import annotations

import calendar as stdlib_calendar
import re
from datetime import date, timedelta

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.calendar import default_calendar, render_trace

CAL = default_calendar()
# Events up to 2033 with periods up to 24 months keep every due date within 2014–2035.
EVENTS = st.dates(min_value=date(2014, 1, 1), max_value=date(2033, 12, 31))
MONTHS = st.integers(min_value=1, max_value=24)
PACKAGE = holidays.country_holidays("VN", years=range(2013, 2038))
FAST = settings(max_examples=300, deadline=None)


def naive_due(event: date, months: int) -> date:
    """Same day-number N months later, or that month's last day (BLDS Art. 148.3)."""
    y, m = divmod(event.year * 12 + event.month - 1 + months, 12)
    m += 1
    return date(y, m, min(event.day, stdlib_calendar.monthrange(y, m)[1]))


@FAST
@given(EVENTS, MONTHS)
def test_due_is_a_working_day(event, months):
    due = CAL.add_months(event, months).due
    assert CAL.is_working_day(due)
    assert due not in PACKAGE
    if due.weekday() >= 5:  # only a make-up Saturday/Sunday the Government announced
        assert due in PACKAGE.weekend_workdays


@FAST
@given(EVENTS, MONTHS)
def test_due_is_the_first_working_day_from_the_naive_date(event, months):
    naive = naive_due(event, months)
    due = CAL.add_months(event, months).due
    assert naive <= due <= naive + timedelta(days=15)
    day = naive
    while day < due:
        assert not CAL.is_working_day(day)
        day += timedelta(days=1)


@FAST
@given(st.integers(2014, 2033), st.sampled_from([1, 3, 5, 7, 8, 10, 12]), MONTHS)
def test_the_31st_clamps_to_the_month_end(year, month, months):
    event = date(year, month, 31)
    deadline = CAL.add_months(event, months)
    y, m = divmod(year * 12 + month - 1 + months, 12)
    m += 1
    clamped = date(y, m, min(31, stdlib_calendar.monthrange(y, m)[1]))
    assert deadline.steps[0].result == clamped
    assert deadline.due == CAL.next_working_day(clamped)
    assert any(s.code == "clamp_month_end" for s in deadline.steps) is (clamped.day < 31)


@FAST
@given(EVENTS, EVENTS, MONTHS)
def test_add_months_is_monotone(a, b, months):
    first, second = sorted((a, b))
    assert CAL.add_months(first, months).due <= CAL.add_months(second, months).due


@FAST
@given(EVENTS, MONTHS)
def test_trace_ends_at_the_due_date(event, months):
    deadline = CAL.add_months(event, months)
    assert deadline.steps[-1].result == deadline.due
    # Each step starts where the previous one ended.
    for before, after in zip(deadline.steps, deadline.steps[1:]):
        if after.code == "non_working":
            assert after.get("day") == before.result
    for lang in ("vi", "en"):
        lines = render_trace(deadline.steps, lang)
        assert lines and all(isinstance(line, str) and line for line in lines)
        assert re.findall(r"\d{2}/\d{2}/\d{4}", lines[-1])[-1] == f"{deadline.due:%d/%m/%Y}"
        assert render_trace(deadline.steps, lang) == lines


@FAST
@given(EVENTS, st.booleans())
def test_before_day_never_moves(day, inclusive):
    due = CAL.before_day(day, inclusive=inclusive).due
    assert due == (day if inclusive else day - timedelta(days=1))
