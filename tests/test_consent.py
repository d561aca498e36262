"""Consent: versioned opt-in with history, revocation, and a private anonymous install id."""

from __future__ import annotations

import re
import stat
from pathlib import Path

from client_actors import consent


def test_opt_in_out_and_history(tmp_path: Path) -> None:
    assert not consent.is_opted_in(tmp_path)
    consent.opt_in(tmp_path, now=100.0)
    assert consent.is_opted_in(tmp_path)
    consent.opt_out(tmp_path, now=200.0)
    assert not consent.is_opted_in(tmp_path)
    consent.opt_in(tmp_path, now=300.0)
    history = consent.load_consent(tmp_path).history
    assert [(e.action, e.version, e.at) for e in history] == [
        ("opt_in", "1.0", 100.0),
        ("opt_out", "1.0", 200.0),
        ("opt_in", "1.0", 300.0),
    ]


def test_a_new_consent_version_asks_again(tmp_path: Path) -> None:
    state = consent.ConsentState().record("opt_in", version="0.9", at=1.0)
    consent.save_consent(tmp_path, state)
    assert not consent.is_opted_in(tmp_path)
    assert consent.load_consent(tmp_path).opted_in("0.9")


def test_install_id_is_stable_private_hex(tmp_path: Path) -> None:
    home = tmp_path / "home"
    consent.opt_in(home, now=1.0)
    first = consent.install_id(home)
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert consent.install_id(home) == first
    assert stat.S_IMODE((home / consent.INSTALL_ID_FILE).stat().st_mode) == 0o600
    assert stat.S_IMODE((home / consent.CONSENT_FILE).stat().st_mode) == 0o600
    assert stat.S_IMODE(home.stat().st_mode) == 0o700


def test_groove_home_follows_the_environment(tmp_path: Path) -> None:
    assert consent.groove_home({"GROOVE_HOME": str(tmp_path)}) == tmp_path
    assert consent.groove_home({}).name == ".groove"
