"""The durable spool: envelopes stay until acknowledged, survive reopening, and the size policy holds."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import attrs

from client_actors.spool import MAX_AGE_S, Spool, SpooledSession

NOW = 1_800_000_000.0


def session(session_id: str = "sess_a", created_at: float = NOW) -> SpooledSession:
    return SpooledSession(session_id, "http://127.0.0.1:1", "codex", "o3", "fp", "0f" * 32, "0.1", created_at)


def envelope(n: int, session_id: str = "sess_a") -> dict[str, Any]:
    return {"envelope_id": f"env_{n}", "session_id": session_id, "trajectory_log": [{"content": "x" * 100}]}


def test_envelopes_wait_in_order_until_acked(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool")
    spool.create(session())
    assert [spool.append("sess_a", envelope(n)) for n in range(3)] == [1, 2, 3]
    reopened = Spool(tmp_path / "spool")
    state = reopened.load("sess_a")
    assert [i for i, _ in reopened.pending(state)] == [1, 2, 3]
    state = reopened.acked(state, 1)
    assert (state.acked_index, state.next_sequence) == (1, 1)
    assert [e["envelope_id"] for _, e in reopened.pending(reopened.load("sess_a"))] == ["env_1", "env_2"]
    assert reopened.append("sess_a", envelope(9)) == 4
    assert stat.S_IMODE((tmp_path / "spool" / "sess_a" / "00000002.json").stat().st_mode) == 0o600


def test_quarantine_keeps_the_envelope_and_the_reason(tmp_path: Path) -> None:
    spool = Spool(tmp_path)
    spool.create(session())
    spool.append("sess_a", envelope(0))
    spool.append("sess_a", envelope(1))
    state = spool.quarantine(spool.load("sess_a"), 1, "HTTP 422: schema")
    assert state.next_sequence == 0  # the refused envelope consumed no sequence number
    assert [i for i, _ in spool.pending(state)] == [2]
    assert spool.status().quarantined == 1
    assert (tmp_path / "quarantine" / "sess_a.00000001.reason.txt").read_text() == "HTTP 422: schema"


def test_readdress_keeps_the_local_id_and_starts_over_on_the_server(tmp_path: Path) -> None:
    spool = Spool(tmp_path)
    spool.create(attrs.evolve(session(), secret_hex="ab" * 32, next_sequence=3))
    spool.append("sess_a", envelope(0))
    readdressed = spool.readdress(spool.load("sess_a"), "sess_b")
    spool.append("sess_a", envelope(1))  # a live capture goes on appending under the local id
    assert spool.load("sess_a") == readdressed
    assert (readdressed.wire_id, readdressed.opened, readdressed.next_sequence) == ("sess_b", False, 0)
    assert [i for i, _ in spool.pending(readdressed)] == [1, 2]


def test_prune_drops_expired_and_oldest_over_the_limit(tmp_path: Path) -> None:
    spool = Spool(tmp_path, max_bytes=3_000)
    for name, age in (("sess_old", MAX_AGE_S + 1), ("sess_1", 300), ("sess_2", 200), ("sess_3", 100)):
        spool.create(session(name, created_at=NOW - age))
        for n in range(4):
            spool.append(name, envelope(n, name))
    aged, over = spool.prune(now=NOW, keep="sess_3")
    assert aged == 1 and over >= 1
    left = [s.session_id for s in spool.sessions()]
    assert "sess_old" not in left and "sess_3" in left and left == sorted(left)
    assert spool.status().bytes <= 3_000 or left == ["sess_3"]
