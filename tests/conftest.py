"""Test session set-up: the repository root on sys.path (the project need not be installed), the
feature steps loaded as a plugin, and every tag used in `features/` registered as a marker.

Tags are registered from the feature files themselves, not from the rules, so that a tag naming a
rule that does not exist is reported by the health test (with file:line), not as a collection error
of `--strict-markers`. Select one rule's scenarios with `-m QD19-LEGAL-UPDATE`.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

pytest_plugins = ["engine.steps.common"]

_TAG = re.compile(r"(?<!\S)@([^\s@#]+)")


def pytest_configure(config):
    tags: set[str] = set()
    for feature in (ROOT / "features").glob("**/*.feature"):
        for line in feature.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("@"):
                tags.update(_TAG.findall(line))
    for tag in sorted(tags):
        config.addinivalue_line("markers", f"{tag}: scenarios tagged @{tag} in features/")


@pytest.fixture(scope="session")
def site_pages(tmp_path_factory) -> dict[str, Path]:
    """The living documentation of the real rulebook (`htqlcl report`), built once per language."""
    out = {}
    for lang in ("vi", "en"):
        folder = tmp_path_factory.mktemp(f"site-{lang}")
        done = subprocess.run(
            [sys.executable, "cli.py", "report", "--out", str(folder), "--lang", lang],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr
        out[lang] = folder
    return out
