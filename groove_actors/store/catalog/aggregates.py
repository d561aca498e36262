"""The stats counters: totals, per day, per provider and model, and the contributors seen.

Only the envelope and credit writers (catalog/envelopes.py, catalog/ledger.py) add to them, in the same
transaction as what they count; the StatsBook (server/stats.py) loads them once at start-up.
"""

from __future__ import annotations

import sqlite3


def new_contributors(conn: sqlite3.Connection, ids: list[str | None]) -> set[str]:
    """Record contributors; returns the ids this call added (those never seen before)."""
    wanted = {cid for cid in ids if cid is not None}
    if not wanted:
        return set()
    marks = ",".join("?" for _ in wanted)
    known = {
        row[0]
        for row in conn.execute(
            f"SELECT contributor_id FROM contributors WHERE contributor_id IN ({marks})", tuple(wanted)
        )
    }
    new = wanted - known
    conn.executemany("INSERT INTO contributors VALUES (?)", [(cid,) for cid in new])
    return new


def add_daily(conn: sqlite3.Connection, day: str, **amounts: float) -> None:
    columns = ", ".join(amounts)
    updates = ", ".join(f"{c} = {c} + excluded.{c}" for c in amounts)
    marks = ", ".join("?" for _ in amounts)
    conn.execute(
        f"INSERT INTO daily (day, {columns}) VALUES (?, {marks}) ON CONFLICT (day) DO UPDATE SET {updates}",
        (day, *amounts.values()),
    )


def add_totals(conn: sqlite3.Connection, **amounts: float) -> None:
    conn.executemany(
        "INSERT INTO totals VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = value + excluded.value",
        amounts.items(),
    )


def add_breakdown(conn: sqlite3.Connection, kind: str, name: str, **amounts: float) -> None:
    columns = ", ".join(amounts)
    updates = ", ".join(f"{c} = {c} + excluded.{c}" for c in amounts)
    marks = ", ".join("?" for _ in amounts)
    conn.execute(
        f"INSERT INTO breakdown (kind, name, {columns}) VALUES (?, ?, {marks})"
        f" ON CONFLICT (kind, name) DO UPDATE SET {updates}",
        (kind, name, *amounts.values()),
    )
