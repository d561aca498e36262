"""Secrets recognised by what surrounds them: key blocks, URL user info, headers and CLI flags."""

from __future__ import annotations

import re
import urllib.parse

from client_actors.scrub._assign import KEYWORDS as _ASSIGN_KEYWORDS
from client_actors.scrub._core import (
    ALNUM,
    TOKEN_OPEN,
    WORD,
    Redaction,
    Rule,
    disjoint,
    redact,
    run_start,
    starts_word,
)
from client_actors.scrub._judge import LINE_LEAD, is_whole_line, judge_value
from client_actors.scrub._k8s import K8S_DATA_OUTPUT, K8S_OUTPUT_LINE
from client_actors.scrub._key_ids import KEY_FILE_ID
from client_actors.scrub._names import (
    CLEARED_COOKIE_VALUES,
    UUID,
    classify_name,
    is_placeholder,
    looks_random,
)
from client_actors.scrub._personal import line_at
from client_actors.scrub._shell import SHELL_RULES
from client_actors.scrub._spaced import COOKIE_NAME_CHAR, WORDS_AND_NUMBER

# scheme://user:password@host keeps scheme and host. The password may contain "@": the greedy
# class runs to the last "@" that is followed by a host. A user name may be an address
# (`https://bob@acme.io:pw@host`, its "@" unencoded) when a password follows it. The host may be left out
# (libpq's `postgresql://app:pw@/db?host=/run/postgresql`, a Unix socket).
_URL_USERINFO = re.compile(
    r"://(?P<user>[^\s/?#@:'\"<>\[\]{}]{0,256}(?:@[A-Za-z0-9][A-Za-z0-9.\-]{0,252}(?=:))?)"
    r"(?::(?P<password>[^\s/?'\"<>]{0,256}))?@(?=[A-Za-z0-9\[]|/(?!/))"
)
# A shell or template variable in the password's place (`$DB_PASSWORD`, `$dbPassword`): its name, in one case or
# snake or camel case; what else follows a "$" is a password that starts with one.
_VARIABLE = re.compile(r"\$(?:[A-Z_][A-Z0-9_]*|[a-z_][a-z0-9_]*|[a-z]+(?:[A-Z][a-z0-9]+)+)")


def _placeholder_password(password: str) -> bool:
    if password.startswith("$") and not password.startswith(("${", "$(")):
        return _VARIABLE.fullmatch(password) is not None
    return is_placeholder(password)


# What a host is written as after a URL's "@": lower-case names of two characters or more, a letter among them (db,
# cache-1, db.acme.internal), a dotted name with a top-level domain, an IPv4 or bracketed IPv6 address; then a port,
# a path, a query, or the URL's end.
_PLAUSIBLE_HOST = re.compile(
    r"(?:(?=[a-z0-9\-]{0,62}[a-z])[a-z0-9][a-z0-9\-]{1,62}(?:\.[a-z0-9\-]{1,63}){0,8}|[0-9]{1,3}(?:\.[0-9]{1,3}){3}|(?:[A-Za-z0-9\-]{1,63}\.){1,8}[A-Za-z]{2,24}"
    r"|\[[0-9A-Fa-f:.]{2,45}\])(?=[:/?#)\]\s'\"<>\\,;`]|$)"
)
_URL_REST = re.compile(r"[^\s'\"<>\\]{0,512}")


def _handle_userinfo(match: re.Match[str]) -> Redaction | None:
    user, password = match.group("user"), match.group("password")
    if (
        password
        and _PLAUSIBLE_HOST.match(match.string, match.end()) is None
        and "@" in _rest_of_url(match.string, match.end())
    ):
        return None  # no host after this "@", another further on: the password holds "/" or "?" (see below)
    if password is None:
        # A bare user name (git@, postgres@) is kept; a token used as the user name is not. No token holds a comma:
        # a CSV row's URL cell and the address in the next (`https://vpn.acme.io,jane@acme.io`) are no userinfo.
        if "," not in user and (looks_random(user) or len(user) >= 32):
            return redact(match.start("user"), match.end("user"), "url-credentials")
        return None
    if _placeholder_password(password):
        return None
    if not password or looks_random(user) or len(user) >= 32:
        # A token carried as the user name (`https://TOKEN:x-oauth-basic@...`) goes with its password.
        return redact(match.start("user"), match.end("password"), "url-credentials")
    # A user name beside a password (app:, root:, default:) says which account, not how to get in: kept.
    return redact(match.start("password"), match.end("password"), "url-credentials")


URL_CREDENTIALS = Rule("url-credentials", _URL_USERINFO, _handle_userinfo)
# The same URL in JSON that escapes its slashes (PHP's json_encode, `https:\/\/user:pw@host`).
URL_CREDENTIALS_ESCAPED = Rule(
    "url-credentials-escaped",
    re.compile(_URL_USERINFO.pattern.replace("://", ":\\\\/\\\\/", 1)),
    _handle_userinfo,
    ":\\/\\/",
)
# A URL percent-encoded whole, as a query parameter's value (`?next=https%3A%2F%2Fapp%3Apw%40host`): its
# password ends at the first "%40" a host follows.
_ENCODED_USERINFO = re.compile(
    r"%3[Aa]%2[Ff]%2[Ff](?P<user>[A-Za-z0-9._~\-]{0,256})%3[Aa]"
    r"(?P<password>(?:[A-Za-z0-9._~\-!*()+]|%(?!40[A-Za-z0-9])[0-9A-Fa-f]{2}){1,256})%40(?=[A-Za-z0-9])"
)


def _handle_encoded_userinfo(match: re.Match[str]) -> Redaction | None:
    if is_placeholder(urllib.parse.unquote(match.group("password"))):
        return None
    return redact(match.start("password"), match.end("password"), "url-credentials")


URL_CREDENTIALS_ENCODED = Rule("url-credentials-encoded", _ENCODED_USERINFO, _handle_encoded_userinfo)
# A password that holds "/" or "?" unencoded (RFC 3986 would have them percent-encoded; generated passwords often
# hold them), "@" too: it ends at the first "@" that a host follows. The user name is no host (it holds no dot)
# and what follows the colon is no port (`http://localhost:8080/users/bob@...` is a path). It never runs into the
# next URL.
_URL_SLASHED_PASSWORD = re.compile(
    r"://(?P<user>[^\s/?#@:'\"<>\[\]{}.]{0,256}):(?P<password>(?:(?!://)[^\s'\"<>\\]){1,512})@(?=[A-Za-z0-9\[])"
)
_PORT_FIRST = re.compile(r"[0-9]{1,5}[/?]")


def _rest_of_url(text: str, at: int) -> str:
    rest = _URL_REST.match(text, at)
    return rest.group() if rest else ""


