"""durable-rules decides: obligations, the facts that discharge them and the date of evaluation go in;
one verdict per obligation comes out of the rules' actions.

**One ruleset, whatever the rulebook.** The ruleset compiled here does not depend on the rules: it has
`SLOTS` numbered slots, and a state of durable-rules holds at most one obligation per slot. An agency's
obligations (any number, of any number of rules) are decided `SLOTS` at a time, each batch in one
state. So the C core only ever sees one ruleset, of one size, whose shape the tests prove safe with
headroom (tests/test_durable_limits.py): a rulebook of a thousand rules changes how many batches an
agency needs, never what durable-rules is given to compile. The C core's limits, each reproduced there:

- one fact may activate at most 64 alpha nodes (a fixed stack): beyond, the assert fails half done and
  deleting the state then aborts the process (33 rule ids in a file did this in the old design of one
  ruleset per rules file: the clock fed two nodes per rule). Here the clock feeds 4 × SLOTS = 32;
- one alpha node has at most 511 distinct tests below it (a 512-bucket hash set probed without bound):
  with 512 the process spins forever (about 52 rule ids in the old design). Here: 16 × SLOTS = 128;
- one alpha node feeds at most 255 rules (a 256-entry list read up to its first zero): with 256 the
  list is read past its end, a 257th is written past it, a 258th is refused. Here: 2;
- at most 1,024 states per ruleset; every state is sized by the ruleset (about 8 KB per join node),
  which is why creating one is slow: states are emptied and reused, not created per agency;
- property names, fact ids and state names are told apart by 32-bit FNV-1a hashes, never by their
  text: two distinct facts of a state whose generated ids collide are refused as "already observed" (an
  ordinary agency file crashed the old design this way). Here every fact carries an explicit id, its
  position in the batch, checked collision-free below, like the property names; a new state's name is
  one whose hash no live state has.

How the facts are shaped, and why (each point is a trap of durable-rules 2.0.28, with a test):
- **Every rule fires on one fact, the obligation.** Retracting the facts of a rule that fired on two
  facts reads a freed action frame (valgrind: uninitialised reads in deleteMessageFromFrame), so the
  other facts a verdict depends on are only ever tested in `none(...)`: a discharged deadline due on
  day N in slot 3 is `{ddue_3: N}` with its discharge `{done_3: D}`: compliant when there is no
  `done_3 > N`, late when there is no `done_3 <= N`; an undischarged one is `{due_3: N}` with the date
  of evaluation `{asof: A}`: overdue when there is no `asof <= N`, pending when there is no `asof > N`.
  Open and standing obligations, and rules that do not apply or cannot be decided, are one fact each,
  named by what the operators found (`open_3`, `dopen_3` when discharged, `stand_3`, `dstand_3`, `na_3`,
  `unk_3`); a standing duty pending until a due date is `{sdue_3: N}` (expired, awaiting by the clock)
  or `dsdue_3` when discharged. Exactly one rule of a slot fires; two verdicts for one obligation are an
  error. A rule that does not apply or cannot be decided fires the same rule in any state, so a Matcher
  asserts the first of each kind and gives the others that verdict: for one agency, most rules of a
  national rulebook (other provinces' plans) are such items, and they no longer cost a state each.
- **One comparison per test, on a property only that kind of fact carries.** The C core reads out of
  bounds when a comparison with another fact is conjoined with another test (`(m.t == "x") &
  (m.d >= c.k.d)`): so the kind of a fact *is* its property name, and every test is a single comparison
  such as `done_3 > o.ddue_3`. Comparing two properties of one fact (`m.done <= m.due`) silently
  compares garbage in this engine, so it is never generated.
- **Order.** A rule with `none(...)` fires when its obligation arrives and is not taken back if the fact
  it tests arrives later; so discharges and the clock are asserted first and obligations last, in one
  `assert_facts` call per state. The order of the agency's own records never reaches the engine.
- **Identical facts** raise `MessageObservedException`: facts in a state are distinct by construction
  (one obligation per slot, one discharge per obligation, one clock, each with its own id).
- **Unhandled facts** raise, and `delete_state` on a state whose facts were unhandled crashes; every
  fact generated here matches a rule (the clock is only sent to states holding an undischarged
  deadline or standing duty), and a state that nonetheless reports an unhandled fact is never deleted: it is leaked
  and reported.
- **Process-global rulesets.** The ruleset is registered once per process; calls into the C core are
  serialised by one lock, so the API is safe from several threads.
- **One state at a time, reused.** Each state is asserted, drained and then emptied (its facts
  retracted, obligations first, so nothing can fire) before the next: the C core's cost per call grows
  with the number of live states, and creating a state costs more than ten times reusing an empty one.
  An emptied state goes back to the pool; one whose retraction is refused is left alone, like one whose
  facts were refused.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass, field

import durable_rules_engine as _dre

from engine.forksafe import ForkSafeLock
from engine.operators import Obligation

# Verdict kinds as the rule names end (`s3|late`) and the status each one means.
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

SLOTS = 8
"""Obligations per durable-rules state. The clock feeds 4 × SLOTS alpha nodes (the C core's stack holds
64) and the root has 16 × SLOTS tests (its hash set 511): half and a quarter of the limits. Fewer
slots cost more calls per agency, more slots make every fact's lookup slower (the root's tests share
32 start buckets, so a lookup walks them all); bench/bench_rulebook.py --slots measures both."""

# The C core's fixed sizes (durable-rules 2.0.28, src/rules), each reproduced in tests/test_durable_limits.py.
ALPHA_STACK = 64  # events.c MAX_STACK_SIZE: alpha nodes one fact may activate
NEXT_HASHSET = 512  # rules.h NEXT_BUCKET_LENGTH: tests below one alpha node (511 usable)
BETA_LIST = 256  # rules.h BETA_LIST_LENGTH: rules one alpha node may feed (255 usable)
STATES = 1024  # rete.h MAX_STATE_INDEX_LENGTH: live states of one ruleset

_LOCK = ForkSafeLock(reentrant=True)
_REGISTERED: dict[str, int] = {}


@dataclass
class _Pool:
    """The states of one registered ruleset (under _LOCK): a process may hold several Matchers of it."""

    free: list[str] = field(default_factory=list)  # names of emptied states, reused
    live: set[int] = field(default_factory=set)  # 32-bit hashes of the names of states not deleted
    created: int = 0


_POOLS: dict[int, _Pool] = {}


class EngineError(RuntimeError):
    """durable-rules did something the design rules out: a bug, never bad input."""


def fnv1_32(text: str) -> int:
    """The C core's identity of a name, a fact id or a state name (FNV-1, 32 bits, signed chars)."""
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ (byte - 256 if byte > 127 else byte)) * 16777619) & 0xFFFFFFFF
    return h


