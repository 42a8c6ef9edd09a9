"""An agency's last day (rulebook v1.1 §3, the end of an agency) and why.

The last day is the earliest of `agency.dissolved`; the last day of the three-tier map for every
agency whose file names a `district` (district People's Committees, their divisions and the communes
of the old map); and the last day of a province whose name does not exist in the map of 01/07/2025.
It is an attribute of the agency, not an event: it applies whatever the evaluation date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from engine.facts import AgencyFacts
from engine.messages import vn_date
from engine.places import district_level_last_day, gazetteer


@dataclass(frozen=True)
class End:
    day: dt.date
    vi: str  # why, in a few words: "UBND cấp huyện chấm dứt hoạt động từ 01/07/2025"
    en: str
    successor: str | None = None  # the province of the 34-unit map a merged province became part of

    def why(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi


def agency_end(facts: AgencyFacts) -> End | None:
    a = facts.agency
    ends: list[End] = []
    if a.dissolved:
        ends.append(End(a.dissolved, "theo ngày chấm dứt ghi trong tệp (dissolved)", "the file's dissolved date"))
    if a.district:
        last = district_level_last_day()
        first = vn_date(last + dt.timedelta(days=1))
        ends.append(
            End(
                last,
                f"cấp huyện chấm dứt từ {first}; tệp ghi cơ quan thuộc huyện {a.district}",
                f"the district level ended on {first}; the file names district {a.district}",
            )
        )
    g = gazetteer()
    merged = g.merged(a.province)
    if merged is not None and merged.valid_to and merged.became:
        first = vn_date(merged.valid_to + dt.timedelta(days=1))
        unit = next((u for u in g.lookup(merged.became) if u.era == "2025"), None)
        old, new = _unit(merged.kind, merged.name), _unit(unit.kind if unit else "tỉnh", merged.became)
        ends.append(
            End(
                merged.valid_to,
                f"{old} được sắp xếp vào {new} theo Nghị quyết 202/2025/QH15, từ {first}",
                f"{merged.name} became part of {merged.became} under Resolution 202/2025/QH15, on {first}",
                merged.became,
            )
        )
    if not ends:
        return None
    earliest = min(ends, key=lambda e: e.day)
    successor = next((e.successor for e in ends if e.successor), None)
    return End(earliest.day, earliest.vi, earliest.en, successor)


def _unit(kind: str, name: str) -> str:
    """'tỉnh Kon Tum', 'thành phố Đà Nẵng', 'TP Hồ Chí Minh' (the name already says it)."""
    return name if name.startswith("TP ") else f"{kind} {name}"
