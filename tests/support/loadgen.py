"""Runs the JavaScript load generator (a real node:crypto + JSON.stringify client) against a server."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import trio

from tests.conftest import LOADGEN
from tests.support.shared import needs, shared_or_skip

NO_LIMITS = ("--rate-per-minute", "0", "--rate-per-hour", "0")

# Mark for a test that runs the loadgen: checked before the test starts, since pytest-trio drops the reason
# of a skip raised inside a nursery (where run_loadgen usually runs).
needs_loadgen = needs(LOADGEN)


def node_or_skip() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed; the JavaScript client cannot run")
    return node


def loadgen_or_skip() -> Path:
    """The loadgen script, which lives in ../shared, or skip when the project was cloned without it."""
    return shared_or_skip(LOADGEN)


async def run_loadgen(url: str, mode: str, *args: str, out: Path) -> dict[str, Any]:
    """Run one bounded loadgen invocation and return its JSON result."""
    command = [node_or_skip(), str(loadgen_or_skip()), mode, "--url", url, "--quiet", "--max-seconds", "120",
               "--json", str(out), *args]  # fmt: skip
    await trio.run_process(command, capture_stdout=True, capture_stderr=True, check=False)
    result: dict[str, Any] = json.loads(await trio.Path(out).read_text())
    return result
