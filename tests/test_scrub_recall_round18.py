"""The classes the eighteenth held-back part's misses showed, after its blind measurement: network equipment's stored
passwords (Cisco's types 7, 8 and 9, Junos's `$9$`), WordPress's keys and salts, an interface's own address (a /30's
first included), the people in a call record's, a bank export's and an e-signature's columns and labels, a token
printed under the line that announces it; beside the look-alikes that stay (a cleared cookie under a cookie's name, a
firmware's four-part version). Every value is generated here."""

from __future__ import annotations

import random
import string

import pytest

from tests.support.scrubbing import deliveries, pick, scrubbed

RNG = random.Random(20261218)
ALNUM = string.ascii_letters + string.digits
CRYPT = "./" + string.digits + string.ascii_uppercase + string.ascii_lowercase
# What WordPress's generator draws its salts from: every printable character but quotes and the backslash.
SALT_CHARS = ALNUM + "!@#$%^&*()-_ []{}<>~`+=,.;:/?|"
WRAPS = deliveries("2026-05-11T08:41")


def _pick(alphabet: str, n: int) -> str:
    return pick(RNG, alphabet, n)


def _salt() -> str:
    """A WordPress salt with a blank, a bracket and a brace in it, as half of them have."""
    middle = _pick(SALT_CHARS, 58)
    return _pick(ALNUM, 2) + "{ " + middle[:20] + "]" + middle[20:] + "}"


