"""Headless Chromium driven over the DevTools protocol (a WebSocket), for tests of pages the server serves."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import trio
from trio_websocket import WebSocketConnection, open_websocket_url

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic", "--window-size=1280,900")  # fmt: skip


def chromium_or_skip() -> str:
    """Debian's chromium, installed from the Debian packages when missing and this runs as root."""
    found = shutil.which("chromium")
    if found is None and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(
            ["apt-get", "install", "-y", "-q", "chromium"], capture_output=True, check=False, timeout=600
        )
        found = shutil.which("chromium")
    if found is None:
        pytest.skip("chromium is not installed and could not be installed from the Debian packages")
    return found


class Page:
    def __init__(self, socket: WebSocketConnection) -> None:
        self.socket = socket
        self.ids = itertools.count(1)
        self.events: list[str] = []

    async def wait_event(self, name: str) -> None:
        """Wait for a DevTools event (such as Page.loadEventFired), including one that already came."""
        while name not in self.events:
            message = json.loads(await self.socket.get_message())
            if "method" in message:
                self.events.append(message["method"])

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self.ids)
        await self.socket.send_message(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(await self.socket.get_message())
            if "method" in message:
                self.events.append(message["method"])
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message["result"]
                return result

    async def evaluate(self, expression: str) -> Any:
        result = await self.call(
            "Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")


@asynccontextmanager
async def open_page(profile: Path) -> AsyncIterator[Page]:
    command = [
        chromium_or_skip(),
        *FLAGS,
        f"--user-data-dir={profile}",
        "--remote-debugging-port=0",
        "about:blank",
    ]
    process = await trio.lowlevel.open_process(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    try:
        with trio.fail_after(60):
            endpoint = await _devtools_endpoint(process)
        port = endpoint.split(":")[2].split("/")[0]
        async with httpx.AsyncClient() as http:
            targets = (await http.get(f"http://127.0.0.1:{port}/json/list")).json()
        page_url = next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")
        async with open_websocket_url(page_url, max_message_size=64 * 1024 * 1024) as socket:
            yield Page(socket)
    finally:
        process.kill()
        await process.wait()


async def _devtools_endpoint(process: trio.Process) -> str:
    assert process.stderr is not None
    buffer = b""
    async for data in process.stderr:
        buffer += data
        for line in buffer.decode(errors="replace").splitlines():
            if line.startswith("DevTools listening on "):
                return line.removeprefix("DevTools listening on ").strip()
    raise RuntimeError(
        f"chromium exited without a DevTools endpoint: {buffer.decode(errors='replace')[-2000:]}"
    )
