"""Input problems as data: where a user's input is wrong and what to write instead.

Every refusal of bad input (facts files, rule files, command lines) is an `InputError` carrying
`Problem`s, so the CLI can print them one per line and exit with status 2 without a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from engine.lang import DEFAULT_LANG, T, Text, choose
from engine.quoting import escape

Loaded = TypeVar("Loaded")

MAX_PROBLEMS = 50
"""More problems than this are summarised: past 50 the user is fixing the wrong file or the wrong
format, and a screenful of the same message hides the first one, which is usually the cause."""


@dataclass(frozen=True, init=False)
class Problem:
    """One thing wrong with an input, located as precisely as the input allows.

    The message is kept in both languages (`message` English, `message_vi` Vietnamese; build it with
    a `Text`, which fills both) and shown in the user's with `text(lang)` / `render(lang)`. A
    message given as a plain str has no Vietnamese yet and shows in English in both languages.
    A spreadsheet's problems also name the `sheet` and the `cell` (`B7`); then `line` and `column`
    are the cell's row and column numbers.
    """

    file: str  # as the user gave it, or "<dict>" for input passed in through the API
    line: int | None  # 1-based
    column: int | None  # 1-based
    field: str  # dotted path with list indexes, e.g. "internal_audits[0].date"; "" = whole file
    message: str  # what is wrong and what is allowed, in English
    message_vi: str | None  # the same in Vietnamese; None: not translated (English is shown)
    sheet: str | None
    cell: str | None

    def __init__(
        self,
        file: str,
        line: int | None,
        column: int | None,
        field: str,
        message: str | Text,
        message_vi: str | None = None,
        sheet: str | None = None,
        cell: str | None = None,
    ) -> None:
        english = message
        if isinstance(message, Text):
            english, message_vi = message.en, message.vi
        for name, value in (
            ("file", file),
            ("line", line),
            ("column", column),
            ("field", field),
            ("message", english),
            ("message_vi", message_vi),
            ("sheet", sheet),
            ("cell", cell),
        ):
            object.__setattr__(self, name, value)

    def text(self, lang: str | None = DEFAULT_LANG) -> str:
        """The message in `lang` (Vietnamese unless "en")."""
        if lang != "en" and self.message_vi is not None:
            return self.message_vi
        return self.message

    def where(self) -> str:
        """`agency.yaml:12:5`, `mau.xlsx:'Cơ quan'!B7`: the same in every language."""
        if self.sheet is not None:
            sheet = "'" + self.sheet.replace("'", "''") + "'"
            return f"{self.file}:{sheet}!{self.cell}" if self.cell else f"{self.file}:{sheet}"
        where = [self.file] if self.file else []
        if self.line is not None:
            where.append(str(self.line))
            if self.column is not None:
                where.append(str(self.column))
        return ":".join(where)

    def render(self, lang: str | None = DEFAULT_LANG) -> str:
        """`agency.yaml:12:5: internal_audits[0].date: message`, leaving out unknown parts. Nothing
        unprintable reaches the terminal, whatever a file name, a field or a message quotes."""
        where = escape(self.where())
        head = [where] if where else []
        if self.field:
            head.append(escape(self.field))
        # One problem per output line, whatever the message quotes from the input.
        message = escape(" ".join(self.text(lang).splitlines()))
        return ": ".join([*head, message])

    def sort_key(self) -> tuple:
        # A missing line (None) cannot be compared with a number; whole-file problems (no line) come
        # first within their file, and a workbook's problems sheet by sheet.
        return (self.file, self.sheet or "", self.line or 0, self.column or 0, self.field, self.message)

    def relocated(self, **changes) -> Problem:
        """The same problem (both languages) at another place: `p.relocated(line=…)`."""
        return replace(self, **changes)


class InputError(Exception):
    """Bad input. The CLI prints `render(lang)` on stderr and exits with `exit_code`.

    `str(error)` is in `error.lang` (Vietnamese unless the API was asked for English); every problem
    carries both languages, so `error.render("en")` gives the other."""

    exit_code = 2
    problems: tuple[Problem, ...]
    lang: str = DEFAULT_LANG

    def __init__(self, problems: Sequence[Problem], *, lang: str | None = None):
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
                message=T(f"… và {rest} lỗi khác", f"… and {rest} more problem{'s' if rest != 1 else ''}"),
            )
            unique = [*unique[:MAX_PROBLEMS], more]
        self.problems = tuple(unique)
        if lang is not None:
            self.lang = choose(lang)
        super().__init__(self.problems)

    def render(self, lang: str | None = None) -> str:
        """Every problem, one per line, in `lang` (default: this error's language)."""
        return "\n".join(p.render(lang or self.lang) for p in self.problems)

    def in_language(self, lang: str | None) -> InputError:
        """This error, shown in `lang` from now on (it is raised again, not copied)."""
        self.lang = choose(lang)
        return self

    def __str__(self) -> str:
        return self.render()

    def __reduce__(self):
        # Rebuild from the already-capped problems: going through __init__ again would count the
        # "… and N more" line as a problem of its own (errors cross process pools by pickling).
        return _restore, (type(self), self.problems, self.lang)


class UsageError(InputError):
    """A wrong command line: also exit status 2. Accepts a plain message for convenience."""

    def __init__(self, problems: Sequence[Problem] | Text | str, *, lang: str | None = None):
        if isinstance(problems, (str, Text)):
            problems = [Problem(file="", line=None, column=None, field="", message=problems)]
        super().__init__(problems, lang=lang)


def _restore(cls: type[InputError], problems: tuple[Problem, ...], lang: str = DEFAULT_LANG) -> InputError:
    error = cls.__new__(cls)
    error.problems = problems
    error.lang = lang
    Exception.__init__(error, problems)
    return error


def load_all(folder, what: str, load: Callable[[Path], Loaded]) -> list[Loaded]:
    """`load` every `*.yaml` of a folder (sorted), reporting the problems of all files at once."""
    paths = sorted(Path(folder).glob("*.yaml"))
    if not paths:
        raise InputError([Problem(str(folder), None, None, "", _no_files(what))])
    loaded: list[Loaded] = []
    problems: list[Problem] = []
    for p in paths:
        try:
            loaded.append(load(p))
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    return loaded


def _no_files(what: str) -> Text:
    words = {"rules": "quy tắc", "register": "danh mục điều khoản", "feature": "kịch bản"}
    return T(
        f"thư mục này không có tệp {words.get(what, what)} nào (*.yaml)",
        f"no {what} files (*.yaml) in this folder",
    )


class InvalidValue(ValueError):
    """A model validator's refusal, in both languages: raised inside pydantic validators, whose
    error then carries it (`ctx["error"]`) to the YAML/spreadsheet explainers. `str()` is English,
    as pydantic and Python expect."""

    def __init__(self, text: Text, *, field: str | None = None):
        super().__init__(text.en)
        self.text = text
        self.field = field  # for a whole-record check: the field to point at, where the input can (a cell)
