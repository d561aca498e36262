"""The classes the twenty-seventh and twenty-eighth held-back parts' misses showed, after their blind measurement:
names in a podcast feed's namespaced `<itunes:name>`, in a GEDCOM file, beside an SSN, under ADP's `familyName1` and a
bus route's `driver_name`; an address in an authenticator's `otpauth://` label; Ably's keys, keytool's passwords on a
continued command, a JSON-escaped `dbpass`, a password of two words and a number in an ini file, WHMCS's
`cc_encryption_hash`, a setting's value given as an element's attributes, Genesys' client secret; beside the
look-alikes that stay (Stripe's publishable key, a version a command prints, a validator's and a node's public key,
`Token token=${...}`, a report's id of card-like digits, a role's `noreply-` address).
Every value is generated here."""

from __future__ import annotations

import json
import random
import string
import uuid

import pytest

from tests.support.scrubbing import deliveries, pick, scrubbed

RNG = random.Random(20261227)
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
WRAPS = deliveries("2026-12-05T02:01")


def _password() -> str:
    return pick(RNG, ALNUM, 10) + RNG.choice("!#%") + str(RNG.randrange(10, 99))


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_people_in_feeds_trees_and_payroll_records_lose_their_names(wrap: str) -> None:
    text = (
        "<itunes:owner>\n  <itunes:name>Rosalind Abernathy</itunes:name>\n"
        "  <itunes:email>rosalind.abernathy@holliwell.fm</itunes:email>\n</itunes:owner>\n"
        "0 HEAD\n1 GEDC\n2 VERS 5.5.1\n0 @SUBM1@ SUBM\n1 NAME Annika /Quiroga/\n"
        "**Name:** Obadiah Abernathy\n**SSN:** 604-80-9637\n"
        '{"legalName": {"givenName": "Henrike", "familyName1": "Crowhurst"}}\n'
        '{"route": "AM-37", "driver_name": "Kaito Szabo", "vehicle": "Bus 34"}\n'
        "otpauth://totp/Tidewater:philippa74@copperkiln.net?secret=2OZIFQ7L6MF4YAJ4N2W3X55SNTG4RG62&issuer=Tidewater\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for value in ("Rosalind Abernathy", "Annika /Quiroga/", "Obadiah Abernathy", "Crowhurst", "Kaito Szabo"):
        assert value not in out
    assert "philippa74@copperkiln.net" not in out and "issuer=Tidewater" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_keys_and_passwords_in_their_own_syntax_go(wrap: str) -> None:
    ably = pick(RNG, ALNUM, 6) + "." + pick(RNG, ALNUM, 6) + ":" + pick(RNG, ALNUM + "_-", 43)
    storepass, keypass, ini, hash_key, prop, genesys = (_password() for _ in range(6))
    memorable = f"Harbor.cinder{RNG.randrange(100, 999)}"
    text = (
        'import Ably from "ably";\n'
        f'const rest = new Ably.Rest({{ key: "{ably}" }});\n'
        "keytool -genkeypair -alias csms \\\n"
        f"    -keystore csms.p12 -storepass '{storepass}' -keypass '{keypass}' \\\n"
        "    -dname CN=csms\n"
        f"[surescripts]\nusername = rxgw45\npassword = {memorable}\n"
        f"$cc_encryption_hash = '{hash_key}';\n"
        f'<Property name="wt.pom.dbPassword" overridable="true" value="{prop}"/>\n'
        "client = ApiClient().get_client_credentials_token(\n"
        f"    '{uuid.UUID(int=RNG.getrandbits(128))}',\n"
        f"    '{genesys}',\n)\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for value in (ably, storepass, keypass, memorable, hash_key, prop, genesys):
        assert value not in out
    assert "-keystore csms.p12" in out and "username = rxgw45" in out
    escaped = json.dumps({"content": f'dbuser="webtrees"\ndbpass="{ini}"\n'})
    assert ini not in scrubbed(escaped)


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_what_is_public_or_an_example_s_stays(wrap: str) -> None:
    publishable = "pk_live_" + pick(RNG, ALNUM, 24)
    pubkey = "0x" + pick(RNG, HEX, 96)
    node_key = pick(RNG, ALNUM, 43) + "="
    text = (
        f"STRIPE_PUBLISHABLE_KEY={publishable}\n"
        f"VALIDATOR_PUBKEY={pubkey}\n"
        f'{{"pub_key": {{"type": "tendermint/PubKeyEd25519", "value": "{node_key}"}}}}\n'
        "$ cat firmware/VERSION\n6.7.3.239\n"
        "curl -H 'Authorization: Token token=${BUZZSPROUT_TOKEN}' https://www.buzzsprout.com/api/1/episodes.json\n"
        "<report_id>4028606003468560619</report_id>\n"
        "<email>noreply-dmarc-support@google.com</email>\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for value in (publishable, pubkey, node_key, "6.7.3.239", "${BUZZSPROUT_TOKEN}", "4028606003468560619"):
        assert value in out
    assert "noreply-dmarc-support@google.com" in out
