"""The store contract, held by both stores: the embedded one (SQLite + segment files in tmp_path) and the
PostgreSQL one (on 127.0.0.1:5432: each test run makes a database of its own, groove_test_<random>, and drops it
at the end; each test works in a schema of its own in it).

The same tests run on both: what a batch of operations answers, and what the server's reads (the catalog's
read functions, through each store's read pool) then find. Tests of what only several processes sharing one
database can do (two stores racing for one sequence, claiming sessions to credit, migrations) follow, on
PostgreSQL alone. Without a PostgreSQL server those are skipped, saying why; where CI=true they fail instead.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import attrs
import orjson
import psycopg
import pytest
import trio
from psycopg import sql

from groove_actors.protocol import merkle
from groove_actors.server.reads import ReadPool
from groove_actors.server.stats import StatsBook, summary
from groove_actors.server.writer import StorageWriter, WriteRequest
from groove_actors.store import catalog, contract
from groove_actors.store.catalog import CreditRecord, EnvelopeRecord, NewSession
from groove_actors.store.contract import Store
from groove_actors.store.embedded import (
    CloseSession,
    Credit,
    Done,
    DropSecrets,
    EmbeddedStore,
    OpenSession,
    Operation,
    Outcome,
    Refused,
    RequestClose,
    Requeue,
    SealDay,
    StoreEnvelope,
)
from groove_actors.store.postgres import bodies as pg_bodies
from groove_actors.store.postgres import schema
from groove_actors.store.postgres.reads import PostgresReads, claim_pending, session_envelopes
from groove_actors.store.postgres.stats import load_stats
from groove_actors.store.postgres.store import PostgresStore
from groove_actors.store.postgres.url import StoreUrl

ADMIN_URL = os.environ.get("GROOVE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres")
DAY = "2026-11-25"
NOW = 1_795_600_000.0  # 2026-11-25
HMAC = "ab" * 32


# --- a PostgreSQL database of the test's own -------------------------------------------------------------


def postgres_missing() -> str | None:
    """Why no PostgreSQL answers at ADMIN_URL, or None if one does."""
    try:
        with psycopg.connect(ADMIN_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        return f"no PostgreSQL at {StoreUrl(ADMIN_URL).shown}: {str(exc).strip().splitlines()[0]}"
    return None


def require_postgres() -> None:
    """Skip the test without a PostgreSQL server; in CI (CI=true) fail it instead, since CI has one."""
    reason = postgres_missing()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the PostgreSQL tests must run)", pytrace=False)
    pytest.skip(reason)


@contextmanager
def scratch_database() -> Iterator[str]:
    """A new empty database, groove_test_<random>, dropped afterwards; yields its URL."""
    require_postgres()
    name = f"groove_test_{secrets.token_hex(6)}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield str(StoreUrl(ADMIN_URL).shown.rsplit("/", 1)[0] + "/" + name)
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture(scope="session")
def test_run_database() -> Iterator[str]:
    """This test run's database: made once, dropped at the end (each test works in a schema of its own)."""
    with scratch_database() as url:
        yield url


@contextmanager
def scratch_schema(database_url: str) -> Iterator[str]:
    """A new schema in `database_url`; yields a URL whose connections work in it (their search_path)."""
    name = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))
    try:
        yield f"{database_url}?options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(database_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(name)))


@attrs.define(eq=False)
class Harness:
    """A store and the read pool the server would give it."""

    store: Store
    reads: ReadPool

    def commit(self, ops: list[Operation], at: float = NOW) -> list[Outcome]:
        return self.store.commit(ops, at=at)

    async def read(self, query: object, *args: object) -> object:
        return await self.reads.run(query, *args)  # type: ignore[arg-type]

    async def envelopes(self, session_id: str) -> list[tuple[int, str, bytes]]:
        directory = self.store.envelopes.directory if isinstance(self.store, EmbeddedStore) else Path()
        return await self.reads.run(contract.session_envelopes, directory, session_id)


Make = Callable[..., Harness]


def postgres_store(url: str, quota_bytes: int = 10**9, owner: str = "test-process") -> PostgresStore:
    return PostgresStore(StoreUrl.parse(url), quota_bytes, pool_size=4, owner=owner)


