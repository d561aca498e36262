"""Secrets whose place says what they are, though no name stands beside them.

- A user's password as a positional argument: ``smtp.login("user", "...")``, ``ldap.simple_bind_s(dn, "...")``,
  ``DBI->connect(dsn, "user", "...")``, ``new PDO(dsn, "user", "...")``: the second argument of a login or a
  bind, the third of a connect.
- The API key a service's client library is built with: ``new Stripe("...")``, ``OpenAI("...")``.
- ``curl_setopt($ch, CURLOPT_USERPWD, "user:...")``; Oracle's thin URL ``jdbc:oracle:thin:user/...@host``.
- A password read at a prompt that echoes it: ``Password for user app: ...``.
- A GitHub Actions debug log's value of a secret: ``##[debug]Evaluating: secrets.X`` then ``Result: '...'``.
- A here-string fed to a command that names a secret on its line: ``vercel env add API_TOKEN prod <<< '...'``.
- Go's printing of a map: ``map[Authorization:[Bearer ...] X-Api-Key:[...]]``, each entry judged by its name.

Every value must look like a secret: not a placeholder, a plain word, a path or a variable.
"""

from __future__ import annotations

import re

from client_actors.scrub._core import Redaction, Rule, redact
from client_actors.scrub._judge import LINE_LEAD, judge_value, slashed_key
from client_actors.scrub._names import classify_name, is_placeholder, looks_random

_PLAIN = re.compile(r"[A-Za-z_]+")
_NAME_LIKE = re.compile(r"[a-z]+(?:[\-_./][a-z0-9]+)+")
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]{0,20}://")


def _secret_like(value: str) -> bool:
    """A literal that may be a password: no placeholder, plain word, path, URL or blank inside."""
    return not (
        not value
        or is_placeholder(value)
        or (_PLAIN.fullmatch(value) and not looks_random(value))
        or _NAME_LIKE.fullmatch(value)  # a resource's or a file's name: Secret("db-creds"), "prod/db"
        or " " in value
        or (value[0] in "/~$%{" and not slashed_key(value))
        or _URL.match(value)
    )


# Positional arguments: string literals, or anything else up to a comma (no nested parentheses).
_ARGUMENT = re.compile(
    r"[ \t]*(?:\\?\"(?P<dq>[^\"\\\n]{0,512})\\?\"|\\?'(?P<sq>[^'\\\n]{0,512})\\?'|(?P<other>[^,\"'()\n]{1,200}))"
    r"[ \t]*(?:,|(?=\)))"
)
# The call's name and where its arguments open. login, bind, auth and authenticate take (user, password);
# connect, PDO and JDBC's getConnection take (where, user, password).
_POSITIONAL = re.compile(
    r"(?P<fn>login|simple_bind_s|simple_bind|bind_s|ldap_bind|connect|PDO|getConnection|authenticate|auth|UserInfo)\("
)


def _handle_positional(match: re.Match[str]) -> Redaction | None:
    text, position = match.string, match.end()
    fn = match.group("fn")
    before = text[match.start() - 1 : match.start()]
    if before and before not in ".>" and (before.isalnum() or before in "_$"):
        return None  # part of a longer name (`reconnect(`, `on_login(`)
    if fn == "PDO" and not text[max(0, match.start() - 8) : match.start()].rstrip().endswith("new"):
        return None
    arguments: list[re.Match[str]] = []
    while len(arguments) < 6:
        argument = _ARGUMENT.match(text, position)
        if argument is None:
            break
        arguments.append(argument)
        position = argument.end()
        if text.startswith(")", position):
            break
    if not text.startswith(")", position):
        return None
    wanted = 2 if fn in ("connect", "PDO", "ldap_bind", "getConnection") else 1
    if len(arguments) <= wanted or (fn != "ldap_bind" and wanted == 1 and len(arguments) != 2):
        return None
    user, secret = arguments[wanted - 1], arguments[wanted]
    group = "dq" if secret.group("dq") is not None else "sq" if secret.group("sq") is not None else None
    if group is None or (user.group("dq") is None and user.group("sq") is None and fn != "ldap_bind"):
        return None  # the user is a literal too: `connect(host, port, db)` passes variables
    if not _secret_like(secret.group(group)) or "=" in secret.group(group).rstrip("="):
        return None
    return redact(secret.start(group), secret.end(group), "password")


