"""Hypercorn's trio worker, with every connection in a guard of its own.

Hypercorn runs each connection as a task of one shared nursery, so an exception that escapes a connection (a
protocol bug such as HTTP/2's `KeyError` when an answer goes out before the request body was read) cancels
every other connection and ends the server. Here each connection runs in `_guarded`: what escapes it is
logged as `connection.failed` with its traceback, that connection is closed, and the server serves on.
Everything else is Hypercorn's own machinery, started the way `hypercorn.trio.serve` starts it: the
lifespan, the listeners, and a graceful shutdown that gives requests in flight `graceful_timeout` seconds.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any, cast

import trio
from hypercorn.config import Config
from hypercorn.trio.lifespan import Lifespan
from hypercorn.trio.tcp_server import TCPServer
from hypercorn.trio.worker_context import WorkerContext
from hypercorn.typing import ASGIFramework, ConnectionState, LifespanState
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
                await _guarded(TCPServer(wrapped, config, context, ConnectionState(state.copy()), plain))

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
