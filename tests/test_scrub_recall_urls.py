"""Credentials in a URL's user info, in every scheme and every way a URL is written down
(client_actors/scrub/_context.py): the password, or a token given as the user, goes; the scheme, a plain user
name, the host, the port and the path stay."""

from __future__ import annotations

import json
import random
import re
import string
import urllib.parse
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from client_actors.scrub import scrub_text
from client_actors.scrub._names import is_placeholder

RNG = random.Random(5150)
SCHEMES = [
    "postgres", "postgresql", "postgresql+asyncpg", "mysql", "mysql+pymysql", "mariadb", "mongodb", "mongodb+srv",
    "redis", "rediss", "amqp", "amqps", "mqtt", "nats", "ldap", "ldaps", "smtp", "smtps", "ftp", "sftp", "ssh",
    "git+https", "https", "http", "s3", "clickhouse", "kafka", "imaps", "wss",
]  # fmt: skip
TOKEN = "[REDACTED:url-credentials]"


def password(size: int = 18, symbols: str = "!#$^*-_.~") -> str:
    """A generated password: a letter first (no port's digits, no variable's "$"), a digit somewhere."""
    while True:
        body = "".join(RNG.choice(string.ascii_letters + string.digits + symbols) for _ in range(size - 1))
        value = RNG.choice(string.ascii_letters) + body
        if any(c.isdigit() for c in value):
            return value


def token(size: int = 40) -> str:
    while True:
        value = "".join(RNG.choice(string.ascii_letters + string.digits) for _ in range(size))
        if (
            any(c.isdigit() for c in value)
            and any(c.isupper() for c in value)
            and any(c.islower() for c in value)
        ):
            return value


_REDACTION = re.compile(r"\[REDACTED:[a-z0-9\-]+\]")


def fragments_left(text: str, secret: str) -> list[str]:
    """The pieces of ``secret`` left in the scrubbed text (not counting what a redaction token spells)."""
    scrubbed = _REDACTION.sub("|", scrub_text(text).text)
    return [secret[at : at + 8] for at in range(len(secret) - 7) if secret[at : at + 8] in scrubbed]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_scheme_loses_its_password_and_keeps_the_rest(scheme: str) -> None:
    secret = password()
    url = f"{scheme}://app_user:{secret}@db-1.acme.internal:5432/app?sslmode=require"
    assert scrub_text(url).text == url.replace(secret, TOKEN)


@pytest.mark.parametrize("encoded", ["%40", "%2F", "%3A", "%23%3F"])
def test_a_percent_encoded_password_goes_whole(encoded: str) -> None:
    secret = password(10) + encoded + password(8)
    url = f"postgresql://app:{secret}@db:5432/app"
    assert scrub_text(url).text == f"postgresql://app:{TOKEN}@db:5432/app"


@pytest.mark.parametrize("unencoded", ["/", "?", "/?", "@", "@x/", "#"])
def test_a_password_with_unencoded_delimiters_goes_whole(unencoded: str) -> None:
    secret = password(10, "") + unencoded + password(10, "")
    url = f"redis://default:{secret}@cache.acme.io:6380/0"
    assert scrub_text(url).text == f"redis://default:{TOKEN}@cache.acme.io:6380/0"


def test_a_password_that_starts_with_a_dollar_is_no_variable() -> None:
    secret = "$" + token(16)
    assert scrub_text(f"amqp://svc:{secret}@rabbit:5672/").text == f"amqp://svc:{TOKEN}@rabbit:5672/"


def wrap_json_twice(line: str) -> str:
    return json.dumps({"content": json.dumps({"stdout": line})})


WRAPPERS: dict[str, Callable[[str], str]] = {
    "as-is": lambda url: url,
    "single-quotes": lambda url: f"engine = create_engine('{url}')",
    "double-quotes": lambda url: f'DATABASE_URL="{url}"',
    "env": lambda url: f"REDIS_URL={url}\nAPP_ENV=prod\n",
    "yaml": lambda url: f"database:\n  url: {url}\n  pool: 5\n",
    "compose": lambda url: f"    environment:\n      - BROKER_URL={url}\n      - DEBUG=0\n",
    "json": lambda url: json.dumps({"datasource": {"url": url}}),
    "json-twice": wrap_json_twice,
    "markdown": lambda url: f"[the database]({url})",
    "log": lambda url: f"2026-01-02T03:04:05Z INFO connecting to {url} ...",
}


