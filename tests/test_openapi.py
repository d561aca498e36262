"""GET /openapi.json: valid OpenAPI 3.1, describing exactly the routes the app serves, with answers that fit it."""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import trio
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

from groove_actors.http.asgi import create_asgi_app
from groove_actors.http.edge import Edge
from groove_actors.http.handles import AppHandles
from groove_actors.http.openapi import OPENAPI_PATH, document
from groove_actors.server.ratelimit import RateLimiter
from groove_actors.server.reads import ReadPool
from groove_actors.server.sessions import SessionDirectory, VerifierDeps
from groove_actors.server.stats import StatsBook
from groove_actors.server.writer import WriteRequest
from groove_actors.store.embedded import EmbeddedStore
from tests.support.client import ingest, open_session
from tests.support.server import start_server

Json = dict[str, Any]
IGNORED_METHODS = {
    "HEAD",
    "OPTIONS",
}  # HEAD comes with GET; OPTIONS is the edge's CORS preflight on every route


@pytest.fixture
async def edge(tmp_path: Path) -> AsyncIterator[Edge]:
    """The ASGI app the server runs, over a real store; no writer runs, so it is not ready."""
    store = EmbeddedStore(tmp_path, quota_bytes=10**9)
    reads = ReadPool(store.catalog_path)
    writer_send, _writer_receive = trio.open_memory_channel[WriteRequest](8)
    wake_send, _wake_receive = trio.open_memory_channel[None](1)
    try:
        async with trio.open_nursery() as nursery:
            handles = AppHandles(
                started_at=time.monotonic(),
                directory=SessionDirectory(nursery, VerifierDeps(writer_send, reads, wake_send)),
                writer=writer_send,
                reads=reads,
                stats=StatsBook.load(store.conn),
                limiter=RateLimiter(0, 0),
            )
            app = create_asgi_app(handles)
            assert isinstance(app, Edge)
            yield app
            nursery.cancel_scope.cancel()
    finally:
        reads.close()
        store.close()


def served_operations(edge: Edge) -> set[tuple[str, str]]:
    """(path template in OpenAPI's form, method) of every route the app answers."""
    quart_app: Any = edge.app
    served = {(path, "POST") for path in edge.fast_routes}
    for rule in quart_app.url_map.iter_rules():
        template = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule)
        served |= {(template, method) for method in rule.methods - IGNORED_METHODS}
    return served


def described_operations(doc: Json) -> set[tuple[str, str]]:
    return {(path, method.upper()) for path, item in doc["paths"].items() for method in item}


def check_answer(doc: Json, path: str, method: str, status: int, body: Any) -> None:
    """The status is described for this operation, and the body fits the schema described for it."""
    answers = doc["paths"][path][method.lower()]["responses"]
    assert str(status) in answers, f"{method} {path} answered {status}, which /openapi.json does not describe"
    schema = answers[str(status)]["content"]["application/json"]["schema"]
    OAS31Validator({**schema, "components": doc["components"]}).validate(body)


def test_the_description_is_valid_openapi_3_1() -> None:
    doc = document()
    validate(doc)
    assert doc["openapi"].startswith("3.1")


async def test_every_route_is_described_and_every_described_route_is_served(edge: Edge) -> None:
    served, described = served_operations(edge), described_operations(document())
    assert served - described == set(), "routes the app serves that /openapi.json does not describe"
    assert described - served == set(), "operations /openapi.json describes that the app does not serve"


async def test_admin_routes_need_the_token_and_public_ones_do_not() -> None:
    doc = document()
    for path, item in doc["paths"].items():
        for operation in item.values():
            admin = path.startswith("/admin") or path == "/metrics"
            assert ("security" in operation) == admin, path
            assert ("401" in operation["responses"]) == admin or path == "/v1/training/ingest", path


async def test_answers_of_the_read_routes_fit_their_schemas(edge: Edge) -> None:
    doc = document()
    client = edge.app.test_client()  # type: ignore[attr-defined]
    asks = [
        "/v1/stats/summary", "/v1/stats/daily?days=3", "/v1/stats/daily?days=x", "/v1/stats/models",
        "/v1/stats/providers", "/v1/stats/leaderboard", "/v1/ledger/roots", "/v1/ledger/proof",
        "/v1/ledger/proof?session_id=sess_none", "/health", "/ready", OPENAPI_PATH, "/admin/coordination",
    ]  # fmt: skip
    for ask in asks:
        answer = await client.get(ask)
        check_answer(doc, ask.partition("?")[0], "GET", answer.status_code, await answer.get_json())
    assert await (await client.get(OPENAPI_PATH)).get_json() == doc


@pytest.mark.slow
async def test_a_session_through_a_real_server_answers_as_described(tmp_path: Path) -> None:
    doc = document()
    token_file = tmp_path / "admin-token"
    token_file.write_text(secrets.token_urlsafe(24))
    running = start_server(tmp_path / "d", "--rate-per-minute", "9", "--admin-token-file", str(token_file))
    async with running as server, httpx.AsyncClient(base_url=server.url) as http:
        answers: list[tuple[str, str, httpx.Response]] = []
        session = await open_session(http)
        answers.append(("/v1/training/ingest", "POST", await ingest(http, session.chunk_body(2))))
        answers.append(("/v1/training/ingest", "POST", await ingest(http, session.chunk_body(2))))
        session.sequence -= 1
        answers.append(("/v1/training/ingest", "POST", await ingest(http, session.chunk_body(2))))  # 409
        answers.append(("/v1/training/ingest", "POST", await ingest(http, b"[1, 2]")))  # 400
        answers.append(("/v1/training/ingest", "POST", await http.get("/v1/training/ingest")))  # 405 to GET
        close = {"session_id": session.session_id}
        answers.append(("/v1/sessions/close", "POST", await http.post("/v1/sessions/close", json=close)))
        answers.append(("/v1/sessions/open", "POST", await http.post("/v1/sessions/open", json={})))  # 400
        answers.append(("/metrics", "GET", await http.get("/metrics")))  # 401
        answers.append(("/health", "GET", await http.get("/health")))
        answers.append(("/ready", "GET", await http.get("/ready")))
        for _ in range(3):  # past the limit of 9 requests a minute on /v1/
            answers.append(("/v1/stats/summary", "GET", await http.get("/v1/stats/summary")))
    statuses = [answer.status_code for _, _, answer in answers]
    assert {200, 400, 401, 405, 409, 429} <= set(statuses), statuses
    for path, method, answer in answers:
        check_answer(doc, path, method, answer.status_code, answer.json())
        assert answer.headers["x-request-id"]
