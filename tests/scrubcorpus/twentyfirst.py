"""The twenty-first held-back scrub corpus: twelve settings no earlier part covered.

Settings: scientific publishing and research tooling (Overleaf git remotes, arXiv bundles, ORCID, Zenodo and
Zotero), genomics and bioinformatics pipelines (Nextflow, Snakemake, SRA/ENA, BaseSpace, patient sample sheets),
insurance claims processing (claim exports, adjuster portal keys), real estate and property management (tenant
ledgers, lease exports, Yardi, AppFolio and Buildium), fleet telematics and logistics (Samsara, Geotab, driver
rosters, GPS traces), restaurant and retail point of sale (Square, Toast, Clover, Lightspeed, Shopify, receipt
exports), event ticketing (Eventbrite, Ticket Tailor, attendee exports, invitations), nonprofit donor management
(Salesforce NPSP, Bloomerang, Donorbox, donor lists), e-discovery and legal holds (load files, custodian lists,
Relativity), automotive and OBD tooling (connected-car APIs, VIN lists, diagnostic logs), translation and
language APIs (DeepL, Google Translate, Crowdin, Lokalise, Phrase) and quantum and HPC cloud SDKs (IBM Quantum,
AWS Braket, D-Wave Leap, Slurm).

Labels follow the scrubber's published policy alone: what it says goes is a `Secret`; what it says stays, and
look-alikes of secrets it keeps (placeholders, variable references, template expressions, example and
documentation values, hashes of public content, resource UUIDs, public keys, versions, reserved domains'
addresses, stand-in names, published test cards), is a `Keep`; what it leaves open is not labelled at all.

Every value is a fake drawn at build time from a seeded `random.Random`, valid for its format where the format
has a check (CRC32 checksums of GitHub and npm tokens, Luhn, IBAN mod-97, social security numbers' issuance
ranges, JWTs of three base64url parts with a JSON header, PEM and OpenSSH key layouts). Each document is
delivered one of six ways (plain, a JSON transcript line, a diff's added lines, numbered lines, CI log lines or a
Markdown fence) and its labels are the values' exact text as delivered, at their offsets in the delivered text.

`measure_documents` and `measure_held_back` report aggregates only, never a document's or a value's result.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import random
import re
import string
import unicodedata
import uuid
import zlib
from collections.abc import Callable, Sequence
from typing import TypeVar

import attrs

DEFAULT_SEED = 20261221

_T = TypeVar("_T")


@attrs.frozen
class Secret:
    cls: str
    text: str
    offset: int


@attrs.frozen
class Keep:
    text: str
    offset: int


@attrs.frozen
class Document:
    name: str
    setting: str
    delivery: str
    text: str
    secrets: tuple[Secret, ...]
    keeps: tuple[Keep, ...]


SETTINGS = (
    "scientific-publishing",
    "genomics",
    "insurance-claims",
    "property-management",
    "fleet-telematics",
    "point-of-sale",
    "event-ticketing",
    "nonprofit-donors",
    "e-discovery",
    "automotive",
    "translation",
    "quantum-hpc",
)

DELIVERIES = ("plain", "json", "diff", "numbered", "ci-log", "fence")

VENDOR_CLASSES = frozenset(
    {
        "aws-access-key-id",
        "github-token",
        "gitlab-token",
        "npm-token",
        "google-api-key",
        "samsara-token",
        "mapbox-secret-token",
        "square-access-token",
        "square-oauth-secret",
        "shopify-token",
        "sendgrid-key",
        "posthog-personal-key",
        "stripe-secret-key",
        "stripe-webhook-secret",
    }
)

# ---------------------------------------------------------------------------------------------------------------
# Marks: a document is written as text with the labelled values marked in it.


@attrs.frozen
class _Mark:
    text: str
    cls: str | None  # None: a Keep


Part = str | _Mark


def _s(cls: str, text: str) -> _Mark:
    return _Mark(text, cls)


def _k(text: str) -> _Mark:
    return _Mark(text, None)


# ---------------------------------------------------------------------------------------------------------------
# Fakes.

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
_ALNUM = string.ascii_letters + string.digits
_UPPER_ALNUM = string.ascii_uppercase + string.digits
_HEX = string.digits + "abcdef"
_B64 = _ALNUM + "+/"
_B64URL = _ALNUM + "-_"
_B32 = string.ascii_uppercase + "234567"
_BCRYPT = "./" + _ALNUM

_FIRST = (
    "Amara", "Bastian", "Chiara", "Dmitri", "Elif", "Farah", "Gideon", "Hiroshi", "Ingrid", "Jovan", "Kaveh",
    "Leilani", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rafaela", "Soren", "Tamsin", "Ulrich",
    "Valentina", "Wendell", "Ximena", "Yusuf", "Zofia", "Anneliese", "Benedikt", "Cormac", "Delphine", "Emeka",
    "Fiorella", "Gunnar", "Hanne", "Ismael", "Jolene", "Kenji", "Lorcan", "Marisol", "Niamh", "Orla", "Pradeep",
    "Roisin", "Siddharth", "Thandiwe", "Umberto", "Vesna", "Yara", "Zainab", "Zoë", "Renée", "José",
)  # fmt: skip
_LAST = (
    "Abernathy", "Bergstrom", "Castellano", "Dominguez", "Eriksen", "Fairweather", "Gallagher", "Haverford",
    "Iwasaki", "Jablonski", "Kowalczyk", "Lindqvist", "Marchetti", "Nakamura", "Okonkwo", "Pemberton",
    "Quintero", "Rasmussen", "Szabo", "Thibodeaux", "Umarov", "Vasquez", "Whitlock", "Yilmaz", "Zielinski",
    "Achterberg", "Balasubramanian", "Chowdhury", "Delacroix", "Esposito", "Halvorsen", "Ibarra", "Kaczmarek",
    "Lombardi", "Novak", "Oyelaran", "Petrakis", "Sandoval", "Tremblay", "Valdivia", "Wojcik", "Yamamoto",
    "Okafor", "Lindgren", "Núñez", "Çelik", "Müller", "Brannigan",
)  # fmt: skip
_COMPANY_WORDS = (
    "kestrel", "northfield", "bramble", "halcyon", "larkspur", "ridgeway", "copperleaf", "silverpine",
    "ashgrove", "fernhill", "bluewater", "stonebridge", "marigold", "thornbury", "westmoor", "oakhollow",
)  # fmt: skip
_COMPANY_SUFFIX: dict[str, tuple[str, ...]] = {
    "scientific-publishing": ("labs", "research", "institute", "press"),
    "genomics": ("genomics", "bio", "dx", "sequencing"),
    "insurance-claims": ("mutual", "insurance", "claims", "assurance"),
    "property-management": ("realty", "homes", "properties", "living"),
    "fleet-telematics": ("fleet", "freight", "logistics", "haulage"),
    "point-of-sale": ("cafe", "bistro", "market", "outfitters"),
    "event-ticketing": ("events", "tickets", "live", "festival"),
    "nonprofit-donors": ("foundation", "trust", "alliance", "fund"),
    "e-discovery": ("legal", "law", "partners", "llp"),
    "automotive": ("motors", "auto", "mobility", "garage"),
    "translation": ("lingua", "translate", "l10n", "words"),
    "quantum-hpc": ("quantum", "compute", "hpc", "qubit"),
}
_TLDS = ("com", "io", "co", "de", "co.uk", "nl")
_PW_WORDS = (
    "harbor", "lime", "cobalt", "maple", "falcon", "orchid", "granite", "pepper", "willow", "tundra", "saffron",
    "ember", "lumen", "quartz", "juniper", "marble", "opal", "cedar", "indigo", "velvet", "lilac", "mango",
)  # fmt: skip
_STAND_INS = (("Jane", "Doe"), ("John", "Doe"))
_RESERVED = ("example.com", "example.org", "example.net", "test.example", "mail.test")
_STREETS = (
    "Alder Lane",
    "Birch Road",
    "Quarry Street",
    "Mill Close",
    "Orchard Way",
    "Harbour View",
    "Elm Terrace",
)
_CITIES = ("Leeds", "Utrecht", "Graz", "Cork", "Bremen", "Porto", "Aarhus", "Lyon")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def b62(n: int, width: int) -> str:
    """`n` in base 62 (digits, upper, lower), left-padded with zeros to `width`."""
    out = ""
    while n:
        n, d = divmod(n, 62)
        out = B62[d] + out
    return out.rjust(width, "0")


def crc_token(prefix: str, body: str) -> str:
    """A GitHub- or npm-style token: prefix, 30 random characters, their CRC32 in six base62 digits."""
    return prefix + body + b62(zlib.crc32(body.encode()), 6)


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


def ssn_ok(ssn: str) -> bool:
    digits = ssn.replace("-", "")
    area, group, serial = int(digits[:3]), int(digits[3:5]), int(digits[5:])
    return len(digits) == 9 and 0 < area < 900 and area != 666 and group > 0 and serial > 0


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


# DER pieces of the key layouts: the OIDs of EC public keys, the P-256 curve and Ed25519.
_EC_PUBLIC = "06072a8648ce3d0201"
_P256 = "06082a8648ce3d030107"
_ED25519 = "06032b6570"


def _der(*pieces: str) -> bytes:
    return bytes.fromhex("".join(pieces))


def _wrap(text: str, width: int) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


class _F:
    """Fakes drawn from one seeded generator."""

    def __init__(self, rng: random.Random, setting: str) -> None:
        self.r = rng
        self.setting = setting

    # -- primitives
    def pick(self, seq: Sequence[_T]) -> _T:
        return seq[self.r.randrange(len(seq))]

    def num(self, lo: int, hi: int) -> int:
        return self.r.randint(lo, hi)

    def chars(self, alphabet: str, n: int) -> str:
        return "".join(alphabet[self.r.randrange(len(alphabet))] for _ in range(n))

    def token(self, alphabet: str, n: int) -> str:
        """Random characters; eight or more hold at least two digits and, where the alphabet has them, two letters."""
        if n < 8:
            return self.chars(alphabet, n)
        while True:
            out = self.chars(alphabet, n)
            digits = sum(c.isdigit() for c in out)
            letters = sum(c.isalpha() for c in out)
            if digits >= 2 and (letters >= 2 or not any(c.isalpha() for c in alphabet)):
                return out

    def alnum(self, n: int) -> str:
        if n < 8:
            return self.chars(_ALNUM, n)
        while True:
            out = self.token(_ALNUM, n)
            if any(c.isupper() for c in out) and any(c.islower() for c in out):
                return out

    def hex(self, n: int) -> str:
        return self.token(_HEX, n)

    def upper_alnum(self, n: int) -> str:
        return self.token(_UPPER_ALNUM, n)

    def b64url(self, n: int) -> str:
        return self.token(_B64URL, n)

    def digits(self, n: int) -> str:
        return str(self.num(1, 9)) + self.chars(string.digits, n - 1)

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.r.getrandbits(128), version=4))

    def rbytes(self, n: int) -> bytes:
        return bytes(self.r.getrandbits(8) for _ in range(n))

    # -- times
    def moment(self) -> dt.datetime:
        base = dt.datetime(2024, 1, 8, 7, 0, 0, tzinfo=dt.UTC)
        return base + dt.timedelta(seconds=self.num(0, 300 * 86400))

    def iso(self) -> str:
        return self.moment().strftime("%Y-%m-%dT%H:%M:%SZ")

    def date(self, y0: int = 2023, y1: int = 2024) -> str:
        return dt.date(self.num(y0, y1), self.num(1, 12), self.num(1, 28)).isoformat()

    def git_date(self) -> str:
        return self.moment().strftime("%a %b %d %H:%M:%S %Y +0000")

    # -- people
    def person(self) -> tuple[str, str]:
        return self.pick(_FIRST), self.pick(_LAST)

    def domain(self) -> str:
        word = self.pick(_COMPANY_WORDS)
        suffix = self.pick(_COMPANY_SUFFIX[self.setting])
        joiner = self.pick(("", "-"))
        return f"{word}{joiner}{suffix}.{self.pick(_TLDS)}"

    def email(self, first: str, last: str, domain: str | None = None) -> str:
        first_a, last_a = _ascii(first).lower(), _ascii(last).lower()
        local = self.pick(
            (
                f"{first_a}.{last_a}",
                f"{first_a[0]}.{last_a}",
                f"{first_a}_{last_a}",
                f"{first_a}{self.num(1, 99)}",
            )
        )
        return f"{local}@{domain or self.domain()}"

    def doc_person(self) -> tuple[str, str, str]:
        """A name for documentation: a stand-in's or an ordinary one, and an address at a reserved domain."""
        first, last = self.pick(_STAND_INS) if self.r.random() < 0.5 else self.person()
        return first, last, f"{_ascii(first).lower()}.{_ascii(last).lower()}@{self.pick(_RESERVED)}"

    def bad_iban(self) -> str:
        """An IBAN's layout whose check digits fail mod-97."""
        good = self.iban(grouped=False)
        while True:
            candidate = f"{good[:2]}{self.num(2, 98):02d}{good[4:]}"
            if not iban_ok(candidate):
                return candidate

    def user(self, first: str, last: str) -> str:
        return f"{_ascii(first)[0]}{_ascii(last)}".lower()

    def phone(self) -> str:
        return self.pick((f"+1 555 01{self.num(10, 99)}", f"+44 20 7946 0{self.num(100, 999)}"))

    def street(self) -> str:
        return f"{self.num(2, 480)} {self.pick(_STREETS)}"

    def city(self) -> str:
        return self.pick(_CITIES)

    # -- secrets
    def password(self, url_safe: bool = False) -> str:
        style = self.num(0, 3)
        syms = "-._~" if url_safe else "!%*+-.^_~"
        if style == 0:
            a, b = self.pick(_PW_WORDS), self.pick(_PW_WORDS)
            return f"{a.capitalize()}{self.pick(syms)}{b.capitalize()}{self.num(10, 99)}"
        if style == 1:
            while True:
                out = self.chars(_ALNUM + syms, 16)
                if (
                    any(c in syms for c in out)
                    and sum(c.isdigit() for c in out) >= 2
                    and any(c.isupper() for c in out)
                    and any(c.islower() for c in out)
                ):
                    return out
        if style == 2:
            a, b = self.pick(_PW_WORDS), self.pick(_PW_WORDS)
            return f"{a}.{b}{self.num(100, 999)}"
        return self.alnum(20)

    def private_ip(self) -> str:
        while True:
            kind = self.num(0, 2)
            if kind == 0:
                octs = [10, self.num(1, 254), self.num(0, 254), self.num(2, 254)]
            elif kind == 1:
                octs = [172, self.num(16, 31), self.num(0, 254), self.num(2, 254)]
            else:
                octs = [192, 168, self.num(0, 254), self.num(2, 254)]
            if len(set(octs)) > 1:
                return ".".join(map(str, octs))

    def aws_key_id(self) -> str:
        return "AKIA" + self.token(_B32, 16)

    def aws_secret(self) -> str:
        return self.token(_B64, 40)

    def github(self) -> str:
        return crc_token("ghp_", self.alnum(30))

    def npm(self) -> str:
        return crc_token("npm_", self.alnum(30))

    def jwt(self, payload: dict[str, object], alg: str = "HS256") -> str:
        header = json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode()
        body = json.dumps(payload, separators=(",", ":")).encode()
        sig = self.rbytes(32 if alg.startswith("HS") else 256)
        return f"{_b64url(header)}.{_b64url(body)}.{_b64url(sig)}"

    def pem_ec(self) -> tuple[str, str]:
        """An EC P-256 private key's PEM body and its public key's."""
        secret, point = self.rbytes(32), b"\x04" + self.rbytes(64)
        der = _der("3077", "020101", "0420") + secret + _der("a00a", _P256, "a144", "034200") + point
        spki = _der("3059", "3013", _EC_PUBLIC, _P256, "034200") + point
        return _wrap(base64.b64encode(der).decode(), 64), _wrap(base64.b64encode(spki).decode(), 64)

    def pem_rsa(self) -> str:
        head = _der("3082025c", "020100", "02818100")
        der = head + self.rbytes(608 - len(head))
        return _wrap(base64.b64encode(der).decode(), 64)

    def pem_pkcs8_ed25519(self) -> str:
        der = _der("302e", "020100", "3005", _ED25519, "0422", "0420") + self.rbytes(32)
        return base64.b64encode(der).decode()

    def openssh_key(self) -> tuple[str, str]:
        """An OpenSSH ed25519 private key's body and the public key's base64."""
        pub = self.rbytes(32)
        blob = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + pub
        body = (
            b"openssh-key-v1\x00"
            + b"\x00\x00\x00\x04none" * 2
            + b"\x00\x00\x00\x00\x00\x00\x00\x01"
            + len(blob).to_bytes(4, "big")
            + blob
            + b"\x00\x00\x00\x88"
            + self.rbytes(136)
        )
        return _wrap(base64.b64encode(body).decode(), 70), base64.b64encode(blob).decode()

    def ssh_public(self) -> str:
        blob = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + self.rbytes(32)
        return base64.b64encode(blob).decode()

    def ssn(self, dashed: bool = True) -> str:
        while True:
            area, group, serial = self.num(1, 899), self.num(1, 99), self.num(1, 9999)
            if area != 666:
                break
        return f"{area:03d}-{group:02d}-{serial:04d}" if dashed else f"{area:03d}{group:02d}{serial:04d}"

    def iban(self, grouped: bool | None = None) -> str:
        country = self.pick(("DE", "GB", "NL", "AT", "IE", "BE"))
        if country == "DE":
            bban = self.digits(8) + self.chars(string.digits, 10)
        elif country == "GB":
            bban = self.pick(("NWBK", "BARC", "LOYD", "MIDL")) + self.chars(string.digits, 14)
        elif country == "IE":
            bban = self.pick(("AIBK", "BOFI")) + self.chars(string.digits, 14)
        elif country == "NL":
            bban = self.pick(("ABNA", "INGB", "RABO", "TRIO")) + self.chars(string.digits, 10)
        elif country == "AT":
            bban = self.digits(5) + self.chars(string.digits, 11)
        else:
            first = self.digits(10)
            check = int(first) % 97 or 97
            bban = f"{first}{check:02d}"
        moved = bban + country + "00"
        check_digits = 98 - int("".join(str(int(c, 36)) for c in moved)) % 97
        compact = f"{country}{check_digits:02d}{bban}"
        if grouped is None:
            grouped = self.r.random() < 0.5
        return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4)) if grouped else compact

    def card(self, sep: str | None = None) -> str:
        brand = self.num(0, 2)
        if brand == 0:
            stem = "4" + self.chars(string.digits, 14)
        elif brand == 1:
            stem = str(self.num(51, 55)) + self.chars(string.digits, 13)
        else:
            stem = self.pick(("34", "37")) + self.chars(string.digits, 12)
        for d in string.digits:
            if luhn_ok(stem + d):
                number = stem + d
                break
        if sep is None:
            sep = self.pick(("", " ", "-"))
        if len(number) == 15:
            return sep.join((number[:4], number[4:10], number[10:]))
        return sep.join(number[i : i + 4] for i in range(0, 16, 4))

    def vin(self) -> str:
        alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
        codes = (1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9)
        values = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", codes, strict=True))
        weights = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
        body = self.pick(("5YJ", "1FT", "WBA", "WVW", "JTD", "KNA")) + self.chars(alphabet, 14)
        total = sum((int(c) if c.isdigit() else values[c]) * w for c, w in zip(body, weights, strict=True))
        check = "X" if total % 11 == 10 else str(total % 11)
        return body[:8] + check + body[9:]

    def version(self) -> str:
        return f"{self.num(0, 9)}.{self.num(0, 30)}.{self.num(0, 20)}"

    def mapbox(self, kind: str, user: str) -> str:
        payload = json.dumps({"u": user, "a": self.b64url(25)}, separators=(",", ":")).encode()
        return f"{kind}.{_b64url(payload)}.{self.b64url(22)}"

    def slack_hook(self) -> tuple[str, str]:
        """The part of a Slack webhook URL before its secret, and the secret."""
        return (
            f"https://hooks.slack.com/services/T{self.upper_alnum(8)}/B{self.upper_alnum(10)}/",
            self.alnum(24),
        )

    def bcrypt(self) -> str:
        return f"$2b$12${self.chars(_BCRYPT, 53)}"

    def argon2(self) -> str:
        salt = base64.b64encode(self.rbytes(16)).decode().rstrip("=")
        digest = base64.b64encode(self.rbytes(32)).decode().rstrip("=")
        return f"$argon2id$v=19$m=65536,t=3,p=4${salt}${digest}"

    def pbkdf2(self) -> str:
        return f"pbkdf2_sha256$600000${self.alnum(22)}${base64.b64encode(self.rbytes(32)).decode()}"

    def tower(self) -> str:
        raw = f'{{"tid": {self.num(2, 9999)}}}.{self.hex(40)}'
        return base64.b64encode(raw.encode()).decode().rstrip("=")

    def salesforce(self) -> str:
        org = "00D" + self.upper_alnum(12)
        return f"{org}!AQ{self.num(0, 9)}AQ{self.chars(_ALNUM + '._', 90)}"

    def orcid_id(self) -> str:
        base = "0000000" + self.chars(string.digits, 8)
        total = 0
        for ch in base:
            total = (total + int(ch)) * 2
        check = (12 - total % 11) % 11
        full = base + ("X" if check == 10 else str(check))
        return "-".join(full[i : i + 4] for i in range(0, 16, 4))