@pytest.mark.parametrize("wrapper", WRAPPERS)
def test_a_password_goes_whatever_holds_the_url(wrapper: str) -> None:
    secret = password()
    url = f"postgres://app:{secret}@db.acme.internal:5432/app"
    text = WRAPPERS[wrapper](url)
    scrubbed = scrub_text(text).text
    assert fragments_left(text, secret) == []
    assert "postgres://app:" in scrubbed and "@db.acme.internal:5432/app" in scrubbed


def test_git_remotes_lose_the_token_given_as_user() -> None:
    secret = token()
    url = f"https://{secret}@github.com/acme/api.git"
    text = f"origin\t{url} (fetch)\norigin\t{url} (push)\n"
    assert scrub_text(text).text == text.replace(secret, TOKEN)


@pytest.mark.parametrize(
    ("template", "user"),
    [
        ("git remote set-url origin https://x-access-token:{}@github.com/acme/api.git", "x-access-token"),
        ("git clone https://oauth2:{}@gitlab.acme.io/acme/api.git", "oauth2"),
        ("git clone https://gitlab-ci-token:{}@gitlab.acme.io/acme/api.git", "gitlab-ci-token"),
        ("pip install --index-url https://__token__:{}@pypi.acme.io/simple/ acme-sdk", "__token__"),
        ("pip install --extra-index-url https://ci:{}@nexus.acme.io/repository/pypi/simple acme", "ci"),
        ("npm config set registry https://ci:{}@registry.acme.io/", "ci"),
    ],
)
def test_a_token_as_password_goes_and_its_user_stays(template: str, user: str) -> None:
    secret = token()
    text = template.format(secret)
    assert scrub_text(text).text == text.replace(secret, TOKEN)
    assert f"//{user}:{TOKEN}@" in scrub_text(text).text


def test_an_npm_registry_url_with_a_base64_password_goes_whole() -> None:
    secret = (
        "".join(RNG.choice(string.ascii_letters) for _ in range(4)) + "/" + token(20) + "+" + token(6) + "=="
    )
    text = f"registry=https://ci:{secret}@npm.acme.io/repository/npm/\n"
    assert scrub_text(text).text == f"registry=https://ci:{TOKEN}@npm.acme.io/repository/npm/\n"


@pytest.mark.parametrize(
    "template",
    [
        "jdbc:postgresql://db:5432/app?user=app&password={}&ssl=true",
        "jdbc:mysql://db:3306/app?user=app&password={}",
        "jdbc:sqlserver://db:1433;databaseName=app;user=sa;password={};encrypt=true",
    ],
)
def test_jdbc_urls_lose_their_password_parameter(template: str) -> None:
    secret = password(16, "-_.~!*")
    text = template.format(secret)
    scrubbed = scrub_text(text).text
    assert secret not in scrubbed
    assert "user=" in scrubbed and scrubbed.startswith(text.split("password=")[0])


def test_an_address_given_as_user_goes_with_its_password() -> None:
    secret = password()
    scrubbed = scrub_text(f"https://bob@acme-corp.io:{secret}@dav.acme-corp.io/files").text
    assert scrubbed == f"https://[REDACTED:email]:{TOKEN}@dav.acme-corp.io/files"


@pytest.mark.parametrize(
    "text",
    [
        "ssh://git@github.com/acme/api.git",
        "ssh://deploy@bastion.acme-corp.io:2222/srv",
        "https://bob@gitlab.acme-corp.io/acme/api.git",
        "postgres://postgres@localhost/db",
        "redis://app:@cache:6379/0",
        "ftp://anonymous:@ftp.acme-corp.io/pub",
        "postgres://app:${DB_PASSWORD}@db/app",
        "amqp://user:$RABBITMQ_PASSWORD@rabbit:5672/",
        "amqp://user:$rabbitPassword@rabbit:5672/",
        "postgres://{user}:{password}@{host}/{db}",
        "mongodb://<username>:<password>@cluster0.mongodb.net/",
        "postgres://app:********@db/app",
        "https://registry.npmjs.org/@acme/pkg",
        "https://unpkg.com/react@18.2.0/umd/react.js",
        "https://github.com:acme/repo@v1.2",
        "https://host.acme-corp.io:8443/a/b@c/d",
        "pip install git+https://github.com/acme/pkg.git@v1.2.3#egg=pkg",
        "git+ssh://git@github.com:acme/repo.git",
    ],
)
def test_urls_without_a_secret_stay(text: str) -> None:
    assert scrub_text(text).text == text


