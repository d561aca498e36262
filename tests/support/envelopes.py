"""Builds signed envelopes the way a JavaScript client does, for tests that need fresh, valid ones."""

from __future__ import annotations

import secrets
import time
import uuid
from typing import Any

from groove_actors.protocol import jsjson, signing

APP_HASH = "0f" * 32


def make_steps(
    n: int, *, start: float, first_step: int = 1, types: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    cycle = types or ("thought", "action", "observation", "resolution")
    out: list[dict[str, Any]] = []
    for i in range(n):
        kind = cycle[i % len(cycle)]
        step: dict[str, Any] = {"step": first_step + i, "type": kind, "timestamp": round(start + i * 1.5, 3)}
        step["content"] = f"{kind} {first_step + i}: héllo wörld"
        if kind == "action":
            step["tool"] = "Bash"
            step["arguments"] = {"command": f"ls -la src/{i}"}
        if kind == "coordination":
            step.update(
                coordination_id=f"coord_{i}", direction="outbound", target_agent="b-1", protocol="knock"
            )
        step["token_count"] = 10 + i
        out.append(step)
    return out


class ClientSession:
    """One session's client side: ids, secret and the next sequence, signing like the JS client."""

    def __init__(
        self, secret: bytes, *, session_id: str | None = None, model: str = "claude-opus-4-6"
    ) -> None:
        self.secret = secret
        self.session_id = session_id or f"sess_{uuid.uuid4()}"
        self.contributor_id = secrets.token_hex(16)
        self.model = model
        self.sequence = 0
        self.chunk = 0
        self.step = 1

    def sign(self, envelope: dict[str, Any]) -> bytes:
        unsigned = {k: v for k, v in envelope.items() if k != "attestation"}
        envelope["attestation"] = {
            "session_hmac": signing.sign_envelope(self.secret, self.sequence, unsigned),
            "sequence": self.sequence,
            "app_version_hash": APP_HASH,
        }
        self.sequence += 1
        return jsjson.stringify(envelope).encode()

    def chunk_body(self, n_steps: int = 5, *, now: float | None = None, types: tuple[str, ...] = ()) -> bytes:
        start = (now or time.time()) - 600
        return self.chunk_of(make_steps(n_steps, start=start, first_step=self.step, types=types))

    def chunk_of(self, steps: list[dict[str, Any]], **metadata: Any) -> bytes:
        """A signed chunk holding `steps` as given; `metadata` adds members to the metadata (or replaces them)."""
        envelope: dict[str, Any] = {
            "envelope_id": f"env_{uuid.uuid4()}",
            "session_id": self.session_id,
            "chunk_sequence": self.chunk,
            "contributor_id": self.contributor_id,
            "attestation": {"session_hmac": "", "sequence": 0, "app_version_hash": ""},
            "metadata": {"model_engine": self.model, "provider": "claude-code", "agent_role": "backend",
                         "agent_id": "backend-1", "task_complexity": "medium", "team_size": 2,
                         "groove_version": "0.27.78"} | metadata,
            "trajectory_log": steps,
        }  # fmt: skip
        self.chunk += 1
        self.step += len(steps)
        return self.sign(envelope)

    def close_body(self, status: str = "SUCCESS") -> bytes:
        envelope: dict[str, Any] = {
            "envelope_id": f"env_{uuid.uuid4()}",
            "session_id": self.session_id,
            "type": "SESSION_CLOSE",
            "attestation": {"session_hmac": "", "sequence": 0, "app_version_hash": ""},
            "outcome": {"status": status, "total_steps": self.step - 1, "total_chunks": self.chunk},
        }
        return self.sign(envelope)
