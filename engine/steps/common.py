"""The fixed Vietnamese step vocabulary of `features/*.feature`, run against the real engine.

A legal reviewer writes scenarios with these sentences only (any keyword — Cho, Khi, Thì, Và,
Nhưng — may start any of them); dates are written DD/MM/YYYY, statuses in Vietnamese:

    Cho ngày đánh giá là "28/10/2022"
    Cho cơ quan theo tệp mẫu "ubnd-huyen-quang-dien"            (fixtures/agencies/<tên>.yaml)
    Cho một cơ quan cấp "huyện" tại tỉnh "Thừa Thiên Huế", huyện "Quảng Điền"
        (cấp: trung ương | tỉnh | sở | phòng | huyện | xã; tỉnh/huyện when the level needs them)
    Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2015"
    Và cơ quan công bố HTQLCL ngày "10/05/2016" theo "TCVN ISO 9001:2015", thông báo ngày "20/05/2016"
    Và Ban chỉ đạo ISO được thành lập theo quyết định ngày "01/03/2017"
    Và mục "legal_changes" gồm:                 + a table; header = field names of facts.md,
                                                  an empty cell = the field is absent
    Và đợt đánh giá nội bộ ngày "05/10/2022" có điểm không phù hợp:      + a table (id, due, closed)
    Và mục "internal_audits" trống               (known to be none: [] — `null` for qms/steering_committee)
    Và cơ quan thành lập ngày "01/03/2023"       (agency.established; "chấm dứt hoạt động ngày": dissolved)
    Và cơ quan áp dụng HTQLCL chung với cơ quan theo tệp mẫu "ubnd-huyen-quang-dien"   (qms.shared_with)
    Và tham số "thời gian ân hạn sau khi thành lập (tháng)" của quy tắc "QD19-ADOPT" là "12"
                                                 (a copy of the rules, changed)
    Và không có mục "internal_audits"            (not known: the section is removed)
    Khi đánh giá                                 (engine.api.evaluate)
    Khi đánh giá bằng dòng lệnh                  (htqlcl evaluate … --format json, in a new process)
    Khi đánh giá cùng cơ quan chủ trì trong một danh mục   (the agency and its host, one portfolio, by the CLI)
    Thì quy tắc "QD19-LEGAL-UPDATE" với "Nghị định 107/2021/NĐ-CP" có kết quả "vi phạm"
    Thì quy tắc "QD19-ADOPT" có kết quả "đạt"    (every finding of the rule has that status)
    Thì quy tắc "QD19-INTERNAL-AUDIT" không có phát hiện nào với "2016"
    Thì quy tắc "QD19-SCOPE" không có kết quả "thiếu dữ liệu"
    Và hạn là "01/03/2022" / Và không có hạn / Và ngày thực hiện là "15/02/2022"
    Và diễn giải cách tính có "Thứ Bảy"          (a line of the finding's trace contains the text;
                                                  "lý giải có" is the former wording, still accepted)
    Và nguồn gồm "QD19/4.4.a"
    Và thông điệp có "ubnd-huyen-quang-dien"     (the finding's message contains the text)
    Và có cảnh báo chứa "Quảng Ngãi"             (a warning of the result contains the text)

The last six check the finding(s) named by the latest `quy tắc … có kết quả …` step.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from pytest_bdd import parsers, step

from engine.resources import PACKAGE, SAMPLES_DIR

if TYPE_CHECKING:
    from engine.rulebook import RulesChoice

FIXTURES = SAMPLES_DIR

# The outcome words of docs/rulebook.md §1 (vocabulary); "vi phạm" and "đang chờ", the words of the first
# rulebook, stay accepted.
STATUSES = {
    "đạt": "compliant",
    "không đạt": "violation",
    "chưa hoàn thành": "pending",
    "chưa đến hạn": "pending",
    "chưa thực hiện": "pending",
    "không áp dụng": "not_applicable",
    "thiếu dữ liệu": "unknown",
    "vi phạm": "violation",
    "đang chờ": "pending",
}
STATUS_WORDS = {
    "compliant": "đạt",
    "violation": "không đạt",
    "pending": "chưa hoàn thành",
    "not_applicable": "không áp dụng",
    "unknown": "thiếu dữ liệu",
}
LEVELS = {
    "trung ương": "central",
    "tỉnh": "province",
    "sở": "department",
    "phòng": "department",
    "huyện": "district",
    "xã": "commune",
}
# Sections whose "known to be none" is `null` rather than an empty list (facts.md).
NULLABLE = {"qms", "steering_committee"}
BOOL_FIELDS = {"leadership"}
INT_FIELDS = {"year"}

Q = r'"(?P<{}>[^"]*)"'  # a quoted value
DAY = r'"(?P<{}>\d{{1,2}}/\d{{1,2}}/\d{{4}})"'


def vn_date(text: str) -> dt.date:
    """`DD/MM/YYYY` as written in the features; anything else fails the step."""
    return dt.datetime.strptime(text.strip(), "%d/%m/%Y").date()


def show(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "—"


@dataclass
class Seen:
    """One finding as a scenario sees it, whether it came from the API or from the CLI's JSON."""

    rule: str
    status: str
    subject: str
    due: dt.date | None
    done: dt.date | None
    message: str
    sources: list[str]
    trace: list[str]

    def __str__(self) -> str:
        return (
            f"{self.rule} [{self.subject}] {STATUS_WORDS.get(self.status, self.status)}, "
            f"hạn {show(self.due)}, thực hiện {show(self.done)}"
        )


