"""The twentyeighth held-back scrub corpus.

Its twelve settings: hosting billing panels (WHMCS, Blesta, client and invoice exports, module configs); contact
centers (Genesys, Five9, agent rosters, call dispositions, CTI configs); self-hosted web analytics (Matomo,
Plausible, Umami configs and API tokens, visitor logs); on-call and incident management (PagerDuty, Opsgenie,
Statuspage, on-call rosters, incident timelines); ad platforms' APIs (Google Ads developer tokens and
google-ads.yaml, Meta Marketing API, TikTok and LinkedIn ads); EDI and customs brokerage (X12 850/856 documents,
EDIFACT, AS2 configs, broker filings); e-mail security (DMARC aggregate reports, Proofpoint and Mimecast logs,
quarantine digests); cellular IoT (Particle, Hologram, SIM ICCID inventories, modem AT logs); time clocks and
biometrics (attendance exports, badge systems, timesheet APIs); childcare and school transport apps (parent and
guardian contacts, pickup rosters, bus routes); real estate listing feeds (RESO Web API, MLS credentials, listing
agent exports); CAD and PLM cloud APIs (Autodesk Platform Services tokens, Onshape keys, PLM exports).

Labels follow the scrubber's published policy alone: what it says goes is a `Secret`, what it says stays (and
look-alikes that hold nothing) is a `Keep`, and what it leaves open is not labelled. Every fake is drawn from a
seeded `random.Random` and is valid for its format where the format has a check (Luhn, IBAN mod 97, CRC32 token
checksums, SSN issuance ranges, JWT and PEM layouts, BIP-39 checksums). Each document is delivered one of six ways
(plain, a JSON transcript line, a diff's added lines, numbered lines, CI log lines, a Markdown fence), and labels
are the values' text as delivered. The measure reports aggregates only, never a value.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import random
import string
import uuid
import zlib
from collections.abc import Callable, Sequence

import attrs

DEFAULT_SEED: int = 20261228


@attrs.frozen
class Secret:
    """A value the policy says goes, where it stands in the delivered text."""

    cls: str
    text: str
    offset: int


@attrs.frozen
class Keep:
    """A value the policy says stays, where it stands in the delivered text."""

    text: str
    offset: int


@attrs.frozen
class Document:
    """One delivered text of a setting, with its labels."""

    name: str
    setting: str
    delivery: str
    text: str
    secrets: tuple[Secret, ...]
    keeps: tuple[Keep, ...]


SETTINGS: tuple[str, ...] = (
    "hosting-billing",
    "contact-center",
    "web-analytics",
    "on-call",
    "ad-platforms",
    "edi-customs",
    "email-security",
    "cellular-iot",
    "time-clocks",
    "childcare-transport",
    "real-estate-feeds",
    "cad-plm",
)
DELIVERIES = ("plain", "json", "diff", "numbered", "cilog", "fence")

VENDOR_CLASSES: frozenset[str] = frozenset(
    {
        "github-pat",
        "github-oauth",
        "npm-token",
        "aws-access-key",
        "slack-bot-token",
        "stripe-secret-key",
        "stripe-webhook-secret",
        "sendgrid-key",
        "google-api-key",
        "google-oauth-secret",
        "gitlab-pat",
        "meta-access-token",
        "digitalocean-token",
        "vault-token",
        "grafana-token",
        "newrelic-key",
        "sentry-token",
        "posthog-personal-key",
        "linear-key",
        "mapbox-secret-token",
        "supabase-secret-key",
    }
)
CLASSES: frozenset[str] = VENDOR_CLASSES | frozenset(
    {
        "password",
        "api-key",
        "api-secret",
        "client-secret",
        "token",
        "oauth-refresh-token",
        "jwt",
        "session-cookie",
        "basic-auth",
        "signing-secret",
        "encryption-key",
        "private-key",
        "ssh-private-key",
        "password-hash",
        "recovery-phrase",
        "email",
        "person-name",
        "card-number",
        "iban",
        "ssn",
        "ip-address",
        "aws-secret-key",
        "key-id",
    }
)

# ---------------------------------------------------------------------------------------------------------------
# Alphabets and format checks

_DIGITS = string.digits
_UPPER = string.ascii_uppercase
_LOWER = string.ascii_lowercase
_B62 = _DIGITS + _UPPER + _LOWER
_HEX = _DIGITS + "abcdef"
_B64URL = _UPPER + _LOWER + _DIGITS + "-_"
_B64 = _UPPER + _LOWER + _DIGITS + "+/"
_CRYPT64 = "./" + _DIGITS + _UPPER + _LOWER
_B32 = _UPPER + "234567"

BIP39_HEAD: tuple[str, ...] = tuple(
    [
        "abandon",
        "ability",
        "able",
        "about",
        "above",
        "absent",
        "absorb",
        "abstract",
        "absurd",
        "abuse",
        "access",
        "accident",
        "account",
        "accuse",
        "achieve",
        "acid",
        "acoustic",
        "acquire",
        "across",
        "act",
        "action",
        "actor",
        "actress",
        "actual",
        "adapt",
        "add",
        "addict",
        "address",
        "adjust",
        "admit",
        "adult",
        "advance",
        "advice",
        "aerobic",
        "affair",
        "afford",
        "afraid",
        "again",
        "age",
        "agent",
        "agree",
        "ahead",
        "aim",
        "air",
        "airport",
        "aisle",
        "alarm",
        "album",
        "alcohol",
        "alert",
        "alien",
        "all",
        "alley",
        "allow",
        "almost",
        "alone",
        "alpha",
        "already",
        "also",
        "alter",
        "always",
        "amateur",
        "amazing",
        "among",
        "amount",
        "amused",
        "analyst",
        "anchor",
        "ancient",
        "anger",
        "angle",
        "angry",
        "animal",
        "ankle",
        "announce",
        "annual",
        "another",
        "answer",
        "antenna",
        "antique",
        "anxiety",
        "any",
        "apart",
        "apology",
        "appear",
        "apple",
        "approve",
        "april",
        "arch",
        "arctic",
        "area",
        "arena",
        "argue",
        "arm",
        "armed",
        "armor",
        "army",
        "around",
        "arrange",
        "arrest",
        "arrive",
        "arrow",
        "art",
        "artefact",
        "artist",
        "artwork",
        "ask",
        "aspect",
        "assault",
        "asset",
        "assist",
        "assume",
        "asthma",
        "athlete",
        "atom",
        "attack",
        "attend",
        "attitude",
        "attract",
        "auction",
        "audit",
        "august",
        "aunt",
        "author",
        "auto",
        "autumn",
        "average",
        "avocado",
    ]
)


def _b62_encode(n: int, width: int) -> str:
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = _B62[r] + out
    return out.rjust(width, "0")


def crc_token_ok(token: str, prefix: str) -> bool:
    """A GitHub-style token: prefix, 30 base62 characters, then their CRC32 in six base62 digits."""
    if not token.startswith(prefix):
        return False
    body = token[len(prefix) :]
    if len(body) != 36 or any(c not in _B62 for c in body):
        return False
    return body[30:] == _b62_encode(zlib.crc32(body[:30].encode()), 6)


def luhn_ok(number: str) -> bool:
    """The Luhn check over a card number's digits (blanks and dashes ignored)."""
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) < 12 or len(digits) != len(number.replace(" ", "").replace("-", "")):
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


_IBAN_LAYOUT = {"DE": 22, "GB": 22, "NL": 18, "AT": 20, "CH": 21}


def _iban_number(s: str) -> int:
    return int("".join(str(int(c, 36)) for c in s))


def iban_ok(iban: str) -> bool:
    """An IBAN's registry length for its country and its mod-97 check (blanks ignored)."""
    compact = iban.replace(" ", "")
    if _IBAN_LAYOUT.get(compact[:2]) != len(compact) or not compact.isalnum():
        return False
    return _iban_number(compact[4:] + compact[:4]) % 97 == 1


def ssn_ok(ssn: str) -> bool:
    """A US social security number in issuance ranges: area not 000, 666 or 9xx, group not 00, serial not 0000."""
    parts = ssn.split("-") if "-" in ssn else [ssn[:3], ssn[3:5], ssn[5:]]
    if [len(p) for p in parts] != [3, 2, 4] or not all(p.isdigit() for p in parts):
        return False
    area, group, serial = parts
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def bip39_ok(phrase: str) -> bool:
    """A 12-word BIP-39 phrase over the list's first 128 words whose checksum holds."""
    words = phrase.split()
    if len(words) != 12 or any(w not in BIP39_HEAD for w in words):
        return False
    bits = "".join(format(BIP39_HEAD.index(w), "011b") for w in words)
    entropy = int(bits[:128], 2).to_bytes(16, "big")
    return int(bits[128:], 2) == hashlib.sha256(entropy).digest()[0] >> 4


# ---------------------------------------------------------------------------------------------------------------
# Fakes

_FIRST = [
    "Amara",
    "Bogdan",
    "Celeste",
    "Dmitri",
    "Esme",
    "Farid",
    "Greta",
    "Hollis",
    "Ines",
    "Jovan",
    "Kaito",
    "Leonie",
    "Marisol",
    "Nils",
    "Odalys",
    "Pavel",
    "Quinlan",
    "Rosalind",
    "Soren",
    "Tamsin",
    "Ulrich",
    "Valeria",
    "Wendell",
    "Ximena",
    "Yusuf",
    "Zofia",
    "Anouk",
    "Bastian",
    "Cormac",
    "Delphine",
    "Emeric",
    "Fionnuala",
    "Gideon",
    "Henrike",
    "Ignatius",
    "Juniper",
    "Kasimir",
    "Lucinda",
    "Mathis",
    "Noemi",
]
_LAST = [
    "Abernathy",
    "Brennigan",
    "Castellano",
    "Dunmore",
    "Eskildsen",
    "Fairweather",
    "Gallagher",
    "Hollenbeck",
    "Ibarra",
    "Jankowski",
    "Kettleborough",
    "Lindqvist",
    "Moravec",
    "Nakashima",
    "Okonkwo",
    "Pemberton",
    "Quintero",
    "Rasmussen",
    "Szabo",
    "Thorvaldsen",
    "Uribe",
    "Vandersloot",
    "Whitcombe",
    "Yamaguchi",
    "Zielinski",
    "Achterberg",
    "Baptiste",
    "Crowhurst",
    "Dellacroce",
    "Etxeberria",
]
_SAMPLE_FIRST = ["Jane", "John", "Alex", "Sam", "Erika", "Max", "Robin", "Taylor", "Jordan", "Casey"]
_WORDS = [
    "lantern",
    "mango",
    "saffron",
    "quartz",
    "harbor",
    "willow",
    "cobalt",
    "ember",
    "juniper",
    "falcon",
    "meadow",
    "pepper",
    "orbit",
    "tundra",
    "velvet",
    "garnet",
    "nimbus",
    "maple",
    "thistle",
    "copper",
]
_DOMAIN_A = [
    "brightlane",
    "northwind",
    "oakridge",
    "bluefern",
    "cedarpoint",
    "silverkite",
    "ironbark",
    "tidewater",
    "redmoor",
    "hillcrest",
]
_DOMAIN_B = [
    "hosting",
    "billing",
    "telecom",
    "analytics",
    "freight",
    "logistics",
    "realty",
    "kids",
    "transit",
    "design",
]
_TLDS = ("io", "net", "co", "com", "org", "us")


