"""Stats on the PostgreSQL store: the StatsBook read from the counter rows every process updates.

Each process answers stats requests from its StatsBook in memory (server/stats.py), which its writer keeps
up to date with its own commits. Other processes commit too, so the book is read again from the database
every `refresh_s`: a fixed handful of counters (totals, breakdown) and one per day, each the sum of at most
COUNTER_SLOTS rows (store/postgres/schema.py), never envelopes, so every process's answers agree within that
period whatever the corpus size.
"""

from __future__ import annotations

import time

import attrs
import psycopg
import trio
from psycopg.rows import TupleRow
from psycopg_pool import ConnectionPool

from groove_actors import logs
from groove_actors.server.stats import DayTally, StatsBook, Tally
from groove_actors.store.postgres.store import unavailable

Conn = psycopg.Connection[TupleRow]
REFRESH_S = 1.0
# The counters as committed: each key's slots summed (schema version 2).
TOTALS = "SELECT name, SUM(value) FROM totals GROUP BY name"
DAILY = (
    "SELECT day, SUM(envelopes)::bigint, SUM(steps)::bigint, SUM(sessions)::bigint, SUM(points) FROM daily"
    " GROUP BY day"
)
BREAKDOWN = (
    "SELECT kind, name, SUM(sessions)::bigint, SUM(steps)::bigint, SUM(points) FROM breakdown"
    " GROUP BY kind, name"
)


def load_stats(conn: Conn) -> StatsBook:
    """The aggregates as committed, by every process."""
    totals = {str(name): float(value) for name, value in conn.execute(TOTALS)}
    book = StatsBook(
        envelopes=int(totals.get("envelopes", 0)),
        steps=int(totals.get("steps", 0)),
        sessions=int(totals.get("sessions", 0)),
        stored_bytes=int(totals.get("bytes", 0)),
        points=totals.get("points", 0.0),
        credits=int(totals.get("credits", 0)),
        contributors=int(totals.get("contributors", 0)),
        active_sessions=int(totals.get("active_sessions", 0)),
    )
    for day, envelopes, steps, sessions, points in conn.execute(DAILY):
        book.daily[str(day)] = DayTally(int(envelopes), int(steps), int(sessions), float(points))
    for kind, name, sessions, steps, points in conn.execute(BREAKDOWN):
        table = book.models if kind == "model" else book.providers
        table[str(name)] = Tally(int(sessions), int(steps), float(points))
    return book


def read_stats(pool: ConnectionPool[Conn]) -> StatsBook:
    with pool.connection() as conn:
        return load_stats(conn)


def copy_into(book: StatsBook, fresh: StatsBook) -> None:
    """Make `book` (the object every route holds) say what `fresh` says."""
    for field in attrs.fields(StatsBook):
        setattr(book, field.name, getattr(fresh, field.name))


@attrs.define(eq=False)
class StatsRefresher:
    """Owns: the schedule of re-reading the counters.
    Inbox: none; wakes every `refresh_s`.
    Replies: none; replaces the contents of `book` under `lock`, which the writer holds while it commits and
    counts, so a refresh never lands between a commit and its counting. The credits' writer, which does not
    hold it while it commits (server/supervisor.py), has the book read again (`refresh`) after each credit.
    Stops when: cancelled with the server. A failed read is logged and tried again next time.
    """

    pool: ConnectionPool[Conn]
    book: StatsBook
    lock: trio.Lock
    refresh_s: float = REFRESH_S

    async def run(
        self,
        _wakeups: trio.MemorySendChannel[None] | None = None,
        *,
        task_status: trio.TaskStatus[None] = trio.TASK_STATUS_IGNORED,
    ) -> None:
        task_status.started()
        while True:
            await trio.sleep(self.refresh_s)
            await self.refresh()

    async def refresh(self) -> None:
        """Read the book again, under the lock; a read that fails leaves it as it was."""
        started = time.perf_counter()
        try:
            async with self.lock:
                fresh = await trio.to_thread.run_sync(read_stats, self.pool)
                copy_into(self.book, fresh)
        except psycopg.Error as exc:
            if unavailable(exc) is None:  # a database away is said once, by the writer or the prober
                logs.event("stats.refresh_failed", level=30, error=type(exc).__name__)
            return
        logs.event("stats.refreshed", level=10, ms=logs.elapsed_ms(started))
