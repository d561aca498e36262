"""The rule set as a whole (client_actors/scrub/_engine.py and _result.py)."""

from __future__ import annotations

import random
import re
import time

import pytest

from client_actors.scrub import (
    REDACTION_KINDS,
    RULESET_VERSION,
    RuleCounts,
    ScrubResult,
    scrub_text,
    scrub_texts,
    scrub_value,
    scrub_values,
)
from groove_actors.protocol.models import JsonValue
from tests.scrubcorpus.contexts import build_instances

TOKEN = re.compile(r"\[REDACTED:([a-z0-9-]+)\]")


def test_ruleset_version_is_a_dated_version() -> None:
    assert re.fullmatch(r"20[0-9]{2}\.[0-9]{1,2}\.[0-9]+", RULESET_VERSION)


def test_a_clean_text_comes_back_unchanged_with_no_counts() -> None:
    text = "def f(x: int) -> int:\n    return x + 1  # see https://docs.python.org/3/\n"
    assert scrub_text(text) == ScrubResult(text, RuleCounts())


def test_every_token_kind_is_declared_and_counted() -> None:
    for instance in build_instances(random.Random(1), 3):
        result = scrub_text(instance.doc)
        kinds = TOKEN.findall(result.text)
        assert set(kinds) <= REDACTION_KINDS
        assert set(kinds) <= {kind for kind, _ in result.counts.pairs}
        assert result.counts.get("home-path") + len(kinds) == result.counts.total


def test_rule_counts() -> None:
    counts = RuleCounts.from_mapping({"email": 2, "ipv4": 0, "jwt": 1})
    assert counts.pairs == (("email", 2), ("jwt", 1))
    assert counts.get("email") == 2 and counts.get("ipv4") == 0
    assert counts.total == 3
    assert counts.as_dict() == {"email": 2, "jwt": 1}


def test_scrubbing_is_idempotent_on_the_corpus() -> None:
    for instance in build_instances(random.Random(2), 5):
        once = scrub_text(instance.doc).text
        assert scrub_text(once).text == once


# Runs that once made a rule rescan the rest of the text at every anchor (quadratic time).
PATHOLOGICAL = [
    "sk-", "xo" + "xb-", "a:", "1:", "C:\\Users\\", "Key=", "?sig=", " -u a:", "Authorization: Digest ",
    "-----BEGIN RSA PRIVATE" + " KEY-----\n", "password=", "a@b.co", "0000 ", "/home/a/home/", "eyJhbGciOi.",
]  # fmt: skip


@pytest.mark.parametrize("unit", PATHOLOGICAL)
def test_long_runs_of_anchors_take_linear_time(unit: str) -> None:
    text = unit * (100_000 // len(unit))
    started = time.process_time()
    scrub_text(text)
    assert time.process_time() - started < 2.0  # about 0.2 s when linear; minutes when not


def test_scrub_texts_gives_what_scrub_text_gives_each_text() -> None:
    texts = [instance.doc for instance in build_instances(random.Random(5), 10)]
    texts += ["plain words", "", "a\x1eb user@acme-corp.io", "x" * 70_000 + " ops@acme-corp.io"]
    scrubbed, counts = scrub_texts(texts)
    assert scrubbed == [scrub_text(text).text for text in texts]
    assert counts.total == sum(scrub_text(text).counts.total for text in texts)


def test_scrub_texts_falls_back_to_one_by_one_when_a_match_would_span_texts() -> None:
    begin, end = "-----BEGIN " + "PRIVATE KEY-----", "-----END " + "PRIVATE KEY-----"
    texts = [f"{begin}\nMIIEvQ", "keep me", f"{end}\n"]
    scrubbed, _ = scrub_texts(texts)
    assert scrubbed == [scrub_text(text).text for text in texts]
    assert scrubbed[1] == "keep me"


def test_scrub_values_gives_what_scrub_value_gives_each_value() -> None:
    docs = [instance.doc for instance in build_instances(random.Random(6), 4)]
    values: list[JsonValue] = [
        docs[0],
        {"command": docs[1], "timeout": 30, "env": {"DB_PASSWORD": "Tr0ub4dor&3", "PORT": 5432}},
        [docs[2], None, True, 1.5, {"password": 12345}],
        None,
        {"credentials": {"user": "ci", "note": docs[3]}, "api_key": "changeme"},
        "",
    ]
    scrubbed, counts = scrub_values(values)
    assert scrubbed == [scrub_value(value)[0] for value in values]
    assert counts.total == sum(scrub_value(value)[1].total for value in values)
    assert scrub_values([]) == ([], RuleCounts())
