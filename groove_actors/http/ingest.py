"""POST /v1/training/ingest, the one route on the hot path, as a plain function behind the edge.

Quart's request and response objects cost about 0.6 ms of CPU per request (STACK-FACTS.md), a fifth of a
small envelope's budget, so this route reads the body from ASGI messages and returns an `Answer`; the edge
(http/edge.py) adds what every route shares: CORS, rate limits, the request log and isolation.
"""

from __future__ import annotations

import time
from typing import Any

import attrs
import trio
from hypercorn.typing import ASGIReceiveCallable, HTTPScope
from prometheus_client import Counter, Histogram

from groove_actors.http.budget import PARSE_CHARGED_FROM_BYTES, Holding, parsed_size
from groove_actors.http.edge import Answer, count_rejection, refusal
from groove_actors.http.handles import OVERLOADED, AppHandles
from groove_actors.protocol.envelope import Rejected, read_envelope
from groove_actors.protocol.limits import MAX_BODY_BYTES
from groove_actors.server.channels import ask
from groove_actors.server.sessions import Ingest
from groove_actors.server.verdicts import Accepted

PATH = "/v1/training/ingest"
DRAIN_LIMIT = 2 * MAX_BODY_BYTES
ANSWER_DEADLINE_S = 30.0
BUSY = Rejected(
    503,
    "the server is holding as many request bodies as it can; retry after the indicated delay",
    retry_after=1.0,
)
BODY_WAIT_S = 2.0  # how long a request waits for room in the body budget before it is answered 503
# A body must arrive within 30 s plus a second per 32 KiB (a 4 MiB chunk over a 256 kbit/s uplink, 17 min for
# a 32 MiB one), so that a slow sender cannot hold its share of the budget for long.
BODY_READ_BASE_S = 30.0
BODY_READ_MIN_RATE = 32 * 1024
TOO_LARGE = Rejected(413, f"request body larger than the {MAX_BODY_BYTES // (1024 * 1024)} MiB limit")
NOT_POST = (b"allow", b"POST, OPTIONS")


class BodyRefused(Exception):
    """Reading stopped: the body is too large, too slow, or there is no room for it."""

    def __init__(self, rejected: Rejected, *, close: bool) -> None:
        super().__init__(rejected.reason)
        self.rejected = rejected
        self.close = close


@attrs.define(eq=False)
class IngestRoute:
    handles: AppHandles
    # Bound once, so that counting an answer is an increment (README "Admin: metrics, dashboard, live view").
    _stored: Counter = attrs.field(init=False)
    _duplicates: Counter = attrs.field(init=False)
    _ack_seconds: Histogram = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        metrics = self.handles.metrics
        self._stored = metrics.counter("groove_envelopes_accepted_total", duplicate="false")
        self._duplicates = metrics.counter("groove_envelopes_accepted_total", duplicate="true")
        self._ack_seconds = metrics.histogram("groove_ack_seconds")

    async def __call__(self, scope: HTTPScope, receive: ASGIReceiveCallable) -> Answer:
        if scope["method"] != "POST":
            reason = f"{scope['method']} is not allowed on {PATH}"
            return Answer(405, {"accepted": False, "reason": reason}, headers=(NOT_POST,))
        started = time.perf_counter()
        async with self.handles.bodies.hold() as holding:
            try:
                raw = await self.read(scope, receive, holding)
            except BodyRefused as refused:
                return self.refuse(refused.rejected, close=refused.close)
            answer = await self.judge(raw)
        self._ack_seconds.observe(time.perf_counter() - started)
        if isinstance(answer, Rejected):
            return self.refuse(answer)
        (self._duplicates if answer.duplicate else self._stored).inc()
        body: dict[str, Any] = {"accepted": True, "envelope_id": answer.envelope_id}
        if answer.duplicate:
            body["duplicate"] = True
        return Answer(200, body)

    def refuse(self, rejected: Rejected, *, close: bool = False) -> Answer:
        count_rejection(self.handles.metrics, rejected)
        return refusal(rejected, close=close)

    async def read(self, scope: HTTPScope, receive: ASGIReceiveCallable, holding: Holding) -> bytes:
        """The body, held in the budget as it arrives; raises BodyRefused."""
        announced = announced_length(scope)
        deadline_s = BODY_READ_BASE_S + min(announced or MAX_BODY_BYTES, MAX_BODY_BYTES) / BODY_READ_MIN_RATE
        raw = None
        with trio.move_on_after(deadline_s):
            raw = await read_body(scope, receive, holding)
        if raw is None:
            slow = Rejected(408, f"the request body did not arrive within {deadline_s:.0f} s; send it again")
            raise BodyRefused(slow, close=True)
        if len(raw) > PARSE_CHARGED_FROM_BYTES:
            await self.charge_parse(raw, holding)
        return raw

    async def charge_parse(self, raw: bytes, holding: Holding) -> None:
        """Hold what parsing a large body takes, before it is parsed; raises BodyRefused."""
        parsed = parsed_size(raw)
        total = self.handles.bodies.total_bytes
        if len(raw) + parsed > total:
            reason = (
                f"the body holds too many JSON values: parsing it would take about {parsed >> 20} MiB of"
                f" memory, more than the {total >> 20} MiB this server gives request bodies at once"
            )
            raise BodyRefused(Rejected(413, reason), close=False)
        if not await holding.take(parsed, wait_s=BODY_WAIT_S):
            raise BodyRefused(BUSY, close=False)

    async def judge(self, raw: bytes) -> Accepted | Rejected:
        envelope = read_envelope(raw, now=self.handles.wall_clock(), step_types=self.handles.step_types)
        if isinstance(envelope, Rejected):
            return envelope
        return await ask(
            lambda reply_to: self.handles.directory.deliver(envelope.session_id, Ingest(envelope, reply_to)),
            otherwise=OVERLOADED,
            within_s=ANSWER_DEADLINE_S,
        )


def announced_length(scope: HTTPScope) -> int | None:
    return next((int(v) for k, v in scope["headers"] if k == b"content-length" and v.isdigit()), None)


async def read_body(scope: HTTPScope, receive: ASGIReceiveCallable, holding: Holding) -> bytes:
    """The whole body, each piece held in the budget before it is kept; raises BodyRefused.

    A body up to twice the limit is read to its end and dropped (held only piece by piece), so the client
    gets its 413 on a connection that stays usable; anything larger is answered at once and the connection
    closed.
    """
    announced = announced_length(scope)
    if announced is not None and announced > DRAIN_LIMIT:
        raise BodyRefused(TOO_LARGE, close=True)
    parts: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        if message["type"] != "http.request":
            continue
        piece = message["body"]
        size += len(piece)
        if size > DRAIN_LIMIT:
            raise BodyRefused(TOO_LARGE, close=True)
        if size <= MAX_BODY_BYTES:
            if not await holding.take(len(piece), wait_s=BODY_WAIT_S):
                raise BodyRefused(BUSY, close=True)  # the rest of the body is still on the wire
            parts.append(piece)
        if not message["more_body"]:
            break
    if size > MAX_BODY_BYTES:
        raise BodyRefused(TOO_LARGE, close=False)
    return b"".join(parts)
