"""A reviewer edits one interpretation or one parameter in one place, the rules file, and sees the change
on every page and listing that shows it (issue 11: "one interpretation per rule, written once, shown
everywhere"; the brief: every value a rule card shows is the value the engine applies).

The example rule pack is built twice, as written and edited: every page that showed the old words shows
the new ones instead, and no page keeps the old ones."""

from __future__ import annotations

import datetime as dt
import html
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from engine.livedoc.build import build
from engine.words import parameter_name

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ke-hoach-2026-lam-dong"
RULES_FILE = "ke_hoach_2026.yaml"
RULE = "LD26-COMMUNE-TARGET"

OLD_WORDS = "Chỉ tiêu của cả tỉnh, xét trên một danh mục"
NEW_WORDS = "Chỉ tiêu chung của toàn tỉnh, xét trên một danh mục"
OLD_PARAM, NEW_PARAM = "      over_percent: 90\n", "      over_percent: 85\n"


def _edited(tmp: Path) -> Path:
    pack = tmp / "edited"
    shutil.copytree(EXAMPLE, pack)
    path = pack / RULES_FILE
    text = path.read_text(encoding="utf-8")
    assert text.count(OLD_WORDS) == 1 and text.count(OLD_PARAM) == 1
    path.write_text(text.replace(OLD_WORDS, NEW_WORDS).replace(OLD_PARAM, NEW_PARAM), encoding="utf-8")
    return pack


def _pages(pack: Path, out: Path) -> dict[str, str]:
    """Every page of the pack's site, in both languages (HTML unescaped, so words compare as written)."""
    now = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
    build(out / "vi", rules=pack, lang="vi", now=now, also={"en": out / "en"})
    return {
        str(p.relative_to(out)): html.unescape(p.read_text(encoding="utf-8"))
        for p in sorted(out.rglob("*"))
        if p.suffix in (".html", ".md")
    }


def _rules_listing(pack: Path, fmt: str, lang: str) -> str:
    p = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "rules", "--rules", str(pack), "--format", fmt, "--lang", lang],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )
    assert p.returncode == 0, p.stderr
    return p.stdout


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("edit-once")
    edited = _edited(tmp)
    return EXAMPLE, _pages(EXAMPLE, tmp / "before"), edited, _pages(edited, tmp / "after")


def test_an_edited_interpretation_changes_on_every_page_that_showed_it(sites):
    _, before, _, after = sites
    showing = {name for name, text in before.items() if OLD_WORDS in text}
    assert any(name.endswith(".html") for name in showing) and any(name.endswith(".md") for name in showing)
    assert {name for name, text in after.items() if NEW_WORDS in text} == showing
    assert not [name for name, text in after.items() if OLD_WORDS in text]


def _parameter_rows(pages: dict[str, str], value: str) -> set[str]:
    """Pages whose rule card shows the share parameter with `value`, as a table row."""
    out = set()
    for name, text in pages.items():
        lang = name.split("/")[0]
        label = parameter_name("over_percent", lang)
        if f"<th>{label}</th><td>{value}<" in text or f"{label}: {value};" in text:
            out.add(name)
    return out


def test_an_edited_parameter_changes_on_every_rule_card_that_showed_it(sites):
    _, before, _, after = sites
    showing = _parameter_rows(before, "90")
    # the rule card, in both languages, on the HTML and the Markdown page
    assert showing == {f"{lang}/ke_hoach_2026.{ext}" for lang in ("vi", "en") for ext in ("html", "md")}
    assert _parameter_rows(after, "85") == showing
    assert not _parameter_rows(after, "90")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_rules_listing_shows_the_edit_and_the_engine_applies_it(sites, lang):
    original, _, edited, _ = sites
    listed = {r["id"]: r for r in json.loads(_rules_listing(edited, "json", lang))["rules"]}
    assert listed[RULE]["parameters"]["over_percent"] == 85
    was = {r["id"]: r for r in json.loads(_rules_listing(original, "json", lang))["rules"]}
    assert was[RULE]["parameters"]["over_percent"] == 90
    text = " ".join(_rules_listing(edited, "text", "vi").split())
    assert NEW_WORDS in text and OLD_WORDS not in text
