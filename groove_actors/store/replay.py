"""Replaying the logs into a catalog: past its ends at start-up, from the start to rebuild or check it.

Every record is applied with the catalog functions the writer uses, so a replayed catalog equals the one
the writer would have committed: the same sessions, envelopes, closes, credits (with their ids and the
ledger's order), balances and stats. Replay is idempotent: a record the catalog already holds is skipped, so
replaying from any point at or before the catalog's ends is safe. A record that fits nowhere (an envelope
out of its session's sequence, a damaged line) is reported, never guessed at.

Blocks on disk and SQLite; the caller runs it in a worker thread (or before any actor starts).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import orjson

from groove_actors.errors import PeerError
from groove_actors.protocol import jsjson
from groove_actors.protocol.envelope import ReceivedEnvelope, summarize
from groove_actors.protocol.validate import is_well_formed
from groove_actors.store import catalog, records
from groove_actors.store.catalog import CreditRecord, EnvelopeRecord
from groove_actors.store.segments import ENVELOPE_LOG, TRAJECTORY_LOG, RecordRef, SegmentFiles, utc_day

RECORDS_PER_TRANSACTION = 5_000


@attrs.define
class ReplayReport:
    """What a replay applied, what the catalog already held, and what fitted nowhere."""

    commits: int = 0
    commits_applied: int = 0  # commits of which something was not in the catalog yet
    opens: int = 0
    envelopes: int = 0
    closes: int = 0
    credits: int = 0
    seals: int = 0
    already_held: int = 0
    unplaced: list[str] = attrs.Factory(list)

    @property
    def applied(self) -> int:
        return self.opens + self.envelopes + self.closes + self.credits + self.seals

    def counts(self) -> dict[str, int]:
        fields = attrs.asdict(self)
        fields["unplaced"] = len(self.unplaced)
        return fields


def replay_logs(
    conn: sqlite3.Connection,
    envelopes: SegmentFiles,
    trajectories: SegmentFiles,
    *,
    starts: Mapping[str, Mapping[str, int]],
    secrets: Mapping[str, bytes],
    report: ReplayReport,
) -> None:
    """Apply the records of both logs from `starts[log][segment]` (0 where absent) to their ends.

    The envelope log goes first (sessions, envelopes, closes), then the trajectory log (credits), so that
    every credit finds its session. Only complete lines are read: a torn last append is left alone.
    """
    envelope_replay = _EnvelopeReplay(conn, secrets, report, _Transactions(conn, ENVELOPE_LOG), envelopes)
    for segment, ref, line in _lines(envelopes, starts.get(ENVELOPE_LOG, {})):
        envelope_replay.apply(segment, ref, line)
    envelope_replay.transactions.flush()
    credit_replay = _TrajectoryReplay(conn, report, _Transactions(conn, TRAJECTORY_LOG))
    for segment, ref, line in _lines(trajectories, starts.get(TRAJECTORY_LOG, {})):
        credit_replay.apply(segment, ref, line)
    credit_replay.transactions.flush()


def _lines(files: SegmentFiles, starts: Mapping[str, int]) -> Iterator[tuple[str, RecordRef, bytes]]:
    for name in files.names():
        start = starts.get(name, 0)
        _, complete = files.sizes(name)
        if complete <= start:
            continue
        for ref, line in files.records_after(name, start):
            if ref.offset + ref.length >= complete:
                break
            yield name, ref, line


@attrs.define(eq=False)
class _Transactions:
    """Records are applied in transactions of a few thousand, each also advancing the log's end."""

    conn: sqlite3.Connection
    log: str
    _pending: int = 0
    _segment: str | None = None
    _end: int = 0

    def begin(self, segment: str) -> None:
        if self._segment is not None and (
            segment != self._segment or self._pending >= RECORDS_PER_TRANSACTION
        ):
            self.flush()
        if self._segment is None:
            self.conn.execute("BEGIN IMMEDIATE")
            self._segment = segment

    def done(self, ref: RecordRef) -> None:
        self._pending += 1
        self._end = ref.offset + ref.length + 1

    def flush(self) -> None:
        if self._segment is None:
            return
        catalog.advance_log_end(self.conn, self.log, self._segment, self._end)
        self.conn.execute("COMMIT")
        self._segment, self._pending = None, 0


