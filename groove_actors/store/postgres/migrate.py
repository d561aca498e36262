"""`groove-central migrate --from DATA_DIR --to postgresql://...`: an embedded store moved into PostgreSQL.

Everything the embedded store holds goes over as the PostgreSQL store would have written it: sessions with
their state and secrets, every envelope's index row and its bytes as stored (read from the segment files,
with its sequence, HMAC, arrival time and any refusal it was kept aside with), pending credits, the ledger
(credits with their ids, so each day's leaves keep their order and sealed days their Merkle heads, and their
stitched trajectories from the trajectory log), sealed days, balances, contributors, stats counters,
coordination steps and links, and rotation claims.

The move is a sequence of steps, one per table, each copied in batches (COPY) in order of the source's key;
each batch is one transaction that also records, in `groove_migration`, the last key it moved. So an
interrupted migration is resumed by running the same command again: the target says where each step stood,
and nothing is moved twice. The target must be empty (or hold only the server's schema) unless it holds a
migration of the same data dir in the same state (a fingerprint of the catalog's log ends and counters):
a data dir served from in between is refused, and the target must then be made afresh.

The data dir's lock is held throughout, so no server runs on it meanwhile, and the catalog must hold
everything its logs do (a server that stopped cleanly leaves it so). Blocks on disk, SQLite and PostgreSQL:
run it from the command line, not from the event loop.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import attrs
import orjson
import psycopg
from psycopg import sql
from psycopg.rows import TupleRow

from groove_actors.errors import ConfigError
from groove_actors.store import catalog
from groove_actors.store.embedded import CATALOG_FILE
from groove_actors.store.lock import hold_data_dir
from groove_actors.store.postgres import bodies
from groove_actors.store.postgres.schema import MIGRATION_LOCK, SchemaTooNew, ensure_day, migrate
from groove_actors.store.postgres.url import StoreUrl
from groove_actors.store.recovery import find_losses
from groove_actors.store.schema import SCHEMA_VERSION, connect
from groove_actors.store.segments import (
    ENVELOPE_LOG,
    TRAJECTORY_LOG,
    RecordRef,
    SegmentFiles,
    read_records,
    utc_day,
)

Conn = psycopg.Connection[TupleRow]
Say = Callable[[str], None]
ROWS_PER_BATCH = 2_000
BYTES_PER_BATCH = 32 * 1024 * 1024  # of envelope bodies or trajectories in one transaction, at most
MIGRATE_LOCK = MIGRATION_LOCK + 2  # one migrate at a time into a database
PROGRESS_TABLE = "groove_migration"
FINISHED = "finished"
PLAIN_EVERY_S = 30.0
# The tables a database holding anything has rows in: a target with rows in any is not empty.
DATA_TABLES = (
    "sessions", "envelopes", "envelope_bodies", "pending_credits", "credits", "ledger_roots", "balances",
    "contributors", "totals", "daily", "breakdown", "coordination", "coordination_links", "rotation_claims",
)  # fmt: skip


class MigrateRefused(ConfigError):
    """The migration cannot start (or resume): the message says why and what to do."""


@attrs.frozen
class Step:
    """One table's move: the source query's columns (the key's first), the target's, and the key's width."""

    name: str
    source: str  # SELECT list over `source_table`, key columns first
    source_table: str
    key: tuple[str, ...]
    target_columns: tuple[str, ...]


_COUNTED = "refusal_status IS NULL AND kind != 'feedback'"
_SESSION_COLUMNS = (
    "session_id secret client_public_key provider model machine_fingerprint app_version_hash groove_version"
    " next_sequence status created_at last_activity_at close_requested_at closed_at close_reason close_status"
    " contributor_id data_provider data_model accepted feedback_signal feedback_at"
)
_SESSION = _SESSION_COLUMNS.split()
_ENVELOPE = (
    "session_id sequence envelope_id kind day length hmac steps stored_at refusal_status refusal_reason"
)
_CREDIT = (
    "id session_id revision contributor_id points base_points breakdown policy_version quality model provider"
    " steps day created_at"
)
# Tables moved as they are: (table, its key, its columns with the key's first).
_PLAIN = (
    ("pending_credits", "session_id", "session_id queued_at"),
    ("ledger_roots", "day", "day root credits sealed_at"),
    ("balances", "contributor_id", "contributor_id total_points total_sessions last_credit_at trust_score"),
    ("contributors", "contributor_id", "contributor_id"),
    ("daily", "day", "day envelopes steps sessions points"),
    ("breakdown", "kind name", "kind name sessions steps points"),
    ("coordination", "coordination_id session_id step", "coordination_id session_id step agent_id direction"),
    (
        "coordination_links",
        "session_id step partner_session partner_step",
        "session_id step partner_session partner_step coordination_id partner_agent",
    ),
    ("rotation_claims", "session_id", "session_id predecessor_session contributor_id"),
)
STEPS: tuple[Step, ...] = (
    Step(
        "sessions",
        ", ".join(_SESSION) + ", (SELECT COALESCE(SUM(length), 0) FROM envelopes e"
        f" WHERE e.session_id = sessions.session_id AND {_COUNTED})",
        "sessions",
        ("session_id",),
        (*_SESSION, "stored_bytes"),
    ),
    Step(
        "envelopes",
        "segment, offset, length, session_id, sequence, envelope_id, kind, hmac, steps, stored_at,"
        " refusal_status, refusal_reason",
        "envelopes",
        ("segment", "offset"),
        tuple(_ENVELOPE.split()),
    ),
    Step(
        "credits",
        ", ".join(_CREDIT.split()) + ", trajectory_segment, trajectory_offset, trajectory_length",
        "credits",
        ("id",),
        (*_CREDIT.split(), "trajectory"),
    ),
    *(
        Step(table, ", ".join(columns.split()), table, tuple(key.split()), tuple(columns.split()))
        for table, key, columns in _PLAIN
    ),
)


@attrs.define
class MigrationReport:
    moved: dict[str, int] = attrs.Factory(dict)  # rows per step, this run and any it resumed
    body_bytes: int = 0  # envelope bytes moved by this run
    seconds: float = 0.0
    resumed: bool = False
    already_done: bool = False

    def line(self, target: str) -> str:
        """The summary that ends the command's output."""
        if self.already_done:
            return f"{target} already holds this data dir, migrated in full; nothing to do"
        counts = ", ".join(f"{n} {step.replace('_', ' ')}" for step, n in self.moved.items() if n)
        how = "resumed and finished" if self.resumed else "moved"
        rate = self.moved.get("envelopes", 0) / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{how}: {counts or 'nothing (an empty store)'}; {self.body_bytes / 2**20:.1f} MiB of envelope bytes"
            f" this run, in {self.seconds:.1f} s ({rate:.0f} envelopes/s) into {target}"
        )


