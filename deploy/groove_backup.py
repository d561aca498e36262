#!/usr/bin/env python3
"""The steps of backup.sh and restore.sh that need SQLite, hashing or careful file handling.

Standard library only, so any Python 3.11+ runs it (the system's python3 is enough; the server's virtualenv
is not needed). Not meant to be called by hand: backup.sh and restore.sh call it and print what it prints.

Data dir layout (groove_actors/store): `central.sqlite3` (SQLite, WAL) indexes every envelope by segment
file, offset and length, and every credited trajectory the same way, and records how far it holds each
segment file (`log_ends`); `envelopes/` and `trajectories/` hold append-only segment files
`YYYY-MM-DD.NNNN.jsonl`; `session-keys` holds the secrets of open sessions.

What a backup is: the catalog copied with SQLite's online backup API (a consistent snapshot, even while the
server commits), then every segment file copied AFTER that snapshot and cut at the end of what the snapshot
indexes. Segments are append-only, so every byte the snapshot indexes is already in the file when it is
copied; the bytes past that end were written after the snapshot (or never committed) and are left out. A
restore therefore holds exactly the snapshot: the server finds nothing to cut or re-index on start-up, and
clients re-send what came after it (their retries are accepted as new, not as duplicates).

Subcommands (paths are directories):
  snapshot DATA_DIR STAGE        catalog snapshot into STAGE, plus STAGE/.snapshot.json (the segment ends)
  copy-segments DATA_DIR STAGE   segments cut at the snapshot, then STAGE/manifest.json
  verify BACKUP                  manifest sizes and sha256, catalog check, index within the segment files
  holders DATA_DIR               pids of processes that have DATA_DIR/central.sqlite3 open, one per line
  restore BACKUP DATA_DIR [--force] [--owner USER[:GROUP]]
"""

from __future__ import annotations

import argparse
import datetime as dt
import grp
import hashlib
import json
import os
import pwd
import re
import shutil
import socket
import sqlite3
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

FORMAT = "groove-central-backup/1"
CATALOG = "central.sqlite3"
KEY_FILE = "session-keys"
MANIFEST = "manifest.json"
SNAPSHOT_STATE = ".snapshot.json"
SEGMENT_KINDS = ("envelopes", "trajectories")
SEGMENT_NAME = re.compile(r"\d{4}-\d{2}-\d{2}\.\d{4}\.jsonl")
BLOCK = 1024 * 1024


class Failure(Exception):
    """A problem the operator must see; the message says what and where."""


def say(prefix: str, message: str) -> None:
    print(f"{prefix}: {message}", flush=True)


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- files -------------------------------------------------------------------------------------------------


def fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_dir(path: Path) -> None:
    path.mkdir(mode=0o700)
    os.chmod(path, 0o700)


def copy_prefix(source: Path, target: Path, length: int | None = None) -> tuple[int, str]:
    """Copy the first `length` bytes (all if None) of `source` to a new file `target` (0600), fsynced.

    Returns (bytes copied, sha256 of them); raises Failure if `source` is shorter than `length`.
    """
    digest = hashlib.sha256()
    copied = 0
    with open(source, "rb") as reader:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as writer:
            while length is None or copied < length:
                want = BLOCK if length is None else min(BLOCK, length - copied)
                block = reader.read(want)
                if not block:
                    break
                writer.write(block)
                digest.update(block)
                copied += len(block)
            writer.flush()
            os.fsync(writer.fileno())
    if length is not None and copied != length:
        raise Failure(f"{source} ended after {copied} bytes, {length} expected")
    return copied, digest.hexdigest()


