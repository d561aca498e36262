"""The protocol's values (PROTOCOL.md sections 1-3), shaped as the wire has them.

Values are frozen. JSON objects that the protocol leaves open (tool `arguments`, unknown extra members) are
typed `JsonObject`, a read-only mapping: they are kept as received, never rejected (PROTOCOL.md "Steps").
Field order is the order a JavaScript client writes, so a value converted back to JSON signs the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TypeAlias

import attrs

# A JSON object as decoded (wire extras, tool arguments, agent stream lines): its values are read with a type check.
JsonObject: TypeAlias = Mapping[str, object]
# A JSON value as plain Python builds it for an encoder (lists and dicts, nothing read-only).
JsonValue: TypeAlias = "str | int | float | bool | list[JsonValue] | dict[str, JsonValue] | None"
# A step type is checked where envelopes are read (validate.py): one of limits.STEP_TYPES or a type the scoring
# policy admits (`[steps] extra_types`), so the set can grow without a release.
StepType: TypeAlias = str
CloseStatus: TypeAlias = Literal["SUCCESS", "CRASH", "KILLED", "SHUTDOWN", "STOPPED"]

_EMPTY: JsonObject = {}


@attrs.frozen
class Attestation:
    session_hmac: str
    sequence: int
    app_version_hash: str


@attrs.frozen
class Metadata:
    provider: str
    model_engine: str
    agent_role: str | None = None
    agent_id: str | None = None
    task_complexity: str | None = None
    team_size: int | None = None
    session_quality: float | None = None  # sent by old clients; the server ignores it and derives its own
    groove_version: str | None = None
    scrub_ruleset: str | None = None  # version of the client's scrubbing rules
    # The session this one continues after a context rotation (docs/PROTOCOL.md 6.1); left out when None,
    # so envelopes without it are byte for byte what they were.
    predecessor_session_id: str | None = None
    extra: JsonObject = _EMPTY


@attrs.frozen
class Step:
    step: int
    type: StepType
    timestamp: float
    content: str | None = None
    token_count: float | None = None
    tool: str | None = None
    arguments: JsonObject | None = None
    truncated: bool | None = None
    source: str | None = None
    coordination_id: str | None = None
    direction: str | None = None
    target_agent: str | None = None
    protocol: str | None = None
    extra: JsonObject = _EMPTY


@attrs.frozen
class ChunkEnvelope:
    envelope_id: str
    session_id: str
    chunk_sequence: int
    contributor_id: str
    attestation: Attestation
    metadata: Metadata
    trajectory_log: tuple[Step, ...]
    extra: JsonObject = _EMPTY


@attrs.frozen
class Outcome:
    status: CloseStatus
    total_steps: int
    total_chunks: int
    user_interventions: int | None = None
    total_tokens: int | None = None
    duration_seconds: int | None = None
    files_modified: int | None = None
    errors_encountered: int | None = None
    errors_recovered: int | None = None
    coordination_events: int | None = None
    extra: JsonObject = _EMPTY


@attrs.frozen(kw_only=True)
class CloseEnvelope:
    envelope_id: str
    session_id: str
    type: Literal["SESSION_CLOSE"] = "SESSION_CLOSE"
    attestation: Attestation
    outcome: Outcome
    metadata: Metadata | None = None
    extra: JsonObject = _EMPTY


Envelope: TypeAlias = ChunkEnvelope | CloseEnvelope


@attrs.frozen
class SessionOpen:
    """Body of POST /v1/sessions/open; every field is a required string."""

    session_id: str
    public_key: str
    provider: str
    model: str
    machine_fingerprint: str
    app_version_hash: str
    groove_version: str
