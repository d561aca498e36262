"""Requests an attacker or a broken client sends, against a real server: none may end it or break its log.

Each case checks the answer (a 4xx with a reason a person can act on), that the server still serves, that
every line it logged is one JSON object, and, where something was accepted before, that it is still there.
"""

from __future__ import annotations

import json
import secrets
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import h2.config
import h2.connection
import h2.events
import httpx
import orjson
import pytest
import trio
from trio_websocket import open_websocket_url

from groove_actors.http.budget import PARSE_CHARGED_FROM_BYTES
from groove_actors.protocol import ecdh, signing
from tests.support.client import ingest, open_request, open_session, post_answered_early
from tests.support.envelopes import APP_HASH, ClientSession, make_steps
from tests.support.server import ServerProcess, start_server

pytestmark = pytest.mark.slow

LONE = "\ud800"


def assert_log_is_json(server: ServerProcess) -> None:
    raw = [e for e in server.events if e.get("event") == "raw"]
    assert raw == [], raw[:3]
    for line in server.events:
        assert LONE not in json.dumps(line, ensure_ascii=False).encode("utf-8", "backslashreplace").decode()


def chunk_with(
    session: ClientSession, *, metadata: dict[str, Any] | None = None, step: dict[str, Any]
) -> bytes:
    """A signed chunk of one step, with `metadata` members and `step` members set as given."""
    steps = make_steps(1, start=time.time() - 60, first_step=session.step)
    steps[0].update(step)
    envelope: dict[str, Any] = {
        "envelope_id": f"env_{uuid.uuid4()}",
        "session_id": session.session_id,
        "chunk_sequence": session.chunk,
        "contributor_id": session.contributor_id,
        "attestation": {},
        "metadata": {"model_engine": "claude-opus-4-6", "provider": "claude-code", "agent_id": "a-1",
                     **(metadata or {})},
        "trajectory_log": steps,
    }  # fmt: skip
    session.chunk += 1
    session.step += 1
    return session.sign(envelope)


async def test_lone_surrogates_in_identifiers_get_400_and_leave_nothing_behind(
    central: ServerProcess,
) -> None:
    async with httpx.AsyncClient(base_url=central.url) as http:
        session = await open_session(http)
        assert (await ingest(http, session.chunk_body(3))).status_code == 200
        answers = {}
        for field in ("session_id", "provider", "model", "machine_fingerprint", "groove_version"):
            key = ecdh.generate_key_pair().public_b64
            body = open_request(f"sess_{uuid.uuid4()}", key)
            body[field] = f"x{LONE}y"
            raw = json.dumps(body).encode()  # ensure_ascii: the surrogate travels as the escape \ud800
            answers[f"open {field}"] = await http.post(
                "/v1/sessions/open", content=raw, headers={"Content-Type": "application/json"}
            )
        for path in ("/v1/training/ingest", "/v1/sessions/close"):
            raw = json.dumps({"session_id": f"sess_{LONE}"}).encode()
            answers[path] = await http.post(path, content=raw, headers={"Content-Type": "application/json"})
        proof = await http.get("/v1/ledger/proof?session_id=s%ED%A0%80")  # a surrogate in CESU-8
        summary = (await http.get("/v1/stats/summary")).json()
        models = (await http.get("/v1/stats/models")).json()
    assert proof.status_code == 404  # the query is read as text that names no credit
    for name, answer in answers.items():
        assert answer.status_code == 400, (name, answer.text)
        reason = answer.json().get("reason") or answer.json().get("error")
        assert any(word in json.dumps(answer.json()) for word in ("well-formed", "provider name")), name
        assert reason
    assert (summary["totalSessions"], summary["totalEnvelopes"]) == (1, 1)
    assert list(models) == ["claude-opus-4-6"]
    assert_log_is_json(central)


