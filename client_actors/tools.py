"""Local commands that neither capture nor send: parse a stream, scrub text, show the spool."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO

import attrs
import orjson

from client_actors.scrub import RULESET_VERSION, scrub_texts

if TYPE_CHECKING:
    from client_actors.parsers.model import ParsedStep

# The parsers are imported where they are used: `scrub` starts a process per run and needs none of them.

SPOOL_DIR = "spool"
DELIVERY_FILE = "delivery.json"


def step_record(step: ParsedStep) -> dict[str, Any]:
    from client_actors.parsers.model import thaw_json

    record = attrs.asdict(step, recurse=False)
    record["arguments"] = thaw_json(step.arguments) if step.arguments is not None else None
    return {k: v for k, v in record.items() if v is not None}


def parse_command(provider: str, path: Path, source: BinaryIO) -> int:
    """Print the steps of `source` as JSON lines; 1 (said in one line) if it gives none, else 0."""
    with source:
        try:
            data = source.read()
        except OSError as exc:
            print(f"groove-capture parse: cannot read {path}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    from client_actors.parsers import parse_file_text

    text = data.replace(b"\r\n", b"\n").decode("utf-8", errors="replace")
    steps = parse_file_text(provider, text)
    for step in steps:
        sys.stdout.write(_json_line(step_record(step)))
    if not steps:
        say_no_steps("parse", provider, path, text)
        return 1
    return 0


def _json_line(record: dict[str, Any]) -> str:
    try:
        line = json.dumps(record, ensure_ascii=False)
        line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (from an escape in the input): keep it as an escape
        line = json.dumps(record)
    return line + "\n"


def say_no_steps(command: str, provider: str, path: Path, text: str) -> None:
    """Say in one line that `text` (the input, or its start) gave no steps as `provider`, and why.

    An input with nothing in it says so; otherwise the line names the provider the input reads as, if any.
    """
    if not text.strip():
        say_nothing_in(command, path, empty=not text)
        return
    guess = guess_provider(text, besides=provider)
    hint = f"; it reads as a {guess[0]} stream ({guess[1]} steps): try --provider {guess[0]}" if guess else ""
    print(f"groove-capture {command}: no steps found in {path} as a {provider} stream{hint}", file=sys.stderr)


def say_nothing_in(command: str, path: Path, *, empty: bool) -> None:
    what = "is empty" if empty else "holds only whitespace"
    print(f"groove-capture {command}: nothing to {command}: {path} {what}", file=sys.stderr)


def guess_provider(text: str, *, besides: str) -> tuple[str, int] | None:
    """The other provider whose parser finds the most steps in `text`, and how many; None if none finds any."""
    from client_actors.parsers import PROVIDERS, parse_file_text

    counts = [(len(parse_file_text(other, text)), other) for other in sorted(PROVIDERS) if other != besides]
    steps, best = max(counts)
    return (best, steps) if steps else None


SCRUB_BATCH_LINES = 512  # records scrubbed together: short records cost one pass of the rules per batch


def scrub_command(source: IO[bytes], sink: IO[bytes]) -> int:
    """Scrub the `text` field of each JSON line; other fields pass unchanged.

    A line that is not a JSON object with a string `text` is skipped, said on stderr with its number; returns
    1 if any was, else 0. Records are read and scrubbed a batch at a time (`scrub_texts`), in order.
    """
    bad = 0
    batch: list[tuple[dict[str, Any], bool]] = []
    for number, line in enumerate(source, 1):
        if not line.strip():
            continue
        record, fast, problem = _scrub_record(line)
        if record is None:
            bad += 1
            print(f"groove-capture scrub: line {number} skipped: {problem}", file=sys.stderr)
            continue
        batch.append((record, fast))
        if len(batch) >= SCRUB_BATCH_LINES:
            _write_scrubbed(batch, sink)
            batch = []
    _write_scrubbed(batch, sink)
    sink.flush()
    return 1 if bad else 0


def _scrub_record(line: bytes) -> tuple[dict[str, Any] | None, bool, str]:
    """The line's record, whether orjson read it (and so can write it back), or None and why not."""
    fast = True
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:  # lone surrogate escapes, NaN, bytes that are not UTF-8, deep nesting
        fast = False
        try:
            record = json.loads(line.decode("utf-8", errors="replace"))
        except (ValueError, RecursionError):
            return None, False, "not a JSON object"
    if not isinstance(record, dict):
        return None, False, "not a JSON object"
    if "text" not in record:
        return None, False, 'no "text" field'
    if not isinstance(record["text"], str):
        return None, False, '"text" is not a string'
    return record, fast, ""


