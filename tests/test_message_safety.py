"""A user's value reaches a message only through engine/quoting.py: escaped (nothing that clears a
terminal or rewrites a log line) and at most 60 characters (docs/input-validation.md), in every
language. File names are escaped too, and kept whole."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import cli
from engine.errors import Problem
from engine.quoting import LIMIT, escape, quote, shown

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def messages_in_english(monkeypatch):
    """Messages are checked in English here (subprocesses inherit it); the Vietnamese of a few is
    checked where they are tested in both languages."""
    monkeypatch.setenv("HTQLCL_LANG", "en")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("UBND xã A", "'UBND xã A'"),
        ("\x1b[2J", "'\\x1b[2J'"),
        ("a\x00b\x7f\x9b", "'a\\x00b\\x7f\\x9b'"),
        ("tab\tline\nend\r", "'tab\\tline\\nend\\r'"),
        ("zero\u200bwidth\u202eRTL", "'zero\\u200bwidth\\u202eRTL'"),
        ("x" * LIMIT, "'" + "x" * LIMIT + "'"),
        ("x" * (LIMIT + 1), "'" + "x" * (LIMIT - 1) + "…'"),
        (2022, "'2022'"),
    ],
)
def test_quote_escapes_and_bounds(value, expected):
    assert quote(value) == expected


def test_a_megabyte_is_cut_without_walking_it_and_escapes_never_break_the_bound():
    assert len(shown("y" * 1_000_000)) == LIMIT
    assert len(shown("\x1b" * 1_000)) <= LIMIT
    assert shown("\x1b" * 1_000).endswith("…") and "\x1b" not in shown("\x1b" * 1_000)
    assert shown("Lạng Sơn", None) == "Lạng Sơn" and escape("a\x1bb") == "a\\x1bb"


def test_a_problem_never_prints_a_control_character_whatever_it_holds():
    rendered = Problem("dir/\x1b[31mred.yaml", 3, 4, "agency.\x1b[2J", "bad \x07 value\nsecond line").render()
    assert rendered == "dir/\\x1b[31mred.yaml:3:4: agency.\\x1b[2J: bad \\x07 value second line"


def test_a_file_name_with_escape_sequences_is_shown_escaped(capsys, tmp_path):
    path = tmp_path / "\x1b[2Jagency.yaml"
    path.write_text("agency: [\n", encoding="utf-8")
    assert cli.main(["evaluate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b[2Jagency.yaml:" in err


def test_a_megabyte_line_never_reaches_the_terminal(capsys, tmp_path):
    path = tmp_path / "agency.yaml"
    path.write_text(f"agency:\n  id: a\n  name: A\n  level: central\n  province: {'Q' * 1_000_000}\n", encoding="utf-8")
    assert cli.main(["evaluate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Q" * (LIMIT - 1) in err and "Q" * LIMIT not in err
    assert len(err) < 1000


def test_a_hostile_value_in_a_portfolio_stream_is_escaped_too(capsys, tmp_path):
    path = tmp_path / "stream.yaml"
    good = "agency:\n  id: a\n  name: A\n  level: central\n"
    path.write_text(good + '---\nagency:\n  id: b\n  name: B\n  level: "\\e]0;owned\\a"\n', encoding="utf-8")
    assert cli.main(["evaluate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert f"{path}:9:10: agency.level: '\\x1b]0;owned\\x07' is not allowed here" in err


# The modules that word input errors: no user value may reach one of their messages but through
# engine/quoting.py. `!r` (Python's repr) neither bounds a value nor escapes it for a terminal.
MESSAGE_MODULES = ["yamlio.py", "facts.py", "errors.py", "places.py", "cli.py", "api.py", "run.py", "output.py"]


@pytest.mark.parametrize("module", MESSAGE_MODULES)
def test_no_message_shows_a_value_with_repr(module):
    tree = ast.parse((ROOT / "engine" / module).read_text(encoding="utf-8"))
    offenders = [
        node.lineno for node in ast.walk(tree) if isinstance(node, ast.FormattedValue) and node.conversion == ord("r")
    ]
    assert not offenders, f"engine/{module} formats values with !r at lines {offenders}: use engine.quoting"
