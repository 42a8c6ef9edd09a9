#!/usr/bin/env python3
"""Write the sample province `fixtures/provinces/thua-thien-hue-2022-10/`: facts only, shaped like
Thừa Thiên Huế in October 2022, the month of the BCĐ 19 notice in
`rules/sources/002_829e3e3cd49ca606.txt`.

    .venv/bin/python scripts/make_sample_province.py          # rewrite the folder (deterministic)
    python3 scripts/dev.py cli evaluate fixtures/provinces/thua-thien-hue-2022-10/ --as-of 2022-10-28 \\
        --format html --output tth-2022-10.html

What the notice says, and the facts follow it:
- 1.a: every agency issued its 2022 quality objectives;
- 1.b: some had not issued their 2022 internal-audit programme; ten had held the year's first internal
  audit and management review: UBND tỉnh, Sở Khoa học và Công nghệ, Sở Công Thương, Sở Lao động Thương
  binh và Xã hội, Sở Y tế, Sở Du lịch, Ban Dân tộc, Ban Quản lý Khu kinh tế công nghiệp tỉnh, UBND huyện
  Quảng Điền and UBND huyện Phú Lộc — nobody else has a 2022 audit or review here;
- 1.c: by 24/10/2022 five district People's Committees (Quảng Điền, Phong Điền, Phú Lộc, Nam Đông,
  A Lưới) had sent their monthly report; the other four (TP Huế, Hương Thủy, Hương Trà, Phú Vang) had not.
The rest (declaration dates, standards, committees, procedures, legal changes, earlier years, the
communes) is invented but plausible, and varied on purpose: late and missing records, a few communes
without a QMS, a few sections left out (unknown). Decision numbers and people's names are illustrative.

The output is a pure function of this file (a fixed random seed): running it twice writes the same bytes.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "provinces" / "thua-thien-hue-2022-10"
PROVINCE = "Thừa Thiên Huế"
AS_OF = dt.date(2022, 10, 28)
PROVINCE_ID = "ubnd-tinh-thua-thien-hue"

# (name, id) — the first seven are named by the notice; the others complete the usual list of a province.
DEPARTMENTS = [
    ("Sở Khoa học và Công nghệ tỉnh Thừa Thiên Huế", "so-khcn-thua-thien-hue"),
    ("Sở Công Thương tỉnh Thừa Thiên Huế", "so-cong-thuong-thua-thien-hue"),
    ("Sở Lao động - Thương binh và Xã hội tỉnh Thừa Thiên Huế", "so-ldtbxh-thua-thien-hue"),
    ("Sở Y tế tỉnh Thừa Thiên Huế", "so-y-te-thua-thien-hue"),
    ("Sở Du lịch tỉnh Thừa Thiên Huế", "so-du-lich-thua-thien-hue"),
    ("Ban Dân tộc tỉnh Thừa Thiên Huế", "ban-dan-toc-thua-thien-hue"),
    ("Ban Quản lý Khu kinh tế, công nghiệp tỉnh Thừa Thiên Huế", "bql-kkt-cn-thua-thien-hue"),
    ("Sở Nội vụ tỉnh Thừa Thiên Huế", "so-noi-vu-thua-thien-hue"),
    ("Sở Tư pháp tỉnh Thừa Thiên Huế", "so-tu-phap-thua-thien-hue"),
    ("Sở Tài chính tỉnh Thừa Thiên Huế", "so-tai-chinh-thua-thien-hue"),
    ("Sở Kế hoạch và Đầu tư tỉnh Thừa Thiên Huế", "so-khdt-thua-thien-hue"),
    ("Sở Tài nguyên và Môi trường tỉnh Thừa Thiên Huế", "so-tnmt-thua-thien-hue"),
    ("Sở Xây dựng tỉnh Thừa Thiên Huế", "so-xay-dung-thua-thien-hue"),
]

# The nine district-level units of 2022: (district, name of its People's Committee, folder, communes).
DISTRICTS = [
    (
        "Huế",
        "UBND thành phố Huế",
        "tp-hue",
        ["phường Phú Hội", "phường Vĩnh Ninh", "phường Thuận Hòa", "phường An Cựu", "phường Phú Hậu"],
    ),
    (
        "Hương Thủy",
        "UBND thị xã Hương Thủy",
        "tx-huong-thuy",
        ["phường Phú Bài", "phường Thủy Dương", "phường Thủy Phương", "xã Dương Hòa"],
    ),
    (
        "Hương Trà",
        "UBND thị xã Hương Trà",
        "tx-huong-tra",
        ["phường Tứ Hạ", "phường Hương Văn", "xã Hương Toàn", "xã Bình Tiến"],
    ),
    (
        "Phong Điền",
        "UBND huyện Phong Điền",
        "huyen-phong-dien",
        ["thị trấn Phong Điền", "xã Phong Hiền", "xã Điền Hải", "xã Phong Mỹ"],
    ),
    (
        "Quảng Điền",
        "UBND huyện Quảng Điền",
        "huyen-quang-dien",
        ["thị trấn Sịa", "xã Quảng An", "xã Quảng Công", "xã Quảng Phú"],
    ),
    (
        "Phú Vang",
        "UBND huyện Phú Vang",
        "huyen-phu-vang",
        ["thị trấn Phú Đa", "xã Phú Diên", "xã Vinh Thanh", "xã Phú Hồ"],
    ),
    (
        "Phú Lộc",
        "UBND huyện Phú Lộc",
        "huyen-phu-loc",
        ["thị trấn Phú Lộc", "thị trấn Lăng Cô", "xã Lộc Trì", "xã Vinh Hưng"],
    ),
    ("A Lưới", "UBND huyện A Lưới", "huyen-a-luoi", ["thị trấn A Lưới", "xã Hồng Vân", "xã Hồng Thủy", "xã Hồng Kim"]),
    (
        "Nam Đông",
        "UBND huyện Nam Đông",
        "huyen-nam-dong",
        ["thị trấn Khe Tre", "xã Hương Phú", "xã Thượng Long", "xã Hương Sơn"],
    ),
]

AUDITED_2022 = {
    PROVINCE_ID,
    "so-khcn-thua-thien-hue",
    "so-cong-thuong-thua-thien-hue",
    "so-ldtbxh-thua-thien-hue",
    "so-y-te-thua-thien-hue",
    "so-du-lich-thua-thien-hue",
    "ban-dan-toc-thua-thien-hue",
    "bql-kkt-cn-thua-thien-hue",
    "ubnd-huyen-quang-dien",
    "ubnd-huyen-phu-loc",
}
REPORTED_OCTOBER = {"Quảng Điền", "Phong Điền", "Phú Lộc", "Nam Đông", "A Lưới"}
NO_QMS_COMMUNES = {"xã Quảng Công", "xã Phong Mỹ", "xã Hồng Kim", "xã Thượng Long", "xã Phú Hồ"}
# Communes whose ISO officer left some sections out (the engine reports 'unknown' for the rules needing them).
PARTIAL_COMMUNES = {
    "xã Dương Hòa": ("legal_changes",),
    "xã Bình Tiến": ("steering_committee", "procedures"),
    "xã Vinh Hưng": ("management_reviews",),
}

LEGAL_CHANGES = [
    ("Nghị định 61/2018/NĐ-CP", dt.date(2018, 6, 21)),
    ("Thông tư 01/2018/TT-VPCP", dt.date(2018, 7, 9)),
    ("Nghị định 45/2020/NĐ-CP", dt.date(2020, 5, 22)),
    ("Nghị định 107/2021/NĐ-CP", dt.date(2021, 12, 1)),
    ("Nghị định 42/2022/NĐ-CP", dt.date(2022, 8, 1)),
]
COMMUNE_LEGAL_CHANGES = [
    ("Nghị định 87/2020/NĐ-CP", dt.date(2020, 9, 15)),
    ("Thông tư 01/2022/TT-BTP", dt.date(2022, 2, 16)),
]
PROCEDURES = [
    ("2.000908", "Chứng thực bản sao từ bản chính"),
    ("1.001193", "Thủ tục đăng ký khai sinh"),
    ("1.001612", "Đăng ký thành lập hộ kinh doanh"),
    ("1.010940", "Thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ"),
    ("1.004227", "Thủ tục cấp giấy chứng nhận quyền sử dụng đất lần đầu"),
    ("2.001035", "Thủ tục cấp phép hoạt động khoa học và công nghệ"),
    ("1.003010", "Thủ tục đăng ký kết hôn"),
    ("2.000794", "Thủ tục hỗ trợ người có công với cách mạng"),
]
INTERNAL = [
    "Kiểm soát thông tin dạng văn bản",
    "Đánh giá nội bộ",
    "Kiểm soát đầu ra không phù hợp",
    "Hành động khắc phục",
    "Xem xét của lãnh đạo",
    "Quản lý văn bản đến",
    "Quản lý văn bản đi",
    "Giải quyết khiếu nại, tố cáo",
    "Tiếp công dân",
    "Quản lý tài sản công",
    "Lập dự toán ngân sách",
    "Tuyển dụng, đào tạo cán bộ",
    "Thi đua, khen thưởng",
    "Quản lý con dấu",
    "Lưu trữ hồ sơ",
]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Đình", "Quang", "Minh", "Thanh", "Hữu", "Ngọc", "Xuân"]
GIVEN = [
    "Hòa",
    "Phúc",
    "Mai",
    "Tuấn",
    "Lan",
    "Hùng",
    "Hương",
    "Dũng",
    "Thảo",
    "Sơn",
    "Bình",
    "Linh",
    "Nam",
    "Hạnh",
    "Quý",
    "Khánh",
    "Vy",
    "Toàn",
]


def slug(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in text).split())


def weekday(day: dt.date, step: int = 1) -> dt.date:
    """The day itself if a working day, else the next one (or the previous one, step=-1)."""
    while day.weekday() >= 5:
        day += dt.timedelta(days=step)
    return day


class Agency:
    """The facts of one agency, drawn from its own random stream (so adding an agency changes no other)."""

    def __init__(
        self,
        id: str,
        name: str,
        level: str,
        district: str | None,
        reports_to: str | None,
        first: dt.date,
        diligence: float,
    ):
        self.id, self.name, self.level, self.district, self.reports_to = id, name, level, district, reports_to
        self.first, self.diligence = first, diligence
        self.rng = random.Random(f"tth-2022-10/{id}")

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def day(self, start: dt.date, spread: int) -> dt.date:
        return weekday(start + dt.timedelta(days=self.rng.randrange(spread)))

    def person(self) -> str:
        return f"{self.rng.choice(SURNAMES)} {self.rng.choice(MIDDLE)} {self.rng.choice(GIVEN)}"

    def decision(self) -> str:
        suffix = {"province": "QĐ-UBND", "district": "QĐ-UBND", "commune": "QĐ-UBND"}.get(
            self.level, "QĐ-" + "".join(w[0] for w in slug(self.name).split("-")[:3]).upper()
        )
        return f"{self.rng.randrange(12, 3900)}/{suffix}"

    # -------------------------------------------------------------- sections

    def facts(self, has_qms: bool = True, left_out: tuple[str, ...] = ()) -> dict:
        agency = {"id": self.id, "name": self.name, "level": self.level, "province": PROVINCE}
        if self.district:
            agency["district"] = self.district
        if self.reports_to:
            agency["reports_to"] = self.reports_to
        data: dict = {"agency": agency}
        if not has_qms:
            data["procedures"] = self.procedures(covered=False)
            return data
        data["qms"] = self.qms()
        data["steering_committee"] = self.committee()
        data["procedures"] = self.procedures(covered=True)
        data["internal_procedures"] = self.internal_procedures()
        data["legal_changes"] = self.legal_changes()
        scope = self.scope_changes()
        if scope is not None:
            data["scope_changes"] = scope
        data["internal_audits"], data["management_reviews"] = self.audits_and_reviews()
        data["quality_objectives"] = [
            {"year": 2021, "issued": self.day(dt.date(2021, 1, 10), 40)},
            {"year": 2022, "issued": self.day(dt.date(2022, 1, 10), 40)},
        ]
        data["audit_programs"] = self.audit_programs(data["internal_audits"])
        if self.level == "district":
            data["reports"] = self.monthly_reports()
        for section in left_out:
            data.pop(section, None)
        return data

    def qms(self) -> dict:
        declarations = []
        first_standard = "TCVN ISO 9001:2015" if self.first >= dt.date(2018, 2, 21) else "TCVN ISO 9001:2008"
        declarations.append(self.declaration(self.first, first_standard, "initial"))
        standard = first_standard
        if first_standard.endswith("2008") and not self.chance(0.04):
            # The move to TCVN ISO 9001:2015 was due before 30/06/2021; the less diligent were late.
            start = dt.date(2019, 3, 1) if self.diligence > 0.35 else dt.date(2021, 3, 1)
            declarations.append(self.declaration(self.day(start, 420), "TCVN ISO 9001:2015", "standard_transition"))
            standard = "TCVN ISO 9001:2015"
        if self.chance(0.25):
            when = self.day(dt.date(2020, 1, 6), 700)
            if when > declarations[-1]["date"]:
                declarations.append(self.declaration(when, standard, "legal_change"))
        return {"standard": standard, "declarations": declarations}

    def declaration(self, day: dt.date, standard: str, reason: str) -> dict:
        d = {"date": day, "decision": self.decision(), "standard": standard, "reason": reason}
        if self.chance(0.6 + 0.38 * self.diligence):
            d["notified"] = weekday(day + dt.timedelta(days=self.rng.randrange(3, 15)))
        return d

    def committee(self) -> dict:
        founded = weekday(self.first - dt.timedelta(days=self.rng.randrange(60, 150)))
        head = {"name": self.person(), "role": "head", "leadership": True, "since": founded}
        deputy = {"name": self.person(), "role": "deputy_head", "leadership": self.level != "commune", "since": founded}
        members = [
            head,
            deputy,
            {"name": self.person(), "role": "member", "since": founded},
            {"name": self.person(), "role": "secretary", "since": founded},
        ]
        decisions = [founded]
        if self.chance(0.3):
            # The head moved on in 2022 (luân chuyển); the diligent re-constituted the committee at once.
            left = self.day(dt.date(2022, 3, 1), 180)
            head["until"] = left
            if self.diligence > 0.45:
                again = weekday(left + dt.timedelta(days=self.rng.randrange(5, 40)))
                if again <= AS_OF:
                    decisions.append(again)
                    members.append({"name": self.person(), "role": "head", "leadership": True, "since": again})
        return {"decisions": decisions, "members": members}

    def procedures(self, covered: bool) -> list[dict]:
        count = {"commune": 4, "district": 6}.get(self.level, 5)
        chosen = self.rng.sample(PROCEDURES, count)
        out = []
        for i, (code, name) in enumerate(sorted(chosen)):
            p: dict = {"code": code, "name": name}
            if i < count - 2:
                p["effective"] = dt.date(2016, 1, 1) if self.first.year > 2016 else dt.date(2015, 1, 1)
                if covered:
                    p["in_qms_since"] = (
                        self.first if p["effective"] <= self.first else weekday(p["effective"] + dt.timedelta(days=30))
                    )
            else:
                # Procedures the agency started to settle in 2022.
                p["effective"] = self.rng.choice([dt.date(2022, 3, 1), dt.date(2022, 7, 1), dt.date(2022, 9, 1)])
                if covered and self.chance(0.3 + 0.6 * self.diligence):
                    lag = self.rng.randrange(20, 80) if self.diligence > 0.3 else self.rng.randrange(80, 130)
                    covered_on = weekday(p["effective"] + dt.timedelta(days=lag))
                    if covered_on <= AS_OF:
                        p["in_qms_since"] = covered_on
            out.append(p)
        return out

    def internal_procedures(self) -> list[dict]:
        count = 15 if self.diligence > 0.5 else self.rng.randrange(6, 15)
        return [
            {
                "code": f"QT-NB-{i + 1:02d}",
                "name": f"Quy trình {INTERNAL[i].lower()}",
                "issued": self.day(dt.date(2022, 3, 1), 200),
            }
            for i in range(count)
        ]

    def legal_changes(self) -> list[dict]:
        documents = list(LEGAL_CHANGES) + (COMMUNE_LEGAL_CHANGES if self.level == "commune" else [])
        out = []
        for document, effective in sorted(documents, key=lambda d: d[1]):
            if effective < self.first:
                continue
            change: dict = {"document": document, "effective": effective}
            roll = self.rng.random()
            if roll < 0.75 + 0.23 * self.diligence:
                change["incorporated"] = weekday(effective + dt.timedelta(days=self.rng.randrange(15, 85)))
            elif roll < 0.97:
                change["incorporated"] = weekday(effective + dt.timedelta(days=self.rng.randrange(95, 200)))
            if change.get("incorporated") and change["incorporated"] > AS_OF:
                del change["incorporated"]
            out.append(change)
        return out

    def scope_changes(self) -> list[dict] | None:
        if self.chance(0.15):
            return None  # not recorded: unknown
        if not self.chance(0.3):
            return []
        return [
            {"date": self.day(dt.date(2022, 4, 1), 150), "kind": "expand", "note": "bổ sung TTHC mới ban hành năm 2022"}
        ]

    def audits_and_reviews(self) -> tuple[list[dict], list[dict]]:
        audits, reviews = [], []
        for year in range(self.first.year + 1, 2022):
            if self.chance(0.97 - 0.25 * (1 - self.diligence)):
                audit: dict = {"date": self.day(dt.date(year, 9, 15), 70)}
                ncs = []
                for k in range(self.rng.randrange(0, 3)):
                    nc = {"id": f"NC-{year}-{k + 1:02d}", "due": weekday(audit["date"] + dt.timedelta(days=45))}
                    if self.chance(0.75 + 0.2 * self.diligence):
                        nc["closed"] = weekday(audit["date"] + dt.timedelta(days=self.rng.randrange(10, 44)))
                    ncs.append(nc)
                if ncs:
                    audit["nonconformities"] = ncs
                audits.append(audit)
            if self.chance(0.95 - 0.25 * (1 - self.diligence)):
                reviews.append({"date": self.day(dt.date(year, 11, 20), 35)})
        if self.id in AUDITED_2022:
            audit = {"date": self.day(dt.date(2022, 6, 1), 100)}
            nc = {"id": "NC-2022-01", "due": weekday(audit["date"] + dt.timedelta(days=60))}
            if self.chance(0.7):
                nc["closed"] = weekday(audit["date"] + dt.timedelta(days=self.rng.randrange(15, 55)))
            audit["nonconformities"] = [nc]
            audits.append(audit)
            reviews.append({"date": weekday(audit["date"] + dt.timedelta(days=self.rng.randrange(7, 25)))})
            if reviews[-1]["date"] > AS_OF:
                reviews[-1]["date"] = weekday(AS_OF - dt.timedelta(days=7))
        return audits, reviews

    def audit_programs(self, audits: list[dict]) -> list[dict]:
        programs = [{"year": 2021, "issued": self.day(dt.date(2021, 2, 15), 40)}]
        if self.id in AUDITED_2022 or self.chance(0.35 + 0.5 * self.diligence):
            issued = self.day(dt.date(2022, 2, 20), 60)
            audits_2022 = [a["date"] for a in audits if a["date"].year == 2022]
            if audits_2022 and issued > min(audits_2022):
                issued = weekday(min(audits_2022) - dt.timedelta(days=30))
            programs.append({"year": 2022, "issued": issued})
        return programs

    def monthly_reports(self) -> list[dict]:
        reports = []
        for month in range(2, 11):
            due = dt.date(2022, month, 21)
            if month == 10:
                if self.district not in REPORTED_OCTOBER:
                    continue
                submitted = dt.date(2022, 10, self.rng.choice([17, 18, 20, 21, 21, 24]))
            elif self.district in REPORTED_OCTOBER or self.chance(0.7):
                late = self.chance(0.03 if self.district in REPORTED_OCTOBER else 0.35)
                submitted = (
                    weekday(due + dt.timedelta(days=self.rng.randrange(2, 12)))
                    if late
                    else weekday(due - dt.timedelta(days=self.rng.randrange(0, 5)), -1)
                )
            else:
                continue
            reports.append(
                {"kind": "monthly", "period": f"2022-{month:02d}", "submitted": submitted, "to": "BCĐ 19 tỉnh"}
            )
        return reports


# ---------------------------------------------------------------- the province


def agencies() -> list[tuple[str, Agency, dict]]:
    """(folder, agency, facts) for every agency of the sample."""
    rng = random.Random("tth-2022-10")
    out = []
    province = Agency(PROVINCE_ID, "UBND tỉnh Thừa Thiên Huế", "province", None, None, dt.date(2015, 8, 17), 0.9)
    out.append(("tinh", province, province.facts()))
    for name, id in DEPARTMENTS:
        first = weekday(dt.date(2015, 6, 1) + dt.timedelta(days=rng.randrange(0, 900)))
        diligence = 0.85 if id in AUDITED_2022 else rng.uniform(0.2, 0.8)
        a = Agency(id, name, "department", None, PROVINCE_ID, first, diligence)
        out.append(("tinh", a, a.facts()))
    for district, name, folder, communes in DISTRICTS:
        did = "ubnd-" + slug(name.removeprefix("UBND "))
        first = weekday(dt.date(2016, 3, 1) + dt.timedelta(days=rng.randrange(0, 800)))
        diligence = 0.85 if district in REPORTED_OCTOBER else rng.uniform(0.15, 0.55)
        d = Agency(did, name, "district", district, PROVINCE_ID, first, diligence)
        out.append((folder, d, d.facts()))
        for commune in communes:
            cid = "ubnd-" + slug(commune)
            first = weekday(dt.date(2017, 5, 1) + dt.timedelta(days=rng.randrange(0, 1200)))
            c = Agency(cid, f"UBND {commune}", "commune", district, did, first, rng.uniform(0.1, 0.9))
            out.append(
                (folder, c, c.facts(has_qms=commune not in NO_QMS_COMMUNES, left_out=PARTIAL_COMMUNES.get(commune, ())))
            )
    ids = [a.id for _, a, _ in out]
    assert len(ids) == len(set(ids)), "agency ids must be unique"
    return out


HEADER = """\
# {name} — sample province Thừa Thiên Huế, October 2022 (fixtures/provinces/thua-thien-hue-2022-10).
# Generated by scripts/make_sample_province.py: facts only; decision numbers and names are illustrative.
"""


class _Dumper(yaml.SafeDumper):
    """Block lists indented under their key, as the hand-written fixtures are; no anchors."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)

    def ignore_aliases(self, data) -> bool:
        return True


