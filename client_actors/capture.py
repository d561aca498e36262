"""Capture actors and the embedding API for a host daemon (ARCHITECTURE "Client actors").

    async with open_capture_service(home, server_url) as service:      # only after consent
        agent = service.spawn(AgentSpec(provider="claude-code", model="claude-opus-4-7", role="backend"))
        agent.stdout_line(line)            # never blocks the agent's stdout reader (spills to disk if behind)
        agent.user_message("use exponential backoff instead")
        agent.coordination(CoordinationEvent(...))
        agent.ended("completed")           # or "crashed" / "killed": flushes, closes, spools SESSION_CLOSE
        # context rotation: the successor names the session it continues, and the server links the two
        successor = service.spawn(AgentSpec(provider="claude-code", continues=agent.session_id))
    # leaving the block stops capture; whatever is not delivered stays in the spool for the next run

One CaptureActor per agent: parse -> classify -> scrub -> chunk -> spool. The spool is written before any network
I/O; a Sender per server delivers it. `opt_out()` flushes what was captured under consent, captures nothing more
and tears the actors down. Nothing here blocks the host's event loop on disk: a session's spool directory is
made by its actor, in a worker thread, and what the actor cannot take yet waits in a file (client_actors/spill.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import time
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, cast

import attrs
import httpx
import trio

from client_actors import consent
from client_actors.chunker import Chunker, envelope_json
from client_actors.classify import (
    AgentEnded,
    Classifier,
    CoordinationEvent,
    EndReason,
    UserMessage,
    close_status,
)
from client_actors.journal import Journal, recover_orphans
from client_actors.parsers import Parser, new_parser
from client_actors.parsers.model import ParsedStep, thaw_json
from client_actors.scrub import RULESET_VERSION, scrub_values
from client_actors.sender import Sender
from client_actors.spill import SPILL_FILE, Spill
from client_actors.spool import Spool, SpooledSession
from groove_actors import __version__, logs
from groove_actors.protocol.models import ChunkEnvelope, Envelope, JsonValue, Metadata, Step
from groove_actors.protocol.validate import METADATA_FIELDS

AGENT_INBOX = 10_000  # lines; past them, lines wait on disk (client_actors/spill.py), never the agent
SPILL_BATCH = 2_000  # spilled records read back at a time
GROOVE_VERSION = "0.28.0"
APP_VERSION_HASH = hashlib.sha256(f"groove-actors {__version__}".encode()).hexdigest()
check_predecessor = next(check for name, check, _ in METADATA_FIELDS if name == "predecessor_session_id")


@attrs.frozen
class AgentSpec:
    provider: str
    model: str | None = None
    role: str = "agent"
    agent_id: str | None = None
    task_complexity: str | None = None
    team_size: int | None = None
    # The session this agent continues after a context rotation: its predecessor's `AgentHandle.session_id`
    # (or `--continues`). The server links the two when both are the same contributor's (docs/PROTOCOL.md 6.1).
    continues: str | None = attrs.field(default=None, validator=lambda _, __, value: check_continues(value))


def check_continues(value: str | None) -> None:
    """Refuse a predecessor session id the server's schema would refuse (and the chunk with it).

    Raises:
        ValueError: saying what a session id must be.
    """
    if value is not None and check_predecessor(value) is not None:
        raise ValueError(
            f"continues: expected a session id (1 to 200 characters of text), got {value[:40]!r}"
        )


@attrs.frozen
class StdoutLine:
    line: str


@attrs.frozen
class UserInput:
    text: str


@attrs.frozen
class Coordination:
    event: CoordinationEvent


@attrs.frozen
class Ended:
    reason: EndReason


Message = StdoutLine | UserInput | Coordination | Ended


def machine_fingerprint(install_id: str) -> str:
    """A stable per-install value for the server's rate limit that reveals nothing about the machine."""
    return hashlib.sha256(f"groove-fingerprint:{install_id}".encode()).hexdigest()


def scrub_steps(steps: Sequence[Step]) -> list[Step]:
    """Scrub every free-text field that leaves the machine: content and tool arguments alike, at any depth.

    The whole batch is scrubbed together (`scrub_values`): most texts are short, and one pass over all of
    them costs a fraction of one pass each.
    """
    values: list[JsonValue] = []
    for step in steps:
        values += [step.content or None, thaw_json(step.arguments) if step.arguments else None]
    scrubbed, _ = scrub_values(values)
    return [
        attrs.evolve(
            step,
            content=cast(str, content) if step.content else step.content,
            arguments=(arguments if isinstance(arguments, dict) else None)
            if step.arguments
            else step.arguments,
        )
        for step, content, arguments in zip(steps, scrubbed[::2], scrubbed[1::2], strict=True)
    ]


