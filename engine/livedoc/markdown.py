"""The living documentation as Markdown (`index.md`, one file per source document, `vocabulary.md`): the
same content as the HTML pages, for reading in a repository browser or diffing between runs.
"""

from __future__ import annotations

import re

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
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_EMPHASIS = re.compile(r"\\\*([^*]+?)\\\*")


def _md(text: object) -> str:
    """Text shown as written: Markdown's own marks are escaped (a quote may hold `*` or `_`)."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _quote(text: object) -> str:
    """A quote as its source file writes it: escaped, except the source's own `*emphasis*`."""
    return _EMPHASIS.sub(r"*\1*", _md(text))


def _day(day) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else "—"


def _bar(n: int, total: int, width: int = 30) -> str:
    return "█" * round(width * n / total) if total else ""


def _counts(title: str, parts: list[tuple[str, int]]) -> list[str]:
    total = sum(n for _, n in parts)
    lines = [f"| {_md(title)} | | |", "|---|--:|---|"]
    lines += [f"| {_md(name)} | {n} | {_bar(n, total)} |" for name, n in parts]
    return lines + [""]


def render_index(site: Site) -> str:
    w = site.words
    out = [
        f"# {_md(w['site_title'])}",
        "",
        _md(w["site_intro"]),
        "",
        f"- {_md(w['run_date'])}: {_md(site.generated)}",
        f"- {_md(w['version'])}: {_version(site)}",
        "",
        f"## {_md(w['coverage'])}",
        "",
    ]
    out += _counts(w["clauses_by_status"], [(w[f"status.{s}"], site.clause_count(s)) for s in CLAUSE_STATUSES])
    out += _counts(w["rules_by_scenarios"], [(w[f"coverage.{c}"], site.coverage_count(c)) for c in COVERAGES])
    out += _counts(w["scenarios"], [(w[f"result.{r}"], site.result_count(r)) for r in RESULTS])
    out += [
        f"## {_md(w['documents'])}",
        "",
        f"| {_md(w['document'])} | {_md(w['clauses'])} | "
        + " | ".join(_md(w[f"status.{s}"]) for s in CLAUSE_STATUSES)
        + " |",
        "|---|--:|" + "--:|" * len(CLAUSE_STATUSES),
    ]
    for d in site.documents:
        form = ""
        if d.document is not None and d.document.form:
            form = (
                f" ({_md(w['form.' + d.document.form])}"
                + (f"; ⚠ {_md(w['second_hand'])}" if d.second_hand else "")
                + ")"
            )
        out.append(
            f"| [{_md(d.number)}]({d.page}.md){form} | {len(d.clauses)} | "
            + " | ".join(str(d.count(s)) for s in CLAUSE_STATUSES)
            + " |"
        )
    out.append("")

    def listing(title: str, items: list[str]) -> None:
        out.extend([f"## {_md(title)} ({len(items)})", ""])
        out.extend(f"- {i}" for i in items) if items else out.append(f"- {_md(w['none'])}")
        out.append("")

    listing(w["failed_scenarios"], [f"{_scenario_ref(s)} — {_md(s.outcome.message)}" for s in site.failed()])
    listing(w["rule_no_scenarios"], [_rule_ref(r) for r in site.rules.values() if r.coverage == "no_scenarios"])
    listing(
        w["clause_without_rule"],
        [
            f"[{_md(c.id)}]({d.page}.md#{c.anchor}) ({_md(', '.join(c.pending))})"
            for d in site.documents
            for c in d.clauses
            if c.status == "rule_pending"
        ],
    )
    listing(w["untraced_rules"], [_rule_ref(site.rules[r]) for r in site.untraced_rules])
    listing(w["untagged_scenarios"], [_scenario_ref(s) for s in site.untagged()])
    out.append(f"[{_md(w['vocabulary'])}](vocabulary.md) · [{_md(w['calendar'])}](calendar.md)")
    return "\n".join(out) + "\n"


def _version(site: Site) -> str:
    return f"`{site.commit}`" + (f" ({_md(site.words['uncommitted'])})" if site.commit.endswith("+") else "")


def _rule_ref(rule: RuleView) -> str:
    href = f"{rule.home[0]}.md#r-{rule.id}" if rule.home else "index.md"
    return f"[{rule.id}]({href}) — {_md(rule.title)}"


def _scenario_ref(view: ScenarioView) -> str:
    s = view.scenario
    where = f"`features/{s.feature}:{s.row_line or s.line}`"
    if view.home:
        where = f"[{where}]({view.home}.md#{view.anchor})"
    return f"{where} {_md(s.name)}"


