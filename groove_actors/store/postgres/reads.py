"""The reads of the PostgreSQL store: the catalog's read functions (store/catalog/), one twin each.

Actors and routes ask the ReadPool for `catalog.some_read(conn, ...)`; `PostgresReads` runs the twin of
that function, of the same name and meaning, on a pooled connection in a worker thread. So the call sites
stay as they are, and a read the PostgreSQL store lacks fails loudly (NotImplementedError) rather than
quietly reading nothing.

`pending_sessions` is where crediting exactly once across processes starts: its twin claims the sessions it
returns (FOR UPDATE SKIP LOCKED, with a lease), so each session marked "to credit" is stitched by one
process; the credit's unique key (session, revision) still keeps a second credit out if a lease ran out.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import attrs
import psycopg
import trio
from psycopg.rows import TupleRow
from psycopg_pool import ConnectionPool

from groove_actors.server import rotation
from groove_actors.server.reads import ReadPool
from groove_actors.store import catalog, contract
from groove_actors.store.catalog import LEAF_FIELDS, SessionState, ledger_leaf
from groove_actors.store.catalog.envelopes import gaps_of
from groove_actors.store.postgres import bodies
from groove_actors.store.postgres.store import unavailable

T = TypeVar("T")
Conn = psycopg.Connection[TupleRow]
CLAIM_LEASE_S = 600.0  # a claimed session not credited by then (its process died) may be taken by another
_LEAF_COLUMNS = ", ".join((*LEAF_FIELDS, "revision"))


def load_session(conn: Conn, session_id: str) -> SessionState | None:
    row = conn.execute(
        "SELECT secret, next_sequence, status, close_requested_at, last_activity_at, stored_bytes"
        " FROM sessions WHERE session_id = %s",
        (session_id,),
    ).fetchone()
    if row is None:
        return None
    return SessionState(session_id, bytes(row[0]), row[1], row[2], row[3], row[4], row[5])


def stored_envelope(conn: Conn, session_id: str, sequence: int) -> tuple[str, int | None, str | None] | None:
    row = conn.execute(
        "SELECT hmac, refusal_status, refusal_reason FROM envelopes WHERE session_id = %s AND sequence = %s",
        (session_id, sequence),
    ).fetchone()
    return None if row is None else (str(row[0]), row[1], row[2])


def sessions_due(conn: Conn, *, close_before: float, idle_before: float) -> list[tuple[str, str]]:
    grace = conn.execute(
        "SELECT session_id FROM sessions WHERE status = 'open' AND close_requested_at <= %s", (close_before,)
    ).fetchall()
    idle = conn.execute(
        "SELECT session_id FROM sessions WHERE status = 'open' AND last_activity_at <= %s", (idle_before,)
    ).fetchall()
    due = {str(row[0]): "grace" for row in grace}
    for row in idle:
        due.setdefault(str(row[0]), "idle")
    return sorted(due.items())


def secrets_to_drop(conn: Conn, closed_before: float) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sessions WHERE status = 'closed' AND closed_at < %s AND secret <> '' LIMIT 1",
        (closed_before,),
    ).fetchone()
    return row is not None


def claim_pending(conn: Conn, owner: str, now: float, lease_s: float = CLAIM_LEASE_S) -> list[str]:
    """Claim the sessions to credit that no other process holds (or whose claim ran out), oldest first."""
    rows = conn.execute(
        "UPDATE pending_credits SET claimed_by = %s, claimed_until = %s WHERE session_id IN"
        " (SELECT session_id FROM pending_credits WHERE claimed_by IS NULL OR claimed_by = %s"
        " OR claimed_until < %s ORDER BY queued_at FOR UPDATE SKIP LOCKED)"
        " RETURNING session_id, queued_at",
        (owner, now + lease_s, owner, now),
    ).fetchall()
    return [str(sid) for sid, _ in sorted(rows, key=lambda row: (row[1], row[0]))]


def coordination_partners(
    conn: Conn, steps: Iterable[tuple[str, int, str | None]], session_id: str
) -> list[tuple[str, int, str, str | None, int]]:
    links = []
    for coordination_id, step, _ in steps:
        for partner_session, partner_step, partner_agent in conn.execute(
            "SELECT session_id, step, agent_id FROM coordination WHERE coordination_id = %s AND session_id <> %s"
            " ORDER BY session_id, step",
            (coordination_id, session_id),
        ):
            links.append((coordination_id, step, partner_session, partner_agent, partner_step))
    return links


def session_credits(conn: Conn, session_id: str) -> catalog.Credited:
    row = conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(points), 0), COALESCE(SUM(base_points), 0), COALESCE(SUM(steps), 0)"
        " FROM credits WHERE session_id = %s",
        (session_id,),
    ).fetchone()
    assert row is not None
    return int(row[0]), float(row[1]), float(row[2]), int(row[3])


def session_gaps(conn: Conn, session_id: str) -> list[tuple[int, str]]:
    rows = conn.execute(
        "SELECT sequence, refusal_status, refusal_reason FROM envelopes WHERE session_id = %s ORDER BY sequence",
        (session_id,),
    ).fetchall()
    return gaps_of(rows)


def session_envelopes(conn: Conn, envelopes_dir: Path, session_id: str) -> list[tuple[int, str, bytes]]:
    """(sequence, kind, body as received) of a session's envelopes that make its data, in sequence order."""
    rows = conn.execute(
        "SELECT e.sequence, e.kind, b.encoding, b.body FROM envelopes e JOIN envelope_bodies b"
        " ON b.session_id = e.session_id AND b.sequence = e.sequence AND b.day = e.day"
        " WHERE e.session_id = %s AND e.refusal_status IS NULL AND e.kind <> 'feedback' ORDER BY e.sequence",
        (session_id,),
    ).fetchall()
    return [(int(seq), str(kind), bodies.unpack(encoding, bytes(body))) for seq, kind, encoding, body in rows]


