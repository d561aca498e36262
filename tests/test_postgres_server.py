"""Central Command on the PostgreSQL store, as an operator runs it: real `groove-central serve --store
postgresql://...` processes on loopback, spoken to over HTTP, sharing one database of the test's own.

One process: a session's envelopes are taken, a retry is a duplicate, the session is credited once and the
stats say so. Two processes on one database: a session opened on one and continued alternately on both keeps
one sequence (a sequence already taken, sent with other bytes, is refused with 409), is credited once with
everything, and both processes' stats agree.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Iterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import psycopg
import pytest
import trio

from groove_actors.store.postgres import bodies
from tests.support.client import ingest, open_session
from tests.support.server import ServerProcess, run_central, start_server
from tests.test_store_contract import scratch_database

pytestmark = pytest.mark.slow

CREDIT_DEADLINE_S = 60.0
STATS_DEADLINE_S = 20.0  # each process reads the shared counters again every second


@pytest.fixture
def database() -> Iterator[str]:
    with scratch_database() as url:
        yield url


async def credited(*servers: ServerProcess, session_id: str) -> dict[str, Any]:
    """The `ledger.credited` event of a session, from whichever server logs it first."""
    found: list[dict[str, Any]] = []
    with trio.fail_after(CREDIT_DEADLINE_S):
        async with trio.open_nursery() as nursery:

            async def watch(server: ServerProcess) -> None:
                found.append(await server.log.wait_for_session("ledger.credited", session_id))
                nursery.cancel_scope.cancel()

            for server in servers:
                nursery.start_soon(watch, server)
    return found[0]


async def _append(into: list[httpx.Response], answer: Awaitable[httpx.Response]) -> None:
    into.append(await answer)


def rows(database: str, query: str, *args: object) -> list[tuple[Any, ...]]:
    with psycopg.connect(database) as conn:
        return conn.execute(query.encode(), args).fetchall()


async def test_a_session_over_http_is_stored_as_received_and_credited_once(
    tmp_path: Path, database: str
) -> None:
    async with (
        start_server(tmp_path / "data", "--store", database) as central,
        httpx.AsyncClient(base_url=central.url) as http,
    ):
        session = await open_session(http)
        sent = [session.chunk_body(20) for _ in range(3)]
        for body in sent:
            response = await ingest(http, body)
            assert response.status_code == 200 and response.json()["accepted"] is True, response.text
        again = await ingest(http, sent[1])
        assert again.status_code == 200 and again.json()["duplicate"] is True
        close = await ingest(http, session.close_body())
        assert close.status_code == 200, close.text
        event = await credited(central, session_id=session.session_id)
        summary = (await http.get("/v1/stats/summary")).json()
        board = (await http.get("/v1/stats/leaderboard")).json()
    assert (summary["totalEnvelopes"], summary["totalSteps"], summary["totalSessions"]) == (4, 60, 1)
    assert summary["activeSessions"] == 0 and summary["totalPointsAwarded"] == round(
        float(event["points"]), 2
    )
    assert len(board) == 1 and board[0]["contributor_id"] == session.contributor_id[:8] + "..."
    assert rows(database, "SELECT COUNT(*) FROM credits WHERE session_id = %s", session.session_id) == [(1,)]
    stored = rows(
        database,
        "SELECT b.encoding, b.body FROM envelopes e JOIN envelope_bodies b USING (session_id, sequence, day)"
        " WHERE e.session_id = %s AND e.kind = 'chunk' ORDER BY e.sequence",
        session.session_id,
    )
    assert [bodies.unpack(encoding, bytes(body)) for encoding, body in stored] == sent  # as received
    assert not (tmp_path / "data").exists()  # nothing on disk: the database holds it all


async def test_two_processes_on_one_database_share_a_session_and_credit_it_once(
    tmp_path: Path, database: str
) -> None:
    async with (
        start_server(tmp_path / "a", "--store", database) as first,
        start_server(tmp_path / "b", "--store", database) as second,
        httpx.AsyncClient(base_url=first.url) as a,
        httpx.AsyncClient(base_url=second.url) as b,
    ):
        session = await open_session(a)
        chunks = [session.chunk_body(10) for _ in range(6)]
        both: list[httpx.Response] = []
        async with trio.open_nursery() as nursery:  # the first to both processes at once: taken once
            for client in (a, b):
                nursery.start_soon(lambda client: _append(both, ingest(client, chunks[0])), client)
        assert [(r.status_code, r.json()["accepted"]) for r in both] == [(200, True), (200, True)]
        for sequence, body in enumerate(chunks[1:], start=1):  # b, a, b, ...: each takes the next in turn
            response = await ingest((a, b)[sequence % 2], body)
            assert response.status_code == 200 and response.json()["accepted"] is True, (
                sequence,
                response.text,
            )
        retry = await ingest(
            a, chunks[1]
        )  # stored by the other process: the same bytes are taken again, once
        assert retry.status_code == 200 and retry.json()["accepted"] is True
        session.sequence = 4  # sequence 4 is taken (by the first process): other bytes under it are refused
        conflict = await ingest(b, session.chunk_body(3))
        assert conflict.status_code == 409, conflict.text
        session.sequence = 6
        close = await ingest(b, session.close_body())
        assert close.status_code == 200, close.text
        event = await credited(first, second, session_id=session.session_id)
        with trio.fail_after(STATS_DEADLINE_S):
            while True:  # the other process's counters catch up within its refresh period
                answers = [(await client.get("/v1/stats/summary")).json() for client in (a, b)]
                if answers[0] == answers[1] and answers[0]["totalPointsAwarded"] > 0:
                    break
                await trio.sleep(0.2)
    assert (answers[0]["totalEnvelopes"], answers[0]["totalSteps"], answers[0]["totalSessions"]) == (7, 60, 1)
    assert answers[0]["activeSessions"] == 0
    ((steps, trajectory),) = rows(
        database, "SELECT steps, trajectory FROM credits WHERE session_id = %s", session.session_id
    )  # one credit
    assert steps == 60
    assert float(event["points"]) > 0
    assert len(orjson.loads(bytes(trajectory))["trajectory_log"]) == 60  # everything, from both processes


async def test_a_store_that_cannot_be_reached_or_named_is_said_in_one_line_without_its_password() -> None:
    password = secrets.token_urlsafe(12)
    unreachable = await run_central(
        "serve", "--port", "0", "--store", f"postgresql://groove:{password}@127.0.0.1:1/groove"
    )
    said = unreachable.stderr.decode()
    assert unreachable.returncode == 1
    assert "cannot serve: cannot connect to PostgreSQL at postgresql://groove@127.0.0.1:1/groove" in said
    assert password not in said
    misnamed = await run_central("serve", "--store", f"mysql://groove:{password}@127.0.0.1/groove")
    assert misnamed.returncode == 2 and "--store" in misnamed.stderr.decode()
    assert password not in misnamed.stderr.decode()
