"""The verifier's decision: signature, then sequence (with duplicates), then closed, then schema."""

from __future__ import annotations

from groove_actors.protocol.envelope import ReceivedEnvelope, Rejected, summarize
from groove_actors.protocol.validate import Violation
from groove_actors.server.verdicts import STORE, Accepted, judge_envelope

HMAC = "ab" * 32


def envelope(sequence: int | None = 3, violations: tuple[Violation, ...] = ()) -> ReceivedEnvelope:
    body = {
        "session_id": "s",
        "envelope_id": "env_1",
        "attestation": {"sequence": sequence, "session_hmac": HMAC},
    }
    return summarize(b"{}", body, "s", violations)


def status(verdict: object) -> int | None:
    return verdict.status if isinstance(verdict, Rejected) else None


def test_next_in_sequence_is_stored() -> None:
    assert (
        judge_envelope(envelope(3), closed=False, next_sequence=3, hmac_valid=True, stored_hmac=None) is STORE
    )


def test_bad_signature_is_401_even_for_a_known_sequence() -> None:
    verdict = judge_envelope(envelope(3), closed=False, next_sequence=3, hmac_valid=False, stored_hmac=None)
    assert status(verdict) == 401


def test_missing_attestation_is_400() -> None:
    verdict = judge_envelope(
        envelope(None), closed=False, next_sequence=0, hmac_valid=False, stored_hmac=None
    )
    assert status(verdict) == 400


def test_retry_of_a_stored_envelope_is_a_duplicate_even_after_close() -> None:
    for closed in (False, True):
        verdict = judge_envelope(
            envelope(1), closed=closed, next_sequence=3, hmac_valid=True, stored_hmac=HMAC
        )
        assert verdict == Accepted("env_1", duplicate=True)


def test_replay_with_another_hmac_and_gaps_are_conflicts_naming_both_numbers() -> None:
    replay = judge_envelope(
        envelope(1), closed=False, next_sequence=3, hmac_valid=True, stored_hmac="cd" * 32
    )
    gap = judge_envelope(envelope(5), closed=False, next_sequence=3, hmac_valid=True, stored_hmac=None)
    assert status(replay) == status(gap) == 409
    assert isinstance(gap, Rejected) and "expected 3, got 5" in gap.reason


def test_closed_session_refuses_new_envelopes() -> None:
    verdict = judge_envelope(envelope(3), closed=True, next_sequence=3, hmac_valid=True, stored_hmac=None)
    assert isinstance(verdict, Rejected) and (
        verdict.status,
        verdict.reason.startswith("session is closed"),
    ) == (
        409,
        True,
    )


def test_schema_violations_come_last_and_all_of_them() -> None:
    broken = envelope(3, (Violation("$.a", "bad"), Violation("$.b", "worse")))
    verdict = judge_envelope(broken, closed=False, next_sequence=3, hmac_valid=True, stored_hmac=None)
    assert isinstance(verdict, Rejected)
    assert (verdict.status, verdict.details) == (422, ("$.a: bad", "$.b: worse"))


def sized(size: int, *, close: bool = False, sequence: int = 3) -> ReceivedEnvelope:
    body: dict[str, object] = {
        "session_id": "s",
        "envelope_id": "env_1",
        "attestation": {"sequence": sequence, "session_hmac": HMAC},
    }
    if close:
        body["type"] = "SESSION_CLOSE"
    return summarize(b" " * size, body, "s", ())


def test_a_chunk_that_would_overfill_the_session_is_413_and_a_close_still_goes_in() -> None:
    def judge(env: ReceivedEnvelope, stored: int) -> object:
        return judge_envelope(
            env, closed=False, next_sequence=3, hmac_valid=True, stored_hmac=None,
            stored_bytes=stored, max_stored_bytes=1000,
        )  # fmt: skip

    assert judge(sized(400), 600) is STORE  # exactly full
    full = judge(sized(401), 600)
    assert isinstance(full, Rejected) and full.status == 413
    assert full.reason.startswith("session is full") and "new session" in full.reason
    assert judge(sized(400, close=True), 1000) is STORE
    retry = judge_envelope(
        sized(5000, sequence=1), closed=False, next_sequence=3, hmac_valid=True, stored_hmac=HMAC,
        stored_bytes=1000, max_stored_bytes=1000,
    )  # fmt: skip
    assert retry == Accepted("env_1", duplicate=True)
