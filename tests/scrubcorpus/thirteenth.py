"""Held-back scrubber corpus, thirteenth part: agents' terminal output from ten settings, written blind.

What it is: about 360 documents of the kind a coding agent's tool calls print (infrastructure as code,
database sessions, HTTP debugging, notebook JSON, crash reports that dump the environment, package
managers' credential files, support tickets and mail headers, Android and iOS device logs, shell history
and dotfiles, test fixtures and seed data in several languages), each delivered the way an agent's output
carries text (plain, inside a JSON transcript line, as a unified diff's added lines, as a numbered file
read, inside a CI log with timestamps, inside a Markdown code fence). Every secret and every piece of
personal data is labelled with its class, its exact delivered text and its offset; beside them, the
look-alikes that must survive (placeholders, shell default expansions, commit hashes, UUIDs, digests,
versions, example-domain addresses, documentation and resolver addresses, cookie attributes, query
parameters that are no credential, timestamps, paths without a home directory) are labelled as keeps.
About a tenth of the documents hold look-alikes only. With the default seed the part holds 360 documents
(36 of them look-alikes only) from 74 templates and 12 look-alike templates, 430 labelled secrets in 40
classes (at least 8 each; 139 of them vendor tokens with a known prefix, the 16 `VENDOR_CLASSES`) and 1360
keeps.

How it was written: by a hand that saw neither the scrubber's rules nor its other corpora, from the
product's published policy (the docstring of `client_actors.scrub`) and the vendors' public descriptions
of their token layouts. Every fake is generated at build time from a seeded `random.Random`, format-valid
where the format has a check (GitHub's and npm's CRC32 base62 checksum, Luhn, IBAN mod-97 with each
country's layout, social security numbers outside the unissued ranges, DER inside PEM, JWTs of JSON);
nothing that looks like a credential is written here as a literal.

Only aggregate figures are ever printed (`measure_held_back`); which secret survived is never shown, so
that the part stays held back.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
import string
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from random import Random
from typing import TypeVar

import attrs

SEED = 20261213
DOCUMENTS = 360
FRAGMENT = 8  # a piece of a secret this long left in the output is a leak

_T = TypeVar("_T")


@attrs.frozen
class Secret:
    """A secret or a piece of personal data, as delivered: its class, its exact text, where it starts."""

    kind: str
    text: str
    offset: int


@attrs.frozen
class Keep:
    """A look-alike that must survive scrubbing, as delivered."""

    text: str
    offset: int


@attrs.frozen
class Document:
    """One delivered document with its labels."""

    name: str
    setting: str
    delivery: str
    text: str
    secrets: tuple[Secret, ...]
    keeps: tuple[Keep, ...]


VENDOR_CLASSES = frozenset(
    {
        "github-token",
        "gitlab-token",
        "slack-token",
        "stripe-key",
        "openai-key",
        "anthropic-key",
        "aws-access-key",
        "google-api-key",
        "npm-token",
        "pypi-token",
        "huggingface-token",
        "sendgrid-key",
        "twilio-key",
        "shopify-token",
        "digitalocean-token",
        "vendor-token",
    }
)

# How many of each class the builder asks its templates for (templates add a few companions of their
# own: a presigned URL's access key id beside its signature, a key file's key beside its id).
_QUOTA: dict[str, int] = {
    "ssn": 10,
    "url-credential": 10,
    "cookie": 10,
    "k8s-secret": 9,
    "service-account-key-id": 9,
    "cli-password": 11,
    "authorization": 10,
    "bearer-token": 9,
    "email-urlencoded": 9,
    "github-token": 10,
    "gitlab-token": 8,
    "slack-token": 8,
    "stripe-key": 8,
    "openai-key": 8,
    "anthropic-key": 8,
    "aws-access-key": 8,
    "aws-secret-key": 8,
    "google-api-key": 8,
    "npm-token": 8,
    "pypi-token": 8,
    "huggingface-token": 8,
    "sendgrid-key": 8,
    "twilio-key": 8,
    "shopify-token": 8,
    "digitalocean-token": 8,
    "vendor-token": 14,
    "jwt": 10,
    "private-key": 8,
    "config-password": 14,
    "db-password": 11,
    "url-password": 9,
    "email": 15,
    "phone": 12,
    "credit-card": 10,
    "iban": 10,
    "person-name": 14,
    "ip-public": 12,
    "ip-private": 12,
    "home-path": 11,
    "password-hash": 9,
}

# ---------------------------------------------------------------------------------------------------------
# Markup: templates write secrets and keeps inline; the builder parses them out with their offsets.

_S_OPEN, _SEP, _CLOSE, _K_OPEN = "\x01", "\x02", "\x03", "\x04"
_MARK = re.compile("\x01([^\x02\x03\x04]*)\x02([^\x01\x03\x04]*)\x03|\x04([^\x01\x02\x03]*)\x03")
_ANY_MARK = re.compile("[\x01-\x04]")


def _plain(marked: str) -> str:
    """The text without its labels (for widths of columns)."""
    return _MARK.sub(lambda m: m.group(2) if m.group(3) is None else m.group(3), marked)


Piece = tuple[str, str]  # (kind, text): kind "" for plain text, "=" for a keep, else a secret's class


def _pieces(marked: str) -> list[Piece]:
    out: list[Piece] = []
    pos = 0
    for m in _MARK.finditer(marked):
        if m.start() > pos:
            out.append(("", marked[pos : m.start()]))
        if m.group(3) is None:
            out.append((m.group(1), m.group(2)))
        else:
            out.append(("=", m.group(3)))
        pos = m.end()
    if pos < len(marked):
        out.append(("", marked[pos:]))
    for kind, text in out:
        if _ANY_MARK.search(text):
            raise ValueError(f"nested or broken label in {kind!r}: {text!r}")
    return out


def _jesc(text: str) -> str:
    """JSON string escaping that leaves the labels' markers alone."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def _js(obj: object, indent: int | None = 2, level: int = 0) -> str:
    """A JSON writer for values holding labelled strings (json.dumps would escape the markers)."""
    if isinstance(obj, str):
        return '"' + _jesc(obj) + '"'
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if obj is None:
        return "null"
    if isinstance(obj, int | float):
        return json.dumps(obj)
    if isinstance(obj, dict):
        items = [f"{_js(k)}: {_js(v, indent, level + 1)}" for k, v in obj.items()]
        opener, closer = "{", "}"
    elif isinstance(obj, list):
        items = [_js(v, indent, level + 1) for v in obj]
        opener, closer = "[", "]"
    else:
        raise TypeError(type(obj))
    if not items:
        return opener + closer
    if indent is None:
        return opener + ", ".join(items) + closer
    pad = " " * (indent * (level + 1))
    return opener + "\n" + ",\n".join(pad + i for i in items) + "\n" + " " * (indent * level) + closer


def _ljust(cell: str, width: int) -> str:
    return cell + " " * (width - len(_plain(cell)))


def _rjust(cell: str, width: int) -> str:
    return " " * (width - len(_plain(cell))) + cell


def _psql(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(_plain(c)) for c in col) for col in zip(headers, *rows, strict=True)]
    head = "|".join(" " + h.center(w) + " " for h, w in zip(headers, widths, strict=True)).rstrip()
    rule = "+".join("-" * (w + 2) for w in widths)
    body = []
    for row in rows:
        cells = [
            _rjust(c, w) if _plain(c).isdigit() else _ljust(c, w) for c, w in zip(row, widths, strict=True)
        ]
        body.append("|".join(" " + c + " " for c in cells).rstrip())
    n = len(rows)
    return "\n".join([head, rule, *body, f"({n} row{'s' if n != 1 else ''})"])


def _mysql(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(_plain(c)) for c in col) for col in zip(headers, *rows, strict=True)]
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    head = "|" + "|".join(" " + _ljust(h, w) + " " for h, w in zip(headers, widths, strict=True)) + "|"
    body = [
        "|"
        + "|".join(
            " " + (_rjust(c, w) if _plain(c).isdigit() else _ljust(c, w)) + " "
            for c, w in zip(row, widths, strict=True)
        )
        + "|"
        for row in rows
    ]
    return "\n".join([rule, head, rule, *body, rule])


