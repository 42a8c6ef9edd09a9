"""The legal calendar: turn a time limit written in a legal text into a due date, with a trace.

Periods in months follow the Civil Code 2015 (Bộ luật Dân sự, BLDS) Art. 147–148: the day of
the event is not counted, the period ends on the corresponding day of the last month (or that
month's last day), and moves to the next working day when it ends on a weekend or a public
holiday. Fixed dates ("trước ngày D", year, quarter and month ends) never move. Every result
carries language-neutral `TraceStep`s; `render_trace` turns them into sentences a person can check.

Public holidays come from the pinned `holidays` package (Vietnam: Labor Code 2019 Art. 112,
observed days, and the Government's yearly swaps) plus `data/non_working_days.yaml`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any

import holidays
import yaml

from engine.forksafe import ForkSafeLock

DATA_FILE = Path(__file__).resolve().parent / "data" / "non_working_days.yaml"

_WEEKEND = {5: ("Thứ Bảy", "Saturday"), 6: ("Chủ nhật", "Sunday")}

# A run of non-working days is never this long; hitting it means the data marks everything as off.
_MAX_SHIFT_DAYS = 60


class CalendarDataError(ValueError):
    """The non-working-days data file (or data handed to the calendar) is malformed."""


@dataclass(frozen=True)
class TraceStep:
    """One step of how a due date was computed; `result` is the date reached after the step."""

    code: str
    params: tuple[tuple[str, object], ...]

    def get(self, name: str, default: object = None) -> object:
        for key, value in self.params:
            if key == name:
                return value
        return default

    @property
    def result(self) -> date | None:
        value = self.get("result")
        return value if isinstance(value, date) else None


@dataclass(frozen=True)
class Basis:
    """What a date computed without counting rests on, as the trace names it: a clause of the rule's
    sources (`ref` = the clause ids), the rule's interpretation or one of its parameters (`ref` = the
    rule id), or a fact of the agency (`ref` empty). `vi`/`en` say it in a few words."""

    kind: str  # clause | interpretation | parameter | fact
    ref: str = ""
    vi: str = ""
    en: str = ""

    def words(self, lang: str) -> str:
        """ "theo TTH/3.c", "theo cách hiểu của quy tắc TTH-OBJECTIVES", "ngày công bố lần đầu của cơ quan"."""
        text = self.en if lang == "en" else self.vi
        if self.kind == "clause":
            return (f"under {self.ref}" if lang == "en" else f"theo {self.ref}") + (f": {text}" if text else "")
        if self.kind == "interpretation":
            head = (
                f"the interpretation of rule {self.ref}" if lang == "en" else f"theo cách hiểu của quy tắc {self.ref}"
            )
            return head + (f": {text}" if text else "")
        if self.kind == "parameter":
            return (
                f"parameter “{text}” of rule {self.ref}"
                if lang == "en"
                else f"theo tham số “{text}” của quy tắc {self.ref}"
            )
        return text


@dataclass(frozen=True)
class Deadline:
    due: date
    steps: tuple[TraceStep, ...]


def _step(code: str, **params: object) -> TraceStep:
    return TraceStep(code, tuple(sorted(params.items())))


def _based(basis: Basis | None) -> dict[str, object]:
    return {"basis": basis} if basis is not None else {}


def _day_step(code: str, day: date, info: DayInfo, result: date) -> TraceStep:
    # The decision is named only where the data file gives one; the package's days cite the law.
    source = info.source if info.from_data else ""
    return _step(
        code, day=day, kind=info.kind, reason_vi=info.name_vi, reason_en=info.name_en, source=source, result=result
    )


def _check_date(value: object, name: str) -> date:
    # datetime is a date subclass; a time of day has no meaning for these limits (BLDS Art. 148.6).
    if not isinstance(value, date) or isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime.date, got {value!r}")
    return value


def _month_length(year: int, month: int) -> int:
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return (first_of_next - timedelta(days=1)).day


def _fmt(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


# --- public holidays from the `holidays` package ------------------------------------------------


@dataclass(frozen=True)
class DayInfo:
    """Why a day is not a working day for state agencies (or, kind `make_up`, why a weekend day is one).

    kind: `weekend` (ngày nghỉ hằng tuần), `holiday` (ngày lễ), `tet` (ngày nghỉ Tết Nguyên đán),
    `observed` (ngày nghỉ bù: a holiday on a weekly rest day, BLLĐ Art. 111.3), `swapped` (ngày nghỉ
    hoán đổi: a working day moved to a Saturday), `other` (any other day off the data file lists),
    `make_up` (ngày làm bù: the Saturday worked instead). `source` names the text that decided it."""

    kind: str
    name_vi: str
    name_en: str
    source: str
    from_data: bool = False  # the data file names the decision: traces cite it


KINDS = ("weekend", "holiday", "tet", "observed", "swapped", "other", "make_up")
KIND_WORDS = {
    "weekend": ("ngày nghỉ hằng tuần", "weekly rest day"),
    "holiday": ("ngày lễ", "public holiday"),
    "tet": ("ngày nghỉ Tết Nguyên đán", "Lunar New Year (Tết) holiday"),
    "observed": ("ngày nghỉ bù", "day off in lieu"),
    "swapped": ("ngày nghỉ hoán đổi", "swapped day off"),
    "other": ("ngày nghỉ", "non-working day"),
    "make_up": ("ngày làm bù", "make-up working day"),
}
# Where each kind of day comes from when the data file names no decision of its own.
WEEKEND_SOURCE = "Quyết định 188/1999/QĐ-TTg (tuần làm việc 40 giờ: cơ quan hành chính nhà nước nghỉ Thứ Bảy, Chủ nhật)"
PACKAGE = f"gói holidays {holidays.__version__}"


def default_source(kind: str, year: int) -> str:
    """The law behind a kind of day in a given year (the Labour Code of 2012 until 31/12/2020, of 2019
    after), and the package that places it, for days the data file names no decision for."""
    code = "Bộ luật Lao động 2019 Điều 112" if year >= 2021 else "Bộ luật Lao động 2012 Điều 115"
    if kind == "holiday":
        return f"{code}; {PACKAGE}"
    if kind == "tet":
        return f"{code} (Tết Âm lịch 05 ngày, ngày cụ thể theo thông báo hằng năm); {PACKAGE}"
    if kind == "observed":
        lieu = "Bộ luật Lao động 2019 Điều 111.3" if year >= 2021 else "Bộ luật Lao động 2012 Điều 115"
        return f"{lieu} (nghỉ bù ngày lễ trùng ngày nghỉ hằng tuần); {PACKAGE}"
    if kind in ("swapped", "make_up"):
        return f"hoán đổi ngày làm việc theo thông báo hằng năm của Chính phủ cho cơ quan nhà nước; {PACKAGE}"
    if kind == "weekend":
        return WEEKEND_SOURCE
    return ""


_STEMS = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
_BRANCHES = ("Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi")
_ORDINAL_EN = {1: "1st", 2: "2nd", 3: "3rd"}


def lunar_year_name(year: int) -> str:
    """The sexagenary name of the lunar year that begins in `year` (2025 → Ất Tỵ)."""
    return f"{_STEMS[(year - 4) % 10]} {_BRANCHES[(year - 4) % 12]}"


@dataclass(frozen=True)
class _PackageYear:
    days: Mapping[date, DayInfo]  # the package's non-working days of the year, with their kind
    make_up: Mapping[date, date]  # worked weekend day -> the day off it pays for (any year)


_US_DATE = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")
_VN_DATE = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")


def _package_day(day: date, vi: str, en: str, new_year: date | None) -> DayInfo:
    """The package's holiday named for what it is. Tết days are named by their place in the lunar
    calendar as the Government's notices write them (mùng 2 tháng Giêng năm Ất Tỵ); the day before
    the Eve has no number here, since whether it is the 28th or the 29th of the twelfth month depends
    on that month's length (the package calls it "29 Tết", wrong in 2025: see the data file)."""
    if vi.startswith("Ngày nghỉ (thay cho ngày"):
        worked = _VN_DATE.search(vi)
        shown = worked.group(0) if worked else "?"
        return DayInfo(
            "swapped",
            f"làm bù vào Thứ Bảy {shown}",
            f"worked instead on Saturday {shown}",
            default_source("swapped", day.year),
        )
    if vi.endswith("(nghỉ bù)"):
        base_vi = vi.removesuffix("(nghỉ bù)").strip()
        base_en = en.removesuffix("(observed)").strip()
        return DayInfo(
            "observed",
            f"{_tidy_vi(base_vi)} trùng ngày nghỉ hằng tuần",
            f"{base_en} fell on a weekly rest day",
            default_source("observed", day.year),
        )
    if new_year is not None and ("Tết Nguyên Đán" in vi or vi == "29 Tết"):
        offset = (day - new_year).days
        if offset >= 0:
            n = offset + 1
            year = lunar_year_name(new_year.year)
            return DayInfo(
                "tet",
                f"mùng {n} tháng Giêng năm {year}",
                f"{_ORDINAL_EN.get(n, f'{n}th')} day of the first lunar month ({year})",
                default_source("tet", day.year),
            )
        year = lunar_year_name(new_year.year - 1)
        if offset == -1:
            return DayInfo(
                "tet",
                f"Giao thừa, ngày cuối tháng Chạp năm {year}",
                f"Lunar New Year's Eve, last day of the twelfth month ({year})",
                default_source("tet", day.year),
            )
        return DayInfo(
            "tet",
            f"ngày liền trước Giao thừa, tháng Chạp năm {year}",
            f"the day before Lunar New Year's Eve ({year})",
            default_source("tet", day.year),
        )
    return DayInfo("holiday", _tidy_vi(vi), en, default_source("holiday", day.year))


