"""Rules found from a literal rather than a pattern that starts with a class: the same redactions as the pattern
each was first written as (kept here as its definition), on text built from the characters that decide a match.

A pattern that starts with a class is tried at every position of a text, a literal lets `re` jump to its next
occurrence; what the class said before the literal, the handler now reads back from it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from client_actors.scrub._core import Redaction, Rule, find_redactions
from client_actors.scrub._key_ids import _HEX40, _KEY_ID, _SEPARATOR
from client_actors.scrub._names import is_placeholder
from client_actors.scrub._pairs import BRACKETED_PAIR, _last_part_sense
from client_actors.scrub._tools import redact_value

# Pieces of names, values and what surrounds them: a sensitive name's words, a dotted name, a long run of name
# characters, a name that starts with a digit or a non-ASCII letter, and each character a bracket pair reads.
_PIECES = st.sampled_from(
    ["password", "db.secret", "api_token", "key", "x", "1a", "é", "ß", "-", ".", "_", "=", "[", "]", "=[", "\n",
     ",", "\\", " ", "abcd", "MASKED", "s3cr3t-v4lue", ".password", "a" * 72, "b" * 73]
)  # fmt: skip
_FREE = st.lists(_PIECES, max_size=14).map("".join)
# A name of every length near the longest (81 characters) and a short one, a sensitive word last, before a value.
_NAMES = st.builds(
    lambda first, length, last: first + "n" * max(0, length - len(first) - len(last)) + last,
    st.sampled_from(["", "1", "é", "_", "-", "."]),
    st.sampled_from([4, 79, 80, 81, 82, 83]),
    st.sampled_from([".password", "_token", "Secret", "key", ""]),
)
_VALUES = st.sampled_from(["s3cr3t-v4lue", "abc", "MASKED"])
_TEXTS = _FREE | st.builds("{}{}=[{}]{}".format, _FREE, _NAMES, _VALUES, _FREE)

_FIRST_BRACKETED = re.compile(
    r"(?<![\w.\-])(?P<name>[A-Za-z_][\w.\-]{0,80})=\[(?P<value>[^\]\[\n,\\]{4,1024})\]"
)


def _as_first_written(match: re.Match[str]) -> Redaction | None:
    """The handler as it was, the name taken from the pattern's group."""
    if is_placeholder(f"[{match.group('value')}]"):
        return None
    kind = _last_part_sense(match.group("name"))
    return None if kind is None else redact_value(match, kind)


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_a_bracketed_pair_is_found_as_its_first_pattern_found_it(text: str) -> None:
    first_written = Rule("bracketed-pair", _FIRST_BRACKETED, _as_first_written, "=[")
    assert find_redactions(BRACKETED_PAIR, text) == find_redactions(first_written, text)


def test_the_name_is_read_back_whole_and_no_longer_than_a_name() -> None:
    secret = "Zq" + "7" * 3 + "vK" + "m" * 4
    assert find_redactions(BRACKETED_PAIR, f"password=[{secret}]")
    assert find_redactions(BRACKETED_PAIR, f"app.db.password=[{secret}]")
    assert not find_redactions(
        BRACKETED_PAIR, "x" * 73 + f"_password=[{secret}]"
    )  # 81 characters is the most
    assert find_redactions(BRACKETED_PAIR, "x" * 72 + f"_password=[{secret}]")
    assert not find_redactions(BRACKETED_PAIR, f"1password=[{secret}]")
    assert not find_redactions(BRACKETED_PAIR, f"épassword=[{secret}]")


# A key id's name before its value: each spelling, glued to letters before it or not, in any case.
_KEY_ID_PIECES = st.sampled_from(
    ["key_id", "KEY_ID", "keyId", "KeyId", "keyID", "KeyID", "KEYID", "admin", "ADMIN", "_", "1", " ", "k", "K",
     "ey", "=", ": ", '"', "\\", "\n", "0123456789abcdef" * 2 + "01234567", "f" * 40, "g"]
)  # fmt: skip
_FIRST_KEY_ID = re.compile(
    r"(?:(?<![A-Za-z])(?:key_id|KEY_ID|[kK]eyI[dD])|(?<=[a-z])KeyI[dD])" + _SEPARATOR + _HEX40
)


@settings(max_examples=600, deadline=None)
@given(
    st.lists(_KEY_ID_PIECES, max_size=12).map("".join)
    | st.builds(
        "{}{}{}{}".format,
        st.sampled_from(["", " ", "a", "A", "1", "_", "admin", "ADMIN", '"']),
        st.sampled_from(["key_id", "KEY_ID", "keyId", "KeyId", "keyID", "KeyID", "KEYID", "Key_id"]),
        st.sampled_from(["=", ": ", '": "', '\\": \\"', " => "]),
        st.sampled_from(["0123456789abcdef" * 2 + "01234567", "f" * 40, "f" * 41, "f" * 39]),
    )
)
def test_a_key_id_is_found_as_its_first_pattern_found_it(text: str) -> None:
    assert [m.span() for m in _KEY_ID.finditer(text)] == [m.span() for m in _FIRST_KEY_ID.finditer(text)]
