"""E-mail addresses and international phone numbers (client_actors/scrub/_personal.py)."""

from __future__ import annotations

import pytest

from client_actors.scrub import scrub_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail alice.smith+ci@gmail.com now", "mail [REDACTED:email] now"),
        ("Author: Jane <jane@acme-corp.io>", "Author: Jane <[REDACTED:email]>"),
        ("mailto:bob@uni-heidelberg.de", "mailto:[REDACTED:email]"),
        ('{\\"text\\": \\"hi\\nbob@proton.me\\"}', '{\\"text\\": \\"hi\\n[REDACTED:email]\\"}'),
        ("1234+octocat@users.noreply.github.com", "[REDACTED:email]"),
        ("ops@intranet.corp", "[REDACTED:email]"),
    ],
)
def test_addresses_are_redacted(text: str, expected: str) -> None:
    assert scrub_text(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "dev@example.com, a@b.example.org, x@example.net",
        "ci@build.test, nobody@x.invalid, root@box.example, me@localhost",
        "git@github.com:acme/api.git",
        "noreply@github.com",
        "@types/node@20.1.0 and lodash@4.17.21",
        "@dataclass(frozen=True)",
        "h = x@self.weight",
        "image@sha256:abc",
        "root@laptop:~# ls",
    ],
)
def test_reserved_role_and_non_addresses_are_kept(text: str) -> None:
    assert scrub_text(text).text == text


def test_a_prompt_is_no_address_and_its_user_goes_as_a_home_paths_does() -> None:
    assert scrub_text("alice@laptop:~$ ls").text == "[REDACTED:username]@laptop:~$ ls"


@pytest.mark.parametrize(
    "phone",
    ["+1 415 555 0132", "+1-415-555-0132", "+44 20 7946 0958", "+49 30 1234567", "+33 6 12 34 56 78",
     "+44 (0)20 7946 0958", "+14155550132"],
)  # fmt: skip
def test_international_numbers_are_redacted(phone: str) -> None:
    assert scrub_text(f"call {phone} today").text == "call [REDACTED:phone] today"


@pytest.mark.parametrize(
    "text",
    ["@@ -12,7 +12,8 @@", "x = 1e+10 + 5", "Date: Tue, 14 May 2024 09:12:44 +0200", "+1 2 3", "a+123456789"],
)
def test_things_with_plus_signs_are_kept(text: str) -> None:
    assert scrub_text(text).text == text
