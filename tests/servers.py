"""The HTTP service as the tests meet it: a real `htqlcl serve` process on a free port of 127.0.0.1,
spoken to over HTTP with the standard library (nothing of the application is imported)."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def json(self):
        return json.loads(self.body)

    @property
    def type(self) -> str:
        return self.headers.get("content-type", "")


@dataclass
class Server:
    """`htqlcl serve` with `args`, in a subprocess; its JSON log goes to a temporary file."""

    args: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    command: tuple[str, ...] = ()  # how to start it (default: the htqlcl console script, else python -m engine)
    port: int = 0
    process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> Server:
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("HTQLCL_")}
        env.update(self.env)
        self._log = tempfile.NamedTemporaryFile(prefix="htqlcl-serve-", suffix=".log", delete=False)  # noqa: SIM115
        self.process = subprocess.Popen(
            [*(self.command or _htqlcl()), "serve", "--port", str(self.port), *self.args],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        stop = time.monotonic() + timeout
        while time.monotonic() < stop:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited with {self.process.returncode}:\n{self.log_text()}")
            try:
                if self.request("GET", "/health", timeout=2).status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.1)
        self.stop(signal.SIGKILL)
        raise RuntimeError(f"the server did not answer within {timeout} s:\n{self.log_text()}")

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float = 60,
    ) -> Answer:
        connection = http.client.HTTPConnection(HOST, self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
        finally:
            connection.close()

    def post(self, path: str, body: bytes, content_type: str, **headers: str) -> Answer:
        return self.request("POST", path, body, {"Content-Type": content_type, **headers})

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60) -> int:
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()
        finally:
            self._log.close()

    def log_text(self) -> str:
        return Path(self._log.name).read_text(encoding="utf-8", errors="replace")

    def log_entries(self) -> list[dict]:
        """The JSON lines of the log written so far (anything else, e.g. a traceback printed by Python,
        is a failure). A line still being written is left for the next look."""
        text = self.log_text()
        complete = text[: text.rfind("\n") + 1]
        return [json.loads(line) for line in complete.splitlines() if line.strip()]

    def log_entry(self, request_id: str, timeout: float = 10) -> dict:
        """The access line of one request: written once its answer has gone out, so waited for."""
        deadline = time.monotonic() + timeout
        while True:
            found = [e for e in self.log_entries() if e.get("request_id") == request_id and e.get("event") == "request"]
            if found:
                assert len(found) == 1, found
                return found[0]
            assert time.monotonic() < deadline, f"no access line for {request_id}"
            time.sleep(0.05)

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc) -> None:
        if self.process is not None:
            self.stop()
        Path(self._log.name).unlink(missing_ok=True)


def _htqlcl() -> tuple[str, ...]:
    script = Path(sys.executable).with_name("htqlcl")
    return (str(script),) if script.exists() else (sys.executable, "-m", "engine")
