"""ECMAScript JSON: `stringify` prints what JSON.stringify prints; `parse` accepts what JSON.parse accepts.

Expected texts are what node prints for the same value (checked by hand with node 20; the property test
in test_jsjson_node.py compares thousands more against a live node).
"""

from __future__ import annotations

import copy
import math
from typing import Any

import pytest

from groove_actors.errors import PeerError
from groove_actors.protocol import jsjson
from groove_actors.protocol.jsjson import JsonError, parse, stringify, stringify_bytes

NUMBERS = [
    (0, "0"),
    (0.0, "0"),
    (-0.0, "0"),
    (1.0, "1"),
    (-42.5, "-42.5"),
    (0.1, "0.1"),
    (0.1 + 0.2, "0.30000000000000004"),
    (1745625600.0, "1745625600"),
    (1745625600.125, "1745625600.125"),
    (123456.789, "123456.789"),
    (1e-4, "0.0001"),
    (1.5e-5, "0.000015"),
    (1e-6, "0.000001"),
    (1e-7, "1e-7"),
    (-1e-7, "-1e-7"),
    (1.5e-7, "1.5e-7"),
    (1.23e-18, "1.23e-18"),
    (5e-324, "5e-324"),
    (2.2250738585072014e-308, "2.2250738585072014e-308"),
    (1e15, "1000000000000000"),
    (1e16, "10000000000000000"),
    (1.5e16, "15000000000000000"),
    (1e20, "100000000000000000000"),
    (1.2345678901234567e20, "123456789012345670000"),
    (1e21, "1e+21"),
    (1.5e21, "1.5e+21"),
    (-1e21, "-1e+21"),
    (1.7976931348623157e308, "1.7976931348623157e+308"),
    (math.nan, "null"),
    (math.inf, "null"),
    (-math.inf, "null"),
    (2**53 - 1, "9007199254740991"),
    (-(2**53 - 1), "-9007199254740991"),
    (2**53, "9007199254740992"),
    (2**53 + 1, "9007199254740992"),  # the double JSON.parse makes of this literal
    (2**64, "18446744073709552000"),
    (10**21, "1e+21"),
    (-(10**22), "-1e+22"),
    (10**400, "null"),  # JSON.parse reads it as Infinity
    (True, "true"),
    (False, "false"),
    (None, "null"),
]


@pytest.mark.parametrize(("value", "js"), NUMBERS, ids=[repr(v) for v, _ in NUMBERS])
def test_numbers_and_literals_print_as_in_javascript(value: Any, js: str) -> None:
    assert stringify(value) == js
    assert stringify([value]) == f"[{js}]"


STRINGS = [
    ("plain", '"plain"'),
    ("", '""'),
    ('say "hi"', '"say \\"hi\\""'),
    ("back\\slash", '"back\\\\slash"'),
    ("/slash", '"/slash"'),
    ("\b\f\n\r\t", '"\\b\\f\\n\\r\\t"'),
    ("\x00\x01\x1b\x1f", '"\\u0000\\u0001\\u001b\\u001f"'),
    ("\x7f", '"\x7f"'),
    ("héllo 世界 🎉", '"héllo 世界 🎉"'),
    ("line\u2028para\u2029", '"line\u2028para\u2029"'),
    ("<script>&amp;", '"<script>&amp;"'),
    ("bad \ud800 pair", '"bad \\ud800 pair"'),
    ("\udfff\ud800", '"\\udfff\\ud800"'),  # a low then a high surrogate: two lone ones
    ("\ud83c\udf89", '"🎉"'),  # a pair held as two code points is one character in JavaScript
    ("\ud83c\ud83c\udf89", '"\\ud83c🎉"'),
]


@pytest.mark.parametrize(("value", "js"), STRINGS, ids=[ascii(v) for v, _ in STRINGS])
def test_strings_escape_as_in_javascript(value: str, js: str) -> None:
    assert stringify(value) == js
    assert stringify({value: value}) == "{" + js + ":" + js + "}"


def test_stringify_bytes_is_utf8_of_stringify_even_with_lone_surrogates() -> None:
    value = {"a": "é \ud800", "b": [1.0, "🎉"]}
    assert stringify_bytes(value) == stringify(value).encode("utf-8")
    assert stringify_bytes(value) == b'{"a":"\xc3\xa9 \\ud800","b":[1,"\xf0\x9f\x8e\x89"]}'


def test_no_whitespace_and_nested_containers() -> None:
    value = {"z": [1, 2.0, {"y": None, "x": True}], "": {}, "e": [], "t": (1, "a")}
    assert stringify(value) == '{"z":[1,2,{"y":null,"x":true}],"":{},"e":[],"t":[1,"a"]}'


def test_array_index_keys_come_first_in_ascending_order() -> None:
    value = {"b": 1, "2": "two", "1": "one", "a": 4, "01": 5, "-1": 6, "4294967295": "max"}
    value |= {"4294967294": "maxidx", "1.5": 7, "0": 0, "00": 8, "10": 10, "9": 9}
    assert stringify(value) == (
        '{"0":0,"1":"one","2":"two","9":9,"10":10,"4294967294":"maxidx",'
        '"b":1,"a":4,"01":5,"-1":6,"4294967295":"max","1.5":7,"00":8}'
    )


