"""Structured logs: one JSON object per line on standard error, for a log shipper to read.

Every request gets an id (returned as X-Request-ID) and one access line when it ends, with its
status and duration. An unexpected error is answered with a 500 problem document naming that id,
and logged once with the same id and its traceback: the traceback goes to the log, never to the
client.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sys
import time
import traceback
import uuid
from typing import Any

from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from engine.service import problems

LOGGER = "htqlcl.service"
log = logging.getLogger(LOGGER)

_CLIENT_ID = re.compile(r"[A-Za-z0-9._:/+=-]{1,128}")  # an upstream id worth keeping in the log


class JsonFormatter(logging.Formatter):
    """A log record as one line of JSON: time, level, logger, message, and the record's `fields`."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info and "traceback" not in entry:
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def logging_config(level: str = "info") -> dict[str, Any]:
    """uvicorn's `log_config`: its own loggers and the service's, all as JSON on stderr."""
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.JsonFormatter"}},
        "handlers": {"stderr": handler},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level.upper(), "propagate": False},
            "uvicorn.error": {"level": level.upper()},
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},  # ours is richer
            LOGGER: {"handlers": ["stderr"], "level": level.upper(), "propagate": False},
        },
    }


def ensure_logging() -> None:
    """JSON on stderr for the service's logger when nothing configured it (an app run without
    `htqlcl serve`, e.g. by another ASGI server or a test client)."""
    if not log.handlers and not logging.getLogger().handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False


class RequestLog:
    """ASGI middleware, outermost: the request id, the access line, and the last word on errors."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.monotonic()
        request_id = str(uuid.uuid4())
        state = scope.setdefault("state", {})
        state["request_id"], state["started"] = request_id, started
        sent: dict[str, Any] = {"status": None, "bytes_out": 0}
        received = {"bytes_in": 0}

        async def counting_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                received["bytes_in"] += len(message.get("body", b""))
            return message

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                sent["status"] = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message = {**message, "headers": headers}
            elif message["type"] == "http.response.body":
                sent["bytes_out"] += len(message.get("body", b""))
            await send(message)

        outcome: dict[str, Any] = {}
        try:
            await self.app(scope, counting_receive, send_with_id)
        except ClientDisconnect:
            outcome["client_disconnected"] = True
        except Exception as error:  # the last word: a problem document, never a traceback
            outcome["error"] = type(error).__name__
            log.error(
                "internal error",
                extra={
                    "fields": {
                        "event": "internal_error",
                        "request_id": request_id,
                        "error": f"{type(error).__name__}: {error}",
                        "traceback": "".join(traceback.format_exception(error)),
                    }
                },
            )
            if sent["status"] is None:
                body = _internal_error_body(scope, request_id)
                headers = [
                    (b"content-type", problems.MEDIA_TYPE.encode()),
                    (b"content-length", str(len(body)).encode()),
                ]
                await send_with_id({"type": "http.response.start", "status": 500, "headers": headers})
                await send_with_id({"type": "http.response.body", "body": body})
        finally:
            self._access(scope, request_id, started, sent, received, outcome)

    @staticmethod
    def _access(
        scope: Scope, request_id: str, started: float, sent: dict, received: dict, outcome: dict[str, Any]
    ) -> None:
        headers = dict(scope.get("headers") or [])
        upstream = headers.get(b"x-request-id", b"").decode("latin-1")
        client = scope.get("client")
        fields: dict[str, Any] = {
            "event": "request",
            "request_id": request_id,
            "method": scope.get("method"),
            "path": scope.get("path"),
            "query": scope.get("query_string", b"").decode("latin-1")[:200] or None,
            "status": sent["status"] if sent["status"] is not None else 499,  # 499: the client left first
            "duration_ms": round((time.monotonic() - started) * 1000, 2),
            "bytes_in": received["bytes_in"],
            "bytes_out": sent["bytes_out"],
            "client": f"{client[0]}:{client[1]}" if client else None,
            **outcome,
        }
        if upstream and _CLIENT_ID.fullmatch(upstream):
            fields["upstream_request_id"] = upstream
        log.info("request", extra={"fields": fields})


def _lang(scope: Scope) -> str:
    query = scope.get("query_string", b"").decode("latin-1")
    return "en" if re.search(r"(?:^|&)lang=en(?:&|$)", query) else "vi"


def _internal_error_problem() -> problems.ProblemError:
    return problems.ProblemError(
        problems.INTERNAL_ERROR,
        "Dịch vụ gặp lỗi ngoài dự kiến khi xử lý yêu cầu này. Lỗi đã được ghi vào nhật ký của máy chủ với "
        "mã yêu cầu (request_id) dưới đây; hãy báo mã này cho đơn vị vận hành.",
        "The service met an unexpected error while handling this request. It is in the server's log under "
        "the request_id below; please give that id to the service's operators.",
    )


def _internal_error_body(scope: Scope, request_id: str) -> bytes:
    doc = problems.document(_internal_error_problem(), lang=_lang(scope), request_id=request_id)
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
