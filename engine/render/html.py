"""The HTML view: one self-contained page (inline CSS and SVG; no script, font or image from anywhere),
readable on screen and printable (black on white, a page break before each section).

One agency: its duties at a glance, every finding needing action, what is met, and the quoted sources.
A portfolio opens with the steering committee's table (one row per agency, one column per duty,
subtotals per district, totals, a bar chart of the shares), then the violations with their deadlines,
the portfolio-level findings, and each cited source quoted once.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TextIO

from engine.messages import label, second_hand_words, source_about, subject_words, vn_date
from engine.render import duties
from engine.render.duties import COLUMNS, MARK, MARK_WORD, Row, Tally
from engine.render.text import summary_line
from engine.result import STATUS_ORDER, AgencyResult, Finding, SourceText, Summary

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; margin: 0;
  color: #1b1f24; background: #fff; line-height: 1.45; font-size: 15px; }
header.page { padding: 1.2rem 2rem .8rem; border-bottom: 3px solid #a4161a; }
header.page h1 { margin: 0 0 .3rem; font-size: 1.5rem; }
header.page p { margin: .15rem 0; color: #444; }
main { padding: 0 2rem 2rem; }
section { margin-top: 1.6rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
h3 { font-size: 1.08rem; margin: 1.2rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
.id { font-family: ui-monospace, "DejaVu Sans Mono", Consolas, monospace; font-size: .82em; color: #57606a; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .88rem; }
th, td { border: 1px solid #d0d7de; padding: .3rem .45rem; vertical-align: top; text-align: left; }
thead th { position: sticky; top: 0; background: #eef2f6; z-index: 1; vertical-align: bottom; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.m { text-align: center; font-weight: 700; width: 6.5rem; }
td.share { text-align: center; white-space: nowrap; font-size: .82rem; }
.ok { color: #1a7f37; background: #e9f6ec; }
.violation { color: #b42318; background: #fdeceb; }
.pending { color: #8a5a00; background: #fff6dc; }
.unknown { color: #6639ba; background: #f2edfb; }
.na { color: #8c959f; }
tr.group th { background: #dfe6ee; font-size: .95rem; }
tr.subtotal td { background: #f6f8fa; font-style: italic; }
tr.total td { background: #eef2f6; font-weight: 700; }
p.legend { font-size: .85rem; color: #444; }
span.mark { display: inline-block; min-width: 1.3em; text-align: center; font-weight: 700; border-radius: 3px; }
ul.findings { list-style: none; padding-left: 0; margin: .2rem 0 .8rem; }
ul.findings > li { border-left: 4px solid #d0d7de; padding: .25rem .6rem; margin: .35rem 0; }
ul.findings > li.violation { border-left-color: #b42318; background: none; color: inherit; }
ul.findings > li.pending { border-left-color: #bf8700; background: none; color: inherit; }
ul.findings > li.unknown { border-left-color: #8250df; background: none; color: inherit; }
ul.findings > li.ok { border-left-color: #1a7f37; background: none; color: inherit; }
.head { font-weight: 600; }
.dates { color: #444; }
ul.trace { margin: .2rem 0; padding-left: 1.2rem; color: #444; font-size: .88rem; }
.cites { font-size: .85rem; color: #444; }
a { color: #0550ae; }
dl.sources dt { font-weight: 700; margin-top: .7rem; }
dl.sources dd { margin: .1rem 0 0 1rem; }
dl.sources dd.about { color: #444; font-size: .88rem; }
dl.sources dd.second-hand { color: #b42318; font-size: .88rem; }
blockquote { margin: .3rem 0 .3rem 0; padding: .2rem .8rem; border-left: 3px solid #d0d7de; color: #333;
  font-style: italic; }
svg.chart { max-width: 44rem; width: 100%; height: auto; }
svg.chart text { font-size: 12px; fill: #1b1f24; }
svg.chart rect.bg { fill: #eef2f6; }
svg.chart rect.bar { fill: #1a7f37; }
@media print {
  /* As a steering committee publishes it: A4 landscape, the table's header on every page, one line
     per agency (ids and the chart are for the screen), totals once at the end. */
  @page { size: A4 landscape; margin: 1.2cm 1cm 1.3cm; }
  body { font-size: 9.5pt; color: #000; background: #fff; line-height: 1.25; }
  table.summary, table.areas { table-layout: fixed; font-size: 8pt; margin: .2rem 0 .4rem; }
  table.summary th, table.summary td, table.areas th, table.areas td { padding: .08rem .25rem; }
  table.summary .id, svg.chart { display: none; }
  table.summary td.m { width: auto; }
  table.summary tfoot, table.areas tfoot { display: table-row-group; }
  tr.group th { padding-top: .15rem; font-size: 8.5pt; }
  td.share { white-space: normal; }
  td.share br { display: none; }
  td.share .pct::before { content: " · "; }
  tr.group { break-after: avoid; page-break-after: avoid; }
  header.page { border-bottom: 1px solid #000; padding: 0 0 .5rem; }
  main { padding: 0; }
  thead th { position: static; }
  thead { display: table-header-group; }
  section { break-before: page; page-break-before: always; }
  section.first { break-before: auto; page-break-before: auto; }
  tr, li, dt, dd { break-inside: avoid; page-break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .ok, .violation, .pending, .unknown, .na, tr.group th, tr.subtotal td, tr.total td, thead th {
    color: #000 !important; background: #fff !important; }
  ul.findings > li { border-left-color: #000 !important; }
  a { color: #000; text-decoration: none; }
  svg.chart rect.bar { fill: #000; }
  svg.chart rect.bg { fill: #fff; stroke: #000; }
  svg.chart text { fill: #000; }
}
"""


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def _page(lang: str, title: str, subtitle: list[str], body: list[str]) -> str:
    head = (
        f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "vi"}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}{_page_numbers(lang)}</style>\n</head>\n<body>\n"
        f'<header class="page">\n<h1>{esc(title)}</h1>\n'
        + "".join(f"<p>{line}</p>\n" for line in subtitle)
        + "</header>\n<main>\n"
    )
    return head + "".join(body) + "</main>\n</body>\n</html>\n"


