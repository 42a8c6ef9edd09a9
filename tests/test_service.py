"""The HTTP service as a portal meets it: a real `htqlcl serve` on a free localhost port, spoken to over
HTTP. Its answers are the command line's JSON; bad input is a 4xx problem document, never a 5xx."""

from __future__ import annotations

import datetime as dt
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from engine.cli import main
from engine.errors import Problem
from tests.servers import ROOT, Server

SAMPLES = sorted((ROOT / "fixtures" / "agencies").glob("*.yaml"))
DEMO = ROOT / "fixtures" / "agencies" / "ubnd-huyen-quang-dien.yaml"
PROVINCE = ROOT / "fixtures" / "provinces" / "thua-thien-hue-2022-10"
BAD = ROOT / "tests" / "bad_inputs"
BAD_FILES = sorted(p for p in BAD.glob("*.yaml") if p.name != "expected.yaml")
AS_OF = "2022-10-28"
YAML, JSON, PROBLEM = "application/yaml", "application/json", "application/problem+json"


@pytest.fixture(scope="module")
def server():
    with Server() as running:
        yield running


def cli(capsys, *args: str) -> tuple[int, str, str]:
    """The command line, run in this process: (exit status, stdout, stderr)."""
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def as_json(path: Path) -> bytes:
    """A YAML facts file as the JSON a portal would send (dates as ISO text)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return json.dumps(data, ensure_ascii=False, default=lambda d: d.isoformat()).encode("utf-8")


def rendered(problems: list[dict], file: str) -> list[str]:
    """A problem document's problems as the command line prints them for `file`."""
    return [Problem(file, p["line"], p["column"], p["field"], p["message"]).render() for p in problems]


# ---------------------------------------------------------------- the command line's JSON


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_a_yaml_body_gets_the_cli_json_byte_for_byte(server, capsys, sample):
    code, expected, _ = cli(capsys, "evaluate", str(sample), "--as-of", AS_OF, "--format", "json")
    answer = server.post(f"/v1/evaluate?as_of={AS_OF}", sample.read_bytes(), YAML)
    assert answer.status == 200, answer.body
    assert answer.type == "application/json"
    assert answer.body.decode("utf-8") == expected
    assert code in (0, 1)


def test_a_json_body_gets_the_same_answer_in_either_language(server, capsys):
    for lang in ("vi", "en"):
        _, expected, _ = cli(capsys, "evaluate", str(DEMO), "--as-of", AS_OF, "--format", "json", "--lang", lang)
        answer = server.post(f"/v1/evaluate?as_of={AS_OF}&lang={lang}", as_json(DEMO), JSON)
        assert answer.status == 200, answer.body
        assert answer.json == json.loads(expected)
        assert answer.json["produced_by"]["engine"].startswith("htqlcl ")


def test_vietnamese_dates_and_charset_are_accepted(server, capsys):
    _, expected, _ = cli(capsys, "evaluate", str(DEMO), "--as-of", AS_OF, "--format", "json")
    answer = server.post("/v1/evaluate?as_of=28/10/2022", DEMO.read_bytes(), "application/x-yaml; charset=UTF-8")
    assert answer.status == 200
    assert answer.json == json.loads(expected)


def test_without_as_of_the_date_is_today(server):
    answer = server.post("/v1/evaluate", DEMO.read_bytes(), YAML)
    assert answer.status == 200
    # The server's clock, read around the request (a midnight between the two is allowed for).
    assert answer.json["as_of"] in {dt.date.today().isoformat(), (dt.date.today() - dt.timedelta(1)).isoformat()}


def test_a_portfolio_as_a_yaml_stream_gets_the_cli_json(server, capsys, tmp_path):
    files = sorted(PROVINCE.rglob("*.yaml"))[:12]
    stream = "".join("---\n" + f.read_text(encoding="utf-8") for f in files)
    path = tmp_path / "portfolio.yaml"
    path.write_text(stream, encoding="utf-8")
    _, expected, _ = cli(capsys, "evaluate", str(path), "--as-of", AS_OF, "--format", "json", "--jobs", "1")
    answer = server.post(f"/v1/evaluate-portfolio?as_of={AS_OF}", stream.encode("utf-8"), YAML)
    assert answer.status == 200, answer.body
    assert answer.body.decode("utf-8") == expected
    assert len(answer.json["agencies"]) == len(files)


