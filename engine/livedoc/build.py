"""Builds the living documentation: reads the register, the rules and the features, runs the scenarios,
and writes the HTML and Markdown pages into one folder."""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from engine import output
from engine.errors import InputError, Problem
from engine.lang import T
from engine.livedoc import html, markdown
from engine.livedoc.features import read_features
from engine.livedoc.results import join, read_results
from engine.livedoc.runner import Run, run_features
from engine.livedoc.site import Site, build_site
from engine.livedoc.vocabulary import build_vocabulary
from engine.register import load_register
from engine.resources import FEATURES_DIR as DEFAULT_FEATURES
from engine.rulebook import RULES_DIR, Rulebook, load_rulebook

DEFAULT_OUT = Path("reports") / "living-doc"
"""Relative to the current folder (the checkout, when run through scripts/dev.py)."""
MARKER = ".living-doc"
"""Written into the output folder: only a folder holding it has its old pages removed on the next build."""


@dataclass(frozen=True)
class Built:
    site: Site
    run: Run
    files: tuple[Path, ...]


def rules_version(rules_dir: Path) -> str:
    """The short commit of the rules folder, marked when the rules have uncommitted changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=rules_dir, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "."], cwd=rules_dir, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}+" if dirty else head


def build(
    out: Path | None = None,
    *,
    lang: str = "vi",
    features: Path | None = None,
    rules: Path | None = None,
    now: dt.datetime | None = None,
    also: dict[str, Path] | None = None,
) -> Built:
    """The site of the built-in rulebook, or of a rule pack (`rules`, engine/packs): the pack's documents,
    rules and scenarios, its scenarios run with the built-in rulebook applied too. `also` (language →
    folder) writes the same run's site in other languages too, without running the scenarios again."""
    from engine.rulebook import RulesChoice, load_choice

    out = Path(out) if out else DEFAULT_OUT
    pack = Path(rules).resolve() if rules and Path(rules).resolve() != RULES_DIR.resolve() else None
    rules_dir = pack or RULES_DIR
    features_dir = Path(features) if features else (pack / "features" if pack else DEFAULT_FEATURES)
    # The pages' folder is checked before the scenarios run (engine/output.py): never inside what is read.
    output.prepare_folder(str(out), reading=[rules_dir, features_dir])
    for folder, what in ((rules_dir, "--rules"), (rules_dir / "register", "--rules"), (features_dir, "--features")):
        if not folder.is_dir():
            raise InputError([Problem(str(folder), None, None, what, T("không có thư mục này", "no such folder"))])

    register = load_register(rules_dir / "register")
    if pack:
        # The pack's own rules on its pages; the built-in rulebook's clauses, which its rules may cite.
        applied = load_choice(RulesChoice.of([pack]))
        own = {rid for rid, f in applied.rule_file.items() if f.pack}
        rulebook = Rulebook(
            [
                f.model_copy(update={"restatements": [r for r in f.restatements if r.rule in own]})
                if f.pack
                else f.model_copy(update={"rules": [], "restatements": []})
                for f in applied.files
            ]
        )
        elsewhere = frozenset(applied.rules) - own
        version_of = applied
    else:
        rulebook = version_of = load_rulebook(rules_dir)
        elsewhere = frozenset()
    scenarios = read_features(features_dir)
    with tempfile.TemporaryDirectory(prefix="living-doc-") as tmp:
        run = run_features(features_dir, Path(tmp), packs=[pack] if pack else [])
        results = read_results(run.json_path)
    outcomes = join(scenarios, features_dir, results)
    # Dates as Vietnamese documents write them, in both languages (every date the site shows is DD/MM/YYYY).
    generated = (now or dt.datetime.now().astimezone()).strftime("%d/%m/%Y %H:%M (UTC%z)").replace("(UTC)", "").strip()
    version = rules_version(rules_dir)
    if version == "unknown":  # an installed package, a pack outside git: the rules' own identity
        version = version_of.identity[: len("sha256:") + 12]
    vocabulary = build_vocabulary(scenarios)

    def site_in(language: str) -> Site:
        return build_site(
            register,
            rulebook,
            scenarios,
            outcomes,
            vocabulary,
            lang=language,
            generated=generated,
            commit=version,
            sources_dir=rules_dir / "sources",
            elsewhere=elsewhere,
        )

    for language, folder in (also or {}).items():
        write(Path(folder), site_in(language))
    site = site_in(lang)
    return Built(site, run, write(out, site))


def pages(site: Site) -> dict[str, str]:
    """File name → content of every page of the site."""
    out = {
        "index.html": html.render_index(site),
        "index.md": markdown.render_index(site),
        "vocabulary.html": html.render_vocabulary(site),
        "vocabulary.md": markdown.render_vocabulary(site),
        "calendar.html": html.render_calendar(site),
        "calendar.md": markdown.render_calendar(site),
    }
    for doc in site.documents:
        out[f"{doc.page}.html"] = html.render_document(site, doc)
        out[f"{doc.page}.md"] = markdown.render_document(site, doc)
    return out


def write(out: Path, site: Site) -> tuple[Path, ...]:
    out.mkdir(parents=True, exist_ok=True)
    content = pages(site)
    if (out / MARKER).exists():
        # A document that left the register must not keep a page from an earlier build.
        for old in out.iterdir():
            if old.suffix in (".html", ".md") and old.name not in content:
                old.unlink()
    written = []
    for name, text in sorted(content.items()):
        target = out / name
        # Each page as any report: replaced in one step, or written to directly if it is not a file.
        with output.destination(str(target)) as dest:
            dest.write_text(text)
        written.append(target)
    (out / MARKER).write_text(
        "pages of `htqlcl report`; rebuilt (and stale pages removed) on each run\n", encoding="utf-8"
    )
    return tuple(written)
