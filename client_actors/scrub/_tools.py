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
from client_actors.scrub._names import classify_name, is_placeholder, looks_random

_END = r"(?=[ \t]*(?:\r?\n|\\[rn]|\\?[\"']|$))"
_QUOTE = r"\\?[\"']?"


_FUNCTION_REFERENCE = re.compile(r"%\w+\(.*\)%")


def _value(match: re.Match[str], kind: str, group: str = "value") -> Redaction | None:
    value = match.group(group)
    if is_placeholder(value) or _FUNCTION_REFERENCE.fullmatch(value):
        return None  # `gpr.key=$GPR_KEY`, `{{ token }}`, `<token>`, Symfony's `%env(TOKEN)%`
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

# CI systems' logging commands that set a variable, and their debug logs that print one: the variable's name
# says what the value is (`issecret=true` says it outright).
# Azure Pipelines: `##vso[task.setvariable variable=registryPassword;isoutput=true]VALUE`.
_VSO_SET = re.compile(
    r"##vso\[task\.setvariable[ \t]+(?P<props>[^\]\n]{1,400})\](?P<value>[^\s\\\"']{4,4096})"
)


def _handle_vso_set(match: re.Match[str]) -> Redaction | None:
    props = dict(
        (key.strip().lower(), value.strip())
        for key, _, value in (part.partition("=") for part in match.group("props").split(";"))
    )
    name = props.get("variable", "")
    if props.get("issecret", "").lower() != "true" and classify_name(name) is None:
        return None
    return _value(match, "secret")


VSO_SET_VARIABLE = Rule("vso-set-variable", _VSO_SET, _handle_vso_set, "##vso[task.setvariable")

# Azure Pipelines' debug log of an expression: `##[debug]Evaluating: variables['registry.password']`, then
# `##[debug]Result: 'VALUE'` (up to a few lines later).
_VSO_RESULT = re.compile(
    r"##\[debug\]Evaluating:[^\n]{0,200}?variables\[\\?'(?P<name>[^'\\\n]{1,128})\\?'\][^\n]{0,80}"
    r"(?:(?:\r?\n|\\r\\n|\\n)[^\n]{0,200}?){1,4}?##\[debug\]Result:[ \t]*\\?'(?P<value>[^'\\\n]{4,4096})\\?'"
)


def _handle_vso_result(match: re.Match[str]) -> Redaction | None:
    return _value(match, "secret") if classify_name(match.group("name")) is not None else None


VSO_DEBUG_RESULT = Rule("vso-debug-result", _VSO_RESULT, _handle_vso_result, "##[debug]Evaluating")

# TeamCity: `##teamcity[setParameter name='env.SONAR_TOKEN' value='VALUE']`.
_TEAMCITY_SET = re.compile(
    r"##teamcity\[setParameter[ \t]+name=\\?'(?P<name>[^'\\\n]{1,128})\\?'"
    r"[ \t]+value=\\?'(?P<value>[^'\\\n]{4,4096})\\?'"
)


def _handle_teamcity(match: re.Match[str]) -> Redaction | None:
    name = match.group("name").rpartition(".")[2]
    return _value(match, "secret") if classify_name(name) is not None else None


TEAMCITY_SET_PARAMETER = Rule(
    "teamcity-set-parameter", _TEAMCITY_SET, _handle_teamcity, "##teamcity[setParameter"
)

# Mobile apps' configuration: a property list's `<key>API_KEY</key>` and the `<string>` after it, Android's
# `<meta-data android:name="...API_KEY" android:value="..."/>` and a resource's `<string name="api_key">`.
# The name says what the value is; its last dotted part counts (`com.google.android.geo.API_KEY`).
_PLIST_PAIR = re.compile(
    r"<key>(?P<name>[A-Za-z_][\w.\-]{0,128})</key>[^<\n]{0,40}(?:(?:\r?\n|\\r\\n|\\n)[^<\n]{0,80}?)?"
    r"<string>(?P<value>[^<\n\\]{4,4096})</string>"
)
_ANDROID_META = re.compile(
    r"android:name=\\?\"(?P<name>[\w.\-]{1,200})\\?\"[^>]{0,400}?android:value=\\?\"(?P<value>[^\"\\\n]{4,4096})\\?\""
)
_ANDROID_STRING = re.compile(
    r"<string[ \t]+name=\\?\"(?P<name>[\w.\-]{1,200})\\?\"[^>\n]{0,120}>(?P<value>[^<\n\\]{4,4096})</string>"
)


