"""Worker processes that can never hang a run: work handed out in chunks, results back in order, and
every worker watched.

`multiprocessing.Pool.imap` waits forever for the chunk of a worker that died (killed for lack of
memory, a crash in a C extension, `kill`). Here each worker has its own pipe and the parent waits on
the pipes and the processes' sentinels together: a worker that ends without being asked to is
noticed at once, the run ends with `WorkerDied` naming it, how it ended and what it was working on,
and every other worker is stopped. However the run ends (the results all read, an error, Ctrl-C,
SIGTERM, the consumer giving up), no worker outlives it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

from engine import interrupts
from engine.lang import T, Text
from engine.quoting import escape, shown

Item = TypeVar("Item")
R = TypeVar("R")

IN_FLIGHT = 1
"""Chunks sent to a worker before it answers. One: a worker reads its next chunk as soon as it has
answered, and the parent never blocks sending to a busy worker whose answer it is not reading."""


class WorkerDied(RuntimeError):
    """A worker process ended during the run, or failed with an error that is not bad input.
    `text`: what happened, in both languages; `details`: the worker's traceback, if it had one (for
    HTQLCL_DEBUG, not for the user)."""

    def __init__(self, text: Text, details: str = ""):
        super().__init__(text.en)
        self.text = text
        self.details = details


@dataclass
class _Worker:
    process: Any
    conn: Connection
    busy: list[int] = field(default_factory=list)  # chunk numbers sent and not yet answered


def usable_cpus() -> int:
    """Processors this process may run on (a container or `taskset` may allow fewer than exist)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _describe_end(exitcode: int | None) -> Text:
    if exitcode is None:
        return T("ngừng trả lời", "stopped answering")
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        if -exitcode == signal.SIGKILL:
            return T(
                f"bị dừng bởi {name} (có thể hệ thống đã hết bộ nhớ)",
                f"was killed by {name} (the system may have run out of memory)",
            )
        return T(f"bị dừng bởi {name}", f"was killed by {name}")
    return T(f"kết thúc với mã {exitcode}", f"exited with status {exitcode}")


