"""The PostgreSQL store's schema upgrades: a database made by an earlier version of the server is upgraded in
place when a newer one opens it, and keeps what it held."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import psycopg
import pytest

from groove_actors.store.embedded import Credit, Done, OpenSession
from groove_actors.store.postgres import schema
from groove_actors.store.postgres.stats import load_stats
from tests.test_store_contract import (
    DAY,
    NOW,
    a_session,
    credit,
    new_session,
    postgres_store,
    scratch_database,
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
