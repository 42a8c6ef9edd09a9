"""Run durable-rules' C core on a ruleset and a script of calls in a child process, so that a crash or
an endless loop is observed by the test, not suffered by it.

    outcome = run(ruleset, [("assert", [facts…]), ("delete", "sid"), …], timeout=10)
    outcome.status   # "ok", "SIGSEGV"/"SIGABRT"/…, "timeout", or "exit N"
    outcome.codes    # what each call returned: a code of the C core ("0", "2", …) or "error 303"
    outcome.fired    # the rule names whose actions ran, in order

The child imports only durable_rules_engine (not the project), so each run costs a few hundredths of
a second. A call that raises is recorded as `error N` (N the core's error code) and the script goes on.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass, field

CHILD = r"""
import json, re, sys
import durable_rules_engine as dre

spec = json.load(sys.stdin)

def say(**event):
    print(json.dumps(event), flush=True)

def code_of(e):
    found = re.search(r"error code: (\d+)", str(e))
    return "error " + (found.group(1) if found else str(e))

def drain(h):
    fired = []
    result = dre.start_action(h)
    while result:
        _, message, action = result
        while message:
            fired.extend(json.loads(message))
            message = dre.complete_and_start_action(h, action)
        result = dre.start_action(h)
    return fired

try:
    h = dre.create_ruleset(spec["name"], json.dumps(spec["ruleset"]))
except Exception as e:
    say(created=code_of(e))
    sys.exit(0)
say(created="0")
for op, arg in spec["script"]:
    try:
        if op == "assert":
            code = str(dre.assert_facts(h, json.dumps(arg))[0])
        elif op == "retract":
            code = str(dre.retract_facts(h, json.dumps(arg))[0])
        elif op == "delete":
            dre.delete_state(h, arg)
            code = "0"
        else:
            raise ValueError(op)
    except Exception as e:
        code = code_of(e)
    say(op=op, code=code, fired=drain(h) if op != "delete" else [])
say(finished=True)
"""


def core_reports(valgrind_stderr: str) -> list[str]:
    """valgrind's reports that concern the C core: a frame of durable_rules_engine, or any invalid
    read, write or free. CPython's own start-up and shutdown reports (it is not built for valgrind)
    are not ours."""
    blocks: list[str] = []
    current: list[str] = []
    for line in valgrind_stderr.splitlines():
        if not (line.startswith("==") and "== " in line):
            continue
        body = line.split("== ", 1)[1]
        if body.strip():
            current.append(body)
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return [b for b in blocks if "durable_rules_engine" in b or b.startswith(("Invalid", "Mismatched"))]


@dataclass
class Outcome:
    status: str  # "ok" | "SIG…" | "timeout" | "exit N"
    created: str | None = None  # "0", or "error N" if create_ruleset refused the ruleset
    codes: list[str] = field(default_factory=list)
    fired: list[str] = field(default_factory=list)
    stderr: str = ""

    @property
    def crashed(self) -> bool:
        return self.status.startswith("SIG")

    @property
    def core_reports(self) -> list[str]:
        """With `valgrind=True`: what valgrind reported about the C core."""
        return core_reports(self.stderr)


def run(
    ruleset: dict, script: list[tuple[str, object]], timeout: float = 20, name: str = "probe", valgrind: bool = False
) -> Outcome:
    spec = json.dumps({"name": name, "ruleset": ruleset, "script": script})
    env = dict(os.environ, PYTHONFAULTHANDLER="")  # a crash is the result, not a traceback to print
    prefix = ["valgrind", "-q"] if valgrind else []
    if valgrind:
        env["PYTHONMALLOC"] = "malloc"
    with subprocess.Popen(
        [*prefix, sys.executable, "-c", CHILD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as child:
        try:
            out, err = child.communicate(spec, timeout=timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            out, err = child.communicate()
            status = "timeout"
        else:
            rc = child.returncode
            status = "ok" if rc == 0 else (signal.Signals(-rc).name if rc < 0 else f"exit {rc}")
    outcome = Outcome(status, stderr=err)
    for line in out.splitlines():
        event = json.loads(line)
        if "created" in event:
            outcome.created = event["created"]
        elif "op" in event:
            outcome.codes.append(event["code"])
            outcome.fired.extend(event["fired"])
    return outcome
