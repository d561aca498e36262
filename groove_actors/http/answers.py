"""What the Quart routes share: JSON answers, rejections in the original's shape, and reading a request.

Rejections keep the original's body shape (`accepted: false` + `reason`, or `error`) with honest status codes
(PROTOCOL.md section 2); every answer is JSON.
"""

from __future__ import annotations

from typing import Any

import orjson
from quart import Response, request

from groove_actors.errors import PeerError
from groove_actors.http.edge import rejection_body, retry_after_header
from groove_actors.protocol import jsjson
from groove_actors.protocol.envelope import Rejected


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
    """The request's body as a JSON object, or a 400 saying why it is not one."""
    try:
        body = jsjson.parse(await body_bytes())
    except PeerError as exc:
        return json_response({"error": exc.reason}, 400)
    if not isinstance(body, dict):
        return json_response({"error": f"{limit_fields} must be sent as a JSON object"}, 400)
    return body


def int_arg(name: str, default: int, low: int, high: int) -> int | Response:
    """A query argument as an integer held to [low, high]; `default` when absent, a 400 when not a number."""
    value = request.args.get(name)
    if value is None:
        return default
    try:
        return min(high, max(low, int(value)))
    except ValueError:
        return json_response({"error": f"{name} must be an integer, got {value!r}"}, 400)
