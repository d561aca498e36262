"""A byte budget for request bodies held at once, so that a burst of large envelopes cannot exhaust memory.

Each ingest request reserves its announced length (or the body limit, when it announces none) before
reading, and gives it back when it has been answered. Parsing and verifying hold several times a body's size
in objects, so the budget bounds the server's peak memory under any load, not only its request count.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import trio


class BodyBudget:
    def __init__(self, total_bytes: int) -> None:
        self.total_bytes = total_bytes
        self.free_bytes = total_bytes
        self._returned = trio.Event()

    @asynccontextmanager
    async def reserve(self, size: int, *, wait_s: float) -> AsyncIterator[bool]:
        """Yield True holding `size` bytes (at most the whole budget), or False after `wait_s` without them."""
        size = min(size, self.total_bytes)
        with trio.move_on_after(wait_s):
            while self.free_bytes < size:
                await self._returned.wait()
        if self.free_bytes < size:
            yield False
            return
        self.free_bytes -= size
        try:
            yield True
        finally:
            self.free_bytes += size
            self._returned.set()
            self._returned = trio.Event()
