"""Portfolios through the command line: the JSON contract of report.md, the three input forms giving
the same report, bad input refused whole, and output that depends on nothing but the input (not the
number of worker processes, not the run, not the order durable-rules states are reused in)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
PROVINCE = ROOT / "fixtures" / "provinces" / "thua-thien-hue-2022-10"
AS_OF = "2022-10-28"
STATUSES = ("compliant", "violation", "pending", "not_applicable", "unknown")
# A few agencies of the sample province, from different levels and districts, in a fixed order.
SAMPLE = [
    "tinh/ubnd-tinh-thua-thien-hue.yaml",
    "tinh/so-y-te-thua-thien-hue.yaml",
    "huyen-phong-dien/ubnd-huyen-phong-dien.yaml",
    "huyen-phong-dien/ubnd-xa-phong-my.yaml",
    "tx-huong-tra/ubnd-thi-xa-huong-tra.yaml",
    "tx-huong-tra/ubnd-xa-binh-tien.yaml",
    "huyen-phu-loc/ubnd-xa-vinh-hung.yaml",
]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "cli.py", "evaluate", *map(str, args), "--as-of", AS_OF],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def province_json() -> tuple[subprocess.CompletedProcess, dict]:
    p = cli(PROVINCE, "--format", "json")
    return p, json.loads(p.stdout)


def test_portfolio_json_contract(province_json):
    p, data = province_json
    assert p.returncode == 1 and p.stderr == "", "no progress bar nor warning on stderr when not at a terminal"
    assert list(data) == ["produced_by", "as_of", "agencies", "portfolio_findings", "summary", "sources"]
    assert list(data["produced_by"]) == ["contract", "engine", "rules"]
    assert data["as_of"] == AS_OF
    assert len(data["agencies"]) == len(list(PROVINCE.rglob("*.yaml")))
    cited = set()
    total = dict.fromkeys(STATUSES, 0)
    for agency in data["agencies"]:
        assert list(agency) == ["as_of", "agency", "findings", "summary", "warnings"], "no per-agency sources"
        assert agency["summary"] == {s: sum(f["status"] == s for f in agency["findings"]) for s in STATUSES}
        keys = [(f["rule"], f["subject"]) for f in agency["findings"]]
        assert keys == sorted(keys)
        for s in STATUSES:
            total[s] += agency["summary"][s]
        cited.update(src for f in agency["findings"] for src in f["sources"])
    for f in data["portfolio_findings"]:
        total[f["status"]] += 1
        cited.update(f["sources"])
    assert data["summary"] == total
    assert set(data["sources"]) == cited, "every cited clause quoted once, and nothing else"
    for source in data["sources"].values():
        # the contract's three keys, and the project's additive provenance (docs/report.md extensions)
        assert {"document", "clause", "quote"} <= set(source) and source["quote"]
        assert set(source) <= {"document", "clause", "quote", "form", "issuer", "signed", "quoted_from", "second_hand"}


def test_sample_province_follows_the_notice(province_json):
    """The facts mirror the BCĐ 19 notice of 28/10/2022: ten agencies with this year's internal audit,
    five district People's Committees that had sent October's monthly report."""
    _, data = province_json
    audited = {
        a["agency"]["id"]
        for a in data["agencies"]
        if any(
            f["rule"] == "QD19-INTERNAL-AUDIT" and f["subject"] == "2022" and f["status"] == "compliant"
            for f in a["findings"]
        )
    }
    assert len(audited) == 10 and {"ubnd-tinh-thua-thien-hue", "ubnd-huyen-quang-dien", "ubnd-huyen-phu-loc"} <= audited
    october = {
        a["agency"]["id"]
        for a in data["agencies"]
        if a["agency"]["level"] == "district"
        and any(f["rule"] == "TTH-MONTHLY-REPORT" and f["subject"] == "2022-10" and f["done"] for f in a["findings"])
    }
    assert october == {
        "ubnd-huyen-quang-dien",
        "ubnd-huyen-phong-dien",
        "ubnd-huyen-phu-loc",
        "ubnd-huyen-nam-dong",
        "ubnd-huyen-a-luoi",
    }


def test_sample_province_is_what_its_generator_writes(tmp_path):
    subprocess.run(
        [sys.executable, "scripts/make_sample_province.py", str(tmp_path / "again")],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    written = sorted(p.relative_to(tmp_path / "again") for p in (tmp_path / "again").rglob("*") if p.is_file())
    assert written == sorted(p.relative_to(PROVINCE) for p in PROVINCE.rglob("*") if p.is_file())
    for rel in written:
        assert (tmp_path / "again" / rel).read_bytes() == (PROVINCE / rel).read_bytes(), rel


@pytest.fixture(scope="module")
def three_forms(tmp_path_factory) -> dict[str, Path]:
    """The same agencies as a folder, a `---` stream and an `agencies:` file, in the same order."""
    base = tmp_path_factory.mktemp("forms")
    folder = base / "folder"
    folder.mkdir()
    texts = []
    for i, rel in enumerate(SAMPLE):
        text = (PROVINCE / rel).read_text(encoding="utf-8")
        (folder / f"{i:02d}-{Path(rel).name}").write_text(text, encoding="utf-8")
        texts.append(text)
    stream = base / "stream.yaml"
    stream.write_text("# a province, one agency per document\n" + "".join("---\n" + t for t in texts), encoding="utf-8")
    listed = base / "listed.yaml"
    listed.write_text(
        yaml.safe_dump({"agencies": [yaml.safe_load(t) for t in texts]}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return {"folder": folder, "stream": stream, "list": listed}


def test_three_forms_give_the_same_report(three_forms):
    outputs = {form: cli(path, "--format", "json") for form, path in three_forms.items()}
    for form, p in outputs.items():
        assert p.returncode == 1 and p.stderr == "", (form, p.stderr)
    assert outputs["folder"].stdout == outputs["stream"].stdout == outputs["list"].stdout
    assert [a["agency"]["id"] for a in json.loads(outputs["stream"].stdout)["agencies"]] == [
        yaml.safe_load((PROVINCE / rel).read_text(encoding="utf-8"))["agency"]["id"] for rel in SAMPLE
    ]


@pytest.mark.parametrize("fmt", ["json", "html", "markdown", "junit", "text"])
def test_output_depends_on_the_input_only(three_forms, fmt, tmp_path):
    """Byte-identical across runs, across one and two worker processes, and through --output."""
    stream = three_forms["stream"]
    first = cli(stream, "--format", fmt, "--jobs", "1")
    second = cli(stream, "--format", fmt, "--jobs", "2")
    target = tmp_path / f"report.{fmt}"
    third = cli(stream, "--format", fmt, "--jobs", "2", "--output", target)
    assert first.returncode == second.returncode == third.returncode == 1
    assert first.stdout == second.stdout == target.read_text(encoding="utf-8") and first.stdout
    assert third.stdout == ""


def test_duplicate_agency_id_names_both_places_and_writes_nothing(tmp_path):
    folder = tmp_path / "dup"
    folder.mkdir()
    for name in ("a.yaml", "b.yaml"):
        shutil.copy(PROVINCE / SAMPLE[1], folder / name)
    target = tmp_path / "report.html"
    p = cli(folder, "--format", "html", "--output", target)
    assert p.returncode == 2 and p.stdout == "" and not target.exists()
    assert "mã cơ quan 'so-y-te-thua-thien-hue' bị trùng" in p.stderr
    assert str(folder / "a.yaml") in p.stderr and str(folder / "b.yaml") in p.stderr
    assert "Traceback" not in p.stderr


def test_a_bad_file_in_a_folder_is_named_and_nothing_is_written(tmp_path):
    folder = tmp_path / "bad"
    shutil.copytree(PROVINCE / "huyen-phong-dien", folder)
    bad = folder / "ubnd-xa-phong-my.yaml"
    bad.write_text(
        re.sub(r"effective: \d{4}-\d\d-\d\d", "effective: 2022-02-30", bad.read_text(encoding="utf-8"), count=1),
        encoding="utf-8",
    )
    assert "2022-02-30" in bad.read_text(encoding="utf-8")
    for fmt in ("json", "markdown"):
        p = cli(folder, "--format", fmt)
        assert p.returncode == 2 and p.stdout == "", (fmt, p.stdout[:200])
        assert str(bad) in p.stderr and "2022-02-30" in p.stderr and "Traceback" not in p.stderr


def test_reused_durable_rules_states_carry_nothing_over():
    """The matcher empties and reuses durable-rules states: deciding other agencies in between (with
    facts that discharge, and with none) never changes an agency's verdicts."""
    sys.path.insert(0, str(ROOT))
    from engine.api import evaluator
    from engine.facts import AgencyFacts
    from engine.yamlio import parse_yaml, validate

    def load(rel: str) -> AgencyFacts:
        text = (PROVINCE / rel).read_text(encoding="utf-8")
        return validate(AgencyFacts, parse_yaml(text, file=rel), file=rel)

    ev, day = evaluator(), dt.date.fromisoformat(AS_OF)
    agencies = [load(rel) for rel in SAMPLE]
    alone = [ev.evaluate(a, day).model_dump(mode="json") for a in agencies]
    for a, expected in zip(reversed(agencies), reversed(alone)):
        for other in agencies:
            ev.evaluate(other, day)
        assert ev.evaluate(a, day).model_dump(mode="json") == expected