def _handle_slashed_password(match: re.Match[str]) -> Redaction | None:
    text, start, last = match.string, match.start("password"), match.end("password")
    end = text.find("@", start, last + 1)
    while end < last and _PLAUSIBLE_HOST.match(text, end + 1) is None:
        end = text.find("@", end + 1, last + 1)
    password = text[start:end]
    if not ("/" in password or "?" in password) or _PORT_FIRST.match(password):
        return None  # no "/" or "?": the rule before has judged it; a port and a path
    if _placeholder_password(password):
        return None
    user = match.group("user")
    if looks_random(user) or len(user) >= 32:
        return redact(match.start("user"), end, "url-credentials")
    return redact(start, end, "url-credentials")


URL_SLASHED_PASSWORD = Rule("url-slashed-password", _URL_SLASHED_PASSWORD, _handle_slashed_password, "://")

# Schemes whose credential is not self-evident from its shape (Basic's base64 can be short, Digest's
# fields are quoted), and the bearer-token family; any other scheme word (SSWS, Splunk, ApiKey, Key,
# Token, HMAC...) is taken when what follows it looks like a credential.
_KNOWN_SCHEMES = frozenset(
    {"bearer", "basic", "token", "bot", "digest", "negotiate", "ntlm", "aws4-hmac-sha256", "oauth"}
)
_AUTHORIZATION = re.compile(
    r"(?:uthorization|UTHORIZATION)\\?[\"'`]?(?:[ \t]*(?:=>|[:=,])[ \t]*|[ \t]+(?=\\?[\"'`]))\\?[\"'`]?"
    r"(?:(?P<scheme>[A-Za-z][A-Za-z0-9\-]{0,31})(?:[ \t]|\\t)+)?(?P<value>[^\s'\"`\\]{1,4096})"
)
# Schemes whose header carries several fields, of which only some are secret: AWS Signature Version 4
# signs with `Signature=` (the access key id in `Credential=` is a vendor format of its own), Digest
# answers with `response=`. What says which request was signed (SignedHeaders, realm, uri, qop) stays.
_SECRET_FIELD = {
    "aws4-hmac-sha256": re.compile(r"Signature=(?P<field>[0-9a-fA-F]{16,256})"),
    "digest": re.compile(r"response=\\?\"?(?P<field>[^\s\"\\,]{1,256})"),
}
_FIELD_ENDS = {"aws4-hmac-sha256": re.compile(r"['\"`\n\\]|$"), "digest": re.compile(r"\n|\\n|$")}
_CREDENTIAL_CHARS = re.compile(r"[A-Za-z0-9+/=_\-.~:%]{8,4096}")
# `Token token=abc` (Rails), `Key key=abc`: the credential is what follows the parameter's name, quoted or not.
_NAMED_PARAMETER = re.compile(r"[A-Za-z_]{1,32}=(?=.)")
_QUOTED_PARAMETER = re.compile(r"[A-Za-z_]{1,32}=(?:\\{1,3})?\"(?P<field>[^\"\\\s]{1,4096})(?:\\{1,3})?\"")
# A scheme this rule does not know whose value is a parameter list: its signature is the secret.
_LISTED_SIGNATURE = re.compile(
    r"(?:[Ss]ignature|response|(?<![A-Za-z])mac)=\\?\"?(?P<field>[^\s\"\\,]{8,1024})"
)
_LINE_END = re.compile(r"\n|\\n|$")


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
    if value.startswith(TOKEN_OPEN):  # `AWS [REDACTED:aws-access-key]:signature` (S3's first scheme)
        close = value.find("]:")
        if close < 0 or is_placeholder(value[close + 2 :]):
            return None
        return redact(match.start("value") + close + 2, match.end(), "authorization")
    if is_placeholder(value):
        return None
    if scheme is None and value.startswith("PVEAPIToken="):
        # Proxmox's `PVEAPIToken=USER@REALM!TOKENID=SECRET`: which token is named before the last "=", the secret after
        secret = value.rfind("=") + 1
        if secret <= len("PVEAPIToken=") or is_placeholder(value[secret:]):
            return None
        return redact(match.start("value") + secret, match.end("value"), "authorization")
    lowered = scheme.lower() if scheme is not None else None
    if lowered == "oauth" and value.startswith("oauth_"):
        return None  # OAuth 1.0 parameters: the assignment pass takes oauth_signature and oauth_token
    known = lowered is not None and lowered in _KNOWN_SCHEMES
    if not known and scheme is not None and _NAMED_PARAMETER.match(match.string, match.start("value")):
        found = _LINE_END.search(text, match.end(), min(len(text), match.end() + 1024))
        end = found.start() if found else min(len(text), match.end() + 1024)
        field = _LISTED_SIGNATURE.search(text, match.start("value"), end)
        return None if field is None else redact(field.start("field"), field.end("field"), "authorization")
    if not known and not (
        _credential_like(value) or (scheme is None and len(value) >= 12 and any(map(str.isdigit, value)))
    ):
        return None  # "authorization: required" in prose
    end = match.end()
    if lowered is not None and lowered in _FIELD_ENDS:
        limit = min(len(text), end + 1024)
        found = _FIELD_ENDS[lowered].search(text, end, limit)
        end = found.start() if found else limit
        field = _SECRET_FIELD[lowered].search(text, match.start("value"), end)
        if field is not None:
            return redact(field.start("field"), field.end("field"), "authorization")
        if lowered == "aws4-hmac-sha256":
            return None  # no signature in view: what is left names the request, not a secret
    start = match.start("value")
    while end > start + 1 and text[end - 1] in ",;":  # the next header or field, not the credential
        end -= 1
    quoted = _QUOTED_PARAMETER.match(text, start) if lowered != "basic" else None
    if quoted is not None:
        return redact(quoted.start("field"), quoted.end("field"), "authorization")
    named = _NAMED_PARAMETER.match(value) if lowered != "basic" else None
    if named is not None:
        start += named.end()
        if is_placeholder(text[start:end]):
            return None  # `Token token=${BUZZSPROUT_TOKEN}`: the parameter's value refers to the secret
    return redact(start, end, "authorization")


AUTHORIZATION = Rule("authorization", _AUTHORIZATION, _handle_authorization, "uthorization")
AUTHORIZATION_UPPER = Rule("authorization-upper", _AUTHORIZATION, _handle_authorization, "UTHORIZATION")

