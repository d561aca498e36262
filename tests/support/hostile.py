"""Small servers that answer the capture client the way broken or foreign servers do, on loopback.

Each runs in the test's own Trio run (Hypercorn with a tiny ASGI app) and counts what it was sent.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from functools import partial
from typing import Any

import attrs
import orjson
import trio
from hypercorn.config import Config
from hypercorn.trio import serve

Answer = tuple[int, list[tuple[bytes, bytes]], bytes]


@attrs.define(eq=False)
class Hostile:
    url: str = ""
    requests: list[str] = attrs.Factory(list)  # paths, in order
    first_request: trio.Event = attrs.Factory(trio.Event)


def garbage_200(path: str, count: int) -> Answer | None:
    return 200, [(b"content-type", b"text/html")], b"<html><body>It works!</body></html>"


def bad_key(path: str, count: int) -> Answer | None:
    if path == "/v1/sessions/open":
        return 200, [(b"content-type", b"application/json")], orjson.dumps({"server_public_key": "AAAA"})
    return 404, [], b""


def errors_500(path: str, count: int) -> Answer | None:
    return 500, [(b"content-type", b"application/json")], b'{"error":"boom"}'


def hang(path: str, count: int) -> Answer | None:
    return None  # never answers


def retry_after_0(path: str, count: int) -> Answer | None:
    return 503, [(b"retry-after", b"0"), (b"content-type", b"application/json")], b'{"reason":"busy"}'


Behaviour = Callable[[str, int], Answer | None]


@asynccontextmanager
async def open_hostile_server(behaviour: Behaviour) -> AsyncIterator[Hostile]:
    state = Hostile()

    async def app(scope: Any, receive: Callable[[], Awaitable[Any]], send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                kind = (await receive())["type"]
                await send({"type": kind + ".complete"})
                if kind == "lifespan.shutdown":
                    return
        if scope["type"] != "http":
            return
        while (await receive()).get("more_body"):
            pass
        state.requests.append(scope["path"])
        state.first_request.set()
        answer = behaviour(scope["path"], len(state.requests))
        if answer is None:
            await trio.sleep_forever()
            return
        status, headers, body = answer
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    config = Config()
    config.bind = ["127.0.0.1:0"]
    config.accesslog = config.errorlog = None
    config.graceful_timeout = 0.1
    stop = trio.Event()
    async with trio.open_nursery() as nursery:
        binds = await nursery.start(partial(serve, app, config, shutdown_trigger=stop.wait))
        state.url = binds[0]
        try:
            yield state
        finally:
            stop.set()