@attrs.define(eq=False)
class Progress:
    """Envelopes moved, their rate and percentage: on a terminal in place, four times a second; elsewhere (a
    log, a pipe) as a line every PLAIN_EVERY_S."""

    total: int
    stream: TextIO = sys.stderr
    done: int = 0
    started: float = attrs.Factory(time.monotonic)
    _shown_at: float = 0.0
    _base: int = 0  # moved by an earlier run, not counted in the rate

    def resume_from(self, done: int) -> None:
        self.done = self._base = done

    def add(self, count: int) -> None:
        self.done += count
        now = time.monotonic()
        if self.stream.isatty():
            if now - self._shown_at >= 0.25 or self.done >= self.total:
                self._shown_at = now
                self.stream.write(f"\rgroove-central migrate: {self._text(now)}\x1b[K")
                self.stream.flush()
        elif now - max(self._shown_at, self.started) >= PLAIN_EVERY_S:
            self._shown_at = now
            self.stream.write(f"groove-central migrate: {self._text(now)}\n")
            self.stream.flush()

    def end(self) -> None:
        if self.stream.isatty() and self._shown_at:
            self.stream.write("\n")
            self.stream.flush()

    def _text(self, now: float) -> str:
        rate = (self.done - self._base) / max(now - self.started, 1e-9)
        share = 100.0 * self.done / self.total if self.total else 100.0
        return f"envelopes {self.done}/{self.total} ({share:.1f}%), {rate:.0f} envelopes/s"