# Cookies: each `name=value` of a Cookie header (or `curl -b`) is judged on its own, and of a
# Set-Cookie header (or `document.cookie = ...`) only the first, so names and attributes (Path,
# Domain, Expires, HttpOnly...) survive. A value goes when its name says session or credential, or
# when it looks like one; `theme=dark` stays.
_COOKIE_HEAD = re.compile(r"ookies?\\?[\"']?[ \t]*[:=][ \t]*(?P<q>\\?[\"'])?")
_CURL_COOKIE = re.compile(r"-(?<=[ \t]-)(?:b|-cookie)(?:=|[ \t]+)(?P<q>\\?[\"'])?")
_COOKIE_PAIR = re.compile(
    r"[ \t]*(?P<name>[^=;,\s\"'\\]{1,128})="
    r"(?:\\?\"(?=[^;\s\"'\\]{1,4096}\\?\"))?(?P<value>[^;\s\"'\\]{0,4096})(?:\\?\")?"  # a value may be quoted
)
_SESSION_NAME = re.compile(
    r"(?i:sess|sid|auth|token|jwt|remember|login|csrf|xsrf|secret|pass|key|identity|credential|sso|saml)"
)


_SHORT_WORD = re.compile(r"[a-z]{1,12}")


# A page to return to, as next-auth's callback-url cookie holds it: an address with no query, no credential.
_URL_COOKIE = re.compile(
    r"(?i:https?(?:%3A%2F%2F|://))[A-Za-z0-9.\-]{1,253}(?::[0-9]{1,5})?(?:(?:%2F|/)[\w.~\-]{0,200})*"
)


def _cookie_value_goes(name: str, value: str) -> bool:
    if (
        is_placeholder(value)
        or len(value) < 4
        or value.lower() in CLEARED_COOKIE_VALUES
        or _URL_COOKIE.fullmatch(value)
    ):
        return False
    if _SESSION_NAME.search(name) is not None:
        return _SHORT_WORD.fullmatch(value) is None  # `csrftoken=present`, `auth=yes`: a flag, not an id
    # Analytics and preference cookies (`_ga=GA1.2.1234.5678`, `lang=en-US`, an anonymous UUID) are not
    # credentials.
    if UUID.fullmatch(value):
        return False
    return looks_random(value) or (len(value) >= 24 and value.count(".") < 2 and _credential_like(value))


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
        if first_only:
            return found + _joined_cookies(text, position, limit)
        if not text.startswith(";", position):
            break
        position += 1
    return found


# Several Set-Cookie headers folded into one line, as HTTP libraries print them: "a=1; Path=/, sid=...; HttpOnly".
# A comma starts another cookie only when a name other than an attribute's follows (Expires dates hold commas).
_NEXT_COOKIE = re.compile(r",[ \t]*(?=[^=;,\s\"'\\]{1,128}=)")
_ATTRIBUTES = frozenset(
    {"path", "domain", "expires", "max-age", "secure", "httponly", "samesite", "priority", "partitioned",
     "version", "comment"}
)  # fmt: skip
_HEADER_END = re.compile(r"\r?\n|\\[rn]|\\?[\"']")


def _joined_cookies(text: str, position: int, limit: int) -> list[Redaction]:
    end = _HEADER_END.search(text, position, limit)
    stop = end.start() if end else limit
    found = []
    for comma in _NEXT_COOKIE.finditer(text, position, stop):
        pair = _COOKIE_PAIR.match(text, comma.end(), stop)
        if pair is None or pair.group("name").lower() in _ATTRIBUTES:
            continue
        if _cookie_value_goes(pair.group("name"), pair.group("value")):
            found.append(redact(pair.start("value"), pair.end("value"), "cookie"))
    return found


# A header as HAR files and HTTP client dumps write it: {"name": "Cookie", "value": "a=b; c=d"}.
_HAR_COOKIE = re.compile(r"ookie\\?\"[ \t]*,[ \t]*\\?\"value\\?\"[ \t]*:[ \t]*(?P<q>\\?\")")
# Cookies as objects: a list of {"name": ..., "value": ...} (HAR, browser storage state, Playwright) or a
# name -> value map (`cookies={"sessionid": "..."}` in requests, `"cookies": {...}` in JSON).
_COOKIE_OBJECTS = re.compile(r"ookies\\?[\"']?[ \t]*[:=][ \t]*(?P<open>[\[{])")
_NAME_VALUE = re.compile(
    r"\\?\"name\\?\"[ \t]*:[ \t]*\\?\"(?P<name>[^\"\\\n]{1,256})\\?\"[ \t]*,[ \t]*"
    r"\\?\"value\\?\"[ \t]*:[ \t]*\\?\"(?P<value>[^\"\\\n]{0,4096})\\?\""
)
_MAP_ENTRY = re.compile(  # keys quoted (JSON, Python) or not (a JavaScript object as console.log prints it)
    r"(?:\\?[\"'](?P<name>[^\"'\\\n]{1,256})\\?[\"']|(?<![\w$])(?P<bare>[A-Za-z_$][\w$.\-]{0,255}))[ \t]*:[ \t]*"
    r"\\?[\"'](?P<value>[^\"'\\\n]{0,4096})\\?[\"']"
)
# A cookie as a Set-Cookie header's value gives it, printed where no header is (a cookie jar's log, "stored cookie
# ..."): its name, its value, then one of its attributes. The value goes; its name and attributes stay.
# (found by its "=", a literal searched for at C speed; its name read back from there)
_SET_COOKIE_STRING = re.compile(
    r"=(?<=" + COOKIE_NAME_CHAR + r"=)(?P<value>[^;\s\"'\\=]{4,4096}={0,2});[ \t]*"
    r"(?i:path|domain|expires|max-age|httponly|secure|samesite)(?![A-Za-z])"
)
_COOKIE_NAME_BACK = re.compile(COOKIE_NAME_CHAR + "{1,64}")  # read backwards from the "="
_COOKIE_NAME_GLUE = WORD | {".", "-", "%"}  # before a name: it is part of a longer run
# http.cookiejar and requests print a jar as <Cookie sessionid=abc123 for .acme-corp.io/>.
_JAR_REPR = re.compile(r"ookie[ \t]+(?P<name>[^=\s<>]{1,128})=(?P<value>[^\s<>]{0,4096})[ \t]+for[ \t]")


# Code that sets a cookie: res.cookie('sid', '...'), set_cookie("sessionid", "..."), setcookie(...),
# cookies.set('koa.sess', '...'), and Go's http.Cookie{Name: "session", Value: "..."}.
_COOKIE_CALL = re.compile(
    r"ookies?(?:\.set|\.add|\.put)?[ \t]*\([ \t]*\\?[\"'](?P<name>[^\"'\\\n]{1,256})\\?[\"'][ \t]*,[ \t]*"
    r"\\?[\"'](?P<value>[^\"'\\\n]{0,4096})\\?[\"']"
    r"|ookie[ \t]*\{[^}]{0,256}?Name:[ \t]*\\?\"(?P<gname>[^\"\\\n]{1,256})\\?\"[^}]{0,256}?"
    r"Value:[ \t]*\\?\"(?P<gvalue>[^\"\\\n]{0,4096})\\?\""
)


