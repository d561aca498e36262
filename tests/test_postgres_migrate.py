"""Moving an embedded store into PostgreSQL (`groove-central migrate`), and `check` on the result.

A store built through the real server (sessions open, closed, credited, a sealed ledger day, a coordination
pair, a rotation chain, an envelope kept aside) is migrated by the command, checked, and served from
PostgreSQL: the stats, the ledger's roots and proofs are the same, and the open session goes on at its next
sequence, after a first run that the database failed (a trigger refusing one envelope) was run again. Then
one corrupted row makes `check` fail naming it. In-process, on a store written through the embedded store's
own commits: a migration interrupted inside a table and run again moves exactly what an uninterrupted one
does, `check` names what each kind of corrupted row breaks, and what the target must not be is refused.
PostgreSQL is the one at 127.0.0.1:5432 (tests/test_store_contract.py: skipped without it, except CI=true).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import httpx
import orjson
import psycopg
import pytest
import trio

from groove_actors import cli
from groove_actors.protocol import merkle
from groove_actors.store import catalog, records
from groove_actors.store.catalog import CreditRecord, NewSession
from groove_actors.store.embedded import (
    CATALOG_FILE,
    CloseSession,
    Credit,
    EmbeddedStore,
    OpenSession,
    SealDay,
    StoreEnvelope,
)
from groove_actors.store.lock import DataDirBusy, hold_data_dir
from groove_actors.store.postgres import bodies, schema
from groove_actors.store.postgres import migrate as migration
from groove_actors.store.postgres.check import check_database
from groove_actors.store.postgres.migrate import DATA_TABLES, MigrateRefused, migrate_data_dir
from groove_actors.store.postgres.url import StoreUrl
from groove_actors.store.replay import envelope_record
from groove_actors.store.segments import utc_day
from tests.support.client import ingest, open_session
from tests.support.envelopes import ClientSession
from tests.support.loadgen import NO_LIMITS
from tests.support.server import ServerProcess, run_central, start_server
from tests.test_coordination import credit_side
from tests.test_export import tool_steps
from tests.test_rotation import chunk, sessions_of
from tests.test_store_contract import scratch_schema, test_run_database  # noqa: F401 (a fixture)

DAY_S = 86_400.0
NOW = 1_795_600_000.0  # 2026-11-25
CREDIT_DEADLINE_S = 60.0


@pytest.fixture
def schemas(request: pytest.FixtureRequest) -> Iterator[list[str]]:
    """URLs of two empty schemas of their own in this run's database (dropped afterwards)."""
    database = request.getfixturevalue("test_run_database")
    with scratch_schema(database) as first, scratch_schema(database) as second:
        yield [first, second]


def quiet(_: str) -> None:
    """Progress lines a test does not look at."""


# --- a store written through the embedded store's own commits ----------------------------------------------


def opened(client: ClientSession, at: float) -> NewSession:
    return NewSession(
        client.session_id,
        client.secret,
        "pk",
        "claude-code",
        "claude-opus-4-6",
        "fp",
        "0f" * 32,
        "0.27.78",
        at,
    )


def credited(session_id: str, contributor: str, at: float, points: float) -> CreditRecord:
    return CreditRecord(
        session_id, contributor, points, points / 2, "{}", "v1", 80.0, "claude-opus-4-6", "claude-code", 5,
        at, utc_day(at), 0.01,
    )  # fmt: skip


def credit_op(row: CreditRecord, **extra: Any) -> Credit:
    line = orjson.dumps({"session_id": row.session_id, "credit": attrs.asdict(row)})
    return Credit(row, line, extra.pop("coordination", ()), extra.pop("agent_id", None), **extra)


