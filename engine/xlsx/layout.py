"""Where each fact sits in the facts workbook: its sheets, their columns and rows, drawn from the
facts model (engine/facts.py), which gives every label, help text and allowed value.

Two kinds of sheet: a *record* sheet holds one record as rows (`Cơ quan`: one field per row, its value
in column B), a *table* sheet holds a list, one record per row under a header row (Vietnamese or
English labels) and a key row (the facts file's keys, which the reader goes by). A top-level list
section also has a status cell (`B2`): listed below, known to be none, or not known — the three
states the facts file tells apart (absent, `[]` or `null`, and a list).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from engine.facts import (
    YES_NO,
    AgencyFacts,
    AgencyInfo,
    Doc,
    InternalAudit,
    Nonconformity,
    Qms,
    SteeringCommittee,
    doc_of,
    example_value,
    record_model,
)
from engine.lang import T, Text

Kind = Literal["text", "date", "int", "bool", "choice", "list"]

WORKBOOK_MARK = "htqlcl-facts-workbook"
"""Written on the cover sheet, so a workbook can be told apart from any other spreadsheet."""
FORMAT_VERSION = 1

COVER = T("Hướng dẫn", "Instructions")
LISTS = T("Danh mục", "Lists")

# Table sheets: title row, status row, help row, header row, key row, then the records.
TITLE_ROW, STATUS_ROW, HELP_ROW, HEADER_ROW, KEY_ROW, FIRST_ROW = 1, 2, 3, 4, 5, 6
# Record sheets: title row, header row, then one row per field (label, value, key, help).
RECORD_FIRST_ROW = 3
RECORD_VALUE_COLUMN = 2
RECORD_KEY_COLUMN = 3

STATUS_LISTED = T("Có dữ liệu", "Listed below")
STATUS_NONE = T("Không có", "None")
STATUS_UNKNOWN = T("Chưa rõ", "Not known")
STATUSES = (STATUS_LISTED, STATUS_NONE, STATUS_UNKNOWN)
PARENT_KEY = "audit_date"
"""The column of the nonconformities sheet naming the audit (by its date) each one belongs to."""


@dataclass(frozen=True)
class Column:
    key: str
    doc: Doc
    kind: Kind
    required: bool
    choices: Mapping[Any, Text]
    example: Any

    def label(self, lang: str) -> str:
        return self.doc.label(lang) + (" *" if self.required else "")


@dataclass(frozen=True)
class Sheet:
    path: tuple[str, ...]  # where its records go in the facts, e.g. ("qms", "declarations")
    name: Text  # the sheet's name (Excel: at most 31 characters)
    doc: Doc
    form: Literal["record", "table"]
    columns: tuple[Column, ...]
    status: bool = False  # a top-level section: B2 says listed / none / not known
    scalar: bool = False  # a list of plain values (dates), one column, not records

    @property
    def field_path(self) -> str:
        return ".".join(self.path)

    def names(self) -> tuple[str, str]:
        return self.name.vi, self.name.en


def _strip_optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _kind(annotation: Any, doc: Doc) -> Kind:
    base = _strip_optional(annotation)
    while typing.get_origin(base) is typing.Annotated:
        base = typing.get_args(base)[0]
    if doc.choices:
        return "bool" if base is bool else "choice"
    if base is dt.date:
        return "date"
    if base is int:
        return "int"
    if typing.get_origin(base) is list:
        return "list"
    return "text"


def columns_of(model: type[BaseModel], skip: tuple[str, ...] = ()) -> tuple[Column, ...]:
    out = []
    for name, info in model.model_fields.items():
        if name in skip or info.exclude or record_model(model, name) is not None:
            continue
        doc = doc_of(model, name)
        assert doc is not None, f"{model.__name__}.{name} has no Doc"
        kind = _kind(info.annotation, doc)
        choices = YES_NO if kind == "bool" else doc.choices
        out.append(Column(name, doc, kind, info.is_required(), choices, example_value(model, name)))
    return tuple(out)


def _section(name: str) -> Doc:
    doc = doc_of(AgencyFacts, name)
    assert doc is not None and doc.sheet is not None
    return doc


def _sub(model: type[BaseModel], name: str) -> Doc:
    doc = doc_of(model, name)
    assert doc is not None and doc.sheet is not None
    return doc


def _records(model: type[BaseModel], name: str) -> type[BaseModel]:
    found = record_model(model, name)
    assert found is not None, f"{model.__name__}.{name} holds no records"
    return found


def _table(path: tuple[str, ...], doc: Doc, model: type[BaseModel], *, status: bool, name: Text | None = None) -> Sheet:
    return Sheet(path, name or doc.sheet or T(doc.vi, doc.en), doc, "table", columns_of(model), status=status)


def _build() -> tuple[Sheet, ...]:
    agency, qms, sc = _section("agency"), _section("qms"), _section("steering_committee")
    decisions = _sub(SteeringCommittee, "decisions")
    audits, ncs = _section("internal_audits"), _sub(InternalAudit, "nonconformities")
    assert agency.sheet and qms.sheet and sc.sheet and decisions.sheet and ncs.sheet
    decision_column = Column("date", decisions, "date", True, {}, "2017-03-01")
    audit_date = doc_of(InternalAudit, "date")
    assert audit_date is not None
    parent = Column(
        PARENT_KEY,
        Doc(
            "Ngày đánh giá (đợt)",
            "Audit date",
            "ngày của đợt đánh giá nội bộ (ở trang Đánh giá nội bộ) mà điểm không phù hợp thuộc về",
            "date of the internal audit (on the Internal audits sheet) the nonconformity was found in",
        ),
        "date",
        True,
        {},
        "2022-10-05",
    )
    sheets = [
        Sheet(("agency",), agency.sheet, agency, "record", columns_of(AgencyInfo)),
        Sheet(("qms",), qms.sheet, qms, "record", columns_of(Qms)),
        _table(
            ("qms", "declarations"), _sub(Qms, "declarations"), record_model(Qms, "declarations") or Qms, status=False
        ),
        _table(("steering_committee", "members"), sc, record_model(SteeringCommittee, "members") or Qms, status=True),
        Sheet(
            ("steering_committee", "decisions"), decisions.sheet, decisions, "table", (decision_column,), scalar=True
        ),
    ]
    for name in ("procedures", "internal_procedures", "legal_changes", "scope_changes"):
        sheets.append(_table((name,), _section(name), _records(AgencyFacts, name), status=True))
    sheets.append(_table(("internal_audits",), audits, InternalAudit, status=True))
    sheets.append(
        Sheet(("internal_audits", "nonconformities"), ncs.sheet, ncs, "table", (parent, *columns_of(Nonconformity)))
    )
    for name in ("management_reviews", "quality_objectives", "audit_programs", "reports"):
        sheets.append(_table((name,), _section(name), _records(AgencyFacts, name), status=True))
    return tuple(sheets)


SHEETS: tuple[Sheet, ...] = _build()
BY_PATH = {s.path: s for s in SHEETS}


def sheet_named(name: str) -> Sheet | None:
    """The form sheet a workbook's sheet is, by its name in either language (case and spaces aside)."""
    wanted = " ".join(name.split()).casefold()
    for sheet in SHEETS:
        if wanted in (sheet.name.vi.casefold(), sheet.name.en.casefold()):
            return sheet
    return None


def other_sheet(name: str) -> bool:
    """The cover or the lists sheet, which hold no facts."""
    wanted = " ".join(name.split()).casefold()
    return wanted in {t.casefold() for text in (COVER, LISTS) for t in (text.vi, text.en)}


def choice_labels(column: Column, lang: str) -> list[str]:
    return [words(lang) for words in column.choices.values()]


def choice_value(column: Column, text: Any) -> tuple[bool, Any]:
    """(True, the value) if `text` is one of the column's values, as its label in either language or
    as the facts file writes it; case, spaces and a trailing explanation aside."""
    if isinstance(text, bool) and column.kind == "bool":
        return True, text
    if not isinstance(text, str):
        return False, text
    wanted = " ".join(text.split()).casefold()
    for value, words in column.choices.items():
        if wanted in (str(value).casefold(), words.vi.casefold(), words.en.casefold()):
            return True, value
    if column.kind == "bool" and wanted in ("true", "false", "x", "có", "không", "yes", "no"):
        return True, wanted in ("true", "x", "có", "yes")
    return False, text
