"""Private keys, whatever wraps their lines: PEM, PGP and SSH2 armour, PuTTY key files, age identities, a PEM block
base64-encoded whole, a key's DER in base64 with no armour, a JSON Web Key's private members.

A key reaches the scrubber as a file is shown, and the tool that shows it puts something before each line or
changes how lines end: a line number and a tab or an arrow (a file read), a CI log's timestamp, a diff's ``+``,
a YAML block scalar's indentation, a quote's ``>``, JSON's ``\\n`` (escaped twice when a transcript holds JSON
that holds the key), an env var's literal ``\\n``, Windows' ``\\r\\n``. One description of a line of the body
serves every rule here: a line break as written, what a tool may put before the line, and the line's base64.
A block whose end marker is in view goes whole from marker to marker; one cut short (``head``, a truncated
output) loses every line that is still its body, across a tool's ``...`` where it left lines out. Code that
holds a key a line to a string (``"MIIE...\\n" +``), XML's ``&#xA;``, HTML's ``<br>`` and ``cat -A``'s ``$`` are
line breaks too.
"""

from __future__ import annotations

import base64
import re

from client_actors.scrub._core import Redaction, Rule, redact

# A line break: raw, or JSON-escaped once or more (``\n``, ``\\n``, ``\r\n``; JSON in JSON in JSON), as an env
# var's literal ``\n`` is; XML's character references (``&#xA;``, ``&#13;&#10;``) and HTML's ``<br>``.
_BREAK = r"(?:\r{0,2}\n|\r|(?:\\{1,8}r){0,2}\\{1,8}n|(?:&#(?:x0?[AaDd]|1[03]);){1,2}|<br ?/?>)"
_BLANK = r"(?:[ \t]|\\{1,8}t)"
# What a tool puts before a line it shows: indentation, a line number (with its tab, arrow, colon or bar), a
# grep hit's file name, a CI log's timestamp, a diff's sign, a quote's or a box's border.
_LEAD = (
    _BLANK + r"{0,24}(?:(?:(?:[0-9]{1,7}|[\w\-]{0,100}[./][\w./\-]{0,100}:(?:[0-9]{1,7}[:\-])?"
    r"|[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(?:[.,][0-9]{1,9})?(?:Z|[+\-][0-9]{2}:?[0-9]{2})?)"
    r"(?:→|\\{1,8}u2192|[:|])?|[+\-<>│┃║|])"
    + _BLANK
    + r"{0,8}){0,3}"  # (a numbered read of a diff: all three)
)
# Where a tool left lines or characters out: "...", "…", "... [1234 characters truncated] ...".
_ELLIPSIS = r"(?:\.\.\.|…)(?:[^\r\n\\.…]{0,80}(?:\.\.\.|…))?"
# Code that holds a key a line to a string: each line quoted, and joined by "+", ".", "," or nothing
# ("MIIE...\n" +, a Python list's 'MIIE...',).
_CLOSE_QUOTE = r"(?:\\{0,3}[\"'`](?:[ \t]*[+.,])?[ \t]*)?"
_OPEN_QUOTE = r"(?:[+.,]?[ \t]*\\{0,3}[\"'`])?"
# `cat -A`'s marks at a line's end: "$", and "^M" for a carriage return.
_MARKED_END = r"(?:(?:\^M)?\$){0,2}"
# One or more line breaks, blank or elided lines between, then what a tool put before the next line.
_STEP = (
    rf"(?:{_CLOSE_QUOTE}{_MARKED_END}{_BREAK}{_LEAD}{_OPEN_QUOTE}(?:{_ELLIPSIS}[^\r\n\\]{{0,40}})?){{1,8}}"
)
_PLAIN_STEP = rf"(?:{_MARKED_END}{_BREAK}{_LEAD})"
# A line's base64 (a line flattened into one with blanks between its parts included), ending where the line
# does (`cat -A` marks the end with "$", a carriage return with "^M") or where a tool cut it; an armour header
# ("Proc-Type: 4,ENCRYPTED", "Version: GnuPG v2").
_BASE64_LINE = (
    r"[A-Za-z0-9+/=]{4,128}(?:[ \t]{1,4}[A-Za-z0-9+/=]{16,128}){0,64}"
    r"(?![A-Za-z0-9+/=])(?=[ \t]*(?:[\r\n\"'`\\<\[(…$^&]|\.\.\.|$))"
)
_HEADER = (
    r"[A-Z][A-Za-z\-]{0,32}:(?:(?!&#|<br)[^\r\n\\]|\\{1,7}[\"'])" + "{0,256}"
)  # (its quotes escaped in JSON)
_BODY_LINES = rf"(?:(?:{_STEP}|[ \t]{{1,8}}|{_ELLIPSIS})(?:{_BASE64_LINE}|{_HEADER})){{0,400}}"

