"""`htqlcl rules check PACK…`: each pack's health (engine/packs/health.py) and its scenarios run against
the engine with every pack given applied next to the built-in rulebook, with a summary a person reads
and an exit status a CI job uses: 0 every pack is healthy and every scenario passes, 1 otherwise.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from engine.errors import InputError, Problem
from engine.lang import T
from engine.packs import Pack, open_pack
from engine.packs.health import check_pack


@dataclass
class ScenarioResult:
    where: str  # features/x.feature:12
    name: str
    status: str  # passed | failed | not_run
    message: str = ""


@dataclass
class PackReport:
    pack: Pack
    problems: list[Problem] = field(default_factory=list)
    scenarios: list[ScenarioResult] = field(default_factory=list)
    run_error: str = ""  # the scenario run itself broke (pytest's last words)
    ran: bool = False

    def count(self, status: str) -> int:
        return sum(1 for s in self.scenarios if s.status == status)

    @property
    def healthy(self) -> bool:
        return (
            not self.problems
            and not self.run_error
            and self.ran
            and bool(self.scenarios)
            and all(s.status == "passed" for s in self.scenarios)
        )


def check_packs(folders: list[str | Path], run_scenarios: bool = True) -> list[PackReport]:
    """One report per pack, in the order given. InputError if a folder is not a pack."""
    packs: list[Pack] = []
    problems: list[Problem] = []
    for folder in folders:
        try:
            packs.append(open_pack(folder))
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        raise InputError(problems)
    reports = []
    for pack in packs:
        others = [p for p in packs if p != pack]
        report = PackReport(pack, check_pack(pack, others))
        if run_scenarios and _loads(packs):
            _run(report, packs)
        reports.append(report)
    return reports


def _loads(packs: list[Pack]) -> bool:
    from engine.rulebook import RulesChoice, load_choice

    try:
        load_choice(RulesChoice.of([p.root for p in packs]))
    except InputError:
        return False  # its problems are in the pack's report; scenarios cannot run without the rules
    return True


def _run(report: PackReport, packs: list[Pack]) -> None:
    from engine.livedoc.features import read_features
    from engine.livedoc.results import join, read_results
    from engine.livedoc.runner import run_features

    pack = report.pack
    if not pack.features_dir.is_dir():
        return
    try:
        scenarios = read_features(pack.features_dir)
    except InputError as error:  # already among the health problems (not valid Gherkin)
        report.problems = sorted(dict.fromkeys([*report.problems, *error.problems]), key=Problem.sort_key)
        return
    with tempfile.TemporaryDirectory(prefix="htqlcl-check-") as tmp:
        run = run_features(pack.features_dir, Path(tmp), packs=[p.root for p in packs])
        results = read_results(run.json_path)
    report.ran = True
    if run.exit_code not in (0, 1) or run.errors:
        report.run_error = "\n".join(run.errors) or run.output.strip()[-2000:]
    outcomes = join(scenarios, pack.features_dir, results)
    for s in scenarios:
        outcome = outcomes[s.key]
        where = f"{pack.features_dir / s.feature}:{s.row_line or s.line}"
        report.scenarios.append(ScenarioResult(where, s.name, outcome.status, outcome.message))


def render(reports: list[PackReport], lang: str = "vi") -> str:
    lines: list[str] = []
    for r in reports:
        lines.append(T(f"Gói quy tắc {r.pack.name} ({r.pack.root})", f"Rule pack {r.pack.name} ({r.pack.root})")(lang))
        if r.problems:
            lines.append(T(f"  {len(r.problems)} vấn đề cần sửa:", f"  {len(r.problems)} problem(s) to fix:")(lang))
            lines += [f"    {p.render(lang)}" for p in r.problems]
        else:
            lines.append(
                T(
                    "  Quy tắc, nguồn, sổ điều khoản và kịch bản: không có vấn đề nào.",
                    "  Rules, sources, clause register and scenarios: no problem found.",
                )(lang)
            )
        if r.ran:
            passed, failed, not_run = r.count("passed"), r.count("failed"), r.count("not_run")
            lines.append(
                T(
                    f"  {len(r.scenarios)} kịch bản: {passed} đạt, {failed} không đạt, {not_run} không chạy.",
                    f"  {len(r.scenarios)} scenario(s): {passed} passed, {failed} failed, {not_run} not run.",
                )(lang)
            )
            for s in r.scenarios:
                if s.status != "passed":
                    mark = T("không đạt", "failed")(lang) if s.status == "failed" else T("không chạy", "not run")(lang)
                    lines.append(f"    ✗ {s.where}: {s.name} — {mark}" + (f": {s.message}" if s.message else ""))
            if r.run_error:
                lines.append(T("  Lần chạy kịch bản báo lỗi:", "  The scenario run reported:")(lang))
                lines += [f"    {line}" for line in r.run_error.splitlines()]
        elif not r.scenarios:
            lines.append(
                T(
                    "  Kịch bản chưa được chạy: các quy tắc của gói chưa nạp được.",
                    "  Scenarios not run: the pack's rules could not be loaded.",
                )(lang)
            )
    bad = [r for r in reports if not r.healthy]
    if bad:
        lines.append(
            T(
                f"Kết quả: {len(bad)}/{len(reports)} gói quy tắc chưa đạt.",
                f"Result: {len(bad)} of {len(reports)} rule pack(s) not passing.",
            )(lang)
        )
    else:
        lines.append(
            T(
                f"Kết quả: {len(reports)}/{len(reports)} gói quy tắc đạt.",
                f"Result: all {len(reports)} rule pack(s) pass.",
            )(lang)
        )
    return "\n".join(lines) + "\n"
