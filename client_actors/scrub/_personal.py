"""Personal data: e-mail addresses and international phone numbers (see `_digits` for the rest)."""

from __future__ import annotations

import functools
import re

from client_actors.scrub._core import ALNUM, Redaction, Rule, redact, run_start, starts_word
from client_actors.scrub._digits import is_ssn
from client_actors.scrub._judge import LINE_LEAD

# Generic top-level domains that people's addresses actually use. Two-letter country codes are
# always accepted. A closed list keeps `x@self.weight` (matrix product in Python) out.
COMMON_TLDS = frozenset(
    {
        "com", "org", "net", "edu", "gov", "mil", "int", "io", "ai", "dev", "app", "co", "me", "info",
        "biz", "xyz", "tech", "cloud", "email", "online", "site", "pro", "local", "lan", "corp",
        "internal", "intranet", "company", "digital", "consulting",
        # organisations' generic domains (none a common attribute name in code, as `x@self.weight` would be)
        "health", "store", "shop", "blog", "news", "media", "studio", "design", "agency", "network", "systems",
        "solutions", "services", "software", "global", "world", "team", "space", "website", "finance", "bank",
        "insurance", "legal", "law", "care", "clinic", "energy", "engineering", "foundation", "fund", "institute",
        "international", "ltd", "llc", "inc", "academy", "school", "university", "education", "travel", "works",
        "today", "center", "london", "berlin", "nyc", "art", "music", "capital", "partners", "ventures",
        "holdings", "industries", "enterprises", "group", "club", "social", "chat", "support", "marketing",
        "money", "press", "science", "labs", "tools",
    }
)  # fmt: skip
# RFC 2606 / RFC 6761 names reserved for documentation and testing: never anyone's address.
RESERVED_TLDS = frozenset({"example", "test", "invalid", "localhost"})
RESERVED_DOMAINS = ("example.com", "example.org", "example.net")
# Role accounts of forges and mailers, not people: git@github.com is a remote, not an address.
ROLE_LOCALS = frozenset({"git", "noreply", "no-reply", "donotreply", "do-not-reply", "mailer-daemon"})
_ROLE_PREFIXES = ("noreply-", "no-reply-", "noreply.", "no-reply.")

# The lookahead drops reserved documentation domains before they cost a handler call.
_EMAIL_DOMAIN = re.compile(
    r"@(?!(?:[A-Za-z0-9\-]{1,63}\.){0,8}(?:example\.(?:com|org|net)|[A-Za-z0-9\-]{1,63}\.(?:example|test|invalid|localhost))"
    r"(?![A-Za-z0-9\-.]))"
    r"(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,8}(?P<tld>[A-Za-z]{2,24}))"
    r"(?![A-Za-z0-9\-]|\.[A-Za-z0-9])"
)
# Domains whose addresses name service accounts, not people.
_MACHINE_DOMAINS = ("gserviceaccount.com",)
# Local parts that are generated identifiers (a UUID, a long hex or digit run), as Message-IDs have.
_MESSAGE_ID_LOCAL = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}|[0-9a-fA-F.]{24,64}")
_LOCAL_BACK = re.compile(r"[A-Za-z0-9._%+\-]{1,64}")
_SCP_PATH = re.compile(r":[\w~./\-]")


def _local_start(text: str, at: int) -> int:
    """Return where the local part ending at ``at`` starts (``at`` itself if there is none)."""
    start = run_start(text, at, _LOCAL_BACK, 64)
    while start < at and text[start] == ".":
        start += 1
    if start < at and text[start] in "ntr" and text[start - 1 : start] == "\\":
        start += 1  # "\\nalice@..." in JSON-escaped text: the n belongs to the escape
    return start


def reserved_domain(domain: str) -> bool:
    """Whether ``domain`` (lower case) is reserved for documentation and tests (RFC 2606, RFC 6761)."""
    return domain.rsplit(".", 1)[-1] in RESERVED_TLDS or any(
        domain == reserved or domain.endswith("." + reserved) for reserved in RESERVED_DOMAINS
    )


def _is_public_domain(domain: str, tld: str) -> bool:
    if reserved_domain(domain.lower()):
        return False
    tld = tld.lower()
    return len(tld) == 2 or tld in COMMON_TLDS


