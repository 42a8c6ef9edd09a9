"""The living documentation as static HTML pages: self-contained (inline CSS and SVG, no script, no font,
no address outside the folder) and printable.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape

from engine.livedoc.features import Step
from engine.livedoc.site import (
    CLAUSE_STATUSES,
    COVERAGES,
    RESULTS,
    ClauseView,
    DocumentView,
    RuleView,
    ScenarioView,
    Site,
    anchor,
)

COLORS = {
    "rule": "#2e7d32",
    "rule_pending": "#c62828",
    "manual": "#ef8f00",
    "informative": "#1565c0",
    "out_of_scope": "#9e9e9e",
    "passing": "#2e7d32",
    "failing": "#c62828",
    "not_run": "#9e9e9e",
    "no_scenarios": "#ef8f00",
    "passed": "#2e7d32",
    "failed": "#c62828",
}

CHART_WIDTH = 740

CSS = """
body{font-family:"Noto Sans","Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;margin:0 auto;max-width:60rem;
padding:1rem 1.5rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem;margin:.2rem 0 .6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ccc}
h3{font-size:1.05rem;margin:.2rem 0}h4{font-size:1rem;margin:.3rem 0}
nav{font-size:.9rem;margin-bottom:1rem}nav a{margin-right:1rem}
a{color:#0d47a1}code,.id{font-family:"DejaVu Sans Mono","Noto Sans Mono",Consolas,monospace;font-size:.85em}
.sentence{background:#f3f3f3;border-radius:.2rem;padding:0 .2rem}
.provenance{border:2px solid #c62828;background:#fdecea;padding:.5rem .8rem;margin:.6rem 0}
.provenance h2{border:0;margin:.1rem 0 .3rem;font-size:1.05rem;color:#b71c1c}
.uses{font-size:.92rem;margin:.3rem 0}
.meta{color:#555;font-size:.9rem}.meta td{padding:0 1rem 0 0}
blockquote{margin:.4rem 0;padding:.3rem .8rem;border-left:3px solid #bbb;background:#f7f7f7;font-style:italic}
.badge{display:inline-block;padding:0 .45rem;border-radius:.6rem;font-size:.78rem;color:#fff;vertical-align:middle;
white-space:nowrap}
.clause{border-left:5px solid #ddd;padding:.3rem .8rem;margin:.9rem 0;break-inside:avoid}
.clause.status-rule_pending{background:#fdecea}
.rule{border:1px solid #c8c8c8;border-radius:.3rem;padding:.5rem .8rem;margin:.6rem 0}
.rule.coverage-no_scenarios{background:#fff4e5}.rule.coverage-failing{background:#fdecea}
.ref{margin:.3rem 0;font-size:.92rem}
dl{margin:.3rem 0}dt{font-weight:600;margin-top:.3rem}dd{margin:0 0 0 1rem}
table{border-collapse:collapse;margin:.4rem 0;font-size:.9rem}th,td{border:1px solid #ccc;padding:.15rem .5rem;
text-align:left;vertical-align:top}th{background:#f0f0f0}td.n{text-align:right}
.scenario{border-left:4px solid #ddd;padding:.2rem .7rem;margin:.6rem 0;break-inside:avoid;background:#fafafa}
.scenario.result-failed{background:#fdecea}
.scenario ol{list-style:none;padding-left:.6rem;margin:.3rem 0}.kw{font-weight:700;color:#6a1b9a}
.failure{color:#b71c1c;font-size:.85rem;white-space:pre-wrap}
.attention li{margin:.2rem 0}
@media print{nav{display:none}body{max-width:none;padding:0}a{color:inherit;text-decoration:none}
h2{break-after:avoid}.rule{break-inside:auto}}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


_EMPHASIS = re.compile(r"\*([^*\n]+)\*")


def quote_html(text: str) -> str:
    """A quote as its source file writes it, with the source's Markdown emphasis (`*…*`) shown as italics
    rather than as asterisks."""
    return _EMPHASIS.sub(r"<em>\1</em>", _e(text))


def vn_day(day: dt.date | None, lang: str = "vi") -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else "—"


def _badge(kind: str, words: dict[str, str], prefix: str) -> str:
    return f'<span class="badge" style="background:{COLORS.get(kind, "#777")}">{_e(words[f"{prefix}.{kind}"])}</span>'


def _page(site: Site, title: str, body: str) -> str:
    w = site.words
    return (
        f'<!DOCTYPE html>\n<html lang="{site.lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{_e(title)}</title>\n'
        f"<style>{CSS}</style>\n</head>\n<body>\n"
        f'<nav><a href="index.html">{_e(w["back"])}</a><a href="vocabulary.html">{_e(w["vocabulary"])}</a>'
        f'<a href="calendar.html">{_e(w["calendar"])}</a></nav>\n'
        f"{body}\n</body>\n</html>\n"
    )


# ----------------------------------------------------------------------------------------- cover page


def _bar(y: int, label: str, parts: list[tuple[str, int, str]], width: int = 560) -> tuple[str, int]:
    """One stacked bar with its label above and its legend below; returns the SVG and the next free y."""
    total = sum(n for _, n, _ in parts) or 1
    out = [f'<text x="0" y="{y - 6}" font-size="13" fill="#1b1b1b">{_e(label)}</text>']
    x = 0.0
    for kind, n, name in parts:
        if not n:
            continue
        w = width * n / total
        out.append(
            f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="22" fill="{COLORS.get(kind, "#777")}">'
            f"<title>{_e(name)}: {n}</title></rect>"
        )
        if w > 24:
            out.append(
                f'<text x="{x + w / 2:.1f}" y="{y + 15}" font-size="12" fill="#fff" text-anchor="middle">{n}</text>'
            )
        x += w
    # The legend wraps: its entries are as long as their words, in either language.
    lx, ly = 0, y + 32
    for kind, n, name in parts:
        text = f"{name} ({n})"
        span = 14 + int(6.2 * len(text)) + 16
        if lx and lx + span > CHART_WIDTH:
            lx, ly = 0, ly + 16
        out.append(
            f'<rect x="{lx}" y="{ly}" width="10" height="10" fill="{COLORS.get(kind, "#777")}"/>'
            f'<text x="{lx + 14}" y="{ly + 9}" font-size="11" fill="#333">{_e(text)}</text>'
        )
        lx += span
    return "\n".join(out), ly + 44


def chart(site: Site) -> str:
    """Clauses by status, rules by their scenarios' results, and scenarios by result, as stacked bars."""
    w = site.words
    bars = [
        (w["clauses_by_status"], [(s, site.clause_count(s), w[f"status.{s}"]) for s in CLAUSE_STATUSES]),
        (w["rules_by_scenarios"], [(c, site.coverage_count(c), w[f"coverage.{c}"]) for c in COVERAGES]),
        (w["scenarios"], [(r, site.result_count(r), w[f"result.{r}"]) for r in RESULTS]),
    ]
    y, parts = 30, []
    for label, counts in bars:
        svg, y = _bar(y, label, counts)
        parts.append(svg)
    height = y - 14
    return (
        f'<svg id="coverage-chart" xmlns="http://www.w3.org/2000/svg" role="img" width="{CHART_WIDTH}" '
        f'height="{height}" viewBox="0 0 {CHART_WIDTH} {height}" aria-label="{_e(w["coverage"])}">\n'
        f"<title>{_e(w['coverage'])}</title>\n" + "\n".join(parts) + "\n</svg>"
    )


def render_index(site: Site) -> str:
    w = site.words
    rows = []
    for d in site.documents:
        cells = "".join(f'<td class="n">{d.count(s)}</td>' for s in CLAUSE_STATUSES)
        rows.append(
            f'<tr><td><a href="{d.page}.html">{_e(d.number)}</a><br><small>{_e(d.title)}</small>{_form_line(site, d)}</td>'
            f'<td class="n">{len(d.clauses)}</td>{cells}</tr>'
        )
    head = "".join(f"<th>{_e(w[f'status.{s}'])}</th>" for s in CLAUSE_STATUSES)
    total = "".join(f'<td class="n">{site.clause_count(s)}</td>' for s in CLAUSE_STATUSES)
    documents = (
        f"<table><tr><th>{_e(w['document'])}</th><th>{_e(w['clauses'])}</th>{head}</tr>\n"
        + "\n".join(rows)
        + f'\n<tr><th>{_e(w["total"])}</th><td class="n">{sum(len(d.clauses) for d in site.documents)}</td>'
        f"{total}</tr></table>"
    )

    def listing(title: str, items: list[str], key: str) -> str:
        inner = "\n".join(f"<li>{i}</li>" for i in items) if items else f"<li>{_e(w['none'])}</li>"
        return f'<h2 id="{key}">{_e(title)} ({len(items)})</h2>\n<ul class="attention">\n{inner}\n</ul>'

    failed = [
        f'{_scenario_link(site, s)} — <span class="failure">{_e(s.outcome.message)}</span>' for s in site.failed()
    ]
    no_scenarios = [_rule_link(r) for r in site.rules.values() if r.coverage == "no_scenarios"]
    pending = [
        f'<a href="{d.page}.html#{c.anchor}">{_e(c.id)}</a> ({_e(", ".join(c.pending))})'
        for d in site.documents
        for c in d.clauses
        if c.status == "rule_pending"
    ]
    untraced = [_rule_link(site.rules[r]) for r in site.untraced_rules]
    untagged = [_scenario_link(site, s) for s in site.untagged()]
    body = (
        f"<h1>{_e(w['site_title'])}</h1>\n<p>{_e(w['site_intro'])}</p>\n{_meta(site)}\n"
        f"<h2>{_e(w['coverage'])}</h2>\n{chart(site)}\n"
        f"<h2>{_e(w['documents'])}</h2>\n{documents}\n"
        + listing(w["failed_scenarios"], failed, "failed-scenarios")
        + "\n"
        + listing(w["rule_no_scenarios"], no_scenarios, "rules-without-scenarios")
        + "\n"
        + listing(w["clause_without_rule"], pending, "clauses-without-rules")
        + "\n"
        + listing(w["untraced_rules"], untraced, "untraced-rules")
        + "\n"
        + listing(w["untagged_scenarios"], untagged, "untagged-scenarios")
        + "\n"
        + f'<p><a href="vocabulary.html">{_e(w["vocabulary"])}</a> · <a href="calendar.html">{_e(w["calendar"])}</a></p>'
    )
    return _page(site, w["site_title"], body)


def _form_line(site: Site, d: DocumentView) -> str:
    """Under a document's title on the cover: what it is, and a warning when its text is second-hand."""
    doc, w = d.document, site.words
    if doc is None or doc.form is None:
        return ""
    parts = [w[f"form.{doc.form}"], doc.issuer, vn_day(doc.signed)]
    warn = f' <strong class="warn">⚠ {_e(w["second_hand"])}</strong>' if d.second_hand else ""
    return f"<br><small>{_e(', '.join(parts))}</small>{warn}"


def _meta(site: Site) -> str:
    w = site.words
    return (
        f'<table class="meta"><tr><td>{_e(w["run_date"])}</td><td>{_e(site.generated)}</td></tr>'
        f"<tr><td>{_e(w['version'])}</td><td>{_version(site)}</td></tr></table>"
    )


def _version(site: Site) -> str:
    dirty = f" ({_e(site.words['uncommitted'])})" if site.commit.endswith("+") else ""
    return f"<code>{_e(site.commit)}</code>{dirty}"


def _rule_href(rule: RuleView) -> str:
    return f"{rule.home[0]}.html#r-{rule.id}" if rule.home else "index.html#untraced-rules"


def _scenario_href(view: ScenarioView) -> str | None:
    return f"{view.home}.html#{view.anchor}" if view.home else None


def _rule_link(rule: RuleView) -> str:
    return f'<a href="{_rule_href(rule)}">{_e(rule.id)}</a> — {_e(rule.title)}'


def _scenario_link(site: Site, view: ScenarioView) -> str:
    s = view.scenario
    href = _scenario_href(view)
    where = f"{_e(s.feature)}:{s.row_line or s.line}"
    # A scenario with no page is named by its file and line, not behind a link that leads nowhere.
    shown = f'<a href="{href}">{where}</a>' if href else f"<code>features/{where}</code>"
    return f"{shown} {_e(s.name)}"


# ----------------------------------------------------------------------------------------- document pages


def render_document(site: Site, doc: DocumentView) -> str:
    w = site.words
    parts = [f"<h1>{_e(doc.number)} — {_e(doc.title)}</h1>", _provenance_table(site, doc)]
    if doc.second_hand or (doc.document and doc.document.note):
        parts.append(_provenance_box(site, doc))
    parts.append(_clause_index(site, doc))
    article = None
    for c in doc.clauses:
        if doc.headings and c.article != article:
            article = c.article
            parts.append(
                f'<h2 id="{_e("a-" + c.article)}">{_e(doc.headings.get(article, w["article"] + " " + article))}</h2>'
            )
        parts.append(_clause(site, doc, c))
    if doc.scenarios:
        parts.append(f'<h2 id="other-scenarios">{_e(w["other_scenarios"])} ({len(doc.scenarios)})</h2>')
        parts.extend(_scenario(site, v) for v in doc.scenarios)
    return _page(site, f"{doc.number} — {w['site_title']}", "\n".join(parts))


def _provenance_table(site: Site, doc: DocumentView) -> str:
    """What the document is: its form, issuer, dates, and where the words quoted come from."""
    w, d = site.words, doc.document
    rows = []
    if d is not None and d.form:
        rows.append((w["form"], _e(w[f"form.{d.form}"])))
    rows.append((w["issuer"], _e(doc.issuer)))
    if d is not None:
        rows.append((w["signed"], _e(vn_day(d.signed))))
        if d.in_force:
            rows.append((w["in_force"], _e(vn_day(d.in_force))))
        if d.text:
            text = w[f"text.{d.text.form}"]
            if d.text.publisher:
                text += f", {d.text.publisher}"
            if d.text.published:
                text += f", {w['published_on']} {vn_day(d.text.published)}"
            rows.append((w["text_source"], _e(text)))
    rows.append((w["source_file"], f"<code>rules/sources/{_e(doc.source_file)}</code>"))
    rows.append((w["run_date"], _e(site.generated)))
    rows.append((w["version"], _version(site)))
    return '<table class="meta">' + "".join(f"<tr><td>{_e(k)}</td><td>{v}</td></tr>" for k, v in rows) + "</table>"


def primary_citation(p, lang: str) -> str:
    """An instrument cited as officials cite it: "Kế hoạch số 52/KH-UBND ngày 10/02/2022 của UBND tỉnh …"."""
    if lang == "en":
        return f"{FORM_EN[p.form]} {p.number} of {vn_day(p.signed)}, {p.issuer}: {p.title} (not in the sources)"
    return f"{FORM_VI[p.form]} số {p.number} ngày {vn_day(p.signed)} của {p.issuer} về {_lower_first(p.title)} (không có trong bộ nguồn)"


FORM_VI = {"legal_normative": "Văn bản", "official_letter": "Công văn", "plan": "Kế hoạch", "notice": "Thông báo"}
FORM_EN = {"legal_normative": "Document", "official_letter": "Official letter", "plan": "Plan", "notice": "Notice"}


def _lower_first(title: str) -> str:
    # "Kế hoạch triển khai …" → "triển khai …" after "Kế hoạch số … về"; other titles start lower-case.
    for head in ("Kế hoạch ", "Công văn ", "Thông báo "):
        if title.startswith(head):
            return title[len(head) :]
    return title[:1].lower() + title[1:]


def _provenance_box(site: Site, doc: DocumentView) -> str:
    """Prominent, above the clauses: the text quoted is second-hand, and what the primary instrument is."""
    w, d = site.words, doc.document
    assert d is not None
    out = [
        f'<aside class="provenance" id="provenance"><h2>⚠ {_e(w["second_hand"] if doc.second_hand else w["provenance_note"])}</h2>'
    ]
    if d.note:
        out.append(f"<p>{_e(d.note.get(site.lang))}</p>")
    if d.primary:
        p = d.primary
        out.append(f"<p><strong>{_e(w['primary'])}:</strong> {_e(primary_citation(p, site.lang))}.</p>")
    out.append("</aside>")
    return "\n".join(out)


def _clause_index(site: Site, doc: DocumentView) -> str:
    """Every clause of the page on one screen: where it is, its status and the rules that check it."""
    w = site.words
    rows = "\n".join(
        f'<tr><td><a href="#{c.anchor}">{_e(c.clause)}</a></td><td><span class="id">{_e(c.id)}</span></td>'
        f"<td>{_badge(c.status, w, 'status')}</td><td>{_e(', '.join(c.rules + c.pending + c.elsewhere))}</td></tr>"
        for c in doc.clauses
    )
    return (
        f'<h2>{_e(w["clauses"])} ({len(doc.clauses)})</h2>\n<table class="toc"><tr><th>{_e(w["clause"])}</th>'
        f"<th>{_e(w['clause_id'])}</th><th>{_e(w['status'])}</th><th>{_e(w['rules'])}</th></tr>\n{rows}</table>"
    )


def _clause(site: Site, doc: DocumentView, c: ClauseView) -> str:
    w = site.words
    out = [
        f'<section class="clause status-{c.status}" id="{c.anchor}" style="border-left-color:{COLORS[c.status]}">',
        f'<h3>{_e(c.clause)} <span class="id">{_e(c.id)}</span> {_badge(c.status, w, "status")}</h3>',
        f"<blockquote>{quote_html(c.text)}</blockquote>",
    ]
    if c.payload:
        out.append(f"<p><strong>{_e(w['payload.' + c.status])}:</strong> {_e(c.payload)}</p>")
    if c.note:
        out.append(f"<p><strong>{_e(w['note'])}:</strong> {_e(c.note)}</p>")
    for rid in c.rules:
        rule = site.rules[rid]
        if rule.home == (doc.page, c.id):
            out.append(_rule(site, rule))
        else:
            out.append(
                f'<p class="ref">→ <a href="{_rule_href(rule)}">{_e(rid)}</a> {_e(rule.title)} '
                f"{_badge(rule.coverage, w, 'coverage')} <small>({_e(w['see_rule'])} "
                f"{_e(rule.home[1] if rule.home else w['untraced_rules'])})</small></p>"
            )
    for rid in c.pending:
        out.append(
            f'<p class="ref">→ <span class="id">{_e(rid)}</span> {_badge("rule_pending", w, "status")} '
            f"<small>{_e(w['pending_rule'])}</small></p>"
        )
    for rid in c.elsewhere:
        out.append(f'<p class="ref">→ <span class="id">{_e(rid)}</span> <small>{_e(w["builtin_rule"])}</small></p>')
    if c.applied_by:
        links = ", ".join(f'<a href="{_rule_href(site.rules[r])}">{_e(r)}</a>' for r in c.applied_by)
        out.append(f'<p class="uses"><strong>{_e(w["applied_by"])}:</strong> {links}</p>')
    if c.exercised_in:
        links = ", ".join(
            f'<a href="{_scenario_href(v)}">{_e(v.scenario.name)}</a>' for v in c.exercised_in if _scenario_href(v)
        )
        out.append(f'<p class="uses"><strong>{_e(w["exercised_in"])} ({len(c.exercised_in)}):</strong> {links}</p>')
    if c.scenarios:
        out.append(f"<h4>{_e(w['restating_scenarios'])} ({len(c.scenarios)})</h4>")
        out.extend(_scenario(site, v) for v in c.scenarios)
    out.append("</section>")
    return "\n".join(out)


def _sources(site: Site, rule: RuleView) -> str:
    links = []
    for cid in rule.sources:
        page = site.page_of(cid)
        links.append(f'<a href="{page}.html#{anchor("c", cid)}">{_e(cid)}</a>' if page else _e(cid))
    return ", ".join(links)


def _rule(site: Site, rule: RuleView) -> str:
    w = site.words
    counts = " · ".join(f"{_e(w['result.' + r])}: {rule.count(r)}" for r in RESULTS)
    validity = (
        f"{w['from']} {vn_day(rule.valid_from)} {w['to']} {vn_day(rule.valid_to) if rule.valid_to else w['open_ended']}"
    )
    rows = [("duty", _e(rule.duty)), ("interpretation", _e(rule.interpretation))]
    if rule.not_formalised:
        rows.append(("not_formalised", _e(rule.not_formalised)))
    if rule.binds:
        rows.append(("binds", "; ".join(f"{_e(k)}: {_e(v)}" for k, v in rule.binds)))
    rows.append(("validity", _e(validity)))
    if rule.parameters:
        rows.append(
            (
                "parameters",
                "<table>"
                + "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rule.parameters)
                + "</table>",
            )
        )
    rows.append(("sources", _sources(site, rule)))
    rows.append(("rules_file", f"<code>rules/{_e(rule.rules_file)}</code>"))
    facts = "\n".join(f"<dt>{_e(w[k])}</dt><dd>{v}</dd>" for k, v in rows)
    scenarios = "\n".join(_scenario(site, s) for s in rule.scenarios) or f"<p>{_e(w['coverage.no_scenarios'])}</p>"
    return (
        f'<article class="rule coverage-{rule.coverage}" id="r-{_e(rule.id)}">\n'
        f'<h4><span class="id">{_e(rule.id)}</span> {_e(rule.title)} {_badge(rule.coverage, w, "coverage")}</h4>\n'
        f"<dl>\n{facts}\n</dl>\n<h4>{_e(w['scenarios'])} <small>({counts})</small></h4>\n{scenarios}\n</article>"
    )


def _table(rows: tuple[tuple[str, ...], ...]) -> str:
    if not rows:
        return ""
    head = "".join(f"<th>{_e(c)}</th>" for c in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in r) + "</tr>" for r in rows[1:])
    return f"<table><tr>{head}</tr>{body}</table>"


def step_html(step: Step) -> str:
    doc = f"<pre>{_e(step.docstring)}</pre>" if step.docstring is not None else ""
    return f'<span class="kw">{_e(step.keyword.strip())}</span> {_e(step.text)}{_table(step.table)}{doc}'


def _scenario(site: Site, view: ScenarioView) -> str:
    w = site.words
    s, result = view.scenario, view.outcome.status
    steps = "\n".join(f"<li>{step_html(step)}</li>" for step in s.steps)
    failure = (
        f'<p class="failure">{_e(w["failure"])}: {_e(view.outcome.message)}</p>'
        if result == "failed" and view.outcome.message
        else ""
    )
    where = f"{s.feature}:{s.line}" + (f" ({s.row_line})" if s.row_line else "")
    return (
        f'<div class="scenario result-{result}" id="{view.anchor}" style="border-left-color:{COLORS[result]}">\n'
        f"<p><strong>{_e(s.keyword)}:</strong> {_e(s.name)} {_badge(result, w, 'result')} "
        f"<small><code>features/{_e(where)}</code></small></p>\n<ol>\n{steps}\n</ol>\n{failure}</div>"
    )


# ----------------------------------------------------------------------------------------- vocabulary


def render_vocabulary(site: Site) -> str:
    w = site.words
    rows = []
    for s in site.vocabulary.sentences:
        example = (
            f"{step_html(s.example)}<br><small><code>features/{_e(s.example_at)}</code></small>"
            if s.example
            else f"<em>{_e(w['unused'])}</em>"
        )
        doc = s.doc_en if site.lang == "en" else s.doc
        shown = f"<br><small>{_e(doc)}</small>" if doc else ""
        rows.append(
            f'<tr><td><span class="sentence">{_e(s.readable)}</span>{shown}</td><td>{example}</td>'
            f'<td class="n">{s.uses}</td></tr>'
        )
    table = (
        f"<table><tr><th>{_e(w['sentence'])}</th><th>{_e(w['example'])}</th><th>{_e(w['uses'])}</th></tr>\n"
        + "\n".join(rows)
        + "</table>"
    )
    unmatched = "\n".join(
        f"<li><code>features/{_e(at)}</code> {step_html(step)}</li>" for at, step in site.vocabulary.unmatched
    )
    columns = ""
    if site.vocabulary.columns:
        # The facts file's own keys are for the English page (and programmers); a Vietnamese reviewer
        # writes the Vietnamese names only.
        keys = site.lang == "en"
        items = "".join(
            f"<tr><td>{_e(section)}</td><td>{_e(vi)}</td>"
            + (f"<td><code>{_e(en)}</code></td>" if keys else "")
            + "</tr>"
            for section, vi, en in site.vocabulary.columns
        )
        columns = (
            f'<h2 id="columns">{_e(w["column_names"])}</h2>\n<table><tr><th>{_e(w["section"])}</th>'
            f"<th>{_e(w['column_vi'])}</th>"
            + (f"<th>{_e(w['column_en'])}</th>" if keys else "")
            + f"</tr>{items}</table>"
        )
    body = (
        f"<h1>{_e(w['vocabulary'])}</h1>\n<p>{_e(w['vocabulary_intro'])}</p>\n{table}\n{columns}"
        f"<h2>{_e(w['unmatched'])} ({len(site.vocabulary.unmatched)})</h2>\n"
        f"<ul>{unmatched or '<li>' + _e(w['none']) + '</li>'}</ul>"
    )
    return _page(site, w["vocabulary"], body)


# ----------------------------------------------------------------------------------------- calendar


def render_calendar(site: Site) -> str:
    """Per year, the days the engine does not count as ordinary working days, and where each comes from."""
    w = site.words
    weekdays = WEEKDAYS_EN if site.lang == "en" else WEEKDAYS_VI
    parts = [f"<h1>{_e(w['calendar'])}</h1>", f"<p>{_e(w['calendar_intro'])}</p>"]
    parts.append("<p>" + " · ".join(f'<a href="#y{y}">{y}</a>' for y, _ in site.calendar) + "</p>")
    for year, days in site.calendar:
        rows = "".join(
            f'<tr id="d{d.isoformat()}"><td>{vn_day(d)}</td><td>{_e(weekdays[d.weekday()])}</td>'
            f"<td>{_e(w['kind.' + info.kind])}</td>"
            f"<td>{_e(info.name_en if site.lang == 'en' else info.name_vi)}</td><td>{_e(info.source)}</td></tr>"
            for d, info in days
        )
        parts.append(
            f'<h2 id="y{year}">{_e(w["year"])} {year}</h2>\n<table><tr><th>{_e(w["day"])}</th><th>{_e(w["weekday"])}'
            f"</th><th>{_e(w['day_kind'])}</th><th>{_e(w['day_name'])}</th><th>{_e(w['day_source'])}</th></tr>"
            f"{rows}</table>"
        )
    return _page(site, w["calendar"], "\n".join(parts))


WEEKDAYS_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
