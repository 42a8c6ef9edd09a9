"""The service is safe to expose: a bearer token, limits on bodies, portfolios and time, refusals
before a body is read whole, internal errors answered without a traceback, and a graceful stop on
SIGTERM that lets requests in flight finish. Each test starts its own real server."""

from __future__ import annotations

import json
import logging
import signal
import socket
import subprocess
import sys
import time

import pytest
import yaml

from engine.service import evaluation
from engine.service.app import create_app
from engine.service.settings import Settings
from tests.servers import HOST, ROOT, Server

DEMO = ROOT / "fixtures" / "agencies" / "ubnd-huyen-quang-dien.yaml"
AS_OF = "2022-10-28"


def portfolio(n: int) -> bytes:
    """`n` copies of the sample district, each with its own id, as a JSON array."""
    facts = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    agencies = []
    for i in range(n):
        copy = json.loads(json.dumps(facts, default=lambda d: d.isoformat()))
        copy["agency"]["id"] = f"ubnd-huyen-{i}"
        agencies.append(copy)
    return json.dumps(agencies, ensure_ascii=False).encode("utf-8")


def raw_exchange(port: int, head: bytes, parts: list[bytes], pause: float = 0.0) -> bytes:
    """Send `head` and then `parts` over one socket (stopping at the first refusal) and return what
    the server said."""
    with socket.create_connection((HOST, port), timeout=30) as s:
        s.sendall(head)
        for part in parts:
            time.sleep(pause)
            try:
                s.sendall(part)
            except (BrokenPipeError, ConnectionResetError):
                break
        s.settimeout(30)
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    return answer


def test_a_token_guards_v1_but_not_health_or_the_document():
    with Server(env={"HTQLCL_API_TOKEN": "s3cret-token"}) as server:
        body = DEMO.read_bytes()
        missing = server.post("/v1/evaluate", body, "application/yaml")
        assert missing.status == 401 and missing.headers["www-authenticate"].startswith("Bearer")
        assert missing.json["type"] == "urn:htqlcl:problem:unauthorized"
        wrong = server.post("/v1/evaluate", body, "application/yaml", Authorization="Bearer s3cret-tokem")
        assert wrong.status == 401
        basic = server.post("/v1/evaluate", body, "application/yaml", Authorization="Basic czNjcmV0LXRva2Vu")
        assert basic.status == 401
        right = server.post(
            f"/v1/evaluate?as_of={AS_OF}", body, "application/yaml", Authorization="Bearer s3cret-token"
        )
        assert right.status == 200
        assert server.request("GET", "/v1/rules").status == 401
        assert server.request("GET", "/v1/rules", headers={"Authorization": "Bearer s3cret-token"}).status == 200
        assert server.request("GET", "/health").status == 200
        assert server.request("GET", "/openapi.json").status == 200
        assert "s3cret" not in server.log_text(), "the token never reaches the log"