def migrate_data_dir(
    data_dir: Path, url: StoreUrl, *, say: Say, stream: TextIO = sys.stderr
) -> MigrationReport:
    """Move the embedded store in `data_dir` into the PostgreSQL database at `url` (or finish moving it).

    Raises DataDirBusy when a server holds the data dir, MigrateRefused when the source or target is not
    fit, psycopg.Error when the database fails (a rerun resumes).
    """
    if not (data_dir / CATALOG_FILE).is_file():
        raise MigrateRefused(f"{data_dir / CATALOG_FILE} not found: not a Central Command data dir")
    started = time.monotonic()
    with hold_data_dir(data_dir):
        source = connect(data_dir / CATALOG_FILE, readonly=True)
        try:
            current_catalog(source)
            level_with_logs(source, data_dir)
            fingerprint = source_fingerprint(source)
            with _target(url) as target:
                report = _run(source, data_dir, target, fingerprint, say=say, stream=stream)
        finally:
            source.close()
    report.seconds = time.monotonic() - started
    return report


def current_catalog(source: sqlite3.Connection) -> None:
    """Refuse a catalog an older server wrote: this version's server upgrades it when it starts."""
    row = source.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None or int(row[0]) != SCHEMA_VERSION:
        raise MigrateRefused(
            f"the catalog is of schema version {row[0] if row else 'unknown'}, not this version's {SCHEMA_VERSION}:"
            " start this version's server on the data dir once and stop it (it upgrades the catalog), then migrate"
        )


def level_with_logs(source: sqlite3.Connection, data_dir: Path) -> None:
    """Refuse a catalog that does not hold exactly what its logs do: what it lacks would not move."""
    envelopes = SegmentFiles(data_dir / ENVELOPE_LOG)
    trajectories = SegmentFiles(data_dir / TRAJECTORY_LOG)
    ends = {log: catalog.log_ends(source, log) for log in (ENVELOPE_LOG, TRAJECTORY_LOG)}
    losses = find_losses(source, envelopes, trajectories, ends)
    if losses:
        raise MigrateRefused(
            f"the data dir lost acknowledged records ({losses[0]}); run `groove-central check --data-dir"
            f" {data_dir}` and repair it first"
        )
    for log, files in ((ENVELOPE_LOG, envelopes), (TRAJECTORY_LOG, trajectories)):
        for name in files.names():
            if files.sizes(name)[1] > ends[log].get(name, 0):
                raise MigrateRefused(
                    f"the catalog is behind its log {log}/{name} (the server did not stop cleanly): start the"
                    " server on the data dir once and stop it, which replays what it lacks, then migrate"
                )


def source_fingerprint(source: sqlite3.Connection) -> str:
    """What identifies the data dir's state: its logs' committed ends and its counters (any commit moves them)."""
    rows = [
        *source.execute("SELECT log, segment, end_offset FROM log_ends ORDER BY log, segment"),
        *source.execute("SELECT name, value FROM totals ORDER BY name"),
        *source.execute("SELECT COUNT(*), COALESCE(MAX(created_at), 0) FROM sessions"),
    ]
    return hashlib.sha256(orjson.dumps([list(row) for row in rows])).hexdigest()


@contextmanager
def _target(url: StoreUrl) -> Iterator[Conn]:
    """An autocommit connection to the target, the server's schema applied, holding the migrate lock (the
    session's: it goes with the connection)."""
    try:
        conn = psycopg.connect(url.conninfo, autocommit=True, connect_timeout=10)
    except psycopg.OperationalError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise MigrateRefused(f"cannot connect to PostgreSQL at {url.shown}: {reason}") from None
    with conn:
        row = conn.execute("SELECT pg_try_advisory_lock(%s)", (MIGRATE_LOCK,)).fetchone()
        if not row or not row[0]:
            raise MigrateRefused(f"another migrate is writing into {url.shown}; let it finish")
        try:
            migrate(conn)
        except SchemaTooNew as exc:
            raise MigrateRefused(str(exc)) from None
        yield conn


