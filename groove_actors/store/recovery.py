"""Start-up recovery of the embedded store (ARCHITECTURE "Durability and recovery contract").

The catalog records, for each log file, the byte up to which it holds what the file says (`log_ends`).
At start-up each file is held against its end:
1. A file shorter than its end (or missing) lost records that were acknowledged: recovery refuses, naming
   the files and the envelopes and credits lost, and never appends where the catalog points.
2. An incomplete last line past the end is a torn append that was never acknowledged: it is cut.
3. Complete records past the end were made durable but not committed (a crash between the two), or the
   catalog lost transactions (a deleted WAL, an old copy): they are replayed (store/replay.py), so the
   catalog again holds everything the logs do. More than one commit replayed means the catalog was behind.
4. Open sessions whose secret the key file no longer holds can take no envelope: they are closed (and so
   credited with what they have). The key file is then rewritten with the open sessions' secrets only.
Blocks on disk and SQLite; run it in a worker thread before any actor starts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

import attrs

from groove_actors import logs
from groove_actors.errors import StoreCorrupt
from groove_actors.store import catalog
from groove_actors.store.embedded import CloseSession, EmbeddedStore
from groove_actors.store.replay import ReplayReport, replay_logs
from groove_actors.store.segments import ENVELOPE_LOG, TRAJECTORY_LOG, SegmentFiles

SHOWN = 10  # lost envelopes named in a message, before "and N more"


class StoreLoss(StoreCorrupt):
    """Acknowledged records are missing from the logs; the message names them and what to do."""


@attrs.frozen
class RecoveryReport:
    torn_bytes_cut: int
    replayed: dict[str, int]
    catalog_behind_commits: int
    keys_lost: int
    unplaced: tuple[str, ...] = ()

    def fields(self) -> dict[str, object]:
        """For the log: counts only."""
        return attrs.asdict(self, filter=lambda field, _: field.name != "unplaced")


def recover(store: EmbeddedStore, *, now: float, data_dir_hint: str = "DATA_DIR") -> RecoveryReport:
    """Bring the catalog level with the logs; raises StoreLoss when acknowledged records are gone."""
    ends = {log: catalog.log_ends(store.conn, log) for log in (ENVELOPE_LOG, TRAJECTORY_LOG)}
    envelope_ends, trajectory_ends = ends[ENVELOPE_LOG], ends[TRAJECTORY_LOG]
    losses = find_losses(store.conn, store.envelopes, store.trajectories, ends)
    if losses:
        raise StoreLoss(
            "acknowledged records are missing from the logs: "
            + "; ".join(losses)
            + ". Nothing was changed. Put the files back from a backup (deploy/restore.sh), or rebuild the"
            f" catalog from what the logs still hold with `groove-central rebuild --data-dir {data_dir_hint}`"
            " (what is lost stays lost)"
        )
    torn = cut_torn_tails(store.envelopes, envelope_ends) + cut_torn_tails(
        store.trajectories, trajectory_ends
    )
    report = ReplayReport()
    replay_logs(
        store.conn,
        store.envelopes,
        store.trajectories,
        starts={ENVELOPE_LOG: envelope_ends, TRAJECTORY_LOG: trajectory_ends},
        secrets=store.keys.load(),
        report=report,
    )
    keyless = [sid for sid, secret in catalog.open_secrets(store.conn).items() if not secret]
    if keyless:
        store.commit([CloseSession(sid, now, "key_lost", "CRASH") for sid in keyless], at=now)
    store.keys.rewrite(catalog.live_secrets(store.conn))
    behind = max(0, report.commits_applied - 1)  # a crash leaves at most one commit out of the catalog
    result = RecoveryReport(torn, report.counts(), behind, len(keyless), tuple(report.unplaced))
    if behind:
        logs.event("store.catalog_behind", level=30, **report.counts())
    for problem in report.unplaced[:SHOWN]:
        logs.event("store.unplaced_record", level=30, problem=problem)
    if torn or report.applied or report.unplaced or keyless:
        logs.event("store.recovered", level=30, **result.fields())
    return result


def find_losses(
    conn: sqlite3.Connection,
    envelopes: SegmentFiles,
    trajectories: SegmentFiles,
    ends: Mapping[str, Mapping[str, int]],
) -> list[str]:
    """Each log file shorter than the catalog's end for it (or missing), with what it held there."""
    losses = []
    for log, files in ((ENVELOPE_LOG, envelopes), (TRAJECTORY_LOG, trajectories)):
        present = set(files.names())
        for segment, end in sorted(ends.get(log, {}).items()):
            complete = files.sizes(segment)[1] if segment in present else 0
            if complete >= end:
                continue
            shortfall = (
                f"{log}/{segment} ends at byte {complete} but the catalog holds it up to byte {end}"
                if segment in present
                else f"{log}/{segment} is missing (the catalog holds it up to byte {end})"
            )
            losses.append(f"{shortfall}: {_lost_there(conn, log, segment, complete)}")
    return losses


def _lost_there(conn: sqlite3.Connection, log: str, segment: str, offset: int) -> str:
    if log == ENVELOPE_LOG:
        lost = [f"{sid} #{seq}" for sid, seq in catalog.envelopes_from(conn, segment, offset)]
        what = "envelope"
    else:
        lost = [f"the credit of {sid}" for sid in catalog.credits_from(conn, segment, offset)]
        what = "credited trajectory"
    if not lost:
        return "control records only"
    more = f" and {len(lost) - SHOWN} more" if len(lost) > SHOWN else ""
    return f"{len(lost)} {what}(s) lost ({', '.join(lost[:SHOWN])}{more})"


def cut_torn_tails(files: SegmentFiles, ends: Mapping[str, int]) -> int:
    """Cut every incomplete last line past the committed end; the bytes cut."""
    cut = 0
    for name in files.names():
        size, complete = files.sizes(name)
        if size > complete >= ends.get(name, 0):
            files.truncate(name, complete)
            cut += size - complete
    return cut
