"""Stitching: one session's stored envelopes into one trajectory, purely (ARCHITECTURE "Stitcher").

Input is what the index lists for the session, so the cost is the session's size, never the corpus size.
Steps are ordered by time (then by envelope sequence and position, which keeps the client's order for equal
times) and exact repeats are dropped (a client that re-sent steps in a later chunk is not paid twice).
Every count is derived from the steps, never taken from the client's outcome (PROTOCOL.md section 5).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import orjson

from groove_actors.protocol import jsjson, limits
from groove_actors.protocol.convert import structure_steps
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
    steps: tuple[Step, ...]
    chunks: int
    duplicates_dropped: int
    client_outcome: Mapping[str, Any] | None
    status: str
    close_reason: str
    tools_used: tuple[str, ...]
    step_types: Mapping[str, int]
    total_tokens: int
    duration_seconds: float


def stitch(
    session_id: str,
    bodies: Sequence[tuple[int, str, bytes]],
    *,
    provider: str,
    model: str,
    close_reason: str,
    close_status: str | None,
) -> StitchedSession:
    """Stitch (sequence, kind, stored body) triples of one session, in sequence order."""
    chunks = [(seq, jsjson.parse(body)) for seq, kind, body in bodies if kind == "chunk"]
    close = next((jsjson.parse(body) for _, kind, body in bodies if kind == "close"), None)
    first_meta: Mapping[str, Any] = chunks[0][1].get("metadata", {}) if chunks else {}
    ordered: list[tuple[float, int, int, Mapping[str, Any]]] = []
    for seq, body in chunks:
        for position, raw in enumerate(body.get("trajectory_log", [])):
            ordered.append((limits.timestamp_seconds(raw["timestamp"]), seq, position, raw))
    ordered.sort(key=lambda item: item[:3])
    unique, dropped = _drop_repeats([raw for *_, raw in ordered])
    steps = structure_steps(unique)
    return StitchedSession(
        session_id=session_id,
        contributor_id=next((str(b["contributor_id"]) for _, b in chunks), ""),
        provider=str(first_meta.get("provider", provider)),
        model=str(first_meta.get("model_engine", model)),
        agent_id=first_meta.get("agent_id"),
        agent_role=first_meta.get("agent_role"),
        task_complexity=first_meta.get("task_complexity"),
        steps=steps,
        chunks=len(chunks),
        duplicates_dropped=dropped,
        client_outcome=close.get("outcome") if close else None,
        status=close_status or ("CRASH" if close_reason == "idle" else "SUCCESS"),
        close_reason=close_reason,
        tools_used=tuple(sorted({s.tool for s in steps if s.tool})),
        step_types=dict(Counter(s.type for s in steps)),
        total_tokens=int(sum(s.token_count or 0 for s in steps)),
        duration_seconds=_duration(steps),
    )


def _drop_repeats(raw_steps: list[Mapping[str, Any]]) -> tuple[list[Mapping[str, Any]], int]:
    seen: set[bytes] = set()
    unique = []
    for raw in raw_steps:
        key = _identity(raw)
        if key not in seen:
            seen.add(key)
            unique.append(raw)
    return unique, len(raw_steps) - len(unique)


def _identity(raw: Mapping[str, Any]) -> bytes:
    """The step's content, independent of key order; stdlib only for text orjson refuses (lone surrogates)."""
    try:
        return orjson.dumps(raw, option=orjson.OPT_SORT_KEYS)
    except TypeError:
        return json.dumps(raw, sort_keys=True).encode()


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