def _handle_email(match: re.Match[str]) -> Redaction | None:
    text, at = match.string, match.start()
    start = _local_start(text, at)
    if start == at or not _is_public_domain(match.group("domain"), match.group("tld")):
        return None
    local = text[start:at].lower()
    if local in ROLE_LOCALS or local.startswith(_ROLE_PREFIXES) or _SCP_PATH.match(text, match.end()):
        return None  # (a role's address with a qualifier too: Google's `noreply-dmarc-support@...`)
    if match.group("domain").lower().endswith(_MACHINE_DOMAINS) or _MESSAGE_ID_LOCAL.fullmatch(
        text, start, at
    ):
        return None  # a service account's address (no person's), a Message-ID (`<uuid@host>`)
    if (
        text[start - 1 : start] == ":"
        and "://" in (before := _word_before(text, start - 1))
        and "otpauth://" not in before  # (an authenticator's label, `Issuer:account`, holds no password)
    ):
        return None  # a URL's `user:password@host`: the password's place (x-oauth-basic), not an address
    if text.endswith("://", 0, start) and not _PASSWORD_AFTER.match(text, match.end()):
        # a URL's user name and host (ssh://deploy@bastion.acme.io): which account, and where; an address given as
        # the user name has a password after it (https://bob@acme.io:pw@host)
        return None
    if _ssh_destination(text, start):
        return None  # `ssh -J ec2-user@bastion.acme.io deploy@db1.acme.io`: accounts and hosts, as in a URL
    return redact(start, match.end(), "email")


# What stands before an ssh command's destination or jump host: the command, then only its options (those that
# take an argument, with it) and other destinations; or an ssh_config's ProxyJump list.
_SSH_DESTINATION = re.compile(
    r"(?:(?:^|(?<=[\s;&|(`'\"])|(?<=\\n))(?:auto)?ssh(?:[ \t]+(?:-[46AaCfGgKkMNnqsTtVvXxYy]*[BbcDEeFIiJLlmOoPpQRSWw]"
    r"[ \t]*[^\s\-][^\s]{0,200}|-[46AaCfGgKkMNnqsTtVvXxYy]+|[\w.\-]{1,64}@[\w.\-]{1,253}))*[ \t]+"
    r"(?:-[46AaCfGgKkMNnqsTtVvXxYy]*J[ \t]*)?"
    r"|(?i:ProxyJump)[ \t=]+(?:[\w.\-]{1,64}@[\w.:\-]{1,253},)*)\Z"
)


def _ssh_destination(text: str, start: int) -> bool:
    """Tell whether the address starting at ``start`` is an ssh command's destination, on the same line."""
    floor = max(0, start - 300)
    if text.find("ssh", floor, start) < 0 and text.find("roxyJump", floor, start) < 0:
        return False
    return _SSH_DESTINATION.search(text, floor, start) is not None


_PASSWORD_AFTER = re.compile(r":(?![0-9]{1,5}(?![^/?#\s]))")
_WORD_BACK = re.compile(r"[^\s'\"`<>()]{0,300}")


def _word_before(text: str, end: int) -> str:
    window = text[max(0, end - 300) : end][::-1]
    run = _WORD_BACK.match(window)
    return window[: run.end() if run else 0][::-1]


EMAILS = Rule("email", _EMAIL_DOMAIN, _handle_email)

# The same address URL-encoded, as query strings and redirects carry it: jane.doe%2Bci%40acme-corp.io.
_ENCODED_EMAIL = re.compile(
    r"%(?:25)?40(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,8}(?P<tld>[A-Za-z]{2,24}))"
    r"(?![A-Za-z0-9\-]|\.[A-Za-z0-9])"
)
# "+" as well: a plus address is often written as is in a query string (jane+ci%40acme.io).
_LOCAL_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-+")


# "+", ".", "-" and "_" as a local part may carry them, percent-encoded.
_ENCODED_LOCAL = frozenset({"%2B", "%2b", "%2E", "%2e", "%2D", "%2d", "%5F", "%5f"})


def _encoded_local_start(text: str, at: int) -> int:
    """Where the URL-encoded local part ending at ``at`` starts: plain characters and encoded "+"."""
    start, floor = at, max(0, at - 96)
    while start > floor:
        if start - 3 >= floor and text[start - 3 : start] in _ENCODED_LOCAL:
            start -= 3
        elif start - 5 >= floor and text[start - 5 : start] in ("%252B", "%252b"):  # encoded twice
            start -= 5
        elif text[start - 1] in _LOCAL_CHARS:
            start -= 1
        else:
            break
    if start >= 1 and text[start - 1] == "%":  # "mailto%3Ajane": the 3A belongs to an escape
        twice = text.startswith("25", start)  # "%253Djane": "%3D" encoded twice
        start = min(start + (4 if twice else 2), at)
    while start < at and text[start] in ".+":
        start += 1
    return start