class Fakes:
    """Fake values of every kind the corpus needs, all drawn from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def chars(self, alphabet: str, n: int) -> str:
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def mixed(self, alphabet: str, n: int) -> str:
        """A random run holding at least one letter and one digit, as generated tokens do."""
        while True:
            s = self.chars(alphabet, n)
            if any(c.isdigit() for c in s) and any(c.isalpha() for c in s):
                return s

    def pick(self, seq: Sequence[str]) -> str:
        return self.r.choice(seq)

    def num(self, lo: int, hi: int) -> int:
        return self.r.randint(lo, hi)

    # people
    def first(self) -> str:
        return self.pick(_FIRST)

    def name(self) -> str:
        return self.pick(_FIRST) + " " + self.pick(_LAST)

    def sample_name(self) -> str:
        """A name as samples and docs write one, never a real record's (their first names differ)."""
        return self.pick(_SAMPLE_FIRST) + " " + self.pick(_LAST)

    def domain(self) -> str:
        return self.pick(_DOMAIN_A) + "-" + self.pick(_DOMAIN_B) + "." + self.pick(_TLDS)

    def email(self, name: str | None = None, domain: str | None = None) -> str:
        name = name or self.name()
        first, last = name.lower().split(" ", 1)
        local = self.pick((first + "." + last, first[0] + last, first + "_" + last[:3], first))
        return local + "@" + (domain or self.domain())

    def doc_email(self) -> str:
        local = self.pick(("jane.doe", "ops", "billing", "support", "j.smith", "agent", "parent", "broker"))
        return local + str(self.num(1, 99)) + "@" + "example.com"

    # passwords and generic secrets
    def password(self, style: str = "any") -> str:
        w1, w2 = self.pick(_WORDS), self.pick(_WORDS)
        n = self.num(10, 9999)
        safe = "!#%*-_+"
        choice = self.num(0, 3)
        if style == "url":
            safe = "-_"
        if choice == 0:
            return w1 + self.pick(safe) + w2.capitalize() + str(n)
        if choice == 1:
            return self.mixed(_B62 + safe, self.num(14, 22))
        if choice == 2:
            return w1.capitalize() + str(n) + self.pick(safe) + self.chars(_UPPER, 2)
        return self.mixed(_B62, self.num(16, 24))

    def b62(self, n: int) -> str:
        return self.mixed(_B62, n)

    def hexs(self, n: int) -> str:
        return self.chars(_HEX, n)

    def b64url(self, n: int) -> str:
        return self.mixed(_B64URL, n)

    def b64(self, n: int) -> str:
        return self.mixed(_B64, n)

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.r.getrandbits(128), version=4))

    # vendor tokens
    def _crc(self, prefix: str) -> str:
        body = self.b62(30)
        return prefix + body + _b62_encode(zlib.crc32(body.encode()), 6)

    def ghp(self) -> str:
        return self._crc("gh" + "p_")

    def gho(self) -> str:
        return self._crc("gh" + "o_")

    def npm(self) -> str:
        return self._crc("np" + "m_")

    def akia(self) -> str:
        while True:
            v = "AK" + "IA" + self.chars(_B32, 16)
            if not v.endswith("EXAMPLE"):
                return v

    def aws_secret(self) -> str:
        return self.mixed(_B62 + "+/", 40)

    def slack(self) -> str:
        return (
            "xo"
            + "xb-"
            + str(self.num(10**10, 10**12))
            + "-"
            + str(self.num(10**11, 10**12))
            + "-"
            + self.b62(24)
        )

    def stripe_sk(self) -> str:
        return self.pick(("sk", "rk")) + "_" + "live_" + self.b62(24 if self.num(0, 1) else 99)

    def whsec(self) -> str:
        return "wh" + "sec_" + self.b62(32)

    def sendgrid(self) -> str:
        return "S" + "G." + self.b64url(22) + "." + self.b64url(43)

    def google_key(self) -> str:
        return "AI" + "za" + self.b64url(35)

    def gocspx(self) -> str:
        return "GOC" + "SPX-" + self.b64url(28)

    def glpat(self) -> str:
        return "gl" + "pat-" + self.b64url(20)

    def eaa(self) -> str:
        return "EA" + "A" + self.pick(("B", "G", "J")) + self.b62(self.num(140, 190))

    def dop(self) -> str:
        return "do" + "p_v1_" + self.hexs(64)

    def hvs(self) -> str:
        return "hv" + "s." + self.b62(24)

    def glsa(self) -> str:
        return "gl" + "sa_" + self.b62(32) + "_" + self.hexs(8)

    def nrak(self) -> str:
        return "NR" + "AK-" + self.mixed(_UPPER + _DIGITS, 27)

    def sntryu(self) -> str:
        return "sntr" + "yu_" + self.hexs(64)

    def phx(self) -> str:
        return "ph" + "x_" + self.b62(43)

    def phc(self) -> str:
        return "ph" + "c_" + self.b62(43)

    def lin(self) -> str:
        return "lin" + "_api_" + self.b62(40)

    def _mapbox(self, prefix: str) -> str:
        user = self.pick(_WORDS) + "-" + self.pick(_DOMAIN_B)
        claims = json.dumps({"u": user, "a": self.chars(_LOWER + _DIGITS, 25)}, separators=(",", ":"))
        body = base64.urlsafe_b64encode(claims.encode()).decode().rstrip("=")
        return prefix + "." + body + "." + self.b64url(22)

    def mapbox_sk(self) -> str:
        return self._mapbox("s" + "k")

    def mapbox_pk(self) -> str:
        return self._mapbox("p" + "k")

    def sb_secret(self) -> str:
        return "sb_" + "secret_" + self.b64url(31)

    def sb_publishable(self) -> str:
        return "sb_" + "publishable_" + self.b64url(31)

    # structured secrets
    def card(self) -> str:
        kind = self.num(0, 2)
        if kind == 0:
            head, length = "4" + str(self.num(10, 99)) + str(self.num(100, 999)), 16
        elif kind == 1:
            head, length = str(self.num(51, 55)) + str(self.num(1000, 9999)), 16
        else:
            head, length = self.pick(("34", "37")) + str(self.num(1000, 9999)), 15
        body = head + self.chars(_DIGITS, length - len(head) - 1)
        for d in _DIGITS:
            if luhn_ok(body + d):
                number = body + d
                break
        if self.num(0, 1) and length == 16:
            return " ".join(number[i : i + 4] for i in range(0, 16, 4))
        return number

    def iban(self) -> str:
        cc = self.pick(tuple(_IBAN_LAYOUT))
        if cc == "DE":
            bban = self.chars(_DIGITS, 18)
        elif cc == "GB":
            bban = self.pick(("NWBK", "BARC", "LOYD", "MIDL")) + self.chars(_DIGITS, 14)
        elif cc == "NL":
            bban = self.pick(("ABNA", "RABO", "INGB", "TRIO")) + self.chars(_DIGITS, 10)
        elif cc == "AT":
            bban = self.chars(_DIGITS, 16)
        else:
            bban = self.chars(_DIGITS, 17)
        check = 98 - _iban_number(bban + cc + "00") % 97
        iban = cc + f"{check:02d}" + bban
        if self.num(0, 1):
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban

    def ssn(self, dashes: bool = True) -> str:
        while True:
            area = self.num(1, 899)
            if area != 666:
                break
        s = f"{area:03d}-{self.num(1, 99):02d}-{self.num(1, 9999):04d}"
        return s if dashes else s.replace("-", "")

    def jwt(self, claims: dict[str, object] | None = None) -> str:
        def enc(b: bytes) -> str:
            return base64.urlsafe_b64encode(b).decode().rstrip("=")

        header = json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":"))
        payload = claims or {"sub": self.uuid(), "iat": 1760000000 + self.num(0, 10**7)}
        payload = dict(payload, exp=1790000000 + self.num(0, 10**7))
        sig = bytes(self.r.getrandbits(8) for _ in range(32))
        return (
            enc(header.encode())
            + "."
            + enc(json.dumps(payload, separators=(",", ":")).encode())
            + "."
            + enc(sig)
        )

    def pem(self) -> str:
        label = self.pick(("RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY"))
        size = 118 if label.startswith("EC") else (600 if self.num(0, 1) else 1190)
        der = b"\x30\x82" + size.to_bytes(2, "big") + bytes(self.r.getrandbits(8) for _ in range(size))
        body = base64.b64encode(der).decode()
        lines = [body[i : i + 64] for i in range(0, len(body), 64)]
        dash = "-" * 5
        return "\n".join([dash + "BEGIN " + label + dash, *lines, dash + "END " + label + dash])

    def openssh(self) -> str:
        raw = b"openssh-key-v1\x00" + bytes(self.r.getrandbits(8) for _ in range(self.num(360, 420)))
        body = base64.b64encode(raw).decode()
        lines = [body[i : i + 70] for i in range(0, len(body), 70)]
        dash = "-" * 5
        label = "OPENSSH PRIVATE KEY"
        return "\n".join([dash + "BEGIN " + label + dash, *lines, dash + "END " + label + dash])

    def ssh_pub(self) -> str:
        blob = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + bytes(
            self.r.getrandbits(8) for _ in range(32)
        )
        return "ssh-ed25519 " + base64.b64encode(blob).decode()

    def bip39(self) -> str:
        idx = [self.num(0, 127) for _ in range(11)] + [self.num(0, 7) << 4]
        bits = "".join(format(i, "011b") for i in idx)
        entropy = int(bits[:128], 2).to_bytes(16, "big")
        idx[11] |= hashlib.sha256(entropy).digest()[0] >> 4
        return " ".join(BIP39_HEAD[i] for i in idx)

    def bcrypt(self) -> str:
        return "$2" + self.pick(("b", "y")) + "$" + self.pick(("10", "12")) + "$" + self.chars(_CRYPT64, 53)

    def sha512crypt(self) -> str:
        return "$6$" + self.chars(_CRYPT64, 16) + "$" + self.chars(_CRYPT64, 86)

    # addresses
    def private_ip(self) -> str:
        k = self.num(0, 3)
        if k == 0:
            return f"10.{self.num(1, 254)}.{self.num(1, 254)}.{self.num(2, 250)}"
        if k == 1:
            return f"172.{self.num(16, 31)}.{self.num(1, 254)}.{self.num(2, 250)}"
        if k == 2:
            return f"192.168.{self.num(1, 254)}.{self.num(2, 250)}"
        return f"100.{self.num(64, 127)}.{self.num(1, 254)}.{self.num(2, 250)}"

    def public_ip(self) -> str:
        first = self.pick(
            ("23", "34", "52", "64", "81", "91", "104", "145", "151", "185", "193", "212", "217")
        )
        return f"{first}.{self.num(1, 254)}.{self.num(1, 254)}.{self.num(2, 250)}"

    def doc_ip(self) -> str:
        return self.pick(("192.0.2.", "198.51.100.", "203.0.113.")) + str(self.num(2, 250))

    # look-alikes that hold nothing
    def sha(self) -> str:
        return self.hexs(40)

    def version(self) -> str:
        return f"{self.num(1, 12)}.{self.num(0, 20)}.{self.num(0, 30)}"

    def ts(self) -> str:
        return self.date() + f"T{self.num(0, 23):02d}:{self.num(0, 59):02d}:{self.num(0, 59):02d}Z"

    def date(self) -> str:
        return f"2026-{self.num(1, 11):02d}-{self.num(1, 28):02d}"

    def phone(self) -> str:
        return f"+1 {self.num(201, 989)}-555-{self.num(100, 199):04d}"

    def placeholder(self) -> str:
        return self.pick(("changeme", "<your-api-key>", "${TOKEN}", "****", "<YOUR_SECRET>", "${API_KEY}"))


# ---------------------------------------------------------------------------------------------------------------
# Builder


class B:
    """Collects a document's labelled values while its text is written."""

    def __init__(self, f: Fakes, nth: int = 0, order: int = 0) -> None:
        self.f = f
        self.nth = nth
        self.order = order
        self.secrets: list[tuple[str, str]] = []
        self.keeps: list[str] = []

    def s(self, cls: str, value: str) -> str:
        assert cls in CLASSES, cls
        self.secrets.append((cls, value))
        return value

    def k(self, value: str) -> str:
        self.keeps.append(value)
        return value

    def name(self) -> str:
        return self.s("person-name", self.f.name())

    def email(self, name: str | None = None, domain: str | None = None) -> str:
        return self.s("email", self.f.email(name, domain))

    def pw(self, style: str = "any") -> str:
        return self.s("password", self.f.password(style))

    def ip(self) -> str:
        return self.s("ip-address", self.f.private_ip())

    def addr(self) -> str:
        """An address alone; half of them a documentation address, which stays."""
        if self.f.num(0, 1) == 0:
            return self.k(self.f.doc_email())
        return self.email()

    def variant(self, n: int) -> int:
        """Which of a kind's n layouts this document takes: each in turn, so every one is represented."""
        return self.nth % n

    def pair(self, domain: str | None = None) -> tuple[str, str]:
        """A person's name and address; a third of them a sample's, on a documentation domain, which stay."""
        if self.f.num(0, 1) == 0:
            return self.k(self.f.sample_name()), self.k(self.f.doc_email())
        name = self.name()
        return name, self.email(name, domain)


Kind = Callable[[Fakes, B], str]


# ---------------------------------------------------------------------------------------------------------------
# Hosting billing panels


def _hb_whmcs_config(f: Fakes, b: B) -> str:
    host = b.ip() if f.num(0, 2) else b.k("127.0.0.1")
    pw = b.pw()
    ver = b.k(f.version())
    lines = [
        "<?php",
        f"// WHMCS {ver} configuration, written by the installer",
        "$license = 'Owned-" + f.hexs(20) + "';",
        f"$db_host = '{host}';",
        "$db_port = '3306';",
        f"$db_username = 'whmcs_{f.pick(_WORDS)}';",
        f"$db_password = '{pw}';",
        f"$db_name = 'whmcs_{f.pick(('prod', 'live', 'main'))}';",
        f"$api_access_key = '{b.k(f.placeholder())}';",
        "$" + b.k("cc_encryption_hash") + " = '" + b.s("encryption-key", f.b62(64)) + "';",
        "$templates_compiledir = 'templates_c';",
        "$mysql_charset = 'utf8mb4';",
    ]
    if b.variant(3) == 0:
        lines.append("$autoauthkey = '" + b.s("signing-secret", f.mixed(_B62 + "#%", 36)) + "';")
    return "\n".join(lines) + "\n"


def _hb_client_export(f: Fakes, b: B) -> str:
    out = ["id,client_name,email,company,status,credit,created"]
    dom = f.domain()
    for i in range(f.num(1, 2)):
        n, em = b.pair(dom if i % 2 else None)
        out.append(
            f"{f.num(100, 9999)},{n},{em},{f.pick(_DOMAIN_A).title()} LLC,"
            f"{f.pick(('Active', 'Inactive', 'Closed'))},{f.num(0, 300)}.00,{f.date()}"
        )
    if f.num(0, 1):
        out.append(
            f"{f.num(100, 9999)},{b.k('Jane Doe')},{b.k(f.doc_email())},Example Corp,Active,0.00,{f.date()}"
        )
    head = (
        f"$ mysql -B -e 'SELECT ... FROM tblclients' whmcs | tr '\\t' ',' > clients-{f.date()}.csv\n"
        "$ cat clients.csv\n"
    )
    return head + "\n".join(out) + "\n"


