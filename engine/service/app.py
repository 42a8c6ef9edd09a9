"""The FastAPI application: the /v1 routes, /health, the documentation, and how refusals are answered.

    from engine.service.app import create_app
    app = create_app()          # settings from the environment (engine.service.settings)

`htqlcl serve` runs it under uvicorn; any ASGI server can (`--factory engine.service.app:create_app`).
"""

from __future__ import annotations

import datetime as dt
import gc
import hmac
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.responses import Response

from engine import __version__, schema
from engine.api import as_of_date, evaluator, load_facts
from engine.errors import InputError, Problem
from engine.lang import T
from engine.render import rules_list
from engine.resources import SAMPLES_DIR
from engine.service import evaluation, examples, openapi, problems
from engine.service.bodies import body_kind, read_body
from engine.service.logs import RequestLog, ensure_logging
from engine.service.problems import ProblemError, vn_number
from engine.service.settings import Settings

LANGS = ("vi", "en")
SCHEMA_MEDIA_TYPE = "application/schema+json"


def request_lang(request: Request) -> str:
    """The language of the answer: `lang` when it is en, else Vietnamese (also for a wrong `lang`)."""
    return "en" if request.query_params.get("lang") == "en" else "vi"


def request_id(request: Request) -> str:
    return str(request.scope.get("state", {}).get("request_id", ""))


def query(request: Request) -> tuple[dt.date, str]:
    """`as_of` and `lang`, or a 400 problem naming each parameter that cannot be used."""
    params = request.query_params
    found: list[Problem] = []
    for name in ("as_of", "lang"):
        if len(params.getlist(name)) > 1:
            times = len(params.getlist(name))
            found.append(
                Problem(
                    "",
                    None,
                    None,
                    name,
                    T(f"được ghi {times} lần; chỉ ghi một lần", f"given {times} times; give it once"),
                )
            )
    lang = params.get("lang", "vi")
    if lang not in LANGS:
        found.append(
            Problem("", None, None, "lang", T(f"'{lang}' không phải là vi hoặc en", f"'{lang}' is not one of: vi, en"))
        )
    day = dt.date.min
    try:
        day = as_of_date(params.get("as_of"), name="as_of")
    except InputError as error:
        found.extend(error.problems)
    if found:
        raise ProblemError(
            problems.INVALID_QUERY,
            "Tham số của yêu cầu không dùng được; xem từng vấn đề trong problems.",
            "A query parameter cannot be used; see each problem in problems.",
            problems=tuple(found),
        )
    return day, lang


