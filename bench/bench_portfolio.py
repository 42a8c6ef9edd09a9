#!/usr/bin/env python3
"""Benchmark: a synthetic national portfolio through `cli.py evaluate … --format json`.

    .venv/bin/python bench/bench_portfolio.py                    # 10,000 agencies (the target)
    .venv/bin/python bench/bench_portfolio.py --agencies 1000    # smaller, quicker
    .venv/bin/python bench/bench_portfolio.py --agencies 1000 --profile   # + cProfile of one in-process run

A script, not a test: it prints figures and writes them to bench/out/results-<N>.json; `bench/RESULTS.md`
records the measured ones. Targets on a 2-core machine: 10,000 agencies in under 30 s and under 1 GiB
peak memory (either form); one agency from a cold start in under 0.5 s.

The portfolio is deterministic (a fixed seed per agency): ≈1% province People's Committees (at most one
per province: the 63 provinces of 2022; the rest go to departments), 10% departments, 8% district
People's Committees, 81% communes; five years of facts each (2018–2022, ≈140 records, ≈12 KB of YAML).
It is written in both portfolio forms under bench/out/ (git-ignored), once, and reused:
- `national-<N>.yaml`: one multi-document stream (`---` between agencies);
- `national-<N>/`: a folder, one file per agency, a sub-folder per province.

Measured per run, each in a fresh process started from here (the CLI is run as a user runs it):
- wall time, from before the process starts to after it exits;
- peak memory of the whole process tree (the CLI and its worker processes), two ways:
  * `tree PSS`: /proc sampled every 20 ms, the sum over the tree of each process's proportional set
    size (smaps_rollup) — pages shared between the parent and its forked workers counted once; the
    figure to compare with the 1 GiB target;
  * `max RSS`: getrusage(RUSAGE_CHILDREN).ru_maxrss read by a fresh wrapper process after the run — the
    largest resident set of any single process of the tree (exact, not sampled);
- CPU time of the whole tree (user + system, getrusage of the wrapper's children): unlike wall time,
  it does not grow when other work shares the machine; CPU / cores is the wall time an idle machine
  would give at best. The 1-minute load average before the run is recorded with it;
- one agency from a cold start: `cli.py evaluate <one agency> --format json`, best of 5 (wall time).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PYTHON = sys.executable
AS_OF = "2022-12-31"
GENERATOR_VERSION = 4  # bump when the generated facts change, so cached portfolios are rewritten


def _provinces() -> list[str]:
    """The 63 provinces of 2008–2025, as the engine's gazetteer writes them."""
    import yaml

    data = yaml.safe_load((ROOT / "engine" / "data" / "provinces.yaml").read_text(encoding="utf-8"))
    names = [p["name"] for p in data["provinces"]]
    assert len(names) == 63, len(names)
    return names


def _districts() -> dict[str, list[str]]:
    """Each province's districts as the engine's gazetteer writes them (made-up names are refused)."""
    import yaml

    data = yaml.safe_load((ROOT / "engine" / "data" / "districts.yaml").read_text(encoding="utf-8"))
    return data["districts"]


