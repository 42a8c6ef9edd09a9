"""Where output may go, and writing it there without ever destroying anything.

Every `--output` is decided here, once, before any work starts (`prepare`), so that a path that cannot
be written is refused at once rather than after an hour's run:

- never an input: not a file being read (however it is named: a link, a hard link), nor anything inside
  a folder being read;
- a regular file, new or existing, gets a temporary file beside it that is renamed over it when the
  whole report is written: a reader sees the old report or the new one, never half of one. The
  replaced file's permissions and owner are kept. Where a rename would lose something (other hard
  links to the file, an owner that cannot be given back, a folder where no file can be created) the
  file is rewritten in place instead, with signals held off while it is;
- a terminal, `/dev/null` or another character device, a named pipe, or an open descriptor
  (`/dev/stdout`, `/dev/fd/N`) is written to directly: it is never replaced;
- a folder, a block device (a disk), a socket or a link to nothing is refused, naming the path the
  user gave (never a temporary file).

Temporary files are removed whatever ends the run: an error, Ctrl-C, SIGTERM or SIGHUP
(`engine.interrupts` turns those into an exception, so every `with` block here is left properly).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from engine.errors import Problem, UsageError
from engine.interrupts import held
from engine.lang import T, Text
from engine.quoting import escape

_LIVE_TEMPS: set[str] = set()  # temporary files not yet renamed into place (removed on any exit)
_WRITTEN: list[str] = []  # outputs written completely in this run (what an interrupt must not deny)
_OWN_FD_DIR = re.compile(r"^/proc/(?:self|thread-self|\d+)/fd$|^/dev/fd$")


def refused(given: str, message: Text) -> UsageError:
    """`--output: GIVEN message`: the path as the user wrote it."""
    return UsageError([Problem("", None, None, "--output", escape(given) + " " + message)])


def _write_failed(given: str, exc: OSError) -> UsageError:
    reason = escape(exc.strerror or str(exc))
    if exc.errno == errno.ENOSPC:
        return refused(
            given, T("không ghi được: thiết bị đã hết chỗ", "could not be written: no space left on the device")
        )
    return refused(given, T(f"không ghi được: {reason}", f"could not be written: {reason}"))


_STDOUT_CLOSED = T(
    "đầu ra chuẩn đã bị đóng: hãy chỉ tệp kết quả bằng --output TỆP, hoặc chạy mà không đóng đầu ra chuẩn (>&-)",
    "standard output is closed: give --output FILE, or run without closing it (>&-)",
)
_INPUT_ITSELF = T(
    "chính là tệp đầu vào: báo cáo sẽ ghi đè lên dữ liệu; hãy ghi ra tệp khác",
    "is the input file itself: the report would replace the facts; write it to another file",
)


@dataclass
class Destination:
    """A checked output. `kind`: "stdout", "atomic" (a temporary file renamed over `path`), "in_place"
    (an existing regular file rewritten), "direct" (a device or a named pipe) or "descriptor" (`fd`)."""

    given: str | None
    kind: str
    path: str | None = None
    fd: int | None = None
    temp: str | None = None
    keep: os.stat_result | None = None
    done: bool = field(default=False, repr=False)

    # ------------------------------------------------------------------ writing

    def write_text(self, text: str) -> None:
        data = text.encode("utf-8", "surrogateescape")
        self.write(lambda out: out.write(data), len(data))

    def write_file(self, src: BinaryIO) -> None:
        """The whole of `src` (a regular file; read from its start)."""
        size = os.fstat(src.fileno()).st_size
        self.write(lambda out: _copy(src, out, size), size)

    def write(self, produce, size: int) -> None:
        """`produce(binary file)` writes `size` bytes: the complete report."""
        try:
            if self.kind == "stdout":
                self._to_stdout(produce)
            elif self.kind == "descriptor":
                assert self.fd is not None
                if self.fd in (1, 2):
                    (sys.stdout if self.fd == 1 else sys.stderr).flush()
                with os.fdopen(os.dup(self.fd), "wb", closefd=True) as out:
                    produce(out)
            elif self.kind == "direct":
                assert self.path is not None
                # No O_CREAT, no O_TRUNC: a device or a pipe is written to, never made or emptied.
                fd = os.open(self.path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
                with os.fdopen(fd, "wb") as out:
                    produce(out)
            elif self.kind == "in_place":
                self._in_place(produce, size)
            else:
                self._atomic(produce)
            if self.kind not in ("in_place", "atomic"):  # those two record it while signals wait
                _WRITTEN.append(self.given or "-")
        except BrokenPipeError:
            raise
        except OSError as exc:
            if self.kind == "stdout":
                raise
            raise _write_failed(self.given or "", exc) from None
        finally:
            self.discard()
        self.done = True

    def _to_stdout(self, produce) -> None:
        stream = sys.stdout
        if stream is None:
            raise UsageError(_STDOUT_CLOSED)
        raw = getattr(stream, "buffer", None)
        stream.flush()
        if raw is None:  # a text-only stream put in place by a caller: give it text
            buffer = _TextSink(stream)
            produce(buffer)
        else:
            produce(raw)
            raw.flush()

    def _atomic(self, produce) -> None:
        assert self.temp is not None and self.path is not None
        with open(self.temp, "wb") as out:
            produce(out)
            out.flush()
            if self.keep is not None:
                # The replaced file's permissions and owner stay; set-id bits never come with a report.
                os.fchmod(out.fileno(), stat.S_IMODE(self.keep.st_mode) & ~(stat.S_ISUID | stat.S_ISGID))
                if (self.keep.st_uid, self.keep.st_gid) != (os.geteuid(), os.getegid()):
                    os.fchown(out.fileno(), self.keep.st_uid, self.keep.st_gid)
        with held():  # renamed and forgotten together: an interrupt never removes a finished report
            os.replace(self.temp, self.path)
            _LIVE_TEMPS.discard(self.temp)
            self.temp = None
            _WRITTEN.append(self.given or "-")

    def _in_place(self, produce, size: int) -> None:
        assert self.path is not None
        fd = os.open(self.path, os.O_WRONLY)
        with os.fdopen(fd, "wb") as out:
            if size and hasattr(os, "posix_fallocate"):
                # Room for the whole report first: a full disk then stops it before the old report
                # is touched. Some file systems cannot reserve space ahead: then it is just written.
                try:
                    os.posix_fallocate(fd, 0, size)
                except OSError as exc:
                    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
                        raise
            with held():
                produce(out)
                out.flush()
                os.ftruncate(fd, size)
                _WRITTEN.append(self.given or "-")

    # ------------------------------------------------------------------ cleaning up

    def discard(self) -> None:
        """Remove the temporary file, if it was not renamed into place."""
        if self.temp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.temp)
            _LIVE_TEMPS.discard(self.temp)
            self.temp = None

    def __enter__(self) -> Destination:
        return self

    def __exit__(self, *exc) -> None:
        self.discard()


class _TextSink:
    """A binary `write` over a text stream (UTF-8 bytes decoded as they come)."""

    def __init__(self, stream):
        import codecs

        self.stream = stream
        self.decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")

    def write(self, data: bytes) -> int:
        self.stream.write(self.decoder.decode(bytes(data)))
        return len(data)

    def flush(self) -> None:
        self.stream.write(self.decoder.decode(b"", final=True))
        self.stream.flush()

    def fileno(self) -> int:
        raise OSError("a text stream has no descriptor")


def _copy(src: BinaryIO, dst, size: int) -> None:
    """`size` bytes of `src` (from its start) to `dst`: in the kernel where both allow it (a report of a
    national portfolio is hundreds of MB), else through Python."""
    if hasattr(dst, "flush"):
        dst.flush()
    sent = 0
    try:
        out_fd = dst.fileno()
        while sent < size:
            n = os.sendfile(out_fd, src.fileno(), sent, min(size - sent, 1 << 30))
            if n == 0:
                break
            sent += n
    except BrokenPipeError:
        raise
    except (OSError, ValueError, AttributeError) as exc:
        if sent or (isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EIO, errno.EDQUOT)):
            raise
    if sent < size:
        src.seek(sent)
        shutil.copyfileobj(src, dst, 1 << 20)
    dst.flush()


# ---------------------------------------------------------------------- deciding


def prepare(given: str | None, *, reading: Iterable[str | os.PathLike] = ()) -> Destination:
    """Check `given` (None: standard output) before any work starts, against the paths being read.
    Raises UsageError (exit 2) with the user's path for anything refused."""
    if given is None:
        return _stdout()
    if not given or "\0" in given:
        raise refused(given, T("không phải là tên tệp dùng được", "is not a usable file name"))
    fd = _own_descriptor(given)
    reads = [os.fspath(r) for r in reading]
    if fd is not None:
        return _descriptor(given, fd, reads)
    try:
        info = os.lstat(given)
    except FileNotFoundError:
        return _new_file(given, reads)
    except OSError as exc:
        why = escape(exc.strerror or str(exc))
        raise refused(given, T(f"không kiểm tra được: {why}", f"cannot be examined: {why}")) from None
    path = given
    if stat.S_ISLNK(info.st_mode):
        try:
            path = os.path.realpath(given, strict=True)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise refused(
                    given,
                    T(
                        "là một vòng liên kết tượng trưng; hãy chọn tên tệp khác",
                        "is a loop of symbolic links; give another file name",
                    ),
                ) from None
            target = escape(os.readlink(given))
            raise refused(
                given,
                T(
                    f"là liên kết tượng trưng tới {target}, nơi không tồn tại; hãy ghi thẳng vào tệp đó hoặc xóa liên kết",
                    f"is a symbolic link to {target}, which does not exist; write to that file directly "
                    "or remove the link",
                ),
            ) from None
        info = os.stat(path)
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        example = escape(os.path.join(given, "report"))
        raise refused(
            given,
            T(
                f"là một thư mục; hãy chỉ một tên tệp trong thư mục đó, ví dụ {example}",
                f"is a folder; give a file name inside it, e.g. {example}",
            ),
        )
    if stat.S_ISBLK(mode):
        raise refused(
            given,
            T(
                "là một thiết bị khối (ổ đĩa hoặc phân vùng): không bao giờ ghi báo cáo lên đó",
                "is a block device (a disk or a partition): a report is never written onto one",
            ),
        )
    if stat.S_ISSOCK(mode):
        raise refused(given, T("là một socket, không phải tệp", "is a socket, not a file"))
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        if not os.access(path, os.W_OK):
            raise refused(
                given,
                T(
                    "không có quyền ghi: người dùng này không ghi được vào đó",
                    "permission denied: it cannot be written by this user",
                ),
            )
        return Destination(given, "direct", path=path)
    if not stat.S_ISREG(mode):
        raise refused(
            given,
            T(
                "không phải tệp thông thường, thiết bị hay đường ống có tên",
                "is not a regular file, a device or a named pipe",
            ),
        )
    _not_an_input(given, path, reads)
    if not os.access(path, os.W_OK):
        raise refused(
            given,
            T(
                "là tệp chỉ đọc (hoặc thuộc người dùng khác); hãy chọn tên khác",
                "the file is read-only (or belongs to another user); choose another name",
            ),
        )
    if info.st_nlink > 1 or not _can_give_back(info):
        return Destination(given, "in_place", path=path, keep=info)
    temp = _make_temp(path)
    if temp is None:  # no file can be made beside it (e.g. a sticky folder): rewrite it
        return Destination(given, "in_place", path=path, keep=info)
    return Destination(given, "atomic", path=path, temp=temp, keep=info)