async def test_an_authentic_chunk_with_a_lone_surrogate_in_metadata_is_refused_and_no_poison_pill(
    tmp_path: Path,
) -> None:
    async with start_server(tmp_path / "d") as server, httpx.AsyncClient(base_url=server.url) as http:
        session = await open_session(http)
        # Authentic and in turn: each is kept aside with its refusal and uses its number; the session goes on.
        model = await ingest(http, chunk_with(session, metadata={"model_engine": f"m{LONE}"}, step={}))
        agent = await ingest(http, chunk_with(session, metadata={"agent_id": f"a{LONE}"}, step={}))
        tool = await ingest(http, chunk_with(session, step={"type": "action", "tool": f"B{LONE}"}))
        good = await ingest(http, chunk_with(session, step={}))
        assert_log_is_json(server)
    assert (model.status_code, agent.status_code, tool.status_code, good.status_code) == (422, 422, 422, 200)
    assert all(answer.json()["quarantined"] is True for answer in (model, agent, tool))
    assert any("$.metadata.model_engine" in d and "well-formed" in d for d in model.json()["details"])
    assert any("$.metadata.agent_id" in d for d in agent.json()["details"])
    assert any("$.trajectory_log[0].tool" in d for d in tool.json()["details"])
    # The store holds nothing that stops the next start.
    async with start_server(tmp_path / "d") as server, httpx.AsyncClient(base_url=server.url) as http:
        assert (await ingest(http, session.close_body())).status_code == 200
        credited = await server.log.wait_for("ledger.credited")
    assert credited["session_id"] == session.session_id


async def test_step_content_with_a_lone_surrogate_is_stored_byte_exact_and_credited(
    central: ServerProcess,
) -> None:
    async with httpx.AsyncClient(base_url=central.url) as http:
        session = await open_session(http)
        body = chunk_with(session, step={"content": f"cut in the middle of a pair: {LONE}"})
        assert b"\\ud800" in body
        accepted = await ingest(http, body)
        close = await ingest(http, session.close_body())
        credited = await central.log.wait_for("ledger.credited")
        retried = await ingest(http, body)
    assert accepted.status_code == 200, accepted.text
    assert close.status_code == 200 and credited["session_id"] == session.session_id
    assert retried.json().get("duplicate") is True
    stored = b"".join(p.read_bytes() for p in sorted((central.data_dir / "envelopes").iterdir()))
    assert body in stored
    assert_log_is_json(central)


async def test_numbers_beyond_a_double_get_422_with_their_path(central: ServerProcess) -> None:
    async with httpx.AsyncClient(base_url=central.url) as http:
        session = await open_session(http)
        body = chunk_with(session, step={"timestamp": 0})
        huge = body.replace(b'"timestamp":0', b'"timestamp":1' + b"0" * 400)
        session.sequence -= 1
        answer = await ingest(http, huge)  # the HMAC no longer matches: refused before the schema
        # Signed as sent: a client can sign text with numbers JavaScript would never print.
        numbers = await ingest(http, signed_text(session, huge_number_chunk(session)))
        health = await http.get("/health")
    assert answer.status_code == 401
    assert numbers.status_code == 422, numbers.text
    details = numbers.json()["details"]
    assert any(d.startswith("$.trajectory_log[0].timestamp") and "401 digits" in d for d in details)
    assert any(d.startswith("$.trajectory_log[0].token_count") for d in details)
    assert health.status_code == 200


def huge_number_chunk(session: ClientSession) -> bytes:
    envelope = orjson.loads(chunk_with(session, step={"timestamp": 7777, "token_count": 8888}))
    session.sequence -= 1
    del envelope["attestation"]
    text = orjson.dumps(envelope)
    return text.replace(b"7777", b"1" + b"0" * 400).replace(b"8888", b"-1" + b"0" * 400)


def signed_text(session: ClientSession, text: bytes) -> bytes:
    """`text` (an envelope without attestation) signed with the session's next sequence, as the wire has it."""
    attestation = {
        "session_hmac": signing.sign(session.secret, session.sequence, text),
        "sequence": session.sequence,
        "app_version_hash": APP_HASH,
    }
    session.sequence += 1
    return text[:-1] + b',"attestation":' + orjson.dumps(attestation) + b"}"


