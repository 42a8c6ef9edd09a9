"""Rule packs (engine/packs): a plan kept outside the repository, checked like the project's own rules
and applied next to the built-in rulebook, from the command line as a province would use it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from engine.packs import open_pack
from engine.packs.health import check_pack
from engine.packs.scaffold import new_pack
from tests.processes import run_cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "agencies" / "so-khcn-thua-thien-hue.yaml"


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return run_cli(*args, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    return new_pack(tmp_path_factory.mktemp("packs") / "ke-hoach", document_id="KH2026", province="Huế", year=2026)


def copy(pack: Path, tmp_path: Path, name: str = "ke-hoach") -> Path:
    target = tmp_path / name
    shutil.copytree(pack, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# ---------------------------------------------------------------- rules new, rules check


def test_a_new_pack_passes_the_check_as_written(tmp_path):
    made = cli("rules", "new", str(tmp_path / "kh"), "--id", "KH2026", "--province", "Lâm Đồng", "--year", "2026")
    assert made.returncode == 0, made.stderr
    assert {p.relative_to(tmp_path / "kh").as_posix() for p in (tmp_path / "kh").rglob("*") if p.is_file()} == {
        "kh2026.yaml",
        "sources/kh2026.md",
        "register/kh2026.yaml",
        "features/kh2026.feature",
        "agencies/so-mau.yaml",
        "README.md",
    }
    checked = cli("rules", "check", str(tmp_path / "kh"))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "8 kịch bản: 8 đạt, 0 không đạt, 0 không chạy." in checked.stdout
    assert "Kết quả: 1/1 gói quy tắc đạt." in checked.stdout


def test_rules_new_never_writes_into_a_folder_in_use(tmp_path):
    (tmp_path / "kh").mkdir()
    (tmp_path / "kh" / "ghi-chu.txt").write_text("của tôi", encoding="utf-8")
    refused = cli("rules", "new", str(tmp_path / "kh"))
    assert refused.returncode == 2 and "không ghi đè" in refused.stderr
    assert [p.name for p in (tmp_path / "kh").iterdir()] == ["ghi-chu.txt"]
    bad_id = cli("rules", "new", str(tmp_path / "x"), "--id", "kh-2026", "--lang", "en")
    assert bad_id.returncode == 2 and "capital letters" in bad_id.stderr and not (tmp_path / "x").exists()
    bad_place = cli("rules", "new", str(tmp_path / "y"), "--province", "Hue")
    assert bad_place.returncode == 2 and "Huế" in bad_place.stderr and not (tmp_path / "y").exists()
    assert not list(tmp_path.glob(".*"))  # no staging folder left behind


def test_the_check_finds_each_kind_of_problem(pack, tmp_path):
    broken = copy(pack, tmp_path)
    # a quote that is not verbatim in the source
    edit(broken / "kh2026.yaml", "trước ngày 20 hằng tháng.", "trước ngày 20 hàng tháng.")
    # a second rule whose id the built-in rulebook already has, and no scenario of its own
    text = (broken / "kh2026.yaml").read_text(encoding="utf-8")
    rule = text[text.index("  - id: KH2026-MONTHLY-REPORT") :]
    (broken / "kh2026.yaml").write_text(text + rule.replace("KH2026-MONTHLY-REPORT", "QD19-ADOPT"), encoding="utf-8")
    # the violation case removed from the scenarios
    edit(broken / "features" / "kh2026.feature", "| 20/03/2026 | vi phạm |\n", "")
    edit(broken / "features" / "kh2026.feature", "| 20/03/2026 | vi phạm  |\n", "")
    edit(
        broken / "features" / "kh2026.feature",
        'Và quy tắc "KH2026-MONTHLY-REPORT" với "2026-12" có kết quả "vi phạm"',
        'Và quy tắc "KH2026-MONTHLY-REPORT" với "2026-12" có kết quả "đang chờ"',
    )
    problems = [p.render("en") for p in check_pack(open_pack(broken))]
    text = "\n".join(problems)
    # file:line:column: field, like every input error
    assert re.search(
        r"kh2026\.yaml:\d+:\d+: clauses\[0\]\.quote: the quote of clause KH2026/III\.1 is not verbatim in kh2026\.md",
        text,
    )
    assert re.search(
        r"kh2026\.yaml:\d+:9: rules\[1\]\.id: rule id QD19-ADOPT is also defined at .*qd19_2014\.yaml:\d+", text
    )
    assert re.search(
        r"kh2026\.feature:\d+:3: `Quy tắc` KH2026-MONTHLY-REPORT has no scenario expecting \"không đạt\"", text
    )
    checked = cli("rules", "check", str(broken), "--lang", "en")
    assert checked.returncode == 1
    assert "problem(s) to fix" in checked.stdout and "Result: 1 of 1 rule pack(s) not passing." in checked.stdout


def test_a_failing_scenario_fails_the_check(pack, tmp_path):
    failing = copy(pack, tmp_path)
    edit(failing / "features" / "kh2026.feature", "| 19/03/2026 | đạt     |", "| 19/03/2026 | vi phạm |")
    checked = cli("rules", "check", str(failing))
    assert checked.returncode == 1
    assert "8 kịch bản: 7 đạt, 1 không đạt, 0 không chạy." in checked.stdout
    assert re.search(
        r"✗ .*kh2026\.feature:\d+: báo cáo tháng 03/2026 gửi ngày 19/03/2026 → vi phạm — không đạt", checked.stdout
    )


def test_ids_are_unique_across_packs(pack, tmp_path):
    other = copy(pack, tmp_path, "ke-hoach-khac")
    checked = cli("rules", "check", str(pack), str(other), "--no-scenarios", "--lang", "en")
    assert checked.returncode == 1
    assert re.search(r"rule id KH2026-MONTHLY-REPORT is also defined at .*ke-hoach-khac/kh2026\.yaml", checked.stdout)
    both = cli("evaluate", str(SAMPLE), "--rules", str(pack), "--rules", str(other), "--lang", "en")
    assert both.returncode == 2 and "KH2026-MONTHLY-REPORT" in both.stderr and "Traceback" not in both.stderr


def test_a_folder_that_is_not_a_pack_is_bad_input(tmp_path):
    assert cli("rules", "check", str(tmp_path / "none")).returncode == 2
    (tmp_path / "empty").mkdir()
    empty = cli("rules", "check", str(tmp_path / "empty"), "--lang", "en")
    assert empty.returncode == 2 and "no rules files (*.yaml)" in empty.stderr
    evaluated = cli("evaluate", str(SAMPLE), "--rules", str(tmp_path / "none"), "--lang", "en")
    assert evaluated.returncode == 2 and "no such folder" in evaluated.stderr


# ---------------------------------------------------------------- evaluating with packs


def _json(run: subprocess.CompletedProcess) -> dict:
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)


def test_evaluate_applies_the_pack_next_to_the_builtin_rulebook(pack, tmp_path):
    agency = pack / "agencies" / "so-mau.yaml"
    alone = _json(cli("evaluate", str(agency), "--as-of", "2026-05-25", "--format", "json"))
    packed = _json(cli("evaluate", str(agency), "--as-of", "2026-05-25", "--format", "json", "--rules", str(pack)))
    rules = {f["rule"] for f in packed["findings"]}
    assert "KH2026-MONTHLY-REPORT" in rules and "QD19-ADOPT" in rules
    assert rules - {"KH2026-MONTHLY-REPORT"} == {f["rule"] for f in alone["findings"]}
    assert packed["produced_by"]["rules"] != alone["produced_by"]["rules"]
    # The identity covers the pack's content, wherever the pack is kept.
    moved = copy(pack, tmp_path, "elsewhere")
    again = _json(cli("evaluate", str(agency), "--as-of", "2026-05-25", "--format", "json", "--rules", str(moved)))
    assert again["produced_by"]["rules"] == packed["produced_by"]["rules"]
    edit(moved / "kh2026.yaml", "before_day: 20\n", "before_day: 20  # ngày cuối cùng đúng hạn là ngày 19\n")
    changed = _json(cli("evaluate", str(agency), "--as-of", "2026-05-25", "--format", "json", "--rules", str(moved)))
    assert changed["produced_by"]["rules"] != packed["produced_by"]["rules"]


def test_a_portfolio_evaluates_with_the_pack_in_every_worker(pack, tmp_path):
    folder = tmp_path / "danh-muc"
    folder.mkdir()
    text = (pack / "agencies" / "so-mau.yaml").read_text(encoding="utf-8")
    for n in range(6):
        (folder / f"so-{n}.yaml").write_text(text.replace("id: so-mau", f"id: so-{n}"), encoding="utf-8")
    args = ("evaluate", str(folder), "--as-of", "2026-05-25", "--format", "json", "--rules", str(pack))
    serial, parallel = _json(cli(*args, "--jobs", "1")), _json(cli(*args, "--jobs", "2"))
    assert serial == parallel
    assert all(any(f["rule"] == "KH2026-MONTHLY-REPORT" for f in a["findings"]) for a in serial["agencies"])


def test_the_pack_alone_for_tests(pack):
    listed = cli("rules", "--rules", str(pack), "--no-builtin-rules", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    assert [r["id"] for r in json.loads(listed.stdout)["rules"]] == ["KH2026-MONTHLY-REPORT"]
    assert cli("rules", "--no-builtin-rules").returncode == 2


def test_the_api_takes_packs(pack):
    from engine.api import evaluate

    result = evaluate(pack / "agencies" / "so-mau.yaml", "2026-05-25", packs=[pack])
    assert {f.status for f in result.findings if f.rule == "KH2026-MONTHLY-REPORT"} == {"unknown"}


def test_the_living_documentation_of_a_pack(pack, tmp_path):
    built = cli("report", "--rules", str(pack), "--output", str(tmp_path / "site"))
    assert built.returncode == 0, built.stderr
    page = (tmp_path / "site" / "kh2026.md").read_text(encoding="utf-8")
    assert "KH2026-MONTHLY-REPORT" in page and "KH2026/III.1" in page
    index = (tmp_path / "site" / "index.md").read_text(encoding="utf-8")
    assert "QD19-ADOPT" not in index  # the pack's own rules, not the built-in rulebook's
    assert "không đạt" not in built.stderr


def test_the_example_pack_of_the_guide_is_healthy():
    """docs/goi-quy-tac.md's example (its scenarios run in tests/test_packaging.py, installed)."""
    example = ROOT / "examples" / "ke-hoach-2026-lam-dong"
    problems = check_pack(open_pack(example))
    assert not problems, "\n".join(p.render("en") for p in problems)
    assert {p.stem for p in (example / "features").glob("*.feature")} == {p.stem for p in example.glob("*.yaml")}
