"""The real JavaScript client against the real server: all envelopes accepted, each session credited once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
import pytest
import trio

from tests.support.loadgen import NO_LIMITS, needs_loadgen, run_loadgen
from tests.support.server import start_server

pytestmark = pytest.mark.slow

SESSIONS, CHUNKS, STEPS = 6, 3, 20


def ledger(data_dir: Path) -> tuple[int, int, int, float]:
    """(closed sessions, credits, pending credits, points) read straight from the catalog file."""
    with sqlite3.connect(data_dir / "central.sqlite3") as conn:
        closed = conn.execute("SELECT COUNT(*) FROM sessions WHERE status = 'closed'").fetchone()[0]
        credits, points = conn.execute("SELECT COUNT(*), COALESCE(SUM(points), 0) FROM credits").fetchone()
        pending = conn.execute("SELECT COUNT(*) FROM pending_credits").fetchone()[0]
    return closed, credits, pending, points


@needs_loadgen
@pytest.mark.parametrize("close", ["envelope", "both", "race"])
async def test_loadgen_sessions_are_stored_stitched_and_credited_once(tmp_path: Path, close: str) -> None:
    async with start_server(tmp_path / "data", *NO_LIMITS) as server:
        result = await run_loadgen(
            server.url, "ingest", "--concurrency", "3", "--sessions", str(SESSIONS), "--chunks", str(CHUNKS),
            "--steps", str(STEPS), "--close", close, out=tmp_path / "result.json",
        )  # fmt: skip
        outcomes = result["outcomes"]
        assert outcomes["open"]["accepted"] == SESSIONS
        # In race mode the last chunk of each session is sent with the close, and counted on its own.
        last_chunks = outcomes.get("race_last_chunk", {"accepted": 0, "rejected": 0})
        assert outcomes["chunk"]["rejected"] == last_chunks["rejected"] == 0, outcomes
        assert outcomes["chunk"]["accepted"] + last_chunks["accepted"] == SESSIONS * CHUNKS
        assert outcomes["close_envelope"] == {"accepted": SESSIONS, "rejected": 0, "reasons": {}}
        if close in ("both", "race"):
            assert outcomes["close_endpoint"]["rejected"] == 0
        with trio.fail_after(30):
            while len(server.events_named("ledger.credited")) < SESSIONS:
                await server.log.wait_for("ledger.credited", after=len(server.events))
        async with httpx.AsyncClient(base_url=server.url) as http:
            summary = (await http.get("/v1/stats/summary")).json()
            models = (await http.get("/v1/stats/models")).json()
    closed, credits, pending, points = ledger(tmp_path / "data")
    assert (closed, credits, pending) == (SESSIONS, SESSIONS, 0)
    assert summary["totalEnvelopes"] == SESSIONS * (CHUNKS + 1)
    assert summary["totalSteps"] == SESSIONS * CHUNKS * STEPS
    assert summary["totalSessions"] == summary["uniqueContributors"] == SESSIONS
    assert summary["activeSessions"] == 0
    assert summary["totalPointsAwarded"] == pytest.approx(points, abs=0.01)
    assert sum(m["sessions"] for m in models.values()) == SESSIONS
    assert sum(m["steps"] for m in models.values()) == SESSIONS * CHUNKS * STEPS
