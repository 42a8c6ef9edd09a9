"""What in durable-rules' C core (2.0.28) fails as a ruleset grows, each failure reproduced in a child
process at its threshold and one step below it, and the proof that `engine.matcher`'s one ruleset
stays far from every threshold, whatever the size of the rulebook.

How the core is built, and why it breaks (src/rules of the sdist):
- Alpha nodes (one test on one property) hang below their parent in a 512-bucket hash set whose
  start bucket is `hash & 0x1F`, probed until an empty bucket without a bound: the 512th test below
  one node leaves no empty bucket, and the next probe never ends.
- A fact pushes every alpha node it activates on a 64-entry stack: a 65th fails the assert with error
  303 after part of the fact was stored; deleting that state then frees a wrong pointer.
- The rules one alpha node feeds are a 256-entry list read until its first zero: with 256 entries the
  read runs past the list, a 257th is written past it, a 258th is refused (error 108).
- A ruleset holds at most 1,024 states.
- Property names, fact ids and state names are told apart by 32-bit FNV-1a hashes, never by their text.
Names of any length are fine.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil

import pytest

from engine import matcher as m
from tests.durable_child import run

pytestmark = pytest.mark.smoke


def old_design(rule_count: int) -> dict:
    """The shape the engine compiled before, one ruleset per rules file: ten rules per rule id, with
    properties named after the rule and one clock (`asof`) shared by all of them."""
    ruleset: dict[str, dict] = {}
    for n in range(rule_count):
        p = f"R{n}"
        due, done = f"due_{p}", f"done_{p}"
        none = {"n$not": {"$ex": {done: 1}}}
        ruleset[f"{p}|compliant"] = {"all": [{"o": {"$ex": {due: 1}}}, {"d": {"$lte": {done: {"o": due}}}}]}
        ruleset[f"{p}|late"] = {"all": [{"o": {"$ex": {due: 1}}}, {"d": {"$gt": {done: {"o": due}}}}]}
        ruleset[f"{p}|overdue"] = {"all": [{"o": {"$ex": {due: 1}}}, {"k": {"$gt": {"asof": {"o": due}}}}, none]}
        ruleset[f"{p}|pending"] = {"all": [{"o": {"$ex": {due: 1}}}, {"k": {"$lte": {"asof": {"o": due}}}}, none]}
        ruleset[f"{p}|done"] = {"all": [{"o": {"$ex": {f"open_{p}": 1}}}, {"d": {"$ex": {done: 1}}}]}
        ruleset[f"{p}|open"] = {"all": [{"o": {"$ex": {f"open_{p}": 1}}}, none]}
        ruleset[f"{p}|held"] = {"all": [{"o": {"$ex": {f"stand_{p}": 1}}}, {"d": {"$ex": {done: 1}}}]}
        ruleset[f"{p}|missing"] = {"all": [{"o": {"$ex": {f"stand_{p}": 1}}}, none]}
        ruleset[f"{p}|not_applicable"] = {"all": [{"x": {"$ex": {f"na_{p}": 1}}}]}
        ruleset[f"{p}|unknown"] = {"all": [{"x": {"$ex": {f"unk_{p}": 1}}}]}
    return ruleset


# ---------------------------------------------------------------- the shape of a ruleset, statically


def _test_key(test: dict) -> tuple[str, str, str]:
    """(property, operator, operand) of a one-test condition such as {"$lte": {"done_3": {"o": "due_3"}}}."""
    ((op, inner),) = test.items()
    assert op.startswith("$") and isinstance(inner, dict) and len(inner) == 1, f"not a single test: {test}"
    ((prop, operand),) = inner.items()
    return prop, op, json.dumps(operand, sort_keys=True)


def shape(ruleset: dict) -> dict[str, int]:
    """The figures the C core's fixed sizes bound, for a ruleset whose conditions are single tests
    hanging from the root: tests below the root; the most tests one fact's property can activate;
    the most rules one test feeds."""
    feeds: dict[tuple[str, str, str], int] = {}
    for rule in ruleset.values():
        for condition in rule["all"]:
            ((_alias, test),) = condition.items()
            key = _test_key(test)
            feeds[key] = feeds.get(key, 0) + 1
    per_property: dict[str, int] = {}
    for prop, _op, _operand in feeds:
        per_property[prop] = per_property.get(prop, 0) + 1
    return {
        "root_tests": len(feeds),
        "tests_per_property": max(per_property.values()),
        "rules_per_test": max(feeds.values()),
    }


def test_the_static_shape_predicts_the_old_designs_failures():
    """The analysis above counts what the core counts: the old design reached the alpha stack (64)
    at 32 rule ids, and the root's hash set (512 buckets) at about 52."""
    assert shape(old_design(32))["tests_per_property"] == m.ALPHA_STACK  # the clock: two tests per rule
    assert shape(old_design(33))["tests_per_property"] == m.ALPHA_STACK + 2
    assert shape(old_design(51))["root_tests"] < m.NEXT_HASHSET <= shape(old_design(52))["root_tests"]


