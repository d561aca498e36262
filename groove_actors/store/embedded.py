"""The embedded store: SQLite catalog + append-only envelope and trajectory segments under the data dir.

`commit` applies a batch of operations as one group commit: envelope bytes appended and fsynced, trajectory
bytes appended and fsynced, then one SQLite transaction (synchronous=FULL) that indexes them and records every
other change. Only after `commit` returns may anything be acknowledged. A crash between the two steps leaves
records the index lacks; `recover` finds them on start-up.

Resource handling: owns the write connection and both segment sets; one caller at a time, in a worker thread.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import attrs

from groove_actors import logs
from groove_actors.store import catalog
from groove_actors.store.catalog import CreditRecord, EnvelopeEffects, EnvelopeRecord, NewSession
from groove_actors.store.schema import connect
from groove_actors.store.segments import DEFAULT_MAX_SEGMENT_BYTES, RecordRef, SegmentFiles

CATALOG_FILE = "central.sqlite3"
ENVELOPES_DIR = "envelopes"
TRAJECTORIES_DIR = "trajectories"


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
    credit: CreditRecord
    trajectory: bytes
    coordination: tuple[tuple[str, int, str | None], ...]
    agent_id: str | None


@attrs.frozen
class SealDay:
    """Keep the Merkle tree head of a finished day's credits."""

    day: str
    root_hex: str
    credits: int
    sealed_at: float


Operation = OpenSession | StoreEnvelope | RequestClose | CloseSession | Credit | SealDay


@attrs.frozen
class Done:
    """The operation is committed. `detail` says what it changed, for stats and replies."""

    detail: EnvelopeEffects | bool | None = None


@attrs.frozen
class Refused:
    status: int
    reason: str


Outcome = Done | Refused


@attrs.define(eq=False)
class EmbeddedStore:
    data_dir: Path
    quota_bytes: int
    max_segment_bytes: int = DEFAULT_MAX_SEGMENT_BYTES
    conn: sqlite3.Connection = attrs.field(init=False)
    envelopes: SegmentFiles = attrs.field(init=False)
    trajectories: SegmentFiles = attrs.field(init=False)
    stored_bytes: int = attrs.field(init=False, default=0)

    def __attrs_post_init__(self) -> None:
        self.conn = connect(self.data_dir / CATALOG_FILE)
        self.envelopes = SegmentFiles(self.data_dir / ENVELOPES_DIR, self.max_segment_bytes)
        self.trajectories = SegmentFiles(self.data_dir / TRAJECTORIES_DIR, self.max_segment_bytes)
        self.stored_bytes = self.envelopes.total_bytes()

    @property
    def catalog_path(self) -> Path:
        return self.data_dir / CATALOG_FILE

    def commit(self, ops: Sequence[Operation], *, day: str) -> list[Outcome]:
        """Apply a batch durably; one outcome per operation, in order. Raises on I/O or database failure."""
        outcomes: list[Outcome | None] = [None] * len(ops)
        stores = [(i, op) for i, op in enumerate(ops) if isinstance(op, StoreEnvelope)]
        accepted = self._within_quota(stores, outcomes)
        refs = self.envelopes.append([op.record.body for _, op in accepted], day=day) if accepted else []
        where = {i: ref for (i, _), ref in zip(accepted, refs, strict=True)}
        credits = [(i, op) for i, op in enumerate(ops) if isinstance(op, Credit)]
        if credits:
            traj_refs = self.trajectories.append([op.trajectory for _, op in credits], day=day)
            where.update({i: ref for (i, _), ref in zip(credits, traj_refs, strict=True)})
        self.stored_bytes += sum(ref.length + 1 for (i, _), ref in zip(accepted, refs, strict=True))
        with transaction(self.conn):
            run: list[int] = []  # consecutive envelopes are indexed together: a fixed number of statements
            for i, op in enumerate(ops):
                if isinstance(op, StoreEnvelope):
                    if outcomes[i] is None:
                        run.append(i)
                    continue
                self._index(run, ops, where, outcomes)
                outcomes[i] = self._apply(op, where.get(i))
            self._index(run, ops, where, outcomes)
        return [o for o in outcomes if o is not None]

    def _index(
        self,
        run: list[int],
        ops: Sequence[Operation],
        where: dict[int, RecordRef],
        outcomes: list[Outcome | None],
    ) -> None:
        if not run:
            return
        records = [(ops[i].record, where[i]) for i in run]  # type: ignore[union-attr]
        for i, effects in zip(run, catalog.record_envelopes(self.conn, records), strict=True):
            outcomes[i] = Done(effects)
        run.clear()

    def _within_quota(
        self, stores: list[tuple[int, StoreEnvelope]], outcomes: list[Outcome | None]
    ) -> list[tuple[int, StoreEnvelope]]:
        accepted = []
        planned = self.stored_bytes
        for i, op in stores:
            size = len(op.record.body) + 1
            if planned + size > self.quota_bytes:
                outcomes[i] = Refused(507, "storage quota of this server is exhausted; retry later")
                logs.event(
                    "store.quota_exhausted", level=30, stored_bytes=planned, quota_bytes=self.quota_bytes
                )
                continue
            planned += size
            accepted.append((i, op))
        return accepted

    def _apply(self, op: Operation, ref: RecordRef | None) -> Outcome:
        conn = self.conn
        match op:
            case OpenSession(new=new, opens_per_hour=limit):
                if catalog.session_exists(conn, new.session_id):
                    return Refused(409, f"session {new.session_id!r} already exists; open a new session_id")
                if (
                    limit
                    and catalog.opens_since(conn, new.machine_fingerprint, new.created_at - 3600) >= limit
                ):
                    return Refused(429, f"this machine opened {limit} sessions in the last hour; retry later")
                catalog.insert_session(conn, new)
                return Done()
            case RequestClose(session_id=sid, now=now):
                catalog.request_close(conn, sid, now=now)
                return Done()
            case CloseSession(session_id=sid, now=now, reason=reason, status=status):
                return Done(catalog.close_session(conn, sid, now=now, reason=reason, status=status))
            case Credit(credit=credit, coordination=coordination, agent_id=agent_id):
                catalog.record_coordination(conn, credit.session_id, agent_id, coordination)
                return Done(catalog.record_credit(conn, credit, ref))
            case SealDay(day=day, root_hex=root_hex, credits=credits, sealed_at=sealed_at):
                return Done(catalog.record_root(conn, day, root_hex, credits, sealed_at))
        raise AssertionError(f"unknown operation {op!r}")

    def close(self) -> None:
        self.envelopes.close()
        self.trajectories.close()
        self.conn.close()


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
