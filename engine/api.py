"""The Python API for embedded checks (e.g. a provincial one-stop portal).

    from engine.api import evaluate
    result = evaluate("agency.yaml", as_of="2022-10-28")       # or a dict, or an AgencyFacts
    result.summary.violation, result.model_dump(mode="json")     # the same JSON as the CLI's

Safe to call many times and from several threads in one process.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from engine.errors import InputError, InvalidValue, Problem
from engine.evaluate import Evaluator
from engine.facts import AgencyFacts, parse_date
from engine.forksafe import ForkSafeLock
from engine.lang import LANGS, T
from engine.quoting import quote
from engine.result import AgencyResult
from engine.rulebook import Rules, RulesChoice, default_rulebook

_lock = ForkSafeLock()


@functools.lru_cache(maxsize=4)
def _evaluator(rules: RulesChoice | str | None) -> Evaluator:
    return Evaluator(default_rulebook(rules))


def evaluator(rules_dir: Rules = None, packs: Sequence[str | Path] = ()) -> Evaluator:
    """The evaluator of the built-in rulebook, with rule packs (folders, engine/packs) applied too;
    `rules_dir` may instead choose the rules (a RulesChoice, or one rules folder applied alone)."""
    rules: RulesChoice | str | None
    if packs:
        if rules_dir is not None:
            raise ValueError("give packs or rules_dir, not both")
        rules = RulesChoice.of(packs)
    elif isinstance(rules_dir, RulesChoice):
        rules = RulesChoice.of(rules_dir.packs, rules_dir.builtin) if rules_dir != RulesChoice() else None
    else:
        rules = str(rules_dir) if rules_dir else None
    with _lock:
        return _evaluator(rules)


def as_of_date(value: Any, *, name: str = "as_of") -> dt.date:
    """`as_of` as a date: a date, or text as YYYY-MM-DD / DD/MM/YYYY. None means today.
    `name` is how the caller calls it in messages (the CLI says `--as-of`)."""
    if value is None:
        return dt.date.today()
    try:
        return parse_date(value)
    except InvalidValue as exc:
        raise InputError([Problem("", None, None, name, exc.text)]) from None


def load_facts(source: str | Path | dict | AgencyFacts) -> AgencyFacts:
    from engine.yamlio import load_model, validate

    if isinstance(source, AgencyFacts):
        return source
    if isinstance(source, dict):
        return validate(AgencyFacts, source, file="<dict>")
    from engine.portfolio import is_workbook

    if is_workbook(str(source)):  # the spreadsheet form of the facts file
        from engine.xlsx.facts_reader import read_facts_workbook

        return read_facts_workbook(source)
    return load_model(Path(source), AgencyFacts)


def evaluate(
    source: str | Path | dict | AgencyFacts,
    as_of: Any = None,
    *,
    lang: str = "vi",
    rules_dir: Rules = None,
    packs: Sequence[str | Path] = (),
) -> AgencyResult:
    """Evaluate one agency against the built-in rulebook and the rule packs given (folders). Raises
    InputError (with every problem found) for bad input, a pack's problems included."""
    if lang not in LANGS:
        raise InputError(
            [
                Problem(
                    "<lang>",
                    None,
                    None,
                    "lang",
                    T(f"{quote(lang)} không phải là vi hoặc en", f"{quote(lang)} is not one of: vi, en"),
                )
            ]
        )
    try:
        facts = load_facts(source)
        day = as_of_date(as_of)
    except InputError as error:
        # Every problem carries both languages; str(error) speaks the caller's.
        raise error.in_language(lang) from None
    return evaluator(rules_dir, packs).evaluate(facts, day, lang=lang)
