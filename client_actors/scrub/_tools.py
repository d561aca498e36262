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
- SMTP's `AUTH PLAIN <base64>` in a mail client's debug output; Redis ACL passwords (`>password`); Algolia's
  key, the client's second argument; OpenTelemetry exporter headers that carry a vendor's key.
- Files whose lines are credentials by their place (PgBouncer's user list, Postfix's SASL map), Terraform
  state's `random_password` results and what `terraform console` prints for a secret, Kaggle's `kaggle.json`,
  redis-cli's numbered field-and-value replies.
"""

from __future__ import annotations

import base64
import binascii
import functools
import re

from client_actors.scrub._core import Redaction, Rule, redact
from client_actors.scrub._judge import LINE_LEAD, judge_value
from client_actors.scrub._names import classify_name, is_placeholder, looks_random
from client_actors.scrub._personal import line_at
from client_actors.scrub._rows import line_body, lines_after

_END = r"(?=[ \t]*(?:\r?\n|\\[rn]|\\?[\"']|$))"
_QUOTE = r"\\?[\"']?"


_FUNCTION_REFERENCE = re.compile(r"%\w+\(.*\)%")


def redact_value(match: re.Match[str], kind: str, group: str = "value") -> Redaction | None:
    """The match's value redacted as ``kind``, unless it is a placeholder or a reference to one."""
    value = match.group(group)
    if is_placeholder(value) or _FUNCTION_REFERENCE.fullmatch(value):
        return None  # `gpr.key=$GPR_KEY`, `{{ token }}`, `<token>`, Symfony's `%env(TOKEN)%`
    return redact(match.start(group), match.end(group), kind)


GRADLE_GPR = Rule(
    "gradle-gpr-key",
    re.compile(r"gpr\.(?:key|token|password)[ \t]*[=:][ \t]*" + _QUOTE + r"(?P<value>[^\s\"'\\]{4,512})"),
    lambda m: redact_value(m, "token"),
    "gpr.",
)

# Composer's auth.json: each section maps a host to its credential (a string, or an object for Bitbucket); `bearer`
# gives a host's token for an Authorization header.
_COMPOSER_SECTION = re.compile(
    r"\\?\"(?:github-oauth|gitlab-token|gitlab-oauth|bearer)\\?\"[ \t]*:[ \t]*\{(?P<map>[^{}]{0,2048})\}"
)
_COMPOSER_ENTRY = re.compile(
    r"\\?\"(?P<key>[^\"\\\n]{1,253})\\?\"[ \t]*:[ \t]*\\?\"(?P<value>[^\"\\\n]{4,1024})\\?\""
)
_COMPOSER_NOT_SECRET = frozenset({"consumer-key", "username", "expires-at"})
COMPOSER_LITERALS = ("github-oauth", "gitlab-token", "gitlab-oauth", '"bearer"', '\\"bearer\\"')


def find_composer_auth(text: str) -> list[Redaction]:
    """The credentials of Composer's auth sections (`github-oauth` and its kin), in order."""
    found = []
    for section in _COMPOSER_SECTION.finditer(text):
        for entry in _COMPOSER_ENTRY.finditer(text, section.start("map"), section.end("map")):
            if entry.group("key") not in _COMPOSER_NOT_SECRET:
                item = redact_value(entry, "token")
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
    return redact_value(match, "password" if match.group("user") else "token")


BUNDLER_HOST = Rule("bundler-host-credentials", _BUNDLER, _handle_bundler, "BUNDLE_")

WEBSOCKET_BEARER = Rule(
    "websocket-protocol-bearer",
    re.compile(
        r"Sec-WebSocket-Protocol[ \t]*:[ \t]*(?:[^\n,\\]{0,128},[ \t]*)*?(?:[Bb]earer|access_token|token)"
        r"[ \t]*,[ \t]*(?P<value>[^\s,\\\"']{8,4096})"
    ),
    lambda m: redact_value(m, "token"),
    "WebSocket-Protocol",
)

