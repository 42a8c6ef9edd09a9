"""The words of the living documentation around the law's own text, in Vietnamese and English.

Quotes, scenarios and step sentences stay Vietnamese in both languages: they are the law and the tests
as written. Only labels, headings and status words change.
"""
from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "site_title": "Tài liệu sống: điều khoản, quy tắc và tình huống kiểm thử",
        "site_intro": "Mỗi điều khoản của các văn bản nguồn, trạng thái của nó, các quy tắc kiểm tra nó và các "
                      "tình huống kiểm thử của từng quy tắc với kết quả của lần chạy này.",
        "run_date": "Ngày chạy", "version": "Phiên bản quy tắc (commit)", "uncommitted": "có thay đổi chưa commit",
        "coverage": "Tổng quan", "clauses_by_status": "Điều khoản theo trạng thái",
        "rules_by_scenarios": "Quy tắc theo kết quả tình huống", "scenarios": "Tình huống",
        "documents": "Văn bản nguồn", "document": "Văn bản", "clauses": "Điều khoản", "rules": "Quy tắc",
        "vocabulary": "Từ vựng bước", "vocabulary_intro":
            "Các câu dùng được trong tình huống, lấy trực tiếp từ định nghĩa bước (tests/steps), mỗi câu kèm một "
            "ví dụ từ các tệp tính năng. Câu có thể bắt đầu bằng Cho, Khi, Thì, Và hoặc Nhưng; <tên> là chỗ điền "
            "giá trị, [ … ] là phần có thể bỏ.",
        "sentence": "Câu", "example": "Ví dụ", "uses": "Số lần dùng", "defined_in": "Định nghĩa tại",
        "unused": "chưa dùng trong tình huống nào",
        "unmatched": "Câu trong tình huống không khớp với bước nào",
        "status.rule": "có quy tắc", "status.rule_pending": "có quy tắc, chưa có tệp quy tắc",
        "status.manual": "người kiểm tra", "status.informative": "thông tin",
        "status.out_of_scope": "ngoài phạm vi",
        "payload.manual": "Người kiểm tra xem", "payload.informative": "Công cụ phục vụ bằng",
        "payload.out_of_scope": "Nghĩa vụ của", "note": "Ghi chú",
        "coverage.passing": "mọi tình huống thành công", "coverage.failing": "có tình huống thất bại",
        "coverage.not_run": "có tình huống chưa chạy", "coverage.no_scenarios": "chưa có tình huống",
        "result.passed": "thành công", "result.failed": "thất bại", "result.not_run": "chưa chạy",
        "pending_rule": "chưa có trong tệp quy tắc", "rule_no_scenarios": "Quy tắc chưa có tình huống nào",
        "clause_without_rule": "Điều khoản có trạng thái quy tắc nhưng chưa có quy tắc nào",
        "failed_scenarios": "Tình huống thất bại", "untraced_rules": "Quy tắc không gắn với điều khoản nào trong sổ",
        "untagged_scenarios": "Tình huống không gắn với quy tắc nào",
        "none": "không có", "interpretation": "Cách hiểu", "not_formalised": "Chưa mô hình hóa",
        "parameters": "Tham số", "validity": "Hiệu lực", "from": "từ", "to": "đến", "open_ended": "không thời hạn",
        "binds": "Áp dụng cho", "sources": "Nguồn", "rules_file": "Tệp quy tắc", "duty": "Nghĩa vụ",
        "see_rule": "xem đầy đủ tại", "issuer": "Cơ quan ban hành",
        "source_file": "Tệp nguồn", "total": "Tổng", "back": "Trang đầu", 
        "failure": "Lỗi", "article": "Điều", "status": "Trạng thái", 
        "clause": "Điều khoản",
    },
    "en": {
        "site_title": "Living documentation: clauses, rules and test scenarios",
        "site_intro": "Every clause of the source documents, its status, the rules that check it and each rule's "
                      "test scenarios with their result in this run.",
        "run_date": "Run date", "version": "Rules version (commit)", "uncommitted": "with uncommitted changes",
        "coverage": "Coverage at a glance", "clauses_by_status": "Clauses by status",
        "rules_by_scenarios": "Rules by scenario results", "scenarios": "Scenarios",
        "documents": "Source documents", "document": "Document", "clauses": "Clauses", "rules": "Rules",
        "vocabulary": "Step vocabulary", "vocabulary_intro":
            "The sentences a scenario may use, read from the step definitions (tests/steps), each with an example "
            "from the feature files. A sentence may start with Cho, Khi, Thì, Và or Nhưng; <name> is where a value "
            "goes, [ … ] may be left out.",
        "sentence": "Sentence", "example": "Example", "uses": "Uses", "defined_in": "Defined in",
        "unused": "not used by any scenario",
        "unmatched": "Sentences in scenarios that match no step",
        "status.rule": "checked by rules", "status.rule_pending": "rules pending (no rules file yet)",
        "status.manual": "manual check", "status.informative": "informative",
        "status.out_of_scope": "out of scope",
        "payload.manual": "A person checks", "payload.informative": "Served by",
        "payload.out_of_scope": "The duty of", "note": "Note",
        "coverage.passing": "all scenarios pass", "coverage.failing": "a scenario fails",
        "coverage.not_run": "a scenario did not run", "coverage.no_scenarios": "no scenarios",
        "result.passed": "passed", "result.failed": "failed", "result.not_run": "not run",
        "pending_rule": "not in the rules files yet", "rule_no_scenarios": "Rules without scenarios",
        "clause_without_rule": "Clauses with status rule but no rule yet",
        "failed_scenarios": "Failed scenarios", "untraced_rules": "Rules tied to no clause of the register",
        "untagged_scenarios": "Scenarios tied to no rule",
        "none": "none", "interpretation": "Interpretation", "not_formalised": "Not formalised",
        "parameters": "Parameters", "validity": "Validity", "from": "from", "to": "to", "open_ended": "open-ended",
        "binds": "Binds", "sources": "Sources", "rules_file": "Rules file", "duty": "Duty",
        "see_rule": "shown in full at", "issuer": "Issued by",
        "source_file": "Source file", "total": "Total", "back": "Cover page", 
        "failure": "Failure", "article": "Article", "status": "Status", 
        "clause": "Clause",
    },
}

LANGS = tuple(LABELS)


def labels(lang: str) -> dict[str, str]:
    return LABELS[lang]