# ---------------------------------------------------------------------------------------------------------------
# Document kinds, by setting. Each returns a raw document as text and marks.

Kind = Callable[[_F], list[Part]]


def _row(*cells: Part) -> list[Part]:
    """A comma-separated row of cells, some of them marked."""
    out: list[Part] = []
    for i, cell in enumerate(cells):
        if i:
            out.append(",")
        out.append(cell)
    out.append("\n")
    return out


# -- scientific publishing and research tooling


def _overleaf_remote(f: _F) -> list[Part]:
    tok, pid = "olp_" + f.alnum(36), f.hex(24)
    first, last = f.person()
    return [
        "$ git config --get remote.origin.url\n",
        "https://git:", _s("overleaf-token", tok), "@git.overleaf.com/", _k(pid), "\n",
        "$ git log -1 --stat\n",
        "commit ", _k(f.hex(40)), "\n",
        "Author: ", _s("person-name", f"{first} {last}"), " <", _s("email", f.email(first, last)), ">\n",
        f"Date:   {f.git_date()}\n\n",
        "    Tighten related-work section, fix bib keys\n\n",
        f" main.tex | {f.num(8, 30)} +++++++-------\n refs.bib |  6 ++++--\n",
        " 2 files changed, 19 insertions(+), 7 deletions(-)\n",
    ]  # fmt: skip


def _zenodo_upload(f: _F) -> list[Part]:
    dep, ver = f.digits(8), f.version()
    return [
        "$ cat .env\n",
        "ZENODO_URL=https://zenodo.org/api\n",
        "ZENODO_TOKEN=", _s("zenodo-token", f.alnum(60)), "\n",
        "ZENODO_SANDBOX_TOKEN=", _k("changeme"), "\n",
        f"$ python scripts/zenodo_upload.py --deposition {dep} dist/dataset-v{ver}.tar.gz\n",
        f"Uploading dataset-v{ver}.tar.gz ({f.num(20, 900)}.{f.num(1, 9)} MB) to bucket ",
        "https://zenodo.org/api/files/", _k(f.uuid()), "\n",
        "  checksum md5:", _k(f.hex(32)), "\n",
        f"Deposition {dep} updated: https://doi.org/10.5281/zenodo.{dep}\n",
    ]  # fmt: skip


def _zotero_config(f: _F) -> list[Part]:
    first, last = f.person()
    user, key, lib = f.user(first, last), f.alnum(24), f.digits(7)
    return [
        "$ cat /home/", _s("home-username", user), "/.config/zotero-sync/config.ini\n",
        "[zotero]\n",
        f"library_id = {lib}\n",
        "library_type = group\n",
        "api_key = ", _s("zotero-api-key", key), "\n",
        "collection = THESIS-CH3\n\n",
        "[output]\n",
        "bibtex = ~/thesis/refs.bib\n",
        "$ curl -s -H 'Zotero-API-Version: 3' -H \"Zotero-API-Key: ", _k("${ZOTERO_API_KEY}"), "\" \\\n",
        f"    'https://api.zotero.org/groups/{lib}/items/top?limit=1&format=keys'\n",
        f"{f.upper_alnum(8)}\n",
    ]  # fmt: skip


def _orcid_token(f: _F) -> list[Part]:
    return [
        "$ curl -s -X POST https://orcid.org/oauth/token -H 'Accept: application/json' \\\n",
        f"    -d 'client_id=APP-{f.upper_alnum(16)}' -d 'client_secret=", _s("client-secret", f.uuid()), "' \\\n",
        "    -d 'grant_type=client_credentials' -d 'scope=/read-public'\n",
        '{"access_token":"', _s("orcid-token", f.uuid()), '","token_type":"bearer","refresh_token":"',
        _s("orcid-token", f.uuid()), '","expires_in":631138518,"scope":"/read-public","name":null,"orcid":null}\n',
    ]  # fmt: skip


def _git_identity(f: _F) -> list[Part]:
    first, last = f.person()
    dom = f.domain()
    return [
        "$ git config --global --list\n",
        "user.name=", _s("person-name", f"{first} {last}"), "\n",
        "user.email=", _s("email", f.email(first, last, dom)), "\n",
        "user.signingkey=", _k(f.hex(16).upper()), "\n",
        "credential.helper=store\n",
        "init.defaultbranch=main\n",
        "$ cat ~/.git-credentials\n",
        f"https://{_ascii(first).lower()}-lab:", _s("github-token", f.github()), "@github.com\n",
        "https://oauth2:", _s("gitlab-token", "glpat-" + f.b64url(20)), f"@gitlab.{dom}\n",
    ]  # fmt: skip


def _latex_build(f: _F) -> list[Part]:
    first, last = f.person()
    user = f.user(first, last)
    return [
        "$ latexmk -pdf -interaction=nonstopmode main.tex\n",
        "Rc files read:\n  /etc/LatexMk\n",
        "Latexmk: This is Latexmk, version: ", _k("4.76"), ".\n",
        "Latexmk: applying rule 'pdflatex'...\n",
        "This is pdfTeX, Version ", _k("3.141592653-2.6-1.40.25"), " (TeX Live 2023) (preloaded format=pdflatex)\n",
        " restricted \\write18 enabled.\n entering extended mode\n",
        "(/home/", _s("home-username", user), "/papers/grant-renewal/main.tex\n",
        "LaTeX2e <2022-11-01> patch level 1\n",
        "LaTeX Warning: Citation `", f"{_ascii(last).lower()}2019' on page 3 undefined on input line 88.\n",
        f"Output written on main.pdf ({f.num(8, 40)} pages, {f.num(200000, 900000)} bytes).\n",
        "Transcript written on main.log.\n",
    ]  # fmt: skip


def _arxiv_workflow(f: _F) -> list[Part]:
    return [
        "# .github/workflows/release.yml\n",
        "name: arxiv-bundle\n",
        "on:\n  push:\n    tags: ['v*']\n",
        "jobs:\n  bundle:\n    runs-on: ubuntu-22.04\n    steps:\n",
        "      - uses: actions/checkout@", _k(f.hex(40)), "  # v4\n",
        "      - run: pip install arxiv-collector==0.4.1\n",
        "      - run: arxiv-collector main.tex --out arxiv.tar.gz\n",
        "      - name: Deposit on Zenodo\n",
        "        env:\n",
        "          ZENODO_TOKEN: ", _k("${{ secrets.ZENODO_TOKEN }}"), "\n",
        "          GH_TOKEN: ", _k("${{ secrets.GITHUB_TOKEN }}"), "\n",
        "        run: python scripts/zenodo_upload.py --sandbox arxiv.tar.gz\n",
    ]  # fmt: skip


# -- genomics and bioinformatics pipelines


def _nextflow_config(f: _F) -> list[Part]:
    bucket = f"{f.pick(_COMPANY_WORDS)}-seq-{f.num(10, 99)}"
    return [
        "// nextflow.config\n",
        "params {\n",
        "    input  = 'assets/samplesheet.csv'\n",
        f"    outdir = 's3://{bucket}/rnaseq/results'\n",
        "    genome = 'GRCh38'\n}\n",
        "process.executor = 'awsbatch'\n",
        "aws {\n",
        "    region    = 'eu-west-1'\n",
        "    accessKey = '", _s("aws-access-key-id", f.aws_key_id()), "'\n",
        "    secretKey = '", _s("aws-secret-key", f.aws_secret()), "'\n",
        "}\n",
        "tower {\n",
        "    enabled     = true\n",
        "    accessToken = '", _s("tower-token", f.tower()), "'\n",
        f"    workspaceId = '{f.digits(15)}'\n",
        "}\n",
    ]  # fmt: skip


def _nextflow_scm(f: _F) -> list[Part]:
    dom = f.domain()
    return [
        "$ cat ~/.nextflow/scm\n",
        "providers {\n",
        "    github {\n",
        f"        user     = '{f.pick(_COMPANY_WORDS)}-bioinf'\n",
        "        password = '", _s("github-token", f.github()), "'\n",
        "    }\n",
        "    internal {\n",
        f"        server   = 'https://gitlab.{dom}'\n",
        "        platform = 'gitlab'\n",
        "        token    = '", _s("gitlab-token", "glpat-" + f.b64url(20)), "'\n",
        "    }\n",
        "}\n",
    ]  # fmt: skip


