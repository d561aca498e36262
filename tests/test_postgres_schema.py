"""The PostgreSQL store's schema upgrades: a database made by an earlier version of the server is upgraded in
place when a newer one opens it, and keeps what it held."""

from __future__ import annotations

import contextlib
import math
import re
import secrets
from collections.abc import Iterator
from pathlib import Path

import attrs
import psycopg
import pytest

from groove_actors.store.catalog import NewSession
from groove_actors.store.embedded import Credit, Done, OpenSession, StoreEnvelope
from groove_actors.store.postgres import bodies, schema
from groove_actors.store.postgres.check import check_database
from groove_actors.store.postgres.reads import session_envelopes, sessions_due
from groove_actors.store.postgres.stats import load_stats
from groove_actors.store.postgres.url import StoreUrl
from groove_actors.store.replay import envelope_record
from tests.support.envelopes import ClientSession
from tests.test_store_contract import (
    DAY,
    NOW,
    a_session,
    credit,
    new_session,
    postgres_store,
    record,
    scratch_database,
    statuses,
)


@pytest.fixture
def database() -> Iterator[str]:
    with scratch_database() as url:
        yield url


def test_a_database_of_version_1_keeps_its_counters_and_counts_on_after_the_upgrade(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with psycopg.connect(database, autocommit=True) as conn:
        with monkeypatch.context() as older:  # the server as it was at schema version 1
            older.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
            older.setattr(schema, "SCHEMA_VERSION", 1)
            assert schema.migrate(conn) == [1]
        # the counter rows a version-1 server kept: one row per key
        conn.execute(
            "INSERT INTO totals (name, value) VALUES ('envelopes', 4), ('steps', 12), ('sessions', 2),"
            " ('bytes', 400), ('points', 5.5), ('credits', 1), ('contributors', 1), ('stored_bytes', 396)"
        )
        conn.execute("INSERT INTO daily VALUES ('2026-11-24', 4, 12, 1, 5.5)")
        conn.execute(
            "INSERT INTO breakdown VALUES ('model', 'o3', 2, 12, 5.5), ('provider', 'codex', 2, 12, 5.5)"
        )
        before = load_stats(conn)

    store = postgres_store(database)  # opening it upgrades it
    try:
        with store.pool.connection() as conn:
            versions = conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
            assert versions == [(v,) for v, _ in schema.MIGRATIONS] and len(versions) > 1
            assert attrs.asdict(load_stats(conn)) == attrs.asdict(before)
        assert store.commit([OpenSession(new_session("s1"), 0)], at=NOW) == [Done()]
        for _ in range(3):  # the batches' counts land in slots picked per batch
            store.commit(
                a_session("s1", chunks=2)[:2], at=NOW
            )  # the same two again: duplicates after the first
        store.commit([a_session("s1", chunks=2)[2]], at=NOW)
        paid: Credit = credit("s1", points=2.0)
        assert store.commit([paid], at=NOW) == [Done(True)]
        with store.pool.connection() as conn:
            after = load_stats(conn)
            slots = conn.execute("SELECT name, COUNT(*) FROM totals GROUP BY name").fetchall()
    finally:
        store.close()
    assert (after.envelopes, after.steps, after.sessions) == (before.envelopes + 3, before.steps + 6, 3)
    assert (after.points, after.credits, after.contributors) == (7.5, 2, 2)
    assert after.daily["2026-11-24"] == before.daily["2026-11-24"]
    assert (after.daily[DAY].envelopes, after.daily[DAY].sessions) == (3, 1)
    assert after.models["o3"].steps == 18 and after.providers["codex"].points == 7.5
    assert all(1 <= count <= schema.COUNTER_SLOTS for _, count in slots)


# The columns a batch's envelopes set in `sessions` (store.Batch._count and _account): in no index since
# version 3, so that those updates are HOT.
UPDATED_BY_ENVELOPES = (
    "next_sequence", "last_activity_at", "accepted", "stored_bytes", "contributor_id", "data_provider",
    "data_model", "feedback_signal", "feedback_at",
)  # fmt: skip


def test_a_database_of_version_2_loses_the_index_on_last_activity_and_still_finds_idle_sessions(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with psycopg.connect(database, autocommit=True) as conn:
        with monkeypatch.context() as older:  # the server as it was at schema version 2
            older.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:2])
            older.setattr(schema, "SCHEMA_VERSION", 2)
            assert schema.migrate(conn) == [1, 2]
        for sid, status, last_activity in (
            ("idle", "open", NOW - 7200),
            ("busy", "open", NOW),
            ("done", "closed", 0),
        ):
            conn.execute(
                "INSERT INTO sessions (session_id, secret, client_public_key, provider, model, machine_fingerprint,"
                " app_version_hash, groove_version, created_at, last_activity_at, status)"
                " VALUES (%s, '\\x00', 'pk', 'codex', 'o3', 'fp', 'a', 'v', 0, %s, %s)",
                (sid, last_activity, status),
            )

    store = postgres_store(database)  # opening it upgrades it
    try:
        with store.pool.connection() as conn:
            versions = conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
            indexes = [
                str(row[0])
                for row in conn.execute(
                    "SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'sessions'::regclass"
                )
            ]
            options = conn.execute(
                "SELECT reloptions FROM pg_class WHERE oid = 'sessions'::regclass"
            ).fetchone()
            due = sessions_due(conn, close_before=NOW - 60, idle_before=NOW - 3600)
        stored = statuses(store.commit([StoreEnvelope(record("busy", 0))], at=NOW))
    finally:
        store.close()
    assert (3,) in versions and len(versions) == schema.SCHEMA_VERSION
    assert indexes and not any("last_activity_at" in d for d in indexes)
    assert not [c for c in UPDATED_BY_ENVELOPES for d in indexes if re.search(rf"\b{c}\b", d)]
    assert options is not None and "fillfactor=80" in options[0]
    assert due == [("idle", "idle")] and stored == ["ok"]


