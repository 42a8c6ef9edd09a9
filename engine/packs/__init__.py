"""Rule packs: a plan of a province (or a ministry) kept in a folder of its own, laid out like the
built-in rulebook, and applied next to it (`htqlcl evaluate … --rules PACK`).

    ke-hoach-2026/                 a pack
      kh_2026.yaml                 rules files, one per source document, as rules/*.yaml
      sources/                     the documents the rules quote, verbatim
      register/                    the clause register of those documents (every clause, a status)
      features/                    the scenarios of every rule (Gherkin, # language: vi)
      agencies/                    sample agencies the scenarios name (optional)

The built-in rulebook is a pack too, whose parts sit where the project keeps them (rules/, features/,
fixtures/agencies/): `builtin_pack()`. `htqlcl rules check` applies to a pack every check the
project applies to its own rules (engine/packs/health.py) and runs its scenarios (engine/packs/check.py);
`htqlcl rules new` writes one that passes (engine/packs/scaffold.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from engine.errors import InputError, Problem
from engine.lang import T
from engine.resources import FEATURES_DIR, RULES_DIR, SAMPLES_DIR


@dataclass(frozen=True)
class Pack:
    """Where a pack's parts are."""

    root: Path  # the folder named on the command line (for the built-in rulebook: rules/)
    rules_dir: Path
    sources_dir: Path
    register_dir: Path
    features_dir: Path
    agencies_dir: Path
    builtin: bool = False

    @property
    def name(self) -> str:
        return "(built-in)" if self.builtin else self.root.name

    def rules_files(self) -> list[Path]:
        return sorted(self.rules_dir.glob("*.yaml"))


def builtin_pack() -> Pack:
    return Pack(RULES_DIR, RULES_DIR, RULES_DIR / "sources", RULES_DIR / "register", FEATURES_DIR, SAMPLES_DIR, True)


def open_pack(folder: Path | str) -> Pack:
    """The pack in `folder`: InputError if it is not a folder holding rules files."""
    root = Path(folder)
    if not root.is_dir():
        raise InputError(
            [Problem(str(root), None, None, "", T("không có thư mục gói quy tắc này", "no such rule pack folder"))]
        )
    root = root.resolve()
    if not any(root.glob("*.yaml")):
        raise InputError(
            [
                Problem(
                    str(root),
                    None,
                    None,
                    "",
                    T(
                        "thư mục không có tệp quy tắc nào (*.yaml): một gói quy tắc có các tệp quy tắc ở ngay "
                        "trong thư mục, kèm sources/, register/ và features/",
                        "no rules files (*.yaml) in this folder: a rule pack holds its rules files at its top, "
                        "with sources/, register/ and features/",
                    ),
                )
            ]
        )
    return Pack(root, root, root / "sources", root / "register", root / "features", root / "agencies")
