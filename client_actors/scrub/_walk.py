"""`scrub_value` and `scrub_values`: scrubbing JSON-like values such as tool arguments."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, cast

from client_actors.scrub._core import token
from client_actors.scrub._engine import scrub_texts_into
from client_actors.scrub._names import Sense, classify_name, is_placeholder, looks_random
from client_actors.scrub._result import RuleCounts

if TYPE_CHECKING:  # the protocol's JSON type, named without importing the protocol at run time
    from groove_actors.protocol.models import JsonValue


def scrub_value(value: JsonValue) -> tuple[JsonValue, RuleCounts]:
    """Return a scrubbed copy of ``value`` and the counts of what was redacted.

    Strings are scrubbed with `scrub_text`; dict keys are kept as they are. A string under a
    sensitive key (``password``, ``client_secret``, ``Authorization``, ``apiKey``...) is replaced
    whole by a typed token, as is everything nested under such a key; a number there is replaced
    only under a password name. Under weak names (``key``, ``signature``) only random-looking
    strings are. Tuples come back as lists. The input is not modified. Never raises.
    """
    (scrubbed,), counts = scrub_values([value])
    return scrubbed, counts


def _child_sense(key: str, parent: Sense | None) -> Sense | None:
    if parent is not None and parent.strong:
        return parent  # everything under "credentials": {...} goes
    if not isinstance(key, str):
        return None
    try:
        return _SENSES[key]
    except KeyError:
        pass
    sense = classify_name(key)
    if len(_SENSES) < 4096:
        _SENSES[key] = sense
    return sense


# What classify_name says of each key seen (a pure function of the key; tool arguments reuse a few keys).
_SENSES: dict[str, Sense | None] = {}


def scrub_values(values: Sequence[JsonValue]) -> tuple[list[JsonValue], RuleCounts]:
    """Return each of ``values`` scrubbed as `scrub_value` would, and the counts of all.

    The strings that need the rules (those not replaced whole for their key) are scrubbed together with
    `scrub_texts`, so a home directory's user name found in one is removed from the others too. Each key is
    judged once: the first walk builds the result with `_SLOT` where a string awaits the rules, the second
    puts the scrubbed strings in, in the same order.
    """
    counts: dict[str, int] = {}
    texts: list[str] = []
    planned = [_plan(value, None, texts, counts) for value in values]
    scrubbed = iter(scrub_texts_into(texts, counts))
    rebuilt = [_fill(value, scrubbed) for value in planned]
    return rebuilt, _counts_of(counts) if counts else _NOTHING


_NOTHING = RuleCounts()
# The few sets of counts the pipeline's short texts give, each built once.
_COUNTS: dict[tuple[tuple[str, int], ...], RuleCounts] = {}


def _counts_of(counts: dict[str, int]) -> RuleCounts:
    key = tuple(counts.items())
    found = _COUNTS.get(key)
    if found is None:
        found = RuleCounts.from_mapping(counts)
        if len(_COUNTS) < 1024:
            _COUNTS[key] = found
    return found


class _Slot:
    """Where the rules' output for the next text goes in a planned value (texts are filled in walk order)."""


_SLOT = _Slot()


def _replaced_whole(value: str, sense: Sense | None) -> bool:
    return sense is not None and not is_placeholder(value) and (sense.strong or looks_random(value))


def _plan(value: JsonValue, sense: Sense | None, texts: list[str], counts: dict[str, int]) -> object:
    """`value` with what its keys decide done, and a `_Slot` for each string the rules must see."""
    if isinstance(value, str):
        if _replaced_whole(value, sense):
            assert sense is not None
            counts[sense.kind] = counts.get(sense.kind, 0) + 1
            return token(sense.kind)
        texts.append(value)
        return _SLOT
    if isinstance(value, dict):
        return {key: _plan(item, _child_sense(key, sense), texts, counts) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plan(item, sense, texts, counts) for item in value]
    if sense is not None and sense.kind == "password" and not isinstance(value, bool | None):
        counts[sense.kind] = counts.get(sense.kind, 0) + 1
        return token(sense.kind)
    return value


def _fill(planned: object, scrubbed: Iterator[str]) -> JsonValue:
    if planned is _SLOT:
        return next(scrubbed)
    if isinstance(planned, dict):
        return {key: _fill(item, scrubbed) for key, item in planned.items()}
    if isinstance(planned, list):
        return [_fill(item, scrubbed) for item in planned]
    return cast("JsonValue", planned)  # a scalar or a token, as planned