def _columns(headers: list[str], rows: list[list[str]], gap: int = 3) -> str:
    widths = [max(len(_plain(c)) for c in col) for col in zip(headers, *rows, strict=True)]
    lines = []
    for row in [headers, *rows]:
        lines.append((" " * gap).join(_ljust(c, w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------------------
# Checks the formats carry (the test recomputes them).

_B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def _base62(n: int, width: int) -> str:
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = _B62[r] + out
    return out.rjust(width, "0")


def github_checksum(body: str) -> str:
    """GitHub's (and npm's) token checksum: CRC32 of the random part, base62, six characters."""
    return _base62(zlib.crc32(body.encode()), 6)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def iban_ok(iban: str) -> bool:
    compact = iban.replace(" ", "")
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _iban_with_check(country: str, bban: str) -> str:
    num = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    return f"{country}{98 - num % 97:02d}{bban}"


def processor_test_cards() -> frozenset[str]:
    """Card numbers payment processors publish for testing (kept by policy, never used as secrets)."""
    return frozenset(
        {
            "42" * 8,
            "4" + "1" * 15,
            "5" * 12 + "4444",
            "4000056655665556",
            "5105105105105100",
            "378282246310005",
            "371449635398431",
            "6011111111111117",
            "4012888888881881",
            "5200828282828210",
            "4000000000000002",
            "3056930009020004",
        }
    )


def ssn_ok(ssn: str) -> bool:
    """Outside the ranges never issued: area 000, 666 and 9xx, group 00, serial 0000."""
    m = re.fullmatch(r"(\d{3})-?(\d{2})-?(\d{4})", ssn)
    if not m:
        return False
    area, group, serial = m.groups()
    return area not in {"000", "666"} and area[0] != "9" and group != "00" and serial != "0000"


# ---------------------------------------------------------------------------------------------------------
# Fakes.

# fmt: off
_FIRST = (
    "Amara", "Bogdan", "Chiara", "Dmitri", "Elif", "Farrukh", "Greta", "Hiroshi", "Ingrid",
    "Joaquín", "Kwame", "Leilani", "Mateus", "Nadia", "Oluwaseun", "Priyanka", "Quentin", "Radhika",
    "Siobhan", "Tomasz", "Ulrike", "Valentina", "Wenjie", "Ximena", "Yusuf", "Zainab", "Anders",
    "Beatriz", "Cormac", "Dagny", "Emeka", "Fatima", "Gunnar", "Hana", "Ifeoma", "Jovana",
    "Kenji", "Ludmila", "Mirela", "Nikhil", "Odalys", "Pavel", "Rashida", "Stellan", "Thandiwe",
    "Ugochi", "Vikram", "Wiebke", "Yara", "Zoltán", "Søren", "Łukasz", "Zoë", "Aurelio",
    "Benedikt", "Caoimhe",
)
# fmt: on
# fmt: off
_LAST = (
    "Achterberg", "Bianchi", "Castellanos", "Dąbrowski", "Eriksen", "Fairweather", "Gallagher", "Hakimi", "Ivanova",
    "Jankowski", "Kaminski", "Lindqvist", "Mbeki", "Nakamura", "Okonkwo", "Petrosyan", "Quintero", "Rahman",
    "Szabo", "Takahashi", "Umarov", "Vasquez", "Wójcik", "Yilmaz", "Zielinski", "Abernathy", "Brennan",
    "Chaudhry", "Delacroix", "Esposito", "Fontaine", "Grünewald", "Halvorsen", "Iyer", "Jovanovic", "Kowalczyk",
    "Lachance", "Moreau", "Nørgaard", "Oyelaran", "Pellegrini", "Ramaswamy", "Sandoval", "Thorsen", "Underhill",
    "Valdivia", "Whitcombe", "Yamamoto", "Zapata", "Okafor", "Lindgren", "Marchetti", "Varga", "Henriksen",
    "Obradović",
)
# fmt: on
# fmt: off
_WORDS = (
    "northwind", "bluefin", "kestrel", "harbor", "juniper", "quarry", "lumen", "tessera", "copperleaf",
    "ridgeline", "orchid", "pinnacle", "saltmarsh", "cinder", "fjord", "meridian", "halcyon", "bramble",
    "tamarack", "granite", "solstice", "verdant", "larkspur", "obsidian",
)
# fmt: on
_SUFFIX = ("labs", "health", "logistics", "pay", "works", "hq", "systems", "analytics", "freight", "")
_TLDS = (".com", ".io", ".co", ".de", ".co.uk", ".net", ".app", ".dev", ".eu", ".ai")
_FREEMAIL = (
    "gmail.com",
    "outlook.com",
    "yahoo.com",
    "proton.me",
    "icloud.com",
    "gmx.de",
    "web.de",
    "hotmail.co.uk",
)
# fmt: off
_SERVICES = (
    "orders", "billing", "ledger", "inventory", "notifier", "search", "checkout", "auth", "reports",
    "ingest", "scheduler", "payments", "catalog", "shipping", "invoicing", "gateway",
)
# fmt: on
# fmt: off
_NOUNS = (
    "lilac", "mango", "copper", "harbor", "pebble", "walnut", "falcon", "meadow", "cobalt",
    "tundra", "saffron", "quiver", "lantern", "cedar", "marble", "willow", "canyon", "ember",
    "violet", "orbit", "thistle", "juniper",
)
# fmt: on
_PUBLIC_FIRST = (
    23,
    31,
    34,
    35,
    37,
    44,
    46,
    52,
    54,
    62,
    64,
    66,
    69,
    77,
    81,
    85,
    89,
    91,
    94,
    104,
    107,
    128,
    134,
    138,
    141,
    142,
    146,
    151,
    157,
    159,
    162,
    164,
    167,
    176,
    178,
    185,
    188,
    193,
    195,
    206,
    209,
    212,
    213,
    217,
)  # fmt: skip
_NANP_AREAS = (
    201,
    206,
    212,
    213,
    303,
    305,
    312,
    404,
    415,
    425,
    503,
    512,
    617,
    646,
    702,
    718,
    773,
    808,
    917,
    919,
)
_EXAMPLE_DOMAINS = ("example.com", "example.org", "example.net", "acme.example", "app.test", "mail.invalid")


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L").replace("ø", "o"))
    return "".join(c for c in folded if c.isascii() and c.isalnum())


def reserved_domain(domain: str) -> bool:
    """The domains the policy reserves for examples (addresses on them are kept)."""
    d = domain.lower()
    return (
        d in {"example.com", "example.org", "example.net", "localhost"}
        or d.endswith((".example.com", ".example.org", ".example.net"))
        or d.rsplit(".", 1)[-1] in {"example", "test", "invalid", "localhost"}
    )


def _der(tag: int, body: bytes) -> bytes:
    n = len(body)
    if n < 0x80:
        head = bytes([n])
    else:
        raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
        head = bytes([0x80 | len(raw)]) + raw
    return bytes([tag]) + head + body


def _der_int(value: int) -> bytes:
    raw = value.to_bytes(value.bit_length() // 8 + 1, "big")
    while len(raw) > 1 and raw[0] == 0 and raw[1] < 0x80:
        raw = raw[1:]
    return _der(0x02, raw)


_OID_RSA = bytes.fromhex("06092a864886f70d010101")
_OID_EC = bytes.fromhex("06072a8648ce3d0201")
_OID_P256 = bytes.fromhex("06082a8648ce3d030107")


class _Gen:
    """Seeded fakes and the markup helpers the templates write with."""

    def __init__(self, rng: Random) -> None:
        self.r = rng

    # -- markup
    def s(self, kind: str, text: str) -> str:
        return f"{_S_OPEN}{kind}{_SEP}{text}{_CLOSE}"

    def k(self, text: object) -> str:
        return f"{_K_OPEN}{text}{_CLOSE}"

    # -- basics
    def pick(self, seq: Sequence[_T]) -> _T:
        return seq[self.r.randrange(len(seq))]

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def chars(self, alphabet: str, n: int) -> str:
        return "".join(alphabet[self.r.randrange(len(alphabet))] for _ in range(n))

    def hexs(self, n: int) -> str:
        return self.chars("0123456789abcdef", n)

    def alnum(self, n: int) -> str:
        return self.chars(_B62, n)

    def digits(self, n: int) -> str:
        return self.chars(string.digits, n)

    def b64url(self, n: int) -> str:
        return self.chars(_B62 + "-_", n)

    def randbytes(self, n: int) -> bytes:
        return self.r.getrandbits(8 * n).to_bytes(n, "big") if n else b""

    def b64(self, nbytes: int) -> str:
        return base64.b64encode(self.randbytes(nbytes)).decode()

    def uuid(self) -> str:
        h = self.hexs(32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{self.pick('89ab')}{h[17:20]}-{h[20:]}"

    def sha(self, n: int = 40) -> str:
        return self.hexs(n)

    def version(self) -> str:
        return f"{self.r.randint(0, 4)}.{self.r.randint(0, 31)}.{self.r.randint(0, 19)}"

    def when(self) -> datetime:
        start = datetime(2026, 1, 5, tzinfo=UTC)
        return start + timedelta(seconds=self.r.randrange(84 * 86400), microseconds=self.r.randrange(10**6))

    def iso(self, t: datetime | None = None) -> str:
        t = t or self.when()
        return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"

    def service(self) -> str:
        return self.pick(_SERVICES)

    def company(self) -> str:
        return self.pick(_WORDS) + self.pick(_SUFFIX) + self.pick(_TLDS)

    def interleave(self, base: list[str], extra: list[str]) -> list[str]:
        """Both lists in their own order, merged at random places."""
        out, i, j = [], 0, 0
        while i < len(base) or j < len(extra):
            if j < len(extra) and (i >= len(base) or self.r.random() < len(extra) / (len(base) + len(extra))):
                out.append(extra[j])
                j += 1
            else:
                out.append(base[i])
                i += 1
        return out

    # -- people
    def person(self) -> tuple[str, str]:
        return self.pick(_FIRST), self.pick(_LAST)

    def full_name(self) -> str:
        first, last = self.person()
        return f"{first} {last}"

    def user(self, first: str | None = None, last: str | None = None) -> str:
        if first is None or last is None:
            first, last = self.person()
        f, la = _ascii(first).lower(), _ascii(last).lower()
        return self.pick([f[0] + la, f, f"{f}.{la}", f + la[0], f"{f}_{la}"])

    def domain(self) -> str:
        return self.pick(_FREEMAIL) if self.chance(0.35) else self.company()

    def email(self, first: str | None = None, last: str | None = None, domain: str | None = None) -> str:
        if first is None or last is None:
            first, last = self.person()
        f, la = _ascii(first).lower(), _ascii(last).lower()
        local = self.pick([f"{f}.{la}", f[0] + la, f, f"{f}{la[0]}", f"{f}.{la}{self.r.randint(1, 99)}"])
        return f"{local}@{domain or self.domain()}"

    def example_email(self) -> str:
        local = self.pick(["ops", "alice", "bob", "test", "support", "dev", "user", "billing", "qa+signup"])
        return f"{local}@{self.pick(_EXAMPLE_DOMAINS)}"

    def phone(self) -> str:
        style = self.r.randrange(9)
        if style < 5:
            area = self.pick(_NANP_AREAS)
            while True:
                ex = self.r.randint(200, 999)
                if ex != 555 and ex % 100 != 11:
                    break
            line = f"{self.r.randint(0, 9999):04d}"
            return self.pick(
                [
                    f"({area}) {ex}-{line}",
                    f"{area}-{ex}-{line}",
                    f"+1 {area} {ex} {line}",
                    f"+1{area}{ex}{line}",
                    f"+1 ({area}) {ex}-{line}",
                ]
            )
        if style == 5:
            return f"+44 7{self.r.randint(400, 699)} {self.digits(6)}"
        if style == 6:
            return f"+49 {self.pick(['151', '160', '171', '176'])} {self.digits(8)}"
        if style == 7:
            d = self.digits(8)
            return f"+33 {self.pick('67')} {d[:2]} {d[2:4]} {d[4:6]} {d[6:]}"
        return f"+61 4{self.digits(2)} {self.digits(3)} {self.digits(3)}"

    def ssn(self, dashes: bool = True) -> str:
        while True:
            area = self.r.randint(1, 899)
            group = self.r.randint(1, 99)
            serial = self.r.randint(1, 9999)
            text = f"{area:03d}-{group:02d}-{serial:04d}"
            if area != 666 and text not in {"078-05-1120", "219-09-9999", "123-45-6789"}:
                return text if dashes else text.replace("-", "")

    def card(self, spaced: bool | None = None) -> str:
        kind = self.r.randrange(5)
        if kind <= 1:
            prefix, length = "4" + self.digits(5), 16
        elif kind == 2:
            prefix, length = self.pick(["51", "52", "53", "54", "55"]) + self.digits(4), 16
        elif kind == 3:
            prefix, length = self.pick(["34", "37"]) + self.digits(4), 15
        else:
            prefix, length = "6011" + self.digits(2), 16
        while True:
            body = prefix + self.digits(length - len(prefix) - 1)
            number = next(body + d for d in string.digits if luhn_ok(body + d))
            if number not in processor_test_cards() and len(set(number)) > 3:
                break
        style = self.r.randrange(3) if spaced is None else (0 if spaced else 2)
        parts = (
            [number[:4], number[4:10], number[10:]]
            if length == 15
            else [number[i : i + 4] for i in range(0, 16, 4)]
        )
        return [" ".join(parts), "-".join(parts), number][style]

    def iban(self, grouped: bool | None = None) -> str:
        country = self.pick(["DE", "GB", "NL", "AT", "CH", "BE", "PL", "FR", "SE"])
        if country == "DE":
            bban = self.digits(18)
        elif country == "GB":
            bban = self.pick(["NWBK", "BARC", "LOYD", "HBUK", "MIDL", "MONZ"]) + self.digits(14)
        elif country == "NL":
            bban = self.pick(["ABNA", "INGB", "RABO", "TRIO", "BUNQ", "KNAB"]) + self.digits(10)
        elif country == "AT":
            bban = self.digits(16)
        elif country == "CH":
            bban = self.digits(17)
        elif country == "BE":
            first = self.digits(10)
            bban = first + f"{int(first) % 97 or 97:02d}"
        elif country == "PL":
            bban = self.digits(24)
        elif country == "SE":
            bban = self.digits(20)
        else:
            bank, branch, account = self.digits(5), self.digits(5), self.digits(11)
            key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
            bban = f"{bank}{branch}{account}{key:02d}"
        iban = _iban_with_check(country, bban)
        if grouped if grouped is not None else self.chance(0.5):
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban

    # -- addresses
    def ip_public(self) -> str:
        while True:
            quad = [
                self.pick(_PUBLIC_FIRST),
                self.r.randint(0, 255),
                self.r.randint(0, 255),
                self.r.randint(2, 254),
            ]
            if len(set(quad)) > 1:
                return ".".join(map(str, quad))

    def ip6_public(self) -> str:
        head = self.pick(["2a01:4f8", "2600:1f18", "2a05:d014", "2604:a880", "2a02:c207"])
        return f"{head}:{self.r.randint(1, 0xFFFF):x}:{self.r.randint(1, 0xFFFF):x}::{self.r.randint(2, 0xFFF):x}"

    def ip_private(self) -> str:
        kind = self.r.randrange(9)
        if kind < 4:
            quad = [10, self.r.randint(0, 255), self.r.randint(0, 255), self.r.randint(2, 254)]
        elif kind < 6:
            quad = [172, self.r.randint(16, 31), self.r.randint(0, 255), self.r.randint(2, 254)]
        elif kind < 8:
            quad = [192, 168, self.r.randint(0, 255), self.r.randint(2, 254)]
        else:
            quad = [100, self.r.randint(64, 127), self.r.randint(0, 255), self.r.randint(2, 254)]
        return ".".join(map(str, quad))

    def ip_doc(self) -> str:
        net = self.pick(["192.0.2", "198.51.100", "203.0.113"])
        return f"{net}.{self.r.randint(1, 254)}"

    def home(self, user: str | None = None) -> str:
        user = user or self.user()
        kind = self.r.randrange(6)
        if kind < 3:
            return f"/home/{user}"
        if kind < 5:
            return f"/Users/{user}"
        return f"C:\\Users\\{user}"

    # -- credentials
    def password(self, charset: str = "config") -> str:
        style = self.r.randrange(4)
        if style == 0:
            word = self.pick(_NOUNS)
            return f"{word}.{self.pick(_NOUNS)}{self.r.randint(100, 999)}"
        if style == 1:
            return f"{self.pick(_NOUNS).capitalize()}-{self.pick(_NOUNS).capitalize()}-{self.r.randint(1000, 9999)}"
        symbols = {"config": "!#%&*+-=?@^_.", "url": "-._~", "shell": "-_.,%+=@:"}[charset]
        while True:
            n = self.r.randint(14, 22)
            pw = self.chars(string.ascii_letters + string.digits + symbols, n)
            if any(c.isdigit() for c in pw) and any(c.isalpha() for c in pw) and pw[0].isalnum():
                return pw

    def aws_access(self) -> str:
        while True:
            key = self.pick(["AKIA", "AKIA", "ASIA"]) + self.chars(string.ascii_uppercase + "234567", 16)
            if not key.endswith("EXAMPLE"):
                return key

    def aws_secret(self) -> str:
        return self.chars(_B62 + "/+", 40)

    def github(self, prefix: str | None = None) -> str:
        if prefix is None:
            prefix = self.pick(["ghp_", "ghp_", "ghp_", "gho_", "ghs_", "ghu_", "ghr_"])
        body = self.alnum(30)
        return prefix + body + github_checksum(body)

    def github_pat(self) -> str:
        return f"github_pat_11{self.chars(string.ascii_uppercase + string.digits, 20)}_{self.alnum(59)}"

    def npm(self) -> str:
        body = self.alnum(30)
        return "npm_" + body + github_checksum(body)

    def gitlab(self) -> str:
        return self.pick(["glpat-", "glpat-", "glpat-", "gldt-", "glrt-"]) + self.b64url(20)

    def slack(self) -> str:
        kind = self.r.randrange(3)
        if kind == 0:
            return f"xoxb-{self.digits(12)}-{self.digits(13)}-{self.alnum(24)}"
        if kind == 1:
            return f"xoxp-{self.digits(12)}-{self.digits(12)}-{self.digits(13)}-{self.hexs(32)}"
        return f"xapp-1-A0{self.chars(string.ascii_uppercase + string.digits, 9)}-{self.digits(13)}-{self.hexs(64)}"

    def stripe(self) -> str:
        kind = self.r.randrange(4)
        if kind == 0:
            return "sk_live_" + self.alnum(99)
        if kind == 1:
            return "sk_live_" + self.alnum(24)
        if kind == 2:
            return "rk_live_" + self.alnum(99)
        return "whsec_" + self.alnum(32)

    def stripe_api(self) -> str:
        """A Stripe key that authenticates API calls (not a webhook's signing secret)."""
        return self.pick(["sk_live_", "sk_live_", "rk_live_"]) + self.alnum(self.pick([24, 99]))

    def openai(self) -> str:
        kind = self.r.randrange(3)
        if kind == 0:
            return f"sk-proj-{self.b64url(74)}T3BlbkFJ{self.b64url(74)}"
        if kind == 1:
            return f"sk-{self.alnum(20)}T3BlbkFJ{self.alnum(20)}"
        return f"sk-svcacct-{self.b64url(74)}T3BlbkFJ{self.b64url(74)}"

    def anthropic(self) -> str:
        kind = self.pick(["api03", "api03", "api03", "admin01"])
        return f"sk-ant-{kind}-{self.b64url(93)}AA"

    def google_api(self) -> str:
        return "AIzaSy" + self.b64url(33)

    def pypi(self) -> str:
        caveat = json.dumps(
            {"permissions": {"projects": [self.service()]}, "version": 1}, separators=(",", ":")
        )
        raw = (
            b"\x02\x01\x08pypi.org\x02\x24"
            + self.uuid().encode()
            + b"\x00\x02"
            + bytes([len(caveat)])
            + caveat.encode()
            + b"\x00\x00\x06\x20"
            + self.randbytes(32)
        )
        return "pypi-" + base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def huggingface(self) -> str:
        return "hf_" + self.chars(string.ascii_letters, 34)

    def sendgrid(self) -> str:
        return f"SG.{self.b64url(22)}.{self.b64url(43)}"

    def twilio(self) -> str:
        return "SK" + self.hexs(32)

    def shopify(self) -> str:
        return self.pick(["shpat_", "shpat_", "shpca_", "shppa_", "shpss_"]) + self.hexs(32)

    def digitalocean(self) -> str:
        return self.pick(["dop_v1_", "dop_v1_", "doo_v1_", "dor_v1_"]) + self.hexs(64)

    def other_vendor(self) -> tuple[str, str]:
        """Another vendor's token with a published prefix, and the variable it usually sits in."""
        kind = self.r.randrange(16)
        up = string.ascii_uppercase + string.digits
        return [
            ("VAULT_TOKEN", "hvs." + self.b64url(24)),
            ("TS_AUTHKEY", f"tskey-auth-k{self.alnum(10)}CNTRL-{self.alnum(32)}"),
            ("PULUMI_ACCESS_TOKEN", "pul-" + self.hexs(40)),
            ("GRAFANA_SERVICE_ACCOUNT_TOKEN", f"glsa_{self.alnum(32)}_{self.hexs(8)}"),
            ("LINEAR_API_KEY", "lin_api_" + self.alnum(40)),
            ("POSTMAN_API_KEY", f"PMAK-{self.hexs(24)}-{self.hexs(34)}"),
            ("DATABRICKS_TOKEN", "dapi" + self.hexs(32)),
            ("DOPPLER_TOKEN", f"dp.st.{self.pick(['prd', 'stg', 'dev'])}.{self.alnum(40)}"),
            ("SOPS_AGE_KEY", "AGE-SECRET-KEY-1" + self.chars("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58)),
            ("GROQ_API_KEY", "gsk_" + self.alnum(52)),
            ("REPLICATE_API_TOKEN", "r8_" + self.alnum(37)),
            ("DOCKERHUB_TOKEN", "dckr_pat_" + self.b64url(27)),
            ("GEM_HOST_API_KEY", "rubygems_" + self.hexs(48)),
            ("FIGMA_TOKEN", "figd_" + self.b64url(40)),
            ("NEW_RELIC_API_KEY", "NRAK-" + self.chars(up, 27)),
            ("POSTHOG_PERSONAL_API_KEY", "phx_" + self.alnum(43)),
        ][kind]

    def jwt(self, claims: dict[str, object] | None = None) -> str:
        rs = self.chance(0.5)
        header: dict[str, object] = {"alg": "RS256" if rs else "HS256", "typ": "JWT"}
        if rs:
            header["kid"] = self.hexs(16)
        iat = int(self.when().timestamp())
        payload: dict[str, object] = {
            "sub": self.uuid() if self.chance(0.5) else str(self.r.randint(10**5, 10**8))
        }
        payload.update(claims or {"iss": f"https://auth.{self.company()}/", "aud": self.service()})
        payload.update({"iat": iat, "exp": iat + self.pick([900, 3600, 86400])})

        def seg(obj: dict[str, object]) -> str:
            raw = json.dumps(obj, separators=(",", ":")).encode()
            return base64.urlsafe_b64encode(raw).decode().rstrip("=")

        sig = base64.urlsafe_b64encode(self.randbytes(256 if rs else 32)).decode().rstrip("=")
        return f"{seg(header)}.{seg(payload)}.{sig}"

    def bearer(self) -> str:
        kind = self.r.randrange(5)
        if kind == 0:
            return "ya29.a0" + self.b64url(150)
        if kind == 1:
            return self.alnum(self.r.randint(40, 64))
        if kind == 2:
            return "v2.local." + self.b64url(120)
        if kind == 3:
            return "EAAB" + self.alnum(180)
        return self.b64url(43)

    def cookie(self) -> tuple[str, str]:
        """A session cookie's name and value, as a framework writes them."""
        kind = self.r.randrange(10)
        if kind == 0:
            return "sessionid", self.chars(string.ascii_lowercase + string.digits, 32)
        if kind == 1:
            return "connect.sid", f"s%3A{self.b64url(32)}.{self.alnum(43)}"
        if kind == 2:
            data = base64.b64encode(self.randbytes(self.r.randint(60, 120))).decode().replace("=", "%3D")
            return f"_{self.service()}_session", f"{data}--{self.hexs(40)}"
        if kind == 3:
            return "PHPSESSID", self.chars("0123456789abcdefghijklmnopqrstuv", 26)
        if kind == 4:
            return "JSESSIONID", self.hexs(32).upper()
        if kind == 5:
            inner = json.dumps(
                {"iv": self.b64(16), "value": self.b64(48), "mac": self.hexs(64), "tag": ""},
                separators=(",", ":"),
            )
            return "laravel_session", base64.b64encode(inner.encode()).decode().replace("=", "%3D")
        if kind == 6:
            return "__Secure-next-auth.session-token", (
                f"eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..{self.b64url(22)}.{self.b64url(280)}.{self.b64url(22)}"
            )
        if kind == 7:
            body = base64.urlsafe_b64encode(
                json.dumps({"_user_id": str(self.r.randint(1, 99999)), "_fresh": True}).encode()
            ).decode()
            return "session", f"{body.rstrip('=')}.{self.b64url(6)}.{self.b64url(27)}"
        if kind == 8:
            return ".AspNetCore.Cookies", "CfDJ8" + self.b64url(300)
        return "sid", self.b64url(43)

    def der_key(self, kind: str) -> bytes:
        def big(bits: int) -> int:
            return self.r.getrandbits(bits) | (1 << (bits - 1)) | 1

        if kind == "RSA":
            n, d = big(2048), big(2047)
            parts = [0, n, 65537, d, big(1024), big(1024), big(1023), big(1023), big(1023)]
            return _der(0x30, b"".join(_der_int(v) for v in parts))
        scalar = self.randbytes(32)
        point = b"\x04" + self.randbytes(64)
        if kind == "EC":
            return _der(
                0x30,
                _der_int(1)
                + _der(0x04, scalar)
                + _der(0xA0, _OID_P256)
                + _der(0xA1, _der(0x03, b"\x00" + point)),
            )
        if kind == "PKCS8-RSA":
            inner = self.der_key("RSA")
            return _der(0x30, _der_int(0) + _der(0x30, _OID_RSA + b"\x05\x00") + _der(0x04, inner))
        sec1 = _der(0x30, _der_int(1) + _der(0x04, scalar) + _der(0xA1, _der(0x03, b"\x00" + point)))
        return _der(0x30, _der_int(0) + _der(0x30, _OID_EC + _OID_P256) + _der(0x04, sec1))

    def openssh_key(self) -> bytes:
        def s(b: bytes) -> bytes:
            return len(b).to_bytes(4, "big") + b

        pub, priv = self.randbytes(32), self.randbytes(32)
        check = self.randbytes(4)
        comment = f"{self.pick(['deploy', 'ci', 'backup', 'root'])}@{self.pick(['bastion', 'builder', 'runner-07'])}"
        inner = check + check + s(b"ssh-ed25519") + s(pub) + s(priv + pub) + s(comment.encode())
        inner += bytes(range(1, 1 + (-len(inner)) % 8))
        blob = s(b"ssh-ed25519") + s(pub)
        return (
            b"openssh-key-v1\x00"
            + s(b"none")
            + s(b"none")
            + s(b"")
            + (1).to_bytes(4, "big")
            + s(blob)
            + s(inner)
        )

    def pem(self, label: str | None = None) -> tuple[str, list[str], str]:
        """A private key: its BEGIN line, its body's lines, its END line."""
        if label is None:
            label = self.pick(
                ["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "PRIVATE KEY"]
            )
        if label == "OPENSSH PRIVATE KEY":
            raw, width = self.openssh_key(), 70
        elif label == "RSA PRIVATE KEY":
            raw, width = self.der_key("RSA"), 64
        elif label == "EC PRIVATE KEY":
            raw, width = self.der_key("EC"), 64
        else:
            raw, width = self.der_key(self.pick(["PKCS8-RSA", "PKCS8-EC"])), 64
        text = base64.b64encode(raw).decode()
        lines = [text[i : i + width] for i in range(0, len(text), width)]
        return f"-----BEGIN {label}-----", lines, f"-----END {label}-----"

    def hash(self) -> str:
        """A stored password hash, in one of the formats systems keep them."""
        crypt = "./" + string.digits + string.ascii_letters
        kind = self.r.randrange(5)
        if kind == 0:
            return f"$2{self.pick('aby')}${self.pick(['10', '12'])}${self.chars(crypt, 53)}"
        if kind == 1:
            return f"$argon2id$v=19$m=65536,t=3,p=4${self.b64url(22)}${self.b64url(43)}".replace(
                "-", "+"
            ).replace("_", "/")
        if kind == 2:
            return f"pbkdf2_sha256$600000${self.alnum(22)}${self.b64(32)}"
        if kind == 3:
            return f"$6$rounds=5000${self.chars(crypt, 16)}${self.chars(crypt, 86)}"
        return f"$y$j9T${self.chars(crypt, 22)}${self.chars(crypt, 43)}"

    def k8s_value(self) -> tuple[str, str]:
        """A Secret's data key and its base64 value."""
        kind = self.r.randrange(5)
        if kind == 0:
            key, raw = "password", self.password()
        elif kind == 1:
            key, raw = "DB_PASSWORD", self.password("url")
        elif kind == 2:
            key, raw = "api-token", self.alnum(40)
        elif kind == 3:
            user, pw = self.service(), self.password("url")
            key, raw = "DATABASE_URL", f"postgresql://{user}:{pw}@{user}-db.{self.service()}.svc:5432/{user}"
        else:
            key, raw = "client-secret", self.b64url(48)
        return key, base64.b64encode(raw.encode()).decode()

    def url_signature(self) -> tuple[str, str]:
        """A credential-carrying query parameter's name and value."""
        kind = self.r.randrange(6)
        if kind == 0:
            return "token", self.b64url(43)
        if kind == 1:
            return "access_token", self.alnum(48)
        if kind == 2:
            return "sig", base64.b64encode(self.randbytes(32)).decode().replace("+", "%2B").replace(
                "/", "%2F"
            ).replace("=", "%3D")
        if kind == 3:
            return "signature", self.hexs(64)
        if kind == 4:
            return "api_key", self.alnum(32)
        return "auth", self.b64url(40)

    # -- lookalikes (all kept)
    def placeholder(self) -> str:
        return self.pick(
            [
                "changeme",
                "<your-api-key>",
                "${API_TOKEN}",
                "****",
                "<your-token-here>",
                "${DB_PASSWORD}",
                "********",
                "{{ api_token }}",
            ]
        )

    def filler_token(self) -> str:
        return self.pick(
            ["ghp_" + "x" * 36, "sk-...", "xoxb-xxxx-xxxx-xxxx", "sk_live_" + "x" * 24, "hf_" + "x" * 34]
        )

    def aws_example(self) -> str:
        return "AKIA" + self.pick(["IOSFODNN7", "I44QH8DHB"]) + "EXAMPLE"

    def test_card(self) -> str:
        return self.pick(
            [
                "4242 4242 4242 4242",
                "4000 0566 5566 5556",
                "5555 5555 5555 4444",
                "4242424242424242",
                "3782 822463 10005",
            ]
        )

    def posthog_public(self) -> str:
        return "phc_" + self.alnum(43)

    def mapbox_public(self) -> str:
        claims = json.dumps(
            {"u": self.pick(_WORDS), "a": "cl" + self.alnum(23).lower()}, separators=(",", ":")
        )
        return "pk." + base64.urlsafe_b64encode(claims.encode()).decode().rstrip("=") + "." + self.b64url(22)

    def supabase_publishable(self) -> str:
        return "sb_publishable_" + self.b64url(31)

    def digest(self) -> str:
        return "sha256:" + self.hexs(64)


# ---------------------------------------------------------------------------------------------------------
# Secrets as a setting's variable holds them.

_ENV = VENDOR_CLASSES | {"aws-secret-key", "config-password", "db-password", "url-password"}


def _vendor(g: _Gen, kind: str) -> tuple[str, str]:
    """A vendor token of the class and the variable name it usually sits in."""
    if kind == "github-token":
        name = g.pick(
            ["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT", "HOMEBREW_GITHUB_API_TOKEN", "RENOVATE_TOKEN"]
        )
        return name, g.github_pat() if g.chance(0.15) else g.github()
    if kind == "gitlab-token":
        return g.pick(
            ["GITLAB_TOKEN", "GITLAB_PRIVATE_TOKEN", "GL_TOKEN", "DANGER_GITLAB_API_TOKEN"]
        ), g.gitlab()
    if kind == "slack-token":
        value = g.slack()
        return {"xoxb": "SLACK_BOT_TOKEN", "xoxp": "SLACK_USER_TOKEN", "xapp": "SLACK_APP_TOKEN"}[
            value[:4]
        ], value
    if kind == "stripe-key":
        value = g.stripe()
        return (
            "STRIPE_WEBHOOK_SECRET"
            if value.startswith("whsec_")
            else g.pick(["STRIPE_SECRET_KEY", "STRIPE_API_KEY"])
        ), value
    if kind == "openai-key":
        return g.pick(["OPENAI_API_KEY", "OPENAI_KEY"]), g.openai()
    if kind == "anthropic-key":
        value = g.anthropic()
        return ("ANTHROPIC_ADMIN_KEY" if "admin" in value else "ANTHROPIC_API_KEY"), value
    if kind == "aws-access-key":
        return "AWS_ACCESS_KEY_ID", g.aws_access()
    if kind == "aws-secret-key":
        return "AWS_SECRET_ACCESS_KEY", g.aws_secret()
    if kind == "google-api-key":
        name = g.pick(
            ["GOOGLE_API_KEY", "GEMINI_API_KEY", "FIREBASE_API_KEY", "GOOGLE_MAPS_API_KEY", "YOUTUBE_API_KEY"]
        )
        return name, g.google_api()
    if kind == "npm-token":
        return g.pick(["NPM_TOKEN", "NODE_AUTH_TOKEN"]), g.npm()
    if kind == "pypi-token":
        return g.pick(["PYPI_API_TOKEN", "TWINE_PASSWORD", "UV_PUBLISH_TOKEN"]), g.pypi()
    if kind == "huggingface-token":
        return g.pick(["HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HUGGINGFACEHUB_API_TOKEN"]), g.huggingface()
    if kind == "sendgrid-key":
        return g.pick(["SENDGRID_API_KEY", "MAIL_PASSWORD"]), g.sendgrid()
    if kind == "twilio-key":
        return "TWILIO_API_KEY", g.twilio()
    if kind == "shopify-token":
        value = g.shopify()
        return ("SHOPIFY_API_SECRET" if value.startswith("shpss_") else "SHOPIFY_ACCESS_TOKEN"), value
    if kind == "digitalocean-token":
        return g.pick(["DIGITALOCEAN_TOKEN", "DIGITALOCEAN_ACCESS_TOKEN", "DO_PAT"]), g.digitalocean()
    if kind == "vendor-token":
        return g.other_vendor()
    raise KeyError(kind)


def _config_secret(g: _Gen) -> tuple[str, str, str]:
    """A secret-named setting: its name, and its value split around the part that is secret."""
    kind = g.r.randrange(9)
    if kind <= 2:
        name = g.pick(
            [
                "DB_PASSWORD",
                "POSTGRES_PASSWORD",
                "MYSQL_ROOT_PASSWORD",
                "REDIS_PASSWORD",
                "SMTP_PASSWORD",
                "ADMIN_PASSWORD",
                "RABBITMQ_DEFAULT_PASS",
                "KEYCLOAK_ADMIN_PASSWORD",
                "GF_SECURITY_ADMIN_PASSWORD",
                "ELASTIC_PASSWORD",
            ]
        )
        return name, "", g.password()
    if kind == 3:
        return g.pick(["JWT_SECRET", "SESSION_SECRET", "NEXTAUTH_SECRET", "COOKIE_SECRET"]), "", g.b64(32)
    if kind == 4:
        return "SECRET_KEY_BASE", "", g.hexs(128)
    if kind == 5:
        return "DJANGO_SECRET_KEY", "", g.chars(string.ascii_lowercase + string.digits + "!@#%^&*(-_=+)", 50)
    if kind == 6:
        return "TWILIO_AUTH_TOKEN", "", g.hexs(32)
    if kind == 7:
        return "APP_KEY", "base64:", g.b64(32)
    return g.pick(["ENCRYPTION_KEY", "WEBHOOK_SIGNING_SECRET"]), "", g.hexs(64)


def _db_url(g: _Gen, host: str | None = None) -> tuple[str, str]:
    """A database connection string with its password labelled, and the variable that holds it."""
    svc = g.service()
    scheme, port, name = g.pick(
        [
            ("postgresql", 5432, "DATABASE_URL"),
            ("postgres", 5432, "DATABASE_URL"),
            ("postgresql+psycopg", 5432, "SQLALCHEMY_DATABASE_URI"),
            ("mysql", 3306, "DATABASE_URL"),
            ("mysql2", 3306, "DB_URL"),
            ("mongodb", 27017, "MONGO_URL"),
            ("redis", 6379, "REDIS_URL"),
            ("amqp", 5672, "AMQP_URL"),
        ]
    )
    host = host or g.pick(
        [
            f"{svc}-db.internal",
            f"db-{g.r.randint(1, 4)}.{svc}.svc.cluster.local",
            f"{svc}.c9x{g.alnum(8).lower()}.eu-west-1.rds.amazonaws.com",
        ]
    )
    user = "default" if scheme == "redis" else g.pick([svc, f"{svc}_app", "app", "admin"])
    pw = g.s("db-password", g.password("url"))
    path = "/0" if scheme == "redis" else f"/{svc}"
    return name, f"{scheme}://{user}:{pw}@{host}:{port}{path}"


def _url_password(g: _Gen) -> tuple[str, str]:
    """A non-database URL with a password in it, and the variable that holds it."""
    comp, user = g.company(), g.pick(["ci", "deploy", "build-bot", g.user()])
    pw = g.s("url-password", g.password("url"))
    return g.pick(
        [
            ("PIP_INDEX_URL", f"https://{user}:{pw}@pypi.{comp}/simple"),
            ("HTTPS_PROXY", f"http://{user}:{pw}@proxy.{comp}:3128"),
            ("ARTIFACTORY_URL", f"https://{user}:{pw}@artifactory.{comp}/artifactory/libs-release"),
            ("UV_INDEX_URL", f"https://{user}:{pw}@nexus.{comp}/repository/pypi-group/simple"),
            ("WEBHOOK_URL", f"https://{user}:{pw}@hooks.{comp}/deploy"),
        ]
    )


def _env_pair(g: _Gen, kind: str) -> tuple[str, str]:
    """A variable name and its labelled value, for any class a setting's variable may hold."""
    if kind == "config-password":
        name, lead, value = _config_secret(g)
        return name, lead + g.s(kind, value)
    if kind == "db-password":
        return _db_url(g)
    if kind == "url-password":
        return _url_password(g)
    name, value = _vendor(g, kind)
    return name, g.s(kind, value)


def _env_noise(g: _Gen, n: int, svc: str, used: Iterable[str] = ()) -> list[str]:
    """Ordinary settings beside the secrets, many of them look-alikes to keep."""
    k = g.k
    pool = [
        ("NODE_ENV", "production"),
        ("LOG_LEVEL", g.pick(["info", "debug", "warn"])),
        ("PORT", str(g.pick([3000, 8000, 8080, 9090]))),
        ("TZ", "UTC"),
        ("APP_NAME", svc),
        ("RELEASE", k("v" + g.version())),
        ("GIT_SHA", k(g.sha())),
        ("OPENAI_API_KEY", k("${OPENAI_API_KEY:?must be set}")),
        ("ANTHROPIC_API_KEY", k("${ANTHROPIC_API_KEY:?set ANTHROPIC_API_KEY}")),
        ("STRIPE_WEBHOOK_SECRET", k(g.placeholder())),
        ("SUPPORT_EMAIL", k(g.example_email())),
        ("BIND_ADDR", k("0.0.0.0:8080")),
        ("DNS_SERVER", k(g.pick(["1.1.1.1", "8.8.8.8", "9.9.9.9"]))),
        ("POSTHOG_KEY", k(g.posthog_public())),
        ("MAPBOX_TOKEN", k(g.mapbox_public())),
        ("SUPABASE_PUBLISHABLE_KEY", k(g.supabase_publishable())),
        (
            "APPLICATIONINSIGHTS_CONNECTION_STRING",
            k("InstrumentationKey=" + g.uuid())
            + ";IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/",
        ),
        ("SESSION_TTL", "3600"),
        ("FEATURE_FLAGS", "checkout_v2,fast_refunds"),
        ("UPSTREAM_ID", k(g.uuid())),
        ("CACHE_DIR", k(f"/var/cache/{svc}")),
        ("API_KEY", k(g.placeholder())),
        ("GITHUB_TOKEN", k("ghp_" + "x" * 36)),
        ("DB_PASSWORD", k("${DB_PASSWORD:-}")),
        ("SENTRY_ENVIRONMENT", "production"),
        ("IMAGE_DIGEST", k(g.digest())),
        ("ALLOWED_HOSTS", f"{svc}.{g.company()},localhost"),
        ("MAX_UPLOAD_MB", "25"),
    ]
    taken = set(used)
    g.r.shuffle(pool)
    out: list[str] = []
    for name, value in pool:
        if name not in taken and len(out) < n:
            taken.add(name)
            out.append(f"{name}={value}")
    return out


# ---------------------------------------------------------------------------------------------------------
# Templates: each renders one document of a setting, placing the classes it is asked for.


class _Want:
    """The classes a document was asked to hold; a template takes each one it places."""

    def __init__(self, kinds: Iterable[str]) -> None:
        self._left = list(kinds)

    def n(self, kind: str) -> int:
        return self._left.count(kind)

    def take(self, kind: str) -> bool:
        if kind in self._left:
            self._left.remove(kind)
            return True
        return False

    def take_all(self, kinds: Iterable[str]) -> list[str]:
        wanted = set(kinds)
        out = [k for k in self._left if k in wanted]
        self._left = [k for k in self._left if k not in wanted]
        return out

    def left(self) -> list[str]:
        return list(self._left)


@attrs.frozen
class _Draft:
    body: str
    path: str = ""
    lang: str = "text"


@attrs.frozen
class _Template:
    name: str
    setting: str
    hosts: frozenset[str]
    most: int
    file: bool  # a file's text (any delivery) rather than a command's output (never a diff or a file read)
    render: Callable[[_Gen, _Want], _Draft]


_TEMPLATES: list[_Template] = []
_LOOKALIKES: list[_Template] = []


def _template(
    setting: str, hosts: Iterable[str] = (), *, most: int = 2, file: bool = True
) -> Callable[[Callable[[_Gen, _Want], _Draft]], Callable[[_Gen, _Want], _Draft]]:
    def register(fn: Callable[[_Gen, _Want], _Draft]) -> Callable[[_Gen, _Want], _Draft]:
        t = _Template(fn.__name__.strip("_").replace("_", "-"), setting, frozenset(hosts), most, file, fn)
        (_TEMPLATES if t.hosts else _LOOKALIKES).append(t)
        return fn

    return register


# -- infrastructure as code ---------------------------------------------------------------------------------


@_template("iac", _ENV, most=3)
def _env_file(g: _Gen, w: _Want) -> _Draft:
    svc = g.service()
    pairs = [_env_pair(g, kind) for kind in w.take_all(_ENV)]
    quote = g.chance(0.3)
    secret_lines = [f'{n}="{v}"' if quote else f"{n}={v}" for n, v in pairs]
    noise = _env_noise(g, g.r.randint(4, 8), svc, [n for n, _ in pairs])
    head = [f"# {svc} ({g.pick(['production', 'staging', 'prod-eu'])}) — managed by hand, do not commit"]
    body = "\n".join(head + g.interleave(noise, secret_lines)) + "\n"
    return _Draft(
        body, g.pick([".env", ".env.production", "deploy/.env.prod", f"services/{svc}/.env"]), "dotenv"
    )


@_template("iac", {"ip-private", "ip-public", "config-password"}, most=3)
def _ansible_inventory(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    svc = g.service()
    web = []
    n_priv = w.n("ip-private")
    w.take_all({"ip-private"})
    for i in range(max(2, n_priv)):
        addr = s("ip-private", g.ip_private()) if i < n_priv else f"{svc}-web-0{i + 1}.internal"
        web.append(f"{svc}-web-0{i + 1} ansible_host={addr} ansible_user=deploy")
    db_host = s("ip-public", g.ip_public()) if w.take("ip-public") else f"db1.{g.company()}"
    db = [f"{svc}-db-01 ansible_host={db_host} ansible_port=22 ansible_user=ubuntu"]
    allvars = [
        f"ansible_python_interpreter={k('/usr/bin/python3')}",
        f"dns_resolvers={k('1.1.1.1')},{k('9.9.9.9')}",
        f"internal_cidr={k(g.pick(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']))}",
        f"app_release={k(g.version())}",
    ]
    for _ in w.take_all({"config-password"}):
        allvars.append(f"ansible_become_password={s('config-password', g.password())}")
    if g.chance(0.5):
        lookup = g.pick(["{{ vault_db_admin_password }}", "{{ lookup('env', 'DB_ADMIN_PASSWORD') }}"])
        allvars.append(f'db_admin_password="{k(lookup)}"')
    g.r.shuffle(allvars)
    body = "\n".join([f"[{svc}_web]", *web, "", f"[{svc}_db]", *db, "", "[all:vars]", *allvars]) + "\n"
    return _Draft(
        body, g.pick(["inventory/production.ini", "inventories/prod/hosts", "ansible/hosts.ini"]), "ini"
    )


@_template("iac", _ENV | {"ip-private", "email"}, most=3)
def _ansible_group_vars(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    svc = g.service()
    lines = [
        "---",
        f"{svc}_version: {k(g.version())}",
        f"{svc}_listen_port: {g.pick([8080, 8443, 9000])}",
        f"{svc}_workers: {g.r.randint(2, 16)}",
        f'{svc}_api_secret: "{k("{{ vault_" + svc + "_api_secret }}")}"',
        f"{svc}_log_dir: {k('/var/log/' + svc)}",
    ]
    extra = []
    for kind in w.take_all(_ENV | {"ip-private", "email"}):
        if kind == "ip-private":
            extra.append(f"{svc}_db_host: {s(kind, g.ip_private())}")
        elif kind == "email":
            extra.append(f"{svc}_oncall_email: {s(kind, g.email())}")
        else:
            name, value = _env_pair(g, kind)
            extra.append(f"{svc}_{name.lower()}: {value}")
    lines = g.interleave(lines, extra)
    lines.append(f"ntp_servers: [{k('time.cloudflare.com')}]")
    return _Draft("\n".join(lines) + "\n", f"group_vars/{svc}.yml", "yaml")


@_template("iac", _ENV | {"private-key"}, most=2)
def _helm_values(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    svc = g.service()
    lines = [
        "replicaCount: 2",
        "image:",
        f"  repository: ghcr.io/{g.pick(_WORDS)}/{svc}",
        f'  tag: "{k(g.version())}"',
        f"  digest: {k(g.digest())}",
        "  pullPolicy: IfNotPresent",
        "env:",
        "  - name: LOG_LEVEL",
        "    value: info",
    ]
    for kind in w.take_all(_ENV):
        name, value = _env_pair(g, kind)
        lines += [f"  - name: {name}", f'    value: "{value}"']
    lines += [
        "  - name: OPENAI_API_KEY",
        "    valueFrom:",
        "      secretKeyRef:",
        f"        name: {svc}-secrets",
        "        key: openai-api-key",
        "ingress:",
        "  enabled: true",
        f"  hosts: [{svc}.{g.company()}]",
        "service:",
        "  type: ClusterIP",
        "  port: 80",
    ]
    if w.take("private-key"):
        begin, body, end = g.pem(g.pick(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY"]))
        lines += [
            "tls:",
            "  crt: |",
            "    -----BEGIN CERTIFICATE-----",
            f"    MIIC{g.b64(40)}",
            "    -----END CERTIFICATE-----",
        ]
        lines += ["  key: |", f"    {begin}", "    " + s("private-key", "\n    ".join(body)), f"    {end}"]
    return _Draft("\n".join(lines) + "\n", f"charts/{svc}/values-prod.yaml", "yaml")


@_template("iac", {"cli-password", "k8s-secret"}, most=2, file=False)
def _helm_cli(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    svc = g.service()
    chart = g.pick(["bitnami/postgresql", "bitnami/redis", "bitnami/rabbitmq", "bitnami/mongodb"])
    opt = {"bitnami/postgresql": "auth.postgresPassword", "bitnami/redis": "auth.password"}.get(
        chart, "auth.rootPassword"
    )
    lines = []
    if w.take("cli-password"):
        pw = s("cli-password", g.password("shell"))
        lines += [
            f"$ helm upgrade --install {svc}-db {chart} --namespace {svc} --set {opt}={pw} --version {k(g.version())}",
            f'Release "{svc}-db" has been upgraded. Happy Helming!',
            f"NAME: {svc}-db",
            f"LAST DEPLOYED: {g.when().strftime('%a %b %d %H:%M:%S %Y')}",
            f"NAMESPACE: {svc}",
            "STATUS: deployed",
            f"REVISION: {g.r.randint(2, 40)}",
            "TEST SUITE: None",
            "NOTES:",
            f"CHART NAME: {chart.split('/')[1]}",
            f"CHART VERSION: {g.version()}",
            "",
            "** Please be patient while the chart is being deployed **",
        ]
    n = len(w.take_all({"k8s-secret"}))
    if n:
        lines += [
            f'$ kubectl get secret --namespace {svc} {svc}-db -o jsonpath="{{.data.password}}"',
            s("k8s-secret", base64.b64encode(g.password().encode()).decode()),
        ]
        for _ in range(n - 1):
            lines += [
                f'$ kubectl get secret --namespace {svc} {svc}-api -o jsonpath="{{.data.token}}"',
                s("k8s-secret", base64.b64encode(g.alnum(40).encode()).decode()),
            ]
    return _Draft("\n".join(lines) + "\n", lang="console")


@_template("iac", _ENV - {"db-password", "url-password"}, most=2, file=False)
def _pulumi_config(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    proj = g.pick(["acme-infra", f"{g.service()}-stack", "platform"])
    rows = [
        ["aws:region", g.pick(["eu-west-1", "us-east-1", "eu-central-1"])],
        [f"{proj}:instanceType", g.pick(["t3.medium", "m6i.large", "c7g.xlarge"])],
        [f"{proj}:dbPassword", k("[secret]")],
        [f"{proj}:imageTag", k(g.version())],
    ]
    for kind in w.take_all(_ENV):
        name, value = _env_pair(g, kind)
        camel = "".join(p.capitalize() for p in name.lower().split("_"))
        rows.append([f"{proj}:{camel[0].lower()}{camel[1:]}", value])
    g.r.shuffle(rows)
    body = "$ pulumi config --show-secrets\n" + _columns(["KEY", "VALUE"], rows, gap=2) + "\n"
    if g.chance(0.5):
        stack = g.pick(["prod", "staging"])
        body += f"$ pulumi up --yes --stack {stack}\nUpdating ({stack})\n\n"
        update = g.r.randint(10, 400)
        body += f"View in Browser (Ctrl+O): https://app.pulumi.com/{proj}/{proj}/{stack}/updates/{update}\n"
    return _Draft(body, lang="console")


@_template("iac", {"aws-access-key", "aws-secret-key", "ip-public"}, most=3)
def _packer(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    ak = (
        f'"{s("aws-access-key", g.aws_access())}"' if w.take("aws-access-key") else 'env("AWS_ACCESS_KEY_ID")'
    )
    sk = (
        f'"{s("aws-secret-key", g.aws_secret())}"'
        if w.take("aws-secret-key")
        else 'env("AWS_SECRET_ACCESS_KEY")'
    )
    lines = [
        "packer {",
        "  required_plugins {",
        "    amazon = {",
        f'      version = ">= {k(g.version())}"',
        '      source  = "github.com/hashicorp/amazon"',
        "    }",
        "  }",
        "}",
        "",
        'variable "aws_access_key" {',
        "  type    = string",
        f"  default = {ak}",
        "}",
        "",
        'variable "aws_secret_key" {',
        "  type      = string",
        f"  default   = {sk}",
        "  sensitive = true",
        "}",
        "",
        f'source "amazon-ebs" "{g.pick(["ubuntu", "base", "worker"])}" {{',
        '  ami_name      = "base-{{timestamp}}"',
        f'  instance_type = "{g.pick(["t3.small", "t3.medium"])}"',
        '  region        = "eu-west-1"',
        "  access_key    = var.aws_access_key",
        "  secret_key    = var.aws_secret_key",
        '  ssh_username  = "ubuntu"',
    ]
    if w.take("ip-public"):
        lines.append(f'  ssh_bastion_host = "{s("ip-public", g.ip_public())}"')
    lines += ['  ssh_interface = "public_ip"', "}"]
    return _Draft("\n".join(lines) + "\n", "packer/base.pkr.hcl", "hcl")


@_template("iac", {"ip-public", "ip-private", "aws-access-key"}, most=3, file=False)
def _packer_build(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    src = g.pick(["amazon-ebs.ubuntu", "amazon-ebs.base"])
    inst = "i-0" + g.hexs(16)
    pub = s("ip-public", g.ip_public()) if w.take("ip-public") else k(g.ip_doc())
    lines = [
        f"{src}: output will be in this color.",
        "",
        f"==> {src}: Prevalidating any provided VPC information",
        f"==> {src}: Prevalidating AMI Name: base-{int(g.when().timestamp())}",
        f"    {src}: Found Image ID: ami-0{g.hexs(16)}",
        f"==> {src}: Creating temporary keypair: packer_{g.uuid()}",
        f"==> {src}: Launching a source AWS instance...",
        f"    {src}: Instance ID: {inst}",
        f"==> {src}: Waiting for instance ({inst}) to become ready...",
    ]
    if w.take("ip-private"):
        lines.append(f"    {src}: Private IP: {s('ip-private', g.ip_private())}")
    if w.take("aws-access-key"):
        lines.append(
            f"    {src}: Using access key {s('aws-access-key', g.aws_access())} from the shared credentials file"
        )
    lines += [
        f"    {src}: Public IP: {pub}",
        f"==> {src}: Using SSH communicator to connect: {pub}",
        f"==> {src}: Waiting for SSH to become available...",
        f"==> {src}: Connected to SSH!",
        f"==> {src}: Provisioning with shell script: /tmp/packer-shell{g.digits(9)}",
        f"    {src}: Reading package lists...",
    ]
    return _Draft("\n".join(lines) + "\n", lang="console")


@_template("iac", _ENV, most=3)
def _docker_compose(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    svc = g.service()
    pairs = [_env_pair(g, kind) for kind in w.take_all(_ENV)]
    env = [f"      - {n}={v}" for n, v in pairs]
    env = g.interleave(
        [
            f"      - OPENAI_API_KEY={k('${OPENAI_API_KEY:?must be set}')}",
            f"      - PORT={k('${PORT:-8080}')}",
            "      - LOG_FORMAT=json",
        ],
        env,
    )
    lines = [
        "services:",
        "  db:",
        f"    image: postgres:{k(g.pick(['16.2', '15.6', '16.4-alpine']))}",
        "    environment:",
        f"      POSTGRES_USER: {svc}",
        f"      POSTGRES_PASSWORD: {k('${POSTGRES_PASSWORD:?}')}",
        "    volumes:",
        f"      - {k('/var/lib/postgresql/data')}",
        f"  {svc}:",
        f"    image: ghcr.io/{g.pick(_WORDS)}/{svc}@{k(g.digest())}",
        "    depends_on: [db]",
        "    ports:",
        f'      - "{k("127.0.0.1:8080:8080")}"',
        "    environment:",
        *env,
    ]
    return _Draft(
        "\n".join(lines) + "\n",
        g.pick(["docker-compose.yml", "compose.prod.yaml", "deploy/compose.yml"]),
        "yaml",
    )


@_template("iac", _ENV | {"ip-public"}, most=2)
def _tfvars(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    lines = [
        f'region         = "{g.pick(["eu-west-1", "us-east-2", "fra1", "nyc3"])}"',
        f'cluster_name   = "{g.service()}-{g.pick(["prod", "stg"])}"',
        f"node_count     = {g.r.randint(2, 9)}",
        f'vpc_cidr       = "{k(g.pick(["10.0.0.0/16", "172.16.0.0/12", "10.20.0.0/16"]))}"',
        f'admin_email    = "{k(g.example_email())}"',
        f'k8s_version    = "{k(g.version())}"',
    ]
    extra = []
    for kind in w.take_all(_ENV | {"ip-public"}):
        if kind == "ip-public":
            extra.append(f'office_egress_ip = "{s(kind, g.ip_public())}"')
        else:
            name, value = _env_pair(g, kind)
            extra.append(f'{name.lower():<14} = "{value}"')
    return _Draft(
        "\n".join(g.interleave(lines, extra)) + "\n",
        g.pick(["terraform.tfvars", "envs/prod.auto.tfvars"]),
        "hcl",
    )


@_template("iac", {"k8s-secret"}, most=3)
def _k8s_secret_manifest(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    svc = g.service()
    n = len(w.take_all({"k8s-secret"}))
    if g.chance(0.3):
        ns_b64 = base64.b64encode(svc.encode()).decode()
        tok = base64.b64encode(
            g.jwt(
                {"iss": "kubernetes/serviceaccount", "kubernetes.io/serviceaccount/namespace": svc}
            ).encode()
        ).decode()
        lines = [
            "apiVersion: v1",
            f"kind: {k('Secret')}",
            "metadata:",
            f"  name: {svc}-deployer-token",
            f"  namespace: {svc}",
            "  annotations:",
            f"    kubernetes.io/service-account.name: {svc}-deployer",
            f"type: {k('kubernetes.io/service-account-token')}",
            "data:",
            f"  namespace: {k(ns_b64)}",
            f"  token: {s('k8s-secret', tok)}",
        ]
        for _ in range(n - 1):
            lines.append(
                f"  extra-{g.r.randint(1, 9)}: {s('k8s-secret', base64.b64encode(g.alnum(32).encode()).decode())}"
            )
    else:
        lines = [
            "apiVersion: v1",
            f"kind: {k('Secret')}",
            "metadata:",
            f"  name: {svc}-credentials",
            f"  namespace: {svc}",
            "  labels:",
            f"    app.kubernetes.io/name: {svc}",
            f"type: {k('Opaque')}",
            "data:",
        ]
        keys = set()
        for _ in range(n):
            key, value = g.k8s_value()
            while key in keys:
                key, value = g.k8s_value()
            keys.add(key)
            lines.append(f"  {k(key)}: {s('k8s-secret', value)}")
        if g.chance(0.5):
            lines.append(f"  {k('username')}: {base64.b64encode(svc.encode()).decode()}")
    if g.chance(0.4):
        body = (
            "$ kubectl get secret -n {} -o yaml {}\n".format(svc, lines[3].split(": ")[1])
            + "\n".join(lines)
            + "\n"
        )
        return _Draft(body, lang="console")
    return _Draft("---\n" + "\n".join(lines) + "\n", f"k8s/{svc}/secret.yaml", "yaml")


@_template("iac", {"ip-private", "ip-public"}, most=4, file=False)
def _kubectl_nodes(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    n_priv, n_pub = w.n("ip-private"), w.n("ip-public")
    w.take_all({"ip-private", "ip-public"})
    eks = g.chance(0.5)
    rows = []
    ver = "v1." + str(g.r.randint(27, 31)) + "." + str(g.r.randint(1, 9))
    pool = g.alnum(5).lower()
    for i in range(max(2, n_priv, n_pub)):
        internal, external = "<none>", "<none>"
        name = f"pool-{pool}-{i}"
        if i < n_priv:
            ip = g.ip_private()
            internal = s("ip-private", ip)
            if eks:
                name = "ip-" + s("ip-private", ip.replace(".", "-")) + ".eu-west-1.compute.internal"
        if i < n_pub:
            external = s("ip-public", g.ip_public())
        rows.append(
            [
                name,
                "Ready",
                "<none>",
                f"{g.r.randint(2, 90)}d",
                k(ver),
                internal,
                external,
                "Ubuntu 22.04.4 LTS",
                "6.5.0-1018-aws",
                "containerd://1.7.13",
            ]
        )
    table = _columns(
        [
            "NAME",
            "STATUS",
            "ROLES",
            "AGE",
            "VERSION",
            "INTERNAL-IP",
            "EXTERNAL-IP",
            "OS-IMAGE",
            "KERNEL-VERSION",
            "CONTAINER-RUNTIME",
        ],
        rows,
    )
    return _Draft("$ kubectl get nodes -o wide\n" + table + "\n", lang="console")


# -- database sessions --------------------------------------------------------------------------------------

_PEOPLE_COLUMNS = ("person-name", "email", "phone", "ssn", "credit-card", "iban")


def _person_cells(g: _Gen, counts: Counter[str], null: str) -> tuple[list[str], list[list[str]]]:
    """Columns and rows of a customer table: one column per asked class, filled down as far as asked."""
    s = g.s
    order = [c for c in _PEOPLE_COLUMNS if counts[c]]
    headers = ["id"]
    for c in order:
        headers.append(
            {
                "person-name": "full_name",
                "email": "email",
                "phone": "phone",
                "ssn": "ssn",
                "credit-card": "card_number",
                "iban": "iban",
            }[c]
        )
    headers += ["plan", "created_at"]
    out = []
    for i in range(max((counts[c] for c in order), default=g.r.randint(1, 3))):
        first, last = g.person()
        row = [str(g.r.randint(100, 99999))]
        for c in order:
            if i >= counts[c]:
                row.append(null)
            elif c == "person-name":
                row.append(s(c, f"{first} {last}"))
            elif c == "email":
                row.append(s(c, g.email(first, last)))
            elif c == "phone":
                row.append(s(c, g.phone()))
            elif c == "ssn":
                row.append(s(c, g.ssn()))
            elif c == "credit-card":
                row.append(s(c, g.card(spaced=False)))
            else:
                row.append(s(c, g.iban(grouped=False)))
        row += [g.pick(["free", "team", "business", "enterprise"]), g.when().strftime("%Y-%m-%d %H:%M:%S")]
        out.append(row)
    return headers, out


@_template(
    "database", {"cli-password", "ip-private", "email", "phone", "person-name", "ssn"}, most=4, file=False
)
def _psql_session(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    db = g.pick(["crm", "app", "billing", "accounts"])
    user = g.pick(["app_ro", "postgres", "analyst", "readonly"])
    host_ip = g.ip_private() if w.take("ip-private") else None
    host = s("ip-private", host_ip) if host_ip else f"{db}-replica.internal"
    if w.take("cli-password"):
        cmd = f"$ PGPASSWORD={s('cli-password', g.password('shell'))} psql -h {host} -U {user} -d {db}"
    else:
        cmd = f'$ psql "host={host} user={user} dbname={db} sslmode=require"'
    headers, table = _person_cells(g, Counter(w.take_all({"email", "phone", "person-name", "ssn"})), "")
    lines = [
        cmd,
        f"psql ({k('16.2')}, server 15.6)",
        "SSL connection (protocol: TLSv1.3, cipher: TLS_AES_256_GCM_SHA384, compression: off)",
        'Type "help" for help.',
        "",
        f"{db}=> \\conninfo",
        f'You are connected to database "{db}" as user "{user}" on host "{host}" at port "5432".',
        f"{db}=> SELECT {', '.join(headers)} FROM customers ORDER BY created_at DESC LIMIT {len(table)};",
        _psql(headers, table),
        "",
        f"{db}=> \\q",
    ]
    return _Draft("\n".join(lines) + "\n", lang="console")


@_template("database", {"cli-password", "credit-card", "person-name", "email", "iban"}, most=3, file=False)
def _mysql_session(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    db = g.pick(["shop", "legacy_orders", "storefront"])
    if w.take("cli-password"):
        cmd = f"$ mysql -h {db}-db.internal -u root -p{s('cli-password', g.password('shell'))} {db}"
        warn = ["mysql: [Warning] Using a password on the command line interface can be insecure."]
    else:
        cmd, warn = f"$ mysql --defaults-extra-file={k('/etc/mysql/ro.cnf')} {db}", []
    headers, table = _person_cells(
        g, Counter(w.take_all({"credit-card", "person-name", "email", "iban"})), "NULL"
    )
    headers[0] = "order_id"
    lines = [
        cmd,
        *warn,
        "Welcome to the MySQL monitor.  Commands end with ; or \\g.",
        f"Your MySQL connection id is {g.r.randint(1000, 99999)}",
        f"Server version: {k('8.0.36')} MySQL Community Server - GPL",
        "",
        f"mysql> SELECT {', '.join(headers)} FROM orders WHERE status = 'failed' LIMIT {len(table)};",
        _mysql(headers, table),
        f"{len(table)} row{'s' if len(table) > 1 else ''} in set (0.{g.digits(2)} sec)",
        "",
        "mysql> exit",
        "Bye",
    ]
    return _Draft("\n".join(lines) + "\n", lang="console")


@_template("database", {"db-password", "cli-password", "ip-private"}, most=2, file=False)
def _migration_log(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    svc = g.service()
    host = s("ip-private", g.ip_private()) if w.take("ip-private") else f"{svc}-db.internal"
    kind = g.r.randrange(3)
    if kind == 0:
        rev1, rev2 = g.hexs(12), g.hexs(12)
        url = (
            f"postgresql+psycopg://{svc}:{s('db-password', g.password('url'))}@{host}/{svc}"
            if w.take("db-password")
            else f"postgresql+psycopg://{svc}@{host}/{svc}"
        )
        lines = [
            f"$ DATABASE_URL={url} alembic upgrade head",
            "INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.",
            "INFO  [alembic.runtime.migration] Will assume transactional DDL.",
            f"INFO  [alembic.runtime.migration] Running upgrade {k(rev1)} -> {k(rev2)}, "
            f"add {g.pick(['invoices', 'refunds', 'audit_log'])} table",
        ]
    elif kind == 1:
        user = g.pick(["flyway", "migrator", svc])
        pw = f" -password={s('cli-password', g.password('shell'))}" if w.take("cli-password") else ""
        url = f"jdbc:postgresql://{host}:5432/{svc}"
        if w.take("db-password"):
            url += f"?user={user}&password={s('db-password', g.password('url'))}"
        lines = [
            f"$ flyway -url={url} -user={user}{pw} migrate",
            f"Flyway Community Edition {k('10.10.0')} by Redgate",
            f"Database: {url} (PostgreSQL 15.6)",
            f"Successfully validated {g.r.randint(10, 80)} migrations (execution time 00:00.0{g.digits(2)}s)",
            f'Current version of schema "public": {g.r.randint(10, 80)}',
            f'Migrating schema "public" to version "{g.r.randint(81, 90)} - add index on orders created at"',
            'Successfully applied 1 migration to schema "public", now at version v81 (execution time 00:00.412s)',
        ]
    else:
        pw = s("db-password", g.password("url")) if w.take("db-password") else k("${DB_PASSWORD}")
        lines = [
            f"$ DATABASE_URL=mysql2://{svc}:{pw}@{host}:3306/{svc}_production bin/rails db:migrate",
            f"== {g.when().strftime('%Y%m%d%H%M%S')} AddRefundReasonToPayments: migrating =========================",
            "-- add_column(:payments, :refund_reason, :string)",
            "   -> 0.0123s",
            f"== {g.when().strftime('%Y%m%d%H%M%S')} AddRefundReasonToPayments: migrated (0.0124s) ================",
        ]
    if w.take("cli-password"):
        lines.append(
            f"$ pg_isready -h {host} && PGPASSWORD={s('cli-password', g.password('shell'))} "
            f"psql -h {host} -U postgres -c 'select 1'"
        )
    if w.take("db-password"):
        lines.append(
            f"WARN using fallback DATABASE_URL=postgres://{svc}:{s('db-password', g.password('url'))}@{host}:5432/{svc}"
        )
    return _Draft("\n".join(lines) + "\n", lang="console")


@_template("database", {"email", "person-name", "phone", "password-hash", "ssn"}, most=4)
def _pg_dump(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    cols = ["id"]
    kinds = w.take_all({"email", "person-name", "phone", "password-hash", "ssn"})
    counts = Counter(kinds)
    rows = max(counts.values())
    if counts["person-name"]:
        cols += ["first_name", "last_name"]
    for c, name in (
        ("email", "email"),
        ("phone", "phone"),
        ("ssn", "ssn"),
        ("password-hash", "password_hash"),
    ):
        if counts[c]:
            cols.append(name)
    cols.append("created_at")
    data = []
    for i in range(rows):
        first, last = g.person()
        cells = [str(i + 1)]
        if counts["person-name"]:
            if i < counts["person-name"]:
                cells += [s("person-name", first), s("person-name", last)]
            else:
                cells += ["\\N", "\\N"]
        for c in ("email", "phone", "ssn", "password-hash"):
            if not counts[c]:
                continue
            if i >= counts[c]:
                cells.append("\\N")
                continue
            if c == "email":
                value = g.email(first, last)
            else:
                value = {"phone": g.phone, "ssn": g.ssn, "password-hash": g.hash}[c]()
            cells.append(s(c, value))
        cells.append(g.when().strftime("%Y-%m-%d %H:%M:%S.%f")[:-3] + "+00")
        data.append("\t".join(cells))
    table = g.pick(["users", "customers", "accounts"])
    lines = [
        "--",
        "-- PostgreSQL database dump",
        "--",
        "",
        f"-- Dumped from database version {k('15.6')}",
        f"-- Dumped by pg_dump version {k('16.2')}",
        "",
        "SET statement_timeout = 0;",
        "SET client_encoding = 'UTF8';",
        "SET standard_conforming_strings = on;",
        "",
        f"COPY public.{table} ({', '.join(cols)}) FROM stdin;",
        *data,
        "\\.",
        "",
        f"SELECT pg_catalog.setval('public.{table}_id_seq', {rows}, true);",
    ]
    return _Draft("\n".join(lines) + "\n", g.pick(["backups/dump-latest.sql", f"tmp/{table}.sql"]), "sql")


@_template("database", {"email", "person-name", "credit-card", "iban", "password-hash"}, most=3)
def _mysqldump(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    kinds = w.take_all({"email", "person-name", "credit-card", "iban", "password-hash"})
    counts = Counter(kinds)
    rows = max(counts.values())
    cols = ["id"]
    names = {
        "person-name": "billing_name",
        "email": "email",
        "credit-card": "card_number",
        "iban": "iban",
        "password-hash": "password_digest",
    }
    order = [c for c in names if counts[c]]
    cols += [names[c] for c in order] + ["updated_at"]
    values = []
    for i in range(rows):
        first, last = g.person()
        cells = [str(g.r.randint(1, 9999))]
        for c in order:
            if i >= counts[c]:
                cells.append("NULL")
                continue
            if c == "person-name":
                value = f"{first} {last}"
            elif c == "email":
                value = g.email(first, last)
            elif c == "credit-card":
                value = g.card(spaced=False)
            elif c == "iban":
                value = g.iban(grouped=False)
            else:
                value = g.hash()
            cells.append(f"'{s(c, value)}'")
        cells.append(f"'{g.when().strftime('%Y-%m-%d %H:%M:%S')}'")
        values.append("(" + ",".join(cells) + ")")
    table = g.pick(["customers", "payment_methods", "members"])
    lines = [
        f"-- MySQL dump {k('10.13')}  Distrib 8.0.36, for Linux (x86_64)",
        "--",
        f"-- Host: localhost    Database: {g.pick(['shop', 'crm'])}",
        "-- ------------------------------------------------------",
        f"-- Server version\t{k('8.0.36')}",
        "",
        f"LOCK TABLES `{table}` WRITE;",
        f"/*!40000 ALTER TABLE `{table}` DISABLE KEYS */;",
        f"INSERT INTO `{table}` ({', '.join(f'`{c}`' for c in cols)}) VALUES {','.join(values)};",
        f"/*!40000 ALTER TABLE `{table}` ENABLE KEYS */;",
        "UNLOCK TABLES;",
    ]
    return _Draft("\n".join(lines) + "\n", g.pick(["db/backup.sql", "dump.sql"]), "sql")


@_template("database", {"db-password", "cli-password"}, most=2, file=False)
def _nosql_cli(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    svc = g.service()
    lines = []
    if w.take("db-password"):
        cluster = f"cluster0.{g.alnum(5).lower()}.mongodb.net"
        lines += [
            f'$ mongosh "mongodb+srv://{svc}-admin:{s("db-password", g.password("url"))}@{cluster}/{svc}'
            '?retryWrites=true&w=majority"',
            f"Current Mongosh Log ID:\t{g.hexs(24)}",
            f"Connecting to:\t\tmongodb+srv://<credentials>@{cluster}/{svc}?retryWrites=true&w=majority&appName=mongosh+{k('2.2.5')}",
            f"Using MongoDB:\t\t{k('7.0.12')}",
            f"Using Mongosh:\t\t{k('2.2.5')}",
            "",
            f"Atlas atlas-{g.alnum(6).lower()}-shard-0 [primary] {svc}> db.orders.countDocuments()",
            str(g.r.randint(1000, 900000)),
        ]
    if w.take("cli-password"):
        host = f"{svc}-cache.internal"
        lines += [
            f"$ redis-cli -h {host} -p 6379 -a {s('cli-password', g.password('shell'))} "
            "--no-auth-warning INFO keyspace",
            "# Keyspace",
            f"db0:keys={g.r.randint(100, 99999)},expires={g.r.randint(10, 999)},avg_ttl={g.r.randint(1000, 99999)}",
        ]
    return _Draft("\n".join(lines) + "\n", lang="console")


# -- HTTP debugging -----------------------------------------------------------------------------------------


def _authorization(g: _Gen) -> str:
    """An Authorization header of a scheme other than Bearer, its secret labelled (an AWS4 one its key id too)."""
    s, k = g.s, g.k
    kind = g.r.randrange(8)
    if kind == 0:
        cred = base64.b64encode(
            f"{g.pick(['admin', 'deploy', 'ci', g.user()])}:{g.password()}".encode()
        ).decode()
        return f"Authorization: Basic {s('authorization', cred)}"
    if kind == 1:
        return f"Authorization: Token {s('authorization', g.hexs(40))}"
    if kind == 2:
        cred = base64.b64encode(f"{g.b64url(20)}:{g.b64url(22)}".encode()).decode()
        return f"Authorization: ApiKey {s('authorization', cred)}"
    if kind == 3:
        return (
            f'Authorization: Digest username="{g.pick(["deploy", "admin"])}", realm="registry", '
            f'nonce="{k(g.hexs(32))}", '
            f'uri="/v2/", qop=auth, nc=00000001, cnonce="{g.hexs(16)}", response="{s("authorization", g.hexs(32))}"'
        )
    if kind == 4:
        day = g.when().strftime("%Y%m%d")
        return (
            f"Authorization: AWS4-HMAC-SHA256 Credential={s('aws-access-key', g.aws_access())}"
            f"/{day}/eu-west-1/execute-api/aws4_request, "
            f"{k('SignedHeaders=host;x-amz-date')}, Signature={s('authorization', g.hexs(64))}"
        )
    if kind == 5:
        return f"Authorization: SSWS {s('authorization', '00' + g.b64url(40))}"
    if kind == 6:
        bot = base64.b64encode(str(g.r.randint(10**17, 10**18)).encode()).decode().rstrip("=")
        return f"Authorization: Bot {s('authorization', f'{bot}.{g.b64url(6)}.{g.b64url(38)}')}"
    return f"Authorization: Zoho-oauthtoken {s('authorization', f'1000.{g.hexs(32)}.{g.hexs(32)}')}"


def _cookie_header(g: _Gen, kinds: list[str]) -> str:
    """A Cookie header with the session cookies asked for among analytics and preference cookies."""
    k, s = g.k, g.s
    parts = [f"{k('_ga')}={k(f'GA1.1.{g.digits(10)}.{g.digits(10)}')}", f"theme={k('dark')}"]
    for _ in kinds:
        name, value = g.cookie()
        parts.append(f"{k(name)}={s('cookie', value)}")
    g.r.shuffle(parts)
    return "; ".join(parts)


def _set_cookie(g: _Gen) -> str:
    k, s = g.k, g.s
    name, value = g.cookie()
    attrs_ = g.pick(
        [
            "Path=/; HttpOnly; Secure; SameSite=Lax",
            "Path=/; Secure; HttpOnly; SameSite=Strict",
            "path=/; HttpOnly",
        ]
    )
    exp = f"Expires={g.when().strftime('%a, %d %b %Y %H:%M:%S GMT')}; " if g.chance(0.4) else ""
    return f"{k(name)}={s('cookie', value)}; {exp}{k(attrs_)}"


@_template(
    "http",
    {"authorization", "cookie", "ip-public", "cli-password", "stripe-key", "shopify-token", "sendgrid-key"},
    most=3,
    file=False,
)
def _curl_verbose(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    comp = g.company()
    host = f"api.{comp}"
    path = g.pick(
        ["/v2/invoices", "/api/v1/orders", "/admin/api/2024-01/orders.json", "/v3/mail/send", "/v1/charges"]
    )
    query = f"?{k('page=2')}&{k('per_page=50')}" if g.chance(0.5) else ""
    addr = s("ip-public", g.ip_public()) if w.take("ip-public") else k(g.ip_doc())
    headers = []
    cmd_auth = ""
    if w.take("cli-password"):
        cmd_auth = f" -u {g.pick(['admin', 'ops', g.user()])}:{s('cli-password', g.password('shell'))}"
    if w.take("stripe-key"):
        host, path = "api.stripe.com", "/v1/charges"
        cmd_auth = f" -u {s('stripe-key', g.stripe_api())}:"
    for _ in w.take_all({"authorization"}):
        headers.append(_authorization(g))
    if w.take("shopify-token"):
        host, path = f"{g.pick(_WORDS)}-store.myshopify.com", "/admin/api/2024-01/orders.json"
        headers.append(f"X-Shopify-Access-Token: {s('shopify-token', g.shopify())}")
    if w.take("sendgrid-key"):
        host, path = "api.sendgrid.com", "/v3/mail/send"
        headers.append(f"Authorization: Bearer {s('sendgrid-key', g.sendgrid())}")
    n_cookie = len(w.take_all({"cookie"}))
    req = [
        f"> GET {path}{query} HTTP/2",
        f"> Host: {host}",
        *[f"> {h}" for h in headers],
        f"> User-Agent: curl/{k('8.5.0')}",
        "> Accept: */*",
        ">",
    ]
    resp = [
        "< HTTP/2 200",
        f"< date: {g.when().strftime('%a, %d %b %Y %H:%M:%S GMT')}",
        "< content-type: application/json; charset=utf-8",
        f"< x-request-id: {k(g.uuid())}",
    ]
    for _ in range(n_cookie):
        resp.append(f"< set-cookie: {_set_cookie(g)}")
    resp += ["< strict-transport-security: max-age=63072000", "<"]
    lines = [
        f"$ curl -v{cmd_auth} 'https://{host}{path}{query}'",
        f"*   Trying {addr}:443...",
        f"* Connected to {host} ({addr}) port 443",
        "* ALPN: curl offers h2,http/1.1",
        "* TLSv1.3 (OUT), TLS handshake, Client hello (1):",
        "* TLSv1.3 (IN), TLS handshake, Server hello (2):",
        "* SSL connection using TLSv1.3 / TLS_AES_128_GCM_SHA256 / X25519 / id-ecPublicKey",
        "* Server certificate:",
        f"*  subject: CN={host}",
        f"*  expire date: {g.when().strftime('%b %d %H:%M:%S %Y GMT')}",
        "*  SSL certificate verify ok.",
        *req,
        *resp,
        '{"data":[],"has_more":false}',
        f"* Connection #0 to host {host} left intact",
    ]
    return _Draft("\n".join(lines) + "\n", lang="console")


@_template(
    "http",
    {"bearer-token", "jwt", "cookie", "email", "authorization", "digitalocean-token"},
    most=3,
    file=False,
)
def _httpie(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    comp = g.company()
    host = f"api.{comp}"
    headers = [
        "Accept: application/json, */*;q=0.5",
        "Accept-Encoding: gzip, deflate",
        "Connection: keep-alive",
    ]
    token = next((x for x in w.left() if x in {"digitalocean-token", "jwt", "bearer-token"}), "")
    if token:
        w.take(token)
        if token == "digitalocean-token":
            host = "api.digitalocean.com"
        value = {"digitalocean-token": g.digitalocean, "jwt": g.jwt, "bearer-token": g.bearer}[token]()
        headers.append(f"Authorization: Bearer {s(token, value)}")
    while w.take("authorization"):
        headers.append(_authorization(g))
    cookies = w.take_all({"cookie"})
    if cookies:
        headers.append(f"Cookie: {_cookie_header(g, cookies)}")
    headers += ["Content-Type: application/json", f"Host: {host}", f"User-Agent: HTTPie/{k('3.2.2')}"]
    headers.sort(key=lambda h: _plain(h).lower())
    body_fields = [f'    "plan": "{g.pick(["team", "pro"])}"', f'    "seats": {g.r.randint(1, 40)}']
    for _ in w.take_all({"email"}):
        body_fields.insert(0, f'    "email": "{s("email", g.email())}"')
    path = g.pick(
        [
            "/v1/members",
            "/v2/account/invite",
            "/v2/droplets" if host == "api.digitalocean.com" else "/v1/users",
        ]
    )
    lines = [
        f"$ http -v POST https://{host}{path} plan=team",
        f"POST {path} HTTP/1.1",
        *headers,
        "",
        "{",
        ",\n".join(body_fields),
        "}",
        "",
        "",
        "HTTP/1.1 201 Created",
        f"Date: {g.when().strftime('%a, %d %b %Y %H:%M:%S GMT')}",
        "Content-Type: application/json",
        f"X-Request-Id: {k(g.uuid())}",
        "",
        '{"status": "created"}',
    ]
    return _Draft("\n".join(lines) + "\n", lang="console")


@_template(
    "http",
    {"jwt", "cookie", "bearer-token", "email", "email-urlencoded", "ip-public", "url-credential"},
    most=3,
)
def _har_export(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    comp = g.company()
    t = g.when()
    base = f"https://app.{comp}"
    query: list[dict[str, object]] = [{"name": "include", "value": "org"}]
    url_q = "?" + k("include=org")
    if w.take("email-urlencoded"):
        first, last = g.person()
        addr = g.email(first, last)
        enc = addr.replace("@", "%40").replace("+", "%2B")
        url_q += f"&login_hint={s('email-urlencoded', enc)}"
        query.append({"name": "login_hint", "value": s("email", addr)})
        w.take("email")
    if w.take("url-credential"):
        name, value = g.url_signature()
        url_q += f"&{name}={s('url-credential', value)}"
        query.append({"name": name, "value": s("url-credential", value)})
    headers: list[dict[str, object]] = [
        {"name": ":authority", "value": f"app.{comp}"},
        {"name": "accept", "value": "application/json"},
        {"name": "sec-ch-ua-platform", "value": '"macOS"'},
    ]
    token = next((x for x in w.left() if x in {"jwt", "bearer-token"}), "")
    if token:
        w.take(token)
        value = g.jwt() if token == "jwt" else g.bearer()
        headers.append({"name": "authorization", "value": f"Bearer {s(token, value)}"})
    cookies_json: list[dict[str, object]] = []
    for _ in w.take_all({"cookie"}):
        name, value = g.cookie()
        headers.append(
            {
                "name": "cookie",
                "value": f"{k('_ga')}={k('GA1.1.' + g.digits(10) + '.' + g.digits(10))}; {name}={s('cookie', value)}",
            }
        )
        cookies_json.append(
            {"name": name, "value": s("cookie", value), "path": "/", "httpOnly": True, "secure": True}
        )
    content = {"id": g.uuid(), "plan": "team"}
    for _ in w.take_all({"email"}):
        content["email"] = s("email", g.email())
    entry: dict[str, object] = {
        "startedDateTime": k(g.iso(t)),
        "time": round(g.r.uniform(20, 900), 3),
        "request": {
            "method": "GET",
            "url": f"{base}/api/me{url_q}",
            "httpVersion": "http/2.0",
            "headers": headers,
            "queryString": query,
            "cookies": cookies_json,
            "headersSize": -1,
            "bodySize": 0,
        },
        "response": {
            "status": 200,
            "statusText": "",
            "headers": [
                {"name": "content-type", "value": "application/json"},
                {"name": "x-request-id", "value": k(g.uuid())},
            ],
            "content": {"size": 412, "mimeType": "application/json", "text": _js(content, None)},
        },
        "cache": {},
        "timings": {"blocked": 0.8, "dns": -1, "connect": -1, "send": 0.2, "wait": 88.1, "receive": 1.4},
    }
    if w.take("ip-public"):
        entry["serverIPAddress"] = s("ip-public", g.ip_public())
    else:
        entry["serverIPAddress"] = k(g.pick(["127.0.0.1", "::1"]))
    har = {
        "log": {
            "version": "1.2",
            "creator": {"name": "WebInspector", "version": "537.36"},
            "pages": [],
            "entries": [entry],
        }
    }
    return _Draft(_js(har) + "\n", g.pick([f"app.{comp}.har", "debug/session.har"]), "json")


@_template("http", {"jwt", "cookie", "url-credential", "bearer-token", "authorization"}, most=3)
def _devtools_fetch(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    comp = g.company()
    q = f"from={k('2026-03-01')}&to={k('2026-03-14')}"
    if w.take("url-credential"):
        name, value = g.url_signature()
        q += f"&{name}={s('url-credential', value)}"
    headers = {"accept": "application/json", "accept-language": "en-GB,en;q=0.9"}
    token = next((x for x in w.left() if x in {"jwt", "bearer-token", "authorization"}), "")
    w.take(token)
    if token == "authorization":
        headers["authorization"] = _authorization(g).split(": ", 1)[1]
    elif token:
        headers["authorization"] = f"Bearer {s(token, g.jwt() if token == 'jwt' else g.bearer())}"
    cookies = w.take_all({"cookie"})
    if cookies:
        headers["cookie"] = _cookie_header(g, cookies)
    headers.update({"sec-fetch-dest": "empty", "sec-fetch-mode": "cors", "sec-fetch-site": "same-origin"})
    url = f"https://dashboard.{comp}/api/v1/reports?{q}"
    if g.chance(0.5):
        opts = {
            "headers": headers,
            "referrer": f"https://dashboard.{comp}/reports",
            "referrerPolicy": "strict-origin-when-cross-origin",
            "body": None,
            "method": "GET",
            "mode": "cors",
            "credentials": "include",
        }
        body = f"fetch({_js(url)}, {_js(opts)});\n"
        return _Draft(body, lang="js")
    parts = (
        [f"curl '{url}' \\"]
        + [f"  -H '{name}: {value}' \\" for name, value in headers.items()]
        + ["  --compressed"]
    )
    return _Draft("\n".join(parts) + "\n", lang="sh")


@_template("http", {"url-credential", "aws-access-key"}, most=2, file=False)
def _signed_url(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    bucket = f"{g.pick(_WORDS)}-{g.pick(['exports', 'uploads', 'reports'])}"
    obj = f"{g.when().strftime('%Y/%m')}/{g.pick(['report', 'invoices', 'export'])}-{g.digits(6)}.csv"
    day = g.when()
    kind = g.r.randrange(3)
    if kind == 0 or w.n("aws-access-key"):
        w.take("aws-access-key")
        lines = [
            f"$ aws s3 presign s3://{bucket}/{obj} --expires-in 3600",
            f"{k(f'https://{bucket}.s3.amazonaws.com/{obj}')}?{k('X-Amz-Algorithm=AWS4-HMAC-SHA256')}"
            f"&X-Amz-Credential={s('aws-access-key', g.aws_access())}"
            f"%2F{day.strftime('%Y%m%d')}%2Feu-west-1%2Fs3%2Faws4_request"
            f"&X-Amz-Date={day.strftime('%Y%m%dT%H%M%SZ')}&{k('X-Amz-Expires=3600')}&{k('X-Amz-SignedHeaders=host')}"
            f"&X-Amz-Signature={s('url-credential', g.hexs(64))}",
        ]
        w.take("url-credential")
    elif kind == 1:
        sig = (
            base64.b64encode(g.randbytes(32))
            .decode()
            .replace("+", "%2B")
            .replace("/", "%2F")
            .replace("=", "%3D")
        )
        acct = f"{g.pick(_WORDS)}store"
        lines = [
            f"$ az storage blob generate-sas --account-name {acct} -c {bucket} -n {obj} --permissions r "
            f"--expiry {day.strftime('%Y-%m-%d')} --full-uri",
            f'"{k(f"https://{acct}.blob.core.windows.net/{bucket}/{obj}")}?se={day.strftime("%Y-%m-%d")}'
            f'&sp=r&{k("sv=2022-11-02")}&sr=b&sig={s("url-credential", sig)}"',
        ]
        w.take("url-credential")
    else:
        w.take("url-credential")
        lines = [
            f"$ curl -sI 'https://cdn.{g.company()}/private/{obj}?Expires={int(day.timestamp())}"
            f"&Signature={s('url-credential', g.b64url(172))}"
            f"&Key-Pair-Id=K{g.chars(string.ascii_uppercase + string.digits, 13)}'",
            "HTTP/2 200",
            "content-type: text/csv",
            f"x-cache: {k('Hit from cloudfront')}",
        ]
    while w.take("url-credential"):
        name, value = g.url_signature()
        lines.append(
            f"download link (expires in 15 min): https://files.{g.company()}/d/{g.alnum(10)}"
            f"?{name}={s('url-credential', value)}&{k('disposition=attachment')}"
        )
    return _Draft("\n".join(lines) + "\n", lang="console")


@_template("http", {"ip-public", "email-urlencoded", "url-credential"}, most=3)
def _access_log(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    lines = []
    todo = w.take_all({"ip-public", "email-urlencoded", "url-credential"})
    extra_plain = g.r.randint(2, 4)
    kinds: list[str | None] = [*todo, *([None] * extra_plain)]
    g.r.shuffle(kinds)
    t = g.when()
    for kind in kinds:
        t += timedelta(seconds=g.r.randint(0, 40))
        stamp = t.strftime("%d/%b/%Y:%H:%M:%S +0000")
        client = (
            s("ip-public", g.ip_public()) if kind == "ip-public" else k(g.pick(["127.0.0.1", g.ip_doc()]))
        )
        if kind == "email-urlencoded":
            enc = g.email().replace("@", "%40")
            path = f"/unsubscribe?email={s('email-urlencoded', enc)}&{k('list=weekly')}&{k('utm_source=newsletter')}"
        elif kind == "url-credential":
            name, value = g.url_signature()
            path = f"/reset-password?{name}={s('url-credential', value)}&{k('utm_medium=email')}"
        else:
            path = g.pick(["/healthz", "/static/app.3f9a1c.js", "/api/v1/status", f"/orders?{k('page=3')}"])
        status = g.pick([200, 200, 302, 404])
        ua = g.pick(
            [
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3) AppleWebKit/605.1.15 Version/17.3 Safari/605.1.15",
                "curl/8.5.0",
                "kube-probe/1.29",
            ]
        )
        lines.append(
            f'{client} - - [{stamp}] "GET {path} HTTP/1.1" {status} {g.r.randint(90, 9000)} "-" "{ua}"'
        )
    return _Draft("\n".join(lines) + "\n", "/var/log/nginx/access.log", "text")


@_template("http", {"bearer-token", "jwt"}, most=2, file=False)
def _oauth_token(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    comp = g.company()
    resp: dict[str, object] = {}
    if w.take("bearer-token"):
        resp["access_token"] = s("bearer-token", g.bearer())
    else:
        resp["access_token"] = s("jwt", g.jwt()) if w.take("jwt") else k(g.placeholder())
    resp["token_type"] = "Bearer"
    resp["expires_in"] = 3600
    if w.take("jwt"):
        resp["id_token"] = s("jwt", g.jwt({"iss": f"https://login.{comp}/", "aud": g.alnum(20)}))
    if w.take("bearer-token"):
        resp["refresh_token"] = s("bearer-token", g.b64url(54))
    resp["scope"] = "openid profile offline_access"
    body = (
        f"$ curl -s -X POST https://login.{comp}/oauth/token -d grant_type=client_credentials "
        f'-d client_id={g.alnum(20)} -d client_secret="$CLIENT_SECRET" | jq .\n' + _js(resp) + "\n"
    )
    return _Draft(body, lang="console")


# -- notebooks ----------------------------------------------------------------------------------------------


def _notebook(g: _Gen, cells: list[tuple[list[str], list[str]]]) -> str:
    """An .ipynb with code cells (source lines, stdout lines)."""
    out_cells: list[object] = []
    for n, (source, output) in enumerate(cells, start=1):
        outputs: list[object] = []
        if output:
            outputs.append(
                {
                    "name": "stdout",
                    "output_type": "stream",
                    "text": [line + "\n" for line in output[:-1]] + output[-1:],
                }
            )
        out_cells.append(
            {
                "cell_type": "code",
                "execution_count": n,
                "id": g.hexs(8),
                "metadata": {},
                "outputs": outputs,
                "source": [line + "\n" for line in source[:-1]] + source[-1:],
            }
        )
    nb = {
        "cells": out_cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"name": "python", "version": g.k("3.11.8")},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return _js(nb, 1) + "\n"


@_template("notebook", _ENV, most=3)
def _ipynb_env(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    pairs = [_env_pair(g, kind) for kind in w.take_all(_ENV)]
    out = [f"{n}={v}" for n, v in pairs]
    out = g.interleave(
        [
            f"HOME={k('/root')}",
            f"PYTHONPATH={k('/opt/conda/lib/python3.11/site-packages')}",
            "JPY_PARENT_PID=1",
        ],
        out,
    )
    cells = [
        (
            ["import os, sys", "print(sys.version)"],
            [f"{k('3.11.8')} | packaged by conda-forge | (main, Feb 16 2024, 20:53:32) [GCC 12.3.0]"],
        ),
        (["!env | sort | grep -v LS_COLORS"], out),
        (["from dotenv import load_dotenv", "load_dotenv()"], ["True"]),
    ]
    return _Draft(_notebook(g, cells), g.pick(["notebooks/explore.ipynb", "scratch/debug-env.ipynb"]), "json")


@_template("notebook", {"email", "person-name", "phone", "iban", "credit-card", "ssn"}, most=4)
def _ipynb_dataframe(g: _Gen, w: _Want) -> _Draft:
    headers, table = _person_cells(
        g, Counter(w.take_all({"email", "person-name", "phone", "iban", "credit-card", "ssn"})), "None"
    )
    rows = len(table)
    widths = [max(len(_plain(c)) for c in col) for col in zip(headers, *table, strict=True)]
    text = ["   " + "  ".join(h.rjust(wd) for h, wd in zip(headers, widths, strict=True))]
    for i, row in enumerate(table):
        text.append(f"{i:<3}" + "  ".join(_rjust(c, wd) for c, wd in zip(row, widths, strict=True)))
    cells = [
        (
            [
                "import pandas as pd",
                f"df = pd.read_parquet({_js('s3://' + g.pick(_WORDS) + '-lake/customers/latest.parquet')})",
            ],
            [],
        ),
        ([f"df.head({rows})"], text),
        (["df.shape"], [f"({g.r.randint(1000, 90000)}, {len(headers)})"]),
    ]
    return _Draft(_notebook(g, cells), "notebooks/customers-eda.ipynb", "json")


@_template("notebook", {"db-password", "openai-key", "anthropic-key", "huggingface-token"}, most=2)
def _ipynb_clients(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    cells: list[tuple[list[str], list[str]]] = []
    if w.take("db-password"):
        svc = g.service()
        url = f"postgresql://{svc}:{s('db-password', g.password('url'))}@{svc}-replica.internal:5432/{svc}"
        cells.append(
            (
                [
                    "from sqlalchemy import create_engine",
                    f"engine = create_engine({_js(url)})",
                    "engine.connect()",
                ],
                [f"<sqlalchemy.engine.base.Connection object at 0x7f{g.hexs(10)}>"],
            )
        )
    if w.take("openai-key"):
        cells.append(
            (
                [
                    "from openai import OpenAI",
                    f"client = OpenAI(api_key={_js(s('openai-key', g.openai()))})",
                    "client.models.list().data[0].id",
                ],
                [f"'{k('gpt-4o-mini')}'"],
            )
        )
    if w.take("anthropic-key"):
        cells.append(
            (
                [
                    "import anthropic",
                    f"client = anthropic.Anthropic(api_key={_js(s('anthropic-key', g.anthropic()))})",
                ],
                [],
            )
        )
    if w.take("huggingface-token"):
        cells.append(
            (
                [
                    "from huggingface_hub import login",
                    f"login(token={_js(s('huggingface-token', g.huggingface()))})",
                ],
                [
                    "Token is valid (permission: read).",
                    f"Your token has been saved to {k('/root/.cache/huggingface/token')}",
                    "Login successful",
                ],
            )
        )
    cells.append(
        (["import os", "os.environ.get('OPENAI_API_KEY', '<your-api-key>')"], [f"'{k('<your-api-key>')}'"])
    )
    return _Draft(_notebook(g, cells), g.pick(["notebooks/prototype.ipynb", "eval/run-evals.ipynb"]), "json")


# -- crash reports ------------------------------------------------------------------------------------------


@_template("crash", _ENV | {"home-path"}, most=3, file=False)
def _python_crash_env(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    user = g.user()
    homes = w.take_all({"home-path"})
    home = g.home(user)
    windows = home.startswith("C:")

    def where(rest: str, labelled: bool) -> str:
        if not labelled:
            return k("/srv/app") + rest
        return s("home-path", home) + (rest.replace("/", "\\") if windows else rest)

    proj = g.pick(["ledger", "ingest", "billing-svc", "etl"])
    n = len(homes)
    frames = [
        f'  File "{where(f"/src/{proj}/app/worker.py", n > 0)}", line {g.r.randint(20, 300)}, in run',
        "    result = self.handle(job)",
        f'  File "{where(f"/src/{proj}/app/handlers.py", n > 1)}", line {g.r.randint(20, 300)}, in handle',
        "    resp = client.post(url, json=payload, timeout=10)",
        f'  File "{k("/usr/local/lib/python3.11/site-packages/httpx/_client.py")}", line 1146, in post',
        "    return self.request(",
    ]
    env_pairs = [_env_pair(g, kind) for kind in w.take_all(_ENV)]
    env = [f"  {n_}={v}" for n_, v in env_pairs]
    var = "USERPROFILE" if windows else "HOME"
    extra_home = [f"  {var}={s('home-path', home)}" for _ in range(max(0, n - 2))]
    env = g.interleave(
        [
            f"  LANG={k('C.UTF-8')}",
            f"  PATH={k('/usr/local/bin:/usr/bin:/bin')}",
            "  PYTHONUNBUFFERED=1",
            *extra_home,
        ],
        env,
    )
    lines = [
        f"[{g.iso()}] ERROR worker crashed, dumping context",
        "Traceback (most recent call last):",
        *frames,
        f"httpx.ConnectTimeout: timed out connecting to {k('https://api.' + g.company())}",
        "",
        "Environment at crash:",
        *env,
        f"Process {g.r.randint(1000, 60000)} exited with status 1",
    ]
    return _Draft("\n".join(lines) + "\n", lang="pytb")


@_template("crash", _ENV | {"ip-private", "home-path"}, most=3, file=False)
def _node_crash(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    ip = s("ip-private", g.ip_private()) if w.take("ip-private") else k("127.0.0.1")
    home_dir = g.home() if w.take("home-path") else ""
    sep = "\\" if home_dir.startswith("C:") else "/"
    home = s("home-path", home_dir) if home_dir else k("/app")
    env_pairs = [_env_pair(g, kind) for kind in w.take_all(_ENV)]
    env = [f"    {n}: '{v}'," for n, v in env_pairs]
    env = g.interleave(
        ["    NODE_ENV: 'production',", f"    npm_package_version: '{k(g.version())}',", "    TZ: 'UTC',"],
        env,
    )
    port = g.pick([6379, 5432, 27017])
    lines = [
        "node:internal/process/promises:289",
        "            triggerUncaughtException(err, true /* fromPromise */);",
        "            ^",
        "",
        f"Error: connect ECONNREFUSED {ip}:{port}",
        "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)",
        f"    at Object.<anonymous> ({home}{sep}{g.pick(['api', 'worker'])}{sep}dist{sep}server.js"
        f":{g.r.randint(10, 900)}:{g.r.randint(1, 40)}) {{",
        "  errno: -111,",
        "  code: 'ECONNREFUSED',",
        "  syscall: 'connect',",
        f"  address: '{ip}',",
        f"  port: {port},",
        "  env: {",
        *env,
        "  }",
        "}",
        "",
        f"Node.js {k('v20.11.1')}",
    ]
    return _Draft("\n".join(lines) + "\n", lang="text")


@_template("crash", {"db-password", "config-password", "home-path", "ip-private"}, most=3, file=False)
def _spring_crash(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    svc = g.service()
    host = s("ip-private", g.ip_private()) if w.take("ip-private") else f"{svc}-db.internal"
    url = f"jdbc:postgresql://{host}:5432/{svc}"
    if w.take("db-password"):
        url += f"?user={svc}&password={s('db-password', g.password('url'))}"
    home = s("home-path", f"/home/{g.user()}") if w.take("home-path") else k("/opt")
    app = f"{svc.capitalize()}Application"
    props = [f"spring.datasource.url={url}", f"spring.datasource.username={svc}"]
    for _ in w.take_all({"config-password"}):
        props.append(
            g.pick(["spring.datasource.password", "spring.mail.password", "app.jwt.secret"])
            + f"={s('config-password', g.password())}"
        )
    lines = [
        f"{g.iso()}  INFO 1 --- [{svc}] [           main] c.{g.pick(_WORDS)}.{app} : Starting {app} "
        f"v{k(g.version())} using Java 21.0.2 with PID 1 ({home}/{svc}/app.jar started by {svc} in {home}/{svc})",
        f"{g.iso()}  WARN 1 --- [{svc}] [           main] o.s.b.c.c.ConfigDataEnvironment        : "
        "Property values (debug dump):",
        *[f"    {p}" for p in props],
        f"{g.iso()} ERROR 1 --- [{svc}] [           main] o.s.boot.SpringApplication               : "
        "Application run failed",
        "",
        "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'dataSource'",
        "\tat org.springframework.beans.factory.support.AbstractAutowireCapableBeanFactory"
        ".initializeBean(AbstractAutowireCapableBeanFactory.java:1786)",
        "Caused by: org.postgresql.util.PSQLException: Connection to the server refused.",
        "\t... 42 common frames omitted",
    ]
    return _Draft("\n".join(lines) + "\n", lang="text")


@_template("crash", {"home-path", "github-token", "openai-key", "config-password"}, most=2, file=False)
def _go_panic(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    user = g.user()
    homes = len(w.take_all({"home-path"}))
    mod = f"github.com/{g.pick(_WORDS)}/{g.service()}"
    lines = [
        "panic: runtime error: invalid memory address or nil pointer dereference",
        "[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x6f3a2c]",
        "",
        "goroutine 1 [running]:",
    ]
    for i in range(max(2, homes)):
        pkg = g.pick(["store", "config", "client"])
        lines.append(f"{mod}/internal/{pkg}.(*Client).Do(0x0, {{0xc0001a2000, 0x{g.hexs(2)}}})")
        lines.append(
            f"\t{s('home-path', f'/home/{user}')}/go/src/{mod}/internal/{pkg}/client.go"
            f":{g.r.randint(20, 400)} +0x{g.hexs(2)}"
        )
        if i >= homes:
            lines[-1] = f"\t{k('/app/internal/' + pkg + '/client.go')}:{g.r.randint(20, 400)} +0x{g.hexs(2)}"
    lines += ["main.main()", f"\t{k('/usr/local/go/src/runtime/proc.go')}:271 +0x{g.hexs(3)}"]
    cfg = []
    for kind in w.take_all({"github-token", "openai-key", "config-password"}):
        name, value = _env_pair(g, kind)
        cfg.append(f"{name}={value}")
    if cfg:
        lines += ["", "config loaded from environment:", *[f"  {c}" for c in cfg]]
    lines += ["exit status 2"]
    return _Draft("\n".join(lines) + "\n", lang="text")


@_template("crash", {"home-path"}, most=2)
def _macos_crash(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    user = g.user()
    n = len(w.take_all({"home-path"}))
    app = g.pick(["Ledger", "Tessera", "Quarry"])
    lines = [
        "-------------------------------------",
        "Translated Report (Full Report Below)",
        "-------------------------------------",
        "",
        f"Process:               {app} [{g.r.randint(300, 90000)}]",
        f"Path:                  {s('home-path', f'/Users/{user}')}/Applications/{app}.app/Contents/MacOS/{app}"
        if n > 0
        else f"Path:                  {k(f'/Applications/{app}.app/Contents/MacOS/{app}')}",
        f"Identifier:            com.{g.pick(_WORDS)}.{app.lower()}",
        f"Version:               {k(g.version())} ({g.r.randint(100, 999)})",
        "Code Type:             ARM-64 (Native)",
        f"Date/Time:             {g.when().strftime('%Y-%m-%d %H:%M:%S.%f')[:-3]} +0100",
        "OS Version:            macOS 14.3.1 (23D60)",
        f"Anonymous UUID:        {k(g.uuid().upper())}",
        "",
        "Exception Type:        EXC_BAD_ACCESS (SIGSEGV)",
        "Exception Codes:       KERN_INVALID_ADDRESS at 0x0000000000000010",
        "",
        "Thread 0 Crashed::  Dispatch queue: com.apple.main-thread",
        f"0   libobjc.A.dylib               \t       0x18{g.hexs(7)} objc_msgSend + 16",
    ]
    for i in range(1, n):
        lines.append(
            f"{i}   {app}                        \t       0x10{g.hexs(7)} "
            f"{s('home-path', f'/Users/{user}')}/src/{app.lower()}/Sources/Sync.swift:{g.r.randint(10, 400)}"
        )
    return _Draft(
        "\n".join(lines) + "\n", f"crashes/{app}-{g.when().strftime('%Y-%m-%d-%H%M%S')}.ips", "text"
    )


@_template("crash", {"home-path"}, most=1, file=False)
def _dotnet_crash(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    w.take("home-path")
    app = g.pick(["Ledger", "Tessera", "Quarry", "Fjord"])
    home = s("home-path", f"C:\\Users\\{g.user()}")
    repo = f"{home}\\source\\repos\\{app}"
    lines = [
        f"PS {repo}> dotnet run --project src\\{app}.Api",
        "Building...",
        "Unhandled exception. System.Net.Http.HttpRequestException: "
        f"No connection could be made ({k('localhost:5001')})",
        "   at System.Net.Http.HttpConnectionPool.ConnectToTcpHostAsync(String host, Int32 port)",
        f"   at {app}.Api.Program.Main(String[] args) in {repo}\\src\\{app}.Api\\Program.cs:line {g.r.randint(12, 90)}",
        "",
        f"Hint: set OPENAI_API_KEY (now {k('<your-api-key>')}) and run {k('dotnet ' + g.pick(['8.0.204', '9.0.100']))}",
    ]
    return _Draft("\n".join(lines) + "\n", lang="powershell")


@_template("crash", {"ssn", "credit-card", "email", "config-password"}, most=2, file=False)
def _traceback_locals(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    svc = g.service()
    local_lines = [
        f"    self = <{svc.capitalize()}Service at 0x7f{g.hexs(10)}>",
        f"    attempt = {g.r.randint(1, 4)}",
    ]
    for kind in w.take_all({"ssn", "credit-card", "email", "config-password"}):
        if kind == "ssn":
            local_lines.append(f"    ssn = '{s(kind, g.ssn())}'")
        elif kind == "credit-card":
            local_lines.append(f"    card_number = '{s(kind, g.card())}'")
        elif kind == "email":
            local_lines.append(f"    customer_email = '{s(kind, g.email())}'")
        else:
            local_lines.append(f"    password = '{s(kind, g.password())}'")
    local_lines.append(f"    request_id = '{k(g.uuid())}'")
    lines = [
        "Traceback (most recent call last):",
        f'  File "{k(f"/srv/{svc}/app/verify.py")}", line {g.r.randint(30, 300)}, in submit',
        "    resp = self.gateway.verify(payload)",
        "  Local variables:",
        *local_lines,
        f"{svc}.errors.GatewayError: upstream returned 502",
    ]
    return _Draft("\n".join(lines) + "\n", lang="pytb")


# -- package managers' credential files ---------------------------------------------------------------------


@_template("package-config", {"npm-token", "github-token"}, most=2)
def _npmrc(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    scope = g.pick(_WORDS)
    lines = [f"@{scope}:registry={k('https://npm.pkg.github.com')}", "save-exact=true", "engine-strict=true"]
    if w.take("npm-token"):
        lines.append(f"//registry.npmjs.org/:_authToken={s('npm-token', g.npm())}")
    else:
        lines.append(f"//registry.npmjs.org/:_authToken={k('${NPM_TOKEN}')}")
    if w.take("github-token"):
        lines.append(f"//npm.pkg.github.com/:_authToken={s('github-token', g.github())}")
    lines.append(f"cache={k('~/.npm-cache')}")
    path = g.pick([".npmrc", "~/.npmrc", "packages/web/.npmrc"])
    if g.chance(0.4):
        return _Draft(f"$ cat {path}\n" + "\n".join(lines) + "\n", lang="console")
    return _Draft("\n".join(lines) + "\n", path.lstrip("~/"), "ini")


@_template("package-config", {"url-password"}, most=2)
def _pip_conf(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    comp = g.company()
    n = len(w.take_all({"url-password"}))
    lines = ["[global]"]
    user = g.pick(["ci", "deploy", g.user()])
    lines.append(f"index-url = https://{user}:{s('url-password', g.password('url'))}@pypi.{comp}/simple")
    if n > 1:
        lines.append(
            f"extra-index-url = https://{user}:{s('url-password', g.password('url'))}"
            f"@nexus.{comp}/repository/pypi/simple"
        )
    else:
        lines.append(f"extra-index-url = {k('https://pypi.org/simple')}")
    lines += [f"trusted-host = pypi.{comp}", "timeout = 60", "", "[install]", "prefer-binary = true"]
    return _Draft(
        "\n".join(lines) + "\n", g.pick(["pip.conf", ".config/pip/pip.conf", "etc/pip.conf"]), "ini"
    )


@_template("package-config", {"config-password", "github-token", "email"}, most=2)
def _netrc(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    comp = g.company()
    entries = []
    if w.take("github-token"):
        entries.append(
            ["machine github.com", f"  login {g.user()}", f"  password {s('github-token', g.github())}"]
        )
    for _ in w.take_all({"config-password"}):
        login = s("email", g.email()) if w.take("email") else g.pick(["deploy", "ci-bot", g.user()])
        entries.append(
            [
                f"machine artifacts.{comp}",
                f"  login {login}",
                f"  password {s('config-password', g.password())}",
            ]
        )
    while w.take("email"):
        entries.append(
            [f"machine git.{comp}", f"  login {s('email', g.email())}", f"  password {k('${GIT_PASSWORD}')}"]
        )
    entries.append(
        ["machine api.example.com", f"  login {k('test@example.com')}", f"  password {k('changeme')}"]
    )
    g.r.shuffle(entries)
    return _Draft("\n".join("\n".join(e) for e in entries) + "\n", ".netrc", "text")


@_template("package-config", {"config-password", "github-token"}, most=2)
def _maven_settings(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    comp = g.company()
    servers = []
    for _ in w.take_all({"config-password"}):
        servers.append(
            (
                f"{g.pick(_WORDS)}-releases",
                g.pick(["ci-deployer", "jenkins"]),
                s("config-password", g.password()),
            )
        )
    if w.take("github-token"):
        servers.append(("github", g.user(), s("github-token", g.github())))
    servers.append(("ossrh", k("${env.OSSRH_USERNAME}"), k("${env.OSSRH_PASSWORD}")))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<settings xmlns="http://maven.apache.org/SETTINGS/1.2.0">',
        "  <servers>",
    ]
    for sid, user, pw in servers:
        lines += [
            "    <server>",
            f"      <id>{sid}</id>",
            f"      <username>{user}</username>",
            f"      <password>{pw}</password>",
            "    </server>",
        ]
    lines += [
        "  </servers>",
        "  <mirrors>",
        "    <mirror>",
        "      <id>internal</id>",
        f"      <url>https://maven.{comp}/repository/maven-public/</url>",
        "      <mirrorOf>*</mirrorOf>",
        "    </mirror>",
        "  </mirrors>",
        "</settings>",
    ]
    return _Draft("\n".join(lines) + "\n", ".m2/settings.xml", "xml")


@_template("package-config", {"config-password", "home-path", "github-token"}, most=3)
def _gradle_properties(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    lines = [
        f"org.gradle.jvmargs={k('-Xmx4g -Dfile.encoding=UTF-8')}",
        "org.gradle.caching=true",
        "android.useAndroidX=true",
    ]
    extra = []
    for kind in w.take_all({"config-password", "home-path", "github-token"}):
        if kind == "config-password":
            extra.append(
                g.pick(["signing.password", "ossrhPassword", "RELEASE_STORE_PASSWORD", "nexusPassword"])
                + f"={s(kind, g.password())}"
            )
        elif kind == "home-path":
            home = g.home()
            if home.startswith("C:"):  # a properties file escapes its backslashes
                escaped = home.replace("\\", "\\\\")
                extra.append(f"signing.secretKeyRingFile={s(kind, escaped)}\\\\.gnupg\\\\secring.gpg")
            else:
                extra.append(f"signing.secretKeyRingFile={s(kind, home)}/.gnupg/secring.gpg")
        else:
            extra.append(f"gpr.key={s(kind, g.github())}")
    extra.append(f"signing.keyId={g.hexs(8).upper()}")
    return _Draft(
        "\n".join(g.interleave(lines, extra)) + "\n",
        g.pick(["gradle.properties", "~/.gradle/gradle.properties"]).lstrip("~/"),
        "properties",
    )


@_template("package-config", {"pypi-token"}, most=2)
def _pypirc(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    n = len(w.take_all({"pypi-token"}))
    lines = [
        "[distutils]",
        "index-servers =",
        "    pypi",
        "    testpypi",
        "",
        "[pypi]",
        "username = __token__",
        f"password = {s('pypi-token', g.pypi())}",
        "",
    ]
    lines += ["[testpypi]", f"repository = {k('https://test.pypi.org/legacy/')}", "username = __token__"]
    lines.append(f"password = {s('pypi-token', g.pypi())}" if n > 1 else f"password = {k('<your-api-key>')}")
    return _Draft("\n".join(lines) + "\n", ".pypirc", "ini")


@_template("package-config", {"vendor-token"}, most=2)
def _cargo_credentials(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    n = len(w.take_all({"vendor-token"}))
    lines = ["[registry]", f'token = "{s("vendor-token", "cio" + g.alnum(32))}"']
    if n > 1:
        lines += ["", "[registries.gem-mirror]", f'token = "{s("vendor-token", "rubygems_" + g.hexs(48))}"']
    lines += ["", "[registries.internal]", f'token = "{k("${CARGO_REGISTRIES_INTERNAL_TOKEN}")}"']
    return _Draft("\n".join(lines) + "\n", ".cargo/credentials.toml", "toml")


@_template("package-config", {"aws-access-key", "aws-secret-key"}, most=2)
def _aws_credentials(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    w.take("aws-access-key")
    w.take("aws-secret-key")
    lines = [
        "[default]",
        f"aws_access_key_id = {s('aws-access-key', g.aws_access())}",
        f"aws_secret_access_key = {s('aws-secret-key', g.aws_secret())}",
        "",
        "[docs-sandbox]",
        f"aws_access_key_id = {k(g.aws_example())}",
        "aws_secret_access_key = " + "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY",
        "region = us-east-1",
    ]
    if g.chance(0.5):
        return _Draft("$ cat ~/.aws/credentials\n" + "\n".join(lines) + "\n", lang="console")
    return _Draft("\n".join(lines) + "\n", ".aws/credentials", "ini")


# -- support tickets, chat exports, mail ----------------------------------------------------------------------


@_template("support", {"person-name", "email", "phone", "credit-card", "ssn", "iban"}, most=4)
def _support_ticket(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    first, last = g.person()
    c = Counter(w.take_all({"person-name", "email", "phone", "credit-card", "ssn", "iban"}))
    if c["person-name"]:
        requester = f"{s('person-name', f'{first} {last}')} <{s('email', g.email(first, last))}>"
    elif c["email"]:
        requester = f"{first} <{s('email', g.email(first, last))}>"
    else:
        requester = f"{first} <{k(g.example_email())}>"
    emails_left = c["email"] - 1
    head = [
        f"Ticket #{g.r.randint(10000, 99999)} — "
        + g.pick(["Card declined on renewal", "Refund not received", "Cannot update billing details"]),
        f"Requester: {requester}",
        f"Created: {g.when().strftime('%Y-%m-%d %H:%M')} UTC",
        f"Tags: {g.pick(['billing', 'refund'])}, priority-{g.pick(['normal', 'high'])}",
        "",
    ]
    body = ["Hi,", ""]
    if c["credit-card"]:
        body.append(
            "my card was declined again although the bank says it's fine. "
            f"The number is {s('credit-card', g.card())}, expiry 0{g.r.randint(1, 9)}/{g.r.randint(27, 31)}."
        )
    if c["iban"]:
        body.append(f"Please send the refund to my account {s('iban', g.iban())} instead.")
    if c["phone"]:
        body.append(f"You can call me on {s('phone', g.phone())} any time after 3pm.")
    body += ["", "Thanks,", first, ""]
    for _ in range(1, c["person-name"]):
        a_first, a_last = g.person()
        body.append(f"CC: {s('person-name', f'{a_first} {a_last}')} <{s('email', g.email(a_first, a_last))}>")
        emails_left -= 1
    for _ in range(max(0, emails_left)):
        body.append(f"Reply-To: {s('email', g.email())}")
    if c["ssn"]:
        body.append(f"— Internal note: identity verified against SSN {s('ssn', g.ssn())} on file.")
    for _ in range(1, c["ssn"]):
        body.append(f"— Internal note: second applicant SSN {s('ssn', g.ssn())}.")
    for _ in range(1, c["credit-card"]):
        body.append(f"— Internal note: old card on file {s('credit-card', g.card())} was closed.")
    for _ in range(1, c["phone"]):
        body.append(f"— Alt. phone: {s('phone', g.phone())}")
    for _ in range(1, c["iban"]):
        body.append(f"— Previous payout IBAN: {s('iban', g.iban())}")
    body.append(f"— Test payment with {k(g.test_card())} went through on staging.")
    return _Draft("\n".join(head + body) + "\n", "support/ticket.txt", "text")


@_template("support", _ENV | {"person-name", "email", "phone"}, most=2)
def _slack_export(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    msgs: list[object] = []
    t = g.when().timestamp()
    kinds = w.take_all(_ENV | {"person-name", "email", "phone"})
    people = []
    names = [c for c in kinds if c == "person-name"]
    for _ in range(max(2, len(names))):
        people.append(g.person())
    for i, (first, last) in enumerate(people):
        real = s("person-name", f"{first} {last}") if i < len(names) else first
        text = g.pick(
            [
                "deploy looks good on staging",
                "can someone look at the failing migration?",
                "rotating the key now",
            ]
        )
        msgs.append(
            {
                "type": "message",
                "user": "U0" + g.chars(string.ascii_uppercase + string.digits, 9),
                "text": text,
                "ts": f"{t + i * 37:.6f}",
                "user_profile": {"real_name": real, "display_name": _ascii(first).lower()},
            }
        )
    for kind in kinds:
        if kind == "person-name":
            continue
        if kind == "email":
            text = f"the customer is {s(kind, g.email())}, can you check their invoices?"
        elif kind == "phone":
            text = f"on-call number this week: {s(kind, g.phone())}"
        else:
            name, value = _env_pair(g, kind)
            text = f"here's the staging one until vault is fixed: {name}={value}"
        msgs.append(
            {
                "type": "message",
                "user": "U0" + g.chars(string.ascii_uppercase + string.digits, 9),
                "text": text,
                "ts": f"{t + len(msgs) * 41:.6f}",
            }
        )
    msgs.append(
        {
            "type": "message",
            "subtype": "channel_join",
            "text": f"<@U0{g.chars(string.ascii_uppercase, 9)}> has joined the channel",
            "ts": f"{t + 999:.6f}",
            "client_msg_id": k(g.uuid()),
        }
    )
    return _Draft(
        _js(msgs, 4) + "\n",
        f"export/{g.pick(['ops', 'eng-backend', 'incidents'])}/{g.when().strftime('%Y-%m-%d')}.json",
        "json",
    )


def _identity(g: _Gen, named: bool, mailed: bool) -> tuple[str, str]:
    """A mail or commit identity: a labelled name only beside a labelled real address."""
    first, last = g.person()
    if named:
        return g.s("person-name", f"{first} {last}"), g.s("email", g.email(first, last))
    if mailed:
        return first, g.s("email", g.email(first, last))
    return first, g.k(g.example_email())


@_template("support", {"person-name", "email", "ip-public"}, most=4)
def _mail_headers(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    c = Counter(w.take_all({"person-name", "email", "ip-public"}))
    comp = g.company()
    people = []
    names, emails = c["person-name"], c["email"]
    for i in range(max(2, names, emails)):
        people.append(_identity(g, i < names, i < max(names, emails)))
    (fname, fa), (tname, ta) = people[0], people[1]
    relay = s("ip-public", g.ip_public()) if c["ip-public"] else k(g.ip_doc())
    lines = [
        f"Return-Path: <{fa}>",
        f"Received: from mail-{g.alnum(6).lower()}.outbound.protection.outlook.com ([{relay}])",
        f"        by mx1.{comp} with ESMTPS id {g.alnum(12)}",
        f"        for <{ta}>; {g.when().strftime('%a, %d %b %Y %H:%M:%S')} +0000",
    ]
    if c["ip-public"] > 1:
        lines.append(f"X-Originating-IP: [{s('ip-public', g.ip_public())}]")
    lines += [
        f"Authentication-Results: mx1.{comp}; spf=pass smtp.mailfrom={g.pick(_FREEMAIL)}; dkim=pass",
        f"From: {fname} <{fa}>",
        f"To: {tname} <{ta}>",
        *[f"Cc: {nm} <{em}>" for nm, em in people[2:]],
        f"Subject: Re: invoice {g.when().strftime('%Y-%m')}-{g.r.randint(100, 999)}",
        f"Date: {g.when().strftime('%a, %d %b %Y %H:%M:%S')} +0000",
        f"Message-ID: <{g.alnum(20)}.{g.digits(6)}@{g.pick(['mail.gmail.com', 'eurprd04.prod.outlook.com'])}>",
        f"List-Unsubscribe: <mailto:{k('noreply@github.com')}>",
        "MIME-Version: 1.0",
        'Content-Type: text/plain; charset="UTF-8"',
    ]
    return _Draft("\n".join(lines) + "\n", lang="text")


@_template("support", {"person-name", "email"}, most=4, file=False)
def _git_log(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    c = Counter(w.take_all({"person-name", "email"}))
    names, emails = c["person-name"], c["email"]
    n = max(2, names, emails)
    lines = [f"$ git log -{n} --format=fuller" if g.chance(0.5) else f"$ git log -{n}"]
    for i in range(n):
        if i < max(names, emails):
            nm, em = _identity(g, i < names, True)
        else:
            nm, em = k("dependabot[bot]"), f"{g.digits(8)}+dependabot[bot]@users.noreply.github.com"
        lines += [
            f"commit {k(g.sha())}",
            f"Author: {nm} <{em}>",
            f"Date:   {g.when().strftime('%a %b %d %H:%M:%S %Y')} +0100",
            "",
            "    "
            + g.pick(
                [
                    "Fix flaky retry test",
                    "Bump zod to 3.22.4",
                    "Add refund reason column",
                    "Handle empty cart",
                ]
            ),
            "",
        ]
    return _Draft("\n".join(lines), lang="console")


@_template("support", {"person-name", "phone", "email"}, most=3)
def _vcard(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    c = Counter(w.take_all({"person-name", "phone", "email"}))
    cards = []
    for i in range(max(c.values())):
        first, last = g.person()
        lines = ["BEGIN:VCARD", "VERSION:3.0"]
        if i < c["person-name"]:
            lines += [
                f"FN:{s('person-name', f'{first} {last}')}",
                f"N:{s('person-name', f'{last};{first}')};;;",
            ]
        else:
            lines += ["FN:Front Desk", "N:;Front Desk;;;"]
        lines.append(f"ORG:{g.pick(_WORDS).capitalize()} {g.pick(['GmbH', 'Ltd', 'Inc.'])}")
        if i < c["phone"]:
            lines.append(f"TEL;TYPE=CELL:{s('phone', g.phone())}")
        if i < c["email"]:
            lines.append(f"EMAIL;TYPE=INTERNET:{s('email', g.email(first, last))}")
        lines += [f"UID:{k(g.uuid())}", "END:VCARD"]
        cards.append("\n".join(lines))
    return _Draft("\n".join(cards) + "\n", "contacts/export.vcf", "text")


# -- Android logcat and iOS device logs -----------------------------------------------------------------------


@_template(
    "mobile", {"jwt", "bearer-token", "email", "google-api-key", "phone", "cookie"}, most=3, file=False
)
def _logcat(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    comp = g.company()
    pid, tid = g.r.randint(2000, 32000), g.r.randint(2000, 32000)
    t = g.when()
    out = []

    def log(level: str, tag: str, msg: str, p: int = pid, th: int = tid) -> None:
        nonlocal t
        t += timedelta(milliseconds=g.r.randint(1, 300))
        out.append(f"{t.strftime('%m-%d %H:%M:%S.%f')[:-3]} {p:5d} {th:5d} {level} {tag:<8}: {msg}")

    app = f"com.{g.pick(_WORDS)}.{g.pick(['fit', 'bank', 'rides', 'shop'])}"
    log(
        "I",
        "ActivityManager",
        f"Start proc {pid}:{app}/u0a{g.r.randint(100, 400)} for activity {{{app}/.MainActivity}}",
        1203,
        1290,
    )
    if w.take("google-api-key"):
        log(
            "I",
            "FirebaseInitProvider",
            f"FirebaseApp initialization successful (api key {s('google-api-key', g.google_api())})",
        )
    log("D", "OkHttp", f"--> POST https://api.{comp}/v2/auth/refresh")
    log("D", "OkHttp", "Content-Type: application/json; charset=UTF-8")
    if w.take("jwt"):
        log("D", "OkHttp", f"Authorization: Bearer {s('jwt', g.jwt())}")
    body = {"device_id": k(g.uuid())}
    if w.take("bearer-token"):
        body["refresh_token"] = s("bearer-token", g.b64url(64))
    log("D", "OkHttp", _js(body, None).replace(", ", ","))
    log("D", "OkHttp", f"<-- 200 OK https://api.{comp}/v2/auth/refresh ({g.r.randint(40, 900)}ms)")
    for kind in w.take_all({"jwt", "bearer-token", "email", "phone", "cookie"}):
        if kind == "email":
            log("I", "AuthRepository", f"signed in as {s(kind, g.email())}")
        elif kind == "phone":
            log("D", "ProfileViewModel", f"profile loaded: phone={s(kind, g.phone())} verified=true")
        elif kind == "cookie":
            name, value = g.cookie()
            log(
                "D",
                "CookieJar",
                f"saveFromResponse: {k(name)}={s(kind, value)}; {k('path=/; secure; httponly')}",
            )
        elif kind == "jwt":
            log("D", "TokenStore", f"id_token={s(kind, g.jwt())}")
        else:
            log("D", "TokenStore", f"access_token={s(kind, g.bearer())}")
    log(
        "W",
        "FirebaseMessaging",
        "Missing Default Notification Channel metadata in AndroidManifest. Default value will be used.",
    )
    log("I", "ActivityManager", f"Displayed {app}/.MainActivity: +{g.r.randint(200, 900)}ms", 1203, 1290)
    header = "--------- beginning of main"
    return _Draft(header + "\n" + "\n".join(out) + "\n", lang="text")


@_template("mobile", {"cookie", "email", "phone", "jwt", "bearer-token"}, most=2, file=False)
def _ios_log(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    app = g.pick(["AcmeBank", "Tessera", "Rideshare", "Quarry"])
    pid = g.r.randint(200, 9000)
    t = g.when()
    out = []

    def log(level: str, proc: str, msg: str) -> None:
        nonlocal t
        t += timedelta(milliseconds=g.r.randint(1, 500))
        out.append(f"{t.strftime('%b %d %H:%M:%S')} iPhone {proc}[{pid}] <{level}>: {msg}")

    log(
        "Notice",
        f"{app}(CFNetwork)",
        f"Task <{k(g.uuid().upper())}>.<1> resuming, timeouts(60.0, 604800.0) qos(0x19) voucher(0x0)",
    )
    for kind in w.take_all({"cookie", "email", "phone", "jwt", "bearer-token"}):
        if kind == "cookie":
            name, value = g.cookie()
            log("Info", app, f"[Session] stored cookie {k(name)}={s(kind, value)}; {k('Path=/; HttpOnly')}")
        elif kind == "email":
            log("Debug", app, f'[Profile] loaded {{"email":"{s(kind, g.email())}","locale":"en_GB"}}')
        elif kind == "phone":
            log("Debug", app, f"[OTP] sending code to {s(kind, g.phone())}")
        elif kind == "jwt":
            log("Debug", app, f"[Auth] keychain write id_token {s(kind, g.jwt())}")
        else:
            log("Debug", app, f"[Auth] refreshed access token {s(kind, g.bearer())}")
    log(
        "Notice",
        f"{app}(CFNetwork)",
        f"Task <{g.uuid().upper()}>.<1> finished with error [-1009] Error Domain=NSURLErrorDomain Code=-1009",
    )
    log(
        "Error",
        "kernel",
        f"Sandbox: {app}({pid}) deny(1) file-read-data {k('/private/var/mobile/Library/Preferences')}",
    )
    return _Draft("\n".join(out) + "\n", lang="text")


# -- shell history and dotfiles -----------------------------------------------------------------------------


@_template(
    "shell",
    {
        "cli-password",
        "ip-public",
        "db-password",
        "url-credential",
        "github-token",
        "gitlab-token",
        "stripe-key",
        "twilio-key",
    },
    most=3,
)
def _shell_history(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    svc = g.service()
    noise = [
        f"cd ~/src/{svc}",
        "git status",
        "git pull --rebase",
        "git log --oneline -5",
        "make test",
        f"docker compose up -d {svc}",
        f"kubectl -n {svc} get pods",
        "ls -la",
        f"git checkout -b fix/{g.pick(['retry', 'timeout', 'migration'])}",
        f"git show {k(g.sha(12))}",
        f"dig +short {k('1.1.1.1')}",
        f'export OPENAI_API_KEY="{k("${OPENAI_API_KEY:?must be set}")}"',
        f"curl -s 'https://api.{g.company()}/v1/items?{k('page=2')}&{k('limit=100')}' | jq .",
    ]
    g.r.shuffle(noise)
    noise = noise[: g.r.randint(5, 9)]
    cmds = []
    for kind in w.take_all(
        {
            "cli-password",
            "ip-public",
            "db-password",
            "url-credential",
            "github-token",
            "gitlab-token",
            "stripe-key",
            "twilio-key",
        }
    ):
        if kind == "cli-password":
            pw = s(kind, g.password("shell"))
            cmds.append(
                g.pick(
                    [
                        f"mysql -h {svc}-db.internal -u admin -p{pw} {svc}",
                        f"PGPASSWORD={pw} pg_dump -h {svc}-db.internal -U postgres {svc} > /tmp/{svc}.sql",
                        f"mysqldump --user=root --password={pw} --single-transaction {svc} | gzip > {svc}.sql.gz",
                        f"sshpass -p '{pw}' ssh deploy@{svc}-bastion.internal",
                        f"docker login registry.{g.company()} -u ci -p {pw}",
                        f"htpasswd -b -c /etc/nginx/.htpasswd admin {pw}",
                        f"openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12 -passout pass:{pw}",
                    ]
                )
            )
        elif kind == "ip-public":
            cmds.append(f"ssh -i ~/.ssh/id_ed25519 ubuntu@{s(kind, g.ip_public())}")
        elif kind == "db-password":
            name, value = _db_url(g)
            cmds.append(f'psql "{value}"' if value.startswith("postgres") else f"export {name}='{value}'")
        elif kind == "url-credential":
            name, value = g.url_signature()
            cmds.append(
                f"curl -o export.csv 'https://files.{g.company()}/exports/{g.digits(6)}.csv?{name}={s(kind, value)}'"
            )
        elif kind == "github-token":
            cmds.append(
                g.pick(
                    [
                        f"export GITHUB_TOKEN={s(kind, g.github())}",
                        f'curl -H "Authorization: token {s(kind, g.github())}" https://api.github.com/user',
                    ]
                )
            )
        elif kind == "gitlab-token":
            cmds.append(
                f"git clone https://oauth2:{s(kind, g.gitlab())}@gitlab.com/{g.pick(_WORDS)}/{svc}.git"
            )
        elif kind == "stripe-key":
            cmds.append(f"curl https://api.stripe.com/v1/customers -u {s(kind, g.stripe_api())}: -d limit=3")
        else:
            cmds.append(
                f"curl -X GET 'https://api.twilio.com/2010-04-01/Accounts/AC{g.hexs(32)}/Messages.json' "
                f"-u {s(kind, g.twilio())}:$TWILIO_API_SECRET"
            )
    lines = g.interleave(noise, cmds)
    if g.chance(0.5):
        t = int(g.when().timestamp())
        lines = [f": {t + i * g.r.randint(5, 90)}:0;{line}" for i, line in enumerate(lines)]
        return _Draft("\n".join(lines) + "\n", ".zsh_history", "text")
    return _Draft("\n".join(lines) + "\n", ".bash_history", "sh")


@_template("shell", _ENV | {"home-path"}, most=3)
def _rc_file(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    lines = [
        "# ~/.zshrc",
        'export PATH="$HOME/.local/bin:$HOME/.cargo/bin:$PATH"',
        'eval "$(starship init zsh)"',
        "alias k=kubectl",
        "alias gs='git status -sb'",
        f': "{k("${OPENAI_API_KEY:?must be set}")}"',
        "export EDITOR=nvim",
    ]
    extra = []
    for kind in w.take_all(_ENV | {"home-path"}):
        if kind == "home-path":
            extra.append(
                f"export {g.pick(['GOPATH', 'HF_HOME', 'PNPM_HOME', 'ANDROID_HOME'])}="
                f"{s(kind, g.pick(['/home/', '/Users/']) + g.user())}"
                f"/{g.pick(['go', '.cache/huggingface', 'Library/pnpm', 'Android/sdk'])}"
            )
        else:
            name, value = _env_pair(g, kind)
            extra.append(f"export {name}={value}")
    return _Draft(
        "\n".join(g.interleave(lines, extra)) + "\n", g.pick([".zshrc", ".bashrc", ".profile"]), "sh"
    )


@_template("shell", {"person-name", "email", "github-token"}, most=3)
def _gitconfig(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    first, last = g.person()
    want_name = w.take("person-name")
    want_mail = w.take("email")
    lines = ["[user]"]
    if want_name or want_mail:
        # a name is labelled only beside a real address, never beside an example one
        lines.append(
            f"\tname = {s('person-name', f'{first} {last}')}"
            if want_name
            else f"\tname = {_ascii(first).lower()}"
        )
        lines.append(f"\temail = {s('email', g.email(first, last))}")
    lines.append(f"\tsigningkey = {k(g.hexs(16).upper())}")
    lines += [
        "[core]",
        "\tautocrlf = input",
        f"\texcludesfile = {k('~/.gitignore_global')}",
        "[pull]",
        "\trebase = true",
    ]
    if w.take("github-token"):
        lines += [
            f'[url "https://{g.user()}:{s("github-token", g.github())}@github.com/"]',
            "\tinsteadOf = https://github.com/",
        ]
    lines += ['[credential "https://github.com"]', f"\thelper = !{k('/usr/bin/gh')} auth git-credential"]
    return _Draft("\n".join(lines) + "\n", ".gitconfig", "ini")


@_template("shell", {"ip-public", "ip-private"}, most=3)
def _ssh_config(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    blocks = []
    for kind in w.take_all({"ip-public", "ip-private"}):
        ip = g.ip_public() if kind == "ip-public" else g.ip_private()
        name = g.pick(["bastion", "db-primary", "build-01", "grafana", "vpn"]) + f"-{g.r.randint(1, 9)}"
        block = [
            f"Host {name}",
            f"  HostName {s(kind, ip)}",
            f"  User {g.pick(['ubuntu', 'ec2-user', 'deploy'])}",
            f"  IdentityFile {k('~/.ssh/id_ed25519')}",
        ]
        if kind == "ip-private":
            block.append(f"  {k('ProxyJump bastion')}")
        blocks.append("\n".join(block))
    blocks.append(
        "\n".join(
            [
                "Host *",
                "  ServerAliveInterval 30",
                "  IdentitiesOnly yes",
                f"  UserKnownHostsFile {k('~/.ssh/known_hosts')}",
            ]
        )
    )
    return _Draft("\n\n".join(blocks) + "\n", ".ssh/config", "text")


@_template("shell", {"private-key"}, most=1, file=False)
def _cat_private_key(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    w.take("private-key")
    begin, body, end = g.pem()
    path = g.pick(
        ["~/.ssh/id_ed25519", "certs/tls.key", "deploy/keys/signing.pem", "/etc/ssl/private/server.key"]
    )
    if "OPENSSH" in begin:
        path = g.pick(["~/.ssh/id_ed25519", "~/.ssh/deploy_key"])
    lines = [
        f"$ cat {path}",
        begin,
        s("private-key", "\n".join(body)),
        end,
        f"$ ls -l {path}",
        f"-rw------- 1 deploy deploy {len(''.join(body)) + 70} Mar 14 09:12 {path}",
    ]
    if g.chance(0.4):
        other = "EC PRIVATE KEY" if "OPENSSH" in begin else "OPENSSH PRIVATE KEY"
        lines += [f"$ grep -rn 'BEGIN {other}' docs/", f"docs/keys.md:12:    {k(f'-----BEGIN {other}-----')}"]
    return _Draft("\n".join(lines) + "\n", lang="console")


@_template("shell", {"private-key", "config-password"}, most=2)
def _env_with_key(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    lines = ["APP_ENV=production", f"JWT_ISSUER=https://auth.{g.company()}/"]
    if w.take("private-key"):
        begin, body, end = g.pem(g.pick(["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY"]))
        lines.append(f'JWT_PRIVATE_KEY="{begin}')
        lines.append(s("private-key", "\n".join(body)))
        lines.append(f'{end}"')
    for _ in w.take_all({"config-password"}):
        name, value = _env_pair(g, "config-password")
        lines.append(f"{name}={value}")
    lines.append(f"JWT_PUBLIC_KEY_URL={k('https://auth.example.com/.well-known/jwks.json')}")
    return _Draft("\n".join(lines) + "\n", ".env.local", "dotenv")


@_template("shell", {"service-account-key-id", "private-key"}, most=2)
def _sa_key_file(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    proj = f"{g.pick(_WORDS)}-{g.pick(['prod', 'data', 'ml'])}-{g.r.randint(1000, 9999)}"
    sa = f"{g.pick(['deployer', 'terraform', 'bq-reader'])}@{proj}.iam.gserviceaccount.com"
    w.take("service-account-key-id")
    key_id = s("service-account-key-id", g.hexs(40))
    want_key = w.take("private-key") or g.chance(0.5)
    doc: dict[str, object] = {"type": k("service_account"), "project_id": proj, "private_key_id": key_id}
    if want_key:
        begin, body, end = g.pem("PRIVATE KEY")
        doc["private_key"] = begin + "\n" + s("private-key", "\n".join(body)) + "\n" + end + "\n"
    doc.update(
        {
            "client_email": sa,
            "client_id": g.digits(21),
            "auth_uri": k("https://accounts.google.com/o/oauth2/auth"),
            "token_uri": k("https://oauth2.googleapis.com/token"),
            "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
            "universe_domain": "googleapis.com",
        }
    )
    if not want_key and g.chance(0.5):
        short = {key: doc[key] for key in ("type", "project_id", "private_key_id", "client_email")}
        return _Draft(
            "$ jq '{type, project_id, private_key_id, client_email}' key.json\n" + _js(short) + "\n",
            lang="console",
        )
    return _Draft(
        _js(doc) + "\n", g.pick(["secrets/gcp-key.json", "terraform/credentials.json", "key.json"]), "json"
    )


@_template("shell", {"service-account-key-id"}, most=3, file=False)
def _gcloud_keys(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    n = len(w.take_all({"service-account-key-id"}))
    proj = f"{g.pick(_WORDS)}-prod-{g.r.randint(1000, 9999)}"
    sa = f"deployer@{proj}.iam.gserviceaccount.com"
    rows = []
    t = g.when()
    for i in range(max(n, 1)):
        kid = s("service-account-key-id", g.hexs(40)) if i < n else g.hexs(40)
        rows.append(
            [
                kid,
                (t - timedelta(days=30 * i)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                (t + timedelta(days=365)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "False",
            ]
        )
    lines = [
        f"$ gcloud iam service-accounts keys list --iam-account={sa}",
        _columns(["KEY_ID", "CREATED_AT", "EXPIRES_AT", "DISABLED"], rows, 2),
    ]
    if g.chance(0.5):
        lines.append(f"$ gcloud iam service-accounts keys delete {rows[-1][0]} --iam-account={sa} --quiet")
        lines.append(f"deleted key [{rows[-1][0]}] for service account [{sa}]")
    lines += ["$ git log -1 --format=%H -- infra/iam.tf", k(g.sha())]
    return _Draft("\n".join(lines) + "\n", lang="console")


@_template("shell", {"jwt", "ip-public"}, most=2)
def _kubeconfig(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    name = f"{g.service()}-{g.pick(['prod', 'staging'])}"
    server = (
        s("ip-public", g.ip_public())
        if w.take("ip-public")
        else f"{g.alnum(32).upper()}.gr7.eu-west-1.eks.amazonaws.com"
    )
    token = (
        s(
            "jwt",
            g.jwt(
                {"iss": "kubernetes/serviceaccount", "kubernetes.io/serviceaccount/namespace": "kube-system"}
            ),
        )
        if w.take("jwt")
        else k("${KUBE_TOKEN}")
    )
    lines = [
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- cluster:",
        f"    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t{g.b64(30)}",
        f"    server: https://{server}:6443",
        f"  name: {name}",
        "contexts:",
        "- context:",
        f"    cluster: {name}",
        "    user: ci-deployer",
        f"  name: {name}",
        f"current-context: {name}",
        "users:",
        "- name: ci-deployer",
        "  user:",
        f"    token: {token}",
    ]
    return _Draft("\n".join(lines) + "\n", ".kube/config", "yaml")


@_template("shell", _ENV | {"ip-private"}, most=3, file=False)
def _docker_inspect(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    svc = g.service()
    env = [
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        f"LANG={k('C.UTF-8')}",
        f"PYTHON_VERSION={k('3.11.8')}",
    ]
    for kind in w.take_all(_ENV):
        name, value = _env_pair(g, kind)
        env.append(f"{name}={value}")
    ip = s("ip-private", g.ip_private()) if w.take("ip-private") else ""
    obj = [
        {
            "Id": g.hexs(64),
            "Created": k(g.when().strftime("%Y-%m-%dT%H:%M:%S.") + g.digits(9) + "Z"),
            "Config": {
                "Hostname": g.hexs(12),
                "Image": f"ghcr.io/{g.pick(_WORDS)}/{svc}:{g.version()}",
                "Env": env,
                "WorkingDir": k("/app"),
            },
            "NetworkSettings": {
                "Networks": {
                    f"{svc}_default": {
                        "IPAddress": ip,
                        "IPPrefixLen": 16,
                        "MacAddress": "02:42:ac:12:00:0" + str(g.r.randint(2, 9)),
                    }
                }
            },
        }
    ]
    return _Draft(f"$ docker inspect {svc}-{svc}-1\n" + _js(obj, 4) + "\n", lang="console")


# -- test fixtures and seed data ------------------------------------------------------------------------------

_FIXTURE = {"person-name", "email", "phone", "ssn", "credit-card", "iban"}


def _records(g: _Gen, w: _Want, hosts: set[str]) -> list[dict[str, str]]:
    """People records holding the asked classes; a name is only ever beside a real (labelled) address."""
    s, k = g.s, g.k
    c = Counter(w.take_all(hosts))
    names, emails = c["person-name"], c["email"]
    n = max(names, emails, *(c[x] for x in hosts if x not in {"person-name", "email"}))
    out = []
    for i in range(n):
        first, last = g.person()
        rec: dict[str, str] = {}
        if i < names:
            rec["name"] = s("person-name", f"{first} {last}")
            rec["email"] = s("email", g.email(first, last))
        elif i < max(names, emails):
            rec["email"] = s("email", g.email(first, last))
        else:
            rec["email"] = k(g.example_email())
        if i < c["phone"]:
            rec["phone"] = s("phone", g.phone())
        if i < c["ssn"]:
            rec["ssn"] = s("ssn", g.ssn(dashes=g.chance(0.7)))
        if i < c["credit-card"]:
            rec["card_number"] = s("credit-card", g.card())
        if i < c["iban"]:
            rec["iban"] = s("iban", g.iban())
        out.append(rec)
    return out


@_template("fixtures", _FIXTURE, most=4)
def _pytest_fixture(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    recs = _records(g, w, _FIXTURE)
    lines = ["import pytest", "", "from billing.models import Customer", "", ""]
    for i, rec in enumerate(recs):
        lines += ["@pytest.fixture", f"def customer_{i + 1}() -> Customer:", "    return Customer("]
        lines += [f'        {key}="{value}",' for key, value in rec.items()]
        lines += [f'        id="{k(g.uuid())}",', "    )", "", ""]
    lines += ["@pytest.fixture", "def test_card() -> str:", f'    return "{k(g.test_card())}"']
    return _Draft("\n".join(lines) + "\n", "tests/conftest.py", "python")


@_template("fixtures", _FIXTURE | {"config-password"}, most=4)
def _ruby_seeds(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    pw = [s("config-password", g.password()) for _ in w.take_all({"config-password"})]
    recs = _records(g, w, _FIXTURE) if w.left() else [{"email": k(g.example_email())}]
    lines = ["# db/seeds.rb", f'puts "Seeding {len(recs)} users"', ""]
    for i, rec in enumerate(recs):
        fields = ", ".join(f'{key}: "{value}"' for key, value in rec.items())
        password = pw[i] if i < len(pw) else k("changeme")
        lines.append(f'User.find_or_create_by!({fields}) {{ |u| u.password = "{password}" }}')
    for extra in pw[len(recs) :]:
        lines.append(f'AdminUser.create!(email: "{k("admin@example.com")}", password: "{extra}")')
    return _Draft("\n".join(lines) + "\n", "db/seeds.rb", "ruby")


@_template("fixtures", _FIXTURE, most=4)
def _ts_seed(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    recs = _records(g, w, _FIXTURE)
    lines = [
        "import { PrismaClient } from '@prisma/client';",
        "",
        "const prisma = new PrismaClient();",
        "",
        "async function main() {",
    ]
    for rec in recs:
        fields = ", ".join(
            f"{key if key != 'card_number' else 'cardNumber'}: '{value}'" for key, value in rec.items()
        )
        lines.append(
            f"  await prisma.customer.upsert({{ where: {{ email: '{rec['email']}' }}, update: {{}}, "
            f"create: {{ {fields} }} }});"
        )
    lines += [
        f"  console.log('seeded, build {k(g.sha(7))}');",
        "}",
        "",
        "main().finally(() => prisma.$disconnect());",
    ]
    return _Draft("\n".join(lines) + "\n", "prisma/seed.ts", "ts")


@_template("fixtures", _FIXTURE, most=4)
def _go_testdata(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    recs = _records(g, w, _FIXTURE)
    go = {
        "name": "Name",
        "email": "Email",
        "phone": "Phone",
        "ssn": "SSN",
        "card_number": "CardNumber",
        "iban": "IBAN",
    }
    lines = ["package billing", "", "var testCustomers = []Customer{"]
    for rec in recs:
        lines.append("\t{" + ", ".join(f'{go[key]}: "{value}"' for key, value in rec.items()) + "},")
    lines += ["}", "", f'const testRequestID = "{k(g.uuid())}"']
    return _Draft("\n".join(lines) + "\n", "internal/billing/testdata_test.go", "go")


@_template("fixtures", _FIXTURE, most=3)
def _java_fixture(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    recs = _records(g, w, _FIXTURE)
    java = {
        "name": "fullName",
        "email": "email",
        "phone": "phone",
        "ssn": "ssn",
        "card_number": "cardNumber",
        "iban": "iban",
    }
    lines = [
        "package com.example.billing;",
        "",
        "final class Fixtures {",
        "    static List<Customer> customers() {",
        "        return List.of(",
    ]
    items = []
    for rec in recs:
        chain = "".join(f'\n                .{java[key]}("{value}")' for key, value in rec.items())
        items.append(f"            Customer.builder(){chain}\n                .build()")
    lines.append(",\n".join(items))
    lines += ["        );", "    }", "", f'    static final String RELEASE = "{k(g.version())}";', "}"]
    return _Draft("\n".join(lines) + "\n", "src/test/java/com/example/billing/Fixtures.java", "java")


@_template("fixtures", _FIXTURE | {"password-hash"}, most=4)
def _sql_seed(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    hashes = [s("password-hash", g.hash()) for _ in w.take_all({"password-hash"})]
    recs = _records(g, w, _FIXTURE) if w.left() else [{"email": k(g.example_email())} for _ in hashes]
    cols = sorted(
        {key for rec in recs for key in rec},
        key=["name", "email", "phone", "ssn", "card_number", "iban"].index,
    )
    if hashes:
        cols.append("password_hash")
    names = {"name": "full_name"}
    lines = [
        f"-- seed data for local development (generated {k(g.when().strftime('%Y-%m-%d'))})",
        f"INSERT INTO customers ({', '.join(names.get(c, c) for c in cols)}) VALUES",
    ]
    rows = []
    for i, rec in enumerate(recs):
        vals = [
            f"'{rec[c]}'"
            if c in rec
            else ("NULL" if c != "password_hash" else (f"'{hashes[i]}'" if i < len(hashes) else "NULL"))
            for c in cols
        ]
        rows.append("  (" + ", ".join(vals) + ")")
    lines.append(",\n".join(rows) + ";")
    for extra in hashes[len(recs) :]:
        lines.append(
            f"UPDATE customers SET password_hash = '{extra}' WHERE email = '{k('admin@example.com')}';"
        )
    return _Draft(
        "\n".join(lines) + "\n", g.pick(["db/seed.sql", "migrations/seed/001_customers.sql"]), "sql"
    )


@_template("fixtures", _FIXTURE | {"password-hash"}, most=4)
def _rails_fixture(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    hashes = [s("password-hash", g.hash()) for _ in w.take_all({"password-hash"})]
    recs = _records(g, w, _FIXTURE) if w.left() else [{"email": k(g.example_email())} for _ in hashes]
    lines = []
    for i, rec in enumerate(recs):
        lines.append(f"customer_{i + 1}:")
        for key, value in rec.items():
            lines.append(f'  {"full_name" if key == "name" else key}: "{value}"')
        if i < len(hashes):
            lines.append(f'  encrypted_password: "{hashes[i]}"')
        lines.append(f"  confirmed_at: {k(g.when().strftime('%Y-%m-%d %H:%M:%S'))}")
    return _Draft("\n".join(lines) + "\n", "test/fixtures/customers.yml", "yaml")


@_template("fixtures", {"person-name", "email", "ssn", "phone"}, most=4)
def _csv_seed(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    recs = _records(g, w, {"person-name", "email", "ssn", "phone"})
    cols = ["name", "email", "ssn", "phone"]
    lines = ["id," + ",".join(cols) + ",signup_date"]
    for i, rec in enumerate(recs):
        lines.append(",".join([str(i + 1), *[rec.get(c, "") for c in cols], g.when().strftime("%Y-%m-%d")]))
    lines.append(f"{len(recs) + 1},Jane Doe,{k('jane.doe@example.com')},,,{g.when().strftime('%Y-%m-%d')}")
    return _Draft("\n".join(lines) + "\n", g.pick(["seed/customers.csv", "fixtures/users.csv"]), "csv")


@_template("fixtures", {"person-name", "email", "password-hash"}, most=3)
def _django_fixture(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    c = Counter(w.take_all({"person-name", "email", "password-hash"}))
    n = max(c.values())
    objs: list[object] = []
    for i in range(n):
        first, last = g.person()
        fields: dict[str, object] = {}
        fields["password"] = s("password-hash", g.hash()) if i < c["password-hash"] else "!" + g.alnum(40)
        fields["username"] = _ascii(first).lower() + str(g.r.randint(1, 99))
        if i < c["person-name"]:
            fields["first_name"] = s("person-name", first)
            fields["last_name"] = s("person-name", last)
            fields["email"] = s("email", g.email(first, last))
        elif i < c["email"]:
            fields["email"] = s("email", g.email(first, last))
        else:
            fields["email"] = k(g.example_email())
        fields["is_staff"] = i == 0
        fields["date_joined"] = k(g.iso())
        objs.append({"model": "auth.user", "pk": i + 1, "fields": fields})
    return _Draft(_js(objs, 2) + "\n", "accounts/fixtures/users.json", "json")


@_template("fixtures", {"ssn", "person-name", "iban"}, most=3)
def _payroll_json(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    c = Counter(w.take_all({"ssn", "person-name", "iban"}))
    emps: list[object] = []
    for i in range(max(c.values())):
        first, last = g.person()
        e: dict[str, object] = {"employee_id": f"E{g.digits(5)}"}
        if i < c["person-name"]:
            e["first_name"] = s("person-name", first)
            e["last_name"] = s("person-name", last)
            e["work_email"] = s("email", g.email(first, last, g.company()))
        if i < c["ssn"]:
            e["tax_id_type"] = "ssn"
            e["tax_id"] = s("ssn", g.ssn(dashes=False))
        if i < c["iban"]:
            e["payout"] = {"method": "sepa", "iban": s("iban", g.iban(grouped=False)), "currency": "EUR"}
        e["start_date"] = g.when().strftime("%Y-%m-%d")
        emps.append(e)
    doc = {"payroll_run": k(g.uuid()), "period": g.when().strftime("%Y-%m"), "employees": emps}
    return _Draft(_js(doc) + "\n", "fixtures/payroll_run.json", "json")


@_template("fixtures", {"iban", "person-name"}, most=3)
def _pain001(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    c = Counter(w.take_all({"iban", "person-name"}))
    txs = []
    for i in range(max(c.values())):
        first, last = g.person()
        nm = (
            s("person-name", f"{first} {last}")
            if i < c["person-name"]
            else f"{g.pick(_WORDS).capitalize()} GmbH"
        )
        iban = s("iban", g.iban(grouped=False)) if i < c["iban"] else g.k("DE00" + "0" * 18)
        txs += [
            "      <CdtTrfTxInf>",
            f"        <PmtId><EndToEndId>{k(g.uuid())}</EndToEndId></PmtId>",
            f'        <Amt><InstdAmt Ccy="EUR">{g.r.randint(10, 9000)}.{g.digits(2)}</InstdAmt></Amt>',
            f"        <Cdtr><Nm>{nm}</Nm></Cdtr>",
            f"        <CdtrAcct><Id><IBAN>{iban}</IBAN></Id></CdtrAcct>",
            "      </CdtTrfTxInf>",
        ]
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09">',
        "  <CstmrCdtTrfInitn>",
        f"    <GrpHdr><MsgId>{g.alnum(16)}</MsgId><CreDtTm>{g.when().strftime('%Y-%m-%dT%H:%M:%S')}</CreDtTm>"
        f"<NbOfTxs>{max(c.values())}</NbOfTxs></GrpHdr>",
        "    <PmtInf>",
        *txs,
        "    </PmtInf>",
        "  </CstmrCdtTrfInitn>",
        "</Document>",
    ]
    return _Draft("\n".join(lines) + "\n", "tests/fixtures/sepa/pain001.xml", "xml")


@_template("fixtures", {"password-hash"}, most=3)
def _shadow(g: _Gen, w: _Want) -> _Draft:
    _k, s = g.k, g.s
    n = len(w.take_all({"password-hash"}))
    lines = ["root:*:19745:0:99999:7:::", "daemon:*:19745:0:99999:7:::", "sshd:!:19745::::::"]
    for _ in range(n):
        h = g.hash()
        while not h.startswith("$"):
            h = g.hash()
        lines.append(f"{g.user()}:{s('password-hash', h)}:{g.r.randint(19000, 20500)}:0:99999:7:::")
    lines.append("nobody:*:19745:0:99999:7:::")
    if g.chance(0.5):
        return _Draft("$ sudo cat /etc/shadow\n" + "\n".join(lines) + "\n", lang="console")
    return _Draft("\n".join(lines) + "\n", "rootfs/etc/shadow", "text")


@_template(
    "fixtures",
    {
        "openai-key",
        "anthropic-key",
        "stripe-key",
        "slack-token",
        "sendgrid-key",
        "google-api-key",
        "twilio-key",
        "huggingface-token",
        "vendor-token",
        "shopify-token",
    },
    most=2,
)
def _hardcoded_client(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    lines = ["import os", "", "import requests", ""]
    for kind in w.take_all(
        {
            "openai-key",
            "anthropic-key",
            "stripe-key",
            "slack-token",
            "sendgrid-key",
            "google-api-key",
            "twilio-key",
            "huggingface-token",
            "vendor-token",
            "shopify-token",
        }
    ):
        if kind == "slack-token" and g.chance(0.5):
            tid, bid = (
                "T0" + g.chars(string.ascii_uppercase + string.digits, 8),
                "B0" + g.chars(string.ascii_uppercase + string.digits, 8),
            )
            lines.append(
                f'SLACK_WEBHOOK = "https://hooks.slack.com/services/{tid}/{bid}/{s(kind, g.alnum(24))}"'
            )
        elif kind == "google-api-key":
            lines.append(
                f'GEOCODE_URL = "https://maps.googleapis.com/maps/api/geocode/json'
                f'?key={s(kind, g.google_api())}&{k("language=en")}"'
            )
        else:
            name, value = _vendor(g, kind)
            lines.append(f'{name} = os.environ.get("{name}", "{s(kind, value)}")')
    lines += [
        "",
        f'FALLBACK_KEY = os.environ.get("API_KEY", "{k(g.placeholder())}")',
        "",
        "def client() -> requests.Session:",
        "    session = requests.Session()",
        f'    session.headers["User-Agent"] = "sync/{k(g.version())}"',
        "    return session",
    ]
    return _Draft(
        "\n".join(lines) + "\n", g.pick(["scripts/sync.py", "app/settings.py", "tools/notify.py"]), "python"
    )


@_template("fixtures", {"person-name", "email"}, most=2)
def _package_manifest(g: _Gen, w: _Want) -> _Draft:
    k, s = g.k, g.s
    w.take("email")
    first, last = g.person()
    named = w.take("person-name")
    who = s("person-name", f"{first} {last}") if named else _ascii(first).lower()
    author = f"{who} <{s('email', g.email(first, last))}>"
    pkg = {
        "name": f"@{g.pick(_WORDS)}/{g.service()}",
        "version": k(g.version()),
        "private": True,
        "author": author,
        "license": "UNLICENSED",
        "scripts": {"build": "tsc -p .", "test": "vitest run"},
        "dependencies": {"zod": f"^{k('3.22.4')}"},
    }
    return _Draft(_js(pkg) + "\n", "package.json", "json")


# -- look-alikes only -----------------------------------------------------------------------------------------


@_template("iac")
def _env_example(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    lines = [
        "# Copy to .env and fill in",
        f"OPENAI_API_KEY={k('<your-api-key>')}",
        f"DATABASE_URL=postgres://app:{k('changeme')}@localhost:5432/app",
        f"AWS_ACCESS_KEY_ID={k(g.aws_example())}",
        f"GITHUB_TOKEN={k('ghp_' + 'x' * 36)}",
        f"STRIPE_SECRET_KEY={k('sk_live_' + 'x' * 24)}",
        f"SENTRY_DSN={k('${SENTRY_DSN}')}",
        f"ADMIN_EMAIL={k(g.example_email())}",
        f"POSTHOG_KEY={k(g.posthog_public())}",
    ]
    return _Draft("\n".join(lines) + "\n", ".env.example", "dotenv")


@_template("iac")
def _compose_defaults(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    lines = [
        "services:",
        "  api:",
        f"    image: ghcr.io/{g.pick(_WORDS)}/api@{k(g.digest())}",
        "    environment:",
        f"      OPENAI_API_KEY: {k('${OPENAI_API_KEY:?must be set}')}",
        f"      ANTHROPIC_API_KEY: {k('${ANTHROPIC_API_KEY:?must be set}')}",
        f"      DB_PASSWORD: {k('${DB_PASSWORD:-changeme}')}",
        f"      LISTEN: {k('0.0.0.0:8000')}",
        f"      RESOLVER: {k('1.1.1.1')}",
        "    extra_hosts:",
        f"      - {k('host.docker.internal:host-gateway')}",
    ]
    return _Draft("\n".join(lines) + "\n", "compose.yaml", "yaml")


@_template("shell")
def _git_log_bots(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    lines = []
    for _ in range(3):
        lines += [
            f"commit {k(g.sha())}",
            f"Author: {k('github-actions[bot]')} <41898282+github-actions[bot]@users.noreply.github.com>",
            f"Date:   {g.when().strftime('%a %b %d %H:%M:%S %Y')} +0000",
            "",
            f"    chore(release): {k('v' + g.version())}",
            "",
        ]
    lines.append(f"$ git remote -v\norigin\t{k('git@github.com')}:{g.pick(_WORDS)}/{g.service()}.git (fetch)")
    return _Draft("\n".join(lines) + "\n", lang="console")


@_template("iac")
def _network_doc(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    gateway, probe = g.ip_doc(), g.ip_doc()
    lines = [
        "$ ip route",
        f"default via {k(gateway)} dev eth0 proto dhcp metric 100",
        f"{k('192.168.1.0/24')} dev docker0 proto kernel scope link linkdown",
        f"{k('169.254.0.0/16')} dev eth0 scope link metric 1000",
        "$ cat /etc/resolv.conf",
        f"nameserver {k('8.8.8.8')}",
        f"nameserver {k('1.1.1.1')}",
        f"$ ping -c1 {k(probe)}",
        f"PING {probe} ({probe}) 56(84) bytes of data.",
        f"netmask {k('255.255.255.0')} broadcast {k('255.255.255.255')}",
        f"listening on {k('0.0.0.0:8443')} and {k('[::1]:8443')}",
        f"inet6 {k('fe80::1ff:fe23:4567:890a')}/64 scope link",
        f"documentation range {k('2001:db8::1')}",
    ]
    return _Draft("\n".join(lines) + "\n", lang="console")


@_template("http")
def _cookie_attrs(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    lines = [
        "< HTTP/2 302",
        f"< location: {k('https://app.example.com/login?next=%2Fdashboard&utm_source=email')}",
        f"< set-cookie: {k('session=deleted; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly')}",
        f"< set-cookie: {k('_ga=GA1.2.' + g.digits(10) + '.' + g.digits(10))}; "
        f"{k('Path=/; Max-Age=63072000; SameSite=Lax')}",
        f"< set-cookie: {k('theme=dark')}; {k('Path=/')}",
        f"< x-request-id: {k(g.uuid())}",
        f'< etag: W/"{k(g.hexs(40))}"',
        f"> Postman-Token: {k(g.uuid())}",
        f"> Sec-WebSocket-Key: {k(g.b64(16))}",
    ]
    return _Draft("\n".join(lines) + "\n", lang="console")


@_template("fixtures")
def _payment_docs(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    lines = [
        "## Testing payments",
        "",
        f"Use `{k(g.test_card())}` with any future expiry and any CVC.",
        f"Declines: `{k('4000 0000 0000 0002')}`.",
        f"The sandbox customer is {k('Jane Doe')} <{k('jane.doe@example.com')}>.",
        f"Webhook secret in CI: `{k('${STRIPE_WEBHOOK_SECRET}')}`; locally `{k('whsec_...')}`.",
        f"Example IBAN for docs: `{k('DE00 0000 0000 0000 0000 00')}` (fails the check on purpose).",
        "SSN field accepts `000-00-0000` only in the sandbox.",
    ]
    return _Draft("\n".join(lines) + "\n", "docs/payments.md", "markdown")


@_template("package-config")
def _lockfile(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    pkgs = {}
    for name in ("zod", "undici", "picocolors"):
        version = g.version()
        pkgs[f"node_modules/{name}"] = {
            "version": k(version),
            "resolved": f"https://registry.npmjs.org/{name}/-/{name}-{version}.tgz",
            "integrity": k("sha512-" + g.b64(64)),
        }
    doc = {"name": g.service(), "lockfileVersion": 3, "requires": True, "packages": pkgs}
    return _Draft(_js(doc) + "\n", "package-lock.json", "json")


@_template("crash")
def _clean_traceback(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    lines = [
        "Traceback (most recent call last):",
        f'  File "{k("/usr/lib/python3.11/runpy.py")}", line 198, in _run_module_as_main',
        f'  File "{k("/opt/app/src/worker.py")}", line 41, in main',
        "    conn = connect(password=pw, host=host)",
        f'  File "{k("~/project/db.py")}", line 12, in connect',
        "    password = config.db_password",
        f"KeyError: 'DB_PASSWORD' (request {k(g.uuid())} at {k(g.iso())})",
    ]
    return _Draft("\n".join(lines) + "\n", lang="pytb")


@_template("mobile")
def _logcat_clean(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    t = g.when().strftime("%m-%d %H:%M:%S")
    lines = [
        f"{t}.101  1203  1290 I ActivityManager: Start proc 4821:com.example.app/u0a211",
        f"{t}.205  4821  4907 D OkHttp  : --> GET {k('https://api.example.com/v1/config?platform=android&version=5.2.1')}",
        f"{t}.206  4821  4907 D OkHttp  : Authorization: Bearer {k('<redacted>')}",
        f"{t}.388  4821  4907 D OkHttp  : <-- 200 OK (182ms)",
        f"{t}.390  4821  4907 I Config  : experiment bucket {k(g.uuid())}",
        f"{t}.402  4821  4821 I Analytics: posthog key {k(g.posthog_public())}",
    ]
    return _Draft("\n".join(lines) + "\n", lang="text")


@_template("notebook")
def _ipynb_clean(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    cells = [
        (["import torch", "torch.__version__"], [f"'{k('2.2.1+cu121')}'"]),
        (["!git rev-parse HEAD"], [k(g.sha())]),
        (["import os", "os.environ.get('HF_TOKEN', 'hf_' + 'x' * 34)[:3]"], ["'hf_'"]),
        (["!nvidia-smi --query-gpu=uuid --format=csv,noheader"], [k("GPU-" + g.uuid())]),
    ]
    return _Draft(_notebook(g, cells), "notebooks/env-check.ipynb", "json")


@_template("database")
def _psql_clean(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    rows = [
        [
            str(i),
            k(g.uuid()),
            k(g.pick(["1.4.2", "1.5.0", "2.0.0-rc.1"])),
            g.when().strftime("%Y-%m-%d %H:%M:%S"),
        ]
        for i in range(1, 4)
    ]
    lines = [
        f"$ psql {k('postgres://app@localhost:5432/app')}",
        "app=> SELECT id, tenant_id, schema_version, applied_at FROM schema_migrations;",
        _psql(["id", "tenant_id", "schema_version", "applied_at"], rows),
        f"app=> SELECT md5('x'), '{k(g.digest())}' AS image;",
    ]
    return _Draft("\n".join(lines) + "\n", lang="console")


@_template("support")
def _support_clean(g: _Gen, w: _Want) -> _Draft:
    k = g.k
    lines = [
        f"From: {k('Support')} <{k('noreply@github.com')}>",
        f"To: {k('dev@example.org')}",
        f"Subject: [{g.pick(_WORDS)}/{g.service()}] Run failed: CI - main ({k(g.sha(7))})",
        "",
        f"Priya mentioned the placeholder {k('<your-api-key>')} is still in the README.",
        f"Version {k('v' + g.version())} was released at {k(g.iso())}.",
    ]
    return _Draft("\n".join(lines) + "\n", lang="text")


# ---------------------------------------------------------------------------------------------------------
# Deliveries: how an agent's output carries the document.

DELIVERIES = ("plain", "json", "diff", "numbered", "ci", "fence")
_FILE_WEIGHTS = {"plain": 3, "json": 3, "diff": 2, "numbered": 3, "ci": 1, "fence": 2}
_OUTPUT_WEIGHTS = {"plain": 4, "json": 3, "ci": 2, "fence": 2}


def _escape(pieces: list[Piece]) -> list[Piece]:
    return [(kind, json.dumps(text, ensure_ascii=False)[1:-1]) for kind, text in pieces]


def _prefixed(pieces: list[Piece], prefix: Callable[[int], list[Piece]]) -> list[Piece]:
    """Each line led by its prefix (a line number, a timestamp, a diff's "+"); labels keep their text."""
    out: list[Piece] = []
    line, at_start = 0, True
    for kind, text in pieces:
        if kind:
            if at_start:
                out += prefix(line)
                at_start = False
            out.append((kind, text))
            continue
        for i, chunk in enumerate(text.split("\n")):
            if i:
                if at_start:
                    out += prefix(line)
                out.append(("", "\n"))
                line += 1
                at_start = True
            if chunk:
                if at_start:
                    out += prefix(line)
                    at_start = False
                out.append(("", chunk))
    return out


def _deliver(g: _Gen, draft: _Draft, file: bool) -> tuple[str, list[Piece]]:
    pieces = _pieces(draft.body)
    weights = dict(_FILE_WEIGHTS if file and draft.path else _OUTPUT_WEIGHTS)
    if any(kind and "\n" in text for kind, text in pieces):
        for multi_line_unsafe in ("diff", "numbered", "ci"):
            weights.pop(multi_line_unsafe, None)
    names = sorted(weights)
    delivery = g.r.choices(names, weights=[weights[n] for n in names])[0]
    lines = draft.body.count("\n")
    if delivery == "plain":
        return delivery, pieces
    if delivery == "fence":
        intro = (
            g.pick(
                [
                    f"Here is `{draft.path}`:",
                    f"Current contents of `{draft.path}`:",
                    f"I'll check `{draft.path}` first.",
                ]
            )
            if draft.path
            else g.pick(["The command printed:", "Output:", "Here's what it shows:"])
        )
        return delivery, [("", f"{intro}\n\n```{draft.lang}\n"), *pieces, ("", "```\n")]
    if delivery == "numbered":
        return delivery, _prefixed(pieces, lambda n: [("", f"{n + 1:>6}→")])
    if delivery == "diff":
        short = g.sha(7)
        head = f"diff --git a/{draft.path} b/{draft.path}\nnew file mode 100644\nindex 0000000.."
        hunk = f"\n--- /dev/null\n+++ b/{draft.path}\n@@ -0,0 +1,{lines} @@\n"
        lead = [("", "$ git diff --cached\n")] if g.chance(0.4) else []
        return delivery, [
            *lead,
            ("", head),
            ("=", short),
            ("", hunk),
            *_prefixed(pieces, lambda n: [("", "+")]),
        ]
    if delivery == "ci":
        t0 = g.when()
        style = g.r.randrange(3)
        last = lines + 1 if style == 0 else lines - 1  # the index of the last line
        stamps = []
        t = t0
        for _ in range(last + 2):
            t += timedelta(microseconds=g.r.randint(200, 900_000))
            stamps.append(t)

        def stamp(n: int) -> list[Piece]:
            t = stamps[n]
            if style == 0:
                text = t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}0Z"
                tail = " "
            elif style == 1:
                text = "[" + t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z]"
                tail = " "
            else:
                text = t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}Z"
                tail = " 00O "
            return [("=" if n in (0, last) else "", text), ("", tail)]

        body = pieces
        if style == 0:
            body = [
                ("", f"##[group]Run ./scripts/{g.pick(['debug', 'smoke', 'deploy'])}.sh\n"),
                *pieces,
                ("", "##[endgroup]\n"),
            ]
        return delivery, _prefixed(body, stamp)
    # a JSON transcript line
    style = g.r.randrange(3)
    ts = ("=", g.iso())
    if style == 0:
        tool = "toolu_01" + g.alnum(22)
        return delivery, [
            (
                "",
                f'{{"parentUuid":"{g.uuid()}","isSidechain":false,"type":"user","message":{{"role":"user","content":[{{"tool_use_id":"{tool}","type":"tool_result","content":"',
            ),
            *_escape(pieces),
            ("", '","is_error":false}]},"uuid":"'),
            ("=", g.uuid()),
            ("", '","timestamp":"'),
            ts,
            ("", '"}\n'),
        ]
    if style == 1:
        inner = [
            ("", '{"output":"'),
            *_escape(pieces),
            ("", f'","metadata":{{"exit_code":0,"duration_seconds":{g.r.randint(1, 40) / 10}}}}}'),
        ]
        return delivery, [
            ("", '{"timestamp":"'),
            ts,
            (
                "",
                f'","type":"response_item","payload":{{"type":"function_call_output","call_id":"call_{g.alnum(24)}","output":"',
            ),
            *_escape(inner),
            ("", '"}}\n'),
        ]
    return delivery, [
        (
            "",
            f'{{"type":"tool_result","tool_id":"{g.pick(["run_shell_command", "read_file"])}'
            f'-{int(g.when().timestamp() * 1000)}-{g.hexs(12)}","status":"success","output":"',
        ),
        *_escape(pieces),
        ("", '","timestamp":"'),
        ts,
        ("", '"}\n'),
    ]


def _document(name: str, setting: str, delivery: str, pieces: list[Piece]) -> Document:
    parts: list[str] = []
    secrets: list[Secret] = []
    keeps: list[Keep] = []
    size = 0
    for kind, text in pieces:
        if kind == "=":
            keeps.append(Keep(text, size))
        elif kind:
            secrets.append(Secret(kind, text, size))
        parts.append(text)
        size += len(text)
    return Document(name, setting, delivery, "".join(parts), tuple(secrets), tuple(keeps))


def _occurrences(text: str, needle: str) -> list[int]:
    out, at = [], text.find(needle)
    while at >= 0:
        out.append(at)
        at = text.find(needle, at + 1)
    return out


def _redacted(doc: Document, mark: str = "\x00") -> str:
    """The document with every secret replaced (what a perfect scrubber would leave)."""
    text = doc.text
    for sec in sorted(doc.secrets, key=lambda x: x.offset, reverse=True):
        text = text[: sec.offset] + mark + text[sec.offset + len(sec.text) :]
    return text


def _problems(doc: Document) -> list[str]:
    """What would make a document's labels wrong: the builder retries until there is none."""
    out = []
    spans_all: list[Secret | Keep] = [*doc.secrets, *doc.keeps]
    for span in spans_all:
        if not span.text or doc.text[span.offset : span.offset + len(span.text)] != span.text:
            out.append(f"misplaced {span}")
    for sec in doc.secrets:
        if sec.text != sec.text.strip():
            out.append(f"secret with blanks around it: {sec.kind}")
        labelled = {x.offset for x in doc.secrets if x.text == sec.text}
        if set(_occurrences(doc.text, sec.text)) != labelled:
            out.append(f"unlabelled copy of a {sec.kind}")
    spans = sorted((x.offset, x.offset + len(x.text)) for x in doc.secrets)
    if any(a[1] > b[0] for a, b in itertools.pairwise(spans)):
        out.append("overlapping secrets")
    clean = _redacted(doc)
    for keep in doc.keeps:
        if any(keep.text in sec.text for sec in doc.secrets):
            out.append(f"keep inside a secret: {keep.text!r}")
        if clean.count(keep.text) < doc.text.count(keep.text):
            out.append(f"keep crossing a secret: {keep.text!r}")
    return out


def build_corpus(seed: int = SEED) -> list[Document]:
    """The part's documents, the same for the same seed."""
    rng = Random(seed)
    g = _Gen(rng)
    slots = [kind for kind in sorted(_QUOTA) for _ in range(_QUOTA[kind])]
    rng.shuffle(slots)
    hosts = {kind: [t for t in _TEMPLATES if kind in t.hosts] for kind in _QUOTA}
    target = DOCUMENTS - DOCUMENTS // 10
    made: list[Document] = []
    uses: Counter[str] = Counter()
    while slots:
        kind = slots.pop()
        # the templates that can hold it, the less used ones more likely: every setting gets its share
        t = rng.choices(hosts[kind], weights=[1 / (1 + uses[t.name]) ** 2 for t in hosts[kind]])[0]
        uses[t.name] += 1
        want = [kind]
        docs_left = max(target - len(made) - 1, 0)
        while len(want) < t.most:
            spare = len(slots) - docs_left
            fits = [i for i, other in enumerate(slots) if other in t.hosts]
            if spare <= 0 or not fits or rng.random() >= spare / max(docs_left, 1):
                break
            want.append(slots.pop(g.pick(fits)))
        doc, left = _render(g, t, want)
        slots += left
        rng.shuffle(slots)
        made.append(doc)
    for i in range(DOCUMENTS - len(made)):
        t = _LOOKALIKES[i % len(_LOOKALIKES)]
        made.append(_render(g, t, [])[0])
    rng.shuffle(made)
    return [attrs.evolve(doc, name=f"thirteenth-{i:03d}-{doc.name}") for i, doc in enumerate(made)]


def _render(g: _Gen, t: _Template, want: list[str]) -> tuple[Document, list[str]]:
    for _ in range(50):
        w = _Want(want)
        draft = t.render(g, w)
        left = w.left()
        if want and left.count(want[0]) >= want.count(want[0]):
            raise ValueError(f"{t.name} placed no {want[0]}")
        delivery, pieces = _deliver(g, draft, t.file)
        doc = _document(t.name, t.setting, delivery, pieces)
        if not _problems(doc):
            return doc, left
    raise RuntimeError(f"{t.name}: no valid document in 50 tries")


# ---------------------------------------------------------------------------------------------------------
# Measurement: aggregate figures only.


def _share(hit: int, total: int) -> float:
    return hit / total if total else 1.0


def _fragment_left(secret: str, output: str, without: str) -> bool:
    """Whether some FRAGMENT-long piece of the secret is in the output more often than the input has it
    outside its secrets (a host name beside an address is not the address's fragment)."""
    for i in range(len(secret) - FRAGMENT + 1):
        piece = secret[i : i + FRAGMENT]
        if piece in output and output.count(piece) > without.count(piece):
            return True
    return False


def measure_documents(docs: Sequence[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Recall over the secrets, recall with no fragment left, recall over vendor tokens, keep rate.

    A secret is removed when its exact text is no longer in the output; removed cleanly when, besides,
    no FRAGMENT-character piece of it is left (secrets shorter than FRAGMENT count by removal alone). A
    keep survives when its text is in the output at least as often as in the input. A share over
    nothing is 1.0.
    """
    total = removed = clean = vendor = vendor_removed = keeps = kept = 0
    for doc in docs:
        output = scrub(doc.text)
        without = _redacted(doc)
        for sec in doc.secrets:
            total += 1
            gone = sec.text not in output
            removed += gone
            clean += gone and not _fragment_left(sec.text, output, without)
            if sec.kind in VENDOR_CLASSES:
                vendor += 1
                vendor_removed += gone
        for keep in doc.keeps:
            keeps += 1
            kept += output.count(keep.text) >= doc.text.count(keep.text)
    return {
        "secrets": float(total),
        "recall": _share(removed, total),
        "recall_no_fragment": _share(clean, total),
        "vendor_prefix_recall": _share(vendor_removed, vendor),
        "keep_rate": _share(kept, keeps),
        "spans": float(keeps),
    }


def measure_held_back() -> dict[str, float]:
    """The scrubber's aggregate figures on this part."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda text: scrub_text(text).text)


def corpus_digest(docs: Iterable[Document]) -> str:
    """A digest of every document and label, to pin the corpus a seed builds."""
    h = hashlib.sha256()
    for doc in docs:
        record = [
            doc.name,
            doc.setting,
            doc.delivery,
            doc.text,
            [attrs.astuple(x) for x in doc.secrets],
            [attrs.astuple(x) for x in doc.keeps],
        ]
        h.update(json.dumps(record, ensure_ascii=False).encode())
        h.update(b"\n")
    return h.hexdigest()
