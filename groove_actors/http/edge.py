"""The edge every HTTP request and WebSocket passes through, whichever handler answers it.

One ASGI middleware in front of the Quart app does what is the same for every route: CORS (public routes
only; the admin routes get none), the preflight answer, rate limits on `/v1/`, the Origin check of the admin
WebSocket, one `request` log line per request, and isolation: an unexpected exception in any handler becomes
that request's 500 with a JSON body and a `request.failed` line with the traceback, never the server's end.
Routes on the hot path (ingest) are plain functions returning an `Answer`, written here without Quart's
request and response objects; every other path goes to the Quart app.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

import attrs
import orjson
import trio
from hypercorn.typing import (
    ASGIFramework,
    ASGIReceiveCallable,
    ASGISendCallable,
    ASGISendEvent,
    HTTPScope,
    Scope,
    WebsocketScope,
)

from groove_actors import logs
from groove_actors.protocol.envelope import Rejected
from groove_actors.server.metrics import Metrics, reason_key
from groove_actors.server.ratelimit import RateLimiter, client_address, rate_key

CORS_HEADERS = (
    (b"access-control-allow-origin", b"*"),
    (b"access-control-allow-methods", b"GET, POST, OPTIONS"),
    (b"access-control-allow-headers", b"Content-Type"),
)
ADMIN_PATHS = ("/admin", "/metrics")
LOGGED_PATH_CHARS = 200
INTERNAL_ERROR = Rejected(500, "internal error; it has been logged")


@attrs.frozen
class Answer:
    """A complete JSON answer: status, body and the headers that go with them."""

    status: int
    body: Any
    retry_after: float | None = None
    close: bool = (
        False  # the rest of the request body is unread: this connection cannot carry another request
    )
    headers: tuple[tuple[bytes, bytes], ...] = ()


def rejection_body(rejected: Rejected, *, shape: str = "accepted") -> dict[str, Any]:
    """The body of a refusal, in the shape its route has always used (PROTOCOL.md section 2)."""
    body: dict[str, Any] = (
        {"accepted": False, "reason": rejected.reason} if shape == "accepted" else {"error": rejected.reason}
    )
    if rejected.details:
        body["details"] = list(rejected.details)
    if rejected.quarantined:
        body["quarantined"] = True
    return body


def refusal(rejected: Rejected, *, shape: str = "accepted", close: bool = False) -> Answer:
    """The one mapping from a refusal to an answer."""
    return Answer(rejected.status, rejection_body(rejected, shape=shape), rejected.retry_after, close)


def retry_after_header(seconds: float) -> tuple[bytes, bytes]:
    """Retry-After in whole seconds, never below 1: a client that waits 0 s would spin."""
    return (b"retry-after", b"%d" % max(1, round(seconds)))


def count_rejection(metrics: Metrics, rejected: Rejected) -> None:
    metrics.count(
        "groove_envelopes_rejected_total", status=str(rejected.status), reason=reason_key(rejected.reason)
    )


FastRoute = Callable[[HTTPScope, ASGIReceiveCallable], Awaitable[Answer]]


@attrs.define(eq=False)
class _Exchange:
    """What the edge learns about one request while it is answered."""

    status: int = 0


def is_admin_path(path: str) -> bool:
    return any(path == p or path.startswith(p + "/") for p in ADMIN_PATHS)


def scope_address(scope: HTTPScope | WebsocketScope, trusted_proxies: frozenset[str]) -> str:
    client = scope.get("client")
    forwarded = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"x-forwarded-for"), None)
    return client_address(client[0] if client else None, forwarded, trusted_proxies)


@attrs.define(eq=False)
class Edge:
    """An ASGI app: the edge around `app`, with `fast_routes` (path -> route) answered without Quart."""

    app: ASGIFramework
    limiter: RateLimiter
    trusted_proxies: frozenset[str] = frozenset()
    fast_routes: Mapping[str, FastRoute] = attrs.Factory(dict)

    async def __call__(self, scope: Scope, receive: ASGIReceiveCallable, send: ASGISendCallable) -> None:
        if scope["type"] == "http":
            await self.http(scope, receive, send)
        elif scope["type"] == "websocket":
            await self.websocket(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def http(self, scope: HTTPScope, receive: ASGIReceiveCallable, send: ASGISendCallable) -> None:
        started = time.perf_counter()
        path, method = scope["path"], scope["method"]
        public = not is_admin_path(path)
        exchange = _Exchange()

        async def send_at_edge(message: ASGISendEvent) -> None:
            if message["type"] == "http.response.start":
                exchange.status = message["status"]
                if public:
                    message = {**message, "headers": [*message["headers"], *CORS_HEADERS]}
            await send(message)

        try:
            answer = self.screen(scope, public)
            if answer is None:
                route = self.fast_routes.get(path)
                if route is None or method == "OPTIONS":
                    await self.app(scope, receive, send_at_edge)
                else:
                    answer = await route(scope, receive)
            if answer is not None:
                await write_answer(answer, send_at_edge)
        except Exception as exc:  # isolation: this request fails alone (README "Isolation and faults")
            logs.event(
                "request.failed",
                level=40,
                method=method,
                path=path[:LOGGED_PATH_CHARS],
                error=f"{type(exc).__name__}: {exc}",
                traceback="".join(traceback.format_exception(exc)),
            )
            if not exchange.status:
                await write_answer(refusal(INTERNAL_ERROR), send_at_edge)
        finally:
            logs.event(
                "request",
                method=method,
                path=path[:LOGGED_PATH_CHARS],
                status=exchange.status,
                ms=logs.elapsed_ms(started),
            )

    def screen(self, scope: HTTPScope, public: bool) -> Answer | None:
        """The answers given before any handler runs: the CORS preflight and the rate limit."""
        if scope["method"] == "OPTIONS" and public:
            return Answer(204, None)
        if not scope["path"].startswith("/v1/"):
            return None
        address = scope_address(scope, self.trusted_proxies)
        wait = self.limiter.check(rate_key(address), now=trio.current_time())
        if wait is None:
            return None
        reason = f"rate limit exceeded for {address}; retry in {wait:.0f} s"
        return refusal(Rejected(429, reason, retry_after=wait))

    async def websocket(
        self, scope: WebsocketScope, receive: ASGIReceiveCallable, send: ASGISendCallable
    ) -> None:
        """Browsers send Origin with a WebSocket and never enforce CORS on it: refuse foreign pages here."""
        origin = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"origin"), None)
        host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
        if origin is not None and urlsplit(origin).netloc.lower() != host.lower():
            logs.event("websocket.refused", path=scope["path"][:LOGGED_PATH_CHARS], reason="foreign origin")
            await send({"type": "websocket.close", "code": 1008, "reason": "foreign origin"})
            return
        logs.event("websocket.opened", path=scope["path"][:LOGGED_PATH_CHARS])
        try:
            await self.app(scope, receive, send)
        finally:
            logs.event("websocket.closed", path=scope["path"][:LOGGED_PATH_CHARS])


async def write_answer(answer: Answer, send: ASGISendCallable) -> None:
    """Send a whole answer; with a length it goes out in two writes (chunking would take three)."""
    headers = list(answer.headers)
    payload = b""
    if answer.body is not None:  # a 204 has no body and no length (RFC 9110, section 8.6)
        payload = orjson.dumps(answer.body)
        headers += ((b"content-type", b"application/json"), (b"content-length", b"%d" % len(payload)))
    if answer.retry_after is not None:
        headers.append(retry_after_header(answer.retry_after))
    if answer.close:
        headers.append((b"connection", b"close"))
    await send(
        {"type": "http.response.start", "status": answer.status, "headers": headers, "trailers": False}
    )
    await send({"type": "http.response.body", "body": payload, "more_body": False})
