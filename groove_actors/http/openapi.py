"""GET /openapi.json: an OpenAPI 3.1 description of every route, its answers and their status codes.

Written by hand beside the routes (docs/PROTOCOL.md says what each answer means); tests/test_openapi.py holds
it to the routes the app really serves, both ways, and real answers to the schemas described here. The
admin routes are marked as needing the admin token (a bearer token, or `?token=` for what a browser opens).
"""

from __future__ import annotations

import copy
from typing import Any

import groove_actors
from groove_actors.protocol.limits import MAX_BODY_BYTES

Json = dict[str, Any]

OPENAPI_PATH = "/openapi.json"
ADMIN_SECURITY: list[Json] = [{"adminBearer": []}, {"adminQueryToken": []}]


def _ref(name: str) -> Json:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: Json, description: str, *, retry: bool = False) -> Json:
    answer: Json = {"description": description, "content": {"application/json": {"schema": schema}}}
    if retry:
        answer["headers"] = {"Retry-After": {"$ref": "#/components/headers/Retry-After"}}
    return answer


def _strings(*names: str) -> Json:
    return {name: {"type": "string"} for name in names}


def _numbers(*names: str, kind: str = "integer") -> Json:
    return {name: {"type": kind} for name in names}


def _object(properties: Json, *, optional: tuple[str, ...] = ()) -> Json:
    required = [name for name in properties if name not in optional]
    return {"type": "object", "properties": properties, "required": required}


SCHEMAS: Json = {
    "Refusal": {
        "description": "A refusal in ingest's shape (also every 404, 405, 413, 429 of /v1/ and 500).",
        **_object(
            {
                "accepted": {"const": False},
                "reason": {"type": "string"},
                "details": {"type": "array", "items": {"type": "string"}},
                "quarantined": {"const": True, "description": "the envelope was kept aside (PROTOCOL.md 5)"},
            },
            optional=("details", "quarantined"),
        ),
    },
    "Error": {
        "description": "A refusal of the other routes: what was wrong and how to ask instead.",
        **_object(
            {
                "error": {"type": "string"},
                "details": {"type": "array", "items": {"type": "string"}},
                "required": {"type": "array", "items": {"type": "string"}},
            },
            optional=("details", "required"),
        ),
    },
    "Envelope": {
        "description": "A signed chunk, SESSION_CLOSE or USER_FEEDBACK envelope (docs/PROTOCOL.md, 3 and 6).",
        "type": "object",
        "required": ["session_id"],
        "properties": {
            **_strings("envelope_id", "session_id", "contributor_id"),
            "type": {"enum": ["SESSION_CLOSE", "USER_FEEDBACK"]},
            "chunk_sequence": {"type": "integer"},
            "attestation": _object(
                {
                    "session_hmac": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                    "sequence": {"type": "integer", "minimum": 0},
                    "app_version_hash": {"type": "string"},
                },
                optional=("app_version_hash",),
            ),
            "metadata": {"type": "object"},
            "trajectory_log": {"type": "array", "items": {"type": "object"}},
            "outcome": {"type": "object"},
            "feedback": {"type": "object"},
        },
    },
    "EnvelopeAccepted": _object(
        {"accepted": {"const": True}, "envelope_id": {"type": "string"}, "duplicate": {"const": True}},
        optional=("duplicate",),
    ),
    "SessionOpen": _object(
        {
            "session_id": {"type": "string", "maxLength": 200},
            "public_key": {"type": "string", "description": "base64 of an uncompressed P-256 point"},
            "provider": {"type": "string", "maxLength": 50, "pattern": "^[A-Za-z0-9._-]+$"},
            "model": {"type": "string", "maxLength": 100},
            "machine_fingerprint": {"type": "string", "maxLength": 200},
            "app_version_hash": {"type": "string", "maxLength": 100},
            "groove_version": {"type": "string", "maxLength": 20},
        }
    ),
    "SessionOpened": _object({"server_public_key": {"type": "string"}}),
    "SessionClose": _object({"session_id": {"type": "string"}}),
    "SessionClosed": _object(
        {"closed": {"const": True}, "already_closed": {"const": True}}, optional=("already_closed",)
    ),
    "Summary": _object(
        {
            **_numbers(
                "totalEnvelopes", "totalSteps", "totalSessions", "activeSessions", "uniqueContributors"
            ),
            **_numbers("storageSizeMb", "totalPointsAwarded", kind="number"),
        }
    ),
    "Day": _object(
        {
            "date": {"type": "string", "format": "date"},
            **_numbers("envelopes", "steps", "sessions"),
            "points": {"type": "number"},
        }
    ),
    "ModelStats": {
        "type": "object",
        "additionalProperties": _object(
            {**_numbers("sessions", "steps"), **_numbers("points", "percentage", kind="number")}
        ),
    },
    "ProviderStats": {
        "type": "object",
        "additionalProperties": _object({**_numbers("sessions", "steps"), "points": {"type": "number"}}),
    },
    "Contributor": _object(
        {
            "contributor_id": {"type": "string"},
            "total_points": {"type": "number"},
            "total_sessions": {"type": "integer"},
        }
    ),
    "LedgerRoot": _object(
        {
            "day": {"type": "string", "format": "date"},
            "root": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "credits": {"type": "integer"},
            "sealed_at": {"type": "number"},
        }
    ),
    "LedgerProof": _object(
        {
            **_strings("session_id", "day", "leaf", "leaf_hash", "root"),
            **_numbers("index", "tree_size"),
            "path": {"type": "array", "items": {"type": "string"}},
        }
    ),
    "Health": _object({"status": {"const": "ok"}, "uptime": {"type": "number"}}),
    "Ready": _object({"ready": {"const": True}, "uptime": {"type": "number"}}),
    "NotReady": _object(
        {
            "ready": {"const": False},
            "waiting_for": {"type": "array", "items": {"enum": ["store", "recovery", "writer", "database"]}},
        }
    ),
    "CoordinationLinks": _object(
        {
            "session_id": {"type": "string"},
            "coordination_links": {
                "type": "array",
                "items": _object(
                    {
                        **_strings("coordination_id", "partner_session", "partner_agent"),
                        "step": {"type": "integer"},
                        "partner_step": {"type": ["integer", "null"]},
                    }
                ),
            },
        }
    ),
    "RotationChain": _object(
        {
            "session_id": {"type": "string"},
            **{
                name: {"type": ["string", "null"]}
                for name in ("predecessor_session_id", "successor_session_id", "chain_id")
            },
            "chain_position": {"type": ["integer", "null"]},
            "chain": {"type": "array", "items": {"type": "string"}},
            "dropped_claim": {"type": ["object", "null"]},
        }
    ),
}

