"""The health of a pack's rules, register and scenarios, read as files: every problem found, each with
the file and line to fix. The project applies the same checks to its own rulebook (tests/test_health.py,
tests/test_register.py) that `htqlcl rules check` applies to a province's pack:

- every clause `quote` of a rules file is verbatim (white space folded, nothing else) in its source;
- rule ids are unique across the pack, the other packs applied and the built-in rulebook, as are
  clause ids and document ids; `valid_from <= valid_to`;
- the register: every clause with a status, its text verbatim in its source, agreeing with the rules
  files (engine/register.py);
- every rule has exactly one `Quy tắc` tagged with its id, in the feature file named like its rules
  file, whose description quotes at least one of its clauses verbatim, with scenarios expecting the
  outcomes the rule can have: compliant, violation, missing facts (`required_outcomes`);
- every tag that looks like a rule id names a rule; scenario titles are unique within a file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from engine.errors import InputError, Problem
from engine.lang import T, Text
from engine.packs import Pack, builtin_pack

RULE_ID = re.compile(r"^[A-Z0-9]+(-[A-Z0-9]+)+$")
OUTCOME_STEP = re.compile(r'quy tắc "(?P<rule>[^"]+)"(?: với "[^"]+")? có kết quả "(?P<status>[^"]+)"')
# A portfolio rule may meet its "missing facts" duty with a scenario stating the denominator
# (which agencies count), tagged so.
DENOMINATOR_TAG = "@mẫu_số"


def fold(text: str) -> str:
    """Quotes are compared with runs of white space folded to one space, nothing else."""
    return " ".join(text.split())


Where = tuple[int, int, str]  # line, column (1-based) and field path of a place in a file


def _problem(where: str, at: int | Where | None, message: Text) -> Problem:
    """A problem at a line, or at a line, column and field."""
    if isinstance(at, tuple):
        return Problem(where, at[0], at[1], at[2], message)
    return Problem(where, at, None, "", message)


# ---------------------------------------------------------------- reading files with line numbers


class _Map(dict):
    line: int = 0
    column: int = 0
    lines: dict  # key -> (line, column) of its value
    path: str = ""  # field path from the file's top ("rules[2].binds"), set by RulesText


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings remember where they were written (its own class: the constructor
    added below must not change PyYAML's SafeLoader for everyone)."""


def _mapping(loader: _LineLoader, node: yaml.MappingNode) -> _Map:
    out = _Map(loader.construct_mapping(node, deep=True))
    out.line, out.column = node.start_mark.line + 1, node.start_mark.column + 1
    out.lines = {k.value: (v.start_mark.line + 1, v.start_mark.column + 1) for k, v in node.value}
    return out


def _set_paths(value: Any, path: str) -> None:
    if isinstance(value, _Map):
        value.path = path
        for key, child in value.items():
            _set_paths(child, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            _set_paths(child, f"{path}[{i}]")


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@dataclass
class RulesText:
    """A rules file as written, each mapping knowing its line."""

    path: Path
    data: _Map

    def __post_init__(self) -> None:
        _set_paths(self.data, "")

    @property
    def stem(self) -> str:
        return self.path.stem

    def at(self, node: _Map | None = None, key: str | None = None) -> Where:
        """Where `node[key]` (or `node`) is written: line, column, field path."""
        if node is None:
            return 1, 1, ""
        if key and key in node.lines:
            line, column = node.lines[key]
            return line, column, f"{node.path}.{key}" if node.path else key
        return node.line, node.column, node.path

    def line(self, node: _Map | None = None, key: str | None = None) -> int:
        return self.at(node, key)[0]

    def rules(self) -> list[_Map]:
        return [r for r in self.data.get("rules") or [] if isinstance(r, _Map)]

    def clauses(self) -> list[_Map]:
        return [c for c in self.data.get("clauses") or [] if isinstance(c, _Map)]


def read_rules(pack: Pack) -> tuple[list[RulesText], list[Problem]]:
    out, problems = [], []
    for path in pack.rules_files():
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader) or _Map()
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
            problems.append(_problem(str(path), None, T(f"không đọc được: {e}", f"cannot be read: {e}")))
            continue
        if isinstance(data, _Map):
            out.append(RulesText(path, data))
    return out, problems


