"""The PostgreSQL store when things fail: the database goes away, a commit's connection dies during COMMIT, a
process is killed with SIGKILL. Nothing acknowledged is lost, nothing is credited twice, the server recovers
by itself.

The store's answers are held on a real database (a schema of the test's own); the rest with real
`groove-central serve --store postgresql://...` processes on loopback, whose database connections the test
terminates (pg_terminate_backend), refuses for a while (ALTER DATABASE ... ALLOW_CONNECTIONS false), or cuts
right after a COMMIT went through (a TCP relay between server and database).
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
import httpx
import orjson
import psycopg
import pytest
import trio
from psycopg import errors, sql
from psycopg_pool import PoolTimeout

from groove_actors.protocol import ecdh
from groove_actors.store.contract import CommitUnknown, StoreDown
from groove_actors.store.embedded import Done, OpenSession, Operation, RequestClose, StoreEnvelope
from groove_actors.store.postgres import bodies
from groove_actors.store.postgres.serving import LEASE_FOR_TESTS
from groove_actors.store.postgres.store import FAILED_OPERATION, unavailable
from tests.support.client import ingest, open_request, open_session
from tests.support.envelopes import ClientSession
from tests.support.server import ServerProcess, start_server
from tests.test_store_contract import (
    ADMIN_URL,
    NOW,
    a_session,
    credit,
    new_session,
    postgres_store,
    record,
    scratch_database,
    scratch_schema,
)

DEADLINE_S = 90.0
UNLIMITED = ("--rate-per-minute", "0", "--rate-per-hour", "0")  # the load comes from one address
POLL_S = 0.05  # between two looks at an observable condition, always under a deadline
# The acknowledgements of a few envelopes while a credit waits on a lock: many times what they take on a loaded
# machine, and far less than the lock is held when they wait on the credit (until the test's deadline).
ACKS_WHILE_LOCKED_S = 30.0


@pytest.fixture
def database() -> Iterator[str]:
    with scratch_database() as url:
        yield url


def rows(url: str, query: str, *args: object) -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute(query.encode(), args).fetchall()


@contextmanager
def admin() -> Iterator[psycopg.Connection[Any]]:
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        yield conn


def allow_connections(url: str, allowed: bool) -> None:
    name = url.rsplit("/", 1)[1]
    with admin() as conn:
        conn.execute(
            sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS {}").format(
                sql.Identifier(name), sql.Literal(allowed)
            )
        )


def terminate_backends(url: str, where: str = "TRUE") -> int:
    """Terminate the database's server processes (as an operator or a failover would); how many."""
    name = url.rsplit("/", 1)[1]
    with admin() as conn:
        found = conn.execute(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND {where}".encode(),
            (name,),
        ).fetchall()
    return len(found)


# --- the store: what an error means, and a COMMIT whose outcome is unknown -----------------------------------


def test_an_outage_is_told_from_a_fault_in_the_batch() -> None:
    """Outages are answered 503 with a Retry-After (longer for a full disk); a refused value is no outage."""
    outages = [
        PoolTimeout("no connection"),
        errors.AdminShutdown("terminating connection"),
        psycopg.OperationalError("server closed the connection unexpectedly"),
        errors.DiskFull("could not extend file"),
        errors.TooManyConnections("too many clients"),
        errors.ReadOnlySqlTransaction("read-only"),
        errors.SerializationFailure("could not serialize"),
        errors.DeadlockDetected("deadlock"),
    ]
    said = [unavailable(exc) for exc in outages]
    assert all(isinstance(down, StoreDown) for down in said)
    assert [d.retry_after_s for d in said if d is not None and "disk" in d.reason] == [60.0]
    faults = [errors.UniqueViolation("dup"), errors.NotNullViolation("null"), psycopg.DataError("NUL")]
    assert [unavailable(exc) for exc in faults] == [None, None, None]