def _handle_encoded_email(match: re.Match[str]) -> Redaction | None:
    text, at = match.string, match.start()
    start = _encoded_local_start(text, at)
    if start == at or not any(c.isalpha() for c in text[start:at]):
        return None
    # Encoded, an address is unmistakable: any top-level domain of letters will do (.solutions, .team).
    if reserved_domain(match.group("domain").lower()):
        return None
    if text[start:at].lower() in ROLE_LOCALS:
        return None
    return redact(start, match.end(), "email")


ENCODED_EMAILS = Rule("email-encoded", _ENCODED_EMAIL, _handle_encoded_email, "%40")
# The same, encoded twice ("%2540"), as a redirect URL carried inside another URL's parameter has it.
TWICE_ENCODED_EMAILS = Rule("email-encoded-twice", _ENCODED_EMAIL, _handle_encoded_email, "%2540")

# International numbers: "+" country code, then groups; 8 to 15 digits in all (E.164).
_PHONE_BEFORE = ALNUM | {".", "+"}
_PHONE_INTL = re.compile(r"\+[1-9][0-9]{0,2}(?:[ .\-]?(?:\([0-9]{1,4}\)|[0-9]{1,4})){2,6}(?![0-9A-Za-z])")


def _handle_intl_phone(match: re.Match[str]) -> Redaction | None:
    digits = sum(c.isdigit() for c in match.group())
    if not 8 <= digits <= 15 or not starts_word(match.string, match.start(), _PHONE_BEFORE):
        return None
    if _NOT_A_NUMBER.match(match.string, match.start() + 1):
        return None  # a diff's added line that starts with an address or a date: +203.0.113.9, +2026-05-14
    return redact(match.start(), match.end(), "phone")


_NOT_A_NUMBER = re.compile(
    r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}(?![0-9])|[12][0-9]{3}-[01][0-9]-[0-3][0-9](?:[T \t][0-9]{2}:[0-9]{2})?(?![0-9])"
)


PHONES_INTL = Rule("phone-intl", _PHONE_INTL, _handle_intl_phone)

# Social security numbers written with spaces or no separator ("123 45 6789", "123456789") look like any
# other number; they are taken only after a name that says what they are (`SSN: `, `"ssn": "`,
# `social security number`), or under an `ssn` column of a CSV header on the line before. The dashed form
# needs no name (see `_digits`).
_SSN_NUMBER = r"(?P<number>[0-9]{3}(?P<sep>[ \-]?)[0-9]{2}(?P=sep)[0-9]{4})(?![0-9A-Za-z_]|[.\-][0-9])"
# On the next line, the number may stand behind the lead a wrapper gives every line (a form read with line
# numbers: `83→a  Employee's social security number` and `84→   044271028`). A form's field gives its value
# after its name (`<input name="ssn" value="044271028">`).
_SSN_AFTER_NAME = (
    r"(?:[ \t_\-]*(?:#|(?i:no\.?|number|num))?\\?[\"']?[ \t]*[:=,|>]?[ \t]*\\?[\"']?"
    r"|\\?[\"'][ \t]+value=\\?[\"']"
    r"|[^\n0-9]{0,80}(?:\r?\n|\\n)(?:" + LINE_LEAD.pattern + r")[^\n0-9]{0,80}?)"
)


# A record's word on what kind of number its tax id is (`"tax_id_type": "ein"`): another kind keeps it.
_TYPE_BESIDE = re.compile(
    r"(?i:(?:tax|tin|id)[_\-]?(?:id[_\-]?)?(?:type|kind))\\?[\"']?[ \t]*[:=][ \t]*\\?[\"']?(?P<kind>[A-Za-z]{2,12})"
)
_TYPE_REACH = 300


def _typed_otherwise(text: str, start: int, end: int) -> bool:
    beside = _TYPE_BESIDE.search(text, max(0, start - _TYPE_REACH), min(len(text), end + _TYPE_REACH))
    return beside is not None and beside.group("kind").lower() != "ssn"


