"""The export's I/O: read the trajectory log as it grows, write shards, keep the watermark (docs/EXPORT.md).

Safe beside a running server: the trajectory log is append-only and only complete lines (ending in a
newline) are read, so a record being appended is left for the next export; the catalog is opened read-only,
for coordination links (both sides), rotation chains, and records that do not name their groove version. The
data dir's lock is never taken.

The shards go in `DIR/data/`, as Hugging Face dataset repositories hold them, so that the directory loads
as it is (`pyarrow.dataset.dataset(DIR / "data")`, pandas' and polars' `read_parquet`, `load_dataset(DIR)`
by the card's front matter); the card, its charts, the complete pairs and chains and the watermark sit at the
top. An export in the earlier layout (shards at the top) has its shards moved into `data/` by `--resume`.

A shard is written under a temporary name, fsynced and renamed; then the watermark (`.export-state.json`: how
far each segment was read, and the shards that hold it) is replaced the same way. A shard that the watermark
does not list was left by an export that stopped in between: the next `--resume` removes it and exports its
rows again, so rows are never duplicated.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Final

import attrs
import cattrs
import orjson

from groove_actors.errors import GrooveError
from groove_actors.export.card import CARD_FILE, DATA_DIR, write_card
from groove_actors.export.rows import SCHEMA_VERSION, Filters, build_row, selects
from groove_actors.protocol import jsjson
from groove_actors.server import rotation
from groove_actors.store import catalog
from groove_actors.store.segments import TRAJECTORY_LOG

STATE_FILE: Final = ".export-state.json"
STATE_VERSION: Final = 1
DEFAULT_SHARD_ROWS: Final = 1000
# A shard is also cut once the records its rows come from reach this size, so memory stays bounded whatever
# the sessions' sizes (a row and its Parquet encoding take a few times its record).
SHARD_RECORD_BYTES: Final = 64 * 1024 * 1024
PROGRESS_EVERY_S: Final = 5.0
CATALOG: Final = "central.sqlite3"
# Every coordination pair the server holds, both directions, rewritten whole by each export: rows already
# exported cannot gain a partner credited after them, this file does.
LINKS_FILE: Final = "_coordination_links.jsonl"
# Every context-rotation chain, its sessions in order, rewritten whole by each export for the same reason.
CHAINS_FILE: Final = "_rotation_chains.jsonl"
_SHARD: Final = re.compile(r"part-(\d{5})\.(parquet|jsonl)")
_SEGMENT: Final = re.compile(r"\d{4}-\d{2}-\d{2}\.\d{4}\.jsonl")
_UNREADABLE: Final = (KeyError, TypeError, ValueError, AttributeError, cattrs.BaseValidationError)
_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")


class ExportUsageError(GrooveError):
    """The command cannot run as asked (no data dir, an output dir holding another export): exit 2."""


class ExportError(GrooveError):
    """The export could not go on (the data dir changed under the watermark, a disk error): exit 1."""


@attrs.frozen
class ExportSummary:
    records_read: int
    rows_written: int
    shards: tuple[str, ...]
    skipped: int

    def line(self) -> str:
        shards = f"{len(self.shards)} new shard(s)" if self.shards else "no new shard"
        skipped = f", {self.skipped} unreadable line(s) skipped" if self.skipped else ""
        return f"{self.records_read} record(s) read, {self.rows_written} row(s) written, {shards}{skipped}"


@attrs.define
class _State:
    """The watermark: the export's format and filters, the offset read to in each segment, its shards."""

    format: str
    filters: dict[str, Any]
    offsets: dict[str, int] = attrs.Factory(dict)
    shards: list[str] = attrs.Factory(list)
    rows: int = 0
    schema: int = SCHEMA_VERSION  # the rows' schema version; watermarks without one are of version 1

    def as_json(self) -> dict[str, Any]:
        return {"version": STATE_VERSION, **attrs.asdict(self)}


