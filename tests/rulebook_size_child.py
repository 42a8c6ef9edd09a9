"""Evaluate a generated rulebook of N rule ids three ways, in a process of its own, and say whether they agree.

    python -m tests.rulebook_size_child --rules 1000 --generated 10 [--slots1 5]

The three ways: the rulebook's rules in one large generated file; the same rules split across many
files of 7; and (on the first `--slots1` agencies) the one-large-file rulebook decided one obligation
per durable-rules state, the smallest batch there is. Agencies: the sample province (Thừa Thiên Huế,
October 2022) and `--generated` agencies of the benchmark's synthetic national portfolio, spread over
its levels and provinces. Prints one JSON object: agreement, counts, verdict kinds, timings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PROVINCE = ROOT / "fixtures" / "provinces" / "thua-thien-hue-2022-10"
AS_OF = dt.date(2022, 10, 28)


def agencies(generated: int) -> list:
    from bench.bench_portfolio import agency_yaml, plan
    from engine.facts import AgencyFacts
    from engine.yamlio import parse_yaml, validate

    out = []
    for p in sorted(PROVINCE.rglob("*.yaml")):
        out.append(validate(AgencyFacts, parse_yaml(p.read_text(encoding="utf-8"), file=str(p)), file=str(p)))
    if generated:
        planned = plan(max(generated, 1000))
        step = len(planned) / generated
        for k in range(generated):
            index = int(k * step)
            text = agency_yaml(index, *planned[index])
            if k % 2:  # established after Decision 19: its duty to have a QMS runs from then (standing_due)
                text = text.replace("\n  level: ", "\n  established: 2016-03-01\n  level: ", 1)
            if k % 4 == 1:  # … and it has not declared one (its qms section kept as a note only)
                text = text.replace("\nqms:\n", "\nx_qms:\n", 1)
            out.append(validate(AgencyFacts, parse_yaml(text, file=f"generated-{index}"), file=f"generated-{index}"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rules", type=int, default=1000)
    ap.add_argument("--generated", type=int, default=10)
    ap.add_argument("--slots1", type=int, default=5)
    args = ap.parse_args(argv)

    from engine import matcher
    from engine.evaluate import Evaluator
    from tests.rulebook_gen import rulebook_with

    people = agencies(args.generated)
    large = rulebook_with(args.rules, per_file=args.rules)
    split = rulebook_with(args.rules, per_file=7)
    one, many, smallest = Evaluator(large), Evaluator(split), Evaluator(large)
    smallest.matcher = matcher.Matcher(slots=1)

    def view(result) -> list:
        return [f.model_dump(mode="json") for f in result.findings] + [result.summary.model_dump()]

    disagree: list[str] = []
    findings, kinds, statuses = 0, set(), {}
    decide = one.matcher.decide

    def seen(items, as_of):  # the verdict kinds durable-rules gave (late vs overdue, done vs held, …)
        out = decide(items, as_of)
        kinds.update(out)
        return out

    one.matcher.decide = seen  # type: ignore[method-assign]
    timings = {"large": 0.0, "split": 0.0, "slots1": 0.0}
    for n, facts in enumerate(people):
        t = time.perf_counter()
        a = one.evaluate(facts, AS_OF)
        timings["large"] += time.perf_counter() - t
        t = time.perf_counter()
        b = many.evaluate(facts, AS_OF)
        timings["split"] += time.perf_counter() - t
        if view(a) != view(b):
            disagree.append(f"{facts.agency.id}: one file / many files")
        if n < args.slots1:
            t = time.perf_counter()
            c = smallest.evaluate(facts, AS_OF)
            timings["slots1"] += time.perf_counter() - t
            if view(a) != view(c):
                disagree.append(f"{facts.agency.id}: {matcher.SLOTS} per state / 1 per state")
        findings += len(a.findings)
        for f in a.findings:
            statuses[f.status] = statuses.get(f.status, 0) + 1
    print(
        json.dumps(
            {
                "rule_ids": len(large.rules),
                "files": [len(large.files), len(split.files)],
                "agencies": len(people),
                "findings": findings,
                "statuses": statuses,
                "verdict_kinds": sorted(kinds),
                "operators": sorted(_operators(large)),
                "disagree": disagree,
                "seconds": {k: round(v, 2) for k, v in timings.items()},
            }
        )
    )
    return 0


def _operators(book) -> set[str]:
    from engine import operators

    return {f"{kind}:{operators.split(getattr(r, kind))[0]}" for r in book.rules.values() for kind in operators.KINDS}


if __name__ == "__main__":
    sys.exit(main())
