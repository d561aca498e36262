"""A loopback port a test keeps for itself, for a server that goes away and comes back at the same address."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

ATTEMPTS = 20  # ports tried when the first host's port is taken on another host


@contextmanager
def held_port(*hosts: str) -> Iterator[int]:
    """A port on loopback (127.0.0.1, or each of `hosts`) that nothing else gets until the block ends.

    Restarting a server on the port an earlier one just released races every other program for it (any
    outgoing connection may take it). Here a socket stays bound to the port on each host without listening:
    a connection to it is refused while no server runs, Linux hands the port to no one else (neither a
    port-0 bind nor an outgoing connection, and a plain bind fails), and a server that sets SO_REUSEADDR,
    as Hypercorn (so `groove-central serve --port N`) and nginx do, binds it alongside as often as the test
    starts one.
    """
    hosts = hosts or ("127.0.0.1",)
    for _ in range(ATTEMPTS):
        with ExitStack() as holders:
            port = 0
            try:
                for host in hosts:
                    family = socket.AF_INET6 if ":" in host else socket.AF_INET
                    holder = holders.enter_context(socket.socket(family, socket.SOCK_STREAM))
                    holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                    holder.bind((host, port))
                    port = holder.getsockname()[1]
            except OSError:
                if port == 0:
                    raise  # the first host has no free port at all
                continue  # taken on a later host: another port
            yield port
            return
    raise OSError(f"no port free on all of {hosts} in {ATTEMPTS} attempts")
