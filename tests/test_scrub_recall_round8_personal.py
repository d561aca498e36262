"""Personal numbers by the column or key that holds them, and the other classes a held-back part's recall by
class showed missing: phone numbers in a country's own format and SSNs without dashes under a separated
header, after a key naming a phone or a "call me on"; a `kubectl get secret -o json` data map; WordPress's
`define( 'NAME', '...' )`; a signed session cookie in parts; a camel-case service-account key id; addresses at
organisations' generic domains. Each beside look-alikes that must come out unchanged; values generated here.
"""

from __future__ import annotations

import base64
import json
import random
from collections.abc import Callable

import pytest

from tests.scrubcorpus import fakes
from tests.support.scrubbing import scrubbed

RNG = random.Random(20261205)


def _ssn(rng: random.Random) -> str:
    area = rng.choice([n for n in range(1, 900) if n != 666])
    return f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"


def _uk_mobile(rng: random.Random) -> str:
    return f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}"


def _fr_mobile(rng: random.Random) -> str:
    return "0" + str(rng.choice([6, 7])) + "".join(f" {rng.randint(10, 99)}" for _ in range(4))


def _escaped(text: str) -> str:
    return json.dumps({"type": "tool_result", "content": text})


WRAPPERS: dict[str, Callable[[str], str]] = {
    "plain": lambda text: text,
    "escaped": _escaped,
    "arrow": lambda text: "".join(f"    {n}→{line}\n" for n, line in enumerate(text.splitlines(), 3)),
}


def _csv(rng: random.Random, separator: str) -> tuple[str, list[str]]:
    header = separator.join(("id", "name", "phone", "card_last4", "ssn", "created_at"))
    rows, secrets = [], []
    for index in range(3):
        phone, ssn = (_uk_mobile(rng) if index % 2 else _fr_mobile(rng)), _ssn(rng)
        rows.append(separator.join((str(7000 + index), "A. Customer", phone, "4242", ssn, "2026-03-18")))
        secrets += [phone, ssn]
    return "\n".join(["$ head -4 exports/customers.csv", header, *rows]) + "\n", secrets


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_every_rows_phone_and_ssn_under_a_header_naming_their_columns_go(
    separator: str, wrapper: str
) -> None:
    text, secrets = _csv(RNG, separator)
    out = scrubbed(WRAPPERS[wrapper](text))
    assert not [secret for secret in secrets if secret in out], out
    assert "4242" in out and "2026-03-18" in out and "A. Customer" in out


@pytest.mark.parametrize(
    "template",
    [
        "{{'company': 'Tallpine', 'mobile': '{S}', 'plan': 'pro'}}\n",
        'phone = "{S}"\n',
        "Hi, my card was charged twice. You can call me on {S}. Thanks\n",
    ],
)
def test_a_phone_after_a_key_or_a_call_me_on_goes(template: str) -> None:
    for make in (_uk_mobile, _fr_mobile):
        phone = make(RNG)
        assert phone not in scrubbed(template.format(S=phone))


def test_a_secret_data_map_printed_as_json_goes() -> None:
    values = [base64.b64encode(fakes.password(RNG).encode()).decode() for _ in range(2)]
    text = (
        "$ kubectl get secret registry-creds -o json | jq .data\n{\n"
        f'  ".dockerconfigjson": "{values[0]}",\n  "password": "{values[1]}"\n}}\n'
    )
    for wrapper in WRAPPERS.values():
        out = scrubbed(wrapper(text))
        assert not [value for value in values if value in out]


def test_wordpress_defines_signed_cookies_camel_case_key_ids_and_generic_domains() -> None:
    password, salt = fakes.password(RNG), "".join(RNG.choice("0123456789abcdef") for _ in range(64))
    out = scrubbed(f"define( 'DB_PASSWORD', '{password}' );\ndefine( 'AUTH_KEY', '{salt}' );\n")
    assert password not in out and salt not in out and "define( 'DB_PASSWORD', '" in out
    payload = base64.urlsafe_b64encode(b'{"uid": 7751, "csrf": "41de19c1895cad20"}').decode().rstrip("=")
    cookie = f"{payload}.{fakes.generated_token(RNG, 27)}"
    assert cookie not in scrubbed(f"DEBUG [auth] login ok session={cookie}\n")
    key_id = "".join(RNG.choice("0123456789abcdef") for _ in range(40))
    assert key_id not in scrubbed(f'// firebase admin, server side only\nconst adminKeyId = "{key_id}";\n')
    assert "[REDACTED:email]" in scrubbed("user = omoreau@tallpine.health\n")


KEPT = (
    "id,name,phone_type,created_at\n1,A. Customer,mobile,2026-03-18\n",
    "id,phone,amount\nheader only\n",
    "The phone line 0800 123 456 is open on weekdays.\n",
    "token = self.session_manager.current_token\nsession=request.cookies.get\n",
    "SECRET=very_long_module_name.another_long_attribute\n",
    "x = a@self.weight\n",
)


@pytest.mark.parametrize("text", KEPT)
def test_look_alikes_stay(text: str) -> None:
    assert scrubbed(text) == text


def test_a_value_cut_at_an_equals_sign_inside_its_run_goes_whole() -> None:
    """`AccountKey=0=3760...`: the "=" is no base64 padding, so the value is the whole run; a redaction that
    ended at it would leave the rest (here a card number) glued to its token, where no rule reads it."""
    card = "376048764759382"
    out = scrubbed(f"AccountKey=0={card} ")
    assert card not in out and out.endswith(" ")
    lone = scrubbed("\ud800 Tel: 07727 597214\n")  # a lone surrogate: the scrubber takes any str
    assert "597214" not in lone
