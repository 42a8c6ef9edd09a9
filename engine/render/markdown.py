"""The Markdown view (GitHub / GitLab flavoured: GFM tables, no raw HTML).

One agency: its duties at a glance, then every finding needing action, what is met, and the quoted
sources. A portfolio opens with the steering committee's table (one row per agency, one column per
duty, subtotals per district, totals), then the violations with their deadlines, the portfolio-level
findings, and each cited source quoted once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TextIO

from engine.messages import label, second_hand_words, source_about, subject_words, vn_date
from engine.render import duties
from engine.render.duties import COLUMNS, MARK, MARK_WORD, Row, Tally
from engine.render.text import status_word, summary_line
from engine.result import STATUS_ORDER, AgencyResult, Finding, SourceText, Summary

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&!{}])")
_SPACE = re.compile(r"\s*[\r\n]+\s*")


def esc(text: object) -> str:
    """User text made inert in Markdown: one line, every punctuation mark that could start markup
    (or end a table cell) escaped with a backslash, which GFM turns back into the character."""
    return _SPECIAL.sub(r"\\\1", _SPACE.sub(" ", str(text)))


def _code(text: str) -> str:
    return f"`{text}`" if "`" not in text and "|" not in text else esc(text)


# ---------------------------------------------------------------- findings


def finding_item(f: Finding, lang: str) -> str:
    """A finding as a list item: rule, subject, dates; the message; the trace; the sources."""
    dates = []
    if f.due:
        dates.append(f"{label(lang, 'hạn', 'due')} **{vn_date(f.due)}**")
    dates.append(
        f"{label(lang, 'thực hiện', 'done')} {vn_date(f.done)}" if f.done else label(lang, "chưa thực hiện", "not done")
    )
    lines = [
        f"- {MARK[_mark(f.status)]} **{f.rule}** · {esc(subject_words(f.subject, lang))} — {', '.join(dates)}",
        f"  - {esc(f.message)}",
    ]
    lines.extend(f"  - ↳ {esc(step)}" for step in f.trace)
    lines.append(f"  - {label(lang, 'Nguồn', 'Sources')}: " + ", ".join(f"**{esc(s)}**" for s in f.sources))
    return "\n".join(lines) + "\n"


def _mark(status: str) -> str:
    return {"compliant": duties.OK, "not_applicable": duties.NA}.get(status, status)


def violations_fragment(result: AgencyResult, lang: str) -> str:
    """One agency's violations in a portfolio report ('' when it has none)."""
    found = [f for f in result.findings if f.status == "violation"]
    if not found:
        return ""
    a = result.agency
    head = f"#### {esc(a.name)} · {_code(a.id)}\n\n"
    return head + "".join(finding_item(f, lang) for f in found) + "\n"


def sources_section(sources: dict[str, SourceText], lang: str, heading: str = "##") -> str:
    if not sources:
        return ""
    lines = [f"{heading} {label(lang, 'Nguồn trích dẫn', 'Sources quoted')}", ""]
    for cid, s in sorted(sources.items()):
        lines.append(f"- **{esc(cid)}** — {esc(s.document)}, {esc(s.clause)}")
        about = source_about(s, lang)
        if about:
            lines.append(f"  ({esc(about)})")
        warn = second_hand_words(s, lang)
        if warn:
            lines.append(f"  **{esc(warn)}**")
        lines.append(f"  > {esc(s.quote)}")
        lines.append("")
    return "\n".join(lines) + "\n"


def legend(lang: str) -> str:
    return " · ".join(f"{MARK[m]} {label(lang, *MARK_WORD[m])}" for m in MARK)


# ---------------------------------------------------------------- one agency


def render_agency(result: AgencyResult, lang: str, titles: dict[str, str]) -> str:
    a = result.agency
    out = [
        f"# {esc(a.name)}",
        "",
        f"{_code(a.id)} · {esc(duties.level_word(a.level, lang))} · "
        f"{label(lang, 'đánh giá ngày', 'as of')} **{vn_date(result.as_of)}**",
        "",
        f"**{summary_line(result.summary, lang)}**",
        "",
        f"## {label(lang, 'Các nghĩa vụ chính', 'Main duties at a glance')}",
        "",
    ]
    marks = duties.cells(result)
    year = result.as_of.year
    out.append("| " + " | ".join(c.title(lang, year) for c in COLUMNS) + " |")
    out.append("|" + ":---:|" * len(COLUMNS))
    out.append("| " + " | ".join(MARK[m] for m in marks) + " |")
    out += ["", legend(lang), ""]
    groups = [
        (("violation",), label(lang, "Không đạt", "Violations")),
        (("pending", "unknown"), label(lang, "Chưa hoàn thành và thiếu dữ liệu", "Pending and facts missing")),
        (("compliant",), label(lang, "Đã đạt", "Met")),
    ]
    for statuses, heading in groups:
        found = sorted(
            (f for f in result.findings if f.status in statuses),
            key=lambda f: (STATUS_ORDER[f.status], f.rule, f.subject),
        )
        if not found:
            continue
        out += [f"## {heading} ({len(found)})", ""]
        out += [finding_item(f, lang) for f in found]
    quiet = sorted({f.rule for f in result.findings if f.status == "not_applicable"})
    if quiet:
        out += [f"## {label(lang, 'Không áp dụng', 'Not applicable')} ({len(quiet)})", ""]
        for rule in quiet:
            f = next(f for f in result.findings if f.rule == rule)
            out.append(f"- **{rule}** — {esc(titles.get(rule, ''))}: {esc(f.message)}")
        out.append("")
    out.append(sources_section(result.sources or {}, lang))
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------- a portfolio


