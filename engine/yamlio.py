"""Reading users' YAML safely, and turning every way it can be wrong into located `Problem`s.

The one job: text → data → model, where each refusal names the file, line, column and field and
says what to write instead. The fast path (a valid file) is the C loader plus pydantic; anything
that helps only to explain an error (composing the YAML again for line numbers, guessing a typo)
runs only once there is an error to explain.
"""

from __future__ import annotations

import codecs
import contextlib
import contextvars
import datetime as dt
import difflib
import errno
import itertools
import os
import re
import threading
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from engine.errors import InputError, InvalidValue, Problem, UsageError
from engine.lang import T, Text
from engine.quoting import quote, shown

_show = quote  # the one quoting function (engine/quoting.py) under its older name, for older callers

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ENV_MAX_BYTES",
    "MAX_DEPTH",
    "MAX_EXPANDED_NODES",
    "MAX_EXPANSION_RATIO",
    "MAX_NODES",
    "SafeFactsLoader",
    "decode_text",
    "iter_yaml_documents",
    "load_model",
    "max_input_bytes",
    "parse_yaml",
    "read_bytes",
    "read_text",
    "validate",
]

M = TypeVar("M", bound=BaseModel)

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
"""Admits a national portfolio (~120 MB) with room to grow, yet stops a wrong file (a database
dump, a disk image) before it is read into memory."""
ENV_MAX_BYTES = "QMS_MAX_INPUT_BYTES"

MAX_DEPTH = 100
"""Deepest nesting of lists/mappings accepted. Facts files nest about 5 levels. libyaml's composer
recurses on the C stack (a crash, no exception, past ~20,000 levels in the main thread and far less
in threads with small stacks), and libyaml itself refuses more than 1000 levels since PyYAML 6.0.4:
this limit is far below both, so the engine's own check always speaks first, with the same message
whatever the PyYAML version (`_nesting_problem`)."""

MAX_NODES = 1_000_000
"""Most values (lists, mappings, texts, numbers, dates) read from one YAML document. Memory follows
values, not bytes: a file of short values (`[1,1,1,…]`) costs ~300 bytes of parser nodes per value,
~160 times its size, so the size limit alone let a 256 MiB file need tens of GB. An agency's facts
hold a few thousand values; at this bound one document costs at most ~350 MiB while it is read
(measured: bench/bench_memory.py). Portfolios in a folder or a `---` stream are read agency by
agency, so only a list portfolio (`agencies:`, one document) can meet it."""

MAX_EXPANDED_NODES = 2 * MAX_NODES
MAX_EXPANSION_RATIO = 50
"""Aliases (`*x`) may repeat a value, but the expanded data may hold at most
min(MAX_EXPANDED_NODES, max(MAX_NODES, MAX_EXPANSION_RATIO × written values)) values: a "billion
laughs" file is tiny as written and exponential once anything (pydantic, a report) walks it, and
even a linear repetition must stay within what memory allows."""

_C_LOADER = bool(getattr(yaml, "__with_libyaml__", False))
_BASE_LOADER: type = yaml.CSafeLoader if _C_LOADER else yaml.SafeLoader

_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"
_STR = "tag:yaml.org,2002:str"
_STD_PREFIX = "tag:yaml.org,2002:"

_DATE_HINT = T("viết theo dạng DD/MM/YYYY hoặc YYYY-MM-DD", "use YYYY-MM-DD or DD/MM/YYYY")

# What the file being read is, for messages: the same reader reads facts files and rules files, and
# a message about a rules file must not speak of facts files.
_DOCUMENT: contextvars.ContextVar[tuple[str, str]] = contextvars.ContextVar(
    "document_kind", default=("tệp dữ liệu", "facts file")
)
RULES_FILE = ("tệp quy tắc", "rules file")


@contextlib.contextmanager
def reading(kind: tuple[str, str]) -> Iterator[None]:
    """Messages name the file read inside the block as `kind` (Vietnamese, English), e.g. RULES_FILE."""
    token = _DOCUMENT.set(kind)
    try:
        yield
    finally:
        _DOCUMENT.reset(token)


_KEY_NOT_TEXT = T(
    "khóa phải là chữ đơn thuần, không được là danh sách hay nhóm khóa–giá trị",
    "a key must be plain text, not a list or a mapping",
)


def _count(n: int) -> Text:
    """A count as each language writes it: 12,345 / 12.345."""
    return T(f"{n:,}".replace(",", "."), f"{n:,}")


# ---------------------------------------------------------------------------------------------
# The loader


class _NodeProblem(Exception):
    """Raised while constructing, caught in this module: the field path of `node` is found from the
    composed document afterwards, which the constructor itself does not know."""

    def __init__(self, node: Node, message: Text):
        super().__init__(message.en)
        self.node = node
        self.message = message


def _tag_as_written(tag: str) -> str:
    """The tag as the user wrote it, quoted (escaped and cut short: it is the user's text)."""
    return quote("!!" + tag[len(_STD_PREFIX) :] if tag.startswith(_STD_PREFIX) else tag)


_RESOLVED: dict[str, str] = {}  # plain scalar text -> tag
_DATES: dict[str, dt.date] = {}


class SafeFactsLoader(_BASE_LOADER):
    """libyaml's safe loader (pure-Python SafeLoader when libyaml is missing), stricter about data:

    - a key given twice in one mapping is an error (YAML would silently keep the last one);
    - any tag outside the standard safe set is refused before anything is built from it;
    - an impossible date such as 2022-02-30 stays text, so the model reports it with its field;
    - `<<` merges keep one pair per key, so chains of merges cannot grow exponentially.
    """

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        # The tag of a plain scalar depends on its text only (this loader has no path resolvers), and
        # libyaml asks for every scalar: a national portfolio repeats the same keys, dates and words
        # millions of times, so short texts' tags are remembered (a bounded, process-wide table).
        # A quoted (non-plain) scalar is always text.
        if kind is ScalarNode and not self.yaml_path_resolvers:
            if not implicit[0]:
                return self.DEFAULT_SCALAR_TAG
            tag = _RESOLVED.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(value) <= 40 and len(_RESOLVED) < 50_000:
                    _RESOLVED[value] = tag
            return tag
        return super().resolve(kind, value, implicit)

    def construct_yaml_timestamp(self, node: ScalarNode) -> Any:
        day = _DATES.get(node.value) if isinstance(node, ScalarNode) else None
        if day is not None:  # the same dates recur across a portfolio: a date is immutable
            return day
        try:
            value = SafeConstructor.construct_yaml_timestamp(self, node)
            if type(value) is dt.date and len(_DATES) < 50_000:
                _DATES[node.value] = value
            return value
        except (ValueError, TypeError, AttributeError):
            # The resolver matched the shape of a date but it is not a real one (or an explicit
            # `!!timestamp` on text): keep what the user wrote for the model to refuse with a path.
            return self.construct_scalar(node)

    def construct_yaml_map(self, node: MappingNode) -> Iterator[dict]:
        data: dict = {}
        yield data
        self._fill_mapping(node, data, deep=False)

    def construct_mapping(self, node: Node, deep: bool = False) -> dict:
        if not isinstance(node, MappingNode):
            found = node.id if isinstance(node, (ScalarNode, SequenceNode)) else type(node).__name__
            raise ConstructorError(None, None, f"expected a mapping node, but found {found}", node.start_mark)
        return self._fill_mapping(node, {}, deep)

    def _fill_mapping(self, node: MappingNode, mapping: dict, deep: bool) -> dict:
        # One pass that builds the dict and notices a repeated key by the dict not growing:
        # cheaper than SafeConstructor's flatten-then-build, which never checks duplicates.
        construct = self.construct_object
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE or key_node.tag == _VALUE:
                mapping.clear()
                return self._fill_merged_mapping(node, mapping, deep)
            key = construct(key_node, deep=deep)
            value = construct(value_node, deep=deep)
            size = len(mapping)
            try:
                mapping[key] = value
            except TypeError:
                raise _NodeProblem(key_node, _KEY_NOT_TEXT) from None
            if len(mapping) == size:
                self._refuse_duplicate(node, key_node, key)
        return mapping

    def _fill_merged_mapping(self, node: MappingNode, mapping: dict, deep: bool) -> dict:
        # Keys written in this mapping must still be unique; keys merged in by `<<` may be
        # overridden by them, which is what merging is for.
        seen: dict[Any, Node] = {}
        for key_node, _ in node.value:
            if key_node.tag == _MERGE:
                continue
            if key_node.tag == _VALUE:
                key_node.tag = _STR
            key = self.construct_object(key_node, deep=deep)
            try:
                first = seen.setdefault(key, key_node)
            except TypeError:
                raise _NodeProblem(key_node, _KEY_NOT_TEXT) from None
            if first is not key_node:
                self._refuse_duplicate(node, key_node, key)
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                mapping[key] = self.construct_object(value_node, deep=deep)
            except TypeError:
                raise _NodeProblem(key_node, _KEY_NOT_TEXT) from None
        return mapping

    def flatten_mapping(self, node: MappingNode) -> None:
        super().flatten_mapping(node)
        # Keep only the last pair of each key (the one a dict would keep), in order, so that a
        # mapping merging `[*a, *a]` is no longer than `a`; otherwise each level doubles.
        seen: set = set()
        kept = []
        for pair in reversed(node.value):
            key_node = pair[0]
            ident = (key_node.tag, key_node.value) if isinstance(key_node, ScalarNode) else id(key_node)
            if ident not in seen:
                seen.add(ident)
                kept.append(pair)
        kept.reverse()
        node.value = kept

    def _refuse_duplicate(self, node: MappingNode, key_node: Node, key: Any) -> None:
        first_line = None
        for other, _ in node.value:
            if other is not key_node and other.tag != _MERGE and self.construct_object(other) == key:
                first_line = other.start_mark.line + 1
                break
        again = key_node.start_mark.line + 1
        where = (
            T(
                f" (lần đầu ở dòng {first_line}, lặp lại ở dòng {again})",
                f" (first at line {first_line}, again at line {again})",
            )
            if first_line
            else ""
        )
        raise _NodeProblem(
            key_node,
            T(f"khóa {quote(key)} bị lặp", f"duplicate key {quote(key)}")
            + where
            + T(
                "; mỗi khóa chỉ được xuất hiện một lần trong một nhóm khóa–giá trị: giữ lại một và gộp nội dung của cả hai",
                "; each key may appear only once in a mapping: keep one and merge what the two say",
            ),
        )

    def _refuse_tag(self, node: Node) -> Any:
        tag = _tag_as_written(node.tag)
        vi, en = _DOCUMENT.get()
        raise _NodeProblem(
            node,
            T(
                f"thẻ {tag} bị từ chối (không có gì được tạo hay chạy từ thẻ này): {vi} chỉ chứa "
                "dữ liệu thuần (chữ, số, ngày, true/false, danh sách và nhóm khóa–giá trị); hãy xóa thẻ",
                f"the tag {tag} is refused (nothing was built or run from it): {en}s hold plain data "
                "only (text, numbers, dates, true/false, lists and mappings); remove the tag",
            ),
        )


