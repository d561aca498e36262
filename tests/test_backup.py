"""deploy/backup.sh and deploy/restore.sh against the real server.

The decision under test: a backup is exactly the catalog snapshot it took. The segment files are copied after
the snapshot and cut at the last byte it indexes, so envelopes stored after the snapshot are absent from the
restore (their clients' retries are accepted there as new), and a server started on the restore recovers
nothing and reports exactly what the original reported when the snapshot was taken.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import httpx
import pytest
import trio

from tests.support.client import ingest, open_session
from tests.support.envelopes import ClientSession
from tests.support.server import ServerProcess, start_server

pytestmark = pytest.mark.slow

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"
BACKUP_SH = DEPLOY / "backup.sh"
RESTORE_SH = DEPLOY / "restore.sh"
NO_LIMITS = ("--rate-per-minute", "0", "--rate-per-hour", "0")
STATS = (
    "/v1/stats/summary",
    "/v1/stats/daily?days=7",
    "/v1/stats/models",
    "/v1/stats/providers",
    "/v1/stats/leaderboard?limit=100",
)
DEADLINE_S = 30.0

Reported = dict[str, Any]
Ledger = dict[str, list[tuple[Any, ...]]]


async def run_script(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    """Run a deploy script with this interpreter as its Python; output captured, exit status not checked."""
    env = {**os.environ, "GROOVE_BACKUP_PYTHON": sys.executable}
    with trio.fail_after(60):
        return await trio.run_process(
            [str(a) for a in args], capture_stdout=True, capture_stderr=True, check=False, env=env
        )


def explain(result: subprocess.CompletedProcess[bytes]) -> str:
    return f"exit {result.returncode}\nstdout:\n{result.stdout.decode()}\nstderr:\n{result.stderr.decode()}"


async def reported(http: httpx.AsyncClient) -> Reported:
    """What the five stats endpoints answer, by path."""
    out: Reported = {}
    for path in STATS:
        response = await http.get(path)
        assert response.status_code == 200, response.text
        out[path] = response.json()
    return out


def read_ledger(data_dir: Path) -> Ledger:
    """Every credit row and every balance, all columns (read-only; the server may be running)."""
    uri = f"file:{data_dir / 'central.sqlite3'}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as conn:
        return {
            "credits": conn.execute("SELECT * FROM credits ORDER BY id").fetchall(),
            "balances": conn.execute("SELECT * FROM balances ORDER BY contributor_id").fetchall(),
        }


async def accept(http: httpx.AsyncClient, body: bytes) -> dict[str, Any]:
    response = await ingest(http, body)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    assert answer["accepted"] is True
    return answer


async def wait_credited(server: ServerProcess, session_id: str) -> dict[str, object]:
    with trio.fail_after(DEADLINE_S):
        return await server.log.wait_for_session("ledger.credited", session_id)


async def wait_until(condition: Callable[[], bool], what: str) -> None:
    """Poll: some conditions are files another process creates, which no trio.Event can signal."""
    with trio.move_on_after(DEADLINE_S):
        while not condition():  # noqa: ASYNC110
            await trio.sleep(0.01)
        return
    pytest.fail(f"gave up after {DEADLINE_S} s waiting for {what}")


async def closed_session(server: ServerProcess, http: httpx.AsyncClient, model: str) -> ClientSession:
    client = await open_session(http)
    client.model = model
    for _ in range(2):
        await accept(http, client.chunk_body(4))
    await accept(http, client.close_body())
    await wait_credited(server, client.session_id)
    return client


def modes(root: Path) -> set[tuple[str, int]]:
    """(kind, permission bits) of everything under `root`, and of `root` itself."""
    found = {("dir", stat.S_IMODE(root.stat().st_mode))}
    for path in root.rglob("*"):
        found.add(("dir" if path.is_dir() else "file", stat.S_IMODE(path.stat().st_mode)))
    return found


def names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def set_aside(data_dir: Path) -> list[Path]:
    """Where `restore.sh --force` moved a data dir's previous contents: siblings named after it."""
    return sorted(p for p in data_dir.parent.iterdir() if p.name.startswith(f"{data_dir.name}.replaced-"))