def session_close_info(conn: Conn, session_id: str) -> tuple[str | None, str | None, str, str]:
    row = conn.execute(
        "SELECT close_reason, close_status, COALESCE(data_provider, provider), COALESCE(data_model, model)"
        " FROM sessions WHERE session_id = %s",
        (session_id,),
    ).fetchone()
    assert row is not None, session_id
    return row[0], row[1], row[2], row[3]


def recent_credits(conn: Conn, limit: int) -> list[dict[str, object]]:
    rows = conn.execute(
        "SELECT session_id, contributor_id, points, steps, model, provider, quality, policy_version, created_at"
        " FROM credits ORDER BY id DESC LIMIT %s",
        (limit,),
    ).fetchall()
    keys = ("session_id", "contributor_id", "points", "steps", "model", "provider", "quality", "policy_version",
            "created_at")  # fmt: skip
    return [dict(zip(keys, row, strict=True)) for row in rows]


def coordination_links(conn: Conn, session_id: str) -> list[tuple[int, str, str, str | None, int]]:
    return [
        (row[0], row[1], row[2], row[3], row[4])
        for row in conn.execute(
            "SELECT step, coordination_id, partner_session, partner_agent, partner_step"
            " FROM coordination_links WHERE session_id = %s ORDER BY step, partner_session",
            (session_id,),
        )
    ]


def leaderboard(conn: Conn, limit: int) -> list[tuple[str, float, int]]:
    return [
        (row[0], row[1], row[2])
        for row in conn.execute(
            "SELECT contributor_id, total_points, total_sessions FROM balances"
            " ORDER BY total_points DESC, contributor_id LIMIT %s",
            (limit,),
        )
    ]


def day_leaves(conn: Conn, day: str) -> list[bytes]:
    rows = conn.execute(f"SELECT {_LEAF_COLUMNS} FROM credits WHERE day = %s ORDER BY id", (day,))
    return [ledger_leaf(row) for row in rows]


def days_to_seal(conn: Conn, before_day: str) -> list[str]:
    rows = conn.execute(
        "SELECT DISTINCT day FROM credits WHERE day < %s AND day NOT IN (SELECT day FROM ledger_roots)"
        " ORDER BY day",
        (before_day,),
    )
    return [str(row[0]) for row in rows]


def ledger_roots(conn: Conn, limit: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT day, root, credits, sealed_at FROM ledger_roots ORDER BY day DESC LIMIT %s", (limit,)
    )
    return [{"day": r[0], "root": r[1], "credits": r[2], "sealed_at": r[3]} for r in rows]


def credit_leaf(conn: Conn, session_id: str, revision: int = 0) -> tuple[str, int, bytes] | None:
    row = conn.execute(
        f"SELECT id, {_LEAF_COLUMNS} FROM credits WHERE session_id = %s AND revision = %s",
        (session_id, revision),
    ).fetchone()
    if row is None:
        return None
    day = str(row[1 + LEAF_FIELDS.index("day")])
    counted = conn.execute(
        "SELECT COUNT(*) FROM credits WHERE day = %s AND id < %s", (day, row[0])
    ).fetchone()
    assert counted is not None
    return day, int(counted[0]), ledger_leaf(row[1:])