async def test_a_commit_whose_connection_dies_during_commit_is_resolved_by_asking_the_database(
    tmp_path: Path,
) -> None:
    with scratch_database() as database, scratch_schema(database) as url:
        store = postgres_store(url)
        try:
            with psycopg.connect(url, autocommit=True) as conn:  # at COMMIT, the session's own backend dies
                conn.execute(
                    "CREATE FUNCTION doom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    " PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(5); RETURN NULL; END $$;"
                    " CREATE CONSTRAINT TRIGGER doomed AFTER INSERT ON sessions DEFERRABLE INITIALLY DEFERRED"
                    " FOR EACH ROW WHEN (new.session_id = 'doomed') EXECUTE FUNCTION doom()"
                )
            with pytest.raises(CommitUnknown) as caught:
                store.commit([OpenSession(new_session("doomed"), 0)], at=1_795_600_000.0)
            unknown = caught.value
            assert unknown.outcomes == [Done()]  # what it answers if it is in
            with trio.fail_after(DEADLINE_S):
                while True:  # the dead backend may still be finishing its transaction
                    committed = await trio.to_thread.run_sync(unknown.resolve)
                    if committed is not None:
                        break
                    await trio.sleep(POLL_S)
            assert committed is False
            assert rows(url, "SELECT COUNT(*) FROM sessions WHERE session_id = 'doomed'") == [(0,)]

            with psycopg.connect(url) as conn:  # a transaction that did commit, and one still running
                done = conn.execute("SELECT pg_current_xact_id()::text").fetchone()
                conn.commit()
                running = conn.execute("SELECT pg_current_xact_id()::text").fetchone()
                assert done is not None and running is not None
                assert store.committed(str(done[0])) is True
                assert store.committed(str(running[0])) is None
                conn.rollback()
                assert store.committed(str(running[0])) is False
        finally:
            store.close()


async def test_a_value_the_database_refuses_fails_its_operation_alone(tmp_path: Path) -> None:
    with scratch_database() as database, scratch_schema(database) as url:
        store = postgres_store(url)
        try:
            bad = attrs.evolve(record("s1", 1), envelope_id="env\x00")  # text PostgreSQL cannot hold
            outcomes = store.commit(
                [OpenSession(new_session("s1"), 0), StoreEnvelope(record("s1", 0)), StoreEnvelope(bad)],
                at=1_795_600_000.0,
            )
            assert outcomes[2] == FAILED_OPERATION
            assert all(isinstance(o, Done) for o in outcomes[:2])
            assert rows(url, "SELECT sequence FROM envelopes WHERE session_id = 's1'") == [(0,)]
        finally:
            store.close()


async def test_a_credit_waits_for_a_lock_only_so_long_and_the_rest_of_its_batch_as_ever() -> None:
    """A credit that waits on a lock past its bound is refused as the database being busy, nothing of it in (its
    mark stays, to be credited later, once); what follows it in its transaction waits on locks as before."""
    with scratch_database() as database, scratch_schema(database) as url:
        store = postgres_store(url)
        store.credit_lock_wait_s = 0.2
        try:
            opened = [OpenSession(new_session(sid), 0) for sid in ("s1", "s2")]
            assert all(isinstance(o, Done) for o in store.commit([*opened, *a_session("s1")], at=NOW))
            with psycopg.connect(url) as hold:
                hold.execute("LOCK TABLE credits IN EXCLUSIVE MODE")
                with pytest.raises(StoreDown) as down, trio.fail_after(DEADLINE_S):
                    await trio.to_thread.run_sync(
                        lambda: store.commit([credit("s1")], at=NOW), abandon_on_cancel=True
                    )
                assert rows(url, "SELECT session_id FROM pending_credits") == [("s1",)]
                assert rows(url, "SELECT COUNT(*) FROM credits") == [(0,)]
                assert rows(url, "SELECT COUNT(*) FROM balances") == [(0,)]
            assert down.value.reason == "the database is busy"
            assert store.commit([credit("s1")], at=NOW) == [Done(True)]
            assert store.commit([credit("s1")], at=NOW) == [Done(False)]  # credited once
            assert rows(url, "SELECT session_id FROM pending_credits") == []

            async def waits_past_the_credits_bound() -> bool:
                found = await trio.to_thread.run_sync(
                    rows,
                    url,
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                    " AND wait_event_type = 'Lock' AND clock_timestamp() - query_start > interval '1 second'",
                )
                return bool(found[0][0])

            with psycopg.connect(url) as hold:  # after a credit, the batch's next operation waits on this row
                hold.execute("SELECT 1 FROM sessions WHERE session_id = 's2' FOR UPDATE")
                outcomes: list[list[Any]] = []
                async with trio.open_nursery() as nursery:

                    async def commit() -> None:
                        batch: list[Operation] = [credit("s1", revision=1), RequestClose("s2", NOW)]
                        outcomes.append(await trio.to_thread.run_sync(lambda: store.commit(batch, at=NOW)))

                    nursery.start_soon(commit)
                    await until(waits_past_the_credits_bound)
                    hold.rollback()
            assert outcomes == [[Done(True), Done()]]
        finally:
            store.close()


