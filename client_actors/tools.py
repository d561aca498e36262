"""Local commands that neither capture nor send: parse a stream, scrub text, show the spool."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import IO, Any

import attrs

from client_actors.parsers import PROVIDERS, parse_file_text
from client_actors.parsers.model import ParsedStep, thaw_json
from client_actors.scrub import RULESET_VERSION, scrub_text

SPOOL_DIR = "spool"
DELIVERY_FILE = "delivery.json"


def step_record(step: ParsedStep) -> dict[str, Any]:
    record = attrs.asdict(step, recurse=False)
    record["arguments"] = thaw_json(step.arguments) if step.arguments is not None else None
    return {k: v for k, v in record.items() if v is not None}


def parse_command(provider: str, path: Path) -> int:
    try:
        text = path.read_text("utf-8", errors="replace")
    except OSError as exc:
        print(f"groove-capture parse: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return 1
    steps = parse_file_text(provider, text)
    for step in steps:
        record = step_record(step)
        try:
            line = json.dumps(record, ensure_ascii=False)
            line.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate (from an escape in the stream): keep it as an escape
            line = json.dumps(record)
        sys.stdout.write(line + "\n")
    if not steps:
        warn_if_no_steps("parse", provider, path, text)
    return 0


def warn_if_no_steps(command: str, provider: str, path: Path, text: str) -> bool:
    """Say so when a file that is not empty gives no steps as `provider`, and which provider it looks like."""
    if not text.strip():
        return False
    guess = guess_provider(text, besides=provider)
    hint = f"; it reads as a {guess[0]} stream ({guess[1]} steps): try --provider {guess[0]}" if guess else ""
    print(f"groove-capture {command}: no steps found in {path} as a {provider} stream{hint}", file=sys.stderr)
    return True


def guess_provider(text: str, *, besides: str) -> tuple[str, int] | None:
    """The other provider whose parser finds the most steps in `text`, and how many; None if none finds any."""
    counts = [(len(parse_file_text(other, text)), other) for other in sorted(PROVIDERS) if other != besides]
    steps, best = max(counts)
    return (best, steps) if steps else None


def scrub_command(source: IO[str], sink: IO[str]) -> int:
    """Scrub the `text` field of each JSON line; other fields pass unchanged. Bad lines are reported, skipped."""
    bad = 0
    for number, line in enumerate(source, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            if not isinstance(text, str):
                raise TypeError("text is not a string")
        except (ValueError, KeyError, TypeError) as exc:
            bad += 1
            print(f"groove-capture scrub: line {number} skipped: {exc}", file=sys.stderr)
            continue
        record["text"] = scrub_text(text).text
        record.setdefault("scrub_ruleset", RULESET_VERSION)
        sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 1 if bad else 0


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
    at = delivery.get("last_delivery_at")
    if isinstance(at, int | float) and at > 0:
        print(
            f"last delivery: {_when(at)} to {delivery.get('server')} ({delivery.get('delivered', 0)} envelope(s))"
        )
    else:
        print("last delivery: never")
    if delivery.get("last_error"):
        print(f"last error: {delivery['last_error']}")
    if delivery.get("dropped_lines"):
        print(
            f"lines of agent output that could not be captured: {delivery['dropped_lines']}, the last at"
            f" {_when(delivery.get('last_drop_at') or 0)}: {delivery.get('last_drop_reason')}"
        )
    return 0


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
