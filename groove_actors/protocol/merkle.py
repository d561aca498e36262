"""Merkle tree hashes and inclusion proofs over the ledger, as RFC 9162 (Certificate Transparency 2.0) defines them.

Each UTC day's credits, in the order they were written, are the leaves of one tree; its root is published
once the day is over. Anyone holding a credit and its proof can check that the credit is in the published
root without seeing the other credits, with any SHA-256 and the RFC's algorithm (section 2.1.3.2).

Leaf hash: SHA-256(0x00 || leaf); interior node: SHA-256(0x01 || left || right); a tree of n > 1 leaves splits
after the largest power of two below n; the empty tree hashes to SHA-256 of nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

__all__ = ["inclusion_path", "leaf_hash", "leaf_hashes", "root", "verify_inclusion"]


def leaf_hash(leaf: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + leaf).digest()


def leaf_hashes(leaves: Sequence[bytes]) -> list[bytes]:
    return [leaf_hash(leaf) for leaf in leaves]


def _node(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(size: int) -> int:
    """The largest power of two smaller than `size` (size > 1)."""
    return 1 << ((size - 1).bit_length() - 1)


def root(leaf_hashes: Sequence[bytes]) -> bytes:
    """The tree head of these leaf hashes, built level by level (equal to the RFC's recursive definition)."""
    if not leaf_hashes:
        return hashlib.sha256(b"").digest()
    level = list(leaf_hashes)
    while len(level) > 1:
        # Pairing from the left and carrying an odd last node up unchanged gives the RFC's split trees.
        paired = [_node(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


def inclusion_path(leaf_hashes: Sequence[bytes], index: int) -> list[bytes]:
    """The audit path of leaf `index`: the sibling hashes from the leaf up to the root.

    Raises:
        IndexError: no leaf has that index.
    """
    if not 0 <= index < len(leaf_hashes):
        raise IndexError(f"leaf {index} of a tree of {len(leaf_hashes)}")
    path: list[bytes] = []
    _collect_path(leaf_hashes, index, path)
    return path


def _collect_path(hashes: Sequence[bytes], index: int, path: list[bytes]) -> None:
    if len(hashes) <= 1:
        return
    k = _split(len(hashes))
    if index < k:
        _collect_path(hashes[:k], index, path)
        path.append(root(hashes[k:]))
    else:
        _collect_path(hashes[k:], index - k, path)
        path.append(root(hashes[:k]))


def verify_inclusion(leaf: bytes, index: int, size: int, path: Sequence[bytes], expected_root: bytes) -> bool:
    """Whether `path` proves that the leaf hash `leaf` is leaf `index` of the tree of `size` with this root."""
    if not 0 <= index < size:
        return False
    fn, sn, node = index, size - 1, leaf
    for sibling in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            node = _node(sibling, node)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            node = _node(node, sibling)
        fn >>= 1
        sn >>= 1
    return sn == 0 and node == expected_root