def _hb_api_call(f: Fakes, b: B) -> str:
    ident = f.b62(32)
    secret = b.s("api-secret", f.b62(32))
    v = b.variant(3)
    if v == 2:
        first, last = f.pick(_FIRST), f.pick(_LAST)
        b.s("person-name", first)
        b.s("person-name", last)
        em = b.email(first + " " + last)
    else:
        n, em = b.pair()
    if v == 0:
        return (
            f"$ curl -s https://billing.{f.domain()}/includes/api.php \\\n"
            f"    -d action=GetClientsDetails -d clientid={f.num(10, 900)} \\\n"
            f"    -d identifier={ident} -d secret={secret} -d responsetype=json | jq .\n"
            f"# WHMCS {b.k(f.version())}, API role 'read-clients'\n"
            '{\n  "result": "success",\n'
            f'  "client": {{\n    "fullname": "{n}",\n    "email": "{em}",\n'
            f'    "status": "Active",\n    "currency_code": "USD"\n  }}\n}}\n'
        )
    if v == 1:
        return (
            "import requests\n\n"
            f"WHMCS_URL = 'https://portal.{f.domain()}/includes/api.php'\n"
            f"WHMCS_IDENTIFIER = '{ident}'\n"
            f"WHMCS_SECRET = '{secret}'\n"
            f"WHMCS_SANDBOX_SECRET = '{b.k('<YOUR_SECRET>')}'\n\n"
            "def invoices(client_id: int) -> dict:\n"
            "    return requests.post(WHMCS_URL, data={'action': 'GetInvoices', 'userid': client_id,\n"
            "        'identifier': WHMCS_IDENTIFIER, 'secret': WHMCS_SECRET, 'responsetype': 'json'}).json()\n\n"
            f"# owner: {n} <{em}>\n"
        )
    return (
        f"POST /includes/api.php HTTP/1.1\nHost: billing.{f.domain()}\n"
        "Content-Type: application/x-www-form-urlencoded\n\n"
        f"action=AddClient&identifier={ident}&secret={secret}&firstname={first}"
        f"&lastname={last}&email={em}\n\n"
        f'HTTP/1.1 200 OK\nX-Request-Id: {b.k(f.uuid())}\n{{"result":"success","clientid":{f.num(10, 999)}}}\n'
    )


def _hb_gateway_module(f: Fakes, b: B) -> str:
    v = b.variant(3)
    if v == 0:
        sk = b.s("stripe-secret-key", f.stripe_sk())
        wh = b.s("stripe-webhook-secret", f.whsec())
        return (
            "-- tblpaymentgateways (gateway = 'stripe')\n"
            "+---------+-----------------------+----------------------------------------------+\n"
            "| gateway | setting               | value                                        |\n"
            "+---------+-----------------------+----------------------------------------------+\n"
            f"| stripe  | secretKey             | {sk} |\n"
            f"| stripe  | webhookEndpointSecret | {wh} |\n"
            f"| stripe  | publishableKey        | {b.k('pk_live_' + f.b62(24))} |\n"
            f"| stripe  | apiVersion            | {b.k('2024-06-20')} |\n"
            "+---------+-----------------------+----------------------------------------------+\n"
        )
    if v == 1:
        tok = b.s("digitalocean-token", f.dop())
        return (
            "# modules/servers/digitalocean/config.ini\n"
            "[api]\n"
            f"token = {tok}\n"
            f"region = {f.pick(('nyc3', 'ams3', 'fra1', 'sfo3'))}\n"
            f"default_image = ubuntu-24-04-x64\nvpc_range = {b.k('10.10.0.0/16')}\n"
            f"ssh_key_fingerprint = {b.k(':'.join(f.hexs(2) for _ in range(16)))}\n"
        )
    card = b.s("card-number", f.card())
    test = b.k(" ".join(["4242"] * 4))
    return (
        f"[{f.ts()}] gateway.log: module=authorizenet action=capture invoice={f.num(1000, 99999)}\n"
        f"  request: x_card_num={card} x_exp_date={f.num(1, 12):02d}{f.num(27, 31)} x_amount={f.num(5, 400)}.00\n"
        f"  response: 1|1|1|This transaction has been approved.|{f.b62(6).upper()}|Y|{f.num(10**9, 10**10)}\n"
        f"  note: sandbox runs use {test}, never a customer's card\n"
    )


def _hb_invoice_export(f: Fakes, b: B) -> str:
    n = f.name()
    card = f.card()
    inv = {
        "invoiceid": f.num(1000, 99999),
        "status": "Paid",
        "total": f"{f.num(5, 900)}.00",
        "billing": {"name": b.s("person-name", n), "card_number": b.s("card-number", card), "exp": "08/29"},
        "transactions": [{"gateway": "stripe", "transid": "ch_" + f.b62(24), "date": f.date()}],
        "pdf_sha256": b.k(f.hexs(64)),
    }
    return f"$ php bin/export-invoice.php --id {inv['invoiceid']} --json\n{json.dumps(inv, indent=2)}\n"


def _hb_blesta_config(f: Fakes, b: B) -> str:
    pw = b.pw()
    sys_key = b.s("encryption-key", f.mixed(_B62 + "!#%*", 48))
    host = b.ip()
    if b.variant(2):
        return (
            "<?php\n// config/blesta.php\n"
            f'Configure::set("Blesta.database_info", [\n    "driver" => "mysql",\n    "host" => "{host}",\n'
            f'    "database" => "blesta",\n    "user" => "blesta",\n    "pass" => "{pw}",\n'
            '    "persistent" => false,\n    "charset_query" => "SET NAMES \'utf8mb4\'",\n]);\n'
            f'Configure::set("Blesta.version", "{b.k(f.version())}");\n'
            f'Configure::set("Blesta.system_key", "{sys_key}");\n'
        )
    return (
        f"$ grep -n -E 'host|pass|system_key' /var/www/blesta/config/blesta.php\n"
        f'14:    "host" => "{host}",\n'
        f'17:    "pass" => "{pw}",\n'
        f'31:Configure::set("Blesta.system_key", "{sys_key}");\n'
        f"$ php -r 'echo PHP_VERSION;'\n{b.k(f.version())}\n"
    )


def _hb_admin_dump(f: Fakes, b: B) -> str:
    rows = []
    for _ in range(f.num(1, 2)):
        n = f.name()
        first, last = n.split()
        b.s("person-name", first)
        b.s("person-name", last)
        rows.append(
            f"({f.num(1, 40)},'{first.lower()}','{b.s('password-hash', f.bcrypt())}','{first}','{last}',"
            f"'{b.email(n)}',1)"
        )
    return (
        f"-- MySQL dump 10.13  Distrib {b.k(f.version())}, for Linux (x86_64)\n"
        f"-- Host: {b.k('127.0.0.1')}    Database: whmcs\n"
        "-- Table structure for table `tbladmins`\n"
        "INSERT INTO `tbladmins` (`id`,`username`,`password`,`firstname`,`lastname`,`email`,`roleid`) VALUES\n"
        + ",\n".join(rows)
        + ";\n"
    )


def _hb_crypto_gateway(f: Fakes, b: B) -> str:
    phrase = b.s("recovery-phrase", f.bip39())
    hook = b.s("signing-secret", f.mixed(_B62, 40))
    return (
        "# /opt/btcpay-bridge/.env (WHMCS crypto gateway bridge)\n"
        f"BRIDGE_LISTEN=127.0.0.1:{f.num(8000, 9000)}\n"
        f'WALLET_MNEMONIC="{phrase}"\n'
        f"WHMCS_CALLBACK_SECRET={hook}\n"
        f"NETWORK=mainnet\nCONFIRMATIONS={f.num(1, 6)}\nSTORE_ID={b.k(f.uuid())}\n"
        f"# deployed from {b.k(f.sha())}\n"
    )


# ---------------------------------------------------------------------------------------------------------------
# Contact centers


def _cc_roster(f: Fakes, b: B) -> str:
    dom = f.domain()
    sep = f.pick((",", ";"))
    head = sep.join(["agent_id", "agent_name", "email", "extension", "team", "skills"])
    rows = [head]
    for _ in range(f.num(1, 2)):
        n, em = b.pair(dom)
        rows.append(
            sep.join(
                [
                    str(f.num(1000, 9999)),
                    n,
                    em,
                    str(f.num(2000, 2999)),
                    f.pick(("Billing", "Tier1", "Retention", "Escalations")),
                    f.pick(("en|es", "en", "en|fr", "sales")),
                ]
            )
        )
    return f"Agent roster export ({f.date()}), Five9 domain {f.pick(_DOMAIN_A)}-cc\n" + "\n".join(rows) + "\n"


def _cc_genesys_oauth(f: Fakes, b: B) -> str:
    cid = f.uuid()
    secret = b.s("client-secret", f.b64url(43))
    token = b.s("token", f.b64url(86))
    region = f.pick(("mypurecloud.com", "mypurecloud.ie", "usw2.pure.cloud", "mypurecloud.de"))
    if b.variant(2):
        return (
            f"$ export GENESYS_CLOUD_REGION={region}\n"
            f"$ export GENESYS_CLOUD_CLIENT_ID={cid}\n"
            f"$ export GENESYS_CLOUD_CLIENT_SECRET={secret}\n"
            f'$ curl -s -X POST "https://login.{region}/oauth/token" -d grant_type=client_credentials \\\n'
            '    -u "$GENESYS_CLOUD_CLIENT_ID:$GENESYS_CLOUD_CLIENT_SECRET"\n'
            f'{{"access_token":"{token}","token_type":"bearer","expires_in":86399}}\n'
            f"$ gc version\n{b.k(f.version())}\n"
        )
    return (
        "import PureCloudPlatformClientV2 as pc\n\n"
        f"pc.configuration.host = 'https://api.{region}'\n"
        "client = pc.api_client.ApiClient().get_client_credentials_token(\n"
        f"    '{cid}',\n    '{secret}',\n)\n"
        f"# org id {b.k(f.uuid())}, secret rotated {f.date()}\n"
        "print(client.access_token)\n"
        f"# >>> {token}\n"
    )


def _cc_dispositions(f: Fakes, b: B) -> str:
    recs = []
    for _ in range(f.num(1, 2)):
        recs.append(
            {
                "conversationId": b.k(f.uuid()),
                "caller_name": b.name(),
                "ani": "tel:" + f.phone().replace(" ", "").replace("-", ""),
                "queue": f.pick(("Billing", "Support", "Sales")),
                "agent_id": f"agent-{f.num(100, 999)}",
                "disposition": f.pick(("Resolved", "Callback Scheduled", "Escalated", "Voicemail")),
                "wrapup_code": f.uuid(),
                "duration_s": f.num(30, 1800),
            }
        )
    body = json.dumps(recs, indent=2) if f.num(0, 1) else "\n".join(json.dumps(r) for r in recs)
    return f"# export of call dispositions for {f.date()} (analytics/conversations/details/query)\n{body}\n"


def _cc_cti_config(f: Fakes, b: B) -> str:
    v = b.variant(3)
    if v == 0:
        user = f.pick(_WORDS) + "." + f.pick(_WORDS)
        pw = f.password("url")
        basic = b.s("basic-auth", base64.b64encode((user + ":" + pw).encode()).decode())
        return (
            "POST /wsadmin/v13/AdminWebService HTTP/1.1\n"
            "Host: api.five9.com\n"
            f"Authorization: Basic {basic}\n"
            'Content-Type: text/xml; charset="utf-8"\n'
            f'SOAPAction: ""\nPostman-Token: {b.k(f.uuid())}\nSec-WebSocket-Key: {b.k(f.b64(22) + "==")}\n\n'
            "<env:Envelope><env:Body><ser:getUsersInfo><userNamePattern>.*</userNamePattern>"
            "</ser:getUsersInfo></env:Body></env:Envelope>\n"
        )
    if v == 1:
        host = b.ip()
        secret = b.pw()
        return (
            "; /etc/asterisk/pjsip.conf -- trunk to the contact center\n"
            f"[{f.pick(_WORDS)}-trunk]\ntype=auth\nauth_type=userpass\n"
            f"username=cc{f.num(1000, 9999)}\npassword={secret}\n\n"
            f"[{f.pick(_WORDS)}-aor]\ntype=aor\ncontact=sip:{host}:5060\n"
            f"; netmask for the agents' VLAN: {b.k('255.255.255.0')}\n"
        )
    tok = b.s("slack-bot-token", f.slack())
    return (
        "# cti-bridge/settings.yaml\n"
        "screen_pop:\n  crm_url: https://crm.internal/contacts?ani={ani}\n"
        "alerts:\n"
        f"  slack_bot_token: {tok}\n"
        f"  channel: '#{f.pick(('cc-alerts', 'queue-watch'))}'\n"
        "  when: [abandon_rate_over_8pct, longest_wait_over_300s]\n"
        f"  newrelic_api_key: {b.s('newrelic-key', f.nrak())}\n"
        f"webhook_secret: {b.k('${CTI_WEBHOOK_SECRET}')}\n"
    )


def _cc_agent_traceback(f: Fakes, b: B) -> str:
    n, em = b.pair()
    pw = b.pw()
    return (
        "Traceback (most recent call last):\n"
        f'  File "/opt/cc-sync/.venv/lib/python3.11/site-packages/five9-{b.k(f.version())}/__init__.py", line 9\n'
        '  File "sync_agents.py", line 48, in <module>\n'
        f"    five9.create_user(user)\n"
        '  File "five9/client.py", line 211, in create_user\n'
        "    raise Five9Error(resp.text)\n"
        f"five9.Five9Error: User already exists: {{userName: '{em}', fullName: '{n}', "
        f"password: '{pw}', extension: {f.num(2000, 2999)}}}\n"
    )


# ---------------------------------------------------------------------------------------------------------------
# Self-hosted web analytics


def _wa_matomo_config(f: Fakes, b: B) -> str:
    host = b.ip()
    pw = b.pw()
    salt = f.hexs(32)
    smtp = b.k(f.placeholder())
    return (
        "; <?php exit; ?> DO NOT REMOVE THIS LINE\n"
        "[database]\n"
        f'host = "{host}"\nusername = "matomo"\npassword = "{pw}"\ndbname = "matomo"\ntables_prefix = "matomo_"\n\n'
        "[General]\n"
        f'salt = "{salt}"\n'
        f'trusted_hosts[] = "{b.k("analytics.example.com")}"\n'
        "force_ssl = 1\n"
        f'proxy_ips[] = "{b.k("10.0.0.0/8")}"\n\n'
        '[mail]\ntransport = "smtp"\n'
        f'host = "smtp.{f.domain()}"\nusername = "matomo-mailer"\npassword = "{smtp}"\n'
    )