POSITIONAL_PASSWORD = Rule("positional-password", _POSITIONAL, _handle_positional)
POSITIONAL_LITERALS = (
    "login(", "bind_s(", "simple_bind(", "ldap_bind(", "connect(", "PDO(", "getConnection(", "auth(", "authenticate(",
    "UserInfo(",
)  # fmt: skip

# Client libraries built from an API key as their first argument.
SDK_CLIENTS = (
    "Stripe", "OpenAI", "AsyncOpenAI", "Anthropic", "AsyncAnthropic", "Groq", "Resend", "SendGridAPIClient",
    "Mistral", "Cohere", "Replicate", "Pinecone", "Telegraf", "TelegramBot", "WebClient", "Mailgun",
    "Postmark", "ServerClient", "Airtable", "Algolia", "Twilio", "MailerSend", "Pusher", "Deepgram",
    "JotformAPIClient", "QStash",
)  # fmt: skip
_SDK = re.compile(
    r"(?<![\w$.])(?:" + "|".join(SDK_CLIENTS) + r")\([ \t]*"
    r"(?:\\?\"(?P<dq>[^\"\\\n]{8,512})\\?\"|\\?'(?P<sq>[^'\\\n]{8,512})\\?')"
)


def _handle_sdk(match: re.Match[str]) -> Redaction | None:
    group = "dq" if match.group("dq") is not None else "sq"
    value = match.group(group)
    if not _secret_like(value):
        return None
    return redact(match.start(group), match.end(group), "api-key")


SDK_KEY = Rule("sdk-client-key", _SDK, _handle_sdk)
SDK_LITERALS = tuple(f"{name}(" for name in SDK_CLIENTS)

# Calls whose Nth string argument is a secret, by the library's signature: Sequelize's (database, user,
# password, options), Stripe's construct_event(payload, signature header, endpoint secret), Express's
# cookieParser(secret), Joken's `default_signer: "..."` in Elixir config. Arguments may stand on lines of their own.
# Between a call's arguments: blanks, line breaks (written or escaped) and the leads of the lines they break to (a
# lead first, where one stands, and only one that holds something).
_ARGUMENT_GAP = (
    r"(?:(?<=\n)(?:" + LINE_LEAD.pattern + r")(?<!\n)|\s|\\n)*+"
)  # (possessive: blanks are read once)
_NTH_SECRET = re.compile(
    r"(?P<fn>new Sequelize|construct_event|cookieParser|default_signer:|get_client_credentials_token)[ \t]*\(?"
    r"(?P<before>(?:"
    + _ARGUMENT_GAP
    + r"(?:\\?'[^'\\\n]{0,256}\\?'|\\?\"[^\"\\\n]{0,256}\\?\"|[A-Za-z_][\w.]{0,64})"
    r"[ \t]*,){0,2})"
    + _ARGUMENT_GAP
    + r"(?:\\?'(?P<sq>[^'\\\n]{4,512})\\?'|\\?\"(?P<dq>[^\"\\\n]{4,512})\\?\")"
)
_NTH = {
    "new Sequelize": 2, "construct_event": 2, "cookieParser": 0, "default_signer:": 0,
    "get_client_credentials_token": 1,  # Genesys Cloud's (client id, client secret)
}  # fmt: skip


def _handle_nth_secret(match: re.Match[str]) -> Redaction | None:
    if match.group("before").count(",") != _NTH[match.group("fn")]:
        return None
    group = "sq" if match.group("sq") is not None else "dq"
    value = match.group(group)
    if is_placeholder(value) or " " in value:
        return None
    return redact(match.start(group), match.end(group), "secret")


NTH_SECRET = Rule("nth-argument-secret", _NTH_SECRET, _handle_nth_secret)
NTH_SECRET_LITERALS = tuple(_NTH)

