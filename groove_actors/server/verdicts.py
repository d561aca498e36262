"""What a session's verifier decides about an envelope: pure, given what it knows (PROTOCOL.md section 2)."""

from __future__ import annotations

import hmac
from typing import Final

import attrs

from groove_actors.protocol.envelope import ReceivedEnvelope, Rejected


@attrs.frozen
class Accepted:
    envelope_id: str
    duplicate: bool = False


@attrs.frozen
class StoreIt:
    """Passes every check: store it, then advance the session's sequence."""


STORE: Final = StoreIt()
MIB: Final = 1024 * 1024

UNSIGNED = Rejected(
    400, "attestation.session_hmac (64 hex) and attestation.sequence (integer 0..1000000) are required"
)
BAD_HMAC = Rejected(
    401,
    "HMAC verification failed: the envelope was not signed with this session's key and sequence,"
    " or its bytes changed in transit",
)
SESSION_CLOSED = Rejected(409, "session is closed; open a new session to send more envelopes")
KEY_LOST = Rejected(
    409,
    "this server no longer holds the session's key (its catalog was rebuilt without it); open a new session"
    " to send the rest",
)


def judge_envelope(
    envelope: ReceivedEnvelope,
    *,
    closed: bool,
    next_sequence: int,
    hmac_valid: bool | None,
    stored_hmac: str | None,
    stored_bytes: int = 0,
    max_stored_bytes: int | None = None,
) -> Accepted | Rejected | StoreIt:
    """Checks 3-5 in order: signature, sequence (a retry of a stored envelope is a duplicate), room, schema.

    `hmac_valid` is None when the session's secret is gone (it closed, or a rebuild could not recover it):
    then only a retry of a stored envelope, recognised by its stored HMAC, is answered as accepted.
    `stored_hmac` is the HMAC stored for `envelope.sequence` when that sequence is already used, else None.
    `stored_bytes` is what the session's envelopes take so far; a chunk that would take it past
    `max_stored_bytes` is refused, so that stitching one session always fits in memory. SESSION_CLOSE is
    always let in, so that a full session can still be closed and credited.
    A rejected envelope never consumes a sequence number: only StoreIt leads to an advance.
    """
    if envelope.sequence is None or envelope.session_hmac is None:
        return UNSIGNED
    retry = (
        envelope.sequence < next_sequence
        and stored_hmac is not None
        and hmac.compare_digest(stored_hmac, envelope.session_hmac)
    )
    if hmac_valid is None:
        if retry:
            return Accepted(envelope.envelope_id, duplicate=True)
        return SESSION_CLOSED if closed else KEY_LOST
    if not hmac_valid:
        return BAD_HMAC
    if envelope.sequence < next_sequence:
        if retry:
            return Accepted(envelope.envelope_id, duplicate=True)
        return Rejected(
            409,
            f"sequence conflict: expected {next_sequence}, got {envelope.sequence}, which another envelope"
            " of this session already used",
        )
    if closed:
        return SESSION_CLOSED
    if envelope.sequence > next_sequence:
        return Rejected(
            409,
            f"sequence conflict: expected {next_sequence}, got {envelope.sequence}; send the missing"
            " envelopes first",
        )
    if (
        max_stored_bytes is not None
        and envelope.kind == "chunk"
        and stored_bytes + len(envelope.raw) > max_stored_bytes
    ):
        return Rejected(
            413,
            f"session is full: its envelopes already take {stored_bytes / MIB:.1f} MiB and one session holds"
            f" at most {max_stored_bytes / MIB:.0f} MiB; close it and send the rest in a new session",
        )
    if envelope.violations:
        return Rejected(
            422,
            f"envelope breaks {len(envelope.violations)} schema rule(s); see details",
            details=tuple(str(v) for v in envelope.violations),
        )
    return STORE
