"""Payment card numbers, North American phone numbers, US social security numbers: digit run shapes;
and bank account numbers (IBANs, see `_iban`), found in the same class string.

Digits are everywhere in logs, and a regex that starts with ``[0-9]`` makes ``re`` test a class
at every character. Instead the UTF-8 bytes are mapped one-to-one onto a class string (digits to
``0``, letters to ``a``) where every shape starts with the literal ``000``, which ``re`` skips to
quickly. Only the few matches of a shape are decoded and checked (issuer prefix, length, Luhn,
area code), so the cost is a translation and one fast scan. Upper-case letters get a class of their own
(``A``) so that an IBAN's start, two letters and two check digits, is the literal ``AA00``.
"""

from __future__ import annotations

import re

from client_actors.scrub._core import ALNUM, Redaction, char_offsets, disjoint, ends_word, redact, starts_word
from client_actors.scrub._iban import find_ibans


def _class_table() -> bytes:
    table = bytearray(b"#" * 256)
    for char in b"abcdefghijklmnopqrstuvwxyz_":
        table[char] = ord("a")
    for char in b"ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        table[char] = ord("A")
    for char in b"0123456789":
        table[char] = ord("0")
    for char in b" -.()":
        table[char] = char
    return bytes(table)


CLASSES = _class_table()
# Cards: 13-19 digits in one run, or 4-4-4-(1..7) / 4-6-5 groups with one separator throughout.
# Phones: 3-3-4 with "-" or ".", or "(3) 3-4". Social security numbers: 3-2-4 with "-", or with blanks as a
# cell of a comma-separated row.
# Every shape starts at the start of a digit run.
SHAPES = re.compile(
    rb"000(?:(?<!0000)(?:(?P<card>0(?:0{9,15}|(?P<s>[ \-])0000(?P=s)0000(?P=s)0{1,7}"
    rb"|(?P<a>[ \-])000000(?P=a)00000))"
    rb"|(?P<phone>(?P<p>[\-.])000(?P=p)0000)|(?P<ssn>-00-0000)|(?P<spaced> 00 0000))"
    rb"|(?P<paren>(?<=\(000)\)[ .\-]?000[ .\-]0000))(?!0|[.\-]0)"
)
_IBAN_START = re.compile(rb"AA00")  # two upper-case letters, two digits (see `_iban`)
_BEFORE = ALNUM | {"_", ".", "-", "+"}
_AREA = frozenset("23456789")

# Issuer prefixes and the lengths they issue (Visa, Mastercard, Amex, Discover/UnionPay, JCB, Diners).
_CARD_LENGTHS = (
    (("4",), (13, 16, 19)),
    (("51", "52", "53", "54", "55", "22", "23", "24", "25", "26", "27"), (16,)),
    (("34", "37"), (15,)),
    (("6",), (16, 17, 18, 19)),
    (("35",), (16, 17, 18, 19)),
    (("30", "36", "38", "39"), (14, 15, 16, 17, 18, 19)),
)


# Card numbers the payment processors publish for testing (Stripe's, Adyen's, Braintree's and the card
# networks' own): they charge nothing and name nobody, and code and docs are full of them.
PUBLISHED_TEST_CARDS = frozenset(
    {
        "4242424242424242", "4000056655665556", "4000000000000002", "4000000000009995", "4000000000000069",
        "4000000000000127", "4000000000000119", "4000002500003155", "4000002760003184", "4000000000003220",
        "5555555555554444", "2223003122003222", "5200828282828210", "5105105105105100", "378282246310005",
        "371449635398431", "6011111111111117", "6011000990139424", "3056930009020004", "36227206271667",
        "3566002020360505", "6200000000000005", "4111111111111111", "4012888888881881", "4222222222222",
        "5454545454545454",
        # Adyen's
        "4111111145551142", "5555341244441115", "370000000000002", "4988438843884305", "5577000055770004",
        "2222400070000005", "4166676667666746", "4646464646464644", "6011601160116611", "3569990010095841",
        "36006666333344",
    }
)  # fmt: skip


def is_card_number(digits: str) -> bool:
    """Tell whether ``digits`` has a card issuer's prefix and length and passes the Luhn check."""
    if not any(digits.startswith(prefix) and len(digits) in lengths for prefix, lengths in _CARD_LENGTHS):
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def is_ssn(digits: str) -> bool:
    """Tell whether nine digits can be an issued US social security number: area 001-899 but not 666,
    group 01-99, serial 0001-9999 (numbers outside these were never issued)."""
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