@attrs.define(eq=False)
class CaptureActor:
    """Owns: one agent session's parser, classifier and chunker.
    Inbox: StdoutLine, UserInput, Coordination, Ended (in the order the host saw them).
    Replies: none; envelopes go to the spool, and a wake-up to the sender.
    Stops when: the agent ended (after spooling the SESSION_CLOSE) or the service stops; either way it closes
    its wake-up sender (its own clone of the service's), so that a finished agent holds no end of that channel.
    """

    spec: AgentSpec
    session_id: str
    inbox: trio.MemoryReceiveChannel[Message]
    spool: Spool
    wake_sender: trio.MemorySendChannel[None]
    contributor_id: str
    spooled_session: SpooledSession
    spill: Spill
    wall_clock: Callable[[], float] = time.time
    classifier: Classifier = attrs.Factory(Classifier)
    done: trio.Event = attrs.Factory(trio.Event)
    failure: str | None = None  # why capture of this agent stopped early, if it did
    keep_empty: bool = True  # False: a session that ends without a single step is dropped, never sent
    discarded: bool = False  # it was (nothing of it is in the spool)
    chunker: Chunker = attrs.field(init=False)
    journal: Journal = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        metadata = Metadata(
            provider=self.spec.provider,
            model_engine=(self.spec.model or "unknown")[:100],
            agent_role=self.spec.role[:50],
            agent_id=(self.spec.agent_id or f"{self.spec.role}-{self.session_id[-8:]}")[:100],
            task_complexity=self.spec.task_complexity,
            team_size=self.spec.team_size,
            groove_version=GROOVE_VERSION,
            predecessor_session_id=self.spec.continues,
        )
        self.chunker = Chunker(
            session_id=self.session_id,
            contributor_id=self.contributor_id,
            metadata=metadata,
            scrub_ruleset=RULESET_VERSION,
            new_envelope_id=lambda: f"env_{uuid.uuid4()}",
        )
        self.journal = Journal(self.spool.root / self.session_id)

    async def run_guarded(self) -> None:
        """Run; if capture itself fails, log it and stop capturing this agent: the agent never notices.

        What was spooled stays spooled. This is the capture side's one broad except: a parser or scrubber bug
        must not take the person's agent (whose output flows through the same process) down with it.
        """
        try:
            await self.run()
        except Exception as exc:
            self.failure = f"{type(exc).__name__}: {exc}"
            logs.event("capture.failed", level=40, session_id=self.session_id, error=type(exc).__name__)
            self.inbox.close()
        finally:
            self.journal.release()  # a session not closed here is closed by the next start from its journal
            self.spill.close()
            self.wake_sender.close()
            self.done.set()

    async def run(self) -> None:
        parser = new_parser(self.spec.provider)
        metadata = self.chunker.metadata
        await trio.to_thread.run_sync(self._start, metadata)
        async with self.inbox:
            while True:
                batch = await self._next()
                if not batch:
                    await self._spool(self.chunker.tick(now=self.wall_clock()))
                for message in batch:
                    if await self._step(message, parser):
                        return

    async def _next(self) -> list[Message]:
        """The next messages in the order the host gave them; none when the chunk's time is up.

        Messages wait in the inbox first; only once it was full did later ones go to the spill file, so the
        inbox is emptied before the spill is read, and the spill is read to its end before the inbox again.
        """
        try:
            return [self.inbox.receive_nowait()]
        except trio.WouldBlock:
            if not self.spill.pending:
                received = await self._receive()
                return [] if received is None else [received]
        except trio.EndOfChannel:
            if not self.spill.pending:
                return [Ended("killed")]
        records, offset = await trio.to_thread.run_sync(self.spill.read, SPILL_BATCH)
        self.spill.taken(len(records), offset)
        return [message_from(record) for record in records]

    async def _receive(self) -> Message | None:
        with trio.move_on_at(_trio_deadline(self.chunker.deadline, self.wall_clock())):
            try:
                return await self.inbox.receive()
            except trio.EndOfChannel:
                return Ended("killed")
        return None

    def _start(self, metadata: Metadata) -> None:
        """The session's spool directory and journal (in a worker thread: the host's loop never waits on disk)."""
        self.spool.create(self.spooled_session)
        self.spool.prune(now=self.spooled_session.created_at, keep=self.session_id)
        self.journal.open(metadata=metadata, contributor_id=self.contributor_id)

    async def _step(self, message: Message, parser: Parser) -> bool:
        """Handle one message and spool what it completes; True once the agent's end is spooled."""
        envelopes = await self._handle(message, parser, self.wall_clock())
        await self._spool(envelopes)
        if isinstance(message, Ended):
            await trio.to_thread.run_sync(self._discard if self.discarded else self.journal.finish)
            return True
        return False

    def _discard(self) -> None:
        """No step at all: leave no session behind. The sender opens a session only once it holds an
        envelope (sender.py), so the server never heard of this one."""
        self.journal.finish()
        self.spool.finish(self.spooled_session)

    async def _handle(self, message: Message, parser: Parser, now: float) -> list[Envelope]:
        steps: list[Step] = []
        match message:
            case StdoutLine(line=line):
                for parsed in parser.feed_line(line):
                    steps += self._classified(parsed, now)
            case UserInput(text=text):
                steps += self.classifier.feed(UserMessage(text), now=now)
            case Coordination(event=event):
                steps += self.classifier.feed(event, now=now)
            case Ended(reason=reason):
                for parsed in parser.finish():
                    steps += self._classified(parsed, now)
                steps += self.classifier.feed(AgentEnded(reason), now=now)
                if not self.keep_empty and self.classifier.stats.steps == 0:
                    self.discarded = True
                    return []
                envelopes: list[Envelope] = list(await self._buffer(steps, now))
                stats = self.classifier.stats
                if parser.reported_tokens is not None:  # the stream's own count beats the estimate
                    stats = attrs.evolve(stats, total_tokens=parser.reported_tokens)
                return envelopes + self.chunker.close(close_status(reason), stats)
        return list(await self._buffer(steps, now))

    async def _buffer(self, steps: list[Step], now: float) -> list[ChunkEnvelope]:
        """Scrub, journal (durably), then hand to the chunker: a step is on disk before it is only in memory."""
        scrubbed = scrub_steps(steps)
        if scrubbed:
            await trio.to_thread.run_sync(self.journal.append, scrubbed)
        return self.chunker.add(scrubbed, now=now)

    def _classified(self, parsed: ParsedStep, now: float) -> list[Step]:
        if parsed.model and self.chunker.metadata.model_engine != parsed.model[:100]:
            # The stream names its model: later chunks carry it. What the host said is for streams that do not.
            self.chunker.metadata = attrs.evolve(self.chunker.metadata, model_engine=parsed.model[:100])
        return self.classifier.feed(parsed, now=now)

    async def _spool(self, envelopes: Sequence[Envelope]) -> None:
        if not envelopes:
            return
        documents = [envelope_json(e) for e in envelopes]
        await trio.to_thread.run_sync(lambda: [self.spool.append(self.session_id, d) for d in documents])
        await trio.to_thread.run_sync(self.journal.spooled, self.chunker)
        with contextlib.suppress(trio.WouldBlock):  # a wake-up is already pending
            self.wake_sender.send_nowait(None)