@pytest.fixture(params=["embedded", "postgresql"])
async def make(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Make]:
    """make(quota_bytes) -> Harness on the parametrised store; all closed (and the schema dropped) after."""
    made: list[Harness] = []
    with contextlib.ExitStack() as stack:
        url = ""
        if request.param == "postgresql":
            url = stack.enter_context(scratch_schema(request.getfixturevalue("test_run_database")))

        def build(quota_bytes: int = 10**9) -> Harness:
            if request.param == "embedded":
                data_dir = tmp_path / f"data{len(made)}"
                data_dir.mkdir()
                store = EmbeddedStore(data_dir, quota_bytes)
                harness = Harness(store, ReadPool(store.catalog_path))
            else:
                pg = postgres_store(url, quota_bytes)
                harness = Harness(pg, PostgresReads(Path(), 2, pool=pg.pool, owner=pg.owner))
            made.append(harness)
            return harness

        try:
            yield build
        finally:
            for harness in made:
                harness.reads.close()
                harness.store.close()


# --- what a batch is made of -------------------------------------------------------------------------------


def new_session(session_id: str, fingerprint: str = "fp", at: float = NOW) -> NewSession:
    secret = session_id.encode().ljust(32, b"k")
    return NewSession(session_id, secret, "pk", "claude-code", "o3", fingerprint, "a" * 64, "0.1", at)


def record(
    session_id: str, sequence: int, kind: str = "chunk", steps: int = 3, hmac: str = HMAC, pad: int = 0
) -> EnvelopeRecord:
    body = f'{{"session_id":"{session_id}","attestation":{{"sequence":{sequence},"session_hmac":"{hmac}"}}'
    body += (
        ',"type":"SESSION_CLOSE","outcome":{"status":"SUCCESS"}}'
        if kind == "close"
        else f',"trajectory_log":[{",".join(["{}"] * steps)}],"pad":"{"é" * pad}"}}'
    )
    return EnvelopeRecord(
        session_id=session_id, sequence=sequence, envelope_id=f"env_{sequence}", kind=kind, hmac=hmac,
        body=body.encode(), steps=0 if kind == "close" else steps, contributor_id="c" * 32,
        provider="codex", model="o3", close_status="SUCCESS" if kind == "close" else None,
    )  # fmt: skip


def credit(session_id: str, points: float = 10.0, at: float = NOW, revision: int = 0) -> Credit:
    row = CreditRecord(
        session_id, "c" * 32, points, 5.0, "{}", "v1", 90.0, "o3", "codex", 5, at, DAY, 0.04, revision
    )
    line = orjson.dumps({"session_id": session_id, "credit": attrs.asdict(row), "coordination": []})
    return Credit(row, line, (), None)


def a_session(session_id: str, chunks: int = 2) -> list[Operation]:
    ops: list[Operation] = [StoreEnvelope(record(session_id, i)) for i in range(chunks)]
    return [*ops, StoreEnvelope(record(session_id, chunks, kind="close"))]


def statuses(outcomes: list[Outcome]) -> list[int | str]:
    return [o.status if isinstance(o, Refused) else "ok" for o in outcomes]


# --- the contract, on both stores ----------------------------------------------------------------------------


async def test_opening_refuses_a_taken_session_id_and_a_machine_over_its_hourly_opens(make: Make) -> None:
    h = make()
    sessions = [new_session(i) for i in ("s1", "s1", "s2", "s3")] + [new_session("s4", fingerprint="other")]
    assert statuses(h.commit([OpenSession(s, 2) for s in sessions])) == ["ok", 409, "ok", 429, "ok"]
    assert statuses(h.commit([OpenSession(new_session("s1"), 0)])) == [409]
    assert await h.read(catalog.load_session, "s3") is None


