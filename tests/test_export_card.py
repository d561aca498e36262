"""The dataset card every export writes (DIR/README.md and its PNG charts), checked against the rows it describes.

The pure tests count made-up facts; the slow one builds a corpus through the real server (a coordination
pair, a rotation chain, a user correction, an error-recovery arc, mixed tiers), exports it with the real
command, resumes, and holds the card's counts equal to the rows read back with pyarrow.
"""

from __future__ import annotations

import io
import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pyarrow.dataset as ds
import pytest
import trio
from PIL import Image

from groove_actors.export import card
from groove_actors.export.card import CARD_FILE, CHARTS_DIR, DATA_TYPES, Facts, data_types_of, summarize
from groove_actors.export.schema import COLUMN_MEANINGS, EXPORT_SCHEMA
from tests.support.client import ingest, open_session
from tests.support.envelopes import ClientSession
from tests.support.loadgen import NO_LIMITS
from tests.support.server import ServerProcess, run_central, start_server

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHARTS = (card.STEP_TYPES_CHART, card.TIERS_CHART, card.DAYS_CHART)
TITLES = {name: title for name, title, _ in DATA_TYPES}


def test_every_column_has_its_one_line_meaning() -> None:
    assert list(COLUMN_MEANINGS) == EXPORT_SCHEMA.names
    assert all(COLUMN_MEANINGS.values())


def test_which_data_types_a_session_carries() -> None:
    def carried(types: str, sources: list[str | None] | None = None, **kw: Any) -> set[str]:
        kinds = types.split()
        options = {"agent_role": None, "continues": False, "linked": False} | kw
        return set(data_types_of(kinds, sources or [None] * len(kinds), **options))

    assert carried("thought action observation resolution") == set()
    assert carried("thought action", agent_role="planner") == {"role_reasoning"}
    assert carried("thought action", agent_role="agent") == set()
    assert carried("action delegate") == carried("coordination") == carried("action", linked=True)
    assert carried("action", linked=True) == {"coordination"}
    assert carried("action", continues=True) == {"context_rotation"}
    assert carried("action correction", [None, "user"]) == {"user_corrections"}
    assert carried("action clarification") == {"user_corrections"}
    assert carried("action correction", [None, "agent"]) == set()  # the agent correcting itself
    assert carried("action error observation resolution") == {"error_recovery"}
    assert carried("action resolution error") == set()  # the error was never recovered


def fact(session: str, revision: int = 0, **members: Any) -> Facts:
    base: dict[str, Any] = {
        "session_id": session, "revision": revision, "provider": "codex", "model": "gpt-5.4", "tier": "B",
        "eligible": True, "fingerprint": "unknown", "day": "2027-01-15", "step_types": {"thought": 2},
        "data_types": frozenset(),
    }  # fmt: skip
    return Facts(**(base | members))


def test_counts_are_over_sessions_at_their_highest_revision() -> None:
    stats = summarize([
        fact("s1", 0, tier="C", eligible=False, step_types={"thought": 1}),
        fact("s1", 1, step_types={"thought": 1, "action": 3}, data_types=frozenset({"error_recovery"})),
        fact("s2", provider="gemini", model="gemini-2.5-pro", fingerprint="consistent", day="2027-01-16",
             data_types=frozenset({"coordination", "error_recovery"})),
        fact("s3", tier="A", eligible=False, fingerprint="inconsistent"),
    ])  # fmt: skip
    assert (stats.rows, stats.sessions, stats.steps, stats.eligible) == (4, 3, 8, 2)
    assert stats.providers == {"codex": 2, "gemini": 1}
    assert list(stats.providers) == ["codex", "gemini"]  # most first
    assert stats.tiers == {"A": (1, 0), "B": (2, 2), "C": (0, 0)}
    assert stats.step_types == {"thought": 5, "action": 3}
    assert stats.fingerprints == {"consistent": 1, "inconsistent": 1, "unknown": 1}
    assert stats.days == {"2027-01-15": 2, "2027-01-16": 1}
    assert stats.data_types == {
        "coordination": 1, "role_reasoning": 0, "context_rotation": 0, "user_corrections": 0, "error_recovery": 2,
    }  # fmt: skip


