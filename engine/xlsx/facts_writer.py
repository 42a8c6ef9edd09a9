"""An agency's facts as a workbook (`convert agency.yaml agency.xlsx`), or the empty form to fill in
(`template`): one sheet per section, labels and help in the officer's language, the facts keys
shown, dropdowns for every list of allowed values, date cells, and a cover sheet saying how to fill it.

Only what the facts file says is written: a field it leaves out stays an empty cell, so reading the
workbook back gives the same facts (engine/xlsx/facts_reader.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from engine.errors import InputError, Problem
from engine.facts import AgencyFacts
from engine.lang import T, Text
from engine.xlsx import layout
from engine.xlsx.book import workbook_bytes
from engine.xlsx.layout import Column, Sheet

DATE_FORMAT = "DD/MM/YYYY"
EXTRA_ROWS = 300  # empty rows below the records that still get dropdowns and formats
_TITLE = Font(bold=True, size=14)
_HEADER = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
_KEY = Font(italic=True, color="808080", size=9)
_NOTE = Font(italic=True, color="595959")
_WRAP = Alignment(wrap_text=True, vertical="top")
_WIDTH = {"date": 14, "int": 10, "bool": 12, "choice": 26, "list": 30, "text": 36}


def facts_workbook(
    facts: AgencyFacts | None = None, *, lang: str = "vi", prefill: dict | None = None, file: str = ""
) -> bytes:
    """The workbook of `facts` (None: the empty form, with `prefill` agency fields), as .xlsx bytes.
    InputError (naming `file`) if the workbook could not hold the facts exactly: a record repeated
    word for word, or a programme name with a semicolon; reading it back would refuse it."""
    book = _Book(lang)
    book.cover()
    lists = book.lists()
    for sheet in layout.SHEETS:
        if sheet.form == "record":
            book.record(sheet, _record_values(facts, sheet, prefill), lists)
        else:
            book.table(sheet, *_table_rows(facts, sheet), lists)
    if book.problems:
        raise InputError([p.relocated(file=file) for p in book.problems])
    book.wb.move_sheet(book.say(layout.LISTS), offset=len(book.wb.sheetnames))  # the lists go last
    return workbook_bytes(book.wb)


# ---------------------------------------------------------------- what goes in the cells


def _set(record: BaseModel) -> dict[str, Any]:
    return {name: getattr(record, name) for name in record.model_fields_set}


def _record_values(facts: AgencyFacts | None, sheet: Sheet, prefill: dict | None) -> dict[str, Any]:
    if facts is None:
        return dict(prefill or {}) if sheet.path == ("agency",) else {}
    record = getattr(facts, sheet.path[0])
    return _set(record) if record is not None else {}


def _table_rows(facts: AgencyFacts | None, sheet: Sheet) -> tuple[Text | None, list[dict[str, Any]]]:
    """(the status to show, the records) of a table sheet."""
    if facts is None:
        return None, []
    head = sheet.path[0]
    section = getattr(facts, head)
    known = facts.known(head)
    if len(sheet.path) == 1:
        if not known:
            return layout.STATUS_UNKNOWN, []
        records = [_set(r) for r in section or []]
        return (layout.STATUS_LISTED if records else layout.STATUS_NONE), records
    if section is None:  # a sub-list of an absent (or null) section
        status = layout.STATUS_NONE if (known and sheet.status) else layout.STATUS_UNKNOWN
        return (status if sheet.status else None), []
    if sheet.path == ("internal_audits", "nonconformities"):
        rows = [{layout.PARENT_KEY: audit.date, **_set(nc)} for audit in section for nc in audit.nonconformities]
        return None, rows
    items = getattr(section, sheet.path[1])
    rows = [{"date": d} for d in items] if sheet.scalar else [_set(r) for r in items]
    return (layout.STATUS_LISTED if sheet.status else None), rows


# ---------------------------------------------------------------- the workbook


class _Book:
    def __init__(self, lang: str):
        self.lang = lang
        self.wb = Workbook()
        self.problems: list[Problem] = []

    def say(self, text: Text) -> str:
        return text(self.lang)

    def cover(self) -> None:
        ws = self.wb.active
        assert ws is not None
        ws.title = self.say(layout.COVER)
        lines = _COVER_VI if self.lang != "en" else _COVER_EN
        ws["A1"] = lines[0]
        ws["A1"].font = _TITLE
        for i, line in enumerate(lines[1:], start=3):
            ws.cell(i, 1, line)
        ws.column_dimensions["A"].width = 120
        mark = ws.cell(len(lines) + 4, 1, f"{layout.WORKBOOK_MARK} {layout.FORMAT_VERSION}")
        mark.font = _KEY

    def lists(self) -> dict[str, str]:
        """The lists sheet, with every dropdown's values; → the range each list is in, by list name."""
        ws = self.wb.create_sheet(self.say(layout.LISTS))
        ranges: dict[str, str] = {}
        columns: list[tuple[str, str, list[str]]] = [
            ("status", self.say(T("Tình trạng của mục", "Section status")), [self.say(s) for s in layout.STATUSES])
        ]
        seen: set[str] = set()
        for sheet in layout.SHEETS:
            for column in sheet.columns:
                if column.choices and (name := _list_name(column)) not in seen:
                    seen.add(name)
                    columns.append(
                        (name, f"{column.doc.label(self.lang)} ({column.key})", layout.choice_labels(column, self.lang))
                    )
        for i, (name, title, values) in enumerate(columns, start=1):
            letter = get_column_letter(i)
            ws.cell(1, i, title).font = _HEADER
            for j, value in enumerate(values, start=2):
                ws.cell(j, i, value)
            ws.column_dimensions[letter].width = max(22, *(len(v) + 2 for v in values))
            ranges[name] = f"{quote_sheetname(ws.title)}!${letter}$2:${letter}${len(values) + 1}"
        return ranges

    # -------------------------------------------------------- a record: one field per row

    def record(self, sheet: Sheet, values: dict[str, Any], lists: dict[str, str]) -> None:
        ws = self.wb.create_sheet(self.say(sheet.name))
        ws["A1"] = f"{sheet.doc.label(self.lang)} — {sheet.field_path}"
        ws["A1"].font = _TITLE
        heads = (T("Nội dung", "Field"), T("Giá trị", "Value"), T("Khóa", "Key"), T("Hướng dẫn", "What to write"))
        for i, head in enumerate(heads, start=1):
            cell = ws.cell(layout.RECORD_FIRST_ROW - 1, i, self.say(head))
            cell.font, cell.fill = _HEADER, _HEADER_FILL
        for offset, column in enumerate(sheet.columns):
            row = layout.RECORD_FIRST_ROW + offset
            label = ws.cell(row, 1, column.label(self.lang))
            label.font = _HEADER
            if column.required:
                label.fill = _REQUIRED_FILL
            self._value(ws.cell(row, layout.RECORD_VALUE_COLUMN), column, values.get(column.key), sheet, offset)
            ws.cell(row, layout.RECORD_KEY_COLUMN, f"{sheet.field_path}.{column.key}").font = _KEY
            ws.cell(row, 4, self._help(column)).alignment = _WRAP
            self._validate(ws, column, f"B{row}", lists)
        ws.column_dimensions["A"].width = 30
        ws.column_dimensions["B"].width = 40
        ws.column_dimensions["C"].width = 26
        ws.column_dimensions["D"].width = 80
        ws.freeze_panes = f"A{layout.RECORD_FIRST_ROW}"

    # -------------------------------------------------------- a table: one record per row

    def table(self, sheet: Sheet, status: Text | None, rows: list[dict[str, Any]], lists: dict[str, str]) -> None:
        ws = self.wb.create_sheet(self.say(sheet.name))
        ws.cell(layout.TITLE_ROW, 1, f"{sheet.doc.label(self.lang)} — {sheet.field_path}").font = _TITLE
        if sheet.status:
            ws.cell(layout.STATUS_ROW, 1, self.say(T("Tình trạng:", "Status:"))).font = _HEADER
            cell = ws.cell(layout.STATUS_ROW, 2, self.say(status) if status else None)
            cell.fill = _REQUIRED_FILL
            self._list(ws, lists["status"], "B2", T("Tình trạng của mục", "Section status"), _STATUS_HELP)
            ws.cell(layout.STATUS_ROW, 3, self.say(_STATUS_HELP)).font = _NOTE
        else:
            parent = layout.BY_PATH.get(sheet.path[:1])
            where = parent.name if parent else layout.SHEETS[0].name
            ws.cell(layout.STATUS_ROW, 1, self.say(T("Thuộc mục: ", "Part of: ") + where)).font = _NOTE
        ws.cell(layout.HELP_ROW, 1, self.say(sheet.doc.help)).font = _NOTE
        for i, column in enumerate(sheet.columns, start=1):
            head = ws.cell(layout.HEADER_ROW, i, column.label(self.lang))
            head.font, head.fill, head.alignment = _HEADER, _REQUIRED_FILL if column.required else _HEADER_FILL, _WRAP
            ws.cell(layout.KEY_ROW, i, column.key).font = _KEY
            letter = get_column_letter(i)
            ws.column_dimensions[letter].width = _WIDTH[column.kind]
            if column.kind == "date":
                ws.column_dimensions[letter].number_format = DATE_FORMAT
            elif column.kind == "text":
                ws.column_dimensions[letter].number_format = "@"  # a code like 2.000908 stays text
            last = layout.FIRST_ROW + len(rows) + EXTRA_ROWS
            self._validate(ws, column, f"{letter}{layout.FIRST_ROW}:{letter}{last}", lists)
        ws.row_dimensions[layout.HEADER_ROW].height = 32
        for r, values in enumerate(rows):
            for i, column in enumerate(sheet.columns, start=1):
                self._value(ws.cell(layout.FIRST_ROW + r, i), column, values.get(column.key), sheet, r)
        self._refuse_duplicates(sheet, rows)
        ws.freeze_panes = f"A{layout.FIRST_ROW}"

    # -------------------------------------------------------- cells

    def _value(self, cell, column: Column, value: Any, sheet: Sheet, index: int) -> None:
        if column.kind == "date":
            cell.number_format = DATE_FORMAT
        elif column.kind == "text":
            cell.number_format = "@"
        if value is None:
            return
        if column.kind in ("choice", "bool"):
            words = column.choices.get(value)
            cell.value = words(self.lang) if words else str(value)
        elif column.kind == "list":
            items = [str(v) for v in value]
            if any(";" in item for item in items):
                self._cannot(sheet, index, column, T("một tên có dấu chấm phẩy", "a name holds a semicolon"))
            cell.value = "; ".join(items) if items else None
        elif isinstance(value, dt.date):
            cell.value = value
        else:
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # text starting with '=' is text, never a formula

    def _help(self, column: Column) -> str:
        text = self.say(column.doc.help)
        if column.example is not None and column.kind not in ("choice", "bool"):
            example = column.example
            if column.kind == "date":
                y, m, d = str(example).split("-")
                example = f"{d}/{m}/{y}"
            elif column.kind == "list":
                example = "; ".join(example)
            text = (text + "; " if text else "") + self.say(T("ví dụ: ", "e.g. ")) + str(example)
        return text

    def _validate(self, ws: Worksheet, column: Column, where: str, lists: dict[str, str]) -> None:
        title = column.doc.label(self.lang)
        if column.choices:
            self._list(ws, lists[_list_name(column)], where, column.doc.label, column.doc.help)
        elif column.kind == "date":
            dv = DataValidation(
                type="date",
                operator="between",
                formula1="DATE(1900,1,1)",
                formula2="DATE(2100,12,31)",
                allow_blank=True,
            )
            self._messages(dv, title, self.say(_DATE_HELP))
            ws.add_data_validation(dv)
            dv.add(where)
        elif column.kind == "int":
            dv = DataValidation(type="whole", operator="between", formula1="1990", formula2="2100", allow_blank=True)
            self._messages(dv, title, self.say(T("một năm từ 1990 đến 2100", "a year from 1990 to 2100")))
            ws.add_data_validation(dv)
            dv.add(where)

    def _list(self, ws: Worksheet, source: str, where: str, title: Text, help: Text) -> None:
        dv = DataValidation(type="list", formula1=f"={source}", allow_blank=True)
        self._messages(dv, title(self.lang), self.say(help) or self.say(_PICK))
        ws.add_data_validation(dv)
        dv.add(where)

    def _messages(self, dv: DataValidation, title: str, prompt: str) -> None:
        dv.showInputMessage = dv.showErrorMessage = True
        dv.promptTitle = dv.errorTitle = title[:32]  # Excel's limits
        dv.prompt = prompt[:255]
        dv.error = (self.say(_REFUSED) + " " + prompt)[:255]
        dv.errorStyle = "stop"

    def _refuse_duplicates(self, sheet: Sheet, rows: list[dict[str, Any]]) -> None:
        seen: dict[tuple, int] = {}
        for i, values in enumerate(rows):
            key = tuple(repr(values.get(c.key)) for c in sheet.columns)
            if key in seen:
                self._cannot(
                    sheet,
                    i,
                    None,
                    T(
                        f"bản ghi này trùng hoàn toàn với bản ghi thứ {seen[key] + 1}; bảng tính coi một dòng trùng "
                        "là lỗi nhập liệu, hãy giữ lại một bản ghi",
                        f"this record repeats record {seen[key] + 1} exactly; the spreadsheet form takes a repeated "
                        "row for a typing mistake, so keep one",
                    ),
                )
            else:
                seen[key] = i

    def _cannot(self, sheet: Sheet, index: int, column: Column | None, why: Text) -> None:
        field = sheet.field_path if sheet.form == "record" else f"{sheet.field_path}[{index}]"
        if sheet.path == ("internal_audits", "nonconformities"):
            field = "internal_audits[…].nonconformities"
        if column is not None:
            field += f".{column.key}"
        self.problems.append(
            Problem(
                "", None, None, field, T("không chuyển được sang bảng tính: ", "cannot go into the workbook: ") + why
            )
        )


