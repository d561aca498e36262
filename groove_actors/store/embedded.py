"""The embedded store: SQLite catalog + append-only envelope and trajectory logs + the key file, in the data dir.

`commit` applies a batch of operations as one group commit, in three steps:
1. plan: decide what the catalog alone decides (a taken session id, the open rate, the quota) and put every
   change into log lines: envelopes as received, everything else as control records (store/records.py);
2. make it durable: append the lines to the envelope log, new secrets to the key file and stitched
   trajectories (each with its credit) to the trajectory log, each fsynced;
3. apply it: one SQLite transaction with the same changes, and the new end of each log.
Only after `commit` returns may anything be acknowledged. The logs hold everything the catalog does, so a
crash between steps 2 and 3 (or a catalog that lost transactions) is repaired by replaying them
(store/recovery.py), and the catalog can be rebuilt from them alone.

Step 2 is what makes a commit durable, so the catalog's own transaction is not fsynced again: the write
connection runs WAL with `synchronous=NORMAL`, which SQLite keeps consistent through a crash but which may
lose its last transactions to a power loss; recovery then replays them from the logs, which were fsynced
before those transactions began (the catalog is never ahead of its logs). One fsync per group commit instead
of two, and shorter commits (bench/RESULTS.md, "Group commit with one fsync").

Resource handling: owns the write connection, both logs and the key file; one caller at a time, in a worker
thread.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import attrs

from groove_actors import logs
from groove_actors.store import catalog, records
from groove_actors.store.catalog import CreditRecord, EnvelopeEffects, EnvelopeRecord, NewSession
from groove_actors.store.keys import KEY_FILE, KeyFile
from groove_actors.store.schema import connect
from groove_actors.store.segments import (
    DEFAULT_MAX_SEGMENT_BYTES,
    ENVELOPE_LOG,
    TRAJECTORY_LOG,
    RecordRef,
    SegmentFiles,
    utc_day,
)

CATALOG_FILE = "central.sqlite3"
# The write connection's durability: the logs are fsynced before each transaction (see above), so NORMAL.
CATALOG_SYNCHRONOUS = "NORMAL"


@attrs.frozen
class OpenSession:
    new: NewSession
    opens_per_hour: int


@attrs.frozen
class StoreEnvelope:
    record: EnvelopeRecord


@attrs.frozen
class RequestClose:
    session_id: str
    now: float


@attrs.frozen
class CloseSession:
    session_id: str
    now: float
    reason: str
    status: str | None


@attrs.frozen
class Credit:
    """A session's credit; `trajectory` is its stitched trajectory line, which carries the credit too."""

    credit: CreditRecord
    trajectory: bytes
    coordination: tuple[tuple[str, int, str | None], ...]
    agent_id: str | None
    predecessor: str | None = None  # the session it says it continues (context rotation)


@attrs.frozen
class DropSecrets:
    """Drop the secrets of sessions closed before `closed_before`: their feedback window is over."""

    closed_before: float


@attrs.frozen
class Requeue:
    """Take an envelope that was refused (kept aside) after all: it now passes the checks in force."""

    record: EnvelopeRecord


@attrs.frozen
class SealDay:
    """Keep the Merkle tree head of a finished day's credits."""

    day: str
    root_hex: str
    credits: int
    sealed_at: float


Operation = (
    OpenSession | StoreEnvelope | RequestClose | CloseSession | Credit | SealDay | DropSecrets | Requeue
)


@attrs.frozen
class Done:
    """The operation is committed. `detail` says what it changed, for stats and replies."""

    detail: EnvelopeEffects | bool | int | None = None


@attrs.frozen
class Refused:
    status: int
    reason: str
    retry_after_s: float | None = None  # when a retry may succeed, if the store knows better than its status


Outcome = Done | Refused
QUOTA_EXHAUSTED = Refused(507, "storage quota of this server is exhausted; retry later")


