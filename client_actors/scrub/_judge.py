"""Deciding whether the value given to a sensitive name is a secret or a reference to one.

``password = os.environ["DB_PASSWORD"]``, ``token: str`` and ``api_key=api_key`` name a secret
without containing it; ``PASSWORD=hunter2`` and ``api_key = "..."`` contain it.
"""

from __future__ import annotations

import base64
import functools
import math
import re
from typing import Literal

from client_actors.scrub._names import (
    CLEARED_COOKIE_VALUES,
    Sense,
    is_placeholder,
    looks_generated,
    looks_random,
    shannon_bits,
)

# What to do with a value: keep it, redact it, or redact it only if the assignment fills its line
# (YAML, ini and .env lines, where a bare word is a value; elsewhere it is a variable, as in
# `connect(password=pw)`).
Verdict = Literal["keep", "redact", "redact-if-whole-line"]

TYPE_WORDS = frozenset(
    {
        "str", "string", "bytes", "int", "integer", "bool", "boolean", "float", "number", "any",
        "object", "none", "null", "nil", "undefined", "true", "false", "secretstr", "secretbytes",
        "optional", "list", "dict", "char", "void", "unknown",
    }
)  # fmt: skip
# Values kept whatever the name, as one regex per shape so that judging costs one match: paths
# (including what the home-path rule leaves of one, "~" or "~/x", so that a value judged a path on
# the first scrub still is on the second) and values without a letter or digit; for bare values
# also shell, Windows and template references, and code (calls, subscripts, attribute chains).
_PATH_OR_NOTHING = (
    r"(?!/(?=[^\s/]{0,80}[0-9])[A-Za-z0-9+]{16,256}={0,2}$)(?:~|\.{1,2})?/[\w.\-/]*|~[\w.\-/]*|[^A-Za-z0-9]*"
)
_KEEP_QUOTED = re.compile(_PATH_OR_NOTHING)
_KEEP_BARE = re.compile(
    _PATH_OR_NOTHING + r"|(?:\$[A-Za-z_{(]|%[A-Za-z_]\w*%|\{\{|<%|\.[*+]|\^).*"
    r"|[A-Za-z_$][\w$]*(?:(?:\.|->|::)[A-Za-z_$][\w$]*)+(?:[(\[].*)?|[A-Za-z_$][\w$]*[(\[].*|[(\[{].*"
)
_URL_VALUE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]{1,20}://[^\s@]*$")
_PLAIN_WORD = re.compile(r"[A-Za-z_]+")
# A query parameter's value that is key material: long, with a digit, in URL-safe characters. In a
# URL a `signature`, `sig` or `key` is a credential even in hex (S3 and GCS signed URLs).
_SESSION_ID = re.compile(r"(?=[^0-9]{0,4096}[0-9])(?=[0-9]{0,4096}[A-Za-z])[A-Za-z0-9%+/=_\-.~]{16,4096}")
_BASE64 = re.compile(r"(?:[A-Za-z0-9+/]{4}){2,256}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")


def _is_basic_pair(value: str) -> bool:
    """Whether ``value`` is the base64 of ``user:password``, as Basic credentials are."""
    if _BASE64.fullmatch(value) is None:
        return False
    try:
        plain = base64.b64decode(value, validate=True).decode("utf-8")
    except ValueError:
        return False
    user, colon, password = plain.partition(":")
    return bool(colon and user and password) and plain.isprintable()


_LONG_HEX = re.compile(r"[0-9a-fA-F]{40,512}")
# What a weakly named value (`auth`) holds when it is a password: letters, digits and a symbol, or twelve or
# more letters and digits; not a version (`v1.2.3`) or a word with a number (`oauth2`).
_PASSWORD_LIKE = re.compile(
    r"(?!v?[0-9]+(?:\.[0-9]+)+$)(?=[^0-9]{0,256}[0-9])(?=[^A-Za-z]{0,256}[A-Za-z])"
    r"(?:(?=[A-Za-z0-9]{0,256}[^A-Za-z0-9\s])[^\s]{8,256}|[A-Za-z0-9]{12,256})"
)
# Values of settings beside secret-sounding names, not secrets: permissions (`id-token: write`), reuse
# (`secrets: inherit`), switches, and the names of schemes and algorithms.
SETTING_WORDS = frozenset(
    {
        "read", "write", "inherit", "required", "optional", "enabled", "disabled", "on", "off", "auto",
        "default", "always", "never", "public", "private", "internal", "hidden", "masked", "sensitive",
        "secure", "insecure", "plaintext", "encrypted", "generated", "random", "missing", "invalid", "expired",
        "valid", "pending", "active", "inactive", "revoked", "basic", "bearer", "digest", "jwt", "oauth",
        "oauth2", "hmac", "bcrypt", "argon2", "scrypt", "pbkdf2", "rsa", "ecdsa", "ed25519", "hs256", "rs256",
        "es256", "sha256", "sha512", "header", "query", "keyring", "keychain", "present", "absent", "unset",
    }
)  # fmt: skip
# What only a regular expression holds: a class with a quantifier, a group's syntax, or a class escape.
_REGEX = re.compile(r"\][+*?]|\]\{[0-9]|\(\?[:=!<P]|\\[dwsDWSb][+*?\]{|)]")
# A colour written in hex, as in a theme's `Token: '#ABB2BF'`.
_CSS_COLOUR = re.compile(r"#(?:[0-9A-Fa-f]{3,4}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})")
_QUERY_CREDENTIAL = re.compile(r"(?=[^0-9]{0,4096}[0-9])[A-Za-z0-9%+/=_\-.~]{16,4096}")


