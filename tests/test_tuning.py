"""The server's process settings take effect (in a child process: they are process-wide)."""

from __future__ import annotations

import json
import platform
import subprocess
import sys

import pytest

from groove_actors.server.tuning import GC_THRESHOLDS, GIL_SWITCH_INTERVAL_S

pytestmark = pytest.mark.slow

PROBE = """
import gc, json, sys
from groove_actors.server.tuning import tune_process
applied = tune_process()
print(json.dumps({
    "applied": applied,
    "thresholds": gc.get_threshold(),
    "switch": sys.getswitchinterval(),
    "frozen": gc.get_freeze_count(),
}))
"""


def test_tune_process_sets_the_collector_the_switch_interval_and_glibc_malloc() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], check=True, capture_output=True, text=True).stdout
    result = json.loads(out)
    assert tuple(result["thresholds"]) == GC_THRESHOLDS
    assert result["switch"] == GIL_SWITCH_INTERVAL_S
    assert result["frozen"] > 1000  # what start-up made: modules, functions, classes
    assert result["applied"] == {"malloc": platform.libc_ver()[0] == "glibc"}
