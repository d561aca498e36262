"""The server as an operator runs it: a real process on loopback, spoken to over HTTP."""

from __future__ import annotations

import signal
import stat

import httpx
import pytest
import trio

from tests.support.server import ServerProcess

pytestmark = pytest.mark.slow


async def test_health_answers_with_uptime(central: ServerProcess) -> None:
    async with httpx.AsyncClient(base_url=central.url) as client:
        response = await client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["uptime"] >= 0


async def test_cors_preflight_is_204_with_headers(central: ServerProcess) -> None:
    async with httpx.AsyncClient(base_url=central.url) as client:
        response = await client.options("/v1/training/ingest")
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == "*"
    assert "POST" in response.headers["access-control-allow-methods"]


async def test_each_request_is_logged_once_without_payload(central: ServerProcess) -> None:
    async with httpx.AsyncClient(base_url=central.url) as client:
        answer = await client.get("/health", headers={"X-Request-Id": "trace-4f2a.01"})
        mangled = await client.get("/ready", headers={"X-Request-Id": "no spaces\tor tabs"})
    central.process.send_signal(signal.SIGTERM)
    await central.process.wait()
    line, other = central.events_named("request")
    assert set(line) == {"ts", "level", "event", "method", "path", "status", "ms", "client", "request_id"}
    assert (line["method"], line["path"], line["status"]) == ("GET", "/health", 200)
    assert (line["client"], line["request_id"]) == ("127.0.0.1", "trace-4f2a.01")
    assert answer.headers["x-request-id"] == "trace-4f2a.01"  # the client's id, echoed
    assert other["request_id"] == mangled.headers["x-request-id"] != "no spaces\tor tabs"  # a new one


async def test_sigterm_stops_cleanly(central: ServerProcess) -> None:
    central.process.send_signal(signal.SIGTERM)
    with trio.fail_after(15):
        code = await central.process.wait()
    assert code == 0
    assert central.events_named("server.stopped")


async def test_data_dir_is_private(central: ServerProcess) -> None:
    assert stat.S_IMODE(central.data_dir.stat().st_mode) == 0o700
