"""Card numbers and North American phone numbers (client_actors/scrub/_digits.py)."""

from __future__ import annotations

import random

import pytest

from client_actors.scrub import scrub_text
from client_actors.scrub._digits import is_card_number
from tests.scrubcorpus import fakes

RNG = random.Random(7)


def test_generated_cards_pass_the_check() -> None:
    for _ in range(200):
        card = fakes.card_number(RNG)
        assert is_card_number("".join(c for c in card if c.isdigit()))


@pytest.mark.parametrize("shape", ["{}", "{} ", '"{}"', "card={}", "\\n{}"])
def test_cards_are_redacted(shape: str) -> None:
    card = fakes.card_number(RNG)
    assert scrub_text(shape.format(card)).text == shape.format("[REDACTED:credit-card]")


@pytest.mark.parametrize(
    "text",
    [
        "ts 1700000000000 and 1700000000123456789",  # epoch milliseconds and nanoseconds
        "4111111111111112",  # fails Luhn
        "id 9111111111111111 and 0000000000000000",  # no issuer
        "41111111111111111111",  # too long
        "2024-05-14 09:12:44",
        "request 123e4567-e89b-12d3-a456-426614174000",
        "v1.2.3 and 10.0.19041.1",
        "4111.1111.1111.1111",  # dots are not card separators
    ],
)
def test_numbers_that_are_not_cards_are_kept(text: str) -> None:
    assert scrub_text(text).text == text


def test_is_card_number_checks_issuer_length_and_luhn() -> None:
    assert is_card_number("4111111111111111")
    assert is_card_number("378282246310005")  # Amex, 15 digits
    assert not is_card_number("378282246310005" + "0")
    assert not is_card_number("5111111111111111" + "8")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call 415-555-0123", "call [REDACTED:phone]"),
        ("call 415.555.0123", "call [REDACTED:phone]"),
        ("call (415) 555-0199", "call [REDACTED:phone]"),
        ("call (415)555-0199 é", "call [REDACTED:phone] é"),
    ],
)
def test_north_american_numbers_are_redacted(text: str, expected: str) -> None:
    assert scrub_text(text).text == expected


@pytest.mark.parametrize("text", ["123-456-7890", "415-155-0123", "2024-555-0123", "1-415-555-0123x"])
def test_invalid_north_american_numbers_are_kept(text: str) -> None:
    assert scrub_text(text).text == text


def test_offsets_survive_non_ascii_text() -> None:
    card = fakes.card_number(RNG)
    text = f"→ ✓ 日本 {card} — ünïcödé 415-555-0123 end"
    assert scrub_text(text).text == "→ ✓ 日本 [REDACTED:credit-card] — ünïcödé [REDACTED:phone] end"
