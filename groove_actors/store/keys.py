"""The key file: the HMAC secrets of live sessions, kept apart from the envelope log so they can be dropped.

The envelope log is append-only and kept forever; a session's secret is needed only while the session can
take envelopes: while it is open, and for the feedback window after it closes (USER_FEEDBACK follows the
SESSION_CLOSE). So secrets live in the catalog (cleared when that window ends) and, for rebuilding the
catalog from the log, in this small file: one `session_id<TAB>hex secret` line per open, appended and
fsynced before the open is committed. The file is rewritten with only the secrets the catalog still holds at
start-up and whenever dropped secrets make up most of it, so a dropped secret does not linger.

Resource handling: a KeyFile owns `session-keys` in the data dir; its methods block on disk I/O and are
called from the store's single writer (or from recovery, before any actor starts).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from groove_actors.store.segments import fsync_directory, write_all

KEY_FILE = "session-keys"
COMPACT_SLACK = 64  # dropped secrets tolerated beyond the live ones before the file is rewritten


@attrs.define(eq=False)
class KeyFile:
    path: Path
    live: int = 0  # secrets in the file whose session is open, as far as the writer knows
    dead: int = 0  # secrets in the file whose session has closed since the last rewrite

    def load(self) -> dict[str, bytes]:
        """Every secret in the file, by session id (a later line wins; a torn last line is ignored)."""
        if not self.path.exists():
            return {}
        secrets: dict[str, bytes] = {}
        for line in self.path.read_bytes().split(b"\n"):
            session_id, tab, hex_secret = line.partition(b"\t")
            if not tab:
                continue
            try:
                secrets[session_id.decode()] = bytes.fromhex(hex_secret.decode())
            except ValueError:
                continue  # a torn last line: its open was never committed
        return secrets

    def append(self, secrets: Iterable[tuple[str, bytes]]) -> None:
        """Add secrets durably (fsynced) before their opens are committed."""
        lines = b"".join(f"{sid}\t{secret.hex()}\n".encode() for sid, secret in secrets)
        if not lines:
            return
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            write_all(fd, lines)
            os.fsync(fd)
        finally:
            os.close(fd)
        self.live += lines.count(b"\n")

    def dropped(self, count: int) -> bool:
        """Note closed sessions; True when the file should now be rewritten (`rewrite`)."""
        self.live -= count
        self.dead += count
        return self.dead > self.live + COMPACT_SLACK

    def rewrite(self, secrets: Mapping[str, bytes]) -> None:
        """Replace the file with exactly `secrets` (the open sessions'), atomically."""
        temporary = self.path.with_name(self.path.name + ".new")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            write_all(fd, b"".join(f"{sid}\t{secret.hex()}\n".encode() for sid, secret in secrets.items()))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, self.path)
        fsync_directory(self.path.parent)
        self.live, self.dead = len(secrets), 0