def same_prefix(original: Path, restored: Path) -> None:
    """Each restored segment holds the original's bytes up to the snapshot's end."""
    for kind in ("envelopes", "trajectories"):
        for segment in (restored / kind).iterdir():
            kept = segment.read_bytes()
            assert (original / kind / segment.name).read_bytes()[: len(kept)] == kept


class Stream:
    """One client sending chunks one at a time, noting what the server reports after each acknowledgement.

    `states[k]` is the stats with the first k of its envelopes stored (nothing else changes meanwhile), so a
    snapshot taken while it sends must equal one of them.
    """

    def __init__(self, http: httpx.AsyncClient, client: ClientSession) -> None:
        self.http = http
        self.client = client
        self.bodies: list[bytes] = []
        self.states: list[Reported] = []
        self.appended = trio.Event()  # set, and replaced, as each acknowledged body is noted
        self.hold = trio.Event()
        self.held = trio.Event()
        self.resume = trio.Event()
        self.stop = trio.Event()

    async def run(self) -> None:
        self.states.append(await reported(self.http))
        while not self.stop.is_set():
            if self.hold.is_set() and not self.resume.is_set():
                self.held.set()
                await self.resume.wait()
            body = self.client.chunk_body(2)
            await accept(self.http, body)
            self.bodies.append(body)
            self.states.append(await reported(self.http))
            self.appended.set()
            self.appended = trio.Event()

    async def sent(self, count: int, what: str) -> None:
        """Wait until `count` bodies are acknowledged."""
        with trio.move_on_after(DEADLINE_S):
            while len(self.bodies) < count:
                await self.appended.wait()
            return
        pytest.fail(f"gave up after {DEADLINE_S} s waiting for {what}")


