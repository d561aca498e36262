"""Values given to sensitive names without an assignment operator: after a blank, or as a call's argument.

The assignment pass finds each sensitive word (a keyword) in a text; where the word ends a name and a blank
or an opening parenthesis follows it, these two readers take over.

After a blank (`find_spaced`), the value goes in four settings only, each of which says the name is being
given a value: a configuration line that holds the name and its value and nothing else (slapd's ``rootpw``,
RADIUS's ``shared_secret``); a command that sets a named value (fish's ``set -gx NAME value``, Windows'
``setx NAME "value"``, ``aws configure set NAME value``); an .npmrc key (``//host/:_authToken value``); and
prose or a log line that names a credential before it (``using token ...``), where the value must look
like one (letters and digits, with a symbol or long).

As a call's argument (`find_call_value`), the call's name must end in the sensitive word and be a setter or
a constructor, not a getter: ``setApiKey("...")``, ``.password("...")``, ``Auth.Token("...")``,
``WithAuthToken("...")``, ``PlainCredentials("user", "...")``, ``keyring.set_password("svc", "user", "...")``.
The last string argument goes when it looks like a secret (not a plain word, a path or a placeholder).
"""

from __future__ import annotations

import re

from client_actors.scrub._core import Redaction, redact
from client_actors.scrub._judge import LINE_LEAD, judge_value
from client_actors.scrub._names import Sense, classify_name, is_placeholder, looks_random

_SPACED_VALUE = re.compile(
    # a table's cell border may stand between the name and its value (`║ SESSION_KEY │ value ║`)
    r"[ \t]+(?:[│┃║|][ \t]+)?"
    r"(?:\\\"(?P<esc>[^\"\\\n]{1,512})\\\"|\"(?P<dq>[^\"\\\n]{1,512})\"|'(?P<sq>[^'\\\n]{1,512})'"
    r"|(?P<bare>[^\s'\"`\\<>|;&(){}\[\]\-][^\s'\"`\\;&|]{0,512}))"
)
_PAIR = re.compile(
    r"[ \t]*[:=][ \t]*[(\[][ \t]*\\?[\"'][^\"'\\\n]{1,128}\\?[\"'][ \t]*,[ \t]*\\?[\"']"
    r"(?P<secret>[^\"'\\\n]{1,256})\\?[\"'][ \t]*[)\]]"
)
# What may stand before the name on a configuration line: blanks, a list's or a diff's mark.
_CONFIG_PREFIX = re.compile(r"[ \t]*(?:[-+][ \t]*)?")
# The rest of such a line: blanks and a comment.
_LINE_REST = re.compile(r"[ \t]*(?:#[^\n]*|[│┃║|])?(?:\r?\n|\\r\\n|\\n|\\?\"|$)")
# A command that sets a named value, right before the name (flags allowed): set, setx, setenv, `config set`.
_SETTER_BEFORE = re.compile(r"(?:^|[\s;&|(`])(?:set|setx|setenv)(?:[ \t]+-{1,2}[A-Za-z][\w\-]*)*[ \t]+\Z")
# A value written in prose after a credential's name: letters and digits, and a symbol or twelve characters.
_PROSE_SECRET = re.compile(
    r"(?!v?[0-9]+(?:\.[0-9]+)+$)(?=[^0-9]{0,512}[0-9])(?=[^A-Za-z]{0,512}[A-Za-z])"
    r"(?:(?=[A-Za-z0-9]{0,512}[^A-Za-z0-9])[^\s]{8,512}|[A-Za-z0-9]{12,512})"
)
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]{0,20}://")
# Two words and a number, as people make a password memorable (`lilac.mango809`, `copper.Tundra384`): no
# attribute's or host's name ends in two digits after a lower-case word, whose receiver code names so.
# Also a word and a number, then a short tail that ends in a digit (`quartz576.gj3`).
WORDS_AND_NUMBER = re.compile(
    r"(?P<first>[A-Za-z][a-z]{2,23})\.[A-Za-z][a-z]{2,24}[0-9]{2,6}|(?P<numbered>[a-z]{3,24})[0-9]{2,6}\.[a-z]{1,6}[0-9]{1,4}"
    # (words apart by dots and a number after a last dot: `Glacier.Violet.130`)
    r"|[A-Z][a-z]{2,24}(?:\.[A-Za-z][a-z]{2,24}){1,3}\.[0-9]{2,6}"
)
# Google's app passwords, four groups of four lower-case letters (msmtp's `password abcd efgh ijkl mnop`).
_APP_PASSWORD = re.compile(r"[a-z]{4}(?: [a-z]{4}){3}(?![ \w])")
# A character of a cookie's name, as the cookie rules read one (a name is 64 of these at most).
COOKIE_NAME_CHAR = r"[A-Za-z0-9_.\-]"
_COOKIE_NAME = re.compile(COOKIE_NAME_CHAR + r"{1,64}=(?=[^=])")
_PATH_LIKE = re.compile(r"[\w.\-~]*(?:/[\w.\-]+)+/?")
_FILE_PATH = re.compile(r".*\.[A-Za-z0-9]{1,8}|[a-z0-9_.\-/]+")  # an extension, or all lower case
_WORD_CHARS = re.compile(r"[A-Za-z]")


