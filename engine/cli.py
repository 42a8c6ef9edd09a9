"""The command line, `htqlcl` (also `python -m engine`, and `python cli.py` in a checkout).

    htqlcl evaluate AGENCY.yaml|PORTFOLIO|FOLDER [--as-of DATE] [--format …] [--lang vi|en] [--output FILE]
    htqlcl rules [--format text|json]        every rule with its quoted sources and parameters
    htqlcl schema [agency|result]            the JSON Schema of the facts file or of the JSON result
    htqlcl report [--output DIR]             the living documentation (clauses → rules → scenarios)
    htqlcl serve [--host H] [--port P]       the HTTP service: the same checks for other systems (/v1)

Exit status: 0 no violation, 1 at least one violation, 2 bad input or command line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from engine import __version__

EXIT_OK, EXIT_VIOLATION, EXIT_INPUT = 0, 1, 2
LANGS = ("vi", "en")
LANG_HELP = "language of the output: vi (Vietnamese, the default) or en"


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own exit 2, with our one-line style
        self.print_usage(sys.stderr)
        print(f"error: {message}", file=sys.stderr)
        sys.exit(EXIT_INPUT)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not allowed: give 1 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="htqlcl",
        description="Compliance of Vietnamese agencies' quality management systems (HTQLCL, TCVN ISO 9001) "
        "with Quyết định 19/2014/QĐ-TTg and local directives.",
        epilog="Exit status: 0 no violation, 1 at least one violation, 2 bad input or command line.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ev = sub.add_parser("evaluate", help="evaluate one agency, a portfolio or a folder of agencies")
    ev.add_argument("path", help="an agency facts file, a portfolio file (agencies: or a --- stream) or a folder")
    ev.add_argument("--as-of", metavar="DATE", help="evaluation date, YYYY-MM-DD or DD/MM/YYYY (default: today)")
    ev.add_argument(
        "--format",
        choices=["text", "json", "markdown", "html", "junit"],
        default="text",
        help="text for a person (default), json for programs, markdown/html for a report, junit for CI",
    )
    ev.add_argument("--lang", choices=LANGS, default="vi", help=LANG_HELP)
    ev.add_argument("--output", metavar="FILE", help="write to this file (atomically) instead of standard output")
    ev.add_argument(
        "--rules", metavar="DIR", help=argparse.SUPPRESS
    )  # another rules folder, for tests and rule authors
    ev.add_argument(
        "--jobs",
        type=_positive_int,
        metavar="N",
        help="worker processes for a portfolio, 1 or more (default: up to 2 for a large portfolio)",
    )
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

    ru = sub.add_parser("rules", help="list every rule with its sources, validity and parameters")
    ru.add_argument("--format", choices=["text", "json"], default="text", help="text for a person, json for programs")
    ru.add_argument("--lang", choices=LANGS, default="vi", help=LANG_HELP)
    ru.add_argument("--output", metavar="FILE", help="write to this file instead of standard output")
    ru.add_argument("--rules", metavar="DIR", help=argparse.SUPPRESS)

    sc = sub.add_parser(
        "schema", help="print the JSON Schema of the agency facts file or of the JSON result, or the HTTP API's OpenAPI"
    )
    sc.add_argument(
        "which",
        nargs="?",
        choices=["agency", "result", "openapi"],
        default="agency",
        help="agency: the facts file (default); result: what evaluate --format json prints; "
        "openapi: the OpenAPI document of the HTTP service (serve)",
    )
    sc.add_argument("--output", metavar="FILE", help="write to this file instead of standard output")

    rp = sub.add_parser(
        "report",
        help="run the feature scenarios and write the living documentation "
        "(clauses → rules → scenarios) as HTML and Markdown",
    )
    rp.add_argument(
        "--output", "--out", dest="output", metavar="DIR", help="output folder (default: reports/living-doc/)"
    )
    rp.add_argument("--lang", choices=LANGS, default="vi", help=LANG_HELP)
    rp.add_argument("--features", metavar="DIR", help="folder of .feature files (default: the built-in features)")
    rp.add_argument(
        "--rules",
        metavar="DIR",
        help="rules folder with its register/ and sources/ (default: the built-in rules)",
    )

    sv = sub.add_parser(
        "serve",
        help="run the HTTP service: evaluations, rules and schemas under /v1, for other systems",
        description="Run the HTTP service (OpenAPI at /openapi.json, interactive documentation at /docs). "
        "Set HTQLCL_API_TOKEN to require 'Authorization: Bearer <token>' on every /v1 request.",
    )
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    sv.add_argument("--port", type=_port, default=8000, help="TCP port to listen on (default 8000)")
    sv.add_argument(
        "--workers", type=_positive_int, default=1, metavar="N", help="worker processes, e.g. one per core (default 1)"
    )
    sv.add_argument(
        "--max-body-bytes",
        metavar="SIZE",
        help="refuse request bodies larger than this, in bytes or with K/M/G, e.g. 16M "
        "(default 16M, or the HTQLCL_MAX_BODY_BYTES environment variable)",
    )
    sv.add_argument(
        "--max-agencies",
        type=_positive_int,
        metavar="N",
        help="refuse portfolios of more agencies than this (default 1000, or HTQLCL_MAX_AGENCIES)",
    )
    sv.add_argument(
        "--time-limit",
        type=_seconds,
        metavar="SECONDS",
        help="answer 503 to a request not done in this time, from its arrival (default 30, or HTQLCL_TIME_LIMIT)",
    )
    sv.add_argument(
        "--threads",
        type=_positive_int,
        metavar="N",
        help="evaluations at once in each worker (default 2, or HTQLCL_THREADS)",
    )
    sv.add_argument(
        "--docs",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="interactive documentation at /docs, served without any network access (default: on, or HTQLCL_DOCS)",
    )
    sv.add_argument(
        "--root-path",
        default="",
        metavar="PREFIX",
        help="the path under which a reverse proxy publishes the service, e.g. /htqlcl (default: none)",
    )
    sv.add_argument(
        "--log-level",
        choices=["debug", "info", "warning", "error"],
        default="info",
        help="least important log lines written (JSON on stderr; default info: one line per request)",
    )
    return p


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number") from None
    if not 0 < value < 65536:
        raise argparse.ArgumentTypeError(f"{value} is not a port number: give 1 to 65535")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"{text} is not allowed: give more than 0 and at most 3600 seconds")
    return value


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
    from engine.run import emit

    book = default_rulebook(args.rules)
    out = rules_list.render_json(book) if args.format == "json" else rules_list.render_text(book, args.lang)
    emit(out, args.output)
    return EXIT_OK


def cmd_report(args) -> int:
    from engine.livedoc.build import build

    built = build(
        args.output and Path(args.output),
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
    from engine import schema
    from engine.run import emit

    if args.which == "openapi":
        from engine.service.app import create_app
        from engine.service.openapi import render
        from engine.service.settings import Settings

        emit(render(create_app(Settings())), args.output)
    else:
        emit(schema.render_result() if args.which == "result" else schema.render(), args.output)
    return EXIT_OK


def cmd_serve(args) -> int:
    import dataclasses

    from engine.service.server import serve
    from engine.service.settings import Settings
    from engine.yamlio import max_input_bytes

    settings = Settings.from_env()  # the environment's values, then the options given
    chosen = {
        "max_body_bytes": max_input_bytes(args.max_body_bytes, source="--max-body-bytes")
        if args.max_body_bytes is not None
        else None,
        "max_agencies": args.max_agencies,
        "time_limit": args.time_limit,
        "threads": args.threads,
        "docs": args.docs,
    }
    settings = dataclasses.replace(settings, **{k: v for k, v in chosen.items() if v is not None})
    serve(
        host=args.host,
        port=args.port,
        workers=args.workers,
        settings=settings,
        log_level=args.log_level,
        root_path=args.root_path.rstrip("/"),
    )
    return EXIT_OK


COMMANDS = {
    "evaluate": cmd_evaluate,
    "rules": cmd_rules,
    "schema": cmd_schema,
    "report": cmd_report,
    "serve": cmd_serve,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from engine.errors import InputError

    try:
        return COMMANDS[args.command](args)
    except InputError as e:
        for problem in e.problems:
            print(problem.render(), file=sys.stderr)
        return e.exit_code
    except BrokenPipeError:
        return EXIT_OK
    except OSError as e:  # e.g. --output into a folder that does not exist
        print(f"error: {e.filename or ''}: {e.strerror}", file=sys.stderr)
        return EXIT_INPUT