def ledger_root(conn: Conn, day: str) -> tuple[str, int] | None:
    row = conn.execute("SELECT root, credits FROM ledger_roots WHERE day = %s", (day,)).fetchone()
    return None if row is None else (str(row[0]), int(row[1]))


def rotation_claims(conn: Conn, contributor_id: str | None = None) -> list[catalog.RotationClaim]:
    where, args = ("WHERE r.contributor_id = %s", (contributor_id,)) if contributor_id else ("", ())
    rows = conn.execute(
        "SELECT r.session_id, r.predecessor_session, r.contributor_id, COALESCE(s.created_at, 0),"
        " p.session_id IS NOT NULL, p.contributor_id FROM rotation_claims r"
        " LEFT JOIN sessions s ON s.session_id = r.session_id"
        f" LEFT JOIN sessions p ON p.session_id = r.predecessor_session {where}"
        " ORDER BY r.session_id",
        args,
    ).fetchall()
    return [
        (str(a), str(b), str(c), float(d), bool(e), None if f is None else str(f))
        for a, b, c, d, e, f in rows
    ]


def session_chain(conn: Conn, session_id: str) -> dict[str, Any]:
    row = conn.execute("SELECT contributor_id FROM sessions WHERE session_id = %s", (session_id,)).fetchone()
    contributor = None if row is None or row[0] is None else str(row[0])
    chains = rotation.chains_from(rotation_claims(conn, contributor) if contributor else [])
    return rotation.chain_answer(chains, session_id)


# The catalog's reads and their twins here. `pending_sessions` is bound to the process at run time.
TWINS: dict[Callable[..., Any], Callable[..., Any]] = {
    catalog.load_session: load_session,
    catalog.stored_envelope: stored_envelope,
    catalog.sessions_due: sessions_due,
    catalog.secrets_to_drop: secrets_to_drop,
    catalog.coordination_partners: coordination_partners,
    catalog.session_credits: session_credits,
    catalog.session_gaps: session_gaps,
    contract.session_envelopes: session_envelopes,
    catalog.session_close_info: session_close_info,
    catalog.recent_credits: recent_credits,
    catalog.coordination_links: coordination_links,
    catalog.leaderboard: leaderboard,
    catalog.day_leaves: day_leaves,
    catalog.days_to_seal: days_to_seal,
    catalog.ledger_roots: ledger_roots,
    catalog.credit_leaf: credit_leaf,
    catalog.ledger_root: ledger_root,
    catalog.rotation_claims: rotation_claims,
    rotation.session_chain: session_chain,
}


@attrs.define(eq=False)
class PostgresReads(ReadPool):
    """Owns: nothing but a limit on reads at once; the connections are the store's pool's.
    Callers: any actor or route, through `run(catalog.read, *args)`, as with the embedded ReadPool.
    A read the database cannot answer now (see store.unavailable) raises StoreDown.
    """

    pool: ConnectionPool[Conn] = attrs.field(kw_only=True)
    owner: str = attrs.field(kw_only=True)
    wall_clock: Callable[[], float] = attrs.field(kw_only=True, default=time.time)
    lease_s: float = attrs.field(kw_only=True, default=CLAIM_LEASE_S)

    def __attrs_post_init__(self) -> None:
        self._limiter = trio.CapacityLimiter(self.size)

    async def run(self, query: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run the twin of `query` (a catalog read, or a functools.partial of one) in a worker thread."""
        if isinstance(query, functools.partial):
            args, kwargs = (*query.args, *args), {**query.keywords, **kwargs}
            query = query.func
        twin = self._twin(query)
        async with self._limiter:
            return await trio.to_thread.run_sync(functools.partial(self._call, twin, *args, **kwargs))

    def _twin(self, query: Callable[..., Any]) -> Callable[..., Any]:
        if query is catalog.pending_sessions:
            return functools.partial(
                claim_pending, owner=self.owner, now=self.wall_clock(), lease_s=self.lease_s
            )
        twin = TWINS.get(query)
        if twin is None:
            raise NotImplementedError(f"the PostgreSQL store has no form of {query.__qualname__}")
        return twin

    def _call(self, twin: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        try:
            with self.pool.connection() as conn:
                return twin(conn, *args, **kwargs)
        except psycopg.Error as exc:
            down = unavailable(exc)
            if down is None:
                raise
            raise down from None

    def close(self) -> None:
        """The pool is the store's, closed with it."""