def _nextflow_run(f: _F) -> list[Part]:
    first, last = f.person()
    user = f.user(first, last)
    hook, secret = f.slack_hook()
    return [
        "$ nextflow run nf-core/rnaseq -r ", _k("3.14.0"), " -profile docker --input samplesheet.csv \\\n",
        "    --hook_url ", hook, _s("slack-webhook", secret), " -resume\n",
        "N E X T F L O W  ~  version ", _k("23.10.1"), "\n",
        f"Launching `https://github.com/nf-core/rnaseq` [{f.pick(('silly', 'tender', 'grave'))}_pike] DSL2 - ",
        "revision: ",
        _k(f.hex(40)), " [3.14.0]\n",
        "executor >  local (18)\n",
        f"[{f.hex(2)}/{f.hex(6)}] process > NFCORE_RNASEQ:RNASEQ:FASTQC (S01_T1) [100%] 6 of 6 ✔\n",
        "Workflow started from /home/", _s("home-username", user), "/projects/rnaseq-2024\n",
        f"Completed at: {f.iso()}\nDuration    : {f.num(1, 9)}h {f.num(1, 59)}m\nSucceeded   : 18\n",
    ]  # fmt: skip


def _snakemake_config(f: _F) -> list[Part]:
    hook, secret = f.slack_hook()
    return [
        "# config/config.yaml\n",
        "samples: config/samples.tsv\n",
        "units: config/units.tsv\n",
        "ref:\n  species: homo_sapiens\n  build: GRCh38\n  release: 110\n",
        "  fasta_sha256: ", _k(f.hex(64)), "\n",
        "irods:\n",
        "  host: ", _s("ip-address", f.private_ip()), "\n",
        "  zone: seqZone\n  user: pipeline\n",
        "  password: ", _s("password", f.password()), "\n",
        "notify:\n",
        "  slack_webhook: ", hook, _s("slack-webhook", secret), "\n",
    ]  # fmt: skip


def _patient_samplesheet(f: _F) -> list[Part]:
    first, last = f.person()
    sid = f"P{f.num(1000, 9999)}_T"
    return [
        "$ head -n 3 samplesheet_patients.csv\n",
        "sample,fastq_1,fastq_2,strandedness,patient_name,date_of_birth,mrn\n",
        *_row(
            sid,
            f"s3://seq-raw/{sid}_R1.fastq.gz",
            f"s3://seq-raw/{sid}_R2.fastq.gz",
            "reverse",
            _s("person-name", f"{first} {last}"),
            f.date(1940, 1999),
            f"MRN{f.digits(7)}",
        ),
        "HG002_CTRL,s3://seq-raw/HG002_R1.fastq.gz,s3://seq-raw/HG002_R2.fastq.gz,reverse,,,\n",
        "$ md5sum s3-cache/HG002_R1.fastq.gz\n",
        _k(f.hex(32)),
        "  s3-cache/HG002_R1.fastq.gz\n",
    ]


def _basespace(f: _F) -> list[Part]:
    first, last = f.person()
    name, email = f"{first} {last}", f.email(first, last)
    return [
        "$ cat ~/.basespace/default.cfg\n",
        "apiServer   = https://api.basespace.illumina.com\n",
        "accessToken = ", _s("basespace-token", f.hex(32)), "\n",
        "$ bs whoami\n",
        "+----------------+----------------------------------------------------+\n",
        "| Name           | ", _s("person-name", name), " " * (51 - len(name)), "|\n",
        f"| Id             | {f.digits(8)}" + " " * 43 + "|\n",
        "| Email          | ", _s("email", email), " " * max(1, 51 - len(email)), "|\n",
        "| Host           | https://api.basespace.illumina.com                 |\n",
        "| Scopes         | READ GLOBAL, CREATE GLOBAL, BROWSE GLOBAL          |\n",
        "+----------------+----------------------------------------------------+\n",
    ]  # fmt: skip


def _ena_ncbi(f: _F) -> list[Part]:
    srr = f"SRR{f.digits(8)}"
    return [
        "$ export NCBI_API_KEY=", _s("api-key", f.hex(36)), "\n",
        f"$ prefetch --max-size 50G {srr}\n",
        f"{f.iso()} prefetch.3.0.10: 1) Downloading '{srr}'...\n",
        f"{f.iso()} prefetch.3.0.10: 1) '{srr}' was downloaded successfully\n",
        f"$ java -jar webin-cli-7.0.1.jar -context reads -userName Webin-{f.digits(5)} -password '",
        _s("password", f.password()), "' -manifest manifest.txt -submit\n",
        f"INFO : The submission has been completed successfully. The following experiment accession was "
        f"assigned to the submission: ERX{f.digits(8)}\n",
        "$ md5sum *.fastq.gz\n",
        _k(f.hex(32)), "  S01_R1.fastq.gz\n",
        _k(f.hex(32)), "  S01_R2.fastq.gz\n",
    ]  # fmt: skip


def _sftp_key(f: _F) -> list[Part]:
    body, pub = f.openssh_key()
    return [
        "$ cat ~/.ssh/seqcore_ed25519\n",
        "-----BEGIN OPENSSH PRIVATE KEY-----\n",
        _s("private-key", body), "\n",
        "-----END OPENSSH PRIVATE KEY-----\n",
        "$ cat ~/.ssh/seqcore_ed25519.pub\n",
        "ssh-ed25519 ", _k(pub), " seqcore@demux01\n",
    ]  # fmt: skip


# -- insurance claims processing


def _claims_csv_eu(f: _F) -> list[Part]:
    first, last = f.person()
    return [
        "$ head -n 3 exports/claims_2024-Q2.csv\n",
        "claim_id,policy_number,first_name,last_name,date_of_birth,street,city,iban,loss_date,amount_eur\n",
        *_row(
            f"CLM-{f.digits(7)}",
            f"HO-{f.digits(4)}-{f.digits(3)}",
            _s("person-name", first),
            _s("person-name", last),
            f.date(1945, 2000),
            f.street(),
            f.city(),
            _s("iban", f.iban(grouped=False)),
            f.date(),
            f"{f.num(200, 48000)}.{f.num(10, 99)}",
        ),
        *_row(
            "CLM-TEST-0001",
            "HO-0000-000",
            "QA",
            "Tester",
            "1970-01-01",
            "1 Test Street",
            "Testville",
            _k(f.bad_iban()),
            "2024-01-01",
            "0.00",
        ),
    ]


def _claims_csv_us(f: _F) -> list[Part]:
    first, last = f.person()
    d_first, d_last, d_email = f.doc_person()
    return [
        "claimant_id,first_name,last_name,ssn,email,loss_type,reserve_usd\n",
        *_row(
            f.digits(6),
            _s("person-name", first),
            _s("person-name", last),
            _s("ssn", f.ssn()),
            _s("email", f.email(first, last, f"{f.pick(_COMPANY_WORDS)}mail.com")),
            f.pick(("water", "hail", "theft", "collision")),
            str(f.num(500, 90000)),
        ),
        *_row("000000", d_first, d_last, "", _k(d_email), "sample", "0"),
    ]


def _adjuster_api(f: _F) -> list[Part]:
    first, last = f.person()
    dom = f.domain()
    return [
        "$ curl -s -H 'X-API-Key: ", _s("api-key", f.alnum(40)), "' \\\n",
        f"    https://portal.{dom}/api/v2/claims/CLM-{f.digits(7)} | jq .\n",
        "{\n",
        f'  "claim_id": "CLM-{f.digits(7)}",\n',
        '  "status": "under_review",\n',
        '  "policyholder": {\n',
        '    "name": "', _s("person-name", f"{first} {last}"), '",\n',
        '    "email": "', _s("email", f.email(first, last)), '",\n',
        f'    "phone": "{f.phone()}",\n',
        f'    "date_of_birth": "{f.date(1950, 1999)}"\n',
        "  },\n",
        '  "adjuster": "', _k(f"noreply@{f.pick(_RESERVED)}"), '",\n',
        '  "document_id": "', _k(f.uuid()), '"\n',
        "}\n",
    ]  # fmt: skip


def _claims_etl_env(f: _F) -> list[Part]:
    ip = f.private_ip()
    return [
        "# .env (claims-etl)\n",
        "DATABASE_URL=postgresql://claims_etl:", _s("url-password", f.password(url_safe=True)), "@",
        _s("ip-address", ip), ":5432/claims\n",
        "SMTP_HOST=smtp.office365.com\n",
        "SMTP_PASSWORD=", _s("password", f.password()), "\n",
        "CLAIMS_PORTAL_API_KEY=", _k("<your-api-key>"), "\n",
        "EXPORT_DIR=/srv/exports\n",
    ]  # fmt: skip


def _claims_psql(f: _F) -> list[Part]:
    first, last = f.person()
    return [
        "claims=> \\x\nExpanded display is on.\n",
        f"claims=> SELECT id, full_name, email, ssn, date_of_birth FROM policyholders WHERE id = {f.digits(5)};\n",
        "-[ RECORD 1 ]--+-----------------------------\n",
        f"id             | {f.digits(5)}\n",
        "full_name      | ", _s("person-name", f"{first} {last}"), "\n",
        "email          | ", _s("email", f.email(first, last)), "\n",
        "ssn            | ", _s("ssn", f.ssn()), "\n",
        f"date_of_birth  | {f.date(1940, 2000)}\n",
    ]  # fmt: skip


def _claims_insert(f: _F) -> list[Part]:
    first, last = f.person()
    return [
        "INSERT INTO claimants (first_name, last_name, email, ssn, state) VALUES ('",
        _s("person-name", first), "', '", _s("person-name", last), "', '", _s("email", f.email(first, last)),
        "', '", _s("ssn", f.ssn(dashed=f.r.random() < 0.5)), "', 'OH');\n",
        "INSERT 0 1\n",
    ]  # fmt: skip


def _claims_fixture(f: _F) -> list[Part]:
    return [
        "# tests/fixtures/claim_minimal.json\n",
        "{\n",
        '  "policyholder": {"name": "', _k("Jane Doe"), '", "email": "', _k("jane.doe@example.com"), '"},\n',
        '  "payment": {"card_number": "', _k("4242 4242 4242 4242"), '", "exp": "12/34"},\n',
        '  "api_key": "', _k("<your-api-key>"), '",\n',
        '  "document_id": "', _k(f.uuid()), '"\n',
        "}\n",
    ]  # fmt: skip


def _premium_debug(f: _F) -> list[Part]:
    return [
        f"{f.iso()} DEBUG premium.gateway request body: ",
        '{"policy": "AU-', f.digits(6), '", "card_number": "', _s("card-number", f.card(sep="")),
        f'", "exp_month": {f.num(1, 12)}, "exp_year": {f.num(2025, 2030)}, "amount": {f.num(30, 400)}00}}\n',
        f"{f.iso()} INFO  premium.gateway charge ok id=ch_{f.alnum(14)} last4=", f.digits(4), "\n",
    ]  # fmt: skip


# -- real estate and property management


def _tenant_ledger(f: _F) -> list[Part]:
    first, last = f.person()
    d_first, d_last, d_email = f.doc_person()
    return [
        "unit,tenant_name,email,lease_start,rent,balance\n",
        *_row(
            f"{f.pick('ABC')}-{f.num(101, 412)}",
            _s("person-name", f"{first} {last}"),
            _s("email", f.email(first, last, f"{f.pick(_COMPANY_WORDS)}mail.com")),
            f.date(2021, 2024),
            f"{f.num(900, 3200)}.00",
            f"{f.num(0, 2400)}.00",
        ),
        *_row("DEMO-1", _k(f"{d_first} {d_last}"), _k(d_email), "2024-01-01", "0.00", "0.00"),
    ]


def _yardi_soap(f: _F) -> list[Part]:
    return [
        "$ cat yardi/request.xml\n",
        '<?xml version="1.0" encoding="utf-8"?>\n',
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">\n',
        '  <soap:Body>\n    <GetResidentTransactions_Login xmlns="http://tempuri.org/YSI.Interfaces.WebServices/',
        'ItfResidentTransactions20">\n',
        f"      <UserName>{f.pick(_COMPANY_WORDS)}_itf</UserName>\n",
        "      <Password>", _s("password", f.password()), "</Password>\n",
        f"      <ServerName>{f.pick(_COMPANY_WORDS)}_live</ServerName>\n",
        "      <Database>afqoml_live</Database>\n",
        "      <Platform>SQL Server</Platform>\n",
        f"      <YardiPropertyId>{f.num(100, 999)}</YardiPropertyId>\n",
        "    </GetResidentTransactions_Login>\n  </soap:Body>\n</soap:Envelope>\n",
    ]  # fmt: skip


def _appfolio_env(f: _F) -> list[Part]:
    return [
        "$ cat .env\n",
        f"APPFOLIO_DATABASE={f.pick(_COMPANY_WORDS)}\n",
        f"APPFOLIO_CLIENT_ID={f.alnum(20)}\n",
        "APPFOLIO_CLIENT_SECRET=", _s("client-secret", f.alnum(32)), "\n",
        "$ curl -s -u \"$APPFOLIO_CLIENT_ID:", _k("${APPFOLIO_CLIENT_SECRET}"), "\" \\\n",
        "    'https://acme.appfolio.com/api/v1/reports/rent_roll.json?properties=all' | jq length\n",
        f"{f.num(20, 400)}\n",
    ]  # fmt: skip


def _buildium_curl(f: _F) -> list[Part]:
    first, last = f.person()
    return [
        "$ curl -s https://api.buildium.com/v1/rentals/tenants?limit=1 \\\n",
        f"    -H 'x-buildium-client-id: {f.uuid()}' \\\n",
        "    -H 'x-buildium-client-secret: ", _s("client-secret", f.b64url(44)), "'\n",
        f'[{{"Id":{f.digits(6)},"FirstName":"', _s("person-name", first), '","LastName":"',
        _s("person-name", last), f'","LeaseId":{f.digits(6)}}}]\n',
    ]  # fmt: skip


def _lease_json(f: _F) -> list[Part]:
    first, last = f.person()
    return [
        "{\n",
        f'  "lease_id": "L-{f.digits(6)}",\n',
        f'  "unit": "{f.street()}, Apt {f.num(1, 40)}",\n',
        '  "tenant": {\n',
        '    "first_name": "', _s("person-name", first), '",\n',
        '    "last_name": "', _s("person-name", last), '",\n',
        '    "ssn": "', _s("ssn", f.ssn()), '",\n',
        '    "screening_report": "', _k(f.uuid()), '"\n',
        "  },\n",
        '  "sepa_mandate": {"iban": "', _s("iban", f.iban()), f'", "mandate_ref": "MND-{f.digits(8)}"}}\n',
        "}\n",
    ]  # fmt: skip


