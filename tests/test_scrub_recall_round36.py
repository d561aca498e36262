"""The classes the thirty-sixth held-back part's misses showed, after its blind measurement (it met every target blind):
RACF's `ALTUSER ... PASSWORD(...)` and `PHRASE('...')`, a name beside an address after a label whose last word is
"by" (`Reported by:`); beside what stays (SQL's `PASSWORD(x)` on a column, a RACF command with no password). Every
value is generated here."""

from __future__ import annotations

import random
import string

import pytest

from tests.support.scrubbing import deliveries, pick, scrubbed

RNG = random.Random(20261236)
UPPER = string.ascii_uppercase + string.digits
WRAPS = deliveries("2026-12-05T06:15")


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_racf_passwords_and_reporters_go(wrap: str) -> None:
    password, phrase = pick(RNG, UPPER, 8), " ".join(pick(RNG, string.ascii_lowercase, 6) for _ in range(3))
    text = (
        f"ALTUSER PAYBAT8 PASSWORD({password}) NOEXPIRED\n"
        "READY\n"
        f"ADDUSER JDOE PHRASE('{phrase}') OWNER(SYS1)\n"
        "LISTUSER PAYBAT8\n"
        "ALTUSER PAYBAT8 RESUME\n"
        "SELECT id FROM users WHERE pw = PASSWORD(pw_column);\n"
        "Reported by: Yusuf Boateng <yusuf68@kestrelhomes.io>\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for value in (password, phrase, "Yusuf Boateng"):
        assert value not in out
    assert "ALTUSER PAYBAT8 RESUME" in out and "PASSWORD(pw_column)" in out
