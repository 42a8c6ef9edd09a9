"""`htqlcl template` (the empty facts workbook) and `htqlcl convert` (a facts file between YAML and
.xlsx): the command-line side of the spreadsheet form."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from engine.errors import UsageError
from engine.lang import T

YAML_SUFFIXES = (".yaml", ".yml")
XLSX_SUFFIXES = (".xlsx",)


def _form(path: str, what: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in YAML_SUFFIXES:
        return "yaml"
    if suffix in XLSX_SUFFIXES or (what == "IN" and suffix == ".xlsm"):
        return "xlsx"
    raise UsageError(
        T(
            f"{what} {path}: không biết dạng tệp theo đuôi '{suffix or '(không có)'}'; dùng .yaml, .yml hoặc .xlsx",
            f"{what} {path}: the extension '{suffix or '(none)'}' names no known form; use .yaml, .yml or .xlsx",
        )
    )


def prefill(args: argparse.Namespace) -> dict:
    """The agency fields given on the command line, checked as the facts file would check them."""
    from engine.errors import InvalidValue
    from engine.places import check_province

    values = {}
    for key in ("id", "name", "level", "province", "district"):
        value = getattr(args, key, None)
        if value:
            values[key] = value.strip()
    if "province" in values:
        try:
            check_province(values["province"])
        except InvalidValue as exc:
            raise UsageError(T("--province: ", "--province: ") + exc.text) from None
    return values


def template(args: argparse.Namespace) -> int:
    from engine.run import emit_bytes
    from engine.xlsx.facts_writer import facts_workbook

    output = args.output
    if _form(output, "--output") != "xlsx":
        raise UsageError(
            T(
                f"--output {output}: mẫu bảng tính là tệp .xlsx (mẫu YAML: htqlcl init)",
                f"--output {output}: the form is an .xlsx file (a YAML template: htqlcl init)",
            )
        )
    emit_bytes(facts_workbook(None, lang=args.lang, prefill=prefill(args)), output)
    return 0


def convert(args: argparse.Namespace) -> int:
    from engine.facts_yaml import facts_yaml
    from engine.run import emit, emit_bytes
    from engine.xlsx.facts_writer import facts_workbook

    source, output = args.input, args.output or args.output_path
    if args.output and args.output_path:
        raise UsageError(
            T("hãy ghi tệp kết quả một lần: OUT hoặc --output", "give the file to write once: OUT or --output")
        )
    if not output:
        raise UsageError(
            T("thiếu tệp kết quả: htqlcl convert IN OUT", "the file to write is missing: htqlcl convert IN OUT")
        )
    src, dst = _form(source, "IN"), _form(output, "OUT")
    if os.path.exists(output) and os.path.exists(source) and os.path.samefile(output, source):
        raise UsageError(
            T(
                f"OUT {output} chính là tệp đầu vào; hãy ghi ra tệp khác",
                f"OUT {output} is the input file itself; write to another file",
            )
        )
    facts = _load(source, src)
    if src == "yaml":
        _warn_dropped(source, args.lang)
    # engine/output.py refuses an OUT that is, or is inside, what is read (a link, a hard link).
    if dst == "xlsx":
        emit_bytes(facts_workbook(facts, lang=args.lang, file=source), output, reading=[source])
    else:
        emit(facts_yaml(facts, source=Path(source).name), output, reading=[source])
    return 0


def _load(source: str, form: str):
    if form == "xlsx":
        from engine.xlsx.facts_reader import read_facts_workbook

        return read_facts_workbook(source)
    from engine.facts import AgencyFacts
    from engine.yamlio import load_model

    return load_model(source, AgencyFacts)


def _warn_dropped(source: str, lang: str) -> None:
    """Comments and `x_` notes are not facts: a workbook has no place for them. Say so."""
    from engine.yamlio import parse_yaml, read_text

    text = read_text(source)
    notes = _has_notes(parse_yaml(text, file=source))
    comments = any(line.lstrip().startswith("#") for line in text.splitlines())
    if notes or comments:
        word = T("cảnh báo", "warning")(lang)
        what = T(
            "các chú thích (#) và ghi chú x_… của tệp YAML không được chuyển sang bảng tính",
            "the YAML file's comments (#) and x_… notes are not carried into the workbook",
        )(lang)
        print(f"{source}: {word}: {what}", file=sys.stderr)


def _has_notes(data) -> bool:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if any(isinstance(k, str) and k.startswith("x_") for k in item):
                return True
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
