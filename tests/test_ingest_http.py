"""Ingest over real HTTP against a real server process: the happy path, and a matrix of bad input.

Each bad request must get the right 4xx and a reason a person can act on, the server must keep serving, and
nothing accepted before may be disturbed.
"""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
import orjson
import pytest
import trio

from groove_actors.protocol import ecdh
from tests.support.client import ingest, open_request, open_session, post_answered_early
from tests.support.envelopes import ClientSession
from tests.support.server import ServerProcess, start_server

pytestmark = pytest.mark.slow


def flip(body: bytes, index: int) -> bytes:
    return body[:index] + bytes([body[index] ^ 0x01]) + body[index + 1 :]


async def test_a_session_end_to_end(central: ServerProcess) -> None:
    async with httpx.AsyncClient(base_url=central.url) as http:
        session = await open_session(http)
        for _ in range(3):
            response = await ingest(http, session.chunk_body(20))
            assert response.status_code == 200, response.text
            assert response.json()["accepted"] is True
            assert response.headers["content-length"] == str(len(response.content))  # not chunked
        close = await ingest(http, session.close_body())
        assert close.json() == {
            "accepted": True,
            "envelope_id": orjson.loads(session_last := close.request.content)["envelope_id"],
        }
        assert session_last
        summary = (await http.get("/v1/stats/summary")).json()
    assert (summary["totalEnvelopes"], summary["totalSteps"], summary["totalSessions"]) == (4, 60, 1)


async def test_a_retried_envelope_is_a_duplicate_and_stored_once(central: ServerProcess) -> None:
    async with httpx.AsyncClient(base_url=central.url) as http:
        session = await open_session(http)
        body = session.chunk_body(5)
        first, again = await ingest(http, body), await ingest(http, body)
        summary = (await http.get("/v1/stats/summary")).json()
    assert first.json()["accepted"] is True and "duplicate" not in first.json()
    assert again.status_code == 200 and again.json()["duplicate"] is True
    assert summary["totalEnvelopes"] == 1


async def test_an_authentic_refused_envelope_uses_its_number_and_the_session_goes_on(
    central: ServerProcess,
) -> None:
    async with httpx.AsyncClient(base_url=central.url) as http:
        session = await open_session(http)
        first = await ingest(http, session.chunk_body(3))
        session.contributor_id = "NOT-HEX"
        bad = session.chunk_body(3)  # authentic, in its turn, refused for what it holds
        refused, again = await ingest(http, bad), await ingest(http, bad)
        session.contributor_id = "0" * 32
        after = await ingest(http, session.chunk_body(3))
        session.sequence += 2  # a client that gave up on two envelopes: a gap
        past_gap = await ingest(http, session.chunk_body(3))
        unsigned = await ingest(http, orjson.dumps({"session_id": session.session_id, "envelope_id": "e"}))
        close = await ingest(http, session.close_body())
        credited = await central.log.wait_for("session.stitched")
        summary = (await http.get("/v1/stats/summary")).json()
    assert first.status_code == 200 and after.status_code == 200 and past_gap.status_code == 200
    assert refused.status_code == 422 and refused.json()["quarantined"] is True
    assert any("$.contributor_id" in d for d in refused.json()["details"])
    assert again.json() == refused.json() and again.status_code == 422  # a retry: the same answer
    assert unsigned.status_code == 400 and close.status_code == 200
    assert (credited["steps"], credited["chunks"]) == (9, 3)
    assert (summary["totalEnvelopes"], summary["totalSteps"]) == (4, 9)
    (segment,) = sorted((central.data_dir / "trajectories").iterdir())
    gaps = orjson.loads(segment.read_bytes().splitlines()[0])["gaps"]
    assert [g["sequence"] for g in gaps] == [1, 3, 4]
    assert gaps[0]["why"].startswith("refused (422)") and gaps[1]["why"] == "never received"


