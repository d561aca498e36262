"""Fault injection against real server processes: kill -9 under load, a log file cut short, a deleted WAL.

Each case either recovers everything acknowledged or refuses to start with the loss named, and
`groove-central check` (run between the cases, with the server stopped) agrees.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import httpx
import pytest
import trio

from tests.support.client import ingest, open_session
from tests.support.crashes import Run, Tracked, assert_acked_are_stored, send_until_killed
from tests.support.loadgen import NO_LIMITS
from tests.support.server import run_central, start_server

pytestmark = pytest.mark.slow

KILL_CYCLES = 20
SESSIONS_PER_CYCLE = 3
ACKS_BEFORE_KILL = 8
STATS = ("/v1/stats/summary", "/v1/stats/models", "/v1/stats/providers", "/v1/stats/leaderboard?limit=50",
         "/v1/stats/daily?days=3")  # fmt: skip


async def assert_check_agrees(data_dir: Path) -> str:
    checked = await run_central("check", "--data-dir", str(data_dir))
    said = checked.stderr.decode()
    assert checked.returncode == 0, said
    assert "the logs, the catalog and the ledger agree" in said
    return said


async def kill_under_load(data_dir: Path, run: Run) -> None:
    async with start_server(data_dir, *NO_LIMITS) as server, httpx.AsyncClient(base_url=server.url) as http:
        assert_acked_are_stored(data_dir, run)
        run.sessions.extend([Tracked(await open_session(http)) for _ in range(SESSIONS_PER_CYCLE)])
        before = run.acks
        async with trio.open_nursery() as nursery:
            for tracked in run.sessions[-2 * SESSIONS_PER_CYCLE :]:
                nursery.start_soon(partial(send_until_killed, http, tracked, run, steps=5))
            with trio.fail_after(60):
                while run.acks - before < ACKS_BEFORE_KILL:
                    await server.log.wait_for("request", after=len(server.events))
            server.process.kill()
        await server.process.wait()


async def finish_and_read_stats(data_dir: Path, run: Run) -> dict[str, object]:
    """Restart, resend what was in flight, close every open session, wait for every credit; the stats."""
    async with start_server(data_dir, *NO_LIMITS) as server, httpx.AsyncClient(base_url=server.url) as http:
        assert_acked_are_stored(data_dir, run)
        mark, closing = len(server.events), 0
        for tracked in run.sessions:
            if tracked.closed:
                continue
            if tracked.unacked is not None:
                assert (await ingest(http, tracked.unacked)).status_code == 200
                tracked.unacked = None
            close = tracked.client.close_body()
            assert (await ingest(http, close)).status_code == 200
            tracked.acked[tracked.client.sequence - 1] = close
            tracked.closed = True
            closing += 1
        with trio.fail_after(60):
            while sum(e.get("event") == "ledger.credited" for e in server.events[mark:]) < closing:
                await server.log.wait_for("ledger.credited", after=len(server.events))
        return {path: (await http.get(path)).json() for path in STATS}


# httpx leaves a request's body generator unfinished when the server dies mid-request; that is the point here.
@pytest.mark.filterwarnings("ignore:Exception ignored in.*ByteStream:pytest.PytestUnraisableExceptionWarning")
async def test_kill_9_a_cut_log_and_a_deleted_wal(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    run = Run()
    for number in range(KILL_CYCLES):
        await kill_under_load(data_dir, run)
        if number % 5 == 4:
            notes = await assert_check_agrees(data_dir)  # what the next start would replay, if anything
            assert "INCONSISTENT" not in notes
    before = await finish_and_read_stats(data_dir, run)
    await assert_check_agrees(data_dir)
    credited = {t.client.session_id for t in run.sessions}
    assert before["/v1/stats/summary"]["totalSessions"] == len(credited)  # type: ignore[index]

    # A deleted WAL after kill -9: the catalog loses its latest transactions; the logs still hold them.
    async with start_server(data_dir, *NO_LIMITS) as server, httpx.AsyncClient(base_url=server.url) as http:
        fresh = [Tracked(await open_session(http)) for _ in range(4)]
        for tracked in fresh:
            for _ in range(3):
                body = tracked.client.chunk_body(5)
                assert (await ingest(http, body)).status_code == 200
                tracked.acked[tracked.client.sequence - 1] = body
            close = tracked.client.close_body()
            assert (await ingest(http, close)).status_code == 200
            tracked.acked[tracked.client.sequence - 1] = close
            tracked.closed = True
        with trio.fail_after(60):
            while len(server.events_named("ledger.credited")) < len(fresh):
                await server.log.wait_for("ledger.credited", after=len(server.events))
        run.sessions.extend(fresh)
        expected = {path: (await http.get(path)).json() for path in STATS}
        server.process.kill()
        await server.process.wait()
    wal = data_dir / "central.sqlite3-wal"
    assert wal.stat().st_size > 0
    wal.unlink()
    (data_dir / "central.sqlite3-shm").unlink(missing_ok=True)
    async with start_server(data_dir, *NO_LIMITS) as server, httpx.AsyncClient(base_url=server.url) as http:
        behind = server.events_named("store.catalog_behind")
        after = {path: (await http.get(path)).json() for path in STATS}
    assert behind and behind[0]["credits"] == len(fresh) and behind[0]["unplaced"] == 0
    assert after == expected
    assert_acked_are_stored(data_dir, run)
    await assert_check_agrees(data_dir)

    # A log cut into acknowledged records: the server refuses, naming the file and the envelopes.
    segment = sorted((data_dir / "envelopes").iterdir())[-1]
    cut = segment.read_bytes()[-300:]
    segment.write_bytes(segment.read_bytes()[:-300])
    refused = await run_central("serve", "--port", "0", "--data-dir", str(data_dir))
    last = fresh[-1].client.session_id
    assert refused.returncode == 1
    assert f"envelopes/{segment.name} ends at byte".encode() in refused.stderr
    assert f"{last} #3".encode() in refused.stderr
    checked = await run_central("check", "--data-dir", str(data_dir))
    assert checked.returncode == 1 and b"INCONSISTENT: lost:" in checked.stderr
    assert f"{last} #3".encode() in checked.stderr
    segment.write_bytes(segment.read_bytes() + cut)  # put the bytes back, as a restore of the file would
    await assert_check_agrees(data_dir)
    async with start_server(data_dir, *NO_LIMITS) as server, httpx.AsyncClient(base_url=server.url) as http:
        assert {path: (await http.get(path)).json() for path in STATS} == expected
