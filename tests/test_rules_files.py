"""Rules files as data the engine applies (rulebook v1.1, "parameters are the engine's"): every value a
rule card shows under its parameters is the value the operators apply, and every operator parameter is
checked when the rules load, with file, line and field, in words about rules files (not facts files)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from engine.api import evaluate
from engine.errors import InputError
from engine.resources import RULES_DIR
from engine.rulebook import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
QUANG_DIEN = ROOT / "fixtures" / "agencies" / "ubnd-huyen-quang-dien.yaml"


def copy_rules(folder: Path) -> Path:
    folder.mkdir()
    for path in RULES_DIR.glob("*.yaml"):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def rules(tmp_path) -> Path:
    """A copy of the built-in rules, to change (the API loads a folder's rules once per process, so a
    changed copy is evaluated from a folder of its own)."""
    return copy_rules(tmp_path / "rules")


def change(folder: Path, file: str, old: str, new: str, count: int = 1) -> int:
    """Replace `old` by `new` in a rules file (`count` occurrences, first ones); the line of the first."""
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not in {file}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def problems(folder: Path) -> list:
    with pytest.raises(InputError) as e:
        load_rulebook(folder)
    return list(e.value.problems)


# ------------------------------------------------------------------ parameters are the engine's


def findings(result, rule: str) -> dict[str, tuple[str, dt.date | None]]:
    return {f.subject: (f.status, f.due) for f in result.findings if f.rule == rule}


def test_changing_a_parameter_in_a_copy_of_the_rules_moves_the_verdicts(tmp_path):
    before = findings(evaluate(QUANG_DIEN, "2022-10-28", rules_dir=copy_rules(tmp_path / "a")), "QD19-LEGAL-UPDATE")
    rules = copy_rules(tmp_path / "b")
    # QD19-LEGAL-UPDATE is the second rule of qd19_2014.yaml with `months: 3` under its parameters.
    text = (rules / "qd19_2014.yaml").read_text(encoding="utf-8")
    at = text.index("  - id: QD19-LEGAL-UPDATE")
    head, tail = text[:at], text[at:]
    (rules / "qd19_2014.yaml").write_text(head + tail.replace("      months: 3\n", "      months: 6\n", 1), "utf-8")
    after = findings(evaluate(QUANG_DIEN, "2022-10-28", rules_dir=rules), "QD19-LEGAL-UPDATE")
    # Nghị định 107/2021/NĐ-CP (effective 01/12/2021, not incorporated): due 01/03/2022, a violation on
    # 28/10/2022; with six months, due 01/06/2022, still a violation; Nghị định 42/2022/NĐ-CP (effective
    # 01/08/2022): due 01/11/2022 pending, then due 01/02/2023, still pending.
    assert before["Nghị định 107/2021/NĐ-CP"] == ("violation", dt.date(2022, 3, 1))
    assert after["Nghị định 107/2021/NĐ-CP"] == ("violation", dt.date(2022, 6, 1))
    assert before["Nghị định 42/2022/NĐ-CP"][1] == dt.date(2022, 11, 1)
    assert after["Nghị định 42/2022/NĐ-CP"][1] == dt.date(2023, 2, 1)
    # and the rule card shows the new value
    card = load_rulebook(rules).rules["QD19-LEGAL-UPDATE"].parameters
    assert card == {"months": 6}


def test_a_parameter_changes_a_status_not_only_a_date(tmp_path):
    """The monthly report is due 'before the 22nd': moved to 'before the 26th', a report sent on the
    25th stops being late."""
    base = evaluate(QUANG_DIEN, "2022-10-28", rules_dir=copy_rules(tmp_path / "a"))
    rules = copy_rules(tmp_path / "b")
    assert findings(base, "TTH-MONTHLY-REPORT")["2022-07"] == ("violation", dt.date(2022, 7, 21))
    change(rules, "tth_kh52_2022.yaml", "      before_day: 22\n", "      before_day: 26\n")
    moved = evaluate(QUANG_DIEN, "2022-10-28", rules_dir=rules)
    assert findings(moved, "TTH-MONTHLY-REPORT")["2022-07"] == ("compliant", dt.date(2022, 7, 25))


def test_the_built_in_rule_cards_show_only_applied_parameters():
    book = load_rulebook()
    assert book.rules["QD19-ADOPT"].parameters == {
        "in_force": dt.date(2014, 5, 18),
        "levels": ["central", "province", "department", "district"],
        "grace_after_established": None,
    }
    assert book.rules["QD19-SCOPE"].parameters == {"months": 3}
    assert book.rules["MD907-QUARTERLY-REPORT"].parameters == {"days_after_quarter": 0}
    assert book.rules["HL641-TOWN"].parameters == {"agency": ["UBND thị trấn Hữu Lũng"], "due": dt.date(2017, 12, 31)}


def test_a_parameter_no_operator_applies_is_refused(rules):
    line = change(rules, "qd19_2014.yaml", "      months: 3\n", "      months: 3\n      counting: BLDS\n")
    (p,) = problems(rules)
    assert p.file.endswith("qd19_2014.yaml") and p.line == line + 1
    assert p.field.endswith(".parameters.counting")
    assert "applied by no operator" in p.text("en") and "$counting" in p.text("en")


def test_a_name_that_is_no_parameter_is_refused_with_a_guess(rules):
    line = change(
        rules,
        "qd19_2014.yaml",
        "within: {months: $months, after: effective, floor",
        "within: {months: $month, after: effective, floor",
    )
    found = problems(rules)
    assert any(
        p.line == line and "'$month' names no parameter" in p.text("en") and "$months" in p.text("en") for p in found
    ), found


# ------------------------------------------------------------------ every operator parameter, at load time


@pytest.mark.parametrize(
    "file, old, new, field_end, words",
    [
        (
            "qd19_2014.yaml",
            "after: effective, floor",
            "after: efective, floor",
            "due.within.after",
            "did you mean 'effective'",
        ),
        (
            "qd19_2014.yaml",
            "record_field: {field: in_qms_since}",
            "record_field: {field: in_qms_snce}",
            "discharged_by.record_field.field",
            "did you mean 'in_qms_since'",
        ),
        (
            "tth_kh52_2022.yaml",
            "      before_day: 22\n",
            "      before_day: 32\n",
            "parameters.before_day",
            "at most 29",
        ),
        (
            "tth_kh52_2022.yaml",
            "      before_day: 22\n",
            "      before_day: 1\n",
            "parameters.before_day",
            "at least 2",
        ),
        ("tth_kh52_2022.yaml", "      at_least: 15\n", "      at_least: 0\n", "parameters.at_least", "at least 1"),
        (
            "tth_kh52_2022.yaml",
            "year_plan: {section: quality_objectives}",
            "year_plan: {section: quality_objective}",
            "discharged_by.year_plan.section",
            "did you mean 'quality_objectives'",
        ),
        (
            "tth_kh52_2022.yaml",
            "first_record_else_period_end: {section: internal_audits}",
            "first_record_else_period_end: {section: internal_audit}",
            "due.first_record_else_period_end.section",
            "did you mean 'internal_audits'",
        ),
        (
            "tth_kh52_2022.yaml",
            "distinct: $counted_once_per",
            "distinct: kode",
            "discharged_by.count_at_least.distinct",
            "did you mean 'code'",
        ),
        (
            "ls174_2017.yaml",
            "      over_percent: 70\n",
            "      over_percent: 100\n",
            "parameters.over_percent",
            "at most 99",
        ),
        ("qd19_2014.yaml", "    due: year_end\n", "    due: yearend\n", "due", "did you mean 'year_end'"),
        (
            "qd19_2014.yaml",
            "    needs: [internal_audits]\n",
            "    needs: [internal_audit]\n",
            "needs[0]",
            "did you mean 'internal_audits'",
        ),
        (
            "md907_2021.yaml",
            "      days_after_quarter: 0\n",
            "      days_after_quarter: -1\n",
            "parameters.days_after_quarter",
            "at least 0",
        ),
        ("qd19_2014.yaml", "per: declaration\n", "per: declaraton\n", "per", "did you mean 'declaration'"),
    ],
)
def test_an_operator_parameter_is_checked_when_the_rules_load(rules, file, old, new, field_end, words):
    line = change(rules, file, old, new)
    found = problems(rules)
    mine = [p for p in found if p.field.endswith(field_end)]
    assert mine, [(p.field, p.text("en")) for p in found]
    p = mine[0]
    assert p.file.endswith(file) and p.line is not None and p.column is not None
    assert words in p.text("en"), p.text("en")
    if "parameters." not in field_end:
        assert p.line == line + old[: old.index(old.strip()[:3])].count("\n")
    for lang in ("vi", "en"):
        assert "facts file" not in p.text(lang) and "tệp dữ liệu" not in p.text(lang), p.text(lang)


@pytest.mark.parametrize("months", ["0", "100000", "'3'", "2.5", "true"])
def test_months_out_of_range_or_not_a_whole_number_is_refused_where_it_is_written(rules, months):
    text = (rules / "qd19_2014.yaml").read_text(encoding="utf-8")
    at = text.index("  - id: QD19-LEGAL-UPDATE")
    line = text[: text.index("      months: 3\n", at)].count("\n") + 1
    (rules / "qd19_2014.yaml").write_text(
        text[:at] + text[at:].replace("      months: 3\n", f"      months: {months}\n", 1), "utf-8"
    )
    (p,) = problems(rules)
    assert (p.line, p.field) == (line, "rules[5].parameters.months"), p
    assert "applied as due.within.months" in p.text("en")


def test_a_field_the_subject_has_no_record_for_is_refused(rules):
    # QD19-ADOPT is about the agency as a whole: no record, so no field to count from.
    change(
        rules,
        "qd19_2014.yaml",
        "    discharged_by: declaration\n",
        "    discharged_by:\n      record_field: {field: closed}\n",
    )
    found = problems(rules)
    assert any("'agency' subjects carry no record" in p.text("en") for p in found), found


def test_a_period_due_date_needs_period_subjects(rules):
    change(rules, "md907_2021.yaml", "      quarter: {start: valid_from}\n", "      label: {text: Q}\n")
    found = problems(rules)
    assert any("needs period subjects" in p.text("en") and p.field.endswith(".due") for p in found), found


def test_a_typo_in_a_section_name_of_the_rules_file_is_located(rules):
    line = change(rules, "qd19_2014.yaml", "\nrules:\n", "\nrulez:\n")
    found = problems(rules)
    assert any(p.line == line + 1 and "unknown key 'rulez'" in p.text("en") for p in found), found


def test_a_district_of_a_binding_is_checked(rules):
    line = change(rules, "md907_2021.yaml", "      district: Mộ Đức\n", "      district: Mo Duc\n")
    found = problems(rules)
    assert any(p.line == line and "did you mean 'Mộ Đức'" in p.text("en") for p in found), found


def test_messages_about_a_rules_file_speak_of_rules_files(rules):
    (rules / "qd19_2014.yaml").write_text("document: !!python/name:os.system\n", encoding="utf-8")
    (p,) = problems(rules)
    assert "rules files hold plain data" in p.text("en") and "tệp quy tắc" in p.text("vi")


def test_a_portfolio_rule_cannot_name_an_operator_that_reads_one_agency(rules):
    """A portfolio rule is evaluated with no agency's facts: an operator reading them would fail at
    evaluation time (exit 70), so the rules file is refused when it loads, naming the usable ones."""
    line = change(rules, "ls174_2017.yaml", '      label: {text: "2020"}\n', "      year: {start: valid_from}\n")
    found = problems(rules)
    (p,) = [p for p in found if p.field.endswith(".per.year")]
    assert p.file.endswith("ls174_2017.yaml") and p.line == line
    assert "a portfolio rule (portfolio: true) cannot use 'year'" in p.text("en") and "label" in p.text("en")
    assert "không dùng được toán tử 'year'" in p.text("vi")


def test_an_agency_rule_cannot_name_a_portfolio_operator(rules):
    line = change(
        rules,
        "qd19_2014.yaml",
        "    discharged_by: declaration\n",
        "    discharged_by:\n      share_declared: {over_percent: 50}\n",
    )
    found = problems(rules)
    (p,) = [p for p in found if p.field.endswith("discharged_by.share_declared")]
    assert p.line == line + 1 and "only a rule with 'portfolio: true' can use it" in p.text("en")


def test_every_operator_states_which_rules_may_use_it():
    from engine import operators

    scopes = {name: spec.scope for registry in operators.KINDS.values() for name, spec in registry.items()}
    assert set(scopes.values()) <= {"agency", "portfolio", "any"}
    # Each kind has an operator a portfolio rule can use, or no portfolio rule could be written.
    for kind, registry in operators.KINDS.items():
        assert any(s.scope != "agency" for s in registry.values()), kind