def _cookie_call(match: re.Match[str]) -> Redaction | None:
    value = "value" if match.group("value") is not None else "gvalue"
    name = match.group("name") if value == "value" else match.group("gname")
    if not _cookie_value_goes(name, match.group(value)):
        return None
    return redact(match.start(value), match.end(value), "cookie")


def _cookie_objects(text: str, match: re.Match[str]) -> list[Redaction]:
    """The redactions of the values in the cookie list or map that opens at ``match``."""
    close = "]" if match.group("open") == "[" else "}"
    limit = min(len(text), match.end() + 16384)
    end = text.find(close, match.end(), limit)
    end = limit if end < 0 else end
    entries = _NAME_VALUE if close == "]" else _MAP_ENTRY
    return [
        redact(entry.start("value"), entry.end("value"), "cookie")
        for entry in entries.finditer(text, match.end(), end)
        if _cookie_value_goes(entry.group("name") or entry.group("bare") or "", entry.group("value"))
    ]


def find_cookies(text: str) -> list[Redaction]:
    """Return the redactions of cookie values in ``text``, in order."""
    found: list[Redaction] = []
    for head in (_COOKIE_HEAD, _HAR_COOKIE):
        for match in head.finditer(text):
            at = match.start() - 1
            if at < 0 or text[at] not in "Cc" or not starts_word(text, at, WORD):
                continue
            setting = text[max(0, at - 4) : at].lower() == "set-" or text[max(0, at - 9) : at] == "document."
            found += _cookie_pairs(text, match.end(), match.group("q"), first_only=setting)
    for match in _CURL_COOKIE.finditer(text):
        found += _cookie_pairs(text, match.end(), match.group("q"), first_only=False)
    for match in _COOKIE_OBJECTS.finditer(text):
        if match.start() > 0 and text[match.start() - 1] in "Cc":
            found += _cookie_objects(text, match)
    for match in _SET_COOKIE_STRING.finditer(text):
        name_start = run_start(text, match.start(), _COOKIE_NAME_BACK, 64)
        if text[name_start - 1 : name_start] not in _COOKIE_NAME_GLUE and _cookie_value_goes(
            text[name_start : match.start()], match.group("value")
        ):
            found.append(redact(match.start("value"), match.end("value"), "cookie"))
    for match in _JAR_REPR.finditer(text):
        if text[max(0, match.start() - 2) : match.start()] == "<C" and _cookie_value_goes(
            match.group("name"), match.group("value")
        ):
            found.append(redact(match.start("value"), match.end("value"), "cookie"))
    for match in _COOKIE_CALL.finditer(text):
        item = _cookie_call(match) if match.start() > 0 and text[match.start() - 1] in "Cc" else None
        if item is not None:
            found.append(item)
    return disjoint(found)


# The Netscape cookie-jar file (curl -c, wget --save-cookies, browser exports): one cookie a line, seven
# tab-separated fields, domain, subdomains flag, path, secure flag, expiry, name and value. The flags
# are the anchor: every line holds TRUE or FALSE, so the rule is tried under either literal.
_JAR_LINE = re.compile(
    r"(?:\t|\\t)(?:TRUE|FALSE)(?:\t|\\t)[^\t\n\\]{0,1024}(?:\t|\\t)(?:TRUE|FALSE)(?:\t|\\t)-?[0-9]{1,12}"
    r"(?:\t|\\t)(?P<name>[^\t\r\n\\]{1,256})(?:\t|\\t)(?P<value>[^\t\r\n\\]{1,4096})"
)


def _handle_jar_line(match: re.Match[str]) -> Redaction | None:
    if not _cookie_value_goes(match.group("name"), match.group("value")):
        return None
    return redact(match.start("value"), match.end("value"), "cookie")


COOKIE_JAR = (
    Rule("cookie-jar", _JAR_LINE, _handle_jar_line, "TRUE"),
    Rule("cookie-jar-false", _JAR_LINE, _handle_jar_line, "FALSE"),
)


# An AWS secret access key is 40 base64 characters with no prefix of its own; it is recognised
# next to its access key id (already redacted by then: credentials CSVs, "id:secret" pairs) or
# after its name without "=" (`aws configure set aws_secret_access_key ...`).
AWS_SECRET_AFTER_ID = Rule(
    "aws-secret-after-id",
    re.compile(
        r"\[REDACTED:aws-access-key\](?:\\?[\"']?[ \t]*[,:;|=][ \t]*\\?[\"']?|[ \t]+|\\t)"
        r"(?P<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"
    ),
    lambda m: redact(m.start("secret"), m.end("secret"), "aws-secret-key"),
    "[REDACTED:aws-access-key]",
)
AWS_SECRET_AFTER_NAME = Rule(
    "aws-secret-after-name",
    # `aws configure set aws_secret_access_key X`, Java properties' `fs.s3a.secret.key X`
    re.compile(
        r"ecret(?<=[Ss]ecret)(?:_access_key|\.key|Key|-access-key|_key|\.access\.key|AccessKey"
        r"|[ \t][Aa]ccess[ \t][Kk]ey(?:[ \t]*\[[^\]\n]{0,40}\])?[ \t]*[:=]?)[ \t]+"
        r"(?P<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"
    ),
    lambda m: redact(m.start("secret"), m.end("secret"), "aws-secret-key"),
    "ecret",
)

# Kubernetes, ECS and CI files pass environment variables as name/value pairs, the name on the
# line before (`- name: DB_PASSWORD` / `value: x`) or earlier on the same line (JSON).
_PAIR_VALUE = re.compile(
    r"value\\?[\"']?[ \t]*:[ \t]*(?:\\?\"(?P<dq>[^\"\n\\]{0,1024})\\?\"|'(?P<sq>[^'\n]{0,1024})'"
    r"|(?P<bare>[^\s\"',}#][^\s\"',}]{0,1024}))"
)
_PAIR_NAME = re.compile(r"(?:name|key)\\?[\"']?[ \t]*:[ \t]*\\?[\"']?(?P<name>[A-Za-z_][A-Za-z0-9_.\-]*)")
_PARENT_KEY = re.compile(
    r"(?P<name>[A-Za-z_][\w.\-]{0,64})[ \t]*:[ \t]*(?:\r?\n|(?:\\r)?\\n)[ \t]*(?:-[ \t]+)?\Z"
)
_OBJECT_KEY = re.compile(r"\\?[\"'](?P<name>[A-Za-z_][\w.\-]{0,64})\\?[\"'][ \t]*:[ \t]*\{[^{}]{0,400}\Z")
# A cookie as browsers and HAR files list it: {"name": "sid", "value": "...", "domain": ..., "httpOnly": ...}.
_COOKIE_FIELDS = re.compile(r"(?i:domain|httponly|samesite|expires|expirationDate)\\?[\"']?[ \t]*:")