def _handle_named_value(match: re.Match[str]) -> Redaction | None:
    name = match.group("name").rpartition(".")[2]
    sense = classify_name(name)
    if sense is None:
        return None
    value = match.group("value")
    if not sense.strong and not looks_random(value):
        return None
    return _value(match, sense.kind)


PLIST_SECRET = Rule("plist-secret", _PLIST_PAIR, _handle_named_value, "</key>")
ANDROID_META_SECRET = Rule("android-meta-secret", _ANDROID_META, _handle_named_value, "android:value")
ANDROID_STRING_SECRET = Rule("android-string-secret", _ANDROID_STRING, _handle_named_value, "<string")

# `aws sts get-session-token --output text` (and assume-role's): `CREDENTIALS  AKID  EXPIRATION  SECRET  TOKEN`,
# tab-separated. The access key id is the vendor rules' (already a token by then); the secret key and the session
# token go.
_TAB = r"(?:\t|\\t)"
_AWS_TEXT_CREDENTIALS = re.compile(
    r"CREDENTIALS" + _TAB + r"(?:\[REDACTED:[a-z\-]{1,40}\]|[A-Z0-9]{16,32})" + _TAB
    + r"[0-9T:.+\-Z]{10,40}" + _TAB + r"(?P<secret>[A-Za-z0-9/+=]{16,256})" + _TAB
    + r"(?P<token>[A-Za-z0-9/+=]{16,4096})"
)  # fmt: skip


def find_aws_text_credentials(text: str) -> list[Redaction]:
    """The secret key and session token of each `CREDENTIALS` line of the AWS CLI's text output."""
    found = []
    for match in _AWS_TEXT_CREDENTIALS.finditer(text):
        found.append(redact(match.start("secret"), match.end("secret"), "aws-secret-key"))
        found.append(redact(match.start("token"), match.end("token"), "token"))
    return found


