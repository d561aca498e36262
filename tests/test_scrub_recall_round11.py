"""The classes the eleventh part showed missing: a payment party's name in ISO 20022 XML, the bound tuples
SQLAlchemy's engine log prints below an INSERT, a vCard's structured `N`, the line after a tax form's name
label, a form body's name and phone values, an INSERT's row after an escaped line break, the holder's name in
a card's or a customer's object, and a text message's recipient in prose. And two keeps: a placeholder behind
an escaped line break, and a guide's git identity beside a documentation address. Each beside the look-alikes
that must come out unchanged; every value is generated here.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable

import pytest

from tests.support.scrubbing import each_line, scrubbed, transcript_line

RNG = random.Random(20261212)

NAME_TOKEN = "[REDACTED:person-name]"
PHONE_TOKEN = "[REDACTED:phone]"

# Parts names, addresses and numbers are made of at test time.
GIVEN = ("Odile", "Tavish", "Maren", "Kofi", "Ilaria", "Brannock", "Sunniva", "Evander", "Rosalind", "Idris")
FAMILY = ("Quennell", "Abernathy", "Vantongeren", "Lachapelle", "Osei", "Drummond", "Hautala", "Penhallow")
DOMAINS = ("mailbox.org", "posteo.de", "kestrel-analytics.io", "northwind-freight.com")
DIGITS = "0123456789"


def _given(rng: random.Random) -> str:
    return rng.choice(GIVEN)


def _family(rng: random.Random) -> str:
    return rng.choice(FAMILY)


def _address(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN).lower()}.{rng.randint(10, 99)}@{rng.choice(DOMAINS)}"


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(DIGITS) for _ in range(n))


def _national_phone(rng: random.Random) -> str:
    """A number as a country writes it at home, blanks between its groups."""
    return rng.choice(
        (
            f"0{rng.choice('1234567')} " + " ".join(_digits(rng, 2) for _ in range(4)),
            f"0{rng.choice(['151', '170', '176'])} {_digits(rng, 7)}",
            f"020 {rng.choice('38')}{_digits(rng, 3)} {_digits(rng, 4)}",
        )
    )


def _record_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _fenced(text: str) -> str:
    return f"Current contents:\n\n```\n{text}```\n"


WRAPPERS: dict[str, Callable[[str], str]] = {
    "plain": lambda text: text,
    "escaped": transcript_line,
    "arrow": each_line(lambda n: f"{n:6d}→"),
    "fenced": _fenced,
}


def _values(rng: random.Random) -> dict[str, str]:
    return {
        "G": _given(rng),
        "F": _family(rng),
        "A": _address(rng),
        "I": _record_id(rng),
        "P": _national_phone(rng),
        "D": _digits(rng, 8),
    }


# --- people's names ----------------------------------------------------------------------------------------

# Each template names the person by {G} (given) and {F} (family): both must go.
PERSON_NAMES = (
    '<CdtTrfTxInf>\n  <Amt><InstdAmt Ccy="EUR">{D}</InstdAmt></Amt>\n  <Cdtr><Nm>{G} {F}</Nm></Cdtr>\n'
    "</CdtTrfTxInf>\n",
    "<DrctDbtTxInf>\n  <Dbtr>\n    <Nm>{G} {F}</Nm>\n  </Dbtr>\n</DrctDbtTxInf>\n",
    "<UltmtCdtr><Nm>{G} {F}</Nm></UltmtCdtr>\n<UltmtDbtr><Nm>{G} {F}</Nm></UltmtDbtr>\n",
    "INFO sqlalchemy.engine.Engine BEGIN (implicit)\n"
    "INFO sqlalchemy.engine.Engine INSERT INTO users (id, first_name, last_name, email) VALUES (?, ?, ?, ?)\n"
    "INFO sqlalchemy.engine.Engine [generated in 0.00031s] ('{I}', '{G}', '{F}', '{A}')\n"
    "INFO sqlalchemy.engine.Engine COMMIT\n",
    "INFO sqlalchemy.engine.Engine INSERT INTO users (id, first_name, last_name) VALUES (?, ?, ?)\n"
    "INFO sqlalchemy.engine.Engine [generated in 0.00049s] ('{I}', 'Odile', 'Osei')\n"
    "INFO sqlalchemy.engine.Engine [cached since 0.0012s ago] ('{I}', '{G}', '{F}')\n",
    "BEGIN:VCARD\nVERSION:4.0\nFN:{G} {F}\nN:{F};{G};;;\nORG:Northwind Freight\nEND:VCARD\n",
    "BEGIN:VCARD\nVERSION:3.0\nN;CHARSET=UTF-8:{F};{G};;Dr.;\nEND:VCARD\n",
    "Form W-9                 Request for Taxpayer\n1 Name of entity/individual\n  {G} {F}\n"
    "2 Business name/disregarded entity name, if different from above\n",
    "1 Name (as shown on your income tax return). Name is required on this line.\n{G} {F}\n",
    "2026-05-14 10:32:11,982 DEBUG [web] POST /signup body=first_name={G}&last_name={F}&plan=team\n",
    "INSERT INTO members (user_id, first_name, last_name) VALUES\n  ('{I}', '{G}', '{F}');\n",
    '{{"amount": 8440, "card": {{"number": "{D}", "exp_month": 2, "name": "{G} {F}"}}}}\n',
    '{{"billing_details": {{"address": null, "name": "{G} {F}"}}, "livemode": false}}\n',
)


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("template", PERSON_NAMES)
def test_a_name_the_structure_says_is_a_persons_goes(template: str, wrapper: str) -> None:
    values = _values(RNG)
    out = scrubbed(WRAPPERS[wrapper](template.format(**values)))
    assert values["G"] not in out and values["F"] not in out and NAME_TOKEN in out, out


NAME_LOOKALIKES = (
    # a product's or an organisation's name, and one under another parent
    "<Cdtr><Nm>Northwind Freight GmbH</Nm></Cdtr>\n<Dbtr><Nm>Kestrel Analytics Ltd</Nm></Dbtr>\n",
    "<Item><Nm>Blue Widget Deluxe</Nm></Item>\n<InitgPty><Nm>Payroll Run</Nm></InitgPty>\n",
    "<Prd>\n  <Nm>{G} {F}</Nm>\n</Prd>\n",
    "<Cdtr><Nm>{G}</Nm></Cdtr>\n",  # one word: a handle or a given name alone
    # an ORM's tuple for a table with no person column, and values given as written (not bound)
    "INFO sqlalchemy.engine.Engine INSERT INTO products (sku, title, price) VALUES (?, ?, ?)\n"
    "INFO sqlalchemy.engine.Engine [generated in 0.0003s] ('{D}', '{G} {F}', 9.5)\n",
    "INFO sqlalchemy.engine.Engine SELECT users.id FROM users WHERE users.first_name = ?\n"
    "INFO sqlalchemy.engine.Engine [generated in 0.0002s] ('{D}',)\n",
    # a vCard's organisation and the N of no vCard
    "BEGIN:VCARD\nVERSION:4.0\nFN:Support\nORG:Northwind Freight;Logistics\nEND:VCARD\n",
    "N:{F};{G};;;\n",
    "BEGIN:VCARD\nVERSION:4.0\nN:;;;;\nEND:VCARD\n",
    # a form's label with no name below it
    "1 Name of entity/individual\n  (Name is required on this line; do not leave it blank.)\n",
    # a form body's other keys, and a name key's lower-case value
    "2026-05-14 10:32:11,982 DEBUG [web] POST /search body=q=Blue+Widget&sort=Name&page=2&category=Home\n",
    "POST /signup body=first_name=test&last_name=user&plan=team\n",
    # a name key in a product's or a plan's object
    '{{"product": {{"sku": "{D}", "name": "Blue Widget"}}, "card": {{"brand": "visa", "last4": "{D}"}}}}\n',
    '{{"plan": {{"id": "{D}", "name": "{G} {F}"}}}}\n',
    '{{"card": {{"brand": "Visa Classic", "name": "Test User"}}}}\n',
)


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("template", NAME_LOOKALIKES)
def test_products_organisations_and_other_keys_stay(template: str, wrapper: str) -> None:
    text = WRAPPERS[wrapper](template.format(**_values(RNG)))
    assert scrubbed(text) == text


# --- phone numbers -----------------------------------------------------------------------------------------

PHONES = (
    "2026-05-14 20:05:40,919 INFO  [sms] sent verification code to {P} sid=SM{D} status=queued\n",
    "[sms] message sent to {P}\n",
    "POST /signup body=first_name=Odile&email=x&phone={PP}&plan=team\n",
    "INFO sqlalchemy.engine.Engine INSERT INTO contacts (id, mobile) VALUES (?, ?)\n"
    "INFO sqlalchemy.engine.Engine [generated in 0.0003s] ('{I}', '{P}')\n",
)


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("template", PHONES)
def test_a_phone_number_a_message_a_form_or_a_binding_names_goes(template: str, wrapper: str) -> None:
    values = _values(RNG)
    area, rest = _digits(RNG, 3), f"{_digits(RNG, 3)}-{_digits(RNG, 4)}"
    form_phone = f"({area})+{rest}"
    out = scrubbed(WRAPPERS[wrapper](template.format(PP=form_phone, **values)))
    assert values["P"] not in out and form_phone not in out and PHONE_TOKEN in out, out


PHONE_LOOKALIKES = (
    "[sms] reminder batch sent to 2026-05-14 queue\n",
    "[sms] sent code to 12 users; sms batch sent to 1200 recipients\n",
    "[sms] sent verification code to <your-phone> order={D}\n",
    "2026-05-14 10:32:11 INFO [mail] sent receipt to order {D}\n",
    "POST /cart body=qty=2&amount=12+34&sku={D}\n",
    "phone_min_length=7&phone_visible=true\n",
    "INFO sqlalchemy.engine.Engine INSERT INTO orders (id, total) VALUES (?, ?)\n"
    "INFO sqlalchemy.engine.Engine [generated in 0.0003s] ('{D}', '{P}')\n",
)


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("template", PHONE_LOOKALIKES)
def test_dates_amounts_and_order_numbers_beside_phone_words_stay(template: str, wrapper: str) -> None:
    text = WRAPPERS[wrapper](template.format(**_values(RNG)))
    assert scrubbed(text) == text


# --- keeps -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
def test_a_placeholder_behind_an_escaped_line_break_stays(wrapper: str) -> None:
    text = WRAPPERS[wrapper]("# copy to .env\nOPENAI_API_KEY=sk-...\nSESSION_SECRET=changeme\nDEBUG=1\n")
    assert scrubbed(text) == text


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
def test_a_guides_git_identity_beside_a_documentation_address_stays(wrapper: str) -> None:
    given, family = _given(RNG), _family(RNG)
    text = WRAPPERS[wrapper](
        f'git config --global user.name "{given} {family}"\n'
        f"git config --global user.email {given.lower()}@example.org\n"
    )
    assert scrubbed(text) == text


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
def test_a_git_identity_beside_a_real_address_goes(wrapper: str) -> None:
    given, family = _given(RNG), _family(RNG)
    out = scrubbed(
        WRAPPERS[wrapper](
            f'git config --global user.name "{given} {family}"\ngit config --global user.email {_address(RNG)}\n'
        )
    )
    assert f"{given} {family}" not in out and NAME_TOKEN in out, out
