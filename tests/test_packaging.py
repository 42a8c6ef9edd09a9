"""The package as a user installs it: the wheel built from this checkout, installed with the locked
dependencies into a new virtual environment outside the repository, must carry everything the program
needs and give the checkout's output byte for byte."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from engine import __version__

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "agencies" / "ubnd-huyen-quang-dien.yaml"
PROVINCE = ROOT / "fixtures" / "provinces" / "thua-thien-hue-2022-10"
AS_OF = "2022-10-28"


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=900, **kwargs)


def _pip(python: Path, *args: str) -> None:
    env = dict(os.environ)
    if sys.version_info >= (3, 13):
        env["CPPFLAGS"] = "-DPyEval_CallObject=PyObject_CallObject"
    done = _run([str(python), "-m", "pip", "--disable-pip-version-check", "-q", *args], env=env)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _pip(Path(sys.executable), "wheel", "--no-deps", "--no-build-isolation", "-w", str(out), str(ROOT))
    (built,) = out.glob("*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The `bin` folder of a new environment holding the wheel and the locked runtime dependencies."""
    home = tmp_path_factory.mktemp("venv")
    assert not home.resolve().is_relative_to(ROOT)
    venv.EnvBuilder(with_pip=True).create(home)
    python = home / "bin" / "python"
    _pip(python, "install", "--require-hashes", "-r", str(ROOT / "requirements" / "build.txt"))
    _pip(
        python, "install", "--require-hashes", "--no-build-isolation", "-r", str(ROOT / "requirements" / "runtime.txt")
    )
    _pip(python, "install", "--no-deps", str(wheel))
    return home / "bin"


