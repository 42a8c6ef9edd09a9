"""`htqlcl rules new FOLDER`: a new rule pack with one example of each part (a rules file with one rule,
its source text, its clause register, its scenarios, a sample agency and a README), which passes
`htqlcl rules check` as written: the author replaces the example with the plan's own words and rules.

The folder is written whole or not at all: into a temporary folder beside it, renamed into place at the
end; an existing folder that is not empty is never written into.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from pathlib import Path

from engine.errors import InputError, Problem
from engine.lang import T

DOCUMENT_ID = re.compile(r"^[A-Z0-9]+$")


def _fail(where: str, field: str, vi: str, en: str) -> InputError:
    return InputError([Problem(where, None, None, field, T(vi, en))])


def new_pack(folder: Path | str, *, document_id: str = "KH", province: str = "Huế", year: int | None = None) -> Path:
    """Write the example pack into `folder` (which must not exist, or be empty); return its path."""
    from engine.places import check_province

    target = Path(folder)
    year = year or dt.date.today().year
    if not DOCUMENT_ID.match(document_id):
        raise _fail(
            "--id",
            "",
            f"mã văn bản '{document_id}' chỉ được gồm chữ in hoa không dấu và chữ số, ví dụ KH2026",
            f"the document id '{document_id}' may hold only capital letters A–Z and digits, e.g. KH2026",
        )
    if not 2015 <= year <= 2100:
        raise _fail("--year", "", f"năm {year} nằm ngoài 2015–2100", f"the year {year} is outside 2015–2100")
    try:
        province = check_province(province) or province
    except ValueError as e:
        raise _fail("--province", "", str(e), str(e)) from None
    if target.is_symlink() or (target.exists() and (not target.is_dir() or any(target.iterdir()))):
        raise _fail(
            str(target),
            "",
            "đã có tệp hoặc thư mục không rỗng ở đây: không ghi đè, hãy chọn thư mục mới",
            "a file or a folder that is not empty is already there: nothing is overwritten, choose a new folder",
        )
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise _fail(str(parent), "", "không có thư mục này", "no such folder")
    files = _files(document_id, province, year)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    try:
        mode = 0o777 & ~_umask()
        for rel, text in files.items():
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        for path in [staging, *staging.rglob("*")]:
            os.chmod(path, mode if path.is_dir() else mode & 0o666)  # mkdtemp made it owner-only
        if target.exists():
            target.rmdir()  # empty, checked above
        os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _files(doc: str, province: str, year: int) -> dict[str, str]:
    stem = doc.lower()
    values = {"DOC": doc, "STEM": stem, "PROVINCE": province, "YEAR": str(year), "NEXT": str(year + 1)}

    def fill(text: str) -> str:
        return re.sub(r"\{(DOC|STEM|PROVINCE|YEAR|NEXT)\}", lambda m: values[m.group(1)], text)

    return {
        f"{stem}.yaml": fill(RULES),
        f"sources/{stem}.md": fill(SOURCE),
        f"register/{stem}.yaml": fill(REGISTER),
        f"features/{stem}.feature": fill(FEATURE),
        "agencies/so-mau.yaml": fill(AGENCY),
        "README.md": fill(README),
    }


QUOTE = (
    "Các sở, ban, ngành gửi báo cáo tình hình xây dựng, áp dụng, duy trì và cải tiến Hệ thống quản lý chất "
    "lượng của đơn vị về Sở Khoa học và Công nghệ trước ngày 20 hằng tháng."
)

SOURCE = f"""# Kế hoạch mẫu số 01/{{DOC}} năm {{YEAR}} (văn bản minh họa)

Văn bản này chỉ là ví dụ do `htqlcl rules new` viết ra để gói quy tắc chạy được ngay. Hãy thay bằng
nguyên văn kế hoạch thật của tỉnh (tải từ cổng thông tin, giữ nguyên từng chữ), rồi sửa các trích dẫn
trong tệp quy tắc và sổ điều khoản cho khớp.

## III. Tổ chức thực hiện

1. {QUOTE}
"""

RULES = f"""# Tệp quy tắc của gói: mỗi văn bản nguồn một tệp (ở đây là sources/{{STEM}}.md), như rules/*.yaml của
# bộ quy tắc có sẵn. Công cụ áp dụng đúng từng giá trị ghi dưới đây; `htqlcl rules check` đối chiếu các
# trích dẫn với sources/, với sổ điều khoản và chạy các kịch bản trong features/{{STEM}}.feature.
# (A rules file of the pack, one per source document; every value below is applied as written.)

