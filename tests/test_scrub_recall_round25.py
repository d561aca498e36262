"""The classes the twenty-fifth held-back part's misses showed, after its blind measurement: a shell prompt's user,
curl's form fields (`-d first_name=...`), psql's expanded record under `-[ RECORD 1 ]+`, a contractor's name, an
OpenDental table's `LName` and `FName`, a ticket export's `assignee` beside its contact's address; Plaid's access
tokens, an LDAP image's `LDAP_ROOTPASS`, a refresh token a tool says it saved; beside what stays (a role account's
prompt and its echoes, a file's `fname` alone, a report a tool saved, a digest a tool wrote, a prompt's host). Every
value is generated here."""

from __future__ import annotations

import random
import string
import uuid

import pytest

from tests.support.scrubbing import deliveries, pick, scrubbed

RNG = random.Random(20261225)
ALNUM = string.ascii_letters + string.digits
HEX_UPPER = "0123456789ABCDEF"
WRAPS = deliveries("2026-12-05T04:55")


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_users_and_people_in_prompts_forms_records_and_exports_go(wrap: str) -> None:
    text = (
        "gpetrakis@bench-pc:~$ curl -X POST https://311.example.gov/requests.json \\\n"
        "    -d first_name=Priya -d last_name=Esposito -d service_code=POTHOLE \\\n"
        "    --data-urlencode 'description=Large pothole'\n"
        "[huchenna@laptop garth]$ cat ~/.garth/oauth1_token.json\n"
        "deploy@web-01:~$ sudo systemctl restart api\n"
        "-[ RECORD 1 ]+------------------------\n"
        "voter_id     | 322394280\n"
        "full_name    | Umberto Fairbanks\n"
        "email        | umbertof@fernhollow.org\n"
        '{"contractor": {"contractor_name": "Jovan Dvorak", "license": "C-55501"}}\n'
        "INSERT INTO patient (LName, FName, Birthdate) VALUES ('Okonkwo', 'Vesna', '1997-10-16');\n"
        "INSERT INTO uploads (fname, size) VALUES ('Makefile', 120);\n"
        "contact_name,contact_email,assignee,status\n"
        "Kalani Nakamura,kalanin@marrowlane.co,Cyrus Holloway,closed\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for value in (
        "gpetrakis", "huchenna", "Priya", "Esposito", "Umberto Fairbanks", "Jovan Dvorak", "Okonkwo", "Vesna",
        "Kalani Nakamura", "Cyrus Holloway",
    ):  # fmt: skip
        assert value not in out
    for kept in ("@bench-pc:~$", "deploy@web-01:~$", "'Makefile'", "service_code=POTHOLE"):
        assert kept in out


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_plaid_tokens_ldap_passwords_and_saved_tokens_go(wrap: str) -> None:
    access = f"access-production-{uuid.UUID(int=RNG.getrandbits(128))}"
    public = f"public-sandbox-{uuid.UUID(int=RNG.getrandbits(128))}"
    root_pass, refresh, digest = (
        pick(RNG, ALNUM, 10) + "%566",
        pick(RNG, HEX_UPPER, 64),
        pick(RNG, HEX_UPPER, 64),
    )
    text = (
        f"PLAID_ACCESS_TOKEN_CHECKING={access}\n"
        f'{{"public_token_seen": "{public}"}}\n'
        f"$ docker run -e LDAP_URL=ldap://ldap:389 -e LDAP_ROOTPASS={root_pass} -e NGINX_BYPASS=on dcm4che/arc\n"
        f"# refresh_token saved to keyring: {refresh}\n"
        "report saved to disk: /tmp/report-2026-12.json\n"
        f"sha256 written to: {digest}\n"
    )
    out = scrubbed(WRAPS[wrap](text))
    for value in (access, public, root_pass, refresh):
        assert value not in out
    assert "/tmp/report-2026-12.json" in out and digest in out and "NGINX_BYPASS=on" in out


def test_a_prompt_glued_to_what_a_rule_replaces_is_read_the_same_on_a_second_scrub() -> None:
    token = f"access-production-{uuid.UUID(int=RNG.getrandbits(128))}"
    out = scrubbed(
        f"{token}[ann@box src]$ ls\n{token}ann@box:~$ ls\n"
    )  # (scrubbed holds a second scrub to the first)
    assert "[ann@box src]$" in out and "ann@box:~$" in out
