"""Secrets passed as command-line flags: ``--token=...``, ``mysql -pX``, ``curl -u user:pass``."""

from __future__ import annotations

import re

from client_actors.scrub._assign import names_a_stored_secret, trie_pattern
from client_actors.scrub._core import COMMAND_START, Redaction, Rule, redact
from client_actors.scrub._judge import judge_value
from client_actors.scrub._names import classify_name, is_placeholder, looks_random

FLAG_WORDS = (
    "password", "passwd", "passphrase", "pass", "pwd", "pw", "token", "secret", "key", "apikey", "auth",
    "credential", "credentials", "creds", "sig", "signature",
)  # fmt: skip
_QUOTED_OR_BARE = (
    r"(?:\\\"(?P<esc>[^\"\n\\]{0,1024})\\\"|\"(?P<dq>[^\"\n]{0,1024})\"|'(?P<sq>[^'\n]{0,1024})'"
    r"|(?P<bare>[^\s'\"\\;&|\-<>][^\s'\"\\;&|]{0,1024}))"
)
LONG_FLAG = re.compile(
    # (a word glued before it too, `--cipassword`: `classify_name` tells which such names hold a password; a field's
    # path in dots, as The Things Stack's CLI writes one, `--root-keys.app-key.key`)
    rf"--(?P<name>(?:[A-Za-z0-9]{{1,32}}[-_.]){{0,6}}[a-z]{{0,12}}?{trie_pattern(FLAG_WORDS)})"
    rf"(?:=|[ \t]+){_QUOTED_OR_BARE}"
)


def _value_group(match: re.Match[str]) -> str:
    return next(group for group in ("esc", "dq", "sq", "bare") if match.group(group) is not None)


def _handle_long(match: re.Match[str]) -> Redaction | None:
    name = match.group("name")
    sense = classify_name(name)
    if sense is None or name.startswith("no-"):
        return None  # --no-password takes no value; what follows is the next argument
    group = _value_group(match)
    if group == "bare" and match.group(group).lower() in _PROSE_AFTER_FLAG:
        return None  # "Using --password via the CLI is insecure": a sentence about the flag
    if name == "secret" and names_a_stored_secret(match.string, match.start()):
        return None
    # A flag's argument is a value, never a variable: a bare word is redacted like a whole line.
    value, start = match.group(group), match.start(group)
    source = _PASSWORD_SOURCE.match(value)
    if (
        source is not None
    ):  # apksigner, keytool, openssl: `pass:SECRET`, or where to read it (`env:`, `file:`)
        if source.group("kind") != "pass":
            return None
        value, start = value[source.end() :], start + source.end()
        if not value or is_placeholder(value):
            return None
    if judge_value(value, name, sense, quoted=group != "bare", env_style=False) == "keep" and not (
        # a shell's argument is no attribute chain: `--password=oxO.DbUfl5nh`, `--password lantern.mango9269` are
        # passwords with a dot
        group == "bare"
        and sense.strong
        and "." in value
        and "/" not in value
        and (looks_random(value) or any(char.isdigit() for char in value))
    ):
        return None
    return redact(start, match.end(group), sense.kind)


_PASSWORD_SOURCE = re.compile(r"(?P<kind>pass|env|file|fd):(?=\S)|(?P<stdin>stdin$)")
_PROSE_AFTER_FLAG = frozenset(
    {"via", "is", "was", "are", "were", "the", "a", "an", "to", "for", "and", "or", "with", "without", "option",
     "flag", "argument", "instead", "in", "on", "of", "if", "when", "not", "must", "should", "can", "will",
     "only", "from", "as", "that", "which", "has", "have", "be", "also", "then", "options", "flags",
     "arguments", "parameter", "parameters", "switch", "switches", "setting", "settings"}
)  # fmt: skip
LONG_FLAGS = Rule("cli-flag", LONG_FLAG, _handle_long)