def test_a_database_of_version_3_reads_its_compressed_bodies_as_stored_and_stores_new_ones_as_version_5_does(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = ClientSession(secrets.token_bytes(32), session_id="sess_v3")
    opened = NewSession(client.session_id, client.secret, "pk", "codex", "o3", "fp", "a" * 64, "0.1", NOW)
    chunks = [envelope_record(client.chunk_body(n, now=NOW), refused=None) for n in (1, 400, 40, 400)]
    assert all(rec is not None for rec in chunks)
    with older_server(monkeypatch, database, 3):  # with lz4
        old = postgres_store(database)
        try:
            old.commit([OpenSession(opened, 0)], at=NOW)
            assert (
                statuses(old.commit([StoreEnvelope(rec) for rec in chunks[:3] if rec], at=NOW)) == ["ok"] * 3
            )
        finally:
            old.close()
    with psycopg.connect(database, autocommit=True) as conn:  # one body as a server without lz4 stored it
        conn.execute("SET default_toast_compression = pglz")
        conn.execute("UPDATE envelope_bodies SET body = body || ''::bytea WHERE sequence = 2")
        before = conn.execute(COMPRESSION).fetchall()

    store = postgres_store(database)  # opening it upgrades it
    try:
        later = chunks[3]
        assert later is not None
        tomorrow = envelope_record(client.chunk_body(400, now=NOW + 86_400), refused=None)
        assert tomorrow is not None
        assert statuses(store.commit([StoreEnvelope(later)], at=NOW)) == ["ok"]
        assert statuses(store.commit([StoreEnvelope(tomorrow)], at=NOW + 86_400)) == ["ok"]  # a new partition
        with store.pool.connection() as conn:
            versions = conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
            after = conn.execute(COMPRESSION).fetchall()
            storage = conn.execute(
                "SELECT c.relname, a.attstorage FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                " WHERE a.attname = 'body' AND c.relname LIKE 'envelope_bodies%' ORDER BY 1"
            ).fetchall()
            read = session_envelopes(conn, Path(), client.session_id)
            encodings = conn.execute("SELECT sequence, encoding FROM envelope_bodies ORDER BY 1").fetchall()
    finally:
        store.close()
    assert (4,) in versions and len(versions) == schema.SCHEMA_VERSION
    assert before == [(0, None), (1, "lz4"), (2, "pglz")]  # the small one inline, uncompressed
    assert after == [*before, (3, None), (4, None)]  # the bodies stored before keep their compression
    assert encodings == [(0, 0), (1, 0), (2, 0), (3, 1), (4, 1)]  # as received before version 5, zstd after
    assert len(storage) == 3 and {kind for _, kind in storage} == {"e"}  # the parent and both days
    assert [body for _, _, body in read] == [rec.body for rec in (*chunks, tomorrow) if rec]
    assert check_database(StoreUrl.parse(database), say=lambda _: None).problems == ()


COMPRESSION = "SELECT sequence, pg_column_compression(body) FROM envelope_bodies ORDER BY sequence"


@contextlib.contextmanager
def older_server(monkeypatch: pytest.MonkeyPatch, database: str, version: int) -> Iterator[None]:
    """The server as it was at schema `version`, as far as what it stores goes.

    Before version 5 bodies had no `encoding` and were stored as received: the column is there while the older
    server runs, with every body kept as received, and dropped after, leaving the rows as that server left them.
    """
    with monkeypatch.context() as older:
        older.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:version])
        older.setattr(schema, "SCHEMA_VERSION", version)
        if version >= 5:
            yield
            return
        older.setattr(bodies, "SMALLEST_COMPRESSED", math.inf)
        with psycopg.connect(database, autocommit=True) as conn:
            schema.migrate(conn)
            conn.execute("ALTER TABLE envelope_bodies ADD COLUMN encoding SMALLINT NOT NULL DEFAULT 0")
        yield
        with psycopg.connect(database, autocommit=True) as conn:
            conn.execute("ALTER TABLE envelope_bodies DROP COLUMN encoding")
