"""`cli.py evaluate`: one agency or a portfolio in, one report out, and an exit status.

Output goes to a temporary file first and reaches standard output or `--output` only when the whole
run succeeded: bad input anywhere means exit 2 with nothing written (report.md).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from engine.errors import InputError, Problem, UsageError
from engine.lang import T
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
    from engine import portfolio
    from engine.api import evaluator
    from engine.render import formats

    src = Path(path)
    if not src.exists():
        from engine.yamlio import _near_names  # a typo or .yml/.yaml: name the close files

        raise InputError(
            [
                Problem(
                    path, None, None, "", T("không có tệp hay thư mục này", "no such file or folder") + _near_names(src)
                )
            ]
        )
    if output and src.is_file() and os.path.exists(output) and os.path.samefile(output, src):
        raise UsageError(
            T(
                f"--output {output} chính là tệp đầu vào: báo cáo sẽ ghi đè lên dữ liệu; hãy ghi ra tệp khác",
                f"--output {output} is the input file itself: the report would replace the facts; "
                "write it to another file",
            )
        )
    if fmt in formats.BINARY_FORMATS and not output:
        raise UsageError(
            T(
                f"--format {fmt} viết ra một tệp bảng tính: hãy cho --output, ví dụ --output phu-luc.xlsx",
                f"--format {fmt} writes a workbook: give --output, e.g. --output annex.xlsx",
            )
        )
    tasks, form = portfolio.discover(src, max_bytes=max_bytes)
    ev = evaluator(rules_dir)
    if form == "agency" and fmt not in formats.BINARY_FORMATS:  # a workbook is the table, even of one
        portfolio._init_worker(rules_dir, as_of, lang, fmt, max_bytes)
        gc.enable()  # _init_worker turns the cyclic GC off for long portfolio runs; not for one agency
        facts, _ = portfolio._load(tasks[0])
        result = ev.evaluate(facts, as_of, lang=lang)
        _warn(path, result.warnings, lang)
        emit(formats.render_agency(result, fmt, lang, ev), output)
        return 1 if result.has_violation else 0
    if not tasks:
        raise InputError(
            [Problem(path, None, None, "", T("không tìm thấy dữ liệu cơ quan nào", "no agency documents found"))]
        )

    show = progress if progress is not None else (sys.stderr.isatty() and len(tasks) >= 50)
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
        buffer.seek(0)
        _emit_file(buffer, output)
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
                problems.append(
                    here.relocated(
                        message=T(
                            f"mã cơ quan '{outcome.agency_id}' bị trùng: cũng có ở {also}; "
                            "mỗi cơ quan trong danh mục phải có mã riêng",
                            f"duplicate agency id '{outcome.agency_id}': also at {also}; "
                            "ids must be unique in a portfolio",
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
        print(f"{place}: {word}: {w}", file=sys.stderr)


def emit(text: str, output: str | None) -> None:
    if not output:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    _atomic_write(output, lambda fh: fh.write(text))


def emit_bytes(data: bytes, output: str) -> None:
    """A binary file (a workbook) to `output`, atomically like every report."""
    _atomic_write(output, lambda fh: fh.buffer.write(data))


def _emit_file(buffer, output: str | None) -> None:
    # Copy the UTF-8 bytes as written: a national portfolio's report is hundreds of MB, and copying
    # it as text would decode and encode every byte again.
    buffer.flush()
    raw = buffer.buffer
    raw.seek(0)
    if not output:
        out = getattr(sys.stdout, "buffer", None)
        if out is None or (sys.stdout.encoding or "").lower().replace("-", "") != "utf8":
            buffer.seek(0)
            shutil.copyfileobj(buffer, sys.stdout)
            sys.stdout.flush()
            return
        sys.stdout.flush()
        _copy_bytes(raw, out)
        return

    def write(fh) -> None:
        fh.flush()
        _copy_bytes(raw, fh.buffer)

    _atomic_write(output, write)


def _copy_bytes(src, dst) -> None:
    """src (a file, at 0) to dst: in the kernel when both are real files or pipes (os.sendfile),
    else through Python."""
    dst.flush()
    sent = 0
    try:
        size = os.fstat(src.fileno()).st_size
        out_fd = dst.fileno()
        while sent < size:
            n = os.sendfile(out_fd, src.fileno(), sent, min(size - sent, 1 << 30))
            if n == 0:
                break
            sent += n
    except (OSError, ValueError, AttributeError):
        if sent:
            raise
        src.seek(0)
        shutil.copyfileobj(src, dst, 1 << 20)
    dst.flush()


def _atomic_write(output: str, write) -> None:
    """Replace `output` in one step: a failed run never leaves half a file."""
    target = Path(output)
    fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.")
    try:
        # mkstemp makes the file private (0600); a report is meant to be shared like any new file.
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            write(fh)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
