"""A Secret manifest, and a secret alone on its line, printed behind a log's timestamp: bare, in brackets, or as
GitLab's job logs write it (the timestamp, then the stream's number with "O" or "E", and "+" on a continued line).
The lead is no indentation: the manifest's maps are read as they are without it. Every value is generated here."""

from __future__ import annotations

import base64
import random
import string

import pytest

from tests.support.scrubbing import scrubbed

RNG = random.Random(20261204)
ALNUM = string.ascii_letters + string.digits

LEADS = {
    "gitlab": lambda n: f"2026-03-14T12:49:{n:02d}.332000Z 00O ",
    "gitlab, stderr, continued": lambda n: f"2026-03-14T12:49:{n:02d}.332000Z 01E+ ",
    "bare": lambda n: f"2026-03-14 12:49:{n:02d} ",
    "bracketed": lambda n: f"[2026-03-14T12:49:{n:02d}Z] ",
}


def _b64(value: str) -> str:
    return base64.b64encode(value.encode()).decode()


def _logged(lines: list[str], lead: str) -> str:
    return "".join(LEADS[lead](n) + line + "\n" for n, line in enumerate(lines))


@pytest.mark.parametrize("lead", sorted(LEADS))
def test_every_value_of_a_logged_secret_manifest_goes_short_ones_too(lead: str) -> None:
    password = _b64("".join(RNG.choice(ALNUM) for _ in range(18)))
    username = _b64(
        "".join(RNG.choice(string.ascii_lowercase) for _ in range(3))
    )  # four characters of base64
    text = _logged(
        [
            "$ kubectl get secret orders-db -n prod -o yaml",
            "apiVersion: v1",
            "data:",
            f"  password: {password}",
            f"  username: {username}",
            "kind: Secret",
            "metadata:",
            "  name: orders-db",
            "  namespace: prod",
            "type: Opaque",
        ],
        lead,
    )
    out = scrubbed(text)
    assert password not in out and f": {username}" not in out
    assert LEADS[lead](5) + "kind: Secret" in out and LEADS[lead](7) + "  name: orders-db" in out


@pytest.mark.parametrize("lead", sorted(LEADS))
def test_a_logged_config_map_stays(lead: str) -> None:
    text = _logged(
        ["apiVersion: v1", "data:", "  LOG_LEVEL: debug", "  region: eu-west-1", "kind: ConfigMap"], lead
    )
    assert scrubbed(text) == text


def test_a_secret_alone_on_its_line_behind_gitlab_s_lead_goes_whole() -> None:
    secret = (
        "".join(RNG.choice(ALNUM) for _ in range(20)) + "&(=" + "".join(RNG.choice(ALNUM) for _ in range(12))
    )
    out = scrubbed(f"2026-03-14T12:49:22.332000Z 00O DJANGO_SECRET_KEY={secret}\n")
    assert secret not in out and "&(=" not in out
