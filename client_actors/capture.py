"""Capture actors and the embedding API for a host daemon (ARCHITECTURE "Client actors").

    async with open_capture_service(home, server_url) as service:      # only after consent
        agent = service.spawn(AgentSpec(provider="claude-code", model="claude-opus-4-7", role="backend"))
        agent.stdout_line(line)            # never blocks the agent's stdout reader
        agent.user_message("use exponential backoff instead")
        agent.coordination(CoordinationEvent(...))
        agent.ended("completed")           # or "crashed" / "killed": flushes, closes, spools SESSION_CLOSE
    # leaving the block stops capture; whatever is not delivered stays in the spool for the next run

One CaptureActor per agent: parse -> classify -> scrub -> chunk -> spool. The spool is written before any network
I/O; a Sender per server delivers it. `opt_out()` flushes what was captured under consent, captures nothing more
and tears the actors down.
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
from client_actors.parsers import new_parser
from client_actors.parsers.model import ParsedStep, thaw_json
from client_actors.scrub import RULESET_VERSION, scrub_text, scrub_value
from client_actors.sender import Sender
from client_actors.spool import Spool, SpooledSession
from groove_actors import __version__, logs
from groove_actors.protocol.models import ChunkEnvelope, Envelope, Metadata, Step

AGENT_INBOX = 10_000  # lines; a full inbox drops (and counts) lines rather than ever blocking the agent
GROOVE_VERSION = "0.28.0"
APP_VERSION_HASH = hashlib.sha256(f"groove-actors {__version__}".encode()).hexdigest()


@attrs.frozen
class AgentSpec:
    provider: str
    model: str | None = None
    role: str = "agent"
    agent_id: str | None = None
    task_complexity: str | None = None
    team_size: int | None = None


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


def scrub_step(step: Step) -> Step:
    """Scrub every free-text field that leaves the machine: content and tool arguments alike, at any depth."""
    content = scrub_text(step.content).text if step.content else step.content
    arguments = step.arguments
    if arguments:
        scrubbed, _ = scrub_value(thaw_json(arguments))  # type: ignore[arg-type]
        arguments = scrubbed if isinstance(scrubbed, dict) else None
    return attrs.evolve(step, content=content, arguments=arguments)


@attrs.define(eq=False)
class CaptureActor:
    """Owns: one agent session's parser, classifier and chunker.
    Inbox: StdoutLine, UserInput, Coordination, Ended (in the order the host saw them).
    Replies: none; envelopes go to the spool, and a wake-up to the sender.
    Stops when: the agent ended (after spooling the SESSION_CLOSE) or the service stops.
    """

    spec: AgentSpec
    session_id: str
    inbox: trio.MemoryReceiveChannel[Message]
    spool: Spool
    wake_sender: trio.MemorySendChannel[None]
    contributor_id: str
    wall_clock: Callable[[], float] = time.time
    classifier: Classifier = attrs.Factory(Classifier)
    done: trio.Event = attrs.Factory(trio.Event)
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
            logs.event("capture.failed", level=40, session_id=self.session_id, error=type(exc).__name__)
            self.inbox.close()
        finally:
            self.journal.release()  # a session not closed here is closed by the next start from its journal
            self.done.set()

    async def run(self) -> None:
        parser = new_parser(self.spec.provider)
        metadata = self.chunker.metadata
        await trio.to_thread.run_sync(
            lambda: self.journal.open(metadata=metadata, contributor_id=self.contributor_id)
        )
        async with self.inbox:
            while True:
                deadline = self.chunker.deadline
                message: Message | None = None
                with trio.move_on_at(_trio_deadline(deadline, self.wall_clock())):
                    try:
                        message = await self.inbox.receive()
                    except trio.EndOfChannel:
                        message = Ended("killed")
                now = self.wall_clock()
                if message is None:
                    await self._spool(self.chunker.tick(now=now))
                    continue
                envelopes = await self._handle(message, parser, now)
                await self._spool(envelopes)
                if isinstance(message, Ended):
                    await trio.to_thread.run_sync(self.journal.finish)
                    return

    async def _handle(self, message: Message, parser: object, now: float) -> list[Envelope]:
        steps: list[Step] = []
        match message:
            case StdoutLine(line=line):
                for parsed in parser.feed_line(line):  # type: ignore[attr-defined]
                    steps += self._classified(parsed, now)
            case UserInput(text=text):
                steps += self.classifier.feed(UserMessage(text), now=now)
            case Coordination(event=event):
                steps += self.classifier.feed(event, now=now)
            case Ended(reason=reason):
                for parsed in parser.finish():  # type: ignore[attr-defined]
                    steps += self._classified(parsed, now)
                steps += self.classifier.feed(AgentEnded(reason), now=now)
                envelopes: list[Envelope] = list(await self._buffer(steps, now))
                return envelopes + self.chunker.close(close_status(reason), self.classifier.stats)
        return list(await self._buffer(steps, now))

    async def _buffer(self, steps: list[Step], now: float) -> list[ChunkEnvelope]:
        """Scrub, journal (durably), then hand to the chunker: a step is on disk before it is only in memory."""
        scrubbed = [scrub_step(s) for s in steps]
        if scrubbed:
            await trio.to_thread.run_sync(self.journal.append, scrubbed)
        return self.chunker.add(scrubbed, now=now)

    def _classified(self, parsed: ParsedStep, now: float) -> list[Step]:
        if self.spec.model is None and parsed.model and self.chunker.metadata.model_engine != parsed.model:
            # The stream names its model: later chunks carry it (the host did not say which it started).
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


@attrs.define(eq=False)
class AgentHandle:
    """What the host holds for one agent: non-blocking feeds into its CaptureActor."""

    session_id: str
    inbox: trio.MemorySendChannel[Message]
    actor: CaptureActor
    dropped_lines: int = 0

    def _put(self, message: Message) -> None:
        try:
            self.inbox.send_nowait(message)
        except trio.WouldBlock:
            self.dropped_lines += 1
        except (trio.ClosedResourceError, trio.BrokenResourceError):
            pass  # capture already ended for this agent

    def stdout_line(self, line: str) -> None:
        self._put(StdoutLine(line))

    def user_message(self, text: str) -> None:
        self._put(UserInput(text))

    def coordination(self, event: CoordinationEvent) -> None:
        self._put(Coordination(event))

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
    sender: Sender | None = None
    agents: list[AgentHandle] = attrs.Factory(list)

    def spawn(self, spec: AgentSpec) -> AgentHandle:
        session_id = f"sess_{uuid.uuid4()}"
        install = consent.install_id(self.home)
        self.spool.create(
            SpooledSession(
                session_id=session_id,
                server_url=self.server_url or "",
                provider=spec.provider,
                model=spec.model or "unknown",
                machine_fingerprint=machine_fingerprint(install),
                app_version_hash=APP_VERSION_HASH,
                groove_version=GROOVE_VERSION,
                created_at=time.time(),
            )
        )
        self.spool.prune(now=time.time(), keep=session_id)
        send, receive = trio.open_memory_channel[Message](AGENT_INBOX)
        actor = CaptureActor(spec, session_id, receive, self.spool, self.wake_sender.clone(), install)
        self.nursery.start_soon(actor.run_guarded)
        handle = AgentHandle(session_id, send, actor)
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
    home: Path, server_url: str | None, *, deliver: bool = True
) -> AsyncIterator[CaptureService]:
    """Run capture (and delivery to `server_url`) for the block; call it only after consent was checked."""
    spool = Spool(home / "spool")
    await trio.to_thread.run_sync(recover_orphans, spool)
    await trio.to_thread.run_sync(lambda: spool.prune(now=time.time()))
    wake_send, wake_receive = trio.open_memory_channel[None](1)
    http = httpx.AsyncClient(base_url=server_url or "http://127.0.0.1:1", timeout=30)
    async with http, trio.open_nursery() as nursery:
        sender = None
        if deliver and server_url:
            sender = Sender(spool, http, server_url)
            await nursery.start(sender.run, wake_receive)
        service = CaptureService(nursery, spool, home, server_url, wake_send, sender)
        try:
            yield service
        finally:
            nursery.cancel_scope.cancel()
