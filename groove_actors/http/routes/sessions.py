"""POST /v1/sessions/open and /v1/sessions/close (PROTOCOL.md section 2)."""

from __future__ import annotations

from quart import Blueprint, Response

from groove_actors import logs
from groove_actors.errors import PeerError
from groove_actors.http.answers import json_response, read_json_object, rejected
from groove_actors.http.handles import ANSWER_DEADLINE_S, OVERLOADED, AppHandles
from groove_actors.protocol import ecdh
from groove_actors.protocol.convert import WIRE
from groove_actors.protocol.envelope import Rejected
from groove_actors.protocol.models import SessionOpen
from groove_actors.protocol.validate import check_session_id, check_session_open, validate_session_open
from groove_actors.server.channels import ask
from groove_actors.server.sessions import Closed, CloseRequest
from groove_actors.server.writer import ask_writer, store_refusal
from groove_actors.store.catalog import NewSession
from groove_actors.store.embedded import Done, OpenSession


def blueprint(handles: AppHandles) -> Blueprint:
    routes = Blueprint("sessions", __name__)

    @routes.post("/v1/sessions/open")
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

    @routes.post("/v1/sessions/close")
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

    return routes
