"""Passwords that commands take in their own ways, and credentials in query parameters with no telling name.

`_cli` reads ``--password=x`` and the common ``-p``/``-u``; the tools here each have a form of their own:
``sqlcmd -P``, ``zip -P``, ``7z -p``, ``openssl -passout pass:``, ``keytool -storepass``, ``smbclient -U
user%pass``, ``xfreerdp /p:``, ``htpasswd -b``, ``rabbitmqctl add_user``, ``SSHPASS=``, a password echoed
into ``--password-stdin`` or ``sudo -S``, and SQL's ``IDENTIFIED BY '...'`` and ``PASSWORD '...'``. Each rule
needs the command's name on the line, so a flag that means something else elsewhere (``scp -P 2222``) stays.

Query parameters named ``code``, ``ticket`` or ``session`` carry an OAuth authorization code, a CAS ticket or a
session id; they go when the value looks like one (long, letters and digits).
"""

from __future__ import annotations

import base64
import re

from client_actors.scrub._core import COMMAND_START, Redaction, Rule, redact
from client_actors.scrub._judge import judge_value
from client_actors.scrub._names import classify_name, is_placeholder

_VALUE = (
    r"(?:\\\"(?P<esc>[^\"\n\\]{1,256})\\\"|\"(?P<dq>[^\"\n]{1,256})\"|'(?P<sq>[^'\n]{1,256})'"
    r"|(?P<bare>[^\s'\"\\;&|<>][^\s'\"\\;&|]{0,256}))"
)


def _value_span(match: re.Match[str]) -> tuple[int, int] | None:
    group = next((g for g in ("esc", "dq", "sq", "bare") if match.group(g) is not None), None)
    if group is None or is_placeholder(match.group(group)):
        return None
    return match.start(group), match.end(group)


def _line_before(text: str, at: int) -> str:
    """The command's line before ``at``, the lines it continues after a backslash included."""
    floor = max(0, at - 300)
    start = at
    while True:
        escaped = text.rfind("\\n", floor, start)  # (a JSON-escaped line feed: its two characters)
        line_start = max(text.rfind("\n", floor, start) + 1, escaped + 2 if escaped >= 0 else 0, floor)
        if line_start <= floor or not _CONTINUED_BEFORE.search(text, floor, line_start):
            return text[line_start:at]
        start = line_start - 1


# A line a shell continues on the next one, its line break written or JSON-escaped: `\`, then the break.
_CONTINUED_BEFORE = re.compile(r"\\[ \t]*(?:\r?\n|\\\\?\\n)\Z|\\[ \t]*\\\Z")


def command_rule(name: str, pattern: str, trigger: str, command: str | None) -> Rule:
    """A rule whose match's value goes when ``command`` (a regex) is found earlier on its line."""
    compiled = re.compile(pattern)
    needs = re.compile(COMMAND_START + command) if command is not None else None

    def handle(match: re.Match[str]) -> Redaction | None:
        span = _value_span(match)
        if span is None or (
            needs is not None and not needs.search(_line_before(match.string, match.start()))
        ):
            return None
        return redact(span[0], span[1], "password")

    return Rule(name, compiled, handle, trigger)


_P_COMMANDS = r"(?:sqlcmd|bcp|mssql-cli|mosquitto_(?:pub|sub|rr)|zip|unzip|zipcloak|isql|ssh-keygen)\b"
# Tools whose -p takes a password, glued or not (mysql, sshpass and the like are `_cli`'s).
_LOWER_P_COMMANDS = r"(?:az|psexec|PsExec(?:64)?|ncftp\w*|[Pp]s[Ee]xec\.exe)\b"
_SEVEN_ZIP = r"7z[arz]?\b"
_OPENSSL_CIPHER = r"openssl[ \t]+(?:enc|aes|des|bf|camellia|chacha20|aria|sm4|seed|cast|rc[245])[\w-]*\b"
_SQL_USER = re.compile(r"(?i:\b(?:user|role|login)\b)")


# sqlplus user/password@db, rman target user/password@db: the password sits between "/" and "@".
_ORACLE_LOGIN = (
    r"(?:[ \t]+target)?(?:[ \t]+-\w{1,16})*[ \t]+[A-Za-z0-9_$#]{1,30}/(?P<bare>[^\s@/'\"]{1,128})(?=@|\s|$)"
    r"(?P<esc>(?!))?(?P<dq>(?!))?(?P<sq>(?!))?"
)