async def test_close_endpoint_racing_the_session_close_envelope_loses_nothing(central: ServerProcess) -> None:
    async with httpx.AsyncClient(base_url=central.url) as http:
        session = await open_session(http)
        assert (await ingest(http, session.chunk_body(4))).status_code == 200
        closed = await http.post("/v1/sessions/close", json={"session_id": session.session_id})
        late = await ingest(http, session.chunk_body(4))
        final = await ingest(http, session.close_body())
        again = await http.post("/v1/sessions/close", json={"session_id": session.session_id})
        after = await ingest(http, session.chunk_body(1))
    assert closed.json() == {"closed": True}
    assert late.status_code == 200 and final.status_code == 200
    assert again.json() == {"closed": True, "already_closed": True}
    assert after.status_code == 409 and after.json()["reason"].startswith("session is closed")


async def test_bad_input_matrix(central: ServerProcess) -> None:
    async with httpx.AsyncClient(base_url=central.url) as http:
        session = await open_session(http)
        accepted = session.chunk_body(2)
        assert (await ingest(http, accepted)).status_code == 200
        other = await open_session(http)
        cases = bad_input_cases(session, other)
        failures = []
        for name, (request, want) in cases.items():
            response = await request(http)
            body = response.json()
            reason = body.get("reason") or body.get("error")
            if response.status_code != want or not isinstance(reason, str) or len(reason) < 10:
                failures.append(f"{name}: {response.status_code} {body}")
        assert failures == []
        assert (await http.get("/health")).status_code == 200
        assert (await ingest(http, accepted)).json()["duplicate"] is True
        assert (await ingest(http, session.chunk_body(2))).status_code == 200
        assert (await http.get("/v1/stats/summary")).json()["totalEnvelopes"] == 2


Request = Callable[[httpx.AsyncClient], Awaitable[httpx.Response]]


def post(path: str, content: bytes) -> Request:
    return lambda http: http.post(path, content=content, headers={"Content-Type": "application/json"})


def ingest_of(content: bytes) -> Request:
    return post("/v1/training/ingest", content)


def open_of(content: bytes) -> Request:
    return post("/v1/sessions/open", content)


def close_of(content: bytes) -> Request:
    return post("/v1/sessions/close", content)


def bad_input_cases(session: ClientSession, other: ClientSession) -> dict[str, tuple[Request, int]]:
    valid = session.chunk_body(2)
    session.sequence -= 1  # `valid` is never sent: its sequence stays the next one
    envelope = orjson.loads(valid)
    point = base64.b64decode(ecdh.generate_key_pair().public_b64)
    off_curve = base64.b64encode(point[:-1] + bytes([point[-1] ^ 1])).decode()
    tampered_sequence = dict(envelope, attestation=dict(envelope["attestation"], sequence=0))
    next_sequence = session.sequence
    session.sequence = 0
    reused = session.chunk_body(2)
    session.sequence = next_sequence
    wrong_key = ClientSession(b"x" * 32, session_id=session.session_id)
    wrong_key.sequence = session.sequence
    stolen = orjson.loads(other.chunk_body(1))
    stolen["session_id"] = session.session_id
    unsigned = orjson.dumps({k: v for k, v in envelope.items() if k != "attestation"})
    unknown = valid.replace(session.session_id.encode(), b"sess_nope")
    reopen = open_request(session.session_id, ecdh.generate_key_pair().public_b64)
    hmac_at = valid.index(b'"session_hmac":"') + 20
    return {
        "not json": (ingest_of(b"{not json"), 400),
        "json array": (ingest_of(b"[1,2]"), 400),
        "no session_id": (ingest_of(b'{"envelope_id":"e"}'), 400),
        "session_id not a string": (ingest_of(b'{"session_id":7}'), 400),
        "unknown session": (ingest_of(unknown), 404),
        "flipped hmac byte": (ingest_of(flip(valid, hmac_at)), 401),
        "flipped content byte": (ingest_of(flip(valid, valid.index(b"thought") + 1)), 401),
        "wrong key": (ingest_of(wrong_key.chunk_body(2)), 401),
        "envelope of another session": (ingest_of(orjson.dumps(stolen)), 401),
        "no attestation": (ingest_of(unsigned), 400),
        "sequence changed after signing": (ingest_of(orjson.dumps(tampered_sequence)), 401),
        "sequence reused by new content": (ingest_of(reused), 409),
        "oversized body": (
            lambda http: post_answered_early(http, "/v1/training/ingest", b" " * (32 * 1024 * 1024 + 1)),
            413,
        ),
        "open: missing fields": (open_of(b'{"session_id":"s"}'), 400),
        "open: not an object": (open_of(b'"hello"'), 400),
        "open: invalid base64 key": (open_of(orjson.dumps(open_request("sess_b64", "%%%"))), 400),
        "open: short key": (open_of(orjson.dumps(open_request("sess_short", "BAAA"))), 400),
        "open: off-curve key": (open_of(orjson.dumps(open_request("sess_curve", off_curve))), 400),
        "open: re-open existing": (open_of(orjson.dumps(reopen)), 409),
        "close: unknown session": (close_of(b'{"session_id":"sess_nope"}'), 404),
        "close: no session_id": (close_of(b"{}"), 400),
        "unknown endpoint": (lambda http: http.get("/v1/nothing"), 404),
        "wrong method": (lambda http: http.get("/v1/training/ingest"), 405),
        "stats: bad days": (lambda http: http.get("/v1/stats/daily?days=x"), 400),
    }


