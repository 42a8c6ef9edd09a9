"""Reading users' JSON safely (the HTTP service's request bodies), with located problems as for YAML.

Python's json module accepts what would silently change the facts: a key given twice (the last one
wins without a word), NaN and Infinity, and nesting deep enough to exhaust the stack. Each of these
is refused here with a `Problem` naming line, column and field, as `engine.yamlio` does for YAML.
"""

from __future__ import annotations

import json
import math
from typing import Any

from engine.errors import InputError, Problem
from engine.lang import T, Text
from engine.yamlio import MAX_DEPTH

__all__ = ["parse_json"]


class _Duplicate(Exception):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict:
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Duplicate(key)
            seen.add(key)
    return data


class _Refused(Exception):
    def __init__(self, message: Text):
        super().__init__(message.en)
        self.message = message


def _no_constant(name: str) -> Any:
    raise _Refused(
        T(
            f"{name} không phải là một số mà JSON cho phép; hãy ghi chính con số, hoặc null nếu chưa biết",
            f"{name} is not a number JSON allows; write the number itself, or null if it is not known",
        )
    )


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(
            T(
                f"số {text} quá lớn; không dữ kiện nào cần đến số như vậy",
                f"the number {text} is too large to be represented; no fact needs such a number",
            )
        )
    return value


def _integer(text: str) -> int:
    if len(text) > 40:  # Python refuses past 4,300 digits, with advice meant for programmers
        raise _Refused(
            T(
                f"số nguyên có {len(text)} chữ số là quá lớn; không dữ kiện nào cần đến số như vậy",
                f"a whole number of {len(text)} digits is too large; no fact needs such a number",
            )
        )
    return int(text)


def parse_json(text: str, *, file: str) -> Any:
    """The data of a JSON text, or InputError with the problem located (line, column, field)."""
    try:
        data = json.loads(
            text, object_pairs_hook=_unique_keys, parse_constant=_no_constant, parse_float=_finite, parse_int=_integer
        )
    except json.JSONDecodeError as exc:
        raise InputError(
            [
                Problem(
                    file,
                    exc.lineno,
                    exc.colno,
                    "",
                    T("đây không phải là JSON hợp lệ: ", "this is not valid JSON: ") + _decoder_says(exc.msg),
                )
            ]
        ) from None
    except _Duplicate as dup:
        raise _duplicate_problem(text, file, dup.key) from None
    except _Refused as refused:  # NaN, Infinity, 1e400, a number of 5,000 digits
        raise InputError([Problem(file, None, None, "", refused.message)]) from None
    except RecursionError:
        raise InputError([_too_deep(file, "")]) from None
    deep = _too_deep_at(data)
    if deep is not None:
        raise InputError([_too_deep(file, deep)])
    return data


# What Python's JSON decoder says (its messages are fixed), and how to say it in Vietnamese.
_DECODER_VI = {
    "Expecting value": "thiếu một giá trị",
    "Expecting property name enclosed in double quotes": "cần tên khóa đặt trong dấu ngoặc kép",
    "Expecting ',' delimiter": "thiếu dấu phẩy ','",
    "Expecting ':' delimiter": "thiếu dấu hai chấm ':'",
    "Unterminated string starting at": "chuỗi mở ngoặc kép ở đây chưa được đóng",
    "Invalid control character at": "có ký tự điều khiển trong chuỗi",
    "Invalid \\escape": "có chuỗi thoát (\\) không hợp lệ",
    "Invalid \\uXXXX escape": "có mã \\uXXXX không hợp lệ",
    "Extra data": "còn dữ liệu thừa sau giá trị JSON",
    "Illegal trailing comma before end of object": "thừa dấu phẩy trước dấu đóng }",
    "Illegal trailing comma before end of array": "thừa dấu phẩy trước dấu đóng ]",
}


def _decoder_says(message: str) -> Text:
    return T(_DECODER_VI.get(message, message), message)


def _duplicate_problem(text: str, file: str, key: str) -> InputError:
    """JSON is (nearly always) YAML too, and the YAML loader refuses a repeated key with its line,
    column and field: ask it first, and say it without a place only when it cannot tell."""
    from engine.yamlio import parse_yaml

    try:
        parse_yaml(text, file=file)
    except InputError as error:
        located = [p for p in error.problems if "duplicate key" in p.message]
        if located:
            return InputError(located)
    return InputError(
        [
            Problem(
                file,
                None,
                None,
                "",
                T(
                    f"khóa {json.dumps(key, ensure_ascii=False)} được ghi hai lần trong cùng một đối tượng; mỗi khóa "
                    "chỉ được ghi một lần: hãy giữ một và gộp nội dung của cả hai",
                    f"the key {json.dumps(key, ensure_ascii=False)} is given twice in one object; "
                    "each key may appear only once: keep one and merge what the two say",
                ),
            )
        ]
    )


def _too_deep(file: str, field: str) -> Problem:
    if len(field) > 60:  # a hundred '[0]' say nothing more than the first few
        field = field[:60] + "…"
    return Problem(
        file,
        None,
        None,
        field,
        T(
            f"danh sách và đối tượng lồng nhau quá {MAX_DEPTH} cấp tại đây; dữ liệu cơ quan chỉ cần vài cấp",
            f"lists and objects nest more than {MAX_DEPTH} levels deep here; agency facts need only a few levels",
        ),
    )


def _too_deep_at(data: Any) -> str | None:
    """The field path of the first value nested deeper than MAX_DEPTH, or None (walked without recursion)."""
    stack: list[tuple[Any, int, str]] = [(data, 1, "")]  # (value, its level if a list or object, path)
    while stack:
        value, level, path = stack.pop()
        if not isinstance(value, dict | list):
            continue
        if level > MAX_DEPTH:
            return path
        if isinstance(value, dict):
            stack.extend((v, level + 1, f"{path}.{k}" if path else str(k)) for k, v in value.items())
        else:
            stack.extend((v, level + 1, f"{path}[{i}]") for i, v in enumerate(value))
    return None