# --- servers on a database that goes away ---------------------------------------------------------------------


@attrs.define(eq=False)
class Load:
    """Clients that send each of their session's chunks until it is acknowledged, as the capture client does:
    on a 503 they come back (its Retry-After must be there), on a dead process they go to another."""

    acked: dict[str, list[bytes]] = attrs.Factory(dict)
    statuses: list[int] = attrs.Factory(list)
    unavailable: int = 0
    missing_retry_after: int = 0
    duplicates: int = 0
    progress: trio.Event = attrs.Factory(trio.Event)

    async def send(self, clients: list[httpx.AsyncClient], body: bytes, session_id: str, turn: int) -> None:
        with trio.fail_after(DEADLINE_S):
            while True:
                client = clients[turn % len(clients)]
                try:
                    response = await ingest(client, body)
                except httpx.TransportError:  # that process is gone: the next one
                    turn += 1
                    continue
                self.statuses.append(response.status_code)
                if response.status_code == 200:
                    assert response.json()["accepted"] is True, response.text
                    self.duplicates += bool(response.json().get("duplicate"))
                    self.acked.setdefault(session_id, []).append(body)
                    self.progress.set()
                    self.progress = trio.Event()
                    return
                assert response.status_code == 503, response.text
                self.unavailable += 1
                self.missing_retry_after += "retry-after" not in response.headers
                await trio.sleep(POLL_S)

    async def session(
        self, clients: list[httpx.AsyncClient], session: ClientSession, chunks: int, *, close: bool = True
    ) -> None:
        for turn in range(chunks):
            await self.send(clients, session.chunk_body(5), session.session_id, turn)
        if close:
            await self.send(clients, session.close_body(), session.session_id, chunks)

    async def wait_acked(self, count: int) -> None:
        with trio.fail_after(DEADLINE_S):
            while sum(map(len, self.acked.values())) < count:
                await self.progress.wait()


async def ready(http: httpx.AsyncClient) -> tuple[int, list[str]]:
    response = await http.get("/ready")
    return response.status_code, response.json().get("waiting_for", [])


async def until(condition: Any, *args: Any) -> Any:
    """Look again until `condition(*args)` (awaited) is true, within the deadline; its last answer."""
    with trio.fail_after(DEADLINE_S):
        while True:
            answer = await condition(*args)
            if answer:
                return answer
            await trio.sleep(POLL_S)


def stored_bodies(url: str, session_id: str) -> list[bytes]:
    found = rows(
        url,
        "SELECT b.encoding, b.body FROM envelopes e JOIN envelope_bodies b USING (session_id, sequence, day)"
        " WHERE e.session_id = %s ORDER BY e.sequence",
        session_id,
    )
    return [bodies.unpack(encoding, bytes(body)) for encoding, body in found]


def credits_of(url: str, session_ids: list[str]) -> dict[str, int]:
    found = rows(
        url,
        "SELECT session_id, COUNT(*) FROM credits WHERE session_id = ANY(%s) GROUP BY session_id",
        session_ids,
    )
    return {str(sid): int(n) for sid, n in found}


