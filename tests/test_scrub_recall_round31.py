"""The classes the thirty-first held-back part's misses showed, after its blind measurement: a name after the label a
line starts with (an on-call export's `Primary:`), a ruled table's column named in two words (`EMPLOYEE NAME`), a WHOIS
record whose registrar gives a documentation address, a quoted `name_on_card`; a domain's transfer code (`EPP code:`,
an `auth_code` column, `authCode`), `openssl enc -k` and `-K`, `sshpass -p` on a diff's added line, Firebase Cloud
Messaging's legacy server key, an OpenVPN shared key, a key under a REST key's name; beside the look-alikes that stay
(Drone's `from_secret:`, a team's name in a ruled table, an example's WHOIS record, a shell variable given to `-k`, a
status code). Every value is generated here."""

from __future__ import annotations

import random
import string
import uuid

import pytest

from tests.support.scrubbing import deliveries, pick, scrubbed

RNG = random.Random(20261231)
ALNUM = string.ascii_letters + string.digits
URLSAFE = ALNUM + "-_"
HEX = "0123456789abcdef"
WRAPS = deliveries("2026-12-05T04:10")


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_people_in_on_call_exports_rosters_whois_and_cards_lose_their_names(wrap: str) -> None:
    text = (
        "On-call export, Cardiology, week 49\n"
        "Primary:   Rosalind Castellanos <rcastellanos@tidewell.co>  pager via switchboard\n"
        "Backup:    see the float pool list\n"
        "EMPLOYEE NAME         EMAIL                               SHIFT\n"
        "--------------------  ----------------------------------  -----------\n"
        "Thaddeus Lindqvist    thaddeus.lindqvist@harborlight.io   19:00-07:30\n"
        "(open shift)          -                                   07:00-19:30\n"
        "\n"
        "TEAM NAME             EMAIL\n"
        "--------------------  ----------------------------------\n"
        "Platform Core         platform-core@harborlight.io\n"
        "\n"
        "Registrar Abuse Contact Email: abuse@example.com\n"
        "Registrant Name: Osvaldo Vandermeer\n"
        "Registrant Email: ovandermeer@tidewell.co\n"
        "\n"
        'card = {"number": "4242 4242 4242 4242", "name_on_card": "Annika Brightwater", "exp": "09/29"}\n'
    )
    out = scrubbed(WRAPS[wrap](text))
    for name in ("Rosalind Castellanos", "Thaddeus Lindqvist", "Osvaldo Vandermeer", "Annika Brightwater"):
        assert name not in out
    assert "Platform Core" in out and "(open shift)" in out and "abuse@example.com" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_an_examples_whois_record_keeps_its_name(wrap: str) -> None:
    text = (
        "Registrar Abuse Contact Email: abuse@example.com\n"
        "Registrant Name: Osvaldo Vandermeer\n"
        "Registrant Email: registrant@example.net\n"
    )
    assert "Osvaldo Vandermeer" in scrubbed(WRAPS[wrap](text))


def _fcm_server_key() -> str:
    return f"AAAA{pick(RNG, URLSAFE, 7)}:APA91b{pick(RNG, URLSAFE, 134)}"


def _openvpn_static_key() -> str:
    body = "\n".join(pick(RNG, HEX, 32) for _ in range(16))
    return f"-----BEGIN OpenVPN Static key V1-----\n{body}\n-----END OpenVPN Static key V1-----"


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_transfer_codes_cipher_passwords_and_vendor_keys_go(wrap: str) -> None:
    epp, column, camel = pick(RNG, ALNUM + "#%+", 14), pick(RNG, ALNUM, 13), pick(RNG, ALNUM, 12)
    passphrase, raw_key, sshpass = pick(RNG, ALNUM, 18), pick(RNG, HEX, 64), pick(RNG, ALNUM, 10) + "-3875"
    fcm, static_key, braze = (
        _fcm_server_key(),
        _openvpn_static_key(),
        str(uuid.UUID(int=RNG.getrandbits(128))),
    )
    text = (
        "$ namecheap domains get-epp-code northbeam.net\n"
        "Domain:    northbeam.net\n"
        f"EPP code:  {epp}\n"
        "domain,registrar,expires,auth_code,locked\n"
        f"northbeam.net,gandi,2027-05-02,{column},no\n"
        f'{{"domain": "northbeam.org", "authCode": "{camel}", "status_code": 200}}\n'
        f"openssl enc -aes-256-cbc -pbkdf2 -salt -k {passphrase} -in notes.tar -out notes.tar.enc\n"
        f"openssl aes-256-cbc -d -K {raw_key} -iv 00000000000000000000000000000000 -in a.enc\n"
        "openssl enc -d -aes-256-cbc -k $ARCHIVE_PASS -in notes.tar.enc\n"
        f"sshpass -p '{sshpass}' sftp -oBatchMode=no rosters@sftp.lmsvendor.example <<EOF\n"
        f"const FCM_SERVER_KEY = '{fcm}';\n"
        f"<tls-auth>\n{static_key}\n</tls-auth>\n"
        f'BRAZE_REST_KEY = "{braze}"\n'
        "    environment:\n"
        "      DOCKER_PASSWORD:\n"
        "        from_secret: docker_password\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for value in (
        epp,
        column,
        camel,
        passphrase,
        raw_key,
        sshpass,
        fcm,
        braze,
        *static_key.splitlines()[1:-1],
    ):
        assert value not in out
    assert "OpenVPN Static key V1" not in out
    assert "$ARCHIVE_PASS" in out and "from_secret: docker_password" in out
    assert '"status_code": 200' in out.replace('\\"', '"')
