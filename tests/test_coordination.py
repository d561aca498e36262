"""Both sides of a coordination exchange: whichever session is credited first, both end up linked to each other
in the catalog, in the admin answer and in the export, and `check` and `rebuild` agree with the catalog.

Two sessions exchanging a coordination id go through the real server, once with the asking side credited first
and once with the answering side first.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

import httpx
import pyarrow.dataset as ds
import pytest

from tests.support.client import open_session
from tests.support.envelopes import ClientSession
from tests.support.loadgen import NO_LIMITS
from tests.support.server import ServerProcess, run_central, start_server
from tests.test_dashboard import token_file
from tests.test_export import coordination, credit, export, jsonl_rows, tool_steps

pytestmark = pytest.mark.slow


def link(cid: str, step: int, partner: str, agent: str, partner_step: int) -> dict[str, Any]:
    return {"coordination_id": cid, "step": step, "partner_session": partner, "partner_agent": agent,
            "partner_step": partner_step}  # fmt: skip


async def credit_side(
    server: ServerProcess, http: httpx.AsyncClient, session: ClientSession, exchange: str, direction: str
) -> None:
    """A short session of agent `asker` (outbound) or `answerer` (inbound) with one coordination step, 3."""
    agent = "asker" if direction == "outbound" else "answerer"
    steps = [*tool_steps(time.time() - 600)[:2], coordination(3, exchange, direction, time.time() - 600)]
    await credit(server, http, session, session.chunk_of(steps, agent_id=agent), session.close_body())


def catalog_links(data: Path) -> dict[str, list[dict[str, Any]]]:
    conn = sqlite3.connect(f"{(data / 'central.sqlite3').resolve().as_uri()}?mode=ro", uri=True)
    try:
        found: dict[str, list[dict[str, Any]]] = {}
        for session, step, cid, partner, agent, partner_step in conn.execute(
            "SELECT session_id, step, coordination_id, partner_session, partner_agent, partner_step"
            " FROM coordination_links ORDER BY session_id, step"
        ):
            found.setdefault(session, []).append(link(cid, step, partner, agent, partner_step))
        return found
    finally:
        conn.close()


async def test_both_sides_are_linked_whichever_is_credited_first(tmp_path: Path) -> None:
    data = tmp_path / "data"
    token, token_path = token_file(tmp_path)
    admin = {"Authorization": f"Bearer {token}"}
    async with (
        start_server(data, *NO_LIMITS, "--admin-token-file", str(token_path)) as server,
        httpx.AsyncClient(base_url=server.url) as http,
    ):
        pairs = []
        for first_direction, second_direction in (("outbound", "inbound"), ("inbound", "outbound")):
            first, second = await open_session(http), await open_session(http)
            exchange = f"coord_{first.session_id}"
            await credit_side(server, http, first, exchange, first_direction)
            before = await http.get(
                "/admin/coordination", params={"session_id": first.session_id}, headers=admin
            )
            assert before.json()["coordination_links"] == []  # no partner credited yet
            if first_direction == "outbound":  # an export made before the partner is credited
                code, said = await export(data, tmp_path / "early", "--format", "jsonl")
                assert code == 0, said
            await credit_side(server, http, second, exchange, second_direction)
            pairs.append((first, second, exchange, first_direction))

        expected: dict[str, list[dict[str, Any]]] = {}
        for first, second, exchange, first_direction in pairs:
            agents = {first.session_id: "asker" if first_direction == "outbound" else "answerer"}
            agents[second.session_id] = "answerer" if first_direction == "outbound" else "asker"
            expected[first.session_id] = [link(exchange, 3, second.session_id, agents[second.session_id], 3)]
            expected[second.session_id] = [link(exchange, 3, first.session_id, agents[first.session_id], 3)]

        answers = {}
        for session_id in expected:
            answer = await http.get("/admin/coordination", params={"session_id": session_id}, headers=admin)
            assert answer.status_code == 200, answer.text
            answers[session_id] = answer.json()["coordination_links"]
        assert answers == expected
        refused = await http.get("/admin/coordination", params={"session_id": first.session_id})
        assert refused.status_code == 401
        assert (await http.get("/admin/coordination", headers=admin)).status_code == 400

        code, said = await export(data, tmp_path / "parquet")
        assert code == 0, said
        shards = ds.dataset(tmp_path / "parquet" / "data", format="parquet")
        rows = shards.to_table().to_pylist()
        assert {r["session_id"]: r["coordination_links"] for r in rows} == expected
        # The early export's row was written before its partner was credited: --resume adds the partner's
        # row, and the links file, rewritten by every export, holds the complete pairs.
        code, said = await export(data, tmp_path / "early", "--format", "jsonl", "--resume")
        assert code == 0, said
        early = jsonl_rows(tmp_path / "early")
        (asker, answerer) = pairs[0][:2]
        assert [r["coordination_links"] for r in early if r["session_id"] == asker.session_id] == [[]]
        assert [r["coordination_links"] for r in early if r["session_id"] == answerer.session_id] == [
            expected[answerer.session_id]
        ]
        for out in (tmp_path / "early", tmp_path / "parquet"):
            pairs_file = [
                json.loads(line) for line in (out / "_coordination_links.jsonl").read_text().splitlines()
            ]
            held: dict[str, list[dict[str, Any]]] = {}
            for entry in pairs_file:
                held.setdefault(entry.pop("session_id"), []).append(entry)
            assert held == expected

    assert catalog_links(data) == expected
    checked = await run_central("check", "--data-dir", str(data))
    assert checked.returncode == 0, checked.stderr.decode()
    rebuilt = await run_central("rebuild", "--data-dir", str(data))
    assert rebuilt.returncode == 0, rebuilt.stderr.decode()
    assert catalog_links(data) == expected  # replayed from the trajectory log, both directions
