"""How the sender reads server answers, and its backoff."""

from __future__ import annotations

import random

from client_actors.delivery import (
    Acked,
    Quarantine,
    Reopen,
    RetryLater,
    SessionClosed,
    SessionFull,
    backoff_s,
    judge_ingest_answer,
    judge_open_answer,
)


def test_ingest_answers() -> None:
    assert judge_ingest_answer(200, {"accepted": True}, {}) == Acked()
    assert judge_ingest_answer(200, {"accepted": True, "duplicate": True}, {}) == Acked(duplicate=True)
    assert judge_ingest_answer(429, {"reason": "slow down"}, {"retry-after": "7"}) == RetryLater(
        7.0, "slow down"
    )
    assert judge_ingest_answer(503, None, {}) == RetryLater(None, "HTTP 503")
    assert judge_ingest_answer(502, "bad gateway", {}) == RetryLater(None, "HTTP 502")
    assert judge_ingest_answer(408, {"reason": "slow body"}, {}) == RetryLater(None, "slow body")
    assert isinstance(judge_ingest_answer(404, {"reason": "unknown session_id"}, {}), Reopen)
    assert isinstance(judge_ingest_answer(409, {"reason": "session is closed; open"}, {}), SessionClosed)
    assert judge_ingest_answer(422, {"reason": "schema"}, {}) == Quarantine("HTTP 422: schema")
    assert isinstance(judge_ingest_answer(409, {"reason": "sequence conflict"}, {}), Quarantine)
    assert isinstance(judge_ingest_answer(507, {"reason": "full"}, {}), RetryLater)
    assert isinstance(judge_ingest_answer(413, {"reason": "session is full: its envelopes"}, {}), SessionFull)
    assert judge_ingest_answer(413, {"reason": "too large"}, {}) == Quarantine("HTTP 413: too large")


def test_open_answers() -> None:
    assert judge_open_answer(200, {"server_public_key": "x"}, {}) == Acked()
    assert isinstance(judge_open_answer(409, {"error": "exists"}, {}), Reopen)
    assert judge_open_answer(429, {"error": "limit"}, {"retry-after": "3600"}) == RetryLater(3600.0, "limit")
    assert judge_open_answer(400, {"error": "bad key"}, {}) == Quarantine("HTTP 400: bad key")


def test_backoff_grows_with_jitter_and_a_cap() -> None:
    rng = random.Random(7)
    waits = [backoff_s(attempt, rng) for attempt in range(20)]
    assert 0.25 <= waits[0] <= 0.75
    assert all(w <= 450.0 for w in waits)
    assert waits[10] > waits[2]
    assert len({round(w, 6) for w in waits[15:]}) == 5  # jittered even at the cap
