"""Unit tests for engine/calendar.py: the rulebook's worked examples, the fixed-date helpers,
the holiday data and the rendered trace."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime

import pytest
import yaml

import engine.calendar as calendar_module
from engine.calendar import (
    DATA_FILE,
    Basis,
    CalendarDataError,
    Deadline,
    LegalCalendar,
    TraceStep,
    default_calendar,
    load_calendar,
    parse_calendar_data,
    render_trace,
)


@pytest.fixture(scope="module")
def cal() -> LegalCalendar:
    return default_calendar()


# --- N months after an event (BLDS Art. 147.3, 148.3, 148.5) -----------------------------------


@pytest.mark.parametrize(
    ("event", "months", "due"),
    [
        # The rulebook's worked examples.
        (date(2025, 7, 1), 3, date(2025, 10, 1)),
        (date(2025, 11, 30), 3, date(2026, 3, 2)),  # 30/02 missing -> 28/02 (Sat) -> Mon 02/03
        (date(2025, 10, 20), 3, date(2026, 1, 20)),
        (date(2025, 6, 1), 3, date(2025, 9, 3)),  # 01/09 and 02/09/2025 are Quốc khánh
        (date(2026, 1, 17), 3, date(2026, 4, 17)),
        (date(2022, 7, 1), 3, date(2022, 10, 3)),  # 01/10/2022 is a Saturday
        (date(2023, 11, 30), 3, date(2024, 2, 29)),  # leap year, a Thursday
        # Tết 2026 is 16–20/02 (Mon–Fri), then a weekend.
        (date(2025, 11, 17), 3, date(2026, 2, 23)),
        (date(2025, 11, 16), 3, date(2026, 2, 23)),
        (date(2025, 11, 20), 3, date(2026, 2, 23)),
        # Quốc khánh 2026: 31/08 (swapped for Sat 22/08), 01/09, 02/09.
        (date(2026, 3, 2), 6, date(2026, 9, 3)),
        (date(2026, 5, 31), 3, date(2026, 9, 3)),
        # Month-end clamps: 30/11/2025 and 28/02/2027 are Sundays, 29/02/2024 a Thursday.
        (date(2025, 8, 31), 3, date(2025, 12, 1)),
        (date(2026, 8, 31), 6, date(2027, 3, 1)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),
        (date(2025, 8, 31), 6, date(2026, 3, 2)),
        # A Sunday holiday and its day in lieu (Tết Dương lịch 2023: Sun 01/01, Mon 02/01).
        (date(2022, 1, 1), 12, date(2023, 1, 3)),
        # Giỗ Tổ Hùng Vương 2026: Sun 26/04, in lieu Mon 27/04.
        (date(2026, 1, 26), 3, date(2026, 4, 28)),
        # Across a year boundary, and a long period.
        (date(2021, 12, 1), 3, date(2022, 3, 1)),
        (date(2014, 5, 18), 24, date(2016, 5, 18)),
    ],
)
def test_add_months_examples(cal, event, months, due):
    assert cal.add_months(event, months).due == due


def test_make_up_saturday_is_a_working_day(cal):
    # 26/04/2025 was worked in exchange for Friday 02/05/2025 off.
    assert cal.is_working_day(date(2025, 4, 26))
    assert cal.add_months(date(2025, 1, 26), 3).due == date(2025, 4, 26)
    strict = LegalCalendar(package_make_up_days=False)
    assert not strict.is_working_day(date(2025, 4, 26))
    assert strict.add_months(date(2025, 1, 26), 3).due == date(2025, 4, 28)


def test_make_up_saturday_kept_as_a_due_date_is_explained(cal):
    # 26/01/2025 + 3 months reaches Saturday 26/04/2025, worked for Friday 02/05/2025: the due date stands,
    # and the trace says why a Saturday is a working day, with the notice that decided it.
    trace = render_trace(cal.add_months(date(2025, 1, 26), 3).steps)
    assert trace[1].startswith("26/04/2025 là ngày làm bù (Thứ Bảy làm bù cho ngày nghỉ 02/05/2025; Thông báo số 6150")
    assert trace[1].endswith("ngày làm việc, hạn giữ nguyên 26/04/2025 (BLDS Điều 148.5)")
    en = render_trace(cal.add_months(date(2025, 1, 26), 3).steps, "en")
    assert en[1].startswith("26/04/2025 is a make-up working day (Saturday worked instead of 02/05/2025;")


@pytest.mark.parametrize(
    ("day", "kind", "words"),
    [
        (date(2025, 1, 27), "tet", "là ngày nghỉ Tết Nguyên đán (28 tháng Chạp năm Giáp Thìn; Thông báo số 6150"),
        (date(2025, 1, 28), "tet", "là ngày nghỉ Tết Nguyên đán (Giao thừa, 29 tháng Chạp năm Giáp Thìn;"),
        (date(2025, 1, 30), "tet", "là ngày nghỉ Tết Nguyên đán (mùng 2 tháng Giêng năm Ất Tỵ)"),
        (date(2025, 5, 2), "swapped", "là ngày nghỉ hoán đổi (làm bù vào Thứ Bảy 26/04/2025; Thông báo số 6150"),
        (date(2023, 1, 2), "observed", "là ngày nghỉ bù (Tết Dương lịch trùng ngày nghỉ hằng tuần)"),
        (date(2025, 4, 30), "holiday", "là ngày lễ (Ngày Chiến thắng)"),
        (date(2025, 4, 27), "weekend", "là Chủ nhật (ngày nghỉ hằng tuần)"),
    ],
)
def test_each_kind_of_day_is_named_for_what_it_is(cal, day, kind, words):
    info = cal.day_info(day)
    assert info is not None and info.kind == kind
    step = cal._roll_forward(day)[1][0]
    assert words in render_trace((step,))[0]


def test_every_entry_of_the_data_file_names_its_decision(cal):
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    non_working, working = parse_calendar_data(data, str(DATA_FILE))
    assert non_working and working  # what is known is recorded, not left empty
    for day, info in [*non_working.items(), *working.items()]:
        assert info.from_data and ("Thông báo" in info.source or "Công văn" in info.source), day
        assert cal.day_info(day) == info


def test_special_days_list_the_year(cal):
    days = dict(cal.special_days(2025))
    assert days[date(2025, 4, 26)].kind == "make_up"
    assert days[date(2025, 9, 2)].kind == "holiday"
    assert date(2025, 4, 27) not in days  # a plain Sunday
    assert all(info.source for info in days.values())


def test_lunar_year_names():
    from engine.calendar import lunar_year_name

    assert [lunar_year_name(y) for y in (2014, 2024, 2025, 2026)] == ["Giáp Ngọ", "Giáp Thìn", "Ất Tỵ", "Bính Ngọ"]


def test_make_up_day_in_the_year_before_its_day_off(cal):
    # 27/12/2014 (Sat) was worked for 02/01/2015 off.
    assert cal.is_working_day(date(2014, 12, 27))
    assert not cal.is_working_day(date(2015, 1, 2))


def test_add_months_trace_vi_and_en(cal):
    d = cal.add_months(date(2025, 11, 30), 3)
    assert render_trace(d.steps) == [
        "30/11/2025 + 3 tháng → không có ngày 30/02/2026, lấy ngày cuối tháng 28/02/2026 (BLDS Điều 147.3, 148.3)",
        "28/02/2026 là Thứ Bảy (ngày nghỉ hằng tuần) → ngày làm việc tiếp theo 02/03/2026 (BLDS Điều 148.5)",
    ]
    assert render_trace(d.steps, "en") == [
        "30/11/2025 + 3 months → there is no 30/02/2026, so the last day of the month 28/02/2026 (Civil Code Art. 147.3, 148.3)",
        "28/02/2026 is a Saturday (weekly rest day) → next working day 02/03/2026 (Civil Code Art. 148.5)",
    ]
    d = cal.add_months(date(2021, 12, 1), 3)
    assert render_trace(d.steps) == ["01/12/2021 + 3 tháng → 01/03/2022 (BLDS Điều 147.3, 148.3)"]
    assert render_trace(d.steps, "en") == ["01/12/2021 + 3 months → 01/03/2022 (Civil Code Art. 147.3, 148.3)"]
    d = cal.add_months(date(2021, 12, 1), 1)
    assert render_trace(d.steps, "en") == [
        "01/12/2021 + 1 month → 01/01/2022 (Civil Code Art. 147.3, 148.3)",
        "01/01/2022 is a public holiday (New Year's Day); 03/01/2022 is a day off in lieu (New Year's Day fell on a weekly rest day)"
        " → next working day 04/01/2022 (Civil Code Art. 148.5)",
    ]


def test_holiday_run_names_every_holiday(cal):
    d = cal.add_months(date(2025, 6, 1), 3)
    assert render_trace(d.steps) == [
        "01/06/2025 + 3 tháng → 01/09/2025 (BLDS Điều 147.3, 148.3)",
        "01/09/2025 là ngày lễ (Quốc khánh); 02/09/2025 là ngày lễ (Quốc khánh)"
        " → ngày làm việc tiếp theo 03/09/2025 (BLDS Điều 148.5)",
    ]
    # One step per skipped day, weekends included, so the structured trace is complete.
    skipped = [s.get("day") for s in cal.add_months(date(2025, 11, 16), 3).steps if s.code == "non_working"]
    assert skipped == [date(2026, 2, d) for d in range(16, 23)]
    sentence = render_trace(cal.add_months(date(2025, 11, 16), 3).steps)[-1]
    assert "21/02/2026" not in sentence  # a plain Saturday inside the run goes without saying
    assert sentence.endswith("→ ngày làm việc tiếp theo 23/02/2026 (BLDS Điều 148.5)")


def test_trace_steps_are_structured(cal):
    d = cal.add_months(date(2022, 7, 1), 3)
    assert d == Deadline(
        date(2022, 10, 3),
        (
            TraceStep("add_months", (("event", date(2022, 7, 1)), ("months", 3), ("result", date(2022, 10, 1)))),
            TraceStep(
                "non_working",
                (
                    ("day", date(2022, 10, 1)),
                    ("kind", "weekend"),
                    ("reason_en", "Saturday"),
                    ("reason_vi", "Thứ Bảy"),
                    ("result", date(2022, 10, 2)),
                    ("source", ""),
                ),
            ),
            TraceStep(
                "non_working",
                (
                    ("day", date(2022, 10, 2)),
                    ("kind", "weekend"),
                    ("reason_en", "Sunday"),
                    ("reason_vi", "Chủ nhật"),
                    ("result", date(2022, 10, 3)),
                    ("source", ""),
                ),
            ),
        ),
    )
    for step in d.steps:
        assert [k for k, _ in step.params] == sorted(k for k, _ in step.params)


@pytest.mark.parametrize("months", [0, -1, 1.5, True])
def test_add_months_rejects_bad_counts(cal, months):
    with pytest.raises(ValueError):
        cal.add_months(date(2025, 1, 1), months)


def test_datetime_is_not_a_date(cal):
    with pytest.raises(TypeError):
        cal.add_months(datetime(2025, 1, 1, 8, 0), 3)


# --- fixed dates: no shift ----------------------------------------------------------------------


def test_before_day(cal):
    assert cal.before_day(date(2022, 10, 22)).due == date(2022, 10, 21)
    assert cal.before_day(date(2022, 10, 22), inclusive=True).due == date(2022, 10, 22)
    # 29/06/2021 is a Tuesday; 30/06/2021 minus a day is never shifted, even onto a weekend.
    assert cal.before_day(date(2021, 6, 30)).due == date(2021, 6, 29)
    assert cal.before_day(date(2022, 10, 24)).due == date(2022, 10, 23)  # a Sunday, kept
    assert cal.before_day(date(2025, 9, 3)).due == date(2025, 9, 2)  # Quốc khánh, kept
    assert render_trace(cal.before_day(date(2022, 10, 22)).steps) == ["“trước ngày 22/10/2022” → hạn cuối 21/10/2022"]
    assert render_trace(cal.before_day(date(2022, 10, 22)).steps, "en") == ["“before 22/10/2022” → last day 21/10/2022"]
    cited = cal.before_day(date(2022, 10, 22), basis=Basis("clause", "TTH/3.c"))
    assert render_trace(cited.steps) == ["“trước ngày 22/10/2022” (theo TTH/3.c) → hạn cuối 21/10/2022"]


def test_year_end(cal):
    d = cal.year_end(2022)
    assert d.due == date(2022, 12, 31)  # a Saturday, kept
    assert render_trace(d.steps) == ["nghĩa vụ của năm 2022 → hạn là ngày cuối năm 31/12/2022"]
    assert render_trace(d.steps, "en") == ["a duty of the year 2022 → due on the year's last day, 31/12/2022"]
    # The basis the operator gives is named; no phrase of another text is put in the rule's mouth.
    based = cal.year_end(2022, Basis("interpretation", "TTH-OBJECTIVES"))
    assert render_trace(based.steps) == [
        "nghĩa vụ của năm 2022 (theo cách hiểu của quy tắc TTH-OBJECTIVES) → hạn là ngày cuối năm 31/12/2022"
    ]


@pytest.mark.parametrize(
    ("quarter", "due"),
    [(1, date(2024, 3, 31)), (2, date(2024, 6, 30)), (3, date(2024, 9, 30)), (4, date(2024, 12, 31))],
)
def test_quarter_end(cal, quarter, due):
    assert cal.quarter_end(2024, quarter).due == due  # 31/03/2024 and 30/06/2024 are Sundays, kept


def test_quarter_end_trace_and_bounds(cal):
    assert render_trace(cal.quarter_end(2022, 3).steps) == [
        "nghĩa vụ của quý III/2022 → hạn là ngày cuối quý 30/09/2022"
    ]
    for bad in (0, 5):
        with pytest.raises(ValueError):
            cal.quarter_end(2022, bad)


@pytest.mark.parametrize(
    ("year", "month", "due"),
    [
        (2024, 2, date(2024, 2, 29)),
        (2023, 2, date(2023, 2, 28)),
        (2000, 2, date(2000, 2, 29)),
        (2100, 2, date(2100, 2, 28)),
        (2022, 4, date(2022, 4, 30)),
        (2022, 12, date(2022, 12, 31)),
    ],
)
def test_month_end(cal, year, month, due):
    assert cal.month_end(year, month).due == due


def test_day_of_month(cal):
    assert cal.day_of_month(2022, 10, 21).due == date(2022, 10, 21)
    assert cal.day_of_month(2022, 10, 22).due == date(2022, 10, 22)  # a Saturday, kept
    assert cal.day_of_month(2023, 2, 30).due == date(2023, 2, 28)
    assert cal.day_of_month(2024, 2, 31).due == date(2024, 2, 29)
    assert cal.day_of_month(2022, 4, 31).due == date(2022, 4, 30)
    assert render_trace(cal.day_of_month(2023, 2, 30).steps) == [
        "ngày 30 tháng 02/2023 → không có ngày 30/02/2023, lấy ngày cuối tháng 28/02/2023"
    ]
    with pytest.raises(ValueError):
        cal.day_of_month(2022, 10, 32)


def test_fixed(cal):
    d = cal.fixed(date(2017, 12, 31))  # a Sunday, kept as written
    assert d.due == date(2017, 12, 31)
    assert render_trace(d.steps) == ["hạn 31/12/2017"]  # no claim that a text wrote it
    fact = cal.fixed(date(2018, 4, 9), Basis("fact", "", "ngày công bố HTQLCL lần đầu", "the first declaration"))
    assert render_trace(fact.steps) == ["ngày công bố HTQLCL lần đầu → hạn 09/04/2018"]
    rule = cal.fixed(date(2017, 12, 31), Basis("interpretation", "HL641-TOWN"))
    assert render_trace(rule.steps) == ["hạn 31/12/2017 (theo cách hiểu của quy tắc HL641-TOWN)"]


# --- working days and reasons -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        (date(2022, 10, 1), ("Thứ Bảy", "Saturday")),
        (date(2022, 10, 2), ("Chủ nhật", "Sunday")),
        (date(2025, 9, 2), ("Quốc khánh", "National Day")),
        (date(2026, 2, 17), ("mùng 1 tháng Giêng năm Bính Ngọ", "1st day of the first lunar month (Bính Ngọ)")),
        (date(2025, 1, 1), ("Tết Dương lịch", "New Year's Day")),
        (date(2025, 5, 2), ("làm bù vào Thứ Bảy 26/04/2025", "worked instead on Saturday 26/04/2025")),
        (date(2025, 1, 27), ("28 tháng Chạp năm Giáp Thìn", "28th day of the twelfth lunar month (Giáp Thìn)")),
        (date(2022, 10, 3), None),
    ],
)
def test_non_working_reason(cal, day, reason):
    assert cal.non_working_reason(day) == reason
    assert cal.is_working_day(day) is (reason is None)


def test_next_working_day(cal):
    assert cal.next_working_day(date(2022, 10, 3)) == date(2022, 10, 3)
    assert cal.next_working_day(date(2022, 10, 1)) == date(2022, 10, 3)
    assert cal.next_working_day(date(2025, 4, 30)) == date(2025, 5, 5)


def test_extra_non_working_day_shifts_a_due_date():
    cal = LegalCalendar(extra_non_working={date(2025, 10, 1): ("Ngày nghỉ thêm", "Extra day off")})
    d = cal.add_months(date(2025, 7, 1), 3)
    assert d.due == date(2025, 10, 2)
    assert cal.non_working_reason(date(2025, 10, 1)) == ("Ngày nghỉ thêm", "Extra day off")
    assert render_trace(d.steps)[-1] == (
        "01/10/2025 là ngày nghỉ (Ngày nghỉ thêm) → ngày làm việc tiếp theo 02/10/2025 (BLDS Điều 148.5)"
    )
    assert render_trace(d.steps, "en")[-1] == (
        "01/10/2025 is a non-working day (Extra day off) → next working day 02/10/2025 (Civil Code Art. 148.5)"
    )


def test_extra_working_day_stops_the_shift():
    cal = LegalCalendar(extra_working=[date(2022, 10, 1)])
    assert cal.add_months(date(2022, 7, 1), 3).due == date(2022, 10, 1)


def test_constructor_rejects_contradictions():
    with pytest.raises(CalendarDataError):
        LegalCalendar({date(2022, 10, 1): ("a", "b")}, [date(2022, 10, 1)])
    with pytest.raises(CalendarDataError):
        LegalCalendar({date(2022, 10, 1): ("only one name",)})


def test_calendar_is_safe_across_threads(monkeypatch):
    events = [date(2014 + i % 20, 1 + i % 12, 1 + i % 28) for i in range(400)]
    expected = [LegalCalendar().add_months(e, 1 + i % 13).due for i, e in enumerate(events)]
    # Start from a cold holiday cache so the threads race to fill it.
    monkeypatch.setattr(calendar_module, "_package_cache", {})
    fresh = LegalCalendar()
    barrier = threading.Barrier(8)

    def run(offset: int) -> list[date]:
        barrier.wait()
        return [fresh.add_months(e, 1 + i % 13).due for i, e in enumerate(events)]

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(run, range(8)))
    assert all(r == expected for r in results)


# --- the data file ------------------------------------------------------------------------------


def test_data_file_loads_and_validates():
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    parse_calendar_data(data, str(DATA_FILE))
    assert isinstance(load_calendar(DATA_FILE), LegalCalendar)
    assert default_calendar() is default_calendar()


def test_default_calendar_works_from_any_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_calendar(DATA_FILE).add_months(date(2025, 7, 1), 3).due == date(2025, 10, 1)


def test_valid_data_builds_a_calendar():
    text = """
