"""What operators and machines ask the server: /health, /ready, /metrics (admin) and /openapi.json."""

from __future__ import annotations

import time

import orjson
from quart import Blueprint, Response, request

from groove_actors.http.answers import json_response
from groove_actors.http.handles import AppHandles
from groove_actors.http.openapi import OPENAPI_PATH
from groove_actors.http.openapi import document as openapi_document
from groove_actors.http.routes.admin import admin_refusal
from groove_actors.server.metrics import exposition
from groove_actors.server.queries import newest_seal_time
from groove_actors.server.readiness import READY_RETRY_AFTER_S, Readiness
from groove_actors.store import catalog
from groove_actors.store.contract import StoreDown


def ready_response(readiness: Readiness, uptime: float) -> Response:
    """200 when the server can acknowledge envelopes; else 503 naming what it waits for (systemd, balancers)."""
    waiting_for = readiness.waiting_for()
    if not waiting_for:
        return json_response({"ready": True, "uptime": round(uptime, 3)})
    return json_response({"ready": False, "waiting_for": waiting_for}, 503, retry_after=READY_RETRY_AFTER_S)


def blueprint(handles: AppHandles) -> Blueprint:
    routes = Blueprint("health", __name__)
    description = orjson.dumps(openapi_document())

    @routes.get("/health")
    async def health() -> Response:
        return json_response({"status": "ok", "uptime": round(time.monotonic() - handles.started_at, 3)})

    @routes.get("/ready")
    async def ready() -> Response:
        return ready_response(handles.readiness, time.monotonic() - handles.started_at)

    @routes.get(OPENAPI_PATH)
    async def openapi() -> Response:
        return Response(description, content_type="application/json")

    @routes.get("/metrics")
    async def metrics() -> Response:
        refusal = admin_refusal(handles, request.headers.get("Authorization"))
        if refusal is not None:
            return refusal
        try:
            newest = await handles.reads.run(catalog.ledger_roots, 1)
        except StoreDown:  # the rest of the metrics matter most while the database is away
            newest = []
        gauges = {
            "groove_active_sessions": handles.stats.active_sessions,
            "groove_verifiers_alive": handles.directory.running,
            "groove_writer_queue_depth": handles.writer.statistics().current_buffer_used,
            "groove_storage_bytes": handles.stats.stored_bytes,
            "groove_ledger_last_sealed_timestamp_seconds": newest_seal_time(newest),
        }
        body, content_type = exposition(handles.metrics, gauges, request.headers.get("Accept", ""))
        return Response(body, content_type=content_type)

    return routes