SafeFactsLoader.add_constructor("tag:yaml.org,2002:timestamp", SafeFactsLoader.construct_yaml_timestamp)
SafeFactsLoader.add_constructor("tag:yaml.org,2002:map", SafeFactsLoader.construct_yaml_map)
SafeFactsLoader.add_constructor(None, SafeFactsLoader._refuse_tag)


def _checked_scalar(tag: str, what: Text) -> None:
    # Implicit scalars only get these tags when they match the type's pattern, so only an explicit
    # tag on the wrong text (`!!int abc`) can fail; SafeConstructor then raises a bare
    # ValueError/KeyError without a position.
    base = SafeFactsLoader.yaml_constructors[tag]

    def construct(loader: SafeFactsLoader, node: Node) -> Any:
        try:
            return base(loader, node)
        except (ValueError, KeyError, TypeError, AttributeError, IndexError):
            digits = sum(c.isdigit() for c in str(node.value))
            if digits > 4000:  # Python refuses to read an integer of more than 4,300 digits
                raise _NodeProblem(
                    node,
                    T(
                        f"số có {_count(digits)('vi')} chữ số, dài hơn mọi dữ kiện cần đến; hãy viết ngắn lại",
                        f"a number of {digits:,} digits is longer than any fact needs; shorten it",
                    ),
                ) from None
            shown, written = quote(node.value), _tag_as_written(node.tag)
            raise _NodeProblem(
                node,
                T(f"{shown} không phải là ", f"{shown} is not ")
                + what
                + T(
                    f" nhưng lại được gắn thẻ {written}; hãy sửa giá trị hoặc xóa thẻ",
                    f", yet it is tagged {written}; fix the value or remove the tag",
                ),
            ) from None

    SafeFactsLoader.add_constructor(tag, construct)


_checked_scalar("tag:yaml.org,2002:int", T("số nguyên", "a whole number"))
_checked_scalar("tag:yaml.org,2002:float", T("số", "a number"))
_checked_scalar("tag:yaml.org,2002:bool", T("true hoặc false", "true or false"))


# ---------------------------------------------------------------------------------------------
# Reading the file


def max_input_bytes(value: str | int | None = None, *, source: str = "--max-input-bytes") -> int:
    """The input size limit: `value` if given (e.g. the CLI option), else the environment variable
    QMS_MAX_INPUT_BYTES, else DEFAULT_MAX_BYTES. Sizes are bytes, or with K/M/G (binary) suffix."""
    if value is None:
        value = os.environ.get(ENV_MAX_BYTES)
        source = ENV_MAX_BYTES
        if value is None or not value.strip():
            return DEFAULT_MAX_BYTES
    if isinstance(value, int):
        size = value
    else:
        m = re.fullmatch(r"\s*(\d+)\s*(?:([kmg])i?b?)?\s*", value, re.IGNORECASE | re.ASCII)
        if not m:
            raise UsageError(
                T(
                    f"{source}: {quote(value)} không phải là một kích thước; hãy ghi số byte, ví dụ 300000000, 300M hoặc 1G",
                    f"{source}: {quote(value)} is not a size; give bytes, e.g. 300000000, 300M or 1G",
                )
            )
        size = int(m.group(1)) * 1024 ** " kmg".index((m.group(2) or " ").lower())
    if size <= 0:
        raise UsageError(
            T(
                f"{source}: giới hạn kích thước đầu vào phải lớn hơn 0 byte, nhưng đang là {quote(value)}",
                f"{source}: the input size limit must be more than 0 bytes, got {quote(value)}",
            )
        )
    return size


def _human_size(n: int) -> Text:
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale:
            size = f"{n / scale:.1f}"
            return T(f"{size.replace('.', ',')} {unit}", f"{size} {unit}")
    return T(f"{n} byte", f"{n} bytes")


def _bytes(n: int) -> Text:
    """`2.1 KiB (2,108 bytes)` / `2,1 KiB (2.108 byte)`."""
    return _human_size(n) + " (" + _count(n) + T(" byte)", " bytes)")


def _file_problem(file: str, message: Text, line: int | None = None, column: int | None = None) -> InputError:
    return InputError([Problem(file=file, line=line, column=column, field="", message=message)])


def _near_names(path: Path) -> Text | str:
    # A missing file is most often a typo or a wrong extension (.yml/.yaml): name the close ones
    # (never the name itself: a broken link is there, yet cannot be opened).
    try:
        names = [p.name for p in (path.parent if str(path.parent) else Path(".")).iterdir() if p.name != path.name]
    except OSError:
        return ""
    close = difflib.get_close_matches(path.name, names, n=3, cutoff=0.7)
    if not close:
        return ""
    return T(
        f"; có phải là {' hoặc '.join(quote(c) for c in close)} không?",
        f"; did you mean {' or '.join(quote(c) for c in close)}?",
    )


def _link_problem(file: str) -> Text | None:
    """What is wrong with `file` if it is a link that leads nowhere, else None."""
    if not os.path.islink(file):
        return None
    try:
        os.stat(file)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return T(
                "không đọc được tệp: đây là một vòng liên kết tượng trưng (liên kết dẫn ngược về chính nó)",
                "the file cannot be read: it is a loop of symbolic links (a link that leads back to itself)",
            )
        try:
            target = quote(os.readlink(file), None)
        except OSError:
            return None
        return T(
            f"không có tệp này: đây là liên kết tượng trưng tới {target}, nơi không tồn tại",
            f"no such file: it is a symbolic link to {target}, which does not exist",
        )
    return None


def missing_path(path: str) -> InputError:
    """The input the user named does not exist (or is a broken link, or a loop of links)."""
    why = _link_problem(path) or T("không có tệp hay thư mục này", "no such file or folder") + _near_names(Path(path))
    return _file_problem(path, why)


_CONTENT_LINE = re.compile(r"^[ \t\r\f\v]*[^\s#]", re.MULTILINE)
_LEGACY_ENCODINGS = "Windows-1258, TCVN3 (ABC) or VNI"


