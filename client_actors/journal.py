"""The step journal: steps not yet in a spooled chunk, on disk, so that killing the client loses none.

A CaptureActor appends every scrubbed step to `<spool>/<session>/journal.jsonl` (fsynced) before it buffers the
step for the next chunk, and rewrites the journal to what is still buffered each time chunks were spooled. It holds
an exclusive lock on `capture.lock` while it lives. `recover_orphans`, run when a capture service starts, finds
sessions whose capture died (lock free, identity still there), chunks what their journal holds, closes them as
CRASH and spools that: the steps arrive, and the server's stitcher drops a step sent twice (a crash between
spooling a chunk and rewriting the journal) as an exact repeat.

Resource handling: one Journal per live session, used from a worker thread; the lock goes with the open file.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
import uuid
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from client_actors.chunker import Chunker, envelope_json
from client_actors.classify import SessionStats
from client_actors.consent import write_private
from client_actors.spool import Spool
from groove_actors import logs
from groove_actors.errors import PeerError
from groove_actors.protocol import jsjson
from groove_actors.protocol.convert import WIRE, structure_steps, unstructure
from groove_actors.protocol.models import Metadata, Step

JOURNAL = "journal.jsonl"
IDENTITY = "capture.json"
LOCK = "capture.lock"


@attrs.define(eq=False)
class Journal:
    directory: Path
    _lock_fd: int = -1
    _fd: int = -1

    def open(self, *, metadata: Metadata, contributor_id: str) -> None:
        """Take the session's lock and record what a recovery needs to close it."""
        self._lock_fd = os.open(self.directory / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        self._identity(metadata=unstructure(metadata), contributor_id=contributor_id, chunks=0)
        self._fd = os.open(self.directory / JOURNAL, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def _identity(self, **document: Any) -> None:
        write_private(self.directory / IDENTITY, json.dumps(document).encode())

    def append(self, steps: Sequence[Step]) -> None:
        if steps:
            os.write(self._fd, b"".join(jsjson.stringify_bytes(unstructure(s)) + b"\n" for s in steps))
            os.fsync(self._fd)

    def spooled(self, chunker: Chunker) -> None:
        """Chunks were spooled: keep only what is still buffered, and how many chunks there are."""
        document = json.loads((self.directory / IDENTITY).read_text("utf-8"))
        self._identity(**{**document, "chunks": chunker.chunks_made})
        lines = b"".join(jsjson.stringify_bytes(unstructure(s)) + b"\n" for s in chunker.buffered_steps)
        write_private(self.directory / (JOURNAL + ".new"), lines)
        os.replace(self.directory / (JOURNAL + ".new"), self.directory / JOURNAL)
        os.close(self._fd)
        self._fd = os.open(self.directory / JOURNAL, os.O_WRONLY | os.O_APPEND)

    def finish(self) -> None:
        """The SESSION_CLOSE is spooled: nothing is left to recover."""
        for name in (JOURNAL, IDENTITY):
            (self.directory / name).unlink(missing_ok=True)
        self.release()

    def release(self) -> None:
        for fd in (self._fd, self._lock_fd):
            if fd >= 0:
                os.close(fd)
        self._fd = self._lock_fd = -1


def _orphaned(directory: Path) -> int | None:
    """A lock fd when the session's capture is gone (lock free, identity left), else None."""
    if not (directory / IDENTITY).exists():
        return None
    fd = os.open(directory / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def recover_orphans(spool: Spool, *, now: float | None = None) -> int:
    """Close every session whose capture died, with the steps its journal kept; returns how many."""
    recovered = 0
    for session in spool.sessions():
        directory = spool.root / session.session_id
        fd = _orphaned(directory)
        if fd is None:
            continue
        journal = Journal(directory, lock_fd=fd)
        try:
            envelopes = _closing_envelopes(directory, session.session_id, now or time.time())
            for envelope in envelopes:
                spool.append(session.session_id, envelope)
        finally:
            journal.release()
        journal.finish()
        recovered += 1
        logs.event("capture.recovered", session_id=session.session_id, envelopes=len(envelopes))
    return recovered


def _closing_envelopes(directory: Path, session_id: str, now: float) -> list[dict[str, Any]]:
    identity = json.loads((directory / IDENTITY).read_text("utf-8"))
    steps = structure_steps(_journal_lines(directory / JOURNAL))
    chunker = Chunker(
        session_id=session_id,
        contributor_id=identity["contributor_id"],
        metadata=WIRE.structure(identity["metadata"], Metadata),
        scrub_ruleset=identity["metadata"].get("scrub_ruleset") or "",
        new_envelope_id=lambda: f"env_{uuid.uuid4()}",
        first_chunk=identity["chunks"],
    )
    envelopes = chunker.add(steps, now=now) + chunker.close("CRASH", SessionStats(steps=len(steps)))
    return [envelope_json(e) for e in envelopes]


def _journal_lines(path: Path) -> list[dict[str, Any]]:
    lines: Iterable[bytes] = path.read_bytes().splitlines() if path.exists() else []
    out = []
    for line in lines:
        try:
            out.append(jsjson.parse(line))
        except PeerError:
            break  # a torn last line: the step it held was never buffered, so never acknowledged to anyone
    return out