def _page_numbers(lang: str) -> str:
    """ "Trang 2/5" at the foot of each printed page."""
    word = "Page" if lang == "en" else "Trang"
    return (
        '@media print { @page { @bottom-right { content: "' + word + ' " counter(page) "/" counter(pages); '
        "font-size: 8pt; color: #444; } } }\n"
    )


def _mark_span(mark: str, lang: str) -> str:
    return f'<span class="mark {mark}" title="{esc(label(lang, *MARK_WORD[mark]))}">{MARK[mark]}</span>'


def _mark_of(status: str) -> str:
    return {"compliant": duties.OK, "not_applicable": duties.NA}.get(status, status)


def finding_item(f: Finding, lang: str) -> str:
    mark = _mark_of(f.status)
    dates = []
    if f.due:
        dates.append(f"{label(lang, 'hạn', 'due')} <strong>{vn_date(f.due)}</strong>")
    dates.append(
        f"{label(lang, 'thực hiện', 'done')} {vn_date(f.done)}" if f.done else label(lang, "chưa thực hiện", "not done")
    )
    trace = "".join(f"<li>{esc(step)}</li>" for step in f.trace)
    cites = ", ".join(f'<a href="#src-{_anchor(s)}">{esc(s)}</a>' for s in f.sources)
    return (
        f'<li class="{mark}">{_mark_span(mark, lang)} <span class="head">{esc(f.rule)} · '
        f"{esc(subject_words(f.subject, lang))}</span>"
        f' — <span class="dates">{" · ".join(dates)}</span><br>{esc(f.message)}'
        + (f'<ul class="trace">{trace}</ul>' if trace else "<br>")
        + f'<span class="cites">{label(lang, "Nguồn", "Sources")}: {cites}</span></li>\n'
    )


def _anchor(text: str) -> str:
    return "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in text).lower()


def violations_fragment(result: AgencyResult, lang: str) -> str:
    """One agency's violations in a portfolio report ('' when it has none)."""
    found = [f for f in result.findings if f.status == "violation"]
    if not found:
        return ""
    a = result.agency
    return (
        f'<article id="a-{esc(a.id)}">\n<h4>{esc(a.name)} <span class="id">{esc(a.id)}</span></h4>\n'
        '<ul class="findings">\n' + "".join(finding_item(f, lang) for f in found) + "</ul>\n</article>\n"
    )


