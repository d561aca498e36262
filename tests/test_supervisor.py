"""The actor tree's shutdown, in process over a real embedded store: a front end that returns stops the server,
and the writer, told by its closed inbox that nothing more is coming, commits what was queued before it stops."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import trio
import trio.testing

from groove_actors.protocol.policy import load_policy
from groove_actors.server.readiness import Readiness
from groove_actors.server.reads import ReadPool
from groove_actors.server.stats import StatsBook
from groove_actors.server.supervisor import WRITER_DRAIN_S, ServerActors, ServerConfig, run_actors
from groove_actors.server.writer import WriteRequest
from groove_actors.store import catalog
from groove_actors.store.catalog import NewSession
from groove_actors.store.embedded import Done, EmbeddedStore, OpenSession, Outcome

SESSIONS = ("sess_a", "sess_b", "sess_c")


def new_session(session_id: str) -> NewSession:
    secret = session_id.encode().ljust(32, b"k")
    return NewSession(session_id, secret, "pk", "claude-code", "o3", "fp", "a" * 64, "0.1", 1_790_000_000.0)


async def test_writes_queued_when_the_front_end_stops_are_committed_before_the_writer_stops(
    tmp_path: Path,
) -> None:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    reads = ReadPool(store.catalog_path)
    readiness = Readiness(store_open=True, recovered=True)
    commits = trio.Lock()  # held here, so the writer cannot commit before the server is stopping
    replies_send, replies = trio.open_memory_channel[Outcome](len(SESSIONS))
    writer_inbox: list[trio.MemorySendChannel[WriteRequest]] = []
    front_returned = trio.Event()

    async def front(actors: ServerActors, *, task_status: trio.TaskStatus[list[str]]) -> None:
        task_status.started(["in-process"])
        for session_id in SESSIONS:
            actors.writer.send_nowait(WriteRequest(OpenSession(new_session(session_id), 20), replies_send))
        writer_inbox.append(actors.writer)
        front_returned.set()  # as the HTTP front end returns once a stop signal came and it has drained

    async def hold_commits_until_the_inbox_closes(*, task_status: trio.TaskStatus[None]) -> None:
        await commits.acquire()
        task_status.started()
        await front_returned.wait()
        # The supervisor closes the writer's inbox once every other actor has stopped (some finish a read in a
        # worker thread first); until then the writer waits on the lock with the queued writes.
        while writer_inbox[0].statistics().open_send_channels:
            await trio.testing.wait_all_tasks_blocked()
        commits.release()

    try:
        with trio.fail_after(WRITER_DRAIN_S / 2):  # well before the drain deadline would cancel the writer
            async with trio.open_nursery() as nursery:
                await nursery.start(hold_commits_until_the_inbox_closes)
                run = partial(
                    run_actors, ServerConfig(data_dir=tmp_path), store, reads, StatsBook.load(store.conn),
                    load_policy(None), readiness, envelopes_dir=store.envelopes.directory, where="test",
                    front=front, commit_lock=commits,
                )  # fmt: skip
                binds = await nursery.start(run)
                assert binds == ["in-process"]
        assert [replies.receive_nowait() for _ in SESSIONS] == [Done()] * len(SESSIONS)
        assert all(catalog.session_exists(store.conn, session_id) for session_id in SESSIONS)
        assert not readiness.writer_alive
    finally:
        reads.close()
        store.close()
