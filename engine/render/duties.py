"""The steering committee's monthly table: one row per agency, one column per duty, one mark per cell.

Ban chỉ đạo 19 of a province publishes, each month, which agencies have declared their QMS, moved to
TCVN ISO 9001:2015, done this year's internal audit and management review, kept up with legal changes
and reported on time. This module turns one agency's findings into that row (in the worker process,
so the parent only collects small rows), and rows into counts and percentages per column and per
district. The Markdown and HTML views (`engine.render.markdown`, `engine.render.html`) only lay it out.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from engine.messages import label
from engine.result import AgencyResult, Finding

# Marks, worst first. A cell shows the worst mark of the findings it summarises.
OK, VIOLATION, PENDING, UNKNOWN, NA = "ok", "violation", "pending", "unknown", "na"
MARK = {OK: "✓", VIOLATION: "✗", PENDING: "…", UNKNOWN: "?", NA: "–"}
MARK_WORD = {
    OK: ("đạt", "met"),
    VIOLATION: ("không đạt", "violation"),
    PENDING: ("chưa hoàn thành (chưa đến hạn, hoặc văn bản không quy định hạn)", "pending, not yet due"),
    UNKNOWN: ("thiếu dữ liệu", "facts missing"),
    NA: ("không áp dụng", "not applicable"),
}


@dataclass(frozen=True)
class Column:
    key: str
    vi: str
    en: str
    rules: tuple[str, ...]
    this_year: bool = False  # only the finding whose subject is the year of as_of
    none_violated: bool = False  # met when nothing is late, even if some items are not yet due
    denominator_all: bool = False  # the percentage is over every agency, not only those bound

    def title(self, lang: str, year: int) -> str:
        return label(lang, self.vi, self.en).format(year=year)


COLUMNS: tuple[Column, ...] = (
    Column(
        "declared",
        "Đã công bố HTQLCL",
        "QMS declared",
        ("QD19-ADOPT", "HL641-TOWN", "LS174-PILOT"),
        denominator_all=True,
    ),
    Column("iso2015", "Chuyển đổi ISO 9001:2015", "On ISO 9001:2015", ("BKHCN-ISO2015", "HM83-ISO2015")),
    Column("audit", "Đánh giá nội bộ {year}", "Internal audit {year}", ("QD19-INTERNAL-AUDIT",), this_year=True),
    Column("review", "Xem xét của lãnh đạo {year}", "Management review {year}", ("QD19-MGMT-REVIEW",), this_year=True),
    Column("legal", "Cập nhật VBQPPL đúng hạn", "Legal updates on time", ("QD19-LEGAL-UPDATE",), none_violated=True),
    Column(
        "reports",
        "Báo cáo đúng hạn",
        "Reports on time",
        ("TTH-MONTHLY-REPORT", "MD907-QUARTERLY-REPORT"),
        none_violated=True,
    ),
)
_COLUMN_OF = {rid: i for i, c in enumerate(COLUMNS) for rid in c.rules}
# Rules bound to "agencies applying a QMS" and to nothing else: one that applies shows a declaration.
_APPLYING_QMS_ONLY = ("QD19-LEADERSHIP", "QD19-LEGAL-UPDATE", "QD19-SCOPE", "QD19-NOTIFY")

LEVEL_RANK = {"province": 0, "department": 1, "district": 2, "commune": 3, "central": 4}
LEVEL_WORD = {
    "central": ("trung ương", "central"),
    "province": ("cấp tỉnh", "province"),
    "department": ("sở, ngành", "department"),
    "district": ("cấp huyện", "district"),
    "commune": ("cấp xã", "commune"),
}


def level_word(level: str, lang: str) -> str:
    return label(lang, *LEVEL_WORD.get(level, (level, level)))


def cells(result: AgencyResult) -> tuple[str, ...]:
    """The marks of one agency's row, from its findings."""
    year = str(result.as_of.year)
    found: list[list[Finding]] = [[] for _ in COLUMNS]
    declared_by_rules = False
    for f in result.findings:
        i = _COLUMN_OF.get(f.rule)
        if i is not None and not (COLUMNS[i].this_year and f.subject != year):
            found[i].append(f)
        if f.rule in _APPLYING_QMS_ONLY and f.status != "not_applicable":
            declared_by_rules = True
    marks = tuple(_mark(c, fs) for c, fs in zip(COLUMNS, found))
    if marks[0] == NA and declared_by_rules:
        # A commune that chose to apply a QMS: no rule obliges it to declare, but it has.
        marks = (OK,) + marks[1:]
    return marks