def _wa_plausible_env(f: Fakes, b: B) -> str:
    base = b.s("signing-secret", f.b64(64))
    totp = b.s("encryption-key", base64.b64encode(bytes(f.r.getrandbits(8) for _ in range(32))).decode())
    pw = b.pw("url")
    return (
        "# plausible-conf.env\n"
        f"BASE_URL=https://stats.{f.domain()}\n"
        f"SECRET_KEY_BASE={base}\n"
        f"TOTP_VAULT_KEY={totp}\n"
        f"DATABASE_URL=postgres://plausible:{pw}@plausible_db:5432/plausible_db\n"
        "CLICKHOUSE_DATABASE_URL=http://plausible_events_db:8123/plausible_events_db\n"
        f"MAILER_EMAIL={b.k('noreply@' + f.domain())}\n"
        "DISABLE_REGISTRATION=invite_only\n"
        f"# image ghcr.io/plausible/community-edition@{b.k('sha256:' + f.hexs(64))}\n"
    )


def _wa_plausible_api(f: Fakes, b: B) -> str:
    key = b.s("api-key", f.b64url(64))
    site = f.pick(_DOMAIN_A) + ".shop"
    return (
        f'$ curl -s "https://stats.{f.domain()}/api/v1/stats/aggregate?site_id={site}&period=30d'
        '&metrics=visitors,pageviews,bounce_rate" \\\n'
        f'    -H "Authorization: Bearer {key}"\n'
        f"# docs example: -H 'Authorization: Bearer {b.k('${PLAUSIBLE_API_KEY}')}'\n"
        f'{{"results":{{"bounce_rate":{{"value":{f.num(20, 80)}}},"pageviews":{{"value":{f.num(1000, 90000)}}},'
        f'"visitors":{{"value":{f.num(100, 9000)}}}}}}}\n'
    )


def _wa_umami(f: Fakes, b: B) -> str:
    v = b.variant(2)
    if v == 0:
        pw = b.pw()
        jwt = b.s("jwt", f.jwt({"userId": f.uuid(), "iat": 1760000000 + f.num(0, 10**6)}))
        return (
            f"$ curl -s -X POST https://umami.{f.domain()}/api/auth/login -H 'Content-Type: application/json' \\\n"
            f'    -d \'{{"username":"admin","password":"{pw}"}}\'\n'
            f'{{"token":"{jwt}","user":{{"id":"{f.uuid()}","username":"admin","role":"admin"}}}}\n'
            f"$ umami --version\n{b.k(f.version())}\n"
        )
    app = b.s("signing-secret", f.mixed(_B62, 48))
    pw = b.pw("url")
    return (
        "# docker-compose.yml (umami)\nservices:\n  umami:\n    image: ghcr.io/umami-software/umami:postgresql-latest\n"
        "    environment:\n"
        f"      DATABASE_URL: postgresql://umami:{pw}@db:5432/umami\n"
        f"      APP_SECRET: {app}\n"
        f"      TRACKER_SCRIPT_NAME: {f.pick(('stats.js', 'u.js'))}\n"
        f"      HASH_SALT: {b.k('changeme')}\n"
        f"    # website id {b.k(f.uuid())} is public, it sits in every page's script tag\n"
    )


def _wa_visitor_log(f: Fakes, b: B) -> str:
    out = []
    for _ in range(f.num(1, 2)):
        ip = b.s("ip-address", f.public_ip())
        out.append(
            f"{ip} - - [{f.num(1, 28):02d}/Oct/2026:{f.num(0, 23):02d}:{f.num(10, 59)}:{f.num(10, 59)} +0000] "
            f'"GET /matomo.php?idsite=1&rec=1&_id={f.hexs(16)}&url=%2Fpricing HTTP/1.1" 204 0 "-" '
            f'"Mozilla/5.0 (X11; Linux x86_64)"'
        )
    out.append(
        f'{b.k("127.0.0.1")} - - [01/Oct/2026:00:00:01 +0000] "GET /health HTTP/1.1" 200 2 "-" "kube-probe"'
    )
    out.append(
        f'{b.k(f.doc_ip())} - - [01/Oct/2026:00:00:02 +0000] "GET /matomo.js HTTP/1.1" 200 64312 "-" "curl/8.5.0"'
    )
    return "$ tail -n 5 /var/log/nginx/matomo.access.log\n" + "\n".join(out) + "\n"


def _wa_posthog(f: Fakes, b: B) -> str:
    phc = b.k(f.phc())
    phx = b.s("posthog-personal-key", f.phx())
    return (
        "// analytics.config.ts\n"
        f"export const POSTHOG_KEY = '{phc}'; // project key, shipped to browsers\n"
        "export const POSTHOG_HOST = 'https://eu.i.posthog.com';\n"
        f"export const SESSION_REPLAY_SAMPLE = {b.k('0.25')}; // keys for the docs: {b.k('phc_' + 'x' * 12)}\n\n"
        "// scripts/export-events.ts reads this one from the environment\n"
        f"// POSTHOG_PERSONAL_API_KEY={phx}\n"
    )


def _wa_matomo_users(f: Fakes, b: B) -> str:
    rows = []
    for _ in range(f.num(1, 2)):
        login = f.pick(_WORDS) + str(f.num(1, 99))
        rows.append(f"| {login:<12} | {b.s('password-hash', f.bcrypt())} | {b.addr()} | 0 |")
    sess = b.s("session-cookie", f.chars(_LOWER + _DIGITS, 26))
    return (
        "mysql> SELECT login, password, email, superuser_access FROM matomo_user;\n"
        + "\n".join(rows)
        + f"\n{len(rows)} rows in set (0.00 sec)\n\n"
        f"Cookie: MATOMO_SESSID={sess}; _pk_id.1.{f.hexs(4)}={b.k(f.hexs(16))}.1760000000.\n"
    )


# ---------------------------------------------------------------------------------------------------------------
# On-call and incident management


def _oc_pagerduty(f: Fakes, b: B) -> str:
    key = b.s("api-key", f.mixed(_B64URL + "+", 20))
    n = b.name()
    inc = f.b62(7).upper()
    v = b.variant(2)
    if v == 0:
        return (
            f'$ curl -s -H "Authorization: Token token={key}" \\\n'
            '    -H "Accept: application/vnd.pagerduty+json;version=2" \\\n'
            f'    "https://api.pagerduty.com/incidents/{inc}" | jq ".incident | {{title, status, assignee}}"\n'
            f'{{\n  "title": "{f.pick(("Disk full on", "High latency on", "5xx spike on"))} {f.pick(_WORDS)}-api",\n'
            f'  "status": "triggered",\n  "assignee": "{n}",\n  "incident_key": "{b.k(f.hexs(32))}"\n}}\n'
        )
    return (
        "# terraform/pagerduty.tf\n"
        'provider "pagerduty" {\n'
        f'  token = "{key}"\n'
        "}\n\n"
        'resource "pagerduty_user" "oncall" {\n'
        f'  name  = "{n}"\n'
        f'  email = "{b.email(n)}"\n'
        '  role  = "responder"\n'
        f'  # provider {b.k(f.version())}; token from TF_VAR_pd_token = "{b.k("${PAGERDUTY_TOKEN}")}"\n'
        "}\n"
    )


def _oc_roster(f: Fakes, b: B) -> str:
    dom = f.domain()
    rows = ["rotation,start,end,name,email,phone"]
    for _ in range(f.num(1, 2)):
        n, em = b.pair(dom)
        rows.append(
            f"{f.pick(('primary', 'secondary', 'db-escalation'))},{f.date()},{f.date()},{n},{em},{f.phone()}"
        )
    sched = b.k(f.uuid())
    return f"$ opsgenie-export schedules --id {sched} --format csv\n" + "\n".join(rows) + "\n"


def _oc_alertmanager(f: Fakes, b: B) -> str:
    v = b.variant(3)
    slack = b.s("slack-bot-token", f.slack()) if v != 2 else ""
    graf = b.s("grafana-token", f.glsa())
    if v == 2:
        nr = b.s("newrelic-key", f.nrak())
        return (
            "# oncall-bot/.env\n"
            f"GRAFANA_URL=https://grafana.{f.domain()}\n"
            f"GRAFANA_SA_TOKEN={graf}\n"
            f"NEW_RELIC_API_KEY={nr}\n"
            f"NEW_RELIC_ACCOUNT_ID={f.num(1000000, 9999999)}\n"
            f"STATUSPAGE_PAGE_ID={f.chars(_LOWER + _DIGITS, 12)}\n"
            f"OPSGENIE_API_URL={b.k('https://api.eu.opsgenie.com')}\n"
            f"LINEAR_API_KEY={b.s('linear-key', f.lin())}\n"
        )
    return (
        "# alertmanager.yml\nglobal:\n  resolve_timeout: 5m\n"
        "route:\n  receiver: oncall\n  group_by: [alertname, cluster]\n"
        f"  # rendered by amtool {b.k(f.version())}\n"
        "receivers:\n- name: oncall\n  slack_configs:\n"
        f"  - api_url: https://slack.com/api/chat.postMessage\n    http_config:\n      authorization:\n"
        f"        credentials: {slack}\n"
        "  webhook_configs:\n"
        f"  - url: https://grafana.{f.domain()}/api/alertmanager/grafana/api/v2/alerts\n"
        f"    http_config:\n      authorization:\n        credentials: {graf}\n"
        f"# newrelic forwarder: NEW_RELIC_API_KEY={b.k('${NEW_RELIC_API_KEY}')}\n"
    )


def _oc_timeline(f: Fakes, b: B) -> str:
    db = b.ip()
    fix = b.k(f.sha())
    ver = b.k(f.version())
    lead = f.name()
    return (
        f"## Incident {f.num(100, 999)}: checkout errors ({f.date()})\n\n"
        "| time (UTC) | event |\n|---|---|\n"
        f"| 14:02 | PagerDuty paged the primary on-call for `{f.pick(_WORDS)}-api` |\n"
        f"| 14:09 | db-primary ({db}) stopped accepting connections; replica promoted |\n"
        f"| 14:31 | rolled back to {ver}; fix is commit {fix} |\n"
        f"| 15:10 | Statuspage incident resolved, postmortem owner {lead} |\n\n"
        f"Network for the replicas stays {b.k('10.0.0.0/8')}; resolvers {b.k('1.1.1.1')} and {b.k('8.8.8.8')}.\n"
    )


def _oc_incident_tools(f: Fakes, b: B) -> str:
    v = b.variant(5)
    if v == 3:
        tok = b.s("github-oauth", f.gho())
        return (
            "$ gh auth status --show-token\ngithub.com\n"
            f"  ✓ Logged in to github.com account {f.pick(_WORDS)}-oncall (keyring)\n"
            "  - Active account: true\n  - Git operations protocol: https\n"
            f"  - Token: {tok}\n  - Token scopes: 'gist', 'read:org', 'repo'\n"
        )
    if v == 4:
        key = b.s("ssh-private-key", f.openssh())
        return f"$ cat ~/.ssh/runbook_deploy\n{key}\n$ cat ~/.ssh/runbook_deploy.pub\n{b.k(f.ssh_pub())} deploy\n"
    if v == 0:
        tok = b.s("sentry-token", f.sntryu())
        return (
            f"$ export SENTRY_AUTH_TOKEN={tok}\n"
            f"$ sentry-cli releases new {b.k(f.version())} && sentry-cli releases set-commits --auto\n"
            f"Created release {f.version()}.\n"
            f"  commits: {b.k(f.sha())}\n"
        )
    if v == 1:
        lin = b.s("linear-key", f.lin())
        return (
            "import requests\n\n"
            "# files a follow-up issue for every postmortem action item\n"
            f'LINEAR_API_KEY = "{lin}"\n'
            "resp = requests.post('https://api.linear.app/graphql', json={'query': q},\n"
            "                     headers={'Authorization': LINEAR_API_KEY})\n"
            f"# team {b.k(f.uuid())}\n"
        )
    gh = b.s("github-pat", f.ghp())
    return (
        "$ git remote -v\n"
        f"origin\thttps://{gh}@github.com/{f.pick(_DOMAIN_A)}/runbooks.git (fetch)\n"
        f"origin\thttps://{gh}@github.com/{f.pick(_DOMAIN_A)}/runbooks.git (push)\n"
        f"$ git log -1 --format=%H\n{b.k(f.sha())}\n"
    )


def _oc_statuspage(f: Fakes, b: B) -> str:
    key = b.s("api-key", f.b62(36))
    comp = f.chars(_LOWER + _DIGITS, 12)
    return (
        f"$ curl -s -X PATCH https://api.statuspage.io/v1/pages/{f.chars(_LOWER + _DIGITS, 12)}/components/{comp} \\\n"
        f'    -H "Authorization: OAuth {key}" \\\n'
        "    -d 'component[status]=major_outage'\n"
        f'{{"id":"{comp}","status":"major_outage","updated_at":"{f.ts()}"}}\n'
        f"placeholder in the runbook: Authorization: OAuth {b.k('<your-api-key>')}\n"
        f"(statuspage-cli {b.k(f.version())})\n"
    )


# ---------------------------------------------------------------------------------------------------------------
# Ad platforms' APIs


def _ad_google_yaml(f: Fakes, b: B) -> str:
    dev = b.s("api-key", f.b64url(22))
    sec = b.s("google-oauth-secret", f.gocspx())
    ref = b.s("oauth-refresh-token", "1//0" + f.b64url(99))
    cid = f"{f.num(10**11, 10**12)}-{f.chars(_LOWER + _DIGITS, 32)}.apps.googleusercontent.com"
    return (
        "# google-ads.yaml\n"
        f"developer_token: {dev}\n"
        f"client_id: {cid}\n"
        f"client_secret: {sec}\n"
        f"refresh_token: {ref}\n"
        f"login_customer_id: {f.num(10**9, 10**10)}\n"
        "use_proto_plus: True\n"
        f"# json_key_file_path: {b.k('/path/to/key.json')}\n"
    )


