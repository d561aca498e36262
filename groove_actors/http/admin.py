"""The admin token: read from its file at start and again on SIGHUP, compared in constant time.

The token can be rotated without a restart (README "Rotating the admin token"): the routes hold an
`AdminToken`, and the supervisor replaces its value when the file is read again.
"""

from __future__ import annotations

import hmac
from pathlib import Path

import attrs

from groove_actors.errors import ConfigError

MIN_TOKEN_CHARS = 16


def read_token_file(path: Path) -> str:
    """The token in `path`, stripped; ConfigError saying why when it cannot be read or is too short."""
    try:
        token = path.read_text("utf-8").strip()
    except OSError as exc:
        raise ConfigError(f"cannot read admin token file {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"admin token file {path} is not UTF-8 text") from exc
    if len(token) < MIN_TOKEN_CHARS:
        raise ConfigError(f"admin token in {path} is shorter than {MIN_TOKEN_CHARS} characters")
    return token


@attrs.define(eq=False)
class AdminToken:
    """The token the admin routes accept now (None: they are off); `value` is replaced on SIGHUP."""

    value: str | None = None

    def admits(self, authorization: str | None) -> bool:
        """Whether an Authorization header carries the token (Bearer scheme)."""
        if not self.value:
            return False
        scheme, _, given = (authorization or "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), self.value.encode())
