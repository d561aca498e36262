"""Personal numbers by the column or key that holds them, where their shape alone says too little.

A phone number in a country's own format (`07411 270747`, `07 72 23 83 78`) or a social security number
without dashes (`695385233`) looks like any other number. Under a CSV or semicolon- or tab-separated header
that names the column (`phone`, `mobile`, `ssn`), every row's cell in that column is one, as far as the rows
keep the header's number of cells (psql's rule line under it skipped); after a key that names it (`'mobile':
'07727 597214'`, `phone = ...`, `ONCALL_PHONE=...`, `setPhoneNumber("...")`, a vCard's `TEL;TYPE=CELL:`), so
is the value (a form body's "+" standing for a blank: `phone=(646)+374-9277`), and so is a text message's
recipient on a line that sends one (`sms.sent to="..."`, `twilio.messages.create(to=...)`, `[sms] sent
verification code to 07 52 ...`; a date there is none).
"""

from __future__ import annotations

import re

from ahocorasick_rs import AhoCorasick, MatchKind

from client_actors.scrub._core import Redaction, redact
from client_actors.scrub._digits import is_ssn
from client_actors.scrub._personal import LINE_BREAK, RULE_LINE, lead_end, line_at, line_cells

_PHONE_COLUMNS = frozenset(
    {"phone", "phonenumber", "phone_number", "mobile", "mobilephone", "mobile_phone", "tel", "telephone", "cell",
     "cellphone", "cell_phone", "contact_phone", "msisdn"}
)  # fmt: skip
_SSN_COLUMNS = frozenset({"ssn", "socialsecuritynumber", "social_security_number", "ssn_number"})
_HEADER_WORDS = (
    "phone", "Phone", "PHONE", "mobile", "Mobile", "MOBILE", "elephone", "ELEPHONE", "msisdn", "MSISDN", "ssn",
    "Ssn", "SSN", "ocial_security", "ocial_Security", "OCIAL_SECURITY",
)  # fmt: skip
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


def is_phone_value(value: str) -> bool:
    """Tell whether a value under a phone's column or key has a phone number's digits and shape."""
    return _judged("phone", value)


def phone_column(name: str) -> bool:
    """Tell whether a column or key named ``name`` holds phone numbers."""
    return _kind(name) == "phone"


def _judged(kind: str, value: str) -> bool:
    digits = "".join(c for c in value if c.isdigit())
    if kind == "ssn":
        return len(digits) == 9 and is_ssn(digits) and _SSN_SHAPE.fullmatch(value) is not None
    return 7 <= len(digits) <= 15 and _PHONE_SHAPE.fullmatch(value) is not None


_CELL_EDGE = frozenset(
    ",;\t|\"'\n `([{tTsS_"
)  # before a column's name (its first letters: Telephone, Social)


_HEADER_FINDER = AhoCorasick(list(_HEADER_WORDS), matchkind=MatchKind.LeftmostLongest)


def _occurrences(text: str) -> list[int]:
    """Where a header word stands in ``text``, in order: one automaton scan, far faster than an alternation the
    regex engine tries at every character, or a search per word."""
    return [start for _, start, _ in _find(_HEADER_FINDER, _HEADER_WORDS, text)]


def _find(finder: AhoCorasick, words: tuple[str, ...], text: str) -> list[tuple[int, int, int]]:
    """(word's index, start, end) of the words in ``text``, leftmost longest; by `str.find` where the text holds a
    lone surrogate, which the automaton cannot take."""
    try:
        return finder.find_matches_as_indexes(text)
    except UnicodeEncodeError:
        found = []
        for index, word in enumerate(words):
            at = text.find(word)
            while at >= 0:
                found.append((index, at, at + len(word)))
                at = text.find(word, at + 1)
        found.sort(key=lambda item: (item[1], -(item[2] - item[1])))
        kept: list[tuple[int, int, int]] = []
        for item in found:  # leftmost longest, not overlapping, as the automaton gives them
            if not kept or item[1] >= kept[-1][2]:
                kept.append(item)
        return kept


def find_column_values(text: str) -> list[Redaction]:
    """Phone and social security numbers under a separated header naming their column, in order."""
    found: list[Redaction] = []
    done = -1
    for at in _occurrences(text):
        if at < done or (
            at > 0 and text[at - 1] not in _CELL_EDGE and text[at - 2 : at] not in ("\\t", "\\n")
        ):
            continue  # within a word or a sentence: no header's cell starts here
        start, end = line_at(text, at)
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
                if RULE_LINE.fullmatch(text, row_body, row_end) and "-" in text[row_body:row_end]:
                    position = row_end  # psql's rule under its header, `----+-------`
                    continue
                break
            for index, kind in wanted.items():
                a, b = cells[index]
                cell = _CELL_VALUE.match(text, a, b)
                if cell is not None and cell.group("value") and _judged(kind, cell.group("value")):
                    found.append(redact(cell.start("value"), cell.end("value"), kind))
            position = done = row_end
    return found