def _flow_short_dicts(dumper: yaml.SafeDumper, data: dict):
    # Reports, reviews and plans on one line each, as an ISO officer would write them.
    flow = (
        data.keys() <= {"kind", "period", "submitted", "to", "date", "year", "issued"} and len(data) > 1
    ) or data.keys() == {"date"}
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=flow)


_Dumper.add_representer(dict, _flow_short_dicts)


def render(agency: Agency, facts: dict) -> str:
    body = yaml.dump(facts, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)
    return HEADER.format(name=agency.name) + body


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    written = agencies()
    for folder, agency, facts in written:
        (out / folder).mkdir(exist_ok=True)
        (out / folder / f"{agency.id}.yaml").write_text(render(agency, facts), encoding="utf-8")
    (out / "README.md").write_text(README.format(count=len(written)), encoding="utf-8")
    print(f"{len(written)} agencies written to {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


README = """\
# Sample province: Thừa Thiên Huế, October 2022

{count} agencies (facts only), one file per agency: the provincial People's Committee and its departments
in `tinh/`, then one folder per district-level unit with its People's Committee and some communes.
Generated by `scripts/make_sample_province.py` (deterministic); do not edit by hand, change the script.

The facts follow the BCĐ 19 notice of 28/10/2022 (`rules/sources/002_829e3e3cd49ca606.txt`): ten
agencies held their 2022 internal audit and management review; five district People's Committees had
sent their monthly report by 24/10/2022; every agency issued its 2022 quality objectives. The rest is
invented and varied on purpose (late and missing records, communes without a QMS, sections left out).

    python3 scripts/dev.py cli evaluate fixtures/provinces/thua-thien-hue-2022-10/ --as-of 2022-10-28 \\
        --format html --output tth-2022-10.html
"""


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
