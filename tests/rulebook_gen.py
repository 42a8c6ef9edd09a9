"""A large generated rulebook for the tests and benchmarks of rulebook size: the built-in rules, cloned.

Each generated rule is a built-in rule (its template) under a new id, with the template's operators and
parameters, so every operator kind the built-in rulebook uses is represented, and with `binds` varied
in four ways so that the clones bind agencies differently: as the template; in the sample province
(Thừa Thiên Huế); in another province; at one level only. The clones cite the template's clauses, so
they are checked (sources exist, operators known, parameters valid) by the same Rulebook as the
built-in rules.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import yaml

from engine.rulebook import Binds, Rule, Rulebook, RulesFile, default_rulebook

OTHER_PROVINCES = ["Lạng Sơn", "Hà Nội", "Quảng Ngãi", "Nam Định", "Cần Thơ"]
# Parameters a template leaves unset that odd clones set, so that what they decide is exercised too.
SET_PARAMETERS = {"grace_after_established": 6}
LEVELS = ["province", "department", "district", "commune"]


def _binds(template: Binds, k: int, provinces: list[str] | None) -> Binds:
    if provinces:  # one province's plan: binds only there
        return template.model_copy(update={"province": provinces[k % len(provinces)], "district": None, "names": None})
    variant = k % 4
    if variant == 0 or (template.portfolio and variant == 3):
        return template
    if variant == 1:
        return template.model_copy(update={"province": "Thừa Thiên Huế", "district": None, "names": None})
    if variant == 2:
        province = OTHER_PROVINCES[(k // 4) % len(OTHER_PROVINCES)]
        return template.model_copy(update={"province": province, "district": None, "names": None})
    return template.model_copy(update={"levels": [LEVELS[(k // 4) % len(LEVELS)]]})


def _set_parameters(rule: Rule) -> dict:
    """The operators (already holding the parameters' values) and parameters of `rule` with the unset
    parameters of SET_PARAMETERS set."""
    update: dict = {}
    for kind in ("per", "due", "discharged_by"):
        op = getattr(rule, kind)
        if isinstance(op, dict):
            ((name, params),) = op.items()
            if isinstance(params, dict) and any(params.get(p, 0) is None for p in SET_PARAMETERS):
                filled = {p: SET_PARAMETERS[p] if v is None and p in SET_PARAMETERS else v for p, v in params.items()}
                update[kind] = {name: filled}
    if update:
        update["parameters"] = {
            n: SET_PARAMETERS[n] if v is None and n in SET_PARAMETERS else v for n, v in rule.parameters.items()
        }
    return update


def generated_rules(count: int, base: Rulebook | None = None, provinces: list[str] | None = None) -> list[Rule]:
    """`count` clones of the built-in rules (agency and portfolio rules alike), ids `<TEMPLATE>-G0001`…
    With `provinces`, every clone binds one of them in turn (the provinces' own plans, as a national
    rulebook would hold them) instead of the four variants."""
    book = base or default_rulebook()
    templates = [book.rules[rid] for rid in sorted(book.rules)]
    out = []
    for k, template in zip(range(count), itertools.cycle(templates)):
        update: dict = {"id": f"{template.id}-G{k:04d}", "binds": _binds(template.binds, k, provinces)}
        if k % 2:
            update.update(_set_parameters(template))
        out.append(template.model_copy(update=update))
    return out


def generated_files(
    count: int, per_file: int, base: Rulebook | None = None, provinces: list[str] | None = None
) -> list[RulesFile]:
    """The generated rules as in-memory rules files of at most `per_file` rules each."""
    rules = generated_rules(count, base, provinces)
    files = []
    for n, start in enumerate(range(0, len(rules), per_file)):
        header = {"id": f"GEN{n:04d}", "number": f"Generated {n}", "title": "Generated rules", "issuer": "tests"}
        files.append(
            RulesFile.model_validate({"document": header}).model_copy(
                update={"rules": rules[start : start + per_file], "path": f"generated/gen{n:04d}.yaml"}
            )
        )
    return files


def rulebook_with(count: int, per_file: int, provinces: list[str] | None = None) -> Rulebook:
    """The built-in rulebook plus `count - len(built-in)` generated rules: `count` rule ids in all."""
    base = default_rulebook()
    extra = max(0, count - len(base.rules))
    return Rulebook(list(base.files) + generated_files(extra, per_file, base, provinces))


def write_pack_rules(folder: Path, count: int, per_file: int, provinces: list[str] | None = None) -> list[Path]:
    """The generated rules as YAML rules files in `folder` (a rules folder used next to the built-in one)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for f in generated_files(count, per_file, provinces=provinces):
        data = {
            "document": f.document.model_dump(exclude_none=True),
            "rules": [r.model_dump(exclude_defaults=True) for r in f.rules],
        }
        path = folder / Path(f.path).name
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        paths.append(path)
    return paths
