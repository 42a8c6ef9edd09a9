"""The Python API from many threads at once gives exactly what it gives one call at a time.

engine/api.py promises it is safe to call from several threads (an embedding portal serves many users
in one process). durable-rules' C core is process-global and the YAML loader keeps per-thread state,
so this runs 8 threads together, released by a barrier, over the fixture agencies (read from their
files: YAML loading included), generated agencies (as dicts) and bad input (the same InputError),
several dates and both languages, each thread in its own order.
"""

from __future__ import annotations

import random
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.api import evaluate
from engine.errors import InputError
from tests import strategies as gen

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted(str(p) for p in (ROOT / "fixtures" / "agencies").glob("*.yaml"))
BAD = [
    str(ROOT / "tests" / "bad_inputs" / name)
    for name in (
        "duplicate_key.yaml",
        "impossible_date_feb30.yaml",
        "billion_laughs.yaml",
        "unknown_key_in_member.yaml",
    )
]
DATES = ["2017-12-31", "2022-10-28", "2025-07-01"]
THREADS = 8


def outcome(source, as_of: str, lang: str) -> str:
    """The result's JSON, or the problems of the InputError: both must not depend on the threads."""
    try:
        return evaluate(source, as_of, lang=lang).model_dump_json()
    except InputError as e:
        return "InputError:\n" + str(e)


def check_in_threads(sources: list) -> None:
    jobs = [(i, as_of, lang) for i in range(len(sources)) for as_of in DATES for lang in ("vi", "en")]
    expected = {job: outcome(sources[job[0]], job[1], job[2]) for job in jobs}
    barrier = threading.Barrier(THREADS)

    def worker(seed: int) -> dict:
        order = list(jobs)
        random.Random(seed).shuffle(order)
        barrier.wait()
        return {job: outcome(sources[job[0]], job[1], job[2]) for job in order}

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(worker, range(THREADS)))
    for got in results:
        for job, text in got.items():
            assert text == expected[job], (
                f"{sources[job[0]] if isinstance(sources[job[0]], str) else 'dict'} "
                f"on {job[1]} ({job[2]}) differs in a thread"
            )


def test_fixture_files_and_bad_files_from_eight_threads():
    check_in_threads(FIXTURES + BAD)
    assert any(outcome(b, "2022-10-28", "vi").startswith("InputError") for b in BAD)


@settings(
    max_examples=2,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(gen.agencies(), min_size=4, max_size=4))
def test_generated_agencies_from_eight_threads(docs):
    check_in_threads(docs + FIXTURES[:2])


def test_first_use_from_eight_threads_at_once():
    """The evaluator and rulebook caches are built by whichever thread comes first: a fresh process
    where all threads ask at the same moment must still give one result."""
    import subprocess
    import sys

    code = (
        "import threading, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from engine.api import evaluate\n"
        "out = [None] * 8\n"
        "b = threading.Barrier(8)\n"
        "def run(i):\n"
        "    b.wait()\n"
        f"    out[i] = evaluate({FIXTURES[0]!r}, '2022-10-28').model_dump_json()\n"
        "ts = [threading.Thread(target=run, args=(i,)) for i in range(8)]\n"
        "[t.start() for t in ts]; [t.join() for t in ts]\n"
        "assert len(set(out)) == 1 and out[0], 'threads disagree'\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
