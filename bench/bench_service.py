#!/usr/bin/env python3
"""Benchmark: the HTTP service (`htqlcl serve`) under load, beside the in-process API, in one run.

    .venv/bin/python bench/bench_service.py                     # the figures of bench/RESULTS.md
    .venv/bin/python bench/bench_service.py --requests 500 --memory-requests 2000   # quicker
    .venv/bin/python bench/bench_service.py --workers 1 --body json

A script, not a test: it prints a report and writes it to bench/out/service-<workers>w-<body>.json.
Everything stays on 127.0.0.1 and every loop is bounded in count and in time.

What it measures, in this order:
1. the in-process API's single-core throughput: `engine.api.evaluate(AGENCY)` and the JSON rendering
   (what one request costs without HTTP), repeated for `--inprocess-seconds`;
2. the service, started here with `--workers` worker processes on a free port: single-agency
   evaluations (`POST /v1/evaluate`, the agency file as the body) at concurrency 1, 8 and 32, each
   level `--requests` requests (at most `--level-seconds`) after a warm-up; throughput and the
   p50/p95/p99 latency of each level, every answer checked (status 200, the expected bytes);
3. memory: the resident set (VmRSS) of each worker process before and after `--memory-requests`
   more requests at concurrency 8, sampled every 1,000, so a leak shows as growth.

The load generator is a small asyncio HTTP/1.1 client with keep-alive connections (one per
concurrent caller), written to cost little CPU: it shares the machine with the service.
Targets (2-core machine): with 2 workers, at least 1.2x the in-process single-core throughput; p99
under 100 ms at concurrency 8; memory flat over 10,000 requests.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
AGENCY = ROOT / "fixtures" / "agencies" / "ubnd-huyen-quang-dien.yaml"
AS_OF = "2022-10-28"
HOST = "127.0.0.1"
sys.path.insert(0, str(ROOT))

from tests.processes import children  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------- the in-process API


def in_process(seconds: float) -> dict:
    sys.path.insert(0, str(ROOT))
    from engine.api import evaluate
    from engine.render import json_out

    for _ in range(20):  # warm-up: rulesets, calendars, caches
        json_out.render_agency(evaluate(AGENCY, as_of=AS_OF))
    count, started = 0, time.perf_counter()
    cpu = time.process_time()
    while time.perf_counter() - started < seconds:
        json_out.render_agency(evaluate(AGENCY, as_of=AS_OF))
        count += 1
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu
    return {"requests": count, "seconds": round(wall, 3), "per_second": round(count / wall, 1),
            "cpu_ms_per_evaluation": round(1000 * cpu / count, 2),
            "per_cpu_second": round(count / cpu, 1)}  # fmt: skip


# ---------------------------------------------------------------- the load client


class Connection:
    """One keep-alive HTTP/1.1 connection that sends the same request again and again."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, port: int) -> Connection:
        reader, writer = await asyncio.open_connection(HOST, port, limit=1 << 22)
        return cls(reader, writer)

    async def exchange(self, request: bytes) -> tuple[int, bytes]:
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        return status, await self.reader.readexactly(length)

    def close(self) -> None:
        self.writer.close()


def request_bytes(body: bytes, content_type: str) -> bytes:
    return (
        f"POST /v1/evaluate?as_of={AS_OF} HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode() + body


async def load(port: int, request: bytes, expected: bytes, concurrency: int, total: int, seconds: float,
               on_progress=None) -> dict:  # fmt: skip
    """`total` requests (at most `seconds`) over `concurrency` connections; every answer checked.
    Callers arrive one after another (10 ms apart), as a portal's users do: connections opened all
    in one instant would all be accepted by whichever worker woke first (asyncio accepts every
    pending connection at once), which no real load does, and the figures would be one worker's."""
    connections = []
    latencies: list[float] = []
    errors: list[str] = []
    issued = 0
    stop_at = time.perf_counter() + seconds

    async def caller(connection: Connection) -> None:
        nonlocal issued
        while issued < total and time.perf_counter() < stop_at:
            issued += 1
            started = time.perf_counter()
            status, body = await connection.exchange(request)
            latencies.append(time.perf_counter() - started)
            if status != 200 or body != expected:
                errors.append(f"{status}: {body[:200]!r}")
            if on_progress is not None:
                on_progress(len(latencies))

    started = time.perf_counter()
    callers = []
    for _ in range(concurrency):
        connections.append(await Connection.open(port))
        callers.append(asyncio.create_task(caller(connections[-1])))
        await asyncio.sleep(0.01)
    await asyncio.gather(*callers)
    wall = time.perf_counter() - started
    for connection in connections:
        connection.close()
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return round(1000 * ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))], 2)

    return {
        "concurrency": concurrency,
        "requests": len(latencies),
        "seconds": round(wall, 3),
        "per_second": round(len(latencies) / wall, 1),
        "p50_ms": pct(50),
        "p95_ms": pct(95),
        "p99_ms": pct(99),
        "max_ms": round(1000 * ordered[-1], 2),
        "mean_ms": round(1000 * statistics.fmean(ordered), 2),
        "errors": len(errors),
        "first_error": errors[0] if errors else None,
    }


