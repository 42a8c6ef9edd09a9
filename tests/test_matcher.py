"""durable-rules' traps, one test each, and proof that the matcher's design avoids them."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import threading

import durable_rules_engine as dre
import pytest

from engine import matcher as m
from engine.operators import Done, Note, Obligation
from tests.durable_child import core_reports

pytestmark = pytest.mark.smoke  # also run on every other supported Python (scripts/dev.py smoke)

D = dt.date


def ob(rule, subject, shape="deadline", due=None, done=None):
    return m.Item(
        rule,
        "obligation",
        Obligation(rule, subject, shape, due, (), None, Done(done, Note("x", "x")) if done else None),
    )


def _conditions(ruleset: dict):
    for name, rule in ruleset.items():
        for cond in rule["all"]:
            ((alias, test),) = cond.items()
            yield name, alias, test


def _references(test) -> list:
    """Every reference to an earlier fact (a dict value naming another alias) inside a test."""
    refs = []
    if isinstance(test, dict):
        for key, value in test.items():
            if (
                isinstance(value, dict)
                and len(value) == 1
                and not next(iter(value)).startswith("$")
                and isinstance(next(iter(value.values())), str)
            ):
                refs.append(value)
            else:
                refs.extend(_references(value))
    elif isinstance(test, list):
        for v in test:
            refs.extend(_references(v))
    return refs


def test_compiled_rules_have_only_crash_free_shapes():
    """Crash shapes of the C core (shared notes): a join comparison conjoined with another test
    (`$and` + reference), a test with two references, and a reference to the fact's own alias."""
    ruleset = m.compile_ruleset()
    problems = []
    for name, alias, test in _conditions(ruleset):
        refs = _references(test)
        if "$and" in json.dumps(test) or "$or" in json.dumps(test):
            problems.append(f"{name}/{alias}: conjunction {test}")
        if len(refs) > 1:
            problems.append(f"{name}/{alias}: {len(refs)} references")
        for ref in refs:
            ((target, prop),) = ref.items()
            if target == alias:
                problems.append(f"{name}/{alias}: compares the fact with itself")
            ((op, inner),) = test.items()
            ((own_prop, _),) = inner.items()
            # the compared property belongs to one kind of fact only (its name carries the kind)
            if not (own_prop == "asof" or own_prop.startswith("done_")):
                problems.append(f"{name}/{alias}: joins on shared property {own_prop}")
    assert not problems, "\n".join(problems)


def test_trap_self_comparison_is_wrong_in_durable():
    """Why no rule compares two properties of one fact: durable-rules answers wrongly."""
    h = dre.create_ruleset("trap_self_compare", json.dumps({"ok": {"all": [{"m": {"$lte": {"done": {"m": "due"}}}}]}}))
    code, _ = dre.assert_facts(h, json.dumps([{"sid": "s", "done": 9, "due": 7}]))
    fired = dre.start_action(h)
    assert fired is not None, "durable-rules now compares own properties correctly: the design note can go"


def test_trap_none_is_not_taken_back_when_the_discharge_arrives_later():
    """The trap: a rule with none() fires on the obligation and stays fired when the fact it waited for
    arrives later: an obligation due on day 20 sent before its discharge on day 25 is both compliant
    (nothing later than day 20 yet) and late. The matcher sends discharges and the clock first."""
    h = dre.create_ruleset("trap_none_order", json.dumps(m.compile_ruleset()))
    facts = [{"sid": "late", "ddue_0": 20}, {"sid": "late", "done_0": 25}]
    dre.assert_facts(h, json.dumps(facts))
    fired = []
    res = dre.start_action(h)
    while res:
        _, message, action = res
        while message:
            fired.extend(json.loads(message))
            message = dre.complete_and_start_action(h, action)
        res = dre.start_action(h)
    dre.delete_state(h, "late")
    assert sorted(fired) == ["s0|compliant", "s0|late"]  # both: the wrong one was not taken back


def test_order_of_items_never_changes_verdicts():
    matcher = m.Matcher()
    items = [
        ob("R-A", "1", due=D(2022, 3, 1), done=D(2022, 2, 1)),
        ob("R-A", "2", due=D(2022, 3, 1)),
        ob("R-A", "3", due=D(2022, 12, 1)),
        ob("R-B", "1", "open", done=D(2022, 1, 1)),
        ob("R-B", "2", "open"),
        ob("R-A", "4", due=D(2022, 3, 1), done=D(2022, 3, 2)),
        ob("R-B", "3", "standing"),
        ob("R-B", "4", "standing", done=D(2020, 1, 1)),
        m.Item("R-A", "unknown"),
        m.Item("R-B", "not_applicable"),
    ]
    expected = matcher.decide(items, D(2022, 10, 28))
    assert expected == [
        "compliant",
        "overdue",
        "pending",
        "done",
        "open",
        "late",
        "missing",
        "held",
        "unknown",
        "not_applicable",
    ]
    rng = random.Random(7)
    for _ in range(10):
        order = list(range(len(items)))
        rng.shuffle(order)
        got = matcher.decide([items[i] for i in order], D(2022, 10, 28))
        assert [got[order.index(i)] for i in range(len(items))] == expected


