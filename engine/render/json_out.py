"""The machine contract (report.md): stable key order, UTF-8, byte-identical for the same input."""

from __future__ import annotations

import json

from engine.result import AgencyResult


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_agency(result: AgencyResult) -> str:
    return dumps(result.model_dump(mode="json", exclude_none=False))


def produced_by_head(produced_by) -> str:
    """The portfolio's first member, `"produced_by": {…},`, indented as the portfolio writes it."""
    inner = json.dumps(produced_by.model_dump(mode="json"), ensure_ascii=False, indent=2).replace("\n", "\n  ")
    return f'  "produced_by": {inner},\n'


_str = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) writes for a str


_SHORT: dict[str, str] = {}


def _known(text: str) -> str:
    """_str for the texts that recur across findings and agencies (rule ids, statuses, clause ids,
    trace sentences), remembered (bounded)."""
    found = _SHORT.get(text)
    if found is None:
        found = _str(text)
        if len(_SHORT) < 20_000:
            _SHORT[text] = found
    return found


def _strings(items: list[str], ind: str) -> str:
    if not items:
        return "[]"
    inner = ",\n".join(f"{ind}  {_known(s)}" for s in items)
    return f"[\n{inner}\n{ind}]"


def _day(day) -> str:
    return f'"{day.isoformat()}"' if day is not None else "null"


_UNBOUND: dict[tuple, str] = {}


def _finding(f, i4: str, i6: str) -> str:
    return (
        f'{i4}{{\n{i6}"rule": {_known(f.rule)},\n{i6}"status": {_known(f.status)},\n'
        f'{i6}"subject": {_known(f.subject)},\n{i6}"due": {_day(f.due)},\n{i6}"done": {_day(f.done)},\n'
        f'{i6}"message": {_str(f.message)},\n{i6}"sources": {_strings(f.sources, i6)},\n'
        f'{i6}"trace": {_strings(f.trace, i6)}\n{i4}}}'
    )


def _unbound(f, i4: str, i6: str) -> str:
    """A finding of a rule that does not apply, with no trace: the same for every agency alike (a
    province's plan, for every agency of the other provinces), so its text is remembered (bounded)."""
    if f.trace:
        return _finding(f, i4, i6)
    key = (f.rule, f.subject, f.message, tuple(f.sources), i4)
    found = _UNBOUND.get(key)
    if found is None:
        if len(_UNBOUND) > 20_000:
            _UNBOUND.clear()
        found = _UNBOUND[key] = _finding(f, i4, i6)
    return found


def member(result: AgencyResult, ind: str = "    ") -> str:
    """One agency of a portfolio, without its `produced_by` and `sources`: the same text as
    `json.dumps(result.model_dump(mode="json", exclude={"produced_by", "sources"}), ensure_ascii=False, indent=2)`
    with every line indented by `ind`, written directly (the hot path of a national portfolio:
    the standard library's encoder runs in pure Python as soon as `indent` is given)."""
    a, s = result.agency, result.summary
    i2, i4, i6 = ind + "  ", ind + "    ", ind + "      "
    parts = [
        f'{ind}{{\n{i2}"as_of": "{result.as_of.isoformat()}",\n'
        f'{i2}"agency": {{\n{i4}"id": {_str(a.id)},\n{i4}"name": {_str(a.name)},\n{i4}"level": {_str(a.level)}\n'
        f"{i2}}},\n"
    ]
    if result.findings:
        found = [_unbound(f, i4, i6) if f.status == "not_applicable" else _finding(f, i4, i6) for f in result.findings]
        parts.append(f'{i2}"findings": [\n' + ",\n".join(found) + f"\n{i2}],\n")
    else:
        parts.append(f'{i2}"findings": [],\n')
    parts.append(
        f'{i2}"summary": {{\n{i4}"compliant": {s.compliant},\n{i4}"violation": {s.violation},\n'
        f'{i4}"pending": {s.pending},\n{i4}"not_applicable": {s.not_applicable},\n'
        f'{i4}"unknown": {s.unknown}\n{i2}}},\n{i2}"warnings": {_strings(result.warnings, i2)}\n{ind}}}'
    )
    return "".join(parts)
