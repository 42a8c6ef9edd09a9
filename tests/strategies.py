"""Hypothesis strategies for VALID agency facts files (shared spec `facts.md`), as plain dicts.

The dicts are what `yaml.safe_load` would give for a hand-written file: dates are `datetime.date`,
keys are the contract's keys, optional keys and sections are sometimes absent. Every section is
drawn in one of three states, because the engine must tell them apart (rulebook §1):
absent (not known), an empty list (known to be none) and a list of records.

Places come from a small set that includes every place a local rule names (Thừa Thiên Huế,
Lạng Sơn / Hữu Lũng, Quảng Ngãi / Mộ Đức, Hà Nội / Hoàng Mai) and a neighbour of each, so local
rules both bind and do not bind. Dates run from 2013 (before Decision 19) to 2026 (after the end of
the district level). Subjects that name a finding (procedure codes, legal documents, nonconformity
ids, declaration and scope-change dates, member names) are mostly unique within a file, but now and
then two different records share one (two decisions of the same day, a member who left and came
back, a procedure listed twice with different dates): the contract does not forbid it, and the
output must not then depend on the order of the records. Identical duplicate records are a separate
strategy (`with_identical_duplicates`), since the engine must count them once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

FIRST_DAY = dt.date(2013, 1, 1)
LAST_DAY = dt.date(2026, 12, 31)

PLACES: dict[str, list[str]] = {
    "Thừa Thiên Huế": ["Quảng Điền", "Phú Vang"],
    "Lạng Sơn": ["Hữu Lũng", "Cao Lộc"],
    "Quảng Ngãi": ["Mộ Đức", "Sơn Tịnh"],
    "Hà Nội": ["Hoàng Mai", "Cầu Giấy"],
}
LEVELS = ["central", "province", "department", "district", "commune"]
STANDARDS = ["TCVN ISO 9001:2008", "TCVN ISO 9001:2015"]
NAMES = [
    "UBND thị trấn Hữu Lũng",
    "UBND xã Quảng An",
    "UBND huyện Quảng Điền",
    "Sở KH&CN",
    "Phòng Tư pháp",
    "UBND phường Hoàng Liệt",
    "Cục Thuế",
    "UBND tỉnh",
]
PEOPLE = ["Nguyễn Văn A", "Trần Thị B", "Lê Văn C", "Phạm Thị D", "Hoàng Văn E", "Vũ Thị F"]
DOCUMENTS = [
    "Nghị định 61/2018/NĐ-CP",
    "Nghị định 107/2021/NĐ-CP",
    "Nghị định 42/2022/NĐ-CP",
    "Thông tư 01/2016/TT-BTP",
    "Luật Đất đai 2024",
    "Nghị định 23/2015/NĐ-CP",
    "Quyết định 1/2020",
]
CODES = ["2.000908", "1.001612", "1.010940", "1.000656", "2.001263", "QT-01"]

dates = st.dates(FIRST_DAY, LAST_DAY)
as_of_dates = st.dates(FIRST_DAY, LAST_DAY)


def _maybe(draw, value_strategy, key: str, into: dict) -> None:
    """Set `into[key]` from the strategy, or leave the key out."""
    if draw(st.booleans()):
        into[key] = draw(value_strategy)


def _keys(draw, pool: st.SearchStrategy, max_size: int) -> list:
    """Keys for records: distinct, except in about one file in six where they may repeat."""
    repeats = draw(st.integers(0, 5)) == 0
    return draw(st.lists(pool, max_size=max_size, unique=not repeats))


def _after(draw, start: dt.date, days: int = 900) -> dt.date:
    return min(start + dt.timedelta(days=draw(st.integers(0, days))), LAST_DAY)


@st.composite
def agency_info(draw) -> dict:
    level = draw(st.sampled_from(LEVELS))
    info: dict[str, Any] = {
        "id": draw(st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)),
        "name": draw(st.sampled_from(NAMES)),
        "level": level,
    }
    province = draw(st.sampled_from(sorted(PLACES)))
    if level != "central":
        info["province"] = province
    if level in ("district", "commune") or (level == "department" and draw(st.booleans())):
        info["district"] = draw(st.sampled_from(PLACES[province]))
    _maybe(draw, st.just("ubnd-tinh"), "reports_to", info)
    _maybe(
        draw, st.lists(st.sampled_from(["LS174-pilot", "other-programme"]), max_size=2, unique=True), "programs", info
    )
    if draw(st.integers(0, 3)) == 0:
        info["established"] = draw(dates)
    if draw(st.integers(0, 3)) == 0:
        info["dissolved"] = _after(draw, info.get("established", FIRST_DAY), 5000)
    return info


@st.composite
def qms(draw) -> dict:
    days = _keys(draw, dates, 3)
    declarations = []
    for i, day in enumerate(sorted(days)):
        d: dict[str, Any] = {"date": day, "standard": draw(st.sampled_from(STANDARDS))}
        _maybe(draw, st.just(f"{i + 1}/QĐ-UBND"), "decision", d)
        _maybe(
            draw,
            st.sampled_from(["initial", "scope_change", "legal_change", "standard_transition", "other"]),
            "reason",
            d,
        )
        if draw(st.booleans()):
            d["notified"] = _after(draw, day, 60)
        declarations.append(d)
    out: dict[str, Any] = {"standard": draw(st.sampled_from(STANDARDS))}
    if declarations or draw(st.booleans()):
        out["declarations"] = declarations
    return out


@st.composite
def steering_committee(draw) -> dict | None:
    if draw(st.integers(0, 5)) == 0:
        return None  # `steering_committee: null`: known to be none
    out: dict[str, Any] = {}
    _maybe(draw, st.lists(dates, max_size=3, unique=True).map(sorted), "decisions", out)
    if draw(st.booleans()):
        members = []
        for name in _keys(draw, st.sampled_from(PEOPLE), 4):
            m: dict[str, Any] = {
                "name": name,
                "role": draw(st.sampled_from(["head", "deputy_head", "member", "secretary"])),
                "since": draw(dates),
            }
            _maybe(draw, st.booleans(), "leadership", m)
            if draw(st.booleans()):
                m["until"] = _after(draw, m["since"], 3000)
            members.append(m)
        out["members"] = members
    return out


@st.composite
def procedures(draw) -> list:
    out = []
    for code in _keys(draw, st.sampled_from(CODES), 4):
        p: dict[str, Any] = {"code": code}
        _maybe(draw, st.just(f"Thủ tục {code}"), "name", p)
        _maybe(draw, dates, "effective", p)
        if draw(st.booleans()):
            p["in_qms_since"] = _after(draw, p.get("effective", FIRST_DAY), 400)
        out.append(p)
    return out


@st.composite
def internal_procedures(draw) -> list:
    n = draw(st.integers(0, 17))  # TTH-INTERNAL-15 counts to 15
    out = []
    for i in range(n):
        p: dict[str, Any] = {"code": f"QT-NB-{i + 1:02d}"}
        _maybe(draw, dates, "issued", p)
        out.append(p)
    return out


@st.composite
def legal_changes(draw) -> list:
    out = []
    for doc in _keys(draw, st.sampled_from(DOCUMENTS), 4):
        lc: dict[str, Any] = {"document": doc, "effective": draw(dates)}
        if draw(st.booleans()):
            lc["incorporated"] = _after(draw, lc["effective"] - dt.timedelta(days=30), 300)
        out.append(lc)
    return out


@st.composite
def scope_changes(draw) -> list:
    out = []
    for day in sorted(_keys(draw, dates, 3)):
        sc: dict[str, Any] = {"date": day, "kind": draw(st.sampled_from(["adjust", "expand", "narrow"]))}
        _maybe(draw, st.just("thêm TTHC mới"), "note", sc)
        out.append(sc)
    return out


@st.composite
def internal_audits(draw) -> list:
    out, n = [], 0
    reuse = draw(st.integers(0, 5)) == 0  # a nonconformity id written again in another audit
    for day in sorted(_keys(draw, dates, 4)):
        audit: dict[str, Any] = {"date": day}
        if draw(st.booleans()):
            ncs = []
            for _ in range(draw(st.integers(0, 3))):
                n += 0 if reuse and n and draw(st.booleans()) else 1
                nc: dict[str, Any] = {"id": f"NC-{n:02d}"}
                if draw(st.booleans()):
                    nc["due"] = _after(draw, day, 200)
                if draw(st.booleans()):
                    nc["closed"] = _after(draw, day, 300)
                ncs.append(nc)
            audit["nonconformities"] = ncs
        out.append(audit)
    return out


def dated_records() -> st.SearchStrategy[list]:
    return st.lists(dates, max_size=4, unique=True).map(lambda ds: [{"date": d} for d in sorted(ds)])


@st.composite
def year_plans(draw) -> list:
    out = []
    for year in sorted(_keys(draw, st.integers(2013, 2026), 3)):
        y: dict[str, Any] = {"year": year}
        if draw(st.booleans()):
            y["issued"] = _after(draw, dt.date(year, 1, 1) - dt.timedelta(days=60), 450)
        out.append(y)
    return out


def _period(kind: str, day: dt.date) -> str:
    if kind == "monthly":
        return f"{day.year}-{day.month:02d}"
    if kind == "quarterly":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


@st.composite
def reports(draw) -> list:
    out, seen = [], set()
    repeats = draw(st.integers(0, 5)) == 0  # a period reported twice (a corrected report)
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["monthly", "monthly", "quarterly", "annual"]))
        start = draw(st.dates(dt.date(2021, 1, 1), dt.date(2025, 12, 31)))
        r: dict[str, Any] = {"kind": kind, "period": _period(kind, start), "submitted": _after(draw, start, 120)}
        if (kind, r["period"]) in seen and not repeats:
            continue
        seen.add((kind, r["period"]))
        _maybe(draw, st.just("BCĐ 19 tỉnh"), "to", r)
        out.append(r)
    return out


SECTIONS: dict[str, Any] = {
    "steering_committee": steering_committee(),
    "procedures": procedures(),
    "internal_procedures": internal_procedures(),
    "legal_changes": legal_changes(),
    "scope_changes": scope_changes(),
    "internal_audits": internal_audits(),
    "management_reviews": dated_records(),
    "quality_objectives": year_plans(),
    "audit_programs": year_plans(),
    "reports": reports(),
}
"""Every optional section but `qms`, with the strategy of its value."""


@st.composite
def agencies(draw) -> dict:
    """One valid agency facts document, as the dict a YAML file would load into."""
    doc: dict[str, Any] = {"agency": draw(agency_info())}
    if draw(st.integers(0, 3)) > 0:
        doc["qms"] = draw(qms())
    for name, strategy in SECTIONS.items():
        state = draw(st.sampled_from(["absent", "empty", "records", "records"]))
        if state == "absent":
            continue
        if state == "empty":
            doc[name] = [] if name != "steering_committee" else {}
        else:
            doc[name] = draw(strategy)
    if draw(st.integers(0, 4)) == 0:
        doc["x_note"] = "ghi chú của cán bộ ISO"  # free annotations are dropped, never an error
    return doc


def _lists_in(doc: Any) -> list[tuple[Any, Any]]:
    """(container, key) of every list inside a document, deepest last."""
    found = []
    if isinstance(doc, dict):
        for key, value in doc.items():
            if isinstance(value, list):
                found.append((doc, key))
            found.extend(_lists_in(value))
    elif isinstance(doc, list):
        for item in doc:
            found.extend(_lists_in(item))
    return found


@st.composite
def shuffled(draw, doc: dict) -> dict:
    """The same document with every list (at any depth) in a drawn order."""
    import copy

    out = copy.deepcopy(doc)
    for container, key in _lists_in(out):
        container[key] = draw(st.permutations(container[key]))
    return out


@st.composite
def with_identical_duplicates(draw, doc: dict) -> dict:
    """The same document with some records of some sections written twice, word for word."""
    import copy

    out = copy.deepcopy(doc)
    for container, key in _lists_in(out):
        items = container[key]
        if items and draw(st.booleans()):
            extra = draw(st.lists(st.sampled_from(items), min_size=1, max_size=2))
            container[key] = items + copy.deepcopy(extra)
    return out