async def test_online_backup_while_sending_restores_exactly_the_snapshot(tmp_path: Path) -> None:
    data, backup, restored = tmp_path / "data", tmp_path / "backup", tmp_path / "restored"
    taken, release = tmp_path / "snapshot-taken", tmp_path / "copy-now"
    # Holds the backup between its catalog snapshot and its segment copy, so that envelopes are certainly
    # stored in between (bounded: it gives up after 30 s, failing the backup).
    hold = (
        f'touch "{taken}"; i=0; while [ ! -e "{release}" ] && [ "$i" -lt 600 ]; do sleep 0.05; i=$((i+1));'
        f' done; [ -e "{release}" ]'
    )
    outcome: dict[str, subprocess.CompletedProcess[bytes]] = {}
    backup_ended = trio.Event()

    async def run_backup() -> None:
        outcome["backup"] = await run_script(BACKUP_SH, "--after-snapshot", hold, data, backup)
        backup_ended.set()

    async with (
        start_server(data, *NO_LIMITS) as server,
        httpx.AsyncClient(base_url=server.url, timeout=DEADLINE_S) as http,
    ):
        credited = [await closed_session(server, http, m) for m in ("claude-opus-4-6", "claude-sonnet-4-6")]
        late_close = await open_session(http)  # closed only after the snapshot
        await accept(http, late_close.chunk_body(3))
        late_chunk = await open_session(http)  # gets its second chunk only after the snapshot
        await accept(http, late_chunk.chunk_body(3))
        stream = Stream(http, await open_session(http))
        async with trio.open_nursery() as nursery:
            nursery.start_soon(stream.run)
            await stream.sent(3, "the stream's first envelopes")
            first_candidate = len(stream.states) - 1  # everything reported so far is in the snapshot
            nursery.start_soon(run_backup)
            await wait_until(lambda: taken.exists() or "backup" in outcome, "the catalog snapshot")
            assert taken.exists(), explain(outcome["backup"])
            stream.hold.set()
            await stream.held.wait()
            candidates = stream.states[first_candidate:]  # the snapshot was taken while these were current
            ledger_at_snapshot = read_ledger(data)

            # Stored after the snapshot, before the segment copy: a close (and its credit), a chunk, and
            # more of the stream.
            late_close_body = late_close.close_body()
            await accept(http, late_close_body)
            late_credit = await wait_credited(server, late_close.session_id)
            late_chunk_body = late_chunk.chunk_body(3)
            await accept(http, late_chunk_body)
            sent_before_copy = len(stream.bodies) + 3
            stream.resume.set()
            await stream.sent(sent_before_copy, "more of the stream")
            release.touch()
            with trio.fail_after(DEADLINE_S):
                await backup_ended.wait()
            await stream.sent(len(stream.bodies) + 2, "envelopes after the backup")
            stream.stop.set()
        original_ledger = read_ledger(data)
    result = outcome["backup"]
    assert result.returncode == 0, explain(result)
    assert b"catalog snapshot taken" in result.stdout

    manifest = json.loads((backup / "manifest.json").read_text())
    cut = sum(s["cut_bytes"] for name, s in manifest["segments"].items() if name.startswith("envelopes/"))
    assert cut > 0, manifest["segments"]  # bytes written after the snapshot were copied, and cut off
    assert modes(backup) == {("dir", 0o700), ("file", 0o600)}
    # The original went on: the late close was credited there, after the snapshot's ledger.
    assert original_ledger["credits"][: len(ledger_at_snapshot["credits"])] == ledger_at_snapshot["credits"]
    assert [row[1] for row in original_ledger["credits"][len(ledger_at_snapshot["credits"]) :]] == [
        late_close.session_id
    ]
    assert {row[1] for row in ledger_at_snapshot["credits"]} == {c.session_id for c in credited}

    result = await run_script(RESTORE_SH, backup, restored)
    assert result.returncode == 0, explain(result)
    assert modes(restored) == {("dir", 0o700), ("file", 0o600)}
    same_prefix(data, restored)

    async with (
        start_server(restored, *NO_LIMITS) as server,
        httpx.AsyncClient(base_url=server.url, timeout=DEADLINE_S) as http,
    ):
        with trio.fail_after(DEADLINE_S):
            await server.log.wait_for("credits.idle")
        assert server.events_named("store.recovered") == []  # nothing past the index, nothing torn
        assert server.events_named("ledger.credited") == []  # nothing was pending in the snapshot
        now = await reported(http)
        assert now in candidates, (now["/v1/stats/summary"], [c["/v1/stats/summary"] for c in candidates])
        assert read_ledger(restored) == ledger_at_snapshot
        snapshot = manifest["snapshot"]
        assert snapshot["envelopes"] == now["/v1/stats/summary"]["totalEnvelopes"]
        assert snapshot["credits"] == len(ledger_at_snapshot["credits"])

        # Envelopes stored after the snapshot are absent: each is accepted again as new, not a duplicate,
        # while the stream's last envelope inside the snapshot is a duplicate.
        included = (
            now["/v1/stats/summary"]["totalEnvelopes"]
            - stream.states[0]["/v1/stats/summary"]["totalEnvelopes"]
        )
        assert 3 <= included < len(stream.bodies)
        assert (await accept(http, stream.bodies[included - 1])).get("duplicate") is True
        for body in (*stream.bodies[included:], late_chunk_body, late_close_body):
            assert "duplicate" not in await accept(http, body)
        # ...and the late session is credited as the original credited it, from the same envelopes.
        again = await wait_credited(server, late_close.session_id)
        assert again["points"] == late_credit["points"]
        redone = read_ledger(restored)["credits"][-1]
        first = original_ledger["credits"][-1]
        columns = slice(1, 12)  # session, contributor, points, base, breakdown, policy, quality, ..., day
        assert redone[columns] == first[columns]