CURL_USERPWD = Rule(
    "curl-userpwd",
    re.compile(r"USERPWD[ \t]*,[ \t]*\\?[\"'][^:\"'\\\n]{1,128}:(?P<secret>[^\"'\\\n]{1,256})\\?[\"']"),
    lambda m: None if is_placeholder(m["secret"]) else redact(m.start("secret"), m.end("secret"), "password"),
    "USERPWD",
)
ORACLE_THIN = Rule(
    "oracle-thin",
    re.compile(r"thin:(?:@)?[A-Za-z0-9_$#]{1,30}/(?P<secret>[^\s@/'\"\\]{1,128})@"),
    lambda m: None if is_placeholder(m["secret"]) else redact(m.start("secret"), m.end("secret"), "password"),
    "thin:",
)


def _handle_prompt(match: re.Match[str]) -> Redaction | None:
    value = match.group("secret")
    if is_placeholder(value) or not any(c.isalnum() for c in value):
        return None
    return redact(match.start("secret"), match.end("secret"), "password")


PROMPT_ECHO = Rule(
    "password-prompt",
    re.compile(r"assword for [^:\n\\]{1,80}:[ \t]+(?P<secret>[^\s\\]{1,256})"),
    _handle_prompt,
    "assword for ",
)
ACTIONS_DEBUG = Rule(
    "actions-debug-secret",
    re.compile(
        r"##\[debug\]Evaluating: secrets\.[\w.\-]{1,128}(?:\r?\n|(?:\\r)?\\n)[^\n\\]{0,64}##\[debug\]Result:[ \t]*"
        r"(?P<q>\\?')(?P<secret>[^'\n\\]{1,2048})(?P=q)"
    ),
    _handle_prompt,
    "Evaluating: secrets.",
)

# A here-string into a command whose line names a secret: the name's word and the value (quoted or not).
_HERE_STRING = re.compile(
    r"<<<[ \t]*(?:\\?\"(?P<dq>[^\"\\\n]{1,1024})\\?\"|'(?P<sq>[^'\n]{1,1024})'|(?P<bare>[^\s'\"\\;&|]{1,1024}))"
)
_LINE_WORDS = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]{2,64}")


def _handle_here_string(match: re.Match[str]) -> Redaction | None:
    group = next(g for g in ("dq", "sq", "bare") if match.group(g) is not None)
    value = match.group(group)
    if not _secret_like(value):
        return None
    text = match.string
    floor = max(0, match.start() - 300)
    line = text[max(text.rfind("\n", floor, match.start()) + 1, floor) : match.start()]
    senses = [classify_name(word) for word in _LINE_WORDS.findall(line) if not word.startswith("-")]
    sense = next((sense for sense in senses if sense is not None and sense.strong), None)
    if sense is None:
        return None
    return redact(match.start(group), match.end(group), sense.kind)


HERE_STRING = Rule("here-string-named", _HERE_STRING, _handle_here_string, "<<<")


def _handle_listed_flag(match: re.Match[str]) -> Redaction | None:
    name, value = match.group("name"), match.group("value")
    sense = classify_name(name)
    if sense is None or name.startswith("no-") or value.startswith("-"):
        return None
    if judge_value(value, name, sense, quoted=True, env_style=False) == "keep":
        return None
    if not sense.strong and not looks_random(value):
        return None
    return redact(match.start("value"), match.end("value"), sense.kind)


# A command's arguments as a list (a container's args, subprocess.run, exec arrays): "--password", "...".
LISTED_FLAG = Rule(
    "listed-flag",
    re.compile(
        r"--(?<=[\"']--)(?P<name>[A-Za-z0-9][\w\-]{0,63})\\?[\"'][ \t]*,[ \t]*(?:\r?\n[ \t]*(?:-[ \t]+)?)?"
        r"\\?[\"'](?P<value>[^\"'\\\n]{1,512})\\?[\"']"
    ),
    _handle_listed_flag,
    "--",
)


def _handle_secure_string(match: re.Match[str]) -> Redaction | None:
    group = "dq" if match.group("dq") is not None else "sq"
    if is_placeholder(match.group(group)):
        return None
    return redact(match.start(group), match.end(group), "password")


