"""Context-rotation chains: a session that continues another names it, and the server links the two.

The claim travels in chunk metadata (`predecessor_session_id`, docs/PROTOCOL.md 6.1), sent by the capture
client from `--continues` or the embedding API's `AgentSpec(continues=...)`. Which claims hold is decided from
the claims alone (server/rotation.py), so a chain credited in any order has the same links; a claim that does
not hold is dropped with its reason and its session is credited all the same.
"""

from __future__ import annotations

import argparse
import itertools
import json
import secrets
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pyarrow.dataset as ds
import pytest
import trio

from client_actors import cli, consent
from client_actors.capture import AgentHandle, AgentSpec, open_capture_service
from groove_actors.protocol.validate import validate_chunk
from groove_actors.server import rotation
from groove_actors.server.rotation import Claim, resolve
from groove_actors.store import catalog
from tests.conftest import AGENT_STREAMS
from tests.support.client import ingest, open_session
from tests.support.envelopes import ClientSession
from tests.support.loadgen import NO_LIMITS
from tests.support.server import ServerProcess, run_central, start_server
from tests.support.shared import needs
from tests.test_capture_cli import TRANSCRIPT, capture, opted_in, replay
from tests.test_capture_service import spooled
from tests.test_dashboard import token_file
from tests.test_export import credit, export, tool_steps

OWNER = "a" * 32


def claim(
    session: str,
    predecessor: str,
    opened_at: float = 0.0,
    *,
    contributor_id: str = OWNER,
    predecessor_known: bool = True,
    predecessor_contributor: str | None = OWNER,
) -> Claim:
    return Claim(session, predecessor, contributor_id, opened_at, predecessor_known, predecessor_contributor)


# The rules, purely.


def test_a_chain_is_the_same_whatever_order_its_claims_come_in() -> None:
    claims = [claim("s2", "s1"), claim("s3", "s2"), claim("s4", "s3"), claim("t2", "t1"), claim("t3", "t2")]
    chains = resolve(claims)
    assert all(resolve(order) == chains for order in itertools.permutations(claims))
    assert chains.order == (("s1", "s2", "s3", "s4"), ("t1", "t2", "t3"))
    assert chains.place("s1") == rotation.ChainPlace("s1", 0, None, "s2")
    assert chains.place("s3") == rotation.ChainPlace("s1", 2, "s2", "s4")
    assert chains.place("t3") == rotation.ChainPlace("t1", 2, "t2", None)
    assert chains.place("s5") is None and chains.dropped == {}


def test_a_claim_that_does_not_hold_is_dropped_with_its_reason() -> None:
    claims = [
        claim("self", "self"),
        claim("lost", "nowhere", predecessor_known=False, predecessor_contributor=None),
        claim("early", "quiet", predecessor_contributor=None),
        claim("stranger", "p1", contributor_id="b" * 32),
        claim("second", "p1", opened_at=20.0),
        claim("first", "p1", opened_at=10.0),
        claim("x", "y"),
        claim("y", "z"),
        claim("z", "x"),
    ]
    for order in (claims, claims[::-1]):
        chains = resolve(order)
        assert dict(chains.dropped) == {
            "self": ("self", rotation.SELF),
            "lost": ("nowhere", rotation.UNKNOWN),
            "early": ("quiet", rotation.NO_DATA),
            "stranger": ("p1", rotation.OTHER_CONTRIBUTOR),
            "second": ("p1", rotation.TAKEN),  # the session opened first continues p1
            "x": ("y", rotation.LOOP),  # a loop is cut at its lowest session id
        }
        assert chains.order == (("p1", "first"), ("x", "z", "y"))


def test_the_field_is_optional_typed_and_never_sent_unless_given(tmp_path: Path) -> None:
    """Without it a chunk is what it always was; with it, a non-empty string of at most 200 characters."""

    def chunk(**metadata: Any) -> dict[str, Any]:
        envelope = json.loads(ClientSession(b"k" * 32).chunk_of(tool_steps(time.time() - 60), **metadata))
        return envelope  # type: ignore[no-any-return]

    now = time.time()
    assert validate_chunk(chunk(), now=now) == ()
    assert validate_chunk(chunk(predecessor_session_id="sess_1"), now=now) == ()
    assert validate_chunk(chunk(predecessor_session_id=None), now=now) == ()
    for bad in (42, "", "s" * 201, ["sess_1"]):
        (problem,) = validate_chunk(chunk(predecessor_session_id=bad), now=now)
        assert problem.path == "$.metadata.predecessor_session_id"
    for bad in ("", "s" * 201):
        with pytest.raises(ValueError, match="continues"):
            AgentSpec(provider="codex", continues=bad)
    for bad in ("", "s" * 201, "sess\n1"):
        with pytest.raises(argparse.ArgumentTypeError):
            cli.session_id(bad)
    assert cli.session_id("sess_1") == "sess_1"


