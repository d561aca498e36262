"""Byte-for-byte agreement with a real JavaScript client: the vectors of shared/tools/wire-vectors.

ECDH both ways, each envelope's signed text, HMAC and verification, the JSON.stringify cases, and
tampering: changing any one byte of a signed body must make it fail.
"""

from __future__ import annotations

import ast
import base64
import random
from typing import Any

import pytest

from groove_actors.protocol.ecdh import derive_shared_secret, key_pair_from_scalar, load_public_key
from groove_actors.protocol.jsjson import JsonError, parse, stringify
from groove_actors.protocol.signing import (
    hmac_matches,
    sign,
    signed_text_of_body,
    signed_text_of_envelope,
    verify_body,
)
from tests.conftest import WIRE_VECTORS
from tests.support.shared import shared_cases, wire_vectors


# Read when a test runs, not at import: a clone without ../shared then skips these tests instead of failing.
def ecdh() -> list[dict[str, str]]:
    cases: list[dict[str, str]] = wire_vectors()["ecdh"]
    return cases


def envelopes() -> dict[str, dict[str, Any]]:
    return {vector["name"]: vector for vector in wire_vectors()["envelopes"]}


def stringify_cases() -> dict[str, dict[str, Any]]:
    return {case["name"]: case for case in wire_vectors()["stringify"]}


def secret_of(vector: dict[str, Any]) -> bytes:
    return base64.b64decode(ecdh()[vector["ecdh_index"]]["shared_secret_b64"])


def test_the_vectors_cover_what_these_tests_rely_on() -> None:
    assert len(ecdh()) == 3
    assert len(envelopes()) == 6
    assert any(len(v["body"]) > 30_000 for v in envelopes().values())  # the 200-step chunk
    assert len(stringify_cases()) == 19


@pytest.mark.parametrize(
    "case",
    shared_cases(WIRE_VECTORS, lambda: [pytest.param(c, id=f"ecdh-{i}") for i, c in enumerate(ecdh())]),
)
def test_ecdh_derives_the_javascript_secret_in_both_directions(case: dict[str, str]) -> None:
    client = key_pair_from_scalar(bytes.fromhex(case["client_private_hex"]))
    server = key_pair_from_scalar(bytes.fromhex(case["server_private_hex"]))
    assert client.public_b64 == case["client_public_b64"]
    assert server.public_b64 == case["server_public_b64"]
    shared = base64.b64decode(case["shared_secret_b64"])
    assert derive_shared_secret(client.private_key, load_public_key(case["server_public_b64"])) == shared
    assert derive_shared_secret(server.private_key, load_public_key(case["client_public_b64"])) == shared


@pytest.mark.parametrize("name", shared_cases(WIRE_VECTORS, envelopes))
def test_envelope_signature_matches_javascript(name: str) -> None:
    vector = envelopes()[name]
    secret, sequence, hmac_hex = secret_of(vector), vector["sequence"], vector["hmac"]
    body, signed_text = vector["body"].encode(), vector["signed_text"].encode()

    assert signed_text_of_body(body) == signed_text
    assert sign(secret, sequence, signed_text) == hmac_hex
    assert hmac_matches(secret, sequence, signed_text, hmac_hex)
    assert stringify(parse(signed_text)) == vector["signed_text"]
    assert stringify(parse(body)) == vector["body"]
    parsed = parse(body)
    assert parsed["attestation"] == {
        "session_hmac": hmac_hex,
        "sequence": sequence,
        "app_version_hash": "a" * 64,
    }
    assert signed_text_of_envelope(parsed) == signed_text  # the fallback agrees with the cut
    assert verify_body(secret, sequence, body, parsed, hmac_hex)


@pytest.mark.parametrize("name", shared_cases(WIRE_VECTORS, envelopes))
def test_wrong_sequence_or_key_fails(name: str) -> None:
    vector = envelopes()[name]
    body = vector["body"].encode()
    parsed = parse(body)
    secret, sequence, hmac_hex = secret_of(vector), vector["sequence"], vector["hmac"]
    assert not verify_body(secret, sequence + 1, body, parsed, hmac_hex)
    other_secret = base64.b64decode(ecdh()[2]["shared_secret_b64"])
    assert not verify_body(other_secret, sequence, body, parsed, hmac_hex)


