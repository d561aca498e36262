"""The notary: seals each finished UTC day of the ledger with the Merkle tree head of its credits.

A day is sealed once, `SEAL_AFTER_S` after it ends (so that a credit computed just before midnight is
written first); the head is kept in the catalog and served at /v1/ledger/roots, and any credit's inclusion
proof at /v1/ledger/proof (server/ledger_proofs.py), so a contributor can check that the ledger was not
changed afterwards.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import attrs
import trio

from groove_actors import logs
from groove_actors.protocol import merkle
from groove_actors.server.reads import ReadPool
from groove_actors.server.writer import WriteRequest, ask_writer
from groove_actors.store import catalog
from groove_actors.store.contract import StoreDown
from groove_actors.store.embedded import Done, SealDay
from groove_actors.store.segments import utc_day

SEAL_AFTER_S = 600.0
CHECK_EVERY_S = 300.0


def day_root(leaves: list[bytes]) -> bytes:
    return merkle.root(merkle.leaf_hashes(leaves))


@attrs.define(eq=False)
class LedgerNotary:
    """Owns: the schedule of sealing.
    Inbox: none; wakes every `check_s`.
    Replies: none; sends SealDay for each finished day to the writer.
    Stops when: cancelled with the server.
    """

    reads: ReadPool
    writer: trio.MemorySendChannel[WriteRequest]
    wall_clock: Callable[[], float] = time.time
    check_s: float = CHECK_EVERY_S

    async def run(self, *, task_status: trio.TaskStatus[None] = trio.TASK_STATUS_IGNORED) -> None:
        task_status.started()
        while True:
            with contextlib.suppress(StoreDown):  # a shared store's database is away: sealed next time
                await self.seal_due_days()
            await trio.sleep(self.check_s)

    async def seal_due_days(self) -> int:
        open_from = utc_day(self.wall_clock() - SEAL_AFTER_S)  # this day and later may still get credits
        days = await self.reads.run(catalog.days_to_seal, open_from)
        for day in days:
            leaves = await self.reads.run(catalog.day_leaves, day)
            head = (await trio.to_thread.run_sync(day_root, leaves)).hex()
            outcome = await ask_writer(
                self.writer, SealDay(day, head, len(leaves), self.wall_clock()), wait_for_room=True
            )
            if not isinstance(outcome, Done) and outcome.status == 503:
                raise StoreDown(outcome.reason)
            if not isinstance(outcome, Done):
                raise RuntimeError(f"sealing {day} refused by the store: {outcome}")
            logs.event("ledger.sealed", day=day, credits=len(leaves), root=head)
        return len(days)