def _tidy_vi(name: str) -> str:
    # Legal texts write "Tết Nguyên đán"; the package capitalises "Đán".
    return name.replace("Nguyên Đán", "Nguyên đán")


def _tidy_en(name: str) -> str:
    # en_US labels write swapped dates as MM/DD/YYYY; every date we show is DD/MM/YYYY.
    return _US_DATE.sub(lambda m: f"{m.group(2)}/{m.group(1)}/{m.group(3)}", name)


_package_cache: dict[int, _PackageYear] = {}
_package_lock = ForkSafeLock()


def _package_year(year: int) -> _PackageYear:
    cached = _package_cache.get(year)
    if cached is not None:
        return cached
    with _package_lock:
        cached = _package_cache.get(year)
        if cached is None:
            vi = holidays.country_holidays("VN", years=year, language="vi")
            en = holidays.country_holidays("VN", years=year, language="en_US")
            new_year = next((d for d in sorted(vi) if vi[d] == "Tết Nguyên Đán"), None)
            days = {
                d: _package_day(d, vi[d], _tidy_en(en.get(d, vi[d])), new_year) for d in sorted(vi) if d.year == year
            }
            make_up: dict[date, date] = {}
            for d, info in days.items():
                if info.kind == "swapped":
                    worked = _VN_DATE.search(info.name_vi)
                    if worked:
                        make_up[date(int(worked.group(3)), int(worked.group(2)), int(worked.group(1)))] = d
            for worked_day in vi.weekend_workdays:
                make_up.setdefault(worked_day, worked_day)
            cached = _PackageYear(MappingProxyType(days), MappingProxyType(make_up))
            _package_cache[year] = cached
    return cached


