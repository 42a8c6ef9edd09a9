#!/usr/bin/env python3
"""Benchmark: peak memory of reading one YAML document at the value limit (engine/yamlio.py MAX_NODES).

    .venv/bin/python bench/bench_memory.py

Memory follows the number of values in a document, not its size in bytes: the parser builds a node of
~300 bytes per value. For three shapes of agency file whose `x_` note holds short values (the worst
case per byte: `[1,1,1,…]`, `- 1` lines, `{k1: 1, …}`), this writes a document of exactly MAX_NODES
values and one of MAX_NODES + 1, runs `cli.py evaluate FILE --format json` on each in a fresh process,
and prints the exit status, wall time and the process's peak resident set (getrusage ru_maxrss).
At the limit the file is read and evaluated; one value more is refused before any node is built.
A script, not a test: the figures depend on the machine (record them in bench/RESULTS.md).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine.yamlio import MAX_NODES  # noqa: E402 (after the path is set)

HEAD = "agency: {id: a, name: Cơ quan A, level: central}\n"
HEAD_VALUES = 9  # the root mapping, 'agency', its mapping and 3 pairs (6 values)
_WRAPPER = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code, file=sys.stderr)
"""


def document(shape: str, values: int) -> str:
    """An agency file of exactly `values` values, all but a few of them in one `x_note`."""
    left = values - HEAD_VALUES - 2  # the key 'x_note' and its list or mapping
    if shape == "flow":
        return HEAD + "x_note: [" + ",".join(["1"] * left) + "]\n"
    if shape == "block":
        return HEAD + "x_note:\n" + "- 1\n" * left
    pairs = [f"k{i}: 1" for i in range(left // 2)]
    if left % 2:  # one value more: the last pair's value becomes a list of one
        pairs[-1] = pairs[-1][:-1] + "[1]"
    return HEAD + "x_note: {" + ", ".join(pairs) + "}\n"


def measure(path: Path) -> tuple[int, float, float]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _WRAPPER, sys.executable, str(ROOT / "cli.py"), "evaluate", str(path)]
        + ["--format", "json", "--as-of", "2022-12-31"],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    rss_kib, code = done.stderr.strip().splitlines()[-1].split()
    return int(code), wall, int(rss_kib) / 1024


def main() -> int:
    print(f"MAX_NODES = {MAX_NODES:,} values per document")
    with tempfile.TemporaryDirectory() as tmp:
        for shape in ("flow", "block", "map"):
            for values in (MAX_NODES, MAX_NODES + 1):
                path = Path(tmp) / f"{shape}-{values}.yaml"
                path.write_text(document(shape, values), encoding="utf-8")
                code, wall, rss = measure(path)
                verdict = "read" if code in (0, 1) else "refused" if code == 2 else f"exit {code}"
                print(
                    f"{shape:>5} {values:>10,} values  {path.stat().st_size / 1e6:6.1f} MB  {verdict:>8}  "
                    f"{wall:6.2f} s  peak RSS {rss:7.1f} MiB"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