def test_the_matchers_ruleset_stays_within_half_of_every_limit():
    s = shape(m.compile_ruleset())
    assert s["tests_per_property"] <= m.ALPHA_STACK // 2, s
    assert s["root_tests"] <= m.NEXT_HASHSET // 2, s
    assert s["rules_per_test"] <= m.BETA_LIST // 32, s
    # A state holds one obligation, one discharge per slot and the clock; fact ids are 0 … 2 × SLOTS.
    assert 2 * m.SLOTS + 1 < m.STATES


def test_the_ruleset_does_not_depend_on_the_rulebook():
    """The same compiled ruleset decides every rule: nothing the rulebook says reaches its shape."""
    assert m.Matcher().ruleset == m.compile_ruleset() and m.Matcher().handle == m.Matcher().handle
    assert not any("QD19" in name for name in m.compile_ruleset())


# ---------------------------------------------------------------- the thresholds, reproduced


def _fan_out(n: int) -> dict:
    """n distinct tests on one property, each a rule: one fact {k: big} activates all n."""
    return {f"r{i}": {"all": [{"m": {"$gt": {"k": i}}}]} for i in range(n)}


def test_a_fact_activates_at_most_64_tests():
    ok = run(_fan_out(64), [("assert", [{"sid": "s", "k": 10**6}])])
    assert ok.status == "ok" and ok.codes == ["0"] and len(ok.fired) == 64
    over = run(_fan_out(65), [("assert", [{"sid": "s", "k": 10**6}])])
    assert over.codes == ["error 303"] and over.fired == []  # ERR_MAX_STACK_SIZE: nothing decided


def test_the_old_design_died_at_33_rule_ids():
    """The issue's report: 32 rules in a file work, 33 kill the process. The clock feeds two tests per
    rule id; at 33 it is refused half stored, and deleting the state (as the old matcher did after an
    error) frees a wrong pointer."""
    script = [("assert", [{"sid": "s", "asof": 10}, {"sid": "s", "due_R0": 20}]), ("delete", "s")]
    ok = run(old_design(32), script)
    assert ok.status == "ok" and ok.fired == ["R0|pending"]
    dead = run(old_design(33), script)
    assert dead.codes[:1] == ["error 303"] and dead.crashed, (dead.status, dead.codes, dead.stderr[-300:])


def test_a_test_with_512_tests_below_it_spins_forever():
    ok = run(_fan_out(511), [("assert", [{"sid": "s", "k": -1}])])
    assert ok.status == "ok" and ok.created == "0"
    spin = run(_fan_out(512), [("assert", [{"sid": "s", "k": -1}])], timeout=4)
    assert spin.status == "timeout"


def _shared_test(n: int) -> dict:
    """n rules whose only condition is the same test (one alpha node feeding n rules)."""
    return {f"r{i}": {"all": [{f"a{i}": {"$ex": {"k": 1}}}]} for i in range(n)}


def test_a_test_feeds_at_most_255_rules():
    """255 rules on one test work. linkAlpha looks for the list's first zero and checks the bound only
    on a non-zero entry: the 256th rule fills the list without its terminator, the 257th reads entry
    256 (past the end), finds memory that is usually zero and writes there; the 258th finds that
    write and is refused. What the reads past the end find is chance (often all 256 rules fire), so
    the proof of 256 is valgrind's, below, not a verdict."""
    ok = run(_shared_test(255), [("assert", [{"sid": "s", "k": 1}])])
    assert ok.status == "ok" and len(ok.fired) == 255
    assert run(_shared_test(256), []).created == "0"
    assert run(_shared_test(258), []).created == "error 108"  # ERR_RULE_BETA_LIMIT_EXCEEDED


@pytest.mark.skipif(
    not (shutil.which("valgrind") and os.environ.get("QMS_VALGRIND")),
    reason="set QMS_VALGRIND=1 (and install valgrind) to check the C core's memory use",
)
def test_a_test_feeding_256_rules_reads_past_its_list():
    fact = [("assert", [{"sid": "s", "k": 1}])]
    clean = run(_shared_test(255), fact, valgrind=True, timeout=600)
    assert len(clean.fired) == 255 and clean.core_reports == [], clean.core_reports
    full = run(_shared_test(256), fact, valgrind=True, timeout=600)
    assert full.core_reports, full.stderr[-2000:]


