"""The words of the rulebook's parameters, as a reviewer reads them on a rule card and in the living
documentation: each parameter's name and each value in Vietnamese (or English), never a key of the code.

A rule file names its parameters in English (`months`, `before_day`); this table says them in words.
Every parameter a rule uses must be here: a test fails on a parameter without its words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from engine.messages import LEVEL_WORDS

PARAMETERS: dict[str, tuple[str, str]] = {
    "agency": ("cơ quan được nêu tên", "agency named"),
    "at_least": ("số quy trình tối thiểu", "at least"),
    "before": ("hoàn thành trước ngày", "done before"),
    "before_day": ("hạn hằng tháng (trước ngày)", "each month, before day"),
    "by": ("ngày tính tỷ lệ", "share counted on"),
    "counted_once_per": ("mỗi quy trình tính một lần theo", "counted once per"),
    "days_after_quarter": ("số ngày sau khi hết quý", "days after the quarter"),
    "due": ("hạn", "due date"),
    "effective_in_year": ("văn bản có hiệu lực trong năm", "documents in force in the year"),
    "first_time_agencies_from": (
        "cơ quan công bố lần đầu từ ngày này phải áp dụng ngay",
        "first declarations from this day apply it at once",
    ),
    "first_year_owed": ("năm đầu tiên phải thực hiện", "first year owed"),
    "grace_after_established": (
        "thời gian ân hạn sau khi thành lập (tháng)",
        "grace period after establishment (months)",
    ),
    "in_force": ("ngày có hiệu lực", "in force from"),
    "leader_roles": ("chức danh được coi là lãnh đạo", "roles counted as leaders"),
    "levels": ("cơ quan bắt buộc", "levels bound"),
    "members_leaving_in": ("năm thành viên rời Ban chỉ đạo", "year members left the committee"),
    "months": ("thời hạn (tháng)", "time limit (months)"),
    "over_percent": ("tỷ lệ phải vượt (%)", "share to exceed (%)"),
    "programs": ("chương trình", "programme"),
    "standard": ("tiêu chuẩn", "standard"),
}

VALUES: dict[str, tuple[str, str]] = {
    "year_after_first_declaration": ("năm sau năm công bố lần đầu", "the year after the first declaration"),
    "code": ("mã quy trình", "procedure code"),
}


def parameter_name(name: str, lang: str) -> str:
    vi, en = PARAMETERS.get(name, (name, name))
    return en if lang == "en" else vi


def parameter_value(name: str, value: Any, lang: str) -> str:
    """A parameter's value as a reader writes it: dates DD/MM/YYYY, levels and roles in words, "không đặt"."""
    en = lang == "en"
    if value is None:
        return "not set" if en else "không đặt"
    if isinstance(value, bool):
        return ("yes" if value else "no") if en else ("có" if value else "không")
    if isinstance(value, dt.date):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    if isinstance(value, (list, tuple)):
        return ", ".join(parameter_value(name, v, lang) for v in value)
    if name == "levels" and not en:
        return LEVEL_WORDS.get(str(value), str(value))
    if name == "leader_roles" and not en:
        from engine.facts import Member, doc_of

        doc = doc_of(Member, "role")
        words = {k: t.vi for k, t in doc.choices.items()} if doc else {}
        return words.get(value, str(value))
    if isinstance(value, str) and value in VALUES:
        vi_word, en_word = VALUES[value]
        return en_word if en else vi_word
    return str(value)


def parameters_shown(parameters: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """(name, value) of every parameter, in words, in the rule file's order."""
    return [(parameter_name(k, lang), parameter_value(k, v, lang)) for k, v in parameters.items()]


BINDS: dict[str, tuple[str, str]] = {
    "levels": ("Cấp", "Levels"),
    "applying_qms": ("Điều kiện", "Condition"),
    "province": ("Tỉnh, thành phố", "Province"),
    "district": ("Huyện, quận", "District"),
    "programs": ("Chương trình", "Programmes"),
    "names": ("Chỉ áp dụng cho", "Only"),
    "portfolio": ("Cách tính", "Counted"),
}


def binds_shown(binds: Any, lang: str) -> list[tuple[str, str]]:
    """Who a rule binds, condition by condition, in words ("Cấp": "UBND cấp xã")."""
    en = lang == "en"
    out = []
    for key, (vi, en_word) in BINDS.items():
        value = getattr(binds, key, None)
        if value is None or value is False or value == []:
            continue
        if key == "levels":
            shown = ", ".join(value) if en else "; ".join(LEVEL_WORDS.get(v, v) for v in value)
        elif key == "applying_qms":
            shown = "agencies that have declared a QMS" if en else "cơ quan đã công bố HTQLCL"
        elif key == "portfolio":
            shown = "over the whole portfolio of agencies" if en else "tính trên cả danh mục cơ quan"
        elif isinstance(value, list):
            shown = ", ".join(str(v) for v in value)
        else:
            shown = str(value)
        out.append((en_word if en else vi, shown))
    return out
