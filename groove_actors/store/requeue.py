"""`groove-central requeue`: take refused envelopes after all, once the checks in force accept them.

An authentic envelope refused for what it holds is kept aside with its refusal and used its sequence number
(docs/PROTOCOL.md, "Refused envelopes"). After an upgrade that accepts more (a newer schema, a step type the
scoring policy adds), requeue checks each envelope refused for its schema (422) again, as of when it arrived,
and takes those that pass: they join their session's data and stats once, and a session already credited is
credited again by the difference (a ledger adjustment, revision 1, 2, ...). Refusals for other reasons (the
session was closed or full) stand. Run it with the server stopped; the next start credits what it queued.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import attrs

from groove_actors.protocol import limits
from groove_actors.protocol.envelope import Rejected, read_envelope
from groove_actors.store import catalog
from groove_actors.store.embedded import EmbeddedStore, Requeue
from groove_actors.store.recovery import recover
from groove_actors.store.replay import envelope_record

SCHEMA_REFUSAL = 422


@attrs.frozen
class RequeueReport:
    taken: tuple[str, ...]  # "session #sequence" of each envelope taken
    still_refused: tuple[str, ...]  # "session #sequence: why" of each one that stays aside

    def summary(self) -> str:
        """One line that ends the command's output, whatever it found."""
        if not self.taken and not self.still_refused:
            return "nothing refused to check"
        return f"{len(self.taken)} taken, {len(self.still_refused)} still refused"


def requeue_data_dir(
    data_dir: Path,
    *,
    say: Callable[[str], None],
    session_id: str | None = None,
    step_types: frozenset[str] = limits.STEP_TYPES,
    now: float | None = None,
) -> RequeueReport:
    """Check the refused envelopes of `data_dir` (of one session, or all) again and take those that pass."""
    store = EmbeddedStore(data_dir, quota_bytes=2**62)
    try:
        recover(store, now=time.time() if now is None else now, data_dir_hint=str(data_dir))
        taken: list[str] = []
        still: list[str] = []
        ops: list[Requeue] = []
        for sid, sequence, status, reason, stored_at, ref in catalog.refused_envelopes(
            store.conn, session_id
        ):
            name = f"{sid} #{sequence}"
            if status != SCHEMA_REFUSAL:
                why = "; ".join(reason.split("\n"))
                still.append(f"{name}: {why} (only schema refusals are checked again)")
                continue
            body = store.envelopes.read(ref)
            checked = read_envelope(body, now=stored_at, step_types=step_types)
            if isinstance(checked, Rejected) or checked.violations:
                why = (
                    checked.reason
                    if isinstance(checked, Rejected)
                    else "; ".join(map(str, checked.violations))
                )
                still.append(f"{name}: {why[:300]}")
                continue
            record = envelope_record(body, refused=None)
            if record is not None:
                ops.append(Requeue(record))
                taken.append(name)
        if ops:
            store.commit(ops, at=time.time() if now is None else now)
            say(f"took {len(ops)} refused envelope(s); their sessions are credited (again) at the next start")
        return RequeueReport(tuple(taken), tuple(still))
    finally:
        store.close()
