"""The embedding API in one Trio run: feeding never blocks, opting out flushes and stops, nothing is sent."""

from __future__ import annotations

from pathlib import Path

import pytest
import trio

from client_actors import consent
from client_actors.capture import AgentSpec, open_capture_service
from client_actors.classify import CoordinationEvent
from groove_actors.protocol import jsjson
from tests.conftest import AGENT_STREAMS
from tests.support.shared import needs

TRANSCRIPT = AGENT_STREAMS / "claude-code" / "transcript" / "cc-2.0.14-transcript-23-tools-unanswered.jsonl"


def spooled(home: Path) -> list[dict[str, object]]:
    envelopes = []
    for session in sorted((home / "spool").glob("sess_*")):
        envelopes += [jsjson.parse(p.read_bytes()) for p in sorted(session.glob("[0-9]*.json"))]
    return envelopes


@needs(AGENT_STREAMS)
async def test_opt_out_flushes_what_was_captured_and_stops(tmp_path: Path) -> None:
    consent.opt_in(tmp_path, now=1.0)
    async with open_capture_service(tmp_path, None) as service:
        agent = service.spawn(AgentSpec(provider="claude-code", model="claude-sonnet-4-6", role="backend"))
        for line in TRANSCRIPT.read_text().splitlines():
            agent.stdout_line(line)  # synchronous: returns at once whatever the actor is doing
        agent.coordination(
            CoordinationEvent(kind="knock", coordination_id="coord_1", direction="outbound",
                              target_agent="frontend-1", content="Requesting lock on src/app.ts")
        )  # fmt: skip
        with trio.fail_after(30):
            await service.opt_out()
        agent.stdout_line("after opting out")  # ignored: capture of this agent has ended
    envelopes = spooled(tmp_path)
    chunk, close = envelopes[0], envelopes[-1]
    assert close["type"] == "SESSION_CLOSE" and close["outcome"]["status"] == "KILLED"  # type: ignore[index]
    steps = chunk["trajectory_log"]
    assert isinstance(steps, list) and steps[-1]["type"] == "coordination"
    assert chunk["metadata"]["scrub_ruleset"]  # type: ignore[index]
    assert not list((tmp_path / "spool").glob("sess_*/journal.jsonl"))
    assert consent.install_id(tmp_path) == chunk["contributor_id"]


async def test_a_finished_agent_holds_no_end_of_the_wake_up_channel(tmp_path: Path) -> None:
    """Each agent's actor wakes the sender through a clone of the service's end, and closes it when it stops:
    a host that runs many agents one after another keeps one open end, not one per agent it ever ran."""
    consent.opt_in(tmp_path, now=1.0)
    async with open_capture_service(tmp_path, None) as service:
        agents = [service.spawn(AgentSpec(provider="codex", model="o3", role=f"r{n}")) for n in range(3)]
        assert service.wake_sender.statistics().open_send_channels == 1 + len(agents)
        for agent in agents:
            agent.ended("completed")
        with trio.fail_after(30):
            for agent in agents:
                await agent.actor.done.wait()
        assert service.wake_sender.statistics().open_send_channels == 1
        with pytest.raises(trio.ClosedResourceError):
            agents[0].actor.wake_sender.send_nowait(None)
