"""Secrets recognised by what surrounds them: key blocks, URL user info, headers and CLI flags."""

from __future__ import annotations

import re

from client_actors.scrub._core import Redaction, Rule, redact, starts_word
from client_actors.scrub._judge import judge_value
from client_actors.scrub._names import classify_name, is_placeholder, looks_random

# The whole block goes, armour lines included; the body never runs past another armour line, so a
# run of BEGIN lines costs one scan each. A block cut short (a `head` of the file, a truncated log
# line) loses its base64 lines and "Proc-Type:"-style headers up to the first line that is
# neither. Public keys and certificates are not secret and are kept.
PEM_BLOCK = re.compile(
    r"-----BEGIN (?P<label>[A-Z0-9 ]{0,24}PRIVATE KEY(?: BLOCK)?)-----"
    r"(?:(?:(?!-----(?:BEGIN|END) )[\s\S]){0,16000}-----END (?P=label)-----"
    r"|(?:(?:\r?\n|\\r?\\n|[ \t]){1,8}(?:[A-Za-z0-9+/=]{4,128}|[A-Z][A-Za-z\-]{0,32}:[^\n\\]{0,256})){0,400})"
)
PRIVATE_KEY = Rule(
    "private-key", PEM_BLOCK, lambda m: redact(m.start(), m.end(), "private-key"), "-----BEGIN "
)

# scheme://user:password@host keeps scheme and host. The password may contain "@": the greedy
# class runs to the last "@" that is followed by a host.
_URL_USERINFO = re.compile(
    r"://(?P<user>[^\s/?#@:'\"<>\[\]{}]{0,256})(?::(?P<password>[^\s/?#'\"<>]{0,256}))?@(?=[A-Za-z0-9\[])"
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


URL_CREDENTIALS = Rule("url-credentials", _URL_USERINFO, _handle_userinfo)

_AUTH_SCHEMES = "Bearer|bearer|Basic|basic|Token|token|Bot|Digest|Negotiate|NTLM|AWS4-HMAC-SHA256|OAuth"
_AUTHORIZATION = re.compile(
    r"uthorization\\?[\"']?[ \t]*[:=][ \t]*\\?[\"']?"
    rf"(?:(?P<scheme>{_AUTH_SCHEMES})[ \t]+)?(?P<value>[^\s'\"\\]{{1,4096}})"
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
        limit = min(len(text), end + 1024)
        found = _FIELD_ENDS[scheme].search(text, end, limit)
        end = found.start() if found else limit
    return redact(match.start("value"), end, "authorization")


AUTHORIZATION = Rule("authorization", _AUTHORIZATION, _handle_authorization, "uthorization")

_COOKIE = re.compile(r"ookie\\?[\"']?[ \t]*:[ \t]*(?P<value>[^'\"\n\\=]{0,256}=[^'\"\n\\]{0,4096})")


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

# Kubernetes, ECS and CI files pass environment variables as name/value pairs, the name on the
# line before (`- name: DB_PASSWORD` / `value: x`) or earlier on the same line (JSON).
_PAIR_VALUE = re.compile(
    r"value\\?[\"']?[ \t]*:[ \t]*(?:\\?\"(?P<dq>[^\"\n\\]{0,1024})\\?\"|'(?P<sq>[^'\n]{0,1024})'"
    r"|(?P<bare>[^\s\"',}#][^\s\"',}]{0,1024}))"
)
_PAIR_NAME = re.compile(r"name\\?[\"']?[ \t]*:[ \t]*\\?[\"']?(?P<name>[A-Za-z_][A-Za-z0-9_.\-]*)")


def _handle_pair(match: re.Match[str]) -> Redaction | None:
    text, at = match.string, match.start()
    if not starts_word(text, at):
        return None
    names = list(_PAIR_NAME.finditer(text, max(0, at - 160), at))
    group = match.lastgroup
    sense = classify_name(names[-1].group("name")) if names else None
    if sense is None or group is None:
        return None
    value = match.group(group)
    if judge_value(value, names[-1].group("name"), sense, quoted=group != "bare", env_style=True) == "keep":
        return None
    return redact(match.start(group), match.end(group), sense.kind)


ENV_PAIRS = Rule("env-pair", _PAIR_VALUE, _handle_pair)
# .netrc: "machine HOST login USER password SECRET", on one line or several.
NETRC = Rule(
    "netrc",
    re.compile(
        r"machine[ \t]+\S{1,256}(?:\s{1,16}(?:login|account)[ \t]+\S{1,256}){0,2}\s{1,16}password[ \t]+"
        r"(?P<secret>\S{1,256})"
    ),
    lambda m: (
        None if is_placeholder(m.group("secret")) else redact(m.start("secret"), m.end("secret"), "password")
    ),
    "machine",
)

CONTEXT_RULES = (
    AWS_SECRET_AFTER_ID, AWS_SECRET_AFTER_NAME, URL_CREDENTIALS, AUTHORIZATION, COOKIE, ENV_PAIRS, NETRC,
)  # fmt: skip