def _trio_deadline(wall_deadline: float | None, wall_now: float) -> float:
    if wall_deadline is None:
        return math.inf
    return trio.current_time() + max(0.0, wall_deadline - wall_now)


def record_of(message: Message) -> list[Any]:
    match message:
        case StdoutLine(line=line):
            return ["line", line]
        case UserInput(text=text):
            return ["user", text]
        case Coordination(event=event):
            return ["coordination", attrs.asdict(event)]
        case Ended(reason=reason):
            return ["end", reason]


def message_from(record: list[Any]) -> Message:
    kind, value = record
    match kind:
        case "line":
            return StdoutLine(value)
        case "user":
            return UserInput(value)
        case "coordination":
            return Coordination(CoordinationEvent(**value))
    return Ended(value)


@attrs.define(eq=False)
class AgentHandle:
    """What the host holds for one agent: feeds into its CaptureActor that never wait.

    A message goes into the actor's inbox if there is room and nothing waits before it; otherwise it waits
    in the session's spill file (client_actors/spill.py) and the actor reads it back in order.
    """

    session_id: str
    inbox: trio.MemorySendChannel[Message]
    actor: CaptureActor
    spill: Spill

    @property
    def dropped_lines(self) -> int:
        """Messages lost because the disk refused them (with `spill.drop_reason`)."""
        return self.spill.dropped

    def _put(self, message: Message) -> None:
        if not self.spill.pending:
            try:
                self.inbox.send_nowait(message)
                return
            except trio.WouldBlock:
                pass
            except (trio.ClosedResourceError, trio.BrokenResourceError):
                return  # capture already ended for this agent
        if not self.actor.done.is_set():
            self.spill.put(record_of(message))

    def stdout_line(self, line: str) -> None:
        self._put(StdoutLine(line))

    def user_message(self, text: str) -> None:
        self._put(UserInput(text))

    def coordination(self, event: CoordinationEvent) -> None:
        self._put(Coordination(event))

    async def feed_line(self, line: str) -> None:
        """Hand over a line, waiting for room: for reading a file, which can wait (import)."""
        if self.spill.pending:
            self._put(StdoutLine(line))
            return
        with contextlib.suppress(trio.ClosedResourceError, trio.BrokenResourceError):
            await self.inbox.send(StdoutLine(line))

    def ended(self, reason: EndReason) -> None:
        self._put(Ended(reason))
        self.inbox.close()


