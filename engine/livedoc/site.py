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

from engine.calendar import DayInfo, LegalCalendar, default_calendar
from engine.livedoc.features import Scenario
from engine.livedoc.labels import labels
from engine.livedoc.results import FAILED, NOT_RUN, PASSED, Outcome
from engine.livedoc.vocabulary import Vocabulary
from engine.operators import split
from engine.register import PAYLOAD, PrimaryInstrument, Register, RegisterDocument, RuleEntry
from engine.rulebook import Rulebook
from engine.words import binds_shown, parameters_shown

CLAUSE_STATUSES = ("rule", "rule_pending", "manual", "informative", "out_of_scope")
COVERAGES = ("passing", "failing", "not_run", "no_scenarios")
RESULTS = (PASSED, FAILED, NOT_RUN)
_HEADING = re.compile(r"^#+\s*Điều\s+(\d+)\.\s*(.+?)\s*$", re.MULTILINE)
_NAMES_CLAUSE = re.compile(r'^nguồn gồm "([^"]+)"$')

# The clauses of the general law by which every deadline counted in months is computed
# (engine/calendar, through the `within` operator), and the words of a scenario's trace
# expectation that show a scenario exercising each of them.
CALENDAR_CLAUSES: dict[str, tuple[str, ...]] = {
    "BLDS/147.3": ("tháng →",),
    "BLDS/148.3": ("không có ngày", "ngày cuối tháng"),
    "BLDS/148.5": ("là Thứ", "là Chủ nhật", "là ngày", "ngày làm việc tiếp theo", "Tết", "Quốc khánh", "làm bù"),
    "BLLD/111.3": ("nghỉ bù",),
    "BLLD/112.1": ("là ngày lễ", "Tết", "Quốc khánh"),
    "BLLD/112.3": ("Tết", "Quốc khánh", "hoán đổi", "làm bù"),
}
MONTHS_OPERATOR = "within"
# The years shown on the calendar page: from Decision 19's entry into force to the last year the
# holidays data covers.
CALENDAR_FIRST_YEAR = 2014


def anchor(kind: str, ident: str) -> str:
    return f"{kind}-" + re.sub(r"[^A-Za-z0-9]+", "-", ident).strip("-")


