"""Classes the rules used to miss: bank account numbers (IBAN), each in several syntaxes and behind the line
wrappers agents print (a JSON-escaped transcript line, a diff's added line, a numbered file read, a CI log's
timestamp), beside the look-alikes that must come out unchanged. Every value is generated at test time.
"""

from __future__ import annotations

import json
import random
import re
import string
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from client_actors.scrub import REDACTION_KINDS, scrub_text
from client_actors.scrub._engine import scrub_every_pass
from client_actors.scrub._iban import BBAN_LAYOUTS, IBAN_LENGTHS, is_iban

RNG = random.Random(20261207)


def scrubbed(text: str) -> str:
    """The scrubbed text, after checking it is what every pass run ungated gives and that it is stable."""
    out = scrub_text(text).text
    assert scrub_every_pass(text).text == out
    assert scrub_text(out).text == out
    return out


def _escaped(text: str) -> str:
    """The text as a transcript line carries it: inside a JSON string, quotes and newlines escaped."""
    return json.dumps({"type": "tool_result", "content": text})[
        len('{"type": "tool_result", "content": "') : -2
    ]


WRAPPERS: dict[str, Callable[[str], str]] = {
    "plain": lambda line: line,
    "escaped": _escaped,
    "diff": lambda line: f"+{line}",
    "arrow": lambda line: f"    12→{line}",
    "timestamp": lambda line: f"2026-12-03T22:00:01.1234567Z {line}",
}

# --- IBAN ---------------------------------------------------------------------------------------------------

_LAYOUT_CLASSES = {
    "n": string.digits,
    "a": string.ascii_uppercase,
    "c": string.ascii_uppercase + string.digits,
}
_CHECK_VALUES = str.maketrans({letter: str(10 + i) for i, letter in enumerate(string.ascii_uppercase)})


def _check_digits(country: str, bban: str) -> str:
    return f"{98 - int((bban + country + '00').translate(_CHECK_VALUES)) % 97:02d}"


def make_iban(rng: random.Random, country: str | None = None) -> str:
    """A valid IBAN of ``country`` (or a random registry country): an account of its layout, check digits
    computed."""
    country = country or rng.choice(sorted(BBAN_LAYOUTS))
    bban = "".join(
        "".join(rng.choice(_LAYOUT_CLASSES[kind]) for _ in range(int(count)))
        for count, kind in re.findall(r"([0-9]+)([nac])", BBAN_LAYOUTS[country])
    )
    return country + _check_digits(country, bban) + bban


def wrong_check(iban: str) -> str:
    """The same IBAN with other check digits (still in 02-98), which the mod-97 check rejects."""
    digits = int(iban[2:4])
    return f"{iban[:2]}{(digits - 2 + 1 + RNG.randrange(95)) % 97 + 2:02d}{iban[4:]}"


def grouped(iban: str) -> str:
    """The printed form: groups of four, one space between."""
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def test_the_registry_lengths_of_common_countries() -> None:
    # From the public IBAN registry: the lengths payments in these countries use.
    expected = {
        "DE": 22, "GB": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "BE": 16, "CH": 21, "AT": 20, "PL": 28,
        "PT": 25, "IE": 22, "SE": 24, "DK": 18, "NO": 15, "FI": 18, "LU": 20, "CZ": 24, "GR": 27, "HU": 28,
        "RO": 24, "BG": 22, "HR": 21, "SK": 24, "SI": 19, "LT": 20, "LV": 21, "EE": 20, "MT": 31, "CY": 28,
        "TR": 26, "SA": 24, "AE": 23, "IL": 23, "BR": 29, "UA": 29, "IS": 26, "LI": 21, "MC": 27, "SM": 27,
    }  # fmt: skip
    assert {country: IBAN_LENGTHS[country] for country in expected} == expected


def test_generated_ibans_are_valid_and_wrong_check_digits_are_not() -> None:
    for _ in range(300):
        iban = make_iban(RNG)
        assert is_iban(iban), iban
        assert not is_iban(wrong_check(iban))
        assert not is_iban(iban[:-1]) and not is_iban(iban + "0")


