"""A secret printed on the line after the command that printed it.

``printenv SESSION_SECRET``, ``heroku config:get DB_PASSWORD``, ``echo $API_TOKEN``, ``vault kv get
-field=password ...``, ``kubectl get secret ... | yq .data.SIGNING_KEY``, ``gcloud auth print-access-token``,
``aws ecr get-login-password``: the next line holds the value alone, with nothing that names it. The command
says what it is: a named variable or field whose name is sensitive, or a command whose one output is a
credential. The value goes when it fills its line (behind the same wrappers a line can have elsewhere: a line
number, a timestamp, a border), or when the next prompt follows it directly (output without a final newline).
"""

from __future__ import annotations

import re

from client_actors.scrub._core import Redaction, Rule, disjoint, literal_positions, redact
from client_actors.scrub._judge import LINE_LEAD
from client_actors.scrub._names import HEX, classify_name, is_placeholder, looks_random
from client_actors.scrub._personal import line_at

# Commands whose one line of output is a credential, whatever they are given.
_CREDENTIAL_COMMANDS = (
    "print-access-token", "print-identity-token", "get-login-password", "auth token", "get-access-token",
    "op read ", "get-secret-value", "versions access", "serviceaccount/token", "auth:token", "create token ",
    "config/master.key", "gen.secret", "rails secret", "rake secret", "vault_pass", "vault_password",
    "pass show ",  # the password store prints an entry's password on its first line
    "wireless-security.psk ", "wifi-sec.psk ",  # nmcli's `-s -g <field> connection show`: the Wi-Fi key
    "bw get password ",  # Bitwarden's CLI prints an item's password
)  # fmt: skip
# Commands that print the value of the variable or field they name: printed values of sensitive names (`aws configure
# get aws_secret_access_key`). `consul kv get shop/api/token` names a key path (its last segment says what it is); `op
# item get ... --fields password` names the field it prints.
_NAMING_COMMANDS = (
    "printenv", "config:get", "config:system:get", "config:app:get", "echo", "-field=", ".data.", "secrets get",
    "kv get ", "--fields ", "--fields=",
    "config get ", "configure get ",
    # a field read out of a key file or a response: `jq -r .private_key_id key.json`
    "jq -r .", "jq -r '.", "jq .", "jq '.",
)  # fmt: skip
_JQ_COMMANDS = ("jq -r .", "jq -r '.", "jq .", "jq '.")
_FIELD_COMMANDS = ("-field=", ".data.", "--fields ", "--fields=")
_PATH_COMMANDS = ("kv get ",)
LITERALS = _CREDENTIAL_COMMANDS + _NAMING_COMMANDS

_PRINTED = re.compile(
    r"(?P<command>"
    + "|".join(re.escape(literal) for literal in LITERALS)
    + r")(?P<rest>[^\n]{0,300}?)(?:\r?\n|\\r\\n|\\n)"
    # (a warning the tool prints first behind an arrow, as Heroku's `Warning: token will expire ...`)
    r"(?:(?:"
    + LINE_LEAD.pattern
    + r")[ \t]*(?:\u203a|\\u203a|\u25b8|\\u25b8)[^\n]{0,200}?(?:\r?\n|\\r\\n|\\n)){0,2}"
    r"(?P<lead>" + LINE_LEAD.pattern + r")"
    # (a blank inside the value only between two of its characters: a passphrase of words, which `_handle` takes
    # only from the commands that print one)
    r"(?P<value>[^\s\\\"'`$#>](?:[^\s\\\"'`]|[ ](?=[^\s\\\"'`])){3,4095}?)(?=[ \t]*(?:\r?\n|\\[rn]|\\?\"|$)|\$[ \t])"
)
# Commands whose one line of output may be a passphrase of words: nmcli's for a Wi-Fi network's key. (Not a password
# store's: `pass show` stands in configs too, `PassCmd "pass show ..."`, where the next line is the config's.)
_PASSPHRASE_COMMANDS = ("wireless-security.psk ", "wifi-sec.psk ")
# The name a naming command is given: its first word that is not a flag (`-a app`, `-n ns` are skipped with
# their values), with a `$` or `${` before it for echo.
_FIRST_NAME = re.compile(
    r"[ \t]*(?:-{1,2}\w[\w\-]*(?:[ =]\S+)?[ \t]+)*\$?\{?(?P<name>[A-Za-z_][\w.\-]{0,80})"
)
_LETTER = re.compile(r"[A-Za-z]")  # a count (`| wc -c`) or a port is no secret
_FIELD_NAME = re.compile(r"(?P<name>[A-Za-z_][\w\-]{0,80})")


