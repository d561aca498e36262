"""The embedding API's promise to a host daemon: starting captures never does disk work on its event loop."""

from __future__ import annotations

import sys
from pathlib import Path

from client_actors import consent
from client_actors.capture import AgentSpec, open_capture_service

FILE_EVENTS = (
    "open",
    "os.mkdir",
    "os.rename",
    "os.replace",
    "os.remove",
    "os.listdir",
    "os.scandir",
    "os.chmod",
)


class DiskWatch:
    """Python audit events of file access, recorded while `watching` (audit hooks cannot be removed)."""

    def __init__(self) -> None:
        self.watching = False
        self.seen: list[tuple[str, str]] = []
        sys.addaudithook(self.hook)

    def hook(self, event: str, args: tuple[object, ...]) -> None:
        if self.watching and event in FILE_EVENTS:
            self.seen.append((event, repr(args[:1])))


async def test_spawning_captures_touches_no_file_on_the_hosts_loop(tmp_path: Path) -> None:
    consent.opt_in(tmp_path, now=0.0)
    watch = DiskWatch()
    async with open_capture_service(tmp_path, None) as service:
        watch.watching = True
        agents = [service.spawn(AgentSpec(provider="codex", model="o3")) for _ in range(20)]
        for agent in agents:
            agent.stdout_line('{"type":"turn.completed","usage":{"input_tokens":5,"output_tokens":2}}')
        watch.watching = False
        assert watch.seen == []
        for agent in agents:
            agent.ended("completed")
        for agent in agents:
            await agent.actor.done.wait()
    spooled = sorted(p.name for p in (tmp_path / "spool").iterdir() if p.name.startswith("sess_"))
    assert spooled == sorted(agent.session_id for agent in agents)
    assert [agent.actor.failure for agent in agents] == [None] * len(agents)
