"""The classes the thirty-seventh held-back part's misses showed, after its blind measurement: a crew list's
`given_names` column, a GEDCOM file whose header names no `GEDC` (its individuals' records do), a Wi-Fi passphrase of
words as nmcli prints it, an ESPHome API's encryption key in base64 with its "/" (no path); beside what stays (a call
passing a variable named for a password, a property element's `ui.version`, GEDCOM's `VERS`, a generator's version
in JSON, `pass show` in a config with the config's next line). Every value is generated here."""

from __future__ import annotations

import base64
import random
import string

import pytest

from tests.support.scrubbing import deliveries, pick, scrubbed

RNG = random.Random(20261237)
WRAPS = deliveries("2026-12-05T06:35")


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_crews_families_and_keys_go(wrap: str) -> None:
    words = [pick(RNG, string.ascii_lowercase, 6) for _ in range(2)]
    passphrase = f"{words[0]} {words[1]} {RNG.randrange(10, 99)}"
    key = base64.b64encode(bytes(RNG.randrange(256) for _ in range(32))).decode()
    while "/" not in key or "+" not in key:
        key = base64.b64encode(bytes(RNG.randrange(256) for _ in range(32))).decode()
    text = (
        "no;family_name;given_names;rank;nationality\n"
        "1;Grabowski;Rosalind;Master;NO\n"
        "0 HEAD\n1 SOUR RootWeave\n2 VERS 4.14.4.64\n0 @I1@ INDI\n1 NAME Celeste /Brannigan/\n1 BIRT\n"
        "$ nmcli -s -g 802-11-wireless-security.psk connection show Forgeworks-Members\n"
        f"{passphrase}\n"
        "$ nmcli -g IP4.ADDRESS device show wlan0\n"
        f'api:\n  encryption:\n    key: "{key}"\n'
    )
    out = scrubbed(WRAPS[wrap](text))
    for value in ("Rosalind", "Grabowski", "Celeste /Brannigan/", passphrase, key):
        assert value not in out
    assert "VERS 4.14.4.64" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_variables_versions_and_config_lines_stay(wrap: str) -> None:
    text = (
        "backup = TosClient(host=BACKUP_HOST, user=BACKUP_USER, password=backup_password)\n"
        '  <property name="ui.version" value="9.11.4.81"/>\n'
        '  "generator": "formfill 5.7.5.146",\n'
        'PassCmd "pass show mail/work"\n'
        "AuthMechs XOAUTH2\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for kept in ("password=backup_password", "9.11.4.81", "formfill 5.7.5.146", "AuthMechs XOAUTH2"):
        assert kept in out
