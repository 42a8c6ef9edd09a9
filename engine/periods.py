"""Reporting periods (years, quarters, months) and their labels as subjects: `2022`, `2022-Q3`, `2022-10`."""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Period:
    start: dt.date
    end: dt.date
    label: str

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def year_period(day: dt.date) -> Period:
    return Period(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), f"{day.year}")


def quarter_period(day: dt.date) -> Period:
    q = (day.month - 1) // 3 + 1
    last_month = 3 * q
    end = dt.date(day.year, last_month, _cal.monthrange(day.year, last_month)[1])
    return Period(dt.date(day.year, last_month - 2, 1), end, f"{day.year}-Q{q}")


def month_period(day: dt.date) -> Period:
    end = dt.date(day.year, day.month, _cal.monthrange(day.year, day.month)[1])
    return Period(dt.date(day.year, day.month, 1), end, f"{day.year}-{day.month:02d}")
