"""Secrets passed as command-line flags (client_actors/scrub/_cli.py)."""

from __future__ import annotations

import pytest

from client_actors.scrub import scrub_text


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("app --password hunter2 --user bob", "app --password [REDACTED:password] --user bob"),
        ("app --token=abc123XYZ789", "app --token=[REDACTED:token]"),
        ('app --client-secret "Tr0ub4dor&3"', 'app --client-secret "[REDACTED:secret]"'),
        ("app --api-key=k3y-Value-99 -v", "app --api-key=[REDACTED:api-key] -v"),
        ("app --db-password='p@ss w0rd'", "app --db-password='[REDACTED:password]'"),
        (
            '{\\"cmd\\": \\"app --token \\"abc123XYZ\\"\\"}',
            '{\\"cmd\\": \\"app --token \\"[REDACTED:token]\\"\\"}',
        ),
        ("mysql -u root -pS3cret app", "mysql -u root -p[REDACTED:password] app"),
        (
            "mysqldump -h db -u backup -p 'S3cret' shop",
            "mysqldump -h db -u backup -p '[REDACTED:password]' shop",
        ),
        (
            "sshpass -p 'hunter2' ssh deploy@10.0.0.5",
            "sshpass -p '[REDACTED:password]' ssh deploy@[REDACTED:ipv4]",
        ),
        ("docker login -u ci -p s3cr3t registry.io", "docker login -u ci -p [REDACTED:password] registry.io"),
        ("curl -u admin:s3cr3t https://ci.io/api", "curl -u admin:[REDACTED:password] https://ci.io/api"),
        (
            "curl --user admin:s3cr3t https://ci.io/api",
            "curl --user admin:[REDACTED:password] https://ci.io/api",
        ),
        ("mysql -pS3cret; ls", "mysql -p[REDACTED:password]; ls"),
    ],
)
def test_secret_flags_lose_their_values(command: str, expected: str) -> None:
    assert scrub_text(command).text == expected


@pytest.mark.parametrize(
    "command",
    [
        "docker run -p 8080:80 -p 53:53/udp nginx",
        "echo $PW | docker login -u ci --password-stdin registry.io",
        "app --token-file ./token.txt --key-id 12",
        "app --password $DB_PASSWORD --token ${TOKEN}",
        "app --no-password build.txt",
        "app --private-key ~/.ssh/id_ed25519",
        "app --auth basic --key sort_order",
        "tar -u archive.tar file",
        "grep -p pattern file",
        "curl -u bob https://ci.io/api",
        "app --password <password>",
    ],
)
def test_ordinary_flags_are_kept(command: str) -> None:
    assert scrub_text(command).text == command
