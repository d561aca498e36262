"""The PostgreSQL store: the embedded store's contract (EmbeddedStore.commit) on a database several processes share.

`commit` applies a batch of operations as one group commit: one transaction, so one WAL flush serves every
envelope in it, and the statements are per kind of change (all rows in one parameter), not per envelope. What a
single process decides in memory with the embedded store is decided here by the database, so that any process
can take any envelope of any session:
- a sequence is taken once: `envelopes` has the key (session_id, sequence); an envelope whose sequence another
  process stored first is a duplicate if it carries the same HMAC (the same signed bytes), else refused with
  409, as a verifier refuses a used sequence;
- the sessions a batch touches are locked (FOR UPDATE, in session order) before anything is decided for them;
- counters (`totals`, `daily`, `breakdown`) are updated in the same transaction, in key order, in one of
  COUNTER_SLOTS rows per key picked per batch, so stats read O(1) rows (summed) and agree across processes;
- a credit is written once per (session, revision), a day sealed once (unique keys; a loser gets False).
  A credit waits at most `credit_lock_wait_s` for the locks it takes (an operator's on `credits`, another
  process's on a balance): then its batch is refused as the database being busy, nothing of it is in, and the
  pipeline computes it again later, so that it is written with the day it is written in, never into a day
  the notary sealed meanwhile, and holds no connection for as long as a lock is held. (The server commits
  credits apart from ingest, server/supervisor.py: so no acknowledgement waits on a credit.)
Rows are always locked in one order (sessions, then counters by key), and a batch that still meets a
deadlock or serialization failure is run again whole: nothing of it was committed.

When the database fails, nothing is acknowledged that is not committed, and the server goes on:
- it cannot take work now (connection lost or refused, administrator shutdown, out of disk or memory, a
  read-only standby, a lock or statement timeout): `StoreDown`, nothing of the batch is in; the writer
  answers 503 with Retry-After, and the pool replaces the broken connections by itself;
- the connection was lost while COMMIT was under way: the batch may be in or not. `CommitUnknown` carries
  the transaction's id, and `committed` asks the database (pg_xact_status) once it answers again: the
  outcomes stand if it committed, else the writer answers 503;
- something in the batch is refused (a constraint, a value): a bug, not an outage. The batch is tried again
  one operation at a time, so only the one at fault fails (500, logged), and the rest are committed.

Resource handling: owns the connection pool (psycopg_pool); `commit` blocks, call it from a worker thread.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
import os
import random
import socket
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

import attrs
import orjson
import psycopg
from psycopg import errors
from psycopg.rows import TupleRow
from psycopg_pool import ConnectionPool, PoolTimeout

from groove_actors import logs
from groove_actors.protocol.limits import known_model
from groove_actors.store.catalog import CreditRecord, EnvelopeEffects, EnvelopeRecord, NewSession
from groove_actors.store.contract import STORED_BEFORE, CommitUnknown, StoreDown
from groove_actors.store.embedded import (
    QUOTA_EXHAUSTED,
    CloseSession,
    Credit,
    Done,
    DropSecrets,
    OpenSession,
    Operation,
    Outcome,
    Refused,
    RequestClose,
    Requeue,
    SealDay,
    StoreEnvelope,
)
from groove_actors.store.postgres import bodies
from groove_actors.store.postgres.schema import COUNTER_SLOTS, ensure_day, migrate
from groove_actors.store.postgres.url import StoreUrl
from groove_actors.store.segments import utc_day

Conn = psycopg.Connection[TupleRow]
Statement = tuple[str, tuple[Any, ...]]  # a query and its parameters
RETRIES = 5
# The room an open needs under the quota: about its row, as the embedded store counts its open record.
OPEN_BYTES = 512
SESSION_CLOSED = Refused(409, "session is closed; open a new session to send more envelopes")
POOL_SIZE = 8
CONNECT_TIMEOUT_S = 10.0
# A caller waits this long for a pooled connection, then is told the database is away (503), rather than
# holding its client until the database is back. The pool has room for every actor at once when it is up.
CONNECTION_WAIT_S = 3.0
# The pool stops retrying a connection after this long (its attempts back off), and the next caller makes it
# start again at once: so a database back after a long outage is found within seconds, not minutes.
RECONNECT_GIVE_UP_S = 10.0
DOWN_RETRY_AFTER_S = 2.0
# How long a credit waits for a lock before its batch is refused (the module's docstring says why): far more
# than another credit holds one, far less than the notary waits before sealing a day (SEAL_AFTER_S), and short
# enough that a stop does not wait on it past the unit's stop timeout (deploy/groove-central.service).
CREDIT_LOCK_WAIT_S = 10.0
DISK_FULL_RETRY_AFTER_S = 60.0
FAILED_OPERATION = Refused(500, "the store could not take this operation; the server logged why")
# The statements every batch runs, by name: (parameter types, statement). Each pooled connection prepares them
# once (`_configure`) and a batch runs them with EXECUTE (`_execute`), several to a query, so the database parses
# and plans none of them again per batch. Their rows come as one JSON parameter each (`_json_rows`).
PREPARED: dict[str, tuple[str, str]] = {
    # The stored bytes as committed (the quota's base) and the transaction's id (asked after a lost COMMIT).
    "groove_head": (
        "",
        "SELECT (SELECT SUM(value) FROM totals WHERE name = 'stored_bytes'), pg_current_xact_id()::text",
    ),
    # The sessions a batch stores to, locked in session order (the one lock order), with what storing needs.
    "groove_lock": (
        "json",
        "SELECT session_id, status, accepted, contributor_id, provider, model, data_provider, data_model"
        " FROM sessions WHERE session_id = ANY(ARRAY(SELECT json_array_elements_text($1)))"
        " ORDER BY session_id FOR UPDATE",
    ),
    # The claim of each sequence: an index row, unless the sequence is taken; says which it claimed.
    "groove_claim": (
        "date, float8, json",
        "INSERT INTO envelopes (session_id, sequence, envelope_id, kind, day, length, hmac, steps, stored_at,"
        " refusal_status, refusal_reason) SELECT s, q, e, k, $1, l, h, n, $2, rs, rr FROM json_to_recordset($3)"
        " AS t(s text, q bigint, e text, k text, l bigint, h text, n bigint, rs int, rr text)"
        " ON CONFLICT (session_id, sequence) DO NOTHING RETURNING session_id, sequence",
    ),
    # What a batch's envelopes change in their sessions (q < 0: the session's sequence did not advance).
    "groove_sessions": (
        "float8, json",
        "UPDATE sessions SET next_sequence = GREATEST(next_sequence, t.q + 1),"
        " last_activity_at = CASE WHEN t.q >= 0 THEN $1 ELSE last_activity_at END,"
        " accepted = accepted + t.a, stored_bytes = sessions.stored_bytes + t.b,"
        " contributor_id = t.c, data_provider = t.p, data_model = t.m"
        " FROM json_to_recordset($2) AS t(s text, q bigint, a bigint, b bigint, c text, p text, m text)"
        " WHERE session_id = t.s",
    ),
    # The counters: a batch's counts added to the rows of one slot, in key order.
    "groove_totals": (
        "smallint, json",
        "INSERT INTO totals (name, slot, value) SELECT n, $1, v FROM json_to_recordset($2) AS t(n text, v float8)"
        " ON CONFLICT (name, slot) DO UPDATE SET value = totals.value + excluded.value",
    ),
    "groove_daily": (
        "text, smallint, bigint, bigint, bigint, float8",
        "INSERT INTO daily (day, slot, envelopes, steps, sessions, points) VALUES ($1, $2, $3, $4, $5, $6)"
        " ON CONFLICT (day, slot) DO UPDATE SET envelopes = daily.envelopes + excluded.envelopes,"
        " steps = daily.steps + excluded.steps, sessions = daily.sessions + excluded.sessions,"
        " points = daily.points + excluded.points",
    ),
    "groove_breakdown": (
        "smallint, json",
        "INSERT INTO breakdown (kind, name, slot, sessions, steps, points) SELECT k, n, $1, s, t, p"
        " FROM json_to_recordset($2) AS u(k text, n text, s bigint, t bigint, p float8)"
        " ON CONFLICT (kind, name, slot) DO UPDATE SET sessions = breakdown.sessions + excluded.sessions,"
        " steps = breakdown.steps + excluded.steps, points = breakdown.points + excluded.points",
    ),
}


def unavailable(exc: psycopg.Error) -> StoreDown | None:
    """What `exc` means if the database cannot take work now (retry later), else None: then it says something
    is wrong with the batch itself (a constraint, a value), which trying again does not cure."""
    state = exc.sqlstate or ""
    if isinstance(exc, PoolTimeout):
        return StoreDown("no connection to the database", DOWN_RETRY_AFTER_S)
    if state == "53100":
        return StoreDown("the database's disk is full", DISK_FULL_RETRY_AFTER_S)
    if state.startswith("53"):  # out of memory, too many connections
        return StoreDown("the database is short of resources", DOWN_RETRY_AFTER_S)
    if state == "25006":
        return StoreDown("the database is read-only (a standby)", DOWN_RETRY_AFTER_S)
    if state in ("40001", "40P01", "55P03", "57014"):  # serialization, deadlock, lock or statement timeout
        return StoreDown("the database is busy", 1.0)
    if state.startswith(("08", "57", "58")) or (
        not state and isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError)
    ):
        return StoreDown("the database connection was lost", DOWN_RETRY_AFTER_S)
    return None


class StoreUnavailable(RuntimeError):
    """The database cannot be reached (or refused us) when the store opens."""


@attrs.define
class Deltas:
    """The changes a batch makes to the counters, applied at its end in key order (one lock order for all)."""

    totals: defaultdict[str, float] = attrs.Factory(lambda: defaultdict(float))
    daily: dict[str, defaultdict[str, float]] = attrs.Factory(dict)
    breakdown: dict[tuple[str, str], defaultdict[str, float]] = attrs.Factory(dict)

    def day(self, day: str) -> defaultdict[str, float]:
        return self.daily.setdefault(day, defaultdict(float))

    def label(self, kind: str, name: str) -> defaultdict[str, float]:
        return self.breakdown.setdefault((kind, name), defaultdict(float))


@attrs.define(eq=False)
class PostgresStore:
    url: StoreUrl
    quota_bytes: int
    pool_size: int = POOL_SIZE
    credit_lock_wait_s: float = CREDIT_LOCK_WAIT_S
    owner: str = attrs.Factory(lambda: f"{socket.gethostname()}:{os.getpid()}")
    pool: ConnectionPool[Conn] = attrs.field(init=False)
    _days: set[str] = attrs.field(init=False, factory=set)

    def __attrs_post_init__(self) -> None:
        try:  # one connection first: a database that cannot be reached is said at once, with libpq's reason
            with psycopg.connect(
                self.url.conninfo, connect_timeout=int(CONNECT_TIMEOUT_S), autocommit=True
            ) as conn:
                applied = migrate(conn)
                lz4 = conn.execute(
                    "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
                ).fetchone()
        except psycopg.OperationalError as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreUnavailable(f"cannot connect to PostgreSQL at {self.url.shown}: {reason}") from None
        if applied:
            logs.event("store.migrated", database=self.url.shown, versions=applied)
        # The pool's own warnings (one per failed attempt, plain text) would repeat what the server says once
        # per outage (store.unavailable, store.recovered); its errors still show.
        logging.getLogger("psycopg.pool").setLevel(logging.ERROR)
        # Nor the driver's plain-text warnings about a connection already lost: the error that lost it is
        # raised, and answered, as any other.
        logging.getLogger("psycopg").setLevel(logging.ERROR)
        self.pool = ConnectionPool(
            self.url.conninfo,
            min_size=1,
            max_size=self.pool_size,
            open=False,
            name="groove-store",
            timeout=CONNECTION_WAIT_S,
            reconnect_timeout=RECONNECT_GIVE_UP_S,
            kwargs={"connect_timeout": int(CONNECT_TIMEOUT_S)},
            configure=functools.partial(_configure, lz4=lz4 is not None and bool(lz4[0])),
        )
        try:
            self.pool.open(wait=True, timeout=CONNECT_TIMEOUT_S)
        except PoolTimeout as exc:
            self.pool.close()
            raise StoreUnavailable(f"cannot connect to PostgreSQL at {self.url.shown}") from exc

    def commit(self, ops: Sequence[Operation], *, at: float) -> list[Outcome]:
        """Apply a batch in one transaction at time `at`; one outcome per operation, in order.

        Raises StoreDown when the database cannot take it (nothing of it is in), CommitUnknown when the
        connection was lost during COMMIT (the module's docstring says what then).
        """
        day = utc_day(at)
        try:
            if day not in self._days and any(isinstance(op, StoreEnvelope) for op in ops):
                with self.pool.connection() as conn:
                    conn.autocommit = True
                    ensure_day(conn, day)
                    conn.autocommit = False
                self._days.add(day)
            # Bodies are compressed before the transaction, not while it holds its sessions' locks, and once
            # however many times a deadlock makes it run again.
            packed = {
                id(op.record): bodies.pack(op.record.body) for op in ops if isinstance(op, StoreEnvelope)
            }
            return self._retried(ops, at, day, packed)
        except psycopg.Error as exc:
            down = unavailable(exc)
            if down is not None:
                self._drop_broken()
                raise down from None
            if len(ops) > 1:
                return self._one_by_one(ops, at)
            logs.event(
                "store.operation_failed", level=40, operation=type(ops[0]).__name__,
                error=type(exc).__name__, sqlstate=exc.sqlstate,
            )  # fmt: skip
            return [FAILED_OPERATION]

    def _retried(self, ops: Sequence[Operation], at: float, day: str, packed: Packed) -> list[Outcome]:
        for attempt in range(RETRIES):
            try:
                return self._transaction(ops, at, day, packed)
            except (errors.DeadlockDetected, errors.SerializationFailure) as exc:
                if attempt == RETRIES - 1:
                    raise
                logs.event("store.retry", level=30, error=type(exc).__name__, attempt=attempt + 1)
        raise AssertionError("unreachable")

    def _transaction(self, ops: Sequence[Operation], at: float, day: str, packed: Packed) -> list[Outcome]:
        with self.pool.connection() as conn:
            batch = Batch(conn, self.quota_bytes, at, day, packed, self.credit_lock_wait_s)
            outcomes = batch.apply(ops)  # an error here rolls back (or loses) the transaction: nothing is in
            try:
                batch.finish()  # the counters and COMMIT, in one round trip
            except psycopg.Error as exc:
                state = exc.sqlstate or ""
                if conn.broken or not state or state.startswith(("08", "57")):
                    raise CommitUnknown(
                        batch.token, outcomes, "the connection was lost during COMMIT",
                        functools.partial(self.committed, batch.token),
                    ) from None  # fmt: skip
                raise  # the server refused a statement or the COMMIT and said so: nothing is in
            return outcomes

    def _one_by_one(self, ops: Sequence[Operation], at: float) -> list[Outcome]:
        """A batch that a refused statement failed, each operation in its own transaction: only the one at
        fault fails. If the database goes away meanwhile, the rest are answered 503."""
        outcomes: list[Outcome] = []
        for i, op in enumerate(ops):
            try:
                outcomes.extend(self.commit([op], at=at))
            except StoreDown as down:
                refused: Outcome = Refused(503, f"{down.reason}; retry later", down.retry_after_s)
                return outcomes + [refused] * (len(ops) - i)
            except CommitUnknown as unknown:  # the ones before are in; this one is resolved, the rest wait
                rest: list[Outcome] = [Refused(503, f"{unknown.reason}; retry later")] * (len(ops) - i - 1)
                unknown.outcomes = outcomes + unknown.outcomes + rest
                raise
        return outcomes

    def committed(self, token: str) -> bool | None:
        """Whether the transaction `token` (its id) committed; None while that cannot be told yet: the database
        does not answer, or the transaction is still finishing."""
        try:
            with self.pool.connection() as conn:
                row = conn.execute("SELECT pg_xact_status(%s::xid8)", (token,)).fetchone()
        except errors.InvalidParameterValue:  # an id from the future: the database restarted without it
            return False
        except psycopg.Error as exc:
            if unavailable(exc) is None:
                raise
            self._drop_broken()
            return None
        status = None if row is None else row[0]
        return True if status == "committed" else False if status == "aborted" else None

    def ping(self) -> StoreDown | None:
        """Why the database cannot take work now, or None if it answers (GET /ready asks this way)."""
        try:
            with self.pool.connection() as conn:
                conn.execute("SELECT 1")
        except psycopg.Error as exc:
            self._drop_broken()
            return unavailable(exc) or StoreDown(f"the database answers {type(exc).__name__}")
        return None

    def _drop_broken(self) -> None:
        """Replace the pool's connections that died with the one that failed (a terminated backend takes them
        all), so the next batch does not meet them one by one."""
        with contextlib.suppress(psycopg.Error):
            self.pool.check()

    def close(self) -> None:
        self.pool.close()


# Envelope bodies as the store keeps them, by their record's identity (`bodies.pack`).
Packed = dict[int, tuple[int, bytes]]


@attrs.define(eq=False)
class Batch:
    """One group commit inside its transaction: carries out each operation in order, the counters at the end."""

    conn: Conn
    quota_bytes: int
    at: float
    day: str
    packed: Packed  # each envelope's (encoding, stored bytes), by its record's identity
    credit_lock_wait_s: float = CREDIT_LOCK_WAIT_S
    deltas: Deltas = attrs.Factory(Deltas)
    planned: int = 0
    token: str = ""  # the transaction's id: whether it committed can be asked after a lost COMMIT
    # The leading envelopes' sessions locked and their sequences claimed with the batch's first statement
    # (the cursors answering both); taken by the first _store.
    prelocked: tuple[list[TupleRow], list[TupleRow]] | None = None
    # Statements whose answers nothing waits for (storing's session updates and closes), sent with the next
    # statements that must follow them (`_query`): the counters at the end, or what the batch does next.
    deferred: list[Statement] = attrs.Factory(list)

    def apply(self, ops: Sequence[Operation]) -> list[Outcome]:
        leading = []  # the envelopes the batch begins with: locked and claimed in the first round trip
        for op in ops:
            if not isinstance(op, StoreEnvelope):
                break
            leading.append(op.record)
        answers = self._query([_execute("groove_head"), *(self._lock_and_claim(leading) if leading else [])])
        if leading:
            self.prelocked = (answers[1], answers[2])
        row = answers[0][0]
        self.planned = int(row[0]) if row[0] is not None else 0
        self.token = str(row[1])
        outcomes: list[Outcome | None] = [None] * len(ops)
        run: list[int] = []  # consecutive envelopes are stored together: a fixed number of statements
        for i, op in enumerate(ops):
            if isinstance(op, StoreEnvelope):
                run.append(i)
                continue
            self._store_run(run, ops, outcomes)
            if self.deferred:  # what the operation reads or changes must follow them
                self._query([])
            outcomes[i] = self._one(op)
        self._store_run(run, ops, outcomes)
        return [o for o in outcomes if o is not None]

    def finish(self) -> None:
        """Send what is deferred, add the batch's counts, and COMMIT: one query, so one round trip. A statement
        the database refuses there fails the query before COMMIT runs (nothing is in, and the error says so);
        a connection lost there leaves COMMIT's outcome unknown, which the caller resolves."""
        self._apply_deltas()
        self.conn.commit()  # sent with them: nothing is left to send

    def _one(self, op: Operation) -> Outcome:
        conn = self.conn
        match op:
            case OpenSession(new=new, opens_per_hour=limit):
                return self._open(new, limit)
            case RequestClose(session_id=sid, now=now):
                conn.execute(
                    "UPDATE sessions SET close_requested_at = COALESCE(close_requested_at, %s)"
                    " WHERE session_id = %s AND status = 'open'",
                    (now, sid),
                )
                return Done()
            case CloseSession(session_id=sid, now=now, reason=reason, status=status):
                return Done(self._close(sid, now, reason, status))
            case Credit(credit=credit, trajectory=trajectory, coordination=coordination, agent_id=agent_id):
                with self._lock_wait(self.credit_lock_wait_s):
                    self._coordination(credit.session_id, agent_id, coordination)
                    if op.predecessor is not None and credit.contributor_id:  # rotation: the latest stands
                        conn.execute(
                            "INSERT INTO rotation_claims VALUES (%s, %s, %s) ON CONFLICT (session_id) DO UPDATE"
                            " SET predecessor_session = excluded.predecessor_session,"
                            " contributor_id = excluded.contributor_id",
                            (credit.session_id, op.predecessor, credit.contributor_id),
                        )
                    return Done(self._credit(credit, trajectory))
            case SealDay(day=day, root_hex=root_hex, credits=credits, sealed_at=sealed_at):
                cursor = conn.execute(
                    "INSERT INTO ledger_roots (day, root, credits, sealed_at) VALUES (%s, %s, %s, %s)"
                    " ON CONFLICT (day) DO NOTHING",
                    (day, root_hex, credits, sealed_at),
                )
                return Done(cursor.rowcount == 1)
            case DropSecrets(closed_before=before):
                cursor = conn.execute(
                    "UPDATE sessions SET secret = '' WHERE status = 'closed' AND closed_at < %s AND secret <> ''",
                    (before,),
                )
                return Done(cursor.rowcount)
            case Requeue(record=record):
                return Done(self._requeue(record))
        raise TypeError(f"not a store operation: {type(op).__name__}")

    @contextlib.contextmanager
    def _lock_wait(self, seconds: float) -> Iterator[None]:
        """Inside, a statement waits at most `seconds` for a lock, then fails (LockNotAvailable: the batch is
        refused as the database being busy); after, the transaction waits as it did before."""
        (((before,),), _) = self._query([
            ("SELECT current_setting('lock_timeout')", ()),
            ("SELECT set_config('lock_timeout', %s, true)", (f"{max(1, round(seconds * 1000))}ms",)),
        ])  # fmt: skip
        yield
        self.deferred.append(("SELECT set_config('lock_timeout', %s, true)", (before,)))

    def _open(self, new: NewSession, limit: int) -> Outcome:
        if limit:
            row = self.conn.execute(
                "SELECT COUNT(*) FROM sessions WHERE machine_fingerprint = %s AND created_at > %s",
                (new.machine_fingerprint, new.created_at - 3600),
            ).fetchone()
            if row is not None and int(row[0]) >= limit:
                return Refused(429, f"this machine opened {limit} sessions in the last hour; retry later")
        if self.planned + OPEN_BYTES > self.quota_bytes:
            return QUOTA_EXHAUSTED
        cursor = self.conn.execute(
            "INSERT INTO sessions (session_id, secret, client_public_key, provider, model, machine_fingerprint,"
            " app_version_hash, groove_version, created_at, last_activity_at)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (session_id) DO NOTHING",
            (new.session_id, new.secret, new.client_public_key, new.provider, new.model,
             new.machine_fingerprint, new.app_version_hash, new.groove_version, new.created_at,
             new.created_at),
        )  # fmt: skip
        if cursor.rowcount == 0:
            return Refused(409, f"session {new.session_id!r} already exists; open a new session_id")
        self.deltas.totals["active_sessions"] += 1
        return Done()

    def _close(self, session_id: str, now: float, reason: str, status: str | None) -> bool:
        """Close an open session and queue it for crediting; False if it was closed already (by anyone)."""
        cursor = self.conn.execute(
            "UPDATE sessions SET status = 'closed', closed_at = %s, close_reason = %s, close_status = %s"
            " WHERE session_id = %s AND status = 'open'",
            (now, reason, status, session_id),
        )
        if cursor.rowcount == 0:
            return False
        self.conn.execute(
            "INSERT INTO pending_credits (session_id, queued_at) VALUES (%s, %s) ON CONFLICT DO NOTHING",
            (session_id, now),
        )
        self.deltas.totals["active_sessions"] -= 1
        return True

    def _store_run(self, run: list[int], ops: Sequence[Operation], outcomes: list[Outcome | None]) -> None:
        if not run:
            return
        records = [op.record for i in run if isinstance(op := ops[i], StoreEnvelope)]
        for i, outcome in zip(run, self._store(records), strict=True):
            outcomes[i] = outcome
        run.clear()

    def _store(self, records: list[EnvelopeRecord]) -> list[Outcome]:
        """Store envelopes, claiming each sequence; one outcome each.

        Their sessions are locked and their sequences claimed in one round trip, before what the sessions say
        is known: the claims of envelopes refused then (an unknown or closed session, past the quota) are taken
        back, in the same transaction, before anything else is done. Then the bodies of the claims kept go in
        with one COPY (two more round trips, which cost the batch latency, not CPU), and no other body travels.
        """
        answers, self.prelocked = self.prelocked, None
        if answers is None:
            locked, claims = self._query(self._lock_and_claim(records))  # with the deferred statements
            answers = (locked, claims)
        sessions = _session_states(answers[0])
        claimed = {(str(sid), int(seq)) for sid, seq in answers[1]}  # by this transaction
        outcomes: list[Outcome | None] = [None] * len(records)
        take: list[int] = []
        back: list[EnvelopeRecord] = []  # claimed, then refused
        for i, rec in enumerate(records):
            state = sessions.get(rec.session_id)
            ours = (rec.session_id, rec.sequence) in claimed
            if state is None:
                outcomes[i] = Refused(404, f"unknown session {rec.session_id!r}; open a session first")
            elif state[0] != "open" and rec.counted:  # closed by another process since this one looked
                outcomes[i] = SESSION_CLOSED if ours else self._already_used(rec, unused=SESSION_CLOSED)
            elif self.planned + len(rec.body) > self.quota_bytes:
                outcomes[i] = QUOTA_EXHAUSTED
                logs.event(
                    "store.quota_exhausted", level=30, stored_bytes=self.planned, quota_bytes=self.quota_bytes
                )
            else:
                take.append(i)
                self.planned += len(rec.body)
                continue
            if ours:
                back.append(rec)
        self._take_back(back)
        stored: list[int] = []
        for i in take:
            rec = records[i]
            if (rec.session_id, rec.sequence) in claimed:
                stored.append(i)
            else:
                outcomes[i] = self._already_used(rec)
                self.planned -= len(rec.body)
        self._write_bodies([records[i] for i in stored])
        self.deltas.totals["stored_bytes"] += sum(len(records[i].body) for i in stored)
        effects = self._account([records[i] for i in stored], sessions)
        for i, effect in zip(stored, effects, strict=True):
            outcomes[i] = Done(effect)
        return [o for o in outcomes if o is not None]

    def _query(self, statements: list[Statement]) -> list[list[TupleRow]]:
        """The deferred statements, then `statements`, in order, as one query of several statements: one message
        and one round trip, where psycopg's pipeline sends each statement as it is added (about 35 us of our
        CPU each, bench/RESULTS.md); their parameters are bound into it by psycopg. An error in any skips the
        rest and fails the transaction. Returns the rows of each of `statements` (none for those without)."""
        everything, self.deferred = [*self.deferred, *statements], []
        if not everything:
            return []
        cursor = psycopg.ClientCursor(self.conn)
        cursor.execute(
            "; ".join(query for query, _ in everything), [p for _, params in everything for p in params]
        )
        answers: list[list[TupleRow]] = []
        for i in range(len(everything)):
            if i:
                cursor.nextset()
            if i >= len(everything) - len(statements):
                answers.append(cursor.fetchall() if cursor.description is not None else [])
        return answers

    def _lock_and_claim(self, records: list[EnvelopeRecord]) -> list[Statement]:
        """Lock the records' sessions (in session order, the one lock order) and select what storing needs of
        them, then insert the index rows (the claim of each sequence): two statements for `_query`, which sends
        the deferred ones first, so that what is read holds them. The index rows go in one statement, as one
        JSON parameter (`_json_rows`); the bodies follow once the claims are known (`_write_bodies`)."""
        lock = _execute("groove_lock", orjson.dumps(sorted({rec.session_id for rec in records})).decode())
        claim = _execute("groove_claim", dt.date.fromisoformat(self.day), self.at, _json_rows([
            {"s": r.session_id, "q": r.sequence, "e": r.envelope_id, "k": r.kind, "l": len(r.body), "h": r.hmac,
             "n": r.steps, "rs": r.refusal_status, "rr": r.refusal_reason}
            for r in records
        ]))  # fmt: skip
        return [lock, claim]

    def _write_bodies(self, records: list[EnvelopeRecord]) -> None:
        """Insert the bodies of envelopes whose claims this transaction won and keeps, with one binary COPY: the
        database runs one statement for them all, with no per-body statement to bind and start, and each body
        travels once, compressed before the transaction (`commit`), only for a claim won. The deferred
        statements go first."""
        if not records:
            return
        if self.deferred:
            self._query([])
        day = dt.date.fromisoformat(self.day)
        with self.conn.cursor().copy(
            "COPY envelope_bodies (day, session_id, sequence, encoding, body) FROM STDIN (FORMAT BINARY)"
        ) as copy:
            copy.set_types(["date", "text", "int8", "int2", "bytea"])
            for rec in records:
                copy.write_row((day, rec.session_id, rec.sequence, *self.packed[id(rec)]))

    def _take_back(self, records: list[EnvelopeRecord]) -> None:
        """Delete the claims this transaction made for `records` (their bodies were not written)."""
        if not records:
            return
        self.conn.execute(
            "DELETE FROM envelopes WHERE (session_id, sequence) IN (SELECT unnest(%s::text[]),"
            " unnest(%s::bigint[])) AND xmin = pg_current_xact_id()::xid",
            ([r.session_id for r in records], [r.sequence for r in records]),
        )

    def _already_used(self, rec: EnvelopeRecord, unused: Outcome | None = None) -> Outcome:
        """The answer for an envelope whose sequence was stored before (by any process); `unused` if it was not."""
        row = self.conn.execute(
            "SELECT hmac, refusal_status, refusal_reason FROM envelopes WHERE session_id = %s AND sequence = %s",
            (rec.session_id, rec.sequence),
        ).fetchone()
        if row is None and unused is not None:
            return unused
        if row is not None and row[0] == rec.hmac:  # the same signed bytes again: a duplicate
            if row[1] is not None:
                return Refused(int(row[1]), str(row[2] or ""))
            return Done(STORED_BEFORE)
        return Refused(
            409,
            f"sequence conflict: sequence {rec.sequence} was already used by another envelope of this session",
        )

    def _account(self, stored: list[EnvelopeRecord], sessions: dict[str, list[Any]]) -> list[EnvelopeEffects]:
        """Advance sequences, note feedback, and count what joins the sessions' data (as catalog._count does)."""
        if not stored:
            return []
        for rec in stored:
            if rec.refusal_status is None and rec.kind == "feedback":
                self.deferred.append(
                    ("UPDATE sessions SET feedback_signal = %s, feedback_at = %s WHERE session_id = %s",
                     (rec.signal, self.at, rec.session_id))
                )  # fmt: skip
        counted = [rec for rec in stored if rec.counted]
        effects = iter(self._count(counted, sessions, advance=_max_sequences(stored)))
        uncounted = EnvelopeEffects(False, False, False, "", "", self.day, counted=False)
        return [next(effects) if rec.counted else uncounted for rec in stored]

    def _count(
        self,
        counted: list[EnvelopeRecord],
        sessions: dict[str, list[Any]],
        advance: dict[str, int] | None = None,
    ) -> list[EnvelopeEffects]:
        """Count envelopes into their sessions' data, and move each session in `advance` past its sequence there:
        one statement for every session of the batch, deferred (sent with the counters) unless the batch brings
        contributor ids not seen yet: whether each is new is asked at once."""
        advance = advance or {}
        accepted = {sid: int(state[1]) for sid, state in sessions.items()}
        # A session's contributor is in `contributors` since its first counted envelope put it there.
        wanted = sorted({
            rec.contributor_id for rec in counted
            if rec.contributor_id is not None and rec.contributor_id != sessions[rec.session_id][2]
        })  # fmt: skip
        for rec in counted:  # the labels a session counts under, once this batch's data is in
            state = sessions[rec.session_id]
            state[2] = state[2] if state[2] is not None else rec.contributor_id
            state[5] = state[5] if state[5] is not None else rec.provider
            state[6] = state[6] if state[6] is not None else known_model(rec.model)
        touched = sorted({rec.session_id for rec in counted} | set(advance))
        added = Counter(rec.session_id for rec in counted)
        size = Counter[str]()
        for rec in counted:
            size[rec.session_id] += len(rec.body)
        if touched:
            self.deferred.append(_execute("groove_sessions", self.at, _json_rows([
                {"s": s, "q": advance.get(s, -1), "a": added[s], "b": size[s], "c": sessions[s][2],
                 "p": sessions[s][5], "m": sessions[s][6]}
                for s in touched
            ])))  # fmt: skip
        inserted: list[TupleRow] = []
        if wanted:  # with the deferred statements: one round trip
            (inserted,) = self._query([(
                "INSERT INTO contributors (contributor_id) SELECT json_array_elements_text(%s::json)"
                " ON CONFLICT DO NOTHING RETURNING contributor_id",
                (orjson.dumps(wanted).decode(),),
            )])  # fmt: skip
        if not counted:
            return []
        new_contributors = {str(row[0]) for row in inserted}
        effects = []
        for rec in counted:
            state = sessions[rec.session_id]
            first = accepted[rec.session_id] == 0
            accepted[rec.session_id] += 1
            provider = str(state[5] or state[3])
            model = known_model(str(state[6] or state[4])) or "unknown"
            new_contributor = rec.contributor_id in new_contributors
            new_contributors.discard(rec.contributor_id)
            effects.append(
                EnvelopeEffects(first, new_contributor, rec.kind == "close", provider, model, self.day)
            )
            today = self.deltas.day(self.day)
            today["envelopes"] += 1
            today["steps"] += rec.steps
            for kind, name in (("provider", provider), ("model", model)):
                self.deltas.label(kind, name)["sessions"] += first
                self.deltas.label(kind, name)["steps"] += rec.steps
            totals = self.deltas.totals
            totals["envelopes"] += 1
            totals["steps"] += rec.steps
            totals["bytes"] += len(rec.body) + 1
            totals["sessions"] += first
            totals["contributors"] += new_contributor
        for rec in counted:
            if rec.kind == "close":
                self._close_locked(sessions[rec.session_id], rec.session_id, rec.close_status)
        return effects

    def _close_locked(self, state: list[Any], session_id: str, status: str | None) -> None:
        """`_close` for a session this batch holds locked, deferred: its status (`state`, as read under the lock
        and kept up to date here) says whether it is open, so nothing needs to be read back."""
        if state[0] != "open":
            return
        state[0] = "closed"
        self.deferred.append((
            "UPDATE sessions SET status = 'closed', closed_at = %s, close_reason = %s, close_status = %s"
            " WHERE session_id = %s AND status = 'open'",
            (self.at, "envelope", status, session_id),
        ))  # fmt: skip
        self.deferred.append((
            "INSERT INTO pending_credits (session_id, queued_at) VALUES (%s, %s) ON CONFLICT DO NOTHING",
            (session_id, self.at),
        ))  # fmt: skip
        self.deltas.totals["active_sessions"] -= 1

    def _requeue(self, rec: EnvelopeRecord) -> bool:
        cursor = self.conn.execute(
            "UPDATE envelopes SET refusal_status = NULL, refusal_reason = NULL, steps = %s"
            " WHERE session_id = %s AND sequence = %s AND refusal_status IS NOT NULL",
            (rec.steps, rec.session_id, rec.sequence),
        )
        if cursor.rowcount == 0:
            return False
        if rec.kind == "feedback":
            self.conn.execute(
                "UPDATE sessions SET feedback_signal = %s, feedback_at = %s WHERE session_id = %s",
                (rec.signal, self.at, rec.session_id),
            )
            return True
        sessions = {
            row[0]: list(row[1:])
            for row in self.conn.execute(
                "SELECT session_id, status, accepted, contributor_id, provider, model, data_provider, data_model"
                " FROM sessions WHERE session_id = %s FOR UPDATE",
                (rec.session_id,),
            )
        }
        self._count([rec], sessions)
        self.conn.execute(
            "INSERT INTO pending_credits (session_id, queued_at) SELECT session_id, %s FROM sessions"
            " WHERE session_id = %s AND status = 'closed' ON CONFLICT DO NOTHING",
            (self.at, rec.session_id),
        )
        return True

    def _credit(self, credit: CreditRecord, trajectory: bytes) -> bool:
        """Credit a session (or adjust its credit) once, ever, per revision; clears its pending mark either way."""
        conn = self.conn
        conn.execute("DELETE FROM pending_credits WHERE session_id = %s", (credit.session_id,))
        cursor = conn.execute(
            "INSERT INTO credits (session_id, revision, contributor_id, points, base_points, breakdown,"
            " policy_version, quality, model, provider, steps, day, created_at, trajectory)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
            " ON CONFLICT (session_id, revision) DO NOTHING",
            (credit.session_id, credit.revision, credit.contributor_id, credit.points, credit.base_points,
             credit.breakdown_json, credit.policy_version, credit.quality, credit.model, credit.provider,
             credit.steps, credit.day, credit.created_at, trajectory),
        )  # fmt: skip
        if cursor.rowcount == 0:
            return False
        first = int(credit.revision == 0)
        if credit.contributor_id:  # a session that never sent a chunk has no contributor to pay
            conn.execute(
                "INSERT INTO balances VALUES (%s, %s, %s, %s, GREATEST(0, LEAST(10, 1.0 + %s)))"
                " ON CONFLICT (contributor_id) DO UPDATE SET"
                " total_points = balances.total_points + excluded.total_points,"
                " total_sessions = balances.total_sessions + excluded.total_sessions,"
                " last_credit_at = excluded.last_credit_at,"
                " trust_score = GREATEST(0, LEAST(10, balances.trust_score + %s))",
                (credit.contributor_id, credit.points, first, credit.created_at, credit.trust_delta,
                 credit.trust_delta),
            )  # fmt: skip
        day = self.deltas.day(credit.day)
        day["sessions"] += first
        day["points"] += credit.points
        self.deltas.totals["points"] += credit.points
        self.deltas.totals["credits"] += first
        self.deltas.label("provider", credit.provider)["points"] += credit.points
        self.deltas.label("model", credit.model)["points"] += credit.points
        return True

    def _coordination(
        self, session_id: str, agent_id: str | None, steps: Sequence[tuple[str, int, str | None]]
    ) -> None:
        """Register a session's coordination steps and link them, on both sides, to partners sharing an id."""
        conn = self.conn
        for coordination_id, step, direction in steps:
            conn.execute(
                "INSERT INTO coordination VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                (coordination_id, session_id, step, agent_id, direction),
            )
        for coordination_id, step, _ in steps:
            partners = conn.execute(
                "SELECT session_id, step, agent_id FROM coordination"
                " WHERE coordination_id = %s AND session_id <> %s",
                (coordination_id, session_id),
            ).fetchall()
            for partner_session, partner_step, partner_agent in partners:
                for row in (
                    (session_id, step, coordination_id, partner_session, partner_agent, partner_step),
                    (partner_session, partner_step, coordination_id, session_id, agent_id, step),
                ):
                    conn.execute(
                        "INSERT INTO coordination_links VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                        row,
                    )

    def _apply_deltas(self) -> None:
        """The deferred statements, then the batch's counts added to the counter rows of one slot (picked at
        random, so that two processes committing at once seldom wait on the same rows) in key order, then
        COMMIT, as one query (`_query`): one round trip, not one per row; the statements still run in order,
        and an error in any skips the rest (COMMIT too) and fails the batch."""
        slot = random.randrange(COUNTER_SLOTS)
        statements: list[Statement] = []
        totals = sorted((name, value) for name, value in self.deltas.totals.items() if value)
        if totals:
            rows: list[dict[str, Any]] = [{"n": name, "v": _float_text(value)} for name, value in totals]
            statements.append(_execute("groove_totals", slot, _json_rows(rows)))
        for day, amounts in sorted(self.deltas.daily.items()):
            statements.append(_execute(
                "groove_daily", day, slot, int(amounts["envelopes"]), int(amounts["steps"]), int(amounts["sessions"]),
                float(amounts["points"]),
            ))  # fmt: skip
        labels = sorted(self.deltas.breakdown.items())
        if labels:  # one statement for every label, its rows in key order
            rows = [
                {
                    "k": kind,
                    "n": name,
                    "s": int(a["sessions"]),
                    "t": int(a["steps"]),
                    "p": _float_text(a["points"]),
                }
                for (kind, name), a in labels
            ]
            statements.append(_execute("groove_breakdown", slot, _json_rows(rows)))
        statements.append(("COMMIT", ()))
        self._query(statements)


