"""The command line in the user's language: argparse's own words (usage, option groups, its error
messages) in Vietnamese or English, and the `--lang` a command line asks for, known before parsing
so that even a usage error is said in it."""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence

from engine.lang import DEFAULT_LANG, LANGS

_ENV_LANG = "HTQLCL_LANG"


def requested_lang(argv: Sequence[str]) -> str:
    """The language a command line asks for (`--lang en`, `--lang=en`, even one argparse will refuse
    for another reason), else the environment variable HTQLCL_LANG, else Vietnamese."""
    import os

    found = None
    args = list(argv)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    if found is None:
        found = os.environ.get(_ENV_LANG, "")
    return found if found in LANGS else DEFAULT_LANG


# argparse's messages (Python 3.11–3.13), and how a Vietnamese official would put them.
_ERRORS_VI = (
    (
        r"argument (?P<a>.+?): invalid choice: (?P<v>.+?) \(choose from (?P<c>.+)\)",
        "tham số {a}: không có lựa chọn {v} (chọn một trong: {c})",
    ),
    (r"argument (?P<a>.+?): expected one argument", "tham số {a}: cần ghi đúng một giá trị sau tùy chọn"),
    (r"argument (?P<a>.+?): expected at least one argument", "tham số {a}: cần ít nhất một giá trị"),
    (r"argument (?P<a>.+?): expected at most one argument", "tham số {a}: chỉ được ghi tối đa một giá trị"),
    (r"argument (?P<a>.+?): expected (?P<n>\d+) arguments?", "tham số {a}: cần {n} giá trị"),
    (r"argument (?P<a>.+?): invalid (?P<t>\S+) value: (?P<v>.+)", "tham số {a}: giá trị {v} không hợp lệ"),
    (r"argument (?P<a>.+?): ignored explicit argument (?P<v>.+)", "tham số {a}: tùy chọn này không nhận giá trị {v}"),
    (r"argument (?P<a>.+?): not allowed with argument (?P<o>.+)", "không dùng tham số {a} cùng với {o}"),
    (r"the following arguments are required: (?P<a>.+)", "thiếu tham số bắt buộc: {a}"),
    (r"one of the arguments (?P<a>.+) is required", "cần một trong các tham số {a}"),
    (r"unrecognized arguments: (?P<a>.+)", "không nhận ra tham số: {a}"),
    (r"ambiguous option: (?P<o>\S+) could match (?P<m>.+)", "tùy chọn {o} chưa rõ: có thể là {m}"),
    (r"argument (?P<a>.+?): (?P<m>.+)", "tham số {a}: {m}"),
)
_ERRORS_VI_RE = tuple((re.compile(pattern, re.S), words) for pattern, words in _ERRORS_VI)

WORDS = {
    "usage": {"vi": "cách dùng: ", "en": "usage: "},
    "error": {"vi": "lỗi", "en": "error"},
    "warning": {"vi": "cảnh báo", "en": "warning"},
    "positional": {"vi": "tham số", "en": "positional arguments"},
    "options": {"vi": "tùy chọn", "en": "options"},
    "commands": {"vi": "lệnh", "en": "commands"},
    "help": {"vi": "in hướng dẫn này rồi thoát", "en": "show this help message and exit"},
    "version": {"vi": "in số phiên bản rồi thoát", "en": "show the program's version number and exit"},
}


def word(key: str, lang: str) -> str:
    return WORDS[key]["en" if lang == "en" else "vi"]


def usage_error(message: str, lang: str) -> str:
    """One of argparse's error messages in `lang` (it words them in English)."""
    if lang == "en":
        return message
    for pattern, words in _ERRORS_VI_RE:
        m = pattern.fullmatch(message)
        if m:
            return words.format(**{k: usage_error(v, lang) if k == "m" else v for k, v in m.groupdict().items()})
    return message


def formatter(lang: str) -> type[argparse.HelpFormatter]:
    """A help formatter whose `usage:` is in `lang`."""

    class Formatter(argparse.HelpFormatter):
        def add_usage(self, usage, actions, groups, prefix=None) -> None:
            super().add_usage(usage, actions, groups, prefix if prefix is not None else word("usage", lang))

        def _fill_text(self, text: str, width: int, indent: str) -> str:
            # A text laid out in lines (the table of exit statuses) keeps its lines; prose is wrapped.
            if "\n" in text:
                return "\n".join(indent + line for line in text.splitlines())
            return super()._fill_text(text, width, indent)

    return Formatter


def localise(parser: argparse.ArgumentParser, lang: str) -> None:
    """The titles of a parser's option groups in `lang`."""
    for group in parser._action_groups:  # argparse has no public way to rename its default groups
        if group.title == "positional arguments":
            group.title = word("positional", lang)
        elif group.title in ("options", "optional arguments"):
            group.title = word("options", lang)
