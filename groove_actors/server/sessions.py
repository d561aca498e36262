"""The session directory and one verifier actor per active session (ARCHITECTURE "SessionVerifier").

A verifier owns its session's secret and next sequence and handles its inbox strictly in order, so two
envelopes of one session are never judged at the same time, and a SESSION_CLOSE and a /v1/sessions/close
of the same session are ordered too. Verifiers are started on demand from the catalog and stop after an idle
timeout, so memory follows the active sessions, not every session ever opened.

The directory is a plain object, not a task: deciding "running or not" and registering happen in one
synchronous step (no checkpoint in between), so no message can reach a verifier after it decided to stop.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import attrs
import trio

from groove_actors import logs
from groove_actors.protocol import signing
from groove_actors.protocol.envelope import ReceivedEnvelope, Rejected
from groove_actors.protocol.validate import is_well_formed
from groove_actors.server.channels import reply
from groove_actors.server.reads import ReadPool
from groove_actors.server.verdicts import Accepted, QuarantineIt, Stored, StoreIt, judge_envelope
from groove_actors.server.writer import WriteRequest, ask_writer, store_refusal
from groove_actors.store import catalog
from groove_actors.store.catalog import EnvelopeEffects, EnvelopeRecord, SessionState
from groove_actors.store.contract import STORED_BEFORE, StoreDown
from groove_actors.store.embedded import CloseSession, Done, RequestClose, StoreEnvelope

VERIFIER_INBOX = 16  # a client sends one envelope at a time per session; more waiting means overload
IDLE_STOP_S = 300.0
# The most one session's envelopes may take: crediting holds a session in memory at about five times its size.
DEFAULT_MAX_SESSION_BYTES = 64 * 1024 * 1024
RECENT_HMACS = 8

UNKNOWN_SESSION = Rejected(404, "unknown session_id; open the session with POST /v1/sessions/open first")
VERIFIER_FAILED = Rejected(503, "this session's verifier failed; retry shortly", retry_after=1.0)


@attrs.frozen
class Closed:
    already_closed: bool


@attrs.frozen
class Ingest:
    envelope: ReceivedEnvelope
    reply_to: trio.MemorySendChannel[Accepted | Rejected]


@attrs.frozen
class CloseRequest:
    reply_to: trio.MemorySendChannel[Closed | Rejected]


@attrs.frozen
class Finalize:
    """The close grace period or the idle timeout ran out (from the reaper)."""

    reason: str
    status: str


Message = Ingest | CloseRequest | Finalize


@attrs.frozen
class VerifierDeps:
    writer: trio.MemorySendChannel[WriteRequest]
    reads: ReadPool
    credit_wakeup: trio.MemorySendChannel[None]
    wall_clock: Callable[[], float] = time.time
    idle_stop_s: float = IDLE_STOP_S
    max_session_bytes: int | None = DEFAULT_MAX_SESSION_BYTES


@attrs.define(eq=False)
class SessionDirectory:
    """Finds or starts the verifier of a session and hands it messages without ever waiting."""

    child_nursery: trio.Nursery
    deps: VerifierDeps
    _inboxes: dict[str, trio.MemorySendChannel[Message]] = attrs.Factory(dict)

    def deliver(self, session_id: str, message: Message) -> bool:
        """Queue a message for a session's verifier; False when its inbox is full (answer 503)."""
        inbox = self._inboxes.get(session_id)
        if inbox is None:
            inbox, receive = trio.open_memory_channel[Message](VERIFIER_INBOX)
            self._inboxes[session_id] = inbox
            verifier = SessionVerifier(session_id, receive, self.deps, self)
            self.child_nursery.start_soon(verifier.run_guarded)
        try:
            inbox.send_nowait(message)
        except trio.WouldBlock:
            return False
        return True

    def forget(self, session_id: str, receive: trio.MemoryReceiveChannel[Message]) -> bool:
        """Unregister a verifier if its inbox is empty; False if messages are waiting (it must go on)."""
        if receive.statistics().current_buffer_used:
            return False
        self.discard(session_id)
        return True

    def discard(self, session_id: str) -> None:
        """Unregister a verifier that is stopping whatever its inbox holds (it answers what is left)."""
        inbox = self._inboxes.pop(session_id, None)
        if inbox is not None:
            inbox.close()

    @property
    def running(self) -> int:
        return len(self._inboxes)


