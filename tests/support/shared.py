"""The fixtures in ../shared, and skips that say which one is missing when the project is cloned alone.

A helper that reads a shared fixture skips its caller at run time. An async test that reads one inside a
nursery is marked with `needs` instead: pytest-trio drops the reason of a skip raised in a nursery.
Parameters built from shared files come from `shared_cases`, which gives one skipped case when they are
absent, so collection neither fails nor yields an empty parameter set that says nothing of ../shared.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import AGENT_STREAMS, SHARED_DIR, WIRE_VECTORS


def missing(path: Path) -> str:
    """The one-line skip reason for a shared fixture that is not there."""
    relative = path.relative_to(SHARED_DIR).as_posix()
    return f"needs ../shared/{relative} (the shared fixtures beside the project); not found"


def needs(path: Path) -> pytest.MarkDecorator:
    """Skip the test before it starts when `path` is absent."""
    return pytest.mark.skipif(not path.exists(), reason=missing(path))


def shared_or_skip(path: Path) -> Path:
    """Return `path`, or skip the running test when it is absent."""
    if not path.exists():
        pytest.skip(missing(path))
    return path


def shared_cases(path: Path, build: Callable[[], Iterable[object]], *, width: int = 1) -> list[object]:
    """Parameters built from `path`, or one case skipped with the reason when it is absent.

    `build` runs only when `path` exists; `width` is the number of argnames the skipped case must fill.
    """
    if not path.exists():
        skipped = pytest.param(*[None] * width, marks=pytest.mark.skip(reason=missing(path)), id="no-shared")
        return [skipped]
    return list(build())


def agent_stream(relative: str) -> Path:
    """A file or folder of the agent-stream corpus; skips the running test when the corpus is absent.

    Only the corpus folder is checked: with ../shared present, a missing file fails as before.
    """
    return shared_or_skip(AGENT_STREAMS) / relative


@functools.cache
def _read_wire_vectors() -> dict[str, Any]:
    vectors: dict[str, Any] = json.loads(WIRE_VECTORS.read_text(encoding="utf-8"))
    return vectors


def wire_vectors() -> dict[str, Any]:
    """The JavaScript client's wire vectors, read once (callers only read them); skips when absent."""
    shared_or_skip(WIRE_VECTORS)
    return _read_wire_vectors()