@dataclass
class World:
    facts: dict | None = None
    as_of: dt.date | None = None
    findings: list[Seen] | None = None
    current: list[Seen] = field(default_factory=list)
    host: dict | None = None  # the facts of the agency whose QMS this one applies
    parameters: dict[tuple[str, str], object] = field(default_factory=dict)  # (rule, name) → value
    warnings: list[str] = field(default_factory=list)

    def agency_facts(self) -> dict:
        assert self.facts is not None, (
            "chưa có cơ quan: thêm bước 'Cho một cơ quan cấp …' hoặc 'Cho cơ quan theo tệp mẫu …'"
        )
        return self.facts

    def of_rule(self, rule: str) -> list[Seen]:
        assert self.findings is not None, "chưa đánh giá: thêm bước 'Khi đánh giá'"
        return [f for f in self.findings if f.rule == rule]

    def listing(self, rule: str) -> str:
        found = self.of_rule(rule)
        return "\n  ".join(str(f) for f in found) if found else "(không có phát hiện nào)"


@pytest.fixture
def world() -> World:
    return World()


# ---------------------------------------------------------------- the date and the agency


@step(parsers.re(r"ngày đánh giá là " + DAY.format("day")))
def set_as_of(world: World, day: str):
    world.as_of = vn_date(day)


def packs() -> list[str]:
    """The rule packs applied with the built-in rulebook: `htqlcl rules check` and `htqlcl report` name
    them in HTQLCL_PACKS (engine/livedoc/runner.py)."""
    return [p for p in os.environ.get("HTQLCL_PACKS", "").split(os.pathsep) if p]


def sample_folders() -> list[Path]:
    """Where sample agencies are looked for: each pack's `agencies/`, then the built-in samples."""
    return [*(Path(p) / "agencies" for p in packs()), FIXTURES]


@step(parsers.re(r"cơ quan theo tệp mẫu " + Q.format("name")))
def take_fixture(world: World, name: str):
    folders = sample_folders()
    found = [folder / f"{name}.yaml" for folder in folders if (folder / f"{name}.yaml").is_file()]
    assert found, f"không có tệp mẫu {name}.yaml trong {', '.join(map(str, folders))}"
    world.facts = yaml.safe_load(found[0].read_text(encoding="utf-8"))


@step(
    parsers.re(
        r"một cơ quan cấp "
        + Q.format("level")
        + r'(?: tại tỉnh "(?P<province>[^"]+)")?(?:, huyện "(?P<district>[^"]+)")?'
    )
)
def minimal_agency(world: World, level: str, province: str | None, district: str | None):
    assert level in LEVELS, f"cấp '{level}' không có; dùng: {', '.join(LEVELS)}"
    agency = {"id": "co-quan-thu", "name": f"Cơ quan thử cấp {level}", "level": LEVELS[level]}
    if province:
        agency["province"] = province
    if district:
        agency["district"] = district
    world.facts = {"agency": agency}


# ---------------------------------------------------------------- facts


def _declare(world: World, day: str, standard: str, notified: str | None = None):
    facts = world.agency_facts()
    qms = facts.get("qms") or {"standard": standard, "declarations": []}
    declaration = {"date": vn_date(day), "standard": standard}
    if qms["declarations"]:
        declaration["reason"] = "other"
    if notified:
        declaration["notified"] = vn_date(notified)
    qms["declarations"].append(declaration)
    qms["standard"] = max(qms["declarations"], key=lambda d: d["date"])["standard"]
    facts["qms"] = qms


