"""Personal numbers by the column or key that holds them, where their shape alone says too little.

A phone number in a country's own format (`07411 270747`, `07 72 23 83 78`) or a social security number
without dashes (`695385233`) looks like any other number. Under a CSV or semicolon- or tab-separated header
that names the column (`phone`, `mobile`, `ssn`), every row's cell in that column is one, as far as the rows
keep the header's number of cells; after a key that names it (`'mobile': '07727 597214'`, `phone = ...`),
so is the value.
"""

from __future__ import annotations

import re

from client_actors.scrub._core import Redaction, redact
from client_actors.scrub._digits import is_ssn
from client_actors.scrub._personal import LINE_BREAK, lead_end, line_at, line_cells

_PHONE_COLUMNS = frozenset(
    {"phone", "phonenumber", "phone_number", "mobile", "mobilephone", "mobile_phone", "tel", "telephone", "cell",
     "cellphone", "cell_phone", "contact_phone", "msisdn"}
)  # fmt: skip
_SSN_COLUMNS = frozenset({"ssn", "socialsecuritynumber", "social_security_number", "ssn_number"})
_HEADER_WORD = re.compile(
    r"phone|Phone|PHONE|mobile|Mobile|MOBILE|[Tt]elephone|TELEPHONE|msisdn|MSISDN|ssn|Ssn|SSN"
    r"|[Ss]ocial_[Ss]ecurity|SOCIAL_SECURITY"
)
_SEPARATORS = (",", ";", "\\t", "\t", "|")
# A phone number: seven to fifteen digits, with the blanks, dashes, dots, brackets and "+" people write.
_PHONE_SHAPE = re.compile(r"\+?\(?[0-9]{1,5}\)?(?:[ \-.]?\(?[0-9]{1,5}\)?){1,6}")
_SSN_SHAPE = re.compile(r"[0-9]{3}[ \-]?[0-9]{2}[ \-]?[0-9]{4}")
_CELL_VALUE = re.compile(r"[ \t]*\\?[\"']?(?P<value>[^\"'\\]*?)\\?[\"']?[ \t]*\Z")
_MAX_ROWS = 1000


def _kind(name: str) -> str | None:
    name = name.strip().strip("\"'`").lower().replace(" ", "_").replace("-", "_")
    if name in _PHONE_COLUMNS:
        return "phone"
    if name in _SSN_COLUMNS:
        return "ssn"
    return None


def _judged(kind: str, value: str) -> bool:
    digits = "".join(c for c in value if c.isdigit())
    if kind == "ssn":
        return len(digits) == 9 and is_ssn(digits) and _SSN_SHAPE.fullmatch(value) is not None
    return 7 <= len(digits) <= 15 and _PHONE_SHAPE.fullmatch(value) is not None


def find_column_values(text: str) -> list[Redaction]:
    """Phone and social security numbers under a separated header naming their column, in order."""
    found: list[Redaction] = []
    done = -1
    for word in _HEADER_WORD.finditer(text):
        if word.start() < done:
            continue
        start, end = line_at(text, word.start())
        done = end
        body = lead_end(text, start, end)
        separator = next((s for s in _SEPARATORS if text.count(s, body, end) >= 2), None)
        if separator is None:
            continue
        names = [text[a:b] for a, b in line_cells(text, body, end, separator)]
        wanted = {index: kind for index, name in enumerate(names) if (kind := _kind(name)) is not None}
        if not wanted:
            continue
        position = end
        for _ in range(_MAX_ROWS):
            brk = LINE_BREAK.match(text, position)
            if brk is None:
                break
            row_start, row_end = line_at(text, brk.end())
            if row_start != brk.end():
                break
            # (a row's lead only where the header has one: a tab-separated row's first cell may be a number)
            row_body = lead_end(text, row_start, row_end) if body > start else row_start
            cells = line_cells(text, row_body, row_end, separator)
            if len(cells) != len(names):
                break
            for index, kind in wanted.items():
                a, b = cells[index]
                cell = _CELL_VALUE.match(text, a, b)
                if cell is not None and cell.group("value") and _judged(kind, cell.group("value")):
                    found.append(redact(cell.start("value"), cell.end("value"), kind))
            position = done = row_end
    return found


# A value after a key naming a phone (`'mobile': '07727 597214'`, `phone = "+44 ..."`, `tel: 0711 ...`), or
# after a person's "call me on" in a message.
_PHONE_KEYED = re.compile(
    r"(?:(?<![A-Za-z0-9_])(?:phone|Phone|PHONE|mobile|Mobile|MOBILE|telephone|Telephone|tel|Tel|msisdn)"
    r"(?:_?(?:number|Number|no))?\\?[\"']?[ \t]*[:=][ \t]*\\?[\"']?"
    r"|(?:[Cc]all|[Tt]ext|[Rr]each|[Cc]ontact) (?:me|us) (?:on|at) )"
    r"(?P<value>\+?\(?[0-9]{1,5}\)?(?:[ \-.]?\(?[0-9]{1,5}\)?){1,6})(?![0-9A-Za-z])"
)


def find_keyed_phones(text: str) -> list[Redaction]:
    """Phone numbers after a key that names one, in order."""
    found = []
    for match in _PHONE_KEYED.finditer(text):
        digits = sum(c.isdigit() for c in match.group("value"))
        if 7 <= digits <= 15:
            found.append(redact(match.start("value"), match.end("value"), "phone"))
    return found


COLUMN_LITERALS = (
    "phone", "Phone", "PHONE", "mobile", "Mobile", "MOBILE", "elephone", "ELEPHONE", "msisdn", "MSISDN", "ssn",
    "SSN", "Ssn", "ocial_security", "OCIAL_SECURITY", "ocial_Security",
)  # fmt: skip
PHONE_KEY_LITERALS = (
    "phone", "Phone", "PHONE", "mobile", "Mobile", "MOBILE", "tel", "Tel", "msisdn", " me on ", " me at ",
    " us on ", " us at ",
)  # fmt: skip
