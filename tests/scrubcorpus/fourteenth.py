"""A fourteenth held-back part of the scrubber's labelled corpus: cloud CLIs, CI, observability, brokers, auth
flows, ML tooling, mobile builds, payments, exports, source control, editor settings and Terraform.

It was written by a hand that saw neither the scrubber's rules nor the corpus's other parts, from the product's
published policy alone (the docstring of `client_actors.scrub`): what that policy says goes is labelled a secret,
what it says stays is labelled a keep, and what it leaves open is left unlabelled. Each document is what an
agent's terminal shows (a command's output or a file it read or wrote, with the noise around it), delivered
as plain text, a JSON transcript line, a unified diff's added lines, a numbered file read, a CI log with
timestamps, or a Markdown code fence; a label is the text as it stands in the delivered document.

Built from `random.Random(seed)` (default `DEFAULT_SEED`): 360 documents (36 of them look-alikes only, with no
secret), 436 secrets in 46 classes (at least 8 each, 24 of them vendors' prefixed tokens), 1044 keeps. Every
fake is generated at build time and format-valid where the format has a check (GitHub's and npm's CRC32, Luhn,
mod-97, SSN ranges, DER inside PEM, JWTs of JSON, bech32, CRC24, the NATS seed's CRC16).

Left unlabelled, as the policy leaves them open: an access key id inside an AWS4 header's `Credential` or a
presigned URL's `X-Amz-Credential` (unsigned fields, yet a vendor's key id), service accounts' addresses, a
login name made from a person's name, a URL's plain user name, API key ids beside their secrets (Confluent,
Shopify's client key), token accessors, a certificate.

Only aggregate figures are ever printed (`measure_documents`, `measure_held_back`); nothing here prints which
secret survived.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import random
import re
import string
import unicodedata
import zlib
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import attrs

DEFAULT_SEED = 20261214

T = TypeVar("T")


@attrs.frozen
class Secret:
    """Text the scrubber must remove, where it stands in the delivered document."""

    cls: str
    text: str
    offset: int

    @property
    def end(self) -> int:
        return self.offset + len(self.text)


@attrs.frozen
class Keep:
    """Text the scrubber must leave as it is (a look-alike beside the secrets)."""

    text: str
    offset: int

    @property
    def end(self) -> int:
        return self.offset + len(self.text)


@attrs.frozen
class Document:
    """One delivered text with its labels; `setting` and `delivery` say where it came from and how."""

    name: str
    setting: str
    delivery: str
    text: str
    secrets: tuple[Secret, ...]
    keeps: tuple[Keep, ...]


VENDOR_CLASSES: frozenset[str] = frozenset(
    {
        "github-token",
        "gitlab-token",
        "slack-token",
        "slack-webhook",
        "stripe-key",
        "stripe-webhook-secret",
        "openai-key",
        "anthropic-key",
        "aws-access-key",
        "google-api-key",
        "npm-token",
        "pypi-token",
        "huggingface-token",
        "sendgrid-key",
        "digitalocean-token",
        "sentry-token",
        "grafana-token",
        "shopify-token",
        "heroku-key",
        "vault-token",
        "flyio-token",
        "netlify-token",
        "newrelic-key",
        "databricks-token",
    }
)

SETTINGS = (
    "cloud-cli",
    "ci",
    "observability",
    "brokers",
    "auth",
    "ml",
    "mobile",
    "payments",
    "exports",
    "source-control",
    "editor",
    "terraform",
)

DELIVERIES = ("plain", "json", "diff", "numbered", "ci-log", "fence")

# Domains reserved for examples (RFC 2606 and 6761): addresses there are kept.
RESERVED_DOMAINS = ("example.com", "example.org", "example.net")
RESERVED_TLDS = (".example", ".test", ".invalid", ".localhost")
PERSONAL_DOMAINS = (
    "gmail.com",
    "outlook.com",
    "yahoo.co.uk",
    "proton.me",
    "icloud.com",
    "gmx.de",
    "fastmail.com",
    "hotmail.fr",
    "web.de",
)
COMPANY_DOMAINS = (
    "brightfield-analytics.io",
    "kestrelpay.com",
    "northwind-freight.co.uk",
    "lumenhealth.de",
    "orbitalbakery.com",
    "tidewater-legal.com",
    "quarrystone.dev",
    "helixmotors.eu",
    "copperleaf.studio",
    "marlowe-insurance.com",
)

# Card numbers processors publish for tests: never generated as secrets.
TEST_CARDS = frozenset(
    {
        "4242424242424242",
        "4000056655665556",
        "4111111111111111",
        "4012888888881881",
        "5555555555554444",
        "5200828282828210",
        "5105105105105100",
        "378282246310005",
        "371449635398431",
        "6011111111111117",
        "6011000990139424",
        "3056930009020004",
        "36227206271667",
        "4000000000000002",
        "4000000000009995",
    }
)

FIRST_NAMES = (
    "Marisol",
    "Tomasz",
    "Ingrid",
    "Priyanka",
    "Haruto",
    "Beatriz",
    "Dmitri",
    "Siobhan",
    "Kwame",
    "Annika",
    "Yusuf",
    "Camille",
    "Leilani",
    "Mateus",
    "Zainab",
    "Henrik",
    "Aoife",
    "Joaquín",
    "Nkechi",
    "Florian",
    "Svetlana",
    "Ravindra",
    "Elodie",
    "Thandiwe",
    "Gustavo",
    "Mireille",
    "Oskar",
    "Fatima",
    "Desmond",
    "Ximena",
    "Bartosz",
    "Noemi",
    "Kenji",
    "Ottilie",
    "Amara",
    "Lorenzo",
    "Sunita",
    "Emeka",
    "Linnea",
    "Valentina",
)
LAST_NAMES = (
    "Okafor",
    "Lindqvist",
    "Kowalczyk",
    "Nakamura",
    "Ferreira",
    "Castellanos",
    "Abernathy",
    "Mwangi",
    "Dubois",
    "Haddad",
    "Rasmussen",
    "Chaudhry",
    "Petrovic",
    "Oyelaran",
    "Brennan",
    "Ishikawa",
    "Santangelo",
    "Whitfield",
    "Adeyemi",
    "Vasquez",
    "Hoffmann",
    "Nieminen",
    "Karimi",
    "Delacroix",
    "Sorensen",
    "Tanaka",
    "Moreau",
    "Albuquerque",
    "Kaczmarek",
    "Fitzgerald",
    "Achterberg",
    "Mensah",
    "Varga",
    "Esposito",
    "Lundgren",
    "Quintero",
    "Novak",
    "Bergström",
    "Szabo",
    "Oduya",
)
_WORDS = (
    "harbor",
    "spruce",
    "copper",
    "lantern",
    "meadow",
    "falcon",
    "quartz",
    "ember",
    "willow",
    "glacier",
    "orchid",
    "summit",
    "cobalt",
    "juniper",
    "marble",
    "thistle",
)

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
ALNUM = string.ascii_letters + string.digits
LOWER_ALNUM = string.ascii_lowercase + string.digits
UPPER_ALNUM = string.ascii_uppercase + string.digits
HEX = "0123456789abcdef"
B64URL = ALNUM + "-_"
B64STD = ALNUM + "+/"
BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
PW_SYMBOLS = "!*-_.~^+"


# ---------------------------------------------------------------------------------------------------------
# Checks the formats carry (also used by the test of form)


def github_checksum(payload: str) -> str:
    """GitHub's (and npm's) token checksum: CRC32 of the random part, base62, six characters."""
    crc = zlib.crc32(payload.encode())
    out = ""
    while crc:
        crc, rem = divmod(crc, 62)
        out = B62[rem] + out
    return out.rjust(6, "0")


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
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def crc24(data: bytes) -> int:
    """OpenPGP armor's checksum (RFC 4880, 6.1)."""
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def crc16_xmodem(data: bytes) -> int:
    """The checksum NATS nkeys append (CRC-16/XMODEM, little-endian on the wire)."""
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _bech32_polymod(values: Sequence[int]) -> int:
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def _bech32_hrp(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def bech32_ok(text: str) -> bool:
    lower = text.lower()
    hrp, _, data = lower.rpartition("1")
    values = [_BECH32.index(c) for c in data]
    return _bech32_polymod(_bech32_hrp(hrp) + values) == 1


def _bech32_encode(hrp: str, payload: bytes) -> str:
    acc = bits = 0
    data: list[int] = []
    for byte in payload:
        acc = (acc << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            data.append((acc >> bits) & 31)
    if bits:
        data.append((acc << (5 - bits)) & 31)
    poly = _bech32_polymod([*_bech32_hrp(hrp), *data, 0, 0, 0, 0, 0, 0]) ^ 1
    checksum = [(poly >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_BECH32[d] for d in data + checksum)


def der_walk(data: bytes) -> int:
    """Walks one DER element (recursing into constructed ones); returns its length, raises if malformed."""
    if len(data) < 2:
        raise ValueError("short DER")
    tag = data[0]
    first = data[1]
    if first < 0x80:
        length, head = first, 2
    else:
        n = first & 0x7F
        if n == 0 or n > 4 or len(data) < 2 + n:
            raise ValueError("bad DER length")
        length, head = int.from_bytes(data[2 : 2 + n], "big"), 2 + n
    if len(data) < head + length:
        raise ValueError("DER runs past its end")
    if tag & 0x20:
        pos = head
        while pos < head + length:
            pos += der_walk(data[pos : head + length])
        if pos != head + length:
            raise ValueError("DER children overrun")
    return head + length


# ---------------------------------------------------------------------------------------------------------
# Pieces: a document is built as plain text, secrets and keeps, so that labels know where they are


Piece = tuple[str, str]  # (text, kind): kind "" is plain, "=" a keep, anything else a secret's class


@attrs.frozen
class S:
    """A secret value to place in a template."""

    cls: str
    text: str


@attrs.frozen
class K:
    """A kept value to place in a template."""

    text: str


Val = str | S | K | list[Piece]

_PLACE = re.compile(r"«(\w+)»|⟦(.*?)⟧", re.S)


def _pieces(value: Val) -> list[Piece]:
    if isinstance(value, str):
        return [(value, "")] if value else []
    if isinstance(value, S):
        return [(value.text, value.cls)]
    if isinstance(value, K):
        return [(value.text, "=")]
    return list(value)


def _plain(value: Val) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, K):
        return value.text
    raise TypeError("only plain text and keeps go inside a keep")


def fill(template: str, **values: Val) -> list[Piece]:
    """`«name»` takes a value (plain, S or K); `⟦text⟧` marks text as a keep (its `«name»`s filled in)."""
    out: list[Piece] = []
    pos = 0
    for m in _PLACE.finditer(template):
        if m.start() > pos:
            out.append((template[pos : m.start()], ""))
        if m.group(1) is not None:
            out.extend(_pieces(values[m.group(1)]))
        else:
            text = re.sub(r"«(\w+)»", lambda n: _plain(values[n.group(1)]), m.group(2))
            out.append((text, "="))
        pos = m.end()
    if pos < len(template):
        out.append((template[pos:], ""))
    return out


def join(values: Sequence[Val], sep: str) -> list[Piece]:
    out: list[Piece] = []
    for i, value in enumerate(values):
        if i:
            out.append((sep, ""))
        out.extend(_pieces(value))
    return out


@attrs.frozen
class Body:
    """What a template makes: the pieces, and whether they are a file (with a path and a language) or output."""

    pieces: tuple[Piece, ...]
    kind: str
    path: str
    lang: str


def body(kind: str, path: str, lang: str, template: str, **values: Val) -> Body:
    return Body(tuple(fill(template, **values)), kind, path, lang)


def body_of(kind: str, path: str, lang: str, pieces: list[Piece]) -> Body:
    return Body(tuple(pieces), kind, path, lang)


# ---------------------------------------------------------------------------------------------------------
# Fakes, generated at build time from the seeded generator


def _der(tag: int, content: bytes) -> bytes:
    n = len(content)
    if n < 0x80:
        head = bytes([n])
    else:
        raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
        head = bytes([0x80 | len(raw)]) + raw
    return bytes([tag]) + head + content


def _der_int(value: int) -> bytes:
    raw = value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big")
    if raw[0] & 0x80:
        raw = b"\x00" + raw
    return _der(0x02, raw)


_OID_RSA = bytes.fromhex("06092a864886f70d010101")
_OID_EC = bytes.fromhex("06072a8648ce3d0201")
_OID_P256 = bytes.fromhex("06082a8648ce3d030107")


def _ssh_string(data: bytes) -> bytes:
    return len(data).to_bytes(4, "big") + data


def _wrap(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


class Gen:
    """The seeded source of every fake in the corpus."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.clock = datetime(2026, 3, 14, 9, 12, 33, tzinfo=UTC)
        self.topup = 0

    # -- primitives
    def pick(self, seq: Sequence[T]) -> T:
        return seq[self.r.randrange(len(seq))]

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def between(self, lo: int, hi: int) -> int:
        return self.r.randint(lo, hi)

    def chars(self, alphabet: str, n: int) -> str:
        return "".join(alphabet[self.r.randrange(len(alphabet))] for _ in range(n))

    def hex(self, n: int) -> str:
        return self.chars(HEX, n)

    def alnum(self, n: int) -> str:
        return self.chars(ALNUM, n)

    def digits(self, n: int) -> str:
        return str(self.between(1, 9)) + self.chars(string.digits, n - 1)

    def raw(self, n: int) -> bytes:
        return bytes(self.r.getrandbits(8) for _ in range(n))

    def b64(self, n: int) -> str:
        return base64.b64encode(self.raw(n)).decode()

    def b64url(self, n: int) -> str:
        return base64.urlsafe_b64encode(self.raw(n)).decode().rstrip("=")

    def uuid(self) -> str:
        h = self.hex(32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{self.pick('89ab')}{h[17:20]}-{h[20:]}"

    def sha(self) -> str:
        return self.hex(40)

    def short(self) -> str:
        return self.hex(7)

    def tick(self, seconds: int = 0) -> datetime:
        self.clock += timedelta(seconds=seconds or self.between(1, 900), milliseconds=self.between(0, 999))
        return self.clock

    def iso(self, frac: bool = False) -> str:
        t = self.tick()
        if frac:
            return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")

    def later(self, days: int) -> datetime:
        """A date ahead of the clock, without moving it."""
        return self.clock + timedelta(days=days)

    def stamp(self) -> str:
        return self.tick().strftime("%Y-%m-%d %H:%M:%S")

    def version(self) -> str:
        return f"{self.between(1, 9)}.{self.between(0, 40)}.{self.between(0, 19)}"

    def word(self) -> str:
        return self.pick(_WORDS)

    # -- people
    def people(self, n: int) -> list[tuple[str, str]]:
        firsts = self.r.sample(FIRST_NAMES, n)
        lasts = self.r.sample(LAST_NAMES, n)
        return list(zip(firsts, lasts, strict=True))

    def person(self) -> tuple[str, str]:
        return self.people(1)[0]

    def email_for(self, first: str, last: str, company: bool | None = None) -> str:
        f, la = _ascii(first), _ascii(last)
        if company is None:
            company = self.chance(0.5)
        domain = self.pick(COMPANY_DOMAINS if company else PERSONAL_DOMAINS)
        local = self.pick(
            [f"{f}.{la}", f"{f[0]}{la}", f"{f}_{la}", f"{f}{la[:1]}", f"{f}.{la}{self.between(1, 99)}"]
        )
        return f"{local}@{domain}"

    def email(self) -> str:
        return self.email_for(*self.person())

    def example_email(self) -> str:
        local = self.pick(["dev", "ops", "alerts", "billing", "qa", "support", "team", "ci"])
        domain = self.pick([*RESERVED_DOMAINS, "corp.example", "shop.test", "mail.example", "acme.test"])
        return f"{local}@{domain}"

    def login(self, first: str, last: str) -> str:
        f, la = _ascii(first), _ascii(last)
        return self.pick([f"{f[0]}{la}", f"{f}{la[0]}", f"{f}.{la}", f"{f}"])

    def home(self, system: str = "linux") -> str:
        first, last = self.person()
        user = _ascii(first)[0] + _ascii(last)
        return {"linux": f"/home/{user}", "mac": f"/Users/{user}", "windows": f"C:\\Users\\{user}"}[system]

    def phone(self, country: str | None = None) -> str:
        country = country or self.pick(["us", "uk", "de", "fr", "in", "au", "br", "jp", "nl", "es"])
        d = self.chars
        if country == "us":
            area = self.pick(["415", "312", "617", "206", "512", "303", "646", "718", "470", "971"])
            exch = str(self.between(201, 989))
            while exch == "555" or exch[1:] == "11":
                exch = str(self.between(201, 989))
            line = d(string.digits, 4)
            return self.pick(
                [f"+1 {area}-{exch}-{line}", f"({area}) {exch}-{line}", f"+1.{area}.{exch}.{line}"]
            )
        if country == "uk":
            if self.chance(0.5):
                mid = self.pick(["7911", "7824", "7458", "7383", "7506"])
                return self.pick([f"+44 {mid} {d(string.digits, 6)}", f"0{mid} {d(string.digits, 6)}"])
            return f"+44 20 {self.pick('38')}{d(string.digits, 3)} {d(string.digits, 4)}"
        if country == "de":
            if self.chance(0.5):
                return f"+49 {self.pick(['151', '160', '171', '176'])} {d(string.digits, 8)}"
            return f"+49 30 {d(string.digits, 8)}"
        if country == "fr":
            pairs = " ".join(d(string.digits, 2) for _ in range(4))
            return self.pick([f"+33 6 {pairs}", f"06 {pairs}", f"+33 7 {pairs}"])
        if country == "in":
            return f"+91 {self.pick('6789')}{d(string.digits, 4)} {d(string.digits, 5)}"
        if country == "au":
            return self.pick(
                [
                    f"+61 4{d(string.digits, 2)} {d(string.digits, 3)} {d(string.digits, 3)}",
                    f"04{d(string.digits, 2)} {d(string.digits, 3)} {d(string.digits, 3)}",
                ]
            )
        if country == "br":
            return f"+55 11 9{d(string.digits, 4)}-{d(string.digits, 4)}"
        if country == "jp":
            return f"+81 90-{d(string.digits, 4)}-{d(string.digits, 4)}"
        if country == "nl":
            return f"+31 6 {d(string.digits, 8)}"
        return f"+34 6{d(string.digits, 2)} {d(string.digits, 2)} {d(string.digits, 2)} {d(string.digits, 2)}"

    def ssn(self) -> str:
        area = self.between(1, 899)
        while area == 666:
            area = self.between(1, 899)
        group = self.between(1, 99)
        serial = self.between(1, 9999)
        return f"{area:03d}-{group:02d}-{serial:04d}"

    def card(self, style: str | None = None) -> str:
        while True:
            brand = self.pick(["visa", "visa", "mc", "mc2", "amex", "disc"])
            prefix, length = {
                "visa": ("4", 16),
                "mc": (str(self.between(51, 55)), 16),
                "mc2": (str(self.between(2221, 2720)), 16),
                "amex": (self.pick(["34", "37"]), 15),
                "disc": ("6011", 16),
            }[brand]
            partial = prefix + self.chars(string.digits, length - len(prefix) - 1)
            number = next(partial + c for c in string.digits if luhn_ok(partial + c))
            if number not in TEST_CARDS:
                break
        style = style or self.pick(["space", "compact", "dash"])
        if style == "compact":
            return number
        sep = " " if style == "space" else "-"
        if length == 15:
            return sep.join([number[:4], number[4:10], number[10:]])
        return sep.join(_wrap(number, 4))

    def iban(self, grouped: bool | None = None) -> str:
        country = self.pick(["DE", "GB", "NL", "AT", "CH", "IE", "DK", "SE", "LU"])
        dg, up = string.digits, string.ascii_uppercase
        bban = {
            "DE": lambda: self.chars(dg, 18),
            "GB": lambda: self.pick(["NWBK", "BARC", "LOYD", "HBUK", "MIDL"]) + self.chars(dg, 14),
            "NL": lambda: self.pick(["ABNA", "INGB", "RABO", "TRIO"]) + self.chars(dg, 10),
            "AT": lambda: self.chars(dg, 16),
            "CH": lambda: self.chars(dg, 17),
            "IE": lambda: self.pick(["AIBK", "BOFI", "IPBS"]) + self.chars(dg, 14),
            "DK": lambda: self.chars(dg, 14),
            "SE": lambda: self.chars(dg, 20),
            "LU": lambda: self.chars(dg, 3) + self.chars(up + dg, 13),
        }[country]()
        moved = bban + country + "00"
        check = 98 - int("".join(str(int(ch, 36)) for ch in moved)) % 97
        iban = f"{country}{check:02d}{bban}"
        if grouped is None:
            grouped = self.chance(0.5)
        return " ".join(_wrap(iban, 4)) if grouped else iban

    # -- networks
    def ip_public(self) -> str:
        first = self.pick(
            [23, 34, 35, 44, 52, 54, 81, 85, 91, 104, 134, 141, 146, 151, 159, 167, 178, 185, 212, 217]
        )
        return f"{first}.{self.between(2, 250)}.{self.between(1, 250)}.{self.between(11, 249)}"

    def ip_private(self) -> str:
        kind = self.pick(["10", "10", "172", "192", "100"])
        if kind == "10":
            return f"10.{self.between(0, 250)}.{self.between(1, 250)}.{self.between(11, 249)}"
        if kind == "172":
            return f"172.{self.between(16, 31)}.{self.between(1, 250)}.{self.between(11, 249)}"
        if kind == "192":
            return f"192.168.{self.between(2, 250)}.{self.between(11, 249)}"
        return f"100.{self.between(64, 127)}.{self.between(1, 250)}.{self.between(11, 249)}"

    def ip_doc(self) -> str:
        net = self.pick(["192.0.2", "198.51.100", "203.0.113"])
        return f"{net}.{self.between(10, 250)}"

    # -- secrets
    def password(self, url_safe: bool = False) -> str:
        if self.chance(0.25):
            words = [self.word().capitalize(), self.word()]
            sep = self.pick("-_.!" if not url_safe else "-_.")
            return f"{words[0]}{sep}{words[1]}{self.between(10, 9999)}{self.pick('!*^' if not url_safe else '~_')}"
        symbols = "-_.~" if url_safe else PW_SYMBOLS
        while True:
            n = self.between(14, 22)
            pw = self.chars(ALNUM + symbols + string.digits, n)
            if (
                pw[0].isalnum()
                and any(c.isdigit() for c in pw)
                and any(c.isupper() for c in pw)
                and any(c.islower() for c in pw)
            ):
                return pw

    def app_password(self) -> str:
        return "-".join(self.chars(string.ascii_lowercase, 4) for _ in range(4))

    def github(self, prefix: str | None = None) -> str:
        prefix = prefix or self.pick(["ghp", "ghp", "gho", "ghu", "ghs", "ghr"])
        payload = self.alnum(30)
        return f"{prefix}_{payload}{github_checksum(payload)}"

    def npm(self) -> str:
        payload = self.alnum(30)
        return f"npm_{payload}{github_checksum(payload)}"

    def vendor(self, cls: str) -> str:
        """A fresh token in the vendor's published layout."""
        if cls == "github-token":
            return self.github()
        if cls == "gitlab-token":
            return "glpat-" + self.chars(ALNUM + "-_", 20)
        if cls == "slack-token":
            if self.chance(0.6):
                return f"xoxb-{self.digits(11)}-{self.digits(13)}-{self.alnum(24)}"
            return f"xoxp-{self.digits(11)}-{self.digits(11)}-{self.digits(13)}-{self.hex(32)}"
        if cls == "slack-webhook":
            return self.alnum(24)
        if cls == "stripe-key":
            return self.pick(["sk_live_", "rk_live_"]) + "51" + self.alnum(96)
        if cls == "stripe-webhook-secret":
            return "whsec_" + self.alnum(32)
        if cls == "openai-key":
            head = self.pick(["sk-proj-", "sk-proj-", "sk-svcacct-"])
            return (
                head
                + self.alnum(1)
                + self.chars(B64URL, 73)
                + "T3BlbkFJ"
                + self.chars(B64URL, 73)
                + self.alnum(1)
            )
        if cls == "anthropic-key":
            return "sk-ant-api03-" + self.alnum(1) + self.chars(B64URL, 92) + "AA"
        if cls == "aws-access-key":
            while True:
                key = self.pick(["AKIA", "AKIA", "ASIA"]) + self.chars(BASE32[:26] + "234567", 16)
                if not key.endswith("EXAMPLE"):
                    return key
        if cls == "google-api-key":
            return "AIzaSy" + self.chars(B64URL, 33)
        if cls == "npm-token":
            return self.npm()
        if cls == "pypi-token":
            raw = b"\x02\x01\x08pypi.org\x02\x24" + self.uuid().encode() + b"\x00\x02\x2a" + self.raw(70)
            return "pypi-" + base64.urlsafe_b64encode(raw).decode().rstrip("=")
        if cls == "huggingface-token":
            return "hf_" + self.chars(string.ascii_letters, 34)
        if cls == "sendgrid-key":
            return f"SG.{self.chars(B64URL, 22)}.{self.chars(B64URL, 43)}"
        if cls == "digitalocean-token":
            return "dop_v1_" + self.hex(64)
        if cls == "sentry-token":
            if self.chance(0.5):
                return "sntryu_" + self.hex(64)
            claims = {"iat": 1773480000 + self.between(0, 9999999), "url": "https://sentry.io", "org": "acme"}
            claims["region_url"] = "https://de.sentry.io"
            payload = base64.b64encode(json.dumps(claims, separators=(",", ":")).encode()).decode()
            return f"sntrys_{payload}_{self.alnum(43)}"
        if cls == "grafana-token":
            if self.chance(0.5):
                return f"glsa_{self.alnum(32)}_{self.hex(8)}"
            claims = {
                "o": self.digits(6),
                "n": f"stack-{self.digits(6)}-hm-write-{self.word()}",
                "k": self.alnum(24),
            }
            claims["m"] = {"r": self.pick(["prod-eu-west-2", "prod-us-east-0"])}
            return "glc_" + base64.b64encode(json.dumps(claims, separators=(",", ":")).encode()).decode()
        if cls == "shopify-token":
            return self.pick(["shpat_", "shpat_", "shpca_", "shpss_"]) + self.hex(32)
        if cls == "heroku-key":
            return "HRKU-AA" + self.chars(ALNUM + "_-", 58)
        if cls == "vault-token":
            if self.chance(0.5):
                return "hvs." + self.alnum(24)
            return "hvs.CAESI" + self.chars(B64URL, 86)
        if cls == "flyio-token":
            raw = b"\x94\x93\xc4" + self.raw(self.between(150, 220))
            return "fm2_" + base64.b64encode(raw).decode()
        if cls == "netlify-token":
            return "nfp_" + self.alnum(40)
        if cls == "newrelic-key":
            if self.chance(0.5):
                return "NRAK-" + self.chars(UPPER_ALNUM, 27)
            return self.hex(36) + "NRAL"
        if cls == "databricks-token":
            return "dapi" + self.hex(32) + self.pick(["", "", "-2", "-3"])
        raise KeyError(cls)

    def aws_secret(self) -> str:
        return self.chars(ALNUM + "+/", 40)

    def opaque(self, n: int = 40) -> str:
        return self.chars(ALNUM, n)

    def ya29(self) -> str:
        return "ya29.a0" + self.chars(B64URL, 180)

    def google_refresh(self) -> str:
        return "1//0" + self.pick("3569cg") + self.chars(B64URL, 99)

    def jwt(self, claims: Mapping[str, object], alg: str = "RS256") -> str:
        header: dict[str, object] = {"alg": alg, "typ": "JWT"}
        if alg != "HS256":
            header["kid"] = self.b64url(15)
        sig = self.raw({"RS256": 256, "HS256": 32, "ES256": 64, "EdDSA": 64}[alg])
        parts = [
            base64.urlsafe_b64encode(json.dumps(header, separators=(",", ":")).encode()),
            base64.urlsafe_b64encode(json.dumps(claims, separators=(",", ":")).encode()),
            base64.urlsafe_b64encode(sig),
        ]
        return ".".join(p.decode().rstrip("=") for p in parts)

    def claims(self, iss: str, aud: str, **extra: object) -> dict[str, object]:
        iat = 1773480000 + self.between(0, 3000000)
        out: dict[str, object] = {"iss": iss, "sub": self.uuid(), "aud": aud, "iat": iat, "exp": iat + 3600}
        out.update(extra)
        return out

    # -- keys
    def rsa_der(self, bits: int = 2048) -> bytes:
        def odd(nbits: int) -> int:
            return self.r.getrandbits(nbits) | (1 << (nbits - 1)) | 1

        n = odd(bits)
        half = bits // 2
        fields = [
            0,
            n,
            65537,
            odd(bits - 1),
            odd(half),
            odd(half),
            odd(half - 1),
            odd(half - 1),
            odd(half - 1),
        ]
        return _der(0x30, b"".join(_der_int(v) for v in fields))

    def ec_der(self, with_params: bool = True) -> bytes:
        content = _der_int(1) + _der(0x04, self.raw(32))
        if with_params:
            content += _der(0xA0, _OID_P256)
        content += _der(0xA1, _der(0x03, b"\x00\x04" + self.raw(64)))
        return _der(0x30, content)

    def pem(self, kind: str | None = None) -> tuple[str, list[str]]:
        """A private key: its PEM label and its body lines."""
        kind = kind or self.pick(["rsa", "pkcs8-rsa", "ec", "pkcs8-ec", "openssh"])
        if kind == "rsa":
            return "RSA PRIVATE KEY", _wrap(base64.b64encode(self.rsa_der()).decode(), 64)
        if kind == "pkcs8-rsa":
            inner = self.rsa_der()
            der = _der(0x30, _der_int(0) + _der(0x30, _OID_RSA + b"\x05\x00") + _der(0x04, inner))
            return "PRIVATE KEY", _wrap(base64.b64encode(der).decode(), 64)
        if kind == "ec":
            return "EC PRIVATE KEY", _wrap(base64.b64encode(self.ec_der()).decode(), 64)
        if kind == "pkcs8-ec":
            inner = self.ec_der(with_params=False)
            der = _der(0x30, _der_int(0) + _der(0x30, _OID_EC + _OID_P256) + _der(0x04, inner))
            return "PRIVATE KEY", _wrap(base64.b64encode(der).decode(), 64)
        return "OPENSSH PRIVATE KEY", _wrap(base64.b64encode(self.openssh()).decode(), 70)

    def openssh(self) -> bytes:
        pub = self.raw(32)
        key_type = b"ssh-ed25519"
        blob = _ssh_string(key_type) + _ssh_string(pub)
        check = self.raw(4)
        comment = f"deploy@{self.pick(['ci-runner', 'build-7', 'bastion'])}".encode()
        private = check + check + _ssh_string(key_type) + _ssh_string(pub)
        private += _ssh_string(self.raw(32) + pub) + _ssh_string(comment)
        pad = 1
        while len(private) % 8:
            private += bytes([pad])
            pad += 1
        head = b"openssh-key-v1\x00" + _ssh_string(b"none") + _ssh_string(b"none") + _ssh_string(b"")
        return head + (1).to_bytes(4, "big") + _ssh_string(blob) + _ssh_string(private)

    def pgp_body(self) -> list[str]:
        """An ASCII-armored OpenPGP secret key packet's body lines, checksum line last."""
        content = b"\x04" + (1773480000 + self.between(0, 999999)).to_bytes(4, "big") + b"\x16"
        content += b"\x09\x2b\x06\x01\x04\x01\xda\x47\x0f\x01" + b"\x01\x07\x40" + self.raw(32) + b"\x00"
        content += self.raw(34)
        packet = bytes([0xC5, len(content)]) + content
        packet += bytes([0xC7, 40]) + self.raw(40)
        checksum = base64.b64encode(crc24(packet).to_bytes(3, "big")).decode()
        return [*_wrap(base64.b64encode(packet).decode(), 64), "=" + checksum]

    def age_key(self) -> str:
        return _bech32_encode("age-secret-key-", self.raw(32)).upper()

    def nkey_seed(self) -> str:
        raw = bytes([149, 0]) + self.raw(32)
        raw += crc16_xmodem(raw).to_bytes(2, "little")
        return base64.b32encode(raw).decode().rstrip("=")


# ---------------------------------------------------------------------------------------------------------
# Templates: one kind of document each, from one setting


@attrs.frozen
class Template:
    setting: str
    name: str
    count: int
    make: Callable[[Gen], Body]


TEMPLATES: list[Template] = []

Maker = Callable[[Gen], Body]


def template(setting: str, count: int) -> Callable[[Maker], Maker]:
    def register(make: Maker) -> Maker:
        TEMPLATES.append(Template(setting, make.__name__.strip("_"), count, make))
        return make

    return register


def sv(g: Gen, cls: str) -> S:
    return S(cls, g.vendor(cls))


def hook(g: Gen) -> list[Piece]:
    return fill(
        "https://hooks.slack.com/services/T«t»/B«b»/«s»",
        t=g.chars(UPPER_ALNUM, 10),
        b=g.chars(UPPER_ALNUM, 10),
        s=sv(g, "slack-webhook"),
    )


def pem_block(g: Gen, kind: str | None = None, escaped: bool = False) -> list[Piece]:
    """A private key with its markers; only the body between them is the secret."""
    label, lines = g.pem(kind)
    nl = "\\n" if escaped else "\n"
    return [
        (f"-----BEGIN {label}-----{nl}", ""),
        (nl.join(lines), "private-key"),
        (f"{nl}-----END {label}-----", ""),
    ]


def project(g: Gen) -> str:
    org = g.pick(["acme", "orbital", "tidewater", "kestrel"])
    return f"{org}-{g.pick(['prod', 'data', 'web', 'ml'])}-{g.digits(4)}"


def sa_email(g: Gen, proj: str) -> str:
    return (
        f"{g.pick(['ci-deployer', 'terraform', 'github-actions', 'loader'])}@{proj}.iam.gserviceaccount.com"
    )


# -- cloud CLIs -------------------------------------------------------------------------------------------


@template("cloud-cli", 3)
def gcloud_key_create(g: Gen) -> Body:
    proj = project(g)
    sa = sa_email(g, proj)
    kid = S("sa-private-key-id", g.sha())
    return body(
        "output",
        "key.json",
        "console",
        """$ gcloud iam service-accounts keys create key.json --iam-account=«sa»
created key [«kid»] of type [json] as [key.json] for [«sa»]
$ cat key.json
{
  "type": "service_account",
  "project_id": "«proj»",
  "private_key_id": "«kid»",
  "private_key": "«pk»\\n",
  "client_email": "«sa»",
  "client_id": "«cid»",
  "auth_uri": "⟦https://accounts.google.com/o/oauth2/auth⟧",
  "token_uri": "⟦https://oauth2.googleapis.com/token⟧",
  "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
  "universe_domain": "googleapis.com"
}
""",
        sa=sa,
        kid=kid,
        proj=proj,
        pk=pem_block(g, g.pick(["pkcs8-rsa", "pkcs8-ec"]), escaped=True),
        cid=g.digits(21),
    )


@template("cloud-cli", 1)
def gcloud_keys_list(g: Gen) -> Body:
    proj = project(g)
    rows: list[Piece] = []
    for _ in range(2):
        created = g.iso()
        expires = g.pick(["9999-12-31T23:59:59Z", g.iso()])
        rows += fill("«k»  «c»  «e»\n", k=S("sa-private-key-id", g.sha()), c=K(created), e=expires)
    return body(
        "output",
        "",
        "console",
        """$ gcloud iam service-accounts keys list --iam-account=«sa» --managed-by=user
KEY_ID                                    CREATED_AT            EXPIRES_AT
«rows»$ gcloud config get-value project
«proj»
""",
        sa=sa_email(g, proj),
        rows=rows,
        proj=proj,
    )


@template("cloud-cli", 1)
def gcloud_compute_list(g: Gen) -> Body:
    rows: list[Piece] = []
    for name in g.r.sample(["web-1", "web-2", "worker-a", "pg-primary", "bastion"], 1):
        internal = f"10.{g.between(128, 190)}.0.{g.between(11, 249)}"
        rows += fill(
            "«n»  europe-west1-b  e2-standard-4               «i»               RUNNING\n",
            n=name.ljust(10),
            i=S("ip-address", internal),
        )
    return body(
        "output",
        "",
        "console",
        """$ gcloud compute instances list --filter="labels.env=prod"
⟦NAME        ZONE            MACHINE_TYPE   PREEMPTIBLE  INTERNAL_IP  EXTERNAL_IP    STATUS⟧
«rows»$ gcloud compute routes list --filter="network=default" --format="value(destRange)" | head -2
⟦10.128.0.0/20⟧
⟦0.0.0.0/0⟧
""",
        rows=rows,
    )


@template("cloud-cli", 1)
def gcloud_auth(g: Gen) -> Body:
    proj = project(g)
    return body(
        "output",
        "",
        "console",
        """$ gcloud config list
[compute]
region = europe-west1
[core]
account = «acct»
disable_usage_reporting = True
project = «proj»

Your active configuration is: [default]
$ gcloud auth print-access-token
«tok»
$ gcloud --version | head -1
Google Cloud SDK ⟦«ver»⟧
""",
        acct=sa_email(g, proj),
        proj=proj,
        tok=S("oauth-token", g.ya29()),
        ver=f"{g.between(460, 520)}.0.0",
    )


@template("cloud-cli", 1)
def az_sp_create(g: Gen) -> Body:
    sub = g.uuid()
    pw = g.alnum(3) + "8Q~" + g.chars(ALNUM + "_.~-", 31)
    return body(
        "output",
        "",
        "console",
        """$ az ad sp create-for-rbac --name gh-deployer --role contributor --scopes \
/subscriptions/«sub»/resourceGroups/rg-web
Creating 'contributor' role assignment under scope '/subscriptions/«sub»/resourceGroups/rg-web'
The output includes credentials that you must protect. Be sure that you do not include these \
credentials in your code or check the credentials into your source control. For more information, see \
https://aka.ms/azadsp-cli
{
  "appId": "«app»",
  "displayName": "gh-deployer",
  "password": "«pw»",
  "tenant": "«tenant»"
}
""",
        sub=sub,
        app=K(g.uuid()),
        pw=S("config-secret", pw),
        tenant=K(g.uuid()),
    )


@template("cloud-cli", 1)
def az_storage_keys(g: Gen) -> Body:
    acct = f"st{g.pick(['acme', 'orbital', 'kestrel'])}{g.pick(['logs', 'media', 'backup'])}{g.digits(2)}"
    if g.chance(0.5):
        return body(
            "output",
            "",
            "console",
            """$ az storage account keys list -g rg-data -n «acct» --query "[?keyName=='key1']" -o json
[
  {
    "creationTime": "«t1»",
    "keyName": "key1",
    "permissions": "FULL",
    "value": "«k1»"
  }
]
""",
            acct=acct,
            t1=K(g.iso()[:-1] + ".5531780+00:00"),
            k1=S("config-secret", g.b64(64)),
        )
    return body(
        "output",
        "",
        "console",
        """$ az storage account show-connection-string -g rg-data -n «acct» -o tsv
DefaultEndpointsProtocol=https;EndpointSuffix=core.windows.net;AccountName=«acct»;AccountKey=«k»;BlobEndpoint=https://«acct».blob.core.windows.net/
$ az storage container list --account-name «acct» --query "[].name" -o tsv
uploads
thumbnails
""",
        acct=acct,
        k=S("config-secret", g.b64(64)),
    )


@template("cloud-cli", 1)
def az_access_token(g: Gen) -> Body:
    tenant = g.uuid()
    tok = g.jwt(
        g.claims(f"https://sts.windows.net/{tenant}/", "https://management.core.windows.net/", tid=tenant)
    )
    return body(
        "output",
        "",
        "console",
        """$ az account get-access-token --output json
{
  "accessToken": "«tok»",
  "expiresOn": "«exp»",
  "expires_on": «epoch»,
  "subscription": "«sub»",
  "tenant": "«tenant»",
  "tokenType": "Bearer"
}
""",
        tok=S("jwt", tok),
        exp=K(g.stamp() + ".000000"),
        epoch=str(1773480000 + g.between(0, 999999)),
        sub=K(g.uuid()),
        tenant=tenant,
    )


@template("cloud-cli", 1)
def aws_sts(g: Gen) -> Body:
    acct = g.digits(12)
    return body(
        "output",
        "",
        "console",
        """$ aws sts assume-role --role-arn arn:aws:iam::«acct»:role/deploy --role-session-name ci-«n»
{
    "Credentials": {
        "AccessKeyId": "«ak»",
        "SecretAccessKey": "«sk»",
        "SessionToken": "«st»",
        "Expiration": "«exp»"
    },
    "AssumedRoleUser": {
        "AssumedRoleId": "AROA«rid»:ci-«n»",
        "Arn": "arn:aws:sts::«acct»:assumed-role/deploy/ci-«n»"
    }
}
""",
        acct=acct,
        n=g.digits(4),
        ak=S("aws-access-key", "ASIA" + g.chars(BASE32, 16)),
        sk=S("aws-secret-key", g.aws_secret()),
        st=S("config-secret", "IQoJb3JpZ2luX2VjE" + g.chars(B64STD, 380) + "="),
        exp=K(g.iso()[:-1] + "+00:00"),
        rid=g.chars(UPPER_ALNUM, 17),
    )


@template("cloud-cli", 4)
def aws_credentials_file(g: Gen) -> Body:
    return body(
        "file",
        "~/.aws/credentials",
        "ini",
        """[default]
aws_access_key_id = «ak»
aws_secret_access_key = «sk»
⟦region = eu-west-1⟧

[prod-admin]
role_arn = arn:aws:iam::«acct»:role/OrganizationAccountAccessRole
⟦source_profile = default⟧
mfa_serial = arn:aws:iam::«acct2»:mfa/«who»
""",
        ak=sv(g, "aws-access-key"),
        sk=S("aws-secret-key", g.aws_secret()),
        acct=g.digits(12),
        acct2=g.digits(12),
        who=g.pick(["ops-break-glass", "deploy-bot", "ci"]),
    )


@template("cloud-cli", 1)
def aws_ec2_describe(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ aws ec2 describe-instances --filters Name=tag:Name,Values=api-* --query 'Reservations[].Instances[]'
[
    {
        "InstanceId": "i-0«iid»",
        "InstanceType": "⟦m6i.large⟧",
        "LaunchTime": "«lt»",
        "PrivateIpAddress": "«priv»",
        "State": {
            "Code": 16,
            "Name": "running"
        },
        "SubnetId": "⟦subnet-0«sub»⟧",
        "VpcId": "vpc-0«vpc»"
    }
]
""",
        iid=g.hex(16),
        lt=K(g.iso()[:-1] + "+00:00"),
        priv=S("ip-address", f"10.{g.between(0, 99)}.{g.between(1, 250)}.{g.between(11, 249)}"),
        sub=g.hex(16),
        vpc=g.hex(16),
    )


@template("cloud-cli", 2)
def aws_s3_presign(g: Gen) -> Body:
    t = g.tick()
    date = t.strftime("%Y%m%d")
    return body(
        "output",
        "",
        "console",
        """$ aws s3 presign s3://acme-exports/reports/«f».csv --expires-in 3600
https://acme-exports.s3.eu-west-1.amazonaws.com/reports/«f».csv?⟦X-Amz-Algorithm=AWS4-HMAC-SHA256⟧&X-Amz-Credential=«ak»%2F«d»%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=«d»T«hms»Z&⟦X-Amz-Expires=3600⟧&X-Amz-SignedHeaders=host&X-Amz-Signature=«sig»
""",
        f=f"{g.pick(['q1-revenue', 'churn', 'payouts'])}-{date}",
        ak=g.vendor("aws-access-key"),
        d=date,
        hms=t.strftime("%H%M%S"),
        sig=S("url-credential", g.hex(64)),
    )


@template("cloud-cli", 1)
def aws_secretsmanager(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ aws secretsmanager get-secret-value --secret-id prod/orders/db
{
    "ARN": "arn:aws:secretsmanager:eu-west-1:«acct»:secret:prod/orders/db-«sfx»",
    "Name": "prod/orders/db",
    "VersionId": "«vid»",
    "SecretString": "{\\"username\\":\\"orders_app\\",\\"password\\":\\"«pw»\\",\\"engine\\":\\"postgre\
s\\",\\"port\\":5432}",
    "VersionStages": [
        "AWSCURRENT"
    ],
    "CreatedDate": "«cd»"
}
""",
        acct=g.digits(12),
        sfx=g.alnum(6),
        vid=K(g.uuid()),
        pw=S("password", g.password()),
        cd=K(g.iso()[:-1] + ".412000+00:00"),
    )


@template("cloud-cli", 4)
def doctl_config(g: Gen) -> Body:
    return body(
        "file",
        "~/.config/doctl/config.yaml",
        "yaml",
        """access-token: «t1»
auth-contexts:
  staging: ⟦${DIGITALOCEAN_TOKEN_STAGING}⟧
context: default
output: text
apps.dev.config.set.dev_token: ""
""",
        t1=sv(g, "digitalocean-token"),
    )


@template("cloud-cli", 1)
def doctl_databases(g: Gen) -> Body:
    dbid = g.uuid()
    host = f"db-postgresql-fra1-{g.digits(5)}-do-user-{g.digits(7)}-0.b.db.ondigitalocean.com"
    return body(
        "output",
        "",
        "console",
        """$ doctl databases list
ID                                      Name              Engine    Version    Number of Nodes    \
Region    Status    Size
«dbid»    orders-pg         pg        ⟦16⟧         1                  fra1      online    db-s-1vcpu-2gb
$ doctl databases connection «dbid» --format URI --no-header
postgresql://doadmin:«pw»@«host»:25060/defaultdb?⟦sslmode=require⟧
""",
        dbid=K(dbid),
        pw=S("connection-password", g.password(url_safe=True)),
        host=host,
    )


@template("cloud-cli", 1)
def doctl_droplets(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ doctl auth switch --context ci
Now using context [ci] by default
$ doctl compute droplet list --format Name,PublicIPv4,PrivateIPv4,Status
Name          Public IPv4       Private IPv4    Status
web-fra1-01   «pub»    ⟦10.114.0.0/20⟧ (vpc)    active
""",
        pub=S("ip-address", g.ip_public()),
    )


@template("cloud-cli", 1)
def heroku_netrc(g: Gen) -> Body:
    first, last = g.person()
    mail = S("email", g.email_for(first, last))
    key = sv(g, "heroku-key")
    return body(
        "file",
        "~/.netrc",
        "",
        """machine api.heroku.com
  login «m»
  password «k»
machine ⟦registry.npmjs.org⟧
  login ⟦${NPM_USER}⟧
  password ⟦${NPM_TOKEN}⟧
""",
        m=mail,
        k=key,
    )


@template("cloud-cli", 1)
def heroku_config(g: Gen) -> Body:
    quad = "-".join(str(g.between(3, 250)) for _ in range(4))
    host = f"ec2-{quad}.eu-west-1.compute.amazonaws.com"
    return body(
        "output",
        "",
        "console",
        """$ heroku config -a acme-api
=== acme-api Config Vars

DATABASE_URL:        postgres://u«u»:«pw»@«host»:5432/d«d»
NODE_ENV:            production
PAPERTRAIL_API_TOKEN: ⟦(set by add-on)⟧
SENDGRID_API_KEY:    «sg»
WEB_CONCURRENCY:     2
""",
        u=g.chars(LOWER_ALNUM, 13),
        pw=S("connection-password", g.hex(64)),
        host=host,
        d=g.chars(LOWER_ALNUM, 13),
        sg=sv(g, "sendgrid-key"),
    )


@template("cloud-cli", 4)
def heroku_auth_token(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ heroku auth:token
 \u203a   Warning: token will expire 03/14/2027
 \u203a   Use heroku authorizations:create to generate a long-term token
«k»
$ heroku authorizations
Heroku CLI login                 ⟦«id»⟧  global
release pipeline                 «id2»  global
$ heroku --version
heroku/⟦9.3.0⟧ linux-x64 node-v20.17.0
""",
        k=sv(g, "heroku-key"),
        id=g.uuid(),
        id2=g.uuid(),
    )


@template("cloud-cli", 3)
def vercel_env_pull(g: Gen) -> Body:
    oidc = g.jwt(
        g.claims(
            "https://oidc.vercel.com/acme", "https://vercel.com/acme", owner="acme", environment="development"
        )
    )
    return body(
        "file",
        ".env.local",
        "dotenv",
        """# Created by Vercel CLI
VERCEL="1"
VERCEL_ENV="development"
VERCEL_GIT_COMMIT_SHA="«sha»"
VERCEL_OIDC_TOKEN="«oidc»"
DATABASE_URL="⟦${POSTGRES_URL}⟧"
NEXT_PUBLIC_POSTHOG_KEY="«phc»"
STRIPE_SECRET_KEY="«sk»"
""",
        sha=K(g.sha()),
        oidc=S("jwt", oidc),
        phc=K("phc_" + g.alnum(43)),
        sk=sv(g, "stripe-key"),
    )


@template("cloud-cli", 1)
def vercel_auth_json(g: Gen) -> Body:
    return body(
        "file",
        "~/.local/share/com.vercel.cli/auth.json",
        "json",
        """{
  "// Note": "⟦This is your Vercel credentials file. DO NOT SHARE!⟧",
  "// Docs": "⟦https://vercel.com/docs/projects/project-configuration/global-configuration#auth.json⟧",
  "token": "«t»"
}
""",
        t=S("config-secret", g.alnum(24)),
    )


@template("cloud-cli", 4)
def netlify_config(g: Gen) -> Body:
    uid = g.hex(24)
    return body(
        "file",
        "~/.config/netlify/config.json",
        "json",
        """{
  "telemetryDisabled": false,
  "cliId": "«cli»",
  "userId": "«uid»",
  "users": {
    "«uid»": {
      "id": "«uid»",
      "slug": "acme-web",
      "auth": {
        "token": "«tok»",
        "github": {}
      }
    }
  }
}
""",
        cli=K(g.uuid()),
        uid=uid,
        tok=sv(g, "netlify-token"),
    )


@template("cloud-cli", 4)
def netlify_status(g: Gen) -> Body:
    tok = sv(g, "netlify-token")
    return body(
        "output",
        "",
        "console",
        """$ NETLIFY_AUTH_TOKEN=«tok» netlify status
──────────────────────┐
 Current Netlify User │
──────────────────────┘
Teams:
  Acme Web: Collaborator
────────────────────┐
 Netlify Site Info  │
────────────────────┘
Current site: acme-docs
Admin URL:    https://app.netlify.com/sites/acme-docs
Site URL:     https://acme-docs.netlify.app
Project Id:   «sid»
""",
        tok=tok,
        sid=K(g.uuid()),
    )


@template("cloud-cli", 4)
def fly_tokens(g: Gen) -> Body:
    tok = sv(g, "flyio-token")
    if g.chance(0.5):
        return body(
            "output",
            "",
            "console",
            """$ fly tokens create deploy -a acme-api -x 8760h
FlyV1 «tok»
$ fly secrets list -a acme-api
NAME            DIGEST                  CREATED AT
DATABASE_URL    «d1»        2h ago
SESSION_SECRET  «d2»        2h ago
""",
            tok=tok,
            d1=K(g.hex(16)),
            d2=K(g.hex(16)),
        )
    return body(
        "file",
        ".github/workflows/fly.yml",
        "yaml",
        """name: Fly Deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@⟦v4⟧
      - uses: superfly/flyctl-actions/setup-flyctl@master
      - run: flyctl deploy --remote-only
        env:
          FLY_API_TOKEN: "FlyV1 «tok»"
""",
        tok=tok,
    )


@template("cloud-cli", 1)
def fly_pg_create(g: Gen) -> Body:
    pw = g.alnum(16)
    return body(
        "output",
        "",
        "console",
        """$ fly postgres create --name acme-db --region fra --initial-cluster-size 1
Creating postgres cluster in organization acme
Creating app...
Setting secrets on app acme-db...
Provisioning 1 of 1 machines with image flyio/postgres-flex:«ver»
Waiting for machine to start...
Machine «mid» is created
Postgres cluster acme-db created
  Username:    postgres
  Password:    «p1»
  Hostname:    acme-db.internal
  Flycast:     ⟦acme-db.flycast⟧
  Proxy port:  5432
  Postgres port:  5433
  Connection string: postgres://postgres:«p2»@acme-db.flycast:5432

Save your credentials in a secure place -- you won't be able to see them again!
""",
        ver=K(f"{g.between(15, 16)}.{g.between(2, 8)}"),
        mid=g.hex(14),
        p1=S("password", pw),
        p2=S("connection-password", pw),
    )


@template("cloud-cli", 1)
def fly_ips(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ fly ips list -a acme-api
VERSION IP                      TYPE                    REGION  CREATED AT
v6      ⟦2001:db8::«v6»⟧          private                 fra     «t»
v4      «v4»           public (shared)
""",
        v6=g.hex(4),
        t=K(g.iso()),
        v4=S("ip-address", f"66.241.{g.between(124, 125)}.{g.between(11, 249)}"),
    )


@template("cloud-cli", 4)
def wrangler_dev_vars(g: Gen) -> Body:
    return body(
        "file",
        ".dev.vars",
        "dotenv",
        """# local secrets for `wrangler dev` (never deployed)
STRIPE_WEBHOOK_SECRET=«wh»
OPENAI_API_KEY=«oa»
SESSION_SECRET=⟦changeme⟧
ENVIRONMENT=development
""",
        wh=sv(g, "stripe-webhook-secret"),
        oa=sv(g, "openai-key"),
    )


@template("cloud-cli", 1)
def wrangler_deploy(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ CLOUDFLARE_API_TOKEN=«cf» npx wrangler deploy
 ⛅️ wrangler ⟦«ver»⟧
-------------------
👋 You are logged in with an API Token.
Total Upload: 412.37 KiB / gzip: 88.14 KiB
Worker Startup Time: 14 ms
Uploaded acme-edge (3.41 sec)
Deployed acme-edge triggers (0.62 sec)
  https://acme-edge.acme.workers.dev
Current Version ID: «vid»
""",
        cf=S("config-secret", g.chars(ALNUM + "_-", 40)),
        ver=f"3.{g.between(60, 99)}.{g.between(0, 9)}",
        vid=K(g.uuid()),
    )


@template("cloud-cli", 2)
def kubectl_secret_yaml(g: Gen) -> Body:
    user = base64.b64encode(g.pick(["orders_app", "reporting", "api"]).encode()).decode()
    pw = base64.b64encode(g.password().encode()).decode()
    uid = g.uuid()
    created = g.iso()
    return body(
        "output",
        "",
        "console",
        """$ kubectl get secret orders-db -n prod -o yaml
apiVersion: v1
data:
  password: «pw»
  username: «user»
⟦kind: Secret⟧
metadata:
  creationTimestamp: "«created»"
  name: orders-db
  namespace: prod
  resourceVersion: "«rv»"
  uid: «uid»
⟦type: Opaque⟧
""",
        pw=S("k8s-secret-data", pw),
        user=S("k8s-secret-data", user),
        created=K(created),
        rv=g.digits(8),
        uid=K(uid),
    )


@template("cloud-cli", 2)
def kubectl_sa_token(g: Gen) -> Body:
    tok = g.jwt(g.claims("kubernetes/serviceaccount", "kubernetes"))
    ns = g.pick(["ci-system", "deploy-agents", "build-runners"])
    return body(
        "output",
        "",
        "console",
        """$ kubectl -n «ns» get secret deployer-token -o jsonpath='{.data}' | jq .
{
  "ca.crt": "«ca»",
  "namespace": "«nsb»",
  "token": "«tok»"
}
""",
        ns=ns,
        ca="LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM" + g.chars(B64STD, 120),
        nsb=K(base64.b64encode(ns.encode()).decode()),
        tok=S("k8s-secret-data", base64.b64encode(tok.encode()).decode()),
    )


# -- CI systems -------------------------------------------------------------------------------------------


@template("ci", 4)
def gha_workflow(g: Gen) -> Body:
    extra: list[Piece] = fill("  AWS_REGION: ⟦eu-west-1⟧\n") if g.chance(0.5) else []
    return body(
        "file",
        ".github/workflows/release.yml",
        "yaml",
        """name: release
on:
  push:
    tags: ["v*"]
env:
  NODE_VERSION: "20"
  SLACK_WEBHOOK_URL: «hook»
«extra»jobs:
  publish:
    runs-on: ubuntu-24.04
    permissions:
      contents: write
      id-token: write
    steps:
      - uses: actions/checkout@«pin» # ⟦v4.2.2⟧
      - uses: actions/setup-node@v4
        with:
          node-version: ${{ env.NODE_VERSION }}
          registry-url: https://registry.npmjs.org
      - run: npm ci && npm publish --provenance
        env:
          NODE_AUTH_TOKEN: ⟦${{ secrets.NPM_TOKEN }}⟧
""",
        hook=hook(g),
        extra=extra,
        pin=K(g.sha()),
    )


@template("ci", 1)
def gha_log_mask(g: Gen) -> Body:
    tok = S("config-secret", g.opaque(g.between(32, 48)))
    return body(
        "output",
        "",
        "console",
        """##[group]Run ./scripts/fetch-deploy-token.sh
⟦./scripts/fetch-deploy-token.sh⟧
shell: /usr/bin/bash -e {0}
env:
  DEPLOY_ENV: production
##[endgroup]
fetching short-lived deploy token from vault...
::add-mask::«tok»
token ttl: 900s
##[group]Run curl -fsS -X POST https://deploy.acme-corp.io/api/releases
curl -fsS -X POST https://deploy.acme-corp.io/api/releases -H "Authorization: Bearer ***" -d '{"sha":"«sha»"}'
##[endgroup]
{"release":"«rel»","status":"queued"}
""",
        tok=tok,
        sha=K(g.sha()),
        rel=K(g.uuid()),
    )


@template("ci", 1)
def gha_log_git_identity(g: Gen) -> Body:
    repo = g.pick(["acme/api", "acme/web", "acme/infra"])
    return body(
        "output",
        "",
        "console",
        """##[group]Run git config --global user.name "github-actions[bot]"
git config --global user.name "github-actions[bot]"
git config --global user.email "⟦41898282+github-actions[bot]@users.noreply.github.com⟧"
git remote set-url origin https://x-access-token:«tok»@github.com/«repo».git
git push origin HEAD:refs/heads/chore/bump-deps
shell: /usr/bin/bash -e {0}
##[endgroup]
To https://github.com/«repo».git
 * [new branch]      HEAD -> chore/bump-deps
""",
        tok=S("github-token", g.github("ghs")),
        repo=repo,
    )


@template("ci", 1)
def gitlab_ci_yml(g: Gen) -> Body:
    user = g.pick(["deploy-bot", "ci-pusher", "registry-ro"])
    auth = base64.b64encode(f"{user}:{g.vendor('gitlab-token')}".encode()).decode()
    return body(
        "file",
        ".gitlab-ci.yml",
        "yaml",
        """stages: [build, deploy]

variables:
  DOCKER_AUTH_CONFIG: '{"auths":{"registry.gitlab.com":{"auth":"«auth»"}}}'
  NODE_IMAGE: node:⟦20.11.1⟧-alpine

build:
  stage: build
  image: $NODE_IMAGE
  script:
    - npm ci
    - npm run build

release-notes:
  stage: deploy
  script:
    - 'curl --fail --header "PRIVATE-TOKEN: «pat»" "https://gitlab.com/api/v4/projects/«pid»/releases"'
    - echo "job token is ⟦$CI_JOB_TOKEN⟧ (masked)"
""",
        auth=S("config-secret", auth),
        pat=sv(g, "gitlab-token"),
        pid=g.digits(8),
    )


@template("ci", 1)
def gitlab_job_log(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """Running with gitlab-runner ⟦17.2.1⟧ (9882d9c7)
  on docker-autoscaler-3 t2_xYz81, system ID: s_«sid»
Preparing the "docker" executor
Using Docker executor with image alpine:3.20 ...
Pulling docker image alpine:3.20 ...
Using docker image ⟦sha256:«dig»⟧ for alpine:3.20
Executing "step_script" stage of the job script
$ git clone https://oauth2:«pat»@gitlab.com/acme/infra-secrets.git
Cloning into 'infra-secrets'...
$ mysql -h billing-db.internal -u ci -p«pw» billing < migrations/0042_add_invoices.sql
mysql: [Warning] Using a password on the command line interface can be insecure.
Job succeeded
""",
        sid=g.hex(12),
        dig=g.hex(64),
        pat=sv(g, "gitlab-token"),
        pw=S("cli-password", g.password()),
    )


@template("ci", 1)
def jenkinsfile(g: Gen) -> Body:
    return body(
        "file",
        "Jenkinsfile",
        "groovy",
        """pipeline {
  agent { label 'docker' }
  environment {
    SONAR_TOKEN = ⟦credentials('sonar-token')⟧
    REGISTRY = 'registry.acme-corp.io'
  }
  stages {
    stage('Push') {
      steps {
        sh "docker login -u deploy -p «pw» ${REGISTRY}"
        sh 'docker push ${REGISTRY}/api:${GIT_COMMIT}'
      }
    }
    stage('Notify') {
      steps {
        sh 'curl -s -u "admin:${NEXUS_PASSWORD}" https://nexus.acme-corp.io/service/rest/v1/status'
      }
    }
  }
}
""",
        pw=S("cli-password", g.password()),
    )


@template("ci", 1)
def jenkins_console(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """Started by timer
Running in Durability level: MAX_SURVIVABILITY
[Pipeline] Start of Pipeline
[Pipeline] node
Running on build-agent-04 in /var/lib/jenkins/workspace/nightly-report
[Pipeline] withCredentials
⟦Masking supported pattern matches of $NEXUS_PASSWORD⟧
[Pipeline] {
[Pipeline] sh
+ PGPASSWORD=«pw» psql -h analytics-ro.db.internal -U report -d analytics -c '\\copy (select * from \
daily_kpis) to kpis.csv csv header'
COPY 1432
[Pipeline] }
[Pipeline] // withCredentials
[Pipeline] End of Pipeline
Finished: SUCCESS
""",
        pw=S("cli-password", g.password()),
    )


@template("ci", 1)
def circleci_config(g: Gen) -> Body:
    return body(
        "file",
        ".circleci/config.yml",
        "yaml",
        """version: 2.1
orbs:
  node: ⟦circleci/node@5.2.0⟧
  aws-cli: circleci/aws-cli@4.1
jobs:
  deploy:
    docker:
      - image: cimg/python:3.12
    environment:
      AWS_DEFAULT_REGION: eu-central-1
      AWS_ACCESS_KEY_ID: «ak»
      AWS_SECRET_ACCESS_KEY: «sk»
    steps:
      - checkout
      - run: aws s3 sync ./dist s3://acme-static --delete
workflows:
  main:
    jobs: [deploy]
""",
        ak=sv(g, "aws-access-key"),
        sk=S("aws-secret-key", g.aws_secret()),
    )


@template("ci", 4)
def circleci_log(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """#!/bin/bash -eo pipefail
echo "//registry.npmjs.org/:_authToken=«npm»" > ~/.npmrc
npm publish --access public
npm notice
npm notice 📦  @acme/ui-kit@⟦«ver»⟧
npm notice Tarball Contents
npm notice 12.4kB dist/index.js
npm notice === Tarball Details ===
npm notice shasum:        «shasum»
npm notice integrity:     sha512-«integ»
npm notice total files:   9
+ @acme/ui-kit@«ver»

CircleCI received exit code 0
""",
        npm=sv(g, "npm-token"),
        ver=g.version(),
        shasum=K(g.sha()),
        integ=g.chars(B64STD, 40) + "[...]" + g.chars(B64STD, 6) + "==",
    )


@template("ci", 1)
def buildkite_pipeline(g: Gen) -> Body:
    return body(
        "file",
        ".buildkite/pipeline.yml",
        "yaml",
        """env:
  DATADOG_API_KEY: «dd»
  BUILDKITE_PLUGIN_DOCKER_COMPOSE_IMAGE_REPOSITORY: registry.acme-corp.io/ci
steps:
  - label: ":pytest: tests"
    command: pytest -q
    plugins:
      - ⟦docker-compose#v5.2.0⟧:
          run: app
  - wait
  - label: ":rocket: deploy"
    command: ./deploy.sh
    branches: main
""",
        dd=S("config-secret", g.hex(32)),
    )


@template("ci", 1)
def buildkite_agent_cfg(g: Gen) -> Body:
    return body(
        "file",
        "/etc/buildkite-agent/buildkite-agent.cfg",
        "ini",
        """# The token from your Buildkite "Agents" page
token="«tok»"
# The name of the agent
name="⟦%hostname-%spawn⟧"
tags="queue=deploy,os=linux"
build-path="⟦/var/lib/buildkite-agent/builds⟧"
hooks-path="/etc/buildkite-agent/hooks"
""",
        tok=S("config-secret", g.hex(50)),
    )


@template("ci", 1)
def azure_pipelines_yml(g: Gen) -> Body:
    return body(
        "file",
        "azure-pipelines.yml",
        "yaml",
        """trigger:
  branches:
    include: [main]
pool:
  vmImage: ubuntu-latest
variables:
  buildConfiguration: Release
  dbPassword: «pw»
steps:
  - task: ⟦AzureCLI@2⟧
    inputs:
      azureSubscription: acme-prod
      scriptType: bash
      scriptLocation: inlineScript
      inlineScript: |
        az webapp config appsettings set -g rg-web -n acme-api --settings DB_PASSWORD=$(dbPassword)
  - script: echo "token ⟦$(System.AccessToken)⟧ is injected by the agent"
""",
        pw=S("password", g.password()),
    )


@template("ci", 1)
def azure_pipelines_log(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """##[section]Starting: Export secrets
==============================================================================
Task         : Bash
Version      : ⟦3.231.5⟧
==============================================================================
Generating script.
##vso[task.setvariable variable=sqlAdminPassword;issecret=true]«pw»
##[debug]Processed: ##vso[task.setvariable variable=buildNumber]«bn»
##[section]Finishing: Export secrets
""",
        pw=S("password", g.password()),
        bn=K(f"2026{g.digits(4)}.{g.between(1, 9)}"),
    )


@template("ci", 1)
def ci_k8s_secret_manifest(g: Gen) -> Body:
    url = f"postgres://orders:{g.password(url_safe=True)}@orders-db.prod.svc:5432/orders"
    return body(
        "file",
        "deploy/k8s/orders-secrets.yaml",
        "yaml",
        """apiVersion: v1
⟦kind: Secret⟧
metadata:
  name: orders-env
  namespace: prod
⟦type: Opaque⟧
data:
  DATABASE_URL: «db»
  STRIPE_SECRET_KEY: «sk»
""",
        db=S("k8s-secret-data", base64.b64encode(url.encode()).decode()),
        sk=S("k8s-secret-data", base64.b64encode(g.vendor("stripe-key").encode()).decode()),
    )


@template("ci", 1)
def ci_deploy_key(g: Gen) -> Body:
    return body_of(
        "output",
        "",
        "console",
        fill(
            """$ echo "$DEPLOY_KEY" | tee ~/.ssh/id_ed25519 >/dev/null && cat ~/.ssh/id_ed25519
«key»
$ chmod 600 ~/.ssh/id_ed25519 && ssh -o StrictHostKeyChecking=accept-new ⟦deploy@bastion.acme-corp.io⟧ true
⟦Warning: Permanently added 'bastion.acme-corp.io' (ED25519) to the list of known hosts.⟧
""",
            key=pem_block(g, "openssh"),
        ),
    )


# -- observability ----------------------------------------------------------------------------------------


@template("observability", 1)
def datadog_yaml(g: Gen) -> Body:
    return body(
        "file",
        "/etc/datadog-agent/datadog.yaml",
        "yaml",
        """## @param api_key - string - required
api_key: «k»
⟦site: datadoghq.eu⟧
hostname: api-«n».prod.acme.internal
⟦logs_enabled: true⟧
apm_config:
  enabled: true
  apm_non_local_traffic: true
process_config:
  process_collection:
    enabled: false
""",
        k=S("config-secret", g.hex(32)),
        n=g.digits(2),
    )


@template("observability", 1)
def datadog_install(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ DD_API_KEY=«k» DD_SITE="datadoghq.com" bash -c "⟦$(curl -L https://install.datadoghq.com/scripts/install_script_agent7.sh)⟧"
* Installing apt-transport-https, curl and gnupg
* Adding your API key to the Datadog Agent configuration: /etc/datadog-agent/datadog.yaml
* Starting the Datadog Agent...
Your Datadog Agent is running and functioning properly.
It will continue to run in the background and submit metrics to Datadog.
$ sudo datadog-agent status | grep -A1 "API Keys"
  API Keys status
    ⟦API key ending with «tail»: API Key valid⟧
""",
        k=S("config-secret", g.hex(32)),
        tail=g.hex(5),
    )


@template("observability", 4)
def sentryclirc(g: Gen) -> Body:
    return body(
        "file",
        "~/.sentryclirc",
        "ini",
        """[auth]
token=«t»

[defaults]
⟦url=https://sentry.io/⟧
org=acme
⟦project=web-frontend⟧
""",
        t=sv(g, "sentry-token"),
    )


@template("observability", 1)
def sentry_event(g: Gen) -> Body:
    return body(
        "output",
        "",
        "json",
        """{
  "event_id": "«eid»",
  "timestamp": "«ts»",
  "platform": "python",
  "release": "⟦api@«ver»⟧",
  "environment": "production",
  "user": {
    "id": "«uid»",
    "ip_address": "«ip»"
  },
  "request": {
    "method": "POST",
    "url": "https://api.acme-corp.io/v2/checkout",
    "headers": {
      "Cookie": "sessionid=«sid»; ⟦theme=dark⟧",
      "User-Agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15"
    }
  },
  "exception": {"values": [{"type": "KeyError", "value": "'shipping_address'"}]}
}
""",
        eid=g.hex(32),
        ts=K(g.iso()),
        ver=g.version(),
        uid=g.digits(6),
        ip=S("ip-address", g.ip_public()),
        sid=S("session-cookie", g.chars(LOWER_ALNUM, 32)),
    )


@template("observability", 3)
def sentry_sourcemaps(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ SENTRY_AUTH_TOKEN=«t» sentry-cli sourcemaps upload --org acme --project web ./dist
> Found 42 files
> Analyzing 42 sources
> Adding source map references
> Bundled 42 files for upload
> Bundle ID: «bid»
> Uploaded files to Sentry
> File upload complete (processing pending on server)
> Organization: acme
> Projects: web
> Release: ⟦web@«ver»⟧
""",
        t=sv(g, "sentry-token"),
        bid=K(g.uuid()),
        ver=g.version(),
    )


@template("observability", 4)
def grafana_alloy(g: Gen) -> Body:
    return body(
        "file",
        "/etc/alloy/config.alloy",
        "hcl",
        """prometheus.remote_write "grafana_cloud" {
  endpoint {
    url = "https://prometheus-prod-24-prod-eu-west-2.grafana.net/api/prom/push"
    basic_auth {
      username = "«uid»"
      password = "«tok»"
    }
  }
}

prometheus.scrape "node" {
  targets    = [{"__address__" = "⟦127.0.0.1:9100⟧"}]
  forward_to = [prometheus.remote_write.grafana_cloud.receiver]
}
""",
        uid=g.digits(7),
        tok=S("grafana-token", g.vendor("grafana-token")),
    )


@template("observability", 3)
def grafana_agent_yaml(g: Gen) -> Body:
    return body(
        "file",
        "/etc/grafana-agent.yaml",
        "yaml",
        """metrics:
  global:
    ⟦scrape_interval: 60s⟧
  configs:
    - name: default
      scrape_configs:
        - job_name: api
          static_configs:
            - targets: ['⟦api.prod.internal:8080⟧']
      remote_write:
        - url: https://prometheus-prod-13-prod-us-east-0.grafana.net/api/prom/push
          basic_auth:
            username: «uid»
            password: «tok»
""",
        uid=g.digits(6),
        tok=sv(g, "grafana-token"),
    )


@template("observability", 2)
def grafana_api_curl(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ curl -s -H "Authorization: Bearer «tok»" https://grafana.acme-corp.io/api/search?query=latency | jq '.[0]'
{
  "id": 42,
  "uid": "«uid»",
  "⟦title⟧": "API latency",
  "uri": "db/api-latency",
  "url": "⟦/d/«uid»/api-latency⟧",
  "type": "dash-db",
  "tags": ["sre"]
}
""",
        tok=S("grafana-token", f"glsa_{g.alnum(32)}_{g.hex(8)}"),
        uid=g.alnum(9),
    )


@template("observability", 4)
def otel_collector(g: Gen) -> Body:
    return body(
        "file",
        "otel-collector.yaml",
        "yaml",
        """receivers:
  otlp:
    protocols:
      grpc:
        endpoint: ⟦0.0.0.0:4317⟧
      http:
        endpoint: 0.0.0.0:4318
processors:
  batch:
    timeout: 5s
exporters:
  otlphttp/newrelic:
    endpoint: https://otlp.eu01.nr-data.net
    headers:
      api-key: «nr»
  otlp/honeycomb:
    endpoint: api.honeycomb.io:443
    headers:
      x-honeycomb-team: ⟦${env:HONEYCOMB_API_KEY}⟧
service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [otlphttp/newrelic, otlp/honeycomb]
""",
        nr=S("newrelic-key", g.hex(36) + "NRAL"),
    )


@template("observability", 4)
def newrelic_cli(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ newrelic profile add --profile prod --apiKey «k» --region EU --accountId «acct»
⟦[Output] Profile prod added⟧
$ newrelic entity search --name api-gateway --type APPLICATION
[
  {
    "accountId": «acct»,
    "domain": "APM",
    "entityType": "APM_APPLICATION_ENTITY",
    "guid": "«guid»",
    "name": "api-gateway",
    "reporting": true
  }
]
""",
        k=S("newrelic-key", "NRAK-" + g.chars(UPPER_ALNUM, 27)),
        acct=g.digits(7),
        guid=g.b64(30).rstrip("="),
    )


@template("observability", 1)
def prometheus_yml(g: Gen) -> Body:
    return body(
        "file",
        "prometheus.yml",
        "yaml",
        """global:
  scrape_interval: 30s
scrape_configs:
  - job_name: prometheus
    static_configs:
      - targets: ['⟦localhost:9090⟧']
  - job_name: node
    basic_auth:
      username: prom
      password: «pw»
    static_configs:
      - targets: ['«a»:9100', 'node-2.prod.internal:9100']
    relabel_configs:
      - source_labels: [__address__]
        regex: '⟦(.*):\\d+⟧'
        target_label: instance
""",
        pw=S("password", g.password()),
        a=S("ip-address", g.ip_private()),
    )


@template("observability", 1)
def prometheus_bearer(g: Gen) -> Body:
    return body(
        "file",
        "prometheus/scrape-k8s.yml",
        "yaml",
        """- job_name: kube-state
  scheme: https
  authorization:
    type: Bearer
    credentials: «tok»
  tls_config:
    ⟦insecure_skip_verify: true⟧
  static_configs:
    - targets: ['⟦kube-state-metrics.monitoring.svc:8443⟧']
""",
        tok=S("config-secret", g.opaque(48)),
    )


# -- message brokers and caches ---------------------------------------------------------------------------


@template("brokers", 1)
def kafka_client_properties(g: Gen) -> Body:
    return body(
        "file",
        "config/client.properties",
        "properties",
        """bootstrap.servers=pkc-«cl».eu-west-1.aws.confluent.cloud:9092
⟦security.protocol=SASL_SSL⟧
⟦sasl.mechanism=PLAIN⟧
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="«key»" password="«pw»";
client.dns.lookup=use_all_dns_ips
⟦session.timeout.ms=45000⟧
acks=all
""",
        cl=g.chars(LOWER_ALNUM, 5),
        key=g.chars(UPPER_ALNUM, 16),
        pw=S("password", g.chars(ALNUM + "+/", 64)),
    )


@template("brokers", 2)
def kafka_consume(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ kafka-console-consumer.sh --bootstrap-server kafka-0.kafka.prod.svc:9093 --topic \
orders.created --consumer.config client.properties --max-messages 1
{"order_id":"«oid»","created_at":"«ts»","customer_ref":"«cref»","notify":"«ex»","total_cents":4900,"currency":"EUR"}
Processed a total of 1 messages
""",
        oid=K(g.uuid()),
        ts=K(g.iso()),
        cref=K(g.uuid()),
        ex=K(g.example_email()),
    )


@template("brokers", 1)
def kafka_connect(g: Gen) -> Body:
    return body(
        "file",
        "connectors/orders-cdc.json",
        "json",
        """{
  "name": "orders-cdc",
  "config": {
    "connector.class": "⟦io.debezium.connector.postgresql.PostgresConnector⟧",
    "database.hostname": "orders-primary.db.internal",
    "database.port": "5432",
    "database.user": "debezium",
    "database.password": "«pw»",
    "database.dbname": "orders",
    "topic.prefix": "orders",
    "⟦plugin.name⟧": "pgoutput"
  }
}
""",
        pw=S("password", g.password()),
    )


@template("brokers", 1)
def rabbitmq_definitions(g: Gen) -> Body:
    return body(
        "output",
        "",
        "json",
        """{
  "rabbit_version": "⟦3.13.7⟧",
  "vhosts": [{"name": "/"}, {"name": "orders"}],
  "parameters": [
    {
      "component": "shovel",
      "name": "eu-to-us",
      "vhost": "orders",
      "value": {
        "src-uri": "amqps://shovel:«pw»@rmq-eu.acme.internal:5671/orders",
        "src-queue": "orders.created",
        "dest-uri": "amqps://shovel@rmq-us.acme.internal:5671/orders",
        "ack-mode": "on-confirm"
      }
    }
  ]
}
""",
        pw=S("connection-password", g.password(url_safe=True)),
    )


@template("brokers", 1)
def rabbitmq_curl(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ curl -s -u admin:«pw» http://⟦localhost:15672⟧/api/overview | jq '{rabbitmq_version, cluster_name}'
{
  "rabbitmq_version": "3.13.7",
  "cluster_name": "rabbit@mq-0.mq.prod.svc"
}
$ rabbitmqctl list_queues name messages consumers
Timeout: 60.0 seconds ...
Listing queues for vhost / ...
name	messages	consumers
celery	0	4
orders.created	12	2
""",
        pw=S("cli-password", g.password(url_safe=True)),
    )


@template("brokers", 1)
def rabbitmq_conf(g: Gen) -> Body:
    return body(
        "file",
        "/etc/rabbitmq/rabbitmq.conf",
        "ini",
        """⟦listeners.tcp.default = 5672⟧
⟦management.tcp.port = 15672⟧
default_vhost = /
default_user = admin
default_pass = «pw»
loopback_users.guest = true
log.file.level = info
""",
        pw=S("password", g.password()),
    )


@template("brokers", 1)
def redis_cli(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ redis-cli -h «ip» -p 6380 -a «pw» --no-auth-warning INFO server | head -8
# Server
redis_version:⟦7.2.4⟧
redis_git_sha1:00000000
redis_mode:standalone
os:Linux 6.8.0-1012-aws x86_64
process_id:1
run_id:«rid»
tcp_port:6380
""",
        ip=S("ip-address", g.ip_private()),
        pw=S("cli-password", g.password()),
        rid=K(g.sha()),
    )


@template("brokers", 1)
def redis_conf(g: Gen) -> Body:
    return body(
        "file",
        "/etc/redis/redis.conf",
        "",
        """bind ⟦127.0.0.1⟧ -::1
protected-mode yes
port 6379
requirepass «pw»
⟦rename-command FLUSHALL ""⟧
maxmemory 2gb
maxmemory-policy allkeys-lru
""",
        pw=S("password", g.password()),
    )


@template("brokers", 1)
def nats_conf(g: Gen) -> Body:
    return body(
        "file",
        "/etc/nats/nats-server.conf",
        "",
        """⟦port: 4222⟧
⟦http_port: 8222⟧
authorization {
  users = [
    { user: "orders", password: "«pw»" }
  ]
}
cluster {
  name: acme
  listen: ⟦0.0.0.0:6222⟧
  routes = [
    nats-route://nats-1.nats.prod.svc:6222
  ]
}
""",
        pw=S("password", g.password()),
    )


@template("brokers", 1)
def nats_creds(g: Gen) -> Body:
    tok = g.jwt(
        {
            "jti": g.chars(BASE32, 52),
            "iat": 1773480000,
            "iss": "A" + g.chars(BASE32, 55),
            "name": "orders",
            "sub": "U" + g.chars(BASE32, 55),
            "nats": {"type": "user", "version": 2},
        },
        "EdDSA",
    )
    return body(
        "file",
        "orders.creds",
        "",
        """⟦-----BEGIN NATS USER JWT-----⟧
«jwt»
------END NATS USER JWT------

************************* IMPORTANT *************************
NKEY Seed printed below can be used to sign and prove identity.
⟦NKEYs are sensitive and should be treated as secrets.⟧

-----BEGIN USER NKEY SEED-----
«seed»
------END USER NKEY SEED------

*************************************************************
""",
        jwt=S("jwt", tok),
        seed=S("private-key", g.nkey_seed()),
    )


@template("brokers", 1)
def celery_settings(g: Gen) -> Body:
    return body(
        "file",
        "orders/celeryconfig.py",
        "python",
        """import os

broker_url = "amqp://orders:«pw»@«ip»:5672/orders"
result_backend = "⟦rpc://⟧"
task_serializer = "json"
accept_content = ["json"]
timezone = "Europe/Berlin"
worker_prefetch_multiplier = int(os.environ.get("PREFETCH", "4"))
""",
        pw=S("connection-password", g.password(url_safe=True)),
        ip=S("ip-address", g.ip_private()),
    )


@template("brokers", 1)
def celery_worker_banner(g: Gen) -> Body:
    ip = S("ip-address", g.ip_private())
    return body(
        "output",
        "",
        "console",
        """ -------------- celery@worker-7 ⟦v5.4.0⟧ (opalescent)
--- ***** -----
-- ******* ---- Linux-6.8.0-1012-aws-x86_64-with-glibc2.35 «ts»
- *** --- * ---
- ** ---------- [config]
- ** ---------- .> app:         orders:0x7f3a«addr»
- ** ---------- .> transport:   amqp://orders:**@«ip»:5672/orders
- ** ---------- .> results:     redis://:**@redis.acme.internal:6379/1
- *** --- * --- .> concurrency: 8 (prefork)
-- ******* ---- .> task events: OFF
--- ***** -----
 -------------- [queues]
                .> celery           exchange=celery(direct) key=celery

[«ts2»: INFO/MainProcess] celery@worker-7 ready.
""",
        ts=K(g.stamp()),
        addr=g.hex(8),
        ip=ip,
        ts2=g.stamp() + ",112",
    )


@template("brokers", 1)
def redis_url_env(g: Gen) -> Body:
    return body(
        "file",
        ".env",
        "dotenv",
        """REDIS_URL=redis://default:«pw»@redis-«n».c1.eu-west-1-2.ec2.redns.redis-cloud.com:«n»
⟦CACHE_TTL_SECONDS=300⟧
⟦RATE_LIMIT_PER_MINUTE=120⟧
""",
        pw=S("connection-password", g.alnum(32)),
        n=g.digits(5),
    )


# -- auth flows -------------------------------------------------------------------------------------------


@template("auth", 1)
def oauth_client_credentials(g: Gen) -> Body:
    tok = g.jwt(
        g.claims(
            "https://auth.acme-corp.io/",
            "https://api.acme-corp.io",
            scope="reports:read",
            gty="client-credentials",
        )
    )
    return body(
        "output",
        "",
        "console",
        """$ curl -s https://auth.acme-corp.io/oauth/token -d grant_type=client_credentials -d \
client_id=reporting-svc -d client_secret=«cs» | jq .
{
  "access_token": "«tok»",
  "⟦token_type⟧": "Bearer",
  "expires_in": 86400,
  "scope": "reports:read"
}
""",
        cs=S("config-secret", g.chars(B64URL, 64)),
        tok=S("jwt", tok),
    )


@template("auth", 3)
def oidc_refresh(g: Gen) -> Body:
    idt = g.jwt(
        g.claims("https://login.acme-corp.io/realms/acme", "portal", nonce=g.b64url(12), azp="portal")
    )
    return body(
        "output",
        "",
        "json",
        """{
  "access_token": "«at»",
  "expires_in": 300,
  "refresh_expires_in": 1800,
  "refresh_token": "«rt»",
  "token_type": "Bearer",
  "id_token": "«idt»",
  "not-before-policy": 0,
  "session_state": "«ss»",
  "scope": "⟦openid email profile⟧"
}
""",
        at=S("oauth-token", g.chars(B64URL, 86)),
        rt=S("oauth-token", g.chars(B64URL, 96)),
        idt=S("jwt", idt),
        ss=K(g.uuid()),
    )


@template("auth", 1)
def saml_response(g: Gen) -> Body:
    mail = S("email", g.email_for(*g.person(), company=True))
    return body(
        "output",
        "",
        "xml",
        """<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_«rid»" Version="2.0" \
IssueInstant="«ts»" Destination="https://app.acme-corp.io/saml/acs">
  <saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">http://www.okta.com/exk«iss»</saml:Issuer>
  <samlp:Status><samlp:StatusCode Value="⟦urn:oasis:names:tc:SAML:2.0:status:Success⟧"/></samlp:Status>
  <saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_«aid»" IssueInstant="«ts»" Version="2.0">
    <saml:Subject>
      <saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">«mail»</saml:NameID>
    </saml:Subject>
    <saml:AttributeStatement>
      <saml:Attribute Name="email"><saml:AttributeValue>«mail»</saml:AttributeValue></saml:Attribute>
      <saml:Attribute Name="groups"><saml:AttributeValue>engineering</saml:AttributeValue></saml:Attribute>
    </saml:AttributeStatement>
  </saml:Assertion>
</samlp:Response>
""",
        rid=g.hex(32),
        ts=K(g.iso()),
        iss=g.alnum(17),
        aid=g.hex(32),
        mail=mail,
    )


@template("auth", 1)
def keycloak_realm_export(g: Gen) -> Body:
    first, last = g.person()
    return body(
        "file",
        "realm-export.json",
        "json",
        """{
  "realm": "acme",
  "enabled": true,
  "sslRequired": "external",
  "clients": [
    {
      "clientId": "orders-api",
      "enabled": true,
      "clientAuthenticatorType": "client-secret",
      "secret": "⟦**********⟧",
      "redirectUris": ["https://orders.acme-corp.io/*"]
    }
  ],
  "users": [
    {
      "id": "«uid»",
      "username": "«login»",
      "email": "«mail»",
      "firstName": "«first»",
      "lastName": "«last»",
      "enabled": true
    }
  ],
  "smtpServer": {
    "host": "smtp.sendgrid.net",
    "port": "587",
    "from": "«noreply»",
    "auth": "true",
    "user": "apikey",
    "password": "⟦**********⟧"
  }
}
""",
        uid=K(g.uuid()),
        login=g.login(first, last),
        mail=S("email", g.email_for(first, last, company=True)),
        first=S("person-name", first),
        last=S("person-name", last),
        noreply=K("noreply@" + g.pick(COMPANY_DOMAINS)),
    )


@template("auth", 1)
def keycloak_kcadm(g: Gen) -> Body:
    cid = g.uuid()
    return body(
        "output",
        "",
        "console",
        """$ kcadm.sh config credentials --server http://⟦localhost:8080⟧ --realm master --user admin --password «pw»
Logging into http://localhost:8080 as user admin of realm master
$ kcadm.sh get clients/«cid» -r acme --fields clientId,enabled
{
  "clientId" : "orders-api",
  "enabled" : true
}
""",
        pw=S("cli-password", g.password()),
        cid=K(cid),
    )


@template("auth", 1)
def auth_server_log(g: Gen) -> Body:
    return body(
        "output",
        "",
        "json",
        """{"level":"info","ts":"«t1»","logger":"auth","msg":"login \
succeeded","user":"«mail»","ip":"«ip»","request_id":"«rid»"}
{"level":"warn","ts":"«t2»","logger":"auth","msg":"mfa challenge issued","method":"totp","request_id":"«rid2»"}
{"level":"info","ts":"«t3»","logger":"http","msg":"GET /healthz","status":200,"duration_ms":1.2}
""",
        t1=K(g.iso(frac=True)),
        mail=S("email", g.email()),
        ip=K(g.ip_doc()),
        rid=K(g.uuid()),
        t2=g.iso(frac=True),
        rid2=K(g.uuid()),
        t3=g.iso(frac=True),
    )


def _urlemail(g: Gen) -> str:
    return g.email().replace("@", "%40")


@template("auth", 4)
def form_login_curl(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ curl -si https://app.acme-corp.io/login -d 'username=«ue»&remember=1' --data-urlencode \
⟦password@/run/secrets/app_pw⟧ | head -6
HTTP/2 302
location: /dashboard
set-cookie: session=«sess»; ⟦Path=/; HttpOnly; Secure; SameSite=Lax⟧
cache-control: no-store
date: «date»
""",
        ue=S("urlencoded-email", _urlemail(g)),
        sess=S("session-cookie", g.b64url(48) + "." + g.b64url(6) + "." + g.b64url(20)),
        date=g.tick().strftime("%a, %d %b %Y %H:%M:%S GMT"),
    )


@template("auth", 2)
def curl_cookies(g: Gen) -> Body:
    name, value = g.pick(
        [
            ("connect.sid", "s%3A" + g.b64url(24) + "." + g.b64url(32)),
            ("PHPSESSID", g.chars(LOWER_ALNUM, 26)),
            ("_acme_session", g.b64(60).rstrip("=") + "--" + g.hex(40)),
            ("laravel_session", "eyJpdiI6" + g.chars(ALNUM, 120) + "%3D%3D"),
        ]
    )
    ga = f"GA1.1.{g.digits(9)}.{1773480000 + g.between(0, 999999)}"
    return body(
        "output",
        "",
        "console",
        """$ curl -sv -b cookies.txt https://shop.acme-corp.io/account -o /dev/null
*   Trying «dip»:443...
* Connected to shop.acme-corp.io («dip») port 443
> GET /account HTTP/2
> Host: shop.acme-corp.io
> User-Agent: curl/⟦8.7.1⟧
> Accept: */*
> Cookie: ⟦_ga=«ga»⟧; «name»=«val»; ⟦lang=en⟧
>
< HTTP/2 200
< content-type: text/html; charset=utf-8
< x-request-id: «rid»
""",
        ga=ga,
        name=name,
        val=S("session-cookie", value),
        dip=K(g.ip_doc()),
        rid=K(g.uuid()),
    )


@template("auth", 2)
def set_cookie_headers(g: Gen) -> Body:
    return body(
        "output",
        "",
        "http",
        """HTTP/1.1 200 OK
Server: nginx
Content-Type: application/json
Set-Cookie: sessionid=«sid»; expires=«exp»; ⟦HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax; Secure⟧
Set-Cookie: ⟦csrftoken_seen=1; Path=/⟧
Set-Cookie: ⟦legacy_session=deleted; expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/⟧
X-Request-Id: «rid»

{"ok":true,"user":{"id":«id»,"is_staff":false}}
""",
        sid=S("session-cookie", g.chars(LOWER_ALNUM, 32)),
        exp=g.later(14).strftime("%a, %d %b %Y %H:%M:%S GMT"),
        rid=K(g.uuid()),
        id=g.digits(5),
    )


@template("auth", 3)
def authorization_headers(g: Gen) -> Body:
    scheme = g.pick(["basic", "bearer", "token", "digest", "aws4", "apikey"])
    host = g.pick(["api.acme-corp.io", "registry.acme-corp.io", "internal-api.kestrelpay.com"])
    if scheme == "basic":
        cred = base64.b64encode(f"{g.pick(['deploy', 'svc-reports', 'ci'])}:{g.password()}".encode()).decode()
        line = fill("> ⟦Authorization: Basic⟧ «c»\n", c=S("auth-header", cred))
    elif scheme == "bearer":
        line = fill("> Authorization: Bearer «c»\n", c=S("auth-header", g.opaque(g.between(32, 64))))
    elif scheme == "token":
        line = fill("> Authorization: Token «c»\n", c=S("auth-header", g.hex(40)))
    elif scheme == "digest":
        line = fill(
            '> Authorization: Digest username="deploy", realm="⟦registry⟧", nonce="«n»", uri="/v2/", '
            '⟦algorithm=MD5⟧, qop=auth, nc=00000001, cnonce="«cn»", response="«r»"\n',
            n=g.b64(24),
            cn=g.hex(16),
            r=S("auth-header", g.hex(32)),
        )
    elif scheme == "aws4":
        date = g.tick().strftime("%Y%m%d")
        line = fill(
            "> Authorization: ⟦AWS4-HMAC-SHA256⟧ Credential=«ak»/«d»/eu-west-1/execute-api/aws4_request, "
            "⟦SignedHeaders=host;x-amz-date⟧, Signature=«sig»\n",
            ak=g.vendor("aws-access-key"),
            d=date,
            sig=S("auth-header", g.hex(64)),
        )
    else:
        line = fill("> X-API-Key: «c»\n", c=S("auth-header", g.chars(ALNUM, 40)))
    return body(
        "output",
        "",
        "console",
        """$ curl -v https://«host»/v1/status
*   Trying «ip»:443...
* Connected to «host» port 443
* using HTTP/1.x
> GET /v1/status HTTP/1.1
> Host: «host»
«line»> User-Agent: curl/8.5.0
> Accept: */*
>
< HTTP/1.1 200 OK
< Content-Type: application/json
< X-Request-Id: «rid»
<
{"status":"ok","version":"⟦«ver»⟧"}
""",
        host=host,
        ip=K(g.ip_doc()),
        line=line,
        rid=K(g.uuid()),
        ver=g.version(),
    )


@template("auth", 1)
def implicit_redirect(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """[«ts»] DEBUG oauth.callback  redirect received
[«ts»] DEBUG oauth.callback  https://app.acme-corp.io/callback#access_token=«tok»&⟦token_type=Bearer&expires_in=3600⟧&state=«st»
[«ts»] INFO  oauth.callback  session established for tenant acme
""",
        ts=g.stamp(),
        tok=S("url-credential", g.chars(B64URL, 43)),
        st=g.hex(16),
    )


# -- ML tooling -------------------------------------------------------------------------------------------


@template("ml", 1)
def wandb_login(g: Gen) -> Body:
    home = S("home-path", g.home(g.pick(["linux", "mac"])))
    return body(
        "output",
        "",
        "console",
        """$ WANDB_API_KEY=«k» wandb login
wandb: Appending key for api.wandb.ai to your netrc file: «home»/.netrc
wandb: Currently logged in as: ml-team (acme-ml). Use `wandb login --relogin` to force relogin
$ python train.py --epochs 3
wandb: Tracking run with wandb version ⟦0.17.4⟧
wandb: Run data is saved locally in ⟦/workspace/churn/wandb/run-«rid»⟧
wandb: 🚀 View run at https://wandb.ai/acme-ml/churn/runs/«short»
""",
        k=S("config-secret", g.hex(40)),
        home=home,
        rid=g.tick().strftime("%Y%m%d_%H%M%S") + "-" + g.chars(LOWER_ALNUM, 8),
        short=g.chars(LOWER_ALNUM, 8),
    )


@template("ml", 1)
def netrc_wandb(g: Gen) -> Body:
    return body(
        "file",
        "~/.netrc",
        "",
        """machine api.wandb.ai
  login user
  password «k»
machine github.com
  login «gh»
  password «ghp»
""",
        k=S("config-secret", g.hex(40)),
        gh=g.pick(["acme-ci", "build-bot"]),
        ghp=S("github-token", g.github("ghp")),
    )


@template("ml", 1)
def mlflow_server(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ mlflow server --backend-store-uri postgresql://mlflow:«pw»@mlflow-db.internal:5432/mlflow \
--default-artifact-root s3://acme-mlflow/artifacts --host 0.0.0.0
[«ts» +0000] [4121] [INFO] Starting gunicorn ⟦22.0.0⟧
[«ts» +0000] [4121] [INFO] Listening at: http://0.0.0.0:5000 (4121)
[«ts» +0000] [4121] [INFO] Using worker: sync
[«ts» +0000] [4123] [INFO] Booting worker with pid: 4123
""",
        pw=S("connection-password", g.password(url_safe=True)),
        ts=g.stamp(),
    )


@template("ml", 4)
def mlflow_env(g: Gen) -> Body:
    return body(
        "file",
        ".env",
        "dotenv",
        """MLFLOW_TRACKING_URI=databricks
DATABRICKS_HOST=https://adb-«ws».«n».azuredatabricks.net
DATABRICKS_TOKEN=«tok»
MLFLOW_EXPERIMENT_NAME=/Shared/churn
HF_HOME=⟦/mnt/cache/huggingface⟧
""",
        ws=g.digits(16),
        n=str(g.between(1, 19)),
        tok=sv(g, "databricks-token"),
    )


@template("ml", 4)
def databrickscfg(g: Gen) -> Body:
    return body(
        "file",
        "~/.databrickscfg",
        "ini",
        """[DEFAULT]
host  = https://adb-«ws».«n».azuredatabricks.net
token = «t1»

[staging]
host  = https://dbc-«sh».cloud.databricks.com
auth_type = ⟦databricks-cli⟧
jobs-api-version = 2.1
""",
        ws=g.digits(16),
        n=str(g.between(1, 19)),
        t1=sv(g, "databricks-token"),
        sh=g.hex(8) + "-" + g.hex(4),
    )


@template("ml", 2)
def hf_login(g: Gen) -> Body:
    system = g.pick(["linux", "linux", "windows"])
    home = S("home-path", g.home(system))
    sep = "\\" if system == "windows" else "/"
    return body(
        "output",
        "",
        "console",
        """$ huggingface-cli login --token «tok» --add-to-git-credential
Token is valid (permission: write).
The token `ci-write` has been saved to ⟦$HF_HOME/stored_tokens⟧
Your token has been saved in your configured git credential helpers (store).
Your token has been saved to «home»«p».cache«p»huggingface«p»token
Login successful.
""",
        tok=sv(g, "huggingface-token"),
        home=home,
        p=sep,
    )


@template("ml", 3)
def hf_git_clone(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ git clone https://ml-bot:«tok»@huggingface.co/acme/churn-classifier
Cloning into 'churn-classifier'...
remote: Enumerating objects: 42, done.
remote: Total 42 (delta 0), reused 0 (delta 0), pack-reused 42 (from 1)
Unpacking objects: 100% (42/42), 9.81 KiB | 1.40 MiB/s, done.
Filtering content: 100% (3/3), 1.20 GiB | 48.00 MiB/s, done.
$ git -C churn-classifier log -1 --format=%H
«sha»
""",
        tok=sv(g, "huggingface-token"),
        sha=K(g.sha()),
    )


@template("ml", 1)
def kaggle_json(g: Gen) -> Body:
    return body(
        "file",
        "~/.kaggle/kaggle.json",
        "json",
        """{"username":"«u»","key":"«k»"}
""",
        u=g.pick(["datawrangler42", "acme-ml", "churnbot"]),
        k=S("config-secret", g.hex(32)),
    )


@template("ml", 1)
def kaggle_cli(g: Gen) -> Body:
    home = S("home-path", g.home())
    return body(
        "output",
        "",
        "console",
        """$ kaggle competitions download -c titanic -p data/
Warning: Your Kaggle API key is readable by other users on this system! To fix this, you can run 'chmod \
600 «home»/.config/kaggle/kaggle.json'
Downloading titanic.zip to data
100%|██████████████████████████████████████| 34.1k/34.1k [00:00<00:00, 1.21MB/s]
$ kaggle --version
Kaggle API ⟦1.6.17⟧
""",
        home=home,
    )


@template("ml", 3)
def jupyter_log(g: Gen) -> Body:
    tok = S("url-credential", g.hex(48))
    ts = g.stamp()
    return body(
        "output",
        "",
        "console",
        """[I «ts».101 ServerApp] Extension package jupyterlab took 0.1203s to import
[I «ts».455 ServerApp] Serving notebooks from local directory: ⟦/srv/notebooks⟧
[I «ts».455 ServerApp] Jupyter Server ⟦2.14.2⟧ is running at:
[I «ts».455 ServerApp] http://gpu-box-3:8888/lab?token=«tok»
[I «ts».455 ServerApp]     http://⟦127.0.0.1⟧:8888/lab?token=«tok»
[I «ts».455 ServerApp] Use Control-C to stop this server and shut down all kernels (twice to skip confirmation).
[C «ts».460 ServerApp]

    Or copy and paste one of these URLs:
        http://gpu-box-3:8888/lab
""",
        ts=ts,
        tok=tok,
    )


@template("ml", 1)
def jupyter_config(g: Gen) -> Body:
    return body(
        "file",
        "~/.jupyter/jupyter_server_config.py",
        "python",
        """c = get_config()  # noqa
c.ServerApp.ip = "⟦0.0.0.0⟧"
c.ServerApp.port = 8888
c.ServerApp.open_browser = False
c.IdentityProvider.token = "«tok»"
c.ServerApp.root_dir = "⟦/srv/notebooks⟧"
""",
        tok=S("config-secret", g.hex(48)),
    )


@template("ml", 4)
def llm_env(g: Gen) -> Body:
    return body(
        "file",
        ".env",
        "dotenv",
        """# eval harness
OPENAI_API_KEY=«oa»
ANTHROPIC_API_KEY=«an»
HF_TOKEN=«hf»
⟦EVAL_CONCURRENCY=8⟧
OPENAI_BASE_URL=⟦https://api.openai.com/v1⟧
""",
        oa=sv(g, "openai-key"),
        an=sv(g, "anthropic-key"),
        hf=sv(g, "huggingface-token"),
    )


@template("ml", 4)
def notebook_traceback(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """---------------------------------------------------------------------------
⟦AuthenticationError                       Traceback (most recent call last)⟧
⟦Cell In[7], line 3⟧
      1 from anthropic import Anthropic
----> 3 client = Anthropic(api_key="«k»")
      4 ⟦client.messages.create(model="claude-sonnet-4-5", max_tokens=64, messages=msgs)⟧

AuthenticationError: Error code: 401 - {'type': 'error', 'error': {'type': 'authentication_error', \
'message': 'invalid x-api-key'}, 'request_id': 'req_«rid»'}
""",
        k=sv(g, "anthropic-key"),
        rid=g.alnum(24),
    )


# -- mobile build tooling ---------------------------------------------------------------------------------


@template("mobile", 1)
def fastlane_appfile(g: Gen) -> Body:
    first, last = g.person()
    return body(
        "file",
        "fastlane/Appfile",
        "ruby",
        """app_identifier("com.acme.orders") # The bundle identifier of your app
apple_id("«mail»") # Your Apple Developer Portal username

itc_team_id("«itc»") # App Store Connect Team ID
team_id("«team»") # Developer Portal Team ID
""",
        mail=S("email", g.email_for(first, last, company=False)),
        itc=g.digits(9),
        team=g.chars(UPPER_ALNUM, 10),
    )


@template("mobile", 1)
def fastlane_env(g: Gen) -> Body:
    first, last = g.person()
    return body(
        "file",
        "fastlane/.env.default",
        "dotenv",
        """FASTLANE_USER=«mail»
FASTLANE_APPLE_APPLICATION_SPECIFIC_PASSWORD=«asp»
MATCH_PASSWORD=⟦${MATCH_PASSWORD}⟧
MATCH_GIT_URL=⟦git@github.com:acme/certificates.git⟧
FASTLANE_SKIP_UPDATE_CHECK=1
""",
        mail=S("email", g.email_for(first, last)),
        asp=S("password", g.app_password()),
    )


@template("mobile", 1)
def fastlane_asc_key(g: Gen) -> Body:
    return body_of(
        "file",
        "fastlane/asc_api_key.json",
        "json",
        fill(
            """{
  "key_id": "«kid»",
  "issuer_id": "«iss»",
  "key": "«key»",
  "duration": 1200,
  "in_house": false
}
""",
            kid=g.chars(UPPER_ALNUM, 10),
            iss=K(g.uuid()),
            key=pem_block(g, "pkcs8-ec", escaped=True),
        ),
    )


@template("mobile", 1)
def fastlane_match_log(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """[«t»]: ------------------
[«t»]: --- Step: match ---
[«t»]: ------------------
[«t»]: Cloning remote git repo...
[«t»]: If cloning the repo takes too long, you can use the `clone_branch_directly` option in match.
[«t»]: $ git clone https://x-access-token:«tok»@github.com/acme/certificates.git /var/folders/«tmp»/T/d«d»
[«t»]: 🔓  Successfully decrypted certificates repo
[«t»]: Installing certificate...
[«t»]: Installing provisioning profile...
+-----------------------------------------------------------------+
|                Installed Provisioning Profile                   |
+---------------------+-------------------------------------------+
| Parameter           | Value                                     |
+---------------------+-------------------------------------------+
| App Identifier      | com.acme.orders                           |
| Type                | appstore                                  |
| Platform            | ios                                       |
| Profile UUID        | «uuid»      |
| Certificate Name    | Apple Distribution: Acme Mobile Ltd       |
+---------------------+-------------------------------------------+
""",
        t=g.tick().strftime("%H:%M:%S"),
        tok=S("github-token", g.github("ghs")),
        tmp=g.chars(LOWER_ALNUM, 2) + "/" + g.chars(LOWER_ALNUM, 30),
        d=g.digits(8),
        uuid=K(g.uuid().upper()),
    )


@template("mobile", 1)
def xcodebuild_log(g: Gen) -> Body:
    home = S("home-path", g.home("mac"))
    return body(
        "output",
        "",
        "console",
        """CompileSwift normal arm64 «home»/dev/orders-ios/Orders/AppDelegate.swift (in target 'Orders' \
from project 'Orders')
    cd ⟦/Volumes/build/orders-ios⟧
    builtin-swiftTaskExecution -- \
/Applications/Xcode.app/Contents/Developer/Toolchains/XcodeDefault.xctoolchain/usr/bin/swift-frontend \
-frontend -c
Signing Identity:     "Apple Distribution: Acme Mobile Ltd («team»)"
Provisioning Profile: "match AppStore com.acme.orders"
                      («uuid»)
** ARCHIVE SUCCEEDED **
""",
        home=home,
        team=g.chars(UPPER_ALNUM, 10),
        uuid=K(g.uuid()),
    )


@template("mobile", 1)
def gradle_signing(g: Gen) -> Body:
    return body(
        "file",
        "app/build.gradle.kts",
        "kotlin",
        """android {
    namespace = "com.acme.orders"
    compileSdk = 35

    signingConfigs {
        create("release") {
            storeFile = file("release.keystore")
            storePassword = "«sp»"
            keyAlias = "upload"
            keyPassword = ⟦System.getenv("ORDERS_KEY_PASSWORD")⟧
        }
    }
    buildTypes {
        release {
            isMinifyEnabled = true
            signingConfig = signingConfigs.getByName("release")
        }
    }
}
""",
        sp=S("password", g.password()),
    )


@template("mobile", 1)
def keystore_properties(g: Gen) -> Body:
    pw = S("password", g.password())
    return body(
        "file",
        "android/keystore.properties",
        "properties",
        """storePassword=«pw»
⟦keyAlias=upload⟧
storeFile=«home»/keys/upload-keystore.jks
""",
        pw=pw,
        home=S("home-path", g.home(g.pick(["linux", "mac"]))),
    )


@template("mobile", 1)
def keytool_cmd(g: Gen) -> Body:
    pw = S("cli-password", g.password())
    return body(
        "output",
        "",
        "console",
        """$ keytool -genkeypair -v -keystore upload.jks -storepass «pw» -keypass «pw» -alias upload \
-keyalg RSA -keysize 2048 -validity 10000 -dname "CN=Acme Mobile, O=Acme, C=DE"
Generating 2,048 bit RSA key pair and self-signed certificate (⟦SHA384withRSA⟧) with a validity of 10,000 days
	for: CN=Acme Mobile, O=Acme, C=DE
[Storing upload.jks]
""",
        pw=pw,
    )


@template("mobile", 4)
def google_services_json(g: Gen) -> Body:
    pn = g.digits(12)
    return body(
        "file",
        "app/google-services.json",
        "json",
        """{
  "project_info": {
    "project_number": "«pn»",
    "project_id": "acme-orders",
    "storage_bucket": "acme-orders.appspot.com"
  },
  "client": [
    {
      "client_info": {
        "mobilesdk_app_id": "1:«pn»:android:«app»",
        "android_client_info": {
          "package_name": "⟦com.acme.orders⟧"
        }
      },
      "api_key": [
        {
          "current_key": "«key»"
        }
      ]
    }
  ],
  "⟦configuration_version⟧": "1"
}
""",
        pn=pn,
        app=g.hex(22),
        key=sv(g, "google-api-key"),
    )


@template("mobile", 4)
def googleservice_plist(g: Gen) -> Body:
    return body(
        "file",
        "ios/Orders/GoogleService-Info.plist",
        "xml",
        """<?xml version="1.0" encoding="UTF-8"?>
⟦<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">⟧
<plist version="1.0">
<dict>
	<key>API_KEY</key>
	<string>«key»</string>
	<key>GCM_SENDER_ID</key>
	<string>«pn»</string>
	<key>BUNDLE_ID</key>
	<string>⟦com.acme.orders⟧</string>
	<key>PROJECT_ID</key>
	<string>acme-orders</string>
</dict>
</plist>
""",
        key=sv(g, "google-api-key"),
        pn=g.digits(12),
    )


@template("mobile", 2)
def firebase_login_ci(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ firebase login:ci --no-localhost
Visit this URL on any device to log in:
https://accounts.google.com/o/oauth2/auth?client_id=«cid».apps.googleusercontent.com&scope=email%20openid&response_type=code&⟦code_challenge_method=S256⟧

✔  Success! Use this token to login on a CI server:

«tok»

Example: firebase deploy --token ⟦"$FIREBASE_TOKEN"⟧
""",
        cid=f"{g.digits(12)}-{g.chars(LOWER_ALNUM, 32)}",
        tok=S("oauth-token", g.google_refresh()),
    )


@template("mobile", 1)
def gradle_properties(g: Gen) -> Body:
    return body(
        "file",
        "~/.gradle/gradle.properties",
        "properties",
        """⟦org.gradle.jvmargs=-Xmx4g -Dfile.encoding=UTF-8⟧
org.gradle.caching=true
mavenCentralUsername=«u»
mavenCentralPassword=«pw»
signing.keyId=«kid»
signing.secretKeyRingFile=«home»/.gnupg/secring.gpg
""",
        u=g.chars(ALNUM, 8),
        pw=S("password", g.password()),
        kid=g.hex(8).upper(),
        home=S("home-path", g.home(g.pick(["linux", "mac"]))),
    )


@template("mobile", 1)
def gpg_export_ci(g: Gen) -> Body:
    lines = g.pgp_body()
    return body_of(
        "output",
        "",
        "console",
        fill(
            """$ gpg --armor --export-secret-keys «kid»
-----BEGIN PGP PRIVATE KEY BLOCK-----

«key»
-----END PGP PRIVATE KEY BLOCK-----
$ ⟦gpg --list-secret-keys --keyid-format=long | head -3⟧
«home»/.gnupg/pubring.kbx
""",
            kid=g.hex(16).upper(),
            key=S("private-key", "\n".join(lines)),
            home=S("home-path", g.home()),
        ),
    )


# -- payments and commerce --------------------------------------------------------------------------------


@template("payments", 3)
def stripe_listen(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ stripe listen --forward-to localhost:4242/webhook
> Ready! You are using Stripe API Version [⟦2024-06-20⟧]. Your webhook signing secret is «wh» (^C to quit)
«t1»   --> charge.succeeded [evt_«e1»]
«t1»   --> payment_intent.succeeded [evt_«e2»]
«t2»  <--  [200] POST http://localhost:4242/webhook [evt_«e1»]
«t2»  <--  [200] POST http://localhost:4242/webhook [evt_«e2»]
""",
        wh=sv(g, "stripe-webhook-secret"),
        t1=K(g.stamp()),
        t2=g.stamp(),
        e1="3P" + g.alnum(22),
        e2="3P" + g.alnum(22),
    )


@template("payments", 1)
def stripe_webhook_payload(g: Gen) -> Body:
    first, last = g.person()
    return body(
        "output",
        "",
        "json",
        """{
  "id": "evt_3P«eid»",
  "object": "event",
  "api_version": "⟦2024-06-20⟧",
  "created": «created»,
  "type": "charge.succeeded",
  "data": {
    "object": {
      "id": "ch_3P«cid»",
      "amount": «amt»,
      "currency": "eur",
      "billing_details": {
        "address": {"city": "Leipzig", "country": "DE", "line1": null, "postal_code": "04109"},
        "email": "«mail»",
        "name": "«name»",
        "phone": "«phone»"
      },
      "payment_method_details": {
        "card": {"brand": "visa", "exp_month": 8, "exp_year": 2029, "last4": "«l4»", "funding": "credit"},
        "type": "card"
      },
      "receipt_url": "https://pay.stripe.com/receipts/payment/«rcpt»",
      "created": "⟦«cts»⟧"
    }
  }
}
""",
        eid=g.alnum(22),
        created=str(1773480000 + g.between(0, 999999)),
        cid=g.alnum(22),
        amt=str(g.between(500, 99900)),
        mail=S("email", g.email_for(first, last)),
        name=S("person-name", f"{first} {last}"),
        phone=S("phone", g.phone()),
        l4=g.digits(4),
        rcpt=g.chars(B64URL, 60),
        cts=g.iso(),
    )


@template("payments", 2)
def webhook_handler_log(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """«ts» INFO  webhooks.stripe  received event evt_3P«eid» type=checkout.session.completed
«ts» DEBUG webhooks.stripe  verifying signature with secret=«wh» tolerance=300
«ts» INFO  webhooks.stripe  customer=cus_«cus» amount_total=4900 currency=eur
«ts» INFO  webhooks.stripe  fulfilment queued order=«oid»
""",
        ts=g.stamp() + ",412",
        eid=g.alnum(22),
        wh=sv(g, "stripe-webhook-secret"),
        cus=g.alnum(14),
        oid=K(g.uuid()),
    )


@template("payments", 4)
def card_form_debug(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """«ts» WARNING payments.legacy  direct card form used (migrate to Elements)
«ts» DEBUG   payments.legacy  form data: {'card_number': '«cc»', 'exp': '08/29', 'save_card': True}
«ts» ERROR   payments.legacy  processor returned card_declined (request «rid»)
""",
        ts=g.stamp(),
        cc=S("credit-card", g.card()),
        rid=K(g.uuid()),
    )


@template("payments", 3)
def refund_log(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """«ts» ERROR payments.refund  refund failed for card «cc» (customer cus_«cus»): insufficient_funds
Traceback (most recent call last):
  File "⟦/srv/app/payments/refund.py⟧", line 88, in issue_refund
    processor.refund(charge_id, amount)
payments.errors.RefundError: insufficient_funds
""",
        ts=g.stamp() + ",907",
        cc=S("credit-card", g.card()),
        cus=g.alnum(14),
    )


@template("payments", 4)
def stripe_cli_config(g: Gen) -> Body:
    return body(
        "file",
        "~/.config/stripe/config.toml",
        "toml",
        """color = ""

[default]
  device_name = "build-mac-«n»"
  display_name = "Acme Payments"
  live_mode_api_key = "«rk»"
  live_mode_key_expires_at = "⟦«exp»⟧"
""",
        n=g.digits(2),
        rk=S("stripe-key", "rk_live_51" + g.alnum(96)),
        exp=g.later(90).strftime("%Y-%m-%d"),
    )


@template("payments", 4)
def shopify_app_env(g: Gen) -> Body:
    return body(
        "file",
        "shopify-app/.env",
        "dotenv",
        """SHOPIFY_API_KEY=«ck»
SHOPIFY_API_SECRET=«ss»
SHOPIFY_ACCESS_TOKEN=«at»
SCOPES=⟦read_orders,write_products⟧
HOST=https://acme-shop-app.fly.dev
""",
        ck=g.hex(32),
        ss=S("shopify-token", "shpss_" + g.hex(32)),
        at=S("shopify-token", "shpat_" + g.hex(32)),
    )


@template("payments", 1)
def shopify_customer_webhook(g: Gen) -> Body:
    first, last = g.person()
    return body(
        "output",
        "",
        "json",
        """{
  "id": «id»,
  "email": "«mail»",
  "created_at": "«ts»",
  "first_name": "«first»",
  "last_name": "«last»",
  "orders_count": 0,
  "state": "disabled",
  "verified_email": true,
  "phone": "«phone»",
  "currency": "EUR",
  "admin_graphql_api_id": "gid://shopify/Customer/«id»"
}
""",
        id=g.digits(13),
        mail=S("email", g.email_for(first, last)),
        ts=K(g.iso()[:-1] + "+01:00"),
        first=S("person-name", first),
        last=S("person-name", last),
        phone=S("phone", g.phone()),
    )


@template("payments", 1)
def shopify_admin_curl(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ curl -s -X GET "https://acme-store.myshopify.com/admin/api/⟦2024-07⟧/orders/count.json" -H \
"X-Shopify-Access-Token: «tok»"
{"count":1283}
""",
        tok=S("shopify-token", "shpat_" + g.hex(32)),
    )


@template("payments", 2)
def adyen_notification(g: Gen) -> Body:
    return body(
        "output",
        "",
        "json",
        """{
  "live": "true",
  "notificationItems": [
    {
      "NotificationRequestItem": {
        "eventCode": "AUTHORISATION",
        "success": "true",
        "eventDate": "«ts»",
        "merchantAccountCode": "AcmeECOM",
        "merchantReference": "order-«ref»",
        "pspReference": "«psp»",
        "paymentMethod": "sepadirectdebit",
        "amount": {"currency": "EUR", "value": «amt»},
        "additionalData": {
          "iban": "«iban»",
          "bankLocationId": "«blz»",
          "shopperReference": "«sref»"
        }
      }
    }
  ]
}
""",
        ts=K(g.iso()[:-1] + "+01:00"),
        ref=g.digits(6),
        psp=g.chars(UPPER_ALNUM, 16),
        amt=str(g.between(500, 50000)),
        iban=S("iban", g.iban(grouped=False)),
        blz=g.digits(8),
        sref=K(g.uuid()),
    )


@template("payments", 1)
def sepa_pain001(g: Gen) -> Body:
    first, last = g.person()
    return body(
        "file",
        "exports/payouts-pain001.xml",
        "xml",
        """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09">
  <CstmrCdtTrfInitn>
    <GrpHdr>
      <MsgId>PAYOUT-«mid»</MsgId>
      <CreDtTm>«ts»</CreDtTm>
      <NbOfTxs>1</NbOfTxs>
    </GrpHdr>
    <PmtInf>
      <CdtTrfTxInf>
        <Amt><InstdAmt Ccy="EUR">«amt»</InstdAmt></Amt>
        <Cdtr><Nm>«name»</Nm></Cdtr>
        <CdtrAcct><Id><IBAN>«iban»</IBAN></Id></CdtrAcct>
        <RmtInf><Ustrd>Payout «mid»</Ustrd></RmtInf>
      </CdtTrfTxInf>
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>
""",
        mid=g.digits(8),
        ts=K(g.iso()[:-1]),
        amt=f"{g.between(10, 4000)}.{g.digits(2)}",
        name=S("person-name", f"{first} {last}"),
        iban=S("iban", g.iban(grouped=False)),
    )


@template("payments", 2)
def paypal_ipn(g: Gen) -> Body:
    first, last = g.person()
    mail = g.email_for(first, last).replace("@", "%40")
    return body(
        "output",
        "",
        "console",
        """«ts» INFO ipn.listener POST /paypal/ipn \
body=mc_gross=49.00&protection_eligibility=Eligible&payer_id=«pid»&payment_date=«pd»&payment_status=Comp\
leted&payer_status=verified&payer_email=«mail»&txn_id=«txn»&⟦mc_currency=EUR⟧
«ts» INFO ipn.listener verification: VERIFIED
""",
        ts=g.stamp(),
        pid=g.chars(UPPER_ALNUM, 13),
        pd=g.tick().strftime("%H%%3A%M%%3A%S+Mar+%d%%2C+%Y+PDT"),
        mail=S("urlencoded-email", mail),
        txn=g.chars(UPPER_ALNUM, 17),
    )


@template("payments", 3)
def w9_onboarding(g: Gen) -> Body:
    return body(
        "output",
        "",
        "json",
        """{
  "vendor_id": "«vid»",
  "entity_type": "individual",
  "tax_id_type": "ssn",
  "tax_id": "«ssn»",
  "submitted_at": "«ts»"
}
""",
        vid=K(g.uuid()),
        ssn=S("ssn", g.ssn()),
        ts=K(g.iso()),
    )


# -- HR, CRM and customer exports -------------------------------------------------------------------------


@template("exports", 1)
def hr_csv(g: Gen) -> Body:
    rows: list[Piece] = []
    for first, last in g.people(1):
        rows += join(
            [
                g.digits(5),
                S("person-name", first),
                S("person-name", last),
                g.pick(["Engineering", "Finance", "Support", "Sales"]),
                K(g.tick().strftime("%Y-%m-%d")),
                S("ssn", g.ssn()),
            ],
            ",",
        )
        rows.append(("\n", ""))
    return body(
        "file",
        "exports/employees.csv",
        "csv",
        "employee_id,first_name,last_name,department,hire_date,ssn\n«rows»",
        rows=rows,
    )


@template("exports", 1)
def crm_tsv(g: Gen) -> Body:
    rows: list[Piece] = []
    for first, last in g.people(1):
        rows += join(
            [
                S("person-name", f"{first} {last}"),
                S("email", g.email_for(first, last)),
                g.pick(["Helix Motors", "Orbital Bakery", "Copperleaf Studio", "Tidewater Legal"]),
                K(g.iso()),
            ],
            "\t",
        )
        rows.append(("\n", ""))
    return body(
        "file",
        "exports/contacts.tsv",
        "tsv",
        "Full Name\tEmail\tCompany\tCreated\n«rows»",
        rows=rows,
    )


@template("exports", 1)
def psql_payees(g: Gen) -> Body:
    rows: list[Piece] = []
    people = g.people(1)
    width = max(len(f"{f} {la}") for f, la in people) + 1
    for i, (first, last) in enumerate(people):
        name = f"{first} {last}"
        rows += fill(
            " «id» | «name»«pad»| «iban»\n",
            id=str(101 + i).rjust(3),
            name=S("person-name", name),
            pad=" " * (width - len(name)),
            iban=S("iban", g.iban(grouped=False)),
        )
    return body(
        "output",
        "",
        "console",
        """⟦billing=> SELECT id, full_name, iban FROM payees WHERE id = 101;⟧
 id  | full_name«hpad»|          iban
-----+«dash»+------------------------
«rows»⟦(1 row)⟧

""",
        hpad=" " * (width - 9),
        dash="-" * (width + 1),
        rows=rows,
    )


@template("exports", 1)
def mysql_customers(g: Gen) -> Body:
    rows: list[Piece] = []
    for i, (first, last) in enumerate(g.people(1)):
        rows += fill(
            "| «id» | «mail» | «cc» | «ts» |\n",
            id=str(7 + i).rjust(2),
            mail=S("email", g.email_for(first, last)),
            cc=S("credit-card", g.card("compact")),
            ts=K(g.stamp()),
        )
    return body(
        "output",
        "",
        "console",
        """mysql> SELECT id, email, card_number, created_at FROM legacy_customers WHERE id = 7;
+----+------------------------------+------------------+---------------------+
| id | email                        | card_number      | created_at          |
+----+------------------------------+------------------+---------------------+
«rows»+----+------------------------------+------------------+---------------------+
1 row in set (0.00 sec)
""",
        rows=rows,
    )


@template("exports", 1)
def hubspot_json(g: Gen) -> Body:
    first, last = g.person()
    return body(
        "output",
        "",
        "json",
        """{
  "results": [
    {
      "id": "«id»",
      "properties": {
        "createdate": "«ts»",
        "email": "«mail»",
        "firstname": "«first»",
        "lastname": "«last»",
        "lifecyclestage": "lead",
        "hs_object_id": "«id»"
      },
      "archived": false
    }
  ],
  "paging": {"next": {"after": "«after»"}}
}
""",
        id=g.digits(11),
        ts=K(g.iso(frac=True)),
        mail=S("email", g.email_for(first, last)),
        first=S("person-name", first),
        last=S("person-name", last),
        after=g.digits(11),
    )


@template("exports", 4)
def payroll_csv(g: Gen) -> Body:
    rows: list[Piece] = []
    for _ in range(1):
        rows += join(
            [
                "E" + g.digits(5),
                S("iban", g.iban(grouped=True)),
                S("ssn", g.ssn()),
                f"{g.between(2000, 9000)}.{g.digits(2)}",
                K("2026-03-31"),
            ],
            ",",
        )
        rows.append(("\n", ""))
    return body(
        "file",
        "exports/payroll_2026_03.csv",
        "csv",
        "employee_id,iban,ssn,net_pay,pay_date\n«rows»",
        rows=rows,
    )


@template("exports", 4)
def sf_query(g: Gen) -> Body:
    rows = fill(
        " «cid»  «phone»  «ts»\n",
        cid="003" + g.alnum(15),
        phone=S("phone", g.phone(g.pick(["us", "uk", "au", "in"]))),
        ts=K(g.iso()[:-1] + ".000+0000"),
    )
    return body(
        "output",
        "",
        "console",
        """$ sf data query --query "SELECT Id, Phone, CreatedDate FROM Contact WHERE CreatedDate = \
TODAY LIMIT 1" --target-org prod
 ID  PHONE  CREATEDDATE
 ───── ───── ───────────
«rows»Total number of records retrieved: 1.
Querying Data... done
""",
        rows=rows,
    )


@template("exports", 1)
def support_tickets_csv(g: Gen) -> Body:
    rows: list[Piece] = []
    for _ in range(1):
        rows += join(
            [
                K(g.uuid()),
                S("email", g.email()),
                g.pick(['"Refund not received"', '"Cannot reset password"', '"Invoice address wrong"']),
                K(g.iso()),
            ],
            ",",
        )
        rows.append(("\n", ""))
    return body(
        "file",
        "exports/tickets.csv",
        "csv",
        "ticket_id,requester_email,subject,created_at\n«rows»",
        rows=rows,
    )


@template("payments", 2)
def sms_otp_log(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """«ts» INFO  notify.sms  sent verification code to «phone» via twilio sid=SM«sid» status=queued
«ts» INFO  notify.sms  delivery callback sid=SM«sid» status=delivered price=⟦-0.0079⟧ USD
""",
        ts=g.stamp() + ",118",
        phone=S("phone", g.phone()),
        sid=g.hex(32),
    )


@template("payments", 1)
def payout_iban_log(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """«ts» INFO  payouts.sepa  validated beneficiary iban=«iban» bic=«bic» scheme=⟦SEPA_CT_INST⟧
«ts» INFO  payouts.sepa  payout «pid» scheduled for ⟦«day»⟧
""",
        ts=g.stamp(),
        iban=S("iban", g.iban()),
        bic=g.pick(["DEUTDEFFXXX", "INGBNL2A", "BARCGB22", "AIBKIE2D"]),
        pid="po_" + g.alnum(20),
        day=g.later(1).strftime("%Y-%m-%d"),
    )


@template("observability", 1)
def nginx_access_log(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """«ip» - - [«ts» +0000] "GET /api/v1/users/lookup?email=«ue»&include=orgs HTTP/1.1" 200 412 \
"-" "⟦python-requests/2.32.3⟧"
«ip» - - [«ts» +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.30"
""",
        ip=K(g.ip_doc()),
        ts=g.tick().strftime("%d/%b/%Y:%H:%M:%S"),
        ue=S("urlencoded-email", _urlemail(g)),
    )


@template("payments", 2)
def mail_unsubscribe_event(g: Gen) -> Body:
    return body(
        "output",
        "",
        "json",
        """[
  {
    "event": "click",
    "timestamp": «epoch»,
    "sg_event_id": "«eid»",
    "url": "https://shop.acme-corp.io/unsubscribe?email=«ue»&list=weekly-deals&⟦utm_source=newsletter⟧",
    "category": ["weekly-deals"]
  }
]
""",
        epoch=str(1773480000 + g.between(0, 999999)),
        eid=g.b64url(16),
        ue=S("urlencoded-email", _urlemail(g)),
    )


@template("auth", 3)
def httpie_request(g: Gen) -> Body:
    scheme, cred = g.pick(
        [
            ("Bearer", g.opaque(g.between(36, 60))),
            ("Token", g.hex(40)),
            ("Basic", base64.b64encode(f"reports:{g.password()}".encode()).decode()),
        ]
    )
    return body(
        "output",
        "",
        "http",
        """$ http -v GET https://api.acme-corp.io/v2/reports "Authorization:«scheme» «cred»"
GET /v2/reports HTTP/1.1
Accept: */*
Accept-Encoding: gzip, deflate
Authorization: «scheme» «cred»
Host: api.acme-corp.io
User-Agent: ⟦HTTPie/3.2.3⟧

HTTP/1.1 200 OK
Content-Type: application/json
X-Request-Id: «rid»

[]
""",
        scheme=scheme,
        cred=S("auth-header", cred),
        rid=K(g.uuid()),
    )


# -- source control ---------------------------------------------------------------------------------------

_SUBJECTS = (
    "fix(api): retry idempotent requests on 502",
    "chore(deps): bump urllib3 from 2.2.1 to 2.2.2",
    "feat(billing): prorate seat changes mid-cycle",
    "refactor: split the exporter into reader and writer",
    "docs: explain the staging deploy",
    "test: cover the empty-cart checkout",
)


def _git_date(g: Gen) -> str:
    return g.tick().strftime("%a %b %d %H:%M:%S %Y ") + g.pick(["+0100", "+0000", "-0500"])


@template("source-control", 1)
def git_log(g: Gen) -> Body:
    first, last = g.person()
    out = fill(
        "commit «sha» (HEAD -> main, origin/main)\nAuthor: «name» <«mail»>\nDate:   «date»\n\n    «subj»\n\n",
        sha=K(g.sha()),
        name=S("person-name", f"{first} {last}"),
        mail=S("email", g.email_for(first, last)),
        date=_git_date(g),
        subj=g.pick(_SUBJECTS),
    )
    out += fill(
        "commit «sha»\nAuthor: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>\n"
        "Date:   «date»\n\n    chore(deps): bump ⟦«dep»⟧\n\n",
        sha=K(g.sha()),
        date=_git_date(g),
        dep=f"{g.pick(['urllib3', 'cryptography', 'pydantic'])} from {g.version()} to {g.version()}",
    )
    return body_of("output", "", "console", [("$ git log -2\n", ""), *out])


@template("source-control", 1)
def git_config_list(g: Gen) -> Body:
    first, last = g.person()
    return body(
        "output",
        "",
        "console",
        """$ git config --list
user.name=«name»
user.email=«mail»
⟦user.signingkey=«sk»⟧
credential.helper=store
core.repositoryformatversion=0
core.filemode=true
remote.origin.url=https://«tok»@github.com/acme/api.git
remote.origin.fetch=⟦+refs/heads/*:refs/remotes/origin/*⟧
branch.main.remote=origin
""",
        name=S("person-name", f"{first} {last}"),
        mail=S("email", g.email_for(first, last)),
        sk=g.hex(16).upper(),
        tok=S("github-token", g.github("ghp")),
    )


@template("source-control", 1)
def gitconfig_file(g: Gen) -> Body:
    first, last = g.person()
    return body(
        "file",
        "~/.gitconfig",
        "ini",
        """[user]
	name = «name»
	email = «mail»
[init]
	defaultBranch = main
[pull]
	rebase = true
[credential]
	helper = ⟦cache --timeout=3600⟧
""",
        name=S("person-name", f"{first} {last}"),
        mail=S("email", g.email_for(first, last)),
    )


@template("source-control", 2)
def git_credentials(g: Gen) -> Body:
    return body(
        "file",
        "~/.git-credentials",
        "",
        """https://«u1»:«gh»@github.com
https://oauth2:«gl»@gitlab.com
⟦https://git-codecommit.eu-west-1.amazonaws.com⟧
""",
        u1=g.pick(["build-bot", "acme-ci"]),
        gh=S("github-token", g.github()),
        gl=sv(g, "gitlab-token"),
    )


@template("source-control", 1)
def git_blame(g: Gen) -> Body:
    (f1, l1), (f2, l2) = g.people(2)
    n1 = S("person-name", f"{f1} {l1}")
    n2 = S("person-name", f"{f2} {l2}")
    return body(
        "output",
        "",
        "console",
        """$ git blame -L 40,42 src/billing/proration.py
«s1» («n1» «d1» 40) def prorate(amount: Decimal, days_left: int, days: int) -> Decimal:
«s2» («n2» «d2» 41)     if days <= 0:
^«s3» (dependabot[bot] «d2» 42)         raise ValueError("empty billing period")
""",
        s1=K(g.hex(8)),
        s2=g.hex(8),
        s3=K(g.hex(7)),
        n1=n1,
        n2=n2,
        d1=g.stamp() + " +0100",
        d2=g.stamp() + " +0100",
    )


@template("source-control", 1)
def git_shortlog(g: Gen) -> Body:
    out: list[Piece] = [("$ git shortlog -sne --since=2026-01-01\n", "")]
    for first, last in g.people(1):
        out += fill(
            "«n»\t«name» <«mail»>\n",
            n=str(g.between(3, 180)).rjust(6),
            name=S("person-name", f"{first} {last}"),
            mail=S("email", g.email_for(first, last, company=True)),
        )
    out += [("    41\tdependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>\n", "")]
    return body_of("output", "", "console", out)


@template("source-control", 1)
def git_format_patch(g: Gen) -> Body:
    first, last = g.person()
    name = S("person-name", f"{first} {last}")
    mail = S("email", g.email_for(first, last))
    return body(
        "file",
        "0001-fix-retry-idempotent-requests.patch",
        "diff",
        """From «sha» Mon Sep 17 00:00:00 2001
From: «name» <«mail»>
Date: «date»
Subject: [PATCH] fix(api): retry idempotent requests on 502

Refs: ⟦https://github.com/acme/api/issues/«issue»⟧
---
 src/api/client.py | 2 +-
 1 file changed, 1 insertion(+), 1 deletion(-)
""",
        sha=K(g.sha()),
        name=name,
        mail=mail,
        date=g.tick().strftime("%a, %d %b %Y %H:%M:%S +0100"),
        issue=g.digits(4),
    )


@template("source-control", 1)
def gh_auth_status(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ gh auth status --show-token
github.com
  ✓ Logged in to github.com account acme-ci (keyring)
  - Active account: true
  - Git operations protocol: https
  - Token: «tok»
  - Token scopes: 'gist', 'read:org', 'repo', 'workflow'
$ gh --version
gh version ⟦2.54.0⟧ (2024-08-01)
""",
        tok=S("github-token", g.github("gho")),
    )


# -- editor and tool settings -----------------------------------------------------------------------------


@template("editor", 1)
def vscode_settings(g: Gen) -> Body:
    return body(
        "file",
        ".vscode/settings.json",
        "jsonc",
        """{
  "editor.formatOnSave": true,
  "python.defaultInterpreterPath": "«home»/.venvs/api/bin/python",
  "http.proxy": "http://«u»:«pw»@proxy.corp.acme.net:3128",
  "http.proxyStrictSSL": false,
  "rest-client.environmentVariables": {
    "staging": {"baseUrl": "https://staging-api.acme-corp.io", "token": "⟦{{$dotenv STAGING_TOKEN}}⟧"}
  },
  "files.exclude": {"**/__pycache__": true}
}
""",
        home=S("home-path", g.home()),
        u=g.pick(["proxyuser", "svc-proxy"]),
        pw=S("connection-password", g.password(url_safe=True)),
    )


@template("editor", 1)
def vscode_user_settings(g: Gen) -> Body:
    return body(
        "file",
        "~/.config/Code/User/settings.json",
        "jsonc",
        """{
  "⟦workbench.colorTheme⟧": "Default Dark Modern",
  "terminal.integrated.env.linux": {
    "OPENAI_API_KEY": "«oa»"
  },
  "sqltools.connections": [
    {
      "name": "prod-replica",
      "driver": "⟦PostgreSQL⟧",
      "server": "orders-replica.db.internal",
      "port": 5432,
      "database": "orders",
      "username": "readonly",
      "password": "«pw»"
    }
  ]
}
""",
        oa=sv(g, "openai-key"),
        pw=S("password", g.password()),
    )


@template("editor", 1)
def vscode_mcp(g: Gen) -> Body:
    return body(
        "file",
        ".vscode/mcp.json",
        "json",
        """{
  "inputs": [
    {"type": "promptString", "id": "github_token", "description": "GitHub PAT", "password": true}
  ],
  "servers": {
    "github": {
      "command": "docker",
      "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"],
      "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "«gh»"}
    },
    "sentry": {
      "command": "npx",
      "args": ["-y", "@sentry/mcp-server@⟦0.17.1⟧"],
      "env": {"SENTRY_ACCESS_TOKEN": "«st»"}
    },
    "gitlab": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-gitlab"],
      "env": {"GITLAB_PERSONAL_ACCESS_TOKEN": "⟦${input:gitlab_token}⟧"}
    }
  }
}
""",
        gh=S("github-token", g.github("ghp")),
        st=sv(g, "sentry-token"),
    )


@template("editor", 1)
def claude_desktop_config(g: Gen) -> Body:
    return body(
        "file",
        "~/Library/Application Support/Claude/claude_desktop_config.json",
        "json",
        """{
  "mcpServers": {
    "postgres": {
      "command": "npx",
      "args": ["-y", "⟦@modelcontextprotocol/server-postgres⟧", "postgresql://app:«pw»@pg.internal.acme-corp.io:5432/app"]
    },
    "slack": {
      "command": "npx",
      "args": ["-y", "⟦@modelcontextprotocol/server-slack⟧"],
      "env": {"SLACK_BOT_TOKEN": "«xoxb»", "SLACK_TEAM_ID": "T«team»"}
    }
  }
}
""",
        pw=S("connection-password", g.password(url_safe=True)),
        xoxb=S("slack-token", f"xoxb-{g.digits(11)}-{g.digits(13)}-{g.alnum(24)}"),
        team=g.chars(UPPER_ALNUM, 10),
    )


@template("editor", 1)
def jetbrains_workspace(g: Gen) -> Body:
    return body(
        "file",
        ".idea/workspace.xml",
        "xml",
        """<?xml version="1.0" encoding="UTF-8"?>
<project version="4">
  <component name="RunManager" selected="Python.api">
    <configuration name="api" type="PythonConfigurationType" factoryName="Python">
      <envs>
        <env name="DATABASE_URL" value="postgresql://app:«pw»@localhost:5432/app" />
        <env name="SLACK_BOT_TOKEN" value="«xoxb»" />
        <env name="PYTHONUNBUFFERED" value="1" />
      </envs>
      <option name="WORKING_DIRECTORY" value="⟦$PROJECT_DIR$⟧" />
      <option name="SCRIPT_NAME" value="⟦$PROJECT_DIR$/manage.py⟧" />
    </configuration>
  </component>
</project>
""",
        pw=S("connection-password", g.password(url_safe=True)),
        xoxb=sv(g, "slack-token"),
    )


@template("editor", 1)
def jetbrains_http_env(g: Gen) -> Body:
    return body(
        "file",
        "http-client.private.env.json",
        "json",
        """{
  "dev": {
    "token": "«t1»",
    "baseUrl": "⟦http://localhost:8000⟧"
  },
  "prod": {
    "token": "⟦{{prod_token}}⟧"
  }
}
""",
        t1=S("config-secret", g.opaque(40)),
    )


@template("editor", 1)
def jetbrains_datasources(g: Gen) -> Body:
    return body(
        "file",
        ".idea/dataSources.xml",
        "xml",
        """<?xml version="1.0" encoding="UTF-8"?>
<project version="4">
  <component name="DataSourceManagerImpl" format="xml" multifile-model="true">
    <data-source source="LOCAL" name="orders@prod" uuid="«uuid»">
      <driver-ref>postgresql</driver-ref>
      <jdbc-driver>org.postgresql.Driver</jdbc-driver>
      <jdbc-url>jdbc:postgresql://orders-ro.db.internal:5432/orders?user=report&amp;password=«pw»</jdbc-url>
      <working-dir>⟦$ProjectFileDir$⟧</working-dir>
    </data-source>
  </component>
</project>
""",
        uuid=K(g.uuid()),
        pw=S("connection-password", g.password(url_safe=True)),
    )


@template("editor", 1)
def envrc(g: Gen) -> Body:
    return body(
        "file",
        ".envrc",
        "bash",
        """export AWS_PROFILE=acme-dev
export OPENAI_API_KEY=⟦${OPENAI_API_KEY:?must be set}⟧
export SLACK_BOT_TOKEN=«xoxb»
export DATABASE_URL=postgres://app:«pw»@db.dev.acme.internal:5432/app
dotenv_if_exists .env.local
layout python3
""",
        xoxb=sv(g, "slack-token"),
        pw=S("connection-password", g.password(url_safe=True)),
    )


@template("editor", 1)
def npmrc(g: Gen) -> Body:
    return body(
        "file",
        "~/.npmrc",
        "ini",
        """//registry.npmjs.org/:_authToken=«npm»
@acme:registry=https://npm.pkg.github.com
//npm.pkg.github.com/:_authToken=«gh»
⟦always-auth=true⟧
""",
        npm=sv(g, "npm-token"),
        gh=S("github-token", g.github("ghp")),
    )


@template("editor", 4)
def pypirc(g: Gen) -> Body:
    return body(
        "file",
        "~/.pypirc",
        "ini",
        """[distutils]
index-servers =
    pypi
    testpypi

[pypi]
username = ⟦__token__⟧
password = «tok»

[testpypi]
repository = https://test.pypi.org/legacy/
username = __token__
""",
        tok=sv(g, "pypi-token"),
    )


@template("editor", 1)
def pip_conf(g: Gen) -> Body:
    return body(
        "file",
        "~/.config/pip/pip.conf",
        "ini",
        """[global]
index-url = https://«u»:«pw»@nexus.acme-corp.io/repository/pypi/simple
⟦trusted-host = nexus.acme-corp.io⟧
⟦timeout = 60⟧
""",
        u=g.pick(["ci-reader", "dev"]),
        pw=S("connection-password", g.password(url_safe=True)),
    )


@template("editor", 4)
def twine_upload(g: Gen) -> Body:
    ver = g.version()
    return body(
        "output",
        "",
        "console",
        """$ TWINE_USERNAME=__token__ TWINE_PASSWORD=«tok» twine upload dist/*
Uploading distributions to https://upload.pypi.org/legacy/
Uploading acme_sdk-⟦«ver»⟧-py3-none-any.whl
100% ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 28.1/28.1 kB • 00:00 • 1.1 MB/s
Uploading acme_sdk-«ver».tar.gz
100% ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 24.7/24.7 kB • 00:00 • 980.2 kB/s

View at:
https://pypi.org/project/acme-sdk/«ver»/
""",
        tok=sv(g, "pypi-token"),
        ver=ver,
    )


@template("editor", 1)
def sops_age_keys(g: Gen) -> Body:
    return body(
        "file",
        "~/.config/sops/age/keys.txt",
        "",
        """# created: «ts»
# public key: age1«pub»
«key»
""",
        ts=K(g.iso()[:-1] + "+01:00"),
        pub=g.chars(_BECH32, 58),
        key=S("private-key", g.age_key()),
    )


# -- Terraform --------------------------------------------------------------------------------------------


@template("terraform", 1)
def tfstate(g: Gen) -> Body:
    return body(
        "file",
        "terraform.tfstate",
        "json",
        """{
  "version": 4,
  "terraform_version": "⟦1.9.5⟧",
  "serial": «serial»,
  "lineage": "«lineage»",
  "resources": [
    {
      "mode": "managed",
      "type": "aws_db_instance",
      "name": "orders",
      "instances": [
        {
          "attributes": {
            "address": "orders.c«rds».eu-central-1.rds.amazonaws.com",
            "engine": "postgres",
            "username": "orders_admin",
            "password": "«pw»"
          }
        }
      ]
    },
    {
      "mode": "managed",
      "type": "aws_iam_access_key",
      "name": "ci",
      "instances": [
        {
          "attributes": {
            "id": "«ak»",
            "secret": "«sk»",
            "status": "Active",
            "user": "ci-uploader"
          }
        }
      ]
    }
  ]
}
""",
        serial=str(g.between(3, 400)),
        lineage=K(g.uuid()),
        rds=g.chars(LOWER_ALNUM, 12),
        pw=S("password", g.password()),
        ak=sv(g, "aws-access-key"),
        sk=S("aws-secret-key", g.aws_secret()),
    )


@template("terraform", 1)
def tfstate_tls_key(g: Gen) -> Body:
    return body_of(
        "file",
        "terraform.tfstate",
        "json",
        fill(
            """{
  "version": 4,
  "resources": [
    {
      "mode": "managed",
      "type": "tls_private_key",
      "name": "bastion",
      "instances": [
        {
          "attributes": {
            "algorithm": "RSA",
            "id": "«id»",
            "private_key_pem": "«key»\\n",
            "rsa_bits": 2048
          }
        }
      ]
    }
  ]
}
""",
            id=K(g.sha()),
            key=pem_block(g, "rsa", escaped=True),
        ),
    )


@template("terraform", 1)
def tf_plan(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """Terraform used the selected providers to generate the following execution plan. Resource actions are
indicated with the following symbols:
  + create
  ~ update in-place

Terraform will perform the following actions:

  # aws_instance.bastion will be created
  + resource "aws_instance" "bastion" {
      + ami                    = "ami-0«ami»"
      + instance_type          = "t3.micro"
      + private_ip             = "«ip»"
      + public_ip              = ⟦(known after apply)⟧
      + vpc_security_group_ids = (known after apply)
    }

  # aws_db_instance.orders will be updated in-place
  ~ resource "aws_db_instance" "orders" {
        id       = "db-«dbid»"
      ~ password = ⟦(sensitive value)⟧
        # (41 unchanged attributes hidden)
    }

Plan: 1 to add, 1 to change, 0 to destroy.
""",
        ami=g.hex(16),
        ip=S("ip-address", f"10.{g.between(0, 40)}.{g.between(1, 9)}.{g.between(11, 249)}"),
        dbid=g.chars(UPPER_ALNUM, 26),
    )


@template("terraform", 1)
def tfvars(g: Gen) -> Body:
    return body(
        "file",
        "envs/prod/terraform.tfvars",
        "hcl",
        """region               = "eu-central-1"
db_password          = "«pw»"
datadog_api_key      = ⟦var.datadog_api_key⟧
cloudflare_zone      = "acme-corp.io"
allowed_cidrs        = ["⟦10.20.0.0/16⟧", "⟦192.0.2.0/24⟧"]
""",
        pw=S("password", g.password()),
    )


@template("terraform", 1)
def tf_providers(g: Gen) -> Body:
    return body(
        "file",
        "providers.tf",
        "hcl",
        """terraform {
  required_providers {
    aws    = { source = "hashicorp/aws", version = "⟦~> 5.60⟧" }
    github = { source = "integrations/github", version = "~> 6.2" }
  }
}

provider "aws" {
  region     = "eu-central-1"
  access_key = "«ak»"
  secret_key = "«sk»"
}

provider "github" {
  owner = "acme"
  token = ⟦var.github_token⟧
}
""",
        ak=sv(g, "aws-access-key"),
        sk=S("aws-secret-key", g.aws_secret()),
    )


@template("terraform", 1)
def tfrc_credentials(g: Gen) -> Body:
    return body(
        "file",
        "~/.terraform.d/credentials.tfrc.json",
        "json",
        """{
  "⟦credentials⟧": {
    "⟦app.terraform.io⟧": {
      "token": "«tok»"
    }
  }
}
""",
        tok=S("config-secret", f"{g.chars(LOWER_ALNUM, 14)}.atlasv1.{g.chars(LOWER_ALNUM, 67)}"),
    )


@template("terraform", 1)
def vault_login(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ vault login -method=userpass username=ops password=«pw»
Success! You are now authenticated. The token information displayed below
is already stored in the token helper. You do NOT need to run "vault login"
again. Future Vault requests will automatically use this token.

Key                    Value
---                    -----
token                  «tok»
token_accessor         «acc»
token_duration         768h
token_renewable        true
token_policies         ["default" "ops"]
""",
        pw=S("cli-password", g.password()),
        tok=sv(g, "vault-token"),
        acc=g.alnum(24),
    )


@template("terraform", 1)
def vault_kv_get(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ vault kv get secret/orders/db
====== Secret Path ======
secret/data/orders/db

======= Metadata =======
Key                Value
---                -----
created_time       «ts»
version            3

====== Data ======
Key         Value
---         -----
password    «pw»
username    orders_app
""",
        ts=K(g.iso(frac=True)),
        pw=S("password", g.password()),
    )


@template("terraform", 1)
def terraform_output_json(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ terraform output -json
{
  "bastion_dns": {
    "sensitive": false,
    "type": "string",
    "value": "⟦bastion.prod.acme-corp.io⟧"
  },
  "db_password": {
    "⟦sensitive⟧": true,
    "type": "string",
    "value": "«pw»"
  }
}
""",
        pw=S("password", g.password()),
    )


@template("terraform", 1)
def tf_apply_log(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """aws_security_group.bastion: Creating...
aws_security_group.bastion: Creation complete after 3s [id=sg-0«sg»]
aws_instance.bastion: Creating...
aws_instance.bastion: Still creating... [10s elapsed]
aws_instance.bastion: Creation complete after 32s [id=i-0«iid»]

Apply complete! Resources: 2 added, 0 changed, 0 destroyed.

Outputs:

bastion_public_ip = "«ip»"
db_endpoint = "orders.c«rds».eu-central-1.rds.amazonaws.com:5432"
metadata_endpoint = "⟦169.254.169.254⟧"
""",
        sg=g.hex(16),
        iid=g.hex(16),
        ip=S("ip-address", g.ip_public()),
        rds=g.chars(LOWER_ALNUM, 12),
    )


@template("terraform", 1)
def tf_k8s_secret_state(g: Gen) -> Body:
    cfg = json.dumps(
        {"auths": {"ghcr.io": {"auth": base64.b64encode(f"acme-ci:{g.github('ghp')}".encode()).decode()}}}
    )
    return body(
        "output",
        "",
        "console",
        """$ kubectl get secret ghcr-pull -n apps -o yaml
apiVersion: v1
data:
  .dockerconfigjson: «cfg»
⟦kind: Secret⟧
metadata:
  labels:
    app.kubernetes.io/managed-by: terraform
  name: ghcr-pull
  namespace: apps
type: ⟦kubernetes.io/dockerconfigjson⟧
""",
        cfg=S("k8s-secret-data", base64.b64encode(cfg.encode()).decode()),
    )


# -- vendor tokens where a setting keeps its environment --------------------------------------------------

VENDOR_ENV: Mapping[str, str] = {
    "github-token": "GITHUB_TOKEN",
    "gitlab-token": "GITLAB_TOKEN",
    "slack-token": "SLACK_BOT_TOKEN",
    "slack-webhook": "SLACK_WEBHOOK_URL",
    "stripe-key": "STRIPE_SECRET_KEY",
    "stripe-webhook-secret": "STRIPE_WEBHOOK_SECRET",
    "openai-key": "OPENAI_API_KEY",
    "anthropic-key": "ANTHROPIC_API_KEY",
    "aws-access-key": "AWS_ACCESS_KEY_ID",
    "google-api-key": "GOOGLE_MAPS_API_KEY",
    "npm-token": "NPM_TOKEN",
    "pypi-token": "UV_PUBLISH_TOKEN",
    "huggingface-token": "HF_TOKEN",
    "sendgrid-key": "SENDGRID_API_KEY",
    "digitalocean-token": "DIGITALOCEAN_ACCESS_TOKEN",
    "sentry-token": "SENTRY_AUTH_TOKEN",
    "grafana-token": "GRAFANA_SERVICE_ACCOUNT_TOKEN",
    "shopify-token": "SHOPIFY_ACCESS_TOKEN",
    "heroku-key": "HEROKU_API_KEY",
    "vault-token": "VAULT_TOKEN",
    "flyio-token": "FLY_API_TOKEN",
    "netlify-token": "NETLIFY_AUTH_TOKEN",
    "newrelic-key": "NEW_RELIC_API_KEY",
    "databricks-token": "DATABRICKS_TOKEN",
}

# How many environment documents each vendor class takes: the classes few settings hold otherwise.
_TOPUP_NEEDS: Mapping[str, int] = {
    "sendgrid-key": 7,
    "vault-token": 7,
    "slack-token": 5,
    "digitalocean-token": 4,
    "flyio-token": 4,
    "gitlab-token": 4,
    "slack-webhook": 4,
    "heroku-key": 3,
    "npm-token": 3,
    "stripe-key": 1,
}


def _rotation(needs: Mapping[str, int]) -> tuple[str, ...]:
    """The classes in turn, the neediest first in every round."""
    left = dict(needs)
    out: list[str] = []
    while any(left.values()):
        for cls in sorted(left, key=lambda c: -left[c]):
            if left[cls]:
                out.append(cls)
                left[cls] -= 1
    return tuple(out)


TOPUP = _rotation(_TOPUP_NEEDS)


def vendor_value(g: Gen, cls: str) -> list[Piece]:
    if cls == "slack-webhook":
        return hook(g)
    if cls == "flyio-token":
        return [("FlyV1 ", ""), *_pieces(sv(g, cls))]
    return _pieces(sv(g, cls))


def next_topup(g: Gen) -> str:
    """The class for the next environment document (`build_corpus` moves on once one is kept)."""
    return TOPUP[g.topup % len(TOPUP)]


TOPUP_TEMPLATES = frozenset(
    {"printenv_debug", "docker_inspect_env", "dotenv_local", "deployment_env", "secret_set_cmd"}
)


@template("ci", 9)
def printenv_debug(g: Gen) -> Body:
    cls = next_topup(g)
    return body(
        "output",
        "",
        "console",
        """##[group]Run env | sort | grep -v '^PATH='
env | sort | grep -v '^PATH='
shell: /usr/bin/bash -e {0}
##[endgroup]
CI=true
GITHUB_ACTIONS=true
GITHUB_REF=refs/heads/main
GITHUB_RUN_ID=«run»
GITHUB_SHA=«sha»
ImageVersion=⟦«img»⟧
«name»=«val»
RUNNER_ARCH=X64
RUNNER_OS=Linux
TZ=UTC
""",
        run=g.digits(11),
        sha=K(g.sha()),
        img=f"2026{g.digits(4)}.{g.between(1, 9)}.0",
        name=VENDOR_ENV[cls],
        val=vendor_value(g, cls),
    )


@template("brokers", 9)
def docker_inspect_env(g: Gen) -> Body:
    cls = next_topup(g)
    return body(
        "output",
        "",
        "console",
        """$ docker inspect --format '{{json .Config.Env}}' «ctr» | jq .
[
  "PATH=⟦/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin⟧",
  "«name»=«val»",
  "PYTHON_VERSION=⟦«pv»⟧",
  "LANG=C.UTF-8",
  "PORT=8080"
]
""",
        ctr=g.pick(["orders-celery-worker-1", "notify-consumer-1", "billing-kafka-sink-1"]),
        name=VENDOR_ENV[cls],
        val=vendor_value(g, cls),
        pv=f"3.12.{g.between(1, 9)}",
    )


@template("editor", 8)
def dotenv_local(g: Gen) -> Body:
    cls = next_topup(g)
    return body(
        "file",
        ".env.local",
        "dotenv",
        """# local overrides, not committed
PORT=3000
PUBLIC_URL=⟦http://localhost:3000⟧
LOG_LEVEL=debug
«name»=«val»
FEATURE_FLAGS=⟦new-checkout,fast-search⟧
""",
        name=VENDOR_ENV[cls],
        val=vendor_value(g, cls),
    )


@template("terraform", 8)
def deployment_env(g: Gen) -> Body:
    cls = next_topup(g)
    return body(
        "file",
        "k8s/api.tf",
        "hcl",
        """resource "kubernetes_deployment" "api" {
  metadata {
    name      = "api"
    namespace = "apps"
  }
  spec {
    template {
      spec {
        container {
          name  = "api"
          image = "⟦ghcr.io/acme/api@sha256:«dig»⟧"
          env {
            name  = "«name»"
            value = "«val»"
          }
          env {
            name  = "LOG_LEVEL"
            value = "info"
          }
        }
      }
    }
  }
}
""",
        dig=g.hex(64),
        name=VENDOR_ENV[cls],
        val=vendor_value(g, cls),
    )


@template("source-control", 8)
def secret_set_cmd(g: Gen) -> Body:
    cls = next_topup(g)
    repo = g.pick(["acme/api", "acme/web", "acme/infra"])
    return body(
        "output",
        "",
        "console",
        """$ gh secret set «name» --repo «repo» --body "«val»"
✓ Set Actions secret «name» for «repo»
$ gh secret list --repo «repo»
NAME            UPDATED
«name»    ⟦less than a minute ago⟧
CODECOV_TOKEN   about 2 months ago
""",
        name=VENDOR_ENV[cls],
        repo=repo,
        val=vendor_value(g, cls),
    )


# -- look-alikes only: what must stay, with no secret beside it -------------------------------------------


@template("editor", 3)
def env_example(g: Gen) -> Body:
    return body(
        "file",
        ".env.example",
        "dotenv",
        """# Copy to .env and fill in. Never commit the real values.
OPENAI_API_KEY=⟦<your-api-key>⟧
GITHUB_TOKEN=⟦ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx⟧
STRIPE_SECRET_KEY=⟦sk-...⟧
DATABASE_URL=postgres://app:⟦changeme⟧@localhost:5432/app
SMTP_PASSWORD=⟦****⟧
SENTRY_DSN=
SUPPORT_EMAIL=«mail»
""",
        mail=K(g.example_email()),
    )


@template("editor", 3)
def shell_defaults(g: Gen) -> Body:
    return body(
        "file",
        "scripts/deploy.sh",
        "bash",
        """#!/usr/bin/env bash
set -euo pipefail
: "⟦${OPENAI_API_KEY:?must be set}⟧"
: "${DEPLOY_ENV:=staging}"
DB_PASSWORD="⟦$(vault kv get -field=password secret/orders/db)⟧"
curl -fsS -H "Authorization: Bearer ⟦${TOKEN}⟧" "https://deploy.acme-corp.io/api/v1/releases?env=${DEPLOY_ENV}"
echo "deployed ⟦«sha»⟧ at $(date -u +%FT%TZ)"
""",
        sha=g.sha(),
    )


@template("ci", 2)
def gha_secrets_only(g: Gen) -> Body:
    return body(
        "file",
        ".github/workflows/ci.yml",
        "yaml",
        """name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-24.04
    services:
      postgres:
        image: ⟦postgres:16.4⟧
        env:
          POSTGRES_PASSWORD: ⟦${{ secrets.CI_DB_PASSWORD }}⟧
    steps:
      - uses: actions/checkout@«pin» # v4.1.7
      - uses: astral-sh/setup-uv@v3
      - run: uv run pytest -q
        env:
          CODECOV_TOKEN: ⟦${{ secrets.CODECOV_TOKEN }}⟧
          RUN_ID: ⟦${{ github.run_id }}⟧
""",
        pin=K(g.sha()),
    )


@template("terraform", 2)
def tf_plan_sensitive(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """  # aws_secretsmanager_secret_version.db will be created
  + resource "aws_secretsmanager_secret_version" "db" {
      + arn            = ⟦(known after apply)⟧
      + secret_string  = ⟦(sensitive value)⟧
      + version_id     = (known after apply)
    }

  # aws_security_group_rule.vpn will be created
  + resource "aws_security_group_rule" "vpn" {
      + cidr_blocks = [
          + "⟦10.0.0.0/8⟧",
          + "⟦«doc»/32⟧",
        ]
      + from_port   = 443
    }

Plan: 2 to add, 0 to change, 0 to destroy.
Saved the plan to: ⟦/tmp/tfplan-«n»⟧
""",
        doc=g.ip_doc(),
        n=g.digits(6),
    )


@template("observability", 2)
def prometheus_local(g: Gen) -> Body:
    return body(
        "file",
        "prometheus.local.yml",
        "yaml",
        """global:
  scrape_interval: 15s
scrape_configs:
  - job_name: app
    static_configs:
      - targets: ['⟦127.0.0.1:8000⟧', '⟦«doc»:9100⟧']
  - job_name: blackbox
    params:
      module: [http_2xx]
    static_configs:
      - targets: ['https://«exdomain»/health']
    relabel_configs:
      - target_label: __address__
        replacement: ⟦blackbox-exporter:9115⟧
""",
        doc=g.ip_doc(),
        exdomain=g.pick(["www.example.com", "status.example.org"]),
    )


@template("cloud-cli", 2)
def docker_pull(g: Gen) -> Body:
    ver = g.version()
    return body(
        "output",
        "",
        "console",
        """$ docker pull ghcr.io/acme/api:«ver»
«ver»: Pulling from acme/api
«l1»: Already exists
«l2»: Pull complete
Digest: ⟦sha256:«dig»⟧
Status: Downloaded newer image for ghcr.io/acme/api:⟦«ver»⟧
ghcr.io/acme/api:«ver»
""",
        ver=ver,
        l1=g.hex(12),
        l2=g.hex(12),
        dig=g.hex(64),
    )


@template("source-control", 2)
def git_log_oneline(g: Gen) -> Body:
    lines: list[Piece] = [("$ git log --oneline --graph -5\n", "")]
    for i, subj in enumerate(g.r.sample(list(_SUBJECTS), 4)):
        lines += fill("* «h» «s»\n", h=K(g.short()), s=subj if i else f"(HEAD -> main) {subj}")
    lines += fill("$ git describe --tags\n⟦«tag»⟧\n", tag=f"v{g.version()}-3-g{g.short()}")
    return body_of("output", "", "console", lines)


@template("auth", 2)
def oidc_discovery(g: Gen) -> Body:
    return body(
        "output",
        "",
        "json",
        """{
  "issuer": "⟦https://login.acme-corp.io/realms/acme⟧",
  "authorization_endpoint": "https://login.acme-corp.io/realms/acme/protocol/openid-connect/auth",
  "token_endpoint": "⟦https://login.acme-corp.io/realms/acme/protocol/openid-connect/token⟧",
  "jwks_uri": "https://login.acme-corp.io/realms/acme/protocol/openid-connect/certs",
  "response_types_supported": ["code", "id_token", "code id_token"],
  "id_token_signing_alg_values_supported": ["⟦RS256⟧", "ES256"],
  "code_challenge_methods_supported": ["plain", "⟦S256⟧"],
  "claims_supported": ["sub", "email", "email_verified", "preferred_username"]
}
""",
    )


@template("ml", 2)
def pip_install(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ uv pip install -r requirements.txt
Resolved 48 packages in 1.12s
Prepared 6 packages in 3.41s
Installed 6 packages in 88ms
 + ⟦torch==2.4.1⟧
 + transformers==«tv»
 + ⟦safetensors==0.4.5⟧
 + accelerate==0.34.2
 + datasets==3.0.1
 + ⟦huggingface-hub==0.25.2⟧
$ python -c "import torch; print(torch.cuda.get_device_name(0))"
NVIDIA A10G
""",
        tv=K(f"4.{g.between(40, 49)}.{g.between(0, 3)}"),
    )


@template("auth", 3)
def http_headers_benign(g: Gen) -> Body:
    return body(
        "output",
        "",
        "http",
        """GET /socket HTTP/1.1
Host: ws.acme-corp.io
Upgrade: websocket
Connection: Upgrade
Sec-WebSocket-Key: ⟦«wsk»⟧
Sec-WebSocket-Version: 13
Postman-Token: ⟦«pt»⟧
Cookie: ⟦_ga=GA1.1.«ga»⟧; ⟦theme=dark⟧; ⟦session=deleted⟧

HTTP/1.1 101 Switching Protocols
Set-Cookie: ⟦lang=de; Path=/; Max-Age=31536000; SameSite=Lax⟧
""",
        wsk=g.b64(16),
        pt=g.uuid(),
        ga=f"{g.digits(9)}.{1773480000 + g.between(0, 999999)}",
    )


@template("exports", 2)
def export_anonymised(g: Gen) -> Body:
    rows: list[Piece] = []
    for _ in range(3):
        rows += join(
            [K(g.uuid()), g.pick(["DE", "FR", "US", "GB"]), f"{g.between(5, 900)}.{g.digits(2)}", K(g.iso())],
            ",",
        )
        rows.append(("\n", ""))
    return body(
        "file",
        "exports/orders_anonymised.csv",
        "csv",
        "# contact: «mail»\ncustomer_ref,country,total_eur,ordered_at\n«rows»",
        mail=K(g.example_email()),
        rows=rows,
    )


@template("brokers", 2)
def kafka_groups(g: Gen) -> Body:
    o1, o2 = g.between(100000, 999999), g.between(100000, 999999)
    return body(
        "output",
        "",
        "console",
        """$ kafka-consumer-groups.sh --bootstrap-server ⟦localhost:9092⟧ --describe --group billing
GROUP    TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG  CONSUMER-ID                    \
                  HOST         CLIENT-ID
billing  orders.created  0          «o1»           «o1»           0    ⟦consumer-billing-1-«cid»⟧  \
⟦/127.0.0.1⟧   consumer-billing-1
billing  orders.created  1          «o2»           «o3»           2    consumer-billing-1-«cid»  \
/127.0.0.1   consumer-billing-1
""",
        o1=str(o1),
        o2=str(o2),
        o3=str(o2 + 2),
        cid=g.uuid(),
    )


@template("cloud-cli", 2)
def aws_docs_example(g: Gen) -> Body:
    return body(
        "file",
        "docs/aws-setup.md",
        "markdown",
        """## Configure the CLI

Use the documented example values to check the profile format:

    aws_access_key_id = «ak»
    aws_secret_access_key = «sk»

Then run `aws sts get-caller-identity --profile sandbox` (see ⟦https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html⟧).
""",
        ak=K("AKIA" + "IOSFODNN7" + "EXAMPLE"),
        sk=K("wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY"),
    )


@template("payments", 3)
def publishable_keys(g: Gen) -> Body:
    mapbox = (
        "pk."
        + base64.urlsafe_b64encode(
            json.dumps({"u": "acme", "a": g.chars(LOWER_ALNUM, 25)}, separators=(",", ":")).encode()
        )
        .decode()
        .rstrip("=")
        + "."
        + g.chars(B64URL, 22)
    )
    return body(
        "file",
        "web/src/config/public.ts",
        "typescript",
        """// Keys published to every browser by design.
export const POSTHOG_KEY = "«phc»";
export const MAPBOX_TOKEN = "«mb»";
export const SUPABASE_PUBLISHABLE_KEY = "«sb»";
export const APPINSIGHTS = "«ai»";
""",
        phc=K("phc_" + g.alnum(43)),
        mb=K(mapbox),
        sb=K("sb_publishable_" + g.alnum(22) + "_" + g.alnum(8)),
        ai=K(
            f"InstrumentationKey={g.uuid()};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/"
        ),
    )


@template("mobile", 2)
def gradle_build_output(g: Gen) -> Body:
    return body(
        "output",
        "",
        "console",
        """$ ./gradlew :app:bundleRelease
> Task :app:preBuild UP-TO-DATE
> Task :app:compileReleaseKotlin
w: file://⟦/workspace/android/app/src/main/java/com/acme/orders/Checkout.kt⟧:42:13 'getter for value: \
String' is deprecated.
> Task :app:signReleaseBundle
> Task :app:bundleRelease

BUILD SUCCESSFUL in 2m 14s
⟦48 actionable tasks: 31 executed, 17 up-to-date⟧
Gradle ⟦8.9⟧
""",
    )


# ---------------------------------------------------------------------------------------------------------
# Deliveries: how an agent's output carries the text


def _json_escape(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)[1:-1]


def _allowed(b: Body) -> list[str]:
    labelled = [t for t, kind in b.pieces if kind]
    multiline = any("\n" in t for t in labelled)
    escapes = any(_json_escape(t) != t for t in labelled)
    out = ["plain", "fence"]
    if not escapes:
        out.append("json")
    if not multiline:
        out += ["numbered", "ci-log"]
        if b.kind == "file":
            out.append("diff")
    return out


def _prefixed(pieces: Sequence[Piece], prefix: Callable[[int], list[Piece]]) -> list[Piece]:
    """Puts `prefix(n)` before the n-th line (from 1); labelled pieces hold no newline here."""
    out: list[Piece] = []
    at_start = True
    n = 0
    for text, kind in pieces:
        if kind:
            if at_start:
                n += 1
                out.extend(prefix(n))
                at_start = False
            out.append((text, kind))
            continue
        for line in text.splitlines(keepends=True):
            if at_start:
                n += 1
                out.extend(prefix(n))
            out.append((line, ""))
            at_start = line.endswith("\n")
    return out


def _line_count(pieces: Sequence[Piece]) -> int:
    text = "".join(t for t, _ in pieces)
    return len(text.splitlines())


def _ensure_newline(pieces: list[Piece]) -> list[Piece]:
    if pieces and not pieces[-1][0].endswith("\n"):
        pieces.append(("\n", ""))
    return pieces


def _wrap_json(g: Gen, pieces: Sequence[Piece]) -> list[Piece]:
    inner = [(_json_escape(t) if not kind else t, kind) for t, kind in pieces]
    shape = g.pick(["claude", "codex", "gemini"])
    ts = g.iso(frac=True)
    if shape == "claude":
        head = fill(
            '{"parentUuid":"«p»","isSidechain":false,"type":"user","message":{"role":"user","content":'
            '[{"tool_use_id":"toolu_01«tid»","type":"tool_result","content":"',
            p=K(g.uuid()),
            tid=g.chars(ALNUM, 22),
        )
        tail = fill(
            '","is_error":false}]},"uuid":"«u»","timestamp":"«ts»"}\n',
            u=K(g.uuid()),
            ts=K(ts),
        )
    elif shape == "codex":
        head = fill(
            '{"timestamp":"«ts»","type":"response_item","payload":{"type":"function_call_output",'
            '"call_id":"call_«cid»","output":"',
            ts=K(ts),
            cid=g.alnum(24),
        )
        tail = [('"}}\n', "")]
    else:
        head = fill(
            '{"id":"«u»","ts":"«ts»","type":"tool_result","name":"run_shell_command","output":"',
            u=K(g.uuid()),
            ts=K(ts),
        )
        tail = [('","exit_code":0}\n', "")]
    return head + inner + tail


def _ci_prefix(g: Gen) -> Callable[[int], list[Piece]]:
    style = g.pick(["github", "gitlab", "jenkins", "buildkite"])

    def prefix(n: int) -> list[Piece]:
        t = g.tick(g.between(0, 2) or 1)
        if style == "github":
            stamp = t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}{g.between(0, 9)}Z"
            return [(stamp, "=" if n % 3 == 1 else ""), (" ", "")]
        if style == "gitlab":
            stamp = t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond:06d}Z"
            return [(stamp, "=" if n % 3 == 1 else ""), (" 00O ", "")]
        if style == "jenkins":
            stamp = t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
            return [("[", ""), (stamp, "=" if n % 3 == 1 else ""), ("] ", "")]
        return [("[", ""), (t.strftime("%Y-%m-%d %H:%M:%S UTC"), "=" if n % 3 == 1 else ""), ("] ", "")]

    return prefix


_FENCE_INTROS = (
    "Here is what it printed:",
    "Output:",
    "The current contents:",
    "Result of the command:",
    "I found this:",
    "",
)


def deliver(g: Gen, b: Body, delivery: str) -> list[Piece]:
    pieces = list(b.pieces)
    if delivery == "plain":
        return pieces
    if delivery == "json":
        return _wrap_json(g, pieces)
    if delivery == "numbered":
        return _prefixed(pieces, lambda n: [(f"{n:>6}→", "")])
    if delivery == "ci-log":
        return _prefixed(pieces, _ci_prefix(g))
    if delivery == "diff":
        path = b.path.lstrip("~/").lstrip("/")
        head = (
            f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{g.short()}\n"
            f"--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{_line_count(pieces)} @@\n"
        )
        return [(head, ""), *_prefixed(pieces, lambda n: [("+", "")])]
    intro = g.pick(_FENCE_INTROS)
    head = (intro + "\n\n" if intro else "") + f"```{b.lang}\n"
    return [(head, ""), *_ensure_newline(pieces), ("```\n", "")]


# ---------------------------------------------------------------------------------------------------------
# Building


def _assemble(name: str, setting: str, delivery: str, pieces: Sequence[Piece]) -> Document:
    text_parts: list[str] = []
    secrets: list[Secret] = []
    keeps: list[Keep] = []
    pos = 0
    for text, kind in pieces:
        if kind == "=":
            keeps.append(Keep(text, pos))
        elif kind:
            secrets.append(Secret(kind, text, pos))
        text_parts.append(text)
        pos += len(text)
    return Document(name, setting, delivery, "".join(text_parts), tuple(secrets), tuple(keeps))


def problems(doc: Document) -> list[str]:
    """What is wrong with a document's labels (empty when it is sound)."""
    out: list[str] = []
    spans = sorted((s.offset, s.end) for s in doc.secrets)
    for (_, end), (start, _) in itertools.pairwise(spans):
        if start < end:
            out.append("secrets overlap")
    starts = {(s.offset, s.text) for s in doc.secrets}
    for s in doc.secrets:
        if doc.text[s.offset : s.end] != s.text:
            out.append(f"secret not where it says: {s.cls}")
        if not s.text or s.text != s.text.strip():
            out.append(f"secret empty or padded: {s.cls}")
        i = doc.text.find(s.text)
        while i >= 0:
            if (i, s.text) not in starts:
                out.append(f"unlabelled copy of a {s.cls}")
            i = doc.text.find(s.text, i + 1)
    for k in doc.keeps:
        if doc.text[k.offset : k.end] != k.text or not k.text.strip():
            out.append("keep not where it says")
        for s in doc.secrets:
            if k.offset < s.end and s.offset < k.end:
                out.append(f"keep overlaps a {s.cls}")
            if k.text in s.text:
                out.append(f"keep text inside a {s.cls}")
    return out


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """The part's documents, the same for the same seed."""
    g = Gen(seed)
    docs: list[Document] = []
    for template in TEMPLATES:
        for i in range(template.count):
            for _attempt in range(20):
                b = template.make(g)
                delivery = g.pick(_allowed(b))
                doc = _assemble(
                    f"{template.setting}/{template.name}/{i}",
                    template.setting,
                    delivery,
                    deliver(g, b, delivery),
                )
                if not problems(doc):
                    break
            else:
                raise RuntimeError(f"{template.name}: no sound document in 20 tries")
            if template.name in TOPUP_TEMPLATES:
                g.topup += 1
            docs.append(doc)
    return docs


def corpus_digest(docs: Sequence[Document]) -> str:
    """sha256 over every document's text and labels, to pin a build."""
    rows = [
        [
            d.name,
            d.setting,
            d.delivery,
            d.text,
            [[s.cls, s.text, s.offset] for s in d.secrets],
            [[k.text, k.offset] for k in d.keeps],
        ]
        for d in docs
    ]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()


# ---------------------------------------------------------------------------------------------------------
# Measuring

FRAGMENT = 8


def _outside(doc: Document) -> str:
    parts: list[str] = []
    pos = 0
    for s in sorted(doc.secrets, key=lambda s: s.offset):
        parts.append(doc.text[pos : s.offset])
        parts.append("\x00")
        pos = s.end
    parts.append(doc.text[pos:])
    return "".join(parts)


def _fragment_left(secret: str, out: str, outside: str) -> bool:
    for i in range(len(secret) - FRAGMENT + 1):
        window = secret[i : i + FRAGMENT]
        if window in out and out.count(window) > outside.count(window):
            return True
    return False


def measure_documents(docs: Sequence[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregate recall and keep figures of `scrub` over `docs` (never which secret survived)."""
    total = removed = clean = 0
    vendor_total = vendor_removed = 0
    spans = kept = 0
    for doc in docs:
        out = scrub(doc.text)
        outside = _outside(doc)
        for s in doc.secrets:
            gone = s.text not in out
            total += 1
            removed += gone
            if gone and (len(s.text) <= FRAGMENT or not _fragment_left(s.text, out, outside)):
                clean += 1
            if s.cls in VENDOR_CLASSES:
                vendor_total += 1
                vendor_removed += gone
        for k in doc.keeps:
            spans += 1
            kept += out.count(k.text) >= doc.text.count(k.text)
    return {
        "secrets": float(total),
        "recall": removed / total if total else 1.0,
        "recall_no_fragment": clean / total if total else 1.0,
        "vendor_prefix_recall": vendor_removed / vendor_total if vendor_total else 1.0,
        "keep_rate": kept / spans if spans else 1.0,
        "spans": float(spans),
    }


def measure_held_back() -> dict[str, float]:
    """The scrubber's aggregate figures on this part."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
