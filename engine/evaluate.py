"""One agency's evaluation: facts and a date in, findings out.

Python prepares (cuts the facts at as_of, decides who is bound, builds obligations with the legal
calendar); durable-rules decides each obligation's verdict (`engine.matcher`); this module then
writes the findings with their messages, sources and traces.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Callable
from dataclasses import dataclass

from engine import CONTRACT_VERSION, __version__, messages, operators
from engine.calendar import LegalCalendar, default_calendar, render_trace
from engine.facts import AgencyFacts
from engine.lang import T
from engine.lifespan import End, agency_end
from engine.matcher import VERDICTS, Item, Matcher
from engine.messages import vn_date
from engine.places import normalise_name, same_place
from engine.result import AgencyRef, AgencyResult, Finding, ProducedBy, SourceText, Summary
from engine.rulebook import Binds, Rule, Rulebook, default_rulebook

WHOLE = "HTQLCL"  # the subject of findings about the agency's system as a whole


@dataclass(frozen=True)
class Reason:
    vi: str
    en: str


@dataclass(frozen=True)
class NothingOwed(Reason):
    """The rule binds the agency, but no obligation has arisen yet: said as such ("chưa phát sinh nghĩa
    vụ"), not as "không áp dụng"."""


@dataclass(frozen=True)
class EndCut:
    """An obligation the agency's end made not_applicable: the reason, and the obligation (its due
    date's trace is still shown)."""

    reason: Reason
    obligation: operators.Obligation


@dataclass(frozen=True)
class MissingHost:
    """The agency applies another agency's QMS (`qms.shared_with`) whose facts were not given."""

    host: str


class _NoHost:
    """`host` not given: the agency is evaluated alone."""


ALONE = _NoHost()

# Rulebook v1.1 §3: the clause that lets an agency apply its host's QMS, by the host's level; cited on
# every finding decided on the host's facts. Other hosts (not foreseen by TT 26 Điều 6) cite 6.3.a too.
SHARED_QMS_CLAUSES = {"province": "TT26/6.1", "district": "TT26/6.3.a"}

# What a finding needs besides its item: why a rule does not apply (Reason, EndCut), what it lacks to be
# decided (the facts sections, a list; the host, MissingHost), nothing for an obligation.
Extra = Reason | EndCut | MissingHost | list[str] | None


# ---------------------------------------------------------------- facts dated after as_of


def cut_at(facts: AgencyFacts, as_of: dt.date, lang: str = "vi") -> tuple[AgencyFacts, list[str]]:
    """Facts dated after as_of do not exist for the evaluation (report.md): drop events, and treat
    completion dates after as_of as 'not done yet'. Each dropped date is a warning, in `lang`."""
    warnings: list[str] = []
    update: dict = {}

    def late(path: str, day: dt.date | None) -> bool:
        if day is not None and day > as_of:
            warnings.append(
                T(
                    f"{path} = {vn_date(day)} sau ngày đánh giá (--as-of {vn_date(as_of)}): không tính đến",
                    f"{path} = {day.isoformat()} is after --as-of {as_of.isoformat()}: ignored",
                )(lang)
            )
            return True
        return False

    def records(section: str, event: str | None, done: tuple[str, ...] = ()):
        items = getattr(facts, section)
        if not items:
            return
        out, changed = [], False
        for i, r in enumerate(items):
            if event and late(f"{section}[{i}].{event}", getattr(r, event)):
                changed = True
                continue
            cleared = {f: None for f in done if late(f"{section}[{i}].{f}", getattr(r, f))}
            if cleared:
                r, changed = r.model_copy(update=cleared), True
            out.append(r)
        if changed:
            update[section] = out

    records("procedures", "effective", ("in_qms_since",))
    records("internal_procedures", "issued")
    records("legal_changes", "effective", ("incorporated",))
    records("scope_changes", "date")
    records("management_reviews", "date")
    records("quality_objectives", None, ("issued",))
    records("audit_programs", None, ("issued",))
    records("reports", "submitted")
    if facts.internal_audits:
        audits, changed = [], False
        for i, a in enumerate(facts.internal_audits):
            if late(f"internal_audits[{i}].date", a.date):
                changed = True
                continue
            ncs = []
            for j, nc in enumerate(a.nonconformities):
                if late(f"internal_audits[{i}].nonconformities[{j}].closed", nc.closed):
                    nc, changed = nc.model_copy(update={"closed": None}), True
                ncs.append(nc)
            audits.append(a.model_copy(update={"nonconformities": ncs}) if changed else a)
        if changed:
            update["internal_audits"] = audits
    if facts.qms:
        decls, changed = [], False
        for i, d in enumerate(facts.qms.declarations):
            if late(f"qms.declarations[{i}].date", d.date):
                changed = True
                continue
            if late(f"qms.declarations[{i}].notified", d.notified):
                d, changed = d.model_copy(update={"notified": None}), True
            decls.append(d)
        if changed:
            update["qms"] = facts.qms.model_copy(update={"declarations": decls})
    sc = facts.steering_committee
    if sc:
        decisions = [d for i, d in enumerate(sc.decisions) if not late(f"steering_committee.decisions[{i}]", d)]
        members = [m for i, m in enumerate(sc.members) if not late(f"steering_committee.members[{i}].since", m.since)]
        if len(decisions) != len(sc.decisions) or len(members) != len(sc.members):
            update["steering_committee"] = sc.model_copy(update={"decisions": decisions, "members": members})
    if not update:
        return facts, warnings
    return facts.model_copy(update=update), warnings


# ---------------------------------------------------------------- who is bound


def first_declaration_date(facts: AgencyFacts) -> dt.date | None:
    if not facts.qms or not facts.qms.declarations:
        return None
    return min(d.date for d in facts.qms.declarations)


def binds_place(b: Binds, facts: AgencyFacts) -> Reason | None:
    """Why the place/level/programme conditions exclude the agency, or None if they hold."""
    a = facts.agency
    if b.levels is not None and a.level not in b.levels:
        return Reason(
            f"quy tắc áp dụng cho {messages.levels_words(b.levels, 'vi')}; cơ quan này là "
            f"{messages.levels_words([a.level], 'vi')}",
            f"the rule binds level {', '.join(b.levels)}; the agency is level {a.level}",
        )
    if b.province and not same_place(b.province, a.province):
        return Reason(f"chỉ áp dụng trên địa bàn tỉnh {b.province}", f"binds only {b.province} province")
    if b.district and not same_place(b.district, a.district):
        return Reason(f"chỉ áp dụng trên địa bàn {b.district}", f"binds only {b.district}")
    if b.programs is not None and not set(b.programs) & set(a.programs):
        return Reason(
            f"chỉ áp dụng cho đơn vị tham gia chương trình {', '.join(b.programs)}",
            f"binds only agencies in programme {', '.join(b.programs)}",
        )
    if b.names is not None and normalise_name(a.name) not in {normalise_name(n) for n in b.names}:
        return Reason(f"chỉ áp dụng cho {', '.join(b.names)}", f"binds only {', '.join(b.names)}")
    return None


def not_bound(
    rule: Rule,
    facts: AgencyFacts,
    as_of: dt.date,
    system_unknown: bool = False,
    place: Callable[[Rule, AgencyFacts], Reason | None] | None = None,
) -> Reason | None:
    """Why the rule does not bind the agency on as_of, or None. `system_unknown`: the agency applies a
    QMS whose facts are not known (a missing host), so whether it applies one cannot exclude it.
    `place`: binds_place of the rule, as the caller remembers it."""
    if rule.valid_from and as_of < rule.valid_from:
        return Reason(
            f"văn bản chưa có hiệu lực tại ngày {messages.vn_date(as_of)} "
            f"(hiệu lực từ {messages.vn_date(rule.valid_from)})",
            f"not yet in force on {messages.vn_date(as_of)} (in force from {messages.vn_date(rule.valid_from)})",
        )
    a = facts.agency
    if a.established and as_of < a.established:
        return Reason("cơ quan chưa được thành lập tại ngày đánh giá", "the agency did not exist yet on that date")
    reason = place(rule, facts) if place else binds_place(rule.binds, facts)
    if reason:
        return reason
    if rule.binds.applying_qms and not system_unknown:
        first = first_declaration_date(facts)
        if first is None or first > as_of:
            return Reason(
                "cơ quan chưa công bố HTQLCL (chưa là cơ quan áp dụng HTQLCL)",
                "the agency has not declared a QMS (it does not apply one yet)",
            )
        if rule.valid_to and first > rule.valid_to:
            # e.g. a 2022 plan read in 2023 by an agency that first declared in 2023: it never
            # applied a QMS while the plan was in force, so the plan's duties were never its own
            return Reason(
                f"cơ quan công bố HTQLCL lần đầu ngày {messages.vn_date(first)}, sau khi văn bản hết "
                f"hiệu lực ({messages.vn_date(rule.valid_to)})",
                f"the agency first declared a QMS on {messages.vn_date(first)}, after the text "
                f"ceased to apply ({messages.vn_date(rule.valid_to)})",
            )
    return None


def after_end(ob: operators.Obligation, end: End | None, as_of: dt.date) -> Reason | None:
    """Rulebook v1.1 §3: after its last day an agency owes nothing new. An obligation due after the
    last day is not_applicable whatever was done; one due on or before it keeps its status. One
    without a fixed due date still open after the last day is not_applicable; a standing duty is
    not_applicable after it."""
    if end is None:
        return None
    if ob.shape == "deadline":
        if ob.due is None or ob.due <= end.day:
            return None
        last = messages.vn_date(end.day)
        return Reason(
            f"cơ quan chấm dứt hoạt động ngày {last}, trước hạn {messages.vn_date(ob.due)} ({end.vi})",
            f"the agency ceased on {last}, before the due date {messages.vn_date(ob.due)} ({end.en})",
        )
    if as_of <= end.day:
        return None
    last = messages.vn_date(end.day)
    if ob.shape == "open":
        if ob.done is not None and ob.done.date <= end.day:
            return None
        return Reason(
            f"cơ quan chấm dứt hoạt động ngày {last} ({end.vi}); nghĩa vụ không có thời hạn cố định và chưa được "
            f"thực hiện đến ngày đó",
            f"the agency ceased on {last} ({end.en}); the obligation has no fixed due date and was not discharged "
            f"by then",
        )
    return Reason(
        f"cơ quan chấm dứt hoạt động ngày {last} ({end.vi}); nghĩa vụ thường xuyên chỉ xét khi cơ quan còn hoạt động",
        f"the agency ceased on {last} ({end.en}); a standing duty is checked only while the agency exists",
    )


def share_facts(guest: AgencyFacts, host: AgencyFacts) -> AgencyFacts:
    """The facts a guest is judged on (rulebook v1.1 §3, a shared QMS): its own agency, procedures
    and reports, and the host's system (every other section)."""
    present = {s for s in guest.present_sections if s in operators.OWN_SECTIONS}
    present |= {s for s in host.present_sections if s in operators.SYSTEM_SECTIONS}
    update: dict = {s: getattr(host, s) for s in operators.SYSTEM_SECTIONS}
    update["present_sections"] = frozenset(present)
    return guest.model_copy(update=update)


# ---------------------------------------------------------------- the evaluation


class Evaluator:
    """Evaluates agencies against a rulebook. One per rulebook; safe to share between threads."""

    def __init__(self, rulebook: Rulebook | None = None, calendar: LegalCalendar | None = None):
        self.rulebook = rulebook or default_rulebook()
        self.calendar = calendar or default_calendar()
        self.rules = self.rulebook.agency_rules()
        # One ruleset for any rulebook: obligations are decided SLOTS at a time (engine.matcher).
        self.matcher = Matcher()
        # A national rulebook binds most agencies to few of its rules (each province's plan binds only
        # that province): whether a rule's place binds an agency, and the finding of a rule that does
        # not apply, are the same for every agency alike, so they are remembered (bounded).
        self._places: dict[tuple, Reason | None] = {}
        self._tables: dict[tuple, list[Reason | None]] = {}
        self._reasons: dict[Reason, Reason] = {}
        self._unbound: dict[tuple, Finding] = {}
        self._na_items = {r.id: Item(r.id, "not_applicable") for r in self.rulebook.rules.values()}

    def _place_table(self, facts: AgencyFacts) -> list[Reason | None]:
        """binds_place of every agency rule (in order) for agencies of this level and place, None where
        it binds them or depends on the agency's name (those go through items_for)."""
        a = facts.agency
        key = (a.level, a.province, a.district, tuple(a.programs))
        table = self._tables.get(key)
        if table is None:
            if len(self._tables) >= _TABLES:  # the kind of agency seen longest ago goes
                del self._tables[next(iter(self._tables))]
            table = self._tables[key] = [
                None if rule.binds.names is not None else self._shared(binds_place(rule.binds, facts))
                for rule in self.rules
            ]
        return table

    def _shared(self, reason: Reason | None) -> Reason | None:
        """One object for equal reasons: the tables of a national rulebook hold a reason per rule and
        kind of agency, mostly the same few sentences."""
        if reason is None:
            return None
        if len(self._reasons) > _REMEMBERED:
            self._reasons.clear()
        return self._reasons.setdefault(reason, reason)

    def _place(self, rule: Rule, facts: AgencyFacts) -> Reason | None:
        """binds_place, remembered by what of the agency the rule's binds look at."""
        a, b = facts.agency, rule.binds
        key = (
            rule.id,
            a.level if b.levels is not None else None,
            a.province if b.province else None,
            a.district if b.district else None,
            tuple(a.programs) if b.programs is not None else None,
            a.name if b.names is not None else None,
        )
        found = self._places.get(key, _UNSEEN)
        if found is _UNSEEN:
            if len(self._places) > _REMEMBERED:
                self._places.clear()
            found = self._places[key] = binds_place(b, facts)
        return found  # type: ignore[return-value]

    def items_for(
        self, rule: Rule, facts: AgencyFacts, as_of: dt.date, end: End | None = None, missing_host: str | None = None
    ) -> list[tuple[Item, str, Extra]]:
        """(item, subject, extra) for every obligation of one rule; extra is a Reason, an EndCut, a
        MissingHost or a section list."""
        reason = not_bound(rule, facts, as_of, system_unknown=missing_host is not None, place=self._place)
        if reason:
            return [(self._na_items[rule.id], WHOLE, reason)]
        if missing_host is not None and self.rulebook.about_the_system(rule.id):
            return [(Item(rule.id, "unknown"), WHOLE, MissingHost(missing_host))]
        ops = self.rulebook.ops[rule.id]
        per, due, discharge = ops["per"], ops["due"], ops["discharged_by"]
        ctx = operators.Context(
            facts,
            as_of,
            self.calendar,
            rule.valid_from,
            rule.valid_to,
            end.day if end else None,
            rule_id=rule.id,
            sources=tuple(rule.sources),
        )
        missing = [s for s in rule.needs if not facts.known(s)]
        if missing:
            subjects = per.fn(ctx, per.params) if per.name in _FACT_FREE_SUBJECTS else []
            labels = [s.label for s in subjects] or [missing[0]]
            return [(Item(rule.id, "unknown"), label, missing) for label in labels]
        out: list[tuple[Item, str, Extra]] = []
        for subject in per.fn(ctx, per.params):
            shape, deadline, note = due.fn(ctx, subject, due.params)
            if subject.period and deadline and rule.valid_from and deadline.due < rule.valid_from:
                continue  # the period's deadline passed before the rule took effect
            done = discharge.fn(ctx, subject, deadline.due if deadline else None, discharge.params)
            ob = operators.Obligation(
                rule.id,
                subject.label,
                shape,
                deadline.due if deadline else None,
                deadline.steps if deadline else (),
                note,
                done,
            )
            cut = after_end(ob, end, as_of)
            if cut is not None:
                out.append((Item(rule.id, "not_applicable"), subject.label, EndCut(cut, ob)))
                continue
            out.append((Item(rule.id, "obligation", ob), subject.label, None))
        if not out:
            # report.md: every applicable rule yields a finding. Nothing is owed yet, which is not
            # the same as "met": not_applicable, with the reason.
            vi, en = _NOTHING_OWED.get(per.name, _NOTHING_OWED[""])
            return [(Item(rule.id, "not_applicable"), WHOLE, NothingOwed(vi, en))]
        return out

    def evaluate(
        self,
        facts: AgencyFacts,
        as_of: dt.date,
        lang: str = "vi",
        with_sources: bool = True,
        host: AgencyFacts | _NoHost | None = ALONE,
    ) -> AgencyResult:
        """One agency's findings. An agency applying another agency's QMS (`qms.shared_with`) is judged
        on that host's facts for every rule about the system: give them as `host` (None or nothing:
        the host is not known, and those rules are unknown)."""
        own = facts
        # Odd but possible facts (docs/input-validation.md) come first.
        warnings: list[str] = [doubt(lang) for doubt in own.doubts()]
        sharing = facts.qms.shared_with if facts.qms else None
        missing_host = None
        host_facts: AgencyFacts | None = None
        if sharing:
            ignored = sorted(s for s in facts.present_sections if s in operators.SYSTEM_SECTIONS - {"qms"})
            if ignored:
                warnings.append(
                    messages.label(
                        lang,
                        f"các mục {', '.join(ignored)} bị bỏ qua: cơ quan áp dụng HTQLCL chung với {sharing}, "
                        f"các quy tắc về hệ thống xét theo dữ kiện của cơ quan đó",
                        f"sections {', '.join(ignored)} ignored: the agency applies the QMS of {sharing}, and "
                        f"rules about the system are decided on that agency's facts",
                    )
                )
            if isinstance(host, AgencyFacts):
                check_host(facts, host)
                host_facts, _ = cut_at(host, as_of, lang)  # the host's own result warns about its late facts
                facts = share_facts(facts, host_facts)
            else:
                missing_host = sharing
                warnings.append(
                    messages.label(
                        lang,
                        f"cơ quan áp dụng HTQLCL chung với {sharing} (qms.shared_with), không có trong danh mục "
                        f"được đánh giá: các quy tắc về hệ thống là thiếu dữ liệu",
                        f"the agency applies the QMS of {sharing} (qms.shared_with), which is not in the "
                        f"portfolio evaluated: rules about the system are unknown",
                    )
                )
        facts, late = cut_at(facts, as_of, lang)
        warnings = late + warnings
        end = agency_end(own)
        planned: list[tuple[Rule, Item, str, Extra]] = []
        established = facts.agency.established
        for rule, place in zip(self.rules, self._place_table(facts)):
            # A rule whose place or level excludes the agency (most of a national rulebook's, for any one
            # agency) is not_applicable for that reason unless it is not in force yet or the agency does
            # not exist yet: not_bound's own order, without its work.
            if (
                place is not None
                and not (rule.valid_from and as_of < rule.valid_from)
                and not (established and as_of < established)
            ):
                planned.append((rule, self._na_items[rule.id], WHOLE, place))
                continue
            for item, subject, extra in self.items_for(rule, facts, as_of, end, missing_host):
                planned.append((rule, item, subject, extra))
        if end is not None and end.successor and (as_of > end.day or any(isinstance(p[3], EndCut) for p in planned)):
            warnings.append(
                messages.label(
                    lang,
                    f"tỉnh {own.agency.province} không còn trong bản đồ hành chính từ "
                    f"{messages.vn_date(end.day + dt.timedelta(days=1))}: đơn vị kế thừa là {end.successor}; "
                    f"ngày hoạt động cuối cùng của cơ quan được lấy là {messages.vn_date(end.day)}",
                    f"province {own.agency.province} is not on the map from "
                    f"{messages.vn_date(end.day + dt.timedelta(days=1))}: its successor is {end.successor}; the "
                    f"agency's last day is taken as {messages.vn_date(end.day)}",
                )
            )
        verdicts = self.matcher.decide([item for _rule, item, _subject, _extra in planned], as_of)
        shared_by = host_facts if sharing else None
        findings = [
            self._finding(rule, item, subject, extra, kind, own, as_of, lang, shared_by)
            for (rule, item, subject, extra), kind in zip(planned, verdicts)
        ]
        findings = _in_order(findings)
        cited = sorted({s for f in findings for s in f.sources})
        sources = {cid: self.source_model(cid) for cid in cited} if with_sources else None
        a = facts.agency
        return AgencyResult(
            produced_by=self.produced_by if with_sources else None,  # a portfolio gives both once, at the top
            as_of=as_of,
            agency=AgencyRef(id=a.id, name=a.name, level=a.level),
            findings=findings,
            summary=Summary.of(findings),
            sources=sources,
            warnings=warnings,
        )

    @functools.cached_property
    def produced_by(self) -> ProducedBy:
        return ProducedBy(contract=CONTRACT_VERSION, engine=f"htqlcl {__version__}", rules=self.rulebook.identity)

    def source_model(self, clause_id: str) -> SourceText:
        _clause, doc = self.rulebook.clauses[clause_id]
        about = self.documents.get(doc.id)
        if about is None:
            return SourceText(**self.rulebook.source_text(clause_id))
        return SourceText(
            **self.rulebook.source_text(clause_id),
            form=about.form,
            issuer=about.issuer,
            signed=about.signed,
            quoted_from=about.text.form if about.text else None,
            second_hand=about.second_hand,
        )

    @functools.cached_property
    def documents(self) -> dict:
        """The clause register's description of each source document (form, issuer, where its text comes
        from), by document id; empty when no register can be read (a rulebook without one)."""
        from engine.register import load_register

        try:
            return {f.document.id: f.document for f in load_register().files}
        except Exception:  # the register is documentation: a finding never fails for want of it
            return {}

    def evaluate_portfolio(self, members: list, as_of: dt.date, lang: str = "vi") -> list[Finding]:
        """Portfolio-level rules (e.g. a province's share of communes with a QMS) over all members.
        The denominator is every member the rule's `binds` selects, and the trace states it."""
        rules = self.rulebook.portfolio_rules()
        if not rules:
            return []
        planned: list[tuple[Rule, Item, str, Extra]] = []
        for rule in rules:
            b = rule.binds
            chosen = denominator_of(rule, members)
            if rule.valid_from and as_of < rule.valid_from:
                reason = Reason(
                    f"văn bản chưa có hiệu lực (hiệu lực từ {messages.vn_date(rule.valid_from)})",
                    f"not yet in force (from {messages.vn_date(rule.valid_from)})",
                )
                planned.append((rule, Item(rule.id, "not_applicable"), WHOLE, reason))
                continue
            if b.province and not any(same_place(b.province, m.province) for m in members):
                # a province's target says nothing about a portfolio with no agency of that province
                # (another province's portfolio); one with some of its agencies but none counted is unknown
                reason = Reason(
                    f"danh mục không có cơ quan nào của tỉnh {b.province}",
                    f"the portfolio has no agency of {b.province}",
                )
                planned.append((rule, Item(rule.id, "not_applicable"), WHOLE, reason))
                continue
            if not chosen:
                # who the denominator is, in each language: "cơ quan cấp xã thuộc tỉnh Lạng Sơn"
                where_vi = " ".join(
                    x
                    for x in (
                        messages.levels_words(b.levels, "vi") if b.levels else "cơ quan",
                        f"thuộc tỉnh {b.province}" if b.province else "",
                        f"huyện {b.district}" if b.district else "",
                    )
                    if x
                )
                where_en = ", ".join(x for x in (", ".join(b.levels or []), b.province, b.district) if x)
                planned.append(
                    (
                        rule,
                        Item(rule.id, "unknown"),
                        getattr(self.rulebook.ops[rule.id]["per"].params, "text", WHOLE),
                        [where_vi, where_en],
                    )
                )
                continue
            ctx = operators.Context(
                None,
                as_of,
                self.calendar,
                rule.valid_from,
                rule.valid_to,
                None,
                members=chosen,
                rule_id=rule.id,
                sources=tuple(rule.sources),
            )
            ops = self.rulebook.ops[rule.id]
            per, due, discharge = ops["per"], ops["due"], ops["discharged_by"]
            for subject in per.fn(ctx, per.params):
                shape, deadline, _note = due.fn(ctx, subject, due.params)
                done = discharge.fn(ctx, subject, deadline.due if deadline else None, discharge.params)
                cut = deadline.due if deadline else as_of
                counted = declared_by(chosen, cut)
                share = 100 * counted / len(chosen)
                denominator = Reason(
                    f"mẫu số: {len(chosen)} đơn vị trong danh mục; đến {messages.vn_date(cut)} có {counted} đã công bố "
                    f"({share:.1f}%)".replace(".", ","),
                    f"denominator: {len(chosen)} agencies in the portfolio; by {messages.vn_date(cut)} {counted} "
                    f"had declared ({share:.1f}%)",
                )
                ob = operators.Obligation(
                    rule.id,
                    subject.label,
                    shape,
                    deadline.due if deadline else None,
                    deadline.steps if deadline else (),
                    operators.Note(denominator.vi, denominator.en),
                    done,
                )
                planned.append((rule, Item(rule.id, "obligation", ob), subject.label, None))
        kinds = self.matcher.decide([p[1] for p in planned], as_of)
        findings = []
        for (rule, item, subject, extra), kind in zip(planned, kinds):
            if kind == "unknown":
                assert isinstance(extra, list), "an unknown item is planned with the sections it lacks"
                status_msg = messages.label(
                    lang,
                    f"danh mục không có đơn vị nào thuộc mẫu số ({extra[0]})",
                    f"no agency of the denominator (agencies: {extra[1]}) in the portfolio",
                )
                findings.append(
                    Finding(
                        rule=rule.id,
                        status="unknown",
                        subject=subject,
                        due=None,
                        done=None,
                        message=messages.label(lang, "Chưa đủ dữ liệu để kết luận: ", "Not enough facts to decide: ")
                        + status_msg
                        + ".",
                        sources=list(rule.sources),
                        trace=[],
                    )
                )
                continue
            findings.append(self._finding(rule, item, subject, extra, kind, None, as_of, lang))
        findings.sort(key=lambda f: (f.rule, f.subject))
        return findings

    def portfolio_denominators(self, members: list, findings: list[Finding], as_of: dt.date) -> dict:
        """For each portfolio finding that counts agencies, keyed (rule, subject): (the agencies of its
        denominator, those that had declared by its due date, or as_of) — the numbers its trace states."""
        rules = {r.id: r for r in self.rulebook.portfolio_rules()}
        out = {}
        for f in findings:
            rule = rules.get(f.rule)
            if rule is None or f.status in ("not_applicable", "unknown"):
                continue
            chosen = denominator_of(rule, members)
            out[(f.rule, f.subject)] = (len(chosen), declared_by(chosen, f.due or as_of))
        return out

    def sources_for(self, rule: Rule, facts: AgencyFacts | None, as_of: dt.date, due: dt.date | None) -> list[str]:
        """The rule's own clauses, then the local restatements for this agency's area that were in
        force for this obligation (judged on its due date, or on as_of when it has none)."""
        out = list(rule.sources)
        restated = self.rulebook.restatements.get(rule.id)
        if facts is None or not restated:
            return out
        when = due or as_of
        for s in restated:
            if (s.valid_from and when < s.valid_from) or (s.valid_to and when > s.valid_to):
                continue
            if binds_place(s.binds, facts) is None and s.clause not in out:
                out.append(s.clause)
        return out

    def _unbound_finding(
        self, rule: Rule, subject: str, reason: Reason, facts: AgencyFacts | None, as_of: dt.date, lang: str
    ) -> Finding:
        """The finding of a rule that does not apply, one object for every agency it does not apply to
        alike (findings are immutable)."""
        restated = self.rulebook.restatements.get(rule.id)
        sources = tuple(self.sources_for(rule, facts, as_of, None)) if restated else None
        key = (rule.id, subject, reason, lang, sources)
        found = self._unbound.get(key)
        if found is None:
            if len(self._unbound) > _REMEMBERED:
                self._unbound.clear()
            found = self._unbound[key] = Finding(
                rule=rule.id,
                status="not_applicable",
                subject=subject,
                due=None,
                done=None,
                message=messages.render("not_applicable", lang, reason=messages.label(lang, reason.vi, reason.en)),
                sources=list(sources) if sources is not None else list(rule.sources),
                trace=[],
            )
        return found

    def _finding(
        self,
        rule: Rule,
        item: Item,
        subject: str,
        extra: Extra,
        kind: str,
        facts: AgencyFacts | None,
        as_of: dt.date,
        lang: str,
        shared_by: AgencyFacts | None = None,
    ) -> Finding:
        if kind == "not_applicable" and shared_by is None and type(extra) is Reason:
            return self._unbound_finding(rule, subject, extra, facts, as_of, lang)
        status = VERDICTS[kind]
        duty = rule.duty.get(lang)
        trace: list[str] = []
        due: dt.date | None = None
        done: dt.date | None = None
        # The matcher gives not_applicable and unknown to the items of those kinds, planned with their
        # Reason (or EndCut) and their missing sections (or host), and every other verdict to an obligation.
        if shared_by is not None and self.rulebook.about_the_system(rule.id) and kind != "not_applicable":
            h = shared_by.agency
            clause = SHARED_QMS_CLAUSES.get(h.level, SHARED_QMS_CLAUSES["district"])
            shown = self.rulebook.clauses[clause][0].clause if clause in self.rulebook.clauses else clause
            trace.append(
                messages.label(
                    lang,
                    f"HTQLCL chung với {h.name} ({h.id}), TT 26 {shown}: xét theo dữ kiện của cơ quan đó",
                    f"QMS shared with {h.name} ({h.id}), TT 26 {shown}: decided on that agency's facts",
                )
            )
        if kind in ("not_applicable", "unknown"):
            sources = self.sources_for(rule, facts, as_of, None)
        if kind == "not_applicable":
            if isinstance(extra, EndCut):
                reason = extra.reason
                if extra.obligation.shape == "deadline":  # the due date the agency's end came before
                    trace.extend(render_trace(extra.obligation.due_steps, lang))
                    if extra.obligation.due_note:
                        trace.append(extra.obligation.due_note.get(lang))
            else:
                assert isinstance(extra, Reason), "a not_applicable item is planned with its reason"
                reason = extra
            template = "nothing_owed" if isinstance(reason, NothingOwed) else kind
            msg = messages.render(template, lang, reason=messages.label(lang, reason.vi, reason.en))
        elif kind == "unknown" and isinstance(extra, MissingHost):
            msg = messages.render("unknown_host", lang, host=extra.host)
        elif kind == "unknown":
            assert isinstance(extra, list), "an unknown item is planned with the sections it lacks"
            msg = messages.render(kind, lang, sections=messages.sections_words(extra, lang))
        else:
            ob = item.obligation
            assert ob is not None, f"verdict {kind} for an item that is not an obligation"
            due, done = ob.due, ob.done.date if ob.done else None
            trace.extend(render_trace(ob.due_steps, lang))
            if ob.due_note:
                trace.append(ob.due_note.get(lang))
            if ob.done:
                trace.append(messages.label(lang, "thực hiện: ", "discharged by: ") + ob.done.note.get(lang))
            else:
                trace.append(
                    messages.label(
                        lang, "chưa có dữ kiện nào đáp ứng nghĩa vụ tại ngày ", "no fact discharges it as of "
                    )
                    + messages.vn_date(as_of)
                )
            # A standing duty with a due date speaks as a deadline; without one, as an open duty.
            template = {"upheld": "done", "expired": "overdue", "awaiting": "pending" if due else "open"}.get(
                kind, kind
            )
            days = None
            # late, overdue and pending speak of a due date (matcher.compile_ruleset; awaiting only with one)
            if template == "late":
                assert due is not None and done is not None, "a late verdict needs a due date and a discharge"
                days = (done - due).days
            elif template == "overdue":
                assert due is not None, "an overdue verdict needs a due date"
                days = (as_of - due).days
            elif template == "pending":
                assert due is not None, "a pending verdict needs a due date"
                days = (due - as_of).days
            note = ob.due_note.get(lang) if ob.due_note else ""
            msg = messages.render(
                template, lang, duty=duty, subject=subject, due=due, done=done, days=days, as_of=as_of, note=note
            )
            sources = self.sources_for(rule, facts, as_of, due)
        if shared_by is not None and self.rulebook.about_the_system(rule.id) and kind != "not_applicable":
            clause = SHARED_QMS_CLAUSES.get(shared_by.agency.level, SHARED_QMS_CLAUSES["district"])
            if clause not in sources:
                sources.append(clause)
        return Finding(
            rule=rule.id,
            status=status,
            subject=subject,
            due=due,
            done=done,
            message=msg,
            sources=sources,
            trace=trace,
        )


def _order(f: Finding) -> tuple:
    return (f.rule, f.subject, f.due or dt.date.min, f.done or dt.date.min, f.status, f.message, f.trace)


def _in_order(findings: list[Finding]) -> list[Finding]:
    """Findings in a total order (message and trace last): two records sharing a subject (a procedure
    listed twice) must come out in the same order whatever their order in the file. They come planned
    rule by rule in the order of rule ids, so each rule's run is sorted alone (most rules of a national
    rulebook give one finding, which needs no sorting)."""
    out: list[Finding] = []
    start = 0
    for end in range(1, len(findings) + 1):
        if end == len(findings) or findings[end].rule != findings[start].rule:
            run = findings[start:end]
            out.extend(sorted(run, key=_order) if len(run) > 1 else run)
            start = end
    if any(a.rule > b.rule for a, b in itertools.pairwise(out)):  # not planned in rule order: sort it all
        out.sort(key=_order)
    return out


_REMEMBERED = 100_000  # entries of each of an evaluator's caches before they start again
_UNSEEN = object()
_TABLES = 4096  # kinds of agency (level and place) an evaluator keeps a place table for: a national
# portfolio of the old map has about 2,000 (each district's communes and People's Committee)

_NOTHING_OWED = {
    "procedure": (
        "danh sách thủ tục hành chính trống",
        "the list of administrative procedures is empty",
    ),
    "legal_change": (
        "không có thay đổi văn bản quy phạm pháp luật nào thuộc phạm vi quy tắc",
        "no change of legal documents within the rule's scope",
    ),
    "scope_change": (
        "không có thay đổi phạm vi áp dụng từ ngày công bố lần đầu",
        "no change of scope since the first declaration",
    ),
    "nonconformity": (
        "các đợt đánh giá nội bộ không ghi nhận điểm không phù hợp",
        "the internal audits record no nonconformity",
    ),
    "declaration": ("chưa có quyết định công bố", "no declaration"),
    "committee_member": (
        "không có thành viên Ban chỉ đạo ISO thôi tham gia trong kỳ",
        "no member of the ISO steering committee left in the period",
    ),
    "year": (
        "chưa đến kỳ đầu tiên phải thực hiện (năm công bố lần đầu không tính)",
        "the first period owed has not come (the year of the first declaration is not owed)",
    ),
    "": ("chưa có kỳ nào phải thực hiện tại ngày đánh giá", "no period is due by the evaluation date"),
}


def check_host(guest: AgencyFacts, host: AgencyFacts) -> None:
    """Rulebook v1.1 §3: a host that is itself sharing (which includes any cycle) is an input error."""
    from engine.errors import InputError, Problem

    g, h = guest.agency, host.agency
    sharing = guest.qms.shared_with if guest.qms else None
    if h.id != sharing:
        raise ValueError(f"host {h.id} given for {g.id}, which shares the QMS of {sharing}")
    if host.qms is not None and host.qms.shared_with:
        raise InputError(
            [
                Problem(
                    "",
                    None,
                    None,
                    "qms.shared_with",
                    T(
                        f"'{g.id}' áp dụng HTQLCL chung với '{h.id}', nhưng '{h.id}' lại áp dụng HTQLCL chung với "
                        f"'{host.qms.shared_with}': cơ quan chủ trì phải có HTQLCL của chính mình (TT 26 Điều 6); "
                        f"hãy ghi mã cơ quan có HTQLCL được áp dụng",
                        f"'{g.id}' applies the QMS of '{h.id}', which itself applies the QMS of "
                        f"'{host.qms.shared_with}': a host must have its own QMS (TT 26 Điều 6); name the agency "
                        f"whose QMS is applied",
                    ),
                )
            ]
        )


# Subject generators that need no facts section: their subjects can be listed even when facts are missing.
_FACT_FREE_SUBJECTS = {"agency", "label", "year", "quarter", "month"}


def denominator_of(rule: Rule, members: list) -> list:
    """The members a portfolio rule counts over: those its `binds` selects."""
    b = rule.binds
    return [
        m
        for m in members
        if (b.levels is None or m.level in b.levels)
        and (not b.province or same_place(b.province, m.province))
        and (not b.district or same_place(b.district, m.district))
    ]


def declared_by(members: list, day: dt.date) -> int:
    """How many of `members` had first declared their QMS on or before `day`."""
    return sum(1 for m in members if m.first_declaration and m.first_declaration <= day)