def test_a_catalog_from_before_rotation_claims_read_only_has_none(tmp_path: Path) -> None:
    """The export reads the catalog read-only, and a server not yet restarted on this version has no table."""
    path = tmp_path / "central.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE sessions (session_id TEXT PRIMARY KEY, contributor_id TEXT, created_at REAL)"
        )
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert catalog.rotation_claims(conn) == [] and rotation.session_chain(conn, "sess_1")["chain"] == []
    finally:
        conn.close()


@needs(AGENT_STREAMS)
async def test_the_embedding_api_sends_the_predecessor_only_when_given(tmp_path: Path) -> None:
    consent.opt_in(tmp_path, now=0.0)
    async with open_capture_service(tmp_path, None) as service:
        first = service.spawn(AgentSpec(provider="claude-code"))
        second = service.spawn(AgentSpec(provider="claude-code", continues=first.session_id))
        for agent in (first, second):
            for line in TRANSCRIPT.read_text().splitlines():
                agent.stdout_line(line)
            agent.ended("completed")
        for agent in (first, second):
            await agent.actor.done.wait()
    chunks: dict[Any, Any] = {e["session_id"]: e for e in spooled(tmp_path) if "trajectory_log" in e}
    old, new = chunks[first.session_id]["metadata"], chunks[second.session_id]["metadata"]
    assert list(old) == [
        "provider",
        "model_engine",
        "agent_role",
        "agent_id",
        "groove_version",
        "scrub_ruleset",
    ]
    assert list(new) == [*old, "predecessor_session_id"]
    assert new["predecessor_session_id"] == first.session_id


# Through the real server.


def admin_headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def chain_of(http: httpx.AsyncClient, token: str, session_id: str) -> dict[str, Any]:
    answer = await http.get(
        "/admin/rotation", params={"session_id": session_id}, headers=admin_headers(token)
    )
    assert answer.status_code == 200, answer.text
    found: dict[str, Any] = answer.json()
    return found


def in_chain(chain: list[str], session_id: str) -> dict[str, Any]:
    """What /admin/rotation answers for a session of `chain` whose own claim held (or that claimed nothing)."""
    at = chain.index(session_id)
    return {
        "session_id": session_id,
        "predecessor_session_id": chain[at - 1] if at else None,
        "successor_session_id": chain[at + 1] if at + 1 < len(chain) else None,
        "chain_id": chain[0],
        "chain_position": at,
        "chain": chain,
        "dropped_claim": None,
    }


async def sessions_of(http: httpx.AsyncClient, contributor: str, n: int) -> list[ClientSession]:
    sessions = [await open_session(http) for _ in range(n)]
    for session in sessions:
        session.contributor_id = contributor
    return sessions


def chunk(session: ClientSession, predecessor: str | None) -> bytes:
    extra = {} if predecessor is None else {"predecessor_session_id": predecessor}
    return session.chunk_of(tool_steps(time.time() - 600), **extra)


async def stitched(server: ServerProcess, http: httpx.AsyncClient, session: ClientSession) -> None:
    assert (await ingest(http, session.close_body())).status_code == 200
    with trio.fail_after(30):
        await server.log.wait_for_session("session.stitched", session.session_id)


def claims_held(data: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"{(data / 'central.sqlite3').resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT * FROM rotation_claims ORDER BY session_id").fetchall()
    finally:
        conn.close()


