"""How far the catalog holds each log, and what lies past: what recovery, replay and check ask of it.

Every commit advances, per segment file, the byte offset up to which the catalog holds what the file says
(`log_ends`); start-up replays what lies past it, and names what a file cut short lost.
"""

from __future__ import annotations

import sqlite3

from groove_actors.store.segments import RecordRef


def advance_log_end(conn: sqlite3.Connection, log: str, segment: str, end: int) -> None:
    """Record that `segment` of `log` ("envelopes" or "trajectories") is committed up to byte `end`."""
    conn.execute(
        "INSERT INTO log_ends (log, segment, end_offset) VALUES (?, ?, ?)"
        " ON CONFLICT (log, segment) DO UPDATE SET end_offset = MAX(end_offset, excluded.end_offset)",
        (log, segment, end),
    )


def log_ends(conn: sqlite3.Connection, log: str) -> dict[str, int]:
    """Per segment file of `log`: the byte offset up to which the catalog holds what the file says."""
    rows = conn.execute("SELECT segment, end_offset FROM log_ends WHERE log = ?", (log,))
    return {str(segment): int(end) for segment, end in rows}


def envelopes_from(conn: sqlite3.Connection, segment: str, offset: int) -> list[tuple[str, int]]:
    """(session_id, sequence) of the envelopes indexed in `segment` at or past byte `offset`."""
    rows = conn.execute(
        "SELECT session_id, sequence FROM envelopes WHERE segment = ? AND offset + length >= ?"
        " ORDER BY offset",
        (segment, offset),
    )
    return [(str(sid), int(seq)) for sid, seq in rows]


def credits_from(conn: sqlite3.Connection, segment: str, offset: int) -> list[str]:
    """Sessions whose credited trajectory lies in `segment` at or past byte `offset`."""
    rows = conn.execute(
        "SELECT session_id FROM credits WHERE trajectory_segment = ? AND trajectory_offset + trajectory_length"
        " >= ? ORDER BY trajectory_offset",
        (segment, offset),
    )
    return [str(row[0]) for row in rows]


def indexed_at(conn: sqlite3.Connection, session_id: str, sequence: int) -> RecordRef | None:
    """Where an indexed envelope is stored, or None if it is not indexed."""
    row = conn.execute(
        "SELECT segment, offset, length FROM envelopes WHERE session_id = ? AND sequence = ?",
        (session_id, sequence),
    ).fetchone()
    return None if row is None else RecordRef(str(row[0]), int(row[1]), int(row[2]))
