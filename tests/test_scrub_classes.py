"""The kinds of secret agents print that need context to see, each beside the near misses that must survive.

Fakes are generated here, at test time, in each class's real format.
"""

from __future__ import annotations

import base64
import json
import random
import string

import pytest

from client_actors.scrub import scrub_text
from tests.scrubcorpus.second import CLASSES, build, measure_part

RNG = random.Random(20261203)


def rand(alphabet: str, n: int) -> str:
    return "".join(RNG.choice(alphabet) for _ in range(n))


def token(n: int = 32) -> str:
    return (
        rand(string.ascii_letters, 4)
        + rand(string.digits, 4)
        + rand(string.ascii_letters + string.digits, n - 8)
    )


def hexes(n: int) -> str:
    return rand("0123456789abcdef", n)


def gone(text: str, secret: str) -> str:
    scrubbed = scrub_text(text).text
    assert secret not in scrubbed, scrubbed
    assert "[REDACTED:" in scrubbed
    return scrubbed


def kept(text: str) -> None:
    assert scrub_text(text).text == text


def test_social_security_numbers_go_and_other_digit_groups_stay() -> None:
    number = f"{RNG.randrange(1, 666):03d}-{RNG.randrange(1, 100):02d}-{RNG.randrange(1, 10000):04d}"
    assert gone(f"SSN: {number}\n", number) == "SSN: [REDACTED:ssn]\n"
    gone(json.dumps({"name": "Jane Roe", "ssn": number}), number)
    for near in ("case 000-12-3456", "666-12-3456", "901-12-3456", "123-00-4567", "123-45-0000",
                 "ACME-123-45-6789", "order 123-45-678", "2024-05-14", "v2.14.3-45-g6789abc"):  # fmt: skip
        kept(near)


def test_signed_urls_lose_their_signatures_and_keep_their_other_parameters() -> None:
    signature = hexes(64)
    url = (
        "https://acme-exports.s3.amazonaws.com/r.csv?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600"
        f"&X-Amz-SignedHeaders=host&X-Amz-Signature={signature}"
    )
    scrubbed = gone(f"curl -o r.csv '{url}'\n", signature)
    assert "X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=[REDACTED:signature]" in scrubbed
    google = hexes(512)
    gone(f"https://storage.googleapis.com/b/o?X-Goog-Expires=900&X-Goog-Signature={google}", google)
    escaped = json.dumps({"content": f'u = "{url}"'})
    gone(escaped, signature)
    kept("https://acme-corp.io/search?q=retry+policy&page=2&sort=asc&per_page=50\n")
    kept("GET /api/items?limit=20&offset=40&include=tags&key=user-settings HTTP/1.1\n")


@pytest.mark.parametrize(
    "name", ["access_token", "token", "secret", "client_secret", "apikey", "sig", "password"]
)
def test_credentials_in_query_strings_go(name: str) -> None:
    value = token(40)
    scrubbed = gone(f"GET /v1/export?format=csv&{name}={value}&page=2 HTTP/1.1\n", value)
    assert scrubbed.endswith("&page=2 HTTP/1.1\n") and "format=csv" in scrubbed


def test_cookies_lose_session_values_and_keep_names_attributes_and_preferences() -> None:
    session = hexes(8) + token(24)
    assert (
        gone(f"< Set-Cookie: session={session}; Path=/; HttpOnly; Secure; SameSite=Lax\n", session)
        == "< Set-Cookie: session=[REDACTED:cookie]; Path=/; HttpOnly; Secure; SameSite=Lax\n"
    )
    assert (
        gone(f"> Cookie: sessionid={session}; theme=dark\n", session)
        == "> Cookie: sessionid=[REDACTED:cookie]; theme=dark\n"
    )
    gone(f"curl -b 'connect.sid=s%3A{session}' https://app.acme-corp.io/me\n", session)
    gone(json.dumps({"cookie": f"_app_sess={session}; logged_in=yes"}), session)
    kept("< Set-Cookie: theme=dark; Path=/; Max-Age=31536000; SameSite=Lax\n")
    kept("Cookie support: enabled. Cookies are cleared on logout.\n")


def test_kubernetes_secret_data_goes_whatever_its_keys_and_config_maps_stay() -> None:
    value = base64.b64encode(f"postgres://app:{token(16)}@db:5432/app".encode()).decode()
    yaml = f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\ndata:\n  database-url: {value}\n  level: aW5mbw==\n"
    scrubbed = gone(yaml, value)
    assert "  database-url: [REDACTED:secret]\n  level: [REDACTED:secret]\n" in scrubbed
    assert "name: api" in scrubbed
    ordered = (
        f"apiVersion: v1\ndata:\n  .dockerconfigjson: {value}\nkind: Secret\nmetadata:\n  name: registry\n"
    )
    gone(ordered, value)
    gone(json.dumps({"content": yaml}), value)
    gone(json.dumps({"kind": "Secret", "data": {"relay": value}}), value)
    plain = token(20)
    gone(f'---\nkind: Secret\nstringData:\n  webhook: "{plain}"\n', plain)
    kept("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  LOG_LEVEL: info\n  REGION: eu\n")
    kept(f"kind: Secret\nmetadata:\n  name: x\n---\nkind: ConfigMap\ndata:\n  color: {token(20)}\n")


