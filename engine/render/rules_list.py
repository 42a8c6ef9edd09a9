"""`cli.py rules`: every rule with its sources (quoted), validity, operators and parameters."""

from __future__ import annotations

from engine.render.json_out import dumps
from engine.rulebook import Rulebook
from engine.words import binds_shown, parameters_shown


def _day(day) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else "…"


def rules_data(book: Rulebook) -> dict:
    rules = []
    for rid, r in sorted(book.rules.items()):
        f = book.rule_file[rid]
        rules.append(
            {
                "id": rid,
                "file": f.path.rsplit("/", 1)[-1],
                "document": f.document.number,
                "title": r.title.model_dump(),
                "binds": r.binds.model_dump(exclude_defaults=True),
                "valid_from": r.valid_from.isoformat() if r.valid_from else None,
                "valid_to": r.valid_to.isoformat() if r.valid_to else None,
                "per": r.per,
                "due": r.due,
                "discharged_by": r.discharged_by,
                "needs": r.needs,
                "parameters": r.parameters,
                "interpretation": r.interpretation.model_dump(),
                "not_formalised": r.not_formalised.model_dump() if r.not_formalised else None,
                "sources": [{"id": cid, **book.source_text(cid)} for cid in r.sources],
                "restated_by": [
                    {"id": s.clause, **book.source_text(s.clause), "binds": s.binds.model_dump(exclude_defaults=True)}
                    for s in book.restatements.get(rid, [])
                ],
            }
        )
    return {"rules": rules}


def _plain(value):
    import datetime as dt

    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def render_json(book: Rulebook) -> str:
    return dumps(_plain(rules_data(book)))


def render_text(book: Rulebook, lang: str) -> str:
    lines = []
    for r in rules_data(book)["rules"]:
        rule = book.rules[r["id"]]
        valid = f"{_day(rule.valid_from)} → {_day(rule.valid_to)}"
        lines.append(f"{r['id']} — {r['title'][lang]}  [{r['document']}; {valid}]")
        who = "; ".join(
            v if k in ("Điều kiện", "Condition") else f"{k.lower()}: {v}" for k, v in binds_shown(rule.binds, lang)
        )
        if who:
            lines.append(f"    {'binds' if lang == 'en' else 'áp dụng cho'}: {who}")
        for s in r["sources"]:
            lines.append(f"    {s['id']} ({s['document']}, {s['clause']}): “{s['quote']}”")
        for s in r["restated_by"]:
            lines.append(f"    + {s['id']} ({s['document']}, {s['clause']})")
        lines.append(f"    {'interpretation' if lang == 'en' else 'cách hiểu'}: {rule.interpretation.get(lang)}")
        if r["parameters"]:
            params = "; ".join(f"{k}: {v}" for k, v in parameters_shown(rule.parameters, lang))
            lines.append(f"    {'parameters' if lang == 'en' else 'tham số'}: {params}")
        lines.append("")
    return "\n".join(lines)
