"""The PostgreSQL store's tables, created and upgraded by the server itself: versioned migrations in code.

Each migration runs in its own transaction and is recorded in `schema_version`; a session-level advisory lock
is held around the whole run, so two processes starting at once apply each migration once (the second waits,
then finds nothing left to do). Never edit a migration that has shipped: add the next one.

The tables follow the embedded catalog (store/schema.py), with what several processes need besides:
- `envelopes` is the index and the claim: its primary key (session_id, sequence) is what makes a sequence
  taken once, whichever process stores it. The bytes (compressed by the server since version 5, given back
  exact) are in `envelope_bodies`, partitioned by UTC day, so that old days can be detached and moved out
  whole (README "PostgreSQL store").
- sessions keep their secret (the embedded store's key file) and the bytes their data takes (`stored_bytes`).
- `pending_credits` is claimed with a lease (claimed_by, claimed_until) by the process that credits it.
- `totals` also counts what the stats need in O(1): contributors, active sessions, stored envelope bytes.
- the counters (`totals`, `daily`, `breakdown`) are kept in up to COUNTER_SLOTS rows per key (version 2), summed
  when read, so that processes committing at once do not queue on one row.
- the columns a batch's envelopes update in `sessions` are in no index (version 3), so those updates are HOT.
- bodies are not compressed by the database (version 4): that cost it more CPU than the bytes; since
  version 5 our process compresses them (store/postgres/bodies.py) and `encoding` says how each is kept.
- credits keep the stitched trajectory (the embedded store's trajectory log).
"""

from __future__ import annotations

import psycopg
from psycopg import sql
from psycopg.rows import TupleRow

# Any 64-bit number of our own, the same in every process: the lock that serialises migrations.
MIGRATION_LOCK = 0x67726F6F7665_01