def build_store(data_dir: Path, sessions: int = 5) -> dict[str, ClientSession]:
    """Sessions with signed chunks, closed and credited on an earlier day (sealed) and today, an adjusted credit,
    one kept-aside envelope, a coordination pair and a rotation link, one session left open: as the server
    writes them."""
    data_dir.mkdir()
    store = EmbeddedStore(data_dir, quota_bytes=10**9)
    clients = {f"s{n}": ClientSession(bytes([n + 1]) * 32, session_id=f"sess_m{n}") for n in range(sessions)}
    try:
        earlier = NOW - 2 * DAY_S
        for n, client in enumerate(clients.values()):
            at = earlier if n < 2 else NOW
            store.commit([OpenSession(opened(client, at), 0)], at=at)
            bodies = [client.chunk_body(3 + n, now=at) for _ in range(2)]
            if n == 2:  # its second chunk was refused for what it holds, and kept aside
                kept = records.QuarantineRecord(client.session_id, 1, 422, "step type not known")
                first, second = (
                    envelope_record(bodies[0], refused=None),
                    envelope_record(bodies[1], refused=kept),
                )
            else:
                first, second = (envelope_record(body, refused=None) for body in bodies)
            assert first is not None and second is not None
            store.commit([StoreEnvelope(first), StoreEnvelope(second)], at=at)
            if n == sessions - 1:
                continue  # left open
            store.commit([CloseSession(client.session_id, at + 1, "idle", "CRASH")], at=at + 1)
            row = credited(client.session_id, client.contributor_id, at + 2, 10.0 + n / 3)
            extra: dict[str, Any] = {}
            if n in (2, 3):
                extra = {
                    "coordination": (("coord_1", 2, "outbound" if n == 2 else "inbound"),),
                    "agent_id": f"a{n}",
                }
            if n == 1:
                extra = {"predecessor": "sess_m0"}
            store.commit([credit_op(row, **extra)], at=at + 2)
        leaves = catalog.day_leaves(store.conn, utc_day(earlier))
        head = merkle.root(merkle.leaf_hashes(leaves)).hex()
        store.commit([SealDay(utc_day(earlier), head, len(leaves), NOW)], at=NOW)
        adjusting = clients["s0"]  # an adjustment of its credit, as a requeue brings about: revision 1, today
        adjusted = attrs.evolve(
            credited(adjusting.session_id, adjusting.contributor_id, NOW + 5, 1.5), revision=1
        )
        store.commit([credit_op(adjusted)], at=NOW + 5)
    finally:
        store.close()
    return clients