PROVINCES = _provinces()
DISTRICTS = _districts()
DEPARTMENTS = [
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Kế hoạch và Đầu tư",
    "Sở Tài chính",
    "Sở Công Thương",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Giao thông vận tải",
    "Sở Xây dựng",
    "Sở Tài nguyên và Môi trường",
    "Sở Thông tin và Truyền thông",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Khoa học và Công nghệ",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Thanh tra tỉnh",
    "Văn phòng UBND tỉnh",
    "Ban Dân tộc",
]
LEGAL = [
    ("Nghị định 61/2018/NĐ-CP", "2018-06-21"),
    ("Thông tư 01/2018/TT-VPCP", "2018-07-09"),
    ("Nghị định 150/2018/NĐ-CP", "2018-11-07"),
    ("Nghị định 09/2019/NĐ-CP", "2019-03-10"),
    ("Nghị định 30/2020/NĐ-CP", "2020-03-05"),
    ("Nghị định 45/2020/NĐ-CP", "2020-05-22"),
    ("Nghị định 87/2020/NĐ-CP", "2020-09-15"),
    ("Thông tư 01/2020/TT-BTP", "2020-05-20"),
    ("Nghị định 107/2021/NĐ-CP", "2021-12-01"),
    ("Quyết định 468/QĐ-TTg", "2021-03-27"),
    ("Nghị định 104/2022/NĐ-CP", "2022-12-21"),
    ("Nghị định 42/2022/NĐ-CP", "2022-08-01"),
    ("Thông tư 01/2022/TT-BTP", "2022-02-16"),
    ("Nghị định 59/2022/NĐ-CP", "2022-10-20"),
    ("Nghị định 11/2019/NĐ-CP", "2019-03-20"),
    ("Thông tư 02/2021/TT-VPCP", "2021-04-01"),
    ("Nghị định 47/2019/NĐ-CP", "2019-07-20"),
    ("Nghị định 23/2020/NĐ-CP", "2020-04-10"),
    ("Nghị định 63/2021/NĐ-CP", "2021-07-01"),
    ("Nghị định 71/2022/NĐ-CP", "2022-10-01"),
]
PROCEDURE_NAMES = [
    "Chứng thực bản sao từ bản chính",
    "Đăng ký khai sinh",
    "Đăng ký kết hôn",
    "Đăng ký khai tử",
    "Cấp giấy phép xây dựng",
    "Đăng ký hộ kinh doanh",
    "Cấp giấy chứng nhận quyền sử dụng đất",
    "Hỗ trợ người có công",
    "Trợ cấp xã hội hằng tháng",
    "Cấp phép khai thác nước",
    "Đăng ký thường trú",
    "Xác nhận tình trạng hôn nhân",
]
INTERNAL = [
    "kiểm soát thông tin dạng văn bản",
    "đánh giá nội bộ",
    "kiểm soát đầu ra không phù hợp",
    "hành động khắc phục",
    "xem xét của lãnh đạo",
    "quản lý văn bản đến",
    "quản lý văn bản đi",
]
LAST = dt.date(2022, 12, 31)  # nothing in the facts is dated after --as-of
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ"]
GIVEN = ["Văn An", "Thị Bình", "Đình Cường", "Thị Dung", "Quang Hải", "Minh Khoa", "Thị Lan", "Hữu Nam"]


def slug(text: str) -> str:
    import unicodedata

    text = text.replace("Đ", "D").replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in text).split())


# ---------------------------------------------------------------- the synthetic portfolio


