"""The JSON Schema of the agency facts file, exported for other systems (facts.md: the contract)."""

from __future__ import annotations

import json

from engine.facts import AgencyFacts


def facts_schema() -> dict:
    schema = AgencyFacts.model_json_schema(mode="validation")
    schema["properties"].pop("present_sections", None)  # bookkeeping of the loader, not part of the file
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Agency facts file (facts.md, contract v1)"
    # `x_…` keys are free annotations at every level; everything else unknown is an error.
    for definition in [schema, *schema.get("$defs", {}).values()]:
        if definition.get("type") == "object":
            definition["patternProperties"] = {"^x_": {}}
            definition["additionalProperties"] = False
    return schema


def render() -> str:
    return json.dumps(facts_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
