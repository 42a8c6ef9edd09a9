"""The command line, `htqlcl` (also `python -m engine`, and `python cli.py` in a checkout).

    htqlcl evaluate AGENCY.yaml|PORTFOLIO|FOLDER [--as-of DATE] [--format …] [--lang vi|en] [--output FILE]
    htqlcl rules [--format text|json]        every rule with its quoted sources and parameters
    htqlcl schema [agency|result]            the JSON Schema of the facts file or of the JSON result
    htqlcl report [--output DIR]             the living documentation (clauses → rules → scenarios)

Exit status: 0 no violation, 1 at least one violation, 2 bad input, command line or output path,
70 an internal error, 128+N ended by signal N (130 Ctrl-C, 143 SIGTERM), 141 a broken pipe.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import sys
from pathlib import Path

from engine import __version__
from engine.quoting import quote, shown

EXIT_OK, EXIT_VIOLATION, EXIT_INPUT = 0, 1, 2
EXIT_INTERNAL = 70  # sysexits.h EX_SOFTWARE: a fault of htqlcl itself, never read as a verdict
EXIT_SIGNAL_BASE = 128  # ended by signal N: 128 + N, as a shell reports it
EXIT_BROKEN_PIPE = EXIT_SIGNAL_BASE + 13  # the reader of standard output went away (SIGPIPE)
DEBUG_ENV = "HTQLCL_DEBUG"
EXIT_STATUS_HELP = f"""exit status:
  0    no violation
  1    at least one violation (and nothing else went wrong)
  2    bad input, a bad command line, or an output that cannot be written; nothing is written
  {EXIT_INTERNAL}   an internal error: a fault of htqlcl (or a worker process that died), never a verdict;
       nothing is written (set {DEBUG_ENV}=1 to see the details)
  130  interrupted by Ctrl-C (SIGINT); nothing is written
  143  terminated by SIGTERM (129: SIGHUP); nothing is written
  {EXIT_BROKEN_PIPE}  the reader of standard output stopped reading (a broken pipe)"""
LANGS = ("vi", "en")
LANG_HELP = "language of the output: vi (Vietnamese, the default) or en"


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own exit 2, with our one-line style
        self.print_usage(sys.stderr)
        print(f"error: {message}", file=sys.stderr)
        sys.exit(EXIT_INPUT)


def _positive_int(text: str) -> int:
    # ASCII digits only: int() would also read full-width ones ("１０").
    if not re.fullmatch(r"\s*[+-]?\d+\s*", text, re.ASCII):
        raise argparse.ArgumentTypeError(f"{quote(text)} is not a whole number")
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not allowed: give 1 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="htqlcl",
        description="Compliance of Vietnamese agencies' quality management systems (HTQLCL, TCVN ISO 9001) "
        "with Quyết định 19/2014/QĐ-TTg and local directives.",
        epilog=EXIT_STATUS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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

    sc = sub.add_parser("schema", help="print the JSON Schema of the agency facts file or of the JSON result")
    sc.add_argument(
        "which",
        nargs="?",
        choices=["agency", "result"],
        default="agency",
        help="agency: the facts file (default); result: what evaluate --format json prints",
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
    from engine.run import emit, read_paths

    book = default_rulebook(args.rules)
    out = rules_list.render_json(book) if args.format == "json" else rules_list.render_text(book, args.lang)
    emit(out, args.output, reading=read_paths(None, args.rules))
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

    emit(schema.render_result() if args.which == "result" else schema.render(), args.output, reading=[])
    return EXIT_OK


COMMANDS = {"evaluate": cmd_evaluate, "rules": cmd_rules, "schema": cmd_schema, "report": cmd_report}


def main(argv: list[str] | None = None) -> int:
    """The `htqlcl` command: its exit status (see EXIT_STATUS_HELP). No traceback reaches the user."""
    from engine import interrupts, output
    from engine.errors import InputError

    _printable_streams()
    output.begin_run()
    try:
        with interrupts.handled():
            args = build_parser().parse_args(argv)
            return COMMANDS[args.command](args)
    except InputError as e:
        for problem in e.problems:
            _say(problem.render())
        return e.exit_code
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except (interrupts.Interrupted, KeyboardInterrupt) as e:
        signum = e.signum if isinstance(e, interrupts.Interrupted) else signal.SIGINT
        name = signal.Signals(signum).name
        _say(
            f"htqlcl: interrupted by {name} after the report was written"
            if output.written()
            else f"htqlcl: interrupted by {name}; nothing was written"
        )
        return EXIT_SIGNAL_BASE + signum
    except OSError as e:  # the machine, not the input: a full disk for temporary files, a lost folder
        where = f"{quote(e.filename, None)}: " if e.filename else ""
        _say(f"htqlcl: error: {where}{e.strerror or e}")
        return EXIT_INPUT
    except Exception as e:  # a fault of the program: its own status, never 1 ("violations found")
        from engine.supervisor import WorkerDied

        if isinstance(e, WorkerDied):
            _say(f"htqlcl: error: {shown(e, None)}; nothing was written")
            if os.environ.get(DEBUG_ENV) and e.details:
                _say(e.details)
        else:
            _say(
                f"htqlcl: internal error (a fault of htqlcl, not of the input): {type(e).__name__}: "
                f"{shown(e, 300)}; nothing was written. Please report it with the command and its input "
                f"(set {DEBUG_ENV}=1 for the details)."
            )
        if os.environ.get(DEBUG_ENV):
            import traceback

            traceback.print_exc()
        return EXIT_INTERNAL
    finally:
        output.discard_all()


def _printable_streams() -> None:
    """Help and messages never fail for a terminal or a pipe that cannot show Vietnamese (an ASCII or
    cp1252 standard output): what cannot be shown is escaped. Reports themselves are UTF-8 bytes."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) == "strict":
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _say(line: str) -> None:
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            print(line, file=sys.stderr)
            sys.stderr.flush()


def _silence_stdout() -> None:
    # The reader is gone: Python's final flush of standard output would fail again and print
    # "Exception ignored …"; point the descriptor at the null device instead (it is never replaced).
    with contextlib.suppress(AttributeError, OSError, ValueError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
