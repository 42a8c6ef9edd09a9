"""Vietnamese output has no code words: every view (text, Markdown, HTML, JUnit messages, rule cards and
the living documentation) rendered in Vietnamese for the sample province and the fixture agencies is
scanned for the facts file's keys and enumerations and the result's statuses. The list is generated
from the models, so a field added tomorrow is scanned too."""

from __future__ import annotations

import re
import subprocess
import sys
import typing
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pydantic import BaseModel

from engine.facts import AgencyFacts
from engine.result import Finding

ROOT = Path(__file__).resolve().parent.parent
PROVINCE = ROOT / "fixtures" / "provinces" / "thua-thien-hue-2022-10"
AGENCIES = ROOT / "fixtures" / "agencies"  # evaluated together, as a folder
AS_OF = "2022-10-28"


def _literals(annotation) -> set[str]:
    if typing.get_origin(annotation) is typing.Literal:
        return {a for a in typing.get_args(annotation) if isinstance(a, str)}
    out: set[str] = set()
    for arg in typing.get_args(annotation):
        out |= _literals(arg)
    return out


def _models(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


def code_words() -> set[str]:
    """Every key of the facts file and every value of its enumerations, and the result's status names.
    Values that are Vietnamese terms themselves (the standards' names, `TCVN ISO 9001:2015`) are not code."""
    words: set[str] = set()
    seen: set[type[BaseModel]] = set()
    stack: list[type[BaseModel]] = [AgencyFacts]
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            if info.exclude:
                continue
            words.add(name)
            words |= _literals(info.annotation)
            stack.extend(_models(info.annotation))
    words |= _literals(Finding.model_fields["status"].annotation)
    return {w for w in words if re.fullmatch(r"[a-z][a-z0-9_]*", w)}


_WORD = re.compile(r"\w+")  # Unicode words: "toàn" is one word, not "to" + "àn"


_CLAUSE_ID = re.compile(r"\b[A-Z][A-Z0-9]*/[\w.\-]+|#c-[\w-]+")  # "HM83/procedures" names a clause


def hits(text: str, words: set[str]) -> list[str]:
    """The code words in `text`, each with a little context; Vietnamese words never match an ASCII key.
    Clause ids are names, not words: they are left out."""
    text = _CLAUSE_ID.sub(" ", text)
    found = []
    for m in _WORD.finditer(text):
        if m.group() in words:
            context = text[max(0, m.start() - 40) : m.end() + 20].replace("\n", " ")
            found.append(f"{m.group()!r} in …{context}…")
    return found


def markdown_text(text: str) -> str:
    """Markdown as a reader sees it rendered: inline HTML (the anchors) is not shown."""
    return re.sub(r"<[^>]+>", " ", text)


class _Visible(HTMLParser):
    """The text a reader sees: no tags, no attributes, no style."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._skip += 1
        for name, value in attrs:
            if name in ("title", "aria-label") and value:  # shown to the reader on hover or by a reader
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return "\n".join(parser.parts)


_JUNIT_TEXT = re.compile(r'message="([^"]*)"|<failure[^>]*>(.*?)</failure>', re.S)


def junit_messages(xml: str) -> str:
    import html as _html

    return "\n".join(_html.unescape(a or b) for a, b in _JUNIT_TEXT.findall(xml))


def _cli(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=600
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


VIEWS = {
    "text": lambda out: out,
    "markdown": markdown_text,
    "html": visible,
    "junit": junit_messages,
}


def test_the_list_comes_from_the_models():
    words = code_words()
    # a few that the Vietnamese pages once showed, from every kind of source
    assert {"commune", "district", "incorporated", "in_qms_since", "internal_audits", "head", "expand"} <= words
    assert {"pending", "not_applicable"} <= words
    assert "TCVN ISO 9001:2015" not in words


@pytest.mark.parametrize("fmt", sorted(VIEWS))
def test_the_province_report_has_no_code_words(fmt):
    found = hits(VIEWS[fmt](_cli("evaluate", str(PROVINCE), "--as-of", AS_OF, "--format", fmt)), code_words())
    assert not found, f"{len(found)} code word(s) in the Vietnamese {fmt} view:\n" + "\n".join(found[:40])


@pytest.mark.parametrize("fmt", sorted(VIEWS))
def test_the_fixture_agencies_have_no_code_words(fmt):
    found = hits(VIEWS[fmt](_cli("evaluate", str(AGENCIES), "--as-of", AS_OF, "--format", fmt)), code_words())
    assert not found, f"{len(found)} code word(s) in the Vietnamese {fmt} view:\n" + "\n".join(found[:40])


def test_rule_cards_have_no_code_words():
    found = hits(_cli("rules"), code_words())
    assert not found, f"{len(found)} code word(s) in the Vietnamese rule cards:\n" + "\n".join(found[:40])


def test_the_living_documentation_has_no_code_words(site_pages):
    words = code_words()
    found = []
    for page in sorted(site_pages["vi"].iterdir()):
        if page.suffix == ".html":
            found += [f"{page.name}: {h}" for h in hits(visible(page.read_text(encoding="utf-8")), words)]
        elif page.suffix == ".md":
            found += [f"{page.name}: {h}" for h in hits(markdown_text(page.read_text(encoding="utf-8")), words)]
    assert not found, f"{len(found)} code word(s) in the Vietnamese living documentation:\n" + "\n".join(found[:60])


def test_every_parameter_of_the_rulebook_has_its_words():
    from engine.rulebook import default_rulebook
    from engine.words import PARAMETERS

    used = {name for rule in default_rulebook().rules.values() for name in rule.parameters}
    assert not used - set(PARAMETERS), (
        f"parameters without Vietnamese words (engine/words.py): {used - set(PARAMETERS)}"
    )
