"""The views a steering committee and a CI read: Markdown, HTML and JUnit, for one agency and for a
portfolio (the sample province), always through a real `python cli.py evaluate` process.

Each view is checked against the JSON of the same run: one table row per agency, one testcase per
obligation, one failure per violation, counts and percentages that add up, user text escaped, and an
HTML page that needs nothing from the network (rendered headless by chromium where it is installed).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROVINCE = ROOT / "fixtures" / "provinces" / "thua-thien-hue-2022-10"
AGENCY = ROOT / "fixtures" / "agencies" / "ubnd-huyen-quang-dien.yaml"
AS_OF = "2022-10-28"
FORMATS = ("markdown", "html", "junit")

HOSTILE_NAME = 'UBND xã <b>Thử</b> & "Nghiệm" | ống *dẫn* `x` ]]> <script>alert(1)</script>'
HOSTILE = f"""\
agency:
  id: ubnd-xa-thu-nghiem
  name: '{HOSTILE_NAME.replace("'", "''")}'
  level: commune
  province: Thừa Thiên Huế
  district: Quảng Điền
qms:
  standard: TCVN ISO 9001:2015
  declarations:
    - date: 2019-03-04
      standard: TCVN ISO 9001:2015
legal_changes:
  - document: "Nghị định <1>/2021 | & ]]> \\"quoted\\""
    effective: 2021-12-01
internal_audits: []
management_reviews: []
"""


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "cli.py", "evaluate", *args, "--as-of", AS_OF],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory) -> Path:
    """The sample province plus one agency whose name and subjects try to break every format."""
    folder = tmp_path_factory.mktemp("portfolio") / "tth"
    shutil.copytree(PROVINCE, folder)
    (folder / "huyen-quang-dien" / "ubnd-xa-thu-nghiem.yaml").write_text(HOSTILE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def runs(portfolio) -> dict[str, subprocess.CompletedProcess]:
    out = {fmt: cli(str(portfolio), "--format", fmt) for fmt in ("json", *FORMATS)}
    for fmt, p in out.items():
        assert p.returncode == 1, (fmt, p.stderr[-2000:])  # the sample province has violations
    return out


@pytest.fixture(scope="module")
def data(runs) -> dict:
    return json.loads(runs["json"].stdout)


def agencies_by_id(data: dict) -> dict[str, dict]:
    return {a["agency"]["id"]: a for a in data["agencies"]}


# ---------------------------------------------------------------- Markdown


def cells(line: str) -> list[str]:
    """A GFM table row's cells: split at pipes not escaped with a backslash."""
    assert line.startswith("|") and line.endswith("|"), line
    return [c.strip() for c in re.split(r"(?<!\\)\|", line[1:-1])]


def summary_table(md: str) -> tuple[list[str], list[list[str]]]:
    lines = md.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| STT |"))
    header = cells(lines[start])
    assert re.fullmatch(r"\|(\s*:?-{3,}:?\s*\|)+", lines[start + 1]), lines[start + 1]
    assert len(cells(lines[start + 1])) == len(header)
    body = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        body.append(cells(line))
    return header, body


def test_markdown_portfolio_opens_with_one_row_per_agency(runs, data):
    md = runs["markdown"].stdout
    assert md.startswith("# ")
    header, body = summary_table(md)
    assert all(len(row) == len(header) for row in body), "every row has the header's cells (pipes escaped)"
    rows = [row for row in body if row[0].isdigit()]
    assert [int(r[0]) for r in rows] == list(range(1, len(data["agencies"]) + 1))
    ids = [re.search(r"`([a-z0-9-]+)`", r[1]).group(1) for r in rows]
    assert sorted(ids) == sorted(agencies_by_id(data))
    violations = {a["agency"]["id"]: a["summary"]["violation"] for a in data["agencies"]}
    assert {i: int(r[-1]) for i, r in zip(ids, rows)} == violations
    assert md.index("## Bảng tổng hợp") < md.index("## Nội dung không đạt") < md.index("## Nguồn trích dẫn")


def test_markdown_totals_and_percentages_add_up(runs, data):
    header, body = summary_table(runs["markdown"].stdout)
    rows = [row for row in body if row[0].isdigit()]
    total = next(row for row in body if "Tổng cộng" in row[1])
    subtotals = [row for row in body if row[1].startswith("*Cộng")]
    assert len(subtotals) == 10  # province level + nine districts
    assert sum(int(re.search(r"(\d+) cơ quan", r[1]).group(1)) for r in subtotals) == len(rows)
    duty_columns = range(4, len(header) - 1)
    for c in duty_columns:
        marks = [r[c] for r in rows]
        met = marks.count("✓")
        bound = len(marks) if c == 4 else len(marks) - marks.count("–")  # "declared" is asked of everyone
        if not bound:
            assert total[c] == "—"
            continue
        m = re.fullmatch(r"(\d+)/(\d+) \((\d+),(\d)%\)", total[c])
        assert m, total[c]
        assert (int(m[1]), int(m[2])) == (met, bound), header[c]
        assert f"{m[3]}.{m[4]}" == f"{100 * met / bound:.1f}"
    assert (
        total[-1]
        == f"**{data['summary']['violation'] - sum(f['status'] == 'violation' for f in data['portfolio_findings'])}**"
    )


