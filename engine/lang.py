"""The user's language: what the engine says to a person about their input, in Vietnamese and English.

A message is built once, as a `Text` holding both languages, by whatever notices the problem (the
YAML loader, a model validator, the spreadsheet reader, the command line), and the language is chosen
only where it is shown (`--lang`, default Vietnamese; the API's `lang=`). Locations and field paths
are never part of a Text: they are the same in both languages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

LANGS = ("vi", "en")
DEFAULT_LANG = "vi"


def choose(lang: str | None) -> str:
    """`lang` if it is a supported language, else the default (Vietnamese)."""
    return lang if lang in LANGS else DEFAULT_LANG


@dataclass(frozen=True, slots=True)
class Text:
    """One message in both languages. `+` appends (a plain str is the same in both: a quoted value,
    a number, punctuation)."""

    vi: str
    en: str

    def __call__(self, lang: str | None) -> str:
        return self.en if lang == "en" else self.vi

    def __add__(self, other: Text | str) -> Text:
        o = other if isinstance(other, Text) else Text(other, other)
        return Text(self.vi + o.vi, self.en + o.en)

    def __radd__(self, other: str) -> Text:
        return Text(other + self.vi, other + self.en)

    @classmethod
    def same(cls, text: str) -> Text:
        """Text that reads the same in both languages (a name, a number, a code)."""
        return cls(text, text)

    @classmethod
    def join(cls, separator: Text | str, parts: Iterable[Text | str]) -> Text:
        out: Text | None = None
        for part in parts:
            out = (part if isinstance(part, Text) else cls.same(part)) if out is None else out + separator + part
        return out or cls("", "")


def T(vi: str, en: str) -> Text:
    """A message in Vietnamese and English (short, for the many places that build one)."""
    return Text(vi, en)