REFUSED = _ref("Refusal")
ERROR = _ref("Error")
RATE_LIMITED = _json(REFUSED, "Past the rate limit of this client address.", retry=True)
OVERLOADED_ANSWER = "Overloaded: retry after Retry-After seconds."


def _query(name: str, description: str, *, required: bool = False, integer: bool = False) -> Json:
    schema = {"type": "integer"} if integer else {"type": "string"}
    return {"name": name, "in": "query", "required": required, "description": description, "schema": schema}


def _get(
    summary: str, ok: Json, *, parameters: list[Json] | None = None, answers: Json | None = None
) -> Json:
    operation: Json = {"summary": summary, "responses": {"200": ok, **(answers or {})}}
    if parameters:
        operation["parameters"] = parameters
    return {"get": operation}


def _admin(path_item: Json) -> Json:
    """The path item with the admin token required of each operation, and its 401."""
    for operation in path_item.values():
        operation["security"] = ADMIN_SECURITY
        operation["tags"] = ["admin"]
        operation["responses"]["401"] = _json(ERROR, "No admin token, a wrong one, or admin routes are off.")
    return path_item


# The routes that read the store when asked: on the PostgreSQL store they answer 503 while the database is away.
STORE_READS = ("/v1/stats/leaderboard", "/v1/ledger/roots", "/v1/ledger/proof", "/admin", "/admin/coordination",
               "/admin/rotation")  # fmt: skip


def _with_store_outages(paths: Json) -> Json:
    for path in STORE_READS:
        for operation in paths[path].values():
            operation["responses"]["503"] = _json(
                REFUSED,
                "The database is away (PostgreSQL store): retry after Retry-After seconds.",
                retry=True,
            )
    return paths


def _public_v1(path_item: Json) -> Json:
    for operation in path_item.values():
        operation["responses"].setdefault("429", RATE_LIMITED)
    return path_item