def test_a_path_after_a_port_is_no_password() -> None:
    scrubbed = scrub_text("http://localhost:8080/users/bob@acme-corp.io").text
    assert scrubbed.startswith("http://localhost:8080/users/")


SYMBOLS = "-_.~!*$&+,;=%()[]{}^|#"
PASSWORDS = st.builds(
    lambda first, rest, digit: first + rest + digit,
    st.sampled_from(string.ascii_letters),
    st.text(st.sampled_from(string.ascii_letters + string.digits + SYMBOLS), min_size=10, max_size=30),
    st.sampled_from(string.digits),
).filter(lambda value: not is_placeholder(value))  # "my-...", "xxxx...": kept on purpose (see _names)
HOSTS = st.sampled_from(
    ["db-1.acme.internal:5432", "cache.acme.io", "192.0.2.7:6379", "[2001:db8::1]:5432", "db"]
)
USERS = st.sampled_from(["app", "root", "svc_ci", "deploy", "x-access-token", "oauth2", "__token__"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    scheme=st.sampled_from(SCHEMES),
    user=USERS,
    secret=PASSWORDS,
    host=HOSTS,
    wrapper=st.sampled_from(sorted(WRAPPERS)),
)
def test_any_password_in_any_url_goes_and_the_rest_stays(
    scheme: str, user: str, secret: str, host: str, wrapper: str
) -> None:
    url = f"{scheme}://{user}:{secret}@{host}/app"
    text = WRAPPERS[wrapper](url)
    scrubbed = scrub_text(text).text
    assert fragments_left(text, secret) == []
    unescaped = scrubbed.replace("\\\\", "\\")
    assert f"{scheme}://{user}:" in unescaped and f"@{host}/app" in unescaped
    assert scrub_text(scrubbed).text == scrubbed


def test_a_percent_encoded_password_in_escaped_json_goes() -> None:
    secret = urllib.parse.quote(password(12) + "@/:" + password(6), safe="")
    text = json.dumps({"cmd": f"psql 'postgresql://app:{secret}@db/app'"})
    assert json.loads(scrub_text(text).text)["cmd"] == f"psql 'postgresql://app:{TOKEN}@db/app'"


def test_a_url_in_json_that_escapes_its_slashes_loses_its_password() -> None:
    secret = password()
    text = json.dumps({"dsn": f"mysql://app:{secret}@db.acme.io:3306/app"}).replace("/", "\\/")
    assert scrub_text(text).text == text.replace(secret, TOKEN)
    user_token = token()
    remote = '{"url":"' + f"https://{user_token}@github.com/acme/x.git".replace("/", "\\/") + '"}'
    assert scrub_text(remote).text == remote.replace(user_token, TOKEN)


@pytest.mark.parametrize("extra", ["", "!@#x"])
def test_a_percent_encoded_url_loses_its_password(extra: str) -> None:
    secret = password(16, "") + extra
    encoded_url = urllib.parse.quote(f"https://app:{secret}@db.acme.io/x", safe="")
    encoded_secret = urllib.parse.quote(secret, safe="")
    for url, secret_as_written in (
        (encoded_url, encoded_secret),
        (encoded_url.lower(), encoded_secret.lower()),
    ):
        text = f"GET /login?next={url}"
        assert fragments_left(text, secret_as_written) == []
        assert "%40db.acme.io%2" in scrub_text(text).text.replace("%2f", "%2F")


def test_a_percent_encoded_url_without_a_password_stays() -> None:
    text = "redirect=" + urllib.parse.quote("https://acme-corp.io/a?b=c", safe="")
    assert scrub_text(text).text == text


def test_a_url_without_a_host_loses_its_password() -> None:
    secret = password()
    url = f"postgresql://app:{secret}@/app?host=/var/run/postgresql"
    assert scrub_text(url).text == url.replace(secret, TOKEN)
    assert scrub_text("postgres://postgres@/app").text == "postgres://postgres@/app"
