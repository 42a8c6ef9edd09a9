"""Health of the rules and their features, read as files: every problem is gathered and reported
once, each with the file:line to fix (STYLE.md 9, 11).

- every clause's `quote` is verbatim (white space folded, nothing else) in its source file;
- `rules/sources/` is byte-identical to the shared sources, where a CI checkout has them;
- rule ids are unique across rules files, and `valid_from <= valid_to`;
- every rule has exactly one `Quy tắc` tagged with its id, in the feature file named like its rules
  file, whose description quotes at least one of its clauses verbatim;
- every tag that looks like a rule id names a rule; scenario titles are unique within a file;
- every rule's `Quy tắc` expects the outcomes the rule can have (`required_outcomes`);
- `cli.py rules --format json` lists every rule with its quotes.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from gherkin.parser import Parser

from engine.steps.common import STATUSES as STATUS_CODES

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
SOURCES = RULES / "sources"
FEATURES = ROOT / "features"
# Only CI checkouts sit next to the shared folder; nothing else in the project may read it.
SHARED_SOURCES = ROOT.parent / "shared" / "sources"

RULE_ID = re.compile(r"^[A-Z0-9]+(-[A-Z0-9]+)+$")
OUTCOME_STEP = re.compile(r'quy tắc "(?P<rule>[^"]+)"(?: với "[^"]+")? có kết quả "(?P<status>[^"]+)"')
# A portfolio rule may meet its "missing facts" duty with a scenario stating the denominator
# (which agencies count), tagged so.
DENOMINATOR_TAG = "@mẫu_số"


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def fold(text: str) -> str:
    """Quotes are compared with runs of white space folded to one space, nothing else."""
    return " ".join(text.split())


# ---------------------------------------------------------------- reading files with line numbers


class _Map(dict):
    line: int = 0
    lines: dict


class _LineLoader(yaml.SafeLoader):
    pass


def _mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Map:
    out = _Map(loader.construct_mapping(node, deep=True))
    out.line = node.start_mark.line + 1
    out.lines = {k.value: v.start_mark.line + 1 for k, v in node.value}
    return out


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@dataclass
class RulesFile:
    path: Path
    data: _Map

    @property
    def stem(self) -> str:
        return self.path.stem

    def where(self, node: _Map | None = None, key: str | None = None) -> str:
        line = (node.lines.get(key, node.line) if key else node.line) if node is not None else 1
        return f"{rel(self.path)}:{line}"


def rules_files() -> list[RulesFile]:
    return [
        RulesFile(p, yaml.load(p.read_text(encoding="utf-8"), Loader=_LineLoader) or _Map())
        for p in sorted(RULES.glob("*.yaml"))
    ]


@dataclass
class RuleBlock:
    """One `Quy tắc` of a feature file, with what its scenarios expect."""

    path: Path
    line: int
    tags: list[str]
    description: str
    outcomes: dict[str, set[str]] = field(default_factory=dict)  # rule id -> statuses (codes)
    scenario_tags: set[str] = field(default_factory=set)

    @property
    def where(self) -> str:
        return f"{rel(self.path)}:{self.line}"


@dataclass
class Tag:
    name: str
    where: str


def _expanded_steps(scenario: dict) -> list[str]:
    """Step texts, with an outline's `<name>` replaced by each row of its examples."""
    texts = [s["text"] for s in scenario.get("steps", [])]
    rows: list[dict[str, str]] = []
    for ex in scenario.get("examples", []):
        header = [c["value"] for c in ex["tableHeader"]["cells"]] if ex.get("tableHeader") else []
        rows += [dict(zip(header, (c["value"] for c in row["cells"]))) for row in ex.get("tableBody", [])]
    if not rows:
        return texts
    out = []
    for row in rows:
        for t in texts:
            out.append(re.sub(r"<([^<>]+)>", lambda m: row.get(m.group(1), m.group(0)), t))
    return out


