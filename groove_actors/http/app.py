"""The Quart-Trio application: routes translate HTTP to actor messages and back, nothing else.

Rejections keep the original's body shape (`accepted: false` + `reason`) with honest status codes
(PROTOCOL.md section 2); every answer is JSON, including the framework's own 404/405/413.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from importlib import resources
from typing import Any

import attrs
import orjson
import trio
from quart import Response, request, websocket
from quart_trio import QuartTrio
from werkzeug.exceptions import HTTPException

from groove_actors import logs
from groove_actors.errors import PeerError
from groove_actors.http.admin import AdminToken
from groove_actors.http.budget import BodyBudget
from groove_actors.http.edge import LOGGED_PATH_CHARS, rejection_body, retry_after_header
from groove_actors.http.openapi import OPENAPI_PATH
from groove_actors.http.openapi import document as openapi_document
from groove_actors.protocol import ecdh, jsjson, limits, merkle
from groove_actors.protocol.convert import WIRE
from groove_actors.protocol.envelope import Rejected
from groove_actors.protocol.models import SessionOpen
from groove_actors.protocol.validate import check_session_id, check_session_open, validate_session_open
from groove_actors.server import rotation, stats
from groove_actors.server.channels import ask
from groove_actors.server.dashboard import PUSH_INTERVAL_S, snapshot
from groove_actors.server.metrics import Metrics, exposition
from groove_actors.server.ratelimit import OPENS_PER_HOUR, RateLimiter
from groove_actors.server.readiness import READY_RETRY_AFTER_S, Readiness
from groove_actors.server.reads import ReadPool
from groove_actors.server.sessions import Closed, CloseRequest, SessionDirectory
from groove_actors.server.stats import StatsBook
from groove_actors.server.writer import WriteRequest, ask_writer, store_refusal
from groove_actors.store import catalog
from groove_actors.store.catalog import NewSession
from groove_actors.store.embedded import Done, OpenSession

ANSWER_DEADLINE_S = 30.0  # a route waits this long for its actor, then answers 503 (the work may still land)
# Open and close requests are a few hundred bytes; only ingest takes large bodies (http/ingest.py).
MAX_REQUEST_BYTES = 64 * 1024
OVERLOADED = Rejected(503, "the server is overloaded; retry after the indicated delay", retry_after=1.0)
# Request bodies held at once (see http/budget.py): a 32 MiB chunk and its parse, with room for the rest.
DEFAULT_BODY_BUDGET_BYTES = 128 * 1024 * 1024


@attrs.define(eq=False)
class SealedDays:
    """The leaf hashes of the few sealed days asked about last (32 bytes a credit), oldest dropped first."""

    capacity: int
    _days: dict[str, list[bytes]] = attrs.Factory(dict)

    def get(self, day: str) -> list[bytes] | None:
        hashes = self._days.pop(day, None)
        if hashes is not None:
            self._days[day] = hashes  # now the most recently used
        return hashes

    def put(self, day: str, hashes: list[bytes]) -> None:
        self._days[day] = hashes
        while len(self._days) > self.capacity:
            del self._days[next(iter(self._days))]


@attrs.frozen
class AppHandles:
    """What the routes may talk to; passed in, never global (STYLE "Module-level mutable state")."""

    started_at: float
    directory: SessionDirectory
    writer: trio.MemorySendChannel[WriteRequest]
    reads: ReadPool
    stats: StatsBook
    limiter: RateLimiter
    trusted_proxies: frozenset[str] = frozenset()
    opens_per_hour: int = OPENS_PER_HOUR
    metrics: Metrics = attrs.Factory(Metrics)
    admin_token: AdminToken = attrs.Factory(AdminToken)  # re-read on SIGHUP
    wall_clock: Callable[[], float] = time.time
    bodies: BodyBudget = attrs.Factory(lambda: BodyBudget(DEFAULT_BODY_BUDGET_BYTES))
    sealed_days: SealedDays = attrs.Factory(lambda: SealedDays(4))
    step_types: frozenset[str] = limits.STEP_TYPES  # the protocol's, and any the scoring policy adds
    readiness: Readiness = attrs.Factory(Readiness)


def json_response(body: Any, status: int = 200, *, retry_after: float | None = None) -> Response:
    response = Response(orjson.dumps(body), status=status, content_type="application/json")
    if retry_after is not None:
        name, value = retry_after_header(retry_after)
        response.headers[name.decode()] = value.decode()
    return response


def rejected(answer: Rejected, *, shape: str = "accepted") -> Response:
    return json_response(rejection_body(answer, shape=shape), answer.status, retry_after=answer.retry_after)


async def body_bytes() -> bytes:
    """The request body exactly as received (it is stored and verified byte for byte)."""
    raw = await request.get_data(cache=False, as_text=False)
    return raw if isinstance(raw, bytes) else raw.encode()


async def read_json_object(limit_fields: str) -> dict[str, Any] | Response:
    try:
        body = jsjson.parse(await body_bytes())
    except PeerError as exc:
        return json_response({"error": exc.reason}, 400)
    if not isinstance(body, dict):
        return json_response({"error": f"{limit_fields} must be sent as a JSON object"}, 400)
    return body


def create_app(handles: AppHandles) -> QuartTrio:
    app = QuartTrio(__name__, static_folder=None)
    app.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    app.config["PROVIDE_AUTOMATIC_OPTIONS"] = False
    app.config["PROPAGATE_EXCEPTIONS"] = True  # the edge turns them into a 500 and logs them (http/edge.py)
    _install_hooks(app, handles)
    _install_session_routes(app, handles)
    _install_stats_routes(app, handles)
    _install_ledger_routes(app, handles)
    _install_admin_routes(app, handles)
    return app


async def _snapshot(handles: AppHandles) -> dict[str, Any]:
    recent = await handles.reads.run(catalog.recent_credits, 10)
    return snapshot(
        handles.stats,
        handles.metrics,
        verifiers=handles.directory.running,
        recent_credits=recent,
        today=dt.datetime.fromtimestamp(handles.wall_clock(), dt.UTC).date(),
        uptime_s=time.monotonic() - handles.started_at,
    )


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


def _install_admin_routes(app: QuartTrio, handles: AppHandles) -> None:
    page = resources.files("groove_actors.http").joinpath("dashboard.html").read_bytes()

    @app.get("/admin")
    async def dashboard() -> Response:
        refusal = admin_refusal(handles, _admin_credentials())
        if refusal is not None:
            return refusal
        response = Response(page, content_type="text/html; charset=utf-8")
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.websocket("/admin/live")
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

    @app.get("/metrics")
    async def metrics() -> Response:
        refusal = admin_refusal(handles, request.headers.get("Authorization"))
        if refusal is not None:
            return refusal
        newest = await handles.reads.run(catalog.ledger_roots, 1)
        gauges = {
            "groove_active_sessions": handles.stats.active_sessions,
            "groove_verifiers_alive": handles.directory.running,
            "groove_writer_queue_depth": handles.writer.statistics().current_buffer_used,
            "groove_storage_bytes": handles.stats.stored_bytes,
            "groove_ledger_last_sealed_timestamp_seconds": newest[0]["sealed_at"] if newest else None,
        }
        body, content_type = exposition(handles.metrics, gauges, request.headers.get("Accept", ""))
        return Response(body, content_type=content_type)

    @app.get("/admin/coordination")
    async def coordination() -> Response:
        """Both sides of a session's coordination exchanges, whichever of the pair was credited first."""
        refusal = admin_refusal(handles, request.headers.get("Authorization"))
        if refusal is not None:
            return refusal
        session_id = request.args.get("session_id", "")
        if not session_id or check_session_id(session_id) is not None:
            return json_response({"error": "give the session as ?session_id=..."}, 400)
        rows = await handles.reads.run(catalog.coordination_links, session_id)
        links = [
            {"coordination_id": cid, "step": step, "partner_session": partner, "partner_agent": agent,
             "partner_step": partner_step}
            for step, cid, partner, agent, partner_step in rows
        ]  # fmt: skip
        return json_response({"session_id": session_id, "coordination_links": links})

    @app.get("/admin/rotation")
    async def rotation_chain() -> Response:
        """A session's context-rotation chain: predecessor, successor, the chain in order, a dropped claim."""
        refusal = admin_refusal(handles, request.headers.get("Authorization"))
        if refusal is not None:
            return refusal
        session_id = request.args.get("session_id", "")
        if not session_id or check_session_id(session_id) is not None:
            return json_response({"error": "give the session as ?session_id=..."}, 400)
        return json_response(await handles.reads.run(rotation.session_chain, session_id))


