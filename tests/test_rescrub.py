"""The server re-scrubs each stitched trajectory: a pure function over steps, and what a real server writes.

Secrets are made up at test time (vendor formats, random bodies), so no literal in the repository looks like one.
"""

from __future__ import annotations

import json
import random
import secrets
import string
import time
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
import trio

from client_actors.scrub import RULESET_VERSION, scrub_text
from groove_actors.protocol import jsjson
from groove_actors.protocol.convert import structure_steps
from groove_actors.protocol.models import Step
from groove_actors.server.rescrub import Rescrub, rescrub_session, rescrub_steps
from groove_actors.server.stitch import stitch
from tests.support.client import ingest, open_session
from tests.support.envelopes import ClientSession
from tests.support.server import start_server
from tests.test_metrics import samples

NOW = 1_800_000_000.0
CREDIT_DEADLINE_S = 30.0
RNG = random.SystemRandom()


def _draw(alphabet: str, n: int) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


@attrs.frozen
class Fakes:
    """Credentials an unscrubbing client would send, in their vendors' formats, drawn afresh for each test."""

    aws: str = attrs.Factory(lambda: "AKIA" + _draw(string.ascii_uppercase + string.digits, 16))
    github: str = attrs.Factory(lambda: "ghp_" + _draw(string.ascii_letters + string.digits, 36))
    email: str = attrs.Factory(
        lambda: f"{_draw(string.ascii_lowercase, 9)}@{_draw(string.ascii_lowercase, 8)}.com"
    )
    user: str = attrs.Factory(lambda: "u" + _draw(string.ascii_lowercase, 8))

    @property
    def values(self) -> tuple[str, ...]:
        return self.aws, self.github, self.email, f"/home/{self.user}"


def leaky_steps(fakes: Fakes, *, start: float, first: int = 1) -> list[dict[str, Any]]:
    """Steps as the original JavaScript client sends them when its scrubber misses everything."""
    steps: list[dict[str, Any]] = [
        {"type": "thought", "content": f"I will deploy with {fakes.aws} and tell {fakes.email}"},
        {"type": "action", "tool": "Bash", "content": "push",
         "arguments": {"command": f"git push https://{fakes.github}@github.com/acme/app.git", "timeout": 30}},
        {"type": "observation", "content": f"mail sent to {fakes.email}", "is_error": False},
        {"type": "edit", "file_path": f"/home/{fakes.user}/app/.env", "edit_type": "modify",
         "old_string": "GH=", "new_string": f"GH={fakes.github}"},
        {"type": "coordination", "content": "handing over", "coordination_id": "coord_1",
         "direction": "outbound", "target_agent": fakes.email, "protocol": "knock"},
        {"type": "resolution", "content": "deployed"},
    ]  # fmt: skip
    for i, step in enumerate(steps):
        step.update(step=first + i, timestamp=round(start + i * 1.5, 3), token_count=10)
    return steps


def assert_no_secret(text: str, fakes: Fakes) -> None:
    leaked = [value for value in fakes.values if value in text]
    assert not leaked, f"unscrubbed in the stitched record: {len(leaked)} value(s)"


def test_rescrub_steps_redacts_every_text_field_and_counts_by_kind() -> None:
    fakes = Fakes()
    raw = structure_steps(leaky_steps(fakes, start=NOW))
    steps, counts = rescrub_steps(raw)
    text = json.dumps([attrs.asdict(step) for step in steps])
    assert_no_secret(text, fakes)
    for kind in ("aws-access-key", "github-token", "email"):
        assert f"[REDACTED:{kind}]" in text and counts.get(kind) >= 1
    assert counts.get("email") == 3  # content twice and `target_agent`
    assert steps[3].extra["file_path"] == "~/app/.env" and counts.get("home-path") == 1
    assert [(s.step, s.type, s.timestamp, s.tool) for s in steps] == [
        (s.step, s.type, s.timestamp, s.tool) for s in raw
    ]
    assert steps[1].arguments is not None and steps[1].arguments["timeout"] == 30
    assert steps[4].coordination_id == "coord_1" and steps[4].direction == "outbound"
    assert steps[5] is raw[5]  # nothing to scrub: the same step, no copy
    assert fakes.aws in (raw[0].content or "")  # the input is not modified


def test_rescrub_counts_what_scrubbing_each_string_counts() -> None:
    fakes = Fakes()
    steps = (Step(step=1, type="thought", timestamp=NOW, content=f"{fakes.github} {fakes.email}"),)
    _, counts = rescrub_steps(steps)
    assert counts == scrub_text(f"{fakes.github} {fakes.email}").counts
    assert rescrub_steps(())[1].total == 0