# The whole block goes, armour lines included; the body never runs past another armour line, so a run of
# BEGIN lines costs one scan each. Public keys and certificates are not secret and are kept. The SSH2 (RFC 4716)
# armour is written "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----".
PEM_BLOCK = re.compile(
    r"(?:-----|---- )BEGIN (?P<label>[A-Z0-9 ]{0,24}PRIVATE KEY(?: BLOCK)?)(?:-----| ----)"
    r"(?:(?P<whole>(?:(?!(?:-----|---- )(?:BEGIN|END) )[\s\S]){0,32000}(?:-----|---- )END (?P=label)(?:-----| ----))|"
    + _BODY_LINES
    + ")"
)
_KEY_MATERIAL = re.compile(r"[A-Za-z0-9+/]{16}")
_CUT_MATERIAL = re.compile(r"[A-Za-z0-9+/]{8}")


def _handle_pem(match: re.Match[str]) -> Redaction | None:
    body = match.group()[len(match.group("label")) + 16 :]
    # The markers with no key between them, as code that looks for them writes them
    # (`START = b"-----BEGIN ..."`, `if line.startswith(...)`), or a block cut before its first line.
    material = _KEY_MATERIAL if match.group("whole") is not None else _CUT_MATERIAL
    if material.search(body) is None:
        return None
    return redact(match.start(), match.end(), "private-key")


PRIVATE_KEY = Rule("private-key", PEM_BLOCK, _handle_pem)

# A PuTTY key file (.ppk) gives its private part as "Private-Lines: N" and N lines of base64; the public part,
# the comment and the MAC stay. Where a tool left the header out ("..." in the middle), the base64 lines after
# the gap and before "Private-MAC:" (or the end of what was shown, in a key file's text) are the private part's
# last.
_PPK_PRIVATE = re.compile(
    r"Private-Lines:[ \t]*[0-9]{1,4}(?P<body>(?:" + _STEP + _BASE64_LINE + r"){1,400})"
    # (the lines after a gap up to the next, taken whole or not at all: each gap costs one scan of its lines)
    r"|(?:\.\.\.|…)[^\r\n\\]{0,80}(?P<elided>(?>(?:"
    + _PLAIN_STEP
    + _BASE64_LINE
    + r"){1,400}))(?=(?:"
    + _PLAIN_STEP
    + r")?(?:Private-MAC:|[\s\"'`\\}\]]{0,16}$))"
)
_STEP_ONLY = re.compile(_STEP)


def _handle_ppk(match: re.Match[str]) -> Redaction | None:
    text, group = match.string, "body" if match.group("body") is not None else "elided"
    if group == "elided" and "PuTTY-User-Key-File" not in text and "Private-MAC:" not in text:
        return None  # base64 after a gap, in no key file
    step = _STEP_ONLY.match(text, match.start(group))
    start = step.end() if step is not None else match.start(group)
    while text[start - 1].isdigit() and start > match.start(group):
        start -= 1  # digits the line number's pattern took are the line's first characters
    return redact(start, match.end(), "private-key")


PUTTY_PRIVATE_LINES = Rule("putty-private-key", _PPK_PRIVATE, _handle_ppk)

# An age identity: AGE-SECRET-KEY- (and a variant's name, for the post-quantum ones), "1", and the key in
# upper-case bech32.
AGE_SECRET_KEY = Rule(
    "age-secret-key",
    re.compile(r"AGE-SECRET-KEY-(?:[A-Z0-9]{1,8}-)?1[02-9AC-HJ-NP-Z]{40,2048}(?![A-Za-z0-9])"),
    lambda m: redact(m.start(), m.end(), "private-key"),
    "AGE-SECRET-KEY-",
)

