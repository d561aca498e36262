"""A small protocol client over httpx for integration tests: opens sessions with real ECDH and signs."""

from __future__ import annotations

import base64
import contextlib
import secrets
from typing import Any

import h11
import httpx
import trio

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


async def post_answered_early(http: httpx.AsyncClient, path: str, body: bytes) -> httpx.Response:
    """POST `body` over HTTP/1.1 and read the answer while still sending: the server answers a body it will not
    take before reading it, then closes. (httpx would leave its half-sent body's generator to the collector.)"""
    url = http.base_url
    assert url.port is not None
    client = h11.Connection(h11.CLIENT)
    request = h11.Request(method="POST", target=path, headers=[
        ("Host", url.host), ("Content-Type", "application/json"), ("Content-Length", str(len(body)))])  # fmt: skip
    status, answer = 0, b""
    async with await trio.open_tcp_stream(url.host, url.port) as stream, trio.open_nursery() as nursery:

        async def send() -> None:
            with contextlib.suppress(trio.BrokenResourceError):  # it closed as it said it would
                await stream.send_all(client.send(request) + client.send(h11.Data(data=body)))

        nursery.start_soon(send)
        with trio.fail_after(30):
            while not isinstance(event := client.next_event(), h11.EndOfMessage):
                if event is h11.NEED_DATA:
                    client.receive_data(await stream.receive_some(65536))
                elif isinstance(event, h11.Response):
                    status = event.status_code
                elif isinstance(event, h11.Data):
                    answer += event.data
        nursery.cancel_scope.cancel()
    return httpx.Response(status, content=answer)
