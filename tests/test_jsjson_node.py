"""`stringify` against a real JavaScript runtime: thousands of generated values, one `node` process.

Each value goes to node as a JSON line (`json.dumps` with ASCII escapes, so node's JSON.parse rebuilds the
same doubles, big integers and lone surrogates); node answers `JSON.stringify(JSON.parse(line))` per line.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from groove_actors.protocol import jsjson

NODE = shutil.which("node")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(NODE is None, reason="node is not on PATH: no JavaScript to compare with"),
]

# Hypothesis spends a few milliseconds per example whatever its size, so each example is a batch of values.
BATCHES = 200
BATCH_SIZE = 10

# Reads JSON lines on stdin and prints JSON.stringify(JSON.parse(line)) for each. Output lines cannot
# contain a raw newline: JSON.stringify escapes it inside strings.
NODE_SCRIPT = """
const lines = require('fs').readFileSync(0, 'utf8').split('\\n');
lines.pop();
process.stdout.write(lines.map((line) => JSON.stringify(JSON.parse(line)) + '\\n').join(''));
"""

TRICKY_CHARS = ["\ud800", "\udbff", "\udc00", "\udfff", "\ud83c", "\udf89", '"', "\\", "/", "\x00", "\x1f"]
TRICKY_CHARS += ["\x7f", "\b", "\f", "\n", "\r", "\t", "\u2028", "\u2029", "\ufeff", "é", "世", "🎉", "a"]
characters = st.one_of(
    st.characters(exclude_categories=()),
    st.integers(min_value=0xD800, max_value=0xDFFF).map(chr),  # st.characters leaves surrogates out
    st.sampled_from(TRICKY_CHARS),
)
# Joined by hand: st.text drops surrogates, and lone ones (or pairs split in two) are what matters here.
texts = st.lists(characters, max_size=12).map("".join)

INDEX_LIKE = ["0", "1", "7", "42", "01", "00", "-1", "-0", "1.5", "1e3", "4294967294", "4294967295", " 1", ""]
keys = st.one_of(
    texts,
    st.sampled_from(INDEX_LIKE),
    st.integers(min_value=0, max_value=2**32 + 10).map(str),
)

# Floats of every magnitude, with extra weight on the Number::toString switch points (1e-7, 1e21, 2**53).
floats = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(min_value=-1e22, max_value=1e22, allow_nan=False),
    st.floats(min_value=-1e-3, max_value=1e-3, allow_nan=False),
    st.builds(lambda m, e: m * 10.0**e, st.integers(-999, 999), st.integers(-30, 30)),
    st.integers(min_value=-(2**64), max_value=2**64).map(float),
    st.sampled_from([0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308]),
)
ints = st.one_of(
    st.integers(min_value=-(2**31), max_value=2**31),
    st.integers(min_value=2**53 - 4, max_value=2**53 + 4),
    st.integers(min_value=-(10**25), max_value=10**25),
    st.integers(min_value=10**300, max_value=10**320),  # some beyond the double range: Infinity, printed null
)
scalars = st.one_of(st.none(), st.booleans(), ints, floats, texts)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(keys, children, max_size=6),
    max_leaves=12,
)


def generate_values(batches: int) -> list[Any]:
    """`batches * BATCH_SIZE` values drawn by hypothesis (generation only: no shrinking, no database)."""
    drawn: list[Any] = []

    @settings(
        max_examples=batches,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.lists(json_values, min_size=BATCH_SIZE, max_size=BATCH_SIZE))
    def collect(values: list[Any]) -> None:
        drawn.extend(values)

    collect()
    return drawn


def node_stringify(values: list[Any]) -> list[str]:
    assert NODE is not None
    lines = "".join(json.dumps(value, ensure_ascii=True) + "\n" for value in values)
    done = subprocess.run(
        [NODE, "-e", NODE_SCRIPT], input=lines.encode("ascii"), capture_output=True, timeout=60, check=True
    )
    printed = done.stdout.decode("utf-8").split("\n")
    assert printed.pop() == ""
    return printed


def test_stringify_matches_node_on_generated_values() -> None:
    values = generate_values(BATCHES)
    expected = node_stringify(values)
    assert len(expected) == len(values)

    mismatches = []
    for value, js in zip(values, expected, strict=True):
        outputs = {
            "stringify": jsjson.stringify(value),
            "stringify_bytes": jsjson.stringify_bytes(value).decode("utf-8"),
            # the writer orjson hands over to; checked on every value, not only on those that need it
            "stdlib writer": jsjson._stringify_with_stdlib(value),
            "stringify(parse(js))": jsjson.stringify(jsjson.parse(js.encode("utf-8"))),
        }
        mismatches += [(name, value, js, got) for name, got in outputs.items() if got != js]

    first = mismatches[:5]
    report = "\n".join(f"{name}: {v!r}\n  node: {js}\n  ours: {got}" for name, v, js, got in first)
    assert not mismatches, f"{len(mismatches)} mismatches with node, first ones:\n{report}"
