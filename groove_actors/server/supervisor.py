"""The root of the actor tree: nurseries own the HTTP server and every actor (ARCHITECTURE "Server actors").

Start-up: open the store, recover it, load the stats, then start actors downstream first (writer, credit
pipeline, verifiers' nursery, reaper) and the HTTP server last. Shutdown on SIGINT/SIGTERM runs the other way:
stop accepting and finish in-flight requests, stop the actors, let the writer finish the commit it is in, and
close the store. Nothing is acknowledged before it is durable, so a stop at any point loses nothing accepted.
SIGHUP stops nothing: it re-reads what can change under a running server (`reload`).
"""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

import attrs
import trio
from hypercorn.config import Config as HypercornConfig

from groove_actors import logs
from groove_actors.errors import ConfigError
from groove_actors.http.admin import AdminToken, read_token_file
from groove_actors.http.asgi import create_asgi_app
from groove_actors.http.budget import DEFAULT_BODY_BUDGET_BYTES, BodyBudget
from groove_actors.http.handles import AppHandles
from groove_actors.http.serving import serve_http
from groove_actors.protocol.policy import ScoringPolicy, load_policy
from groove_actors.server.enrich import RuleJudge
from groove_actors.server.metrics import Metrics
from groove_actors.server.notary import LedgerNotary
from groove_actors.server.pipeline import CreditPipeline
from groove_actors.server.ratelimit import OPENS_PER_HOUR, PER_HOUR, PER_MINUTE, RateLimiter
from groove_actors.server.readiness import Readiness, sd_notify
from groove_actors.server.reads import ReadPool
from groove_actors.server.reaper import CLOSE_GRACE_S, FEEDBACK_WINDOW_S, IDLE_TIMEOUT_S, Reaper
from groove_actors.server.sessions import (
    DEFAULT_MAX_SESSION_BYTES,
    IDLE_STOP_S,
    SessionDirectory,
    VerifierDeps,
)
from groove_actors.server.stats import StatsBook
from groove_actors.server.tuning import tune_process
from groove_actors.server.writer import WRITER_QUEUE, StorageWriter, WriteRequest
from groove_actors.store.contract import Store
from groove_actors.store.embedded import CATALOG_FILE, EmbeddedStore
from groove_actors.store.lock import hold_data_dir
from groove_actors.store.recovery import recover
from groove_actors.store.segments import DEFAULT_MAX_SEGMENT_BYTES

SHUTDOWN_GRACE_S = 10.0
DEFAULT_QUOTA_BYTES = 50 * 1000**3
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8443
DEFAULT_DATA_DIR = "data"


@attrs.frozen
class ServerConfig:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    data_dir: Path = Path(DEFAULT_DATA_DIR)
    quota_bytes: int = DEFAULT_QUOTA_BYTES
    max_segment_bytes: int = DEFAULT_MAX_SEGMENT_BYTES
    close_grace_s: float = CLOSE_GRACE_S
    idle_timeout_s: float = IDLE_TIMEOUT_S
    feedback_window_s: float = FEEDBACK_WINDOW_S
    verifier_idle_s: float = IDLE_STOP_S
    max_session_bytes: int = DEFAULT_MAX_SESSION_BYTES
    body_budget_bytes: int = DEFAULT_BODY_BUDGET_BYTES
    rate_per_minute: int = PER_MINUTE
    rate_per_hour: int = PER_HOUR
    opens_per_hour: int = OPENS_PER_HOUR
    trusted_proxies: frozenset[str] = frozenset()
    policy_path: Path | None = None
    admin_token: str | None = None
    store_url: str | None = None  # postgresql://...: the PostgreSQL store (store/postgres/), not the data dir
    admin_token_file: Path | None = None  # where admin_token was read from; read again on SIGHUP


