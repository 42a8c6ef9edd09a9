"""The work behind the /v1 evaluations: a request body in, the command line's JSON out.

The same steps as `htqlcl evaluate` (engine.run, engine.portfolio), on text held in memory: a
body is never a path, and nothing here opens a file. Bad input raises `InputError` with every
located problem; the service turns it into a 422.

Evaluating holds the GIL, so it runs in a small thread pool of each worker process (`Runner`):
the event loop stays free to read other requests and to answer when the time limit is reached.
A portfolio stops at its next agency once its request has been answered that way.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from engine import portfolio, run
from engine.api import evaluator
from engine.errors import InputError, Problem
from engine.facts import AgencyFacts
from engine.jsonio import parse_json
from engine.lang import T, Text
from engine.render import json_out
from engine.rulebook import Rules
from engine.service.bodies import JSON
from engine.service.problems import TIME_LIMIT, TOO_MANY_AGENCIES, ProblemError, vn_number
from engine.yamlio import decode_text, validate

BODY = "body"
"""How problems name the request body (where the command line names the file)."""

Answer = TypeVar("Answer")


class Cancelled(Exception):
    """The request was answered already (time limit): stop working for it."""


def evaluate_agency(raw: bytes, kind: str, as_of: dt.date, lang: str, rules: Rules, cancel: threading.Event) -> bytes:
    """One agency's facts (a JSON object, or one YAML document) → `evaluate --format json`'s bytes."""
    text = decode_text(raw, file=BODY)
    if kind == JSON:
        data = parse_json(text, file=BODY)
        if isinstance(data, list):
            raise _one_expected(T(f"đây là danh sách {len(data)} cơ quan", f"this is a list of {len(data)} agencies"))
        facts = validate(AgencyFacts, data, file=BODY, text=text)
    else:
        tasks, form = portfolio.discover_text(text, file=BODY)
        if form != "agency":
            shape = (
                T("chuỗi tài liệu ngăn cách bởi '---'", "a '---' stream")
                if form == "stream"
                else T("danh sách 'agencies:'", "an 'agencies:' list")
            )
            raise _one_expected(
                T("đây là ", "this is ") + shape + T(f" gồm {len(tasks)} cơ quan", f" of {len(tasks)} agency documents")
            )
        facts, _ = portfolio.load(tasks[0], max_bytes=len(raw), lists={})
    if cancel.is_set():
        raise Cancelled
    result = evaluator(rules).evaluate(facts, as_of, lang=lang)
    return json_out.render_agency(result).encode("utf-8")


def _one_expected(what: Text) -> InputError:
    return InputError(
        [
            Problem(
                BODY,
                None,
                None,
                "",
                what
                + T(
                    "; địa chỉ này đánh giá một cơ quan: hãy gửi nhiều cơ quan tới /v1/evaluate-portfolio",
                    "; this endpoint evaluates one agency: post several to /v1/evaluate-portfolio",
                ),
            )
        ]
    )


def evaluate_portfolio(
    raw: bytes, kind: str, as_of: dt.date, lang: str, rules: Rules, max_agencies: int, cancel: threading.Event
) -> bytes:
    """Agencies evaluated together with the portfolio rules → the JSON `evaluate --format json`
    prints for a portfolio, by the command line's own steps (engine.run.evaluate_tasks), in this
    thread. A JSON body is an array of agencies; a YAML body is a `---` stream or a document with
    `agencies:`, as the command line reads a portfolio file."""
    text = decode_text(raw, file=BODY)
    lists: dict[str, Any] = {}
    if kind == JSON:
        data = parse_json(text, file=BODY)
        if not isinstance(data, list):
            message = T(
                "danh mục dạng JSON là một mảng các cơ quan: [{...}, {...}]",
                "a portfolio in JSON is an array of agencies: [{...}, {...}]",
            )
            if isinstance(data, dict) and "agencies" in data:
                message = message + T(
                    " (gửi chính mảng đó, không bọc trong một đối tượng)",
                    " (the list itself, not an object holding it)",
                )
            raise InputError([Problem(BODY, None, None, "", message)])
        tasks = [portfolio.Task(BODY, 0, text, i) for i in range(len(data))]
        lists[BODY] = (data, text)  # parsed already, as JSON: the worker takes it from here
    else:
        tasks, _ = portfolio.discover_text(text, file=BODY, in_memory=True)
    if len(tasks) > max_agencies:
        raise ProblemError(
            TOO_MANY_AGENCIES,
            f"Danh mục có {vn_number(len(tasks))} cơ quan, vượt giới hạn {vn_number(max_agencies)} cơ quan "
            "của dịch vụ; hãy chia nhỏ danh mục, hoặc dùng lệnh htqlcl evaluate cho danh mục lớn.",
            f"The portfolio holds {len(tasks):,} agencies, over the service's limit of {max_agencies:,}; "
            "split it, or use htqlcl evaluate for large portfolios.",
            limit=max_agencies,
        )
    if not tasks:
        raise InputError(
            [Problem(BODY, None, None, "", T("không tìm thấy dữ liệu cơ quan nào", "no agency documents found"))]
        )

    def stop_when_cancelled(done: int, total: int) -> None:
        if cancel.is_set():
            raise Cancelled

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    run.evaluate_tasks(
        tasks,
        out,
        as_of=as_of,
        fmt="json",
        lang=lang,
        rules_dir=rules,
        jobs=1,  # never a process pool per request: the service's worker processes are the parallelism
        max_bytes=len(raw),
        progress=stop_when_cancelled,
        warn=lambda place, warnings, lang: None,  # they are in the JSON
        lists=lists,
    )
    out.flush()
    return out.buffer.getvalue()


class Runner:
    """A bounded pool of evaluation threads, with each request's time limit."""

    def __init__(self, threads: int):
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="htqlcl-evaluate")

    async def run(self, deadline: float, limit: float, work: Callable[..., Answer], *args: Any) -> Answer:
        """`work(*args, cancel)` in the pool; a 503 problem when `deadline` (time.monotonic()) passes
        first. Waiting for a free thread counts towards the time limit: an overloaded worker sheds load."""
        cancel = threading.Event()
        future = self._pool.submit(work, *args, cancel)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), max(deadline - time.monotonic(), 0))
        except TimeoutError:
            cancel.set()  # a queued task is dropped (wait_for cancelled it); a running one stops soon
            raise ProblemError(
                TIME_LIMIT,
                f"Yêu cầu chưa xử lý xong trong thời gian cho phép ({vn_number(limit)} giây); hãy chia nhỏ "
                "danh mục, hoặc thử lại khi dịch vụ bớt bận.",
                f"The request was not done within the time limit ({limit:g} s); split the portfolio, or "
                "try again when the service is less busy.",
                limit=limit,
            ) from None
        except BaseException:
            cancel.set()
            raise

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
