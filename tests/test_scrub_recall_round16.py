"""The classes the sixteenth held-back part's misses and lost spans showed, after its blind measurement: a secret
a command prints on the next line (`aws configure get`, `pass show`, WireGuard's key commands), a password flag
spelt `--pw`, Argon2 hashes in base64url, a password under a section's name (`Smtp:Password = ...`) or among a
deploy's parameter overrides, people's names in psql's expanded records and in iCalendar invitations, the API keys
a Serverless deploy lists; and what must stay: a stored secret's name (`gcloud secrets ... --secret=NAME`), a NATS
public key, the names of an example's vCard and invitation. Every value is generated here."""

from __future__ import annotations

import base64
import random
import string

import pytest

from tests.support.scrubbing import each_line, scrubbed, transcript_line
from tests.test_scrub_nats import public_key

RNG = random.Random(20261216)
ALNUM = string.ascii_letters + string.digits
WRAPS = {
    "plain": lambda text: text,
    "numbered": each_line(lambda n: f"{n:6d}\u2192"),
    "ci": each_line(lambda n: f"2026-12-16T09:22:{n:02d}.0554625Z "),
    "transcript": transcript_line,
}


def _pick(alphabet: str, n: int) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


def _aws_secret() -> str:
    return _pick(ALNUM + "/+", 40)


def _wireguard_key() -> str:
    raw = bytearray(RNG.randbytes(32))
    raw[0] &= 248
    raw[31] = (raw[31] & 127) | 64
    return base64.b64encode(bytes(raw)).decode()


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_what_a_command_prints_on_the_next_line_goes(wrap: str) -> None:
    secret, stored, private, public = _aws_secret(), _pick(ALNUM, 28), _wireguard_key(), _wireguard_key()
    text = (
        "$ aws configure get aws_secret_access_key --profile backup\n"
        f"{secret}\n"
        "$ aws configure get region\n"
        "eu-west-1\n"
        "$ pass show infra/smtp-relay\n"
        f"{stored}\n"
        "login: relay\n"
        "$ sudo cat /etc/wireguard/privatekey /etc/wireguard/publickey\n"
        f"{private}\n"
        f"{public}\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert secret not in out and stored not in out and private not in out
    assert public in out and "eu-west-1" in out and "login: relay" in out


def test_wireguard_s_own_commands_print_the_private_key_or_the_public_one() -> None:
    private, public = _wireguard_key(), _wireguard_key()
    for command in ("wg genkey", "wg genkey | tee /etc/wireguard/privatekey", "wg show wg0 private-key"):
        assert private not in scrubbed(f"$ {command}\n{private}\n"), command
    for command in (
        "wg genkey | tee privatekey | wg pubkey",  # the public key is what comes out
        "wg show wg0 public-key",
        "cat /etc/wireguard/publickey",
        "cat notes.txt /etc/wireguard/privatekey",  # the first line printed is the notes'
    ):
        text = f"$ {command}\n{public}\n"
        assert scrubbed(text) == text, command


def test_a_password_store_s_one_time_password_uri_keeps_all_but_its_secret() -> None:
    seed = _pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 32)
    out = scrubbed(
        "$ pass show totp/registry\n"
        f"otpauth://totp/Registry:bot?secret={seed}&issuer=Registry&algorithm=SHA1&digits=6&period=30\n"
    )
    assert seed not in out and "&issuer=Registry&algorithm=SHA1&digits=6&period=30" in out


def test_flags_hashes_sections_and_overrides() -> None:
    password, memorable = _pick(ALNUM, 24), "ember.juniper" + str(RNG.randrange(100, 999))
    salt = base64.urlsafe_b64encode(RNG.randbytes(16)).decode().rstrip("=")
    digest = base64.urlsafe_b64encode(RNG.randbytes(32)).decode().rstrip("=")
    argon = f"$argon2id$v=19$m=65536,t=3,p=4${salt}${digest}"
    text = (
        f"$ mosquitto_pub -h broker.internal -u sensor-gw --pw {password} -t plant/line3 -m 21.7\n"
        f"backup:{argon}:20061:0:99999:7:::\n"
        "$ dotnet user-secrets list\n"
        f"Smtp:Password = {memorable}\n"
        "Smtp:Host = smtp.relay.net\n"
        f"$ sam deploy --parameter-overrides DbPassword={memorable}x Stage=prod --capabilities CAPABILITY_IAM\n"
    )
    out = scrubbed(text)
    for value in (password, salt, digest, memorable):
        assert value not in out
    assert "Smtp:Host = smtp.relay.net" in out and "Stage=prod --capabilities" in out


