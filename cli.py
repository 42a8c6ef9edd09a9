#!/usr/bin/env python3
"""Command line: `python cli.py evaluate AGENCY.yaml [--as-of DATE] [--format …] [--lang vi|en]`
and `python cli.py rules`. Exit status: 0 no violation, 1 a violation, 2 bad input or command line."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

EXIT_OK, EXIT_VIOLATION, EXIT_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):       # argparse's own exit 2, with our one-line style
        self.print_usage(sys.stderr)
        print(f"error: {message}", file=sys.stderr)
        sys.exit(EXIT_INPUT)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="cli.py", description="Compliance of Vietnamese agencies' quality management systems "
                                            "(Quyết định 19/2014/QĐ-TTg and local directives).")
    sub = p.add_subparsers(dest="command", required=True)
    ev = sub.add_parser("evaluate", help="evaluate an agency facts file")
    ev.add_argument("path", help="an agency facts file (YAML)")
    ev.add_argument("--as-of", help="evaluation date, YYYY-MM-DD (default: today)")
    ev.add_argument("--format", choices=["text", "json"], default="text")
    ev.add_argument("--lang", choices=["vi", "en"], default="vi")
    ev.add_argument("--output", help="write to this file (atomically) instead of standard output")
    ev.add_argument("--rules", help=argparse.SUPPRESS)   # another rules folder, for tests and rule authors
    ru = sub.add_parser("rules", help="list every rule with its sources, validity and parameters")
    ru.add_argument("--format", choices=["text", "json"], default="text")
    ru.add_argument("--lang", choices=["vi", "en"], default="vi")
    ru.add_argument("--output")
    ru.add_argument("--rules", help=argparse.SUPPRESS)
    return p


def write_output(text: str, output: str | None) -> None:
    """Standard output, or a file replaced atomically: a failed run never leaves half a file."""
    if not output:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(output)
    fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise


def cmd_evaluate(args) -> int:
    from engine.api import as_of_date, evaluator, load_facts
    from engine.render import json_out, text

    as_of = as_of_date(args.as_of)
    facts = load_facts(args.path)
    ev = evaluator(args.rules)
    result = ev.evaluate(facts, as_of, lang=args.lang)
    for w in result.warnings:
        print(f"{args.path}: warning: {w}", file=sys.stderr)
    if args.format == "json":
        out = json_out.render_agency(result)
    else:
        titles = {rid: r.title.get(args.lang) for rid, r in ev.rulebook.rules.items()}
        out = text.render_agency(result, args.lang, titles)
    write_output(out, args.output)
    return EXIT_VIOLATION if result.has_violation else EXIT_OK


def cmd_rules(args) -> int:
    from engine.render import rules_list
    from engine.rulebook import default_rulebook

    book = default_rulebook(args.rules)
    out = rules_list.render_json(book) if args.format == "json" else rules_list.render_text(book, args.lang)
    write_output(out, args.output)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from engine.errors import InputError

    try:
        return {"evaluate": cmd_evaluate, "rules": cmd_rules}[args.command](args)
    except InputError as e:
        for problem in e.problems:
            print(problem.render(), file=sys.stderr)
        return e.exit_code
    except BrokenPipeError:
        return EXIT_OK
    except OSError as e:   # e.g. --output into a folder that does not exist
        print(f"error: {e.filename or ''}: {e.strerror}", file=sys.stderr)
        return EXIT_INPUT


if __name__ == "__main__":
    sys.exit(main())
