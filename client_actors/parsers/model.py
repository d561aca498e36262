"""The value every provider parser produces: one typed trajectory step, before numbering and scrubbing.

A `ParsedStep` is what a parser could read off the agent's own output stream; the capture pipeline later
numbers steps, classifies corrections from user input it sees itself, scrubs content and packs steps into
envelopes (PROTOCOL.md, "Steps"). Field rules that hold for every provider:

- `content` is plain text. For an action it is the shell command string when the call carries one, else
  the call's arguments as compact JSON. Tool output (observation, or error from a tool) is cut by
  `truncate_output`.
- `token_count` is the stream's own count only where the stream reports one that covers exactly this step
  (today: Gemini session files, per message); a count that covers a whole turn, message or session is not
  split over its steps. Otherwise it is `estimate_tokens(content)`: one token per 4 characters, rounded up.
- `timestamp` is seconds since the epoch, from the stream; None where the stream carries no time.
- `model` is the model the stream names as driving the agent when the step was read; None if it names none.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal, TypeAlias, get_args

import attrs

from groove_actors.protocol.models import JsonValue

# The kinds a parser gives a step; classify.py turns each into a wire step type (protocol.models.StepType).
ParsedStepType: TypeAlias = Literal["thought", "action", "observation", "error", "resolution", "correction"]
PARSED_STEP_TYPES: frozenset[str] = frozenset(get_args(ParsedStepType))

# Read-only JSON: objects become mappingproxies, arrays tuples, so a frozen step cannot change through them.
FrozenJson: TypeAlias = "str | int | float | bool | tuple[FrozenJson, ...] | Mapping[str, FrozenJson] | None"

CHARS_PER_TOKEN = 4
HEAD_LINES = 50
TAIL_LINES = 20
MAX_OUTPUT_LINES = HEAD_LINES + TAIL_LINES


class ParserFinishedError(Exception):
    """`feed_line` was called after `finish`: the caller broke the parser's contract."""


def freeze_json(value: object) -> FrozenJson:
    """Return a read-only deep copy of a decoded JSON value; anything that is not JSON becomes its `str()`."""
    if isinstance(value, Mapping):
        return MappingProxyType({str(key): freeze_json(item) for key, item in value.items()})
    if isinstance(value, list | tuple):
        return tuple(freeze_json(item) for item in value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def thaw_json(value: object) -> JsonValue:
    """Return a plain dict/list copy of a (frozen) JSON value, ready for a JSON encoder; like `freeze_json`,
    anything that is not JSON becomes its `str()`."""
    if isinstance(value, Mapping):
        return {str(key): thaw_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [thaw_json(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _freeze_arguments(value: Mapping[str, object] | None) -> Mapping[str, FrozenJson] | None:
    if value is None:
        return None
    return MappingProxyType({str(key): freeze_json(item) for key, item in value.items()})


def estimate_tokens(text: str) -> int:
    """Return the estimated token count of `text`: ceil(len / 4); 0 for the empty string."""
    return -(-len(text) // CHARS_PER_TOKEN)


def truncate_output(text: str) -> tuple[str, bool]:
    """Cut tool output longer than 70 lines to its first 50 and last 20 lines.

    Returns:
        `(text, False)` when `text` has at most 70 lines (a final newline does not start a line); else the
        kept lines joined by newlines, with one marker line between head and tail that says how many lines
        were omitted, and True.
    """
    body = text.removesuffix("\n")
    lines = body.split("\n")
    if len(lines) <= MAX_OUTPUT_LINES:
        return text, False
    omitted = len(lines) - MAX_OUTPUT_LINES
    marker = f"[... {omitted} lines omitted ...]"
    return "\n".join([*lines[:HEAD_LINES], marker, *lines[-TAIL_LINES:]]), True


@attrs.frozen
class ParsedStep:
    """One step read from an agent's stream (see the module docstring for the field rules).

    `tool_call_id` links an action to its observation or error; `tool` is set on both. `arguments` is
    read-only and left out of the hash (a mappingproxy is unhashable); equal steps still hash equal.
    """

    type: ParsedStepType = attrs.field(validator=attrs.validators.in_(PARSED_STEP_TYPES))
    content: str
    token_count: int = attrs.field(validator=attrs.validators.ge(0))
    tool: str | None = None
    arguments: Mapping[str, FrozenJson] | None = attrs.field(
        default=None, converter=_freeze_arguments, hash=False
    )
    tool_call_id: str | None = None
    truncated: bool = False
    model: str | None = None
    timestamp: float | None = None