def _portal_users(f: _F) -> list[Part]:
    first, last = f.person()
    email = f.email(first, last, f"{f.pick(_COMPANY_WORDS)}mail.com")
    demo = f"demo@{f.pick(_RESERVED)}"
    return [
        "portal=# SELECT id, email, password_hash FROM portal_users ORDER BY id LIMIT 2;\n",
        " id  |              email               |   password_hash\n",
        "-----+----------------------------------+---------------------\n",
        "   1 | ", _k(demo), " " * max(1, 33 - len(demo)), "| ", _s("password-hash", f.pbkdf2()), "\n",
        f" {f.num(100, 999)} | ", _s("email", email), " " * max(1, 33 - len(email)), "| ",
        _s("password-hash", f.bcrypt() if f.r.random() < 0.6 else f.argon2()), "\n",
        "(2 rows)\n",
    ]  # fmt: skip


def _pm_readme(f: _F) -> list[Part]:
    return [
        "## Local setup\n\n",
        "Copy `.env.example` to `.env` and fill in the Buildium sandbox credentials:\n\n",
        "    BUILDIUM_CLIENT_ID=", _k("<your-client-id>"), "\n",
        "    BUILDIUM_CLIENT_SECRET=", _k("<your-client-secret>"), "\n",
        "    YARDI_PASSWORD=", _k("changeme"), "\n\n",
        "The seed data creates one tenant, ", _k("Jane Doe"), " <", _k("jane.doe@example.com"), ">, in unit A-101,\n",
        "and a manager account ", _k("manager@example.org"), ".\n",
    ]  # fmt: skip


# -- fleet telematics and logistics tracking


def _samsara_drivers(f: _F) -> list[Part]:
    first, last = f.person()
    return [
        "$ curl -s 'https://api.samsara.com/fleet/drivers?limit=1' \\\n",
        "    -H 'Authorization: Bearer ", _s("samsara-token", "samsara_api_" + f.alnum(30)), "'\n",
        f'{{"data":[{{"id":"{f.digits(8)}","name":"', _s("person-name", f"{first} {last}"),
        f'","username":"{_ascii(first).lower()}{f.num(1, 99)}","phone":"{f.phone()}",',
        '"licenseState":"OH","driverActivationStatus":"active","timezone":"America/New_York"}],',
        '"pagination":{"endCursor":"', _k(f.uuid()), '","hasNextPage":true}}\n',
    ]  # fmt: skip


def _geotab_auth(f: _F) -> list[Part]:
    first, last = f.person()
    db = f"{f.pick(_COMPANY_WORDS)}_logistics"
    return [
        "$ curl -s https://my.geotab.com/apiv1 -H 'Content-Type: application/json' \\\n",
        f'    -d \'{{"method":"Authenticate","params":{{"database":"{db}","userName":"',
        _s("email", f.email(first, last)), '","password":"', _s("password", f.password()), "\"}}'\n",
        f'{{"result":{{"credentials":{{"database":"{db}","sessionId":"{f.alnum(22)}"}},"path":"my',
        str(f.num(10, 99)), '.geotab.com"},"jsonrpc":"2.0"}\n',
    ]  # fmt: skip


def _driver_roster(f: _F) -> list[Part]:
    first, last = f.person()
    d_first, d_last, d_email = f.doc_person()
    return [
        "$ head -n 3 drivers.csv\n",
        "driver_id,driver_name,email,depot,cdl_class\n",
        *_row(
            f"D{f.digits(5)}",
            _s("person-name", f"{first} {last}"),
            _s("email", f.email(first, last, f"{f.pick(_COMPANY_WORDS)}mail.com")),
            f.city(),
            f.pick("ABC"),
        ),
        *_row("D00000", _k(f"{d_first} {d_last}"), _k(d_email), "Training", "A"),
    ]


def _gps_trace(f: _F) -> list[Part]:
    device = f.uuid()
    fw = f"{f.num(2, 5)}.{f.num(0, 9)}.0.{f.num(10, 60)}"
    lat, lon = 40 + f.r.random(), -83 + f.r.random()
    out: list[Part] = [
        f"# trace export {f.date()} device=",
        _k(device),
        " firmware ",
        _k(fw),
        "\n",
        "# uplink gateway ",
        _s("ip-address", f.private_ip()),
        " netmask ",
        _k("255.255.255.0"),
        "\n",
        "ts,lat,lon,speed_kph,heading,event\n",
    ]
    for i in range(3):
        out.append(f"{f.iso()},{lat + i / 500:.5f},{lon - i / 400:.5f},{f.num(0, 90)},{f.num(0, 359)},")
        out.append(("ignition_on", "moving", "stop_home")[i] + "\n")
    return out


def _mapbox_env(f: _F) -> list[Part]:
    user = f"{f.pick(_COMPANY_WORDS)}-dispatch"
    return [
        "# apps/dispatch/.env.local\n",
        "NEXT_PUBLIC_MAPBOX_TOKEN=", _k(f.mapbox("pk", user)), "\n",
        "MAPBOX_SECRET_TOKEN=", _s("mapbox-secret-token", f.mapbox("sk", user)), "\n",
        "GEOCODER_CACHE_TTL=3600\n",
    ]  # fmt: skip


def _tracker_mqtt(f: _F) -> list[Part]:
    return [
        "# /etc/tracker/agent.yaml\n",
        "mqtt:\n",
        "  broker: ", _s("ip-address", f.private_ip()), "\n",
        "  port: 8883\n",
        f"  client_id: tracker-{f.digits(4)}\n",
        "  username: tracker\n",
        "  password: ", _s("password", f.password()), "\n",
        "  ca_file: /etc/tracker/ca.pem\n",
        "ntp: ", _k("127.0.0.1"), "\n",
        "dns: [", _k("1.1.1.1"), ", ", _k("8.8.8.8"), "]\n",
    ]  # fmt: skip


def _fleet_alerts(f: _F) -> list[Part]:
    first, last = f.person()
    hook, secret = f.slack_hook()
    return [
        "$ cat /Users/", _s("home-username", f.user(first, last)), "/fleet-tools/alerts.toml\n",
        "[slack]\n",
        'webhook = "', hook, _s("slack-webhook", secret), '"\n',
        'channel = "#dispatch-alerts"\n',
        "[thresholds]\nidle_minutes = 20\nharsh_brake_g = 0.45\n",
        "[samsara]\n",
        'api_token = "', _k("${SAMSARA_API_TOKEN}"), '"\n',
    ]  # fmt: skip


# -- restaurant and retail point of sale


def _square_env(f: _F) -> list[Part]:
    return [
        "$ cat .env.production\n",
        "SQUARE_ENVIRONMENT=production\n",
        f"SQUARE_APPLICATION_ID=sq0idp-{f.b64url(22)}\n",
        "SQUARE_APPLICATION_SECRET=", _s("square-oauth-secret", "sq0csp-" + f.b64url(43)), "\n",
        "SQUARE_ACCESS_TOKEN=", _s("square-access-token", "EAAA" + f.b64url(60)), "\n",
        f"SQUARE_LOCATION_ID=L{f.upper_alnum(12)}\n",
        "SQUARE_WEBHOOK_SIGNATURE_KEY=", _s("webhook-signature-key", f.b64url(22)), "\n",
    ]  # fmt: skip


def _toast_login(f: _F) -> list[Part]:
    now = int(f.moment().timestamp())
    jwt = f.jwt({"iss": "toasttab", "sub": f.uuid(), "iat": now, "exp": now + 86400}, alg="RS256")
    return [
        "$ curl -s -X POST https://ws-api.toasttab.com/authentication/v1/authentication/login \\\n",
        "    -H 'Content-Type: application/json' \\\n",
        f'    -d \'{{"clientId":"{f.alnum(32)}","clientSecret":"', _s("client-secret", f.b64url(64)),
        '","userAccessType":"TOAST_MACHINE_CLIENT"}\'\n',
        '{"token":{"tokenType":"Bearer","scope":null,"expiresIn":86400,"accessToken":"', _s("jwt", jwt),
        '","idToken":null,"refreshToken":null},"status":"SUCCESS"}\n',
    ]  # fmt: skip


def _clover_orders(f: _F) -> list[Part]:
    first, last = f.person()
    mid = f.upper_alnum(13)
    return [
        f"$ curl -s 'https://api.clover.com/v3/merchants/{mid}/customers?limit=1' \\\n",
        "    -H 'Authorization: Bearer ", _s("clover-token", f.uuid()), "'\n",
        f'{{"elements":[{{"id":"{f.upper_alnum(13)}","merchant":{{"id":"{mid}"}},"firstName":"',
        _s("person-name", first), '","lastName":"', _s("person-name", last), '","marketingAllowed":false}]}\n',
    ]  # fmt: skip


def _pos_env(f: _F) -> list[Part]:
    shop = f.pick(_COMPANY_WORDS)
    return [
        "# services/pos-sync/.env\n",
        f"SHOPIFY_STORE={shop}-outfitters.myshopify.com\n",
        "SHOPIFY_ACCESS_TOKEN=", _s("shopify-token", "shpat_" + f.hex(32)), "\n",
        "LIGHTSPEED_DOMAIN_PREFIX=", shop, "\n",
        "LIGHTSPEED_PERSONAL_TOKEN=", _s("lightspeed-token", "lsxs_pt_" + f.alnum(32)), "\n",
        "SENTRY_DSN=\n",
        "SHOPIFY_API_VERSION=", _k("2024-04"), "\n",
    ]  # fmt: skip


def _receipts_csv(f: _F) -> list[Part]:
    first, last = f.person()
    return [
        "$ head -n 3 receipts_export.csv\n",
        "receipt_no,created_at,total,card_brand,card_last4,customer_email\n",
        *_row(
            f"R-{f.digits(6)}",
            f.iso(),
            f"{f.num(3, 180)}.{f.num(10, 99)}",
            f.pick(("VISA", "MASTERCARD", "AMEX")),
            f.digits(4),
            _s("email", f.email(first, last, f"{f.pick(_COMPANY_WORDS)}mail.com")),
        ),
        *_row(f"R-{f.digits(6)}", f.iso(), "0.00", "VISA", "4242", _k(f"training@{f.pick(_RESERVED)}")),
    ]


def _payment_debug(f: _F) -> list[Part]:
    return [
        f"{f.iso()} [pos-terminal-{f.num(1, 9)}] DEBUG tender payload card_number=",
        _s("card-number", f.card()), f" exp={f.num(1, 12):02d}/{f.num(25, 30)} amount={f.num(3, 90)}.{f.num(10, 99)}\n",
        f"{f.iso()} [pos-terminal] INFO reader at ", _s("ip-address", f.private_ip()), ":8443 paired\n",
    ]  # fmt: skip


def _webhook_code(f: _F) -> list[Part]:
    return [
        "import base64, hashlib, hmac, os\n\n",
        "SIGNATURE_KEY = ", _k('os.environ["SQUARE_WEBHOOK_SIGNATURE_KEY"]'), "\n",
        "NOTIFICATION_URL = \"https://pos.example.com/webhooks/square\"\n\n\n",
        "def is_valid(body: bytes, signature: str) -> bool:\n",
        "    mac = hmac.new(SIGNATURE_KEY.encode(), NOTIFICATION_URL.encode() + body, hashlib.sha256)\n",
        "    return hmac.compare_digest(base64.b64encode(mac.digest()).decode(), signature)\n\n\n",
        "def test_card_payment(client):\n",
        '    resp = client.post("/pay", json={"card": "', _k("4242424242424242"), '", "cvc": "123"})\n',
        "    assert resp.status_code == 200\n",
    ]  # fmt: skip


# -- event ticketing


def _eventbrite_me(f: _F) -> list[Part]:
    first, last = f.person()
    return [
        "$ curl -s 'https://www.eventbriteapi.com/v3/users/me/?token=", _s("eventbrite-token", f.upper_alnum(20)),
        "'\n",
        '{"emails": [{"email": "', _s("email", f.email(first, last)), '", "verified": true, "primary": true}], ',
        f'"id": "{f.digits(12)}", "name": "', _s("person-name", f"{first} {last}"), '", "is_public": false}\n',
    ]  # fmt: skip


def _attendee_csv(f: _F) -> list[Part]:
    first, last = f.person()
    d_first, d_last, d_email = f.doc_person()
    return [
        "Order #,Order Date,First Name,Last Name,Email,Ticket Type,Attendee Status\n",
        *_row(
            f.digits(10),
            f.date(),
            _s("person-name", first),
            _s("person-name", last),
            _s("email", f.email(first, last, f"{f.pick(_COMPANY_WORDS)}mail.com")),
            f.pick(("General Admission", "Early Bird", "VIP")),
            "Attending",
        ),
        *_row(f.digits(10), f.date(), d_first, d_last, _k(d_email), "Complimentary", "Test order"),
    ]


def _tickettailor(f: _F) -> list[Part]:
    return [
        "$ cat .env\n",
        "TICKET_TAILOR_API_KEY=", _s("tickettailor-key", f"sk_{f.digits(4)}_{f.digits(6)}_{f.alnum(32)}"), "\n",
        f"TICKET_TAILOR_BOX_OFFICE=bo_{f.digits(5)}\n",
        "$ curl -s -u \"", _k("${TICKET_TAILOR_API_KEY}"), ":\" https://api.tickettailor.com/v1/events \\\n",
        "    | jq '.data[0].id'\n",
        f'"ev_{f.digits(7)}"\n',
    ]  # fmt: skip


def _ics_invite(f: _F) -> list[Part]:
    org_first, org_last = f.person()
    d_first, d_last, d_email = f.doc_person()
    return [
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Ticketing//Invites 1.0//EN\nBEGIN:VEVENT\n",
        "UID:", _k(f.uuid()), "\n",
        f"DTSTART:{f.moment().strftime('%Y%m%dT%H%M%SZ')}\n",
        "SUMMARY:Volunteer briefing - Riverside Festival\n",
        'ORGANIZER;CN="', _s("person-name", f"{org_first} {org_last}"), '":mailto:',
        _s("email", f.email(org_first, org_last)), "\n",
        "ATTENDEE;ROLE=REQ-PARTICIPANT;CN=", _k(f"{d_first} {d_last}"), ":mailto:", _k(d_email), "\n",
        "END:VEVENT\nEND:VCALENDAR\n",
    ]  # fmt: skip


def _ticketing_env(f: _F) -> list[Part]:
    return [
        "# web/.env\n",
        "NEXT_PUBLIC_POSTHOG_KEY=", _k("phc_" + f.alnum(43)), "\n",
        "NEXT_PUBLIC_POSTHOG_HOST=https://eu.i.posthog.com\n",
        "POSTHOG_PERSONAL_API_KEY=", _s("posthog-personal-key", "phx_" + f.alnum(43)), "\n",
        "SENDGRID_API_KEY=", _s("sendgrid-key", f"SG.{f.b64url(22)}.{f.b64url(43)}"), "\n",
        "MAIL_FROM=", _k("tickets@example.org"), "\n",
    ]  # fmt: skip


