"""The service's limits and options, read from the environment.

`htqlcl serve` turns its options into these variables before uvicorn starts its worker processes,
which read them again here: the one way configuration reaches every worker. They can also be set
directly (a container, a systemd unit).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from engine.errors import UsageError
from engine.lang import T

ENV_TOKEN = "HTQLCL_API_TOKEN"
ENV_MAX_BODY = "HTQLCL_MAX_BODY_BYTES"
ENV_MAX_AGENCIES = "HTQLCL_MAX_AGENCIES"
ENV_TIME_LIMIT = "HTQLCL_TIME_LIMIT"
ENV_THREADS = "HTQLCL_THREADS"
ENV_DOCS = "HTQLCL_DOCS"
ENV_RULES = "HTQLCL_RULES"  # rule packs applied with the built-in rulebook, separated by os.pathsep

DEFAULT_MAX_BODY = 16 * 1024 * 1024
"""A province's portfolio (~1,000 agencies, ~11 MB of YAML) fits; a wrong upload stops early."""
DEFAULT_MAX_AGENCIES = 1000
"""More than any province has; a national portfolio belongs to `htqlcl evaluate`, which streams it."""
DEFAULT_TIME_LIMIT = 30.0
"""Seconds for one request, from its arrival to its answer (a full province takes about 10 s)."""
DEFAULT_THREADS = 2
"""Evaluations at once in one worker process. Evaluating holds Python's GIL, so more threads add no
speed; two let a short request pass while a portfolio is being evaluated."""


@dataclass(frozen=True)
class Settings:
    max_body_bytes: int = DEFAULT_MAX_BODY
    max_agencies: int = DEFAULT_MAX_AGENCIES
    time_limit: float = DEFAULT_TIME_LIMIT
    threads: int = DEFAULT_THREADS
    token: str | None = None  # when set, every /v1 request needs `Authorization: Bearer <token>`
    docs: bool = True  # interactive documentation at /docs (its files are served locally)
    packs: tuple[str, ...] = ()  # rule packs (folders) applied with the built-in rulebook, as `--rules`

    @property
    def rules(self):
        """The rules every evaluation applies (engine.api.evaluator): None for the built-in rulebook."""
        from engine.rulebook import RulesChoice

        return RulesChoice.of(self.packs) if self.packs else None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings the environment gives (defaults for what it leaves out); UsageError naming the
        variable for a value that cannot be used."""
        env = os.environ if environ is None else environ
        token = env.get(ENV_TOKEN)
        if token is not None and not token.strip():
            # An empty token must not quietly mean "no authentication".
            raise UsageError(
                T(
                    f"{ENV_TOKEN} được đặt nhưng để trống: hãy ghi mã truy cập, hoặc bỏ biến này để chạy không cần mã",
                    f"{ENV_TOKEN} is set but empty: give the token, or unset the variable to serve without one",
                )
            )
        return cls(
            max_body_bytes=_size(env.get(ENV_MAX_BODY), ENV_MAX_BODY, DEFAULT_MAX_BODY),
            max_agencies=_count(env.get(ENV_MAX_AGENCIES), ENV_MAX_AGENCIES, DEFAULT_MAX_AGENCIES),
            time_limit=_seconds(env.get(ENV_TIME_LIMIT), ENV_TIME_LIMIT, DEFAULT_TIME_LIMIT),
            threads=_count(env.get(ENV_THREADS), ENV_THREADS, DEFAULT_THREADS),
            token=token.strip() if token else None,
            docs=_flag(env.get(ENV_DOCS), ENV_DOCS, True),
            packs=tuple(p for p in (env.get(ENV_RULES) or "").split(os.pathsep) if p.strip()),
        )

    def environment(self) -> dict[str, str]:
        """These settings as the variables `from_env` reads (the token is left where it was set)."""
        return {
            ENV_MAX_BODY: str(self.max_body_bytes),
            ENV_MAX_AGENCIES: str(self.max_agencies),
            ENV_TIME_LIMIT: repr(self.time_limit),
            ENV_THREADS: str(self.threads),
            ENV_DOCS: "1" if self.docs else "0",
            ENV_RULES: os.pathsep.join(os.path.abspath(p) for p in self.packs),
        }


def _size(value: str | None, name: str, default: int) -> int:
    from engine.yamlio import max_input_bytes

    if value is None or not value.strip():
        return default
    return max_input_bytes(value, source=name)


def _count(value: str | None, name: str, default: int) -> int:
    if value is None or not value.strip():
        return default
    try:
        number = int(value)
    except ValueError:
        raise UsageError(
            T(f"{name}: {value!r} không phải là số nguyên", f"{name}: {value!r} is not a whole number")
        ) from None
    if number < 1:
        raise UsageError(
            T(f"{name}: không dùng được {number}: cần từ 1 trở lên", f"{name}: {number} is not allowed: give 1 or more")
        )
    return number


def _seconds(value: str | None, name: str, default: float) -> float:
    if value is None or not value.strip():
        return default
    try:
        seconds = float(value)
    except ValueError:
        raise UsageError(
            T(f"{name}: {value!r} không phải là số giây", f"{name}: {value!r} is not a number of seconds")
        ) from None
    if not 0 < seconds <= 3600:
        raise UsageError(
            T(
                f"{name}: không dùng được {value}: cần lớn hơn 0 và không quá 3600 giây",
                f"{name}: {value} is not allowed: give more than 0 and at most 3600 seconds",
            )
        )
    return seconds


def _flag(value: str | None, name: str, default: bool) -> bool:
    if value is None or not value.strip():
        return default
    word = value.strip().lower()
    if word in ("1", "true", "yes", "on"):
        return True
    if word in ("0", "false", "no", "off"):
        return False
    raise UsageError(
        T(f"{name}: {value!r} không phải 1 (bật) hay 0 (tắt)", f"{name}: {value!r} is neither 1 (on) nor 0 (off)")
    )