def _run(
    source: sqlite3.Connection, data_dir: Path, target: Conn, fingerprint: str, *, say: Say, stream: TextIO
) -> MigrationReport:
    report = MigrationReport()
    target.execute(
        f"CREATE TABLE IF NOT EXISTS {PROGRESS_TABLE} (step TEXT PRIMARY KEY, source TEXT NOT NULL,"
        " resume_key TEXT NOT NULL, moved BIGINT NOT NULL DEFAULT 0, done BOOLEAN NOT NULL DEFAULT FALSE)"
    )
    state = {
        str(step): (str(src), orjson.loads(key), int(moved), bool(done))
        for step, src, key, moved, done in target.execute(
            f"SELECT step, source, resume_key, moved, done FROM {PROGRESS_TABLE}"
        )
    }
    if any(src != fingerprint for src, _, _, _ in state.values()):
        raise MigrateRefused(
            "the target holds a migration of another data dir, or of this one before it changed (a server ran"
            " on it since): give an empty database, or drop this one and make it afresh"
        )
    if not state:
        held = [t for t in DATA_TABLES if _has_rows(target, t)]
        if held:
            raise MigrateRefused(
                f"the target is not empty (it has {', '.join(held[:4])}{' ...' if len(held) > 4 else ''}):"
                " migrate only into an empty database (or one that only the server's schema is in)"
            )
    elif state.get(FINISHED, ("", None, 0, False))[3]:
        report.already_done = True
        return report
    else:
        report.resumed = True
        say("resuming the migration that was interrupted: what it moved stays, the rest follows")
    total = int(source.execute("SELECT COUNT(*) FROM envelopes").fetchone()[0])
    progress = Progress(total, stream)
    say(f"moving {data_dir} into the target: {total} envelopes")
    mover = _Mover(source, data_dir, target, fingerprint, report, progress)
    try:
        for step in STEPS:
            _, key, moved, done = state.get(step.name, ("", [], 0, False))
            report.moved[step.name] = moved
            if step.name == "envelopes":
                progress.resume_from(moved)
            if not done:
                mover.move(step, key)
    finally:
        progress.end()
    mover.finish()
    return report


def _has_rows(conn: Conn, table: str) -> bool:
    row = conn.execute(sql.SQL("SELECT EXISTS (SELECT 1 FROM {})").format(sql.Identifier(table))).fetchone()
    return bool(row and row[0])