def assert_each_ack_stored_once_and_credited_once(
    url: str, load: Load, sessions: list[ClientSession]
) -> None:
    for session in sessions:
        # exactly what was acknowledged, once each, in sequence order (the key holds one body per sequence)
        assert stored_bodies(url, session.session_id) == load.acked[session.session_id]
    ids = [s.session_id for s in sessions]
    assert credits_of(url, ids) == {sid: 1 for sid in ids}
    steps = rows(url, "SELECT session_id, steps FROM credits WHERE session_id = ANY(%s)", ids)
    assert {sid: n for sid, n in steps} == {s.session_id: s.step - 1 for s in sessions}
    paid = rows(url, "SELECT contributor_id, total_sessions FROM balances")  # each contributor paid once
    assert sorted(paid) == sorted((s.contributor_id, 1) for s in sessions)
    counted = rows(
        url,
        "SELECT name, SUM(value) FROM totals WHERE name IN ('credits', 'envelopes') GROUP BY name ORDER BY name",
    )
    assert counted == [("credits", len(sessions)), ("envelopes", sum(map(len, load.acked.values())))]


async def all_credited(url: str, session_ids: list[str]) -> bool:
    return len(await trio.to_thread.run_sync(credits_of, url, session_ids)) == len(session_ids)


@pytest.mark.slow
async def test_a_lost_database_is_answered_503_with_retry_after_and_the_server_recovers_by_itself(
    tmp_path: Path, database: str
) -> None:
    token = secrets.token_urlsafe(24)
    (tmp_path / "admin-token").write_text(token)
    admin_args = ("--admin-token-file", str(tmp_path / "admin-token"))
    async with (
        start_server(tmp_path / "data", "--store", database, *UNLIMITED, *admin_args) as central,
        httpx.AsyncClient(base_url=central.url, timeout=DEADLINE_S) as http,
    ):
        sessions = [await open_session(http) for _ in range(4)]
        late = await open_session(http)  # its verifier starts during the outage
        load = Load()
        async with trio.open_nursery() as nursery:
            for session in sessions:
                nursery.start_soon(load.session, [http], session, 25)
            await load.wait_acked(8)
            allow_connections(database, False)  # the pool cannot reconnect for a while
            try:
                assert terminate_backends(database) > 0
                down = await until(lambda: _not_ready(http))
                assert "database" in down
                await until(lambda: _saw(load))  # clients are told to come back
                first = late.chunk_body(5)
                refused = [await ingest(http, first), await http.post("/v1/sessions/open", json={})]
                opening = await http.post(
                    "/v1/sessions/open", json=open_request("sess_during_outage", _public_key())
                )
                reads = [await http.get(path) for path in ("/v1/ledger/roots", "/v1/stats/leaderboard")]
                scrape = await http.get("/metrics", headers={"Authorization": f"Bearer {token}"})
            finally:
                allow_connections(database, True)
        assert await until(lambda: _ready(http))
        await load.send([http], first, late.session_id, 0)
        await load.session([http], late, 1)
        sessions.append(late)
        await until(all_credited, database, [s.session_id for s in sessions])
    assert [r.status_code for r in refused] == [503, 400] and "retry-after" in refused[0].headers
    assert opening.status_code == 503 and "retry-after" in opening.headers
    assert [r.status_code for r in reads] == [503, 503] and all("retry-after" in r.headers for r in reads)
    assert scrape.status_code == 200 and b"groove_active_sessions" in scrape.content
    assert load.unavailable > 0 and load.missing_retry_after == 0
    assert set(load.statuses) == {200, 503}  # never a 500
    assert_each_ack_stored_once_and_credited_once(database, load, sessions)
    assert len(central.events_named("store.unavailable")) == 1
    assert len(central.events_named("store.recovered")) == 1
    assert not central.events_named("credit.failed")
    assert not central.events_named("verifier.failed")
    assert not central.events_named("raw")  # every line JSON: the driver's pool says nothing of its own


