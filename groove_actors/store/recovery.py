"""Start-up recovery of the embedded store (ARCHITECTURE "Durability and recovery contract").

1. Cut torn tails: a record whose append was interrupted (no final newline) was never acknowledged.
2. Index what the index lacks: records fsynced before a crash stopped their transaction. Each is indexed if it
   is the next envelope of its open session (as the writer would have), so its client's retry becomes a
   duplicate; anything else stays an unindexed orphan, harmless.
3. Cut stitched trajectories whose credit never committed; the pending mark makes the pipeline redo them.
Blocks on disk and SQLite; run it in a worker thread before any actor starts.
"""

from __future__ import annotations

import attrs

from groove_actors import logs
from groove_actors.errors import PeerError
from groove_actors.protocol import jsjson
from groove_actors.protocol.envelope import summarize
from groove_actors.store import catalog
from groove_actors.store.catalog import EnvelopeRecord
from groove_actors.store.embedded import EmbeddedStore, transaction
from groove_actors.store.segments import RecordRef


@attrs.frozen
class RecoveryReport:
    torn_bytes_cut: int
    reindexed: int
    orphans: int
    trajectory_bytes_cut: int


def recover(store: EmbeddedStore, *, now: float) -> RecoveryReport:
    torn = sum(cut for _, cut in store.envelopes.cut_torn_tails())
    torn_traj = sum(cut for _, cut in store.trajectories.cut_torn_tails())
    reindexed = orphans = 0
    for segment in store.envelopes.names():
        end = catalog.indexed_end(store.conn, segment)
        if (store.envelopes.directory / segment).stat().st_size <= end:
            continue
        for ref, body in store.envelopes.records_after(segment, end):
            if _reindex(store, ref, body, now=now):
                reindexed += 1
            else:
                orphans += 1
    for segment in store.trajectories.names():
        end = catalog.trajectory_end(store.conn, segment)
        size = (store.trajectories.directory / segment).stat().st_size
        if size > end:
            store.trajectories.truncate(segment, end)
            torn_traj += size - end
    report = RecoveryReport(torn, reindexed, orphans, torn_traj)
    if torn or reindexed or orphans or torn_traj:
        logs.event("store.recovered", level=30, **attrs.asdict(report))
    return report


def _reindex(store: EmbeddedStore, ref: RecordRef, body: bytes, *, now: float) -> bool:
    try:
        parsed = jsjson.parse(body)
    except PeerError:
        return False
    if not isinstance(parsed, dict) or not isinstance(parsed.get("session_id"), str):
        return False
    seen = summarize(body, parsed, parsed["session_id"], ())
    state = catalog.load_session(store.conn, seen.session_id)
    if state is None or state.status != "open" or seen.sequence != state.next_sequence:
        return False
    record = EnvelopeRecord(
        session_id=seen.session_id,
        sequence=seen.sequence,
        envelope_id=seen.envelope_id,
        kind=seen.kind,
        hmac=seen.session_hmac or "",
        body=body,
        steps=seen.steps,
        contributor_id=seen.contributor_id,
        provider=seen.provider,
        model=seen.model,
        close_status=seen.close_status,
        stored_at=now,
        day=ref.segment[:10],
    )
    with transaction(store.conn):
        catalog.record_envelope(store.conn, record, ref)
    return True
