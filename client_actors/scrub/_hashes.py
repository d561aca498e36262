"""Password hashes in the formats systems store them: `/etc/shadow`, `.htpasswd`, a users table, a fixture.

A hash is not the password, but whoever holds it can try passwords against it offline, at the speed of their
hardware; weak passwords fall. Each format is recognised by its own prefix and field layout, which ordinary
text does not have, so they go whatever names them: crypt(3)'s MD5 (`$1$`, Apache's `$apr1$`), bcrypt
(`$2b$12$`), SHA-256 and SHA-512 crypt (`$5$`, `$6$`, with rounds), yescrypt (`$y$`), Argon2 in its PHC string
(`$argon2id$v=19$m=...,t=...,p=...$salt$hash`), Django's PBKDF2 (`pbkdf2_sha256$iterations$salt$hash`), scrypt
(`$7$`) and network equipment's: Cisco's type 8 and 9 (`enable secret 9 $9$<salt>$<hash>`).

Network equipment also stores passwords it can give back: Cisco's type 7 (`password 7 0822455D0A16`) and Junos's
`$9$` strings undo with a published table, so each is the password itself and goes as one.
"""

from __future__ import annotations

import re

from client_actors.scrub._core import Redaction, Rule, redact
from client_actors.scrub._judge import LINE_LEAD

_CRYPT = r"[./A-Za-z0-9]"
_HASH = re.compile(
    r"(?:(?<![\w$])|(?<=\\[nt]))(?:"  # (a JSON-escaped line break or tab before it too)
    rf"\$(?:1|apr1)\${_CRYPT}{{1,8}}\${_CRYPT}{{22}}"
    rf"|\$2[abxy]\$[0-9]{{2}}\${_CRYPT}{{53}}"
    rf"|\$[56]\$(?:rounds=[0-9]{{1,9}}\$)?{_CRYPT}{{1,16}}\$(?:{_CRYPT}{{86}}|{_CRYPT}{{43}})"
    rf"|\$y\${_CRYPT}{{1,16}}\${_CRYPT}{{1,64}}\${_CRYPT}{{43}}"
    # (salt and hash in base64, or in base64url as some libraries write them)
    r"|\$argon2(?:id|i|d)\$v=[0-9]{1,3}\$m=[0-9]{1,10},t=[0-9]{1,5},p=[0-9]{1,3}"
    r"\$[A-Za-z0-9+/_\-]{8,88}\$[A-Za-z0-9+/_\-]{16,172}"
    r"|pbkdf2_sha(?:1|256|512)\$[0-9]{1,8}\$[A-Za-z0-9]{1,64}\$[A-Za-z0-9+/]{27,88}={0,2}"
    # (scrypt's parameters are its first 11 characters, then its salt; Cisco's types 8 and 9 a 14-character salt)
    rf"|\$7\${_CRYPT}{{12,75}}\${_CRYPT}{{43}}"
    rf"|\$[89]\${_CRYPT}{{14}}\${_CRYPT}{{43}}"
    r")(?![./A-Za-z0-9+=])"
)


# A cracker's find after the hash it cracked, as hashcat's `--show` and its potfile print one (`HASH:PASSWORD`, the hash
# starting its line): the password goes with the hash.
# (not a shadow file's numeric fields after its hash: `user:$6$...:19481:0:99999:7:::`)
_CRACKED = re.compile(r":(?![0-9]*:)[^\s:\\][^\n\\]{0,255}?(?=[ \t]*(?:\r?\n|\\[rn]|$))")


def _handle(match: re.Match[str]) -> Redaction | None:
    text, start, end = match.string, match.start(), match.end()
    cracked = _CRACKED.match(text, end)
    if cracked is not None:
        floor = max(0, start - 120)
        escaped = text.rfind("\\n", floor, start)
        line_start = max(text.rfind("\n", floor, start) + 1, escaped + 2 if escaped >= 0 else 0)
        if LINE_LEAD.fullmatch(text, line_start, start):
            end = cracked.end()
    return redact(start, end, "credential")


PASSWORD_HASH = Rule("password-hash", _HASH, _handle)
HASH_LITERALS = (
    "$1$", "$apr1$", "$2a$", "$2b$", "$2x$", "$2y$", "$5$", "$6$", "$y$", "$argon2", "pbkdf2_sha", "$7$", "$8$",
    "$9$",
)  # fmt: skip

# Cisco's type 7 after the word that takes it (a user's or a line's password, a TACACS+ or RADIUS server's key, a
# key chain's key-string, OSPF's md5 key, a WLAN's ascii PSK): two decimal digits (an offset into the table, 0 to
# 15), then the bytes in hex. Junos's `$9$` strings: one character of salt and the rest from its own table, which
# has no "$" (a Cisco type 9 hash has, and is a hash).
_REVERSIBLE = re.compile(
    r"(?:(?<![\w\-])(?:password|key|key-string|md5|ascii)[ \t]+7[ \t]+"
    r"(?P<type7>(?:0[0-9]|1[0-5])(?:[0-9A-Fa-f]{2}){2,80})"
    r"|(?<![\w$])(?P<junos>\$9\$[./A-Za-z0-9\-]{6,400}))(?![\w$./\-])"
)


def _handle_reversible(match: re.Match[str]) -> Redaction | None:
    group = "type7" if match.group("type7") is not None else "junos"
    return redact(match.start(group), match.end(group), "password")


REVERSIBLE_PASSWORD = Rule("reversible-password", _REVERSIBLE, _handle_reversible)
REVERSIBLE_LITERALS = ("password 7 ", "key 7 ", "key-string 7 ", "md5 7 ", "ascii 7 ", "$9$")