def _install_hooks(app: QuartTrio, handles: AppHandles) -> None:
    @app.errorhandler(HTTPException)
    async def http_error(error: HTTPException) -> Response:
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

    @app.get("/health")
    async def health() -> Response:
        return json_response({"status": "ok", "uptime": round(time.monotonic() - handles.started_at, 3)})

    @app.get("/ready")
    async def ready() -> Response:
        return ready_response(handles.readiness, time.monotonic() - handles.started_at)

    description = orjson.dumps(openapi_document())

    @app.get(OPENAPI_PATH)
    async def openapi() -> Response:
        return Response(description, content_type="application/json")


def ready_response(readiness: Readiness, uptime: float) -> Response:
    """200 when the server can acknowledge envelopes; else 503 naming what it waits for (systemd, balancers)."""
    waiting_for = readiness.waiting_for()
    if not waiting_for:
        return json_response({"ready": True, "uptime": round(uptime, 3)})
    return json_response({"ready": False, "waiting_for": waiting_for}, 503, retry_after=READY_RETRY_AFTER_S)


def _install_session_routes(app: QuartTrio, handles: AppHandles) -> None:
    @app.post("/v1/sessions/open")
    async def open_session() -> Response:
        body = await read_json_object("the session request")
        if isinstance(body, Response):
            return body
        missing = validate_session_open(body)
        if missing:
            return json_response({"error": "missing required fields", "required": list(missing)}, 400)
        problems = check_session_open(body)
        if problems:
            reason = f"the session request breaks {len(problems)} rule(s); see details"
            return rejected(Rejected(400, reason, details=tuple(map(str, problems))), shape="error")
        opened = WIRE.structure(body, SessionOpen)
        try:
            client_key = ecdh.load_public_key(opened.public_key)
        except PeerError as exc:
            return json_response({"error": exc.reason}, exc.status)
        pair = ecdh.generate_key_pair()
        new = NewSession(
            session_id=opened.session_id,
            secret=ecdh.derive_shared_secret(pair.private_key, client_key),
            client_public_key=opened.public_key,
            provider=opened.provider,
            model=opened.model,
            machine_fingerprint=opened.machine_fingerprint,
            app_version_hash=opened.app_version_hash,
            groove_version=opened.groove_version,
            created_at=handles.wall_clock(),
        )
        outcome = await ask_writer(handles.writer, OpenSession(new, handles.opens_per_hour))
        if not isinstance(outcome, Done):
            if outcome.status == 429:
                handles.metrics.count("groove_rate_limited_total", limit="session_opens")
            return rejected(store_refusal(outcome), shape="error")
        logs.event("session.opened", session_id=new.session_id, provider=new.provider)
        return json_response({"server_public_key": pair.public_b64})

    @app.post("/v1/sessions/close")
    async def close_session() -> Response:
        body = await read_json_object("the close request")
        if isinstance(body, Response):
            return body
        session_id = body.get("session_id")
        if not session_id:
            return json_response({"error": "session_id is required and must be a non-empty string"}, 400)
        problem = check_session_id(session_id)
        if problem is not None:
            return json_response({"error": f"session_id: {problem}"}, 400)
        answer: Closed | Rejected = await ask(
            lambda reply_to: handles.directory.deliver(session_id, CloseRequest(reply_to)),
            otherwise=OVERLOADED,
            within_s=ANSWER_DEADLINE_S,
        )
        if isinstance(answer, Rejected):
            return rejected(answer, shape="error")
        return json_response(
            {"closed": True, "already_closed": True} if answer.already_closed else {"closed": True}
        )


