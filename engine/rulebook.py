"""Rule files (`rules/*.yaml`, one per source document) as strictly validated data.

A rule file never executes anything: it names operators from a fixed vocabulary (`engine.operators`)
and gives them parameters. Everything here is validated as strictly as a facts file, so a typo in
a rule file is an error naming the file, line and field.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator

from engine.errors import InputError, Problem, load_all
from engine.facts import Date, Level
from engine.forksafe import ForkSafeLock
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
    parameters: dict[str, Any] = Field(default_factory=dict)  # the numbers a reviewer checks, as shown

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
        problems: list[Problem] = []
        for f in self.files:
            for c in f.clauses:
                if c.id in self.clauses:
                    problems.append(Problem(f.path, None, None, "clauses", f"clause id {c.id} is defined twice"))
                self.clauses[c.id] = (c, f.document)
            for r in f.rules:
                if r.id in self.rules:
                    problems.append(
                        Problem(
                            f.path,
                            None,
                            None,
                            "rules",
                            f"rule id {r.id} is also defined in {self.rule_file[r.id].path}",
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
                                f"clause {cid} is not defined in any rules file",
                            )
                        )
                problems.extend(operators.check_rule(r, f.path))
            for s in f.restatements:
                if s.rule not in self.rules:
                    problems.append(Problem(f.path, None, None, "restatements", f"unknown rule {s.rule}"))
                if s.clause not in self.clauses:
                    problems.append(Problem(f.path, None, None, "restatements", f"unknown clause {s.clause}"))
        if problems:
            raise InputError(problems)
        self.restatements: dict[str, list[Restatement]] = {}
        for f in self.files:
            for s in f.restatements:
                self.restatements.setdefault(s.rule, []).append(s)

    @functools.cached_property
    def identity(self) -> str:
        """`sha256:…` over every rules file's name and text: the same rules give the same identity in a
        checkout and in an installed package, and any change to any rule changes it."""
        listing = "".join(
            f"{Path(f.path).name}\t{f.digest}\n" for f in sorted(self.files, key=lambda f: Path(f.path).name)
        )
        return "sha256:" + hashlib.sha256(listing.encode("utf-8")).hexdigest()

    def source_text(self, clause_id: str) -> dict[str, str]:
        clause, doc = self.clauses[clause_id]
        return {"document": clause.document or doc.number, "clause": clause.clause, "quote": clause.quote}

    def agency_rules(self) -> list[Rule]:
        return [r for rid, r in sorted(self.rules.items()) if not r.binds.portfolio]

    def portfolio_rules(self) -> list[Rule]:
        return [r for rid, r in sorted(self.rules.items()) if r.binds.portfolio]


def load_rules_file(path: Path) -> RulesFile:
    from engine.yamlio import DEFAULT_MAX_BYTES, parse_yaml, read_text, validate

    # The users' input limit (QMS_MAX_INPUT_BYTES) is for facts files, not for the engine's own rules.
    text = read_text(path, max_bytes=DEFAULT_MAX_BYTES)
    rf = validate(RulesFile, parse_yaml(text, file=str(path)), file=str(path), text=text)
    return rf.model_copy(update={"path": str(path), "digest": hashlib.sha256(text.encode("utf-8")).hexdigest()})


def load_rulebook(folder: Path | str | None = None) -> Rulebook:
    return Rulebook(load_all(Path(folder) if folder else RULES_DIR, "rules", load_rules_file))


_lock = ForkSafeLock()


@functools.lru_cache(maxsize=8)
def _cached(folder: str) -> Rulebook:
    return load_rulebook(folder)


def default_rulebook(folder: Path | str | None = None) -> Rulebook:
    """The rulebook of `rules/` (or another folder), loaded once per process."""
    with _lock:
        return _cached(str(Path(folder).resolve() if folder else RULES_DIR))


def as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


SHAPES = Literal["deadline", "open", "standing"]
