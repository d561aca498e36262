"""The reaper: closes sessions whose close grace period or idle timeout ran out (PROTOCOL.md section 3).

Both deadlines are stored in the catalog (close_requested_at, last_activity_at), so they survive restarts; the
reaper only looks for due sessions every `sweep_s` and hands each to its verifier, which decides in order with
anything else that session receives. A close grace runs only for a full session whose close was requested
(sessions.SessionVerifier.request_close): an unsigned request never cuts an open session short.

It also ends the feedback window of closed sessions: their secrets are dropped once USER_FEEDBACK can no
longer come (`feedback_window_s` after the close).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from functools import partial

import attrs
import trio

from groove_actors import logs
from groove_actors.server.reads import ReadPool
from groove_actors.server.sessions import Finalize, SessionDirectory
from groove_actors.server.writer import WriteRequest, ask_writer
from groove_actors.store import catalog
from groove_actors.store.contract import StoreDown
from groove_actors.store.embedded import DropSecrets

CLOSE_GRACE_S = 60.0
IDLE_TIMEOUT_S = 24 * 3600.0
FEEDBACK_WINDOW_S = 3600.0  # clients send USER_FEEDBACK right after the SESSION_CLOSE and retry for ~31 s


def sweep_interval(close_grace_s: float, idle_timeout_s: float) -> float:
    """Often enough that a deadline is met within a quarter of the shorter period, at most every 30 s."""
    return min(30.0, max(0.05, min(close_grace_s, idle_timeout_s) / 4))


@attrs.define(eq=False)
class Reaper:
    """Owns: the schedule of sweeps.
    Inbox: none; wakes every `sweep_s`.
    Replies: none; sends Finalize to the verifier of each due session, DropSecrets to the writer.
    Stops when: cancelled with the server.
    """

    directory: SessionDirectory
    reads: ReadPool
    writer: trio.MemorySendChannel[WriteRequest]
    close_grace_s: float = CLOSE_GRACE_S
    idle_timeout_s: float = IDLE_TIMEOUT_S
    feedback_window_s: float = FEEDBACK_WINDOW_S
    wall_clock: Callable[[], float] = time.time

    async def run(self, *, task_status: trio.TaskStatus[None] = trio.TASK_STATUS_IGNORED) -> None:
        task_status.started()
        interval = sweep_interval(self.close_grace_s, self.idle_timeout_s)
        while True:
            with contextlib.suppress(
                StoreDown
            ):  # a shared store's database is away: the next sweep looks again
                await self.sweep()
            await trio.sleep(interval)

    async def sweep(self) -> int:
        now = self.wall_clock()
        due = await self.reads.run(
            partial(
                catalog.sessions_due,
                close_before=now - self.close_grace_s,
                idle_before=now - self.idle_timeout_s,
            )
        )
        for session_id, reason in due:
            status = "CRASH" if reason == "idle" else "SUCCESS"
            self.directory.deliver(session_id, Finalize(reason=reason, status=status))
        closed_before = now - self.feedback_window_s
        if await self.reads.run(catalog.secrets_to_drop, closed_before):
            await ask_writer(self.writer, DropSecrets(closed_before), wait_for_room=True)
        logs.event("reaper.swept", level=logging.DEBUG, due=len(due))
        return len(due)