def test_a_ruleset_holds_at_most_1024_states():
    rules = {"r": {"all": [{"m": {"$ex": {"x": 1}}}, {"o": {"$ex": {"never": 1}}}]}}
    ok = run(rules, [("assert", [{"sid": f"s{i}", "x": 1} for i in range(1024)])])
    assert ok.codes == ["0"]
    over = run(rules, [("assert", [{"sid": f"s{i}", "x": 1} for i in range(1025)])])
    assert over.codes[0].startswith("error")


# Two names with one FNV-1a 32-bit hash (found by a birthday search).
TWINS = ("yiijsv", "ktodoe")


def test_the_twins_share_a_hash():
    assert TWINS[0] != TWINS[1] and m.fnv1_32(TWINS[0]) == m.fnv1_32(TWINS[1])


def test_property_names_are_told_apart_by_their_hash_only():
    rules = {"r": {"all": [{"m": {"$ex": {TWINS[0]: 1}}}]}}
    assert run(rules, [("assert", [{"sid": "s", TWINS[1]: 1}])]).fired == ["r"]


def test_state_names_are_told_apart_by_their_hash_only():
    """Facts of two different states (two agencies) join: a silent mix."""
    rules = {"r": {"all": [{"a": {"$ex": {"x": 1}}}, {"b": {"$ex": {"y": 1}}}]}}
    mixed = run(rules, [("assert", [{"sid": TWINS[0], "x": 1}]), ("assert", [{"sid": TWINS[1], "y": 1}])])
    assert mixed.fired == ["r"]
    apart = run(rules, [("assert", [{"sid": TWINS[0], "x": 1}]), ("assert", [{"sid": "other", "y": 1}])])
    assert apart.fired == []


def test_distinct_facts_whose_generated_ids_collide_are_refused():
    """A fact without an id gets one from a 64-bit hash of its content, and a state finds its facts by
    a 32-bit hash of that id: these two distinct facts of one state collide, and the second is refused
    as already observed (code 2). In the old design an ordinary agency file crashed the engine this way
    (a nonconformity due 2074-03-01, closed 2039-05-05). The matcher gives every fact an explicit id."""
    pairs = [("done_0", 770543), ("ddue_0", 773236)]  # a discharge on 2110-09-04 of a duty due 2118-01-18
    generated = run(m.compile_ruleset(), [("assert", [{"sid": "q1", k: v}]) for k, v in pairs])
    assert generated.codes == ["0", "2"] and generated.fired == []
    explicit = run(m.compile_ruleset(), [("assert", json.loads(m._dumps("q1", pairs, [0, 1])))])
    assert explicit.codes == ["0"] and explicit.fired == ["s0|compliant"]
    same_hash_ids = run(
        {"r": {"all": [{"m": {"$ex": {"x": 1}}}]}},
        [("assert", [{"sid": "s", "id": TWINS[0], "x": 1}]), ("assert", [{"sid": "s", "id": TWINS[1], "x": 2}])],
    )
    assert same_hash_ids.codes == ["0", "2"]


def test_a_fact_with_254_properties_is_dropped_silently():
    rules = {"r": {"all": [{"m": {"$ex": {"x": 1}}}]}}

    def fact(n: int) -> dict:
        return {"sid": "s", "x": 1, **{f"p{i}": i for i in range(n - 2)}}

    assert run(rules, [("assert", [fact(253)])]).fired == ["r"]
    dropped = run(rules, [("assert", [fact(254)])])
    assert dropped.codes == ["0"] and dropped.fired == []


