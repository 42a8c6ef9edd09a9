"""Messages in the user's language (engine/lang.py): every input error, warning and usage message exists
in Vietnamese and English, follows --lang (default Vietnamese), and names the same place in both."""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import cli
from engine.api import evaluate
from engine.errors import InputError, Problem
from engine.facts import AgencyFacts
from engine.lang import T, Text
from engine.run import evaluate_path
from engine.yamlio import DEFAULT_MAX_BYTES, load_model

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "bad_inputs"
PORTFOLIOS = ROOT / "tests" / "bad_portfolios"
BAD_FILES = sorted(p for p in BAD.iterdir() if p.suffix == ".yaml" and p.name != "expected.yaml")
DEMO = ROOT / "fixtures" / "agencies" / "ubnd-huyen-quang-dien.yaml"

# Words a Vietnamese message must not fall back to: an untranslated English message contains them.
ENGLISH = (" is ", " the ", " must ", " expected ", " not ", " got ", " allowed", " file ", " key ")


def _problems_of_file(path: Path) -> tuple[Problem, ...]:
    with pytest.raises(InputError) as caught:
        load_model(path, AgencyFacts)
    return caught.value.problems


def _problems_of_portfolio(path: Path) -> tuple[Problem, ...]:
    with pytest.raises(InputError) as caught:
        evaluate_path(
            str(path), as_of=dt.date(2022, 10, 28), fmt="json", lang="vi", output=None, max_bytes=DEFAULT_MAX_BYTES
        )
    return caught.value.problems


def _assert_translated(problems) -> None:
    for p in problems:
        assert p.message_vi, f"no Vietnamese for: {p.render('en')}"
        assert p.message_vi != p.message, p.render("en")
        padded = f" {p.message_vi} "
        assert not any(word in padded for word in ENGLISH), p.render("vi")


@pytest.mark.parametrize("path", BAD_FILES, ids=lambda p: p.name)
def test_every_problem_of_a_bad_file_is_said_in_vietnamese_too(path):
    _assert_translated(_problems_of_file(path))


@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in PORTFOLIOS.iterdir() if p.name not in ("mixed_folder",)),
)
def test_every_problem_of_a_bad_portfolio_is_said_in_vietnamese_too(name):
    _assert_translated(_problems_of_portfolio(PORTFOLIOS / name))


def test_the_place_is_the_same_in_both_languages_only_the_words_differ():
    problems = _problems_of_portfolio(PORTFOLIOS / "several_problems.yaml")
    assert len(problems) >= 2
    for p in problems:
        vi, en = p.render("vi"), p.render("en")
        head = f"{p.where()}: {p.field}: " if p.field else f"{p.where()}: "
        assert vi.startswith(head) and en.startswith(head)
        assert vi != en


def test_a_vietnamese_message_reads_as_vietnamese():
    by_name = {p.name: _problems_of_file(p)[0].text("vi") for p in BAD_FILES}
    assert by_name["impossible_date_feb30.yaml"] == (
        "ngày '2022-02-30' không hợp lệ (tháng này không có ngày đó); viết theo dạng DD/MM/YYYY hoặc YYYY-MM-DD"
    )
    assert by_name["missing_agency_id.yaml"] == "thiếu trường bắt buộc 'id'"
    assert "(có phải là 'internal_audits' không?)" in by_name["unknown_key_interal_audits.yaml"]
    assert "head (Trưởng ban)" in by_name["member_role_boss.yaml"]
    assert by_name["syntax_error_tab.yaml"].startswith("lỗi cú pháp YAML: gặp ký tự tab làm sai thụt lề (")
    assert "ở dòng 8, cột 13" in by_name["syntax_error_tab.yaml"]