non_working_days:
  - date: 2030-01-02
    name_vi: Ngày nghỉ hoán đổi
    name_en: Swapped day off
    source: Thông báo thử nghiệm
working_days:
  - date: 2030-01-05
    name_vi: Ngày làm bù
    name_en: Make-up working day
    source: Thông báo thử nghiệm
"""
    cal = LegalCalendar.from_data(yaml.safe_load(text))
    assert cal.non_working_reason(date(2030, 1, 2)) == ("Ngày nghỉ hoán đổi", "Swapped day off")
    assert cal.is_working_day(date(2030, 1, 5))
    assert cal.add_months(date(2029, 10, 2), 3).due == date(2030, 1, 3)


ENTRY = {"date": date(2030, 1, 2), "name_vi": "a", "name_en": "b", "source": "c"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (["not", "a", "mapping"], "expected a mapping"),
        ({"holidays": []}, "unknown key(s) ['holidays']"),
        ({"non_working_days": {"date": "2030-01-02"}}, "must be a list"),
        ({"non_working_days": ["2030-01-02"]}, "non_working_days[0]: expected a mapping"),
        ({"non_working_days": [{k: v for k, v in ENTRY.items() if k != "source"}]}, "missing key(s) ['source']"),
        ({"non_working_days": [{**ENTRY, "note": "x"}]}, "unknown key(s) ['note']"),
        ({"non_working_days": [{**ENTRY, "kind": "make_up"}]}, "'kind' must be one of"),
        ({"working_days": [{**ENTRY, "date": date(2030, 1, 5), "kind": "tet"}]}, "unknown key(s) ['kind']"),
        ({"non_working_days": [{**ENTRY, "date": "02/01/2030"}]}, "YYYY-MM-DD"),
        ({"non_working_days": [{**ENTRY, "date": "2030-02-30"}]}, "YYYY-MM-DD"),
        ({"non_working_days": [{**ENTRY, "name_en": " "}]}, "'name_en' must be non-empty text"),
        ({"non_working_days": [ENTRY, ENTRY]}, "twice"),
        ({"working_days": [ENTRY]}, "not a Saturday or Sunday"),
        (
            {
                "non_working_days": [{**ENTRY, "date": date(2030, 1, 5)}],
                "working_days": [{**ENTRY, "date": date(2030, 1, 5)}],
            },
            "in both",
        ),
    ],
)
def test_malformed_data_is_a_clear_error(data, message):
    with pytest.raises(CalendarDataError) as err:
        parse_calendar_data(data, "non_working_days.yaml")
    assert message in str(err.value)
    assert "non_working_days.yaml" in str(err.value)


def test_malformed_yaml_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("non_working_days:\n  - date: 2030-01-02\n    name_vi: a\n", encoding="utf-8")
    with pytest.raises(CalendarDataError, match=r"bad\.yaml: non_working_days\[0\]: missing key"):
        load_calendar(bad)
    bad.write_text("non_working_days: [\n", encoding="utf-8")
    with pytest.raises(CalendarDataError, match="not valid YAML"):
        load_calendar(bad)


def test_render_trace_rejects_unknown_language(cal):
    with pytest.raises(ValueError):
        render_trace(cal.year_end(2022).steps, "fr")
