"""Values assigned to sensitive names: ``.env`` lines, shell exports, YAML/JSON/ini keys, code.

One pass finds every sensitive word followed by an assignment operator and a value; the handler
reads the whole name backwards from the word (``AWS_SECRET_ACCESS_KEY``, ``dbPassword``) and asks
`classify_name` and `should_redact` whether the value goes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ahocorasick_rs import BytesAhoCorasick, Implementation

from client_actors.scrub._core import (
    ALNUM,
    TOKEN_OPEN,
    WORD,
    Redaction,
    Rule,
    char_offsets,
    redact,
    run_start,
    starts_word,
    token_spans,
)
from client_actors.scrub._digits import is_ssn
from client_actors.scrub._judge import LINE_LEAD, is_whole_line, judge_value, line_value_end
from client_actors.scrub._names import IGNORED_SUFFIXES, Sense, classify_name, is_placeholder, split_words
from client_actors.scrub._personal import LINE_BREAK, line_at
from client_actors.scrub._rows import previous_line
from client_actors.scrub._spaced import find_call_value, find_spaced

KEYWORDS = (
    "password", "passwords", "passwd", "passphrase", "passcode", "pass", "pwd", "secret", "secrets",
    "token", "key", "auth", "credential", "credentials", "creds", "cookie", "signature", "sig", "session",
    "sessionid", "sessid", "pw", "psk", "bearer", "_sk", "_pat", "ssn", "certificate", "tokens", "passwordsaltmain",
    "salt",
    # a domain's transfer code (EPP's authInfo) and an OAuth authorization code, as registrars and clients name them
    "auth_code", "authcode", "epp_code", "eppcode", "epp code", "auth_info", "authinfo",
)  # fmt: skip
# Those of them written in camel case or with an acronym, in the forms a name spells them (the keywords are lower
# case: their scan reads the text lower-cased, then each is matched in its written forms).
_MIXED_CASE_KEYWORDS = (
    "authCode", "AuthCode", "eppCode", "EppCode", "EPP code", "EPPCode", "authInfo", "AuthInfo",
)  # fmt: skip
# Words that may be glued to a prefix (pgpassword, accessToken); the others need a boundary so
# that bypass, compass, oauth and monkey-patched names stay ordinary words.
GLUE_OK = frozenset(
    {
        "password",
        "passwd",
        "passphrase",
        "secret",
        "token",
        "apikey",
        "key",
        "credential",
        "sessionid",
        "sessid",
        "_sk",  # STRIPE_SK, GH_PAT: the abbreviation follows another word
        "_pat",
    }
)


def trie_pattern(words: Iterable[str]) -> str:
    """Return an alternation of ``words`` factored by leading characters, longest match first.

    ``re`` tries alternatives one by one; factoring leaves one branch per first character, so a
    position that starts no keyword is rejected after a dozen cheap character tests.
    """
    branches: dict[str, list[str]] = {}
    ends_here = False
    for word in words:
        if word:
            branches.setdefault(word[0], []).append(word[1:])
        else:
            ends_here = True
    alternatives = [re.escape(first) + trie_pattern(rest) for first, rest in sorted(branches.items())]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
    return f"(?:{body})?" if ends_here else body


def _case_forms(words: Iterable[str]) -> list[str]:
    return [form for word in words for form in (word, word.capitalize(), word.upper())]


KEYWORD_FORMS = (*_case_forms(KEYWORDS), *_MIXED_CASE_KEYWORDS)


# Bare values that are not secrets, rejected before they cost a handler call: calls, subscripts,
# attribute chains, variables passed on (`f(key=key, ...)`), shell and template references and
# whole paths, type names and keywords (all case-blind, so the byte scan below can use them too);
# then prose after a colon ("the token: a short-lived credential").
_CASELESS_CODE = (
    # (two long runs joined by a dot may be a token in parts, a signed cookie: `judge_value` tells)
    r"(?![\w\-]{16,1024}\.[\w\-]{16,1024}(?![\w.\-]))[A-Za-z_$](?:[\w$]{0,128}(?:\.(?=[A-Za-z_$])|[(\[]|->|::)"
    # a variable passed on (`f(key=key, ...)`) has at most one digit: `Summer2024,` is a value
    r"|[A-Za-z_$]{0,128}(?:[0-9][A-Za-z_$]{0,64})?[ \t]*[,)}\]])|[(\[{<]|\$[A-Za-z_{(]"
    # whole paths, but not base64 that starts with "/" (base64's alphabet only, a digit among it: `judge_value`
    # tells a key with slashes from a path)
    r"|(?!/(?=[A-Za-z0-9+/]{0,80}[0-9])[A-Za-z0-9+/]{16,512}={0,2}(?![\w.\-]))"
    r"(?:~|\.{1,2})?/[\w.\-/]{0,512}(?![^\s'\"`,;&|)}\]<>])"
    r"|(?i:str|int|bool|bytes|float|none|true|false|null|undefined|string|number|any|optional"
    r"|secretstr|lambda|await|new|function|not|yield)(?![\w$.\-])"
)
_CODE_LIKE = _CASELESS_CODE + r"|(?<=:[ \t])[a-z]+ +[a-z]"
_VALUE = (
    r"[bru]?\\\"(?P<esc>(?:[^\"\\\n]|\\[^\"]){0,512}?)\\\""
    r"|\\\\\\\"(?P<esc2>[^\"\\\n]{1,512})\\\\\\\""  # escaped twice: JSON inside a JSON string
    r"|[bru]?\"(?P<dq>(?:[^\"\\\n]|\\.){0,512})\""
    r"|[bru]?'(?P<sq>(?:[^'\\\n]|\\.){0,512})'"
    r"|`(?P<bq>[^`\n]{0,512})`"
    # A bare value takes "=" only as base64 padding at its end: "a=b=c" runs are not one value.
    r"|(?!" + _CODE_LIKE + r")(?P<bare>[^\s'\"`,;&|)}\]<>:=][^\s'\"`,;&|)}\]<>=]{0,512}={0,2})"
)
# A word after the keyword that says how the value is encoded, not what it is: SECRET_KEY_BASE, TOKEN_B64, or
# which generation it is: ses_smtp_password_v4 (the same words `classify_name` ignores at the end of a name).
_ENCODING_SUFFIX = r"(?:[_\-.]?(?i:" + trie_pattern(sorted(IGNORED_SUFFIXES)) + r"|v[0-9]{1,2}(?![0-9])))?"
# A type annotation's rest, before its "=": with a blank before the "=", or without a digit (`password: str="x"`)
# so that base64 padding after a colon (`X-Vault-Token: ZmFy...NiE=`) is no `name: Type=value`. A redaction token
# is one piece of it, as the value it replaced was: what a later name's value in it became (`Password: v1token
# aUAN...token =password`) leaves it read as before.
_TOKEN_PIECE = r"\[REDACTED:[a-z0-9\-]{1,40}\]"
_ANNOTATION = (
    rf"(?:(?:[\w.\[\]|, &]|{_TOKEN_PIECE}){{0,60}}?[ \t]+|(?:[A-Za-z_.\[\]|, &]|{_TOKEN_PIECE}){{0,60}}?)"
)
# After the name: an optional closing quote or bracket (JSON keys, env["X"]), an operator (or "is" in
# prose: "the password is hunter2"), and for Python an optional annotation (`password: str = "..."`,
# where the annotation is not the value). The operator is atomic: once read as an annotation it is
# not re-read as a plain colon when what follows has become a token (which keeps scrubbing idempotent).
ASSIGNMENT = re.compile(
    rf"(?P<kw>{trie_pattern(KEYWORD_FORMS)})"
    r"(?="
    + _ENCODING_SUFFIX
    + r"[_0-9]{0,4}(?:(?:\\{1,3})?[\"'`]\]?|\])?(?:[ \t]*(?:[:=>]|\?=)|[ \t]+(?:is|was)[ \t]))"
    r"(?P<suffix>" + _ENCODING_SUFFIX + r")(?P<num>_?[0-9]{1,3})?"
    r"(?:(?P<close>(?:\\{1,3})?[\"'`]\]?|\])?(?P<sp>[ \t]*)(?P<sep>(?>:=|=>|\?=|=(?!=)|(?<=[ \t])(?:is|was)(?=[ \t])"
    r"|:(?!:)(?:[ \t]*[A-Za-z_&]"
    + _ANNOTATION
    + r"=(?!=)(?=[ \t]*(?:[^\s=\\]|\\\")))?))[ \t]*(?:"
    + _VALUE
    + r")"
    r"|>(?P<xml>[^<\n]{1,256})</)"
)
_NAME_BACK = re.compile(r"[A-Za-z0-9_.\-]{0,80}")
_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-")  # _NAME_BACK's
# The commonest name is a keyword on its own ("password:"); its sense is looked up, not worked out.
_KEYWORD_SENSES = {form: classify_name(form) for form in KEYWORD_FORMS}


_REST_OF_RUN = re.compile(r"[^\s'\"`,;&|)}\]<>\\]{0,512}")
_RUN_GOES_ON = re.compile(r"[^\s'\"`,;&|)}\]<>\\=$]")  # (not a variable's "$" after the "=": `a=${B}`)
# An authorization scheme before the credential in a value (`"Bearer eyJ..."`).
_SCHEME_PREFIX = re.compile(r"(?:Bearer|bearer|BEARER|Basic|basic|Token|token)[ \t]+(?=\S{8})")
# A backquoted value that is a command: a word, a blank, and more (a password has no blank).
_COMMAND_WORDS = re.compile(r"[a-z][\w.\-]{0,40}[ \t]+\S")
_ANGLE_PLACEHOLDER = re.compile(r"<[A-Za-z][\w\- ]{0,40}>")


# A command whose `--secret` flag names a secret in a store, not its value (Google's Secret Manager).
_NAMES_A_SECRET = re.compile(r"gcloud[ \t]+(?:beta[ \t]+)?secrets[ \t][^\n;|&]*\Z")


def names_a_stored_secret(text: str, flag_start: int) -> bool:
    """Whether ``flag_start`` starts a `--secret` flag that names a stored secret (`gcloud secrets versions access
    latest --secret=db-password`), whose value the command prints, not gives."""
    return text.startswith("--secret", flag_start) and (
        _NAMES_A_SECRET.search(text, max(0, flag_start - 200), flag_start) is not None
    )


def _handle(match: re.Match[str]) -> Redaction | None:
    text, kw_start = match.string, match.start()
    group = match.lastgroup  # the value's group closes last: esc, dq, sq, bq, bare or xml
    if (
        group is None
        or is_placeholder(match.group(group))
        or not _boundary_ok(text, kw_start, match.group("kw"))
    ):
        return None  # placeholders first: they are common and cheaper to spot than the name
    name_start = _name_start(text, kw_start)
    if text[name_start - 2 : name_start] == "${":
        return None  # a shell expansion names a variable: ${API_KEY:?must be set}, ${PASSWORD:-}
    name = text[name_start : max(match.end("kw"), match.end("suffix"), match.end("num"))].lstrip(".-")
    if match.group("kw").lower() == "ssn":
        return _ssn_value(match, group, name)
    if name == "secret" and names_a_stored_secret(text, kw_start - 2):
        return None
    sense = _KEYWORD_SENSES[name] if name in _KEYWORD_SENSES else classify_name(name)
    if (
        sense is None
        and name.lower() == "pwd"
        and (
            group != "bare"
            or _in_query(text, name_start)
            or _ODBC_USER.search(text, max(0, name_start - 300), name_start + 300) is not None
        )
    ):
        # quoted, in a URL, or beside an ODBC `UID=` (odbc.ini, a DSN), pwd is a password, not the working directory
        sense = _QUERY_PWD
    if sense is None or (group == "xml" and text[name_start - 1 : name_start] != "<"):
        return None
    if sense.kind == "key" and _PUBLIC_BEFORE.search(text, max(0, name_start - 8), name_start):
        return None  # "Public key: age1...", as key generators print it: the key anyone may have
    if (
        sense.kind == "key"
        and "public" in split_words(name)
        and _CURVE25519_KEY.fullmatch(match.group(group))
    ):
        return None  # WireGuard's `PublicKey = ...` (32 bytes in base64): a peer's address, not a secret
    if name.lower().rsplit(".", 1)[-1] in _COOKIE_HEADERS and (
        "=" in match.group("sep")[1:] or "=" in match.group(group)
    ):
        return None  # a Cookie header's name=value pairs: the cookie pass judges each of them
    value, end = match.group(group), match.end(group)
    if group in ("dq", "sq") and value.startswith('{\\"'):
        return None  # a JSON object kept as a string (a stored session): its own keys say which values are secret
    if group == "bq" and " " in value and _ANGLE_PLACEHOLDER.search(value):
        return None  # prose's code span that shows where a secret goes (`Authorization: Basic <your-key>`)
    if (group == "bq" and _COMMAND_WORDS.match(value)) or (
        value.startswith("`") and value.endswith("`") and _COMMAND_WORDS.match(value, 1)
    ):
        return None  # a shell's command substitution (`pass show mail/alerts`): the value is what it prints
    if group == "bare" and value.endswith("=") and _QUERY_STRING.match(text, match.start(group)):
        return None  # a query string given whole (AZURE_SAS_TOKEN=sv=...&sig=...): its parameters are judged each
    if group == "bare" and value.endswith("=") and _RUN_GOES_ON.match(text, end):
        # "=" inside a run is no base64 padding (`AccountKey=0=3760...`, a password's `5yt=*As=E0Z`): the value is
        # the whole run, or a redaction would end inside a word and leave the rest glued to its token
        rest = _REST_OF_RUN.match(text, end)
        assert rest is not None  # the pattern matches the empty string
        value, end = value + rest.group(), rest.end()
    if group == "bare":
        # JSON-escaped text: `\"` closes the string around the value, `\n` ends its line, `\u0026` is the
        # next query parameter's "&".
        escape = _ESCAPE_IN_VALUE.search(value)
        if escape is not None:
            value, end = value[: escape.start()], end - len(value) + escape.start()
            if not value or is_placeholder(value):
                return None  # (a placeholder is told once the escape is off: `KEY=sk-...\\n`)
    if group == "bare" and name.startswith(_OWN_ATTRIBUTE) and _IDENTIFIER.fullmatch(value):
        return None  # `self.pw = pw`, `this._token = token`: an object keeps what it was given
    if (
        group == "bare"
        and (match.group("close") or (match.group("sp") and match.group("sep") == "="))
        and _SNAKE_NAME.fullmatch(value)
        and classify_name(value) is not None
    ):
        return None  # code's variable named for what it holds: `'MINIO_SECRET_KEY': secret_key`, `creds = _creds`
    env_style = group == "bare" and match.group("sep") == "=" and not match.group("sp") and name.isupper()
    in_query = group == "bare" and _in_query(text, name_start)
    if in_query and "#" in value:  # the URL's fragment follows
        value, end = value[: value.index("#")], end - len(value) + value.index("#")
        if not value:
            return None
    elif group == "bare" and not in_query:
        longer = line_value_end(text, name_start, end)
        value, end = value + text[end:longer], longer
        if sense.kind == "password" and sense.strong and match.group("sep") == "=" and not match.group("sp"):
            # An ini, key or env file's passphrase (NetworkManager's `psk=field lumen saffron 24`, fastlane's
            # `MATCH_PASSWORD=opal marble ember48`): its words run to the line's end. An upper-case name's only
            # among other such lines, since alone its words may be the command it is set for (`PGPASSWORD=x psql`).
            words = _PASSPHRASE_REST.match(text, end)
            if (
                words is not None
                and is_whole_line(text, name_start, words.end())
                and (not name.isupper() or _among_env_lines(text, name_start, words.end()))
            ):
                value, end = value + words.group(), words.end()
    if group == "bare" and value.endswith("/") and text[end : end + 1] in ("'", '"') and value[:-1]:
        value, end = value[:-1], end - 1  # `sed 's/^X=.*/X=value/'`: the expression's delimiter
    if group == "bare" and value.endswith((".", ":")) and value[:-1]:
        # Judged without a full stop, which ends a sentence ("...is required.") as often as a password, or a
        # colon, which ends a role's name (":meth:`peek`") or introduces what follows.
        value = value[:-1]
        if match.group("sep") in ("is", "was") and _SENTENCE_END.match(text, end):
            end -= 1  # prose's full stop ("Your app secret is ... . Store it now") stays with its sentence
    start = match.start(group)
    scheme = _SCHEME_PREFIX.match(value)
    if scheme is not None:  # `token = "Bearer ..."`: the scheme says how the token is sent; the token goes
        value, start = value[scheme.end() :], start + scheme.end()
        if is_placeholder(value):
            return None
    encoding = _ENCODING_PREFIX.match(value)
    if encoding is not None and encoding.end() < len(value):
        # Laravel's APP_KEY=base64:...: the word says how the value is written; the value follows it.
        value, start = value[encoding.end() :], start + encoding.end()
    verdict = judge_value(value, name, sense, quoted=group != "bare", env_style=env_style, in_query=in_query)
    if (
        verdict == "keep"
        and sense.kind == "key"
        and _HEX_KEY.fullmatch(value)
        and (
            _SECRET_SIBLING.match(text, end)
            or _NAMED_AN_API_KEY.search(text, max(0, name_start - 200), name_start)
        )
    ):
        verdict = "redact"
    if verdict == "keep" or (
        verdict == "redact-if-whole-line"
        # after "is" a lone word is prose ("pass is needed:"), whatever its line holds
        and (match.group("sep") in ("is", "was") or not is_whole_line(text, name_start, end))
    ):
        return None
    if _sep_is_colon(match) and in_arn(text, name_start):
        return None  # arn:aws:secretsmanager:region:account:secret:NAME names a secret, it holds none
    if (
        _sep_is_colon(match)
        and text[start - 1 : start] == ":"  # glued: `auth:access:7`, not `auth: <token>`
        and _KEY_COMMAND.search(text, max(0, name_start - 24), name_start)
    ):
        return None  # a Redis command's key (`GET auth:access:73957`): a name, its value is what the command prints
    if group == "bare" and end == match.end(group) and len(match.group(group)) > 512:
        rest = _BARE_REST.match(text, end)  # longer than a value is read: it goes whole
        end = rest.end() if rest else end
    return redact(start, end, sense.kind)


# A key in hex (a digest's shape, kept alone) is the public half of a key pair where its secret's name follows it, in
# the same object or section (an exchange's `"key": "...", "secret": "..."`, as trading bots and SDKs configure one;
# GameAnalytics' `"game_key"` before its `"secret_key"`).
_SECRET_SIBLING = re.compile(
    r"\\?[\"']?[ \t]*,?[ \t]*(?:(?:\r?\n|\\n)"
    + LINE_LEAD.pattern
    + r")?[ \t]*\\?[\"']?(?i:api_?)?(?:secret|Secret|SECRET)(?:_?(?:key|Key)|KEY|_KEY)?"
    r"\\?[\"']?[ \t]*[:=]"
)
_HEX_KEY = re.compile(r"[0-9a-fA-F]{20,128}")
# A record that names the key it holds an API key, before it (Meilisearch's `"name": "Default Search API Key",
# "key": "..."`).
_NAMED_AN_API_KEY = re.compile(
    r"name\\?[\"']?[ \t]*:[ \t]*\\?[\"'][^\"'\n]{0,60}(?:API|Api|api)[ _\-]?[Kk]ey"
)


# An environment file's line, behind a line's lead: an upper-case name and "=".
_ENV_LINE = re.compile(LINE_LEAD.pattern + r"[ \t]*(?:export[ \t]+)?[A-Z][A-Z0-9_]{0,80}=")


def _among_env_lines(text: str, start: int, end: int) -> bool:
    """Whether the line that holds ``text[start:end]`` has an environment file's line right before or after it."""
    line_start, line_end = line_at(text, start)
    before = previous_line(text, line_start)
    if before is not None and _ENV_LINE.match(text, *before):
        return True
    after = LINE_BREAK.match(text, line_end)
    return after is not None and _ENV_LINE.match(text, after.end()) is not None