def _checkout_log(f: _F) -> list[Part]:
    order = f.digits(9)
    return [
        f"{f.iso()} INFO  checkout order={order} event=ev_{f.digits(7)} qty={f.num(1, 6)}\n",
        f"{f.iso()} WARN  checkout retrying charge: card_number=", _s("card-number", f.card()),
        f" declined code=do_not_honor order={order}\n",
        f"{f.iso()} INFO  session ", _k(f.uuid()), " released 2 seats\n",
    ]  # fmt: skip


def _ticketing_docs(f: _F) -> list[Part]:
    return [
        "### Trying the API\n\n",
        "```sh\nexport EVENTBRITE_TOKEN=", _k("<your-private-token>"), "\n",
        "curl -H \"Authorization: Bearer ", _k("${EVENTBRITE_TOKEN}"), "\" https://www.eventbriteapi.com/v3/users/me/\n",
        "```\n\n",
        "Sandbox payments accept ", _k("4242 4242 4242 4242"), " with any future date.\n",
        "Replies go to ", _k("noreply@example.com"), ".\n",
    ]  # fmt: skip


# -- nonprofit donor management


def _npsp_csv(f: _F) -> list[Part]:
    first, last = f.person()
    d_first, d_last, d_email = f.doc_person()
    return [
        '$ sf data export bulk --query "SELECT Id, FirstName, LastName, Email, npo02__TotalOppAmount__c FROM '
        'Contact" --output-file contacts.csv && head -n 3 contacts.csv\n',
        "Id,FirstName,LastName,Email,npo02__TotalOppAmount__c\n",
        *_row(
            "003" + f.alnum(15),
            _s("person-name", first),
            _s("person-name", last),
            _s("email", f.email(first, last, f"{f.pick(_COMPANY_WORDS)}mail.com")),
            f"{f.num(25, 9000)}.00",
        ),
        *_row("003" + f.alnum(15), d_first, d_last, _k(d_email), "0.00"),
    ]


def _sf_query(f: _F) -> list[Part]:
    first, last = f.person()
    email = f.email(first, last, f"{f.pick(_COMPANY_WORDS)}mail.com")
    return [
        "$ sf data query --query \"SELECT FirstName, LastName, npe01__HomeEmail__c FROM Contact LIMIT 1\"\n",
        " FIRSTNAME   LASTNAME          NPE01__HOMEEMAIL__C\n",
        " ─────────── ───────────────── ──────────────────────────────────────\n",
        " ", _s("person-name", first), " " * max(1, 12 - len(first)),
        _s("person-name", last), " " * max(1, 18 - len(last)), _s("email", email), "\n",
        "Total number of records retrieved: 1.\n",
    ]  # fmt: skip


def _sf_org_display(f: _F) -> list[Part]:
    first, last = f.person()
    org = f"00D{f.upper_alnum(12)}"
    return [
        "$ sf org display --target-org npsp-prod\n",
        " KEY              VALUE\n",
        " ──────────────── ──────────────────────────────────────────\n",
        " Access Token     ", _s("salesforce-token", f.salesforce()), "\n",
        " Api Version      60.0\n",
        " Client Id        PlatformCLI\n",
        " Connected Status Connected\n",
        f" Id               {org}\n",
        f" Instance Url     https://{f.pick(_COMPANY_WORDS)}-foundation.my.salesforce.com\n",
        " Username         ", _s("email", f.email(first, last)), "\n",
    ]  # fmt: skip


def _donor_env(f: _F) -> list[Part]:
    return [
        "# donations-sync/.env\n",
        "STRIPE_SECRET_KEY=", _s("stripe-secret-key", "sk_live_" + f.alnum(f.pick((24, 99)))), "\n",
        "STRIPE_WEBHOOK_SECRET=", _s("stripe-webhook-secret", "whsec_" + f.alnum(32)), "\n",
        "BLOOMERANG_API_KEY=", _s("api-key", f.alnum(40)), "\n",
        "DONORBOX_API_KEY=", _s("api-key", f.alnum(32)), "\n",
        "MAILCHIMP_API_KEY=", _s("api-key", f"{f.hex(32)}-us{f.num(2, 21)}"), "\n",
        "MAILCHIMP_LIST_ID=", f.hex(10), "\n",
    ]  # fmt: skip


def _donorbox_json(f: _F) -> list[Part]:
    first, last = f.person()
    return [
        "$ curl -s --user \"$DONORBOX_EMAIL:", _k("${DONORBOX_API_KEY}"), "\" https://donorbox.org/api/v1/donations?per_page=1\n",
        f'[{{"campaign": {{"id": {f.digits(5)}, "name": "Winter Appeal"}}, "donor": {{"id": {f.digits(7)}, "name": "',
        _s("person-name", f"{first} {last}"), '", "email": "', _s("email", f.email(first, last)),
        f'"}}, "amount": "{f.num(5, 500)}.0", "currency": "usd", "status": "paid"}}]\n',
    ]  # fmt: skip


def _bloomerang(f: _F) -> list[Part]:
    first, last = f.person()
    return [
        f"$ curl -s https://api.bloomerang.co/v2/constituent/{f.digits(9)} -H 'X-API-KEY: ",
        _s("api-key", f.alnum(40)), "'\n",
        f'{{"Id": {f.digits(9)}, "Type": "Individual", "FirstName": "', _s("person-name", first),
        '", "LastName": "', _s("person-name", last), '", "DonationCount": ', str(f.num(1, 40)), "}\n",
    ]  # fmt: skip


def _donor_vcard(f: _F) -> list[Part]:
    first, last = f.person()
    return [
        "BEGIN:VCARD\nVERSION:3.0\n",
        "FN:", _s("person-name", f"{first} {last}"), "\n",
        "EMAIL;TYPE=HOME:", _s("email", f.email(first, last)), "\n",
        f"NOTE:Major donor since {f.num(2005, 2022)}\n",
        "UID:", _k(f.uuid()), "\n",
        "END:VCARD\n",
    ]  # fmt: skip


def _sepa_donors(f: _F) -> list[Part]:
    first, last = f.person()
    d_first, d_last, d_email = f.doc_person()
    return [
        "donor_name,email,iban,mandate_ref,monthly_eur\n",
        *_row(
            _s("person-name", f"{first} {last}"),
            _s("email", f.email(first, last, f"{f.pick(_COMPANY_WORDS)}mail.com")),
            _s("iban", f.iban(grouped=False)),
            f"MND{f.digits(8)}",
            str(f.num(5, 100)),
        ),
        *_row(_k(f"{d_first} {d_last}"), _k(d_email), _k(f.bad_iban()), "MND00000000", "0"),
    ]


# -- e-discovery and legal holds

_DC4, _THORN = "\x14", "þ"


def _dat_load_file(f: _F) -> list[Part]:
    fields = ("BEGBATES", "ENDBATES", "CUSTODIAN", "FROM", "TO", "SUBJECT", "MD5HASH")
    sep = _THORN + _DC4 + _THORN
    out: list[Part] = ["$ head -n 2 VOL001/DATA/VOL001.dat\n", _THORN + sep.join(fields) + _THORN + "\n"]
    s_first, s_last = f.person()
    r_first, r_last = f.person()
    start = f.num(1, 90000)
    out += [
        f"{_THORN}ACME{start:07d}{sep}ACME{start + 2:07d}{sep}{s_last}, {s_first}{sep}",
        _s("person-name", f"{s_first} {s_last}"), " <", _s("email", f.email(s_first, s_last)), ">", sep,
        _s("email", f.email(r_first, r_last)), sep, "RE: Q3 supplier rebates", sep, _k(f.hex(32)), _THORN, "\n",
    ]  # fmt: skip
    return out


def _custodian_list(f: _F) -> list[Part]:
    first, last = f.person()
    dom = f.domain()
    return [
        "custodian_name,email,title,department,hold_notice_sent,acknowledged\n",
        *_row(
            _s("person-name", f"{first} {last}"),
            _s("email", f.email(first, last, dom)),
            f.pick(("Controller", "Buyer", "VP Sales", "Engineer")),
            f.pick(("Finance", "Procurement", "Sales")),
            f.date(),
            f.pick(("yes", "no")),
        ),
    ]


def _relativity_token(f: _F) -> list[Part]:
    dom = f.domain()
    now = int(f.moment().timestamp())
    jwt = f.jwt(
        {"iss": f"https://relativity.{dom}/Relativity/Identity", "client_id": f.hex(32), "exp": now}, "RS256"
    )
    return [
        f"$ curl -s -X POST https://relativity.{dom}/Relativity/Identity/connect/token \\\n",
        f"    -d 'client_id={f.hex(32)}' -d 'client_secret=", _s("client-secret", f.alnum(40)), "' \\\n",
        "    -d 'scope=SystemUserInfo' -d 'grant_type=client_credentials'\n",
        '{"access_token":"', _s("jwt", jwt), '","expires_in":28800,"token_type":"Bearer"}\n',
    ]  # fmt: skip


def _hold_notice_eml(f: _F) -> list[Part]:
    s_first, s_last = f.person()
    dom = f.domain()
    return [
        "$ head -n 6 holds/notice-0042.eml\n",
        "From: ", _s("person-name", f"{s_first} {s_last}"), " <", _s("email", f.email(s_first, s_last, dom)), ">\n",
        "To: undisclosed-recipients:;\n",
        f"Subject: Legal Hold Notice - Matter {f.num(2021, 2024)}-{f.num(100, 999)}\n",
        f"Date: {f.git_date()}\n",
        "Message-ID: <", _k(f.uuid()), f"@mail.{dom}>\n",
    ]  # fmt: skip


def _processing_log(f: _F) -> list[Part]:
    first, last = f.person()
    return [
        f"{f.iso()} INFO  worker-3 connected to broker ", _s("ip-address", f.private_ip()), ":5672\n",
        f"{f.iso()} INFO  ingest C:\\Users\\", _s("home-username", f.user(first, last)),
        "\\Collections\\PST\\archive-2019.pst\n",
        f"{f.iso()} INFO  item 00{f.digits(5)} sha1=", _k(f.hex(40)), " family=", _k(f.hex(40)), "\n",
        f"{f.iso()} WARN  item 00{f.digits(5)} encrypted attachment skipped\n",
    ]  # fmt: skip


def _relativity_settings(f: _F) -> list[Part]:
    first, last = f.person()
    dom = f.domain()
    return [
        "$ cat appsettings.Production.json\n",
        "{\n",
        '  "Relativity": {\n',
        f'    "Url": "https://relativity.{dom}",\n',
        f'    "WorkspaceId": {f.digits(7)},\n',
        '    "Username": "', _s("email", f.email(first, last, dom)), '",\n',
        '    "Password": "', _s("password", f.password()), '"\n',
        "  },\n",
        '  "ApplicationInsights": {"ConnectionString": "', _k(f"InstrumentationKey={f.uuid()}"), '"}\n',
        "}\n",
    ]  # fmt: skip


# -- automotive and OBD tooling


def _tesla_vehicles(f: _F) -> list[Part]:
    now = int(f.moment().timestamp())
    jwt = f.jwt({"iss": "https://auth.tesla.com/oauth2/v3/nts", "sub": f.uuid(), "exp": now + 28800}, "RS256")
    return [
        "$ curl -s https://fleet-api.prd.na.vn.cloud.tesla.com/api/1/vehicles \\\n",
        "    -H 'Authorization: Bearer ", _s("jwt", jwt), "'\n",
        f'{{"response":[{{"id":{f.digits(16)},"vehicle_id":{f.digits(10)},"vin":"{f.vin()}",',
        '"state":"online","api_version":', str(f.num(60, 80)), "}],\"count\":1}\n",
    ]  # fmt: skip


def _tesla_keys(f: _F) -> list[Part]:
    private, public = f.pem_ec()
    return [
        "$ cat keys/private-key.pem keys/public-key.pem\n",
        "-----BEGIN EC PRIVATE KEY-----\n", _s("private-key", private), "\n-----END EC PRIVATE KEY-----\n",
        "-----BEGIN PUBLIC KEY-----\n", _k(public), "\n-----END PUBLIC KEY-----\n",
    ]  # fmt: skip


def _smartcar(f: _F) -> list[Part]:
    return [
        "$ grep SMARTCAR .env\n",
        f"SMARTCAR_CLIENT_ID={f.uuid()}\n",
        "SMARTCAR_CLIENT_SECRET=", _s("client-secret", f.alnum(36)), "\n",
        "SMARTCAR_REDIRECT_URI=http://localhost:8000/callback\n",
        "$ python scripts/exchange_code.py --code $CODE\n",
        '{"access_token": "', _s("vehicle-token", f.b64url(86)), '", "token_type": "Bearer", ',
        '"expires_in": 7200, "refresh_token": "', _s("vehicle-token", f.b64url(86)), '"}\n',
    ]  # fmt: skip


def _vin_list(f: _F) -> list[Part]:
    first, last = f.person()
    d_first, d_last, d_email = f.doc_person()
    return [
        "vin,make,model,year,owner_name,owner_email\n",
        *_row(
            f.vin(),
            f.pick(("Ford", "Tesla", "BMW", "Kia")),
            f.pick(("F-150", "Model Y", "i4", "EV6")),
            str(f.num(2018, 2024)),
            _s("person-name", f"{first} {last}"),
            _s("email", f.email(first, last, f"{f.pick(_COMPANY_WORDS)}mail.com")),
        ),
        *_row(f.vin(), "Demo", "Loaner", "2024", _k(f"{d_first} {d_last}"), _k(d_email)),
    ]


def _obd_log(f: _F) -> list[Part]:
    first, last = f.person()
    fw = f"{f.num(1, 4)}.{f.num(0, 9)}.{f.num(0, 9)}.{f.num(10, 40)}"
    return [
        "$ python -m obdlogger --adapter wifi --out ~/obd/logs\n",
        "[obd.elm327] connecting to ", _s("ip-address", "192.168.0.10"), ":35000\n",
        "[obd.elm327] ELM327 v1.5 ready, protocol ISO 15765-4 (CAN 11/500)\n",
        "[obd.obd] ECU firmware ", _k(fw), ", calibration id ", f.upper_alnum(10), "\n",
        f"[obd.obd] VIN {f.vin()}\n",
        f"[obd.obd] DTC P0{f.num(100, 499)} stored, P0{f.num(100, 499)} pending\n",
        "[obdlogger] writing /home/", _s("home-username", f.user(first, last)), "/obd/logs/",
        f"{f.date()}.csv\n",
    ]  # fmt: skip


def _tcu_config(f: _F) -> list[Part]:
    return [
        "$ cat /etc/tcu/uplink.ini\n",
        "[uplink]\n",
        "host = ", _s("ip-address", f.private_ip()), "\n",
        "port = 1883\n",
        f"user = tcu-{f.digits(5)}\n",
        "password = ", _s("password", f.password()), "\n",
        "[network]\nroute = ", _k("10.0.0.0/8"), "\nresolver = ", _k("8.8.8.8"), "\n",
    ]  # fmt: skip


# -- translation and language APIs