def _handle_pair(match: re.Match[str]) -> Redaction | None:
    text, at = match.string, match.start()
    if not starts_word(text, at):
        return None
    names = list(_PAIR_NAME.finditer(text, max(0, at - 160), at))
    group = match.lastgroup
    parent = _PARENT_KEY.search(text, max(0, at - 100), at)
    if parent is None:
        # `"db_password": {"sensitive": true, "type": "string", "value": "..."}` (terraform output -json): the
        # object the value is in is named by its key
        parent = _OBJECT_KEY.search(text, max(0, at - 400), at)
    if parent is not None and (not names or names[-1].start() < parent.start()):
        names = [parent]  # `password:` on the line above: its value under `value:` (Helm values, SOPS)
    sense = classify_name(names[-1].group("name")) if names else None
    if sense is None and names and group is not None:
        close = text.find("}", match.end(), match.end() + 400)
        if (close > 0 and _COOKIE_FIELDS.search(text, match.end(), close)) or text.find(
            "ookie", max(0, names[-1].start() - 120), names[-1].start()
        ) >= 0:  # a browser's cookie object, or one given to setCookie / addCookies / add_cookie
            name, value = names[-1].group("name"), match.group(group)
            return (
                redact(match.start(group), match.end(group), "cookie")
                if _cookie_value_goes(name, value)
                else None
            )
    if sense is None or group is None:
        return None
    value, start, end = match.group(group), match.start(group), match.end(group)
    name = names[-1].group("name").lower()
    if name in ("cookie", "set-cookie"):
        return None  # the cookie pass judges each of its pairs
    if group == "bare":
        if value.endswith((")", "]", ";")) and not ("(" in value or "[" in value) and len(value) > 1:
            value, end = value[:-1], end - 1  # a call's or a list's close: `f(key: Key[T], value: T)`
        if value == "value":
            return None  # a docstring's `:param value: value for item`
    if sense.kind == "authorization":
        scheme = _SCHEME.match(value)
        if scheme is not None:  # {"name": "Authorization", "value": "Basic ..."}: the scheme stays
            value, start = value[scheme.end() :], start + scheme.end()
    if judge_value(value, names[-1].group("name"), sense, quoted=group != "bare", env_style=True) == "keep":
        return None
    return redact(start, end, sense.kind)


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9\-]{0,31}[ \t]+(?=\S)")


ENV_PAIRS = Rule("env-pair", _PAIR_VALUE, _handle_pair)
# XML and .NET configuration name their values in attributes: <add key="ApiKey" value="..."/>,
# <property name="password" value="..."/>, <entry key="password">...</entry>; a Terraform variable names
# its default: variable "db_password" { default = "..." }.
_ATTRIBUTE_REST = (
    r"=\\?\"(?P<name>[^\"\\\n]{1,128})\\?\"(?:[ \t]+value=\\?\"(?P<value>[^\"\\\n]{1,1024})\\?\""
    r"|[ \t]*>(?P<text>[^<\n]{1,1024})</)"
)
_TERRAFORM_DEFAULT = re.compile(
    r"variable[ \t]+\\?\"(?P<name>[^\"\\\n]{1,128})\\?\"[ \t]*\{[^}]{0,400}?default[ \t]*=[ \t]*"
    r"\\?\"(?P<value>[^\"\\\n]{1,1024})\\?\""
)


def _handle_named(match: re.Match[str]) -> Redaction | None:
    group = "value" if match.group("value") is not None else "text"
    name, value = match.group("name"), match.group(group)
    sense = classify_name(name)
    if sense is None or judge_value(value, name, sense, quoted=True, env_style=False) == "keep":
        return None
    return redact(match.start(group), match.end(group), sense.kind)


# One rule per attribute and quoting, each starting with its literal (a class of first letters would make
# the regex engine test every character).
NAMED_ATTRIBUTES = tuple(
    Rule(f"named-attribute-{attribute}{'-escaped' if escaped else ''}", re.compile(attribute + _ATTRIBUTE_REST),
         _handle_named, attribute + ('=\\"' if escaped else '="'))
    for attribute in ("key", "name")
    for escaped in (False, True)
)  # fmt: skip
TERRAFORM_DEFAULT = Rule("terraform-default", _TERRAFORM_DEFAULT, _handle_named, "variable")
# A default given to an environment lookup is the secret itself when the variable is unset:
# os.environ.get("SECRET_KEY", "..."), os.getenv("DB_PASSWORD", "..."), ENV.fetch("API_TOKEN", "..."),
# env("SECRET_KEY", default="..."), process.env.API_TOKEN || "...".
_QUOTED = r"(?:\\\"(?P<esc>[^\"\\\n]{1,1024})\\\"|\"(?P<dq>[^\"\\\n]{1,1024})\"|'(?P<sq>[^'\\\n]{1,1024})')"
_ENV_DEFAULT_REST = (
    r"(?:(?:iron)?(?:\.get|\.fetch|\.str)?[ \t]*\([ \t]*\\?[\"'](?P<name>[A-Za-z_][\w.\-]{0,127})\\?[\"'][ \t]*,"
    r"[ \t]*(?:default[ \t]*=[ \t]*)?|\.(?P<jsname>[A-Za-z_]\w{0,127})[ \t]*(?:\|\||\?\?)=?[ \t]*)" + _QUOTED
)


def _handle_env_default(match: re.Match[str]) -> Redaction | None:
    name = match.group("name") or match.group("jsname")
    group = next(g for g in ("esc", "dq", "sq") if match.group(g) is not None)
    value = match.group(group)
    sense = classify_name(name)
    if sense is None or judge_value(value, name, sense, quoted=True, env_style=False) == "keep":
        return None
    return redact(match.start(group), match.end(group), sense.kind)


ENV_DEFAULTS = (
    Rule("env-default", re.compile("env" + _ENV_DEFAULT_REST), _handle_env_default, "env"),
    Rule("env-default-upper", re.compile("ENV" + _ENV_DEFAULT_REST), _handle_env_default, "ENV"),
)


# .pgpass: "host:port:database:user:password", a line each (behind a wrapper's lead: a numbered read, a grep hit,
# a diff's sign, a box's border); the port is nearly always 5432 or "*". Another port is taken where the text says
# what the lines are: the file's own header comment (`# hostname:port:database:username:password`) or its name.
def _pgpass_line(port: str) -> re.Pattern[str]:
    return re.compile(
        r"(?:^|(?<=\n)|(?<=\\n)|(?<=\"))(?:"
        + LINE_LEAD.pattern
        + r")[A-Za-z0-9_.\-*\[\]]{1,253}:"
        + port
        + r":[^:\s\\]{1,128}:[^:\s\\]{1,128}:"
        r"(?P<secret>(?:\\:|[^\s\\])(?:\\:|[^\s\\]){0,255})(?=\r?\n|\\[rn]|\\?\"|$)",
        re.MULTILINE,
    )


