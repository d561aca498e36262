"""Secrets recognised by their surroundings (client_actors/scrub/_context.py)."""

from __future__ import annotations

import json
import random

import pytest

from client_actors.scrub import scrub_text
from tests.scrubcorpus import fakes

RNG = random.Random(99)
BEGIN, END = "-----BEGIN ", "-----END "


def pem(label: str, body: str) -> str:
    name = label + "PRIVATE" + " KEY"
    return f"{BEGIN}{name}-----\n{body}\n{END}{name}-----"


@pytest.mark.parametrize("label", ["", "RSA ", "EC ", "OPENSSH ", "ENCRYPTED "])
def test_a_private_key_block_goes_whole(label: str) -> None:
    block = pem(label, fakes.azure_account_key(RNG) + "\n" + fakes.azure_account_key(RNG))
    result = scrub_text(f"$ cat key.pem\n{block}\n$ ls\n")
    assert result.text == "$ cat key.pem\n[REDACTED:private-key]\n$ ls\n"


def test_a_pgp_key_block_goes_whole() -> None:
    name = "PGP PRIVATE" + " KEY BLOCK"
    block = f"{BEGIN}{name}-----\n\nlQOYBF{fakes.azure_account_key(RNG)}\n{END}{name}-----"
    assert scrub_text(block).text == "[REDACTED:private-key]"


def test_a_json_escaped_service_account_key_goes_whole() -> None:
    block = pem("", fakes.azure_account_key(RNG))
    doc = json.dumps({"type": "service_account", "private_key": block, "project_id": "acme"})
    result = scrub_text(doc)
    assert json.loads(result.text)["private_key"] == "[REDACTED:private-key]"
    assert json.loads(result.text)["project_id"] == "acme"


def test_a_truncated_key_block_loses_its_base64_lines() -> None:
    body = fakes.azure_account_key(RNG)
    text = f"{BEGIN}RSA PRIVATE" + f" KEY-----\n{body}\n{body}\n... (truncated)"
    result = scrub_text(text)
    assert body not in result.text
    assert result.text.endswith("\n... (truncated)")


def test_certificates_and_public_keys_are_kept() -> None:
    text = f"{BEGIN}CERTIFICATE-----\nMIIB\n{END}CERTIFICATE-----\n{BEGIN}PUBLIC KEY-----\nMIIB\n{END}PUBLIC KEY-----"
    assert scrub_text(text).text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "postgres://app:S3cret-pw@db.internal:5432/app",
            "postgres://app:[REDACTED:url-credentials]@db.internal:5432/app",
        ),
        ("redis://:hunter2@cache:6379/0", "redis://:[REDACTED:url-credentials]@cache:6379/0"),
        ("https://u:p@ss@host.io/x", "https://u:[REDACTED:url-credentials]@host.io/x"),
        ("https://host.io/path?q=1", "https://host.io/path?q=1"),
        ("ssh://git@github.com/acme/api.git", "ssh://git@github.com/acme/api.git"),
        ("postgres://app:${DB_PASSWORD}@db/app", "postgres://app:${DB_PASSWORD}@db/app"),
        ("https://user:<password>@host.io", "https://user:<password>@host.io"),
    ],
)
def test_url_credentials_keep_scheme_and_host(text: str, expected: str) -> None:
    assert scrub_text(text).text == expected


def test_a_token_as_url_user_is_redacted() -> None:
    token = fakes.api_secret(RNG)
    assert scrub_text(f"https://{token}@o1.ingest.example.io/2").text == (
        "https://[REDACTED:url-credentials]@o1.ingest.example.io/2"
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Authorization: Bearer abc123def456ghi789", "Authorization: Bearer [REDACTED:authorization]"),
        ("authorization: Basic dXNlcjpwYXNzd29yZA==", "authorization: Basic [REDACTED:authorization]"),
        (
            '-H "Authorization: token 0123456789abcdef0123"',
            '-H "Authorization: token [REDACTED:authorization]"',
        ),
        (
            '{\\"Authorization\\": \\"Bearer abc123def456\\"}',
            '{\\"Authorization\\": \\"Bearer [REDACTED:authorization]\\"}',
        ),
        ("Proxy-Authorization: Basic Zm9vOmJhcg==", "Proxy-Authorization: Basic [REDACTED:authorization]"),
        (
            'Authorization: Digest username="u", response="6629fae4"',
            'Authorization: Digest username="u", response="[REDACTED:authorization]"',
        ),
        ("Authorization: Bearer $TOKEN", "Authorization: Bearer $TOKEN"),
        ("Authorization: required for this endpoint", "Authorization: required for this endpoint"),
    ],
)
def test_authorization_headers(header: str, expected: str) -> None:
    assert scrub_text(header).text == expected


def test_cookie_headers_lose_their_session_values_and_keep_the_rest() -> None:
    scrubbed = scrub_text("> Cookie: session=abc123; theme=dark\n").text
    assert scrubbed == "> Cookie: session=[REDACTED:cookie]; theme=dark\n"
    assert scrub_text("cookie: str\n").text == "cookie: str\n"


def test_an_aws_secret_next_to_its_key_id_is_redacted() -> None:
    key_id, secret = fakes.aws_access_key(RNG), fakes.aws_secret_key(RNG)
    result = scrub_text(f"Access key ID,Secret access key\n{key_id},{secret}\n")
    assert (
        result.text
        == "Access key ID,Secret access key\n[REDACTED:aws-access-key],[REDACTED:aws-secret-key]\n"
    )


def test_an_aws_secret_after_its_name_without_equals_is_redacted() -> None:
    secret = fakes.aws_secret_key(RNG)
    result = scrub_text(f"aws configure set aws_secret_access_key {secret} --profile ci")
    assert result.text == "aws configure set aws_secret_access_key [REDACTED:aws-secret-key] --profile ci"
