"""The sender: one actor per server, delivering the spool in order (ARCHITECTURE "Client actors").

It opens a session (ECDH) once the session holds an envelope and the server is reachable, signs each envelope
with the session's next sequence at send time, sends a session's envelopes strictly in order, sends SESSION_CLOSE
only after every chunk before it was acknowledged (order does that), and calls /v1/sessions/close only after the
SESSION_CLOSE was acknowledged.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable
from functools import partial
from typing import Any

import attrs
import httpx
import trio

from client_actors.delivery import (
    MIN_WAIT_S,
    Acked,
    Decision,
    Quarantine,
    Reopen,
    RetryLater,
    SessionClosed,
    SessionFull,
    backoff_s,
    judge_ingest_answer,
    judge_open_answer,
    retry_after,
    same_server,
)
from client_actors.spool import Spool, SpooledSession
from groove_actors import logs
from groove_actors.errors import PeerError
from groove_actors.protocol import ecdh, jsjson, signing

APP_VERSION_HASH_FIELD = "app_version_hash"


@attrs.define(eq=False)
class Sender:
    """Owns: the HTTP connection pool to one server and the order of delivery.
    Inbox: wake-ups (None) sent whenever something was spooled; it also wakes itself when a retry is due.
    Replies: none; progress is the spool shrinking (and `delivered`, `last_error` for status).
    Stops when: cancelled, or the wake-up channel is closed and everything deliverable was tried.
    """

    spool: Spool
    http: httpx.AsyncClient
    server_url: str
    takes_all: bool = False  # deliver every spooled session here (`flush --server`), not only this server's
    wall_clock: Callable[[], float] = time.time
    rng: random.Random = attrs.Factory(random.Random)
    attempts: int = 0
    delivered: int = 0
    refused: int = 0  # envelopes the server refused for good (quarantined) in this run
    last_error: str | None = None
    rounds_started: int = 0
    last_round: int = 0
    pending_after_round: bool = True
    _round_done: trio.Event = attrs.Factory(trio.Event)

    async def run(
        self,
        wakeups: trio.MemoryReceiveChannel[None],
        *,
        task_status: trio.TaskStatus[None] = trio.TASK_STATUS_IGNORED,
    ) -> None:
        async with wakeups:
            task_status.started()
            while True:
                self.rounds_started += 1
                wait = await self.deliver_all()
                self.last_round, self.pending_after_round = self.rounds_started, wait is not None
                done, self._round_done = self._round_done, trio.Event()
                done.set()
                with trio.move_on_after(wait if wait is not None else float("inf")):
                    try:
                        await wakeups.receive()
                    except trio.EndOfChannel:
                        if wait is None:
                            return
                        await trio.sleep(wait)

    def next_round(self) -> int:
        """The number the next delivery round will have; wake the sender after taking it."""
        return self.rounds_started + 1

    async def wait_for_round(self, number: int) -> None:
        """Return once round `number` or a later one finished with nothing left to deliver.

        The caller bounds the wait (`trio.move_on_after`): a server that stays away keeps the spool full.
        """
        while not (self.last_round >= number and not self.pending_after_round):
            await self._round_done.wait()

    async def deliver_all(self) -> float | None:
        """Try every spooled session of this server once; seconds until a retry is due, or None if all done."""
        sessions = await trio.to_thread.run_sync(self.spool.sessions)
        retry: float | None = None
        for session in sessions:
            if not self.takes(session):
                continue
            wait = await self.deliver_guarded(session)
            if wait is not None:
                retry = wait if retry is None else min(retry, wait)
        if retry is None:
            self.attempts = 0
        return retry

    def takes(self, session: SpooledSession) -> bool:
        """This sender's sessions: those recorded for its server (however spelled) or for none."""
        return self.takes_all or not session.server_url or same_server(session.server_url, self.server_url)

    async def deliver_guarded(self, session: SpooledSession) -> float | None:
        """Deliver one session; a failure of ours or a damaged file leaves it waiting, with the reason.

        The sender's one broad except: whatever one session's delivery trips on must not stop the delivery
        of the others, nor reach the agent whose output flows through the same process.
        """
        try:
            return await self.deliver_session(session)
        except Exception as exc:
            reason = f"{type(exc).__name__}: {exc}"
            if reason != self.last_error:
                logs.event("delivery.failed", level=40, session_id=session.session_id, error=reason)
            self.last_error = reason
            return self._retry_in(None)

    async def deliver_session(self, session: SpooledSession) -> float | None:
        if not session.opened and not await trio.to_thread.run_sync(self.spool.waiting, session.session_id):
            return None  # nothing to send yet: a session is opened with its first envelope, never empty
        if not session.opened:
            opened = await self._open(session)
            if not isinstance(opened, SpooledSession):
                return opened
            session = opened
        for index, envelope in await trio.to_thread.run_sync(self.spool.pending, session):
            result = await self._send(session, index, envelope)
            if not isinstance(result, SpooledSession):
                return result
            session = result
        if not session.closed_by_envelope:
            return None  # still being captured: more envelopes will come
        return await self._close_endpoint(session)

    async def _send(
        self, session: SpooledSession, index: int, envelope: dict[str, Any]
    ) -> SpooledSession | float:
        secret = bytes.fromhex(session.secret_hex or "")
        envelope["session_id"] = session.wire_id
        unsigned = {k: v for k, v in envelope.items() if k != "attestation"}
        attestation = envelope.get("attestation") or {}
        envelope["attestation"] = {
            "session_hmac": signing.sign_envelope(secret, session.next_sequence, unsigned),
            "sequence": session.next_sequence,
            APP_VERSION_HASH_FIELD: attestation.get(APP_VERSION_HASH_FIELD) or session.app_version_hash,
        }
        body = jsjson.stringify_bytes(envelope)
        decision = await self._post("/v1/training/ingest", body, judge_ingest_answer)
        is_close = envelope.get("type") == "SESSION_CLOSE"
        match decision:
            case Acked():
                self.delivered += 1
                self.attempts = 0
                return await trio.to_thread.run_sync(
                    lambda: self.spool.acked(session, index, session_close=is_close)
                )
            case (
                Quarantine(reason=reason, consumed=consumed) | SessionClosed(reason=reason, consumed=consumed)
            ):
                self.refused += 1
                logs.event("delivery.quarantined", session_id=session.session_id, index=index, reason=reason)
                return await trio.to_thread.run_sync(
                    partial(self.spool.quarantine, session, index, reason, consumed=consumed)
                )
            case Reopen():
                await self._reopen(session)
                return 0.0
            case SessionFull():
                return await self._continue_elsewhere(session)
            case RetryLater(after_s=after, reason=reason):
                self.last_error = reason
                return self._retry_in(after)
        raise AssertionError(decision)

    async def _open(self, session: SpooledSession) -> SpooledSession | float:
        pair = ecdh.generate_key_pair()
        request = {
            "session_id": session.wire_id,
            "public_key": pair.public_b64,
            "provider": session.provider,
            "model": session.model,
            "machine_fingerprint": session.machine_fingerprint,
            "app_version_hash": session.app_version_hash,
            "groove_version": session.groove_version,
        }
        response = await self._request("/v1/sessions/open", jsjson.stringify_bytes(request))
        if response is None:
            return self._retry_in(None)
        decision = judge_open_answer(response.status_code, _json(response), response.headers)
        match decision:
            case Acked():
                try:
                    key = ecdh.load_public_key(str(_json(response).get("server_public_key")))
                except PeerError as exc:  # not a key: a broken or foreign server, not ours to give up on
                    self.last_error = f"the server's answer to the open holds no valid key: {exc.reason}"
                    return self._retry_in(None)
                secret = ecdh.derive_shared_secret(pair.private_key, key)
                opened = attrs.evolve(
                    session, secret_hex=secret.hex(), next_sequence=0, server_url=self.server_url
                )
                await trio.to_thread.run_sync(self.spool.save, opened)
                return opened
            case Reopen():
                await self._reopen(session)
                return 0.0
            case RetryLater(after_s=after, reason=reason):
                self.last_error = reason
                return self._retry_in(after)
            case _:
                logs.event("delivery.open_refused", session_id=session.session_id, reason=str(decision))
                self.last_error = str(decision)
                return self._retry_in(None)

    async def _reopen(self, session: SpooledSession) -> None:
        """The server refuses the id (taken, or forgotten): deliver what is left under a fresh one."""
        new_id = f"sess_{uuid.uuid4()}"
        logs.event("delivery.reopened", old_session_id=session.wire_id, session_id=new_id)
        await trio.to_thread.run_sync(self.spool.readdress, session, new_id)

    async def _continue_elsewhere(self, session: SpooledSession) -> float:
        """The server holds this session as full: close it there (it is credited for what it has) and
        deliver the rest, from the refused chunk on, as a new session."""
        wait = await self._post_close(session)
        if wait is not None:
            return wait
        logs.event("delivery.session_full", session_id=session.wire_id)
        await self._reopen(session)
        return 0.0

    async def _close_endpoint(self, session: SpooledSession) -> float | None:
        """After the SESSION_CLOSE was acknowledged: tell the server, then forget the session here."""
        wait = await self._post_close(session)
        if wait is None:
            await trio.to_thread.run_sync(self.spool.finish, session)
        return wait

    async def _post_close(self, session: SpooledSession) -> float | None:
        """POST /v1/sessions/close for the session: None once the server answered, else when to try again."""
        body = jsjson.stringify_bytes({"session_id": session.wire_id})
        response = await self._request("/v1/sessions/close", body)
        if response is None:
            return self._retry_in(None)
        if response.status_code in (429, 503) or response.status_code >= 500:
            return self._retry_in(retry_after(response.headers))
        return None

    async def _post(self, path: str, body: bytes, judge: Callable[..., Decision]) -> Decision:
        response = await self._request(path, body)
        if response is None:
            return RetryLater(None, self.last_error or "network error")
        return judge(response.status_code, _json(response), response.headers)

    async def _request(self, path: str, body: bytes) -> httpx.Response | None:
        try:
            return await self.http.post(path, content=body, headers={"Content-Type": "application/json"})
        except httpx.HTTPError as exc:
            self.last_error = f"{type(exc).__name__}: {exc}"
            return None

    def _retry_in(self, after: float | None) -> float:
        """When to try again: what the server asked, but never sooner than the backoff or MIN_WAIT_S."""
        self.attempts += 1
        return max(MIN_WAIT_S, after or 0.0, backoff_s(self.attempts, self.rng))


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None
