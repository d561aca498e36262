"""Refused envelopes come back: an authentic chunk refused for its schema leaves a visible gap, the rest of the
session is credited, and `groove-central requeue` after the rule is relaxed takes the chunk exactly once."""

from __future__ import annotations

import sqlite3
from importlib import resources
from pathlib import Path

import httpx
import orjson
import pytest

from tests.support.client import ingest, open_session
from tests.support.loadgen import NO_LIMITS
from tests.support.server import run_central, start_server

pytestmark = pytest.mark.slow


def credits(data_dir: Path) -> list[tuple[int, int, float]]:
    with sqlite3.connect(data_dir / "central.sqlite3") as conn:
        return conn.execute("SELECT revision, steps, points FROM credits ORDER BY id").fetchall()


async def test_a_refused_chunk_leaves_a_gap_and_requeue_takes_it_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    async with start_server(data, *NO_LIMITS) as server, httpx.AsyncClient(base_url=server.url) as http:
        session = await open_session(http)
        first = await ingest(http, session.chunk_body(3, types=("thought", "action", "observation")))
        refused = await ingest(http, session.chunk_body(3, types=("thought", "handoff", "resolution")))
        third = await ingest(http, session.chunk_body(3, types=("thought", "action", "observation")))
        close = await ingest(http, session.close_body())
        stitched = await server.log.wait_for("ledger.credited")
        before = (await http.get("/v1/stats/summary")).json()
    assert (first.status_code, refused.status_code, third.status_code, close.status_code) == (
        200,
        422,
        200,
        200,
    )
    assert refused.json()["quarantined"] is True
    assert any("trajectory_log[1].type" in d for d in refused.json()["details"])
    assert credits(data) == [(0, 6, stitched["points"])]
    assert (before["totalSteps"], before["totalEnvelopes"]) == (6, 3)
    (segment,) = sorted((data / "trajectories").iterdir())
    assert orjson.loads(segment.read_bytes())["gaps"][0]["sequence"] == 1

    # A newer client's step type is admitted by the policy: what was refused for it comes in, once.
    policy = tmp_path / "policy.toml"
    text = resources.files("groove_actors.protocol").joinpath("scoring_policy.toml").read_text("utf-8")
    policy.write_text(text.replace("[steps]\n", '[steps]\nextra_types = ["handoff"]\n'))
    requeued = await run_central("requeue", "--data-dir", str(data), "--policy", str(policy))
    again = await run_central("requeue", "--data-dir", str(data), "--policy", str(policy))
    assert requeued.returncode == 0 and f"taken: {session.session_id} #1".encode() in requeued.stderr
    assert requeued.stderr.decode().splitlines()[-1] == "groove-central requeue: 1 taken, 0 still refused"
    assert again.returncode == 0 and b"taken:" not in again.stderr
    assert again.stderr.decode().splitlines()[-1] == "groove-central requeue: nothing refused to check"
    async with (
        start_server(data, *NO_LIMITS, "--policy", str(policy)) as server,
        httpx.AsyncClient(base_url=server.url) as http,
    ):
        adjusted = await server.log.wait_for("ledger.credited")
        after = (await http.get("/v1/stats/summary")).json()
        board = (await http.get("/v1/stats/leaderboard")).json()
    (original, adjustment) = credits(data)
    assert (original[:2], adjustment[:2]) == ((0, 6), (1, 3))
    assert adjustment[2] == adjusted["points"] and adjustment[2] > 0
    assert (after["totalSteps"], after["totalEnvelopes"], after["totalSessions"]) == (9, 4, 1)
    assert after["totalPointsAwarded"] == round(original[2] + adjustment[2], 2)
    assert board[0]["total_sessions"] == 1 and board[0]["total_points"] == after["totalPointsAwarded"]
    checked = await run_central("check", "--data-dir", str(data))
    assert checked.returncode == 0, checked.stderr


async def test_requeue_always_ends_with_a_summary_and_a_busy_data_dir_is_named(tmp_path: Path) -> None:
    data = tmp_path / "data"
    async with start_server(data, *NO_LIMITS) as server, httpx.AsyncClient(base_url=server.url) as http:
        session = await open_session(http)
        refused = await ingest(http, session.chunk_body(3, types=("thought", "handoff", "resolution")))
        assert refused.status_code == 422
        busy = [
            await run_central(command, "--data-dir", str(data)) for command in ("check", "rebuild", "requeue")
        ]
    for command, result in zip(("check", "rebuild", "requeue"), busy, strict=True):
        said = result.stderr.decode()
        assert result.returncode == 1, said
        assert said == (
            f"groove-central {command}: {data} is in use by another groove-central process (a running"
            " server?); stop it first\n"
        )
    still = await run_central("requeue", "--data-dir", str(data))
    assert still.returncode == 0, still.stderr
    *_, refusal, summary = still.stderr.decode().splitlines()
    assert refusal.startswith(f"groove-central requeue: still refused: {session.session_id} #0: "), refusal
    assert summary == "groove-central requeue: 0 taken, 1 still refused"
    elsewhere = await run_central("requeue", "--data-dir", str(data), "--session", "sess_none")
    assert elsewhere.returncode == 0
    assert elsewhere.stderr.decode().splitlines() == ["groove-central requeue: nothing refused to check"]
