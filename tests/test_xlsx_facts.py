"""The spreadsheet form of the facts file (engine/xlsx): `template`, `convert` both ways without losing a
fact, `evaluate` of workbooks alone and among YAML files, and `init`'s commented YAML."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

import cli
from engine.api import evaluate, load_facts
from engine.facts import AgencyFacts
from engine.xlsx import layout
from engine.xlsx.facts_reader import read_facts_workbook
from engine.xlsx.facts_writer import facts_workbook
from engine.yamlio import load_model

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "fixtures" / "agencies").glob("*.yaml"))
PROVINCE = ROOT / "fixtures" / "provinces" / "thua-thien-hue-2022-10"
EVERY_FIXTURE = sorted((ROOT / "fixtures").rglob("*.yaml"))
AS_OF = "2022-10-28"


def _same(a: AgencyFacts, b: AgencyFacts) -> None:
    assert a.model_dump() == b.model_dump()
    assert a.model_dump(exclude_unset=True) == b.model_dump(exclude_unset=True), "a field given stays given"
    assert a.present_sections == b.present_sections, "unknown, none and listed sections stay apart"


def test_every_fixture_goes_into_a_workbook_and_back_unchanged(tmp_path):
    assert len(EVERY_FIXTURE) >= 50
    path = tmp_path / "agency.xlsx"
    for i, fixture in enumerate(EVERY_FIXTURE):
        facts = load_facts(fixture)
        path.write_bytes(facts_workbook(facts, lang="en" if i % 5 == 0 else "vi"))
        _same(facts, read_facts_workbook(path))


def test_unknown_none_and_listed_sections_survive_the_workbook(tmp_path):
    base = yaml.safe_load(SAMPLES[0].read_text(encoding="utf-8"))
    for section in ("internal_audits", "steering_committee"):
        for value in ("absent", None, []):
            data = {k: v for k, v in base.items() if k != section}
            if value != "absent":
                data[section] = value if section != "steering_committee" or value is None else {}
            facts = AgencyFacts.model_validate(data)
            path = tmp_path / "s.xlsx"
            path.write_bytes(facts_workbook(facts))
            back = read_facts_workbook(path)
            assert back.known(section) == facts.known(section), (section, value)
            assert getattr(back, section) == getattr(facts, section) or (
                getattr(facts, section) is None and getattr(back, section) == []
            ), (section, value)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_convert_yaml_to_xlsx_and_back_through_the_command_line(sample, tmp_path, capsys):
    book, text = tmp_path / f"{sample.stem}.xlsx", tmp_path / f"{sample.stem}.yaml"
    assert cli.main(["convert", str(sample), str(book)]) == 0
    assert cli.main(["convert", str(book), "--output", str(text)]) == 0
    capsys.readouterr()
    original = yaml.safe_load(sample.read_text(encoding="utf-8"))
    assert yaml.safe_load(text.read_text(encoding="utf-8")) == original, "the same data, key for key"
    _same(load_model(sample, AgencyFacts), load_model(text, AgencyFacts))


def test_the_sample_province_converts_and_evaluates_the_same(tmp_path, capsys):
    """A province folder, half of it converted to workbooks: the same JSON report as all YAML."""
    mixed = tmp_path / "mixed"
    shutil.copytree(PROVINCE, mixed)
    files = sorted(mixed.rglob("*.yaml"))
    for i, path in enumerate(files):
        if i % 2 == 0:
            assert cli.main(["convert", str(path), str(path.with_suffix(".xlsx"))]) == 0
            path.unlink()
    capsys.readouterr()
    args = ["--as-of", AS_OF, "--format", "json"]
    assert cli.main(["evaluate", str(PROVINCE), *args]) == 1
    expected = json.loads(capsys.readouterr().out)
    assert cli.main(["evaluate", str(mixed), *args]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    assert json.loads(out) == expected
    assert len(expected["agencies"]) == len(files)


def test_a_workbook_evaluates_alone_like_its_yaml(tmp_path, capsys):
    book = tmp_path / "demo.xlsx"
    book.write_bytes(facts_workbook(load_facts(SAMPLES[1])))
    assert evaluate(book, as_of=AS_OF).model_dump() == evaluate(SAMPLES[1], as_of=AS_OF).model_dump()
    for fmt in ("text", "json"):
        cli.main(["evaluate", str(SAMPLES[1]), "--as-of", AS_OF, "--format", fmt])
        from_yaml = capsys.readouterr().out
        cli.main(["evaluate", str(book), "--as-of", AS_OF, "--format", fmt])
        assert capsys.readouterr().out == from_yaml


def test_the_same_facts_give_the_same_bytes(tmp_path):
    facts = load_facts(SAMPLES[0])
    assert facts_workbook(facts) == facts_workbook(facts)
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for target in (first, second):
        subprocess.run([sys.executable, "cli.py", "convert", str(SAMPLES[0]), str(target)], cwd=ROOT, check=True)
    assert first.read_bytes() == second.read_bytes()


def test_convert_warns_that_comments_and_notes_stay_behind(tmp_path, capsys):
    source = tmp_path / "a.yaml"
    source.write_text(SAMPLES[0].read_text(encoding="utf-8") + "x_ghi_chu: kiểm tra lại\n", encoding="utf-8")
    assert cli.main(["convert", str(source), str(tmp_path / "a.xlsx")]) == 0
    assert "ghi chú x_… của tệp YAML không được chuyển sang bảng tính" in capsys.readouterr().err


def test_convert_refuses_what_it_cannot_do(tmp_path, capsys):
    sample = tmp_path / "a.yaml"
    shutil.copy(SAMPLES[0], sample)
    before = sample.read_bytes()
    assert cli.main(["convert", str(sample)]) == 2
    assert "thiếu tệp kết quả" in capsys.readouterr().err
    assert cli.main(["convert", str(sample), str(tmp_path / "a.csv")]) == 2
    assert "không biết dạng tệp theo đuôi '.csv'" in capsys.readouterr().err
    assert cli.main(["convert", str(sample), str(sample)]) == 2
    assert "chính là tệp đầu vào" in capsys.readouterr().err
    assert sample.read_bytes() == before
    twice = yaml.safe_load(before)
    twice["internal_audits"] = [{"date": "2022-10-05"}, {"date": "2022-10-05"}]
    sample.write_text(yaml.safe_dump(twice, allow_unicode=True), encoding="utf-8")
    assert cli.main(["convert", str(sample), str(tmp_path / "b.xlsx")]) == 2
    assert "internal_audits[1]: không chuyển được sang bảng tính: bản ghi này trùng hoàn toàn" in (
        capsys.readouterr().err
    )
    assert not (tmp_path / "b.xlsx").exists()


# ------------------------------------------------------------------ the template


def test_the_template_is_the_form_with_dropdowns_dates_and_instructions(tmp_path, capsys):
    form = tmp_path / "mau.xlsx"
    assert cli.main(["template", "--output", str(form), "--level", "commune", "--province", "Huế"]) == 0
    wb = load_workbook(form)
    assert wb.sheetnames[0] == "Hướng dẫn" and wb.sheetnames[-1] == "Danh mục"
    assert [layout.sheet_named(n) for n in wb.sheetnames[1:-1]] == list(layout.SHEETS)
    cover = "\n".join(str(c.value) for c in wb["Hướng dẫn"]["A"] if c.value)
    assert "htqlcl evaluate" in cover and f"{layout.WORKBOOK_MARK} {layout.FORMAT_VERSION}" in cover
    agency = wb["Cơ quan"]
    assert agency["B5"].value == "Cấp xã" and agency["B6"].value == "Huế" and agency["B3"].value is None
    assert agency["C7"].value == "agency.district" and agency["A3"].value == "Mã cơ quan *"
    lists = {str(dv.sqref): dv for dv in agency.data_validations.dataValidation}
    assert lists["B5"].type == "list" and lists["B5"].formula1.startswith("='Danh mục'!")
    assert lists["B10"].type == "date"
    for sheet in layout.SHEETS:
        ws = wb[sheet.name.vi]
        if sheet.form != "table":
            continue
        assert ws.freeze_panes == f"A{layout.FIRST_ROW}"
        assert [c.value for c in ws[layout.KEY_ROW]][: len(sheet.columns)] == [c.key for c in sheet.columns]
        validated = {str(dv.sqref).split(":")[0] for dv in ws.data_validations.dataValidation}
        for i, column in enumerate(sheet.columns, start=1):
            if column.choices or column.kind == "date":
                assert f"{chr(64 + i)}{layout.FIRST_ROW}" in validated, (sheet.name.vi, column.key)
    # Left as it is, the form is refused, with the empty required cells named in Vietnamese.
    assert cli.main(["evaluate", str(form)]) == 2
    err = capsys.readouterr().err
    assert f"{form}:'Cơ quan'!B3: agency.id: ô bắt buộc đang để trống: Mã cơ quan" in err
    assert f"{form}:'Cơ quan'!B4: agency.name: ô bắt buộc đang để trống: Tên cơ quan" in err


def test_an_english_template_reads_back(tmp_path, capsys):
    form = tmp_path / "form.xlsx"
    assert cli.main(["template", "--output", str(form), "--lang", "en"]) == 0
    wb = load_workbook(form)
    assert "Agency" in wb.sheetnames and "Instructions" in wb.sheetnames
    ws = wb["Agency"]
    ws["B3"], ws["B4"], ws["B5"], ws["B6"] = "so-tu-phap-hue", "Sở Tư pháp", "department", "Huế"
    wb["Internal audits"]["B2"] = "None"
    wb.save(form)
    facts = read_facts_workbook(form)
    assert facts.agency.level == "department" and facts.internal_audits == [] and facts.known("internal_audits")
    assert not facts.known("procedures")


def test_the_template_refuses_a_province_it_does_not_know(tmp_path, capsys):
    assert cli.main(["template", "--output", str(tmp_path / "m.xlsx"), "--province", "Thua Thien Hue"]) == 2
    assert "có phải là 'Thừa Thiên Huế' không?" in capsys.readouterr().err
    assert not (tmp_path / "m.xlsx").exists()
    assert cli.main(["template", "--output", str(tmp_path / "m.yaml")]) == 2
    assert "htqlcl init" in capsys.readouterr().err


# ------------------------------------------------------------------ init


@pytest.mark.parametrize(
    "place",
    [
        ["--level", "central"],
        ["--level", "province", "--province", "Lạng Sơn"],
        ["--level", "department", "--province", "Huế", "--name", "Sở Khoa học và Công nghệ"],
        ["--level", "district", "--province", "Huế", "--district", "Phú Vang"],
        ["--level", "commune", "--province", "Thừa Thiên Huế", "--district", "Phú Vang", "--id", "ubnd-xa-phu-ho"],
    ],
    ids=lambda p: p[1],
)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_init_writes_a_commented_file_valid_as_written_and_uncommented(place, lang, tmp_path, capsys):
    path = tmp_path / "agency.yaml"
    assert cli.main(["init", *place, "--lang", lang, "--output", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    facts = load_model(path, AgencyFacts)
    assert facts.agency.level == place[1] and not facts.present_sections, "every section starts unknown"
    assert ("bắt buộc" in text) == (lang == "vi") and ("required" in text) == (lang == "en")
    # Removing the '# ' of every data line gives every section, valid too.
    full = tmp_path / "full.yaml"
    full.write_text(re.sub(r"(?m)^# ", "", text), encoding="utf-8")
    everything = load_model(full, AgencyFacts)
    assert everything.present_sections == frozenset(AgencyFacts.model_fields) - {"agency", "present_sections"}
    assert cli.main(["evaluate", str(full), "--as-of", AS_OF]) in (0, 1)
    capsys.readouterr()


def test_init_needs_the_place_a_valid_file_needs(capsys):
    assert cli.main(["init"]) == 2
    assert "cần --level" in capsys.readouterr().err
    assert cli.main(["init", "--level", "commune", "--province", "Huế"]) == 2
    assert "cần --district" in capsys.readouterr().err


def test_a_whole_folder_converts_both_ways_and_all_or_nothing(tmp_path, capsys):
    source, books, texts = tmp_path / "two-districts", tmp_path / "books", tmp_path / "texts"
    for district in ("tp-hue", "tx-huong-tra"):
        shutil.copytree(PROVINCE / district, source / district)
    assert cli.main(["convert", str(source), str(books), "--to", "xlsx"]) == 0
    assert cli.main(["convert", str(books), str(texts), "--to", "yaml"]) == 0
    originals = sorted(source.rglob("*.yaml"))
    assert len(sorted(books.rglob("*.xlsx"))) == len(originals) >= 10, "sub-folders and names kept"
    for original in originals:
        back = texts / original.relative_to(source)
        _same(load_model(original, AgencyFacts), load_model(back, AgencyFacts))
    assert capsys.readouterr().err == "", "the province's files have no notes to lose"
    # A bad file anywhere: every problem reported, nothing written.
    broken = tmp_path / "broken"
    shutil.copytree(PROVINCE / "tp-hue", broken)
    (broken / "zz-bad.yaml").write_text("agency:\n  id: X Y\n", encoding="utf-8")
    assert cli.main(["convert", str(broken), str(tmp_path / "out"), "--to", "xlsx"]) == 2
    err = capsys.readouterr().err
    assert "zz-bad.yaml:2:7: agency.id:" in err and not (tmp_path / "out").exists()
    assert cli.main(["convert", str(broken), str(broken / "sub"), "--to", "xlsx"]) == 2
    assert "nằm trong thư mục đầu vào" in capsys.readouterr().err
    assert cli.main(["convert", str(broken), str(tmp_path / "o")]) == 2
    assert "cần --to xlsx hoặc --to yaml" in capsys.readouterr().err
