"""The envelopes index: storing verified envelopes (and what that changes in their sessions and the stats),
taking a refused one after all, and where a session's envelopes and gaps are.

Every stored envelope advances its session's sequence; only `counted` ones (chunks and SESSION_CLOSE that
were not refused) join the session's data and the stats, and a SESSION_CLOSE closes its session.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from groove_actors.protocol.limits import known_model
from groove_actors.store.catalog import aggregates
from groove_actors.store.catalog.sessions import close_session
from groove_actors.store.segments import RecordRef


@attrs.frozen
class EnvelopeRecord:
    """One verified envelope, ready to be stored, with what the stats need to know about it."""

    session_id: str
    sequence: int
    envelope_id: str
    kind: str  # "chunk" | "close"
    hmac: str
    body: bytes
    steps: int
    contributor_id: str | None
    provider: str | None
    model: str | None
    close_status: str | None
    signal: str | None = None  # USER_FEEDBACK
    refusal_status: int | None = None  # quarantined: authentic, in its turn, refused for what it holds
    refusal_reason: str | None = None

    @property
    def counted(self) -> bool:
        """Part of the session's data and its stats: not a refused envelope, nor feedback."""
        return self.refusal_status is None and self.kind != "feedback"


@attrs.frozen
class EnvelopeEffects:
    """How one stored envelope changed the aggregates (nothing, unless `counted`)."""

    first_of_session: bool
    new_contributor: bool
    closed_session: bool
    provider: str
    model: str
    day: str
    counted: bool = True


def stored_envelope(
    conn: sqlite3.Connection, session_id: str, sequence: int
) -> tuple[str, int | None, str | None] | None:
    """(HMAC, refusal status, refusal reason) of the envelope stored under a sequence, or None."""
    row = conn.execute(
        "SELECT hmac, refusal_status, refusal_reason FROM envelopes WHERE session_id = ? AND sequence = ?",
        (session_id, sequence),
    ).fetchone()
    return None if row is None else (str(row[0]), row[1], row[2])


def record_envelopes(
    conn: sqlite3.Connection, stored: Sequence[tuple[EnvelopeRecord, RecordRef]], *, at: float, day: str
) -> list[EnvelopeEffects]:
    """Index envelopes stored at `at` (UTC `day`), advance their sessions' sequences, update the aggregates.

    One group commit's envelopes go through a fixed number of statements, not a dozen per envelope: each
    statement costs a round trip for the GIL between the writer's thread and the event loop. The envelopes
    of one batch belong to different sessions or follow each other in sequence order. Every envelope uses
    its sequence; only `counted` ones (chunks and SESSION_CLOSE that were not refused) change the stats.
    """
    conn.executemany(
        "INSERT INTO envelopes (session_id, sequence, envelope_id, kind, segment, offset, length, hmac,"
        " steps, stored_at, refusal_status, refusal_reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(rec.session_id, rec.sequence, rec.envelope_id, rec.kind, ref.segment, ref.offset, ref.length,
          rec.hmac, rec.steps, at, rec.refusal_status, rec.refusal_reason) for rec, ref in stored],
    )  # fmt: skip
    conn.executemany(
        "UPDATE sessions SET next_sequence = ?, last_activity_at = ? WHERE session_id = ?",
        [(rec.sequence + 1, at, rec.session_id) for rec, _ in stored],
    )
    feedback = [(rec.signal, at, rec.session_id) for rec, _ in stored if rec.refusal_status is None
                and rec.kind == "feedback"]  # fmt: skip
    conn.executemany(
        "UPDATE sessions SET feedback_signal = ?, feedback_at = ? WHERE session_id = ?", feedback
    )
    counted = [(rec, ref) for rec, ref in stored if rec.counted]
    effects = iter(_count(conn, counted, at=at, day=day))
    uncounted = EnvelopeEffects(False, False, False, "", "", day, counted=False)
    return [next(effects) if rec.counted else uncounted for rec, _ in stored]


def _count(
    conn: sqlite3.Connection, stored: Sequence[tuple[EnvelopeRecord, RecordRef]], *, at: float, day: str
) -> list[EnvelopeEffects]:
    """The stats effects of envelopes that join their session's data (chunks and SESSION_CLOSE)."""
    if not stored:
        return []
    accepted_before = {rec.session_id: _accepted(conn, rec.session_id) for rec, _ in stored}
    conn.executemany(
        "UPDATE sessions SET accepted = accepted + 1, contributor_id = COALESCE(contributor_id, ?),"
        " data_provider = COALESCE(data_provider, ?), data_model = COALESCE(data_model, ?) WHERE session_id = ?",
        [(rec.contributor_id, rec.provider, known_model(rec.model), rec.session_id) for rec, _ in stored],
    )
    new_contributors = aggregates.new_contributors(conn, [rec.contributor_id for rec, _ in stored])
    labels = {rec.session_id: _session_labels(conn, rec.session_id) for rec, _ in stored}
    effects = []
    daily: Counter[tuple[str, str]] = Counter()
    breakdown: Counter[tuple[str, str, str]] = Counter()
    for rec, _ in stored:
        first = accepted_before[rec.session_id] == 0  # the session's first envelope that counts
        accepted_before[rec.session_id] += 1
        provider, model = labels[rec.session_id]
        new_contributor = rec.contributor_id in new_contributors
        new_contributors.discard(rec.contributor_id)
        effects.append(EnvelopeEffects(first, new_contributor, rec.kind == "close", provider, model, day))
        daily[(day, "envelopes")] += 1
        daily[(day, "steps")] += rec.steps
        for kind, name in (("provider", provider), ("model", model)):
            breakdown[(kind, name, "sessions")] += first
            breakdown[(kind, name, "steps")] += rec.steps
    aggregates.add_daily(conn, day, envelopes=daily[(day, "envelopes")], steps=daily[(day, "steps")])
    for kind, name in {(kind, name) for kind, name, _ in breakdown}:
        aggregates.add_breakdown(conn, kind, name, sessions=breakdown[(kind, name, "sessions")],
                                  steps=breakdown[(kind, name, "steps")])  # fmt: skip
    aggregates.add_totals(
        conn,
        envelopes=len(stored),
        steps=sum(rec.steps for rec, _ in stored),
        bytes=sum(len(rec.body) + 1 for rec, _ in stored),
        sessions=sum(e.first_of_session for e in effects),
    )
    for rec, _ in stored:
        if rec.kind == "close":
            close_session(conn, rec.session_id, now=at, reason="envelope", status=rec.close_status)
    return effects


