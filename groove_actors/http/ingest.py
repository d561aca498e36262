"""POST /v1/training/ingest as a plain ASGI handler in front of the Quart app.

Ingest is the one route on the hot path; Quart's request and response objects cost about 0.6 ms of CPU per
request (STACK-FACTS.md), a fifth of a small envelope's budget, so this route reads the body and answers with
ASGI messages directly. Everything else (rate limits, CORS, logging, metrics, status codes and bodies) behaves
exactly as on the Quart routes; every other path is passed to the Quart app unchanged.
"""

from __future__ import annotations

import time
from typing import Any

import orjson
import trio
from hypercorn.typing import (
    ASGIFramework,
    ASGIReceiveCallable,
    ASGISendCallable,
    HTTPResponseBodyEvent,
    HTTPResponseStartEvent,
    HTTPScope,
    Scope,
)

from groove_actors import logs
from groove_actors.http.app import AppHandles, count_rejection
from groove_actors.protocol.envelope import Rejected, read_envelope
from groove_actors.protocol.limits import MAX_BODY_BYTES
from groove_actors.server.ratelimit import client_address
from groove_actors.server.sessions import Ingest
from groove_actors.server.verdicts import Accepted

PATH = "/v1/training/ingest"
DRAIN_LIMIT = 2 * MAX_BODY_BYTES
ANSWER_DEADLINE_S = 30.0
OVERLOADED = Rejected(503, "the server is overloaded; retry after the indicated delay", retry_after=1.0)
BUSY = Rejected(
    503,
    "the server is holding as many request bodies as it can; retry after the indicated delay",
    retry_after=1.0,
)
BODY_WAIT_S = 2.0  # how long a request waits for room in the body budget before it is answered 503
# A body must arrive within 30 s plus a second per 32 KiB (a 4 MiB chunk over a 256 kbit/s uplink), so that a
# slow sender cannot hold its room in the budget for long.
BODY_READ_BASE_S = 30.0
BODY_READ_MIN_RATE = 32 * 1024
TOO_LARGE = Rejected(413, f"request body larger than the {MAX_BODY_BYTES // (1024 * 1024)} MiB limit")
CORS = [
    (b"access-control-allow-origin", b"*"),
    (b"access-control-allow-methods", b"GET, POST, OPTIONS"),
    (b"access-control-allow-headers", b"Content-Type"),
]


class BodyTooLarge(Exception):
    pass