# A row's line break: written, escaped (JSON-escaped text), or the end of the string that holds it.
_ROW_END = re.compile(r"\r?\n|\\[rn]|\\?\"|$")


def _is_csv_cell(text: str, start: int, end: int) -> bool:
    """Whether ``start:end`` is a whole cell of a comma-separated row of three cells or more: a 3-2-4 number
    with blanks is a US social security number's printed shape (no phone, date, amount or version has it),
    and an export's row is where one stands without its column's name (`E-118,756 70 2462,IL,2021-07-19`)."""
    if text[start - 2 : start] == '\\"' and text[end : end + 2] == '\\"':
        start, end = start - 2, end + 2  # a quoted cell in JSON-escaped text
    elif text[start - 1 : start] == '"' and text[end : end + 1] == '"':
        start, end = start - 1, end + 1  # a quoted cell
    if text[start - 1 : start] != ",":
        return False
    if text[end : end + 1] != "," and _ROW_END.match(text, end) is None:
        return False
    floor = max(0, start - 400)
    newline, escaped = text.rfind("\n", floor, start), text.rfind("\\n", floor, start)
    line_start = max(newline + 1, escaped + 2 if escaped >= 0 else 0, floor)
    following = _ROW_END.search(text, end, end + 400)
    return text.count(",", line_start, following.start() if following else end + 400) >= 2


# An identifier's name right before a number: `<report_id>`, `"order_id": "`, `id=`.
_ID_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?i:id)|[_\-](?i:id)|(?<=[a-z])I[dD])(?:>|\\?[\"']?[ \t]*[:=][ \t]*\\?[\"']?)\Z"
)


def _judge(text: str, start: int, end: int, match: re.Match[bytes]) -> Redaction | None:
    if match.group("paren") is not None:
        start -= 1  # the "(" sits just before the area code, where the match starts
    if not starts_word(text, start, _BEFORE) or not ends_word(text, end):
        return None
    digits = "".join(c for c in text[start:end] if c.isdigit())
    if match.group("ssn") is not None:
        return redact(start, end, "ssn") if is_ssn(digits) else None
    if match.group("spaced") is not None:
        return redact(start, end, "ssn") if is_ssn(digits) and _is_csv_cell(text, start, end) else None
    if match.group("card") is not None:
        if digits in PUBLISHED_TEST_CARDS or _ID_BEFORE.search(text, max(0, start - 24), start):
            return None  # (an identifier's digits: a DMARC report's `<report_id>`, a record's `"order_id": `)
        return redact(start, end, "credit-card") if is_card_number(digits) else None
    if digits[0] in _AREA and digits[3] in _AREA:
        return redact(start, end, "phone")
    return None


def find_digit_shapes(text: str) -> list[Redaction]:
    """Return the card, phone, social security number and IBAN redactions in ``text``, in order."""
    return find_digit_shapes_encoded(text, text.encode("utf-8", "surrogatepass"))


def find_digit_shapes_encoded(text: str, raw: bytes) -> list[Redaction]:
    """`find_digit_shapes`, given ``raw``, the UTF-8 encoding of ``text`` (the engine has it already)."""
    classes = raw.translate(CLASSES)
    # Most texts: no IBAN's start, and no run of three digits, so no shape. `re`'s scan for a literal beats
    # `bytes.__contains__` on a class string, whose few distinct bytes defeat the latter's skips.
    ibans = find_ibans(text, raw, classes) if _IBAN_START.search(classes) else []
    # Every run start is tried, not only non-overlapping matches: a rejected shape
    # ("0000 4111 1111 1111") may overlap a real card starting one run later.
    matches = []
    match = SHAPES.search(classes)
    while match is not None:
        matches.append(match)
        match = SHAPES.search(classes, match.start() + 1)
    if not matches:
        return ibans
    found: list[Redaction] = []
    for match, start in zip(matches, char_offsets(text, raw, (m.start() for m in matches)), strict=True):
        item = _judge(text, start, start + match.end() - match.start(), match)  # shapes are ASCII
        if item is not None and (not found or item.start >= found[-1].end):
            found.append(item)
    if not ibans:
        return found
    # An IBAN's account digits can take a card's or a phone's shape: the IBAN is what they are.
    return disjoint([*ibans, *found])
