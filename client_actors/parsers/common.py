"""Decoding helpers shared by the provider parsers: lenient JSON, typed field access, stream timestamps.

Streams come from other programs, so nothing here raises on bad input: a line that is not a JSON object
decodes to None, a field of the wrong type reads as absent, and a timestamp that cannot be read is None.
"""

from __future__ import annotations

import json
import math
import shlex
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import cast

import orjson

from groove_actors.protocol.limits import timestamp_seconds
from groove_actors.protocol.models import JsonObject


def decode_object(text: str) -> JsonObject | None:
    """Return `text` decoded as a JSON object, or None if it is not one.

    orjson is tried first; the standard library reads what orjson refuses (lone surrogate escapes, NaN).
    """
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError:
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            return None
    return cast(JsonObject, value) if isinstance(value, dict) else None


def split_lines(text: str) -> list[str]:
    r"""Split a JSONL text into lines on "\n" only.

    `str.splitlines` would also split on U+2028 and other separators that JSON strings may hold unescaped.
    """
    return text.split("\n")


def as_object(value: object) -> JsonObject | None:
    """Return `value` if it is a JSON object, else None."""
    return cast(JsonObject, value) if isinstance(value, dict) else None


def get_object(obj: JsonObject, key: str) -> JsonObject | None:
    """Return `obj[key]` if it is a JSON object, else None."""
    return as_object(obj.get(key))


def get_str(obj: JsonObject, key: str) -> str | None:
    """Return `obj[key]` if it is a string, else None."""
    value = obj.get(key)
    return value if isinstance(value, str) else None


def get_int(obj: JsonObject, key: str) -> int | None:
    """Return `obj[key]` if it is an integer (booleans excluded), else None."""
    value = obj.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def get_list(obj: JsonObject, key: str) -> list[object]:
    """Return `obj[key]` if it is an array, else an empty list."""
    value = obj.get(key)
    return cast(list[object], value) if isinstance(value, list) else []


def iter_objects(values: list[object]) -> Iterator[JsonObject]:
    """Yield the elements of `values` that are JSON objects."""
    for value in values:
        found = as_object(value)
        if found is not None:
            yield found


def parse_timestamp(value: object) -> float | None:
    """Return a stream timestamp as seconds since the epoch.

    Accepts ISO 8601 strings (a missing zone is read as UTC) and epoch numbers in seconds or milliseconds.
    Returns None for anything else.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = float(value)
        if not math.isfinite(seconds):
            return None
        return timestamp_seconds(seconds)  # milliseconds from 1e12, as in PROTOCOL.md's step timestamps
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        return parsed.timestamp()
    return None


def dumps_compact(value: object) -> str:
    """Return `value` as compact JSON text; values JSON cannot hold are written with `str()`."""
    try:
        return orjson.dumps(value, default=str).decode()
    except TypeError:
        # orjson refuses lone surrogates and integers beyond 64 bits, which the stdlib decoder lets through.
        return json.dumps(value, default=str, ensure_ascii=False, separators=(",", ":"))


def normalize_command(arguments: JsonObject) -> dict[str, object]:
    """Return a copy of tool-call arguments whose `command`, if an argv list, is joined into one string.

    Codex's legacy and rollout formats send argv arrays; `shlex.join` writes them the way `codex exec --json`
    0.44+ writes its single command string (`bash -lc 'cat test.js'`).
    """
    normalized = dict(arguments)
    command = normalized.get("command")
    if isinstance(command, list) and all(isinstance(part, str) for part in command):
        normalized["command"] = shlex.join(cast(list[str], command))
    return normalized


def text_of_blocks(value: object) -> str:
    """Return the text of a content value: a string, or a list of `text` blocks (images become "[image]")."""
    if isinstance(value, str):
        return value
    parts: list[str] = []
    for block in iter_objects(value if isinstance(value, list) else []):
        text = get_str(block, "text")
        if text is not None:
            parts.append(text)
        elif get_str(block, "type") == "image":
            parts.append("[image]")
    return "\n".join(parts)


def mcp_tool_name(server: str | None, tool: str | None) -> str | None:
    """Return an MCP tool's name as Claude Code writes it (`mcp__<server>__<tool>`): one vocabulary."""
    if tool is None:
        return None
    return f"mcp__{server}__{tool}" if server else tool


def arguments_object(value: object) -> JsonObject:
    """Return tool arguments as an object; a non-object value is wrapped as `{"arguments": value}`."""
    found = as_object(value)
    if found is not None:
        return found
    return {} if value is None else {"arguments": value}


def decode_arguments(value: object) -> JsonObject:
    """Return tool-call arguments as an object: a JSON string is decoded (OpenAI-style `arguments`).

    A string that is not a JSON object is kept whole as `{"arguments": value}`.
    """
    if isinstance(value, str):
        decoded = decode_object(value)
        return decoded if decoded is not None else {"arguments": value}
    return arguments_object(value)
