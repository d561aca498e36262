"""What the server asks of a store, whichever it is: the embedded one (store/embedded.py) or PostgreSQL's
(store/postgres/).

A store takes batches of operations (`commit`) and answers one Outcome per operation, in order, only once
they are durable; the StorageWriter is its one caller. Reads go through a ReadPool, as catalog functions
over a connection: `groove_actors.store.catalog` names them, and the PostgreSQL read pool runs its twin of
each. The bodies of a session's envelopes, which the embedded store keeps in segment files and the
PostgreSQL store in a table, are read with `session_envelopes` below.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import attrs

from groove_actors.store import catalog
from groove_actors.store.catalog import EnvelopeEffects
from groove_actors.store.embedded import Operation, Outcome
from groove_actors.store.segments import read_records

# The detail of an envelope whose sequence holds these very bytes already (stored by another process, or by
# this one before a reconnect): answered as a duplicate, as the verifier answers one it remembers.
STORED_BEFORE = EnvelopeEffects(False, False, False, "", "", "", counted=False)


class StoreDown(Exception):
    """The database cannot take work now (unreachable, shutting down, out of disk); nothing of the batch or
    read was committed. Callers answer 503 with `retry_after_s`, or try again later; the server goes on."""

    def __init__(self, reason: str, retry_after_s: float = 1.0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after_s = retry_after_s


@attrs.define(eq=False)
class CommitUnknown(Exception):
    """The connection was lost while COMMIT was under way: the batch may or may not be in. `outcomes` are what
    it answers if it is; `resolve` asks the database which, once it can be asked: never a guess."""

    token: str
    outcomes: list[Outcome]
    reason: str
    resolve: Callable[[], bool | None]  # True: it is in; False: it is not; None: cannot tell yet (blocks)


class Store(Protocol):
    def commit(self, ops: Sequence[Operation], *, at: float) -> list[Outcome]:
        """Apply a batch durably at time `at`; one outcome per operation, in order. Blocks: a worker thread's.

        A store on a database others share may raise StoreDown (nothing is in) or CommitUnknown (resolve it);
        the embedded store raises on any failure, which stops the server (its recovery runs at the next start).
        """
        ...

    def close(self) -> None: ...


def session_envelopes(
    conn: sqlite3.Connection, envelopes_dir: Path, session_id: str
) -> list[tuple[int, str, bytes]]:
    """(sequence, kind, body as received) of a session's envelopes that make its data, in sequence order:
    the embedded store's, through the catalog's index into the segment files under `envelopes_dir`."""
    refs = catalog.envelope_refs(conn, session_id)
    bodies = read_records(envelopes_dir, [ref for _, _, ref in refs])
    return [(seq, kind, body) for (seq, kind, _), body in zip(refs, bodies, strict=True)]
