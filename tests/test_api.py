"""The Python API for embedded checks: the same answers, and the same JSON, as the command line."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from freezegun import freeze_time

from engine.api import evaluate, load_facts
from engine.errors import InputError
from engine.result import AgencyResult

pytestmark = pytest.mark.smoke  # also run on every other supported Python (scripts/dev.py smoke)

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "agencies" / "ubnd-huyen-quang-dien.yaml"


def cli_json(*args: str) -> dict:
    p = subprocess.run(
        [sys.executable, "cli.py", "evaluate", *args, "--format", "json"], cwd=ROOT, capture_output=True, text=True
    )
    assert p.returncode in (0, 1), p.stderr
    return json.loads(p.stdout)


def test_path_dict_and_model_give_the_cli_json():
    expected = cli_json(str(DEMO), "--as-of", "2022-10-28")
    as_dict = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    for source in (DEMO, str(DEMO), as_dict, load_facts(DEMO)):
        result = evaluate(source, as_of="2022-10-28")
        assert isinstance(result, AgencyResult)
        assert result.model_dump(mode="json") == expected


def test_english_messages_and_vietnamese_dates_accepted():
    vi = evaluate(DEMO, as_of="28/10/2022")
    en = evaluate(DEMO, as_of=dt.date(2022, 10, 28), lang="en")
    assert [f.status for f in vi.findings] == [f.status for f in en.findings]
    assert vi.findings[0].message != en.findings[0].message
    assert any("due" in f.message or "done" in f.message for f in en.findings)


@freeze_time("2022-10-28")
def test_as_of_defaults_to_today():
    assert evaluate(DEMO).as_of == dt.date(2022, 10, 28)
    assert evaluate(DEMO).model_dump() == evaluate(DEMO, as_of="2022-10-28").model_dump()


@pytest.mark.parametrize("kwargs", [{"as_of": "2022-02-30"}, {"as_of": "soon"}, {"lang": "fr"}])
def test_bad_arguments_are_input_errors(kwargs):
    with pytest.raises(InputError):
        evaluate(DEMO, **kwargs)


def test_bad_dict_is_an_input_error_naming_the_field():
    with pytest.raises(InputError) as e:
        evaluate({"agency": {"id": "x", "name": "X", "level": "galaxy"}}, as_of="2022-10-28")
    assert any("agency.level" in p.field for p in e.value.problems)
