"""Local commands that neither capture nor send: parse a stream, scrub text, show the spool."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import IO, Any

import attrs

from client_actors.parsers import parse_file_text
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
    for step in parse_file_text(provider, text):
        sys.stdout.write(json.dumps(step_record(step), ensure_ascii=False) + "\n")
    return 0


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


def status_command(home: Path) -> int:
    from client_actors.spool import Spool

    root = home / SPOOL_DIR
    status = Spool(root).status() if root.exists() else None
    print(f"spool: {root}")
    if status is None:
        print("  empty (nothing captured yet)")
    else:
        print(f"  {status.sessions} session(s), {status.envelopes} envelope(s) waiting, {status.bytes} bytes")
        print(f"  quarantined (refused by the server, kept for inspection): {status.quarantined}")
    delivery = read_delivery(home)
    if delivery:
        at = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(delivery.get("last_delivery_at", 0)))
        print(f"last delivery: {at} to {delivery.get('server')} ({delivery.get('delivered', 0)} envelope(s))")
        if delivery.get("last_error"):
            print(f"last error: {delivery['last_error']}")
    else:
        print("last delivery: never")
    return 0


def read_delivery(home: Path) -> dict[str, Any]:
    path = home / DELIVERY_FILE
    try:
        document: dict[str, Any] = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return document
