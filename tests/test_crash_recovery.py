"""kill -9 of the server while clients send, over several cycles: nothing acknowledged is lost, nothing is
credited twice, and every closed session is credited once after restart."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
import pytest
import trio

from tests.support.client import ingest, open_session
from tests.support.crashes import Run, Tracked, assert_acked_are_stored, send_until_killed
from tests.support.loadgen import NO_LIMITS, needs_loadgen, run_loadgen
from tests.support.server import ServerProcess, start_server

pytestmark = pytest.mark.slow

CYCLES = 3
OWN_SESSIONS = 3
LOADGEN_ACKS_BEFORE_KILL = 20


def ingest_acks(server: ServerProcess) -> int:
    return sum(1 for e in server.events if e.get("path") == "/v1/training/ingest" and e.get("status") == 200)


async def cycle(data_dir: Path, run: Run, tmp_path: Path, number: int) -> None:
    async with start_server(data_dir, *NO_LIMITS) as server, httpx.AsyncClient(base_url=server.url) as http:
        assert_acked_are_stored(data_dir, run)
        run.sessions.extend([Tracked(await open_session(http)) for _ in range(OWN_SESSIONS)])
        before = run.acks
        async with trio.open_nursery() as nursery:
            nursery.start_soon(
                lambda: run_loadgen(
                    server.url, "ingest", "--concurrency", "4", "--chunks", "40", "--steps", "20",
                    "--max-seconds", "60", out=tmp_path / f"loadgen-{number}.json",
                )
            )  # fmt: skip
            for tracked in run.sessions:
                if not tracked.closed:
                    nursery.start_soon(send_until_killed, http, tracked, run)
            with trio.fail_after(60):
                # Kill once the loadgen is sending too (the server counts its acks and ours).
                while (own := run.acks - before) < 5 or ingest_acks(server) < own + LOADGEN_ACKS_BEFORE_KILL:
                    await server.log.wait_for("request", after=len(server.events))
            server.process.kill()
        await server.process.wait()


async def finish(data_dir: Path, run: Run) -> None:
    """Restart, resend what was in flight, close every session and wait until every credit is written."""
    async with start_server(data_dir, *NO_LIMITS) as server, httpx.AsyncClient(base_url=server.url) as http:
        assert_acked_are_stored(data_dir, run)
        for tracked in run.sessions:
            if tracked.unacked is not None:
                response = await ingest(http, tracked.unacked)
                assert response.status_code == 200, response.text
            response = await ingest(http, tracked.client.close_body())
            assert response.status_code == 200, response.text
        mark = len(server.events)
        with trio.fail_after(60):
            await server.log.wait_for("credits.idle", after=mark)


# httpx leaves a request's body generator unfinished when the server dies mid-request; that is the point here.
@pytest.mark.filterwarnings("ignore:Exception ignored in.*ByteStream:pytest.PytestUnraisableExceptionWarning")
@needs_loadgen
async def test_kill_9_while_sending_loses_nothing_acknowledged(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    run = Run()
    for number in range(CYCLES):
        await cycle(data_dir, run, tmp_path, number)
    await finish(data_dir, run)
    assert run.acks >= CYCLES * 5
    with sqlite3.connect(data_dir / "central.sqlite3") as conn:
        own = [t.client.session_id for t in run.sessions]
        marks = ",".join("?" for _ in own)
        per_session = dict(
            conn.execute(
                f"SELECT session_id, COUNT(*) FROM credits WHERE session_id IN ({marks}) GROUP BY 1", own
            )
        )
        closed = conn.execute("SELECT COUNT(*) FROM sessions WHERE status = 'closed'").fetchone()[0]
        credits = conn.execute("SELECT COUNT(*) FROM credits").fetchone()[0]
        pending = conn.execute("SELECT COUNT(*) FROM pending_credits").fetchone()[0]
        steps = dict(
            conn.execute(f"SELECT session_id, steps FROM credits WHERE session_id IN ({marks})", own)
        )
    assert per_session == {sid: 1 for sid in own}
    assert (closed, pending) == (credits, 0)
    for tracked in run.sessions:
        assert steps[tracked.client.session_id] == tracked.client.step - 1