# An ODBC data source's user, beside which `PWD=` is its password.
_ODBC_USER = re.compile(r"(?:(?<![A-Za-z0-9_])|(?<=\\n))(?:UID|Uid|uid)[ \t]*=")
# A passphrase's other words after its first: up to seven, each apart by one blank, none an operator, a comment, a
# quote, a path or a flag.
_PASSPHRASE_REST = re.compile(r"(?:[ \t][^\s=#;'\"`$&|<>/\\\-][^\s=#;'\"`$&|<>/\\]{0,63}){1,7}")
# A Redis command before the key it names (`redis-cli GET session:token:42`, `TTL auth:access:7`).
_KEY_COMMAND = re.compile(
    r"(?<![A-Za-z])(?i:get|set|setex|getdel|mget|del|unlink|exists|ttl|pttl|expire|type|incr|decr|dump"
    r"|hget|hgetall|hset|hdel|lrange|lpush|rpush|smembers|sadd|zrange|zadd)[ \t]+\Z"
)
# After a value given in prose: its sentence's end, a blank or the line's.
_SENTENCE_END = re.compile(r"[ \t]|\r?\n|\\n|\\?\"|$")
_BARE_REST = re.compile(r"[^\s'\"`,;&|)}\]<>=]{0,65536}={0,2}")
_QUERY_STRING = re.compile(r"(?:[A-Za-z_]{1,16}=[^&\s\"'=]{0,256}&){2}")
_CURVE25519_KEY = re.compile(r"[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=")
_PUBLIC_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])|(?<=\\n))(?:public|Public|PUBLIC)[ \t]\Z"
)  # (and after "\n" escaped)
_ENCODING_PREFIX = re.compile(r"(?i:base64|b64|hex):")
_OWN_ATTRIBUTE = ("self.", "this.", "cls.")
# A variable's name in snake case (an underscore at least, no digit).
_SNAKE_NAME = re.compile(r"_*[a-z]+(?:_[a-z]+)*(?<=_[a-z])[a-z]*|_+[a-z]+")
_IDENTIFIER = re.compile(r"[A-Za-z_$][\w$]*;?")
_ARN_BACK = re.compile(r"[^\s\"'`=,;()\[\]{}<>]{0,300}")