def sources_section(sources: dict[str, SourceText], lang: str) -> str:
    if not sources:
        return ""
    items = []
    for cid, s in sorted(sources.items()):
        about = source_about(s, lang)
        warn = second_hand_words(s, lang)
        items.append(
            f'<dt id="src-{_anchor(cid)}">{esc(cid)} — {esc(s.document)}, {esc(s.clause)}</dt>\n'
            + (f'<dd class="about">{esc(about)}</dd>\n' if about else "")
            + (f'<dd class="second-hand"><strong>{esc(warn)}</strong></dd>\n' if warn else "")
            + f"<dd><blockquote>{esc(s.quote)}</blockquote></dd>\n"
        )
    return (
        f'<section id="sources">\n<h2>{label(lang, "Nguồn trích dẫn", "Sources quoted")}</h2>\n'
        f'<dl class="sources">\n{"".join(items)}</dl>\n</section>\n'
    )


def legend(lang: str) -> str:
    return (
        '<p class="legend">'
        + " · ".join(f"{_mark_span(m, lang)} {esc(label(lang, *MARK_WORD[m]))}" for m in MARK)
        + "</p>\n"
    )


# ---------------------------------------------------------------- one agency


def render_agency(result: AgencyResult, lang: str, titles: dict[str, str]) -> str:
    a = result.agency
    year = result.as_of.year
    title = f"{a.name} — {label(lang, 'tình hình áp dụng HTQLCL', 'QMS compliance')}"
    subtitle = [
        f'<span class="id">{esc(a.id)}</span> · {esc(duties.level_word(a.level, lang))} · '
        f"{label(lang, 'đánh giá ngày', 'as of')} <strong>{vn_date(result.as_of)}</strong>",
        f"<strong>{esc(summary_line(result.summary, lang))}</strong>",
    ]
    marks = duties.cells(result)
    body = [
        f'<section id="duties" class="first">\n<h2>{label(lang, "Các nghĩa vụ chính", "Main duties at a glance")}'
        "</h2>\n<table>\n<thead><tr>"
        + "".join(f"<th>{esc(c.title(lang, year))}</th>" for c in COLUMNS)
        + "</tr></thead>\n<tbody><tr>"
        + "".join(_mark_cell(m, lang) for m in marks)
        + "</tr></tbody>\n</table>\n"
        + legend(lang)
        + "</section>\n"
    ]
    groups = [
        ("violations", ("violation",), label(lang, "Không đạt", "Violations")),
        ("open", ("pending", "unknown"), label(lang, "Chưa hoàn thành và thiếu dữ liệu", "Pending and facts missing")),
        ("met", ("compliant",), label(lang, "Đã đạt", "Met")),
    ]
    for key, statuses, heading in groups:
        found = sorted(
            (f for f in result.findings if f.status in statuses),
            key=lambda f: (STATUS_ORDER[f.status], f.rule, f.subject),
        )
        if not found:
            continue
        body.append(
            f'<section id="{key}">\n<h2>{heading} ({len(found)})</h2>\n<ul class="findings">\n'
            + "".join(finding_item(f, lang) for f in found)
            + "</ul>\n</section>\n"
        )
    quiet = sorted({f.rule for f in result.findings if f.status == "not_applicable"})
    if quiet:
        rows = []
        for rule in quiet:
            f = next(f for f in result.findings if f.rule == rule)
            rows.append(f"<tr><td>{esc(rule)}</td><td>{esc(titles.get(rule, ''))}</td><td>{esc(f.message)}</td></tr>\n")
        body.append(
            f'<section id="not-applicable">\n<h2>{label(lang, "Không áp dụng", "Not applicable")} '
            f"({len(quiet)})</h2>\n<table>\n<tbody>\n{''.join(rows)}</tbody>\n</table>\n</section>\n"
        )
    body.append(sources_section(result.sources or {}, lang))
    return _page(lang, title, subtitle, body)


def _mark_cell(mark: str, lang: str) -> str:
    return f'<td class="m {mark}" title="{esc(label(lang, *MARK_WORD[mark]))}">{MARK[mark]}</td>'


# ---------------------------------------------------------------- a portfolio


def _share_cell(tally: Tally, i: int, lang: str) -> str:
    met, of = tally.share(i)
    if not of:
        return '<td class="share">—</td>'
    return f'<td class="share">{met}/{of}<br><span class="pct">{duties.percent(met, of, lang)}</span></td>'