@attrs.define(eq=False)
class _Mover:
    source: sqlite3.Connection
    data_dir: Path
    target: Conn
    fingerprint: str
    report: MigrationReport
    progress: Progress
    _days: set[str] = attrs.Factory(set)

    def move(self, step: Step, resume_key: Sequence[Any]) -> None:
        """Copy the rows of one step past `resume_key`, a batch per transaction, then mark the step done."""
        key: list[Any] = list(resume_key)
        for batch in self._batches(step, key):
            rows = self._rows(step, batch)
            key = list(batch[-1][: len(step.key)])
            with self.target.transaction():
                self._copy(step, rows)
                self._record(step.name, key, len(rows), done=False)
            self.report.moved[step.name] += len(rows)
            if step.name == "envelopes":
                self.progress.add(len(rows))
        with self.target.transaction():
            self._record(step.name, key, 0, done=True)

    def finish(self) -> None:
        """The counters the PostgreSQL store keeps besides the embedded ones, the ledger's next id, and the
        mark that the migration is whole: one transaction."""
        totals = dict(self.source.execute("SELECT name, value FROM totals").fetchall())
        totals["contributors"] = self.source.execute("SELECT COUNT(*) FROM contributors").fetchone()[0]
        totals["active_sessions"] = self.source.execute(
            "SELECT COUNT(*) FROM sessions WHERE status = 'open'"
        ).fetchone()[0]
        totals["stored_bytes"] = self.source.execute(
            "SELECT COALESCE(SUM(length), 0) FROM envelopes"
        ).fetchone()[0]
        with self.target.transaction():
            self.target.execute("DELETE FROM totals")
            with self.target.cursor().copy("COPY totals (name, value) FROM STDIN") as copy:
                for name, value in sorted(totals.items()):
                    copy.write_row((name, float(value)))
            self.target.execute(
                "SELECT setval(pg_get_serial_sequence('credits', 'id'),"
                " (SELECT COALESCE(MAX(id), 0) FROM credits) + 1, false)"
            )
            self._record(FINISHED, [], 0, done=True)
        self.report.moved["totals"] = len(totals)

    def _batches(self, step: Step, key: list[Any]) -> Iterator[list[tuple[Any, ...]]]:
        """The source's rows past `key` in key order, in batches of ROWS_PER_BATCH rows or BYTES_PER_BATCH
        bytes (of bodies or trajectories), whichever comes first."""
        columns = ", ".join(step.key)
        sized = {"envelopes": 2, "credits": 16}.get(step.name)  # where the length of the bytes read is
        while True:
            where = f"WHERE ({columns}) > ({', '.join('?' for _ in key)})" if key else ""
            rows = self.source.execute(
                f"SELECT {step.source} FROM {step.source_table} {where} ORDER BY {columns} LIMIT ?",
                (*key, ROWS_PER_BATCH),
            ).fetchall()
            if not rows:
                return
            if sized is not None:
                size, cut = 0, 0
                while cut < len(rows) and (cut == 0 or size + (rows[cut][sized] or 0) <= BYTES_PER_BATCH):
                    size += rows[cut][sized] or 0
                    cut += 1
                rows = rows[:cut]
            yield rows
            key = list(rows[-1][: len(step.key)])

    def _rows(self, step: Step, batch: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """The target's rows for a batch of source rows (with the bytes they point to read from the logs)."""
        if step.name == "envelopes":
            refs = [RecordRef(str(r[0]), int(r[1]), int(r[2])) for r in batch]
            received = read_records(self.data_dir / ENVELOPE_LOG, refs)
            for day in {utc_day(float(r[9])) for r in batch} - self._days:
                ensure_day(self.target, day)
                self._days.add(day)
            self.report.body_bytes += sum(len(b) for b in received)
            return [
                (r[3], r[4], r[5], r[6], utc_day(float(r[9])), r[2], r[7], r[8], r[9], r[10], r[11], body)
                for r, body in zip(batch, received, strict=True)
            ]
        if step.name == "credits":
            return [(*r[:14], self._trajectory(r[14:])) for r in batch]
        return batch

    def _trajectory(self, where: Sequence[Any]) -> bytes:
        segment, offset, length = where
        if segment is None:
            return b""
        (line,) = read_records(self.data_dir / TRAJECTORY_LOG, [RecordRef(segment, offset, length)])
        return line

    def _copy(self, step: Step, rows: list[tuple[Any, ...]]) -> None:
        cursor = self.target.cursor()
        if step.name == "envelopes":
            with cursor.copy(_copy_statement("envelopes", step.target_columns)) as copy:
                for row in rows:
                    copy.write_row(row[:-1])
            into = _copy_statement("envelope_bodies", ("day", "session_id", "sequence", "encoding", "body"))
            with cursor.copy(into + sql.SQL(" (FORMAT BINARY)")) as copy:  # the bytes as bytes, not in hex
                copy.set_types(["date", "text", "int8", "int2", "bytea"])
                for row in rows:  # kept as the server keeps them
                    copy.write_row((dt.date.fromisoformat(row[4]), row[0], row[1], *bodies.pack(row[-1])))
            return
        with cursor.copy(_copy_statement(step.name, step.target_columns)) as copy:
            for row in rows:
                copy.write_row(row)

    def _record(self, step: str, key: Sequence[Any], moved: int, *, done: bool) -> None:
        self.target.execute(
            f"INSERT INTO {PROGRESS_TABLE} (step, source, resume_key, moved, done) VALUES (%s, %s, %s, %s, %s)"
            " ON CONFLICT (step) DO UPDATE SET resume_key = excluded.resume_key,"
            f" moved = {PROGRESS_TABLE}.moved + excluded.moved, done = excluded.done",
            (step, self.fingerprint, orjson.dumps(list(key)).decode(), moved, done),
        )


def _copy_statement(table: str, columns: Sequence[str]) -> sql.Composed:
    return sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