def _int_arg(name: str, default: int, low: int, high: int) -> int | Response:
    value = request.args.get(name)
    if value is None:
        return default
    try:
        return min(high, max(low, int(value)))
    except ValueError:
        return json_response({"error": f"{name} must be an integer, got {value!r}"}, 400)


def _install_stats_routes(app: QuartTrio, handles: AppHandles) -> None:
    @app.get("/v1/stats/summary")
    async def summary() -> Response:
        return json_response(stats.summary(handles.stats))

    @app.get("/v1/stats/daily")
    async def daily() -> Response:
        days = _int_arg("days", 7, 1, 365)
        if isinstance(days, Response):
            return days
        today = dt.datetime.fromtimestamp(handles.wall_clock(), dt.UTC).date()
        return json_response(stats.daily(handles.stats, days=days, today=today))

    @app.get("/v1/stats/models")
    async def models() -> Response:
        return json_response(stats.models(handles.stats))

    @app.get("/v1/stats/providers")
    async def providers() -> Response:
        return json_response(stats.providers(handles.stats))

    @app.get("/v1/stats/leaderboard")
    async def leaderboard() -> Response:
        limit = _int_arg("limit", 10, 1, 1000)
        if isinstance(limit, Response):
            return limit
        rows = await handles.reads.run(catalog.leaderboard, limit)
        return json_response(stats.leaderboard(rows))