def test_a_portfolio_as_a_json_array_gets_the_cli_json_with_portfolio_findings(server):
    import subprocess
    import sys

    cli_run = subprocess.run(
        [sys.executable, "cli.py", "evaluate", str(PROVINCE), "--as-of", AS_OF, "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    expected = json.loads(cli_run.stdout)
    files = sorted(PROVINCE.rglob("*.yaml"))
    body = b"[" + b",".join(as_json(f) for f in files) + b"]"
    answer = server.post(f"/v1/evaluate-portfolio?as_of={AS_OF}", body, JSON)
    assert answer.status == 200, answer.body
    got = answer.json
    assert got["portfolio_findings"], "the province's portfolio rules ran"
    # The folder is read in path order and the array in file order: compare agency by agency.
    by_id = {a["agency"]["id"]: a for a in got.pop("agencies")}
    assert by_id == {a["agency"]["id"]: a for a in expected.pop("agencies")}
    assert got == expected


def test_a_guest_applying_its_host_s_qms_is_judged_as_the_cli_judges_it(server, capsys, tmp_path):
    host = (ROOT / "fixtures" / "agencies" / "ubnd-xa-quang-an-co-htqlcl.yaml").read_text(encoding="utf-8")
    guest = (
        "agency:\n  id: ubnd-xa-quang-an-phong\n  name: Bộ phận một cửa xã Quảng An\n  level: commune\n"
        "  province: Thừa Thiên Huế\n  district: Quảng Điền\nqms:\n  shared_with: ubnd-xa-quang-an\n"
    )
    stream = "---\n" + guest + "---\n" + host  # the guest before its host: a second pass finds it
    path = tmp_path / "shared.yaml"
    path.write_text(stream, encoding="utf-8")
    _, expected, _ = cli(capsys, "evaluate", str(path), "--as-of", AS_OF, "--format", "json", "--jobs", "1")
    answer = server.post(f"/v1/evaluate-portfolio?as_of={AS_OF}", stream.encode("utf-8"), YAML)
    assert answer.status == 200, answer.body
    assert answer.body.decode("utf-8") == expected
    array = json.dumps([yaml.safe_load(guest), yaml.safe_load(host)], default=lambda d: d.isoformat())
    assert server.post(f"/v1/evaluate-portfolio?as_of={AS_OF}", array.encode(), JSON).json == json.loads(expected)


def test_an_agencies_list_document_is_a_portfolio_too(server):
    text = "agencies:\n" + "".join(
        "  - " + f.read_text(encoding="utf-8").replace("\n", "\n    ").rstrip() + "\n" for f in SAMPLES[:2]
    )
    answer = server.post(f"/v1/evaluate-portfolio?as_of={AS_OF}", text.encode("utf-8"), YAML)
    assert answer.status == 200, answer.body
    assert [a["agency"]["id"] for a in answer.json["agencies"]] == [
        yaml.safe_load(f.read_text(encoding="utf-8"))["agency"]["id"] for f in SAMPLES[:2]
    ]


def test_rules_schemas_and_health_are_the_cli_s(server, capsys):
    _, rules, _ = cli(capsys, "rules", "--format", "json")
    answer = server.request("GET", "/v1/rules")
    assert answer.status == 200 and answer.type == "application/json"
    assert answer.body.decode("utf-8") == rules
    for which in ("agency", "result"):
        _, expected, _ = cli(capsys, "schema", which)
        answer = server.request("GET", f"/v1/schemas/{which}")
        assert answer.status == 200 and answer.type == "application/schema+json"
        assert answer.body.decode("utf-8") == expected
    _, demo, _ = cli(capsys, "evaluate", str(DEMO), "--as-of", AS_OF, "--format", "json")
    health = server.request("GET", "/health").json
    assert health == {"status": "ok", **json.loads(demo)["produced_by"]}


# ---------------------------------------------------------------- bad input: 4xx, located as the CLI locates it


@pytest.mark.parametrize("bad", BAD_FILES, ids=lambda p: p.stem)
def test_bad_facts_get_422_with_every_problem_the_cli_prints(server, capsys, bad):
    lang = "en" if "_" in bad.stem[:3] else "vi"  # both languages, over the files
    code, _, err = cli(capsys, "evaluate", str(bad), "--as-of", AS_OF, "--format", "json", "--lang", lang)
    answer = server.post(f"/v1/evaluate?as_of={AS_OF}&lang={lang}", bad.read_bytes(), YAML)
    assert answer.status == 422, answer.body
    assert answer.type == PROBLEM
    doc = answer.json
    assert doc["type"] == "urn:htqlcl:problem:invalid-facts"
    assert doc["status"] == 422
    assert doc["title"] == {"en": "The agency facts are not valid", "vi": "Dữ kiện về cơ quan không hợp lệ"}[lang]
    assert "Traceback" not in answer.body.decode("utf-8")
    if code == 2:  # (a file of two documents is a portfolio for the command line: the service says where to send it)
        assert rendered(doc["problems"], str(bad)) == err.splitlines()
    else:
        assert "/v1/evaluate-portfolio" in doc["problems"][0]["message"]


def test_a_json_body_is_located_by_field_and_line(server):
    body = b'{\n  "agency": {\n    "id": "ubnd-xa-a",\n    "name": "UBND x\xc3\xa3 A",\n    "level": "xa"\n  }\n}'
    vi = server.post("/v1/evaluate", body, JSON).json["problems"][0]
    en = server.post("/v1/evaluate?lang=en", body, JSON).json["problems"][0]
    assert {"line": 5, "column": 14, "field": "agency.level"}.items() <= en.items()
    assert "use one of" in en["message"]
    assert "chỉ dùng một trong các giá trị" in vi["message"] and vi["line"] == en["line"]


@pytest.mark.parametrize(
    ("body", "where", "says"),
    [
        (b'{"agency": {"id": "a", "id": "b"}}', (1, 24, "agency.id"), "duplicate key 'id'"),
        (b'{"agency": NaN}', (None, None, ""), "NaN"),
        (b'{"agency": ', (1, 12, ""), "not valid JSON"),
        (b"[" * 150 + b"]" * 150, (None, None, "[0]"), "nest more than 100 levels"),
        (b'"fixtures/agencies/ubnd-huyen-quang-dien.yaml"', (1, 1, ""), "mapping"),
        (b"\xff\xfe{}", (1, 1, ""), "UTF-16"),
        (b"", (None, None, ""), "empty"),
    ],
    ids=["duplicate-key", "nan", "truncated", "deep", "a-path-is-not-read", "utf16", "empty"],
)
def test_json_that_would_change_the_facts_is_refused(server, body, where, says):
    answer = server.post("/v1/evaluate?lang=en", body, JSON)
    assert answer.status == 422, answer.body
    first = answer.json["problems"][0]
    assert (first["line"], first["column"]) == where[:2]
    assert first["field"].startswith(where[2])
    assert says in first["message"]


def test_a_body_naming_a_file_is_content_not_a_path(server):
    for body in (str(DEMO).encode(), b"/etc/passwd", f"agencies:\n  - {DEMO}\n".encode()):
        answer = server.post(f"/v1/evaluate-portfolio?as_of={AS_OF}", body, YAML)
        assert answer.status == 422, answer.body
        assert "passwd" not in json.dumps(answer.json["problems"]) or "root:" not in answer.body.decode()


def test_one_endpoint_one_agency(server):
    stream = b"---\n" + SAMPLES[0].read_bytes() + b"---\n" + SAMPLES[1].read_bytes()
    for body, kind in ((stream, YAML), (b"[" + as_json(SAMPLES[0]) + b"]", JSON)):
        doc = server.post(f"/v1/evaluate?as_of={AS_OF}", body, kind).json
        assert doc["status"] == 422 and "cơ quan" in doc["problems"][0]["message"]
        assert "/v1/evaluate-portfolio" in doc["problems"][0]["message"]


def test_portfolio_problems_of_every_agency_and_duplicate_ids(server):
    good = SAMPLES[0].read_bytes()
    bad = (BAD / "level_not_in_enum.yaml").read_bytes()
    stream = b"---\n" + good + b"---\n" + bad + b"---\n" + good
    doc = server.post(f"/v1/evaluate-portfolio?as_of={AS_OF}&lang=en", stream, YAML).json
    assert doc["status"] == 422
    messages = [p["message"] for p in doc["problems"]]
    assert any("use one of" in m for m in messages)
    duplicate = next(p for p in doc["problems"] if "duplicate agency id" in p["message"])
    assert duplicate["field"] == "agency.id" and duplicate["line"] > good.count(b"\n") + bad.count(b"\n")
    id_line = 1 + next(i for i, line in enumerate(good.splitlines(), 1) if line.startswith(b"  id:"))
    assert f"also at body:{id_line}:7;" in duplicate["message"]  # at the id, as the command line says
    array = b"[" + as_json(SAMPLES[0]) + b"," + as_json(SAMPLES[0]) + b"]"
    doc = server.post(f"/v1/evaluate-portfolio?as_of={AS_OF}&lang=en", array, JSON).json
    duplicate = doc["problems"][0]
    assert duplicate["field"] == "[1].agency.id" and duplicate["line"] == 1 and duplicate["column"] > 20
    assert "also at body:1:20;" in duplicate["message"]  # JSON is located too, where it can be
    doc = server.post("/v1/evaluate-portfolio?lang=en", b'{"agencies": []}', JSON).json
    assert doc["status"] == 422 and "array of agencies" in doc["problems"][0]["message"]


@pytest.mark.parametrize(
    ("content_type", "status"),
    [(None, 415), ("text/plain", 415), ("application/xml", 415), ("application/json; charset=latin-1", 415)],
)
def test_other_content_types_get_415(server, content_type, status):
    headers = {"Content-Type": content_type} if content_type else {}
    answer = server.request("POST", "/v1/evaluate", DEMO.read_bytes(), headers)
    assert answer.status == status and answer.type == PROBLEM
    assert answer.json["accepted"] == ["application/json", "application/yaml"]
    assert answer.json["type"] == "urn:htqlcl:problem:unsupported-media-type"


@pytest.mark.parametrize(
    ("query", "field"),
    [("as_of=2022-02-30", "as_of"), ("as_of=soon", "as_of"), ("as_of=", "as_of"), ("lang=fr", "lang")],
)
def test_a_malformed_query_gets_400(server, query, field):
    answer = server.post(f"/v1/evaluate?{query}", DEMO.read_bytes(), YAML)
    assert answer.status == 400 and answer.type == PROBLEM
    assert answer.json["type"] == "urn:htqlcl:problem:invalid-query"
    assert [p["field"] for p in answer.json["problems"]] == [field]


def test_problem_documents_speak_the_language_asked_for(server):
    vi = server.post("/v1/evaluate?as_of=x", b"{}", JSON).json
    en = server.post("/v1/evaluate?as_of=x&lang=en", b"{}", JSON).json
    assert vi["title"] == "Tham số của yêu cầu không hợp lệ" and en["title"] == "Invalid request parameters"
    assert vi["type"] == en["type"]


def test_unknown_paths_and_methods_are_problems_too(server):
    assert server.request("GET", "/v2/evaluate").status == 404
    answer = server.request("GET", "/v1/evaluate")
    assert answer.status == 405 and answer.type == PROBLEM and "POST" in answer.headers["allow"]


def test_every_request_is_one_json_log_line_with_its_id(server):
    answer = server.post(f"/v1/evaluate?as_of={AS_OF}", DEMO.read_bytes(), YAML, **{"X-Request-ID": "portal-42"})
    entry = server.log_entry(answer.headers["x-request-id"])
    assert entry["event"] == "request" and entry["status"] == 200 and entry["path"] == "/v1/evaluate"
    assert entry["duration_ms"] > 0 and entry["bytes_in"] == DEMO.stat().st_size
    assert entry["upstream_request_id"] == "portal-42"


# ---------------------------------------------------------------- many at once


def test_fifty_concurrent_requests_mixing_good_and_bad_bodies_each_get_their_answer(capsys):
    _, demo_vi, _ = cli(capsys, "evaluate", str(DEMO), "--as-of", AS_OF, "--format", "json")
    _, demo_en, _ = cli(capsys, "evaluate", str(DEMO), "--as-of", AS_OF, "--format", "json", "--lang", "en")
    bad = (BAD / "impossible_date_feb30.yaml").read_bytes()
    kinds = [
        ("POST", f"/v1/evaluate?as_of={AS_OF}", DEMO.read_bytes(), YAML, 200, demo_vi),
        ("POST", f"/v1/evaluate?as_of={AS_OF}&lang=en", as_json(DEMO), JSON, 200, demo_en),
        ("POST", f"/v1/evaluate?as_of={AS_OF}&lang=en", bad, YAML, 422, "'2022-02-30' is not a real date"),
        ("POST", "/v1/evaluate?as_of=2022-02-30", DEMO.read_bytes(), YAML, 400, "as_of"),
        ("POST", f"/v1/evaluate?as_of={AS_OF}", DEMO.read_bytes(), "text/csv", 415, "text/csv"),
        (
            "POST",
            f"/v1/evaluate-portfolio?as_of={AS_OF}",
            b"---\n" + DEMO.read_bytes(),
            YAML,
            200,
            '"portfolio_findings"',
        ),
        ("POST", f"/v1/evaluate?as_of={AS_OF}", b"{", JSON, 422, "không phải là JSON hợp lệ"),
        ("GET", "/v1/rules", None, None, 200, '"rules"'),
        ("GET", "/health", None, None, 200, '"ok"'),
        ("GET", "/v1/nothing", None, None, 404, "about:blank"),
    ]
    plan = [kinds[i % len(kinds)] for i in range(50)]
    with Server(args=("--workers", "2")) as server:

        def send(item):
            method, path, body, kind, _, _ = item
            return server.request(method, path, body, {"Content-Type": kind} if kind else {})

        with ThreadPoolExecutor(50) as pool:
            answers = list(pool.map(send, plan))
        started = {e["pid"] for e in server.log_entries() if e["message"].startswith("Started server process")}
    for (_, path, _, _, status, expected), answer in zip(plan, answers):
        assert answer.status == status, (path, answer.body[:300])
        text = answer.body.decode("utf-8")
        if status == 200 and path.startswith("/v1/evaluate?"):
            assert text == expected  # byte for byte, under load
        else:
            assert expected in text
    assert len({a.headers["x-request-id"] for a in answers}) == 50
    assert len(started) == 2, "two worker processes served (which one takes a connection is the kernel's choice)"


# ---------------------------------------------------------------- a province's plan, served


EXAMPLE_PACK = ROOT / "examples" / "ke-hoach-2026-lam-dong"


def test_a_rule_pack_served_gives_the_cli_s_answers_in_every_worker(capsys):
    """`serve --rules PACK` applies the pack to every request, in every worker process (the packs reach
    them through the environment): the answers, the rules listing and the health are the CLI's with
    the same `--rules`."""
    agency = EXAMPLE_PACK / "agencies" / "so-noi-vu-lam-dong.yaml"
    folder = EXAMPLE_PACK / "danh-muc"
    as_of = "2027-01-15"
    _, one, _ = cli(capsys, "evaluate", str(agency), "--as-of", as_of, "--format", "json", "--rules", str(EXAMPLE_PACK))
    _, many, _ = cli(
        capsys, "evaluate", str(folder), "--as-of", as_of, "--format", "json", "--rules", str(EXAMPLE_PACK)
    )
    _, rules, _ = cli(capsys, "rules", "--format", "json", "--rules", str(EXAMPLE_PACK))
    assert any(f["rule"].startswith("LD26-") for f in json.loads(one)["findings"])
    stream = "".join("---\n" + p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yaml")))
    with Server(("--rules", str(EXAMPLE_PACK), "--workers", "2")) as served:
        for _ in range(40):  # a new connection each: the kernel gives them to either worker
            answer = served.post(f"/v1/evaluate?as_of={as_of}", agency.read_bytes(), YAML)
            assert answer.status == 200 and answer.json == json.loads(one)
        answer = served.post(f"/v1/evaluate-portfolio?as_of={as_of}", stream.encode("utf-8"), YAML)
        assert answer.status == 200 and answer.json["portfolio_findings"] == json.loads(many)["portfolio_findings"]
        assert served.request("GET", "/v1/rules").body.decode("utf-8") == rules
        assert served.request("GET", "/health").json["rules"] == json.loads(one)["produced_by"]["rules"]
        lines = [json.loads(line) for line in served.log_text().splitlines() if line.startswith("{")]
        assert len({line["pid"] for line in lines if line.get("path") == "/v1/evaluate"}) == 2


def test_a_pack_that_does_not_load_stops_serve_before_it_listens(capsys, tmp_path):
    code, out, err = cli(capsys, "serve", "--rules", str(tmp_path / "missing"), "--port", "1", "--lang", "en")
    assert code == 2 and out == "" and "missing: --rules: no such folder" in err