def render_document(site: Site, doc: DocumentView) -> str:
    w, d = site.words, doc.document
    out = [f"# {_md(doc.number)} — {_md(doc.title)}", ""]
    if d is not None and d.form:
        out.append(f"- {_md(w['form'])}: {_md(w['form.' + d.form])}")
    out.append(f"- {_md(w['issuer'])}: {_md(doc.issuer)}")
    if d is not None:
        out.append(f"- {_md(w['signed'])}: {_day(d.signed)}")
        if d.in_force:
            out.append(f"- {_md(w['in_force'])}: {_day(d.in_force)}")
        if d.text:
            text = w[f"text.{d.text.form}"] + (f", {d.text.publisher}" if d.text.publisher else "")
            if d.text.published:
                text += f", {w['published_on']} {_day(d.text.published)}"
            out.append(f"- {_md(w['text_source'])}: {_md(text)}")
    out += [
        f"- {_md(w['source_file'])}: `rules/sources/{doc.source_file}`",
        f"- {_md(w['run_date'])}: {_md(site.generated)}",
        f"- {_md(w['version'])}: {_version(site)}",
        "",
    ]
    if d is not None and (doc.second_hand or d.note):
        out += [f"> **⚠ {_md(w['second_hand'] if doc.second_hand else w['provenance_note'])}**", ">"]
        if d.note:
            out += [f"> {_md(d.note.get(site.lang))}", ">"]
        if d.primary:
            p = d.primary
            from engine.livedoc.html import primary_citation

            out.append(f"> **{_md(w['primary'])}:** {_md(primary_citation(p, site.lang))}.")
        out.append("")
    out += [
        f"## {_md(w['clauses'])} ({len(doc.clauses)})",
        "",
        f"| {_md(w['clause'])} | {_md(w['clause_id'])} | {_md(w['status'])} | {_md(w['rules'])} |",
        "|---|---|---|---|",
    ]
    out += [
        f"| [{_md(c.clause)}](#{c.anchor}) | `{c.id}` | {_md(w['status.' + c.status])} | {_md(', '.join(c.rules + c.pending + c.elsewhere))} |"
        for c in doc.clauses
    ]
    out.append("")
    article = None
    for c in doc.clauses:
        if doc.headings and c.article != article:
            article = c.article
            out += [f"## {_md(doc.headings.get(article, w['article'] + ' ' + article))}", ""]
        out += _clause(site, doc, c)
    if doc.scenarios:
        out += ['<a id="other-scenarios"></a>', "", f"## {_md(w['other_scenarios'])} ({len(doc.scenarios)})", ""]
        for view in doc.scenarios:
            out += _scenario(site, view)
    return "\n".join(out) + "\n"


def _clause(site: Site, doc: DocumentView, c: ClauseView) -> list[str]:
    w = site.words
    out = [
        f'<a id="{c.anchor}"></a>',
        "",
        f"### {_md(c.clause)} `{c.id}` — **{_md(w['status.' + c.status])}**",
        "",
        f"> {_quote(c.text)}",
        "",
    ]
    if c.payload:
        out += [f"**{_md(w['payload.' + c.status])}:** {_md(c.payload)}", ""]
    if c.note:
        out += [f"**{_md(w['note'])}:** {_md(c.note)}", ""]
    for rid in c.rules:
        rule = site.rules[rid]
        if rule.home == (doc.page, c.id):
            out += _rule(site, rule)
        else:
            where = rule.home[1] if rule.home else w["untraced_rules"]
            out += [
                f"→ {_rule_ref(rule)} — *{_md(w['coverage.' + rule.coverage])}* ({_md(w['see_rule'])} {_md(where)})",
                "",
            ]
    for rid in c.pending:
        out += [f"→ `{rid}` — **{_md(w['status.rule_pending'])}**: {_md(w['pending_rule'])}", ""]
    for rid in c.elsewhere:
        out += [f"→ `{rid}` — {_md(w['builtin_rule'])}", ""]
    if c.applied_by:
        out += [
            f"**{_md(w['applied_by'])}:** " + ", ".join(_rule_ref(site.rules[r]).split(" — ")[0] for r in c.applied_by),
            "",
        ]
    if c.exercised_in:
        out += [
            f"**{_md(w['exercised_in'])} ({len(c.exercised_in)}):** "
            + "; ".join(_scenario_ref(v) for v in c.exercised_in),
            "",
        ]
    if c.scenarios:
        out += [f"#### {_md(w['restating_scenarios'])} ({len(c.scenarios)})", ""]
        for view in c.scenarios:
            out += _scenario(site, view)
    return out


