"""The terminal view: grouped by rule, the rules needing action first, Vietnamese-style dates,
a one-line summary at the end."""

from __future__ import annotations

from engine import messages
from engine.messages import SUMMARY_WORDS, label, subject_words, vn_date
from engine.result import STATUS_ORDER, AgencyResult, Summary

_MARKS = {"violation": "✗", "pending": "…", "unknown": "?", "compliant": "✓", "not_applicable": "–"}
_LEVEL = {
    "central": ("trung ương", "central"),
    "province": ("cấp tỉnh", "province"),
    "department": ("sở, ngành / phòng", "department"),
    "district": ("cấp huyện", "district"),
    "commune": ("cấp xã", "commune"),
}


def status_word(status: str, lang: str, due=None) -> str:
    """The status with its mark: "✗ không đạt", "… chưa đến hạn" (or "… chưa thực hiện" with no deadline)."""
    return f"{_MARKS[status]} {messages.status_word(status, lang, due)}"


def _cited(cid: str, result: AgencyResult, lang: str) -> str:
    """A source id, marked when its quote is not the instrument's own words (a news item, a note)."""
    s = (result.sources or {}).get(cid)
    if s is not None and s.second_hand:
        return f"{cid} ({label(lang, 'trích gián tiếp', 'second-hand')})"
    return cid


def summary_line(summary: Summary, lang: str) -> str:
    head = label(lang, "Tổng", "Total")
    return f"{head}: " + " · ".join(
        f"{getattr(summary, status)} {label(lang, vi, en)}" for status, (vi, en) in SUMMARY_WORDS.items()
    )


def render_agency(result: AgencyResult, lang: str, titles: dict[str, str]) -> str:
    a = result.agency
    level = label(lang, *_LEVEL.get(a.level, (a.level, a.level)))
    lines = [f"{a.name} ({a.id}) — {level} — {label(lang, 'đánh giá ngày', 'as of')} {vn_date(result.as_of)}", ""]
    by_rule: dict[str, list] = {}
    for f in result.findings:
        by_rule.setdefault(f.rule, []).append(f)
    order = sorted(by_rule, key=lambda r: (min(STATUS_ORDER[f.status] for f in by_rule[r]), r))
    quiet = []
    for rule in order:
        findings = sorted(by_rule[rule], key=lambda f: (STATUS_ORDER[f.status], f.subject))
        if all(f.status == "not_applicable" for f in findings):
            quiet.append(f"  {rule}: {findings[0].message}")
            continue
        lines.append(f"{rule} — {titles.get(rule, '')}")
        for f in findings:
            dates = []
            if f.due:
                dates.append(f"{label(lang, 'hạn', 'due')} {vn_date(f.due)}")
            if f.done:
                dates.append(f"{label(lang, 'thực hiện', 'done')} {vn_date(f.done)}")
            lines.append(
                f"  {status_word(f.status, lang, f.due):<18} {subject_words(f.subject, lang)}"
                + (f"  ({', '.join(dates)})" if dates else "")
            )
            lines.append(f"      {f.message}")
            for step in f.trace:
                lines.append(f"      ↳ {step}")
            lines.append(
                f"      {label(lang, 'Nguồn', 'Sources')}: {', '.join(_cited(c, result, lang) for c in f.sources)}"
            )
        lines.append("")
    if quiet:
        lines.append(label(lang, "Không áp dụng:", "Not applicable:"))
        lines.extend(quiet)
        lines.append("")
    lines.append(summary_line(result.summary, lang))
    return "\n".join(lines) + "\n"
