"""A memory budget for request bodies, so that no load of large envelopes exhausts memory.

A request holds budget only for what it really has: the bytes of its body as they arrive (a peer that
announces 32 MiB and sends one byte holds one byte). It gives it back when it has been answered. The parsed
form of a body is not held past reading it (protocol/envelope.py), so the bytes are what waits; parsing
itself needs memory for one body at a time, since it runs on the event loop. A body larger than
PARSE_CHARGED_FROM_BYTES also holds, while it is parsed, an upper bound of what its parse takes
(`parsed_size`): from 1x its text (a few long strings, as large real chunks are) to about 36x (`[{},{},...]`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import attrs
import trio

# Below it a parse is not counted: one at a time (on the event loop), at most about 45 MiB above the budget.
PARSE_CHARGED_FROM_BYTES = 1024 * 1024
# Upper bounds of what one JSON token costs once parsed: a dict, a list, a member (pointer + number or str).
_DICT_BYTES = 200
_LIST_BYTES = 80
_MEMBER_BYTES = 80


def parsed_size(raw: bytes) -> int:
    """An upper bound of the memory `raw` takes once parsed into Python objects (its own bytes excluded).

    Counting costs about 1.5 ms per MiB, so it is done only for bodies past PARSE_CHARGED_FROM_BYTES.
    """
    return (
        len(raw)
        + _DICT_BYTES * raw.count(b"{")
        + _LIST_BYTES * raw.count(b"[")
        + _MEMBER_BYTES * raw.count(b",")
    )


class BodyBudget:
    """Bytes of memory that request bodies may take at once; requests take and give back through `hold`."""

    def __init__(self, total_bytes: int) -> None:
        self.total_bytes = total_bytes
        self.free_bytes = total_bytes
        self._returned = trio.Event()

    @asynccontextmanager
    async def hold(self) -> AsyncIterator[Holding]:
        """A request's share, grown with `Holding.take` and given back whole when the block ends."""
        holding = Holding(self)
        try:
            yield holding
        finally:
            self._give_back(holding.held)

    async def _take(self, size: int, *, wait_s: float) -> bool:
        if size > self.free_bytes:
            with trio.move_on_after(wait_s):
                while size > self.free_bytes:
                    await self._returned.wait()
        if size > self.free_bytes:
            return False
        self.free_bytes -= size
        return True

    def _give_back(self, size: int) -> None:
        if size:
            self.free_bytes += size
            self._returned.set()
            self._returned = trio.Event()


@attrs.define(eq=False)
class Holding:
    budget: BodyBudget
    held: int = 0

    async def take(self, size: int, *, wait_s: float) -> bool:
        """Hold `size` more bytes; False when they did not come free within `wait_s` (nothing is taken then)."""
        if size <= 0:
            return True
        if not await self.budget._take(size, wait_s=wait_s):
            return False
        self.held += size
        return True
