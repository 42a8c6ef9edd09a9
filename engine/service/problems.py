"""RFC 9457 problem documents (`application/problem+json`): how the service says no.

Each kind of refusal has a stable `type` (a URN: an identifier to compare, not a page to fetch), a
title and a detail in the request's language (`lang`, Vietnamese by default), the HTTP status, and
`instance`, the request's id, which the server's log carries too. Refusals of input list every
located problem in `problems`, as the command line prints them (line, column, field, message).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from engine.errors import Problem

MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:htqlcl:problem:"


@dataclass(frozen=True)
class Kind:
    name: str  # the end of `type`; "" for about:blank (the status says it all)
    status: int
    title_vi: str
    title_en: str

    @property
    def type(self) -> str:
        return TYPE_PREFIX + self.name if self.name else "about:blank"


INVALID_FACTS = Kind("invalid-facts", 422, "Dữ kiện về cơ quan không hợp lệ", "The agency facts are not valid")
INVALID_QUERY = Kind("invalid-query", 400, "Tham số của yêu cầu không hợp lệ", "Invalid request parameters")
UNAUTHORIZED = Kind("unauthorized", 401, "Chưa xác thực", "Authentication required")
NOT_FOUND = Kind("", 404, "Không tìm thấy", "Not Found")
METHOD_NOT_ALLOWED = Kind("", 405, "Phương thức không được phép", "Method Not Allowed")
BODY_TIMEOUT = Kind("body-timeout", 408, "Nội dung yêu cầu đến quá chậm", "The request body arrived too slowly")
BODY_TOO_LARGE = Kind("body-too-large", 413, "Nội dung yêu cầu vượt quá giới hạn", "The request body is too large")
TOO_MANY_AGENCIES = Kind(
    "too-many-agencies", 413, "Danh mục có quá nhiều cơ quan", "The portfolio holds too many agencies"
)
UNSUPPORTED_TYPE = Kind(
    "unsupported-media-type", 415, "Kiểu nội dung không được hỗ trợ", "The content type is not supported"
)
INTERNAL_ERROR = Kind("internal-error", 500, "Lỗi nội bộ của dịch vụ", "Internal server error")
TIME_LIMIT = Kind("time-limit", 503, "Quá thời gian xử lý cho phép", "The time limit was exceeded")

KINDS = (
    INVALID_FACTS,
    INVALID_QUERY,
    UNAUTHORIZED,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    BODY_TIMEOUT,
    BODY_TOO_LARGE,
    TOO_MANY_AGENCIES,
    UNSUPPORTED_TYPE,
    INTERNAL_ERROR,
    TIME_LIMIT,
)


class LocatedProblem(BaseModel):
    """One thing wrong with the input, located as precisely as the input allows."""

    model_config = ConfigDict(extra="forbid")
    line: int | None = Field(description="1-based line in the body (YAML bodies, and JSON where it can be told)")
    column: int | None = Field(description="1-based column in that line")
    field: str = Field(description="path of the field, e.g. internal_audits[0].date; empty for the whole body")
    message: str = Field(description="what is wrong and what to write instead")


class ProblemDocument(BaseModel):
    """An RFC 9457 problem document. Members beyond the RFC's five say more for some types."""

    model_config = ConfigDict(extra="forbid")
    type: str = Field(description="identifies the kind of problem: urn:htqlcl:problem:… or about:blank")
    title: str = Field(description="short summary of the kind of problem, in the language asked for (lang)")
    status: int = Field(description="the HTTP status code")
    detail: str = Field(description="what happened in this request, and what to do")
    instance: str = Field(description="this occurrence: urn:uuid: and the request id, as in the server's log")
    request_id: str = Field(description="the request id (also the X-Request-ID response header)")
    problems: list[LocatedProblem] | None = Field(
        None, description="every problem found in the input (invalid-facts, invalid-query)"
    )
    limit: float | None = Field(
        None,
        description="the limit that was reached: bytes, agencies or seconds (body-too-large, too-many-agencies, …)",
    )
    accepted: list[str] | None = Field(None, description="the content types accepted (unsupported-media-type)")


@dataclass(eq=False)  # exceptions stay hashable
class ProblemError(Exception):
    """A refusal, raised anywhere while handling a request and rendered by the application."""

    kind: Kind
    detail_vi: str
    detail_en: str
    problems: tuple[Problem, ...] = ()
    limit: float | None = None
    accepted: tuple[str, ...] | None = None
    headers: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(self.detail_en)


def located(problems: tuple[Problem, ...], lang: str) -> list[dict[str, Any]]:
    return [{"line": p.line, "column": p.column, "field": p.field, "message": p.text(lang)} for p in problems]


def document(error: ProblemError, *, lang: str, request_id: str) -> dict[str, Any]:
    kind = error.kind
    doc: dict[str, Any] = {
        "type": kind.type,
        "title": kind.title_en if lang == "en" else kind.title_vi,
        "status": kind.status,
        "detail": error.detail_en if lang == "en" else error.detail_vi,
        "instance": f"urn:uuid:{request_id}",
        "request_id": request_id,
    }
    if error.problems:
        doc["problems"] = located(error.problems, lang)
    if error.limit is not None:
        doc["limit"] = error.limit
    if error.accepted is not None:
        doc["accepted"] = list(error.accepted)
    return doc


def response(error: ProblemError, *, lang: str, request_id: str) -> Response:
    body = json.dumps(document(error, lang=lang, request_id=request_id), ensure_ascii=False, indent=2) + "\n"
    return Response(body.encode("utf-8"), status_code=error.kind.status, media_type=MEDIA_TYPE, headers=error.headers)


def vn_number(n: float) -> str:
    """A number as Vietnamese text writes it: 16.777.216, 2,5."""
    if isinstance(n, float) and n.is_integer():
        n = int(n)
    return f"{n:,}".translate(_SWAP_SEPARATORS)


_SWAP_SEPARATORS = str.maketrans(",.", ".,")
