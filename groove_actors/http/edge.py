"""The edge every HTTP request and WebSocket passes through, whichever handler answers it.

One ASGI middleware in front of the Quart app does what is the same for every route: CORS (public routes
only; the admin routes get none), the preflight answer, rate limits on `/v1/`, the Origin check of the admin
WebSocket, one `request` log line per request, and isolation: an unexpected exception in any handler becomes
that request's 500 with a JSON body and a `request.failed` line with the traceback, never the server's end.
Each request has an id (the client's `X-Request-Id` when it is sane, else a new one), echoed in the answer's
`X-Request-Id` and logged with the client's address; it is counted by route template and status.
Routes on the hot path (ingest) are plain functions returning an `Answer`, written here without Quart's
request and response objects; every other path goes to the Quart app.
"""

from __future__ import annotations

import itertools
import re
import secrets
import time
import traceback
from collections.abc import Awaitable, Callable, Iterator, Mapping
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
    HTTPResponseBodyEvent,
    HTTPResponseStartEvent,
    HTTPScope,
    Scope,
    WebsocketScope,
)
from prometheus_client import Counter

from groove_actors import logs
from groove_actors.protocol.envelope import Rejected
from groove_actors.server.metrics import Metrics, rejection_code
from groove_actors.server.ratelimit import RateLimiter, client_address, rate_key

CORS_HEADERS = (
    (b"access-control-allow-origin", b"*"),
    (b"access-control-allow-methods", b"GET, POST, OPTIONS"),
    (b"access-control-allow-headers", b"Content-Type"),
)
ADMIN_PATHS = ("/admin", "/metrics")
LOGGED_PATH_CHARS = 200
REQUEST_ID_HEADER = b"x-request-id"
# A request id taken from the client: the characters of UUIDs, trace ids and base64, and a bounded length.
SANE_REQUEST_ID = re.compile(rb"[A-Za-z0-9._:+/=@-]{1,128}")
UNMATCHED_ROUTE = "unmatched"  # the route label of a path no route serves: never the raw path (unbounded)
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
    code = rejection_code(rejected.status, rejected.reason)
    metrics.count("groove_envelopes_rejected_total", status=str(rejected.status), reason=code)


def given_request_id(scope: HTTPScope | WebsocketScope) -> bytes | None:
    """The client's X-Request-Id if it is sane, so that its logs and ours meet."""
    given = next((v for k, v in scope["headers"] if k == REQUEST_ID_HEADER), None)
    return given if given is not None and SANE_REQUEST_ID.fullmatch(given) else None


@attrs.define(eq=False)
class RequestIds:
    """New request ids: this process's random prefix and a count, unique across restarts and cheap to make."""

    prefix: bytes = attrs.Factory(lambda: secrets.token_hex(4).encode())
    _count: Iterator[int] = attrs.Factory(itertools.count)

    def __call__(self, scope: HTTPScope | WebsocketScope) -> bytes:
        return given_request_id(scope) or b"%s-%x" % (self.prefix, next(self._count))


FastRoute = Callable[[HTTPScope, ASGIReceiveCallable], Awaitable[Answer]]


@attrs.define(eq=False)
class _Exchange:
    """What the edge learns about one request while it is answered."""

    status: int = 0
    opened_at: float | None = None  # a WebSocket: when it was accepted
    close_code: int | None = None  # a WebSocket: how it ended, by either side