# `doctl auth init -t TOKEN`, `flyctl auth token`-style logins whose short flag is the token.
DOCTL_TOKEN = Rule(
    "doctl-auth-token",
    re.compile(r"auth[ \t]+init[^\n\\]{0,200}?[ \t]-t[ \t=]+(?P<value>[^\s\\\"']{8,4096})"),
    lambda m: _value(m, "token"),
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


# Names and values that a structure pairs, where the name says what the value is:
# CloudFormation's `{"ParameterKey": "MasterUserPassword", "ParameterValue": "..."}` (and the CLI's
# `ParameterKey=...,ParameterValue=...`), Spring's debug log of a form (`password=[...]`) and of a resolved
# property (`Property 'app.jwt.signing-secret' resolved to '...'`), Django's settings dump (`NAME<TAB>'...'`).
_CFN_PARAMETER = re.compile(
    r"ParameterKey\\?\"?[ \t]*[:=][ \t]*\\?\"?(?P<name>[A-Za-z0-9_]{1,128})\\?\"?[ \t]*,[ \t]*"
    r"\\?\"?ParameterValue\\?\"?[ \t]*[:=][ \t]*(?:\\?\"(?P<dq>[^\"\\\n]{1,4096})\\?\"|(?P<bare>[^\s,\"\\]{1,4096}))"
)
_BRACKETED = re.compile(r"(?<![\w.\-])(?P<name>[A-Za-z_][\w.\-]{0,80})=\[(?P<value>[^\]\[\n,\\]{4,1024})\]")
_RESOLVED = re.compile(
    r"[Pp]roperty \\?'(?P<name>[\w.\-\[\]]{1,200})\\?' resolved to \\?'(?P<value>[^'\\\n]{1,4096})\\?'"
)
_SETTINGS_DUMP = re.compile(
    r"(?:(?<!\w)|(?<=\\n))(?P<name>[A-Z][A-Z0-9_]{2,80})(?:\t|\\t)+"
    r"(?:'(?P<sq>[^'\\\n]{4,4096})'|\\'(?P<esq>[^'\\\n]{4,4096})\\')"
)


def _last_part_sense(name: str) -> str | None:
    sense = classify_name(name.rpartition(".")[2])
    return None if sense is None else sense.kind


def _handle_cfn(match: re.Match[str]) -> Redaction | None:
    kind = _last_part_sense(match.group("name"))
    group = "dq" if match.group("dq") is not None else "bare"
    return None if kind is None else _value(match, kind, group)


def _handle_pair(match: re.Match[str]) -> Redaction | None:
    kind = _last_part_sense(match.group("name"))
    return None if kind is None else _value(match, kind)


def _handle_settings_dump(match: re.Match[str]) -> Redaction | None:
    kind = _last_part_sense(match.group("name"))
    group = "sq" if match.group("sq") is not None else "esq"
    return None if kind is None else _value(match, kind, group)


CFN_PARAMETER = Rule("cfn-parameter", _CFN_PARAMETER, _handle_cfn, "ParameterValue")


def _handle_bracketed(match: re.Match[str]) -> Redaction | None:
    if is_placeholder(f"[{match.group('value')}]"):
        return None  # `CI_JOB_TOKEN=[MASKED]`: a CI's mask, not a value
    return _handle_pair(match)


BRACKETED_PAIR = Rule("bracketed-pair", _BRACKETED, _handle_bracketed, "=[")
RESOLVED_PROPERTY = Rule("resolved-property", _RESOLVED, _handle_pair, " resolved to ")
SETTINGS_DUMP = Rule("settings-dump", _SETTINGS_DUMP, _handle_settings_dump)

# OpenTelemetry's exporter headers: `OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-team=KEY,other=...`. Each header
# whose name says it is a credential, or is a vendor's key header, goes.
_OTLP_HEADERS = re.compile(
    r"OTEL_EXPORTER_OTLP(?:_TRACES|_METRICS|_LOGS)?_HEADERS\\?\"?[ \t]*[=:][ \t]*\\?[\"']?(?P<pairs>[^\s\"'\\]{3,4096})"
)
_OTLP_PAIR = re.compile(r"(?P<name>[A-Za-z0-9_.\-]{1,128})=(?P<value>[^,]{1,2048})")
_VENDOR_KEY_HEADERS = frozenset(
    {"x-honeycomb-team", "lightstep-access-token", "signoz-access-token", "x-sf-token", "dd-api-key",
     "uptrace-dsn", "x-newrelic-license-key", "api-key", "x-api-key", "authorization"}
)  # fmt: skip


def find_otlp_headers(text: str) -> list[Redaction]:
    """The credential headers of every OTLP exporter headers setting, in order."""
    found = []
    for setting in _OTLP_HEADERS.finditer(text):
        for pair in _OTLP_PAIR.finditer(text, setting.start("pairs"), setting.end("pairs")):
            name = pair.group("name").lower()
            if name in _VENDOR_KEY_HEADERS or classify_name(name) is not None:
                item = _value(pair, "api-key")
                if item is not None:
                    found.append(item)
    return found


# Files whose lines are credentials by their place: PgBouncer's `userlist.txt` (`"user" "password"`) and
# Postfix's `sasl_passwd` (`[host]:port user:password`), found where the file is named above the lines.
_USERLIST_LINE = re.compile(
    r"(?:\r?\n|\\n)(?:" + LINE_LEAD.pattern + r")?[ \t]*\\?\"(?P<user>[^\"\\\n]{1,128})\\?\"[ \t]+"
    r"\\?\"(?P<value>[^\"\\\n]{4,1024})\\?\""
)
_SASL_LINE = re.compile(
    r"(?:\r?\n|\\n)(?:" + LINE_LEAD.pattern + r")?[ \t]*\[?[A-Za-z0-9.\-]{1,253}\]?(?::[0-9]{1,5})?[ \t]+"
    r"(?P<user>[^\s:\\]{1,128}):(?P<value>[^\s\\]{4,1024})"
)
_FILE_REACH = 4096


def find_credential_files(text: str) -> list[Redaction]:
    """Password fields of PgBouncer user lists and Postfix SASL maps below where the file is named."""
    found = []
    for name, line in (("userlist", _USERLIST_LINE), ("sasl_passwd", _SASL_LINE)):
        at = text.find(name)
        while at >= 0:
            end = min(len(text), at + _FILE_REACH)
            for match in line.finditer(text, at, end):
                item = _value(match, "password")
                if item is not None:
                    found.append(item)
            at = text.find(name, end)
    found.sort(key=lambda item: item.start)
    return found


# Terraform state: a `random_password` resource's `result`.
_RANDOM_PASSWORD = re.compile(
    r"random_password\\?\"[^{}]{0,400}?\{[^{}]{0,2048}?\\?\"result\\?\"[ \t]*:[ \t]*"
    r"\\?\"(?P<value>[^\"\\\n]{1,4096})\\?\""
)
TERRAFORM_RANDOM_PASSWORD = Rule(
    "terraform-random-password", _RANDOM_PASSWORD, lambda m: _value(m, "password"), "random_password"
)

# Redis ACLs: `ACL SETUSER name on >password ~keys +@commands` (">" adds a password; "#" adds its SHA-256).
_REDIS_ACL = re.compile(
    r"(?i:ACL[ \t]+SETUSER)[^\n\\]{0,200}?[ \t](?:>(?P<value>[^\s\\\"']{1,1024})|#(?P<hash>[0-9a-f]{64}))"
)


def _handle_redis_acl(match: re.Match[str]) -> Redaction | None:
    return (
        _value(match, "password") if match.group("value") is not None else _value(match, "credential", "hash")
    )


REDIS_ACL_PASSWORD = Rule("redis-acl-password", _REDIS_ACL, _handle_redis_acl)

# Algolia's client takes the application id, then the key.
ALGOLIA_KEY = Rule(
    "algolia-key",
    re.compile(r"algoliasearch\([^,()\n]{1,120},[ \t]*\\?[\"'](?P<value>[A-Za-z0-9]{16,64})\\?[\"']"),
    lambda m: _value(m, "api-key"),
    "algoliasearch(",
)

TOOL_RULES = (
    GRADLE_GPR, BUNDLER_HOST, WEBSOCKET_BEARER, JWT_SECTION_KEY, CONSUL_AGENT_TOKEN, SHOWN_ONCE, ADD_MASK,
    SMTP_AUTH, VSO_SET_VARIABLE, VSO_DEBUG_RESULT, TEAMCITY_SET_PARAMETER, PLIST_SECRET, ANDROID_META_SECRET,
    ANDROID_STRING_SECRET, DOCTL_TOKEN, CFN_PARAMETER, BRACKETED_PAIR, RESOLVED_PROPERTY, SETTINGS_DUMP,
    TERRAFORM_RANDOM_PASSWORD, REDIS_ACL_PASSWORD, ALGOLIA_KEY,
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
    "vso-set-variable": ("##vso[task.setvariable",),
    "vso-debug-result": ("##[debug]Evaluating",),
    "teamcity-set-parameter": ("##teamcity[setParameter",),
    "plist-secret": ("</key>",),
    "android-meta-secret": ("android:value",),
    "android-string-secret": ("<string",),
    "doctl-auth-token": ("auth init",),
    "cfn-parameter": ("ParameterValue",),
    "bracketed-pair": ("=[",),
    "resolved-property": (" resolved to ",),
    "settings-dump": ("\t'", "\\t'", "\t\\'", "\\t\\'"),
    "terraform-random-password": ("random_password",),
    "redis-acl-password": ("SETUSER", "setuser", "Setuser", "SetUser"),
    "algolia-key": ("algoliasearch(",),
}
FINDER_LITERALS = {
    "aws-text-credentials": ("CREDENTIALS",),
    "listed-keys": ("keys list", "key list"),
    "otlp-headers": ("_HEADERS",),
    "credential-files": ("userlist", "sasl_passwd"),
}
