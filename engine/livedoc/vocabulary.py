"""The step vocabulary, read from the step definitions themselves (so it cannot drift from them), each
sentence with an example of its use taken from the features.

The step modules are imported and pytest-bdd's own record of each definition (its parser and pattern)
is read back; a regular expression is shown as a sentence with `<name>` where a value goes.
"""

from __future__ import annotations

import importlib
import inspect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from engine.errors import InputError, Problem
from engine.livedoc.features import Scenario, Step
from engine.livedoc.runner import step_modules

if TYPE_CHECKING:
    from pytest_bdd.parsers import StepParser
    from pytest_bdd.steps import StepFunctionContext


@dataclass(frozen=True)
class Sentence:
    pattern: str  # the definition's pattern, as written in Python
    readable: str  # the sentence a reviewer writes, `<name>` for a value
    kind: str  # pytest-bdd step type: given | when | then | any
    doc: str  # the definition's docstring: its first paragraph, in Vietnamese
    doc_en: str  # its second paragraph, in English (the first when there is only one)
    module: str
    line: int
    example: Step | None  # the first use in the features (file and line order)
    example_at: str  # "qd19_2014.feature:23"
    uses: int


@dataclass(frozen=True)
class Vocabulary:
    sentences: tuple[Sentence, ...]
    unmatched: tuple[tuple[str, Step], ...]  # sentences in the features that no definition matches
    columns: tuple[tuple[str, str, str], ...] = ()  # (section, Vietnamese column name, facts field) for tables


def definitions(modules: list[str] | None = None) -> list[tuple[StepFunctionContext, str, int]]:
    """(pytest-bdd step context, module name, line) of every step defined in the step modules."""
    from pytest_bdd.steps import step_function_context_registry

    names = step_modules() if modules is None else modules
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as e:  # a broken step module breaks the scenarios too: say which, without a traceback
            raise InputError(
                [
                    Problem(
                        name.replace(".", "/") + ".py",
                        None,
                        None,
                        "",
                        f"the step definitions cannot be imported: {type(e).__name__}: {e}",
                    )
                ]
            ) from None
    found = []
    for context in list(step_function_context_registry.values()):
        module = context.step_func.__module__
        if module in names:
            found.append((context, module, inspect.getsourcelines(context.step_func)[1]))
    return sorted(found, key=lambda f: (names.index(f[1]), f[2]))


def build_vocabulary(scenarios: list[Scenario], modules: list[str] | None = None) -> Vocabulary:
    defs = definitions(modules)
    examples: dict[int, list[tuple[Scenario, Step]]] = {}
    unmatched: dict[str, tuple[str, Step]] = {}
    for s in scenarios:  # already in file and line order
        for step in s.steps:
            for i, (context, _, _) in enumerate(defs):
                if context.parser.is_matching(step.text):
                    examples.setdefault(i, []).append((s, step))
                    break
            else:
                unmatched.setdefault(step.text, (f"{s.feature}:{s.line}", step))
    sentences = []
    for i, (context, module, line) in enumerate(defs):
        used = examples.get(i, [])
        first = used[0] if used else None
        paragraphs = [p for p in (inspect.getdoc(context.step_func) or "").split("\n\n") if p.strip()]
        if len(paragraphs) == 1 and paragraphs[0].isascii():  # an English-only docstring: no Vietnamese doc
            paragraphs = ["", paragraphs[0]]
        sentences.append(
            Sentence(
                pattern=context.parser.name,
                readable=readable(context.parser, PLACEHOLDERS),
                kind=context.type or "any",
                doc=" ".join(paragraphs[0].split()) if paragraphs else "",
                doc_en=" ".join(paragraphs[1 if len(paragraphs) > 1 else 0].split()) if paragraphs else "",
                module=module,
                line=line,
                example=first[1] if first else None,
                example_at=f"{first[0].feature}:{first[0].line}" if first else "",
                uses=len(used),
            )
        )
    return Vocabulary(tuple(sentences), tuple(sorted(unmatched.values(), key=lambda u: u[0])), column_names())


