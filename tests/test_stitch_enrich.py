"""Stitching orders and de-duplicates a session's steps; enrichment is deterministic."""

from __future__ import annotations

import orjson

from groove_actors.server.enrich import RuleJudge, cognitive_targets, latency_profile
from groove_actors.server.stitch import coordination_steps, stitch
from tests.support.envelopes import ClientSession

NOW = 1_800_000_000.0


def test_steps_are_ordered_by_time_and_exact_repeats_dropped() -> None:
    client = ClientSession(b"k" * 32, session_id="s")
    first = client.chunk_body(4, now=NOW)
    second = client.chunk_body(4, now=NOW + 100)
    close = client.close_body()
    resent = orjson.loads(first)
    resent["attestation"]["sequence"] = 3
    bodies = [
        (0, "chunk", second),
        (1, "chunk", first),
        (2, "chunk", orjson.dumps(resent)),
        (3, "close", close),
    ]
    session = stitch("s", bodies, provider="p", model="m", close_reason="envelope", close_status="SUCCESS")
    assert [s.step for s in session.steps] == list(range(1, 9))
    assert session.duplicates_dropped == 4
    assert session.chunks == 3
    assert session.model == "claude-opus-4-6" and session.provider == "claude-code"
    assert session.tools_used == ("Bash",)
    assert session.step_types == {"thought": 2, "action": 2, "observation": 2, "resolution": 2}
    assert session.client_outcome is not None and session.client_outcome["status"] == "SUCCESS"
    assert session.status == "SUCCESS"


def test_a_session_closed_by_idle_timeout_is_a_crash() -> None:
    client = ClientSession(b"k" * 32, session_id="s")
    session = stitch("s", [(0, "chunk", client.chunk_body(2, now=NOW))], provider="p", model="m",
                     close_reason="idle", close_status="CRASH")  # fmt: skip
    assert session.status == "CRASH"
    assert session.client_outcome is None


def test_coordination_steps_are_listed_for_linking() -> None:
    client = ClientSession(b"k" * 32, session_id="s")
    body = client.chunk_body(3, now=NOW, types=("coordination", "thought"))
    session = stitch("s", [(0, "chunk", body)], provider="p", model="m", close_reason="envelope",
                     close_status=None)  # fmt: skip
    assert coordination_steps(session) == (("coord_0", 1, "outbound"), ("coord_2", 3, "outbound"))


def test_enrichment_targets_latency_and_quality() -> None:
    client = ClientSession(b"k" * 32, session_id="s")
    types = ("thought", "action", "observation", "error", "action", "observation", "correction",
             "coordination", "action", "observation", "resolution")  # fmt: skip
    body = client.chunk_body(len(types), now=NOW, types=types)
    session = stitch("s", [(0, "chunk", body)], provider="p", model="m", close_reason="envelope",
                     close_status=None)  # fmt: skip
    assert cognitive_targets(session.steps) == (
        "strategic", "syntactic", "syntactic", "corrective", "corrective", "corrective", "corrective",
        "coordinative", "corrective", "corrective", "corrective",
    )  # fmt: skip
    profile = latency_profile(session.steps)
    assert profile.think_time_mean_s == 1.5 and profile.tool_latency_mean_s == 1.5 and profile.idle_gaps == 0
    enrichment = RuleJudge().assess(session)
    assert enrichment.quality_criteria == {
        "length": 20.0, "tool_use": 20.0, "resolution": 20.0, "recovery": 15.0, "content": 15.0,
        "tool_diversity": 2.0,
    }  # fmt: skip
    assert enrichment.quality == 92.0
    assert enrichment.model_fingerprint.verdict == "unknown"  # the stream named no model
    assert RuleJudge().assess(session) == enrichment