@dataclass
class RuleBlock:
    """One `Quy tắc` of a feature file, with what its scenarios expect."""

    path: Path
    line: int
    column: int
    tags: list[str]
    description: str
    outcomes: dict[str, set[str]] = field(default_factory=dict)  # rule id -> statuses (codes)
    scenario_tags: set[str] = field(default_factory=set)


@dataclass
class Tag:
    name: str
    path: Path
    line: int
    column: int


def _expanded_steps(scenario: dict) -> list[str]:
    """Step texts, with an outline's `<name>` replaced by each row of its examples."""
    texts = [s["text"] for s in scenario.get("steps", [])]
    rows: list[dict[str, str]] = []
    for ex in scenario.get("examples", []):
        header = [c["value"] for c in ex["tableHeader"]["cells"]] if ex.get("tableHeader") else []
        rows += [dict(zip(header, (c["value"] for c in row["cells"]))) for row in ex.get("tableBody", [])]
    if not rows:
        return texts

    def fill(text: str, row: dict[str, str]) -> str:
        return re.sub(r"<([^<>]+)>", lambda m: row.get(m.group(1), m.group(0)), text)

    return [fill(t, row) for row in rows for t in texts]


def read_features(folder: Path) -> tuple[list[RuleBlock], list[Tag], list[Problem]]:
    from gherkin.parser import Parser

    blocks: list[RuleBlock] = []
    tags: list[Tag] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("**/*.feature")):
        try:
            doc: Any = Parser().parse(path.read_text(encoding="utf-8"))
        except Exception as exc:  # a Gherkin syntax error (gherkin's own types): report it with the others
            text = " ".join(str(exc).split())
            problems.append(
                _problem(str(path), None, T(f"không đúng cú pháp Gherkin: {text}", f"not valid Gherkin: {text}"))
            )
            continue
        feature: Any = doc.get("feature") or {}

        def note_tags(node: dict, path: Path = path) -> list[str]:
            names = [t["name"] for t in node.get("tags", [])]
            tags.extend(
                Tag(t["name"], path, t["location"]["line"], t["location"]["column"]) for t in node.get("tags", [])
            )
            return names

        note_tags(feature)
        titles: dict[str, int] = {}

        def note_title(scenario: dict, path: Path = path, titles: dict[str, int] = titles) -> None:
            # pytest-bdd keys a file's scenarios by title: a repeated title silently runs only one of them.
            line, name = scenario["location"]["line"], scenario["name"]
            if name in titles:
                problems.append(
                    _problem(
                        str(path),
                        (line, scenario["location"]["column"], ""),
                        T(
                            f"tên kịch bản đã dùng ở dòng {titles[name]} (chỉ một trong hai được chạy): {name}",
                            f"scenario title also used at line {titles[name]} (pytest-bdd would run only one "
                            f"of them): {name}",
                        ),
                    )
                )
            titles.setdefault(name, line)

        child: Any
        for child in feature.get("children", []):
            if "scenario" in child:
                note_tags(child["scenario"])
                note_title(child["scenario"])
            rule = child.get("rule")
            if not rule:
                continue
            block = RuleBlock(
                path, rule["location"]["line"], rule["location"]["column"], note_tags(rule), rule.get("description", "")
            )
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
                        # any accepted word of an outcome (docs/rulebook.md §1; the former words too)
                        block.outcomes.setdefault(m["rule"], set()).add(_STATUS_CODES.get(m["status"], m["status"]))
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
    required: dict[str, tuple[str, ...]] = {"compliant": ("compliant",)}
    required["violation"] = ("pending",) if rule.get("due") == "none" else ("violation",)
    sections = set(rule.get("needs") or []) - ({"qms"} if binds.get("applying_qms") else set())
    if binds.get("portfolio"):
        required["unknown"] = ("unknown", DENOMINATOR_TAG)
    elif sections:
        required["unknown"] = ("unknown",)
    else:
        required["unknown"] = ("not_applicable",)
    return required