MIGRATIONS: tuple[tuple[int, str], ...] = (
    (
        1,
        """
CREATE TABLE sessions (
    session_id TEXT PRIMARY KEY,
    secret BYTEA NOT NULL,
    client_public_key TEXT NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    machine_fingerprint TEXT NOT NULL,
    app_version_hash TEXT NOT NULL,
    groove_version TEXT NOT NULL,
    next_sequence BIGINT NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'open',
    created_at DOUBLE PRECISION NOT NULL,
    last_activity_at DOUBLE PRECISION NOT NULL,
    close_requested_at DOUBLE PRECISION,
    closed_at DOUBLE PRECISION,
    close_reason TEXT,
    close_status TEXT,
    contributor_id TEXT,
    data_provider TEXT,
    data_model TEXT,
    accepted BIGINT NOT NULL DEFAULT 0,
    stored_bytes BIGINT NOT NULL DEFAULT 0,
    feedback_signal TEXT,
    feedback_at DOUBLE PRECISION
);
CREATE INDEX sessions_by_fingerprint ON sessions (machine_fingerprint, created_at);
CREATE INDEX sessions_open_by_close ON sessions (close_requested_at) WHERE status = 'open';
CREATE INDEX sessions_open_by_activity ON sessions (last_activity_at) WHERE status = 'open';
CREATE INDEX sessions_closed_with_secret ON sessions (closed_at) WHERE status = 'closed' AND secret <> '';

CREATE TABLE envelopes (
    session_id TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    envelope_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    day DATE NOT NULL,
    length BIGINT NOT NULL,
    hmac TEXT NOT NULL,
    steps BIGINT NOT NULL,
    stored_at DOUBLE PRECISION NOT NULL,
    refusal_status INTEGER,
    refusal_reason TEXT,
    PRIMARY KEY (session_id, sequence)
);

CREATE TABLE envelope_bodies (
    day DATE NOT NULL,
    session_id TEXT NOT NULL,
    sequence BIGINT NOT NULL,
    body BYTEA NOT NULL,
    PRIMARY KEY (session_id, sequence, day)
) PARTITION BY RANGE (day);

CREATE TABLE pending_credits (
    session_id TEXT PRIMARY KEY,
    queued_at DOUBLE PRECISION NOT NULL,
    claimed_by TEXT,
    claimed_until DOUBLE PRECISION
);

CREATE TABLE credits (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 0,
    contributor_id TEXT NOT NULL,
    points DOUBLE PRECISION NOT NULL,
    base_points DOUBLE PRECISION NOT NULL,
    breakdown TEXT NOT NULL,
    policy_version TEXT NOT NULL,
    quality DOUBLE PRECISION NOT NULL,
    model TEXT NOT NULL,
    provider TEXT NOT NULL,
    steps BIGINT NOT NULL,
    day TEXT NOT NULL,
    created_at DOUBLE PRECISION NOT NULL,
    trajectory BYTEA NOT NULL,
    UNIQUE (session_id, revision)
);
CREATE INDEX credits_by_day ON credits (day, id);

CREATE TABLE ledger_roots (
    day TEXT PRIMARY KEY,
    root TEXT NOT NULL,
    credits BIGINT NOT NULL,
    sealed_at DOUBLE PRECISION NOT NULL
);

CREATE TABLE balances (
    contributor_id TEXT PRIMARY KEY,
    total_points DOUBLE PRECISION NOT NULL,
    total_sessions BIGINT NOT NULL,
    last_credit_at DOUBLE PRECISION NOT NULL,
    trust_score DOUBLE PRECISION NOT NULL
);
CREATE INDEX balances_by_points ON balances (total_points DESC, contributor_id);

CREATE TABLE contributors (contributor_id TEXT PRIMARY KEY);

CREATE TABLE totals (name TEXT PRIMARY KEY, value DOUBLE PRECISION NOT NULL);

CREATE TABLE daily (
    day TEXT PRIMARY KEY,
    envelopes BIGINT NOT NULL DEFAULT 0,
    steps BIGINT NOT NULL DEFAULT 0,
    sessions BIGINT NOT NULL DEFAULT 0,
    points DOUBLE PRECISION NOT NULL DEFAULT 0
);

CREATE TABLE breakdown (
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    sessions BIGINT NOT NULL DEFAULT 0,
    steps BIGINT NOT NULL DEFAULT 0,
    points DOUBLE PRECISION NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, name)
);

CREATE TABLE coordination (
    coordination_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    step BIGINT NOT NULL,
    agent_id TEXT,
    direction TEXT,
    PRIMARY KEY (coordination_id, session_id, step)
);

CREATE TABLE coordination_links (
    session_id TEXT NOT NULL,
    step BIGINT NOT NULL,
    coordination_id TEXT NOT NULL,
    partner_session TEXT NOT NULL,
    partner_agent TEXT,
    partner_step BIGINT NOT NULL,
    PRIMARY KEY (session_id, step, partner_session, partner_step)
);

CREATE TABLE rotation_claims (
    session_id TEXT PRIMARY KEY,
    predecessor_session TEXT NOT NULL,
    contributor_id TEXT NOT NULL
);
CREATE INDEX rotation_claims_by_contributor ON rotation_claims (contributor_id);
""",
    ),
    (
        2,
        # The counters are spread over slots: a batch adds to the rows of one slot, picked at random per batch,
        # and reads sum a key's slots. Two processes committing at once then seldom wait for each other's
        # counter rows (which a batch holds until its COMMIT is flushed). The rows there were become slot 0.
        """
ALTER TABLE totals ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE totals DROP CONSTRAINT totals_pkey, ADD PRIMARY KEY (name, slot);
ALTER TABLE daily ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE daily DROP CONSTRAINT daily_pkey, ADD PRIMARY KEY (day, slot);
ALTER TABLE breakdown ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE breakdown DROP CONSTRAINT breakdown_pkey, ADD PRIMARY KEY (kind, name, slot);
""",
    ),
    (
        3,
        # Every batch updates each of its sessions (sequence, counts, last activity). While `last_activity_at`
        # was indexed, each such update wrote a new entry in every index of `sessions` (four per session a
        # batch touches; about a tenth of the database's CPU per 37 KB envelope). With no indexed column
        # changed the update is HOT (the new version on the same page, no index entry), and fillfactor leaves
        # room on each page for it. The idle sweep (every few seconds at most) reads the open sessions through
        # `sessions_open_by_close`, whose predicate is the same, and filters them on their last activity.
        """
DROP INDEX sessions_open_by_activity;
ALTER TABLE sessions SET (fillfactor = 80);
""",
    ),
    (
        4,
        # Bodies are no longer compressed (STORAGE EXTERNAL: still kept out of line, in TOAST's chunks). lz4 on
        # every body cost the database about a quarter of its CPU for writing it, more than writing twice the
        # bytes (table and WAL) costs it (bench/RESULTS.md, "PostgreSQL store"); bodies are written once and
        # read about once. The setting reaches every day's partition, those made later too. Bodies stored
        # before keep their compression (a rewrite of every body is not worth it): reading either is the same.
        """
ALTER TABLE envelope_bodies ALTER COLUMN body SET STORAGE EXTERNAL;
""",
    ),
    (
        5,
        # Bodies are compressed in our process (store/postgres/bodies.py), and each row says how its body is
        # kept: 0 as received (every body stored before, and the small ones), 1 zstd. Adding a column with a
        # constant default rewrites no row.
        """
ALTER TABLE envelope_bodies ADD COLUMN encoding SMALLINT NOT NULL DEFAULT 0;
""",
    ),
)
# How many slots each counter is spread over (schema version 2): the most rows a read sums per key.
COUNTER_SLOTS = 16

SCHEMA_VERSION = MIGRATIONS[-1][0]


class SchemaTooNew(RuntimeError):
    """The database was upgraded by a newer version of the server than this one."""


def migrate(conn: psycopg.Connection[TupleRow]) -> list[int]:
    """Apply the migrations the database lacks, each in its own transaction; returns the versions applied.

    `conn` must be in autocommit mode (the advisory lock is the session's, held across the transactions).
    """
    conn.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version"
            " (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        )
        row = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()
        current = int(row[0]) if row else 0
        if current > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"the database's schema is version {current}, newer than this server's {SCHEMA_VERSION}:"
                " run the newer server, or a database of this version"
            )
        applied = []
        for version, ddl in MIGRATIONS:
            if version <= current:
                continue
            with conn.transaction():
                conn.execute(ddl.encode())  # our own constant text, several statements, no parameters
                conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (version,))
            applied.append(version)
        return applied
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))


def schema_version(conn: psycopg.Connection[TupleRow]) -> int:
    row = conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def ensure_day(conn: psycopg.Connection[TupleRow], day: str) -> None:
    """Create the partition of envelope bodies for one UTC day (YYYY-MM-DD) if it is missing.

    Under a transaction-level advisory lock, so two processes crossing midnight together create it once.
    """
    name = "envelope_bodies_" + day.replace("-", "")
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK + 1,))
        conn.execute(
            sql.SQL(
                "CREATE TABLE IF NOT EXISTS {} PARTITION OF envelope_bodies"
                " FOR VALUES FROM ({}) TO (({}::date + 1))"
            ).format(sql.Identifier(name), sql.Literal(day), sql.Literal(day))
        )