def read_features() -> tuple[list[RuleBlock], list[Tag], list[str]]:
    blocks: list[RuleBlock] = []
    tags: list[Tag] = []
    problems: list[str] = []
    for path in sorted(FEATURES.glob("**/*.feature")):
        where = rel(path)
        try:
            doc = Parser().parse(path.read_text(encoding="utf-8"))
        except Exception as exc:  # a Gherkin syntax error: report it with the others
            problems.append(f"{where}: not valid Gherkin: {exc}")
            continue
        feature = doc.get("feature") or {}

        def note_tags(node: dict) -> list[str]:
            names = [t["name"] for t in node.get("tags", [])]
            tags.extend(Tag(t["name"], f"{where}:{t['location']['line']}") for t in node.get("tags", []))
            return names

        note_tags(feature)
        titles: dict[str, int] = {}

        def note_title(scenario: dict) -> None:
            # pytest-bdd keys a file's scenarios by title: a repeated title silently runs only one of them.
            line = scenario["location"]["line"]
            if scenario["name"] in titles:
                problems.append(
                    f"{where}:{line}: scenario title also used at line {titles[scenario['name']]} "
                    f"(pytest-bdd would run only one of them): {scenario['name']}"
                )
            titles.setdefault(scenario["name"], line)

        for child in feature.get("children", []):
            if "scenario" in child:
                note_tags(child["scenario"])
                note_title(child["scenario"])
            rule = child.get("rule")
            if not rule:
                continue
            block = RuleBlock(path, rule["location"]["line"], note_tags(rule), rule.get("description", ""))
            for grandchild in rule.get("children", []):
                scenario = grandchild.get("scenario")
                if not scenario:
                    continue
                note_title(scenario)
                block.scenario_tags.update(note_tags(scenario))
                for ex in scenario.get("examples", []):
                    block.scenario_tags.update(note_tags(ex))
                for text in _expanded_steps(scenario):
                    m = OUTCOME_STEP.search(text)
                    if m:
                        block.outcomes.setdefault(m["rule"], set()).add(STATUS_CODES.get(m["status"], m["status"]))
            blocks.append(block)
    return blocks, tags, problems


# ---------------------------------------------------------------- what each rule's features must show


def required_outcomes(rule: dict) -> dict[str, tuple[str, ...]]:
    """The outcomes a rule's `Quy tắc` must expect: {what: statuses, any of which will do}.

    Every rule needs a compliant case, a violation and a missing-facts case (STYLE.md 9), except
    where the rule's own shape makes one impossible; then the case that takes its place is required:
    - `due: none` (the text sets no deadline): never a violation — the open case, pending;
    - no facts section beyond what binding presupposes (`needs: []`, or only `qms` for a rule that
      binds agencies applying a QMS): never `unknown` — the unbound case, `không áp dụng`;
    - a portfolio rule may show its missing-facts case as a scenario tagged @mẫu_số (denominator).
    """
    binds = rule.get("binds") or {}
    required = {"compliant": ("compliant",)}
    required["violation"] = ("pending",) if rule.get("due") == "none" else ("violation",)
    sections = set(rule.get("needs") or []) - ({"qms"} if binds.get("applying_qms") else set())
    if binds.get("portfolio"):
        required["unknown"] = ("unknown", DENOMINATOR_TAG)
    elif sections:
        required["unknown"] = ("unknown",)
    else:
        required["unknown"] = ("not_applicable",)
    return required


# ---------------------------------------------------------------- the checks


def check_quotes(files: list[RulesFile]) -> list[str]:
    problems = []
    folded_sources: dict[str, str] = {}
    for f in files:
        doc = f.data.get("document") or {}
        for clause in f.data.get("clauses") or []:
            source = clause.get("source_file") or doc.get("source_file")
            if not source:
                problems.append(
                    f"{f.where(clause)}: clause {clause.get('id')} has no source_file (nor has its document)"
                )
                continue
            path = SOURCES / source
            if not path.is_file():
                problems.append(
                    f"{f.where(clause, 'source_file')}: clause {clause.get('id')}: "
                    f"source file rules/sources/{source} does not exist"
                )
                continue
            if source not in folded_sources:
                folded_sources[source] = fold(path.read_text(encoding="utf-8"))
            quote = clause.get("quote") or ""
            if not fold(quote) or fold(quote) not in folded_sources[source]:
                problems.append(
                    f"{f.where(clause, 'quote')}: the quote of clause {clause.get('id')} is not "
                    f"verbatim in rules/sources/{source}: “{quote[:80]}…”"
                )
    return problems


def check_ids_and_dates(files: list[RulesFile]) -> list[str]:
    from engine.facts import parse_date

    problems, seen = [], {}
    for f in files:
        for rule in f.data.get("rules") or []:
            rid = rule.get("id")
            if rid in seen:
                problems.append(f"{f.where(rule, 'id')}: rule id {rid} is also defined at {seen[rid]}")
            else:
                seen[rid] = f.where(rule, "id")
            start, end = rule.get("valid_from"), rule.get("valid_to")
            try:
                if start and end and parse_date(start) > parse_date(end):
                    problems.append(
                        f"{f.where(rule, 'valid_to')}: rule {rid}: valid_from {start} is after valid_to {end}"
                    )
            except ValueError as exc:
                problems.append(f"{f.where(rule)}: rule {rid}: {exc}")
    return problems


