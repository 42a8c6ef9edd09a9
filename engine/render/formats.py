"""Output formats: how one agency's result is written, alone or as a member of a portfolio, and how
a whole run is framed. Portfolio output is streamed agency by agency (report.md)."""

from __future__ import annotations

import codecs
import json
import os
import shutil
import tempfile
import weakref
from dataclasses import dataclass
from typing import IO, TextIO

from engine import messages
from engine.render import duties, html, json_out, junit, markdown, text
from engine.result import AgencyResult, Finding, SourceText, Summary

FORMATS = ("text", "json", "markdown", "html", "junit", "xlsx")
TABLE_FORMATS = ("markdown", "html")  # open with the steering committee's table
ROW_FORMATS = (*TABLE_FORMATS, "xlsx")  # need each agency's row of that table (xlsx: the table as a workbook)
BINARY_FORMATS = ("xlsx",)  # bytes, written to a file (--output), never to a terminal
_VIEWS = {"markdown": markdown, "html": html}


def _titles(evaluator, lang: str) -> dict[str, str]:
    return {rid: r.title.get(lang) for rid, r in evaluator.rulebook.rules.items()}


_SOURCES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _source_lookup(evaluator):
    """`evaluator.source_model`, each clause built once per process."""
    cache = _SOURCES.get(evaluator)
    if cache is None:
        cache = _SOURCES[evaluator] = {}

    def lookup(cid: str) -> SourceText:
        found = cache.get(cid)
        if found is None:
            found = cache[cid] = evaluator.source_model(cid)
        return found

    return lookup


def render_agency(result: AgencyResult, fmt: str, lang: str, evaluator) -> str:
    if fmt == "json":
        return json_out.render_agency(result)
    if fmt in TABLE_FORMATS:
        return _VIEWS[fmt].render_agency(result, lang, _titles(evaluator, lang))
    if fmt == "junit":
        return junit.render_agency(result, lang, _source_lookup(evaluator))
    return text.render_agency(result, lang, _titles(evaluator, lang))


@dataclass(frozen=True)
class MemberView:
    """One agency of a portfolio as the table views need it, computed in the worker: its row of the
    steering committee's table, and its violations already rendered (kept aside by the parent)."""

    id: str
    name: str
    level: str
    marks: tuple[str, ...]
    violations: int
    cited: tuple[str, ...]  # the sources its violations cite
    fragment: str  # its violations in the output format; "" when none


def render_portfolio_member(result: AgencyResult, fmt: str, lang: str, evaluator) -> Rendered:
    """One agency inside a portfolio (without its own `sources`: they are given once at the end)."""
    if fmt == "json":
        # The text of json.dumps(model_dump(exclude={"sources"}), indent=2) indented by four spaces, written
        # directly (and without splitting lines at U+2028 & co. inside strings, which broke the JSON).
        # As UTF-8 bytes: encoded once here, in the worker, then passed through the parent untouched
        # (through a spool file rather than the pipe, in a worker process: see _handoff).
        return _handoff(json_out.member(result, "    ").encode("utf-8"))
    if fmt in ROW_FORMATS:
        from engine.xlsx import province_table

        a = result.agency
        cited = tuple(sorted({s for f in result.findings if f.status == "violation" for s in f.sources}))
        return MemberView(
            a.id,
            a.name,
            a.level,
            duties.cells(result),
            result.summary.violation,
            cited,
            province_table.violations_of(result) if fmt == "xlsx" else _VIEWS[fmt].violations_fragment(result, lang),
        )
    if fmt == "junit":
        return junit.testsuite(result, lang, _source_lookup(evaluator), indent="  ")
    return text.render_agency(result, lang, _titles(evaluator, lang))


# ---------------------------------------------------------------- JSON members from worker processes


@dataclass(frozen=True)
class Spooled:
    """Bytes a worker process wrote to its spool file, for the parent to copy into the report."""

    path: str
    offset: int
    length: int


# One agency of a portfolio as a worker hands it to the parent: JSON as bytes or spooled, a table
# view's MemberView, JUnit or text as a string.
Rendered = str | bytes | Spooled | MemberView

# Set in the parent by a JSON PortfolioWriter before portfolio.run() forks its workers, which inherit it.
_HANDOFF: dict = {"dir": None, "parent": None, "pid": None, "fd": None, "path": None, "size": 0}