def _sql_rule(name: str, pattern: str, trigger: str, *, needs_user: bool = True) -> Rule:
    compiled = re.compile(pattern)

    def handle(match: re.Match[str]) -> Redaction | None:
        span = _value_span(match)
        if span is None or (needs_user and not _SQL_USER.search(_line_before(match.string, match.start()))):
            return None
        return redact(span[0], span[1], "password")

    return Rule(name, compiled, handle, trigger)


_SQL_IDENTIFIED = r"[ \t]+(?:(?i:with)[ \t]+\w{1,64}[ \t]+)?(?i:by)(?:[ \t]+(?i:password))?[ \t]+" + _VALUE
_SQL_IDENTIFIED_QUOTED = (
    r"[ \t]+(?:(?i:with)[ \t]+\w{1,64}[ \t]+)?(?i:by)(?:[ \t]+(?i:password))?[ \t]+(?=\\?['\"])" + _VALUE
)
_SQL_PASSWORD = r"[ \t]+(?=['\"])" + _VALUE

# htpasswd -b FILE USER PASSWORD, htpasswd -nb USER PASSWORD (flags may be grouped: -bc, -nbB).
_HTPASSWD = re.compile(
    r"htpasswd(?P<flags>(?:[ \t]+-[A-Za-z]{1,8}|[ \t]+-C[ \t]+[0-9]{1,2})+)[ \t]+"
    r"(?P<args>(?:[^\s-]\S{0,255}[ \t]+){1,2})" + _VALUE
)


def _handle_htpasswd(match: re.Match[str]) -> Redaction | None:
    flags = match.group("flags")
    if "b" not in flags.replace("-C", ""):
        return None
    wanted = 1 if "n" in flags else 2  # -n prints instead of writing a file: no file argument
    if len(match.group("args").split()) != wanted:
        return None
    span = _value_span(match)
    return None if span is None else redact(span[0], span[1], "password")


# A password echoed into a command that reads it from standard input.
_ECHO_STDIN = r"echo[ \t]+(?:-[neE]{1,3}[ \t]+)?" + _VALUE + r"[ \t]*\|[^|\n]{0,200}?"


# A Dockerfile's legacy `ENV NAME value` (no "="), and csh's `setenv NAME value`: the name says what the value is.
_SPACED_ENV = (
    r"[ \t]*(?P<name>[A-Za-z_][A-Za-z0-9_]{0,127})[ \t]+(?!\\?[\"']?[A-Za-z_][A-Za-z0-9_]{0,127}=)" + _VALUE
)


def _handle_spaced_env(match: re.Match[str]) -> Redaction | None:
    text, start = match.string, match.start()
    if not (start == 0 or text[start - 1] in '\n\t "' or text.endswith("\\n", 0, start)):
        return None
    name = match.group("name")
    sense = classify_name(name)
    span = _value_span(match)
    if sense is None or span is None:
        return None
    value = text[span[0] : span[1]]
    quoted = match.group("bare") is None
    if judge_value(value, name, sense, quoted=quoted, env_style=True) == "keep":
        return None
    return redact(span[0], span[1], sense.kind)


# `echo -n 'user:pass' | base64` builds a Basic credential or a Secret's data; `echo ... | base64 -d` reads
# one. Words and sentences (`echo hello | base64`) stay.
_WORDS_ONLY = re.compile(r"[A-Za-z ,.!?]*")


def _handle_echo_base64(match: re.Match[str]) -> Redaction | None:
    span = _value_span(match)
    if span is None:
        return None
    value = match.string[span[0] : span[1]]
    if len(value) < 6 or _WORDS_ONLY.fullmatch(value):
        return None
    if _DECODING.match(match.string, match.end()) and _WORDS_ONLY.fullmatch(_decoded(value).strip()):
        return None  # `echo 'aGVsbG8gd29ybGQK' | base64 -d`: what it decodes to is prose
    return redact(span[0], span[1], "secret")


_DECODING = re.compile(r"[ \t]+(?:-d|-D|--decode)\b")


