"""The edge in front of every route, in process: a handler's unexpected error is that request's 500 alone."""

from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest
from hypercorn.typing import ASGIReceiveCallable, ASGISendCallable, HTTPScope, Scope

from groove_actors.http.edge import Answer, Edge, is_admin_path
from groove_actors.server.ratelimit import RateLimiter


async def broken_app(scope: Scope, receive: ASGIReceiveCallable, send: ASGISendCallable) -> None:
    if scope["type"] == "http" and scope["path"] == "/v1/boom":
        raise KeyError("a bug in a handler")
    await send({"type": "http.response.start", "status": 200, "headers": [], "trailers": False})
    await send({"type": "http.response.body", "body": b"fine", "more_body": False})


async def broken_route(scope: HTTPScope, receive: ASGIReceiveCallable) -> Answer:
    raise OverflowError("a bug on the fast path")


@pytest.fixture
def edge() -> Edge:
    return Edge(broken_app, RateLimiter(0, 0), fast_routes={"/v1/fast": broken_route})


async def test_an_unexpected_error_is_a_500_with_a_json_body_and_a_logged_traceback(
    edge: Edge, caplog: pytest.LogCaptureFixture
) -> None:
    transport = httpx.ASGITransport(app=edge)  # type: ignore[arg-type]
    with caplog.at_level(logging.INFO, logger="groove"):
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            slow = await http.post("/v1/boom", json={})
            fast = await http.post("/v1/fast", json={})
            fine = await http.get("/v1/fine")
    for answer in (slow, fast):
        assert answer.status_code == 500
        assert answer.json() == {"accepted": False, "reason": "internal error; it has been logged"}
        assert answer.headers["access-control-allow-origin"] == "*"
    assert fine.status_code == 200 and fine.text == "fine"
    failed = [r for r in caplog.records if r.getMessage() == "request.failed"]
    fields: list[dict[str, Any]] = [r.fields for r in failed]  # type: ignore[attr-defined]
    assert [f["path"] for f in fields] == ["/v1/boom", "/v1/fast"]
    assert "KeyError" in fields[0]["error"] and "Traceback" in fields[0]["traceback"]
    statuses = [r.fields["status"] for r in caplog.records if r.getMessage() == "request"]  # type: ignore[attr-defined]
    assert statuses == [500, 500, 200]


def test_admin_paths_are_told_apart_from_public_ones() -> None:
    assert is_admin_path("/admin") and is_admin_path("/admin/live") and is_admin_path("/metrics")
    assert not is_admin_path("/administrator") and not is_admin_path("/v1/stats/summary")
