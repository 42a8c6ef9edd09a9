"""Place names: matching them robustly, and knowing which provinces and districts exist (the gazetteer).

Two agencies, or a rule and an agency, are in the same place when their names match after folding
Unicode (NFC/NFD), case, administrative prefixes ("tỉnh", "thành phố", "TP", "huyện", ...), hyphens,
dots and spaces, and old/new tone placement ("Hoà" = "Hòa"). Accents are never folded: "Lang Son" is
not "Lạng Sơn" — a province name the gazetteer (`engine/data/provinces.yaml`) does not know is an
input error whose message says which known name was probably meant. So is a district the district
gazetteer (`engine/data/districts.yaml`, `districts_former.yaml`) does not know in the agency's province.
The gazetteer also knows how the map changed on 01/07/2025: which provinces merged into which (an
agency of a merged province ends on 30/06/2025, rulebook v1.1 §3).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from engine.quoting import quote

DATA = Path(__file__).resolve().parent / "data"
PROVINCES_FILE = DATA / "provinces.yaml"
DISTRICTS_FILE = DATA / "districts.yaml"
FORMER_DISTRICTS_FILE = DATA / "districts_former.yaml"

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
    became: str | None = None  # 63-unit map: the unit of the 34-unit map it is part of from 01/07/2025


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
                    e["name"],
                    e["kind"],
                    era,
                    e.get("valid_from"),
                    e.get("valid_to"),
                    tuple(e.get("variants") or ()),
                    e.get("became"),
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
        self._merged: dict[str, Province | None] = {}
        self._guesses: dict[str, list[str]] = {}
        for key, units in self.by_key.items():
            names = self._guesses.setdefault(strip_accents(key), [])
            names.extend(u.name for u in units if u.name not in names)

    def merged(self, name: str | None) -> Province | None:
        """The unit of the 63-unit map a province name means when that name does not exist in the
        34-unit map of 01/07/2025 (merged into a unit with another name: Kon Tum → Quảng Ngãi), else
        None: a name in both maps is the continuing unit, and a renamed unit (Thừa Thiên Huế → Huế)
        continues under its new name."""
        key = self.canonical.get(place_key(name))
        if key is None:
            return None
        if key not in self._merged:  # asked for every agency of a national portfolio
            continuing = any(u.era == "2025" and self.canonical.get(place_key(u.name)) == key for u in self.units)
            old = [u for u in self.units if u.era == "2008" and self.canonical.get(place_key(u.name)) == key]
            self._merged[key] = None if continuing or not old or not (old[0].became and old[0].valid_to) else old[0]
        return self._merged[key]

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


# ---------------------------------------------------------------- districts


class Districts:
    """The district-level units of the three-tier map, by province (canonical key of the 63-unit map):
    the 696 units of 2025 and the names used earlier (districts_former.yaml)."""

    def __init__(self, current: dict, former: dict, provinces: Gazetteer, origin: str = "<data>"):
        self.by_province: dict[str, dict[str, str]] = {}  # province key → district key → name to show
        self.where: dict[str, list[str]] = {}  # district key → provinces that have it (for the message)
        self.province_name: dict[str, str] = {}
        last_day = former.get("district_level_last_day")
        if not isinstance(last_day, dt.date):
            raise ValueError(f"{origin}: 'district_level_last_day' must be a date")
        self.last_day: dt.date = last_day
        entries = current.get("districts")
        if not isinstance(entries, dict) or len(entries) != 63:
            raise ValueError(f"{origin}: 'districts' must map each of the 63 provinces to its districts")
        extra: dict[str, list[str]] = {}
        for section in ("former", "spellings"):
            for province, items in (former.get(section) or {}).items():
                extra.setdefault(province, []).extend(item["name"] for item in items)
        for province, names in (*entries.items(), *extra.items()):
            key = provinces.canonical.get(place_key(province))
            if key is None:
                raise ValueError(f"{origin}: unknown province {quote(province)}")
            self.province_name.setdefault(key, province)
            table = self.by_province.setdefault(key, {})
            for name in names:
                table.setdefault(place_key(name), name)
                where = self.where.setdefault(place_key(name), [])
                if province not in where:
                    where.append(self.province_name[key])

    def known(self, district: str, province: str) -> bool:
        key = gazetteer().canonical.get(place_key(province))
        return place_key(district) in self.by_province.get(key or "", {})

    def suggest(self, district: str, province: str, n: int = 3) -> list[str]:
        """Names of the province's districts the user probably meant (as for provinces)."""
        table = self.by_province.get(gazetteer().canonical.get(place_key(province)) or "", {})
        bare: dict[str, list[str]] = {}
        for key, name in table.items():
            bare.setdefault(strip_accents(key), []).append(name)
        guess = strip_accents(place_key(district))
        if guess in bare:
            return bare[guess][:n]
        out: list[str] = []
        for key in difflib.get_close_matches(guess, list(bare), n=n, cutoff=0.75):
            out.extend(x for x in bare[key] if x not in out)
        return out[:n]

    def check(self, district: str, province: str) -> str:
        """The name unchanged if the province has such a district; otherwise ValueError saying what was
        probably meant."""
        if self.known(district, province):
            return district
        from engine.errors import InvalidValue
        from engine.lang import T
        from engine.quoting import quote as _show  # a user's value, quoted and escaped (a zero-width space shows)

        hints = self.suggest(district, province)
        quoted = " hoặc ".join(f"'{h}'" for h in hints), " or ".join(f"'{h}'" for h in hints)
        elsewhere = ", ".join(p for p in self.where.get(place_key(district), []) if not same_place(p, province))
        raise InvalidValue(
            T(
                f"không có huyện {_show(district)} thuộc {province} trong danh mục",
                f"unknown district {_show(district)} in {province}",
            )
            + (T(f"; có phải là {quoted[0]} không?", f"; did you mean {quoted[1]}?") if hints else "")
            + (
                T(f"; huyện tên này thuộc {elsewhere}", f"; a district of that name is in {elsewhere}")
                if elsewhere and not hints
                else ""
            )
            + T(
                " (đơn vị hành chính cấp huyện của bản đồ ba cấp — huyện, quận, thị xã, thành phố thuộc tỉnh — theo "
                "danh mục engine/data/districts.yaml; ghi đủ dấu tiếng Việt — chữ hoa, chữ thường, loại đơn vị, dấu "
                "gạch nối và dấu cách không ảnh hưởng)",
                " (a district-level unit of the three-tier map — huyện, quận, thị xã or thành phố thuộc tỉnh — as "
                "listed in engine/data/districts.yaml; write it with its accents — case, the kind of unit, hyphens "
                "and spaces do not matter)",
            )
        )


def district_level_last_day() -> dt.date:
    """The last day of the three-tier map (districts_former.yaml, `district_level_last_day`)."""
    return districts().last_day


@functools.lru_cache(maxsize=1)
def districts() -> Districts:
    """The district gazetteer, loaded once per process."""
    import yaml

    current = yaml.safe_load(DISTRICTS_FILE.read_text(encoding="utf-8"))
    former = yaml.safe_load(FORMER_DISTRICTS_FILE.read_text(encoding="utf-8"))
    return Districts(current, former, gazetteer(), str(DISTRICTS_FILE))


def check_district(district: str | None, province: str | None) -> str | None:
    """For validators: None passes; a district needs its province (the same name is a district of
    several provinces)."""
    if district is None:
        return None
    if not province:
        from engine.errors import InvalidValue
        from engine.lang import T

        raise InvalidValue(
            T(
                "trường 'district' cần có 'province': nhiều tỉnh có huyện trùng tên",
                "'district' needs 'province': the same district name exists in several provinces",
            )
        )
    return districts().check(district, province)