IBAN_LINES = [
    "Please transfer the deposit to IBAN {} by Friday.",
    "IBAN: {}",
    "name,iban,amount\nJane Roe,{},120.00",
    '{{"creditor": {{"name": "Jane Roe", "iban": "{}"}}, "amount": {{"currency": "EUR", "value": "10.00"}}}}',
    "iban: {}",
    'iban = "{}"',
    "PAYOUT_IBAN={}",
    "INSERT INTO accounts (id, holder, iban) VALUES (7, 'Jane Roe', '{}');",
    " 7 | Jane Roe | {} | active",
    "2026-12-04 09:12:44 INFO payout created iban={} amount=120.00",
    "stripe.sources.create(type='sepa_debit', sepa_debit={{'iban': '{}'}})",
    "  <IBAN>{}</IBAN>",
]


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
@pytest.mark.parametrize("line", IBAN_LINES)
@pytest.mark.parametrize("printed", [False, True], ids=["compact", "grouped"])
def test_an_iban_is_redacted_in_any_syntax_behind_any_wrapper(
    wrap: Callable[[str], str], line: str, printed: bool
) -> None:
    iban = make_iban(RNG, RNG.choice(["DE", "GB", "FR", "NL", "ES", "IT", "BE", "CH", "PL", "NO", "MT"]))
    written = grouped(iban) if printed else iban
    out = scrubbed(wrap(line.format(written)))
    assert out == wrap(line.format("[REDACTED:iban]")), out
    assert "iban" in REDACTION_KINDS


def test_the_counts_name_the_iban() -> None:
    result = scrub_text(f"IBAN {make_iban(RNG)} and {grouped(make_iban(RNG))}")
    assert result.counts.get("iban") == 2 and result.counts.total == 2


def test_an_ibans_digits_are_never_read_as_a_card() -> None:
    # A German account's 18 digits, printed in groups, hold a card's 4-4-4-4 shape; the IBAN is what they are.
    for _ in range(200):
        iban = make_iban(RNG, "DE")
        assert scrubbed(f"to {grouped(iban)} today") == "to [REDACTED:iban] today"


@pytest.mark.parametrize("wrap", WRAPPERS.values(), ids=WRAPPERS.keys())
def test_iban_look_alikes_are_kept(wrap: Callable[[str], str]) -> None:
    iban = make_iban(RNG, "DE")
    # Printed in groups with wrong check digits, a German account's digits may still be read as a card
    # number; a Dutch one has too few digits in a row for that.
    dutch = make_iban(RNG, "NL")
    hexdigest = "".join(RNG.choice("0123456789ABCDEF") for _ in range(40))
    kept = [
        f"IBAN {wrong_check(iban)} was rejected: check digits",
        f"IBAN {grouped(wrong_check(dutch))} was rejected",
        f"masked: {iban[:4]} **** **** **** **{iban[-4:-2]} {iban[-2:]}",
        f"IBAN {iban[:-1]} is one digit short",
        f"IBAN {iban}7 is one digit long",
        f"sha1 {hexdigest}",
        "order ORD-2024-000123 and invoice INV2026-00042, SKU DE12345678, build AB12CD34EF56GH78IJ90",
        "SHA256 AES128 ISO8601 RFC1918 UTF8 X509 DE12 GB00",
        f"{iban.lower()} in lower case is an identifier, not a printed IBAN",
        f"ref_{iban} and X{iban}",
    ]
    for text in kept:
        assert scrubbed(wrap(text)) == wrap(text), text


@settings(max_examples=200, deadline=None)
@given(st.randoms(use_true_random=False), st.booleans(), st.sampled_from(sorted(BBAN_LAYOUTS)))
def test_any_valid_iban_in_a_sentence_is_removed(rng: random.Random, printed: bool, country: str) -> None:
    iban = make_iban(rng, country)
    written = grouped(iban) if printed else iban
    out = scrubbed(f"Send it to {written}, please.")
    assert out == "Send it to [REDACTED:iban], please."


@settings(max_examples=200, deadline=None)
@given(st.randoms(use_true_random=False), st.booleans(), st.sampled_from(sorted(BBAN_LAYOUTS)))
def test_any_iban_with_wrong_check_digits_is_kept(rng: random.Random, printed: bool, country: str) -> None:
    iban = make_iban(rng, country)
    digits = int(iban[2:4])
    other = f"{iban[:2]}{(digits - 2 + rng.randrange(1, 97)) % 97 + 2:02d}{iban[4:]}"
    assert other != iban
    text = f"Send it to {grouped(other) if printed else other}, please."
    out = scrubbed(text)
    assert "[REDACTED:iban]" not in out