def read_bytes(path: Path | str, *, max_bytes: int | None = None) -> bytes:
    """The file's bytes, or InputError: missing, a folder, unreadable, or over `max_bytes` (default:
    `max_input_bytes()`). Every input file (YAML or a workbook) is read through here."""
    file = path if isinstance(path, str) else str(path)
    limit = max_input_bytes() if max_bytes is None else max_bytes
    too_big = (
        T("vượt giới hạn đầu vào ", "over the input limit of ")
        + _bytes(limit)
        + T(
            f"; có thể nâng giới hạn bằng tùy chọn --max-input-bytes trên dòng lệnh hoặc biến môi trường {ENV_MAX_BYTES}",
            f"; raise it with --max-input-bytes on the command line or the environment variable {ENV_MAX_BYTES}",
        )
    )
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > limit:
                raise _file_problem(file, T("tệp có dung lượng ", "the file is ") + _bytes(size) + ", " + too_big)
            raw = _read_at_most(f, limit + 1, size)
    except FileNotFoundError:
        why = _link_problem(file) or T("không có tệp này", "no such file") + _near_names(Path(path))
        raise _file_problem(file, why) from None
    except IsADirectoryError:
        vi, en = _DOCUMENT.get()
        raise _file_problem(
            file,
            T(
                f"đây là một thư mục, không phải tệp; hãy chỉ ra đường dẫn của một {vi} YAML",
                f"this is a folder, not a file; give the path of one YAML {en}",
            ),
        ) from None
    except PermissionError:
        raise _file_problem(file, PERMISSION_DENIED) from None
    except OSError as exc:
        raise _file_problem(file, _link_problem(file) or cannot_read(exc)) from None
    if len(raw) > limit:
        raise _file_problem(file, T("đầu vào dài hơn ", "the input is more than ") + _bytes(limit) + ", " + too_big)
    return raw


def read_text(path: Path | str, *, max_bytes: int | None = None) -> str:
    """The file's text, or InputError: what `read_bytes` refuses, not UTF-8 (naming the first bad
    byte's line and column), or without data. A UTF-8 byte order mark is dropped."""
    file = path if isinstance(path, str) else str(path)
    return decode_text(read_bytes(path, max_bytes=max_bytes), file=file)


def decode_text(raw: bytes, *, file: str) -> str:
    """Bytes read from somewhere (a file, a request body) as text, or InputError: not UTF-8 (naming
    the first bad byte's line and column), or without data. A UTF-8 byte order mark is dropped."""
    text = _unify_line_breaks(_decode(raw, file))
    if _CONTENT_LINE.search(text) is None:
        raise _file_problem(
            file,
            T("tệp rỗng", "the file is empty")
            if not text.strip()
            else T(
                "tệp chỉ có chú thích và dòng trống, không có dữ liệu",
                "the file holds only comments and blank lines, no data",
            ),
        )
    return text


IS_A_FOLDER = T(
    "đây là một thư mục, không phải tệp; hãy chỉ ra đường dẫn của một tệp dữ liệu YAML",
    "this is a folder, not a file; give the path of one YAML facts file",
)
PERMISSION_DENIED = T(
    "không có quyền đọc: người dùng này không đọc được tệp",
    "permission denied: the file cannot be read by this user",
)


def cannot_read(exc: OSError) -> Text:
    reason = exc.strerror or str(exc)
    return T(f"không đọc được tệp: {reason}", f"the file cannot be read: {reason}")


_LONE_CR = re.compile(r"\r(?!\n)")


def _unify_line_breaks(text: str) -> str:
    r"""Line breaks as '\n' only. YAML also ends a line at '\r' alone (old Mac files) and at NEL
    (U+0085); the engine's own scans of the text (is there any data, where does each document of a
    stream start, is this a list portfolio) look for '\n', so such a file would be misread."""
    if "\r" in text and ("\r\n" not in text or _LONE_CR.search(text)):
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x85" in text:
        text = text.replace("\x85", "\n")
    return text


def _read_at_most(f: typing.BinaryIO, most: int, size: int) -> bytes:
    # Up to `most` bytes (one past the limit tells "too big"), in one read of the known size for a
    # regular file; never f.read(most) at once, which would allocate the whole limit for a small
    # file. Pipes and growing files have no trustworthy size, hence the loop.
    chunks, total = [], 0
    while total < most:
        # size + 1 while the file is as big as it said (a small file: one small read, not a 1 MiB
        # buffer allocated and released for every agency file of a folder), then 1 MiB chunks.
        want = size + 1 - total if total <= size else 1 << 20
        chunk = f.read(min(most - total, want))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _decode(raw: bytes, file: str) -> str:
    start = 3 if raw.startswith(codecs.BOM_UTF8) else 0
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _file_problem(
            file,
            T(
                "tệp được lưu theo bảng mã UTF-16 (hoặc UTF-32); hãy lưu lại theo bảng mã UTF-8",
                "the file is saved as UTF-16 (or UTF-32); save it as UTF-8",
            ),
            1,
            1,
        )
    try:
        # Decoding through a memoryview skips the BOM without copying a large file first.
        return str(memoryview(raw)[start:], "utf-8")
    except UnicodeDecodeError as exc:
        bad = start + exc.start
    # Lines end at LF, CR LF or a lone CR (as YAML and editors count them).
    line = raw.count(b"\n", start, bad) + raw.count(b"\r", start, bad) - raw.count(b"\r\n", start, bad) + 1
    line_start = max(raw.rfind(b"\n", start, bad) + 1, raw.rfind(b"\r", start, bad) + 1, start)
    column = len(raw[line_start:bad].decode("utf-8")) + 1
    if raw[bad] == 0:
        message = T(
            "tệp có byte NUL nên không phải tệp văn bản (một bảng tính, tài liệu Word hay văn bản UTF-16?); "
            "hãy lưu thành văn bản YAML theo bảng mã UTF-8",
            "the file contains a NUL byte, so it is not a text file (a spreadsheet, a Word "
            "document or UTF-16 text?); save it as UTF-8 YAML text",
        )
    else:
        message = T(
            f"byte 0x{raw[bad]:02X} không hợp lệ trong bảng mã UTF-8; hãy lưu tệp theo bảng mã UTF-8 "
            f"(có thể tệp đang dùng bảng mã cũ như {_LEGACY_ENCODINGS.replace(' or ', ' hoặc ')})",
            f"byte 0x{raw[bad]:02X} is not valid UTF-8; save the file with the UTF-8 encoding "
            f"(it may be in a legacy encoding such as {_LEGACY_ENCODINGS})",
        )
    raise _file_problem(file, message, line, column)


# ---------------------------------------------------------------------------------------------
# Guards against input that would crash or hang the parser or whatever walks the data

_RUN = MAX_DEPTH // 4
_DEEP_FIRST_LINE = re.compile(rf"[ \t?:-]{{{_RUN}}}")
_DEEP_LINE = re.compile(rf"[\n\r\x85\u2028\u2029][ \t?:-]{{{_RUN}}}")
_DOC_MARKER = re.compile(r"\n(?:---|\.\.\.)(?=[ \t\r\n]|\Z)")  # '\n' first: a fast literal prefix


def _flow_bounded(text: str, start: int, end: int) -> bool:
    # Flow collections open with '[' or '{': their depth is at most the number of those characters.
    return text.count("[", start, end) + text.count("{", start, end) <= MAX_DEPTH // 2


def _block_bounded(text: str, start: int, end: int) -> bool:
    # A nested block collection starts at a greater column than its parent (a sequence may share
    # its key's column once), and all that is left of where it starts is indentation or '- ', '? ',
    # ': ' indicators; so block depth is at most twice the longest such run at a line start.
    return not (_DEEP_FIRST_LINE.match(text, start, end) or _DEEP_LINE.search(text, start, end))


def _nesting_problem(file: str, line: int | None, column: int | None) -> InputError:
    vi, en = _DOCUMENT.get()
    return _file_problem(
        file,
        T(
            f"danh sách và nhóm khóa–giá trị lồng nhau quá {MAX_DEPTH} cấp tại đây; {vi} chỉ cần vài cấp",
            f"lists and mappings nest more than {MAX_DEPTH} levels deep here; a {en} needs only a few levels",
        ),
        line,
        column,
    )


def _too_many_values(file: str, line: int | None, column: int | None) -> InputError:
    return _file_problem(
        file,
        T("văn bản YAML này có hơn ", "this document holds more than ")
        + _count(MAX_NODES)
        + T(
            " giá trị (danh sách, nhóm khóa–giá trị, chữ, số, ngày), vượt mức chương trình đọc được từ một văn "
            "bản (dữ liệu của một cơ quan chỉ có vài nghìn giá trị); danh mục lớn cần được đọc lần lượt từng cơ "
            "quan, từ một thư mục các tệp cơ quan hoặc một chuỗi văn bản ngăn cách bằng '---', vốn không bị giới "
            "hạn này",
            " values (lists, mappings, texts, numbers, dates), more than this engine reads from one document "
            "(an agency's facts hold a few thousand); a large portfolio is read agency by agency from a folder "
            "of agency files or a '---' stream, which have no such limit",
        ),
        line,
        column,
    )


def _value_bound(text: str, start: int, end: int) -> int:
    """At least the number of nodes (values) in text[start:end]. Every node but a document's root is
    introduced by an indicator: '- ' (a sequence entry), ':' (a key and its value), ',', '[', '{' or
    '?' (flow entries and explicit keys, a key and its value each); '---' starts a document."""
    indicators = sum(text.count(c, start, end) for c in ":,[{?")
    return 1 + text.count("-", start, end) + 2 * indicators


