"""Hypercorn as http/serving.py runs it: answers whole on kept-alive connections, and the keep-alive timer.

Each test serves a small ASGI app on loopback with `serve_http` and talks raw HTTP/1.1 to it, so what is
checked is the bytes a client gets and when the server closes the connection.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from typing import Any, cast

import h11
import trio
from hypercorn.config import Config
from hypercorn.typing import ASGIFramework

from groove_actors.http.serving import JOINED_WRITE_MAX, serve_http

LARGE = b"x" * (JOINED_WRITE_MAX + 1)
SLOW_S = 0.6  # how long the slow route takes: longer than the short keep-alive timeout below
BOUND_S = 10.0  # nothing here should take this long


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    while (await receive()).get("more_body"):
        pass
    path = scope["path"]
    if path == "/slow":
        await trio.sleep(SLOW_S)  # the handler's own work, not synchronisation
    if path == "/empty":
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})
        return
    if path == "/stream":
        await send({"type": "http.response.start", "status": 200, "headers": []})
        for piece in (b"one ", b"two ", b"three"):
            await send({"type": "http.response.body", "body": piece, "more_body": True})
        await send({"type": "http.response.body", "body": b""})
        return
    body = LARGE if path == "/large" else b"answer to " + path.encode()
    headers = [(b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


@asynccontextmanager
async def serving(keep_alive_s: float) -> AsyncIterator[tuple[str, int, trio.Event]]:
    """A server on loopback for the test's duration; the whole test must end within BOUND_S."""
    config = Config()
    config.bind = ["127.0.0.1:0"]
    config.accesslog = config.errorlog = None
    config.keep_alive_timeout = keep_alive_s
    config.graceful_timeout = BOUND_S
    stop = trio.Event()
    with trio.fail_after(BOUND_S):
        async with trio.open_nursery() as nursery:
            served = partial(serve_http, cast(ASGIFramework, app), config, shutdown_trigger=stop.wait)
            binds = await nursery.start(lambda task_status: served(task_status=task_status))
            host, port = binds[0].removeprefix("http://").rsplit(":", 1)
            yield host, int(port), stop
            stop.set()


class Client:
    """One kept-alive HTTP/1.1 connection, read with h11."""

    def __init__(self, stream: trio.SocketStream) -> None:
        self.stream = stream
        self.conn = h11.Connection(h11.CLIENT)

    async def get(self, path: str, body: bytes = b"") -> tuple[int, bytes]:
        if self.conn.our_state is h11.DONE:
            self.conn.start_next_cycle()
        headers = [("host", "test"), ("content-length", str(len(body)))]
        await self.stream.send_all(self.conn.send(h11.Request(method="POST", target=path, headers=headers)))
        await self.stream.send_all(self.conn.send(h11.Data(data=body)) + self.conn.send(h11.EndOfMessage()))
        status, received = 0, b""
        while True:
            event = self.conn.next_event()
            if event is h11.NEED_DATA:
                self.conn.receive_data(await self.stream.receive_some())
            elif isinstance(event, h11.Response):
                status = event.status_code
            elif isinstance(event, h11.Data):
                received += event.data
            elif isinstance(event, h11.EndOfMessage):
                return status, received
            else:
                raise AssertionError(f"unexpected {event!r}")

    async def closed_by_server(self) -> bool:
        return await self.stream.receive_some() == b""


async def test_answers_come_whole_on_one_kept_alive_connection() -> None:
    async with serving(keep_alive_s=5) as (host, port, _), await trio.open_tcp_stream(host, port) as stream:
        client = Client(stream)
        assert await client.get("/a") == (200, b"answer to /a")
        assert await client.get("/empty") == (204, b"")
        assert await client.get("/large", b"y" * 100_000) == (200, LARGE)
        assert await client.get("/stream") == (200, b"one two three")
        assert await client.get("/b") == (200, b"answer to /b")


async def test_an_idle_connection_is_closed_after_the_keep_alive_timeout_and_not_before() -> None:
    keep_alive_s = 0.3
    async with serving(keep_alive_s) as (host, port, _), await trio.open_tcp_stream(host, port) as stream:
        client = Client(stream)
        assert await client.get("/a") == (200, b"answer to /a")
        answered = trio.current_time()
        assert await client.closed_by_server()
        assert trio.current_time() - answered >= keep_alive_s * 0.9  # the timer's clock may round down


async def test_a_request_longer_than_the_keep_alive_timeout_is_answered_and_the_connection_kept() -> None:
    keep_alive_s = SLOW_S / 3
    async with serving(keep_alive_s) as (host, port, _), await trio.open_tcp_stream(host, port) as stream:
        client = Client(stream)
        assert await client.get("/a") == (200, b"answer to /a")
        assert await client.get("/slow") == (200, b"answer to /slow")
        assert await client.get("/b") == (200, b"answer to /b")


async def test_at_shutdown_idle_connections_close_at_once_and_busy_ones_once_answered() -> None:
    async with (
        serving(keep_alive_s=3600) as (host, port, stop),
        await trio.open_tcp_stream(host, port) as idle_stream,
        await trio.open_tcp_stream(host, port) as busy_stream,
    ):
        idle, busy = Client(idle_stream), Client(busy_stream)
        assert await idle.get("/a") == (200, b"answer to /a")
        async with trio.open_nursery() as nursery:
            answers: list[tuple[int, bytes]] = []

            async def ask_slowly() -> None:
                answers.append(await busy.get("/slow"))

            nursery.start_soon(ask_slowly)
            await trio.testing.wait_all_tasks_blocked()
            stop.set()
            assert await idle.closed_by_server()
        assert answers == [(200, b"answer to /slow")]
        assert await busy.closed_by_server()
