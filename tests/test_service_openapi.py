"""The service's OpenAPI document: checked in, current, true to the routes and examples, and tested
against a real server by schemathesis (no input it generates may get a 5xx). The interactive
documentation needs no network."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from engine.service import examples, openapi
from engine.service.app import create_app
from engine.service.settings import Settings
from tests.servers import ROOT, Server

COMMITTED = ROOT / "docs" / "openapi.json"
DOCUMENT = json.loads(COMMITTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def client():
    from fastapi.testclient import TestClient

    with TestClient(create_app(Settings())) as test_client:
        yield test_client


def test_the_committed_document_is_current():
    assert COMMITTED.read_text(encoding="utf-8") == openapi.render(create_app(Settings())), (
        "run: python cli.py schema openapi --output docs/openapi.json"
    )


def test_the_served_document_is_the_committed_one(client):
    answer = client.get("/openapi.json")
    assert answer.status_code == 200
    assert answer.json() == DOCUMENT


def test_every_route_is_described_and_answers(client):
    for path, operations in DOCUMENT["paths"].items():
        for method in operations:
            answer = client.request(method, path, content=b"{}", headers={"Content-Type": "application/json"})
            assert answer.status_code not in (404, 405), (method, path)
    assert set(DOCUMENT["paths"]) == {
        "/v1/evaluate",
        "/v1/evaluate-portfolio",
        "/v1/rules",
        "/v1/schemas/agency",
        "/v1/schemas/result",
        "/health",
    }
    for path, operations in DOCUMENT["paths"].items():
        for operation in operations.values():
            assert operation["operationId"][0].islower(), "a name a client generator keeps"
            assert operation["summary"] and operation["description"]
            if path.startswith("/v1/evaluate"):
                assert {"400", "401", "413", "415", "422", "500", "503"} <= set(operation["responses"])


def test_the_components_are_the_cli_s_schemas():
    components = DOCUMENT["components"]["schemas"]
    facts = json.loads((ROOT / "docs" / "agency.schema.json").read_text(encoding="utf-8"))
    assert components["AgencyFacts"]["properties"].keys() == facts["properties"].keys()
    result = json.loads((ROOT / "docs" / "result.schema.json").read_text(encoding="utf-8"))
    assert set(result["$defs"]) <= set(components)
    text = json.dumps(DOCUMENT)
    assert "#/$defs/" not in text, "every reference points into components"


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = {"$ref": f"#/components/schemas/{name}", "components": DOCUMENT["components"]}
    return jsonschema.Draft202012Validator(schema)


def test_the_examples_are_true(client):
    _validator("AgencyFacts").validate(examples.AGENCY)
    for item in examples.PORTFOLIO:
        _validator("AgencyFacts").validate(item)
    _validator("AgencyResult").validate(examples.RESULT)
    _validator("PortfolioResult").validate(examples.PORTFOLIO_RESULT)
    _validator("ProblemDocument").validate(examples.INVALID_FACTS)
    import yaml

    assert json.loads(json.dumps(yaml.safe_load(examples.AGENCY_YAML), default=str)) == examples.AGENCY
    for path, body, kind in [
        ("/v1/evaluate", json.dumps(examples.AGENCY), "application/json"),
        ("/v1/evaluate", examples.AGENCY_YAML, "application/yaml"),
        ("/v1/evaluate-portfolio", json.dumps(examples.PORTFOLIO), "application/json"),
        ("/v1/evaluate-portfolio", examples.PORTFOLIO_YAML, "application/yaml"),
    ]:
        answer = client.post(f"{path}?as_of=2022-10-28", content=body.encode(), headers={"Content-Type": kind})
        assert answer.status_code == 200, answer.text
        name = "PortfolioResult" if "portfolio" in path else "AgencyResult"
        _validator(name).validate(answer.json())
        if name == "AgencyResult":  # the example is this answer, cut down
            got = answer.json()
            assert examples.RESULT["findings"][0]["rule"] in {f["rule"] for f in got["findings"]}
            assert got["agency"] == examples.RESULT["agency"]


def test_problem_documents_match_their_schema(client):
    validator = _validator("ProblemDocument")
    for answer in (
        client.post("/v1/evaluate", content=b"agency: {level: xa}", headers={"Content-Type": "application/yaml"}),
        client.post("/v1/evaluate?as_of=no", content=b"{}", headers={"Content-Type": "application/json"}),
        client.post("/v1/evaluate", content=b"{}", headers={"Content-Type": "text/plain"}),
        client.get("/nowhere"),
    ):
        assert answer.headers["content-type"] == "application/problem+json"
        validator.validate(answer.json())


def test_interactive_docs_load_only_local_files(client):
    page = client.get("/docs")
    assert page.status_code == 200
    html = page.text
    assert not re.search(r"(?:src|href)=[\"']?(?:https?:)?//", html), "nothing from another host"
    assets = re.findall(r"(?:src|href)=\"([^\"]+)\"", html)
    assert {a.rsplit("/", 1)[1] for a in assets} == {"swagger-ui.css", "favicon.png", "swagger-ui-bundle.js"}
    for asset in assets:
        assert client.get(asset).status_code == 200
    assert '"validatorUrl": null' in html  # Swagger UI would otherwise ask validator.swagger.io
    assert "url: '/openapi.json'" in html


def test_docs_behind_a_proxy_prefix_point_under_it():
    from fastapi.testclient import TestClient

    with TestClient(create_app(Settings()), root_path="/htqlcl") as proxied:
        html = proxied.get("/docs").text
    assert "url: '/htqlcl/openapi.json'" in html
    assert 'src="/htqlcl/docs/assets/swagger-ui-bundle.js"' in html


def test_docs_can_be_turned_off():
    from fastapi.testclient import TestClient

    with TestClient(create_app(Settings(docs=False))) as off:
        assert off.get("/docs").status_code == 404
        assert off.get("/openapi.json").status_code == 200


# ---------------------------------------------------------------- property-based, against a real server

SCHEMA = schemathesis.openapi.from_dict(DOCUMENT)


@pytest.fixture(scope="module")
def live():
    with Server(args=("--max-agencies", "20", "--time-limit", "20")) as server:
        yield server


@SCHEMA.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
def test_no_generated_request_gets_a_server_error(live, case):
    case.call_and_validate(base_url=f"http://127.0.0.1:{live.port}", checks=[not_a_server_error], timeout=30)


def test_the_server_logged_no_internal_error(live):
    assert not [e for e in live.log_entries() if e.get("event") == "internal_error"]
    assert Path(live._log.name).exists()
