"""The classes the twentieth held-back part's misses showed, after its blind measurement: people in a table ruled
under its header and in an LDIF entry named by a user's id, a CSV row whose quoted cells hold commas, a Wi-Fi key
(NetworkManager's key file and `nmcli -g`, `netsh`'s Key Content), a bind password in two words and a number,
Agora's app certificate, an exchange's key beside its secret, Redshift's CREDENTIALS pairs, a service-account key
listing with a rule under its header; beside the look-alikes that stay (a name under a public key, a vendor-shaped
filler in several groups, WordPress's `password_here`, an example's customer object, AWS's documented keys in the
same pairs). Every value is generated here."""

from __future__ import annotations

import random
import string

import pytest

from tests.support.scrubbing import deliveries, pick, scrubbed

RNG = random.Random(20261220)
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
WORDS = [
    "falcon",
    "meadow",
    "lantern",
    "willow",
    "quill",
    "saffron",
    "kestrel",
    "harbor",
    "copper",
    "prairie",
]
FIRST = ["Kwame", "Elena", "Mei", "Amara", "Emma", "Tomas", "Ines"]
LAST = ["Patel", "Hoffmann", "Alvarez", "Okonkwo", "Lindqvist", "Brennan"]
WRAPS = deliveries("2026-11-18T00:43")


def _pick(alphabet: str, n: int) -> str:
    return pick(RNG, alphabet, n)


def _person() -> str:
    return f"{RNG.choice(FIRST)} {RNG.choice(LAST)}"


def _passphrase(joiner: str = " ") -> str:
    return joiner.join(RNG.sample(WORDS, 3)) + str(RNG.randrange(10, 99))


# A rule of box drawing inside a JSON transcript line is escaped (`\u2500`, six characters a column's one), so it no
# longer stands under its columns: a known limit, the one pair left out.
@pytest.mark.parametrize(
    ("wrap", "rule"),
    [
        (wrap, rule)
        for wrap in sorted(WRAPS)
        for rule in ("-", "\u2500")
        if (wrap, rule) != ("transcript", "\u2500")
    ],
)
def test_people_in_a_table_ruled_under_its_header_go(wrap: str, rule: str) -> None:
    first, second = _person(), _person()
    wide = max(len(first), len(second), 4) + 1
    rows = [
        f" {'ID':<19}{'NAME':<{wide}}{'EMAIL':<24}PHONE",
        f" {rule * 18} {rule * (wide - 1)} {rule * 23} {rule * 13}",
        *(
            f" 003{_pick(ALNUM, 15)} {n:<{wide}}{n.split()[0].lower()}@valenorth.io    +31 6 {_pick(string.digits, 7)}"
            for n in (first, second)
        ),
        "Total number of records retrieved: 2.",
    ]
    query = '$ sf data query --query "SELECT Id, Name, Email, Phone FROM Contact"\n'
    out = scrubbed(WRAPS[wrap](query + "\n".join(rows) + "\n"))
    assert first not in out and second not in out and "Total number of records retrieved: 2." in out