def _share(tally: Tally, i: int, lang: str) -> str:
    met, of = tally.share(i)
    return f"{met}/{of} ({duties.percent(met, of, lang)})" if of else "—"


def _row_cells(r: Row, number: int, lang: str) -> list[str]:
    return [
        str(number),
        f"{esc(r.name)} {_code(r.id)}",
        esc(duties.level_word(r.level, lang)),
        esc(r.district or "—"),
        *(MARK[m] for m in r.marks),
        str(r.violations),
    ]


def _tally_cells(text: str, tally: Tally, lang: str) -> list[str]:
    return ["", text, "", "", *(_share(tally, i, lang) for i in range(len(COLUMNS))), f"**{tally.violations}**"]


def _table_line(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


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
    """The whole portfolio report; `fragment(row)` gives back each agency's violations section,
    kept aside while the run streamed."""
    year = as_of.year
    groups = duties.grouped(rows, lang)
    total = Tally()
    for r in rows:
        total.add(r)
    out.write(
        f"# {label(lang, 'Tình hình áp dụng HTQLCL', 'Quality management systems (HTQLCL): compliance')}"
        f" — {label(lang, 'đánh giá ngày', 'as of')} {vn_date(as_of)}\n\n"
    )
    out.write(
        label(lang, f"{len(rows)} cơ quan, đơn vị. ", f"{len(rows)} agencies. ") + summary_line(summary, lang) + "\n\n"
    )
    out.write(f"## {label(lang, 'Bảng tổng hợp', 'Summary table')}\n\n")
    header = [
        "STT" if lang != "en" else "#",
        label(lang, "Cơ quan, đơn vị", "Agency"),
        label(lang, "Cấp", "Level"),
        label(lang, "Huyện", "District"),
        *(c.title(lang, year) for c in COLUMNS),
        label(lang, "Số nội dung không đạt", "Violations"),
    ]
    out.write(_table_line(header) + "\n")
    out.write("|---:|---|---|---|" + ":---:|" * len(COLUMNS) + "---:|\n")
    number = 0
    tallies: list[tuple[str, Tally]] = []
    for name, members in groups:
        tally = Tally()
        out.write(_table_line(["", f"**{esc(name)}**", "", "", *([""] * len(COLUMNS)), ""]) + "\n")
        for r in members:
            number += 1
            tally.add(r)
            out.write(_table_line(_row_cells(r, number, lang)) + "\n")
        if len(groups) > 1:
            out.write(
                _table_line(
                    _tally_cells(
                        f"*{label(lang, 'Cộng', 'Subtotal')}: {tally.rows} {label(lang, 'cơ quan', 'agencies')}*",
                        tally,
                        lang,
                    )
                )
                + "\n"
            )
        tallies.append((name, tally))
    out.write(
        _table_line(
            _tally_cells(
                f"**{label(lang, 'Tổng cộng', 'Total')}: {total.rows} {label(lang, 'cơ quan', 'agencies')}**",
                total,
                lang,
            )
        )
        + "\n\n"
    )
    out.write(legend(lang) + "  \n")
    out.write(
        label(
            lang,
            "Tỷ lệ = số đơn vị đạt ✓ / số đơn vị có nghĩa vụ (không tính –); cột "
            "“Đã công bố HTQLCL” tính trên tổng số đơn vị.",
            "Share = agencies met ✓ / agencies bound (– not counted); the “QMS declared” column is over every agency.",
        )
        + "\n\n"
    )
    if len(groups) > 1:
        out.write(f"### {label(lang, 'Theo địa bàn', 'By area')}\n\n")
        out.write(
            _table_line(
                [
                    label(lang, "Địa bàn", "Area"),
                    label(lang, "Số cơ quan", "Agencies"),
                    *(c.title(lang, year) for c in COLUMNS),
                    label(lang, "Số nội dung không đạt", "Violations"),
                ]
            )
            + "\n"
        )
        out.write("|---|---:|" + ":---:|" * len(COLUMNS) + "---:|\n")
        for name, tally in tallies + [(f"**{label(lang, 'Tổng cộng', 'Total')}**", total)]:
            area = name if name.startswith("**") else esc(name)
            out.write(
                _table_line(
                    [
                        area,
                        str(tally.rows),
                        *(_share(tally, i, lang) for i in range(len(COLUMNS))),
                        str(tally.violations),
                    ]
                )
                + "\n"
            )
        out.write("\n")

    out.write(f"## {label(lang, 'Nội dung không đạt', 'Violations')} ({total.violations})\n\n")
    if not total.violations:
        out.write(label(lang, "Không có nội dung không đạt.", "No violations.") + "\n\n")
    for name, members in groups:
        shown = [r for r in members if r.violations]
        if not shown:
            continue
        out.write(f"### {esc(name)}\n\n")
        for r in shown:
            out.write(fragment(r))

    if portfolio_findings:
        out.write(f"## {label(lang, 'Chỉ tiêu của danh mục', 'Portfolio-level rules')}\n\n")
        for f in portfolio_findings:
            out.write(f"- {status_word(f.status, lang)} · **{f.rule}** — {esc(titles.get(f.rule, ''))}\n")
            out.write(
                f"  - {esc(subject_words(f.subject, lang))}"
                + (f" — {label(lang, 'hạn', 'due')} **{vn_date(f.due)}**" if f.due else "")
                + "\n"
            )
            out.write(f"  - {esc(f.message)}\n")
            for step in f.trace:
                out.write(f"  - ↳ {esc(step)}\n")
            out.write(f"  - {label(lang, 'Nguồn', 'Sources')}: " + ", ".join(f"**{esc(s)}**" for s in f.sources) + "\n")
        out.write("\n")
    out.write(sources_section(sources, lang))