def contents(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the store, in order, and where the ledger's ids go on."""
    with psycopg.connect(url) as conn:
        found = {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2".encode()).fetchall()
                 for table in DATA_TABLES if table != "contributors"}  # fmt: skip
        found["contributors"] = conn.execute(b"SELECT * FROM contributors ORDER BY 1").fetchall()
        found["next credit id"] = conn.execute(
            b"SELECT nextval(pg_get_serial_sequence('credits', 'id'))"
        ).fetchall()
    return found


def fail_envelope_batch(url: str, session_id: str, sequence: int) -> None:
    """A real database failure in the middle of the envelopes: inserting this one's index row raises."""
    with psycopg.connect(url, autocommit=True) as conn:
        schema.migrate(conn)  # the target holds the server's schema only (an upgraded, empty database)
        conn.execute(
            "CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            f" IF NEW.session_id = '{session_id}' AND NEW.sequence = {sequence} THEN"
            " RAISE EXCEPTION 'the database went away'; END IF; RETURN NEW; END $$"
        )
        conn.execute(
            "CREATE TRIGGER refuse_one BEFORE INSERT ON envelopes FOR EACH ROW EXECUTE FUNCTION refuse_one()"
        )


def test_an_interrupted_migration_run_again_moves_what_a_whole_one_does(
    tmp_path: Path, schemas: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    clients = build_store(tmp_path / "data")
    whole, interrupted = schemas
    report = migrate_data_dir(tmp_path / "data", StoreUrl.parse(whole), say=quiet)
    assert (report.moved["sessions"], report.moved["envelopes"], report.moved["credits"]) == (5, 10, 5)
    assert report.moved["ledger_roots"] == 1 and report.moved["coordination_links"] == 2

    monkeypatch.setattr(migration, "ROWS_PER_BATCH", 3)  # several batches per table: stopped inside one
    fail_envelope_batch(interrupted, clients["s3"].session_id, 0)
    with pytest.raises(psycopg.errors.RaiseException):
        migrate_data_dir(tmp_path / "data", StoreUrl.parse(interrupted), say=quiet)
    with psycopg.connect(interrupted, autocommit=True) as conn:
        ((moved, done),) = conn.execute(
            "SELECT moved, done FROM groove_migration WHERE step = 'envelopes'"
        ).fetchall()
        assert (moved, done) == (6, False)  # two batches committed, the third not
        assert conn.execute("SELECT COUNT(*) FROM envelope_bodies").fetchall() == [(6,)]
        conn.execute("DROP TRIGGER refuse_one ON envelopes")
    assert check_database(StoreUrl.parse(interrupted), say=quiet).problems[-1] == (
        "a `groove-central migrate` into this database did not finish: run the same command again (it resumes)"
        " before serving from it"
    )
    resumed = migrate_data_dir(tmp_path / "data", StoreUrl.parse(interrupted), say=quiet)
    assert resumed.resumed and resumed.moved["envelopes"] == 10
    assert contents(interrupted) == contents(whole)
    again = migrate_data_dir(tmp_path / "data", StoreUrl.parse(interrupted), say=quiet)
    assert again.already_done
    assert contents(interrupted) == contents(whole)

    checked = check_database(StoreUrl.parse(interrupted), say=quiet)
    assert checked.problems == ()
    assert checked.notes == ()  # every session keeps its secret here: every body's signature was checked
    with psycopg.connect(interrupted, autocommit=True) as conn:
        conn.execute("UPDATE totals SET value = value + 3 WHERE name = 'steps'")
        where = "WHERE session_id = %s AND sequence = 0"
        ((encoding, stored),) = conn.execute(
            f"SELECT encoding, body FROM envelope_bodies {where}", (clients["s4"].session_id,)
        ).fetchall()
        altered = bodies.unpack(encoding, stored).replace(b"thought 1", b"thinker 1")
        conn.execute(
            f"UPDATE envelope_bodies SET (encoding, body) = (%s, %s) {where}",
            (*bodies.pack(altered), clients["s4"].session_id),
        )
    problems = check_database(StoreUrl.parse(interrupted), say=quiet).problems
    assert problems == (
        f"envelopes whose bytes do not carry their session's signature: 1 row(s): {clients['s4'].session_id} #0",
        "totals that disagree with what they count: 1 row(s): steps (48, not 45)",
    )


CORRUPTIONS = {
    "DELETE FROM envelope_bodies WHERE session_id = 'sess_m1' AND sequence = 1":
        "envelopes without their stored bytes: 1 row(s): sess_m1 #1",
    "UPDATE envelopes SET steps = steps + 1 WHERE session_id = 'sess_m0' AND sequence = 0":
        "envelopes whose bytes disagree with their index (steps): 1 row(s): sess_m0 #0",
    "UPDATE sessions SET next_sequence = 5 WHERE session_id = 'sess_m4'":
        "sessions whose next sequence disagrees with their envelopes: 1 row(s): sess_m4 (5, not 2)",
    "INSERT INTO credits (session_id, revision, contributor_id, points, base_points, breakdown, policy_version,"
    " quality, model, provider, steps, day, created_at, trajectory) SELECT session_id, 2, contributor_id, 0,"
    " 0, breakdown, policy_version, quality, model, provider, 0, day, created_at, trajectory FROM credits"
    " WHERE session_id = 'sess_m2'":
        "sessions credited other than once per revision: 1 row(s): sess_m2 (2 credits, last revision 2)",
    "UPDATE balances SET total_sessions = 2 WHERE contributor_id = (SELECT contributor_id FROM sessions"
    " WHERE session_id = 'sess_m3')": "balances that disagree with the ledger: 1 row(s): ",
    "DELETE FROM coordination_links WHERE session_id = 'sess_m2'":
        "coordination links without their other side: 1 row(s): sess_m3/2/sess_m2/2",
    "UPDATE ledger_roots SET credits = 3": "ledger day 2026-11-23: sealed with head ",
    "UPDATE envelope_bodies SET encoding = 9 WHERE session_id = 'sess_m1' AND sequence = 1":
        "envelopes whose stored bytes do not decode (body encoding 9 is not one this server reads",
    "UPDATE envelope_bodies SET (encoding, body) = (1, substring(body from 1 for 16)) WHERE session_id = 'sess_m1'"
    " AND sequence = 1": "envelopes whose stored bytes do not decode (compressed body does not decode: ",
}  # fmt: skip


@pytest.mark.parametrize("corruption", CORRUPTIONS)
def test_check_names_what_one_corrupted_row_breaks(
    tmp_path: Path, schemas: list[str], corruption: str
) -> None:
    build_store(tmp_path / "data")
    url = schemas[0]
    migrate_data_dir(tmp_path / "data", StoreUrl.parse(url), say=quiet)
    assert check_database(StoreUrl.parse(url), say=quiet).problems == ()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(corruption.encode())
    problems = check_database(StoreUrl.parse(url), say=quiet).problems
    assert any(problem.startswith(CORRUPTIONS[corruption]) for problem in problems), problems


def test_a_target_that_is_not_empty_or_a_data_dir_in_use_is_refused(
    tmp_path: Path, schemas: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    build_store(tmp_path / "data")
    build_store(tmp_path / "other", sessions=2)
    holding, used = schemas
    with hold_data_dir(tmp_path / "data"), pytest.raises(DataDirBusy):
        migrate_data_dir(tmp_path / "data", StoreUrl.parse(holding), say=quiet)
    with psycopg.connect(used, autocommit=True) as conn:
        schema.migrate(conn)
        conn.execute("INSERT INTO contributors VALUES ('someone')")
    with pytest.raises(MigrateRefused, match="the target is not empty"):
        migrate_data_dir(tmp_path / "data", StoreUrl.parse(used), say=quiet)
    migrate_data_dir(tmp_path / "other", StoreUrl.parse(holding), say=quiet)
    with pytest.raises(MigrateRefused, match="a migration of another data dir"):
        migrate_data_dir(tmp_path / "data", StoreUrl.parse(holding), say=quiet)

    segment = sorted((tmp_path / "data" / "envelopes").iterdir())[-1]
    with segment.open("ab") as log:  # a commit made durable whose transaction never happened (a crash)
        log.write(b'#commit {"at": 1795600000.0}\n')
    with pytest.raises(MigrateRefused, match="the catalog is behind its log envelopes/"):
        migrate_data_dir(tmp_path / "data", StoreUrl.parse(used), say=quiet)
    with sqlite3.connect(tmp_path / "other" / CATALOG_FILE) as conn:
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    with pytest.raises(MigrateRefused, match="start this version's server on the data dir once"):
        migrate_data_dir(tmp_path / "other", StoreUrl.parse(used), say=quiet)

    assert cli.main(["migrate", "--from", str(tmp_path), "--to", holding]) == 2
    assert "is not a Central Command data dir" in capsys.readouterr().err
    password = "pw" + str(time.time_ns())
    with pytest.raises(SystemExit) as exited:
        cli.main(["migrate", "--from", str(tmp_path / "data"), "--to", f"mysql://u:{password}@h/db"])
    said = capsys.readouterr().err
    assert exited.value.code == 2 and "--to" in said and password not in said


# --- through the real server and the command ---------------------------------------------------------------


def seed_a_finished_day(data_dir: Path, now: float) -> list[str]:
    """Sessions credited two days ago, written as the pipeline writes them: the server seals that day."""
    data_dir.mkdir(mode=0o700)
    store = EmbeddedStore(data_dir, quota_bytes=10**9)
    names = [f"sess_old_{n}" for n in range(3)]
    try:
        for n, name in enumerate(names):
            at = now - 2 * DAY_S + n
            client = ClientSession(b"k" * 32, session_id=name)
            store.commit([OpenSession(opened(client, at), 0)], at=at)
            store.commit([CloseSession(name, at, "idle", "CRASH")], at=at)
            store.commit([credit_op(credited(name, client.contributor_id, at, 4.0 + n))], at=at)
    finally:
        store.close()
    return names


async def stitched_and_credited(
    server: ServerProcess, http: httpx.AsyncClient, client: ClientSession, *bodies: bytes
) -> None:
    for body in bodies:
        answer = await ingest(http, body)
        assert answer.status_code == 200, answer.text
    with trio.fail_after(CREDIT_DEADLINE_S):
        await server.log.wait_for_session("ledger.credited", client.session_id)


async def public_answers(http: httpx.AsyncClient, proved: list[str]) -> dict[str, Any]:
    """What the public endpoints say of the store: stats, sealed roots, and each session's proof."""
    answers: dict[str, Any] = {
        "summary": (await http.get("/v1/stats/summary")).json(),
        "roots": (await http.get("/v1/ledger/roots", params={"days": 30})).json(),
        "leaderboard": (await http.get("/v1/stats/leaderboard")).json(),
    }
    for session_id in proved:
        proof = await http.get("/v1/ledger/proof", params={"session_id": session_id})
        answers[session_id] = (proof.status_code, proof.json())
    return answers


@pytest.mark.slow
async def test_a_store_served_migrated_and_served_from_postgresql_says_the_same(
    tmp_path: Path, schemas: list[str]
) -> None:
    url = schemas[0]
    data = tmp_path / "data"
    old = seed_a_finished_day(data, time.time())
    async with start_server(data, *NO_LIMITS) as server, httpx.AsyncClient(base_url=server.url) as http:
        with trio.fail_after(30):
            await server.log.wait_for("ledger.sealed")
        done = await open_session(http)
        await stitched_and_credited(
            server, http, done, done.chunk_body(6), done.chunk_body(4), done.close_body()
        )
        kept = await open_session(http)
        refused = await ingest(http, kept.chunk_of(tool_steps(time.time() - 600), predecessor_session_id=7))
        assert refused.status_code == 422 and refused.json()["quarantined"] is True
        await stitched_and_credited(server, http, kept, kept.chunk_body(5), kept.close_body())
        asker, answerer = await open_session(http), await open_session(http)
        await credit_side(server, http, asker, f"coord_{asker.session_id}", "outbound")
        await credit_side(server, http, answerer, f"coord_{asker.session_id}", "inbound")
        first, second = await sessions_of(http, done.contributor_id, 2)
        await stitched_and_credited(server, http, first, chunk(first, None), first.close_body())
        await stitched_and_credited(
            server, http, second, chunk(second, first.session_id), second.close_body()
        )
        going_on = await open_session(http)
        assert (await ingest(http, going_on.chunk_body(3))).status_code == 200
        proved = [*old, done.session_id, second.session_id]
        before = await public_answers(http, proved)
    assert before["summary"]["activeSessions"] == 1 and len(before["roots"]) == 1
    assert (
        before[old[1]][0] == 200 and before[done.session_id][0] == 409
    )  # today's credits are not sealed yet

    fail_envelope_batch(url, kept.session_id, 0)  # the database fails the first run among the envelopes
    failed = await run_central("migrate", "--from", str(data), "--to", url)
    assert failed.returncode == 1
    assert failed.stderr.decode().splitlines()[-1] == (
        "groove-central migrate: the database failed (RaiseException: the database went away); run the same"
        " command again to resume"
    )
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TRIGGER refuse_one ON envelopes")
    moved = await run_central("migrate", "--from", str(data), "--to", url)
    said = moved.stderr.decode()
    assert moved.returncode == 0, said
    assert (
        "resumed and finished: 10 sessions, 15 envelopes, 9 credits, 1 ledger roots" in said.splitlines()[-1]
    )
    checked = await run_central("check", "--store", url)
    assert checked.returncode == 0, checked.stderr.decode()
    assert (
        checked.stderr.decode().splitlines()[-1]
        == "groove-central check: the store's tables and its ledger agree"
    )
    again = await run_central("migrate", "--from", str(data), "--to", url)
    assert again.returncode == 0 and "migrated in full; nothing to do" in again.stderr.decode()

    async with (
        start_server(tmp_path / "unused", "--store", url, *NO_LIMITS) as server,
        httpx.AsyncClient(base_url=server.url) as http,
    ):
        after = await public_answers(http, proved)
        next_one = await ingest(http, going_on.chunk_body(2))  # sequence 1, after the migrated 0
        assert next_one.status_code == 200 and next_one.json()["accepted"] is True, next_one.text
        replayed = await ingest(http, going_on.chunk_body(2))
        assert replayed.json()["accepted"] is True
    assert after == before
    with psycopg.connect(url) as conn:
        assert conn.execute(
            "SELECT next_sequence FROM sessions WHERE session_id = %s", (going_on.session_id,)
        ).fetchall() == [(3,)]
        assert conn.execute(
            "SELECT refusal_status FROM envelopes WHERE session_id = %s AND sequence = 0", (kept.session_id,)
        ).fetchall() == [(422,)]
        assert conn.execute("SELECT COUNT(*) FROM coordination_links").fetchall() == [(2,)]
        assert conn.execute("SELECT predecessor_session FROM rotation_claims").fetchall() == [
            (first.session_id,)
        ]
        conn.execute(
            "UPDATE envelopes SET hmac = %s WHERE session_id = %s AND sequence = 1",
            ("0" * 64, done.session_id),
        )
    broken = await run_central("check", "--store", url)
    lines = broken.stderr.decode().splitlines()
    assert broken.returncode == 1
    assert (
        "groove-central check: INCONSISTENT: envelopes whose bytes disagree with their index (HMAC): 1 row(s):"
        f" {done.session_id} #1"
    ) in lines, lines
    assert lines[-1] == "groove-central check: 1 inconsistency(ies) found"
