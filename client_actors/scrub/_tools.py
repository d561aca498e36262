"""Credentials where one tool's own format says a value is one, though no generic name does.

- Package registries: Gradle's GitHub Packages convention (`gpr.key=`), Composer's `auth.json`
  (`"github-oauth": {"github.com": "..."}`, `gitlab-token`, `gitlab-oauth`), Bundler's
  per-host credentials (`BUNDLE_GEMS__EXAMPLE__COM: "user:password"`: the variable is named after the host).
- WebSocket clients that carry a bearer token in `Sec-WebSocket-Protocol: bearer, <token>`, as browsers
  cannot set an Authorization header there.
- An ASP.NET-style settings file's JWT section: `"Jwt": { "Issuer": ..., "Key": "..." }`, whose `Key` is the
  signing secret though the name alone says nothing.
- `consul acl set-agent-token <type> <token>`: the token is the command's second argument.
- A service's one-time display of a new secret: a line that says the secret will not be shown again, then
  the value alone on a following line.
- GitHub Actions' `::add-mask::VALUE`, and SMTP's `AUTH PLAIN <base64>` in a mail client's debug output.
"""

from __future__ import annotations

import re

from client_actors.scrub._core import Redaction, Rule, redact
from client_actors.scrub._judge import LINE_LEAD
from client_actors.scrub._names import is_placeholder, looks_random

_END = r"(?=[ \t]*(?:\r?\n|\\[rn]|\\?[\"']|$))"
_QUOTE = r"\\?[\"']?"


def _value(match: re.Match[str], kind: str, group: str = "value") -> Redaction | None:
    value = match.group(group)
    if is_placeholder(value) or value.startswith(("$", "%", "{", "<")):
        return None  # `gpr.key=$GPR_KEY`, `%env(TOKEN)%`, `{{ token }}`, `<token>`
    return redact(match.start(group), match.end(group), kind)


GRADLE_GPR = Rule(
    "gradle-gpr-key",
    re.compile(r"gpr\.(?:key|token|password)[ \t]*[=:][ \t]*" + _QUOTE + r"(?P<value>[^\s\"'\\]{4,512})"),
    lambda m: _value(m, "token"),
    "gpr.",
)

# Composer's auth.json: each section maps a host to its credential (a string, or an object for Bitbucket).
_COMPOSER_SECTION = re.compile(
    r"\\?\"(?:github-oauth|gitlab-token|gitlab-oauth)\\?\"[ \t]*:[ \t]*\{(?P<map>[^{}]{0,2048})\}"
)
_COMPOSER_ENTRY = re.compile(
    r"\\?\"(?P<key>[^\"\\\n]{1,253})\\?\"[ \t]*:[ \t]*\\?\"(?P<value>[^\"\\\n]{4,1024})\\?\""
)
_COMPOSER_NOT_SECRET = frozenset({"consumer-key", "username", "expires-at"})
COMPOSER_LITERALS = ("github-oauth", "gitlab-token", "gitlab-oauth")


def find_composer_auth(text: str) -> list[Redaction]:
    """The credentials of Composer's auth sections (`github-oauth` and its kin), in order."""
    found = []
    for section in _COMPOSER_SECTION.finditer(text):
        for entry in _COMPOSER_ENTRY.finditer(text, section.start("map"), section.end("map")):
            if entry.group("key") not in _COMPOSER_NOT_SECRET:
                item = _value(entry, "token")
                if item is not None:
                    found.append(item)
    return found


# BUNDLE_<HOST>__<TLD>: Bundler's credentials for one gem host ("user:password", or a token alone). Bundler's
# own settings (BUNDLE_JOBS, BUNDLE_PATH, BUNDLE_BUILD__NOKOGIRI) are not hosts: a host has a dot, written
# `__`, and ends in a top-level domain that is no build option's.
_BUNDLER = re.compile(
    r"BUNDLE_(?P<host>(?:[A-Z0-9\-]{1,63}__){1,8}(?:[A-Z]{2,24}))[ \t]*[=:][ \t]*" + _QUOTE
    + r"(?:(?P<user>[^\s:\"'\\]{1,128}):)?(?P<value>[^\s\"'\\]{4,512})"
)  # fmt: skip


def _handle_bundler(match: re.Match[str]) -> Redaction | None:
    if match.group("host").startswith(("BUILD__", "MIRROR__", "SPECIFIC_PLATFORM")):
        return None
    return _value(match, "password" if match.group("user") else "token")


BUNDLER_HOST = Rule("bundler-host-credentials", _BUNDLER, _handle_bundler, "BUNDLE_")

