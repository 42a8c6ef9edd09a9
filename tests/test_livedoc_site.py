"""The living documentation of the real rulebook (`htqlcl report`, built once per language): every rule and
every scenario has its place on a page, every link leads somewhere, every document says what it is."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from engine.livedoc.features import read_features
from engine.register import load_register
from engine.resources import FEATURES_DIR
from engine.rulebook import default_rulebook

ROOT = Path(__file__).resolve().parent.parent


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"] or "")


def _read(folder: Path) -> dict[str, _Links]:
    pages = {}
    for page in sorted(folder.glob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        pages[page.name] = parser
    return pages


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_link_leads_somewhere(site_pages, lang):
    pages = _read(site_pages[lang])
    dead = []
    for name, parsed in pages.items():
        for href in parsed.hrefs:
            target, _, anchor = href.partition("#")
            target = target or name
            if not href or href == "#" or target not in pages or (anchor and anchor not in pages[target].ids):
                dead.append(f"{name}: {href!r}")
    assert not dead, "dead links:\n" + "\n".join(dead)


def test_every_scenario_and_rule_has_its_place(site_pages):
    pages = _read(site_pages["vi"])
    ids = set().union(*(p.ids for p in pages.values()))
    orphans = []
    for s in read_features(FEATURES_DIR):
        anchor = "s-" + re.sub(r"[^A-Za-z0-9]+", "-", f"{s.feature}-{s.line}-{s.row_line or 0}").strip("-")
        if anchor not in ids:
            orphans.append(f"features/{s.feature}:{s.row_line or s.line} {s.name}")
    missing_rules = [rid for rid in default_rulebook().rules if f"r-{rid}" not in ids]
    assert not orphans and not missing_rules, (orphans, missing_rules)
    index = (site_pages["vi"] / "index.md").read_text(encoding="utf-8")
    assert "## Tình huống không gắn với quy tắc nào (0)" in index


def test_restatement_scenarios_are_written_out_under_their_clause(site_pages):
    page = (site_pages["vi"] / "seed000_hl641.html").read_text(encoding="utf-8")
    clause = page[page.index('id="c-HL641-3"') :]
    clause = clause[: clause.index("</section>")]
    assert "Tình huống kiểm thử phần nhắc lại" in clause and 'class="scenario' in clause


def test_the_calendar_clauses_link_to_the_rules_and_scenarios_they_decide(site_pages):
    page = (site_pages["vi"] / "blds_2015.html").read_text(encoding="utf-8")
    for cid in ("BLDS-148-5", "BLDS-148-3", "BLDS-147-3"):
        section = page[page.index(f'id="c-{cid}"') :]
        section = section[: section.index("</section>")]
        assert 'href="qd19_2014.html#r-QD19-LEGAL-UPDATE"' in section, cid
        assert "Tình huống kiểm thử điều này" in section and "#s-qd19" in section, cid


def test_every_document_says_what_it_is_and_second_hand_texts_say_so(site_pages):
    for f in load_register().files:
        assert f.document.form and f.document.in_force and f.document.text, f.document.id
        page = (site_pages["vi"] / f"{Path(f.path).stem}.html").read_text(encoding="utf-8")
        assert "Loại văn bản" in page and "Ngày có hiệu lực" in page
        assert ('id="provenance"' in page) is (f.document.second_hand or f.document.note is not None), f.document.id
        if f.document.second_hand:
            assert "văn bản trích dẫn không phải văn bản gốc" in page
    tth = (site_pages["vi"] / "seed002_tth.html").read_text(encoding="utf-8")
    assert "Kế hoạch số 52/KH-UBND ngày 10/02/2022 của UBND tỉnh Thừa Thiên Huế" in tth


def test_the_calendar_page_lists_each_year_with_its_sources(site_pages):
    page = (site_pages["vi"] / "calendar.html").read_text(encoding="utf-8")
    row = page[page.index('id="d2025-01-27"') :]
    row = row[: row.index("</tr>")]
    assert "28 tháng Chạp năm Giáp Thìn" in row and "6150/TB-BLĐTBXH" in row
    assert 'id="d2025-04-26"' in page and "ngày làm bù" in page
    en = (site_pages["en"] / "calendar.html").read_text(encoding="utf-8")
    assert "28th day of the twelfth lunar month" in en