async def test_a_batch_stores_envelopes_as_received_and_advances_each_sessions_sequence(make: Make) -> None:
    h = make()
    h.commit([OpenSession(new_session("s1"), 20), OpenSession(new_session("s2"), 20)])
    ops: list[Operation] = [StoreEnvelope(record("s1", 0, pad=3)), StoreEnvelope(record("s2", 0)),
                            StoreEnvelope(record("s1", 1))]  # fmt: skip
    outcomes = h.commit(ops)
    assert all(isinstance(o, Done) for o in outcomes)
    state = await h.read(catalog.load_session, "s1")
    assert isinstance(state, catalog.SessionState)
    assert (state.next_sequence, state.status, state.secret) == (2, "open", new_session("s1").secret)
    assert state.stored_bytes == len(record("s1", 0, pad=3).body) + len(record("s1", 1).body)
    assert await h.read(catalog.stored_envelope, "s1", 1) == (HMAC, None, None)
    assert await h.read(catalog.stored_envelope, "s1", 2) is None
    assert await h.envelopes("s1") == [
        (0, "chunk", record("s1", 0, pad=3).body),
        (1, "chunk", record("s1", 1).body),
    ]


async def test_what_envelopes_change_in_the_stats_is_said_per_envelope(make: Make) -> None:
    h = make()
    h.commit([OpenSession(new_session("s1"), 20)])
    feedback = attrs.evolve(record("s1", 2), kind="feedback", steps=0, signal="up")
    refused = attrs.evolve(record("s1", 3), steps=0, refusal_status=422, refusal_reason="breaks a rule")
    first, second, fed, kept = h.commit([StoreEnvelope(record("s1", 0)), StoreEnvelope(record("s1", 1)),
                                         StoreEnvelope(feedback), StoreEnvelope(refused)])  # fmt: skip
    assert isinstance(first, Done) and isinstance(first.detail, catalog.EnvelopeEffects)
    assert (first.detail.first_of_session, first.detail.new_contributor, first.detail.counted) == (
        True,
        True,
        True,
    )
    assert (first.detail.provider, first.detail.model, first.detail.day) == ("codex", "o3", DAY)
    assert isinstance(second, Done) and isinstance(second.detail, catalog.EnvelopeEffects)
    assert (second.detail.first_of_session, second.detail.new_contributor) == (False, False)
    for outcome in (fed, kept):
        assert isinstance(outcome, Done) and isinstance(outcome.detail, catalog.EnvelopeEffects)
        assert not outcome.detail.counted
    assert await h.read(catalog.stored_envelope, "s1", 3) == (HMAC, 422, "breaks a rule")
    assert await h.read(catalog.session_gaps, "s1") == [(3, "refused (422): breaks a rule")]
    assert [seq for seq, _, _ in await h.envelopes("s1")] == [0, 1]  # feedback and refused are no data


async def test_text_of_every_kind_of_character_is_stored_and_read_back_as_sent(make: Make) -> None:
    """What envelopes carry as text (a refusal's reason, the provider and model they name) comes back exactly,
    whatever characters a statement's parameters must quote or escape."""
    h = make()
    h.commit([OpenSession(new_session(s), 20) for s in ("s1", "s2")])
    odd = "q\"uo\\te {a,b} NULL\n\ttab \x01 é 😀 'x'"
    named = attrs.evolve(record("s1", 0), provider=f"prov {odd}", model=f"model {odd}")
    refused = attrs.evolve(record("s2", 0), steps=0, refusal_status=422, refusal_reason=f"reason {odd}")
    empty = attrs.evolve(record("s2", 1), steps=0, refusal_status=422, refusal_reason="")
    assert (
        statuses(h.commit([StoreEnvelope(named), StoreEnvelope(refused), StoreEnvelope(empty)])) == ["ok"] * 3
    )
    close_info = await h.read(catalog.session_close_info, "s1")
    assert isinstance(close_info, tuple) and close_info[2:] == (f"prov {odd}", f"model {odd}")
    assert await h.read(catalog.stored_envelope, "s2", 0) == (HMAC, 422, f"reason {odd}")
    assert await h.read(catalog.stored_envelope, "s2", 1) == (HMAC, 422, "")
    book = await stats_of(h)
    assert set(book.providers) == {f"prov {odd}"} and set(book.models) == {f"model {odd}"}


