"""The classes the fifth and sixth held-back parts' misses by class showed: an AWS STS session token longer than
a quoted value's limit, a password under a name with a version suffix (`ses_smtp_password_v4`), what `terraform
console` prints for a secret, Kaggle's `kaggle.json`, redis-cli's numbered field-and-value replies; and what must
stay: an ssh command's destination and jump host, a GitHub Actions expression after `Bearer`, a cookie holding a
page to return to. Each beside the look-alikes that must come out unchanged; every value is generated here.
"""

from __future__ import annotations

import base64
import random
import string

import pytest

from tests.support.scrubbing import scrubbed

RNG = random.Random(20261213)

ALNUM = string.ascii_letters + string.digits
HEX_DIGITS = "0123456789abcdef"
SYMBOLS = "!~%^*_.-"


def _pick(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _password(rng: random.Random) -> str:
    """Letters, digits and a symbol or two, as a generator makes them."""
    return _pick(rng, ALNUM, 9) + rng.choice(SYMBOLS) + _pick(rng, ALNUM + SYMBOLS, 8)


def _sts_token(rng: random.Random, head: bytes) -> str:
    """Base64 of a session token's fixed opening bytes and random ones, longer than 512 characters."""
    body = bytes(rng.randrange(256) for _ in range(600))
    return base64.b64encode(head + body).decode()


# The first bytes of STS session tokens, which fix the first characters of their base64.
STS_HEADS = (b"!\n\torigin_ec", b"\x17\n\x06er/aws\x10")


@pytest.mark.parametrize("head", STS_HEADS)
def test_a_long_sts_session_token_goes(head: bytes) -> None:
    token = _sts_token(RNG, head)
    text = f'{{\n    "Credentials": {{\n        "SessionToken": "{token}",\n        "Expiration": "2026-01-01"\n}}'
    out = scrubbed(text)
    assert token not in out
    assert '"Expiration": "2026-01-01"' in out


def test_base64_of_other_bytes_stays() -> None:
    blob = base64.b64encode(b"origin" + bytes(RNG.randrange(256) for _ in range(600))).decode()
    text = f'"certificate_body": "{blob}"'
    assert scrubbed(text) == text


@pytest.mark.parametrize("name", ["ses_smtp_password_v4", "DB_PASSWORD_V2", "api_token_v1"])
def test_a_versioned_secret_name_takes_its_value(name: str) -> None:
    value = _pick(RNG, ALNUM + "/+", 44)
    out = scrubbed(f'    "{name}": "{value}",\n    "status": "Active",')
    assert value not in out
    assert f'"{name}": "[REDACTED:' in out
    assert '"status": "Active"' in out


@pytest.mark.parametrize("line", ['"api_v2": "enabled",', "model_v3 = load()", '"schema_v1": "users"'])
def test_versioned_ordinary_names_stay(line: str) -> None:
    assert scrubbed(line) == line


def test_terraform_console_prints_a_password_that_goes() -> None:
    password = _password(RNG)
    secret = _pick(RNG, ALNUM + "/+", 40)
    text = (
        "$ terraform console\n"
        "> nonsensitive(random_password.admin.result)\n"
        f'"{password}"\n'
        "> aws_iam_access_key.ci.secret\n"
        f'"{secret}"\n'
        "> aws_iam_access_key.ci.id\n"
        '"ci-access"\n'
        "> var.environment\n"
        '"production"\n'
    )
    out = scrubbed(text)
    assert password not in out and secret not in out
    assert '"[REDACTED:password]"' in out
    assert '> aws_iam_access_key.ci.id\n"ci-access"\n> var.environment\n"production"\n' in out


def test_terraform_console_behind_line_numbers() -> None:
    password = _password(RNG)
    out = scrubbed(f'    64\t> nonsensitive(random_password.admin.result)\n    65\t"{password}"\n')
    assert password not in out


def test_a_console_expression_naming_no_secret_stays() -> None:
    text = '> nonsensitive(local.cluster_name)\n"orders-eu"\n> random_password.admin.length\n"24"\n'
    assert scrubbed(text) == text


def test_kaggle_json_key_goes() -> None:
    key = _pick(RNG, HEX_DIGITS, 32)
    text = f'$ cat ~/.kaggle/kaggle.json\n{{"username":"mlteam-{_pick(RNG, string.ascii_lowercase, 4)}","key":"{key}"}}'
    out = scrubbed(text)
    assert key not in out
    assert '"username":"mlteam-' in out


def test_kaggle_json_escaped_in_a_transcript() -> None:
    key = _pick(RNG, HEX_DIGITS, 32)
    text = f'{{"output":"$ cat kaggle/kaggle.json\\n{{\\"username\\":\\"ml\\",\\"key\\":\\"{key}\\"}}\\n"}}'
    assert key not in scrubbed(text)


def test_a_kaggle_like_record_without_hex_key_stays() -> None:
    text = 'kaggle datasets list\n{"username":"mlteam","key":"titanic-train"}'
    assert scrubbed(text) == text


def test_redis_hgetall_reply_loses_the_secret_field_value() -> None:
    api_key = _password(RNG) + _pick(RNG, ALNUM, 10)
    text = (
        "127.0.0.1:6379> HGETALL config:app\n"
        '1) "api_key"\n'
        f'2) "{api_key}"\n'
        '3) "region"\n'
        '4) "eu-west-1"\n'
        '5) "password"\n'
        '6) "changeme"\n'
    )
    out = scrubbed(text)
    assert api_key not in out
    assert '3) "region"\n4) "eu-west-1"\n5) "password"\n6) "changeme"\n' in out


def test_redis_replies_that_hold_no_secret_stay() -> None:
    text = (
        "127.0.0.1:6379> HGETALL user:42\n"
        '1) "name"\n2) "orders-worker"\n3) "token_count"\n4) "1200"\n'
        "127.0.0.1:6379> LRANGE queue 0 -1\n"
        '1) "job:1"\n2) "job:2"\n'
    )
    assert scrubbed(text) == text


@pytest.mark.parametrize(
    "command",
    [
        "ssh -J ec2-user@bastion.acme-corp.io deploy@db1.acme-corp.io uptime",
        "ssh ops@build01.acme-corp.io 'systemctl restart api'",
        "ssh -i ~/.ssh/id_ed25519 -p 2222 -J ops@jump.acme-corp.io admin@db2.acme-corp.io",
        "autossh -f -N tunnel@relay.acme-corp.io",
        "  ProxyJump ec2-user@bastion.acme-corp.io",
    ],
)
def test_an_ssh_destination_is_an_account_and_a_host(command: str) -> None:
    assert scrubbed(command) == command


@pytest.mark.parametrize(
    "text",
    [
        "ssh build01 'mail -s done {address}'",
        "ssh -t build01 notify {address}",
        "ssh-keygen -t ed25519 -C {address}",
        "ssh -o User={address} build01",
        "ask {address} about ssh access",
    ],
)
def test_an_address_elsewhere_on_an_ssh_line_goes(text: str) -> None:
    address = f"{_pick(RNG, string.ascii_lowercase, 6)}.{_pick(RNG, string.ascii_lowercase, 5)}@acme-corp.io"
    out = scrubbed(text.format(address=address))
    assert address not in out
    assert "[REDACTED:email]" in out


@pytest.mark.parametrize("expression", ["${{ secrets.API_TOKEN }}", "${{ steps.auth.outputs.token }}"])
def test_a_workflow_expression_after_bearer_stays(expression: str) -> None:
    text = f'  run: curl -H "Authorization: Bearer {expression}" https://api.acme-corp.io'
    assert scrubbed(text) == text


def test_a_bearer_token_beside_a_workflow_expression_goes() -> None:
    token = _pick(RNG, ALNUM, 36)
    text = (
        f'curl -H "Authorization: Bearer {token}" -H "X-Ref: ${{{{ github.sha }}}}" https://api.acme-corp.io'
    )
    out = scrubbed(text)
    assert token not in out
    assert "${{ github.sha }}" in out


def test_a_callback_url_cookie_stays_beside_a_session_cookie() -> None:
    session = _pick(RNG, ALNUM, 40)
    text = (
        f"Set-Cookie: next-auth.session-token={session}; Path=/; HttpOnly\n"
        "Set-Cookie: __Secure-next-auth.callback-url=https%3A%2F%2Fshop.acme-corp.io%2Fcart; Path=/; Secure\n"
    )
    out = scrubbed(text)
    assert session not in out
    assert "callback-url=https%3A%2F%2Fshop.acme-corp.io%2Fcart; Path=/" in out


def test_a_cookie_url_with_a_query_is_still_judged() -> None:
    session = _pick(RNG, ALNUM, 40)
    text = f"Set-Cookie: session=https%3A%2F%2Fshop.acme-corp.io%2F%3Fsid%3D{session}; Path=/"
    assert session not in scrubbed(text)


def _numbered_memorable(rng: random.Random) -> str:
    """A word and a number, a dot, two letters and a digit: `quartz576.gj3`."""
    word = rng.choice(("quartz", "harbor", "juniper", "falcon", "tulip"))
    tail = _pick(rng, string.ascii_lowercase, 2)
    return f"{word}{rng.randint(100, 999)}.{tail}{rng.randint(1, 9)}"


def test_a_jvm_password_property_on_a_command_line_goes() -> None:
    password = _numbered_memorable(RNG)
    text = (
        "app  2211  3.1  8.0 java -Dspring.datasource.username=app "
        f"-Dspring.datasource.password={password} -jar app-1.15.18.jar"
    )
    out = scrubbed(text)
    assert password not in out
    assert "-Dspring.datasource.username=app " in out and " -jar app-1.15.18.jar" in out


@pytest.mark.parametrize(
    "text",
    [
        "java -Dspring.datasource.password=config.db_pass -jar app.jar",
        "java -Dlog.level=debug.x -Dtoken.ttl=ttl30.s -jar app.jar",
        "token: release10.rc1",
    ],
)
def test_jvm_properties_and_dotted_values_that_are_no_password_stay(text: str) -> None:
    assert scrubbed(text) == text


def test_a_json_session_kept_as_a_string_loses_each_token() -> None:
    refresh = _pick(RNG, ALNUM, 22)
    access = _pick(RNG, ALNUM, 30)
    text = (
        '> JSON.stringify(localStorage)\n\'{"sb-acme-auth-token":"{\\"access_token\\":\\"'
        f'{access}\\",\\"token_type\\":\\"bearer\\",\\"refresh_token\\":\\"{refresh}\\"}}","theme":"dark"}}\''
    )
    out = scrubbed(text)
    assert refresh not in out and access not in out
    assert '\\"token_type\\":\\"bearer\\"' in out and '"theme":"dark"' in out


def test_a_percent_encoded_sts_token_in_a_presigned_url_goes_whole() -> None:
    token = _sts_token(RNG, STS_HEADS[0])
    encoded = token.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
    text = f"https://media.acme-corp.io/u/42.png?X-Amz-Security-Token={encoded}&X-Amz-Expires=3600"
    out = scrubbed(text)
    assert "X-Amz-Security-Token=[REDACTED:token]&X-Amz-Expires=3600" in out