def _decoded(value: str) -> str:
    """``value`` decoded from base64, or "-" (not prose) when it does not decode to text."""
    try:
        return base64.b64decode(value + "=" * (-len(value) % 4), validate=True).decode("utf-8")
    except ValueError:
        return "-"


# HTTP clients' basic credentials in code: requests' auth=('user', 'pass'), HTTPBasicAuth('user', 'pass'),
# aiohttp's BasicAuth('user', 'pass').
_AUTH_PAIR = (
    r"[ \t]*\\?[\"'][^\"'\\\n]{1,128}\\?[\"'][ \t]*,[ \t]*"
    r"(?:\\\"(?P<esc>[^\"\n\\]{1,256})\\\"|\"(?P<dq>[^\"\n]{1,256})\"|'(?P<sq>[^'\n]{1,256})')"
    r"(?P<bare>(?!))?"
)


_QUERY_PARAMETERS = (
    "code", "ticket", "session", "sessionid", "sid", "SAMLResponse", "jwt", "session_id", "jsessionid",
    "oauth_verifier", "token_hash", "otp", "appid",
)  # fmt: skip


def _query_rule(parameter: str) -> Rule:
    """``?parameter=VALUE`` (or after ``&``, ``#``, ``;`` or an escaped ``&``) when VALUE looks generated."""
    pattern = re.compile(
        re.escape(parameter) + r"=(?:(?<=[?&#;]" + re.escape(parameter) + r"=)|(?<=\\u0026"
        + re.escape(parameter) + r"=))(?P<value>[A-Za-z0-9%+/=_\-.~]{12,4096})"
    )  # fmt: skip

    def handle(match: re.Match[str]) -> Redaction | None:
        value = match.group("value")
        if not (any(c.isdigit() for c in value) and any(c.isalpha() for c in value)):
            return None
        return redact(match.start("value"), match.end("value"), "token")

    return Rule(f"query-{parameter.lower()}", pattern, handle, f"{parameter}=")


def _htpasswd_rule() -> Rule:
    return Rule("htpasswd", _HTPASSWD, _handle_htpasswd, "htpasswd")


# A password and its confirmation printed into a command that sets one (`printf 'pw\npw\n' | vncpasswd`, its quotes
# and escapes JSON-escaped or not): both go, in one redaction.
_PRINTF_PASSWORD = re.compile(
    r"printf[ \t]+(?P<q>\\?['\"])(?P<value>[^'\"\n\\]{4,128})(?:\\{1,2}n|\n)(?P<again>(?P=value))(?:\\{1,2}n|\n)"
    r"[^'\"\n]{0,20}(?P=q)"
    r"[ \t]*\|[^|\n]{0,80}?(?:passwd|password)\b"
)


def _handle_printf_password(match: re.Match[str]) -> Redaction | None:
    if is_placeholder(match.group("value")):
        return None
    return redact(match.start("value"), match.end("again"), "password")


PRINTF_PASSWORD = Rule("printf-password", _PRINTF_PASSWORD, _handle_printf_password, "printf")


