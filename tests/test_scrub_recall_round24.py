"""The classes the twenty-fourth held-back part's misses showed, after its blind measurement: the name under a W-2's,
a 1099's or a 1040's name label, a user:secret pair after `-u` on a command continued from the line before, a
superuser made from a server's CLI (PocketBase's `superuser upsert`, `mosquitto_passwd -b`), Strapi's `APP_KEYS` list;
beside the look-alikes that stay (OpenTravel's `EchoToken`, a placeholder after a superuser's address, a curl flag's
user alone). Every value is generated here."""

from __future__ import annotations

import random
import string
import uuid

import pytest

from tests.support.scrubbing import deliveries, pick, scrubbed

RNG = random.Random(20261224)
ALNUM = string.ascii_letters + string.digits
WRAPS = deliveries("2026-12-05T01:24")


def _password() -> str:
    return pick(RNG, ALNUM, 9) + RNG.choice("!#%") + str(RNG.randrange(10, 99))


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_the_name_under_a_tax_form_s_name_label_goes(wrap: str) -> None:
    text = (
        "c  Employer's name, address, and ZIP code\nHarbour Payroll LLC\n"
        "e  Employee's first name and initial    Last name\nLudmila Vasquez\n"
        "RECIPIENT'S name\nGiulietta Oyelaran\n"
        "Your first name and middle initial    Last name\nTobias Brennan\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for name in ("Ludmila Vasquez", "Giulietta Oyelaran", "Tobias Brennan"):
        assert name not in out
    assert "Harbour Payroll LLC" in out


@pytest.mark.parametrize("wrap", ["plain", "diff", "numbered"])
def test_a_user_and_secret_after_u_on_a_continued_command_go(wrap: str) -> None:
    token_id = str(uuid.UUID(int=RNG.getrandbits(128)))
    secret = pick(RNG, ALNUM + "+/", 75)
    text = (
        "curl https://api.mux.com/video/v1/assets -X POST \\\n"
        f"    -u {token_id}:{secret} \\\n"
        '    -d \'{"playback_policy": ["public"]}\'\n'
        "docker run -u 1000:1000 alpine id\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert secret not in out
    assert token_id in out and "-u 1000:1000" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_a_superuser_made_from_a_server_s_cli_loses_its_password(wrap: str) -> None:
    upsert, created, mosquitto = _password(), _password(), _password()
    text = (
        f"$ ./pocketbase superuser upsert evander@copperline-sorrel.nl '{upsert}'\n"
        f"$ ./pocketbase admin create ops@acme-labs.io {created}\n"
        f"$ mosquitto_passwd -b /etc/mosquitto/passwd sensor01 {mosquitto}\n"
        "$ ./pocketbase superuser upsert admin@acme-labs.io <password>\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for value in (upsert, created, mosquitto):
        assert value not in out
    assert "<password>" in out and "sensor01" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_strapi_s_app_keys_go_and_an_echo_token_stays(wrap: str) -> None:
    keys = [pick(RNG, ALNUM + "+", 22) + "==" for _ in range(2)]
    echo = str(uuid.UUID(int=RNG.getrandbits(128)))
    text = (
        f"APP_KEYS={keys[0]},{keys[1]}\n"
        f"STAGING_APP_KEYS={keys[1][::-1]},toBeModified2\n"
        f'<OTA_HotelResNotifRQ xmlns="http://www.opentravel.org/OTA/2003/05" EchoToken="{echo}" Version="1.0">\n'
    )
    out = scrubbed(WRAPS[wrap](text))
    assert keys[0] not in out and keys[1] not in out and keys[1][::-1] not in out
    assert echo in out and out.count("toBeModified2") == 1
