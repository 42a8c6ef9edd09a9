"""`--output` never destroys anything (engine/output.py): never an input or anything inside what is
read, never a device, a named pipe or a link replaced by a file; a regular file replaced in one step
keeping its permissions, owner and hard links; every refusal made before the run, naming the user's
path; nothing half-written left by an error or a signal.

We run as root: devices are only ever the machine's /dev/null and /dev/full, given to the code path
under test in tests that prove they are written to and not replaced (and checked after each one);
named pipes are made in a temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import cli
from engine import output

ROOT = Path(__file__).resolve().parent.parent
AGENCY = ROOT / "tests" / "bad_portfolios" / "one_bad_file" / "a-good.yaml"
AS_OF = "2022-10-28"
SENTINEL = '{"previous": "report"}\n'


@pytest.fixture(autouse=True)
def messages_in_english(monkeypatch):
    """Messages are checked in English here (subprocesses inherit it); the Vietnamese of a few is
    checked where they are tested in both languages."""
    monkeypatch.setenv("HTQLCL_LANG", "en")


def evaluate(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["evaluate", *args, "--as-of", AS_OF])
    out, err = capsys.readouterr()
    return code, out, err


def report_of(capsys, path: Path, fmt: str = "json") -> str:
    code, out, err = evaluate(capsys, str(path), "--format", fmt)
    assert code in (0, 1), err
    return out


def no_temporary_files(folder: Path) -> bool:
    return not [p for p in folder.rglob("*") if p.name.endswith(".part")]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    district = tmp_path / "district"
    district.mkdir()
    shutil.copy(AGENCY, district / "agency.yaml")
    return district


def written_to_directly(path: str) -> None:
    """Before a system path is given to the CLI at all: the code under test must already classify it as
    written to directly (a test run against code without engine/output.py stops here, never replacing
    the machine's /dev/null)."""
    dest = output.prepare(path)
    dest.discard()
    assert dest.kind in ("direct", "descriptor"), path


@pytest.fixture(autouse=True)
def devices_are_still_devices():
    yield
    for device in ("/dev/null", "/dev/full"):
        if os.path.exists(device):
            assert stat.S_ISCHR(os.lstat(device).st_mode), f"{device} is no longer a character device"
    if os.path.lexists("/dev/stdout"):
        assert not stat.S_ISREG(os.lstat("/dev/stdout").st_mode), "/dev/stdout was replaced by a file"


# ------------------------------------------------------------------ never an input, nor inside one


def test_output_onto_a_file_of_the_folder_being_read_is_refused(capsys, folder):
    target = folder / "agency.yaml"
    before = target.read_bytes()
    code, out, err = evaluate(capsys, str(folder), "--output", str(target))
    assert code == 2 and out == ""
    assert err.startswith(f"--output: {target} is inside the folder being read ({folder})"), err
    assert target.read_bytes() == before
    assert no_temporary_files(folder)


def test_a_new_file_inside_the_folder_being_read_is_refused_too(capsys, folder):
    target = folder / "sub" / "report.json"
    target.parent.mkdir()
    code, _, err = evaluate(capsys, str(folder), "--output", str(target))
    assert code == 2 and "is inside the folder being read" in err
    assert not target.exists() and no_temporary_files(folder)


def test_the_folder_reached_through_a_link_is_still_the_folder(capsys, folder, tmp_path):
    (tmp_path / "alias").symlink_to(folder, target_is_directory=True)
    code, _, err = evaluate(capsys, str(folder), "--output", str(tmp_path / "alias" / "report.json"))
    assert code == 2 and "is inside the folder being read" in err
    code, _, err = evaluate(capsys, str(tmp_path / "alias"), "--output", str(folder / "report.json"))
    assert code == 2 and "is inside the folder being read" in err


def test_a_link_to_an_input_file_is_the_input_file(capsys, tmp_path):
    facts = tmp_path / "agency.yaml"
    shutil.copy(AGENCY, facts)
    before = facts.read_bytes()
    (tmp_path / "report.json").symlink_to(facts)
    os.link(facts, tmp_path / "hard.yaml")
    for target in ("report.json", "hard.yaml"):
        code, _, err = evaluate(capsys, str(facts), "--output", str(tmp_path / target))
        assert code == 2 and "is the input file itself" in err, err
    assert facts.read_bytes() == before


@pytest.mark.parametrize("form", ["stream", "list"])
def test_a_portfolio_file_is_never_its_own_output(capsys, tmp_path, form):
    text = AGENCY.read_text(encoding="utf-8")
    path = tmp_path / "portfolio.yaml"
    if form == "stream":
        path.write_text(text + "---\n" + text.replace("ubnd-xa-a", "ubnd-xa-b"), encoding="utf-8")
    else:
        path.write_text("agencies:\n  - " + text.replace("\n", "\n    ").rstrip() + "\n", encoding="utf-8")
    before = path.read_bytes()
    code, _, err = evaluate(capsys, str(path), "--output", str(path))
    assert code == 2 and "is the input file itself" in err
    assert path.read_bytes() == before


def test_the_rules_being_read_are_never_written_into(capsys, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    code, _, err = evaluate(capsys, str(AGENCY), "--rules", str(rules), "--output", str(rules / "report.json"))
    assert code == 2 and "is inside the folder being read" in err
    assert cli.main(["rules", "--rules", str(rules), "--output", str(rules / "list.txt")]) == 2
    assert not (rules / "report.json").exists() and not (rules / "list.txt").exists()


# ------------------------------------------------------------------ regular files


def test_a_new_report_gets_the_usual_permissions_and_no_temporary_file_remains(capsys, tmp_path):
    target = tmp_path / "report.json"
    code, _, err = evaluate(capsys, str(AGENCY), "--format", "json", "--output", str(target))
    assert code in (0, 1), err
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert json.loads(target.read_text(encoding="utf-8"))["agency"]["id"] == "ubnd-xa-a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_a_replaced_report_keeps_its_permissions_and_owner(capsys, tmp_path):
    target = tmp_path / "report.json"
    target.write_text(SENTINEL, encoding="utf-8")
    os.chmod(target, 0o640)
    owner = (65534, 65534) if os.geteuid() == 0 else (os.getuid(), os.getgid())
    if os.geteuid() == 0:
        os.chown(target, *owner)
    code, _, err = evaluate(capsys, str(AGENCY), "--format", "json", "--output", str(target))
    assert code in (0, 1), err
    info = target.stat()
    assert stat.S_IMODE(info.st_mode) == 0o640
    assert (info.st_uid, info.st_gid) == owner
    assert target.read_text(encoding="utf-8") == report_of(capsys, AGENCY)


def test_a_file_with_other_hard_links_is_rewritten_in_place(capsys, tmp_path):
    target, other = tmp_path / "report.json", tmp_path / "published.json"
    target.write_text(SENTINEL * 1000, encoding="utf-8")  # longer than the report: it must shrink
    os.link(target, other)
    inode = target.stat().st_ino
    code, _, err = evaluate(capsys, str(AGENCY), "--format", "json", "--output", str(target))
    assert code in (0, 1), err
    assert target.stat().st_ino == inode and target.stat().st_nlink == 2
    assert other.read_text(encoding="utf-8") == report_of(capsys, AGENCY)


def test_a_link_to_a_report_stays_a_link_and_its_target_gets_the_report(capsys, tmp_path):
    target, link = tmp_path / "2022" / "report.json", tmp_path / "latest.json"
    target.parent.mkdir()
    target.write_text(SENTINEL, encoding="utf-8")
    link.symlink_to(target)
    code, _, err = evaluate(capsys, str(AGENCY), "--format", "json", "--output", str(link))
    assert code in (0, 1), err
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == report_of(capsys, AGENCY)
    assert no_temporary_files(tmp_path)


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p: p.symlink_to(p.parent / "nowhere.json"), "which does not exist"),
        (lambda p: p.symlink_to(p), "is a loop of symbolic links"),
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: (p.write_text(SENTINEL), p.chmod(0o444)), "is read-only"),
    ],
    ids=["dangling-link", "link-loop", "folder", "read-only"],
)
def test_what_cannot_take_a_report_is_refused_naming_the_users_path(capsys, tmp_path, make, says):
    target = tmp_path / "report.json"
    make(target)
    if "read-only" in says and os.geteuid() == 0:
        pytest.skip("root may write a read-only file; the check is for other users")
    code, out, err = evaluate(capsys, str(AGENCY), "--output", str(target))
    assert code == 2 and out == ""
    assert err.startswith(f"--output: {target} "), err
    assert says in err and ".part" not in err and "Traceback" not in err
    assert not (tmp_path / "nowhere.json").exists() and no_temporary_files(tmp_path)


