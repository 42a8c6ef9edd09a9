"""Rule files (`rules/*.yaml`, one per source document) as strictly validated data.

A rule file never executes anything: it names operators from a fixed vocabulary (`engine.operators`)
and gives them parameters. Everything here is validated as strictly as a facts file, so a typo in
a rule file is an error naming the file, line and field.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from engine import operators
from engine.errors import InputError, Problem, load_all
from engine.facts import Date, Level
from engine.forksafe import ForkSafeLock
from engine.lang import T
from engine.lang import Text as Message
from engine.resources import RULES_DIR
from engine.strict import Strict

SOURCES_DIR = RULES_DIR / "sources"

RuleId = Annotated[str, Field(pattern=r"^[A-Z0-9]+(-[A-Z0-9]+)+$")]
ClauseId = Annotated[str, Field(pattern=r"^[A-Z0-9]+/[A-Za-z0-9.\-]+$")]


class Text(Strict):
    """Words a person reads, in Vietnamese (the law's language) and English."""

    vi: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


class DocumentHeader(Strict):
    id: Annotated[str, Field(pattern=r"^[A-Z0-9]+$")]
    number: str
    title: str
    issuer: str
    signed: Date | None = None
    in_force: Date | None = None
    source_file: str | None = None  # in rules/sources/; None for documents known only by citation
    note: str | None = None


class Clause(Strict):
    id: ClauseId
    clause: str  # as a lawyer cites it: "Điều 4 khoản 4 điểm a"
    quote: Annotated[str, Field(min_length=1)]
    source_file: str | None = None  # defaults to the document's own source file
    document: str | None = None  # defaults to the document's number


class Binds(Strict):
    """Who a rule binds. Every given condition must hold (and)."""

    levels: list[Level] | None = None
    applying_qms: bool = False  # only agencies with a declaration dated on or before as_of
    province: str | None = None
    district: str | None = None  # with level department: the district's own units (phòng thuộc UBND huyện)
    programs: list[str] | None = None
    names: list[str] | None = None  # the agency's name, compared after normalisation
    portfolio: bool = False  # evaluated over a portfolio, not per agency

    @field_validator("province")
    @classmethod
    def _known_province(cls, province: str | None) -> str | None:
        from engine.places import check_province  # a typo here would bind nobody, silently

        return check_province(province)

    @field_validator("district")
    @classmethod
    def _known_district(cls, district: str | None, info: ValidationInfo) -> str | None:
        from engine.places import check_district

        if district is None or "province" not in info.data:
            return district  # the province's own error is reported instead
        return check_district(district, info.data["province"])


Operator = str | dict[str, Any]


class Rule(Strict):
    id: RuleId
    title: Text
    sources: Annotated[list[ClauseId], Field(min_length=1)]
    binds: Binds
    valid_from: Date | None = None
    valid_to: Date | None = None
    per: Operator  # what one obligation is about (subject generator)
    due: Operator  # how its due date is computed
    discharged_by: Operator  # which fact discharges it
    needs: list[str] = Field(default_factory=list)  # facts sections the rule cannot decide without
    duty: Text  # the obligation in a few words, for messages
    interpretation: Text
    not_formalised: Text | None = None
    # The values a reviewer checks, shown on the rule card; the operators, binds and validity apply them
    # by name (`$months`), so each is written once and every one shown is applied (checked on loading).
    parameters: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _dates_ordered(self):
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            raise ValueError(f"valid_from {self.valid_from} is after valid_to {self.valid_to}")
        return self


class Restatement(Strict):
    """A local clause that restates a national rule for its area: an extra source on its findings."""

    rule: RuleId
    clause: ClauseId
    binds: Binds
    valid_from: Date | None = None
    valid_to: Date | None = None


class RulesFile(Strict):
    document: DocumentHeader
    clauses: list[Clause] = Field(default_factory=list)
    rules: list[Rule] = Field(default_factory=list)
    restatements: list[Restatement] = Field(default_factory=list)

    path: str = Field(default="", exclude=True)
    digest: str = Field(default="", exclude=True)  # sha256 of the file's text, for the rulebook's identity
    pack: str = Field(default="", exclude=True)  # the rule pack's folder; "" for the rulebook's own files

    @field_validator("rules")
    @classmethod
    def _unique_rule_ids(cls, rules: list[Rule]) -> list[Rule]:
        seen: set[str] = set()
        for r in rules:
            if r.id in seen:
                raise ValueError(f"rule id {r.id} appears twice")
            seen.add(r.id)
        return rules


class Rulebook:
    """Every rules file of a folder, cross-checked: ids unique, cited clauses exist, operators known."""

    def __init__(self, files: list[RulesFile]):
        from engine import operators  # operators validate their parameters against the rule

        self.files = sorted(files, key=lambda f: f.document.id)
        self.clauses: dict[str, tuple[Clause, DocumentHeader]] = {}
        self.rules: dict[str, Rule] = {}
        self.rule_file: dict[str, RulesFile] = {}
        self.ops: dict[str, dict[str, operators.Compiled]] = {}
        problems: list[Problem] = []
        for f in self.files:
            for c in f.clauses:
                if c.id in self.clauses:
                    problems.append(
                        Problem(
                            f.path,
                            None,
                            None,
                            "clauses",
                            T(f"mã điều khoản {c.id} được định nghĩa hai lần", f"clause id {c.id} is defined twice"),
                        )
                    )
                self.clauses[c.id] = (c, f.document)
            for r in f.rules:
                if r.id in self.rules:
                    problems.append(
                        Problem(
                            f.path,
                            None,
                            None,
                            "rules",
                            T(
                                f"mã quy tắc {r.id} cũng đã được định nghĩa trong {self.rule_file[r.id].path}",
                                f"rule id {r.id} is also defined in {self.rule_file[r.id].path}",
                            ),
                        )
                    )
                self.rules[r.id] = r
                self.rule_file[r.id] = f
        for f in self.files:
            for r in f.rules:
                for cid in r.sources:
                    if cid not in self.clauses:
                        problems.append(
                            Problem(
                                f.path,
                                None,
                                None,
                                f"rules[{r.id}].sources",
                                T(
                                    f"điều khoản {cid} không được định nghĩa trong tệp quy tắc nào",
                                    f"clause {cid} is not defined in any rules file",
                                ),
                            )
                        )
                try:
                    self.ops[r.id] = {kind: operators.compile_op(kind, getattr(r, kind)) for kind in operators.KINDS}
                except (KeyError, ValueError, TypeError) as exc:  # a RulesFile not made by load_rules_file
                    problems.append(
                        Problem(
                            f.path,
                            None,
                            None,
                            f"rules[{r.id}]",
                            T(f"toán tử không hợp lệ: {exc}", f"invalid operator: {exc}"),
                        )
                    )
            for s in f.restatements:
                if s.rule not in self.rules:
                    problems.append(
                        Problem(
                            f.path,
                            None,
                            None,
                            "restatements",
                            T(f"không có quy tắc {s.rule}", f"unknown rule {s.rule}"),
                        )
                    )
                if s.clause not in self.clauses:
                    problems.append(
                        Problem(
                            f.path,
                            None,
                            None,
                            "restatements",
                            T(f"không có điều khoản {s.clause}", f"unknown clause {s.clause}"),
                        )
                    )
        if problems:
            raise InputError(problems)
        self.restatements: dict[str, list[Restatement]] = {}
        for f in self.files:
            for s in f.restatements:
                self.restatements.setdefault(s.rule, []).append(s)

    @functools.cached_property
    def identity(self) -> str:
        """`sha256:…` over every rules file's name and text, packs' files marked `+name`: the same rules
        give the same identity in a checkout, in an installed package and wherever a pack is kept, and
        any change to any rule of any pack applied changes it."""
        lines = sorted(f"{'+' if f.pack else ''}{Path(f.path).name}\t{f.digest}\n" for f in self.files)
        return "sha256:" + hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()

    def reads(self, rule_id: str) -> frozenset[str]:
        """The facts sections a rule looks at (its operators', and `qms` for agencies applying a QMS)."""
        out = set().union(*(op.reads() for op in self.ops[rule_id].values()))
        if self.rules[rule_id].binds.applying_qms:
            out.add("qms")
        return frozenset(out)

    def about_the_system(self, rule_id: str) -> bool:
        """Whether a rule reads any section of the QMS itself (rulebook v1.1 §3, a shared QMS): then an
        agency applying another agency's QMS is judged on that host's facts."""
        return bool(self.reads(rule_id) & operators.SYSTEM_SECTIONS)

    def source_text(self, clause_id: str) -> dict[str, str]:
        clause, doc = self.clauses[clause_id]
        return {"document": clause.document or doc.number, "clause": clause.clause, "quote": clause.quote}

    def agency_rules(self) -> list[Rule]:
        return [r for rid, r in sorted(self.rules.items()) if not r.binds.portfolio]

    def portfolio_rules(self) -> list[Rule]:
        return [r for rid, r in sorted(self.rules.items()) if r.binds.portfolio]


_REF = re.compile(r"^\$([a-z][a-z0-9_]*)$")
_APPLIES_PARAMETERS = ("per", "due", "discharged_by", "binds", "valid_from", "valid_to")


def apply_parameters(data: Any) -> tuple[Any, dict[tuple, tuple], list[tuple[tuple, Message]]]:
    """Put each rule's parameters where its operators, binds and validity name them (`$months`).

    Returns the data with the values in place, where each value was put (path of the use → path of
    the parameter, so that a bad value is reported where it is written) and the problems found: a
    name that is no parameter of the rule, and a parameter that nothing applies (a rule card must
    not show a value the engine does not use)."""
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        return data, {}, []
    refs: dict[tuple, tuple] = {}
    problems: list[tuple[tuple, Message]] = []
    rules = []
    for i, rule in enumerate(data["rules"]):
        params = rule.get("parameters") if isinstance(rule, dict) else None
        if not isinstance(rule, dict) or not isinstance(params if params is not None else {}, dict):
            rules.append(rule)  # the rule's model reports the shape
            continue
        params = params or {}
        used: set[str] = set()

        def put(value: Any, path: tuple, i: int = i, params: dict = params, used: set = used) -> Any:
            if isinstance(value, str) and (m := _REF.match(value)):
                name = m.group(1)
                if name not in params:
                    import difflib

                    close = difflib.get_close_matches(name, [str(k) for k in params], n=1)
                    hint = f"; did you mean '${close[0]}'?" if close else ""
                    known = ", ".join(f"${k}" for k in params) or "none"
                    problems.append(
                        (
                            path,
                            T(
                                f"'{value}' không phải tham số của quy tắc này"
                                + (f"; có phải là '${close[0]}' không?" if close else "")
                                + f" (các tham số: {known})",
                                f"'{value}' names no parameter of this rule{hint} (parameters: {known})",
                            ),
                        )
                    )
                    return value
                used.add(name)
                refs[path] = ("rules", i, "parameters", name)
                return params[name]
            if isinstance(value, dict):
                return {k: put(v, (*path, k)) for k, v in value.items()}
            if isinstance(value, list):
                return [put(v, (*path, j)) for j, v in enumerate(value)]
            return value

        placed = dict(rule)
        for key in _APPLIES_PARAMETERS:
            if key in rule:
                placed[key] = put(rule[key], ("rules", i, key))
        for name in params:
            if name not in used:
                problems.append(
                    (
                        ("rules", i, "parameters", name),
                        T(
                            f"tham số '{name}' không được toán tử, điều kiện ràng buộc hay ngày hiệu lực nào của quy "
                            f"tắc dùng đến: thẻ quy tắc chỉ nêu những giá trị công cụ áp dụng (dùng nó dưới dạng "
                            f"${name}, hoặc xóa nó)",
                            f"parameter '{name}' is applied by no operator, bind or date of the rule: a rule card "
                            f"shows only values the engine applies (use it as ${name}, or remove it)",
                        ),
                    )
                )
        rules.append(placed)
    return {**data, "rules": rules}, refs, problems


def load_rules_file(path: Path) -> RulesFile:
    """A rules file, validated as strictly as a facts file: its structure, every operator and its
    parameters (what each may name or hold), with file, line and field for every problem."""
    from engine.yamlio import DEFAULT_MAX_BYTES, RULES_FILE, Locator, parse_yaml, read_text, reading, validate

    # The users' input limit (QMS_MAX_INPUT_BYTES) is for facts files, not for the engine's own rules.
    file = str(path)
    with reading(RULES_FILE):
        text = read_text(path, max_bytes=DEFAULT_MAX_BYTES)
        raw = parse_yaml(text, file=file)
    data, refs, placing = apply_parameters(raw)
    where = Locator(file, text)
    problems = [where.problem(steps, message) for steps, message in placing]
    try:
        rf = validate(RulesFile, data, file=file, text=text)
    except InputError as e:
        rf = None
        problems.extend(e.problems)
    for i, rule in enumerate(data.get("rules") or [] if isinstance(data, dict) else []):
        if not isinstance(rule, dict):
            continue

        def check(model: type, params: dict, steps: tuple, i: int = i) -> Any:
            return validate(model, params, file=file, text=text, at=("rules", i, *steps))

        from engine import operators

        _, found = operators.check_operators(rule, check)
        for p in found:
            problems.append(p if isinstance(p, Problem) else where.problem(("rules", i, *p[0]), p[1]))
        for j, section in enumerate(rule.get("needs") or [] if isinstance(rule.get("needs"), list) else []):
            if section not in operators.SECTIONS:
                import difflib

                close = difflib.get_close_matches(str(section), sorted(operators.SECTIONS), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                known = ", ".join(sorted(operators.SECTIONS))
                problems.append(
                    where.problem(
                        ("rules", i, "needs", j),
                        T(
                            f"'{section}' không phải một mục của tệp dữ kiện cơ quan"
                            + (f"; có phải là '{close[0]}' không?" if close else "")
                            + f" (các mục: {known})",
                            f"'{section}' is not a section of the agency facts{hint} (sections: {known})",
                        ),
                    )
                )
    if problems:
        raise InputError([where.relocate(p, refs) for p in problems])
    assert rf is not None
    return rf.model_copy(update={"path": file, "digest": hashlib.sha256(text.encode("utf-8")).hexdigest()})


def load_rulebook(folder: Path | str | None = None) -> Rulebook:
    return Rulebook(load_all(Path(folder) if folder else RULES_DIR, "rules", load_rules_file))


@dataclass(frozen=True)
class RulesChoice:
    """Which rules an evaluation applies: the built-in rulebook (unless `builtin` is False) and the rules
    files of each rule pack (engine/packs), as one rulebook: ids unique across all of them."""

    packs: tuple[str, ...] = ()
    builtin: bool = True

    @classmethod
    def of(cls, packs: Sequence[Path | str] = (), builtin: bool = True) -> RulesChoice:
        return cls(tuple(str(Path(p).resolve()) for p in packs), builtin)


def load_choice(choice: RulesChoice) -> Rulebook:
    """The rulebook of a choice; every problem of every pack reported at once."""
    files: list[RulesFile] = list(load_all(RULES_DIR, "rules", load_rules_file)) if choice.builtin else []
    problems: list[Problem] = []
    for pack in choice.packs:
        if not Path(pack).is_dir():
            problems.append(Problem(pack, None, None, "--rules", T("không có thư mục này", "no such folder")))
            continue
        try:
            files += [f.model_copy(update={"pack": pack}) for f in load_all(Path(pack), "rules", load_rules_file)]
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    return Rulebook(files)


Rules = RulesChoice | Path | str | None
"""What callers pass to choose rules: None for the built-in rulebook, a RulesChoice, or (for tests and
older callers) one rules folder applied alone."""

_lock = ForkSafeLock()


@functools.lru_cache(maxsize=8)
def _cached(key: RulesChoice | str) -> Rulebook:
    return load_choice(key) if isinstance(key, RulesChoice) else load_rulebook(key)


def default_rulebook(rules: Rules = None) -> Rulebook:
    """The rulebook of `rules/` (or of a choice of rules, or of another folder), loaded once per process."""
    if isinstance(rules, RulesChoice):
        key: RulesChoice | str = RulesChoice.of(rules.packs, rules.builtin) if rules.packs else rules
        if key == RulesChoice():
            key = str(RULES_DIR)
    else:
        key = str(Path(rules).resolve() if rules else RULES_DIR)
    with _lock:
        return _cached(key)


def as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


SHAPES = Literal["deadline", "open", "standing"]