@pytest.mark.slow
async def test_a_chain_of_three_has_the_same_links_whichever_is_credited_first(tmp_path: Path) -> None:
    data = tmp_path / "data"
    token, token_path = token_file(tmp_path)
    owner, stranger = secrets.token_hex(16), secrets.token_hex(16)
    async with (
        start_server(data, *NO_LIMITS, "--admin-token-file", str(token_path)) as server,
        httpx.AsyncClient(base_url=server.url) as http,
    ):
        # One chain whose sessions all sent their steps, then are credited last first; one credited in order.
        backwards = await sessions_of(http, owner, 3)
        for session, before in zip(backwards, [None, *backwards], strict=False):
            named = before.session_id if before else None
            assert (await ingest(http, chunk(session, named))).status_code == 200
        a, b, c = backwards
        await stitched(server, http, c)
        # C's claim holds at once (B has sent steps); B's own claim is not known before B is credited.
        assert await chain_of(http, token, c.session_id) == in_chain(
            [b.session_id, c.session_id], c.session_id
        )
        await stitched(server, http, a)
        await stitched(server, http, b)
        forwards = await sessions_of(http, owner, 3)
        for session, before in zip(forwards, [None, *forwards], strict=False):
            named = before.session_id if before else None
            await credit(server, http, session, chunk(session, named), session.close_body())

        # Claims that do not hold: another contributor's, an unknown session's, a second successor's.
        other = (await sessions_of(http, stranger, 1))[0]
        unknown, rival = await sessions_of(http, owner, 2)
        for session, predecessor in ((other, a), (unknown, None), (rival, a)):
            target = (
                f"sess_never_opened_{secrets.token_hex(4)}" if predecessor is None else predecessor.session_id
            )
            await credit(server, http, session, chunk(session, target), session.close_body())
        # An original client's chunk (no such member), and one whose member is not a session id.
        plain = (await sessions_of(http, owner, 1))[0]
        plain_chunk = chunk(plain, None)
        await credit(server, http, plain, plain_chunk, plain.close_body())
        typed = (await sessions_of(http, owner, 1))[0]
        refused = await ingest(http, typed.chunk_of(tool_steps(time.time() - 600), predecessor_session_id=7))
        assert refused.status_code == 422 and refused.json()["quarantined"] is True
        assert "$.metadata.predecessor_session_id" in refused.json()["details"][0]
        await credit(server, http, typed, chunk(typed, None), typed.close_body())

        chains = [[s.session_id for s in backwards], [s.session_id for s in forwards]]
        for chain in chains:
            for session_id in chain:
                assert await chain_of(http, token, session_id) == in_chain(chain, session_id)
        for session, why in ((other, rotation.OTHER_CONTRIBUTOR), (unknown, rotation.UNKNOWN),
                             (rival, rotation.TAKEN)):  # fmt: skip
            answer = await chain_of(http, token, session.session_id)
            assert answer["chain"] == [] and answer["dropped_claim"]["why"] == why
        for session in (plain, typed):
            answer = await chain_of(http, token, session.session_id)
            assert answer == {**answer, "chain": [], "chain_id": None, "dropped_claim": None}
        assert (await http.get("/admin/rotation", params={"session_id": a.session_id})).status_code == 401
        assert (await http.get("/admin/rotation", headers=admin_headers(token))).status_code == 400

        # Every session was credited, dropped claims included; the original client's bytes are stored as sent.
        with sqlite3.connect(data / "central.sqlite3") as conn:
            credited = {row[0] for row in conn.execute("SELECT session_id FROM credits")}
        everyone = [*backwards, *forwards, other, unknown, rival, plain, typed]
        assert credited == {s.session_id for s in everyone}
        assert any(plain_chunk in p.read_bytes() for p in (data / "envelopes").iterdir())

        code, said = await export(data, tmp_path / "parquet")
        assert code == 0, said
    shards = ds.dataset(tmp_path / "parquet" / "data", format="parquet")
    table = shards.to_table()
    rows = {row["session_id"]: row for row in table.to_pylist()}
    for chain in chains:
        ordered = sorted(
            (r for r in rows.values() if r["chain_id"] == chain[0]), key=lambda r: r["chain_position"]
        )
        assert [r["session_id"] for r in ordered] == chain
        assert [r["predecessor_session_id"] for r in ordered] == [None, *chain[:-1]]
        assert [r["successor_session_id"] for r in ordered] == [*chain[1:], None]
    assert rows[other.session_id]["rotation_dropped_reason"] == rotation.OTHER_CONTRIBUTOR
    assert (
        rows[plain.session_id]["chain_id"] is None
        and rows[plain.session_id]["rotation_dropped_reason"] is None
    )
    listed = [
        json.loads(line)
        for line in (tmp_path / "parquet" / "_rotation_chains.jsonl").read_text().splitlines()
    ]
    assert sorted(listed, key=lambda c: str(c["chain_id"])) == [
        {"chain_id": chain[0], "sessions": chain} for chain in sorted(chains)
    ]

    held = claims_held(data)
    assert len(held) == 7  # four chain links and three dropped claims
    checked = await run_central("check", "--data-dir", str(data))
    assert checked.returncode == 0, checked.stderr.decode()
    rebuilt = await run_central("rebuild", "--data-dir", str(data))
    assert rebuilt.returncode == 0, rebuilt.stderr.decode()
    assert claims_held(data) == held  # replayed from the trajectory log


