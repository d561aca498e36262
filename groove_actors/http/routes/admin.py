"""The admin routes: the dashboard page, its live feed, and a session's coordination and rotation chain.

Each needs the admin token (http/admin.py); without one configured they are off and say how to turn them on.
"""

from __future__ import annotations

import datetime as dt
import time
from importlib import resources
from typing import Any

import orjson
import trio
from quart import Blueprint, Response, request, websocket

from groove_actors.http.answers import json_response
from groove_actors.http.handles import AppHandles
from groove_actors.protocol.validate import check_session_id
from groove_actors.server import rotation
from groove_actors.server.dashboard import PUSH_INTERVAL_S, snapshot
from groove_actors.server.queries import coordination_answer, recent_credits_answer
from groove_actors.store import catalog


def admin_refusal(handles: AppHandles, authorization: str | None) -> Response | None:
    """None when the request carries the admin token; else a 401 saying why (constant-time compare)."""
    if not handles.admin_token.value:
        reason = "admin endpoints are off: start the server with an admin token (GROOVE_ADMIN_TOKEN)"
    elif handles.admin_token.admits(authorization):
        return None
    else:
        reason = "admin token required: send Authorization: Bearer <token>"
    response = json_response({"error": reason}, 401)
    response.headers["WWW-Authenticate"] = 'Bearer realm="groove-admin"'
    return response


def _admin_credentials() -> str | None:
    """The bearer header, or `?token=` for what a browser opens directly (the page and its WebSocket)."""
    token = request.args.get("token") if request else None
    return request.headers.get("Authorization") or (f"Bearer {token}" if token else None)


async def _snapshot(handles: AppHandles) -> dict[str, Any]:
    recent = recent_credits_answer(await handles.reads.run(catalog.recent_credits, 10))
    return snapshot(
        handles.stats,
        handles.metrics,
        verifiers=handles.directory.running,
        recent_credits=recent,
        today=dt.datetime.fromtimestamp(handles.wall_clock(), dt.UTC).date(),
        uptime_s=time.monotonic() - handles.started_at,
    )


def _session_arg() -> str | Response:
    """The session of `?session_id=`, or a 400 asking for it."""
    session_id = request.args.get("session_id", "")
    if not session_id or check_session_id(session_id) is not None:
        return json_response({"error": "give the session as ?session_id=..."}, 400)
    return session_id


def blueprint(handles: AppHandles) -> Blueprint:
    routes = Blueprint("admin", __name__)
    page = resources.files("groove_actors.http").joinpath("dashboard.html").read_bytes()

    @routes.get("/admin")
    async def dashboard() -> Response:
        refusal = admin_refusal(handles, _admin_credentials())
        if refusal is not None:
            return refusal
        response = Response(page, content_type="text/html; charset=utf-8")
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @routes.websocket("/admin/live")
    async def live() -> Response | None:
        token = websocket.args.get("token")
        header = websocket.headers.get("Authorization") or (f"Bearer {token}" if token else None)
        refusal = admin_refusal(handles, header)
        if refusal is not None:
            return refusal  # answered as HTTP 401 before the upgrade
        await websocket.accept()
        while True:
            await websocket.send(orjson.dumps(await _snapshot(handles)).decode())
            await trio.sleep(PUSH_INTERVAL_S)

    @routes.get("/admin/coordination")
    async def coordination() -> Response:
        """Both sides of a session's coordination exchanges, whichever of the pair was credited first."""
        refusal = admin_refusal(handles, request.headers.get("Authorization"))
        if refusal is not None:
            return refusal
        session_id = _session_arg()
        if isinstance(session_id, Response):
            return session_id
        rows = await handles.reads.run(catalog.coordination_links, session_id)
        return json_response(coordination_answer(session_id, rows))

    @routes.get("/admin/rotation")
    async def rotation_chain() -> Response:
        """A session's context-rotation chain: predecessor, successor, the chain in order, a dropped claim."""
        refusal = admin_refusal(handles, request.headers.get("Authorization"))
        if refusal is not None:
            return refusal
        session_id = _session_arg()
        if isinstance(session_id, Response):
            return session_id
        return json_response(await handles.reads.run(rotation.session_chain, session_id))

    return routes