def _codes() -> tuple[dict[str, str], dict[str, str]]:
    from engine.steps.common import STATUS_WORDS, STATUSES

    return dict(STATUSES), dict(STATUS_WORDS)


_STATUS_CODES, _STATUS_WORDS = _codes()

_CASE = {
    "compliant": ("trường hợp đạt", "compliant case"),
    "violation": ("trường hợp không đạt", "violation case"),
    "unknown": ("trường hợp thiếu dữ liệu", "missing-facts case"),
}


# ---------------------------------------------------------------- the checks


def check_quotes(pack: Pack, files: list[RulesText]) -> list[Problem]:
    problems = []
    folded_sources: dict[str, str] = {}
    for f in files:
        doc = f.data.get("document") or {}
        for clause in f.clauses():
            cid = clause.get("id")
            source = clause.get("source_file") or doc.get("source_file")
            if not source:
                problems.append(
                    _problem(
                        str(f.path),
                        f.at(clause),
                        T(
                            f"điều khoản {cid} không có source_file (văn bản của nó cũng không có)",
                            f"clause {cid} has no source_file (nor has its document)",
                        ),
                    )
                )
                continue
            path = pack.sources_dir / source
            if not path.is_file():
                problems.append(
                    _problem(
                        str(f.path),
                        f.at(clause, "source_file"),
                        T(
                            f"điều khoản {cid}: không có tệp nguồn {path}",
                            f"clause {cid}: source file {path} does not exist",
                        ),
                    )
                )
                continue
            if source not in folded_sources:
                folded_sources[source] = fold(path.read_text(encoding="utf-8"))
            quote = str(clause.get("quote") or "")
            if not fold(quote) or fold(quote) not in folded_sources[source]:
                problems.append(
                    _problem(
                        str(f.path),
                        f.at(clause, "quote"),
                        T(
                            f"trích dẫn của điều khoản {cid} không đúng nguyên văn {path.name}: “{quote[:80]}…”",
                            f"the quote of clause {cid} is not verbatim in {path.name}: “{quote[:80]}…”",
                        ),
                    )
                )
    return problems


def check_ids_and_dates(files: list[RulesText], elsewhere: dict[str, str]) -> list[Problem]:
    """Rule, clause and document ids once each, here and in `elsewhere` (id -> where it is defined)."""
    from engine.facts import parse_date

    problems: list[Problem] = []
    seen = dict(elsewhere)
    for f in files:
        doc = f.data.get("document") or {}
        named: list[tuple[str, Any, Any, str]] = [("document", doc.get("id"), doc if doc else None, "id")]
        named += [("clause", c.get("id"), c, "id") for c in f.clauses()]
        named += [("rule", r.get("id"), r, "id") for r in f.rules()]
        for kind, ident, node, key in named:
            if ident is None:
                continue
            mark = f"{kind}:{ident}"
            here = f"{f.path}:{f.line(node, key)}"
            if mark in seen:
                kind_vi = {"document": "văn bản", "clause": "điều khoản", "rule": "quy tắc"}[kind]
                problems.append(
                    _problem(
                        str(f.path),
                        f.at(node, key),
                        T(
                            f"mã {kind_vi} {ident} đã có ở {seen[mark]}",
                            f"{kind} id {ident} is also defined at {seen[mark]}",
                        ),
                    )
                )
            else:
                seen[mark] = here
        for rule in f.rules():
            given = rule.get("parameters")
            params: dict = given if isinstance(given, dict) else {}

            def value(key: str, rule: _Map = rule, params: dict = params) -> Any:
                """The date as the engine applies it: a `$name` is the rule's parameter."""
                v = rule.get(key)
                return params.get(v[1:]) if isinstance(v, str) and v.startswith("$") else v

            rid, start, end = rule.get("id"), value("valid_from"), value("valid_to")
            try:
                if start and end and parse_date(start) > parse_date(end):
                    problems.append(
                        _problem(
                            str(f.path),
                            f.at(rule, "valid_to"),
                            T(
                                f"quy tắc {rid}: valid_from {start} sau valid_to {end}",
                                f"rule {rid}: valid_from {start} is after valid_to {end}",
                            ),
                        )
                    )
            except ValueError as exc:
                problems.append(_problem(str(f.path), f.at(rule), T(f"quy tắc {rid}: {exc}", f"rule {rid}: {exc}")))
    return problems