def _package_make_up(d: date) -> date | None:
    """The day off a worked weekend day pays for, if the package knows it as a make-up day.
    A swap is filed under the year of the day off, which may differ from the worked day's year
    (e.g. 02/01/2015 off, worked on 27/12/2014), so look at the neighbouring years too."""
    for y in (d.year - 1, d.year, d.year + 1):
        found = _package_year(y).make_up.get(d)
        if found is not None:
            return found
    return None


# --- the calendar -------------------------------------------------------------------------------


class LegalCalendar:
    """Working days for Vietnamese state agencies and the due-date rules built on them.

    `extra_non_working`: day -> (name_vi, name_en) or a `DayInfo`: days off the package lacks, or
    package days the data file names with their decision (BLLĐ Art. 112.3).
    `extra_working`: make-up working days (ngày làm bù) on a weekend, as dates or day -> `DayInfo`, on
    top of those the package knows from the Government's swaps; `package_make_up_days=False` ignores
    the package's ones. An explicit entry wins over the package: an extra working day is working
    even on a holiday.
    """

    def __init__(
        self,
        extra_non_working: Mapping[date, tuple[str, str] | DayInfo] = MappingProxyType({}),
        extra_working: Iterable[date] | Mapping[date, DayInfo] = (),
        *,
        package_make_up_days: bool = True,
    ) -> None:
        non_working: dict[date, DayInfo] = {}
        for day, names in dict(extra_non_working).items():
            _check_date(day, "extra non-working day")
            if isinstance(names, DayInfo):
                non_working[day] = names
                continue
            if (
                not isinstance(names, tuple)
                or len(names) != 2
                or not all(isinstance(n, str) and n.strip() for n in names)
            ):
                raise CalendarDataError(
                    f"extra non-working day {_fmt(day)}: expected (name_vi, name_en), got {names!r}"
                )
            non_working[day] = DayInfo("other", names[0].strip(), names[1].strip(), "", True)
        if isinstance(extra_working, Mapping):
            working = {_check_date(d, "extra working day"): info for d, info in extra_working.items()}
        else:
            working = {
                _check_date(d, "extra working day"): DayInfo("make_up", "ngày làm bù", "make-up working day", "", True)
                for d in extra_working
            }
        both = sorted(working.keys() & non_working.keys())
        if both:
            raise CalendarDataError(
                "both an extra working and an extra non-working day: " + ", ".join(_fmt(d) for d in both)
            )
        self._extra_non_working: Mapping[date, DayInfo] = MappingProxyType(non_working)
        self._extra_working: Mapping[date, DayInfo] = MappingProxyType(working)
        self._package_make_up_days = package_make_up_days

    @classmethod
    def from_data(cls, data: object, origin: str = "<data>") -> LegalCalendar:
        non_working, working = parse_calendar_data(data, origin)
        return cls(non_working, working)

    def _classify(self, d: date) -> DayInfo | None:
        """Why `d` is not a working day, or None for a working day."""
        if d in self._extra_working:
            return None
        extra = self._extra_non_working.get(d)
        if extra is not None:
            return extra
        holiday = _package_year(d.year).days.get(d)
        if holiday is not None:
            return holiday
        weekend = _WEEKEND.get(d.weekday())
        if weekend is None:
            return None
        if self._package_make_up_days and _package_make_up(d) is not None:
            return None
        return DayInfo("weekend", *weekend, WEEKEND_SOURCE)

    def make_up_day(self, d: date) -> DayInfo | None:
        """Why a Saturday or Sunday is a working day (ngày làm bù), or None."""
        _check_date(d, "day")
        if d.weekday() < 5:
            return None
        extra = self._extra_working.get(d)
        if extra is not None:
            return extra
        if not self._package_make_up_days or d in self._extra_non_working:
            return None
        off = _package_make_up(d)
        if off is None:
            return None
        day_name = _WEEKEND[d.weekday()]
        if off == d:  # the package knows the day is worked, not for which day off
            return DayInfo(
                "make_up", f"{day_name[0]} làm bù", f"{day_name[1]} worked", default_source("make_up", d.year)
            )
        return DayInfo(
            "make_up",
            f"{day_name[0]} làm bù cho ngày nghỉ {_fmt(off)}",
            f"{day_name[1]} worked instead of {_fmt(off)}",
            default_source("make_up", d.year),
        )

    def day_info(self, d: date) -> DayInfo | None:
        """What kind of day `d` is for state agencies, when it is anything but an ordinary working day."""
        _check_date(d, "day")
        return self._classify(d) or self.make_up_day(d)

    def non_working_reason(self, d: date) -> tuple[str, str] | None:
        reason = self._classify(_check_date(d, "day"))
        return None if reason is None else (reason.name_vi, reason.name_en)

    def is_working_day(self, d: date) -> bool:
        return self._classify(_check_date(d, "day")) is None

    def next_working_day(self, d: date) -> date:
        return self._roll_forward(_check_date(d, "day"))[0]

    def special_days(self, year: int) -> list[tuple[date, DayInfo]]:
        """Every day of `year` that is not an ordinary day for state agencies: holidays, Tết, days off
        in lieu, swapped days off and make-up working days (weekends that are simply weekends left out)."""
        out = []
        day, end = date(year, 1, 1), date(year, 12, 31)
        while day <= end:
            info = self.day_info(day)
            if info is not None and info.kind != "weekend":
                out.append((day, info))
            day += timedelta(days=1)
        return out

    def known_until(self) -> int:
        """The last year for which a Government decision on days off is known (the data file's or the
        package's swaps): later years have only the Labour Code's fixed holidays."""
        years = [d.year for d in (*self._extra_non_working, *self._extra_working)]
        try:  # the pinned package's table of decided swaps, by year
            from holidays.countries.vietnam import VietnamStaticHolidays

            years += list(VietnamStaticHolidays.special_public_holidays)
        except (ImportError, AttributeError):
            pass  # a holidays release without that table: the project's own data alone says how far we know
        return max(years, default=0)

    def _roll_forward(self, d: date) -> tuple[date, list[TraceStep]]:
        # BLDS Art. 148.5: a period ending on a weekend or holiday ends on the next working day;
        # one step per day skipped so every skipped day can be checked.
        steps: list[TraceStep] = []
        current = d
        while (reason := self._classify(current)) is not None:
            if len(steps) >= _MAX_SHIFT_DAYS:
                raise CalendarDataError(f"no working day within {_MAX_SHIFT_DAYS} days after {_fmt(d)}")
            nxt = current + timedelta(days=1)
            steps.append(_day_step("non_working", current, reason, result=nxt))
            current = nxt
        return current, steps

    def add_months(self, event: date, months: int) -> Deadline:
        """Due date of a period of `months` months after the event (BLDS Art. 147.3, 148.3, 148.5)."""
        # A Deadline is immutable and depends on (event, months) and this calendar only; a national
        # portfolio asks for the same legal changes' deadlines thousands of times.
        cache = self.__dict__.setdefault("_add_months_cache", {})
        found = cache.get((event, months)) if type(event) is date and type(months) is int else None
        if found is None:
            found = self._add_months(event, months)
            if len(cache) < 100_000:
                cache[(event, months)] = found
        return found

    def _add_months(self, event: date, months: int) -> Deadline:
        _check_date(event, "event")
        if isinstance(months, bool) or not isinstance(months, int) or months < 1:
            raise ValueError(f"months must be a positive whole number, got {months!r}")
        # Art. 147.3: the event day is not counted, so the period ends on the same day-number
        # N months later; Art. 148.3: or on that month's last day when the day does not exist.
        year, month0 = divmod(event.year * 12 + event.month - 1 + months, 12)
        month = month0 + 1
        last = _month_length(year, month)
        reached = date(year, month, min(event.day, last))
        steps = [_step("add_months", event=event, months=months, result=reached)]
        if event.day > last:
            steps.append(_step("clamp_month_end", day=event.day, month=month, year=year, result=reached))
        due, shift = self._roll_forward(reached)
        kept = self.make_up_day(reached) if not shift else None
        if kept is not None:  # a worked Saturday is a working day: the period ends on it (BLDS Art. 148.5 a contrario)
            shift = [_day_step("make_up_day", reached, kept, result=reached)]
        return Deadline(due, tuple(steps + shift))

    def before_day(self, day: date, inclusive: bool = False, basis: Basis | None = None) -> Deadline:
        """ "trước ngày D": a fixed date, so the last day on time is D − 1 and never moves."""
        _check_date(day, "day")
        due = day if inclusive else day - timedelta(days=1)
        return Deadline(due, (_step("before_day", day=day, inclusive=bool(inclusive), result=due, **_based(basis)),))

    def year_end(self, year: int, basis: Basis | None = None) -> Deadline:
        """ "At least once a year": due by the end of the calendar year (BLDS Art. 145.2)."""
        due = date(year, 12, 31)
        return Deadline(due, (_step("year_end", year=year, result=due, **_based(basis)),))

    def quarter_end(self, year: int, quarter: int, basis: Basis | None = None) -> Deadline:
        """Every quarter, no day given: due on the quarter's last day."""
        if quarter not in (1, 2, 3, 4):
            raise ValueError(f"quarter must be 1–4, got {quarter!r}")
        month = quarter * 3
        due = date(year, month, _month_length(year, month))
        return Deadline(due, (_step("quarter_end", quarter=quarter, year=year, result=due, **_based(basis)),))

    def month_end(self, year: int, month: int) -> Deadline:
        """Every month, no day given: due on the month's last day (BLDS Art. 146.2c)."""
        if not 1 <= month <= 12:
            raise ValueError(f"month must be 1–12, got {month!r}")
        due = date(year, month, _month_length(year, month))
        return Deadline(due, (_step("month_end", month=month, year=year, result=due),))

    def day_of_month(self, year: int, month: int, day: int) -> Deadline:
        """The given day of a month (e.g. report by the 21st), its last day if the month is shorter."""
        if not 1 <= month <= 12:
            raise ValueError(f"month must be 1–12, got {month!r}")
        if not 1 <= day <= 31:
            raise ValueError(f"day must be 1–31, got {day!r}")
        last = _month_length(year, month)
        due = date(year, month, min(day, last))
        steps = [_step("day_of_month", day=day, month=month, year=year, result=due)]
        if day > last:
            steps.append(_step("clamp_month_end", day=day, month=month, year=year, result=due))
        return Deadline(due, tuple(steps))

    def add_days(self, day: date, days: int) -> Deadline:
        """Due `days` days after `day` (BLDS Art. 147.2: `day` itself is not counted; Art. 148.1, 148.5: a
        period ending on a non-working day ends on the next working day)."""
        _check_date(day, "day")
        if isinstance(days, bool) or not isinstance(days, int) or days < 1:
            raise ValueError(f"days must be a positive whole number, got {days!r}")
        reached = day + timedelta(days=days)
        due, shift = self._roll_forward(reached)
        return Deadline(due, (_step("add_days", day=day, days=days, result=reached), *shift))

    def fixed(self, day: date, basis: Basis | None = None) -> Deadline:
        """A date written in the source text (e.g. 31/12/2017): due that day, as written."""
        _check_date(day, "day")
        return Deadline(day, (_step("fixed", result=day, **_based(basis)),))