document:
  id: {{DOC}}
  number: "01/{{DOC}}"
  title: "Kế hoạch mẫu: xây dựng, áp dụng, duy trì và cải tiến HTQLCL năm {{YEAR}} (văn bản minh họa)"
  issuer: "UBND tỉnh {{PROVINCE}}"
  in_force: {{YEAR}}-01-01
  source_file: {{STEM}}.md
  note: ví dụ do `htqlcl rules new` viết ra; thay bằng nội dung của kế hoạch thật

clauses:
  - id: {{DOC}}/III.1
    clause: mục III khoản 1
    quote: "{QUOTE}"

rules:
  - id: {{DOC}}-MONTHLY-REPORT
    title:
      vi: Các sở, ban, ngành gửi báo cáo HTQLCL hằng tháng trước ngày 20
      en: The province's departments report on the QMS every month before the 20th
    sources: [{{DOC}}/III.1]
    valid_from: {{YEAR}}-01-01
    valid_to: {{YEAR}}-12-31
    binds:
      levels: [department]
      province: {{PROVINCE}}
    per:
      month: {{start: valid_from}}
    due:
      day_of_month: {{before_day: $before_day}}
    discharged_by:
      report: {{kind: monthly}}
    needs: [reports]
    duty:
      vi: Gửi báo cáo tháng về Sở Khoa học và Công nghệ
      en: Send the month's report to the Department of Science and Technology
    interpretation:
      vi: >-
        Mỗi sở, ban, ngành của tỉnh gửi báo cáo tháng (kind monthly, kỳ YYYY-MM) của chính tháng đó. "Trước ngày 20"
        đọc theo nghĩa đen: ngày cuối cùng đúng hạn là ngày 19, ngày cố định, không lùi ngày nghỉ.
      en: >-
        Each department of the province sends a monthly report (kind monthly, period YYYY-MM) for
        that month. "Before the 20th" is read literally: the last day on time is the 19th, a fixed date, never
        moved for a day off.
    parameters:  # các con số người rà soát cần kiểm tra, dùng ở trên dưới dạng $tên; thẻ quy tắc hiện đúng giá trị áp dụng
      before_day: 20
"""

REGISTER = """# Sổ điều khoản của sources/{STEM}.md: mọi điều khoản của văn bản và cách công cụ xử lý điều khoản đó
# (status: rule, manual, informative hoặc out_of_scope). `text` là nguyên văn của văn bản nguồn.
# (The clause register: every clause of the document with its status; `text` is verbatim.)

document:
  id: {DOC}
  number: "01/{DOC}"
  title: "Kế hoạch mẫu: xây dựng, áp dụng, duy trì và cải tiến HTQLCL năm {YEAR} (văn bản minh họa)"
  issuer: "UBND tỉnh {PROVINCE}"
  kind: local
  signed: {YEAR}-01-01
  source_file: {STEM}.md
  rules_file: {STEM}.yaml
  form: plan
  in_force: {YEAR}-01-01
  text:
    form: project_note
  note:
    vi: "Văn bản minh họa do htqlcl rules new viết ra; thay bằng kế hoạch thật của tỉnh."
    en: "An illustrative text written by htqlcl rules new; replace it with the province's real plan."

clauses:
  - id: {DOC}/III.1
    clause: mục III khoản 1
    text: "QUOTE"
    status: rule
    rules: [{DOC}-MONTHLY-REPORT]
