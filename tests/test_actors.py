"""The server's actors in one Trio run on a real store, with Trio's mock clock standing in for waiting.

Each test asks for `clock` itself (pytest-trio takes the clock from the test's own arguments). The clock jumps
only after every task has been blocked for a short real time, so that work in worker threads (SQLite, fsync)
finishes before virtual time moves on; a jump at the first idle instant would race those threads.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import attrs
import orjson
import pytest
import trio
import trio.testing

from groove_actors.logs import LOGGER_NAME
from groove_actors.protocol import ecdh
from groove_actors.protocol.envelope import ReceivedEnvelope, Rejected, read_envelope
from groove_actors.protocol.policy import load_policy
from groove_actors.server.enrich import RuleJudge
from groove_actors.server.pipeline import CreditPipeline
from groove_actors.server.reads import ReadPool
from groove_actors.server.reaper import Reaper
from groove_actors.server.sessions import (
    DEFAULT_MAX_SESSION_BYTES,
    Closed,
    CloseRequest,
    Ingest,
    SessionDirectory,
    VerifierDeps,
)
from groove_actors.server.stats import StatsBook
from groove_actors.server.verdicts import Accepted
from groove_actors.server.writer import StorageWriter, WriteRequest, ask_writer
from groove_actors.store import catalog
from groove_actors.store.catalog import NewSession
from groove_actors.store.embedded import EmbeddedStore, OpenSession
from tests.support.envelopes import ClientSession

EPOCH = 1_795_600_000.0


class EventWaiter(logging.Handler):
    """Turns the server's log events into something a test can await (they are logged on the Trio thread)."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self.arrived = trio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        self.names.append(record.getMessage())
        arrived, self.arrived = self.arrived, trio.Event()
        arrived.set()

    async def wait_for(self, name: str, count: int = 1, after: str | None = None) -> None:
        """Until ``name`` has been logged ``count`` times (after the first ``after`` event, if given: an event that
        came before the wait began counts, which a count taken when it begins would miss)."""
        with trio.fail_after(3_600):  # virtual seconds
            while self._since(after).count(name) < count:
                await self.arrived.wait()

    def _since(self, after: str | None) -> list[str]:
        if after is None:
            return self.names
        return self.names[self.names.index(after) + 1 :] if after in self.names else []


@attrs.define(eq=False)
class Harness:
    store: EmbeddedStore
    directory: SessionDirectory
    writer: trio.MemorySendChannel[WriteRequest]
    reads: ReadPool
    stats: StatsBook
    events: EventWaiter

    def wall(self) -> float:
        return wall()

    async def open(self) -> ClientSession:
        pair = ecdh.generate_key_pair()
        client = ClientSession(b"")
        server = ecdh.generate_key_pair()
        client.secret = ecdh.derive_shared_secret(pair.private_key, ecdh.load_public_key(server.public_b64))
        secret = ecdh.derive_shared_secret(server.private_key, ecdh.load_public_key(pair.public_b64))
        new = NewSession(
            client.session_id, secret, pair.public_b64, "codex", "o3", "fp", "a" * 64, "1", self.wall()
        )
        await ask_writer(self.writer, OpenSession(new, 0))
        return client

    async def send(self, body: bytes) -> Accepted | Rejected:
        envelope = read_envelope(body, now=self.wall())
        assert isinstance(envelope, ReceivedEnvelope)
        send, receive = trio.open_memory_channel[Accepted | Rejected](1)
        assert self.directory.deliver(envelope.session_id, Ingest(envelope, send))
        return await receive.receive()

    async def close(self, session_id: str) -> Closed | Rejected:
        send, receive = trio.open_memory_channel[Closed | Rejected](1)
        assert self.directory.deliver(session_id, CloseRequest(send))
        return await receive.receive()


IDLE_TIMEOUT_S = 600.0


@pytest.fixture
def clock() -> trio.testing.MockClock:
    return trio.testing.MockClock(autojump_threshold=0.05)


def wall() -> float:
    """The server's wall clock in these tests: the epoch plus Trio's (virtual) time."""
    return EPOCH + trio.current_time()


