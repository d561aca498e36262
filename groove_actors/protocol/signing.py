"""The envelope signature (PROTOCOL.md §2 "Signature"): HMAC-SHA256 over seq_be32 ‖ body_without_attestation.

`body_without_attestation` is `JSON.stringify` of the envelope minus its `attestation` key. A body that a
JavaScript client produced is already that text with the attestation member added, so the verifier cuts the
member out of the received bytes (`signed_text_of_body`) and re-serialises only when that does not apply.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Iterable
from typing import Any

from groove_actors.protocol import jsjson

__all__ = [
    "hmac_matches",
    "sign",
    "sign_envelope",
    "signed_text_of_body",
    "signed_text_of_envelope",
    "signing_input",
    "verify_body",
]

_MAX_SEQUENCE = 2**32 - 1  # the sequence travels as an unsigned 32-bit big-endian prefix
_HMAC_HEX = re.compile(r"[0-9a-fA-F]{64}")

# Scanner pieces for `signed_text_of_body`. Possessive quantifiers: no backtracking, linear on any input.
_STRING = re.compile(rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"', re.DOTALL)
_SCALAR = re.compile(rb"-?[0-9]++(?:\.[0-9]++)?+(?:[eE][-+]?+[0-9]++)?+|true|false|null")
# Everything up to the next bracket that is not inside a string.
_NO_BRACKETS = re.compile(rb'(?:[^"\[\]{}]++|"[^"\\]*+(?:\\.[^"\\]*+)*+")*+', re.DOTALL)
_ATTESTATION_KEY = b'"attestation"'
# A key "attestation" written raw ends in these bytes: its closing quote follows an `n`, so it is not escaped.
_RAW_SPELLING = b'attestation"'
# Escaped, a letter of "attestation" is written \u006x or \u007x; JSON.stringify never writes these.


def signing_input(sequence: int, text: bytes) -> bytes:
    """The bytes the HMAC covers: the sequence as 4 bytes big-endian, then the text.

    Raises:
        ValueError: the sequence does not fit in an unsigned 32-bit integer.
    """
    if not 0 <= sequence <= _MAX_SEQUENCE:
        raise ValueError(f"sequence must be in 0..{_MAX_SEQUENCE}, got {sequence}")
    return sequence.to_bytes(4, "big") + text


def sign(secret: bytes, sequence: int, signed_text: bytes) -> str:
    """The lower-case hex HMAC-SHA256 of `signing_input(sequence, signed_text)` under `secret`."""
    return hmac.new(secret, signing_input(sequence, signed_text), hashlib.sha256).hexdigest()


def hmac_matches(secret: bytes, sequence: int, signed_text: bytes, hmac_hex: str) -> bool:
    """Whether `hmac_hex` is the signature of the text, compared in constant time (PROTOCOL.md §2).

    A value that is not 64 hex digits, or a sequence outside 0..2**32-1, is simply not a match.
    """
    return _pieces_match(secret, sequence, (signed_text,), hmac_hex)


def _pieces_match(secret: bytes, sequence: int, pieces: Iterable[bytes | memoryview], hmac_hex: str) -> bool:
    """`hmac_matches` for a text given in pieces, so that a cut body is signed without being copied."""
    if not isinstance(hmac_hex, str) or not _HMAC_HEX.fullmatch(hmac_hex):
        return False
    if isinstance(sequence, bool) or not isinstance(sequence, int) or not 0 <= sequence <= _MAX_SEQUENCE:
        return False
    mac = hmac.new(secret, signing_input(sequence, b""), hashlib.sha256)
    for piece in pieces:
        mac.update(piece)
    return hmac.compare_digest(mac.digest(), bytes.fromhex(hmac_hex))


def signed_text_of_envelope(envelope: dict[str, Any]) -> bytes:
    """`JSON.stringify` of the envelope without its `attestation` key, as UTF-8: the text a client signs.

    Raises:
        TypeError, ValueError: as `jsjson.stringify` (a value JSON cannot hold, or circular nesting).
    """
    return jsjson.stringify_bytes({key: item for key, item in envelope.items() if key != "attestation"})


def sign_envelope(secret: bytes, sequence: int, envelope_without_attestation: dict[str, Any]) -> str:
    """The `session_hmac` for an envelope, as a client computes it; an `attestation` key is left out."""
    return sign(secret, sequence, signed_text_of_envelope(envelope_without_attestation))


def verify_body(secret: bytes, sequence: int, raw: bytes, parsed: object | None, hmac_hex: str) -> bool:
    """Whether the received body carries a valid signature for `sequence`.

    `raw` is the body as received and `parsed` its parse (`jsjson.parse(raw)`), or None to have it parsed
    here only if it is needed. The signed text is first cut out of `raw`; the envelope is re-serialised only
    when that is not possible or does not match, for example for a client that signed `JSON.stringify` but
    sent the body in another layout.
    """
    span = _attestation_span(raw)
    if span is not None:
        whole = memoryview(raw)
        if _pieces_match(secret, sequence, (whole[: span[0]], whole[span[1] :]), hmac_hex):
            return True
    if parsed is None:
        try:
            parsed = jsjson.parse(raw)
        except jsjson.JsonError:
            return False
    if not isinstance(parsed, dict):
        return False
    try:
        text = signed_text_of_envelope(parsed)
    except ValueError:  # nested too deeply to re-serialise here; such a body verifies only by the cut
        return False
    return (span is None or text != _without(raw, span)) and hmac_matches(secret, sequence, text, hmac_hex)


def signed_text_of_body(raw: bytes) -> bytes | None:
    """The body with its top-level `"attestation":{...}` member and one adjacent comma cut out.

    For a body that `JSON.stringify` produced, this is the text the client signed, found without parsing
    or re-serialising. Returns None when the body is not in the form this handles (not a compact JSON
    object, no top-level `attestation` member), or when a key before that member might decode to
    `attestation` (an escaped spelling); the caller then re-serialises the parsed body instead.

    What is cut is always a top-level member that the parse reads as the attestation, or that a later
    member of the same name overrides; everything else stays in the signed text. A later duplicate (raw or
    escaped) also stays in, and it is the attestation the parse reads: its `session_hmac` would have to sign
    a text that contains it, so such a body never verifies by the cut.

    `raw` must be valid JSON (the caller parsed it first); for other input the result is meaningless.
    """
    span = _attestation_span(raw)
    return None if span is None else _without(raw, span)


def _without(raw: bytes, span: tuple[int, int]) -> bytes:
    return raw[: span[0]] + raw[span[1] :]


def _attestation_span(raw: bytes) -> tuple[int, int] | None:
    """The bytes `signed_text_of_body` cuts: the attestation member and one comma beside it."""
    member = _find_attestation_member(raw)
    if member is None:
        return None
    start, end = member
    if raw[start - 1] == 0x2C:  # ',': not the first member, cut the comma before it
        return start - 1, end
    if raw[end] == 0x2C:  # the first member: cut the comma after it
        return start, end + 1
    return start, end  # the only member


def _find_attestation_member(raw: bytes) -> tuple[int, int] | None:
    """Start and end of the first top-level member named `attestation`, or None if that is not certain.

    Commonly the body spells `attestation` raw and escapes no letter before it: then the key is found by a
    byte search and shown to be top-level by walking the members on its shorter side (JavaScript clients
    put it fifth, before the long trajectory_log). Other bodies need a walk of every member.
    """
    if raw[:1] != b"{" or raw[-1:] != b"}":
        return None
    hit = raw.find(_RAW_SPELLING)
    # Forward `find` is a fast byte search; `rfind` and a regex over the whole body cost 10-20x more.
    if hit != -1 and not _escapes_a_letter(raw, hit):
        return _top_level_member_at(raw, hit - 1)
    return _walk_for_attestation(raw)


def _escapes_a_letter(raw: bytes, end: int) -> bool:
    """Whether a `\\u006x`/`\\u007x` escape (a lower-case letter) occurs before `end`: it could spell a key."""
    position = raw.find(b"\\u00", 0, end)
    while position != -1:
        if raw[position + 4 : position + 5] in (b"6", b"7"):
            return True
        position = raw.find(b"\\u00", position + 4, end)
    return False


def _top_level_member_at(raw: bytes, start: int) -> tuple[int, int] | None:
    """The member whose key starts at `start`, if it is a compact top-level member."""
    # `,"` and `{"` cannot occur inside a string (a quote there is escaped): this is a key's opening quote.
    if start < 1 or raw[start - 1] not in b",{" or raw[start : start + 14] != _ATTESTATION_KEY + b":":
        return None
    end = _skip_value(raw, start + 14)
    if end is None or raw[end : end + 1] not in (b",", b"}"):
        return None
    if start < len(raw) - end:
        top_level = _members_lead_from_the_start(raw, start)
    else:
        top_level = _members_lead_to_the_end(raw, end)
    return (start, end) if top_level else None


def _members_lead_from_the_start(raw: bytes, target: int) -> bool:
    """Whether walking members from the opening `{` lands exactly on `target`: then it is top-level."""
    position = 1
    while position < target:
        member = _next_member(raw, position)
        if member is None or raw[member[2] : member[2] + 1] != b",":
            return False
        position = member[2] + 1
    return position == target


def _members_lead_to_the_end(raw: bytes, position: int) -> bool:
    """Whether the members after `position` end at the final `}`: then they are the top-level members.

    The `}` that closes a nested object always comes before the final one, so a member whose own object
    closes on the last byte of the body is a top-level member.
    """
    while raw[position : position + 1] == b",":
        member = _next_member(raw, position + 1)
        if member is None:
            return False
        position = member[2]
    return position == len(raw) - 1


def _walk_for_attestation(raw: bytes) -> tuple[int, int] | None:
    """Walk every top-level member: the attestation member, if there is exactly one and no escaped key."""
    found = None
    position = 1
    while True:
        member = _next_member(raw, position)
        if member is None:
            return None
        key, start, end = member
        if b"\\" in key or (key == _ATTESTATION_KEY and found is not None):
            return None  # an escaped key might spell attestation; a duplicate would be ambiguous
        if key == _ATTESTATION_KEY:
            found = (start, end)
        if raw[end : end + 1] != b",":
            return found if end == len(raw) - 1 else None
        position = end + 1


def _next_member(raw: bytes, position: int) -> tuple[bytes, int, int] | None:
    """The member starting at `position`: its raw key (with quotes), its start and the end of its value."""
    key = _STRING.match(raw, position)
    if key is None or raw[key.end() : key.end() + 1] != b":":
        return None
    end = _skip_value(raw, key.end() + 1)
    return None if end is None else (key.group(), position, end)


def _skip_value(raw: bytes, position: int) -> int | None:
    """The end of the JSON value starting at `position` (no whitespace skipped), or None."""
    first = raw[position : position + 1]
    if first == b'"':
        match = _STRING.match(raw, position)
        return None if match is None else match.end()
    if first in (b"{", b"["):
        return _skip_container(raw, position)
    scalar = _SCALAR.match(raw, position)
    return None if scalar is None else scalar.end()


def _skip_container(raw: bytes, position: int) -> int | None:
    # Valid JSON (the precondition) balances its brackets, so counting depth is enough.
    depth = 0
    size = len(raw)
    while True:
        filler = _NO_BRACKETS.match(raw, position)  # always matches, if only the empty string
        position = filler.end() if filler is not None else position
        if position >= size:
            return None
        bracket = raw[position]
        if bracket == 0x7B or bracket == 0x5B:  # { [
            depth += 1
        elif bracket == 0x7D or bracket == 0x5D:  # } ]
            depth -= 1
            if depth == 0:
                return position + 1
        else:  # an unterminated string
            return None
        position += 1
