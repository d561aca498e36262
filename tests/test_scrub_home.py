"""Home directories and their user names (client_actors/scrub/_home.py)."""

from __future__ import annotations

import pytest

from client_actors.scrub import scrub_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/home/alice/x", "~/x"),
        ("/Users/bob/x", "~/x"),
        ("C:\\Users\\carol\\x", "~/x"),
        ("C:/Users/carol/x", "~/x"),
        ("c:\\users\\carol\\x", "~/x"),
        ("C:\\\\Users\\\\carol\\\\x", "~/x"),  # JSON-escaped
        ("C:\\Users\\Jane Doe\\Documents\\a.txt", "~/Documents\\a.txt"),
        ("/mnt/c/Users/dave/src", "~/src"),
        ('File "/home/erin/app/main.py", line 3', 'File "~/app/main.py", line 3'),
        ("file:///home/frank/doc.html", "file://~/doc.html"),
        ("cd /home/gina", "cd ~"),
    ],
)
def test_home_prefixes_become_tilde(text: str, expected: str) -> None:
    assert scrub_text(text).text == expected


@pytest.mark.parametrize(
    "text",
    ["src/home/views.py", "./Users/list.tsx", "/Users/Shared/x", "~/project", "/root/.bashrc", "ls /home/",
     "C:\\Program Files\\Python311", "/var/lib/home/x"],
)  # fmt: skip
def test_other_paths_are_kept(text: str) -> None:
    assert scrub_text(text).text == text


def test_the_user_name_is_redacted_elsewhere_in_the_same_text() -> None:
    text = "-rw-r--r-- 1 hsmith staff 12 /Users/hsmith/a.txt\nchown hsmith:staff b"
    assert scrub_text(text).text == (
        "-rw-r--r-- 1 [REDACTED:username] staff 12 ~/a.txt\nchown [REDACTED:username]:staff b"
    )


def test_generic_account_names_are_not_echoed() -> None:
    text = "/home/runner/work/app and the runner log; /home/ubuntu/x by ubuntu"
    assert scrub_text(text).text == "~/work/app and the runner log; ~/x by ubuntu"


def test_counts_name_the_kinds() -> None:
    result = scrub_text("/home/hsmith/a hsmith")
    assert result.counts.as_dict() == {"home-path": 1, "username": 1}
