"""Scenarios as written in `features/*.feature`, one per run: a Scenario Outline gives one per example row.

Parsed with `gherkin` (the parser pytest-bdd itself uses) and compiled to pickles, so backgrounds and
outline parameters are filled in exactly as when the scenarios run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gherkin.parser import Parser
from gherkin.pickles.compiler import Compiler, GherkinDocumentWithURI

from engine.errors import InputError, Problem


@dataclass(frozen=True)
class Step:
    keyword: str  # as written: "Cho ", "Khi ", "Thì ", "Và " …
    text: str  # with the example row's values filled in
    table: tuple[tuple[str, ...], ...] = ()  # data table rows, header first
    docstring: str | None = None


@dataclass(frozen=True)
class Scenario:
    feature: str  # path below the features folder, with "/"
    keyword: str  # "Tình huống", "Khung tình huống", …
    name: str  # with the example row's values filled in
    line: int  # line of the scenario (the outline's line for every row)
    row_line: int | None  # line of the example row, None for a plain scenario
    tags: tuple[str, ...]  # without "@", from the feature, rule block, scenario and examples
    steps: tuple[Step, ...]  # background steps first, as they run

    @property
    def key(self) -> tuple[str, int, int]:
        return self.feature, self.line, self.row_line or 0


def read_features(folder: Path) -> list[Scenario]:
    """Every scenario of every `*.feature` below `folder`, sorted by file and line."""
    out: list[Scenario] = []
    problems: list[Problem] = []
    for path in sorted(folder.rglob("*.feature")):
        try:
            out.extend(read_feature(path, path.relative_to(folder).as_posix()))
        except Exception as e:  # gherkin raises its own exception types, each with a located message
            problems.append(Problem(str(path), None, None, "", " ".join(str(e).split())))
    if problems:
        raise InputError(problems)
    return sorted(out, key=lambda s: s.key)


def read_feature(path: Path, rel: str) -> list[Scenario]:
    parsed = Parser().parse(path.read_text(encoding="utf-8"))
    feature = parsed.get("feature")
    if not feature:
        return []
    doc: GherkinDocumentWithURI = {**parsed, "uri": rel}
    nodes: dict[str, dict] = {}  # AST id → node, to find each pickle's keywords and lines
    _index(feature, nodes)
    out = []
    for pickle in Compiler().compile(doc):
        scenario = nodes[pickle["astNodeIds"][0]]
        row = nodes.get(pickle["astNodeIds"][1]) if len(pickle["astNodeIds"]) > 1 else None
        steps = []
        for ps in pickle["steps"]:
            written = nodes[ps["astNodeIds"][0]]
            argument: Mapping[str, Any] = ps.get("argument") or {}
            table = tuple(tuple(c["value"] for c in r["cells"]) for r in argument.get("dataTable", {}).get("rows", []))
            doc_string = argument.get("docString", {}).get("content")
            steps.append(Step(written["keyword"], ps["text"], table, doc_string))
        out.append(
            Scenario(
                feature=rel,
                keyword=scenario["keyword"],
                name=pickle["name"],
                line=scenario["location"]["line"],
                row_line=row["location"]["line"] if row else None,
                tags=tuple(t["name"].removeprefix("@") for t in pickle["tags"]),
                steps=tuple(steps),
            )
        )
    return out


def _index(node: Mapping[str, Any], nodes: dict[str, dict]) -> None:
    """The scenarios, backgrounds, steps and example rows below a feature or rule, by AST id.
    Walked as plain JSON: gherkin's own types leave the children of a node untyped."""
    for child in node.get("children", []):
        if child.get("rule"):
            _index(child["rule"], nodes)
            continue
        part = child.get("background") or child.get("scenario")
        if not part:
            continue
        nodes[part["id"]] = part
        for step in part.get("steps", []):
            nodes[step["id"]] = step
        for examples in part.get("examples", []):
            for row in examples.get("tableBody", []):
                nodes[row["id"]] = row
