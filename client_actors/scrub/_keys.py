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

from client_actors.scrub._core import Redaction, Rule, redact, run_start

# A line break: raw, or JSON-escaped once or more (``\n``, ``\\n``, ``\r\n``; JSON in JSON in JSON), as an env
# var's literal ``\n`` is; XML's character references (``&#xA;``, ``&#13;&#10;``) and HTML's ``<br>``.
# (a raw carriage return may come before any form of a line feed: a CRLF file's lines joined again)
_BREAK = r"(?:\r{0,2}(?:\n|(?:\\{1,8}r){0,2}\\{1,8}n|(?:&#(?:x0?[AaDd]|1[03]);){1,2}|<br ?/?>)|\r)"
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
# `cat -A`'s marks at a line's end: "$", and "^M" for a carriage return (twice where a file with CRLF endings
# was shown so once more; after a raw carriage return, a break, the marks are a line of their own).
_MARKED_END = r"(?:(?:\^M){0,2}\$){0,2}"
_MARKS_ONLY = re.compile(r"(?:(?:\^M){0,2}\$){1,2}")
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
# (a header's value ends at its line's end, and may hold quotes that JSON escaped)
_HEADER = r"[A-Z][A-Za-z\-]{0,32}:(?:(?!&#|<br)[^\r\n\\]|\\{1,7}[\"']){0,256}"
_BODY_LINES = rf"(?:(?:{_STEP}|[ \t]{{1,8}}|{_ELLIPSIS})(?:{_BASE64_LINE}|{_HEADER})){{0,400}}"

