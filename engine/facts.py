"""The agency facts file (contract: shared spec `facts.md`) as pydantic models.

Absent section (None) means "not known"; an empty list means "known to be none" (rulebook §1).
Every model forbids unknown keys except `x_…` annotations, so a typo never silently drops a fact.

Each field also says what it means to a person (`Doc`, in Vietnamese and English, with an example and
the words for each allowed value): the one source of the JSON Schema's titles and descriptions, the
spreadsheet form's sheets, headers and dropdowns, and the comments of the `init` template.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field, ValidationInfo, WithJsonSchema, field_validator, model_validator

from engine.errors import InvalidValue
from engine.lang import T, Text
from engine.quoting import quote
from engine.strict import Strict

# re.ASCII everywhere input is matched: `\d` would also take full-width and other scripts' digits
# ("２０２２-０９"), which pass a check and then never match anything (a silent false violation).
_VN_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$", re.ASCII)
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$", re.ASCII)
DATE_PATTERN = r"^\s*(\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})\s*$"
"""Both written forms of a date (facts.md): ISO `YYYY-MM-DD` and the Vietnamese `DD/MM/YYYY`."""

DATE_FORMS = T("viết theo dạng DD/MM/YYYY hoặc YYYY-MM-DD", "use YYYY-MM-DD or DD/MM/YYYY")

# Python's words for an impossible date, in Vietnamese.
_DATE_REASONS_VI = {
    "day is out of range for month": "tháng này không có ngày đó",
    "month must be in 1..12": "tháng phải từ 1 đến 12",
}


class NotADate(InvalidValue):
    """The value is not a date at all (the explainers say what YAML or the spreadsheet made of it)."""


FIRST_DATE = dt.date(1900, 1, 1)
LAST_DATE = dt.date(2100, 12, 31)
"""The dates the engine accepts, in facts and as `--as-of`: an agency of the state founded in 1945 fits,
and deadlines computed from any accepted date (a year later, the next quarter) stay far inside what
Python's dates can hold (a declaration in 9999 read on 31/12/9999 overflowed into year 10000)."""


def _in_range(day: dt.date, written: str) -> dt.date:
    if not FIRST_DATE <= day <= LAST_DATE:
        span = f"{FIRST_DATE:%d/%m/%Y}–{LAST_DATE:%d/%m/%Y}"
        raise InvalidValue(
            T(
                f"ngày {quote(written)} nằm ngoài khoảng thời gian chương trình chấp nhận ({span}); kiểm tra lại năm",
                f"{quote(written)} is outside the dates this engine accepts ({span}); check the year",
            )
        )
    return day


def digits_hint(value: str) -> Text | str:
    """A hint when text holds digits other than ASCII 0–9 (full-width `２０２２`, Arabic-Indic, …)."""
    if any(c.isdigit() and not c.isascii() for c in value):
        return T(
            "; hãy viết chữ số bằng các ký tự 0–9 (đây là chữ số dạng toàn khổ hoặc chữ số của hệ chữ viết khác)",
            "; write the digits as 0–9 (these are full-width digits, or digits of another script)",
        )
    return ""


def parse_date(value: Any) -> dt.date:
    """ISO dates (YAML already made them dates) or the Vietnamese `DD/MM/YYYY` string, between
    FIRST_DATE and LAST_DATE."""
    if isinstance(value, dt.datetime):
        shown = quote(value.isoformat(sep=" "))
        raise InvalidValue(
            T(f"ngày {shown} có cả giờ; chỉ ghi ngày, ", f"{shown} has a time of day; give the date only, as ")
            + T("theo dạng DD/MM/YYYY hoặc YYYY-MM-DD", "YYYY-MM-DD or DD/MM/YYYY")
        )
    if isinstance(value, dt.date):
        return _in_range(value, value.isoformat())
    if isinstance(value, str):
        for pattern, order in ((_VN_DATE, (2, 1, 0)), (_ISO_DATE, (0, 1, 2))):
            m = pattern.match(value)
            if m:
                parts = [int(g) for g in m.groups()]
                y, mo, d = (parts[i] for i in order)
                try:
                    day = dt.date(y, mo, d)
                except ValueError as exc:
                    reason = str(exc)
                    reason_vi = _DATE_REASONS_VI.get(
                        reason, "năm nằm ngoài khoảng cho phép" if "year" in reason else reason
                    )
                    shown = quote(value.strip())
                    raise InvalidValue(
                        T(
                            f"ngày {shown} không hợp lệ ({reason_vi}); ",
                            f"{shown} is not a real date ({reason}); ",
                        )
                        + DATE_FORMS
                    ) from None
                return _in_range(day, value.strip())
    raise NotADate(
        T(
            f"cần một ngày theo dạng DD/MM/YYYY hoặc YYYY-MM-DD, nhưng đang là {quote(value)}",
            f"expected a date as YYYY-MM-DD or DD/MM/YYYY, got {quote(value)}",
        )
        + (digits_hint(value) if isinstance(value, str) else "")
    )


