"""Reading a received envelope at the edge: parse once, validate once, keep what the verifier needs.

`read_envelope` does PROTOCOL.md check 1 (JSON object with a string session_id) and computes the schema
verdict (check 5) up front, so the verifier, which owns the session's secret and sequence, only decides
checks 2-4 in order and reports the schema violations in their turn. Nothing here is structured into attrs
per step: a 200-step envelope is read with one orjson parse and one validation pass.

The parsed objects are dropped as soon as the facts are taken from them: parsed JSON takes up to about 36x
its text in memory (`[{},{},...]`), while the text, kept for storing and verifying, takes 1x. So what waits
in a verifier's inbox costs what the body's bytes cost, and parsing needs memory for one body at a time
(it runs on the event loop).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from groove_actors.errors import PeerError
from groove_actors.protocol import jsjson, limits
from groove_actors.protocol.validate import Violation, check_session_id, is_integer, validate_envelope


@attrs.frozen
class Rejected:
    """An envelope or request the server refuses: the HTTP status and a reason a person can act on."""

    status: int
    reason: str
    details: tuple[str, ...] = ()
    retry_after: float | None = None
    # The envelope was authentic and in its turn: it is kept aside with this refusal and used its sequence
    # number, so the session goes on with the next (docs/PROTOCOL.md, "Refused envelopes").
    quarantined: bool = False

    def kept_text(self) -> str:
        """The refusal as stored with an envelope kept aside: the reason, then one line per detail."""
        return "\n".join([self.reason, *(" ".join(d.splitlines()) for d in self.details)])

    @classmethod
    def kept(cls, status: int, text: str) -> Rejected:
        """The refusal of an envelope kept aside, from its stored `kept_text`: a retry gets the same answer."""
        reason, *details = text.split("\n")
        return cls(status, reason, tuple(details), quarantined=True)


@attrs.frozen
class ReceivedEnvelope:
    """A parsed envelope and the facts about it that deciding and storing need."""

    raw: bytes
    session_id: str
    envelope_id: str
    kind: str  # "chunk", "close" (SESSION_CLOSE) or "feedback" (USER_FEEDBACK)
    sequence: int | None
    session_hmac: str | None
    violations: tuple[Violation, ...]
    steps: int
    contributor_id: str | None
    provider: str | None
    model: str | None
    close_status: str | None
    signal: str | None = None  # a USER_FEEDBACK's `feedback.signal`


def read_envelope(
    raw: bytes, *, now: float, step_types: frozenset[str] = limits.STEP_TYPES
) -> ReceivedEnvelope | Rejected:
    """Parse and validate a request body; Rejected (400) when it is not a JSON object with a session_id.

    `step_types` are the step types in force (docs/PROTOCOL.md, "Schema").
    """
    try:
        body = jsjson.parse(raw)
    except PeerError as exc:
        return Rejected(400, exc.reason)
    if not isinstance(body, dict):
        return Rejected(400, f"body must be a JSON object, got {type(body).__name__}")
    session_id = body.get("session_id")
    if not session_id:
        return Rejected(400, "session_id is required and must be a non-empty string")
    problem = check_session_id(session_id)
    if problem is not None:
        return Rejected(400, f"session_id: {problem}")
    return summarize(raw, body, session_id, validate_envelope(body, now=now, step_types=step_types))


def summarize(
    raw: bytes, body: Mapping[str, Any], session_id: str, violations: tuple[Violation, ...]
) -> ReceivedEnvelope:
    attestation = body.get("attestation")
    attestation = attestation if isinstance(attestation, dict) else {}
    sequence = attestation.get("sequence")
    hmac_hex = attestation.get("session_hmac")
    metadata = body.get("metadata")
    metadata = metadata if isinstance(metadata, dict) else {}
    outcome = body.get("outcome")
    steps = body.get("trajectory_log")
    envelope_id = body.get("envelope_id")
    feedback = body.get("feedback")
    return ReceivedEnvelope(
        raw=raw,
        session_id=session_id,
        envelope_id=envelope_id if isinstance(envelope_id, str) else "",
        kind=KINDS.get(str(body.get("type")), "chunk"),
        sequence=_sequence(sequence),
        session_hmac=hmac_hex if isinstance(hmac_hex, str) and hmac_hex else None,  # "": unsigned (H12)
        violations=violations,
        steps=len(steps) if isinstance(steps, list) else 0,
        contributor_id=_text(body.get("contributor_id")),
        provider=_text(metadata.get("provider")),
        model=_text(metadata.get("model_engine")),
        close_status=_text(outcome.get("status")) if isinstance(outcome, dict) else None,
        signal=_text(feedback.get("signal")) if isinstance(feedback, dict) else None,
    )


KINDS = {limits.SESSION_CLOSE: "close", limits.USER_FEEDBACK: "feedback"}


def _sequence(value: Any) -> int | None:
    if is_integer(value) and 0 <= value <= limits.MAX_SEQUENCE:
        return int(value)
    return None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
