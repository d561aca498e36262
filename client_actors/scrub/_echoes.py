"""Echoes: a value one pass took, left elsewhere in the same text where nothing says what it is.

An agent sets a variable and then uses its value, reads a key file and then passes the key on, prints a record
and then names its person in a sentence: one place says what the value is (a password's name, a key file's field,
a column), the others do not. Once a pass has taken a value, every other copy of it in the text goes too, with the
same kind: a whole run (no ASCII letter or digit glued on either side), outside the tokens already written.

Only values too long and too varied to be met by chance are looked for again: eight characters or more, five of
them different (not a run of zeros, which ids and placeholders hold), and a person's name of two words or more.
Not looked for: what a rule finds by its shape alone, wherever it stands (vendors' tokens, JWTs, private keys,
e-mail and host addresses, card numbers and IBANs), and home directories, whose user names have echoes of their own
(see `_home`).
"""

from __future__ import annotations

import operator
from collections.abc import Iterator, Sequence

from ahocorasick_rs import BytesAhoCorasick

from client_actors.scrub._core import ALNUM, TOKEN_OPEN, Redaction, char_offsets, disjoint, redact

_NOT_ECHOED = frozenset(
    {
        "home-path", "username", "ipv4", "ipv6", "email", "credit-card", "iban", "jwt", "private-key",
        "aws-access-key", "google-api-key", "github-token", "gitlab-token", "slack-token", "slack-webhook",
        "discord-token", "discord-webhook", "stripe-key", "openai-api-key", "anthropic-api-key", "xai-api-key",
        "huggingface-token", "npm-token", "pypi-token", "sendgrid-api-key", "twilio-key", "shopify-token",
        "digitalocean-token", "linear-api-key", "sentry-token", "postman-api-key", "databricks-token",
        "atlassian-token", "doppler-token",
    }
)  # fmt: skip
_SHORTEST = 8
_FEWEST_CHARACTERS = 5


def echoed_values(text: str, found: Sequence[Redaction]) -> list[tuple[str, str]]:
    """The values of ``found`` (redactions about to be applied to ``text``) to look for again, with their kinds."""
    values: list[tuple[str, str]] = []
    for item in found:
        if item.kind in _NOT_ECHOED or item.end - item.start < _SHORTEST:
            continue
        value = text[item.start : item.end]
        if (
            "\n" in value
            or TOKEN_OPEN in value
            or len(set(value)) < _FEWEST_CHARACTERS
            or (item.kind == "person-name" and " " not in value.strip())
        ):
            continue
        values.append((value, item.kind))
    return values


def find_echoes(text: str, values: Sequence[tuple[str, str]]) -> list[Redaction]:
    """Every whole copy in ``text`` of one of ``values``, ordered and disjoint (a value's kind: the first it was
    named with)."""
    kinds: dict[str, str] = {}
    for value, kind in values:
        kinds.setdefault(value, kind)
    found: list[Redaction] = []
    for value, at in _occurrences(text, list(kinds)):
        end = at + len(value)
        if (at == 0 or text[at - 1] not in ALNUM) and (end == len(text) or text[end] not in ALNUM):
            found.append(redact(at, end, kinds[value]))
    return disjoint(found) if found else found


# Up to this many values, each is looked for with `str.find`; more (a dump of many credentials), all in one scan,
# so that the cost follows the text's length and not its length times the values' count.
_FEW = 8


def _occurrences(text: str, values: list[str]) -> Iterator[tuple[str, int]]:
    """Each value and where it occurs, every occurrence (overlapping ones too)."""
    if len(values) <= _FEW:
        for value in values:
            at = text.find(value)
            while at >= 0:
                yield value, at
                at = text.find(value, at + 1)
        return
    raw = text.encode("utf-8", "surrogatepass")
    automaton = BytesAhoCorasick([value.encode("utf-8", "surrogatepass") for value in values])
    matches = sorted(automaton.find_matches_as_indexes(raw, overlapping=True), key=_START)
    for (index, _, _), at in zip(matches, char_offsets(text, raw, map(_START, matches)), strict=True):
        yield values[index], at


_START = operator.itemgetter(1)
