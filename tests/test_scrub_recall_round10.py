"""The classes the ninth tuning part showed missing: a person's name under a key that names a role's name
(`user_name`, `REPORT_OWNER_NAME`), an issue's assignee, a setter's call, an XML record beside an e-mail, a
logged binding's pair, a vCard's `FN`, a person's LDIF `cn`, what `git config user.name` prints, the rows of
bordered tables, of Django's logged bindings and of a printed data frame; national phone numbers under
underscored and camel-cased keys, on a vCard's `TEL`, as a text message's recipient, in psql's rows and an
INSERT's phone column; a social security number in a form's field; a Redis password behind a grep hit; a
strong secret's hex after prose's "set `NAME` to". And two keeps: prose's full stop after a value given with
"is", and a name beside a documentation address in a record. Each beside the look-alikes that must come out
unchanged; every value is generated here.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from tests.support.scrubbing import each_line, scrubbed, transcript_line

RNG = random.Random(20261211)

NAME_TOKEN = "[REDACTED:person-name]"
PHONE_TOKEN = "[REDACTED:phone]"

# Parts names, addresses and numbers are made of at test time.
GIVEN = ("Odile", "Tavish", "Maren", "Kofi", "Ilaria", "Brannock", "Sunniva", "Evander", "Rosalind", "Idris")
FAMILY = (
    "Quennell",
    "Abernathy-Roe",
    "Vantongeren",
    "Lachapelle",
    "Osei",
    "Drummond",
    "Hautala",
    "Penhallow",
)
DOMAINS = ("mailbox.org", "posteo.de", "kestrel-analytics.io", "northwind-freight.com")
HEX_DIGITS = "0123456789abcdef"
DIGITS = "0123456789"


def _name(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def _address(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN).lower()}.{rng.randint(10, 99)}@{rng.choice(DOMAINS)}"


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(DIGITS) for _ in range(n))


def _hex(rng: random.Random, size: int) -> str:
    return "".join(rng.choice(HEX_DIGITS) for _ in range(size))


def _national_phone(rng: random.Random) -> str:
    """A number as a country writes it at home: no "+", nothing a shape alone tells from other numbers."""
    return rng.choice(
        (
            f"020 {rng.choice('38')}{_digits(rng, 3)} {_digits(rng, 4)}",
            f"0{rng.choice(['151', '170', '176'])} {_digits(rng, 7)}",
            f"0{rng.choice('1234567')} " + " ".join(_digits(rng, 2) for _ in range(4)),
            f"({rng.choice(['11', '21', '81'])}) 9{_digits(rng, 4)}-{_digits(rng, 4)}",
            f"0{rng.choice('789')}0-{_digits(rng, 4)}-{_digits(rng, 4)}",
            f"{rng.choice('6789')}{_digits(rng, 4)} {_digits(rng, 5)}",
        )
    )


def _ssn(rng: random.Random) -> str:
    """Nine digits an issued number can have: an area other than 000, 666 and 900-999, no zero group or serial."""
    area = rng.choice([a for a in range(1, 900) if a != 666])
    return f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"


WRAPPERS: dict[str, Callable[[str], str]] = {
    "plain": lambda text: text,
    "escaped": transcript_line,
    "arrow": each_line(lambda n: f"{n:6d}→"),
    "grep": each_line(lambda n: f"conf/app.conf:{n}:"),
    "ci": each_line(lambda n: f"2026-12-04T09:00:{n:02d}.1110000Z "),
}


# --- people's names ----------------------------------------------------------------------------------------

KEYED_NAMES = (
    'REPORT_OWNER_NAME="{N}"\nREPORT_OWNER_TEAM=data-platform\n',
    'AUTHOR = settings.AUTHOR\nDEFAULT_REVIEWER_NAME = "{N}"\n',
    '2026-05-14T10:32:11Z INFO checkout.completed order=4812 user_name="{N}" total=129.90\n',
    '{{"level":"info","msg":"login","user_id":77,"userName":"{N}","country":"DE"}}\n',
    "ticket:\n  id: OPS-2291\n  assignee: {N}\n  status: in_review\n",
    'Customer c = new Customer();\nc.setFullName("{N}");\nc.setTier(Tier.GOLD);\n',
    "<developers>\n  <developer>\n    <name>{N}</name>\n    <email>{A}</email>\n  </developer>\n</developers>\n",
    '  Customer Create (0.4ms)  INSERT INTO "customers" ("contact_name", "created_at") VALUES ($1, $2)  '
    '[["contact_name", "{N}"], ["created_at", "2026-05-14 10:32:11"]]\n',
    "BEGIN:VCARD\nVERSION:4.0\nFN:{N}\nORG:ACME Corp\nEND:VCARD\n",
    "dn: uid=u4812,ou=people,dc=acme,dc=io\nobjectClass: inetOrgPerson\ncn: {N}\nou: Engineering\n",
    "$ git config user.name\n{N}\n$ git config init.defaultBranch\nmain\n",
    "+----+--------------+-------+\n| id | display_name | role  |\n+----+--------------+-------+\n"
    "| 77 | {N} | admin |\n",
    "| id | full_name | plan |\n|----|-----------|------|\n| 77 | {N} | pro |\n",
    '(0.002) INSERT INTO "accounts_profile" ("full_name", "plan") VALUES (%s, %s); args=(\'{N}\', \'pro\')\n',
    "   customer_id     customer_name country\n0         4812  {N}      DE\n",
)


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("template", KEYED_NAMES)
def test_a_name_the_structure_says_is_a_persons_goes(template: str, wrapper: str) -> None:
    name = _name(RNG)
    out = scrubbed(WRAPPERS[wrapper](template.format(N=name, A=_address(RNG))))
    assert name not in out and NAME_TOKEN in out, out


NAME_LOOKALIKES = (
    '{{"id": "OPS-2291", "assignee": "{F}", "status": "open"}}\n',  # a given name alone
    "ticket:\n  assignee: github-actions\n  reviewer: dependabot[bot]\n",
    'user_name = "Test User"\nREPORT_OWNER_NAME="Platform Team"\n',
    "username: deploy\nowner_name: data-platform\n",
    "REPORT_OWNER_TEAM=data-platform\nREPORT_OWNER_NAME=${{OWNER}}\n",
    'widget.setName("Primary Button");\nwidget.setTitle("{N}");\n',  # a name key with no contact field
    'String label = getFullName("{N}");\n',  # a getter, not a setter
    "<project>\n  <artifactId>ledger</artifactId>\n  <name>Apache Ledger Tools</name>\n  <url>https://x.io</url>\n"
    "</project>\n",
    "<developer>\n  <name>{N}</name>\n  <email>{F}@example.com</email>\n</developer>\n",  # an example's
    '{{"email": "jane.doe@example.com", "name": "Jane Doe"}}\n',
    '{{"email": "{F}@example.org", "name": "{N}"}}\n',
    "BEGIN:VCARD\nVERSION:4.0\nFN:Support\nORG:ACME Corp\nEND:VCARD\n",
    "dn: cn=Domain Admins,ou=groups,dc=acme,dc=io\nobjectClass: groupOfNames\ncn: Domain Admins\n",
    "subject:\n  cn: {N}\n  o: ACME Corp\n",  # no person's object class in view
    '$ git config user.name\n$ git config user.name "<your-name>"\n',
    "| Rota | Name | Since |\n|------|------|-------|\n| Primary on-call | {N} | 2024 |\n",  # no contact column
    "   name      version  downloads\n0  Apache Commons   1.2   400\n",
    "INSERT INTO plans (code, title) VALUES (%s, %s); args=('pro', 'Team Plan')\n",
    "| id | full_name | plan |\n|----|-----------|------|\n| 77 | *** | pro |\n",
)


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("template", NAME_LOOKALIKES)
def test_roles_placeholders_examples_and_other_names_stay(template: str, wrapper: str) -> None:
    name = _name(RNG)
    text = WRAPPERS[wrapper](template.format(N=name, F=name.split()[0].lower()))
    assert scrubbed(text) == text


# --- phone numbers -----------------------------------------------------------------------------------------

KEYED_PHONES = (
    'ONCALL_PHONE="{P}"\nONCALL_ROTATION=weekly\n',
    'customer.setPhoneNumber("{P}");\n',
    "BEGIN:VCARD\nVERSION:3.0\nTEL;TYPE=CELL:{P}\nEND:VCARD\n",
    '2026-05-14T10:32:11Z INFO sms.sent provider=twilio to="{P}" segments=1\n',
    'twilio.messages.create(to="{P}", from_=settings.SMS_FROM, body=text)\n',
    "[escalation]\nsms_number = {P}\nretries = 3\n",
    " id | phone | verified\n----+-------+----------\n 77 | {P} | t\n",
    "INSERT INTO contacts (id, mobile, channel) VALUES (77, '{P}', 'sms');\n",
)


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("template", KEYED_PHONES)
def test_a_national_phone_number_a_key_or_a_message_names_goes(template: str, wrapper: str) -> None:
    phone = _national_phone(RNG)
    out = scrubbed(WRAPPERS[wrapper](template.format(P=phone)))
    assert phone not in out and PHONE_TOKEN in out, out


PHONE_LOOKALIKES = (
    "iPhone: 15 Pro\nIntel: {D8}\n",
    "hotel_id = {D8}\nORDER_ID={D8}\n",
    "phone_min_length = 7\nsetPhoneVisible(true);\n",
    "$ deploy --target to=production build={D8}\n",
    '2026-05-14T10:32:11Z INFO sms.sent provider=twilio to="<your-phone>" segments=1 order={D8}\n',
    "HOTEL;TYPE=SUITE:{D8}\n",
    "sms_retries = 3\nsms_window = 2026.05.14\n",
    " id | phone | verified\n----+-------+----------\n 77 | ***-***-{D4} | t\n",
    "INSERT INTO contacts (id, mobile, channel) VALUES (77, 'n/a', 'sms');\n",
)


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("template", PHONE_LOOKALIKES)
def test_ids_versions_and_masked_numbers_beside_phone_words_stay(template: str, wrapper: str) -> None:
    text = WRAPPERS[wrapper](template.format(D8=_digits(RNG, 8), D4=_digits(RNG, 4)))
    assert scrubbed(text) == text


# --- numbers and secrets -----------------------------------------------------------------------------------


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
def test_an_ssn_in_a_form_fields_value_goes(wrapper: str) -> None:
    ssn = _ssn(RNG)
    out = scrubbed(WRAPPERS[wrapper](f'<input type="text" name="ssn" value="{ssn}" autocomplete="off">\n'))
    assert ssn not in out and "[REDACTED:ssn]" in out, out


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize(
    "template",
    (
        '<input type="text" name="ssn" value="" autocomplete="off">\n',
        '<input type="text" name="ssn" value="***-**-{D4}">\n',
        '<input type="text" name="zip" value="{D9}">\n',
    ),
)
def test_empty_masked_and_other_form_fields_stay(template: str, wrapper: str) -> None:
    text = WRAPPERS[wrapper](template.format(D4=_digits(RNG, 4), D9=_digits(RNG, 9)))
    assert scrubbed(text) == text


def _season_password(rng: random.Random) -> str:
    return rng.choice(("Summer", "Winter", "Autumn")) + str(rng.randint(2024, 2027)) + rng.choice("!.*")


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
def test_a_redis_password_goes_whole_behind_any_lead(wrapper: str) -> None:
    password = _season_password(RNG)
    out = scrubbed(WRAPPERS[wrapper](f"bind 127.0.0.1\nrequirepass {password}\nmaxmemory 256mb\n"))
    assert password not in out and "[REDACTED:password]\n" in out.replace("\\n", "\n"), out


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
def test_a_redis_password_referring_to_a_variable_stays(wrapper: str) -> None:
    text = WRAPPERS[wrapper]("requirepass ${REDIS_PASSWORD}\nmaxmemory 256mb\n")
    assert scrubbed(text) == text


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
def test_a_secret_set_in_prose_goes_and_its_sentence_keeps_its_full_stop(wrapper: str) -> None:
    first, second = _hex(RNG, 32), _hex(RNG, 40)
    text = (
        f"Your app secret is {first}. Store it now: it will not be shown again.\n"
        f"Done. I've set `API_SECRET` to `{second}` in `.env` and restarted the server.\n"
    )
    out = scrubbed(WRAPPERS[wrapper](text))
    assert first not in out and second not in out, out
    assert "[REDACTED:secret]. Store it now" in out and "to `[REDACTED:secret]` in" in out, out


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize(
    "template",
    (
        "Set `GIT_COMMIT_SHA` to `{H40}` in the workflow.\n",
        "Set `API_SECRET` to the output of `openssl rand -hex 32`.\n",
        "The commit is {H40}. Rebase onto it.\n",
        "Set `API_SECRET` to `changeme` for local runs.\n",
    ),
)
def test_commits_commands_and_placeholders_set_in_prose_stay(template: str, wrapper: str) -> None:
    text = WRAPPERS[wrapper](template.format(H40=_hex(RNG, 40)))
    assert scrubbed(text) == text
