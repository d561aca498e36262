"""`groove-central check --store postgresql://...`: what can be held against what in the PostgreSQL store.

There are no logs to replay there: the database is the record. So check holds its tables against each other,
in one read-only snapshot (REPEATABLE READ), which also makes it safe while servers run:
1. every envelope's stored bytes against its index row: present, of its length, naming its session, sequence,
   HMAC, kind and envelope id, and signed by its session's secret where the session still holds it (a
   session's secret is dropped after its feedback window: then the body is held against its index only);
   every body against an index row, every index row against a session;
2. each session's sequence, count of accepted envelopes and stored size against its envelopes;
3. the counters the stats are read from (`totals`, `daily`, `breakdown`, `balances`) against the sums of the
   envelopes, sessions and credits they count;
4. the ledger: each (session, revision) credited once, revisions without gaps, every credit of a known
   session; coordination links in pairs; each sealed day's Merkle head and credit count recomputed;
5. that a `groove-central migrate` into the database, if one was run, finished.
Every inconsistency is one line naming what differs (CheckResult, as the embedded check says it).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import attrs
import psycopg
from psycopg import sql
from psycopg.rows import TupleRow

from groove_actors.protocol import merkle, signing
from groove_actors.protocol.limits import known_model
from groove_actors.store.check import SHOWN_ROWS, CheckResult
from groove_actors.store.postgres import bodies, reads
from groove_actors.store.postgres.migrate import FINISHED, PROGRESS_TABLE
from groove_actors.store.postgres.stats import BREAKDOWN, DAILY, TOTALS
from groove_actors.store.postgres.url import StoreUrl
from groove_actors.store.replay import envelope_record

Conn = psycopg.Connection[TupleRow]
Say = Callable[[str], None]
ROWS_PER_FETCH = 500
_COUNTED = "refusal_status IS NULL AND kind <> 'feedback'"


class CheckUnavailable(RuntimeError):
    """The database cannot be read: nothing was checked."""


@attrs.define
class Findings:
    """Problems by what is wrong, each with the rows it names (at most SHOWN_ROWS of them shown)."""

    rows: dict[str, list[str]] = attrs.Factory(lambda: defaultdict(list))
    lines: list[str] = attrs.Factory(list)

    def add(self, what: str, row: str) -> None:
        self.rows[what].append(row)

    def say(self, line: str) -> None:
        self.lines.append(line)

    def problems(self) -> tuple[str, ...]:
        grouped = []
        for what, unordered in self.rows.items():
            names = sorted(unordered)
            shown = ", ".join(names[:SHOWN_ROWS])
            more = f" and {len(names) - SHOWN_ROWS} more" if len(names) > SHOWN_ROWS else ""
            grouped.append(f"{what}: {len(names)} row(s): {shown}{more}")
        return (*grouped, *self.lines)


def check_database(url: StoreUrl, *, say: Say) -> CheckResult:
    """Hold the PostgreSQL store's tables against each other; change nothing."""
    try:
        conn = psycopg.connect(url.conninfo, connect_timeout=10)
    except psycopg.OperationalError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CheckUnavailable(f"cannot connect to PostgreSQL at {url.shown}: {reason}") from None
    with conn:
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        with conn.transaction():
            if not _has_schema(conn):
                return CheckResult((f"{url.shown} holds no Central Command store (no schema_version)",), ())
            findings = Findings()
            notes: list[str] = []
            if not _migration_finished(conn):
                findings.say(
                    "a `groove-central migrate` into this database did not finish: run the same command again"
                    " (it resumes) before serving from it"
                )
            say("holding every envelope's bytes against its index")
            unsigned = check_bodies(conn, findings)
            if unsigned:
                notes.append(
                    f"{unsigned} envelope(s) of sessions whose secret was dropped (their feedback window is"
                    " over) were held against their index, not their signature"
                )
            say("holding sessions, counters and balances against what they count")
            check_sessions(conn, findings)
            check_counters(conn, findings)
            say("holding the ledger against its credits")
            check_ledger(conn, findings)
            return CheckResult(findings.problems(), tuple(notes))