def _ssn_rule(name: str, word: str, trigger: str | None, *, typed: bool = False) -> Rule:
    pattern = re.compile(word + _SSN_AFTER_NAME + _SSN_NUMBER)

    def handle(match: re.Match[str]) -> Redaction | None:
        if not starts_word(match.string, match.start()):
            return None
        if not is_ssn(match.group("number").replace(" ", "").replace("-", "")):
            return None
        if typed and _typed_otherwise(match.string, match.start(), match.end()):
            return None
        return redact(match.start("number"), match.end("number"), "ssn")

    return Rule(name, pattern, handle, trigger)


# A table whose header names an ssn column, and the row below it: CSV, tab-separated (`COPY t (id, ssn, ...)
# FROM stdin;` and its rows), psql's `|` tables (a `---+---` rule line between), behind any line wrapper.
LINE_BREAK = re.compile(r"\r?\n|\\n")
RULE_LINE = re.compile(r"[ \t\-+|=:]*")
_CELL_TEXT = re.compile(r"[\s\"'`]*(?P<name>[A-Za-z_]+)[\s\"'`]*")


_JSON_BEFORE_STRING = re.compile(r"[{\[:]")


def line_at(text: str, at: int) -> tuple[int, int]:
    """The line holding ``at``: its start and end, at a line break written or escaped (JSON-escaped text)."""
    floor = max(0, at - 400)
    escaped = text.rfind("\\n", floor, at)
    start = max(text.rfind("\n", floor, at) + 1, escaped + 2 if escaped >= 0 else 0, floor)
    if start == floor:  # the first line of a JSON string: it starts after the string's opening quote
        quote = text.rfind('"', floor, at)
        while quote > floor and text[quote - 1] == "\\":
            quote = text.rfind('"', floor, quote)
        # (not a quoted cell on a text's first line, with no object, list or key before it: a CSV's header)
        if floor or quote <= 0 or _JSON_BEFORE_STRING.search(text, 0, quote) is not None:
            start = max(start, quote + 1)
    # Where `LINE_BREAK` first matches in the next 400 characters, found by `str.find` (a pattern that does not
    # start with a literal is tried at every character): a line feed (its carriage return, if one stands before
    # it), or an escaped one, whichever comes first.
    limit = at + 400
    feed, escaped = text.find("\n", at, limit), text.find("\\n", at, limit)
    if feed > at and text[feed - 1] == "\r":
        feed -= 1
    if feed < 0:
        return start, escaped if escaped >= 0 else min(len(text), limit)
    return start, feed if escaped < 0 or feed < escaped else escaped


def lead_end(text: str, start: int, end: int) -> int:
    lead = LINE_LEAD.match(text, start, end)
    # (a table's own border is no lead, with its blank too: `|  0 | Jane |`, a data frame's `to_markdown` row)
    return lead.end() if lead and lead.group().rstrip(" \t") not in ("|", "-", "+") else start


# A comma-separated cell in quotes, its quotes written or JSON-escaped, a doubled quote inside it for one: the
# commas inside are the cell's (`"107 Harbour Road, Malmo"`).
_QUOTED_CELL = re.compile(r'[ \t]*(?:"(?:[^"\n]|"")*"|\\"(?:[^"\\\n]|\\"\\")*\\")[ \t]*(?=,|$)')


def line_cells(text: str, start: int, end: int, separator: str) -> list[tuple[int, int]]:
    position = start
    spans = []
    while True:
        quoted = _QUOTED_CELL.match(text, position, end) if separator == "," else None
        found = text.find(separator, position if quoted is None else quoted.end(), end)
        spans.append((position, end if found < 0 else found))
        if found < 0:
            return spans
        position = found + len(separator)


def table_separator(body: str) -> str:
    return "\\t" if "\\t" in body else "\t" if "\t" in body else "|" if "|" in body else ","


def semicolon_separated(header: str) -> bool:
    """Whether a header line with no other separator has cells apart by ";", as spreadsheets in many locales export
    CSV (`Name;E-Mail;Telefon`): not a statement's line, which ends in one."""
    return ";" in header and not header.rstrip(" \t\r\"'").endswith(";")