def plan(n: int) -> list[tuple[str, str, str, str, str | None]]:
    """(id, name, level, province, district) for n agencies, deterministic."""
    n_province = min(round(n * 0.01), 63)
    n_department = round(n * 0.10) + (round(n * 0.01) - n_province)
    n_district = round(n * 0.08)
    n_commune = n - n_province - n_department - n_district
    out = []
    for i in range(n_province):
        p = PROVINCES[i]
        out.append((f"ubnd-tinh-{slug(p)}", f"UBND tỉnh {p}", "province", p, None))
    for i in range(n_department):
        p = PROVINCES[i % 63]
        d = DEPARTMENTS[(i // 63) % len(DEPARTMENTS)]
        out.append((f"{slug(d)}-{slug(p)}-{i}", f"{d} tỉnh {p}", "department", p, None))
    districts = []
    for i in range(n_district):
        p = PROVINCES[i % 63]
        names = DISTRICTS[p]
        name = names[(i // 63) % len(names)]
        districts.append((p, name))
        out.append((f"ubnd-huyen-{i}", f"UBND huyện {name}", "district", p, name))
    for i in range(n_commune):
        p, district = (
            districts[i % len(districts)] if districts else (PROVINCES[i % 63], DISTRICTS[PROVINCES[i % 63]][0])
        )
        out.append((f"ubnd-xa-{i}", f"UBND xã {i:05d} {district}", "commune", p, district))
    return out


def _d(day: dt.date) -> str:
    return day.isoformat()


def agency_yaml(index: int, id: str, name: str, level: str, province: str, district: str | None) -> str:
    """One agency's facts as YAML text (written directly: dumping 120 MB through PyYAML is slow)."""
    r = random.Random(index * 7919 + 17)
    day = dt.date.fromordinal
    base = dt.date(2017, 1, 1).toordinal()
    first = day(base + r.randrange(0, 500))  # first declaration 2017–2018
    lines = ["agency:", f"  id: {id}", f"  name: {name}", f"  level: {level}", f"  province: {province}"]
    if district:
        lines.append(f"  district: {district}")
    if level == "commune" and province == "Lạng Sơn" and r.random() < 0.3:
        lines.append("  programs: [LS174-pilot]")
    if level == "commune" and r.random() < 0.12:
        # a commune without a QMS: only its procedures are known
        lines.append("procedures:")
        for k in range(8):
            lines += [
                f'  - code: "1.{index % 1000:03d}{k:03d}"',
                f"    name: {PROCEDURE_NAMES[k % 12]}",
                f"    effective: {_d(day(base + r.randrange(0, 1800)))}",
            ]
        return "\n".join(lines) + "\n"
    std8 = first < dt.date(2018, 2, 21)
    lines += [
        "qms:",
        "  standard: TCVN ISO 9001:2015",
        "  declarations:",
        f"    - date: {_d(first)}",
        f"      decision: {r.randrange(1, 4000)}/QĐ-UBND",
        f"      standard: TCVN ISO 9001:{'2008' if std8 else '2015'}",
        "      reason: initial",
        f"      notified: {_d(first + dt.timedelta(days=r.randrange(3, 20)))}",
    ]
    if std8:
        when = day(dt.date(2019, 1, 1).toordinal() + r.randrange(0, 950))
        lines += [
            f"    - date: {_d(when)}",
            f"      decision: {r.randrange(1, 4000)}/QĐ-UBND",
            "      standard: TCVN ISO 9001:2015",
            "      reason: standard_transition",
        ]
        if r.random() < 0.8:
            lines.append(f"      notified: {_d(when + dt.timedelta(days=r.randrange(3, 20)))}")
    founded = first - dt.timedelta(days=r.randrange(30, 120))
    lines += ["steering_committee:", f"  decisions: [{_d(founded)}, 2021-06-15]", "  members:"]
    for k, role in enumerate(["head", "deputy_head", "member", "member", "member", "secretary"]):
        lines += [f"    - name: {SURNAMES[(index + k) % 10]} {GIVEN[(index * 3 + k) % 8]}", f"      role: {role}"]
        if role in ("head", "deputy_head"):
            lines.append("      leadership: true")
        lines.append(f"      since: {_d(founded)}")
        if k == 0 and r.random() < 0.2:
            lines.append(f"      until: {_d(day(dt.date(2022, 1, 1).toordinal() + r.randrange(0, 300)))}")
    lines.append("procedures:")
    for k in range(40):
        eff = day(base + r.randrange(0, 2000))
        lines += [
            f'  - code: "{1 + k % 2}.{index % 1000:03d}{k:03d}"',
            f"    name: {PROCEDURE_NAMES[k % 12]}",
            f"    effective: {_d(eff)}",
        ]
        if r.random() < 0.93:
            lines.append(f"    in_qms_since: {_d(max(eff, first) + dt.timedelta(days=r.randrange(5, 110)))}")
    lines.append("internal_procedures:")
    for k in range(15):
        lines += [
            f"  - code: QT-NB-{k + 1:02d}",
            f"    name: Quy trình nội bộ số {k + 1} ({INTERNAL[k % len(INTERNAL)]})",
            f"    issued: {_d(day(dt.date(2022, 1, 10).toordinal() + r.randrange(0, 300)))}",
        ]
    lines.append("legal_changes:")
    for document, effective in LEGAL:
        eff = dt.date.fromisoformat(effective)
        lines += [f"  - document: {document}", f"    effective: {effective}"]
        if r.random() < 0.85:
            done = eff + dt.timedelta(days=r.randrange(10, 120))
            if done <= dt.date(2022, 12, 31):
                lines.append(f"    incorporated: {_d(done)}")
    lines.append("scope_changes:")
    for _ in range(3):
        lines += [
            f"  - date: {_d(day(dt.date(2018, 3, 1).toordinal() + r.randrange(0, 1700)))}",
            "    kind: expand",
            "    note: bổ sung thủ tục hành chính mới ban hành vào phạm vi áp dụng",
        ]
    lines.append("internal_audits:")
    for year in range(2018, 2023):
        if r.random() < 0.9:
            audit = dt.date(year, 9, 1) + dt.timedelta(days=r.randrange(0, 90))
            lines.append(f"  - date: {_d(audit)}")
            lines.append("    nonconformities:")
            for k in range(2):
                lines += [f"      - id: NC-{year}-{k + 1}", f"        due: {_d(audit + dt.timedelta(days=45))}"]
                if r.random() < 0.85:
                    lines.append(f"        closed: {_d(min(audit + dt.timedelta(days=r.randrange(5, 50)), LAST))}")
    lines.append("management_reviews:")
    for year in range(2018, 2023):
        if r.random() < 0.88:
            lines.append(f"  - date: {_d(dt.date(year, 11, 1) + dt.timedelta(days=r.randrange(0, 55)))}")
    lines.append("quality_objectives:")
    for year in range(2018, 2023):
        lines.append(f"  - {{year: {year}, issued: {_d(dt.date(year, 1, 5) + dt.timedelta(days=r.randrange(0, 50)))}}}")
    lines.append("audit_programs:")
    for year in range(2018, 2023):
        lines.append(f"  - {{year: {year}, issued: {_d(dt.date(year, 2, 1) + dt.timedelta(days=r.randrange(0, 60)))}}}")
    lines.append("reports:")
    for year in range(2018, 2023):
        for q in range(1, 5):
            if r.random() < 0.9:
                end = dt.date(year, 3 * q, 28)
                lines.append(
                    f"  - {{kind: quarterly, period: {year}-Q{q}, "
                    f"submitted: {_d(min(end + dt.timedelta(days=r.randrange(-5, 12)), LAST))}, to: BCĐ ISO huyện}}"
                )
    if level == "district":
        for month in range(1, 13):
            lines.append(
                f"  - {{kind: monthly, period: 2022-{month:02d}, "
                f"submitted: {_d(dt.date(2022, month, 15) + dt.timedelta(days=r.randrange(0, 10)))}, to: BCĐ 19 tỉnh}}"
            )
    return "\n".join(lines) + "\n"


def generate(n: int) -> tuple[Path, Path]:
    """Write (once) the stream and the folder form of an n-agency portfolio."""
    OUT.mkdir(parents=True, exist_ok=True)
    stream, folder = OUT / f"national-{n}.yaml", OUT / f"national-{n}"
    stamp = OUT / f"national-{n}.stamp"
    if stream.exists() and folder.exists() and stamp.exists() and stamp.read_text() == str(GENERATOR_VERSION):
        return stream, folder
    started = time.perf_counter()
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    made: set[Path] = set()
    with open(stream, "w", encoding="utf-8") as fh:
        fh.write(f"# Synthetic national portfolio of {n} agencies (bench/bench_portfolio.py)\n")
        for i, (id, name, level, province, district) in enumerate(plan(n)):
            text = agency_yaml(i, id, name, level, province, district)
            fh.write("---\n")
            fh.write(text)
            sub = folder / slug(province)
            if sub not in made:
                sub.mkdir(exist_ok=True)
                made.add(sub)
            (sub / f"{id}.yaml").write_text(text, encoding="utf-8")
    stamp.write_text(str(GENERATOR_VERSION))
    size = stream.stat().st_size
    print(
        f"generated {n} agencies ({size / 1e6:.1f} MB, {size / n / 1024:.1f} KB per agency) "
        f"in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return stream, folder


# ---------------------------------------------------------------- measuring

_WRAPPER = r"""
import resource, subprocess, sys
code = subprocess.call(sys.argv[1:])
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(r.ru_maxrss, code, r.ru_utime + r.ru_stime, file=sys.stderr)
"""


def _tree(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_measured(cmd: list[str]) -> dict:
    """Run cmd in a fresh wrapper process; wall time, sampled tree PSS, exact max single-process RSS."""
    peak = [0]
    done = threading.Event()
    load = round(os.getloadavg()[0], 2)  # other work on the machine inflates wall time, not CPU time
    started = time.perf_counter()
    proc = subprocess.Popen(
        [PYTHON, "-c", _WRAPPER, *cmd], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )

    def sample():
        while not done.is_set():
            total = sum(_pss_kib(p) for p in _tree(proc.pid)[1:])  # not the wrapper itself
            peak[0] = max(peak[0], total)
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    last = err.strip().splitlines()[-1] if err.strip() else "0 -1 0"
    maxrss, code, cpu = last.split()
    noise = "\n".join(err.strip().splitlines()[:-1])
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(float(cpu), 2),
        "tree_pss_mib": round(peak[0] / 1024, 1),
        "max_rss_mib": round(int(maxrss) / 1024, 1),
        "exit": int(code),
        "stderr": noise,
        "load_before": load,
    }


def cold_start(agency: Path, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(
            [PYTHON, "cli.py", "evaluate", str(agency), "--format", "json", "--as-of", AS_OF],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        best = min(best, time.perf_counter() - started)
    return best


def profile(stream: Path, top: int) -> None:
    """cProfile of one in-process run (one job: the workers' work is then in this process)."""
    import cProfile
    import io
    import pstats

    sys.path.insert(0, str(ROOT))
    import cli

    target = OUT / "profile.json"
    prof = cProfile.Profile()
    prof.enable()
    cli.main(["evaluate", str(stream), "--format", "json", "--as-of", AS_OF, "--jobs", "1", "--output", str(target)])
    prof.disable()
    for key in ("tottime", "cumulative"):
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats(key).print_stats(top)
        print(f"\n--- cProfile, sorted by {key} ---")
        print("\n".join(buf.getvalue().splitlines()[: top + 12]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--agencies", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, help="passed to cli.py (default: its own choice)")
    ap.add_argument("--forms", default="stream,folder", help="which forms to run: stream,folder")
    ap.add_argument("--profile", action="store_true", help="also profile one in-process run of the stream (cProfile)")
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args(argv)

    stream, folder = generate(args.agencies)
    results = {
        "date": dt.date.today().isoformat(),
        "agencies": args.agencies,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "machine": platform.platform(),
        "input_mb": round(stream.stat().st_size / 1e6, 1),
        "forms": {},
    }
    for form in args.forms.split(","):
        path = stream if form == "stream" else folder
        out = OUT / f"result-{args.agencies}-{form}.json"
        cmd = [PYTHON, "cli.py", "evaluate", str(path), "--format", "json", "--as-of", AS_OF, "--output", str(out)]
        if args.jobs:
            cmd += ["--jobs", str(args.jobs)]
        m = run_measured(cmd)
        m["agencies_per_s"] = round(args.agencies / m["wall_s"], 1)
        m["output_mb"] = round(out.stat().st_size / 1e6, 1) if out.exists() else None
        results["forms"][form] = m
        print(
            f"{form:>6}: {m['wall_s']:7.2f} s  {m['agencies_per_s']:8.1f} agencies/s  cpu {m['cpu_s']:6.1f} s  "
            f"load {m['load_before']:4.2f}  "
            f"tree PSS {m['tree_pss_mib']:7.1f} MiB  max RSS {m['max_rss_mib']:7.1f} MiB  exit {m['exit']}"
            f"  output {m['output_mb']} MB"
        )
        if m["exit"] not in (0, 1):
            print(m["stderr"][-2000:], file=sys.stderr)
    one = folder / slug(PROVINCES[0])
    sample = sorted(one.glob("*.yaml"))[0]
    results["cold_start_s"] = round(cold_start(sample), 3)
    print(f"  cold: {results['cold_start_s']:.3f} s for one agency (best of 5): {sample.relative_to(ROOT)}")
    (OUT / f"results-{args.agencies}.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    if args.profile:
        profile(stream, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
