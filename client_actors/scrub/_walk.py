"""`scrub_value`: scrubbing JSON-like values such as tool arguments."""

from __future__ import annotations

from collections import Counter
from typing import TypeAlias

from client_actors.scrub._core import token
from client_actors.scrub._engine import scrub_text
from client_actors.scrub._names import Sense, classify_name, is_placeholder, looks_random
from client_actors.scrub._result import RuleCounts

JsonValue: TypeAlias = str | int | float | bool | list["JsonValue"] | dict[str, "JsonValue"] | None


def scrub_value(value: JsonValue) -> tuple[JsonValue, RuleCounts]:
    """Return a scrubbed copy of ``value`` and the counts of what was redacted.

    Strings are scrubbed with `scrub_text`; dict keys are kept as they are. A string under a
    sensitive key (``password``, ``client_secret``, ``Authorization``, ``apiKey``...) is replaced
    whole by a typed token, as is everything nested under such a key; a number there is replaced
    only under a password name. Under weak names (``key``, ``signature``) only random-looking
    strings are. Tuples come back as lists. The input is not modified. Never raises.
    """
    counts: Counter[str] = Counter()
    scrubbed = _walk(value, None, counts)
    return scrubbed, RuleCounts.from_mapping(counts)


def _walk(value: JsonValue, sense: Sense | None, counts: Counter[str]) -> JsonValue:
    if isinstance(value, str):
        return _scrub_string(value, sense, counts)
    if isinstance(value, dict):
        return {key: _walk(item, _child_sense(key, sense), counts) for key, item in value.items()}
    if isinstance(value, list | tuple):  # a tuple is not JSON, but must not slip through unscrubbed
        return [_walk(item, sense, counts) for item in value]
    if sense is not None and sense.kind == "password" and not isinstance(value, bool | None):
        counts[sense.kind] += 1
        return token(sense.kind)
    return value


def _child_sense(key: str, parent: Sense | None) -> Sense | None:
    if parent is not None and parent.strong:
        return parent  # everything under "credentials": {...} goes
    return classify_name(key) if isinstance(key, str) else None


def _scrub_string(value: str, sense: Sense | None, counts: Counter[str]) -> str:
    if sense is not None and not is_placeholder(value) and (sense.strong or looks_random(value)):
        counts[sense.kind] += 1
        return token(sense.kind)
    result = scrub_text(value)
    counts.update(dict(result.counts.pairs))
    return result.text