async def test_past_the_quota_envelopes_and_opens_are_refused_with_507_and_nothing_is_stored(
    make: Make,
) -> None:
    h = make(quota_bytes=10_300)
    h.commit([OpenSession(new_session("s1"), 20)])
    big = [record("s1", i, pad=2400) for i in range(3)]  # 4.9 kB each: two fit, then not a third, nor an open
    assert statuses(h.commit([StoreEnvelope(r) for r in big])) == ["ok", "ok", 507]
    assert [seq for seq, _, _ in await h.envelopes("s1")] == [0, 1]
    assert statuses(h.commit([StoreEnvelope(big[2])])) == [507]
    assert statuses(h.commit([OpenSession(new_session("s2"), 20)])) == [507]
    assert await h.read(catalog.load_session, "s2") is None


async def test_a_close_marks_the_session_to_credit_and_it_is_credited_exactly_once(make: Make) -> None:
    h = make()
    _, *stored = h.commit([OpenSession(new_session("s1"), 20), *a_session("s1")])
    closing = stored[-1]
    assert isinstance(closing, Done) and isinstance(closing.detail, catalog.EnvelopeEffects)
    assert closing.detail.closed_session
    assert await h.read(catalog.pending_sessions) == ["s1"]
    (close,) = h.commit([CloseSession("s1", NOW, "idle", "CRASH")])
    assert close == Done(False)  # closed by its envelope already
    first, again = h.commit([credit("s1"), credit("s1", points=99.0)])
    assert (first, again) == (Done(True), Done(False))
    assert await h.read(catalog.pending_sessions) == []
    assert await h.read(catalog.leaderboard, 10) == [("c" * 32, 10.0, 1)]
    assert await h.read(catalog.session_credits, "s1") == (1, 10.0, 5.0, 5)
    assert await h.read(catalog.session_close_info, "s1") == ("envelope", "SUCCESS", "codex", "o3")
    recent = await h.read(catalog.recent_credits, 5)
    assert isinstance(recent, list) and [r["session_id"] for r in recent] == ["s1"]
    (adjustment,) = h.commit([credit("s1", points=2.5, revision=1)])
    assert adjustment == Done(True)
    assert await h.read(catalog.leaderboard, 10) == [("c" * 32, 12.5, 1)]


async def test_grace_and_idle_closes_fall_due_by_their_deadlines_and_close_once(make: Make) -> None:
    h = make()
    fresh, stale = new_session("s1", at=NOW), new_session("s2", at=NOW - 90_000)
    h.commit([OpenSession(fresh, 20), OpenSession(stale, 20), RequestClose("s1", NOW)])
    due = await h.reads.run(partial(catalog.sessions_due, close_before=NOW - 1, idle_before=NOW - 86_400))
    assert due == [("s2", "idle")]
    due = await h.reads.run(partial(catalog.sessions_due, close_before=NOW, idle_before=NOW - 86_400))
    assert due == [("s1", "grace"), ("s2", "idle")]
    assert h.commit([CloseSession("s1", NOW, "grace", "SUCCESS")]) == [Done(True)]
    assert h.commit([CloseSession("s1", NOW, "grace", "SUCCESS")]) == [Done(False)]
    assert await h.read(catalog.secrets_to_drop, NOW + 1) is True
    assert h.commit([DropSecrets(closed_before=NOW + 1)], at=NOW + 3600) == [Done(1)]
    assert await h.read(catalog.secrets_to_drop, NOW + 1) is False
    state = await h.read(catalog.load_session, "s1")
    assert isinstance(state, catalog.SessionState) and state.secret == b""


async def test_a_day_is_sealed_once_and_its_leaves_and_proofs_are_read_back(make: Make) -> None:
    h = make()
    h.commit([OpenSession(new_session(s), 20) for s in ("s1", "s2")])
    h.commit([*a_session("s1"), *a_session("s2", chunks=1)])
    h.commit([credit("s1", 12.5), credit("s2", 7.25)])
    assert await h.read(catalog.days_to_seal, "2026-11-26") == [DAY]
    leaves = await h.read(catalog.day_leaves, DAY)
    assert isinstance(leaves, list) and len(leaves) == 2 and b'"session_id":"s1"' in leaves[0]
    head = merkle.root(merkle.leaf_hashes(leaves)).hex()
    assert h.commit([SealDay(DAY, head, 2, NOW), SealDay(DAY, "0" * 64, 2, NOW)]) == [Done(True), Done(False)]
    assert await h.read(catalog.days_to_seal, "2026-11-26") == []
    assert await h.read(catalog.ledger_root, DAY) == (head, 2)
    assert await h.read(catalog.credit_leaf, "s2") == (DAY, 1, leaves[1])
    roots = await h.read(catalog.ledger_roots, 5)
    assert isinstance(roots, list) and roots[0]["root"] == head