def _write_scrubbed(batch: list[tuple[dict[str, Any], bool]], sink: IO[bytes]) -> None:
    texts, _ = scrub_texts([record["text"] for record, _ in batch])
    for (record, fast), text in zip(batch, texts, strict=True):
        record["text"] = text
        record.setdefault("scrub_ruleset", RULESET_VERSION)
        # What orjson read it writes back; what only the standard library read (a lone surrogate escape, NaN)
        # goes back the way it came.
        sink.write(
            orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE) if fast else _json_line(record).encode()
        )


SHOWN_REFUSALS = 10


def status_command(home: Path) -> int:
    from client_actors.spool import Spool

    root = home / SPOOL_DIR
    spool = Spool(root) if root.exists() else None
    status = spool.status() if spool is not None else None
    print(f"spool: {root}")
    if spool is None or status is None:
        print("  empty (nothing captured yet)")
    else:
        print(f"  {status.sessions} session(s), {status.envelopes} envelope(s) waiting, {status.bytes} bytes")
        if status.unaddressed:
            print(f"  {status.unaddressed} session(s) record no server: `groove-capture flush --server URL`")
        print(f"  quarantined (refused by the server, kept for inspection): {status.quarantined}")
        refusals = spool.quarantined()
        for name, reason in refusals[:SHOWN_REFUSALS]:
            print(f"    {name}: {reason}")
        if len(refusals) > SHOWN_REFUSALS:
            print(f"    and {len(refusals) - SHOWN_REFUSALS} more (in {root / 'quarantine'})")
        if refusals:
            print("    `groove-capture retry` sends them again (after the server or the client was upgraded)")
        if status.damaged:
            print(f"  damaged files set aside (could not be read): {status.damaged}, in {root / 'damaged'}")
    delivery = read_delivery(home)
    for line in delivery_lines(delivery):
        print(line)
    if delivery.get("dropped_lines"):
        print(
            f"lines of agent output that could not be captured: {delivery['dropped_lines']}, the last at"
            f" {_when(delivery.get('last_drop_at') or 0)}: {delivery.get('last_drop_reason')}"
        )
    return 0


def delivery_lines(delivery: dict[str, Any]) -> list[str]:
    """The last delivery that got envelopes through, and after it, if one did, the last attempt that failed.

    Written by client_actors/runner.py `record_delivery`; a file of an earlier version gives only the time.
    """
    last, failed = delivery.get("last_delivery"), delivery.get("last_failure")
    last_at = _at(last) or _at({"at": delivery.get("last_delivery_at")})
    if not last_at:
        lines = ["last delivery: never"]
    elif isinstance(last, dict) and last.get("server"):
        lines = [f"last delivery: {_when(last_at)} to {last['server']},"
                 f" {last.get('envelopes')} envelope(s) acknowledged"]  # fmt: skip
    else:
        lines = [f"last delivery: {_when(last_at)}"]
    failed_at = _at(failed)
    if isinstance(failed, dict) and failed_at and failed_at >= (last_at or 0):
        reason = failed.get("reason") or "no error recorded; the wait for delivery ran out first"
        lines.append(f"last failed delivery: {_when(failed_at)} to {failed.get('server')}: {reason}"
                     " (what it did not deliver waits in the spool)")  # fmt: skip
    return lines


def _at(record: object) -> float | None:
    at = record.get("at") if isinstance(record, dict) else None
    return float(at) if isinstance(at, int | float) and at > 0 else None


def retry_command(home: Path, session_id: str | None) -> int:
    """Give quarantined envelopes back to their sessions; the next `flush` or run sends them."""
    from client_actors.spool import Spool

    root = home / SPOOL_DIR
    moved = Spool(root).requeue(session_id) if root.exists() else 0
    which = f" of {session_id}" if session_id else ""
    print(f"retry: {moved} quarantined envelope(s){which} queued again; `groove-capture flush` sends them")
    return 0


def _when(timestamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(timestamp))


def read_delivery(home: Path) -> dict[str, Any]:
    path = home / DELIVERY_FILE
    try:
        document: dict[str, Any] = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return document