_KEY_PATH = re.compile(r"[ \t]*(?:-{1,2}\w[\w\-]*(?:=\S+)?[ \t]+)*[\"']?(?P<path>[\w.\-/]{1,400})")


_JQ_PATH = re.compile(r"(?:[\w\-]+\.)*(?P<name>[\w\-]{1,80})['\"]?(?:[ \t]|$)")  # after the command's "."


def _printed_name(command: str, rest: str) -> str | None:
    if command in _JQ_COMMANDS:
        field = _JQ_PATH.match(rest)
        return field.group("name") if field else None
    if command in _PATH_COMMANDS:
        path = _KEY_PATH.match(rest)
        return path.group("path").rstrip("/").rpartition("/")[2] or None if path else None
    if command in _FIELD_COMMANDS:
        found = _FIELD_NAME.match(rest.removeprefix("label="))
    elif command == "echo":
        rest = rest.lstrip(" \t\"'")
        found = _FIRST_NAME.match(rest) if rest.startswith("$") else None
    else:
        found = _FIRST_NAME.match(rest)
    return found.group("name") if found else None


def _reads_secret(match: re.Match[str]) -> bool:
    """Whether the command's line reads a secret store (`kubectl get secret`, `vault kv get secret/...`)."""
    text, start = match.string, match.start()
    floor = max(0, start - 300)
    line_start = max(text.rfind("\n", floor, start) + 1, floor)
    return "secret" in text[line_start : match.end("rest")].lower()


def _handle(match: re.Match[str]) -> Redaction | None:
    command, value = match.group("command"), match.group("value")
    if " " in value and command not in _PASSPHRASE_COMMANDS:
        return None
    if is_placeholder(value) or value.endswith(":") or not _LETTER.search(value) or "://" in value:
        return None  # (a URL: its credentials have rules of their own, and the rest of it stays)
    if command not in _CREDENTIAL_COMMANDS:
        name = _printed_name(command, match.group("rest"))
        if name is None:
            return None
        if name == "private_key_id":  # a service account key's id, as the key file's own rule takes it
            return redact(match.start("value"), match.end("value"), "key")
        if classify_name(name) is None and not (command in _FIELD_COMMANDS and _reads_secret(match)):
            return None
    return redact(match.start("value"), match.end("value"), "secret")


PRINTED_VALUE = Rule("printed-value", _PRINTED, _handle)

