"""Hypercorn's trio worker, with every connection in a guard of its own.

Hypercorn runs each connection as a task of one shared nursery, so an exception that escapes a connection (a
protocol bug such as HTTP/2's `KeyError` when an answer goes out before the request body was read) cancels
every other connection and ends the server. Here each connection runs in `_guarded`: what escapes it is
logged as `connection.failed` with its traceback, that connection is closed, and the server serves on.
Everything else is Hypercorn's own machinery, started the way `hypercorn.trio.serve` starts it: the
lifespan, the listeners, and a graceful shutdown that gives requests in flight `graceful_timeout` seconds.

Three of Hypercorn's per-request costs are cut in `_Connection` (bench/RESULTS.md, "Per-request overhead"):
its keep-alive timer started a new task and cancelled the old one on every request, an answer went out as
two socket writes (head, then body) where one does, and a large body was read 64 KiB at a time.
"""

from __future__ import annotations

import contextlib
import math
import traceback
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, cast

import trio
from hypercorn.config import Config
from hypercorn.events import Closed, Event, RawData
from hypercorn.trio.lifespan import Lifespan
from hypercorn.trio.tcp_server import TCPServer
from hypercorn.trio.worker_context import WorkerContext
from hypercorn.typing import AppWrapper, ASGIFramework, ConnectionState, LifespanState, TaskGroup
from hypercorn.typing import Event as Flag
from hypercorn.utils import ShutdownError, raise_shutdown, repr_socket_addr, wrap_app

from groove_actors import logs


async def serve_http(
    app: ASGIFramework,
    config: Config,
    *,
    shutdown_trigger: Callable[[], Awaitable[None]],
    task_status: trio.TaskStatus[list[str]] = trio.TASK_STATUS_IGNORED,
) -> None:
    """Serve `app` on `config.bind` until `shutdown_trigger` returns, then drain.

    Reports the bound URLs through `task_status`. Raises OSError when a bind fails; a failure inside one
    connection never propagates.
    """
    wrapped = wrap_app(app, config.wsgi_max_body_size, "asgi")
    state: LifespanState = {}
    lifespan = Lifespan(wrapped, config, state)
    context = WorkerContext(None)
    async with trio.open_nursery() as lifespan_nursery:
        await lifespan_nursery.start(lifespan.handle_lifespan)
        await lifespan.wait_for_startup()
        async with trio.open_nursery() as connections:
            sockets = config.create_sockets()
            listeners = []
            for sock in sockets.insecure_sockets:
                sock.listen(config.backlog)
                listeners.append(trio.SocketListener(trio.socket.from_stdlib_socket(sock)))
            binds = [
                f"http://{repr_socket_addr(s.family, s.getsockname())}" for s in sockets.insecure_sockets
            ]
            task_status.started(binds)

            async def handle(stream: trio.SocketStream) -> None:
                # TCPServer is typed for TLS streams but runs plain ones too (it is what hypercorn gives them).
                plain = cast(Any, stream)
                await _guarded(_Connection(wrapped, config, context, ConnectionState(state.copy()), plain))

            try:
                async with trio.open_nursery() as serving:
                    serving.start_soon(raise_shutdown, shutdown_trigger)
                    serving.start_soon(raise_shutdown, context.terminate.wait)
                    serving.start_soon(
                        partial(trio.serve_listeners, handle, listeners, handler_nursery=connections)
                    )
            except BaseExceptionGroup as error:
                _, others = error.split(ShutdownError)
                if others is not None:
                    raise others from None
            finally:
                await context.terminated.set()
                connections.cancel_scope.deadline = trio.current_time() + config.graceful_timeout
        await lifespan.wait_for_shutdown()
        lifespan_nursery.cancel_scope.cancel()


async def _guarded(connection: TCPServer) -> None:
    """Run one connection; what escapes it is logged and ends that connection only."""
    try:
        await connection.run()
    except Exception as exc:  # the one place a connection's failure stops (STYLE R10)
        logs.event(
            "connection.failed",
            level=40,
            error=f"{type(exc).__name__}: {exc}",
            traceback="".join(traceback.format_exception(exc)),
        )
        with contextlib.suppress(Exception):
            await trio.aclose_forcefully(connection.stream)