# ---------------------------------------------------------------- the server and its memory


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes so far (/proc/PID/stat)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def start_server(workers: int, port: int, threads: int | None = None) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HTQLCL_")}
    command = [sys.executable, str(ROOT / "cli.py"), "serve", "--port", str(port), "--workers", str(workers)]
    if threads:
        command += ["--threads", str(threads)]
    # The default logging (a JSON access line per request) is part of the work measured; to a file, as a
    # log shipper would read it.
    OUT.mkdir(parents=True, exist_ok=True)
    log = (OUT / f"service-{workers}w.log").open("wb")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1) as s:
                s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                if s.recv(12).endswith(b"200"):
                    return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"the server did not start; see {log.name}")


def expected_answer() -> bytes:
    done = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "evaluate", str(AGENCY), "--as-of", AS_OF, "--format", "json"],
        capture_output=True,
        check=False,
    )
    return done.stdout


def body_of(kind: str) -> tuple[bytes, str]:
    if kind == "yaml":
        return AGENCY.read_bytes(), "application/yaml"
    import yaml

    data = yaml.safe_load(AGENCY.read_text(encoding="utf-8"))
    return json.dumps(data, ensure_ascii=False, default=lambda d: d.isoformat()).encode(), "application/json"


async def run_service(args, port: int, server: subprocess.Popen) -> dict:
    body, content_type = body_of(args.body)
    request = request_bytes(body, content_type)
    expected = expected_answer()
    await load(port, request, expected, 8, 200, 30)  # warm-up: every worker's caches
    workers = children(server.pid) if args.workers > 1 else [server.pid]
    levels = []
    for concurrency in (1, 8, 32):
        server_cpu, client_cpu = cpu_seconds([server.pid, *workers]), time.process_time()
        level = await load(port, request, expected, concurrency, args.requests, args.level_seconds)
        # CPU per request does not grow when other work shares the machine, unlike wall time.
        level["server_cpu_ms_per_request"] = round(
            1000 * (cpu_seconds([server.pid, *workers]) - server_cpu) / level["requests"], 2
        )
        level["client_cpu_ms_per_request"] = round(1000 * (time.process_time() - client_cpu) / level["requests"], 2)
        levels.append(level)
        print(
            f"  c={concurrency:>2}: {level['per_second']:7.1f} req/s   p50 {level['p50_ms']:6.1f} ms   "
            f"p95 {level['p95_ms']:6.1f} ms   p99 {level['p99_ms']:6.1f} ms   ({level['requests']} requests, "
            f"{level['errors']} errors; CPU per request: server {level['server_cpu_ms_per_request']} ms, "
            f"load client {level['client_cpu_ms_per_request']} ms)",
            flush=True,
        )
    samples = [{"after": 0, "rss_kib": {str(p): rss_kib(p) for p in workers}}]

    def progress(done: int) -> None:
        if done % 1000 == 0 and done > samples[-1]["after"]:
            samples.append({"after": done, "rss_kib": {str(p): rss_kib(p) for p in workers}})

    memory_run = await load(port, request, expected, 8, args.memory_requests, args.memory_seconds, progress)
    first = sum(samples[0]["rss_kib"].values())
    last = sum(samples[-1]["rss_kib"].values())
    print(
        f"  memory over {memory_run['requests']:,} requests: {first / 1024:.1f} MiB -> {last / 1024:.1f} MiB "
        f"(workers' RSS summed; {memory_run['errors']} errors)",
        flush=True,
    )
    return {"levels": levels, "memory": {"run": memory_run, "samples": samples, "workers": workers}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2, help="service worker processes (default 2)")
    parser.add_argument("--threads", type=int, help="evaluation threads per worker (default: the service's)")
    parser.add_argument("--body", choices=["yaml", "json"], default="yaml", help="request body (default yaml)")
    parser.add_argument("--requests", type=int, default=2000, help="requests per concurrency level (default 2000)")
    parser.add_argument("--level-seconds", type=float, default=30, help="at most this long per level (default 30)")
    parser.add_argument("--memory-requests", type=int, default=10_000, help="requests of the memory run")
    parser.add_argument("--memory-seconds", type=float, default=180, help="at most this long for it (default 180)")
    parser.add_argument("--inprocess-seconds", type=float, default=10, help="in-process run length (default 10)")
    args = parser.parse_args()

    load_before = os.getloadavg()
    print(f"in-process API, one core, {args.inprocess_seconds:g} s …", flush=True)
    baseline = in_process(args.inprocess_seconds)
    print(f"  {baseline['per_second']:.1f} evaluations/s", flush=True)
    port = free_port()
    print(f"service: {args.workers} worker(s), {args.body} bodies, port {port} …", flush=True)
    server = start_server(args.workers, port, args.threads)
    try:
        service = asyncio.run(run_service(args, port, server))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(60)
    shares: dict[int, int] = {}  # requests answered by each worker (from the access log)
    for line in (OUT / f"service-{args.workers}w.log").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line) if line.startswith("{") else {}
        if entry.get("event") == "request":
            shares[entry["pid"]] = shares.get(entry["pid"], 0) + 1
    service["requests_per_worker"] = sorted(shares.values(), reverse=True)
    print(f"  requests per worker: {service['requests_per_worker']}")
    best = max(level["per_second"] for level in service["levels"])
    ratio = best / baseline["per_second"]
    c8 = next(level for level in service["levels"] if level["concurrency"] == 8)
    samples = service["memory"]["samples"]
    growth = (sum(samples[-1]["rss_kib"].values()) - sum(samples[0]["rss_kib"].values())) / 1024
    # What an idle machine would give, from CPU time (which other work on the machine does not
    # inflate): the cores' worth of requests, server and load client both paid for, against one core
    # of in-process evaluations.
    cores = min(os.cpu_count() or 1, args.workers)
    cpu_c8 = c8["server_cpu_ms_per_request"] + c8["client_cpu_ms_per_request"]
    idle_ratio = (cores * 1000 / cpu_c8) / (1000 / baseline["cpu_ms_per_evaluation"]) if cpu_c8 else 0.0
    report = {
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "agency": str(AGENCY.relative_to(ROOT)),
        "workers": args.workers,
        "threads": args.threads,
        "body": args.body,
        "in_process": baseline,
        "service": service,
        "targets": {
            "throughput_ratio": round(ratio, 2),
            "throughput_ratio_met": ratio >= 1.2,
            "throughput_ratio_from_cpu_time": round(idle_ratio, 2),
            "p99_c8_ms": c8["p99_ms"],
            "p99_c8_met": c8["p99_ms"] < 100,
            "memory_growth_mib": round(growth, 1),
        },
    }
    print(
        f"in-process: {baseline['cpu_ms_per_evaluation']} ms CPU per evaluation; service at c=8: "
        f"{c8['server_cpu_ms_per_request']} ms server + {c8['client_cpu_ms_per_request']} ms load client per request "
        f"-> {idle_ratio:.2f}x on an idle machine with {cores} cores"
    )
    print(
        f"best service throughput / in-process: {ratio:.2f}x (target 1.2x); p99 at c=8: {c8['p99_ms']} ms "
        f"(target < 100); memory growth {growth:+.1f} MiB; load average {report['load_average_before']} -> "
        f"{report['load_average_after']}"
    )
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"service-{args.workers}w-{args.body}{f'-{args.threads}t' if args.threads else ''}.json"
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written: {path.relative_to(ROOT)}")
    errors = sum(level["errors"] for level in service["levels"]) + service["memory"]["run"]["errors"]
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
