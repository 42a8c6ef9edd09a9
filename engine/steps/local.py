"""Steps the local rules' features need beyond the shared vocabulary (`engine/steps/common.py`), in the
same style: any keyword may start them, dates are DD/MM/YYYY, statuses Vietnamese.

    Và cơ quan có tên "UBND thị trấn Hữu Lũng"
    Và cơ quan tham gia chương trình "LS174-pilot"
    Và cơ quan đã ban hành 14 quy trình nội bộ ngày "01/06/2022"       (codes QT-NB-01, QT-NB-02, …)
    Và nguồn gồm "HL641/3" sau "QD19/4.4.a"                           (both, in this order)
    Và nguồn không có "HL641/3"
    Khi kiểm tra dữ liệu                                              (validate the facts, keep the refusal)
    Thì dữ liệu bị từ chối ở trường "Tỉnh, thành phố" với gợi ý "Thừa Thiên Huế"

A portfolio (many agencies evaluated together, for province-wide targets):

    Cho danh mục gồm 10 UBND cấp xã của tỉnh "Lạng Sơn", trong đó 7 đã công bố HTQLCL ngày "31/12/2020"
    Và danh mục có thêm 1 UBND cấp xã của tỉnh "Lạng Sơn" công bố HTQLCL ngày "01/01/2021"
    Và danh mục có thêm 2 UBND cấp xã của tỉnh "Lạng Sơn" chưa công bố HTQLCL
    Và danh mục có thêm 3 cơ quan cấp "huyện" của tỉnh "Lạng Sơn" công bố HTQLCL ngày "10/05/2016"
    Khi đánh giá danh mục
    Thì quy tắc "LS174-TARGET-2020" có kết quả "không đạt"              (the shared outcome steps read the
    Và mẫu số là 10 đơn vị, trong đó 7 đã công bố                        portfolio's findings)
"""

from __future__ import annotations

import copy
import re

import pytest
from pytest_bdd import parsers, step

from engine.steps.common import LEVELS, Seen, World, packs, vn_date

Q = r'"(?P<{}>[^"]*)"'
DAY = r'"(?P<{}>\d{{1,2}}/\d{{1,2}}/\d{{4}})"'


def _only(world: World) -> Seen:
    assert len(world.current) == 1, (
        "bước này xét một phát hiện; bước 'quy tắc … có kết quả …' trước đó chọn "
        f"{len(world.current)}: {[str(f) for f in world.current]}"
    )
    return world.current[0]


def _seen(f) -> Seen:
    return Seen(f.rule, f.status, f.subject, f.due, f.done, f.message, list(f.sources), list(f.trace))


# ---------------------------------------------------------------- one agency


@step(parsers.re(r"cơ quan có tên " + Q.format("name")))
def agency_name(world: World, name: str):
    world.agency_facts()["agency"]["name"] = name


@step(parsers.re(r"cơ quan tham gia chương trình " + Q.format("program")))
def agency_program(world: World, program: str):
    world.agency_facts()["agency"].setdefault("programs", []).append(program)


@step(parsers.re(r"cơ quan đã ban hành (?P<n>\d+) quy trình nội bộ ngày " + DAY.format("day")))
def internal_procedures(world: World, n: str, day: str):
    facts = world.agency_facts()
    records = facts.get("internal_procedures") or []
    start = len(records)
    records.extend({"code": f"QT-NB-{start + i + 1:02d}", "issued": vn_date(day)} for i in range(int(n)))
    facts["internal_procedures"] = records


@step(parsers.re(r"nguồn gồm " + Q.format("later") + r" sau " + Q.format("earlier")))
def source_after(world: World, later: str, earlier: str):
    f = _only(world)
    assert earlier in f.sources and later in f.sources, f"{f}: nguồn {f.sources} phải có cả '{earlier}' và '{later}'"
    assert f.sources.index(earlier) < f.sources.index(later), (
        f"{f}: trong nguồn {f.sources}, '{later}' phải đứng sau '{earlier}'"
    )


@step(parsers.re(r"nguồn không có " + Q.format("source")))
def source_absent(world: World, source: str):
    for f in world.current:
        assert source not in f.sources, f"{f}: nguồn {f.sources} không được có '{source}'"


# ---------------------------------------------------------------- refused input


@pytest.fixture
def refusal() -> dict:
    return {}


@step("kiểm tra dữ liệu")
def check_facts(world: World, refusal: dict):
    from engine.api import load_facts
    from engine.errors import InputError

    try:
        load_facts(copy.deepcopy(world.agency_facts()))
    except InputError as e:
        refusal["error"] = e
    else:
        refusal["error"] = None


def _field_path(name: str) -> str:
    """ "Tỉnh, thành phố" → "agency.province": a field of the agency named by its Vietnamese words."""
    from engine.facts import AgencyInfo, doc_of

    for key in AgencyInfo.model_fields:
        doc = doc_of(AgencyInfo, key)
        if doc is not None and " ".join(doc.vi.split()).casefold() == " ".join(name.split()).casefold():
            return f"agency.{key}"
    return name