# Bytes asked of the socket per read: Hypercorn asks 64 KiB, so a 366 KB chunk took six reads, each its own h11
# event, ASGI message and wake-up of the route (bench/RESULTS.md, "HTTP body read").
READ_BYTES = 256 * 1024
# An answer's head is held for the body that follows it when the two together are at most this long; a larger
# body goes out in a write of its own rather than being copied behind its head.
JOINED_WRITE_MAX = 64 * 1024
FINAL_HEAD = b"HTTP/1.1 "
INFORMATIONAL_HEAD = b"HTTP/1.1 1"


class _Connection(TCPServer):
    """Hypercorn's HTTP/1.1 connection, with a keep-alive timer that costs nothing per request and the head
    of each answer written together with its body."""

    def __init__(
        self,
        app: AppWrapper,
        config: Config,
        context: WorkerContext,
        state: LifespanState,
        stream: Any,
    ) -> None:
        super().__init__(app, config, context, state, stream)
        # Hypercorn calls the idle task through its SingleTask protocol: restart when idle, stop when busy.
        self.idle_task = cast(
            Any, KeepAlive(config.keep_alive_timeout, context.terminated, self._initiate_server_close)
        )
        self._head = b""

    async def _read_data(self) -> None:
        """Hypercorn's read loop, with larger reads and no timeout scope per read when there is no timeout."""
        timeout = self.config.read_timeout
        while True:
            try:
                if not timeout:  # None or 0: no read timeout, as Hypercorn reads it
                    data = await self.stream.receive_some(READ_BYTES)
                else:
                    with trio.fail_after(timeout):
                        data = await self.stream.receive_some(READ_BYTES)
            except (trio.ClosedResourceError, trio.BrokenResourceError, trio.TooSlowError):
                break
            await self.protocol.handle(RawData(data=bytes(data)))
            if not data:
                break
        await self.protocol.handle(Closed())

    async def protocol_send(self, event: Event) -> None:
        """Hold a final answer's head until its body, then write both at once.

        Every final head is followed by more data for the same answer (its body, or the empty end of a
        message, which h11 always produces), or by the connection's idle or closed event: each of these
        writes what is held first, so nothing stays held. An empty write is skipped.
        """
        if not isinstance(event, RawData):
            await self._write_held()
            await super().protocol_send(event)
            return
        data = event.data
        if self._head:
            if len(self._head) + len(data) <= JOINED_WRITE_MAX:
                data, self._head = self._head + data, b""
            else:
                await self._write_held()
        elif data.startswith(FINAL_HEAD) and not data.startswith(INFORMATIONAL_HEAD):
            self._head = data
            return
        if data:
            await super().protocol_send(RawData(data=data))

    async def _write_held(self) -> None:
        if self._head:
            head, self._head = self._head, b""
            await super().protocol_send(RawData(data=head))


class KeepAlive:
    """The keep-alive timer of one connection: one task whose deadline moves, instead of a task per request.

    Hypercorn calls `restart` when a connection falls idle and `stop` when a request arrives on it. An idle
    connection is closed (with `close`) after `timeout` seconds, or at once when the server is shutting down
    (`terminated`); a busy one never, and once the server is shutting down it is closed as soon as it is idle.
    """

    def __init__(self, timeout: float, terminated: Flag, close: Callable[[], Awaitable[None]]) -> None:
        self._timeout = timeout
        self._terminated = terminated
        self._close = close
        self._idle = False
        self._deadline = math.inf
        self._scope: trio.CancelScope | None = None
        self._watching = False

    async def restart(self, task_group: TaskGroup, action: Callable[[], Awaitable[None]]) -> None:
        """The connection is idle (`action`, Hypercorn's own timer, is not needed)."""
        self._idle = True
        self._move(-math.inf if self._terminated.is_set() else trio.current_time() + self._timeout)
        if not self._watching:
            self._watching = True
            task_group.spawn(self._watch)

    async def stop(self) -> None:
        """A request arrived: no timeout until the connection is idle again."""
        self._idle = False
        self._move(math.inf)

    def _move(self, deadline: float) -> None:
        self._deadline = deadline
        if self._scope is not None:
            self._scope.deadline = deadline

    async def _watch(self) -> None:
        try:
            while True:
                with trio.CancelScope(deadline=self._deadline) as self._scope:
                    await self._terminated.wait()
                    if not self._idle:
                        return  # shutting down while busy: Hypercorn closes the connection once answered
                    break
                if self._idle and trio.current_time() >= self._deadline:
                    break
        finally:
            self._scope = None
            self._watching = False
        with trio.CancelScope(shield=True):
            await self._close()
