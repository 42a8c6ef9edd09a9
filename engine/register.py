"""The clause register (`rules/register/*.yaml`): every clause of every source document, with what the
product does about it, and the cross-checks that keep it true to the sources and the rules files.

A clause's `status` says who takes care of it: `rule` (the rules that check it), `manual` (what a person
checks), `informative` (how the product serves it without a finding) or `out_of_scope` (whose duty it is).
Nothing in a register executes; it is the traceability table a legal reviewer reads (rulebook.md §6).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, field_validator

from engine.errors import InputError, Problem, load_all
from engine.facts import Date
from engine.lang import T
from engine.lang import Text as Message
from engine.rulebook import RULES_DIR, ClauseId, Rulebook, RuleId, Text
from engine.strict import Strict
from engine.yamlio import load_model, parse_yaml, read_text, validate

REGISTER_DIR = RULES_DIR / "register"
STATUSES = ("rule", "manual", "informative", "out_of_scope")
PAYLOAD = {"rule": "rules", "manual": "check", "informative": "served_by", "out_of_scope": "whose"}


# What a document is (hình thức văn bản): a legal normative document (luật, quyết định, thông tư), an
# official letter (công văn), a plan (kế hoạch) or a notice (thông báo).
DocumentForm = Literal["legal_normative", "official_letter", "plan", "notice"]
# What the text in the sources folder is: the instrument's own full text (or an extract of it), the full
# text as re-published on a web portal, a news item about it, or a note of this project citing it.
TextForm = Literal["full_text", "extract", "web_copy", "news_item", "project_note"]
SECOND_HAND_FORMS = ("news_item", "project_note")


class QuotedText(Strict):
    """Where the words quoted from a document come from."""

    form: TextForm
    publisher: str | None = None  # who published the text the sources folder holds (a portal)
    published: Date | None = None


class PrimaryInstrument(Strict):
    """The instrument the duties come from, when the document quoted only reports on it."""

    form: DocumentForm
    number: str
    title: str
    issuer: str
    signed: Date


class RegisterDocument(Strict):
    id: Annotated[str, Field(pattern=r"^[A-Z0-9]+$")]
    number: str
    title: str
    issuer: str
    kind: Literal["national", "local", "code"]  # national QMS law, a local directive, or general law (the calendar)
    signed: Date
    source_file: str  # in the sources folder; clause texts are quoted from it
    rules_file: str | None = None  # the rules file of this document's own rules, once it exists
    # Provenance, shown on the document's page and with every finding citing it (the legal reviewer's
    # first question: what is this text, who issued it, and is it the instrument's own words?).
    form: DocumentForm | None = None
    in_force: Date | None = None
    text: QuotedText | None = None
    primary: PrimaryInstrument | None = None  # the duties rest on it; its text is not in the sources
    note: Text | None = None  # what a reader should know about the provenance

    @property
    def second_hand(self) -> bool:
        """The words quoted are not the instrument's own (a news item, a note), or the duties rest on
        another instrument that this one only reports on."""
        return self.primary is not None or (self.text is not None and self.text.form in SECOND_HAND_FORMS)


class _Entry(Strict):
    id: ClauseId
    clause: Annotated[str, Field(min_length=1)]  # as a lawyer cites it: "Điều 4 khoản 4 điểm a"
    text: Annotated[str, Field(min_length=1)]  # verbatim from the source file
    note: Text | None = None  # why this status, where a reviewer would ask


class RuleEntry(_Entry):
    status: Literal["rule"]
    rules: Annotated[list[RuleId], Field(min_length=1)]

    @field_validator("rules")
    @classmethod
    def _unique(cls, rules: list[str]) -> list[str]:
        twice = sorted({r for r in rules if rules.count(r) > 1})
        if twice:
            raise ValueError(f"rule {', '.join(twice)} is listed twice")
        return rules


class ManualEntry(_Entry):
    status: Literal["manual"]
    check: Text


class InformativeEntry(_Entry):
    status: Literal["informative"]
    served_by: Text


class OutOfScopeEntry(_Entry):
    status: Literal["out_of_scope"]
    whose: Text


Entry = Annotated[RuleEntry | ManualEntry | InformativeEntry | OutOfScopeEntry, Field(discriminator="status")]
ENTRY_MODELS: dict[str, type[_Entry]] = {
    "rule": RuleEntry,
    "manual": ManualEntry,
    "informative": InformativeEntry,
    "out_of_scope": OutOfScopeEntry,
}


class RegisterFile(Strict):
    document: RegisterDocument
    clauses: Annotated[list[Entry], Field(min_length=1)]

    path: str = Field(default="", exclude=True)


class _Header(Strict):
    """The file without its clauses: validated alone so that each clause's problems carry its id."""

    document: RegisterDocument
    clauses: Annotated[list[Any], Field(min_length=1)]


def fold(text: str) -> str:
    """Runs of white space as one space: the only difference allowed between a quote and its source."""
    return re.sub(r"\s+", " ", text).strip()