async def test_a_refused_envelope_taken_after_all_counts_and_requeues_its_closed_session(make: Make) -> None:
    h = make()
    h.commit([OpenSession(new_session("s1"), 20)])
    refused = attrs.evolve(record("s1", 0), steps=0, refusal_status=422, refusal_reason="no")
    h.commit([StoreEnvelope(refused), StoreEnvelope(record("s1", 1, kind="close"))])
    h.commit([credit("s1")])
    assert h.commit([Requeue(record("s1", 0))]) == [Done(True)]
    assert h.commit([Requeue(record("s1", 0))]) == [Done(False)]
    assert await h.read(catalog.pending_sessions) == ["s1"]
    assert [seq for seq, _, _ in await h.envelopes("s1")] == [0, 1]


async def test_coordination_steps_are_linked_to_partners_on_both_sides(make: Make) -> None:
    h = make()
    h.commit([OpenSession(new_session(s), 20) for s in ("a", "b")])
    first = attrs.evolve(credit("a"), coordination=(("k1", 3, "outbound"),), agent_id="agent-a")
    second = attrs.evolve(credit("b"), coordination=(("k1", 5, "inbound"),), agent_id="agent-b")
    h.commit([first])
    assert await h.read(catalog.coordination_partners, [("k1", 5, "inbound")], "b") == [
        ("k1", 5, "a", "agent-a", 3)
    ]
    h.commit([second])
    assert await h.read(catalog.coordination_links, "a") == [(3, "k1", "b", "agent-b", 5)]
    assert await h.read(catalog.coordination_links, "b") == [(5, "k1", "a", "agent-a", 3)]


async def test_the_stats_read_back_equal_what_the_writer_counted_as_it_committed(make: Make) -> None:
    h = make()
    live = await stats_of(h)
    send, receive = trio.open_memory_channel[WriteRequest](1)
    writer = StorageWriter(h.store, receive, live)
    ops: list[Operation] = [
        OpenSession(new_session("s1"), 20), OpenSession(new_session("s2"), 20),
        *a_session("s1", chunks=2), StoreEnvelope(attrs.evolve(record("s2", 0), provider="gemini", model="g-1")),
        credit("s1", 0.1 + 0.2),  # a float whose shortest text has 17 digits: it must come back exact
    ]  # fmt: skip
    for op, outcome in zip(ops, h.commit(ops), strict=True):
        writer._count(op, outcome)
    loaded = await stats_of(h)
    assert summary(loaded) == summary(live)
    assert summary(loaded)["totalEnvelopes"] == 4 and summary(loaded)["activeSessions"] == 1
    assert summary(loaded)["uniqueContributors"] == 1 and summary(loaded)["totalSessions"] == 2
    assert loaded.models == live.models and loaded.providers == live.providers and loaded.daily == live.daily
    assert set(loaded.models) == {"o3", "g-1"} and set(loaded.providers) == {"codex", "gemini"}
    await send.aclose()


async def stats_of(h: Harness) -> StatsBook:
    if isinstance(h.store, EmbeddedStore):
        return StatsBook.load(h.store.conn)
    assert isinstance(h.store, PostgresStore)
    with h.store.pool.connection() as conn:
        return load_stats(conn)


# --- several processes on one database (PostgreSQL only) -----------------------------------------------------


@pytest.fixture
def database(test_run_database: str) -> Iterator[str]:
    with scratch_schema(test_run_database) as url:
        yield url


@pytest.fixture
def two_stores(database: str) -> Iterator[tuple[PostgresStore, PostgresStore]]:
    """Two stores on one database, as two server processes have."""
    first = postgres_store(database, owner="process-a")
    second = postgres_store(database, owner="process-b")
    try:
        yield first, second
    finally:
        first.close()
        second.close()