def _ad_google_log(f: Fakes, b: B) -> str:
    dev = b.s("api-key", f.b64url(22))
    rid = f.b64url(22)
    return (
        f"INFO:google.ads.googleads.client:Request made: ClientCustomerId: {f.num(10**9, 10**10)}, "
        f"Host: googleads.googleapis.com, Method: /google.ads.googleads.v17.services.GoogleAdsService/Search, "
        f"RequestId: {rid}, IsFault: False\n"
        "DEBUG:google.ads.googleads.client:Request\n-------\nHeaders: {\n"
        f'  "developer-token": "{dev}",\n'
        f'  "login-customer-id": "{f.num(10**9, 10**10)}",\n'
        '  "x-goog-api-client": "gl-python/3.11.9 grpc/1.66.1 gax/2.19.1 gapic/25.0.0"\n}\n'
        f"Request ID {b.k(rid)} finished in {f.num(80, 900)} ms\n"
    )


def _ad_meta(f: Fakes, b: B) -> str:
    tok = b.s("meta-access-token", f.eaa())
    act = f.num(10**14, 10**15)
    if b.variant(2):
        return (
            f'$ curl -s -G "https://graph.facebook.com/{b.k("v21.0")}/act_{act}/insights" \\\n'
            "    -d fields=campaign_name,spend,impressions -d date_preset=last_7d \\\n"
            f"    -d access_token={tok}\n"
            f'{{"data":[{{"campaign_name":"Fall promo","spend":"{f.num(10, 999)}.{f.num(10, 99)}",'
            f'"impressions":"{f.num(1000, 99999)}"}}]}}\n'
        )
    return (
        "from facebook_business.api import FacebookAdsApi\n\n"
        f"FacebookAdsApi.init(app_id='{f.num(10**14, 10**15)}', app_secret=APP_SECRET,\n"
        f"                    access_token='{tok}')\n"
        f"account = AdAccount('act_{act}')\n"
        f"# app secret comes from the vault: {b.k('${META_APP_SECRET}')}\n"
    )


def _ad_linkedin_tiktok(f: Fakes, b: B) -> str:
    if b.variant(2):
        tok = b.s("token", "AQ" + f.b64url(f.num(300, 340)))
        return (
            "$ curl -s 'https://api.linkedin.com/rest/adAccounts?q=search' \\\n"
            f"    -H 'Authorization: Bearer {tok}' -H 'LinkedIn-Version: 202410' \\\n"
            "    -H 'X-Restli-Protocol-Version: 2.0.0'\n"
            f"# x-li-uuid: {b.k(f.uuid())}\n"
            f'{{"elements":[{{"id":{f.num(10**8, 10**9)},"name":"Brand","status":"ACTIVE"}}]}}\n'
        )
    secret = b.s("client-secret", f.b62(40))
    tt = f.hexs(40)
    return (
        "# tiktok_ads/settings.py\n"
        f"TIKTOK_APP_ID = '{f.num(10**18, 10**19)}'\n"
        f"TIKTOK_APP_SECRET = '{secret}'\n"
        f"TIKTOK_ACCESS_TOKEN = '{tt}'\n"
        f"TIKTOK_SANDBOX_TOKEN = '{b.k('<your-api-key>')}'\n"
        f"ADVERTISER_IDS = [{f.num(10**18, 10**19)}]\n"
    )


def _ad_service_key(f: Fakes, b: B) -> str:
    proj = f.pick(_WORDS) + "-ads-" + str(f.num(1000, 9999))
    sa = f"ads-reporter@{proj}.iam.gserviceaccount.com"
    kid = b.s("key-id", f.hexs(40))
    if b.variant(2):
        return (
            f"$ gcloud iam service-accounts keys create key.json --iam-account={sa}\n"
            f"created key [{kid}] of type [json] as [key.json] for [{sa}]\n"
        )
    return (
        f"$ gcloud iam service-accounts keys list --iam-account={sa}\n"
        "KEY_ID                                    CREATED_AT            EXPIRES_AT\n"
        f"{kid}  {f.ts()}  9999-12-31T23:59:59Z\n"
        f"# commit {b.k(f.sha())} moved the Ads reporter to this key\n"
    )


def _ad_conversions(f: Fakes, b: B) -> str:
    rows = ["Email,Phone,Conversion Name,Conversion Time,Conversion Value,hashed_email"]
    for _ in range(f.num(1, 2)):
        em = b.addr()
        rows.append(
            f"{em},{f.phone()},Purchase,{f.date()} 12:{f.num(10, 59)}:00,{f.num(10, 400)}.00,"
            + b.k(hashlib.sha256(f.email().encode()).hexdigest())
        )
    return "$ head -n 5 offline_conversions.csv\n" + "\n".join(rows) + "\n"


def _ad_ci(f: Fakes, b: B) -> str:
    dev = b.s("api-key", f.b64url(22))
    npm = b.s("npm-token", f.npm())
    return (
        "# .github/workflows/report.yml\n"
        "env:\n"
        f"  GOOGLE_ADS_DEVELOPER_TOKEN: {dev}\n"
        f"  GOOGLE_ADS_CLIENT_SECRET: {b.k('${{ secrets.GOOGLE_ADS_CLIENT_SECRET }}')}\n"
        "steps:\n"
        f"  - run: echo '//registry.npmjs.org/:_authToken={npm}' > ~/.npmrc\n"
        "  - run: npm ci && node report.js\n"
        f"  - uses: actions/checkout@{b.k(f.sha())}\n"
    )


# ---------------------------------------------------------------------------------------------------------------
# EDI and customs brokerage


def _x12_isa(f: Fakes) -> str:
    sender = f.pick(_DOMAIN_A).upper()[:8].ljust(15)
    recv = f.pick(_DOMAIN_A).upper()[:8].ljust(15)
    ctl = f"{f.num(1, 999999999):09d}"
    return (
        f"ISA*00*          *00*          *ZZ*{sender}*ZZ*{recv}*{f.num(24, 26)}{f.num(10, 12)}{f.num(10, 28)}"
        f"*{f.num(10, 23)}{f.num(10, 59)}*U*00401*{ctl}*0*P*>~"
    )


def _edi_850(f: Fakes, b: B) -> str:
    n = f.name()
    em = b.email(n)
    segs = [
        _x12_isa(f),
        f"GS*PO*{f.pick(_DOMAIN_A).upper()}*{f.pick(_DOMAIN_A).upper()}*20261005*1200*{f.num(1, 9999)}*X*004010~",
        "ST*850*0001~",
        f"BEG*00*SA*PO{f.num(10000, 99999)}**20261005~",
        f"PER*BD*{n}*TE*{f.phone().replace(' ', '')}*EM*{em}~",
        f"N1*ST*{f.pick(_DOMAIN_A).title()} Warehouse*92*{f.num(100, 999)}~",
        f"PO1*1*{f.num(1, 500)}*EA*{f.num(1, 99)}.50**VP*{f.chars(_UPPER + _DIGITS, 8)}~",
        "CTT*1~",
        f"REF*ZZ*{b.k(f.uuid())}~",
        "SE*8*0001~",
    ]
    sep = "\n" if f.num(0, 1) else ""
    return "$ cat inbound/850_" + str(f.num(1000, 9999)) + ".edi\n" + sep.join(segs) + "\n"


def _edi_856_parse(f: Fakes, b: B) -> str:
    n, em = b.pair()
    return (
        ">>> from pyx12 import x12file\n"
        f">>> doc = parse('ASN_{f.num(1000, 9999)}.x12')\n"
        ">>> doc['shipment']\n"
        f"{{'bsn': '{f.num(100000, 999999)}', 'carrier': '{f.pick(('UPSN', 'FDEG', 'ODFL'))}', "
        f"'tracking': '1Z{f.chars(_UPPER + _DIGITS, 16)}',\n"
        f" 'ship_to_contact': {{'name': '{n}', 'email': '{em}'}},\n"
        f" 'weight_lb': {f.num(10, 2000)}, 'hl_count': {f.num(2, 9)}}}\n"
        f">>> pyx12.__version__\n'{b.k(f.version())}'\n"
    )


def _edi_as2(f: Fakes, b: B) -> str:
    if b.variant(2):
        pw = b.pw()
        return (
            "<!-- OpenAS2 config.xml -->\n<openas2>\n"
            f'  <certificates classname="org.openas2.cert.PKCS12CertificateFactory"\n'
            f'      filename="%home%/as2_certs.p12" password="{pw}" interval="300"/>\n'
            f'  <partnership name="{f.pick(_DOMAIN_A)}-to-broker">\n'
            f'    <attribute name="as2_url" value="https://as2.{f.domain()}:4080"/>\n'
            '    <attribute name="encrypt" value="3DES"/>\n'
            '    <attribute name="sign" value="SHA256"/>\n'
            f'    <attribute name="mdn_options" value="{b.k("signed-receipt-micalg=optional, SHA256")}"/>\n'
            "  </partnership>\n</openas2>\n"
        )
    key = b.s("private-key", f.pem())
    return (
        f"$ cat /opt/as2/keys/{f.pick(_DOMAIN_A)}-signing.key\n{key}\n"
        f"$ openssl x509 -in signing.crt -noout -fingerprint -sha256\nsha256 Fingerprint="
        + b.k(":".join(f.hexs(2).upper() for _ in range(32)))
        + "\n"
    )


def _edi_filing(f: Fakes, b: B) -> str:
    n, em = b.pair()
    filing = {
        "entry_number": f"{f.chars(_UPPER, 3)}-{f.num(1000000, 9999999)}-{f.num(0, 9)}",
        "port_code": f"{f.num(1000, 5999)}",
        "importer_of_record": {
            "type": "individual",
            "name": n,
            "email": em,
            "ssn": b.s("ssn", f.ssn()),
        },
        "duty_payment": {"method": "ACH", "iban": b.s("iban", f.iban())},
        "hts_lines": [
            {
                "hts": f"{f.num(1000, 9999)}.{f.num(10, 99)}.{f.num(1000, 9999)}",
                "value_usd": f.num(100, 90000),
            }
        ],
    }
    filing["idempotency_key"] = b.k(f.uuid())
    return f"POST /v2/filings/7501 -> 201 Created\n{json.dumps(filing, indent=2)}\n"


def _edi_edifact(f: Fakes, b: B) -> str:
    em = b.addr()
    segs = [
        f"UNB+UNOC:3+{f.num(10**12, 10**13)}:14+{f.num(10**12, 10**13)}:14+261005:1200+{f.num(1000, 99999)}'",
        "UNH+1+ORDERS:D:96A:UN'",
        f"BGM+220+PO{f.num(1000, 99999)}+9'",
        "DTM+137:20261005:102'",
        f"NAD+BY+{f.num(10**12, 10**13)}::9'",
        f"CTA+PD+:{f.name()}'",
        f"COM+{em}:EM'",
        f"LIN+1++{f.num(10**12, 10**13)}:EN'",
        "UNS+S'",
        "UNT+9+1'",
    ]
    segs.insert(4, f"RFF+ON:{b.k(f.hexs(12).upper())}'")
    return "\n".join(segs) + "\nUNZ+1+" + str(f.num(1000, 99999)) + "'\n"


def _edi_van(f: Fakes, b: B) -> str:
    v = b.variant(2)
    if v == 0:
        pw = b.pw()
        pw2 = b.pw()
        return (
            "$ cat ~/.netrc\n"
            f"machine sftp.{f.domain()} login edi_{f.pick(_WORDS)} password {pw}\n"
            f"machine van.{f.domain()}\n  login {f.pick(_WORDS)}{f.num(10, 99)}\n  password {pw2}\n"
            f"machine docs.example.com login demo password {b.k('changeme')}\n"
        )
    key = b.s("ssh-private-key", f.openssh())
    return f"# ~/.ssh/edi_van (used by the 856 pusher; public half is {b.k(f.ssh_pub())})\n{key}\n"


# ---------------------------------------------------------------------------------------------------------------
# E-mail security


def _es_dmarc(f: Fakes, b: B) -> str:
    dom = f.domain()
    recs = []
    for _ in range(f.num(1, 2)):
        ip = b.s("ip-address", f.public_ip())
        recs.append(
            "  <record>\n"
            f"    <row><source_ip>{ip}</source_ip><count>{f.num(1, 900)}</count>\n"
            "      <policy_evaluated><disposition>none</disposition><dkim>pass</dkim><spf>"
            f"{f.pick(('pass', 'fail'))}</spf></policy_evaluated></row>\n"
            f"    <identifiers><header_from>{dom}</header_from></identifiers>\n"
            "  </record>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<feedback>\n  <report_metadata>\n'
        f"    <org_name>{f.pick(('google.com', 'Yahoo', 'Outlook.com'))}</org_name>\n"
        f"    <email>{b.k('noreply-dmarc-support@' + 'google.com')}</email>\n"
        f"    <report_id>{b.k(str(f.num(10**18, 10**19)))}</report_id>\n"
        f"    <date_range><begin>{b.k(str(f.num(1760000000, 1790000000)))}</begin></date_range>\n"
        "  </report_metadata>\n  <policy_published>\n"
        f"    <domain>{dom}</domain><p>quarantine</p><pct>100</pct>\n  </policy_published>\n"
        + "\n".join(recs)
        + "\n</feedback>\n"
    )


