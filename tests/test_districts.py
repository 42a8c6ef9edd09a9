"""The district gazetteer (engine/data/districts.yaml, districts_former.yaml): a `district` the gazetteer
does not know in the agency's province is an input error with "did you mean", as for provinces (a typo
used to make every district rule not_applicable without a word)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from engine.api import load_facts
from engine.errors import InputError
from engine.places import DISTRICTS_FILE, districts, gazetteer, place_key

ROOT = Path(__file__).resolve().parent.parent


def facts(district: str, province: str = "Lạng Sơn", level: str = "commune") -> dict:
    return {"agency": {"id": "x", "name": "UBND xã X", "level": level, "province": province, "district": district}}


def refusal(doc: dict):
    with pytest.raises(InputError) as e:
        load_facts(doc)
    (p,) = [p for p in e.value.problems if p.field == "agency.district"]
    return p


def test_the_63_provinces_have_their_696_districts_of_2025():
    data = yaml.safe_load(DISTRICTS_FILE.read_text(encoding="utf-8"))["districts"]
    assert len(data) == 63 and sum(len(v) for v in data.values()) == 696
    old = {place_key(u.name) for u in gazetteer().units if u.era == "2008"}
    assert {place_key(p) for p in data} == old


@pytest.mark.parametrize(
    "district, province",
    [
        ("Hữu Lũng", "Lạng Sơn"),
        ("huyện Hữu Lũng", "tỉnh Lạng Sơn"),
        ("HỮU LŨNG", "Lạng Sơn"),
        ("Quảng Điền", "Thừa Thiên Huế"),
        ("Quảng Điền", "Huế"),  # the renamed province, same territory
        ("Huế", "Thừa Thiên Huế"),  # the province's city, a district until 31/12/2024
        ("Hoành Bồ", "Quảng Ninh"),  # merged into Hạ Long in 2020
        ("Quận 2", "TP Hồ Chí Minh"),
        ("Thành phố Thủ Đức", "TP.HCM"),
        ("Mộ Đức", "Quảng Ngãi"),
        ("Hoàng Mai", "Hà Nội"),
        ("Đăk Đoa", "Gia Lai"),
        ("Đak Đoa", "Gia Lai"),
        ("Phục Hoà", "Cao Bằng"),  # old tone placement
    ],
)
def test_known_districts_pass(district, province):
    assert load_facts(facts(district, province)).agency.district == district


@pytest.mark.parametrize(
    "written, meant",
    [
        ("Huu Lung", "Hữu Lũng"),  # typed without accents
        ("Hữu Lủng", "Hữu Lũng"),  # one wrong accent
        ("Hữu\u200bLũng", "Hữu Lũng"),  # a zero-width space
        ("Hữu Lũngg", "Hữu Lũng"),  # a one-letter typo
    ],
)
def test_a_misspelt_district_is_refused_with_the_name_meant(written, meant):
    p = refusal(facts(written))
    assert f"did you mean '{meant}'" in p.text("en") and f"có phải là '{meant}'" in p.text("vi")
    assert "\u200b" not in p.text("en")  # shown escaped


def test_a_district_of_another_province_says_where_it_is():
    p = refusal(facts("Cao Lộc", "Quảng Ngãi"))
    assert "unknown district 'Cao Lộc' in Quảng Ngãi" in p.text("en") and "is in Lạng Sơn" in p.text("en")


def test_a_made_up_district_is_refused():
    assert "unknown district" in refusal(facts("Huyện thử")).text("en")


def test_a_district_needs_its_province():
    doc = {"agency": {"id": "x", "name": "Cục X", "level": "central", "district": "Hữu Lũng"}}
    assert "needs 'province'" in refusal(doc).text("en")


def test_every_former_name_belongs_to_a_known_province_and_is_new():
    data = yaml.safe_load((DISTRICTS_FILE.parent / "districts_former.yaml").read_text(encoding="utf-8"))
    current = yaml.safe_load(DISTRICTS_FILE.read_text(encoding="utf-8"))["districts"]
    g = gazetteer()
    for section in ("former", "spellings"):
        for province, items in data[section].items():
            key = g.canonical[place_key(province)]
            (name,) = [p for p in current if g.canonical[place_key(p)] == key]
            for item in items:
                assert place_key(item["name"]) not in {place_key(d) for d in current[name]}, item
                if section == "spellings":
                    assert place_key(item["same_as"]) in {place_key(d) for d in current[name]}, item
    assert districts().last_day.isoformat() == "2025-06-30"


def test_the_command_line_refuses_a_misspelt_district_with_exit_2(tmp_path):
    path = tmp_path / "xa.yaml"
    path.write_text(yaml.safe_dump(facts("Huu Lung"), allow_unicode=True), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "cli.py", "evaluate", str(path), "--as-of", "2022-10-28", "--lang", "en"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2 and run.stdout == ""
    assert f"{path}:" in run.stderr and "agency.district" in run.stderr and "did you mean 'Hữu Lũng'" in run.stderr
    assert "Traceback" not in run.stderr
