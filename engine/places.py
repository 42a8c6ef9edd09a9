"""Place names: matching them robustly, and knowing which provinces exist (the gazetteer).

Two agencies, or a rule and an agency, are in the same place when their names match after folding
Unicode (NFC/NFD), case, administrative prefixes ("tỉnh", "thành phố", "TP", "huyện", ...), hyphens,
dots and spaces, and old/new tone placement ("Hoà" = "Hòa"). Accents are never folded: "Lang Son" is
not "Lạng Sơn" — a province name the gazetteer (`engine/data/provinces.yaml`) does not know is an
input error whose message says which known name was probably meant.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

# Luật Tổ chức chính quyền địa phương 2025: the district level ceased on 01/07/2025, so duties owed
# by or to district People's Committees (and their units) end on this day.
DISTRICT_LEVEL_LAST_DAY = dt.date(2025, 6, 30)

PROVINCES_FILE = Path(__file__).resolve().parent / "data" / "provinces.yaml"

_PREFIXES = (
    "thành phố trực thuộc trung ương",
    "thành phố",
    "tp.",
    "tp",
    "tỉnh",
    "huyện",
    "quận",
    "thị xã",
    "thị trấn",
    "xã",
    "phường",
    "ubnd",
    "ủy ban nhân dân",
    "uỷ ban nhân dân",
)

# Old-style tone placement ("hoà", "thuỷ") and new-style ("hòa", "thủy") are the same syllable; both
# spellings are official in different periods, so comparison keys use one of them.
_TONE_PLACEMENT = {
    old: new
    for olds, news in (("oàoáoảoãoạ", "òaóaỏaõaọa"), ("oèoéoẻoẽoẹ", "òeóeỏeõeọe"), ("uỳuýuỷuỹuỵ", "ùyúyủyũyụy"))
    for old, new in zip(re.findall("..", olds), re.findall("..", news))
}
_TONE_RE = re.compile("|".join(_TONE_PLACEMENT))


def _fold_tones(text: str) -> str:
    return _TONE_RE.sub(lambda m: _TONE_PLACEMENT[m.group(0)], text)


@functools.lru_cache(maxsize=4096)  # pure; called for every finding's sources
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
                text = text[len(p) + 1 :].strip()
                changed = True
    return text


@functools.lru_cache(maxsize=4096)  # pure; called for every finding's sources
def place_key(name: str | None) -> str:
    """The comparison key of a place name: `normalise` with tone placement folded too."""
    return _fold_tones(normalise(name))


def same_place(a: str | None, b: str | None) -> bool:
    """Same name after folding, or two names of one province with the same territory
    (Thừa Thiên Huế, called Huế since 01/01/2025)."""
    if not a or not b:
        return False
    ka, kb = place_key(a), place_key(b)
    if ka == kb:
        return True
    canonical = gazetteer().canonical
    return ka in canonical and canonical.get(ka) == canonical.get(kb)


@functools.lru_cache(maxsize=4096)  # pure; called for every finding's sources
def normalise_name(name: str | None) -> str:
    """An agency's name for comparison: NFC, case, tone placement and spacing folded, prefixes kept
    ('thị trấn')."""
    if not name:
        return ""
    text = unicodedata.normalize("NFC", name).casefold().replace("uỷ", "ủy")
    text = text.replace("ủy ban nhân dân", "ubnd")
    return _fold_tones(re.sub(r"[\s\-–—_,.]+", " ", text).strip())


# ---------------------------------------------------------------- the gazetteer


def strip_accents(text: str) -> str:
    """'Thừa Thiên Huế' → 'Thua Thien Hue': only to guess what a user meant, never to match."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Province:
    name: str  # as it is usually written, e.g. "Thừa Thiên Huế", "TP Hồ Chí Minh"
    kind: str  # tỉnh | thành phố (trực thuộc trung ương)
    era: str  # "2008" (the 63 units) or "2025" (the 34 units)
    valid_from: dt.date | None
    valid_to: dt.date | None
    variants: tuple[str, ...] = ()


