"""Clients that send until the server is killed, and what they know was acknowledged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import attrs
import httpx
import orjson

from groove_actors.store.segments import as_record
from tests.support.client import ingest
from tests.support.envelopes import ClientSession


@attrs.define
class Tracked:
    """A client session and what the server acknowledged of it."""

    client: ClientSession
    acked: dict[int, bytes] = attrs.Factory(dict)
    unacked: bytes | None = None
    closed: bool = False


@attrs.define
class Run:
    sessions: list[Tracked] = attrs.Factory(list)
    acks: int = 0


async def send_until_killed(http: httpx.AsyncClient, tracked: Tracked, run: Run, *, steps: int = 10) -> None:
    """Send chunks one at a time until the server dies; remember the one in flight."""
    while True:
        body = tracked.unacked or tracked.client.chunk_body(steps)
        tracked.unacked = body
        try:
            response = await ingest(http, body)
        except httpx.TransportError:
            return
        assert response.status_code == 200, response.text
        tracked.acked[int(orjson.loads(body)["attestation"]["sequence"])] = body
        tracked.unacked = None
        run.acks += 1


def assert_acked_are_stored(data_dir: Path, run: Run) -> None:
    """Every acknowledged envelope is indexed under its sequence and stored byte for byte."""
    with sqlite3.connect(data_dir / "central.sqlite3") as conn:
        for tracked in run.sessions:
            for sequence, body in tracked.acked.items():
                row = conn.execute(
                    "SELECT segment, offset, length FROM envelopes WHERE session_id = ? AND sequence = ?",
                    (tracked.client.session_id, sequence),
                ).fetchone()
                assert row is not None, (tracked.client.session_id, sequence)
                with open(data_dir / "envelopes" / row[0], "rb") as handle:
                    handle.seek(row[1])
                    assert handle.read(row[2]) == as_record(body)