def _deepl_curl(f: _F) -> list[Part]:
    return [
        "$ curl -s -X POST https://api-free.deepl.com/v2/translate \\\n",
        "    -H 'Authorization: DeepL-Auth-Key ", _s("deepl-key", f.uuid() + ":fx"), "' \\\n",
        "    -d 'text=The invoice is overdue.' -d 'target_lang=DE'\n",
        '{"translations":[{"detected_source_language":"EN","text":"Die Rechnung ist überfällig."}]}\n',
    ]  # fmt: skip


def _google_translate(f: _F) -> list[Part]:
    return [
        "$ curl -s 'https://translation.googleapis.com/language/translate/v2?key=",
        _s("google-api-key", "AIza" + f.b64url(35)), "&q=checkout&target=fr&format=text'\n",
        '{\n  "data": {\n    "translations": [\n      {"translatedText": "paiement", "detectedSourceLanguage": "en"}\n',
        "    ]\n  }\n}\n",
    ]  # fmt: skip


def _crowdin_yml(f: _F) -> list[Part]:
    return [
        "# crowdin.yml\n",
        f'"project_id": "{f.digits(6)}"\n',
        '"api_token": "', _s("crowdin-token", f.hex(80)), '"\n',
        '"base_path": "."\n',
        '"base_url": "https://api.crowdin.com"\n',
        '"preserve_hierarchy": true\n',
        "files:\n",
        '  - source: "/locales/en/*.json"\n',
        '    translation: "/locales/%two_letters_code%/%original_file_name%"\n',
        "# CI uses: api_token_env: ", _k("CROWDIN_PERSONAL_TOKEN"), "\n",
    ]  # fmt: skip


def _lokalise_cli(f: _F) -> list[Part]:
    project = f"{f.digits(9)}{f.alnum(4)}.{f.digits(8)}"
    return [
        "$ lokalise2 --token ", _s("lokalise-token", f.hex(40)), f" --project-id {project} \\\n",
        "    file download --format json --unzip-to ./locales\n",
        "Downloading translations archive...\n",
        "Unzipping to ./locales...\n",
        "bundle sha256: ", _k(f.hex(64)), "\n",
    ]  # fmt: skip


def _phrase_yml(f: _F) -> list[Part]:
    return [
        "$ cat .phrase.yml\n",
        "phrase:\n",
        "  access_token: ", _s("phrase-token", f.hex(64)), "\n",
        f"  project_id: {f.hex(32)}\n",
        "  file_format: yml\n",
        "  push:\n    sources:\n      - file: ./config/locales/en.yml\n",
    ]  # fmt: skip


def _npmrc(f: _F) -> list[Part]:
    return [
        "$ cat .npmrc\n",
        "//registry.npmjs.org/:_authToken=", _s("npm-token", f.npm()), "\n",
        "@acme-i18n:registry=https://npm.pkg.github.com\n",
        "//npm.pkg.github.com/:_authToken=", _k("${GITHUB_TOKEN}"), "\n",
        "$ npm publish --access public\n",
        f"npm notice 📦  @acme-i18n/messages@{f.version()}\n",
        "npm notice shasum:        ", _k(f.hex(40)), "\n",
    ]  # fmt: skip


def _translation_env(f: _F) -> list[Part]:
    return [
        "$ diff .env.example .env\n",
        "1c1\n",
        "< DEEPL_AUTH_KEY=", _k("your_deepl_key_here"), "\n",
        "---\n",
        "> DEEPL_AUTH_KEY=", _s("deepl-key", f.uuid() + ":fx"), "\n",
        "3c3\n",
        "< GOOGLE_TRANSLATE_KEY=", _k("<your-api-key>"), "\n",
        "---\n",
        "> GOOGLE_TRANSLATE_KEY=", _s("google-api-key", "AIza" + f.b64url(35)), "\n",
    ]  # fmt: skip


# -- quantum and HPC cloud SDKs


def _qiskitrc(f: _F) -> list[Part]:
    first, last = f.person()
    return [
        "$ cat /home/", _s("home-username", f.user(first, last)), "/.qiskit/qiskitrc\n",
        "[ibmq]\n",
        "token = ", _s("ibm-quantum-token", f.hex(128)), "\n",
        "url = https://auth.quantum-computing.ibm.com/api\n",
        "verify = True\n",
        "default_provider = ibm-q/open/main\n",
    ]  # fmt: skip


def _qiskit_json(f: _F) -> list[Part]:
    return [
        "$ cat ~/.qiskit/qiskit-ibm.json\n",
        "{\n",
        '    "default-ibm-quantum": {\n',
        '        "channel": "ibm_quantum",\n',
        '        "token": "', _s("ibm-quantum-token", f.hex(128)), '",\n',
        '        "url": "https://auth.quantum-computing.ibm.com/api",\n',
        '        "instance": "ibm-q/open/main",\n',
        '        "verify": true\n',
        "    }\n",
        "}\n",
    ]  # fmt: skip


def _qiskit_code(f: _F) -> list[Part]:
    return [
        "import os\n\nfrom qiskit_ibm_runtime import QiskitRuntimeService\n\n",
        "QiskitRuntimeService.save_account(\n",
        '    channel="ibm_quantum",\n',
        '    token="', _s("ibm-quantum-token", f.hex(128)), '",\n',
        "    overwrite=True,\n",
        ")\n",
        "service = QiskitRuntimeService(token=", _k('os.environ["IBM_QUANTUM_TOKEN"]'), ")\n",
        "backend = service.least_busy(operational=True, simulator=False)\n",
        "# last run: job ", _k(f.token(string.ascii_lowercase + string.digits, 20)), " done\n",
    ]  # fmt: skip


def _braket_aws(f: _F) -> list[Part]:
    doc_key = "AKIA" + "IOSFODNN7" + "EXAMPLE"
    return [
        "$ cat ~/.aws/credentials\n",
        "[braket]\n",
        "aws_access_key_id = ", _s("aws-access-key-id", f.aws_key_id()), "\n",
        "aws_secret_access_key = ", _s("aws-secret-key", f.aws_secret()), "\n",
        "[docs-sample]\n",
        "aws_access_key_id = ", _k(doc_key), "\n",
        "$ aws braket search-devices --filters name=deviceType,values=QPU --profile braket --query "
        "'devices[0].deviceArn'\n",
        '"arn:aws:braket:us-east-1::device/qpu/ionq/Aria-1"\n',
    ]  # fmt: skip


def _dwave_conf(f: _F) -> list[Part]:
    return [
        "$ dwave config inspect\n",
        "Configuration file: /root/.config/dwave/dwave.conf\n",
        "Profile: prod\n",
        "Client: base\n",
        "Endpoint: https://na-west-1.cloud.dwavesys.com/sapi/v2/\n",
        "Token: ", _s("dwave-token", f"DEV-{f.hex(40)}"), "\n",
        "Solver: {\"qpu\": true}\n",
        "$ dwave ping --json | jq .solver_id\n",
        '"Advantage_system4.1"\n',
    ]  # fmt: skip


def _slurm_job(f: _F) -> list[Part]:
    first, last = f.person()
    return [
        "#!/bin/bash\n",
        "#SBATCH --job-name=vqe-h2o\n",
        "#SBATCH --partition=gpu\n",
        "#SBATCH --time=04:00:00\n",
        "#SBATCH --mail-type=END,FAIL\n",
        "#SBATCH --mail-user=", _s("email", f.email(first, last)), "\n",
        "module load python/3.11 cuda/12.2\n",
        "export QISKIT_IBM_TOKEN=", _k("${IBM_QUANTUM_TOKEN}"), "\n",
        "srun python vqe.py --backend ibm_brisbane --shots 4000\n",
    ]  # fmt: skip


def _hpc_ssh(f: _F) -> list[Part]:
    first, last = f.person()
    user = f.user(first, last)
    return [
        "$ cat ~/.ssh/config\n",
        "Host login\n",
        "    HostName ", _s("ip-address", f.private_ip()), "\n",
        f"    User {user}\n",
        "    IdentityFile ~/.ssh/id_ed25519\n",
        "$ cat ~/.ssh/id_ed25519.pub\n",
        "ssh-ed25519 ", _k(f.ssh_public()), " laptop\n",
        "$ pip install qiskit==", _k("1.0.2"), "\n",
        "  Downloading qiskit-1.0.2-cp38-abi3-manylinux_2_17_x86_64.whl (5.6 MB)\n",
    ]  # fmt: skip


def _research_readme(f: _F) -> list[Part]:
    ver = f.version()
    return [
        "## Reproducing the figures\n\n",
        "```sh\n",
        "export ZENODO_TOKEN=", _k("<your-zenodo-token>"), "\n",
        "export ZOTERO_API_KEY=", _k("${ZOTERO_API_KEY}"), "\n",
        f"make data VERSION={ver}\n",
        "sha256sum -c SHA256SUMS\n",
        "```\n\n",
        "`SHA256SUMS` for release ", _k(ver), ":\n\n",
        "    ", _k(f.hex(64)), "  data/raw_counts.parquet\n",
        "    ", _k(f.hex(64)), "  data/metadata.tsv\n\n",
        "Questions go to ", _k(f"maintainers@{f.pick(_RESERVED)}"), ".\n",
    ]  # fmt: skip


def _research_history(f: _F) -> list[Part]:
    return [
        "$ git log --oneline -4\n",
        _k(f.hex(7)), " Respond to reviewer 2 (robustness table)\n",
        _k(f.hex(7)), " Bump arxiv-collector to 0.4.1\n",
        _k(f.hex(7)), " Add Zenodo DOI badge\n",
        _k(f.hex(7)), " Initial submission\n",
        "$ git describe --tags\n",
        f"v{f.num(1, 3)}.{f.num(0, 9)}.0-4-g", _k(f.hex(7)), "\n",
        "$ git rev-parse HEAD\n",
        _k(f.hex(40)), "\n",
    ]  # fmt: skip


def _nfcore_modules(f: _F) -> list[Part]:
    out: list[Part] = [
        '$ jq \'.repos["https://github.com/nf-core/modules.git"].modules["nf-core"]\' modules.json\n',
        "{\n",
    ]
    for i, mod in enumerate(f.r.sample(("fastqc", "multiqc", "salmon/quant", "star/align", "trimgalore"), 3)):
        comma = "," if i < 2 else ""
        out += [
            f'  "{mod}": {{\n    "branch": "master",\n    "git_sha": "', _k(f.hex(40)),
            f'",\n    "installed_by": ["modules"]\n  }}{comma}\n',
        ]  # fmt: skip
    out.append("}\n")
    return out


def _container_pull(f: _F) -> list[Part]:
    tool, ver = f.pick((("fastqc", "0.12.1"), ("salmon", "1.10.1"), ("samtools", "1.19.2")))
    return [
        f"$ docker pull quay.io/biocontainers/{tool}:{ver}--hdfd78af_0\n",
        f"{ver}--hdfd78af_0: Pulling from biocontainers/{tool}\n",
        f"{f.hex(12)}: Pull complete\n",
        "Digest: sha256:", _k(f.hex(64)), "\n",
        f"Status: Downloaded newer image for quay.io/biocontainers/{tool}:{ver}--hdfd78af_0\n",
        "$ aws s3 ls s3://ngi-igenomes/igenomes/Homo_sapiens/NCBI/GRCh38/ --no-sign-request\n",
        "                           PRE Annotation/\n                           PRE Sequence/\n",
        "$ cat run.id\n",
        _k(f.uuid()), "\n",
    ]  # fmt: skip


def _claims_compose(f: _F) -> list[Part]:
    return [
        "$ docker compose config | sed -n '/claims-db:/,/volumes:/p'\n",
        "  claims-db:\n",
        "    environment:\n",
        "      POSTGRES_DB: claims\n",
        "      POSTGRES_PASSWORD: ", _k("${POSTGRES_PASSWORD}"), "\n",
        "      POSTGRES_USER: claims\n",
        "    healthcheck:\n",
        "      test: [\"CMD\", \"pg_isready\", \"-h\", \"", _k("127.0.0.1"), "\"]\n",
        "    image: postgres:16@sha256:", _k(f.hex(64)), "\n",
        "    networks:\n      internal:\n        aliases: [db]\n",
        "    volumes:\n",
    ]  # fmt: skip


def _claims_openapi(f: _F) -> list[Part]:
    d_first, d_last, d_email = f.doc_person()
    return [
        "# openapi/claims.yaml (excerpt)\n",
        "components:\n",
        "  securitySchemes:\n",
        "    ApiKeyAuth: {type: apiKey, in: header, name: X-API-Key}\n",
        "  schemas:\n",
        "    Policyholder:\n",
        "      type: object\n",
        "      properties:\n",
        "        name: {type: string, example: ", _k(f"{d_first} {d_last}"), "}\n",
        "        email: {type: string, format: email, example: ", _k(d_email), "}\n",
        "        claim_ref: {type: string, format: uuid, example: ", _k(f.uuid()), "}\n",
        "      example:\n",
        "        api_key: ", _k("<your-api-key>"), "\n",
    ]  # fmt: skip


def _wp_config(f: _F) -> list[Part]:
    return [
        "$ sed -n '23,40p' listings-site/wp-config-sample.php\n",
        "define( 'DB_NAME', 'database_name_here' );\n",
        "define( 'DB_USER', 'username_here' );\n",
        "define( 'DB_PASSWORD', '", _k("password_here"), "' );\n",
        "define( 'DB_HOST', 'localhost' );\n",
        "define( 'AUTH_KEY',         '", _k("put your unique phrase here"), "' );\n",
        "define( 'SECURE_AUTH_KEY',  '", _k("put your unique phrase here"), "' );\n",
        "define( 'LOGGED_IN_KEY',    '", _k("put your unique phrase here"), "' );\n",
    ]  # fmt: skip


def _postman_export(f: _F) -> list[Part]:
    return [
        "curl --location 'https://api.buildium.com/v1/rentals?limit=50' \\\n",
        "--header 'x-buildium-client-id: ", _k("{{client_id}}"), "' \\\n",
        "--header 'x-buildium-client-secret: ", _k("{{client_secret}}"), "' \\\n",
        "--header 'Postman-Token: ", _k(f.uuid()), "' \\\n",
        "--header 'Accept: application/json'\n",
    ]  # fmt: skip


def _samsara_webhook_doc(f: _F) -> list[Part]:
    return [
        "### Samsara webhook payload (sandbox)\n\n",
        "```json\n",
        '{"eventId": "', _k(f.uuid()), '", "eventTime": "', f.iso(), '", "eventType": "VehicleLocation",\n',
        ' "webhookId": "', f.digits(15), '", "data": {"vehicle": {"id": "', f.digits(15), '"}}}\n',
        "```\n\n",
        "Set `SAMSARA_API_TOKEN=", _k("samsara_api_" + "x" * 30), "` in `.env` and the shared secret as\n",
        "`SAMSARA_WEBHOOK_SECRET=", _k("<webhook-secret>"), "`.\n",
    ]  # fmt: skip