def test_the_wheel_carries_the_whole_program(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for module in (
        "engine/cli.py",
        "engine/__main__.py",
        "engine/render/html.py",
        "engine/livedoc/build.py",
        "engine/steps/common.py",
        "engine/data/provinces.yaml",
        "engine/data/non_working_days.yaml",
    ):
        assert module in names, module
    builtin = "engine/_builtin/"
    for folder, suffix in (
        ("rules", ".yaml"),
        ("rules/register", ".yaml"),
        ("rules/sources", ".md"),
        ("features", ".feature"),
        ("fixtures/agencies", ".yaml"),
    ):
        ours = sorted(p.name for p in (ROOT / folder).iterdir() if p.is_file() and p.suffix == suffix)
        theirs = sorted(
            Path(n).name
            for n in names
            if n.startswith(f"{builtin}{folder}/")
            and n.endswith(suffix)
            and n.count("/") == f"{builtin}{folder}/".count("/")
        )
        assert ours and theirs == ours, folder
    assert not any(n.startswith(("tests/", "bench/", "scripts/")) for n in names)
    assert f"htqlcl-{__version__}.dist-info/entry_points.txt" in names
    entry = zipfile.ZipFile(wheel).read(f"htqlcl-{__version__}.dist-info/entry_points.txt").decode()
    assert "htqlcl = engine.cli:main" in entry


@pytest.mark.parametrize(
    ("path", "fmt"), [(DEMO, "json"), (DEMO, "text"), (PROVINCE, "json"), (PROVINCE, "html")], ids=str
)
def test_installed_command_gives_the_checkouts_bytes(installed, tmp_path, path, fmt):
    args = ["evaluate", str(path), "--as-of", AS_OF, "--format", fmt]
    ours = _run([sys.executable, str(ROOT / "cli.py"), *args], cwd=ROOT)
    theirs = _run([str(installed / "htqlcl"), *args], cwd=tmp_path)  # far from the checkout
    assert ours.returncode == 1, ours.stderr
    assert (theirs.returncode, theirs.stdout, theirs.stderr) == (ours.returncode, ours.stdout, ours.stderr)


def test_installed_package_runs_as_a_module_and_says_its_version(installed, tmp_path):
    for command in ([str(installed / "htqlcl"), "--version"], [str(installed / "python"), "-m", "engine", "--version"]):
        done = _run(command, cwd=tmp_path)
        assert (done.returncode, done.stdout.strip()) == (0, f"htqlcl {__version__}")
    done = _run([str(installed / "htqlcl"), "rules", "--format", "json"], cwd=tmp_path)
    assert done.returncode == 0 and '"QD19-ADOPT"' in done.stdout


def test_installed_package_builds_the_living_documentation(installed, tmp_path):
    """`report` runs every built-in scenario from the installed package, as the checkout does: none
    fails, none is left out."""
    counts = []
    for command, cwd in (([sys.executable, str(ROOT / "cli.py")], ROOT), ([str(installed / "htqlcl")], tmp_path)):
        site = tmp_path / f"site-{len(counts)}"
        done = _run([*command, "report", "--output", str(site)], cwd=cwd)
        assert done.returncode == 0 and done.stderr == "", done.stderr
        index = (site / "index.md").read_text(encoding="utf-8")
        counts.append(re.findall(r"^\| (thành công|thất bại|chưa chạy) \| (\d+) \|", index, re.MULTILINE))
    assert counts[0] == counts[1]
    assert (
        dict(counts[1])["thất bại"] == dict(counts[1])["chưa chạy"] == "0" and int(dict(counts[1])["thành công"]) > 300
    )


EXAMPLE = ROOT / "examples" / "ke-hoach-2026-lam-dong"


def test_installed_package_checks_and_applies_the_example_pack(installed, tmp_path):
    """A province's plan kept outside the repository: the example pack, copied far from the checkout,
    passes `htqlcl rules check` with the installed command, and evaluates an agency and a portfolio."""
    pack = tmp_path / "kho-cua-tinh" / "ke-hoach-2026"
    shutil.copytree(EXAMPLE, pack)
    htqlcl = str(installed / "htqlcl")
    checked = _run([htqlcl, "rules", "check", str(pack)], cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "34 kịch bản: 34 đạt, 0 không đạt, 0 không chạy." in checked.stdout
    agency = pack / "agencies" / "so-noi-vu-lam-dong.yaml"
    one = _run([htqlcl, "evaluate", str(agency), "--rules", str(pack), "--as-of", "2026-03-31", "--format", "json"])
    assert one.returncode == 1, one.stderr  # the March report was late
    findings = {(f["rule"], f["subject"]): f["status"] for f in json.loads(one.stdout)["findings"]}
    assert findings[("LD26-MONTHLY-REPORT", "2026-03")] == "violation"
    assert findings[("LD26-LEGAL-UPDATE", "Nghị định 25/2026/NĐ-CP (ví dụ)")] == "compliant"
    portfolio = _run(
        [htqlcl, "evaluate", str(pack / "danh-muc"), "--rules", str(pack), "--as-of", "2027-01-15", "--format", "json"]
    )
    target = [f for f in json.loads(portfolio.stdout)["portfolio_findings"] if f["rule"] == "LD26-COMMUNE-TARGET"]
    assert [f["status"] for f in target] == ["violation"]  # 9 of 10 communes: exactly 90% is not "over 90%"
    site = _run([htqlcl, "report", "--rules", str(pack), "--output", str(tmp_path / "site")], cwd=tmp_path)
    assert site.returncode == 0 and site.stderr == "", site.stderr
    assert "LD26-COMMUNE-TARGET" in (tmp_path / "site" / "ke_hoach_2026.md").read_text(encoding="utf-8")


def test_installed_package_scaffolds_a_pack_that_passes(installed, tmp_path):
    htqlcl = str(installed / "htqlcl")
    made = _run(
        [htqlcl, "rules", "new", "goi-moi", "--id", "KH27", "--province", "Cần Thơ", "--year", "2027"], cwd=tmp_path
    )
    assert made.returncode == 0, made.stderr
    checked = _run([htqlcl, "rules", "check", "goi-moi"], cwd=tmp_path)
    assert checked.returncode == 0 and "Kết quả: 1/1 gói quy tắc đạt." in checked.stdout, checked.stdout