def load_register_file(path: Path) -> RegisterFile:
    try:
        loaded = load_model(path, RegisterFile)
    except InputError as error:
        # Pydantic locates a bad clause by its index; say it again clause by clause, with each id.
        raise InputError(_explain(path) or error.problems) from None
    return loaded.model_copy(update={"path": str(path)})


def _explain(path: Path) -> list[Problem]:
    file = str(path)
    text = read_text(path)
    data = parse_yaml(text, file=file)
    try:
        validate(_Header, data, file=file, text=text)
    except InputError as error:
        return list(error.problems)
    problems: list[Problem] = []
    for i, raw in enumerate(data["clauses"]):
        cid = raw.get("id", f"clauses[{i}]") if isinstance(raw, dict) else f"clauses[{i}]"
        status = raw.get("status") if isinstance(raw, dict) else None
        if status not in ENTRY_MODELS:
            if status is None:
                message = T(
                    f"điều khoản {cid} chưa có trạng thái; ghi một trong: {', '.join(STATUSES)}",
                    f"clause {cid} has no status; give one of: {', '.join(STATUSES)}",
                )
            else:
                close = difflib.get_close_matches(str(status), STATUSES, n=1)
                hint = T(f" (có phải là '{close[0]}' không?)", f" (did you mean '{close[0]}'?)") if close else ""
                message = (
                    T(
                        f"điều khoản {cid}: không dùng được trạng thái '{status}'",
                        f"clause {cid}: status '{status}' is not allowed",
                    )
                    + hint
                    + T(f"; chỉ dùng một trong: {', '.join(STATUSES)}", f"; use one of: {', '.join(STATUSES)}")
                )
            problems.append(Problem(file, None, None, f"clauses[{i}].status", message))
            continue
        try:
            validate(ENTRY_MODELS[status], raw, file=file, text=text, at=("clauses", i))
        except InputError as error:
            problems.extend(
                p.relocated(message=T(f"điều khoản {cid}: {p.text('vi')}", f"clause {cid}: {p.message}"))
                for p in error.problems
            )
    return problems


@dataclass
class Register:
    """Every register file of a folder: national documents, then local directives, then the general law
    that dates are counted by; each group in the order the documents were signed."""

    files: list[RegisterFile]
    entries: dict[str, tuple[RuleEntry | ManualEntry | InformativeEntry | OutOfScopeEntry, RegisterFile]] = field(
        default_factory=dict
    )

    def __post_init__(self):
        kinds = ("national", "local", "code")
        self.files = sorted(self.files, key=lambda f: (kinds.index(f.document.kind), f.document.signed, f.document.id))
        for f in self.files:
            for c in f.clauses:
                self.entries.setdefault(c.id, (c, f))


def load_register(folder: Path | str | None = None) -> Register:
    """All `*.yaml` of the register folder; InputError with every problem of every file."""
    files = load_all(Path(folder) if folder else REGISTER_DIR, "register", load_register_file)
    return Register(files)


# ------------------------------------------------------------------------------------------ checks


@dataclass
class Health:
    problems: list[Problem] = field(default_factory=list)  # fail the build
    pending: list[Problem] = field(default_factory=list)  # rule ids whose rules file has not landed yet
    notes: list[Problem] = field(default_factory=list)  # worth a look; the living doc shows both sides


def _problem(f: RegisterFile, where: str, message: Message, nth: int = 0) -> Problem:
    """A problem at a clause (`where` is its id, located to the line of its `nth` occurrence) or at a
    field of the file."""
    lines = _id_lines(f.path).get(where, [])
    return Problem(f.path, lines[nth] if nth < len(lines) else None, None, where, message)


def _id_lines(path: str) -> dict[str, list[int]]:
    lines: dict[str, list[int]] = {}
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return lines
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r"\s*-\s*{?\s*id:\s*([^\s,}]+)", line)
        if m:
            lines.setdefault(m.group(1).strip("\"'"), []).append(n)
    return lines