@asynccontextmanager
async def open_harness(tmp_path: Path, *, max_session_bytes: int | None = None) -> AsyncIterator[Harness]:
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    reads = ReadPool(store.catalog_path)
    stats = StatsBook.load(store.conn)
    writer_send, writer_receive = trio.open_memory_channel[WriteRequest](64)
    wake_send, wake_receive = trio.open_memory_channel[None](1)
    async with trio.open_nursery() as nursery:
        deps = VerifierDeps(
            writer_send, reads, wake_send, wall, idle_stop_s=300, max_session_bytes=max_session_bytes
        )
        directory = SessionDirectory(nursery, deps)
        waiter = EventWaiter()
        logger = logging.getLogger(LOGGER_NAME)
        level = logger.level
        logger.setLevel(logging.INFO)
        logger.addHandler(waiter)
        harness = Harness(store, directory, writer_send, reads, stats, waiter)
        await nursery.start(StorageWriter(store, writer_receive, stats, wall_clock=wall).run)
        pipeline = CreditPipeline(wake_receive, writer_send, reads, store.envelopes.directory, load_policy(),
                                  RuleJudge(), wall)  # fmt: skip
        await nursery.start(pipeline.run)
        await nursery.start(Reaper(directory, reads, writer_send, close_grace_s=60, idle_timeout_s=IDLE_TIMEOUT_S,
                                   wall_clock=wall).run)  # fmt: skip
        yield harness
        nursery.cancel_scope.cancel()
    logger.removeHandler(waiter)
    logger.setLevel(level)
    reads.close()
    store.close()


@pytest.fixture
async def harness(tmp_path: Path) -> AsyncIterator[Harness]:
    async with open_harness(tmp_path, max_session_bytes=DEFAULT_MAX_SESSION_BYTES) as harness:
        yield harness


async def test_envelopes_of_one_session_are_judged_in_order(
    harness: Harness, clock: trio.testing.MockClock
) -> None:
    client = await harness.open()
    bodies = [client.chunk_body(3, now=harness.wall()) for _ in range(5)]
    answers: list[Accepted | Rejected] = []
    async with trio.open_nursery() as nursery:
        for body in bodies:
            nursery.start_soon(_collect, harness, body, answers)
            await trio.testing.wait_all_tasks_blocked()
    assert all(isinstance(a, Accepted) and not a.duplicate for a in answers)
    state = catalog.load_session(harness.store.conn, client.session_id)
    assert state is not None and state.next_sequence == 5


async def _collect(harness: Harness, body: bytes, out: list[Accepted | Rejected]) -> None:
    out.append(await harness.send(body))


@pytest.mark.slow
async def test_idle_verifiers_stop_and_come_back_from_the_store(
    harness: Harness, clock: trio.testing.MockClock
) -> None:
    client = await harness.open()
    assert isinstance(await harness.send(client.chunk_body(2, now=harness.wall())), Accepted)
    assert harness.directory.running == 1
    await trio.sleep(301)
    assert harness.directory.running == 0
    assert isinstance(await harness.send(client.chunk_body(2, now=harness.wall())), Accepted)
    assert harness.directory.running == 1


async def test_unknown_session_is_404_and_leaves_no_verifier(
    harness: Harness, clock: trio.testing.MockClock
) -> None:
    client = ClientSession(b"k" * 32)
    answer = await harness.send(client.chunk_body(1, now=harness.wall()))
    assert isinstance(answer, Rejected) and answer.status == 404
    assert harness.directory.running == 0  # unregistered before it answered


@pytest.mark.slow
async def test_an_unsigned_close_request_never_cuts_an_open_session_short(
    harness: Harness, clock: trio.testing.MockClock
) -> None:
    client = await harness.open()
    await harness.send(client.chunk_body(4, now=harness.wall()))
    assert await harness.close(client.session_id) == Closed(already_closed=False)  # a stranger's request
    await trio.sleep(IDLE_TIMEOUT_S / 2)  # five close grace periods, half the idle timeout
    assert isinstance(await harness.send(client.chunk_body(4, now=harness.wall())), Accepted)
    assert harness.stats.credits == 0
    closed = await harness.send(client.close_body())
    assert isinstance(closed, Accepted), closed
    await harness.events.wait_for("ledger.credited")
    assert harness.stats.credits == 1
    assert await harness.close(client.session_id) == Closed(already_closed=True)
    with harness.store.conn:
        steps, reason = harness.store.conn.execute(
            "SELECT c.steps, s.close_reason FROM credits c JOIN sessions s USING (session_id)"
        ).fetchone()
    assert (steps, reason) == (8, "envelope")


