#!/usr/bin/env python3
"""Benchmark: a folder of 60 agencies as workbooks (.xlsx) against the same folder in YAML.

    .venv/bin/python bench/bench_xlsx.py                 # both inputs, 3 runs each, best kept
    .venv/bin/python bench/bench_xlsx.py --runs 5

A script, not a test: it prints figures and writes them to bench/out/xlsx-results.json; `bench/RESULTS.md`
records the measured ones. Target (issue 13): converting or evaluating a 60-agency folder of .xlsx takes
no more than 3× the same folder in YAML.

Two inputs, each in both forms under bench/out/ (git-ignored, written afresh by each run):
- `sample`: the sample province (fixtures/provinces/thua-thien-hue-2022-10, 60 agencies, ≈1.5 KB of YAML
  each, what an officer writes in a first year);
- `synthetic`: 60 agencies of bench_portfolio.py's generator (five years of facts, ≈140 records,
  ≈12 KB of YAML each: a full workbook).

Measured, best of --runs, each as a user runs it (a fresh `python cli.py` process), wall time and CPU
time (user + system of the process and its children: on a machine shared with other work, the figure
to compare):
- `evaluate FOLDER --format json --output …`;
- `convert FOLDER OUT --to yaml` and `--to xlsx`: the whole folder in one command, from each form;
- and, in this process, reading every file into the facts model (YAML parser + pydantic, or the
  workbook reader): the part of the work that differs between the two forms.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
AGENCIES = 60
AS_OF = "2022-10-28"
sys.path.insert(0, str(ROOT))


def _folders(name: str) -> tuple[Path, Path]:
    """(the YAML folder, the same agencies as workbooks), written afresh each run (a few seconds): a
    folder left by an older engine or generator would measure the wrong thing."""
    from engine.api import load_facts
    from engine.xlsx.facts_writer import facts_workbook

    yaml_dir, xlsx_dir = OUT / f"xlsx-{name}-yaml", OUT / f"xlsx-{name}-xlsx"
    shutil.rmtree(yaml_dir, ignore_errors=True)
    shutil.rmtree(xlsx_dir, ignore_errors=True)
    yaml_dir.mkdir(parents=True)
    xlsx_dir.mkdir(parents=True)
    if name == "sample":
        sources = sorted((ROOT / "fixtures" / "provinces" / "thua-thien-hue-2022-10").rglob("*.yaml"))
        for path in sources[:AGENCIES]:
            shutil.copy(path, yaml_dir / path.name)
    else:
        sys.path.insert(0, str(ROOT / "bench"))
        import bench_portfolio

        for i, (agency_id, agency_name, level, province, district) in enumerate(bench_portfolio.plan(AGENCIES)):
            text = bench_portfolio.agency_yaml(i, agency_id, agency_name, level, province, district)
            (yaml_dir / f"{agency_id}.yaml").write_text(text, encoding="utf-8")
    for path in sorted(yaml_dir.glob("*.yaml")):
        (xlsx_dir / f"{path.stem}.xlsx").write_bytes(facts_workbook(load_facts(path)))
    return yaml_dir, xlsx_dir


def _measure(runs: int, action) -> tuple[float, float]:
    """(best wall time, best CPU time) of `runs` runs of `action`. CPU time counts this process and the
    processes it waited for (user + system): unlike wall time it does not grow when other work shares
    the machine, so it is the figure to compare on a busy machine."""
    walls, cpus = [], []
    for _ in range(runs):
        before = _cpu()
        started = time.perf_counter()
        action()
        walls.append(time.perf_counter() - started)
        cpus.append(_cpu() - before)
    return min(walls), min(cpus)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _cli(*args: str) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr)


def _evaluate(folder: Path) -> None:
    _cli("evaluate", str(folder), "--as-of", AS_OF, "--format", "json", "--output", str(OUT / "xlsx-bench-report.json"))


def _convert(folder: Path, to: str) -> None:
    target = OUT / f"xlsx-bench-converted-{to}"
    shutil.rmtree(target, ignore_errors=True)
    _cli("convert", str(folder), str(target), "--to", to)


def _read_all(folder: Path) -> None:
    from engine.api import load_facts

    for path in sorted(folder.iterdir()):
        load_facts(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each measure; the best is kept")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "agencies": AGENCIES,
        "runs": args.runs,
        "load_average_before": os.getloadavg()[0],
        "inputs": {},
    }
    for name in ("sample", "synthetic"):
        yaml_dir, xlsx_dir = _folders(name)
        size = {
            "yaml": sum(p.stat().st_size for p in yaml_dir.iterdir()),
            "xlsx": sum(p.stat().st_size for p in xlsx_dir.iterdir()),
        }
        measures = {
            "evaluate_yaml": lambda d=yaml_dir: _evaluate(d),
            "evaluate_xlsx": lambda d=xlsx_dir: _evaluate(d),
            "convert_yaml_to_yaml": lambda d=yaml_dir: _convert(d, "yaml"),
            "convert_xlsx_to_yaml": lambda d=xlsx_dir: _convert(d, "yaml"),
            "convert_yaml_to_xlsx": lambda d=yaml_dir: _convert(d, "xlsx"),
            "convert_xlsx_to_xlsx": lambda d=xlsx_dir: _convert(d, "xlsx"),
            "read_yaml": lambda d=yaml_dir: _read_all(d),
            "read_xlsx": lambda d=xlsx_dir: _read_all(d),
        }
        figures: dict = {}
        for key, action in measures.items():
            figures[key], figures[f"{key}_cpu"] = _measure(args.runs, action)
        for what, base, other in (
            ("evaluate", "evaluate_yaml", "evaluate_xlsx"),
            ("convert_to_yaml", "convert_yaml_to_yaml", "convert_xlsx_to_yaml"),
            ("convert_to_xlsx", "convert_yaml_to_xlsx", "convert_xlsx_to_xlsx"),
            ("read", "read_yaml", "read_xlsx"),
        ):
            figures[f"{what}_ratio"] = figures[other] / figures[base]
            figures[f"{what}_cpu_ratio"] = figures[f"{other}_cpu"] / figures[f"{base}_cpu"]
        results["inputs"][name] = {"bytes": size, "seconds": figures}
        print(
            f"{name}: {AGENCIES} agencies, {size['yaml'] / 1024:.0f} KiB of YAML, {size['xlsx'] / 1024:.0f} KiB of xlsx"
        )
        for what, base, other, words in (
            ("evaluate", "evaluate_yaml", "evaluate_xlsx", "evaluate the folder"),
            ("convert_to_yaml", "convert_yaml_to_yaml", "convert_xlsx_to_yaml", "convert it --to yaml"),
            ("convert_to_xlsx", "convert_yaml_to_xlsx", "convert_xlsx_to_xlsx", "convert it --to xlsx"),
            ("read", "read_yaml", "read_xlsx", "read every file (in one process)"),
        ):
            print(
                f"  {words:<34} from YAML {figures[base]:6.2f} s (CPU {figures[base + '_cpu']:6.2f} s)   "
                f"from xlsx {figures[other]:6.2f} s (CPU {figures[other + '_cpu']:6.2f} s)   "
                f"ratio {figures[what + '_ratio']:.2f}× (CPU {figures[what + '_cpu_ratio']:.2f}×)"
            )
    (OUT / "xlsx-results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
