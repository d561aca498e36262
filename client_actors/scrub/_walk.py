"""`scrub_value` and `scrub_values`: scrubbing JSON-like values such as tool arguments."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

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
    return classify_name(key) if isinstance(key, str) else None


def scrub_values(values: Sequence[JsonValue]) -> tuple[list[JsonValue], RuleCounts]:
    """Return each of ``values`` scrubbed as `scrub_value` would, and the counts of all.

    The strings that need the rules (those not replaced whole for their key) are scrubbed together with
    `scrub_texts`, so a home directory's user name found in one is removed from the others too.
    """
    counts: Counter[str] = Counter()
    texts: list[str] = []
    for value in values:
        if isinstance(value, str):  # the commonest value (a step's content): no key, so scrubbed as text
            texts.append(value)
        else:
            _collect(value, None, texts)
    results = iter(scrub_texts_into(texts, counts))
    rebuilt = [
        next(results) if isinstance(value, str) else _rebuild(value, None, results, counts)
        for value in values
    ]
    return rebuilt, RuleCounts.from_mapping(counts) if counts else _NOTHING


_NOTHING = RuleCounts()


def _replaced_whole(value: str, sense: Sense | None) -> bool:
    return sense is not None and not is_placeholder(value) and (sense.strong or looks_random(value))


def _collect(value: JsonValue, sense: Sense | None, texts: list[str]) -> None:
    """The strings of `value` that `_rebuild` will take from the scrubbed texts, in its order."""
    if isinstance(value, str):
        if sense is None or not _replaced_whole(value, sense):
            texts.append(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _collect(item, _child_sense(key, sense), texts)
    elif isinstance(value, list | tuple):
        for item in value:
            _collect(item, sense, texts)


def _rebuild(
    value: JsonValue, sense: Sense | None, scrubbed: Iterator[str], counts: Counter[str]
) -> JsonValue:
    if isinstance(value, str):
        if sense is None:
            return next(scrubbed)
        if _replaced_whole(value, sense):
            assert sense is not None
            counts[sense.kind] += 1
            return token(sense.kind)
        return next(scrubbed)
    if isinstance(value, dict):
        return {
            key: _rebuild(item, _child_sense(key, sense), scrubbed, counts) for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [_rebuild(item, sense, scrubbed, counts) for item in value]
    if sense is not None and sense.kind == "password" and not isinstance(value, bool | None):
        counts[sense.kind] += 1
        return token(sense.kind)
    return value
