"""Inclusion proofs of the ledger's credits, against the tree heads the notary sealed (server/notary.py).

A contributor checks with a proof that their credit is in the day's sealed tree, so that the ledger cannot
have been changed afterwards without it showing. A sealed day never changes, so the leaf hashes of the few
days asked about last are kept (`SealedDays`): a day's next proof then costs one path, not one tree.
"""

from __future__ import annotations

import attrs
import trio

from groove_actors.protocol import merkle
from groove_actors.server.reads import ReadPool
from groove_actors.store import catalog

SEALED_DAYS_KEPT = 4  # 32 bytes a credit each


@attrs.define(eq=False)
class SealedDays:
    """The leaf hashes of the few sealed days asked about last (32 bytes a credit), oldest dropped first."""

    capacity: int
    _days: dict[str, list[bytes]] = attrs.Factory(dict)

    def get(self, day: str) -> list[bytes] | None:
        hashes = self._days.pop(day, None)
        if hashes is not None:
            self._days[day] = hashes  # now the most recently used
        return hashes

    def put(self, day: str, hashes: list[bytes]) -> None:
        self._days[day] = hashes
        while len(self._days) > self.capacity:
            del self._days[next(iter(self._days))]


@attrs.frozen
class InclusionProof:
    """Where one credit's leaf sits in its day's sealed tree, and the path from it to the head."""

    session_id: str
    day: str
    leaf: bytes
    index: int
    tree_size: int
    path: tuple[bytes, ...]
    root_hex: str


@attrs.frozen
class NoCredit:
    """The session (at that revision) was never credited."""


@attrs.frozen
class NotSealed:
    """The credit's day is not sealed yet: a few minutes after it ends (UTC), it will be."""

    day: str


async def prove_credit(
    reads: ReadPool, sealed_days: SealedDays, session_id: str, revision: int = 0
) -> InclusionProof | NoCredit | NotSealed:
    """The inclusion proof of a session's credit (or adjustment `revision`); blocks on reads and hashing."""
    found = await reads.run(catalog.credit_leaf, session_id, revision)
    if found is None:
        return NoCredit()
    day, index, leaf = found
    sealed = await reads.run(catalog.ledger_root, day)
    if sealed is None:
        return NotSealed(day)
    hashes = sealed_days.get(day)
    if hashes is None:
        leaves = await reads.run(catalog.day_leaves, day)
        hashes = await trio.to_thread.run_sync(merkle.leaf_hashes, leaves)
        sealed_days.put(day, hashes)
    path = await trio.to_thread.run_sync(merkle.inclusion_path, hashes, index)
    root_hex, tree_size = sealed
    return InclusionProof(session_id, day, leaf, index, tree_size, tuple(path), root_hex)
