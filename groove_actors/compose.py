"""The composition root of `groove-central serve`: the server's actors with the HTTP layer in front of them.

The two layers do not know each other's wiring: server/supervisor.py runs the store and the actors and hands
them to a front end; http/ makes the application of routes over handles. Here the front end is built from
both, with what belongs to the process as a whole: SIGINT and SIGTERM stop it, SIGHUP re-reads what can
change under it (`reload`), and systemd hears READY=1 once it listens and STOPPING=1 when it begins to stop.
"""

from __future__ import annotations

import functools
import logging
import signal
import time
from collections.abc import Callable

import trio
from hypercorn.config import Config as HypercornConfig

from groove_actors import logs
from groove_actors.errors import ConfigError
from groove_actors.http.admin import AdminToken, read_token_file
from groove_actors.http.asgi import create_asgi_app
from groove_actors.http.budget import BodyBudget
from groove_actors.http.handles import AppHandles
from groove_actors.http.serving import serve_http
from groove_actors.server.ratelimit import RateLimiter
from groove_actors.server.readiness import sd_notify
from groove_actors.server.supervisor import ServerActors, ServerConfig, supervise

SHUTDOWN_GRACE_S = 10.0  # requests in flight get this long to finish once the server stops accepting


async def serve(
    config: ServerConfig, *, task_status: trio.TaskStatus[list[str]] = trio.TASK_STATUS_IGNORED
) -> None:
    """Run Central Command until SIGINT or SIGTERM, then stop accepting and drain.

    Reports the bound addresses through `task_status` once the server is listening, and tells systemd it is
    ready then (sd_notify READY=1, when NOTIFY_SOCKET is set): the store is open and recovered, the writer runs.
    """
    await supervise(config, functools.partial(serve_http_front, config), task_status=task_status)


async def serve_http_front(
    config: ServerConfig, actors: ServerActors, *, task_status: trio.TaskStatus[list[str]]
) -> None:
    """Serve the HTTP API over `actors` until a stop signal, then finish the requests in flight and return."""
    admin_token = AdminToken(config.admin_token)
    handles = AppHandles(
        started_at=time.monotonic(),
        directory=actors.directory,
        writer=actors.writer,
        reads=actors.reads,
        stats=actors.stats,
        limiter=RateLimiter(config.rate_per_minute, config.rate_per_hour),
        trusted_proxies=config.trusted_proxies,
        opens_per_hour=config.opens_per_hour,
        metrics=actors.metrics,
        admin_token=admin_token,
        bodies=BodyBudget(config.body_budget_bytes),
        step_types=actors.policy.step_types,
        readiness=actors.readiness,
    )
    stop = trio.Event()
    hyper = hypercorn_config(config.host, config.port)
    async with trio.open_nursery() as nursery:
        nursery.start_soon(_handle_signals, stop, lambda: reload(config, admin_token))
        binds = await nursery.start(
            functools.partial(serve_http, create_asgi_app(handles), hyper, shutdown_trigger=stop.wait)
        )
        logs.event("server.started", binds=binds, data_dir=actors.where)
        task_status.started(binds)
        sd_notify("READY=1")
        await stop.wait()
        sd_notify("STOPPING=1")
        logs.event("server.stopping")
    # Leaving the nursery waited for Hypercorn to finish the requests in flight (within its graceful timeout).


def hypercorn_config(host: str, port: int) -> HypercornConfig:
    """Hypercorn's settings as the server runs with them (deploy/hypercorn.toml records them for operators)."""
    hyper = HypercornConfig()
    hyper.bind = [f"{host}:{port}"]
    hyper.accesslog = None  # the server logs each request itself, as a JSON "request" event
    hyper.errorlog = None
    hyper.graceful_timeout = SHUTDOWN_GRACE_S
    return hyper


async def _handle_signals(stop: trio.Event, on_hangup: Callable[[], None]) -> None:
    """SIGINT and SIGTERM stop the server; SIGHUP calls `on_hangup` and the server goes on."""
    with trio.open_signal_receiver(signal.SIGINT, signal.SIGTERM, signal.SIGHUP) as signals:
        async for signum in signals:
            logs.event("server.signal", signal=signal.Signals(signum).name)
            if signum == signal.SIGHUP:
                on_hangup()
                continue
            stop.set()
            return


def reload(config: ServerConfig, admin_token: AdminToken) -> None:
    """Re-read the admin token file, the one setting that can change under a running server; log one line.

    The others come from the command line and the environment, which a running process cannot read again. A
    file that cannot be read, or holds too short a token, leaves the token in use as it was.
    """
    if config.admin_token_file is None:
        source = "GROOVE_ADMIN_TOKEN" if config.admin_token else "none"
        logs.event("server.reloaded", reloaded=[], admin_token_source=source)
        return
    try:
        token = read_token_file(config.admin_token_file)
    except ConfigError as exc:
        logs.event("server.reload_failed", level=logging.ERROR, error=str(exc), kept="the admin token in use")
        return
    changed = token != admin_token.value
    admin_token.value = token
    logs.event(
        "server.reloaded",
        reloaded=["admin_token_file"],
        admin_token_file=str(config.admin_token_file),
        admin_token="changed" if changed else "unchanged",
    )
