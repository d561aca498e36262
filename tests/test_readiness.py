"""GET /ready beside /health, and the sd_notify READY=1 that the systemd unit (Type=notify) waits for.

The server listens only once the store is open and recovered, and a writer that fails stops it, so a running
process answers 200; the 503 is observed on the real app and a real storage writer that has stopped.
"""

from __future__ import annotations

import signal
import socket
import time
from pathlib import Path

import httpx
import pytest
import trio

from groove_actors.http.app import create_app
from groove_actors.http.handles import AppHandles
from groove_actors.server.ratelimit import RateLimiter
from groove_actors.server.readiness import Readiness, sd_notify
from groove_actors.server.reads import ReadPool
from groove_actors.server.sessions import SessionDirectory, VerifierDeps
from groove_actors.server.stats import StatsBook
from groove_actors.server.writer import StorageWriter, WriteRequest
from groove_actors.store.embedded import EmbeddedStore
from tests.support.server import start_server


def test_waiting_for_names_what_is_missing_in_start_up_order() -> None:
    assert Readiness().waiting_for() == ["store", "recovery", "writer"]
    assert Readiness(store_open=True, recovered=True).waiting_for() == ["writer"]
    assert Readiness(store_open=True, recovered=True, writer_alive=True).waiting_for() == []


async def test_ready_is_503_once_the_writer_has_stopped(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    reads = ReadPool(store.catalog_path)
    try:
        readiness = Readiness(store_open=True, recovered=True)
        writer_send, writer_receive = trio.open_memory_channel[WriteRequest](8)
        wake_send, _wake_receive = trio.open_memory_channel[None](1)
        stats = StatsBook.load(store.conn)
        async with trio.open_nursery() as nursery:
            handles = AppHandles(
                started_at=time.monotonic(),
                directory=SessionDirectory(nursery, VerifierDeps(writer_send, reads, wake_send)),
                writer=writer_send,
                reads=reads,
                stats=stats,
                limiter=RateLimiter(60, 600),
                readiness=readiness,
            )
            client = create_app(handles).test_client()
            async with trio.open_nursery() as storage:
                await storage.start(StorageWriter(store, writer_receive, stats, readiness=readiness).run)
                ready = await client.get("/ready")
                assert ready.status_code == 200
                assert (await ready.get_json())["ready"] is True
                # Its only sender gone, the writer stops; leaving this nursery waits for it to have stopped.
                await writer_send.aclose()
            stopped = await client.get("/ready")
            assert stopped.status_code == 503
            assert await stopped.get_json() == {"ready": False, "waiting_for": ["writer"]}
            assert int(stopped.headers["Retry-After"]) >= 1
            health = await client.get("/health")
            assert health.status_code == 200 and (await health.get_json())["status"] == "ok"
    finally:
        reads.close()
        store.close()


def test_sd_notify_sends_one_datagram_to_notify_socket(tmp_path: Path) -> None:
    path = tmp_path / "notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as systemd:
        systemd.bind(str(path))
        assert sd_notify("READY=1", {"NOTIFY_SOCKET": str(path)})
        assert systemd.recv(4096) == b"READY=1"
    assert not sd_notify("READY=1", {})


def test_sd_notify_reaches_an_abstract_socket() -> None:
    name = f"groove-test-{id(object())}-{time.monotonic_ns()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as systemd:
        systemd.bind("\0" + name)
        assert sd_notify("READY=1", {"NOTIFY_SOCKET": "@" + name})
        assert systemd.recv(4096) == b"READY=1"


@pytest.mark.slow
async def test_running_server_is_ready_and_tells_notify_socket(tmp_path: Path) -> None:
    path = tmp_path / "notify"
    systemd = trio.socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    with systemd:
        await systemd.bind(str(path))
        async with start_server(tmp_path / "data", env={"NOTIFY_SOCKET": str(path)}) as server:
            with trio.fail_after(30):
                assert await systemd.recv(4096) == b"READY=1"
            async with httpx.AsyncClient(base_url=server.url) as http:
                ready = await http.get("/ready")
                assert ready.status_code == 200, ready.text
                assert ready.json()["ready"] is True
                health = await http.get("/health")
                assert health.status_code == 200 and health.json()["status"] == "ok"
            server.process.send_signal(signal.SIGTERM)
            with trio.fail_after(30):
                assert await systemd.recv(4096) == b"STOPPING=1"
            assert await server.process.wait() == 0
