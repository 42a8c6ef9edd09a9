#!/usr/bin/env python3
"""Set the project up from its lock, then run a task. Only the standard library is used here: this is
what runs on a fresh machine, under whatever python3 (3.11, 3.12 or 3.13) the user has.

    python3 scripts/dev.py demo       # evaluate the sample district People's Committee
    python3 scripts/dev.py test       # the whole suite: lint, format, types, tests (what CI runs)
    python3 scripts/dev.py cli ...    # any htqlcl command inside the environment
    python3 scripts/dev.py smoke      # the demo and a fast subset of the tests
    python3 scripts/dev.py pythons    # smoke on every other supported Python here, same demo output (CI)
    python3 scripts/dev.py lock       # refresh the lock (requirements/*.txt) from pyproject.toml's ranges

The environment is `.venv` for the Python that first created it and `.venv-3.X` for any other minor
version, each built (again when the lock or pyproject.toml changes) from exactly the versions and
hashes of requirements/: a new release of any dependency never changes what a fresh clone installs.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements"
DEMO_AGENCY = "fixtures/agencies/ubnd-huyen-quang-dien.yaml"
DEMO = ["evaluate", DEMO_AGENCY, "--as-of", "2022-10-28"]
SUPPORTED = [(3, 11), (3, 12), (3, 13)]


def _venv_dir() -> Path:
    """`.venv` if it is for this Python's minor version (or does not exist yet), else `.venv-3.X`."""
    default = ROOT / ".venv"
    cfg = default / "pyvenv.cfg"
    if not cfg.exists():
        return default
    for line in cfg.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("=")
        if key.strip() in ("version", "version_info"):
            if tuple(int(x) for x in value.strip().split(".")[:2]) == sys.version_info[:2]:
                return default
            break
    return ROOT / f".venv-{sys.version_info[0]}.{sys.version_info[1]}"


VENV = _venv_dir()
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed-from"


def _digest() -> str:
    h = hashlib.sha256(sys.version.encode())
    for path in [ROOT / "pyproject.toml", *sorted(LOCK.glob("*.txt"))]:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _build_env() -> dict[str, str]:
    env = dict(os.environ)
    if sys.version_info >= (3, 13):
        # durable-rules 2.0.28 calls PyEval_CallObject, which Python 3.13 removed; its setup.py overwrites
        # CFLAGS, but the compiler still receives CPPFLAGS.
        flag = "-DPyEval_CallObject=PyObject_CallObject"
        env["CPPFLAGS"] = f"{env.get('CPPFLAGS', '')} {flag}".strip()
    return env


def _pip(*args: str) -> None:
    command = [str(PY), "-m", "pip", "--disable-pip-version-check", "-q", *args]
    # pip's own chatter (e.g. about the machine's local index settings) is shown only if it fails.
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=_build_env())
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        if "Failed building wheel for durable-rules" in done.stdout + done.stderr:
            sys.stderr.write(
                "\ndurable-rules is compiled from source on install: a C compiler is needed "
                "(Debian/Ubuntu: apt install gcc python3-dev).\n"
            )
        sys.exit(f"installing into {VENV.name} failed (pip exit status {done.returncode}): {' '.join(args[:3])} …")