def export(
    data_dir: Path,
    out: Path,
    *,
    fmt: str,
    filters: Filters,
    resume: bool,
    shard_rows: int = DEFAULT_SHARD_ROWS,
    say: Callable[[str], None],
    clock: Callable[[], float] = time.monotonic,
) -> ExportSummary:
    """Export what the trajectory log holds past the watermark into new shards in `out`; blocks on disk.

    Raises ExportUsageError when it cannot start as asked, ExportError or OSError when it cannot go on.
    """
    if not data_dir.is_dir():
        raise ExportUsageError(f"{data_dir} is not a directory")
    state = _start_state(out, fmt=fmt, filters=filters, resume=resume, say=say)
    run = _Run(
        _ShardWriter(out / DATA_DIR, state, fmt, say),
        _Catalog(data_dir / CATALOG),
        filters,
        shard_rows,
        say,
        clock,
    )
    try:
        for segment, end, size, document in _records_past(data_dir / TRAJECTORY_LOG, state.offsets, say):
            run.take(document, size)
            state.offsets[segment] = end  # saved with the next shard, which holds this record's row if any
            run.flush_if_full()
        run.flush()  # the last shard, or (none) the watermark past records the filters left out
        _replace(out / LINKS_FILE, b"".join(orjson.dumps(link) + b"\n" for link in run.catalog.all_links()))
        chains = run.catalog.chains().order
        _replace(
            out / CHAINS_FILE,
            b"".join(orjson.dumps({"chain_id": c[0], "sessions": c}) + b"\n" for c in chains),
        )
        # The dataset card describes every shard the watermark lists, earlier runs' included.
        write_card(
            out, fmt=state.format, filters=state.filters, shards=state.shards, schema_version=state.schema
        )
        say(f"wrote {CARD_FILE}: the dataset card of {state.rows} row(s) in {len(state.shards)} shard(s)")
    finally:
        run.catalog.close()
    written = run.writer.written
    return ExportSummary(run.read, sum(written.values()), tuple(written), run.skipped)


@attrs.define(eq=False)
class _Run:
    """One export's rows waiting for their shard, and its counts; says its progress every few seconds."""

    writer: _ShardWriter
    catalog: _Catalog
    filters: Filters
    shard_rows: int
    say: Callable[[str], None]
    clock: Callable[[], float]
    rows: list[dict[str, Any]] = attrs.Factory(list)
    row_bytes: int = 0  # the size of the records the waiting rows come from: a shard's memory, roughly
    read: int = 0
    skipped: int = 0
    last_said: float = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.last_said = self.clock()

    def take(self, document: dict[str, Any] | None, size: int) -> None:
        if document is None:
            self.skipped += 1
            return
        self.read += 1
        try:
            if selects(self.filters, document):
                self.rows.append(_row(document, self.catalog))
                self.row_bytes += size
        except _UNREADABLE as exc:  # a record this export cannot read is skipped, not fatal
            self.skipped += 1
            self.say(f"skipped {document.get('session_id')!r}: not a record this export reads ({exc!r:.200})")

    def flush_if_full(self) -> None:
        if len(self.rows) >= self.shard_rows or self.row_bytes >= SHARD_RECORD_BYTES:
            self.flush()
        elif self.clock() - self.last_said >= PROGRESS_EVERY_S:
            self.say(f"{self.read} record(s) read, {self.writer.state.rows + len(self.rows)} row(s) so far")
            self.last_said = self.clock()

    def flush(self) -> None:
        self.writer.write(self.rows, self.read)
        self.rows, self.row_bytes, self.last_said = [], 0, self.clock()


def _row(document: dict[str, Any], catalog: _Catalog) -> dict[str, Any]:
    version = None if document.get("groove_version") else catalog.groove_version(document["session_id"])
    return build_row(
        document, groove_version=version, links=catalog.links(document["session_id"]), chains=catalog.chains()
    )