class Gazetteer:
    """Every provincial-level unit of the data file, indexed by comparison key."""

    def __init__(self, data: dict, origin: str = "<data>"):
        self.units: list[Province] = []
        self.by_key: dict[str, list[Province]] = {}
        # every spelling's key → one key per territory ("TT Huế", "Huế" → "thừa thiên huế")
        self.canonical: dict[str, str] = {}
        renamed: dict[str, str] = {}
        for era, section in (("2008", "provinces"), ("2025", "provinces_2025")):
            entries = data.get(section)
            if not isinstance(entries, list) or not entries:
                raise ValueError(f"{origin}: '{section}' must be a non-empty list")
            for e in entries:
                unit = Province(
                    e["name"], e["kind"], era, e.get("valid_from"), e.get("valid_to"), tuple(e.get("variants") or ())
                )
                self.units.append(unit)
                if e.get("same_territory"):
                    (old,) = e["formed_from"]
                    renamed[place_key(unit.name)] = place_key(old)
                for spelling in (unit.name, *unit.variants):
                    bucket = self.by_key.setdefault(place_key(spelling), [])
                    if unit not in bucket:
                        bucket.append(unit)
                    self.canonical[place_key(spelling)] = place_key(unit.name)
        self.canonical = {k: renamed.get(v, v) for k, v in self.canonical.items()}
        self._guesses: dict[str, list[str]] = {}
        for key, units in self.by_key.items():
            names = self._guesses.setdefault(strip_accents(key), [])
            names.extend(u.name for u in units if u.name not in names)

    def lookup(self, name: str | None) -> list[Province]:
        return list(self.by_key.get(place_key(name), ()))

    def known(self, name: str | None) -> bool:
        return place_key(name) in self.by_key

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """Known names the user probably meant: the same letters without accents first (a file
        typed without Vietnamese input, or one wrong accent), then names that look alike."""
        guess = strip_accents(place_key(name))
        if guess in self._guesses:
            return self._guesses[guess][:n]
        close = difflib.get_close_matches(guess, list(self._guesses), n=n, cutoff=0.75)
        out: list[str] = []
        for key in close:
            out.extend(x for x in self._guesses[key] if x not in out)
        return out[:n]

    def check(self, name: str) -> str:
        """The name unchanged if known; otherwise ValueError saying what was probably meant."""
        if self.known(name):
            return name
        from engine.errors import InvalidValue
        from engine.lang import T
        from engine.quoting import quote

        hints = self.suggest(name)
        did_you_mean = (
            T(
                "; có phải là " + " hoặc ".join(f"'{h}'" for h in hints) + " không?",
                "; did you mean " + " or ".join(f"'{h}'" for h in hints) + "?",
            )
            if hints
            else ""
        )
        raise InvalidValue(
            T(f"không có tỉnh, thành phố {quote(name)} trong danh mục", f"unknown province {quote(name)}")
            + did_you_mean
            + T(
                " (tỉnh, thành phố trực thuộc trung ương của Việt Nam theo danh mục engine/data/provinces.yaml; "
                "ghi đủ dấu tiếng Việt — chữ hoa, chữ thường, 'tỉnh'/'thành phố'/'TP', dấu gạch nối và dấu cách "
                "không ảnh hưởng)",
                " (a province or centrally-run city of Việt Nam as listed in engine/data/provinces.yaml; "
                "write it with its accents — case, 'tỉnh'/'thành phố'/'TP', hyphens and spaces do not matter)",
            )
        )


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer of `engine/data/provinces.yaml`, loaded once per process."""
    import yaml

    data = yaml.safe_load(PROVINCES_FILE.read_text(encoding="utf-8"))
    return Gazetteer(data, str(PROVINCES_FILE))


def check_province(name: str | None) -> str | None:
    """For validators: None passes (whether a province is required is decided elsewhere)."""
    return None if name is None else gazetteer().check(name)