def _rule(site: Site, rule: RuleView) -> list[str]:
    w = site.words
    out = [
        f'<a id="r-{rule.id}"></a>',
        "",
        f"#### `{rule.id}` {_md(rule.title)} — **{_md(w['coverage.' + rule.coverage])}**",
        "",
        f"- **{_md(w['duty'])}:** {_md(rule.duty)}",
        f"- **{_md(w['interpretation'])}:** {_md(rule.interpretation)}",
    ]
    if rule.not_formalised:
        out.append(f"- **{_md(w['not_formalised'])}:** {_md(rule.not_formalised)}")
    if rule.binds:
        out.append(f"- **{_md(w['binds'])}:** " + "; ".join(f"{_md(k)}: {_md(v)}" for k, v in rule.binds))
    out.append(
        f"- **{_md(w['validity'])}:** {_md(w['from'])} {_day(rule.valid_from)} {_md(w['to'])} "
        f"{_day(rule.valid_to) if rule.valid_to else _md(w['open_ended'])}"
    )
    if rule.parameters:
        out.append(f"- **{_md(w['parameters'])}:** " + "; ".join(f"{_md(k)}: {_md(v)}" for k, v in rule.parameters))
    out.append(f"- **{_md(w['sources'])}:** " + ", ".join(f"`{cid}`" for cid in rule.sources))
    out += [f"- **{_md(w['rules_file'])}:** `rules/{rule.rules_file}`", ""]
    counts = " · ".join(f"{_md(w['result.' + r])}: {rule.count(r)}" for r in RESULTS)
    out += [f"##### {_md(w['scenarios'])} ({counts})", ""]
    if not rule.scenarios:
        out += [f"*{_md(w['coverage.no_scenarios'])}*", ""]
    for view in rule.scenarios:
        out += _scenario(site, view)
    return out


def step_lines(step: Step) -> list[str]:
    lines = [f"{step.keyword.strip()} {step.text}"]
    if step.table:
        widths = [max(len(r[i]) for r in step.table) for i in range(len(step.table[0]))]
        lines += ["  | " + " | ".join(c.ljust(wd) for c, wd in zip(r, widths)) + " |" for r in step.table]
    if step.docstring is not None:
        lines += ['  """', *(f"  {line}" for line in step.docstring.splitlines()), '  """']
    return lines


def _scenario(site: Site, view: ScenarioView) -> list[str]:
    w = site.words
    s = view.scenario
    where = f"features/{s.feature}:{s.line}" + (f" ({s.row_line})" if s.row_line else "")
    out = [
        f"**{_md(s.keyword)}:** {_md(s.name)} — **{_md(w['result.' + view.outcome.status])}** (`{where}`)",
        "",
        "```gherkin",
        *(line for step in s.steps for line in step_lines(step)),
        "```",
        "",
    ]
    if view.outcome.status == "failed" and view.outcome.message:
        out += [f"> **{_md(w['failure'])}:** {_md(view.outcome.message)}", ""]
    return out


def render_vocabulary(site: Site) -> str:
    w = site.words
    out = [f"# {_md(w['vocabulary'])}", "", _md(w["vocabulary_intro"]), ""]
    for s in site.vocabulary.sentences:
        out += [f"## {_md(s.readable)}", ""]
        doc = s.doc_en if site.lang == "en" else s.doc
        if doc:
            out += [_md(doc), ""]
        out += [f"{_md(w['uses'])}: {s.uses}", ""]
        if s.example:
            out += [
                f"{_md(w['example'])} (`features/{s.example_at}`):",
                "",
                "```gherkin",
                *step_lines(s.example),
                "```",
                "",
            ]
        else:
            out += [f"*{_md(w['unused'])}*", ""]
    if site.vocabulary.columns:
        # The facts file's own keys only on the English page: a Vietnamese reviewer writes the Vietnamese names.
        keys = site.lang == "en"
        head = f"| {_md(w['section'])} | {_md(w['column_vi'])} |" + (f" {_md(w['column_en'])} |" if keys else "")
        out += [f"## {_md(w['column_names'])}", "", head, "|---|---|" + ("---|" if keys else "")]
        out += [f"| {_md(a)} | {_md(b)} |" + (f" `{c}` |" if keys else "") for a, b, c in site.vocabulary.columns]
        out.append("")
    out += [f"## {_md(w['unmatched'])} ({len(site.vocabulary.unmatched)})", ""]
    out += [f"- `features/{at}` `{step.keyword.strip()} {step.text}`" for at, step in site.vocabulary.unmatched] or [
        f"- {_md(w['none'])}"
    ]
    return "\n".join(out) + "\n"


def render_calendar(site: Site) -> str:
    from engine.livedoc.html import WEEKDAYS_EN, WEEKDAYS_VI

    w = site.words
    weekdays = WEEKDAYS_EN if site.lang == "en" else WEEKDAYS_VI
    out = [f"# {_md(w['calendar'])}", "", _md(w["calendar_intro"]), ""]
    for year, days in site.calendar:
        out += [
            f"## {_md(w['year'])} {year}",
            "",
            f"| {_md(w['day'])} | {_md(w['weekday'])} | {_md(w['day_kind'])} | {_md(w['day_name'])} | {_md(w['day_source'])} |",
            "|---|---|---|---|---|",
        ]
        for d, info in days:
            name = info.name_en if site.lang == "en" else info.name_vi
            out.append(
                f"| {_day(d)} | {_md(weekdays[d.weekday()])} | {_md(w['kind.' + info.kind])} | {_md(name)} | {_md(info.source)} |"
            )
        out.append("")
    return "\n".join(out) + "\n"