def check_features(pack: Pack, files: list[RulesText], known_rules: Iterable[str]) -> list[Problem]:
    """Every rule of the pack with its `Quy tắc` and the scenarios it needs; `known_rules`: the ids a
    tag may also name (the built-in rulebook's and the other packs')."""
    if not pack.features_dir.is_dir():
        return [
            _problem(
                str(pack.features_dir),
                None,
                T(
                    "không có thư mục features/: mỗi quy tắc cần các kịch bản của nó",
                    "no features/ folder: every rule needs its scenarios",
                ),
            )
        ]
    blocks, tags, problems = read_features(pack.features_dir)
    clauses = {c.get("id"): c for f in files for c in f.clauses()}
    rules = {r.get("id"): (f, r) for f in files for r in f.rules()}
    known = set(rules) | set(known_rules)
    for tag in tags:
        name = tag.name.lstrip("@")
        if RULE_ID.match(name) and name not in known:
            problems.append(
                _problem(
                    str(tag.path),
                    (tag.line, tag.column, ""),
                    T(f"thẻ @{name} không ứng với quy tắc nào", f"tag @{name} names no rule"),
                )
            )
    for rid, (f, rule) in sorted(rules.items()):
        expected_file = pack.features_dir / f"{f.stem}.feature"
        mine = [b for b in blocks if f"@{rid}" in b.tags]
        line = f.at(rule, "id")
        if not mine:
            problems.append(
                _problem(
                    str(f.path),
                    line,
                    T(
                        f"quy tắc {rid} chưa có khối `Quy tắc` gắn thẻ @{rid} (trong {expected_file})",
                        f"rule {rid} has no `Quy tắc` tagged @{rid} (expected in {expected_file})",
                    ),
                )
            )
            continue
        if len(mine) > 1:
            places = ", ".join(f"{b.path}:{b.line}" for b in mine)
            problems.append(
                _problem(
                    str(f.path),
                    line,
                    T(
                        f"quy tắc {rid} có {len(mine)} khối `Quy tắc`: {places}",
                        f"rule {rid} has {len(mine)} `Quy tắc` blocks: {places}",
                    ),
                )
            )
        for block in mine:
            if block.path != expected_file:
                problems.append(
                    _problem(
                        str(block.path),
                        (block.line, block.column, ""),
                        T(
                            f"khối `Quy tắc` của {rid} phải ở {expected_file} (tệp quy tắc của nó là {f.path.name})",
                            f"the `Quy tắc` of {rid} belongs in {expected_file} (its rules file is {f.path.name})",
                        ),
                    )
                )
            quotes = [fold(str(clauses[c].get("quote") or "")) for c in rule.get("sources") or [] if c in clauses]
            if quotes and not any(q and q in fold(block.description) for q in quotes):
                cited = ", ".join(rule.get("sources") or [])
                problems.append(
                    _problem(
                        str(block.path),
                        (block.line, block.column, ""),
                        T(
                            f"phần mô tả của `Quy tắc` {rid} không trích nguyên văn điều khoản nào của nó ({cited})",
                            f"the description of `Quy tắc` {rid} quotes none of its clauses ({cited}) verbatim",
                        ),
                    )
                )
            shown = block.outcomes.get(str(rid), set()) | block.scenario_tags
            for what, accepted in required_outcomes(rule).items():
                if not shown & set(accepted):
                    expected = " hoặc ".join(f'"{_STATUS_WORDS.get(a, a)}"' for a in accepted)
                    expected_en = " or ".join(f'"{_STATUS_WORDS.get(a, a)}"' for a in accepted)
                    vi, en = _CASE[what]
                    problems.append(
                        _problem(
                            str(block.path),
                            (block.line, block.column, ""),
                            T(
                                f"`Quy tắc` {rid} chưa có kịch bản nào mong đợi {expected} ({vi})",
                                f"`Quy tắc` {rid} has no scenario expecting {expected_en} (its {en})",
                            ),
                        )
                    )
    return problems


