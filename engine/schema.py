"""The JSON Schemas of the public contracts, generated from the models: the agency facts file
(facts.md; `docs/agency.schema.json`) and the JSON result (report.md; `docs/result.schema.json`).
Both are kept current by tests, so other systems can validate against them."""

from __future__ import annotations

import json

from engine import CONTRACT_VERSION
from engine.facts import AgencyFacts
from engine.result import AgencyResult, PortfolioResult

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def facts_schema() -> dict:
    schema = AgencyFacts.model_json_schema(mode="validation")
    schema["properties"].pop("present_sections", None)  # bookkeeping of the loader, not part of the file
    schema["$schema"] = DRAFT
    schema["title"] = f"Agency facts file (facts.md, contract v{CONTRACT_VERSION})"
    # `x_…` keys are free annotations at every level; everything else unknown is an error.
    for definition in [schema, *schema.get("$defs", {}).values()]:
        if definition.get("type") == "object":
            definition["patternProperties"] = {"^x_": {}}
            definition["additionalProperties"] = False
    return schema


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