def _tally_row(css: str, text: str, tally: Tally, lang: str, *, first_cells: int) -> str:
    return (
        f'<tr class="{css}"><td colspan="{first_cells}">{text}</td>'
        + "".join(_share_cell(tally, i, lang) for i in range(len(COLUMNS)))
        + f'<td class="n">{tally.violations}</td></tr>\n'
    )


def _colgroup(first: tuple[str, ...], duties_count: int, last: str) -> str:
    """Column widths that leave the agency's name room for one line in print (the duties share the rest)."""
    used = sum(float(w.rstrip("%")) for w in (*first, last))
    each = f"{(100 - used) / duties_count:.2f}%"
    widths = [*first, *([each] * duties_count), last]
    return "<colgroup>" + "".join(f'<col style="width:{w}">' for w in widths) + "</colgroup>\n"


def _chart(total: Tally, lang: str, year: int) -> str:
    """Share of agencies meeting each duty, as horizontal bars (inline SVG, no script)."""
    bar_x, bar_w, row_h = 250, 320, 26
    height = row_h * len(COLUMNS) + 10
    parts = [
        f'<svg class="chart" viewBox="0 0 640 {height}" role="img" '
        f'aria-label="{esc(label(lang, "Tỷ lệ đạt theo nghĩa vụ", "Share met per duty"))}">'
    ]
    for i, c in enumerate(COLUMNS):
        met, of = total.share(i)
        y = 5 + i * row_h
        width = round(bar_w * met / of) if of else 0
        parts.append(
            f'<text x="{bar_x - 8}" y="{y + 16}" text-anchor="end">{esc(c.title(lang, year))}</text>'
            f'<rect class="bg" x="{bar_x}" y="{y + 3}" width="{bar_w}" height="{row_h - 8}"/>'
            f'<rect class="bar" x="{bar_x}" y="{y + 3}" width="{width}" height="{row_h - 8}"/>'
            f'<text x="{bar_x + bar_w + 8}" y="{y + 16}">{duties.percent(met, of, lang)}</text>'
        )
    parts.append("</svg>\n")
    return "".join(parts)


