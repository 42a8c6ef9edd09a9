"""What a finding says to a person, in Vietnamese (default) or English."""

from __future__ import annotations

import datetime as dt
import re

_TEMPLATES = {
    "vi": {
        "compliant": "{duty} — {subject}: đã thực hiện ngày {done}, trong hạn (hạn cuối {due}).",
        "late": "{duty} — {subject}: thực hiện ngày {done}, chậm {days} ngày so với hạn cuối {due}.",
        "overdue": "{duty} — {subject}: chưa thực hiện, quá hạn {days} ngày (hạn cuối {due}).",
        "pending": "{duty} — {subject}: chưa thực hiện; hạn cuối {due} (còn {days} ngày).",
        "due_today": "{duty} — {subject}: chưa thực hiện; hôm nay ({due}) là hạn cuối.",
        "done": "{duty} — {subject}: đã thực hiện ngày {done}.",
        "open": "{duty} — {subject}: chưa thực hiện — {note}.",
        "held": "{duty}: đáp ứng tại ngày {as_of}.",
        "missing": "{duty}: không đáp ứng tại ngày {as_of}.",
        "not_applicable": "Không áp dụng: {reason}.",
        "nothing_owed": "Chưa phát sinh nghĩa vụ ({reason}).",
        "unknown": "Chưa đủ dữ liệu để kết luận: tệp dữ kiện không có mục {sections}.",
        "unknown_host": (
            "Chưa đủ dữ liệu để kết luận: cơ quan áp dụng HTQLCL chung với cơ quan có mã {host}, "
            "nhưng dữ kiện của cơ quan đó không có trong danh mục được đánh giá."
        ),
    },
    "en": {
        "compliant": "{duty} — {subject}: done on {done}, on time (due {due}).",
        "late": "{duty} — {subject}: done on {done}, {days} days after the due date {due}.",
        "overdue": "{duty} — {subject}: not done, {days} days past the due date {due}.",
        "pending": "{duty} — {subject}: not done yet; due {due} ({days} days left).",
        "due_today": "{duty} — {subject}: not done yet; today ({due}) is the last day.",
        "done": "{duty} — {subject}: done on {done}.",
        "open": "{duty} — {subject}: not done yet; {note}.",
        "held": "{duty}: met on {as_of}.",
        "missing": "{duty}: not met on {as_of}.",
        "not_applicable": "Not applicable: {reason}.",
        "nothing_owed": "Nothing owed yet ({reason}).",
        "unknown": "Not enough facts to decide: the file has no {sections} section.",
        "unknown_host": (
            "Not enough facts to decide: the agency applies the QMS of `{host}` (qms.shared_with), whose facts "
            "are not in the portfolio evaluated."
        ),
    },
}


# The words for a finding's status (docs/rulebook.md §1, vocabulary). "không đạt", not "vi phạm": a finding
# is an assessment of the facts given, not a decision that a rule was breached (and many duties are
# requests of a plan or a steering committee, not legal norms). A pending duty is "chưa đến hạn" when
# it has a deadline still to come, "chưa thực hiện" when the text sets none.
STATUS_WORDS = {
    "compliant": ("đạt", "compliant"),
    "violation": ("không đạt", "violation"),
    "pending": ("chưa đến hạn", "pending"),
    "open": ("chưa thực hiện", "pending"),
    "unknown": ("thiếu dữ liệu", "unknown"),
    "not_applicable": ("không áp dụng", "not applicable"),
}
# The same, counted in summaries ("12 chưa hoàn thành": pending with or without a deadline).
SUMMARY_WORDS = {
    "violation": ("không đạt", "violations"),
    "pending": ("chưa hoàn thành", "pending"),
    "unknown": ("thiếu dữ liệu", "unknown"),
    "compliant": ("đạt", "compliant"),
    "not_applicable": ("không áp dụng", "not applicable"),
}


def status_word(status: str, lang: str, due: dt.date | None = None) -> str:
    key = "open" if status == "pending" and due is None else status
    vi, en = STATUS_WORDS[key]
    return en if lang == "en" else vi


