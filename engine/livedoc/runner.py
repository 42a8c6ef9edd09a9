"""Runs the feature scenarios under pytest with pytest-bdd's cucumber JSON report, in a subprocess.

The project's own features run through its binding modules (`tests/test_features*.py`, national and
local), exactly as in CI. Another folder of feature files (a reviewer's draft, the tests' small fixture
set) runs through a binding module written into a temporary folder with its own rootdir and conftest,
loading the same step vocabulary as plugins: its failures stay out of the project's test session, and
the folder needs no Python of its own.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_FEATURES = ROOT / "features"
FEATURE_TESTS = ROOT / "tests" / "test_features.py"  # and its siblings test_features_*.py
STEPS_DIR = ROOT / "tests" / "steps"


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
    """Dotted names of the step definition modules, importable from the repository root."""
    package = ".".join(steps_dir.relative_to(ROOT).parts)
    return [f"{package}.{p.stem}" for p in sorted(steps_dir.glob("*.py")) if p.stem != "__init__"]


def run_features(features: Path, workdir: Path) -> Run:
    """Run every scenario of `features`; the cucumber JSON lands in `workdir`."""
    json_path = workdir / "cucumber.json"
    if features.resolve() == DEFAULT_FEATURES.resolve():
        target = [str(p) for p in sorted(FEATURE_TESTS.parent.glob(FEATURE_TESTS.stem + "*.py"))]
    else:
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
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
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
        sys.path.insert(0, {str(ROOT)!r})
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
