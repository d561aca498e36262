"""The durable spool: every envelope is on disk (fsynced) before any network I/O, until the server acked it.

Layout under GROOVE_HOME/spool:
  <session_id>/session.json   the session's state (atomic rewrite): server, ids, secret once opened, the
                              next sequence number and the index of the last acknowledged envelope
  <session_id>/NNNNNNNN.json  unsigned envelopes in the order they were made; signing happens when sending,
                              with the session's next sequence, so a rejected envelope leaves no gap
  quarantine/                 envelopes the server refused for good (kept for inspection, reported by status)
An envelope is done when session.json says it was acknowledged: the state is written first and the file removed
after, so a crash in between only leaves a file that is known to be done. A retry after a lost response sends
the same bytes (same sequence, same secret), which the server answers as a duplicate.

Size policy: when the spool exceeds `max_bytes`, whole sessions are dropped oldest first (never the newest one),
and sessions older than the server's 7-day window are dropped (the server would refuse their timestamps); both
are logged with a count. All methods block on disk: callers in Trio use trio.to_thread.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from client_actors.consent import write_private
from groove_actors import logs
from groove_actors.protocol import jsjson

SESSION_FILE = "session.json"
QUARANTINE = "quarantine"
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
MAX_AGE_S = 7 * 86_400


@attrs.frozen
class SpooledSession:
    session_id: str
    server_url: str
    provider: str
    model: str
    machine_fingerprint: str
    app_version_hash: str
    groove_version: str
    created_at: float
    secret_hex: str | None = None
    next_sequence: int = 0
    acked_index: int = 0
    closed_by_envelope: bool = False
    # The id the server knows the rest of this session by, when it is no longer the local one (see readdress).
    server_session_id: str | None = None

    @property
    def opened(self) -> bool:
        return self.secret_hex is not None

    @property
    def wire_id(self) -> str:
        """The session id sent to the server: in the open request and in every envelope."""
        return self.server_session_id or self.session_id


@attrs.frozen
class SpoolStatus:
    sessions: int
    envelopes: int
    bytes: int
    quarantined: int


@attrs.define(eq=False)
class Spool:
    root: Path
    max_bytes: int = DEFAULT_MAX_BYTES

    def __attrs_post_init__(self) -> None:
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(self.root, 0o700)

    def _dir(self, session_id: str) -> Path:
        if not session_id or "/" in session_id or session_id.startswith("."):
            raise ValueError(f"not a usable session id: {session_id!r}")
        return self.root / session_id

    def create(self, session: SpooledSession) -> None:
        self._dir(session.session_id).mkdir(mode=0o700, exist_ok=True)
        self.save(session)

    def save(self, session: SpooledSession) -> None:
        write_private(
            self._dir(session.session_id) / SESSION_FILE, json.dumps(attrs.asdict(session)).encode()
        )

    def load(self, session_id: str) -> SpooledSession:
        document = json.loads((self._dir(session_id) / SESSION_FILE).read_text("utf-8"))
        return SpooledSession(**document)

    def sessions(self) -> list[SpooledSession]:
        """Spooled sessions, oldest first."""
        found = []
        for path in self.root.iterdir():
            if path.is_dir() and (path / SESSION_FILE).exists():
                found.append(self.load(path.name))
        return sorted(found, key=lambda s: (s.created_at, s.session_id))

    def append(self, session_id: str, envelope: Mapping[str, Any]) -> int:
        """Spool one unsigned envelope durably; returns its index (1, 2, ...) within the session."""
        directory = self._dir(session_id)
        indexes = self._indexes(directory)
        index = max(indexes, default=self.load(session_id).acked_index) + 1
        write_private(directory / f"{index:08d}.json", jsjson.stringify_bytes(dict(envelope)))
        return index

    def pending(self, session: SpooledSession) -> list[tuple[int, dict[str, Any]]]:
        """Envelopes not yet acknowledged, in order."""
        directory = self._dir(session.session_id)
        out = []
        for index in self._indexes(directory):
            if index > session.acked_index:
                out.append((index, jsjson.parse((directory / f"{index:08d}.json").read_bytes())))
        return out

    def acked(self, session: SpooledSession, index: int, *, session_close: bool = False) -> SpooledSession:
        """Record that envelope `index` is acknowledged under the session's next sequence, then drop it."""
        done = attrs.evolve(
            session,
            acked_index=index,
            next_sequence=session.next_sequence + 1,
            closed_by_envelope=session.closed_by_envelope or session_close,
        )
        self.save(done)
        (self._dir(session.session_id) / f"{index:08d}.json").unlink(missing_ok=True)
        return done

    def quarantine(self, session: SpooledSession, index: int, reason: str) -> SpooledSession:
        """Move a refused envelope aside with the server's reason; the session goes on without it."""
        target = self.root / QUARANTINE
        target.mkdir(mode=0o700, exist_ok=True)
        source = self._dir(session.session_id) / f"{index:08d}.json"
        name = f"{session.session_id}.{index:08d}"
        if source.exists():
            os.replace(source, target / f"{name}.json")
        write_private(target / f"{name}.reason.txt", reason.encode())
        skipped = attrs.evolve(session, acked_index=index)
        self.save(skipped)
        return skipped

    def readdress(self, session: SpooledSession, server_session_id: str) -> SpooledSession:
        """Send what is left of a session to the server under a fresh id, to be opened anew.

        The local id (the directory, where a live capture goes on appending) stays; the sender puts
        `wire_id` into each envelope as it signs it.
        """
        readdressed = attrs.evolve(
            session, server_session_id=server_session_id, secret_hex=None, next_sequence=0
        )
        self.save(readdressed)
        return readdressed

    def finish(self, session: SpooledSession) -> None:
        shutil.rmtree(self._dir(session.session_id), ignore_errors=True)

    def prune(self, *, now: float, keep: str | None = None) -> tuple[int, int]:
        """Drop sessions past the 7-day window and, beyond `max_bytes`, the oldest; (aged, over-size) counts."""
        aged = over = 0
        sessions = self.sessions()
        for session in sessions:
            if now - session.created_at > MAX_AGE_S and session.session_id != keep:
                self.finish(session)
                aged += 1
        live = [s for s in sessions if now - s.created_at <= MAX_AGE_S or s.session_id == keep]
        total = sum(self._size(s.session_id) for s in live)
        for session in live[:-1]:
            if total <= self.max_bytes:
                break
            if session.session_id == keep:
                continue
            total -= self._size(session.session_id)
            self.finish(session)
            over += 1
        if aged or over:
            logs.event("spool.pruned", level=logging.WARNING, expired_sessions=aged, oversize_sessions=over)
        return aged, over

    def status(self) -> SpoolStatus:
        sessions = self.sessions()
        envelopes = sum(len(self._indexes(self._dir(s.session_id))) for s in sessions)
        size = sum(self._size(s.session_id) for s in sessions)
        quarantine = self.root / QUARANTINE
        quarantined = len(list(quarantine.glob("*.reason.txt"))) if quarantine.exists() else 0
        return SpoolStatus(len(sessions), envelopes, size, quarantined)

    def _size(self, session_id: str) -> int:
        directory = self._dir(session_id)
        return sum(p.stat().st_size for p in directory.iterdir()) if directory.exists() else 0

    @staticmethod
    def _indexes(directory: Path) -> list[int]:
        return sorted(int(p.stem) for p in directory.glob("*.json") if p.stem.isdigit())
