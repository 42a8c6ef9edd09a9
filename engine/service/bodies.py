"""Request bodies: which content types are read, and how much of a body before it is refused.

A body over the limit is refused as soon as that is known, from its Content-Length or at the chunk
that crosses the limit, and the connection is then closed: the rest is never read into memory.
"""

from __future__ import annotations

import asyncio
import time

from starlette.requests import Request

from engine.service.problems import BODY_TIMEOUT, BODY_TOO_LARGE, UNSUPPORTED_TYPE, ProblemError, vn_number

JSON, YAML = "json", "yaml"
ACCEPTED = ("application/json", "application/yaml")
_KINDS = {
    "application/json": JSON,
    "application/yaml": YAML,
    # older names of YAML's type, still sent by many tools
    "application/x-yaml": YAML,
    "text/yaml": YAML,
    "text/x-yaml": YAML,
}
_CLOSE = {"Connection": "close"}


def body_kind(content_type: str | None) -> str:
    """JSON or YAML from the Content-Type header, or a 415 problem (UTF-8 is the only charset read)."""
    mime, _, parameters = (content_type or "").partition(";")
    mime = mime.strip()
    kind = _KINDS.get(mime.lower())
    if kind is None:
        raise ProblemError(
            UNSUPPORTED_TYPE,
            (f"Kiểu nội dung {mime} không được hỗ trợ" if mime else "Yêu cầu thiếu tiêu đề Content-Type")
            + ": gửi dữ kiện dạng JSON (application/json) hoặc YAML (application/yaml).",
            (f"Content-Type {mime} is not supported" if mime else "The request has no Content-Type header")
            + ": send the facts as JSON (application/json) or YAML (application/yaml).",
            accepted=ACCEPTED,
            headers={"Accept-Post": ", ".join(ACCEPTED)},
        )
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        charset = value.strip().strip('"').lower()
        if name.strip().lower() == "charset" and charset not in ("utf-8", "utf8"):
            raise ProblemError(
                UNSUPPORTED_TYPE,
                f"Bảng mã {value.strip()} không được hỗ trợ: dữ kiện phải được mã hóa UTF-8.",
                f"The charset {value.strip()} is not supported: send the facts encoded as UTF-8.",
                accepted=ACCEPTED,
            )
    return kind


def _too_large(limit: int) -> ProblemError:
    return ProblemError(
        BODY_TOO_LARGE,
        f"Nội dung yêu cầu vượt quá giới hạn {vn_number(limit)} byte của dịch vụ; hãy chia nhỏ danh mục, "
        "hoặc dùng lệnh htqlcl evaluate cho danh mục lớn.",
        f"The request body is over the service's limit of {limit:,} bytes; split the portfolio, or use "
        "htqlcl evaluate for large portfolios.",
        limit=limit,
        headers=_CLOSE,
    )


async def read_body(request: Request, *, limit: int, deadline: float) -> bytes:
    """The whole body, at most `limit` bytes, by `deadline` (time.monotonic()); a problem otherwise."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    body = bytearray()
    try:
        async with asyncio.timeout(max(deadline - time.monotonic(), 0)):
            async for chunk in request.stream():
                body += chunk
                if len(body) > limit:
                    raise _too_large(limit)
    except TimeoutError:
        raise ProblemError(
            BODY_TIMEOUT,
            f"Nội dung yêu cầu chưa đến đủ trong thời gian cho phép (mới nhận {vn_number(len(body))} byte).",
            f"The request body did not arrive in the time allowed ({len(body):,} bytes received).",
            headers=_CLOSE,
        ) from None
    return bytes(body)
