"""`cli.py evaluate`: one agency or a portfolio in, one report out, and an exit status.

The report is built in a temporary file first and reaches standard output or `--output` (as
`engine.output` decides) only when the whole run succeeded: bad input anywhere means exit 2 with
nothing written (report.md).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from engine.errors import InputError, Problem, UsageError
from engine.lang import T
from engine.output import destination
from engine.quoting import escape, quote
from engine.result import Summary

if TYPE_CHECKING:
    from engine.rulebook import Rules


class Progress:
    """A progress bar on stderr, only for a person watching a long run."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.started = time.monotonic()
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.2 and done != total):
            return
        self.last = now
        width = 30
        filled = int(width * done / total) if total else width
        rate = done / max(now - self.started, 1e-6)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} agencies, {rate:,.0f}/s ")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def evaluate_path(
    path: str,
    *,
    as_of: dt.date,
    fmt: str,
    lang: str,
    output: str | None,
    rules_dir: Rules = None,
    jobs: int | None = None,
    max_bytes: int,
    progress: bool | None = None,
) -> int:
    from engine.render import formats

    src = Path(path)
    if not src.exists():
        from engine.yamlio import missing_path

        raise missing_path(path)
    if fmt in formats.BINARY_FORMATS and not output:
        raise UsageError(
            T(
                f"--format {fmt} viết ra một tệp bảng tính: hãy cho --output, ví dụ --output phu-luc.xlsx",
                f"--format {fmt} writes a workbook: give --output, e.g. --output annex.xlsx",
            )
        )
    # Where the report goes is settled before any work: a path that cannot be written, or one that
    # would replace an input, is refused now rather than after the run.
    with destination(output, reading=read_paths(src, rules_dir)) as dest:
        return _evaluate(src, path, dest, as_of, fmt, lang, rules_dir, jobs, max_bytes, progress)


def _evaluate(src: Path, path: str, dest, as_of, fmt, lang, rules_dir, jobs, max_bytes, progress) -> int:
    from engine import portfolio
    from engine.api import evaluator
    from engine.render import formats

    tasks, form = portfolio.discover(src, max_bytes=max_bytes)
    ev = evaluator(rules_dir)
    if form == "agency" and fmt not in formats.BINARY_FORMATS:  # a workbook is the table, even of one
        portfolio._init_worker(rules_dir, as_of, lang, fmt, max_bytes)
        gc.enable()  # _init_worker turns the cyclic GC off for long portfolio runs; not for one agency
        facts, _ = portfolio._load(tasks[0])
        result = ev.evaluate(facts, as_of, lang=lang)
        _warn(path, result.warnings, lang)
        dest.write_text(formats.render_agency(result, fmt, lang, ev))
        return 1 if result.has_violation else 0
    if not tasks:
        raise InputError(
            [Problem(path, None, None, "", T("không tìm thấy dữ liệu cơ quan nào", "no agency documents found"))]
        )

    show = progress if progress is not None else (sys.stderr.isatty() and len(tasks) >= 50)
    planned = portfolio.plan_jobs(jobs, tasks)
    if jobs is not None and planned < min(jobs, len(tasks)):
        print(
            T(
                f"cảnh báo: --jobs {jobs}: lần chạy này chỉ dùng được {planned} bộ xử lý; "
                f"khởi động {planned} tiến trình con",
                f"warning: --jobs {jobs}: this run may use {planned} processor{'s' if planned != 1 else ''}; "
                f"starting {planned} worker process{'es' if planned != 1 else ''}",
            )(lang),
            file=sys.stderr,
        )
    with tempfile.TemporaryFile("w+", encoding="utf-8") as buffer:
        total = evaluate_tasks(
            tasks,
            buffer,
            as_of=as_of,
            fmt=fmt,
            lang=lang,
            rules_dir=rules_dir,
            jobs=jobs,
            max_bytes=max_bytes,
            progress=Progress(show),
        )
        buffer.flush()
        dest.write_file(buffer.buffer)
    return 1 if total.violation else 0


