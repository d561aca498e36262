"""ECMAScript-compatible JSON: what `JSON.stringify` prints and what `JSON.parse` accepts (PROTOCOL.md §2).

A JavaScript client signs `JSON.stringify(envelope)`, so a Python signer or a verifier that re-serialises must
reproduce that text byte for byte. The differences from Python's `json` module: numbers are printed in
Number::toString form, integer-like keys come first in ascending order, and lone surrogates are escaped.

`stringify` prepares the value (numbers pre-printed as `orjson.Fragment`s, objects put in JavaScript key
order) and lets orjson write it; orjson escapes strings exactly as JavaScript does. orjson refuses lone
surrogates and nesting deeper than 254 levels; for those values a plain recursive writer built on the C
string encoder of the stdlib `json` module takes over.
"""

from __future__ import annotations

import json
import math
import re
from json.encoder import encode_basestring
from typing import Any

import orjson

from groove_actors.errors import PeerError

__all__ = ["JsonError", "parse", "stringify", "stringify_bytes"]

# Number.MAX_SAFE_INTEGER: every int within it prints the same as the double JavaScript holds for it.
_MAX_SAFE = 2**53 - 1
# ECMA-262 array index: the canonical decimal string of an integer 0 .. 2**32 - 2 (ASCII digits only).
_ARRAY_INDEX = re.compile(r"0|[1-9][0-9]{0,9}")
_MAX_ARRAY_INDEX = 2**32 - 2
# A surrogate pair (one astral character, as JavaScript sees it) or a lone surrogate.
_SURROGATES = re.compile("[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]")