# ------------------------------------------------------------------ the command line


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_problems_follow_lang_and_default_to_vietnamese(capsys):
    path = str(BAD / "date_31_13.yaml")
    _, _, vi = run(capsys, "evaluate", path)
    _, _, en = run(capsys, "evaluate", path, "--lang", "en")
    assert vi.startswith(f"{path}:8:11: management_reviews[0].date: ngày '31/13/2022' không hợp lệ")
    assert en.startswith(f"{path}:8:11: management_reviews[0].date: '31/13/2022' is not a real date")


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (
            ["evaluate", "x.yaml", "--format", "pdf"],
            "lỗi: tham số --format: không có lựa chọn 'pdf'",
            "error: argument --format: invalid choice: 'pdf'",
        ),
        (["evaluate"], "lỗi: thiếu tham số bắt buộc: path", "error: the following arguments are required: path"),
        (
            ["evaluate", "a.yaml", "b.yaml"],
            "lỗi: không nhận ra tham số: b.yaml",
            "error: unrecognized arguments: b.yaml",
        ),
        (
            ["evaluate", "a.yaml", "--jobs", "0"],
            "lỗi: tham số --jobs: không dùng được 0: cần từ 1 trở lên",
            "error: argument --jobs: 0 is not allowed",
        ),
        (
            ["evaluate", "a.yaml", "--jobs", "hai"],
            "lỗi: tham số --jobs: 'hai' không phải là số nguyên",
            "error: argument --jobs: 'hai' is not a whole number",
        ),
        (
            ["evaluate", "a.yaml", "--as-of"],
            "lỗi: tham số --as-of: cần ghi đúng một giá trị",
            "error: argument --as-of: expected one argument",
        ),
        (
            ["frobnicate"],
            "lỗi: tham số COMMAND: không có lựa chọn 'frobnicate'",
            "error: argument COMMAND: invalid choice: 'frobnicate'",
        ),
    ],
)
def test_usage_errors_in_both_languages(capsys, args, vi, en):
    for lang, expected, usage in (("vi", vi, "cách dùng: htqlcl"), ("en", en, "usage: htqlcl")):
        with pytest.raises(SystemExit) as stopped:
            cli.main([*args, "--lang", lang])
        assert stopped.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith(usage), err
        assert expected in err, err


def test_usage_errors_default_to_vietnamese(capsys):
    with pytest.raises(SystemExit):
        cli.main(["evaluate", "a.yaml", "--format", "pdf"])
    assert "lỗi: tham số --format" in capsys.readouterr().err


def test_an_invalid_as_of_and_size_are_said_in_both(capsys):
    code, _, vi = run(capsys, "evaluate", str(DEMO), "--as-of", "30/02/2022")
    assert code == 2 and vi.startswith("--as-of: ngày '30/02/2022' không hợp lệ")
    code, _, en = run(capsys, "evaluate", str(DEMO), "--max-input-bytes", "lots", "--lang", "en")
    assert code == 2 and en.startswith("--max-input-bytes: 'lots' is not a size")
    code, _, vi = run(capsys, "evaluate", str(DEMO), "--max-input-bytes", "lots")
    assert code == 2 and vi.startswith("--max-input-bytes: 'lots' không phải là một kích thước")


def test_help_is_in_the_chosen_language():
    vi = subprocess.run([sys.executable, "cli.py", "evaluate", "--help"], cwd=ROOT, capture_output=True, text=True)
    en = subprocess.run(
        [sys.executable, "cli.py", "evaluate", "--help", "--lang", "en"], cwd=ROOT, capture_output=True, text=True
    )
    assert vi.stdout.startswith("cách dùng: htqlcl evaluate") and "ngày đánh giá" in vi.stdout
    assert "tùy chọn:" in vi.stdout
    assert en.stdout.startswith("usage: htqlcl evaluate") and "evaluation date" in en.stdout


def test_warnings_follow_lang(capsys, tmp_path):
    agency = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    agency["management_reviews"] = [{"date": dt.date(2022, 11, 20)}]
    path = tmp_path / "agency.yaml"
    path.write_text(yaml.safe_dump(agency, allow_unicode=True), encoding="utf-8")
    _, _, vi = run(capsys, "evaluate", str(path), "--as-of", "2022-10-28")
    _, _, en = run(capsys, "evaluate", str(path), "--as-of", "2022-10-28", "--lang", "en")
    assert f"{path}: cảnh báo: management_reviews[0].date = 20/11/2022 sau ngày đánh giá (--as-of 28/10/2022)" in vi
    assert f"{path}: warning: management_reviews[0].date = 2022-11-20 is after --as-of 2022-10-28: ignored" in en


# ------------------------------------------------------------------ the Python API


def test_the_api_error_carries_both_languages_and_speaks_the_callers():
    bad = {"agency": {"id": "x", "name": "X", "level": "ward"}}
    with pytest.raises(InputError) as vi:
        evaluate(bad, as_of="2022-10-28")
    with pytest.raises(InputError) as en:
        evaluate(bad, as_of="2022-10-28", lang="en")
    assert "không được phép ở đây" in str(vi.value)
    assert "is not allowed here" in str(en.value)
    assert vi.value.problems == en.value.problems
    assert vi.value.render("en") == str(en.value)
    again = pickle.loads(pickle.dumps(en.value))
    assert str(again) == str(en.value) and again.problems == en.value.problems


def test_text_joins_both_languages():
    joined = Text.join("; ", [T("một", "one"), "2", T("ba", "three")])
    assert joined == T("một; 2; ba", "one; 2; three")
    assert ("(" + T("a", "b") + ")")("en") == "(b)"
    untranslated = Problem("f.yaml", 1, 2, "x", "plain English")
    assert untranslated.render("vi") == "f.yaml:1:2: x: plain English", "an untranslated message still shows"