def test_a_ruled_table_s_other_names_stay() -> None:
    text = (
        "NAME           STATUS    OWNER\n"
        "-------------- --------- -----------------\n"
        "Build Server   running   ops@corvane.io\n"
        "api-gateway    stopped   ops@corvane.io\n"
    )
    out = scrubbed(text)
    assert "Build Server" in out and "api-gateway" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_an_ldif_entry_named_by_a_user_s_id_gives_a_person_s_cn(wrap: str) -> None:
    name = _person()
    uid = name.split()[0][0].lower() + name.split()[1].lower()
    text = (
        f'$ ldapsearch -x -b "ou=people,dc=deltaatlas,dc=io" "(uid={uid})" cn mail\n'
        f"dn: uid={uid},ou=people,dc=deltaatlas,dc=io\ncn: {name}\nmail: {uid}@mapleatlas.de\n\n"
        "dn: cn=Build Server,ou=hosts,dc=deltaatlas,dc=io\ncn: Build Server\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert name not in out and "cn: Build Server" in out


def test_a_csv_row_whose_quoted_cells_hold_commas_keeps_its_columns() -> None:
    name = _person()
    text = (
        "customer_id,name,email,phone,address,tax_id\n"
        f"{RNG.randrange(10**5, 10**6)},{name},{name.split()[0].lower()}@harbororbit.ch,+49 151 224097,"
        '"107 Harbour Road, Malmo",'
        f"{RNG.randrange(100, 666)} {RNG.randrange(10, 99)} {RNG.randrange(1000, 9999)}\n"
    )
    for wrap in WRAPS.values():
        out = scrubbed(wrap(text))
        assert name not in out and "107 Harbour Road, Malmo" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_a_wi_fi_key_goes_where_network_tools_keep_and_print_it(wrap: str) -> None:
    keyfile, printed, shown = _passphrase(), _passphrase("-"), _passphrase()
    text = (
        "[wifi]\nmode=infrastructure\nssid=Stone-5G\n\n[wifi-security]\nkey-mgmt=wpa-psk\n"
        f"psk={keyfile}\n\n[ipv4]\nmethod=auto\n"
        "$ nmcli -s -g 802-11-wireless-security.psk connection show 'Field-Guest'\n"
        f"{printed}\n"
        "    Security key           : Present\n"
        f"    Key Content            : {shown}\n"
        "    Cost                   : Unrestricted\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert keyfile not in out and printed not in out and shown not in out
    assert "connection show 'Field-Guest'" in out and "Cost                   : Unrestricted" in out


def test_a_shell_s_password_for_a_command_keeps_the_command() -> None:
    password = _pick(ALNUM, 14)
    out = scrubbed(f"PGPASSWORD={password} psql -h db.internal -U app\n")
    assert password not in out and "psql -h db.internal -U app" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_a_bind_password_an_app_certificate_and_an_exchange_s_key_go(wrap: str) -> None:
    bind = f"{RNG.choice(WORDS)}.{RNG.choice(WORDS)}{RNG.randrange(100, 999)}"
    certificate, key, secret = _pick(HEX, 32), _pick(HEX, 24), _pick(ALNUM, 32)
    text = (
        "connectors:\n- type: ldap\n  config:\n    bindDN: cn=dex,ou=services,dc=corp,dc=io\n"
        f"    bindPW: {bind}\n"
        f"AGORA_APP_ID={_pick(HEX, 32)}\nAGORA_APP_CERTIFICATE={certificate}\n"
        '    "exchange": {\n        "name": "kucoin",\n'
        f'        "key": "{key}",\n        "secret": "{secret}",\n'
    )
    out = scrubbed(WRAPS[wrap](text))
    for value in (bind, certificate, key, secret):
        assert value not in out
    assert "kucoin" in out


def test_a_key_in_hex_with_no_secret_beside_it_stays() -> None:
    text = f'"key": "{_pick(HEX, 24)}",\n"name": "cache-shard"\n'
    assert scrubbed(text) == text


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_redshift_s_credentials_pairs_go_but_aws_s_documented_ones(wrap: str) -> None:
    key_id = "AKIA" + _pick(string.ascii_uppercase + "234567", 16)
    secret = _pick(ALNUM + "/+", 40)
    example = "AKIA" + "IOSFODNN7" + "EXAMPLE"
    text = (
        "COPY events FROM 's3://tidemarble-exports/events/'\n"
        f"CREDENTIALS 'aws_access_key_id={key_id};aws_secret_access_key={secret}'\n"
        f"CREDENTIALS 'aws_access_key_id={example};aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCY"
        "EXAMPLEKEY'\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert key_id not in out and secret not in out
    assert example in out and "EXAMPLEKEY" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_a_key_listing_with_a_rule_under_its_header_gives_key_ids(wrap: str) -> None:
    ids = [_pick(HEX, 40) for _ in range(2)]
    text = (
        "$ gcloud iam service-accounts keys list --iam-account=publisher@orbitbirch.iam.gserviceaccount.com\n"
        " KEY_ID                                   CREATED_AT           EXPIRES_AT\n"
        " ---------------------------------------- -------------------- --------------------\n"
        + "".join(f" {i} 2026-03-26T08:44:14Z 9999-12-31T23:59:59Z\n" for i in ids)
    )
    out = scrubbed(WRAPS[wrap](text))
    assert not any(i in out for i in ids)


def test_what_the_policy_keeps_beside_them_stays() -> None:
    public = _pick(HEX, 64)
    spki = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + _pick(ALNUM + "+/", 60)
    text = (
        f"DISCORD_PUBLIC_KEY={public}\n"
        f"$ snow sql -q \"ALTER USER SVC_ETL SET RSA_PUBLIC_KEY='{spki}'\"\n"
        "SLACK_BOT_TOKEN=xoxb-xxxxxxxxxxxx-xxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx\n"
        "define( 'DB_PASSWORD', 'password_here' );\n"
        "# Sample data for template previews; never real customers.\n"
        '{\n  "customer": {\n    "name": "Jane Doe",\n    "email": "jane.doe@billing.example"\n  },\n'
        '  "payment": {"card": "4242424242424242"}\n}\n'
    )
    for wrap in WRAPS.values():
        wrapped = wrap(text)
        assert scrubbed(wrapped) == wrapped


def test_a_real_card_beside_the_billing_object_makes_its_name_a_person_s() -> None:
    name = _person()
    card = "4" + _pick(string.digits, 14)
    check = (
        10
        - sum(
            d if i % 2 else (2 * d if 2 * d < 10 else 2 * d - 9)
            for i, d in enumerate(int(c) for c in reversed(card))
        )
        % 10
    ) % 10
    card += str(check)
    text = (
        '{\n  "billing": {\n'
        f'    "name": "{name}",\n    "email": "rafael@example.org"\n  }},\n'
        f'  "card_number": "{card}"\n}}\n'
    )
    out = scrubbed(text)
    assert name not in out and card not in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_an_env_file_s_passphrase_goes_whole_and_a_command_s_words_stay(wrap: str) -> None:
    phrase = _passphrase()
    text = (
        f"MATCH_GIT_URL=https://git.example.com/certs.git\nMATCH_PASSWORD={phrase}\nMATCH_READONLY=true\n"
        "$ MYSQL_PWD=Zx81kLm2 mysql app\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert not any(word in out for word in phrase.split())
    assert "MATCH_READONLY=true" in out and " mysql app" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_what_a_version_query_prints_stays_and_an_address_after_a_word_goes(wrap: str) -> None:
    version = f"{RNG.randrange(20, 26)}.{RNG.randrange(1, 12)}.{RNG.randrange(1, 20)}.{RNG.randrange(10, 99)}"
    address = f"10.{RNG.randrange(1, 250)}.{RNG.randrange(1, 250)}.{RNG.randrange(2, 250)}"
    text = (
        'print(client.query("SELECT version()").result_rows)\n'
        f"# [('{version}',)]\n"
        "SELECT version()\n"
        f"host {address}\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert version in out
    assert address not in out
