#!/usr/bin/env python3
"""Benchmark: what a rule costs as the rulebook grows (100, 300, 1,000 rule ids on 1,000 agencies).

    .venv/bin/python bench/bench_rulebook.py                         # 21 (built-in), 100, 300, 1000 rule ids
    .venv/bin/python bench/bench_rulebook.py --rules 1000 --agencies 200 --slots 8,16

A script, not a test: it prints a table and writes bench/out/rulebook-<agencies>.json. One process,
in-process evaluation (no YAML parsing, no output): the figures are the evaluation's own cost, of
which durable-rules' matcher is shown apart. Agencies: the first N of the national portfolio of
bench/bench_portfolio.py (same generator, same seed), as of 2022-12-31.

Two rulebook compositions, both the built-in rules plus clones of them (tests/rulebook_gen.py):
- `mixed`: a quarter of the clones bind as their template (many national duties), a quarter the
  sample province, a quarter another province, a quarter one level: the composition of the tests;
- `provincial`: every clone binds one of the 63 provinces in turn, as the provinces' own plans would
  (what a national rulebook of 1,000 rule ids mostly is): for one agency most are not applicable.
Per agency, per rule and per finding costs are CPU time of this process (time.process_time), so a
busy machine changes them little; wall time is given too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_portfolio import PROVINCES, agency_yaml, plan  # noqa: E402

AS_OF = dt.date(2022, 12, 31)


def agencies(n: int) -> list:
    from engine.facts import AgencyFacts
    from engine.yamlio import parse_yaml, validate

    return [
        validate(AgencyFacts, parse_yaml(agency_yaml(i, *row), file=row[0]), file=row[0])
        for i, row in enumerate(plan(n))
    ]


def measure(rule_count: int, composition: str, people: list, slots: int) -> dict:
    from engine import matcher
    from engine.evaluate import Evaluator
    from tests.rulebook_gen import rulebook_with

    t = time.process_time()
    book = rulebook_with(rule_count, per_file=10, provinces=PROVINCES if composition == "provincial" else None)
    ev = Evaluator(book)
    ev.matcher = matcher.Matcher(slots=slots)
    setup = time.process_time() - t
    in_matcher = [0.0]
    decide = ev.matcher.decide

    def timed(items, as_of):
        t0 = time.process_time()
        out = decide(items, as_of)
        in_matcher[0] += time.process_time() - t0
        return out

    ev.matcher.decide = timed  # type: ignore[method-assign]
    findings = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for facts in people:
        findings += len(ev.evaluate(facts, AS_OF).findings)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    n, rules = len(people), len(book.rules)
    return {
        "rule_ids": rules,
        "composition": composition,
        "slots": slots,
        "agencies": n,
        "setup_s": round(setup, 3),
        "cpu_s": round(cpu, 2),
        "wall_s": round(wall, 2),
        "findings_per_agency": round(findings / n, 1),
        "ms_per_agency": round(1000 * cpu / n, 2),
        "us_per_rule_per_agency": round(1e6 * cpu / n / rules, 1),
        "us_per_finding": round(1e6 * cpu / findings, 1),
        "matcher_ms_per_agency": round(1000 * in_matcher[0] / n, 2),
        "matcher_us_per_finding": round(1e6 * in_matcher[0] / findings, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rules", default="21,100,300,1000", help="rule id counts, comma-separated")
    ap.add_argument("--agencies", type=int, default=1000)
    ap.add_argument("--compositions", default="mixed,provincial")
    ap.add_argument("--slots", default="16", help="obligations per durable-rules state, comma-separated")
    args = ap.parse_args(argv)

    t = time.perf_counter()
    people = agencies(args.agencies)
    print(f"{len(people)} agencies generated and validated in {time.perf_counter() - t:.1f} s", flush=True)
    rows = []
    header = f"{'rules':>6} {'composition':>11} {'slots':>5} {'findings/ag':>11} {'ms/agency':>10} "
    header += f"{'us/rule/ag':>10} {'us/finding':>10} {'matcher ms/ag':>13} {'matcher us/f':>12} {'setup s':>8}"
    print(header)
    for composition in args.compositions.split(","):
        for count in (int(x) for x in args.rules.split(",")):
            for slots in (int(x) for x in args.slots.split(",")):
                r = measure(count, composition, people, slots)
                rows.append(r)
                print(
                    f"{r['rule_ids']:>6} {composition:>11} {slots:>5} {r['findings_per_agency']:>11} "
                    f"{r['ms_per_agency']:>10} {r['us_per_rule_per_agency']:>10} {r['us_per_finding']:>10} "
                    f"{r['matcher_ms_per_agency']:>13} {r['matcher_us_per_finding']:>12} {r['setup_s']:>8}",
                    flush=True,
                )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MiB; load average {os.getloadavg()[0]:.2f}")
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    record = {
        "date": dt.date.today().isoformat(),
        "python": platform.python_version(),
        "machine": platform.platform(),
        "peak_rss_mib": round(peak),
        "rows": rows,
    }
    (out / f"rulebook-{args.agencies}.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