def _line_start(text: str, at: int) -> int:
    floor = max(0, at - 300)
    newline, escaped = text.rfind("\n", floor, at), text.rfind("\\n", floor, at)
    return max(newline + 1, escaped + 2 if escaped >= 0 else 0, floor)


def _value_group(match: re.Match[str]) -> str:
    return next(group for group in ("esc", "dq", "sq", "bare") if match.group(group) is not None)


# Pairs joined by ";", as a connection string gives them: the names say which values are secret.
_PAIRS = re.compile(r"[A-Za-z_][\w.\-]{2,63}=[^;=]*(?:;[ \t]*[A-Za-z_][\w.\-]{2,63}=[^;=]*)+;?")


def find_spaced(text: str, name_start: int, name_end: int) -> Redaction | None:
    """The redaction of the value after the blank that follows the sensitive name at ``name_start:name_end``."""
    match = _SPACED_VALUE.match(text, name_end)
    pair = _PAIR.match(text, name_end) if match is None or match.group("bare") in ("=", ":") else None
    if match is None and pair is None:
        return None
    if text[name_start] == "-":
        return None  # a command's flag: the CLI rules read those
    name = text[name_start:name_end].lstrip("._-:/")
    sense = classify_name(name)
    if sense is None:
        return None
    if pair is not None:
        # `creds = ("user", "...")`: a user and a password given together
        if sense.kind not in ("password", "credential", "authorization") or is_placeholder(
            pair.group("secret")
        ):
            return None
        return redact(pair.start("secret"), pair.end("secret"), "password")
    if match is None:
        return None
    group = _value_group(match)
    value, start, end = match.group(group), match.start(group), match.end(group)
    whole = value  # a configuration line's value is all of what follows its name
    if group == "bare" and value.endswith((",", ".", ":")) and len(value) > 1:
        value, end = value[:-1], end - 1  # a sentence's or a list's punctuation
    named = _COOKIE_NAME.match(value) if sense.kind == "cookie" else None
    if named is not None:  # `cookie sid=...`: the cookie's name stays, as a header's does
        value, start, whole = value[named.end() :], start + named.end(), whole[named.end() :]
    if is_placeholder(value) or _URL.match(value) or not _WORD_CHARS.search(value):
        return None
    if _PAIRS.fullmatch(value):
        return None  # Redshift's `CREDENTIALS 'aws_access_key_id=...;aws_secret_access_key=...'`: each pair is judged
    line_start = _line_start(text, name_start)
    prefix = text[line_start:name_start]
    lead = LINE_LEAD.match(prefix)  # a line number, a timestamp, a border: the line is what follows it
    own = prefix[lead.end() if lead else 0 :]
    quoted = group != "bare"
    configured = _CONFIG_PREFIX.fullmatch(prefix) or _CONFIG_PREFIX.fullmatch(own)
    strong_password = sense.kind == "password" and sense.strong and group == "bare"
    app = _APP_PASSWORD.match(text, start) if configured and strong_password else None
    if app is not None and _LINE_REST.match(text, app.end()):
        return redact(start, app.end(), "password")
    if configured and _LINE_REST.match(text, match.end()):
        if _PATH_LIKE.fullmatch(value) or value.isdigit():
            return None  # `ssl_certificate_key /etc/ssl/x.key`, `token_ttl 3600`
        verdict = judge_value(value, name, sense, quoted=quoted, env_style=False)
        if verdict != "redact" and strong_password and WORDS_AND_NUMBER.fullmatch(value):
            verdict = "redact"  # (isync's `Pass lantern.mango9269`: no attribute on a line of its own)
        return redact(start, start + len(whole), sense.kind) if verdict == "redact" else None
    if _SETTER_BEFORE.search(prefix) or prefix.endswith("/:"):
        verdict = judge_value(value, name, sense, quoted=quoted, env_style=False)
        return redact(start, end, sense.kind) if verdict == "redact" else None
    if name in _VERB_PASS:
        sense = _WEAK_PASS  # the verb: "pass allow_yanked=False", "we pass uint32_t", "you can pass X.Y"
    if own.strip() and _looks_secret(value, sense):
        return redact(start, end, sense.kind)
    return None