@pytest.mark.parametrize("name", shared_cases(WIRE_VECTORS, stringify_cases))
def test_stringify_prints_what_javascript_prints(name: str) -> None:
    case = stringify_cases()[name]
    value = (
        ast.literal_eval(case["python_literal"])
        if "python_literal" in case
        else parse(case["json_input"].encode())
    )
    assert stringify(value) == case["js"]


def verifies_as_the_server_would(secret: bytes, body: bytes) -> bool:
    """The server's view of a received body: parse it, read the attestation, verify."""
    try:
        parsed = parse(body)
    except JsonError:
        return False
    attestation = parsed.get("attestation") if isinstance(parsed, dict) else None
    if not isinstance(attestation, dict):
        return False
    sequence, hmac_hex = attestation.get("sequence"), attestation.get("session_hmac")
    if not isinstance(sequence, int) or not isinstance(hmac_hex, str):
        return False
    return verify_body(secret, sequence, body, parsed, hmac_hex)


def unsigned_positions(body: bytes) -> range:
    """Bytes of the attestation member's value other than session_hmac and sequence.

    The protocol signs the body without its attestation (PROTOCOL.md §2), so app_version_hash and the
    member's punctuation are outside the signature; the schema check judges them, not the HMAC.
    """
    start = body.index(b'"attestation":') + len(b'"attestation":')
    return range(start, body.index(b"}", start) + 1)


def signed_positions_in_attestation(body: bytes) -> set[int]:
    hmac_at = body.index(b'"session_hmac":"') + len(b'"session_hmac":"')
    sequence_at = body.index(b'"sequence":') + len(b'"sequence":')
    sequence_end = body.index(b",", sequence_at)
    return set(range(hmac_at, hmac_at + 64)) | set(range(sequence_at, sequence_end))


def tampered(body: bytes, position: int) -> bytes:
    changed = bytearray(body)
    changed[position] ^= 0x01  # '0'<->'1', 'a'<->'`', '"'<->'#', ...: a one-bit change
    return bytes(changed)


def positions_that_must_fail(body: bytes) -> list[int]:
    unsigned = set(unsigned_positions(body)) - signed_positions_in_attestation(body)
    return [i for i in range(len(body)) if i not in unsigned]


@pytest.mark.parametrize("name", ["sess_vec_a#3", "sess_vec_a#2"])
def test_changing_any_one_byte_of_a_small_body_makes_it_fail(name: str) -> None:
    vector = envelopes()[name]
    body, secret = vector["body"].encode(), secret_of(vector)
    assert verifies_as_the_server_would(secret, body)
    positions = positions_that_must_fail(body)
    assert len(positions) > len(body) - 120
    still_valid = [i for i in positions if verifies_as_the_server_would(secret, tampered(body, i))]
    assert still_valid == []


@pytest.mark.slow
def test_changing_one_byte_anywhere_in_the_200_step_body_makes_it_fail() -> None:
    vector = envelopes()["sess_vec_b#0"]
    body, secret = vector["body"].encode(), secret_of(vector)
    positions = positions_that_must_fail(body)
    sample = sorted(random.Random(20260425).sample(positions, 300))
    sample += [positions[0], positions[-1], *signed_positions_in_attestation(body)]
    still_valid = [i for i in sample if verifies_as_the_server_would(secret, tampered(body, i))]
    assert still_valid == []


def test_bytes_outside_the_signature_are_the_attestation_value_only() -> None:
    vector = envelopes()["sess_vec_a#3"]
    body, secret = vector["body"].encode(), secret_of(vector)
    position = body.index(b'"app_version_hash":"') + len(b'"app_version_hash":"')
    assert position in unsigned_positions(body)
    assert verifies_as_the_server_would(secret, tampered(body, position))  # not signed, by design