@pytest.mark.skipif(
    not (shutil.which("valgrind") and os.environ.get("QMS_VALGRIND")),
    reason="set QMS_VALGRIND=1 (and install valgrind) to check the C core's memory use",
)
def test_retracting_the_facts_of_a_rule_that_fired_on_two_facts_reads_freed_memory():
    """Why every rule of the matcher fires on one fact: once a rule has fired on two facts, retracting
    them walks the freed action frame past its one remaining entry (deleteMessageFromFrame), which
    valgrind reports as uninitialised reads; deleting the state instead is clean, and so is retracting
    the fact of a rule that fired on one."""
    two = {"r": {"all": [{"o": {"$ex": {"due": 1}}}, {"d": {"$lte": {"done": {"o": "due"}}}}]}}
    one = {"r": {"all": [{"o": {"$ex": {"due": 1}}}, {"n$not": {"$gt": {"done": {"o": "due"}}}}]}}
    facts = [{"sid": "s", "id": "0", "done": 5}, {"sid": "s", "id": "1", "due": 10}]
    fired_on_two = run(two, [("assert", facts), ("retract", facts[::-1])], valgrind=True, timeout=600)
    assert fired_on_two.fired == ["r"] and fired_on_two.core_reports, fired_on_two.stderr[-2000:]
    deleted = run(two, [("assert", facts), ("delete", "s")], valgrind=True, timeout=600)
    assert deleted.fired == ["r"] and deleted.core_reports == []
    fired_on_one = run(one, [("assert", facts), ("retract", facts[::-1])], valgrind=True, timeout=600)
    assert fired_on_one.fired == ["r"] and fired_on_one.core_reports == [], fired_on_one.core_reports


def test_names_of_any_length_work():
    long = "x" * 100_000
    rules = {long: {"all": [{long: {"$ex": {long: 1}}}, {"d": {"$lte": {"d" + long: {long: long}}}}]}}
    outcome = run(rules, [("assert", [{"sid": long, "d" + long: 1}, {"sid": long, long: 5}])], name=long)
    assert outcome.status == "ok" and outcome.fired == [long]


# ---------------------------------------------------------------- the matcher's own ruleset, at its fullest


def test_the_matchers_fullest_state_is_safe_in_the_core():
    """The most facts a state can hold (every slot a discharged deadline: two facts each) and the
    widest fan-out (the clock, with every other slot an undischarged deadline), asserted, decided,
    retracted and asserted again in a child: no signal, every verdict."""
    discharged = [(f"done_{s}", 738000 + s) for s in range(m.SLOTS)] + [(f"ddue_{s}", 738000) for s in range(m.SLOTS)]
    half = [(f"done_{s}", 738000 + s) for s in range(0, m.SLOTS, 2)] + [("asof", 738500)]
    half += [(f"ddue_{s}" if s % 2 == 0 else f"due_{s}", 738000) for s in range(m.SLOTS)]
    for pairs, expected in (
        (discharged, ["s0|compliant"] + [f"s{s}|late" for s in range(1, m.SLOTS)]),
        (half, ["s0|compliant"] + [f"s{s}|{'late' if s % 2 == 0 else 'overdue'}" for s in range(1, m.SLOTS)]),
    ):
        facts = json.loads(m._dumps("q1", pairs, list(range(len(pairs)))))
        outcome = run(m.compile_ruleset(), [("assert", facts), ("retract", facts[::-1]), ("assert", facts)])
        assert outcome.status == "ok" and outcome.codes == ["0", "0", "0"]
        assert sorted(outcome.fired) == sorted(expected * 2)


def test_the_state_names_and_ids_the_matcher_uses_are_collision_free():
    names = [f"q{n}" for n in range(1, m.STATES)]
    ids = [str(n) for n in range(2 * m.SLOTS + 1)]
    assert len({m.fnv1_32(n) for n in ids}) == len(ids)
    # State names may collide (the matcher skips a name whose hash a live state has): they do, rarely.
    assert len({m.fnv1_32(n) for n in names}) >= len(names) - 1


def test_dates_far_apart_are_decided(tmp_path):
    """The agency file that crashed the old design (its generated fact ids collided, see above; then in
    Nam Định, a province merged since 2025) is decided."""
    from engine.api import evaluate

    agency = {
        "agency": {
            "id": "so-tu-phap",
            "name": "Sở Tư pháp thành phố Hà Nội",
            "level": "department",
            "province": "Hà Nội",
        },
        "qms": {
            "standard": "TCVN ISO 9001:2015",
            "declarations": [
                {
                    "date": dt.date(2020, 3, 2),
                    "decision": "1/QĐ-STP",
                    "standard": "TCVN ISO 9001:2015",
                    "reason": "initial",
                    "notified": dt.date(2020, 3, 5),
                }
            ],
        },
        "internal_audits": [
            {
                "date": dt.date(2021, 6, 1),
                "nonconformities": [{"id": "NC-1", "due": dt.date(2074, 3, 1), "closed": dt.date(2039, 5, 5)}],
            }
        ],
    }
    result = evaluate(agency, as_of="2040-01-01")
    corrective = [f for f in result.findings if f.rule == "QD19-CORRECTIVE"]
    assert [f.status for f in corrective] == ["compliant"]