# A PEM block itself base64-encoded, as a kubeconfig's client-key-data, a Secret's data, a CI variable or `base64
# id_rsa` give it: "-----BEGIN " encodes to "LS0tLS1CRUdJTi", and the label that follows says whether the block is
# a private key (a certificate's, in client-certificate-data, is kept). `base64` wraps its output at 76 characters.
_ENCODED_PEM = re.compile(
    r"LS0tLS1CRUdJTi[A-Za-z0-9+/]{16,65536}={0,2}(?:" + _PLAIN_STEP + r"[A-Za-z0-9+/]{4,128}={0,2}){0,2048}"
    r"(?![A-Za-z0-9+/=])"
)
_ENCODED_LABEL = re.compile(r"-----BEGIN [A-Z0-9 ]{0,24}PRIVATE KEY")


def _handle_encoded_pem(match: re.Match[str]) -> Redaction | None:
    head = match.group()[:64]
    try:
        decoded = base64.b64decode(head[: len(head) // 4 * 4]).decode("ascii", "replace")
    except ValueError:
        return None
    if _ENCODED_LABEL.match(decoded) is None:
        return None
    return redact(match.start(), match.end(), "private-key")


ENCODED_PRIVATE_KEY = Rule("encoded-private-key", _ENCODED_PEM, _handle_encoded_pem, "LS0tLS1CRUdJTi")

# A private key's DER in base64 with no armour (an env var, a JSON field, a .p8 file's body on one line): its first
# bytes say what it is. RSA and DSA keys, PKCS #1 or #8, start SEQUENCE, INTEGER 0, then an INTEGER or the algorithm's
# SEQUENCE ("MII" + 3 + "IBAA" or "IBAD"); EC keys' SEQUENCE holds INTEGER 0 or 1 ("AgEA", "AgEB"), or is short
# ("MHcCAQEE", P-256's SEC 1); Ed25519's PKCS #8 is "MC4CAQAw". Certificates, requests and public keys start
# otherwise ("MII?" + 2 + "CCA", "MIIBIjAN").
_DER_PRIVATE = re.compile(
    r"(?:MII[A-Za-z0-9+/]{3}IBA[AD]|M[IH][GH][A-Za-z0-9+/]AgE[AB]|MHcCAQEE|MC4CAQAw)[A-Za-z0-9+/]{40,8192}={0,2}"
    r"(?:" + _PLAIN_STEP + r"[A-Za-z0-9+/]{4,128}={0,2}){0,256}(?![A-Za-z0-9+/=])"
)
_BASE64_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")


def _handle_der(match: re.Match[str]) -> Redaction | None:
    text, start = match.string, match.start()
    if start > 0 and text[start - 1] in _BASE64_CHARS and text[start - 2 : start] not in ("\\n", "\\t"):
        return None  # inside a longer run of base64: a certificate's or a blob's bytes
    return redact(start, match.end(), "private-key")


DER_PRIVATE_KEY = Rule("der-private-key", _DER_PRIVATE, _handle_der)

KEY_RULES = (PRIVATE_KEY, PUTTY_PRIVATE_LINES, AGE_SECRET_KEY, ENCODED_PRIVATE_KEY, DER_PRIVATE_KEY)

# A JSON Web Key names its private members: "d" (RSA, EC, OKP), "p", "q", "dp", "dq", "qi" (RSA), "k" (a symmetric
# key). They go; the public ones ("n", "e", "x", "y", "crv") and the key's id stay. The object is the one around
# "kty", whatever order its members come in.
_JWK_MEMBER = re.compile(
    r"(?P<q>\\{0,3}[\"'])(?:d|p|q|dp|dq|qi|k)(?P=q)[ \t]*:[ \t]*\\{0,3}[\"'](?P<value>[A-Za-z0-9_\-]{16,16384})"
)
_JWK_TYPE = re.compile(r"kty\\{0,3}[\"'][ \t]*:")


def find_jwk_private(text: str) -> list[Redaction]:
    """Return the redactions of the private members of the JSON Web Keys in ``text``."""
    found: list[Redaction] = []
    for kty in _JWK_TYPE.finditer(text):
        opened = text.rfind("{", max(0, kty.start() - 16384), kty.start())
        closed = text.find("}", kty.end(), kty.end() + 65536)
        if opened < 0:
            continue
        end = closed if closed >= 0 else min(len(text), kty.end() + 65536)
        for member in _JWK_MEMBER.finditer(text, opened, end):
            if not found or member.start("value") >= found[-1].end:
                found.append(redact(member.start("value"), member.end("value"), "private-key"))
    return found
