"""The JUnit XML view, for CI dashboards: one `<testcase>` per obligation (classname = rule id,
name = agency id and subject), a `<failure>` per violation (message = the finding's message, body =
trace and quoted sources), `<skipped>` for not applicable, pending and unknown (the status in its
`type`), one `<testsuite>` per agency; a portfolio wraps them in `<testsuites>` and adds a
`portfolio` suite for portfolio-level rules. Deterministic: no timestamps, no host names."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TextIO

from engine.messages import label, second_hand_words, source_about
from engine.result import AgencyResult, Finding, SourceText, Summary

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTR = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
_ATTR_RE = re.compile('[&<>"\n\r\t]')
_TEXT = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_TEXT_RE = re.compile("[&<>]")

SourceLookup = Callable[[str], SourceText]


def attr(value: object) -> str:
    """A value ready to go between double quotes: escaped, and characters XML 1.0 cannot carry replaced."""
    return _ATTR_RE.sub(lambda m: _ATTR[m.group()], _NOT_XML.sub("\ufffd", str(value)))


def text(value: object) -> str:
    return _TEXT_RE.sub(lambda m: _TEXT[m.group()], _NOT_XML.sub("\ufffd", str(value)))


def _counts(summary: Summary) -> str:
    tests = summary.compliant + summary.violation + summary.pending + summary.not_applicable + summary.unknown
    skipped = summary.pending + summary.not_applicable + summary.unknown
    return f'tests="{tests}" failures="{summary.violation}" errors="0" skipped="{skipped}" time="0"'


def testcase(f: Finding, owner: str, lang: str, source: SourceLookup, indent: str) -> str:
    head = f'{indent}<testcase classname="{attr(f.rule)}" name="{attr(owner + ": " + f.subject)}" time="0"'
    if f.status == "compliant":
        return head + "/>\n"
    if f.status == "violation":
        lines = list(f.trace)
        lines.append(label(lang, "Nguồn:", "Sources:"))
        for cid in f.sources:
            s = source(cid)
            about = source_about(s, lang)
            lines.append(f"{cid} — {s.document}, {s.clause}" + (f" ({about})" if about else "") + f": “{s.quote}”")
            warn = second_hand_words(s, lang)
            if warn:
                lines.append(f"  {warn}")
        return (
            f'{head}>\n{indent}  <failure message="{attr(f.message)}" type="violation">'
            f"{text(chr(10).join(lines))}</failure>\n{indent}</testcase>\n"
        )
    # The status code in `type` (for machines), the message in the reader's language (it says the status).
    return f'{head}>\n{indent}  <skipped type="{f.status}" message="{attr(f.message)}"/>\n{indent}</testcase>\n'


def testsuite(result: AgencyResult, lang: str, source: SourceLookup, indent: str = "") -> str:
    a = result.agency
    inner = indent + "  "
    parts = [
        f'{indent}<testsuite name="{attr(a.id)}" {_counts(result.summary)}>\n',
        f"{inner}<properties>\n",
        f'{inner}  <property name="agency" value="{attr(a.name)}"/>\n',
        f'{inner}  <property name="level" value="{attr(a.level)}"/>\n',
        f'{inner}  <property name="as_of" value="{result.as_of.isoformat()}"/>\n',
        f"{inner}</properties>\n",
    ]
    parts.extend(testcase(f, a.id, lang, source, inner) for f in result.findings)
    parts.append(f"{indent}</testsuite>\n")
    return "".join(parts)


def render_agency(result: AgencyResult, lang: str, source: SourceLookup) -> str:
    return XML_DECLARATION + testsuite(result, lang, source)


def write_portfolio(
    out: TextIO,
    *,
    as_of,
    lang: str,
    members: Callable[[TextIO], None],
    portfolio_findings: list[Finding],
    summary: Summary,
    source: SourceLookup,
) -> None:
    """`<testsuites>` with the totals, each agency's suite as rendered by the workers (copied by
    `members(out)`), then the suite of portfolio-level rules."""
    out.write(XML_DECLARATION)
    out.write(f'<testsuites name="{attr("HTQLCL " + as_of.isoformat())}" {_counts(summary)}>\n')
    members(out)
    if portfolio_findings:
        out.write(f'  <testsuite name="portfolio" {_counts(Summary.of(portfolio_findings))}>\n')
        for f in portfolio_findings:
            out.write(testcase(f, "portfolio", lang, source, "    "))
        out.write("  </testsuite>\n")
    out.write("</testsuites>\n")
