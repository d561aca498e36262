"""Merkle tree heads and inclusion proofs: RFC 9162's definitions, its test vectors, and every leaf's proof."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from groove_actors.protocol.merkle import inclusion_path, leaf_hash, root, verify_inclusion

# The inputs and tree heads of the Certificate Transparency reference test data (sizes 1 to 8).
LEAVES = [bytes.fromhex(h) for h in ("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                                       "606162636465666768696a6b6c6d6e6f")]  # fmt: skip
HEADS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]


@pytest.mark.parametrize("size", range(1, 9))
def test_tree_heads_match_the_reference_vectors(size: int) -> None:
    assert root([leaf_hash(leaf) for leaf in LEAVES[:size]]).hex() == HEADS[size - 1]


def test_the_empty_tree_is_the_hash_of_nothing() -> None:
    assert root([]) == hashlib.sha256(b"").digest()


def reference_root(hashes: list[bytes]) -> bytes:
    """RFC 9162 section 2.1.1, written as the RFC writes it (recursively)."""
    if len(hashes) == 1:
        return hashes[0]
    k = 1
    while k * 2 < len(hashes):
        k *= 2
    return hashlib.sha256(b"\x01" + reference_root(hashes[:k]) + reference_root(hashes[k:])).digest()


@given(st.lists(st.binary(max_size=12), min_size=1, max_size=70), st.data())
def test_every_leaf_proves_in_and_any_change_breaks_the_proof(
    leaves: list[bytes], data: st.DataObject
) -> None:
    hashes = [leaf_hash(leaf) for leaf in leaves]
    head = root(hashes)
    assert head == reference_root(hashes)
    index = data.draw(st.integers(0, len(hashes) - 1))
    path = inclusion_path(hashes, index)
    assert verify_inclusion(hashes[index], index, len(hashes), path, head)
    assert not verify_inclusion(leaf_hash(leaves[index] + b"!"), index, len(hashes), path, head)
    if len(hashes) > 1:
        other = data.draw(st.integers(0, len(hashes) - 1).filter(lambda i: i != index))
        moved = verify_inclusion(hashes[index], other, len(hashes), path, head)
        assert not moved or hashes[other] == hashes[index]  # (a tree of equal leaves is symmetric)
        broken = list(path)
        at = data.draw(st.integers(0, len(broken) - 1))
        broken[at] = hashlib.sha256(broken[at]).digest()
        assert not verify_inclusion(hashes[index], index, len(hashes), broken, head)
    assert not verify_inclusion(hashes[index], index, len(hashes), [*path, head], head)


def test_an_index_outside_the_tree_is_refused() -> None:
    hashes = [leaf_hash(leaf) for leaf in LEAVES]
    with pytest.raises(IndexError):
        inclusion_path(hashes, 8)
    assert not verify_inclusion(hashes[0], 8, 8, inclusion_path(hashes, 0), root(hashes))