# Short flags mean a password only for some commands: `-p` is a port for docker run.
# `-p` values that are port mappings (docker run -p 8080:80) and `-u`/`-a` values without a
# "user:password" colon are rejected here, before they cost a handler call.
SHORT_FLAG = re.compile(
    r"-(?<= -)(?:(?P<p>p)(?![ \t]*[0-9.:]{1,64}(?:/[a-z]+)?(?:\s|$))"
    r"|(?P<u>u|-user(?=[= ])|a)(?=[= \t]?[ \t]*\S{0,256}:)|(?P<pw>[aw])(?=[= \t]))"
    rf"[= \t]?[ \t]*{_QUOTED_OR_BARE}"
)
_PASSWORD_COMMANDS = re.compile(
    COMMAND_START + r"(?:mysql\w*|mariadb[\w-]*|sshpass|mongo(?:sh|dump|restore|import|export)?)\b"
    r"|\b(?:docker|podman|nerdctl|buildah|helm|oras|skopeo)\b.*\blogin\b"
    r"|[ \t](?:login|signin|sign-in|auth[ \t]+login)[ \t]"  # any tool's login subcommand: `expo login -p ...`
)
# The MySQL and MariaDB clients read `-pPASSWORD` glued; after `-p` and a blank they prompt.
_PROMPTING_P = re.compile(COMMAND_START + r"(?:mysql\w*|mariadb[\w-]*)\b")
_DATABASE_NAME = re.compile(r"[A-Za-z_]+")
# A user given before `-p` on the same command line (`twine upload -u __token__ -p ...`, `az login -u x -p ...`):
# that `-p` is the user's password, whatever the tool.
_USER_BEFORE = re.compile(r"[ \t](?:-u|--user(?:name)?)(?:[ \t]+|=)[^\s\-]")
# A key in hex given as a user (Amplitude's `-u KEY:SECRET`): 32 digits or more, behind a mode's or a kind's prefix
# where the vendor writes one (Lob's `live_`, Clearbit's `sk_`).
_KEY_HEX = re.compile(r"(?:[a-z]{2,8}_)?[0-9a-f]{32,64}")
# A line that a shell continues on the next one: a backslash before its line feed.
_CONTINUED = re.compile(r"\\[ \t]*\r?\n\Z")
_USER_PASSWORD_COMMANDS = re.compile(COMMAND_START + r"(?:curl|wget|http|https|xh)\b")
# `-a PASSWORD` (redis-cli) and `-w PASSWORD` (the OpenLDAP tools).
_FLAG_PASSWORD_COMMANDS = {
    "a": re.compile(COMMAND_START + r"redis-cli\b"),
    "w": re.compile(COMMAND_START + r"ldap(?:search|modify|add|delete|passwd|whoami|compare|modrdn)\b"),
}


def _handle_short(match: re.Match[str]) -> Redaction | None:
    text = match.string
    floor = max(0, match.start() - 300)  # the window bounds the search: long lines stay linear
    line_start = text.rfind("\n", floor, match.start()) + 1 or floor
    while line_start > floor and _CONTINUED.search(text, floor, line_start):
        line_start = text.rfind("\n", floor, line_start - 1) + 1 or floor  # a command continued after "\\"
    command = text[line_start : match.start()]
    group = _value_group(match)
    value, start = match.group(group), match.start(group)
    flag = match.group("pw")
    if flag is not None:
        if not _FLAG_PASSWORD_COMMANDS[flag].search(command) or is_placeholder(value):
            return None
        return redact(start, match.end(group), "password")
    if match.group("p") is not None:
        if not (_PASSWORD_COMMANDS.search(command) or _USER_BEFORE.search(command)) or is_placeholder(value):
            return None
        if (
            group == "bare"
            and text[match.start() + 2 : match.start() + 3] in (" ", "\t")
            and _DATABASE_NAME.fullmatch(value)
            and _PROMPTING_P.search(command)
        ):
            return None  # mysql's `-p` before a blank prompts for the password; the next word is the database
        return redact(start, match.end(group), "password")
    colon = value.find(":")
    if not _USER_PASSWORD_COMMANDS.search(command) or colon < 0:
        return None
    user = value[:colon]
    if len(user) >= 20 and (looks_random(user) or _KEY_HEX.fullmatch(user)) and not is_placeholder(user):
        # an API key given as the user (`curl -u KEY:`, Amplitude's `-u KEY:SECRET`): the pair goes whole
        return redact(start, match.end(group) if colon + 1 < len(value) else start + colon, "api-key")
    if is_placeholder(value[colon + 1 :]):
        return None
    return redact(start + colon + 1, match.end(group), "password")


SHORT_FLAGS = Rule("cli-short-flag", SHORT_FLAG, _handle_short)
CLI_RULES = (LONG_FLAGS, SHORT_FLAGS)