def _mark(column: Column, findings: list[Finding]) -> str:
    statuses = {f.status for f in findings} - {"not_applicable"}
    if not statuses:
        return NA
    if "violation" in statuses:
        return VIOLATION
    if "unknown" in statuses:
        return UNKNOWN
    if "pending" in statuses and not (column.none_violated and "compliant" in statuses):
        return PENDING
    return OK


# ---------------------------------------------------------------- rows, groups and totals


@dataclass(frozen=True)
class Row:
    id: str
    name: str
    level: str
    province: str | None
    district: str | None
    marks: tuple[str, ...]
    violations: int


class Tally:
    """Counts per column for a set of rows."""

    def __init__(self) -> None:
        self.rows = 0
        self.violations = 0
        self.counts = [dict.fromkeys(MARK, 0) for _ in COLUMNS]

    def add(self, row: Row) -> None:
        self.rows += 1
        self.violations += row.violations
        for count, mark in zip(self.counts, row.marks):
            count[mark] += 1

    def share(self, i: int) -> tuple[int, int]:
        """(met, denominator) for column i: the denominator leaves out agencies not bound ('–'),
        except for columns whose question is asked of every agency (has it declared a QMS?)."""
        count = self.counts[i]
        denominator = self.rows if COLUMNS[i].denominator_all else self.rows - count[NA]
        return count[OK], denominator


def percent(met: int, of: int, lang: str) -> str:
    if not of:
        return "—"
    text = f"{100 * met / of:.1f}%"
    return text.replace(".", ",") if lang != "en" else text


def sort_key(text: str | None) -> str:
    """Vietnamese names in alphabetical order, diacritics folded (Đ after D)."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()


def _area(rows: list[Row]) -> str | None:
    """'huyện Quảng Điền', 'thị xã Hương Thủy', 'thành phố Huế': the name of the group's district
    People's Committee without 'UBND', when the portfolio has it."""
    for r in rows:
        if r.level == "district":
            name = r.name
            for prefix in ("UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân "):
                if name.startswith(prefix):
                    return name[len(prefix) :]
    return None


def _group_key(row: Row, many_provinces: bool) -> tuple:
    """Province-level bodies first, then each district; with several provinces, each province's
    groups together; central agencies last."""
    province = sort_key(row.province) if many_provinces else ""
    if row.level == "central" or not row.province:
        return (1, "", 0, "", "")
    if not row.district:
        return (0, province, 0, "", "")
    return (0, province, 1, sort_key(row.district), row.district)


def _group_label(key: tuple, rows: list[Row], lang: str, many_provinces: bool) -> str:
    first = rows[0]
    if key[0] == 1:
        return label(lang, "Trung ương", "Central")
    if key[2] == 0:
        text = label(lang, "Cấp tỉnh (UBND tỉnh, sở, ban, ngành)", "Province level (People's Committee, departments)")
    else:
        area = _area(rows)
        text = label(lang, f"Địa bàn {area or first.district}", f"{area or first.district}")
    return f"{first.province} — {text}" if many_provinces else text


def row_order(row: Row) -> tuple:
    return (LEVEL_RANK.get(row.level, 9), sort_key(row.name), row.id)


def grouped(rows: list[Row], lang: str) -> list[tuple[str, list[Row]]]:
    """Rows in the table's order, as (group label, rows) in the groups' order."""
    many = len({r.province for r in rows if r.province}) > 1
    groups: dict[tuple, list[Row]] = {}
    for r in rows:
        groups.setdefault(_group_key(r, many), []).append(r)
    out = []
    for key in sorted(groups):
        members = sorted(groups[key], key=row_order)
        out.append((_group_label(key, members, lang, many), members))
    return out
