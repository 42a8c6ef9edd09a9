"""The steering committee's table as a workbook (`evaluate PORTFOLIO --format xlsx --output phu-luc.xlsx`),
the annex (Phụ lục) a province's monthly BCĐ 19 notice attaches.

Three sheets, with the numbers of the HTML report (engine/render/duties.py computes them for both):
the summary — one row per agency, one column per duty, then the counts and shares per area and in
total —, every violation with its deadline and source, and the portfolio's targets with their
denominators. Marks are coloured by conditional formatting, headers frozen, tables filterable, and
every sheet prints on A4 landscape, one page wide, its header row repeated on each page.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from engine.lang import T
from engine.messages import label, vn_date
from engine.render import duties
from engine.render.duties import COLUMNS, MARK, MARK_WORD, Row, Tally
from engine.result import Finding, SourceText, Summary
from engine.xlsx.book import workbook_bytes

SUMMARY = T("Tổng hợp", "Summary")
VIOLATIONS = T("Vi phạm", "Violations")
TARGETS = T("Chỉ tiêu", "Targets")

DATE_FORMAT = "DD/MM/YYYY"
PERCENT_FORMAT = "0.0%"
_TITLE = Font(bold=True, size=14)
_BOLD = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="top")
# The marks' colours, as in the HTML report.
_MARK_FILL = {
    duties.OK: "C6EFCE",
    duties.VIOLATION: "FFC7CE",
    duties.PENDING: "FFEB9C",
    duties.UNKNOWN: "D9D9D9",
}


def violations_of(result) -> str:
    """One agency's violations, as the worker hands them to the parent for the workbook."""
    found = [
        {
            "rule": f.rule,
            "subject": f.subject,
            "due": f.due.isoformat() if f.due else None,
            "done": f.done.isoformat() if f.done else None,
            "message": f.message,
            "sources": list(f.sources),
        }
        for f in result.findings
        if f.status == "violation"
    ]
    return json.dumps(found, ensure_ascii=False) if found else ""


def write(
    *,
    as_of: dt.date,
    lang: str,
    rows: list[Row],
    violations: Callable[[Row], str],
    portfolio_findings: list[Finding],
    summary: Summary,
    sources: dict[str, SourceText],
    titles: dict[str, str],
    denominators: dict,
) -> bytes:
    """The workbook's bytes; `violations(row)` gives back what violations_of() made for an agency."""
    book = Workbook()
    say = (lambda t: t.en) if lang == "en" else (lambda t: t.vi)
    groups = duties.grouped(rows, lang)
    ws = book.active
    assert ws is not None
    ws.title = say(SUMMARY)
    _summary(ws, as_of, lang, groups, summary)
    _violations(book.create_sheet(say(VIOLATIONS)), as_of, lang, groups, violations, sources, titles)
    _targets(book.create_sheet(say(TARGETS)), as_of, lang, portfolio_findings, sources, titles, denominators)
    return workbook_bytes(book, stamp=dt.datetime(as_of.year, as_of.month, as_of.day))


# ---------------------------------------------------------------- the summary