FACT_KINDS = ("due", "ddue", "done", "open", "dopen", "stand", "dstand", "sdue", "dsdue", "na", "unk")
"""The kinds of fact a slot may hold, each its own property name (`ddue_3`): an obligation with a deadline
and nothing discharging it (due) or with a discharge (ddue, whose date is `done`); an open or standing
obligation, without or with a discharge (open, dopen, stand, dstand); a standing duty pending until a
due date, without or with a discharge (sdue, dsdue); a rule that does not apply (na) or cannot be
decided (unk)."""


def slot_properties(slot: int) -> dict[str, str]:
    """The property names of one slot, by the kind of fact that carries them."""
    return {kind: f"{kind}_{slot}" for kind in FACT_KINDS}


def compile_ruleset(slots: int = SLOTS) -> dict:
    """The durable-rules JSON ruleset, the same for every rulebook: thirteen rules per slot, each firing on
    one fact, the obligation, with at most one comparison against a fact asserted before it."""
    ruleset: dict[str, dict] = {}
    for s in range(slots):
        p = slot_properties(s)
        due, ddue, done = p["due"], p["ddue"], p["done"]
        name = f"s{s}"
        # A discharged deadline: compliant unless its discharge came after the due date, late unless not.
        ruleset[f"{name}|compliant"] = {"all": [{"o": {"$ex": {ddue: 1}}}, {"n$not": {"$gt": {done: {"o": ddue}}}}]}
        ruleset[f"{name}|late"] = {"all": [{"o": {"$ex": {ddue: 1}}}, {"n$not": {"$lte": {done: {"o": ddue}}}}]}
        # An undischarged deadline: overdue unless the clock is on or before the due date, pending unless not.
        ruleset[f"{name}|overdue"] = {"all": [{"o": {"$ex": {due: 1}}}, {"n$not": {"$lte": {"asof": {"o": due}}}}]}
        ruleset[f"{name}|pending"] = {"all": [{"o": {"$ex": {due: 1}}}, {"n$not": {"$gt": {"asof": {"o": due}}}}]}
        # A standing duty pending until a due date (rulebook v1.1): expired once the clock is past it.
        sdue = p["sdue"]
        ruleset[f"{name}|expired"] = {"all": [{"o": {"$ex": {sdue: 1}}}, {"n$not": {"$lte": {"asof": {"o": sdue}}}}]}
        ruleset[f"{name}|awaiting"] = {"all": [{"o": {"$ex": {sdue: 1}}}, {"n$not": {"$gt": {"asof": {"o": sdue}}}}]}
        echoes = (("dopen", "done"), ("open", "open"), ("dstand", "held"), ("stand", "missing"), ("dsdue", "upheld"))
        for kind, verdict in echoes:
            ruleset[f"{name}|{verdict}"] = {"all": [{"o": {"$ex": {p[kind]: 1}}}]}
        ruleset[f"{name}|not_applicable"] = {"all": [{"o": {"$ex": {p["na"]: 1}}}]}
        ruleset[f"{name}|unknown"] = {"all": [{"o": {"$ex": {p["unk"]: 1}}}]}
    return ruleset


