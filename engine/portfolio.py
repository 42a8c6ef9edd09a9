"""Portfolios: many agencies evaluated together (a district, a province, the nation).

A portfolio is a folder of agency files (recursively), one file with `agencies:`, or a multi-document
YAML stream (`---`). Work is cut into one task per agency document and spread over worker processes:
parsing YAML costs far more than the rules, so it is parsed in the workers, agency by agency, never
as one tree. Results come back in input order, so output is deterministic whatever the parallelism.

An agency applying another agency's QMS (`qms.shared_with`, a guest) is judged on its host's facts
(rulebook v1.1 §3), and its host may come anywhere in the portfolio. So a guest is only recognised in
the first pass (its outcome says `guest_of`); once every agency's id is known, the guests are run again,
each task carrying its host's task, and are reported after the other agencies, in input order.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine.errors import InputError, Problem
from engine.facts import AgencyFacts
from engine.lang import T
from engine.result import Summary

if TYPE_CHECKING:
    from engine.render.formats import Rendered
    from engine.rulebook import Rules

YAML_SUFFIXES = (".yaml", ".yml")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")  # an agency's facts as a workbook (engine/xlsx)
WORKBOOK_WEIGHT = 8
_DOC_START = re.compile(r"^---(?:[ \t]|$)", re.M)


@dataclass(frozen=True)
class Task:
    """One agency document: where it is, and its text when it was cut out of a larger file."""

    file: str
    base_line: int = 0  # lines before this document in its file
    text: str | None = None  # None: read `file` whole
    index: int | None = None  # position in an `agencies:` list
    guest: bool = False  # evaluated with its host's facts (second pass)
    host: Task | None = None  # the host's document (second pass; None: not in the portfolio)


@dataclass(frozen=True)
class Member:
    """What portfolio-level rules need to know about one agency."""

    id: str
    name: str
    level: str
    province: str | None
    district: str | None
    first_declaration: dt.date | None


@dataclass
class Outcome:
    task: Task
    agency_id: str | None = None
    line: int | None = None
    rendered: Rendered | None = None  # the agency's result in the requested format
    summary: Summary | None = None
    cited: tuple[str, ...] = ()
    member: Member | None = None
    warnings: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    guest_of: str | None = None  # first pass: the agency applies this host's QMS, to be run again
    result_json: str | None = None  # the typed result, for views that need it whole

    @property
    def place(self) -> str:
        if self.task.index is not None:
            return f"{self.task.file}: agencies[{self.task.index}]"
        return f"{self.task.file}:{self.line}" if self.line else self.task.file


def discover(path: Path, *, max_bytes: int) -> tuple[list[Task], str]:
    """The agency documents of a path, and its form: "agency" (one file, one agency), "stream"
    (documents separated by `---`), "list" (a file with `agencies:`) or "folder"."""
    from engine.yamlio import read_text

    if path.is_dir():
        return _folder_tasks(path), "folder"
    if is_workbook(str(path)):
        return [Task(str(path))], "agency"
    return discover_text(read_text(path, max_bytes=max_bytes), file=str(path))


def discover_text(text: str, *, file: str, in_memory: bool = False) -> tuple[list[Task], str]:
    """The agency documents of a text already read, and its form: "agency", "stream" or "list" as for
    `discover`. A "list" task reads its file again in the worker, unless `in_memory` (a request body,
    which is no file): then each carries the whole text, and nothing is ever read from disk."""
    starts = _doc_starts(text)
    if starts:
        tasks = _stream_tasks(file, text, starts)
        return tasks, ("stream" if len(tasks) != 1 else "agency")
    if re.search(r"^agencies[ \t]*:", text, re.M):
        # Only a hint: a multi-line note may hold a line starting with 'agencies:'. The parsed top
        # level decides, as the API's loader would.
        from engine.yamlio import parse_yaml

        data = parse_yaml(text, file=file)
        if not (isinstance(data, dict) and "agency" in data and "agencies" not in data):
            tasks = _list_tasks(file, text, data)
            return ([replace(t, text=text) for t in tasks] if in_memory else tasks), "list"
    return [Task(file, 0, text)], "agency"


def _doc_starts(text: str) -> list[int]:
    """Where _DOC_START matches ('---' at a line start, then a space, a tab or the line's end), found
    with str.find: the regex took half a second over a national stream."""
    starts = []
    i = 0 if text.startswith("---") else text.find("\n---")
    while i != -1:
        at = i if i == 0 and text.startswith("---") else i + 1
        after = at + 3
        if after == len(text) or text[after] in " \t\r\n":
            starts.append(at)
        i = text.find("\n---", at)
    return starts


_NOT_SPACE = re.compile(r"\S")


def _only_comments(head: str) -> bool:
    # The first character that is not white space starts its line's content: when it is not '#' or
    # '%' the answer is no, without splitting a national stream's documents into lines.
    first = _NOT_SPACE.search(head)
    if first is None:
        return True
    if first.group() not in "#%":
        return False
    return all(not line.strip() or line.lstrip().startswith(("#", "%")) for line in head.splitlines())


def _stream_tasks(file: str, text: str, starts: list[int]) -> list[Task]:
    """Cut a stream at its `---` lines (a `---` at column 0 always starts a document in YAML, so
    this needs no parsing); each document keeps its first line number for messages."""
    bounds = ([0] if not _only_comments(text[: starts[0]]) else []) + starts
    tasks, line, previous = [], 0, 0
    for i, start in enumerate(bounds):
        end = bounds[i + 1] if i + 1 < len(bounds) else len(text)
        line += text.count("\n", previous, start)
        previous = start
        chunk = text[start:end]
        body = chunk[3:] if chunk.startswith("---") else chunk
        if _only_comments(body):
            continue
        tasks.append(Task(file, line, chunk))
    return tasks


def _list_tasks(file: str, text: str, data: Any) -> list[Task]:
    agencies = data.get("agencies") if isinstance(data, dict) else None
    extra = sorted(k for k in data if k != "agencies" and not str(k).startswith("x_")) if isinstance(data, dict) else []
    if not isinstance(agencies, list) or extra:
        from engine.yamlio import _compose_first, _describe, _walk

        root = _compose_first(text, file)
        field = str(extra[0]) if extra and isinstance(agencies, list) else "agencies"
        key = _walk(root, (field,))[1] if root else None
        got = "" if isinstance(agencies, list) else T(", không phải ", ", not ") + _describe(agencies)
        unknown = ", ".join(map(str, extra))
        raise InputError(
            [
                Problem(
                    file,
                    key.start_mark.line + 1 if key else None,
                    key.start_mark.column + 1 if key else None,
                    field,
                    T(
                        "tệp danh mục chỉ chứa 'agencies:', một danh sách dữ liệu các cơ quan "
                        "(mỗi cơ quan một mục '- agency: ...')",
                        "a portfolio file holds only 'agencies:', a list of agency documents "
                        "(one '- agency: ...' item each)",
                    )
                    + got
                    + (T(f"; các khóa không hợp lệ: {unknown}", f"; unknown key(s): {unknown}") if extra else ""),
                )
            ]
        )
    return [Task(file, 0, None, i) for i in range(len(agencies))]


def _folder_tasks(folder: Path) -> list[Task]:
    root = folder.resolve()
    tasks = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        # Hidden folders (.git, .github with its workflow .yml files, editors' caches) are not agencies.
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            # '~$mau.xlsx' is the lock file a spreadsheet program keeps beside an open workbook.
            if not (name.endswith(YAML_SUFFIXES) or is_workbook(name)) or name.startswith((".", "~$")):
                continue
            p = Path(dirpath) / name
            if p.is_symlink():
                try:
                    target = p.resolve(strict=True)
                except (OSError, RuntimeError):  # a broken link or a loop of links:
                    tasks.append(Task(str(p)))  # reading it reports the problem with the file's name
                    continue
                if root not in target.parents:
                    continue  # a link out of the portfolio's folder is never followed
            if not p.is_file():
                continue  # a FIFO, socket or device is never opened (reading a FIFO would wait forever)
            tasks.append(Task(str(p)))
    return tasks


# ---------------------------------------------------------------- work done in each process


class _WorkerState(threading.local):
    """What a worker evaluates with. Each worker has its own: a process of a pool, and each thread
    of the HTTP service, which runs portfolios in several threads of one process at once."""

    def __init__(self) -> None:
        self.values: dict = {}

    def __getitem__(self, key: str):
        return self.values[key]

    def __setitem__(self, key: str, value) -> None:
        self.values[key] = value

    def setdefault(self, key: str, default):
        return self.values.setdefault(key, default)

    def reset(self, **values) -> None:
        self.values = values  # nothing of a previous run is kept (its hosts, its list files)


_STATE = _WorkerState()


def _init_worker(
    rules_dir: Rules, as_of: dt.date, lang: str, fmt: str, max_bytes: int, list_cache: dict | None = None
) -> None:
    from engine.api import evaluator

    gc.disable()  # agency objects are acyclic; a collection now and then is enough (see _run_task)
    _STATE.reset(
        evaluator=evaluator(rules_dir),
        as_of=as_of,
        lang=lang,
        fmt=fmt,
        max_bytes=max_bytes,
        lists=list_cache or {},
        done=0,
    )


def _load(task: Task) -> tuple[AgencyFacts, int | None]:
    return load(task, max_bytes=_STATE["max_bytes"], lists=_STATE["lists"])


def load(task: Task, *, max_bytes: int, lists: dict) -> tuple[AgencyFacts, int | None]:
    """One task's facts, and the line its document starts on (None for an item of a list).
    `lists` caches the parsed `agencies:` file of "list" tasks (file -> (data, text)): the last file
    read is kept. The HTTP service puts a JSON array of agencies there, already parsed: then an item
    is `[3]`, not `agencies[3]`."""
    from engine.yamlio import parse_yaml, read_text, validate

    if task.index is not None:
        cached = lists.get(task.file)
        if cached is None:
            text = task.text if task.text is not None else read_text(Path(task.file), max_bytes=max_bytes)
            cached = (parse_yaml(text, file=task.file), text)
            lists.clear()
            lists[task.file] = cached
        data, text = cached
        at = (task.index,) if isinstance(data, list) else ("agencies", task.index)
        items = data if isinstance(data, list) else data["agencies"]
        return validate(AgencyFacts, items[task.index], file=task.file, text=text, at=at), None
    if task.text is None and is_workbook(task.file):
        from engine.xlsx.facts_reader import read_facts_workbook

        return read_facts_workbook(task.file, max_bytes=max_bytes), None
    text = task.text if task.text is not None else read_text(Path(task.file), max_bytes=max_bytes)
    try:
        data = parse_yaml(text, file=task.file)
    except InputError as e:
        if task.base_line:
            # Parse again with the lines before this document blanked in, so that every line number,
            # also those quoted inside messages ("first at line 9", "a '[' … at line 14"), is the
            # whole file's. Only on this error path: a national stream is never padded.
            try:
                parse_yaml("\n" * task.base_line + text, file=task.file)
            except InputError as again:
                raise again from None
        raise InputError([_shift(p, task.base_line) for p in e.problems]) from None
    return validate(AgencyFacts, data, file=task.file, text=text, base_line=task.base_line), task.base_line + 1


def id_location(task: Task, max_bytes: int) -> Problem:
    """Where a task's `agency.id` is written, as a Problem without its message yet, for the message
    about a duplicate id. Only that error path reads the file again; the file alone if it cannot."""
    if is_workbook(task.file):
        from engine.xlsx.facts_reader import id_cell

        field = f"agencies[{task.index}].agency.id" if task.index is not None else "agency.id"
        return id_cell(task.file, max_bytes) or Problem(task.file, None, None, field, "")
    return locate(task, ("agency", "id"), max_bytes)


def locate(task: Task, steps: tuple, max_bytes: int) -> Problem:
    """Where a key of a task's YAML document is written, as a Problem without its message yet; the file
    alone if it cannot be read again (or is a workbook)."""
    from engine.yamlio import _compose_first, _walk, read_text

    field = ".".join(str(s) for s in steps)
    if task.index is not None:
        field = f"agencies[{task.index}].{field}"
        steps = ("agencies", task.index, *steps)
    if is_workbook(task.file):
        return Problem(task.file, None, None, field, "")
    try:
        text = task.text if task.text is not None else read_text(Path(task.file), max_bytes=max_bytes)
    except InputError:
        return Problem(task.file, None, None, field, "")
    if task.index is not None and text.lstrip()[:1] == "[":  # a JSON array of agencies (the HTTP service)
        field, steps = field.removeprefix("agencies"), steps[1:]
    root = _compose_first(text, task.file)
    if root is None:
        return Problem(task.file, None, None, field, "")
    node, _ = _walk(root, steps)
    return Problem(task.file, node.start_mark.line + 1 + task.base_line, node.start_mark.column + 1, field, "")


def is_workbook(file: str) -> bool:
    return file.lower().endswith(WORKBOOK_SUFFIXES)


def _shift(p: Problem, lines: int) -> Problem:
    return p.relocated(line=p.line + lines if p.line else p.line)


def _run_task(task: Task) -> Outcome:
    from engine.render import formats

    # Not the document's text back to the parent, which has it (run() puts the parent's task back).
    out = Outcome(task if task.text is None else replace(task, text=None))
    try:
        facts, line = _load(task)
    except InputError as e:
        out.problems = list(e.problems)
        return out
    ev = _STATE["evaluator"]
    a = facts.agency
    out.agency_id, out.line = a.id, line
    sharing = facts.qms.shared_with if facts.qms else None
    if sharing and not task.guest:
        out.guest_of = sharing  # its host may come later in the portfolio: run again in the second pass
        return out
    host = None
    if task.guest and task.host is not None:
        try:
            host = _host(task.host)
        except InputError as e:
            out.problems = list(e.problems)  # reported with the host's own outcome too; once each
            return out
    try:
        result = ev.evaluate(facts, _STATE["as_of"], lang=_STATE["lang"], with_sources=False, host=host)
    except InputError as e:  # a host that is itself sharing
        out.problems = [_at_shared_with(task, p) for p in e.problems]
        return out
    out.summary = result.summary
    out.cited = tuple(sorted({s for f in result.findings for s in f.sources}))
    out.warnings = result.warnings
    system = host if host is not None else facts  # a guest has declared when its host has
    declared = [d.date for d in (system.qms.declarations if system.qms else []) if d.date <= _STATE["as_of"]]
    out.member = Member(a.id, a.name, a.level, a.province, a.district, min(declared) if declared else None)
    out.rendered = formats.render_portfolio_member(result, _STATE["fmt"], _STATE["lang"], ev)
    _STATE["done"] += 1
    if _STATE["done"] % 500 == 0:
        gc.collect()
    return out


def _host(task: Task) -> AgencyFacts:
    """A host's facts, parsed once per worker process for all its guests."""
    hosts = _STATE.setdefault("hosts", {})
    key = (task.file, task.base_line, task.index)
    if key not in hosts:
        if len(hosts) >= 256:
            hosts.clear()
        hosts[key] = _load(task)[0]
    return hosts[key]


def _at_shared_with(task: Task, p: Problem) -> Problem:
    """A problem about `qms.shared_with`, at that line of the guest's document."""
    return locate(task, ("qms", "shared_with"), _STATE["max_bytes"]).relocated(message=T(p.text("vi"), p.text("en")))


def second_pass(outcomes: list[Outcome], seen: dict[str, Task], max_bytes: int) -> tuple[list[Task], list[Problem]]:
    """The guests' tasks, each with its host's task (None when the host is not in the portfolio), and
    the problems: a host that itself applies another agency's QMS, which includes every cycle."""
    guests = {o.agency_id: o for o in outcomes}
    tasks, problems = [], []
    for o in outcomes:
        assert o.guest_of is not None and o.agency_id is not None
        if o.guest_of in guests:
            at = locate(o.task, ("qms", "shared_with"), max_bytes)
            further = guests[o.guest_of].guest_of
            cycle = further in (o.agency_id, o.guest_of)
            problems.append(
                at.relocated(
                    message=T(
                        f"'{o.agency_id}' áp dụng HTQLCL chung với '{o.guest_of}', nhưng '{o.guest_of}' lại áp dụng "
                        f"HTQLCL chung với '{further}'"
                        + (" (vòng lặp)" if cycle else "")
                        + ": cơ quan chủ trì phải có HTQLCL của chính mình (TT 26 Điều 6); hãy ghi mã cơ quan có "
                        "HTQLCL được áp dụng",
                        f"'{o.agency_id}' applies the QMS of '{o.guest_of}', which itself applies the QMS of "
                        f"'{further}'"
                        + (" (a cycle)" if cycle else "")
                        + ": a host must have its own QMS (TT 26 Điều 6); name the agency whose QMS is applied",
                    )
                )
            )
            continue
        tasks.append(replace(o.task, guest=True, host=seen.get(o.guest_of)))
    return tasks, problems


# ---------------------------------------------------------------- the run


def plan_jobs(requested: int | None, tasks: list[Task]) -> int:
    """How many worker processes a run gets: what was asked, else 2 once there is about 64 agencies'
    worth of work (a workbook takes about as long to read as eight YAML agencies take to read and
    evaluate: bench/bench_xlsx.py); never more than the processors this process may use, nor than
    there are agencies."""
    from engine.supervisor import usable_cpus

    if requested is None:
        work = sum(WORKBOOK_WEIGHT if t.text is None and is_workbook(t.file) else 1 for t in tasks)
        requested = 2 if work >= 64 else 1
    return max(1, min(requested, usable_cpus(), len(tasks)))


def _task_name(task: Task) -> str:
    if task.index is not None:
        return f"{task.file}: agencies[{task.index}]"
    return f"{task.file}:{task.base_line + 1}" if task.base_line else task.file


def run(
    tasks: list[Task],
    *,
    as_of: dt.date,
    lang: str,
    fmt: str,
    rules_dir: Rules = None,
    jobs: int | None = None,
    max_bytes: int,
    progress: Callable[[int, int], None] | None = None,
    lists: dict | None = None,
) -> Generator[Outcome, None, None]:
    """Evaluate every task; outcomes come in input order. Several processes when it pays off (see
    plan_jobs); a worker that dies ends the run with engine.supervisor.WorkerDied.
    `lists`: list files already parsed, for `load` (in this process only)."""
    from engine.supervisor import Supervisor

    jobs = plan_jobs(jobs, tasks)
    total = len(tasks)
    if jobs <= 1:
        _init_worker(rules_dir, as_of, lang, fmt, max_bytes, lists)
        try:
            for i, task in enumerate(tasks, 1):
                outcome = _run_task(task)
                outcome.task = task
                yield outcome
                if progress:
                    progress(i, total)
        finally:
            gc.enable()
        return
    chunk = max(1, min(64, total // (jobs * 8) or 1))
    workers = Supervisor(
        _run_task,
        jobs=jobs,
        chunk=chunk,
        initializer=_init_worker,
        initargs=(rules_dir, as_of, lang, fmt, max_bytes),
        describe=_task_name,
    )
    for i, outcome in enumerate(workers.map(tasks), 1):
        outcome.task = tasks[i - 1]
        yield outcome
        if progress:
            progress(i, total)