def _sep_is_colon(match: re.Match[str]) -> bool:
    return (match.group("sep") or "")[:1] == ":"


def in_arn(text: str, name_start: int) -> bool:
    """Whether the name at ``name_start`` is a part of an Amazon resource name (``arn:partition:service:...``)."""
    window = text[max(0, name_start - 300) : name_start][::-1]
    run = _ARN_BACK.match(window)
    word = window[: run.end() if run else 0][::-1]
    return word.startswith("arn:")


# A social security number under a name that says so (`"ssn": "701 25 9703"`, `<SSN>...</SSN>`, `ssn=...`):
# nine digits, grouped by blanks, dashes or not at all, that can be an issued number.
_SSN_VALUE = re.compile(r"[0-9]{3}([ \-]?)[0-9]{2}\1[0-9]{4}")


def _ssn_value(match: re.Match[str], group: str, name: str) -> Redaction | None:
    words = split_words(name)
    if not words or words[-1] != "ssn":
        return None
    value = match.group(group)
    if _SSN_VALUE.fullmatch(value) is None or not is_ssn(value.replace(" ", "").replace("-", "")):
        return None
    return redact(match.start(group), match.end(group), "ssn")


_QUERY_PWD = Sense("password", True)
_COOKIE_HEADERS = frozenset({"cookie", "set-cookie", "cookies"})
_ESCAPE_IN_VALUE = re.compile(r"\\+(?:[nrt\"]|u00|$)")