def _es_proofpoint(f: Fakes, b: B) -> str:
    principal = f.uuid()
    secret = f.b62(f.num(40, 64))
    if b.variant(2):
        basic = b.s("basic-auth", base64.b64encode((principal + ":" + secret).encode()).decode())
        return (
            "GET /v2/siem/all?format=json&sinceSeconds=600 HTTP/1.1\nHost: tap-api-v2.proofpoint.com\n"
            f"Authorization: Basic {basic}\nAccept: */*\n\nHTTP/1.1 200 OK\n"
            f'{{"queryEndTime":"{f.ts()}","clicksPermitted":[],"messagesDelivered":[]}}\n'
        )
    b.s("password", secret)
    rcpt = b.addr()
    sender = b.addr()
    ip = b.s("ip-address", f.public_ip())
    return (
        '$ curl -s -u "' + principal + ":" + secret + '" \\\n'
        '    "https://tap-api-v2.proofpoint.com/v2/siem/messages/blocked?format=json&sinceSeconds=3600"\n'
        "{\n"
        f'  "queryEndTime": "{f.ts()}",\n'
        '  "messagesBlocked": [{\n'
        f'    "GUID": "{f.b64url(32)}",\n'
        f'    "recipient": ["{rcpt}"],\n'
        f'    "sender": "{sender}",\n'
        f'    "senderIP": "{ip}",\n'
        '    "threatsInfoMap": [{"classification": "phish", "threatStatus": "active"}],\n'
        f'    "messageID": "<{f.hexs(12)}@{b.k("mail.example.com")}>"\n'
        "  }]\n}\n"
    )


def _es_mimecast(f: Fakes, b: B) -> str:
    cid = f.b62(32)
    sec = b.s("client-secret", f.b62(40))
    if b.variant(2):
        tok = b.s("token", f.b62(32))
        return (
            "$ curl -s -X POST https://api.services.mimecast.com/oauth/token \\\n"
            f"    -d client_id={cid} -d client_secret={sec} -d grant_type=client_credentials\n"
            f'{{"access_token":"{tok}","token_type":"Bearer","expires_in":1800,"scope":""}}\n'
        )
    rows = []
    for _ in range(f.num(1, 2)):
        rows.append(
            f"datetime={f.ts()}|acc=C{f.num(1000, 9999)}|Sender={b.addr()}|Rcpt={b.addr()}"
            f"|Act=Hld|RejType=Spam Signature|IP={b.s('ip-address', f.public_ip())}"
        )
    return (
        "# mimecast siem pull (receipt logs), MIMECAST_CLIENT_SECRET="
        + sec
        + f"\n# token {b.k('****')} (masked by the collector)\n"
        + "\n".join(rows)
        + "\n"
    )


def _es_digest(f: Fakes, b: B) -> str:
    n, em = b.pair()
    out = [
        f"From: Quarantine Digest <{b.k('noreply@' + f.domain())}>",
        f"To: {n} <{em}>",
        f"Subject: You have {f.num(2, 9)} messages in quarantine",
        f"Date: Mon, {f.num(1, 28)} Oct 2026 07:00:00 +0000",
        "",
        "Sender                         Subject                        Score",
    ]
    for _ in range(f.num(1, 2)):
        out.append(
            f"{b.addr():<30} {f.pick(('Invoice overdue', 'Your parcel', 'Password expiry')):<30} {f.num(50, 99)}"
        )
    out.append(f"Release link expires in 72h. Digest id {b.k(f.uuid())}")
    return "\n".join(out) + "\n"


def _es_dkim(f: Fakes, b: B) -> str:
    if b.variant(2):
        key = b.s("private-key", f.pem())
        pub = base64.b64encode(b"\x30\x82\x01\x22" + bytes(f.r.getrandbits(8) for _ in range(200))).decode()
        return (
            f"$ sudo cat /etc/opendkim/keys/{f.domain()}/mail.private\n{key}\n"
            f"$ opendkim-testkey -d {b.k('example.org')} -s mail -vvv\nopendkim-testkey: key OK\n"
            f'$ cat mail.txt\nmail._domainkey\tIN\tTXT\t( "v=DKIM1; k=rsa; " "p={b.k(pub)}" )\n'
        )
    relay = "smtp." + f.domain()
    pw = b.pw()
    return (
        "# /etc/postfix/sasl_passwd  (then: postmap /etc/postfix/sasl_passwd)\n"
        f"[{relay}]:587 relay-{f.pick(_WORDS)}:{pw}\n\n"
        f"# main.cf\nrelayhost = [{relay}]:587\nsmtp_sasl_auth_enable = yes\n"
        f"mynetworks = {b.k('127.0.0.0/8')} {b.k('10.0.0.0/8')}\n"
    )


# ---------------------------------------------------------------------------------------------------------------
# Cellular IoT


def _iot_particle(f: Fakes, b: B) -> str:
    v = b.variant(3)
    if v == 0:
        tok = b.s("token", f.hexs(40))
        return (
            "$ particle token create --expires-in 7776000\n"
            f"? Please enter your password: [hidden]\nNew access token expires on {f.date()}\n"
            f"    {tok}\n"
            f"$ particle --version\n{b.k(f.version())}\n"
        )
    if v == 1:
        pw = b.pw()
        em = b.addr()
        return (
            "const Particle = require('particle-api-js');\nconst particle = new Particle();\n\n"
            f"particle.login({{ username: '{em}', password: '{pw}' }})\n"
            "  .then((data) => listDevices(data.body.access_token));\n"
            f"// product {f.num(10000, 99999)}, device OS {b.k(f.version())}\n"
        )
    tok = f.hexs(40)
    return (
        f"$ curl -s https://api.particle.io/v1/devices/{f.hexs(24)} -H 'Authorization: Bearer {tok}'\n"
        f'{{"id":"{f.hexs(24)}","name":"{f.pick(_WORDS)}_tracker","iccid":"{"89" + f.chars(_DIGITS, 18)}",'
        f'"system_firmware_version":"{b.k(f.version())}","online":true}}\n'
    )


def _iot_hologram(f: Fakes, b: B) -> str:
    key = b.s("api-key", f.b62(32))
    if b.variant(2):
        return (
            f'$ curl -s "https://dashboard.hologram.io/api/1/devices?orgid={f.num(1000, 99999)}&apikey={key}"\n'
            f'{{"success":true,"data":[{{"id":{f.num(10**5, 10**6)},"name":"pump-{f.num(1, 99)}",'
            f'"links":{{"cellular":[{{"sim":"{"8944" + f.chars(_DIGITS, 15)}","state":"LIVE",'
            f'"imei":"{f.chars(_DIGITS, 15)}"}}]}}}}]}}\n'
        )
    return (
        "import base64, requests\n\n"
        f"HOLOGRAM_API_KEY = '{key}'\n"
        "auth = base64.b64encode(f'apikey:{HOLOGRAM_API_KEY}'.encode()).decode()\n"
        "r = requests.get('https://dashboard.hologram.io/api/1/links/cellular',\n"
        "                 headers={'Authorization': 'Basic ' + auth})\n"
        f"# sample key in the docs: {b.k('<your-api-key>')}\n"
    )


def _iot_sim_inventory(f: Fakes, b: B) -> str:
    dom = f.domain()
    rows = ["iccid,imsi,msisdn,status,plan,contact_name,contact_email"]
    for _ in range(f.num(1, 2)):
        n, em = b.pair(dom)
        rows.append(
            f"89{f.chars(_DIGITS, 18)},{f.num(310, 316)}{f.chars(_DIGITS, 12)},"
            f"1{f.num(201, 989)}555{f.num(1000, 1999)},"
            f"{f.pick(('ACTIVE', 'PAUSED', 'TEST'))},{f.pick(('1MB', '100MB', 'Pool-5GB'))},{n},{em}"
        )
    return f"# inventory {f.date()}, tool {b.k(f.version())}\n" + "\n".join(rows) + "\n"


def _iot_at_log(f: Fakes, b: B) -> str:
    addr = b.ip()
    return (
        "[modem] > AT+CPIN?\n[modem] < +CPIN: READY\n"
        f'[modem] > AT+CGDCONT=1,"IP","{f.pick(("hologram", "iot.1nce.net", "super"))}"\n[modem] < OK\n'
        "[modem] > AT+CSQ\n"
        f"[modem] < +CSQ: {f.num(5, 31)},99\n"
        f"[modem] > AT+CGPADDR=2\n[modem] < +CGPADDR: 2,{b.k('0.0.0.0')}\n"
        "[modem] > AT+CGACT=1,1\n[modem] < OK\n"
        "[modem] > AT+CGPADDR=1\n"
        f"[modem] < +CGPADDR: 1,{addr}\n"
        "[modem] > AT+CGMR\n"
        f"[modem] < BG96MAR02A07M1G_{b.k(f.version())}\n"
        f'[modem] > AT+QIOPEN=1,0,"TCP","{b.k("203.0.113.10")}",1883,0,1\n[modem] < OK\n'
    )


def _iot_firmware(f: Fakes, b: B) -> str:
    if b.variant(2):
        pw = b.pw()
        akia = b.s("aws-access-key", f.akia())
        sec = b.s("aws-secret-key", f.aws_secret())
        return (
            "// secrets.h -- not for the repo\n"
            f'#define MQTT_HOST "{f.chars(_LOWER + _DIGITS, 14)}-ats.iot.us-east-1.amazonaws.com"\n'
            f'#define MQTT_PASSWORD "{pw}"\n'
            f'#define AWS_ACCESS_KEY_ID "{akia}"\n'
            f'#define AWS_SECRET_ACCESS_KEY "{sec}"\n'
            f'#define FW_VERSION "{b.k(f.version())}"\n'
        )
    key = b.s("private-key", f.pem())
    return (
        f"$ cat certs/device-{f.num(100, 999)}.private.pem.key\n{key}\n"
        f"$ cat certs/device.cert.sha256\n{b.k(f.hexs(64))}\n"
    )


# ---------------------------------------------------------------------------------------------------------------
# Time clocks and biometrics


def _tc_attendance(f: Fakes, b: B) -> str:
    sep = f.pick((",", ";", "\t"))
    rows = [sep.join(["employee_id", "employee_name", "badge", "clock_in", "clock_out", "hours", "device"])]
    day = f.date()
    for _ in range(f.num(1, 3)):
        rows.append(
            sep.join(
                [
                    f"E{f.num(1000, 9999)}",
                    b.name(),
                    str(f.num(10000, 99999)),
                    f"{day} 0{f.num(6, 9)}:{f.num(10, 59)}",
                    f"{day} 1{f.num(5, 8)}:{f.num(10, 59)}",
                    f"{f.num(6, 10)}.{f.num(0, 9)}",
                    f"ZK-{f.pick(('DOCK', 'FRONT', 'LAB'))}-{f.num(1, 9)}",
                ]
            )
        )
    return (
        f"# attendance export {day} (ZKBioTime, all terminals, firmware {b.k('4.2.0.17')})\n"
        + "\n".join(rows)
        + "\n"
    )


def _tc_bamboo(f: Fakes, b: B) -> str:
    key = b.s("api-key", f.hexs(8) + f.b62(32))
    n, em = b.pair()
    return (
        f"$ export BAMBOOHR_API_KEY={key}\n"
        '$ curl -s -u "$BAMBOOHR_API_KEY:x" -H "Accept: application/json" \\\n'
        f'    "https://api.bamboohr.com/api/gateway.php/{f.pick(_DOMAIN_A)}/v1/employees/directory"\n'
        '{"employees":[{\n'
        f'  "id": "{f.num(100, 999)}",\n  "displayName": "{n}",\n  "jobTitle": "Technician",\n'
        f'  "workEmail": "{em}",\n  "department": "Field Ops",\n  "photoUploaded": false\n}}]}}\n'
    )


def _tc_badge_db(f: Fakes, b: B) -> str:
    host = b.ip()
    pw = b.s("password", f.password("url"))
    if b.variant(2):
        return (
            "<!-- OnGuard.config -->\n<connectionStrings>\n"
            f'  <add name="AccessControl" connectionString="Server={host};Database=ACCESSCONTROL;'
            f'User Id=lenel;Password={pw};Encrypt=True" providerName="System.Data.SqlClient"/>\n'
            "</connectionStrings>\n"
            f"<!-- panel firmware {b.k('4.2.0.17')} -->\n"
        )
    return (
        "# badge-sync/config.toml\n[acs]\n"
        f'dsn = "Driver={{ODBC Driver 18 for SQL Server}};Server={host},1433;UID=acs_reader;PWD={pw};"\n'
        f"poll_seconds = {f.num(15, 120)}\n"
        f'panel_subnet = "{b.k("10.0.0.0/8")}"\n'
    )


def _tc_payroll(f: Fakes, b: B) -> str:
    n = f.name()
    first, last = n.split()
    doc = {
        "associateOID": "G3" + f.chars(_UPPER + _DIGITS, 14),
        "person": {
            "legalName": {"givenName": b.s("person-name", first), "familyName1": b.s("person-name", last)},
            "governmentIDs": [{"idValue": b.s("ssn", f.ssn()), "nameCode": {"codeValue": "SSN"}}],
        },
        "payDistributions": [{"iban": b.s("iban", f.iban()), "percentage": 100}],
        "workerStatus": {"statusCode": {"codeValue": "Active"}},
    }
    return "GET /hr/v2/workers/{aoid} 200\n" + json.dumps(doc, indent=2) + "\n"


def _tc_ukg(f: Fakes, b: B) -> str:
    pw = b.pw("url")
    sec = b.s("client-secret", f.b62(32))
    tok = b.s("token", f.b64url(f.num(60, 90)))
    return (
        f"POST https://{f.pick(_DOMAIN_A)}.mykronos.com/api/authentication/access_token\n"
        f"appkey: {f.b62(32)}\nContent-Type: application/x-www-form-urlencoded\n\n"
        f"username=api_{f.pick(_WORDS)}&password={pw}&client_id={f.b62(32)}&client_secret={sec}"
        "&grant_type=password&auth_chain=OAuthLdapService\n\n"
        f'200 OK {{"access_token":"{tok}","refresh_token":"{b.k("****")}","expires_in":1800}}\n'
    )


