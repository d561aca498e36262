"""Password hashes in the formats systems store them: `/etc/shadow`, `.htpasswd`, a users table, a fixture.

A hash is not the password, but whoever holds it can try passwords against it offline, at the speed of their
hardware; weak passwords fall. Each format is recognised by its own prefix and field layout, which ordinary
text does not have, so they go whatever names them: crypt(3)'s MD5 (`$1$`, Apache's `$apr1$`), bcrypt
(`$2b$12$`), SHA-256 and SHA-512 crypt (`$5$`, `$6$`, with rounds), yescrypt (`$y$`), Argon2 in its PHC string
(`$argon2id$v=19$m=...,t=...,p=...$salt$hash`) and Django's PBKDF2 (`pbkdf2_sha256$iterations$salt$hash`).
"""

from __future__ import annotations

import re

from client_actors.scrub._core import Redaction, Rule, redact

_CRYPT = r"[./A-Za-z0-9]"
_HASH = re.compile(
    r"(?<![\w$])(?:"
    rf"\$(?:1|apr1)\${_CRYPT}{{1,8}}\${_CRYPT}{{22}}"
    rf"|\$2[abxy]\$[0-9]{{2}}\${_CRYPT}{{53}}"
    rf"|\$[56]\$(?:rounds=[0-9]{{1,9}}\$)?{_CRYPT}{{1,16}}\$(?:{_CRYPT}{{86}}|{_CRYPT}{{43}})"
    rf"|\$y\${_CRYPT}{{1,16}}\${_CRYPT}{{1,64}}\${_CRYPT}{{43}}"
    # (salt and hash in base64, or in base64url as some libraries write them)
    r"|\$argon2(?:id|i|d)\$v=[0-9]{1,3}\$m=[0-9]{1,10},t=[0-9]{1,5},p=[0-9]{1,3}"
    r"\$[A-Za-z0-9+/_\-]{8,88}\$[A-Za-z0-9+/_\-]{16,172}"
    r"|pbkdf2_sha(?:1|256|512)\$[0-9]{1,8}\$[A-Za-z0-9]{1,64}\$[A-Za-z0-9+/]{27,88}={0,2}"
    r")(?![./A-Za-z0-9+=])"
)


def _handle(match: re.Match[str]) -> Redaction | None:
    return redact(match.start(), match.end(), "credential")


PASSWORD_HASH = Rule("password-hash", _HASH, _handle)
HASH_LITERALS = (
    "$1$", "$apr1$", "$2a$", "$2b$", "$2x$", "$2y$", "$5$", "$6$", "$y$", "$argon2", "pbkdf2_sha",
)  # fmt: skip
