"""Bad input is refused with located, human problems (engine/yamlio.py, engine/errors.py).

Every file in tests/bad_inputs/ holds one kind of mistake; tests/bad_inputs/expected.yaml says which
line, field and message text loading it must report.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import pickle
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from engine.errors import MAX_PROBLEMS, InputError, Problem, UsageError
from engine.facts import AgencyFacts
from engine.yamlio import (
    DEFAULT_MAX_BYTES,
    MAX_DEPTH,
    iter_yaml_documents,
    load_model,
    max_input_bytes,
    parse_yaml,
    read_text,
    validate,
)

ROOT = Path(__file__).resolve().parent.parent
BAD = Path(__file__).parent / "bad_inputs"
EXPECTED = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))
BAD_FILES = sorted(p.name for p in BAD.iterdir() if p.suffix in (".yaml", ".yml") and p.name != "expected.yaml")

AGENCY = """\
agency:
  id: ubnd-xa-yen-trach
  name: UBND xã Yên Trạch
  level: commune
  province: Lạng Sơn
  district: Cao Lộc
"""


@contextlib.contextmanager
def raises_en(kind: type[InputError], pattern: str):
    """pytest.raises(kind, match=pattern) on the English messages (str() speaks Vietnamese by default)."""
    with pytest.raises(kind) as caught:
        yield caught
    english = caught.value.render("en")
    assert re.search(pattern, english), english


def write(tmp_path: Path, text: str, name: str = "agency.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path | str) -> tuple[Problem, ...]:
    with pytest.raises(InputError) as caught:
        load_model(path, AgencyFacts)
    return caught.value.problems


# --- the folder of bad files ---------------------------------------------------------------------


def test_every_bad_file_has_an_expectation_and_every_expectation_a_file():
    assert len(BAD_FILES) >= 30
    assert set(BAD_FILES) == set(EXPECTED)


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_file_is_refused_with_file_line_field_and_message(name):
    path = BAD / name
    expected = EXPECTED[name]
    with pytest.raises(InputError) as caught:
        load_model(path, AgencyFacts)
    error = caught.value
    assert error.exit_code == 2
    matching = [
        p
        for p in error.problems
        if p.file == str(path)
        and p.line == expected["line"]
        and p.field == expected["field"]
        and expected["contains"] in p.message
    ]
    assert matching, f"no problem matches {expected}; got:\n{error}"
    rendered = str(error).splitlines()
    assert len(rendered) == len(error.problems)
    assert all(line.startswith(str(path)) for line in rendered)


# The CLI reads a file of several `---` documents as a portfolio stream, so that one is no error there.
CLI_BAD_FILES = [name for name in BAD_FILES if name != "two_documents.yaml"]


@pytest.mark.parametrize("name", CLI_BAD_FILES)
def test_cli_exits_2_with_the_problem_on_stderr_and_nothing_on_stdout(name, capsys):
    import cli

    path = str(BAD / name)
    expected = EXPECTED[name]
    where = f"{path}:{expected['line']}:" if expected["line"] else f"{path}: "
    heads = {}
    for lang, text in (("vi", expected["vi"]), ("en", expected["contains"])):
        assert cli.main(["evaluate", path, "--lang", lang]) == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert any(line.startswith(where) and text in line for line in err.splitlines()), err
        # file:line:column and the field path are the same in both languages; only the message differs
        heads[lang] = [line[: line.index(": ", len(path)) + 2] for line in err.splitlines()]
    assert heads["vi"] == heads["en"]
    assert cli.main(["evaluate", path]) == 2, "Vietnamese is the default"
    assert expected["vi"] in capsys.readouterr().err


def test_cli_process_shows_no_traceback():
    for name in ("python_object_tag.yaml", "billion_laughs.yaml", "non_utf8.yaml", "deep_nesting.yaml"):
        done = subprocess.run(
            [sys.executable, str(ROOT / "cli.py"), "evaluate", str(BAD / name)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
        assert done.returncode == 2, done.stderr
        assert done.stdout == "" and "Traceback" not in done.stderr and str(BAD / name) in done.stderr


# --- several problems at once --------------------------------------------------------------------


def test_all_problems_in_one_file_are_reported_together(tmp_path):
    path = write(
        tmp_path,
        AGENCY
        + """\
