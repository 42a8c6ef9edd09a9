"""The province table as a workbook (`evaluate PORTFOLIO --format xlsx`): opened with the reading library,
its numbers are those of the JSON result and of the HTML report, and it is set up to be filtered,
read and printed (conditional formatting, frozen headers, filters, A4 landscape)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

import cli
from engine.render import duties
from engine.result import AgencyResult

ROOT = Path(__file__).resolve().parent.parent
PROVINCE = ROOT / "fixtures" / "provinces" / "thua-thien-hue-2022-10"
AS_OF = "2022-10-28"


def _run(capsys, path: Path, *args: str) -> tuple[int, str, str]:
    code = cli.main(["evaluate", str(path), "--as-of", AS_OF, *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The sample province as JSON, HTML and the workbook."""
    folder = tmp_path_factory.mktemp("table")
    out = {}
    for fmt in ("json", "html", "xlsx"):
        target = folder / f"phu-luc.{fmt}"
        assert cli.main(["evaluate", str(PROVINCE), "--as-of", AS_OF, "--format", fmt, "--output", str(target)]) == 1
        out[fmt] = target
    return json.loads(out["json"].read_text(encoding="utf-8")), out["html"].read_text(encoding="utf-8"), out["xlsx"]


def _rows(data: dict) -> list[duties.Row]:
    rows = []
    for member in data["agencies"]:
        result = AgencyResult.model_validate({**member, "produced_by": None})
        rows.append(
            duties.Row(
                result.agency.id,
                result.agency.name,
                result.agency.level,
                None,
                None,
                duties.cells(result),
                result.summary.violation,
            )
        )
    return rows


def _table(ws, head_row: int, stop_at_blank: bool = True) -> list[tuple]:
    out = []
    for row in ws.iter_rows(min_row=head_row + 1, values_only=True):
        if stop_at_blank and row[0] is None and row[1] is None:
            break
        out.append(row)
    return out


def test_three_sheets_in_order(made):
    _, _, book = made
    assert load_workbook(book).sheetnames == ["Tổng hợp", "Vi phạm", "Chỉ tiêu"]


def test_one_row_per_agency_with_the_marks_and_violations_of_the_json(made):
    data, _, book = made
    ws = load_workbook(book)["Tổng hợp"]
    heads = [c.value for c in ws[5]]
    assert heads[:5] == ["STT", "Cơ quan, đơn vị", "Mã cơ quan", "Cấp", "Địa bàn"]
    assert heads[5 : 5 + len(duties.COLUMNS)] == [c.title("vi", 2022) for c in duties.COLUMNS]
    table = _table(ws, 5)
    expected = {r.id: r for r in _rows(data)}
    assert len(table) == len(expected) == 60
    assert [row[0] for row in table] == list(range(1, 61))
    for row in table:
        r = expected[row[2]]
        assert row[1] == r.name
        assert list(row[5 : 5 + len(duties.COLUMNS)]) == [duties.MARK[m] for m in r.marks], r.id
        assert row[5 + len(duties.COLUMNS)] == r.violations
    assert sum(row[5 + len(duties.COLUMNS)] for row in table) == data["summary"]["violation"] - sum(
        1 for f in data["portfolio_findings"] if f["status"] == "violation"
    )


def test_the_area_table_has_the_counts_and_shares_of_the_html_report(made):
    data, html, book = made
    ws = load_workbook(book)["Tổng hợp"]
    start = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value in ("Theo địa bàn",))
    areas = {row[1]: row for row in ws.iter_rows(min_row=start + 2, values_only=True) if row[1]}
    total = areas["Tổng cộng"]
    # The HTML report's total row: "met/of" in each duty's cell.
    footer = html[html.index('<tfoot><tr class="total">') :]
    footer = footer[: footer.index("</tr>")]
    html_shares = [tuple(map(int, m)) for m in re.findall(r"(\d+)/(\d+)", footer)]
    assert len(html_shares) == len(duties.COLUMNS)
    rows = _rows(data)
    tally = duties.Tally()
    for r in rows:
        tally.add(r)
    assert total[2] == len(rows) == tally.rows
    for i, (met, of) in enumerate(html_shares):
        assert (total[3 + 3 * i], total[4 + 3 * i]) == (met, of) == tally.share(i)
        assert total[5 + 3 * i] == pytest.approx(met / of)
    assert total[3 + 3 * len(duties.COLUMNS)] == tally.violations
    # Each area's row is the HTML's row of the same area.
    for name, row in areas.items():
        if name == "Tổng cộng":
            continue
        cells = re.search(rf"<tr><td>{re.escape(name)}</td><td class=\"n\">(\d+)</td>(.*?)</tr>", html)
        assert cells, name
        assert int(cells.group(1)) == row[2]
        shares = [tuple(map(int, m)) for m in re.findall(r"(\d+)/(\d+)", cells.group(2))]
        got = [(row[3 + 3 * i], row[4 + 3 * i]) for i in range(len(duties.COLUMNS)) if row[4 + 3 * i]]
        assert got == shares, name