def _start_state(
    out: Path, *, fmt: str, filters: Filters, resume: bool, say: Callable[[str], None]
) -> _State:
    """The watermark to go on from: a fresh one for an empty or new `out`, the kept one with --resume."""
    state_path = out / STATE_FILE
    if out.exists() and not out.is_dir():
        raise ExportUsageError(f"{out} is not a directory")
    data = out / DATA_DIR
    if data.exists() and not data.is_dir():
        raise ExportUsageError(f"{data} is not a directory")
    held = state_path.exists() or bool(_shards_in(out)) or bool(_shards_in(data))
    if not resume:
        if held:
            raise ExportUsageError(
                f"{out} holds an export already; give --resume to add to it, or another --out"
            )
        data.mkdir(parents=True, exist_ok=True)
        return _State(format=fmt, filters=filters.as_json())
    if not state_path.exists():
        if held:
            raise ExportUsageError(f"{out} holds shards but no {STATE_FILE}: export into another --out")
        data.mkdir(parents=True, exist_ok=True)
        return _State(format=fmt, filters=filters.as_json())
    state = _load_state(state_path)
    if state.schema != SCHEMA_VERSION:
        raise ExportUsageError(
            f"{out} holds rows of schema version {state.schema}, this export writes version {SCHEMA_VERSION} "
            "(docs/EXPORT.md): export anew into another --out"
        )
    if (state.format, state.filters) != (fmt, filters.as_json()):
        raise ExportUsageError(
            f"{out} was exported as {state.format} with filters {orjson.dumps(state.filters).decode()}; "
            "--resume takes the same format and filters (or export into another --out)"
        )
    _move_to_data_dir(out, say)
    for orphan in [p for p in _shards_in(data) if p.name not in state.shards]:
        say(f"removing {orphan.name}: an export stopped before it recorded it (its rows are exported again)")
        orphan.unlink()
    return state


def _shards_in(directory: Path) -> list[Path]:
    """The shard files directly in `directory` (none if it is absent), by name."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if _SHARD.fullmatch(p.name) and p.is_file())


def _move_to_data_dir(out: Path, say: Callable[[str], None]) -> None:
    """An export made before shards went in `data/` has them beside its card: move them there, once."""
    data = out / DATA_DIR
    data.mkdir(exist_ok=True)
    moving = _shards_in(out)
    for shard in moving:
        if (data / shard.name).exists():
            raise ExportUsageError(
                f"{out} holds {shard.name} both at its top and in {DATA_DIR}/: export anew into another --out"
            )
    if moving:
        say(f"moving {len(moving)} shard(s) into {DATA_DIR}/, where this export keeps its shards now")
        for shard in moving:
            os.replace(shard, data / shard.name)
        _fsync_directory(data)
        _fsync_directory(out)


def _load_state(path: Path) -> _State:
    try:
        raw = orjson.loads(path.read_bytes())
        if raw.get("version") != STATE_VERSION:
            raise ValueError(f"version {raw.get('version')!r}, expected {STATE_VERSION}")
        return _State(
            format=str(raw["format"]),
            filters=dict(raw["filters"]),
            offsets={str(k): int(v) for k, v in raw["offsets"].items()},
            shards=[str(s) for s in raw["shards"]],
            rows=int(raw["rows"]),
            schema=int(raw.get("schema", 1)),
        )
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ExportError(f"{path} cannot be read ({exc}); export into another --out") from exc


def _records_past(
    log_dir: Path, offsets: dict[str, int], say: Callable[[str], None]
) -> Iterator[tuple[str, int, int, dict[str, Any] | None]]:
    """(segment, offset past the line, its size, record or None if unreadable) of each complete line past `offsets`,
    segment by segment in the order they were written. A last line without its newline is being appended."""
    names = (
        sorted(p.name for p in log_dir.iterdir() if _SEGMENT.fullmatch(p.name)) if log_dir.is_dir() else []
    )
    gone = sorted(set(offsets) - set(names))
    if gone:
        raise ExportError(f"{gone[0]} was read by the last export and is gone from {log_dir}: export anew")
    for name in names:
        start = offsets.get(name, 0)
        with open(log_dir / name, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size < start:
                raise ExportError(
                    f"{name} is shorter ({size} bytes) than the last export read ({start}): the data dir was "
                    "restored or rebuilt since; export anew into another --out"
                )
            file.seek(start)
            offset = start
            for line in file:
                if not line.endswith(b"\n"):
                    break
                offset += len(line)
                yield name, offset, len(line), _parse(line, name, offset - len(line), say)


def _parse(line: bytes, segment: str, offset: int, say: Callable[[str], None]) -> dict[str, Any] | None:
    try:
        document = jsjson.parse(line)
        if not isinstance(document, dict) or "credit" not in document:
            raise ValueError("not a credited trajectory")
    except (jsjson.JsonError, ValueError) as exc:
        say(f"skipped {segment} at byte {offset}: {exc}")
        return None
    if b"\\ud" in line or b"\\uD" in line:
        return _without_lone_surrogates(document)  # type: ignore[no-any-return]
    return document


def _without_lone_surrogates(value: Any) -> Any:
    """Text a JavaScript client sent may hold lone surrogates, which UTF-8 (Parquet, JSONL) cannot: U+FFFD."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    return value


