"""Request/reply over bounded memory channels (STYLE R5, R6): the one way actors talk.

A closed channel means "nothing more is coming" only where an actor's docstring says so under "Stops when"
(the writer's inbox, closed by the supervisor at shutdown); the other actors stop when their nursery is
cancelled, and a requester that is cancelled leaves its reply channel behind (`reply` drops the answer).
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Awaitable, Callable
from typing import TypeVar

import trio

T = TypeVar("T")
R = TypeVar("R")


def reply(to: trio.MemorySendChannel[T], value: T) -> None:
    """Answer a one-shot request; a requester that gave up and left is not an error."""
    with contextlib.suppress(trio.BrokenResourceError, trio.ClosedResourceError, trio.WouldBlock):
        to.send_nowait(value)


async def ask(
    send_request: Callable[[trio.MemorySendChannel[R]], bool | Awaitable[bool]],
    *,
    otherwise: R,
    within_s: float = math.inf,
) -> R:
    """Send one request carrying a one-shot reply channel, and wait for the reply.

    `send_request` is given the channel to reply on and says whether the request went out (False: the inbox
    is full); `otherwise` is the answer then, and when no reply came within `within_s`.
    """
    # Every ingest asks twice, so this stays lean: no type subscript at run time (typing builds an alias per
    # call), no timeout scope when there is no timeout, and a plain close instead of two `aclose` checkpoints.
    send: trio.MemorySendChannel[R]
    receive: trio.MemoryReceiveChannel[R]
    send, receive = trio.open_memory_channel(1)
    try:
        sent = send_request(send)
        if not isinstance(sent, bool):
            sent = await sent
        if not sent:
            return otherwise
        if within_s == math.inf:
            return await receive.receive()
        with trio.move_on_after(within_s):
            return await receive.receive()
        return otherwise
    finally:
        receive.close()  # a reply that comes later finds no one and is dropped (see `reply`)


def drain_nowait(inbox: trio.MemoryReceiveChannel[T], *, limit: int) -> list[T]:
    """Whatever is already queued, up to `limit` items, without waiting."""
    items: list[T] = []
    while len(items) < limit:
        try:
            items.append(inbox.receive_nowait())
        except (trio.WouldBlock, trio.EndOfChannel):
            break
    return items
