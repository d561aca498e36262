"""The verifier's decision: signature, then sequence (retries and gaps), then what the envelope holds.

An authentic envelope in its turn always uses its sequence number: stored, or kept aside with its refusal
(hazard H1 of the later clients). Unsigned and forged envelopes, and used numbers, consume nothing.
"""

from __future__ import annotations

from typing import Any

from groove_actors.protocol.envelope import ReceivedEnvelope, Rejected, summarize
from groove_actors.protocol.validate import Violation
from groove_actors.server.verdicts import STORE, Accepted, QuarantineIt, Stored, judge_envelope

HMAC = "ab" * 32


def envelope(
    sequence: int | None = 3,
    violations: tuple[Violation, ...] = (),
    *,
    kind: str | None = None,
    size: int = 2,
) -> ReceivedEnvelope:
    body: dict[str, Any] = {
        "session_id": "s",
        "envelope_id": "env_1",
        "attestation": {"sequence": sequence, "session_hmac": HMAC},
    }
    if kind is not None:
        body["type"] = kind
    return summarize(b" " * size, body, "s", violations)


def judge(env: ReceivedEnvelope, **given: Any) -> object:
    facts: dict[str, Any] = {"closed": False, "next_sequence": 3, "hmac_valid": True, "stored": None}
    return judge_envelope(env, **{**facts, **given})


def status(verdict: object) -> int | None:
    if isinstance(verdict, QuarantineIt):
        return verdict.refusal.status
    return verdict.status if isinstance(verdict, Rejected) else None


def test_next_in_sequence_is_stored() -> None:
    assert judge(envelope(3)) is STORE


def test_unsigned_and_forged_envelopes_consume_nothing() -> None:
    assert status(judge(envelope(None), hmac_valid=False)) == 400
    forged = judge(envelope(3), hmac_valid=False)
    assert status(forged) == 401 and not isinstance(forged, QuarantineIt)


def test_a_retry_gets_its_first_answer_again_even_after_close() -> None:
    for closed in (False, True):
        verdict = judge(envelope(1), closed=closed, stored=Stored(HMAC))
        assert verdict == Accepted("env_1", duplicate=True)
    refusal = Rejected(422, "envelope breaks 1 schema rule(s); see details", quarantined=True)
    assert judge(envelope(1), stored=Stored(HMAC, refusal)) == refusal
    # Its secret dropped (after the feedback window): the stored HMAC still recognises the retry.
    assert judge(envelope(1), closed=True, hmac_valid=None, stored=Stored(HMAC)) == Accepted("env_1", True)


def test_a_used_number_with_other_bytes_is_a_conflict_and_a_later_number_a_gap_that_is_taken() -> None:
    replay = judge(envelope(1), stored=Stored("cd" * 32))
    assert status(replay) == 409 and isinstance(replay, Rejected) and "expected 3, got 1" in replay.reason
    assert judge(envelope(5)) is STORE  # a client that gave up on 3 and 4: the rest of its session goes on


def test_what_an_authentic_envelope_holds_can_refuse_it_but_it_uses_its_number() -> None:
    broken = judge(envelope(3, (Violation("$.a", "bad"), Violation("$.b", "worse"))))
    assert isinstance(broken, QuarantineIt)
    assert (broken.refusal.status, broken.refusal.details) == (422, ("$.a: bad", "$.b: worse"))
    after_close = judge(envelope(3), closed=True)
    assert isinstance(after_close, QuarantineIt) and after_close.refusal.reason.startswith(
        "session is closed"
    )


def test_feedback_is_taken_after_the_session_closed_and_without_a_secret_nothing_new_is() -> None:
    assert judge(envelope(4, kind="USER_FEEDBACK"), closed=True, next_sequence=4) is STORE
    assert status(judge(envelope(4), closed=True, next_sequence=4, hmac_valid=None)) == 409
    lost = judge(envelope(4), next_sequence=4, hmac_valid=None)  # open, but a rebuild lost its key
    assert isinstance(lost, Rejected) and "no longer holds the session's key" in lost.reason


def test_a_chunk_that_would_overfill_the_session_is_413_and_a_close_still_goes_in() -> None:
    limits = {"stored_bytes": 600, "max_stored_bytes": 1000}
    assert judge(envelope(3, size=400), **limits) is STORE  # exactly full
    full = judge(envelope(3, size=401), **limits)
    assert isinstance(full, QuarantineIt) and full.refusal.status == 413
    assert full.refusal.reason.startswith("session is full") and "new session" in full.refusal.reason
    assert (
        judge(envelope(3, size=400, kind="SESSION_CLOSE"), stored_bytes=1000, max_stored_bytes=1000) is STORE
    )
    retry = judge(envelope(1, size=5000), stored=Stored(HMAC), stored_bytes=1000, max_stored_bytes=1000)
    assert retry == Accepted("env_1", duplicate=True)
