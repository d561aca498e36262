"""Process settings for a server whose hot path makes many large, short-lived objects.

Each ingest request parses a body of up to 5 MiB into thousands of dicts and strings that are dropped a few
milliseconds later. CPython frees them by reference counting; its cycle collector and glibc's allocator
defaults were tuned for other workloads and cost a fifth of the server's CPU under load (bench/RESULTS.md).
"""

from __future__ import annotations

import ctypes
import gc
import platform
import sys

# The writer's commits run in a worker thread and need the GIL back after every SQLite call and fsync; with the
# default 5 ms switch interval a busy event loop makes each of those wait, which multiplied commit times by 3-5
# under load. A shorter interval lets the thread back in sooner.
GIL_SWITCH_INTERVAL_S = 0.0005
# The cycle collector runs every 700 net allocations by default, so under load it traversed the parsed
# envelopes in flight many times per request although they hold no cycles. The objects made while starting
# (modules, the policy, the stats book) live as long as the process: they are moved out of its sight.
GC_THRESHOLDS = (20_000, 20, 50)
# glibc serves blocks over 128 KiB with mmap and hands freed heap back to the kernel eagerly, so every body,
# cut and batch paid for fresh zeroed pages. Keep blocks up to 16 MiB (more than the 5 MiB body limit) in the
# heap and return free heap only past 128 MiB.
MALLOC_MMAP_THRESHOLD = 16 * 1024 * 1024
MALLOC_TRIM_THRESHOLD = 128 * 1024 * 1024
_M_TRIM_THRESHOLD = -1  # mallopt parameter numbers, from glibc's <malloc.h>
_M_MMAP_THRESHOLD = -3


def tune_process() -> dict[str, bool]:
    """Apply the settings above to this process; call once, after start-up has loaded what it keeps.

    Returns which settings took effect (the allocator ones only exist on glibc).
    """
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    return {"malloc": _tune_glibc_malloc()}


def _tune_glibc_malloc() -> bool:
    if platform.libc_ver()[0] != "glibc":
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    # mallopt answers 1 on success; setting the mmap threshold also stops glibc from moving it by itself.
    return bool(
        mallopt(_M_MMAP_THRESHOLD, MALLOC_MMAP_THRESHOLD)
        and mallopt(_M_TRIM_THRESHOLD, MALLOC_TRIM_THRESHOLD)
    )
