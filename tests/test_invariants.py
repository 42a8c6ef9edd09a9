"""Invariants of the engine over generated VALID agencies (tests/strategies.py), with hypothesis.

Each property is something the rulebook promises for every agency, not for chosen examples:
the engine never raises; every rule yields a finding; the output depends only on the facts (not on
the run, the hash seed or the order of lists); identical records count once; facts added on time
never make things worse; time passing never mends a missed deadline; a missing section is never
"compliant". Where a property needs the rulebook's nuance, the nuance is written next to it.

The runs are derandomized with no example database, so CI sees the same examples every time; the
numbers of examples keep the whole file around half a minute on two cores.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from engine.api import evaluator
from engine.calendar import default_calendar
from engine.facts import AgencyFacts
from tests import strategies as gen

ROOT = Path(__file__).resolve().parent.parent
EV = evaluator()
RULEBOOK = EV.rulebook
AGENCY_RULES = sorted(r.id for r in RULEBOOK.agency_rules())

# Evaluation dates: anywhere in 2013–2026, and often a few dates where much is owed at once.
AS_OF = st.one_of(gen.as_of_dates, st.sampled_from([dt.date(2022, 10, 28), dt.date(2023, 12, 31), dt.date(2025, 7, 1)]))

# Warnings name a record by its place in the file ("reports[1].submitted …"): moving or doubling records
# moves them, and only them.
BY_PLACE = {"warnings"}


SCALE = int(os.environ.get("QMS_PROPERTY_SCALE", "1"))


def ci(n: int):
    """Deterministic settings: fixed examples (derandomize), no example database, no deadline.
    QMS_PROPERTY_SCALE=20 runs twenty times as many random (not derandomized) examples, for a
    longer hunt than CI affords."""
    return settings(
        max_examples=n * SCALE,
        deadline=None,
        derandomize=SCALE == 1,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def run(doc: dict, as_of: dt.date):
    return EV.evaluate(AgencyFacts.model_validate(doc), as_of)


def by_key(result, with_due: bool = False) -> dict[tuple, Counter]:
    """Findings grouped by (rule, subject) or (rule, subject, due): the statuses found, counted.
    Counted, because two records may share a subject (see tests/strategies.py)."""
    out: dict[tuple, Counter] = defaultdict(Counter)
    for f in result.findings:
        out[(f.rule, f.subject, f.due) if with_due else (f.rule, f.subject)][f.status] += 1
    return out


def show(result) -> str:
    return "\n".join(f"  {f.rule} {f.subject!r}: {f.status} due={f.due} done={f.done}" for f in result.findings)


# ------------------------------------------------------------------ never raises, one finding per rule


@ci(150)
@given(gen.agencies(), AS_OF)
def test_never_raises_and_every_rule_yields_a_finding_the_same_twice(doc, as_of):
    first = run(doc, as_of)
    assert sorted({f.rule for f in first.findings}) == AGENCY_RULES, show(first)
    assert sum(first.summary.model_dump().values()) == len(first.findings)
    second = run(copy.deepcopy(doc), as_of)
    assert second.model_dump_json() == first.model_dump_json()


# ------------------------------------------------------------------ identical records count once


@ci(100)
@given(st.data())
def test_identical_records_are_counted_once(data):
    doc = data.draw(gen.agencies())
    as_of = data.draw(AS_OF)
    doubled = data.draw(gen.with_identical_duplicates(doc))
    assert run(doubled, as_of).model_dump_json(exclude=BY_PLACE) == run(doc, as_of).model_dump_json(exclude=BY_PLACE)


def test_identical_audits_reports_and_legal_changes_in_a_real_file():
    """The demo agency with its 2022 audit, its October report and a legal change written twice."""
    doc = yaml.safe_load((ROOT / "fixtures/agencies/ubnd-huyen-quang-dien.yaml").read_text(encoding="utf-8"))
    doubled = copy.deepcopy(doc)
    doubled["internal_audits"].append(copy.deepcopy(doc["internal_audits"][-1]))
    doubled["reports"].append(copy.deepcopy(doc["reports"][-1]))
    doubled["legal_changes"].append(copy.deepcopy(doc["legal_changes"][1]))
    doubled["management_reviews"] *= 2
    as_of = dt.date(2022, 10, 28)
    assert run(doubled, as_of).model_dump_json(exclude=BY_PLACE) == run(doc, as_of).model_dump_json(exclude=BY_PLACE)


# ------------------------------------------------------------------ the order of lists does not matter


@ci(150)
@given(st.data())
def test_shuffling_every_list_never_changes_the_output(data):
    doc = data.draw(gen.agencies())
    as_of = data.draw(AS_OF)
    mixed = data.draw(gen.shuffled(doc))
    assert run(mixed, as_of).model_dump_json(exclude=BY_PLACE) == run(doc, as_of).model_dump_json(exclude=BY_PLACE)


# ------------------------------------------------------------------ facts added on time never make it worse

_CAL = default_calendar()


def _quarter_last_day(day: dt.date) -> dt.date:
    q = (day.month - 1) // 3 + 1
    first_of_next = dt.date(day.year + 1, 1, 1) if q == 4 else dt.date(day.year, 3 * q + 1, 1)
    return first_of_next - dt.timedelta(days=1)


def _between(data, low: dt.date, high: dt.date) -> dt.date | None:
    low = max(low, gen.FIRST_DAY)
    return data.draw(st.dates(low, high)) if low <= high else None


def _add_on_time(data, doc: dict, as_of: dt.date) -> tuple[str, dict, set] | None:
    """One fact added on time: dated on or before its due date and on or before as_of. Returns what was
    added, the new document, and the (rule, subject) keys allowed to change for a reason the rulebook gives."""
    options = []
    if "reports" in doc:
        options.append("report")
    if "internal_audits" in doc:
        options.append("audit")
    if "management_reviews" in doc:
        options.append("review")
    if any("incorporated" not in lc for lc in doc.get("legal_changes") or []):
        options.append("incorporation")
    if any("closed" not in nc for a in doc.get("internal_audits") or [] for nc in a.get("nonconformities", [])):
        options.append("closure")
    # Rulebook nuance: a fact only counts once its section is in the file. Adding the first record of an
    # ABSENT section turns "unknown" into real verdicts (violations included): that is learning, not
    # acting, so additions go only into sections that are present (possibly empty).
    if not options:
        return None
    what = data.draw(st.sampled_from(options))
    new = copy.deepcopy(doc)
    exempt: set = set()
    if what == "report":
        kind = data.draw(st.sampled_from(["monthly", "quarterly", "annual"]))
        start = _between(data, dt.date(2021, 1, 1), as_of)
        if start is None:
            return None
        # Due dates of rulebook §5: monthly "trước ngày 22" → the 21st; quarterly → the quarter's last day.
        due = {
            "monthly": dt.date(start.year, start.month, 21),
            "quarterly": _quarter_last_day(start),
            "annual": dt.date(start.year, 12, 31),
        }[kind]
        submitted = _between(data, start.replace(day=1), min(due, as_of))
        if submitted is None:
            return None
        new["reports"].append({"kind": kind, "period": gen._period(kind, start), "submitted": submitted})
    elif what in ("audit", "review"):
        day = _between(data, gen.FIRST_DAY, as_of)
        if day is None:
            return None
        section = "internal_audits" if what == "audit" else "management_reviews"
        new[section].append({"date": day})
        if what == "audit":
            # Rulebook nuance (TTH-AUDIT-PROGRAM): the year's audit programme is due by the year's FIRST
            # internal audit. An earlier audit is the programme's deadline, not its discharge, so it may
            # rightly make that programme late. Every other finding must hold.
            exempt.add(("TTH-AUDIT-PROGRAM", str(day.year)))
    elif what == "incorporation":
        open_ = [lc for lc in new["legal_changes"] if "incorporated" not in lc]
        lc = data.draw(st.sampled_from(open_))
        due = _CAL.add_months(lc["effective"], 3).due
        day = _between(data, lc["effective"] - dt.timedelta(days=60), min(due, as_of))
        if day is None:
            return None
        lc["incorporated"] = day
    else:
        open_ = [(a, nc) for a in new["internal_audits"] for nc in a.get("nonconformities", []) if "closed" not in nc]
        audit, nc = data.draw(st.sampled_from(open_))
        day = _between(data, audit["date"], min(nc.get("due", as_of), as_of))
        if day is None:
            return None
        nc["closed"] = day
    return what, new, exempt


@ci(200)
@given(st.data())
def test_a_fact_added_on_time_never_makes_a_finding_worse(data):
    doc = data.draw(gen.agencies())
    as_of = data.draw(AS_OF)
    added = _add_on_time(data, doc, as_of)
    assume(added is not None)
    what, new, exempt = added
    before, after = run(doc, as_of), run(new, as_of)
    old, now = by_key(before), by_key(after)
    for key in set(old) | set(now):
        if key in exempt:
            continue
        was, is_ = old.get(key, Counter()), now.get(key, Counter())
        assert is_["compliant"] >= was["compliant"], (
            f"adding {what} took {key} away from compliant: {dict(was)} → {dict(is_)}\n{show(after)}"
        )
        assert is_["violation"] <= was["violation"], (
            f"adding {what} added a violation to {key}: {dict(was)} → {dict(is_)}\n{show(after)}"
        )


# ------------------------------------------------------------------ time passing never mends a missed deadline


@ci(150)
@given(gen.agencies(), AS_OF, st.integers(1, 4000))
def test_a_later_as_of_never_turns_a_violation_into_compliant_or_pending(doc, as_of, days):
    later = min(as_of + dt.timedelta(days=days), dt.date(2027, 12, 31))
    assume(later > as_of)
    before, after = run(doc, as_of), run(doc, later)
    # Matched by (rule, subject, due): two records may share a subject (a nonconformity id written in
    # two audits), and one obligation keeps its due date whatever the evaluation date. A violation may
    # stay one, become not_applicable (e.g. the agency was dissolved by `later`) or go (its period lies
    # outside the rule's validity); it is never mended into compliant or pending.
    old, now = by_key(before, with_due=True), by_key(after, with_due=True)
    for key, was in old.items():
        if not was["violation"] or key[2] is None or key not in now:
            continue
        is_ = now[key]
        assert is_["violation"] + is_["not_applicable"] >= was["violation"], (
            f"{key}: {dict(was)} on {as_of} became {dict(is_)} on {later}\n{show(after)}"
        )


# ------------------------------------------------------------------ a missing section is never "compliant"


@ci(60)
@given(gen.agencies(), AS_OF)
def test_deleting_a_section_makes_the_rules_that_need_it_unknown_or_not_applicable(doc, as_of):
    sections = [s for s in doc if s not in ("agency", "qms") and not s.startswith("x_")]
    for section in sections:
        cut = {k: v for k, v in doc.items() if k != section}
        result = run(cut, as_of)
        needing = {r.id for r in RULEBOOK.agency_rules() if section in r.needs}
        for f in result.findings:
            if f.rule in needing:
                assert f.status in ("unknown", "not_applicable"), (
                    f"without `{section}`, {f.rule} {f.subject!r} is {f.status}: {f.message}"
                )


# ------------------------------------------------------------------ the hash seed changes nothing


@settings(
    max_examples=2,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(st.lists(gen.agencies(), min_size=6, max_size=6, unique_by=lambda d: d["agency"]["id"]))
def test_output_is_byte_identical_across_hash_seeds(tmp_path_factory, docs):
    folder = tmp_path_factory.mktemp("generated")
    for i, doc in enumerate(docs):
        (folder / f"a{i}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for fixture in sorted((ROOT / "fixtures" / "agencies").glob("*.yaml")):
        (folder / fixture.name).write_bytes(fixture.read_bytes())
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [
                sys.executable,
                str(ROOT / "cli.py"),
                "evaluate",
                str(folder),
                "--as-of",
                "2022-10-28",
                "--format",
                "json",
                "--jobs",
                "1",
            ],
            capture_output=True,
            env=env,
            timeout=120,
        )
        assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")
        outputs.append(done.stdout)
    assert json.loads(outputs[0])["agencies"]
    assert outputs[0] == outputs[1]


# ------------------------------------------------------------------ the two orders hypothesis found to matter


def _both_orders(records_key: str, first: dict, second: dict, extra: dict) -> tuple[str, str]:
    def doc(records):
        base = {
            "agency": {"id": "so-x", "name": "Sở X", "level": "department", "province": "Hà Nội"},
            "qms": {
                "standard": "TCVN ISO 9001:2008",
                "declarations": [{"date": dt.date(2014, 6, 1), "standard": "TCVN ISO 9001:2008"}],
            },
        }
        base.update(copy.deepcopy(extra))
        if records_key == "declarations":
            base["qms"]["declarations"] = records
        else:
            base[records_key] = records
        return base

    as_of = dt.date(2022, 10, 28)
    return (
        run(doc([first, second]), as_of).model_dump_json(exclude=BY_PLACE),
        run(doc([second, first]), as_of).model_dump_json(exclude=BY_PLACE),
    )


def test_two_declarations_of_one_day_are_cited_whatever_their_order():
    # Found by the shuffle property: the declaration cited in a trace was the one written first.
    plain = {"date": dt.date(2014, 6, 1), "standard": "TCVN ISO 9001:2008"}
    numbered = {**plain, "decision": "2/QĐ-UBND"}
    a, b = _both_orders("declarations", plain, numbered, {})
    assert a == b


def test_a_procedure_listed_twice_gives_findings_in_one_order():
    # Found by the shuffle property: two findings equal in (rule, subject, due, done, status) but with
    # different traces kept the order of the file.
    a, b = _both_orders("procedures", {"code": "2.000908"}, {"code": "2.000908", "effective": dt.date(2013, 1, 1)}, {})
    assert a == b
