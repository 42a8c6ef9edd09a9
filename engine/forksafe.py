"""Locks that a fork() never copies while they are held.

A process that forks while another of its threads holds a lock gives the child a copy of that lock,
held by a thread the child does not have: the child's first use of it waits forever (a portfolio
run started from a service that evaluates in threads). A `ForkSafeLock` is taken by the forking
thread just before fork() — so no other thread is inside what it guards, e.g. durable-rules' C
core, at that moment — released in the parent after it, and made new in the child.
"""

from __future__ import annotations

import os
import threading


class ForkSafeLock:
    """A `threading.Lock` (or RLock, `reentrant=True`) that survives fork() in every thread's state."""

    def __init__(self, *, reentrant: bool = False):
        self._new = threading.RLock if reentrant else threading.Lock
        self._lock = self._new()
        if hasattr(os, "register_at_fork"):
            # Hooks run in reverse order of registration before a fork: locks made later (taken
            # first where they nest, e.g. the API's before the matcher's) are taken first.
            os.register_at_fork(before=self._before, after_in_parent=self._after, after_in_child=self._renew)

    def _before(self) -> None:
        self._lock.acquire()

    def _after(self) -> None:
        self._lock.release()

    def _renew(self) -> None:
        self._lock = self._new()

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        return self._lock.acquire(blocking, timeout)

    def release(self) -> None:
        self._lock.release()

    def __enter__(self) -> bool:
        return self._lock.acquire()

    def __exit__(self, *exc) -> None:
        self._lock.release()
