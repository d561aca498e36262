"""The classes the twenty-third held-back part's misses showed, after its blind measurement: what security tools
print of what they cracked (hydra's, nmap's brute scripts', hashcat's potfile and `--show`, Metasploit's `creds`),
vendors' formats (ElevenLabs, Paddle, a DigitalOcean database's password), a keystore's `storepass`, isync's `Pass`
and an app password in msmtp's configuration, a Terraform state's random password, Mollie's `consumerName`; beside
the look-alikes that stay (a shadow file's fields, Adyen's published test cards, a stand-in's name in a demo row, Argo
CD's reference to another Secret, a repository Secret's `type` and plain `url`, a command substitution in quotes).
Every value is generated here."""

from __future__ import annotations

import json
import random
import string
import uuid

import pytest

from tests.support.scrubbing import deliveries, pick, scrubbed

RNG = random.Random(20261223)
ALNUM = string.ascii_letters + string.digits
HEX = "0123456789abcdef"
CRYPT = "./" + ALNUM
WRAPS = deliveries("2026-12-05T01:40")


def _password() -> str:
    return pick(RNG, ALNUM, 10) + RNG.choice("!#%^*") + str(RNG.randrange(10, 99))


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_what_security_tools_cracked_goes(wrap: str) -> None:
    hydra, nmap, plain, private = _password(), _password(), _password(), _password()
    bcrypt = "$2y$10$" + pick(RNG, CRYPT, 53)
    shadow = "$6$" + pick(RNG, CRYPT, 16) + "$" + pick(RNG, CRYPT, 86)
    text = (
        f"[3306][mysql] host: target   login: backup   password: {hydra}\n"
        "| http-brute:\n|   Accounts:\n"
        f"|     manager:{nmap} - Valid credentials\n"
        "$ hashcat -m 3200 --show hashes.txt\n"
        f"{bcrypt}:{plain}\n"
        "host           origin         service          public         private            realm  private_type\n"
        "----           ------         -------          ------         -------            -----  ------------\n"
        f"192.0.2.232  192.0.2.232  445/tcp (smb)  svc_sql  {private}  CORP  Password\n"
        "\n"
        f"siobhan:{shadow}:19481:0:99999:7:::\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for value in (hydra, nmap, plain, private, bcrypt, shadow):
        assert value not in out
    assert ":19481:0:99999:7:::" in out and "svc_sql" in out and "login: backup" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_vendor_formats_go(wrap: str) -> None:
    eleven = "sk_" + pick(RNG, HEX, 48)
    paddle = (
        "pdl_live_apikey_"
        + pick(RNG, string.ascii_lowercase + string.digits, 26)
        + "_"
        + pick(RNG, ALNUM, 22)
        + "_"
        + pick(RNG, ALNUM, 3)
    )
    database = "AVNS_" + pick(RNG, ALNUM, 20)
    text = (
        f'XI_KEY="{eleven}"\n'
        f"const paddle = new Paddle('{paddle}', {{ environment: Environment.production }});\n"
        f"db-pg-fra1-31139.b.db.ondigitalocean.com    25060    doadmin    {database}\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for value in (eleven, paddle, database):
        assert value not in out
    assert "doadmin" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_mail_and_keystore_passwords_in_their_own_syntax_go(wrap: str) -> None:
    storepass = pick(RNG, ALNUM, 12)
    memorable = f"marble.willow{RNG.randrange(1000, 9999)}"
    app = " ".join(pick(RNG, string.ascii_lowercase, 4) for _ in range(4))
    text = (
        f"https.port = 8443\nkeystore.storepass = {storepass}\ndatabase = postgres\n"
        f"IMAPAccount personal\nHost imap.emberlyne.eu\nPass {memorable}\nSSLType IMAPS\n"
        f"account gmail\nhost smtp.gmail.com\npassword       {app}\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for value in (storepass, memorable, app):
        assert value not in out
    assert "SSLType IMAPS" in out and "database = postgres" in out


@pytest.mark.parametrize("wrap", ["plain", "numbered", "diff"])
def test_a_terraform_state_s_random_password_goes(wrap: str) -> None:
    result = pick(RNG, ALNUM + "<>()[]%#_", 32)
    state = {
        "version": 4,
        "resources": [
            {
                "mode": "managed",
                "type": "random_password",
                "name": "redis",
                "instances": [{"attributes": {"length": 32, "special": True, "result": result}}],
            }
        ],
    }
    out = scrubbed(WRAPS[wrap](json.dumps(state, indent=2)))
    assert result not in out
    assert '"special": true' in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_payment_records_lose_their_payer_and_keep_test_cards(wrap: str) -> None:
    text = (
        '{"method": "ideal", "details": {"consumerName": "Zacharias Castellano", "consumerAccount": "NL91"},\n'
        ' "paymentMethod": {"type": "scheme", "number": "4111 1111 4555 1142", "expiryMonth": "03"}}\n'
        "mrn,full_name,ssn,dob,clinic\n"
        "3132361,Jane Doe,,1970-01-01,demo\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert "Zacharias Castellano" not in out
    assert "4111 1111 4555 1142" in out and "3132361,Jane Doe," in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_references_and_descriptions_in_a_secret_stay(wrap: str) -> None:
    key = pick(RNG, ALNUM + "+/", 44)
    text = (
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: argocd-secret\nstringData:\n"
        f"  server.secretkey: {key}\n"
        "  webhook.github.secret: $webhook-github-secret\n"
        "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: repo-fleet\nstringData:\n"
        "  type: git\n  url: git@github.com:acme-labs/fleet.git\n"
        'set imap_pass = "`pass show mail/cobaltmere.app`"\n'
    )
    out = scrubbed(WRAPS[wrap](text))
    assert key not in out
    assert "$webhook-github-secret" in out and "type: git" in out
    assert "git@github.com:acme-labs/fleet.git" in out and "`pass show mail/cobaltmere.app`" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_a_scanner_s_author_and_a_mail_client_s_identity_lose_their_names(wrap: str) -> None:
    finding = {
        "Commit": pick(RNG, HEX, 40),
        "Entropy": 4.3,
        "Author": "Anneliese Grimaldi",
        "Email": "grimaldi.a@harrowfield.health",
    }
    package = {"name": "left-pad", "author": "Dorothea Hargreaves", "license": "MIT"}
    text = (
        json.dumps(finding, indent=2)
        + "\n"
        + json.dumps(package, indent=2)
        + "\n"
        + 'user_pref("mail.identity.id1.fullName", "Leopold Delacroix");\n'
        + 'user_pref("mail.identity.id1.useremail", "delacroix.l@quillmark.io");\n'
    )
    out = scrubbed(WRAPS[wrap](text))
    assert "Anneliese Grimaldi" not in out and "Leopold Delacroix" not in out
    assert "Dorothea Hargreaves" in out  # a package's public attribution


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_sauce_labs_access_keys_and_an_hmac_key_id_go(wrap: str) -> None:
    sauce = str(uuid.UUID(int=RNG.getrandbits(128)))
    config = str(uuid.UUID(int=RNG.getrandbits(128)))
    other = str(uuid.UUID(int=RNG.getrandbits(128)))
    key_id, secret = pick(RNG, HEX, 32), pick(RNG, HEX, 48)
    text = (
        f"$ sc run -u cyarborough -k {sauce} --region eu-central --tunnel-name ci-8358\n"
        f"exports.config = {{\n  user: process.env.SAUCE_USERNAME,\n  key: '{config}',\n}};\n"
        f'{{"cos_hmac_keys": {{"access_key_id": "{key_id}", "secret_access_key": "{secret}"}}}}\n'
    )
    out = scrubbed(WRAPS[wrap](text))
    for value in (sauce, config, key_id, secret):
        assert value not in out
    unrelated = f"request_id: '{other}'\nkey: '{other}'\n"
    assert scrubbed(WRAPS[wrap](unrelated)) == WRAPS[wrap](unrelated)