""".replace("QUOTE", QUOTE)

FEATURE = f"""# language: vi
Tính năng: Kế hoạch mẫu 01/{{DOC}} năm {{YEAR}} của UBND tỉnh {{PROVINCE}}
  Các kịch bản của gói quy tắc: mỗi quy tắc một khối `Quy tắc` gắn thẻ mã quy tắc, trích nguyên văn điều
  khoản, có trường hợp đạt, vi phạm và thiếu dữ liệu, và các ngày biên.

  @{{DOC}}-MONTHLY-REPORT
  Quy tắc: Các sở, ban, ngành gửi báo cáo HTQLCL hằng tháng trước ngày 20
    Mục III khoản 1: "{QUOTE}"
    Cách hiểu: ngày cuối cùng đúng hạn là ngày 19, ngày cố định, không lùi ngày nghỉ.

    Bối cảnh:
      Cho cơ quan theo tệp mẫu "so-mau"

    Tình huống: báo cáo tháng 03/{{YEAR}} gửi ngày 10/03/{{YEAR}} → đạt
      Cho mục "Báo cáo" gồm:
        | Loại báo cáo | Kỳ báo cáo | Ngày gửi     |
        | Hằng tháng   | {{YEAR}}-03  | 10/03/{{YEAR}} |
      Và ngày đánh giá là "31/03/{{YEAR}}"
      Khi đánh giá
      Thì quy tắc "{{DOC}}-MONTHLY-REPORT" với "{{YEAR}}-03" có kết quả "đạt"
      Và hạn là "19/03/{{YEAR}}"
      Và ngày thực hiện là "10/03/{{YEAR}}"
      Và nguồn gồm "{{DOC}}/III.1"

    Khung tình huống: báo cáo tháng 03/{{YEAR}} gửi ngày <gửi> → <kết_quả>
      Cho mục "Báo cáo" gồm:
        | Loại báo cáo | Kỳ báo cáo | Ngày gửi |
        | Hằng tháng   | {{YEAR}}-03  | <gửi>    |
      Và ngày đánh giá là "31/03/{{YEAR}}"
      Khi đánh giá
      Thì quy tắc "{{DOC}}-MONTHLY-REPORT" với "{{YEAR}}-03" có kết quả "<kết_quả>"

      Dữ liệu: "trước ngày 20": ngày 19 là ngày cuối cùng
        | gửi          | kết_quả |
        | 19/03/{{YEAR}} | đạt     |
        | 20/03/{{YEAR}} | vi phạm |

    Khung tình huống: chưa gửi báo cáo tháng 03/{{YEAR}}, đánh giá ngày <đánh_giá> → <kết_quả>
      Cho mục "Báo cáo" trống
      Và ngày đánh giá là "<đánh_giá>"
      Khi đánh giá
      Thì quy tắc "{{DOC}}-MONTHLY-REPORT" với "{{YEAR}}-03" có kết quả "<kết_quả>"

      Dữ liệu:
        | đánh_giá     | kết_quả  |
        | 19/03/{{YEAR}} | đang chờ |
        | 20/03/{{YEAR}} | vi phạm  |

    Tình huống: tệp không có mục báo cáo → thiếu dữ liệu
      Cho ngày đánh giá là "31/03/{{YEAR}}"
      Và không có mục "Báo cáo"
      Khi đánh giá
      Thì quy tắc "{{DOC}}-MONTHLY-REPORT" có kết quả "thiếu dữ liệu"

    Tình huống: tháng 01/{{NEXT}} ngoài thời hạn của kế hoạch
      Cho mục "Báo cáo" trống
      Và ngày đánh giá là "31/01/{{NEXT}}"
      Khi đánh giá
      Thì quy tắc "{{DOC}}-MONTHLY-REPORT" không có phát hiện nào với "{{NEXT}}-01"
      Và quy tắc "{{DOC}}-MONTHLY-REPORT" với "{{YEAR}}-12" có kết quả "vi phạm"

    Tình huống: sở của tỉnh khác → không áp dụng
      Cho một cơ quan cấp "sở" tại tỉnh "Hà Nội"
      Và mục "Báo cáo" trống
      Và ngày đánh giá là "31/03/{{YEAR}}"
      Khi đánh giá
      Thì quy tắc "{{DOC}}-MONTHLY-REPORT" có kết quả "không áp dụng"
"""

AGENCY = """# Cơ quan mẫu cho các kịch bản ("Cho cơ quan theo tệp mẫu \\"so-mau\\""): chỉ gồm dữ kiện.
agency:
  id: so-mau
  name: Sở Mẫu tỉnh {PROVINCE}
  level: department
  province: {PROVINCE}
"""

README = """# Gói quy tắc {DOC} — tỉnh {PROVINCE}, năm {YEAR}

Gói quy tắc do `htqlcl rules new` tạo ra, với một ví dụ cho mỗi phần. Thay ví dụ bằng kế hoạch thật:

- `{STEM}.yaml` — tệp quy tắc: văn bản, các điều khoản trích nguyên văn, các quy tắc;
- `sources/{STEM}.md` — nguyên văn văn bản nguồn (mọi trích dẫn phải có đúng từng chữ ở đây);
- `register/{STEM}.yaml` — sổ điều khoản: mọi điều khoản của văn bản, mỗi điều khoản một trạng thái;
- `features/{STEM}.feature` — kịch bản tiếng Việt cho mỗi quy tắc (đạt, vi phạm, thiếu dữ liệu, ngày biên);
- `agencies/` — các cơ quan mẫu mà kịch bản gọi tên.

Kiểm tra gói: `htqlcl rules check .` — đánh giá với gói: `htqlcl evaluate CO-QUAN.yaml --rules .` —
tài liệu sống: `htqlcl report --rules .`

---

A rule pack written by `htqlcl rules new`, one example of each part; replace the example with the real
plan. Check it with `htqlcl rules check .`, evaluate with it with `htqlcl evaluate AGENCY.yaml --rules .`,
build its living documentation with `htqlcl report --rules .`.
"""