def _session_states(rows: list[TupleRow]) -> dict[str, list[Any]]:
    """Each locked session's state by id, as a list `_count` fills in as the batch goes."""
    return {row[0]: list(row[1:]) for row in rows}


def _configure(conn: Conn, *, lz4: bool) -> None:
    """Settings of each pooled connection, and the statements it prepares (PREPARED).

    Values the database compresses (credits' stitched trajectories; envelope bodies before schema version 4,
    which stores them uncompressed) are compressed with lz4 (where the server has it) rather than the default
    pglz: on a 366 KB chunk pglz took most of the database's CPU per envelope. Values already stored keep their
    method; reading any is transparent.
    """
    if lz4:
        conn.execute("SET default_toast_compression = lz4")
    for name, (types, statement) in PREPARED.items():
        conn.execute(f"PREPARE {name}{f'({types})' if types else ''} AS {statement}")
    conn.commit()


def _json_rows(rows: list[dict[str, Any]]) -> str:
    """Rows for `json_to_recordset`, one parameter for a statement's every row: psycopg adapts a Python list to
    an array element by element in Python, which cost our process more than the rest of the statement: 0.03 ms
    per envelope for the claims and the sessions' update (bench/RESULTS.md). Ints, text and None only: a
    float goes as text (`_float_text`), since JSON has no NaN."""
    return orjson.dumps(rows).decode()


def _execute(name: str, *params: Any) -> Statement:
    """The statement that runs the prepared statement `name` (of PREPARED) with `params`, for `Batch._query`."""
    return (f"EXECUTE {name}({', '.join(['%s'] * len(params))})" if params else f"EXECUTE {name}", params)


def _float_text(value: float) -> str:
    """A float as text the database reads back as the same float (NaN and the infinities too), for JSON rows."""
    return repr(float(value))


def _max_sequences(stored: list[EnvelopeRecord]) -> dict[str, int]:
    """Each session's highest stored sequence in a batch."""
    top: dict[str, int] = {}
    for rec in stored:
        top[rec.session_id] = max(top.get(rec.session_id, -1), rec.sequence)
    return top
