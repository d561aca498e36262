"""Where an agent's output waits when capture falls behind: a file beside the session, never the agent.

The host hands lines to capture without waiting (`AgentHandle.stdout_line`). When the capture actor's inbox
is full, the line, and everything after it until capture has caught up, is appended to `spill.jsonl` in the
session's spool directory; the actor reads it back in order once its inbox is empty. Only if the disk
refuses the write is anything dropped, and then it is counted with the reason, for the end of the run and
`groove-capture status`.

A record is a JSON array: `["line", text]`, `["user", text]`, `["coordination", {...}]` or `["end", reason]`.
Writes happen on the host's thread (a small append, no fsync: these are lines not yet steps); reads happen
in a worker thread of the actor, which gives the records back to the event loop to truncate the file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import attrs

SPILL_FILE = "spill.jsonl"
READ_BLOCK = 1 << 20


@attrs.define(eq=False)
class Spill:
    """Owns: the spill file of one session. Writes and `taken` on the event loop; `read` in a worker thread."""

    path: Path
    pending: int = 0  # records written and not yet taken
    dropped: int = 0
    drop_reason: str | None = None
    _fd: int = -1
    _read_at: int = 0

    def put(self, record: list[Any]) -> bool:
        """Append one record; False (counted, with the reason) if the disk refused it."""
        data = json.dumps(record).encode() + b"\n"  # ASCII escapes: any text, lone surrogates too
        try:
            if self._fd < 0:
                self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC, 0o600)
            view = memoryview(data)
            while view:
                view = view[os.write(self._fd, view) :]
        except OSError as exc:
            self.dropped += 1
            self.drop_reason = f"{exc.strerror or exc} ({self.path})"
            return False
        self.pending += 1
        return True

    def read(self, limit: int) -> tuple[list[list[Any]], int]:
        """Up to `limit` waiting records in order, and the offset after them (blocks on disk)."""
        records: list[list[Any]] = []
        offset = self._read_at
        want = min(limit, self.pending)
        while len(records) < want:
            block = os.pread(self._fd, READ_BLOCK, offset)
            lines = block.split(b"\n")[:-1]  # the last piece is incomplete (or empty)
            if not lines:
                break
            for line in lines[: want - len(records)]:
                records.append(json.loads(line))
                offset += len(line) + 1
        return records, offset

    def taken(self, count: int, offset: int) -> None:
        """Records were read: forget them, and empty the file once nothing waits (on the event loop)."""
        self.pending -= count
        self._read_at = offset
        if self.pending == 0 and self._fd >= 0:
            os.ftruncate(self._fd, 0)
            self._read_at = 0

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
        if self.pending == 0:
            self.path.unlink(missing_ok=True)