def _firmware_manifest(f: _F) -> list[Part]:
    fw, kernel = f"{f.num(3, 6)}.{f.num(0, 9)}.0.{f.num(10, 60)}", f"5.10.0.{f.num(10, 40)}"
    return [
        "# ota/manifest.yaml\n",
        "device_family: tracker-lte\n",
        "firmware: ", _k(fw), "\n",
        "kernel: ", _k(kernel), "\n",
        "image_sha256: ", _k(f.hex(64)), "\n",
        "staging_server: ", _k(f"203.0.113.{f.num(2, 250)}"), "\n",
        "rollout:\n  percent: 10\n  cohort: ", _k(f.uuid()), "\n",
    ]  # fmt: skip


def _pos_tests(f: _F) -> list[Part]:
    return [
        "# tests/test_tenders.py\n",
        "SANDBOX_CARDS = {\n",
        '    "visa": "', _k("4111 1111 1111 1111"), '",\n',
        '    "mastercard": "', _k("5105 1051 0510 5100"), '",\n',
        '    "amex": "', _k("3782 822463 10005"), '",\n',
        "}\n",
        'SQUARE_ACCESS_TOKEN = "', _k("EAAA" + "x" * 60), '"  # replaced in CI\n',
        "LOCATION = ", _k('os.environ["SQUARE_LOCATION_ID"]'), "\n",
    ]  # fmt: skip


def _square_event(f: _F) -> list[Part]:
    return [
        "$ cat fixtures/payment.updated.json\n",
        '{"merchant_id": "', f.upper_alnum(13), '", "type": "payment.updated", "event_id": "', _k(f.uuid()), '",\n',
        ' "created_at": "', f.iso(), '", "data": {"type": "payment", "id": "', f.alnum(28), '",\n',
        '  "object": {"payment": {"amount_money": {"amount": ', str(f.num(100, 9000)), ', "currency": "USD"},\n',
        '   "card_details": {"card": {"card_brand": "VISA", "last_4": "1111"}}, "status": "COMPLETED"}}}}\n',
        "# verify with SQUARE_WEBHOOK_SIGNATURE_KEY=", _k("<signature-key>"), "\n",
    ]  # fmt: skip


def _posthog_snippet(f: _F) -> list[Part]:
    return [
        "<script>\n",
        "  !function(t,e){/* posthog-js loader */}(document,window.posthog||[]);\n",
        "  posthog.init('", _k("phc_" + f.alnum(43)), "', {api_host: 'https://eu.i.posthog.com'})\n",
        "</script>\n",
        "<!-- scanner websocket debug -->\n",
        "GET /checkin/ws HTTP/1.1\n",
        "Upgrade: websocket\n",
        "Sec-WebSocket-Key: ", _k(base64.b64encode(f.rbytes(16)).decode()), "\n",
        "Sec-WebSocket-Version: 13\n",
    ]  # fmt: skip


def _eventbrite_sdk(f: _F) -> list[Part]:
    return [
        "$ pip install eventbrite==", _k("3.3.5"), "\n",
        "$ python - <<'PY'\n",
        "import os, eventbrite\n",
        "eb = eventbrite.Eventbrite(", _k('os.environ["EVENTBRITE_TOKEN"]'), ")\n",
        "print(eb.get_event('", f.digits(12), "')['status'])\n",
        "PY\n",
        "live\n",
        "$ echo \"order webhook id: ", _k(f.uuid()), "\"\n",
    ]  # fmt: skip


def _apex_test(f: _F) -> list[Part]:
    d_first, d_last, d_email = f.doc_person()
    return [
        "@IsTest\n",
        "private class GiftEntryTest {\n",
        "    @IsTest static void createsOpportunity() {\n",
        f"        Contact c = new Contact(FirstName = '{d_first}', LastName = '{d_last}',\n",
        "            Email = '", _k(d_email), "');\n",
        "        insert c;\n",
        "        // Stripe test mode: ", _k("4242 4242 4242 4242"), ", key ", _k("sk_live_" + "x" * 24), "\n",
        "        Test.setMock(HttpCalloutMock.class, new StripeMock());\n",
        "    }\n",
        "}\n",
    ]  # fmt: skip


def _stripe_fixture(f: _F) -> list[Part]:
    return [
        "$ stripe trigger checkout.session.completed\n",
        "Setting up fixture for: checkout_session\n",
        "Running fixture for: checkout_session\n",
        "Trigger succeeded! Check dashboard for event details.\n",
        "$ cat .env.example\n",
        "STRIPE_SECRET_KEY=", _k("sk_live_" + "x" * 24), "\n",
        "STRIPE_WEBHOOK_SECRET=", _k("<whsec-from-stripe-listen>"), "\n",
        "BLOOMERANG_API_KEY=", _k("changeme"), "\n",
        "DONORBOX_API_KEY=", _k("****"), "\n",
    ]  # fmt: skip


def _opticon(f: _F) -> list[Part]:
    start = f.num(1, 90000)
    out: list[Part] = ["$ head -n 3 VOL001/IMAGES/VOL001.opt\n"]
    for i in range(3):
        out.append(
            f"ACME{start + i:07d},VOL001,IMAGES\\001\\ACME{start + i:07d}.tif,{'Y' if i == 0 else ''},,,3\n"
        )
    out += ["$ md5sum VOL001/NATIVES/*.msg | head -n 2\n"]
    for i in range(2):
        out += [_k(f.hex(32)), f"  VOL001/NATIVES/ACME{start + i:07d}.msg\n"]
    return out


def _relativity_postman(f: _F) -> list[Part]:
    return [
        "POST {{baseUrl}}/Relativity.REST/api/relativity-object-model/v1/workspaces/", f.digits(7),
        "/object/query\n",
        "Authorization: Bearer ", _k("{{access_token}}"), "\n",
        "X-CSRF-Header: -\n",
        "Content-Type: application/json\n\n",
        '{"request": {"objectType": {"Guid": "', _k(f.uuid()), '"}, "fields": [{"Guid": "', _k(f.uuid()), '"}],\n',
        ' "condition": "\'Custodian\' ISSET"}, "start": 1, "length": 25}\n',
    ]  # fmt: skip


def _ecu_manifest(f: _F) -> list[Part]:
    return [
        "$ cat update/ecu-bundle.txt\n",
        "bundle: ", _k(f"{f.num(2022, 2024)}.{f.num(1, 52)}.{f.num(1, 9)}"), "\n",
        "gateway firmware ", _k(f"{f.num(1, 4)}.{f.num(0, 9)}.{f.num(0, 9)}.{f.num(10, 99)}"), "\n",
        "infotainment kernel ", _k(f"5.10.0.{f.num(10, 40)}"), "\n",
        "sha256 ", _k(f.hex(64)), "\n",
        "signed-by fingerprint ", _k(f.hex(40).upper()), "\n",
        "default route via ", _k("192.168.1.0"), "/24 netmask ", _k("255.255.255.0"), "\n",
    ]  # fmt: skip


def _tesla_public_key(f: _F) -> list[Part]:
    _, public = f.pem_ec()
    return [
        "$ curl -s https://fleet.example.com/.well-known/appspecific/com.tesla.3p.public-key.pem\n",
        "-----BEGIN PUBLIC KEY-----\n", _k(public), "\n-----END PUBLIC KEY-----\n",
        "$ openssl ec -pubin -in public-key.pem -outform DER | sha256sum\n",
        _k(f.hex(64)), "  -\n",
    ]  # fmt: skip


def _package_lock(f: _F) -> list[Part]:
    out: list[Part] = [
        "$ jq '.packages | with_entries(select(.key | test(\"i18next\")))' package-lock.json\n{\n"
    ]
    for i, name in enumerate(("i18next", "react-i18next")):
        ver = f.version()
        integrity = "sha512-" + base64.b64encode(f.rbytes(64)).decode()
        out += [
            f'  "node_modules/{name}": {{\n    "version": "', _k(ver), '",\n',
            f'    "resolved": "https://registry.npmjs.org/{name}/-/{name}-{ver}.tgz",\n',
            '    "integrity": "', _k(integrity), '"\n  }', "," if i == 0 else "", "\n",
        ]  # fmt: skip
    out.append("}\n")
    return out


def _crowdin_workflow(f: _F) -> list[Part]:
    return [
        "# .github/workflows/crowdin.yml\n",
        "jobs:\n  sync:\n    runs-on: ubuntu-latest\n    steps:\n",
        "      - uses: actions/checkout@v4\n",
        "      - uses: crowdin/github-action@", _k(f.hex(40)), "\n",
        "        with:\n          upload_sources: true\n          download_translations: true\n",
        "        env:\n",
        "          CROWDIN_PROJECT_ID: ", _k("${{ secrets.CROWDIN_PROJECT_ID }}"), "\n",
        "          CROWDIN_PERSONAL_TOKEN: ", _k("${{ secrets.CROWDIN_PERSONAL_TOKEN }}"), "\n",
        "          GITHUB_TOKEN: ", _k("${{ secrets.GITHUB_TOKEN }}"), "\n",
    ]  # fmt: skip


def _requirements_hashes(f: _F) -> list[Part]:
    out: list[Part] = ["# requirements.lock (pip-compile --generate-hashes)\n"]
    for name in ("qiskit", "qiskit-ibm-runtime", "amazon-braket-sdk"):
        out += [f"{name}==", _k(f.version()), " \\\n", "    --hash=sha256:", _k(f.hex(64)), "\n"]
    return out


