"""Properties of the scrubber: total, idempotent, and a planted secret never survives."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from client_actors.scrub import scrub_text, scrub_value
from groove_actors.protocol.models import JsonValue
from tests.scrubcorpus import fakes

# Pieces of what the rules look for, so that random text reaches deep into every rule, and the
# redaction tokens themselves, so that idempotence is tested on text that is half scrubbed.
FRAGMENTS = [
    "AK" + "IA", "gh" + "p_", "sk" + "-", "sk-" + "ant-", "xo" + "xb-", "ey" + "J", "-----BEGIN ",
    "PRIVATE" + " KEY-----", "password", "PASSWORD", "token", "Key", "=", ": ", '"', "'", "\\", "\\n", "\n",
    "\t", "@", "gmail.com", "example.com",
    "://", "/home/", "/Users/", "C:\\Users\\", "::", ".", "-", "_", "+1 ", "4111", "1111", " ", "[REDACTED:email]",
    "[REDACTED:", "]", "(", ")", "{", "}", "$", "${", "<", ">", "192.168.", "93.184.", "2a03:", "fe80", "Bearer ",
    "Authorization: ", "--password ", "mysql -p", "curl -u ", "Cookie: ", "AccountKey=", "?sig=", "&", "0", "7", "A",
    "x", "é", "→", "\ud800", "~", "sig", "pass", "export ", "0000", "555-", "(415) ",
]  # fmt: skip
ANY_UNICODE = st.characters(exclude_categories=())  # surrogates included
SOUP = st.lists(st.sampled_from(FRAGMENTS) | st.text(ANY_UNICODE, max_size=4), max_size=40).map("".join)
TEXTS = st.text(ANY_UNICODE, max_size=300) | SOUP
SLOW_OK = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow
@SLOW_OK
@given(TEXTS)
def test_scrubbing_is_total_and_idempotent(text: str) -> None:
    once = scrub_text(text)
    assert scrub_text(once.text).text == once.text
    assert once.counts.total >= 0


PLANTED = [
    fakes.aws_access_key, fakes.google_api_key, fakes.github_token, fakes.gitlab_token, fakes.slack_token,
    fakes.stripe_key, fakes.openai_key, fakes.anthropic_key, fakes.huggingface_token, fakes.xai_key,
    fakes.npm_token, fakes.pypi_token, fakes.sendgrid_key, fakes.twilio_key, fakes.jwt, fakes.private_key,
    fakes.discord_bot_token, fakes.email, fakes.card_number, fakes.public_ipv4,
]  # fmt: skip
SEPARATORS = [" ", "\n", "\t", '"', "'", "=", "(", ", "]


@pytest.mark.slow
@SLOW_OK
@given(
    before=TEXTS,
    after=TEXTS,
    make=st.sampled_from(PLANTED),
    seed=st.integers(0, 2**32),
    left=st.sampled_from(SEPARATORS),
    right=st.sampled_from([" ", "\n", '"', "'", ")", ", "]),
)
def test_a_secret_planted_in_random_text_is_removed(
    before: str, after: str, make: fakes.Maker, seed: int, left: str, right: str
) -> None:
    secret = make(random.Random(seed))
    if make is fakes.public_ipv4 and left == "=":
        left = " "  # "pkg==1.2.3.4" is a version pin by design (see _network._VERSION_BEFORE)
    if make is fakes.public_ipv4 and before.endswith(("\u00a7", "=", "<", ">", "~", "^")):
        # "\u00a7 4.2.3.2" is a section's number by design, as "section 4.2.3.2" is; "pkg<= 1.2.3.4" a version's bound
        before += "."
    assert secret not in scrub_text(before + left + secret + right + after).text


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXTS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["password", "token", "key", "cmd", "max_tokens", "auth", "x"]) | TEXTS,
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@pytest.mark.slow
@SLOW_OK
@given(JSON)
def test_scrub_value_is_total_idempotent_and_keeps_the_shape(value: JsonValue) -> None:
    once, _ = scrub_value(value)
    assert scrub_value(once)[0] == once
    assert _shape(once) == _shape(value)


def _shape(value: JsonValue) -> object:
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(item) for item in value]
    return "leaf"