def check(
    register: Register, rulebook: Rulebook, rules_dir: Path | str | None = None, sources_dir: Path | str | None = None
) -> Health:
    """Every way the register can disagree with the sources, the rules files or itself. A register file's
    texts are quoted from `sources_dir`, by default the `sources/` next to its own `register/` folder
    (a rule pack's register quotes the pack's sources)."""
    rules_dir = Path(rules_dir) if rules_dir else RULES_DIR
    health = Health()
    out = health.problems

    seen: dict[str, RegisterFile] = {}
    occurrences: dict[tuple[str, str], int] = {}
    sources: dict[str, str] = {}
    for f in register.files:
        folder = Path(sources_dir) if sources_dir else (Path(f.path).parent.parent if f.path else rules_dir) / "sources"
        source = folder / f.document.source_file
        if str(source) not in sources:
            try:
                sources[str(source)] = fold(source.read_text(encoding="utf-8"))
            except OSError as e:
                reason = e.strerror or str(e)
                out.append(
                    _problem(
                        f,
                        "document.source_file",
                        T(f"không đọc được {source}: {reason}", f"cannot read {source}: {reason}"),
                    )
                )
                sources[str(source)] = ""
        text = sources[str(source)]
        for c in f.clauses:
            nth = occurrences[f.path, c.id] = occurrences.get((f.path, c.id), -1) + 1
            if c.id in seen:
                out.append(
                    _problem(
                        f,
                        c.id,
                        T(
                            f"mã điều khoản này cũng có trong {seen[c.id].path}",
                            f"the same clause id is also in {seen[c.id].path}",
                        ),
                        nth,
                    )
                )
            seen.setdefault(c.id, f)
            if not c.id.startswith(f.document.id + "/"):
                out.append(
                    _problem(
                        f,
                        c.id,
                        T(
                            f"mã điều khoản trong tệp này phải bắt đầu bằng {f.document.id}/",
                            f"clause ids in this file start with {f.document.id}/",
                        ),
                    )
                )
            if text and fold(c.text) not in text:
                out.append(
                    _problem(
                        f,
                        c.id,
                        T(
                            f"văn bản không trùng nguyên văn với {source.name} (đã bỏ qua khoảng trắng): "
                            f"{_near(fold(c.text), text)}",
                            f"text is not verbatim in {source.name} (white space folded): {_near(fold(c.text), text)}",
                        ),
                    )
                )

    # The same id in a rules file and in the register must name the same words of the source.
    for cid, (quoted, _doc) in sorted(rulebook.clauses.items()):
        entry = register.entries.get(cid)
        if entry is None:
            continue
        mine, q = fold(entry[0].text), fold(quoted.quote)
        if q not in mine and mine not in q:
            out.append(
                _problem(
                    entry[1],
                    cid,
                    T(
                        f"tệp quy tắc trích '{_short(q)}', không phải nội dung của điều khoản này",
                        f"the rules files quote '{_short(q)}', which is not this clause's text",
                    ),
                )
            )

    # A rule id is pending while the rules file of its document (by the id's prefix) is not loaded yet.
    home = {f.document.id: f.document.rules_file for f in register.files}
    loaded = {Path(rf.path).name for rf in rulebook.files}
    for f in register.files:
        for c in f.clauses:
            if not isinstance(c, RuleEntry):
                continue
            for rid in c.rules:
                if rid in rulebook.rules:
                    continue
                prefix = rid.split("-", 1)[0]
                rules_file = home.get(prefix)
                if rules_file and rules_file not in loaded:
                    health.pending.append(
                        _problem(
                            f,
                            c.id,
                            T(
                                f"quy tắc {rid}: tệp quy tắc {rules_file} chưa có",
                                f"rule {rid}: pending rules file {rules_file}",
                            ),
                        )
                    )
                else:
                    guess = _did_you_mean(rid, rulebook.rules)
                    out.append(
                        _problem(f, c.id, T(f"không có quy tắc {rid}{guess}", f"rule {rid} does not exist{guess}"))
                    )

    for rid, rule in sorted(rulebook.rules.items()):
        for cid in rule.sources:
            entry = register.entries.get(cid)
            if entry is None:
                out.append(
                    Problem(
                        rulebook.rule_file[rid].path,
                        None,
                        None,
                        f"rules[{rid}].sources",
                        T(
                            f"điều khoản {cid} không có trong danh mục điều khoản{_did_you_mean(cid, register.entries)}",
                            f"clause {cid} is not in the register{_did_you_mean(cid, register.entries)}",
                        ),
                    )
                )
            elif not isinstance(entry[0], RuleEntry):
                out.append(
                    _problem(
                        entry[1],
                        cid,
                        T(
                            f"trạng thái là {entry[0].status} nhưng quy tắc {rid} kiểm tra điều khoản này: "
                            "hãy đổi thành status rule",
                            f"status is {entry[0].status}, yet rule {rid} checks it: make it status rule",
                        ),
                    )
                )
            elif rid not in entry[0].rules:
                health.notes.append(
                    _problem(
                        entry[1],
                        cid,
                        T(
                            f"quy tắc {rid} trích điều khoản này nhưng không có trong danh sách rules của nó",
                            f"rule {rid} cites this clause but is not in its rules list",
                        ),
                    )
                )

    # Decision 19 is the one document every agency is bound by: none of its 17 articles may be skipped.
    articles = {cid.split("/", 1)[1].split(".", 1)[0] for cid in register.entries if cid.startswith("QD19/")}
    missing = [n for n in range(1, 18) if str(n) not in articles]
    if missing:
        out.append(
            Problem(
                str(rules_dir / "register"),
                None,
                None,
                "",
                T(
                    f"danh mục điều khoản thiếu Quyết định 19 Điều {', '.join(map(str, missing))}",
                    f"Quyết định 19 Điều {', '.join(map(str, missing))} not in the register",
                ),
            )
        )
    return health


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _near(text: str, source: str) -> str:
    """Where the quote stops matching: the longest start of it that is in the source, and what follows."""
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if text[:mid] in source:
            lo = mid
        else:
            hi = mid - 1
    if lo == 0:
        return f"'{_short(text)}' is not in it at all"
    return f"the first {lo} characters match; it differs from '{_short(text[lo : lo + 40], 40)}'"


def _did_you_mean(name: str, known) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.75)
    return f" (did you mean {close[0]}?)" if close else ""