def _type7() -> str:
    return f"{RNG.randrange(16):02d}" + _pick("0123456789ABCDEF", 2 * RNG.randrange(4, 12))


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_network_equipment_s_stored_passwords_go(wrap: str) -> None:
    type9 = f"$9${_pick(CRYPT, 14)}${_pick(CRYPT, 43)}"
    type8 = f"$8${_pick(CRYPT, 14)}${_pick(CRYPT, 43)}"
    type7, key7 = _type7(), _type7()
    junos = "$9$" + _pick(ALNUM + "./-", 26)
    text = (
        "hostname edge-sw2\n!\n"
        f"enable secret 9 {type9}\n"
        f"username netops privilege 15 secret 8 {type8}\n"
        f"username backup password 7 {type7}\n"
        f"tacacs-server host tacacs1 key 7 {key7}\n"
        f'set snmp community "{junos}" authorization read-only\n'
        "line vty 0 4\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for secret in (type9, type8, type7, key7, junos):
        assert secret not in out
    assert "username backup password 7 " in out and "line vty 0 4" in out


def test_what_only_looks_like_a_stored_password_stays() -> None:
    text = (
        "Retry the password 7 times before locking the account.\n"
        "The console key 7 0x12 maps to F7.\n"
        "It costs $9$ a seat, or $8 a month.\n"
        f"commit {_pick('0123456789abcdef', 40)}\n"
    )
    assert scrubbed(text) == text


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_wordpress_keys_and_salts_go_whatever_they_hold(wrap: str) -> None:
    salts = {
        name: _salt() for name in ("AUTH_KEY", "SECURE_AUTH_KEY", "NONCE_KEY", "LOGGED_IN_SALT", "NONCE_SALT")
    }
    lines = [f"define( '{name}', '{value}' );" for name, value in salts.items()]
    text = "define( 'DB_HOST', 'localhost' );\n" + "\n".join(lines) + "\n$table_prefix = 'wp_';\n"
    out = scrubbed(WRAPS[wrap](text))
    assert not any(value in out for value in salts.values())
    assert "define( 'NONCE_SALT', '" in out and "$table_prefix = 'wp_';" in out


def test_a_bedrock_env_s_salts_go_and_the_sample_s_phrase_stays() -> None:
    salt = _pick(ALNUM + "!#%&()*+,-.:;<=>?@[]^_{|}~", 64)
    text = (
        f"AUTH_SALT='{salt}'\n"
        "define( 'LOGGED_IN_KEY', 'put your unique phrase here' );\n"
        "GOOGLE_AUTH_KEY_FILE=/etc/gcp/key.json\n"
    )
    out = scrubbed(text)
    assert salt not in out
    assert "'put your unique phrase here'" in out and "GOOGLE_AUTH_KEY_FILE=/etc/gcp/key.json" in out


def test_a_generated_value_with_symbols_goes_under_a_key_s_name() -> None:
    value = _pick(ALNUM, 20) + "#}%~[" + _pick(ALNUM + "!#%*<>?^{}[]", 20)
    text = f"signing_key = '{value}'\n"
    assert value not in scrubbed(text)
    kept = (
        "date_key = '%Y-%m-%d %H:%M:%S'\n"
        "divider_key = '=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-=-='\n"
        "sort_key = '%1$s-%2$s-%3$s-%4$s-%5$s-%6$s-%7$s-%8$s'\n"
    )
    assert scrubbed(kept) == kept


def test_a_cleared_cookie_under_a_cookie_s_name_stays_and_a_live_one_goes() -> None:
    live = _pick(ALNUM, 32)
    text = f"SESSION_COOKIE=session=deleted\nAUTH_COOKIE=sid={live}\n"
    out = scrubbed(text)
    assert "SESSION_COOKIE=session=deleted" in out and live not in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_an_interface_s_own_address_goes_and_a_network_or_a_firmware_s_version_stays(wrap: str) -> None:
    link = f"10.{RNG.randrange(1, 255)}.{RNG.randrange(1, 255)}.{4 * RNG.randrange(1, 60)}"
    host = f"192.168.{RNG.randrange(1, 255)}.{RNG.randrange(2, 250)}"
    text = (
        f"set interfaces ge-0/0/0 unit 0 family inet address {link}/30\n"
        f"set interfaces ge-0/0/1 unit 0 family inet address {host}/24\n"
        "set routing-options static route 10.20.0.0/16 next-hop 10.20.0.0\n"
        "set policy-options prefix-list lab 172.16.8.0/29\n"
        "set firewall filter edge term p2p from source-address 10.40.0.0/30\n"
        "# netmask 255.255.255.0, firmware 4.2.0.17, fw 3.1.22.7, kernel 5.10.0.21, BIOS 1.12.0.3\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert f"{link}/30" not in out and host not in out
    for kept in (
        "10.20.0.0/16",
        "172.16.8.0/29",
        "10.40.0.0/30",
        "firmware 4.2.0.17",
        "fw 3.1.22.7",
        "kernel 5.10.0.21",
    ):
        assert kept in out


FIRST = ["Solveig", "Lorenzo", "Ingrid", "Kwame", "Anselm", "Aurelie", "Dorian", "Tamsin"]
LAST = ["Lindqvist", "Quennell", "Delacroix", "Abernathy", "Kowalczyk", "Oyelaran", "Ibarra", "Marchetti"]


def _person() -> str:
    return f"{RNG.choice(FIRST)} {RNG.choice(LAST)}"


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_people_in_a_call_record_s_and_a_bank_export_s_columns_go(wrap: str) -> None:
    caller, counterparty, payee = _person(), _person(), _person()
    text = (
        "calldate,caller_name,caller_number,dst,disposition,billsec\n"
        f"2026-11-26 17:19:07,{caller},6001,6068,ANSWERED,194\n"
        "\n"
        "booking_date,description,amount,counterparty_name,payee_name,host_name\n"
        f"2026-10-25,SEPA transfer,-144.19,{counterparty},{payee},Build Server\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert caller not in out and counterparty not in out and payee not in out
    assert "Build Server" in out and "caller_name,caller_number" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_an_e_signature_s_signer_goes_beside_an_address(wrap: str) -> None:
    signer, witness = _person(), _person()
    local = signer.lower().replace(" ", ".")
    text = (
        "Envelope 1F13BFE9-E869-4A66-811C-7066FA284EC1 - Certificate of Completion\n"
        f"Signer: {signer} <{local}@corvane-legal.de>\n"
        f"Witness: {witness} <w{RNG.randrange(100, 999)}@hollowmere.co.uk>\n"
        "Signer: Jane Doe <jane.doe@example.com>\n"
        "Sender: noreply@tessaline.io\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert signer not in out and witness not in out
    assert "Signer: Jane Doe <jane.doe@example.com>" in out and "Certificate of Completion" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_a_token_under_the_line_that_announces_it_goes(wrap: str) -> None:
    particle, key = _pick("0123456789abcdef", 40), _pick(ALNUM, 36)
    text = (
        "$ particle token create --expires-in 7776000\n"
        "? Please enter your password: **********\n"
        "New access token expires on Mon Mar 15 2027\n"
        f"    {particle}\n"
        "Your API key (shown once):\n"
        f"{key}\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert particle not in out and key not in out
    assert "New access token expires on Mon Mar 15 2027" in out


def test_a_value_under_a_line_that_only_mentions_a_token_stays() -> None:
    text = (
        "The token is refreshed at startup; see the commit below\n"
        f"{_pick('0123456789abcdef', 40)}\n"
        "Your new token format:\n"
        "TokenLifetimeMinutes\n"
        "Your API key goes here:\n"
        "<your-api-key-here>\n"
    )
    assert scrubbed(text) == text
