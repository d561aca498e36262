"""The embedded catalog's tables (SQLite, WAL, synchronous=FULL): sessions, envelope index, ledger, stats.

One database file holds all of it, so that storing a SESSION_CLOSE and marking the session "to credit" is one
transaction, and crediting and clearing that mark is another (SQLite does not make a transaction across
attached WAL databases atomic). Aggregates for the stats endpoints are kept in small tables updated in the
same transactions, so reading them never scans envelopes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA_VERSION = 3

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- A session's secret is emptied (X'') when it closes: from then on it takes no envelopes (store/keys.py).
CREATE TABLE IF NOT EXISTS sessions (
    session_id TEXT PRIMARY KEY,
    secret BLOB NOT NULL,
    client_public_key TEXT NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    machine_fingerprint TEXT NOT NULL,
    app_version_hash TEXT NOT NULL,
    groove_version TEXT NOT NULL,
    next_sequence INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'open',
    created_at REAL NOT NULL,
    last_activity_at REAL NOT NULL,
    close_requested_at REAL,
    closed_at REAL,
    close_reason TEXT,
    close_status TEXT,
    contributor_id TEXT,
    data_provider TEXT,
    data_model TEXT,
    accepted INTEGER NOT NULL DEFAULT 0,  -- envelopes that count (chunks, SESSION_CLOSE): the first counts it
    feedback_signal TEXT,                 -- the latest USER_FEEDBACK signal, and when it came
    feedback_at REAL
);
CREATE INDEX IF NOT EXISTS sessions_by_fingerprint ON sessions (machine_fingerprint, created_at);
CREATE INDEX IF NOT EXISTS sessions_open_by_close ON sessions (close_requested_at) WHERE status = 'open';
CREATE INDEX IF NOT EXISTS sessions_open_by_activity ON sessions (last_activity_at) WHERE status = 'open';

CREATE TABLE IF NOT EXISTS envelopes (
    session_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    envelope_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    segment TEXT NOT NULL,
    offset INTEGER NOT NULL,
    length INTEGER NOT NULL,
    hmac TEXT NOT NULL,
    steps INTEGER NOT NULL,
    stored_at REAL NOT NULL,
    refusal_status INTEGER,  -- set for an envelope kept aside: authentic, in its turn, refused for its content
    refusal_reason TEXT,
    PRIMARY KEY (session_id, sequence)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS envelopes_by_segment ON envelopes (segment, offset);

CREATE TABLE IF NOT EXISTS pending_credits (
    session_id TEXT PRIMARY KEY,
    queued_at REAL NOT NULL
);

-- A session's credit is revision 0; `groove-central requeue` bringing an envelope in later adds a revision
-- worth the difference its re-scoring makes (an adjustment): the ledger is only ever appended to.
CREATE TABLE IF NOT EXISTS credits (
    id INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 0,
    contributor_id TEXT NOT NULL,
    points REAL NOT NULL,
    base_points REAL NOT NULL,
    breakdown TEXT NOT NULL,
    policy_version TEXT NOT NULL,
    quality REAL NOT NULL,
    model TEXT NOT NULL,
    provider TEXT NOT NULL,
    steps INTEGER NOT NULL,
    day TEXT NOT NULL,
    created_at REAL NOT NULL,
    trajectory_segment TEXT,
    trajectory_offset INTEGER,
    trajectory_length INTEGER,
    UNIQUE (session_id, revision)
);
CREATE INDEX IF NOT EXISTS credits_by_trajectory ON credits (trajectory_segment, trajectory_offset);
CREATE INDEX IF NOT EXISTS credits_by_day ON credits (day, id);

-- The Merkle tree head of each finished UTC day's credits (groove_actors/protocol/merkle.py), once, ever.
CREATE TABLE IF NOT EXISTS ledger_roots (
    day TEXT PRIMARY KEY,
    root TEXT NOT NULL,
    credits INTEGER NOT NULL,
    sealed_at REAL NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS balances (
    contributor_id TEXT PRIMARY KEY,
    total_points REAL NOT NULL,
    total_sessions INTEGER NOT NULL,
    last_credit_at REAL NOT NULL,
    trust_score REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS balances_by_points ON balances (total_points DESC);

CREATE TABLE IF NOT EXISTS contributors (contributor_id TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS totals (name TEXT PRIMARY KEY, value REAL NOT NULL) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS daily (
    day TEXT PRIMARY KEY,
    envelopes INTEGER NOT NULL DEFAULT 0,
    steps INTEGER NOT NULL DEFAULT 0,
    sessions INTEGER NOT NULL DEFAULT 0,
    points REAL NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS breakdown (
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    sessions INTEGER NOT NULL DEFAULT 0,
    steps INTEGER NOT NULL DEFAULT 0,
    points REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, name)
) WITHOUT ROWID;

-- How far the catalog holds what each log file says: every commit advances the files it appended to.
-- Start-up compares these with the files (store/recovery.py): a file shorter than its end lost
-- acknowledged records; records past the end are replayed into the catalog (store/replay.py).
CREATE TABLE IF NOT EXISTS log_ends (
    log TEXT NOT NULL,
    segment TEXT NOT NULL,
    end_offset INTEGER NOT NULL,
    PRIMARY KEY (log, segment)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS coordination (
    coordination_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    step INTEGER NOT NULL,
    agent_id TEXT,
    direction TEXT,
    PRIMARY KEY (coordination_id, session_id, step)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS coordination_links (
    session_id TEXT NOT NULL,
    step INTEGER NOT NULL,
    coordination_id TEXT NOT NULL,
    partner_session TEXT NOT NULL,
    partner_agent TEXT,
    partner_step INTEGER NOT NULL,
    PRIMARY KEY (session_id, step, partner_session, partner_step)
) WITHOUT ROWID;

-- Context rotation: the session each credited session says it continues (its chunks' predecessor_session_id),
-- written with its credit like coordination steps; which claims hold is decided when read (server/rotation.py).
CREATE TABLE IF NOT EXISTS rotation_claims (
    session_id TEXT PRIMARY KEY,
    predecessor_session TEXT NOT NULL,
    contributor_id TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS rotation_claims_by_contributor ON rotation_claims (contributor_id);
"""


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the catalog with the durability settings every connection must share.

    The connection may be used from worker threads, one at a time (its owner serialises calls).
    """
    if not path.exists() and not readonly:
        path.touch(mode=0o600)
    uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=30)
    conn.execute("PRAGMA busy_timeout = 30000")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.executescript(DDL)
        _upgrade(conn)
        conn.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (str(SCHEMA_VERSION),),
        )
    return conn


def _upgrade(conn: sqlite3.Connection) -> None:
    """Bring an older catalog to this version (the tables it lacks were created by DDL)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None or int(row[0]) >= SCHEMA_VERSION:
        return
    version = int(row[0])
    # Version 2 added log_ends: an older catalog gets it empty, and recovery's replay from the start of the
    # logs skips every record the catalog already holds.
    # Version 3 keeps refused envelopes (refusal_*), counts sessions by their first counted envelope
    # (accepted) and notes USER_FEEDBACK (feedback_*).
    for table, column, declaration in _ADDED_COLUMNS:
        present = {info[1] for info in conn.execute(f"PRAGMA table_info({table})")}
        if column not in present:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")
    if version < 3:
        conn.execute(
            "UPDATE sessions SET accepted = (SELECT COUNT(*) FROM envelopes WHERE envelopes.session_id"
            " = sessions.session_id AND refusal_status IS NULL AND kind != 'feedback')"
        )
    if "revision" not in {info[1] for info in conn.execute("PRAGMA table_info(credits)")}:
        _add_credit_revisions(conn)


def _add_credit_revisions(conn: sqlite3.Connection) -> None:
    """Rebuild the credits table with a revision (0 for every credit so far), keeping ids and order."""
    columns = ", ".join(info[1] for info in conn.execute("PRAGMA table_info(credits)"))
    create = DDL[DDL.index("CREATE TABLE IF NOT EXISTS credits") :]
    create = create[: create.index(");") + 2].replace("IF NOT EXISTS credits", "credits_new")
    conn.executescript(
        f"BEGIN; {create} INSERT INTO credits_new ({columns}) SELECT {columns} FROM credits;"
        " DROP TABLE credits; ALTER TABLE credits_new RENAME TO credits;"
        " CREATE INDEX credits_by_trajectory ON credits (trajectory_segment, trajectory_offset);"
        " CREATE INDEX credits_by_day ON credits (day, id); COMMIT;"
    )


_ADDED_COLUMNS = (
    ("sessions", "accepted", "INTEGER NOT NULL DEFAULT 0"),
    ("sessions", "feedback_signal", "TEXT"),
    ("sessions", "feedback_at", "REAL"),
    ("envelopes", "refusal_status", "INTEGER"),
    ("envelopes", "refusal_reason", "TEXT"),
)
