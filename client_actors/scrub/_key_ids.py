"""The ids of cloud service-account keys: a key file's ``private_key_id`` and the same id wherever it is printed.

A Google service-account key file names its key (``"private_key_id": "<40 hex>"`` beside the PEM key). The
id is not the key, but it is what picks one key out of a leak, what revokes or impersonates-by-name it in
an incident, and nobody needs it in training data. The same id printed by the CLI that made or lists the
key (``gcloud iam service-accounts keys list``'s KEY_ID column, ``created key [...]``, a key's resource name
``projects/p/serviceAccounts/sa@p.iam.gserviceaccount.com/keys/<id>``, the id given to ``keys delete``)
is the same value and gets the same judgement: redacting it in one place and keeping it in the next would
put it back beside everything else the record says about the key.

Only those contexts count. Forty hex digits are first of all a git commit or a SHA-1 digest: after
``commit``, in ``git log``, in a URL's path, as a ``sha``, ``digest``, ``checksum`` or ``etag`` they stay.
A bare ``key_id`` is taken only near the words of a key file (``service_account``, ``private_key``,
``gserviceaccount.com``), since a key id alone may be a GPG key's fingerprint, which is public.
"""

from __future__ import annotations

import base64
import binascii
import re

from client_actors.scrub._core import Redaction, Rule, redact, run_start
from client_actors.scrub._judge import LINE_LEAD, RULE_RUNS

_HEX40 = r"(?P<id>[0-9a-fA-F]{40})(?![0-9a-zA-Z_])"
# Between a name and its value: a JSON, YAML, TOML, HCL, env, Python or Ruby separator, quotes plain or
# escaped (a key file inside a JSON transcript line: `\"private_key_id\": \"...\"`).
_SEPARATOR = r"\\?[\"']?[ \t]*(?:[:=]>?|=>)[ \t]*\\?[\"']?"

# The key file's own field, in the spellings configs and code give it (GOOGLE_PRIVATE_KEY_ID in an env
# file, privateKeyId in JS, PrivateKeyID in Go).
KEY_FILE_ID_NAMES = ("private_key_id", "PRIVATE_KEY_ID", "rivateKeyId", "rivateKeyID", "private-key-id")
KEY_FILE_ID = Rule(
    "private-key-id",
    re.compile(r"(?:private_key_id|PRIVATE_KEY_ID|[pP]rivateKeyI[dD]|private-key-id)" + _SEPARATOR + _HEX40),
    lambda m: redact(m.start("id"), m.end("id"), "key"),
)

# Words of a key file or of the commands that handle one; a bare `key_id` is taken near one of them.
_KEY_FILE_WORDS = re.compile(
    r"service_account|serviceAccount|gserviceaccount\.com|private_key|service-accounts|firebase"
)
_NEAR = 2000


def _handle_key_id(match: re.Match[str]) -> Redaction | None:
    text = match.string
    if _KEY_FILE_WORDS.search(text, max(0, match.start() - _NEAR), match.end() + _NEAR) is None:
        return None
    return redact(match.start("id"), match.end("id"), "key")


KEY_ID_NAMES = ("key_id", "KEY_ID", "keyId", "KeyId", "keyID", "KeyID")
# (also the end of a camel-case name: `adminKeyId`; each lookbehind after the name's first letter, which `re`
# then looks for at C speed, not at every position)
_KEY_ID = re.compile(
    r"(?:k(?<![A-Za-z]k)(?:ey_id|eyI[dD])|K(?:(?<![A-Za-z]K)(?:EY_ID|eyI[dD])|(?<=[a-z]K)eyI[dD]))"
    + _SEPARATOR
    + _HEX40
)
KEY_ID = Rule("key-id", _KEY_ID, _handle_key_id)

# A key's resource name, as the API, `--format=json` listings and Terraform's `id` print it.
KEY_RESOURCE = Rule(
    "key-resource-name",
    re.compile(r"serviceAccounts/[^/\s\"'\\]{1,200}/keys/" + _HEX40),
    lambda m: redact(m.start("id"), m.end("id"), "key"),
)

# What `gcloud iam service-accounts keys create` (and delete, disable, enable) says, and the id given to the
# commands that act on a key.
# (without the bracket: a literal holding a token's first character is looked for around every replacement)
_KEY_DONE = ("reated key ", "eleted key ", "isabled key ", "nabled key ")
KEY_CREATED = Rule(
    "key-created",
    re.compile(r"(?:[cC]reated|[dD]eleted|[dD]isabled|[eE]nabled) key \[" + _HEX40),
    lambda m: redact(m.start("id"), m.end("id"), "key"),
)
KEY_COMMAND = Rule(
    "key-command",
    re.compile(
        r"service-accounts keys (?:delete|disable|enable|get-public-key|describe)\b[^\n;|&]{0,300}?"
        r"(?<![\w/=.\-])" + _HEX40
    ),
    lambda m: redact(m.start("id"), m.end("id"), "key"),
)

# The table `gcloud iam service-accounts keys list` prints: a KEY_ID CREATED_AT header, then one row per key,
# the id first and the creation time next. Rows are taken only while the table lasts: every line between
# the header and the row is itself a row (or the rule under the header), so a `git log` printed later in the
# same text keeps its commits.
_LISTING_ROW = re.compile(
    r"(?:(?<![0-9A-Za-z])|(?<=\\[nt]))" + _HEX40 + r"[ \t]+[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:"
)
_LISTING_HEADER = "KEY_ID"
_LINE_BREAK = re.compile(r"\r?\n|(?:\\r)?\\n")
_MAX_ROWS = 200


