"""Start-up and shutdown of a server on the PostgreSQL store (server/supervisor.py hands over to this).

No data directory, lock file or recovery: the database is the one durable thing, it holds transactions whole,
and several processes share it. Opening the store applies the migrations it lacks (store/postgres/schema.py).
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

import trio

from groove_actors import logs
from groove_actors.errors import ConfigError
from groove_actors.protocol.policy import ScoringPolicy
from groove_actors.server.readiness import Readiness
from groove_actors.server.tuning import tune_process
from groove_actors.store.postgres.reads import CLAIM_LEASE_S, PostgresReads
from groove_actors.store.postgres.schema import SchemaTooNew
from groove_actors.store.postgres.stats import StatsRefresher, read_stats
from groove_actors.store.postgres.store import PostgresStore, StoreUnavailable
from groove_actors.store.postgres.url import StoreUrl

if TYPE_CHECKING:
    from groove_actors.server.supervisor import ServerConfig

READS_AT_ONCE = 4
CREDIT_SWEEP_S = 60.0
PROBE_EVERY_S = 1.0
# For tests only: the lease of a claim to credit a session, in seconds (10 minutes otherwise), so that a
# test sees another process take over the claims of one it killed. The sweep looks twice per lease then.
LEASE_FOR_TESTS = "GROOVE_TEST_CREDIT_LEASE_S"


def credit_lease(environ: dict[str, str] | os._Environ[str] = os.environ) -> tuple[float, float]:
    """(lease, sweep period) of claims to credit: the defaults, or the test's shorter lease."""
    if LEASE_FOR_TESTS not in environ:
        return CLAIM_LEASE_S, CREDIT_SWEEP_S
    lease = float(environ[LEASE_FOR_TESTS])
    return lease, min(CREDIT_SWEEP_S, lease / 2)


async def wake_credits_now_and_then(
    wakeups: trio.MemorySendChannel[None],
    every_s: float = CREDIT_SWEEP_S,
    *,
    task_status: trio.TaskStatus[None] = trio.TASK_STATUS_IGNORED,
) -> None:
    """Wake the credit pipeline every `every_s`, for sessions no process here closed: those whose claim by a
    process that stopped ran out (store/postgres/reads.py, claim_pending). Its own closes wake it at once."""
    task_status.started()
    while True:
        await trio.sleep(every_s)
        with contextlib.suppress(trio.WouldBlock):  # full: a wake-up is pending already
            wakeups.send_nowait(None)


async def watch_database(
    store: PostgresStore,
    readiness: Readiness,
    wakeups: trio.MemorySendChannel[None],
    every_s: float = PROBE_EVERY_S,
    *,
    task_status: trio.TaskStatus[None] = trio.TASK_STATUS_IGNORED,
) -> None:
    """Ask the database every `every_s` whether it answers, so that GET /ready says so even when no write
    finds out; once it is back, wake the credit pipeline for the sessions that waited."""
    task_status.started()
    while True:
        await trio.sleep(every_s)
        down = await trio.to_thread.run_sync(store.ping)
        if down is not None:
            readiness.database_down(down.reason)
        elif not readiness.database:
            readiness.database_up()
            with contextlib.suppress(trio.WouldBlock):
                wakeups.send_nowait(None)


def open_postgres(url: str, quota_bytes: int) -> PostgresStore:
    """The store, or a ConfigError saying what is wrong (never the URL's password)."""
    try:
        parsed = StoreUrl.parse(url)
    except ValueError as exc:
        raise ConfigError(f"--store: {exc}") from None
    try:
        return PostgresStore(parsed, quota_bytes)
    except (StoreUnavailable, SchemaTooNew) as exc:
        raise ConfigError(str(exc)) from None


async def serve_on_postgres(
    config: ServerConfig,
    policy: ScoringPolicy,
    run_actors: Callable[..., Awaitable[None]],
    task_status: trio.TaskStatus[list[str]],
) -> None:
    assert config.store_url is not None
    readiness = Readiness()
    store = await trio.to_thread.run_sync(open_postgres, config.store_url, config.quota_bytes)
    readiness.store_open = readiness.recovered = True
    try:
        book = await trio.to_thread.run_sync(read_stats, store.pool)
        lease_s, sweep_s = credit_lease()
        reads = PostgresReads(Path(), READS_AT_ONCE, pool=store.pool, owner=store.owner, lease_s=lease_s)
        lock = trio.Lock()
        refresher = StatsRefresher(store.pool, book, lock)
        logs.event("server.tuned", **tune_process())
        await run_actors(
            config, store, reads, book, policy, readiness, task_status,
            envelopes_dir=Path(), where=store.url.shown, commit_lock=lock, recount=refresher.refresh,
            background=[
                refresher.run,
                functools.partial(wake_credits_now_and_then, every_s=sweep_s),
                functools.partial(watch_database, store, readiness),
            ],
        )  # fmt: skip
    finally:
        readiness.store_open = False
        await trio.to_thread.run_sync(store.close)
    logs.event("server.stopped", store=store.url.shown)