def _has_schema(conn: Conn) -> bool:
    row = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
    return bool(row and row[0])


def _migration_finished(conn: Conn) -> bool:
    """False while a migration into the database is under way or was interrupted (it moves table by table)."""
    row = conn.execute("SELECT to_regclass(%s) IS NOT NULL", (PROGRESS_TABLE,)).fetchone()
    if not row or not row[0]:
        return True
    done = conn.execute(
        sql.SQL("SELECT EXISTS (SELECT 1 FROM {} WHERE step = %s AND done)").format(
            sql.Identifier(PROGRESS_TABLE)
        ),
        (FINISHED,),
    ).fetchone()
    return bool(done and done[0])


def check_bodies(conn: Conn, findings: Findings) -> int:
    """Each envelope's body against its index row (and signature); the count held without a secret."""
    unsigned = 0
    with conn.cursor(name="groove_check_bodies") as cursor:
        cursor.itersize = ROWS_PER_FETCH
        cursor.execute(
            "SELECT e.session_id, e.sequence, e.envelope_id, e.kind, e.length, e.hmac, e.steps,"
            " e.refusal_status, b.encoding, b.body, s.secret FROM envelopes e"
            " LEFT JOIN envelope_bodies b ON b.session_id = e.session_id AND b.sequence = e.sequence"
            " AND b.day = e.day LEFT JOIN sessions s ON s.session_id = e.session_id"
        )  # in no order: sorting every body would cost the database as much again
        for (
            sid,
            sequence,
            envelope_id,
            kind,
            length,
            hmac,
            steps,
            refusal,
            encoding,
            stored,
            secret,
        ) in cursor:
            name = f"{sid} #{sequence}"
            if secret is None:
                findings.add("envelopes of a session the store does not hold", name)
            if stored is None:
                findings.add("envelopes without their stored bytes", name)
                continue
            try:
                body = bodies.unpack(encoding, bytes(stored))
            except bodies.UnreadableBody as exc:
                findings.add(f"envelopes whose stored bytes do not decode ({exc})", name)
                continue
            problem = _body_problem(body, sid, sequence, envelope_id, kind, length, hmac, steps, refusal)
            if problem is not None:
                findings.add(f"envelopes whose bytes disagree with their index ({problem})", name)
                continue
            if secret is not None and bytes(secret):
                if not signing.verify_body(bytes(secret), sequence, body, None, hmac):
                    findings.add("envelopes whose bytes do not carry their session's signature", name)
            elif secret is not None:
                unsigned += 1
    for sid, sequence in conn.execute(
        "SELECT b.session_id, b.sequence FROM envelope_bodies b LEFT JOIN envelopes e"
        " ON e.session_id = b.session_id AND e.sequence = b.sequence AND e.day = b.day"
        " WHERE e.session_id IS NULL ORDER BY 1, 2"
    ):
        findings.add("stored bytes no envelope is indexed under", f"{sid} #{sequence}")
    return unsigned


def _body_problem(
    body: bytes,
    session_id: str,
    sequence: int,
    envelope_id: str,
    kind: str,
    length: int,
    hmac: str,
    steps: int,
    refusal: int | None,
) -> str | None:
    """What about a body contradicts its index row, or None."""
    if len(body) != length:
        return "length"
    seen = envelope_record(body, refused=None)
    if seen is None:
        return "not an envelope with a session and an attestation"
    for what, stored, said in (
        ("session", session_id, seen.session_id),
        ("sequence", sequence, seen.sequence),
        ("HMAC", hmac, seen.hmac),
        ("kind", kind, seen.kind),
        ("envelope id", envelope_id, seen.envelope_id),
    ):
        if stored != said:
            return what
    if refusal is None and kind != "feedback" and steps != seen.steps:
        return "steps"
    return None


