"""Envelopes shaped like the load generator's (200-3000 characters of content per step, mixed types)."""

from __future__ import annotations

import random
import time
import uuid
from typing import Any

from groove_actors.protocol import jsjson, signing

WORDS = ("const", "return", "async", "await", "import", "error", "session", "trio", "nursery", "value",
         "function", "test", "assert", "channel", "stitch", "envelope", "héllo", "wörld", "日本")  # fmt: skip
TYPES = ("thought", "action", "observation", "error", "correction", "coordination", "resolution")


def _text(rng: random.Random, n: int) -> str:
    words: list[str] = []
    size = 0
    while size < n:
        word = rng.choice(WORDS)
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:n]


def build_chunk(steps: int, *, secret: bytes, sequence: int = 0, seed: int = 1) -> bytes:
    """A signed chunk envelope body as a JavaScript client would send it."""
    rng = random.Random(seed)
    start = time.time() - steps * 1.5 - 60
    log: list[dict[str, Any]] = []
    for i in range(steps):
        kind = TYPES[rng.randrange(len(TYPES))]
        step: dict[str, Any] = {"step": i + 1, "type": kind, "timestamp": round(start + i * 1.5, 3)}
        step["content"] = _text(rng, rng.randint(200, 3000))
        if kind == "action":
            step["tool"] = "Bash"
            step["arguments"] = {"command": f"grep -rn {rng.choice(WORDS)} src/", "timeout": 120000}
        step["token_count"] = rng.randint(50, 4000)
        log.append(step)
    envelope: dict[str, Any] = {
        "envelope_id": f"env_{uuid.UUID(int=rng.getrandbits(128))}",
        "session_id": "sess_bench",
        "chunk_sequence": sequence,
        "contributor_id": "0123456789abcdef0123456789abcdef",
        "attestation": {"session_hmac": "", "sequence": 0, "app_version_hash": ""},
        "metadata": {"model_engine": "claude-opus-4-6", "provider": "claude-code", "agent_role": "backend",
                     "agent_id": "backend-1", "task_complexity": "heavy", "team_size": 4,
                     "groove_version": "0.27.78"},
        "trajectory_log": log,
    }  # fmt: skip
    unsigned = {k: v for k, v in envelope.items() if k != "attestation"}
    envelope["attestation"] = {
        "session_hmac": signing.sign_envelope(secret, sequence, unsigned),
        "sequence": sequence,
        "app_version_hash": "0f" * 32,
    }
    return jsjson.stringify_bytes(envelope)
