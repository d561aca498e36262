"""The sender against a real server: offline first, then delivery in order, duplicates, quarantine, close."""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
import trio

from client_actors.sender import Sender
from client_actors.spool import Spool, SpooledSession
from tests.support.envelopes import ClientSession
from tests.support.ports import held_port
from tests.support.server import start_server

pytestmark = pytest.mark.slow

NO_LIMITS = ("--rate-per-minute", "0", "--rate-per-hour", "0")


def unsigned(body: bytes) -> dict[str, Any]:
    envelope: dict[str, Any] = orjson.loads(body)
    envelope["attestation"] = {"session_hmac": "", "sequence": 0, "app_version_hash": "0f" * 32}
    return envelope


def spool_session(spool: Spool, url: str, chunks: int, *, broken_at: int | None = None) -> ClientSession:
    client = ClientSession(b"\0" * 32)
    spool.create(SpooledSession(client.session_id, url, "claude-code", "claude-opus-4-6", "fp-test", "0f" * 32,
                                "0.27.78", time.time()))  # fmt: skip
    for n in range(chunks):
        envelope = unsigned(client.chunk_body(5))
        if n == broken_at:
            envelope["contributor_id"] = "not-hex"
        spool.append(client.session_id, envelope)
    spool.append(client.session_id, unsigned(client.close_body()))
    return client


async def test_spooled_offline_then_delivered_when_the_server_is_back(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool")
    # The server comes back at the same address, and no other program takes the port meanwhile.
    with held_port() as port:
        async with start_server(tmp_path / "data", *NO_LIMITS, "--port", str(port)) as first:
            url = first.url
            first.process.send_signal(signal.SIGTERM)
            await first.process.wait()
            client = spool_session(spool, url, chunks=3)
            async with httpx.AsyncClient(base_url=url) as http:
                offline = Sender(spool, http, url, rng=random.Random(1))
                wait = await offline.deliver_all()
            assert wait is not None and offline.last_error is not None
            assert spool.status().envelopes == 4
        restarted = start_server(tmp_path / "data", *NO_LIMITS, "--port", str(port))
        async with restarted as server, httpx.AsyncClient(base_url=url) as http:
            assert server.url == url
            sender = Sender(spool, http, url)
            assert await sender.deliver_all() is None
            await server.log.wait_for("ledger.credited")
            summary = (await http.get("/v1/stats/summary")).json()
    assert sender.delivered == 4
    assert spool.status().sessions == 0
    assert (summary["totalEnvelopes"], summary["totalSteps"], summary["activeSessions"]) == (4, 15, 0)
    assert client.session_id not in [s.session_id for s in spool.sessions()]


async def test_a_refused_envelope_is_quarantined_and_the_rest_goes_on(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool")
    async with start_server(tmp_path / "data", *NO_LIMITS) as server:
        spool_session(spool, server.url, chunks=3, broken_at=1)
        async with httpx.AsyncClient(base_url=server.url) as http:
            sender = Sender(spool, http, server.url)
            assert await sender.deliver_all() is None
            await server.log.wait_for("ledger.credited")
            summary = (await http.get("/v1/stats/summary")).json()
    assert spool.status().quarantined == 1
    assert sender.delivered == 3
    assert (summary["totalEnvelopes"], summary["totalSteps"]) == (3, 10)


async def test_the_run_loop_delivers_on_wake_up(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool")
    running = start_server(tmp_path / "data", *NO_LIMITS)
    async with (
        running as server,
        httpx.AsyncClient(base_url=server.url) as http,
        trio.open_nursery() as nursery,
    ):
        wake, wakeups = trio.open_memory_channel[None](1)
        sender = Sender(spool, http, server.url)
        await nursery.start(sender.run, wakeups)
        spool_session(spool, server.url, chunks=2)
        round_number = sender.next_round()
        wake.send_nowait(None)
        await sender.wait_for_round(round_number)  # idle again: nothing in flight when it is cancelled
        await server.log.wait_for("ledger.credited")
        nursery.cancel_scope.cancel()
    assert sender.delivered == 3


async def test_a_server_that_forgot_the_session_gets_the_rest_under_a_new_id(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool")
    client = ClientSession(b"\0" * 32)
    with held_port() as port:
        async with start_server(tmp_path / "first", *NO_LIMITS, "--port", str(port)) as first:
            url = first.url
            spool.create(SpooledSession(client.session_id, url, "claude-code", "claude-opus-4-6", "fp-test",
                                        "0f" * 32, "0.27.78", time.time()))  # fmt: skip
            spool.append(client.session_id, unsigned(client.chunk_body(5)))
            async with httpx.AsyncClient(base_url=url) as http:
                assert await Sender(spool, http, url).deliver_all() is None
        spool.append(client.session_id, unsigned(client.chunk_body(5)))
        spool.append(client.session_id, unsigned(client.close_body()))
        # A new, empty server on the same address (a store lost, or restored from an older backup).
        restarted = start_server(tmp_path / "second", *NO_LIMITS, "--port", str(port))
        async with restarted as second, httpx.AsyncClient(base_url=url) as http:
            assert second.url == url
            sender = Sender(spool, http, url)
            for _ in range(3):  # 404 -> re-open under a new id -> deliver
                if await sender.deliver_all() is None:
                    break
            await second.log.wait_for("ledger.credited")
            summary = (await http.get("/v1/stats/summary")).json()
    assert spool.status().sessions == 0
    assert (summary["totalEnvelopes"], summary["totalSteps"]) == (2, 5)  # the second chunk and the close
    assert second.events_named("session.opened")[0]["session_id"] != client.session_id


async def test_a_session_the_server_holds_as_full_goes_on_as_a_new_session(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool")
    # 20,971 bytes: six 20-step chunks per server session; a session closed by the endpoint is credited at once.
    limit = ("--max-session-mb", "0.02", "--close-grace", "0")
    async with start_server(tmp_path / "data", *NO_LIMITS, *limit) as server:
        client = ClientSession(b"\0" * 32)
        spool.create(SpooledSession(client.session_id, server.url, "claude-code", "claude-opus-4-6", "fp-test",
                                    "0f" * 32, "0.27.78", time.time()))  # fmt: skip
        for _ in range(8):
            spool.append(client.session_id, unsigned(client.chunk_body(20)))
        spool.append(client.session_id, unsigned(client.close_body()))
        async with httpx.AsyncClient(base_url=server.url) as http:
            sender = Sender(spool, http, server.url)
            for _ in range(10):  # each full session: 413 -> close it there -> re-open under a new id
                if await sender.deliver_all() is None:
                    break
            opened = server.events_named("session.opened")
            with trio.fail_after(30):
                while len(server.events_named("ledger.credited")) < len(opened):
                    await server.log.wait_for("ledger.credited", after=len(server.events))
            summary = (await http.get("/v1/stats/summary")).json()
    assert len(opened) >= 2 and spool.status().sessions == 0 and spool.status().quarantined == 0
    assert summary["totalSteps"] == 8 * 20 and summary["totalSessions"] == len(opened)