def check_sessions(conn: Conn, findings: Findings) -> None:
    """Each session's next sequence, accepted count and stored size against its envelopes."""
    rows = conn.execute(
        "SELECT s.session_id, s.next_sequence, s.accepted, s.stored_bytes, a.top, a.counted, a.bytes"
        " FROM sessions s LEFT JOIN (SELECT session_id, MAX(sequence) AS top,"
        f" COUNT(*) FILTER (WHERE {_COUNTED}) AS counted,"
        f" COALESCE(SUM(length) FILTER (WHERE {_COUNTED}), 0) AS bytes FROM envelopes GROUP BY session_id) a"
        " USING (session_id) ORDER BY s.session_id"
    )
    for sid, next_sequence, accepted, stored, top, counted, size in rows:
        expected = (0 if top is None else int(top) + 1, int(counted or 0), int(size or 0))
        for what, held, wanted in zip(
            ("next sequence", "accepted envelopes", "stored bytes"),
            (next_sequence, accepted, stored),
            expected,
            strict=True,
        ):
            if int(held) != wanted:
                findings.add(
                    f"sessions whose {what} disagrees with their envelopes", f"{sid} ({held}, not {wanted})"
                )


def check_counters(conn: Conn, findings: Findings) -> None:
    """`totals`, `daily`, `breakdown` and `balances` against the sums of what they count."""
    totals = {str(name): float(value) for name, value in conn.execute(TOTALS)}
    counted = _one(
        conn,
        "SELECT COUNT(*), COALESCE(SUM(steps), 0), COALESCE(SUM(length + 1), 0), COUNT(DISTINCT session_id)"
        f" FROM envelopes WHERE {_COUNTED}",
    )
    credited = _one(
        conn,
        "SELECT COALESCE(SUM(points), 0), COUNT(*) FILTER (WHERE revision = 0) FROM credits",
    )
    recomputed = {
        "envelopes": counted[0],
        "steps": counted[1],
        "bytes": counted[2],
        "sessions": counted[3],
        "points": credited[0],
        "credits": credited[1],
        "contributors": _one(conn, "SELECT COUNT(*) FROM contributors")[0],
        "active_sessions": _one(conn, "SELECT COUNT(*) FROM sessions WHERE status = 'open'")[0],
        "stored_bytes": _one(conn, "SELECT COALESCE(SUM(length), 0) FROM envelopes")[0],
    }
    for name, value in recomputed.items():
        if not _same(totals.get(name, 0.0), value):
            findings.add(
                "totals that disagree with what they count",
                f"{name} ({totals.get(name, 0.0):g}, not {float(value):g})",
            )
    days = {str(r[0]): r[1:] for r in conn.execute(DAILY)}
    for what, index in (("envelopes", 0), ("steps", 1)):
        summed = sum(int(row[index]) for row in days.values())
        if summed != int(recomputed[what]):
            findings.add(
                "daily counts that do not add up to the totals",
                f"{what} ({summed}, not {int(recomputed[what])})",
            )
    by_day = {
        str(day): (int(sessions), float(points))
        for day, sessions, points in conn.execute(
            "SELECT day, COUNT(*) FILTER (WHERE revision = 0), SUM(points) FROM credits GROUP BY day"
        )
    }
    for day in sorted(set(days) | set(by_day)):
        sessions, points = by_day.get(day, (0, 0.0))
        held = days.get(day, (0, 0, 0, 0.0))
        if int(held[2]) != sessions or not _same(float(held[3]), points):
            findings.add(
                "days whose credited sessions or points disagree with the ledger",
                f"{day} ({int(held[2])} sessions, {float(held[3]):g} points; the ledger: {sessions}, {points:g})",
            )
    _check_breakdown(conn, findings)
    for contributor, points, sessions, total_points, total_sessions in conn.execute(
        "SELECT c.contributor_id, c.points, c.sessions, b.total_points, b.total_sessions FROM"
        " (SELECT contributor_id, SUM(points) AS points, COUNT(*) FILTER (WHERE revision = 0) AS sessions"
        " FROM credits WHERE contributor_id <> '' GROUP BY contributor_id) c"
        " FULL JOIN balances b USING (contributor_id) ORDER BY 1"
    ):
        if (
            total_points is None
            or points is None
            or int(total_sessions) != int(sessions)
            or not _same(float(total_points), float(points))
        ):
            findings.add("balances that disagree with the ledger", str(contributor))


