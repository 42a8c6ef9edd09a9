"""The command line as a user runs it (`python cli.py evaluate …`), in a subprocess: formats, the
JSON contract of report.md, determinism, languages, exit codes and output files."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.processes import run_cli

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "agencies" / "ubnd-huyen-quang-dien.yaml"
CLEAN = ROOT / "fixtures" / "agencies" / "so-khcn-thua-thien-hue.yaml"  # no violation on the demo date
AS_OF = "2022-10-28"

pytestmark = pytest.mark.smoke  # also run on every other supported Python (scripts/dev.py smoke)

STATUSES = {"compliant", "violation", "pending", "not_applicable", "unknown"}
FINDING_KEYS = {"rule", "status", "subject", "due", "done", "message", "sources", "trace"}


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return run_cli(*args, cwd=cwd, timeout=60)


@pytest.fixture(scope="module")
def demo_json() -> subprocess.CompletedProcess:
    return cli("evaluate", str(DEMO), "--as-of", AS_OF, "--format", "json")


def test_text_report_of_the_demo_agency():
    run = cli("evaluate", str(DEMO), "--as-of", AS_OF)
    assert run.returncode == 1, run.stderr  # Nghị định 107/2021/NĐ-CP was not incorporated in time
    assert "UBND huyện Quảng Điền" in run.stdout
    assert "28/10/2022" in run.stdout
    assert "Nghị định 107/2021/NĐ-CP" in run.stdout
    assert "Tổng:" in run.stdout
    assert "Traceback" not in run.stderr


def test_json_report_follows_the_contract(demo_json):
    assert demo_json.returncode == 1, demo_json.stderr
    data = json.loads(demo_json.stdout)
    assert set(data) == {"produced_by", "as_of", "agency", "findings", "summary", "warnings", "sources"}
    assert data["produced_by"]["contract"] == "1.1" and data["produced_by"]["engine"].startswith("htqlcl ")
    assert data["produced_by"]["rules"].startswith("sha256:") and data["warnings"] == []
    assert data["as_of"] == AS_OF
    assert data["agency"] == {"id": "ubnd-huyen-quang-dien", "name": "UBND huyện Quảng Điền", "level": "district"}
    assert set(data["summary"]) == STATUSES
    findings = data["findings"]
    assert findings
    for f in findings:
        assert set(f) == FINDING_KEYS
        assert f["status"] in STATUSES
        for key in ("due", "done"):
            assert f[key] is None or (isinstance(f[key], str) and len(f[key]) == 10 and f[key][4] == "-")
        assert f["sources"] and all(s in data["sources"] for s in f["sources"])
    assert {s: sum(f["status"] == s for f in findings) for s in STATUSES} == data["summary"]
    for source in data["sources"].values():
        # the contract's three keys, and the project's additive provenance (docs/report.md extensions)
        assert {"document", "clause", "quote"} <= set(source) and source["quote"]
        assert set(source) <= {"document", "clause", "quote", "form", "issuer", "signed", "quoted_from", "second_hand"}
    keys = [(f["rule"], f["subject"]) for f in findings]
    assert keys == sorted(keys)
    late = [f for f in findings if f["rule"] == "QD19-LEGAL-UPDATE" and f["subject"] == "Nghị định 107/2021/NĐ-CP"]
    assert [(f["status"], f["due"], f["done"]) for f in late] == [("violation", "2022-03-01", None)]
    assert "QD19/4.4.a" in late[0]["sources"] and late[0]["trace"]


def test_json_is_byte_identical_on_two_runs(demo_json):
    again = cli("evaluate", str(DEMO), "--as-of", AS_OF, "--format", "json")
    assert again.stdout.encode("utf-8") == demo_json.stdout.encode("utf-8")


def test_english_messages():
    vi = json.loads(cli("evaluate", str(DEMO), "--as-of", AS_OF, "--format", "json").stdout)
    en = json.loads(cli("evaluate", str(DEMO), "--as-of", AS_OF, "--format", "json", "--lang", "en").stdout)
    assert [(f["rule"], f["subject"], f["status"], f["due"]) for f in en["findings"]] == [
        (f["rule"], f["subject"], f["status"], f["due"]) for f in vi["findings"]
    ]
    by_key = {(f["rule"], f["subject"]): f for f in en["findings"]}
    assert "days past the due date 01/03/2022" in by_key[("QD19-LEGAL-UPDATE", "Nghị định 107/2021/NĐ-CP")]["message"]
    assert "the text sets no deadline" in by_key[("QD19-REDECLARE", "2022-10-01")]["message"]
    text = cli("evaluate", str(DEMO), "--as-of", AS_OF, "--lang", "en")
    assert "Total:" in text.stdout and "Tổng:" not in text.stdout


def test_exit_0_without_violation():
    run = cli("evaluate", str(CLEAN), "--as-of", AS_OF, "--format", "json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["summary"]["violation"] == 0


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("evaluate", "fixtures/agencies/khong-co-tep-nay.yaml", "--as-of", AS_OF), "khong-co-tep-nay.yaml"),
        (("evaluate", str(DEMO), "--as-of", "2022-02-30"), "2022-02-30"),
        (("evaluate", str(DEMO), "--as-of", "next week"), "next week"),
    ],
    ids=["missing-file", "no-such-day", "not-a-date"],
)
def test_bad_input_exits_2_with_a_message_and_no_traceback(args, named):
    run = cli(*args)
    assert run.returncode == 2
    assert run.stdout == ""
    assert named in run.stderr
    assert "Traceback" not in run.stderr


def test_output_writes_the_file(tmp_path, demo_json):
    target = tmp_path / "ket-qua.json"
    run = cli("evaluate", str(DEMO), "--as-of", AS_OF, "--format", "json", "--output", str(target))
    assert run.returncode == 1, run.stderr
    assert run.stdout == ""
    assert target.read_text(encoding="utf-8") == demo_json.stdout
