"""`groove-central watch`: the dashboard's live view in a terminal, over the same admin WebSocket."""

from __future__ import annotations

import sys
from typing import IO, Any
from urllib.parse import quote, urlsplit

import httpx
import orjson
import trio
from trio_websocket import (
    ConnectionClosed,
    ConnectionRejected,
    ConnectionTimeout,
    HandshakeError,
    open_websocket_url,
)

CLEAR = "\x1b[H\x1b[2J"
# A server on loopback or across a tunnel answers an upgrade in milliseconds; one that has not in this long
# is not going to (an https:// URL against a plain-HTTP port waits for a TLS answer that never comes).
CONNECT_TIMEOUT_S = 5.0


def live_url(base: str, token: str) -> str:
    parts = urlsplit(base)
    scheme = "wss" if parts.scheme == "https" else "ws"
    return f"{scheme}://{parts.netloc}/admin/live?token={quote(token)}"


def render(view: dict[str, Any]) -> str:
    """A compact text rendering of one snapshot (pure)."""
    s = view["summary"]
    lines = [
        f"Central Command  up {view['uptime_s']:.0f} s   sessions live {view['sessions_live']}   "
        f"verifiers {view['verifiers_alive']}",
        f"envelopes {s['totalEnvelopes']:,}  steps {s['totalSteps']:,}  sessions {s['totalSessions']:,}  "
        f"contributors {s['uniqueContributors']:,}  stored {s['storageSizeMb']} MB  points {s['totalPointsAwarded']:,}",
        "today: " + ", ".join(f"{k} {v}" for k, v in view["growth"][-1].items() if k != "date"),
    ]
    if view["rejections"]:
        lines.append(
            "rejections: "
            + "; ".join(f"{r['status']} {r['reason']} x{r['count']}" for r in view["rejections"])
        )
    if view.get("rescrub_redactions"):  # a server before the re-scrub sends none
        lines.append(
            "redacted again by the server: "
            + ", ".join(f"{r['kind']} x{r['count']}" for r in view["rescrub_redactions"])
        )
    if any(t["sessions"] for t in view.get("tiers", ())):  # a server before tiers sends none
        lines.append(
            "tiers since start: "
            + ", ".join(f"{t['tier']} {t['sessions']} ({t['eligible']} eligible)" for t in view["tiers"])
        )
    if any(f["sessions"] for f in view.get("model_fingerprints", ())):  # none from an older server
        lines.append(
            "model fingerprints since start: "
            + ", ".join(f"{f['verdict']} {f['sessions']}" for f in view["model_fingerprints"])
        )
    if view["top_models"]:
        lines.append(
            "top models: " + ", ".join(f"{m['name']} ({m['steps']} steps)" for m in view["top_models"])
        )
    for credit in view["recent_credits"][:5]:
        lines.append(
            f"  credit {credit['contributor_id']} {credit['model']} {credit['steps']} steps {credit['points']} pts"
        )
    return "\n".join(lines)


async def watch(
    base: str,
    token: str,
    *,
    out: IO[str] = sys.stdout,
    updates: int | None = None,
    connect_timeout: float = CONNECT_TIMEOUT_S,
) -> int:
    """Print each snapshot as it arrives (redrawing on a terminal); stop after `updates` if given."""
    tty = out.isatty()
    plain = await _plain_http_instead(base, connect_timeout)
    if plain is not None:
        print(f"groove-central watch: {base} gives no TLS answer, but plain HTTP answers there: use {plain}",
              file=sys.stderr)  # fmt: skip
        return 1
    try:
        async with open_websocket_url(live_url(base, token), connect_timeout=connect_timeout) as ws:
            seen = 0
            while updates is None or seen < updates:
                view = orjson.loads(await ws.get_message())
                out.write((CLEAR if tty else "") + render(view) + ("\n" if tty else "\n---\n"))
                out.flush()
                seen += 1
    except ConnectionRejected as exc:
        print(
            f"groove-central watch: refused by {base} (HTTP {exc.status_code}); check the admin token",
            file=sys.stderr,
        )
        return 1
    except ConnectionTimeout:
        print(f"groove-central watch: no answer from {base} within {connect_timeout:g} s", file=sys.stderr)
        return 1
    except HandshakeError as exc:  # the connection itself failed
        print(
            f"groove-central watch: cannot reach {base}: {exc.__cause__ or exc} (is the server running there?)",
            file=sys.stderr,
        )
        return 1
    except (OSError, ConnectionClosed) as exc:
        print(f"groove-central watch: cannot stay connected to {base}: {exc}", file=sys.stderr)
        return 1
    return 0


async def _plain_http_instead(base: str, wait_s: float) -> str | None:
    """For an https:// URL whose port does not finish a TLS handshake in `wait_s` but answers plain HTTP, the
    http:// URL to use; else None (so a real TLS server costs one extra handshake, nothing more)."""
    parts = urlsplit(base)
    if parts.scheme != "https" or parts.hostname is None:
        return None
    with trio.move_on_after(wait_s):
        try:
            stream = await trio.open_ssl_over_tcp_stream(parts.hostname, parts.port or 443)
            try:
                await stream.do_handshake()
                return None  # TLS answers: certificates and the rest are the WebSocket's business
            finally:
                await trio.aclose_forcefully(stream)
        except (OSError, trio.BrokenResourceError):
            pass
    plain = parts._replace(scheme="http").geturl()
    try:
        async with httpx.AsyncClient(timeout=wait_s) as http:
            await http.get(plain.rstrip("/") + "/health")
    except httpx.HTTPError:
        return None
    return plain


def main(base: str, token: str, updates: int | None) -> int:
    return trio.run(lambda: watch(base, token, updates=updates))
