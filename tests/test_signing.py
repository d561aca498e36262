"""The envelope signature: HMAC over seq_be32 ‖ signed text, and finding that text in a received body."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from groove_actors.protocol.jsjson import parse, stringify, stringify_bytes
from groove_actors.protocol.signing import (
    hmac_matches,
    sign,
    sign_envelope,
    signed_text_of_body,
    signed_text_of_envelope,
    signing_input,
    verify_body,
)

SECRET = bytes(range(32))
HASH = "a" * 64


def envelope(**extra: Any) -> dict[str, Any]:
    """A chunk envelope without its attestation, in the key order a JavaScript client builds."""
    return {
        "envelope_id": "env_1",
        "session_id": "sess_1",
        "chunk_sequence": 3,
        "contributor_id": "0123456789abcdef0123456789abcdef",
        "metadata": {"provider": "claude-code", "model_engine": "claude-opus-4-6", "team_size": 2},
        "trajectory_log": [
            {
                "step": 1,
                "type": "thought",
                "timestamp": 1764000000.5,
                "content": "é \ud800",
                "token_count": 3,
            },
            {"step": 2, "type": "action", "timestamp": 1764000001.0, "tool": "Grep", "arguments": {"p": "x"}},
        ],
        **extra,
    }


def body_with(env: dict[str, Any], attestation: Any, position: int = 4) -> bytes:
    """The body a JavaScript client sends: JSON.stringify with the attestation member at `position`."""
    items = list(env.items())
    items.insert(position, ("attestation", attestation))
    return stringify_bytes(dict(items))


def signed(env: dict[str, Any], sequence: int, position: int = 4) -> tuple[bytes, str]:
    session_hmac = sign_envelope(SECRET, sequence, env)
    attestation = {"session_hmac": session_hmac, "sequence": sequence, "app_version_hash": HASH}
    return body_with(env, attestation, position), session_hmac


def test_signing_input_is_the_sequence_as_four_bytes_big_endian_then_the_text() -> None:
    assert signing_input(0, b"{}") == b"\x00\x00\x00\x00{}"
    assert signing_input(0x01020304, b"x") == b"\x01\x02\x03\x04x"
    assert signing_input(2**32 - 1, b"") == b"\xff\xff\xff\xff"


@pytest.mark.parametrize("sequence", [-1, 2**32])
def test_signing_input_refuses_a_sequence_beyond_32_bits(sequence: int) -> None:
    with pytest.raises(ValueError, match=r"sequence must be in 0\.\.4294967295"):
        signing_input(sequence, b"{}")


def test_sign_is_hex_hmac_sha256_of_the_signing_input() -> None:
    expected = hmac.new(SECRET, b"\x00\x00\x00\x07" + b'{"a":1}', hashlib.sha256).hexdigest()
    assert sign(SECRET, 7, b'{"a":1}') == expected
    assert len(expected) == 64 and expected == expected.lower()


def test_hmac_matches_the_signature_in_either_case_of_hex() -> None:
    signature = sign(SECRET, 5, b"text")
    assert hmac_matches(SECRET, 5, b"text", signature)
    assert hmac_matches(SECRET, 5, b"text", signature.upper())


@pytest.mark.parametrize(
    ("sequence", "text", "secret", "hex_of"),
    [
        (6, b"text", SECRET, lambda good: good),  # another sequence
        (5, b"text ", SECRET, lambda good: good),  # another text
        (5, b"text", bytes(32), lambda good: good),  # another key
        (5, b"text", SECRET, lambda good: good[:-1] + ("0" if good[-1] != "0" else "1")),
        (5, b"text", SECRET, lambda good: good[:63]),  # too short
        (5, b"text", SECRET, lambda good: good + "0"),  # too long
        (5, b"text", SECRET, lambda good: good[:62] + "zz"),  # not hex
        (5, b"text", SECRET, lambda good: " " + good[1:]),
        (5, b"text", SECRET, lambda good: ""),
    ],
)
def test_anything_else_does_not_match(sequence: int, text: bytes, secret: bytes, hex_of: Any) -> None:
    good = sign(SECRET, 5, b"text")
    assert not hmac_matches(secret, sequence, text, hex_of(good))


@pytest.mark.parametrize("sequence", [-1, 2**32, True])
def test_a_sequence_outside_32_bits_is_no_match_rather_than_an_error(sequence: Any) -> None:
    assert not hmac_matches(SECRET, sequence, b"text", "0" * 64)


@pytest.mark.parametrize("hmac_hex", [None, 123, b"0" * 64])
def test_an_hmac_that_is_not_a_string_is_no_match(hmac_hex: Any) -> None:
    assert not hmac_matches(SECRET, 0, b"text", hmac_hex)


def test_signed_text_of_envelope_is_stringify_without_the_attestation() -> None:
    env = envelope()
    with_attestation = {**env, "attestation": {"sequence": 1}}
    assert signed_text_of_envelope(with_attestation) == stringify(env).encode("utf-8")
    assert sign_envelope(SECRET, 1, with_attestation) == sign(SECRET, 1, stringify_bytes(env))


@pytest.mark.parametrize("position", [0, 1, 4, 5, 6])
def test_the_cut_body_is_exactly_the_signed_text_wherever_the_attestation_sits(position: int) -> None:
    env = envelope()
    raw, session_hmac = signed(env, 9, position)
    assert signed_text_of_body(raw) == stringify_bytes(env)
    assert verify_body(SECRET, 9, raw, parse(raw), session_hmac)


@pytest.mark.parametrize("position", [5, 6])
def test_the_cut_is_exact_after_a_long_trajectory_log(position: int) -> None:
    env = envelope()
    env["trajectory_log"] = env["trajectory_log"] * 1000
    env["metadata"] = env.pop("metadata")  # the log first, so that the attestation can follow it
    raw, session_hmac = signed(env, 9, position)
    assert raw.index(b'"attestation"') > 100_000
    assert signed_text_of_body(raw) == stringify_bytes(env)
    assert verify_body(SECRET, 9, raw, parse(raw), session_hmac)


def test_an_attestation_that_is_the_only_member_leaves_an_empty_object() -> None:
    assert signed_text_of_body(b'{"attestation":{"sequence":0}}') == b"{}"


def test_attestation_values_with_brackets_and_quotes_in_strings_are_skipped_whole() -> None:
    attestation = {"session_hmac": 'x}"],[{\\', "sequence": 0, "nested": [{"a": "}"}, []]}
    raw = body_with({"a": 1, "b": "{"}, attestation, 1)
    assert signed_text_of_body(raw) == b'{"a":1,"b":"{"}'


@pytest.mark.parametrize(
    "raw",
    [
        b'{"a":1}',  # no attestation
        b"[1,2]",  # not an object
        b'{"a": 1, "attestation": {}}',  # not compact: the fallback handles it
        b' {"attestation":{},"a":1}',
        b'{"attestation":{},"a":1}\n',
        b'{"attestation":{} ,"a":1}',
        b'{"a":{"attestation":{}},"b":2}',  # only a nested one, near the start
        b'{"a":[1,2,3,4,5,6,7,8,9],"b":{"c":1,"attestation":{}}}',  # only a nested one, near the end
        b'{"\\u0061ttestation":{},"a":1}',  # an escaped spelling
        b'{"a":1,"attestatio\\u006e":{},"attestation":{}}',  # an escaped spelling before the raw one
        b'{"a":[{"attestation":1}],"\\u0061ttestation":{"sequence":0}}',
    ],
)
def test_bodies_the_cut_cannot_handle_give_none(raw: bytes) -> None:
    assert signed_text_of_body(raw) is None


@pytest.mark.parametrize("duplicate", [b'"attestation"', b'"attestatio\\u006e"'])
def test_a_later_duplicate_attestation_stays_in_the_cut_and_never_verifies(duplicate: bytes) -> None:
    # The parse reads the last member of a name, so the duplicate is the attestation checked; it stays in
    # the cut text, where its session_hmac would have to sign itself. Only re-serialising what the parse
    # reads (the envelope without any attestation) can then match.
    env = envelope()
    raw, session_hmac = signed(env, 2)
    attestation = parse(raw)["attestation"]
    forged = raw[:-1] + b"," + duplicate + b":" + stringify_bytes(attestation) + b"}"
    parsed = parse(forged)
    assert parsed["attestation"] == attestation
    cut = signed_text_of_body(forged)
    assert cut == stringify_bytes(env)[:-1] + forged[len(raw) - 1 :]
    assert not hmac_matches(SECRET, 2, cut, session_hmac)
    assert verify_body(SECRET, 2, forged, parsed, session_hmac)


def test_a_nested_attestation_key_does_not_hide_the_top_level_one() -> None:
    env = envelope()
    env["trajectory_log"][1]["arguments"]["attestation"] = {"session_hmac": "nested"}
    raw, session_hmac = signed(env, 2)
    assert signed_text_of_body(raw) == stringify_bytes(env)
    assert verify_body(SECRET, 2, raw, parse(raw), session_hmac)


def test_the_word_attestation_in_content_leaves_the_cut_exact() -> None:
    env = envelope(notes=['the "attestation" step', "attestation"])
    raw, session_hmac = signed(env, 2, position=6)
    assert signed_text_of_body(raw) == stringify_bytes(env)
    assert verify_body(SECRET, 2, raw, parse(raw), session_hmac)


def test_nested_attestation_with_an_escaped_top_level_key_is_not_cut_and_fails() -> None:
    # The attack: an unsigned nested member named attestation is injected, and the real attestation is
    # renamed with an escape so that a byte search finds only the nested one. Cutting that would leave
    # the injected content in a body that seems verified.
    env = envelope()
    raw, session_hmac = signed(env, 4)
    attestation = raw[raw.index(b'"attestation":') + len(b'"attestation":') : raw.index(b',"metadata"')]
    attack = stringify_bytes(env).replace(b'"arguments":{', b'"arguments":{"attestation":{"evil":1},', 1)
    attack = attack.replace(b',"metadata"', b',"\\u0061ttestation":' + attestation + b',"metadata"', 1)
    parsed = parse(attack)
    assert parsed["attestation"]["session_hmac"] == session_hmac
    assert parsed["trajectory_log"][1]["arguments"]["attestation"] == {"evil": 1}

    assert signed_text_of_body(attack) is None
    assert not verify_body(SECRET, 4, attack, parsed, session_hmac)


def test_verify_falls_back_to_reserialising_a_body_in_another_layout() -> None:
    env = envelope()
    _, session_hmac = signed(env, 1)
    attestation = {"session_hmac": session_hmac, "sequence": 1, "app_version_hash": HASH}
    pretty = json.dumps({**env, "attestation": attestation}, indent=2).encode()  # 1764000001.0 stays "x.0"
    assert signed_text_of_body(pretty) is None
    assert verify_body(SECRET, 1, pretty, parse(pretty), session_hmac)
    compact_python = json.dumps({"attestation": attestation, **env}, separators=(",", ":")).encode()
    assert signed_text_of_body(compact_python) != stringify_bytes(env)  # cut, but not the signed text
    assert verify_body(SECRET, 1, compact_python, parse(compact_python), session_hmac)


def test_verify_rejects_wrong_sequence_key_content_and_non_objects() -> None:
    env = envelope()
    raw, session_hmac = signed(env, 3)
    assert not verify_body(SECRET, 4, raw, parse(raw), session_hmac)
    assert not verify_body(bytes(32), 3, raw, parse(raw), session_hmac)
    changed = raw.replace(b'"content":"', b'"content":"!', 1)
    assert not verify_body(SECRET, 3, changed, parse(changed), session_hmac)
    assert not verify_body(SECRET, 3, b"[1]", [1], session_hmac)


def test_verify_of_a_body_too_deep_to_reserialise_is_false_not_an_error() -> None:
    deep = b'{"a":' + b"[" * 1000 + b"]" * 1000 + b"}"
    assert not verify_body(SECRET, 0, deep, {"a": _nested_lists(1000)}, "0" * 64)


def _nested_lists(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth - 1):
        value = [value]
    return value


# Property: whenever the cut answers, its text parses to exactly the body's members but the attestation, in
# the same order, and any attestation left in it is the one the parse reads (a later duplicate), which would
# have to sign itself. Keys include escaped spellings and nested or duplicate attestations.
KEYS = ["attestation", "\\u0061ttestation", "attest\\u0061tion", "a", "b", "attestations", "x"]
leaf_json = st.sampled_from(["1", '"s"', '"attestation"', '"}"', "[]", "{}", "null", '"\\u0061"'])


def object_json(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    member = st.tuples(st.sampled_from(KEYS), children).map(lambda kv: f'"{kv[0]}":{kv[1]}')
    return st.lists(member, max_size=4).map(lambda members: "{" + ",".join(members) + "}")


def array_json(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(children, max_size=3).map(lambda items: "[" + ",".join(items) + "]")


json_texts = st.recursive(leaf_json, lambda children: object_json(children) | array_json(children))


@pytest.mark.slow
@settings(max_examples=250, deadline=None)
@given(object_json(json_texts))
def test_the_cut_never_leaves_or_removes_anything_but_the_top_level_attestation(text: str) -> None:
    raw = text.encode()
    cut = signed_text_of_body(raw)
    if cut is None:
        return
    parsed, signed_members = parse(raw), parse(cut)
    expected = [(key, item) for key, item in parsed.items() if key != "attestation"]
    assert [(key, item) for key, item in signed_members.items() if key != "attestation"] == expected
    if "attestation" in signed_members:
        assert signed_members["attestation"] == parsed["attestation"]
