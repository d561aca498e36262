"""The root of the actor tree: one nursery owns the HTTP server and every actor."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import attrs
import trio
from hypercorn.config import Config as HypercornConfig
from hypercorn.trio import serve as hypercorn_serve

from groove_actors import logs
from groove_actors.http.app import AppHandles, create_app

SHUTDOWN_GRACE_S = 10.0


@attrs.frozen
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = 8443
    data_dir: Path = Path("data")


def prepare_data_dir(path: Path) -> Path:
    """Create the data directory owner-only (0700), as the store's files are (0600)."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path.resolve()


async def serve(
    config: ServerConfig, *, task_status: trio.TaskStatus[list[str]] = trio.TASK_STATUS_IGNORED
) -> None:
    """Run Central Command until SIGINT or SIGTERM, then stop accepting and drain.

    Reports the bound addresses through `task_status` once the server is listening.
    """
    data_dir = prepare_data_dir(config.data_dir)
    app = create_app(AppHandles(started_at=time.monotonic()))
    hyper = HypercornConfig()
    hyper.bind = [f"{config.host}:{config.port}"]
    hyper.accesslog = None
    hyper.errorlog = None
    hyper.graceful_timeout = SHUTDOWN_GRACE_S
    stop = trio.Event()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(_stop_on_signal, stop)
        binds = await nursery.start(_serve_http, app, hyper, stop)
        logs.event("server.started", binds=binds, data_dir=str(data_dir))
        task_status.started(binds)
        await stop.wait()
        logs.event("server.stopping")
    logs.event("server.stopped")


async def _serve_http(
    app: object, hyper: HypercornConfig, stop: trio.Event, *, task_status: trio.TaskStatus[list[str]]
) -> None:
    await hypercorn_serve(app, hyper, shutdown_trigger=stop.wait, task_status=task_status)  # type: ignore[arg-type]


async def _stop_on_signal(stop: trio.Event) -> None:
    with trio.open_signal_receiver(signal.SIGINT, signal.SIGTERM) as signals:
        async for signum in signals:
            logs.event("server.signal", signal=signal.Signals(signum).name)
            stop.set()
            return