async def commit_at_once(
    stores: tuple[PostgresStore, PostgresStore], batches: tuple[Sequence[Operation], Sequence[Operation]]
) -> tuple[list[Outcome], list[Outcome]]:
    """Both batches committed at the same time, each by its own store, from two worker threads."""
    results: dict[int, list[Outcome]] = {}

    async def one(i: int) -> None:
        results[i] = await trio.to_thread.run_sync(partial(stores[i].commit, batches[i], at=NOW))

    async with trio.open_nursery() as nursery:
        nursery.start_soon(one, 0)
        nursery.start_soon(one, 1)
    return results[0], results[1]


async def test_a_sequence_sent_to_two_processes_at_once_is_taken_once(
    two_stores: tuple[PostgresStore, PostgresStore],
) -> None:
    a, _ = two_stores
    sessions = [f"s{i}" for i in range(20)]
    a.commit([OpenSession(new_session(s), 0) for s in sessions], at=NOW)
    same = [StoreEnvelope(record(s, 0)) for s in sessions]
    first, second = await commit_at_once(two_stores, (same, same))
    for mine, theirs in zip(first, second, strict=True):  # one stored it; the other got a duplicate
        assert isinstance(mine, Done) and isinstance(theirs, Done)
        assert isinstance(mine.detail, catalog.EnvelopeEffects) and isinstance(
            theirs.detail, catalog.EnvelopeEffects
        )
        assert sorted([mine.detail.counted, theirs.detail.counted]) == [False, True]
    other = [StoreEnvelope(record(s, 1, hmac="cd" * 32)) for s in sessions]
    first, second = await commit_at_once(two_stores, ([StoreEnvelope(record(s, 1)) for s in sessions], other))
    for mine, theirs in zip(first, second, strict=True):  # other bytes under a taken sequence: 409
        assert sorted(statuses([mine, theirs]), key=str) == [409, "ok"]
        refused = mine if isinstance(mine, Refused) else theirs
        assert isinstance(refused, Refused) and "sequence conflict" in refused.reason
    with a.pool.connection() as conn:
        book = load_stats(conn)
        rows = conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT (session_id, sequence)) FROM envelopes"
        ).fetchone()
        bodies = conn.execute("SELECT COUNT(*) FROM envelope_bodies").fetchone()
    assert rows == (40, 40) and bodies == (40,)
    assert (book.envelopes, book.sessions, book.active_sessions, book.contributors) == (40, 20, 20, 1)


async def test_a_session_continued_on_either_process_keeps_one_sequence_and_closes_once(
    two_stores: tuple[PostgresStore, PostgresStore],
) -> None:
    a, b = two_stores
    a.commit([OpenSession(new_session("s1"), 0)], at=NOW)
    for sequence in range(6):
        store = (a, b)[sequence % 2]
        assert statuses(store.commit([StoreEnvelope(record("s1", sequence))], at=NOW)) == ["ok"]
    b.commit([StoreEnvelope(record("s1", 6, kind="close"))], at=NOW)
    # A process that had not heard of the close still takes nothing more into the session's data.
    assert statuses(a.commit([StoreEnvelope(record("s1", 7))], at=NOW)) == [409]
    assert a.commit([CloseSession("s1", NOW, "idle", "CRASH")], at=NOW) == [Done(False)]
    reads = PostgresReads(Path(), 2, pool=b.pool, owner=b.owner)
    state = await reads.run(catalog.load_session, "s1")
    assert state is not None and (state.next_sequence, state.status) == (7, "closed")
    assert [seq for seq, _, _ in await reads.run(contract.session_envelopes, Path(), "s1")] == list(range(7))


async def test_a_session_to_credit_is_claimed_by_one_process_until_its_lease_runs_out(
    two_stores: tuple[PostgresStore, PostgresStore],
) -> None:
    a, b = two_stores
    a.commit([OpenSession(new_session(s), 0) for s in ("s1", "s2")], at=NOW)
    a.commit([*a_session("s1"), *a_session("s2")], at=NOW)
    with a.pool.connection() as one, b.pool.connection() as other:
        assert claim_pending(one, "process-a", NOW) == ["s1", "s2"]
        assert claim_pending(other, "process-b", NOW) == []  # held by process-a
        assert claim_pending(one, "process-a", NOW + 1) == ["s1", "s2"]  # its own claims, renewed
    a.commit([credit("s1")], at=NOW)
    with b.pool.connection() as other:
        assert claim_pending(other, "process-b", NOW + 2) == []
        assert claim_pending(other, "process-b", NOW + 10_000) == ["s2"]  # process-a's lease ran out
    # Both credit s2 (a's lease ran out while it worked): the ledger still takes it once.
    assert (a.commit([credit("s2")], at=NOW), b.commit([credit("s2")], at=NOW)) == (
        [Done(True)],
        [Done(False)],
    )
    reads = PostgresReads(Path(), 2, pool=a.pool, owner="process-a", wall_clock=lambda: NOW)
    assert await reads.run(catalog.pending_sessions) == []


