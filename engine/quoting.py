"""How a user's value appears inside a message: the only way one gets there.

A value taken from a facts file, a rules file, a file name or a command line may hold anything:
control characters that clear the terminal or rewrite the log line before it (ESC, CR), invisible
characters (a zero-width space), a megabyte on one line. `quote` shows it in quotes, escaped and cut
short; `escape` only escapes (for file paths, which must stay whole). Both are language-neutral, so
Vietnamese and English messages use them alike.
"""

from __future__ import annotations

from typing import Any

LIMIT = 60
"""Characters of a value a message quotes (docs/input-validation.md): enough to recognise it, too few
to flood a log."""


def _escaped(c: str) -> str:
    if c.isprintable():
        return c
    if c == "\t":
        return "\\t"
    if c == "\n":
        return "\\n"
    if c == "\r":
        return "\\r"
    code = ord(c)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def escape(text: str) -> str:
    """`text` with every character that is not printable (controls, format characters such as a
    zero-width space, separators other than the space, lone surrogates) written as an escape."""
    if text.isprintable():
        return text
    return "".join(_escaped(c) for c in text)


def shown(value: Any, limit: int | None = LIMIT) -> str:
    """`value` as text, escaped, and cut to at most `limit` characters (ending in '…' when cut)."""
    text = value if isinstance(value, str) else str(value)
    if limit is None:
        return escape(text)
    head = escape(text[: limit + 1])  # never escape a megabyte: no more than this can be shown
    if len(text) <= limit and len(head) <= limit:
        return head
    out, used = [], 0
    for c in text[:limit]:
        piece = _escaped(c)
        if used + len(piece) > limit - 1:
            break
        out.append(piece)
        used += len(piece)
    return "".join(out) + "…"


def quote(value: Any, limit: int | None = LIMIT) -> str:
    """`value` in single quotes, escaped and cut short: `'UBND xã A\\x1b[2J'`."""
    return f"'{shown(value, limit)}'"
