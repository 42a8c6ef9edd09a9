"""Reading an agency's facts workbook: cells → the facts file's data → the facts model, with every
mistake an officer can make in a spreadsheet program reported by sheet and cell ('Cơ quan'!B7),
field and what is allowed, in both languages; nothing is evaluated while any problem remains.

Besides what the facts model refuses (a date in the wrong form, an unknown level, an empty required
cell…), a workbook can be wrong in ways a YAML file cannot: a merged cell, a formula, a hidden sheet
or row, a sheet that is not part of the form, data outside the table's columns, a row repeated word
for word, a number where a code is text, a date where a period is text. Each is a problem here."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import ValidationError

from engine.errors import InputError, InvalidValue, Problem
from engine.facts import AgencyFacts
from engine.lang import T, Text
from engine.messages import vn_date
from engine.quoting import quote as _show  # a user's value in a message: quoted, escaped, at most 60 characters
from engine.xlsx import layout
from engine.xlsx.layout import Column, Sheet

XLSX_SUFFIXES = (".xlsx", ".xlsm")
_NOTHING = object()


@dataclass
class _Place:
    sheet: str
    row: int
    column: int

    @property
    def cell(self) -> str:
        return f"{get_column_letter(self.column)}{self.row}"


@dataclass
class _Reading:
    """What is known while reading one workbook: its problems, and where each value came from."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    places: dict[tuple, _Place] = field(default_factory=dict)  # facts path → the cell it was read from
    sheets: dict[tuple, str] = field(default_factory=dict)  # a sheet's facts path → its name in the workbook
    reported: set[tuple] = field(default_factory=set)  # facts paths already explained

    def problem(self, place: _Place | str | None, path: tuple, message: Text) -> None:
        if isinstance(place, _Place):
            self.problems.append(
                Problem(
                    self.file,
                    place.row,
                    place.column,
                    _field(path),
                    message,
                    sheet=place.sheet,
                    cell=place.cell,
                )
            )
        else:
            self.problems.append(Problem(self.file, None, None, _field(path), message, sheet=place))
        self.reported.add(path)


def _field(path: tuple) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


# ---------------------------------------------------------------- the file


def read_facts_workbook(path: Path | str, *, max_bytes: int | None = None) -> AgencyFacts:
    """The facts of a workbook written from `htqlcl template` (or `convert`), or InputError listing
    every problem found."""
    data, reading = read_facts_data(path, max_bytes=max_bytes)
    try:
        facts = AgencyFacts.model_validate(data)
    except ValidationError as exc:
        # Every problem at once: the model's too, except where the cell was already reported.
        for err in exc.errors(include_url=False):
            _explain(reading, err)
    else:
        if not reading.problems:
            return facts
    raise InputError(reading.problems)


def read_facts_data(path: Path | str, *, max_bytes: int | None = None) -> tuple[dict, _Reading]:
    """The facts file's data as a workbook holds it (before the model checks it), and the reading
    that knows each value's cell and the problems found so far; InputError if the file is no
    workbook of the form at all."""
    from engine.yamlio import read_bytes

    file = path if isinstance(path, str) else str(path)
    raw = read_bytes(path, max_bytes=max_bytes)
    reading = _Reading(file)
    book = _open(raw, file, max_bytes)
    return _read_book(book, reading), reading


def id_cell(path: str, max_bytes: int | None = None) -> Problem | None:
    """Where a workbook gives its agency's id (for a message about a duplicate id), or None."""
    try:
        _, reading = read_facts_data(path, max_bytes=max_bytes)
    except InputError:
        return None
    place = reading.places.get(("agency", "id"))
    if place is None:
        return None
    return Problem(path, place.row, place.column, "agency.id", "", sheet=place.sheet, cell=place.cell)


def _whole(file: str, message: Text) -> InputError:
    return InputError([Problem(file, None, None, "", message)])