async def test_the_counters_every_process_reads_hold_every_process_commits(
    two_stores: tuple[PostgresStore, PostgresStore],
) -> None:
    a, b = two_stores
    a.commit([OpenSession(new_session("s1"), 0)], at=NOW)
    b.commit([OpenSession(new_session("s2"), 0)], at=NOW)
    await commit_at_once(two_stores, (a_session("s1", chunks=3), a_session("s2", chunks=1)))
    await commit_at_once(two_stores, ([credit("s1", 3.0)], [credit("s2", 4.0), SealDay(DAY, "00", 2, NOW)]))
    assert a.commit([SealDay(DAY, "11", 2, NOW)], at=NOW) == [Done(False)]  # sealed once, by either
    with a.pool.connection() as one, b.pool.connection() as other:
        mine, theirs = load_stats(one), load_stats(other)
    assert summary(mine) == summary(theirs)
    assert (mine.envelopes, mine.steps, mine.sessions, mine.active_sessions) == (6, 12, 2, 0)
    assert (mine.points, mine.credits, mine.daily[DAY].sessions) == (7.0, 2, 2)
    assert mine.models["o3"].sessions == 2 and mine.providers["codex"].points == 7.0


def test_the_schema_is_made_by_migrations_once_even_by_processes_starting_together(database: str) -> None:
    import threading

    stores: list[PostgresStore] = []
    errors: list[BaseException] = []

    def start() -> None:
        try:
            stores.append(postgres_store(database))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == [] and len(stores) == 3
        with psycopg.connect(database, autocommit=True) as conn:
            versions = conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
            assert versions == [(v,) for v, _ in schema.MIGRATIONS]
            assert schema.migrate(conn) == []  # nothing left to do
            conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (schema.SCHEMA_VERSION + 1,))
    finally:
        for store in stores:
            store.close()
    with pytest.raises(Exception, match="newer than this server's"):
        postgres_store(database)


def test_envelopes_of_an_unknown_or_closed_session_are_refused_beside_others_and_leave_nothing(
    database: str,
) -> None:
    """On PostgreSQL (where any process may be sent any envelope, so the store sees these): their claims are
    taken back in the transaction that made them."""
    store = postgres_store(database)
    try:
        store.commit([OpenSession(new_session("s1"), 20), OpenSession(new_session("s2"), 20)], at=NOW)
        assert store.commit([CloseSession("s2", NOW, "idle", None)], at=NOW) == [Done(True)]
        ops = [
            StoreEnvelope(record("ghost", 0)),
            StoreEnvelope(record("s2", 0)),
            StoreEnvelope(record("s1", 0)),
        ]
        assert statuses(store.commit(ops, at=NOW)) == [404, 409, "ok"]
        assert statuses(store.commit(ops[:2], at=NOW)) == [404, 409]  # nothing of theirs was left claimed
        with store.pool.connection() as conn:
            kept = conn.execute("SELECT session_id, sequence FROM envelopes").fetchall()
            bodies = conn.execute("SELECT session_id, sequence FROM envelope_bodies").fetchall()
            assert load_stats(conn).envelopes == 1
    finally:
        store.close()
    assert kept == bodies == [("s1", 0)]