def _summary(ws: Worksheet, as_of: dt.date, lang: str, groups: list[tuple[str, list[Row]]], summary: Summary) -> None:
    from engine.render.text import summary_line

    year = as_of.year
    count = sum(len(members) for _, members in groups)
    ws["A1"] = (
        f"{label(lang, 'Tình hình áp dụng HTQLCL', 'Quality management systems (HTQLCL): compliance')} — {vn_date(as_of)}"
    )
    ws["A1"].font = _TITLE
    ws["A2"] = label(
        lang, f"Đánh giá ngày {vn_date(as_of)} · {count} cơ quan, đơn vị", f"As of {vn_date(as_of)} · {count} agencies"
    )
    ws["A3"] = summary_line(summary, lang)
    heads = [
        "STT" if lang != "en" else "#",
        label(lang, "Cơ quan, đơn vị", "Agency"),
        label(lang, "Mã cơ quan", "Agency id"),
        label(lang, "Cấp", "Level"),
        label(lang, "Địa bàn", "Area"),
        *(c.title(lang, year) for c in COLUMNS),
        label(lang, "Số vi phạm", "Violations"),
    ]
    head_row = 5
    _header(ws, head_row, heads)
    first_mark = 6  # column F: the first duty
    row = head_row
    total = Tally()
    tallies: list[tuple[str, Tally]] = []
    for name, members in groups:
        tally = Tally()
        for r in members:
            row += 1
            tally.add(r)
            total.add(r)
            values: list[Any] = [
                row - head_row,
                r.name,
                r.id,
                duties.level_word(r.level, lang),
                name,
                *(MARK[m] for m in r.marks),
                r.violations,
            ]
            for column, value in enumerate(values, start=1):
                cell = ws.cell(row, column, value)
                if first_mark <= column < first_mark + len(COLUMNS):
                    cell.alignment = _CENTER
        tallies.append((name, tally))
    last = max(row, head_row + 1)
    marks = f"{get_column_letter(first_mark)}{head_row + 1}:{get_column_letter(first_mark + len(COLUMNS) - 1)}{last}"
    for mark, color in _MARK_FILL.items():
        ws.conditional_formatting.add(
            marks, CellIsRule(operator="equal", formula=[f'"{MARK[mark]}"'], fill=PatternFill("solid", bgColor=color))
        )
    violations = f"{get_column_letter(len(heads))}{head_row + 1}:{get_column_letter(len(heads))}{last}"
    ws.conditional_formatting.add(
        violations,
        CellIsRule(
            operator="greaterThan", formula=["0"], fill=PatternFill("solid", bgColor=_MARK_FILL[duties.VIOLATION])
        ),
    )
    ws.auto_filter.ref = f"A{head_row}:{get_column_letter(len(heads))}{last}"
    ws.freeze_panes = f"C{head_row + 1}"
    row = last + 2
    ws.cell(row, 1, "  ·  ".join(f"{MARK[m]} {label(lang, *MARK_WORD[m])}" for m in MARK)).font = Font(italic=True)
    row += 1
    ws.cell(
        row,
        1,
        label(
            lang,
            "Tỷ lệ = số đơn vị đạt ✓ / số đơn vị có nghĩa vụ (không tính –); cột “Đã công bố HTQLCL” tính trên "
            "tổng số đơn vị.",
            "Share = agencies met ✓ / agencies bound (– not counted); the “QMS declared” column is over every agency.",
        ),
    ).font = Font(italic=True)
    _areas(ws, row + 2, lang, year, tallies, total)
    widths = [6, 40, 28, 14, 30, *([16] * len(COLUMNS)), 10]
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    _print(ws, f"{head_row}:{head_row}")


def _areas(ws: Worksheet, top: int, lang: str, year: int, tallies: list[tuple[str, Tally]], total: Tally) -> None:
    """Per area and in total: for each duty, the agencies met, the agencies bound and the share."""
    ws.cell(top, 1, label(lang, "Theo địa bàn", "By area")).font = _BOLD
    head = top + 1
    heads = [label(lang, "Địa bàn", "Area"), label(lang, "Số cơ quan", "Agencies")]
    for c in COLUMNS:
        title = c.title(lang, year)
        heads += [
            f"{title}: {label(lang, 'đạt', 'met')}",
            f"{title}: {label(lang, 'có nghĩa vụ', 'bound')}",
            f"{title}: {label(lang, 'tỷ lệ', 'share')}",
        ]
    heads.append(label(lang, "Số vi phạm", "Violations"))
    # The area table starts in column B so that its wide labels sit under the agencies' names.
    _header(ws, head, heads, first=2)
    row = head
    for name, tally in [*tallies, (label(lang, "Tổng cộng", "Total"), total)]:
        row += 1
        ws.cell(row, 2, name)
        ws.cell(row, 3, tally.rows)
        for i in range(len(COLUMNS)):
            met, of = tally.share(i)
            column = 4 + 3 * i
            ws.cell(row, column, met)
            ws.cell(row, column + 1, of)
            share = ws.cell(row, column + 2, met / of if of else None)
            share.number_format = PERCENT_FORMAT
        ws.cell(row, 4 + 3 * len(COLUMNS), tally.violations)
    for cell in ws[row]:
        cell.font = _BOLD
        cell.fill = _GROUP_FILL
    for i in range(len(COLUMNS)):
        letter = get_column_letter(4 + 3 * i + 2)
        ws.conditional_formatting.add(
            f"{letter}{head + 1}:{letter}{row}",
            ColorScaleRule(
                start_type="num", start_value=0, start_color="F8696B", end_type="num", end_value=1, end_color="63BE7B"
            ),
        )


# ---------------------------------------------------------------- every violation


