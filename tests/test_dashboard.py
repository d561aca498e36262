"""The admin dashboard in real headless Chromium while envelopes arrive; the terminal watcher; the token."""

from __future__ import annotations

import base64
import datetime as dt
import io
import secrets
from pathlib import Path

import httpx
import pytest
import trio

from groove_actors.server.dashboard import TOP, snapshot
from groove_actors.server.metrics import Metrics
from groove_actors.server.stats import StatsBook
from groove_actors.watch import render, watch
from tests.support.browser import open_page
from tests.support.client import ingest, open_session
from tests.support.server import start_server

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

# Resolves with the envelope count once it differs from `before` (the page updates it from its WebSocket).
CHANGED = """new Promise((resolve) => {
  const el = document.getElementById("envelopes");
  const done = () => { if (el.textContent !== BEFORE) { observer.disconnect(); resolve(el.textContent); } };
  const observer = new MutationObserver(done);
  observer.observe(el, {childList: true, characterData: true, subtree: true});
  done();
})"""


def token_file(tmp_path: Path) -> tuple[str, Path]:
    token = secrets.token_urlsafe(24)
    path = tmp_path / "admin-token"
    path.write_text(token)
    return token, path


@pytest.mark.slow
async def test_dashboard_shows_live_numbers_in_chromium(tmp_path: Path) -> None:
    token, path = token_file(tmp_path)
    running = start_server(tmp_path / "d", "--admin-token-file", str(path))
    async with (
        running as server,
        httpx.AsyncClient(base_url=server.url) as http,
        open_page(tmp_path / "p") as page,
    ):
        await page.call("Page.enable")
        await page.call("Page.navigate", url=f"{server.url}/admin?token={token}")
        with trio.fail_after(30):
            await page.wait_event("Page.loadEventFired")
            first = await page.evaluate(CHANGED.replace("BEFORE", '"\\u2013"'))  # the page's placeholder dash
            session = await open_session(http)
            for _ in range(3):
                assert (await ingest(http, session.chunk_body(5))).status_code == 200
            later = await page.evaluate(CHANGED.replace("BEFORE", f'"{first}"'))
        live = await page.evaluate('document.getElementById("live").textContent')
        shot = await page.call("Page.captureScreenshot", format="png")
    assert (first, later, live) == ("0", "3", "1")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "dashboard.png").write_bytes(base64.b64decode(shot["data"]))


@pytest.mark.slow
async def test_admin_surfaces_need_the_token(tmp_path: Path) -> None:
    token, path = token_file(tmp_path)
    async with start_server(tmp_path / "d", "--admin-token-file", str(path)) as server:
        async with httpx.AsyncClient(base_url=server.url) as http:
            page = await http.get("/admin")
            wrong = await http.get("/admin?token=nope")
            right = await http.get(f"/admin?token={token}")
            upgrade = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
                       "Sec-WebSocket-Key": base64.b64encode(secrets.token_bytes(16)).decode()}  # fmt: skip
            refused = (await http.get("/admin/live?token=nope", headers=upgrade)).status_code
        out = io.StringIO()
        assert await watch(server.url, token, out=out, updates=2) == 0
    assert (page.status_code, wrong.status_code, right.status_code, refused) == (401, 401, 200, 401)
    assert "<title>Central Command</title>" in right.text
    assert out.getvalue().count("---") == 2 and "envelopes 0" in out.getvalue()


def test_the_view_shows_the_kinds_the_server_redacted_again_most() -> None:
    metrics = Metrics()
    kinds = {"email": 7, "github-token": 9, "aws-access-key": 2, "home-path": 7, "jwt": 1, "ipv4": 3}
    for kind, count in kinds.items():
        metrics.count("groove_rescrub_redactions_total", count, kind=kind)
    view = snapshot(
        StatsBook(), metrics, verifiers=0, recent_credits=[], today=dt.date(2026, 5, 1), uptime_s=1.0
    )
    assert (
        view["rescrub_redactions"]
        == [
            {"kind": "github-token", "count": 9},
            {"kind": "email", "count": 7},
            {"kind": "home-path", "count": 7},
            {"kind": "ipv4", "count": 3},
            {"kind": "aws-access-key", "count": 2},
        ][:TOP]
    )
    assert "redacted again by the server: github-token x9, email x7, home-path x7" in render(view)


def test_the_view_counts_credits_by_the_servers_tier_and_eligibility() -> None:
    metrics = Metrics()
    for tier, eligible, count in (("A", "true", 4), ("B", "true", 2), ("B", "false", 1), ("C", "false", 3)):
        metrics.count("groove_credits_by_tier_total", count, tier=tier, eligible=eligible)
    view = snapshot(
        StatsBook(), metrics, verifiers=0, recent_credits=[], today=dt.date(2026, 5, 1), uptime_s=1.0
    )
    assert view["tiers"] == [
        {"tier": "A", "sessions": 4, "eligible": 4},
        {"tier": "B", "sessions": 3, "eligible": 2},
        {"tier": "C", "sessions": 3, "eligible": 0},
    ]
    assert "tiers since start: A 4 (4 eligible), B 3 (2 eligible), C 3 (0 eligible)" in render(view)


async def test_watch_says_when_nothing_listens(capsys: pytest.CaptureFixture[str]) -> None:
    with (
        trio.socket.socket() as bound
    ):  # held, never listening: connecting is refused, and nobody else takes it
        await bound.bind(("127.0.0.1", 0))
        port = bound.getsockname()[1]
        assert await watch(f"http://127.0.0.1:{port}", "t" * 20, out=io.StringIO()) == 1
    said = capsys.readouterr().err
    assert said.startswith(f"groove-central watch: cannot reach http://127.0.0.1:{port}: ")
    assert "is the server running there?" in said and "admin token" not in said


@pytest.mark.slow
async def test_watch_with_https_against_plain_http_says_to_use_http(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    token, path = token_file(tmp_path)
    async with start_server(tmp_path / "d", "--admin-token-file", str(path)) as server:
        secure = server.url.replace("http://", "https://")
        with trio.fail_after(10):
            assert await watch(secure, token, out=io.StringIO(), connect_timeout=0.5) == 1
    assert capsys.readouterr().err == (
        f"groove-central watch: {secure} gives no TLS answer, but plain HTTP answers there: use {server.url}\n"
    )