def _scan_events(text: str, file: str, line_offset: int = 0, loader_class: type = _BASE_LOADER) -> None:
    """Exact depth and number of values of each document from the parser's events (no recursion, no
    nodes, stopping at the first excess): InputError past MAX_DEPTH or MAX_NODES. Syntax errors
    propagate as yaml.YAMLError for the caller to explain."""
    loader = loader_class(text)
    opening = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
    closing = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    values = (yaml.ScalarEvent, yaml.AliasEvent, *opening)
    depth = nodes = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, values):
                nodes += 1
                if nodes > MAX_NODES:
                    mark = event.start_mark
                    assert mark is not None, "the parser marks every event it produces"
                    raise _too_many_values(file, mark.line + 1 + line_offset, mark.column + 1)
            if isinstance(event, opening):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    assert mark is not None, "the parser marks every event it produces"
                    raise _nesting_problem(file, mark.line + 1 + line_offset, mark.column + 1)
            elif isinstance(event, closing):
                depth -= 1
            elif isinstance(event, yaml.DocumentStartEvent):
                nodes = 0
    finally:
        loader.dispose()


def _first_too_deep(text: str, file: str, index: int, line: int | None, column: int | None) -> InputError:
    """Where the nesting first went past MAX_DEPTH, in the document holding `index`. libyaml's scanner
    runs ahead of its events, so its own nesting error points far past that place; the pure-Python
    parser (no limit of its own, no recursion, a short look-ahead) finds it. Only on this refusal path."""
    start = max(text.rfind("\n---", 0, index), text.rfind("\n...", 0, index)) + 1
    try:
        _scan_events(text[start:], file, text.count("\n", 0, start), loader_class=yaml.SafeLoader)
    except InputError as found:
        return found
    except yaml.YAMLError:
        pass  # the document is broken before it gets too deep: libyaml's own place is the best we have
    return _nesting_problem(file, line, column)


def _guard(text: str, file: str, *, stream: bool) -> None:
    """InputError if a document nests deeper than MAX_DEPTH or holds more than MAX_NODES values, proven
    cheaply by counting characters when possible, otherwise by libyaml's events: a document is never
    composed (libyaml's composer recurses, and each node costs ~300 bytes) before it is known to be safe."""
    block_ok = _block_bounded(text, 0, len(text))
    if block_ok and _flow_bounded(text, 0, len(text)) and _value_bound(text, 0, len(text)) <= MAX_NODES:
        return
    if stream:
        # Decide document by document, so that a national stream with many inline lists still takes
        # the cheap path. libyaml ends a document at every column-0 '---'/'...' marker, even inside
        # quotes, so the text between markers is all one document's nesting can come from.
        cuts = [0, *(m.start() + 1 for m in _DOC_MARKER.finditer(text)), len(text)]
        try:
            for start, end in itertools.pairwise(cuts):
                shallow = _flow_bounded(text, start, end) and (block_ok or _block_bounded(text, start, end))
                if not shallow or _value_bound(text, start, end) > MAX_NODES:
                    _scan_events(text[start:end], file, text.count("\n", 0, start))
            return
        except yaml.YAMLError:
            pass  # a piece may not parse alone (a %TAG declared before its '---'): scan it all, in context
    _scan_events(text, file)


def _may_have_anchors(text: str) -> bool:
    """False only if the text certainly has no anchor (`&name`), hence no alias to expand. An anchor
    is a node property: never glued to a preceding letter or digit, always followed by its name."""
    i = text.find("&")
    while i != -1:
        following = text[i + 1 : i + 2]
        if (i == 0 or not text[i - 1].isalnum()) and following and following not in " \t\r\n,[]{}":
            return True
        i = text.find("&", i + 1)
    return False


_CONTAINERS = (dict, list, tuple, set, frozenset)


def _expansion(root: Any) -> tuple[int, int] | None:
    """(values once aliases are expanded, values as written), counted over shared sub-objects once
    each, without expanding anything; None if the data contains itself (an alias cycle)."""
    sizes: dict[int, int] = {}  # id → expanded size; 0 while its children are counted
    written = 0
    stack = [root]
    while stack:
        obj = stack[-1]
        size = sizes.get(id(obj))
        if size is None:
            sizes[id(obj)] = 0
            children = obj.values() if isinstance(obj, dict) else obj
            for child in children:
                if isinstance(child, _CONTAINERS):
                    state = sizes.get(id(child))
                    if state == 0:
                        return None
                    if state is None:
                        stack.append(child)
            continue
        stack.pop()
        if size == 0:
            children = obj.values() if isinstance(obj, dict) else obj
            total = 1 + (len(obj) if isinstance(obj, dict) else 0)
            for child in children:
                total += sizes[id(child)] if isinstance(child, _CONTAINERS) else 1
            sizes[id(obj)] = total
            written += 1 + len(obj) * (2 if isinstance(obj, dict) else 1)
    return sizes.get(id(root), 1), max(written, 1)


def _check_expansion(data: Any, file: str, line: int | None) -> None:
    if not isinstance(data, _CONTAINERS):
        return
    counted = _expansion(data)
    if counted is None:
        raise _file_problem(
            file,
            T(
                "một bí danh (*tên) trỏ tới danh sách hoặc nhóm khóa–giá trị chứa chính nó nên dữ liệu sẽ dài "
                "vô hạn; hãy viết đầy đủ dữ liệu thay vì dùng bí danh",
                "an alias (*name) refers to a list or mapping that contains it, so the data "
                "would be infinite; write the data out instead",
            ),
            line,
            None,
        )
    expanded, written = counted
    if expanded > min(MAX_EXPANDED_NODES, max(MAX_NODES, MAX_EXPANSION_RATIO * written)):
        raise _file_problem(
            file,
            T("các bí danh (*tên) làm ", "aliases (*name) expand ")
            + _count(written)
            + T(" giá trị được viết nở thành ", " written values into ")
            + _count(expanded)
            + T(
                "; tệp có dạng “bom bí danh” (billion laughs) nên bị từ chối; hãy viết đầy đủ dữ liệu "
                "thay vì lặp lại qua bí danh",
                '; this looks like an alias bomb ("billion laughs") and is refused; write the data '
                "out instead of repeating it through aliases",
            ),
            line,
            None,
        )


# ---------------------------------------------------------------------------------------------
# Parsing


def _line_of(text: str, index: int) -> str:
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return text[start : end if end != -1 else len(text)]


# How the YAML parsers (libyaml and PyYAML's own) word their errors, in Vietnamese. Anything not in
# here is shown as the parser wrote it, in parentheses, after a Vietnamese lead.
_YAML_PHRASES_VI = (
    ("found a tab character that violates indentation", "gặp ký tự tab làm sai thụt lề"),
    ("found a tab character where an indentation space is expected", "gặp ký tự tab ở chỗ cần dấu cách thụt lề"),
    ("found character '\\t' that cannot start any token", "gặp ký tự tab ở chỗ không được phép"),
    ("mapping values are not allowed in this context", "không được viết ': ' (giá trị của một khóa) ở vị trí này"),
    ("mapping values are not allowed here", "không được viết ': ' (giá trị của một khóa) ở vị trí này"),
    ("block sequence entries are not allowed in this context", "không được mở mục danh sách '- ' ở vị trí này"),
    ("could not find expected ':'", "không thấy dấu ':' cần có"),
    ("found unexpected end of stream", "tệp kết thúc giữa chừng"),
    ("found unknown escape character", "gặp ký tự thoát (\\) không hợp lệ"),
    ("did not find expected key", "không thấy khóa cần có"),
    ("did not find expected ',' or ']'", "không thấy dấu ',' hoặc ']' cần có"),
    ("did not find expected ',' or '}'", "không thấy dấu ',' hoặc '}' cần có"),
    ("did not find expected '-' indicator", "không thấy dấu '-' của mục danh sách"),
    ("did not find expected node content", "không thấy giá trị cần có"),
    ("did not find expected <document start>", "không thấy dấu bắt đầu văn bản '---'"),
    ("found character that cannot start any token", "gặp ký tự không được phép ở vị trí này"),
    ("found unexpected ':'", "gặp dấu ':' không đúng chỗ"),
    ("found unexpected document indicator", "gặp dấu '---' hoặc '...' không đúng chỗ"),
    ("expected <block end>, but found", "khối chưa kết thúc mà đã gặp"),
    ("expected ',' or ']', but got", "cần dấu ',' hoặc ']' nhưng gặp"),
    ("expected ',' or '}', but got", "cần dấu ',' hoặc '}' nhưng gặp"),
    ("while scanning a plain scalar", "khi đọc một giá trị"),
    ("while scanning a quoted scalar", "khi đọc một giá trị trong dấu nháy"),
    ("while scanning a simple key", "khi đọc một khóa"),
    ("while scanning a block scalar", "khi đọc một đoạn nhiều dòng"),
    ("while parsing a block mapping", "khi đọc một nhóm khóa–giá trị"),
    ("while parsing a block collection", "khi đọc một danh sách"),
    ("while parsing a flow sequence", "khi đọc một danh sách [...]"),
    ("while parsing a flow mapping", "khi đọc một nhóm {...}"),
    ("while parsing a flow node", "khi đọc một giá trị trong [...] hoặc {...}"),
    ("while parsing a block node", "khi đọc một giá trị"),
    ("while parsing a node", "khi đọc một giá trị"),
    ("while scanning an alias", "khi đọc một bí danh"),
    ("while scanning an anchor", "khi đọc một neo"),
    ("while scanning a tag", "khi đọc một thẻ"),
    ("while scanning a directive", "khi đọc một chỉ thị %"),
)