async def test_rate_limits_answer_429_with_retry_after(tmp_path: object) -> None:
    from pathlib import Path

    async with (
        start_server(Path(str(tmp_path)) / "d", "--rate-per-minute", "3", "--opens-per-hour", "1") as server,
        httpx.AsyncClient(base_url=server.url) as http,
    ):
        pair = ecdh.generate_key_pair()
        first = await http.post(
            "/v1/sessions/open", json=open_request("sess_1", pair.public_b64, machine_fingerprint="fp")
        )
        second = await http.post(
            "/v1/sessions/open", json=open_request("sess_2", pair.public_b64, machine_fingerprint="fp")
        )
        third = await http.get("/v1/stats/summary")
        fourth = await http.get("/v1/stats/summary")
        health = await http.get("/health")
    assert first.status_code == 200
    assert second.status_code == 429 and "Retry-After" in second.headers
    assert third.status_code == 200
    assert fourth.status_code == 429 and int(fourth.headers["Retry-After"]) >= 1
    assert health.status_code == 200


async def test_storage_quota_answers_507_and_keeps_serving(tmp_path: Path) -> None:
    server_running = start_server(tmp_path / "d", "--quota-gb", "0.000004")
    async with server_running as server, httpx.AsyncClient(base_url=server.url) as http:
        session = await open_session(http)
        first = await ingest(http, session.chunk_body(2))
        full = await ingest(http, session.chunk_body(100))
        health = await http.get("/health")
    assert first.status_code == 200
    assert full.status_code == 507 and "quota" in full.json()["reason"]
    assert health.status_code == 200


async def test_files_roll_over_by_size_and_stats_never_read_them(tmp_path: Path) -> None:
    server_running = start_server(tmp_path / "d", "--segment-mb", "0.003")
    async with server_running as server, httpx.AsyncClient(base_url=server.url) as http:
        session = await open_session(http)
        for _ in range(6):
            assert (await ingest(http, session.chunk_body(10))).status_code == 200
        assert (await ingest(http, session.close_body())).status_code == 200
        await server.log.wait_for("ledger.credited")
        before = [(await http.get(path)).json() for path in STATS_PATHS]
        envelopes = server.data_dir / "envelopes"
        segments = sorted(envelopes.iterdir())
        envelopes.rename(server.data_dir / "moved-away")
        after = [(await http.get(path)).json() for path in STATS_PATHS]
        (server.data_dir / "moved-away").rename(envelopes)
    assert len(segments) >= 3
    assert all(p.stat().st_size <= 0.003 * 1024 * 1024 for p in segments)
    assert before == after
    assert before[0]["totalSteps"] == 60 and before[0]["totalEnvelopes"] == 7


