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
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from engine import portfolio
from engine.api import evaluator
from engine.errors import InputError, Problem
from engine.facts import AgencyFacts
from engine.jsonio import parse_json
from engine.lang import T, Text
from engine.render import json_out
from engine.result import AgencyResult, Summary
from engine.service.bodies import JSON
from engine.service.problems import TIME_LIMIT, TOO_MANY_AGENCIES, ProblemError, vn_number
from engine.yamlio import decode_text, validate

BODY = "body"
"""How problems name the request body (where the command line names the file)."""

Answer = TypeVar("Answer")


class Cancelled(Exception):
    """The request was answered already (time limit): stop working for it."""


def evaluate_agency(raw: bytes, kind: str, as_of: dt.date, lang: str, cancel: threading.Event) -> bytes:
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
    result = evaluator().evaluate(facts, as_of, lang=lang)
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
    raw: bytes, kind: str, as_of: dt.date, lang: str, max_agencies: int, cancel: threading.Event
) -> bytes:
    """Agencies evaluated together with the portfolio rules → the JSON `evaluate --format json`
    prints for a portfolio. A JSON body is an array of agencies; a YAML body is a `---` stream or
    a document with `agencies:`, as the command line reads them."""
    text = decode_text(raw, file=BODY)
    loaders = _json_members(text) if kind == JSON else _yaml_members(text, len(raw))
    if len(loaders) > max_agencies:
        raise ProblemError(
            TOO_MANY_AGENCIES,
            f"Danh mục có {vn_number(len(loaders))} cơ quan, vượt giới hạn {vn_number(max_agencies)} cơ quan "
            "của dịch vụ; hãy chia nhỏ danh mục, hoặc dùng lệnh htqlcl evaluate cho danh mục lớn.",
            f"The portfolio holds {len(loaders):,} agencies, over the service's limit of {max_agencies:,}; "
            "split it, or use htqlcl evaluate for large portfolios.",
            limit=max_agencies,
        )
    ev = evaluator()
    problems: list[Problem] = []
    members: list[portfolio.Member] = []
    results: list[AgencyResult] = []
    first: dict[str, Callable[[], Problem]] = {}  # agency id -> where it was first seen
    for load, where in loaders:
        if cancel.is_set():
            raise Cancelled
        try:
            facts = load()
        except InputError as error:
            problems.extend(error.problems)
            continue
        agency_id = facts.agency.id
        if agency_id in first:
            problems.append(_duplicate(agency_id, where(), first[agency_id]()))
            continue
        first[agency_id] = where
        if problems:
            continue  # every problem is reported, but nothing more is evaluated
        results.append(ev.evaluate(facts, as_of, lang=lang, with_sources=False))
        members.append(portfolio.member_of(facts, as_of))
    if problems:
        raise InputError(problems)
    if not results:
        raise InputError(
            [Problem(BODY, None, None, "", T("không tìm thấy dữ liệu cơ quan nào", "no agency documents found"))]
        )
    findings = ev.evaluate_portfolio(members, as_of, lang=lang)
    total = Summary()
    cited: set[str] = {s for f in findings for s in f.sources}
    for result in results:
        total = total + result.summary
        cited.update(s for f in result.findings for s in f.sources)
    document = {
        "produced_by": ev.produced_by.model_dump(mode="json"),
        "as_of": as_of.isoformat(),
        "agencies": [r.model_dump(mode="json", exclude={"produced_by", "sources"}) for r in results],
        "portfolio_findings": [f.model_dump(mode="json") for f in findings],
        "summary": (total + Summary.of(findings)).model_dump(),
        "sources": {cid: ev.source_model(cid).model_dump() for cid in sorted(cited)},
    }
    return json_out.dumps(document).encode("utf-8")


Loader = tuple[Callable[[], AgencyFacts], Callable[[], Problem]]
"""(load one agency's facts, say where its `agency.id` is): each is called only when needed."""


def _json_members(text: str) -> list[Loader]:
    data = parse_json(text, file=BODY)
    if not isinstance(data, list):
        wrapped = isinstance(data, dict) and "agencies" in data
        message = T(
            "danh mục dạng JSON là một mảng các cơ quan: [{...}, {...}]",
            "a portfolio in JSON is an array of agencies: [{...}, {...}]",
        )
        if wrapped:
            message = message + T(
                " (gửi chính mảng đó, không bọc trong một đối tượng)", " (the list itself, not an object holding it)"
            )
        raise InputError([Problem(BODY, None, None, "", message)])

    def loader(i: int) -> Loader:
        def load() -> AgencyFacts:
            return validate(AgencyFacts, data[i], file=BODY, text=text, at=(i,))

        def where() -> Problem:
            return Problem(BODY, None, None, f"[{i}].agency.id", "")

        return load, where

    return [loader(i) for i in range(len(data))]


def _yaml_members(text: str, size: int) -> list[Loader]:
    tasks, form = portfolio.discover_text(text, file=BODY)
    lists: dict[str, Any] = {}
    if form == "list":
        from engine.yamlio import parse_yaml

        lists[BODY] = (parse_yaml(text, file=BODY), text)  # `load` finds it there and reads no file

    def loader(task: portfolio.Task) -> Loader:
        def load() -> AgencyFacts:
            return portfolio.load(task, max_bytes=size, lists=lists)[0]

        def where() -> Problem:
            return portfolio.id_location(task, size, text=text)

        return load, where

    return [loader(task) for task in tasks]


def _duplicate(agency_id: str, here: Problem, first: Problem) -> Problem:
    also = first.where() if first.line else first.field  # a JSON array's agencies are known by their index
    return here.relocated(
        message=T(
            f"mã cơ quan '{agency_id}' bị trùng: cũng có ở {also}; mỗi cơ quan trong danh mục phải có mã riêng",
            f"duplicate agency id '{agency_id}': also at {also}; ids must be unique in a portfolio",
        ),
    )


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
