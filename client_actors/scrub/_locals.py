"""Variables' values that a traceback prints under the code: loguru's and better_exceptions' `diagnose` view.

    client.post(url, auth=(user, password))
    │           │          │     └ 'the password itself'
    │           │          └ 'alice'
    │           └ 'https://api.example.com/v1'
    └ <Client object at 0x7f3a2c1d9e50>

Each `└` stands under the first character of the name whose value follows it, so the name is read off the
code line above at the pointer's column; the value goes when the name is a sensitive one (as an assignment to
it would). Lines may carry a numbered read's lead, the same on every line; JSON-escaped text, whose escapes
move the columns, is not read.
"""

from __future__ import annotations

import re

from client_actors.scrub._core import Redaction, redact
from client_actors.scrub._names import classify_name, is_placeholder

_POINTER = re.compile(r"└ (?:'(?P<sq>[^'\n]{1,4096})'|\"(?P<dq>[^\"\n]{1,4096})\")[ \t]*(?=\r?\n|$)")
_BOX_ONLY = re.compile(r"[ \t│]*")
_LEAD = re.compile(r"[ \t]*[0-9]{1,7}(?:\t|→)")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,80}")
_MOST_POINTER_LINES = 64


def find_pointed_locals(text: str) -> list[Redaction]:
    """The values under a sensitive name in every `diagnose` block of ``text``, in order."""
    found = []
    for pointer in _POINTER.finditer(text):
        line_start = text.rfind("\n", 0, pointer.start()) + 1
        name = _name_above(text, line_start, pointer.start())
        if name is None or classify_name(name) is None:
            continue
        group = "sq" if pointer.group("sq") is not None else "dq"
        if not is_placeholder(pointer.group(group)):
            found.append(redact(pointer.start(group), pointer.end(group), "secret"))
    return found


def _name_above(text: str, line_start: int, at: int) -> str | None:
    """The name the pointer at ``at`` points to: on the first line above that is not pointers and bars alone."""
    lead = _LEAD.match(text, line_start, at)
    body_start = lead.end() if lead is not None else line_start
    if _BOX_ONLY.fullmatch(text, body_start, at) is None:
        return None
    column = at - line_start
    end = line_start - 1
    for _ in range(_MOST_POINTER_LINES):
        if end < 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].rstrip("\r")
        if "└" not in line and _BOX_ONLY.fullmatch(line[_lead_width(line) :]) is None:
            if column > len(line) or (column > 0 and (line[column - 1].isalnum() or line[column - 1] == "_")):
                return None
            name = _NAME.match(line, column)
            return name.group() if name is not None else None
        end = start - 1
    return None


def _lead_width(line: str) -> int:
    lead = _LEAD.match(line)
    return lead.end() if lead is not None else 0
