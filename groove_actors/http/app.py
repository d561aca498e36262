"""The Quart-Trio application: routes translate HTTP to actor messages and back, nothing else.

The routes live in http/routes/, one Blueprint per part of the API; here they are registered, with what they
share: the request size limit and JSON answers for the framework's own 404/405/413 (PROTOCOL.md section 2).
"""

from __future__ import annotations

from quart import Response, request
from quart_trio import QuartTrio
from werkzeug.exceptions import HTTPException

from groove_actors.http.answers import json_response, rejected
from groove_actors.http.edge import LOGGED_PATH_CHARS
from groove_actors.http.handles import AppHandles
from groove_actors.http.routes import admin, health, ledger, sessions, stats
from groove_actors.protocol.envelope import Rejected
from groove_actors.store.contract import StoreDown

# Open and close requests are a few hundred bytes; only ingest takes large bodies (http/ingest.py).
MAX_REQUEST_BYTES = 64 * 1024


def create_app(handles: AppHandles) -> QuartTrio:
    """The Quart app over `handles`, with every route but ingest (which the edge serves, http/asgi.py)."""
    app = QuartTrio(__name__, static_folder=None)
    app.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    app.config["PROVIDE_AUTOMATIC_OPTIONS"] = False
    app.config["PROPAGATE_EXCEPTIONS"] = True  # the edge turns them into a 500 and logs them (http/edge.py)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(StoreDown, _store_down)
    for routes in (health, sessions, stats, ledger, admin):
        app.register_blueprint(routes.blueprint(handles))
    return app


async def _http_error(error: HTTPException) -> Response:
    """The framework's own refusals, as JSON in the rejection shape."""
    status = error.code or 500
    reason = {
        404: f"no such endpoint: {request.method} {request.path[:LOGGED_PATH_CHARS]}",
        405: f"{request.method} is not allowed on {request.path[:LOGGED_PATH_CHARS]}",
        413: f"request body larger than the {MAX_REQUEST_BYTES // 1024} KiB limit of this endpoint",
    }.get(status, error.description or error.name)
    response = json_response({"accepted": False, "reason": reason}, status)
    if status == 413:
        # The unread body is still on the wire: this connection cannot carry another request.
        response.headers["Connection"] = "close"
    return response


async def _store_down(error: StoreDown) -> Response:
    """A read the database could not answer now (PostgreSQL store): the caller retries; the server goes on."""
    return rejected(
        Rejected(
            503,
            "the database is unavailable; retry after the indicated delay",
            retry_after=error.retry_after_s,
        )
    )