@attrs.define(eq=False)
class SessionVerifier:
    """Owns: one session's secret, next sequence, status and recently stored HMACs.
    Inbox: Ingest, CloseRequest and Finalize messages, handled one at a time in arrival order.
    Replies: Accepted / Rejected to Ingest, Closed / Rejected to CloseRequest.
    Stops when: idle for `idle_stop_s`, or its session is closed, with an empty inbox; or the session is unknown.
    """

    session_id: str
    inbox: trio.MemoryReceiveChannel[Message]
    deps: VerifierDeps
    directory: SessionDirectory
    state: SessionState | None = None
    recent: dict[int, Stored] = attrs.Factory(dict)
    full: bool = False  # a chunk was refused because the session holds all it may: it takes no more chunks

    async def run_guarded(self) -> None:
        """Run; a failure fails this session's requests, not the server (the server's one broad except)."""
        try:
            await self.run()
        except Exception as exc:
            if not isinstance(exc, StoreDown):  # a database away is said once, by the writer or the prober
                logs.event(
                    "verifier.failed",
                    level=40,
                    session_id=self.session_id,
                    error=f"{type(exc).__name__}: {exc}",
                )
            self.directory.discard(self.session_id)
            self._drain_with(VERIFIER_FAILED)

    async def run(self) -> None:
        self.state = await self.deps.reads.run(catalog.load_session, self.session_id)
        if self.state is None:
            self.directory.discard(self.session_id)
            self._drain_with(UNKNOWN_SESSION)
            return
        while True:
            message: Message | None = None
            with trio.move_on_after(self.deps.idle_stop_s):
                message = await self.inbox.receive()
            if message is not None:
                await self.handle(message)
                if self.state.status == "open":
                    continue
                # A closed session only ever gets retries now; the catalog answers those just as well.
            if self.directory.forget(self.session_id, self.inbox):
                return

    def _drain_with(self, answer: Rejected) -> None:
        while True:
            try:
                message = self.inbox.receive_nowait()
            except (trio.WouldBlock, trio.EndOfChannel, trio.ClosedResourceError):
                return
            if isinstance(message, Ingest | CloseRequest):
                reply(message.reply_to, answer)

    async def handle(self, message: Message) -> None:
        match message:
            case Ingest(envelope=envelope, reply_to=to):
                reply(to, await self.ingest(envelope))
            case CloseRequest(reply_to=to):
                reply(to, await self.request_close())
            case Finalize(reason=reason, status=status):
                await self.finalize(reason, status)

    async def ingest(self, envelope: ReceivedEnvelope) -> Accepted | Rejected:
        state = self.state
        assert state is not None
        hmac_valid: bool | None = None  # no secret: the session closed (or its key was lost)
        if state.secret:
            hmac_valid = envelope.sequence is not None and signing.verify_body(
                state.secret, envelope.sequence, envelope.raw, None, envelope.session_hmac or ""
            )
        stored = None
        if (
            hmac_valid is not False
            and envelope.sequence is not None
            and envelope.sequence < state.next_sequence
        ):
            stored = await self._stored(envelope.sequence)
        verdict = judge_envelope(
            envelope,
            closed=state.status != "open",
            next_sequence=state.next_sequence,
            hmac_valid=hmac_valid,
            stored=stored,
            stored_bytes=state.stored_bytes,
            max_stored_bytes=self.deps.max_session_bytes,
        )
        match verdict:
            case StoreIt():
                return await self._store(envelope, None)
            case QuarantineIt(refusal=refusal):
                # The session is full if a chunk was refused for its size (the only 413 judge_envelope gives).
                self.full = self.full or refusal.status == 413
                return await self._store(envelope, refusal)
        return verdict

    async def _store(self, envelope: ReceivedEnvelope, refusal: Rejected | None) -> Accepted | Rejected:
        """Store an envelope (or keep it aside with its refusal) and use its sequence."""
        state = self.state
        assert state is not None and envelope.sequence is not None and envelope.session_hmac is not None
        now = self.deps.wall_clock()
        record = EnvelopeRecord(
            session_id=self.session_id,
            sequence=envelope.sequence,
            # A refused envelope's fields may be anything: only well-formed text reaches the catalog.
            envelope_id=envelope.envelope_id if is_well_formed(envelope.envelope_id) else "",
            kind=envelope.kind,
            hmac=envelope.session_hmac,
            body=envelope.raw,
            steps=envelope.steps if refusal is None else 0,
            contributor_id=envelope.contributor_id,
            provider=envelope.provider,
            model=envelope.model,
            close_status=envelope.close_status,
            signal=envelope.signal,
            refusal_status=None if refusal is None else refusal.status,
            refusal_reason=None if refusal is None else refusal.kept_text(),
        )
        outcome = await ask_writer(self.deps.writer, StoreEnvelope(record))
        if not isinstance(outcome, Done):
            return store_refusal(outcome)
        kept_aside = None if refusal is None else attrs.evolve(refusal, quarantined=True)
        self.recent[envelope.sequence] = Stored(envelope.session_hmac, kept_aside)
        if len(self.recent) > RECENT_HMACS:
            del self.recent[min(self.recent)]
        closed = isinstance(outcome.detail, EnvelopeEffects) and outcome.detail.closed_session
        self.state = attrs.evolve(
            state,
            next_sequence=envelope.sequence + 1,
            last_activity_at=now,
            stored_bytes=state.stored_bytes + (len(envelope.raw) if record.counted else 0),
            status="closed" if closed else state.status,
        )
        if closed:
            self._wake_credit_pipeline()
        # Stored before by another process (a shared store): a duplicate, as one this verifier remembers.
        return kept_aside or Accepted(envelope.envelope_id, duplicate=outcome.detail is STORED_BEFORE)

    async def _stored(self, sequence: int) -> Stored | None:
        if sequence in self.recent:
            return self.recent[sequence]
        found = await self.deps.reads.run(catalog.stored_envelope, self.session_id, sequence)
        if found is None:
            return None
        hmac_hex, status, reason = found
        refusal = None if status is None else Rejected.kept(status, reason or "")
        return Stored(hmac_hex, refusal)

    async def request_close(self) -> Closed | Rejected:
        """Someone asked to close the session; the request carries no signature, so anyone may send it.

        It finalizes nothing that its owner could still add to: an open session stays open until its own
        (signed) SESSION_CLOSE arrives or it falls silent for the idle timeout, and every authentic envelope
        until then is taken. Only a session that is full, and so takes no more chunks, is finalized when the
        close grace period has passed (its SESSION_CLOSE is still taken until then).
        """
        state = self.state
        assert state is not None
        if state.status != "open":
            return Closed(already_closed=True)
        logs.event("session.close_requested", session_id=self.session_id, full=self.full)
        if self.full and state.close_requested_at is None:
            now = self.deps.wall_clock()
            outcome = await ask_writer(self.deps.writer, RequestClose(self.session_id, now))
            if not isinstance(outcome, Done):
                return store_refusal(outcome)
            self.state = attrs.evolve(state, close_requested_at=now)
        return Closed(already_closed=False)

    async def finalize(self, reason: str, status: str) -> None:
        state = self.state
        assert state is not None
        if state.status != "open":
            return
        now = self.deps.wall_clock()
        outcome = await ask_writer(self.deps.writer, CloseSession(self.session_id, now, reason, status))
        if isinstance(outcome, Done):
            self.state = attrs.evolve(state, status="closed", secret=b"")
            logs.event("session.closed", session_id=self.session_id, reason=reason)
            self._wake_credit_pipeline()

    def _wake_credit_pipeline(self) -> None:
        # A full channel means a wake-up is pending; the pipeline reads every pending mark when it runs.
        with contextlib.suppress(trio.WouldBlock):
            self.deps.credit_wakeup.send_nowait(None)