JWT_SECTION_KEY = Rule(
    "jwt-section-key",
    re.compile(
        r"\\?\"(?:Jwt|JWT|JwtSettings|JwtOptions|Jwt[A-Z][a-z]+)\\?\"[ \t]*:[ \t]*\{[^{}]{0,1024}?"
        r"\\?\"(?:Key|Secret|SecretKey|SigningKey|IssuerSigningKey)\\?\"[ \t]*:[ \t]*"
        r"\\?\"(?P<value>[^\"\\\n]{4,1024})\\?\""
    ),
    lambda m: redact_value(m, "secret"),
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
    lambda m: redact_value(m, "token"),
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
    return redact_value(match, "secret")


SHOWN_ONCE = Rule("shown-once", _SHOWN_ONCE, _handle_shown_once, "again")

# SMTP's AUTH PLAIN (base64 of NUL, user, NUL, password), as a mail client's debug output prints it.
SMTP_AUTH = Rule(
    "smtp-auth",
    re.compile(r"AUTH[ \t]PLAIN[ \t]+(?P<value>[A-Za-z0-9+/]{8,1024}={0,2})"),
    lambda m: redact_value(m, "password"),
    "AUTH",
)

# OpenTelemetry's exporter headers: `OTEL_EXPORTER_OTLP_HEADERS=x-honeycomb-team=KEY,other=...`. Each header
# whose name says it is a credential, or is a vendor's key header, goes.
_OTLP_HEADERS = re.compile(
    r"OTEL_EXPORTER_OTLP(?:_TRACES|_METRICS|_LOGS)?_HEADERS\\?\"?[ \t]*[=:][ \t]*\\?[\"']?(?P<pairs>[^\s\"'\\]{3,4096})"
)
_OTLP_PAIR = re.compile(
    r"(?P<name>[A-Za-z0-9_.\-]{1,128})=(?:(?:Bearer|Basic)(?:[ \t]+|%20))?(?P<value>[^,]{1,2048})"
)
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
            if pair.group("value") in ("Basic", "Bearer"):
                continue  # `Authorization=Basic <credential>`: the setting ends at the blank, the credential after it
            if name in _VENDOR_KEY_HEADERS or classify_name(name) is not None:
                item = redact_value(pair, "api-key")
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
    # (the user may be a token already: an AWS access key id, SES's SMTP user)
    r"(?P<user>\[REDACTED:[a-z0-9\-]{1,32}\]|[^\s:\\]{1,128}):(?P<value>[^\s\\]{4,1024})"
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
                item = redact_value(match, "password")
                if item is not None:
                    found.append(item)
            at = text.find(name, end)
    found.sort(key=lambda item: item.start)
    return found


# Terraform state: a `random_password` resource's `result` (in its instance's `attributes` object, in state files;
# past an object of its own, `keepers = { ... }`, in `terraform state show`).
_RANDOM_PASSWORD = re.compile(
    r"random_password\\?\"[^{}]{0,400}?\{(?:[^{}]{0,400}?\{)?(?:[^{}]|\{[^{}]{0,400}\}){0,2048}?"
    r"\\?\"?result\\?\"?[ \t]*[:=][ \t]*"
    r"\\?\"(?P<value>[^\"\\\n]{1,4096})\\?\""
)
TERRAFORM_RANDOM_PASSWORD = Rule(
    "terraform-random-password", _RANDOM_PASSWORD, lambda m: redact_value(m, "password"), "random_password"
)

# `terraform console`: an expression naming a secret at the prompt, then its value alone on the next line
# (`> nonsensitive(random_password.admin.result)` and `"..."`); what names no secret (`> aws_iam_access_key.ci.id`)
# stays.
_CONSOLE_VALUE = re.compile(
    r">[ \t]+(?P<expr>(?:nonsensitive\()?(?P<resource>[a-z][a-z0-9_]{0,63})\.[\w.\[\]\-]{1,160}?\)?)[ \t]*"
    r"(?:\r?\n|\\r\\n|\\n)(?:" + LINE_LEAD.pattern + r")?[ \t]*\\?\"(?P<value>[^\"\\\n]{1,1024})\\?\"" + _END
)


def _handle_console_value(match: re.Match[str]) -> Redaction | None:
    last = match.group("expr").rstrip(")").rsplit(".", 1)[-1].split("[", 1)[0]
    if match.group("resource") == "random_password" and last == "result":
        return redact_value(match, "password")
    sense = classify_name(last)
    return None if sense is None else redact_value(match, sense.kind)


TERRAFORM_CONSOLE_VALUE = Rule("terraform-console-value", _CONSOLE_VALUE, _handle_console_value)

# Kaggle's API credentials file (`~/.kaggle/kaggle.json`): the user name, then the key, 32 hex digits.
KAGGLE_KEY = Rule(
    "kaggle-key",
    re.compile(
        r"\\?\"username\\?\"[ \t]*:[ \t]*\\?\"[^\"\\\n]{1,128}\\?\"[ \t]*,[ \t]*"
        r"\\?\"key\\?\"[ \t]*:[ \t]*\\?\"(?P<value>[0-9a-f]{32})\\?\""
    ),
    lambda m: redact_value(m, "api-key"),
)

# redis-cli's reply to HGETALL (and CONFIG GET): fields and values on alternate numbered lines, `1) "api_key"`
# then `2) "..."`; a value goes as its field's name says.
_REDIS_PAIR = re.compile(
    r"(?P<index>[0-9]{1,6})\)[ \t]+\\?\"(?P<name>[\w.:\-]{1,128})\\?\"[ \t]*(?:\r?\n|\\r\\n|\\n)"
    r"(?:" + LINE_LEAD.pattern + r")?[ \t]*(?P<next>[0-9]{1,6})\)[ \t]+\\?\"(?P<value>[^\"\\\n]{1,1024})\\?\""
)


def _handle_redis_pair(match: re.Match[str]) -> Redaction | None:
    index, following = int(match.group("index")), int(match.group("next"))
    sense = classify_name(match.group("name"))
    if following != index + 1 or index % 2 == 0 or sense is None:
        return None
    verdict = judge_value(match.group("value"), match.group("name"), sense, quoted=True, env_style=False)
    return None if verdict == "keep" else redact_value(match, sense.kind)


REDIS_REPLY_PAIR = Rule("redis-reply-pair", _REDIS_PAIR, _handle_redis_pair)

# Redis ACLs: `ACL SETUSER name on >password ~keys +@commands` (">" adds a password; "#" adds its SHA-256).
_REDIS_ACL = re.compile(
    r"(?i:ACL[ \t]+SETUSER)[^\n\\]{0,200}?[ \t](?:>(?P<value>[^\s\\\"']{1,1024})|#(?P<hash>[0-9a-f]{64}))"
)


def _handle_redis_acl(match: re.Match[str]) -> Redaction | None:
    return (
        redact_value(match, "password")
        if match.group("value") is not None
        else redact_value(match, "credential", "hash")
    )


REDIS_ACL_PASSWORD = Rule("redis-acl-password", _REDIS_ACL, _handle_redis_acl)

# Algolia's client takes the application id, then the key.
ALGOLIA_KEY = Rule(
    "algolia-key",
    re.compile(r"algoliasearch\([^,()\n]{1,120},[ \t]*\\?[\"'](?P<value>[A-Za-z0-9]{16,64})\\?[\"']"),
    lambda m: redact_value(m, "api-key"),
    "algoliasearch(",
)

# Kombu's (Celery's) SQS broker URL, `sqs://ACCESS_KEY_ID:SECRET_KEY@`, whose host is implied: nothing follows
# the "@", so no URL rule reads it. The key id is the vendor rules'.
SQS_BROKER_SECRET = Rule(
    "sqs-broker-secret",
    re.compile(r"sqs://(?:\[REDACTED:[a-z\-]{1,40}\]|[^\s:@'\"\\]{1,128}):(?P<value>[^\s@'\"\\]{1,256})@"),
    lambda m: redact_value(m, "aws-secret-key"),
    "sqs://",
)

# Proxy credentials as `user:password`: curl's `proxy-user = ...` (.curlrc) and `--proxy-user`/`-U`, Squid's
# `cache_peer ... login=user:password`.
_PROXY_USER = re.compile(
    r"(?:proxy-user(?:[ \t]*=[ \t]*|[ \t]+)|(?<=[ \t])-U[ \t]+|cache_peer[^\n\\]{0,200}?[ \t]login=)"
    r"\\?[\"']?(?P<user>[^\s:\"'\\]{1,128}):(?P<value>[^\s\"'\\]{1,256})"
)
PROXY_USER_PASSWORD = Rule("proxy-user-password", _PROXY_USER, lambda m: redact_value(m, "password"))

# Incoming webhooks whose URL path ends in the token (Mattermost's and Rocket.Chat's `/hooks/<token>`, many
# chat and CI services alike): a generated segment after `/hooks/` goes; a name or a number (`.git/hooks/`,
# an API's `/hooks/123`) stays.
_HOOK_PATH = re.compile(r"://[^\s/'\"\\]{1,253}/hooks/(?P<value>[A-Za-z0-9_\-]{20,128})(?=[\s'\"\\?#/]|$)")


_LOWER_HEX = re.compile(r"[0-9a-f]+")


def _handle_hook_path(match: re.Match[str]) -> Redaction | None:
    value = match.group("value")
    if not (
        looks_random(value) or (len(value) >= 24 and _LOWER_HEX.fullmatch(value) and not value.isdigit())
    ):
        return None
    return redact_value(match, "token")


WEBHOOK_PATH_TOKEN = Rule("webhook-path-token", _HOOK_PATH, _handle_hook_path, "/hooks/")

# An `expect` script's answer to a password prompt: `expect "password:"` then `send "...\r"`.
_EXPECT_SEND = re.compile(
    r"expect[ \t]+\\?\"[^\"\n\\]{0,80}(?:assword|assphrase|PIN|[Tt]oken)[^\"\n\\]{0,40}\\?\"[^\n]{0,40}?"
    r"(?:\r?\n|\\n)(?:" + LINE_LEAD.pattern + r")?[ \t]*send[ \t]+(?:--[ \t]+)?\\?\""
    r"(?P<value>[^\"\\\n]{1,256}?)(?:\\{1,2}[rn])?\\?\""
)
EXPECT_PASSWORD = Rule("expect-send-password", _EXPECT_SEND, lambda m: redact_value(m, "password"), "send ")

# offlineimap's `remotepass = ...` / `localpass = ...` (one word, so no keyword boundary finds its "pass").
OFFLINEIMAP_PASSWORD = Rule(
    "offlineimap-password",
    re.compile(r"(?:(?<![\w.])|(?<=\\n))(?:remotepass|localpass)[ \t]*[=:][ \t]*(?P<value>[^\s\\]{1,1024})"),
    lambda m: redact_value(m, "password"),
)

# printf writing a credential from its arguments: `printf 'machine h login ci password %s\n' "$X"`, or a
# value: the argument that fills the conversion after a sensitive word goes.
_PRINTF = re.compile(
    r"printf[ \t]+(?P<q>['\"])(?P<format>[^'\"\n]{1,400})(?P=q)(?P<args>(?:[ \t]+(?:'[^'\n]{0,512}'|\"[^\"\n]{0,512}\""
    r"|[^\s'\"|;&>]{1,512})){1,8})"
)
_CONVERSION = re.compile(r"%[-+ #0-9.]*[sdqb]")
_SENSITIVE_BEFORE = re.compile(
    r"(?i:password|passwd|token|secret|api[_-]?key)[\w-]*[ \t]*[=:]?[ \t]*[\"']?\Z"
)
_PRINTF_ARG = re.compile(
    r"[ \t]+(?:'(?P<sq>[^'\n]{0,512})'|\"(?P<dq>[^\"\n]{0,512})\"|(?P<bare>[^\s'\"|;&>]{1,512}))"
)


def find_printf_credentials(text: str) -> list[Redaction]:
    """The arguments a printf format puts after a sensitive word, in order."""
    found = []
    for match in _PRINTF.finditer(text):
        form = match.group("format")
        wanted = [
            index
            for index, conversion in enumerate(_CONVERSION.finditer(form))
            if _SENSITIVE_BEFORE.search(form, 0, conversion.start())
        ]
        if not wanted:
            continue
        args = list(_PRINTF_ARG.finditer(text, match.start("args"), match.end("args")))
        for index in wanted:
            if index < len(args):
                arg = args[index]
                group = next(g for g in ("sq", "dq", "bare") if arg.group(g) is not None)
                item = redact_value(arg, "password", group)
                if item is not None and item.end > item.start:
                    found.append(item)
    return found


# Secret stores' bootstrap and token output: Nomad's and Consul's `Secret ID = ...` / `SecretID: ...` (the
# accessor beside it is an id), Vault's `secret_id    ...` row, Consul's `initial_management = "..."`.
_SECRET_ID = re.compile(
    r"(?:(?<![\w-])|(?<=\\[nt]))(?:Secret ID|SecretID|secret_id|secret-id)(?:[ \t]*[=:][ \t]*|[ \t]{2,})\\?[\"']?"
    r"(?P<value>[A-Za-z0-9+/=\-]{16,128})(?![\w+/=\-])"
)
SECRET_ID = Rule("secret-id", _SECRET_ID, lambda m: redact_value(m, "token"))
CONSUL_MANAGEMENT_TOKEN = Rule(
    "consul-management-token",
    re.compile(
        r"(?:initial_management|agent_recovery|agent_master|master)[ \t]*=[ \t]*\\?\"(?P<value>[^\"\\\n]{8,256})\\?\""
    ),
    lambda m: redact_value(m, "token"),
)

# JFrog's API key header; the vendors' key headers of OpenTelemetry exporters and agents in any syntax
# (`"x-honeycomb-team": "..."`, `dd-api-key: ...`).
_VENDOR_HEADER = re.compile(
    r"(?:X-JFrog-Art-Api|x-honeycomb-team|lightstep-access-token|signoz-access-token|x-sf-token|dd-api-key)"
    r"\\?[\"']?[ \t]*[:=][ \t]*\\?[\"']?(?P<value>[^\s\"'\\,&;]{16,512})"
)
VENDOR_KEY_HEADER = Rule("vendor-key-header", _VENDOR_HEADER, lambda m: redact_value(m, "api-key"))

# Anaconda's token in a channel URL: `https://conda.example.com/t/<token>/get`.
CONDA_URL_TOKEN = Rule(
    "conda-url-token",
    re.compile(r"://[^\s/'\"\\]{1,253}/t/(?P<value>[A-Za-z0-9_\-]{16,128})/"),
    lambda m: redact_value(m, "token") if looks_random(m.group("value")) else None,
    "/t/",
)

# A token piped into a command that reads it from its input: `echo TOKEN | dart pub token add ...`,
# `... | gh auth login --with-token`, `... | docker login --password-stdin`.
_PIPED_TOKEN = re.compile(
    r"(?:echo|printf)[ \t]+(?:-n[ \t]+)?\\?[\"']?(?P<value>[^\s\"'\\|$]{8,512})\\?[\"']?[ \t]*\|[ \t]*"
    r"[^\n|]{0,120}?(?:pub token add|--with-token|--password-stdin|token add)"
)
PIPED_TOKEN = Rule("piped-token", _PIPED_TOKEN, lambda m: redact_value(m, "token"), "|")

# Helm's `--set path.to.password=VALUE`: the path's last part names the value.
_HELM_SET = re.compile(
    r"--set(?:-string)?(?:[ \t]+|=)(?P<name>[\w.\-\[\]]{1,200})=(?P<value>[^\s,'\"\\]{1,1024})"
)


def _handle_helm_set(match: re.Match[str]) -> Redaction | None:
    sense = classify_name(match.group("name").rpartition(".")[2])
    return None if sense is None else redact_value(match, sense.kind)


HELM_SET_SECRET = Rule("helm-set-secret", _HELM_SET, _handle_helm_set, "--set")

# What a reset prints: `elasticsearch-reset-password` then `New value: ...`.
NEW_PASSWORD_VALUE = Rule(
    "new-password-value",
    re.compile(
        r"reset-password[^\n]{0,200}(?:\r?\n|\\n)(?:[^\n]{0,200}(?:\r?\n|\\n)){0,3}?[^\n]{0,40}?New value:[ \t]+"
        r"(?P<value>[^\s\\\"']{4,256})"
    ),
    lambda m: redact_value(m, "password"),
    "reset-password",
)

# macOS's `security unlock-keychain -p PASSWORD ...` (and create-keychain, set-key-partition-list -k).
KEYCHAIN_PASSWORD = Rule(
    "keychain-password",
    re.compile(
        r"security[ \t]+(?:unlock-keychain|create-keychain|set-keychain-password|set-key-partition-list)"
        r"(?:[ \t]+-[a-zA-Z](?:[ \t]+[^\s\-][^\s]{0,200})?)*?[ \t]+-[pk][ \t]+\\?[\"']?(?P<value>[^\s\"'\\]{1,512})"
    ),
    lambda m: redact_value(m, "password"),
    "security ",
)

# OpenAI's error message quoting the key it was given.
QUOTED_BAD_KEY = Rule(
    "quoted-bad-key",
    re.compile(r"Incorrect API key provided: (?P<value>[^\s.'\"\\]{8,512})"),
    lambda m: redact_value(m, "api-key"),
    "Incorrect API key provided",
)

# What `netsh wlan show profile name=... key=clear` prints for a Wi-Fi network's key: `Key Content : <key>`, the
# rest of its line (a passphrase may hold blanks).
NETSH_KEY_CONTENT = Rule(
    "netsh-key-content",
    re.compile(
        r"Key Content[ \t]*:[ \t]*(?P<value>[^\s\\\"](?:[^\n\\\"]{0,254}[^\s\\\"])?)(?=[ \t]*(?:\r?\n|\\[rn]|\\?\"|$))"
    ),
    lambda m: redact_value(m, "password"),
    "Key Content",
)

# What Elasticsearch answers when it creates an API key: its `encoded` field is base64 of "id:api_key", what an
# `Authorization: ApiKey ...` header sends.
_ENCODED_API_KEY = re.compile(
    r"\\?\"encoded\\?\"[ \t]*:[ \t]*\\?\"(?P<value>[A-Za-z0-9+/]{20,512}={0,2})\\?\""
)


def _handle_encoded_api_key(match: re.Match[str]) -> Redaction | None:
    text = match.string
    if "api_key" not in text[max(0, match.start() - 400) : match.start()]:
        return None
    try:
        decoded = base64.b64decode(match.group("value"), validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError):
        return None
    key_id, _, key = decoded.partition(":")
    return redact_value(match, "api-key") if key_id and len(key) >= 16 and key.isprintable() else None


ENCODED_API_KEY = Rule("encoded-api-key", _ENCODED_API_KEY, _handle_encoded_api_key, "encoded")

# A KeePass XML export's entry field: `<String><Key>Password</Key><Value ProtectInMemory="True">...</Value>`.
_KEYED_VALUE = re.compile(
    r"<Key>(?P<name>[^<\n]{1,64})</Key>[ \t]*<Value(?:[ \t][^>\n]{0,80})?>(?P<value>[^<\n]{1,512})</Value>"
)


def _handle_keyed_value(match: re.Match[str]) -> Redaction | None:
    name = match.group("name")
    sense = classify_name(name)
    if (
        sense is None
        or judge_value(match.group("value"), name, sense, quoted=True, env_style=False) == "keep"
    ):
        return None
    return redact_value(match, sense.kind)


KEYED_VALUE = Rule("keyed-value", _KEYED_VALUE, _handle_keyed_value, "</Key>")


@functools.lru_cache(maxsize=8)  # the texts of one scrub: every match of a rule asks of the same text
def _holds(near: re.Pattern[str], text: str) -> bool:
    return near.search(text) is not None


def near_rule(
    name: str,
    pattern: re.Pattern[str],
    kind: str,
    near: re.Pattern[str],
    before: int | None,
    after: int = 0,
    trigger: str | None = None,
) -> Rule:
    """A rule whose match's value goes only where ``near`` is found within ``before`` characters before the match (and
    ``after`` after it), or anywhere in the text where ``before`` is None: a format that says what it is only beside
    what names it. Without a ``trigger``, the engine gates the rule on ``near``'s literals (`TOOL_LITERALS`), so
    ``near`` must hold one of them wherever it matches."""

    def handle(match: re.Match[str]) -> Redaction | None:
        text = match.string
        if before is None:
            if not _holds(near, text):
                return None
        elif (
            near.search(text, max(0, match.start() - before), match.end() + after if after else match.start())
            is None
        ):
            return None
        return redact_value(match, kind)

    return Rule(name, pattern, handle, trigger)


# An S3-compatible store's HMAC key id, 32 hex digits (IBM COS's `cos_hmac_keys`, Cloudflare R2's), beside its secret
# access key: half of the pair that signs requests, as AWS's own key id is.
HMAC_KEY_ID = near_rule(
    "hmac-key-id",
    re.compile(r"access_key_id\\?[\"']?[ \t]*[:=][ \t]*\\?[\"']?(?P<value>[0-9a-f]{32})(?![0-9A-Za-z])"),
    "api-key",
    re.compile("secret_access_key"),
    400,
    400,
    "access_key_id",
)

# A password element with attributes, as WS-Security's UsernameToken sends it (ONVIF cameras' SOAP, `<Password
# Type="...#PasswordText">...</Password>`, a namespace's prefix or none): its text is the password, or a digest of it
# that a nonce beside it lets anyone try passwords against. FileZilla's site manager writes `<Pass encoding="base64">`.
PASSWORD_ELEMENT = Rule(
    "password-element",
    re.compile(
        r"<(?:[\w.\-]{1,20}:)?Pass(?:word)?[ \t](?<=Pass |word )[^<>]{0,300}>(?P<value>[^<\n]{1,256})</"
    ),
    lambda m: redact_value(m, "password"),
)

# OpenWrt's wireless config (UCI): a network's `option key '...'` is its passphrase where its section says it is one
# (`option encryption 'psk2'`, WPA's and SAE's kinds) in the same file. (Anywhere in the text, not in a window around
# the value: other values replaced before it would move the window, and a second scrub find what the first did not.)
UCI_WIFI_KEY = near_rule(
    "uci-wifi-key",
    re.compile(r"option[ \t]+key[ \t]+'(?P<value>[^'\n\\]{8,63})'"),
    "password",
    re.compile(r"option encryption[ \t]+'?(?:psk|sae|wpa)"),
    None,
)

# Ghost's Admin API key: its id (24 hex digits), ":" and its secret (64), which alone signs the admin tokens; the id
# stays. Taken where the text names Ghost (`new GhostAdminAPI({...})`, `GHOST_ADMIN_API_KEY`).
GHOST_ADMIN_KEY = near_rule(
    "ghost-admin-key",
    re.compile(r"(?<![0-9a-f])[0-9a-f]{24}:(?P<value>[0-9a-f]{64})(?![0-9a-f])"),
    "api-key",
    re.compile("ghost|Ghost|GHOST"),
    None,
)

# Sauce Labs' access key, a UUID: after Sauce Connect's `-k` (`sc run -u USER -k KEY`), or as a WebdriverIO
# config's `key:` beside its Sauce user.
_UUID_VALUE = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
SAUCE_KEY = near_rule(
    "sauce-key",
    re.compile(
        r"(?:[ \t](?:-k|--api-key|--access-key)(?:[ \t]+|=)|(?<![\w.])key:[ \t]*\\?['\"])(?P<value>"
        + _UUID_VALUE
        + r")(?![0-9a-f\-])"
    ),
    "api-key",
    re.compile(r"sauce|Sauce|SAUCE|(?:^|[\s;&|(])sc (?:run|-u)\b"),
    300,
)

# A Jetty realm's users file (ActiveMQ's `jetty-realm.properties`, `users.properties`), under its header comment
# `# username: password [,rolename ...]`: each line's password, before its roles.
_REALM_HEADER = "password [,rolename"
REALM_USER = near_rule(
    "realm-user",
    re.compile(
        r"(?:(?<![\w.\-])|(?<=\\n))[\w.\-]{1,64}:[ \t]*(?P<value>[^\s,\\]{1,128}),[ \t]*[A-Za-z][\w\-]{0,40}"
    ),
    "password",
    re.compile(re.escape(_REALM_HEADER)),
    4000,
)

# Ably's API key, `APPID.KEYID:SECRET` (six characters, a dot, six, a colon, the secret), where Ably is named near.
ABLY_KEY = near_rule(
    "ably-key",
    re.compile(
        r"(?<![\w.\-])(?P<value>[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{6}:[A-Za-z0-9_\-]{40,48})(?![\w\-])"
    ),
    "secret",
    re.compile(r"ably|Ably|ABLY"),
    400,
    400,
)

# WHMCS's `$cc_encryption_hash`, the key its stored cards are encrypted with (no keyword of the assignment pass).
ENCRYPTION_HASH = Rule(
    "encryption-hash",
    re.compile(r"encryption_hash\\?[\"']?[ \t]*=>?[ \t]*\\?[\"'](?P<value>[^\"'\\\n]{8,256})"),
    lambda m: redact_value(m, "secret"),
    "encryption_hash",
)

# OFX's sign-on request in its SGML form (Quicken's, GnuCash's, ofxclient's): `<USERPASS>` and the password to its
# line's end or the next element, no closing tag (`<NEWUSERPASS>` when it is changed).
OFX_USERPASS = Rule(
    "ofx-userpass",
    re.compile(r"USERPASS>(?<=<USERPASS>|WUSERPASS>)(?P<value>[^<\s\\](?:[^<\n\\]{0,126}[^<\s\\])?)"),
    lambda m: redact_value(m, "password"),
    "USERPASS>",
)

# GitHub's account recovery codes, ten of `xxxxx-xxxxx` in hex, as their downloaded file holds them: each one signs in
# in place of the second factor. Taken where the text names recovery codes.
RECOVERY_CODE = near_rule(
    "recovery-code",
    re.compile(r"(?:(?<![\w\-])|(?<=\\n))(?P<value>[0-9a-f]{5}-[0-9a-f]{5})(?![\w\-])"),
    "secret",
    re.compile(r"recovery[_\- ]codes|Recovery codes|RECOVERY[_ ]CODES"),
    600,
)

# A proxy list's `host:port:username:password` lines, under the header that says so (scraping services hand them
# out so): each line's password, the last field.
PROXY_LINE = near_rule(
    "proxy-line",
    re.compile(
        r"(?:(?<![\w.:])|(?<=\\n))(?:[0-9]{1,3}\.){3}[0-9]{1,3}:[0-9]{2,5}:[^\s:\\]{1,64}:(?P<value>[^\s:\\]{1,128})"
        r"(?=[ \t]*(?:\r?\n|\\[rn]|$))"
    ),
    "password",
    re.compile("port:user"),
    2000,
)

# What a login cracker prints for a pair it found: hydra's `[22][ssh] host: 10.0.0.5   login: root   password: ...`
# (medusa's and ncrack's alike), and nmap's brute scripts' `admin:... - Valid credentials`.
CRACKED_LOGIN = Rule(
    "cracked-login",
    re.compile(r"login: [^\s\\]{0,255}[ \t]+password: (?P<value>[^\s\\]{1,256})"),
    lambda m: redact_value(m, "password"),
    "login: ",
)
VALID_CREDENTIALS = Rule(
    "valid-credentials",
    re.compile(r"(?<![^\s|])[^\s:|\\]{1,64}:(?P<value>[^\s\\]{1,256}) - Valid credentials"),
    lambda m: redact_value(m, "password"),
    " - Valid credentials",
)

TOOL_RULES = (
    NETSH_KEY_CONTENT,
    ENCODED_API_KEY,
    KEYED_VALUE,
    GRADLE_GPR, BUNDLER_HOST, WEBSOCKET_BEARER, JWT_SECTION_KEY, CONSUL_AGENT_TOKEN, SHOWN_ONCE, SMTP_AUTH,
    TERRAFORM_RANDOM_PASSWORD, REDIS_ACL_PASSWORD, ALGOLIA_KEY, SQS_BROKER_SECRET, PROXY_USER_PASSWORD,
    WEBHOOK_PATH_TOKEN, EXPECT_PASSWORD, OFFLINEIMAP_PASSWORD, SECRET_ID, CONSUL_MANAGEMENT_TOKEN,
    VENDOR_KEY_HEADER, CONDA_URL_TOKEN, PIPED_TOKEN, HELM_SET_SECRET, NEW_PASSWORD_VALUE, KEYCHAIN_PASSWORD,
    QUOTED_BAD_KEY, TERRAFORM_CONSOLE_VALUE, KAGGLE_KEY, REDIS_REPLY_PAIR, CRACKED_LOGIN, VALID_CREDENTIALS,
    HMAC_KEY_ID, SAUCE_KEY, REALM_USER, ABLY_KEY, ENCRYPTION_HASH, RECOVERY_CODE, PROXY_LINE, OFX_USERPASS,
    GHOST_ADMIN_KEY, PASSWORD_ELEMENT, UCI_WIFI_KEY,
)  # fmt: skip
TOOL_LITERALS: dict[str, tuple[str, ...]] = {
    "gradle-gpr-key": ("gpr.",),
    "bundler-host-credentials": ("BUNDLE_",),
    "websocket-protocol-bearer": ("WebSocket-Protocol",),
    "jwt-section-key": ("Jwt", "JWT"),
    "consul-agent-token": ("set-agent-token",),
    "shown-once": ("again",),
    "smtp-auth": ("AUTH PLAIN", "AUTH\tPLAIN"),
    "terraform-random-password": ("random_password",),
    "realm-user": (_REALM_HEADER,),
    "ably-key": ("ably", "Ably", "ABLY"),
    "ghost-admin-key": ("ghost", "Ghost", "GHOST"),
    "uci-wifi-key": ("option encryption",),
    "password-element": ("Pass ", "Password "),
    "proxy-line": ("port:user",),
    "recovery-code": (
        "recovery_codes",
        "recovery-codes",
        "recovery codes",
        "Recovery codes",
        "RECOVERY_CODES",
        "RECOVERY CODES",
    ),
    "sauce-key": (" -k", "\t-k", "-api-key", "-access-key", "key:"),
    "redis-acl-password": ("SETUSER", "setuser"),
    "algolia-key": ("algoliasearch(",),
    "sqs-broker-secret": ("sqs://",),
    "proxy-user-password": ("proxy-user", " -U", "\t-U", "login="),
    "webhook-path-token": ("/hooks/",),
    "expect-send-password": ("send ", "send\t"),
    "offlineimap-password": ("remotepass", "localpass"),
    "secret-id": ("Secret ID", "SecretID", "secret_id", "secret-id"),
    "consul-management-token": ("initial_management", "agent_recovery", "master"),
    "vendor-key-header": (
        "X-JFrog-Art-Api",
        "x-honeycomb-team",
        "lightstep-access-token",
        "signoz-access-token",
        "x-sf-token",
        "dd-api-key",
    ),
    "conda-url-token": ("/t/",),
    "piped-token": ("token add", "--with-token", "--password-stdin"),
    "helm-set-secret": ("--set",),
    "new-password-value": ("reset-password",),
    "keychain-password": (
        "unlock-keychain",
        "create-keychain",
        "set-keychain-password",
        "set-key-partition-list",
    ),
    "quoted-bad-key": ("Incorrect API key provided",),
    "terraform-console-value": ("nonsensitive(", "random_password."),
    "kaggle-key": ("kaggle",),
    "netsh-key-content": ("Key Content",),
    "encoded-api-key": ("encoded",),
    "keyed-value": ("</Key>",),
    "redis-reply-pair": ('1) "', '1) \\"'),
}
# The Serverless Framework's deploy summary lists the API keys it made under `api keys:`, one `name: value` line each
# (indented, behind a lead as a log has it, which may take the indentation): the values go, the names stay.
_API_KEYS_HEADING = re.compile(
    r"(?:^|(?<=\n)|(?<=\\n))(?:" + LINE_LEAD.pattern + r")[ \t]*api keys:[ \t]*\r?(?=\n|\\n)"
)
_LISTED_API_KEY = re.compile(r"[ \t]*(?P<name>[\w.\-]{1,128}):[ \t]+(?P<value>[A-Za-z0-9]{20,128})[ \t]*\r?")


def find_listed_api_keys(text: str) -> list[Redaction]:
    """The values of the API keys a Serverless deploy lists."""
    found: list[Redaction] = []
    for heading in _API_KEYS_HEADING.finditer(text):
        for start, end in lines_after(text, heading.end()):
            line = _LISTED_API_KEY.fullmatch(text, line_body(text, start, end), end)
            if line is None:
                break  # the list ends: `endpoints:`, a blank line
            found.append(redact(line.start("value"), line.end("value"), "api-key"))
    return found


# An element that names a setting and gives its value as attributes (Ant's and Windchill's `<property name="db.password"
# value="..."/>`, Maven's, .NET's `<add key="..." value="..."/>`): the name says what the value is.
NAMED_ATTRIBUTE_LITERALS = ("value=",)
_ELEMENT_ATTRIBUTE = re.compile(
    r"(?<![\w\-])(?P<attr>name|key|value)=(?P<q>\\?[\"'])(?P<text>[^\"'<>\\]{0,512})(?P=q)"
)
_ELEMENT_NAME = re.compile(r"<[A-Za-z][\w:.\-]{0,40}[ \t]")


def find_named_attribute_values(text: str) -> list[Redaction]:
    """The value attribute of an element whose name or key attribute names a secret (found from each `value=`, read
    out to its element's brackets)."""
    found: list[Redaction] = []
    seen = -1
    at = text.find("value=")
    while at >= 0:
        opening, closing = text.rfind("<", max(0, at - 800), at), text.find(">", at, at + 800)
        at = text.find("value=", at + 6)
        if (
            opening <= seen
            or closing < 0
            or ">" in text[opening:closing]
            or not _ELEMENT_NAME.match(text, opening)
        ):
            continue
        seen = opening
        attributes = {
            item.group("attr"): item for item in _ELEMENT_ATTRIBUTE.finditer(text, opening, closing)
        }
        named, value = attributes.get("name") or attributes.get("key"), attributes.get("value")
        if named is None or value is None or not value.group("text"):
            continue
        name, written = named.group("text"), value.group("text")
        sense = classify_name(name)
        if sense is None or not sense.strong or is_placeholder(written):
            continue
        if judge_value(written, name, sense, quoted=True, env_style=False) == "redact":
            found.append(redact(value.start("text"), value.end("text"), sense.kind))
    return found


# A table of names and values, its cells apart by "|" (sqlite3's list output of a browser's `cookies` table:
# `host_key|name|value|is_secure`): a row's value goes when its name names a secret (`sessionid`, `csrftoken`).
NAME_VALUE_ROWS_LITERALS = ("|name|value|", "|name|value\n", "|name|value\r", "|name|value\\", "name|value|")
_NAME_VALUE_HEADER = re.compile(r"(?:^|(?<=[\s|]))name\|value(?=\||\r?\n|\\n|$)")


def find_name_value_rows(text: str) -> list[Redaction]:
    """The values of the rows of a `|`-separated table whose name column names a secret."""
    found: list[Redaction] = []
    for header in _NAME_VALUE_HEADER.finditer(text):
        start, end = line_at(text, header.start())
        body = line_body(text, start, end)
        cells = text[body:end].split("|")
        if "name" not in cells or "value" not in cells:
            continue
        name_at, value_at = cells.index("name"), cells.index("value")
        for row_start, row_end in lines_after(text, end):
            row_body = line_body(text, row_start, row_end)
            row = text[row_body:row_end].split("|")
            if len(row) != len(cells):
                break
            name, value = row[name_at], row[value_at]
            sense = classify_name(name) if name else None
            if sense is None or not value or is_placeholder(value):
                continue
            if judge_value(value, name, sense, quoted=True, env_style=False) == "redact":
                at = row_body + sum(len(cell) + 1 for cell in row[:value_at])
                found.append(redact(at, at + len(value), sense.kind))
    return found


# Metasploit's `creds` table: under its header (`host  origin  service  public  private  realm  private_type`) and
# rule, each row's fifth cell is the private part (a password, a hash); cells stand apart by two blanks or more
# (a service's `445/tcp (smb)` holds one), and an empty realm leaves its column blank.
_CREDS_HEADER = re.compile(
    r"host[ \t]{2,}origin[ \t]{2,}service[ \t]{2,}public[ \t]{2,}private[ \t]{2,}realm[ \t]{2,}private_type[ \t]*"
)
_CELL_GAP = re.compile(r"[ \t]{2,}")
_GAPPED_CELL = re.compile(r"\S+(?: \S+)*")


def find_msf_credentials(text: str) -> list[Redaction]:
    """The private part of each credential Metasploit's `creds` prints."""
    found: list[Redaction] = []
    for header in _CREDS_HEADER.finditer(text):
        for number, (start, end) in enumerate(lines_after(text, line_at(text, header.start())[1])):
            body = line_body(text, start, end)
            row = text[body:end].rstrip()
            if number == 0 and set(row) <= set("- \t"):
                continue  # the rule under the header
            cells = [cell.span() for cell in _GAPPED_CELL.finditer(row)]
            if len(cells) < 6 or _CELL_GAP.search(row) is None:
                break  # the table ends: a blank line, a prompt
            a, b = cells[4]
            item = redact(body + a, body + b, "password")
            if not is_placeholder(text[item.start : item.end]):
                found.append(item)
    return found


FINDER_LITERALS = {
    "printf-credentials": ("printf",),
    "otlp-headers": ("_HEADERS",),
    "credential-files": ("userlist", "sasl_passwd"),
    "listed-api-keys": ("api keys:",),
    "msf-credentials": ("private_type",),
    "named-attribute-values": NAMED_ATTRIBUTE_LITERALS,
    "name-value-rows": NAME_VALUE_ROWS_LITERALS,
}
