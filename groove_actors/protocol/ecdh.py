"""P-256 ECDH for opening a session (PROTOCOL.md §1).

Each side makes an ephemeral prime256v1 key pair and sends its public point as base64 of the uncompressed
SEC1 encoding (65 bytes, 0x04 ‖ X ‖ Y). The shared secret is the raw ECDH output, the 32-byte X coordinate,
used directly as the HMAC key; it is never sent.
"""

from __future__ import annotations

import base64
import binascii

import attrs
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from groove_actors.errors import PeerError

__all__ = [
    "KeyPair",
    "derive_shared_secret",
    "generate_key_pair",
    "key_pair_from_scalar",
    "load_public_key",
    "private_key_from_scalar",
    "public_key_b64",
]

_CURVE = ec.SECP256R1()
_FIELD_PRIME = 2**256 - 2**224 + 2**192 + 2**96 - 1  # p of P-256: coordinates must be below it
_GROUP_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551  # n of P-256
_POINT_SIZE = 65
_UNCOMPRESSED = 0x04


@attrs.frozen
class KeyPair:
    """An ephemeral P-256 key pair: the private key, and the public point as it travels on the wire."""

    private_key: ec.EllipticCurvePrivateKey
    public_b64: str


def generate_key_pair() -> KeyPair:
    """A fresh ephemeral key pair from a secure random source: the one non-deterministic function here.

    Callers that need repeatable keys (tests, vectors) use `key_pair_from_scalar`.
    """
    return _pair(ec.generate_private_key(_CURVE))


def private_key_from_scalar(scalar: bytes) -> ec.EllipticCurvePrivateKey:
    """The private key with this 32-byte big-endian scalar, as node's `ECDH.setPrivateKey` takes it.

    Raises:
        ValueError: not 32 bytes, or not in 1..n-1 (n the order of the curve).
    """
    if len(scalar) != 32:
        raise ValueError(f"a P-256 private scalar is 32 bytes, got {len(scalar)}")
    value = int.from_bytes(scalar, "big")
    if not 0 < value < _GROUP_ORDER:
        raise ValueError("a P-256 private scalar must be in 1..n-1")
    return ec.derive_private_key(value, _CURVE)


def key_pair_from_scalar(scalar: bytes) -> KeyPair:
    """The key pair of `private_key_from_scalar(scalar)`; for fixed test vectors. Raises as that does."""
    return _pair(private_key_from_scalar(scalar))


def public_key_b64(public_key: ec.EllipticCurvePublicKey) -> str:
    """Base64 (standard alphabet, padded) of the uncompressed point, as node's `getPublicKey('base64')`."""
    point = public_key.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
    return base64.b64encode(point).decode("ascii")


def load_public_key(b64: str) -> ec.EllipticCurvePublicKey:
    """The peer's public key from its wire form: base64 of a 65-byte uncompressed P-256 point.

    Raises:
        PeerError: status 400, saying what is wrong: not base64, wrong length, not the uncompressed form,
            or not a point on the curve. No other exception escapes, whatever the input.
    """
    if not isinstance(b64, str):
        raise PeerError(f"public_key must be a base64 string, got {type(b64).__name__}")
    try:
        point = base64.b64decode(b64, validate=True)
    except (binascii.Error, ValueError):
        raise PeerError("public_key is not valid base64 (standard alphabet, with padding)") from None
    if len(point) == 33 and point[0] in (0x02, 0x03):
        raise PeerError(
            "public_key is a compressed point; send the uncompressed form (65 bytes, 0x04 ‖ X ‖ Y)"
        )
    if len(point) != _POINT_SIZE:
        raise PeerError(
            f"public_key must be a {_POINT_SIZE}-byte uncompressed P-256 point (0x04 ‖ X ‖ Y), "
            f"got {len(point)} bytes"
        )
    if point[0] != _UNCOMPRESSED:
        raise PeerError(
            f"public_key must be an uncompressed point (prefix 0x04), got prefix 0x{point[0]:02x}"
        )
    x, y = int.from_bytes(point[1:33], "big"), int.from_bytes(point[33:], "big")
    if x >= _FIELD_PRIME or y >= _FIELD_PRIME:
        raise PeerError("public_key is not a P-256 point: a coordinate is not below the field prime")
    try:
        return ec.EllipticCurvePublicKey.from_encoded_point(_CURVE, point)
    except ValueError:
        raise PeerError("public_key is not a point on the P-256 curve") from None


def derive_shared_secret(
    private_key: ec.EllipticCurvePrivateKey, peer_public: ec.EllipticCurvePublicKey
) -> bytes:
    """The raw ECDH output, the 32-byte X coordinate of the shared point: the session's HMAC key."""
    return private_key.exchange(ec.ECDH(), peer_public)


def _pair(private_key: ec.EllipticCurvePrivateKey) -> KeyPair:
    return KeyPair(private_key=private_key, public_b64=public_key_b64(private_key.public_key()))
