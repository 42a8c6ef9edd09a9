"""Where the built-in rulebook, its features and the sample agencies live.

Installed (a wheel, `pip install .`), they travel inside the package under `engine/_builtin/`; in a
checkout they are the repository's own `rules/`, `features/` and `fixtures/agencies/`, which is
where people edit them. Every module asks here instead of computing paths of its own.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
_INSTALLED = PACKAGE / "_builtin"


def _builtin(*parts: str) -> Path:
    installed = _INSTALLED.joinpath(*parts)
    return installed if installed.is_dir() else PACKAGE.parent.joinpath(*parts)


RULES_DIR = _builtin("rules")
"""The rules files (`*.yaml`), with their clause register (`register/`) and source texts (`sources/`)."""
FEATURES_DIR = _builtin("features")
"""The rules' Gherkin scenarios, which `report` runs for the living documentation."""
SAMPLES_DIR = _builtin("fixtures", "agencies")
"""Sample agencies: the demo, and the fixtures the scenarios name ('Cho cơ quan theo tệp mẫu …')."""
