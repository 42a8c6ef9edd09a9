"""Health of the rules and their features, read as files: every problem is gathered and reported
once, each with the file:line to fix (STYLE.md 9, 11). The checks are the engine's own
(engine/packs/health.py), the same `htqlcl rules check` applies to a province's rule pack:

- every clause's `quote` is verbatim (white space folded, nothing else) in its source file;
- rule, clause and document ids are unique, and `valid_from <= valid_to`;
- every rule has exactly one `Quy tắc` tagged with its id, in the feature file named like its rules
  file, whose description quotes at least one of its clauses verbatim;
- every tag that looks like a rule id names a rule; scenario titles are unique within a file;
- every rule's `Quy tắc` expects the outcomes the rule can have (`required_outcomes`);
- the clause register agrees with the sources and the rules files (engine/register.py).
Here too: `rules/sources/` is byte-identical to the shared sources, where a CI checkout has them;
`cli.py rules --format json` lists every rule with its quotes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from engine.packs import builtin_pack
from engine.packs.health import check_pack, read_rules

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
SOURCES = RULES / "sources"
# Only CI checkouts sit next to the shared folder; nothing else in the project may read it.
SHARED_SOURCES = ROOT.parent / "shared" / "sources"


def test_an_interpretation_is_written_once_in_the_rules_file():
    """A feature's `Quy tắc` quotes its clauses; the rule's interpretation lives in the rules file alone, so
    that the page, the rule card and the findings show one and the same (no second "Cách hiểu" to drift)."""
    import re

    found = []
    for path in sorted((ROOT / "features").glob("*.feature")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"\s*Cách hiểu\b", line):
                found.append(f"features/{path.name}:{n}")
    assert not found, "interpretations written in features (keep them in rules/*.yaml): " + ", ".join(found)


def test_rules_and_features_are_healthy():
    problems = check_pack(builtin_pack())
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(p.render("en") for p in problems)


def test_sources_are_the_shared_sources():
    if not SHARED_SOURCES.is_dir():
        pytest.skip("no ../shared/sources next to this checkout (only CI clones have it)")
    ours = {p.relative_to(SOURCES): p for p in SOURCES.rglob("*") if p.is_file()}
    theirs = {p.relative_to(SHARED_SOURCES): p for p in SHARED_SOURCES.rglob("*") if p.is_file()}
    problems = [
        f"rules/sources/{n}: missing (it is in the shared sources)" for n in sorted(theirs.keys() - ours.keys())
    ]
    problems += [f"rules/sources/{n}: not in the shared sources" for n in sorted(ours.keys() - theirs.keys())]
    problems += [
        f"rules/sources/{n}: differs from the shared copy"
        for n in sorted(ours.keys() & theirs.keys())
        if ours[n].read_bytes() != theirs[n].read_bytes()
    ]
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


def test_cli_rules_lists_every_rule_with_its_quotes():
    run = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "rules", "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    listed = {r["id"]: r for r in json.loads(run.stdout)["rules"]}
    files, unreadable = read_rules(builtin_pack())
    assert not unreadable
    clauses = {c["id"]: c for f in files for c in f.clauses()}
    problems = []
    for f in files:
        for rule in f.rules():
            rid = rule["id"]
            where = f"{f.path}:{f.line(rule, 'id')}"
            if rid not in listed:
                problems.append(f"{where}: `cli.py rules` does not list {rid}")
                continue
            got = {s["id"]: s.get("quote") for s in listed[rid].get("sources", [])}
            for cid in rule.get("sources") or []:
                if cid not in got:
                    problems.append(f"{where}: `cli.py rules` lists {rid} without source {cid}")
                elif cid in clauses and got[cid] != clauses[cid]["quote"]:
                    problems.append(f"{where}: `cli.py rules` gives another quote for {cid}")
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)