Date = Annotated[
    dt.date,
    BeforeValidator(parse_date),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": DATE_PATTERN,
            "examples": ["2022-10-05", "05/10/2022"],
        }
    ),
]

_MONTH = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)
_QUARTER = re.compile(r"^(\d{4})-Q(\d)$", re.ASCII)
_YEAR = re.compile(r"^(\d{4})$", re.ASCII)


def period_start(kind: str, period: str) -> dt.date | None:
    """The first day of a report's period (`2022-10`, `2022-Q3`, `2022`), None if it is not one."""
    pattern = {"monthly": _MONTH, "quarterly": _QUARTER, "annual": _YEAR}.get(kind)
    m = pattern.match(period) if pattern else None
    if not m:
        return None
    year = int(m.group(1))
    if kind == "monthly":
        return dt.date(year, int(m.group(2)), 1)
    if kind == "quarterly":
        return dt.date(year, 3 * int(m.group(2)) - 2, 1)
    return dt.date(year, 1, 1)


# ---------------------------------------------------------------- what each field means to a person


@dataclass(frozen=True)
class Doc:
    """A field (or a section) for people: its label (a column header), what to write, an example,
    and for a field with a fixed list of values, each value's words."""

    vi: str
    en: str
    help_vi: str = ""
    help_en: str = ""
    example: Any = None
    choices: Mapping[Any, Text] = field(default_factory=dict)
    sheet: Text | None = None  # a section's sheet name in the spreadsheet form (at most 31 characters)

    @property
    def label(self) -> Text:
        return T(self.vi, self.en)

    @property
    def help(self) -> Text:
        return T(self.help_vi, self.help_en)


def doc_of(model: type[BaseModel], name: str) -> Doc | None:
    """The Doc a field of `model` was declared with."""
    info = model.model_fields.get(name)
    if info is None:
        return None
    return next((m for m in info.metadata if isinstance(m, Doc)), None)


def choice_words(model: type[BaseModel], name: str, lang: str) -> str:
    """`head (Trưởng ban), deputy_head (Phó Trưởng ban), …`: the allowed values of a field, with what
    each means in Vietnamese; just the values in English, where the values are the words."""
    doc = doc_of(model, name)
    if doc is None or not doc.choices:
        return ""
    if lang == "en":
        return ", ".join(str(k) for k in doc.choices)
    return ", ".join(f"{k} ({words.vi})" if str(k) != words.vi else str(k) for k, words in doc.choices.items())


def record_model(model: type[BaseModel], name: str) -> type[BaseModel] | None:
    """The model of a field's records (`Qms` for `qms`, `Declaration` for `declarations`), if any."""
    info = model.model_fields.get(name)
    stack = [info.annotation] if info is not None else []
    while stack:
        annotation = stack.pop()
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return annotation
        stack.extend(typing.get_args(annotation))
    return None


def example_value(model: type[BaseModel], name: str) -> Any:
    """An example of a field's value, from its Doc (a date field without one: a date; a section or
    a list of records: one record built from its own fields' examples)."""
    doc = doc_of(model, name)
    if doc is not None and doc.example is not None:
        return doc.example
    sub = record_model(model, name)
    if sub is not None:
        record = example_record(sub)
        info = model.model_fields[name]
        return [record] if typing.get_origin(_without_none(info.annotation)) is list else record
    return None


def example_record(model: type[BaseModel]) -> dict:
    out = {}
    for name, info in model.model_fields.items():
        if info.exclude:
            continue
        value = example_value(model, name)
        if value is None and _is_date_field(info.annotation):
            value = "2022-10-05"
        if value is not None:
            out[name] = value
    return out


def _without_none(annotation: Any) -> Any:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    return (
        args[0] if len(args) == 1 and typing.get_origin(annotation) in (typing.Union, types.UnionType) else annotation
    )


def _is_date_field(annotation: Any) -> bool:
    return annotation is dt.date or any(_is_date_field(a) for a in typing.get_args(annotation))


Level = Literal["central", "province", "department", "district", "commune"]
LEVELS: Mapping[Any, Text] = {
    "central": T("Trung ương", "central"),
    "province": T("Cấp tỉnh", "province"),
    "department": T("Sở, ban, ngành", "department"),
    "district": T("Cấp huyện", "district"),
    "commune": T("Cấp xã", "commune"),
}
_LEVEL_SUBJECT_VI = {  # a level as the subject of a sentence
    "central": "đơn vị trung ương",
    "province": "cơ quan cấp tỉnh",
    "department": "sở, ban, ngành",
    "district": "cơ quan cấp huyện",
    "commune": "cơ quan cấp xã",
}
Standard = Literal["TCVN ISO 9001:2008", "TCVN ISO 9001:2015"]
STANDARDS: Mapping[Any, Text] = {s: T(s, s) for s in ("TCVN ISO 9001:2008", "TCVN ISO 9001:2015")}
YES_NO: Mapping[Any, Text] = {True: T("Có", "yes"), False: T("Không", "no")}
_STANDARD_DOC = dict(
    help_vi="TCVN ISO 9001:2008 hoặc TCVN ISO 9001:2015",
    help_en="TCVN ISO 9001:2008 or TCVN ISO 9001:2015",
    example="TCVN ISO 9001:2015",
    choices=STANDARDS,
)