def take_refused(conn: sqlite3.Connection, rec: EnvelopeRecord, *, at: float, day: str) -> bool:
    """Take a refused (kept aside) envelope after all, as if stored now; False if it was not refused.

    Its session, if already closed, is queued for crediting again: the credit is adjusted by what it adds.
    """
    cursor = conn.execute(
        "UPDATE envelopes SET refusal_status = NULL, refusal_reason = NULL, steps = ?"
        " WHERE session_id = ? AND sequence = ? AND refusal_status IS NOT NULL",
        (rec.steps, rec.session_id, rec.sequence),
    )
    if cursor.rowcount == 0:
        return False
    if rec.kind == "feedback":
        conn.execute(
            "UPDATE sessions SET feedback_signal = ?, feedback_at = ? WHERE session_id = ?",
            (rec.signal, at, rec.session_id),
        )
        return True
    _count(conn, [(rec, RecordRef("", 0, 0))], at=at, day=day)
    conn.execute(
        "INSERT OR IGNORE INTO pending_credits SELECT session_id, ? FROM sessions"
        " WHERE session_id = ? AND status = 'closed'",
        (at, rec.session_id),
    )
    return True


def refused_envelopes(
    conn: sqlite3.Connection, session_id: str | None = None
) -> list[tuple[str, int, int, str, float, RecordRef]]:
    """(session, sequence, refusal status, reason, stored at, where) of every envelope kept aside."""
    where = "refusal_status IS NOT NULL" + (" AND session_id = ?" if session_id else "")
    rows = conn.execute(
        "SELECT session_id, sequence, refusal_status, refusal_reason, stored_at, segment, offset, length"
        f" FROM envelopes WHERE {where} ORDER BY session_id, sequence",
        (session_id,) if session_id else (),
    )
    return [(r[0], r[1], r[2], r[3] or "", r[4], RecordRef(r[5], r[6], r[7])) for r in rows]


def _accepted(conn: sqlite3.Connection, session_id: str) -> int:
    row = conn.execute("SELECT accepted FROM sessions WHERE session_id = ?", (session_id,)).fetchone()
    return 0 if row is None else int(row[0])


def _session_labels(conn: sqlite3.Connection, session_id: str) -> tuple[str, str]:
    """The provider and model a session's stats count under: what its data says, else what it opened with
    (`unknown` for a model never named: `auto`)."""
    row = conn.execute(
        "SELECT COALESCE(data_provider, provider), COALESCE(data_model, model) FROM sessions"
        " WHERE session_id = ?",
        (session_id,),
    ).fetchone()
    return str(row[0]), known_model(str(row[1])) or "unknown"


def envelope_refs(conn: sqlite3.Connection, session_id: str) -> list[tuple[int, str, RecordRef]]:
    """(sequence, kind, where) of a session's envelopes that make its data (chunks and its SESSION_CLOSE)."""
    rows = conn.execute(
        "SELECT sequence, kind, segment, offset, length FROM envelopes WHERE session_id = ?"
        " AND refusal_status IS NULL AND kind != 'feedback' ORDER BY sequence",
        (session_id,),
    ).fetchall()
    return [(seq, kind, RecordRef(seg, off, length)) for seq, kind, seg, off, length in rows]


def session_gaps(conn: sqlite3.Connection, session_id: str) -> list[tuple[int, str]]:
    """(sequence, why) of each sequence of a session that holds no data: refused (with the reason), or never
    received (a client that gave up on an envelope)."""
    rows = conn.execute(
        "SELECT sequence, refusal_status, refusal_reason FROM envelopes WHERE session_id = ? ORDER BY sequence",
        (session_id,),
    ).fetchall()
    return gaps_of(rows)


def gaps_of(rows: Iterable[tuple[int, int | None, str | None]]) -> list[tuple[int, str]]:
    """The gaps of a session from its (sequence, refusal status, refusal reason) rows in sequence order."""
    gaps: list[tuple[int, str]] = []
    expected = 0
    for sequence, status, reason in rows:
        gaps += [(missing, "never received") for missing in range(expected, sequence)]
        if status is not None:
            gaps.append((sequence, f"refused ({status}): " + "; ".join((reason or "").split("\n"))))
        expected = sequence + 1
    return gaps
