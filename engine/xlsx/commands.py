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
    source, output = args.input, args.output or args.output_path
    if args.output and args.output_path:
        raise UsageError(
            T("hãy ghi tệp kết quả một lần: OUT hoặc --output", "give the file to write once: OUT or --output")
        )
    if not output:
        raise UsageError(
            T("thiếu tệp kết quả: htqlcl convert IN OUT", "the file to write is missing: htqlcl convert IN OUT")
        )
    if os.path.isdir(source):
        return _convert_folder(Path(source), Path(output), args)
    if args.to:
        raise UsageError(
            T(
                "--to chỉ dùng khi chuyển cả thư mục; với một tệp, dạng kết quả theo đuôi của OUT",
                "--to is for converting a folder; for one file the form comes from OUT's extension",
            )
        )
    src, dst = _form(source, "IN"), _form(output, "OUT")
    if os.path.exists(output) and os.path.exists(source) and os.path.samefile(output, source):
        raise UsageError(
            T(
                f"OUT {output} chính là tệp đầu vào; hãy ghi ra tệp khác",
                f"OUT {output} is the input file itself; write to another file",
            )
        )
    data = _converted(source, src, dst, args.lang)
    _write(output, data, source)
    return 0


def _converted(source: str, src: str, dst: str, lang: str) -> bytes | str:
    """One facts file in the other form (a workbook's bytes or YAML text); InputError if it is bad."""
    from engine.facts_yaml import facts_yaml
    from engine.xlsx.facts_writer import facts_workbook

    facts = _load(source, src)
    if src == "yaml":
        _warn_dropped(source, lang)
    if dst == "xlsx":
        return facts_workbook(facts, lang=lang, file=source)
    return facts_yaml(facts, source=Path(source).name)


def _write(output: str, data: bytes | str, source: str) -> None:
    # engine/output.py refuses an OUT that is, or is inside, what is read (a link, a hard link).
    from engine.run import emit, emit_bytes

    if isinstance(data, bytes):
        emit_bytes(data, output, reading=[source])
    else:
        emit(data, output, reading=[source])


def _convert_folder(source: Path, output: Path, args: argparse.Namespace) -> int:
    """Every facts file of a folder (as `evaluate` finds them) into OUT, in the form --to names, keeping
    sub-folders and names. All or nothing: a problem in any file is reported and nothing is written."""
    from engine.errors import InputError, Problem
    from engine.portfolio import _folder_tasks

    if args.to not in ("xlsx", "yaml"):
        raise UsageError(
            T(
                "chuyển cả thư mục thì cần --to xlsx hoặc --to yaml",
                "converting a folder needs --to xlsx or --to yaml",
            )
        )
    root, target = source.resolve(), output.resolve()
    if target == root or root in target.parents:
        raise UsageError(
            T(
                f"thư mục kết quả {output} nằm trong thư mục đầu vào; hãy chọn thư mục khác",
                f"the output folder {output} is inside the input folder; choose another",
            )
        )
    if output.exists() and not output.is_dir():
        raise UsageError(T(f"{output} không phải là thư mục", f"{output} is not a folder"))
    files = [Path(task.file) for task in _folder_tasks(source)]
    if not files:
        raise InputError(
            [
                Problem(
                    str(source),
                    None,
                    None,
                    "",
                    T("thư mục không có tệp dữ liệu cơ quan nào", "no facts files in this folder"),
                )
            ]
        )
    suffix = ".xlsx" if args.to == "xlsx" else ".yaml"
    done: list[tuple[Path, bytes | str]] = []
    problems: list[Problem] = []
    for path in files:
        src = _form(str(path), "IN")
        try:
            data = _converted(str(path), src, args.to, args.lang)
        except InputError as error:
            problems.extend(error.problems)
            continue
        done.append((output / path.relative_to(source).with_suffix(suffix), data))
    if problems:
        raise InputError(problems)
    names = [target for target, _ in done]
    twice = sorted({str(n) for n in names if names.count(n) > 1})
    if twice:
        raise UsageError(
            T(
                f"hai tệp đầu vào cùng tên sẽ ghi vào cùng một tệp kết quả: {', '.join(twice)}",
                f"two input files of the same name would be written to one output file: {', '.join(twice)}",
            )
        )
    for target_file, data in done:
        target_file.parent.mkdir(parents=True, exist_ok=True)
        _write(str(target_file), data, str(source))
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
    # A heading of comments above the data (a title, where the file came from) is not worth a warning;
    # comments among the facts (why a date is what it is) are.
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), len(lines))
    comments = any(line.lstrip().startswith("#") or " #" in line for line in lines[first:])
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