def _public_key() -> str:
    return ecdh.generate_key_pair().public_b64


async def _not_ready(http: httpx.AsyncClient) -> list[str] | None:
    status, waiting_for = await ready(http)
    return waiting_for if status == 503 else None


async def _ready(http: httpx.AsyncClient) -> bool:
    return (await ready(http))[0] == 200


async def _saw(load: Load) -> bool:
    return load.unavailable > 0


@pytest.mark.slow
async def test_connections_killed_again_and_again_under_load_lose_nothing_acknowledged(
    tmp_path: Path, database: str
) -> None:
    """Backends killed while batches commit (some during COMMIT): every answer is 200 or 503."""
    async with (
        start_server(tmp_path / "data", "--store", database, *UNLIMITED) as central,
        httpx.AsyncClient(base_url=central.url, timeout=DEADLINE_S) as http,
    ):
        sessions = [await open_session(http) for _ in range(6)]
        load = Load()
        async with trio.open_nursery() as nursery:
            for session in sessions:
                nursery.start_soon(load.session, [http], session, 30)
            for kills in range(1, 6):
                await load.wait_acked(kills * 25)
                terminate_backends(database)
        await until(all_credited, database, [s.session_id for s in sessions])
    assert set(load.statuses) <= {200, 503} and load.missing_retry_after == 0
    assert_each_ack_stored_once_and_credited_once(database, load, sessions)
    assert not central.events_named("credit.failed")


# --- a lock on the ledger ----------------------------------------------------------------------------------


def credit_waiting_on_a_lock(url: str) -> bool:
    """Whether a transaction of the database waits for a lock on `credits` (a credit being written)."""
    found = rows(
        url,
        "SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND relation = 'credits'::regclass"
        " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
    )
    return bool(found[0][0])


async def a_credit_waits(url: str) -> bool:
    return await trio.to_thread.run_sync(credit_waiting_on_a_lock, url)


@pytest.mark.slow
async def test_ingest_is_acknowledged_while_a_credit_waits_on_a_lock_on_credits(
    tmp_path: Path, database: str
) -> None:
    """An operator's lock on `credits` holds back crediting, never the acknowledgement of other envelopes."""
    async with (
        start_server(tmp_path / "data", "--store", database, *UNLIMITED) as central,
        httpx.AsyncClient(base_url=central.url, timeout=DEADLINE_S) as http,
    ):
        closed, going_on = await open_session(http), await open_session(http)
        load = Load()
        await load.session([http], going_on, 1, close=False)
        with psycopg.connect(database) as hold:
            hold.execute("LOCK TABLE credits IN EXCLUSIVE MODE")  # as an operator's copy of the ledger would
            await load.session([http], closed, 2)
            await until(a_credit_waits, database)  # crediting has begun and waits on the lock
            with trio.fail_after(ACKS_WHILE_LOCKED_S):
                await load.session([http], going_on, 3)  # chunks and a close, after those before them
                late = await open_session(http)  # a session opened meanwhile, written and closed
                await load.session([http], late, 2)
                readiness = await ready(http)
            credited_meanwhile = credits_of(database, [closed.session_id, going_on.session_id])
            hold.rollback()
        sessions = [closed, going_on, late]
        await until(all_credited, database, [s.session_id for s in sessions])
    assert credited_meanwhile == {}
    assert readiness == (200, [])  # a credit waiting on a lock is no outage of the database
    assert load.unavailable == 0
    assert_each_ack_stored_once_and_credited_once(database, load, sessions)
    assert not central.events_named("store.unavailable")
    assert not central.events_named("credit.failed")


# --- two processes, one killed -----------------------------------------------------------------------------


def owner_of(server: ServerProcess) -> str:
    return f"{socket.gethostname()}:{server.process.pid}"


