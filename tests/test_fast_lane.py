"""The fast lane (`pytest -m "not slow"`) holds only tests that start no process; conftest.py enforces it."""

from __future__ import annotations

import subprocess
import sys

import pytest
import trio

NOT_MARKED = "is not marked slow"


def test_a_test_not_marked_slow_is_refused_a_child_process() -> None:
    with pytest.raises(pytest.fail.Exception, match=NOT_MARKED):
        subprocess.run([sys.executable, "-c", "pass"], check=True)


async def test_a_test_not_marked_slow_is_refused_a_trio_child_process() -> None:
    with pytest.raises(pytest.fail.Exception, match=NOT_MARKED):
        await trio.run_process([sys.executable, "-c", "pass"])


@pytest.mark.slow
def test_a_test_marked_slow_starts_processes() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "print('started')"], check=True, capture_output=True, text=True
    )
    assert done.stdout == "started\n"
