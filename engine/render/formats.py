"""Output formats: how one agency's result is written, alone or as a member of a portfolio, and how
a whole run is framed. Portfolio output is streamed agency by agency (report.md)."""
from __future__ import annotations

import json
from typing import TextIO

from engine.render import json_out, text
from engine.result import AgencyResult, Finding, SourceText, Summary

FORMATS = ("text", "json")


def _titles(evaluator, lang: str) -> dict[str, str]:
    return {rid: r.title.get(lang) for rid, r in evaluator.rulebook.rules.items()}


def render_agency(result: AgencyResult, fmt: str, lang: str, evaluator) -> str:
    if fmt == "json":
        return json_out.render_agency(result)
    return text.render_agency(result, lang, _titles(evaluator, lang))


def render_portfolio_member(result: AgencyResult, fmt: str, lang: str, evaluator) -> str:
    """One agency inside a portfolio (without its own `sources`: they are given once at the end)."""
    if fmt == "json":
        body = json.dumps(result.model_dump(mode="json", exclude={"sources"}), ensure_ascii=False, indent=2)
        return "\n".join("    " + line for line in body.splitlines())
    return text.render_agency(result, lang, _titles(evaluator, lang))


class PortfolioWriter:
    """Frames a portfolio run: a head, each member as it arrives, then portfolio findings, totals
    and every source cited anywhere."""

    def __init__(self, out: TextIO, fmt: str, lang: str, as_of):
        self.out, self.fmt, self.lang, self.as_of = out, fmt, lang, as_of
        self.count = 0

    def head(self) -> None:
        if self.fmt == "json":
            self.out.write('{\n  "as_of": "%s",\n  "agencies": [' % self.as_of.isoformat())

    def member(self, rendered: str) -> None:
        if self.fmt == "json":
            self.out.write(("\n" if self.count == 0 else ",\n") + rendered)
        else:
            self.out.write(("" if self.count == 0 else "\n" + "─" * 72 + "\n\n") + rendered)
        self.count += 1

    def tail(self, portfolio_findings: list[Finding], summary: Summary, sources: dict[str, SourceText],
             titles: dict[str, str]) -> None:
        if self.fmt == "json":
            findings = json.dumps([f.model_dump(mode="json") for f in portfolio_findings], ensure_ascii=False,
                                  indent=2)
            self.out.write(("\n  " if self.count else "") + "],\n")
            self.out.write('  "portfolio_findings": ' + _indent(findings) + ",\n")
            self.out.write('  "summary": ' + _indent(json.dumps(summary.model_dump(), indent=2)) + ",\n")
            srcs = {k: v.model_dump() for k, v in sorted(sources.items())}
            self.out.write('  "sources": ' + _indent(json.dumps(srcs, ensure_ascii=False, indent=2)) + "\n}\n")
            return
        self.out.write("\n" + "═" * 72 + "\n")
        if portfolio_findings:
            from engine.messages import label
            self.out.write(label(self.lang, "Chỉ tiêu của danh mục:", "Portfolio-level rules:") + "\n")
            for f in portfolio_findings:
                self.out.write(f"  {text.status_word(f.status, self.lang):<16} {f.rule} {f.subject}: {f.message}\n")
                for step in f.trace:
                    self.out.write(f"      ↳ {step}\n")
        from engine.messages import label
        self.out.write(label(self.lang, f"{self.count} cơ quan. ", f"{self.count} agencies. ")
                       + text.summary_line(summary, self.lang) + "\n")


def _indent(block: str) -> str:
    return block.replace("\n", "\n  ")