@attrs.define(eq=False)
class _EnvelopeReplay:
    conn: sqlite3.Connection
    secrets: Mapping[str, bytes]
    report: ReplayReport
    transactions: _Transactions
    files: SegmentFiles
    at: float = attrs.Factory(time.time)  # until a commit record says when, "now"
    _commit_counted: bool = False
    _quarantine: records.QuarantineRecord | None = None  # says the next line was refused

    def _applied(self) -> None:
        if not self._commit_counted:
            self.report.commits_applied += 1
            self._commit_counted = True

    def apply(self, segment: str, ref: RecordRef, line: bytes) -> None:
        self.transactions.begin(segment)
        where = f"{ENVELOPE_LOG}/{segment} at byte {ref.offset}"
        quarantine, self._quarantine = self._quarantine, None
        if records.is_control(line):
            try:
                self._control(records.decode(line))
            except records.BadRecord as exc:
                self.report.unplaced.append(f"{where}: {exc}")
        else:
            problem = self._envelope(ref, line, quarantine)
            if problem is not None:
                self.report.unplaced.append(f"{where}: {problem}")
        self.transactions.done(ref)

    def _control(self, record: records.ControlRecord) -> None:
        conn, report = self.conn, self.report
        match record:
            case records.CommitRecord(at=at):
                self.at = at
                self._commit_counted = False
                report.commits += 1
            case records.OpenRecord(session_id=sid):
                if catalog.session_exists(conn, sid):
                    report.already_held += 1
                else:
                    catalog.insert_session(conn, record.with_secret(self.secrets.get(sid, b"")))
                    report.opens += 1
                    self._applied()
            case records.CloseRequestRecord(session_id=sid, at=at):
                catalog.request_close(conn, sid, now=at)
            case records.CloseRecord(session_id=sid, at=at, reason=reason, status=status):
                if catalog.close_session(conn, sid, now=at, reason=reason, status=status):
                    report.closes += 1
                    self._applied()
                else:
                    report.already_held += 1
            case records.SealRecord(day=day, root=root, credits=count, sealed_at=sealed_at):
                if catalog.record_root(conn, day, root, count, sealed_at):
                    report.seals += 1
                    self._applied()
                else:
                    report.already_held += 1
            case records.QuarantineRecord():
                self._quarantine = record
            case records.SecretsDropped(closed_before=before):
                catalog.drop_secrets(conn, closed_before=before)
            case records.RequeuedRecord(session_id=sid, sequence=sequence):
                ref = catalog.indexed_at(conn, sid, sequence)
                if ref is None:
                    raise records.BadRecord(f"requeued {sid} #{sequence}, which is not stored")
                taken = envelope_record(self.files.read(ref), refused=None)
                if taken is not None and catalog.take_refused(conn, taken, at=self.at, day=utc_day(self.at)):
                    self._applied()

    def _envelope(
        self, ref: RecordRef, line: bytes, quarantine: records.QuarantineRecord | None
    ) -> str | None:
        """Index one stored envelope as the writer did (kept aside if `quarantine` names it); what is wrong
        with it if it fits nowhere."""
        try:
            body = jsjson.parse(line)
        except PeerError as exc:
            return f"not an envelope ({exc.reason})"
        if not isinstance(body, dict) or not isinstance(body.get("session_id"), str):
            return "not an envelope (no session_id)"
        seen = summarize(line, body, body["session_id"], ())
        if seen.sequence is None or seen.session_hmac is None:
            return f"an envelope of {seen.session_id!r} without a valid attestation"
        labels = (seen.session_id, seen.contributor_id, seen.provider, seen.model, seen.session_hmac)
        if quarantine is None and not all(is_well_formed(label) for label in labels if label is not None):
            return "an envelope whose identifiers are not well-formed text (it was never accepted so)"
        held = catalog.indexed_at(self.conn, seen.session_id, seen.sequence)
        if held is not None:
            if held == ref:
                self.report.already_held += 1
                return None
            return f"{seen.session_id} sequence {seen.sequence} is already indexed at {held.segment}:{held.offset}"
        state = catalog.load_session(self.conn, seen.session_id)
        if state is None:
            return f"an envelope of {seen.session_id}, a session the log never opened"
        refused = quarantine is not None and (quarantine.session_id, quarantine.sequence) == (
            seen.session_id,
            seen.sequence,
        )
        joins = state.status == "open" or seen.kind == "feedback" or refused
        if seen.sequence < state.next_sequence or not joins:
            return (
                f"{seen.session_id} sequence {seen.sequence} does not follow the session"
                f" ({state.status}, next sequence {state.next_sequence})"
            )
        record = record_of(seen, line, quarantine if refused else None)
        (effects,) = catalog.record_envelopes(self.conn, [(record, ref)], at=self.at, day=utc_day(self.at))
        self.report.envelopes += 1
        self._applied()
        self.report.closes += effects.closed_session
        return None