# A value after a key naming a phone (`'mobile': '07727 597214'`, `phone = "+44 ..."`, `tel: 0711 ...`), or
# after a person's "call me on" in a message. One pattern per word, each starting with its literal. A form's
# body writes its blanks as "+" (`phone=(646)+374-9277`).
_PHONE_NUMBER = (
    r"(?P<value>\+?\(?[0-9]{1,5}\)?(?:(?:[ \-.]|\+(?=\(?[0-9]))?\(?[0-9]{1,5}\)?){1,6})(?![0-9A-Za-z])"
)
_PHONE_KEYS = (
    "phone",
    "Phone",
    "PHONE",
    "mobile",
    "Mobile",
    "MOBILE",
    "telephone",
    "Telephone",
    "tel",
    "Tel",
    "msisdn",
)
_PHONE_PHRASES = (" me on ", " me at ", " us on ", " us at ")
# A vCard's telephone line, its parameters before the colon: `TEL;TYPE=CELL:+44 ...`.
_VCARD_TEL = ("TEL;", "TEL:")
# Words of a line that sends a text message (`sms.sent provider=twilio to="..."`, `twilio.messages.create(to=...)`):
# its recipient's number is a phone's though its key is `to`.
_SMS_WORDS = ("sms", "SMS", "twilio", "Twilio")
_PHONE_KEYED = (
    tuple(
        re.compile(
            key
            + r"(?:_?(?:number|Number|no))?\\?[\"']?[ \t]*(?:[:=]|(?<=[a-z])\()[ \t]*\\?[\"']?"
            + _PHONE_NUMBER
        )
        for key in _PHONE_KEYS
    )
    + tuple(re.compile(phrase + _PHONE_NUMBER) for phrase in _PHONE_PHRASES)
    + tuple(
        re.compile(r"TEL(?:;[A-Za-z\-]{1,20}=[^:;\n\\]{0,40})*:[ \t]*" + _PHONE_NUMBER) for _ in _VCARD_TEL
    )
)
_SMS_RECIPIENT = re.compile(
    r"(?:(?<![\w.])|(?<=\\[nt]))(?:to|recipient|(?:sms_?)?(?:number|to_number))\\?[\"']?[ \t]*[:=][ \t]*\\?[\"']?"
    + _PHONE_NUMBER
)
# Prose of a line that sends a text message, before its recipient: `[sms] sent verification code to 07 52 ...`.
_SMS_SENT_TO = re.compile(r"(?<![A-Za-z])(?:sent|code|message|text|SMS|sms)[ \t]+to[ \t]+" + _PHONE_NUMBER)
# What such prose may send to that is no phone: a date, a time.
_DATE_SHAPE = re.compile(
    r"[0-9]{4}[\-./][0-9]{1,2}[\-./][0-9]{1,2}|[0-9]{1,2}[\-./][0-9]{1,2}[\-./][0-9]{2,4}"
)
_PHONE_WORDS = _PHONE_KEYS + _PHONE_PHRASES + _VCARD_TEL + _SMS_WORDS
_PHONE_FINDER = AhoCorasick(list(_PHONE_WORDS), matchkind=MatchKind.LeftmostLongest)
_PHONE_VERBS = re.compile(r"(?:[Cc]all|[Tt]ext|[Rr]each|[Cc]ontact)\Z")
_PHRASES_END = len(_PHONE_KEYS) + len(_PHONE_PHRASES)
_TEL_END = _PHRASES_END + len(_VCARD_TEL)


def _glued(text: str, at: int) -> bool:
    """Tell whether the key word at ``at`` is part of a longer word (`hotel:`, `Intel`, `iPhone`), not the end of
    a key's (`ONCALL_PHONE`, `work_phone`, `setPhoneNumber`)."""
    before = text[at - 1] if at > 0 else " "
    if before == "_" or not before.isalnum():
        return False
    camel = before.islower() and text[at].isupper() and text[at + 1 : at + 2].islower()
    return not camel or text[max(0, at - 2) : at].strip().lower() == "i"


def _sms_recipients(text: str, at: int) -> list[Redaction]:
    """The recipient's number on a line that sends a text message (`to="..."`, "sent ... to 07 ...")."""
    start, end = line_at(text, at)
    return [
        redact(match.start("value"), match.end("value"), "phone")
        for pattern in (_SMS_RECIPIENT, _SMS_SENT_TO)
        for match in pattern.finditer(text, start, end)
        if 7 <= sum(c.isdigit() for c in match.group("value")) <= 15
        and _DATE_SHAPE.fullmatch(match.group("value")) is None
    ]


def find_keyed_phones(text: str) -> list[Redaction]:
    """Phone numbers after a key that names one, a vCard's `TEL`, a "call me on" or a text message's recipient,
    in order."""
    found = []
    lines_done = -1
    for index, at, _ in _find(_PHONE_FINDER, _PHONE_WORDS, text):
        if index >= _TEL_END:
            if at >= lines_done:
                found += _sms_recipients(text, at)
                lines_done = line_at(text, at)[1]
            continue
        match = _PHONE_KEYED[index].match(text, at)
        if match is not None:
            if index < len(_PHONE_KEYS):
                if _glued(text, match.start()):
                    continue
            elif index < _PHRASES_END:
                if _PHONE_VERBS.search(text, max(0, match.start() - 8), match.start()) is None:
                    continue
            elif lead_end(text, *line_at(text, match.start())) != match.start():
                continue  # a vCard's TEL starts its line
            digits = sum(c.isdigit() for c in match.group("value"))
            if 7 <= digits <= 15:
                found.append(redact(match.start("value"), match.end("value"), "phone"))
    found.sort(key=lambda item: item.start)
    return [item for index, item in enumerate(found) if index == 0 or item.start >= found[index - 1].end]


COLUMN_LITERALS = _HEADER_WORDS
PHONE_KEY_LITERALS = _PHONE_WORDS