# --- the data file ------------------------------------------------------------------------------

_ENTRY_KEYS = ("date", "name_vi", "name_en", "source")
_OPTIONAL_KEYS = ("kind",)
_TOP_KEYS = ("non_working_days", "working_days")
_DATA_KINDS = ("tet", "holiday", "observed", "swapped", "other")


def _entry_date(value: object, where: str) -> date:
    if isinstance(value, datetime):
        raise CalendarDataError(f"{where}: 'date' must be a date without a time, got {value!r}")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass  # reported below, with the place in the data file
    raise CalendarDataError(f"{where}: 'date' must be a date written YYYY-MM-DD, got {value!r}")


def _entries(data: Mapping[str, Any], key: str, origin: str) -> list[tuple[date, DayInfo]]:
    raw = data.get(key)
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise CalendarDataError(f"{origin}: '{key}' must be a list of entries, got {raw!r}")
    out: list[tuple[date, DayInfo]] = []
    for i, entry in enumerate(raw):
        where = f"{origin}: {key}[{i}]"
        if not isinstance(entry, dict):
            raise CalendarDataError(f"{where}: expected a mapping with keys {list(_ENTRY_KEYS)}")
        missing = [k for k in _ENTRY_KEYS if k not in entry]
        allowed = _ENTRY_KEYS + (_OPTIONAL_KEYS if key == "non_working_days" else ())
        unknown = sorted(str(k) for k in entry if k not in allowed)
        if missing or unknown:
            raise CalendarDataError(
                f"{where}: missing key(s) {missing}, unknown key(s) {unknown}; expected exactly {list(_ENTRY_KEYS)}"
                + (f" and optionally {list(_OPTIONAL_KEYS)}" if key == "non_working_days" else "")
            )
        day = _entry_date(entry["date"], where)
        for text_key in ("name_vi", "name_en", "source"):
            text = entry[text_key]
            if not isinstance(text, str) or not text.strip():
                raise CalendarDataError(f"{where} ({day.isoformat()}): '{text_key}' must be non-empty text")
        kind = entry.get("kind", "other") if key == "non_working_days" else "make_up"
        if key == "non_working_days" and kind not in _DATA_KINDS:
            raise CalendarDataError(f"{where} ({day.isoformat()}): 'kind' must be one of {list(_DATA_KINDS)}")
        info = DayInfo(
            kind, entry["name_vi"].strip(), entry["name_en"].strip(), " ".join(entry["source"].split()), True
        )
        out.append((day, info))
    return out