def column_names() -> tuple[tuple[str, str, str], ...]:
    """The Vietnamese names a scenario's data table may give its columns, from the step vocabulary."""
    from engine.steps import common

    return tuple(getattr(common, "COLUMN_TABLE", ()))


# What a reviewer writes where a step takes a value, for the names the step definitions give their values.
PLACEHOLDERS = {
    "day": "ngày",
    "name": "tên",
    "level": "cấp",
    "province": "tỉnh",
    "district": "huyện",
    "standard": "tiêu chuẩn",
    "notified": "ngày thông báo",
    "section": "mục",
    "rule": "mã quy tắc",
    "subject": "đối tượng",
    "status": "kết quả",
    "text": "nội dung",
    "source": "mã điều khoản",
    "n": "số",
    "k": "số",
    "what": "việc",
    "value": "giá trị",
    "program": "chương trình",
    "later": "mã điều khoản sau",
    "earlier": "mã điều khoản trước",
    "field": "trường",
    "hint": "gợi ý",
}


def readable(parser: StepParser, names: dict[str, str] | None = None) -> str:
    """The sentence behind a step parser: `parse`-style `{name}` and regex groups become `<name>`, or the
    reviewer's word for the value when `names` has one."""
    names = names or {}
    kind = type(parser).__name__
    if kind in ("parse", "cfparse"):
        return re.sub(
            r"\{(\w*)(?:[:!][^}]*)?\}", lambda m: f"<{names.get(m.group(1), m.group(1)) or '…'}>", parser.name
        )
    if kind == "re":
        return _Regex(parser.name, names).sentence()
    return parser.name


class _Regex:
    """Reads the small part of regular-expression syntax step patterns use: named groups become
    `<name>`, optional groups `[…]`, alternatives `a | b`; anchors and repetition marks disappear."""

    def __init__(self, pattern: str, names: dict[str, str] | None = None):
        self.p, self.i = pattern, 0
        self.names = names or {}

    def sentence(self) -> str:
        return " ".join(self._sequence().split())

    def _sequence(self, inside: bool = False) -> str:
        parts: list[str] = []
        branch: list[str] = []
        while self.i < len(self.p):
            c = self.p[self.i]
            if c == ")" and inside:
                break
            if c == "|":
                parts.append("".join(branch))
                branch = []
                self.i += 1
                continue
            branch.append(self._atom())
        parts.append("".join(branch))
        return " | ".join(parts) if len(parts) > 1 else parts[0]

    def _atom(self) -> str:
        p, c = self.p, self.p[self.i]
        if c == "\\":
            self.i += 2
            escaped = p[self.i - 1] if self.i - 1 < len(p) else ""
            text = {"d": "0", "s": " ", "w": "a"}.get(escaped, escaped)
            return self._quantified(text)
        if c in "^$":
            self.i += 1
            return ""
        if c == "[":
            end = p.index("]", self.i + 2)
            self.i = end + 1
            return self._quantified("…")
        if c == "(":
            if p.startswith("(?P<", self.i):
                name_end = p.index(">", self.i)
                name = p[self.i + 4 : name_end]
                self.i = name_end + 1
                self._sequence(inside=True)
                self.i += 1
                return self._quantified(f"<{self.names.get(name, name)}>", optional_as_brackets=True)
            self.i += 3 if p.startswith("(?:", self.i) else 1
            body = self._sequence(inside=True)
            self.i += 1
            return self._quantified(body if "|" not in body else f"({body})", optional_as_brackets=True)
        self.i += 1
        return self._quantified(c)

    def _quantified(self, text: str, optional_as_brackets: bool = False) -> str:
        p = self.p
        if self.i < len(p) and p[self.i] == "{":
            self.i = p.index("}", self.i) + 1
        if self.i < len(p) and p[self.i] in "?*+":
            optional = p[self.i] in "?*"
            self.i += 1
            if self.i < len(p) and p[self.i] == "?":  # lazy quantifier
                self.i += 1
            if optional and optional_as_brackets:
                return f"[{text}]"
        return text