def _list_name(column: Column) -> str:
    return "|".join(str(k) for k in column.choices)


_PICK = T("Chọn một giá trị trong danh sách.", "Pick a value from the list.")
_REFUSED = T("Giá trị không hợp lệ.", "This value is not allowed.")
_DATE_HELP = T(
    "Một ngày, gõ theo dạng DD/MM/YYYY (ví dụ 05/10/2022).", "A date, typed as the sheet shows them (e.g. 05/10/2022)."
)
_STATUS_HELP = T(
    "Có dữ liệu: kê khai ở bảng dưới · Không có: đã biết là không có · Chưa rõ: chưa có thông tin "
    "(để trống cũng là Chưa rõ nếu bảng không có dòng nào)",
    "Listed below: the records are in the table · None: known to be none · Not known: no information "
    "(left empty with no rows also means Not known)",
)


def _lines(*lines: str) -> tuple[str, ...]:
    return lines


_COVER_VI = _lines(
    "Mẫu dữ liệu về hệ thống quản lý chất lượng (HTQLCL) của một cơ quan",
    "Bảng tính này là một tệp dữ liệu cơ quan (facts.md) dưới dạng bảng tính: mỗi trang tính là một mục.",
    "Cách điền:",
    "1. Trang 'Cơ quan': điền cột 'Giá trị' (cột B). Các dòng có dấu * là bắt buộc.",
    "2. Các trang khác: mỗi dòng là một bản ghi, bắt đầu từ dòng 6. Dòng 4 là tên cột, dòng 5 là khóa "
    "của tệp dữ liệu — không sửa hai dòng này.",
    "3. Ô 'Tình trạng' (B2) của mỗi mục: 'Có dữ liệu' nếu đã kê khai ở bảng, 'Không có' nếu đã biết là không "
    "có (ví dụ chưa đánh giá nội bộ lần nào), 'Chưa rõ' nếu chưa có thông tin. Mục 'Chưa rõ' làm các quy tắc "
    "cần đến nó cho kết quả 'thiếu dữ liệu', không bao giờ là 'đạt'.",
    "4. Ngày: gõ theo dạng DD/MM/YYYY (ví dụ 05/10/2022); ô đã được định dạng ngày. Nếu gõ dưới dạng chữ, "
    "chỉ chấp nhận DD/MM/YYYY hoặc YYYY-MM-DD.",
    "5. Các cột có danh sách chọn (cấp, chức danh, loại báo cáo…): chọn trong danh sách, không tự gõ giá trị khác.",
    "6. Mã TTHC, kỳ báo cáo (2022-10, 2022-Q3, 2022) ghi dưới dạng chữ; các cột này đã được định dạng Văn bản.",
    "7. Không gộp ô (merge), không dùng công thức, không ẩn trang tính hay dòng có dữ liệu, không đổi tên trang "
    "tính, không chèn dữ liệu ngoài các cột của bảng.",
    "8. Điểm không phù hợp: ghi ngày của đợt đánh giá nội bộ (cột đầu) để gắn với đợt đó.",
    "Kiểm tra: htqlcl evaluate ten-tep.xlsx --as-of DD/MM/YYYY — mọi lỗi được báo theo trang tính và ô "
    "(ví dụ 'Cơ quan'!B7), bằng tiếng Việt.",
    "Chuyển sang YAML: htqlcl convert ten-tep.xlsx ten-tep.yaml (và ngược lại), không mất dữ liệu.",
)
_COVER_EN = _lines(
    "Facts about an agency's quality management system (HTQLCL)",
    "This workbook is an agency facts file (facts.md) as a spreadsheet: each sheet is one section.",
    "How to fill it in:",
    "1. The 'Agency' sheet: fill in the 'Value' column (B). Rows marked * are required.",
    "2. The other sheets: one record per row, from row 6. Row 4 names the columns, row 5 holds the facts "
    "file's keys — do not change these two rows.",
    "3. Each section's 'Status' cell (B2): 'Listed below' when the records are in the table, 'None' when it is "
    "known there are none, 'Not known' when there is no information. A section not known makes the rules that "
    "need it say 'facts missing', never 'met'.",
    "4. Dates: type them as the sheet shows them (DD/MM/YYYY, e.g. 05/10/2022); as text, only DD/MM/YYYY or "
    "YYYY-MM-DD is accepted.",
    "5. Columns with a dropdown (level, role, report kind…): pick from the list.",
    "6. Procedure codes and report periods (2022-10, 2022-Q3, 2022) are text; those columns are formatted as text.",
    "7. Do not merge cells, use formulas, hide sheets or rows holding data, rename sheets, or write outside the "
    "table's columns.",
    "8. Nonconformities: the first column gives the date of the internal audit they were found in.",
    "Check it: htqlcl evaluate file.xlsx --as-of YYYY-MM-DD --lang en — every problem is reported by sheet and "
    "cell (e.g. 'Agency'!B7).",
    "To YAML: htqlcl convert file.xlsx file.yaml (and back), losslessly.",
)
