"""`groove-central check` and `groove-central rebuild`: the logs, the catalog and the ledger against each other.

check, on a stopped server's data dir (or a backup), changes nothing. It
1. holds every log file against the catalog's end for it: a shorter or missing file lost acknowledged
   records, and the server would refuse to start (store/recovery.py);
2. does on a scratch copy of the catalog what the next start would do (cut torn appends, replay records past
   the ends) and says what that was (the scratch catalogs live in a `.check-scratch-*` directory inside the
   data dir, removed when check ends);
3. replays the whole logs into a second, empty scratch catalog, and compares the two table by table:
   sessions, envelopes, closes, credits, balances, stats, coordination links and ledger heads must be equal,
   since the catalog holds nothing the logs do not;
4. recomputes each sealed ledger day's Merkle tree head from its credits.
Every inconsistency is one line naming what differs; check returns them, and the command exits 1 if any.

rebuild moves the catalog aside (never deletes it) and replays the logs into a new one.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import attrs

from groove_actors.protocol import merkle
from groove_actors.store import catalog
from groove_actors.store.embedded import CATALOG_FILE, EmbeddedStore
from groove_actors.store.keys import KEY_FILE, KeyFile
from groove_actors.store.recovery import RecoveryReport, find_losses, recover
from groove_actors.store.replay import ReplayReport, replay_logs
from groove_actors.store.schema import connect
from groove_actors.store.segments import ENVELOPE_LOG, TRAJECTORY_LOG, SegmentFiles

# Each table and the columns that name a row in it.
TABLES = {
    "sessions": "session_id",
    "envelopes": "session_id, sequence",
    "pending_credits": "session_id",
    "credits": "id",
    "ledger_roots": "day",
    "balances": "contributor_id",
    "contributors": "contributor_id",
    "totals": "name",
    "daily": "day",
    "breakdown": "kind, name",
    "coordination": "coordination_id, session_id, step",
    "coordination_links": "session_id, step, partner_session, partner_step",
    "rotation_claims": "session_id",
}
SHOWN_ROWS = 5
SCRATCH_PREFIX = ".check-scratch-"  # in the data dir: check's copies of the catalog, removed when it ends

Say = Callable[[str], None]


@attrs.frozen
class CheckResult:
    problems: tuple[str, ...]
    notes: tuple[str, ...]


def check_data_dir(data_dir: Path, *, say: Say) -> CheckResult:
    """Hold the logs, the catalog and the ledger of `data_dir` against each other; change nothing."""
    problems: list[str] = []
    notes: list[str] = []
    if not (data_dir / CATALOG_FILE).is_file():
        return CheckResult((f"{data_dir / CATALOG_FILE} not found: not a Central Command data dir",), ())
    envelopes = SegmentFiles(data_dir / ENVELOPE_LOG)
    trajectories = SegmentFiles(data_dir / TRAJECTORY_LOG)
    secrets = KeyFile(data_dir / KEY_FILE).load()
    with scratch_dir(data_dir) as scratch:
        now_path, full_path = scratch / "as-next-start.sqlite3", scratch / "from-logs.sqlite3"
        say(f"copying the catalog to {now_path}")
        _copy_catalog(data_dir / CATALOG_FILE, now_path)
        as_next_start = connect(now_path)
        from_logs = connect(full_path)
        try:
            ends = {log: catalog.log_ends(as_next_start, log) for log in (ENVELOPE_LOG, TRAJECTORY_LOG)}
            losses = find_losses(as_next_start, envelopes, trajectories, ends)
            if losses:
                return CheckResult(tuple(f"lost: {loss}" for loss in losses), ())
            notes += _torn_notes(envelopes, ends[ENVELOPE_LOG]) + _torn_notes(
                trajectories, ends[TRAJECTORY_LOG]
            )
            say("replaying what lies past the catalog's ends, as the next start would")
            tail = ReplayReport()
            replay_logs(as_next_start, envelopes, trajectories, starts=ends, secrets=secrets, report=tail)
            if tail.applied:
                notes.append(f"the next start replays records past the catalog's ends: {_counted(tail)}")
            if tail.commits > 1:
                notes.append(
                    f"the catalog is behind the log by {tail.commits - 1} commit(s); the next start rebuilds them"
                )
            say("replaying the whole logs into an empty catalog")
            whole = ReplayReport()
            replay_logs(from_logs, envelopes, trajectories, starts={}, secrets=secrets, report=whole)
            say(f"replayed {_counted(whole)}; comparing")
            problems += [f"unplaced: {problem}" for problem in whole.unplaced]
            problems += compare_catalogs(as_next_start, full_path)
            problems += check_ledger_heads(as_next_start)
            keyless = [sid for sid, secret in catalog.open_secrets(as_next_start).items() if not secret]
            if keyless:
                notes.append(f"{len(keyless)} open session(s) have no key; the next start closes them")
        finally:
            as_next_start.close()
            from_logs.close()
    return CheckResult(tuple(problems), tuple(notes))


@contextmanager
def scratch_dir(data_dir: Path) -> Iterator[Path]:
    """A directory for check's two scratch catalogs, inside the data dir and removed when check ends.

    Inside: on the filesystem that holds the catalog (which may be large, where /tmp may be small), and
    writable wherever check can take the data dir's lock. One that a killed check left behind is removed
    first: check runs holding the data dir's lock, so no other check is using it.
    """
    for stale in data_dir.glob(f"{SCRATCH_PREFIX}*"):
        shutil.rmtree(stale, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix=SCRATCH_PREFIX, dir=data_dir) as scratch:
        yield Path(scratch)


def _copy_catalog(source: Path, target: Path) -> None:
    """A consistent copy of the catalog, with whatever its WAL holds (SQLite's backup API)."""
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    writer = sqlite3.connect(target)
    try:
        reader.backup(writer)
    finally:
        reader.close()
        writer.close()


def _torn_notes(files: SegmentFiles, ends: dict[str, int]) -> list[str]:
    notes = []
    for name in files.names():
        size, complete = files.sizes(name)
        if size > complete >= ends.get(name, 0):
            notes.append(f"{files.directory.name}/{name} ends in a torn append of {size - complete} bytes, never"
                         " acknowledged; the next start cuts it")  # fmt: skip
    return notes


def _counted(report: ReplayReport) -> str:
    counts = report.counts()
    return ", ".join(f"{counts[name]} {name.replace('_', ' ')}" for name in counts if counts[name])


def compare_catalogs(conn: sqlite3.Connection, other_path: Path) -> list[str]:
    """Every row that differs between the catalog on `conn` and the one at `other_path`, table by table."""
    problems = []
    conn.execute("ATTACH DATABASE ? AS other", (f"file:{other_path}?mode=ro",))
    try:
        for table, key in TABLES.items():
            only_here = conn.execute(
                f"SELECT {key} FROM (SELECT * FROM main.{table} EXCEPT SELECT * FROM other.{table})"
            ).fetchall()
            only_there = conn.execute(
                f"SELECT {key} FROM (SELECT * FROM other.{table} EXCEPT SELECT * FROM main.{table})"
            ).fetchall()
            keys = sorted({tuple(row) for row in only_here} | {tuple(row) for row in only_there}, key=repr)
            if keys:
                shown = ", ".join("/".join(map(str, k)) for k in keys[:SHOWN_ROWS])
                more = f" and {len(keys) - SHOWN_ROWS} more" if len(keys) > SHOWN_ROWS else ""
                problems.append(
                    f"{table}: the catalog and the logs disagree on {len(keys)} row(s): {shown}{more}"
                )
    finally:
        conn.execute("DETACH DATABASE other")
    return problems


def check_ledger_heads(conn: sqlite3.Connection) -> list[str]:
    """Each sealed day's head and credit count, recomputed from the day's credits."""
    problems = []
    for row in catalog.ledger_roots(conn, 100_000):
        leaves = catalog.day_leaves(conn, row["day"])
        head = merkle.root(merkle.leaf_hashes(leaves)).hex()
        if head != row["root"] or len(leaves) != row["credits"]:
            problems.append(
                f"ledger day {row['day']}: sealed with head {row['root'][:16]}... over {row['credits']} credits,"
                f" its credits now give {head[:16]}... over {len(leaves)}"
            )
    return problems


def rebuild_data_dir(data_dir: Path, *, say: Say, now: float | None = None) -> RecoveryReport:
    """Move the catalog aside and rebuild it from the logs; returns what the replay did."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = data_dir / f"{CATALOG_FILE}.replaced-{stamp}"
    present = [data_dir / (CATALOG_FILE + suffix) for suffix in ("", "-wal", "-shm")]
    present = [path for path in present if path.exists()]
    if present:
        aside.mkdir(mode=0o700)
        for path in present:
            shutil.move(path, aside / path.name)
        say(f"moved the catalog aside to {aside}")
    store = EmbeddedStore(data_dir, quota_bytes=2**62)
    try:
        say("replaying the logs into a new catalog")
        return recover(store, now=time.time() if now is None else now, data_dir_hint=str(data_dir))
    finally:
        store.close()