def test_a_folder_that_does_not_exist_is_found_before_the_run(capsys, tmp_path, monkeypatch):
    from engine import portfolio

    def never(*args, **kwargs):
        raise AssertionError("the agencies were read before the output was checked")

    monkeypatch.setattr(portfolio, "discover", never)
    target = tmp_path / "missing" / "report.json"
    code, out, err = evaluate(capsys, str(AGENCY), "--output", str(target))
    assert code == 2 and out == ""
    assert err.strip() == f"--output: {target} the folder {target.parent} does not exist"


# ------------------------------------------------------------------ devices, pipes, descriptors


def test_dev_null_is_written_to_never_replaced(capsys):
    written_to_directly("/dev/null")
    before = os.stat("/dev/null")
    code, out, err = evaluate(capsys, str(AGENCY), "--format", "json", "--output", "/dev/null")
    assert code in (0, 1), err
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev and after.st_ino == before.st_ino
    assert not [p for p in Path("/dev").glob(".null.*")]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="Linux's /dev/full")
def test_a_full_device_is_an_error_not_a_success(capsys):
    written_to_directly("/dev/full")
    code, out, err = evaluate(capsys, str(AGENCY), "--output", "/dev/full")
    assert code == 2 and out == ""
    assert err.strip() == "--output: /dev/full could not be written: no space left on the device"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_is_written_to_not_replaced(capsys, tmp_path):
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code, _, err = evaluate(capsys, str(AGENCY), "--format", "json", "--output", str(fifo))
    reader.join(10)
    assert code in (0, 1), err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received and received[0].decode("utf-8") == report_of(capsys, AGENCY)