class JsonError(PeerError):
    """The body is not JSON that `JSON.parse` accepts; a 400 with a reason a person can act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message, status=400)


def parse(raw: bytes | str) -> Any:
    """Parse a JSON body (its bytes, or its text), keeping key order, accepting what `JSON.parse` accepts.

    orjson reads almost every body; it refuses some texts JSON.parse takes (lone surrogate escapes such as
    `"\\ud800"`, numbers beyond the double range), which the stdlib parser then reads. Neither accepts
    `NaN` or `Infinity`, which JSON.parse rejects too.

    Raises:
        JsonError: the bytes are not UTF-8, not JSON, or nested too deeply to parse.
    """
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        pass
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        return json.loads(text, parse_constant=_reject_constant)
    except UnicodeDecodeError as exc:
        raise JsonError(f"body is not valid UTF-8: {exc.reason} at byte {exc.start}") from None
    except json.JSONDecodeError as exc:
        raise JsonError(
            f"body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno} (char {exc.pos})"
        ) from None
    except RecursionError:
        raise JsonError("body is not accepted: JSON nested too deeply") from None
    except ValueError as exc:  # for example an integer literal of more than 4300 digits
        raise JsonError(f"body is not accepted: {exc}") from None


def _reject_constant(name: str) -> Any:
    raise JsonError(f"body is not valid JSON: {name} is not a JSON value")


def stringify(value: object) -> str:
    """Exactly what JavaScript `JSON.stringify` prints for the same value (no whitespace).

    Accepts dict (str keys), list, tuple, str, int, float, bool and None. NaN and the infinities print
    `null`; `-0.0` prints `0`; ints beyond 2**53 print as the double they parse to in JavaScript.

    Raises:
        TypeError: a value of another type, or a dict key that is not a str.
        ValueError: a circular structure, or nesting beyond Python's recursion limit.
    """
    return stringify_bytes(value).decode("utf-8")


def stringify_bytes(value: object) -> bytes:
    """`stringify(value)` as UTF-8, the bytes a JavaScript client hashes; same contract as `stringify`."""
    try:
        return orjson.dumps(_prepare(value))
    except orjson.JSONEncodeError:
        return _stringify_with_stdlib(value).encode("utf-8")
    except RecursionError:
        raise ValueError("cannot stringify: value is circular or nested too deeply") from None


def _number_text(x: float) -> str:
    """ECMA-262 Number::toString(x), or `null` for NaN and the infinities (as JSON.stringify prints)."""
    text = float.__repr__(x)  # shortest round-trip digits, as Number::toString picks them
    if "e" in text or "n" in text:  # exponent form, or inf/nan
        return _number_text_from_exponent(x, text)
    if text.endswith(".0"):  # integral below 1e16: JavaScript prints no fraction
        text = text[:-2]
        return "0" if text == "-0" else text
    return text  # 1e-4 <= |x| < 1e16 with a fraction: Python and JavaScript agree


def _number_text_from_exponent(x: float, text: str) -> str:
    # repr() switches to exponent form below 1e-4 and from 1e16; JavaScript below 1e-6 and from 1e21.
    if not math.isfinite(x):
        return "null"
    sign = "-" if text[0] == "-" else ""
    mantissa, exponent = text.lstrip("-").split("e")
    digits = mantissa.replace(".", "")
    k, n = len(digits), int(exponent) + 1  # x = 0.digits * 10**n
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * -n + digits
    fraction = "." + digits[1:] if k > 1 else ""
    return f"{sign}{digits[0]}{fraction}e{'+' if n > 0 else '-'}{abs(n - 1)}"


def _int_text(i: int) -> str:
    if -_MAX_SAFE <= i <= _MAX_SAFE:
        return str(i)
    try:
        return _number_text(float(i))  # the double JavaScript would hold for this literal
    except OverflowError:
        return "null"  # JavaScript reads it as Infinity


def _in_js_order(obj: dict[str, Any]) -> dict[str, Any]:
    """The object with its members in JavaScript enumeration order: array indices ascending, then the rest.

    Returns `obj` itself when nothing moves, which is the common case (no key starts with a digit).
    """
    try:
        if not obj or min(obj) >= ":":  # ':' follows '9': no key can be an array index
            return obj
    except TypeError:
        raise TypeError("cannot stringify: object keys must be str") from None
    indices = [k for k in obj if _ARRAY_INDEX.fullmatch(k) and (len(k) < 10 or int(k) <= _MAX_ARRAY_INDEX)]
    indices.sort(key=int)
    if not indices:
        return obj
    ordered = {key: obj[key] for key in indices}
    ordered.update({key: item for key, item in obj.items() if key not in ordered})
    return ordered


def _prepare(value: Any) -> Any:
    """The value with numbers pre-printed and objects in JS order, for orjson; shares unchanged parts."""
    kind = type(value)
    if kind is dict:
        return _prepare_object(value)
    if kind is list or kind is tuple:
        return _prepare_array(value)
    return _prepare_scalar(value)


def _prepare_scalar(value: Any) -> Any:
    kind = type(value)
    if kind is float:
        return orjson.Fragment(_number_text(value))
    if kind is int:
        return value if -_MAX_SAFE <= value <= _MAX_SAFE else orjson.Fragment(_int_text(value))
    if kind is str or kind is bool or value is None:
        return value
    raise TypeError(f"cannot stringify a value of type {kind.__name__}")


# The two walkers below recurse into each other directly (one frame per level of nesting, which is why their
# dispatch is written out in each rather than shared: a shared helper would halve the depth they reach), and skip
# strings and safe ints, the commonest members, without a call.
def _prepare_object(obj: dict[str, Any]) -> dict[str, Any]:
    copy: dict[str, Any] | None = None
    for key, item in obj.items():
        kind = type(item)
        if kind is str or (kind is int and -_MAX_SAFE <= item <= _MAX_SAFE):
            continue
        prepared: Any
        if kind is float:
            prepared = orjson.Fragment(_number_text(item))
        elif kind is dict:
            prepared = _prepare_object(item)
        elif kind is list or kind is tuple:
            prepared = _prepare_array(item)
        else:
            prepared = _prepare_scalar(item)
        if prepared is not item:
            if copy is None:
                copy = dict(obj)
            copy[key] = prepared
    return _in_js_order(obj if copy is None else copy)


def _prepare_array(items: list[Any] | tuple[Any, ...]) -> list[Any] | tuple[Any, ...]:
    copy: list[Any] | None = None
    for index, item in enumerate(items):
        kind = type(item)
        if kind is str or (kind is int and -_MAX_SAFE <= item <= _MAX_SAFE):
            continue
        prepared: Any
        if kind is dict:
            prepared = _prepare_object(item)
        elif kind is list or kind is tuple:
            prepared = _prepare_array(item)
        else:
            prepared = _prepare_scalar(item)
        if prepared is not item:
            if copy is None:
                copy = list(items)
            copy[index] = prepared
    return items if copy is None else copy


def _stringify_with_stdlib(value: object) -> str:
    """The same text as `stringify`, written without orjson: for lone surrogates and very deep nesting."""
    parts: list[str] = []
    try:
        _write(value, parts)
    except RecursionError:
        raise ValueError("cannot stringify: value is circular or nested too deeply") from None
    # encode_basestring leaves surrogates raw; JavaScript joins a pair and escapes a lone one (ES2019).
    return _SURROGATES.sub(_js_surrogate, "".join(parts))


def _js_surrogate(match: re.Match[str]) -> str:
    chars = match.group()
    if len(chars) == 2:
        high, low = ord(chars[0]), ord(chars[1])
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    return f"\\u{ord(chars):04x}"


def _write(value: Any, parts: list[str]) -> None:
    kind = type(value)
    if kind is str:
        parts.append(encode_basestring(value))
    elif kind is dict:
        separator = "{"
        for key, item in _in_js_order(value).items():
            if type(key) is not str:
                raise TypeError("cannot stringify: object keys must be str")
            parts.append(separator + encode_basestring(key) + ":")
            _write(item, parts)
            separator = ","
        parts.append("}" if separator == "," else "{}")
    elif kind is list or kind is tuple:
        separator = "["
        for item in value:
            parts.append(separator)
            _write(item, parts)
            separator = ","
        parts.append("]" if separator == "," else "[]")
    elif kind is float:
        parts.append(_number_text(value))
    elif kind is int:
        parts.append(_int_text(value))
    elif kind is bool or value is None:
        parts.append("true" if value is True else "false" if value is False else "null")
    else:
        raise TypeError(f"cannot stringify a value of type {kind.__name__}")
