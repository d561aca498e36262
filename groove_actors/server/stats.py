"""Stats kept in memory as envelopes are stored and credits written, so the stats endpoints never read files.

The StatsBook is loaded once at start-up from the catalog's aggregate tables (a handful of small tables, not
the envelopes) and then changed only by the StorageWriter, right after each commit. The functions below it
render the five endpoints' bodies (PROTOCOL.md section 4) from it, purely.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

import attrs

from groove_actors.store.catalog import CreditRecord, EnvelopeEffects, EnvelopeRecord


@attrs.define
class Tally:
    sessions: int = 0
    steps: int = 0
    points: float = 0.0


@attrs.define
class DayTally:
    envelopes: int = 0
    steps: int = 0
    sessions: int = 0
    points: float = 0.0


@attrs.define(eq=False)
class StatsBook:
    envelopes: int = 0
    steps: int = 0
    sessions: int = 0
    contributors: int = 0
    stored_bytes: int = 0
    points: float = 0.0
    credits: int = 0
    active_sessions: int = 0
    daily: dict[str, DayTally] = attrs.Factory(dict)
    models: dict[str, Tally] = attrs.Factory(dict)
    providers: dict[str, Tally] = attrs.Factory(dict)

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> StatsBook:
        """Read the aggregates; blocks on SQLite (start-up only)."""
        totals = dict(conn.execute("SELECT name, value FROM totals").fetchall())
        book = cls(
            envelopes=int(totals.get("envelopes", 0)),
            steps=int(totals.get("steps", 0)),
            sessions=int(totals.get("sessions", 0)),
            stored_bytes=int(totals.get("bytes", 0)),
            points=float(totals.get("points", 0.0)),
            credits=int(totals.get("credits", 0)),
            contributors=int(conn.execute("SELECT COUNT(*) FROM contributors").fetchone()[0]),
            active_sessions=int(
                conn.execute("SELECT COUNT(*) FROM sessions WHERE status = 'open'").fetchone()[0]
            ),
        )
        for day, envelopes, steps, sessions, points in conn.execute("SELECT * FROM daily"):
            book.daily[day] = DayTally(envelopes, steps, sessions, points)
        for kind, name, sessions, steps, points in conn.execute("SELECT * FROM breakdown"):
            table = book.models if kind == "model" else book.providers
            table[name] = Tally(sessions, steps, points)
        return book

    def session_opened(self) -> None:
        self.active_sessions += 1

    def session_closed(self) -> None:
        self.active_sessions -= 1

    def envelope_stored(self, rec: EnvelopeRecord, effects: EnvelopeEffects) -> None:
        if not effects.counted:  # refused (kept aside) or feedback: not part of the corpus's numbers
            return
        self.envelopes += 1
        self.steps += rec.steps
        self.stored_bytes += len(rec.body) + 1
        self.sessions += effects.first_of_session
        self.contributors += effects.new_contributor
        day = self.daily.setdefault(effects.day, DayTally())
        day.envelopes += 1
        day.steps += rec.steps
        for table, name in ((self.providers, effects.provider), (self.models, effects.model)):
            tally = table.setdefault(name, Tally())
            tally.sessions += effects.first_of_session
            tally.steps += rec.steps
        if effects.closed_session:
            self.session_closed()

    def credited(self, credit: CreditRecord) -> None:
        """A credit, or an adjustment (revision > 0: points only), as catalog.record_credit counts it."""
        first = credit.revision == 0
        self.points += credit.points
        self.credits += first
        day = self.daily.setdefault(credit.day, DayTally())
        day.sessions += first
        day.points += credit.points
        for table, name in ((self.providers, credit.provider), (self.models, credit.model)):
            table.setdefault(name, Tally()).points += credit.points


def summary(book: StatsBook) -> dict[str, Any]:
    return {
        "totalEnvelopes": book.envelopes,
        "totalSteps": book.steps,
        "totalSessions": book.sessions,
        "activeSessions": book.active_sessions,
        "uniqueContributors": book.contributors,
        "storageSizeMb": round(book.stored_bytes / (1024 * 1024), 2),
        "totalPointsAwarded": round(book.points, 2),
    }


def daily(book: StatsBook, *, days: int, today: dt.date) -> list[dict[str, Any]]:
    """The last `days` days up to today, oldest first, zeros for days without activity."""
    out = []
    for back in range(days - 1, -1, -1):
        day = (today - dt.timedelta(days=back)).isoformat()
        tally = book.daily.get(day, DayTally())
        out.append(
            {
                "date": day,
                "envelopes": tally.envelopes,
                "steps": tally.steps,
                "sessions": tally.sessions,
                "points": round(tally.points, 2),
            }
        )
    return out


def models(book: StatsBook) -> dict[str, dict[str, Any]]:
    total_steps = sum(t.steps for t in book.models.values()) or 1
    return {
        name: {
            "sessions": t.sessions,
            "steps": t.steps,
            "points": round(t.points, 2),
            "percentage": round(t.steps * 100 / total_steps, 1),
        }
        for name, t in sorted(book.models.items())
    }


def providers(book: StatsBook) -> dict[str, dict[str, Any]]:
    return {
        name: {"sessions": t.sessions, "steps": t.steps, "points": round(t.points, 2)}
        for name, t in sorted(book.providers.items())
    }


def leaderboard(rows: list[tuple[str, float, int]]) -> list[dict[str, Any]]:
    """Contributor ids are cut to 8 characters: the board is public (PROTOCOL.md section 4)."""
    return [
        {"contributor_id": cid[:8] + "...", "total_points": round(points, 2), "total_sessions": sessions}
        for cid, points, sessions in rows
    ]