def parse_calendar_data(data: object, origin: str = "<data>") -> tuple[dict[date, DayInfo], dict[date, DayInfo]]:
    """Validate the loaded YAML; return (extra non-working days, extra working days)."""
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise CalendarDataError(f"{origin}: expected a mapping with keys {list(_TOP_KEYS)}")
    unknown = sorted(str(k) for k in data if k not in _TOP_KEYS)
    if unknown:
        raise CalendarDataError(f"{origin}: unknown key(s) {unknown}; allowed: {list(_TOP_KEYS)}")
    non_working: dict[date, DayInfo] = {}
    for day, info in _entries(data, "non_working_days", origin):
        if day in non_working:
            raise CalendarDataError(f"{origin}: non_working_days lists {day.isoformat()} twice")
        non_working[day] = info
    working: dict[date, DayInfo] = {}
    for day, info in _entries(data, "working_days", origin):
        if day in working:
            raise CalendarDataError(f"{origin}: working_days lists {day.isoformat()} twice")
        # Weekdays are working days already; only a worked Saturday or Sunday needs saying.
        if day.weekday() < 5:
            raise CalendarDataError(f"{origin}: working_days {day.isoformat()} is not a Saturday or Sunday")
        if day in non_working:
            raise CalendarDataError(f"{origin}: {day.isoformat()} is in both non_working_days and working_days")
        working[day] = info
    return non_working, working


