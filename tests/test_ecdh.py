"""P-256 ECDH: key pairs, the wire form of public keys, and a 400 for every bad public key."""

from __future__ import annotations

import base64

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from groove_actors.errors import PeerError
from groove_actors.protocol.ecdh import (
    KeyPair,
    derive_shared_secret,
    generate_key_pair,
    key_pair_from_scalar,
    load_public_key,
    private_key_from_scalar,
    public_key_b64,
)

P = 2**256 - 2**224 + 2**192 + 2**96 - 1  # the field prime of P-256
B = 0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B
N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551  # the group order


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def small_x_point() -> tuple[int, int]:
    """A point on the curve with a small X, so that X + p still fits in 32 bytes."""
    for x in range(1, 100):
        rhs = (x**3 - 3 * x + B) % P
        y = pow(rhs, (P + 1) // 4, P)  # p = 3 mod 4: a square root, when rhs is a square
        if y * y % P == rhs:
            return x, y
    raise AssertionError("no point found")


def test_a_generated_pair_has_a_65_byte_uncompressed_public_point() -> None:
    pair = generate_key_pair()
    point = base64.b64decode(pair.public_b64)
    assert len(point) == 65 and point[0] == 0x04
    assert public_key_b64(pair.private_key.public_key()) == pair.public_b64
    assert generate_key_pair().public_b64 != pair.public_b64


def test_key_pairs_are_frozen_values() -> None:
    pair = generate_key_pair()
    assert isinstance(pair, KeyPair)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        pair.public_b64 = "x"  # type: ignore[misc]


def test_both_sides_derive_the_same_32_byte_secret() -> None:
    client, server = generate_key_pair(), generate_key_pair()
    from_client = derive_shared_secret(client.private_key, load_public_key(server.public_b64))
    from_server = derive_shared_secret(server.private_key, load_public_key(client.public_b64))
    assert from_client == from_server
    assert len(from_client) == 32


def test_a_loaded_public_key_round_trips_to_the_same_wire_form() -> None:
    pair = generate_key_pair()
    assert public_key_b64(load_public_key(pair.public_b64)) == pair.public_b64


def test_a_private_key_is_built_from_its_32_byte_scalar() -> None:
    assert private_key_from_scalar((1).to_bytes(32, "big")).private_numbers().private_value == 1
    pair = key_pair_from_scalar((N - 1).to_bytes(32, "big"))
    assert pair.private_key.private_numbers().private_value == N - 1


@pytest.mark.parametrize(
    ("scalar", "message"),
    [
        (bytes(31) + b"\x01", None),
        (b"\x01" * 31, "32 bytes, got 31"),
        (b"\x01" * 33, "32 bytes, got 33"),
        (bytes(32), "in 1..n-1"),
        (N.to_bytes(32, "big"), "in 1..n-1"),
        (b"\xff" * 32, "in 1..n-1"),
    ],
)
def test_private_scalars_outside_the_group_are_refused(scalar: bytes, message: str | None) -> None:
    if message is None:
        private_key_from_scalar(scalar)
        return
    with pytest.raises(ValueError, match=message):
        private_key_from_scalar(scalar)


X, Y = small_x_point()
GOOD = key_pair_from_scalar((7).to_bytes(32, "big")).public_b64
BAD_KEYS = [
    ("", "65-byte uncompressed P-256 point"),
    ("not base64!", "not valid base64"),
    (GOOD[:-1], "not valid base64"),  # padding lost
    (GOOD[:10] + "-" + GOOD[11:], "not valid base64"),  # the URL-safe alphabet
    ("é" * 8, "not valid base64"),
    (b64(base64.b64decode(GOOD)[:64]), "got 64 bytes"),
    (b64(base64.b64decode(GOOD) + b"\x00"), "got 66 bytes"),
    (b64(b"\x02" + base64.b64decode(GOOD)[1:33]), "compressed point"),
    (b64(b"\x05" + base64.b64decode(GOOD)[1:]), "got prefix 0x05"),
    (b64(b"\x04" + bytes(64)), "not a point on the P-256 curve"),
    (b64(b"\x04" + (1).to_bytes(32, "big") + (1).to_bytes(32, "big")), "not a point on the P-256 curve"),
    (b64(b"\x04" + (X + P).to_bytes(32, "big") + Y.to_bytes(32, "big")), "not below the field prime"),
    (b64(b"\x04" + b"\xff" * 64), "not below the field prime"),
]


@pytest.mark.parametrize(("b64_key", "message"), BAD_KEYS)
def test_bad_public_keys_are_a_400_that_says_what_is_wrong(b64_key: str, message: str) -> None:
    with pytest.raises(PeerError, match=message) as caught:
        load_public_key(b64_key)
    assert caught.value.status == 400


def test_the_small_x_point_itself_is_accepted() -> None:
    load_public_key(b64(b"\x04" + X.to_bytes(32, "big") + Y.to_bytes(32, "big")))


@pytest.mark.parametrize("value", [None, 123, b"BAAA", ["BAAA"]])
def test_a_public_key_that_is_not_a_string_is_a_400(value: object) -> None:
    with pytest.raises(PeerError, match="must be a base64 string"):
        load_public_key(value)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=100), st.binary(min_size=60, max_size=70).map(b64)))
def test_no_input_raises_anything_but_peer_error(value: str) -> None:
    try:
        load_public_key(value)
    except PeerError as exc:
        assert exc.status == 400


@settings(max_examples=100, deadline=None)
@given(st.binary(min_size=64, max_size=64))
def test_random_points_are_loaded_or_refused_with_peer_error(coordinates: bytes) -> None:
    try:
        load_public_key(b64(b"\x04" + coordinates))
    except PeerError as exc:
        assert exc.status == 400
