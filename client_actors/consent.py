"""Consent: opt-in with a consent version, its full history, revocation, and an anonymous install id.

Everything lives under GROOVE_HOME (default ~/.groove), owner-only. This module is the only part of the client
that runs before the person has opted in: it imports nothing that captures, and the capture modules are imported
only after `is_opted_in` says yes (see client_actors.cli).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

CONSENT_VERSION = "1.0"
CONSENT_FILE = "consent.json"
INSTALL_ID_FILE = "install_id"


_INSTALL_ID = re.compile(rb"[0-9a-f]{32}")


class ConsentDamaged(ValueError):
    """The consent file cannot be read: nobody can tell what the person agreed to."""


@attrs.frozen
class ConsentEvent:
    action: str  # "opt_in" | "opt_out"
    version: str
    at: float


@attrs.frozen
class ConsentState:
    history: tuple[ConsentEvent, ...] = ()

    @property
    def current(self) -> ConsentEvent | None:
        return self.history[-1] if self.history else None

    def opted_in(self, version: str = CONSENT_VERSION) -> bool:
        """Opted in to exactly this consent version: a new version asks again."""
        last = self.current
        return last is not None and last.action == "opt_in" and last.version == version

    def record(self, action: str, *, version: str = CONSENT_VERSION, at: float) -> ConsentState:
        return ConsentState((*self.history, ConsentEvent(action, version, at)))


def groove_home(environ: Mapping[str, str] = os.environ) -> Path:
    return Path(environ.get("GROOVE_HOME") or Path.home() / ".groove")


def _private_dir(home: Path) -> Path:
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(home, 0o700)
    return home


def write_private(path: Path, data: bytes) -> None:
    """Write a file owner-only (0600) and durably: temp file, fsync, rename, fsync the directory."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def load_consent(home: Path) -> ConsentState:
    """The consent history; raises ConsentDamaged if the file is there but not one this client wrote."""
    path = home / CONSENT_FILE
    if not path.exists():
        return ConsentState()
    try:
        document: dict[str, Any] = json.loads(path.read_text("utf-8"))
        history = tuple(ConsentEvent(**event) for event in document.get("history", []))
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise ConsentDamaged(f"{path} cannot be read ({exc})") from None
    return ConsentState(history)


def _fresh_if_damaged(home: Path) -> ConsentState:
    """The history to record a new choice on: a damaged file is moved aside (kept) and a new one begun."""
    try:
        return load_consent(home)
    except ConsentDamaged as exc:
        aside = home / f"{CONSENT_FILE}.damaged-{secrets.token_hex(4)}"
        os.replace(home / CONSENT_FILE, aside)
        print(
            f"groove-capture: {exc}; moved to {aside}, and this choice starts a new history", file=sys.stderr
        )
        return ConsentState()


def save_consent(home: Path, state: ConsentState) -> None:
    document = {
        "consent_version": CONSENT_VERSION,
        "opted_in": state.opted_in(),
        "history": [attrs.asdict(event) for event in state.history],
    }
    write_private(_private_dir(home) / CONSENT_FILE, json.dumps(document, indent=2).encode())


def is_opted_in(home: Path) -> bool:
    """Opted in to the current consent version; a damaged consent file means no (said once, on stderr)."""
    try:
        return load_consent(home).opted_in()
    except ConsentDamaged as exc:
        print(
            f"groove-capture: {exc}; capturing nothing until `groove-capture consent on` records consent again",
            file=sys.stderr,
        )
        return False


def opt_in(home: Path, *, now: float) -> ConsentState:
    state = _fresh_if_damaged(home).record("opt_in", at=now)
    save_consent(home, state)
    install_id(home)
    return state


def opt_out(home: Path, *, now: float) -> ConsentState:
    state = _fresh_if_damaged(home).record("opt_out", at=now)
    save_consent(home, state)
    return state


def install_id(home: Path) -> str:
    """The anonymous install id (32 hex), created once; it is the envelopes' contributor_id.

    A damaged id file (anything but 32 hex characters) is moved aside and a new id made.
    """
    path = _private_dir(home) / INSTALL_ID_FILE
    if path.exists():
        value = path.read_bytes().strip()
        if _INSTALL_ID.fullmatch(value):
            return value.decode("ascii")
        aside = path.with_name(f"{INSTALL_ID_FILE}.damaged-{secrets.token_hex(4)}")
        os.replace(path, aside)
        print(
            f"groove-capture: {path} held no install id; moved to {aside}, a new one is made", file=sys.stderr
        )
    value_text = secrets.token_hex(16)
    write_private(path, value_text.encode())
    return value_text
