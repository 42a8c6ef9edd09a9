"""`htqlcl init`: a commented YAML facts file to start from, for a given level and place.

The file is valid as written: the agency's own fields are filled in, and every section is there as
a commented-out example (an absent section means "not known", facts.md), each field explained in the
chosen language from the facts model's own words. Uncommenting a section (removing the leading `# `
of its lines) gives a valid section to edit; prose lines start with `##` and stay comments.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from typing import Any

import yaml
from pydantic import BaseModel

from engine import CONTRACT_VERSION
from engine.errors import UsageError
from engine.facts import AgencyFacts, AgencyInfo, doc_of, example_value, record_model
from engine.lang import T
from engine.places import strip_accents

_COMMENT_AT = 44  # the column where a line's explanation starts

_ID_PREFIX = {
    "central": "",
    "province": "ubnd-tinh-",
    "department": "so-",
    "district": "ubnd-huyen-",
    "commune": "ubnd-xa-",
}


def command(args: argparse.Namespace) -> int:
    from engine.run import emit
    from engine.xlsx.commands import prefill

    emit(render(prefill(args), args.lang), args.output)
    return 0


def render(agency: dict, lang: str) -> str:
    """The commented facts file for `agency` (level, province, district, optionally id and name)."""
    agency = _complete(agency, lang)
    say = (lambda t: t.en) if lang == "en" else (lambda t: t.vi)
    out = [
        say(
            T(
                f"## Tệp dữ liệu HTQLCL của một cơ quan (facts.md, hợp đồng v{CONTRACT_VERSION}).",
                f"## An agency's facts about its quality management system (facts.md, contract v{CONTRACT_VERSION}).",
            )
        ),
        say(
            T(
                "## Mục nào đang là chú thích (dòng bắt đầu bằng '# ') là CHƯA RÕ: các quy tắc cần đến mục đó cho "
                "kết quả 'thiếu dữ liệu'.",
                "## A section still commented out (lines starting with '# ') is NOT KNOWN: the rules that need it "
                "say 'facts missing'.",
            )
        ),
        say(
            T(
                "## Có dữ liệu thì bỏ '# ' ở đầu các dòng của mục rồi sửa ví dụ; đã biết là không có thì ghi "
                "'ten_muc: []' (Ban chỉ đạo: 'steering_committee: null').",
                "## To give a section, remove the '# ' from its lines and edit the example; known to be none: "
                "'section: []' (no committee: 'steering_committee: null').",
            )
        ),
        say(
            T(
                '## Ngày viết YYYY-MM-DD hoặc "DD/MM/YYYY". Kiểm tra: htqlcl evaluate ten-tep.yaml',
                '## Dates as YYYY-MM-DD or "DD/MM/YYYY". Check it: htqlcl evaluate file.yaml --lang en',
            )
        ),
        "",
    ]
    for name in AgencyFacts.model_fields:
        if name == "present_sections":
            continue
        doc = doc_of(AgencyFacts, name)
        assert doc is not None
        model = record_model(AgencyFacts, name)
        assert model is not None
        if name != "agency":
            out.append("")
        out.append(f"## {doc.label(lang).upper()} — {doc.help(lang)}")
        if name == "agency":
            out.extend(_mapping(AgencyInfo, agency, lang, indent=2, head=f"{name}:", comment_out=False))
        else:
            example = example_value(AgencyFacts, name)
            if isinstance(example, list):
                out.extend(_section_list(name, model, example[0], lang))
            else:
                out.extend(_mapping(model, example, lang, indent=2, head=f"{name}:", comment_out=True))
    return "\n".join(out) + "\n"


def _complete(agency: dict, lang: str) -> dict:
    level = agency.get("level")
    if not level:
        raise UsageError(
            T(
                "cần --level (central, province, department, district hoặc commune) để tệp hợp lệ ngay khi viết ra",
                "--level is needed (central, province, department, district or commune) for a valid file",
            )
        )
    if level != "central" and not agency.get("province"):
        raise UsageError(T(f"cơ quan level {level} cần --province", f"level {level} needs --province"))
    if level in ("district", "commune") and not agency.get("district"):
        raise UsageError(T(f"cơ quan level {level} cần --district", f"level {level} needs --district"))
    out = dict(agency)
    if not out.get("name"):
        out["name"] = T("Tên cơ quan (sửa lại)", "Agency name (edit me)")(lang)
    if not out.get("id"):
        base = agency.get("name") or agency.get("district") or agency.get("province") or "co-quan"
        out["id"] = _ID_PREFIX[level] + _slug(base) if not agency.get("name") else _slug(base)
    out = {key: out[key] for key in AgencyInfo.model_fields if key in out}
    return out


def _slug(text: str) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", strip_accents(text).lower()).strip("-")
    return words or "co-quan"


def _section_list(name: str, model: type[BaseModel], record: dict, lang: str) -> list[str]:
    lines = [f"# {name}:"]
    lines.extend(_mapping(model, record, lang, indent=2, head=None, comment_out=True, first="- "))
    return lines


def _mapping(
    model: type[BaseModel],
    values: dict,
    lang: str,
    *,
    indent: int,
    head: str | None,
    comment_out: bool,
    first: str = "",
) -> list[str]:
    """`values` as YAML lines, each field with its explanation; `first` prefixes the first line (a
    list item's '- ')."""
    mark = "# " if comment_out else ""
    lines = [f"{mark}{head}"] if head else []
    pad = " " * indent
    lead = first
    for key, info in model.model_fields.items():
        if info.exclude or key not in values:
            continue
        doc = doc_of(model, key)
        value = values[key]
        sub = record_model(model, key)
        prefix = f"{pad}{lead or (' ' * len(first))}"
        lead = ""
        if sub is not None and isinstance(value, list):
            lines.append(_with_comment(f"{mark}{prefix}{key}:", doc, model, key, lang))
            for item in value:
                lines.extend(
                    _mapping(sub, item, lang, indent=len(prefix) + 2, head=None, comment_out=comment_out, first="- ")
                )
            continue
        lines.append(_with_comment(f"{mark}{prefix}{key}: {_scalar(value)}", doc, model, key, lang))
    return lines


def _with_comment(line: str, doc, model: type[BaseModel], key: str, lang: str) -> str:
    if doc is None:
        return line
    words = doc.label(lang)
    if doc.choices:
        values = " | ".join(str(k) for k in doc.choices if not isinstance(k, bool))
        if values:
            words += f" ({values})"
    if doc.help(lang):
        words += f": {doc.help(lang)}"
    if model.model_fields[key].is_required():
        words += T(" — bắt buộc", " — required")(lang)
    return f"{line.ljust(_COMMENT_AT)} # {words}"


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _scalar(value: Any) -> str:
    if isinstance(value, str) and _ISO.match(value):
        value = dt.date.fromisoformat(value)  # written as a YAML date, unquoted
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1000)
    return text.removesuffix("\n...\n").strip()
