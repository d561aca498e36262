"""Secrets recognised by what surrounds them: key blocks, URL user info, headers and CLI flags."""

from __future__ import annotations

import re

from client_actors.scrub._core import WORD, Redaction, Rule, disjoint, redact, starts_word
from client_actors.scrub._judge import judge_value
from client_actors.scrub._names import classify_name, is_placeholder, looks_random

# The whole block goes, armour lines included; the body never runs past another armour line, so a
# run of BEGIN lines costs one scan each. A block cut short (a `head` of the file, a truncated log
# line) loses its base64 lines and "Proc-Type:"-style headers up to the first line that is
# neither. Public keys and certificates are not secret and are kept.
PEM_BLOCK = re.compile(
    r"-----BEGIN (?P<label>[A-Z0-9 ]{0,24}PRIVATE KEY(?: BLOCK)?)-----"
    r"(?:(?:(?!-----(?:BEGIN|END) )[\s\S]){0,16000}-----END (?P=label)-----"
    r"|(?:(?:\r?\n|\\(?:r\\)?n|[ \t]){1,8}(?:[A-Za-z0-9+/=]{4,128}|[A-Z][A-Za-z\-]{0,32}:[^\n\\]{0,256})){0,400})"
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

# Schemes whose credential is not self-evident from its shape (Basic's base64 can be short, Digest's
# fields are quoted), and the bearer-token family; any other scheme word (SSWS, Splunk, ApiKey, Key,
# Token, HMAC...) is taken when what follows it looks like a credential.
_KNOWN_SCHEMES = frozenset(
    {"bearer", "basic", "token", "bot", "digest", "negotiate", "ntlm", "aws4-hmac-sha256", "oauth"}
)
_AUTHORIZATION = re.compile(
    r"uthorization\\?[\"']?[ \t]*[:=,][ \t]*\\?[\"']?"
    r"(?:(?P<scheme>[A-Za-z][A-Za-z0-9\-]{0,31})[ \t]+)?(?P<value>[^\s'\"\\]{1,4096})"
)
# These schemes carry several comma-separated fields, all of which go: AWS4 up to the end of the
# header, Digest (whose fields are themselves quoted) up to the end of the line.
_FIELD_ENDS = {"aws4-hmac-sha256": re.compile(r"['\"\n\\]|$"), "digest": re.compile(r"\n|\\n|$")}
_CREDENTIAL_CHARS = re.compile(r"[A-Za-z0-9+/=_\-.~:%]{8,4096}")


def _credential_like(value: str) -> bool:
    """A header value with no known scheme: a token, not prose (`authorization: required`)."""
    return looks_random(value) or (
        _CREDENTIAL_CHARS.fullmatch(value) is not None
        and any(map(str.isdigit, value))
        and any(map(str.isalpha, value))
    )


def _handle_authorization(match: re.Match[str]) -> Redaction | None:
    text, at = match.string, match.start() - 1
    if at < 0 or text[at] not in "Aa" or not starts_word(text, at):
        return None
    scheme, value = match.group("scheme"), match.group("value")
    if is_placeholder(value):
        return None
    known = scheme is not None and scheme.lower() in _KNOWN_SCHEMES
    if not known and not (
        _credential_like(value) or (scheme is None and len(value) >= 12 and any(map(str.isdigit, value)))
    ):
        return None  # "authorization: required" in prose
    end = match.end()
    ends = _FIELD_ENDS.get(scheme.lower()) if scheme is not None else None
    if ends is not None:
        limit = min(len(text), end + 1024)
        found = ends.search(text, end, limit)
        end = found.start() if found else limit
    return redact(match.start("value"), end, "authorization")


AUTHORIZATION = Rule("authorization", _AUTHORIZATION, _handle_authorization, "uthorization")

# Cookies: each `name=value` of a Cookie header (or `curl -b`) is judged on its own, and of a
# Set-Cookie header (or `document.cookie = ...`) only the first, so names and attributes (Path,
# Domain, Expires, HttpOnly...) survive. A value goes when its name says session or credential, or
# when it looks like one; `theme=dark` stays.
_COOKIE_HEAD = re.compile(r"ookie\\?[\"']?[ \t]*[:=][ \t]*(?P<q>\\?[\"'])?")
_CURL_COOKIE = re.compile(r"-(?<=[ \t]-)(?:b|-cookie)(?:=|[ \t]+)(?P<q>\\?[\"'])?")
_COOKIE_PAIR = re.compile(r"[ \t]*(?P<name>[^=;,\s\"'\\]{1,128})=(?P<value>[^;\s\"'\\]{0,4096})")
_SESSION_NAME = re.compile(
    r"(?i:sess|sid|auth|token|jwt|remember|login|csrf|xsrf|secret|pass|key|identity|credential|sso|saml)"
)


def _cookie_value_goes(name: str, value: str) -> bool:
    if is_placeholder(value) or len(value) < 4:
        return False
    return _SESSION_NAME.search(name) is not None or _credential_like(value) or len(value) >= 24


def _cookie_pairs(text: str, start: int, quote: str | None, first_only: bool) -> list[Redaction]:
    """The redactions of the cookie values from ``start`` to the end of the header."""
    found: list[Redaction] = []
    position, limit = start, min(len(text), start + 8192)
    while position < limit:
        pair = _COOKIE_PAIR.match(text, position, limit)
        if pair is None:
            break
        if _cookie_value_goes(pair.group("name"), pair.group("value")):
            found.append(redact(pair.start("value"), pair.end("value"), "cookie"))
        position = pair.end()
        if first_only or not text.startswith(";", position):
            break
        position += 1
    return found


def find_cookies(text: str) -> list[Redaction]:
    """Return the redactions of cookie values in ``text``, in order."""
    found: list[Redaction] = []
    for match in _COOKIE_HEAD.finditer(text):
        at = match.start() - 1
        if at < 0 or text[at] not in "Cc" or not starts_word(text, at, WORD):
            continue
        setting = text[max(0, at - 4) : at].lower() == "set-" or text[max(0, at - 9) : at] == "document."
        found += _cookie_pairs(text, match.end(), match.group("q"), first_only=setting)
    for match in _CURL_COOKIE.finditer(text):
        found += _cookie_pairs(text, match.end(), match.group("q"), first_only=False)
    return disjoint(found)


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

# A cloud service-account key file names its key: the id is not the key, but it is what an attacker
# needs to pick the key out of a leak, and nobody needs it in training data.
KEY_FILE_ID = Rule(
    "private-key-id",
    re.compile(r"private_key_id\\?[\"']?[ \t]*[:=][ \t]*\\?[\"']?(?P<id>[0-9a-fA-F]{40})(?![0-9a-fA-F])"),
    lambda m: redact(m.start("id"), m.end("id"), "key"),
    "private_key_id",
)

CONTEXT_RULES = (
    AWS_SECRET_AFTER_ID, AWS_SECRET_AFTER_NAME, URL_CREDENTIALS, AUTHORIZATION, ENV_PAIRS, NETRC,
    KEY_FILE_ID,
)  # fmt: skip
