"""Examples for the OpenAPI document: what a portal sends and what it gets back.

Written out here rather than computed from the rulebook, so that the published document changes
only when the API does. The tests check that each request example is accepted and that each
response example is valid against the result schema.
"""

from __future__ import annotations

from typing import Any

from engine import CONTRACT_VERSION, __version__

AGENCY: dict[str, Any] = {
    "agency": {
        "id": "ubnd-xa-quang-an",
        "name": "UBND xã Quảng An",
        "level": "commune",
        "province": "Thừa Thiên Huế",
        "district": "Quảng Điền",
    },
    "qms": {
        "standard": "TCVN ISO 9001:2015",
        "declarations": [
            {
                "date": "2019-06-20",
                "decision": "112/QĐ-UBND",
                "standard": "TCVN ISO 9001:2015",
                "reason": "initial",
                "notified": "2019-07-01",
            }
        ],
    },
    "internal_audits": [{"date": "2020-11-10"}, {"date": "2021-11-16"}],
    "management_reviews": [{"date": "2020-12-15"}, {"date": "2021-12-20"}],
}
"""One commune's facts (docs/facts.md); sections left out are "not known"."""

AGENCY_YAML = """\
agency:
  id: ubnd-xa-quang-an
  name: UBND xã Quảng An
  level: commune
  province: Thừa Thiên Huế
  district: Quảng Điền
qms:
  standard: TCVN ISO 9001:2015
  declarations:
    - date: 2019-06-20
      decision: 112/QĐ-UBND
      standard: TCVN ISO 9001:2015
      reason: initial
      notified: 2019-07-01
internal_audits:
  - date: 2020-11-10
  - date: 2021-11-16
management_reviews:
  - date: 2020-12-15
  - date: 2021-12-20
"""
"""The same facts as a YAML facts file."""

SECOND_AGENCY: dict[str, Any] = {
    "agency": {
        "id": "ubnd-xa-quang-cong",
        "name": "UBND xã Quảng Công",
        "level": "commune",
        "province": "Thừa Thiên Huế",
        "district": "Quảng Điền",
    },
    "qms": {"standard": "TCVN ISO 9001:2015", "declarations": []},
}

PORTFOLIO = [AGENCY, SECOND_AGENCY]
"""A portfolio in JSON: an array of agencies."""

PORTFOLIO_YAML = (
    "---\n"
    + AGENCY_YAML
    + """\
---
agency:
  id: ubnd-xa-quang-cong
  name: UBND xã Quảng Công
  level: commune
  province: Thừa Thiên Huế
  district: Quảng Điền
qms:
  standard: TCVN ISO 9001:2015
  declarations: []
"""
)
"""The same portfolio as a YAML stream: one document per agency, each after a `---` line."""

_PRODUCED_BY: dict[str, Any] = {
    "contract": CONTRACT_VERSION,
    "engine": f"htqlcl {__version__}",
    "rules": "sha256:d52a15716ca5a2ddb42e6b4a23d6aa93cf57f03a329401dad1044069c8a490a3",
}

_FINDING: dict[str, Any] = {
    "rule": "BKHCN-ISO2015",
    "status": "compliant",
    "subject": "TCVN ISO 9001:2015",
    "due": "2019-06-20",
    "done": "2019-06-20",
    "message": "Công bố HTQLCL theo TCVN ISO 9001:2015 — TCVN ISO 9001:2015: đã thực hiện ngày 20/06/2019, "
    "trong hạn (hạn cuối 20/06/2019).",
    "sources": ["QD19/4.last"],
    "trace": [
        "ngày ghi trong văn bản → hạn 20/06/2019",
        "thực hiện: công bố ngày 20/06/2019 (112/QĐ-UBND) theo TCVN ISO 9001:2015",
    ],
}

_SOURCE = {
    "QD19/4.last": {
        "document": "19/2014/QĐ-TTg",
        "clause": "Điều 4 đoạn cuối",
        "quote": "Trường hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2008 được soát xét, thay đổi và được Bộ Khoa học "
        "và Công nghệ công bố thì áp dụng theo hướng dẫn của Bộ Khoa học và Công nghệ.",
    }
}

RESULT: dict[str, Any] = {
    "produced_by": _PRODUCED_BY,
    "as_of": "2022-10-28",
    "agency": {"id": "ubnd-xa-quang-an", "name": "UBND xã Quảng An", "level": "commune"},
    "findings": [_FINDING],
    "summary": {"compliant": 1, "violation": 0, "pending": 0, "not_applicable": 0, "unknown": 0},
    "warnings": [],
    "sources": _SOURCE,
}
"""One agency's result, cut down to one finding (a real one has a finding per obligation of every rule)."""

PORTFOLIO_RESULT: dict[str, Any] = {
    "produced_by": _PRODUCED_BY,
    "as_of": "2022-10-28",
    "agencies": [{k: v for k, v in RESULT.items() if k not in ("produced_by", "sources")}],
    "portfolio_findings": [],
    "summary": RESULT["summary"],
    "sources": _SOURCE,
}
"""A portfolio's result, cut down the same way."""

INVALID_FACTS: dict[str, Any] = {
    "type": "urn:htqlcl:problem:invalid-facts",
    "title": "Dữ kiện về cơ quan không hợp lệ",
    "status": 422,
    "detail": "Có 2 vấn đề trong dữ kiện gửi lên; từng vấn đề được nêu trong problems (dòng, cột, trường).",
    "instance": "urn:uuid:0b8f8a0e-4c1a-4d59-9a57-0d3f5c1f2a61",
    "request_id": "0b8f8a0e-4c1a-4d59-9a57-0d3f5c1f2a61",
    "problems": [
        {
            "line": 4,
            "column": 10,
            "field": "agency.level",
            "message": "'xa' is not allowed; use one of: central, province, department, district, commune",
        },
        {
            "line": 12,
            "column": 15,
            "field": "internal_audits[0].date",
            "message": "'2022-02-30' is not a real date (day is out of range for month); use YYYY-MM-DD or DD/MM/YYYY",
        },
    ],
}
"""A 422 answer, as the service writes it (the messages are the command line's)."""