def load_calendar(path: str | Path) -> LegalCalendar:
    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        try:
            data = yaml.safe_load(fh)
        except yaml.YAMLError as exc:
            raise CalendarDataError(f"{path}: not valid YAML ({exc})") from None
    return LegalCalendar.from_data(data, str(path))


@functools.lru_cache(maxsize=1)
def default_calendar() -> LegalCalendar:
    return load_calendar(DATA_FILE)


# --- human-readable trace -----------------------------------------------------------------------


def _months_en(n: object) -> str:
    return f"{n} month" if n == 1 else f"{n} months"


def _date(step: TraceStep, name: str) -> date:
    """A date a step carries. The steps built above always carry dates under the names read here."""
    value = step.get(name)
    assert isinstance(value, date), f"trace step {step.code} carries no date {name!r}"
    return value


def _missing_day(step: TraceStep) -> str:
    return f"{step.get('day'):02d}/{step.get('month'):02d}/{step.get('year')}"


def _reason(step: TraceStep, lang: str) -> str:
    """ "là Thứ Bảy (ngày nghỉ hằng tuần)", "là ngày lễ (Quốc khánh)", "là ngày nghỉ Tết Nguyên đán
    (28 tháng Chạp năm Giáp Thìn; Thông báo …)": the kind of day, its name, and the decision when the
    data names one."""
    kind = str(step.get("kind"))
    vi = lang == "vi"
    name = str(step.get("reason_vi" if vi else "reason_en"))
    source = step.get("source")
    words = KIND_WORDS.get(kind, KIND_WORDS["other"])[0 if vi else 1]
    if kind == "weekend":
        return f"là {name} ({words})" if vi else f"is a {name} ({words})"
    detail = f"{name}; {source}" if source else name
    if vi:
        return f"là {words} ({detail})"
    return f"is {'an' if words[0] in 'aeiou' else 'a'} {words} ({detail})"