async def test_open_fields_are_bounded_and_the_provider_checked(central: ServerProcess) -> None:
    async with httpx.AsyncClient(base_url=central.url) as http:
        cases = {
            "model": "m" * 101,
            "machine_fingerprint": "f" * 201,
            "groove_version": "9" * 21,
            "app_version_hash": "h" * 101,
            "provider": "claude code; drop table",
        }
        answers = {}
        for field, value in cases.items():
            key = ecdh.generate_key_pair().public_b64
            body = open_request(f"sess_{uuid.uuid4()}", key)
            body[field] = value
            answers[field] = await http.post("/v1/sessions/open", json=body)
        huge = await post_answered_early(
            http, "/v1/sessions/open", b'{"session_id": "' + b"s" * 5_000_000 + b'"}'
        )
        other = await open_session(http, provider="ollama")  # chat providers of later clients
        providers = (await http.get("/v1/stats/providers")).json()
    for field, answer in answers.items():
        assert answer.status_code == 400, (field, answer.text)
        assert any(d.startswith(f"$.{field}") for d in answer.json()["details"]), answer.text
    assert huge.status_code == 413 and "KiB" in huge.json()["reason"]
    assert other.session_id
    assert providers == {}
    opened = central.events_named("session.opened")
    assert all(len(orjson.dumps(e)) < 400 for e in opened)


async def test_http2_prior_knowledge_answered_early_does_not_end_the_server(central: ServerProcess) -> None:
    url = httpx.URL(central.url)
    assert url.port is not None
    for _ in range(3):
        stream = await trio.open_tcp_stream(url.host, url.port)
        connection = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True))
        connection.initiate_connection()
        headers = [
            (":method", "POST"), (":path", "/v1/training/ingest"), (":scheme", "http"),
            (":authority", url.host), ("content-type", "application/json"),
            ("content-length", str(100 * 1024 * 1024)),
        ]  # fmt: skip
        connection.send_headers(1, headers)
        connection.send_data(1, b"{" * 1000)  # the server answers 413 at once: far past what it would drain
        await stream.send_all(connection.data_to_send())
        status, ended = None, False
        with trio.move_on_after(10):
            while not ended:  # until the answer is complete: the server is done with the stream
                data = await stream.receive_some(65536)
                if not data:
                    break
                for event in connection.receive_data(data):
                    if isinstance(event, h2.events.ResponseReceived):
                        status = dict(event.headers)[b":status"]
                    ended = ended or isinstance(event, h2.events.StreamEnded)
                await stream.send_all(connection.data_to_send())
            # More of the body after the answer, a byte at a time with a ping between, until the server
            # has let go of the stream (then the next byte makes Hypercorn's HTTP/2 code raise KeyError).
            closed = False
            for _ in range(50):
                connection.send_data(1, b"}")
                connection.ping(b"12345678")
                await stream.send_all(connection.data_to_send())
                pong = False
                while not pong:
                    data = await stream.receive_some(65536)
                    if not data:
                        closed = True
                        break
                    pong = any(
                        isinstance(e, h2.events.PingAckReceived) for e in connection.receive_data(data)
                    )
                if closed:
                    break
        await stream.aclose()
        assert status == b"413" and closed
    failed = central.events_named("connection.failed")
    assert failed and all("Traceback" in str(e["traceback"]) for e in failed)
    async with httpx.AsyncClient(base_url=central.url) as http:
        assert (await http.get("/health")).status_code == 200
        session = await open_session(http)
        assert (await ingest(http, session.chunk_body(3))).status_code == 200
    assert_log_is_json(central)


async def test_admin_routes_get_no_cors_and_the_websocket_refuses_foreign_pages(tmp_path: Path) -> None:
    token = secrets.token_urlsafe(24)
    (tmp_path / "token").write_text(token)
    async with (
        start_server(tmp_path / "d", "--admin-token-file", str(tmp_path / "token")) as server,
        httpx.AsyncClient(base_url=server.url) as http,
    ):
        auth = {"Authorization": f"Bearer {token}"}
        metrics = await http.get("/metrics", headers=auth)
        page = await http.get("/admin", headers=auth)
        preflight = await http.options("/metrics", headers={"Origin": "https://evil.example"})
        public = await http.get("/v1/stats/summary")
        ws_url = server.url.replace("http://", "ws://") + f"/admin/live?token={token}"
        upgrade = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
                   "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Origin": "https://evil.example"}  # fmt: skip
        foreign = await http.get(f"/admin/live?token={token}", headers=upgrade)
        same = httpx.URL(server.url)
        async with open_websocket_url(
            ws_url, extra_headers=[(b"Origin", f"http://{same.host}:{same.port}".encode())]
        ) as ws:
            first = orjson.loads(await ws.get_message())
    assert metrics.status_code == 200 and page.status_code == 200
    for answer in (metrics, page, preflight):
        assert "access-control-allow-origin" not in answer.headers
    assert preflight.status_code == 405
    assert public.headers["access-control-allow-origin"] == "*"
    assert foreign.status_code == 403
    assert "envelopes" in json.dumps(first)
    refused = server.events_named("websocket.refused")
    assert refused and refused[0]["reason"] == "foreign origin"


