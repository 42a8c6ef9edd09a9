"""The exported JSON Schema matches the models, and the sample agencies are valid against it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

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