WEBSOCKET_BEARER = Rule(
    "websocket-protocol-bearer",
    re.compile(
        r"Sec-WebSocket-Protocol[ \t]*:[ \t]*(?:[^\n,\\]{0,128},[ \t]*)*?(?:[Bb]earer|access_token|token)"
        r"[ \t]*,[ \t]*(?P<value>[^\s,\\\"']{8,4096})"
    ),
    lambda m: _value(m, "token"),
    "WebSocket-Protocol",
)

JWT_SECTION_KEY = Rule(
    "jwt-section-key",
    re.compile(
        r"\\?\"(?:Jwt|JWT|JwtSettings|JwtOptions|Jwt[A-Z][a-z]+)\\?\"[ \t]*:[ \t]*\{[^{}]{0,1024}?"
        r"\\?\"(?:Key|Secret|SecretKey|SigningKey|IssuerSigningKey)\\?\"[ \t]*:[ \t]*"
        r"\\?\"(?P<value>[^\"\\\n]{4,1024})\\?\""
    ),
    lambda m: _value(m, "secret"),
    "Jwt",
)

CONSUL_AGENT_TOKEN = Rule(
    "consul-agent-token",
    re.compile(
        r"set-agent-token[ \t]+(?:-{1,2}[\w\-]+(?:=\S+)?[ \t]+)*[\w\-]{1,64}[ \t]+"
        + _QUOTE
        + r"(?P<value>[^\s\"'\\]{6,512})"
        + _END
    ),
    lambda m: _value(m, "token"),
    "set-agent-token",
)

# "Here is your webhook secret, it will not be shown again:" and the like, then the value alone on one of the
# next lines (blank lines between allowed). The pattern starts at "again", a literal; the handler reads the
# line before it.
_SHOWN_ONCE = re.compile(
    r"again[^\n\\]{0,80}?(?:\r?\n|\\r\\n|\\n)"
    r"(?:(?:" + LINE_LEAD.pattern + r")[ \t]*(?:\r?\n|\\r\\n|\\n)){0,3}"
    r"(?:" + LINE_LEAD.pattern + r")[ \t]*"
    r"(?P<value>[^\s\\\"'`$#>][^\s\\\"'`]{11,4095})" + _END
)
_NOT_AGAIN = re.compile(
    r"(?:not|n't|never)[ \t]+(?:be[ \t]+)?(?:able[ \t]+to[ \t]+)?(?:shown|displayed|see|view|retrieve|show|display)\b"
    r"[^\n]{0,40}\Z",
    re.IGNORECASE,
)
_SAYS_SECRET = re.compile(r"secret|token|key|password|credential", re.IGNORECASE)


def _handle_shown_once(match: re.Match[str]) -> Redaction | None:
    text, start = match.string, match.start()
    floor = max(0, start - 200)
    line_start = max(text.rfind("\n", floor, start) + 1, floor)
    before = text[line_start:start]
    if not _NOT_AGAIN.search(before) or not _SAYS_SECRET.search(before):
        return None
    if not looks_random(match.group("value")):
        return None
    return _value(match, "secret")


SHOWN_ONCE = Rule("shown-once", _SHOWN_ONCE, _handle_shown_once, "again")

# GitHub Actions' `::add-mask::VALUE` asks the runner to hide a value in the log from then on: it is a secret by
# the workflow's own word (the command's line itself is printed when debug logging is on).
ADD_MASK = Rule(
    "actions-add-mask",
    re.compile(r"::add-mask::(?P<value>[^\s\\\"']{4,4096})"),
    lambda m: _value(m, "secret"),
    "::add-mask::",
)

# SMTP's AUTH PLAIN (base64 of NUL, user, NUL, password) and the password step of AUTH LOGIN, as a mail
# client's debug output prints them.
SMTP_AUTH = Rule(
    "smtp-auth",
    re.compile(r"AUTH[ \t]PLAIN[ \t]+(?P<value>[A-Za-z0-9+/]{8,1024}={0,2})"),
    lambda m: _value(m, "password"),
    "AUTH",
)

TOOL_RULES = (
    GRADLE_GPR, BUNDLER_HOST, WEBSOCKET_BEARER, JWT_SECTION_KEY, CONSUL_AGENT_TOKEN, SHOWN_ONCE, ADD_MASK,
    SMTP_AUTH,
)  # fmt: skip
TOOL_LITERALS: dict[str, tuple[str, ...]] = {
    "gradle-gpr-key": ("gpr.",),
    "bundler-host-credentials": ("BUNDLE_",),
    "websocket-protocol-bearer": ("WebSocket-Protocol",),
    "jwt-section-key": ("Jwt", "JWT"),
    "consul-agent-token": ("set-agent-token",),
    "shown-once": ("again",),
    "actions-add-mask": ("::add-mask::",),
    "smtp-auth": ("AUTH PLAIN", "AUTH\tPLAIN"),
}