@attrs.define(eq=False)
class _Catalog:
    """The catalog, opened read-only on first need: the groove version a session opened with, and the
    coordination links (both sides: the catalog writes them when the second of a pair is credited)."""

    path: Path
    conn: sqlite3.Connection | None = None
    _chains: rotation.Chains | None = None

    def _open(self) -> sqlite3.Connection | None:
        if self.conn is None and self.path.exists():
            self.conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
        return self.conn

    def groove_version(self, session_id: str) -> str | None:
        if (conn := self._open()) is None:
            return None
        row = conn.execute(
            "SELECT groove_version FROM sessions WHERE session_id = ?", (session_id,)
        ).fetchone()
        return str(row[0]) if row and row[0] else None

    def links(self, session_id: str) -> list[dict[str, Any]]:
        """The session's links as the catalog holds them now, partners credited after it included."""
        if (conn := self._open()) is None:
            return []
        return [_link(step, cid, partner, agent, pstep) for step, cid, partner, agent, pstep in
                catalog.coordination_links(conn, session_id)]  # fmt: skip

    def all_links(self) -> list[dict[str, Any]]:
        """Every link, both directions, each with its session: the export's complete pairs."""
        if (conn := self._open()) is None:
            return []
        return [{"session_id": session, **_link(step, cid, partner, agent, pstep)}
                for session, step, cid, partner, agent, pstep in catalog.coordination_pairs(conn)]  # fmt: skip

    def chains(self) -> rotation.Chains:
        """The rotation chains of every claim the catalog held when first asked (one read per export)."""
        if self._chains is None:
            conn = self._open()
            self._chains = rotation.chains_from(catalog.rotation_claims(conn) if conn else [])
        return self._chains

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


def _link(step: int, cid: str, partner: str, agent: str | None, partner_step: int) -> dict[str, Any]:
    return {"coordination_id": cid, "step": step, "partner_session": partner, "partner_agent": agent,
            "partner_step": partner_step}  # fmt: skip


@attrs.define(eq=False)
class _ShardWriter:
    """Writes shards `part-NNNNN.<format>` in `data` after the ones it holds, and the watermark (in the
    directory above) after each."""

    data: Path
    state: _State
    fmt: str
    say: Callable[[str], None]
    written: dict[str, int] = attrs.Factory(dict)

    def write(self, rows: list[dict[str, Any]], read: int) -> None:
        """Write `rows` as the next shard (none if empty), then the watermark as it stands."""
        if rows:
            numbers = [int(m.group(1)) for s in self.state.shards if (m := _SHARD.fullmatch(s))]
            name = f"part-{max(numbers, default=-1) + 1:05d}.{self.fmt}"
            _replace(self.data / name, _shard_bytes(rows, self.fmt))
            self.state.shards.append(name)
            self.state.rows += len(rows)
            self.written[name] = len(rows)
            self.say(
                f"wrote {name}: {len(rows)} row(s); {read} record(s) read, {self.state.rows} row(s) in all"
            )
        _replace(
            self.data.parent / STATE_FILE, orjson.dumps(self.state.as_json(), option=orjson.OPT_INDENT_2)
        )


def _shard_bytes(rows: list[dict[str, Any]], fmt: str) -> bytes:
    if fmt == "jsonl":
        return b"".join(orjson.dumps(row, option=orjson.OPT_UTC_Z) + b"\n" for row in rows)
    import pyarrow as pa
    import pyarrow.parquet as pq

    from groove_actors.export.schema import EXPORT_SCHEMA

    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pylist(rows, schema=EXPORT_SCHEMA), sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())


def _fsync_directory(path: Path) -> None:
    """Make renames into or out of `path` durable."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _replace(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all: a temporary file, fsynced, renamed over it."""
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)


def parse_day(text: str) -> dt.date:
    """A UTC date given as YYYY-MM-DD (argparse's type for --since and --until)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None