_VERB_PASS = frozenset({"pass", "Pass"})
_WEAK_PASS = Sense("password", False)


def _looks_secret(value: str, sense: Sense) -> bool:
    if value[0] in "~./" or ("/" in value and _PATH_LIKE.fullmatch(value) and _FILE_PATH.fullmatch(value)):
        return False  # a file
    if sense.strong:
        return _PROSE_SECRET.fullmatch(value) is not None or looks_random(value)
    return looks_random(value)


# A call's arguments: string literals (b"..." too) and anything else up to the closing parenthesis.
_ARGUMENTS = re.compile(r"\((?P<args>[^()\n]{1,600})\)")
_ARGUMENT = re.compile(
    r"[ \t]*(?:[bru]?(?:\\\"(?P<esc>[^\"\\\n]{0,512})\\\"|\"(?P<dq>[^\"\\\n]{0,512})\"|'(?P<sq>[^'\\\n]{0,512})')"
    r"|(?P<other>[^,\"']{1,200}))[ \t]*(?:,|$)"
)
# Calls that read, test or make a secret, rather than give one.
_NOT_GIVING = frozenset(
    {
        "get", "read", "load", "fetch", "has", "is", "delete", "remove", "del", "validate", "verify", "check",
        "hash", "encode", "decode", "generate", "gen", "create", "rotate", "revoke", "find", "lookup", "parse",
        "print", "log", "require", "request", "reset", "refresh", "clear", "invalidate", "compare", "match",
        "new", "random", "make", "describe", "list", "show", "mask", "redact", "expect", "assert", "to",
        "update", "forgot", "change", "encrypt", "decrypt", "sign", "store", "save", "exists", "count",
    }
)  # fmt: skip
_PLAIN = re.compile(r"[A-Za-z_]+|[A-Za-z][a-z]+(?: [a-z]+)+")
_NAME_LIKE = re.compile(r"[a-z]+(?:[\-_./][a-z0-9]+)+")


def find_call_value(text: str, name_start: int, name_end: int) -> Redaction | None:
    """The redaction of the secret given to the call whose name, ending in a sensitive word, is at
    ``name_start:name_end`` (an opening parenthesis follows it)."""
    call = _ARGUMENTS.match(text, name_end)
    if call is None:
        return None
    name = text[name_start:name_end].rsplit(".", 1)[-1].lstrip("_-")
    sense = classify_name(name)
    if sense is None or sense.kind in ("cookie", "authorization"):
        return None
    words = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", name)
    if not words or words[0].lower() in _NOT_GIVING:
        return None
    arguments = list(_ARGUMENT.finditer(call.string, call.start("args"), call.end("args")))
    if not arguments or arguments[-1].end() != call.end("args"):
        return None
    last = arguments[-1]
    group = next((g for g in ("esc", "dq", "sq") if last.group(g) is not None), None)
    if group is None:
        return None
    value = last.group(group)
    if len(arguments) > 1 and sense.kind not in ("password", "credential", "secret", "token", "api-key"):
        return None
    if (
        not value
        or (_PLAIN.fullmatch(value) and not looks_random(value))
        or _NAME_LIKE.fullmatch(value)  # a resource's or a file's name: Secret("db-creds"), "prod/db"
        or " " in value
        or _URL.match(value)
    ):
        return None
    if judge_value(value, name, sense, quoted=True, env_style=False) == "keep":
        return None
    if not sense.strong and not looks_random(value):
        return None
    return redact(last.start(group), last.end(group), sense.kind)