def _in_query(text: str, name_start: int) -> bool:
    """Whether the name starting at ``name_start`` is a URL query parameter's (after ?, &, or an escaped &)."""
    return text[name_start - 1 : name_start] in ("?", "&", "#") or text.endswith(
        ("\\u0026", "&amp;"), max(0, name_start - 6), name_start
    )


def _boundary_ok(text: str, kw_start: int, keyword: str) -> bool:
    if kw_start == 0 or keyword.lower() in GLUE_OK:
        return True
    before = text[kw_start - 1]
    if before in "ntr" and text[kw_start - 2 : kw_start - 1] == "\\":
        return True  # JSON-escaped text: "\\npass = ..." starts a line
    if keyword[0].isupper() and not keyword.isupper():
        return not before.isupper()  # camelCase: dbPass is fine, BYPass is not a thing
    if keyword.isupper() and before.islower():
        return True  # an upper-case word after a lower-case one: userPWD (a publish profile's), userSSN
    if before not in ALNUM:
        return True
    # glued to a word before it: only a directive's one word names a password so (Moodle's `dbpass`, `smtppass`)
    glued_start = run_start(text, kw_start, _NAME_BACK, 40)
    if text[glued_start - 1 : glued_start] == "\\" and text[glued_start : glued_start + 1] in ("n", "r", "t"):
        glued_start += 1  # JSON-escaped text: `\ndbpass=`, the n belongs to the escape
    # (a dotted or snake-case name's last part: `keystore.storepass`, `LDAP_ROOTPASS`)
    glued = _LAST_PART.split(text[glued_start : kw_start + len(keyword)])[-1]
    return glued.isalpha() and classify_name(glued) is not None