@pytest.mark.slow
async def test_a_process_killed_while_crediting_has_its_claims_taken_over_when_their_lease_runs_out(
    tmp_path: Path, database: str
) -> None:
    lease = {LEASE_FOR_TESTS: "3"}
    async with (
        start_server(tmp_path / "a", "--store", database, *UNLIMITED, env=lease) as first,
        start_server(tmp_path / "b", "--store", database, *UNLIMITED, env=lease) as second,
        httpx.AsyncClient(base_url=first.url, timeout=DEADLINE_S) as a,
    ):
        sessions = [await open_session(a) for _ in range(3)]
        ids = [s.session_id for s in sessions]
        with psycopg.connect(database) as hold:
            # The first process claims the sessions and stitches them, then waits on this lock to credit.
            hold.execute("LOCK TABLE credits IN EXCLUSIVE MODE")
            load = Load()
            await load.session([a], sessions[0], 3)
            # Crediting has begun, and waits on the lock, before the other sessions close: their
            # acknowledgements must not wait on it (the process is killed only once they have all come).
            await until(a_credit_waits, database)
            async with trio.open_nursery() as nursery:
                for session in sessions[1:]:
                    nursery.start_soon(load.session, [a], session, 3)

            async def claimed_by_first() -> bool:
                """Every session claimed, some by the first process (the second may have claimed one first)."""
                found = await trio.to_thread.run_sync(
                    rows,
                    database,
                    "SELECT COUNT(*), COUNT(*) FILTER (WHERE claimed_by = %s) FROM pending_credits"
                    " WHERE claimed_by IS NOT NULL",
                    owner_of(first),
                )
                return bool(found[0][0] == len(sessions) and found[0][1] > 0)

            await until(claimed_by_first)
            first.process.kill()
            await first.process.wait()
            terminate_backends(database, "wait_event_type = 'Lock'")  # its credit, left waiting
            assert credits_of(database, ids) == {}  # nothing was credited while the lock was held
            hold.rollback()
        await until(all_credited, database, ids)
        for session_id in ids:
            await second.log.wait_for_session("ledger.credited", session_id)  # the other process took them
    assert_each_ack_stored_once_and_credited_once(database, load, sessions)


# httpx leaves a request's body generator unfinished when the server dies mid-request; that is the point here.
@pytest.mark.filterwarnings("ignore:Exception ignored in.*ByteStream:pytest.PytestUnraisableExceptionWarning")
@pytest.mark.slow
async def test_kill_9_of_one_of_two_processes_under_load_loses_nothing_acknowledged_and_credits_once(
    tmp_path: Path, database: str
) -> None:
    lease = {LEASE_FOR_TESTS: "3"}
    async with (
        start_server(tmp_path / "a", "--store", database, *UNLIMITED, env=lease) as first,
        start_server(tmp_path / "b", "--store", database, *UNLIMITED, env=lease) as second,
        httpx.AsyncClient(base_url=first.url, timeout=DEADLINE_S) as a,
        httpx.AsyncClient(base_url=second.url, timeout=DEADLINE_S) as b,
    ):
        sessions = [await open_session((a, b)[i % 2]) for i in range(8)]
        load = Load()
        async with trio.open_nursery() as nursery:
            for session in sessions:  # each session alternately on both, as a load balancer would
                nursery.start_soon(load.session, [a, b], session, 20)
            await load.wait_acked(60)
            os.kill(first.process.pid, signal.SIGKILL)
        await first.process.wait()
        await until(all_credited, database, [s.session_id for s in sessions])
        assert (await ready(b))[0] == 200
    assert first.process.returncode == -signal.SIGKILL
    assert set(load.statuses) <= {200, 503}
    assert_each_ack_stored_once_and_credited_once(database, load, sessions)