@attrs.define(eq=False)
class CaptureService:
    """Owns: the nursery of the capture actors and the sender, the spool, and the install id."""

    nursery: trio.Nursery
    spool: Spool
    home: Path
    server_url: str | None
    wake_sender: trio.MemorySendChannel[None]
    install_id: str
    sender: Sender | None = None
    agents: list[AgentHandle] = attrs.Factory(list)

    def spawn(self, spec: AgentSpec, *, keep_empty: bool = True) -> AgentHandle:
        """Start capturing one agent; returns at once (the actor makes its spool directory itself).

        With `keep_empty` False, a session that ends without a single step is dropped instead of sent (and
        credited with nothing): for an import, whose input may simply not be this provider's.
        """
        session_id = f"sess_{uuid.uuid4()}"
        spooled = SpooledSession(
            session_id=session_id,
            server_url=self.server_url or "",
            provider=spec.provider,
            model=spec.model or "unknown",
            machine_fingerprint=machine_fingerprint(self.install_id),
            app_version_hash=APP_VERSION_HASH,
            groove_version=GROOVE_VERSION,
            created_at=time.time(),
        )
        send, receive = trio.open_memory_channel[Message](AGENT_INBOX)
        spill = Spill(self.spool.root / session_id / SPILL_FILE)
        actor = CaptureActor(
            spec, session_id, receive, self.spool, self.wake_sender.clone(), self.install_id, spooled, spill,
            keep_empty=keep_empty,
        )  # fmt: skip
        self.nursery.start_soon(actor.run_guarded)
        handle = AgentHandle(session_id, send, actor, spill)
        self.agents.append(handle)
        logs.event("capture.started", session_id=session_id, provider=spec.provider)
        return handle

    async def delivered(self) -> bool:
        """Wake the sender and wait until a round that started after now left nothing to deliver.

        Returns False at once when this service does not deliver. The caller sets the deadline.
        """
        if self.sender is None:
            return False
        number = self.sender.next_round()
        with contextlib.suppress(trio.WouldBlock):
            self.wake_sender.send_nowait(None)
        await self.sender.wait_for_round(number)
        return True

    async def opt_out(self) -> None:
        """Flush what was captured under consent, capture nothing more, and stop every actor."""
        for agent in self.agents:
            agent.ended("killed")
        for agent in self.agents:
            await agent.actor.done.wait()


@asynccontextmanager
async def open_capture_service(
    home: Path, server_url: str | None, *, deliver: bool = True, takes_all: bool = False
) -> AsyncIterator[CaptureService]:
    """Run capture (and delivery to `server_url`) for the block; call it only after consent was checked.

    The sender delivers the sessions recorded for `server_url` (however spelled) or for no server; with
    `takes_all`, every spooled session.
    """
    spool = await trio.to_thread.run_sync(Spool, home / "spool")
    await trio.to_thread.run_sync(recover_orphans, spool)
    await trio.to_thread.run_sync(lambda: spool.prune(now=time.time()))
    install = await trio.to_thread.run_sync(consent.install_id, home)
    wake_send, wake_receive = trio.open_memory_channel[None](1)
    http = httpx.AsyncClient(base_url=server_url or "http://127.0.0.1:1", timeout=30)
    # The wake-up channel's send end is the service's; each capture actor holds a clone and closes it when it
    # stops. The block's end cancels the sender, which is how delivery stops: `delivered` is how to wait for it.
    async with http, wake_send, trio.open_nursery() as nursery:
        sender = None
        if deliver and server_url:
            sender = Sender(spool, http, server_url, takes_all=takes_all)
            await nursery.start(sender.run, wake_receive)
        service = CaptureService(nursery, spool, home, server_url, wake_send, install, sender)
        try:
            yield service
        finally:
            nursery.cancel_scope.cancel()
