"""An officer fills the facts workbook in a spreadsheet program and makes the usual mistakes: each is
refused (exit 2, nothing evaluated, nothing written) with one Vietnamese message naming the file, the
sheet and cell, the field and what is allowed — and the same place in English."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

import cli
from engine.api import load_facts
from engine.xlsx.facts_writer import facts_workbook

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "agencies" / "ubnd-huyen-quang-dien.yaml"
AS_OF = "2022-10-28"


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Path:
    """The demo agency's facts in the workbook form: a form as an officer would have filled it."""
    path = tmp_path_factory.mktemp("form") / "ubnd-huyen-quang-dien.xlsx"
    path.write_bytes(facts_workbook(load_facts(DEMO)))
    return path


def _append_copy_of_row(ws, row: int) -> int:
    target = ws.max_row + 1
    for cell in ws[row]:
        ws.cell(target, cell.column, cell.value)
    return target


def _extra_sheet(wb: Workbook) -> None:
    wb.create_sheet("Sheet1")["A1"] = "ghi chú của cán bộ"


def _hide(wb: Workbook, name: str) -> None:
    wb[name].sheet_state = "hidden"


def _hide_row(wb: Workbook) -> None:
    wb["TTHC"].row_dimensions[7].hidden = True


def _merge(wb: Workbook) -> None:
    wb["TTHC"].merge_cells("B7:C7")


def _duplicate(wb: Workbook) -> None:
    _append_copy_of_row(wb["TTHC"], 6)


def _commune_without_district(wb: Workbook) -> None:
    wb["Cơ quan"]["B5"] = "Cấp xã"
    wb["Cơ quan"]["B7"] = None


def _pasted_number(wb: Workbook) -> None:
    # Pasted from another system: a plain number in a cell no longer formatted as a date.
    cell = wb["Đánh giá nội bộ"]["A6"]
    cell.value, cell.number_format = 44839, "General"


def _set(sheet: str, cell: str, value) -> Callable[[Workbook], None]:
    def change(wb: Workbook) -> None:
        wb[sheet][cell] = value

    return change