def _handle_pgpass(match: re.Match[str]) -> Redaction | None:
    if is_placeholder(match.group("secret")):
        return None
    return redact(match.start("secret"), match.end("secret"), "password")


# What says a text holds a password file's lines: its header comment, its name (pgpass.conf on Windows), the
# variable that points to it.
PGPASS_NAMES = ("username:password", ".pgpass", "pgpass.conf", "PGPASSFILE")
_PGPASS_CONTEXT = 4096  # how far from the line its header or name is looked for


def _handle_named_pgpass(match: re.Match[str]) -> Redaction | None:
    text, at = match.string, match.start()
    floor, ceiling = max(0, at - _PGPASS_CONTEXT), min(len(text), match.end() + _PGPASS_CONTEXT)
    if text.find(PGPASS_NAMES[0], floor, at) < 0 and not any(
        text.find(name, floor, ceiling) >= 0 for name in PGPASS_NAMES[1:]
    ):
        return None
    return _handle_pgpass(match)


PGPASS = (
    Rule("pgpass", _pgpass_line("5432"), _handle_pgpass, ":5432:"),
    Rule("pgpass-any-port", _pgpass_line(r"\*"), _handle_pgpass, ":*:"),
    Rule("pgpass-named", _pgpass_line(r"[0-9]{1,5}"), _handle_named_pgpass),
)
# .netrc: "machine HOST login USER password SECRET", on one line or several.
NETRC = Rule(
    "netrc",
    re.compile(
        r"machine[ \t]+\S{1,256}(?:\s{1,16}(?:login|account)[ \t]+\S{1,256}){0,2}\s{1,16}password[ \t]+"
        r"(?P<secret>[^\s\\'\"]{1,256})"
    ),
    lambda m: (
        None if is_placeholder(m.group("secret")) else redact(m.start("secret"), m.end("secret"), "password")
    ),
    "machine",
)

# A password among a connection string's key=value pairs: ADO.NET and OLE DB (`User ID=app;Password=...;`),
# ODBC (`PWD=...;` or `PWD={...}`), JDBC query parameters (`?user=app&password=...`) and libpq's
# space-separated `user=app password=...`. The pair's own separators end the value, so a password with
# dots or symbols (which elsewhere reads as an attribute chain) is taken whole and the next pair kept.
_CONNECTION_PASSWORD = re.compile(
    r"(?:password|Password|PASSWORD|pwd|Pwd|PWD|passwd)[ \t]*=[ \t]*"
    r"(?P<value>\{[^{}\n]{1,256}\}|[^;&\s'\"`\\<>{}]{1,512})"
)
_LIBPQ_KEYS = re.compile(r"(?:^|[ \t])(?:user|host|dbname|hostaddr)=\S", re.MULTILINE)


def _handle_connection_password(match: re.Match[str]) -> Redaction | None:
    value, text, start = match.group("value"), match.string, match.start()
    if is_placeholder(value) or value[0] in "$%" or value.lower() in ("true", "false", "null", "none"):
        return None
    while text[start - 1 : start] in (" ", "\t") and text[start - 2 : start - 1] in (";", "&", "?"):
        start -= 1  # `User ID=app; Password=...`
    if start == 0 or not (text[start - 1] in ";&? \t" or text.endswith("\\u0026", 0, start)):
        return None
    if text[start - 1 : start] in (" ", "\t"):
        # libpq's keyword form: another connection keyword before it on the same line, within 512 characters (a
        # line with no break in them is read from there, not from the text's start: each pair's look stays short)
        floor = max(0, start - 512)
        line_start = max(floor, text.rfind("\n", floor, start) + 1)
        if _LIBPQ_KEYS.search(text, line_start, start) is None:
            return None
    end = match.end("value")
    # `Config(user=app, password=...)`: a printed object's closing bracket and its pairs' commas stay
    while value.endswith(",") or (value.endswith(")") and value.count(")") > value.count("(")):
        value, end = value[:-1], end - 1
    if not value or (_SNAKE_VARIABLE.fullmatch(value) and classify_name(value) is not None):
        return None  # (code's call passes a variable named for what it holds: `password=backup_password`)
    return redact(match.start("value"), end, "password")


_SNAKE_VARIABLE = re.compile(r"[a-z]+(?:_[a-z]+)+")


CONNECTION_PASSWORD = Rule("connection-password", _CONNECTION_PASSWORD, _handle_connection_password)


# Other credentials among a connection string's `Name=value;` pairs: AccountKey, SharedAccessKey, ApiToken,
# ClientSecret. The pairs' separators end the value, which may hold dots and symbols.
_PAIR_END = re.compile(r"[;\"'\s]|\\[\"nrt]|$")


def _handle_connection_pair(match: re.Match[str]) -> Redaction | None:
    text, value, start = match.string, match.group("value"), match.start()
    name_start = run_start(text, start, _NAME_TAIL, 64)
    before = text[name_start - 1 : name_start]
    if not (before in ("", ";", '"', "'", " ") or text.endswith(("\\n", '\\"'), 0, name_start)):
        return None
    if not (";" in text[max(0, name_start - 2) : name_start] or text.startswith(";", match.end("value"))):
        return None  # a pair among others, separated by ";"
    name = text[name_start : match.start("value") - 1]
    sense = classify_name(name)
    if sense is None or sense.kind in ("cookie", "authorization") or value[0] in "$%{":
        return None
    if judge_value(value, name, sense, quoted=True, env_style=False) == "keep":
        return None
    return redact(match.start("value"), match.end("value"), sense.kind)


CONNECTION_PAIRS = tuple(
    Rule(f"connection-{word.lower()}", re.compile(word + r"=(?P<value>[^;\s'\"`\\<>{}]{1,512})"),
         _handle_connection_pair, word + "=")
    for word in ("Key", "Secret", "Token")
)  # fmt: skip

# A sensitive name and its value as the first two string arguments of a call, quotes JSON-escaped or not:
# `props.put("password", "...")`, `define('AUTH_KEY', '...')`, `os.environ.setdefault("API_TOKEN", "...")`.
_CALL_PAIR = re.compile(
    r"\([ \t]*(?P<e>\\?)(?P<q>[\"'])(?P<name>[A-Za-z_][\w.\-]{0,63})(?P=e)(?P=q)[ \t]*,[ \t]*"
    r"(?P=e)(?P<vq>[\"'])(?P<value>[^\"'\\\n]{1,512})(?P=e)(?P=vq)"
)
# Server directives that set a named variable or header: Apache's `SetEnv NAME value` and `RequestHeader set
# NAME "value"`, nginx's `proxy_set_header NAME "value";`, `fastcgi_param NAME value;` and their kin.
_DIRECTIVE = re.compile(
    r"(?:SetEnv|proxy_set_header|add_header|fastcgi_param|uwsgi_param|grpc_set_header"
    r"|RequestHeader[ \t]+(?:set|append|add))[ \t]+(?P<name>[A-Za-z_][\w.\-]{0,63})[ \t]+"
    r"(?P<q>\"?)(?P<value>[^\"\s;]{1,512})(?P=q)"
)
# Every name the two rules act on holds one of these (the assignment pass's keywords in the case forms its
# prefilter literals have), which keeps their gate exact.
_NAME_WORDS = re.compile(
    "|".join(sorted({form for word in _ASSIGN_KEYWORDS for form in (word, word.capitalize(), word.upper())}))
)


