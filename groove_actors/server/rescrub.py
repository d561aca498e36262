"""Re-scrubbing: every stitched trajectory goes through the capture client's rule set again, on the server.

Not every client scrubs well (the original JavaScript client's scrubber is weak, and it is in the field), so
Central Command does not trust the client's claim (`metadata.scrub_ruleset`): it scrubs each trajectory with
`client_actors.scrub`, the same rules this project's client runs, before anything reads the steps. Pure:
values in, values out. Of what was redacted only kinds and counts are kept, never a value.

What is scrubbed: every string a step carries (`content`, `tool`, `source`, `direction`, `target_agent`,
`protocol`, tool `arguments` and every other member, `file_path`, `old_string`, `new_string`..., at any depth),
and the SESSION_CLOSE's `client_outcome` and `client_close_metadata`. Two strings are kept as sent, because
they are keys rather than text: `type`, one of a closed set checked at ingest, and `coordination_id`, which
links sessions of cooperating agents (two ids redacted to one token would link sessions that never spoke).
The stored envelopes are not touched: they stay byte for byte what was signed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from client_actors.scrub import RULESET_VERSION, RuleCounts, scrub_value, scrub_values
from groove_actors.protocol.models import JsonValue, Step
from groove_actors.server.stitch import StitchedSession, tools_of

STEP_TEXT_FIELDS = ("content", "tool", "source", "direction", "target_agent", "protocol")
STEP_VALUE_FIELDS = ("arguments", "extra")


@attrs.frozen
class Rescrub:
    """What the server's re-scrub of one trajectory did, for its stitched record."""

    ruleset: str  # the server's RULESET_VERSION
    client_ruleset: str | None  # what the client claims it scrubbed with; None if it says nothing
    counts: RuleCounts  # redactions by kind

    def as_json(self) -> dict[str, Any]:
        """The record's `rescrub` member: both rule sets and the counts by kind."""
        return {
            "ruleset": self.ruleset,
            "client_ruleset": self.client_ruleset,
            "redactions": self.counts.as_dict(),
        }


def rescrub_session(session: StitchedSession) -> tuple[StitchedSession, Rescrub]:
    """The session with its steps and close metadata scrubbed, and what that did.

    `tools_used` is derived again from the scrubbed steps; every other count is unchanged (no step is added,
    dropped or retyped). Never raises.
    """
    steps, step_counts = rescrub_steps(session.steps)
    outcome, outcome_counts = _rescrub_mapping(session.client_outcome)
    metadata, metadata_counts = _rescrub_mapping(session.client_close_metadata)
    counts = sum(
        (Counter(c.as_dict()) for c in (step_counts, outcome_counts, metadata_counts)), Counter[str]()
    )
    scrubbed = attrs.evolve(
        session,
        steps=steps,
        tools_used=tools_of(steps),
        client_outcome=outcome,
        client_close_metadata=metadata,
    )
    return scrubbed, Rescrub(RULESET_VERSION, session.client_scrub_ruleset, RuleCounts.from_mapping(counts))


def rescrub_steps(steps: Sequence[Step]) -> tuple[tuple[Step, ...], RuleCounts]:
    """`steps` scrubbed, in the same order, and the redactions made by kind.

    Every field of every step is scrubbed in one batch (`scrub_values`), which costs about one pass of the
    rules over the text rather than one per field. A step that needs no change is returned as it is (the
    same object), so a clean session costs the scrub's time but no memory beyond its steps.
    """
    fields = STEP_TEXT_FIELDS + STEP_VALUE_FIELDS
    values: list[JsonValue] = []
    for step in steps:
        values += [_as_value(getattr(step, name)) for name in fields]
    scrubbed, counts = scrub_values(values)
    out = []
    for index, step in enumerate(steps):
        row = scrubbed[index * len(fields) : (index + 1) * len(fields)]
        changes: dict[str, Any] = {
            name: new
            for name, new in zip(fields, row, strict=True)
            if new is not None and new != getattr(step, name)
        }
        out.append(attrs.evolve(step, **changes) if changes else step)
    return tuple(out), counts


def _as_value(field: object) -> JsonValue:
    """A step field as `scrub_values` takes it; None for what holds nothing to scrub."""
    if isinstance(field, str):
        return field or None
    if isinstance(field, Mapping):
        return dict(field) or None  # a plain dict: `scrub_values` walks dicts, and passes other Mappings
    return None


def _rescrub_mapping(value: Mapping[str, Any] | None) -> tuple[Mapping[str, Any] | None, RuleCounts]:
    if not value:
        return value, RuleCounts()
    # A plain dict at the top: `scrub_value` walks dicts and lists, and would pass another Mapping through.
    scrubbed, counts = scrub_value(dict(value))
    return (scrubbed if isinstance(scrubbed, dict) else {}), counts  # a dict always comes back as one
