"""fork() while other threads evaluate (a service that starts a portfolio run, a test runner with
workers): the child must never inherit a lock held by a thread it does not have. Run in a separate
process, so that a child that hangs is seen as a timeout, not as a hung test session."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = textwrap.dedent(
    """
    import os, sys, threading, time
    sys.path.insert(0, sys.argv[1])
    from engine.api import evaluate

    AGENCY = sys.argv[2]
    evaluate(AGENCY, "2022-10-28")  # everything loaded and compiled before the threads start
    stop = threading.Event()

    def busy():
        while not stop.is_set():
            evaluate(AGENCY, "2022-10-28")

    threads = [threading.Thread(target=busy, daemon=True) for _ in range(4)]
    for t in threads:
        t.start()
    hung = 0
    for _ in range(int(sys.argv[3])):
        time.sleep(0.002)
        pid = os.fork()
        if pid == 0:
            evaluate(AGENCY, "2022-10-28")  # takes the matcher's and the API's locks
            os._exit(0)
        deadline = time.monotonic() + 5
        while True:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > deadline:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                hung += 1
                break
            time.sleep(0.005)
    stop.set()
    print("hung", hung)
    """
)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork() is POSIX")
def test_a_child_forked_while_threads_evaluate_never_hangs(tmp_path):
    agency = ROOT / "fixtures" / "agencies" / "ubnd-thi-tran-huu-lung.yaml"
    script = tmp_path / "fork.py"
    script.write_text(SCRIPT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(ROOT), str(agency), "40"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "hung 0", done.stdout + done.stderr