def _handle_named_value(match: re.Match[str]) -> Redaction | None:
    name, value = match.group("name"), match.group("value")
    if _NAME_WORDS.search(name) is None or value[0] == "$":
        return None
    sense = classify_name(name)
    if sense is None or sense.kind in ("authorization", "cookie"):
        return None  # header values with schemes and cookie pairs: their own passes judge them
    if judge_value(value, name, sense, quoted=True, env_style=False) == "keep":
        return None
    return redact(match.start("value"), match.end("value"), sense.kind)


# A lower-case word of letters and underscores, as names are written: `("next_token", "position", ...)`.
_LOWER_NAME = re.compile(r"[a-z][a-z_]{0,63}")
_MORE_ARGUMENTS = re.compile(r"[ \t]*,")


def _handle_call_pair(match: re.Match[str]) -> Redaction | None:
    if (
        match.group("name").islower()
        and _LOWER_NAME.fullmatch(match.group("value"))
        and _MORE_ARGUMENTS.match(match.string, match.end())
    ):
        return None  # names listed, or a call's words in a row: `pbkdf2('secret', 'salt', 100000)`, __slots__
    return _handle_named_value(match)


CALL_PAIR = Rule("call-pair", _CALL_PAIR, _handle_call_pair)

# WordPress's eight keys and salts, by their names: wp-config.php's `define( 'NONCE_SALT', '...' );`, Bedrock's
# `.env` (`AUTH_KEY='...'`), a PHP array's or a YAML's. Each signs or salts the logged-in cookies, so whoever holds
# them can forge a session; their generator draws from every printable character, blanks included, which no
# judgement of a value's shape takes. The sample file's "put your unique phrase here" stays.
WORDPRESS_SALT_LITERALS = ("AUTH_KEY", "AUTH_SALT", "IN_KEY", "IN_SALT", "NONCE_KEY", "NONCE_SALT")
_WORDPRESS_SALT = re.compile(
    r"(?<![A-Za-z0-9_])(?:SECURE_AUTH|AUTH|LOGGED_IN|NONCE)_(?:KEY|SALT)(?![A-Za-z0-9_])"
    r"\\?[\"']?[ \t]*(?:,|=>?|:)[ \t]*"
    r"(?:(?P<q>\\?[\"'])(?P<quoted>[^\"'\\\n]{8,256})(?P=q)|(?P<bare>[^\s\"'\\]{16,256}))"
)
_SAMPLE_PHRASE = "put your unique phrase here"


def _handle_wordpress_salt(match: re.Match[str]) -> Redaction | None:
    group = "quoted" if match.group("quoted") is not None else "bare"
    value = match.group(group)
    if value.lower() == _SAMPLE_PHRASE or is_placeholder(value):
        return None
    return redact(match.start(group), match.end(group), "secret")


WORDPRESS_SALT = Rule("wordpress-salt", _WORDPRESS_SALT, _handle_wordpress_salt)
DIRECTIVE = Rule("directive", _DIRECTIVE, _handle_named_value)

# A value with a dot given to a password's, secret's or token's name where a bare value is the value: a YAML, ini or
# .properties line (`password: Tr0ub4dor.x`), or a shell's `NAME=value` (`MYSQL_PWD=...`). The assignment
# pass reads such a value as an attribute chain (`settings.password`); here it goes when it is not one: it
# holds a symbol or a digit between letters (in its first part, after a spaced `=` as code writes it).
# One regex per operator: a literal first character lets the scan jump, a class of two would not.
_DOTTED = r"(?P<value>[A-Za-z_$][\w$]{0,128}+\.[^\s'\"`,;&|)}\]<>]{1,256})"
_DOTTED_AFTER_EQUALS = re.compile(r"(?P<sep>=[ \t]*+)" + _DOTTED)
_DOTTED_AFTER_COLON = re.compile(r"(?P<sep>: [ \t]*+)" + _DOTTED)
_NAME_TAIL = re.compile(r"[A-Za-z0-9_.\-]{0,80}")
_NAME_TAIL_BACK = re.compile(r"[A-Za-z0-9_.\-:]{1,80}")  # with a section's colon, read backwards
# Passwords, secrets and tokens (not keys, signatures or sessions, whose words are common in code); the
# engine's gate for these two rules is the same case forms.
_PASSWORD_NAME = re.compile(r"pass|Pass|PASS|pw|Pw|PW|secret|Secret|SECRET|token|Token|TOKEN")
_SYMBOL_OR_INNER_DIGIT = re.compile(r"[^\w.$\-]|[A-Za-z][0-9]+[A-Za-z]")
_SPACED_KEY = re.compile(r"[ \t]*(?:[A-Z][A-Za-z]{0,20} ){1,3}")
_RECEIVERS = frozenset(
    {"self", "this", "cls", "config", "conf", "cfg", "settings", "env", "environ", "os", "process", "options",
     "opts", "args", "params", "secrets", "creds", "credentials", "ctx", "context", "vars", "values", "props",
     "properties", "request", "req", "data", "kwargs", "app", "user", "account"}
)  # fmt: skip