def test_an_empty_token_or_a_wrong_limit_stops_serve_before_it_starts():
    for env, says in [
        ({"HTQLCL_API_TOKEN": " "}, "HTQLCL_API_TOKEN is set but empty"),
        ({"HTQLCL_MAX_AGENCIES": "many"}, "HTQLCL_MAX_AGENCIES: 'many' is not a whole number"),
        ({"HTQLCL_MAX_BODY_BYTES": "huge"}, "HTQLCL_MAX_BODY_BYTES: 'huge' is not a size"),
    ]:
        done = subprocess.run(
            [sys.executable, "cli.py", "serve", "--port", "1", "--lang", "en"], cwd=ROOT, env={"PATH": "/usr/bin:/bin", **env},
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert done.returncode == 2, done.stderr
        assert says in done.stderr and "Traceback" not in done.stderr


@pytest.fixture(scope="module")
def limited():
    with Server(args=("--max-body-bytes", "64K", "--max-agencies", "3"), command=(sys.executable, "cli.py")) as s:
        yield s


def test_a_body_over_the_limit_is_refused_from_its_length_before_it_is_sent(limited):
    head = (
        b"POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: 1000000000\r\n\r\n"
    )
    started = time.monotonic()
    answer = raw_exchange(limited.port, head, [])  # not one byte of the body is sent
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert b"application/problem+json" in answer and b"urn:htqlcl:problem:body-too-large" in answer
    assert time.monotonic() - started < 10


def test_a_chunked_body_is_refused_at_the_chunk_that_crosses_the_limit(limited):
    head = (
        b"POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b"# " + b"x" * 16381 + b"\n"  # 16 KiB of comment
    parts = [b"%x\r\n%s\r\n" % (len(chunk), chunk)] * 200  # 3.2 MB offered
    answer = raw_exchange(limited.port, head, parts, pause=0.002)
    assert answer.startswith(b"HTTP/1.1 413 ")
    doc = json.loads(answer.split(b"\r\n\r\n", 1)[1])
    assert doc["limit"] == 65536 and doc["status"] == 413
    entry = limited.log_entry(doc["request_id"])
    assert entry["bytes_in"] < 65536 + 2 * len(chunk), "read no further than the limit"


def test_a_portfolio_over_the_limit_of_agencies_is_413(limited):
    answer = limited.post("/v1/evaluate-portfolio?lang=en", portfolio(4), "application/json")
    assert answer.status == 413
    assert answer.json["type"] == "urn:htqlcl:problem:too-many-agencies" and answer.json["limit"] == 3
    assert "4 agencies" in answer.json["detail"]
    assert limited.post(f"/v1/evaluate-portfolio?as_of={AS_OF}", portfolio(3), "application/json").status == 200


def test_a_request_over_the_time_limit_gets_503_and_the_service_stays_well():
    with Server(args=("--time-limit", "0.5", "--threads", "1")) as server:
        slow = server.post(f"/v1/evaluate-portfolio?as_of={AS_OF}&lang=en", portfolio(400), "application/json")
        assert slow.status == 503, slow.body[:300]
        assert slow.json["type"] == "urn:htqlcl:problem:time-limit" and slow.json["limit"] == 0.5
        # The abandoned portfolio stops at its next agency: the single thread is soon free again.
        time.sleep(0.3)
        started = time.monotonic()
        quick = server.post(f"/v1/evaluate?as_of={AS_OF}", DEMO.read_bytes(), "application/yaml")
        assert quick.status == 200 and time.monotonic() - started < 0.5


def test_a_slow_body_is_refused_when_the_time_is_up():
    with Server(args=("--time-limit", "1")) as server:
        head = (
            b"POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: 5000\r\n\r\n"
        )
        answer = raw_exchange(server.port, head, [b"# slow\n"] * 8, pause=0.25)
        assert answer.startswith(b"HTTP/1.1 408 ")
        assert b"urn:htqlcl:problem:body-timeout" in answer


def test_sigterm_lets_the_requests_in_flight_finish_then_exits_cleanly():
    server = Server(args=("--workers", "2")).start()
    body = portfolio(60)
    half = len(body) // 2
    head = b"POST /v1/evaluate-portfolio?as_of=%s HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" % (
        AS_OF.encode()
    ) + b"Content-Length: %d\r\n\r\n" % len(body)
    with socket.create_connection((HOST, server.port), timeout=60) as s:
        s.sendall(head + body[:half])  # a request in flight: its body is not all there yet
        time.sleep(0.3)
        server.process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 30
        while sum(e["message"] == "Shutting down" for e in server.log_entries()) < 2:  # both workers heard it
            assert time.monotonic() < deadline, server.log_text()
            time.sleep(0.05)
        with pytest.raises(OSError):  # no new request is taken in the meantime
            server.request("GET", "/health", timeout=2)
        s.sendall(body[half:])  # the rest arrives after the signal, and is evaluated in full
        answer = b""
        while chunk := s.recv(1 << 16):
            answer += chunk
    code = server.stop(timeout=60)
    head_part, _, content = answer.partition(b"\r\n\r\n")
    assert head_part.startswith(b"HTTP/1.1 200 "), answer[:500]
    assert len(json.loads(content)["agencies"]) == 60
    # uvicorn raises the signal again once it has stopped, so that whoever started it sees how it ended
    assert code in (0, -signal.SIGTERM), server.log_text()[-2000:]
    messages = [e["message"] for e in server.log_entries()]
    assert any("Finished server process" in m for m in messages)


def test_an_internal_error_is_a_500_with_an_id_in_the_log_and_no_traceback(monkeypatch, caplog):
    from fastapi.testclient import TestClient

    def broken(*args, **kwargs):
        raise RuntimeError("a bug, with a secret detail")

    monkeypatch.setattr(evaluation, "evaluate_agency", broken)
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("htqlcl.service")
    logger.addHandler(handler)
    caplog.set_level(logging.INFO, logger="htqlcl.service")
    try:
        with TestClient(create_app(Settings()), raise_server_exceptions=False) as client:
            answer = client.post(
                "/v1/evaluate?lang=en", content=DEMO.read_bytes(), headers={"Content-Type": "application/yaml"}
            )
            client.get("/health")  # the access line of the failed request is written before this one's
    finally:
        logger.removeHandler(handler)
    assert answer.status_code == 500
    assert answer.headers["content-type"] == "application/problem+json"
    doc = answer.json()
    assert doc["type"] == "urn:htqlcl:problem:internal-error" and doc["request_id"] in doc["instance"]
    assert "secret" not in answer.text and "Traceback" not in answer.text and "RuntimeError" not in answer.text
    errors = [r for r in records if getattr(r, "fields", {}).get("event") == "internal_error"]
    assert len(errors) == 1
    fields = errors[0].fields  # type: ignore[attr-defined]
    assert fields["request_id"] == doc["request_id"] == answer.headers["x-request-id"]
    assert "RuntimeError: a bug, with a secret detail" in fields["traceback"]
    access = [r.fields for r in records if getattr(r, "fields", {}).get("event") == "request"]  # type: ignore[attr-defined]
    assert [a["status"] for a in access if a["request_id"] == doc["request_id"]] == [500]


def test_connections_are_accepted_without_nagle_s_delay():
    import uvicorn

    from engine.service.server import listening_socket

    sock = listening_socket(uvicorn.Config("engine.service.app:create_app", host=HOST, port=0))
    try:
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        sock.listen()
        with socket.create_connection(sock.getsockname()[:2]):
            accepted, _ = sock.accept()
            with accepted:  # Linux hands the option on to each connection
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        sock.close()
