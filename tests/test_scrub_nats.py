"""NATS nkey seeds: the private half of a key, in every place a seed is printed (a creds file, an environment
variable, `nsc` output, JSON-escaped in a transcript), beside the public keys and look-alikes that stay. Every
seed is made here in the published layout: base32 of two prefix bytes, 32 random bytes and their CRC-16."""

from __future__ import annotations

import base64
import random

import pytest

from client_actors.scrub import scrub_text
from tests.support.scrubbing import transcript_line

RNG = random.Random(20261204)
# The key types and their prefix bytes (the type's letter in base32 is its byte shifted right by three).
TYPES = {
    "operator": 14 << 3,
    "account": 0,
    "user": 20 << 3,
    "server": 13 << 3,
    "cluster": 2 << 3,
    "curve": 23 << 3,
}
SEED_PREFIX = 18 << 3  # "S"


def _crc16(data: bytes) -> int:
    """CRC-16/XMODEM, as nkeys appends to the key's bytes."""
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = (crc << 1) ^ 0x1021 if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def _encode(raw: bytes) -> str:
    body = raw + _crc16(raw).to_bytes(2, "little")
    return base64.b32encode(body).decode().rstrip("=")


def seed(kind: str, rng: random.Random = RNG) -> str:
    prefix = TYPES[kind]
    raw = bytes([SEED_PREFIX | prefix >> 5, (prefix & 31) << 3]) + rng.randbytes(32)
    return _encode(raw)


def public_key(kind: str, rng: random.Random = RNG) -> str:
    return _encode(bytes([TYPES[kind]]) + rng.randbytes(32))


def test_a_generated_seed_has_the_published_layout() -> None:
    for kind, letter in (
        ("operator", "O"),
        ("account", "A"),
        ("user", "U"),
        ("server", "N"),
        ("cluster", "C"),
    ):
        made = seed(kind)
        assert len(made) == 58 and made.startswith("S" + letter)
        assert len(public_key(kind)) == 56 and public_key(kind).startswith(letter)


@pytest.mark.parametrize("kind", sorted(TYPES))
def test_a_seed_goes_wherever_it_is_printed(kind: str) -> None:
    secret = seed(kind)
    for text in (
        f"-----BEGIN USER NKEY SEED-----\n{secret}\n------END USER NKEY SEED------\n",
        f"export NATS_NKEY_SEED={secret}\n",
        f"nkey: {secret}",
        f"  Seed         | {secret} |",
        transcript_line(f"cat ~/.nkeys/creds/op/acct/user.creds\n{secret}\n"),
    ):
        out = scrub_text(text).text
        assert secret not in out, text
        assert "[REDACTED:private-key]" in out


@pytest.mark.parametrize("kind", sorted(TYPES))
def test_public_keys_and_look_alikes_stay(kind: str) -> None:
    public = public_key(kind)
    secret = seed(kind)
    for text in (
        f"nsc describe user: Account ID | {public} |",
        f"subject: {public}",
        f"id: X{secret}",  # inside a longer run: no seed starts there
        f"{secret}Z trailing",
        f"SUCCESS SUMMARY SCANNED {'SOURCE' * 10}",  # a run of capitals longer than a seed
    ):
        assert scrub_text(text).text == text, text