def _stdout() -> Destination:
    stream = sys.stdout
    if stream is None:
        raise UsageError(_STDOUT_CLOSED)
    with contextlib.suppress(AttributeError, OSError, ValueError):
        fd = stream.fileno()
        try:
            os.fstat(fd)
        except OSError:
            raise UsageError(_STDOUT_CLOSED) from None
    return Destination(None, "stdout")


def _own_descriptor(given: str) -> int | None:
    """N when `given` leads, through any links, to this process's descriptor N (`/dev/stdout`,
    `/dev/fd/3`, `/proc/self/fd/1`): written to as it is, never reopened (which would empty a file
    the shell opened for appending) and never replaced."""
    path = os.path.abspath(given)
    for _ in range(40):
        folder, name = os.path.split(path)
        real_folder = os.path.realpath(folder)
        if name.isascii() and name.isdigit() and _OWN_FD_DIR.match(real_folder) and _is_own(real_folder):
            return int(name)
        if not os.path.islink(path):
            return None
        try:
            target = os.readlink(path)
        except OSError:
            return None
        path = os.path.normpath(os.path.join(folder, target))
    return None


def _is_own(folder: str) -> bool:
    if folder == "/dev/fd":
        return True
    pid = folder.split("/")[2]
    return pid in ("self", "thread-self") or pid == str(os.getpid())


