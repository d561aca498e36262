"""Segment files: appends land where they say, roll over by size and day, and torn tails are cut."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from groove_actors.store.segments import SegmentFiles, as_record, read_records, skip_written


def test_append_and_read_back(tmp_path: Path) -> None:
    files = SegmentFiles(tmp_path / "env")
    refs = files.append([b'{"a":1}', b'{"b":2}'], day="2026-11-25")
    assert [r.segment for r in refs] == ["2026-11-25.0000.jsonl"] * 2
    assert read_records(files.directory, refs) == [b'{"a":1}', b'{"b":2}']
    assert (files.directory / refs[0].segment).read_bytes() == b'{"a":1}\n{"b":2}\n'
    assert stat.S_IMODE((files.directory / refs[0].segment).stat().st_mode) == 0o600
    assert stat.S_IMODE(files.directory.stat().st_mode) == 0o700


def test_a_batch_of_more_records_than_one_gathered_write_takes(tmp_path: Path) -> None:
    files = SegmentFiles(tmp_path)
    bodies = [b'{"n":%d}' % n for n in range(os.sysconf("SC_IOV_MAX") + 7)]
    refs = files.append(bodies, day="2026-11-25")
    assert read_records(tmp_path, refs) == bodies
    assert (tmp_path / refs[0].segment).read_bytes() == b"".join(b + b"\n" for b in bodies)


@given(st.lists(st.binary(max_size=8), max_size=6), st.data())
def test_skipping_what_a_short_write_took_leaves_exactly_the_rest(
    pieces: list[bytes], data: st.DataObject
) -> None:
    whole = b"".join(pieces)
    written = data.draw(st.integers(0, len(whole)))
    rest: list[bytes | memoryview] = list(pieces)
    skip_written(rest, written)
    assert b"".join(bytes(p) for p in rest) == whole[written:]


def test_raw_newlines_become_spaces_so_one_record_is_one_line(tmp_path: Path) -> None:
    assert as_record(b'{\n  "a": "x\\ny"\r\n}') == b'{   "a": "x\\ny"  }'
    files = SegmentFiles(tmp_path)
    (ref,) = files.append([b'{\n"a":1}'], day="2026-11-25")
    assert read_records(tmp_path, [ref]) == [b'{ "a":1}']


def test_rolls_over_by_size_and_by_day(tmp_path: Path) -> None:
    files = SegmentFiles(tmp_path, max_segment_bytes=100)
    first = files.append([b"x" * 60], day="2026-11-25")
    second = files.append([b"y" * 60], day="2026-11-25")
    third = files.append([b"z" * 10], day="2026-11-26")
    assert [first[0].segment, second[0].segment, third[0].segment] == [
        "2026-11-25.0000.jsonl",
        "2026-11-25.0001.jsonl",
        "2026-11-26.0000.jsonl",
    ]
    assert all(os.path.getsize(tmp_path / n) <= 100 for n in files.names())


def test_a_reopened_store_appends_after_what_is_there(tmp_path: Path) -> None:
    SegmentFiles(tmp_path).append([b"one"], day="2026-11-25")
    (ref,) = SegmentFiles(tmp_path).append([b"two"], day="2026-11-25")
    assert ref.offset == 4
    assert read_records(tmp_path, [ref]) == [b"two"]


def test_sizes_tell_a_torn_last_append(tmp_path: Path) -> None:
    files = SegmentFiles(tmp_path)
    files.append([b"complete"], day="2026-11-25")
    files.close()
    with open(tmp_path / "2026-11-25.0000.jsonl", "ab") as handle:
        handle.write(b'{"torn":')
    assert files.sizes("2026-11-25.0000.jsonl") == (17, 9)
    files.truncate("2026-11-25.0000.jsonl", 9)
    assert (tmp_path / "2026-11-25.0000.jsonl").read_bytes() == b"complete\n"


def test_records_after_an_offset(tmp_path: Path) -> None:
    files = SegmentFiles(tmp_path)
    refs = files.append([b"a", b"bb", b"ccc"], day="2026-11-25")
    after = list(files.records_after(refs[1].segment, refs[1].offset))
    assert [(ref, body) for ref, body in after] == [(refs[1], b"bb"), (refs[2], b"ccc")]
