#!/usr/bin/env python3
"""Set the project up in ./.venv (once, and again when pyproject.toml changes), then run a task.

    python3 scripts/dev.py demo      # evaluate a sample agency
    python3 scripts/dev.py test      # the whole test suite (what CI runs)
    python3 scripts/dev.py cli ...   # any cli.py command inside the environment

Only the standard library is used here: this is what runs on a fresh machine.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed-from"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")

DEMO_AGENCY = "fixtures/agencies/ubnd-huyen-quang-dien.yaml"


def _requirements_digest() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_environment() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py runs under whatever python3 is)
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    digest = _requirements_digest()
    if PY.exists() and STAMP.exists() and STAMP.read_text().strip() == digest:
        return
    if not PY.exists():
        print("setting up .venv …", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    pip = [str(PY), "-m", "pip", "--disable-pip-version-check", "-q"]
    print("installing dependencies …", file=sys.stderr)
    # pip's own chatter (e.g. about local index settings) is shown only if the install fails.
    done = subprocess.run(pip + ["install", "-e", f"{ROOT}[test]"], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        sys.exit(f"installing the dependencies failed (pip exit status {done.returncode})")
    STAMP.write_text(digest)


def main(argv: list[str]) -> int:
    task, rest = (argv[0], argv[1:]) if argv else ("demo", [])
    ensure_environment()
    if task == "demo":
        cmd = [str(PY), "cli.py", "evaluate", DEMO_AGENCY, "--as-of", "2022-10-28", *rest]
    elif task == "test":
        cmd = [str(PY), "-m", "pytest", "-q", *rest]
    elif task == "cli":
        cmd = [str(PY), "cli.py", *rest]
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return subprocess.run(cmd, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