_LAST_PART = re.compile(r"[._\-]")


_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")


def _name_start(text: str, kw_start: int) -> int:
    if kw_start == 0 or (text[kw_start - 1] not in _NAME_CHARS and text[kw_start - 1] != ":"):
        return kw_start  # the keyword is the whole name ("password: ..."), the commonest case
    start = run_start(text, kw_start, _NAME_BACK, 80)
    if text[start - 1 : start] == ":" and start >= 2 and text[start - 2] in ALNUM:
        # A section inside the name: Configuration["Jwt:Key"], Pulumi's `shop:dbPassword`.
        start = run_start(text, start - 1, _NAME_BACK, 40)
    if text[start - 1 : start] == "\\":  # JSON-escaped text: "\nNAME=", "\u0026name=" (an escaped "&")
        if text[start : start + 1] in ("n", "r", "t") and start + 1 <= kw_start:
            return start + 1
        if (
            text[start : start + 1] == "u"
            and _HEX4.fullmatch(text, start + 1, start + 5)
            and start + 5 <= kw_start
        ):
            return start + 5  # any \uXXXX: an escaped "&" (\u0026), a numbered read's arrow (\u2192)
    return start


# The scan that proposes starts: one literal-anchored regex per three-letter keyword prefix over the
# lower-cased UTF-8 bytes, each followed by what may separate a name from "=" or ":". A class of
# twelve first letters (p, P, s, S, t, ...) would make `re` test every character; a literal lets it
# jump, and lower-casing bytes is far cheaper than lower-casing a non-ASCII str.
# The lookahead wants an operator after the word, and drops bare values that are code.
_SEPARATOR_AHEAD = (
    r"(?=" + _ENCODING_SUFFIX + r"[_0-9]{0,4}(?:(?:\\{1,3})?[\"'`]\]?|\])?[ \t]*(?:>[^<\n]{1,256}</"
    r"|:(?!:)[ \t]*[A-Za-z_&]" + _ANNOTATION + r"=(?!=)"
    r"|(?::=|=>|\?=|=(?!=)|:(?!:)|[ \t](?:is|was)[ \t])[ \t]*+(?![\s,;&|)}\]>]|$|" + _CASELESS_CODE + r")))"
)