_NOT_XLSX = T(
    "tệp không phải là bảng tính .xlsx (Excel 2007 trở lên, LibreOffice); nếu là tệp .xls cũ hoặc tệp đã "
    "đặt mật khẩu, hãy mở tệp rồi lưu lại dưới dạng .xlsx không có mật khẩu",
    "the file is not an .xlsx workbook (Excel 2007 or later, LibreOffice); if it is an old .xls file or a "
    "password-protected one, open it and save it as .xlsx without a password",
)


def _open(raw: bytes, file: str, max_bytes: int | None):
    from engine.yamlio import max_input_bytes

    limit = max_input_bytes() if max_bytes is None else max_bytes
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _whole(file, _NOT_XLSX) from None
    if unpacked > limit:
        # A workbook is a zip: a small file can unpack into gigabytes ("zip bomb").
        raise _whole(
            file,
            T(
                f"nội dung bảng tính khi giải nén dài {unpacked:,} byte, vượt giới hạn đầu vào {limit:,} byte".replace(
                    ",", "."
                ),
                f"the workbook unpacks into {unpacked:,} bytes, over the input limit of {limit:,} bytes",
            ),
        )
    try:
        return load_workbook(io.BytesIO(raw), data_only=False, rich_text=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise _whole(
            file,
            T(f"không đọc được bảng tính ({exc.__class__.__name__}); ", f"the workbook cannot be read ({exc}); ")
            + _NOT_XLSX,
        ) from None


# ---------------------------------------------------------------- the sheets


def _read_book(book, reading: _Reading) -> dict:
    found: dict[tuple, Worksheet] = {}
    for ws in book.worksheets:
        sheet = layout.sheet_named(ws.title)
        hidden = ws.sheet_state != "visible"
        if sheet is None:
            if layout.other_sheet(ws.title) or not _has_data(ws):
                continue
            reading.problem(
                ws.title,
                (),
                T(
                    f"trang tính {_show(ws.title)} không thuộc mẫu nên dữ liệu trong đó sẽ không được đọc; hãy chuyển "
                    "dữ liệu sang đúng trang của mẫu (đừng đổi tên trang) hoặc xóa trang này",
                    f"the sheet {_show(ws.title)} is not part of the form, so its data would not be read; move the data "
                    "to the form's sheet (do not rename sheets) or delete this sheet",
                ),
            )
            continue
        if sheet.path in found:
            reading.problem(
                ws.title,
                sheet.path,
                T(
                    f"trang tính {_show(found[sheet.path].title)} và {_show(ws.title)} là cùng một mục; chỉ giữ một trang",
                    f"the sheets {_show(found[sheet.path].title)} and {_show(ws.title)} are the same section; keep one",
                ),
            )
            continue
        if hidden:
            reading.problem(
                ws.title,
                sheet.path,
                T(
                    f"trang tính {_show(ws.title)} đang bị ẩn; hãy hiện lại (chuột phải vào tên trang → Bỏ ẩn) và kiểm "
                    "tra dữ liệu trong đó: dữ liệu bị ẩn dễ bị bỏ sót hoặc ghi nhầm",
                    f"the sheet {_show(ws.title)} is hidden; unhide it (right-click a sheet tab → Unhide) and check its "
                    "data: hidden data is easily missed or wrong",
                ),
            )
        found[sheet.path] = ws
        reading.sheets[sheet.path] = ws.title
    if ("agency",) not in found:
        agency = layout.BY_PATH[("agency",)]
        raise InputError(
            [
                *reading.problems,
                Problem(
                    reading.file,
                    None,
                    None,
                    "agency",
                    T(
                        f"bảng tính không có trang '{agency.name.vi}', nên không theo mẫu dữ liệu cơ quan; hãy tạo "
                        "mẫu bằng lệnh htqlcl template --output mau.xlsx",
                        f"the workbook has no '{agency.name.en}' sheet, so it is not a facts form; make one with "
                        "htqlcl template --output form.xlsx --lang en",
                    ),
                ),
            ]
        )
    values: dict[tuple, Any] = {}
    for path, ws in found.items():
        sheet = layout.BY_PATH[path]
        _check_sheet(ws, sheet, reading)
        if sheet.form == "record":
            values[path] = _read_record(ws, sheet, reading)
        else:
            values[path] = _read_table(ws, sheet, reading)
    return _assemble(values, reading)


def _has_data(ws: Worksheet) -> bool:
    return any(cell.value not in (None, "") for row in ws.iter_rows() for cell in row)


def _check_sheet(ws: Worksheet, sheet: Sheet, reading: _Reading) -> None:
    """What a form sheet must never hold: merged cells, formulas, error values, hidden data."""
    for merged in sorted(ws.merged_cells.ranges, key=str):
        reading.problem(
            _Place(ws.title, merged.min_row, merged.min_col),
            sheet.path,
            T(
                f"các ô {merged.coord} đang được gộp (merge); hãy bỏ gộp ô (Merge & Center → Unmerge): mỗi ô chỉ "
                "chứa một giá trị",
                f"the cells {merged.coord} are merged; unmerge them: each cell holds one value",
            ),
        )
    first = _first_data_row(sheet)
    hidden_rows = {int(r) for r, d in ws.row_dimensions.items() if d.hidden and int(r) >= first}
    hidden_columns = {letter for letter, d in ws.column_dimensions.items() if d.hidden}
    if not (hidden_rows or hidden_columns):
        return  # the usual case: nothing to look at
    for row in ws.iter_rows(min_row=first):
        for cell in row:
            if cell.value in (None, "") or not (cell.row in hidden_rows or cell.column_letter in hidden_columns):
                continue
            place = _Place(ws.title, cell.row, cell.column)
            reading.problem(
                place,
                sheet.path,
                T(
                    f"ô {place.cell} có dữ liệu nhưng dòng hoặc cột của nó đang bị ẩn; hãy hiện lại và kiểm tra",
                    f"the cell {place.cell} holds data but its row or column is hidden; unhide it and check it",
                ),
            )


def _usable(cell: Any, place: _Place, path: tuple, reading: _Reading) -> bool:
    """False (and the reason reported) for a cell whose value cannot be taken: a formula or an
    error value."""
    if cell.data_type == "f":
        reading.problem(
            place,
            path,
            T(
                f"ô chứa công thức {_show(cell.value)}; hãy nhập giá trị (Sao chép → Dán đặc biệt → Giá trị): "
                "công thức có thể cho kết quả khác khi mở ở máy khác",
                f"the cell holds the formula {_show(cell.value)}; enter the value instead (Copy → Paste "
                "special → Values): a formula may give another result elsewhere",
            ),
        )
        return False
    if cell.data_type == "e":
        reading.problem(
            place,
            path,
            T(
                f"ô chứa giá trị lỗi {_show(cell.value)}; hãy nhập lại giá trị đúng",
                f"the cell holds the error value {_show(cell.value)}; enter the right value",
            ),
        )
        return False
    return True


def _first_data_row(sheet: Sheet) -> int:
    return layout.RECORD_FIRST_ROW if sheet.form == "record" else layout.FIRST_ROW


def _read_record(ws: Worksheet, sheet: Sheet, reading: _Reading) -> dict:
    """A record sheet: column C names the field of each row, column B holds its value."""
    by_key = {f"{sheet.field_path}.{c.key}": c for c in sheet.columns}
    out: dict = {}
    seen: set[str] = set()
    for row_number, row in enumerate(ws.iter_rows(min_row=layout.RECORD_FIRST_ROW), start=layout.RECORD_FIRST_ROW):
        cells = dict(enumerate(row, start=1))
        key_cell = cells.get(layout.RECORD_KEY_COLUMN)
        value_cell = cells.get(layout.RECORD_VALUE_COLUMN)
        key = str(key_cell.value).strip() if key_cell is not None and key_cell.value is not None else ""
        column = by_key.get(key)
        for number, cell in cells.items():
            if number > 4 and cell.value not in (None, ""):
                _outside(reading, sheet, _Place(ws.title, row_number, number))
        if column is None:
            if value_cell is not None and value_cell.value not in (None, ""):
                reading.problem(
                    _Place(ws.title, row_number, layout.RECORD_VALUE_COLUMN),
                    sheet.path,
                    T(
                        f"dòng {row_number} có giá trị nhưng ô khóa {get_column_letter(layout.RECORD_KEY_COLUMN)}"
                        f"{row_number} không phải khóa của mẫu ({_show(key)}); đừng sửa cột Khóa",
                        f"row {row_number} has a value but its key cell "
                        f"{get_column_letter(layout.RECORD_KEY_COLUMN)}{row_number} is not one of the form's "
                        f"keys ({_show(key)}); do not change the Key column",
                    ),
                )
            continue
        seen.add(column.key)
        place = _Place(ws.title, row_number, layout.RECORD_VALUE_COLUMN)
        path = (*sheet.path, column.key)
        reading.places[path] = place
        if value_cell is None or value_cell.value in (None, "") or not _usable(value_cell, place, path, reading):
            continue
        value = _convert(value_cell.value, column, place, path, reading)
        if value is not _NOTHING:
            out[column.key] = value
    for column in sheet.columns:
        if column.key not in seen and column.required:
            reading.problem(
                ws.title,
                (*sheet.path, column.key),
                T(
                    f"trang tính thiếu dòng có khóa {sheet.field_path}.{column.key} ({column.doc.vi}); "
                    "hãy dùng lại trang của mẫu",
                    f"the sheet has no row with the key {sheet.field_path}.{column.key} ({column.doc.en}); "
                    "use the form's sheet again",
                ),
            )
    return out


@dataclass
class _Table:
    status: Text | None  # one of layout.STATUSES, or None when left empty
    status_place: _Place
    rows: list[tuple[dict, dict[str, _Place], int]]  # (values, where each column is, row number)


def _read_table(ws: Worksheet, sheet: Sheet, reading: _Reading) -> _Table:
    keys: dict[int, Column] = {}
    by_key = {c.key: c for c in sheet.columns}
    key_row = next(ws.iter_rows(min_row=layout.KEY_ROW, max_row=layout.KEY_ROW), ())
    for column_number, key_cell in enumerate(key_row, start=1):
        key = str(key_cell.value).strip() if key_cell.value is not None else ""
        if not key:
            continue
        if key in by_key and by_key[key] not in keys.values():
            keys[column_number] = by_key[key]
        else:
            reading.problem(
                _Place(ws.title, layout.KEY_ROW, column_number),
                sheet.path,
                T(
                    f"{_show(key)} không phải là khóa của một cột trong trang này (các khóa: "
                    f"{', '.join(by_key)}); đừng sửa dòng {layout.KEY_ROW}",
                    f"{_show(key)} is not the key of a column of this sheet (the keys: {', '.join(by_key)}); do not "
                    f"change row {layout.KEY_ROW}",
                ),
            )
    missing = [c for c in sheet.columns if c.required and c not in keys.values()]
    for column in missing:
        reading.problem(
            ws.title,
            sheet.path,
            T(
                f"thiếu cột '{column.doc.vi}' (khóa {column.key} ở dòng {layout.KEY_ROW}); hãy dùng lại trang của mẫu",
                f"the column '{column.doc.en}' (key {column.key} in row {layout.KEY_ROW}) is missing; use the "
                "form's sheet again",
            ),
        )
    status_place = _Place(ws.title, layout.STATUS_ROW, 2)
    status = None
    if sheet.status:
        status = _status(ws.cell(layout.STATUS_ROW, 2), status_place, sheet, reading)
    rows = []
    index = 0
    for number, row in enumerate(ws.iter_rows(min_row=layout.FIRST_ROW), start=layout.FIRST_ROW):
        values: dict = {}
        places: dict[str, _Place] = {}
        filled = False
        for column_number, any_cell in enumerate(row, start=1):
            if any_cell.value in (None, "") or (isinstance(any_cell.value, str) and not any_cell.value.strip()):
                continue
            filled = True
            if column_number not in keys:
                _outside(reading, sheet, _Place(ws.title, number, column_number))
        if not filled:
            continue
        path = (*sheet.path, index)
        for column_number, column in keys.items():
            place = _Place(ws.title, number, column_number)
            places[column.key] = place
            cell = row[column_number - 1] if column_number <= len(row) else None
            if cell is None or cell.value in (None, "") or not _usable(cell, place, (*path, column.key), reading):
                continue
            value = _convert(cell.value, column, place, (*path, column.key), reading)
            if value is not _NOTHING:
                values[column.key] = value
        rows.append((values, places, number))
        index += 1
    _refuse_repeated_rows(ws, sheet, rows, reading)
    return _Table(status, status_place, rows)


def _outside(reading: _Reading, sheet: Sheet, place: _Place) -> None:
    reading.problem(
        place,
        sheet.path,
        T(
            f"ô {place.cell} có dữ liệu nằm ngoài các cột của mẫu, nên sẽ không được đọc; hãy chuyển vào đúng cột "
            "hoặc xóa đi",
            f"the cell {place.cell} holds data outside the form's columns, so it would not be read; move it to "
            "the right column or delete it",
        ),
    )


def _status(cell: Any, place: _Place, sheet: Sheet, reading: _Reading) -> Text | None:
    if cell.value in (None, "") or not _usable(cell, place, sheet.path, reading):
        return None
    wanted = " ".join(str(cell.value).split()).casefold()
    for status in layout.STATUSES:
        if wanted in (status.vi.casefold(), status.en.casefold()):
            return status
    reading.problem(
        place,
        sheet.path,
        T(
            f"tình trạng {_show(cell.value)} không có trong danh sách; chọn một trong: "
            + ", ".join(s.vi for s in layout.STATUSES),
            f"the status {_show(cell.value)} is not in the list; pick one of: "
            + ", ".join(s.en for s in layout.STATUSES),
        ),
    )
    return None


def _refuse_repeated_rows(ws: Worksheet, sheet: Sheet, rows: list, reading: _Reading) -> None:
    first: dict[tuple, int] = {}
    for index, (values, _, number) in enumerate(rows):
        key = tuple(sorted((k, repr(v)) for k, v in values.items()))
        if key in first:
            place = _Place(ws.title, number, 1)
            reading.problem(
                place,
                (*sheet.path, index),
                T(
                    f"dòng {number} trùng hoàn toàn với dòng {first[key]}; hãy xóa dòng thừa (nếu là hai bản ghi "
                    "khác nhau, hãy ghi rõ chỗ khác nhau)",
                    f"row {number} repeats row {first[key]} exactly; delete the extra row (if they are two "
                    "records, write what differs)",
                ),
            )
        else:
            first[key] = number


# ---------------------------------------------------------------- cells → values


def _convert(value: Any, column: Column, place: _Place, path: tuple, reading: _Reading) -> Any:
    """The facts file's value of one cell, or _NOTHING (left empty, or reported)."""
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return _NOTHING
    if column.kind in ("choice", "bool"):
        ok, found = layout.choice_value(column, value)
        if ok:
            return found
        reading.problem(
            place,
            path,
            T(
                f"{_show(value)} không có trong danh sách; chọn một trong: {', '.join(layout.choice_labels(column, 'vi'))}",
                f"{_show(value)} is not in the list; pick one of: {', '.join(layout.choice_labels(column, 'en'))}",
            ),
        )
        return _NOTHING
    if column.kind == "date":
        if isinstance(value, dt.datetime):
            return value.date() if value.time() == dt.time() else value  # a time of day: the model says so
        if isinstance(value, (dt.date, str)):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            reading.problem(
                place,
                path,
                T(
                    f"ô chứa số {value}, không phải một ngày; hãy gõ ngày theo dạng DD/MM/YYYY (ví dụ 05/10/2022) "
                    "trong ô định dạng Ngày",
                    f"the cell holds the number {value}, not a date; type the date as DD/MM/YYYY (e.g. 05/10/2022) "
                    "in a cell formatted as a date",
                ),
            )
            return _NOTHING
    if column.kind == "int":
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and value.isdigit():
            return int(value)
        return value
    if column.kind == "list":
        if isinstance(value, str):
            return [part.strip() for part in value.replace("\n", ";").split(";") if part.strip()]
        return [value]
    if column.kind == "text":
        if column.key == "period" and isinstance(value, int) and not isinstance(value, bool):
            return str(value)  # an annual period typed as a number: 2022
        if isinstance(value, dt.datetime):
            day = vn_date(value.date())
            reading.problem(
                place,
                path,
                T(
                    f"ô chứa ngày {day} nhưng cột này ghi dưới dạng chữ (bảng tính có thể đã tự đổi, ví dụ '2022-10' "
                    "thành ngày); hãy định dạng ô là Văn bản (Text) rồi gõ lại",
                    f"the cell holds the date {day} but this column is text (the spreadsheet may have changed "
                    "e.g. '2022-10' into a date); format the cell as Text and type it again",
                ),
            )
            return _NOTHING
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            reading.problem(
                place,
                path,
                T(
                    f"ô chứa số {value} nhưng cột này ghi dưới dạng chữ (mã như 2.000908 sẽ bị đổi khi lưu dạng số); "
                    "hãy định dạng ô là Văn bản (Text) rồi gõ lại, hoặc gõ dấu nháy đơn (') trước giá trị",
                    f"the cell holds the number {value} but this column is text (a code like 2.000908 changes when "
                    "kept as a number); format the cell as Text and type it again, or type an apostrophe (') first",
                ),
            )
            return _NOTHING
    return value


# ---------------------------------------------------------------- values → the facts file's data


def _assemble(values: dict[tuple, Any], reading: _Reading) -> dict:
    data: dict = {"agency": values.get(("agency",), {})}
    reading.places.setdefault(("agency",), _Place(reading.sheets.get(("agency",), ""), 1, 1))

    # qms: present when its standard or any declaration is given
    qms = dict(values.get(("qms",), {}))
    declarations = values.get(("qms", "declarations"))
    if declarations is not None and declarations.rows:
        qms["declarations"] = _records(declarations, ("qms", "declarations"), reading)
    if qms:
        data["qms"] = qms

    # the steering committee: its status on the members' sheet
    members = values.get(("steering_committee", "members"))
    decisions = values.get(("steering_committee", "decisions"))
    rows = (members.rows if members else []) + (decisions.rows if decisions else [])
    state = _state(members, bool(rows), ("steering_committee",), reading)
    if state == "none":
        data["steering_committee"] = None
    elif state == "listed":
        committee: dict = {}
        if decisions is not None and decisions.rows:
            committee["decisions"] = [v.get("date") for v, _, _ in decisions.rows]
            for i, (_, places, _) in enumerate(decisions.rows):
                reading.places[("steering_committee", "decisions", i)] = places["date"]
        if members is not None and members.rows:
            committee["members"] = _records(members, ("steering_committee", "members"), reading)
        data["steering_committee"] = committee

    for sheet in layout.SHEETS:
        if len(sheet.path) != 1 or sheet.form != "table":
            continue
        table = values.get(sheet.path)
        state = _state(table, bool(table and table.rows), sheet.path, reading)
        if state == "none":
            data[sheet.path[0]] = []
        elif state == "listed" and table is not None:
            data[sheet.path[0]] = _records(table, sheet.path, reading)
    _attach_nonconformities(data, values.get(("internal_audits", "nonconformities")), reading)
    return data


def _records(table: _Table, path: tuple, reading: _Reading) -> list[dict]:
    out = []
    for i, (values, places, _) in enumerate(table.rows):
        for key, place in places.items():
            reading.places[(*path, i, key)] = place
        reading.places[(*path, i)] = _Place(next(iter(places.values())).sheet, _row_of(table, i), 1)
        out.append(values)
    return out


def _row_of(table: _Table, index: int) -> int:
    return table.rows[index][2]


def _state(table: _Table | None, has_rows: bool, path: tuple, reading: _Reading) -> str:
    """'listed', 'none' or 'unknown' for a section, from its status cell and whether rows are filled."""
    if table is None:
        return "listed" if has_rows else "unknown"
    reading.places[path] = table.status_place
    status = table.status
    if status is None:
        return "listed" if has_rows else "unknown"
    if status is layout.STATUS_LISTED:
        return "listed"
    if has_rows:
        reading.problem(
            table.status_place,
            path,
            T(
                f"tình trạng là '{status.vi}' nhưng bảng có dữ liệu; hãy chọn '{layout.STATUS_LISTED.vi}' hoặc xóa "
                "các dòng dữ liệu",
                f"the status is '{status.en}' but the table holds records; pick '{layout.STATUS_LISTED.en}' or "
                "delete the records",
            ),
        )
        return "unknown"
    return "none" if status is layout.STATUS_NONE else "unknown"


def _attach_nonconformities(data: dict, table: _Table | None, reading: _Reading) -> None:
    if table is None or not table.rows:
        return
    audits = data.get("internal_audits")
    path = ("internal_audits", "nonconformities")
    by_date: dict[Any, int] = {}
    for i, audit in enumerate(audits or []):
        day = audit.get("date")
        if day is not None:
            by_date.setdefault(_day_key(day), i)
    counts: dict[int, int] = {}
    for values, places, _ in table.rows:
        values = dict(values)
        day = values.pop(layout.PARENT_KEY, None)
        where = places.get(layout.PARENT_KEY)
        if day is None:
            if where is not None:
                reading.problem(where, path, _EMPTY_AUDIT_DATE)
            continue
        index = by_date.get(_day_key(day))
        if index is None or not isinstance(audits, list):
            shown = vn_date(day) if isinstance(day, dt.date) else str(day)
            audits_sheet = layout.BY_PATH[("internal_audits",)].name
            reading.problem(
                where,
                path,
                T(
                    f"không có đợt đánh giá nội bộ ngày {shown} trong trang '{audits_sheet.vi}'; hãy ghi đúng ngày "
                    "của đợt đánh giá, hoặc thêm đợt đó",
                    f"there is no internal audit on {shown} on the '{audits_sheet.en}' sheet; give the date of the "
                    "audit, or add it",
                ),
            )
            continue
        j = counts.get(index, 0)
        counts[index] = j + 1
        audits[index].setdefault("nonconformities", []).append(values)
        for key, place in places.items():
            reading.places[("internal_audits", index, "nonconformities", j, key)] = place
        record = places.get("id") or where
        if record is not None:
            reading.places[("internal_audits", index, "nonconformities", j)] = record


_EMPTY_AUDIT_DATE = T(
    "ô bắt buộc đang để trống: ngày của đợt đánh giá mà điểm không phù hợp thuộc về",
    "this required cell is empty: the date of the audit the nonconformity belongs to",
)


def _day_key(day: Any) -> Any:
    from engine.facts import parse_date

    try:
        return parse_date(day)
    except (InvalidValue, ValueError):
        return day


# ---------------------------------------------------------------- the model's problems, at their cells


def _explain(reading: _Reading, err) -> None:
    from engine.yamlio import explain

    loc = tuple(err.get("loc", ()))
    if any(loc[: len(done)] == done for done in reading.reported if done):
        return  # already reported at this cell (or for this record)
    error = (err.get("ctx") or {}).get("error")
    target = loc
    if isinstance(error, InvalidValue) and error.field:
        target = (*loc, error.field)
    place = _nearest(reading, target)
    if err.get("type") == "missing":
        message = _missing(loc)
    else:
        message = explain(AgencyFacts, err)
    reading.problem(place, loc, message)


def _nearest(reading: _Reading, path: tuple) -> _Place | str | None:
    for end in range(len(path), 0, -1):
        place = reading.places.get(path[:end])
        if place is not None:
            return place
        sheet = reading.sheets.get(path[:end])
        if sheet is not None:
            return sheet
    return reading.sheets.get(("agency",))


def _missing(loc: tuple) -> Text:
    from engine.facts import doc_of, record_model

    model: Any = AgencyFacts
    for step in loc[:-1]:
        if isinstance(step, str) and model is not None:
            model = record_model(model, step)
    doc = doc_of(model, str(loc[-1])) if model is not None else None
    vi, en = (doc.vi, doc.en) if doc else (str(loc[-1]), str(loc[-1]))
    return T(f"ô bắt buộc đang để trống: {vi}", f"this required cell is empty: {en}")