@step(
    parsers.re(
        r"cơ quan công bố HTQLCL ngày "
        + DAY.format("day")
        + r" theo "
        + Q.format("standard")
        + r'(?:, thông báo ngày "(?P<notified>\d{1,2}/\d{1,2}/\d{4})")?'
    )
)
def declare(world: World, day: str, standard: str, notified: str | None):
    _declare(world, day, standard, notified)


@step(parsers.re(r"Ban chỉ đạo ISO được thành lập theo quyết định ngày " + DAY.format("day")))
def committee_decision(world: World, day: str):
    facts = world.agency_facts()
    committee = facts.get("steering_committee") or {"decisions": [], "members": []}
    committee["decisions"].append(vn_date(day))
    facts["steering_committee"] = committee


# ---------------------------------------------------------------- Vietnamese names of sections, columns, values
#
# A reviewer writes sections, table columns and fixed values in Vietnamese, with the words the facts model
# gives them (engine.facts: each field's Doc, also the spreadsheet form's headers); the facts file's own
# keys stay accepted.


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _sections() -> dict[str, str]:
    """Vietnamese name (folded) or key of every list a table may fill → its path in the facts."""
    from engine.facts import AgencyFacts, SteeringCommittee, doc_of

    out: dict[str, str] = {}
    for name in AgencyFacts.model_fields:
        doc = doc_of(AgencyFacts, name)
        if doc is not None and name != "agency":
            out[name] = name
            out[_fold(doc.vi)] = name
    for name in SteeringCommittee.model_fields:
        doc = doc_of(SteeringCommittee, name)
        path = f"steering_committee.{name}"
        out[path] = path
        if doc is not None:
            out[_fold(doc.vi)] = path
    return out


def _record_model(path: str):
    from engine.facts import AgencyFacts, Nonconformity, SteeringCommittee, record_model

    if path == "nonconformities":
        return Nonconformity
    head, _, tail = path.partition(".")
    return record_model(SteeringCommittee, tail) if tail else record_model(AgencyFacts, head)


def section_path(name: str) -> str:
    found = _sections().get(_fold(name))
    assert found, f"không có mục '{name}'; dùng: " + ", ".join(sorted({k for k in _sections() if "_" not in k}))
    return found


def _columns(path: str) -> dict[str, tuple[str, dict[str, object]]]:
    """Column name (folded Vietnamese label, or key) → (field key, Vietnamese value words → value)."""
    from engine.facts import doc_of

    model = _record_model(path)
    out: dict[str, tuple[str, dict[str, object]]] = {}
    if model is None:
        return out
    for name in model.model_fields:
        doc = doc_of(model, name)
        words = {_fold(t.vi): k for k, t in doc.choices.items()} if doc is not None else {}
        out[name] = (name, words)
        if doc is not None:
            out[_fold(doc.vi)] = (name, words)
    return out


def column_table() -> list[tuple[str, str, str]]:
    """(section, column, facts key) for the vocabulary page: what a data table may write in Vietnamese."""
    from engine.facts import AgencyFacts, InternalAudit, SteeringCommittee, doc_of

    sections = [(doc_of(AgencyFacts, n), n) for n in AgencyFacts.model_fields if n not in ("agency", "qms")]
    sections.insert(1, (doc_of(SteeringCommittee, "members"), "steering_committee.members"))
    sections.append((doc_of(InternalAudit, "nonconformities"), "nonconformities"))
    rows = []
    for section_doc, path in sections:
        model = _record_model(path)
        if section_doc is None or model is None or path == "steering_committee":
            continue
        for name in model.model_fields:
            doc = doc_of(model, name)
            if doc is not None and _record_model_of_field(model, name) is None:
                label = doc.vi + (" (" + ", ".join(t.vi for t in doc.choices.values()) + ")" if doc.choices else "")
                rows.append((section_doc.vi, label, name))
    return rows


def _record_model_of_field(model, name: str):
    from engine.facts import record_model

    return record_model(model, name)


def _cell(name: str, value: str, words: dict[str, object] | None = None):
    value = value.strip()
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", value):
        return vn_date(value)
    if words and _fold(value) in words:
        return words[_fold(value)]
    if name in BOOL_FIELDS:
        allowed = {"có": True, "true": True, "không": False, "false": False}
        assert value.lower() in allowed, f"{name}: '{value}' phải là có/không"
        return allowed[value.lower()]
    if name in INT_FIELDS and value.isdigit():
        return int(value)
    return value