# PowerShell's ConvertTo-SecureString "..." -AsPlainText: the plain text is the password.
SECURE_STRING = Rule(
    "secure-string",
    re.compile(
        r"ConvertTo-SecureString[ \t]+(?:-String[ \t]+)?(?:\\?\"(?P<dq>[^\"\\\n]{1,512})\\?\"|'(?P<sq>[^'\n]{1,512})')"
        r"(?=[^\n]{0,64}-AsPlainText)"
    ),
    _handle_secure_string,
    "ConvertTo-SecureString",
)
# A query string carried URL-encoded inside another (a redirect's or a login form's): password%3D...%26.
_ENCODED_PAIR = re.compile(r"%3[Dd](?P<value>(?:(?!%2[06])(?:[A-Za-z0-9._~+\-]|%[0-9A-Fa-f]{2})){4,512})")
_ENCODED_NAME = re.compile(r"[A-Za-z0-9_.\-]{1,64}\Z")


def _handle_encoded_pair(match: re.Match[str]) -> Redaction | None:
    text = match.string
    name = _ENCODED_NAME.search(text, max(0, match.start() - 64), match.start())
    if name is None:
        return None
    sense = classify_name(name.group())
    value = match.group("value")
    if sense is None or is_placeholder(value):
        return None
    if not sense.strong and not looks_random(value):
        return None
    return redact(match.start("value"), match.end("value"), sense.kind)


ENCODED_PAIR = Rule("encoded-pair", _ENCODED_PAIR, _handle_encoded_pair, "%3")
# Redis's AUTH command at its prompt or on redis-cli's line: AUTH [user] password.
_REDIS_AUTH = re.compile(
    r"AUTH[ \t]+(?:[A-Za-z0-9_\-]{1,64}[ \t]+)?(?P<secret>[^\s\"'\\]{1,256})(?=[ \t]*(?:$|[\r\n\\\"']))",
    re.MULTILINE,
)


def _handle_redis_auth(match: re.Match[str]) -> Redaction | None:
    text = match.string
    if match.start() > 0 and (text[match.start() - 1].isalnum() or text[match.start() - 1] in "_-"):
        return None  # OAUTH, X-AUTH
    floor = max(0, match.start() - 200)
    line = text[max(text.rfind("\n", floor, match.start()) + 1, floor) : match.start()]
    if "redis" not in line.lower() and not line.rstrip().endswith(">") and line.strip():
        return None
    value = match.group("secret")
    return redact(match.start("secret"), match.end("secret"), "password") if _secret_like(value) else None


REDIS_AUTH = Rule("redis-auth", _REDIS_AUTH, _handle_redis_auth, "AUTH")


def _strong_name_on_line(text: str, at: int) -> str | None:
    """The kind of the first strongly sensitive name on the line before ``at`` (flags' names left out)."""
    floor = max(0, at - 300)
    line = text[max(text.rfind("\n", floor, at) + 1, floor) : at]
    for word in _LINE_WORDS.findall(line):
        sense = classify_name(word)
        if sense is not None and sense.strong and not line[: line.find(word)].endswith("-"):
            return sense.kind
    return None


def _handle_value_flag(match: re.Match[str]) -> Redaction | None:
    group = next(g for g in ("dq", "sq", "bare") if match.group(g) is not None)
    value = match.group(group)
    kind = _strong_name_on_line(match.string, match.start()) if _secret_like(value) else None
    return None if kind is None else redact(match.start(group), match.end(group), kind)


# A secret's value given by a flag of its own after a flag or argument that names the secret: `gh secret set
# TOKEN --body ...`, `eas secret:create --name KEY --value ...`.
VALUE_FLAG = Rule(
    "value-flag",
    re.compile(
        r"--(?:value|body|secret-value)(?:=|[ \t]+)"
        r"(?:\\?\"(?P<dq>[^\"\\\n]{1,1024})\\?\"|'(?P<sq>[^'\n]{1,1024})'|(?P<bare>[^\s'\"\\;&|\-][^\s'\"\\;&|]{0,1023}))"
    ),
    _handle_value_flag,
    "--",
)


def _handle_login_argument(match: re.Match[str]) -> Redaction | None:
    value = match.group("secret")
    if not _secret_like(value) or not any(c.isdigit() for c in value):
        return None
    return redact(match.start("secret"), match.end("secret"), "token")


