"""The OpenAPI document (`/openapi.json`, checked in as `docs/openapi.json`): what a portal team
generates its Java or .NET client from.

FastAPI assembles it from the routes; this module gives each route its parameters, bodies,
answers and examples, and adds the JSON Schemas of the facts and of the result (the same ones as
`htqlcl schema agency|result`) as components, so the client's types match the command line's.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, Field

from engine import CONTRACT_VERSION
from engine.schema import facts_schema, result_schema
from engine.service import examples
from engine.service.bodies import ACCEPTED
from engine.service.problems import KINDS, MEDIA_TYPE, LocatedProblem, ProblemDocument

TITLE = "HTQLCL compliance engine"
SECURITY_SCHEME = "bearerAuth"
_REF = "#/components/schemas/"

DESCRIPTION = f"""\
Kiểm tra việc xây dựng, áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng (HTQLCL) theo TCVN ISO 9001
của cơ quan hành chính nhà nước (Quyết định 19/2014/QĐ-TTg và văn bản của địa phương).

The checks of `htqlcl evaluate` over HTTP, for systems that embed them (a province's one-stop portal, a
steering committee's dashboard). Each answer is exactly the JSON that `htqlcl evaluate --format json` prints
for the same facts (result contract v{CONTRACT_VERSION}, `docs/report.md`); the facts are those of an agency
facts file (`docs/facts.md`), sent as JSON or as YAML.

- **Versioning**: every operation of this contract is under `/v1`; a change that could break a client gets
  a new prefix.
- **Authentication**: when the service is started with `HTQLCL_API_TOKEN`, every `/v1` request needs
  `Authorization: Bearer <token>`; `/health` and this document never do.
- **Errors** are RFC 9457 problem documents (`{MEDIA_TYPE}`). `type` names the kind of problem
  ({", ".join(f"`{k.type}`" for k in KINDS if k.name)}, or `about:blank`); `title` and `detail` follow
  `lang`; `request_id` (also the `X-Request-ID` header) is the request's id in the server's log. Facts that
  cannot be used give `422` with every problem found, each located by line, column and field as the
  command line reports them.
- **Limits** (set by the operator): the size of a request body (`413`), the number of agencies in a
  portfolio (`413`) and the time for one request (`503`).
- **Dates**: pass `as_of`; without it the evaluation date is the server's current date.
"""

TAGS = [
    {"name": "evaluation", "description": "Đánh giá — evaluate agencies against the rules"},
    {"name": "rules", "description": "Quy định — the rules applied and the published JSON Schemas"},
    {"name": "service", "description": "Dịch vụ — liveness and versions"},
]


class Health(BaseModel):
    """The service is up, and what it evaluates with."""

    status: str = Field(description="always ok when the service answers", examples=["ok"])
    engine: str = Field(description="name and version of the engine", examples=["htqlcl 0.2.0"])
    contract: str = Field(description="version of the facts and result contracts", examples=[CONTRACT_VERSION])
    rules: str = Field(
        description="identity of the rules applied (as produced_by.rules in each result)",
        examples=[examples.RESULT["produced_by"]["rules"]],
    )


# ---------------------------------------------------------------- pieces of operations

AS_OF = {
    "name": "as_of",
    "in": "query",
    "required": False,
    "description": "The evaluation date, YYYY-MM-DD (DD/MM/YYYY is accepted too). Facts dated after it are "
    "set aside, with a warning. Default: the server's current date.",
    "schema": {"type": "string", "format": "date"},
    "example": "2022-10-28",
}
LANG = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": "Language of findings, messages and problem documents: vi (Vietnamese) or en.",
    "schema": {"type": "string", "enum": ["vi", "en"], "default": "vi"},
}
OPTIONAL_TOKEN: list[dict[str, list[str]]] = [
    {},
    {SECURITY_SCHEME: []},
]  # a token is needed only when the operator set one


def problem(description: str, example: dict | None = None) -> dict[str, Any]:
    content: dict[str, Any] = {"schema": {"$ref": _REF + "ProblemDocument"}}
    if example:
        content["example"] = example
    return {"description": description, "content": {MEDIA_TYPE: content}}


def _refusals(*, body: bool) -> dict[int | str, dict[str, Any]]:
    answers: dict[int | str, dict[str, Any]] = {
        401: problem("A token is needed (the service has one) and the request has none, or another one."),
        500: problem("An unexpected error of the service; its request_id is in the server's log."),
        503: problem("The request was not done within the service's time limit."),
    }
    if body:
        answers.update(
            {
                400: problem("A query parameter cannot be used (as_of is not a date, lang is not vi or en)."),
                408: problem("The request body did not arrive within the time limit."),
                413: problem("The request body, or the portfolio's number of agencies, is over the service's limit."),
                415: problem(f"The body is neither {' nor '.join(ACCEPTED)} (or not UTF-8)."),
                422: problem(
                    "The facts cannot be used: every problem found, each with its line, column and field.",
                    examples.INVALID_FACTS,
                ),
            }
        )
    return answers


def _body(description: str, schema: dict, json_example: Any, yaml_example: str) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "description": description,
            "content": {
                "application/json": {"schema": schema, "example": json_example},
                "application/yaml": {"schema": {"type": "string"}, "example": yaml_example},
            },
        },
        "parameters": [AS_OF, LANG],
        "security": OPTIONAL_TOKEN,
    }


def _ok(description: str, schema: str, example: Any) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": _REF + schema}, "example": example}},
    }


EVALUATE: dict[str, Any] = {
    "summary": "Evaluate one agency",
    "description": "Đánh giá một cơ quan. The body is one agency's facts: a JSON object, or the text of a "
    "YAML facts file. The answer is what `htqlcl evaluate AGENCY --format json` prints.",
    "operation_id": "evaluateAgency",
    "tags": ["evaluation"],
    "openapi_extra": _body(
        "One agency's facts (docs/facts.md).",
        {"$ref": _REF + "AgencyFacts"},
        examples.AGENCY,
        examples.AGENCY_YAML,
    ),
    "responses": {200: _ok("The agency's findings.", "AgencyResult", examples.RESULT), **_refusals(body=True)},
}

EVALUATE_PORTFOLIO: dict[str, Any] = {
    "summary": "Evaluate a portfolio of agencies",
    "description": "Đánh giá một danh mục cơ quan, kể cả các chỉ tiêu của danh mục. The body is a JSON "
    "array of agencies, or YAML as `htqlcl evaluate` reads a portfolio file: a stream of documents separated "
    "by `---` lines, or a document with `agencies:`. Agency ids must be unique. The answer is what "
    "`htqlcl evaluate PORTFOLIO --format json` prints, portfolio-level findings included.",
    "operation_id": "evaluatePortfolio",
    "tags": ["evaluation"],
    "openapi_extra": _body(
        "The agencies' facts, at most the service's limit of agencies.",
        {"type": "array", "items": {"$ref": _REF + "AgencyFacts"}, "minItems": 1},
        examples.PORTFOLIO,
        examples.PORTFOLIO_YAML,
    ),
    "responses": {
        200: _ok("Each agency's findings, then the portfolio's.", "PortfolioResult", examples.PORTFOLIO_RESULT),
        **_refusals(body=True),
    },
}

RULES: dict[str, Any] = {
    "summary": "List the rules",
    "description": "Các quy định được áp dụng. What `htqlcl rules --format json` prints: every rule with "
    "its quoted sources, validity and parameters.",
    "operation_id": "listRules",
    "tags": ["rules"],
    "openapi_extra": {"security": OPTIONAL_TOKEN},
    "responses": {
        200: {
            "description": "Every rule.",
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["rules"],
                        "properties": {"rules": {"type": "array", "items": {"type": "object"}}},
                    }
                }
            },
        },
        **_refusals(body=False),
    },
}


def schema_route(which: str, command: str) -> dict[str, Any]:
    return {
        "summary": f"The JSON Schema of the {which}",
        "description": f"What `{command}` prints (JSON Schema draft 2020-12).",
        "operation_id": f"get{which.title().replace(' ', '')}Schema",
        "tags": ["rules"],
        "openapi_extra": {"security": OPTIONAL_TOKEN},
        "responses": {
            200: {
                "description": f"The JSON Schema of the {which}.",
                "content": {"application/schema+json": {"schema": {"type": "object"}}},
            },
            **_refusals(body=False),
        },
    }


HEALTH: dict[str, Any] = {
    "summary": "Liveness",
    "description": "Answers while the service runs, with the versions it evaluates with. Needs no token.",
    "operation_id": "health",
    "tags": ["service"],
    "responses": {200: {"description": "The service is up."}},
}


# ---------------------------------------------------------------- the document


def _rewrite_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            k: (v.replace("#/$defs/", _REF) if k == "$ref" and isinstance(v, str) else _rewrite_refs(v))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rewrite_refs(v) for v in node]
    return node


def component_schemas() -> dict[str, Any]:
    """The facts' and the result's JSON Schemas, and the problem document's, as OpenAPI components."""
    facts = facts_schema()
    found: dict[str, Any] = {}

    def add(name: str, schema: dict) -> None:
        schema = _rewrite_refs({k: v for k, v in schema.items() if k not in ("$schema", "$defs")})
        if name in found and found[name] != schema:
            raise ValueError(f"two different schemas are named {name}")
        found[name] = schema

    for name, schema in facts.get("$defs", {}).items():
        add(name, schema)
    add("AgencyFacts", facts)
    for name, schema in result_schema()["$defs"].items():
        add(name, schema)
    for model in (LocatedProblem, ProblemDocument):
        schema = model.model_json_schema(ref_template=_REF + "{model}")
        for name, sub in schema.pop("$defs", {}).items():
            add(name, sub)
        add(model.__name__, schema)
    return dict(sorted(found.items()))


def document(app: FastAPI) -> dict[str, Any]:
    doc = get_openapi(
        title=TITLE,
        version=app.version,
        description=DESCRIPTION,
        routes=app.routes,
        tags=TAGS,
        license_info={"name": "MIT"},
    )
    components = doc.setdefault("components", {})
    components.setdefault("schemas", {}).update(component_schemas())
    components["schemas"] = dict(sorted(components["schemas"].items()))
    components["securitySchemes"] = {
        SECURITY_SCHEME: {
            "type": "http",
            "scheme": "bearer",
            "description": "The token the operator set in HTQLCL_API_TOKEN (only when one is set).",
        }
    }
    components["headers"] = {
        "X-Request-ID": {
            "description": "The request's id, as in the server's log and in problem documents",
            "schema": {"type": "string", "format": "uuid"},
        }
    }
    for operations in doc["paths"].values():
        for operation in operations.values():
            answers = operation.get("responses", {})
            for answer in answers.values():
                answer.setdefault("headers", {})["X-Request-ID"] = {"$ref": "#/components/headers/X-Request-ID"}
            operation["responses"] = dict(sorted(answers.items()))
    return doc


def render(app: FastAPI) -> str:
    return json.dumps(app.openapi(), ensure_ascii=False, indent=2) + "\n"
