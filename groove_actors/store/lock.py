"""One process at a time per data dir: the server, `rebuild` and `check` each hold the data dir's lock."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from groove_actors.errors import ConfigError

LOCK_FILE = "lock"


class DataDirBusy(ConfigError):
    """Another process holds the data dir."""


@contextmanager
def hold_data_dir(data_dir: Path) -> Iterator[None]:
    """Hold the data dir's lock (a flock, released when the process ends however it ends).

    Raises DataDirBusy at once if another process holds it.
    """
    fd = os.open(data_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DataDirBusy(
                f"{data_dir} is in use by another groove-central process (a running server?); stop it first"
            ) from None
        yield
    finally:
        os.close(fd)
