"""Stitching: one session's stored envelopes into one trajectory, purely (ARCHITECTURE "Stitcher").

Input is what the index lists for the session, so the cost is the session's size, never the corpus size.
Steps are ordered by time (then by envelope sequence and position, which keeps the client's order for equal
times) and exact repeats are dropped (a client that re-sent steps in a later chunk is not paid twice).
Every count is derived from the steps, never taken from the client's outcome (PROTOCOL.md section 5).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import orjson

from groove_actors.protocol import jsjson, limits
from groove_actors.protocol.convert import structure_steps
from groove_actors.protocol.limits import known_model
from groove_actors.protocol.models import Step


@attrs.frozen
class CoordinationLink:
    coordination_id: str
    step: int
    partner_session: str
    partner_agent: str | None
    partner_step: int


@attrs.frozen
class StitchedSession:
    session_id: str
    contributor_id: str
    provider: str
    model: str
    agent_id: str | None
    agent_role: str | None
    task_complexity: str | None
    team_size: int | None  # first chunk's metadata; agents the client's daemon counted
    groove_version: str | None  # first chunk's metadata (the open names one too: the catalog keeps it)
    steps: tuple[Step, ...]
    chunks: int
    duplicates_dropped: int
    client_outcome: Mapping[str, Any] | None
    client_close_metadata: Mapping[str, Any] | None  # later clients: domain_tags, session_embedding
    client_scrub_ruleset: str | None  # the rule set the client says it scrubbed with (first chunk's metadata)
    status: str
    close_reason: str
    tools_used: tuple[str, ...]
    step_types: Mapping[str, int]
    total_tokens: int
    duration_seconds: float
    # The session this one says it continues (context rotation): the first chunk that names one; whether the
    # claim holds is decided where claims are read (server/rotation.py).
    predecessor_session_id: str | None = None
    # For the model fingerprint (server/fingerprint.py): each chunk's `model_engine`, distinct, in sequence
    # order (a client that resolves the model from the stream changes it), and the model the open named.
    chunk_models: tuple[str, ...] = ()
    opened_model: str | None = None


def stitch(
    session_id: str,
    bodies: Sequence[tuple[int, str, bytes]],
    *,
    provider: str,
    model: str,
    close_reason: str,
    close_status: str | None,
) -> StitchedSession:
    """Stitch (sequence, kind, stored body) triples of one session, in sequence order.

    One chunk is parsed at a time and its steps structured at once, so what stays in memory is the steps and
    a 16-byte digest of each, not every parsed chunk: a session stitches in about 4x its stored size.
    """
    first_meta: Mapping[str, Any] = {}
    contributor_id = ""
    chunks = 0
    close: Mapping[str, Any] | None = None
    keyed: list[tuple[float, int, int, bytes, Step]] = []
    predecessor: str | None = None
    chunk_models: list[str] = []
    for seq, kind, body in bodies:
        parsed = jsjson.parse(body)
        if kind != "chunk":
            close = parsed if close is None else close
            continue
        if not chunks:
            first_meta = parsed.get("metadata", {})
            contributor_id = str(parsed["contributor_id"])
        chunks += 1
        predecessor = predecessor or _text((parsed.get("metadata") or {}).get("predecessor_session_id"))
        engine = _text((parsed.get("metadata") or {}).get("model_engine"))
        if engine and engine not in chunk_models:
            chunk_models.append(engine)
        raw_steps = parsed.get("trajectory_log", [])
        for position, (raw, step) in enumerate(zip(raw_steps, structure_steps(raw_steps), strict=True)):
            keyed.append((limits.timestamp_seconds(raw["timestamp"]), seq, position, _identity(raw), step))
    keyed.sort(key=lambda item: item[:3])
    steps, dropped = _drop_repeats([(identity, step) for *_, identity, step in keyed])
    del keyed
    return StitchedSession(
        session_id=session_id,
        contributor_id=contributor_id,
        provider=str(first_meta.get("provider", provider)),
        # `auto` (no model chosen) names no model: what the session opened with, else unknown.
        model=known_model(_text(first_meta.get("model_engine"))) or known_model(model) or "unknown",
        agent_id=first_meta.get("agent_id"),
        agent_role=first_meta.get("agent_role"),
        task_complexity=first_meta.get("task_complexity"),
        team_size=_integer(first_meta.get("team_size")),
        groove_version=_text(first_meta.get("groove_version")),
        steps=steps,
        chunks=chunks,
        duplicates_dropped=dropped,
        client_outcome=close.get("outcome") if close else None,
        client_close_metadata=close.get("metadata") if close else None,
        client_scrub_ruleset=_text(first_meta.get("scrub_ruleset")),
        status=close_status or ("CRASH" if close_reason == "idle" else "SUCCESS"),
        close_reason=close_reason,
        tools_used=tools_of(steps),
        step_types=dict(Counter(s.type for s in steps)),
        total_tokens=int(sum(s.token_count or 0 for s in steps)),
        duration_seconds=_duration(steps),
        predecessor_session_id=predecessor,
        chunk_models=tuple(chunk_models),
        opened_model=known_model(model),
    )


def tools_of(steps: Sequence[Step]) -> tuple[str, ...]:
    """The distinct tool names of `steps`, sorted."""
    return tuple(sorted({s.tool for s in steps if s.tool}))


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _integer(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _drop_repeats(keyed: list[tuple[bytes, Step]]) -> tuple[tuple[Step, ...], int]:
    seen: set[bytes] = set()
    unique = []
    for identity, step in keyed:
        if identity not in seen:
            seen.add(identity)
            unique.append(step)
    return tuple(unique), len(keyed) - len(unique)


def _identity(raw: Mapping[str, Any]) -> bytes:
    """A digest of the step's content, independent of key order (stdlib JSON for lone surrogates)."""
    try:
        text = orjson.dumps(raw, option=orjson.OPT_SORT_KEYS)
    except TypeError:
        text = json.dumps(raw, sort_keys=True).encode()
    return hashlib.blake2b(text, digest_size=16).digest()


def _duration(steps: Sequence[Step]) -> float:
    if not steps:
        return 0.0
    times = [limits.timestamp_seconds(s.timestamp) for s in steps]
    return round(max(times) - min(times), 3)


def coordination_steps(session: StitchedSession) -> tuple[tuple[str, int, str | None], ...]:
    """(coordination_id, step, direction) of the session's coordination steps, for cross-session links."""
    return tuple(
        (s.coordination_id, s.step, s.direction)
        for s in session.steps
        if s.type == "coordination" and s.coordination_id
    )
