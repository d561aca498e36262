"""Where the PostgreSQL store is: the `--store postgresql://USER@HOST:PORT/DB` URL, and how it is shown.

A password may be in the URL (better: in ~/.pgpass or PGPASSWORD, which libpq reads); it is never shown:
logs and errors name the user, host, port and database only.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import attrs

SCHEMES = ("postgresql", "postgres")


@attrs.frozen
class StoreUrl:
    conninfo: str = attrs.field(repr=False)

    @classmethod
    def parse(cls, text: str) -> StoreUrl:
        """The URL, or ValueError saying what is wrong with it (without repeating a password)."""
        parts = urlsplit(text)
        if parts.scheme not in SCHEMES:
            raise ValueError("expected a postgresql://USER@HOST:PORT/DB URL")
        _ = parts.port  # a port that is not a number, or out of range, raises ValueError
        if not parts.path.strip("/"):
            raise ValueError("the URL names no database: postgresql://USER@HOST:PORT/DB")
        return cls(text)

    @property
    def shown(self) -> str:
        """The URL without its password or query, for logs and errors."""
        parts = urlsplit(self.conninfo)
        user = f"{parts.username}@" if parts.username else ""
        port = f":{parts.port}" if parts.port else ""
        return f"{parts.scheme}://{user}{parts.hostname or ''}{port}{parts.path}"


def is_store_url(text: str) -> bool:
    return urlsplit(text).scheme in SCHEMES
