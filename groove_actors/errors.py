"""One exception hierarchy for the server and the protocol, split by whose fault it is."""

from __future__ import annotations


class GrooveError(Exception):
    """Base of every exception this package raises on purpose."""


class PeerError(GrooveError):
    """The peer broke the protocol; carries the HTTP status a route should answer with."""

    def __init__(self, message: str, *, status: int = 400) -> None:
        super().__init__(message)
        self.status = status

    @property
    def reason(self) -> str:
        return str(self.args[0])


class ConfigError(GrooveError):
    """A configuration file or setting is unusable; raised at start-up, never while serving."""


class StoreCorrupt(GrooveError):
    """Stored data contradicts itself: our bug or disk damage."""