def test_deadline_boundaries_are_inclusive():
    matcher = m.Matcher()
    due = D(2022, 10, 3)
    got = matcher.decide(
        [ob("R-A", "on time", due=due, done=due), ob("R-A", "a day late", due=due, done=due + dt.timedelta(days=1))],
        D(2022, 12, 1),
    )
    assert got == ["compliant", "late"]
    assert matcher.decide([ob("R-A", "x", due=due)], due) == ["pending"]
    assert matcher.decide([ob("R-A", "x", due=due)], due + dt.timedelta(days=1)) == ["overdue"]


def test_trap_identical_facts_raise_but_matcher_never_sends_them():
    h = dre.create_ruleset("trap_identical", json.dumps(m.compile_ruleset()))
    fact = {"sid": "dup", "na_0": 1}
    assert dre.assert_facts(h, json.dumps([fact]))[0] == 0
    assert dre.assert_facts(h, json.dumps([fact]))[0] == 2  # MessageObservedException's code
    res = dre.start_action(h)
    while res:
        _, message, action = res
        while message:
            message = dre.complete_and_start_action(h, action)
        res = dre.start_action(h)
    dre.delete_state(h, "dup")
    # Many obligations of one rule with identical content: separate slots, each fact its own id, no error.
    matcher = m.Matcher()
    same = [ob("X-Z", "s", due=D(2022, 1, 1), done=D(2021, 1, 1)) for _ in range(5)]
    assert matcher.decide(same, D(2022, 5, 5)) == ["compliant"] * 5


def test_unhandled_state_is_never_deleted(monkeypatch):
    """delete_state on a state whose fact was unhandled segfaults (shared notes, case B): the
    matcher raises instead and leaves that state alone."""
    matcher = m.Matcher()
    deleted = []
    monkeypatch.setattr(m._dre, "assert_facts", lambda h, facts: (1, 0))
    monkeypatch.setattr(m._dre, "delete_state", lambda h, sid: deleted.append(sid))
    with pytest.raises(m.EngineError):
        matcher.decide([ob("R-Q", "s", due=D(2022, 1, 1))], D(2022, 5, 5))
    assert deleted == []


def test_every_generated_fact_is_handled():
    """Each kind of fact the matcher sends matches a rule: nothing can come back unhandled."""
    matcher = m.Matcher()
    for item in [
        ob("R-H", "a", due=D(2022, 1, 1)),
        ob("R-H", "b", "open"),
        ob("R-H", "c", "standing"),
        m.Item("R-H", "unknown"),
        m.Item("R-H", "not_applicable"),
    ]:
        assert matcher.decide([item], D(2022, 5, 5))


def test_many_threads_same_verdicts_and_no_leaked_states():
    matcher = m.Matcher()
    items = [ob("T-A", str(i), due=D(2022, 1, 1) + dt.timedelta(days=i), done=D(2022, 1, 10)) for i in range(20)]
    items += [ob("T-B", str(i), "open", done=D(2022, 1, 1) if i % 2 else None) for i in range(7)]
    expected = matcher.decide(items, D(2022, 6, 1))
    results, errors = [], []

    def work():
        try:
            for _ in range(15):
                results.append(matcher.decide(items, D(2022, 6, 1)))
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 120 and all(r == expected for r in results)
    assert dre.start_action(matcher.handle) is None  # nothing left in flight


def test_same_ruleset_registered_once_per_process():
    a, b = m.Matcher(), m.Matcher()
    assert a.handle == b.handle


