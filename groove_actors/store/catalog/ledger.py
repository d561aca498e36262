"""The ledger: credits (and their adjustments), the queue of sessions to credit, balances, sealed days.

A credit is written once per session and revision; its day's Merkle tree is built from the credits in the
order they were written (`day_leaves`), and its head kept once the day is sealed (server/notary.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

import attrs

from groove_actors.protocol import jsjson
from groove_actors.store.catalog import aggregates
from groove_actors.store.segments import RecordRef


@attrs.frozen
class CreditRecord:
    session_id: str
    contributor_id: str
    points: float
    base_points: float
    breakdown_json: str
    policy_version: str
    quality: float
    model: str
    provider: str
    steps: int
    created_at: float
    day: str
    trust_delta: float
    revision: int = 0  # 0: the session's credit; later: an adjustment by the difference a re-scoring made


def credit_exists(conn: sqlite3.Connection, session_id: str, revision: int = 0) -> bool:
    row = conn.execute(
        "SELECT 1 FROM credits WHERE session_id = ? AND revision = ?", (session_id, revision)
    ).fetchone()
    return row is not None


def record_credit(conn: sqlite3.Connection, credit: CreditRecord, trajectory: RecordRef | None) -> bool:
    """Credit a session (or adjust its credit) once, ever, per revision; clears its pending mark either way.

    False if that revision was written before. An adjustment (revision > 0) moves points, never the counts
    of sessions or credits.
    """
    conn.execute("DELETE FROM pending_credits WHERE session_id = ?", (credit.session_id,))
    cursor = conn.execute(
        "INSERT OR IGNORE INTO credits (session_id, revision, contributor_id, points, base_points, breakdown,"
        " policy_version, quality, model, provider, steps, day, created_at, trajectory_segment,"
        " trajectory_offset, trajectory_length) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (credit.session_id, credit.revision, credit.contributor_id, credit.points, credit.base_points,
         credit.breakdown_json, credit.policy_version, credit.quality, credit.model, credit.provider,
         credit.steps, credit.day, credit.created_at, trajectory.segment if trajectory else None,
         trajectory.offset if trajectory else None, trajectory.length if trajectory else None),
    )  # fmt: skip
    if cursor.rowcount == 0:
        return False
    first = credit.revision == 0
    if credit.contributor_id:  # a session that never sent a chunk has no contributor to pay
        _add_balance(conn, credit, sessions=int(first))
    aggregates.add_daily(conn, credit.day, sessions=int(first), points=credit.points)
    aggregates.add_totals(conn, points=credit.points, credits=int(first))
    aggregates.add_breakdown(conn, "provider", credit.provider, points=credit.points)
    aggregates.add_breakdown(conn, "model", credit.model, points=credit.points)
    return True


Credited = tuple[int, float, float, int]  # revisions written, points, base points and steps credited so far


NOT_CREDITED: Credited = (0, 0.0, 0.0, 0)


def session_credits(conn: sqlite3.Connection, session_id: str) -> Credited:
    """What a session was credited so far, over every revision (NOT_CREDITED if never)."""
    row = conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(points), 0), COALESCE(SUM(base_points), 0), COALESCE(SUM(steps), 0)"
        " FROM credits WHERE session_id = ?",
        (session_id,),
    ).fetchone()
    return int(row[0]), float(row[1]), float(row[2]), int(row[3])


def _add_balance(conn: sqlite3.Connection, credit: CreditRecord, *, sessions: int) -> None:
    conn.execute(
        "INSERT INTO balances VALUES (?, ?, ?, ?, MAX(0, MIN(10, 1.0 + ?)))"
        " ON CONFLICT (contributor_id) DO UPDATE SET total_points = total_points + excluded.total_points,"
        " total_sessions = total_sessions + excluded.total_sessions, last_credit_at = excluded.last_credit_at,"
        " trust_score = MAX(0, MIN(10, trust_score + ?))",
        (
            credit.contributor_id,
            credit.points,
            sessions,
            credit.created_at,
            credit.trust_delta,
            credit.trust_delta,
        ),
    )


def pending_sessions(conn: sqlite3.Connection) -> list[str]:
    return [row[0] for row in conn.execute("SELECT session_id FROM pending_credits ORDER BY queued_at")]


def recent_credits(conn: sqlite3.Connection, limit: int) -> list[dict[str, object]]:
    """The latest credits, newest first (what the dashboard shows of them: server/queries.py)."""
    rows = conn.execute(
        "SELECT session_id, contributor_id, points, steps, model, provider, quality, policy_version, created_at"
        " FROM credits ORDER BY id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    keys = ("session_id", "contributor_id", "points", "steps", "model", "provider", "quality", "policy_version",
            "created_at")  # fmt: skip
    return [dict(zip(keys, row, strict=True)) for row in rows]


def leaderboard(conn: sqlite3.Connection, limit: int) -> list[tuple[str, float, int]]:
    return [
        (row[0], row[1], row[2])
        for row in conn.execute(
            "SELECT contributor_id, total_points, total_sessions FROM balances"
            " ORDER BY total_points DESC, contributor_id LIMIT ?",
            (limit,),
        )
    ]


# The ledger's daily Merkle trees: a leaf is a credit, as JSON.stringify would print these members of it, and
# `revision` after them for an adjustment (revision > 0).
LEAF_FIELDS = ("session_id", "contributor_id", "points", "base_points", "policy_version", "day", "created_at")


_LEAF_COLUMNS = ", ".join((*LEAF_FIELDS, "revision"))


def ledger_leaf(row: Sequence[Any]) -> bytes:
    """The bytes a credit contributes to its day's tree (a JavaScript client can rebuild them).

    `row` holds the LEAF_FIELDS and then the revision.
    """
    leaf = dict(zip(LEAF_FIELDS, row[: len(LEAF_FIELDS)], strict=True))
    if row[len(LEAF_FIELDS)]:
        leaf["revision"] = row[len(LEAF_FIELDS)]
    return jsjson.stringify_bytes(leaf)


def day_leaves(conn: sqlite3.Connection, day: str) -> list[bytes]:
    """The leaves of one day's tree: its credits in the order they were written."""
    rows = conn.execute(f"SELECT {_LEAF_COLUMNS} FROM credits WHERE day = ? ORDER BY id", (day,))
    return [ledger_leaf(row) for row in rows]


