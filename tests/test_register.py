"""Health of the clause register (`rules/register/`): every clause has a valid status, its text is verbatim
in its source, ids are unique and agree with the rules files, and Decision 19 is covered article by article.
Each test gathers every problem and fails once, naming file, line and clause id."""

from __future__ import annotations

import shutil
import textwrap
import warnings
from pathlib import Path

import pytest

from engine.errors import InputError
from engine.register import REGISTER_DIR, check, load_register
from engine.rulebook import RULES_DIR, load_rulebook

EXPECTED_FILES = {
    "qd19_2014.yaml",
    "tt26_2014.yaml",
    "seed000_hl641.yaml",
    "seed001_ls174.yaml",
    "seed002_tth.yaml",
    "seed003_md907.yaml",
    "seed004_hm83.yaml",
    "blds_2015.yaml",
    "blld_2019.yaml",
}


def _rendered(problems) -> str:
    return "\n".join(p.render("en") for p in problems)


def test_one_register_file_per_source_document():
    present = {p.name for p in REGISTER_DIR.glob("*.yaml")}
    assert present >= EXPECTED_FILES, f"missing: {sorted(EXPECTED_FILES - present)}"


def test_register_is_healthy():
    try:
        register = load_register()
    except InputError as e:
        pytest.fail(f"{len(e.problems)} problem(s) in the register:\n{e}")
    health = check(register, load_rulebook())
    if health.pending:
        # Local rules may be listed before their rules file lands: said once per rule, not failed.
        pending = sorted({p.message for p in health.pending})
        warnings.warn(UserWarning("register entries name rules whose file has not landed yet:\n" + "\n".join(pending)))
    if health.notes:
        warnings.warn(UserWarning(_rendered(health.notes)))
    assert not health.problems, f"{len(health.problems)} problem(s):\n{_rendered(health.problems)}"


def test_every_status_is_used_somewhere():
    statuses = {entry.status for entry, _ in load_register().entries.values()}
    assert statuses == {"rule", "manual", "informative", "out_of_scope"}


# ------------------------------------------------------------------ the checks themselves, on a broken copy


def _broken_register(tmp_path: Path) -> Path:
    """A rules folder whose register has one of each mistake the health test must catch."""
    rules = tmp_path / "rules"
    shutil.copytree(RULES_DIR / "sources", rules / "sources")
    (rules / "register").mkdir()
    (rules / "register" / "qd19_2014.yaml").write_text(
        textwrap.dedent("""\
        document:
          id: QD19
          number: 19/2014/QĐ-TTg
          title: Quyết định 19
          issuer: Thủ tướng Chính phủ
          kind: national
          signed: 2014-03-05
          source_file: qd-19-2014-qd-ttg.md
          rules_file: qd19_2014.yaml
        clauses:
          - id: QD19/3.1
            clause: Điều 3 khoản 1
            text: "Phải xây dựng và áp dụng Hệ thống quản lý chất lượng"
            status: rule
            rules: [QD19-SCOPE, QD19-SCOOPE]
          - id: QD19/3.1
            clause: Điều 3 khoản 1
            text: "Phải xây dựng"
            status: rule
            rules: [QD19-SCOPE]
          - id: QD19/3.2
            clause: Điều 3 khoản 2
            text: "Bảo đảm sự tham gia của Lãnh đạo   các đơn vị"
            status: manual
            check: {vi: người xem, en: a person looks}
          - id: QD19/4.4.b
            clause: Điều 4 khoản 4 điểm b
            text: "Thực hiện đánh giá nội bộ
              và xem xét của Lãnh đạo"
            status: rule
            rules: [QD19-INTERNAL-AUDIT, QD19-MGMT-REVIEW, ZZ99-LATER]
        """),
        encoding="utf-8",
    )
    # A document whose rules file has not landed: its rule ids are pending, not unknown.
    (rules / "register" / "zz99.yaml").write_text(
        textwrap.dedent("""\
        document: {id: ZZ99, number: "99", title: Văn bản thử, issuer: UBND, kind: local, signed: 2030-01-01,
                   source_file: qd-19-2014-qd-ttg.md, rules_file: zz99_2030.yaml}
        clauses:
          - {id: ZZ99/1, clause: mục 1, text: Điều 1. Phạm vi điều chỉnh, status: rule, rules: [ZZ99-LATER]}
        """),
        encoding="utf-8",
    )
    return rules


def test_health_check_reports_each_problem_with_file_and_clause(tmp_path):
    rules = _broken_register(tmp_path)
    health = check(load_register(rules / "register"), load_rulebook(), rules_dir=rules)
    text = _rendered(health.problems)
    assert "qd19_2014.yaml:16: QD19/3.1: the same clause id is also in" in text
    assert "QD19/3.1: rule QD19-SCOOPE does not exist (did you mean QD19-SCOPE?)" in text
    assert "QD19/3.2: text is not verbatim in qd-19-2014-qd-ttg.md" in text
    assert "QD19/3.2: status is manual, yet rule QD19-LEADERSHIP checks it" in text
    assert "rules[QD19-ADOPT].sources: clause QD19/2.1 is not in the register" in text
    assert "Quyết định 19 Điều 1, 2, 4, 5" not in text  # 4.4.b counts for Điều 4
    assert "Quyết định 19 Điều 1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 not in the register" in text
    # White space inside a text is folded, so the line break in QD19/4.4.b is not a problem.
    assert "QD19/4.4.b: text" not in text
    assert "ZZ99-LATER" not in text
    assert [p.render("en").split("/rules/register/")[1] for p in health.pending] == [
        "qd19_2014.yaml:26: QD19/4.4.b: rule ZZ99-LATER: pending rules file zz99_2030.yaml",
        "zz99.yaml:4: ZZ99/1: rule ZZ99-LATER: pending rules file zz99_2030.yaml",
    ]


@pytest.mark.parametrize(
    "clause, expected",
    [
        ("status: rul\n    rules: [QD19-SCOPE]", "status 'rul' is not allowed (did you mean 'rule'?)"),
        ("rules: [QD19-SCOPE]", "clause QD19/3.1 has no status; give one of: rule, manual, informative, out_of_scope"),
        ("status: manual\n    rules: [QD19-SCOPE]", "clause QD19/3.1: unknown key 'rules'"),
        ("status: informative", "clause QD19/3.1: required key 'served_by' is missing"),
        ("status: rule\n    rules: []", "clause QD19/3.1: "),
    ],
)
def test_status_and_its_payload_are_checked_clause_by_clause(tmp_path, clause, expected):
    folder = tmp_path / "register"
    folder.mkdir()
    (folder / "qd19_2014.yaml").write_text(
        textwrap.dedent("""\
        document: {id: QD19, number: 19/2014/QĐ-TTg, title: Quyết định 19, issuer: Thủ tướng Chính phủ,
                   kind: national, signed: 2014-03-05, source_file: qd-19-2014-qd-ttg.md}
        clauses:
          - id: QD19/3.1
            clause: Điều 3 khoản 1
            text: Phải xây dựng
        """)
        + f"    {clause}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as error:
        load_register(folder)
    assert expected in error.value.render("en")
