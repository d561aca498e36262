"""Secrets recognised by what surrounds them: key blocks, URL user info, headers and CLI flags."""

from __future__ import annotations

import re

from client_actors.scrub._core import Redaction, Rule, redact, starts_word
from client_actors.scrub._names import is_placeholder, looks_random

# The whole block goes, armour lines included. A block cut short (a `head` of the file, a
# truncated log line) loses its base64 lines and "Proc-Type:"-style headers up to the first
# line that is neither. Public keys and certificates are not secret and are kept.
PEM_BLOCK = re.compile(
    r"-----BEGIN (?P<label>[A-Z0-9 ]{0,24}PRIVATE KEY(?: BLOCK)?)-----"
    r"(?:[\s\S]{0,20000}?-----END (?P=label)-----"
    r"|(?:(?:\r?\n|\\r?\\n|[ \t])+(?:[A-Za-z0-9+/=]{4,}|[A-Z][A-Za-z\-]*:[^\n\\]*))*)"
)
PRIVATE_KEY = Rule(
    "private-key", PEM_BLOCK, lambda m: redact(m.start(), m.end(), "private-key"), "-----BEGIN "
)

# scheme://user:password@host keeps scheme and host. The password may contain "@": the greedy
# class runs to the last "@" that is followed by a host.
_URL_USERINFO = re.compile(
    r"://(?P<user>[^\s/?#@:'\"<>\[\]{}]*)(?::(?P<password>[^\s/?#'\"<>]*))?@(?=[A-Za-z0-9\[])"
)


def _handle_userinfo(match: re.Match[str]) -> Redaction | None:
    user, password = match.group("user"), match.group("password")
    if password is None:
        # A bare user name (git@, postgres@) is kept; a token used as the user name is not.
        if looks_random(user) or len(user) >= 32:
            return redact(match.start("user"), match.end("user"), "url-credentials")
        return None
    if is_placeholder(password):
        return None
    return redact(match.start("user"), match.end("password"), "url-credentials")


URL_CREDENTIALS = Rule("url-credentials", _URL_USERINFO, _handle_userinfo, "://")

_AUTH_SCHEMES = "Bearer|bearer|Basic|basic|Token|token|Bot|Digest|Negotiate|NTLM|AWS4-HMAC-SHA256|OAuth"
_AUTHORIZATION = re.compile(
    r"uthorization\\?[\"']?[ \t]*[:=][ \t]*\\?[\"']?"
    rf"(?:(?P<scheme>{_AUTH_SCHEMES})[ \t]+)?(?P<value>[^\s'\"\\]+)"
)
# These schemes carry several comma-separated fields, all of which go: AWS4 up to the end of the
# header, Digest (whose fields are themselves quoted) up to the end of the line.
_FIELD_ENDS = {"AWS4-HMAC-SHA256": re.compile(r"['\"\n\\]|$"), "Digest": re.compile(r"\n|\\n|$")}


def _handle_authorization(match: re.Match[str]) -> Redaction | None:
    text, at = match.string, match.start() - 1
    if at < 0 or text[at] not in "Aa" or not starts_word(text, at):
        return None
    scheme, value = match.group("scheme"), match.group("value")
    if is_placeholder(value):
        return None
    if scheme is None and not (looks_random(value) or (len(value) >= 12 and any(map(str.isdigit, value)))):
        return None  # "authorization: required" in prose
    end = match.end()
    if scheme in _FIELD_ENDS:
        found = _FIELD_ENDS[scheme].search(text, end)
        end = found.start() if found else len(text)
    return redact(match.start("value"), end, "authorization")


AUTHORIZATION = Rule("authorization", _AUTHORIZATION, _handle_authorization, "uthorization")

_COOKIE = re.compile(r"ookie\\?[\"']?[ \t]*:[ \t]*(?P<value>[^'\"\n\\]*=[^'\"\n\\]*)")


def _handle_cookie(match: re.Match[str]) -> Redaction | None:
    text, at = match.string, match.start() - 1
    if at < 0 or text[at] not in "Cc" or not starts_word(text, at):
        return None
    value = match.group("value").rstrip()
    if is_placeholder(value):
        return None
    start = match.start("value")
    return redact(start, start + len(value), "cookie")


COOKIE = Rule("cookie", _COOKIE, _handle_cookie, "ookie")

# An AWS secret access key is 40 base64 characters with no prefix of its own; it is recognised
# next to its access key id (already redacted by then: credentials CSVs, "id:secret" pairs) or
# after its name without "=" (`aws configure set aws_secret_access_key ...`).
AWS_SECRET_AFTER_ID = Rule(
    "aws-secret-after-id",
    re.compile(
        r"\[REDACTED:aws-access-key\](?:[\"']?[ \t]*[,:;|=][ \t]*[\"']?|[ \t]+)"
        r"(?P<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"
    ),
    lambda m: redact(m.start("secret"), m.end("secret"), "aws-secret-key"),
    "[REDACTED:aws-access-key]",
)
AWS_SECRET_AFTER_NAME = Rule(
    "aws-secret-after-name",
    re.compile(r"ecret_access_key[ \t]+(?P<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"),
    lambda m: redact(m.start("secret"), m.end("secret"), "aws-secret-key"),
    "ecret_access_key",
)

CONTEXT_RULES = (AWS_SECRET_AFTER_ID, AWS_SECRET_AFTER_NAME, URL_CREDENTIALS, AUTHORIZATION, COOKIE)