# (what the officer did, the change, where: "'Sheet'!Cell" or "'Sheet'", field, Vietnamese words expected)
MISTAKES = [
    (
        "a date typed as text in the wrong form",
        _set("Đánh giá nội bộ", "A6", "2022/10/05"),
        "'Đánh giá nội bộ'!A6",
        "internal_audits[0].date",
        "cần một ngày theo dạng DD/MM/YYYY hoặc YYYY-MM-DD, nhưng đang là '2022/10/05'",
    ),
    (
        "an impossible date",
        _set("Xem xét của lãnh đạo", "A6", "31/02/2022"),
        "'Xem xét của lãnh đạo'!A6",
        "management_reviews[0].date",
        "ngày '31/02/2022' không hợp lệ (tháng này không có ngày đó)",
    ),
    (
        "an unknown level",
        _set("Cơ quan", "B5", "Cấp thôn"),
        "'Cơ quan'!B5",
        "agency.level",
        "'Cấp thôn' không có trong danh sách; chọn một trong: Trung ương, Cấp tỉnh, Sở, ban, ngành, Cấp huyện, Cấp xã",
    ),
    (
        "an empty required cell",
        _set("Cơ quan", "B4", None),
        "'Cơ quan'!B4",
        "agency.name",
        "ô bắt buộc đang để trống: Tên cơ quan",
    ),
    ("a duplicated row", _duplicate, "'TTHC'!A9", "procedures[3]", "dòng 9 trùng hoàn toàn với dòng 6"),
    ("a merged cell", _merge, "'TTHC'!B7", "procedures", "các ô B7:C7 đang được gộp (merge)"),
    (
        "a formula",
        _set("Mục tiêu chất lượng", "A6", "=2021+1"),
        "'Mục tiêu chất lượng'!A6",
        "quality_objectives[0].year",
        "ô chứa công thức '=2021+1'",
    ),
    (
        "a hidden sheet",
        lambda wb: _hide(wb, "Báo cáo"),
        "'Báo cáo'",
        "reports",
        "trang tính 'Báo cáo' đang bị ẩn",
    ),
    (
        "a hidden row holding data",
        _hide_row,
        "'TTHC'!A7",
        "procedures",
        "có dữ liệu nhưng dòng hoặc cột của nó đang bị ẩn",
    ),
    (
        "a procedure code kept as a number",
        _set("TTHC", "A6", 2.000908),
        "'TTHC'!A6",
        "procedures[0].code",
        "ô chứa số 2.000908 nhưng cột này ghi dưới dạng chữ",
    ),
    (
        "a report period the spreadsheet turned into a date",
        _set("Báo cáo", "B6", dt.datetime(2022, 9, 1)),
        "'Báo cáo'!B6",
        "reports[0].period",
        "ô chứa ngày 01/09/2022 nhưng cột này ghi dưới dạng chữ",
    ),
    (
        "a date with a time of day",
        _set("Xem xét của lãnh đạo", "A6", dt.datetime(2022, 10, 20, 14, 30)),
        "'Xem xét của lãnh đạo'!A6",
        "management_reviews[0].date",
        "có cả giờ; chỉ ghi ngày",
    ),
    (
        "a date pasted as a bare number",
        _pasted_number,
        "'Đánh giá nội bộ'!A6",
        "internal_audits[0].date",
        "ô chứa số 44839, không phải một ngày",
    ),
    (
        "a year written in words",
        _set("Mục tiêu chất lượng", "A6", "năm 2022"),
        "'Mục tiêu chất lượng'!A6",
        "quality_objectives[0].year",
        "cần một số nguyên, nhưng đang là chuỗi ký tự 'năm 2022'",
    ),
    (
        "a year out of range",
        _set("Chương trình ĐGNB", "A6", 1890),
        "'Chương trình ĐGNB'!A6",
        "audit_programs[0].year",
        "1890 nằm ngoài khoảng cho phép: phải từ 1990 trở lên",
    ),
    (
        "a sheet that is not part of the form",
        _extra_sheet,
        "'Sheet1'",
        "",
        "trang tính 'Sheet1' không thuộc mẫu",
    ),
    (
        "a note outside the table",
        _set("TTHC", "F6", "xem lại"),
        "'TTHC'!F6",
        "procedures",
        "ô F6 có dữ liệu nằm ngoài các cột của mẫu",
    ),
    (
        "a status that contradicts the rows",
        _set("TTHC", "B2", "Không có"),
        "'TTHC'!B2",
        "procedures",
        "tình trạng là 'Không có' nhưng bảng có dữ liệu",
    ),
    (
        "a nonconformity of an audit that is not listed",
        _set("Điểm không phù hợp", "A6", dt.datetime(2022, 1, 1)),
        "'Điểm không phù hợp'!A6",
        "internal_audits.nonconformities",
        "không có đợt đánh giá nội bộ ngày 01/01/2022",
    ),
    (
        "a province typed without accents",
        _set("Cơ quan", "B6", "Thua Thien Hue"),
        "'Cơ quan'!B6",
        "agency.province",
        "có phải là 'Thừa Thiên Huế' không?",
    ),
    (
        "a commune without its district",
        _commune_without_district,
        "'Cơ quan'!B7",
        "agency",
        "cơ quan cấp xã (level commune) phải ghi trường 'district'",
    ),
    (
        "a changed key row",
        _set("TTHC", "A5", "ma"),
        "'TTHC'!A5",
        "procedures",
        "'ma' không phải là khóa của một cột trong trang này",
    ),
    (
        "a role that is not in the list",
        _set("Ban chỉ đạo", "B6", "Trưởng phòng"),
        "'Ban chỉ đạo'!B6",
        "steering_committee.members[0].role",
        "'Trưởng phòng' không có trong danh sách; chọn một trong: Trưởng ban, Phó Trưởng ban, Thành viên, Thư ký",
    ),
    (
        "an id with spaces and capitals",
        _set("Cơ quan", "B3", "UBND Quang Dien"),
        "'Cơ quan'!B3",
        "agency.id",
        "'UBND Quang Dien' không phải là mã hợp lệ",
    ),
    (
        "a monthly period that is no month",
        _set("Báo cáo", "B6", "2022-13"),
        "'Báo cáo'!B6",
        "reports[0].period",
        "kỳ '2022-13' không phải là kỳ báo cáo tháng",
    ),
    (
        "an error value left by a broken reference",
        _set("TTHC", "C6", "#REF!"),
        "'TTHC'!C6",
        "procedures[0].effective",
        "ô chứa giá trị lỗi '#REF!'",
    ),
]


