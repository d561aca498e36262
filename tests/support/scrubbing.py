"""What the scrubber's tests hold every output to."""

from __future__ import annotations

import json
import random
import re
import string
from collections.abc import Callable

from client_actors.scrub import scrub_text
from client_actors.scrub._engine import scrub_every_pass
from client_actors.scrub._iban import BBAN_LAYOUTS


def scrubbed(text: str) -> str:
    """The scrubbed text, after checking that every pass run ungated gives the same and that it is stable."""
    out = scrub_text(text).text
    assert scrub_every_pass(text).text == out
    assert scrub_text(out).text == out
    return out


def transcript_line(text: str) -> str:
    """The text as a tool result's transcript line carries it: a JSON object, the text escaped inside it."""
    return json.dumps({"type": "tool_result", "content": text})


def each_line(lead: Callable[[int], str]) -> Callable[[str], str]:
    """A wrapper putting ``lead(n)`` before the text's n-th line (from 1): a line number, a diff's sign, a CI stamp."""
    return lambda text: "".join(f"{lead(n)}{line}\n" for n, line in enumerate(text.splitlines(), 1))


def deliveries(stamp: str) -> dict[str, Callable[[str], str]]:
    """The ways agents' output carries a text: as is, behind a CI log's timestamps (``stamp``, a date and a time to
    the minute, `2026-05-11T08:41`), with line numbers, as a diff's added lines, inside a transcript line."""
    return {
        "plain": lambda text: text,
        "ci": each_line(lambda n: f"{stamp}:{n:02d}.1180424Z "),
        "numbered": each_line(lambda n: f"{n + 1:6d}\u2192"),
        "diff": each_line(lambda n: "+"),
        "transcript": transcript_line,
    }


def pick(rng: random.Random, alphabet: str, n: int) -> str:
    """``n`` characters of ``alphabet`` drawn from ``rng``: a generated fake's body."""
    return "".join(rng.choice(alphabet) for _ in range(n))


_LAYOUT_CLASSES = {
    "n": string.digits,
    "a": string.ascii_uppercase,
    "c": string.ascii_uppercase + string.digits,
}
_CHECK_VALUES = str.maketrans({letter: str(10 + i) for i, letter in enumerate(string.ascii_uppercase)})


def check_digits(country: str, bban: str) -> str:
    """An IBAN's check digits for ``country`` and its account (ISO 13616: 98 less the mod 97 of the digits)."""
    return f"{98 - int((bban + country + '00').translate(_CHECK_VALUES)) % 97:02d}"


def make_iban(rng: random.Random, country: str | None = None) -> str:
    """A valid IBAN of ``country`` (or a random registry country): an account of its layout, check digits
    computed."""
    country = country or rng.choice(sorted(BBAN_LAYOUTS))
    bban = "".join(
        "".join(rng.choice(_LAYOUT_CLASSES[kind]) for _ in range(int(count)))
        for count, kind in re.findall(r"([0-9]+)([nac])", BBAN_LAYOUTS[country])
    )
    return country + check_digits(country, bban) + bban