class IngestFastPath:
    """An ASGI app: ingest POSTs handled here, everything else by `app`."""

    def __init__(self, app: ASGIFramework, handles: AppHandles) -> None:
        self.app = app
        self.handles = handles

    async def __call__(self, scope: Scope, receive: ASGIReceiveCallable, send: ASGISendCallable) -> None:
        if scope["type"] == "http" and scope["path"] == PATH and scope["method"] != "OPTIONS":
            await self.ingest(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def ingest(self, scope: HTTPScope, receive: ASGIReceiveCallable, send: ASGISendCallable) -> None:
        started = time.perf_counter()
        status, body, retry_after, close = await self.answer(scope, receive, started)
        payload = orjson.dumps(body)
        # With a length the answer goes out in two writes; without one, HTTP/1.1 chunking takes three.
        headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(payload)), *CORS]
        if retry_after is not None:
            headers.append((b"retry-after", str(max(1, round(retry_after))).encode()))
        if close:  # the unread rest of the body is still on the wire
            headers.append((b"connection", b"close"))
        if status == 405:
            headers.append((b"allow", b"POST, OPTIONS"))
        await send(
            HTTPResponseStartEvent(type="http.response.start", status=status, headers=headers, trailers=False)
        )
        await send(HTTPResponseBodyEvent(type="http.response.body", body=payload, more_body=False))
        logs.event("request", method=scope["method"], path=PATH, status=status, ms=logs.elapsed_ms(started))

    async def answer(
        self, scope: HTTPScope, receive: ASGIReceiveCallable, started: float
    ) -> tuple[int, dict[str, Any], float | None, bool]:
        handles = self.handles
        if scope["method"] != "POST":
            return (
                405,
                {"accepted": False, "reason": f"{scope['method']} is not allowed on {PATH}"},
                None,
                False,
            )
        wait = handles.limiter.check(_address(scope, handles), now=trio.current_time())
        if wait is not None:
            reason = f"rate limit exceeded for {_address(scope, handles)}; retry in {wait:.0f} s"
            return 429, {"accepted": False, "reason": reason}, wait, False
        announced = _announced_length(scope)
        size = MAX_BODY_BYTES if announced is None else min(announced, MAX_BODY_BYTES)  # what is kept of it
        async with handles.bodies.reserve(size, wait_s=BODY_WAIT_S) as reserved:
            if not reserved:  # the body stays unread on the wire: the connection is closed after the answer
                return (*_refusal(handles, BUSY), True)
            return await self.judge(scope, receive, started, BODY_READ_BASE_S + size / BODY_READ_MIN_RATE)

    async def judge(
        self, scope: HTTPScope, receive: ASGIReceiveCallable, started: float, read_within_s: float
    ) -> tuple[int, dict[str, Any], float | None, bool]:
        handles = self.handles
        raw = None
        with trio.move_on_after(read_within_s):
            try:
                raw = await read_body(scope, receive)
            except BodyTooLarge as exc:
                return (*_refusal(handles, TOO_LARGE), exc.args[0])
        if raw is None:
            slow = Rejected(
                408, f"the request body did not arrive within {read_within_s:.0f} s; send it again"
            )
            return (*_refusal(handles, slow), True)
        envelope = read_envelope(raw, now=handles.wall_clock())
        if isinstance(envelope, Rejected):
            return (*_refusal(handles, envelope), False)
        send_answer, receive_answer = trio.open_memory_channel[Accepted | Rejected](1)
        async with send_answer, receive_answer:
            if not handles.directory.deliver(envelope.session_id, Ingest(envelope, send_answer)):
                return (*_refusal(handles, OVERLOADED), False)
            answer: Accepted | Rejected = OVERLOADED
            with trio.move_on_after(ANSWER_DEADLINE_S):
                answer = await receive_answer.receive()
        handles.metrics.observe("groove_ack_seconds", time.perf_counter() - started)
        if isinstance(answer, Rejected):
            return (*_refusal(handles, answer), False)
        handles.metrics.count("groove_envelopes_accepted_total", duplicate=str(answer.duplicate).lower())
        body: dict[str, Any] = {"accepted": True, "envelope_id": answer.envelope_id}
        if answer.duplicate:
            body["duplicate"] = True
        return 200, body, None, False


def _refusal(handles: AppHandles, answer: Rejected) -> tuple[int, dict[str, Any], float | None]:
    count_rejection(handles.metrics, answer)
    body: dict[str, Any] = {"accepted": False, "reason": answer.reason}
    if answer.details:
        body["details"] = list(answer.details)
    return answer.status, body, answer.retry_after


def _address(scope: HTTPScope, handles: AppHandles) -> str:
    client = scope.get("client")
    forwarded = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"x-forwarded-for"), None)
    return client_address(client[0] if client else None, forwarded, handles.trusted_proxies)


def _announced_length(scope: HTTPScope) -> int | None:
    return next((int(v) for k, v in scope["headers"] if k == b"content-length" and v.isdigit()), None)


async def read_body(scope: HTTPScope, receive: ASGIReceiveCallable) -> bytes:
    """The whole body; BodyTooLarge(close) past the limit.

    A body up to twice the limit is read to its end and dropped, so the client gets its 413 on a connection
    that stays usable; anything larger is answered at once and the connection closed (`close` is then True).
    """
    announced = _announced_length(scope)
    if announced is not None and announced > DRAIN_LIMIT:
        raise BodyTooLarge(True)
    parts: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        if message["type"] != "http.request":
            continue
        size += len(message["body"])
        if size > DRAIN_LIMIT:
            raise BodyTooLarge(True)
        if size <= MAX_BODY_BYTES:
            parts.append(message["body"])
        if not message["more_body"]:
            break
    if size > MAX_BODY_BYTES:
        raise BodyTooLarge(False)
    return b"".join(parts)