async def test_a_stranger_who_closes_a_session_costs_its_owner_nothing(tmp_path: Path) -> None:
    async with (
        start_server(tmp_path / "d", "--close-grace", "0", "--log-level", "DEBUG") as server,
        httpx.AsyncClient(base_url=server.url) as owner,
        httpx.AsyncClient(base_url=server.url) as stranger,
    ):
        session = await open_session(owner)
        assert (await ingest(owner, session.chunk_body(5))).status_code == 200
        closed = await stranger.post("/v1/sessions/close", json={"session_id": session.session_id})
        mark = len(server.events)
        for _ in range(3):  # well past the close grace: the reaper has looked three times
            mark = server.events.index(await server.log.wait_for("reaper.swept", after=mark)) + 1
        later = await ingest(owner, session.chunk_body(7))
        final = await ingest(owner, session.close_body())
        credited = await server.log.wait_for("ledger.credited")
        again = await stranger.post("/v1/sessions/close", json={"session_id": session.session_id})
        summary = (await owner.get("/v1/stats/summary")).json()
    assert closed.status_code == 200
    assert (later.status_code, final.status_code) == (200, 200), later.text
    assert credited["session_id"] == session.session_id
    assert len(server.events_named("ledger.credited")) == 1
    assert again.json() == {"closed": True, "already_closed": True}
    assert (summary["totalSteps"], summary["totalSessions"]) == (12, 1)
    stitched = server.events_named("session.stitched")
    assert [e["steps"] for e in stitched] == [12]


def peak_rss_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))) / 1024


async def test_bodies_of_the_worst_json_shape_stay_within_the_memory_bound(central: ServerProcess) -> None:
    # Just under 1 MiB of `{}` steps (parsed, about 36x its text), twelve at once: each parse is uncounted.
    small = b'{"session_id":"sess_x","trajectory_log":[' + b",".join([b"{}"] * 349_000) + b"]}"
    # 5 MiB of them: what parsing it would take (about 340 MiB) is counted first, and never fits the budget.
    large = b'{"session_id":"sess_x","trajectory_log":[' + b",".join([b"{}"] * 1_700_000) + b"]}"
    assert len(small) < PARSE_CHARGED_FROM_BYTES < len(large)
    before = peak_rss_mib(central.process.pid)
    async with httpx.AsyncClient(base_url=central.url, timeout=120) as http:
        answers: list[httpx.Response] = []

        async def send(body: bytes) -> None:
            answers.append(await ingest(http, body))

        async with trio.open_nursery() as nursery:
            for body in [small] * 12 + [large] * 4:
                nursery.start_soon(send, body)
        health = await http.get("/health")
    grown = peak_rss_mib(central.process.pid) - before
    # Read, parsed, validated, then no such session; the large ones are refused before their parse.
    assert Counter(a.status_code for a in answers) == {404: 12, 413: 4}
    assert all("too many JSON values" in a.json()["reason"] for a in answers if a.status_code == 413)
    assert health.status_code == 200
    # README, "Isolation and faults": at most the body budget (128 MiB) plus 45x 1 MiB for an uncounted parse.
    assert grown < 128 + 45, grown


async def test_one_ipv6_network_behind_a_trusted_proxy_is_one_client(tmp_path: Path) -> None:
    limits = ("--rate-per-minute", "5", "--trusted-proxy", "127.0.0.1")
    async with (
        start_server(tmp_path / "d", *limits) as server,
        httpx.AsyncClient(base_url=server.url) as http,
    ):
        answers = [
            await http.get("/v1/stats/summary", headers={"X-Forwarded-For": f"2001:db8:7:9::{n:x}"})
            for n in range(1, 9)
        ]
        other = await http.get("/v1/stats/summary", headers={"X-Forwarded-For": "2001:db8:7:a::1"})
    assert [a.status_code for a in answers] == [200] * 5 + [429] * 3
    assert answers[-1].headers["retry-after"] and "rate limit" in answers[-1].json()["reason"]
    assert other.status_code == 200
