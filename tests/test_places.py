"""The gazetteer of provinces (engine/data/provinces.yaml) and place-name matching (engine/places.py)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
import yaml

from engine.errors import InputError
from engine.places import (
    PROVINCES_FILE,
    check_province,
    district_level_last_day,
    gazetteer,
    normalise,
    normalise_name,
    place_key,
    same_place,
)

DATA = yaml.safe_load(PROVINCES_FILE.read_text(encoding="utf-8"))


def test_the_63_units_of_2008_to_2025_and_the_34_after():
    old, new = DATA["provinces"], DATA["provinces_2025"]
    assert len(old) == 63 and len({place_key(p["name"]) for p in old}) == 63
    assert len(new) == 34 and len({place_key(p["name"]) for p in new}) == 34
    assert sum(p["kind"] == "thành phố" for p in old) == 5  # Hà Nội, Hải Phòng, Đà Nẵng, HCM, Cần Thơ
    assert sum(p["kind"] == "thành phố" for p in new) == 6  # and Huế
    assert sum(len(p["formed_from"]) == 1 for p in new) == 11  # unchanged by the 2025 merger


def test_every_old_unit_goes_to_exactly_one_new_unit_and_back():
    new = {place_key(p["name"]): p for p in DATA["provinces_2025"]}
    for p in DATA["provinces"]:
        assert place_key(p["became"]) in new, p
        assert place_key(p["name"]) in {place_key(x) for x in new[place_key(p["became"])]["formed_from"]}, p
    sources = [place_key(x) for p in DATA["provinces_2025"] for x in p["formed_from"]]
    assert sorted(sources) == sorted(place_key(p["name"]) for p in DATA["provinces"])


def test_dates_are_ordered_and_the_merger_is_on_1_july_2025():
    for p in DATA["provinces"] + DATA["provinces_2025"]:
        if p.get("valid_from") and p.get("valid_to"):
            assert p["valid_from"] <= p["valid_to"], p
    merged = [p for p in DATA["provinces_2025"] if len(p["formed_from"]) > 1]
    assert len(merged) == 23 and all(p["valid_from"] == dt.date(2025, 7, 1) for p in merged)
    assert dt.date(2025, 6, 30) == district_level_last_day()


@pytest.mark.parametrize(
    "written",
    [
        "Thừa Thiên Huế",
        "Thừa Thiên - Huế",
        "Thừa Thiên-Huế",
        "TT Huế",
        "TT-Huế",
        "tỉnh Thừa Thiên Huế",
        "THỪA THIÊN HUẾ",
        "  Thừa   Thiên  Huế ",
        unicodedata.normalize("NFD", "Thừa Thiên Huế"),
        "Huế",
        "TP Huế",
        "Thành phố Huế",
    ],
)
def test_thua_thien_hue_in_all_its_spellings(written):
    assert gazetteer().known(written)
    assert same_place(written, "Thừa Thiên Huế")


@pytest.mark.parametrize(
    "a, b",
    [
        ("TP Hồ Chí Minh", "Hồ Chí Minh"),
        ("Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh"),
        ("TP.HCM", "TP Hồ Chí Minh"),
        ("Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu"),
        ("Bà Rịa – Vũng Tàu", "tỉnh Bà Rịa Vũng Tàu"),
        ("Hòa Bình", "Hoà Bình"),
        ("Khánh Hòa", "KHÁNH HOÀ"),
        ("Thanh Hóa", "Thanh Hoá"),
        ("Hà Nội", "Thành phố Hà Nội"),
        ("Đắk Lắk", "Đăk Lăk"),
        ("Bắc Kạn", "Bắc Cạn"),
        (unicodedata.normalize("NFD", "Lạng Sơn"), "Lạng Sơn"),
    ],
)
def test_spellings_of_the_same_province(a, b):
    assert gazetteer().known(a) and gazetteer().known(b)
    assert same_place(a, b)


def test_different_provinces_are_not_the_same_place():
    assert not same_place("Quảng Ngãi", "Kon Tum")  # merged in 2025, but not the same name
    assert not same_place("Lạng Sơn", "Huế")
    assert not same_place("Lạng Sơn", None) and not same_place(None, None)


@pytest.mark.parametrize(
    "written, meant",
    [
        ("Thua Thien Hue", "Thừa Thiên Huế"),
        ("Lạng Sớn", "Lạng Sơn"),
        ("Lang Son", "Lạng Sơn"),
        ("Ha Noi", "Hà Nội"),
        ("Hue", "Huế"),
        ("Quang Ngai", "Quảng Ngãi"),
        ("Dak Lak", "Đắk Lắk"),
        ("Lạng Sonn", "Lạng Sơn"),
        ("Thừa Thiên Huệ", "Thừa Thiên Huế"),
    ],
)
def test_unknown_names_say_what_was_probably_meant(written, meant):
    assert not gazetteer().known(written)
    with pytest.raises(ValueError, match=f"did you mean '{meant}'"):
        check_province(written)


def test_a_name_with_no_likely_meaning_has_no_suggestion():
    with pytest.raises(ValueError) as e:
        check_province("Atlantis")
    assert "did you mean" not in str(e.value) and "unknown province 'Atlantis'" in str(e.value)


def test_facts_with_an_unknown_province_are_an_input_error_at_the_field():
    from engine.api import load_facts

    with pytest.raises(InputError) as e:
        load_facts(
            {
                "agency": {
                    "id": "x",
                    "name": "UBND huyện Quảng Điền",
                    "level": "district",
                    "province": "Thua Thien Hue",
                    "district": "Quảng Điền",
                }
            }
        )
    (problem,) = e.value.problems
    assert problem.field == "agency.province"
    assert "did you mean 'Thừa Thiên Huế'" in problem.message


def test_facts_keep_the_province_as_written():
    from engine.api import load_facts

    facts = load_facts({"agency": {"id": "x", "name": "Sở KH&CN", "level": "department", "province": "TT Huế"}})
    assert facts.agency.province == "TT Huế"


def test_a_rules_file_binding_an_unknown_province_does_not_load(tmp_path: Path):
    from engine.rulebook import load_rulebook

    (tmp_path / "x_2020.yaml").write_text(
        """\
document: {id: X, number: "1/KH-UBND", title: thử, issuer: thử}
clauses:
  - {id: X/1, clause: mục 1, quote: thử}
rules:
  - id: X-RULE
    title: {vi: thử, en: test}
    sources: [X/1]
    binds:
      levels: [commune]
      province: Lạng Sớn
    per: agency
    due: none
    discharged_by: declaration
    duty: {vi: thử, en: test}
    interpretation: {vi: thử, en: test}
""",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as e:
        load_rulebook(tmp_path)
    (problem,) = e.value.problems
    assert problem.field.endswith("binds.province") and problem.line == 10
    assert "did you mean 'Lạng Sơn'" in problem.message


def test_the_gazetteer_is_loaded_once():
    assert gazetteer() is gazetteer()


def test_normalise_and_names_keep_working():
    assert normalise("Tỉnh Thừa Thiên - Huế") == "thừa thiên huế"
    assert normalise("UBND thị trấn Hữu Lũng") == "hữu lũng"
    assert same_place("huyện Hữu Lũng", "Hữu Lũng")
    assert normalise_name("Ủy ban nhân dân Thị trấn  Hữu Lũng") == normalise_name("UBND thị trấn Hữu Lũng")
    assert normalise_name("UBND xã Hoà Bình") == normalise_name("UBND xã Hòa Bình")
    assert normalise_name("UBND xã Minh Sơn") != normalise_name("UBND thị trấn Hữu Lũng")