def _descriptor(given: str, fd: int, reads: list[str]) -> Destination:
    import fcntl

    try:
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        info = os.fstat(fd)
    except OSError:
        raise refused(given, T(f"bộ mô tả tệp {fd} chưa được mở", f"descriptor {fd} is not open")) from None
    if flags & os.O_ACCMODE == os.O_RDONLY:
        raise refused(given, T(f"bộ mô tả tệp {fd} chỉ được mở để đọc", f"descriptor {fd} is open for reading only"))
    if stat.S_ISREG(info.st_mode):
        for r in reads:
            with contextlib.suppress(OSError):
                if os.path.samestat(info, os.stat(r)):
                    raise refused(given, _INPUT_ITSELF)
    return Destination(given, "descriptor", fd=fd)


def _new_file(given: str, reads: list[str]) -> Destination:
    folder = os.path.dirname(os.path.abspath(given))
    if not os.path.isdir(folder):
        name = escape(os.path.dirname(given) or folder)
        what = (
            T(f"không có thư mục {name}", f"the folder {name} does not exist")
            if not os.path.lexists(folder)
            else T(f"{name} không phải là thư mục", f"the folder {name} is not a folder")
        )
        raise refused(given, what)
    path = os.path.join(os.path.realpath(folder), os.path.basename(given))
    _not_an_input(given, path, reads)
    temp = _make_temp(path)
    if temp is None:
        raise refused(
            given,
            T(
                "không có quyền ghi: không tạo được tệp nào trong thư mục của nó",
                "permission denied: no file can be created in its folder",
            ),
        )
    return Destination(given, "atomic", path=path, temp=temp)