def _violations(
    ws: Worksheet,
    as_of: dt.date,
    lang: str,
    groups: list[tuple[str, list[Row]]],
    violations: Callable[[Row], str],
    sources: dict[str, SourceText],
    titles: dict[str, str],
) -> None:
    ws["A1"] = f"{label(lang, 'Các vi phạm', 'Violations')} — {vn_date(as_of)}"
    ws["A1"].font = _TITLE
    heads = [
        "STT" if lang != "en" else "#",
        label(lang, "Địa bàn", "Area"),
        label(lang, "Cơ quan, đơn vị", "Agency"),
        label(lang, "Mã cơ quan", "Agency id"),
        label(lang, "Quy tắc", "Rule"),
        label(lang, "Nghĩa vụ", "Duty"),
        label(lang, "Đối tượng", "Subject"),
        label(lang, "Hạn cuối", "Due"),
        label(lang, "Ngày thực hiện", "Done"),
        label(lang, "Số ngày quá hạn", "Days late"),
        label(lang, "Nội dung", "Finding"),
        label(lang, "Nguồn", "Sources"),
    ]
    head = 3
    _header(ws, head, heads)
    row = head
    for area, members in groups:
        for r in members:
            text = violations(r)
            for v in json.loads(text) if text else []:
                row += 1
                due = dt.date.fromisoformat(v["due"]) if v["due"] else None
                done = dt.date.fromisoformat(v["done"]) if v["done"] else None
                late = ((done or as_of) - due).days if due else None
                cited = "; ".join(_source(cid, sources) for cid in v["sources"])
                values = [row - head, area, r.name, r.id, v["rule"], titles.get(v["rule"], ""), v["subject"], due, done]
                values += [late, v["message"], cited]
                for column, value in enumerate(values, start=1):
                    cell = ws.cell(row, column, value)
                    if isinstance(value, dt.date):
                        cell.number_format = DATE_FORMAT
                    if column in (6, 11, 12):
                        cell.alignment = _WRAP
    if row == head:
        ws.cell(head + 1, 1, label(lang, "Không có vi phạm.", "No violations."))
    last = max(row, head + 1)
    ws.auto_filter.ref = f"A{head}:{get_column_letter(len(heads))}{last}"
    ws.freeze_panes = f"D{head + 1}"
    for i, width in enumerate([6, 24, 32, 26, 22, 34, 16, 12, 12, 10, 60, 48], start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    _print(ws, f"{head}:{head}")


def _source(cid: str, sources: dict[str, SourceText]) -> str:
    s = sources.get(cid)
    return f"{cid} ({s.document}, {s.clause})" if s else cid


# ---------------------------------------------------------------- the portfolio's targets


def _targets(
    ws: Worksheet,
    as_of: dt.date,
    lang: str,
    findings: list[Finding],
    sources: dict[str, SourceText],
    titles: dict[str, str],
    denominators: dict,
) -> None:
    from engine.render.text import status_word

    ws["A1"] = f"{label(lang, 'Chỉ tiêu của danh mục', 'Portfolio targets')} — {vn_date(as_of)}"
    ws["A1"].font = _TITLE
    heads = [
        label(lang, "Quy tắc", "Rule"),
        label(lang, "Chỉ tiêu", "Target"),
        label(lang, "Đối tượng", "Subject"),
        label(lang, "Kết quả", "Status"),
        label(lang, "Hạn", "Due"),
        label(lang, "Mẫu số (số đơn vị)", "Denominator (agencies)"),
        label(lang, "Đã công bố đến hạn", "Declared by the due date"),
        label(lang, "Tỷ lệ", "Share"),
        label(lang, "Nội dung", "Finding"),
        label(lang, "Cách tính", "How it was counted"),
        label(lang, "Nguồn", "Sources"),
    ]
    head = 3
    _header(ws, head, heads)
    row = head
    for f in findings:
        row += 1
        of, counted = denominators.get((f.rule, f.subject), (None, None))
        values = [
            f.rule,
            titles.get(f.rule, ""),
            f.subject,
            status_word(f.status, lang),
            f.due,
            of,
            counted,
            counted / of if of else None,
            f.message,
            "\n".join(f.trace),
            "; ".join(_source(cid, sources) for cid in f.sources),
        ]
        for column, value in enumerate(values, start=1):
            cell = ws.cell(row, column, value)
            if isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
            if column == 8:
                cell.number_format = PERCENT_FORMAT
            if column in (2, 9, 10, 11):
                cell.alignment = _WRAP
    if row == head:
        ws.cell(head + 1, 1, label(lang, "Danh mục không có chỉ tiêu nào.", "The portfolio has no targets."))
    ws.freeze_panes = f"B{head + 1}"
    ws.auto_filter.ref = f"A{head}:{get_column_letter(len(heads))}{max(row, head + 1)}"
    for i, width in enumerate([22, 40, 12, 16, 12, 14, 14, 10, 60, 60, 48], start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    _print(ws, f"{head}:{head}")


# ---------------------------------------------------------------- shared


def _header(ws: Worksheet, row: int, heads: list[str], first: int = 1) -> None:
    for i, text in enumerate(heads, start=first):
        cell = ws.cell(row, i, text)
        cell.font, cell.fill, cell.alignment = _BOLD, _HEADER_FILL, _WRAP
    ws.row_dimensions[row].height = 45


def _print(ws: Worksheet, repeat_rows: str) -> None:
    """A4 landscape, one page wide, the header row on every page, page numbers in the footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = repeat_rows
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    footer = ws.oddFooter
    if footer is not None and footer.center is not None:
        footer.center.text = "&P / &N"
