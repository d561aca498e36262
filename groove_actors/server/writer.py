"""The StorageWriter: the writer of the store, committing in groups (ARCHITECTURE "StorageWriter").

On a store that takes commits at once (PostgreSQL's), credits have a writer of their own (server/supervisor.py):
a credit may wait on a lock ingest never takes (an operator's on `credits`), and the one writer would hold
back every acknowledgement behind it.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING, TypeVar

import attrs
import trio

from groove_actors import logs
from groove_actors.protocol.envelope import Rejected
from groove_actors.server.channels import ask, drain_nowait, reply
from groove_actors.server.metrics import Metrics
from groove_actors.server.readiness import Readiness
from groove_actors.server.stats import StatsBook
from groove_actors.store.catalog import EnvelopeEffects
from groove_actors.store.contract import CommitUnknown, Store, StoreDown
from groove_actors.store.embedded import (
    CloseSession,
    Credit,
    Done,
    EmbeddedStore,
    OpenSession,
    Operation,
    Outcome,
    Refused,
    StoreEnvelope,
)

if TYPE_CHECKING:
    from outcome import Outcome as Result

T = TypeVar("T")

# Queue depth: beyond this many waiting writes, callers answer 503 instead of queueing (backpressure).
WRITER_QUEUE = 512
BATCH_MAX_OPS = 256
BATCH_MAX_BYTES = 16 * 1024 * 1024


@attrs.frozen
class WriteRequest:
    op: Operation
    reply_to: trio.MemorySendChannel[Outcome]


OVERLOADED = Refused(503, "the server is busy storing other envelopes; retry after the indicated delay")
# Retry-After of a refused operation, by status: busy (retry at once), past the session opens of the hour.
RETRY_AFTER_S = {503: 1.0, 429: 3600.0}
# How often the outcome of a commit whose connection was lost during COMMIT is asked again, at most.
RESOLVE_EVERY_S = 2.0


async def ask_writer(
    inbox: trio.MemorySendChannel[WriteRequest], op: Operation, *, wait_for_room: bool = False
) -> Outcome:
    """Queue one operation and wait until it is durable.

    A full queue answers Refused(503) at once, so a client is told to come back; background work that no
    client waits on passes `wait_for_room=True` and queues behind it instead.
    """

    async def queue(reply_to: trio.MemorySendChannel[Outcome]) -> bool:
        await inbox.send(WriteRequest(op, reply_to))
        return True

    def queue_if_room(reply_to: trio.MemorySendChannel[Outcome]) -> bool:
        try:
            inbox.send_nowait(WriteRequest(op, reply_to))
        except trio.WouldBlock:
            return False
        return True

    return await ask(queue if wait_for_room else queue_if_room, otherwise=OVERLOADED)


def store_refusal(refused: Refused) -> Rejected:
    """What a client is told when the store refuses its operation: the one place Retry-After is chosen."""
    retry_after = refused.retry_after_s or RETRY_AFTER_S.get(refused.status)
    return Rejected(refused.status, refused.reason, retry_after=retry_after)


@attrs.define(eq=False)
class StorageWriter:
    """Owns: the store (the embedded one's segment files and catalog connection, or PostgreSQL's pool).
    Inbox: WriteRequest, each an Operation with a one-shot reply channel.
    Replies: the Outcome of each operation, only after its group commit is on disk.
    Holds `commit_lock` from a commit until the stats count it (a stats refresh waits for it); a writer with
    `recount` (the credits' own) holds it only to read the stats again after a commit, never while committing.
    Stops when: every sender has closed and what they queued is committed (at shutdown the supervisor closes
    the inbox once every other actor has stopped, and cancels the writer if that takes past WRITER_DRAIN_S);
    a failing commit raises and stops the server, except a shared store's database being away: then the batch
    is answered 503 (nothing of it is in) and the writer goes on, and a batch whose COMMIT lost its connection
    is answered once the database says whether it is in.
    Marks `readiness.writer_alive` while it takes operations, `readiness.database` (GET /ready); a writer
    without `readiness` (the credits' own) marks neither: a credit waiting on a lock is no outage, and the
    other writer and the prober say whether the database answers.
    """

    store: Store
    inbox: trio.MemoryReceiveChannel[WriteRequest]
    stats: StatsBook
    metrics: Metrics = attrs.Factory(Metrics)
    wall_clock: Callable[[], float] = time.time
    readiness: Readiness | None = attrs.Factory(Readiness)
    commit_lock: trio.Lock = attrs.Factory(trio.Lock)
    # Set for a writer whose commits may wait long (the credits' own): instead of counting each operation into
    # the stats, which would hold `commit_lock` (and the other writer) for as long, it reads them again after.
    recount: Callable[[], Awaitable[None]] | None = None

    async def run(self, *, task_status: trio.TaskStatus[None] = trio.TASK_STATUS_IGNORED) -> None:
        async with self.inbox:
            if self.readiness is not None:
                self.readiness.writer_alive = True
            task_status.started()
            try:
                await self._serve()
            finally:
                if self.readiness is not None:
                    self.readiness.writer_alive = False

    async def _serve(self) -> None:
        async for first in self.inbox:
            batch = [first, *self._more(first)]
            ops = [request.op for request in batch]
            started = time.perf_counter()
            if self.recount is None:
                async with self.commit_lock:
                    outcomes = await self._commit(ops)
                    for op, outcome in zip(ops, outcomes, strict=True):
                        self._count(op, outcome)
            else:
                outcomes = await self._commit(ops)
                if any(isinstance(outcome, Done) for outcome in outcomes):
                    await self.recount()
            for op, outcome in zip(ops, outcomes, strict=True):
                self._note(op, outcome)
            self.metrics.observe("groove_commit_seconds", time.perf_counter() - started)
            if isinstance(self.store, EmbeddedStore) and any(isinstance(op, StoreEnvelope) for op in ops):
                self.metrics.observe("groove_fsync_seconds", self.store.envelopes.last_fsync_s)
            self.metrics.observe("groove_group_commit_batch_size", len(batch))
            for request, outcome in zip(batch, outcomes, strict=True):
                reply(request.reply_to, outcome)

    async def _commit(self, ops: list[Operation]) -> list[Outcome]:
        try:
            outcomes = await in_thread(partial(self.store.commit, ops, at=self.wall_clock()))
        except StoreDown as down:
            if self.readiness is not None:
                self.readiness.database_down(down.reason)
            refused = Refused(503, f"{down.reason}; retry after the indicated delay", down.retry_after_s)
            return [refused] * len(ops)
        except CommitUnknown as unknown:
            if self.readiness is not None:
                self.readiness.database_down(unknown.reason)
            if not await self._resolve(unknown):
                return [
                    Refused(503, "the database was lost while storing this; retry after the indicated delay")
                ] * len(ops)
            outcomes = unknown.outcomes
        if self.readiness is not None:
            self.readiness.database_up()
        return outcomes

    async def _resolve(self, unknown: CommitUnknown) -> bool:
        """Whether a batch whose COMMIT lost its connection is in, asked of the database until it answers.

        Nothing is answered meanwhile: an acknowledgement of a batch that is not in would be a lie, and a 503
        for one that is would open a session twice. Later operations wait in the inbox (503 when it is full).
        """
        wait = 0.1
        while (committed := await in_thread(unknown.resolve)) is None:
            await trio.sleep(wait)
            wait = min(wait * 2, RESOLVE_EVERY_S)
        logs.event("store.commit_resolved", committed=committed, operations=len(unknown.outcomes))
        return committed

    def _more(self, first: WriteRequest) -> list[WriteRequest]:
        size = _size(first.op)
        more: list[WriteRequest] = []
        while size < BATCH_MAX_BYTES and len(more) < BATCH_MAX_OPS - 1:
            got = drain_nowait(self.inbox, limit=1)
            if not got:
                break
            more.extend(got)
            size += _size(got[0].op)
        return more

    def _count(self, op: Operation, outcome: Outcome) -> None:
        """Count a committed operation into the stats."""
        if not isinstance(outcome, Done):
            return
        match op:
            case OpenSession():
                self.stats.session_opened()
            case StoreEnvelope(record=record) if isinstance(outcome.detail, EnvelopeEffects):
                self.stats.envelope_stored(record, outcome.detail)
            case CloseSession() if outcome.detail is True:
                self.stats.session_closed()
            case Credit(credit=credit) if outcome.detail is True:
                self.stats.credited(credit)

    def _note(self, op: Operation, outcome: Outcome) -> None:
        """Count a committed operation into the metrics, and log a credit."""
        if not isinstance(outcome, Done):
            return
        match op:
            case StoreEnvelope(record=record) if isinstance(outcome.detail, EnvelopeEffects):
                self.metrics.count("groove_envelope_bytes_total", len(record.body))
            case Credit(credit=credit) if outcome.detail is True:
                self.metrics.count("groove_credits_total")
                self.metrics.count("groove_points_total", credit.points)
                logs.event("ledger.credited", session_id=credit.session_id, points=round(credit.points, 2))


async def in_thread(fn: Callable[[], T]) -> T:
    """`fn()` in one of Trio's cached worker threads; waits for it to end, even when cancelled meanwhile.

    What `trio.to_thread.run_sync` does for the writer, without what the writer does not use: a capacity
    limiter, a copied context, a thread name set and reset through the OS, a cancel scope and the way back
    in for `trio.from_thread`. Once per group commit, about 60 us of CPU less (bench/RESULTS.md, "Group
    commit with one fsync").
    A commit is never abandoned half-way: cancellation waits for it, as `to_thread.run_sync` does by default.
    """
    task = trio.lowlevel.current_task()
    token = trio.lowlevel.current_trio_token()

    def deliver(result: Result[T]) -> None:
        token.run_sync_soon(trio.lowlevel.reschedule, task, result)

    trio.lowlevel.start_thread_soon(fn, deliver)
    done: T = await trio.lowlevel.wait_task_rescheduled(lambda _: trio.lowlevel.Abort.FAILED)
    return done


def _size(op: Operation) -> int:
    if isinstance(op, StoreEnvelope):
        return len(op.record.body)
    if isinstance(op, Credit):
        return len(op.trajectory)
    return 0
