"""The answers of the read endpoints, shaped from what the store's reads return: pure functions, no I/O.

The store's reads (store/catalog/, and their PostgreSQL twins) return rows; what a client sees of them is
decided here, once for both stores. The stats endpoints' bodies are shaped beside the stats (server/stats.py),
the rotation chain's beside its rules (server/rotation.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from groove_actors.protocol import merkle
from groove_actors.server.ledger_proofs import InclusionProof

CONTRIBUTOR_SHOWN_CHARS = 8  # as much of a contributor id as the public board shows


def recent_credits_answer(rows: Iterable[Mapping[str, object]]) -> list[dict[str, object]]:
    """The dashboard's latest credits, from `catalog.recent_credits`: contributors cut as on the public board."""
    return [
        {**row, "contributor_id": str(row["contributor_id"])[:CONTRIBUTOR_SHOWN_CHARS] + "..."}
        for row in rows
    ]


def proof_answer(proof: InclusionProof) -> dict[str, Any]:
    """GET /v1/ledger/proof: what a client needs to check the credit against the day's published head."""
    return {
        "session_id": proof.session_id,
        "day": proof.day,
        "leaf": proof.leaf.decode(),
        "leaf_hash": merkle.leaf_hash(proof.leaf).hex(),
        "index": proof.index,
        "tree_size": proof.tree_size,
        "path": [node.hex() for node in proof.path],
        "root": proof.root_hex,
    }


def coordination_answer(
    session_id: str, rows: Iterable[tuple[int, str, str, str | None, int]]
) -> dict[str, Any]:
    """GET /admin/coordination, from `catalog.coordination_links` rows."""
    links = [
        {"coordination_id": cid, "step": step, "partner_session": partner, "partner_agent": agent,
         "partner_step": partner_step}
        for step, cid, partner, agent, partner_step in rows
    ]  # fmt: skip
    return {"session_id": session_id, "coordination_links": links}


def newest_seal_time(roots: Sequence[Mapping[str, Any]]) -> float | None:
    """When the newest sealed day was sealed, from `catalog.ledger_roots` (newest first); None before any."""
    return roots[0]["sealed_at"] if roots else None