def test_markdown_escapes_user_text(runs):
    header, body = summary_table(runs["markdown"].stdout)
    row = next(r for r in body if "ubnd-xa-thu-nghiem" in r[1])
    assert len(row) == len(header)
    assert "\\|" in row[1] and "\\<script\\>" in row[1] and "<script>" not in runs["markdown"].stdout


def test_markdown_violations_quote_each_source_once(runs, data):
    md = runs["markdown"].stdout
    sources = md[md.index("## Nguồn trích dẫn") :]
    quoted = re.findall(r"^- \*\*(\S+)\*\* — ", sources, re.M)
    assert len(quoted) == len(set(quoted)) > 0
    cited = {
        s.replace("\\", "")
        for s in re.findall(r"Nguồn: (.*)$", md[: md.index("## Nguồn trích dẫn")], re.M)
        for s in re.findall(r"\*\*([^*]+)\*\*", s)
    }
    assert cited <= {q.replace("\\", "") for q in quoted}
    assert md.count("- ✗ **") == sum(a["summary"]["violation"] for a in data["agencies"])


# ---------------------------------------------------------------- HTML


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.stack: list[str] = []
        self.title = ""
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br", "link", "rect", "img", "input", "col"):
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):  # <rect … />: opens and closes at once
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "title":
            self.title += data
        self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    assert page.stack == [], f"unclosed: {page.stack}"
    return page


def assert_self_contained(page: Page) -> None:
    for tag, attrs in page.tags:
        assert tag not in ("script", "iframe", "object", "embed", "img"), tag
        assert not (tag == "link" and "href" in attrs), attrs
        for name in ("src", "href", "srcset", "data", "action"):
            value = attrs.get(name) or ""
            assert not re.match(r"\s*(https?:)?//", value, re.I), (tag, attrs)
    assert "@import" not in "".join(page.text) and "url(" not in "".join(page.text)


def test_html_portfolio_is_one_self_contained_page(runs, data):
    html = runs["html"].stdout
    assert html.startswith("<!DOCTYPE html>")
    page = parse(html)
    assert_self_contained(page)
    tags = [t for t, _ in page.tags]
    assert page.tags[tags.index("html")][1]["lang"] == "vi"
    assert ("meta", {"charset": "utf-8"}) in page.tags
    assert "Tình hình áp dụng HTQLCL" in page.title
    assert tags.count("style") == 1 and "@media print" in html and "break-before: page" in html
    assert tags.index("table") < tags.index("article")  # the summary table comes first
    rows = [a for t, a in page.tags if t == "tr" and a.get("class") == "agency"]
    assert sorted(r["data-id"] for r in rows) == sorted(agencies_by_id(data))
    assert sum(1 for t, a in page.tags if t == "article") == sum(
        1 for a in data["agencies"] if a["summary"]["violation"]
    )
    anchors = {a["id"] for t, a in page.tags if "id" in a}
    links = [a["href"][1:] for t, a in page.tags if t == "a" and a.get("href", "").startswith("#")]
    assert links and set(links) <= anchors, "every internal link has its target"


def test_html_escapes_user_text(runs):
    html = runs["html"].stdout
    assert "<script>" not in html and "<b>Thử</b>" not in html
    assert "&lt;b&gt;Thử&lt;/b&gt; &amp; &quot;Nghiệm&quot;" in html
    assert HOSTILE_NAME in "".join(parse(html).text)


def test_html_in_english(portfolio):
    p = cli(str(portfolio), "--format", "html", "--lang", "en")
    page = parse(p.stdout)
    assert page.tags[[t for t, _ in page.tags].index("html")][1]["lang"] == "en"
    assert "Summary table" in p.stdout and "Bảng tổng hợp" not in p.stdout


# ---------------------------------------------------------------- JUnit


