#!/usr/bin/env python3
"""Command line: `python cli.py evaluate AGENCY.yaml [--as-of DATE] [--format …] [--lang vi|en]`
and `python cli.py rules`. Exit status: 0 no violation, 1 a violation, 2 bad input or command line.
`python cli.py report [--out DIR] [--lang vi|en]` writes the living documentation: 0 once written."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

EXIT_OK, EXIT_VIOLATION, EXIT_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own exit 2, with our one-line style
        self.print_usage(sys.stderr)
        print(f"error: {message}", file=sys.stderr)
        sys.exit(EXIT_INPUT)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="cli.py",
        description="Compliance of Vietnamese agencies' quality management systems "
        "(Quyết định 19/2014/QĐ-TTg and local directives).",
    )
    sub = p.add_subparsers(dest="command", required=True)
    ev = sub.add_parser("evaluate", help="evaluate an agency facts file")
    ev.add_argument("path", help="an agency facts file, a portfolio file (agencies: or a --- stream) or a folder")
    ev.add_argument("--as-of", help="evaluation date, YYYY-MM-DD (default: today)")
    ev.add_argument("--format", choices=["text", "json", "markdown", "html", "junit"], default="text")
    ev.add_argument("--lang", choices=["vi", "en"], default="vi")
    ev.add_argument("--output", help="write to this file (atomically) instead of standard output")
    ev.add_argument("--rules", help=argparse.SUPPRESS)  # another rules folder, for tests and rule authors
    ev.add_argument("--jobs", type=int, help="worker processes for a portfolio (default: up to 2 when large)")
    ev.add_argument(
        "--max-input-bytes",
        metavar="SIZE",
        help="refuse input files larger than this, in bytes "
        "or with K/M/G, e.g. 300M (default 256M, or the QMS_MAX_INPUT_BYTES environment variable)",
    )
    ev.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="a progress bar on stderr (default: for long runs at a terminal)",
    )
    sc = sub.add_parser("schema", help="print the JSON Schema of the agency facts file")
    sc.add_argument("--output")
    ru = sub.add_parser("rules", help="list every rule with its sources, validity and parameters")
    ru.add_argument("--format", choices=["text", "json"], default="text")
    ru.add_argument("--lang", choices=["vi", "en"], default="vi")
    ru.add_argument("--output")
    ru.add_argument("--rules", help=argparse.SUPPRESS)
    rp = sub.add_parser(
        "report",
        help="run the feature scenarios and write the living documentation "
        "(clauses → rules → scenarios) as HTML and Markdown",
    )
    rp.add_argument("--out", help="output folder (default: reports/living-doc/)")
    rp.add_argument("--lang", choices=["vi", "en"], default="vi")
    rp.add_argument("--features", help="folder of .feature files (default: features/)")
    rp.add_argument("--rules", help="rules folder with its register/ and sources/ (default: rules/)")
    return p


def cmd_evaluate(args) -> int:
    from engine.api import as_of_date
    from engine.run import evaluate_path
    from engine.yamlio import max_input_bytes

    max_bytes = max_input_bytes(args.max_input_bytes)
    return evaluate_path(
        args.path,
        as_of=as_of_date(args.as_of, name="--as-of"),
        fmt=args.format,
        lang=args.lang,
        output=args.output,
        rules_dir=args.rules,
        jobs=args.jobs,
        max_bytes=max_bytes,
        progress=args.progress,
    )


def cmd_rules(args) -> int:
    from engine.render import rules_list
    from engine.rulebook import default_rulebook

    book = default_rulebook(args.rules)
    out = rules_list.render_json(book) if args.format == "json" else rules_list.render_text(book, args.lang)
    from engine.run import emit

    emit(out, args.output)
    return EXIT_OK


def cmd_report(args) -> int:
    from engine.livedoc.build import build

    built = build(
        args.out and Path(args.out),
        lang=args.lang,
        features=args.features and Path(args.features),
        rules=args.rules and Path(args.rules),
    )
    run = built.run
    if run.exit_code not in (0, 1):  # the run itself broke: its scenarios show as not run
        print(
            f"warning: the feature run stopped (pytest exit {run.exit_code}):\n{run.output.strip()[-2000:]}",
            file=sys.stderr,
        )
    for error in run.errors:  # scenarios pytest could not collect show as not run
        print(f"warning: {error}", file=sys.stderr)
    failed = len(built.site.failed())
    if failed:
        print(f"{failed} scenario{'s' if failed != 1 else ''} failed", file=sys.stderr)
    print(built.files[0].parent / "index.html")
    return EXIT_OK


def cmd_schema(args) -> int:
    from engine.run import emit
    from engine.schema import render

    emit(render(), args.output)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from engine.errors import InputError

    try:
        return {"evaluate": cmd_evaluate, "rules": cmd_rules, "schema": cmd_schema, "report": cmd_report}[args.command](
            args
        )
    except InputError as e:
        for problem in e.problems:
            print(problem.render(), file=sys.stderr)
        return e.exit_code
    except BrokenPipeError:
        return EXIT_OK
    except OSError as e:  # e.g. --output into a folder that does not exist
        print(f"error: {e.filename or ''}: {e.strerror}", file=sys.stderr)
        return EXIT_INPUT


if __name__ == "__main__":
    sys.exit(main())
