"""The classes the thirty-eighth held-back part's misses showed, after its blind measurement: The Things Network's API
keys, LoRaWAN's root keys (`nwkKey`, a dotted flag's `--root-keys.app-key.key`), a clinician's name, MISMO's SSN under
its typed identifier element; beside what stays (an age public key in a transcript line, MISMO's `MISMOVersionID`, a
feed generator's version). Every value is generated here."""

from __future__ import annotations

import random
import string

import pytest

from tests.support.scrubbing import deliveries, pick, scrubbed

RNG = random.Random(20261238)
HEX = "0123456789abcdef"
BASE32 = string.ascii_uppercase + "234567"
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
WRAPS = deliveries("2026-12-05T06:25")


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_network_keys_clinicians_and_typed_ssns_go(wrap: str) -> None:
    ttn = f"NNSXS.{pick(RNG, BASE32, 39)}.{pick(RNG, BASE32, 52)}"
    nwk, root = pick(RNG, HEX, 32), pick(RNG, HEX, 32).upper()
    ssn = f"{RNG.randrange(100, 665)}{RNG.randrange(10, 99)}{RNG.randrange(1000, 9999)}"
    text = (
        f'{{"id": "{pick(RNG, BASE32, 39)}", "key": "{ttn}"}}\n'
        f'{{"deviceKeys": {{"devEui": "bf1403fbba89dec0", "nwkKey": "{nwk}"}}}}\n'
        f"ttn-lw-cli end-devices create farm valve-1 --dev-eui 70B3D57ED0054E40 --root-keys.app-key.key {root}\n"
        '{"client": {"first_name": "Emeline", "age": 7}, "clinician_name": "Perrin Yarrowby"}\n'
        '<MESSAGE MISMOVersionID="3.4.0.32">\n'
        "<TaxpayerIdentifierType>SocialSecurityNumber</TaxpayerIdentifierType>\n"
        f"<TaxpayerIdentifierValue>{ssn}</TaxpayerIdentifierValue>\n"
        "<generator>podgen 2.3.0.4</generator>\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for value in (ttn, nwk, root, "Perrin Yarrowby", ssn):
        assert value not in out
    assert "3.4.0.32" in out and "podgen 2.3.0.4" in out


def test_an_age_public_key_stays_in_a_transcript_line() -> None:
    key = "age1" + pick(RNG, BECH32, 58)
    out = scrubbed(WRAPS["transcript"](f"$ age-keygen -o ops/whitelist.key\nPublic key: {key}\n"))
    assert key in out
