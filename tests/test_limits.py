"""Limits that keep any input from crashing the process or taking all its memory (engine/yamlio.py):
nesting at most MAX_DEPTH levels, safe in threads with small stacks (the API is thread-safe, and
musl's default stack is 128 KiB); at most MAX_NODES values per document, refused before a node is
built; dates within the calendar the engine can compute in."""

from __future__ import annotations

import contextlib
import datetime as dt
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import cli
from engine import yamlio
from engine.api import evaluate
from engine.errors import InputError
from engine.yamlio import MAX_DEPTH, MAX_NODES, parse_yaml

ROOT = Path(__file__).resolve().parent.parent
AGENCY = "agency: {id: a, name: Cơ quan A, level: central}\n"


@pytest.fixture(autouse=True)
def messages_in_english(monkeypatch):
    """Messages are checked in English here (subprocesses inherit it); the Vietnamese of a few is
    checked where they are tested in both languages."""
    monkeypatch.setenv("HTQLCL_LANG", "en")


@contextlib.contextmanager
def refused(words: str):
    """The block raises InputError whose English message contains `words`."""
    with pytest.raises(InputError) as caught:
        yield
    assert words in caught.value.render("en"), caught.value.render("en")


# Run in a child process: a stack overflow is a crash, which must fail this test, not end the session.
THREAD_SCRIPT = textwrap.dedent(
    """
    import sys, threading
    sys.path.insert(0, sys.argv[1])
    from engine.api import evaluate
    from engine.errors import InputError
    from engine.yamlio import iter_yaml_documents

    stack_kib, path = int(sys.argv[2]), sys.argv[3]
    text = open(path, encoding="utf-8").read()
    outcome = []

    def work():
        try:
            evaluate(path, "2022-10-28")
            outcome.append("read")
        except InputError as e:
            outcome.append("refused: " + e.render("en").splitlines()[0])
        try:
            list(iter_yaml_documents(text + "---\\n" + text, file=path))
        except InputError:
            pass

    threading.stack_size(stack_kib * 1024)
    t = threading.Thread(target=work)
    t.start()
    t.join()
    print(outcome[0])
    """
)


def nested(shape: str, levels: int) -> str:
    """An agency file whose `x_deep` note takes the document to exactly `levels` levels of nesting (the
    top-level mapping is the first)."""
    inner = levels - 1
    if shape == "flow-lists":
        return AGENCY + "x_deep: " + "[" * inner + "]" * inner + "\n"
    if shape == "flow-mappings":
        return AGENCY + "x_deep: " + "{k: " * inner + "1" + "}" * inner + "\n"
    if shape == "block-lists":  # compact: '- - - 1'
        return AGENCY + "x_deep:\n" + "- " * inner + "1\n"
    # indented block mappings, k: / k: / ... (quadratic in size: used up to a thousand levels)
    return AGENCY + "x_deep:\n" + "".join("  " * (i + 1) + "k:\n" for i in range(inner - 1)) + "  " * inner + "v: 1\n"


SHAPES = ["flow-lists", "flow-mappings", "block-lists", "block-mappings"]


@pytest.mark.parametrize("shape", SHAPES)
def test_the_nesting_helper_builds_what_it_says(shape):
    assert parse_yaml(nested(shape, MAX_DEPTH), file="x")  # exactly at the limit: read
    with refused(f"nest more than {MAX_DEPTH} levels"):
        parse_yaml(nested(shape, MAX_DEPTH + 1), file="x")