def _prefix_scans() -> dict[bytes, re.Pattern[bytes]]:
    groups: dict[str, list[str]] = {}
    for word in KEYWORDS:
        groups.setdefault(word[:3], []).append(word[3:])
    return {
        prefix.encode(): re.compile((re.escape(prefix) + trie_pattern(rests) + _SEPARATOR_AHEAD).encode())
        for prefix, rests in groups.items()
    }


PREFIX_SCANS = _prefix_scans()
# One automaton finds every keyword at once (a scan matches only where one starts); the scan of its
# prefix is then tried where it stands.
_KEYWORD_FINDER = BytesAhoCorasick([word.encode() for word in KEYWORDS], implementation=Implementation.DFA)
_SCAN_OF = tuple(PREFIX_SCANS[word[:3].encode()] for word in KEYWORDS)
# What may follow a keyword where its scan can match (read off `_SEPARATOR_AHEAD`): an encoding suffix's
# separator or first letter, a digit or "_", a quote, backslash or "]", a blank, or an operator. Most
# keywords in prose and code are followed by something else ("tokens", "authentication", "key)"), and a
# byte test is far cheaper than the scan that would reject them.
_MAY_FOLLOW = frozenset(
    b"_-.0123456789\\\"'`] \t>:=?(" + bytes(sorted({ord(suffix[0]) for suffix in IGNORED_SUFFIXES}))
)