def _yaml_words_vi(words: str) -> str | None:
    for english, vietnamese in _YAML_PHRASES_VI:
        if words.startswith(english):
            return vietnamese + words[len(english) :]
    return None


def _yaml_words(words: str) -> Text:
    # libyaml's words quote the input (a tag handle, an escape, a character): escaped and bounded too.
    words = shown(words, 200)
    vi = _yaml_words_vi(words)
    return T(vi if vi is not None else f"({words})", words)


_ALIAS = re.compile(r"\*([^\s,\[\]{}]+)")
_ANCHOR = re.compile(r"&([^\s,\[\]{}]+)")


def _yaml_problem(exc: Exception, file: str, text: str) -> InputError:
    """Explain an error of the YAML layer (syntax, reader, composer, constructor)."""
    if isinstance(exc, yaml.reader.ReaderError):
        # libyaml reports the offset in the UTF-8 bytes it was given; the Python reader in characters.
        prefix = (
            text.encode("utf-8", "surrogatepass")[: exc.position].decode("utf-8", "replace")
            if _C_LOADER
            else text[: exc.position]
        )
        at_line = prefix.count("\n") + 1
        at_column = len(prefix) - (prefix.rfind("\n") + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        reason_vi = {
            "control characters are not allowed": "ký tự điều khiển",
            "special characters are not allowed": "ký tự đặc biệt",
        }.get(str(exc.reason), str(exc.reason))
        return _file_problem(
            file,
            T(
                f"ký tự U+{code:04X} không được phép có trong tệp YAML ({reason_vi}); hãy xóa ký tự này",
                f"the character U+{code:04X} cannot appear in a YAML file ({exc.reason}); remove it",
            ),
            at_line,
            at_column,
        )
    if not isinstance(exc, yaml.MarkedYAMLError):
        return _file_problem(file, _unreadable_yaml(exc))
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    problem = exc.problem or exc.context or "invalid YAML"
    context = exc.context if exc.problem else None
    if context == "expected a single document in the stream":
        return _file_problem(
            file,
            T(
                "một văn bản YAML thứ hai bắt đầu ở đây (sau dòng '---'); tệp này chỉ được chứa đúng một văn bản "
                "(một cơ quan) — hãy xóa dòng '---', hoặc đọc tệp như một danh mục nhiều văn bản",
                "a second YAML document starts here (after '---'); this file must hold "
                "exactly one document (one agency) — remove the '---' line, or read it as a "
                "multi-document portfolio",
            ),
            line,
            column,
        )
    if isinstance(exc, ConstructorError):
        return _file_problem(
            file,
            T("không đọc được giá trị YAML: ", "the YAML value cannot be read: ") + _yaml_words(problem),
            line,
            column,
        )
    # libyaml and the pure-Python composer word these slightly differently (with or without the name).
    if (context or "").startswith("found duplicate anchor"):
        first_line = exc.context_mark.line + 1 if exc.context_mark else None
        first = T(f" (dòng {first_line})", f" (line {first_line})") if first_line else ""
        return _file_problem(
            file,
            T("tên neo (&tên) này đã được dùng ở phía trước", "this anchor name (&name) is already used earlier")
            + first
            + T("; mỗi neo phải có tên riêng", "; give each anchor its own name"),
            line,
            column,
        )
    if problem.startswith("found undefined alias"):
        alias = _ALIAS.match(text, mark.index) if mark is not None else None
        name = alias.group(1) if alias else "name"
        close = difflib.get_close_matches(name, _ANCHOR.findall(text, 0, mark.index) if mark is not None else [], n=1)
        guess = (
            T(f" (có phải là {quote('*' + close[0])} không?)", f" (did you mean {quote('*' + close[0])}?)")
            if close
            else ""
        )
        alias_name, anchor_name = quote("*" + name), quote("&" + name)
        return _file_problem(
            file,
            T(
                f"bí danh {alias_name} không trỏ tới neo {anchor_name} nào được định nghĩa trước nó",
                f"the alias {alias_name} refers to no anchor {anchor_name} defined before it",
            )
            + guess,
            line,
            column,
        )

    if "nesting depth" in problem:
        # A YAML layer with a limit of its own (libyaml's 1000 levels since PyYAML 6.0.4) noticed
        # before the engine's check: the same message, so the PyYAML version never shows.
        return _first_too_deep(text, file, mark.index if mark is not None else len(text), line, column)
    message = T("lỗi cú pháp YAML: ", "YAML syntax error: ") + _yaml_words(problem)
    if context and exc.context_mark is not None and exc.problem:
        at_line, at_column = exc.context_mark.line + 1, exc.context_mark.column + 1
        message += (
            " ("
            + _yaml_words(context)
            + T(f" ở dòng {at_line}, cột {at_column})", f" at line {at_line}, column {at_column})")
        )
    hint: Text | str = ""
    at = _line_of(text, mark.index) if mark is not None and 0 <= mark.index <= len(text) else ""
    if "tab" in problem or (mark is not None and at[mark.column : mark.column + 1] == "\t"):
        hint = T("thụt lề bằng dấu cách, không dùng ký tự tab", "indent with spaces, not tab characters")
    elif "mapping values are not allowed" in problem:
        hint = T(
            "dấu ': ' nằm trong một giá trị khiến YAML hiểu là một khóa mới; hãy đặt cả giá trị trong dấu nháy",
            "a ': ' inside a value makes YAML read a new key; put the whole value in quotes",
        )
    elif "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        hint = T(
            "có dấu '[' hoặc '{' chưa được đóng, hoặc các mục chưa được ngăn cách bằng dấu phẩy",
            "a '[' or '{' is not closed, or items are not separated by commas",
        )
    elif "while scanning a quoted scalar" in (context or ""):
        hint = T("có dấu nháy chưa được đóng", "a quote is not closed")
    elif "expected <block end>" in problem or "did not find expected key" in problem:
        hint = T(
            "kiểm tra lại thụt lề: các khóa của cùng một nhóm phải bắt đầu ở cùng một cột",
            "check the indentation: keys of one mapping must start in the same column",
        )
    elif "could not find expected ':'" in problem:
        hint = T(
            "một khóa thiếu dấu ':' (hoặc một giá trị nhiều dòng chưa được thụt lề dưới khóa của nó)",
            "a key is missing its ':' (or a multi-line value is not indented under its key)",
        )
    if hint:
        message += "; " + hint
    return _file_problem(file, message, line, column)


def _construct(loader: SafeFactsLoader, node: Node, file: str) -> Any:
    try:
        return loader.construct_document(node)
    except _NodeProblem as exc:
        mark = exc.node.start_mark
        raise InputError(
            [
                Problem(
                    file=file,
                    line=mark.line + 1,
                    column=mark.column + 1,
                    field=_field_path(_path_to(node, exc.node)),
                    message=exc.message,
                )
            ]
        ) from None


def _no_data(file: str) -> InputError:
    return _file_problem(
        file, T("tệp không có dữ liệu (văn bản YAML rỗng)", "the file holds no data (the YAML document is empty)")
    )


def _unreadable_yaml(exc: BaseException) -> Text:
    why = shown(exc, 200)
    return T(f"không đọc được nội dung YAML: {why}", f"the YAML cannot be read: {why}")


def _open(text: str, file: str, *, stream: bool) -> SafeFactsLoader:
    try:
        _guard(text, file, stream=stream)
        return SafeFactsLoader(text)
    except yaml.YAMLError as exc:
        raise _yaml_problem(exc, file, text) from None
    except UnicodeEncodeError as exc:  # lone surrogates in a str passed in through the API
        raise _file_problem(
            file,
            T(
                f"không đọc được văn bản dưới dạng YAML: {shown(exc, 200)}",
                f"the text cannot be read as YAML: {shown(exc, 200)}",
            ),
        ) from None


def parse_yaml(text: str, *, file: str) -> Any:
    """The data of a single-document YAML text, loaded safely; InputError for anything else."""
    loader = _open(text, file, stream=False)
    try:
        node = loader.get_single_node()
        if node is None:
            raise _no_data(file)
        anchors = _may_have_anchors(text)
        data = _SLOW if anchors else _plain(loader, node)
        if data is _SLOW:
            data = _construct(loader, node, file)
    except yaml.YAMLError as exc:
        raise _yaml_problem(exc, file, text) from None
    except RecursionError as exc:
        raise _file_problem(file, _unreadable_yaml(exc)) from None
    finally:
        loader.dispose()
    if data is None:
        raise _no_data(file)
    if anchors:
        _check_expansion(data, file, None)
    return data