def _braket_docs(f: _F) -> list[Part]:
    return [
        "## Running on Braket\n\n",
        "The sample profile in `docs/aws-credentials.example` uses AWS's documented key\n",
        "`", _k("AKIA" + "IOSFODNN7" + "EXAMPLE"), "`; replace it with your own. Check what is configured with:\n\n",
        "    $ aws configure list --profile braket\n",
        "          Name                    Value             Type    Location\n",
        "    access_key     ", _k("****************" + f.upper_alnum(4)), " shared-credentials-file\n",
        "    secret_key     ", _k("****************" + f.alnum(4)), " shared-credentials-file\n",
        "Device: arn:aws:braket:::device/quantum-simulator/amazon/sv1 (task ", _k(f.uuid()), ")\n",
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------------------------------
# The registry of kinds: each with the file a diff would add it as and a fence's language.


@attrs.frozen
class _Kind:
    name: str
    make: Kind
    path: str
    lang: str


_KINDS: dict[str, tuple[_Kind, ...]] = {
    "scientific-publishing": (
        _Kind("overleaf-remote", _overleaf_remote, "notes/overleaf.txt", "console"),
        _Kind("zenodo-upload", _zenodo_upload, "notes/zenodo.txt", "console"),
        _Kind("zotero-config", _zotero_config, "notes/zotero.txt", "console"),
        _Kind("orcid-token", _orcid_token, "notes/orcid.txt", "console"),
        _Kind("git-identity", _git_identity, "notes/git.txt", "console"),
        _Kind("latex-build", _latex_build, "build/latexmk.log", "text"),
        _Kind("arxiv-workflow", _arxiv_workflow, ".github/workflows/release.yml", "yaml"),
        _Kind("research-readme", _research_readme, "README.md", "markdown"),
        _Kind("research-history", _research_history, "notes/history.txt", "console"),
    ),
    "genomics": (
        _Kind("nextflow-config", _nextflow_config, "nextflow.config", "groovy"),
        _Kind("nextflow-scm", _nextflow_scm, "notes/scm.txt", "console"),
        _Kind("nextflow-run", _nextflow_run, "logs/nextflow.txt", "console"),
        _Kind("snakemake-config", _snakemake_config, "config/config.yaml", "yaml"),
        _Kind("patient-samplesheet", _patient_samplesheet, "notes/samplesheet.txt", "console"),
        _Kind("basespace", _basespace, "notes/basespace.txt", "console"),
        _Kind("ena-ncbi", _ena_ncbi, "notes/submission.txt", "console"),
        _Kind("sftp-key", _sftp_key, "notes/keys.txt", "console"),
        _Kind("nfcore-modules", _nfcore_modules, "notes/modules.txt", "console"),
        _Kind("container-pull", _container_pull, "notes/containers.txt", "console"),
    ),
    "insurance-claims": (
        _Kind("claims-csv-eu", _claims_csv_eu, "notes/claims-eu.txt", "console"),
        _Kind("claims-csv-us", _claims_csv_us, "exports/claimants.csv", "csv"),
        _Kind("adjuster-api", _adjuster_api, "notes/adjuster.txt", "console"),
        _Kind("claims-etl-env", _claims_etl_env, ".env", "dotenv"),
        _Kind("claims-psql", _claims_psql, "notes/psql.txt", "text"),
        _Kind("claims-insert", _claims_insert, "db/seed_claimants.sql", "sql"),
        _Kind("claims-fixture", _claims_fixture, "tests/fixtures/claim_minimal.json", "json"),
        _Kind("premium-debug", _premium_debug, "logs/premium.log", "text"),
        _Kind("claims-compose", _claims_compose, "notes/compose.txt", "console"),
        _Kind("claims-openapi", _claims_openapi, "openapi/claims.yaml", "yaml"),
    ),
    "property-management": (
        _Kind("tenant-ledger", _tenant_ledger, "exports/ledger.csv", "csv"),
        _Kind("yardi-soap", _yardi_soap, "yardi/request.txt", "xml"),
        _Kind("appfolio-env", _appfolio_env, "notes/appfolio.txt", "console"),
        _Kind("buildium-curl", _buildium_curl, "notes/buildium.txt", "console"),
        _Kind("lease-json", _lease_json, "exports/lease.json", "json"),
        _Kind("portal-users", _portal_users, "notes/portal.txt", "text"),
        _Kind("pm-readme", _pm_readme, "README.md", "markdown"),
        _Kind("wp-config", _wp_config, "notes/wp-config.txt", "console"),
        _Kind("postman-export", _postman_export, "docs/buildium.sh", "sh"),
    ),
    "fleet-telematics": (
        _Kind("samsara-drivers", _samsara_drivers, "notes/samsara.txt", "console"),
        _Kind("geotab-auth", _geotab_auth, "notes/geotab.txt", "console"),
        _Kind("driver-roster", _driver_roster, "notes/drivers.txt", "console"),
        _Kind("gps-trace", _gps_trace, "traces/trace.csv", "csv"),
        _Kind("mapbox-env", _mapbox_env, "apps/dispatch/.env.local", "dotenv"),
        _Kind("tracker-mqtt", _tracker_mqtt, "deploy/agent.yaml", "yaml"),
        _Kind("fleet-alerts", _fleet_alerts, "notes/alerts.txt", "console"),
        _Kind("samsara-webhook-doc", _samsara_webhook_doc, "docs/webhooks.md", "markdown"),
        _Kind("firmware-manifest", _firmware_manifest, "ota/manifest.yaml", "yaml"),
    ),
    "point-of-sale": (
        _Kind("square-env", _square_env, ".env.production", "console"),
        _Kind("toast-login", _toast_login, "notes/toast.txt", "console"),
        _Kind("clover-customers", _clover_orders, "notes/clover.txt", "console"),
        _Kind("pos-env", _pos_env, "services/pos-sync/.env", "dotenv"),
        _Kind("receipts-csv", _receipts_csv, "notes/receipts.txt", "console"),
        _Kind("payment-debug", _payment_debug, "logs/terminal.log", "text"),
        _Kind("webhook-code", _webhook_code, "app/webhooks.py", "python"),
        _Kind("pos-tests", _pos_tests, "tests/test_tenders.py", "python"),
        _Kind("square-event", _square_event, "notes/fixture.txt", "console"),
    ),
    "event-ticketing": (
        _Kind("eventbrite-me", _eventbrite_me, "notes/eventbrite.txt", "console"),
        _Kind("attendee-csv", _attendee_csv, "exports/attendees.csv", "csv"),
        _Kind("tickettailor", _tickettailor, "notes/tickettailor.txt", "console"),
        _Kind("ics-invite", _ics_invite, "invites/briefing.ics", "text"),
        _Kind("ticketing-env", _ticketing_env, "web/.env", "dotenv"),
        _Kind("checkout-log", _checkout_log, "logs/checkout.log", "text"),
        _Kind("ticketing-docs", _ticketing_docs, "docs/api.md", "markdown"),
        _Kind("posthog-snippet", _posthog_snippet, "web/snippet.html", "html"),
        _Kind("eventbrite-sdk", _eventbrite_sdk, "notes/sdk.txt", "console"),
    ),
    "nonprofit-donors": (
        _Kind("npsp-csv", _npsp_csv, "notes/export.txt", "console"),
        _Kind("sf-query", _sf_query, "notes/query.txt", "console"),
        _Kind("sf-org-display", _sf_org_display, "notes/org.txt", "console"),
        _Kind("donor-env", _donor_env, "donations-sync/.env", "dotenv"),
        _Kind("donorbox-json", _donorbox_json, "notes/donorbox.txt", "console"),
        _Kind("bloomerang", _bloomerang, "notes/bloomerang.txt", "console"),
        _Kind("donor-vcard", _donor_vcard, "exports/donor.vcf", "text"),
        _Kind("sepa-donors", _sepa_donors, "exports/sepa_donors.csv", "csv"),
        _Kind("apex-test", _apex_test, "force-app/main/default/classes/GiftEntryTest.cls", "java"),
        _Kind("stripe-fixture", _stripe_fixture, "notes/stripe.txt", "console"),
    ),
    "e-discovery": (
        _Kind("dat-load-file", _dat_load_file, "notes/loadfile.txt", "console"),
        _Kind("custodian-list", _custodian_list, "matters/custodians.csv", "csv"),
        _Kind("relativity-token", _relativity_token, "notes/relativity.txt", "console"),
        _Kind("hold-notice-eml", _hold_notice_eml, "notes/eml.txt", "console"),
        _Kind("processing-log", _processing_log, "logs/processing.log", "text"),
        _Kind("relativity-settings", _relativity_settings, "notes/appsettings.txt", "console"),
        _Kind("opticon", _opticon, "notes/opticon.txt", "console"),
        _Kind("relativity-postman", _relativity_postman, "docs/query.http", "http"),
    ),
    "automotive": (
        _Kind("tesla-vehicles", _tesla_vehicles, "notes/fleet-api.txt", "console"),
        _Kind("tesla-keys", _tesla_keys, "notes/keys.txt", "console"),
        _Kind("smartcar", _smartcar, "notes/smartcar.txt", "console"),
        _Kind("vin-list", _vin_list, "data/vins.csv", "csv"),
        _Kind("obd-log", _obd_log, "logs/obd.txt", "console"),
        _Kind("tcu-config", _tcu_config, "notes/tcu.txt", "console"),
        _Kind("ecu-manifest", _ecu_manifest, "notes/ecu.txt", "console"),
        _Kind("tesla-public-key", _tesla_public_key, "notes/pubkey.txt", "console"),
    ),
    "translation": (
        _Kind("deepl-curl", _deepl_curl, "notes/deepl.txt", "console"),
        _Kind("google-translate", _google_translate, "notes/gtranslate.txt", "console"),
        _Kind("crowdin-yml", _crowdin_yml, "crowdin.yml", "yaml"),
        _Kind("lokalise-cli", _lokalise_cli, "notes/lokalise.txt", "console"),
        _Kind("phrase-yml", _phrase_yml, "notes/phrase.txt", "console"),
        _Kind("npmrc", _npmrc, "notes/npmrc.txt", "console"),
        _Kind("translation-env", _translation_env, "notes/env-diff.txt", "console"),
        _Kind("package-lock", _package_lock, "notes/lock.txt", "console"),
        _Kind("crowdin-workflow", _crowdin_workflow, ".github/workflows/crowdin.yml", "yaml"),
    ),
    "quantum-hpc": (
        _Kind("qiskitrc", _qiskitrc, "notes/qiskitrc.txt", "console"),
        _Kind("qiskit-json", _qiskit_json, "notes/qiskit-ibm.txt", "console"),
        _Kind("qiskit-code", _qiskit_code, "scripts/setup_account.py", "python"),
        _Kind("braket-aws", _braket_aws, "notes/aws.txt", "console"),
        _Kind("dwave-conf", _dwave_conf, "notes/dwave.txt", "console"),
        _Kind("slurm-job", _slurm_job, "jobs/vqe.sbatch", "bash"),
        _Kind("hpc-ssh", _hpc_ssh, "notes/ssh.txt", "console"),
        _Kind("requirements-hashes", _requirements_hashes, "requirements.lock", "text"),
        _Kind("braket-docs", _braket_docs, "docs/braket.md", "markdown"),
    ),
}

_DOCS_PER_SETTING = 26

# ---------------------------------------------------------------------------------------------------------------
# Delivery.


def _render(parts: list[Part]) -> tuple[str, list[tuple[int, int, str | None]]]:
    chunks: list[str] = []
    spans: list[tuple[int, int, str | None]] = []
    pos = 0
    for part in parts:
        if isinstance(part, str):
            chunks.append(part)
            pos += len(part)
        else:
            spans.append((pos, pos + len(part.text), part.cls))
            chunks.append(part.text)
            pos += len(part.text)
    return "".join(chunks), spans


def _json_char(c: str) -> str:
    return json.dumps(c, ensure_ascii=False)[1:-1]


def _transform(
    raw: str, esc: Callable[[str], str] | None, prefix: Callable[[int], str] | None
) -> tuple[str, list[int], list[int]]:
    """`raw` with each character escaped and each line prefixed; where each character's output starts and stops."""
    out: list[str] = []
    starts: list[int] = []
    stops: list[int] = []
    pos, line = 0, 0
    for i, c in enumerate(raw):
        if prefix is not None and (i == 0 or raw[i - 1] == "\n"):
            head = prefix(line)
            line += 1
            out.append(head)
            pos += len(head)
        piece = esc(c) if esc is not None else c
        starts.append(pos)
        out.append(piece)
        pos += len(piece)
        stops.append(pos)
    return "".join(out), starts, stops


def _deliver(rng: random.Random, raw: str, kind: _Kind) -> tuple[str, str, int, list[int], list[int]]:
    """The delivery's name, the delivered text, and where each raw character landed in it."""
    delivery = DELIVERIES[rng.randrange(len(DELIVERIES))]
    body = raw[:-1] if raw.endswith("\n") else raw
    f = _F(rng, "")
    if delivery == "plain":
        text, starts, stops = _transform(raw, None, None)
        return delivery, text, 0, starts, stops
    if delivery == "json":
        escaped, starts, stops = _transform(raw, _json_char, None)
        shape = rng.randrange(3)
        if shape == 0:
            head, tail, key = (
                f'{{"type": "tool_result", "tool_use_id": "toolu_01{f.alnum(22)}", "content": "',
                '", "is_error": false}',
                "content",
            )
        elif shape == 1:
            head, tail, key = (
                f'{{"type":"function_call_output","call_id":"call_{f.alnum(24)}","output":"',
                '"}',
                "output",
            )
        else:
            head, tail, key = '{"role": "tool", "content": "', '"}', "content"
        text = head + escaped + tail
        if json.loads(text)[key] != raw:
            raise AssertionError("a JSON delivery changed its document")
        return delivery, text + "\n", len(head), starts, stops
    if delivery == "diff":
        lines, starts, stops = _transform(body, None, lambda _: "+")
        n = body.count("\n") + 1
        head = (
            f"diff --git a/{kind.path} b/{kind.path}\nnew file mode 100644\nindex 0000000..{f.hex(7)}\n"
            f"--- /dev/null\n+++ b/{kind.path}\n@@ -0,0 +1,{n} @@\n"
        )
        return delivery, head + lines + "\n", len(head), starts, stops
    if delivery == "numbered":
        first = rng.choice((1, 1, rng.randint(2, 120)))
        arrow = rng.random() < 0.5
        lines, starts, stops = _transform(
            body, None, (lambda i: f"{first + i:>6}→") if arrow else (lambda i: f"{first + i}\t")
        )
        return delivery, lines + "\n", 0, starts, stops
    if delivery == "ci-log":
        t = f.moment()
        stamps = []
        for _ in range(body.count("\n") + 1):
            t += dt.timedelta(microseconds=rng.randint(1000, 900000))
            stamps.append(t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z ")
        lines, starts, stops = _transform(body, None, lambda i: stamps[i])
        return delivery, lines + "\n", 0, starts, stops
    head = f"```{kind.lang}\n"
    lines, starts, stops = _transform(body, None, None)
    return delivery, head + lines + "\n```\n", len(head), starts, stops


def _occurrences(text: str, sub: str) -> list[int]:
    found, i = [], text.find(sub)
    while i >= 0:
        found.append(i)
        i = text.find(sub, i + 1)
    return found


def _make_document(rng: random.Random, setting: str, kind: _Kind, index: int) -> Document | None:
    raw, spans = _render(kind.make(_F(rng, setting)))
    delivery, text, base, starts, stops = _deliver(rng, raw, kind)
    secrets: list[Secret] = []
    keeps: list[Keep] = []
    for lo, hi, cls in spans:
        if lo == hi:
            return None
        start, stop = base + starts[lo], base + stops[hi - 1]
        if cls is None:
            keeps.append(Keep(text[start:stop], start))
        else:
            secrets.append(Secret(cls, text[start:stop], start))
    covered = [(s.offset, s.offset + len(s.text)) for s in secrets]

    def inside(lo: int, hi: int) -> bool:
        return any(a <= lo and hi <= b for a, b in covered)

    def overlaps(lo: int, hi: int) -> bool:
        return any(lo < b and a < hi for a, b in covered)

    # Every occurrence of a secret's text is labelled (or inside a labelled value); no keep's text touches one.
    for secret in secrets:
        if not all(inside(i, i + len(secret.text)) for i in _occurrences(text, secret.text)):
            return None
    for keep in keeps:
        if any(overlaps(i, i + len(keep.text)) for i in _occurrences(text, keep.text)):
            return None
    return Document(
        name=f"{setting}/{kind.name}-{index:02d}",
        setting=setting,
        delivery=delivery,
        text=text,
        secrets=tuple(secrets),
        keeps=tuple(keeps),
    )


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """The corpus: `_DOCS_PER_SETTING` documents for each setting, its kinds in turn, drawn from `seed`."""
    rng = random.Random(seed)
    docs: list[Document] = []
    for setting in SETTINGS:
        kinds = _KINDS[setting]
        for index in range(_DOCS_PER_SETTING):
            kind = kinds[index % len(kinds)]
            for _ in range(100):
                doc = _make_document(rng, setting, kind, index)
                if doc is not None:
                    docs.append(doc)
                    break
            else:
                raise RuntimeError(f"no valid draw for {setting}/{kind.name}")
    return docs


def corpus_digest(docs: Sequence[Document]) -> str:
    blob = json.dumps([attrs.asdict(d) for d in docs], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


# ---------------------------------------------------------------------------------------------------------------
# The measure.

_WINDOW = 6

# What a delivery puts before each line; a value over several lines holds these, which are not its own.
_LINE_PREFIX = {
    "diff": re.compile(r"\+"),
    "numbered": re.compile(r" *\d+(?:→|\t)"),
    "ci-log": re.compile(r"\d{4}-\d\d-\d\dT[0-9:.]+Z "),
}


def segments(text: str, delivery: str) -> list[tuple[int, int]]:
    """The stretches of a labelled value that are its own characters: a value over several lines is cut at its
    line breaks (escaped ones in a JSON line) and at the prefix its delivery puts before each line."""
    breaks = re.compile(r"\\n" if delivery == "json" else r"\n")
    prefix = _LINE_PREFIX.get(delivery)
    out: list[tuple[int, int]] = []
    pos = 0
    for m in breaks.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
        if prefix is not None and (p := prefix.match(text, pos)) is not None:
            pos = p.end()
    out.append((pos, len(text)))
    return [(a, b) for a, b in out if b > a]


def _masked(text: str, delivery: str) -> str:
    chars = list(text)
    for a, b in segments(text, delivery):
        chars[a:b] = "x" * (b - a)
    return "".join(chars)


def _share(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def measure_documents(docs: Sequence[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregates over `docs` scrubbed by `scrub`: how many secrets went, whole and without a fragment left,
    how many vendor tokens went, and how many keeps stayed.

    A fragment is a six-character window of a secret's own characters (`segments`) found in the output but not in
    the output for the same document with every secret's own characters replaced by a run of "x": what surrounding
    text explains is no fragment."""
    n_secrets = removed = clean = n_vendor = vendor_removed = n_keeps = kept = 0
    for doc in docs:
        out = scrub(doc.text)
        filled_out = out
        if doc.secrets:
            filled = doc.text
            for text in sorted({s.text for s in doc.secrets}, key=len, reverse=True):
                filled = filled.replace(text, _masked(text, doc.delivery))
            filled_out = scrub(filled)
        for secret in doc.secrets:
            n_secrets += 1
            gone = secret.text not in out
            removed += gone
            if secret.cls in VENDOR_CLASSES:
                n_vendor += 1
                vendor_removed += gone
            windows = {
                secret.text[i : i + _WINDOW]
                for a, b in segments(secret.text, doc.delivery)
                for i in range(a, b - _WINDOW + 1)
            }
            if gone and not any(w in out and w not in filled_out for w in windows):
                clean += 1
        for keep in doc.keeps:
            n_keeps += 1
            kept += out.count(keep.text) >= doc.text.count(keep.text)
    return {
        "secrets": float(n_secrets),
        "recall": _share(removed, n_secrets),
        "recall_no_fragment": _share(clean, n_secrets),
        "vendor_prefix_recall": _share(vendor_removed, n_vendor),
        "keep_rate": _share(kept, n_keeps),
        "spans": float(n_keeps),
    }


def measure_held_back() -> dict[str, float]:
    """The real scrubber's aggregates over the corpus (never a document's or a value's result)."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