class Service:
    """What the routes share in one worker process: the settings, the evaluation threads, and the
    answers that never change (rules, schemas)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.runner: evaluation.Runner | None = None
        self.rules_json = b""
        self.agency_schema = schema.render().encode("utf-8")
        self.result_schema = schema.render_result().encode("utf-8")

    @asynccontextmanager
    async def lifespan(self, app: FastAPI) -> AsyncIterator[None]:
        # The rulebook (and its packs) is loaded and checked before the first request, not during it.
        ev = evaluator(self.settings.rules)
        self.rules_json = rules_list.render_json(ev.rulebook).encode("utf-8")
        # Evaluated once now, so that no request pays for first use (rulesets, calendars, caches).
        samples: list[dict | Path] = [examples.AGENCY, *sorted(SAMPLES_DIR.glob("*.yaml"))]
        for sample in samples:
            try:
                ev.evaluate(load_facts(sample), dt.date.today())
            except InputError:  # a sample that does not load is the sample's problem, not the service's
                continue
        # What exists now lives as long as the process: out of the collector's sight, so that a full
        # collection (every few dozen requests) walks only what requests made, not the whole rulebook.
        gc.collect()
        gc.freeze()
        self.runner = evaluation.Runner(self.settings.threads)
        try:
            yield
        finally:
            self.runner.close()

    def check_token(self, request: Request) -> None:
        token = self.settings.token
        if token is None:
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode()):
            return
        raise ProblemError(
            problems.UNAUTHORIZED,
            "Yêu cầu cần mã truy cập: gửi tiêu đề Authorization: Bearer <mã> với mã do đơn vị vận hành cấp.",
            "This request needs a token: send Authorization: Bearer <token> with the token the operators gave you.",
            headers={"WWW-Authenticate": 'Bearer realm="htqlcl"'},
        )

    async def evaluate(self, request: Request, work: Any, *extra: Any) -> Response:
        self.check_token(request)
        day, lang = query(request)
        kind = body_kind(request.headers.get("content-type"))
        started = request.scope["state"]["started"]
        deadline = started + self.settings.time_limit
        raw = await read_body(request, limit=self.settings.max_body_bytes, deadline=deadline)
        assert self.runner is not None
        rules = self.settings.rules
        answer = await self.runner.run(deadline, self.settings.time_limit, work, raw, kind, day, lang, rules, *extra)
        return Response(answer, media_type="application/json")


def _v1(service: Service) -> APIRouter:
    router = APIRouter(prefix="/v1")

    @router.post("/evaluate", **openapi.EVALUATE)
    async def evaluate_agency(request: Request) -> Response:
        return await service.evaluate(request, evaluation.evaluate_agency)

    @router.post("/evaluate-portfolio", **openapi.EVALUATE_PORTFOLIO)
    async def evaluate_portfolio(request: Request) -> Response:
        return await service.evaluate(request, evaluation.evaluate_portfolio, service.settings.max_agencies)

    @router.get("/rules", **openapi.RULES)
    async def rules(request: Request) -> Response:
        service.check_token(request)
        return Response(service.rules_json, media_type="application/json")

    @router.get("/schemas/agency", **openapi.schema_route("agency facts", "htqlcl schema agency"))
    async def agency_schema(request: Request) -> Response:
        service.check_token(request)
        return Response(service.agency_schema, media_type=SCHEMA_MEDIA_TYPE)

    @router.get("/schemas/result", **openapi.schema_route("result", "htqlcl schema result"))
    async def result_schema(request: Request) -> Response:
        service.check_token(request)
        return Response(service.result_schema, media_type=SCHEMA_MEDIA_TYPE)

    return router


def _health(app: FastAPI, service: Service) -> None:
    @app.get("/health", response_model=openapi.Health, **openapi.HEALTH)
    async def health() -> openapi.Health:
        by = evaluator(service.settings.rules).produced_by
        return openapi.Health(status="ok", engine=by.engine, contract=by.contract, rules=by.rules)


def _docs(app: FastAPI) -> None:
    """Swagger UI at /docs, its files served from the installed fastapi-offline package: no CDN."""
    import fastapi_offline

    assets = Path(fastapi_offline.__file__).resolve().parent / "static"
    app.mount("/docs/assets", StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=f"{root}/openapi.json",
            title=f"{openapi.TITLE} — API",
            swagger_js_url=f"{root}/docs/assets/swagger-ui-bundle.js",
            swagger_css_url=f"{root}/docs/assets/swagger-ui.css",
            swagger_favicon_url=f"{root}/docs/assets/favicon.png",
            swagger_ui_parameters={"validatorUrl": None},  # else the page asks validator.swagger.io
        )


def _answer_refusals(app: FastAPI) -> None:
    async def problem(request: Request, error: Exception) -> Response:
        assert isinstance(error, ProblemError)
        return problems.response(error, lang=request_lang(request), request_id=request_id(request))

    async def invalid_facts(request: Request, error: Exception) -> Response:
        assert isinstance(error, InputError)
        n = len(error.problems)
        refusal = ProblemError(
            problems.INVALID_FACTS,
            f"Có {vn_number(n)} vấn đề trong dữ kiện gửi lên; từng vấn đề được nêu trong problems (dòng, cột, trường).",
            f"{n} problem{'s' if n != 1 else ''} in the facts sent; each is listed in problems (line, column, field).",
            problems=error.problems,
        )
        return await problem(request, refusal)

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        kind = {404: problems.NOT_FOUND, 405: problems.METHOD_NOT_ALLOWED}.get(error.status_code)
        if kind is None:
            kind = problems.Kind("", error.status_code, str(error.detail), str(error.detail))
        detail_vi = {
            404: "Không có tài nguyên này; xem /openapi.json.",
            405: "Đường dẫn này không nhận phương thức đó.",
        }
        detail_en = {404: "There is no such resource; see /openapi.json.", 405: "This path does not take that method."}
        refusal = ProblemError(
            kind,
            detail_vi.get(error.status_code, str(error.detail)),
            detail_en.get(error.status_code, str(error.detail)),
            headers=dict(error.headers or {}),
        )
        return await problem(request, refusal)

    app.add_exception_handler(ProblemError, problem)
    app.add_exception_handler(InputError, invalid_facts)
    app.add_exception_handler(HTTPException, http_error)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application, with `settings` (default: from the environment)."""
    ensure_logging()
    service = Service(settings or Settings.from_env())
    app = FastAPI(
        title=openapi.TITLE,
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=service.lifespan,
    )
    app.add_middleware(RequestLog)
    _answer_refusals(app)
    app.include_router(_v1(service))
    _health(app, service)
    if service.settings.docs:
        _docs(app)
    document: dict[str, Any] = {}

    def cached_openapi() -> dict[str, Any]:
        if not document:
            document.update(openapi.document(app))
        return document

    app.openapi = cached_openapi  # type: ignore[method-assign]
    return app
