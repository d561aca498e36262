"""The classes the thirty-fifth held-back part's misses showed, after its blind measurement: OpenDental's `LName` and
`FName` as mysql prints them, tab-separated; a form field's bracketed key (Lob's `to[name]=` beside
`to[address_line1]`), a funeral home's `decedent_name` and `nok_name`; an API key in hex behind its vendor's prefix
given as curl's user (`-u live_...:`, `-u sk_...:`); beside what stays (a tool's four-part version in its export's
comment, a user that is no key). Every value is generated here."""

from __future__ import annotations

import random

import pytest

from tests.support.scrubbing import deliveries, pick, scrubbed

RNG = random.Random(20261235)
HEX = "0123456789abcdef"
WRAPS = deliveries("2026-12-05T06:05")


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_patients_addressees_and_next_of_kin_lose_their_names(wrap: str) -> None:
    text = (
        'mysql -e "SELECT PatNum, LName, FName, Birthdate FROM patient LIMIT 1"\n'
        "PatNum\tLName\tFName\tBirthdate\n"
        "92313\tQuaintance\tThandiwe\t1987-04-12\n"
        "curl https://api.example.net/v1/letters \\\n"
        '  -d "to[name]=Belwyn Moravec" \\\n'
        '  -d "to[address_line1]=807 Tanner St"\n'
        "case_no;decedent_name;nok_name;nok_relationship;status\n"
        "2026-258;Tevina Quentara;Teodric Yilmazer;son;arranged\n"
        "# exported by funeralpro 5.4.1.110\n"
        "T-95064,2026-03-05,(walk-in - declined),0.00\n"
        "# pospro 1.3.0.102 export\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for name in ("Quaintance", "Thandiwe", "Belwyn Moravec", "Tevina Quentara", "Teodric Yilmazer"):
        assert name not in out
    assert "funeralpro 5.4.1.110" in out and "pospro 1.3.0.102 export" in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_prefixed_keys_given_as_curls_user_go(wrap: str) -> None:
    lob, clearbit = "live_" + pick(RNG, HEX, 32), "sk_" + pick(RNG, HEX, 32)
    text = (
        "curl https://api.lob.com/v1/letters \\\n"
        f"  -u {lob}: \\\n"
        '  -d "description=Rent notice March"\n'
        f"$ curl -s 'https://person.clearbit.com/v2/people/find?email=x' -u {clearbit}:\n"
        "$ curl -u deploy: https://nexus.example.net/\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    assert lob not in out and clearbit not in out
    assert "-u deploy:" in out