def _rule_line(line: str) -> bool:
    """The rule some versions and formats print under the header (`---- ----`, `──── ────`), behind a line's lead."""
    lead = LINE_LEAD.match(line)
    return RULE_RUNS.fullmatch(line, lead.end() if lead is not None else 0) is not None


def _handle_listing_row(match: re.Match[str]) -> Redaction | None:
    text, start = match.string, match.start()
    header = text.rfind(_LISTING_HEADER, max(0, start - 120 * _MAX_ROWS), start)
    if header < 0:
        return None
    lines = _LINE_BREAK.split(text[header:start])
    if len(lines) < 2 or "CREATED_AT" not in lines[0] or len(lines[-1]) > 40:
        return None  # the header's own line, or the row's lead (a wrapper's) is longer than any wrapper's
    if not all(_LISTING_ROW.search(line) or _rule_line(line) for line in lines[1:-1]):
        return None
    return redact(start, match.end("id"), "key")


KEY_LISTING = Rule("key-listing", _LISTING_ROW, _handle_listing_row)

# The whole key file base64-encoded, as Terraform's google_service_account_key.private_key, a Secret's data,
# a CI variable (GCP_SA_KEY=...) or `base64 key.json` give it: it holds the private key. Its `"service_account"`
# encodes to one of three strings (one per alignment in the 3-byte groups), which anchor the search; the run
# of base64 around it, wrapped lines included, goes when it decodes to text naming a private key.
SERVICE_ACCOUNT_BASE64 = ("InNlcnZpY2VfYWNjb3VudC", "JzZXJ2aWNlX2FjY291bnQi", "ic2VydmljZV9hY2NvdW50I")
_KEY_FILE_BASE64 = re.compile("|".join(SERVICE_ACCOUNT_BASE64))
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/]{0,8192}")
# `base64` wraps its output at 76 columns (PEM-style tools at 64): lines that long, one after another, are one
# run. A line break written or escaped (JSON-escaped text).
_WRAPPED = 60
_BREAK = re.compile(r"\r?\n|(?:\\r)?\\n")
_BREAK_BACK = re.compile(r"\n\r?|n\\(?:r\\)?")  # the same, read backwards


def _run_start(text: str, at: int) -> int:
    """Where the base64 run holding ``at`` starts: back over base64 characters, then over each whole line
    before it that holds base64 characters only and is a wrapped line's length."""
    while True:
        start = _back_over_run(text, at)
        brk = _BREAK_BACK.match(text[max(0, start - 4) : start][::-1])
        if brk is None:
            return start
        line_end = start - brk.end()
        line_start = _back_over_run(text, line_end)
        if line_end - line_start < _WRAPPED:
            return start
        if line_start > 0 and _BREAK_BACK.match(text[max(0, line_start - 4) : line_start][::-1]) is None:
            return start  # the line before holds more than base64: it is no wrapped line
        at = line_start


def _back_over_run(text: str, at: int) -> int:
    """Where the base64 characters ending at ``at`` start (an escape's ``n`` before them is no part of them)."""
    start = run_start(text, at, _BASE64_RUN, 8192)
    if start < at and text[start] == "n" and text[start - 1 : start] == "\\":
        start += 1  # "\\nZXlK...": the n belongs to the escape
    return start


def _run_end(text: str, at: int) -> int:
    """Where the base64 run holding ``at`` ends: on over base64 characters, then over each following line
    while the one before was a wrapped line's length and the next holds base64 characters only."""
    line_start = _back_over_run(text, at)
    while True:
        run = _BASE64_RUN.match(text, at)
        end = run.end() if run else at
        while run is not None and run.end() - run.start() == 8192:  # a very long run: on to its end
            run = _BASE64_RUN.match(text, end)
            end = run.end() if run else end
        brk = _BREAK.match(text, end)
        if brk is None or end - line_start < _WRAPPED:
            break
        following = _BASE64_RUN.match(text, brk.end())
        after = following.end() if following else brk.end()
        if after == brk.end() or not (after == len(text) or text[after] == "=" or _BREAK.match(text, after)):
            break
        line_start = at = brk.end()
    while text.startswith("=", end) and end - line_start < 8192:
        end += 1
    return end


def _handle_key_file_base64(match: re.Match[str]) -> Redaction | None:
    text = match.string
    start, end = _run_start(text, match.start()), _run_end(text, match.start())
    body = _BREAK.sub("", text[start:end]).rstrip("=")
    try:
        decoded = base64.b64decode(body[: len(body) - len(body) % 4])
    except (binascii.Error, ValueError):
        return None
    if b"private_key" not in decoded:
        return None
    return redact(start, end, "private-key")


KEY_FILE_BASE64 = Rule("key-file-base64", _KEY_FILE_BASE64, _handle_key_file_base64)

KEY_ID_RULES = (KEY_ID, KEY_RESOURCE, KEY_CREATED, KEY_COMMAND, KEY_LISTING)
# The literals every redaction of each rule needs in the text (for the prefilter, see `_engine`).
KEY_ID_LITERALS: dict[str, tuple[str, ...]] = {
    KEY_FILE_ID.name: KEY_FILE_ID_NAMES,
    KEY_ID.name: KEY_ID_NAMES,
    KEY_RESOURCE.name: ("serviceAccounts/",),
    KEY_CREATED.name: _KEY_DONE,
    KEY_COMMAND.name: ("service-accounts keys ",),
    KEY_LISTING.name: ("CREATED_AT",),  # the handler needs the table's header (the rarer of its names)
    KEY_FILE_BASE64.name: SERVICE_ACCOUNT_BASE64,
}