# An interactive session's prompt, the expression it was given, and the string it printed on the next line:
# `>>> app.config['SECRET_KEY']` then `'...'`, IPython's `In [7]: creds.token` then `Out[7]: '...'`, jshell's
# `System.getenv("SIGNING_KEY")` then `$1 ==> "..."`, gdb's `p cfg->api_key` then `$1 = 0x... "..."`. The
# string goes when the expression's last name is a sensitive one.
REPL_LITERALS = (">>> ", "In [", "jshell> ", "(gdb) p", "irb(")
_REPL = re.compile(
    r"(?:>>> |In \[[0-9]{1,6}\]: |jshell> |\(gdb\) p(?:rint)?[ \t]|irb\([^)\n]{0,40}\)[:0-9]{0,12}> )"
    r"(?P<expr>[^\n]{1,300}?)(?:\r?\n|\\r\\n|\\n)(?P<lead>" + LINE_LEAD.pattern + r")"
    r"(?:Out\[[0-9]{1,6}\]: |\$[0-9]{1,6} ==> |\$[0-9]{1,6} = (?:0x[0-9a-fA-F]{1,16} )?|=> )?"
    r"(?:\\\"(?P<esc>[^\"\\\n]{4,4095})\\\"|\"(?P<dq>[^\"\\\n]{4,4095})\"|'(?P<sq>[^'\\\n]{4,4095})')"
)
_EXPRESSION_NAMES = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _handle_repl(match: re.Match[str]) -> Redaction | None:
    names = _EXPRESSION_NAMES.findall(match.group("expr"))
    if not names or classify_name(names[-1]) is None:
        return None
    group = next(name for name in ("esc", "dq", "sq") if match.group(name) is not None)
    value = match.group(group)
    if is_placeholder(value) or " " in value:
        return None
    return redact(match.start(group), match.end(group), "secret")


PRINTED_REPL = Rule("printed-repl", _REPL, _handle_repl)

# A WireGuard private key printed alone on the next line: by `wg genkey` (or teed to a file, not piped on to `wg
# pubkey`, which prints the public key), by `wg show <interface> private-key`, or by `cat` whose first file is a
# private key's (`/etc/wireguard/privatekey`, `client-private.key`; a key file holds one line, so the first line
# printed is that file's). The key: 32 bytes of base64, whose last character before "=" holds four zero bits.
WIREGUARD_LITERALS = ("wg genkey", "private-key", "privatekey", "private.key")
_WIREGUARD_PRINTED = re.compile(
    r"(?:wg[ \t]+genkey(?:[ \t]*\|[ \t]*(?:sudo[ \t]+)?tee[ \t]+[^\s|;&>]+)?"
    r"|wg[ \t]+show[ \t]+[\w.\-]{1,32}[ \t]+private-key"
    r"|cat[ \t]+(?:-[A-Za-z]+[ \t]+)*(?P<file>[^\s\\|;&>]{1,400})[^\n\\|;&>]{0,400})"
    r"[ \t]*(?:\r?\n|\\r\\n|\\n)(?P<lead>" + LINE_LEAD.pattern + r")"
    r"(?P<value>[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)(?=[ \t]*(?:\r?\n|\\[rn]|\\?\"|$))"
)
_PRIVATE_KEY_FILE = re.compile(r"(?:[\w.\-]*[._\-])?private(?:key|[._\-]key)", re.IGNORECASE)


def _handle_wireguard(match: re.Match[str]) -> Redaction | None:
    path = match.group("file")
    if path is not None and not _PRIVATE_KEY_FILE.fullmatch(path.rstrip("\"'").rpartition("/")[2]):
        return None  # `cat` of another file first: the line is that file's
    return redact(match.start("value"), match.end("value"), "private-key")


PRINTED_WIREGUARD_KEY = Rule("printed-wireguard-key", _WIREGUARD_PRINTED, _handle_wireguard)

# An Ed25519 private key as RustDesk's server keeps it, 64 bytes of base64 alone in `id_ed25519`, printed by `cat`
# on the next line (its `id_ed25519.pub` holds the public half, 32 bytes, and stays).
_ED25519_PRINTED = re.compile(
    r"cat[ \t]+(?:-[A-Za-z]+[ \t]+)*[^\s\\|;&>]{0,400}id_ed25519[ \t]*(?:\r?\n|\\r\\n|\\n)"
    r"(?P<lead>" + LINE_LEAD.pattern + r")"
    r"(?P<value>[A-Za-z0-9+/]{86}==)(?=[ \t]*(?:\r?\n|\\[rn]|\\?\"|$))"
)
PRINTED_ED25519_KEY = Rule(
    "printed-ed25519-key",
    _ED25519_PRINTED,
    lambda match: redact(match.start("value"), match.end("value"), "private-key"),
    "id_ed25519",
)

