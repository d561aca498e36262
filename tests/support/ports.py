"""A loopback port a test keeps for itself, for a server that goes away and comes back at the same address."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def held_port() -> Iterator[int]:
    """A port on 127.0.0.1 that nothing else gets until the block ends; nothing listens on it meanwhile.

    Restarting a server on the port an earlier one just released races every other program for it (any
    outgoing connection may take it). Here a socket stays bound to the port without listening: a connection
    to it is refused while no server runs, Linux hands the port to no one else (neither a port-0 bind nor an
    outgoing connection, and a plain bind fails), and `groove-central serve --port N` binds it alongside as
    often as the test starts one, because Hypercorn sets SO_REUSEADDR on its sockets as this one does.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        holder.bind(("127.0.0.1", 0))
        port: int = holder.getsockname()[1]
        yield port
