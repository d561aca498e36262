"""Shared fixtures: where the shared fixtures live, and a real Central Command process on loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.support.server import ServerProcess, start_server

SHARED_DIR = Path(__file__).resolve().parents[2] / "shared"
WIRE_VECTORS = SHARED_DIR / "fixtures" / "wire-vectors" / "vectors.json"
AGENT_STREAMS = SHARED_DIR / "fixtures" / "agent-streams"
LOADGEN = SHARED_DIR / "tools" / "loadgen" / "loadgen.mjs"


@pytest.fixture
async def central(tmp_path: Path) -> AsyncIterator[ServerProcess]:
    """A `groove-central serve` process on an ephemeral loopback port, stopped with SIGTERM afterwards."""
    async with start_server(tmp_path / "data") as server:
        yield server