def _records(datatable: list[list[str]], path: str) -> list[dict]:
    header, *rows = datatable
    assert rows, "bảng cần một hàng tiêu đề (tên cột) và ít nhất một hàng dữ liệu"
    columns = _columns(path)
    keys = []
    for h in header:
        found = columns.get(_fold(h)) or columns.get(h.strip())
        assert found or not columns, f"mục này không có cột '{h.strip()}'; dùng: " + ", ".join(
            sorted(k for k in columns if "_" not in k and k.isascii() is False)
        )
        keys.append(found or (h.strip(), {}))
    return [{k: _cell(k, v, words) for (k, words), v in zip(keys, row) if v.strip()} for row in rows]


def _section_list(facts: dict, path: str) -> list:
    """The list at `path` ('legal_changes', 'steering_committee.members'), created if absent."""
    head, _, tail = path.partition(".")
    if not tail:
        if facts.get(head) is None:
            facts[head] = []
        return facts[head]
    parent = facts.get(head)
    if parent is None:
        parent = facts[head] = {"decisions": [], "members": []} if head == "steering_committee" else {}
    return parent.setdefault(tail, [])


@step(parsers.re(r'mục "(?P<section>[^"]+)" gồm:'))
def add_records(world: World, section: str, datatable):
    """Thêm các bản ghi của một mục từ bảng dữ liệu: hàng đầu là tên cột (tiếng Việt, xem bảng tên cột), mỗi hàng
    sau là một bản ghi; ô để trống là không có trường đó.

    Adds a section's records from the data table: the first row names the columns (in Vietnamese, see the column
    names), each further row is one record; an empty cell leaves the field out."""
    path = section_path(section)
    _section_list(world.agency_facts(), path).extend(_records(datatable, path))


@step(parsers.re(r"đợt đánh giá nội bộ ngày " + DAY.format("day") + r" có điểm không phù hợp:"))
def audit_with_nonconformities(world: World, day: str, datatable):
    audits = _section_list(world.agency_facts(), "internal_audits")
    date = vn_date(day)
    audit = next((a for a in audits if a["date"] == date), None)
    if audit is None:
        audit = {"date": date, "nonconformities": []}
        audits.append(audit)
    audit.setdefault("nonconformities", []).extend(_records(datatable, "nonconformities"))


@step(parsers.re(r'mục "(?P<section>[^"]+)" trống'))
def empty_section(world: World, section: str):
    """Mục đã biết là không có bản ghi nào (danh sách rỗng).

    The section is known to hold no record (an empty list)."""
    facts = world.agency_facts()
    section = section_path(section)
    head, _, tail = section.partition(".")
    if tail:
        _section_list(facts, section).clear()
    else:
        facts[head] = None if head in NULLABLE else []


@step(parsers.re(r'không có mục "(?P<section>[^"]+)"'))
def absent_section(world: World, section: str):
    """Tệp dữ kiện không có mục này: chưa biết, không phải là không có.

    The facts file lacks the section: not known, which is not the same as none."""
    world.agency_facts().pop(section_path(section), None)


COLUMN_TABLE = column_table()


@step(parsers.re(r"cơ quan (?P<what>thành lập|chấm dứt hoạt động) ngày " + DAY.format("day")))
def agency_dates(world: World, what: str, day: str):
    world.agency_facts()["agency"]["established" if what == "thành lập" else "dissolved"] = vn_date(day)


@step(parsers.re(r"cơ quan áp dụng HTQLCL chung với cơ quan theo tệp mẫu " + Q.format("name")))
def shared_qms(world: World, name: str):
    path = FIXTURES / f"{name}.yaml"
    assert path.is_file(), f"không có tệp mẫu {name}.yaml trong {FIXTURES}"
    world.host = yaml.safe_load(path.read_text(encoding="utf-8"))
    qms = world.agency_facts().get("qms") or {}
    world.agency_facts()["qms"] = {**qms, "shared_with": world.host["agency"]["id"]}


@step(parsers.re(r"tham số " + Q.format("name") + r" của quy tắc " + Q.format("rule") + r" là " + Q.format("value")))
def rule_parameter(world: World, name: str, rule: str, value: str):
    """Tình huống đặt một tham số của quy tắc (tên tiếng Việt như trên thẻ quy tắc, hoặc tên trong tệp quy tắc).

    The scenario sets one of the rule's parameters (its Vietnamese words as the rule card shows them, or its
    name in the rules file)."""
    from engine.words import PARAMETERS

    by_words = {" ".join(vi.split()).casefold(): key for key, (vi, _en) in PARAMETERS.items()}
    name = by_words.get(" ".join(name.split()).casefold(), name)
    world.parameters[(rule, name)] = yaml.safe_load(value)


