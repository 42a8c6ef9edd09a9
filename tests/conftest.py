"""Test session set-up: the repository root on sys.path (the project need not be installed), the
feature steps loaded as a plugin, and every tag used in `features/` registered as a marker.

Tags are registered from the feature files themselves, not from the rules, so that a tag naming a
rule that does not exist is reported by the health test (with file:line), not as a collection error
of `--strict-markers`. Select one rule's scenarios with `-m QD19-LEGAL-UPDATE`.
"""

from __future__ import annotations

import re
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
    """The living documentation of the real rulebook (`htqlcl report`), in Vietnamese and English from one
    run of the scenarios."""
    from engine.livedoc.build import build

    out = {lang: tmp_path_factory.mktemp(f"site-{lang}") for lang in ("vi", "en")}
    built = build(out["vi"], lang="vi", also={"en": out["en"]})
    assert built.run.exit_code == 0, built.run.output[-3000:]
    return out