def _install_ledger_routes(app: QuartTrio, handles: AppHandles) -> None:
    @app.get("/v1/ledger/roots")
    async def ledger_roots() -> Response:
        days = _int_arg("days", 30, 1, 366)
        if isinstance(days, Response):
            return days
        return json_response(await handles.reads.run(catalog.ledger_roots, days))

    @app.get("/v1/ledger/proof")
    async def ledger_proof() -> Response:
        session_id = request.args.get("session_id", "")
        if not session_id or check_session_id(session_id) is not None:
            return json_response({"error": "give the credited session as ?session_id=..."}, 400)
        revision = _int_arg("revision", 0, 0, 1_000_000)
        if isinstance(revision, Response):
            return revision
        found = await handles.reads.run(catalog.credit_leaf, session_id, revision)
        if found is None:
            return json_response({"error": f"no credit for session {session_id!r}"}, 404)
        day, index, leaf = found
        sealed = await handles.reads.run(catalog.ledger_root, day)
        if sealed is None:
            reason = (
                f"the credits of {day} are sealed a few minutes after that day ends (UTC); ask again then"
            )
            return json_response({"error": reason}, 409)
        hashes = handles.sealed_days.get(day)
        if hashes is None:  # a sealed day never changes: its leaf hashes are kept for the next proof
            leaves = await handles.reads.run(catalog.day_leaves, day)
            hashes = await trio.to_thread.run_sync(merkle.leaf_hashes, leaves)
            handles.sealed_days.put(day, hashes)
        path = await trio.to_thread.run_sync(merkle.inclusion_path, hashes, index)
        return json_response(
            {
                "session_id": session_id,
                "day": day,
                "leaf": leaf.decode(),
                "leaf_hash": merkle.leaf_hash(leaf).hex(),
                "index": index,
                "tree_size": sealed[1],
                "path": [node.hex() for node in path],
                "root": sealed[0],
            }
        )