def test_dev_stdout_writes_to_the_open_descriptor_without_truncating_it(tmp_path):
    written_to_directly("/dev/stdout")
    log = tmp_path / "log.txt"
    log.write_text("earlier runs\n", encoding="utf-8")
    inode = log.stat().st_ino
    with open(log, "a", encoding="utf-8") as appended:
        done = subprocess.run(
            [sys.executable, str(ROOT / "cli.py"), "evaluate", str(AGENCY), "--as-of", AS_OF]
            + ["--format", "json", "--output", "/dev/stdout"],
            stdout=appended,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert done.returncode in (0, 1), done.stderr
    text = log.read_text(encoding="utf-8")
    assert text.startswith("earlier runs\n{") and log.stat().st_ino == inode
    assert json.loads(text[len("earlier runs\n") :])["agency"]["id"] == "ubnd-xa-a"


def test_a_descriptor_open_for_reading_only_is_refused(capsys, tmp_path):
    with open(AGENCY, "rb") as readonly:
        code, _, err = evaluate(capsys, str(AGENCY), "--output", f"/dev/fd/{readonly.fileno()}")
    assert code == 2 and "is open for reading only" in err


# ------------------------------------------------------------------ interrupted writing


def test_an_interrupt_during_the_final_copy_leaves_the_old_report_and_no_temporary_file(capsys, tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text(SENTINEL, encoding="utf-8")
    real_copy = output._copy

    def interrupted(src, dst, size):
        dst.write(b"{ half a report")
        dst.flush()
        os.kill(os.getpid(), signal.SIGTERM)  # the handler raises at the next instruction
        real_copy(src, dst, size)

    monkeypatch.setattr(output, "_copy", interrupted)
    folder = tmp_path / "district"
    shutil.copytree(AGENCY.parent, folder)
    (folder / "b-bad.yaml").unlink()
    code, out, err = evaluate(capsys, str(folder), "--format", "json", "--output", str(target))
    assert code == 128 + signal.SIGTERM
    assert err.strip() == "htqlcl: interrupted by SIGTERM; nothing was written"
    assert target.read_text(encoding="utf-8") == SENTINEL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["district", "report.json"]


def test_a_file_rewritten_in_place_is_never_left_half_written_by_a_signal(capsys, tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text(SENTINEL, encoding="utf-8")
    os.link(target, tmp_path / "published.json")  # so it is rewritten in place
    real_copy = output._copy

    def interrupted(src, dst, size):
        os.kill(os.getpid(), signal.SIGTERM)  # held off until the whole report is in place
        real_copy(src, dst, size)

    folder = tmp_path / "district"
    shutil.copytree(AGENCY.parent, folder)
    (folder / "b-bad.yaml").unlink()
    expected = report_of(capsys, folder)
    monkeypatch.setattr(output, "_copy", interrupted)
    code, out, err = evaluate(capsys, str(folder), "--format", "json", "--output", str(target))
    assert code == 128 + signal.SIGTERM
    assert err.strip() == "htqlcl: interrupted by SIGTERM after the report was written"
    assert target.read_text(encoding="utf-8") == expected


def test_sigterm_in_the_middle_of_a_run_leaves_nothing(tmp_path):
    folder = tmp_path / "province"
    folder.mkdir()
    text = (ROOT / "fixtures" / "agencies" / "ubnd-huyen-quang-dien.yaml").read_text(encoding="utf-8")
    for i in range(400):
        (folder / f"a{i:04d}.yaml").write_text(
            text.replace("ubnd-huyen-quang-dien", f"ubnd-huyen-{i:04d}"), encoding="utf-8"
        )
    target = tmp_path / "report.json"
    target.write_text(SENTINEL, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "cli.py"), "evaluate", str(folder), "--as-of", AS_OF, "--jobs", "1"]
        + ["--format", "json", "--output", str(target)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # Once the temporary file exists the run is under way.
        for _ in range(600):
            if list(tmp_path.glob(".report.json.*")):
                break
            if process.poll() is not None:
                pytest.fail("the run ended before it could be interrupted")
            threading.Event().wait(0.05)
        threading.Event().wait(0.5)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 128 + signal.SIGTERM, err
    assert err.strip() == "htqlcl: interrupted by SIGTERM; nothing was written"
    assert target.read_text(encoding="utf-8") == SENTINEL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["province", "report.json"]