_SLOW = object()
_PLAIN_SCALARS = frozenset(_STD_PREFIX + t for t in ("null", "bool", "int", "float", "timestamp"))
_SEQ, _MAP = _STD_PREFIX + "seq", _STD_PREFIX + "map"


class _NotPlain(Exception):
    """A node `_plain` leaves to the constructor: a non-standard tag, a merge key, a key that is not a
    scalar, a repeated key."""


def _plain(loader: SafeFactsLoader, root: Node) -> Any:
    """The data of a composed document that holds plain data only (no aliases, no tags beyond the
    standard scalars, no merge keys, no repeated key): the same values as the loader's constructor
    builds, without its per-node bookkeeping (the happy path of a national portfolio). _SLOW for
    anything else, which the constructor then builds or refuses with its precise message."""
    constructors = loader.yaml_constructors

    def build(node: Node) -> Any:
        tag = node.tag
        if isinstance(node, ScalarNode):
            if tag == _STR:
                return node.value
            if tag in _PLAIN_SCALARS:
                return constructors[tag](loader, node)
            raise _NotPlain
        if isinstance(node, SequenceNode) and tag == _SEQ:
            return [build(item) for item in node.value]
        if isinstance(node, MappingNode) and tag == _MAP:
            mapping: dict = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode) or key_node.tag == _MERGE or key_node.tag == _VALUE:
                    raise _NotPlain
                key = build(key_node)
                size = len(mapping)
                mapping[key] = build(value_node)
                if len(mapping) == size:
                    raise _NotPlain  # a repeated key: the constructor says where
            return mapping
        raise _NotPlain

    try:
        return build(root)
    except (_NotPlain, _NodeProblem, RecursionError):
        return _SLOW


class _Current(threading.local):
    """Where the document iter_yaml_documents last yielded in this thread came from: (data, text,
    start, end, lines before start), so validate() can locate its errors without being given the
    text. Offsets, not the composed nodes: keeping node trees alive would only feed the cyclic GC."""

    document: tuple[Any, str, int, int, int] | None = None


_current = _Current()


def iter_yaml_documents(text: str, *, file: str) -> Iterator[tuple[Any, int]]:
    """(data, line where the document's content starts) for each non-empty document of a
    `---`-separated stream, one at a time, with the same safety checks as parse_yaml. A problem
    ends the iteration with InputError (the parser cannot resume after it)."""
    loader = _open(text, file, stream=True)
    may_alias = _may_have_anchors(text)
    try:
        while True:
            try:
                if not loader.check_node():
                    break
                node = loader.get_node()
                data = _construct(loader, node, file)
            except yaml.YAMLError as exc:
                raise _yaml_problem(exc, file, text) from None
            except RecursionError as exc:
                raise _file_problem(file, _unreadable_yaml(exc)) from None
            if data is None:
                continue
            first_line = node.start_mark.line + 1
            if may_alias:
                _check_expansion(data, file, first_line)
            # From the start of the document's first line, so that columns stay right.
            start = text.rfind("\n", 0, node.start_mark.index) + 1
            _current.document = (data, text, start, node.end_mark.index, node.start_mark.line)
            del node
            yield data, first_line
    finally:
        _current.document = None
        loader.dispose()


# ---------------------------------------------------------------------------------------------
# Validation: pydantic's errors, located in the YAML and said for people


def _field_path(loc: tuple) -> str:
    # A step may be a key the user wrote (an unknown key): escaped and cut short like any value.
    out = ""
    for step in loc:
        out += f"[{step}]" if isinstance(step, int) else (f".{shown(step)}" if out else shown(step))
    return out


def _path_to(root: Node, target: Node) -> tuple:
    """The key/index path from `root` to `target` (a value or a key node), in document order."""
    stack: list[tuple[Node, tuple]] = [(root, ())]
    seen: set[int] = set()
    while stack:
        node, path = stack.pop()
        if node is target:
            return path
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key_node, value_node in reversed(node.value):
                if key_node is target:
                    # A list or mapping used as a key has no name to show: point at its mapping.
                    return (*path, key_node.value) if isinstance(key_node, ScalarNode) else path
                if isinstance(key_node, ScalarNode):
                    stack.append((value_node, (*path, key_node.value)))
        elif isinstance(node, SequenceNode):
            stack.extend((child, (*path, i)) for i, child in reversed(list(enumerate(node.value))))
    return ()


def _find_key(mapping: MappingNode, step: Any, depth: int = 0) -> tuple[Node, Node] | None:
    name = str(step)
    found: tuple[Node, Node] | None = None
    for key_node, value_node in mapping.value:
        if isinstance(key_node, ScalarNode) and key_node.tag != _MERGE and key_node.value == name:
            found = (key_node, value_node)
    if found or depth > 20:
        return found
    for key_node, value_node in mapping.value:  # a key brought in by a `<<` merge
        if key_node.tag == _MERGE:
            sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            for source in sources:
                if isinstance(source, MappingNode) and (found := _find_key(source, step, depth + 1)):
                    return found
    return None


def _walk(root: Node, steps: tuple) -> tuple[Node, Node | None]:
    """The deepest node reached along `steps`, and the key node it was reached through (if any)."""
    node, key_node = root, None
    for step in steps:
        if isinstance(node, MappingNode) and (pair := _find_key(node, step)):
            key_node, node = pair
        elif isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            node, key_node = node.value[step], None
        else:
            break
    return node, key_node


def _scalar_value(node: ScalarNode) -> Any:
    """What YAML makes of a plain scalar node (on error paths only)."""
    try:
        return yaml.load(node.value, Loader=SafeFactsLoader)  # the engine's own safe loader
    except (yaml.YAMLError, InputError):
        return node.value


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) is Literal:
        return None
    for arg in typing.get_args(annotation):
        if (found := _model_in(arg)) is not None:
            return found
    return None


def _literal_values(annotation: Any) -> tuple | None:
    if typing.get_origin(annotation) is Literal:
        return typing.get_args(annotation)
    for arg in typing.get_args(annotation):
        if (found := _literal_values(arg)) is not None:
            return found
    return None


def _model_at(model: type[BaseModel] | None, steps: tuple) -> type[BaseModel] | None:
    for step in steps:
        if model is None:
            return None
        if isinstance(step, int):
            continue
        field = model.model_fields.get(step)
        model = _model_in(field.annotation) if field is not None else None
    return model


def _keys_of(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items() if not info.exclude]


def _describe(value: Any, *, why: bool = True) -> Text:
    """`value` in words; `why`: also say how YAML came to read a yes/no value."""
    if value is None:
        return T("giá trị trống", "nothing (an empty value)")
    if isinstance(value, bool):
        word = str(value).lower()
        return T(f"giá trị có/không {word}", f"the yes/no value {word}") + (
            T(
                " (YAML hiểu các từ yes/no/on/off/true/false không đặt trong dấu nháy theo cách này; "
                "muốn ghi chữ thì đặt trong dấu nháy)",
                " (YAML reads an unquoted yes/no/on/off/true/false that way; put text in quotes)",
            )
            if why
            else ""
        )
    if isinstance(value, (int, float)):
        number = shown(repr(value))
        return T(f"số {number}", f"the number {number}")
    if isinstance(value, dt.datetime):
        return T(f"ngày giờ {value.isoformat(sep=' ')}", f"the date and time {value.isoformat(sep=' ')}")
    if isinstance(value, dt.date):
        return T(f"ngày {value.isoformat()}", f"the date {value.isoformat()}")
    if isinstance(value, str):
        return T(f"chuỗi ký tự {quote(value)}", f"the text {quote(value)}")
    if isinstance(value, (list, tuple)):
        n = len(value)
        return T(f"một danh sách {n} mục", f"a list of {n} item{'s' if n != 1 else ''}")
    if isinstance(value, dict):
        keys = ", ".join(quote(k, 30) for k in list(value)[:3]) + (", …" if len(value) > 3 else "")
        if not value:
            return T("một nhóm khóa–giá trị rỗng", "an empty mapping")
        return T(f"một nhóm khóa–giá trị (các khóa {keys})", f"a mapping (keys {keys})")
    return T(f"một giá trị kiểu {type(value).__name__}", f"a value of type {type(value).__name__}")


def _suggest(word: str, options: list[str]) -> Text | str:
    # Case-blind: 'Commune' and 'tcvn iso 9001:2015' are near misses too.
    lowered = {option.lower(): option for option in options}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    if not close:
        return ""
    return T(f" (có phải là '{lowered[close[0]]}' không?)", f" (did you mean '{lowered[close[0]]}'?)")


def _compose_first(text: str, file: str) -> Node | None:
    """The node tree of the first document of `text`, or None if it cannot be had (then problems
    are reported without line numbers rather than not at all)."""
    try:
        _guard(text, file, stream=True)
        loader = SafeFactsLoader(text)
        try:
            return loader.get_node() if loader.check_node() else None
        finally:
            loader.dispose()
    except (yaml.YAMLError, InputError, RecursionError, UnicodeEncodeError):
        return None


