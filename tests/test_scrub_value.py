"""`scrub_value` over JSON-like tool arguments (client_actors/scrub/_walk.py)."""

from __future__ import annotations

import copy
import random

from client_actors.scrub import RuleCounts, scrub_value
from groove_actors.protocol.models import JsonValue
from tests.scrubcorpus import fakes

RNG = random.Random(5)


def test_strings_are_scrubbed_and_keys_kept() -> None:
    token = fakes.github_token(RNG)
    value: JsonValue = {
        "command": f"git push https://x-access-token:{token}@github.com/acme/api.git",
        "cwd": "/home/hsmith/src/api",
        "alice@gmail.com": "keys are left alone",
    }
    scrubbed, counts = scrub_value(value)
    assert scrubbed == {
        "command": "git push https://x-access-token:[REDACTED:github-token]@github.com/acme/api.git",
        "cwd": "~/src/api",
        "alice@gmail.com": "keys are left alone",
    }
    assert counts == RuleCounts((("github-token", 1), ("home-path", 1)))


def test_values_under_sensitive_keys_go_whole() -> None:
    value: JsonValue = {
        "password": "correct horse battery staple",
        "headers": {"Authorization": "Bearer abc", "Accept": "application/json"},
        "apiKey": "k",
        "credentials": {"user": "bob", "pin": 1234, "remember": True},
        "db_password": 482913,
    }
    scrubbed, counts = scrub_value(value)
    assert scrubbed == {
        "password": "[REDACTED:password]",
        "headers": {"Authorization": "[REDACTED:authorization]", "Accept": "application/json"},
        "apiKey": "[REDACTED:api-key]",
        "credentials": {"user": "[REDACTED:credential]", "pin": 1234, "remember": True},
        "db_password": "[REDACTED:password]",
    }
    assert counts.total == 5


def test_ordinary_and_placeholder_values_under_sensitive_looking_keys_stay() -> None:
    value: JsonValue = {
        "token_count": 5,
        "max_tokens": 4096,
        "usage": {"input_tokens": 12, "output_tokens": 7},
        "password": "",
        "token": "${GITHUB_TOKEN}",
        "key": "node_modules/lodash",
        "signature": "sha256",
        "secret_name": "db-credentials",
    }
    scrubbed, counts = scrub_value(value)
    assert scrubbed == value
    assert counts == RuleCounts()


def test_weak_keys_take_only_random_values() -> None:
    scrubbed, _ = scrub_value({"key": "Ab3dE9fG1hJ2kL4mN6pQ", "sig": "x"})
    assert scrubbed == {"key": "[REDACTED:key]", "sig": "x"}


def test_nested_lists_and_numbers() -> None:
    email = fakes.email(RNG)
    value: JsonValue = [
        1,
        2.5,
        None,
        True,
        [f"mail {email}", {"edits": [{"new_string": "ip 93.184.216.34"}]}],
    ]
    scrubbed, counts = scrub_value(value)
    assert scrubbed == [
        1,
        2.5,
        None,
        True,
        ["mail [REDACTED:email]", {"edits": [{"new_string": "ip [REDACTED:ipv4]"}]}],
    ]
    assert counts.as_dict() == {"email": 1, "ipv4": 1}


def test_the_input_is_not_modified() -> None:
    value: JsonValue = {"password": "x1", "list": ["/home/hsmith/a"], "n": {"token": "t0k"}}
    before = copy.deepcopy(value)
    scrub_value(value)
    assert value == before