class AgencyInfo(Strict):
    id: Annotated[
        str,
        Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=120),
        Doc(
            "Mã cơ quan",
            "Agency id",
            "mã định danh duy nhất của cơ quan: chữ thường a-z không dấu, chữ số và dấu gạch nối",
            "the agency's unique id: lowercase letters a-z, digits and single hyphens",
            "ubnd-tt-huu-lung",
        ),
    ]
    name: Annotated[
        str,
        Field(min_length=1, max_length=300),
        Doc(
            "Tên cơ quan",
            "Agency name",
            "tên đầy đủ của cơ quan, đơn vị",
            "the agency's full name",
            "UBND thị trấn Hữu Lũng",
        ),
    ]
    level: Annotated[
        Level,
        Doc(
            "Cấp",
            "Level",
            "Trung ương: đơn vị thuộc bộ, ngành trung ương; Cấp tỉnh: UBND tỉnh, thành phố trực thuộc trung ương; "
            "Sở, ban, ngành: thuộc UBND tỉnh, kể cả phòng, ban thuộc UBND huyện; Cấp huyện: UBND huyện, quận, "
            "thị xã, thành phố thuộc tỉnh; Cấp xã: UBND xã, phường, thị trấn",
            "central: a unit of a ministry or central agency; province: a provincial People's Committee; "
            "department: a department of the province, also an office of a district; district: a district "
            "People's Committee; commune: a commune, ward or township People's Committee",
            "commune",
            LEVELS,
        ),
    ]
    province: Annotated[
        str | None,
        Doc(
            "Tỉnh, thành phố",
            "Province",
            "bắt buộc, trừ cấp trung ương; ghi đủ dấu tiếng Việt",
            "required except for level central; written with its Vietnamese accents",
            "Lạng Sơn",
        ),
    ] = None
    district: Annotated[
        str | None,
        Doc(
            "Huyện, quận, thị xã",
            "District",
            "bắt buộc với cấp huyện, cấp xã và đơn vị thuộc huyện của bản đồ hành chính cũ (trước 01/07/2025); "
            "phải là tên có trong danh mục huyện của tỉnh (engine/data/districts.yaml)",
            "required for district-level agencies, communes and units of a district of the old map (before "
            "01/07/2025); must be a district of the province in the gazetteer (engine/data/districts.yaml)",
            "Hữu Lũng",
        ),
    ] = None
    reports_to: Annotated[
        str | None,
        Doc(
            "Báo cáo cho (mã cơ quan)",
            "Reports to (agency id)",
            "mã của cơ quan cấp trên nhận báo cáo; không bắt buộc",
            "id of the agency it reports to; optional",
            "ubnd-huyen-huu-lung",
        ),
    ] = None
    programs: Annotated[
        list[str],
        Doc(
            "Chương trình tham gia",
            "Programmes",
            "các chương trình, đề án có tên mà cơ quan tham gia (xem bộ quy tắc); trong bảng tính, "
            "các tên cách nhau bằng dấu chấm phẩy",
            "named programmes the agency takes part in (see the rulebook); in the spreadsheet, "
            "names separated by semicolons",
            ["LS174-pilot"],
        ),
    ] = Field(default_factory=list)
    established: Annotated[
        Date | None,
        Doc(
            "Ngày thành lập",
            "Established",
            "cơ quan tồn tại từ ngày này",
            "the agency exists from this date",
            "2015-01-01",
        ),
    ] = None
    dissolved: Annotated[
        Date | None,
        Doc(
            "Ngày cuối cùng hoạt động",
            "Dissolved (last day)",
            "ngày cuối cùng cơ quan tồn tại (sáp nhập, giải thể, kết thúc cấp huyện năm 2025)",
            "the last day the agency exists (mergers, the 2025 abolition of districts)",
            "2025-06-30",
        ),
    ] = None

    # A misspelt province would silently take the agency out of every local rule: an input error,
    # with the known name it probably meant (engine/data/provinces.yaml).
    @field_validator("province")
    @classmethod
    def _known_province(cls, province: str | None) -> str | None:
        from engine.places import check_province

        return check_province(province)

    # The same for a district (v1.1): a typo would silently take the agency out of every district rule.
    @field_validator("district")
    @classmethod
    def _known_district(cls, district: str | None, info: ValidationInfo) -> str | None:
        from engine.places import check_district

        if district is None or "province" not in info.data:
            return district  # a bad province: that problem is reported instead
        return check_district(district, info.data["province"])

    @model_validator(mode="after")
    def _place_required(self):
        who = _LEVEL_SUBJECT_VI[self.level]
        if self.level != "central" and not self.province:
            raise InvalidValue(
                T(
                    f"{who} (level {self.level}) phải ghi trường 'province' (tỉnh, thành phố)",
                    f"'province' is required for level {self.level}",
                ),
                field="province",
            )
        if self.level in ("district", "commune") and not self.district:
            raise InvalidValue(
                T(
                    f"{who} (level {self.level}) phải ghi trường 'district' (huyện, quận, thị xã)",
                    f"'district' is required for level {self.level}",
                ),
                field="district",
            )
        if self.established and self.dissolved and self.dissolved < self.established:
            raise InvalidValue(
                T(
                    "ngày cuối cùng hoạt động 'dissolved' sớm hơn ngày thành lập 'established'",
                    "'dissolved' is before 'established'",
                ),
                field="dissolved",
            )
        return self


