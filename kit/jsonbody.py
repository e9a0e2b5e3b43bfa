"""Reading a JSON request body: the one decoder of the gateway and of every service.

A body is refused (`MalformedJson`, answered 400 `MALFORMED_REQUEST`) when it is not UTF-8,
not JSON (NaN and Infinity are not JSON), nested deeper than `MAX_DEPTH`, or holds a lone
surrogate (`"\\ud800"`), which no store can keep and no answer can encode.
"""
from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 64
# A \\uD800–\\uDFFF escape: only then can a decoded string hold a surrogate at all.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class MalformedJson(ValueError):
    pass


def _no_constants(name: str) -> Any:
    raise MalformedJson(f"{name} is not JSON")


def loads(data: bytes | str) -> Any:
    try:
        text = data.decode("utf-8") if isinstance(data, (bytes, bytearray)) else data
    except UnicodeDecodeError:
        raise MalformedJson("The body is not UTF-8.") from None
    try:
        value = json.loads(text, parse_constant=_no_constants)
    except RecursionError:
        raise MalformedJson(f"The body is nested more than {MAX_DEPTH} levels deep.") from None
    except ValueError:
        raise MalformedJson("The body is not valid JSON.") from None
    _check(value, check_strings=_SURROGATE_ESCAPE.search(text) is not None)
    return value


def _check(value: Any, check_strings: bool) -> None:
    """Depth of every container, and (when the text has surrogate escapes) every string."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > MAX_DEPTH:
                raise MalformedJson(f"The body is nested more than {MAX_DEPTH} levels deep.")
            children = item.items() if isinstance(item, dict) else ((None, child) for child in item)
            for key, child in children:
                if check_strings and key is not None:
                    _check_string(key)
                stack.append((child, depth + 1))
        elif check_strings and isinstance(item, str):
            _check_string(item)


def _check_string(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise MalformedJson("The body holds a lone surrogate (an unpaired \\ud800–\\udfff escape).") from None