# The capture client's two ways in: the command line and the embedding API.


@pytest.mark.slow
@needs(AGENT_STREAMS)
async def test_continues_on_the_command_line_reaches_the_server(tmp_path: Path) -> None:
    home, data = tmp_path / "home", tmp_path / "data"
    token, token_path = token_file(tmp_path)
    await opted_in(home)
    bad = await capture(
        home, "run", "--provider", "claude-code", "--continues", "", "--", sys.executable, "-c", ""
    )
    assert bad.returncode == 2 and b"--continues" in bad.stderr
    async with (
        start_server(data, *NO_LIMITS, "--admin-token-file", str(token_path)) as server,
        httpx.AsyncClient(base_url=server.url) as http,
    ):
        # The agent learns its session's id (GROOVE_SESSION_ID), for the handoff brief it leaves its successor.
        brief = tmp_path / "handoff"
        agent = replay(TRANSCRIPT)
        agent[-1] = (
            f"import os; open({str(brief)!r}, 'w').write(os.environ['GROOVE_SESSION_ID'])\n" + agent[-1]
        )
        first = await capture(home, "run", "--provider", "claude-code", "--server", server.url, "--", *agent)
        assert first.returncode == 0, first.stderr
        started = await server.log.wait_for("session.stitched")
        predecessor = str(started["session_id"])
        assert brief.read_text() == predecessor
        second = await capture(home, "run", "--provider", "claude-code", "--server", server.url,
                               "--continues", predecessor, "--", *replay(TRANSCRIPT))  # fmt: skip
        assert second.returncode == 0, second.stderr
        successor = str(
            (await server.log.wait_for("session.stitched", after=server.log.lines.index(started) + 1))[
                "session_id"
            ]
        )
        third = await capture(home, "import", "--provider", "claude-code", "--server", server.url,
                              "--continues", successor, str(TRANSCRIPT))  # fmt: skip
        assert third.returncode == 0, third.stderr
        with trio.fail_after(30):
            while True:  # the import's session is credited soon after it ends
                mark = len(server.log.lines)
                answer = await chain_of(http, token, predecessor)
                if len(answer["chain"]) == 3:
                    break
                await server.log.wait_for("session.stitched", after=mark)
        assert answer["chain"][:2] == [predecessor, successor]
        assert answer == in_chain(answer["chain"], predecessor)


@pytest.mark.slow
@needs(AGENT_STREAMS)
async def test_the_embedding_api_links_a_successor_to_its_predecessor(tmp_path: Path) -> None:
    home, data = tmp_path / "home", tmp_path / "data"
    token, token_path = token_file(tmp_path)
    consent.opt_in(home, now=time.time())
    lines = TRANSCRIPT.read_text().splitlines()
    async with (
        start_server(data, *NO_LIMITS, "--admin-token-file", str(token_path)) as server,
        httpx.AsyncClient(base_url=server.url) as http,
        open_capture_service(home, server.url) as service,
    ):
        agents: list[AgentHandle] = []
        for _ in range(2):
            spec = AgentSpec(provider="claude-code", continues=agents[-1].session_id if agents else None)
            agent = service.spawn(spec)
            for line in lines:
                agent.stdout_line(line)
            agent.ended("completed")
            agents.append(agent)
        with trio.fail_after(60):
            for agent in agents:
                await agent.actor.done.wait()
            assert await service.delivered()
            for agent in agents:
                await server.log.wait_for_session("session.stitched", agent.session_id)
        chain = [agent.session_id for agent in agents]
        for session_id in chain:
            assert await chain_of(http, token, session_id) == in_chain(chain, session_id)