def check_features(files: list[RulesFile]) -> list[str]:
    blocks, tags, problems = read_features()
    clauses = {c.get("id"): c for f in files for c in (f.data.get("clauses") or [])}
    rules = {r.get("id"): (f, r) for f in files for r in (f.data.get("rules") or [])}
    for tag in tags:
        name = tag.name.lstrip("@")
        if RULE_ID.match(name) and name not in rules:
            problems.append(f"{tag.where}: tag @{name} names no rule in rules/*.yaml")
    for rid, (f, rule) in sorted(rules.items()):
        expected_file = FEATURES / f"{f.stem}.feature"
        mine = [b for b in blocks if f"@{rid}" in b.tags]
        if not mine:
            problems.append(
                f"{f.where(rule, 'id')}: rule {rid} has no `Quy tắc` tagged @{rid} (expected in {rel(expected_file)})"
            )
            continue
        if len(mine) > 1:
            problems.append(
                f"{f.where(rule, 'id')}: rule {rid} has {len(mine)} `Quy tắc` blocks: "
                + ", ".join(b.where for b in mine)
            )
        for block in mine:
            if block.path != expected_file:
                problems.append(
                    f"{block.where}: the `Quy tắc` of {rid} belongs in "
                    f"{rel(expected_file)} (its rules file is {f.path.name})"
                )
            quotes = [fold(clauses[c]["quote"]) for c in rule.get("sources") or [] if c in clauses]
            if not any(q and q in fold(block.description) for q in quotes):
                problems.append(
                    f"{block.where}: the description of `Quy tắc` {rid} quotes none of its clauses "
                    f"({', '.join(rule.get('sources') or [])}) verbatim"
                )
            shown = block.outcomes.get(rid, set()) | block.scenario_tags
            for what, accepted in required_outcomes(rule).items():
                if not shown & set(accepted):
                    problems.append(
                        f"{block.where}: `Quy tắc` {rid} has no scenario expecting "
                        + " or ".join(f'"{a}"' for a in accepted)
                        + f" (its {what} case)"
                    )
    return problems


def test_an_interpretation_is_written_once_in_the_rules_file():
    """A feature's `Quy tắc` quotes its clauses; the rule's interpretation lives in the rules file alone, so
    that the page, the rule card and the findings show one and the same (no second "Cách hiểu" to drift)."""
    found = []
    for path in sorted((ROOT / "features").glob("*.feature")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"\s*Cách hiểu\b", line):
                found.append(f"features/{path.name}:{n}")
    assert not found, "interpretations written in features (keep them in rules/*.yaml): " + ", ".join(found)


def test_rules_and_features_are_healthy():
    files = rules_files()
    problems = check_quotes(files) + check_ids_and_dates(files) + check_features(files)
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


def test_sources_are_the_shared_sources():
    if not SHARED_SOURCES.is_dir():
        pytest.skip("no ../shared/sources next to this checkout (only CI clones have it)")
    ours = {p.relative_to(SOURCES): p for p in SOURCES.rglob("*") if p.is_file()}
    theirs = {p.relative_to(SHARED_SOURCES): p for p in SHARED_SOURCES.rglob("*") if p.is_file()}
    problems = [
        f"rules/sources/{n}: missing (it is in the shared sources)" for n in sorted(theirs.keys() - ours.keys())
    ]
    problems += [f"rules/sources/{n}: not in the shared sources" for n in sorted(ours.keys() - theirs.keys())]
    problems += [
        f"rules/sources/{n}: differs from the shared copy"
        for n in sorted(ours.keys() & theirs.keys())
        if ours[n].read_bytes() != theirs[n].read_bytes()
    ]
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


def test_cli_rules_lists_every_rule_with_its_quotes():
    run = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "rules", "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    listed = {r["id"]: r for r in json.loads(run.stdout)["rules"]}
    files = rules_files()
    clauses = {c["id"]: c for f in files for c in (f.data.get("clauses") or [])}
    problems = []
    for f in files:
        for rule in f.data.get("rules") or []:
            rid = rule["id"]
            if rid not in listed:
                problems.append(f"{f.where(rule, 'id')}: `cli.py rules` does not list {rid}")
                continue
            got = {s["id"]: s.get("quote") for s in listed[rid].get("sources", [])}
            for cid in rule.get("sources") or []:
                if cid not in got:
                    problems.append(f"{f.where(rule, 'sources')}: `cli.py rules` lists {rid} without source {cid}")
                elif cid in clauses and got[cid] != clauses[cid]["quote"]:
                    problems.append(f"{f.where(rule, 'sources')}: `cli.py rules` gives another quote for {cid}")
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)
