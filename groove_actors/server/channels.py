"""Request/reply over bounded memory channels (STYLE R5, R6): the one way actors talk."""

from __future__ import annotations

import contextlib
from typing import TypeVar

import trio

T = TypeVar("T")


def reply(to: trio.MemorySendChannel[T], value: T) -> None:
    """Answer a one-shot request; a requester that gave up and left is not an error."""
    with contextlib.suppress(trio.BrokenResourceError, trio.ClosedResourceError, trio.WouldBlock):
        to.send_nowait(value)


def drain_nowait(inbox: trio.MemoryReceiveChannel[T], *, limit: int) -> list[T]:
    """Whatever is already queued, up to `limit` items, without waiting."""
    items: list[T] = []
    while len(items) < limit:
        try:
            items.append(inbox.receive_nowait())
        except (trio.WouldBlock, trio.EndOfChannel):
            break
    return items
