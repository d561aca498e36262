"""The rule machinery every scrubbing rule shares: redactions, rules, and applying a rule to text.

A rule is one compiled regex plus a handler. The regex finds candidates; the handler looks at one
candidate (and the text around it, through ``match.string``) and either returns a `Redaction` or
``None`` to keep the text. Nearly every regex starts with a literal character: CPython's ``re``
skips to a literal first character at several hundred MB/s, but tests a character class at every
position at about a tenth of that speed, so the anchor choice decides the scrubber's throughput.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import attrs

TOKEN_OPEN = "[REDACTED:"

# ASCII only on purpose: the formats we look for are ASCII, and str.isalnum() would make
# "é" a word character and let a secret glued to non-ASCII prose escape its boundary check.
ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
WORD = ALNUM | {"_"}
TOKEN_CHARS = WORD | {"-"}


def token(kind: str) -> str:
    """Return the stable replacement text for a redaction of ``kind``, e.g. ``[REDACTED:email]``."""
    return f"{TOKEN_OPEN}{kind}]"


@attrs.frozen
class Redaction:
    """Replace ``text[start:end]`` with ``replacement``; ``kind`` is what gets counted."""

    start: int
    end: int
    kind: str
    replacement: str


def redact(start: int, end: int, kind: str) -> Redaction:
    """Return a redaction that replaces the span with the typed token of ``kind``."""
    return Redaction(start, end, kind, token(kind))


Handler = Callable[[re.Match[str]], Redaction | None]


@attrs.frozen
class Rule:
    """One detector: ``pattern`` proposes candidates, ``handle`` decides each one."""

    name: str
    pattern: re.Pattern[str]
    handle: Handler


def find_redactions(rule: Rule, text: str) -> Iterator[Redaction]:
    """Yield the rule's redactions in ``text``, in order and never overlapping.

    Handlers may start a redaction before their match (anchors sit in the middle of what they
    find), so a redaction reaching back into the previous one is dropped rather than merged.
    """
    last_end = 0
    for match in rule.pattern.finditer(text):
        found = rule.handle(match)
        if found is not None and found.start >= last_end and found.end > found.start:
            last_end = found.end
            yield found


def splice(text: str, redactions: list[Redaction]) -> str:
    """Return ``text`` with each (ordered, disjoint) redaction applied."""
    pieces: list[str] = []
    cursor = 0
    for item in redactions:
        pieces.append(text[cursor : item.start])
        pieces.append(item.replacement)
        cursor = item.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def starts_word(text: str, index: int, inside: frozenset[str] = ALNUM) -> bool:
    """Tell whether a token may start at ``index``: the character before is not in ``inside``.

    Agent transcripts often carry JSON-escaped text, where a secret follows ``\\n`` or ``\\t``;
    the ``n`` or ``t`` of such an escape counts as a boundary, not as part of a word.
    """
    if index <= 0:
        return True
    before = text[index - 1]
    if before not in inside:
        return True
    return before in "ntr" and index >= 2 and text[index - 2] == "\\"


def ends_word(text: str, index: int, inside: frozenset[str] = ALNUM) -> bool:
    """Tell whether a token may end at ``index``: the next character is not in ``inside``."""
    return index >= len(text) or text[index] not in inside


def is_token_at(text: str, start: int) -> bool:
    """Tell whether a redaction token starts at ``start`` (so it must not be redacted again)."""
    return text.startswith(TOKEN_OPEN, start)