def ensure_environment() -> None:
    if sys.version_info[:2] not in SUPPORTED:
        names = ", ".join(f"{a}.{b}" for a, b in SUPPORTED)
        sys.exit(f"Python {names} is needed; this is {sys.version.split()[0]}")
    digest = _digest()
    if PY.exists() and STAMP.exists() and STAMP.read_text().strip() == digest:
        return
    if not PY.exists():
        print(f"setting up {VENV.name} …", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    STAMP.unlink(missing_ok=True)
    print("installing the locked dependencies …", file=sys.stderr)
    # 1. the build tools, 2. every dependency, built with those tools (no isolated build environment
    # fetching the newest setuptools), 3. the project itself, editable. Hashes are checked throughout.
    _pip("install", "--require-hashes", "-r", str(LOCK / "build.txt"))
    _pip("install", "--require-hashes", "--no-build-isolation", "-r", str(LOCK / "dev.txt"))
    _pip("install", "--no-deps", "--no-build-isolation", "-e", str(ROOT))
    STAMP.write_text(digest)


def run(*command: str) -> int:
    return subprocess.run(list(command), cwd=ROOT).returncode


def task_test(rest: list[str]) -> int:
    """Lint, format and types first (seconds), then the tests."""
    checks = [
        [str(BIN / "ruff"), "check", "."],
        [str(BIN / "ruff"), "format", "--check", "."],
        [str(BIN / "mypy")],  # engine/ and cli.py, as pyproject.toml's [tool.mypy] says
    ]
    for check in checks:
        if run(*check) != 0:
            print(
                f"failed: {' '.join(Path(check[0]).name if i == 0 else c for i, c in enumerate(check))}",
                file=sys.stderr,
            )
            return 1
    return run(str(PY), "-m", "pytest", "-q", *rest)


def task_smoke(rest: list[str]) -> int:
    code = run(str(PY), "cli.py", *DEMO)
    if code not in (0, 1):
        return code
    return run(str(PY), "-m", "pytest", "-q", "-m", "smoke", *rest)


def task_lock(rest: list[str]) -> int:
    """requirements/*.txt from pyproject.toml's ranges and requirements/build.in: the newest versions
    those ranges admit today, for every supported Python (universal), with hashes."""
    uv = shutil.which("uv", path=str(BIN)) or "uv"
    common = ["pip", "compile", "--universal", "--generate-hashes", "--python-version", "3.11", "-q", *rest]
    steps = [
        [uv, *common, "requirements/build.in", "-o", "requirements/build.txt"],
        [uv, *common, "pyproject.toml", "-o", "requirements/runtime.txt"],
        [
            uv,
            *common,
            "pyproject.toml",
            "--extra",
            "test",
            "--extra",
            "dev",
            "-c",
            "requirements/runtime.txt",
            "-o",
            "requirements/dev.txt",
        ],
    ]
    for step in steps:
        if run(*step) != 0:
            return 1
    return 0


def other_pythons() -> list[Path]:
    """Interpreters of the other supported minor versions on this machine: pyenv's, else python3.X on PATH."""
    found: dict[tuple[int, int], Path] = {}
    pyenv = shutil.which("pyenv")
    if pyenv:
        root = Path(subprocess.run([pyenv, "root"], capture_output=True, text=True).stdout.strip())
        names = subprocess.run([pyenv, "versions", "--bare"], capture_output=True, text=True).stdout.split()
        for name in sorted(names, key=lambda n: [int(x) if x.isdigit() else 0 for x in n.split(".")]):
            parts = name.split(".")
            if len(parts) == 3 and all(x.isdigit() for x in parts) and (int(parts[0]), int(parts[1])) in SUPPORTED:
                found[(int(parts[0]), int(parts[1]))] = root / "versions" / name / "bin" / "python3"
    for minor in SUPPORTED:
        if minor not in found and (exe := shutil.which(f"python{minor[0]}.{minor[1]}")):
            found[minor] = Path(exe)
    return [exe for minor, exe in sorted(found.items()) if minor != sys.version_info[:2] and exe.exists()]


def task_pythons(rest: list[str]) -> int:
    """On every other supported Python: the smoke task, and the demo's JSON identical to this Python's."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYENV_VERSION")}
    demo = [*DEMO, "--format", "json"]
    ours = subprocess.run([str(PY), "cli.py", *demo], cwd=ROOT, capture_output=True, text=True).stdout
    failed = []
    for exe in other_pythons():
        version = subprocess.run([str(exe), "--version"], capture_output=True, text=True).stdout.strip()
        print(f"── {version} ({exe})", file=sys.stderr, flush=True)
        if subprocess.run([str(exe), __file__, "smoke", *rest], cwd=ROOT, env=env).returncode != 0:
            failed.append(f"{version}: smoke")
            continue
        theirs = subprocess.run([str(exe), __file__, "cli", *demo], cwd=ROOT, env=env, capture_output=True, text=True)
        if theirs.stdout != ours:
            failed.append(f"{version}: the demo's JSON differs from {sys.version.split()[0]}'s")
    for failure in failed:
        print(f"failed: {failure}", file=sys.stderr)
    return 1 if failed else 0


TASKS = {
    "demo": lambda rest: run(str(PY), "cli.py", *DEMO, *rest),
    "test": task_test,
    "cli": lambda rest: run(str(PY), "cli.py", *rest),
    "smoke": task_smoke,
    "lock": task_lock,
    "pythons": task_pythons,
}


def main(argv: list[str]) -> int:
    task, rest = (argv[0], argv[1:]) if argv else ("demo", [])
    if task not in TASKS:
        print(__doc__, file=sys.stderr)
        return 2
    ensure_environment()
    return TASKS[task](rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
