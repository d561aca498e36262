"""Vendor-prefixed credentials (client_actors/scrub/_vendor.py): every format, typed, bounded."""

from __future__ import annotations

import random

import pytest

from client_actors.scrub import scrub_text
from tests.scrubcorpus import fakes
from tests.scrubcorpus.fakes import ALNUM, HEX, URLSAFE, chars
from tests.test_scrub_vendor_formats import PLATFORM_FORMATS

RNG = random.Random(4242)

# (maker, expected token kind); makers build the fake at run time from the seeded RNG.
FORMATS = [
    (fakes.aws_access_key, "aws-access-key"),
    (fakes.google_api_key, "google-api-key"),
    (fakes.github_token, "github-token"),
    (lambda rng: "github" + "_pat_" + chars(rng, ALNUM, 22) + "_" + chars(rng, ALNUM, 59), "github-token"),
    (fakes.gitlab_token, "gitlab-token"),
    (fakes.slack_token, "slack-token"),
    (fakes.discord_bot_token, "discord-token"),
    (fakes.stripe_key, "stripe-key"),
    (lambda rng: "wh" + "sec_" + chars(rng, ALNUM, 32), "stripe-key"),
    (fakes.openai_key, "openai-api-key"),
    (fakes.anthropic_key, "anthropic-api-key"),
    (fakes.huggingface_token, "huggingface-token"),
    (fakes.xai_key, "xai-api-key"),
    (fakes.npm_token, "npm-token"),
    (fakes.pypi_token, "pypi-token"),
    (fakes.sendgrid_key, "sendgrid-api-key"),
    (fakes.twilio_key, "twilio-key"),
    (fakes.jwt, "jwt"),
    (lambda rng: "ya" + "29." + chars(rng, URLSAFE, 60), "google-oauth-token"),
    (lambda rng: "shp" + "at_" + chars(rng, HEX, 32), "shopify-token"),
    (lambda rng: "dop" + "_v1_" + chars(rng, HEX, 64), "digitalocean-token"),
    (lambda rng: "lin" + "_api_" + chars(rng, ALNUM, 40), "linear-api-key"),
    (lambda rng: "sntr" + "yu_" + chars(rng, HEX, 64), "sentry-token"),
    (lambda rng: "sntr" + "ys_" + chars(rng, ALNUM, 80) + "_" + chars(rng, ALNUM, 43), "sentry-token"),
    (lambda rng: "PM" + "AK-" + chars(rng, HEX, 24) + "-" + chars(rng, HEX, 34), "postman-api-key"),
    (lambda rng: "da" + "pi" + chars(rng, HEX, 32), "databricks-token"),
    (lambda rng: "da" + "pi" + chars(rng, HEX, 32) + "-2", "databricks-token"),
    (
        lambda rng: "ATA" + "TT" + chars(rng, URLSAFE, 170) + "=" + chars(rng, HEX, 8).upper(),
        "atlassian-token",
    ),
    (lambda rng: "dp" + ".st." + "prd." + chars(rng, ALNUM, 40), "doppler-token"),
    (lambda rng: "dp" + ".pt." + chars(rng, ALNUM, 43), "doppler-token"),
    *PLATFORM_FORMATS,
]
CONTEXTS = ["{}", "TOKEN={}\n", '"{}"', "Bearer {}", "x={}&y=1", "\\n{}\\n", "({})", "'{}',", "key: {}"]


@pytest.mark.parametrize(("make", "kind"), FORMATS)
@pytest.mark.parametrize("context", CONTEXTS)
def test_each_format_is_redacted_and_typed(make: fakes.Maker, kind: str, context: str) -> None:
    secret = make(RNG)
    result = scrub_text(context.format(secret))
    assert secret not in result.text
    assert f"[REDACTED:{kind}]" in result.text
    assert result.counts.get(kind) == 1


def test_anthropic_keys_are_not_typed_as_openai() -> None:
    result = scrub_text("ANTHROPIC_API_KEY=" + fakes.anthropic_key(RNG))
    assert result.text == "ANTHROPIC_API_KEY=[REDACTED:anthropic-api-key]"


@pytest.mark.parametrize(
    "text",
    [
        "task-" + "a1" * 20,  # "sk-" inside a word
        "risk-assessment-framework-version-2024-rc1",
        "disk_" + "a1" * 20,
        "BAKIA" + "A" * 16,  # "AKIA" inside a word
        "AKIA" + "A" * 15,  # one character short
        "ghp_" + "short",
        "eyJhbGciOiJIUzI1NiJ9",  # one JWT part alone is ordinary base64 JSON
        "sk-learn and scikit-learn",
        "github_pat_ is the prefix of fine-grained tokens",
    ],
)
def test_lookalikes_are_kept(text: str) -> None:
    assert scrub_text(text).text == text


def test_slack_and_discord_webhooks_keep_the_host() -> None:
    path = fakes.slack_webhook_path(RNG)
    token = fakes.discord_webhook_token(RNG)
    text = f"https://hooks.slack.com/services/{path} https://discord.com/api/webhooks/123456789/{token}"
    assert scrub_text(text).text == (
        "https://hooks.slack.com/services/[REDACTED:slack-webhook] "
        "https://discord.com/api/webhooks/123456789/[REDACTED:discord-webhook]"
    )


def test_azure_connection_string_keeps_the_other_fields() -> None:
    key = fakes.azure_account_key(RNG)
    text = f"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={key};EndpointSuffix=core.windows.net"
    assert scrub_text(text).text == (
        "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=[REDACTED:azure-storage-key];"
        "EndpointSuffix=core.windows.net"
    )


def test_azure_sas_redacts_only_the_signature() -> None:
    sig = fakes.azure_sas_signature(RNG)
    text = f"https://acme.blob.core.windows.net/c/b?sv=2022-11-02&sp=r&se=2026-01-01&sig={sig}"
    expected = "https://acme.blob.core.windows.net/c/b?sv=2022-11-02&sp=r&se=2026-01-01&sig=[REDACTED:azure-sas-signature]"
    assert scrub_text(text).text == expected


def test_a_git_remote_with_a_token_keeps_the_host() -> None:
    token = fakes.github_token(RNG)
    result = scrub_text(f"https://x-access-token:{token}@github.com/acme/api.git")
    assert result.text == "https://x-access-token:[REDACTED:github-token]@github.com/acme/api.git"