def test_batches_never_change_verdicts():
    """Items are decided SLOTS at a time: which items share a state, and in which slot, never matters."""
    rng = random.Random(3)
    kinds = []
    for i in range(150):
        due = D(2022, 1, 1) + dt.timedelta(days=rng.randrange(0, 600))
        done = due + dt.timedelta(days=rng.randrange(-30, 30)) if rng.random() < 0.6 else None
        shape = rng.choice(["deadline", "deadline", "open", "standing", "standing_due"])
        if rng.random() < 0.15:
            kinds.append(m.Item(f"R-{i % 7}", rng.choice(["unknown", "not_applicable"])))
        else:
            dated = shape == "deadline" or (shape == "standing_due" and rng.random() < 0.8)
            kinds.append(ob(f"R-{i % 7}", str(i), shape, due if dated else None, done))
    day = D(2022, 10, 28)
    together = m.Matcher().decide(kinds, day)
    alone = [m.Matcher().decide([item], day)[0] for item in kinds]
    assert together == alone
    assert m.Matcher(slots=3).decide(kinds, day) == together
    assert len(set(together)) == len(m.VERDICTS)  # every verdict kind was exercised


def test_items_decided_by_their_kind_get_durable_rules_verdict_once_per_kind(monkeypatch):
    """A rule that does not apply or cannot be decided is one fact that fires one rule whatever the state
    holds: durable-rules decides the first of each kind, the others get that verdict. Every item still
    gets what asserting it would give."""
    rng = random.Random(5)
    items = [
        m.Item(f"R-{i}", rng.choice(["unknown", "not_applicable"]))
        if rng.random() < 0.7
        else ob(f"R-{i}", str(i), "deadline", D(2022, 1, 1) + dt.timedelta(days=i), None)
        for i in range(200)
    ]
    day = D(2022, 10, 28)
    matcher = m.Matcher()
    asserted: list[str] = []
    real = dre.assert_facts
    monkeypatch.setattr(dre, "assert_facts", lambda handle, text: asserted.append(text) or real(handle, text))
    verdicts = matcher.decide(items, day)
    # one state each for the first "not_applicable" and the first "unknown"
    assert sum('"na_' in t or '"unk_' in t for t in asserted) == 2
    assert verdicts == m.Matcher()._decide(items, day)  # every item asserted: the same verdicts
    asserted.clear()
    assert matcher.decide(items, day) == verdicts
    assert not any('"na_' in t or '"unk_' in t for t in asserted)  # known now: nothing asserted for them


def _valgrind(code: str) -> tuple[subprocess.CompletedProcess, list[str]]:
    """Run `code` under valgrind; valgrind's reports about the C core."""
    env = dict(os.environ, PYTHONMALLOC="malloc")
    p = subprocess.run(
        ["valgrind", "-q", sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=os.path.dirname(os.path.dirname(__file__)),
    )
    return p, core_reports(p.stderr)


VALGRIND = pytest.mark.skipif(
    not (shutil.which("valgrind") and os.environ.get("QMS_VALGRIND")),
    reason="set QMS_VALGRIND=1 (and install valgrind) to check the C core's memory use",
)


@VALGRIND
def test_matcher_is_clean_under_valgrind():
    p, reports = _valgrind(
        "import datetime as dt, tests.test_matcher as t\n"
        "t.test_order_of_items_never_changes_verdicts(); t.test_deadline_boundaries_are_inclusive()\n"
        "t.test_batches_never_change_verdicts()\n"
    )
    assert p.returncode == 0, p.stderr[-3000:]
    assert reports == [], "\n\n".join(reports)[:5000]


@VALGRIND
def test_a_rulebook_of_300_rule_ids_is_clean_under_valgrind():
    """A few hundred rule ids (every operator kind) on the sample agencies: no invalid read or write
    in the C core, and the same verdicts as without valgrind."""
    code = (
        "import datetime as dt, json, sys\n"
        "from pathlib import Path\n"
        "from tests.rulebook_gen import rulebook_with\n"
        "from engine.evaluate import Evaluator\n"
        "from engine.facts import AgencyFacts\n"
        "from engine.resources import SAMPLES_DIR\n"
        "from engine.yamlio import parse_yaml, validate\n"
        "ev = Evaluator(rulebook_with(300, 10))\n"
        "out = []\n"
        "for p in sorted(SAMPLES_DIR.glob('*.yaml')):\n"
        "    facts = validate(AgencyFacts, parse_yaml(p.read_text(encoding='utf-8'), file=str(p)), file=str(p))\n"
        "    out.append([(f.rule, f.subject, f.status) for f in ev.evaluate(facts, dt.date(2022, 10, 28)).findings])\n"
        "print(json.dumps(out))\n"
    )
    p, reports = _valgrind(code)
    assert p.returncode == 0, p.stderr[-3000:]
    assert reports == [], "\n\n".join(reports)[:5000]
    plain = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=os.path.dirname(os.path.dirname(__file__))
    )
    assert json.loads(p.stdout) == json.loads(plain.stdout)
    assert sum(len(a) for a in json.loads(p.stdout)) > 300 * 5