interal_audits: []
internal_audits:
  - date: 2022-02-30
    nonconformities:
      - due: 2022-12-31
reports:
  - kind: monthly
    period: 2022-13
    submitted: 2022-10-21
  - kind: weekly
    period: 2022
    submitted: 2022-10-21
""",
    )
    found = {(p.line, p.field) for p in problems_of(path)}
    assert found == {
        (7, "interal_audits"),
        (9, "internal_audits[0].date"),
        (11, "internal_audits[0].nonconformities[0].id"),
        (14, "reports[0].period"),
        (16, "reports[1].kind"),  # `period: 2022` itself is fine: an annual period as a bare year
    }


def test_problems_are_sorted_and_capped(tmp_path):
    body = "management_reviews:\n" + "".join(f"  - date: 2022-02-{30 + i % 2}\n" for i in range(70))
    with pytest.raises(InputError) as caught:
        load_model(write(tmp_path, AGENCY + body), AgencyFacts)
    error = caught.value
    assert len(error.problems) == MAX_PROBLEMS + 1
    lines = [p.line for p in error.problems[:-1]]
    assert lines == sorted(lines)
    assert error.problems[-1].message == "… and 20 more problems"


# --- safety --------------------------------------------------------------------------------------


def test_billion_laughs_is_refused_quickly():
    start = time.perf_counter()
    with raises_en(InputError, "alias bomb"):
        load_model(BAD / "billion_laughs.yaml", AgencyFacts)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object/new:os.system",
        "!!python/name:os.system",
        "!!python/object:os.system",
    ],
)
def test_python_tags_never_run_anything(tmp_path, tag):
    marker = tmp_path / "pwned"
    path = write(tmp_path, AGENCY + f'x_payload: {tag} ["touch {marker}"]\n')
    with raises_en(InputError, "is refused"):
        load_model(path, AgencyFacts)
    with raises_en(InputError, "is refused"):
        list(iter_yaml_documents(path.read_text(encoding="utf-8"), file=str(path)))
    assert not marker.exists()


@pytest.mark.parametrize(
    "text",
    [
        "x: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "x:\n" + "- " * 50_000 + "deep\n",
        "x: " + "{a: " * 30_000 + "1" + "}" * 30_000 + "\n",
    ],
)
def test_deep_nesting_is_refused_not_a_crash(text):
    # libyaml's composer would overflow the C stack (a segfault, no exception) on these.
    with raises_en(InputError, "nest more than"):
        parse_yaml(text, file="deep.yaml")
    with raises_en(InputError, "nest more than"):
        list(iter_yaml_documents(AGENCY + "---\n" + text, file="deep.yaml"))


def test_many_inline_lists_still_load():
    # Far more '[' than the cheap depth bound allows, but shallow: the exact check lets it through.
    text = AGENCY + "procedures:\n" + "".join(f"  - {{code: 'P{i}', name: [a, [b]]}}\n" for i in range(600))
    data = parse_yaml(text, file="many.yaml")
    assert len(data["procedures"]) == 600


def test_merge_chains_cannot_grow_exponentially():
    lines = ["x_m0: &m0 {a: 1, b: 2}"]
    lines += [f"x_m{i}: &m{i} {{<<: [*m{i - 1}, *m{i - 1}], k{i}: {i}}}" for i in range(1, 60)]
    start = time.perf_counter()
    data = parse_yaml(AGENCY + "\n".join(lines) + "\n", file="merge.yaml")
    assert time.perf_counter() - start < 1.0
    assert data["x_m59"]["a"] == 1 and data["x_m59"]["k59"] == 59 and data["x_m59"]["k1"] == 1


def test_merge_keys_may_be_overridden_but_written_keys_not_repeated():
    data = parse_yaml("base: &b {a: 1, b: 2}\nx: {<<: *b, b: 3}\n", file="m.yaml")
    assert data["x"] == {"a": 1, "b": 3}
    with raises_en(InputError, "duplicate key 'b'"):
        parse_yaml("base: &b {a: 1}\nx:\n  <<: *b\n  b: 3\n  b: 4\n", file="m.yaml")


def test_an_alias_that_repeats_a_little_is_fine():
    data = parse_yaml(AGENCY + "x_members: &m [a, b]\nx_again: *m\n", file="a.yaml")
    assert data["x_again"] == ["a", "b"]


# --- what loads, and how ------------------------------------------------------------------------


def test_valid_file_with_annotations_loads(tmp_path):
    facts = load_model(
        write(
            tmp_path,
            AGENCY
            + """\