def _check_breakdown(conn: Conn, findings: Findings) -> None:
    """Sessions and steps by provider and model, as the sessions' labels count them; points by the credits'."""
    wanted: defaultdict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0, 0.0])
    for provider, model, sessions, steps in conn.execute(
        "SELECT COALESCE(s.data_provider, s.provider), COALESCE(s.data_model, s.model),"
        " COUNT(DISTINCT e.session_id), SUM(e.steps) FROM envelopes e JOIN sessions s USING (session_id)"
        " WHERE e.refusal_status IS NULL AND e.kind <> 'feedback' GROUP BY 1, 2"
    ):
        for label in (("provider", str(provider)), ("model", known_model(str(model)) or "unknown")):
            wanted[label][0] += int(sessions)
            wanted[label][1] += int(steps)
    for provider, model, points in conn.execute(
        "SELECT provider, model, SUM(points) FROM credits GROUP BY 1, 2"
    ):
        wanted[("provider", str(provider))][2] += float(points)
        wanted[("model", str(model))][2] += float(points)
    held = {
        (str(kind), str(name)): (int(sessions), int(steps), float(points))
        for kind, name, sessions, steps, points in conn.execute(BREAKDOWN)
    }
    for label in sorted(set(held) | set(wanted)):
        sessions, steps, points = held.get(label, (0, 0, 0.0))
        want = wanted.get(label, [0, 0, 0.0])
        if (sessions, steps) != (int(want[0]), int(want[1])) or not _same(points, want[2]):
            findings.add("breakdown rows that disagree with what they count", "/".join(label))


def check_ledger(conn: Conn, findings: Findings) -> None:
    """Credits once per (session, revision), without gaps, of known sessions; links in pairs; sealed heads."""
    for sid, revisions, top in conn.execute(
        "SELECT session_id, COUNT(*), MAX(revision) FROM credits GROUP BY session_id"
        " HAVING COUNT(*) <> MAX(revision) + 1 OR COUNT(DISTINCT revision) <> COUNT(*) ORDER BY 1"
    ):
        findings.add(
            "sessions credited other than once per revision",
            f"{sid} ({revisions} credits, last revision {top})",
        )
    for (sid,) in conn.execute(
        "SELECT DISTINCT c.session_id FROM credits c LEFT JOIN sessions s USING (session_id)"
        " WHERE s.session_id IS NULL ORDER BY 1"
    ):
        findings.add("credits of a session the store does not hold", str(sid))
    for sid, step, partner, partner_step in conn.execute(
        "SELECT l.session_id, l.step, l.partner_session, l.partner_step FROM coordination_links l"
        " LEFT JOIN coordination_links m ON m.session_id = l.partner_session AND m.step = l.partner_step"
        " AND m.partner_session = l.session_id AND m.partner_step = l.step WHERE m.session_id IS NULL ORDER BY 1, 2"
    ):
        findings.add("coordination links without their other side", f"{sid}/{step}/{partner}/{partner_step}")
    for row in reads.ledger_roots(conn, 1_000_000):
        leaves = reads.day_leaves(conn, row["day"])
        head = merkle.root(merkle.leaf_hashes(leaves)).hex()
        if head != row["root"] or len(leaves) != row["credits"]:
            findings.say(
                f"ledger day {row['day']}: sealed with head {row['root'][:16]}... over {row['credits']} credits,"
                f" its credits now give {head[:16]}... over {len(leaves)}"
            )


def _one(conn: Conn, query: str) -> tuple[Any, ...]:
    row = conn.execute(query.encode()).fetchone()
    assert row is not None
    return tuple(row)


def _same(held: float, recomputed: float) -> bool:
    """Equal as counters are: exactly for counts, to rounding for sums of points added in another order."""
    return math.isclose(float(held), float(recomputed), rel_tol=1e-9, abs_tol=1e-6)