class Declaration(Strict):
    date: Annotated[
        Date, Doc("Ngày công bố", "Date", "ngày ký quyết định công bố", "date of the decision", "2018-05-10")
    ]
    decision: Annotated[
        str | None,
        Doc("Số quyết định", "Decision number", "không bắt buộc", "optional", "45/QĐ-UBND"),
    ] = None
    standard: Annotated[Standard, Doc("Tiêu chuẩn", "Standard", **_STANDARD_DOC)]
    reason: Annotated[
        Literal["initial", "scope_change", "legal_change", "standard_transition", "other"],
        Doc(
            "Lý do công bố",
            "Reason",
            "công bố lần đầu, hoặc công bố lại vì thay đổi phạm vi, thay đổi văn bản pháp luật, "
            "chuyển đổi tiêu chuẩn hay lý do khác; để trống là công bố lần đầu",
            "first declaration, or declared again for a change of scope, of the law, of the standard, or "
            "another reason; empty means initial",
            "initial",
            {
                "initial": T("Công bố lần đầu", "initial"),
                "scope_change": T("Thay đổi phạm vi", "scope_change"),
                "legal_change": T("Thay đổi văn bản pháp luật", "legal_change"),
                "standard_transition": T("Chuyển đổi tiêu chuẩn", "standard_transition"),
                "other": T("Lý do khác", "other"),
            },
        ),
    ] = "initial"
    notified: Annotated[
        Date | None,
        Doc(
            "Ngày gửi thông báo",
            "Notified",
            "ngày gửi văn bản thông báo tới Sở KH&CN hoặc đơn vị của bộ (QĐ 19 Điều 4.3); để trống nếu chưa gửi",
            "date the written notice went to the Department of Science and Technology or the ministry unit "
            "(QĐ 19 art. 4.3); empty if not sent",
            "2018-05-20",
        ),
    ] = None


AgencyId = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=120)]


class Qms(Strict):
    shared_with: Annotated[
        AgencyId | None,
        Doc(
            "Dùng chung HTQLCL của (mã cơ quan)",
            "Applies the QMS of (agency id)",
            "mã của cơ quan có HTQLCL mà cơ quan này áp dụng chung (TT 26 Điều 6.1, 6.3.a), ví dụ phòng "
            "chuyên môn dùng HTQLCL của UBND huyện; khi đó các quy tắc về hệ thống xét theo dữ kiện của cơ quan "
            "đó, và có thể bỏ trống tiêu chuẩn và các quyết định công bố",
            "id of the agency whose QMS this one applies (TT 26 Art. 6.1, 6.3.a), e.g. a district's division "
            "applying the district committee's QMS; the rules about the system are then decided on that "
            "agency's facts, and standard and declarations may be left out",
            "ubnd-huyen-huu-lung",
        ),
    ] = None
    standard: Annotated[Standard | None, Doc("Tiêu chuẩn áp dụng", "Standard applied", **_STANDARD_DOC)] = None
    declarations: Annotated[
        list[Declaration],
        Doc(
            "Công bố HTQLCL",
            "Declarations",
            "các quyết định công bố, công bố lại HTQLCL",
            "the decisions declaring (or declaring again) the QMS",
            sheet=T("Công bố HTQLCL", "Declarations"),
        ),
    ] = Field(default_factory=list)

    @model_validator(mode="after")
    def _standard_unless_shared(self):
        if self.standard is None and self.shared_with is None:
            raise InvalidValue(
                T(
                    "thiếu trường 'standard' (tiêu chuẩn áp dụng), trừ khi 'shared_with' ghi cơ quan có HTQLCL "
                    "được áp dụng chung",
                    "'standard' is required (unless 'shared_with' names the agency whose QMS is applied)",
                )
            )
        return self


