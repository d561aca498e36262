"""Fuzzing ingest bodies against a real server process: whatever arrives, the answer is never a 5xx."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from groove_actors.protocol import ecdh, jsjson
from tests.support.client import open_request
from tests.support.envelopes import ClientSession

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One server for the whole fuzz run (sync: hypothesis drives plain functions)."""
    data_dir = tmp_path_factory.mktemp("fuzz") / "data"
    command = [sys.executable, "-m", "groove_actors.cli", "serve", "--port", "0", "--data-dir", str(data_dir),
               "--rate-per-minute", "0", "--rate-per-hour", "0", "--opens-per-hour", "0"]  # fmt: skip
    process = subprocess.Popen(command, stderr=subprocess.PIPE, cwd=Path(__file__).resolve().parents[1])
    assert process.stderr is not None
    url = None
    for line in process.stderr:
        record = json.loads(line)
        if record.get("event") == "server.started":
            url = record["binds"][0]
            break
    assert url is not None, "server did not start"
    try:
        yield url
    finally:
        process.terminate()
        process.wait(30)
        process.stderr.close()


@pytest.fixture(scope="module")
def session(server_url: str) -> ClientSession:
    pair = ecdh.generate_key_pair()
    client = ClientSession(b"")
    with httpx.Client(base_url=server_url) as http:
        answer = http.post("/v1/sessions/open", json=open_request(client.session_id, pair.public_b64))
    client.secret = ecdh.derive_shared_secret(
        pair.private_key, ecdh.load_public_key(answer.json()["server_public_key"])
    )
    return client


def mutate(envelope: dict[str, Any], path: list[str], value: Any) -> dict[str, Any]:
    node: Any = envelope
    for key in path[:-1]:
        node = node[key] if isinstance(node, dict) and key in node else None
        if node is None:
            return envelope
    if isinstance(node, dict):
        node[path[-1]] = value
    return envelope


FIELDS = [
    ["session_id"], ["envelope_id"], ["type"], ["chunk_sequence"], ["contributor_id"], ["attestation"],
    ["attestation", "sequence"], ["attestation", "session_hmac"], ["metadata"], ["metadata", "provider"],
    ["metadata", "team_size"], ["trajectory_log"], ["outcome"],
]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    raw=st.binary(max_size=300) | json_values.map(jsjson.stringify_bytes),
    field=st.sampled_from(FIELDS),
    value=json_values,
)
def test_no_body_gets_a_5xx(
    server_url: str, session: ClientSession, raw: bytes, field: list[str], value: Any
) -> None:
    unsigned = mutate(orjson.loads(session.chunk_body(2)), field, value)
    session.sequence -= 1  # only the re-signed body below may consume a sequence number
    signed = session.sign(mutate(orjson.loads(session.chunk_body(1)), field, value))
    session.sequence -= 2
    with httpx.Client(base_url=server_url) as http:
        for body in (raw, jsjson.stringify_bytes(unsigned), signed):
            response = http.post(
                "/v1/training/ingest", content=body, headers={"Content-Type": "application/json"}
            )
            assert response.status_code < 500, (response.status_code, response.text, body[:200])
            assert isinstance(response.json().get("accepted"), bool)
    if response.json()["accepted"]:
        session.sequence += 1
