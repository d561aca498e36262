"""The read endpoints' answers, shaped from store rows by pure functions (server/queries.py)."""

from __future__ import annotations

from groove_actors.protocol import merkle
from groove_actors.server.ledger_proofs import InclusionProof
from groove_actors.server.queries import (
    coordination_answer,
    newest_seal_time,
    proof_answer,
    recent_credits_answer,
)


def test_recent_credits_show_a_contributor_as_the_public_board_does() -> None:
    rows = [{"session_id": "sess_1", "contributor_id": "c" * 32, "points": 4.5}]
    assert recent_credits_answer(rows) == [
        {"session_id": "sess_1", "contributor_id": "cccccccc...", "points": 4.5}
    ]
    assert rows[0]["contributor_id"] == "c" * 32  # the rows read are left as they were


def test_coordination_links_are_named_by_what_they_hold() -> None:
    answer = coordination_answer("sess_a", [(3, "k1", "sess_b", "agent-b", 5), (4, "k2", "sess_c", None, 0)])
    assert answer == {
        "session_id": "sess_a",
        "coordination_links": [
            {"coordination_id": "k1", "step": 3, "partner_session": "sess_b", "partner_agent": "agent-b",
             "partner_step": 5},
            {"coordination_id": "k2", "step": 4, "partner_session": "sess_c", "partner_agent": None,
             "partner_step": 0},
        ],
    }  # fmt: skip


def test_a_proof_answer_lets_a_client_check_the_credit_against_the_head() -> None:
    leaves = [b'{"session_id":"s%d"}' % n for n in range(5)]
    hashes = merkle.leaf_hashes(leaves)
    head = merkle.root(hashes)
    proof = InclusionProof(
        "s3", "2026-11-30", leaves[3], 3, 5, tuple(merkle.inclusion_path(hashes, 3)), head.hex()
    )
    answer = proof_answer(proof)
    assert answer["leaf"] == leaves[3].decode() and answer["root"] == head.hex() and answer["tree_size"] == 5
    path = [bytes.fromhex(node) for node in answer["path"]]
    assert merkle.verify_inclusion(bytes.fromhex(answer["leaf_hash"]), answer["index"], 5, path, head)


def test_the_newest_seal_time_is_none_before_any_day_is_sealed() -> None:
    assert newest_seal_time([]) is None
    assert newest_seal_time([{"day": "2026-11-30", "sealed_at": 1_790_000_000.0}]) == 1_790_000_000.0