def _names_collision_free(slots: int) -> None:
    """Every name the C core tells apart by its 32-bit hash alone is distinct here: property names
    (with the core's own `sid` and `id`) and the fact ids of a state (0 … 2 × slots)."""
    props = ["sid", "id", "asof"] + [n for s in range(slots) for n in slot_properties(s).values()]
    ids = [str(n) for n in range(2 * slots + 1)]
    for what, names in (("property names", props), ("fact ids", ids)):
        if len({fnv1_32(n) for n in names}) != len(names):
            raise EngineError(f"two {what} of the ruleset share a 32-bit hash")


_names_collision_free(SLOTS)


@functools.cache
def _slot_names(slots: int) -> list[dict[str, str]]:
    return [slot_properties(s) for s in range(slots)]


def _handle(ruleset: dict) -> int:
    import hashlib

    text = json.dumps(ruleset, sort_keys=True)
    name = "qms_" + hashlib.sha256(text.encode()).hexdigest()[:16]
    with _LOCK:
        if name not in _REGISTERED:
            _REGISTERED[name] = _dre.create_ruleset(name, text)
        return _REGISTERED[name]


_RULE_NAME = re.compile(r'"s(\d+)\|([a-z_]+)":')


@functools.cache
def _rule_names(slots: int) -> dict[str, tuple[int, str]]:
    return {name: (int(name[1 : name.index("|")]), name.split("|")[1]) for name in compile_ruleset(slots)}


def _fired(message: str, names: dict[str, tuple[int, str]]) -> list[tuple[int, str]]:
    """(slot, verdict kind) of each rule an action message names, `{"s3|late": {…facts…}, …}`, without
    decoding the facts: rule names are the only keys holding '|' (facts' keys and values never do).
    A message names one rule, its first key, unless it holds more than one."""
    first = names.get(message[2 : message.find('"', 2)])
    if first is not None and message.count("|") == 1:
        return [first]
    return [(int(slot), kind) for slot, kind in _RULE_NAME.findall(message)]


@functools.lru_cache(maxsize=4096)
def _head(sid: str, n: int) -> str:
    return f'{{"sid": "{sid}", "id": "{n}", "'


Fact = tuple[tuple[str, int], ...]
"""One fact as its (property, value) pairs, `sid` and `id` aside."""