def test_rescrub_session_covers_close_metadata_and_records_both_rule_sets() -> None:
    fakes = Fakes()
    client = ClientSession(b"k" * 32, session_id="s")
    chunk = client.chunk_of(leaky_steps(fakes, start=NOW), scrub_ruleset="js-0.9")
    close = jsjson.stringify({
        "envelope_id": "env_close", "session_id": "s", "type": "SESSION_CLOSE",
        "attestation": {"session_hmac": "", "sequence": 1, "app_version_hash": ""},
        "outcome": {"status": "SUCCESS", "total_steps": 6, "total_chunks": 1},
        "metadata": {"domain_tags": ["deploy", fakes.email], "session_embedding": [0.25, -0.5]},
    }).encode()  # fmt: skip
    stitched = stitch("s", [(0, "chunk", chunk), (1, "close", close)], provider="p", model="m",
                      close_reason="envelope", close_status=None)  # fmt: skip
    session, rescrub = rescrub_session(stitched)
    assert_no_secret(json.dumps([attrs.asdict(s) for s in session.steps]), fakes)
    assert session.client_close_metadata == {
        "domain_tags": ["deploy", "[REDACTED:email]"],
        "session_embedding": [0.25, -0.5],
    }
    assert (session.tools_used, session.step_types, session.total_tokens) == (
        stitched.tools_used, stitched.step_types, stitched.total_tokens,
    )  # fmt: skip
    assert rescrub.ruleset == RULESET_VERSION and rescrub.client_ruleset == "js-0.9"
    assert rescrub.counts.get("email") == 4
    assert rescrub.as_json() == {
        "ruleset": RULESET_VERSION,
        "client_ruleset": "js-0.9",
        "redactions": rescrub.counts.as_dict(),
    }


def test_a_client_that_claims_no_rule_set_is_recorded_as_none() -> None:
    client = ClientSession(b"k" * 32, session_id="s")
    stitched = stitch("s", [(0, "chunk", client.chunk_body(4, now=NOW))], provider="p", model="m",
                      close_reason="envelope", close_status=None)  # fmt: skip
    session, rescrub = rescrub_session(stitched)
    assert rescrub == Rescrub(RULESET_VERSION, None, rescrub.counts)
    assert session.steps == stitched.steps


def stitched_records(data_dir: Path) -> dict[str, tuple[str, dict[str, Any]]]:
    records = {}
    for segment in sorted((data_dir / "trajectories").iterdir()):
        for line in segment.read_text().splitlines():
            record = json.loads(line)
            records[record["session_id"]] = (line, record)
    return records


def stored_envelopes(data_dir: Path) -> set[bytes]:
    return {
        line for segment in (data_dir / "envelopes").iterdir() for line in segment.read_bytes().splitlines()
    }


@pytest.mark.slow
async def test_the_server_writes_no_secret_an_unscrubbing_client_sent(tmp_path: Path) -> None:
    fakes = Fakes()
    token = secrets.token_urlsafe(24)
    (tmp_path / "admin-token").write_text(token)
    data = tmp_path / "d"
    running = start_server(data, "--admin-token-file", str(tmp_path / "admin-token"))
    async with running as server, httpx.AsyncClient(base_url=server.url) as http:
        session = await open_session(http)
        chunk = session.chunk_of(leaky_steps(fakes, start=time.time() - 600), scrub_ruleset="js-0.9")
        assert (await ingest(http, chunk)).status_code == 200
        assert (await ingest(http, session.close_body())).status_code == 200
        with trio.fail_after(CREDIT_DEADLINE_S):
            stitched = await server.log.wait_for_session("session.stitched", session.session_id)
        metrics = samples((await http.get("/metrics", headers={"Authorization": f"Bearer {token}"})).text)

    line, record = stitched_records(data)[session.session_id]
    assert_no_secret(line, fakes)
    for kind in ("aws-access-key", "github-token", "email"):
        assert f"[REDACTED:{kind}]" in line
    expected = rescrub_steps(structure_steps(jsjson.parse(chunk)["trajectory_log"]))[1]
    assert record["rescrub"] == {
        "ruleset": RULESET_VERSION,
        "client_ruleset": "js-0.9",
        "redactions": expected.as_dict(),
    }
    assert stitched["redactions"] == expected.total
    assert len(record["trajectory_log"]) == 6 and record["credit"]["steps"] == 6
    assert {
        labels[0][1]: value
        for (name, labels), value in metrics.items()
        if name == "groove_rescrub_redactions_total"
    } == expected.as_dict()
    assert chunk in stored_envelopes(data)  # the signed envelope is kept byte for byte, secrets and all
