"""Shared fixtures: where the shared fixtures live, and a real Central Command process on loopback.

It also keeps the fast lane (`pytest -m "not slow"`, `make test-fast`) fast: a test that is not marked `slow` and
starts a process (a server, a CLI, node, chromium) fails at that point with a message saying to mark it.
"""

from __future__ import annotations

import subprocess
from collections.abc import AsyncIterator, Generator, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any

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


@contextmanager
def _processes_refused(nodeid: str) -> Iterator[None]:
    """While inside, starting a child process fails the test that tried, saying to mark it `slow`."""
    original = subprocess.Popen.__init__

    @wraps(original)
    def refuse(self: subprocess.Popen[Any], args: Any, *rest: Any, **kwargs: Any) -> None:
        pytest.fail(
            f"{nodeid} starts a process ({args!r}) but is not marked slow: "
            "add @pytest.mark.slow (or `pytestmark = pytest.mark.slow` for a whole module) "
            "so that the fast lane, pytest -m 'not slow', stays fast",
            pytrace=False,
        )

    subprocess.Popen.__init__ = refuse  # type: ignore[method-assign]
    try:
        yield
    finally:
        subprocess.Popen.__init__ = original  # type: ignore[method-assign]


def pytest_sessionstart(session: pytest.Session) -> None:
    """Load matplotlib's font list before any test runs. Where it has no cache of it yet (a fresh machine, or
    another process rebuilding it), matplotlib asks fontconfig (`fc-list`): a process, which a test drawing the
    first chart would otherwise start."""
    import matplotlib.font_manager  # noqa: F401  (importing it is the loading)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(
    item: pytest.Item, nextitem: pytest.Item | None
) -> Generator[None, object, object]:
    """Tests not marked `slow` start no process, in their fixtures (of any scope) or their body."""
    if item.get_closest_marker("slow") is not None:
        return (yield)
    with _processes_refused(item.nodeid):
        return (yield)
