"""The classes the twenty-second held-back part's misses showed, after its blind measurement: a password manager's
exports (Bitwarden's and LastPass's CSV password columns, LastPass's secure notes' names, KeePass's XML fields, `bw
get password`), a password flag's dotted value and a glued flag name (`--cipassword`), a SCRAM password in Kafka's
bracketed list, an ini key of words (`SMTP Password = ...`), Splunk's `pass4SymmKey` and a Ruby hash's Authorization,
an app's salt; beside the look-alikes that stay (a CSV row's URL cell beside an address, a .NET publicKeyToken, a
firmware version behind a dot leader, Strapi's `tobemodified`). Every value is generated here."""

from __future__ import annotations

import random
import string
import uuid

import pytest

from tests.support.scrubbing import deliveries, pick, scrubbed

RNG = random.Random(20261222)
ALNUM = string.ascii_letters + string.digits
WORDS = [
    "lantern",
    "mango",
    "glacier",
    "violet",
    "sparrow",
    "thunder",
    "copper",
    "saffron",
    "cobalt",
    "pebble",
]
WRAPS = deliveries("2026-03-05T16:57")


def _pick(alphabet: str, n: int) -> str:
    return pick(RNG, alphabet, n)


def _memorable() -> str:
    return f"{RNG.choice(WORDS)}.{RNG.choice(WORDS)}{RNG.randrange(1000, 9999)}"


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_a_password_manager_s_exports_give_no_password(wrap: str) -> None:
    bitwarden, lastpass, keepass, printed = (
        _pick(ALNUM, 14) + "*!",
        _memorable(),
        _pick(ALNUM, 12) + "%",
        _memorable(),
    )
    holder = "Mateus Mensah"
    text = (
        "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n"
        f"Work,1,login,VPN,,,0,https://vpn.larkspur-robotics.co.uk,chloe@sable-robotics.fr,{bitwarden},\n"
        'Work,,note,Server notes,"Root password lives in the vault, not here",,0,,,,\n'
        "url,username,password,totp,extra,name,grouping,fav\n"
        f"https://vpn.juniper-systems.net,admin,{lastpass},,,VPN,Work,0\n"
        f'http://sn,,,,"NoteType:Credit Card\nName on Card:{holder}\nType:Visa",Visa,Finance,0\n'
        f'<String><Key>Password</Key><Value ProtectInMemory="True">{keepass}</Value></String>\n'
        "<String><Key>Title</Key><Value>vpn</Value></String>\n"
        '$ bw get password "Router admin"\n'
        f"{printed}\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for value in (bitwarden, lastpass, keepass, printed, holder):
        assert value not in out
    assert "vpn.larkspur-robotics.co.uk" in out and "<Value>vpn</Value>" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_passwords_in_commands_and_configs_go(wrap: str) -> None:
    docker, ci, scram = (
        _memorable(),
        "Sparrow.Thunder." + str(RNG.randrange(100, 999)),
        _pick(ALNUM, 10) + "+g8*",
    )
    smtp = f"Glacier.Violet.{RNG.randrange(100, 999)}"
    symm, salt = _pick(ALNUM, 12) + "^*q", _pick(string.ascii_lowercase + string.digits, 32)
    hec = str(uuid.UUID(int=RNG.getrandbits(128))).upper()
    text = (
        f"docker login registry.copperleaf.net -u ci-bot --password {docker}\n"
        f"root@pve01:~# qm set 1542 --ciuser ubuntu --cipassword '{ci}' --sshkeys ~/.ssh/id_ed25519.pub\n"
        f"kafka-configs --alter --add-config 'SCRAM-SHA-512=[iterations=8192,password={scram}]' --entity-type users\n"
        f"[Alert]\nSMTP Server = smtp.birch-robotics.com\nSMTP Password = {smtp}\nSMTP Security = TLS\n"
        f"[general]\npass4SymmKey = {symm}\n"
        f'headers => {{ "Authorization" => "Splunk {hec}" }}\n'
        f'  "FileSettings": {{\n    "PublicLinkSalt": "{salt}",\n    "DriverName": "local"\n  }}\n'
    )
    out = scrubbed(WRAPS[wrap](text))
    for value in (docker, ci, scram, smtp, symm, salt, hec):
        assert value not in out
    assert "SMTP Security = TLS" in out and "--entity-type users" in out


def test_what_only_looks_like_them_stays() -> None:
    text = (
        "SALT_ROUNDS=10\nsalt = os.urandom(16)\nsudo salt '*' test.ping\nAPI_TOKEN_SALT=tobemodified\n"
        '<component name="Microsoft-Windows-Shell-Setup" publicKeyToken="31bf3856ad364e35" language="neutral">\n'
        "Firmware Version ......... 1.10.0.5\n"
        "git push --bypass-hooks main\n"
    )
    assert scrubbed(text) == text


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_a_proxmox_token_s_secret_and_an_odbc_password_go(wrap: str) -> None:
    secret, password = str(uuid.UUID(int=RNG.getrandbits(128))), _pick(ALNUM, 10) + "^"
    text = (
        f"│ full-tokenid │ automation@pve!terraform │\n│ value        │ {secret} │\n"
        f'curl -s -H "Authorization: PVEAPIToken=automation@pve!terraform={secret}" https://pve01.lan:8006/api2/json\n'
        f"[IBMI_PROD]\nDriver=IBM i Access ODBC Driver\nUID=ODBCUSR\nPWD={password}\nDBQ=QGPL,PRODLIB\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert secret not in out and password not in out
    assert "PVEAPIToken=automation@pve!terraform=" in out.replace("\\", "") and "UID=ODBCUSR" in out


def test_a_shell_s_working_directory_beside_a_user_id_stays() -> None:
    text = "UID=1000\nPWD=/srv/app/current\nOLDPWD=/srv/app\n"
    assert scrubbed(text) == text


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_synology_s_bracketed_full_name_goes(wrap: str) -> None:
    login = _pick(string.ascii_lowercase, 7)
    text = (
        f"admin@ds920:~$ sudo synouser --get {login}\n"
        f"User Name   : [{login}]\n"
        "User Type   : [AUTH_LOCAL]\n"
        "Fullname    : [Amelia Petrov]\n"
        f"User Mail   : [{login}@juniper-studio.net]\n"
        "Primary Group : [users]\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert "Amelia Petrov" not in out
    assert f"User Name   : [{login}]" in out and "[AUTH_LOCAL]" in out and "[users]" in out


def test_an_address_book_with_quoted_header_cells_gives_its_names() -> None:
    text = (
        '"No.","Name","E-mail Address","Group"\n'
        '"1","Ethan Takahashi","ethan.t@zephyr-freight.com","Office"\n'
        '"2","Jonas Soto","jonas_soto@cobalt-systems.net","Office"\n'
    )
    for wrapped in (text, "".join(f"{n:6d}\t{line}\n" for n, line in enumerate(text.splitlines(), 1))):
        out = scrubbed(wrapped)
        assert "Ethan Takahashi" not in out and "Jonas Soto" not in out
        assert '"No.","Name","E-mail Address","Group"' in out and '"Office"' in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_a_data_frame_printed_by_to_markdown_gives_its_names(wrap: str) -> None:
    text = (
        "|    | first_name   | last_name   | email              |\n"
        "|---:|:-------------|:------------|:-------------------|\n"
        "|  0 | Marco        | Jensen      | mj@larkspur-labs.io |\n"
        "|  1 | Amelia       | Petrov      | ap@larkspur-labs.io |\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for name in ("Marco", "Jensen", "Amelia", "Petrov"):
        assert name not in out
    assert "| first_name   | last_name" in out and "|  1 |" in out