# A record that says which kind of number a field holds (`"tax_id": "840 62 8604"` beside `"tax_id_type": "ssn"`):
# the `ssn` is the value of a name ending in "type" or "kind", and the field is that name without the ending
# (or with `_number`/`_value` in its place), in the same record.
_TYPE_NAME = re.compile(
    r"(?<![A-Za-z0-9_])(?P<base>[A-Za-z][A-Za-z0-9_]{0,40}?)[_\-]?(?:type|Type|TYPE|kind|Kind|KIND)"
    r"(?:\\?[\"'])?[ \t]*[:=][ \t]*(?:\\?[\"'])?\Z"
)
_RECORD_REACH = 400  # how far from the `ssn` its field is looked for


@functools.lru_cache(maxsize=64)
def _typed_field(base: str) -> re.Pattern[str]:
    names = "|".join(
        re.escape(base + ending) for ending in ("", "_number", "Number", "_value", "Value", "_no")
    )
    return re.compile(
        rf"(?<![A-Za-z0-9_])(?:{names})(?:\\?[\"'])?[ \t]*[:=][ \t]*(?:\\?[\"'])?" + _SSN_NUMBER
    )


# ADP's workers API gives a government id's kind as its code (`{"idValue": "...", "nameCode": {"codeValue": "SSN"}}`).
_CODE_NAME = re.compile(r"codeValue(?:\\?[\"'])?[ \t]*:[ \t]*(?:\\?[\"'])?\Z")
_ID_VALUE = re.compile(r"(?<![A-Za-z0-9_])idValue(?:\\?[\"'])?[ \t]*:[ \t]*(?:\\?[\"'])?")
_ID_NUMBER = re.compile(_SSN_NUMBER + r"(?![0-9])")


def _coded_ssn(text: str, at: int) -> Redaction | None:
    """The id value the `SSN` code at ``at`` names: the nearest before it in its record (whatever it holds now:
    a number, or the token a first scrub left, which a second must not take for another record's)."""
    found = None
    for value in _ID_VALUE.finditer(text, max(0, at - _RECORD_REACH), at):
        found = value
    number = _ID_NUMBER.match(text, found.end()) if found is not None else None
    if number is None or not is_ssn(number.group("number").replace(" ", "").replace("-", "")):
        return None
    return redact(number.start("number"), number.end("number"), "ssn")


def _typed_ssn(match: re.Match[str]) -> Redaction | None:
    text, at = match.string, match.start()
    typed = _TYPE_NAME.search(text, max(0, at - 80), at)
    if typed is None:
        return _coded_ssn(text, at) if _CODE_NAME.search(text, max(0, at - 24), at) else None
    field = _typed_field(typed.group("base"))
    for found in field.finditer(text, max(0, at - _RECORD_REACH), min(len(text), at + _RECORD_REACH)):
        if is_ssn(found.group("number").replace(" ", "").replace("-", "")):
            return redact(found.start("number"), found.end("number"), "ssn")
    return None


def _handle_ssn_column(match: re.Match[str]) -> Redaction | None:
    typed = _typed_ssn(match)
    if typed is not None:
        return typed
    text = match.string
    start, end = line_at(text, match.start())
    body_start = lead_end(text, start, end)
    led = body_start > start  # a wrapper's lead on the header: the rows have one too
    header = text[body_start:end]
    opening = header.find("(")
    closing = header.find(")", opening + 1)
    if 0 <= opening < closing:  # COPY t (id, ssn, state) FROM stdin; the rows are tab-separated
        names, separator = line_cells(text, body_start + opening + 1, body_start + closing, ","), None
    else:
        separator = table_separator(header)
        names = line_cells(text, body_start, end, separator)
    index = next(
        (
            i
            for i, (a, b) in enumerate(names)
            if (c := _CELL_TEXT.fullmatch(text, a, b)) and c.group("name").lower() == "ssn"
        ),
        None,
    )
    if index is None or len(names) < 2 or not match.start() >= names[index][0]:
        return None
    row_start, row_end = start, end
    for _ in range(2):  # the next line, or the one after a psql rule line (---+---)
        following = LINE_BREAK.match(text, row_end)
        if following is None:
            return None
        row_start, row_end = line_at(text, following.end())
        if led:
            row_start = lead_end(text, row_start, row_end)
        if not RULE_LINE.fullmatch(text, row_start, row_end):
            break
    row = text[row_start:row_end]
    cells = line_cells(text, row_start, row_end, separator or ("\\t" if "\\t" in row else "\t"))
    if index >= len(cells):
        return None
    a, b = cells[index]
    value = text[a:b].strip(" \t\"'")
    if (
        not value
        or re.fullmatch(_SSN_NUMBER, value) is None
        or not is_ssn(value.replace(" ", "").replace("-", ""))
    ):
        return None
    at = text.index(value, a, b)
    return redact(at, at + len(value), "ssn")