_SLASHED_KEY = re.compile(r"/?(?:[A-Za-z0-9+]{0,256}/){1,64}[A-Za-z0-9+]{0,256}={0,2}")


def _dotted_token(value: str) -> bool:
    """Whether a value shaped like an attribute chain is a token in parts (a signed cookie's payload and
    signature, `eyJ1aWQiOi....j8XKHaVQ`): every part long and generated, as no name in code is."""
    parts = value.split(".")
    return len(parts) >= 2 and all(len(part) >= 16 and looks_random(part) for part in parts)


def slashed_key(value: str) -> bool:
    """Whether a value shaped like a path (`/tZaZnl742AfgIMGj/Gh7Xm9iPlkV8G8`) is base64 key material whose
    alphabet holds "/": most of it in runs that mix cases or digits with capitals, as generated keys do and
    path segments (words, versions) seldom do, and its entropy near the most its length allows. Of keys of 30
    to 48 random bytes that start with "/" and hold another, about 1 in 7,000 is not recognised (a run of
    short segments, or repeats); no path in the tests is taken."""
    body = value.lstrip("/")
    if len(body) < 24 or _SLASHED_KEY.fullmatch(value) is None:
        return False
    flat = body.replace("/", "").rstrip("=")
    mixed = sum(len(part) for part in body.rstrip("=").split("/") if len(part) >= 4 and _mixes(part))
    return mixed >= 0.6 * len(flat) and shannon_bits(flat) >= min(4.3, math.log2(len(flat)) - 0.5)


def _mixes(part: str) -> bool:
    """Capitals with lower case or digits."""
    return part != part.lower() and (part != part.upper() or any(c.isdigit() for c in part))


@functools.lru_cache(maxsize=4096)  # pure, and the same few assignments come back across records
def judge_value(
    value: str, name: str, sense: Sense, *, quoted: bool, env_style: bool, in_query: bool = False
) -> Verdict:
    """Decide what to do with ``value`` assigned to the sensitive ``name``.

    ``quoted``: written as a string literal. ``env_style``: ``NAME=value`` with an upper-case
    name, as in shells, ``.env`` files and Dockerfiles, where a bare word is a value. ``in_query``:
    a parameter of a URL's query string.
    """
    lowered = value.lower()
    if len(value) < 2 or _CSS_COLOUR.fullmatch(value):
        # One character is no secret (HTML's `accesskey="u"`), nor is a colour.
        return "keep"
    if (
        lowered in TYPE_WORDS
        or lowered in SETTING_WORDS
        or lowered.lstrip("_") == name.lower().lstrip("_")
        or is_placeholder(value)
    ):
        return "keep"
    if sense.kind == "cookie" and value.partition("=")[2].lower() in CLEARED_COOKIE_VALUES:
        return "keep"  # a cookie as a server clears it: `SESSION_COOKIE=session=deleted`
    if quoted and _REGEX.search(value):
        return "keep"  # a pattern for tokens, not one: `token = r"[-!#$%&'*+.^_`|~0-9a-zA-Z]+"`
    if (
        (_KEEP_QUOTED if quoted else _KEEP_BARE).fullmatch(value)
        and not slashed_key(value)
        and not _dotted_token(value)
    ) or _URL_VALUE.match(value):
        return (
            "keep"  # a URL is where to go ("Reset your password: https://..."); its userinfo has its own rule
        )
    if not (sense.strong or env_style):
        credential = (
            looks_random(value)
            or looks_generated(value)
            or (in_query and _QUERY_CREDENTIAL.fullmatch(value) is not None)
        )
        if sense.kind == "cookie" and _SESSION_ID.fullmatch(value):
            credential = True  # session ids are often hex, which `looks_random` leaves as digests
        elif sense.kind == "signature" and _LONG_HEX.fullmatch(value):
            credential = True  # X-Amz-Signature, X-Goog-Signature: an HMAC in hex, wherever the URL was cut
        elif sense.kind == "authorization" and (_is_basic_pair(value) or _PASSWORD_LIKE.fullmatch(value)):
            # docker's config.json and .npmrc: "auth": base64("user:password"); a client's `auth: "..."`
            credential = True
        return "redact" if credential else "keep"
    if quoted:
        return "redact"
    if value.isdigit():
        # A PIN or numeric password, not a count: "token: 3" is kept.
        return "redact" if sense.kind == "password" and len(value) >= 4 else "keep"
    if _PLAIN_WORD.fullmatch(value) and not env_style:
        return "redact-if-whole-line"
    return "redact"