def _make_temp(path: str) -> str | None:
    folder, name = os.path.split(path)
    try:
        fd, temp = tempfile.mkstemp(dir=folder or ".", prefix=f".{name[:100]}.", suffix=".part")
    except PermissionError:
        return None
    except OSError as exc:
        why = escape(exc.strerror or str(exc))
        raise refused(
            path,
            T(f"không tạo được tệp trong thư mục của nó: {why}", f"no file can be created in its folder: {why}"),
        ) from None
    _LIVE_TEMPS.add(temp)
    try:
        # mkstemp makes the file private (0600); a new report is shared like any new file.
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
    finally:
        os.close(fd)
    return temp


def _can_give_back(info: os.stat_result) -> bool:
    """Whether a new file can be given the owner and group of the one it replaces."""
    if (info.st_uid, info.st_gid) == (os.geteuid(), os.getegid()):
        return True
    if os.geteuid() == 0:
        return True
    return info.st_uid == os.geteuid() and info.st_gid in os.getgroups()


def _not_an_input(given: str, path: str, reads: list[str]) -> None:
    """Refuse an output that is, or is inside, something being read."""
    real = os.path.realpath(path)
    where = os.path.join(os.path.realpath(os.path.dirname(os.path.abspath(given))), os.path.basename(given))
    for r in reads:
        real_r = os.path.realpath(r)
        if os.path.isdir(real_r):
            for candidate in (real, where):
                if candidate == real_r or candidate.startswith(real_r.rstrip(os.sep) + os.sep):
                    folder = escape(str(r))
                    raise refused(
                        given,
                        T(
                            f"nằm trong thư mục đang được đọc ({folder}): báo cáo có thể bị đọc như dữ liệu đầu vào "
                            "hoặc ghi đè lên dữ liệu; hãy ghi ra ngoài thư mục đó",
                            f"is inside the folder being read ({folder}): the report could be read as input or "
                            "replace it; write it outside that folder",
                        ),
                    )
            continue
        with contextlib.suppress(OSError):
            if os.path.exists(path) and os.path.samefile(path, real_r):
                raise refused(given, _INPUT_ITSELF)


def prepare_folder(given: str, *, reading: Iterable[str | os.PathLike] = ()) -> None:
    """Check a folder that pages will be written into (`report --output DIR`), before any work:
    never inside what is read, and a folder if it exists (it is made otherwise)."""
    reads = [os.fspath(r) for r in reading]
    if os.path.lexists(given) and not os.path.isdir(given):
        raise refused(given, T("đã có và không phải là thư mục", "exists and is not a folder"))
    probe = os.path.join(given, ".living-doc")
    _not_an_input(given, probe, reads)
    real = os.path.realpath(given)
    for r in reads:
        if os.path.isdir(r) and os.path.realpath(r).startswith(real.rstrip(os.sep) + os.sep):
            folder = escape(os.fspath(r))
            raise refused(
                given,
                T(
                    f"chứa thư mục đang được đọc ({folder}): trang cũ bị xóa có thể là dữ liệu đầu vào; "
                    "hãy chọn thư mục khác",
                    f"holds the folder being read ({folder}): stale pages it removes could be input; "
                    "choose another folder",
                ),
            )


def begin_run() -> None:
    """A new run (the CLI's main may be called many times in one process, e.g. by tests)."""
    _WRITTEN.clear()


def written() -> bool:
    """Whether a report was written completely in this run."""
    return bool(_WRITTEN)


def discard_all() -> None:
    """Remove every temporary file still waiting (the last thing a run does, however it ends)."""
    for temp in list(_LIVE_TEMPS):
        with contextlib.suppress(OSError):
            os.unlink(temp)
        _LIVE_TEMPS.discard(temp)


@contextlib.contextmanager
def destination(given: str | None, *, reading: Iterable[str | os.PathLike] = ()) -> Iterator[Destination]:
    """`prepare`, as a block that removes the temporary file unless the report was written."""
    dest = prepare(given, reading=reading)
    try:
        yield dest
    finally:
        dest.discard()
