"""The durable spool: every envelope is on disk (fsynced) before any network I/O, until the server acked it.

Layout under GROOVE_HOME/spool:
  <session_id>/session.json   the session's state (atomic rewrite): server, ids, secret once opened, the
                              next sequence number and the index of the last acknowledged envelope
  <session_id>/NNNNNNNN.json  unsigned envelopes in the order they were made; signing happens when sending,
                              with the session's next sequence, so a rejected envelope leaves no gap
  quarantine/                 envelopes the server refused for good (kept for inspection, reported by status,
                              sent again by `groove-capture retry`)
  damaged/                    files that could not be read (moved aside with a one-line warning, so the rest
                              of the spool is delivered)
An envelope is done when session.json says it was acknowledged: the state is written first and the file removed
after, so a crash in between only leaves a file that is known to be done. A retry after a lost response sends
the same bytes (same sequence, same secret), which the server answers as a duplicate.

Size policy: when the spool exceeds `max_bytes`, whole sessions are dropped oldest first (never the newest one),
and sessions older than the server's 7-day window are dropped (the server would refuse their timestamps); both
are logged with a count. All methods block on disk: callers in Trio use trio.to_thread.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import shutil
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from client_actors.consent import write_private
from client_actors.delivery import same_server
from groove_actors import logs
from groove_actors.errors import PeerError
from groove_actors.protocol import jsjson

SESSION_FILE = "session.json"
QUARANTINE = "quarantine"
DAMAGED = "damaged"
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


_SESSION_FIELDS = frozenset(field.name for field in attrs.fields(SpooledSession))


class SpoolDamaged(ValueError):
    """A spool file that cannot be read as what it should be."""


@attrs.frozen
class SpoolStatus:
    sessions: int
    envelopes: int
    bytes: int
    quarantined: int
    damaged: int = 0
    unaddressed: int = 0  # sessions that record no server


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
        """The session's state; raises SpoolDamaged if its file is not one this client wrote.

        Members a later version added are ignored, so a spool written by a newer client still delivers.
        """
        path = self._dir(session_id) / SESSION_FILE
        try:
            document = json.loads(path.read_text("utf-8"))
            if not isinstance(document, dict):
                raise TypeError(f"a JSON {type(document).__name__}, not an object")
            return SpooledSession(**{k: v for k, v in document.items() if k in _SESSION_FIELDS})
        except (ValueError, TypeError) as exc:
            raise SpoolDamaged(f"{path}: {exc}") from None

    def sessions(self) -> list[SpooledSession]:
        """Spooled sessions, oldest first; a session whose state is unreadable is moved to damaged/."""
        found = []
        for path in self.root.iterdir():
            if path.name in (QUARANTINE, DAMAGED) or not path.is_dir() or not (path / SESSION_FILE).exists():
                continue
            try:
                found.append(self.load(path.name))
            except FileNotFoundError:
                continue  # removed meanwhile (delivered, or dropped by its capture for holding no step)
            except (SpoolDamaged, OSError) as exc:
                self._set_aside(path, f"{exc}")
        return sorted(found, key=lambda s: (s.created_at, s.session_id))

    def _set_aside(self, path: Path, reason: str) -> None:
        """Move an unreadable file or session directory to damaged/, and say so in one line."""
        target = self.root / DAMAGED
        target.mkdir(mode=0o700, exist_ok=True)
        name = path.name if path.parent == self.root else f"{path.parent.name}.{path.name}"
        os.replace(path, target / name)
        logs.event("spool.damaged", level=logging.WARNING, moved_to=str(target / name), reason=reason[:300])
        print(
            f"groove-capture: {path} could not be read ({reason[:200]}); moved to {target / name},"
            " the rest of the spool goes on",
            file=sys.stderr,
        )

    def append(self, session_id: str, envelope: Mapping[str, Any]) -> int:
        """Spool one unsigned envelope durably; returns its index (1, 2, ...) within the session."""
        directory = self._dir(session_id)
        indexes = self._indexes(directory)
        index = max(indexes, default=self.load(session_id).acked_index) + 1
        write_private(directory / f"{index:08d}.json", jsjson.stringify_bytes(dict(envelope)))
        return index

    def pending(self, session: SpooledSession) -> list[tuple[int, dict[str, Any]]]:
        """Envelopes not yet acknowledged, in order; an unreadable one is moved to damaged/ and skipped."""
        directory = self._dir(session.session_id)
        out = []
        for index in self._indexes(directory):
            if index <= session.acked_index:
                continue
            path = directory / f"{index:08d}.json"
            try:
                envelope = jsjson.parse(path.read_bytes())
                if not isinstance(envelope, dict):
                    raise SpoolDamaged(f"a JSON {type(envelope).__name__}, not an envelope")
            except (PeerError, SpoolDamaged, OSError) as exc:
                self._set_aside(path, getattr(exc, "reason", None) or str(exc))
                continue
            out.append((index, envelope))
        return out

    def waiting(self, session_id: str) -> int:
        """Envelopes of a session not yet acknowledged (0 once the session is done)."""
        directory = self.root / session_id
        return len(self._indexes(directory)) if directory.is_dir() else 0

    def quarantined(self, session_id: str | None = None) -> list[tuple[str, str]]:
        """(file name, the server's reason) of each envelope refused for good, of one session or all."""
        target = self.root / QUARANTINE
        if not target.is_dir():
            return []
        prefix = f"{session_id}." if session_id else ""
        found = []
        for reason_file in sorted(target.glob(f"{prefix}*.reason.txt")):
            name = reason_file.name.removesuffix(".reason.txt")
            found.append((name, reason_file.read_text("utf-8", errors="replace").strip()))
        return found

    def requeue(self, session_id: str | None = None) -> int:
        """Give quarantined envelopes (of one session, or all) back to their sessions to be sent again.

        An envelope goes after what its session still holds; a session that is gone (delivered and closed)
        gets a new spooled session holding its envelopes, opened anew on delivery. Returns how many.
        """
        target = self.root / QUARANTINE
        moved = 0
        for name, _ in self.quarantined(session_id):
            owner, _, _ = name.rpartition(".")
            source = target / f"{name}.json"
            if not source.exists():
                (target / f"{name}.reason.txt").unlink(missing_ok=True)
                continue
            envelope = jsjson.parse(source.read_bytes())
            session = self._session_for_requeue(owner, envelope)
            self.append(session.session_id, envelope)
            source.unlink()
            (target / f"{name}.reason.txt").unlink(missing_ok=True)
            moved += 1
        return moved

    def _session_for_requeue(self, owner: str, envelope: dict[str, Any]) -> SpooledSession:
        if (self.root / owner / SESSION_FILE).exists():
            with contextlib.suppress(SpoolDamaged):
                return self.load(owner)
        replacement = f"{owner}.r{secrets.token_hex(4)}"
        found = envelope.get("metadata")
        metadata: dict[str, Any] = found if isinstance(found, dict) else {}
        session = SpooledSession(
            session_id=replacement,
            server_url="",
            provider=str(metadata.get("provider") or "unknown"),
            model=str(metadata.get("model_engine") or "unknown"),
            machine_fingerprint="",
            app_version_hash="",
            groove_version=str(metadata.get("groove_version") or ""),
            created_at=time.time(),
        )
        self.create(session)
        return session

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

    def quarantine(
        self, session: SpooledSession, index: int, reason: str, *, consumed: bool = False
    ) -> SpooledSession:
        """Move a refused envelope aside with the server's reason; the session goes on without it.

        `consumed`: the server used the envelope's sequence number, so the next envelope takes the one after.
        """
        target = self.root / QUARANTINE
        target.mkdir(mode=0o700, exist_ok=True)
        source = self._dir(session.session_id) / f"{index:08d}.json"
        name = f"{session.session_id}.{index:08d}"
        if source.exists():
            os.replace(source, target / f"{name}.json")
        write_private(target / f"{name}.reason.txt", reason.encode())
        skipped = attrs.evolve(session, acked_index=index, next_sequence=session.next_sequence + consumed)
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
        damaged = self.root / DAMAGED
        return SpoolStatus(
            sessions=len(sessions),
            envelopes=envelopes,
            bytes=size,
            quarantined=len(self.quarantined()),
            damaged=len(list(damaged.iterdir())) if damaged.is_dir() else 0,
            unaddressed=sum(1 for s in sessions if not s.server_url),
        )

    def servers(self, given: str | None) -> set[str]:
        """The servers to deliver to: `given` if any, else each server the sessions record (once each)."""
        if given:
            return {given}
        found: list[str] = []
        for session in self.sessions():
            if session.server_url and not any(same_server(session.server_url, s) for s in found):
                found.append(session.server_url)
        return set(found)

    def _size(self, session_id: str) -> int:
        """Bytes a session's directory holds; files that vanish meanwhile (a live capture rewrites some) count 0."""
        total = 0
        with contextlib.suppress(FileNotFoundError):
            for entry in os.scandir(self._dir(session_id)):
                with contextlib.suppress(FileNotFoundError):
                    total += entry.stat().st_size
        return total

    @staticmethod
    def _indexes(directory: Path) -> list[int]:
        return sorted(int(p.stem) for p in directory.glob("*.json") if p.stem.isascii() and p.stem.isdigit())