# Arabic-Indic one and superscript two are digits to str.isdigit, but not to JavaScript.
NOT_INDICES = ["01", "-1", "1.5", "4294967295", "99999999999", " 1", "1 ", "\u0661", "\u00b2", "+1", ""]


@pytest.mark.parametrize("key", NOT_INDICES)
def test_keys_that_are_not_array_indices_keep_their_place(key: str) -> None:
    assert stringify({"b": 1, key: 2, "a": 3}) == '{"b":1,' + stringify(key) + ':2,"a":3}'


def test_index_keys_are_ordered_in_nested_objects_too() -> None:
    assert stringify([{"x": {"b": 0, "3": 3, "1": 1}}]) == '[{"x":{"1":1,"3":3,"b":0}}]'


def test_stringify_does_not_change_its_argument() -> None:
    value = {"b": 1.0, "2": [3.0, {"1": 2**60}], "s": "\ud800"}
    before = copy.deepcopy(value)
    stringify(value)
    stringify_bytes(value)
    assert value == before
    assert list(value) == list(before)


def test_nesting_deeper_than_orjson_allows_is_still_written() -> None:
    depth = 300  # orjson stops at 254 levels
    value: Any = 1.0
    for _ in range(depth):
        value = [{"k": value}]
    assert stringify(value) == '[{"k":' * depth + "1" + "}]" * depth


@pytest.mark.parametrize("value", [{1, 2}, b"bytes", object(), [1, 2 + 3j], {"a": {"b": Ellipsis}}])
def test_values_json_cannot_hold_raise_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="cannot stringify"):
        stringify(value)


@pytest.mark.parametrize("value", [{1: "a"}, {"a": 1, 2: "b"}, {None: 1}, {"s": "\ud800", 1: 2}])
def test_non_str_keys_raise_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="keys must be str"):
        stringify(value)


def test_circular_structures_raise_value_error() -> None:
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="circular or nested too deeply"):
        stringify(loop)
    with pytest.raises(ValueError, match="circular or nested too deeply"):
        stringify_bytes({"a": loop})


def test_parse_keeps_key_order_and_stringify_restores_javascript_order() -> None:
    raw = b'{"b":1,"2":"two","1":"one","a":4}'
    parsed = parse(raw)
    assert list(parsed) == ["b", "2", "1", "a"]
    assert stringify(parsed) == '{"1":"one","2":"two","b":1,"a":4}'


def test_parse_takes_text_as_well_as_bytes() -> None:
    assert parse('{"a":[1,"é"]}') == {"a": [1, "é"]}
    assert parse('"\\ud800"') == "\ud800"
    with pytest.raises(JsonError, match="not valid JSON"):
        parse("{")


def test_parse_accepts_lone_surrogate_escapes_that_orjson_refuses() -> None:
    assert parse(b'{"s":"bad \\ud800 pair"}') == {"s": "bad \ud800 pair"}
    assert parse(b'"\\ud83c\\udf89"') == "🎉"
    assert stringify(parse(b'["\\udc00\\ud800"]')) == '["\\udc00\\ud800"]'


def test_parse_reads_numbers_as_javascript_would() -> None:
    assert stringify(parse(b"[1e400,-1e400,123456789012345678901234567890,-0,1E2,0.5e-7]")) == (
        "[null,null,1.2345678901234568e+29,0,100,5e-8]"
    )


def test_duplicate_keys_keep_the_last_value_at_the_first_position() -> None:
    parsed = parse(b'{"a":1,"b":2,"a":3}')
    assert list(parsed.items()) == [("a", 3), ("b", 2)]


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (b"", "not valid JSON"),
        (b"{", "not valid JSON"),
        (b'{"a":1,}', "not valid JSON"),
        (b"[1] x", "not valid JSON"),
        (b"NaN", "NaN is not a JSON value"),
        (b'{"a":Infinity}', "Infinity is not a JSON value"),
        (b"[-Infinity]", "-Infinity is not a JSON value"),
        (b"{'a':1}", "not valid JSON"),
        (b'"tab\there"', "not valid JSON"),
        (b"\xef\xbb\xbf{}", "not valid JSON"),  # JSON.parse does not skip a byte order mark
        (b'{"a":"\xff"}', "not valid UTF-8"),
        (b'"\\ud800" \xc3', "not valid UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
)
def test_invalid_json_raises_one_clear_error(raw: bytes, fragment: str) -> None:
    with pytest.raises(JsonError, match=fragment) as caught:
        parse(raw)
    assert isinstance(caught.value, PeerError)
    assert caught.value.status == 400


def test_json_error_names_the_position() -> None:
    with pytest.raises(JsonError) as caught:
        parse(b'{"a":1 "b":2}')
    assert (
        caught.value.reason == "body is not valid JSON: Expecting ',' delimiter at line 1 column 8 (char 7)"
    )


def test_stdlib_writer_agrees_with_the_orjson_path() -> None:
    value = {"b": [1.0, 2**70, -0.0, 1e-7], "1": {"0": None, "x": "é\n"}, "c": (True, False)}
    assert jsjson._stringify_with_stdlib(value) == stringify(value)