# A token a tool has just made, on the line after the one that says so: Particle's `token create` prints "New
# access token expires on ...", then the token alone and indented; others "Your API key:" or "Generated token
# (copy it now):". The line must say the token is new or the reader's, and the value fill its own line.
ANNOUNCED_LITERALS = (
    "ccess token", "CCESS TOKEN", "ew token", "uth token",
    *(f"{api} {kind}" for api in ("PI", "pi") for kind in ("key", "Key", "token", "Token")),
)  # fmt: skip
_ANNOUNCED = re.compile(
    r"(?:[Aa]ccess token|ACCESS TOKEN|(?:API|[Aa]pi) (?:[Kk]ey|[Tt]oken)|[Nn]ew token|[Aa]uth token)"
    r"[^\n]{0,120}?(?:\r?\n|\\r\\n|\\n)"
    r"(?P<lead>" + LINE_LEAD.pattern + r")[ \t]*"
    r"(?P<value>[A-Za-z0-9_\-.+/=]{20,512})(?=[ \t]*(?:\r?\n|\\[rn]|\\?\"|$))"
)
_ANNOUNCING = re.compile(r"(?i:\b(?:new|your|generated|created|issued)\b)")


def _handle_announced(match: re.Match[str]) -> Redaction | None:
    text, value = match.string, match.group("value")
    line_start = line_at(text, match.start())[0]
    # (the line sliced off: a JSON-escaped break's "n" would join the line's first word)
    if _ANNOUNCING.search(text[line_start : match.start()]) is None or is_placeholder(value):
        return None
    if not (looks_random(value) or (len(value) >= 32 and HEX.fullmatch(value))):
        return None
    return redact(match.start("value"), match.end("value"), "token")


PRINTED_ANNOUNCED = Rule("printed-announced", _ANNOUNCED, _handle_announced)

# A secret a tool says it kept, named before it on its line: `refresh_token saved to keyring: <value>`, the value to
# the line's end. Found from what is said of it (each word by `str.find`: an alternation would be tried at every
# blank); the name before says what it is.
SAVED_LITERALS = (" saved", " stored", " written", " cached")
_SAVED = re.compile(
    r"[ \t](?:saved|stored|written|cached)(?:[ \t]+(?:to|in|into|at)[ \t]+[^\n:\\]{1,40}?)?:[ \t]*"
    r"(?P<value>[A-Za-z0-9_\-.+/=]{16,512})(?=[ \t]*(?:\r?\n|\\[rn]|\\?\"|$))"
)
_NAME_BEFORE = re.compile(r"[A-Za-z][\w\-.]{0,60}\Z")


def find_saved(text: str) -> list[Redaction]:
    """Secrets a tool says it kept, after their names (`refresh_token saved to keyring: ...`)."""
    found = []
    for at in literal_positions(text, SAVED_LITERALS):
        match = _SAVED.match(text, at)
        if match is not None and (redaction := _saved_value(match)) is not None:
            found.append(redaction)
    return disjoint(found)  # (two words before one value: `saved and stored in x: ...`)


def _saved_value(match: re.Match[str]) -> Redaction | None:
    text, value = match.string, match.group("value")
    name = _NAME_BEFORE.search(text, max(0, match.start() - 61), match.start())
    sense = None if name is None else classify_name(name.group())
    if (
        sense is None
        or is_placeholder(value)
        or not (looks_random(value) or (len(value) >= 32 and HEX.fullmatch(value)))
    ):
        return None
    return redact(match.start("value"), match.end("value"), sense.kind)


PRINTED_RULES = (PRINTED_VALUE, PRINTED_REPL, PRINTED_WIREGUARD_KEY, PRINTED_ED25519_KEY, PRINTED_ANNOUNCED)
