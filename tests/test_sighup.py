"""SIGHUP re-reads the admin token file: a rotated token works without a restart, and the server goes on."""

from __future__ import annotations

import secrets
import signal
from pathlib import Path

import httpx
import pytest
import trio

from tests.support.server import ServerProcess, start_server

pytestmark = pytest.mark.slow
DEADLINE_S = 10.0


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def hang_up(server: ServerProcess, event: str) -> dict[str, object]:
    """Send SIGHUP and wait for the server to log `event` about it."""
    seen = len(server.events)
    server.process.send_signal(signal.SIGHUP)
    with trio.fail_after(DEADLINE_S):
        return await server.log.wait_for(event, after=seen)


async def test_sighup_rereads_the_admin_token_file(tmp_path: Path) -> None:
    old, new = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    token_file = tmp_path / "admin-token"
    token_file.write_text(old)
    async with (
        start_server(tmp_path / "d", "--admin-token-file", str(token_file)) as server,
        httpx.AsyncClient(base_url=server.url) as http,
    ):
        assert (await http.get("/metrics", headers=bearer(old))).status_code == 200
        token_file.write_text(new + "\n")
        server.process.send_signal(signal.SIGHUP)
        with trio.fail_after(DEADLINE_S):  # polled until the new token works, within the deadline
            while (await http.get("/metrics", headers=bearer(new))).status_code != 200:
                pass
        assert (await http.get("/metrics", headers=bearer(old))).status_code == 401
        assert (await http.get("/health")).status_code == 200
        assert server.process.returncode is None
    (line,) = server.events_named("server.reloaded")
    assert line["reloaded"] == ["admin_token_file"] and line["admin_token"] == "changed"
    assert line["admin_token_file"] == str(token_file)
    assert old not in str(server.events) and new not in str(server.events)


async def test_a_token_file_gone_bad_keeps_the_token_in_use(tmp_path: Path) -> None:
    token = secrets.token_urlsafe(24)
    token_file = tmp_path / "admin-token"
    token_file.write_text(token)
    async with (
        start_server(tmp_path / "d", "--admin-token-file", str(token_file)) as server,
        httpx.AsyncClient(base_url=server.url) as http,
    ):
        token_file.write_text("short")
        failed = await hang_up(server, "server.reload_failed")
        token_file.unlink()
        missing = await hang_up(server, "server.reload_failed")
        assert (await http.get("/metrics", headers=bearer(token))).status_code == 200
        assert server.process.returncode is None
    assert failed["level"] == "error" and "shorter than 16 characters" in str(failed["error"])
    assert "cannot read admin token file" in str(missing["error"])


async def test_sighup_without_a_token_file_says_there_is_nothing_to_reread(tmp_path: Path) -> None:
    token = secrets.token_urlsafe(24)
    async with (
        start_server(tmp_path / "d", env={"GROOVE_ADMIN_TOKEN": token}) as server,
        httpx.AsyncClient(base_url=server.url) as http,
    ):
        line = await hang_up(server, "server.reloaded")
        assert (await http.get("/metrics", headers=bearer(token))).status_code == 200
    assert line["reloaded"] == [] and line["admin_token_source"] == "GROOVE_ADMIN_TOKEN"