def check_register(pack: Pack, others: list[Pack]) -> list[Problem]:
    """The register checks of engine/register.py on the pack's register, read together with the
    built-in register and the other packs' (a pack's rules may cite national clauses)."""
    from engine.register import Register, check, load_register
    from engine.rulebook import RulesChoice, load_choice

    if not pack.register_dir.is_dir():
        return [
            _problem(
                str(pack.register_dir),
                None,
                T(
                    "không có thư mục register/: mỗi điều khoản của văn bản nguồn cần một trạng thái",
                    "no register/ folder: every clause of the source documents needs a status",
                ),
            )
        ]
    packs = [p for p in [pack, *others] if not p.builtin]
    try:
        rulebook = load_choice(RulesChoice.of([p.root for p in packs]))
        files = list(load_register(pack.register_dir).files)
        for other in [builtin_pack(), *others]:
            if other != pack and other.register_dir.is_dir():
                files += load_register(other.register_dir).files
    except InputError as error:
        return list(error.problems)
    health = check(Register(files), rulebook)
    root = pack.root.resolve()
    return [p for p in health.problems if pack.builtin or _inside(p.file, root)]


def _inside(file: str, root: Path) -> bool:
    try:
        return Path(file).resolve().is_relative_to(root)
    except (OSError, ValueError):
        return False


def check_pack(pack: Pack, others: list[Pack] | None = None) -> list[Problem]:
    """Every problem of `pack`, read with the built-in rulebook and the `others` packs applied with it."""
    from engine.rulebook import RulesChoice, load_choice

    others = [p for p in (others or []) if p != pack]
    files, problems = read_rules(pack)
    elsewhere: dict[str, str] = {}
    for other in [builtin_pack(), *others]:
        if other == pack:
            continue
        other_files, _ = read_rules(other)
        for f in other_files:
            doc: Any = f.data.get("document") or {}
            if doc.get("id") is not None:
                elsewhere.setdefault(f"document:{doc.get('id')}", f"{f.path}:{f.line(doc, 'id')}")
            for c in f.clauses():
                elsewhere.setdefault(f"clause:{c.get('id')}", f"{f.path}:{f.line(c, 'id')}")
            for r in f.rules():
                elsewhere.setdefault(f"rule:{r.get('id')}", f"{f.path}:{f.line(r, 'id')}")
    ids = check_ids_and_dates(files, elsewhere)
    problems += ids + check_quotes(pack, files)
    known = [k.split(":", 1)[1] for k in elsewhere if k.startswith("rule:")]
    problems += check_features(pack, files, known)
    # The rules as the engine loads them (schema, operators and their parameters, cited clauses), then
    # the register against them; a repeated id is already reported above, with its line.
    if not ids and not any(p.file == str(f) for f in pack.rules_files() for p in problems if p.line is None):
        try:
            load_choice(RulesChoice.of([p.root for p in [pack, *others] if not p.builtin]))
        except InputError as error:
            problems += list(error.problems)
        else:
            problems += check_register(pack, others)
    return sorted(dict.fromkeys(problems), key=Problem.sort_key)
