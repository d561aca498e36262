"""Envelope bodies as the PostgreSQL store keeps them (schema version 5): zstd-compressed in our process.

What the database spends on a body grows with its bytes (TOAST's 2 KB chunks and their index entries, the
WAL, the table's pages), and it spends them again in every backup and on every replica. Compressed at zstd's
level 1 a body's bytes are about a quarter as many: on 200-step envelopes (about 350 KB) the database's CPU
per envelope fell to a third, and ours rose by about as much as the database saved (bench/RESULTS.md,
"PostgreSQL store"). That trade is the one scaling out needs: every process shares one database, while the
server's CPU grows with the processes added. The database's own lz4 (off since schema version 4) cost it more
than the bytes it saved and halved them where zstd quarters them.

Each row says how its body is kept (`envelope_bodies.encoding`), so bodies stored before version 5 (as
received) read as they did, and a body compression would not shrink is kept as received. Every reader gets
back the bytes as received, exact: they carry the signature.
"""

from __future__ import annotations

import threading

import zstandard

AS_RECEIVED = 0
ZSTD = 1

# Below this a body stays in its row (the database moves values out of line from about 2 KB on), where
# compressing it saves the database little.
SMALLEST_COMPRESSED = 2048
LEVEL = 1

_local = threading.local()


class UnreadableBody(ValueError):
    """A stored body that does not decode: an encoding this server does not know, or damaged bytes."""


def pack(body: bytes) -> tuple[int, bytes]:
    """(encoding, stored bytes) for a body as received."""
    if len(body) < SMALLEST_COMPRESSED:
        return AS_RECEIVED, body
    compressor = getattr(_local, "compressor", None)
    if (
        compressor is None
    ):  # a compressor keeps its context between calls; one per thread, as it is not shared
        compressor = _local.compressor = zstandard.ZstdCompressor(level=LEVEL)
    packed = compressor.compress(body)
    return (ZSTD, packed) if len(packed) < len(body) else (AS_RECEIVED, body)


def unpack(encoding: int, stored: bytes) -> bytes:
    """The body as received, from a row's encoding and stored bytes."""
    if encoding == AS_RECEIVED:
        return stored
    if encoding != ZSTD:
        raise UnreadableBody(f"body encoding {encoding} is not one this server reads (a newer server's?)")
    try:
        return zstandard.decompress(stored)
    except zstandard.ZstdError as exc:
        raise UnreadableBody(f"compressed body does not decode: {exc}") from None