class Member(Strict):
    name: Annotated[str, Field(min_length=1), Doc("Họ và tên", "Name", example="Nguyễn Văn A")]
    role: Annotated[
        Literal["head", "deputy_head", "member", "secretary"],
        Doc(
            "Chức danh trong Ban",
            "Role",
            "Trưởng ban, Phó Trưởng ban, Thành viên hoặc Thư ký",
            "head, deputy head, member or secretary",
            "head",
            {
                "head": T("Trưởng ban", "head"),
                "deputy_head": T("Phó Trưởng ban", "deputy_head"),
                "member": T("Thành viên", "member"),
                "secretary": T("Thư ký", "secretary"),
            },
        ),
    ]
    leadership: Annotated[
        bool,
        Doc(
            "Là lãnh đạo cơ quan",
            "Agency leader",
            "có phải là lãnh đạo của cơ quan không; để trống là không",
            "is a leader of the agency; empty means no",
            True,
            YES_NO,
        ),
    ] = False
    since: Annotated[
        Date, Doc("Từ ngày", "Since", "ngày bắt đầu tham gia Ban", "joined the committee on", "2017-03-01")
    ]
    until: Annotated[
        Date | None,
        Doc(
            "Đến ngày",
            "Until",
            "ngày rời Ban (luân chuyển, nghỉ hưu…); để trống nếu vẫn là thành viên",
            "left the committee on (rotation, retirement…); empty if still a member",
            "2022-06-30",
        ),
    ] = None


class SteeringCommittee(Strict):
    decisions: Annotated[
        list[Date],
        Doc(
            "Ngày quyết định thành lập, kiện toàn",
            "Decision dates",
            "ngày các quyết định thành lập, kiện toàn Ban chỉ đạo ISO",
            "dates of the decisions establishing or re-constituting the committee",
            ["2017-03-01", "2022-08-01"],
            sheet=T("BCĐ - Quyết định", "Committee decisions"),
        ),
    ] = Field(default_factory=list)
    members: Annotated[
        list[Member],
        Doc(
            "Thành viên Ban chỉ đạo",
            "Members",
            "thành viên Ban chỉ đạo ISO, kể cả người đã rời Ban",
            "members of the committee, also those who have left",
        ),
    ] = Field(default_factory=list)


class Procedure(Strict):
    code: Annotated[
        str,
        Field(min_length=1),
        Doc(
            "Mã TTHC",
            "Procedure code",
            "mã thủ tục trên Cơ sở dữ liệu quốc gia về TTHC (trong YAML đặt trong dấu nháy)",
            "the code in the national database of procedures (in quotes in YAML)",
            "2.000908",
        ),
    ]
    name: Annotated[str | None, Doc("Tên thủ tục", "Name", example="Chứng thực bản sao từ bản chính")] = None
    effective: Annotated[
        Date | None,
        Doc(
            "Ngày bắt đầu giải quyết",
            "Settled since",
            "từ ngày cơ quan giải quyết thủ tục (quyết định công bố có hiệu lực)",
            "since when the agency settles it (the publication decision in force)",
            "2016-01-01",
        ),
    ] = None
    in_qms_since: Annotated[
        Date | None,
        Doc(
            "Ngày đưa vào HTQLCL",
            "In the QMS since",
            "ngày ban hành quy trình của HTQLCL cho thủ tục; để trống nếu chưa có",
            "a QMS process covering it was issued on; empty if not covered",
            "2016-03-01",
        ),
    ] = None


class InternalProcedure(Strict):
    code: Annotated[str, Field(min_length=1), Doc("Mã quy trình", "Code", example="QT-NB-01")]
    name: Annotated[str | None, Doc("Tên quy trình", "Name", example="Quy trình kiểm soát thông tin dạng văn bản")] = (
        None
    )
    issued: Annotated[Date | None, Doc("Ngày ban hành", "Issued", example="2022-05-01")] = None


class LegalChange(Strict):
    document: Annotated[
        str,
        Field(min_length=1),
        Doc(
            "Văn bản QPPL", "Legal document", "số, ký hiệu văn bản", "the document's number", "Nghị định 107/2021/NĐ-CP"
        ),
    ]
    effective: Annotated[
        Date, Doc("Ngày có hiệu lực", "Effective", "ngày văn bản có hiệu lực thi hành", "in force from", "2021-12-01")
    ]
    incorporated: Annotated[
        Date | None,
        Doc(
            "Ngày cập nhật vào HTQLCL",
            "Incorporated",
            "ngày HTQLCL được cập nhật theo văn bản; để trống nếu chưa cập nhật",
            "the QMS was updated to apply it on; empty if not yet",
            "2022-02-15",
        ),
    ] = None


class ScopeChange(Strict):
    date: Annotated[Date, Doc("Ngày thay đổi", "Date", example="2022-10-01")]
    kind: Annotated[
        Literal["adjust", "expand", "narrow"],
        Doc(
            "Loại thay đổi",
            "Kind",
            "điều chỉnh, mở rộng hoặc thu hẹp phạm vi",
            "adjust, expand or narrow the scope",
            "expand",
            {"adjust": T("Điều chỉnh", "adjust"), "expand": T("Mở rộng", "expand"), "narrow": T("Thu hẹp", "narrow")},
        ),
    ]
    note: Annotated[str | None, Doc("Ghi chú", "Note", example="thêm 12 TTHC mới")] = None