def _render_shift(run: Sequence[TraceStep], lang: str) -> str:
    # Weekends inside a run go without saying; holidays inside it are named so they can be checked.
    parts = [f"{_fmt(_date(run[0], 'day'))} {_reason(run[0], lang)}"]
    parts += [f"{_fmt(_date(s, 'day'))} {_reason(s, lang)}" for s in run[1:] if s.get("kind") != "weekend"]
    end = _fmt(_date(run[-1], "result"))
    if lang == "vi":
        return f"{'; '.join(parts)} → ngày làm việc tiếp theo {end} (BLDS Điều 148.5)"
    return f"{'; '.join(parts)} → next working day {end} (Civil Code Art. 148.5)"


def _render_clamp(step: TraceStep, lang: str) -> str:
    if lang == "vi":
        return f"không có ngày {_missing_day(step)}, lấy ngày cuối tháng {_fmt(_date(step, 'result'))}"
    return f"there is no {_missing_day(step)}, so the last day of the month {_fmt(_date(step, 'result'))}"


# The step codes `_render_one` words; `non_working` steps are worded in runs by `_render_shift`.
_KNOWN_STEPS = frozenset(
    (
        "add_months",
        "day_of_month",
        "clamp_month_end",
        "make_up_day",
        "before_day",
        "year_end",
        "quarter_end",
        "month_end",
        "fixed",
    )
)


