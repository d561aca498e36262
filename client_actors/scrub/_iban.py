"""International bank account numbers (ISO 13616): a country code, two check digits, a national account.

An IBAN names one person's or one company's account, so it goes wherever it is written: compact
(``DE89...``) or in the printed form's groups of four. Only valid ones are taken: a country of the public
IBAN registry, that country's length and account layout, and the mod-97 check giving 1. Upper-case
identifiers, hashes and order numbers that merely start with two letters and two digits fail one of these.

The search runs on the digit pass's class string (`_digits`), where every IBAN starts with ``AA00`` (two
upper-case letters, two digits): ``bytes.find`` skips to that at memory speed, and few texts hold it.
"""

from __future__ import annotations

import re

from client_actors.scrub._core import WORD, Redaction, char_offsets, ends_word, redact, starts_word

# The account layout (BBAN) of each country, in the registry's notation without the "!": n digits,
# a upper-case letters, c upper-case letters or digits. The IBAN's length is 4 plus the layout's.
BBAN_LAYOUTS: dict[str, str] = {
    "AD": "4n4n12c", "AE": "3n16n", "AL": "8n16c", "AT": "5n11n", "AZ": "4a20c", "BA": "3n3n8n2n",
    "BE": "3n7n2n", "BG": "4a4n2n8c", "BH": "4a14c", "BR": "8n5n10n1a1c", "BY": "4c4n16c", "CH": "5n12c",
    "CR": "4n14n", "CY": "3n5n16c", "CZ": "4n6n10n", "DE": "8n10n", "DK": "4n9n1n", "DO": "4c20n",
    "EE": "2n2n11n1n", "EG": "4n4n17n", "ES": "4n4n1n1n10n", "FI": "3n11n", "FO": "4n9n1n",
    "FR": "5n5n11c2n", "GB": "4a6n8n", "GE": "2a16n", "GI": "4a15c", "GL": "4n9n1n", "GR": "3n4n16c",
    "GT": "4c20c", "HR": "7n10n", "HU": "3n4n1n15n1n", "IE": "4a6n8n", "IL": "3n3n13n", "IQ": "4a3n12n",
    "IS": "4n2n6n10n", "IT": "1a5n5n12c", "JO": "4a4n18c", "KW": "4a22c", "KZ": "3n13c", "LB": "4n20c",
    "LC": "4a24c", "LI": "5n12c", "LT": "5n11n", "LU": "3n13c", "LV": "4a13c", "MC": "5n5n11c2n",
    "MD": "2c18c", "ME": "3n13n2n", "MK": "3n10c2n", "MR": "5n5n11n2n", "MT": "4a5n18c",
    "MU": "4a2n2n12n3n3a", "NL": "4a10n", "NO": "4n6n1n", "PK": "4a16c", "PL": "8n16n", "PS": "4a21c",
    "PT": "4n4n11n2n", "QA": "4a21c", "RO": "4a16c", "RS": "3n13n2n", "SA": "2n18c", "SC": "4a2n2n16n3a",
    "SE": "3n16n1n", "SI": "5n8n2n", "SK": "4n6n10n", "SM": "1a5n5n12c", "ST": "8n11n2n", "SV": "4a20n",
    "TL": "3n14n2n", "TN": "2n3n13n2n", "TR": "5n1n16c", "UA": "6n19c", "VA": "3n15n", "VG": "4a16n",
    "XK": "4n10n2n",
    # Countries that joined the registry later, their layouts taken as letters or digits throughout.
    "BI": "23c", "DJ": "23c", "FK": "14c", "HN": "24c", "LY": "21c", "MN": "16c", "NI": "24c", "OM": "19c",
    "RU": "29c", "SD": "14c", "SO": "19c", "YE": "26c",
}  # fmt: skip
_CLASS = {"n": "[0-9]", "a": "[A-Z]", "c": "[A-Z0-9]"}
_SEGMENT = re.compile(r"([0-9]+)([nac])")


def _layout(spec: str) -> tuple[int, re.Pattern[str]]:
    segments = _SEGMENT.findall(spec)
    length = sum(int(count) for count, _ in segments)
    return length, re.compile("".join(f"{_CLASS[kind]}{{{count}}}" for count, kind in segments))


# Country -> (the IBAN's length, the account layout as a regex).
_COUNTRIES = {country: _layout(spec) for country, spec in BBAN_LAYOUTS.items()}
IBAN_LENGTHS = {country: 4 + length for country, (length, _) in _COUNTRIES.items()}
_UPPER_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_GROUP_SPACES = frozenset(" \u00a0\u202f")
# Each character's value in the check: digits as themselves, letters A=10 ... Z=35.
_CHECK_VALUES = str.maketrans({chr(ord("A") + i): str(10 + i) for i in range(26)})


def iban_checks(iban: str) -> bool:
    """Tell whether a compact upper-case IBAN passes ISO 7064 mod 97-10 (the account moved behind the
    country and check digits, letters as numbers, remainder 1)."""
    if not "02" <= iban[2:4] <= "98":
        return False  # the check digits the computation can give
    return int((iban[4:] + iban[:4]).translate(_CHECK_VALUES)) % 97 == 1


def is_iban(iban: str) -> bool:
    """Tell whether a compact upper-case string is a valid IBAN: country, length, layout and check."""
    country = _COUNTRIES.get(iban[:2])
    if country is None or len(iban) != 4 + country[0] or not iban[2:4].isdigit():
        return False
    return country[1].fullmatch(iban, 4) is not None and iban_checks(iban)


def _iban_end(text: str, start: int) -> int | None:
    """Where the IBAN starting at ``start`` ends, written compact or in groups of four; None if none does."""
    length = IBAN_LENGTHS.get(text[start : start + 2])
    if length is None or not starts_word(text, start, WORD):
        return None
    end = start + length
    compact = text[start:end]
    if len(compact) == length and _UPPER_ALNUM.issuperset(compact) and ends_word(text, end, WORD):
        return end if is_iban(compact) else None
    # The printed form: "DE89 3704 0044 0532 0130 00", one space between groups of four (a no-break space
    # where a document or a web page printed it).
    pieces = [text[start : start + 4]]
    position, left = start + 4, length - 4
    while left > 0:
        size = min(4, left)
        group = text[position + 1 : position + 1 + size]
        if (
            text[position : position + 1] not in _GROUP_SPACES
            or len(group) != size
            or not _UPPER_ALNUM.issuperset(group)
        ):
            return None
        pieces.append(group)
        position, left = position + 1 + size, left - size
    if not ends_word(text, position, WORD):
        return None
    return position if is_iban("".join(pieces)) else None


def find_ibans(text: str, raw: bytes, classes: bytes) -> list[Redaction]:
    """Return the IBAN redactions in ``text``; ``classes``: `_digits`' class string of ``raw``, its UTF-8."""
    hits = []
    at = classes.find(b"AA00")
    while at >= 0:
        hits.append(at)
        at = classes.find(b"AA00", at + 1)
    found: list[Redaction] = []
    for start in char_offsets(text, raw, hits) if hits else ():
        if found and start < found[-1].end:
            continue
        end = _iban_end(text, start)
        if end is not None:
            found.append(redact(start, end, "iban"))
    return found
