"""Matching place names robustly: Unicode NFC, case, administrative prefixes, hyphens and spaces."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

# Luật Tổ chức chính quyền địa phương 2025: the district level ceased on 01/07/2025, so duties owed
# by or to district People's Committees (and their units) end on this day.
DISTRICT_LEVEL_LAST_DAY = dt.date(2025, 6, 30)

_PREFIXES = ("thành phố trực thuộc trung ương", "thành phố", "tp.", "tp", "tỉnh", "huyện", "quận",
             "thị xã", "thị trấn", "xã", "phường", "ubnd", "ủy ban nhân dân", "uỷ ban nhân dân")


def normalise(name: str | None) -> str:
    """'Tỉnh Thừa Thiên - Huế' → 'thừa thiên huế'; 'UBND thị trấn Hữu Lũng' → 'hữu lũng'."""
    if not name:
        return ""
    text = unicodedata.normalize("NFC", name).casefold()
    text = text.replace("uỷ", "ủy")
    text = re.sub(r"[\s\-–—_,.]+", " ", text).strip()
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            p = prefix.rstrip(".")
            if text.startswith(p + " "):
                text = text[len(p) + 1:].strip()
                changed = True
    return text


def same_place(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and normalise(a) == normalise(b)


def normalise_name(name: str | None) -> str:
    """An agency's name for comparison: NFC, case and spacing folded, prefixes kept ('thị trấn')."""
    if not name:
        return ""
    text = unicodedata.normalize("NFC", name).casefold().replace("uỷ", "ủy")
    text = text.replace("ủy ban nhân dân", "ubnd")
    return re.sub(r"[\s\-–—_,.]+", " ", text).strip()