def test_junit_portfolio_counts_match_the_json(runs, data):
    root = ET.fromstring(runs["junit"].stdout)
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    by_id = agencies_by_id(data)
    assert set(suites) == set(by_id) | {"portfolio"}
    for aid, agency in by_id.items():
        suite, s = suites[aid], agency["summary"]
        cases = suite.findall("testcase")
        assert len(cases) == len(agency["findings"]) == int(suite.get("tests"))
        assert len(suite.findall("testcase/failure")) == s["violation"] == int(suite.get("failures"))
        skipped = suite.findall("testcase/skipped")
        assert len(skipped) == s["pending"] + s["not_applicable"] + s["unknown"] == int(suite.get("skipped"))
        assert [c.get("classname") for c in cases] == [f["rule"] for f in agency["findings"]]
        assert [c.get("name") for c in cases] == [f"{aid}: {f['subject']}" for f in agency["findings"]]
        for case, f in zip(cases, agency["findings"]):
            if f["status"] == "violation":
                failure = case.find("failure")
                assert failure.get("message") == f["message"]
                assert all(step in failure.text for step in f["trace"])
                assert all(src in failure.text for src in f["sources"])
            elif f["status"] != "compliant":
                assert case.find("skipped").get("type") == f["status"]
                assert case.find("skipped").get("message") == f["message"]
    total = data["summary"]
    assert int(root.get("tests")) == len(root.findall(".//testcase")) == sum(total.values())
    assert int(root.get("failures")) == len(root.findall(".//failure")) == total["violation"]


def test_junit_escapes_user_text(runs):
    root = ET.fromstring(runs["junit"].stdout)
    suite = next(s for s in root.findall("testsuite") if s.get("name") == "ubnd-xa-thu-nghiem")
    assert suite.find("properties/property[@name='agency']").get("value") == HOSTILE_NAME
    names = [c.get("name") for c in suite.findall("testcase")]
    assert 'ubnd-xa-thu-nghiem: Nghị định <1>/2021 | & ]]> "quoted"' in names


# ---------------------------------------------------------------- one agency


@pytest.fixture(scope="module")
def one() -> dict[str, subprocess.CompletedProcess]:
    return {fmt: cli(str(AGENCY), "--format", fmt) for fmt in ("json", *FORMATS)}


def test_one_agency_in_each_format(one):
    data = json.loads(one["json"].stdout)
    n, s = len(data["findings"]), data["summary"]
    for fmt, p in one.items():
        assert p.returncode == (1 if s["violation"] else 0) and p.stderr == "", (fmt, p.stderr)
    suite = ET.fromstring(one["junit"].stdout)
    assert suite.tag == "testsuite" and suite.get("name") == data["agency"]["id"]
    assert len(suite.findall("testcase")) == n and len(suite.findall("testcase/failure")) == s["violation"]
    page = parse(one["html"].stdout)
    assert_self_contained(page)
    assert data["agency"]["name"] in page.title
    md = one["markdown"].stdout
    assert md.startswith(f"# {data['agency']['name']}")
    glance = [line for line in md.splitlines() if line.startswith("|")]
    assert len(glance) == 3 and len({len(cells(line)) for line in glance}) == 1
    for quoted in data["sources"]:
        assert f"**{quoted}**" in md and quoted in one["html"].stdout


# ---------------------------------------------------------------- rendering

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


@pytest.mark.skipif(not any(shutil.which(b) for b in BROWSERS), reason="no chromium to render the HTML with")
def test_html_renders_headless(runs, tmp_path):
    browser = next(shutil.which(b) for b in BROWSERS if shutil.which(b))
    page, png = tmp_path / "report.html", tmp_path / "report.png"
    page.write_text(runs["html"].stdout, encoding="utf-8")
    subprocess.run(
        [
            browser,
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
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
    )
    assert png.exists() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000


@pytest.mark.skipif(not any(shutil.which(b) for b in BROWSERS), reason="no chromium to print the HTML with")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext (poppler-utils) to read the PDF")
def test_province_report_prints_on_a4_landscape_with_the_summary_first(runs, tmp_path):
    """Printed as a committee publishes it: A4 landscape, the table's header repeated on each page, and the
    60 agencies' summary (with the table by area) on the first four pages, not on eighteen."""
    browser = next(shutil.which(b) for b in BROWSERS if shutil.which(b))
    page, pdf = tmp_path / "report.html", tmp_path / "report.pdf"
    page.write_text(runs["html"].stdout, encoding="utf-8")
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=180,
    )
    assert re.search(rb"/MediaBox \[0 0 841\.9\d* 59[45]\.\d+\]", pdf.read_bytes()), "not A4 landscape"
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    summary_ends = next(i for i, text in enumerate(pages) if "Theo địa bàn" in text)
    assert summary_ends <= 3, f"the summary table runs to page {summary_ends + 1}"
    headed = [i for i, text in enumerate(pages[:summary_ends]) if "Cơ quan, đơn vị" in text]
    assert headed == list(range(summary_ends)), "the table's header is not repeated on each page"
    assert "Trang 1/" in pages[0]