def _tc_timesheet_sql(f: Fakes, b: B) -> str:
    rows = []
    for _ in range(f.num(1, 2)):
        n = b.name()
        rows.append(f"  ('{n}', '{b.email(n)}', '{b.s('ssn', f.ssn())}', {f.num(20, 60)}.{f.num(0, 99):02d})")
    return (
        "INSERT INTO timesheet_people (full_name, email, ssn, hourly_rate) VALUES\n"
        + ",\n".join(rows)
        + ";\n"
    )


# ---------------------------------------------------------------------------------------------------------------
# Childcare and school transport apps


def _ck_pickup(f: Fakes, b: B) -> str:
    rows = ["child_name,room,guardian_name,guardian_email,guardian_phone"]
    dom = f.domain()
    for _ in range(f.num(1, 1)):
        g, em = b.pair(dom)
        rows.append(f"{b.name()},{f.pick(('Tadpoles', 'Otters', 'Pre-K B'))},{g},{em},{f.phone()}")
    return "$ python export_roster.py --center 3 --format csv\n" + "\n".join(rows) + "\n"


def _ck_guardians_api(f: Fakes, b: B) -> str:
    g, em = b.pair()
    jwt = b.s("jwt", f.jwt())
    body = {
        "student": {"id": f.uuid(), "grade": f.pick(("K", "1", "2", "3"))},
        "guardians": [{"name": g, "email": em, "relationship": "parent", "can_pickup": True}],
    }
    return (
        f"GET /api/v2/students/{f.num(1000, 9999)}/guardians HTTP/1.1\n"
        f"Host: api.{f.domain()}\nAuthorization: Bearer {jwt}\n\n"
        f"HTTP/1.1 200 OK\nContent-Type: application/json\n\n{json.dumps(body)}\n"
    )


def _ck_bus_route(f: Fakes, b: B) -> str:
    pk = b.k(f.mapbox_pk())
    driver = b.name()
    stops = [
        {
            "seq": i + 1,
            "lat": round(40 + f.r.random(), 5),
            "lon": round(-74 - f.r.random(), 5),
            "eta": f"07:{10 + i * 6}",
        }
        for i in range(f.num(2, 4))
    ]
    route = {
        "route": f"AM-{f.num(1, 40)}",
        "driver_name": driver,
        "vehicle": f"Bus {f.num(1, 90)}",
        "stops": stops,
    }
    if b.variant(2):
        sk = b.s("mapbox-secret-token", f.mapbox_sk())
        return (
            f"# routing job: MAPBOX_PUBLIC_TOKEN={pk}\n# directions and upload: MAPBOX_SECRET_TOKEN={sk}\n"
            + json.dumps(route, indent=2)
            + "\n"
        )
    gkey = b.s("google-api-key", f.google_key())
    return (
        f"const MAPBOX_TOKEN = '{pk}';\nconst GOOGLE_MAPS_SERVER_KEY = '{gkey}';\n"
        f"const route = {json.dumps(route)};\n"
    )


def _ck_backend_env(f: Fakes, b: B) -> str:
    v = b.variant(3)
    if v == 0:
        return (
            "# apps/parent-portal/.env.production\n"
            f"NEXT_PUBLIC_SUPABASE_URL=https://{f.chars(_LOWER, 20)}.supabase.co\n"
            f"NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY={b.k(f.sb_publishable())}\n"
            f"SUPABASE_SECRET_KEY={b.s('supabase-secret-key', f.sb_secret())}\n"
            f"SENDGRID_API_KEY={b.s('sendgrid-key', f.sendgrid())}\n"
            f"STRIPE_SECRET_KEY={b.s('stripe-secret-key', f.stripe_sk())}\n"
        )
    if v == 1:
        pkey = f.pem().replace("\n", "\\n") + "\\n"
        sa = {
            "type": "service_account",
            "project_id": f"{f.pick(_WORDS)}-kids-{f.num(1000, 9999)}",
            "private_key_id": b.s("key-id", f.hexs(40)),
            "private_key": b.s("private-key", pkey),
            "client_email": f"firebase-adminsdk@{f.pick(_WORDS)}-kids.iam.gserviceaccount.com",
            "token_uri": "https://oauth2.googleapis.com/token",
        }
        body = json.dumps(sa, indent=2).replace("\\\\n", "\\n")
        return "$ cat firebase-admin.json\n" + body + "\n"
    return (
        "# .npmrc for the bus-tracker monorepo\n"
        f"//registry.npmjs.org/:_authToken={b.s('npm-token', f.npm())}\n"
        f"@{f.pick(_DOMAIN_A)}:registry=https://gitlab.com/api/v4/packages/npm/\n"
        f"//gitlab.com/api/v4/packages/npm/:_authToken={b.s('gitlab-pat', f.glpat())}\n"
    )


