"""Values assigned to sensitive names (client_actors/scrub/_assign.py and _judge.py)."""

from __future__ import annotations

import random
import string

import pytest

from client_actors.scrub import scrub_text
from client_actors.scrub._assign import trie_pattern


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # .env files, shells, Dockerfiles, compose
        ("FOO_SECRET=abc123", "FOO_SECRET=[REDACTED:secret]"),
        ('export API_KEY="k-8f3a9"', 'export API_KEY="[REDACTED:api-key]"'),
        ("DB_PASSWORD=hunter", "DB_PASSWORD=[REDACTED:password]"),
        ("PGPASSWORD=hunter psql -h db", "PGPASSWORD=[REDACTED:password] psql -h db"),
        ("  - GITHUB_TOKEN=tok-77a", "  - GITHUB_TOKEN=[REDACTED:token]"),
        ("ENV SESSION_SECRET=s3ss10n", "ENV SESSION_SECRET=[REDACTED:secret]"),
        ("AWS_SECRET_ACCESS_KEY=" + "aB3/" * 10, "AWS_SECRET_ACCESS_KEY=[REDACTED:aws-secret-key]"),
        # YAML, JSON, ini, TOML, XML, PHP, Go
        ("  password: hunter", "  password: [REDACTED:password]"),
        ('  secret: "s3cr3t"', '  secret: "[REDACTED:secret]"'),
        ('{"client_secret": "abc123", "id": 4}', '{"client_secret": "[REDACTED:secret]", "id": 4}'),
        ('{\\"apiKey\\": \\"abc123\\"}', '{\\"apiKey\\": \\"[REDACTED:api-key]\\"}'),
        ("password = hunter", "password = [REDACTED:password]"),
        ('token = "t0k3n"', 'token = "[REDACTED:token]"'),
        ("<password>hunter2</password>", "<password>[REDACTED:password]</password>"),
        ("'password' => 'hunter2',", "'password' => '[REDACTED:password]',"),
        ('\tPassword: "hunter2",', '\tPassword: "[REDACTED:password]",'),
        # code
        ('SECRET_KEY = "django-insecure-x8$k"', 'SECRET_KEY = "[REDACTED:secret]"'),
        ("const apiKey = 'abc123';", "const apiKey = '[REDACTED:api-key]';"),
        ('    password: str = "hunter2"', '    password: str = "[REDACTED:password]"'),
        ('db.connect(password="hunter2")', 'db.connect(password="[REDACTED:password]")'),
        ('os.environ["API_TOKEN"] = "abc123"', 'os.environ["API_TOKEN"] = "[REDACTED:token]"'),
        ("?access_token=abc123&page=2", "?access_token=[REDACTED:token]&page=2"),
        ("pgpassword=hunter2", "pgpassword=[REDACTED:password]"),
        ("openssl enc -pass pass:hunter2", "openssl enc -pass pass:[REDACTED:password]"),
        ("PIN_PASSWORD=482913", "PIN_PASSWORD=[REDACTED:password]"),
    ],
)
def test_values_of_sensitive_names_are_redacted(line: str, expected: str) -> None:
    assert scrub_text(line).text == expected


@pytest.mark.parametrize(
    "line",
    [
        'api_key = os.environ["API_KEY"]',
        'password = os.getenv("DB_PASSWORD")',
        "password: str",
        "    password: str | None = None",
        "token_count = 5",
        '"max_tokens": 4096, "input_tokens": 12',
        "secret_name: db-credentials",
        "private_key_id = 12",
        "client = Client(api_key=api_key, password=password)",
        "self.token = token",
        "token = get_token(scope='repo')",
        "secret = settings.SECRET_KEY",
        "key=lambda kv: kv[1]",
        "OPENAI_API_KEY=<your-api-key>",
        "GITHUB_TOKEN=${GITHUB_TOKEN}",
        "export API_KEY=$API_KEY",
        "TOKEN=$(gh auth token)",
        "SECRET_KEY=changeme",
        'password: "********"',
        "AWS_SECRET_ACCESS_KEY=xxxxxxxxxxxxxxxx",
        "token: {{ secrets.DEPLOY_TOKEN }}",
        "REDIS_PASSWORD=",
        "PWD=/work/repo",
        "OLDPWD=/home",
        "if password == expected:",
        "bypass=1 compass=north monkey=banana",
        "The token: a short-lived credential.",
        "cache_key = 'user:42'",
        'key: "a3f9c2e1b4d5f6a7b8c9d0e1f2a3b4c5"',
        "let token: string;",
        "Token::Identifier",
        "authorization = None",
    ],
)
def test_references_and_ordinary_code_are_kept(line: str) -> None:
    assert scrub_text(line).text == line


def test_a_weak_name_needs_a_random_looking_value() -> None:
    assert scrub_text("signature = Ab3dE9fG1hJ2kL4mN6pQ").text == "signature = [REDACTED:signature]"
    assert scrub_text("signature = sha256").text == "signature = sha256"


def test_a_bare_word_is_a_value_only_on_a_line_of_its_own() -> None:
    assert scrub_text("connect(password=pw)").text == "connect(password=pw)"
    assert (
        scrub_text("password = pw  # for the demo\n").text
        == "password = [REDACTED:password]  # for the demo\n"
    )


def test_trie_pattern_matches_exactly_the_words_longest_first() -> None:
    import re

    words = ["pass", "password", "passwd", "pwd", "key"]
    pattern = re.compile(trie_pattern(words))
    assert all(pattern.fullmatch(word) for word in words)
    assert pattern.match("passwords").group() == "password"  # type: ignore[union-attr]
    assert not pattern.fullmatch("pas")


def test_a_value_a_later_name_takes_inside_an_annotation_leaves_the_annotation_read_as_before() -> None:
    # `Password:` reads what runs up to "=" as a type annotation; the name ending "token" inside it takes the run
    # after it, and the token that run becomes must not turn the annotation back into `Password`'s value.
    rng = random.Random(4)
    value = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(24))
    text = f"Password: v1.2.3token {value}token =password"
    once = scrub_text(text).text
    assert value not in once
    assert scrub_text(once).text == once == "Password: v1.2.3token [REDACTED:token] =password"
