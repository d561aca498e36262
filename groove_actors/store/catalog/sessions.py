"""The sessions table: opening, the close deadlines, closing (which queues a session for crediting), secrets.

A session's secret is kept while it is open and through its feedback window, then dropped (`drop_secrets`);
the key file holds exactly the secrets the catalog still does (`live_secrets`).
"""

from __future__ import annotations

import sqlite3

import attrs


@attrs.frozen
class NewSession:
    session_id: str
    secret: bytes
    client_public_key: str
    provider: str
    model: str
    machine_fingerprint: str
    app_version_hash: str
    groove_version: str
    created_at: float


@attrs.frozen
class SessionState:
    """What a verifier needs to judge envelopes of one session (`secret` is empty once its feedback window ended)."""

    session_id: str
    secret: bytes
    next_sequence: int
    status: str
    close_requested_at: float | None
    last_activity_at: float
    stored_bytes: int = 0  # what the session's stored envelopes take


def insert_session(conn: sqlite3.Connection, new: NewSession) -> None:
    conn.execute(
        "INSERT INTO sessions (session_id, secret, client_public_key, provider, model, machine_fingerprint,"
        " app_version_hash, groove_version, created_at, last_activity_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            new.session_id,
            new.secret,
            new.client_public_key,
            new.provider,
            new.model,
            new.machine_fingerprint,
            new.app_version_hash,
            new.groove_version,
            new.created_at,
            new.created_at,
        ),
    )


def session_exists(conn: sqlite3.Connection, session_id: str) -> bool:
    row = conn.execute("SELECT 1 FROM sessions WHERE session_id = ?", (session_id,)).fetchone()
    return row is not None


def opens_since(conn: sqlite3.Connection, fingerprint: str, since: float) -> int:
    row = conn.execute(
        "SELECT COUNT(*) FROM sessions WHERE machine_fingerprint = ? AND created_at > ?", (fingerprint, since)
    ).fetchone()
    return int(row[0])


def load_session(conn: sqlite3.Connection, session_id: str) -> SessionState | None:
    row = conn.execute(
        "SELECT secret, next_sequence, status, close_requested_at, last_activity_at,"
        " (SELECT COALESCE(SUM(length), 0) FROM envelopes WHERE session_id = ?)"
        " FROM sessions WHERE session_id = ?",
        (session_id, session_id),
    ).fetchone()
    if row is None:
        return None
    return SessionState(session_id, bytes(row[0]), row[1], row[2], row[3], row[4], row[5])


def close_session(
    conn: sqlite3.Connection, session_id: str, *, now: float, reason: str, status: str | None
) -> bool:
    """Close an open session and queue it for crediting; False if it was already closed.

    Its secret is kept for the feedback window (`drop_secrets`): USER_FEEDBACK follows the SESSION_CLOSE.
    """
    cursor = conn.execute(
        "UPDATE sessions SET status = 'closed', closed_at = ?, close_reason = ?, close_status = ?"
        " WHERE session_id = ? AND status = 'open'",
        (now, reason, status, session_id),
    )
    if cursor.rowcount == 0:
        return False
    conn.execute("INSERT OR IGNORE INTO pending_credits VALUES (?, ?)", (session_id, now))
    return True


def drop_secrets(conn: sqlite3.Connection, *, closed_before: float) -> int:
    """Drop the secrets of sessions closed before `closed_before`: they take no envelope any more."""
    cursor = conn.execute(
        "UPDATE sessions SET secret = X'' WHERE status = 'closed' AND closed_at < ? AND secret != X''",
        (closed_before,),
    )
    return cursor.rowcount


def secrets_to_drop(conn: sqlite3.Connection, closed_before: float) -> bool:
    """Whether a session closed before `closed_before` still holds its secret."""
    row = conn.execute(
        "SELECT 1 FROM sessions WHERE status = 'closed' AND closed_at < ? AND secret != X'' LIMIT 1",
        (closed_before,),
    ).fetchone()
    return row is not None


def request_close(conn: sqlite3.Connection, session_id: str, *, now: float) -> None:
    conn.execute(
        "UPDATE sessions SET close_requested_at = COALESCE(close_requested_at, ?)"
        " WHERE session_id = ? AND status = 'open'",
        (now, session_id),
    )


def sessions_due(
    conn: sqlite3.Connection, *, close_before: float, idle_before: float
) -> list[tuple[str, str]]:
    """Open sessions whose close grace period or idle timeout has run out: (session_id, "grace" | "idle")."""
    grace = conn.execute(
        "SELECT session_id FROM sessions WHERE status = 'open' AND close_requested_at <= ?", (close_before,)
    ).fetchall()
    idle = conn.execute(
        "SELECT session_id FROM sessions WHERE status = 'open' AND last_activity_at <= ?", (idle_before,)
    ).fetchall()
    due = {row[0]: "grace" for row in grace}
    for row in idle:
        due.setdefault(row[0], "idle")
    return sorted(due.items())


def session_close_info(conn: sqlite3.Connection, session_id: str) -> tuple[str | None, str | None, str, str]:
    """(close_reason, close_status, provider, model) of a session, for the stitcher."""
    row = conn.execute(
        "SELECT close_reason, close_status, COALESCE(data_provider, provider), COALESCE(data_model, model)"
        " FROM sessions WHERE session_id = ?",
        (session_id,),
    ).fetchone()
    return row[0], row[1], row[2], row[3]


def session_contributor(conn: sqlite3.Connection, session_id: str) -> str | None:
    """The contributor a session's data names; None for an unknown session or one without data."""
    row = conn.execute("SELECT contributor_id FROM sessions WHERE session_id = ?", (session_id,)).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def open_secrets(conn: sqlite3.Connection) -> dict[str, bytes]:
    """The secrets of the open sessions (empty where a rebuild found none)."""
    rows = conn.execute("SELECT session_id, secret FROM sessions WHERE status = 'open'")
    return {str(sid): bytes(secret) for sid, secret in rows}


def live_secrets(conn: sqlite3.Connection) -> dict[str, bytes]:
    """The secrets the catalog still holds (open sessions, and closed ones in their feedback window): what
    the key file must hold."""
    rows = conn.execute("SELECT session_id, secret FROM sessions WHERE secret != X''")
    return {str(sid): bytes(secret) for sid, secret in rows}
