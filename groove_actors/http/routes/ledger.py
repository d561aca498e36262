"""GET /v1/ledger/roots and /v1/ledger/proof: the sealed days' tree heads, and a credit's inclusion proof."""

from __future__ import annotations

from quart import Blueprint, Response, request

from groove_actors.http.answers import int_arg, json_response
from groove_actors.http.handles import AppHandles
from groove_actors.protocol.validate import check_session_id
from groove_actors.server.ledger_proofs import NoCredit, NotSealed, prove_credit
from groove_actors.server.queries import proof_answer
from groove_actors.store import catalog


def blueprint(handles: AppHandles) -> Blueprint:
    routes = Blueprint("ledger", __name__)

    @routes.get("/v1/ledger/roots")
    async def ledger_roots() -> Response:
        days = int_arg("days", 30, 1, 366)
        if isinstance(days, Response):
            return days
        return json_response(await handles.reads.run(catalog.ledger_roots, days))

    @routes.get("/v1/ledger/proof")
    async def ledger_proof() -> Response:
        session_id = request.args.get("session_id", "")
        if not session_id or check_session_id(session_id) is not None:
            return json_response({"error": "give the credited session as ?session_id=..."}, 400)
        revision = int_arg("revision", 0, 0, 1_000_000)
        if isinstance(revision, Response):
            return revision
        proof = await prove_credit(handles.reads, handles.sealed_days, session_id, revision)
        match proof:
            case NoCredit():
                return json_response({"error": f"no credit for session {session_id!r}"}, 404)
            case NotSealed(day=day):
                reason = (
                    f"the credits of {day} are sealed a few minutes after that day ends (UTC); ask again then"
                )
                return json_response({"error": reason}, 409)
        return json_response(proof_answer(proof))

    return routes
