"""A memory budget for request bodies and their parsed form, so that no load or shape of JSON exhausts memory.

A request holds budget only for what it really has: the bytes of its body as they arrive (a peer that
announces 5 MiB and sends one byte holds one byte), then, before parsing, what the parsed objects will take.
Parsed JSON takes from 1x (one long string) to about 28x (`[{},{},...]`) its text in Python objects, so the
second reservation is an upper bound computed from the text (`parsed_size`). Budget is given back when the
request has been answered. What the parse itself needs while it runs (about 13x the body, freed at once)
comes on top, for one body at a time: parsing runs on the event loop.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import attrs
import trio

# Up to this size a body is charged at the worst ratio measured (bench/RESULTS.md "Memory per body"), which
# costs nothing to compute; larger bodies are charged what their structure predicts.
COUNT_FROM_BYTES = 256 * 1024
WORST_PARSED_RATIO = 32
# Upper bounds of what one JSON token costs once parsed: a dict, a list, a member (pointer + number or str).
_DICT_BYTES = 200
_LIST_BYTES = 80
_MEMBER_BYTES = 80


def parsed_size(raw: bytes) -> int:
    """An upper bound of the memory `raw` takes once parsed into Python objects (its own bytes excluded)."""
    if len(raw) <= COUNT_FROM_BYTES:
        return len(raw) * WORST_PARSED_RATIO
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