@pytest.mark.parametrize("stack_kib", [128, 256])
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("levels", [MAX_DEPTH, MAX_DEPTH + 1, 1000, 20_000])
def test_nesting_is_safe_in_threads_with_small_stacks(tmp_path, stack_kib, shape, levels):
    if shape == "block-mappings" and levels > 1000:
        pytest.skip("indented that deep, the file is hundreds of MB; the other shapes reach this depth")
    path = tmp_path / "deep.yaml"
    path.write_text(nested(shape, levels), encoding="utf-8")
    script = tmp_path / "thread.py"
    script.write_text(THREAD_SCRIPT, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(ROOT), str(stack_kib), str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"crashed (status {done.returncode}): {done.stderr[-500:]}"
    if levels <= MAX_DEPTH:
        assert done.stdout.strip() == "read"
    else:
        assert done.stdout.startswith("refused: ") and f"nest more than {MAX_DEPTH} levels" in done.stdout


def test_a_deeply_nested_dict_from_the_api_is_no_danger_either():
    deep: object = 1
    for _ in range(50_000):
        deep = [deep]
    result = evaluate({"agency": {"id": "a", "name": "A", "level": "central"}, "x_deep": deep}, "2022-10-28")
    assert result.agency.id == "a"
    with refused("expected a list"):
        evaluate({"agency": {"id": "a", "name": "A", "level": "central"}, "reports": {"x": deep}}, "2022-10-28")


# ------------------------------------------------------------------ values per document


def flat(values: int) -> str:
    """An agency file of exactly `values` values (9 in AGENCY, 2 for the note's key and list)."""
    return AGENCY + "x_note: [" + ",".join(["1"] * (values - 11)) + "]\n"


def test_one_value_more_than_the_limit_is_refused_before_anything_is_built(monkeypatch):
    monkeypatch.setattr(yamlio, "MAX_NODES", 1000)
    assert parse_yaml(flat(1000), file="x")
    with pytest.raises(InputError) as refused:
        parse_yaml(flat(1001), file="x")
    (problem,) = refused.value.problems
    assert (problem.line, problem.column) == (2, len("x_note: [") + 2 * (1001 - 11 - 1) + 1)  # the 1,001st
    assert problem.message.startswith("this document holds more than 1,000 values")
    assert "a folder of agency files or a '---' stream" in problem.message


def test_block_sequences_and_mappings_are_counted_alike(monkeypatch):
    monkeypatch.setattr(yamlio, "MAX_NODES", 1000)
    text = AGENCY + "x_note:\n" + "".join(f"  k{i}: {i}\n" for i in range(496))  # 11 + 2 × 496 = 1003
    with refused("more than 1,000 values"):
        parse_yaml(text, file="x")
    with refused("more than 1,000 values"):
        parse_yaml(AGENCY + "x_note:\n" + "- 1\n" * 990, file="x")


def test_each_document_of_a_stream_has_the_limit_of_its_own(monkeypatch):
    monkeypatch.setattr(yamlio, "MAX_NODES", 1000)
    documents = list(yamlio.iter_yaml_documents("---\n".join([flat(1000)] * 3), file="x"))
    assert len(documents) == 3
    with refused("more than 1,000 values"):
        list(yamlio.iter_yaml_documents(flat(1000) + "---\n" + flat(1001), file="x"))


def test_a_file_of_many_tiny_values_is_refused_quickly_and_cheaply(tmp_path, capsys):
    path = tmp_path / "values.yaml"
    path.write_text(flat(MAX_NODES + 1), encoding="utf-8")  # 2 MB of '1,'
    started = time.monotonic()
    code = cli.main(["evaluate", str(path), "--as-of", "2022-10-28"])
    took = time.monotonic() - started
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert f"this document holds more than {MAX_NODES:,} values" in err
    assert took < 30  # scanned, never composed (~300 bytes and tens of microseconds per node)


def test_aliases_may_not_expand_past_twice_the_value_limit(monkeypatch):
    monkeypatch.setattr(yamlio, "MAX_NODES", 1000)
    monkeypatch.setattr(yamlio, "MAX_EXPANDED_NODES", 2000)
    # Linear repetition, not a bomb: 60 copies of a 40-value list, 2,400 values once expanded.
    text = AGENCY + "x_base: &b [" + ",".join(["1"] * 40) + "]\nx_copies: [" + ", ".join(["*b"] * 60) + "]\n"
    with refused("looks like an alias bomb"):
        parse_yaml(text, file="x")


# ------------------------------------------------------------------ the calendar's ends


@pytest.mark.parametrize("as_of", ["9999-12-31", "31/12/9999", "0001-01-01", "1899-12-31", "2101-01-01"])
def test_an_as_of_outside_the_calendar_is_refused_as_input(capsys, as_of):
    agency = ROOT / "fixtures" / "agencies" / "ubnd-thi-tran-huu-lung.yaml"
    code = cli.main(["evaluate", str(agency), "--as-of", as_of])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith(f"--as-of: '{as_of}' is outside the dates this engine accepts (01/01/1900–31/12/2100)")


def test_the_api_refuses_such_a_date_with_an_input_error_not_a_value_error():
    agency = ROOT / "fixtures" / "agencies" / "ubnd-thi-tran-huu-lung.yaml"
    with refused("outside the dates"):
        evaluate(agency, dt.date(9999, 12, 31))
    facts = {
        "agency": {"id": "a", "name": "A", "level": "province", "province": "Lạng Sơn"},
        "qms": {
            "standard": "TCVN ISO 9001:2015",
            "declarations": [{"date": dt.date(9999, 12, 1), "standard": "TCVN ISO 9001:2015"}],
        },
    }
    with refused("outside the dates"):
        evaluate(facts, "2022-10-28")


def test_the_last_accepted_day_is_evaluated_without_overflow():
    facts = {
        "agency": {"id": "a", "name": "A", "level": "province", "province": "Lạng Sơn"},
        "qms": {
            "standard": "TCVN ISO 9001:2015",
            "declarations": [{"date": dt.date(2100, 12, 1), "standard": "TCVN ISO 9001:2015"}],
        },
        "internal_audits": [{"date": dt.date(2100, 12, 31)}],
        "reports": [{"kind": "annual", "period": "2100", "submitted": dt.date(2100, 12, 31)}],
    }
    result = evaluate(facts, dt.date(2100, 12, 31))
    assert result.summary.violation >= 0


@pytest.mark.parametrize(
    ("option", "value"),
    [("--as-of", "２０２２-１０-２８"), ("--max-input-bytes", "３００M"), ("--as-of", "٢٨/١٠/٢٠٢٢")],
)
def test_command_line_numbers_are_ascii_digits_only(capsys, option, value):
    agency = ROOT / "fixtures" / "agencies" / "ubnd-thi-tran-huu-lung.yaml"
    code = cli.main(["evaluate", str(agency), option, value])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and option in err
