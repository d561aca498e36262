"""Sensitive names, placeholders and randomness (client_actors/scrub/_names.py)."""

from __future__ import annotations

import pytest

from client_actors.scrub._names import Sense, classify_name, is_placeholder, looks_random, split_words


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("SecretAccessKey", ["secret", "access", "key"]),
        ("AWS_SECRET_ACCESS_KEY", ["aws", "secret", "access", "key"]),
        ("x-api-key", ["x", "api", "key"]),
        ("APIKey", ["api", "key"]),
        ("pgpassword", ["pg", "password"]),
        ("accesstoken", ["access", "token"]),
        ("token_count", ["token", "count"]),
    ],
)
def test_split_words(name: str, words: list[str]) -> None:
    assert split_words(name) == words


@pytest.mark.parametrize(
    ("name", "sense"),
    [
        ("password", Sense("password", True)),
        ("DB_PASS", Sense("password", True)),
        ("MYSQL_PWD", Sense("password", True)),
        ("password_hash", Sense("password", True)),
        ("clientSecret", Sense("secret", True)),
        ("SECRET_KEY_BASE", Sense("secret", True)),
        ("GITHUB_TOKEN", Sense("token", True)),
        ("refresh_token", Sense("token", True)),
        ("X-Api-Key", Sense("api-key", True)),
        ("AccountKey", Sense("api-key", True)),
        ("private_key", Sense("private-key", True)),
        ("aws_secret_access_key", Sense("aws-secret-key", True)),
        ("Authorization", Sense("authorization", True)),
        ("credentials", Sense("credential", True)),
        ("cookie", Sense("cookie", True)),
        ("key", Sense("key", False)),
        ("cache_key", Sense("key", False)),
        ("auth", Sense("authorization", False)),
        ("signature", Sense("signature", False)),
    ],
)
def test_sensitive_names(name: str, sense: Sense) -> None:
    assert classify_name(name) == sense


@pytest.mark.parametrize(
    "name",
    ["token_count", "max_tokens", "input_tokens", "tokenizer", "secret_name", "private_key_id", "key_id",
     "PWD", "author", "password_file", "token_type", "keys", "bypass", "compass", ""],
)  # fmt: skip
def test_ordinary_names(name: str) -> None:
    assert classify_name(name) is None


def test_a_public_key_names_no_secret_and_a_key_beside_it_still_does() -> None:
    # What a name says is public anyone may hold (Discord's application key, a Snowflake user's RSA_PUBLIC_KEY);
    # a private key under it is still found by its own layout, wherever it stands.
    assert classify_name("public_key") is None
    assert classify_name("DISCORD_PUBLIC_KEY") is None
    assert classify_name("public_key_secret") == Sense("secret", True)
    # A publishable key is published by design (Stripe's `pk_live_`, Supabase's): its name says so, as "public" does.
    assert classify_name("publishable_key") is None
    assert classify_name("STRIPE_PUBLISHABLE_KEY") is None
    assert classify_name("publishable_key_secret") == Sense("secret", True)


@pytest.mark.parametrize(
    "value",
    ["", "  ", "<your-api-key>", "${TOKEN}", "$TOKEN", "$(cat f)", "{{ secrets.X }}", "%(pw)s", "{password}",
     "********", "xxxxxxxx", "...", "changeme", "CHANGEME", "your-token-here", "YOUR_API_KEY", "[REDACTED:token]",
     "%DB_PASS%", "none", "placeholder"],
)  # fmt: skip
def test_placeholders(value: str) -> None:
    assert is_placeholder(value)


@pytest.mark.parametrize("value", ["hunter2", "s3cr3t!", "Tr0ub4dor&3", "abc123XYZ789"])
def test_real_values_are_not_placeholders(value: str) -> None:
    assert not is_placeholder(value)


@pytest.mark.parametrize(
    ("value", "random"),
    [
        ("Ab3dE9fG1hJ2kL4mN6pQ", True),
        ("dGhpcyBpcyBhIHNlY3JldCBrZXk=", True),
        ("a3f9c2e1b4d5f6a7b8c9d0e1f2a3b4c5", False),  # hex: a digest
        ("node_modules/foo/bar", False),
        ("short1A", False),
        ("thisisalongordinaryword", False),
        ("com.example.app.Main", False),
    ],
)
def test_looks_random(value: str, random: bool) -> None:
    assert looks_random(value) is random