def _make(filled: Path, tmp_path: Path, change) -> Path:
    wb = load_workbook(filled)
    change(wb)
    path = tmp_path / "mau.xlsx"
    wb.save(path)
    return path


def test_there_are_at_least_twenty_typical_mistakes():
    assert len(MISTAKES) >= 20


def test_the_filled_form_itself_is_fine(filled, capsys):
    assert cli.main(["evaluate", str(filled), "--as-of", AS_OF]) == 1  # the demo has violations
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(("what", "change", "where", "field", "words"), MISTAKES, ids=[m[0] for m in MISTAKES])
def test_each_mistake_is_refused_with_a_vietnamese_message_at_its_cell(
    filled, tmp_path, capsys, what, change, where, field, words
):
    path = _make(filled, tmp_path, change)
    output = tmp_path / "bao-cao.html"
    code = cli.main(["evaluate", str(path), "--as-of", AS_OF, "--format", "html", "--output", str(output)])
    out, err = capsys.readouterr()
    assert code == 2, err
    assert out == "" and not output.exists(), "nothing is evaluated or written"
    head = f"{path}:{where}: " + (f"{field}: " if field else "")
    lines = err.splitlines()
    assert any(line.startswith(head) and words in line for line in lines), f"{what}: expected {head}…{words}\n{err}"
    assert "Traceback" not in err
    # The same place in English; only the words change.
    assert cli.main(["evaluate", str(path), "--as-of", AS_OF, "--lang", "en"]) == 2
    english = capsys.readouterr().err.splitlines()
    assert [line.split(": ", 1)[0] for line in english] == [line.split(": ", 1)[0] for line in lines]
    assert any(line.startswith(head) for line in english) and english != lines


def test_every_mistake_at_once_is_reported_at_once(filled, tmp_path, capsys):
    wb = load_workbook(filled)
    for _, change, *_ in MISTAKES:
        if change is not _commune_without_district:  # it would hide the level and the district mistakes
            change(wb)
    path = tmp_path / "many.xlsx"
    wb.save(path)
    assert cli.main(["evaluate", str(path), "--as-of", AS_OF]) == 2
    err = capsys.readouterr().err
    reported = {line.split(": ")[0] for line in err.splitlines()}
    assert len(reported) >= 20, err


def test_a_file_that_is_no_workbook(tmp_path, capsys):
    fake = tmp_path / "mau.xlsx"
    fake.write_text("agency:\n  id: x\n", encoding="utf-8")
    assert cli.main(["evaluate", str(fake)]) == 2
    assert "tệp không phải là bảng tính .xlsx" in capsys.readouterr().err


def test_a_workbook_that_is_not_the_form(tmp_path, capsys):
    other = tmp_path / "khac.xlsx"
    wb = Workbook()
    wb.active["A1"] = "Danh sách cán bộ"
    wb.save(other)
    assert cli.main(["evaluate", str(other)]) == 2
    err = capsys.readouterr().err
    assert "bảng tính không có trang 'Cơ quan'" in err and "htqlcl template" in err


def test_a_zip_bomb_is_refused_before_it_is_unpacked(filled, tmp_path, capsys):
    small = tmp_path / "small.xlsx"
    shutil.copy(filled, small)
    assert cli.main(["evaluate", str(small), "--max-input-bytes", "60K"]) == 2
    assert "khi giải nén dài" in capsys.readouterr().err