def test_a_service_account_key_file_loses_its_key_id() -> None:
    key_id = hexes(40)
    gone(json.dumps({"type": "service_account", "private_key_id": key_id, "client_id": "1048"}), key_id)
    kept('"private_key_id": "",\n')


def test_passwords_on_command_lines_go_and_other_flags_stay() -> None:
    for line in ("mysql -uroot -p{} shop", "redis-cli -h cache -a '{}' PING", "ldapsearch -x -w {} -b dc=acme",
                 "PGPASSWORD={} psql -h db -U app", "pg_dump --password={} app", "mongosh -u app -p {} db",
                 "MYSQL_PWD='{}' mysqldump --all-databases"):  # fmt: skip
        secret = token(18)
        gone(line.format(secret), secret)
    for near in ("mysql -u root -p < schema.sql", "docker run -p 8080:80 nginx", "ls -a", "tar -a -w x",
                 "--password-file /run/secrets/db", "ssh -p 2222 deploy@192.0.2.5",
                 "psql -h db -U app -W"):  # fmt: skip
        kept(near)


@pytest.mark.parametrize("scheme", ["Basic", "basic", "SSWS", "Splunk", "ApiKey", "Key", "Api-Key", "HMAC"])
def test_authorization_headers_lose_their_credential_whatever_the_scheme(scheme: str) -> None:
    credential = token(36)
    assert gone(f"Authorization: {scheme} {credential}\n", credential) == (
        f"Authorization: {scheme} [REDACTED:authorization]\n"
    )
    gone(f'req.Header.Set("Proxy-Authorization", "{scheme} {credential}")', credential)


def test_authorization_in_prose_and_code_stays() -> None:
    kept("Authorization: required (see docs/auth.md)\n")
    kept("The Basic authentication scheme is described in RFC 7617.\n")
    kept('headers["Authorization"] = f"Bearer {token}"\n')


def test_url_encoded_addresses_go_and_percent_signs_stay() -> None:
    address = "jane.roe" + rand(string.digits, 2) + "%40" + rand(string.ascii_lowercase, 8) + ".com"
    assert gone(f"GET /users?email={address}&x=1", address) == "GET /users?email=[REDACTED:email]&x=1"
    assert gone(f"mailto%3A{address}", address) == "mailto%3A[REDACTED:email]"
    tagged = "bob%2Bci%40" + rand(string.ascii_lowercase, 8) + ".io"
    gone(f"to={tagged}&role=viewer", tagged)
    kept("progress: 100%40 files\n")
    kept("encoded: a%40b is how @ looks in a query string\n")
    kept("login_hint=ops%40example.com\n")


def test_shell_expansions_name_a_variable_and_stay() -> None:
    for text in (': "${OPENAI_API_KEY:?must be set}"\n', 'PASSWORD="${DB_PASSWORD:-}"\n',
                 'API_KEY="${API_KEY:=}"\n', "echo ${GITHUB_TOKEN:+set}\n"):  # fmt: skip
        kept(text)


def test_a_name_with_an_encoding_suffix_is_still_a_secret() -> None:
    for name in ("SECRET_KEY_BASE", "API_TOKEN_B64", "signing_secret_hex"):
        value = hexes(32) if name.endswith("hex") else token(40)
        gone(f"{name}={value}\n", value)
    kept("key_base = 3\n")


def test_a_cut_private_key_inside_escaped_json_loses_its_body() -> None:
    line = "MIIEow" + rand(string.ascii_letters + string.digits + "+/", 58)
    text = json.dumps({"content": "-----BEGIN RSA PRIVATE KEY-----\n" + line + "\n" + line + "\n"})
    assert line not in scrub_text(text).text


def test_the_second_corpus_tuning_part_meets_the_goals() -> None:
    """The part rules may be adjusted against; the held-back part is only measured (python -m bench.scrub)."""
    result = measure_part("tuning")
    assert {name for name, _ in result.recall_by_class} == {item.name for item in CLASSES}
    assert result.secrets >= 400 and result.lines >= 30
    assert result.recall >= 0.98 and result.prefixed_recall == 1.0, [
        (i.category, i.doc) for i in result.misses
    ][:5]
    assert result.clean_recall >= 0.98, [(i.category, i.doc) for i in result.misses][:5]
    assert result.keep_rate >= 0.99, result.changed_lines[:5]


def test_both_parts_are_labelled_exactly_and_differ() -> None:
    tuning, held_back = build("tuning")[0], build("held_back")[0]
    for instance in (*tuning, *held_back):
        assert instance.secret and instance.doc.count(instance.secret) == 1
    assert not {i.doc for i in tuning} & {i.doc for i in held_back}
