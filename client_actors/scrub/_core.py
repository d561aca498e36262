"""The rule machinery every scrubbing rule shares: redactions, rules, and applying a rule to text.

A rule is one compiled regex plus a handler. The regex finds candidates; the handler looks at one
candidate (and the text around it, through ``match.string``) and either returns a `Redaction` or
``None`` to keep the text. Nearly every regex starts with a literal character: CPython's ``re``
skips to a literal first character at several hundred MB/s, but tests a character class at every
position at about a tenth of that speed, so the anchor choice decides the scrubber's throughput.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator

import attrs

TOKEN_OPEN = "[REDACTED:"

# ASCII only on purpose: the formats we look for are ASCII, and str.isalnum() would make
# "é" a word character and let a secret glued to non-ASCII prose escape its boundary check.
ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
WORD = ALNUM | {"_"}
TOKEN_CHARS = WORD | {"-"}
# Where a command's name may start: a line's start, a blank, a shell operator, a quote, a path's "/", a diff's
# "+" (an added line), a numbered read's arrow, or an escaped line feed in a JSON string.
COMMAND_START = r"(?:^|[\s;&|(/\"'`=+\u2192]|\\n)"


def literal_positions(text: str, literals: Iterable[str]) -> list[int]:
    """Where each of ``literals`` starts in ``text``, every occurrence, in order (`str.find` scans at C speed; an
    alternation of the literals would be tried at every position)."""
    found = []
    for literal in literals:
        at = text.find(literal)
        while at >= 0:
            found.append(at)
            at = text.find(literal, at + 1)
    return sorted(found)


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
    """One detector: ``pattern`` proposes candidates, ``handle`` decides each one.

    ``trigger``, when set, is a literal every match contains; ``str.__contains__`` checks it about
    twice as fast as the regex scan would, so a text without it skips the rule. Only rare literals
    are worth it: when the literal is usually there, the test is paid on top of the scan.
    """

    name: str
    pattern: re.Pattern[str]
    handle: Handler
    trigger: str | None = None


def find_redactions(rule: Rule, text: str, first: re.Match[str] | None = None) -> list[Redaction]:
    """Return the rule's redactions in ``text``, in order and never overlapping.

    Handlers may start a redaction before their match (anchors sit in the middle of what they
    find), so a redaction reaching back into the previous one is dropped rather than merged. After
    a rejected match the search resumes one character later, not after it: the rejected candidate
    ("0000 4111 1111 1111", not a card) may overlap a real one ("4111 1111 1111 1111").
    ``first``: the pattern's first match in ``text``, when the caller has already searched for it.
    """
    if first is None and rule.trigger is not None and rule.trigger not in text:
        return []
    found: list[Redaction] = []
    match = rule.pattern.search(text) if first is None else first
    while match is not None:
        item = rule.handle(match)
        if item is not None and item.end > item.start and (not found or item.start >= found[-1].end):
            found.append(item)
            match = rule.pattern.search(text, max(match.end(), match.start() + 1))
        else:
            match = rule.pattern.search(text, match.start() + 1)
    return found


def disjoint(redactions: Iterable[Redaction]) -> list[Redaction]:
    """Return ``redactions`` sorted by start, dropping any that overlaps one kept before it."""
    kept: list[Redaction] = []
    for item in sorted(redactions, key=lambda r: (r.start, -r.end)):
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


_TOKEN = re.compile(r"\[REDACTED:[a-z0-9\-]+\]")
_LONGEST_TOKEN = 64  # longer than any token the rules write
_TOKEN_BEFORE = re.compile(r"\[REDACTED:[a-z0-9\-]+\]\Z")


def outside_tokens(text: str, redactions: list[Redaction]) -> list[Redaction]:
    """Return the redactions that do not touch a ``[REDACTED:...]`` token already in ``text``.

    Rules run in order and an early rule may see, on a second scrub, a token made by a later rule
    (a colon in "[REDACTED:api-key]" looks like "user:password"). Never cutting into or swallowing
    a token is what keeps ``scrub(scrub(x)) == scrub(x)``. Only the neighbourhood of each redaction is
    looked at, so the cost follows the redactions, not the text's length.
    """
    if not redactions or TOKEN_OPEN not in text:
        return redactions
    return [item for item in redactions if not touches_token(text, item.start, item.end)]


def touches_token(text: str, start: int, end: int) -> bool:
    """Tell whether ``[start, end)`` shares a character with a redaction token."""
    at = text.find(TOKEN_OPEN, max(0, start - _LONGEST_TOKEN), end)
    while at >= 0:
        match = _TOKEN.match(text, at)
        if match is not None and match.end() > start:
            return True
        at = text.find(TOKEN_OPEN, at + 1, end)
    return False


@attrs.frozen
class TokenSpans:
    """Where the ``[REDACTED:...]`` tokens of a text are, for overlap tests by bisection."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def overlaps(self, start: int, end: int) -> bool:
        """Tell whether ``[start, end)`` shares a character with a token."""
        index = bisect.bisect_left(self.starts, end)  # tokens starting before ``end``
        return index > 0 and self.ends[index - 1] > start