def test_the_card_names_its_filters_and_every_column_of_the_schema() -> None:
    stats = summarize([fact("s1")])
    filters = {
        "since": "2027-01-01",
        "until": None,
        "provider": "codex",
        "model": None,
        "eligible_only": True,
    }
    text = card.render(stats, fmt="parquet", filters=filters, shards=["part-00000.parquet"], schema_version=4)
    assert "`--since 2027-01-01`, `--provider codex`, `--eligible-only`" in text
    assert 'path: "data/part-*.parquet"' in text.split("---")[1]  # the Hugging Face loader's front matter
    for field in EXPORT_SCHEMA:
        assert f"| `{field.name}` | " in text
    assert "| `steps` | list<struct<step, type, timestamp," in text
    empty = card.render(
        summarize([]), fmt="jsonl", filters={"eligible_only": False}, shards=[], schema_version=4
    )
    assert "No filters" in empty and "**0 session(s)**" in empty


def test_charts_are_valid_pngs_and_the_same_rows_draw_the_same_bytes() -> None:
    stats = summarize([fact("s1"), fact("s2", tier="A", day="2027-01-18", step_types={"action": 4})])
    assert card._every_day(list(stats.days)) == ["2027-01-15", "2027-01-16", "2027-01-17", "2027-01-18"]
    drawn = card.charts(stats)
    assert set(drawn) == set(CHARTS)
    for name, png in drawn.items():
        assert png.startswith(PNG_SIGNATURE), name
        with Image.open(io.BytesIO(png)) as image:
            image.verify()
        with Image.open(io.BytesIO(png)) as image:
            assert image.format == "PNG" and image.size == (700, 400)
    assert card.charts(stats) == drawn
    assert all(png.startswith(PNG_SIGNATURE) for png in card.charts(summarize([])).values())


# Through the real server and the real command.


def parse_tables(text: str) -> dict[str, dict[str, list[str]]]:
    """Each Markdown table of the card by its first header cell: first cell -> the other cells."""
    tables: dict[str, dict[str, list[str]]] = {}
    for block in re.findall(r"((?:^\|.*\|\n)+)", text, flags=re.MULTILINE):
        header, _, *rows = block.strip().splitlines()
        cells = [[c.strip() for c in row.strip("|").split(" | ")] for row in rows]
        tables[header.strip("|").split("|")[0].strip()] = {row[0]: row[1:] for row in cells}
    return tables