def days_to_seal(conn: sqlite3.Connection, before_day: str) -> list[str]:
    """Days before `before_day` that have credits and no tree head yet, oldest first."""
    rows = conn.execute(
        "SELECT DISTINCT day FROM credits WHERE day < ? AND day NOT IN (SELECT day FROM ledger_roots)"
        " ORDER BY day",
        (before_day,),
    )
    return [str(row[0]) for row in rows]


def record_root(conn: sqlite3.Connection, day: str, root_hex: str, credits: int, sealed_at: float) -> bool:
    """Keep a day's tree head; False if the day was sealed before (the first head stands)."""
    cursor = conn.execute(
        "INSERT OR IGNORE INTO ledger_roots (day, root, credits, sealed_at) VALUES (?, ?, ?, ?)",
        (day, root_hex, credits, sealed_at),
    )
    return cursor.rowcount == 1


def ledger_roots(conn: sqlite3.Connection, limit: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT day, root, credits, sealed_at FROM ledger_roots ORDER BY day DESC LIMIT ?", (limit,)
    )
    return [{"day": r[0], "root": r[1], "credits": r[2], "sealed_at": r[3]} for r in rows]


def credit_leaf(
    conn: sqlite3.Connection, session_id: str, revision: int = 0
) -> tuple[str, int, bytes] | None:
    """A session's credit (or adjustment) as a leaf: (day, index within the day, leaf bytes), or None."""
    row = conn.execute(
        f"SELECT id, {_LEAF_COLUMNS} FROM credits WHERE session_id = ? AND revision = ?",
        (session_id, revision),
    ).fetchone()
    if row is None:
        return None
    day = str(row[1 + LEAF_FIELDS.index("day")])
    (index,) = conn.execute("SELECT COUNT(*) FROM credits WHERE day = ? AND id < ?", (day, row[0])).fetchone()
    return day, int(index), ledger_leaf(row[1:])


def ledger_root(conn: sqlite3.Connection, day: str) -> tuple[str, int] | None:
    row = conn.execute("SELECT root, credits FROM ledger_roots WHERE day = ?", (day,)).fetchone()
    return None if row is None else (str(row[0]), int(row[1]))
