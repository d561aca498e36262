"""The admin dashboard's live view: one JSON snapshot of what an operator watches, built from memory.

`snapshot` is pure (stats, metrics and the recent credits passed in); the HTTP layer pushes one over a WebSocket
every `PUSH_INTERVAL_S` to the page (groove_actors/http/dashboard.html) and to `groove-central watch`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from groove_actors.protocol.policy import TIERS
from groove_actors.server import stats
from groove_actors.server.fingerprint import VERDICTS
from groove_actors.server.metrics import Metrics
from groove_actors.server.stats import StatsBook

PUSH_INTERVAL_S = 1.0
TOP = 5


def rejections(metrics: Metrics) -> list[dict[str, Any]]:
    rows = [
        {"status": labels.get("status", ""), "reason": labels.get("reason", ""), "count": int(value)}
        for labels, value in metrics.counted("groove_envelopes_rejected_total")
    ]
    return sorted(rows, key=lambda r: -r["count"])


def rescrub_redactions(metrics: Metrics) -> list[dict[str, Any]]:
    """The kinds the server's re-scrub redacted most since start: what clients in the field let through."""
    counts = [
        (labels.get("kind", ""), int(value))
        for labels, value in metrics.counted("groove_rescrub_redactions_total")
    ]
    ranked = sorted(counts, key=lambda pair: (-pair[1], pair[0]))[:TOP]
    return [{"kind": kind, "count": count} for kind, count in ranked]


def tiers(metrics: Metrics) -> list[dict[str, Any]]:
    """Trajectories written since start by the server's quality tier, and how many of each are fit for training."""
    sessions = dict.fromkeys(TIERS, 0)
    eligible = dict.fromkeys(TIERS, 0)
    for labels, value in metrics.counted("groove_credits_by_tier_total"):
        tier = labels.get("tier", "")
        if tier in sessions:
            sessions[tier] += int(value)
            eligible[tier] += int(value) if labels.get("eligible") == "true" else 0
    return [{"tier": tier, "sessions": sessions[tier], "eligible": eligible[tier]} for tier in TIERS]


def fingerprints(metrics: Metrics) -> list[dict[str, Any]]:
    """Trajectories written since start by the model fingerprint's verdict (server/fingerprint.py)."""
    sessions = dict.fromkeys(VERDICTS, 0)
    for labels, value in metrics.counted("groove_model_fingerprints_total"):
        if labels.get("verdict") in sessions:
            sessions[labels["verdict"]] += int(value)
    return [{"verdict": verdict, "sessions": n} for verdict, n in sessions.items()]


def top(table: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    rows = [{"name": name, **values} for name, values in table.items()]
    return sorted(rows, key=lambda r: (-r["steps"], r["name"]))[:TOP]


def snapshot(
    book: StatsBook,
    metrics: Metrics,
    *,
    verifiers: int,
    recent_credits: list[dict[str, Any]],
    today: dt.date,
    uptime_s: float,
) -> dict[str, Any]:
    accepted = sum(value for _, value in metrics.counted("groove_envelopes_accepted_total"))
    return {
        "summary": stats.summary(book),
        "uptime_s": round(uptime_s, 1),
        "sessions_live": book.active_sessions,
        "verifiers_alive": verifiers,
        "accepted_since_start": int(accepted),
        "growth": stats.daily(book, days=14, today=today),
        "rejections": rejections(metrics),
        "rescrub_redactions": rescrub_redactions(metrics),
        "tiers": tiers(metrics),
        "model_fingerprints": fingerprints(metrics),
        "top_models": top(stats.models(book)),
        "top_providers": top(stats.providers(book)),
        "recent_credits": recent_credits,
    }