def token_spans(text: str) -> TokenSpans:
    """Return the spans of the redaction tokens in ``text``."""
    spans = [(match.start(), match.end()) for match in _TOKEN.finditer(text)]
    return TokenSpans(tuple(s for s, _ in spans), tuple(e for _, e in spans))


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


def splice_spans(text: str, redactions: list[Redaction]) -> tuple[str, list[tuple[int, int]]]:
    """`splice`, and where each replacement stands in the new text."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    cursor = shift = 0
    for item in redactions:
        pieces.append(text[cursor : item.start])
        pieces.append(item.replacement)
        start = item.start + shift
        spans.append((start, start + len(item.replacement)))
        shift += len(item.replacement) - (item.end - item.start)
        cursor = item.end
    pieces.append(text[cursor:])
    return "".join(pieces), spans


def char_offsets(text: str, raw: bytes, byte_offsets: Iterable[int]) -> Iterator[int]:
    """Map ascending offsets into ``raw``, the UTF-8 encoding of ``text``, to offsets into ``text``.

    Some passes scan bytes (``bytes.lower`` and ``bytes.translate`` are much faster than their
    ``str`` versions on non-ASCII text). Offsets must fall on character boundaries; only the gaps
    between them are decoded, so the whole walk is linear.
    """
    if len(raw) == len(text):
        yield from byte_offsets
        return
    byte_pos = char_pos = 0
    for offset in byte_offsets:
        char_pos += len(raw[byte_pos:offset].decode("utf-8", "surrogatepass"))
        byte_pos = offset
        yield char_pos


def run_start(text: str, at: int, run: re.Pattern[str], reach: int) -> int:
    """Where the run ending at ``at`` starts: ``run`` matched over the text read backwards from ``at``, at most
    ``reach`` characters back (a name before its "=", a local part before its "@", base64 before a marker)."""
    back = run.match(text[max(0, at - reach) : at][::-1])
    return at - (back.end() if back else 0)


def starts_word(text: str, index: int, inside: frozenset[str] = ALNUM) -> bool:
    """Tell whether a token may start at ``index``: the character before is not in ``inside``.

    Agent transcripts often carry JSON-escaped text, where a secret follows ``\\n`` or ``\\t``;
    the ``n`` or ``t`` of such an escape counts as a boundary, not as part of a word.
    """
    if index <= 0:
        return True
    before = text[index - 1]
    if before == "]" and _TOKEN_BEFORE.search(text, max(0, index - 40), index):
        return False  # a token stands for word characters; see `ends_word`
    if before not in inside:
        return True
    return before in "ntr" and index >= 2 and text[index - 2] == "\\"


def ends_word(text: str, index: int, inside: frozenset[str] = ALNUM) -> bool:
    """Tell whether a token may end at ``index``: the next character is not in ``inside``.

    A redaction token next to the candidate counts as a word character: it replaced one, and on
    a second scrub the answer must be the one the first scrub gave.
    """
    if index >= len(text):
        return True
    return text[index] not in inside and not text.startswith(TOKEN_OPEN, index)


def is_token_at(text: str, start: int) -> bool:
    """Tell whether a redaction token starts at ``start`` (so it must not be redacted again)."""
    return text.startswith(TOKEN_OPEN, start)
