"""Hostile and broken input through the command line, as users will give it: exit 2, the file, line and
field on stderr, no traceback, nothing on standard output and no output file — for every bad agency
file of tests/bad_inputs/ and for broken portfolios (tests/bad_portfolios/ and links made here).

Most runs call `cli.main` in this process (fast); a few go through a real `python cli.py` process, the
only way to prove that no traceback reaches the user and that the exit status is really 2.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import cli
from engine.errors import MAX_PROBLEMS

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "bad_inputs"
PORTFOLIOS = ROOT / "tests" / "bad_portfolios"
EXPECTED = yaml.safe_load((BAD / "expected.yaml").read_text(encoding="utf-8"))
# A file of two `---` documents is a valid portfolio stream for the CLI (a single-agency loader refuses it).
BAD_FILES = sorted(
    p.name
    for p in BAD.iterdir()
    if p.suffix in (".yaml", ".yml") and p.name not in ("expected.yaml", "two_documents.yaml")
)
AS_OF = "2022-10-28"
SENTINEL = '{"previous": "report"}\n'


# The messages are checked in English here (--lang en); tests/test_messages.py checks the Vietnamese.
def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["evaluate", *args, "--as-of", AS_OF, "--lang", "en"])
    out, err = capsys.readouterr()
    return code, out, err


def run_process(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "evaluate", *args, "--as-of", AS_OF, "--lang", "en"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        cwd=ROOT,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def located(err: str, file: str, line: int | None, field: str, text: str) -> bool:
    """Some stderr line is `file:line:column: field: …text…` (or `file: …` for a whole-file problem)."""
    head = f"{file}:{line}:" if line else f"{file}: "
    return any(
        row.startswith(head) and (not field or f": {field}: " in row) and text in row for row in err.splitlines()
    )


def assert_refused(code: int, out: str, err: str) -> None:
    assert code == 2, err
    assert out == "", "nothing may reach standard output when the input is refused"
    assert "Traceback" not in err and err.strip()


# ------------------------------------------------------------------ every bad agency file


def test_the_bad_files_are_there():
    assert len(BAD_FILES) >= 30


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_agency_file_is_refused_with_file_line_and_field(name, capsys, tmp_path):
    path, expected = str(BAD / name), EXPECTED[name]
    code, out, err = run(capsys, path, "--format", "json")
    assert_refused(code, out, err)
    assert located(err, path, expected["line"], expected["field"], expected["contains"]), err

    existing, new = tmp_path / "out.json", tmp_path / "new.json"
    existing.write_text(SENTINEL, encoding="utf-8")
    for target in (existing, new):
        code, out, err = run(capsys, path, "--format", "json", "--output", str(target))
        assert_refused(code, out, err)
    assert existing.read_text(encoding="utf-8") == SENTINEL, "an existing report must be left untouched"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"], "no new or half-written file"


@pytest.mark.parametrize(
    "name",
    [
        "python_object_tag.yaml",
        "billion_laughs.yaml",
        "deep_nesting.yaml",
        "non_utf8.yaml",
        "utf16.yaml",
        "control_character.yaml",
        "unhashable_key.yaml",
        "alias_cycle.yaml",
    ],
)
def test_bad_agency_file_in_a_real_process(name, tmp_path):
    path, expected = str(BAD / name), EXPECTED[name]
    out = tmp_path / "out.json"
    out.write_text(SENTINEL, encoding="utf-8")
    done = run_process(path, "--format", "json", "--output", str(out))
    assert_refused(done.returncode, done.stdout, done.stderr)
    assert located(done.stderr, path, expected["line"], expected["field"], expected["contains"]), done.stderr
    assert out.read_text(encoding="utf-8") == SENTINEL


def test_a_python_tag_runs_nothing_even_in_a_portfolio(tmp_path):
    marker = tmp_path / "pwned"
    text = (PORTFOLIOS / "one_bad_file" / "a-good.yaml").read_text(encoding="utf-8")
    stream = tmp_path / "stream.yaml"
    stream.write_text(
        text + f'---\n{text}x_payload: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8"
    )
    done = run_process(str(stream))
    assert_refused(done.returncode, done.stdout, done.stderr)
    assert located(done.stderr, str(stream), 14, "x_payload", "is refused")
    assert not marker.exists()


# ------------------------------------------------------------------ portfolios


def test_duplicate_ids_in_a_folder_name_both_places(capsys):
    folder = PORTFOLIOS / "duplicate_ids"
    code, out, err = run(capsys, str(folder))
    assert_refused(code, out, err)
    first, copy = folder / "ubnd-xa-yen-trach.yaml", folder / "ubnd-xa-yen-trach-copy.yaml"
    # Files are read in name order: the copy comes first, so the original is the duplicate.
    assert located(err, str(first), 2, "agency.id", f"duplicate agency id 'ubnd-xa-yen-trach': also at {copy}:4"), err


def test_duplicate_ids_in_an_agencies_file_and_a_stream(capsys, tmp_path):
    agency = (PORTFOLIOS / "one_bad_file" / "a-good.yaml").read_text(encoding="utf-8")
    listed = tmp_path / "list.yaml"
    listed.write_text(
        "agencies:\n" + "".join("  - " + agency.replace("\n", "\n    ").rstrip() + "\n" for _ in range(2)),
        encoding="utf-8",
    )
    code, out, err = run(capsys, str(listed))
    assert_refused(code, out, err)
    assert located(err, str(listed), 9, "agencies[1].agency.id", f"also at {listed}:3"), err
    stream = tmp_path / "stream.yaml"
    stream.write_text(agency + "---\n" + agency, encoding="utf-8")
    code, out, err = run(capsys, str(stream))
    assert_refused(code, out, err)
    assert located(err, str(stream), 9, "agency.id", f"also at {stream}:2"), err


def test_one_bad_file_among_good_ones_stops_the_folder(capsys, tmp_path):
    folder = PORTFOLIOS / "one_bad_file"
    out_file = tmp_path / "province.json"
    code, out, err = run(capsys, str(folder), "--format", "json", "--output", str(out_file))
    assert_refused(code, out, err)
    assert located(err, str(folder / "b-bad.yaml"), 8, "management_reviews[0].date", "'2022-02-30' is not a real date")
    assert "a-good.yaml" not in err and "c-good.yaml" not in err
    assert not out_file.exists() and list(tmp_path.iterdir()) == []


def test_one_bad_file_among_good_ones_in_a_real_process_with_workers(tmp_path):
    out_file = tmp_path / "province.json"
    out_file.write_text(SENTINEL, encoding="utf-8")
    done = run_process(str(PORTFOLIOS / "one_bad_file"), "--format", "json", "--jobs", "2", "--output", str(out_file))
    assert_refused(done.returncode, done.stdout, done.stderr)
    assert "b-bad.yaml:8:" in done.stderr
    assert out_file.read_text(encoding="utf-8") == SENTINEL


def test_a_bad_second_document_of_a_stream_is_located_in_the_whole_file(capsys):
    path = PORTFOLIOS / "stream_bad_second.yaml"
    code, out, err = run(capsys, str(path), "--format", "json")
    assert_refused(code, out, err)
    assert located(err, str(path), 17, "internal_audits[0].date", "'2022-13-01' is not a real date"), err


def test_line_numbers_quoted_inside_messages_are_the_whole_files_too(capsys):
    path = PORTFOLIOS / "stream_syntax_second.yaml"
    code, out, err = run(capsys, str(path))
    assert_refused(code, out, err)
    # The unclosed '[' is on line 14, found on line 15; the third document's typo is reported as well.
    assert located(err, str(path), 15, "", "flow sequence at line 14, column 13"), err
    assert located(err, str(path), 23, "agency.typo_key", "unknown key 'typo_key'"), err


def test_a_duplicate_key_in_a_later_document_quotes_the_whole_files_lines(capsys, tmp_path):
    agency = (PORTFOLIOS / "one_bad_file" / "a-good.yaml").read_text(encoding="utf-8")
    path = tmp_path / "stream.yaml"
    path.write_text(
        agency
        + "---\n"
        + agency.replace("  name: UBND xã A\n", "  name: UBND xã A\n  name: Xã A\n").replace("ubnd-xa-a", "ubnd-xa-b"),
        encoding="utf-8",
    )
    code, out, err = run(capsys, str(path))
    assert_refused(code, out, err)
    assert located(err, str(path), 11, "agency.name", "(first at line 10, again at line 11)"), err


def test_an_agencies_file_whose_agencies_is_not_a_list(capsys):
    path = PORTFOLIOS / "agencies_not_a_list.yaml"
    code, out, err = run(capsys, str(path))
    assert_refused(code, out, err)
    assert located(err, str(path), 2, "agencies", "a list of agency documents"), err
    assert "not a mapping" in err


def test_a_bad_member_of_an_agencies_file_is_located(capsys):
    path = PORTFOLIOS / "agencies_bad_member.yaml"
    code, out, err = run(capsys, str(path))
    assert_refused(code, out, err)
    assert located(err, str(path), 11, "agencies[1].agency.level", "'village' is not allowed here"), err


def test_a_folder_reads_only_its_own_yaml_files(capsys, tmp_path):
    folder = tmp_path / "district"
    shutil.copytree(PORTFOLIOS / "mixed_folder", folder)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.yaml").write_text("agency: {id: secret, name: S, level: central}\n", encoding="utf-8")
    (outside / "broken.yaml").write_text("agency: [\n", encoding="utf-8")
    (folder / "secret.yaml").symlink_to(outside / "secret.yaml")  # a file link out: not followed
    (folder / "linked-dir").symlink_to(outside, target_is_directory=True)  # a folder link out: not entered
    (folder / "again.yaml").symlink_to(folder / "ubnd-xa-a.yaml")  # a link inside: read (a duplicate)
    (folder / ".github" / "workflows").mkdir(parents=True)  # hidden folders are not read
    (folder / ".github" / "workflows" / "ci.yml").write_text("on: [push]\njobs: {}\n", encoding="utf-8")
    code, out, err = run(capsys, str(folder), "--format", "json")
    assert_refused(code, out, err)
    assert "secret" not in err and "broken" not in err and "elsewhere" not in err and ".github" not in err
    assert located(err, str(folder / "ubnd-xa-a.yaml"), 2, "agency.id", "duplicate agency id 'ubnd-xa-a'"), err
    (folder / "again.yaml").unlink()
    code, out, err = run(capsys, str(folder), "--format", "json")
    assert code in (0, 1), err
    assert sorted(a["agency"]["id"] for a in json.loads(out)["agencies"]) == ["ubnd-xa-a", "ubnd-xa-b"]
    assert "README" not in err and "export.json" not in err and ".bak" not in err and "editor-swap" not in err


def test_a_broken_link_or_a_loop_in_a_folder_is_reported_not_a_crash(capsys, tmp_path):
    folder = tmp_path / "district"
    shutil.copytree(PORTFOLIOS / "one_bad_file", folder)
    (folder / "b-bad.yaml").unlink()
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    (folder / "gone.yaml").symlink_to(folder / "deleted.yaml")
    code, out, err = run(capsys, str(folder))
    assert_refused(code, out, err)
    assert located(err, str(folder / "loop.yaml"), None, "", "cannot be read"), err
    assert located(err, str(folder / "gone.yaml"), None, "", "no such file"), err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_in_a_folder_is_never_opened(capsys, tmp_path):
    folder = tmp_path / "district"
    shutil.copytree(PORTFOLIOS / "mixed_folder", folder)
    os.mkfifo(folder / "pipe.yaml")  # opening it would wait forever for a writer
    code, out, err = run(capsys, str(folder))
    assert code in (0, 1), err


def test_output_onto_the_input_file_is_refused(capsys, tmp_path):
    path = tmp_path / "agency.yaml"
    shutil.copy(PORTFOLIOS / "one_bad_file" / "a-good.yaml", path)
    before = path.read_bytes()
    code, out, err = run(capsys, str(path), "--output", str(path))
    assert_refused(code, out, err)
    assert "is the input file itself" in err
    assert path.read_bytes() == before


# ------------------------------------------------------------------ size limit


def _big_agency(tmp_path: Path, size: int) -> Path:
    agency = (PORTFOLIOS / "one_bad_file" / "a-good.yaml").read_text(encoding="utf-8")
    path = tmp_path / "big.yaml"
    path.write_text(agency + "# padding\n" * (size // 10), encoding="utf-8")
    return path


def test_an_input_over_the_size_limit_says_how_to_raise_it(capsys, tmp_path):
    path = _big_agency(tmp_path, 2000)
    code, out, err = run(capsys, str(path), "--max-input-bytes", "1000")
    assert_refused(code, out, err)
    assert located(err, str(path), None, "", "over the input limit of 1000 bytes"), err
    assert "--max-input-bytes" in err and "QMS_MAX_INPUT_BYTES" in err
    assert run(capsys, str(path), "--max-input-bytes", "3K")[0] in (0, 1)


def test_the_size_limit_applies_to_every_file_of_a_folder_and_to_the_environment(tmp_path):
    folder = tmp_path / "district"
    shutil.copytree(PORTFOLIOS / "mixed_folder", folder)
    big = _big_agency(folder, 5000)
    done = run_process(str(folder), env={"QMS_MAX_INPUT_BYTES": "4K"})
    assert_refused(done.returncode, done.stdout, done.stderr)
    assert f"{big}: the file is" in done.stderr and "over the input limit of 4.0 KiB" in done.stderr
    # The limit is the user's, for facts files: it never refuses the engine's own rules files.
    assert "rules/" not in done.stderr
    done = run_process(str(folder), "--max-input-bytes", "abc")
    assert done.returncode == 2 and "'abc' is not a size" in done.stderr and "Traceback" not in done.stderr


# ------------------------------------------------------------------ many problems at once


def test_several_problems_of_one_file_are_reported_together(capsys):
    path = PORTFOLIOS / "several_problems.yaml"
    code, out, err = run(capsys, str(path))
    assert_refused(code, out, err)
    expected = [
        (2, "agency.id", "is not a valid id"),
        (7, "interal_audits", "did you mean 'internal_audits'"),
        (9, "internal_audits[0].date", "not a real date"),
        (11, "internal_audits[0].nonconformities[0].id", "required key 'id' is missing"),
        (14, "reports[0].period", "is not a monthly period"),
        (16, "reports[1].kind", "'weekly'"),
        (18, "reports[1].submitted", "'21/13/2022' is not a real date"),
    ]
    for line, field, text in expected:
        assert located(err, str(path), line, field, text), (line, field, err)
    assert len(err.splitlines()) == len(expected)


def test_problems_are_capped_with_a_count_of_the_rest(capsys):
    path = PORTFOLIOS / "many_problems.yaml"
    code, out, err = run(capsys, str(path))
    assert_refused(code, out, err)
    rows = err.splitlines()
    assert len(rows) == MAX_PROBLEMS + 1
    assert rows[-1] == f"{path}: … and {70 - MAX_PROBLEMS} more problems"


def test_problems_of_many_files_are_capped_too(capsys, tmp_path):
    folder = tmp_path / "nation"
    folder.mkdir()
    for i in range(60):
        (folder / f"a{i:02d}.yaml").write_text("agency: [\n", encoding="utf-8")
    code, out, err = run(capsys, str(folder))
    assert_refused(code, out, err)
    rows = err.splitlines()
    assert len(rows) == MAX_PROBLEMS + 1 and rows[-1] == "… and 10 more problems"


def test_a_missing_path_names_the_close_files(capsys, tmp_path):
    shutil.copy(PORTFOLIOS / "one_bad_file" / "a-good.yaml", tmp_path / "agency.yaml")
    code, out, err = run(capsys, str(tmp_path / "agency.yml"))
    assert_refused(code, out, err)
    assert err.strip() == f"{tmp_path / 'agency.yml'}: no such file or folder; did you mean 'agency.yaml'?"


# ------------------------------------------------------------------ issue 9: portfolios and paths


@pytest.mark.parametrize(
    ("name", "line", "field", "text"),
    [
        ("stream_cr_only_lines.yaml", 17, "internal_audits[0].date", "'2022-13-01' is not a real date"),
        ("agencies_impossible_member.yaml", 17, "agencies[1].reports[0].submitted", "before its period 2022-Q4 began"),
        ("stream_control_character_second.yaml", 10, "agency.name", "'UBND xã B\\x1b[8m' contains the control"),
        ("stream_deep_second.yaml", 14, "", "nest more than 100 levels"),
        ("agencies_member_not_a_mapping.yaml", 8, "agencies[1]", "not the text 'ubnd-xa-b'"),
    ],
)
def test_a_bad_member_of_a_portfolio_is_located_in_the_whole_file(capsys, tmp_path, name, line, field, text):
    path = str(PORTFOLIOS / name)
    out_file = tmp_path / "report.json"
    out_file.write_text(SENTINEL, encoding="utf-8")
    code, out, err = run(capsys, path, "--format", "json", "--output", str(out_file))
    assert_refused(code, out, err)
    assert located(err, path, line, field, text), err
    assert "\x1b" not in err and out_file.read_text(encoding="utf-8") == SENTINEL


def test_a_bad_file_of_a_folder_with_full_width_digits_is_named(capsys):
    folder = PORTFOLIOS / "fullwidth_in_folder"
    code, out, err = run(capsys, str(folder))
    assert_refused(code, out, err)
    assert located(err, str(folder / "b.yaml"), 9, "reports[0].period", "write the digits as 0–9"), err


def test_a_note_with_a_line_starting_with_agencies_is_still_one_agency(capsys, tmp_path):
    path = tmp_path / "agency.yaml"
    agency = (PORTFOLIOS / "one_bad_file" / "a-good.yaml").read_text(encoding="utf-8")
    path.write_text(agency + 'x_note: "Imported from the province\'s list;\nagencies: see the district file"\n')
    code, out, err = run(capsys, str(path), "--format", "json")
    assert code in (0, 1), err
    assert json.loads(out)["agency"]["id"] == "ubnd-xa-a"


def test_an_input_that_is_a_loop_of_links_says_so(capsys, tmp_path):
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    code, out, err = run(capsys, str(loop))
    assert_refused(code, out, err)
    assert err.strip() == (
        f"{loop}: the file cannot be read: it is a loop of symbolic links (a link that leads back to itself)"
    )


def test_an_input_that_is_a_link_to_nothing_names_where_it_points(capsys, tmp_path):
    link = tmp_path / "agency.yaml"
    link.symlink_to(tmp_path / "moved" / "agency.yaml")
    code, out, err = run(capsys, str(link))
    assert_refused(code, out, err)
    assert (
        err.strip()
        == f"{link}: no such file: it is a symbolic link to '{tmp_path}/moved/agency.yaml', which does not exist"
    )


def test_a_list_portfolio_too_big_for_one_document_says_what_to_do_instead(capsys, tmp_path, monkeypatch):
    from engine import yamlio

    monkeypatch.setattr(yamlio, "MAX_NODES", 200)
    agency = (PORTFOLIOS / "one_bad_file" / "a-good.yaml").read_text(encoding="utf-8")
    listed = tmp_path / "list.yaml"
    listed.write_text(
        "agencies:\n"
        + "".join(
            "  - " + agency.replace("ubnd-xa-a", f"ubnd-xa-{i}").replace("\n", "\n    ").rstrip() + "\n"
            for i in range(30)
        ),
        encoding="utf-8",
    )
    code, out, err = run(capsys, str(listed))
    assert_refused(code, out, err)
    assert "more than 200 values" in err and "a folder of agency files or a '---' stream" in err


@pytest.mark.parametrize("as_of", ["9999-12-31", "２０２２-１０-２８"])
def test_an_as_of_the_engine_cannot_compute_with_is_refused_before_reading(capsys, as_of):
    code, out, err = run_raw(capsys, str(PORTFOLIOS / "one_bad_file"), "--as-of", as_of)
    assert_refused(code, out, err)
    assert err.startswith("--as-of: ")


def run_raw(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["evaluate", *args, "--lang", "en"])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_stream_with_nel_line_breaks_is_read_like_any_other(capsys, tmp_path):
    agency = (PORTFOLIOS / "one_bad_file" / "a-good.yaml").read_text(encoding="utf-8")
    stream = tmp_path / "stream.yaml"
    stream.write_text(
        ("# exported by a mainframe\n" + agency + "---\n" + agency.replace("ubnd-xa-a", "ubnd-xa-b")).replace(
            "\n", "\x85"
        ),
        encoding="utf-8",
    )
    code, out, err = run(capsys, str(stream), "--format", "json")
    assert code in (0, 1), err
    assert [a["agency"]["id"] for a in json.loads(out)["agencies"]] == ["ubnd-xa-a", "ubnd-xa-b"]