def test_every_violation_is_listed_with_its_deadline_and_source(made):
    data, _, book = made
    ws = load_workbook(book)["Vi phạm"]
    assert [c.value for c in ws[3]][:9] == [
        "STT",
        "Địa bàn",
        "Cơ quan, đơn vị",
        "Mã cơ quan",
        "Quy tắc",
        "Nghĩa vụ",
        "Đối tượng",
        "Hạn cuối",
        "Ngày thực hiện",
    ]
    listed = {(row[3], row[4], row[6]): row for row in _table(ws, 3)}
    expected = [(a["agency"]["id"], f) for a in data["agencies"] for f in a["findings"] if f["status"] == "violation"]
    assert len(listed) == len(expected) > 100
    for agency, f in expected:
        row = listed[(agency, f["rule"], f["subject"])]
        due = dt.date.fromisoformat(f["due"]) if f["due"] else None
        assert (row[7].date() if row[7] else None) == due
        assert row[10] == f["message"]
        assert all(cid in row[11] for cid in f["sources"])
        if due:
            done = dt.date.fromisoformat(f["done"]) if f["done"] else dt.date.fromisoformat(AS_OF)
            assert row[9] == (done - due).days


def test_the_targets_and_their_denominators(tmp_path, capsys):
    """A portfolio with a Lạng Sơn commune: LS174's target counts it in its denominator."""
    folder = tmp_path / "ls"
    folder.mkdir()
    shutil.copy(ROOT / "fixtures" / "agencies" / "ubnd-thi-tran-huu-lung.yaml", folder)
    shutil.copy(ROOT / "fixtures" / "agencies" / "ubnd-huyen-quang-dien.yaml", folder)
    book = tmp_path / "t.xlsx"
    _run(capsys, folder, "--format", "xlsx", "--output", str(book))
    _, out, _ = _run(capsys, folder, "--format", "json")
    findings = json.loads(out)["portfolio_findings"]
    ws = load_workbook(book)["Chỉ tiêu"]
    rows = _table(ws, 3)
    assert [r[0] for r in rows] == [f["rule"] for f in findings]
    target = next(r for r in rows if r[0] == "LS174-TARGET-2020")
    finding = next(f for f in findings if f["rule"] == "LS174-TARGET-2020")
    assert target[5] == 1, "one commune of Lạng Sơn in the portfolio"
    assert f"mẫu số: {target[5]} đơn vị trong danh mục; đến" in target[9] and f"có {target[6]} đã công bố" in target[9]
    assert target[8] == finding["message"]


def test_set_up_for_reading_filtering_and_printing(made):
    _, _, book = made
    wb = load_workbook(book)
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9", ws.title  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.freeze_panes and ws.auto_filter.ref and ws.print_title_rows
        assert ws.oddFooter.center.text == "&P / &N", "page numbers"
    summary = wb["Tổng hợp"]
    assert summary.freeze_panes == "C6" and summary.auto_filter.ref.startswith("A5:")
    rules = [r for cf in summary.conditional_formatting for r in cf.rules]
    assert {r.formula[0] for r in rules if r.type == "cellIs" and r.operator == "equal"} == {
        '"✓"',
        '"✗"',
        '"…"',
        '"?"',
    }
    assert any(r.type == "colorScale" for r in rules)


def test_the_same_run_gives_the_same_bytes(made, tmp_path):
    _, _, book = made
    again = tmp_path / "again.xlsx"
    assert cli.main(["evaluate", str(PROVINCE), "--as-of", AS_OF, "--format", "xlsx", "--output", str(again)]) == 1
    assert again.read_bytes() == book.read_bytes()


def test_english_and_one_agency(tmp_path, capsys):
    book = tmp_path / "one.xlsx"
    code, _, _ = _run(
        capsys,
        ROOT / "fixtures" / "agencies" / "so-khcn-thua-thien-hue.yaml",
        "--format",
        "xlsx",
        "--lang",
        "en",
        "--output",
        str(book),
    )
    assert code in (0, 1)
    wb = load_workbook(book)
    assert wb.sheetnames == ["Summary", "Violations", "Targets"]
    assert wb["Summary"]["C6"].value == "so-khcn-thua-thien-hue"


def test_a_workbook_needs_an_output_file(capsys):
    code, out, err = _run(capsys, PROVINCE, "--format", "xlsx")
    assert code == 2 and out == ""
    assert "--format xlsx viết ra một tệp bảng tính: hãy cho --output" in err