def _render_one(step: TraceStep, clamp: TraceStep | None, lang: str) -> str:
    code, vi = step.code, lang == "vi"
    if code not in _KNOWN_STEPS:
        # A step from a newer producer: still show everything it carries.
        shown = ", ".join(f"{k}={_fmt(v) if isinstance(v, date) else v}" for k, v in step.params)
        return f"{code}: {shown}"
    res = _date(step, "result")
    if code == "add_months":
        head = f"{_fmt(_date(step, 'event'))} + " + (
            f"{step.get('months')} tháng" if vi else _months_en(step.get("months"))
        )
        # One citation whether or not the month is short: Art. 147.3 (the event day not counted) and
        # Art. 148.3 (the corresponding day, or the month's last day) both decide every such date.
        law = "BLDS Điều 147.3, 148.3" if vi else "Civil Code Art. 147.3, 148.3"
        if clamp is not None:
            return f"{head} → {_render_clamp(clamp, lang)} ({law})"
        return f"{head} → {_fmt(res)} ({law})"
    if code == "day_of_month":
        mm_yyyy = f"{step.get('month'):02d}/{step.get('year')}"
        head = f"ngày {step.get('day')} tháng {mm_yyyy}" if vi else f"day {step.get('day')} of {mm_yyyy}"
        if clamp is not None:
            return f"{head} → {_render_clamp(clamp, lang)}"
        return f"{head} → {'hạn' if vi else 'due'} {_fmt(res)}"
    if code == "clamp_month_end":
        return _render_clamp(step, lang)
    if code == "make_up_day":
        day = _fmt(_date(step, "day"))
        name = step.get("reason_vi" if vi else "reason_en")
        source = step.get("source")
        detail = f"{name}; {source}" if source else name
        if vi:
            return f"{day} là ngày làm bù ({detail}): ngày làm việc, hạn giữ nguyên {day} (BLDS Điều 148.5)"
        return (
            f"{day} is a make-up working day ({detail}): a working day, the due date stands, {day} "
            f"(Civil Code Art. 148.5)"
        )
    basis = step.get("basis")
    why = f" ({basis.words(lang)})" if isinstance(basis, Basis) and basis.words(lang) else ""
    if code == "before_day":
        day = _fmt(_date(step, "day"))
        if vi:
            head = f"“trước ngày {day}”" + (", tính cả ngày đó" if step.get("inclusive") else "")
            return f"{head}{why} → hạn cuối {_fmt(res)}"
        head = f"“before {day}”" + (", that day included" if step.get("inclusive") else "")
        return f"{head}{why} → last day {_fmt(res)}"
    if code == "year_end":
        # What the duty is (one of a year) and why its due date is the year's last day: the rule's own
        # basis, never a phrase of another text ("tối thiểu một năm một lần" is Decision 19's alone).
        if vi:
            return f"nghĩa vụ của năm {step.get('year')}{why} → hạn là ngày cuối năm {_fmt(res)}"
        return f"a duty of the year {step.get('year')}{why} → due on the year's last day, {_fmt(res)}"
    if code == "quarter_end":
        q = ("I", "II", "III", "IV")[int(str(step.get("quarter"))) - 1]
        if vi:
            return f"nghĩa vụ của quý {q}/{step.get('year')}{why} → hạn là ngày cuối quý {_fmt(res)}"
        return f"a duty of Q{step.get('quarter')} {step.get('year')}{why} → due on the quarter's last day, {_fmt(res)}"
    if code == "month_end":
        if vi:
            return f"hàng tháng → hạn ngày cuối tháng {_fmt(res)}"
        return f"every month → due on the last day of the month {_fmt(res)}"
    if code == "add_days":
        if vi:
            return f"{_fmt(_date(step, 'day'))} + {step.get('days')} ngày → {_fmt(res)} (BLDS Điều 147.2, 148.1)"
        return f"{_fmt(_date(step, 'day'))} + {step.get('days')} days → {_fmt(res)} (Civil Code Art. 147.2, 148.1)"
    # code == "fixed": a date no count produced; only its basis says where it comes from.
    if isinstance(basis, Basis) and basis.kind == "fact":
        return f"{basis.words(lang)} → {'hạn' if vi else 'due'} {_fmt(res)}"
    return f"{'hạn' if vi else 'due'} {_fmt(res)}{why}"


def render_trace(steps: Sequence[TraceStep], lang: str = "vi") -> list[str]:
    """One sentence per step, except that a month count and its month-end clamp share one
    sentence, and so does a run of skipped non-working days."""
    if lang not in ("vi", "en"):
        raise ValueError(f"lang must be 'vi' or 'en', got {lang!r}")
    if type(steps) is tuple:  # the steps of a Deadline: immutable, and shared by many obligations
        key = (steps, lang)
        try:
            found = _TRACES.get(key)
        except TypeError:  # a step carrying an unhashable value: render it every time
            return _render_trace(steps, lang)
        if found is None:
            found = tuple(_render_trace(steps, lang))
            if len(_TRACES) < 100_000:
                _TRACES[key] = found
        return list(found)
    return _render_trace(steps, lang)


_TRACES: dict = {}


def _render_trace(steps: Sequence[TraceStep], lang: str) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(steps):
        step = steps[i]
        if step.code == "non_working":
            j = i
            while j < len(steps) and steps[j].code == "non_working":
                j += 1
            out.append(_render_shift(steps[i:j], lang))
            i = j
            continue
        clamp = None
        if (
            step.code in ("add_months", "day_of_month")
            and i + 1 < len(steps)
            and steps[i + 1].code == "clamp_month_end"
        ):
            clamp = steps[i + 1]
        out.append(_render_one(step, clamp, lang))
        i += 2 if clamp is not None else 1
    return out