# The whole block goes, armour lines included; the body never runs past another armour line, so a run of
# BEGIN lines costs one scan each. Public keys and certificates are not secret and are kept. The SSH2 (RFC 4716)
# armour is written "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----". OpenVPN's shared keys (`--tls-auth`, `--tls-crypt`,
# `--secret`: lines of hex) and tls-crypt-v2's keys come in the same armour under labels of their own.
PEM_BLOCK = re.compile(
    r"(?:-----|---- )BEGIN (?P<label>[A-Z0-9 ]{0,24}PRIVATE KEY(?: BLOCK)?"
    r"|OpenVPN (?:Static key V[12]|tls-crypt-v2 (?:client|server) key))(?:-----| ----)"
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

# A block whose first lines were not shown (`tail` of the file, a log's window): its base64 lines up to the end
# marker, read back from the marker line by line (each line once), from the first line that is still its body or
# the base64 a tool's cut left at the end of a line. (A whole block has gone by then: an end marker left is one whose
# beginning was cut off.)
_END_MARKER = re.compile(r"(?:-----|---- )END [A-Z0-9 ]{0,24}PRIVATE KEY(?: BLOCK)?(?:-----| ----)")
_BREAK_AT = re.compile(_BREAK)
_LEAD_ONLY = re.compile(_LEAD + _OPEN_QUOTE)
# (a last line may hold the padding alone: "==" where the body's length left two characters over)
_LINE_OF_BODY = re.compile(
    _LEAD
    + _OPEN_QUOTE
    + r"(?P<b64>[A-Za-z0-9+/=]{4,128}(?:[ \t]{1,4}[A-Za-z0-9+/=]{16,128}){0,64}"
    + r"|[A-Za-z0-9+/]{1,3}={0,2}|={1,2})"
    + _CLOSE_QUOTE
    + _MARKED_END
)
_BASE64_AT_END = re.compile(r"(?P<b64>[A-Za-z0-9+/=]{4,128})" + _CLOSE_QUOTE + _MARKED_END + r"\Z")


def _headless_start(text: str, floor: int, marker: int) -> tuple[int | None, bool]:
    """Where the body before the end marker at ``marker`` starts, reading back no further than ``floor``; and
    whether the reading reached ``floor`` still in the body (so that a longer look back may find more)."""
    breaks = [(found.start(), found.end()) for found in _BREAK_AT.finditer(text, floor, marker)]
    if not breaks or _LEAD_ONLY.fullmatch(text, breaks[-1][1], marker) is None:
        return None, False  # the marker is not alone on its line (or its line is longer than any lead)
    start = None
    for index in range(len(breaks) - 1, max(-1, len(breaks) - 402), -1):
        if index == 0 and floor > 0:
            return start, True  # the line before is cut by the window: look further back
        line_from, line_to = breaks[index - 1][1] if index > 0 else 0, breaks[index][0]
        line = _LINE_OF_BODY.fullmatch(text, line_from, line_to)
        if line is None and _MARKS_ONLY.fullmatch(text, line_from, line_to) is not None:
            continue  # the marks `cat -A` put after a carriage return, which the break before took
        if line is None:
            cut = _BASE64_AT_END.search(text, max(line_from, line_to - 160), line_to)
            return (cut.start("b64") if cut is not None else start), False
        start = line.start("b64")
        while start > line_from and text[start - 1].isdigit():
            start -= 1  # digits the line number's pattern took are the line's first characters
    return start, False


def _handle_headless(match: re.Match[str]) -> Redaction | None:
    text, reach = match.string, 256
    start, more = _headless_start(text, max(0, match.start() - reach), match.start())
    while more and reach < 65536:  # most bodies before a cut are short: look further back only when needed
        reach *= 4
        start, more = _headless_start(text, max(0, match.start() - reach), match.start())
    if start is None or _SOME_MATERIAL.search(text, start, match.start()) is None:
        return None
    return redact(start, match.end(), "private-key")


# (eight characters of base64 at least: no short word before an end marker, as "Done")
_SOME_MATERIAL = re.compile(r"[A-Za-z0-9+/=]{8}")
HEADLESS_PRIVATE_KEY = Rule("headless-private-key", _END_MARKER, _handle_headless)

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
# A run starts where base64 does not go on before it (a JSON escape's letter aside): one inside a longer run is a
# file that holds the key (see below), and trying each would cost a scan of the run each.
_RUN_START = r"(?:(?<![A-Za-z0-9+/=])|(?<=\\[nt]))"
_ENCODED_PEM = re.compile(
    _RUN_START
    + r"LS0tLS1CRUdJTi[A-Za-z0-9+/]{16,65536}={0,2}"
    + r"(?:"
    + _PLAIN_STEP
    + r"[A-Za-z0-9+/]{4,128}={0,2}){0,2048}(?![A-Za-z0-9+/=])"
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

# Anything base64-encoded that holds a PEM private key (a service account's JSON key file given to a CI variable,
# `base64 -w0 sa.json`): "PRIVATE KEY" encodes to one of three runs, by where it falls in a group of three bytes.
# The whole run of base64 around one goes (lines of it too, wrapped as `base64` wraps them) when what it decodes to
# holds a private key's armour and key material after it.
_ENCODED_MARKER = re.compile(r"UFJJVkFURSBLRV|BSSVZBVEUgS0VZ|QUklWQVRFIEtFW")
_RUN_BACK = re.compile(r"[A-Za-z0-9+/]{0,65536}")
_RUN_AHEAD = re.compile(r"[A-Za-z0-9+/]{0,65536}={0,2}")
# (lines after a line break and blanks only: what a tool puts before a line could be read as base64)
_PLAIN_BREAK = r"(?:\r?\n|\\{1,4}r\\{1,4}n|\\{1,4}n)"
_WRAPPED_AHEAD = re.compile(
    r"(?:"
    + _PLAIN_BREAK
    + r"[ \t]*(?:[A-Za-z0-9+/]{4,128}={0,2}|[A-Za-z0-9+/]{2,3}={1,2})(?![A-Za-z0-9+/=]))*"
)
_NOT_BASE64 = re.compile(r"\\{1,8}[nrt]|[^A-Za-z0-9+/]")
_BREAK_BEFORE = re.compile(_PLAIN_BREAK + r"[ \t]*\Z")
_FULL_LINE = re.compile(r"[A-Za-z0-9+/]{60,128}\Z")
_DECODED_KEY = re.compile(
    rb"-----BEGIN [A-Z0-9 ]{0,24}PRIVATE KEY-----(?:\\{0,4}[rn]|\s){1,8}[A-Za-z0-9+/]{16}"
)


def _after_escape(text: str, at: int) -> int:
    """``at``, or one further when it is the letter of a JSON escape (the "n" of "\\n"), which base64 holds too."""
    return at + 1 if text[at - 1 : at] == "\\" and text[at : at + 1] in ("n", "r", "t") else at


def _holds_key_near(text: str, start: int, end: int) -> bool:
    """Whether the base64 around ``text[start:end]`` decodes, at one of its four alignments, to a private key's
    armour and key material (a look at the neighbourhood alone, so that many markers in a long run cost little)."""
    window = _NOT_BASE64.sub("", text[max(0, start - 96) : end + 160])
    for shift in range(4):
        piece = window[shift:]
        try:
            decoded = base64.b64decode(piece[: len(piece) // 4 * 4])
        except ValueError:
            continue
        if _DECODED_KEY.search(decoded) is not None:
            return True
    return False


def _handle_embedded_key(match: re.Match[str]) -> Redaction | None:
    text = match.string
    if not _holds_key_near(text, match.start(), match.end()):
        return None
    start = _after_escape(text, run_start(text, match.start(), _RUN_BACK, 65536))
    for _ in range(256):  # earlier lines of a wrapped run: each a full line of base64 before a line break
        brk = _BREAK_BEFORE.search(text, max(0, start - 16), start)
        line = _FULL_LINE.search(text, max(0, brk.start() - 128), brk.start()) if brk else None
        if brk is None or line is None:
            break
        line_start = _after_escape(text, line.start())
        before = text[line_start - 1 : line_start]
        if before and before not in " \t\n\"'=:" and not text.endswith("\\n", 0, line_start):
            break
        start = line_start
    ahead = _RUN_AHEAD.match(text, match.end())
    end = ahead.end() if ahead else match.end()
    wrapped = _WRAPPED_AHEAD.match(text, end)
    end = wrapped.end() if wrapped else end
    return redact(start, end, "private-key")


EMBEDDED_PRIVATE_KEY = Rule("embedded-private-key", _ENCODED_MARKER, _handle_embedded_key)

# A private key's DER in base64 with no armour (an env var, a JSON field, a .p8 file's body on one line): its first
# bytes say what it is. RSA and DSA keys, PKCS #1 or #8, start SEQUENCE, INTEGER 0, then an INTEGER or the algorithm's
# SEQUENCE ("MII" + 3 + "IBAA" or "IBAD"); EC keys' SEQUENCE holds INTEGER 0 or 1 ("AgEA", "AgEB"), or is short
# ("MHcCAQEE", P-256's SEC 1); Ed25519's PKCS #8 is "MC4CAQAw". Certificates, requests and public keys start
# otherwise ("MII?" + 2 + "CCA", "MIIBIjAN").
_DER_PRIVATE = re.compile(
    _RUN_START
    + r"(?:MII[A-Za-z0-9+/]{3}IBA[AD]|M[IH][GH][A-Za-z0-9+/]AgE[AB]|MHcCAQEE|MC4CAQAw)[A-Za-z0-9+/]{40,8192}={0,2}"
    r"(?:" + _PLAIN_STEP + r"[A-Za-z0-9+/]{4,128}={0,2}){0,256}(?![A-Za-z0-9+/=])"
)


DER_PRIVATE_KEY = Rule("der-private-key", _DER_PRIVATE, lambda m: redact(m.start(), m.end(), "private-key"))

# A wallet's recovery phrase (BIP-39: 12, 15, 18, 21 or 24 lower-case words) under a name that says it is one
# (`MNEMONIC="..."`, `DEPLOYER_SEED_PHRASE=...`, `mnemonic: ...`): the words are the wallet's private key.
MNEMONIC_LITERALS = (
    "nemonic", "NEMONIC", "eed_phrase", "EED_PHRASE", "eedPhrase", "ecovery_phrase", "ECOVERY_PHRASE"
)  # fmt: skip
_MNEMONIC = re.compile(
    r"(?:[mM]nemonic|MNEMONIC|[sS]eed_phrase|SEED_PHRASE|[sS]eedPhrase|[rR]ecovery_phrase|RECOVERY_PHRASE)"
    r"\\?[\"']?[ \t]*(?:=|:)[ \t]*(?:\\?[\"'])?(?P<value>[a-z]{3,8}(?: [a-z]{3,8}){11,23})(?![a-z ])"
)


def _handle_mnemonic(match: re.Match[str]) -> Redaction | None:
    if match.group("value").count(" ") + 1 not in (12, 15, 18, 21, 24):
        return None
    return redact(match.start("value"), match.end("value"), "secret")


MNEMONIC = Rule("mnemonic", _MNEMONIC, _handle_mnemonic)

KEY_RULES = (
    MNEMONIC,
    PRIVATE_KEY, HEADLESS_PRIVATE_KEY, PUTTY_PRIVATE_LINES, AGE_SECRET_KEY, ENCODED_PRIVATE_KEY,
    EMBEDDED_PRIVATE_KEY, DER_PRIVATE_KEY,
)  # fmt: skip

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
    read_to = 0  # each stretch of text is read once, however many "kty" it holds
    for kty in _JWK_TYPE.finditer(text):
        if kty.start() < read_to:
            continue
        opened = text.rfind("{", max(read_to, kty.start() - 16384), kty.start())
        closed = text.find("}", kty.end(), kty.end() + 16384)
        if opened < 0:
            continue
        end = closed if closed >= 0 else min(len(text), kty.end() + 16384)
        read_to = end
        for member in _JWK_MEMBER.finditer(text, opened, end):
            if not found or member.start("value") >= found[-1].end:
                found.append(redact(member.start("value"), member.end("value"), "private-key"))
    return found
