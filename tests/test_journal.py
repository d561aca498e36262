"""The step journal: a dead capture's buffered steps are recovered once, a live capture's never touched."""

from __future__ import annotations

import time
from pathlib import Path

from client_actors.chunker import Chunker
from client_actors.journal import IDENTITY, JOURNAL, Journal, recover_orphans
from client_actors.spool import Spool, SpooledSession
from groove_actors.protocol.models import Metadata, Step

NOW = time.time()


def setup(tmp_path: Path, session_id: str) -> tuple[Spool, Journal, Chunker]:
    spool = Spool(tmp_path / "spool")
    spool.create(SpooledSession(session_id, "http://127.0.0.1:1", "codex", "o3", "fp", "0f" * 32, "1", NOW))
    chunker = Chunker(session_id=session_id, contributor_id="c" * 32, metadata=Metadata("codex", "o3"),
                      scrub_ruleset="test", new_envelope_id=lambda: "env_x", max_steps=3)  # fmt: skip
    journal = Journal(spool.root / session_id)
    journal.open(metadata=chunker.metadata, contributor_id="c" * 32)
    return spool, journal, chunker


def steps(first: int, n: int) -> list[Step]:
    return [
        Step(step=i, type="thought", timestamp=NOW, content=f"thought {i}") for i in range(first, first + n)
    ]


def test_a_dead_capture_is_closed_with_its_journal(tmp_path: Path) -> None:
    spool, journal, chunker = setup(tmp_path, "sess_dead")
    batch = steps(1, 5)
    journal.append(batch)
    for envelope in chunker.add(batch, now=NOW):  # one chunk of 3; 2 steps stay buffered
        spool.append("sess_dead", {"chunk_sequence": envelope.chunk_sequence})
    journal.spooled(chunker)
    journal.release()  # the process dies: lock gone, journal and identity left
    assert recover_orphans(spool, now=NOW) == 1
    pending = [e for _, e in spool.pending(spool.load("sess_dead"))]
    chunk, close = pending[-2], pending[-1]
    assert [s["step"] for s in chunk["trajectory_log"]] == [4, 5]
    assert chunk["chunk_sequence"] == 1
    assert close["type"] == "SESSION_CLOSE" and close["outcome"]["status"] == "CRASH"
    assert not (spool.root / "sess_dead" / JOURNAL).exists()
    assert not (spool.root / "sess_dead" / IDENTITY).exists()
    assert recover_orphans(spool, now=NOW) == 0


def test_a_live_capture_is_left_alone(tmp_path: Path) -> None:
    spool, journal, _ = setup(tmp_path, "sess_live")
    journal.append(steps(1, 2))
    assert recover_orphans(spool, now=NOW) == 0
    assert spool.pending(spool.load("sess_live")) == []
    journal.finish()
    assert recover_orphans(spool, now=NOW) == 0


def test_a_torn_last_line_is_ignored(tmp_path: Path) -> None:
    spool, journal, _ = setup(tmp_path, "sess_torn")
    journal.append(steps(1, 2))
    journal.release()
    with open(spool.root / "sess_torn" / JOURNAL, "ab") as handle:
        handle.write(b'{"step":3,"type":"tho')
    assert recover_orphans(spool, now=NOW) == 1
    chunk = spool.pending(spool.load("sess_torn"))[0][1]
    assert [s["step"] for s in chunk["trajectory_log"]] == [1, 2]