# What tools put before a file's or a log's line, which is still that line: a numbered read (`  12\t`,
# `12→`, `12: `), a grep hit (`config/app.yml:12:`), a CI log's timestamp (`2026-12-03T22:00:01.123Z `, or in
# brackets as many loggers write it), a diff's `+` or `-`, a box's or a table's border.
_TIMESTAMP = (
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}"  # a date and a time
    r"(?:[.,][0-9]{1,9})?(?:Z|[+\-][0-9]{2}:?[0-9]{2})?"  # fractions of a second, a zone
)
# A timestamp before a line, bare or in brackets, and the one blank after it; GitLab's job logs follow it with the
# stream's number, "O" or "E" (stdout or stderr), "+" on a continued line, and a blank (`2026-03-14T12:49:22Z 00O `).
# What follows is the line's own, its indentation included.
STAMP_LEAD = rf"(?:{_TIMESTAMP}[ \t](?:[0-9]{{2}}[OE]\+?[ \t])?|\[{_TIMESTAMP}\][ \t])"
_LINE_LEAD = (
    r"(?:[ \t]*[0-9]{1,7}(?:\t|\\t|→|\\u2192|:[ \t]|[ \t]*\|[ \t]?)"
    # (a name read back from its keyword takes in the grep hit's line number: `app.yml:12:password`)
    r"|[\w\-]{0,100}[./][\w./\-]{0,100}:(?:[0-9]{1,7}[:\-])?"
    rf"|{STAMP_LEAD}[ \t]*"
    r"|[│┃║|][ \t]?|[+\-](?![+\-]))?"
)
LINE_LEAD = re.compile(_LINE_LEAD)
# The rule a CLI prints under a table's header: a run of dashes (or of box drawing's) per column, apart by blanks
# (`sf data query`, `gcloud ... list`, a key listing's `---- ----`).
RULE_RUNS = re.compile(r"[ \t]*(?:[-\u2500]{2,}[ \t]+){0,40}[-\u2500]{2,}[ \t]*")
_LINE_PREFIX = re.compile(
    _LINE_LEAD + r"[ \t]*(?:(?:export|set|setenv|ENV|declare[ \t]+-x|readonly|-)[ \t]+)?[\"']?"
)
# The line ends: a line break, written or escaped (JSON-escaped text), or the end of the JSON string that holds it.
_LINE_REST = re.compile(r"(?:\\?[\"'])?[ \t]*(?:#[^\n]*)?(?:\r?\n|\\[rn]|\\?\"(?=[ \t]*[,}\]]|$)|$)")


def is_whole_line(text: str, name_start: int, value_end: int) -> bool:
    """Tell whether the assignment between the two offsets is alone on its line (behind a line number, a
    grep hit's path, a timestamp or a diff's sign; JSON-escaped line breaks count)."""
    floor = max(0, name_start - 80)  # a longer prefix is no YAML key; the window keeps long lines linear
    newline, escaped = text.rfind("\n", floor, name_start), text.rfind("\\n", floor, name_start)
    line_start = max(newline + 1, escaped + 2 if escaped >= 0 else 0)
    if newline < 0 and escaped < 0:  # the text's first line, or a JSON string's (after its key's `": "`)
        opening = _JSON_STRING_OPENING.search(text, floor, name_start)
        if opening is not None:
            line_start = opening.end()
        elif floor > 0:
            return False
    if not _LINE_PREFIX.fullmatch(text, line_start, name_start):
        return False
    return _LINE_REST.match(text, value_end) is not None


_JSON_STRING_OPENING = re.compile(r"\"[ \t]*:[ \t]*\"(?=[^\"]*\Z)")


_LINE_END = re.compile(r"\r?\n|\\[rn]|[ \t]+#|\\?[\"']?[ \t]*$")
_RUN_ON = re.compile(r"[;&|)}\]<>,][^\s\"'`=\\]{0,128}")


def line_value_end(text: str, name_start: int, value_end: int) -> int:
    """Where a bare value that fills its line really ends: ``PASSWORD=ab&cd`` in a .env file or
    ``password: ab,cd`` in YAML is one value, though ``&`` and ``,`` end a value elsewhere. The value runs
    on to the end of the line only when the assignment starts it and what follows holds no space, quote
    or ``=`` (which would be more code, or another ``key=value``)."""
    run = _RUN_ON.match(text, value_end)
    if run is None or run.end() == value_end + 1 or _LINE_END.match(text, run.end()) is None:
        return value_end  # (a lone "," or ";" ends the line's value: `secret: 42,` in an object literal)
    floor = max(0, name_start - 80)
    newline, escaped = text.rfind("\n", floor, name_start), text.rfind("\\n", floor, name_start)
    line_start = max(newline + 1, escaped + 2 if escaped >= 0 else 0)
    if (newline < 0 and escaped < 0 and floor > 0) or not _LINE_PREFIX.fullmatch(
        text, line_start, name_start
    ):
        return value_end
    return run.end()
