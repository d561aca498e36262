"""Fuzzing the three POST endpoints of a real server process: whatever arrives, no 5xx, the server stays up,
every log line stays JSON, and every envelope it acknowledged is still counted at the end.

Values include what breaks naive servers: lone UTF-16 surrogates, integers beyond a double, deep nesting
and overlong strings; bodies come raw, as unsigned envelopes, as envelopes signed with the session's key
(so they reach the schema checks), as session opens and as closes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import httpx
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from groove_actors.protocol import ecdh, signing
from tests.support.client import open_request
from tests.support.envelopes import APP_HASH, ClientSession

pytestmark = pytest.mark.slow

# Small leaves in nested values (so that a failing example prints in a few kB); one large leaf on its own.
hostile_text = st.text(
    st.characters(codec=None, categories=["L", "N", "P", "S", "Z", "Cc", "Cs"]), max_size=30
)
beyond_a_double = st.integers(309, 400).map(lambda digits: 10**digits)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | beyond_a_double | hostile_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(hostile_text, inner, max_size=4),
    max_leaves=12,
)
overlong = st.integers(201, 20_000).map(lambda n: "x" * n)  # past every identifier and content limit
deep = st.integers(100, 5_000).map(lambda n: "[" * n + "]" * n) | st.integers(100, 5_000).map(
    lambda n: '{"a":' * n + "1" + "}" * n
)


def dumps(value: Any) -> bytes:
    """JSON text as a client could send it: huge integers written out, lone surrogates as escapes."""
    return json.dumps(value, separators=(",", ":")).encode()


@attrs.define
class Server:
    url: str
    lines: list[bytes] = attrs.field(factory=list, repr=False)
    accepted: int = 0


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for the whole fuzz run (sync: hypothesis drives plain functions); its log is kept."""
    data_dir = tmp_path_factory.mktemp("fuzz") / "data"
    command = [sys.executable, "-m", "groove_actors.cli", "serve", "--port", "0", "--data-dir", str(data_dir),
               "--rate-per-minute", "0", "--rate-per-hour", "0", "--opens-per-hour", "0"]  # fmt: skip
    process = subprocess.Popen(command, stderr=subprocess.PIPE, cwd=Path(__file__).resolve().parents[1])
    assert process.stderr is not None
    url = None
    lines: list[bytes] = []
    for line in process.stderr:
        lines.append(line)
        record = json.loads(line)
        if record.get("event") == "server.started":
            url = record["binds"][0]
            break
    assert url is not None, "server did not start"
    running = Server(url, lines)
    reader = threading.Thread(target=lambda: lines.extend(process.stderr or ()), daemon=True)
    reader.start()  # keep reading: a full pipe would stop the server's logging, and so the server
    try:
        yield running
        assert process.poll() is None, "the server died"
        with httpx.Client(base_url=url) as http:
            summary = http.get("/v1/stats/summary").json()
        assert summary["totalEnvelopes"] == running.accepted
    finally:
        process.terminate()
        process.wait(30)
        reader.join(10)
        process.stderr.close()
    for line in lines:
        orjson.loads(line)  # every line is one JSON object, whatever the requests held


@pytest.fixture(scope="module")
def session(server: Server) -> ClientSession:
    pair = ecdh.generate_key_pair()
    client = ClientSession(b"")
    with httpx.Client(base_url=server.url) as http:
        answer = http.post("/v1/sessions/open", json=open_request(client.session_id, pair.public_b64))
    client.secret = ecdh.derive_shared_secret(
        pair.private_key, ecdh.load_public_key(answer.json()["server_public_key"])
    )
    return client


def mutate(document: dict[str, Any], path: list[str], value: Any) -> dict[str, Any]:
    node: Any = document
    for key in path[:-1]:
        node = node[key] if isinstance(node, dict) and key in node else None
        if node is None:
            return document
    if isinstance(node, dict):
        node[path[-1]] = value
    return document


def signed(session: ClientSession, document: dict[str, Any]) -> bytes:
    """`document` signed with the session's next sequence over its text as written (no JS rules applied)."""
    document.pop("attestation", None)
    text = dumps(document)
    attestation = {"session_hmac": signing.sign(session.secret, session.sequence, text),
                   "sequence": session.sequence, "app_version_hash": APP_HASH}  # fmt: skip
    return text[:-1] + b',"attestation":' + orjson.dumps(attestation) + b"}"


FIELDS = [
    ["session_id"], ["envelope_id"], ["type"], ["chunk_sequence"], ["contributor_id"], ["attestation"],
    ["attestation", "sequence"], ["attestation", "session_hmac"], ["metadata"], ["metadata", "provider"],
    ["metadata", "model_engine"], ["metadata", "agent_id"], ["metadata", "team_size"], ["trajectory_log"],
    ["outcome"],
]  # fmt: skip
STEP_FIELDS = ["step", "type", "timestamp", "content", "token_count", "tool", "arguments", "coordination_id"]
OPEN_FIELDS = ["session_id", "public_key", "provider", "model", "machine_fingerprint", "app_version_hash",
               "groove_version"]  # fmt: skip


def post(http: httpx.Client, path: str, body: bytes) -> httpx.Response:
    response = http.post(path, content=body, headers={"Content-Type": "application/json"})
    assert response.status_code < 500, (path, response.status_code, response.text, body[:200])
    response.json()  # every answer is JSON
    return response


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    raw=st.binary(max_size=300) | json_values.map(dumps) | deep.map(str.encode),
    field=st.sampled_from(FIELDS),
    step_field=st.sampled_from(STEP_FIELDS),
    open_field=st.sampled_from(OPEN_FIELDS),
    value=json_values | overlong,
)
def test_no_request_to_any_post_endpoint_gets_a_5xx(
    server: Server,
    session: ClientSession,
    raw: bytes,
    field: list[str],
    step_field: str,
    open_field: str,
    value: Any,
) -> None:
    with httpx.Client(base_url=server.url, timeout=60) as http:
        for path in ("/v1/training/ingest", "/v1/sessions/open", "/v1/sessions/close"):
            post(http, path, raw)
        base = session.sequence  # only what the server accepts below uses a sequence number
        unsigned, other, with_step = (orjson.loads(session.chunk_body(n)) for n in (2, 1, 1))
        session.sequence = base
        post(http, "/v1/training/ingest", dumps(mutate(unsigned, field, value)))
        with_step["trajectory_log"][0][step_field] = value
        for document in (mutate(other, field, value), with_step):
            answer = post(http, "/v1/training/ingest", signed(session, document))
            if answer.json()["accepted"] and not answer.json().get("duplicate"):
                session.sequence += 1
                server.accepted += 1
        key = ecdh.generate_key_pair().public_b64
        request = mutate(open_request(str(uuid.uuid4()), key), [open_field], value)
        opened = post(http, "/v1/sessions/open", dumps(request))
        assert opened.status_code in (200, 400, 409), opened.text
        post(http, "/v1/sessions/close", dumps({"session_id": value}))
        assert http.get("/health").status_code == 200