x_notes: Hồ sơ do cán bộ ISO lập
qms:
  standard: TCVN ISO 9001:2015
  x_reviewed_by: Sở KH&CN
  declarations:
    - date: 2018-05-10
      standard: TCVN ISO 9001:2015
reports:
  - kind: annual
    period: "2022"
    submitted: 2022-12-15
""",
        ),
        AgencyFacts,
    )
    assert facts.agency.id == "ubnd-xa-yen-trach"
    assert facts.qms.declarations[0].date == dt.date(2018, 5, 10)


def test_vietnamese_date_string_loads_as_a_date(tmp_path):
    facts = load_model(write(tmp_path, AGENCY + "management_reviews:\n  - date: 20/10/2022\n"), AgencyFacts)
    assert facts.management_reviews[0].date == dt.date(2022, 10, 20)


def test_absent_section_is_none_and_empty_list_is_empty(tmp_path):
    facts = load_model(write(tmp_path, AGENCY + "internal_audits: []\n"), AgencyFacts)
    assert facts.internal_audits == []
    assert facts.legal_changes is None
    assert facts.known("internal_audits") and not facts.known("legal_changes")


def test_dates_as_yaml_reads_them():
    data = parse_yaml("a: 2022-10-05\nb: 2022-02-30\nc: 2022-10-05 10:30:00\n", file="d.yaml")
    assert data == {"a": dt.date(2022, 10, 5), "b": "2022-02-30", "c": dt.datetime(2022, 10, 5, 10, 30)}


def test_utf8_byte_order_mark_is_dropped(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + AGENCY.encode("utf-8"))
    assert read_text(path).startswith("agency:")
    assert load_model(path, AgencyFacts).agency.name == "UBND xã Yên Trạch"


def test_file_name_is_kept_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, AGENCY + "level: x\n")
    assert {p.file for p in problems_of("./agency.yaml")} == {"./agency.yaml"}


# --- reading files -------------------------------------------------------------------------------


def test_missing_file_suggests_a_near_name(tmp_path):
    write(tmp_path, AGENCY, "agency.yml")
    (problem,) = problems_of(tmp_path / "agency.yaml")
    assert "no such file" in problem.message and "agency.yml" in problem.message


def test_folder_is_not_a_file(tmp_path):
    (problem,) = problems_of(tmp_path)
    assert "folder" in problem.message


def test_size_limit_says_how_to_raise_it(tmp_path):
    path = write(tmp_path, AGENCY)
    with pytest.raises(InputError) as caught:
        read_text(path, max_bytes=100)
    message = caught.value.problems[0].message
    assert "--max-input-bytes" in message and "QMS_MAX_INPUT_BYTES" in message and "100 bytes" in message


def test_size_limit_from_the_environment(tmp_path, monkeypatch):
    assert DEFAULT_MAX_BYTES >= 120 * 1000 * 1000
    monkeypatch.setenv("QMS_MAX_INPUT_BYTES", "1K")
    assert max_input_bytes() == 1024
    with raises_en(InputError, "over the input limit"):
        read_text(write(tmp_path, AGENCY * 20))
    monkeypatch.setenv("QMS_MAX_INPUT_BYTES", "lots")
    with raises_en(UsageError, "QMS_MAX_INPUT_BYTES"):
        max_input_bytes()


# --- streams and API input -----------------------------------------------------------------------


def test_stream_documents_come_one_by_one_with_their_lines_and_errors_are_located():
    second = AGENCY.replace("yen-trach", "tan-lien").replace("level: commune", "level: comune")
    text = "# national portfolio\n---\n" + AGENCY + "---\n---\n" + second
    documents = iter_yaml_documents(text, file="all.yaml")
    first, line = next(documents)
    assert line == 3 and validate(AgencyFacts, first, file="all.yaml").agency.id == "ubnd-xa-yen-trach"
    data, line = next(documents)  # the empty document is skipped
    assert line == 11
    with pytest.raises(InputError) as caught:
        validate(AgencyFacts, data, file="all.yaml")  # no text needed: it knows where data came from
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.field) == (14, 10, "agency.level")
    assert "(did you mean 'commune'?)" in problem.message
    assert next(documents, None) is None


def test_validate_locates_within_a_part_of_a_file():
    text = "agencies:\n  - agency:\n      id: Bad Id\n"
    data = parse_yaml(text, file="p.yaml")["agencies"][0]
    with pytest.raises(InputError) as caught:
        validate(AgencyFacts, data, file="p.yaml", text=text, at=("agencies", 0))
    problems = {(p.line, p.field) for p in caught.value.problems}
    assert (3, "agencies[0].agency.id") in problems


def test_validate_with_base_line_offsets_lines():
    with pytest.raises(InputError) as caught:
        validate(
            AgencyFacts,
            {"agency": {"id": "x", "name": "X", "level": "boss"}},
            file="f.yaml",
            text="agency:\n  id: x\n  name: X\n  level: boss\n",
            base_line=10,
        )
    assert [(p.line, p.field) for p in caught.value.problems] == [(14, "agency.level")]


def test_dict_input_has_no_lines():
    with pytest.raises(InputError) as caught:
        validate(AgencyFacts, {"agency": {"id": "x", "name": "X", "level": "commune"}}, file="<dict>")
    assert caught.value.problems == (
        Problem(
            file="<dict>",
            line=None,
            column=None,
            field="agency",
            message="'province' is required for level commune",
            message_vi="cơ quan cấp xã (level commune) phải ghi trường 'province' (tỉnh, thành phố)",
        ),
    )


# --- the error types themselves ------------------------------------------------------------------


def test_render_leaves_out_unknown_parts():
    assert Problem("a.yaml", 12, 5, "x[0].date", "bad").render() == "a.yaml:12:5: x[0].date: bad"
    assert Problem("a.yaml", 12, None, "", "bad").render() == "a.yaml:12: bad"
    assert Problem("a.yaml", None, None, "", "bad").render() == "a.yaml: bad"
    assert Problem("", None, None, "", "two\nlines").render() == "two lines"
    assert str(UsageError("no such command")) == "no such command"


def test_input_error_survives_pickling():
    error = InputError([Problem("f", i, 1, "", f"p{i}") for i in range(MAX_PROBLEMS + 5)])
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is InputError and again.problems == error.problems and str(again) == str(error)


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 999, 1000, 5000])
def test_deep_nesting_gives_the_same_message_whichever_layer_notices_first(levels):
    # Past 1000 levels PyYAML >= 6.0.4 (libyaml) refuses the input itself, and its scanner runs ahead of
    # the engine's event count; below, only the engine's own check can notice. Either way: one message,
    # at the place where the nesting first went past the engine's limit.
    text = AGENCY + "x_deep: " + "[" * levels + "]" * levels + "\n"
    line = AGENCY.count("\n") + 1
    with pytest.raises(InputError) as caught:
        parse_yaml(text, file="deep.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (line, len("x_deep: ") + MAX_DEPTH)
    assert problem.message.startswith(f"lists and mappings nest more than {MAX_DEPTH} levels deep here")


def test_a_yaml_layers_own_nesting_error_is_told_in_the_engines_words():
    # What PyYAML 6.0.4's libyaml raises, as a YAML layer of any version might: the engine's message,
    # located where the limit was first passed (not where the layer's scanner happened to be).
    from engine.yamlio import _yaml_problem

    text = "a:\n  b: " + "[" * 300 + "]" * 300 + "\n"
    far = yaml.Mark("deep.yaml", 250, 1, 240, text, 250)
    error = yaml.scanner.ScannerError("while increasing flow level", None, "exceeded maximum nesting depth", far)
    (problem,) = _yaml_problem(error, "deep.yaml", text).problems
    assert (problem.line, problem.column) == (2, len("  b: ") + MAX_DEPTH - 1)
    assert f"nest more than {MAX_DEPTH} levels" in problem.message