async def test_restore_refuses_a_damaged_backup(tmp_path: Path) -> None:
    data, good = tmp_path / "data", tmp_path / "good"
    async with (
        start_server(data, *NO_LIMITS) as server,
        httpx.AsyncClient(base_url=server.url, timeout=DEADLINE_S) as http,
    ):
        await closed_session(server, http, "claude-opus-4-6")
        result = await run_script(BACKUP_SH, data, good)
        assert result.returncode == 0, explain(result)
    result = await run_script(RESTORE_SH, "--check", good)
    assert result.returncode == 0, explain(result)
    manifest = json.loads((good / "manifest.json").read_text())
    segment = next(f["path"] for f in manifest["files"] if f["path"].startswith("envelopes/"))
    trajectory = next(f["path"] for f in manifest["files"] if f["path"].startswith("trajectories/"))

    def flip(relative: str, offset: int) -> Callable[[Path], object]:
        def damage(copy: Path) -> None:
            with open(copy / relative, "r+b") as handle:
                handle.seek(offset)
                byte = handle.read(1)
                handle.seek(offset)
                handle.write(bytes([byte[0] ^ 0x01]))

        return damage

    def cut_and_rewrite_manifest(copy: Path) -> None:
        """Truncated, with a manifest that agrees: only the check of the index against the files sees it."""
        path = copy / segment
        path.write_bytes(path.read_bytes()[:-10])
        edited = json.loads((copy / "manifest.json").read_text())
        for entry in edited["files"]:
            if entry["path"] == segment:
                entry["bytes"] = path.stat().st_size
                entry["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
        (copy / "manifest.json").write_text(json.dumps(edited))

    cases: dict[str, tuple[Callable[[Path], object], str]] = {
        "envelope byte flipped": (flip(segment, 20), f"{segment}: sha256"),
        "catalog byte flipped": (flip("central.sqlite3", 5000), "central.sqlite3: sha256"),
        "trajectory missing": (lambda c: (c / trajectory).unlink(), "listed in the manifest but missing"),
        "extra file": (lambda c: (c / "envelopes" / "2000-01-01.0000.jsonl").write_bytes(b"{}\n"), "not in"),
        "manifest truncated": (
            lambda c: (c / "manifest.json").write_text('{"format": "groo'),
            "not valid JSON",
        ),
        "segment cut, manifest rewritten": (cut_and_rewrite_manifest, "up to byte"),
    }
    for number, (name, (damage, message)) in enumerate(cases.items()):
        copy, target = tmp_path / f"bad-{number}", tmp_path / f"target-{number}"
        shutil.copytree(good, copy)
        damage(copy)
        for args in (("--check", copy), (copy, target)):
            result = await run_script(RESTORE_SH, *args)
            assert result.returncode == 1, (name, explain(result))
            assert b"restore: error:" in result.stderr, (name, explain(result))
            assert message.encode() in result.stderr, (name, explain(result))
        assert not target.exists(), name  # nothing was touched


async def test_restore_guards_the_data_dir_and_owner(tmp_path: Path) -> None:
    data, backup, busy = tmp_path / "data", tmp_path / "backup", tmp_path / "busy"
    async with (
        start_server(data, *NO_LIMITS) as server,
        httpx.AsyncClient(base_url=server.url, timeout=DEADLINE_S) as http,
    ):
        await closed_session(server, http, "claude-opus-4-6")
    root = os.geteuid() == 0
    if root:  # the server's own user owns its data dir; root runs the backup
        for path in [data, *data.rglob("*")]:
            os.chown(path, 65534, 65534)
    assert not (data / "central.sqlite3-wal").exists()  # a clean stop leaves no WAL
    result = await run_script(BACKUP_SH, data, backup)  # offline this time
    assert result.returncode == 0, explain(result)
    assert b"no running server" in result.stdout
    if root:  # SQLite's read-only open created -wal/-shm; they belong to the data dir's owner, not root
        for suffix in ("-wal", "-shm"):
            companion = data / f"central.sqlite3{suffix}"
            if companion.exists():
                assert (companion.stat().st_uid, companion.stat().st_gid) == (65534, 65534)

    busy.mkdir(mode=0o700)
    (busy / "keep.txt").write_text("previous contents")
    result = await run_script(RESTORE_SH, backup, busy)
    assert result.returncode == 1, explain(result)
    assert b"not empty" in result.stderr and b"--force" in result.stderr
    assert names(busy) == ["keep.txt"]

    result = await run_script(RESTORE_SH, "--force", backup, busy)
    assert result.returncode == 0, explain(result)
    aside = set_aside(busy)
    assert len(aside) == 1 and (aside[0] / "keep.txt").read_text() == "previous contents"
    assert names(busy) == ["central.sqlite3", "envelopes", "session-keys", "trajectories"]

    async with start_server(busy, *NO_LIMITS) as server:
        result = await run_script(RESTORE_SH, "--force", backup, busy)
        assert result.returncode == 1, explain(result)
        assert f"open in process {server.process.pid}".encode() in result.stderr
        assert b"stop the server first" in result.stderr
    assert set_aside(busy) == aside

    if root:  # --owner: what the systemd unit's user needs after a restore run as root
        owned = tmp_path / "owned"
        result = await run_script(RESTORE_SH, "--owner", "nobody", backup, owned)
        assert result.returncode == 0, explain(result)
        assert {p.stat().st_uid for p in [owned, *owned.rglob("*")]} == {65534}
