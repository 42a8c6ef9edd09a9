"""Input problems as data: where a user's input is wrong and what to write instead.

Every refusal of bad input (facts files, rule files, command lines) is an `InputError` carrying
`Problem`s, so the CLI can print them one per line and exit with status 2 without a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from engine.quoting import escape

T = TypeVar("T")

MAX_PROBLEMS = 50
"""More problems than this are summarised: past 50 the user is fixing the wrong file or the wrong
format, and a screenful of the same message hides the first one, which is usually the cause."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input, located as precisely as the input allows."""

    file: str  # as the user gave it, or "<dict>" for input passed in through the API
    line: int | None  # 1-based
    column: int | None  # 1-based
    field: str  # dotted path with list indexes, e.g. "internal_audits[0].date"; "" = whole file
    message: str  # what is wrong and what is allowed

    def render(self) -> str:
        """`agency.yaml:12:5: internal_audits[0].date: message`, leaving out unknown parts. Nothing
        unprintable reaches the terminal, whatever a file name or a message quotes."""
        where = [escape(self.file)] if self.file else []
        if self.line is not None:
            where.append(str(self.line))
            if self.column is not None:
                where.append(str(self.column))
        head = [":".join(where)] if where else []
        if self.field:
            head.append(escape(self.field))
        # One problem per output line, whatever the message quotes from the input.
        message = escape(" ".join(self.message.splitlines()))
        return ": ".join([*head, message])

    def sort_key(self) -> tuple:
        # Dataclass ordering cannot compare a missing line (None) with a number; whole-file
        # problems (no line) come first within their file.
        return (self.file, self.line or 0, self.column or 0, self.field, self.message)


class InputError(Exception):
    """Bad input. The CLI prints `str(error)` on stderr and exits with `exit_code`."""

    exit_code = 2
    problems: tuple[Problem, ...]

    def __init__(self, problems: Sequence[Problem]):
        unique = sorted(dict.fromkeys(problems), key=Problem.sort_key)
        if not unique:
            raise ValueError("an InputError needs at least one Problem")
        if len(unique) > MAX_PROBLEMS:
            rest = len(unique) - MAX_PROBLEMS
            files = {p.file for p in unique}
            more = Problem(
                file=files.pop() if len(files) == 1 else "",
                line=None,
                column=None,
                field="",
                message=f"… and {rest} more problem{'s' if rest != 1 else ''}",
            )
            unique = [*unique[:MAX_PROBLEMS], more]
        self.problems = tuple(unique)
        super().__init__(self.problems)

    def __str__(self) -> str:
        return "\n".join(p.render() for p in self.problems)

    def __reduce__(self):
        # Rebuild from the already-capped problems: going through __init__ again would count the
        # "… and N more" line as a problem of its own (errors cross process pools by pickling).
        return _restore, (type(self), self.problems)


class UsageError(InputError):
    """A wrong command line: also exit status 2. Accepts a plain message for convenience."""

    def __init__(self, problems: Sequence[Problem] | str):
        if isinstance(problems, str):
            problems = [Problem(file="", line=None, column=None, field="", message=problems)]
        super().__init__(problems)


def _restore(cls: type[InputError], problems: tuple[Problem, ...]) -> InputError:
    error = cls.__new__(cls)
    error.problems = problems
    Exception.__init__(error, problems)
    return error


def load_all(folder, what: str, load: Callable[[Path], T]) -> list[T]:
    """`load` every `*.yaml` of a folder (sorted), reporting the problems of all files at once."""
    paths = sorted(Path(folder).glob("*.yaml"))
    if not paths:
        raise InputError([Problem(str(folder), None, None, "", f"no {what} files (*.yaml) in this folder")])
    loaded: list[T] = []
    problems: list[Problem] = []
    for p in paths:
        try:
            loaded.append(load(p))
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    return loaded
