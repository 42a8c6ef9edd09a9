"""A shared QMS (rulebook v1.1 §3, TT 26 Điều 6.1, 6.3.a): an agency with `qms.shared_with` is judged on
its host's facts for every rule about the system, its own procedures and reports stay its own; in a
portfolio the host is found by id wherever it comes (workers parse agencies one by one, so guests run
again once every id is known); alone, or without its host, those rules are unknown naming the host; a
host that itself shares, or a cycle, is an input error."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from engine.api import evaluate, evaluator, load_facts
from engine.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
HOST = yaml.safe_load((ROOT / "fixtures/agencies/ubnd-huyen-quang-dien.yaml").read_text(encoding="utf-8"))
AS_OF = "2022-10-28"


def guest(id: str = "phong-tu-phap", host: str = "ubnd-huyen-quang-dien", **more) -> dict:
    doc = {
        "agency": {
            "id": id,
            "name": f"Phòng {id}",
            "level": "department",
            "province": "Thừa Thiên Huế",
            "district": "Quảng Điền",
        },
        "qms": {"shared_with": host},
        "procedures": [{"code": "2.000908", "effective": "2022-07-01", "in_qms_since": "2022-08-01"}],
        "reports": [],
    }
    doc.update(more)
    return doc


def cli(path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "cli.py", "evaluate", str(path), "--as-of", AS_OF, "--format", "json", "--lang", "en", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def stream(tmp_path: Path, docs: list[dict]) -> Path:
    path = tmp_path / "danh-muc.yaml"
    path.write_text(yaml.safe_dump_all(docs, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def by_rule(agency: dict) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in agency["findings"]:
        out.setdefault(f["rule"], set()).add(f["status"])
    return out


def test_rules_about_the_system_are_those_reading_the_system():
    book = evaluator().rulebook
    own = sorted(r for r in book.rules if not book.about_the_system(r))
    assert own == ["LS174-TARGET-2020", "MD907-QUARTERLY-REPORT", "TTH-MONTHLY-REPORT"]


def test_alone_the_rules_about_the_system_are_unknown_naming_the_host():
    result = evaluate(guest(), AS_OF, lang="en")
    statuses = {f.rule: f.status for f in result.findings}
    for rule in ("QD19-ADOPT", "QD19-SCOPE", "QD19-LEGAL-UPDATE", "QD19-INTERNAL-AUDIT", "TTH-OBJECTIVES"):
        assert statuses[rule] == "unknown", rule
    assert all("ubnd-huyen-quang-dien" in f.message for f in result.findings if f.status == "unknown")
    assert statuses["TTH-MONTHLY-REPORT"] == "not_applicable"  # binds district committees, its own rule
    assert any("ubnd-huyen-quang-dien" in w for w in result.warnings)


def test_with_its_host_the_guest_is_judged_on_the_hosts_system_and_its_own_procedures():
    g = load_facts(guest())
    result = evaluator().evaluate(g, dt.date(2022, 10, 28), lang="en", host=load_facts(HOST))
    host_result = evaluate(HOST, AS_OF, lang="en")
    mine = {(f.rule, f.subject): f for f in result.findings}
    theirs = {(f.rule, f.subject): f for f in host_result.findings}
    for key in theirs:
        if key[0] in ("QD19-LEGAL-UPDATE", "QD19-INTERNAL-AUDIT", "QD19-CORRECTIVE", "QD19-NOTIFY", "QD19-ADOPT"):
            assert mine[key].status == theirs[key].status and mine[key].due == theirs[key].due, key
            assert "TT26/6.3.a" in mine[key].sources and mine[key].trace[0].startswith("QMS shared with")
    # its own procedure (the host has one of the same code, settled on other dates)
    assert mine[("QD19-SCOPE", "2.000908")].status == "compliant"
    assert mine[("QD19-SCOPE", "2.000908")].done == dt.date(2022, 8, 1)
    assert theirs[("QD19-SCOPE", "2.000908")].done != mine[("QD19-SCOPE", "2.000908")].done


def test_in_a_portfolio_the_host_is_found_wherever_it_comes(tmp_path):
    for order in ([guest(), HOST], [HOST, guest()]):
        run = cli(stream(tmp_path, order))
        assert run.returncode == 1, run.stderr
        data = json.loads(run.stdout)
        ids = [a["agency"]["id"] for a in data["agencies"]]
        assert ids == ["ubnd-huyen-quang-dien", "phong-tu-phap"], "guests are reported after the others"
        (g,) = [a for a in data["agencies"] if a["agency"]["id"] == "phong-tu-phap"]
        assert "unknown" not in {f["status"] for f in g["findings"]}
        assert by_rule(g)["QD19-ADOPT"] == {"compliant"}


def test_the_same_report_with_worker_processes(tmp_path):
    docs = [guest(f"phong-{i}") for i in range(3)] + [HOST]
    one = cli(stream(tmp_path, docs), "--jobs", "1")
    two = cli(stream(tmp_path, docs), "--jobs", "2")
    assert one.returncode == two.returncode == 1, (one.stderr, two.stderr)
    assert one.stdout == two.stdout


def test_a_portfolio_without_the_host_gives_unknown_naming_it(tmp_path):
    run = cli(stream(tmp_path, [guest(host="ubnd-huyen-khac"), HOST]))
    data = json.loads(run.stdout)
    (g,) = [a for a in data["agencies"] if a["agency"]["id"] == "phong-tu-phap"]
    assert by_rule(g)["QD19-ADOPT"] == {"unknown"}
    assert any("ubnd-huyen-khac" in w for w in g["warnings"])


@pytest.mark.parametrize(
    "docs, words",
    [
        ([guest("a", "b"), guest("b", "ubnd-huyen-quang-dien"), HOST], "which itself applies the QMS of"),
        ([guest("a", "b"), guest("b", "a")], "(a cycle)"),
    ],
)
def test_a_host_that_itself_shares_is_an_input_error(tmp_path, docs, words):
    path = stream(tmp_path, docs)
    run = cli(path)
    assert run.returncode == 2 and run.stdout == "", run.stderr
    assert words in run.stderr and "qms.shared_with" in run.stderr and "Traceback" not in run.stderr
    lines = path.read_text(encoding="utf-8").splitlines()
    line = int(run.stderr.split(":")[1])
    assert "shared_with" in lines[line - 1]


def test_sharing_with_itself_is_an_input_error():
    with pytest.raises(InputError) as e:
        load_facts(guest(host="phong-tu-phap"))
    assert "names the agency itself" in str(e.value.problems[0].text("en"))


def test_the_api_refuses_a_host_that_itself_shares():
    host = dict(HOST, qms={"shared_with": "someone-else"})
    with pytest.raises(InputError):
        evaluator().evaluate(load_facts(guest()), dt.date(2022, 10, 28), host=load_facts(host))


def test_sections_of_the_system_in_a_guests_file_are_set_aside_with_a_warning():
    result = evaluate(guest(internal_audits=[{"date": "2022-05-01"}]), AS_OF, lang="en")
    assert any("internal_audits ignored" in w for w in result.warnings)