SSN_COLUMN = Rule(
    "ssn-column", re.compile(r"(?<![A-Za-z0-9_])(?:ssn|SSN)(?![A-Za-z0-9_])"), _handle_ssn_column
)

# An XML record that says which identifier its next element holds (MISMO's `<TaxpayerIdentifierType>
# SocialSecurityNumber</...>` then `<TaxpayerIdentifierValue>...</...>`).
# (between elements: blanks and line breaks, written or escaped, each line behind its wrapper's lead)
_ELEMENT_GAP = rf"(?:[ \t]|\\t|(?:\r?\n|\\[rn])(?:{LINE_LEAD.pattern}))*"
_TYPED_ELEMENT_SSN = re.compile(
    rf"Type>(?:SocialSecurityNumber|SSN)</[^<>\n]{{1,80}}>{_ELEMENT_GAP}(?:<[^<>\n]{{1,80}}>{_ELEMENT_GAP})?"
    r"<(?P<tag>[\w:.\-]{1,80}Value)>(?P<number>[0-9]{3}-?[0-9]{2}-?[0-9]{4})</(?P=tag)>"
)


def _handle_typed_element(match: re.Match[str]) -> Redaction | None:
    number = match.group("number")
    return redact(*match.span("number"), "ssn") if is_ssn(number.replace("-", "")) else None


TYPED_ELEMENT_SSN = Rule("ssn-typed-element", _TYPED_ELEMENT_SSN, _handle_typed_element)

# What the named SSN rules' names cannot be written without (the engine's prefilter).
TIN_LITERALS: dict[str, tuple[str, ...]] = {
    "ssn-typed-element": ("Type>SocialSecurityNumber<", "Type>SSN<"),
    "ssn-named-social": ("ecurity", "ECURITY"),
    "ssn-named-tin": ("TIN",),
    "ssn-named-tin-lower": tuple(f"tin{after}" for after in " \t\r\n:=\"'\\,|"),
    "ssn-named-tax-id": tuple(f"tax{sep}{i}{d}" for sep in ("", " ", "_", "-") for i in "Ii" for d in "Dd"),
    "ssn-named-tax-id-title": tuple(
        f"Tax{sep}{i}{d}" for sep in ("", " ", "_", "-") for i in "Ii" for d in "Dd"
    ),
    "ssn-named-tax-id-upper": ("TAX_ID", "TAXID"),
}

SSN_RULES = (
    SSN_COLUMN,
    TYPED_ELEMENT_SSN,
    _ssn_rule("ssn-named", "ssn", "ssn"),
    _ssn_rule("ssn-named-upper", "SSN", "SSN"),
    _ssn_rule("ssn-named-social", "(?:[Ss]ocial[ _\\-][Ss]ecurity|SOCIAL[ _\\-]SECURITY)", None),
    # A taxpayer identification number is a person's SSN (or an ITIN, or a business's EIN, whose 2-7 form the
    # shape leaves alone): `Recipient's TIN: `, `tin=`, `"taxId": "`, `tax_id: `; unless the record beside it
    # says its kind is another (`"tax_id_type": "ein"`).
    # (one rule per spelling, each starting with its literal, which the regex engine skips to)
    _ssn_rule("ssn-named-tin", "TIN", "TIN", typed=True),
    _ssn_rule("ssn-named-tin-lower", "tin(?=[ \t\r\n:=\"'\\,|])", "tin", typed=True),
    _ssn_rule("ssn-named-tax-id", "tax[ _\\-]?[Ii][Dd]", "tax", typed=True),
    _ssn_rule("ssn-named-tax-id-title", "Tax[ _\\-]?[Ii][Dd]", "Tax", typed=True),
    _ssn_rule("ssn-named-tax-id-upper", "TAX_?ID", "TAX", typed=True),
)
PERSONAL_RULES = (EMAILS, ENCODED_EMAILS, TWICE_ENCODED_EMAILS, PHONES_INTL, *SSN_RULES)
