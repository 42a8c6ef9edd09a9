"""The living documentation (`python cli.py report`), built from the small feature set in
`tests/livedoc_fixture/` (two feature files with the real step vocabulary and rule ids; one scenario fails
on purpose and runs in its own pytest session, so it cannot fail this one), checked by parsing its pages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from engine.livedoc.features import read_features
from engine.livedoc.labels import LABELS
from engine.livedoc.results import FAILED, NOT_RUN, PASSED, join
from engine.livedoc.vocabulary import readable
from engine.register import load_register

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "livedoc_fixture"
FAILING = "cố ý thất bại — văn bản chưa cập nhật khi đã quá hạn nhưng kỳ vọng ghi là đạt"


# ------------------------------------------------------------------------------------------ reading HTML


class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None):
        self.tag, self.attrs, self.parent, self.children, self.texts = tag, attrs, parent, [], []

    def text(self) -> str:
        return " ".join(" ".join(self.texts + [c.text() for c in self.children]).split())

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def find(self, tag: str | None = None, cls: str | None = None, id: str | None = None) -> list[Node]:
        return [
            n
            for n in self.walk()
            if (tag is None or n.tag == tag)
            and (id is None or n.attrs.get("id") == id)
            and (cls is None or cls in (n.attrs.get("class") or "").split())
        ]


class _Tree(HTMLParser):
    VOID = {"meta", "br", "link", "img", "input", "hr"}

    def __init__(self):
        super().__init__()
        self.root = self.current = Node("#document", {}, None)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.texts.append(data)


def parse(path: Path) -> Node:
    tree = _Tree()
    tree.feed(path.read_text(encoding="utf-8"))
    return tree.root


# ------------------------------------------------------------------------------------------ the builds


def _report(out: Path, lang: str, seed: str = "0") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run(
        [sys.executable, "cli.py", "report", "--out", str(out), "--lang", lang, "--features", str(FIXTURE)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, tuple[Path, subprocess.CompletedProcess]]:
    out = {}
    for lang in ("vi", "en"):
        folder = tmp_path_factory.mktemp(f"living-doc-{lang}")
        out[lang] = (folder, _report(folder, lang))
    return out


@pytest.fixture(scope="module")
def vi(built) -> Path:
    return built["vi"][0]


def test_report_writes_the_site_even_with_a_failing_scenario(built):
    for lang, (folder, done) in built.items():
        assert done.returncode == 0, done.stderr
        assert {"vi": "1 kịch bản không đạt", "en": "1 scenario failed"}[lang] in done.stderr
        assert done.stdout.strip() == str(folder / "index.html")
        register_pages = {Path(f.path).stem for f in load_register().files}
        for name in ["index", "vocabulary", *register_pages]:
            assert (folder / f"{name}.html").is_file() and (folder / f"{name}.md").is_file(), name


def test_bad_arguments_exit_2(tmp_path):
    assert (
        subprocess.run([sys.executable, "cli.py", "report", "--lang", "fr"], cwd=ROOT, capture_output=True).returncode
        == 2
    )
    missing = subprocess.run(
        [sys.executable, "cli.py", "report", "--out", str(tmp_path), "--features", str(tmp_path / "none")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2 and "không có thư mục này" in missing.stderr


def test_every_register_clause_is_on_its_page_with_its_status(vi):
    words = LABELS["vi"]
    missing, wrong = [], []
    for f in load_register().files:
        page = parse(vi / f"{Path(f.path).stem}.html")
        for clause in f.clauses:
            anchor = "c-" + re.sub(r"[^A-Za-z0-9]+", "-", clause.id).strip("-")
            sections = page.find("section", id=anchor)
            if not sections:
                missing.append(clause.id)
                continue
            status = next(c[len("status-") :] for c in sections[0].attrs["class"].split() if c.startswith("status-"))
            badge = sections[0].find(cls="badge")[0].text()
            expected = {clause.status, "rule_pending"} if clause.status == "rule" else {clause.status}
            if (
                status not in expected
                or badge != words[f"status.{status}"]
                # the source's Markdown emphasis (*…*) is shown as italics (<em>), not as asterisks
                or not all(
                    part.strip() in sections[0].find("blockquote")[0].text()
                    for part in re.split(r"\*[^*]+\*", " ".join(clause.text.split()))
                )
                or "*" in sections[0].find("blockquote")[0].text()
            ):
                wrong.append((clause.id, status, badge))
    assert not missing and not wrong, (missing, wrong)


def test_the_failing_scenario_is_marked_failed_and_the_others_passed(vi):
    page = parse(vi / "qd19_2014.html")
    scenarios = page.find("div", cls="scenario")
    by_result = {
        r: [s.text() for s in scenarios if f"result-{r}" in s.attrs["class"]] for r in (PASSED, FAILED, NOT_RUN)
    }
    assert len(by_result[FAILED]) == 1 and FAILING in by_result[FAILED][0]
    assert LABELS["vi"]["result.failed"] in by_result[FAILED][0]
    assert "mong đợi 'đạt'" in page.find("div", cls="result-failed")[0].find(cls="failure")[0].text()
    # The outline's two example rows are two results; with the plain scenarios, 4 of the 5 pass.
    assert len(by_result[PASSED]) == 4 and not by_result[NOT_RUN]
    outline = [s for s in scenarios if "chuyển đổi ngày" in s.text()]
    assert len(outline) == 2 and len({s.attrs["id"] for s in outline}) == 2
    failed_list = parse(vi / "index.html").find("h2", id="failed-scenarios")[0]
    assert "(1)" in failed_list.text()


def test_rules_without_scenarios_and_failing_rules_stand_out(vi):
    page = parse(vi / "qd19_2014.html")
    rules = {n.attrs["id"]: n.attrs["class"] for n in page.find("article", cls="rule")}
    assert "coverage-failing" in rules["r-QD19-LEGAL-UPDATE"]
    assert "coverage-passing" in rules["r-QD19-ADOPT"]
    assert "coverage-no_scenarios" in rules["r-QD19-SCOPE"]
    index = parse(vi / "index.html")
    listed = index.find("h2", id="rules-without-scenarios")[0]
    items = listed.parent.children[listed.parent.children.index(listed) + 1].text()
    assert "QD19-SCOPE" in items and "QD19-ADOPT" not in items


def test_a_rule_shows_its_interpretation_parameters_and_validity(vi):
    rule = parse(vi / "qd19_2014.html").find("article", id="r-QD19-LEGAL-UPDATE")[0].text()
    assert "ba tháng kể từ ngày văn bản có hiệu lực" in rule
    assert "thời hạn (tháng)" in rule and "3" in rule and "18/05/2014" in rule
    iso = parse(vi / "qd19_2014.html").find("article", id="r-BKHCN-ISO2015")[0].text()
    # The card shows the value the operator applies ("trước ngày" 30/06/2021), the interpretation its
    # last day on time.
    assert "30/06/2021" in iso and "29/06/2021" in iso
    steps = parse(vi / "qd19_2014.html").find("article", id="r-QD19-LEGAL-UPDATE")[0].find("ol")[0]
    assert steps.find("table"), "the data table of 'mục \"legal_changes\" gồm:' is written out"


def test_pages_are_self_contained(built):
    for lang, (folder, _) in built.items():
        for page in folder.glob("*.html"):
            tree = parse(page)
            assert not tree.find("script"), page
            for node in tree.walk():
                for attr in ("src", "href"):
                    value = node.attrs.get(attr, "")
                    assert not value.startswith(("http://", "https://", "//")), (page.name, node.tag, value)
            style = " ".join(n.text() for n in tree.find("style"))
            assert "url(" not in style and "@import" not in style and "@font-face" not in style


def test_cover_page_has_the_coverage_chart(vi):
    index = parse(vi / "index.html")
    chart = index.find("svg", id="coverage-chart")
    assert chart, "no inline SVG chart"
    assert len(chart[0].find("rect")) >= 8
    assert LABELS["vi"]["clauses_by_status"] in chart[0].text()
    total = sum(len(f.clauses) for f in load_register().files)
    assert str(total) in index.find("table")[-1].text()


def test_english_changes_labels_not_quotes_or_scenarios(built):
    en = built["en"][0]
    index = parse(en / "index.html")
    assert LABELS["en"]["clauses_by_status"] in index.text() and LABELS["vi"]["clauses_by_status"] not in index.text()
    page = parse(en / "qd19_2014.html")
    assert page.find("html")[0].attrs["lang"] == "en"
    section = page.find("section", id="c-QD19-4-4-a")[0]
    assert "chậm nhất là ba tháng" in section.find("blockquote")[0].text()
    assert LABELS["en"]["status.rule"] in section.text()
    assert "Tình huống:" in page.text() and "passed" in page.text()


def test_markdown_has_the_same_content(vi):
    index = (vi / "index.md").read_text(encoding="utf-8")
    assert FAILING in index and "## Tình huống thất bại (1)" in index
    page = (vi / "qd19_2014.md").read_text(encoding="utf-8")
    for clause in next(f for f in load_register().files if f.document.id == "QD19").clauses:
        assert f"`{clause.id}`" in page
    assert "```gherkin" in page and "| Nghị định 107/2021/NĐ-CP | 01/12/2021       |" in page


def test_step_vocabulary_page_comes_from_the_step_definitions(vi):
    from engine.livedoc.vocabulary import definitions

    page = parse(vi / "vocabulary.html")
    rows = [n for n in page.find("table")[0].children if n.tag == "tr"][1:]  # examples hold tables of their own
    assert len(rows) == len(definitions())
    text = page.text()
    assert 'ngày đánh giá là "<ngày>"' in text and 'ngày đánh giá là "31/12/2021"' in text
    assert 'quy tắc "<mã quy tắc>" [ với "<đối tượng>"] có kết quả "<kết quả>"'.replace(" [", "[") in text
    assert "engine.steps" not in text and "common:" not in text  # a reviewer's page, not a developer's


def test_same_inputs_give_the_same_pages(built, tmp_path):
    """Apart from the run date and commit, the pages do not depend on hash seeds or dict order."""
    again = tmp_path / "again"
    assert _report(again, "vi", seed="12345").returncode == 0

    def pages(folder: Path) -> dict[str, str]:
        index = (folder / "index.md").read_text(encoding="utf-8")
        date = re.search(r"^- Ngày chạy: (.+)$", index, re.MULTILINE).group(1)
        commit = re.search(r"^- Phiên bản bộ quy tắc: `(.+?)`", index, re.MULTILINE).group(1)
        return {
            p.name: p.read_text(encoding="utf-8").replace(date, "DATE").replace(commit, "COMMIT")
            for p in sorted(folder.iterdir())
            if p.suffix in (".html", ".md")
        }

    assert pages(built["vi"][0]) == pages(again)


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_cover_page_renders_in_a_browser(vi, tmp_path):
    png = tmp_path / "cover.png"
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={png}",
            "--window-size=1280,2000",
            (vi / "index.html").as_uri(),
        ],
        capture_output=True,
        timeout=120,
    )
    assert png.is_file() and png.stat().st_size > 20_000


# ------------------------------------------------------------------------------------------ the parts


def test_a_scenario_missing_from_the_results_did_not_run():
    scenarios = read_features(FIXTURE)
    outcomes = join(scenarios, FIXTURE, [])
    assert {o.status for o in outcomes.values()} == {NOT_RUN}
    assert len(outcomes) == 5  # 2 plain scenarios, 2 outline rows, 1 plain on QD19-ADOPT


def test_a_run_cut_short_by_an_unknown_sentence_is_a_failure():
    scenarios = [s for s in read_features(FIXTURE) if s.name.startswith("UBND huyện")]
    s = scenarios[0]
    element = {
        "line": s.line,
        "steps": [{"keyword": st.keyword, "name": st.text, "result": {"status": "passed"}} for st in s.steps[:2]],
    }
    outcome = join(scenarios, FIXTURE, [{"uri": f"livedoc_fixture/{s.feature}", "elements": [element]}])[s.key]
    assert outcome.status == FAILED and "no step of the vocabulary matches" in outcome.message


@pytest.mark.parametrize(
    "pattern, sentence",
    [
        (r'ngày đánh giá là "(?P<day>\d{1,2}/\d{1,2}/\d{4})"', 'ngày đánh giá là "<day>"'),
        (
            r'một cơ quan cấp "(?P<level>[^"]*)"(?: tại tỉnh "(?P<province>[^"]+)")?',
            'một cơ quan cấp "<level>"[ tại tỉnh "<province>"]',
        ),
        (r'mục "(?P<section>[a-z_.]+)" (?:trống|rỗng)$', 'mục "<section>" (trống | rỗng)'),
    ],
)
def test_regex_step_patterns_read_as_sentences(pattern, sentence):
    from pytest_bdd import parsers

    assert readable(parsers.re(pattern)) == sentence
    assert readable(parsers.parse("hạn là {day}")) == "hạn là <day>"
