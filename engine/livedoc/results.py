"""Each scenario's outcome, read from pytest-bdd's cucumber JSON and joined to the scenarios as written.

The join is by feature file and scenario line; the rows of a Scenario Outline share that line, so a row
is recognised by its steps as they ran (the row's values filled in). A scenario the JSON does not
mention did not run.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from engine.livedoc.features import Scenario

PASSED, FAILED, NOT_RUN = "passed", "failed", "not_run"


@dataclass(frozen=True)
class Outcome:
    status: str  # passed | failed | not_run
    message: str = ""  # for a failure: what the failing step said


def _file_key(path: str) -> tuple[str, ...]:
    # pytest-bdd reports a feature as "<its folder's name>/<file name>", whatever the base folder was.
    return PurePosixPath(path.replace("\\", "/")).parts[-2:]


def read_results(json_path: Path) -> list[dict]:
    """The cucumber JSON's features, or none when the run broke before writing it."""
    try:
        data = json.loads(json_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return data if isinstance(data, list) else []


def join(scenarios: list[Scenario], features_dir: Path, results: list[dict]) -> dict[tuple, Outcome]:
    """Outcome of every scenario, by `Scenario.key`."""
    ran: dict[tuple, list[dict]] = {}
    for feature in results:
        for element in feature.get("elements", []):
            key = (_file_key(feature.get("uri", "")), element.get("line"))
            ran.setdefault(key, []).append(element)
    out: dict[tuple, Outcome] = {}
    used: set[int] = set()
    for s in scenarios:
        candidates = [
            e for e in ran.get((_file_key((features_dir / s.feature).as_posix()), s.line), []) if id(e) not in used
        ]
        element = _pick(s, candidates)
        if element is None:
            out[s.key] = Outcome(NOT_RUN)
            continue
        used.add(id(element))
        out[s.key] = _outcome(s, element)
    return out


def _pick(s: Scenario, candidates: list[dict]) -> dict | None:
    if not candidates:
        return None
    expected = [step.text for step in s.steps]
    for e in candidates:  # the row whose steps ran as written
        if [st.get("name") for st in e.get("steps", [])] == expected:
            return e
    for e in candidates:  # a run cut short: what ran is the start of this row
        names = [st.get("name") for st in e.get("steps", [])]
        if names and names == expected[: len(names)]:
            return e
    return None


def _outcome(s: Scenario, element: dict) -> Outcome:
    steps = element.get("steps", [])
    for step in steps:
        result = step.get("result", {})
        if result.get("status") == FAILED:
            return Outcome(
                FAILED,
                f"{step.get('keyword', '').strip()} {step.get('name', '')}: "
                f"{_assertion(result.get('error_message', ''))}".strip(": "),
            )
    if steps and all(st.get("result", {}).get("status") == "skipped" for st in steps):
        return Outcome(NOT_RUN)
    if len(steps) < len(s.steps):
        # pytest-bdd stops without a failed step when no step definition matches a sentence.
        missing = s.steps[len(steps)]
        return Outcome(
            FAILED, f"{missing.keyword.strip()} {missing.text}: no step of the vocabulary matches this sentence"
        )
    return Outcome(PASSED)


def _assertion(longrepr: str) -> str:
    """What the failing step said: the first `E` lines of pytest's report, before pytest's own rewriting of
    the assert expression (whose object addresses change from run to run)."""
    said: list[str] = []
    for line in longrepr.splitlines():
        if line.startswith("E "):
            text = line[1:].strip()
            if text.startswith(("assert ", "+ where", "+  where")) and said:
                break
            said.append(text)
    text = " ".join(said) if said else (longrepr.strip().splitlines() or [""])[-1]
    return re.sub(r"0x[0-9a-fA-F]+", "0x…", text)[:600]