def _rules_dir(world: World, tmp_path) -> RulesChoice | None:
    """The rules a scenario evaluates with: the built-in rulebook and the packs under check (None: the
    built-in rulebook alone), or copies of their rules files with the scenario's parameters changed."""
    from engine.resources import RULES_DIR
    from engine.rulebook import RulesChoice

    if not world.parameters:
        return RulesChoice.of(packs()) if packs() else None
    pending = dict(world.parameters)
    copies = []
    for n, source in enumerate([RULES_DIR, *map(Path, packs())]):
        folder = tmp_path / f"rules-{n}"
        folder.mkdir(exist_ok=True)
        for path in sorted(source.glob("*.yaml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            for r in data.get("rules") or []:
                for (rule, name), value in world.parameters.items():
                    if r["id"] == rule:
                        assert name in (r.get("parameters") or {}), f"quy tắc {rule} không có tham số '{name}'"
                        r["parameters"][name] = value
                        pending.pop((rule, name), None)
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
            (folder / path.name).write_text(text, encoding="utf-8")
        copies.append(folder)
    assert not pending, f"không có quy tắc: {sorted(r for r, _ in pending)}"
    return RulesChoice.of(copies, builtin=False)


# ---------------------------------------------------------------- evaluation


def _seen(f) -> Seen:
    def day(v):
        return dt.date.fromisoformat(v) if isinstance(v, str) else v

    def get(key: str) -> Any:
        return f.get(key) if isinstance(f, dict) else getattr(f, key)

    return Seen(
        get("rule"),
        get("status"),
        get("subject"),
        day(get("due")),
        day(get("done")),
        get("message"),
        list(get("sources")),
        list(get("trace")),
    )


@step("đánh giá")
def evaluate_api(world: World, tmp_path):
    from engine.api import evaluate

    assert world.as_of is not None, "chưa có ngày đánh giá: thêm bước 'Cho ngày đánh giá là …'"
    result = evaluate(copy.deepcopy(world.agency_facts()), world.as_of, rules_dir=_rules_dir(world, tmp_path))
    world.findings = [_seen(f) for f in result.findings]
    world.warnings = list(result.warnings)


def _cli(world: World, path, tmp_path) -> dict:
    assert world.as_of is not None, "chưa có ngày đánh giá: thêm bước 'Cho ngày đánh giá là …'"
    rules = _rules_dir(world, tmp_path)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "engine",
            "evaluate",
            str(path),
            "--as-of",
            world.as_of.isoformat(),
            "--format",
            "json",
            *(arg for pack in (rules.packs if rules else ()) for arg in ("--rules", pack)),
            *(["--no-builtin-rules"] if rules and not rules.builtin else []),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=PACKAGE.parent,  # the folder holding `engine`: a checkout need not be installed
        timeout=60,
    )
    assert run.returncode in (0, 1), f"htqlcl thoát với mã {run.returncode}:\n{run.stderr}"
    return json.loads(run.stdout)


@step("đánh giá cùng cơ quan chủ trì trong một danh mục")
def evaluate_with_host(world: World, tmp_path):
    assert world.as_of is not None, "chưa có ngày đánh giá: thêm bước 'Cho ngày đánh giá là …'"
    assert world.host is not None, "chưa có cơ quan chủ trì: thêm bước 'cơ quan áp dụng HTQLCL chung với …'"
    path = tmp_path / "danh-muc.yaml"
    docs = [world.host, world.agency_facts()]
    path.write_text(yaml.safe_dump_all(docs, allow_unicode=True, sort_keys=False), encoding="utf-8")
    me = world.agency_facts()["agency"]["id"]
    (mine,) = [a for a in _cli(world, path, tmp_path)["agencies"] if a["agency"]["id"] == me]
    world.findings = [_seen(f) for f in mine["findings"]]
    world.warnings = list(mine.get("warnings") or [])


@step("đánh giá bằng dòng lệnh")
def evaluate_cli(world: World, tmp_path):
    assert world.as_of is not None, "chưa có ngày đánh giá: thêm bước 'Cho ngày đánh giá là …'"
    path = tmp_path / "agency.yaml"
    path.write_text(yaml.safe_dump(world.agency_facts(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = _cli(world, path, tmp_path)
    world.findings = [_seen(f) for f in out["findings"]]
    world.warnings = list(out.get("warnings") or [])


# ---------------------------------------------------------------- outcomes


def _status(word: str) -> str:
    assert word in STATUSES, f"kết quả '{word}' không có; dùng: {', '.join(STATUSES)}"
    return STATUSES[word]


@step(parsers.re(r"quy tắc " + Q.format("rule") + r'(?: với "(?P<subject>[^"]+)")? có kết quả ' + Q.format("status")))
def rule_outcome(world: World, rule: str, subject: str | None, status: str):
    expected = _status(status)
    found = world.of_rule(rule)
    if subject is not None:
        found = [f for f in found if f.subject == subject]
    where = f"quy tắc {rule}" + (f" với '{subject}'" if subject else "")
    assert found, f"{where}: không có phát hiện nào. Các phát hiện của quy tắc:\n  {world.listing(rule)}"
    assert all(f.status == expected for f in found), f"{where}: mong đợi '{status}', nhưng:\n  {world.listing(rule)}"
    world.current = found


@step(parsers.re(r"quy tắc " + Q.format("rule") + r' không có phát hiện nào(?: với "(?P<subject>[^"]+)")?'))
def rule_silent(world: World, rule: str, subject: str | None):
    found = [f for f in world.of_rule(rule) if subject is None or f.subject == subject]
    assert not found, f"quy tắc {rule}: mong đợi không có phát hiện nào, nhưng:\n  {world.listing(rule)}"


@step(parsers.re(r"quy tắc " + Q.format("rule") + r" không có kết quả " + Q.format("status")))
def rule_never(world: World, rule: str, status: str):
    unwanted = _status(status)
    assert all(f.status != unwanted for f in world.of_rule(rule)), (
        f"quy tắc {rule}: không được có kết quả '{status}', nhưng:\n  {world.listing(rule)}"
    )


def _one(world: World) -> Seen:
    assert len(world.current) == 1, (
        "bước này xét một phát hiện; bước 'quy tắc … có kết quả …' trước đó chọn "
        f"{len(world.current)}: {[str(f) for f in world.current]}"
    )
    return world.current[0]


@step(parsers.re(r"hạn là " + DAY.format("day")))
def due_is(world: World, day: str):
    f = _one(world)
    assert f.due == vn_date(day), f"{f}: hạn mong đợi {day}, nhưng là {show(f.due)}; diễn giải cách tính: {f.trace}"


@step("không có hạn")
def no_due(world: World):
    f = _one(world)
    assert f.due is None, f"{f}: mong đợi không có hạn, nhưng hạn là {show(f.due)}"


@step(parsers.re(r"ngày thực hiện là " + DAY.format("day")))
def done_is(world: World, day: str):
    f = _one(world)
    assert f.done == vn_date(day), f"{f}: ngày thực hiện mong đợi {day}, nhưng là {show(f.done)}"


@step(parsers.re(r"(?:diễn giải cách tính|lý giải) có " + Q.format("text")))
def trace_has(world: World, text: str):
    """Một dòng diễn giải cách tính hạn (và dữ kiện đáp ứng) của phát hiện có đoạn văn này.

    A line of the finding's trace (how its due date was computed, and what discharged it) contains the text."""
    f = _one(world)
    assert any(text in line for line in f.trace), f"{f}: không dòng diễn giải nào có '{text}':\n  " + "\n  ".join(
        f.trace
    )


@step(parsers.re(r"nguồn gồm " + Q.format("source")))
def source_has(world: World, source: str):
    f = _one(world)
    assert source in f.sources, f"{f}: nguồn {f.sources} không có '{source}'"


@step(parsers.re(r"thông điệp có " + Q.format("text")))
def message_has(world: World, text: str):
    f = _one(world)
    assert text in f.message, f"{f}: thông điệp không có '{text}': {f.message}"


@step(parsers.re(r"có cảnh báo chứa " + Q.format("text")))
def warning_has(world: World, text: str):
    assert world.findings is not None, "chưa đánh giá: thêm bước 'Khi đánh giá'"
    assert any(text in w for w in world.warnings), f"không cảnh báo nào chứa '{text}': {world.warnings}"


@step(parsers.re(r"không có cảnh báo nào"))
def no_warning(world: World):
    assert world.findings is not None, "chưa đánh giá: thêm bước 'Khi đánh giá'"
    assert not world.warnings, f"mong đợi không có cảnh báo, nhưng: {world.warnings}"
