"""GET /v1/stats/*: the public statistics, from the in-memory StatsBook (PROTOCOL.md section 4)."""

from __future__ import annotations

import datetime as dt

from quart import Blueprint, Response

from groove_actors.http.answers import int_arg, json_response
from groove_actors.http.handles import AppHandles
from groove_actors.server import stats
from groove_actors.store import catalog


def blueprint(handles: AppHandles) -> Blueprint:
    routes = Blueprint("stats", __name__)

    @routes.get("/v1/stats/summary")
    async def summary() -> Response:
        return json_response(stats.summary(handles.stats))

    @routes.get("/v1/stats/daily")
    async def daily() -> Response:
        days = int_arg("days", 7, 1, 365)
        if isinstance(days, Response):
            return days
        today = dt.datetime.fromtimestamp(handles.wall_clock(), dt.UTC).date()
        return json_response(stats.daily(handles.stats, days=days, today=today))

    @routes.get("/v1/stats/models")
    async def models() -> Response:
        return json_response(stats.models(handles.stats))

    @routes.get("/v1/stats/providers")
    async def providers() -> Response:
        return json_response(stats.providers(handles.stats))

    @routes.get("/v1/stats/leaderboard")
    async def leaderboard() -> Response:
        limit = int_arg("limit", 10, 1, 1000)
        if isinstance(limit, Response):
            return limit
        rows = await handles.reads.run(catalog.leaderboard, limit)
        return json_response(stats.leaderboard(rows))

    return routes