SHELL_RULES = (
    command_rule("cli-capital-p", r"-P(?<= -P)(?:[ \t]+|(?=[^\s\-]))" + _VALUE, " -P", _P_COMMANDS),
    command_rule("cli-7z-p", r"-p(?<= -p)(?=[^\s\-])" + _VALUE, " -p", _SEVEN_ZIP),
    command_rule("openssl-pass", r"pass:(?<=[ \t]pass:)" + _VALUE, "pass:", r"openssl\b"),
    # `openssl enc` (or a cipher's own command) takes its passphrase after -k, its raw key in hex after -K.
    *(
        command_rule(f"openssl-{name}", f"-{flag}(?<= -{flag})[ \\t]+" + _VALUE, f" -{flag}", _OPENSSL_CIPHER)
        for name, flag in (("passphrase", "k"), ("raw-key", "K"))
    ),
    command_rule(
        "keystore-pass",
        r"-(?:src|dest|new)?(?:store|key)pass[ \t]+" + _VALUE,
        "pass",
        r"(?:keytool|jarsigner)\b",
    ),
    command_rule(
        "smb-user-password",
        r"-U(?<= -U)(?:[ \t]+|=)?['\"]?[^\s%'\"]{1,128}%" + _VALUE,
        " -U",
        r"(?:smbclient|rpcclient|smbcacls|smbget|net|mount\.cifs)\b",
    ),
    command_rule("rdp-password", r"/p:(?<=[ \t]/p:)" + _VALUE, "/p:", r"\w*freerdp\b"),
    command_rule("sshpass-env", r"SSHPASS=(?<![A-Za-z0-9_]SSHPASS=)" + _VALUE, "SSHPASS=", None),
    command_rule(
        "rabbitmq-password",
        r"rabbitmqctl[ \t]+(?:add_user|change_password)[ \t]+[^\s-]\S{0,255}[ \t]+" + _VALUE,
        "rabbitmqctl",
        None,
    ),
    # A server's own superuser made from its CLI, its address then its password (PocketBase's `superuser upsert`,
    # the older `admin create`), and Mosquitto's `mosquitto_passwd -b FILE USER PASSWORD`.
    command_rule(
        "superuser-create",
        r"superuser[ \t]+(?:upsert|create)[ \t]+[^\s@'\"]{1,64}@[^\s'\"]{1,255}[ \t]+" + _VALUE,
        "superuser",
        None,
    ),
    command_rule(
        "admin-create",
        r"admin[ \t]+create[ \t]+[^\s@'\"]{1,64}@[^\s'\"]{1,255}[ \t]+" + _VALUE,
        "admin",
        r"\S*pocketbase\b",
    ),
    command_rule(
        "mosquitto-passwd",
        r"mosquitto_passwd[ \t]+(?:-[A-Za-z][ \t]+)*-b[ \t]+(?:-[A-Za-z][ \t]+)*"
        r"[^\s-]\S{0,255}[ \t]+[^\s-]\S{0,255}[ \t]+" + _VALUE,
        "mosquitto_passwd",
        None,
    ),
    command_rule("echo-password-stdin", _ECHO_STDIN + r"--password-stdin", "password-stdin", None),
    # AnyDesk reads its unattended-access password from standard input: `echo ... | anydesk --set-password`.
    command_rule("echo-set-password", _ECHO_STDIN + r"--set-pass(?:word)?\b", "--set-pass", None),
    PRINTF_PASSWORD,
    # Redis Sentinel's password for the master it watches: `sentinel auth-pass mymaster PASSWORD`.
    command_rule(
        "sentinel-auth-pass", r"sentinel[ \t]+auth-pass[ \t]+[^\s]{1,128}[ \t]+" + _VALUE, "auth-pass", None
    ),
    Rule("echo-base64", re.compile(_ECHO_STDIN + r"base64\b"), _handle_echo_base64, "base64"),
    command_rule("echo-sudo-stdin", _ECHO_STDIN + r"sudo[ \t]+(?:-\w+[ \t]+)*-S\b", "sudo", None),
    _htpasswd_rule(),
    command_rule("auth-tuple", r"auth[ \t]*[=:][ \t]*\(" + _AUTH_PAIR, "auth", None),
    command_rule("basic-auth-call", r"(?:Basic|Digest|Proxy)Auth\(" + _AUTH_PAIR, "Auth(", None),
    Rule("dockerfile-env", re.compile("ENV " + _SPACED_ENV), _handle_spaced_env, "ENV "),
    Rule("csh-setenv", re.compile("setenv " + _SPACED_ENV), _handle_spaced_env, "setenv "),
    _sql_rule("sql-identified-by", "IDENTIFIED" + _SQL_IDENTIFIED, "IDENTIFIED", needs_user=False),
    # In lower case "identified by" is prose too: the statement must name a user and quote the password.
    _sql_rule("sql-identified-by-lower", "identified" + _SQL_IDENTIFIED_QUOTED, "identified"),
    _sql_rule("sql-password", "PASSWORD" + _SQL_PASSWORD, "PASSWORD"),
    _sql_rule("sql-password-function", r"PASSWORD\([ \t]*(?=['\"])" + _VALUE, "PASSWORD(", needs_user=False),
    # A value that starts with "-": glued to mysql's -p (whose value is optional), or after the -p, -a or
    # --password of a tool whose option always takes one (getopt hands it over whatever it starts with).
    command_rule(
        "cli-p-dash-glued",
        r"-p(?<= -p)(?P<bare>-[^\s'\"\\;&|]{1,256})(?P<esc>(?!))?(?P<dq>(?!))?(?P<sq>(?!))?",
        " -p",
        r"(?:mysql\w*|mariadb[\w-]*)\b",
    ),
    *(
        command_rule(
            f"cli-{flag}-dash-spaced",
            f"-{flag}(?<= -{flag}) (?P<bare>-[^\\s'\"\\\\;&|]{{1,256}})(?P<esc>(?!))?(?P<dq>(?!))?(?P<sq>(?!))?",
            f" -{flag} -",
            r"(?:sshpass|redis-cli|mongo(?:sh|dump|restore|import|export)?|(?:docker|podman|nerdctl|helm|oras)\b.*\blogin)\b",
        )
        for flag in "pa"
    ),
    command_rule("cli-lower-p", r"-p(?<= -p)[ \t]*" + _VALUE, " -p", _LOWER_P_COMMANDS),
    command_rule("rar-p", r"-h?p(?:(?<=[ \t]-p)|(?<=[ \t]-hp))(?=[^\s\-])" + _VALUE, "rar", r"(?:un)?rar\b"),
    command_rule("ssh-keygen-n", r"-N(?<= -N)[ \t]+" + _VALUE, " -N", r"ssh-keygen\b"),
    command_rule(
        "single-dash-password",
        r"-(?<=[ \t]-)(?:[a-z]{1,16}[-_])?(?:password|passwd|passphrase)(?:=|[ \t]+)" + _VALUE,
        "pass",
        None,
    ),
    command_rule(
        "curl-grouped-u", r"-(?<=[ \t]-)[A-Za-z]{1,8}u[ \t]+[^\s:'\"]{1,128}:" + _VALUE, "curl", r"curl\b"
    ),
    command_rule(
        "here-string-password",
        r"(?:--with-token|--password-stdin|--stdin|-S|chpasswd)[^\n|]{0,100}?<<<[ \t]*" + _VALUE,
        "<<<",
        None,
    ),
    command_rule("echo-passwd-stdin", _ECHO_STDIN + r"(?:passwd[ \t]+--stdin|chpasswd)\b", "passwd", None),
    # RACF's TSO commands give a user's password in brackets (`ALTUSER PAYBAT8 PASSWORD(VY3LHQLG) NOEXPIRED`), or its
    # passphrase quoted (`PHRASE('...')`).
    command_rule(
        "racf-password",
        r"(?:PASSWORD|PHRASE)\((?P<bare>[^)'\s]{1,100})\)(?P<esc>(?!))?(?P<dq>(?!))?|PHRASE\('(?P<sq>[^'\n]{1,100})'\)",
        "(",
        r"(?:ALTUSER|ADDUSER|ALU|AU)\b",
    ),
    command_rule("openssl-passwd", r"openssl[ \t]+passwd(?:[ \t]+-\w{1,16})*[ \t]+" + _VALUE, "passwd", None),
    *(
        command_rule(f"oracle-connect-{command}", rf"{command}{_ORACLE_LOGIN}", command, None)
        for command in ("sqlplus", "rman")
    ),
    command_rule("net-use", r"/user:\S{1,128}[ \t]+(?!/)" + _VALUE, "/user:", r"net[ \t]+use\b"),
    # Windows' signtool: `signtool sign /f cert.pfx /p <the certificate's password>`
    command_rule("signtool-password", r"/p(?<=[ \t]/p)[ \t]+" + _VALUE, " /p ", r"signtool(?:\.exe)?\b"),
    command_rule("lftp-user", r"-u(?<= -u)[ \t]+[^\s,]{1,128}," + _VALUE, " -u", r"lftp\b"),
    command_rule(
        "nmcli-password",
        # (not a field asked for by name: `-g 802-11-wireless-security.psk connection show` prints it)
        r"nmcli[^\n]{0,200}?[ \t](?<!-g[ \t])(?<!-f[ \t])(?<!--fields[ \t])(?<!--get-values[ \t])"
        r"(?:password|wifi-sec\.psk|802-11-wireless-security\.psk)[ \t]+" + _VALUE,
        "nmcli",
        None,
    ),
    command_rule(
        "wpa-passphrase",
        r"wpa_passphrase[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\S+)[ \t]+" + _VALUE,
        "wpa_passphrase",
        None,
    ),
    *(_query_rule(parameter) for parameter in _QUERY_PARAMETERS),
)