def _paths() -> Json:
    session_param = _query("session_id", "the session", required=True)
    return {
        "/v1/sessions/open": _public_v1(
            {
                "post": {
                    "summary": "Open a session: an ECDH key exchange (PROTOCOL.md 2).",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": _ref("SessionOpen")}},
                    },
                    "responses": {
                        "200": _json(_ref("SessionOpened"), "The server's ephemeral public key."),
                        "400": _json(
                            ERROR, "Missing or malformed fields, or a key that is not a P-256 point."
                        ),
                        "409": _json(ERROR, "The session_id exists."),
                        "413": _json(REFUSED, "A body over 64 KiB."),
                        "429": _json(
                            {"anyOf": [REFUSED, ERROR]},
                            "Past the rate limit of this address, or of session opens per machine and hour.",
                            retry=True,
                        ),
                        "503": _json(ERROR, OVERLOADED_ANSWER, retry=True),
                        "507": _json(ERROR, "Storage is full."),
                    },
                }
            }
        ),
        "/v1/training/ingest": _public_v1(
            {
                "post": {
                    "summary": "Send one signed envelope (PROTOCOL.md 3 and 4).",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": _ref("Envelope")}},
                    },
                    "responses": {
                        "200": _json(
                            _ref("EnvelopeAccepted"), "Stored durably (or a retry of a stored envelope)."
                        ),
                        "400": _json(REFUSED, "Not a JSON object with a session_id, or unsigned."),
                        "401": _json(REFUSED, "The HMAC does not match the sequence and bytes."),
                        "404": _json(REFUSED, "Unknown session_id."),
                        "405": _json(REFUSED, "Only POST."),
                        "408": _json(REFUSED, "The body did not arrive in time."),
                        "409": _json(REFUSED, "Sequence already used, or the session is closed."),
                        "413": _json(
                            REFUSED, f"A body over {MAX_BODY_BYTES >> 20} MiB, or the session is full."
                        ),
                        "422": _json(REFUSED, "Schema violations, in details; the envelope is kept aside."),
                        "503": _json(REFUSED, OVERLOADED_ANSWER, retry=True),
                        "507": _json(REFUSED, "Storage is full."),
                    },
                }
            }
        ),
        "/v1/sessions/close": _public_v1(
            {
                "post": {
                    "summary": "Ask for a session's close (PROTOCOL.md 10).",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": _ref("SessionClose")}},
                    },
                    "responses": {
                        "200": _json(
                            _ref("SessionClosed"), "Closed, or already closed by its SESSION_CLOSE."
                        ),
                        "400": _json(ERROR, "No or a malformed session_id."),
                        "404": _json(ERROR, "Unknown session_id."),
                        "413": _json(REFUSED, "A body over 64 KiB."),
                        "503": _json(ERROR, OVERLOADED_ANSWER, retry=True),
                    },
                }
            }
        ),
        "/v1/stats/summary": _public_v1(_get("Totals of the corpus.", _json(_ref("Summary"), "The totals."))),
        "/v1/stats/daily": _public_v1(
            _get(
                "The last days, oldest first.",
                _json({"type": "array", "items": _ref("Day")}, "One entry a day, zeros included."),
                parameters=[_query("days", "how many days, 1..365 (default 7)", integer=True)],
                answers={"400": _json(ERROR, "days is not an integer.")},
            )
        ),
        "/v1/stats/models": _public_v1(_get("Per model.", _json(_ref("ModelStats"), "Keyed by model."))),
        "/v1/stats/providers": _public_v1(
            _get("Per provider.", _json(_ref("ProviderStats"), "Keyed by provider."))
        ),
        "/v1/stats/leaderboard": _public_v1(
            _get(
                "Contributors by points (ids cut to 8 characters).",
                _json({"type": "array", "items": _ref("Contributor")}, "Highest first."),
                parameters=[_query("limit", "how many, 1..1000 (default 10)", integer=True)],
                answers={"400": _json(ERROR, "limit is not an integer.")},
            )
        ),
        "/v1/ledger/roots": _public_v1(
            _get(
                "Each sealed UTC day's Merkle tree head, newest first.",
                _json({"type": "array", "items": _ref("LedgerRoot")}, "The sealed days."),
                parameters=[_query("days", "how many days, 1..366 (default 30)", integer=True)],
                answers={"400": _json(ERROR, "days is not an integer.")},
            )
        ),
        "/v1/ledger/proof": _public_v1(
            _get(
                "A credit's inclusion proof in its day's tree (RFC 9162).",
                _json(_ref("LedgerProof"), "The leaf, its index and path, and the day's root."),
                parameters=[
                    session_param,
                    _query("revision", "0 for the credit, 1.. for adjustments", integer=True),
                ],
                answers={
                    "400": _json(ERROR, "No or a malformed session_id, or revision is not an integer."),
                    "404": _json(ERROR, "No such credit."),
                    "409": _json(ERROR, "Its day is not sealed yet."),
                },
            )
        ),
        "/health": _get("Liveness: the process answers.", _json(_ref("Health"), "Alive.")),
        "/ready": _get(
            "Readiness: store open, recovery finished, writer alive.",
            _json(_ref("Ready"), "Ready to acknowledge envelopes."),
            answers={"503": _json(_ref("NotReady"), "Not ready: what it waits for.", retry=True)},
        ),
        OPENAPI_PATH: _get(
            "This description.",
            {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}},
        ),
        "/metrics": _admin(
            _get(
                "Prometheus metrics (README, 'Admin: metrics, dashboard, live view').",
                {
                    "description": "Prometheus text, or OpenMetrics when the Accept header asks for it.",
                    "content": {
                        "text/plain": {"schema": {"type": "string"}},
                        "application/openmetrics-text": {"schema": {"type": "string"}},
                    },
                },
            )
        ),
        "/admin": _admin(
            _get(
                "The admin dashboard page.",
                {"description": "HTML", "content": {"text/html": {"schema": {"type": "string"}}}},
            )
        ),
        "/admin/live": _admin(
            {
                "get": {
                    "summary": "A WebSocket (an upgrade) pushing one dashboard snapshot, as JSON text, a second.",
                    "responses": {
                        "101": {"description": "Switching Protocols: the WebSocket is open."},
                        "403": {
                            "description": "Closed before the upgrade: a page of another origin opened it."
                        },
                    },
                }
            }
        ),
        "/admin/coordination": _admin(
            _get(
                "Both sides of a session's coordination exchanges.",
                _json(_ref("CoordinationLinks"), "The session's links."),
                parameters=[session_param],
                answers={"400": _json(ERROR, "No or a malformed session_id.")},
            )
        ),
        "/admin/rotation": _admin(
            _get(
                "A session's context-rotation chain.",
                _json(_ref("RotationChain"), "Its place in its chain."),
                parameters=[session_param],
                answers={"400": _json(ERROR, "No or a malformed session_id.")},
            )
        ),
    }