def find_assignments(text: str) -> list[Redaction]:
    """Return the redactions of values assigned to sensitive names in ``text``, in order."""
    return find_assignments_encoded(text, text.encode("utf-8", "surrogatepass"))


def find_assignments_encoded(text: str, raw: bytes) -> list[Redaction]:
    """`find_assignments`, given ``raw``, the UTF-8 encoding of ``text`` (the engine has it already)."""
    lowered = raw.lower()
    keywords = _KEYWORD_FINDER.find_matches_as_indexes(lowered, overlapping=True)
    if not keywords:
        return []
    ends = len(lowered)
    may_follow = _MAY_FOLLOW
    scans = {  # "pass" and "password": one start, one scan
        start: (index, end) for index, start, end in keywords if end < ends and lowered[end] in may_follow
    }
    starts: set[int] = set()
    # Where no operator follows: a keyword that ends a name before a blank or a call's parenthesis.
    others: dict[int, int] = {}
    for start, (index, end) in scans.items():
        if _SCAN_OF[index].match(lowered, start):
            starts.add(start)
        elif lowered[end] in _BLANK_OR_CALL and _OTHER_AHEAD.match(lowered, end):
            others[start] = end - start
        elif (
            lowered[end] == 34
            and lowered[end + 1 : end + 2] in (b" ", b"\t")
            and _OTHER_AHEAD.match(lowered, end + 1)
        ):
            others[start] = (
                end + 1 - start
            )  # a quoted name, a blank and its value: yarn v1's `"//host/:_authToken" x`
    if not starts and not others:
        return []
    # A token's kind is a sensitive word too ("[REDACTED:password] = x"): never a name.
    tokens = token_spans(text) if TOKEN_OPEN in text else None
    found: list[Redaction] = []
    ordered = sorted(starts | others.keys())
    for byte_start, start in zip(ordered, char_offsets(text, raw, ordered), strict=True):
        if (found and start < found[-1].end) or (tokens and tokens.overlaps(start, start + 1)):
            continue
        if byte_start in starts:
            match = ASSIGNMENT.match(text, start)
            item = _handle(match) if match is not None else None
        else:
            item = _unassigned(text, start, start + others[byte_start])
        if item is not None:
            found.append(item)
    return found