async def test_a_full_session_whose_close_is_requested_is_credited_after_the_grace_period(
    clock: trio.testing.MockClock, tmp_path: Path
) -> None:
    async with open_harness(tmp_path, max_session_bytes=3_000) as harness:
        client = await harness.open()
        assert isinstance(await harness.send(client.chunk_body(4, now=harness.wall())), Accepted)
        full = await harness.send(client.chunk_body(20, now=harness.wall()))
        assert isinstance(full, Rejected) and full.status == 413
        assert await harness.close(client.session_id) == Closed(already_closed=False)
        await harness.events.wait_for("ledger.credited")
        assert harness.stats.credits == 1
        row = harness.store.conn.execute("SELECT close_reason FROM sessions").fetchone()
    assert row == ("grace",)


@pytest.mark.slow
async def test_a_silent_session_is_closed_as_a_crash_after_the_idle_timeout(
    harness: Harness, clock: trio.testing.MockClock
) -> None:
    client = await harness.open()
    await harness.send(client.chunk_body(3, now=harness.wall()))
    opened_at = trio.current_time()
    await harness.events.wait_for("ledger.credited")
    assert trio.current_time() - opened_at >= IDLE_TIMEOUT_S
    assert harness.stats.credits == 1
    row = harness.store.conn.execute("SELECT close_reason, close_status FROM sessions").fetchone()
    assert row == ("idle", "CRASH")


async def test_session_close_envelope_credits_exactly_once(
    harness: Harness, clock: trio.testing.MockClock
) -> None:
    client = await harness.open()
    await harness.send(client.chunk_body(5, now=harness.wall()))
    close = client.close_body()
    assert isinstance(await harness.send(close), Accepted)
    assert harness.directory.running == 0  # a closed session's verifier stops at once
    again = await harness.send(close)
    assert isinstance(again, Accepted) and again.duplicate
    # The credits actor idle again once it has credited: whether that happened before this line or after.
    await harness.events.wait_for("ledger.credited")
    await harness.events.wait_for("credits.idle", after="ledger.credited")
    assert harness.stats.credits == 1
    assert harness.stats.active_sessions == 0


async def test_stitching_reads_only_its_own_session(harness: Harness, clock: trio.testing.MockClock) -> None:
    other, own = await harness.open(), await harness.open()
    await harness.send(other.chunk_body(5, now=harness.wall()))
    await harness.send(own.chunk_body(5, now=harness.wall()))
    # Damage every byte the other session stored: a stitcher that scanned the corpus would trip on it.
    for _, _, ref in catalog.envelope_refs(harness.store.conn, other.session_id):
        segment = harness.store.envelopes.directory / ref.segment
        data = bytearray(segment.read_bytes())
        data[ref.offset : ref.offset + ref.length] = b"\xff" * ref.length
        segment.write_bytes(bytes(data))
    await harness.send(own.close_body())
    await harness.events.wait_for("ledger.credited")
    assert "credit.failed" not in harness.events.names
    (steps,) = harness.store.conn.execute(
        "SELECT steps FROM credits WHERE session_id = ?", (own.session_id,)
    ).fetchone()
    assert steps == 5


async def test_coordination_is_linked_on_both_sides(harness: Harness, clock: trio.testing.MockClock) -> None:
    asking, answering = await harness.open(), await harness.open()
    for client in (asking, answering):
        await harness.send(client.chunk_body(3, now=harness.wall(), types=("coordination", "thought")))
        await harness.send(client.close_body())
    await harness.events.wait_for("ledger.credited", count=2)
    links = sorted(
        harness.store.conn.execute("SELECT session_id, step, partner_session FROM coordination_links")
    )
    assert links == sorted(
        [
            (asking.session_id, 1, answering.session_id),
            (asking.session_id, 3, answering.session_id),
            (answering.session_id, 1, asking.session_id),
            (answering.session_id, 3, asking.session_id),
        ]
    )
    segment = harness.store.trajectories.names()[0]
    lines = (harness.store.trajectories.directory / segment).read_bytes().splitlines()
    second = orjson.loads(lines[1])
    assert {link["partner_session"] for link in second["coordination_links"]} == {asking.session_id}