def file_digest(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as reader:
        while block := reader.read(BLOCK):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()


def segment_names(directory: Path) -> list[str]:
    if not directory.is_dir():
        return []
    return sorted(name for name in os.listdir(directory) if SEGMENT_NAME.fullmatch(name))


def write_json(path: Path, value: Any) -> None:
    """Write JSON atomically (temp file, fsync, rename) with mode 0600."""
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as writer:
        json.dump(value, writer, indent=2, sort_keys=True)
        writer.write("\n")
        writer.flush()
        os.fsync(writer.fileno())
    os.replace(temporary, path)


# --- catalog -----------------------------------------------------------------------------------------------


def sqlite_uri(path: Path, **params: str) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"file:{urllib.parse.quote(str(path.resolve()))}?{query}"


def segment_ends(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """Per kind and segment file: the byte offset up to which the catalog holds what the file says."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'log_ends'").fetchone() is not None:
        ends: dict[str, dict[str, int]] = {kind: {} for kind in SEGMENT_KINDS}
        for log, segment, end in conn.execute("SELECT log, segment, end_offset FROM log_ends"):
            ends[str(log)][str(segment)] = int(end)
        return ends
    # A catalog of schema version 1: the end of the last record it indexes.
    envelopes = conn.execute(
        "SELECT segment, MAX(offset + length + 1) FROM envelopes GROUP BY segment"
    ).fetchall()
    trajectories = conn.execute(
        "SELECT trajectory_segment, MAX(trajectory_offset + trajectory_length + 1) FROM credits"
        " WHERE trajectory_segment IS NOT NULL GROUP BY trajectory_segment"
    ).fetchall()
    return {
        "envelopes": {str(name): int(end) for name, end in envelopes},
        "trajectories": {str(name): int(end) for name, end in trajectories},
    }


def catalog_counts(conn: sqlite3.Connection) -> dict[str, Any]:
    def one(sql: str) -> Any:
        return conn.execute(sql).fetchone()[0]

    return {
        "schema_version": one("SELECT value FROM meta WHERE key = 'schema_version'"),
        "sessions": one("SELECT COUNT(*) FROM sessions"),
        "open_sessions": one("SELECT COUNT(*) FROM sessions WHERE status = 'open'"),
        "envelopes": one("SELECT COUNT(*) FROM envelopes"),
        "credits": one("SELECT COUNT(*) FROM credits"),
        "pending_credits": one("SELECT COUNT(*) FROM pending_credits"),
        "points": round(float(one("SELECT COALESCE(SUM(points), 0) FROM credits")), 2),
    }


def quick_check(conn: sqlite3.Connection, where: Path) -> None:
    problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        raise Failure(f"{where} fails SQLite's quick_check: {'; '.join(problems[:5])}")


def hand_over(created: list[Path], owner_of: Path) -> None:
    """Give files SQLite created next to the live catalog (-wal, -shm) to the catalog's owner.

    A read-only connection to a WAL database whose server is stopped creates them; left owned by root they
    would stop the server (running as its own user) from opening its catalog.
    """
    if os.geteuid() != 0:
        return
    stat = owner_of.stat()
    for path in created:
        if path.exists():
            os.chown(path, stat.st_uid, stat.st_gid)
            os.chmod(path, 0o600)


def snapshot(data_dir: Path, stage: Path) -> None:
    source = data_dir / CATALOG
    if not source.is_file():
        raise Failure(f"{source} not found: {data_dir} is not a Central Command data dir")
    companions = [source.with_name(CATALOG + suffix) for suffix in ("-wal", "-shm")]
    absent = [path for path in companions if not path.exists()]
    keys = data_dir / KEY_FILE
    if keys.is_file():
        # Before the snapshot: every session open at the snapshot was opened before it, and its secret, once
        # in the key file, is in this copy (the server drops closed sessions' secrets from the file later).
        copy_prefix(keys, stage / KEY_FILE)
    target = stage / CATALOG
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    taken_at = utc_now()
    src = sqlite3.connect(sqlite_uri(source, mode="ro"), uri=True, timeout=30, isolation_level=None)
    try:
        dst = sqlite3.connect(target, isolation_level=None)
        try:
            # pages=-1: one step, so one read transaction on the source: a consistent snapshot, whatever
            # the server commits meanwhile (WAL readers do not block the writer, nor it them).
            src.backup(dst, pages=-1)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file; the server turns WAL on
            quick_check(dst, target)
            ends = segment_ends(dst)
            counts = catalog_counts(dst)
        finally:
            dst.close()
    finally:
        src.close()
        hand_over(absent, source)
    os.chmod(target, 0o600)
    fsync_path(target)
    fsync_path(stage)
    write_json(stage / SNAPSHOT_STATE, {"taken_at": taken_at, "ends": ends, "counts": counts})
    say(
        "backup",
        f"catalog snapshot taken at {taken_at}: {counts['envelopes']} envelopes indexed,"
        f" {counts['sessions']} sessions ({counts['open_sessions']} open), {counts['credits']} credits"
        f" ({counts['pending_credits']} pending)",
    )


def copy_segments(data_dir: Path, stage: Path) -> None:
    state_path = stage / SNAPSHOT_STATE
    state = json.loads(state_path.read_text(encoding="utf-8"))
    segments: dict[str, dict[str, int]] = {}
    files: list[dict[str, Any]] = []
    for kind in SEGMENT_KINDS:
        source_dir = data_dir / kind
        target_dir = stage / kind
        make_dir(target_dir)
        ends: dict[str, int] = state["ends"][kind]
        names = segment_names(source_dir)
        missing = sorted(set(ends) - set(names))
        if missing:
            raise Failure(
                f"{source_dir}: the snapshot indexes files that are not there: {', '.join(missing)}"
            )
        for name in names:
            source = source_dir / name
            size = source.stat().st_size
            keep = ends.get(name, 0)
            relative = f"{kind}/{name}"
            segments[relative] = {"source_bytes": size, "kept_bytes": keep, "cut_bytes": size - keep}
            if keep == 0:
                say("backup", f"{relative}: {size} bytes, none indexed by the snapshot; not copied")
                continue
            if size < keep:
                raise Failure(
                    f"{source} has {size} bytes but the snapshot indexes {keep}: segment files are append-only,"
                    " so something other than the server changed the data dir"
                )
            copied, digest = copy_prefix(source, target_dir / name, keep)
            if not _ends_with_newline(target_dir / name):
                raise Failure(f"{source}: the snapshot's end {keep} is not at the end of a record")
            files.append({"path": relative, "bytes": copied, "sha256": digest})
            cut = f" (cut {size - keep} bytes written after the snapshot)" if size > keep else ""
            say("backup", f"{relative}: {copied} bytes{cut}")
        fsync_path(target_dir)
    for name in (KEY_FILE, CATALOG):
        if (stage / name).exists():
            size, digest = file_digest(stage / name)
            files.insert(0, {"path": name, "bytes": size, "sha256": digest})
    manifest = {
        "format": FORMAT,
        "created_at": utc_now(),
        "source": {"host": socket.gethostname(), "data_dir": str(data_dir.resolve())},
        "snapshot": {"taken_at": state["taken_at"], **state["counts"]},
        "segments": segments,
        "files": files,
    }
    write_json(stage / MANIFEST, manifest)
    state_path.unlink()
    fsync_path(stage)
    total = sum(int(f["bytes"]) for f in files)
    say("backup", f"{MANIFEST} written: {len(files)} files, {total} bytes, with sha256 of each")


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as reader:
        reader.seek(-1, os.SEEK_END)
        return reader.read(1) == b"\n"


# --- verify ------------------------------------------------------------------------------------------------


def load_manifest(backup: Path) -> dict[str, Any]:
    path = backup / MANIFEST
    if not path.is_file():
        raise Failure(f"{path} not found: {backup} is not a complete backup")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Failure(f"{path} is not valid JSON ({exc}): the backup is damaged") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise Failure(f"{path}: not a {FORMAT} manifest")
    files = manifest.get("files")
    if not isinstance(files, list) or not files:
        raise Failure(f"{path}: no file list")
    for entry in files:
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("path"), str)
            and isinstance(entry.get("bytes"), int)
            and isinstance(entry.get("sha256"), str)
        ):
            raise Failure(f"{path}: malformed file entry {entry!r}")
        if not _allowed_path(entry["path"]):
            raise Failure(
                f"{path}: unexpected path {entry['path']!r} (only the catalog, the key file and segment files)"
            )
    if CATALOG not in {entry["path"] for entry in files}:
        raise Failure(f"{path}: the catalog {CATALOG} is not listed")
    return manifest


def _allowed_path(relative: str) -> bool:
    if relative in (CATALOG, KEY_FILE):
        return True
    kind, _, name = relative.partition("/")
    return kind in SEGMENT_KINDS and SEGMENT_NAME.fullmatch(name) is not None


def backup_files(backup: Path) -> Iterator[str]:
    for root, _dirs, names in os.walk(backup):
        for name in names:
            relative = os.path.relpath(os.path.join(root, name), backup)
            if relative != MANIFEST:
                yield relative


def verify(backup: Path) -> dict[str, Any]:
    if not backup.is_dir():
        raise Failure(f"backup {backup} does not exist")
    manifest = load_manifest(backup)
    listed = {entry["path"]: entry for entry in manifest["files"]}
    unexpected = sorted(set(backup_files(backup)) - set(listed))
    if unexpected:
        raise Failure(f"{backup}: files not in the manifest: {', '.join(unexpected)}")
    for relative, entry in listed.items():
        path = backup / relative
        if not path.is_file():
            raise Failure(f"{path} is listed in the manifest but missing")
        size, digest = file_digest(path)
        if size != entry["bytes"]:
            raise Failure(f"{path}: {size} bytes, the manifest says {entry['bytes']}")
        if digest != entry["sha256"]:
            raise Failure(f"{path}: sha256 {digest} does not match the manifest's {entry['sha256']}")
    _check_catalog(backup, listed)
    snap = manifest.get("snapshot", {})
    total = sum(entry["bytes"] for entry in listed.values())
    say(
        "restore",
        f"verified {backup}: {len(listed)} files, {total} bytes, sha256 as in the manifest; snapshot taken at"
        f" {snap.get('taken_at')} with {snap.get('envelopes')} envelopes and {snap.get('credits')} credits",
    )
    return manifest


def _check_catalog(backup: Path, listed: dict[str, dict[str, Any]]) -> None:
    """The catalog is sound and indexes nothing past the end of the segment files the backup holds."""
    path = backup / CATALOG
    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro", immutable="1"), uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise Failure(f"{path} cannot be opened by SQLite: {exc}") from exc
    try:
        quick_check(conn, path)
        ends = segment_ends(conn)
    except sqlite3.Error as exc:
        raise Failure(f"{path} is not a readable Central Command catalog: {exc}") from exc
    finally:
        conn.close()
    for kind, per_segment in ends.items():
        for name, end in per_segment.items():
            entry = listed.get(f"{kind}/{name}")
            if entry is None:
                raise Failure(f"{path} indexes {kind}/{name}, which the backup does not hold")
            if entry["bytes"] < end:
                raise Failure(f"{path} indexes {kind}/{name} up to byte {end}; the file has {entry['bytes']}")


# --- restore -----------------------------------------------------------------------------------------------


def holders(data_dir: Path) -> list[int]:
    """Processes (visible to us) with the catalog, or its -wal/-shm, open: a server on this data dir."""
    watched = {str((data_dir / (CATALOG + suffix)).resolve()) for suffix in ("", "-wal", "-shm")}
    found = []
    for pid in (int(entry) for entry in os.listdir("/proc") if entry.isdigit()):
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(f"/proc/{pid}/fd/{fd}") in watched:
                    found.append(pid)
                    break
            except OSError:
                continue
    return sorted(set(found) - {os.getpid()})


def owner_ids(spec: str | None, data_dir: Path) -> tuple[int, int] | None:
    """uid and gid the restored files get: --owner USER[:GROUP], else the data dir's owner (as root only)."""
    if spec:
        user, _, group = spec.partition(":")
        try:
            entry = pwd.getpwnam(user)
            gid = grp.getgrnam(group).gr_gid if group else entry.pw_gid
        except KeyError as exc:
            raise Failure(f"--owner {spec}: no such user or group") from exc
        return entry.pw_uid, gid
    if os.geteuid() == 0 and data_dir.exists():
        stat = data_dir.stat()
        return stat.st_uid, stat.st_gid
    return None


def restore(backup: Path, data_dir: Path, *, force: bool, owner: str | None) -> None:
    manifest = verify(backup)
    if data_dir.exists() and not data_dir.is_dir():
        raise Failure(f"{data_dir} exists and is not a directory")
    busy = holders(data_dir) if data_dir.is_dir() else []
    if busy:
        raise Failure(
            f"{data_dir}/{CATALOG} is open in process {', '.join(map(str, busy))}: stop the server first"
            " (systemctl stop groove-central)"
        )
    ids = owner_ids(owner, data_dir)
    if data_dir.is_dir():
        present = sorted(os.listdir(data_dir))
        if present and not force:
            raise Failure(
                f"{data_dir} is not empty ({', '.join(present[:5])}{', ...' if len(present) > 5 else ''});"
                " restore into an empty data dir, or pass --force to move its contents aside first"
            )
        if present:
            _move_aside(data_dir, present)
    else:
        data_dir.mkdir(mode=0o700, parents=True)
        say("restore", f"created {data_dir}")
    os.chmod(data_dir, 0o700)
    stage = data_dir / f".restore-{os.getpid()}"
    make_dir(stage)
    try:
        _stage_files(backup, manifest, stage, ids)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    if ids is not None:
        os.chown(data_dir, *ids)
    for name in (CATALOG, KEY_FILE, *SEGMENT_KINDS):
        if (stage / name).exists():
            os.rename(stage / name, data_dir / name)
    stage.rmdir()
    fsync_path(data_dir)
    owner_note = f", owned by uid {ids[0]} gid {ids[1]}" if ids is not None else ""
    say("restore", f"restored into {data_dir}{owner_note}")


def _stage_files(backup: Path, manifest: dict[str, Any], stage: Path, ids: tuple[int, int] | None) -> None:
    """Copy every listed file into `stage`, checking each copy against the manifest as it is written."""
    for kind in SEGMENT_KINDS:
        make_dir(stage / kind)
    for entry in manifest["files"]:
        relative = entry["path"]
        size, digest = copy_prefix(backup / relative, stage / relative)
        if (size, digest) != (entry["bytes"], entry["sha256"]):
            raise Failure(f"{backup / relative} changed while it was restored (sha256 {digest}); try again")
        say("restore", f"{relative}: {size} bytes, sha256 ok")
    for kind in SEGMENT_KINDS:
        fsync_path(stage / kind)
    if ids is not None:
        for root, dirs, names in os.walk(stage):
            for name in [*dirs, *names]:
                os.chown(os.path.join(root, name), *ids)
        os.chown(stage, *ids)


def _move_aside(data_dir: Path, present: list[str]) -> None:
    """Move what the data dir holds into a sibling directory (or, across file systems, a hidden one inside)."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = data_dir.parent / f"{data_dir.name}.replaced-{stamp}"
    if os.stat(data_dir.parent).st_dev != os.stat(data_dir).st_dev:
        aside = data_dir / f".replaced-{stamp}"
    make_dir(aside)
    for name in present:
        os.rename(data_dir / name, aside / name)
    fsync_path(aside)
    fsync_path(data_dir)
    say("restore", f"--force: moved the previous contents of {data_dir} to {aside}")


# --- command line ------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="groove_backup.py", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("snapshot", "copy-segments"):
        step = commands.add_parser(name)
        step.add_argument("data_dir", type=Path)
        step.add_argument("stage", type=Path)
    commands.add_parser("verify").add_argument("backup", type=Path)
    commands.add_parser("holders").add_argument("data_dir", type=Path)
    back = commands.add_parser("restore")
    back.add_argument("backup", type=Path)
    back.add_argument("data_dir", type=Path)
    back.add_argument("--force", action="store_true")
    back.add_argument("--owner", default=None)
    args = parser.parse_args(argv)
    os.umask(0o077)
    prefix = "restore" if args.command in ("verify", "restore", "holders") else "backup"
    try:
        if args.command == "snapshot":
            snapshot(args.data_dir, args.stage)
        elif args.command == "copy-segments":
            copy_segments(args.data_dir, args.stage)
        elif args.command == "verify":
            verify(args.backup)
        elif args.command == "holders":
            for pid in holders(args.data_dir):
                print(pid)
        else:
            restore(args.backup, args.data_dir, force=args.force, owner=args.owner)
    except Failure as exc:
        print(f"{prefix}: error: {exc}", file=sys.stderr)
        return 1
    except (OSError, sqlite3.Error) as exc:
        print(f"{prefix}: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
