"""What a sender does with each server answer, purely (PROTOCOL.md section 2, "answers").

Transient trouble (network errors, 5xx, 429/503) is retried with exponential backoff and jitter, honouring
Retry-After; a duplicate ack is success; a permanent 4xx refusal is quarantined (kept, reported) so the rest of
the session can go on; a server that no longer knows the session gets it re-opened under a fresh id, and a
session the server holds as full is closed there and continued under a fresh id.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import attrs

BACKOFF_BASE_S = 0.5
BACKOFF_CAP_S = 300.0
MIN_WAIT_S = 1.0  # a server asking for `Retry-After: 0` gets a second, not a hot loop
ORIGINAL_SCHEMA_REFUSAL = "schema validation failed"  # the original server's reason, after it used the number
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "ip6-localhost"})


@attrs.frozen
class Acked:
    duplicate: bool = False


@attrs.frozen
class RetryLater:
    after_s: float | None  # None: the sender's own backoff decides
    reason: str


@attrs.frozen
class Quarantine:
    reason: str
    consumed: bool = (
        False  # the server used the envelope's sequence number: the session goes on with the next
    )


@attrs.frozen
class Reopen:
    reason: str


@attrs.frozen
class SessionClosed:
    reason: str
    consumed: bool = False


@attrs.frozen
class SessionFull:
    reason: str


Decision = Acked | RetryLater | Quarantine | Reopen | SessionClosed | SessionFull


def retry_after(headers: Mapping[str, str]) -> float | None:
    value = headers.get("retry-after")
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


def judge_ingest_answer(status: int, body: Any, headers: Mapping[str, str]) -> Decision:
    """What to do after an answer to an envelope.

    A refusal that used the envelope's sequence number (this server says `quarantined: true`; the original
    server used it for a schema refusal, which it answered 200 `accepted: false`) makes the session go on with
    the next number: the server will never take that one again.
    """
    reason = str((body.get("reason") if isinstance(body, dict) else None) or f"HTTP {status}")
    if status == 200 and isinstance(body, dict) and body.get("accepted") is True:
        return Acked(duplicate=bool(body.get("duplicate")))
    if 200 <= status < 300 and isinstance(body, dict) and body.get("accepted") is False and "reason" in body:
        return Quarantine(f"HTTP {status}: {reason}", consumed=reason.startswith(ORIGINAL_SCHEMA_REFUSAL))
    if 200 <= status < 300:
        # Not an answer of this protocol (HTML, nothing, other JSON): a broken or foreign server, not a refusal.
        return RetryLater(None, f"HTTP {status} without accepted: true; is this URL a Central Command?")
    if status in (408, 429, 503) or status >= 500:
        return RetryLater(retry_after(headers), reason)
    if status == 404:
        return Reopen(reason)
    consumed = isinstance(body, dict) and body.get("quarantined") is True
    if status == 409 and reason.startswith("session is closed"):
        return SessionClosed(reason, consumed)
    if status == 413 and reason.startswith("session is full"):
        return SessionFull(reason)
    if status == 507:
        return RetryLater(retry_after(headers) or BACKOFF_CAP_S, reason)
    return Quarantine(f"HTTP {status}: {reason}", consumed)


def judge_open_answer(status: int, body: Any, headers: Mapping[str, str]) -> Decision:
    """Opening: 200 carries the server key; 409 means the id is taken (re-open under a new id)."""
    reason = str((body.get("error") if isinstance(body, dict) else None) or f"HTTP {status}")
    if status == 200 and isinstance(body, dict) and isinstance(body.get("server_public_key"), str):
        return Acked()
    if 200 <= status < 300:
        return RetryLater(None, f"HTTP {status} without a server_public_key; is this URL a Central Command?")
    if status in (429, 503) or status >= 500:
        return RetryLater(retry_after(headers), reason)
    if status == 409:
        return Reopen(reason)
    return Quarantine(f"HTTP {status}: {reason}")


def same_server(a: str, b: str) -> bool:
    """Whether two URLs name the same server (scheme, host, port, path; loopback names are one host)."""
    return _server_key(a) == _server_key(b)


def _server_key(url: str) -> tuple[str, str, int | None, str]:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    try:
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme.lower())
    except ValueError:
        port = None
    return parts.scheme.lower(), "loopback" if host in LOOPBACK_NAMES else host, port, parts.path.rstrip("/")


def backoff_s(attempt: int, rng: random.Random) -> float:
    """Exponential backoff with full jitter between half and one and a half times the step, capped."""
    step: float = min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2.0**attempt)
    return step * rng.uniform(0.5, 1.5)