def _with_common_answers(paths: Json) -> Json:
    """Every answer carries X-Request-Id; every operation may end in a 500 (logged with its traceback)."""
    for path_item in paths.values():
        for operation in path_item.values():
            answers = operation["responses"]
            answers.setdefault("500", _json(REFUSED, "An unexpected failure; logged as request.failed."))
            for answer in answers.values():
                answer.setdefault("headers", {})["X-Request-Id"] = {
                    "$ref": "#/components/headers/X-Request-Id"
                }
    return paths


def document() -> Json:
    """The whole description (a fresh dict: callers may change theirs)."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Central Command",
            "version": groove_actors.__version__,
            "description": "Verifies, stores and credits agent trajectories; docs/PROTOCOL.md is the reference.",
        },
        "paths": _with_common_answers(_with_store_outages(_paths())),
        "components": {
            "schemas": copy.deepcopy(SCHEMAS),
            "headers": {
                "Retry-After": {
                    "description": "Seconds to wait (at least 1).",
                    "schema": {"type": "integer"},
                },
                "X-Request-Id": {
                    "description": "The request's id: the client's X-Request-Id when sane, else a new one.",
                    "schema": {"type": "string"},
                },
            },
            "securitySchemes": {
                "adminBearer": {"type": "http", "scheme": "bearer", "description": "The admin token."},
                "adminQueryToken": {
                    "type": "apiKey",
                    "in": "query",
                    "name": "token",
                    "description": "The admin token, for the page and its WebSocket.",
                },
            },
        },
    }
