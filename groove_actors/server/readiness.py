"""Whether the server can take work (GET /ready), and telling systemd so (Type=notify, sd_notify READY=1).

Liveness (/health) only says the process answers; readiness says the store is open, start-up recovery has
finished and the storage writer runs, so an acknowledgement can be given. Crediting the sessions a previous
run left "to credit" is not part of it: that backlog may take minutes, ingest does not wait on it, and the
credit pipeline works through it while the server takes new envelopes.
"""

from __future__ import annotations

import logging
import os
import socket
import time

import attrs

from groove_actors import logs

READY_RETRY_AFTER_S = 5.0


@attrs.define(eq=False)
class Readiness:
    """Set by the supervisor as start-up goes on; `writer_alive` by the storage writer itself; `database` by
    whoever finds a shared store's database away or back (the writer, a prober), through `database_down/up`."""

    store_open: bool = False
    recovered: bool = False
    writer_alive: bool = False
    database: bool = True
    down_since: float = 0.0

    def waiting_for(self) -> list[str]:
        """What is not ready yet, in start-up order; empty when the server can take work."""
        missing = {
            "store": self.store_open,
            "recovery": self.recovered,
            "writer": self.writer_alive,
            "database": self.database,
        }
        return [name for name, done in missing.items() if not done]

    def database_down(self, reason: str) -> None:
        """The database cannot take work: one log line per outage, however many find it so."""
        if self.database:
            self.database, self.down_since = False, time.monotonic()
            logs.event("store.unavailable", level=logging.WARNING, reason=reason)

    def database_up(self) -> None:
        if not self.database:
            self.database = True
            logs.event("store.recovered", outage_s=round(time.monotonic() - self.down_since, 1))


def sd_notify(state: str, environ: dict[str, str] | None = None) -> bool:
    """Send `state` (e.g. "READY=1") to systemd's NOTIFY_SOCKET if it is set; True if it was sent.

    A few lines of the protocol instead of a dependency: one datagram on a unix socket, whose name starting
    with "@" is in the abstract namespace. A failure is logged and ignored: systemd then times the start out.
    """
    address = (os.environ if environ is None else environ).get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall(state.encode())
    except OSError as exc:
        logs.event("server.notify_failed", level=logging.WARNING, state=state, error=str(exc))
        return False
    return True
