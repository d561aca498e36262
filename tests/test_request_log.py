"""What the edge logs of each request: client address, request id (echoed), failures with their traceback,
and the admin live view's WebSocket connections as they open, close, or are refused."""

from __future__ import annotations

import base64
import io
import logging
import secrets
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypercorn.typing import ASGIReceiveCallable, ASGISendCallable, Scope
from prometheus_client.parser import text_string_to_metric_families

from groove_actors.http.edge import Edge
from groove_actors.server.metrics import Metrics
from groove_actors.server.ratelimit import RateLimiter
from groove_actors.watch import watch
from tests.support.server import start_server


async def failing_app(scope: Scope, receive: ASGIReceiveCallable, send: ASGISendCallable) -> None:
    raise LookupError("a bug in a handler")


def fields_of(caplog: pytest.LogCaptureFixture, event: str) -> list[dict[str, Any]]:
    return [r.fields for r in caplog.records if r.getMessage() == event]  # type: ignore[attr-defined]


async def test_a_failed_request_is_logged_with_its_traceback_client_and_request_id(
    caplog: pytest.LogCaptureFixture,
) -> None:
    edge = Edge(failing_app, RateLimiter(0, 0), metrics=Metrics())
    transport = httpx.ASGITransport(app=edge, client=("192.0.2.7", 50000))  # type: ignore[arg-type]
    with caplog.at_level(logging.INFO, logger="groove"):
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            given = await http.get("/v1/stats/summary", headers={"X-Request-Id": "0f9e-client-trace"})
            made = await http.get("/v1/stats/summary", headers={"X-Request-Id": "x" * 129})
    (failed, _) = fields_of(caplog, "request.failed")
    assert given.status_code == 500 and given.headers["x-request-id"] == "0f9e-client-trace"
    assert (failed["client"], failed["request_id"]) == ("192.0.2.7", "0f9e-client-trace")
    assert "LookupError: a bug in a handler" in failed["traceback"] and failed["traceback"].startswith(
        "Traceback"
    )
    new = made.headers[
        "x-request-id"
    ]  # the client's was too long: a new one, this process's prefix and a count
    assert (
        new.startswith(edge.request_id.prefix.decode() + "-")
        and new == fields_of(caplog, "request")[1]["request_id"]
    )


@pytest.mark.slow
async def test_live_view_connections_are_logged_and_counted(tmp_path: Path) -> None:
    token = secrets.token_urlsafe(24)
    token_file = tmp_path / "admin-token"
    token_file.write_text(token)
    async with start_server(tmp_path / "d", "--admin-token-file", str(token_file)) as server:
        assert await watch(server.url, token, out=io.StringIO(), updates=2) == 0
        async with httpx.AsyncClient(base_url=server.url) as http:
            upgrade = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
                       "Sec-WebSocket-Key": base64.b64encode(secrets.token_bytes(16)).decode()}  # fmt: skip
            refused = await http.get("/admin/live?token=not-it", headers=upgrade)
        await server.log.wait_for("websocket.closed")
        async with httpx.AsyncClient(base_url=server.url) as http:  # the refused upgrade closed the other
            text = (await http.get("/metrics", headers={"Authorization": f"Bearer {token}"})).text
    assert refused.status_code == 401
    (opened,) = server.events_named("websocket.opened")
    (closed,) = server.events_named("websocket.closed")
    (denied,) = server.events_named("websocket.refused")
    assert opened["path"] == closed["path"] == denied["path"] == "/admin/live"
    assert opened["client"] == "127.0.0.1" and opened["request_id"] == closed["request_id"]
    assert isinstance(closed["s"], float) and isinstance(closed["code"], int)
    assert denied["status"] == 401
    assert token not in str(server.events)
    counted = {
        sample.labels["status"]: sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "groove_http_requests_total" and sample.labels["route"] == "/admin/live"
    }
    assert counted == {"101": 1, "401": 1}