@dataclass(frozen=True)
class ScenarioView:
    scenario: Scenario
    outcome: Outcome
    rules: tuple[str, ...]
    home: str | None = None  # the page (file name without extension) that writes it out in full

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
    binds: tuple[tuple[str, str], ...]  # (label key, value) in the page's words
    parameters: tuple[tuple[str, str], ...]
    valid_from: dt.date | None
    valid_to: dt.date | None
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
    applied_by: tuple[str, ...] = ()  # rules whose deadlines this clause decides (the calendar's law)
    scenarios: tuple[ScenarioView, ...] = ()  # written out here: restatement scenarios citing the clause
    exercised_in: tuple[ScenarioView, ...] = ()  # scenarios elsewhere that exercise it (linked)
    elsewhere: tuple[str, ...] = ()  # rules of the built-in rulebook that check it (a pack's site)

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
    document: RegisterDocument | None = None  # its provenance (form, dates, where the text comes from)
    scenarios: tuple[ScenarioView, ...] = ()  # its feature file's scenarios tied to no rule and no clause

    @property
    def second_hand(self) -> bool:
        return bool(self.document and self.document.second_hand)

    @property
    def primary(self) -> PrimaryInstrument | None:
        return self.document.primary if self.document else None

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
    calendar: tuple[tuple[int, tuple[tuple[dt.date, DayInfo], ...]], ...] = ()  # year → its special days

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
        """Scenarios with no place on any page: tied to no rule, and in no document's feature file."""
        return [s for s in self.scenarios if s.home is None]

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
    calendar: LegalCalendar | None = None,
    elsewhere: frozenset[str] = frozenset(),
) -> Site:
    """`elsewhere`: rules applied with these documents but shown on another site (a rule pack's site
    names the built-in rules its clauses restate, without their cards)."""
    words = labels(lang)
    known = set(rulebook.rules)
    calendar = calendar or default_calendar()

    # A feature file mirrors a document (features/qd19_2014.feature ↔ the register's rules_file
    # qd19_2014.yaml): its scenarios tied to no rule are written out on that document's page.
    page_of_feature = {
        Path(f.document.rules_file).stem + ".feature": Path(f.path).stem
        for f in register.files
        if f.document.rules_file
    }
    home_of_rule: dict[str, str] = {}
    located_early = {c.id: Path(f.path).stem for f in register.files for c in f.clauses}
    for rid, rule in rulebook.rules.items():
        for cid in rule.sources:
            if cid in located_early:
                home_of_rule[rid] = located_early[cid]
                break

    def page_home(s: Scenario, rules: tuple[str, ...]) -> str | None:
        for rid in rules:
            if rid in home_of_rule:
                return home_of_rule[rid]
        return page_of_feature.get(s.feature)

    views = []
    for s in scenarios:
        tagged = tuple(sorted(t for t in set(s.tags) if t in known))
        views.append(ScenarioView(s, outcomes.get(s.key, Outcome(NOT_RUN)), tagged, page_home(s, tagged)))
    views_t = tuple(views)
    by_rule: dict[str, list[ScenarioView]] = {}
    for v in views_t:
        for rid in v.rules:
            by_rule.setdefault(rid, []).append(v)
    # Scenarios tied to no rule: under the clause they cite (`nguồn gồm "HL641/3"`), else on their page.
    by_clause: dict[str, list[ScenarioView]] = {}
    loose: dict[str, list[ScenarioView]] = {}
    for v in views_t:
        if v.rules or v.home is None:
            continue
        cited = [m.group(1) for st in v.scenario.steps if (m := _NAMES_CLAUSE.match(st.text))]
        target = next((c for c in cited if located_early.get(c) == v.home), None)
        if target:
            by_clause.setdefault(target, []).append(v)
        else:
            loose.setdefault(v.home, []).append(v)
    months_rules = tuple(rid for rid, r in sorted(rulebook.rules.items()) if split(r.due)[0] == MONTHS_OPERATOR)

    def exercising(cid: str) -> tuple[ScenarioView, ...]:
        marks = CALENDAR_CLAUSES[cid]
        found = []
        for rid in months_rules:
            for v in by_rule.get(rid, []):
                traced = (
                    " ".join(st.text for st in v.scenario.steps if 'có "' in st.text)
                    + " "
                    + " ".join(c for st in v.scenario.steps for row in st.table for c in row)
                )
                if any(m in traced for m in marks) and v not in found:
                    found.append(v)
        return tuple(found)

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

    documents: list[DocumentView] = []
    for f in register.files:
        page = Path(f.path).stem
        clauses = []
        for entry in f.clauses:
            checked_by = tuple(checking.get(entry.id, []))
            listed = entry.rules if isinstance(entry, RuleEntry) else []
            pending = tuple(r for r in listed if r not in known and r not in elsewhere)
            outside = tuple(r for r in listed if r in elsewhere)
            status: str = entry.status
            if status == "rule" and not checked_by and not outside:
                status = "rule_pending"
            payload = getattr(entry, PAYLOAD[entry.status]).get(lang) if entry.status != "rule" else ""
            calendar_clause = entry.id in CALENDAR_CLAUSES
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
                    applied_by=months_rules if calendar_clause else (),
                    scenarios=tuple(by_clause.get(entry.id, [])),
                    exercised_in=exercising(entry.id) if calendar_clause else (),
                    elsewhere=outside,
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
                f.document,
                tuple(loose.get(page, [])),
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
            binds=tuple(binds_shown(rule.binds, lang)),
            parameters=tuple(parameters_shown(rule.parameters, lang)),
            valid_from=rule.valid_from,
            valid_to=rule.valid_to,
            sources=tuple(rule.sources),
            rules_file=Path(rulebook.rule_file[rid].path).name,
            home=home.get(rid),
            scenarios=tuple(by_rule.get(rid, [])),
        )
    last_year = max(calendar.known_until(), CALENDAR_FIRST_YEAR)
    days = tuple((year, tuple(calendar.special_days(year))) for year in range(CALENDAR_FIRST_YEAR, last_year + 1))
    return Site(
        lang=lang,
        words=words,
        generated=generated,
        commit=commit,
        documents=tuple(documents),
        rules=rules,
        vocabulary=vocabulary,
        scenarios=views_t,
        calendar=days,
    )