def write_portfolio(
    out: TextIO,
    *,
    as_of,
    lang: str,
    rows: list[Row],
    fragment: Callable[[Row], str],
    portfolio_findings: list[Finding],
    summary: Summary,
    sources: dict[str, SourceText],
    titles: dict[str, str],
) -> None:
    """The whole portfolio page; `fragment(row)` gives back each agency's violations, kept aside while
    the run streamed."""
    year = as_of.year
    groups = duties.grouped(rows, lang)
    total = Tally()
    for r in rows:
        total.add(r)
    title = (
        f"{label(lang, 'Tình hình áp dụng HTQLCL', 'Quality management systems (HTQLCL): compliance')}"
        f" — {vn_date(as_of)}"
    )
    head_lines = [
        label(
            lang,
            f"Đánh giá ngày <strong>{vn_date(as_of)}</strong> · {len(rows)} cơ quan, đơn vị",
            f"As of <strong>{vn_date(as_of)}</strong> · {len(rows)} agencies",
        ),
        f"<strong>{esc(summary_line(summary, lang))}</strong>",
    ]
    page = _page(lang, title, head_lines, ["\x00"])
    before, after = page.split("\x00")
    out.write(before)

    out.write(f'<section id="summary" class="first">\n<h2>{label(lang, "Bảng tổng hợp", "Summary table")}</h2>\n')
    out.write(_chart(total, lang, year))
    out.write(
        '<table class="summary">\n' + _colgroup(("3%", "29%", "9%", "9%"), len(COLUMNS), "6%") + "<thead><tr>"
        f'<th class="n">{"STT" if lang != "en" else "#"}</th>'
        f"<th>{label(lang, 'Cơ quan, đơn vị', 'Agency')}</th><th>{label(lang, 'Cấp', 'Level')}</th>"
        f"<th>{label(lang, 'Huyện', 'District')}</th>"
        + "".join(f"<th>{esc(c.title(lang, year))}</th>" for c in COLUMNS)
        + f'<th class="n">{label(lang, "Số nội dung không đạt", "Violations")}</th></tr></thead>\n'
    )
    number = 0
    tallies: list[tuple[str, Tally]] = []
    width = 4 + len(COLUMNS) + 1
    for name, members in groups:
        tally = Tally()
        out.write(f'<tbody>\n<tr class="group"><th colspan="{width}">{esc(name)}</th></tr>\n')
        for r in members:
            number += 1
            tally.add(r)
            who = esc(r.name)
            if r.violations:
                who = f'<a href="#a-{esc(r.id)}">{who}</a>'
            out.write(
                f'<tr class="agency" data-id="{esc(r.id)}"><td class="n">{number}</td>'
                f'<td>{who} <span class="id">{esc(r.id)}</span></td>'
                f"<td>{esc(duties.level_word(r.level, lang))}</td><td>{esc(r.district or '—')}</td>"
                + "".join(_mark_cell(m, lang) for m in r.marks)
                + f'<td class="n">{r.violations}</td></tr>\n'
            )
        if len(groups) > 1:
            out.write(
                _tally_row(
                    "subtotal",
                    f"{label(lang, 'Cộng', 'Subtotal')}: {tally.rows} {label(lang, 'cơ quan', 'agencies')}",
                    tally,
                    lang,
                    first_cells=4,
                )
            )
        out.write("</tbody>\n")
        tallies.append((name, tally))
    out.write(
        "<tfoot>\n"
        + _tally_row(
            "total",
            f"{label(lang, 'Tổng cộng', 'Total')}: {total.rows} {label(lang, 'cơ quan', 'agencies')}",
            total,
            lang,
            first_cells=4,
        )
        + "</tfoot>\n</table>\n"
    )
    out.write(legend(lang))
    out.write(
        '<p class="legend">'
        + label(
            lang,
            "Tỷ lệ = số đơn vị đạt ✓ / số đơn vị có nghĩa vụ (không tính –); cột “Đã công bố HTQLCL” "
            "tính trên tổng số đơn vị.",
            "Share = agencies met ✓ / agencies bound (– not counted); the “QMS declared” column is over every agency.",
        )
        + "</p>\n"
    )
    if len(groups) > 1:
        out.write(
            f'<h3>{label(lang, "Theo địa bàn", "By area")}</h3>\n<table class="areas">\n<thead><tr>'
            f'<th>{label(lang, "Địa bàn", "Area")}</th><th class="n">{label(lang, "Số cơ quan", "Agencies")}</th>'
            + "".join(f"<th>{esc(c.title(lang, year))}</th>" for c in COLUMNS)
            + f'<th class="n">{label(lang, "Số nội dung không đạt", "Violations")}</th></tr></thead>\n<tbody>\n'
        )
        for name, tally in tallies:
            out.write(
                f'<tr><td>{esc(name)}</td><td class="n">{tally.rows}</td>'
                + "".join(_share_cell(tally, i, lang) for i in range(len(COLUMNS)))
                + f'<td class="n">{tally.violations}</td></tr>\n'
            )
        out.write(
            '</tbody>\n<tfoot><tr class="total">'
            f'<td>{label(lang, "Tổng cộng", "Total")}</td><td class="n">{total.rows}</td>'
            + "".join(_share_cell(total, i, lang) for i in range(len(COLUMNS)))
            + f'<td class="n">{total.violations}</td></tr></tfoot>\n</table>\n'
        )
    out.write("</section>\n")

    out.write(
        f'<section id="violations">\n<h2>{label(lang, "Nội dung không đạt", "Violations")} ({total.violations})</h2>\n'
    )
    if not total.violations:
        out.write(f"<p>{label(lang, 'Không có nội dung không đạt.', 'No violations.')}</p>\n")
    for name, members in groups:
        shown = [r for r in members if r.violations]
        if not shown:
            continue
        out.write(f"<h3>{esc(name)}</h3>\n")
        for r in shown:
            out.write(fragment(r))
    out.write("</section>\n")

    if portfolio_findings:
        out.write(
            f'<section id="portfolio">\n<h2>{label(lang, "Chỉ tiêu của danh mục", "Portfolio-level rules")}'
            '</h2>\n<ul class="findings">\n'
        )
        for f in portfolio_findings:
            out.write(
                finding_item(f, lang).replace(
                    '<span class="head">', f'<span class="head">{esc(titles.get(f.rule, ""))} — ', 1
                )
            )
        out.write("</ul>\n</section>\n")
    out.write(sources_section(sources, lang))
    out.write(after)