def _serve(conn: Connection, others: list[Connection], fn, initializer, initargs) -> None:
    """A worker's life: set up, then answer chunks until told to stop (None) or the parent is gone."""
    interrupts.in_worker()
    for other in others:  # the parent's ends of the pipes, inherited by fork
        other.close()
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if message is None:
            return
        number, items = message
        answer: tuple[int, list | None, str | None]
        try:
            answer = (number, [fn(item) for item in items], None)
        except BaseException as exc:  # reported to the parent, which ends the run with it
            answer = (number, None, f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")
        try:
            conn.send(answer)
        except (BrokenPipeError, OSError):
            return


class Supervisor(Generic[Item, R]):
    """`map(fn, items)` over `jobs` worker processes, results in input order."""

    def __init__(
        self,
        fn: Callable[[Item], R],
        *,
        jobs: int,
        chunk: int,
        initializer: Callable[..., None] | None = None,
        initargs: tuple = (),
        describe: Callable[[Item], str] = str,
    ):
        self.fn, self.jobs, self.chunk = fn, jobs, max(1, chunk)
        self.initializer, self.initargs, self.describe = initializer, initargs, describe
        methods = multiprocessing.get_all_start_methods()
        self.ctx: Any = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.workers: list[_Worker] = []

    def _start(self) -> None:
        parent_ends: list[Connection] = []
        forked = self.ctx.get_start_method() == "fork"
        for _ in range(self.jobs):
            mine, theirs = self.ctx.Pipe(duplex=True)
            # A forked worker closes every parent's end it inherited, its own pipe's too: else its
            # pipe never reports the parent gone (killed), and the worker would wait for work forever.
            inherited = [*parent_ends, mine] if forked else []
            process = self.ctx.Process(
                target=_serve,
                args=(theirs, inherited, self.fn, self.initializer, self.initargs),
                daemon=True,
                name="htqlcl-worker",
            )
            process.start()
            theirs.close()
            parent_ends.append(mine)
            self.workers.append(_Worker(process, mine))

    def map(self, items: Sequence[Item]) -> Iterator[R]:
        chunks = [items[i : i + self.chunk] for i in range(0, len(items), self.chunk)]
        window = self.jobs * 4  # chunks ahead of the one being read back: bounds what waits in memory
        answers: dict[int, list[R]] = {}
        next_to_send = next_to_yield = 0
        try:
            self._start()
            while next_to_yield < len(chunks):
                # Feed every idle worker first (the window moves as chunks are read back), then hand on
                # the next chunk in order if it is there, else wait for an answer.
                for w in self.workers:
                    while len(w.busy) < IN_FLIGHT and next_to_send < min(len(chunks), next_to_yield + window):
                        w.conn.send((next_to_send, chunks[next_to_send]))
                        w.busy.append(next_to_send)
                        next_to_send += 1
                if next_to_yield in answers:
                    yield from answers.pop(next_to_yield)
                    next_to_yield += 1
                    continue
                if not any(w.busy for w in self.workers):  # the chunk awaited is nowhere: never wait forever
                    raise WorkerDied(
                        T(
                            f"lỗi nội bộ: phần việc {next_to_yield} không được giao cho tiến trình con nào",
                            f"internal error: chunk {next_to_yield} is not with any worker process",
                        )
                    )
                self._receive(chunks, answers)
        finally:
            self._stop()

    def _receive(self, chunks: list[Sequence[Item]], answers: dict[int, list[R]]) -> None:
        by_handle: dict[Any, tuple[_Worker, bool]] = {}
        for w in self.workers:
            by_handle[w.conn] = (w, True)
            by_handle[w.process.sentinel] = (w, False)
        for ready in wait(list(by_handle)):
            w, is_pipe = by_handle[ready]
            if is_pipe:
                try:
                    number, results, failure = w.conn.recv()
                except (EOFError, OSError):
                    self._died(w, chunks)
                if failure is not None:
                    span, first = self._span(chunks[number]), shown(failure.splitlines()[0], 300)
                    raise WorkerDied(
                        T(
                            f"lỗi nội bộ trong một tiến trình con khi đánh giá {span}: {first}",
                            f"internal error in a worker process while evaluating {span}: {first}",
                        ),
                        failure,
                    )
                w.busy.remove(number)
                answers[number] = results
            elif not w.conn.poll():  # ended, with no answer left to read
                self._died(w, chunks)

    def _died(self, w: _Worker, chunks: list[Sequence[Item]]) -> None:
        w.process.join(0.5)
        span = self._span(chunks[w.busy[0]]) if w.busy else ""
        doing = T(f" khi đang đánh giá {span}", f" while evaluating {span}") if span else ""
        raise WorkerDied(
            T(f"một tiến trình con (pid {w.process.pid}) ", f"a worker process (pid {w.process.pid}) ")
            + _describe_end(w.process.exitcode)
            + doing
        )

    def _span(self, chunk: Sequence[Item]) -> str:
        first, last = escape(self.describe(chunk[0])), escape(self.describe(chunk[-1]))
        return first if first == last else f"{first} … {last}"

    def _stop(self) -> None:
        """Ask each worker to stop; whatever has not stopped a moment later is terminated, then killed."""
        with interrupts.held():
            for w in self.workers:
                if w.process.is_alive() and not w.busy:
                    with contextlib.suppress(OSError):
                        w.conn.send(None)
            for w in self.workers:
                if w.busy and w.process.is_alive():
                    w.process.terminate()  # it is working on a chunk nobody will read
            for w in self.workers:
                w.process.join(2)
                if w.process.is_alive():
                    w.process.kill()
                    w.process.join(2)
                w.conn.close()
            self.workers = []