@attrs.define(eq=False)
class CommitCutter:
    """A TCP relay to PostgreSQL that, once armed, passes the COMMIT of one transaction that stores envelopes
    to the database and cuts that connection before the answer reaches the client: a COMMIT whose outcome
    the client cannot know, though the database has it."""

    port: int
    armed: bool = False
    cut: int = 0

    async def serve(self, *, task_status: trio.TaskStatus[int]) -> None:
        listeners = await trio.open_tcp_listeners(0, host="127.0.0.1")
        task_status.started(listeners[0].socket.getsockname()[1])
        await trio.serve_listeners(self.relay, listeners)

    async def relay(self, client: trio.SocketStream) -> None:
        server = await trio.open_tcp_stream("127.0.0.1", self.port)
        storing, cutting = False, False

        async def upstream() -> None:
            nonlocal storing, cutting
            async for data in client:
                storing = storing or b"EXECUTE groove_claim" in data  # the claims of envelopes
                if b"COMMIT" in data:
                    cutting, self.armed = self.armed and storing, self.armed and not storing
                    storing = False
                await server.send_all(data)
            await server.send_eof()

        async def downstream() -> None:
            async for data in server:
                if cutting:  # the client sent COMMIT after every earlier answer: this is COMMIT's answer
                    self.cut += 1
                    nursery.cancel_scope.cancel()
                    return
                await client.send_all(data)

        async with client, server, trio.open_nursery() as nursery:
            nursery.start_soon(upstream)
            nursery.start_soon(downstream)


@pytest.mark.slow
async def test_a_batch_whose_commit_answer_was_lost_is_acknowledged_once_the_database_says_it_is_in(
    tmp_path: Path, database: str
) -> None:
    name = database.rsplit("/", 1)[1]
    cutter = CommitCutter(5432)
    async with trio.open_nursery() as relays:
        port = await relays.start(cutter.serve)
        through = f"postgresql://postgres@127.0.0.1:{port}/{name}"
        async with (
            start_server(tmp_path / "data", "--store", through) as central,
            httpx.AsyncClient(base_url=central.url, timeout=DEADLINE_S) as http,
        ):
            session = await open_session(http)
            sent = [session.chunk_body(5) for _ in range(3)]
            assert (await ingest(http, sent[0])).json()["accepted"] is True
            cutter.armed = True
            lost = await ingest(http, sent[1])  # its COMMIT went through; its answer did not
            assert cutter.cut == 1
            assert lost.status_code == 200 and lost.json() == {"accepted": True, "envelope_id": _id(sent[1])}
            assert (await ingest(http, sent[2])).status_code == 200
            assert (await ingest(http, session.close_body())).status_code == 200
            await until(all_credited, database, [session.session_id])
            summary = (await http.get("/v1/stats/summary")).json()
        relays.cancel_scope.cancel()
    (resolved,) = central.events_named("store.commit_resolved")
    assert resolved["committed"] is True
    assert stored_bodies(database, session.session_id)[:3] == sent
    assert credits_of(database, [session.session_id]) == {session.session_id: 1}
    assert summary["totalEnvelopes"] == 4 and summary["totalSteps"] == 15  # counted once


def _id(body: bytes) -> str:
    return str(orjson.loads(body)["envelope_id"])


@pytest.mark.slow
async def test_an_envelope_stored_by_the_other_process_is_answered_as_a_duplicate(
    tmp_path: Path, database: str
) -> None:
    async with (
        start_server(tmp_path / "a", "--store", database, *UNLIMITED) as first,
        start_server(tmp_path / "b", "--store", database, *UNLIMITED) as second,
        httpx.AsyncClient(base_url=first.url) as a,
        httpx.AsyncClient(base_url=second.url) as b,
    ):
        session = await open_session(a)
        body = session.chunk_body(4)
        taken = await ingest(a, body)
        again = await ingest(b, body)  # b's verifier never saw it: the database says it is a duplicate
        again_here = await ingest(a, body)  # a's verifier remembers it
    assert taken.status_code == 200 and taken.json().get("duplicate") is not True
    assert again.status_code == 200 and again.json()["duplicate"] is True
    assert again_here.json() == again.json()
    assert rows(database, "SELECT COUNT(*) FROM envelopes WHERE session_id = %s", session.session_id) == [
        (1,)
    ]
