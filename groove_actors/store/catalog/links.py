"""Coordination links and rotation claims: how a session relates to others, kept when it is credited.

The coordination tables pair the steps of agents that share a coordination id (both sides are linked when
the second of a pair registers); rotation claims record which session a credited one says it continues.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


def record_coordination(
    conn: sqlite3.Connection,
    session_id: str,
    agent_id: str | None,
    steps: Iterable[tuple[str, int, str | None]],
) -> None:
    """Register a session's coordination steps and link them, on both sides, to partners sharing an id."""
    steps = list(steps)
    for coordination_id, step, direction in steps:
        conn.execute(
            "INSERT OR IGNORE INTO coordination VALUES (?, ?, ?, ?, ?)",
            (coordination_id, session_id, step, agent_id, direction),
        )
    for coordination_id, step, partner_session, partner_agent, partner_step in coordination_partners(
        conn, steps, session_id
    ):
        conn.executemany(
            "INSERT OR IGNORE INTO coordination_links VALUES (?, ?, ?, ?, ?, ?)",
            [
                (session_id, step, coordination_id, partner_session, partner_agent, partner_step),
                (partner_session, partner_step, coordination_id, session_id, agent_id, step),
            ],
        )


def coordination_partners(
    conn: sqlite3.Connection, steps: Iterable[tuple[str, int, str | None]], session_id: str
) -> list[tuple[str, int, str, str | None, int]]:
    """Partners already registered for a session's coordination steps: (coordination_id, own step,
    partner session, partner agent, partner step)."""
    links = []
    for coordination_id, step, _ in steps:
        for partner_session, partner_step, partner_agent in conn.execute(
            "SELECT session_id, step, agent_id FROM coordination"
            " WHERE coordination_id = ? AND session_id != ?",
            (coordination_id, session_id),
        ):
            links.append((coordination_id, step, partner_session, partner_agent, partner_step))
    return links


def coordination_links(
    conn: sqlite3.Connection, session_id: str
) -> list[tuple[int, str, str, str | None, int]]:
    """(own step, coordination_id, partner session, partner agent, partner step) of one session."""
    return [
        (row[0], row[1], row[2], row[3], row[4])
        for row in conn.execute(
            "SELECT step, coordination_id, partner_session, partner_agent, partner_step"
            " FROM coordination_links WHERE session_id = ? ORDER BY step, partner_session",
            (session_id,),
        )
    ]


def coordination_pairs(conn: sqlite3.Connection) -> list[tuple[str, int, str, str, str | None, int]]:
    """Every link of the catalog, both directions: (session, own step, coordination_id, partner session,
    partner agent, partner step), for the export's complete pairs."""
    return [
        (row[0], row[1], row[2], row[3], row[4], row[5])
        for row in conn.execute(
            "SELECT session_id, step, coordination_id, partner_session, partner_agent, partner_step"
            " FROM coordination_links ORDER BY session_id, step, partner_session"
        )
    ]


def record_rotation(
    conn: sqlite3.Connection, session_id: str, contributor_id: str, predecessor: str | None
) -> None:
    """Keep a credited session's claim to continue `predecessor` (context rotation); the latest credit's
    claim stands. Whether it holds is decided when it is read (server/rotation.py), so the order in which the
    sessions of a chain are credited does not matter."""
    if predecessor is None or not contributor_id:
        return
    conn.execute(
        "INSERT INTO rotation_claims VALUES (?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET"
        " predecessor_session = excluded.predecessor_session, contributor_id = excluded.contributor_id",
        (session_id, predecessor, contributor_id),
    )


RotationClaim = tuple[str, str, str, float, bool, str | None]


def rotation_claims(conn: sqlite3.Connection, contributor_id: str | None = None) -> list[RotationClaim]:
    """(session, claimed predecessor, its contributor, when it opened, whether the predecessor is known, the
    predecessor's contributor or None) of every claim, or of one contributor's. A catalog from before
    rotation claims, opened read-only, has none."""
    where, args = ("WHERE r.contributor_id = ?", (contributor_id,)) if contributor_id else ("", ())
    try:
        rows = conn.execute(
            "SELECT r.session_id, r.predecessor_session, r.contributor_id, COALESCE(s.created_at, 0),"
            " p.session_id IS NOT NULL, p.contributor_id FROM rotation_claims r"
            " LEFT JOIN sessions s ON s.session_id = r.session_id"
            f" LEFT JOIN sessions p ON p.session_id = r.predecessor_session {where}"
            " ORDER BY r.session_id",
            args,
        ).fetchall()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return []
        raise
    return [
        (str(a), str(b), str(c), float(d), bool(e), None if f is None else str(f))
        for a, b, c, d, e, f in rows
    ]
