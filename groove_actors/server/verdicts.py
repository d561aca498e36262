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


@attrs.frozen
class QuarantineIt:
    """Authentic and in its turn, but refused for what it holds (hazard H1 of the later clients).

    It is stored aside with the refusal and consumes its sequence number, because clients never send a
    refused envelope again under a new number: refusing it without consuming would lose the rest of the session.
    """

    refusal: Rejected


@attrs.frozen
class Stored:
    """What the store holds for a sequence already used: its HMAC, and the refusal if it was quarantined."""

    hmac: str
    refusal: Rejected | None = None


STORE: Final = StoreIt()
MIB: Final = 1024 * 1024

UNSIGNED = Rejected(
    400,
    "the envelope is unsigned: attestation.session_hmac (64 hex) and attestation.sequence (integer"
    " 0..1000000) are required",
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
    stored: Stored | None,
    stored_bytes: int = 0,
    max_stored_bytes: int | None = None,
) -> Accepted | Rejected | StoreIt | QuarantineIt:
    """Signature, sequence, then what the envelope holds (docs/PROTOCOL.md, "How an envelope is judged").

    `hmac_valid` is None when the session's secret is gone (it closed long enough ago, or a rebuild could not
    recover it): then only a retry of a stored envelope, recognised by its stored HMAC, is answered.
    `stored` is what the store holds for `envelope.sequence` when that sequence is already used.
    Unsigned and forged envelopes, and sequences already used, consume nothing. An authentic envelope with an
    unused sequence (the next one, or later: a client that gave up on an envelope leaves a gap) always
    consumes it: stored (StoreIt), or quarantined with its refusal (QuarantineIt). A retry of either gets the
    first answer again, without any new work.
    """
    if envelope.sequence is None or envelope.session_hmac is None:
        return UNSIGNED
    retry = stored is not None and hmac.compare_digest(stored.hmac, envelope.session_hmac)
    if retry and stored is not None and hmac_valid is not False:  # the same signed bytes again
        return stored.refusal or Accepted(envelope.envelope_id, duplicate=True)
    if hmac_valid is None:
        return SESSION_CLOSED if closed else KEY_LOST
    if not hmac_valid:
        return BAD_HMAC
    if envelope.sequence < next_sequence:
        return Rejected(
            409,
            f"sequence conflict: expected {next_sequence}, got {envelope.sequence}, which another envelope"
            " of this session already used",
        )
    refusal = _refusal(envelope, closed=closed, stored_bytes=stored_bytes, max_stored_bytes=max_stored_bytes)
    return STORE if refusal is None else QuarantineIt(refusal)


def _refusal(
    envelope: ReceivedEnvelope, *, closed: bool, stored_bytes: int, max_stored_bytes: int | None
) -> Rejected | None:
    """Why an authentic envelope in its turn cannot join its session, or None if it can."""
    if closed and envelope.kind != "feedback":  # USER_FEEDBACK comes after the SESSION_CLOSE (hazard H10)
        return SESSION_CLOSED
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
    return None
