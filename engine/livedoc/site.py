"""The living documentation as data: documents → clauses → rules → scenarios with their outcomes, plus
the totals of the cover page. Renderers only lay this out; every choice of content and order is here.

Everything is sorted or kept in the order of its source document, so the same inputs give the same
pages apart from the run date and commit.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.livedoc.features import Scenario
from engine.livedoc.labels import labels
from engine.livedoc.results import FAILED, NOT_RUN, PASSED, Outcome
from engine.livedoc.vocabulary import Vocabulary
from engine.register import PAYLOAD, Register, RuleEntry
from engine.rulebook import Rule, Rulebook

CLAUSE_STATUSES = ("rule", "rule_pending", "manual", "informative", "out_of_scope")
COVERAGES = ("passing", "failing", "not_run", "no_scenarios")
RESULTS = (PASSED, FAILED, NOT_RUN)
_HEADING = re.compile(r"^#+\s*Điều\s+(\d+)\.\s*(.+?)\s*$", re.MULTILINE)


def anchor(kind: str, ident: str) -> str:
    return f"{kind}-" + re.sub(r"[^A-Za-z0-9]+", "-", ident).strip("-")


@dataclass(frozen=True)
class ScenarioView:
    scenario: Scenario
    outcome: Outcome
    rules: tuple[str, ...]

    @property
    def anchor(self) -> str:
        s = self.scenario
        return anchor("s", f"{s.feature}-{s.line}-{s.row_line or 0}")


@dataclass(frozen=True)
class RuleView:
    id: str
    title: str
    duty: str
    interpretation: str
    not_formalised: str
    binds: tuple[tuple[str, str], ...]
    parameters: tuple[tuple[str, str], ...]
    valid_from: str
    valid_to: str
    sources: tuple[str, ...]
    rules_file: str
    home: tuple[str, str] | None  # (page, clause id) where the rule is shown in full
    scenarios: tuple[ScenarioView, ...]

    @property
    def coverage(self) -> str:
        results = {s.outcome.status for s in self.scenarios}
        if not results:
            return "no_scenarios"
        if FAILED in results:
            return "failing"
        return "not_run" if NOT_RUN in results else "passing"

    def count(self, result: str) -> int:
        return sum(1 for s in self.scenarios if s.outcome.status == result)


@dataclass(frozen=True)
class ClauseView:
    id: str
    clause: str
    text: str
    status: str  # a register status, or rule_pending: status rule, no rule loaded yet
    payload: str  # check / served_by / whose, in the page's language
    note: str
    rules: tuple[str, ...]  # loaded rules that check it: listed in the register, citing it, restating it
    pending: tuple[str, ...]  # rule ids the register lists that no rules file defines yet
    article: str  # "4" for "QD19/4.4.a"

    @property
    def anchor(self) -> str:
        return anchor("c", self.id)


@dataclass(frozen=True)
class DocumentView:
    id: str
    page: str  # file name without extension
    number: str
    title: str
    issuer: str
    source_file: str
    headings: dict[str, str]  # article number → its heading, for documents that have articles
    clauses: tuple[ClauseView, ...]

    def count(self, status: str) -> int:
        return sum(1 for c in self.clauses if c.status == status)


@dataclass(frozen=True)
class Site:
    lang: str
    words: dict[str, str]
    generated: str
    commit: str
    documents: tuple[DocumentView, ...]
    rules: dict[str, RuleView]
    vocabulary: Vocabulary
    scenarios: tuple[ScenarioView, ...]

    @property
    def untraced_rules(self) -> list[str]:
        """Rules none of whose sources is in the register: shown on the cover page, not under a clause."""
        return [rid for rid, rule in self.rules.items() if rule.home is None]

    def clause_count(self, status: str) -> int:
        return sum(d.count(status) for d in self.documents)

    def coverage_count(self, coverage: str) -> int:
        return sum(1 for r in self.rules.values() if r.coverage == coverage)

    def result_count(self, result: str) -> int:
        return sum(1 for s in self.scenarios if s.outcome.status == result)

    def failed(self) -> list[ScenarioView]:
        return [s for s in self.scenarios if s.outcome.status == FAILED]

    def untagged(self) -> list[ScenarioView]:
        return [s for s in self.scenarios if not s.rules]

    def page_of(self, clause_id: str) -> str | None:
        for d in self.documents:
            if any(c.id == clause_id for c in d.clauses):
                return d.page
        return None


def _show(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_show(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_show(v)}" for k, v in sorted(value.items(), key=lambda kv: str(kv[0])))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _binds(rule: Rule) -> tuple[tuple[str, str], ...]:
    given = rule.binds.model_dump(exclude_defaults=True)
    return tuple((k, _show(v)) for k, v in sorted(given.items()))


def headings(source: Path) -> dict[str, str]:
    try:
        text = source.read_text(encoding="utf-8")
    except OSError:
        return {}
    return {m.group(1): f"Điều {m.group(1)}. {m.group(2)}" for m in _HEADING.finditer(text)}


def build_site(
    register: Register,
    rulebook: Rulebook,
    scenarios: list[Scenario],
    outcomes: dict[tuple, Outcome],
    vocabulary: Vocabulary,
    *,
    lang: str,
    generated: str,
    commit: str,
    sources_dir: Path,
) -> Site:
    words = labels(lang)
    known = set(rulebook.rules)

    views = tuple(
        ScenarioView(s, outcomes.get(s.key, Outcome(NOT_RUN)), tuple(sorted(t for t in set(s.tags) if t in known)))
        for s in scenarios
    )
    by_rule: dict[str, list[ScenarioView]] = {}
    for v in views:
        for rid in v.rules:
            by_rule.setdefault(rid, []).append(v)

    # Rules that check each clause: the register's list first, then rules citing or restating it.
    checking: dict[str, list[str]] = {}

    def checks(cid: str, rid: str) -> None:
        if rid not in checking.setdefault(cid, []):
            checking[cid].append(rid)

    for entry, _ in register.entries.values():
        for rid in getattr(entry, "rules", []):
            if rid in known:
                checks(entry.id, rid)
    for rid, rule in sorted(rulebook.rules.items()):
        for cid in rule.sources:
            checks(cid, rid)
    for rid, restated in sorted(rulebook.restatements.items()):
        for restatement in sorted(restated, key=lambda r: r.clause):
            checks(restatement.clause, rid)

    documents = []
    for f in register.files:
        page = Path(f.path).stem
        clauses = []
        for entry in f.clauses:
            checked_by = tuple(checking.get(entry.id, []))
            pending = tuple(r for r in entry.rules if r not in known) if isinstance(entry, RuleEntry) else ()
            status: str = entry.status
            if status == "rule" and not checked_by:
                status = "rule_pending"
            payload = getattr(entry, PAYLOAD[entry.status]).get(lang) if entry.status != "rule" else ""
            clauses.append(
                ClauseView(
                    entry.id,
                    entry.clause,
                    entry.text,
                    status,
                    payload,
                    entry.note.get(lang) if entry.note else "",
                    checked_by,
                    pending,
                    entry.id.split("/", 1)[1].split(".", 1)[0],
                )
            )
        documents.append(
            DocumentView(
                f.document.id,
                page,
                f.document.number,
                f.document.title,
                f.document.issuer,
                f.document.source_file,
                headings(sources_dir / f.document.source_file),
                tuple(clauses),
            )
        )

    # A rule is shown in full once: under the first of its sources that the register holds.
    located = {c.id: d.page for d in documents for c in d.clauses}
    home: dict[str, tuple[str, str]] = {}
    for rid, rule in rulebook.rules.items():
        for cid in rule.sources:
            if cid in located:
                home[rid] = (located[cid], cid)
                break

    rules: dict[str, RuleView] = {}
    for rid in sorted(rulebook.rules):
        rule = rulebook.rules[rid]
        rules[rid] = RuleView(
            id=rid,
            title=rule.title.get(lang),
            duty=rule.duty.get(lang),
            interpretation=rule.interpretation.get(lang),
            not_formalised=rule.not_formalised.get(lang) if rule.not_formalised else "",
            binds=_binds(rule),
            parameters=tuple((k, _show(v)) for k, v in sorted(rule.parameters.items())),
            valid_from=rule.valid_from.isoformat() if rule.valid_from else "",
            valid_to=rule.valid_to.isoformat() if rule.valid_to else "",
            sources=tuple(rule.sources),
            rules_file=Path(rulebook.rule_file[rid].path).name,
            home=home.get(rid),
            scenarios=tuple(by_rule.get(rid, [])),
        )
    return Site(
        lang=lang,
        words=words,
        generated=generated,
        commit=commit,
        documents=tuple(documents),
        rules=rules,
        vocabulary=vocabulary,
        scenarios=views,
    )
