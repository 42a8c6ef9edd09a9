"""The exported JSON Schema matches the models, and the sample agencies are valid against it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from engine.facts import AgencyFacts
from engine.schema import render, render_result

ROOT = Path(__file__).resolve().parent.parent


def test_committed_schema_is_current():
    committed = (ROOT / "docs" / "agency.schema.json").read_text(encoding="utf-8")
    assert committed == render(), "run: python cli.py schema --output docs/agency.schema.json"


def test_cli_prints_the_schema():
    p = subprocess.run([sys.executable, "cli.py", "schema"], cwd=ROOT, capture_output=True, text=True)
    assert p.returncode == 0 and json.loads(p.stdout)["title"].startswith("Agency facts file")


def test_schema_knows_every_top_level_key_of_the_samples():
    props = set(json.loads(render())["properties"])
    for f in sorted((ROOT / "fixtures" / "agencies").glob("*.yaml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        assert set(k for k in data if not k.startswith("x_")) <= props, f.name


def test_committed_result_schema_is_current():
    committed = (ROOT / "docs" / "result.schema.json").read_text(encoding="utf-8")
    assert committed == render_result(), "run: python cli.py schema result --output docs/result.schema.json"


def test_results_are_valid_against_the_result_schema():
    """One agency and a portfolio, as the CLI prints them, against the published schema."""
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json.loads(render_result()))
    demo = ROOT / "fixtures" / "agencies" / "ubnd-huyen-quang-dien.yaml"
    province = ROOT / "fixtures" / "provinces" / "thua-thien-hue-2022-10"
    for path in (demo, province):
        p = subprocess.run(
            [sys.executable, "cli.py", "evaluate", str(path), "--as-of", "2022-10-28", "--format", "json"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            encoding="utf-8",
        )
        assert p.returncode in (0, 1), p.stderr
        errors = sorted(validator.iter_errors(json.loads(p.stdout)), key=str)
        assert not errors, errors[0]


# ------------------------------------------------------------------ the facts schema, for editors


def _json_like(data):
    """The data as a YAML editor or a JSON client sees it: dates are the text they were written as."""
    return json.loads(json.dumps(data, default=lambda d: d.isoformat()))


def _fixture_files() -> list[Path]:
    return sorted((ROOT / "fixtures").rglob("*.yaml"))


def test_every_fixture_is_valid_against_the_facts_schema():
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json.loads(render()), format_checker=jsonschema.FormatChecker())
    files = _fixture_files()
    assert len(files) >= 50
    for path in files:
        data = _json_like(yaml.safe_load(path.read_text(encoding="utf-8")))
        errors = sorted(validator.iter_errors(data), key=str)
        assert not errors, f"{path.name}: {errors[0].message} at {list(errors[0].absolute_path)}"


def test_both_date_forms_pass_the_schema_and_other_forms_do_not():
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json.loads(render()))
    agency = {"id": "ubnd-xa-a", "name": "UBND xã A", "level": "commune", "province": "Huế", "district": "Phú Vang"}

    def ok(day) -> bool:
        return validator.is_valid({"agency": agency, "management_reviews": [{"date": day}]})

    assert ok("2022-10-05") and ok("05/10/2022") and ok("5/10/2022")
    assert not ok("2022/10/05") and not ok("05-10-2022") and not ok("tuần sau")


def test_every_field_has_a_vietnamese_and_english_title_description_and_example():
    schema = json.loads(render())
    objects = [("AgencyFacts", schema), *schema["$defs"].items()]
    seen = 0
    for name, definition in objects:
        for field, prop in definition.get("properties", {}).items():
            seen += 1
            where = f"{name}.{field}"
            assert " · " in prop["title"] or prop["title"] in ("TCVN ISO 9001:2015",), where
            vi, en = prop["description"].split("\n\n")
            assert vi and en and vi != en, where
            if field not in AgencyFacts.model_fields:  # sections are described, their records exemplified
                assert prop.get("examples"), where
    assert seen >= 60


def test_enumerations_say_what_each_value_means():
    level = json.loads(render())["$defs"]["AgencyInfo"]["properties"]["level"]
    assert level["enum"][-1] == "commune" and level["enumDescriptions"][-1] == "Cấp xã · commune"