def _dumps(sid: str, facts: list[Fact] | list[tuple[str, int]], ids: list[int]) -> str:
    """json.dumps([{"sid": sid, "id": "n", property: value, …}, …]), the same text written directly:
    sids and property names are made here of letters, digits and '_', and values are whole numbers. A
    fact is its (property, value) pairs, or one such pair."""
    out = []
    for fact, n in zip(facts, ids):
        pairs: Fact = (fact,) if isinstance(fact[0], str) else fact  # type: ignore[assignment]
        out.append(_head(sid, n) + ', "'.join(f'{key}": {value}' for key, value in pairs) + "}")
    return "[" + ", ".join(out) + "]"


@dataclass(frozen=True)
class Item:
    """One thing to decide: an obligation, or a rule that does not apply / cannot be decided."""

    rule_id: str
    kind: str  # "obligation" | "not_applicable" | "unknown"
    obligation: Obligation | None = None


@dataclass
class _Batch:
    """Up to SLOTS items decided together in one state: item `indexes[s]` sits in slot s."""

    indexes: list[int]
    facts: list[Fact]  # in the order they are asserted
    obligations: int  # how many of the facts, at the end, are obligations (rules fire on them)


class Matcher:
    """The compiled ruleset; `decide` is safe to call from many threads."""

    def __init__(self, slots: int = SLOTS):
        if slots != SLOTS:
            _names_collision_free(slots)
        self.slots = slots
        self.ruleset = compile_ruleset(slots)
        self.handle = _handle(self.ruleset)
        with _LOCK:
            self._pool = _POOLS.setdefault(self.handle, _Pool())
        # Verdicts of the items decided by their kind alone ("not_applicable", "unknown"): one fact, the
        # same in every state, that fires the same rule whatever else the state holds. durable-rules
        # decides the first item of each kind; the others are given its verdict. For any one agency most
        # rules of a national rulebook (other provinces' plans) are such items.
        self._by_kind: dict[str, str] = {}

    def decide(self, items: list[Item], as_of: dt.date) -> list[str]:
        """The verdict kind (a key of VERDICTS) for each item, in order, on the date `as_of`."""
        for item in items:
            if item.kind != "obligation" and item.kind not in self._by_kind:
                (self._by_kind[item.kind],) = self._decide([item], as_of)
        obligations = [item for item in items if item.kind == "obligation"]
        if len(obligations) == len(items):
            return self._decide(items, as_of)
        decided = iter(self._decide(obligations, as_of))
        return [next(decided) if item.kind == "obligation" else self._by_kind[item.kind] for item in items]

    def _decide(self, items: list[Item], as_of: dt.date) -> list[str]:
        """`decide`, every item asserted into durable-rules."""
        if not items:
            return []
        batches = [self._batch(items, start, as_of) for start in range(0, len(items), self.slots)]
        verdicts: list[str | None] = [None] * len(items)
        with _LOCK:
            for batch in batches:
                pool = self._pool
                sid = pool.free.pop() if pool.free else self._new_state_name()
                after = "delete"
                try:
                    code, _ = _dre.assert_facts(self.handle, _dumps(sid, batch.facts, list(range(len(batch.facts)))))
                    if code not in (0, 3):
                        after = "leak"  # delete_state on a state with unhandled facts crashes the C core
                        raise EngineError(f"durable-rules refused facts of state {sid} (code {code}): {batch.facts}")
                    self._drain(batch, items, verdicts, sid)
                    after = self._empty(sid, batch)
                finally:
                    if after == "reuse":
                        pool.free.append(sid)
                    elif after == "delete":
                        _dre.delete_state(self.handle, sid)
                        pool.live.discard(fnv1_32(sid))
        decided = [v for v in verdicts if v is not None]
        if len(decided) < len(items):
            missing = [items[i].rule_id for i, v in enumerate(verdicts) if v is None]
            raise EngineError(f"no verdict from durable-rules for {missing}")
        return decided

    def _new_state_name(self) -> str:
        """A state name whose 32-bit hash no live state of this ruleset has (the C core finds states by
        that hash alone), within the core's limit of live states."""
        pool = self._pool
        if len(pool.live) >= STATES // 2:
            raise EngineError(f"{len(pool.live)} durable-rules states were left undecidable: giving up")
        while True:
            pool.created += 1
            sid = f"q{pool.created}"
            if fnv1_32(sid) not in pool.live:
                pool.live.add(fnv1_32(sid))
                return sid

    def _batch(self, items: list[Item], start: int, as_of: dt.date) -> _Batch:
        indexes = list(range(start, min(start + self.slots, len(items))))
        first: list[Fact] = []  # discharges, compared by the obligations' rules
        clock: list[Fact] = []
        last: list[Fact] = []  # obligations with a date
        flags: list[tuple[str, int]] = []  # obligations decided by their kind alone: one fact for all
        names = _slot_names(self.slots)
        for slot, index in enumerate(indexes):
            item = items[index]
            p = names[slot]
            if item.kind != "obligation":
                flags.append((p["na" if item.kind == "not_applicable" else "unk"], 1))
                continue
            ob = item.obligation
            if ob is None:
                raise EngineError(f"an obligation item of {item.rule_id} carries no obligation")
            if ob.shape == "deadline":
                if ob.due is None:
                    raise EngineError(f"an obligation of {item.rule_id} with a deadline has no due date")
                if ob.done is not None:
                    first.append(((p["done"], ob.done.date.toordinal()),))
                    last.append(((p["ddue"], ob.due.toordinal()),))
                else:
                    clock = [(("asof", as_of.toordinal()),)]
                    last.append(((p["due"], ob.due.toordinal()),))
            elif ob.shape == "standing_due":
                if ob.done is not None:
                    flags.append((p["dsdue"], 1))
                else:
                    # No due date: pending for ever, so a day no as_of reaches.
                    clock = [(("asof", as_of.toordinal()),)]
                    last.append(((p["sdue"], (ob.due or dt.date.max).toordinal()),))
            else:
                flags.append((p[("d" if ob.done is not None else "") + ("open" if ob.shape == "open" else "stand")], 1))
        if flags:
            last.append(tuple(flags))
        return _Batch(indexes, first + clock + last, len(last))

    def _empty(self, sid: str, batch: _Batch) -> str:
        """Retract a decided state's facts, obligations first (no rule can fire without its
        obligation, so nothing fires on the way): "reuse" when the state is empty and quiet again,
        "leak" if the retraction was refused."""
        n, obligations = len(batch.facts), batch.obligations
        numbered = list(enumerate(batch.facts))
        clock = [f for f in numbered[: n - obligations] if f[1][0][0] == "asof"]
        order = numbered[n - obligations :] + [f for f in numbered[: n - obligations] if f not in clock] + clock
        code, _ = _dre.retract_facts(self.handle, _dumps(sid, [f for _, f in order], [i for i, _ in order]))
        fired = _dre.start_action(self.handle)
        if fired:
            _, message, action = fired
            while message:
                message = _dre.complete_and_start_action(self.handle, action)
            raise EngineError(f"retracting the facts of state {sid} fired a rule: {batch.facts}")
        return "reuse" if code == 0 else "leak"

    def _drain(self, batch: _Batch, items: list[Item], verdicts: list[str | None], sid: str) -> None:
        """Record the verdicts of the one live state, `sid`."""
        names = _rule_names(self.slots)
        result = _dre.start_action(self.handle)
        while result:
            state, message, action = result
            if f'"{sid}"' not in state:
                raise EngineError(f"an action of another state than {sid}: {state}")
            while message:
                for slot, kind in _fired(message, names):
                    if slot >= len(batch.indexes):
                        raise EngineError(f"a verdict for the empty slot {slot} of state {sid}: {kind}")
                    index = batch.indexes[slot]
                    if verdicts[index] is not None:
                        raise EngineError(
                            f"two verdicts for {items[index].rule_id} in {sid}: {verdicts[index]}, {kind}"
                        )
                    verdicts[index] = kind
                message = _dre.complete_and_start_action(self.handle, action)
            result = _dre.start_action(self.handle)