def prepare_data_dir(path: Path) -> Path:
    """Create the data directory owner-only (0700), as the store's files are (0600)."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path.resolve()


async def serve(
    config: ServerConfig, *, task_status: trio.TaskStatus[list[str]] = trio.TASK_STATUS_IGNORED
) -> None:
    """Run Central Command until SIGINT or SIGTERM, then stop accepting and drain.

    Reports the bound addresses through `task_status` once the server is listening, and tells systemd it is
    ready then (sd_notify READY=1, when NOTIFY_SOCKET is set): the store is open and recovered, the writer runs.
    """
    policy = load_policy(config.policy_path)
    if config.store_url is not None:
        from groove_actors.store.postgres.serving import serve_on_postgres

        await serve_on_postgres(config, policy, _run_actors, task_status)
        return
    data_dir = prepare_data_dir(config.data_dir)
    os.umask(0o077)
    readiness = Readiness()
    with hold_data_dir(data_dir):
        store = open_store(data_dir, config)
        readiness.store_open = True
        try:
            report = await trio.to_thread.run_sync(
                lambda: recover(store, now=time.time(), data_dir_hint=str(config.data_dir))
            )
            readiness.recovered = True
            book = await trio.to_thread.run_sync(StatsBook.load, store.conn)
            reads = ReadPool(store.catalog_path)
            logs.event("server.tuned", **tune_process())
            try:
                await _run_actors(
                    config, store, reads, book, policy, readiness, task_status,
                    envelopes_dir=store.envelopes.directory, where=str(store.data_dir),
                )  # fmt: skip
            finally:
                reads.close()
        finally:
            readiness.store_open = False
            store.close()
    logs.event("server.stopped", recovered=report.fields())


def open_store(data_dir: Path, config: ServerConfig) -> EmbeddedStore:
    """The store, or a ConfigError saying what to do when its catalog is not a readable database."""
    try:
        return EmbeddedStore(data_dir, config.quota_bytes, config.max_segment_bytes)
    except sqlite3.DatabaseError as exc:
        raise ConfigError(
            f"the catalog {data_dir / CATALOG_FILE} cannot be read ({exc}); check the data dir with"
            f" `groove-central check --data-dir {config.data_dir}`, and rebuild the catalog from the logs with"
            f" `groove-central rebuild --data-dir {config.data_dir}`"
        ) from exc


async def _run_actors(
    config: ServerConfig,
    store: Store,
    reads: ReadPool,
    book: StatsBook,
    policy: ScoringPolicy,
    readiness: Readiness,
    task_status: trio.TaskStatus[list[str]],
    *,
    envelopes_dir: Path,
    where: str,
    commit_lock: trio.Lock | None = None,
    background: Sequence[Callable[..., Awaitable[None]]] = (),
) -> None:
    """`background`: more actors for the store, each started (before HTTP) with the credit pipeline's wake-up
    channel; `commit_lock`: the writer's."""
    writer_send, writer_receive = trio.open_memory_channel[WriteRequest](WRITER_QUEUE)
    wake_send, wake_receive = trio.open_memory_channel[None](1)
    stop = trio.Event()
    admin_token = AdminToken(config.admin_token)
    async with trio.open_nursery() as storage:
        metrics = Metrics()
        writer = StorageWriter(store, writer_receive, book, metrics, readiness=readiness)
        writer.commit_lock = commit_lock or writer.commit_lock
        await storage.start(writer.run)
        async with trio.open_nursery() as actors:
            pipeline = CreditPipeline(
                wake_receive,
                writer_send,
                reads,
                envelopes_dir,
                policy,
                RuleJudge(),
                metrics=metrics,
            )
            await actors.start(pipeline.run)
            async with trio.open_nursery() as verifiers:
                deps = VerifierDeps(
                    writer_send,
                    reads,
                    wake_send,
                    idle_stop_s=config.verifier_idle_s,
                    max_session_bytes=config.max_session_bytes,
                )
                directory = SessionDirectory(verifiers, deps)
                reaper = Reaper(
                    directory,
                    reads,
                    writer_send,
                    config.close_grace_s,
                    config.idle_timeout_s,
                    config.feedback_window_s,
                )
                await actors.start(reaper.run)
                await actors.start(LedgerNotary(reads, writer_send).run)
                for actor in background:
                    await actors.start(actor, wake_send)
                handles = AppHandles(
                    started_at=time.monotonic(),
                    directory=directory,
                    writer=writer_send,
                    reads=reads,
                    stats=book,
                    limiter=RateLimiter(config.rate_per_minute, config.rate_per_hour),
                    trusted_proxies=config.trusted_proxies,
                    opens_per_hour=config.opens_per_hour,
                    metrics=metrics,
                    admin_token=admin_token,
                    bodies=BodyBudget(config.body_budget_bytes),
                    step_types=policy.step_types,
                    readiness=readiness,
                )
                actors.start_soon(_handle_signals, stop, lambda: reload(config, admin_token))
                http_done = trio.Event()
                binds = await actors.start(_serve_http, handles, config, stop, http_done)
                logs.event("server.started", binds=binds, data_dir=where)
                task_status.started(binds)
                sd_notify("READY=1")
                await stop.wait()
                sd_notify("STOPPING=1")
                logs.event("server.stopping")
                await (
                    http_done.wait()
                )  # hypercorn finishes in-flight requests (bounded by its graceful timeout)
                verifiers.cancel_scope.cancel()
            actors.cancel_scope.cancel()
        storage.cancel_scope.cancel()


def hypercorn_config(host: str, port: int) -> HypercornConfig:
    """Hypercorn's settings as the server runs with them (deploy/hypercorn.toml records them for operators)."""
    hyper = HypercornConfig()
    hyper.bind = [f"{host}:{port}"]
    hyper.accesslog = None  # the server logs each request itself, as a JSON "request" event
    hyper.errorlog = None
    hyper.graceful_timeout = SHUTDOWN_GRACE_S
    return hyper


async def _serve_http(
    handles: AppHandles,
    config: ServerConfig,
    stop: trio.Event,
    done: trio.Event,
    *,
    task_status: trio.TaskStatus[list[str]],
) -> None:
    hyper = hypercorn_config(config.host, config.port)
    try:
        await serve_http(create_asgi_app(handles), hyper, shutdown_trigger=stop.wait, task_status=task_status)
    finally:
        done.set()


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
