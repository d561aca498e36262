"""Credentials cloud CLIs print or take without a name beside them: the AWS CLI's text output of temporary
credentials, `doctl auth init -t`, and what `... keys list` prints."""

from __future__ import annotations

import re

from client_actors.scrub._core import Redaction, Rule, redact
from client_actors.scrub._names import looks_random
from client_actors.scrub._tools import redact_value

# `aws sts get-session-token --output text` (and assume-role's): `CREDENTIALS  AKID  EXPIRATION  SECRET  TOKEN`,
# tab-separated. The access key id is the vendor rules' (already a token by then); the secret key and the session
# token go.
_TAB = r"(?:\t|\\t)"
_AWS_TEXT_CREDENTIALS = re.compile(
    r"CREDENTIALS" + _TAB + r"(?:\[REDACTED:[a-z\-]{1,40}\]|[A-Z0-9]{16,32})" + _TAB
    + r"[0-9T:.+\-Z]{10,40}" + _TAB + r"(?P<secret>[A-Za-z0-9/+=]{16,256})(?:" + _TAB
    + r"(?P<token>[A-Za-z0-9/+=]{16,4096}))?"
)  # fmt: skip


def find_aws_text_credentials(text: str) -> list[Redaction]:
    """The secret key and session token of each `CREDENTIALS` line of the AWS CLI's text output."""
    found = []
    for match in _AWS_TEXT_CREDENTIALS.finditer(text):
        found.append(redact(match.start("secret"), match.end("secret"), "aws-secret-key"))
        if match.group("token") is not None:
            found.append(redact(match.start("token"), match.end("token"), "token"))
    return found


# `doctl auth init -t TOKEN`, `flyctl auth token`-style logins whose short flag is the token.
DOCTL_TOKEN = Rule(
    "doctl-auth-token",
    re.compile(r"auth init[^\n\\]{0,200}?[ \t]-t[ \t=]+(?P<value>[^\s\\\"']{8,4096})"),
    lambda m: redact_value(m, "token"),
    "auth init",
)

# What a cloud CLI prints for `... keys list` (Azure's storage, Cosmos DB, Search, Maps; `az ... keys list -o
# table` or JSON): every key-like value until the next prompt.
_KEYS_LIST = re.compile(r"[ \t](?:keys|key) list\b[^\n\\]{0,300}")
_KEY_LIKE = re.compile(r"(?<![\w+/=\-])(?P<value>[A-Za-z0-9+/_\-]{20,256}={0,2})(?![\w+/=\-])")
_PROMPT_LINE = re.compile(r"(?:\r?\n|\\n)(?:[^\n]{0,40}?)(?:\$|#|>|PS [^>\n]{0,80}>)[ \t]")
_KEYS_LIST_REACH = 4096


def find_listed_keys(text: str) -> list[Redaction]:
    """Key-like values a `keys list` command printed, up to the next prompt."""
    found = []
    for command in _KEYS_LIST.finditer(text):
        start = command.end()
        prompt = _PROMPT_LINE.search(text, start, start + _KEYS_LIST_REACH)
        end = prompt.start() if prompt is not None else min(len(text), start + _KEYS_LIST_REACH)
        for value in _KEY_LIKE.finditer(text, start, end):
            if looks_random(value.group("value").replace("/", "")):  # base64 holds "/", which a path would
                found.append(redact(value.start("value"), value.end("value"), "key"))
    return found


CLOUD_CLI_RULES = (DOCTL_TOKEN,)
CLOUD_CLI_LITERALS: dict[str, tuple[str, ...]] = {"doctl-auth-token": ("auth init",)}
AWS_TEXT_LITERALS = ("CREDENTIALS",)
LISTED_KEYS_LITERALS = ("keys list", "key list")
