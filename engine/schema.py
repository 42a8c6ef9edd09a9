"""The JSON Schemas of the public contracts, generated from the models: the agency facts file
(facts.md; `docs/agency.schema.json`) and the JSON result (report.md; `docs/result.schema.json`).
Both are kept current by tests, so other systems can validate against them."""

from __future__ import annotations

import json
import typing

from pydantic import BaseModel

from engine import CONTRACT_VERSION
from engine.facts import DATE_PATTERN, AgencyFacts, Doc, doc_of, example_value
from engine.result import AgencyResult, PortfolioResult

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def facts_schema() -> dict:
    schema = AgencyFacts.model_json_schema(mode="validation")
    schema["properties"].pop("present_sections", None)  # bookkeeping of the loader, not part of the file
    schema["$schema"] = DRAFT
    schema["title"] = f"Agency facts file (facts.md, contract v{CONTRACT_VERSION})"
    schema["description"] = (
        "Dữ liệu về hệ thống quản lý chất lượng (HTQLCL) của một cơ quan hành chính nhà nước.\n\n"
        "One agency's facts about its quality management system (HTQLCL)."
    )
    models = _models(AgencyFacts)
    # `x_…` keys are free annotations at every level; everything else unknown is an error.
    for name, definition in [("AgencyFacts", schema), *schema.get("$defs", {}).items()]:
        if definition.get("type") == "object":
            definition["patternProperties"] = {"^x_": {}}
            definition["additionalProperties"] = False
        model = models.get(name)
        for field, prop in definition.get("properties", {}).items():
            doc = doc_of(model, field) if model else None
            if doc is not None and model is not None:
                _document(prop, doc, example_value(model, field))
    return schema


def _models(root: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Every model reachable from `root`, by the name pydantic gives its schema definition."""
    found: dict[str, type[BaseModel]] = {}
    stack = [root]
    while stack:
        model = stack.pop()
        if model.__name__ in found:
            continue
        found[model.__name__] = model
        for info in model.model_fields.values():
            stack.extend(_nested_models(info.annotation))
    return found


def _nested_models(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _nested_models(arg)]


def _document(prop: dict, doc: Doc, example) -> None:
    """A property's title, description and examples from its Doc, in Vietnamese then English."""
    prop["title"] = doc.vi if doc.vi == doc.en else f"{doc.vi} · {doc.en}"
    vi = f"{doc.vi}: {doc.help_vi}" if doc.help_vi else doc.vi
    en = f"{doc.en}: {doc.help_en}" if doc.help_en else doc.en
    prop["description"] = f"{vi}\n\n{en}"
    if example is None and _is_date(prop):
        example = "2022-10-05"
    if example is not None:
        prop["examples"] = [example]
        if _is_date(prop) and isinstance(example, str):
            y, m, d = example.split("-")
            prop["examples"].append(f"{d}/{m}/{y}")  # both written forms
    if doc.choices:
        prop["enumDescriptions"] = [  # shown beside each value by editors (VS Code)
            words.vi if words.vi == words.en else f"{words.vi} · {words.en}" for words in doc.choices.values()
        ]


def _is_date(prop: dict) -> bool:
    branches = prop.get("anyOf", [prop])
    return any(b.get("pattern") == DATE_PATTERN for b in branches)


def result_schema() -> dict:
    """One agency's result or a portfolio's, as `evaluate --format json` prints them."""
    one = AgencyResult.model_json_schema(mode="serialization", ref_template="#/$defs/{model}")
    many = PortfolioResult.model_json_schema(mode="serialization", ref_template="#/$defs/{model}")
    defs = {**one.pop("$defs", {}), **many.pop("$defs", {})}
    defs["AgencyResult"], defs["PortfolioResult"] = one, many
    return {
        "$schema": DRAFT,
        "title": f"Evaluation result (report.md, contract v{CONTRACT_VERSION})",
        "oneOf": [{"$ref": "#/$defs/AgencyResult"}, {"$ref": "#/$defs/PortfolioResult"}],
        "$defs": dict(sorted(defs.items())),
    }


def _dumps(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render() -> str:
    return _dumps(facts_schema())


def render_result() -> str:
    return _dumps(result_schema())