def _ck_sms_log(f: Fakes, b: B) -> str:
    out = []
    for _ in range(f.num(1, 2)):
        g, em = b.pair()
        out.append(
            f"{f.ts()} INFO notify: pickup alert queued to={g} <{em}> child_id={f.num(100, 999)} "
            f"channel=email template=late_pickup_v{f.num(2, 5)}"
        )
    out.append(f"{f.ts()} INFO notify: sent via SendGrid message_id={b.k(f.b64url(22))}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------------------------
# Real estate listing feeds


def _re_reso_token(f: Fakes, b: B) -> str:
    cid = f.b62(24)
    sec = b.s("client-secret", f.b62(40))
    tok = b.s("token", f.b62(40))
    return (
        f"$ curl -s -X POST https://api.{f.domain()}/identity/connect/token \\\n"
        f"    -d grant_type=client_credentials -d client_id={cid} -d client_secret={sec} -d scope=api\n"
        f'{{"access_token":"{tok}","expires_in":3600,"token_type":"Bearer"}}\n'
        f"$ curl -s -H 'Authorization: Bearer {tok}' \\\n"
        "    'https://api.example.com/reso/odata/Property?$top=1&$select=ListingKey,ListPrice,StandardStatus'\n"
        f'{{"@odata.context":"$metadata#Property","value":[{{"ListingKey":"{b.k(f.hexs(32))}",'
        f'"ListPrice":{f.num(100, 999)}000,"StandardStatus":"Active"}}]}}\n'
    )


def _re_agent_export(f: Fakes, b: B) -> str:
    rows = ["ListAgentMlsId,ListAgentFullName,ListAgentEmail,ListAgentDirectPhone,ListOfficeName"]
    dom = f.domain()
    for _ in range(f.num(1, 2)):
        n, em = b.pair(dom)
        rows.append(
            f"{f.chars(_UPPER, 2)}{f.num(1000, 9999)},{n},{em},{f.phone()},{f.pick(_DOMAIN_A).title()} Realty"
        )
    return "\n".join(rows) + "\n"


def _re_rets_config(f: Fakes, b: B) -> str:
    pw = b.pw()
    ua = b.pw()
    return (
        "# rets.yml (legacy feed, kept until the RESO Web API cut-over)\n"
        f"login_url: https://rets.{f.domain()}/contact/rets/login\n"
        f"# sample from the vendor: password: {b.k('changeme')}\n"
        f"username: {f.pick(_WORDS)}{f.num(100, 999)}\n"
        f"password: {pw}\n"
        f"user_agent: {f.pick(_WORDS).title()}Feed/{b.k(f.version())}\n"
        f"user_agent_password: {ua}\n"
        "rets_version: RETS/1.7.2\n"
    )


def _re_listing(f: Fakes, b: B) -> str:
    la, lem = b.pair()
    ba = b.name()
    listing = {
        "ListingKey": b.k(f.hexs(32)),
        "ListingId": f"{f.chars(_UPPER, 2)}{f.num(10**6, 10**7)}",
        "ListPrice": f.num(200, 2000) * 1000,
        "BedroomsTotal": f.num(1, 6),
        "ListAgentFullName": la,
        "ListAgentEmail": lem,
        "BuyerAgentFullName": ba,
        "PublicRemarks": "Sunny corner lot, walk to the park. Showings by appointment.",
        "ModificationTimestamp": f.ts(),
    }
    return (
        f"# {f.pick(('listing', 'record'))} from the replication run\n" + json.dumps(listing, indent=2) + "\n"
    )


def _re_photo_sync(f: Fakes, b: B) -> str:
    akia = b.s("aws-access-key", f.akia())
    sec = b.s("aws-secret-key", f.aws_secret())
    if b.variant(2):
        return (
            "$ cat ~/.aws/credentials\n[listing-photos]\n"
            f"aws_access_key_id = {akia}\naws_secret_access_key = {sec}\n"
            f"[docs]\naws_access_key_id = {b.k('AKIA' + 'IOSFODNN7' + 'EXAMPLE')}\n"
        )
    return (
        f"$ AWS_ACCESS_KEY_ID={akia} AWS_SECRET_ACCESS_KEY={sec} \\\n"
        f"    aws s3 sync ./photos s3://{f.pick(_DOMAIN_A)}-mls-media/ --delete\n"
        f"upload: photos/{f.hexs(8)}.jpg to s3://bucket/{f.hexs(8)}.jpg\n"
        f"# aws-cli/{b.k(f.version())} Python/3.11.9 Linux/6.8.0 exe/x86_64.ubuntu.24\n"
    )


# ---------------------------------------------------------------------------------------------------------------
# CAD and PLM cloud APIs


def _cad_aps_token(f: Fakes, b: B) -> str:
    cid = f.b62(32)
    sec = b.s("password", f.b62(16))
    jwt = b.s("jwt", f.jwt({"scope": ["data:read", "bucket:read"], "client_id": cid}))
    return (
        "$ curl -s -X POST https://developer.api.autodesk.com/authentication/v2/token \\\n"
        f'    -u "{cid}:{sec}" \\\n'
        "    -d grant_type=client_credentials -d 'scope=data:read bucket:read'\n"
        f"# x-ads-request-id: {b.k(f.uuid())}\n"
        f'{{"access_token":"{jwt}","token_type":"Bearer","expires_in":3599}}\n'
    )


def _cad_onshape(f: Fakes, b: B) -> str:
    ak = f.b62(24)
    sk = b.s("api-secret", f.b62(48))
    if b.variant(2):
        return (
            "# ~/.config/onshape-client/config.yaml\n"
            "default_stack: prod\n"
            "prod:\n  base_url: https://cad.onshape.com\n"
            f"  # example from the docs: secret_key: {b.k('<YOUR_SECRET>')}\n"
            f"  access_key: {ak}\n  secret_key: {sk}\n"
        )
    return (
        "from onshape_client.client import Client\n\n"
        "client = Client(configuration={\n"
        "    'base_url': 'https://cad.onshape.com',\n"
        f"    'access_key': '{ak}',\n"
        f"    'secret_key': '{sk}',\n"
        "})\n"
        f"doc = client.documents_api.get_document('{b.k(f.hexs(24))}')\n"
    )


def _cad_bom(f: Fakes, b: B) -> str:
    rows = [
        f"# export job {b.k(f.uuid())}",
        "Item Number,Revision,Description,Lifecycle,Owner Name,Owner Email",
    ]
    dom = f.domain()
    for _ in range(f.num(1, 2)):
        n, em = b.pair(dom)
        rows.append(
            f"{f.num(100, 999)}-{f.num(10000, 99999)},{f.pick(('A', 'B', 'C'))},"
            f"{f.pick(('Bracket, steel', 'Housing, ABS', 'PCB assy', 'Gasket'))},"
            f"{f.pick(('Production', 'Prototype', 'Obsolete'))},{n},{em}"
        )
    return (
        f"Arena BOM export for {f.chars(_UPPER, 3)}-{f.num(100, 999)} (rev {f.pick(('A', 'B'))})\n"
        + "\n".join(rows)
        + "\n"
    )


def _cad_env(f: Fakes, b: B) -> str:
    v = b.variant(3)
    if v == 0:
        return (
            "# plm-sync/.env\n"
            f"APS_CLIENT_ID={f.b62(32)}\n"
            f"APS_CLIENT_SECRET={b.s('client-secret', f.b62(16))}\n"
            f"VAULT_TOKEN={b.s('vault-token', f.hvs())}\n"
            f"GITHUB_TOKEN={b.s('github-oauth', f.gho())}\n"
        )
    if v == 1:
        return (
            "$ vault login -method=github token=" + b.s("github-pat", f.ghp()) + "\n"
            "Success! You are now authenticated.\n"
            "Key                  Value\n---                  -----\n"
            f"token                {b.s('vault-token', f.hvs())}\n"
            f"token_accessor       {f.b62(24)}\n"
            "token_policies       [default plm-reader]\n"
            f"$ vault version\nVault v{b.k(f.version())}\n"
        )
    pw = b.pw()
    return (
        "# windchill/site.xconf excerpt\n"
        f'<Property name="wt.pom.dbPassword" overridable="true" targetFile="db/db.properties" value="{pw}"/>\n'
        f'<Property name="wt.rmi.server.hostname" overridable="true" value="{b.ip()}"/>\n'
        f'<Property name="wt.admin.defaultAdministratorName" value="wcadmin"/>\n'
    )


def _cad_traceback(f: Fakes, b: B) -> str:
    n, em = b.pair()
    tok = b.s("jwt", f.jwt())
    return (
        "Traceback (most recent call last):\n"
        '  File "export_drawings.py", line 77, in <module>\n'
        "    upload(item)\n"
        '  File "export_drawings.py", line 41, in upload\n'
        "    resp.raise_for_status()\n"
        "requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: "
        f"https://developer.api.autodesk.com/oss/v2/buckets/{f.pick(_WORDS)}-drawings/objects\n"
        f"request headers: {{'Authorization': 'Bearer {tok}', 'User-Agent': 'python-requests/2.32.3'}}\n"
        f"item owner: {n} <{em}>\n"
    )


# ---------------------------------------------------------------------------------------------------------------
# Tooling every setting's repositories share: vendor tokens in CI, env files and shells

_VENDOR_MAKERS: tuple[tuple[str, str, Callable[[Fakes], str]], ...] = (
    ("github-pat", "GH_TOKEN", Fakes.ghp),
    ("github-oauth", "GITHUB_OAUTH_TOKEN", Fakes.gho),
    ("npm-token", "NPM_TOKEN", Fakes.npm),
    ("slack-bot-token", "SLACK_BOT_TOKEN", Fakes.slack),
    ("stripe-secret-key", "STRIPE_SECRET_KEY", Fakes.stripe_sk),
    ("stripe-webhook-secret", "STRIPE_WEBHOOK_SECRET", Fakes.whsec),
    ("sendgrid-key", "SENDGRID_API_KEY", Fakes.sendgrid),
    ("google-api-key", "GOOGLE_MAPS_API_KEY", Fakes.google_key),
    ("google-oauth-secret", "GOOGLE_CLIENT_SECRET", Fakes.gocspx),
    ("gitlab-pat", "GITLAB_TOKEN", Fakes.glpat),
    ("meta-access-token", "META_ACCESS_TOKEN", Fakes.eaa),
    ("digitalocean-token", "DIGITALOCEAN_TOKEN", Fakes.dop),
    ("vault-token", "VAULT_TOKEN", Fakes.hvs),
    ("grafana-token", "GRAFANA_SERVICE_ACCOUNT_TOKEN", Fakes.glsa),
    ("newrelic-key", "NEW_RELIC_API_KEY", Fakes.nrak),
    ("sentry-token", "SENTRY_AUTH_TOKEN", Fakes.sntryu),
    ("posthog-personal-key", "POSTHOG_PERSONAL_API_KEY", Fakes.phx),
    ("linear-key", "LINEAR_API_KEY", Fakes.lin),
    ("mapbox-secret-token", "MAPBOX_SECRET_TOKEN", Fakes.mapbox_sk),
    ("supabase-secret-key", "SUPABASE_SECRET_KEY", Fakes.sb_secret),
)


def _tooling(f: Fakes, b: B) -> str:
    c1, n1, m1 = _VENDOR_MAKERS[b.order % len(_VENDOR_MAKERS)]
    n2 = f.pick(("API_TOKEN", "SERVICE_SECRET", "DEPLOY_KEY", "WEBHOOK_SECRET"))
    t1 = b.s(c1, m1(f))
    t2 = b.k(f.placeholder())
    v = b.variant(5)
    if v == 0:
        return (
            f"$ cat .env.{f.pick(('staging', 'production', 'local'))}\n"
            f"{n1}={t1}\n{n2}={t2}\nLOG_LEVEL=info\n"
            f"APP_VERSION={b.k(f.version())}\n"
        )
    if v == 1:
        return f"$ printenv {n1}\n{t1}\n$ grep {n2} deploy/secrets.env\n{n2}='{t2}'\n"
    if v == 2:
        return (
            "Run ./scripts/deploy.sh\n"
            f"+ export {n1}={t1}\n"
            f"+ export {n2}={t2}\n"
            f"+ git rev-parse HEAD\n{b.k(f.sha())}\n"
            "+ ./deploy --env production\ndeploy: ok\n"
        )
    if v == 3:
        return (
            "# docker-compose.override.yml\nservices:\n  worker:\n    environment:\n"
            f'      {n1}: "{t1}"\n      {n2}: "{t2}"\n'
            f'      FILLER_EXAMPLE: "{b.k("gh" + "p_" + "x" * 36)}"\n'
        )
    return (
        "import os\n\n"
        f"# defaults used when the environment is empty; rotate them ({f.date()})\n"
        f"{n1} = os.environ.get('{n1}', '{t1}')\n"
        f"{n2} = os.environ.get('{n2}', '{t2}')\n"
    )


_KINDS: dict[str, tuple[tuple[str, Kind], ...]] = {
    "hosting-billing": (
        ("whmcs-config", _hb_whmcs_config),
        ("client-export", _hb_client_export),
        ("api-call", _hb_api_call),
        ("gateway-module", _hb_gateway_module),
        ("blesta-config", _hb_blesta_config),
        ("invoice-export", _hb_invoice_export),
        ("admin-dump", _hb_admin_dump),
        ("crypto-gateway", _hb_crypto_gateway),
        ("tooling", _tooling),
    ),
    "contact-center": (
        ("agent-roster", _cc_roster),
        ("genesys-oauth", _cc_genesys_oauth),
        ("dispositions", _cc_dispositions),
        ("cti-config", _cc_cti_config),
        ("sync-traceback", _cc_agent_traceback),
        ("tooling", _tooling),
    ),
    "web-analytics": (
        ("matomo-config", _wa_matomo_config),
        ("plausible-env", _wa_plausible_env),
        ("plausible-api", _wa_plausible_api),
        ("umami", _wa_umami),
        ("visitor-log", _wa_visitor_log),
        ("posthog", _wa_posthog),
        ("matomo-users", _wa_matomo_users),
        ("tooling", _tooling),
    ),
    "on-call": (
        ("pagerduty", _oc_pagerduty),
        ("roster", _oc_roster),
        ("alerting", _oc_alertmanager),
        ("timeline", _oc_timeline),
        ("incident-tools", _oc_incident_tools),
        ("statuspage", _oc_statuspage),
        ("tooling", _tooling),
    ),
    "ad-platforms": (
        ("google-ads-yaml", _ad_google_yaml),
        ("google-ads-log", _ad_google_log),
        ("meta-marketing", _ad_meta),
        ("linkedin-tiktok", _ad_linkedin_tiktok),
        ("conversions", _ad_conversions),
        ("service-key", _ad_service_key),
        ("report-ci", _ad_ci),
        ("tooling", _tooling),
    ),
    "edi-customs": (
        ("x12-850", _edi_850),
        ("x12-856", _edi_856_parse),
        ("as2", _edi_as2),
        ("filing", _edi_filing),
        ("edifact", _edi_edifact),
        ("van", _edi_van),
        ("tooling", _tooling),
    ),
    "email-security": (
        ("dmarc", _es_dmarc),
        ("proofpoint", _es_proofpoint),
        ("mimecast", _es_mimecast),
        ("digest", _es_digest),
        ("mta", _es_dkim),
        ("tooling", _tooling),
    ),
    "cellular-iot": (
        ("particle", _iot_particle),
        ("hologram", _iot_hologram),
        ("sim-inventory", _iot_sim_inventory),
        ("at-log", _iot_at_log),
        ("firmware", _iot_firmware),
        ("tooling", _tooling),
    ),
    "time-clocks": (
        ("attendance", _tc_attendance),
        ("bamboohr", _tc_bamboo),
        ("badge-db", _tc_badge_db),
        ("payroll", _tc_payroll),
        ("ukg", _tc_ukg),
        ("timesheet-sql", _tc_timesheet_sql),
        ("tooling", _tooling),
    ),
    "childcare-transport": (
        ("pickup-roster", _ck_pickup),
        ("guardians-api", _ck_guardians_api),
        ("bus-route", _ck_bus_route),
        ("backend-env", _ck_backend_env),
        ("notify-log", _ck_sms_log),
        ("tooling", _tooling),
    ),
    "real-estate-feeds": (
        ("reso-token", _re_reso_token),
        ("agent-export", _re_agent_export),
        ("rets-config", _re_rets_config),
        ("listing", _re_listing),
        ("photo-sync", _re_photo_sync),
        ("tooling", _tooling),
    ),
    "cad-plm": (
        ("aps-token", _cad_aps_token),
        ("onshape", _cad_onshape),
        ("bom-export", _cad_bom),
        ("env", _cad_env),
        ("traceback", _cad_traceback),
        ("tooling", _tooling),
    ),
}

_DOCS_PER_SETTING = 26

# ---------------------------------------------------------------------------------------------------------------
# Deliveries

_PATHS = ("config/app.env", "notes/session.md", "deploy/values.yaml", "scripts/run.sh", "export/data.txt")


def _deliver(f: Fakes, delivery: str, text: str) -> tuple[str, Callable[[str], str]]:
    """The text as delivered, and how a value's text reads inside it."""
    body = text.rstrip("\n")
    lines = body.split("\n")
    same: Callable[[str], str] = lambda v: v  # noqa: E731
    if delivery == "plain":
        return text, same
    if delivery == "json":
        field = f.pick(("output", "content", "stdout", "text"))
        line = json.dumps(
            {"type": "tool_result", "id": "call_" + f.chars(_LOWER + _DIGITS, 12), field: text},
            ensure_ascii=False,
        )
        return line + "\n", lambda v: json.dumps(v, ensure_ascii=False)[1:-1]
    if delivery == "diff":
        path = f.pick(_PATHS)
        head = f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{f.hexs(7)}\n"
        head += f"--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{len(lines)} @@\n"
        return head + "\n".join("+" + ln for ln in lines) + "\n", same
    if delivery == "numbered":
        return "\n".join(f"{i:>6}\t{ln}" for i, ln in enumerate(lines, 1)) + "\n", same
    if delivery == "cilog":
        sec = f.num(0, 80000)
        day = f.num(1, 28)
        out = []
        for ln in lines:
            sec += f.num(0, 2)
            out.append(
                f"2026-10-{day:02d}T{sec // 3600 % 24:02d}:{sec // 60 % 60:02d}:{sec % 60:02d}"
                f".{f.num(0, 9999999):07d}Z {ln}"
            )
        return "\n".join(out) + "\n", same
    lang = f.pick(("text", "console", "", "yaml", "json"))
    intro = f.pick(("Here is what it printed:\n\n", "Output:\n\n", "", "The file reads:\n\n"))
    return f"{intro}```{lang}\n{body}\n```\n", same


def _occurrences(text: str, value: str) -> list[int]:
    out, i = [], text.find(value)
    while i >= 0:
        out.append(i)
        i = text.find(value, i + len(value))
    return out


def _label(name: str, setting: str, delivery: str, text: str, b: B, view: Callable[[str], str]) -> Document:
    """Labels every occurrence of each secret, then each keep that neither holds nor sits in a secret."""
    secrets: list[Secret] = []
    seen: set[str] = set()
    for cls, raw in b.secrets:
        v = view(raw)
        if v in seen:
            continue
        seen.add(v)
        offs = _occurrences(text, v)
        if not offs:
            raise ValueError(f"{name}: a {cls} is missing from its text")
        secrets.extend(Secret(cls, v, o) for o in offs)
    spans = sorted((s.offset, s.offset + len(s.text)) for s in secrets)
    for (_, e1), (s2, _) in itertools.pairwise(spans):
        if s2 < e1:
            raise ValueError(f"{name}: secrets overlap")
    keeps: list[Keep] = []
    kept: set[str] = set()
    for raw in b.keeps:
        v = view(raw)
        if v in kept or any(v in s or s in v for s in seen):
            continue
        offs = _occurrences(text, v)
        if not offs or any(a < o + len(v) and o < e for o in offs for a, e in spans):
            continue
        kept.add(v)
        keeps.extend(Keep(v, o) for o in offs)
    secrets.sort(key=lambda s: s.offset)
    keeps.sort(key=lambda k: k.offset)
    return Document(name, setting, delivery, text, tuple(secrets), tuple(keeps))


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """Every document of every setting, the same for the same seed."""
    rng = random.Random(seed)
    f = Fakes(rng)
    docs: list[Document] = []
    orders: dict[str, int] = {}
    for setting in SETTINGS:
        kinds = list(_KINDS[setting])
        counters: dict[str, int] = {}
        for i in range(_DOCS_PER_SETTING):
            if i % len(kinds) == 0:
                rng.shuffle(kinds)
            kind, make = kinds[i % len(kinds)]
            b = B(f, counters.get(kind, 0) + SETTINGS.index(setting), orders.get(kind, 0))
            orders[kind] = orders.get(kind, 0) + 1
            text = make(f, b)
            multiline = any("\n" in v for _, v in b.secrets)
            delivery = (
                rng.choice(("plain", "fence")) if multiline else DELIVERIES[(i + rng.randint(0, 5)) % 6]
            )
            delivered, view = _deliver(f, delivery, text)
            counters[kind] = counters.get(kind, 0) + 1
            docs.append(
                _label(f"{setting}/{kind}/{counters[kind]:02d}", setting, delivery, delivered, b, view)
            )
    return docs


def corpus_digest(docs: list[Document]) -> str:
    """A fingerprint of the whole corpus, to pin it."""
    blob = json.dumps([attrs.asdict(d) for d in docs], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


# ---------------------------------------------------------------------------------------------------------------
# Measure


def _windows(text: str) -> set[str]:
    return {text[i : i + 6] for i in range(len(text) - 5)}


def measure_documents(docs: list[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregate recall, fragment-free recall, vendor recall and keep rate of a scrub over the documents."""
    secrets = removed = clean = vendor = vendor_removed = keeps = kept = 0
    for doc in docs:
        out = scrub(doc.text)
        if doc.secrets:
            chars = list(doc.text)
            for s in doc.secrets:
                chars[s.offset : s.offset + len(s.text)] = "x" * len(s.text)
            out_filled = scrub("".join(chars))
        for s in doc.secrets:
            secrets += 1
            gone = s.text not in out
            removed += gone
            clean += gone and not any(w in out and w not in out_filled for w in _windows(s.text))
            if s.cls in VENDOR_CLASSES:
                vendor += 1
                vendor_removed += gone
        for k in doc.keeps:
            keeps += 1
            kept += out.count(k.text) >= doc.text.count(k.text)
    return {
        "secrets": float(secrets),
        "recall": removed / secrets if secrets else 1.0,
        "recall_no_fragment": clean / secrets if secrets else 1.0,
        "vendor_prefix_recall": vendor_removed / vendor if vendor else 1.0,
        "keep_rate": kept / keeps if keeps else 1.0,
        "spans": float(keeps),
    }


def measure_held_back() -> dict[str, float]:
    """The measure of the real scrubber on this corpus (run by the maintainer, blind)."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