def _handle_dotted_value(match: re.Match[str]) -> Redaction | None:
    text, value, end = match.string, match.group("value"), match.end("value")
    name_end = match.start()
    while name_end > 0 and text[name_end - 1] in " \t" and match.group("sep")[0] == "=":
        name_end -= 1
    window = text[max(0, name_end - 80) : name_end][::-1]
    back = _NAME_TAIL.match(window)
    name_start = name_end - (back.end() if back else 0)
    if text[name_start - 1 : name_start] == ":" and name_start >= 2 and text[name_start - 2].isalnum():
        # a section's, and the name within it: `Smtp:Password = ...`
        name_start = run_start(text, name_start - 1, _NAME_TAIL_BACK, 80)
    if text[name_start - 1 : name_start + 1] in ("\\n", "\\t"):
        name_start += 1  # JSON-escaped text: the line starts after its escaped line feed
    name = text[name_start:name_end].lstrip(".-")
    if not name or _PASSWORD_NAME.search(name) is None:
        return None  # most candidates: no such word before the operator (and the gate stays exact)
    sense = classify_name(name)
    if sense is None or sense.kind not in ("password", "secret", "token"):
        return None
    if "\\" in value:  # JSON-escaped text: `\"` closes the string, `\n` ends the line
        value = value[: value.index("\\")]
        end = match.start("value") + len(value)
    if not value or is_placeholder(value):
        return None
    worded = WORDS_AND_NUMBER.fullmatch(value)
    memorable = sense.kind == "password" and worded is not None and worded.group("first") not in _RECEIVERS
    # a JVM system property on a command line (`java -Dspring.datasource.password=...`): a flag's value
    jvm_flag = text.startswith("-D", name_start) and text[name_start - 1 : name_start] in ("", " ", "\t")
    if _SYMBOL_OR_INNER_DIGIT.search(value) is None and not memorable:
        return None  # an attribute chain or a host name
    if name_end < match.start() and not memorable and not any(c.isdigit() for c in value.split(".", 1)[0]):
        return None  # `token = config.oauth2Token`: code, where an attribute's name may hold digits
    shell = match.group("sep") == "=" and name.isupper() and (end == len(text) or text[end] in " \t\r\n\"'\\")
    listed = text[name_start - 1 : name_start] in ("[", ",") and text[end : end + 1] in ("]", ",")
    lead = LINE_LEAD.match(text, line_at(text, name_start)[0], name_start)
    if lead is not None and _SPACED_KEY.fullmatch(text, lead.end(), name_start):
        name_start = lead.end()  # an ini key of words, as QNAP's `SMTP Password = ...`: the line is the pair
    if (
        not shell
        and not jvm_flag
        and not listed  # one of a bracketed list's pairs: Kafka's `SCRAM-SHA-512=[iterations=8192,password=...]`
        and not _overridden(text, name_start)
        and not is_whole_line(text, name_start, end)
    ):
        return None
    return redact(match.start("value"), end, sense.kind)


def _overridden(text: str, name_start: int) -> bool:
    """Whether the pair at ``name_start`` is one of a deploy command's parameters (`sam deploy
    --parameter-overrides DbPassword=... Stage=prod`, `aws cloudformation deploy` likewise): a value, as a
    shell's argument is."""
    if text[name_start - 1 : name_start] not in (" ", "\t"):
        return False
    line_start = max(text.rfind("\n", max(0, name_start - 2000), name_start) + 1, name_start - 2000, 0)
    return "--parameter-overrides" in text[line_start:name_start]


DOTTED_VALUE = Rule("dotted-value", _DOTTED_AFTER_EQUALS, _handle_dotted_value)
DOTTED_VALUE_COLON = Rule("dotted-value-colon", _DOTTED_AFTER_COLON, _handle_dotted_value)

# Go's MySQL driver DSN, `user:password@tcp(host:3306)/db` (no scheme, so the URL rule cannot see it), and
# kubectl's `--from-literal=NAME=value`, where NAME says what the value is.
_GO_DSN = re.compile(r"(?<![\w.\-])[\w.\-]{1,64}:(?P<value>[^\s@/'\"\\]{1,256})@(?:tcp|unix)\(")
_FROM_LITERAL = re.compile(
    r"--from-literal[= ](?P<name>[A-Za-z_][\w.\-]{0,63})=(?P<q>\\?[\"']?)(?P<value>[^\s'\"\\]{1,512})"
)


def _handle_go_dsn(match: re.Match[str]) -> Redaction | None:
    value = match.group("value")
    if is_placeholder(value) or value[0] in "$%{":
        return None  # a variable or a format string's slot
    return redact(match.start("value"), match.end("value"), "password")


def _handle_from_literal(match: re.Match[str]) -> Redaction | None:
    name, value = match.group("name"), match.group("value")
    sense = classify_name(name)
    if sense is None or value[0] == "$" or is_placeholder(value):
        return None
    if judge_value(value, name, sense, quoted=True, env_style=False) == "keep":
        return None
    return redact(match.start("value"), match.end("value"), sense.kind)


GO_DSN = Rule("go-dsn", _GO_DSN, _handle_go_dsn)

# A database's address with its credentials and no scheme (CockroachDB's and Nakama's `root:PASSWORD@10.0.0.5:26257`,
# `--database.address user:PASSWORD@db:5432`): found from its "@" and a host and port after it, then read back to the
# password and the user name before it.
_AT_HOST_PORT = re.compile(
    r"@(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[a-z0-9][a-z0-9\-]{0,62}(?:\.[a-z0-9\-]{1,63}){0,8}):[0-9]{2,5}(?![\w.:])"
)
_PASSWORD_BACK = re.compile(r"[^\s@/'\"\\:]{1,256}")
_USER_BACK = re.compile(r"[\w.\-]{1,64}")


def _handle_host_port_dsn(match: re.Match[str]) -> Redaction | None:
    text, at = match.string, match.start()
    start = run_start(text, at, _PASSWORD_BACK, 256)
    if at - start < 6 or text[start - 1 : start] != ":":
        return None
    user_start = run_start(text, start - 1, _USER_BACK, 64)
    if user_start == start - 1 or not starts_word(text, user_start, ALNUM | frozenset("./-:")):
        return None  # no user name, or one glued to what stands before it (a URL's scheme, a path)
    value = text[start:at]
    if is_placeholder(value) or value[0] in "$%{" or value.isdigit():
        return None  # a variable, a format string's slot; `host:8080@...` is a port
    return redact(start, at, "password")


HOST_PORT_DSN = Rule("host-port-dsn", _AT_HOST_PORT, _handle_host_port_dsn, "@")
FROM_LITERAL = Rule("from-literal", _FROM_LITERAL, _handle_from_literal)

CONTEXT_RULES = (
    AWS_SECRET_AFTER_ID, AWS_SECRET_AFTER_NAME, URL_CREDENTIALS, URL_SLASHED_PASSWORD, URL_CREDENTIALS_ESCAPED,
    URL_CREDENTIALS_ENCODED, CONNECTION_PASSWORD,
    AUTHORIZATION, AUTHORIZATION_UPPER, ENV_PAIRS, NETRC,
    KEY_FILE_ID, *COOKIE_JAR, *SHELL_RULES, K8S_DATA_OUTPUT, K8S_OUTPUT_LINE, *NAMED_ATTRIBUTES,
    TERRAFORM_DEFAULT, *ENV_DEFAULTS, *PGPASS, CALL_PAIR, WORDPRESS_SALT, DIRECTIVE, DOTTED_VALUE, DOTTED_VALUE_COLON,
    GO_DSN, HOST_PORT_DSN, FROM_LITERAL, *CONNECTION_PAIRS,
)  # fmt: skip
