"""Runs the feature scenarios under pytest with pytest-bdd's cucumber JSON report, in a subprocess.

Any folder of feature files (the built-in rulebook's, a reviewer's draft, the tests' small fixture
set) runs through a binding module written into a temporary folder with its own rootdir and conftest,
loading the step vocabulary (`engine.steps`) as plugins: its failures stay out of any other test
session, the folder needs no Python of its own, and an installed package needs no checkout.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from engine.resources import PACKAGE

STEPS_DIR = PACKAGE / "steps"


@dataclass(frozen=True)
class Run:
    json_path: Path
    exit_code: int  # pytest's: 0 all passed, 1 some failed, anything else: the run itself broke
    output: str  # pytest's terminal output, for a run that broke

    @property
    def errors(self) -> list[str]:
        """pytest's one-line summaries of modules or features it could not collect."""
        return [line for line in self.output.splitlines() if line.startswith("ERROR ")]


def step_modules(steps_dir: Path = STEPS_DIR) -> list[str]:
    """Dotted names of the step definition modules (`engine.steps.…`)."""
    package = ".".join(steps_dir.relative_to(PACKAGE.parent).parts)
    return [f"{package}.{p.stem}" for p in sorted(steps_dir.glob("*.py")) if p.stem != "__init__"]


PACKS_VARIABLE = "HTQLCL_PACKS"
"""The rule packs the scenarios evaluate with (folders, os.pathsep between them): engine/steps reads it."""


def run_features(features: Path, workdir: Path, packs: Sequence[Path] = ()) -> Run:
    """Run every scenario of `features`, with the built-in rulebook and the rule packs `packs` applied;
    the cucumber JSON lands in `workdir`."""
    json_path = workdir / "cucumber.json"
    binding = _write_binding(features.resolve(), workdir / "binding")
    target = [str(binding / "test_living_doc.py"), f"--rootdir={binding}", "-c", str(binding / "pytest.ini")]
    # A binding module that cannot be collected (a feature file not written yet) must not stop the others.
    command = [
        sys.executable,
        "-m",
        "pytest",
        *target,
        f"--cucumberjson={json_path}",
        "-q",
        "-rfE",
        "--continue-on-collection-errors",
        "-p",
        "no:cacheprovider",
    ]
    # From the folder holding the `engine` package, so that a checkout that is not installed works too.
    env = dict(os.environ)
    env.pop(PACKS_VARIABLE, None)
    if packs:
        env[PACKS_VARIABLE] = os.pathsep.join(str(Path(p).resolve()) for p in packs)
    done = subprocess.run(command, cwd=PACKAGE.parent, capture_output=True, text=True, env=env)
    return Run(json_path, done.returncode, done.stdout + done.stderr)


def _write_binding(features: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "pytest.ini").write_text(
        textwrap.dedent("""\
        [pytest]
        # Tags name rules; they are markers pytest does not need to know in advance here.
        filterwarnings = ignore::pytest.PytestUnknownMarkWarning
        """),
        encoding="utf-8",
    )
    (folder / "conftest.py").write_text(
        textwrap.dedent(f"""\
        import sys
        sys.path.insert(0, {str(PACKAGE.parent)!r})
        pytest_plugins = {step_modules()!r}
        """),
        encoding="utf-8",
    )
    (folder / "test_living_doc.py").write_text(
        textwrap.dedent(f"""\
        from pytest_bdd import scenarios
        scenarios({str(features)!r})
        """),
        encoding="utf-8",
    )
    return folder