def _handoff(data: bytes) -> bytes | Spooled:
    """In a worker forked under a JSON PortfolioWriter: append `data` to this process's spool file and
    return where it is (a few bytes through the pipe instead of ~55 KB per agency, which cost the
    parent and the workers more than a tenth of a national run). Otherwise: `data` itself."""
    st = _HANDOFF
    pid = os.getpid()
    if st["dir"] is None or pid == st["parent"]:
        return data
    if st["pid"] != pid:  # first member in this process (the state came with the fork)
        path = os.path.join(st["dir"], f"{pid}.json")
        st.update(pid=pid, path=path, size=0, fd=os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    view, done = memoryview(data), 0
    while done < len(data):
        done += os.write(st["fd"], view[done:])
    offset = st["size"]
    st["size"] += len(data)
    return Spooled(st["path"], offset, len(data))


class PortfolioWriter:
    """Frames a portfolio run: a head, each member as it arrives, then portfolio findings, totals
    and every source cited anywhere.

    Text and JSON go straight to `out`. The table views (Markdown, HTML) open with a table whose
    rows are known only at the end: the writer keeps one small row per agency in memory and spools
    each agency's violations to a temporary file, read back in the table's order at the end. JUnit
    spools each agency's suite, since `<testsuites>` carries the totals."""

    def __init__(self, out: TextIO, fmt: str, lang: str, as_of, produced_by=None):
        self.out, self.fmt, self.lang, self.as_of = out, fmt, lang, as_of
        self.produced_by = produced_by
        self.count = 0
        spooled = fmt in ROW_FORMATS or fmt == "junit"
        self.denominators: dict = {}  # (rule, subject) → (agencies counted over, agencies counted): xlsx
        self._spool = tempfile.TemporaryFile("w+b") if spooled else None  # noqa: SIM115 (closed in tail())
        self._rows: list[duties.Row] = []
        self._where: dict[str, tuple[int, int]] = {}  # agency id -> (offset, length) in the spool
        self._cited: set[str] = set()
        self._handoff_fds: dict[str, int] = {}
        if fmt == "json":
            folder = tempfile.mkdtemp(prefix="qms-portfolio-")
            self._handoff_dir = weakref.finalize(self, shutil.rmtree, folder, True)
            _HANDOFF.update(dir=folder, parent=os.getpid(), pid=None, fd=None, path=None, size=0)

    def head(self) -> None:
        if self.fmt == "json":
            head = json_out.produced_by_head(self.produced_by) if self.produced_by else ""
            self.out.write(f'{{\n{head}  "as_of": "{self.as_of.isoformat()}",\n  "agencies": [')

    def member(self, rendered, member=None) -> None:
        """One agency, as `render_portfolio_member` rendered it; `member` (a `portfolio.Member`) gives
        its province and district to the table views."""
        if self._spool is not None:
            self._spool_member(rendered, member)
        elif self.fmt == "json":
            if isinstance(rendered, Spooled):
                self._write_bytes(b"\n" if self.count == 0 else b",\n")
                self._copy_spooled(rendered)
            else:
                data = rendered if isinstance(rendered, bytes) else rendered.encode("utf-8")
                self._write_bytes((b"\n" if self.count == 0 else b",\n") + data)
        else:
            self.out.write(("" if self.count == 0 else "\n" + "─" * 72 + "\n\n") + rendered)
        self.count += 1

    def _write_bytes(self, data: bytes) -> None:
        """UTF-8 bytes straight to the binary layer under `out` (after what was written as text)."""
        raw = getattr(self.out, "buffer", None)
        if raw is None:
            self.out.write(data.decode("utf-8"))
            return
        self.out.flush()
        raw.write(data)

    def _copy_spooled(self, sp: Spooled) -> None:
        """A worker's spooled bytes into `out`, in the kernel (copy_file_range) where it can."""
        fd = self._handoff_fds.get(sp.path)
        if fd is None:
            fd = self._handoff_fds[sp.path] = os.open(sp.path, os.O_RDONLY)
        raw = getattr(self.out, "buffer", None)
        done = 0
        if raw is not None and hasattr(os, "copy_file_range"):
            self.out.flush()
            try:
                out_fd = raw.fileno()
                while done < sp.length:
                    n = os.copy_file_range(fd, out_fd, sp.length - done, sp.offset + done)
                    if n == 0:
                        raise OSError("the spool file is shorter than recorded")
                    done += n
            except (OSError, ValueError):
                if done:
                    raise
            raw.seek(0, os.SEEK_END)  # the buffered layer learns where the file now ends
        if done < sp.length:
            self._write_bytes(os.pread(fd, sp.length, sp.offset))

    @property
    def _spooled(self) -> IO[bytes]:
        """The spool file: the table views and JUnit have one, until `close()`."""
        if self._spool is None:
            raise ValueError(f"a {self.fmt} portfolio writer has no spool file (or it is closed)")
        return self._spool

    def _spool_member(self, rendered: Rendered, member) -> None:
        self.count += 1
        if self.fmt == "junit":
            assert isinstance(rendered, str), "a JUnit member is rendered as text"
            self._spooled.write(rendered.encode("utf-8"))
            return
        assert isinstance(rendered, MemberView), "a table view's member is rendered as a MemberView"
        view = rendered
        self._rows.append(
            duties.Row(
                view.id,
                view.name,
                view.level,
                getattr(member, "province", None),
                getattr(member, "district", None),
                view.marks,
                view.violations,
            )
        )
        if view.fragment:
            data = view.fragment.encode("utf-8")
            self._where[view.id] = (self._spooled.tell(), len(data))
            self._spooled.write(data)
            self._cited.update(view.cited)

    def _fragment(self, row: duties.Row) -> str:
        where = self._where.get(row.id)
        if not where:
            return ""
        self._spooled.seek(where[0])
        return self._spooled.read(where[1]).decode("utf-8")

    def _copy_spool(self, out: TextIO) -> None:
        spool = self._spooled
        spool.flush()
        spool.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()  # a block may end inside a character
        while True:
            block = spool.read(1 << 20)
            out.write(decoder.decode(block, final=not block))
            if not block:
                break

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
            self._spool = None
        for fd in self._handoff_fds.values():
            os.close(fd)
        self._handoff_fds = {}
        if self.fmt == "json":
            if _HANDOFF["parent"] == os.getpid():
                _HANDOFF.update(dir=None, parent=None)
            self._handoff_dir()

    def tail(
        self,
        portfolio_findings: list[Finding],
        summary: Summary,
        sources: dict[str, SourceText],
        titles: dict[str, str],
    ) -> None:
        if self.fmt == "xlsx":
            from engine.xlsx import province_table

            quoted = self._cited | {s for f in portfolio_findings for s in f.sources}
            self._write_bytes(
                province_table.write(
                    as_of=self.as_of,
                    lang=self.lang,
                    rows=self._rows,
                    violations=self._fragment,
                    portfolio_findings=portfolio_findings,
                    summary=summary,
                    sources={k: v for k, v in sources.items() if k in quoted},
                    titles=titles,
                    denominators=self.denominators,
                )
            )
            self.close()
            return
        if self.fmt in TABLE_FORMATS:
            quoted = self._cited | {s for f in portfolio_findings for s in f.sources}
            _VIEWS[self.fmt].write_portfolio(
                self.out,
                as_of=self.as_of,
                lang=self.lang,
                rows=self._rows,
                fragment=self._fragment,
                portfolio_findings=portfolio_findings,
                summary=summary,
                sources={k: v for k, v in sorted(sources.items()) if k in quoted},
                titles=titles,
            )
            self.close()
            return
        if self.fmt == "junit":
            junit.write_portfolio(
                self.out,
                as_of=self.as_of,
                lang=self.lang,
                members=self._copy_spool,
                portfolio_findings=portfolio_findings,
                summary=summary,
                source=lambda cid: sources[cid],
            )
            self.close()
            return
        if self.fmt == "json":
            findings = json.dumps([f.model_dump(mode="json") for f in portfolio_findings], ensure_ascii=False, indent=2)
            self.out.write(("\n  " if self.count else "") + "],\n")
            self.out.write('  "portfolio_findings": ' + _indent(findings) + ",\n")
            self.out.write('  "summary": ' + _indent(json.dumps(summary.model_dump(), indent=2)) + ",\n")
            srcs = {k: v.model_dump(mode="json") for k, v in sorted(sources.items())}
            self.out.write('  "sources": ' + _indent(json.dumps(srcs, ensure_ascii=False, indent=2)) + "\n}\n")
            self.close()
            return
        self.out.write("\n" + "═" * 72 + "\n")
        if portfolio_findings:
            from engine.messages import label

            self.out.write(label(self.lang, "Chỉ tiêu của danh mục:", "Portfolio-level rules:") + "\n")
            for f in portfolio_findings:
                self.out.write(
                    f"  {text.status_word(f.status, self.lang, f.due):<18} {f.rule} "
                    f"{messages.subject_words(f.subject, self.lang)}: {f.message}\n"
                )
                for step in f.trace:
                    self.out.write(f"      ↳ {step}\n")
        from engine.messages import label

        self.out.write(
            label(self.lang, f"{self.count} cơ quan. ", f"{self.count} agencies. ")
            + text.summary_line(summary, self.lang)
            + "\n"
        )


def _indent(block: str) -> str:
    return block.replace("\n", "\n  ")
