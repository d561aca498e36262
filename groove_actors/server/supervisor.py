"""The root of the actor tree: the store, and nurseries that own every actor (ARCHITECTURE "Server actors").

Start-up: open the store, recover it, load the stats, then start actors downstream first (writers, credit
pipeline, verifiers' nursery, reaper, notary) and hand them to the front end last: the HTTP server, wired to
them above this package (groove_actors/compose.py), which serves until it is told to stop. Shutdown runs the
other way: the front end stops accepting and finishes its requests in flight, the verifiers and the other
actors are cancelled, then the writers' inboxes are closed, so that they commit what is queued (within
`WRITER_DRAIN_S`) and return, and the store is closed. Nothing is acknowledged before it is durable, so a
stop at any point loses nothing accepted.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

import attrs
import trio

from groove_actors import logs
from groove_actors.errors import ConfigError
from groove_actors.protocol.policy import ScoringPolicy, load_policy
from groove_actors.server.enrich import RuleJudge
from groove_actors.server.metrics import Metrics
from groove_actors.server.notary import LedgerNotary
from groove_actors.server.pipeline import CreditPipeline
from groove_actors.server.ratelimit import OPENS_PER_HOUR, PER_HOUR, PER_MINUTE
from groove_actors.server.readiness import Readiness
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

DEFAULT_QUOTA_BYTES = 50 * 1000**3
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8443
DEFAULT_DATA_DIR = "data"
# Request bodies held in memory at once (http/budget.py): a 32 MiB chunk and its parse, with room for the rest.
DEFAULT_BODY_BUDGET_BYTES = 128 * 1024 * 1024
# At shutdown, the writer commits what is queued within this long (inside the unit's stop timeout), else is
# cancelled: what it had not committed was never acknowledged.
WRITER_DRAIN_S = 5.0


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


@attrs.frozen
class ServerActors:
    """The running actors as a front end sees them: what it may send to and read from."""

    directory: SessionDirectory
    writer: trio.MemorySendChannel[WriteRequest]
    reads: ReadPool
    stats: StatsBook
    metrics: Metrics
    readiness: Readiness
    policy: ScoringPolicy
    where: str  # the data dir or the database, as the logs name it


# Serves in front of the actors until the server should stop, and returns once it has finished what it began.
# It reports where it listens through its task status, as `nursery.start` expects.
FrontEnd = Callable[..., Awaitable[None]]


async def supervise(
    config: ServerConfig,
    front: FrontEnd,
    *,
    task_status: trio.TaskStatus[list[str]] = trio.TASK_STATUS_IGNORED,
) -> None:
    """Open the store the configuration names, run the actors on it with `front` before them, then close it.

    `front(actors, task_status=...)` serves until the server should stop; what it reports through its task
    status (the bound addresses) is reported through ours. Returns once everything has stopped.
    """
    policy = load_policy(config.policy_path)
    run = functools.partial(run_actors, front=front)
    if config.store_url is not None:
        from groove_actors.store.postgres.serving import serve_on_postgres

        await serve_on_postgres(config, policy, run, task_status)
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
                await run(
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


async def run_actors(
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
    front: FrontEnd,
    commit_lock: trio.Lock | None = None,
    recount: Callable[[], Awaitable[None]] | None = None,
    background: Sequence[Callable[..., Awaitable[None]]] = (),
) -> None:
    """Run the actors on an open store, `front` before them, until `front` returns; then stop them in order.

    `background`: more actors for the store, each started (before the front end) with the credit pipeline's
    wake-up channel; `commit_lock`: the writer's. `recount`, from a store that takes commits at once
    (PostgreSQL's), gives credits a writer of their own, so that no acknowledgement waits on a credit (which
    may wait on a lock on `credits`); it reads the stats again after each credit, since that writer does not
    hold `commit_lock` while it commits. The embedded store commits one batch at a time, and a credit there
    waits on nothing ingest does not: one writer takes both.
    """
    writer_send, writer_receive = trio.open_memory_channel[WriteRequest](WRITER_QUEUE)
    wake_send, wake_receive = trio.open_memory_channel[None](1)
    async with trio.open_nursery() as storage:
        metrics = Metrics()
        writer = StorageWriter(store, writer_receive, book, metrics, readiness=readiness)
        writer.commit_lock = commit_lock or writer.commit_lock
        await storage.start(writer.run)
        if recount is None:
            credits_send = writer_send.clone()
        else:
            credits_send, credits_receive = trio.open_memory_channel[WriteRequest](WRITER_QUEUE)
            credits_writer = StorageWriter(
                store, credits_receive, book, metrics, readiness=None, commit_lock=writer.commit_lock,
                recount=recount,
            )  # fmt: skip
            await storage.start(credits_writer.run)
        # Everything that sends to the writers stops inside this block; closing their inboxes then tells them
        # that nothing more is coming, so they commit what is queued and return.
        async with writer_send, credits_send, wake_send, trio.open_nursery() as actors:
            pipeline = CreditPipeline(
                wake_receive, credits_send, reads, envelopes_dir, policy, RuleJudge(), metrics=metrics
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
                running = ServerActors(directory, writer_send, reads, book, metrics, readiness, policy, where)
                async with trio.open_nursery() as front_end:
                    task_status.started(await front_end.start(front, running))
                verifiers.cancel_scope.cancel()
            actors.cancel_scope.cancel()
        storage.cancel_scope.deadline = trio.current_time() + WRITER_DRAIN_S
