"""An agency's facts written back as the YAML facts file (facts.md): what `convert agency.xlsx
agency.yaml` writes. Only what the facts say is written (a field never given stays out), in the
contract's order, with dates as YYYY-MM-DD; reading the text back gives the same facts."""

from __future__ import annotations

import yaml

from engine.facts import AgencyFacts


def facts_yaml(facts: AgencyFacts, *, source: str | None = None) -> str:
    data = facts.model_dump(exclude_unset=True)
    # A section the facts know to be empty or absent (`steering_committee: null`) stays as it was given.
    for section in facts.present_sections:
        data.setdefault(section, getattr(facts, section))
    ordered = {key: data[key] for key in AgencyFacts.model_fields if key in data}
    head = f"# {facts.agency.name} ({facts.agency.id})"
    if source:
        head += f"\n# chuyển từ / converted from {source} (htqlcl convert)"
    body = yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=False)
    return f"{head}\n{body}"