class Nonconformity(Strict):
    id: Annotated[str, Field(min_length=1), Doc("Mã điểm không phù hợp", "Id", example="NC-2022-01")]
    due: Annotated[
        Date | None,
        Doc(
            "Hạn khắc phục",
            "Due",
            "ngày đã thống nhất để hoàn thành khắc phục",
            "agreed date for the corrective action",
            "2022-12-31",
        ),
    ] = None
    closed: Annotated[
        Date | None,
        Doc(
            "Ngày khắc phục xong",
            "Closed",
            "ngày hành động khắc phục được kiểm tra xác nhận; để trống nếu chưa xong",
            "the corrective action was verified closed on; empty if still open",
            "2022-11-30",
        ),
    ] = None


class InternalAudit(Strict):
    date: Annotated[Date, Doc("Ngày đánh giá", "Audit date", example="2022-10-05")]
    nonconformities: Annotated[
        list[Nonconformity],
        Doc(
            "Điểm không phù hợp",
            "Nonconformities",
            "các điểm không phù hợp phát hiện trong đợt đánh giá",
            "nonconformities found in the audit",
            sheet=T("Điểm không phù hợp", "Nonconformities"),
        ),
    ] = Field(default_factory=list)


class ManagementReview(Strict):
    date: Annotated[Date, Doc("Ngày xem xét", "Review date", example="2022-10-20")]


class YearPlan(Strict):
    year: Annotated[int, Field(ge=1990, le=2100), Doc("Năm", "Year", "từ 1990 đến 2100", "1990 to 2100", 2022)]
    issued: Annotated[
        Date | None,
        Doc("Ngày ban hành", "Issued", "để trống nếu chưa ban hành", "empty if not issued yet", "2022-02-01"),
    ] = None


REPORT_KINDS: Mapping[Any, Text] = {
    "monthly": T("Hằng tháng", "monthly"),
    "quarterly": T("Hằng quý", "quarterly"),
    "annual": T("Hằng năm", "annual"),
}


class Report(Strict):
    kind: Annotated[
        Literal["monthly", "quarterly", "annual"],
        Doc(
            "Loại báo cáo",
            "Kind",
            "hằng tháng, hằng quý hoặc hằng năm",
            "monthly, quarterly or annual",
            "monthly",
            REPORT_KINDS,
        ),
    ]
    # `period: 2022` (an annual report) reaches us as a YAML integer; it means the text "2022".
    period: Annotated[
        str,
        BeforeValidator(lambda v: str(v) if isinstance(v, int) and not isinstance(v, bool) else v),
        WithJsonSchema({"type": ["string", "integer"], "pattern": r"^\d{4}(-\d{2}|-Q[1-4])?$"}),
        Doc(
            "Kỳ báo cáo",
            "Period",
            "tháng YYYY-MM, quý YYYY-Qn hoặc năm YYYY",
            "monthly YYYY-MM, quarterly YYYY-Qn or annual YYYY",
            "2022-10",
        ),
    ]
    submitted: Annotated[Date, Doc("Ngày gửi", "Submitted", example="2022-10-21")]
    to: Annotated[str | None, Doc("Nơi nhận", "Sent to", "không bắt buộc", "optional", "BCĐ 19 tỉnh")] = None

    # A field validator (not a model one) so the error's path ends in `.period`. `kind` is declared
    # first, so it is already validated here; if it was invalid, that error is reported instead.
    @field_validator("period")
    @classmethod
    def _period_matches_kind(cls, period: str, info: ValidationInfo) -> str:
        kind = info.data.get("kind")
        if kind is None:
            return period
        pattern, example = {
            "monthly": (_MONTH, "2022-10"),
            "quarterly": (_QUARTER, "2022-Q3"),
            "annual": (_YEAR, "2022"),
        }[kind]
        m = pattern.match(str(period))
        ok = m is not None
        if m is not None and kind == "monthly":
            ok = 1 <= int(m.group(2)) <= 12
        if m is not None and kind == "quarterly":
            ok = 1 <= int(m.group(2)) <= 4
        if not ok:
            kind_vi = {"monthly": "tháng", "quarterly": "quý", "annual": "năm"}[kind]
            raise InvalidValue(
                T(
                    f"kỳ {quote(period)} không phải là kỳ báo cáo {kind_vi} (ví dụ {example})",
                    f"period {quote(period)} is not a {kind} period (e.g. {example})",
                )
                + digits_hint(str(period))
            )
        return period


def _section(vi: str, en: str, help_vi: str, help_en: str, sheet: Text) -> Doc:
    return Doc(vi, en, help_vi, help_en, sheet=sheet)


