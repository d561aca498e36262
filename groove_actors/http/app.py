"""The Quart-Trio application: routes translate HTTP to actor messages and back, nothing else."""

from __future__ import annotations

import time
from typing import Any

import attrs
from quart import Response, g, request
from quart_trio import QuartTrio

from groove_actors import logs
from groove_actors.protocol.limits import MAX_BODY_BYTES


@attrs.frozen
class AppHandles:
    """What the routes may talk to; passed in, never global (STYLE "Module-level mutable state")."""

    started_at: float


def create_app(handles: AppHandles) -> QuartTrio:
    app = QuartTrio(__name__)
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    app.config["PROVIDE_AUTOMATIC_OPTIONS"] = False

    @app.before_request
    async def start_timer() -> None:
        g.started = time.perf_counter()

    @app.after_request
    async def cors_and_log(response: Response) -> Response:
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type"
        started = g.get("started", time.perf_counter())
        logs.event(
            "request",
            method=request.method,
            path=request.path,
            status=response.status_code,
            ms=logs.elapsed_ms(started),
        )
        return response

    @app.route("/<path:_any>", methods=["OPTIONS"])
    async def preflight(_any: str) -> tuple[str, int]:
        return "", 204

    @app.get("/health")
    async def health() -> dict[str, Any]:
        return {"status": "ok", "uptime": round(time.monotonic() - handles.started_at, 3)}

    return app
