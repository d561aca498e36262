"""The ledger's daily Merkle roots: sealed once a day is over, and a proof for every credit, over real HTTP."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import orjson
import pytest
import trio

from groove_actors.protocol import merkle
from groove_actors.server.ledger_proofs import SealedDays
from groove_actors.store import catalog
from groove_actors.store.catalog import CreditRecord
from groove_actors.store.embedded import Credit, Done, EmbeddedStore, SealDay
from groove_actors.store.segments import utc_day
from tests.support.server import start_server

DAY_S = 86_400.0


def credit(session_id: str, at: float, points: float) -> Credit:
    row = CreditRecord(
        session_id, "c" * 32, points, points / 2, "{}", "v1", 90.0, "o3", "codex", 5, at, utc_day(at), 0.01
    )
    return Credit(row, b'{"session_id":"%s"}' % session_id.encode(), (), None)


def fill(data_dir: Path, now: float) -> None:
    """Credits two and three days ago (finished days) and today's, written as the pipeline writes them."""
    data_dir.mkdir(mode=0o700, exist_ok=True)
    store = EmbeddedStore(data_dir, quota_bytes=10**9)
    try:
        for n in range(5):
            at = now - 3 * DAY_S + n
            store.commit([credit(f"sess_old_{n}", at, 10.0 + n / 3)], at=at)
        for n in range(3):
            at = now - 2 * DAY_S + n
            store.commit([credit(f"sess_mid_{n}", at, 1.5 * n)], at=at)
        store.commit([credit("sess_today", now, 7.0)], at=now)
    finally:
        store.close()


def test_days_to_seal_leaves_and_positions_on_a_real_catalog(tmp_path: Path) -> None:
    now = time.time()
    fill(tmp_path, now)
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    try:
        old, mid, today = (utc_day(now - 3 * DAY_S), utc_day(now - 2 * DAY_S), utc_day(now))
        assert catalog.days_to_seal(store.conn, today) == [old, mid]
        leaves = catalog.day_leaves(store.conn, old)
        assert [orjson.loads(leaf)["session_id"] for leaf in leaves] == [f"sess_old_{n}" for n in range(5)]
        assert catalog.credit_leaf(store.conn, "sess_old_3") == (old, 3, leaves[3])
        assert list(orjson.loads(leaves[0])) == list(catalog.LEAF_FIELDS)
        outcomes = [store.commit([SealDay(old, h, 5, now)], at=now)[0] for h in ("aa", "bb")]
        assert [o.detail for o in outcomes if isinstance(o, Done)] == [True, False]
        assert catalog.ledger_root(store.conn, old) == ("aa", 5)  # the first head stands
        assert catalog.days_to_seal(store.conn, today) == [mid]
    finally:
        store.close()


@pytest.mark.slow
async def test_finished_days_are_sealed_and_each_credit_proves_into_its_root(tmp_path: Path) -> None:
    now = time.time()
    fill(tmp_path / "d", now)
    async with start_server(tmp_path / "d") as server, httpx.AsyncClient(base_url=server.url) as http:
        with trio.fail_after(30):
            while len(server.events_named("ledger.sealed")) < 2:
                await server.log.wait_for("ledger.sealed", after=len(server.events))
        roots = (await http.get("/v1/ledger/roots?days=10")).json()
        proof = (await http.get("/v1/ledger/proof", params={"session_id": "sess_old_3"})).json()
        cached = (await http.get("/v1/ledger/proof", params={"session_id": "sess_old_0"})).json()
        today = await http.get("/v1/ledger/proof", params={"session_id": "sess_today"})
        unknown = await http.get("/v1/ledger/proof", params={"session_id": "sess_nobody"})
        missing = await http.get("/v1/ledger/proof")
    assert [(r["day"], r["credits"]) for r in roots] == [
        (utc_day(now - 2 * DAY_S), 3),
        (utc_day(now - 3 * DAY_S), 5),
    ]
    leaf = proof["leaf"].encode()
    assert (
        orjson.loads(leaf)["session_id"] == "sess_old_3" and proof["index"] == 3 and proof["tree_size"] == 5
    )
    assert proof["root"] == roots[1]["root"]
    path = [bytes.fromhex(node) for node in proof["path"]]
    assert merkle.verify_inclusion(merkle.leaf_hash(leaf), 3, 5, path, bytes.fromhex(proof["root"]))
    first = [bytes.fromhex(node) for node in cached["path"]]
    assert cached["index"] == 0 and cached["root"] == proof["root"]
    assert merkle.verify_inclusion(
        merkle.leaf_hash(cached["leaf"].encode()), 0, 5, first, bytes.fromhex(proof["root"])
    )
    changed = leaf.replace(b'"points":11', b'"points":12')
    assert changed != leaf
    assert not merkle.verify_inclusion(merkle.leaf_hash(changed), 3, 5, path, bytes.fromhex(proof["root"]))
    assert today.status_code == 409 and "sealed" in today.json()["error"]
    assert unknown.status_code == 404 and missing.status_code == 400
    # A restarted server keeps the heads it published and seals nothing again.
    async with start_server(tmp_path / "d") as server, httpx.AsyncClient(base_url=server.url) as http:
        again = (await http.get("/v1/ledger/roots?days=10")).json()
        assert server.events_named("ledger.sealed") == []
    assert again == roots


def test_sealed_days_keep_the_most_recently_asked() -> None:
    days = SealedDays(2)
    days.put("2026-11-01", [b"a"])
    days.put("2026-11-02", [b"b"])
    assert days.get("2026-11-01") == [b"a"]  # now the most recent
    days.put("2026-11-03", [b"c"])
    assert (days.get("2026-11-02"), days.get("2026-11-01"), days.get("2026-11-03")) == (None, [b"a"], [b"c"])