def test_code_s_attribute_chains_stay_beside_them() -> None:
    text = "token = config.oauth2Token\nSmtp:Password = settings.smtp_password\n"
    assert scrubbed(text) == text


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_people_in_expanded_records_and_invitations_go(wrap: str) -> None:
    text = (
        "orders=> \\x\nExpanded display is on.\n"
        "orders=> SELECT id, full_name, first_name, last_name, plan FROM customers WHERE id = 95534;\n"
        "-[ RECORD 1 ]----------------------------\n"
        "id         | 95534\n"
        "full_name  | Joaquin Kowalczyk\n"
        "first_name | Ilse\n"
        "last_name  | Szymanski\n"
        "plan       | Team Plus\n"
        "\n"
        "BEGIN:VEVENT\n"
        "ORGANIZER;CN=Bartholomew Castellanos:mailto:bcastellanos@orbital-mail.co.uk\n"
        "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Dana Fairbairn:mailto:dana.f@kestrel-health.io\n"
        "ATTENDEE;CUTYPE=ROOM;CN=Boardroom:mailto:boardroom@kestrel-health.io\n"
        "END:VEVENT\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for name in ("Joaquin Kowalczyk", "Ilse", "Szymanski", "Bartholomew Castellanos", "Dana Fairbairn"):
        assert name not in out
    assert "Team Plus" in out and "CN=Boardroom" in out


def test_an_example_s_invitation_and_card_stay() -> None:
    text = (
        "BEGIN:VEVENT\nORGANIZER;CN=Jane Doe:mailto:jane.doe@example.com\n"
        "ATTENDEE;CN=Morgan Avery;RSVP=TRUE:mailto:morgan@example.org\nEND:VEVENT\n"
        "BEGIN:VCARD\nVERSION:4.0\nFN:Jane Doe\nN:Doe;Jane;;;\nEMAIL;TYPE=work:jane.doe@example.com\nEND:VCARD\n"
    )
    assert scrubbed(text) == text


def test_the_api_keys_a_serverless_deploy_lists_go_their_names_stay() -> None:
    keys = [_pick(ALNUM, 40) for _ in range(2)]
    text = (
        "\u2714 Service deployed to stack beacon-api-prod (112s)\n\napi keys:\n"
        f"  partner-south: {keys[0]}\n  partner-east: {keys[1]}\n"
        "endpoints:\n  POST - https://abc123.execute-api.eu-west-1.amazonaws.com/prod/orders\n"
    )
    for wrap in WRAPS.values():
        out = scrubbed(wrap(text))
        assert not any(key in out for key in keys)
        assert "partner-south: [REDACTED:api-key]" in out and "/prod/orders" in out


def test_a_stored_secret_s_name_and_a_nats_public_key_stay() -> None:
    nkey = public_key("user")
    text = (
        "$ gcloud secrets versions access latest --secret=databricks-token --project=sprocket-prod\n"
        f"             NKEY: {nkey}\n"
    )
    assert scrubbed(text) == text
    value = _pick(ALNUM, 20)
    out = scrubbed(f"$ gcloud secrets create db --data-file=- ; secret={value}\n")
    assert value not in out  # another command's pair after the first one ends
    forged = "U" + _pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 55)  # its checksum does not hold
    assert forged not in scrubbed(f"NKEY: {forged}\n")


def test_a_redis_command_s_key_stays_a_value_after_a_name_goes() -> None:
    text = "198.51.100.50:6379> GET auth:access:73957\n198.51.100.50:6379> TTL auth:access:73957\n(integer) 3542\n"
    assert scrubbed(text) == text
    value = _pick(ALNUM, 20)
    for written in (f"auth:{value}\n", f"then get auth: {value}\n"):
        assert value not in scrubbed(written), written