@attrs.define(eq=False)
class _TrajectoryReplay:
    conn: sqlite3.Connection
    report: ReplayReport
    transactions: _Transactions

    def apply(self, segment: str, ref: RecordRef, line: bytes) -> None:
        self.transactions.begin(segment)
        problem = self._credit(ref, line)
        if problem is not None:
            self.report.unplaced.append(f"{TRAJECTORY_LOG}/{segment} at byte {ref.offset}: {problem}")
        self.transactions.done(ref)

    def _credit(self, ref: RecordRef, line: bytes) -> str | None:
        try:
            document = orjson.loads(line)
            credit = credit_of(document)
        except (orjson.JSONDecodeError, TypeError, KeyError, ValueError) as exc:
            return f"not a credited trajectory ({type(exc).__name__}: {exc})"
        if catalog.credit_exists(self.conn, credit.session_id, credit.revision):
            self.report.already_held += 1
            return None
        if not catalog.session_exists(self.conn, credit.session_id):
            return f"the credit of {credit.session_id}, a session the log never opened"
        coordination = [tuple(entry) for entry in document.get("coordination", [])]
        catalog.record_coordination(self.conn, credit.session_id, document.get("agent_id"), coordination)
        predecessor = document.get("predecessor_session_id")
        catalog.record_rotation(
            self.conn,
            credit.session_id,
            credit.contributor_id,
            predecessor if isinstance(predecessor, str) else None,
        )
        catalog.record_credit(self.conn, credit, ref)
        self.report.credits += 1
        return None


def record_of(
    seen: ReceivedEnvelope, body: bytes, refusal: records.QuarantineRecord | None
) -> EnvelopeRecord:
    """What the catalog records of a stored envelope (kept aside, if `refusal` says so)."""
    assert seen.sequence is not None and seen.session_hmac is not None
    return EnvelopeRecord(
        session_id=seen.session_id,
        sequence=seen.sequence,
        envelope_id=seen.envelope_id if is_well_formed(seen.envelope_id) else "",
        kind=seen.kind,
        hmac=seen.session_hmac,
        body=body,
        steps=0 if refusal else seen.steps,
        contributor_id=seen.contributor_id,
        provider=seen.provider,
        model=seen.model,
        close_status=seen.close_status,
        signal=seen.signal,
        refusal_status=refusal.status if refusal else None,
        refusal_reason=refusal.reason if refusal else None,
    )


def envelope_record(body: bytes, *, refused: records.QuarantineRecord | None) -> EnvelopeRecord | None:
    """The record of a stored body, or None if it is not an envelope with a session and attestation."""
    try:
        parsed = jsjson.parse(body)
    except PeerError:
        return None
    if not isinstance(parsed, dict) or not isinstance(parsed.get("session_id"), str):
        return None
    seen = summarize(body, parsed, parsed["session_id"], ())
    if seen.sequence is None or seen.session_hmac is None:
        return None
    return record_of(seen, body, refused)


def credit_of(document: dict[str, Any]) -> CreditRecord:
    """The credit a stitched trajectory line was paid with (its `credit` member); raises if it has none."""
    return CreditRecord(**document["credit"])