_BLANK_OR_CALL = frozenset(b" \t(=:")
# What `_unassigned` needs after the keyword (in the lower-cased bytes), checked before it is called: a quoted
# value or one with a character other than a letter after a blank (or an app password's four groups of four
# letters), a string among a call's arguments, or a tuple or list after an operator.
_OTHER_AHEAD = re.compile(
    rb"[ \t]+(?:[\"'\\]|[^\s=:\[]*?[^a-z\s=:\[]|[a-z]{4}(?: [a-z]{4}){3}(?![ \w]))|\([^()\n]{0,600}?[\"']"
    rb"|[ \t]*[:=][ \t]*[(\[]"
)


def _unassigned(text: str, start: int, end: int) -> Redaction | None:
    """A value given to the name ending in the keyword at ``start:end`` without an operator."""
    name_start = _name_start(text, start)
    if text[name_start - 2 : name_start] == "${" or text[name_start - 1 : name_start] in ("$", "!"):
        return None  # a variable, or a YAML tag and what it names (Home Assistant's `!secret db_password`)
    if text[end] == "(":
        return find_call_value(text, name_start, end)
    return find_spaced(text, name_start, end)


# An environment variable's secret on a line of its own (`env`, a .env file, a crash report's dump of the
# environment): its value is the rest of the line, whatever it holds. A Django secret key holds "(", ")", "&", "$"
# and "=", each of which ends a value elsewhere or makes it read as code, a query string or a shell variable.
_ENV_LINE_VALUE = re.compile(
    r"=(?<=[A-Z0-9_]=)(?P<value>[^\s'\"`\\]{8,512}+)"
    r"(?=(?:\\?[\"'])?[ \t]*(?:#[^\n]*)?(?:\r?\n|\\[rn]|\\?\"(?=[ \t]*[,}\]]|$)|$))"  # the line ends (`is_whole_line`)
)
_ENV_NAME_BACK = re.compile(r"[A-Z0-9_]{1,80}")  # read backwards from the "="


def _handle_env_line(match: re.Match[str]) -> Redaction | None:
    text, equals = match.string, match.start()
    name_start = run_start(text, equals, _ENV_NAME_BACK, 80)
    name, value, end = text[name_start:equals], match.group("value"), match.end("value")
    if not name[0].isalpha() or not starts_word(text, name_start, WORD) or TOKEN_OPEN in value:
        return None  # (a lower-case letter or "_" before it, but an escape's: `dbPASSWORD=`, a longer name)
    sense = classify_name(name)
    if sense is None or not sense.strong or not is_whole_line(text, name_start, end):
        return None
    start = match.start("value")
    encoding = _ENCODING_PREFIX.match(value)
    if encoding is not None and encoding.end() < len(value):  # Laravel's APP_KEY=base64:...
        value, start = value[encoding.end() :], start + encoding.end()
    if "," in value and split_words(name)[-1] in ("keys", "tokens"):
        # a list of them (Strapi's `APP_KEYS=...,...`): the placeholders at its ends stay (`...,toBeModified2`)
        parts = value.split(",")
        while parts and is_placeholder(parts[-1]):
            end -= len(parts.pop()) + 1
        while parts and is_placeholder(parts[0]):
            start += len(parts.pop(0)) + 1
        if not parts:
            return None
        value = ",".join(parts)
    if judge_value(value, name, sense, quoted=False, env_style=True) == "keep" and not _symbol_soup(value):
        return None
    return redact(start, end, sense.kind)


# The symbols of generated secrets (Django's secret keys draw from these, "-" and "_", lower-case letters and
# digits), less those names and identifiers hold.
_SOUP_SYMBOLS = frozenset("!@#$%^&*()=+")


def _symbol_soup(value: str) -> bool:
    """Tell whether ``value`` mixes letters, digits and three symbols or more, as a generated secret does (code's
    `config(SECRET_2)`, `${A}_${B}` hold two at most): what reads as a call or a variable then is none."""
    return (
        len(value) >= 16
        and any(char.isalpha() for char in value)
        and any(char.isdigit() for char in value)
        and len(_SOUP_SYMBOLS.intersection(value)) >= 3
        and not is_placeholder(value)
    )


ENV_LINE_SECRET = Rule("env-line-secret", _ENV_LINE_VALUE, _handle_env_line)
