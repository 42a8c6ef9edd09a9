"""Exit statuses keep their meaning and no traceback ever reaches the user (engine/cli.py):
1 means violations only; an internal error has its own status; standard output that cannot take
Vietnamese (ASCII, cp1252, cp1258), that is closed, or whose reader goes away is handled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import cli
from engine.cli import EXIT_BROKEN_PIPE, EXIT_INTERNAL
from engine.evaluate import Evaluator

ROOT = Path(__file__).resolve().parent.parent
VIOLATING = ROOT / "fixtures" / "agencies" / "ubnd-huyen-quang-dien.yaml"
AS_OF = "2022-10-28"


@pytest.fixture(autouse=True)
def messages_in_english(monkeypatch):
    """Messages are checked in English here (subprocesses inherit it); the Vietnamese of a few is
    checked where they are tested in both languages."""
    monkeypatch.setenv("HTQLCL_LANG", "en")


def run(*args: str, env: dict | None = None, **popen) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args],
        capture_output=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        **popen,
    )


def test_the_sample_has_violations_so_status_1_means_exactly_that():
    done = run("evaluate", str(VIOLATING), "--as-of", AS_OF)
    assert done.returncode == 1 and b"Traceback" not in done.stderr


def test_an_internal_error_has_its_own_status_and_one_line(capsys, monkeypatch):
    def broken(self, facts, as_of, lang="vi", with_sources=True):
        raise ValueError("year 10000 is out of range")

    monkeypatch.setattr(Evaluator, "evaluate", broken)
    code = cli.main(["evaluate", str(VIOLATING), "--as-of", AS_OF])
    out, err = capsys.readouterr()
    assert code == EXIT_INTERNAL != 1
    assert out == ""
    (line,) = err.strip().splitlines()
    assert line.startswith("htqlcl: internal error (a fault of htqlcl, not of the input): ValueError: year 10000")
    assert "HTQLCL_DEBUG=1" in line


def test_the_details_of_an_internal_error_are_there_for_whoever_asks(capsys, monkeypatch):
    monkeypatch.setattr(Evaluator, "evaluate", lambda *a, **k: 1 / 0)
    monkeypatch.setenv("HTQLCL_DEBUG", "1")
    assert cli.main(["evaluate", str(VIOLATING), "--as-of", AS_OF]) == EXIT_INTERNAL
    assert "Traceback" in capsys.readouterr().err


def test_help_documents_every_status():
    done = run("--help")
    text = done.stdout.decode("utf-8")
    assert done.returncode == 0
    for status in ("0 ", "1 ", "2 ", f"{EXIT_INTERNAL} ", "130", "143", f"{EXIT_BROKEN_PIPE} "):
        assert f"  {status}" in text, status
    for doc in ("README.md", "docs/report.md"):
        assert f"`{EXIT_INTERNAL}`" in (ROOT / doc).read_text(encoding="utf-8"), doc


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "cp1258", "latin-1"])
def test_a_report_reaches_a_standard_output_that_cannot_encode_vietnamese(encoding):
    expected = run("evaluate", str(VIOLATING), "--as-of", AS_OF)
    done = run("evaluate", str(VIOLATING), "--as-of", AS_OF, env={"PYTHONIOENCODING": encoding})
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr
    assert done.stdout == expected.stdout  # the report is UTF-8, whatever the terminal's encoding
    assert "Quảng Điền".encode() in done.stdout


@pytest.mark.parametrize("args", [["--help"], ["evaluate", "--help"], ["evaluate", "missing-đường-dẫn.yaml"]])
def test_help_and_messages_never_fail_on_an_ascii_terminal(args):
    done = run(*args, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode in (0, 2)
    assert b"Traceback" not in done.stderr and b"UnicodeEncodeError" not in done.stderr


def test_a_closed_standard_output_is_refused_before_the_run():
    done = run("evaluate", str(VIOLATING), "--as-of", AS_OF, stdout=None, preexec_fn=lambda: os.close(1))
    assert done.returncode == 2, done.stderr
    assert (
        done.stderr.decode().strip() == "standard output is closed: give --output FILE, or run without closing it (>&-)"
    )


def test_a_reader_that_goes_away_after_one_line_is_a_broken_pipe_not_a_success():
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "cli.py"), "evaluate", str(VIOLATING), "--as-of", AS_OF, "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(1)
    process.stdout.close()
    err = process.stderr.read()
    process.wait(60)
    # The whole report may have fit in the pipe before the reader left: then it was delivered.
    assert process.returncode in (EXIT_BROKEN_PIPE, 1), err
    assert b"Traceback" not in err and b"Exception ignored" not in err


def test_ctrl_c_on_a_single_agency_is_one_line(tmp_path):
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time, sys; sys.argv[1:] = ['evaluate', sys.argv[1]]; "
            "from engine import cli; import engine.run as r; r._evaluate = lambda *a: time.sleep(30); "
            "sys.exit(cli.main())",
            str(VIOLATING),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    import time

    time.sleep(2)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err.strip() == "htqlcl: interrupted by SIGINT; nothing was written"


def test_these_messages_are_said_in_vietnamese_by_default(capsys, monkeypatch, tmp_path):
    monkeypatch.delenv("HTQLCL_LANG")
    monkeypatch.setattr(Evaluator, "evaluate", lambda *a, **k: 1 / 0)
    assert cli.main(["evaluate", str(VIOLATING), "--as-of", AS_OF]) == EXIT_INTERNAL
    assert capsys.readouterr().err.startswith("htqlcl: lỗi nội bộ (lỗi của chương trình htqlcl")
    monkeypatch.undo()
    monkeypatch.delenv("HTQLCL_LANG", raising=False)
    target = tmp_path / "missing" / "report.json"
    assert cli.main(["evaluate", str(VIOLATING), "--as-of", AS_OF, "--output", str(target)]) == 2
    assert capsys.readouterr().err.strip() == f"--output: {target} không có thư mục {target.parent}"
    assert cli.main(["evaluate", str(VIOLATING), "--as-of", AS_OF, "--output", str(VIOLATING)]) == 2
    assert "chính là tệp đầu vào: báo cáo sẽ ghi đè lên dữ liệu" in capsys.readouterr().err
