"""Signals that end a run (Ctrl-C, SIGTERM, SIGHUP) as one exception, and moments they must wait.

The command line turns SIGTERM and SIGHUP into `Interrupted`, as Python already turns SIGINT into
KeyboardInterrupt, so that every `finally` runs: temporary files are removed and worker processes
stopped, whatever ends the run. `held()` delays these signals over a step that must not be cut in
half (rewriting a file in place); they are acted on as soon as it ends.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator

ENDING = tuple(s for s in (signal.SIGINT, getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s)


class Interrupted(BaseException):
    """The process was asked to stop by a signal; `signum` says which."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


def _raise(signum: int, _frame) -> None:
    raise Interrupted(signum)


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """While the block runs (in the main thread), SIGTERM and SIGHUP raise Interrupted and SIGINT
    raises it too (rather than KeyboardInterrupt, so one handler names the signal)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {s: signal.getsignal(s) for s in ENDING}
    try:
        for s in ENDING:
            if previous[s] is not signal.SIG_IGN:  # nohup's SIGHUP stays ignored
                signal.signal(s, _raise)
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler if handler is not None else signal.SIG_DFL)


@contextlib.contextmanager
def held() -> Iterator[None]:
    """Signals that end a run wait until the block is over (then they act at once)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, ENDING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def in_worker() -> None:
    """A worker process: Ctrl-C reaches the whole process group, but only the parent acts on it
    (and stops the workers); SIGTERM and SIGHUP end a worker at once, which its parent notices."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for s in ENDING:
        if s != signal.SIGINT:
            signal.signal(s, signal.SIG_DFL)