def vn_date(day: dt.date | None) -> str:
    """Dates as Vietnamese documents write them: 03/10/2022."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else "—"  # = strftime("%d/%m/%Y"), 4x faster


def render(kind: str, lang: str, **values) -> str:
    table = _TEMPLATES["en" if lang == "en" else "vi"]
    if kind == "pending" and values.get("days") == 0:
        kind = "due_today"  # not "0 days left"
    if isinstance(values.get("subject"), str):
        values["subject"] = subject_words(values["subject"], lang)
    for key in ("done", "due", "as_of"):
        if isinstance(values.get(key), dt.date):
            values[key] = vn_date(values[key])
    return table[kind].format(**values)


def label(lang: str, vi: str, en: str) -> str:
    return en if lang == "en" else vi


# Levels as officials name them in a sentence: a level is a kind of body, not a place.
LEVEL_WORDS = {
    "central": "cơ quan trung ương",
    "province": "UBND cấp tỉnh",
    "department": "sở, ban, ngành (kể cả phòng chuyên môn cấp huyện)",
    "district": "UBND cấp huyện",
    "commune": "UBND cấp xã",
}


def levels_words(levels, lang: str) -> str:
    """ "cơ quan trung ương, UBND cấp tỉnh và UBND cấp huyện"."""
    if lang == "en":
        return ", ".join(levels)
    words = [LEVEL_WORDS.get(lv, lv) for lv in levels]
    return words[0] if len(words) == 1 else "; ".join(words[:-1]) + " và " + words[-1]


def section_words(name: str, lang: str) -> str:
    """A facts section as a reader calls it: “Đánh giá nội bộ”; the key itself in English (the file's word)."""
    if lang == "en":
        return f"`{name}`"
    from engine.facts import AgencyFacts, doc_of

    doc = doc_of(AgencyFacts, name)
    return f"“{doc.vi}”" if doc is not None else name


def sections_words(names, lang: str) -> str:
    return ", ".join(section_words(n, lang) for n in names)


_ROMAN = ("I", "II", "III", "IV")
_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def subject_words(subject: str, lang: str) -> str:
    """A finding's subject as a person reads it: periods and dates as Vietnamese documents write them
    ("năm 2022", "quý III/2022", "tháng 7/2022", "01/10/2022"); any other subject (a document, a
    procedure code, HTQLCL) as it is. The JSON keeps the subject's own form (`2022-Q3`)."""
    if m := _YEAR.match(subject):
        return label(lang, f"năm {m.group(1)}", m.group(1))
    if m := _QUARTER.match(subject):
        return label(lang, f"quý {_ROMAN[int(m.group(2)) - 1]}/{m.group(1)}", f"Q{m.group(2)} {m.group(1)}")
    if m := _MONTH.match(subject):
        return label(lang, f"tháng {int(m.group(2))}/{m.group(1)}", f"{m.group(2)}/{m.group(1)}")
    if m := _ISO_DAY.match(subject):
        return f"{m.group(3)}/{m.group(2)}/{m.group(1)}"
    if lang != "en" and re.fullmatch(r"[a-z_]+", subject):  # a missing section, for an unknown finding
        return section_words(subject, lang).strip("“”")
    return subject


FORM_WORDS = {
    "legal_normative": ("văn bản quy phạm pháp luật", "legal normative document"),
    "official_letter": ("công văn", "official letter"),
    "plan": ("kế hoạch", "plan"),
    "notice": ("thông báo", "notice"),
}
_SECOND_HAND = {
    "news_item": (
        "câu trích là lời của một tin bài thuật lại văn bản, không phải lời văn của văn bản",
        "the quote is a news item's account of the document, not the document's own words",
    ),
    "project_note": (
        "câu trích là ghi chú của dự án thuật lại văn bản (không có toàn văn), không phải lời văn của văn bản",
        "the quote is the project's own note on the document (no full text), not the document's words",
    ),
}
_RESTS_ON = (
    "nghĩa vụ dựa trên một văn bản khác mà văn bản này chỉ thuật lại; văn bản gốc không có trong bộ nguồn",
    "the duty rests on another instrument this document only reports on; that instrument is not in the sources",
)


def source_about(source, lang: str) -> str:
    """What a quoted document is, in a few words: "kế hoạch, UBND tỉnh Lạng Sơn, ký 16/10/2017"."""
    parts = []
    if getattr(source, "form", None):
        parts.append(label(lang, *FORM_WORDS.get(source.form, (source.form, source.form))))
    if getattr(source, "issuer", None):
        parts.append(source.issuer)
    if getattr(source, "signed", None):
        parts.append(label(lang, "ký ", "signed ") + vn_date(source.signed))
    return ", ".join(parts)


def second_hand_words(source, lang: str) -> str:
    """ "" for an instrument's own words; otherwise the warning a reader must see next to the quote."""
    if not getattr(source, "second_hand", False):
        return ""
    vi, en = _SECOND_HAND.get(source.quoted_from or "", _RESTS_ON)
    text = label(lang, vi, en)
    return "⚠ " + text[:1].upper() + text[1:] + "."
