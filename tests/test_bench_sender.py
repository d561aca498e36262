"""The benchmark's own load generator speaks the protocol as a JavaScript client does, to the real server."""

from __future__ import annotations

import random

import httpx
import pytest

from bench.sender import Content, Plan, build_requests, plan_session, run
from groove_actors.protocol import ecdh, jsjson, signing
from tests.support.server import ServerProcess


def test_every_body_is_signed_over_the_bytes_a_javascript_client_hashes() -> None:
    rng = random.Random(3)
    session = plan_session(rng)
    session.secret = ecdh.derive_shared_secret(
        session.key_pair.private_key, ecdh.generate_key_pair().private_key.public_key()
    )
    build_requests(session, Content(rng, size=20_000), chunks=3, steps=4, content_chars=(20, 60))
    bodies = [*session.chunks, session.close]
    for sequence, raw in enumerate(bodies):
        envelope = jsjson.parse(raw)
        assert jsjson.stringify_bytes(envelope) == raw
        assert list(envelope) == (
            ["envelope_id", "session_id", "chunk_sequence", "contributor_id", "attestation", "metadata",
             "trajectory_log"]
            if sequence < 3
            else ["envelope_id", "session_id", "type", "attestation", "outcome"]
        )  # fmt: skip
        attestation = envelope["attestation"]
        assert attestation["sequence"] == sequence
        assert signing.verify_body(session.secret, sequence, raw, envelope, attestation["session_hmac"])
        assert not signing.verify_body(
            session.secret, sequence + 1, raw, envelope, attestation["session_hmac"]
        )
    assert jsjson.parse(session.close)["outcome"]["total_chunks"] == 3


def test_steps_follow_the_javascript_generators_mix_and_sizes() -> None:
    content = Content(random.Random(5))
    steps = [content.step(n, 1_700_000_000.0 + n, (200, 3000)) for n in range(2_000)]
    kinds = {step["type"] for step in steps}
    assert kinds == {"thought", "action", "observation", "error", "correction", "coordination", "resolution"}
    assert all(200 <= len(step["content"]) <= 3000 + len("Using TodoWrite: ") for step in steps)
    assert any(ord(ch) > 127 for step in steps for ch in step["content"])
    assert all("tool" in step and "arguments" in step for step in steps if step["type"] == "action")


@pytest.mark.slow
async def test_a_run_against_the_real_server_is_accepted_whole_and_reported(central: ServerProcess) -> None:
    report = await run(Plan(url=central.url, concurrency=3, sessions=4, chunks=3, steps=5, quiet=True))
    outcomes = report["outcomes"]
    assert outcomes["open"] == {"accepted": 4, "rejected": 0, "reasons": {}}
    assert outcomes["chunk"] == {"accepted": 12, "rejected": 0, "reasons": {}}
    assert outcomes["close_envelope"] == {"accepted": 4, "rejected": 0, "reasons": {}}
    send = report["send"]
    assert send["envelopes_acked"] == 12 and send["mb_sent"] > 0 and send["wall_s"] > 0
    assert report["latency_ms"]["chunk"]["n"] == 12
    async with httpx.AsyncClient(base_url=central.url) as client:
        summary = (await client.get("/v1/stats/summary")).json()
    assert summary["totalEnvelopes"] >= 12


async def test_only_loopback_is_a_target() -> None:
    with pytest.raises(SystemExit, match="only loopback"):
        await run(
            Plan(url="http://192.0.2.10:8080", concurrency=1, sessions=1, chunks=1, steps=1, quiet=True)
        )