class _Explainer:
    """Turns pydantic's error dicts into Problems; composes the YAML at most once, on demand."""

    def __init__(self, model: type[BaseModel], file: str, text: str | None, base_line: int, at: tuple, data: Any):
        self.model, self.file, self.text, self.base_line, self.at, self.data = model, file, text, base_line, at, data
        self._root: Node | None = None
        self._offset = 0
        self._composed = False

    def root(self) -> Node | None:
        if not self._composed:
            self._composed = True
            current = _current.document
            if current is not None and current[0] is self.data:
                _, stream, start, end, self._offset = current
                self._root = _compose_first(stream[start:end], self.file)
            elif self.text is not None:
                self._offset = self.base_line
                self._root = _compose_first(self.text, self.file)
        return self._root

    def locate(self, steps: tuple, point_at_key: bool) -> tuple[Node | None, Node | None]:
        """(the node to point at, the scalar node holding the erroneous value if reached)."""
        root = self.root()
        if root is None:
            return None, None
        node, key_node = _walk(root, steps)
        scalar = node if isinstance(node, ScalarNode) else None
        # An unknown key is shown at the key; a whole section (a mapping or list under a key) at its
        # `key:` line; any other value at the value itself.
        if key_node is not None and (point_at_key or isinstance(node, (MappingNode, SequenceNode))):
            node = key_node
        return node, scalar

    def problem(self, err: ErrorDetails) -> Problem:
        loc = tuple(err.get("loc", ()))
        steps = (*self.at, *loc)
        kind = err.get("type", "")
        if kind == "invalid_key":
            return self.invalid_key(steps)
        if kind == "missing":
            node, scalar = self.locate(steps[:-1], point_at_key=False)
        else:
            node, scalar = self.locate(steps, point_at_key=(kind == "extra_forbidden"))
        line = node.start_mark.line + 1 + self._offset if node is not None else None
        column = node.start_mark.column + 1 if node is not None else None
        return Problem(
            file=self.file,
            line=line,
            column=column,
            field=_field_path(steps),
            message=self.message(err, loc, scalar.value if scalar is not None else None),
        )

    def invalid_key(self, steps: tuple) -> Problem:
        """A key YAML did not read as text (`2022:`, `yes:`, `~:`, a date): pydantic names it by a
        lossy form (True becomes 1, a date its repr), so the key is found among its mapping's keys
        that are not text, at its own line."""
        wanted = steps[-1]
        key: ScalarNode | None = None
        root = self.root()
        if root is not None:
            mapping, _ = _walk(root, steps[:-1])
            if isinstance(mapping, MappingNode):
                keys = [k for k, _ in mapping.value if isinstance(k, ScalarNode) and k.tag not in (_STR, _MERGE)]
                key = next((k for k in keys if str(wanted) in (k.value, str(_scalar_value(k)))), None)
                key = key or next(iter(keys), None)
        written = key.value if key is not None else str(wanted)
        value = _scalar_value(key) if key is not None else wanted
        return Problem(
            file=self.file,
            line=key.start_mark.line + 1 + self._offset if key is not None else None,
            column=key.start_mark.column + 1 if key is not None else None,
            field=_field_path((*steps[:-1], written)),
            message=T(
                f"khóa phải là chữ, nhưng YAML đọc {quote(written)} thành ",
                f"a key must be text, but YAML reads {quote(written)} as ",
            )
            + _describe(value, why=False)
            + T(
                "; nếu đó là chữ thì hãy đặt trong dấu nháy, nếu không thì sửa lại",
                "; write it in quotes if it is meant as text, or correct it",
            ),
        )

    def located(self, loc: tuple, message: Text) -> Problem:
        """A problem found after validation, at the field `loc`."""
        steps = (*self.at, *loc)
        node, _ = self.locate(steps, point_at_key=False)
        line = node.start_mark.line + 1 + self._offset if node is not None else None
        column = node.start_mark.column + 1 if node is not None else None
        return Problem(file=self.file, line=line, column=column, field=_field_path(steps), message=message)

    def message(self, err: ErrorDetails, loc: tuple, written: str | None = None) -> Text:
        """`written`: the value as it is written in the YAML, when known (YAML may have changed it:
        `2.000900` reads as the number 2.0009)."""
        kind = err.get("type", "")
        value = err.get("input")
        ctx = err.get("ctx") or {}
        name = loc[-1] if loc else ""
        if not loc and kind in ("model_type", "model_attributes_type", "dict_type"):
            return self.not_a_mapping(value)
        if kind == "missing":
            return T(f"thiếu trường bắt buộc '{name}'", f"required key '{name}' is missing")
        if kind == "extra_forbidden":
            return self.unknown_key(str(name), loc[:-1])
        if kind == "literal_error":
            return self.not_allowed(value, loc, ctx)
        if kind in ("value_error", "assertion_error"):
            from engine.facts import NotADate

            error = ctx.get("error")
            if isinstance(error, NotADate) and not isinstance(value, str):
                # The model says `got True`; say why YAML made it that (yes/no, a number, ...).
                return (
                    T("cần một ngày (", "expected a date (")
                    + _DATE_HINT
                    + T("), nhưng đang là ", "), got ")
                    + (_describe(value))
                )
            if isinstance(error, InvalidValue):
                return error.text
            text = err.get("msg", "")
            text = text.split(", ", 1)[1] if text.startswith(("Value error, ", "Assertion failed, ")) else text
            return T(f"giá trị không hợp lệ: {text}", text)
        got = T(", nhưng đang là ", ", got ")
        if kind == "string_type":
            hint: Text | str = ""
            if isinstance(value, (int, float, bool, dt.date)):
                hint = (
                    T(f'; hãy đặt trong dấu nháy: "{shown(written)}"', f'; write it in quotes: "{shown(written)}"')
                    if written is not None
                    else T(
                        "; hãy đặt trong dấu nháy để YAML giữ nguyên là chữ",
                        "; write it in quotes so YAML keeps it as text",
                    )
                )
            return T("cần ghi chữ", "expected text") + got + _describe(value, why=False) + hint
        if kind == "list_type":
            return (
                T(
                    "cần một danh sách (mỗi dòng một mục '- …', hoặc [a, b])",
                    "expected a list (one '- item' per line, or [a, b])",
                )
                + got
                + _describe(value)
            )
        if kind in ("model_type", "model_attributes_type", "dict_type"):
            return (
                T("cần một nhóm các dòng 'khóa: giá trị' thụt lề", "expected a mapping (indented 'key: value' lines)")
                + got
                + _describe(value)
            )
        if kind in ("int_type", "int_parsing", "int_from_float"):
            return T("cần một số nguyên", "expected a whole number") + got + _describe(value)
        if kind in ("bool_type", "bool_parsing"):
            return T("cần giá trị true hoặc false", "expected true or false") + got + _describe(value)
        if kind in ("date_type", "date_parsing", "date_from_datetime_inexact", "date_from_datetime_parsing"):
            return T("cần một ngày", "expected a date") + got + _describe(value) + "; " + _DATE_HINT
        if kind == "string_pattern_mismatch":
            return self.bad_pattern(value, str(ctx.get("pattern", "")))
        if kind == "string_too_short":
            least = ctx.get("min_length")
            return (
                T("không được để trống", "must not be empty")
                if least == 1
                else T(
                    f"{quote(value)} quá ngắn: cần ít nhất {least} ký tự",
                    f"{quote(value)} is too short: at least {least} characters",
                )
            )
        if kind == "too_short" and isinstance(value, (list, tuple)):
            least = ctx.get("min_length")
            return T(f"cần ít nhất {least} mục", f"at least {least} item{'s' if least != 1 else ''} needed") + (
                T(", nhưng đang là ", ", got ") + _describe(value)
            )
        if kind == "string_too_long":
            most = ctx.get("max_length")
            return T(f"quá dài: tối đa {most} ký tự", f"is too long: at most {most} characters")
        bounds = {
            "greater_than_equal": (("phải từ", "trở lên"), "at least", "ge"),
            "less_than_equal": (("không được quá", ""), "at most", "le"),
            "greater_than": (("phải lớn hơn", ""), "more than", "gt"),
            "less_than": (("phải nhỏ hơn", ""), "less than", "lt"),
        }
        if kind in bounds:
            (before, after), words, key = bounds[kind]
            limit = ctx.get(key)
            return T(
                f"{shown(repr(value))} nằm ngoài khoảng cho phép: {before} {limit}" + (f" {after}" if after else ""),
                f"{shown(repr(value))} is out of range: it must be {words} {limit}",
            )
        if kind == "recursion_loop":
            return T("dữ liệu tự trỏ tới chính nó (vòng bí danh)", "the data refers to itself (an alias cycle)")
        msg = err.get("msg", "invalid value")
        return T(f"giá trị không hợp lệ ({msg})", msg) + T("; đang là ", "; got ") + _describe(value)

    def not_a_mapping(self, value: Any) -> Text:
        required = [k for k, info in self.model.model_fields.items() if info.is_required()]
        whole = T("mục", "entry") if self.at else T("tệp", "file")
        if not required:
            return (
                whole
                + T(
                    " phải là một nhóm các dòng 'khóa: giá trị', không phải ",
                    " must be a mapping of 'key: value' lines, not ",
                )
                + _describe(value)
            )
        keys = ", ".join(f"'{k}'" for k in required)
        one = len(required) == 1
        return (
            T("", "the ")
            + whole
            + T(
                f" phải là một nhóm khóa–giá trị có {'trường' if one else 'các trường'} {keys} ở trên cùng "
                f"(một dòng '{required[0]}:' sát lề trái), không phải ",
                f" must be a mapping with {'the key' if one else 'the keys'} {keys} "
                f"at the top (a line '{required[0]}:' at the left margin), not ",
            )
            + _describe(value)
        )

    def unknown_key(self, key: str, parent: tuple) -> Text:
        model = _model_at(self.model, parent)
        message = T(f"không có trường {quote(key)} trong mẫu tệp", f"unknown key {quote(key)}")
        if model is None:
            return message
        allowed = _keys_of(model)
        message += _suggest(key, allowed)
        homes = [
            name
            for name, info in model.model_fields.items()
            if (sub := _model_in(info.annotation)) is not None and key in sub.model_fields
        ]
        if len(homes) == 1:
            message += T(
                f"; {quote(key)} thuộc mục '{homes[0]}' (kiểm tra lại thụt lề)",
                f"; {quote(key)} belongs under '{homes[0]}' (check the indentation)",
            )
        names = ", ".join(allowed)
        return message + T(
            f"; các trường được phép ở đây: {names} (trường bắt đầu bằng x_ được tự do dùng để ghi chú)",
            f"; allowed keys here: {names} (keys starting with x_ are free for notes)",
        )

    def not_allowed(self, value: Any, loc: tuple, ctx: dict) -> Text:
        last = max((i for i, step in enumerate(loc) if isinstance(step, str)), default=None)
        parent = _model_at(self.model, loc[:last]) if last is not None else None
        field = parent.model_fields.get(loc[last]) if parent is not None and last is not None else None
        values = _literal_values(field.annotation) if field is not None else None
        allowed = [str(v) for v in values] if values else None
        shown: Text = Text.same(quote(value)) if isinstance(value, str) else _describe(value)
        if allowed is None or parent is None or last is None:
            expected = ctx.get("expected", "another value")
            return shown + T(f" không được phép ở đây; cần {expected}", f" is not allowed here; expected {expected}")
        guess = _suggest(str(value), allowed) if isinstance(value, str) else ""
        from engine.facts import choice_words

        name = str(loc[last])
        words_vi = choice_words(parent, name, "vi") or ", ".join(allowed)
        return (
            shown
            + T(" không được phép ở đây", " is not allowed here")
            + guess
            + T(f"; chỉ dùng một trong các giá trị: {words_vi}", f"; use one of: {', '.join(allowed)}")
        )

    @staticmethod
    def bad_pattern(value: Any, pattern: str) -> Text:
        if pattern == r"^[a-z0-9]+(-[a-z0-9]+)*$":
            return T(
                f"{quote(value)} không phải là mã hợp lệ: chỉ dùng chữ thường a-z không dấu, chữ số và một dấu "
                "gạch nối giữa các phần, không có dấu cách (ví dụ ubnd-tt-huu-lung)",
                f"{quote(value)} is not a valid id: use lowercase letters a-z, digits and single hyphens "
                "between them, without spaces or accents (e.g. ubnd-tt-huu-lung)",
            )
        return T(
            f"{quote(value)} không đúng dạng quy định (mẫu {pattern})",
            f"{quote(value)} does not have the required form (pattern {pattern})",
        )