class AgencyFacts(Strict):
    """One agency's facts file. Sections left as None are unknown, not empty."""

    agency: Annotated[
        AgencyInfo,
        _section("Cơ quan", "Agency", "cơ quan, đơn vị được đánh giá", "the agency evaluated", T("Cơ quan", "Agency")),
    ]
    qms: Annotated[
        Qms | None,
        _section(
            "Hệ thống quản lý chất lượng",
            "Quality management system",
            "HTQLCL theo TCVN ISO 9001; bỏ trống mục này nếu cơ quan chưa xây dựng HTQLCL",
            "the QMS under TCVN ISO 9001; leave the section out if the agency has none yet",
            T("HTQLCL", "QMS"),
        ),
    ] = None
    steering_committee: Annotated[
        SteeringCommittee | None,
        _section(
            "Ban chỉ đạo ISO",
            "ISO steering committee",
            "Ban chỉ đạo ISO của cơ quan: các quyết định thành lập, kiện toàn và các thành viên",
            "the agency's ISO steering committee: the decisions establishing it and its members",
            T("Ban chỉ đạo", "Steering committee"),
        ),
    ] = None
    procedures: Annotated[
        list[Procedure] | None,
        _section(
            "Thủ tục hành chính",
            "Administrative procedures",
            "các TTHC cơ quan giải quyết cho tổ chức, cá nhân",
            "administrative procedures the agency settles for organisations and people",
            T("TTHC", "Procedures"),
        ),
    ] = None
    internal_procedures: Annotated[
        list[InternalProcedure] | None,
        _section(
            "Quy trình nội bộ",
            "Internal procedures",
            "các quy trình nội bộ thuộc HTQLCL",
            "internal work processes under the QMS",
            T("Quy trình nội bộ", "Internal procedures"),
        ),
    ] = None
    legal_changes: Annotated[
        list[LegalChange] | None,
        _section(
            "Thay đổi văn bản QPPL",
            "Legal changes",
            "các văn bản quy phạm pháp luật thay đổi có liên quan đến quy trình của HTQLCL",
            "changes of legal normative documents affecting the QMS processes",
            T("Thay đổi VBQPPL", "Legal changes"),
        ),
    ] = None
    scope_changes: Annotated[
        list[ScopeChange] | None,
        _section(
            "Thay đổi phạm vi",
            "Scope changes",
            "các lần thay đổi phạm vi áp dụng HTQLCL",
            "changes of the QMS scope",
            T("Thay đổi phạm vi", "Scope changes"),
        ),
    ] = None
    internal_audits: Annotated[
        list[InternalAudit] | None,
        _section(
            "Đánh giá nội bộ",
            "Internal audits",
            "các đợt đánh giá nội bộ",
            "internal audits",
            T("Đánh giá nội bộ", "Internal audits"),
        ),
    ] = None
    management_reviews: Annotated[
        list[ManagementReview] | None,
        _section(
            "Xem xét của lãnh đạo",
            "Management reviews",
            "các lần lãnh đạo xem xét HTQLCL",
            "management reviews of the QMS",
            T("Xem xét của lãnh đạo", "Management reviews"),
        ),
    ] = None
    quality_objectives: Annotated[
        list[YearPlan] | None,
        _section(
            "Mục tiêu chất lượng",
            "Quality objectives",
            "mục tiêu chất lượng và kế hoạch thực hiện mục tiêu của từng năm",
            "each year's quality objectives and plan to meet them",
            T("Mục tiêu chất lượng", "Quality objectives"),
        ),
    ] = None
    audit_programs: Annotated[
        list[YearPlan] | None,
        _section(
            "Chương trình đánh giá nội bộ",
            "Internal audit programmes",
            "chương trình và kế hoạch đánh giá nội bộ của từng năm",
            "each year's internal audit programme and plan",
            T("Chương trình ĐGNB", "Audit programmes"),
        ),
    ] = None
    reports: Annotated[
        list[Report] | None,
        _section(
            "Báo cáo",
            "Reports",
            "các báo cáo tình hình áp dụng HTQLCL đã gửi",
            "reports sent on the QMS",
            T("Báo cáo", "Reports"),
        ),
    ] = None

    # `steering_committee: null` means "known to have none"; absent means unknown. The loader records
    # which sections were present in the file, since pydantic cannot tell null from absent by itself.
    present_sections: frozenset[str] = Field(default=frozenset(), exclude=True, repr=False)

    @model_validator(mode="after")
    def _not_shared_with_itself(self):
        if self.qms is not None and self.qms.shared_with == self.agency.id:
            raise InvalidValue(
                T(
                    f"qms.shared_with ghi chính cơ quan này ('{self.agency.id}'): hãy ghi mã của cơ quan có "
                    f"HTQLCL được áp dụng chung, hoặc bỏ shared_with",
                    f"qms.shared_with names the agency itself ('{self.agency.id}'): name the agency whose QMS it "
                    f"applies, or remove shared_with",
                )
            )
        return self

    def known(self, section: str) -> bool:
        return section in self.present_sections or getattr(self, section) is not None

    # Facts that contradict each other. Decided case by case (docs/input-validation.md): what cannot
    # happen is refused like any bad input; what is odd but has a real case is evaluated with a warning.

    def contradictions(self) -> list[tuple[tuple, Text]]:
        """(field path, message) for each pair of dates that cannot both be true."""
        found: list[tuple[tuple, Text]] = []
        for i, r in enumerate(self.reports or []):
            start = period_start(r.kind, r.period)
            if start is not None and r.submitted < start:
                found.append(
                    (
                        ("reports", i, "submitted"),
                        T(
                            f"báo cáo được gửi ngày {r.submitted:%d/%m/%Y}, trước khi kỳ {r.period} bắt đầu "
                            f"({start:%d/%m/%Y}); kiểm tra lại ngày gửi hoặc kỳ báo cáo",
                            f"the report is submitted on {r.submitted:%d/%m/%Y}, before its period {r.period} "
                            f"began ({start:%d/%m/%Y}); check the date or the period",
                        ),
                    )
                )
        for i, audit in enumerate(self.internal_audits or []):
            for j, nc in enumerate(audit.nonconformities):
                if nc.closed is not None and nc.closed < audit.date:
                    found.append(
                        (
                            ("internal_audits", i, "nonconformities", j, "closed"),
                            T(
                                f"điểm không phù hợp được khắc phục xong ngày {nc.closed:%d/%m/%Y}, trước đợt "
                                f"đánh giá nội bộ phát hiện ra nó ({audit.date:%d/%m/%Y}); kiểm tra lại các ngày",
                                f"the nonconformity is closed on {nc.closed:%d/%m/%Y}, before the internal audit "
                                f"that found it ({audit.date:%d/%m/%Y}); check the dates",
                            ),
                        )
                    )
        for i, m in enumerate(self.steering_committee.members if self.steering_committee else []):
            if m.until is not None and m.until < m.since:
                found.append(
                    (
                        ("steering_committee", "members", i, "until"),
                        T(
                            f"ngày thôi tham gia 'until' ({m.until:%d/%m/%Y}) sớm hơn ngày bắt đầu tham gia "
                            f"'since' ({m.since:%d/%m/%Y}); kiểm tra lại các ngày",
                            f"'until' ({m.until:%d/%m/%Y}) is before 'since' ({m.since:%d/%m/%Y}); check the dates",
                        ),
                    )
                )
        for i, d in enumerate(self.qms.declarations if self.qms else []):
            if d.notified is not None and d.notified < d.date:
                found.append(
                    (
                        ("qms", "declarations", i, "notified"),
                        T(
                            f"việc công bố được thông báo ngày {d.notified:%d/%m/%Y}, trước ngày ký quyết định "
                            f"công bố ({d.date:%d/%m/%Y}); kiểm tra lại các ngày",
                            f"the declaration is notified on {d.notified:%d/%m/%Y}, before it was made "
                            f"({d.date:%d/%m/%Y}); check the dates",
                        ),
                    )
                )
        return found

    def doubts(self) -> list[Text]:
        """Warnings for dates that are odd but can be true."""
        out: list[Text] = []
        for i, audit in enumerate(self.internal_audits or []):
            for j, nc in enumerate(audit.nonconformities):
                if nc.due is not None and nc.due < audit.date:
                    # An audit over several days, dated by its last one, may set a deadline that falls
                    # before that date.
                    path = f"internal_audits[{i}].nonconformities[{j}].due"
                    out.append(
                        T(
                            f"{path} = {nc.due:%d/%m/%Y} sớm hơn ngày của đợt đánh giá nội bộ phát hiện điểm "
                            f"không phù hợp ({audit.date:%d/%m/%Y}): kiểm tra lại ngày này",
                            f"{path} = {nc.due.isoformat()} is before the internal audit that found it "
                            f"({audit.date.isoformat()}): check the date",
                        )
                    )
        founded = self.agency.established
        if founded is not None:
            # A QMS record older than the agency: possible when a reorganised agency carries on its
            # predecessor's system, more often a typo in a year.
            dated = [
                *(
                    (f"qms.declarations[{i}].date", d.date)
                    for i, d in enumerate(self.qms.declarations if self.qms else [])
                ),
                *((f"internal_audits[{i}].date", a.date) for i, a in enumerate(self.internal_audits or [])),
                *((f"management_reviews[{i}].date", r.date) for i, r in enumerate(self.management_reviews or [])),
                *((f"reports[{i}].submitted", r.submitted) for i, r in enumerate(self.reports or [])),
            ]
            out.extend(
                T(
                    f"{path} = {day:%d/%m/%Y} sớm hơn ngày thành lập cơ quan ({founded:%d/%m/%Y}): kiểm tra lại ngày này",
                    f"{path} = {day.isoformat()} is before the agency was established ({founded.isoformat()}): "
                    "check the date",
                )
                for path, day in dated
                if day < founded
            )
        return out

    @model_validator(mode="before")
    @classmethod
    def _record_sections(cls, data: Any):
        # A user-written `present_sections` key is dropped here; it is not part of the contract.
        if isinstance(data, dict):
            data = {k: v for k, v in data.items() if k != "present_sections"}
            data["present_sections"] = frozenset(k for k in data if k in _SECTIONS)
        return data


_SECTIONS = frozenset(
    {
        "qms",
        "steering_committee",
        "procedures",
        "internal_procedures",
        "legal_changes",
        "scope_changes",
        "internal_audits",
        "management_reviews",
        "quality_objectives",
        "audit_programs",
        "reports",
    }
)