def test_a_batch_stores_the_bodies_of_the_claims_it_keeps_byte_for_byte_and_no_others(database: str) -> None:
    """On PostgreSQL the bodies go in after the claims are known (one COPY): a duplicate, a conflict, a refusal
    and new envelopes in one batch leave exactly the new bodies, whatever their bytes and however large."""
    store = postgres_store(database, quota_bytes=2_000_000)
    large = bytes(range(256)) * 1_600  # 400 KB, every byte value: sent in several pieces
    try:
        store.commit([OpenSession(new_session(s), 20) for s in ("s1", "s2", "s3")], at=NOW)
        first = attrs.evolve(record("s1", 0), body=large)
        assert statuses(store.commit([StoreEnvelope(first)], at=NOW)) == ["ok"]
        new = [attrs.evolve(record("s2", 0), body=large[::-1]), attrs.evolve(record("s1", 1), body=b"\x00")]
        ops = [
            StoreEnvelope(first),  # the same bytes again: a duplicate
            StoreEnvelope(new[0]),
            StoreEnvelope(attrs.evolve(record("s1", 0, hmac="cd" * 32), body=b"other")),  # a conflict
            StoreEnvelope(attrs.evolve(record("s3", 0), body=large * 4)),  # past the quota
            StoreEnvelope(new[1]),
        ]
        outcomes = store.commit(ops, at=NOW)
        assert statuses(outcomes) == ["ok", "ok", 409, 507, "ok"]
        assert outcomes[0] == Done(contract.STORED_BEFORE)
        with store.pool.connection() as conn:
            stored = conn.execute(
                "SELECT session_id, sequence, encoding, body FROM envelope_bodies ORDER BY session_id, sequence"
            ).fetchall()
            claims = conn.execute("SELECT session_id, sequence FROM envelopes ORDER BY 1, 2").fetchall()
    finally:
        store.close()
    read = [(s, q, pg_bodies.unpack(encoding, body)) for s, q, encoding, body in stored]
    assert read == [("s1", 0, large), ("s1", 1, b"\x00"), ("s2", 0, large[::-1])]
    assert claims == [(s, q) for s, q, _ in read]


def test_bodies_of_every_byte_value_come_back_byte_for_byte_at_every_size_the_database_splits_them_at(
    database: str,
) -> None:
    """On PostgreSQL bodies are compressed by our process, not the database (schema versions 4 and 5), and kept
    out of line, in the database's TOAST chunks: a body of every byte value comes back exactly, whatever its
    size against a chunk's (the database's own figure), the size past which a row's values are moved out of
    line, and a page; and so does one that does not compress, which is kept as received."""
    store = postgres_store(database)
    try:
        with store.pool.connection() as conn:
            row = conn.execute("SELECT max_toast_chunk_size FROM pg_control_init()").fetchone()
        assert row is not None
        chunk = int(row[0])
        edges = (0, 1, chunk, 2 * chunk, 2032, 8192, 50 * chunk)
        sizes = sorted({max(0, edge + d) for edge in edges for d in (-1, 0, 1)} | {400_000})
        every = bytes(range(256)) * (max(sizes) // 256 + 2)
        bodies = [every[n % 256 : n % 256 + n] for n in sizes]  # each starting at a byte of its own
        bodies.append(os.urandom(400_000))  # no compression makes it smaller
        store.commit([OpenSession(new_session("s1"), 20)], at=NOW)
        ops: list[Operation] = [
            StoreEnvelope(attrs.evolve(record("s1", i), body=body)) for i, body in enumerate(bodies)
        ]
        assert statuses(store.commit(ops, at=NOW)) == ["ok"] * len(bodies)
        with store.pool.connection() as conn:
            read = session_envelopes(conn, Path(), "s1")
            compressed = conn.execute(
                "SELECT COUNT(*) FROM envelope_bodies WHERE pg_column_compression(body) IS NOT NULL"
            ).fetchone()
            kept = conn.execute(
                "SELECT sequence, encoding, octet_length(body) FROM envelope_bodies ORDER BY sequence"
            ).fetchall()
    finally:
        store.close()
    assert [len(body) for _, _, body in read] == [*sizes, 400_000]
    assert [body for _, _, body in read] == bodies
    assert compressed == (0,)
    small = pg_bodies.SMALLEST_COMPRESSED
    assert [encoding for _, encoding, _ in kept] == [int(len(b) >= small) for b in bodies[:-1]] + [0]
    assert all(length < len(bodies[q]) / 4 for q, encoding, length in kept if encoding)
    assert kept[-1][2] == 400_000