# Tools that take a token or a master password as their only argument: `vault login TOKEN`, `cargo login TOKEN`,
# `bw unlock PASSWORD`; and Poetry's stored credentials.
LOGIN_ARGUMENT = Rule(
    "login-argument",
    re.compile(
        r"login(?<=(?:vault|cargo)[ \t]login)[ \t]+"
        r"(?P<secret>[^\s\-'\"\\][^\s'\"\\]{7,511})(?=[ \t]*(?:$|[\r\n\\'\"]))",
        re.M,
    ),
    _handle_login_argument,
    "login",
)
UNLOCK_ARGUMENT = Rule(
    "unlock-argument",
    re.compile(
        r"bw[ \t]+unlock[ \t]+(?P<secret>[^\s\-'\"\\][^\s'\"\\]{5,511})(?=[ \t]*(?:$|[\r\n\\'\"]))", re.M
    ),
    _handle_login_argument,
    "unlock",
)
POETRY_CREDENTIAL = Rule(
    "poetry-credential",
    re.compile(
        r"poetry[ \t]+config[ \t]+(?:http-basic\.\S{1,128}[ \t]+\S{1,128}|pypi-token\.\S{1,128})[ \t]+"
        r"(?P<secret>[^\s\-'\"\\][^\s'\"\\]{3,511})"
    ),
    _handle_login_argument,
    "poetry",
)


def _handle_wrapped(match: re.Match[str]) -> Redaction | None:
    group = "dq" if match.group("dq") is not None else "sq"
    value = match.group(group)
    if is_placeholder(value) or not any(c.isalnum() for c in value):
        return None
    return redact(match.start(group), match.end(group), "secret")


# A literal wrapped in a type that marks it secret: pydantic's SecretStr("...") and SecretBytes(b"...").
SECRET_WRAPPER = Rule(
    "secret-wrapper",
    re.compile(
        r"Secret(?:Str|Bytes)\([ \t]*[bru]?"
        r"(?:\\?\"(?P<dq>[^\"\\\n]{1,1024})\\?\"|'(?P<sq>[^'\n]{1,1024})')"
    ),
    _handle_wrapped,
    "Secret",
)

CALL_RULES = (
    POSITIONAL_PASSWORD, SDK_KEY, CURL_USERPWD, ORACLE_THIN, PROMPT_ECHO, ACTIONS_DEBUG, HERE_STRING, LISTED_FLAG,
    SECURE_STRING, ENCODED_PAIR, REDIS_AUTH, VALUE_FLAG, LOGIN_ARGUMENT, UNLOCK_ARGUMENT, POETRY_CREDENTIAL,
    SECRET_WRAPPER, NTH_SECRET,
)  # fmt: skip

# Go's fmt printing of a map: map[name:value name:[value value]].
_GO_MAP_ENTRY = re.compile(
    r"[ \t]*(?P<name>[A-Za-z_][\w.\-]{0,64}):(?:\[(?P<list>[^\[\]\n]{1,2048})\]|(?P<value>[^\s\[\]]{1,2048}))"
)
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9\-]{0,31}[ \t]+(?=\S)")


def find_go_maps(text: str) -> list[Redaction]:
    """Return the redactions of secret values in Go's printed maps (``map[...]``) in ``text``."""
    found: list[Redaction] = []
    at = text.find("map[")
    while at >= 0:
        position = at + 4
        while True:
            entry = _GO_MAP_ENTRY.match(text, position)
            if entry is None:
                break
            position = entry.end()
            name = entry.group("name")
            sense = classify_name(name)
            group = "list" if entry.group("list") is not None else "value"
            value, start = entry.group(group), entry.start(group)
            if sense is None:
                continue
            if sense.kind == "authorization":
                scheme = _SCHEME.match(value)
                if scheme is not None:
                    value, start = value[scheme.end() :], start + scheme.end()
            if judge_value(value, name, sense, quoted=True, env_style=False) == "keep":
                continue
            if not sense.strong and not looks_random(value):
                continue
            found.append(redact(start, start + len(value), sense.kind))
        at = text.find("map[", max(position, at + 4))
    return found
