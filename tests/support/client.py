"""A small protocol client over httpx for integration tests: opens sessions with real ECDH and signs."""

from __future__ import annotations

import base64
import secrets
from typing import Any

import httpx

from groove_actors.protocol import ecdh
from tests.support.envelopes import APP_HASH, ClientSession


def open_request(session_id: str, public_key: str, **overrides: Any) -> dict[str, Any]:
    body = {
        "session_id": session_id,
        "public_key": public_key,
        "provider": "claude-code",
        "model": "claude-opus-4-6",
        "machine_fingerprint": secrets.token_hex(16),
        "app_version_hash": APP_HASH,
        "groove_version": "0.27.78",
    }
    body.update(overrides)
    return body


async def open_session(http: httpx.AsyncClient, **overrides: Any) -> ClientSession:
    """Open a session as a client does and return its client side, secret derived from the server's key."""
    pair = ecdh.generate_key_pair()
    session = ClientSession(b"")
    response = await http.post(
        "/v1/sessions/open", json=open_request(session.session_id, pair.public_b64, **overrides)
    )
    assert response.status_code == 200, response.text
    server_key = ecdh.load_public_key(response.json()["server_public_key"])
    session.secret = ecdh.derive_shared_secret(pair.private_key, server_key)
    assert len(base64.b64decode(response.json()["server_public_key"])) == 65
    return session


async def ingest(http: httpx.AsyncClient, body: bytes) -> httpx.Response:
    return await http.post("/v1/training/ingest", content=body, headers={"Content-Type": "application/json"})