def expected_counts(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The card's counts, computed here from the rows as read back."""
    latest: dict[str, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: r["revision"]):
        latest[row["session_id"]] = row
    sessions = list(latest.values())
    kinds = Counter(s["type"] for row in sessions for s in row["steps"])
    return {
        "provider": Counter(r["provider"] for r in sessions),
        "model": Counter(r["model"] for r in sessions),
        "quality tier": {t: (sum(r["quality_tier"] == t for r in sessions),
                             sum(r["quality_tier"] == t and r["eligible"] for r in sessions)) for t in "ABC"},
        "step type": kinds,
        "model fingerprint": Counter(r["model_fingerprint"] for r in sessions),
        "sessions": len(sessions),
    }  # fmt: skip


def check_card(out: Path, rows: list[dict[str, Any]]) -> dict[str, dict[str, list[str]]]:
    text = (out / CARD_FILE).read_text()
    tables = parse_tables(text)
    want = expected_counts(rows)
    assert f"**{want['sessions']} session(s)** in {len(rows)} row(s)" in text
    for name in ("provider", "model", "step type"):
        assert {k: int(v[0]) for k, v in tables[name].items()} == dict(want[name]), name
    fingerprints = {k: int(v[0]) for k, v in tables["model fingerprint"].items() if int(v[0])}
    assert fingerprints == dict(want["model fingerprint"])
    assert {k: (int(v[0]), int(v[1])) for k, v in tables["quality tier"].items()} == want["quality tier"]
    for name in CHARTS:
        png = (out / CHARTS_DIR / name).read_bytes()
        assert png.startswith(PNG_SIGNATURE)
        with Image.open(io.BytesIO(png)) as image:
            image.verify()
    return tables


async def credit(
    server: ServerProcess, http: httpx.AsyncClient, session: ClientSession, *bodies: bytes
) -> None:
    for body in bodies:
        assert (await ingest(http, body)).status_code == 200, body[:200]
    with trio.fail_after(30):
        await server.log.wait_for_session("session.stitched", session.session_id)


def steps_of(kinds: list[tuple[str, dict[str, Any]]], start: float) -> list[dict[str, Any]]:
    return [
        {"step": i + 1, "type": kind, "timestamp": round(start + 4 * i, 3), "token_count": 90,
         "content": members.pop("content", f"{kind} {i}"), **members}
        for i, (kind, members) in enumerate(kinds)
    ]  # fmt: skip


def work(*extra: tuple[str, dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    return [
        ("thought", {}),
        ("action", {"tool": "Bash", "arguments": {"command": "pytest -q"}}),
        ("observation", {"tool": "Bash"}),
        *extra,
        ("resolution", {"content": "done"}),
    ]


async def export(data: Path, out: Path, *args: str) -> list[str]:
    done = await run_central("export", "--data-dir", str(data), "--out", str(out), *args)
    said = done.stderr.decode().splitlines()
    assert done.returncode == 0, said
    return said


@pytest.mark.slow
async def test_the_card_describes_every_shard_and_its_counts_match_the_rows(tmp_path: Path) -> None:
    data = tmp_path / "data"
    start = time.time() - 900
    async with start_server(data, *NO_LIMITS) as server, httpx.AsyncClient(base_url=server.url) as http:
        planner = await open_session(http)
        exchange = f"coord_{planner.session_id}"
        asks = ("coordination", {"coordination_id": exchange, "direction": "outbound", "protocol": "knock",
                                 "target_agent": "backend-2", "content": "lock src/api.js?"})  # fmt: skip
        chunk = planner.chunk_of(steps_of(work(asks), start), agent_role="planner")
        await credit(server, http, planner, chunk, planner.close_body())
        corrected = await open_session(http, provider="codex", model="gpt-5.4")
        fix = ("correction", {"source": "user", "content": "no, use yarn"})
        chunk = corrected.chunk_of(steps_of(work(fix), start), provider="codex", model_engine="gpt-5.4",
                                   agent_role="agent")  # fmt: skip
        await credit(server, http, corrected, chunk, corrected.close_body())
        recovering = await open_session(http, provider="gemini", model="gemini-2.5-pro")
        arc = steps_of(work(("error", {"tool": "Bash", "content": "1 failed"})), start)
        for step in arc:
            step["model"] = "gemini-2.5-pro"  # a client that passes the stream's model on
        chunk = recovering.chunk_of(arc, provider="gemini", model_engine="gemini-2.5-pro")
        await credit(server, http, recovering, chunk, recovering.close_body("KILLED"))

        parquet, jsonl = tmp_path / "parquet", tmp_path / "jsonl"
        said = await export(data, parquet, "--shard-rows", "2")
        assert any(
            line.endswith("wrote README.md: the dataset card of 3 row(s) in 2 shard(s)") for line in said
        )
        rows = ds.dataset(parquet / "data", format="parquet").to_table().to_pylist()
        assert len(rows) == 3
        tables = check_card(parquet, rows)
        data_types = {k: int(v[0]) for k, v in tables["data type"].items()}
        assert data_types == {
            TITLES["coordination"]: 1, TITLES["role_reasoning"]: 2, TITLES["context_rotation"]: 0,
            TITLES["user_corrections"]: 1, TITLES["error_recovery"]: 1,
        }  # fmt: skip
        assert tables["model fingerprint"]["consistent"] == ["1"]

        # --resume: a successor continues the planner (context rotation) and the other side answers the lock;
        # the card is written again from all three shards.
        successor = await open_session(http)
        successor.contributor_id = planner.contributor_id
        answers = ("coordination", {"coordination_id": exchange, "direction": "inbound", "protocol": "knock",
                                    "target_agent": "planner-1", "content": "lock granted"})  # fmt: skip
        chunk = successor.chunk_of(steps_of(work(answers), start), predecessor_session_id=planner.session_id)
        await credit(server, http, successor, chunk, successor.close_body())
        said = await export(data, parquet, "--resume")
        assert any(line.endswith("the dataset card of 4 row(s) in 3 shard(s)") for line in said)
        rows = ds.dataset(parquet / "data", format="parquet").to_table().to_pylist()
        assert len(rows) == 4
        tables = check_card(parquet, rows)
        data_types = {k: int(v[0]) for k, v in tables["data type"].items()}
        assert (data_types[TITLES["coordination"]], data_types[TITLES["context_rotation"]]) == (2, 1)
        assert "3 parquet shard(s)" in (parquet / CARD_FILE).read_text()

        # JSONL, filtered: the card counts what the filter took and names the filter.
        await export(data, jsonl, "--format", "jsonl", "--provider", "claude-code")
        lines = [
            json.loads(line)
            for p in sorted(jsonl.glob("data/part-*.jsonl"))
            for line in p.read_text().splitlines()
        ]
        assert {r["provider"] for r in lines} == {"claude-code"} and len(lines) == 2
        check_card(jsonl, lines)
        assert "Credited sessions taken by `--provider claude-code`" in (jsonl / CARD_FILE).read_text()