def explain(model: type[BaseModel], err: ErrorDetails, *, at: tuple = (), written: str | None = None) -> Text:
    """One of pydantic's errors for `model` said for people, in both languages, without a location
    (for inputs that locate their errors themselves, such as a spreadsheet)."""
    return _Explainer(model, "", None, 0, tuple(at), None).message(err, tuple(err.get("loc", ())), written)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_FREE: list = [None, False]  # the last large text checked, and whether it may hold controls


def _may_hold_controls(text: str | None) -> bool:
    """False when parsed YAML text certainly holds no control character: the reader refuses them
    written as they are, so only a double-quoted escape ('\\e', '\\x9b') can make one."""
    if text is None:
        return True
    if len(text) < 1 << 20:
        return "\\" in text
    if _CONTROL_FREE[0] is not text:  # a list portfolio: one scan of its text, not one per agency
        _CONTROL_FREE[:] = [text, "\\" in text]
    return bool(_CONTROL_FREE[1])


def _control_characters(data: Any, text: str | None) -> list[tuple[tuple, Text]]:
    """(path, message) for each text value holding a control character other than tab and line feed:
    it would garble a terminal, a log line or a report (`x_` notes, never shown, are not looked at)."""
    if not _may_hold_controls(text):
        return []
    found: list[tuple[tuple, Text]] = []
    stack: list[tuple[Any, tuple]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            m = _CONTROL.search(value)
            if m:
                code = f"U+{ord(m.group()):04X}"
                found.append(
                    (
                        path,
                        T(
                            f"{quote(value)} có ký tự điều khiển {code}; trong chữ chỉ được có dấu tab và dấu xuống "
                            "dòng, không được có ký tự điều khiển nào khác: hãy xóa ký tự này",
                            f"{quote(value)} contains the control character {code}; text may hold tabs and line "
                            "breaks but no other control characters: remove it",
                        ),
                    )
                )
        elif isinstance(value, dict):
            stack.extend((v, (*path, k)) for k, v in value.items() if not (isinstance(k, str) and k.startswith("x_")))
        elif isinstance(value, (list, tuple)):
            stack.extend((v, (*path, i)) for i, v in enumerate(value))
    return sorted(found, key=lambda f: [str(step) for step in f[0]])


class Locator:
    """Problems found outside pydantic (a rules file's operators, their parameters), located in the
    YAML text: composed once, on demand."""

    def __init__(self, file: str, text: str):
        self.file, self.text = file, text
        self._root: Node | None = None
        self._composed = False

    def _node(self, steps: tuple) -> Node | None:
        if not self._composed:
            self._composed = True
            self._root = _compose_first(self.text, self.file)
        if self._root is None:
            return None
        node, key_node = _walk(self._root, steps)
        if key_node is not None and isinstance(node, (MappingNode, SequenceNode)):
            node = key_node  # a whole section is shown at its `key:` line
        return node

    def problem(self, steps: tuple, message: Text | str) -> Problem:
        node = self._node(steps)
        return Problem(
            self.file,
            node.start_mark.line + 1 if node is not None else None,
            node.start_mark.column + 1 if node is not None else None,
            _field_path(steps),
            message,
        )

    def relocate(self, problem: Problem, moved: dict[tuple, tuple]) -> Problem:
        """A problem about a value that was put in place from elsewhere (`moved`: path of the use → path
        where the value is written) is shown where the value is written, naming where it is used."""
        for use, origin in moved.items():
            used = _field_path(use)
            if problem.field == used or problem.field.startswith((used + ".", used + "[")):
                rest = problem.field[len(used) :]
                at = self.problem(origin, "")
                shown = used.split(".", 1)[1] if "." in used else used
                return Problem(
                    self.file,
                    at.line,
                    at.column,
                    _field_path(origin) + rest,
                    T(problem.text("vi"), problem.text("en")) + T(f" (dùng ở {shown})", f" (applied as {shown})"),
                )
        return problem


def validate(model: type[M], data: Any, *, file: str, text: str | None = None, base_line: int = 0, at: tuple = ()) -> M:
    """`model.model_validate(data)`, or InputError with every error pydantic found, each located:

    - `text`: the YAML text `data` was parsed from; it is composed again (only if there are errors)
      to give line and column. Not needed for a document just yielded by iter_yaml_documents in this
      thread: its lines are known without parsing again.
    - `base_line`: how many lines of the file precede `text` (0 when `text` is the whole file).
    - `at`: where `data` sits inside `text`, e.g. ("agencies", 3); it also prefixes the field paths.
    """
    try:
        valid = model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    else:
        found = _control_characters(data, text)
        # Facts each valid alone that cannot all be true (a report submitted before its period).
        contradictions = getattr(valid, "contradictions", None)
        found.extend(contradictions() if contradictions is not None else ())
        if not found:
            return valid
        explainer = _Explainer(model, file, text, base_line, tuple(at), data)
        raise InputError([explainer.located(loc, message) for loc, message in found]) from None
    explainer = _Explainer(model, file, text, base_line, tuple(at), data)
    raise InputError([explainer.problem(err) for err in errors]) from None


def load_model(path: Path | str, model: type[M], *, max_bytes: int | None = None) -> M:
    """Read, parse and validate one single-document YAML file."""
    file = path if isinstance(path, str) else str(path)
    text = read_text(path, max_bytes=max_bytes)
    return validate(model, parse_yaml(text, file=file), file=file, text=text)