@step(parsers.re(r"dữ liệu bị từ chối ở trường " + Q.format("field") + r" với gợi ý " + Q.format("hint")))
def refused_with_hint(refusal: dict, field: str, hint: str):
    """Dữ liệu bị từ chối ở trường này (tên tiếng Việt của trường, như "Tỉnh, thành phố"), kèm gợi ý giá trị đúng.

    The facts are refused at this field (its Vietnamese name, or its path), with the value it probably meant."""
    field = _field_path(field)
    assert "error" in refusal, "chưa kiểm tra: thêm bước 'Khi kiểm tra dữ liệu'"
    error = refusal["error"]
    assert error is not None, "dữ liệu được chấp nhận, mong đợi bị từ chối"
    mine = [p for p in error.problems if p.field == field]
    assert mine, f"không có lỗi nào ở trường {field}: {error}"
    assert any(f"'{hint}'" in p.message and "did you mean" in p.message for p in mine), (
        f"lỗi ở trường {field} không gợi ý '{hint}': {[p.message for p in mine]}"
    )


@step("dữ liệu được chấp nhận")
def accepted(refusal: dict):
    assert "error" in refusal, "chưa kiểm tra: thêm bước 'Khi kiểm tra dữ liệu'"
    assert refusal["error"] is None, f"dữ liệu bị từ chối: {refusal['error']}"


# ---------------------------------------------------------------- portfolios


@pytest.fixture
def portfolio() -> list[dict]:
    """Agency facts documents, evaluated together by `Khi đánh giá danh mục`."""
    return []


def _add(portfolio: list[dict], n: int, level: str, province: str, day: str | None):
    for _ in range(n):
        i = len(portfolio) + 1
        agency = {"id": f"co-quan-{i:03d}", "name": f"Cơ quan thử số {i}", "level": level, "province": province}
        if level in ("commune", "district"):
            agency["district"] = _a_district(province)
        facts: dict = {"agency": agency}
        if day:
            facts["qms"] = {
                "standard": "TCVN ISO 9001:2015",
                "declarations": [{"date": vn_date(day), "standard": "TCVN ISO 9001:2015"}],
            }
        portfolio.append(facts)


def _a_district(province: str) -> str:
    """A real district of the province (the gazetteer refuses made-up ones), the same every time."""
    from engine.places import districts, gazetteer, place_key

    table = districts().by_province[gazetteer().canonical[place_key(province)]]
    return table[min(table)]


@step(
    parsers.re(
        r"danh mục gồm (?P<n>\d+) UBND cấp xã của tỉnh "
        + Q.format("province")
        + r", trong đó (?P<k>\d+) đã công bố HTQLCL ngày "
        + DAY.format("day")
    )
)
def portfolio_of_communes(portfolio: list[dict], n: str, province: str, k: str, day: str):
    assert int(k) <= int(n), f"{k} đơn vị đã công bố nhưng danh mục chỉ có {n}"
    portfolio.clear()
    _add(portfolio, int(k), "commune", province, day)
    _add(portfolio, int(n) - int(k), "commune", province, None)


@step(
    parsers.re(
        r'danh mục có thêm (?P<n>\d+) (?:UBND cấp xã|cơ quan cấp "(?P<level>[^"]+)") của tỉnh '
        + Q.format("province")
        + r'(?: công bố HTQLCL ngày "(?P<day>\d{1,2}/\d{1,2}/\d{4})"| chưa công bố HTQLCL)'
    )
)
def portfolio_more(portfolio: list[dict], n: str, level: str | None, province: str, day: str | None):
    if level is not None:
        assert level in LEVELS, f"cấp '{level}' không có; dùng: {', '.join(LEVELS)}"
    _add(portfolio, int(n), LEVELS[level] if level else "commune", province, day)


@step("đánh giá danh mục")
def evaluate_portfolio(world: World, portfolio: list[dict]):
    """As the portfolio runner does: each agency's facts validated, its first declaration on or
    before the evaluation date kept (engine/portfolio.py)."""
    from engine.api import evaluator, load_facts
    from engine.portfolio import Member

    assert world.as_of is not None, "chưa có ngày đánh giá: thêm bước 'Cho ngày đánh giá là …'"
    members = []
    for doc in portfolio:
        facts = load_facts(copy.deepcopy(doc))
        a = facts.agency
        declared = [d.date for d in (facts.qms.declarations if facts.qms else []) if d.date <= world.as_of]
        members.append(Member(a.id, a.name, a.level, a.province, a.district, min(declared) if declared else None))
    world.findings = [_seen(f) for f in evaluator(packs=packs()).evaluate_portfolio(members, world.as_of)]


_DENOMINATOR = re.compile(r"mẫu số: (?P<n>\d+) đơn vị trong danh mục; đến (?P<day>[\d/]+) có (?P<k>\d+) đã công bố")


@step(parsers.re(r"mẫu số là (?P<n>\d+) đơn vị, trong đó (?P<k>\d+) đã công bố"))
def denominator(world: World, n: str, k: str):
    f = _only(world)
    stated = [m for m in map(_DENOMINATOR.search, f.trace) if m]
    assert stated, f"{f}: diễn giải không nêu mẫu số:\n  " + "\n  ".join(f.trace)
    m = stated[0]
    assert (m["n"], m["k"]) == (n, k), f"{f}: mong đợi mẫu số {n}, trong đó {k} đã công bố; diễn giải: {m.group(0)}"
