"""The embedded store on real SQLite files and segment files: group commit, exactly-once credit, recovery."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from groove_actors.server.stats import StatsBook, summary
from groove_actors.store import catalog
from groove_actors.store.catalog import CreditRecord, EnvelopeRecord, NewSession
from groove_actors.store.embedded import (
    CloseSession,
    Credit,
    Done,
    EmbeddedStore,
    OpenSession,
    Operation,
    Refused,
    RequestClose,
    StoreEnvelope,
)
from groove_actors.store.recovery import recover

DAY = "2026-11-25"
NOW = 1_795_600_000.0


def new_session(session_id: str, fingerprint: str = "fp", at: float = NOW) -> NewSession:
    return NewSession(session_id, b"s" * 32, "pk", "claude-code", "o3", fingerprint, "a" * 64, "0.1", at)


def record(session_id: str, sequence: int, kind: str = "chunk", steps: int = 3) -> EnvelopeRecord:
    body = (
        f'{{"session_id":"{session_id}","attestation":{{"sequence":{sequence},"session_hmac":"{"ab" * 32}"}}'
    )
    body += (
        ',"type":"SESSION_CLOSE"}' if kind == "close" else f',"trajectory_log":[{",".join(["{}"] * steps)}]}}'
    )
    return EnvelopeRecord(
        session_id=session_id, sequence=sequence, envelope_id=f"env_{sequence}", kind=kind, hmac="ab" * 32,
        body=body.encode(), steps=0 if kind == "close" else steps, contributor_id="c" * 32, provider="codex",
        model="o3", close_status="SUCCESS" if kind == "close" else None, stored_at=NOW, day=DAY,
    )  # fmt: skip


def credit(session_id: str, points: float = 10.0) -> Credit:
    row = CreditRecord(session_id, "c" * 32, points, 5.0, "{}", "v1", 90.0, "o3", "codex", 5, NOW, DAY, 0.04)
    return Credit(row, b'{"session_id":"%s"}' % session_id.encode(), (), None)


def test_files_are_private(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    store.commit([OpenSession(new_session("s1"), 20), StoreEnvelope(record("s1", 0))], day=DAY)
    for path in [store.catalog_path, *store.envelopes.directory.iterdir()]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_open_conflict_and_fingerprint_limit(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    sessions = [new_session(i) for i in ("s1", "s1", "s2", "s3")] + [new_session("s4", fingerprint="other")]
    outcomes = store.commit([OpenSession(s, 2) for s in sessions], day=DAY)
    assert [o.status if isinstance(o, Refused) else "ok" for o in outcomes] == ["ok", 409, "ok", 429, "ok"]


def test_a_batch_indexes_envelopes_and_advances_sequences(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    store.commit([OpenSession(new_session("s1"), 20), OpenSession(new_session("s2"), 20)], day=DAY)
    outcomes = store.commit([StoreEnvelope(record("s1", 0)), StoreEnvelope(record("s2", 0)),
                             StoreEnvelope(record("s1", 1))], day=DAY)  # fmt: skip
    assert all(isinstance(o, Done) for o in outcomes)
    state = catalog.load_session(store.conn, "s1")
    assert state is not None and state.next_sequence == 2
    assert [seq for seq, _, _ in catalog.envelope_refs(store.conn, "s1")] == [0, 1]
    assert catalog.stored_hmac(store.conn, "s1", 1) == "ab" * 32


def test_quota_refuses_with_507_and_stores_nothing(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=250)
    store.commit([OpenSession(new_session("s1"), 20)], day=DAY)
    first, second = store.commit([StoreEnvelope(record("s1", 0)), StoreEnvelope(record("s1", 1))], day=DAY)
    assert isinstance(first, Done)
    assert isinstance(second, Refused) and second.status == 507
    assert [seq for seq, _, _ in catalog.envelope_refs(store.conn, "s1")] == [0]


def test_close_marks_for_credit_and_credit_happens_exactly_once(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    store.commit([OpenSession(new_session("s1"), 20), StoreEnvelope(record("s1", 0)),
                  StoreEnvelope(record("s1", 1, kind="close"))], day=DAY)  # fmt: skip
    assert catalog.pending_sessions(store.conn) == ["s1"]
    first, again = store.commit([credit("s1"), credit("s1", points=99.0)], day=DAY)
    assert first == Done(True) and again == Done(False)
    assert catalog.pending_sessions(store.conn) == []
    assert catalog.leaderboard(store.conn, 10) == [("c" * 32, 10.0, 1)]


def test_grace_close_and_idle_close_are_due_by_their_deadlines(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    fresh, stale = new_session("s1", at=NOW), new_session("s2", at=NOW - 90_000)
    store.commit([OpenSession(fresh, 20), OpenSession(stale, 20), RequestClose("s1", NOW)], day=DAY)
    assert catalog.sessions_due(store.conn, close_before=NOW - 1, idle_before=NOW - 86_400) == [
        ("s2", "idle")
    ]
    assert catalog.sessions_due(store.conn, close_before=NOW, idle_before=NOW - 86_400) == [
        ("s1", "grace"),
        ("s2", "idle"),
    ]
    (closed,) = store.commit([CloseSession("s1", NOW, "grace", "SUCCESS")], day=DAY)
    assert closed == Done(True)
    assert store.commit([CloseSession("s1", NOW, "grace", "SUCCESS")], day=DAY) == [Done(False)]


def test_stats_loaded_from_disk_equal_the_live_ones(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    live = StatsBook.load(store.conn)
    ops: list[Operation] = [
        OpenSession(new_session("s1"), 20),
        StoreEnvelope(record("s1", 0)),
        StoreEnvelope(record("s1", 1, kind="close")),
        credit("s1"),
    ]
    for op, outcome in zip(ops, store.commit(ops, day=DAY), strict=True):
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


def test_recovery_cuts_torn_tails_and_indexes_what_the_index_lacks(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    store.commit([OpenSession(new_session("s1"), 20), StoreEnvelope(record("s1", 0))], day=DAY)
    # A crash after the append's fsync but before its transaction, then a torn write.
    store.envelopes.append([record("s1", 1).body, record("s1", 1).body], day=DAY)
    store.trajectories.append([b'{"never":"credited"}'], day=DAY)
    segment = store.envelopes.names()[-1]
    with open(store.envelopes.directory / segment, "ab") as handle:
        handle.write(b'{"session_id":"s1","attest')
    store.close()

    reopened = EmbeddedStore(tmp_path, quota_bytes=10**9)
    report = recover(reopened, now=NOW)
    assert report.reindexed == 1 and report.orphans == 1
    assert report.torn_bytes_cut == len(b'{"session_id":"s1","attest')
    assert report.trajectory_bytes_cut == len(b'{"never":"credited"}') + 1
    state = catalog.load_session(reopened.conn, "s1")
    assert state is not None and state.next_sequence == 2
    assert os.path.getsize(reopened.trajectories.directory / reopened.trajectories.names()[0]) == 0
    assert recover(reopened, now=NOW).reindexed == 0