STATS_PATHS = ("/v1/stats/summary", "/v1/stats/daily?days=3", "/v1/stats/models", "/v1/stats/providers",
               "/v1/stats/leaderboard?limit=5")  # fmt: skip


async def test_a_full_session_refuses_chunks_with_413_but_closes_and_is_credited(tmp_path: Path) -> None:
    limit = ("--max-session-mb", "0.05")  # 52,428 bytes: a few 20-step chunks
    async with start_server(tmp_path / "d", *limit) as server, httpx.AsyncClient(base_url=server.url) as http:
        session = await open_session(http)
        stored = 0
        for _ in range(50):
            body = session.chunk_body(20)
            response = await ingest(http, body)
            if response.status_code != 200:
                break
            stored += len(body)
        assert response.status_code == 413, response.text
        assert response.json()["reason"].startswith("session is full")
        assert stored <= 0.05 * 1024 * 1024 < stored + len(body)
        assert response.json()["quarantined"] is True  # kept aside; its number is used
    # A restarted server knows what the session holds, from the index.
    async with start_server(tmp_path / "d", *limit) as server, httpx.AsyncClient(base_url=server.url) as http:
        again = await ingest(http, session.chunk_body(20))
        close = await ingest(http, session.close_body())
        credited = await server.log.wait_for("ledger.credited")
        summary = (await http.get("/v1/stats/summary")).json()
    assert again.status_code == 413
    assert close.status_code == 200, close.text
    assert credited["session_id"] == session.session_id
    assert summary["totalSteps"] == 20 * (summary["totalEnvelopes"] - 1)


async def test_bodies_past_the_budget_wait_then_get_503_and_nothing_is_lost(tmp_path: Path) -> None:
    budget = 1_048_576  # --bodies-mb 1
    async with (
        start_server(tmp_path / "d", "--bodies-mb", "1") as server,
        httpx.AsyncClient(base_url=server.url) as http,
    ):
        session = await open_session(http)
        url = httpx.URL(server.url)
        assert url.port is not None
        slow = await trio.open_tcp_stream(url.host, url.port)
        head = f"POST /v1/training/ingest HTTP/1.1\r\nhost: x\r\ncontent-length: {budget}\r\n\r\n"
        await slow.send_all(head.encode() + b" " * (budget - 1))  # sends all but a byte: holds nearly all
        probe = session.chunk_body(20)  # no room for it
        for _ in range(100):  # until the slow request's bytes have been taken in
            busy = await ingest(http, probe)
            if busy.status_code == 503:
                break
            assert busy.status_code == 200
            probe = session.chunk_body(20)
        assert busy.status_code == 503, busy.text
        assert busy.headers["retry-after"] == "1"
        assert "retry" in busy.json()["reason"]
        await slow.send_all(b" ")  # the slow one completes and gives its room back
        answer = await slow.receive_some(65536)
        await slow.aclose()
        accepted = await ingest(http, probe)  # the refused probe, sent again, is taken
    assert answer.startswith(b"HTTP/1.1 400")  # a body of spaces
    assert accepted.status_code == 200, accepted.text


async def test_peers_that_announce_large_bodies_and_send_nothing_hold_no_budget(tmp_path: Path) -> None:
    async with (
        start_server(tmp_path / "d", "--bodies-mb", "16") as server,
        httpx.AsyncClient(base_url=server.url) as http,
    ):
        session = await open_session(http)
        url = httpx.URL(server.url)
        assert url.port is not None
        idle = []
        for _ in range(13):  # 13 x 5 MiB announced: four times the budget
            stream = await trio.open_tcp_stream(url.host, url.port)
            head = (
                f"POST /v1/training/ingest HTTP/1.1\r\nhost: x\r\ncontent-length: {5 * 1024 * 1024}\r\n\r\n"
            )
            await stream.send_all(head.encode() + b"{")
            idle.append(stream)
        answers = [await ingest(http, session.chunk_body(20)) for _ in range(5)]
        for stream in idle:
            await stream.aclose()
    assert [a.status_code for a in answers] == [200] * 5