@attrs.frozen
class RouteNames:
    """The route template serving a path, for a metric label: a path no route serves is `unmatched`."""

    static: frozenset[str]
    templates: Callable[[str, str, bool], str | None] | None = None  # (path, method, websocket), when needed

    def of(self, path: str, method: str, *, websocket: bool = False) -> str:
        if path in self.static:
            return path
        found = self.templates(path, method, websocket) if self.templates is not None else None
        return found or UNMATCHED_ROUTE


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
    metrics: Metrics = attrs.Factory(Metrics)
    routes: RouteNames = RouteNames(frozenset())
    request_id: RequestIds = attrs.Factory(RequestIds)
    _answered: dict[tuple[str, int], Counter] = attrs.field(init=False, factory=dict)
    _rate_limited: Counter = attrs.field(init=False)

    @_rate_limited.default
    def _count_rate_limited(self) -> Counter:
        return self.metrics.counter("groove_rate_limited_total", limit="address")

    def count(self, route: str, status: int) -> None:
        """One request answered: a bound counter per (route, status), so that counting is one increment."""
        child = self._answered.get((route, status))
        if child is None:
            child = self._answered[route, status] = self.metrics.counter(
                "groove_http_requests_total", route=route, status=str(status)
            )
        child.inc()

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
        rid = self.request_id(scope)
        client = scope_address(scope, self.trusted_proxies)
        exchange = _Exchange()
        added = (*CORS_HEADERS, (REQUEST_ID_HEADER, rid)) if public else ((REQUEST_ID_HEADER, rid),)

        async def send_at_edge(message: ASGISendEvent) -> None:
            if message["type"] == "http.response.start":
                exchange.status = message["status"]
                message = {**message, "headers": [*message["headers"], *added]}
            await send(message)

        try:
            answer = self.screen(scope, public, client)
            if answer is None:
                route = self.fast_routes.get(path)
                if route is None or method == "OPTIONS":
                    await self.app(scope, receive, send_at_edge)
                else:
                    answer = await route(scope, receive)
            if answer is not None:  # sent here with the edge's headers, without the wrapper above
                start, body = answer_messages(answer, added)
                exchange.status = answer.status
                await send(start)
                await send(body)
        except Exception as exc:  # isolation: this request fails alone (README "Isolation and faults")
            _log_failure(exc, method=method, path=path, client=client, request_id=rid)
            if not exchange.status:
                await write_answer(refusal(INTERNAL_ERROR), send_at_edge)
        finally:
            self.count(self.routes.of(path, method), exchange.status)
            logs.event(
                "request",
                method=method,
                path=path[:LOGGED_PATH_CHARS],
                status=exchange.status,
                ms=logs.elapsed_ms(started),
                client=client,
                request_id=rid.decode(),
            )

    def screen(self, scope: HTTPScope, public: bool, address: str) -> Answer | None:
        """The answers given before any handler runs: the CORS preflight and the rate limit."""
        if scope["method"] == "OPTIONS" and public:
            return Answer(204, None)
        if not scope["path"].startswith("/v1/"):
            return None
        wait = self.limiter.check(rate_key(address), now=trio.current_time())
        if wait is None:
            return None
        self._rate_limited.inc()
        reason = f"rate limit exceeded for {address}; retry in {wait:.0f} s"
        return refusal(Rejected(429, reason, retry_after=wait))

    async def websocket(
        self, scope: WebsocketScope, receive: ASGIReceiveCallable, send: ASGISendCallable
    ) -> None:
        """Browsers send Origin with a WebSocket and never enforce CORS on it: refuse foreign pages here.

        Logs `websocket.opened` once the handler accepts, `websocket.closed` with how long it stayed open and
        its close code, or `websocket.refused` with the status it was answered instead.
        """
        path = scope["path"]
        fields: dict[str, Any] = {
            "path": path[:LOGGED_PATH_CHARS],
            "client": scope_address(scope, self.trusted_proxies),
            "request_id": self.request_id(scope).decode(),
        }
        exchange = _Exchange()
        origin = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"origin"), None)
        host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
        if origin is not None and urlsplit(origin).netloc.lower() != host.lower():
            logs.event("websocket.refused", **fields, status=403, reason="foreign origin")
            self.count(self.routes.of(path, "GET", websocket=True), 403)
            await send({"type": "websocket.close", "code": 1008, "reason": "foreign origin"})
            return

        async def send_at_edge(message: ASGISendEvent) -> None:
            if message["type"] == "websocket.accept":
                exchange.status, exchange.opened_at = 101, time.monotonic()
                logs.event("websocket.opened", **fields)
            elif message["type"] == "websocket.http.response.start":
                exchange.status = message["status"]
            elif message["type"] == "websocket.close" and exchange.close_code is None:
                exchange.close_code = message.get("code", 1000)
            await send(message)

        async def receive_at_edge() -> Any:
            message = await receive()
            if message["type"] == "websocket.disconnect" and exchange.close_code is None:
                exchange.close_code = message.get("code", 1005)
            return message

        try:
            await self.app(scope, receive_at_edge, send_at_edge)
        except Exception as exc:  # isolation, as for HTTP requests
            _log_failure(
                exc, method="GET", path=path, client=fields["client"], request_id=fields["request_id"]
            )
            if not exchange.status:
                exchange.status = 500
                await send({"type": "websocket.close", "code": 1011, "reason": ""})
        finally:
            self.count(self.routes.of(path, "GET", websocket=True), exchange.status or 403)
            if exchange.opened_at is None:
                logs.event("websocket.refused", **fields, status=exchange.status or 403)
            else:
                seconds = round(time.monotonic() - exchange.opened_at, 1)
                logs.event("websocket.closed", **fields, s=seconds, code=exchange.close_code)


def _log_failure(exc: Exception, *, method: str, path: str, client: str, request_id: bytes | str) -> None:
    """`request.failed`: what failed, with its traceback, and the request it failed in."""
    logs.event(
        "request.failed",
        level=40,
        method=method,
        path=path[:LOGGED_PATH_CHARS],
        client=client,
        request_id=request_id.decode() if isinstance(request_id, bytes) else request_id,
        error=f"{type(exc).__name__}: {exc}",
        traceback="".join(traceback.format_exception(exc)),
    )


async def write_answer(answer: Answer, send: ASGISendCallable) -> None:
    """Send a whole answer; with a length it goes out in one write (http/serving.py)."""
    start, body = answer_messages(answer)
    await send(start)
    await send(body)


def answer_messages(
    answer: Answer, added: tuple[tuple[bytes, bytes], ...] = ()
) -> tuple[HTTPResponseStartEvent, HTTPResponseBodyEvent]:
    """The two ASGI messages of a whole answer, with the `added` headers."""
    headers = list(answer.headers)
    payload = b""
    if answer.body is not None:  # a 204 has no body and no length (RFC 9110, section 8.6)
        payload = orjson.dumps(answer.body)
        headers += ((b"content-type", b"application/json"), (b"content-length", b"%d" % len(payload)))
    if answer.retry_after is not None:
        headers.append(retry_after_header(answer.retry_after))
    if answer.close:
        headers.append((b"connection", b"close"))
    headers += added
    start: HTTPResponseStartEvent = {
        "type": "http.response.start", "status": answer.status, "headers": headers, "trailers": False
    }  # fmt: skip
    return start, {"type": "http.response.body", "body": payload, "more_body": False}
