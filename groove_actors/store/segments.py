"""Append-only segment files: envelopes (and stitched trajectories) as JSON lines, fsynced in groups.

A record is one line: the received body with any raw CR/LF bytes turned into spaces (in valid JSON those can
only be insignificant whitespace, since strings escape them), so the JSON and every signature over it stay
exactly what the client sent, and the file stays one record per line. Files are named
`YYYY-MM-DD.NNNN.jsonl` by the UTC day of writing and roll over at a size limit, so no file grows without
bound (the original broke past 512 MiB in one daily file).

Resource handling: a SegmentFiles owns its directory and the one open file it appends to. All methods block
on disk I/O; callers in Trio run them through `trio.to_thread.run_sync` from a single owner.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import attrs

from groove_actors.errors import StoreCorrupt

DEFAULT_MAX_SEGMENT_BYTES = 256 * 1024 * 1024
# The two logs, each a directory of segment files under the data dir.
ENVELOPE_LOG = "envelopes"
TRAJECTORY_LOG = "trajectories"
_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})\.(\d{4})\.jsonl")
_NEWLINES = bytes.maketrans(b"\r\n", b"  ")


@attrs.frozen
class RecordRef:
    """Where one record lives: file name, byte offset and length (without the newline)."""

    segment: str
    offset: int
    length: int


def utc_day(timestamp: float) -> str:
    """The UTC day of a time, as segment files and daily stats name it (YYYY-MM-DD)."""
    return dt.datetime.fromtimestamp(timestamp, dt.UTC).date().isoformat()


def as_record(body: bytes) -> bytes:
    """The bytes stored for a body: the same JSON, on one line."""
    return body.translate(_NEWLINES) if (b"\n" in body or b"\r" in body) else body


@attrs.define(eq=False)
class SegmentFiles:
    directory: Path
    max_segment_bytes: int = DEFAULT_MAX_SEGMENT_BYTES
    _current: str | None = None
    _fd: int | None = None
    _size: int = 0
    last_fsync_s: float = 0.0  # how long the last append's fsync took (for the operator's metrics)

    def __attrs_post_init__(self) -> None:
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)

    def names(self) -> list[str]:
        """Segment file names in the order they were written."""
        return sorted(p.name for p in self.directory.iterdir() if _NAME.fullmatch(p.name))

    def total_bytes(self) -> int:
        return sum((self.directory / name).stat().st_size for name in self.names())

    def append(self, bodies: list[bytes], *, day: str) -> list[RecordRef]:
        """Append records, fsync once, and say where each landed. Rolls to a new file first if needed.

        Raises OSError when the disk refuses; nothing is acknowledged then.
        """
        records = [as_record(b) for b in bodies]
        incoming = sum(len(r) + 1 for r in records)
        fd = self._file_for(day, incoming)
        refs = []
        offset = self._size
        for record in records:
            refs.append(RecordRef(segment=self._current or "", offset=offset, length=len(record)))
            offset += len(record) + 1
        try:
            _write_lines(fd, records)
            started = time.perf_counter()
            os.fsync(fd)
            self.last_fsync_s = time.perf_counter() - started
        except OSError:
            # Leave no partial record behind for the next append to follow.
            os.ftruncate(fd, self._size)
            raise
        self._size = offset
        return refs

    def _file_for(self, day: str, incoming: int) -> int:
        current = self._current
        if current is None or not current.startswith(day) or not self._fits(self._size, incoming):
            name = self._pick(day, incoming)
            if name != current:
                self.close()
                self._fd = os.open(self.directory / name, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
                self._current = name
                self._size = os.fstat(self._fd).st_size
                fsync_directory(self.directory)
        assert self._fd is not None
        return self._fd

    def _fits(self, size: int, incoming: int) -> bool:
        """A batch always goes somewhere: an empty file takes it whatever its size."""
        return size == 0 or size + incoming <= self.max_segment_bytes

    def _pick(self, day: str, incoming: int) -> str:
        existing = [n for n in self.names() if n.startswith(day)]
        if not existing:
            return f"{day}.0000.jsonl"
        last = existing[-1]
        if self._fits((self.directory / last).stat().st_size, incoming):
            return last
        number = int(last[len(day) + 1 : len(day) + 5]) + 1
        return f"{day}.{number:04d}.jsonl"

    def read(self, ref: RecordRef) -> bytes:
        """The stored record; raises StoreCorrupt if the file is shorter than the index says."""
        with open(self.directory / ref.segment, "rb") as handle:
            data = os.pread(handle.fileno(), ref.length, ref.offset)
        if len(data) != ref.length:
            raise StoreCorrupt(f"{ref.segment} ends before offset {ref.offset + ref.length}")
        return data

    def records_after(self, segment: str, offset: int) -> Iterator[tuple[RecordRef, bytes]]:
        """Complete records from `offset` to the end of `segment` (recovery: what the index lacks)."""
        with open(self.directory / segment, "rb") as handle:
            handle.seek(offset)
            position = offset
            for line in handle:
                if not line.endswith(b"\n"):
                    return
                yield RecordRef(segment, position, len(line) - 1), line[:-1]
                position += len(line)

    def sizes(self, name: str) -> tuple[int, int]:
        """(size, size of its complete lines) of a segment file: a difference is a torn last append."""
        path = self.directory / name
        size = path.stat().st_size
        return size, _complete_prefix(path, size)

    def truncate(self, segment: str, size: int) -> None:
        """Cut `segment` to `size` bytes (recovery: drop records whose commit never happened)."""
        if self._current == segment:
            self.close()
        with open(self.directory / segment, "r+b") as handle:
            handle.truncate(size)
            os.fsync(handle.fileno())

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
        self._fd = None
        self._current = None
        self._size = 0


def read_records(directory: Path, refs: list[RecordRef]) -> list[bytes]:
    """Records in the order given, keeping a file open while consecutive refs share it.

    Independent of any SegmentFiles, so readers never touch the writer's state. Raises StoreCorrupt if a file
    is shorter than its index says.
    """
    out: list[bytes] = []
    handle = None
    try:
        for ref in refs:
            path = directory / ref.segment
            if handle is None or handle.name != str(path):
                if handle is not None:
                    handle.close()
                handle = open(path, "rb")  # noqa: SIM115
            data = os.pread(handle.fileno(), ref.length, ref.offset)
            if len(data) != ref.length:
                raise StoreCorrupt(f"{ref.segment} ends before offset {ref.offset + ref.length}")
            out.append(data)
    finally:
        if handle is not None:
            handle.close()
    return out


def _complete_prefix(path: Path, size: int) -> int:
    """Length of the file up to and including its last newline."""
    if size == 0:
        return 0
    with open(path, "rb") as handle:
        block = 64 * 1024
        end = size
        while end > 0:
            start = max(0, end - block)
            handle.seek(start)
            chunk = handle.read(end - start)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                return start + newline + 1
            end = start
    return 0


def _write_lines(fd: int, records: list[bytes]) -> None:
    """Write each record and a newline after it, gathered (no copy of a batch that can reach 100 MiB)."""
    pieces: list[bytes | memoryview] = []
    for record in records:
        pieces += (record, b"\n")
    write_pieces(fd, pieces)


def write_all(fd: int, data: bytes) -> None:
    """Write all of `data` (a write may be short)."""
    write_pieces(fd, [data])


def write_pieces(fd: int, pieces: list[bytes | memoryview]) -> None:
    while pieces:
        skip_written(pieces, os.writev(fd, pieces[:_IOV_MAX]))


def skip_written(pieces: list[bytes | memoryview], written: int) -> None:
    """Drop the first `written` bytes from the front of `pieces` (after a write that may have been short)."""
    done = 0
    while done < len(pieces) and written >= len(pieces[done]):
        written -= len(pieces[done])
        done += 1
    del pieces[:done]
    if written:  # the write stopped inside this piece
        pieces[0] = memoryview(pieces[0])[written:]


_IOV_MAX = os.sysconf("SC_IOV_MAX") if "SC_IOV_MAX" in os.sysconf_names else 16


def fsync_directory(directory: Path) -> None:
    """Make a new file's directory entry durable, not only its contents."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
