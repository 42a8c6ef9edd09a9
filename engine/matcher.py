"""durable-rules decides: obligations, the facts that discharge them and the date of evaluation go in;
one verdict per obligation comes out of the rules' actions.

How the facts are shaped, and why (each point is a trap of durable-rules 2.0.28, with a test):
- **One comparison per join, on a property only that kind of fact carries.** Its C core reads out of
  bounds when a join comparison is conjoined with another test (`(m.t == "x") & (m.d >= c.k.d)`).
  So the kind of a fact *is* its property name: an obligation of rule R due on day N is `{due_R: N}`,
  the fact discharging it `{done_R: D}`, the date of evaluation `{asof: A}`; every join is a single
  comparison such as `done_R <= o.due_R`. Comparing two properties of one fact (`m.done <= m.due`)
  silently compares garbage in this engine, so it is never generated.
- **Slots.** A join cannot also match obligation keys (that would be a second comparison), so a
  state holds at most one obligation per rule: the k-th obligation of every rule of a rules file goes
  to that evaluation's state k. Few states per agency keep the per-state cost low.
- **Order.** `none(...)` fires when the obligation arrives and is not taken back if a discharging fact
  comes later; so discharging facts and the clock are asserted first and obligations last, in one
  `assert_facts` call per state. The order of the agency's own records never reaches the engine.
- **Identical facts** raise `MessageObservedException`: facts in a state are distinct by construction
  (one obligation per rule per state, one discharge per obligation, one clock).
- **Unhandled facts** raise, and `delete_state` on a state whose facts were unhandled crashes; every
  fact generated here matches a rule (the clock is only sent to states holding a deadline), and a
  state that nonetheless reports an unhandled fact is never deleted: it is leaked and reported.
- **Process-global rulesets.** A ruleset is registered once per process under a name derived from
  its content; calls into the C core are serialised by one lock, so the API is safe from several threads.
- **One state at a time, reused.** Each state is asserted, drained and then emptied (its facts
  retracted, obligations first, so nothing can fire) before the next: the C core's cost per call grows
  with the number of live states, and creating a state costs about three times reusing an empty one
  (more for a larger ruleset). An emptied state goes back to the matcher's pool; one whose retraction
  is refused is left alone, like one whose facts were refused.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import json
import re
import threading
from dataclasses import dataclass

import durable_rules_engine as _dre

from engine.operators import Obligation

# Verdict kinds as the rule names end (`QD19-LEGAL-UPDATE|late`) and the status each one means.
VERDICTS = {
    "compliant": "compliant",
    "late": "violation",
    "overdue": "violation",
    "pending": "pending",
    "done": "compliant",
    "open": "pending",
    "held": "compliant",
    "missing": "violation",
    "upheld": "compliant",
    "expired": "violation",
    "awaiting": "pending",
    "not_applicable": "not_applicable",
    "unknown": "unknown",
}

_LOCK = threading.RLock()
_REGISTERED: dict[str, int] = {}
_EVALUATIONS = itertools.count(1)


class EngineError(RuntimeError):
    """durable-rules did something the design rules out: a bug, never bad input."""


@functools.cache  # a few dozen rule ids, asked for every obligation
def prop(rule_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "_", rule_id)


SHAPES = frozenset({"deadline", "open", "standing", "standing_due"})


def compile_rules(rule_ids: list[str], shapes: dict[str, frozenset[str]] | None = None) -> dict:
    """The durable-rules JSON ruleset for some rules: for each rule id, the single-condition-shaped rules
    of the obligation shapes it can produce (`shapes`; all of them when not given), and its
    not_applicable and unknown rules."""
    ruleset: dict[str, dict] = {}
    for rid in rule_ids:
        can = (shapes or {}).get(rid, SHAPES)
        p = prop(rid)
        due, done, opened, standing = f"due_{p}", f"done_{p}", f"open_{p}", f"stand_{p}"
        until = f"sdue_{p}"  # a standing duty pending until a due date (rulebook v1.1 QD19-ADOPT)
        no_discharge = {"n$not": {"$ex": {done: 1}}}
        if "deadline" in can:
            ruleset[f"{rid}|compliant"] = {"all": [{"o": {"$ex": {due: 1}}}, {"d": {"$lte": {done: {"o": due}}}}]}
            ruleset[f"{rid}|late"] = {"all": [{"o": {"$ex": {due: 1}}}, {"d": {"$gt": {done: {"o": due}}}}]}
            ruleset[f"{rid}|overdue"] = {
                "all": [{"o": {"$ex": {due: 1}}}, {"k": {"$gt": {"asof": {"o": due}}}}, no_discharge]
            }
            ruleset[f"{rid}|pending"] = {
                "all": [{"o": {"$ex": {due: 1}}}, {"k": {"$lte": {"asof": {"o": due}}}}, no_discharge]
            }
        if "open" in can:
            ruleset[f"{rid}|done"] = {"all": [{"o": {"$ex": {opened: 1}}}, {"d": {"$ex": {done: 1}}}]}
            ruleset[f"{rid}|open"] = {"all": [{"o": {"$ex": {opened: 1}}}, no_discharge]}
        if "standing" in can:
            ruleset[f"{rid}|held"] = {"all": [{"o": {"$ex": {standing: 1}}}, {"d": {"$ex": {done: 1}}}]}
            ruleset[f"{rid}|missing"] = {"all": [{"o": {"$ex": {standing: 1}}}, no_discharge]}
        if "standing_due" in can:
            ruleset[f"{rid}|upheld"] = {"all": [{"o": {"$ex": {until: 1}}}, {"d": {"$ex": {done: 1}}}]}
            ruleset[f"{rid}|expired"] = {
                "all": [{"o": {"$ex": {until: 1}}}, {"k": {"$gt": {"asof": {"o": until}}}}, no_discharge]
            }
            ruleset[f"{rid}|awaiting"] = {
                "all": [{"o": {"$ex": {until: 1}}}, {"k": {"$lte": {"asof": {"o": until}}}}, no_discharge]
            }
        ruleset[f"{rid}|not_applicable"] = {"all": [{"x": {"$ex": {f"na_{p}": 1}}}]}
        ruleset[f"{rid}|unknown"] = {"all": [{"x": {"$ex": {f"unk_{p}": 1}}}]}
    return ruleset


def _handle(ruleset: dict) -> int:
    text = json.dumps(ruleset, sort_keys=True)
    name = "qms_" + hashlib.sha256(text.encode()).hexdigest()[:16]
    with _LOCK:
        if name not in _REGISTERED:
            _REGISTERED[name] = _dre.create_ruleset(name, text)
        return _REGISTERED[name]


_RULE_NAME = re.compile(r'"([^"|]+\|[a-z_]+)":')


def _fired(message: str) -> list[str]:
    """The rule names (keys) of an action message, `{"R|kind": {…facts…}, …}`, without decoding the
    facts: rule names are the only keys holding '|' (facts' keys and values never do)."""
    return _RULE_NAME.findall(message)


def _dumps(sid: str, pairs: list[tuple[str, int]]) -> str:
    """json.dumps([{"sid": sid, property: value}, …]), the same text written directly: sids and
    property names are made here of letters, digits, '_' and ':', and values are whole numbers."""
    return "[" + ", ".join(f'{{"sid": "{sid}", "{key}": {value}}}' for key, value in pairs) + "]"


@dataclass(frozen=True)
class Item:
    """One thing to decide: an obligation, or a rule that does not apply / cannot be decided."""

    rule_id: str
    kind: str  # "obligation" | "not_applicable" | "unknown"
    obligation: Obligation | None = None


class Matcher:
    """A compiled ruleset for a fixed set of rule ids; `decide` is safe to call from many threads."""

    def __init__(self, rule_ids: list[str], shapes: dict[str, frozenset[str]] | None = None):
        self.rule_ids = sorted(rule_ids)
        self.shapes = shapes
        self.ruleset = compile_rules(self.rule_ids, shapes)
        self.handle = _handle(self.ruleset)
        self._free: list[str] = []  # ids of emptied states, reused (under _LOCK)

    def decide(self, items: list[Item], as_of: dt.date) -> list[str]:
        """The verdict kind (a key of VERDICTS) for each item, in order, on the date `as_of`."""
        if not items:
            return []
        evaluation = next(_EVALUATIONS)
        slots: list[list[tuple[int, Item]]] = []
        per_rule: dict[str, int] = {}
        for index, item in enumerate(items):
            k = per_rule.get(item.rule_id, 0)
            per_rule[item.rule_id] = k + 1
            if k == len(slots):
                slots.append([])
            slots[k].append((index, item))
        batches: list[tuple[list[tuple[str, int]], int]] = []  # (facts as (property, value), obligations)
        for slot in slots:
            first, clock, last = [], [], []
            for _index, item in slot:
                p = prop(item.rule_id)
                if item.kind != "obligation":
                    first.append((f"{'na' if item.kind == 'not_applicable' else 'unk'}_{p}", 1))
                    continue
                ob = item.obligation
                if ob is None:
                    raise EngineError(f"an obligation item of {item.rule_id} carries no obligation")
                if self.shapes is not None and ob.shape not in self.shapes.get(item.rule_id, SHAPES):
                    # its verdict rules were not compiled: the fact would be unhandled (see the module doc)
                    raise EngineError(f"{item.rule_id}: a '{ob.shape}' obligation its due operator does not declare")
                if ob.done is not None:
                    first.append((f"done_{p}", ob.done.date.toordinal()))
                if ob.shape == "deadline":
                    if ob.due is None:
                        raise EngineError(f"an obligation of {item.rule_id} with a deadline has no due date")
                    clock = [("asof", as_of.toordinal())]
                    last.append((f"due_{p}", ob.due.toordinal()))
                elif ob.shape == "standing_due":
                    # No due date: pending for ever, so a day no as_of reaches.
                    clock = [("asof", as_of.toordinal())]
                    last.append((f"sdue_{p}", (ob.due or dt.date.max).toordinal()))
                else:
                    last.append((f"{'open' if ob.shape == 'open' else 'stand'}_{p}", 1))
            batches.append((first + clock + last, len(last)))
        verdicts: list[str | None] = [None] * len(items)
        with _LOCK:
            for k, (pairs, obligations) in enumerate(batches):
                sid = self._free.pop() if self._free else f"{evaluation}:{k}"
                owner = {(sid, item.rule_id): index for index, item in slots[k]}
                after = "delete"
                try:
                    code, _ = _dre.assert_facts(self.handle, _dumps(sid, pairs))
                    if code not in (0, 3):
                        after = "leak"  # delete_state on a state with unhandled facts crashes the C core
                        raise EngineError(f"durable-rules refused facts of state {sid} (code {code}): {pairs}")
                    self._drain(owner, verdicts, sid)
                    after = self._empty(sid, pairs, obligations)
                finally:
                    if after == "reuse":
                        self._free.append(sid)
                    elif after == "delete":
                        _dre.delete_state(self.handle, sid)
        decided = [v for v in verdicts if v is not None]
        if len(decided) < len(items):
            missing = [items[i].rule_id for i, v in enumerate(verdicts) if v is None]
            raise EngineError(f"no verdict from durable-rules for {missing}")
        return decided

    def _empty(self, sid: str, pairs: list[tuple[str, int]], obligations: int) -> str:
        """Retract a decided state's facts, obligations first (no rule can fire without its
        obligation, so nothing fires on the way): "reuse" when the state is empty and quiet again
        (reusing a state costs the C core about a third of creating one, and the cost of creating
        grows with the number of rules of the ruleset), "leak" if the retraction was refused."""
        n = len(pairs)
        clock = [f for f in pairs if f[0] == "asof"]
        order = pairs[n - obligations :] + [f for f in pairs[: n - obligations] if f[0] != "asof"] + clock
        code, _ = _dre.retract_facts(self.handle, _dumps(sid, order))
        fired = _dre.start_action(self.handle)
        if fired:
            _, message, action = fired
            while message:
                message = _dre.complete_and_start_action(self.handle, action)
            raise EngineError(f"retracting the facts of state {sid} fired a rule: {order}")
        return "reuse" if code == 0 else "leak"

    def _drain(self, owner: dict, verdicts: list, sid: str) -> None:
        """Record the verdicts of the one live state, `sid`."""
        result = _dre.start_action(self.handle)
        while result:
            state, message, action = result
            if f'"{sid}"' not in state:
                raise EngineError(f"an action of another state than {sid}: {state}")
            while message:
                for rule_name in _fired(message):
                    rule_id, kind = rule_name.rsplit("|", 1)
                    index = owner[(sid, rule_id)]
                    if verdicts[index] is not None:
                        raise EngineError(f"two verdicts for {rule_id} in {sid}: {verdicts[index]}, {kind}")
                    verdicts[index] = kind
                message = _dre.complete_and_start_action(self.handle, action)
            result = _dre.start_action(self.handle)
