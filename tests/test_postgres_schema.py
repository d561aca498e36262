"""The PostgreSQL store's schema upgrades: a database made by an earlier version of the server is upgraded in
place when a newer one opens it, and keeps what it held."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
import psycopg
import pytest

from groove_actors.store.embedded import Credit, Done, OpenSession, StoreEnvelope
from groove_actors.store.postgres import schema
from groove_actors.store.postgres.reads import sessions_due
from groove_actors.store.postgres.stats import load_stats
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
