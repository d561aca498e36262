"""The embedded store on real SQLite files and segment files: group commit, exactly-once credit, recovery,
and the logs as the record the catalog is rebuilt and checked from."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

import attrs
import orjson
import pytest

from groove_actors.protocol import merkle
from groove_actors.server.stats import StatsBook, summary
from groove_actors.store import catalog
from groove_actors.store.catalog import CreditRecord, EnvelopeRecord, NewSession
from groove_actors.store.check import check_data_dir, compare_catalogs, rebuild_data_dir
from groove_actors.store.embedded import (
    CloseSession,
    Credit,
    Done,
    DropSecrets,
    EmbeddedStore,
    OpenSession,
    Operation,
    Refused,
    RequestClose,
    SealDay,
    StoreEnvelope,
)
from groove_actors.store.keys import COMPACT_SLACK
from groove_actors.store.recovery import StoreLoss, recover

DAY = "2026-11-25"
EMPTY_HEAD = merkle.root([]).hex()
NOW = 1_795_600_000.0  # 2026-11-25


def new_session(session_id: str, fingerprint: str = "fp", at: float = NOW) -> NewSession:
    secret = session_id.encode().ljust(32, b"k")
    return NewSession(session_id, secret, "pk", "claude-code", "o3", fingerprint, "a" * 64, "0.1", at)


def record(session_id: str, sequence: int, kind: str = "chunk", steps: int = 3) -> EnvelopeRecord:
    body = (
        f'{{"session_id":"{session_id}","attestation":{{"sequence":{sequence},"session_hmac":"{"ab" * 32}"}}'
    )
    body += (
        ',"type":"SESSION_CLOSE","outcome":{"status":"SUCCESS"}}'
        if kind == "close"
        else f',"trajectory_log":[{",".join(["{}"] * steps)}]}}'
    )
    return EnvelopeRecord(
        session_id=session_id, sequence=sequence, envelope_id="", kind=kind, hmac="ab" * 32,
        body=body.encode(), steps=0 if kind == "close" else steps, contributor_id=None, provider=None,
        model=None, close_status="SUCCESS" if kind == "close" else None,
    )  # fmt: skip


def credit(session_id: str, points: float = 10.0, at: float = NOW) -> Credit:
    row = CreditRecord(session_id, "c" * 32, points, 5.0, "{}", "v1", 90.0, "o3", "codex", 5, at, DAY, 0.04)
    line = orjson.dumps({"session_id": session_id, "credit": attrs.asdict(row), "coordination": []})
    return Credit(row, line, (), None)


def a_session(session_id: str, chunks: int = 2) -> list[Operation]:
    ops: list[Operation] = [StoreEnvelope(record(session_id, i)) for i in range(chunks)]
    return [*ops, StoreEnvelope(record(session_id, chunks, kind="close"))]


def test_files_are_private(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    store.commit([OpenSession(new_session("s1"), 20), StoreEnvelope(record("s1", 0))], at=NOW)
    for path in [store.catalog_path, store.keys.path, *store.envelopes.directory.iterdir()]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_open_conflict_and_fingerprint_limit_are_decided_before_anything_is_logged(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    sessions = [new_session(i) for i in ("s1", "s1", "s2", "s3")] + [new_session("s4", fingerprint="other")]
    outcomes = store.commit([OpenSession(s, 2) for s in sessions], at=NOW)
    assert [o.status if isinstance(o, Refused) else "ok" for o in outcomes] == ["ok", 409, "ok", 429, "ok"]
    log = (store.envelopes.directory / store.envelopes.names()[0]).read_bytes()
    assert log.count(b"#open ") == 3 and b'"s3"' not in log
    assert b"s1".ljust(32, b"k").hex().encode() not in log  # secrets never enter the log


def test_a_batch_indexes_envelopes_and_advances_sequences(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    store.commit([OpenSession(new_session("s1"), 20), OpenSession(new_session("s2"), 20)], at=NOW)
    outcomes = store.commit([StoreEnvelope(record("s1", 0)), StoreEnvelope(record("s2", 0)),
                             StoreEnvelope(record("s1", 1))], at=NOW)  # fmt: skip
    assert all(isinstance(o, Done) for o in outcomes)
    state = catalog.load_session(store.conn, "s1")
    assert state is not None and state.next_sequence == 2
    assert [seq for seq, _, _ in catalog.envelope_refs(store.conn, "s1")] == [0, 1]
    assert catalog.stored_envelope(store.conn, "s1", 1) == ("ab" * 32, None, None)


def test_quota_refuses_envelopes_and_opens_with_507_and_stores_nothing(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=500)
    store.commit([OpenSession(new_session("s1"), 20)], at=NOW)
    first, second = store.commit([StoreEnvelope(record("s1", 0)), StoreEnvelope(record("s1", 1))], at=NOW)
    assert isinstance(first, Done)
    assert isinstance(second, Refused) and second.status == 507
    assert [seq for seq, _, _ in catalog.envelope_refs(store.conn, "s1")] == [0]
    (opened,) = store.commit([OpenSession(new_session("s2"), 20)], at=NOW)
    assert isinstance(opened, Refused) and opened.status == 507
    assert not catalog.session_exists(store.conn, "s2")


def test_close_marks_for_credit_and_credit_happens_exactly_once(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    store.commit([OpenSession(new_session("s1"), 20), *a_session("s1")], at=NOW)
    assert catalog.pending_sessions(store.conn) == ["s1"]
    first, again = store.commit([credit("s1"), credit("s1", points=99.0)], at=NOW)
    assert first == Done(True) and again == Done(False)
    assert catalog.pending_sessions(store.conn) == []
    assert catalog.leaderboard(store.conn, 10) == [("c" * 32, 10.0, 1)]


@pytest.mark.slow
def test_a_closed_session_keeps_its_secret_for_the_feedback_window_then_drops_it(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    count = 2 * COMPACT_SLACK
    store.commit([OpenSession(new_session(f"s{i}"), 0) for i in range(count)], at=NOW)
    assert len(store.keys.load()) == count
    for i in range(count - 1):
        store.commit(a_session(f"s{i}", chunks=0), at=NOW + i)
    state = catalog.load_session(store.conn, "s0")
    assert state is not None and state.status == "closed" and state.secret == new_session("s0").secret
    assert store.commit([DropSecrets(closed_before=NOW + 10)], at=NOW + 3600) == [Done(10)]
    state = catalog.load_session(store.conn, "s0")
    assert state is not None and state.secret == b""
    assert len(catalog.live_secrets(store.conn)) == count - 10
    assert store.commit([DropSecrets(closed_before=NOW + count)], at=NOW + 7200) == [Done(count - 11)]
    assert catalog.live_secrets(store.conn) == {f"s{count - 1}": new_session(f"s{count - 1}").secret}
    # Rewritten once dropped secrets made up most of it: only the live ones stay (with any added since).
    assert store.keys.load() == catalog.live_secrets(store.conn)


def test_grace_close_and_idle_close_are_due_by_their_deadlines(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    fresh, stale = new_session("s1", at=NOW), new_session("s2", at=NOW - 90_000)
    store.commit([OpenSession(fresh, 20), OpenSession(stale, 20), RequestClose("s1", NOW)], at=NOW)
    assert catalog.sessions_due(store.conn, close_before=NOW - 1, idle_before=NOW - 86_400) == [
        ("s2", "idle")
    ]
    assert catalog.sessions_due(store.conn, close_before=NOW, idle_before=NOW - 86_400) == [
        ("s1", "grace"),
        ("s2", "idle"),
    ]
    (closed,) = store.commit([CloseSession("s1", NOW, "grace", "SUCCESS")], at=NOW)
    assert closed == Done(True)
    assert store.commit([CloseSession("s1", NOW, "grace", "SUCCESS")], at=NOW) == [Done(False)]


def test_stats_loaded_from_disk_equal_the_live_ones(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    live = StatsBook.load(store.conn)
    ops: list[Operation] = [OpenSession(new_session("s1"), 20), *a_session("s1", chunks=1), credit("s1")]
    for op, outcome in zip(ops, store.commit(ops, at=NOW), strict=True):
        if isinstance(op, OpenSession):
            live.session_opened()
        elif isinstance(op, StoreEnvelope):
            live.envelope_stored(op.record, outcome.detail)  # type: ignore[arg-type, union-attr]
        elif isinstance(op, Credit):
            live.credited(op.credit)
    loaded = StatsBook.load(store.conn)
    assert summary(loaded) == summary(live)
    assert summary(loaded)["totalEnvelopes"] == 2 and summary(loaded)["activeSessions"] == 0
    assert loaded.models == live.models and loaded.daily == live.daily


def a_history(store: EmbeddedStore) -> None:
    """Sessions opened, filled, closed by envelope and by the reaper, credited, a day sealed."""
    store.commit([OpenSession(new_session(f"s{i}"), 20) for i in range(4)], at=NOW)
    store.commit([*a_session("s0"), *a_session("s1", chunks=1), StoreEnvelope(record("s2", 0))], at=NOW + 1)
    store.commit([CloseSession("s2", NOW + 2, "idle", "CRASH"), RequestClose("s3", NOW + 2)], at=NOW + 2)
    store.commit([credit("s0", 12.5, NOW + 3), credit("s1", 7.25, NOW + 3)], at=NOW + 3)
    store.commit([credit("s2", 1.0, NOW + 4), SealDay("2026-11-24", EMPTY_HEAD, 0, NOW + 4)], at=NOW + 4)
    kept_aside = attrs.evolve(
        record("s3", 1),
        steps=0,
        refusal_status=422,
        refusal_reason="breaks 1 schema rule(s)\n$.x: not a number",
    )
    store.commit([StoreEnvelope(record("s3", 0)), StoreEnvelope(kept_aside)], at=NOW + 5)


def test_recovery_cuts_a_torn_append_and_replays_what_the_catalog_lacks(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    store.commit([OpenSession(new_session("s1"), 20), StoreEnvelope(record("s1", 0))], at=NOW)
    # A crash after the appends' fsyncs but before their transaction, then a torn write.
    store.envelopes.append([b"#commit " + orjson.dumps({"at": NOW + 9}), record("s1", 1).body], day=DAY)
    store.envelopes.append([record("s1", 1).body], day=DAY)  # the same sequence again: fits nowhere
    with open(store.envelopes.directory / store.envelopes.names()[-1], "ab") as handle:
        handle.write(b'{"session_id":"s1","attest')
    store.close()

    reopened = EmbeddedStore(tmp_path, quota_bytes=10**9)
    report = recover(reopened, now=NOW + 10)
    assert report.torn_bytes_cut == len(b'{"session_id":"s1","attest')
    assert (report.replayed["envelopes"], report.replayed["commits"], report.catalog_behind_commits) == (
        1,
        1,
        0,
    )
    assert len(report.unplaced) == 1 and "already indexed" in report.unplaced[0]
    state = catalog.load_session(reopened.conn, "s1")
    assert state is not None and state.next_sequence == 2 and state.last_activity_at == NOW + 9
    again = recover(reopened, now=NOW + 11)
    assert again.replayed["envelopes"] == 0 and again.torn_bytes_cut == 0 and again.unplaced == ()


def test_a_credit_made_durable_but_not_committed_is_replayed_not_redone(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    store.commit([OpenSession(new_session("s1"), 20), *a_session("s1")], at=NOW)
    store.trajectories.append([credit("s1", 42.0).trajectory], day=DAY)  # fsynced; the transaction never ran
    store.close()
    reopened = EmbeddedStore(tmp_path, quota_bytes=10**9)
    assert recover(reopened, now=NOW).replayed["credits"] == 1
    assert catalog.pending_sessions(reopened.conn) == []
    assert catalog.leaderboard(reopened.conn, 10) == [("c" * 32, 42.0, 1)]


def test_a_log_cut_into_acknowledged_records_refuses_to_start_and_names_the_loss(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    store.commit([OpenSession(new_session("s1"), 20), StoreEnvelope(record("s1", 0))], at=NOW)
    store.commit([StoreEnvelope(record("s1", 1)), StoreEnvelope(record("s1", 2))], at=NOW)
    store.close()
    segment = tmp_path / "envelopes" / f"{DAY}.0000.jsonl"
    size = segment.stat().st_size
    os.truncate(segment, size - 30)
    reopened = EmbeddedStore(tmp_path, quota_bytes=10**9)
    with pytest.raises(StoreLoss) as refused:
        recover(reopened, now=NOW)
    message = str(refused.value)
    assert f"envelopes/{DAY}.0000.jsonl ends at byte" in message
    assert "2 envelope(s) lost (s1 #1, s1 #2)" in message or "1 envelope(s) lost (s1 #2)" in message
    assert "rebuild" in message
    assert segment.stat().st_size == size - 30  # nothing cut, nothing appended where the catalog points


def test_a_catalog_behind_its_logs_is_rebuilt_from_them_at_start_up(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    store.commit([OpenSession(new_session("early"), 20)], at=NOW - 10)
    old = tmp_path.parent / "old-catalog.sqlite3"
    with sqlite3.connect(old) as copy:
        store.conn.backup(copy)
    a_history(store)
    expected = tmp_path.parent / "expected.sqlite3"
    with sqlite3.connect(expected) as copy:
        store.conn.backup(copy)
    store.close()
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"central.sqlite3{suffix}").unlink(missing_ok=True)
    shutil.copy(old, tmp_path / "central.sqlite3")

    reopened = EmbeddedStore(tmp_path, quota_bytes=10**9)
    report = recover(reopened, now=NOW + 100)
    assert report.catalog_behind_commits == 4 and report.unplaced == ()
    assert report.replayed["credits"] == 3 and report.replayed["seals"] == 1
    assert compare_catalogs(reopened.conn, expected) == []
    assert catalog.open_secrets(reopened.conn) == {s: new_session(s).secret for s in ("early", "s3")}


def test_rebuild_gives_the_same_catalog_and_check_agrees(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    a_history(store)
    expected = tmp_path.parent / "expected.sqlite3"
    with sqlite3.connect(expected) as copy:
        store.conn.backup(copy)
    store.close()
    said: list[str] = []
    assert check_data_dir(tmp_path, say=said.append).problems == ()
    report = rebuild_data_dir(tmp_path, say=said.append, now=NOW + 100)
    assert report.unplaced == () and report.keys_lost == 0
    assert list(tmp_path.glob("central.sqlite3.replaced-*/central.sqlite3"))
    rebuilt = sqlite3.connect(tmp_path / "central.sqlite3")
    assert compare_catalogs(rebuilt, expected) == []
    rebuilt.close()
    assert check_data_dir(tmp_path, say=said.append).problems == ()


def test_check_keeps_its_scratch_catalogs_in_the_data_dir_and_always_removes_them(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    a_history(store)
    store.close()
    stale = tmp_path / ".check-scratch-left-by-a-killed-check"
    stale.mkdir()
    (stale / "as-next-start.sqlite3").write_bytes(b"half a copy")
    said: list[str] = []
    assert check_data_dir(tmp_path, say=said.append).problems == ()
    (copying,) = [line for line in said if line.startswith("copying the catalog to ")]
    scratch = Path(copying.removeprefix("copying the catalog to ")).parent
    assert scratch.parent == tmp_path and scratch.name.startswith(".check-scratch-")  # beside the catalog
    assert not scratch.exists() and not stale.exists()
    (tmp_path / "central.sqlite3").write_bytes(b"not a catalog" * 1000)  # check fails midway
    with pytest.raises(sqlite3.DatabaseError):
        check_data_dir(tmp_path, say=said.append)
    assert not list(tmp_path.glob(".check-scratch-*"))


def test_check_names_what_the_catalog_and_the_logs_disagree_on(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    a_history(store)
    store.conn.execute("UPDATE credits SET points = points + 1000 WHERE session_id = 's1'")
    store.conn.execute("UPDATE ledger_roots SET credits = 5")
    store.close()
    problems = check_data_dir(tmp_path, say=lambda _: None).problems
    assert any(p.startswith("credits: the catalog and the logs disagree on 1 row(s)") for p in problems)
    assert any(p.startswith("ledger_roots:") for p in problems)
    assert any(p.startswith("ledger day 2026-11-24") for p in problems)


def test_open_sessions_whose_key_is_lost_are_closed_and_credited_at_start_up(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    store.commit([OpenSession(new_session("s1"), 20), StoreEnvelope(record("s1", 0))], at=NOW)
    store.close()
    (tmp_path / "session-keys").unlink()
    rebuilt = rebuild_data_dir(tmp_path, say=lambda _: None, now=NOW + 1)
    assert rebuilt.keys_lost == 1
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    state = catalog.load_session(store.conn, "s1")
    assert state is not None and state.status == "closed" and catalog.pending_sessions(store.conn) == ["s1"]


def test_a_version_1_catalog_is_upgraded_and_its_logs_found_already_held(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    a_history(store)
    expected = tmp_path.parent / "expected.sqlite3"
    with sqlite3.connect(expected) as copy:
        store.conn.backup(copy)
    # What version 1 left: no log ends, and no count of each session's counted envelopes.
    store.conn.execute("DELETE FROM log_ends")
    store.conn.execute("UPDATE sessions SET accepted = 0")
    store.conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    store.close()
    upgraded = EmbeddedStore(tmp_path, quota_bytes=10**9)
    report = recover(upgraded, now=NOW + 100)
    assert report.unplaced == () and report.catalog_behind_commits == 0
    assert report.replayed["envelopes"] == 0 and report.replayed["already_held"] > 0
    assert compare_catalogs(upgraded.conn, expected) == []
