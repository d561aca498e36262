"""A small pool of read-only catalog connections for worker threads (WAL lets them read in parallel)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import attrs
import trio

from groove_actors.store.schema import connect

T = TypeVar("T")


@attrs.define(eq=False)
class ReadPool:
    """Owns: `size` read-only SQLite connections.
    Callers: any actor or route, through `run`; at most `size` queries run at once, the rest wait their turn.
    """

    path: Path
    size: int = 2
    _free: list[sqlite3.Connection] = attrs.Factory(list)
    _limiter: trio.CapacityLimiter = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self._limiter = trio.CapacityLimiter(self.size)
        self._free = [connect(self.path, readonly=True) for _ in range(self.size)]

    async def run(self, query: Callable[..., T], *args: Any) -> T:
        """Run `query(connection, *args)` in a worker thread and return its result."""
        async with self._limiter:
            conn = self._free.pop()
            try:
                return await trio.to_thread.run_sync(query, conn, *args)
            finally:
                self._free.append(conn)

    def close(self) -> None:
        for conn in self._free:
            conn.close()
        self._free.clear()
