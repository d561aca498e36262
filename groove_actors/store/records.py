"""What the envelope log holds besides envelopes: every other change to the catalog, as a control record.

The envelope log (the `envelopes/` segment files) is the store's record of truth: the catalog can be rebuilt
from it (store/replay.py). Envelopes are stored as received, one per line; everything else the catalog
learns is written as a control record in the same append, before the transaction that applies it:

    #commit {"at": 1796300000.123}                 opens each append: the time envelopes are stored at
    #open {"session_id": ..., "provider": ..., ...} a session opened (its secret is in the key file)
    #close_requested {"session_id": ..., "at": ...}
    #close {"session_id": ..., "at": ..., "reason": ..., "status": ...}   closed by the server, not by envelope
    #seal {"day": ..., "root": ..., "credits": ..., "sealed_at": ...}     a ledger day sealed
    #quarantine {"session_id": ..., "sequence": ..., "status": ..., "reason": ...}
                                                    the envelope on the next line was refused, and kept aside
    #secrets_dropped {"closed_before": ...}         secrets of sessions closed before then were dropped
    #requeued {"session_id": ..., "sequence": ...}  a refused envelope was taken after all (`requeue`)

A control record starts with `#`, which no JSON text does, so no envelope a client sends can pass for one.
Credits are in the trajectory log: each stitched trajectory carries the credit it was paid (`credit`).
Pure: encoding and decoding only.
"""

from __future__ import annotations

from typing import Any

import attrs
import orjson

from groove_actors.store.catalog import NewSession

MARK = b"#"


@attrs.frozen
class CommitRecord:
    at: float


@attrs.frozen
class CloseRequestRecord:
    session_id: str
    at: float


@attrs.frozen
class CloseRecord:
    session_id: str
    at: float
    reason: str
    status: str | None


@attrs.frozen
class SealRecord:
    day: str
    root: str
    credits: int
    sealed_at: float


@attrs.frozen
class QuarantineRecord:
    """The envelope on the next line is authentic and used its sequence, but was refused for what it holds."""

    session_id: str
    sequence: int
    status: int
    reason: str


@attrs.frozen
class SecretsDropped:
    closed_before: float


@attrs.frozen
class RequeuedRecord:
    session_id: str
    sequence: int


@attrs.frozen
class OpenRecord:
    """A session's open, without its secret (the key file holds that, and only while the session is open)."""

    session_id: str
    client_public_key: str
    provider: str
    model: str
    machine_fingerprint: str
    app_version_hash: str
    groove_version: str
    created_at: float

    @classmethod
    def of(cls, new: NewSession) -> OpenRecord:
        fields = attrs.asdict(new)
        del fields["secret"]
        return cls(**fields)

    def with_secret(self, secret: bytes) -> NewSession:
        return NewSession(secret=secret, **attrs.asdict(self))


ControlRecord = (
    CommitRecord
    | OpenRecord
    | CloseRequestRecord
    | CloseRecord
    | SealRecord
    | QuarantineRecord
    | SecretsDropped
    | RequeuedRecord
)

_NAMES: dict[type[Any], bytes] = {
    CommitRecord: b"commit",
    OpenRecord: b"open",
    CloseRequestRecord: b"close_requested",
    CloseRecord: b"close",
    SealRecord: b"seal",
    QuarantineRecord: b"quarantine",
    SecretsDropped: b"secrets_dropped",
    RequeuedRecord: b"requeued",
}
_TYPES = {name: kind for kind, name in _NAMES.items()}


class BadRecord(ValueError):
    """A line that starts as a control record but is not one this version writes."""


def encode(record: ControlRecord) -> bytes:
    """One line (without its newline) of the envelope log."""
    return MARK + _NAMES[type(record)] + b" " + orjson.dumps(attrs.asdict(record))


def is_control(line: bytes) -> bool:
    return line.startswith(MARK)


def decode(line: bytes) -> ControlRecord:
    """The control record on a line that `is_control`; raises BadRecord if it is damaged or unknown."""
    name, _, payload = line[1:].partition(b" ")
    kind = _TYPES.get(name)
    if kind is None:
        raise BadRecord(f"unknown control record {name[:40]!r}")
    try:
        fields = orjson.loads(payload)
        return kind(**fields)  # type: ignore[no-any-return]
    except (orjson.JSONDecodeError, TypeError) as exc:
        raise BadRecord(f"damaged {name.decode(errors='replace')} record: {exc}") from None