def evaluate_tasks(
    tasks: list,
    out: TextIO,
    *,
    as_of: dt.date,
    fmt: str,
    lang: str,
    rules_dir: Rules,
    jobs: int | None,
    max_bytes: int,
    progress: Callable[[int, int], None] | None,
    warn: Callable[[str, list[str], str], None] | None = None,
    lists: dict | None = None,
) -> Summary:
    """A portfolio's tasks evaluated and its report written to `out` (a text file with a binary
    `buffer` under it, as the writer copies members' bytes); its totals. InputError with every
    problem of every agency, before anything more is written. `warn(place, warnings, lang)` is told
    each agency's warnings (default: on stderr). The HTTP service calls this too, with its own `out`."""
    from engine import portfolio
    from engine.api import evaluator
    from engine.render import formats

    warn = _warn if warn is None else warn
    ev = evaluator(rules_dir)
    problems: list[Problem] = []
    seen: dict[str, portfolio.Task] = {}
    guests: list[portfolio.Outcome] = []  # agencies applying another agency's QMS: run once all ids are known
    members = []
    cited: set[str] = set()
    total = Summary()
    writer = formats.PortfolioWriter(out, fmt, lang, as_of, ev.produced_by)
    writer.head()

    def take(outcomes, first_pass: bool) -> None:
        # Closed on any way out (an error, Ctrl-C): the workers stop now, not when the garbage is collected.
        with contextlib.closing(outcomes):
            take_each(outcomes, first_pass)

    def take_each(outcomes, first_pass: bool) -> None:
        nonlocal total
        for outcome in outcomes:
            if outcome.problems:
                problems.extend(outcome.problems)
                continue
            assert outcome.agency_id is not None
            if first_pass and outcome.agency_id in seen:
                # Both places, each at its `id:` line, so either can be renamed or removed.
                here = portfolio.id_location(outcome.task, max_bytes)
                first = portfolio.id_location(seen[outcome.agency_id], max_bytes)
                also = first.where() or first.file
                agency_id = quote(outcome.agency_id)
                problems.append(
                    here.relocated(
                        message=T(
                            f"mã cơ quan {agency_id} bị trùng: cũng có ở {also}; "
                            "mỗi cơ quan trong danh mục phải có mã riêng",
                            f"duplicate agency id {agency_id}: also at {also}; ids must be unique in a portfolio",
                        )
                    )
                )
                continue
            if first_pass:
                seen[outcome.agency_id] = outcome.task
            if outcome.guest_of is not None:
                guests.append(outcome)
                continue
            # Without problems, the agency was evaluated: _run_task filled in all of these.
            assert outcome.summary is not None and outcome.rendered is not None
            warn(outcome.place, outcome.warnings, lang)
            if problems:
                continue  # keep reading to report every problem, but write nothing more
            writer.member(outcome.rendered, outcome.member)
            members.append(outcome.member)
            cited.update(outcome.cited)
            total = total + outcome.summary

    def run(work: list[portfolio.Task]):
        return portfolio.run(
            work,
            as_of=as_of,
            lang=lang,
            fmt=fmt,
            rules_dir=rules_dir,
            jobs=jobs,
            max_bytes=max_bytes,
            progress=progress,
            lists=lists,
        )

    try:
        take(run(tasks), first_pass=True)
        if guests:
            # Rulebook v1.1 §3: each guest with its host's facts, after the others (their hosts are known now).
            second, wrong = portfolio.second_pass(guests, seen, max_bytes)
            problems.extend(wrong)
            if second and not problems:
                take(run(second), first_pass=False)
        if problems:
            raise InputError(problems)
        portfolio_findings = ev.evaluate_portfolio(members, as_of, lang=lang)
        if fmt == "xlsx":
            writer.denominators = ev.portfolio_denominators(members, portfolio_findings, as_of)
        cited.update(s for f in portfolio_findings for s in f.sources)
        total = total + Summary.of(portfolio_findings)
        sources = {cid: ev.source_model(cid) for cid in sorted(cited)}
        titles = {rid: r.title.get(lang) for rid, r in ev.rulebook.rules.items()}
        writer.tail(portfolio_findings, total, sources, titles)
    except BaseException:
        writer.close()
        raise
    return total


def _warn(place: str, warnings: list[str], lang: str) -> None:
    word = T("cảnh báo", "warning")(lang)
    for w in warnings:
        print(escape(f"{place}: {word}: {w}"), file=sys.stderr)


def read_paths(path: str | os.PathLike | None, rules: Rules) -> list[str]:
    """Everything a run reads, which its output may never be nor be inside: the input and the rules
    (the built-in rulebook, each pack's folder, or one rules folder)."""
    from engine.resources import RULES_DIR
    from engine.rulebook import RulesChoice

    folders: list[str | os.PathLike] = []
    if isinstance(rules, RulesChoice):
        folders = [*([RULES_DIR] if rules.builtin else []), *rules.packs]
    else:
        folders = [rules or RULES_DIR]
    return [os.fspath(p) for p in [*([path] if path else []), *folders]]


def emit(text: str, output: str | None, *, reading: list[str] | None = None) -> None:
    """`text` to standard output or to `output` (checked by engine.output; by default it may not be
    in the rules)."""
    with destination(output, reading=read_paths(None, None) if reading is None else reading) as dest:
        dest.write_text(text)


def emit_bytes(data: bytes, output: str, *, reading: list[str] | None = None) -> None:
    """A binary file (a workbook) to `output`, checked and written like every report."""
    with destination(output, reading=reading or []) as dest:
        dest.write(lambda out: out.write(data), len(data))