@attrs.define(eq=False)
class EmbeddedStore:
    data_dir: Path
    quota_bytes: int
    max_segment_bytes: int = DEFAULT_MAX_SEGMENT_BYTES
    conn: sqlite3.Connection = attrs.field(init=False)
    envelopes: SegmentFiles = attrs.field(init=False)
    trajectories: SegmentFiles = attrs.field(init=False)
    keys: KeyFile = attrs.field(init=False)
    stored_bytes: int = attrs.field(init=False, default=0)

    def __attrs_post_init__(self) -> None:
        self.conn = connect(self.data_dir / CATALOG_FILE)
        self.conn.execute(f"PRAGMA synchronous = {CATALOG_SYNCHRONOUS}")
        self.envelopes = SegmentFiles(self.data_dir / ENVELOPE_LOG, self.max_segment_bytes)
        self.trajectories = SegmentFiles(self.data_dir / TRAJECTORY_LOG, self.max_segment_bytes)
        self.keys = KeyFile(self.data_dir / KEY_FILE)
        self.stored_bytes = self.envelopes.total_bytes()

    @property
    def catalog_path(self) -> Path:
        return self.data_dir / CATALOG_FILE

    def commit(self, ops: Sequence[Operation], *, at: float) -> list[Outcome]:
        """Apply a batch durably at time `at`; one outcome per operation, in order.

        Raises OSError or sqlite3.Error when the disk or the database fails; nothing is acknowledged then.
        """
        day = utc_day(at)
        refused, lines = self._plan(ops)
        refs: dict[int, RecordRef] = {}
        if lines:
            head, *written = self.envelopes.append(
                [records.encode(records.CommitRecord(at)), *(line for _, line in lines)], day=day
            )
            refs.update((i, ref) for (i, _), ref in zip(lines, written, strict=True))
            self.stored_bytes += sum(ref.length + 1 for ref in (head, *written))
        opened = [op.new for i, op in enumerate(ops) if isinstance(op, OpenSession) and refused[i] is None]
        self.keys.append((new.session_id, new.secret) for new in opened)
        credits = [(i, op) for i, op in enumerate(ops) if isinstance(op, Credit)]
        if credits:
            trajectory_refs = self.trajectories.append([op.trajectory for _, op in credits], day=day)
            refs.update((i, ref) for (i, _), ref in zip(credits, trajectory_refs, strict=True))
        with transaction(self.conn):
            applied = self._apply(ops, refused, refs, at=at, day=day)
            for log, ref in (
                (ENVELOPE_LOG, max((refs[i] for i, _ in lines), key=_end, default=None)),
                (TRAJECTORY_LOG, max((refs[i] for i, _ in credits), key=_end, default=None)),
            ):
                if ref is not None:
                    catalog.advance_log_end(self.conn, log, ref.segment, _end(ref))
        done = [applied[i] if outcome is None else outcome for i, outcome in enumerate(refused)]
        self._drop_secrets(ops, done)
        return done

    def _plan(self, ops: Sequence[Operation]) -> tuple[list[Outcome | None], list[tuple[int, bytes]]]:
        """Refusals decided now (None: go ahead), and the log line of each operation that goes ahead."""
        outcomes: list[Outcome | None] = [None] * len(ops)
        lines: list[tuple[int, bytes]] = []
        planned = self.stored_bytes
        session_ids: set[str] = set()
        fingerprints: Counter[str] = Counter()
        for i, op in enumerate(ops):
            line: bytes | None
            match op:
                case OpenSession(new=new, opens_per_hour=limit):
                    refusal = self._refuse_open(new, limit, session_ids, fingerprints)
                    line = records.encode(records.OpenRecord.of(new))
                    if refusal is None and planned + len(line) + 1 > self.quota_bytes:
                        refusal = QUOTA_EXHAUSTED
                    if refusal is not None:
                        outcomes[i] = refusal
                        continue
                    session_ids.add(new.session_id)
                    fingerprints[new.machine_fingerprint] += 1
                case StoreEnvelope(record=record):
                    line = record.body
                    mark = b""  # an envelope kept aside is preceded by a record saying so, with the refusal
                    if record.refusal_status is not None:
                        mark = records.encode(
                            records.QuarantineRecord(
                                record.session_id,
                                record.sequence,
                                record.refusal_status,
                                record.refusal_reason or "",
                            )
                        )
                    if planned + (len(mark) + 1 if mark else 0) + len(line) + 1 > self.quota_bytes:
                        outcomes[i] = QUOTA_EXHAUSTED
                        logs.event(
                            "store.quota_exhausted",
                            level=30,
                            stored_bytes=planned,
                            quota_bytes=self.quota_bytes,
                        )
                        continue
                    if mark:
                        lines.append((i, mark))  # the body's line follows; refs keep the body's place
                        planned += len(mark) + 1
                case RequestClose(session_id=sid, now=now):
                    line = records.encode(records.CloseRequestRecord(sid, now))
                case CloseSession(session_id=sid, now=now, reason=reason, status=status):
                    line = records.encode(records.CloseRecord(sid, now, reason, status))
                case SealDay(day=day, root_hex=root, credits=count, sealed_at=sealed_at):
                    line = records.encode(records.SealRecord(day, root, count, sealed_at))
                case DropSecrets(closed_before=before):
                    line = records.encode(records.SecretsDropped(before))
                case Requeue(record=record):
                    line = records.encode(records.RequeuedRecord(record.session_id, record.sequence))
                case Credit():
                    line = None  # in the trajectory log, with its trajectory
            if line is not None:
                lines.append((i, line))
                planned += len(line) + 1
        return outcomes, lines

    def _refuse_open(
        self, new: NewSession, limit: int, session_ids: set[str], fingerprints: Counter[str]
    ) -> Refused | None:
        if new.session_id in session_ids or catalog.session_exists(self.conn, new.session_id):
            return Refused(409, f"session {new.session_id!r} already exists; open a new session_id")
        if limit:
            recent = catalog.opens_since(self.conn, new.machine_fingerprint, new.created_at - 3600)
            if recent + fingerprints[new.machine_fingerprint] >= limit:
                return Refused(429, f"this machine opened {limit} sessions in the last hour; retry later")
        return None

    def _apply(
        self,
        ops: Sequence[Operation],
        refused: Sequence[Outcome | None],
        refs: dict[int, RecordRef],
        *,
        at: float,
        day: str,
    ) -> dict[int, Outcome]:
        """Carry out every operation that goes ahead (not `refused`), in order, inside the caller's transaction;
        their outcomes by index."""
        conn = self.conn
        outcomes: dict[int, Outcome] = {}
        run: list[int] = []  # consecutive envelopes are indexed together: a fixed number of statements
        for i, op in enumerate(ops):
            if refused[i] is not None:
                continue
            if isinstance(op, StoreEnvelope):
                run.append(i)
                continue
            outcomes.update(self._index(run, ops, refs, at=at, day=day))
            run = []
            match op:
                case OpenSession(new=new):
                    catalog.insert_session(conn, new)
                    outcomes[i] = Done()
                case RequestClose(session_id=sid, now=now):
                    catalog.request_close(conn, sid, now=now)
                    outcomes[i] = Done()
                case CloseSession(session_id=sid, now=now, reason=reason, status=status):
                    outcomes[i] = Done(
                        catalog.close_session(conn, sid, now=now, reason=reason, status=status)
                    )
                case Credit(credit=credit, coordination=coordination, agent_id=agent_id):
                    catalog.record_coordination(conn, credit.session_id, agent_id, coordination)
                    catalog.record_rotation(conn, credit.session_id, credit.contributor_id, op.predecessor)
                    outcomes[i] = Done(catalog.record_credit(conn, credit, refs[i]))
                case SealDay(day=sealed, root_hex=root_hex, credits=credits, sealed_at=sealed_at):
                    outcomes[i] = Done(catalog.record_root(conn, sealed, root_hex, credits, sealed_at))
                case DropSecrets(closed_before=before):
                    outcomes[i] = Done(catalog.drop_secrets(conn, closed_before=before))
                case Requeue(record=record):
                    outcomes[i] = Done(catalog.take_refused(conn, record, at=at, day=day))
        outcomes.update(self._index(run, ops, refs, at=at, day=day))
        return outcomes

    def _index(
        self, run: Sequence[int], ops: Sequence[Operation], refs: dict[int, RecordRef], *, at: float, day: str
    ) -> dict[int, Outcome]:
        """Index the envelopes at the indexes `run` together; their outcomes by index."""
        if not run:
            return {}
        stored = [(op.record, refs[i]) for i in run if isinstance(op := ops[i], StoreEnvelope)]
        indexed = catalog.record_envelopes(self.conn, stored, at=at, day=day)
        return {i: Done(effects) for i, effects in zip(run, indexed, strict=True)}

    def _drop_secrets(self, ops: Sequence[Operation], outcomes: list[Outcome]) -> None:
        """Keep the key file to the secrets the catalog still holds, once dropped ones make up most of it."""
        dropped = sum(
            outcome.detail
            for op, outcome in zip(ops, outcomes, strict=True)
            if isinstance(op, DropSecrets) and isinstance(outcome, Done) and isinstance(outcome.detail, int)
        )
        if dropped and self.keys.dropped(dropped):
            self.keys.rewrite(catalog.live_secrets(self.conn))

    def close(self) -> None:
        self.envelopes.close()
        self.trajectories.close()
        self.conn.close()


def _end(ref: RecordRef) -> int:
    return ref.offset + ref.length + 1


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK if anything inside raised."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
