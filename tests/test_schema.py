"""The exported JSON Schema matches the models, and the sample agencies are valid against it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

from engine.schema import render

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
