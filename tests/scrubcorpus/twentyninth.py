"""The twenty-ninth held-back scrub corpus.

Its twelve settings: museum and archive collections (CollectiveAccess, ArchivesSpace, donor and accession
records); law-firm practice management (Clio, PracticePanther, client intake exports, trust accounting);
construction and field service (Procore, ServiceTitan, technician dispatch, site access codes); sports club and
league management (TeamSnap, player registrations, guardian contacts, referee rosters); freight brokerage and
trucking (load boards, carrier packets, ELD logs, fuel cards); dating and social app back ends (moderation
exports, user reports, push credentials); government benefits casework (case notes exports, eligibility APIs,
caseworker tools); hotel door locks and access control (lock encoders, access control panels, badge exports,
controller configs); kiosk and digital signage fleets (player configs, CMS tokens, device enrolment); research
survey panels (Qualtrics, Prolific, panelist exports, incentive payouts); marine and aviation operations (AIS
feeds, flight ops software, crew lists, maintenance logs); small-business accounting desktop exports
(QuickBooks Desktop IIF, Sage, GnuCash, bank rules).

Labels follow the scrubber's published policy alone: what it says goes is a `Secret`, what it says stays (and
look-alikes that hold nothing) is a `Keep`, and what it leaves open is not labelled. Every fake is drawn at
build time from a seeded `random.Random` and is valid for its format (checksums, Luhn, mod 97, issuance ranges,
DER and OpenSSH layouts, BIP-39 checksums, vendors' prefixes). Each document is delivered one of six ways
(plain, a JSON transcript line, a diff's added lines, numbered lines, CI log lines, a Markdown fence), and its
labels are the values as delivered. The measure reports aggregates only, never a value.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import random
import re
import string
import textwrap
import zlib
from collections.abc import Callable, Iterable, Sequence

import attrs

DEFAULT_SEED = 20261229

DELIVERIES = ("plain", "json", "diff", "numbered", "cilog", "fence")

SETTINGS: tuple[str, ...] = (
    "museum-archives",
    "law-practice",
    "construction-field",
    "sports-league",
    "freight-trucking",
    "dating-social",
    "benefits-casework",
    "hotel-locks",
    "kiosk-signage",
    "survey-panels",
    "marine-aviation",
    "desktop-accounting",
)

VENDOR_CLASSES: frozenset[str] = frozenset(
    {
        "github-token",
        "npm-token",
        "aws-access-key",
        "slack-token",
        "stripe-key",
        "stripe-webhook-secret",
        "sendgrid-key",
        "twilio-key",
        "gitlab-token",
        "google-api-key",
        "samsara-token",
        "square-token",
        "tailscale-key",
        "sentry-token",
        "openai-key",
        "shopify-token",
        "digitalocean-token",
        "vault-token",
        "grafana-token",
        "posthog-key",
        "mapbox-token",
    }
)

#: Each vendor class's published prefixes (what a token of the class starts with).
VENDOR_PREFIXES: dict[str, tuple[str, ...]] = {
    "github-token": ("gh" + "p_", "gh" + "o_"),
    "npm-token": ("np" + "m_",),
    "aws-access-key": ("AK" + "IA",),
    "slack-token": ("xo" + "xb-", "xo" + "xp-"),
    "stripe-key": ("sk" + "_live_", "rk" + "_live_"),
    "stripe-webhook-secret": ("wh" + "sec_",),
    "sendgrid-key": ("S" + "G.",),
    "twilio-key": ("S" + "K",),
    "gitlab-token": ("gl" + "pat-",),
    "google-api-key": ("AI" + "za",),
    "samsara-token": ("samsara" + "_api_",),
    "square-token": ("EA" + "AA",),
    "tailscale-key": ("tskey" + "-auth-",),
    "sentry-token": ("sntry" + "s_",),
    "openai-key": ("sk" + "-proj-",),
    "shopify-token": ("sh" + "pat_",),
    "digitalocean-token": ("do" + "p_v1_",),
    "vault-token": ("hv" + "s.",),
    "grafana-token": ("gl" + "sa_",),
    "posthog-key": ("ph" + "x_",),
    "mapbox-token": ("s" + "k.",),
}

CLASSES: frozenset[str] = VENDOR_CLASSES | frozenset(
    {
        "password",
        "email",
        "person-name",
        "card-number",
        "iban",
        "ssn",
        "private-key",
        "ssh-private-key",
        "jwt",
        "url-password",
        "api-key",
        "bearer-token",
        "session-cookie",
        "client-secret",
        "app-secret",
        "password-hash",
        "recovery-phrase",
        "ip-address",
        "basic-auth",
        "aws-secret-key",
        "wifi-psk",
        "home-user",
        "wireguard-key",
        "key-id",
        "k8s-secret",
    }
)


@attrs.frozen
class Secret:
    """A labelled value the policy says goes, as delivered, at its offset in the delivered text."""

    cls: str
    text: str
    offset: int


@attrs.frozen
class Keep:
    """A labelled value the policy says stays (its first occurrence; every occurrence must stay)."""

    text: str
    offset: int


@attrs.frozen
class Document:
    """One delivered document of a setting with its labels."""

    name: str
    setting: str
    delivery: str
    text: str
    secrets: tuple[Secret, ...]
    keeps: tuple[Keep, ...]


# ----------------------------------------------------------------------------------------------------------
# Format checks (public: the tests hold the fakes to them)

_B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def _b62(n: int, width: int) -> str:
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = _B62[r] + out
    return out.rjust(width, "0")


def _crc6(body: str) -> str:
    return _b62(zlib.crc32(body.encode()), 6)


def crc_token_ok(token: str, prefix: str) -> bool:
    """GitHub's and npm's layout: the prefix, 30 base62 characters and their CRC32 in 6 base62 ones."""
    if not token.startswith(prefix):
        return False
    body = token[len(prefix) :]
    if len(body) != 36 or any(c not in _B62 for c in body):
        return False
    return _crc6(body[:30]) == body[30:]


def luhn_ok(number: str) -> bool:
    """The Luhn check of a card number (blanks and dashes ignored)."""
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) < 12 or any(c not in "0123456789 -" for c in number):
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


_IBAN_LENGTHS = {"DE": 22, "GB": 22, "NL": 18, "FR": 27, "ES": 24, "IE": 22, "BE": 16}


def iban_ok(iban: str) -> bool:
    """Mod 97 over a registry country's IBAN of its length (compact or in groups of four)."""
    compact = iban.replace(" ", "")
    if len(compact) < 5 or _IBAN_LENGTHS.get(compact[:2]) != len(compact) or not compact.isalnum():
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def ssn_ok(ssn: str) -> bool:
    """A US social security number in issuance ranges (dashed or not)."""
    m = re.fullmatch(r"(\d{3})-?(\d{2})-?(\d{4})", ssn)
    if not m:
        return False
    area, group, serial = (int(g) for g in m.groups())
    return 0 < area < 900 and area != 666 and group != 0 and serial != 0


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
        "avoid",
        "awake",
        "aware",
        "away",
        "awesome",
        "awful",
        "awkward",
    ][:128]
)


def bip39_ok(phrase: str) -> bool:
    """The BIP-39 checksum of a 12-word phrase drawn from the list's first 128 words."""
    words = phrase.split()
    if len(words) != 12 or any(w not in BIP39_HEAD for w in words):
        return False
    bits = "".join(format(BIP39_HEAD.index(w), "011b") for w in words)
    entropy = int(bits[:128], 2).to_bytes(16, "big")
    return format(hashlib.sha256(entropy).digest()[0] >> 4, "04b") == bits[128:]


# ----------------------------------------------------------------------------------------------------------
# Fakes


_FIRST = [
    "Marisol",
    "Tobias",
    "Ingrid",
    "Desmond",
    "Priyanka",
    "Rafael",
    "Henrietta",
    "Okonkwo",
    "Svetlana",
    "Lucian",
    "Beatriz",
    "Caspian",
    "Imogen",
    "Thaddeus",
    "Yolanda",
    "Emeka",
    "Rosalind",
    "Anselm",
    "Paloma",
    "Viggo",
    "Saoirse",
    "Dashiell",
    "Nkechi",
    "Florian",
    "Ottilie",
    "Benedikt",
    "Ximena",
    "Leopold",
    "Anneliese",
    "Cormac",
    "Zofia",
    "Ignatius",
    "Marguerite",
    "Tarquin",
    "Esperanza",
    "Radomir",
]
_LAST = [
    "Okafor",
    "Vasquez-Lindqvist",
    "Thornbury",
    "Nakashima",
    "Abernathy",
    "Delacroix",
    "Kowalczyk",
    "Ravensworth",
    "Achterberg",
    "Mbeki",
    "Quintero",
    "Haverford",
    "Lindgren",
    "Castellanos",
    "Szymanski",
    "Fairweather",
    "Oyelaran",
    "Brandtner",
    "Montague",
    "Vukovic",
    "Pemberton",
    "Arriola",
    "Whitlock",
    "Gallagher",
    "Trondsen",
    "Esposito",
    "Kirkpatrick",
    "Nightingale",
    "Zabrowski",
    "Ferreira",
    "Aldridge",
]
_DOM_A = [
    "kestrel",
    "harbourline",
    "ironleaf",
    "bluefinch",
    "copperline",
    "northgate",
    "millbrook",
    "redcedar",
    "saltmarsh",
    "quarrystone",
]
_DOM_B = ["mail", "post", "inbox", "net", "works", "hq"]
_TLD = ["net", "org", "io", "co.uk", "de", "nl"]
_WORDS = [
    "lantern",
    "mango",
    "cobalt",
    "willow",
    "saffron",
    "pepper",
    "harbor",
    "falcon",
    "tundra",
    "pickle",
    "juniper",
    "marble",
    "orchid",
    "basalt",
    "comet",
    "meadow",
    "quill",
    "ember",
    "glacier",
    "thistle",
]
_PW_SYMBOLS = "!*-_.^~+"


@attrs.define
class _Fakes:
    """Every fake value, drawn from one seeded generator."""

    r: random.Random

    def pick(self, seq: Sequence[str]) -> str:
        return seq[self.r.randrange(len(seq))]

    def chars(self, alphabet: str, n: int) -> str:
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def mixed(self, alphabet: str, n: int) -> str:
        """A run holding both letters and digits (a generated token always does)."""
        while True:
            s = self.chars(alphabet, n)
            if any(c.isdigit() for c in s) and any(c.isalpha() for c in s):
                return s

    def b62(self, n: int) -> str:
        return self.mixed(_B62, n)

    def hexs(self, n: int) -> str:
        return self.mixed("0123456789abcdef", n)

    def digits(self, n: int) -> str:
        return self.chars(string.digits, n)

    def b64url(self, n: int) -> str:
        return self.mixed(string.ascii_letters + string.digits + "-_", n)

    def num(self, lo: int, hi: int) -> int:
        return self.r.randint(lo, hi)

    # people and places
    def first(self) -> str:
        return self.pick(_FIRST)

    def last(self) -> str:
        return self.pick(_LAST)

    def person(self) -> str:
        return f"{self.first()} {self.last()}"

    def domain(self) -> str:
        return f"{self.pick(_DOM_A)}{self.pick(_DOM_B)}.{self.pick(_TLD)}"

    def email(self, name: str | None = None) -> str:
        name = name or self.person()
        first, last = name.split(" ", 1)
        local = self.pick(
            [f"{first}.{last}", f"{first[0]}{last}", f"{first}{self.num(1, 99)}", f"{last}.{first[0]}"]
        ).lower()
        return local.replace("-", "") + "@" + self.domain()

    def user(self) -> str:
        return (self.first()[0] + self.last()).lower().replace("-", "") + str(self.num(2, 99))

    def phone(self) -> str:
        return f"+1 {self.num(201, 989)} 555 {self.digits(4)}"

    # credentials
    def password(self) -> str:
        style = self.r.randrange(3)
        if style == 0:
            return f"{self.pick(_WORDS)}.{self.pick(_WORDS)}{self.num(100, 9999)}"
        if style == 1:
            return f"{self.pick(_WORDS).title()}-{self.pick(_WORDS).title()}-{self.num(10, 99)}{self.pick('!*^')}"
        return self.pick(string.ascii_letters) + self.mixed(
            string.ascii_letters + string.digits + _PW_SYMBOLS, 15
        )

    def token(self, n: int = 40) -> str:
        return self.b62(n)

    def b64key(self, nbytes: int = 32) -> str:
        while True:
            s = base64.b64encode(self.r.randbytes(nbytes)).decode()
            if any(c.isdigit() for c in s) and any(c in "+/" for c in s):
                return s

    def aws_secret(self) -> str:
        return self.mixed(string.ascii_letters + string.digits + "/+", 40)

    def private_ip(self) -> str:
        kind = self.r.randrange(3)
        if kind == 0:
            return f"10.{self.num(1, 254)}.{self.num(1, 254)}.{self.num(2, 250)}"
        if kind == 1:
            return f"172.{self.num(16, 31)}.{self.num(1, 254)}.{self.num(2, 250)}"
        return f"192.168.{self.num(2, 254)}.{self.num(2, 250)}"

    def public_ip(self) -> str:
        head = self.pick(["34", "52", "81", "94", "145", "185"])
        return f"{head}.{self.num(1, 254)}.{self.num(1, 254)}.{self.num(2, 250)}"

    def doc_ip(self) -> str:
        return f"{self.pick(['192.0.2', '198.51.100', '203.0.113'])}.{self.num(2, 250)}"

    def uuid(self) -> str:
        h = self.hexs(32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"

    def sha40(self) -> str:
        return self.hexs(40)

    def sha64(self) -> str:
        return self.hexs(64)

    def version(self) -> str:
        return f"{self.num(1, 9)}.{self.num(0, 20)}.{self.num(0, 30)}"

    def quad_version(self) -> str:
        return f"{self.num(1, 6)}.{self.num(0, 12)}.{self.num(0, 9)}.{self.num(10, 99)}"

    # checked formats
    def card(self) -> str:
        while True:
            head = self.pick(["4", "51", "53", "55"])
            body = head + self.digits(15 - len(head))
            for check in "0123456789":
                if luhn_ok(body + check):
                    number = body + check
                    break
            if not number.startswith("4242"):
                return number

    def card_spaced(self) -> str:
        c = self.card()
        return " ".join(c[i : i + 4] for i in range(0, 16, 4))

    def iban(self, grouped: bool = False) -> str:
        cc = self.pick(["DE", "GB", "NL", "FR", "IE", "BE"])
        if cc == "DE":
            bban = self.digits(18)
        elif cc == "GB" or cc == "IE":
            bban = self.chars(string.ascii_uppercase, 4) + self.digits(14)
        elif cc == "NL":
            bban = self.chars(string.ascii_uppercase, 4) + self.digits(10)
        elif cc == "FR":
            bban = self.digits(23)
        else:
            bban = self.digits(12)
        moved = bban + cc + "00"
        check = 98 - int("".join(str(int(c, 36)) for c in moved)) % 97
        iban = f"{cc}{check:02d}{bban}"
        if grouped:
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban

    def bad_iban(self) -> str:
        good = self.iban()
        wrong = (int(good[2:4]) + self.num(1, 40)) % 97 + 2
        return f"{good[:2]}{wrong % 100:02d}{good[4:]}"

    def ssn(self, dashed: bool = True) -> str:
        area = self.num(1, 899)
        while area == 666:
            area = self.num(1, 899)
        s = f"{area:03d}-{self.num(1, 99):02d}-{self.num(1, 9999):04d}"
        return s if dashed else s.replace("-", "")

    def jwt(self, sub: str | None = None) -> str:
        def enc(b: bytes) -> str:
            return base64.urlsafe_b64encode(b).decode().rstrip("=")

        header = enc(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
        iat = self.num(1_760_000_000, 1_790_000_000)
        payload = {
            "sub": sub or self.uuid(),
            "iat": iat,
            "exp": iat + 3600,
            "scope": self.pick(["ops", "read"]),
        }
        body = enc(json.dumps(payload, separators=(",", ":")).encode())
        return f"{header}.{body}.{enc(self.r.randbytes(32))}"

    def pem(self) -> str:
        inner = bytes([0x02, 0x01, 0x00]) + self.r.randbytes(self.num(300, 600))
        der = bytes([0x30, 0x82]) + len(inner).to_bytes(2, "big") + inner
        b = base64.b64encode(der).decode()
        label = self.pick(["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"])
        lines = [b[i : i + 64] for i in range(0, len(b), 64)]
        dash = "-----"
        return "\n".join([f"{dash}BEGIN {label}{dash}", *lines, f"{dash}END {label}{dash}"])

    def openssh(self) -> str:
        body = b"openssh-key-v1\x00" + self.r.randbytes(self.num(180, 260))
        b = base64.b64encode(body).decode()
        lines = [b[i : i + 70] for i in range(0, len(b), 70)]
        dash = "-----"
        return "\n".join(
            [f"{dash}BEGIN OPENSSH PRIVATE KEY{dash}", *lines, f"{dash}END OPENSSH PRIVATE KEY{dash}"]
        )

    def ssh_public(self) -> str:
        blob = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + self.r.randbytes(32)
        return "ssh-ed25519 " + base64.b64encode(blob).decode()

    def bip39(self) -> str:
        idx = [self.num(0, 127) for _ in range(11)]
        tail = self.num(0, 7)
        bits = "".join(format(i, "011b") for i in idx) + format(tail, "07b")
        check = hashlib.sha256(int(bits, 2).to_bytes(16, "big")).digest()[0] >> 4
        idx.append(tail << 4 | check)
        return " ".join(BIP39_HEAD[i] for i in idx)

    def bcrypt(self) -> str:
        return "$2b$12$" + self.mixed(string.ascii_letters + string.digits + "./", 53)

    def sha512crypt(self) -> str:
        alpha = string.ascii_letters + string.digits + "./"
        return "$6$" + self.mixed(alpha, 16) + "$" + self.mixed(alpha, 86)

    # vendors
    def github(self) -> str:
        body = self.b62(30)
        return self.pick(VENDOR_PREFIXES["github-token"]) + body + _crc6(body)

    def npm(self) -> str:
        body = self.b62(30)
        return VENDOR_PREFIXES["npm-token"][0] + body + _crc6(body)

    def akid(self) -> str:
        return "AK" + "IA" + self.mixed(string.ascii_uppercase + "234567", 16)

    def slack(self) -> str:
        return f"{VENDOR_PREFIXES['slack-token'][0]}{self.digits(12)}-{self.digits(13)}-{self.b62(24)}"

    def stripe(self) -> str:
        return self.pick(VENDOR_PREFIXES["stripe-key"]) + "51" + self.b62(self.num(30, 60))

    def whsec(self) -> str:
        return VENDOR_PREFIXES["stripe-webhook-secret"][0] + self.b62(32)

    def sendgrid(self) -> str:
        return "S" + "G." + self.b64url(22) + "." + self.b64url(43)

    def twilio(self) -> str:
        return "S" + "K" + self.hexs(32)

    def gitlab(self) -> str:
        return VENDOR_PREFIXES["gitlab-token"][0] + self.b64url(20)

    def google(self) -> str:
        return "AI" + "za" + "Sy" + self.b64url(33)

    def samsara(self) -> str:
        return VENDOR_PREFIXES["samsara-token"][0] + self.b62(30)

    def square(self) -> str:
        return "EA" + "AA" + self.b64url(60)

    def tailscale(self) -> str:
        return VENDOR_PREFIXES["tailscale-key"][0] + "k" + self.b62(12) + "CNTRL-" + self.b62(32)

    def sentry(self) -> str:
        claims = json.dumps({"iat": self.num(1_760_000_000, 1_790_000_000), "org": self.pick(_DOM_A)})
        body = base64.b64encode(claims.encode()).decode().rstrip("=")
        return VENDOR_PREFIXES["sentry-token"][0] + body + "_" + self.b64url(43)

    def openai(self) -> str:
        return "sk" + "-proj-" + self.b64url(56) + "T3Blbk" + "FJ" + self.b64url(56)

    def shopify(self) -> str:
        return "sh" + "pat_" + self.hexs(32)

    def digitalocean(self) -> str:
        return "do" + "p_v1_" + self.hexs(64)

    def vault(self) -> str:
        return "hv" + "s." + self.b62(24)

    def grafana(self) -> str:
        return "gl" + "sa_" + self.b62(32) + "_" + self.hexs(8)

    def posthog_personal(self) -> str:
        return "ph" + "x_" + self.b62(43)

    def posthog_project(self) -> str:
        return "ph" + "c_" + self.b62(43)

    def mapbox(self, public: bool = False) -> str:
        claims = json.dumps({"u": self.pick(_DOM_A), "a": self.b62(12)}, separators=(",", ":"))
        body = base64.urlsafe_b64encode(claims.encode()).decode().rstrip("=")
        return ("p" if public else "s") + "k." + body + "." + self.b64url(22)

    # look-alikes that hold nothing
    def aws_example(self) -> str:
        return "AK" + "IA" + "IOSFODNN7" + "EXAMPLE"

    def gh_filler(self) -> str:
        return "gh" + "p_" + "x" * 36

    def test_card(self, spaced: bool = False) -> str:
        return ("4242 " * 4).strip() if spaced else "4242" * 4

    def placeholder(self) -> str:
        return self.pick(
            ["changeme", "<your-api-key>", "${API_TOKEN}", "<your-client-secret>", "password_here"]
        )

    def doc_email(self) -> str:
        return self.pick(["jane", "j.doe", "ops", "support", "someone"]) + "@" + "example.com"


# ----------------------------------------------------------------------------------------------------------
# Documents as templates: `$<name>` marks a value; `S(...)` a secret, `K(...)` a keep, plain str a filler.


@attrs.frozen
class S:
    """A secret value placed in a template."""

    cls: str
    text: str


@attrs.frozen
class K:
    """A kept value placed in a template."""

    text: str


Part = str | S | K
Body = tuple[str, str, list[Part]]  # (path or title, fence language, parts)
Kind = Callable[[_Fakes], Body]

_SLOT = re.compile(r"\$<(\w+)>")


def _t(template: str, **values: Part) -> list[Part]:
    """Fill a template (dedented) with values; the same name may stand several times."""
    text = textwrap.dedent(template).lstrip("\n")
    parts: list[Part] = []
    pos = 0
    for m in _SLOT.finditer(text):
        parts.append(text[pos : m.start()])
        parts.append(values[m.group(1)])
        pos = m.end()
    parts.append(text[pos:])
    return parts


def _join(parts: Iterable[Part]) -> str:
    return "".join(p if isinstance(p, str) else p.text for p in parts)


# ----------------------------------------------------------------------------------------------------------
# museum and archive collections


def _museum_ca_setup(f: _Fakes) -> Body:
    pw = S("password", f.password())
    admin = f.person()
    variant = f.r.randrange(2)
    if variant == 0:
        return (
            "setup.php",
            "php",
            _t(
                """
            <?php
            # CollectiveAccess Providence -- site overrides for the $<inst> catalogue
            define("__CA_DB_HOST__", '$<host>');
            define("__CA_DB_USER__", 'ca_prov');
            define("__CA_DB_PASSWORD__", '$<pw>');
            define("__CA_DB_DATABASE__", 'providence');
            define("__CA_APP_DISPLAY_NAME__", "$<inst> Collections");
            define("__CA_ADMIN_EMAIL__", '$<admin_email>');
            define("__CA_SMTP_SERVER__", '$<smtp>');
            define("__CA_GOOGLE_MAPS_KEY__", '$<maps>');
            // memcached on the same box
            define("__CA_MEMCACHED_HOST__", '$<lo>');
            """,
                inst=f.pick(
                    ["Millbrook Historical Society", "Saltmarsh Maritime Museum", "Redcedar County Archive"]
                ),
                host=K("localhost"),
                pw=pw,
                admin_email=S("email", f.email(admin)),
                smtp=K("smtp." + f.pick(["example.org", "example.net"])),
                maps=S("google-api-key", f.google()),
                lo=K("127.0.0.1"),
            ),
        )
    return (
        "shell",
        "console",
        _t(
            """
        $ grep -n "__CA_DB" setup.php
        14:define("__CA_DB_HOST__", "localhost");
        15:define("__CA_DB_USER__", "collectiveaccess");
        16:define("__CA_DB_PASSWORD__", "$<pw>");
        $ mysql -u collectiveaccess -p providence -e "SELECT COUNT(*) FROM ca_objects"
        +----------+
        | COUNT(*) |
        +----------+
        |    $<n> |
        +----------+
        $ git log -1 --format='%H %s'
        $<sha> Bump Providence to $<ver>
        """,
            pw=pw,
            n=str(f.num(10000, 99999)),
            sha=K(f.sha40()),
            ver=K(f.version()),
        ),
    )


def _museum_aspace_config(f: _Fakes) -> Body:
    dbpw = f.password().replace("&", "")
    return (
        "config/config.rb",
        "ruby",
        _t(
            """
        AppConfig[:db_url] = "jdbc:mysql://db-archives:3306/archivesspace?user=as&password=$<dbpw>&useUnicode=true"
        AppConfig[:backend_url] = "http://localhost:8089"
        AppConfig[:frontend_proxy_url] = "https://$<proxy>"
        AppConfig[:search_user_secret] = "$<s1>"
        AppConfig[:public_user_secret] = ENV.fetch("AS_PUBLIC_USER_SECRET")
        AppConfig[:enable_oai] = true
        # solr stays on the private network $<net>
        AppConfig[:solr_url] = "http://$<solr>:8983/solr/archivesspace"
        """,
            dbpw=S("url-password", dbpw),
            proxy=K("archives." + f.pick(["example.org", "example.edu", "example.net"])),
            s1=S("app-secret", f.b62(40)),
            net=K("10.0.0.0/8"),
            solr=K("127.0.0.1"),
        ),
    )


def _museum_donor_xml(f: _Fakes) -> Body:
    name = f.person()
    return (
        "exports/donors.xml",
        "xml",
        _t(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <accessions exported="2025-03-0$<d>" tool="ca-export $<ver>">
              <accession idno="$<year>.$<n>.1">
                <donor>
                  <name>$<name></name>
                  <email>$<email></email>
                  <relationship>bequest</relationship>
                </donor>
                <title>Harbour pilot's logbooks, $<year2> to $<year3></title>
              </accession>
            </accessions>
            """,
            d=str(f.num(1, 9)),
            ver=K(f.version()),
            year=str(f.num(2015, 2025)),
            n=str(f.num(1, 90)),
            name=S("person-name", name),
            email=S("email", f.email(name)),
            year2=str(f.num(1890, 1920)),
            year3=str(f.num(1921, 1950)),
        ),
    )


def _museum_donor_csv(f: _Fakes) -> Body:
    if f.r.random() < 0.4:
        return _museum_donor_xml(f)
    rows: list[Part] = ["accession_number,donor_name,phone,gift_date,credit_line\n"]
    year = f.num(2015, 2025)
    for i in range(1):
        name = f.person()
        rows += [
            f"{year}.{f.num(1, 80)}.{i + 1},",
            S("person-name", name),
            f",{f.phone()},{year}-{f.num(1, 12):02d}-{f.num(1, 28):02d},Gift of the {name.split()[1]} family\n",
        ]
    rows += ["2019.4.1,", K("Jane Doe"), ",,2019-03-02,sample row from the import template\n"]
    rows += ["# questions: ", K("registrar@example.com"), "\n"]
    intro = f"$ head -n 6 exports/donors_{year}.csv\n"
    return f"exports/donors_{year}.csv", "csv", [intro, *rows]


def _museum_aspace_login(f: _Fakes) -> Body:
    user = f.pick(["admin", "archivist", "registrar"])
    return (
        "shell",
        "console",
        _t(
            """
        $ curl -s -F password="$<pw>" "http://localhost:8089/users/$<user>/login" | tee /tmp/login.json | jq .user.name
        "$<user>"
        $ export TOKEN=$(jq -r .session /tmp/login.json)
        $ curl -s -H "X-ArchivesSpace-Session: $TOKEN" \\
            "http://localhost:8089/repositories/2/accessions?page=1" | jq '.results[0].title'
        "$<title>"
        $ echo 'login token lives in $TOKEN; see https://archivesspace.github.io/tech-docs/ for $<ver>'
        """,
            pw=S("password", f.password()),
            user=user,
            title=f.pick(
                ["Papers of the harbour board", "Photographs, glass plate negatives", "Ledger books"]
            ),
            ver=K("v" + f.version()),
        ),
    )


def _museum_iiif_sync(f: _Fakes) -> Body:
    user = f.user()
    return (
        "shell",
        "console",
        _t(
            """
        $ cat /home/$<user>/.aws/credentials
        [iiif-images]
        aws_access_key_id = $<akid>
        aws_secret_access_key = $<secret>
        # the docs' sample pair, kept for the README: $<example>
        $ aws --profile iiif-images s3 sync ~/scans/ s3://museum-iiif-derivatives/scans/
        upload: scans/obj_$<n>_recto.tif to s3://museum-iiif-derivatives/scans/obj_$<n>_recto.tif
        upload: scans/obj_$<n>_verso.tif to s3://museum-iiif-derivatives/scans/obj_$<n>_verso.tif
        """,
            user=S("home-user", user),
            akid=S("aws-access-key", f.akid()),
            secret=S("aws-secret-key", f.aws_secret()),
            example=K(f.aws_example()),
            n=str(f.num(1000, 9999)),
        ),
    )


def _museum_harvest_traceback(f: _Fakes) -> Body:
    pw = f.password()
    return (
        "harvest.log",
        "text",
        _t(
            """
        Traceback (most recent call last):
          File "/opt/oai-harvest/harvest.py", line $<line>, in <module>
            conn = psycopg2.connect(DSN)
          File "/opt/oai-harvest/.venv/lib/python3.11/site-packages/psycopg2/__init__.py", line 122, in connect
            conn = _connect(dsn, connection_factory=connection_factory, **kwasync)
        psycopg2.OperationalError: connection to server at "$<host>", port 5432 failed: timeout expired
        DSN was postgresql://harvester:$<pw>@db-archive:5432/collections
        harvester build $<sha> (psycopg2 $<ver>)
        """,
            line=str(f.num(40, 300)),
            host=S("ip-address", f.private_ip()),
            pw=S("url-password", pw),
            sha=K(f.sha40()),
            ver=K("2.9." + str(f.num(3, 9))),
        ),
    )


# ----------------------------------------------------------------------------------------------------------
# law-firm practice management


def _law_clio_token(f: _Fakes) -> Body:
    return (
        "shell",
        "console",
        _t(
            """
            $ curl -s -X POST https://app.clio.com/oauth/token \\
                -d grant_type=refresh_token -d client_id=$<cid> -d client_secret=$<cs> -d refresh_token="$REFRESH_TOKEN"
            {"token_type":"bearer","access_token":"$<at>","expires_in":604800,"refresh_token":"$<rt>"}
            $ clio-sync --version
            clio-sync $<ver> ($<sha>)
            """,
            cid=f.b62(40),
            cs=S("client-secret", f.b62(40)),
            rt=S("bearer-token", f.b62(40)),
            at=S("bearer-token", f.b62(48)),
            ver=K(f.version()),
            sha=K(f.hexs(40)),
        ),
    )


def _law_clio_env(f: _Fakes) -> Body:
    if f.r.random() < 0.4:
        return _law_clio_token(f)
    return (
        ".env",
        "dotenv",
        _t(
            """
        # Clio Manage integration (matter sync)
        CLIO_CLIENT_ID=$<cid>
        CLIO_CLIENT_SECRET=$<secret>
        CLIO_REDIRECT_URI=http://localhost:3000/oauth/callback
        CLIO_WEBHOOK_SECRET=$<hook>
        METRICS_BIND=$<lo>:9102
        SENTRY_AUTH_TOKEN=$<sentry>
        """,
            cid=f.b62(40),
            secret=S("client-secret", f.b62(40)),
            hook=K(f.pick(["${CLIO_WEBHOOK_SECRET}", "changeme"])),
            lo=K("127.0.0.1"),
            sentry=S("sentry-token", f.sentry()),
        ),
    )


def _law_intake_json(f: _Fakes) -> Body:
    name = f.person()
    ssn = f.ssn()
    area = f.num(10000, 99999), f.pick(["Estate planning", "Employment", "Family law", "Immigration"])
    email = f.email(name)
    body = {
        "intake_id": area[0],
        "practice_area": area[1],
        "client": {"name": name, "email": email, "phone": f.phone(), "ssn": ssn},
        "conflict_check": "clear",
        "referral": "web form",
        "notify": "intake-queue@example.com",
    }
    text = json.dumps(body, indent=2)
    parts: list[Part] = [text]
    parts = _mark(
        parts,
        S("person-name", name),
        S("email", email),
        S("ssn", ssn),
        K("intake-queue@example.com"),
    )
    return (
        "intake.json",
        "json",
        [f"$ curl -s https://intake.{f.pick(_DOM_A)}.law/api/intakes/latest | jq .\n", *parts],
    )


def _law_trust_ledger(f: _Fakes) -> Body:
    rows: list[Part] = ["date;client_name;matter;description;amount;payer_iban\n"]
    for _ in range(1):
        name = f.person()
        rows += [
            f"2025-{f.num(1, 12):02d}-{f.num(1, 28):02d};",
            S("person-name", name),
            f";{f.num(1000, 9999)}-{f.pick(['EST', 'EMP', 'FAM'])};Retainer deposit;{f.num(500, 9000)},00;",
            S("iban", f.iban()),
            "\n",
        ]
    rows += ["2025-01-02;Sample Client;0000-TST;template row;0,00;", K(f.bad_iban()), "\n"]
    return "trust_ledger.csv", "csv", ["# IOLTA trust ledger export (semicolon separated)\n", *rows]


def _law_pp_api(f: _Fakes) -> Body:
    who = f.person()
    return (
        "shell",
        "http",
        _t(
            """
        GET /api/v2/matters?status=open HTTP/1.1
        Host: app.practicepanther.com
        Authorization: Bearer $<tok>
        Accept: application/json
        Postman-Token: $<pm>

        HTTP/1.1 200 OK
        Content-Type: application/json

        {"matters":[{"id":"$<mid>","name":"Estate of R. Holloway","assigned_to":{"name":"$<who>","email":"$<email>"}}]}
        """,
            tok=S("bearer-token", f.b64url(48)),
            pm=K(f.uuid()),
            mid=f.uuid(),
            who=S("person-name", who),
            email=S("email", f.email(who)),
        ),
    )


def _law_esign_log(f: _Fakes) -> Body:
    signer = f.person()
    return (
        "esign-worker.log",
        "text",
        _t(
            """
        INFO  envelope $<env> sent for signature
        INFO  Signer: $<signer> <$<s_email>>
        INFO  token endpoint $<tokurl>
        DEBUG POST https://account-d.docusign.com/oauth/token grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer
        DEBUG assertion=$<jwt>
        INFO  webhook delivered from $<docip> (retry 0)
        """,
            env=f.uuid(),
            signer=S("person-name", signer),
            s_email=S("email", f.email(signer)),
            tokurl=K("https://account-d.docusign.com/oauth/token"),
            jwt=S("jwt", f.jwt()),
            docip=K(f.doc_ip()),
        ),
    )


def _law_git_log(f: _Fakes) -> Body:
    a = f.person()
    return (
        "shell",
        "console",
        _t(
            """
        $ git log -2 --stat
        commit $<c1>
        Author: $<a> <$<a_email>>
        Date:   Tue Mar 4 10:$<mm>:11 2025 -0500

            conflict check: match on former-client aliases

         app/conflicts.py | 14 +++++++++-----
        commit $<c2>
        Author: GitHub <noreply@github.com>
        Date:   Mon Mar 3 16:02:45 2025 -0500

            Merge pull request #$<pr> from firm/trust-rounding
        """,
            c1=K(f.sha40()),
            a=S("person-name", a),
            a_email=S("email", f.email(a)),
            mm=f"{f.num(10, 59)}",
            c2=K(f.sha40()),
            pr=str(f.num(100, 900)),
        ),
    )


def _mark(parts: list[Part], *values: S | K) -> list[Part]:
    """Split plain strings of `parts` around each of `values` (every occurrence)."""
    for v in values:
        out: list[Part] = []
        for p in parts:
            if not isinstance(p, str) or v.text not in p:
                out.append(p)
                continue
            pieces = p.split(v.text)
            for i, piece in enumerate(pieces):
                if i:
                    out.append(v)
                out.append(piece)
        parts = out
    return parts


# ----------------------------------------------------------------------------------------------------------
# construction and field service


def _field_procore_env(f: _Fakes) -> Body:
    variant = f.r.randrange(2)
    if variant == 0:
        return (
            ".env.production",
            "dotenv",
            _t(
                """
            PROCORE_CLIENT_ID=$<cid>
            PROCORE_CLIENT_SECRET=$<secret>
            PROCORE_COMPANY_ID=$<co>
            # README says: PROCORE_CLIENT_SECRET=$<ph>
            SLACK_BOT_TOKEN=$<slack>
            """,
                cid=f.b62(43),
                secret=S("client-secret", f.b62(43)),
                co=str(f.num(10000, 99999)),
                ph=K("<your-client-secret>"),
                slack=S("slack-token", f.slack()),
            ),
        )
    return (
        "config/procore.yml",
        "yaml",
        _t(
            """
        procore:
          base_url: https://api.procore.com
          client_id: "$<cid>"
          client_secret: "$<secret>"
          company_id: $<co>
        notifications:
          slack_bot_token: "$<slack>"
          channel: "#site-daily-logs"
          signing_secret: "$<tmpl>"
        """,
            cid=f.b62(43),
            secret=S("client-secret", f.b62(43)),
            co=str(f.num(10000, 99999)),
            slack=S("slack-token", f.slack()),
            tmpl=K("{{ slack_signing_secret }}"),
        ),
    )


def _field_servicetitan_py(f: _Fakes) -> Body:
    return (
        "st_sync.py",
        "python",
        _t(
            """
        import httpx

        TENANT = $<tenant>
        APP_KEY = "ak1.$<appkey>"
        CLIENT_ID = "cid.$<cid>"
        CLIENT_SECRET = "cs1.$<cs>"
        # the onboarding guide's sample: CLIENT_SECRET = "$<ph>"


        def token() -> str:
            r = httpx.post(
                "https://auth.servicetitan.io/connect/token",
                data={"grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET},
            )
            r.raise_for_status()
            return r.json()["access_token"]


        def dispatch_board(day: str) -> list[dict]:
            # the bearer goes in the header, the app key in ST-App-Key
            headers = {"Authorization": token(), "ST-App-Key": APP_KEY}
            return httpx.get(f"https://api.servicetitan.io/dispatch/v2/tenant/{TENANT}/appointments?day={day}",
                             headers=headers).json()["data"]
        """,
            tenant=str(f.num(100000000, 999999999)),
            appkey=f.b62(24),
            cid=f.b62(14),
            cs=S("client-secret", f.b62(40)),
            ph=K("<your-client-secret>"),
        ),
    )


def _field_dispatch_json(f: _Fakes) -> Body:
    name = f.person()
    return (
        "shell",
        "console",
        _t(
            """
            $ st technicians list --active --json | jq '.[0]'
            {
              "id": $<id>,
              "name": "$<name>",
              "email": "$<email>",
              "phone": "$<phone>",
              "team": "$<team>",
              "homeZone": "North"
            }
            $ st --version
            st-cli $<ver>
            """,
            id=str(f.num(1000000, 9999999)),
            name=S("person-name", name),
            email=S("email", f.email(name)),
            phone=f.phone(),
            team=f.pick(["HVAC", "Plumbing", "Electrical"]),
            ver=K(f.version()),
        ),
    )


def _field_dispatch_csv(f: _Fakes) -> Body:
    if f.r.random() < 0.4:
        return _field_dispatch_json(f)
    rows: list[Part] = ["job_id,technician_name,site,window,gate_code,notes\n"]
    for _ in range(1):
        name = f.person()
        rows += [
            f"J-{f.num(10000, 99999)},",
            S("person-name", name),
            f",{f.num(10, 999)} {f.pick(['Quarry Rd', 'Harbour St', 'Elm Ave'])},08:00-12:00,#{f.digits(4)},"
            f"{f.pick(['bring ladder', 'call on arrival', 'dog on site'])}\n",
        ]
    rows += ["# office contact: ", K("dispatch@example.com"), "\n"]
    return "dispatch_today.csv", "csv", ["$ cat dispatch_today.csv\n", *rows]


def _field_twilio_sms(f: _Fakes) -> Body:
    return (
        "notify.log",
        "text",
        _t(
            """
        [notify] using Twilio API key $<sk> (account AC$<acct>)
        [notify] TWILIO_API_SECRET=$<secret>
        [notify] sending ETA update for job J-$<job> to tech $<phone>
        [notify] POST https://api.twilio.com/2010-04-01/Accounts/AC$<acct>/Messages.json -> 201
        [notify] callback from $<docip> ok
        """,
            sk=S("twilio-key", f.twilio()),
            acct=f.hexs(32),
            secret=S("api-key", f.b62(32)),
            job=str(f.num(10000, 99999)),
            phone=f.phone(),
            docip=K(f.doc_ip()),
        ),
    )


def _field_trailer_wifi(f: _Fakes) -> Body:
    ssid = f.pick(["SiteTrailer", "JobBox", "FieldOffice"]) + "-" + str(f.num(10, 99))
    variant = f.r.randrange(2)
    if variant == 0:
        return (
            "shell",
            "console",
            _t(
                """
            $ nmcli -s -g 802-11-wireless-security.psk connection show $<ssid>
            $<psk>
            $ ip -4 addr show wlan0 | grep inet
                inet $<ip>/24 brd $<bcast> scope global dynamic wlan0
            """,
                ssid=ssid,
                psk=S("wifi-psk", f.pick(_WORDS) + "-" + f.pick(_WORDS) + "-" + str(f.num(100, 999))),
                ip=S("ip-address", "192.168.50." + str(f.num(20, 200))),
                bcast=K("192.168.50.255"),
            ),
        )
    return (
        "/etc/wpa_supplicant/wpa_supplicant.conf",
        "ini",
        _t(
            """
        ctrl_interface=DIR=/var/run/wpa_supplicant GROUP=netdev
        country=US
        network={
            ssid="$<ssid>"
            psk="$<psk>"
            key_mgmt=WPA-PSK
        }
        # fallback: documented defaults use psk="$<ph>"
        """,
            ssid=ssid,
            psk=S("wifi-psk", f.pick(_WORDS).title() + f.pick(_WORDS) + str(f.num(1000, 9999)) + "!"),
            ph=K("changeme"),
        ),
    )


def _field_k8s_secret(f: _Fakes) -> Body:
    def b64(s: str) -> str:
        return base64.b64encode(s.encode()).decode()

    return (
        "k8s/servicetitan-sync-secret.yaml",
        "yaml",
        _t(
            """
        apiVersion: v1
        kind: Secret
        metadata:
          name: servicetitan-sync
          namespace: field-ops
        type: Opaque
        data:
          client-secret: $<a>
          db-password: $<b>
        stringData:
          api-key-ref: "$<ref>"
        """,
            a=S("k8s-secret", b64("cs1." + f.b62(36))),
            b=S("k8s-secret", b64(f.password())),
            ref=K("{{ .Values.apiKeySecretName }}"),
        ),
    )


# ----------------------------------------------------------------------------------------------------------
# sports club and league management


def _sports_registration_csv(f: _Fakes) -> Body:
    rows: list[Part] = ["player_id,birth_year,team,guardian_name,guardian_phone\n"]
    for _ in range(1):
        g = f.person()
        rows += [
            f"P{f.num(10000, 99999)},{f.num(2010, 2018)},U{f.num(8, 14)} {f.pick(['Hawks', 'Comets', 'Otters'])},",
            S("person-name", g),
            f",{f.phone()}\n",
        ]
    rows += ["P00000,2015,U10 Test,", K("Jane Doe"), ",+1 555 0100\n"]
    return (
        "registrations.csv",
        "csv",
        [
            "$ python scripts/export_registrations.py --season spring > registrations.csv\n",
            "$ head registrations.csv\n",
            *rows,
        ],
    )


def _sports_teamsnap(f: _Fakes) -> Body:
    tok = f.b64url(43)
    return (
        "shell",
        "console",
        _t(
            """
        $ curl -s -H "Authorization: Bearer $<tok>" https://api.teamsnap.com/v3/me | jq '.collection.items[0].data[:3]'
        [
          {"name": "id", "value": $<id>},
          {"name": "email", "value": "$<email>"},
          {"name": "locale", "value": "en"},
          {"name": "is_admin", "value": true}
        ]
        # docs: curl -H "Authorization: Bearer $<ref>" ...
        """,
            tok=S("bearer-token", tok),
            id=str(f.num(1000000, 9999999)),
            email=K("coach@example.com"),
            ref=K("${TEAMSNAP_TOKEN}"),
        ),
    )


def _sports_stripe(f: _Fakes) -> Body:
    variant = f.r.randrange(2)
    if variant == 0:
        return (
            "settings/payments.py",
            "python",
            _t(
                """
            # Registration fees are charged through Stripe.
            STRIPE_SECRET_KEY = "$<sk>"
            STRIPE_WEBHOOK_SECRET = "$<wh>"
            STRIPE_TEST_CARD = "$<card>"  # for local checkout runs only
            """,
                sk=S("stripe-key", f.stripe()),
                wh=S("stripe-webhook-secret", f.whsec()),
                card=K(f.test_card()),
            ),
        )
    return (
        "shell",
        "console",
        _t(
            """
        $ stripe listen --forward-to localhost:8000/webhooks/stripe --api-key $<sk>
        > Ready! Your webhook signing secret is $<wh> (^C to quit)
        2025-04-12 09:14:02   --> charge.succeeded [evt_$<evt>]
        2025-04-12 09:14:02  <--  [200] POST http://localhost:8000/webhooks/stripe [evt_$<evt>]
        $ stripe trigger payment_intent.succeeded --add payment_method:card=$<card>
        """,
            sk=S("stripe-key", f.stripe()),
            wh=S("stripe-webhook-secret", f.whsec()),
            evt=f.b62(24),
            card=K(f.test_card()),
        ),
    )


def _sports_referee_vcard(f: _Fakes) -> Body:
    first, last = f.first(), f.last()
    return (
        "referees.vcf",
        "text",
        _t(
            """
            BEGIN:VCARD
            VERSION:3.0
            FN:$<fn>
            N:$<n>;;;
            TEL;TYPE=CELL:$<phone>
            NOTE:Grade $<grade> referee, spring league
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            FN:Jane Doe
            EMAIL:$<doc>
            NOTE:template card
            END:VCARD
            """,
            fn=S("person-name", f"{first} {last}"),
            n=S("person-name", f"{last};{first}"),
            phone=f.phone(),
            grade=str(f.num(4, 8)),
            doc=K("jane.doe@example.com"),
        ),
    )


def _sports_referee_sql(f: _Fakes) -> Body:
    if f.r.random() < 0.4:
        return _sports_referee_vcard(f)
    parts: list[Part] = ["INSERT INTO referees (full_name, phone, grade) VALUES\n"]
    n = 1
    for i in range(n):
        name = f.person()
        parts += [
            "  ('",
            S("person-name", name),
            f"', '{f.phone()}', {f.num(4, 8)}){',' if i < n - 1 else ';'}\n",
        ]
    parts += ["-- assignor contact for the spring tournament: ", K("assignor@example.com"), "\n"]
    return "seed/referees.sql", "sql", parts


def _sports_newsletter(f: _Fakes) -> Body:
    return (
        "newsletter.py",
        "python",
        _t(
            """
        import os

        from sendgrid import SendGridAPIClient

        # TODO move to the environment before the season opens (pinned sendgrid==$<sv>)
        sg = SendGridAPIClient("$<key>")
        square_token = "$<sq>"
        placeholder = os.environ.get("SQUARE_TOKEN", "$<filler>")
        """,
            key=S("sendgrid-key", f.sendgrid()),
            sq=S("square-token", f.square()),
            filler=K("EA" + "AA" + "x" * 60),
            sv=K(f.version()),
        ),
    )


# ----------------------------------------------------------------------------------------------------------
# freight brokerage and trucking


def _freight_carrier_packet(f: _Fakes) -> Body:
    contact = f.person()
    bad = f.bad_iban()
    digest = f.sha64()
    legal = f.pick(["Ridgeway Haulers LLC", "Blue Heron Transport", "Ironleaf Logistics"])
    mc, dot, email = "MC" + f.digits(6), f.digits(7), f.email(contact)
    iban = f.iban()
    body = {
        "carrier": {
            "legal_name": legal,
            "mc_number": mc,
            "dot_number": dot,
            "contact_name": contact,
            "contact_email": email,
            "contact_phone": f.phone(),
        },
        "remit_to": {"iban": iban, "bank": "Saltmarsh Savings", "sample_iban": bad},
        "w9_on_file": True,
        "w9_sha256": digest,
    }
    text = json.dumps(body, indent=2)
    parts = _mark(
        [text],
        S("person-name", contact),
        S("email", email),
        S("iban", iban),
        K(bad),
        K(digest),
    )
    return "carrier_packet.json", "json", parts


def _freight_eld(f: _Fakes) -> Body:
    driver = f.person()
    return (
        "shell",
        "console",
        _t(
            """
        $ curl -s -H "Authorization: Bearer $<tok>" \\
            "https://api.samsara.com/fleet/hos/logs?driverIds=$<did>" | jq '.data[0].driver'
        {
          "id": "$<did>",
          "name": "$<driver>"
        }
        # README: export SAMSARA_API_TOKEN=$<ref>
        $ grep -c DRIVING hos_$<did>.csv
        $<n>
        """,
            tok=S("samsara-token", f.samsara()),
            did=str(f.num(100000, 999999)),
            driver=driver,
            n=str(f.num(3, 40)),
            ref=K("<your-api-key>"),
        ),
    )


def _freight_fuel_statement(f: _Fakes) -> Body:
    driver = f.person()
    return (
        "statement.txt",
        "text",
        _t(
            """
            $ pdftotext -layout fleet_statement_$<month>.pdf - | sed -n '1,9p'
                              FLEET CARD STATEMENT  -  $<month>
            Account: $<acct>
            Card Number:   $<card>
            Driver Name:   $<driver>
            Unit:          TRK-$<unit>
            Purchases:     $<n> ($<gal> gal)
            Test card for the fuel desk: $<test>
            """,
            month=f"2025-{f.num(1, 12):02d}",
            acct=f.digits(8),
            card=S("card-number", f.card_spaced()),
            driver=S("person-name", driver),
            unit=str(f.num(100, 999)),
            n=str(f.num(3, 40)),
            gal=str(f.num(100, 2000)),
            test=K(f.test_card(spaced=True)),
        ),
    )


def _freight_fuel_csv(f: _Fakes) -> Body:
    if f.r.random() < 0.4:
        return _freight_fuel_statement(f)
    rows: list[Part] = ["txn_date,card_number,driver_name,unit,gallons,amount\n"]
    for _ in range(1):
        d = f.person()
        rows += [
            f"2025-{f.num(1, 12):02d}-{f.num(1, 28):02d},",
            S("card-number", f.card()),
            ",",
            S("person-name", d),
            f",TRK-{f.num(100, 999)},{f.num(40, 180)}.{f.num(0, 9)},{f.num(150, 900)}.{f.num(10, 99)}\n",
        ]
    rows += ["2025-01-01,", K(f.test_card()), ",test card,TRK-000,0,0.00\n"]
    return "fuel_txns.csv", "csv", rows


def _freight_loadboard_env(f: _Fakes) -> Body:
    return (
        "docker-compose.yml",
        "yaml",
        _t(
            """
        services:
          loadboard-sync:
            image: ghcr.io/brokerage/loadboard-sync:$<ver>
            environment:
              DAT_USERNAME: dispatch
              DAT_PASSWORD: $<pw>
              TRUCKSTOP_INTEGRATION_ID: "$<iid>"
              GOOGLE_MAPS_KEY: $<maps>
              MAPBOX_PUBLIC_TOKEN: $<pk>
              DATABASE_HOST: postgres
        """,
            ver=K(f.version()),
            pw=S("password", f.password()),
            iid=str(f.num(10000, 99999)),
            maps=S("google-api-key", f.google()),
            pk=K(f.mapbox(public=True)),
        ),
    )


def _freight_tms_traceback(f: _Fakes) -> Body:
    pw = f.password()
    return (
        "traceback",
        "text",
        _t(
            """
        django.db.utils.OperationalError: could not connect to server: Connection refused
            Is the server running on host "$<lo>" and accepting TCP/IP connections on port 5432?

        Local vars (settings.DATABASES['default']):
            'HOST': '$<lo>',
            'NAME': 'tms',
            'PASSWORD': '$<pw>',
            'USER': 'tms_app',
        Mapbox style token (server side): $<mb>
        """,
            lo=K("127.0.0.1"),
            pw=S("password", pw),
            mb=S("mapbox-token", f.mapbox()),
        ),
    )


# ----------------------------------------------------------------------------------------------------------
# dating and social app back ends


def _dating_moderation(f: _Fakes) -> Body:
    lines: list[Part] = []
    for _ in range(1):
        name = f.person()
        rec = {
            "report_id": f.uuid(),
            "reason": f.pick(["spam", "harassment", "fake_profile", "underage"]),
            "reporter_name": name,
            "anonymous_id": "ANONID",
        }
        anon = f.uuid()
        text = json.dumps(rec).replace("ANONID", anon)
        lines += [*_mark([text], S("person-name", name), K(anon)), "\n"]
    return "moderation/reports.jsonl", "json", ["$ head -n 3 moderation/reports.jsonl\n", *lines]


def _dating_key_list(f: _Fakes) -> Body:
    rows = "\n".join(
        f"$<k{i}>  2025-0{f.num(1, 9)}-1{f.num(0, 9)}T0{f.num(0, 9)}:14:03Z  9999-12-31T23:59:59Z  False"
        for i in range(2)
    )
    return (
        "shell",
        "console",
        _t(
            """
            $ gcloud iam service-accounts keys list --iam-account="$SA_EMAIL" --managed-by=user
            KEY_ID                                    CREATED_AT            EXPIRES_AT            DISABLED
            ROWS
            $ git log -1 --format=%H -- deploy/push.tf
            $<sha>
            """.replace("ROWS", rows),
            k0=S("key-id", f.hexs(40)),
            k1=S("key-id", f.hexs(40)),
            sha=K(f.sha40()),
        ),
    )


def _dating_push_creds(f: _Fakes) -> Body:
    project = f.pick(["spark-match", "kindred-app", "meetcute-prod"])
    kid = f.hexs(40)
    key = f.pem()
    variant = f.r.randrange(3)
    if variant == 2:
        return _dating_key_list(f)
    if variant == 0:
        return (
            "firebase-adminsdk.json",
            "json",
            _t(
                """
            {
              "type": "service_account",
              "project_id": "$<project>",
              "private_key_id": "$<kid>",
              "private_key": "$<key>",
              "client_id": "$<cid>",
              "token_uri": "$<uri>"
            }
            """,
                project=project,
                kid=S("key-id", kid),
                key=S("private-key", key.replace("\n", "\\n")),
                cid=f.digits(21),
                uri=K("https://oauth2.googleapis.com/token"),
            ),
        )
    return (
        "AuthKey.p8",
        "text",
        _t(
            """
        $ cat AuthKey_$<keyid>.p8
        $<key>
        $ git log -1 --format=%H -- push/
        $<sha>
        """,
            keyid=f.chars(string.ascii_uppercase + string.digits, 10),
            key=S("private-key", key),
            sha=K(f.sha40()),
        ),
    )


def _dating_slack_alert(f: _Fakes) -> Body:
    return (
        "alerts.py",
        "python",
        _t(
            """
        from slack_sdk import WebClient

        client = WebClient(token="$<tok>")


        def alert(report_id: str, reason: str) -> None:
            client.chat_postMessage(channel="#trust-and-safety", text=f"report {report_id}: {reason}")


        # sample from the SDK docs, never valid: $<filler> (slack_sdk $<sv>)
        """,
            tok=S("slack-token", f.slack()),
            filler=K("xo" + "xb-" + "xxxx-xxxx-xxxx"),
            sv=K(f.version()),
        ),
    )


def _dating_session_http(f: _Fakes) -> Body:
    return (
        "http",
        "http",
        _t(
            """
        POST /v1/moderation/ban HTTP/2
        Host: admin.$<dom>
        Cookie: _ga=$<ga>; sid=$<sid>; theme=dark
        Content-Type: application/json

        {"user_id": "$<uid>", "reason": "scam"}

        HTTP/2 204
        set-cookie: $<cleared>; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT
        """,
            dom=f.domain(),
            ga=K(f"GA1.2.{f.num(100000000, 999999999)}.{f.num(1600000000, 1799999999)}"),
            sid=S("session-cookie", f.b64url(44)),
            uid=f.uuid(),
            cleared=K("sid=deleted"),
        ),
    )


def _dating_sentry_cli(f: _Fakes) -> Body:
    return (
        "shell",
        "console",
        _t(
            """
        $ SENTRY_AUTH_TOKEN=$<tok> sentry-cli releases new "match-api@$<ver>"
        Created release match-api@$<ver>
        $ sentry-cli releases set-commits "match-api@$<ver>" --commit "match/api@$<sha>"
        """,
            tok=S("sentry-token", f.sentry()),
            ver=K(f.version()),
            sha=K(f.sha40()),
        ),
    )


def _dating_jwt_debug(f: _Fakes) -> Body:
    jwt = f.jwt()
    return (
        "shell",
        "python",
        _t(
            """
        >>> token = "$<jwt>"
        >>> jwt.decode(token, options={"verify_signature": False})["scope"]
        'ops'
        >>> settings.POSTHOG_PERSONAL_KEY
        '$<phx>'
        >>> settings.POSTHOG_PROJECT_KEY
        '$<phc>'
        """,
            jwt=S("jwt", jwt),
            phx=S("posthog-key", f.posthog_personal()),
            phc=K(f.posthog_project()),
        ),
    )


# ----------------------------------------------------------------------------------------------------------
# government benefits casework


def _benefits_case_json(f: _Fakes) -> Body:
    client = f.person()
    worker = f.person()
    ssn = f.ssn()
    rec = {
        "caseNumber": f"BC-{f.num(100000, 999999)}",
        "client": {"first": client.split()[0], "last": client.split()[1], "ssn": ssn},
        "assignedCaseworker": {"name": worker, "phone": f.phone()},
        "notes": [
            {"date": f"2025-0{f.num(1, 9)}-1{f.num(0, 9)}", "text": "Client called about recertification."}
        ],
        "exportedBy": "casework-export",
    }
    text = json.dumps(rec, indent=2)
    parts = _mark(
        [text],
        S("person-name", client.split()[0]),
        S("person-name", client.split()[1]),
        S("ssn", ssn),
        S("person-name", worker),
    )
    return "case.json", "json", [f"$ casework export --case {rec['caseNumber']} --format json\n", *parts]


def _benefits_case_notes(f: _Fakes) -> Body:
    if f.r.random() < 0.3:
        return _benefits_case_json(f)
    rows: list[Part] = [
        "# export of caseload 7 for ",
        K("qa-review@example.com"),
        " by casework ",
        K(f.quad_version()),
        "\n",
        "case_id,client_name,ssn,note_date,note\n",
    ]
    for _ in range(1):
        c = f.person()
        rows += [
            f"BC-{f.num(100000, 999999)},",
            S("person-name", c),
            ",",
            S("ssn", f.ssn(dashed=f.r.random() < 0.5)),
            f",2025-{f.num(1, 12):02d}-{f.num(1, 28):02d},",
            f'"{f.pick(["Verified income", "Missed interview", "Docs received"])}"\n',
        ]
    return "case_notes_export.csv", "csv", rows


def _benefits_eligibility_api(f: _Fakes) -> Body:
    user = f.pick(["svc-elig", "caseapi", "intake-bot"])
    pw = f.password()
    basic = base64.b64encode(f"{user}:{pw}".encode()).decode()
    return (
        "http",
        "http",
        _t(
            """
        POST /eligibility/v2/determinations HTTP/1.1
        Host: elig.$<agency>.gov.internal
        Authorization: Basic $<basic>
        Content-Type: application/json

        {"applicant": {"case_id": "BC-$<case>", "household_size": $<hh>}, "program": "SNAP"}

        HTTP/1.1 200 OK
        {"determination": "eligible", "benefit_amount": $<amt>, "rules_version": "$<ver>"}
        """,
            agency=f.pick(["dhs", "hhs", "dss"]),
            basic=S("basic-auth", basic),
            case=str(f.num(100000, 999999)),
            hh=str(f.num(1, 7)),
            amt=str(f.num(100, 900)),
            ver=K(f.version()),
        ),
    )


def _benefits_tool_config(f: _Fakes) -> Body:
    return (
        "caseworker-tool/config.yml",
        "yaml",
        _t(
            """
        ldap:
          url: ldaps://$<ldaphost>:636
          bind_dn: cn=svc-casetool,ou=services,dc=agency,dc=local
          bind_password: $<pw>
        smtp:
          host: smtp.example.gov
          password: "$<ref>"
        documents:
          bucket: case-docs
          aws_secret_access_key: $<aws>
        resolver: $<dns>
        """,
            ldaphost=K(f.doc_ip()),
            pw=S("password", f.password()),
            aws=S("aws-secret-key", f.aws_secret()),
            dns=K(f.pick(["8.8.8.8", "1.1.1.1", "9.9.9.9"])),
            ref=K("{{ vault_smtp_password }}"),
        ),
    )


def _benefits_psql(f: _Fakes) -> Body:
    name = f.person()
    return (
        "psql",
        "text",
        _t(
            """
        $ PGPASSWORD="$<sub>" psql -h db.casework.internal casework
        casework=> \\x
        Expanded display is on.
        casework=> SELECT full_name, ssn, program FROM clients WHERE case_id = 'BC-$<case>';
        -[ RECORD 1 ]-----------------------
        full_name | $<name>
        ssn       | $<ssn>
        program   | TANF
        """,
            case=str(f.num(100000, 999999)),
            name=S("person-name", name),
            ssn=S("ssn", f.ssn()),
            sub=K("$(pass show casework/db)"),
        ),
    )


def _benefits_gitlab_ci(f: _Fakes) -> Body:
    return (
        "ci",
        "text",
        _t(
            """
        $ git clone https://oauth2:$<tok>@gitlab.agency.local/casework/eligibility-rules.git
        Cloning into 'eligibility-rules'...
        $ echo "using runner token from ${CI_JOB_TOKEN} and rules at $<sha>"
        using runner token from [MASKED] and rules at $<sha>
        $ ./deploy.sh --host $<host>  # staging runs on the documentation range
        deployed rules $<ver>
        """,
            tok=S("gitlab-token", f.gitlab()),
            sha=K(f.sha40()),
            host=K(f.doc_ip()),
            ver=K(f.version()),
        ),
    )


# ----------------------------------------------------------------------------------------------------------
# hotel door locks and access control


def _locks_encoder_ini(f: _Fakes) -> Body:
    return (
        "C:\\ProgramData\\LockEncoder\\encoder.ini",
        "ini",
        _t(
            """
        [Encoder]
        ComPort=COM3
        Model=RFID-E$<model>
        Firmware=$<fw>

        [Database]
        Server=LOCKSRV01\\SQLEXPRESS
        User=lockadmin
        Password=$<pw>

        ; the installer's default was Password=$<ph>

        [PMS]
        Interface=FIAS
        ApiKey=$<key>
        """,
            model=str(f.num(100, 999)),
            fw=K(f.quad_version()),
            pw=S("password", f.password()),
            key=S("api-key", f.b62(32)),
            ph=K("changeme"),
        ),
    )


def _locks_controller_json(f: _Fakes) -> Body:
    return (
        "controller-config.json",
        "json",
        _t(
            """
        {
          "controller": {
            "serial": "ACP-$<serial>",
            "firmware_version": "$<fw>",
            "network": {"address": "$<ip>", "netmask": "255.255.255.0", "dns": "$<dns>"},
            "admin_password": "$<pw>",
            "osdp_secure_channel_key": "$<scbk>"
          },
          "doors": [{"id": 1, "name": "Lobby east"}, {"id": 2, "name": "Pool gate"}]
        }
        """,
            serial=str(f.num(100000, 999999)),
            fw=K(f.quad_version()),
            ip=S("ip-address", f.private_ip()),
            dns=K("1.1.1.1"),
            pw=S("password", f.password()),
            scbk=f.hexs(32).upper(),
        ),
    )


def _locks_badge_export(f: _Fakes) -> Body:
    rows: list[Part] = ["FirstName;LastName;BadgeNumber;AccessLevel\n"]
    for _ in range(1):
        first, last = f.first(), f.last()
        rows += [
            S("person-name", first),
            ";",
            S("person-name", last),
            f";{f.num(10000, 65000)};{f.pick(['Housekeeping', 'Engineering', 'Front desk'])}\n",
        ]
    rows += ["# issued by ", K("frontdesk@example.com"), "\n"]
    return "badges.csv", "csv", rows


def _locks_keycard_api(f: _Fakes) -> Body:
    return (
        "shell",
        "console",
        _t(
            """
            $ curl -s -u encoder:$<pw> -X POST https://$<ip>/api/v1/keycards \\\\
                -d room=$<room> -d checkout=2025-06-0$<d>T11:00 -d copies=2
            {"status":"queued","encoder":"E$<enc>","room":"$<room>"}
            $ curl -s https://$<ip>/api/v1/version
            {"version":"$<ver>","netmask":"$<mask>"}
            """,
            pw=S("password", f.password()),
            ip=S("ip-address", f.private_ip()),
            room=str(f.num(100, 999)),
            d=str(f.num(1, 9)),
            enc=str(f.num(1, 9)),
            ver=K(f.quad_version()),
            mask=K("255.255.255.0"),
        ),
    )


def _locks_pms_log(f: _Fakes) -> Body:
    if f.r.random() < 0.4:
        return _locks_keycard_api(f)
    pw = f.password()
    return (
        "pms-interface.log",
        "text",
        _t(
            """
        2025-06-01 02:11:09 INFO  FIAS link up to $<pms> (LS/LA handshake ok)
        2025-06-01 02:11:10 DEBUG login user=lockif password=$<pw>
        2025-06-01 02:11:14 INFO  KR room=$<room> guest checkout, key revoked
        2025-06-01 02:11:15 WARN  heartbeat from $<lo> only
        2025-06-01 02:11:16 INFO  encoder firmware $<fw>
        """,
            pms=S("ip-address", f.private_ip()),
            pw=S("password", pw),
            room=str(f.num(100, 999)),
            lo=K("127.0.0.1"),
            fw=K(f.quad_version()),
        ),
    )


def _locks_ssh_key(f: _Fakes) -> Body:
    user = f.user()
    return (
        "shell",
        "console",
        _t(
            """
        $ cat /home/$<user>/.ssh/id_ed25519
        $<key>
        $ cat ~/.ssh/id_ed25519.pub
        $<pub> deploy@lockserver
        """,
            user=S("home-user", user),
            key=S("ssh-private-key", f.openssh()),
            pub=K(f.ssh_public()),
        ),
    )


def _locks_switch(f: _Fakes) -> Body:
    return (
        "switch-running-config",
        "text",
        _t(
            """
        hostname ACCESS-SW-$<n>
        enable secret 9 $<hash>
        username lockadmin privilege 15 password 7 $<t7>
        interface Vlan40
         description door controllers
         ip address $<ip> $<mask>
        """,
            n=str(f.num(1, 9)),
            hash=S(
                "password-hash",
                "$9$"
                + f.mixed(string.ascii_letters + string.digits + "./", 14)
                + "$"
                + f.mixed(string.ascii_letters + string.digits + "./", 43),
            ),
            t7=S("password", f"{f.num(0, 15):02d}" + f.hexs(20).upper()),
            ip=S("ip-address", f.private_ip()),
            mask=K("255.255.255.0"),
        ),
    )


# ----------------------------------------------------------------------------------------------------------
# kiosk and digital signage fleets


def _kiosk_player_yaml(f: _Fakes) -> Body:
    return (
        "/boot/signage/player.yml",
        "yaml",
        _t(
            """
            # written by the enrolment wizard; do not edit by hand
            cms:
              address: https://cms.$<dom>/xmds.php
              key: $<key>
              display_name: lobby-$<n>
            network:
              ssid: Signage-$<n>
              psk: $<psk>
            watchdog:
              reboot_after_minutes: 30
              ping: $<dns>
            """,
            dom=f.domain(),
            key=S("api-key", f.b62(32)),
            n=str(f.num(1, 60)),
            psk=S("wifi-psk", f.pick(_WORDS).title() + f.pick(_WORDS).title() + str(f.num(1000, 9999))),
            dns=K("8.8.8.8"),
        ),
    )


def _kiosk_player_config(f: _Fakes) -> Body:
    if f.r.random() < 0.4:
        return _kiosk_player_yaml(f)
    return (
        "player.json",
        "json",
        _t(
            """
        {
          "cms_url": "https://cms.$<dom>",
          "device_token": "$<tok>",
          "display": {"orientation": "portrait", "playlist": "lobby-$<n>"},
          "wifi": {"ssid": "Signage-$<n>", "psk": "$<psk>"},
          "telemetry": {"posthog_project_key": "$<phc>"},
          "player_version": "$<pv>"
        }
        """,
            dom=f.domain(),
            tok=S("bearer-token", f.b62(40)),
            n=str(f.num(1, 60)),
            psk=S("wifi-psk", f.pick(_WORDS).title() + "." + f.pick(_WORDS) + str(f.num(100, 999))),
            phc=K(f.posthog_project()),
            pv=K(f.version()),
        ),
    )


def _kiosk_enrol(f: _Fakes) -> Body:
    return (
        "enrol.sh",
        "bash",
        _t(
            """
        #!/bin/sh
        set -eu
        # enrol a new player into the fleet tailnet and the CMS
        tailscale up --authkey=$<ts> --hostname="kiosk-$(cat /etc/machine-id | cut -c1-8)"
        curl -fsS -X POST https://cms.$<dom>/api/devices \\
          -H "Authorization: Token $<cms>" \\
          -d "serial=$(cat /proc/device-tree/serial-number)"
        echo "enrolled; CMS docs use Token $<ph> in examples"
        """,
            ts=S("tailscale-key", f.tailscale()),
            dom=f.domain(),
            cms=S("api-key", f.b62(40)),
            ph=K("<your-api-key>"),
        ),
    )


def _kiosk_wireguard(f: _Fakes) -> Body:
    return (
        "/etc/wireguard/wg0.conf",
        "ini",
        _t(
            """
        [Interface]
        PrivateKey = $<priv>
        Address = $<addr>/32
        DNS = $<dns>

        [Peer]
        PublicKey = $<pub>
        Endpoint = $<ep>:51820
        AllowedIPs = 10.0.0.0/8
        PersistentKeepalive = 25
        """,
            priv=S("wireguard-key", f.b64key()),
            addr=S("ip-address", "10.77." + str(f.num(0, 254)) + "." + str(f.num(2, 250))),
            dns=K("1.1.1.1"),
            pub=K(f.b64key()),
            ep=K(f.doc_ip()),
        ),
    )


def _kiosk_cms_oauth(f: _Fakes) -> Body:
    dom = f.domain()
    return (
        "shell",
        "console",
        _t(
            """
        $ curl -s -X POST https://cms.$<dom>/api/authorize/access_token \\
            -d grant_type=client_credentials -d client_id=$<cid> -d client_secret=$<cs>
        {"access_token":"$<at>","token_type":"Bearer","expires_in":3600}
        $ curl -s $<url> -H "Authorization: Bearer $ACCESS_TOKEN" | jq length
        $<n>
        """,
            dom=dom,
            cid=f.b62(20),
            cs=S("client-secret", f.b62(40)),
            at=S("bearer-token", f.b62(40)),
            url=K("https://cms." + dom + "/api/display"),
            n=str(f.num(5, 300)),
        ),
    )


def _kiosk_journal(f: _Fakes) -> Body:
    user = f.user()
    return (
        "journal",
        "text",
        _t(
            """
        Jun 03 06:00:01 kiosk-$<n> systemd[1]: Started Chromium kiosk.
        Jun 03 06:00:03 kiosk-$<n> chromium[812]: loading https://play.$<dom>/screen?player=$<n>&token=$<tok>&orientation=portrait
        Jun 03 06:00:04 kiosk-$<n> chromium[812]: profile dir /home/$<user>/.config/chromium-kiosk
        Jun 03 06:00:09 kiosk-$<n> updater[901]: player $<ver> is current (sha256 $<digest>)
        """,
            n=str(f.num(1, 99)),
            dom=f.domain(),
            tok=S("bearer-token", f.b62(32)),
            user=S("home-user", user),
            ver=K(f.version()),
            digest=K(f.sha64()),
        ),
    )


def _kiosk_compose(f: _Fakes) -> Body:
    return (
        "docker-compose.yml",
        "yaml",
        _t(
            """
        services:
          cms:
            image: signage/cms:$<ver>
            environment:
              - POSTGRES_PASSWORD=$<pg>
              - DO_TOKEN=$<do>
          db:
            image: postgres:16
            environment:
              POSTGRES_PASSWORD_FILE: /run/secrets/pg
        """,
            ver=K(f.version()),
            pg=S("password", f.password()),
            do=S("digitalocean-token", f.digitalocean()),
        ),
    )


# ----------------------------------------------------------------------------------------------------------
# research survey panels


def _survey_qualtrics_py(f: _Fakes) -> Body:
    return (
        "distribute.py",
        "python",
        _t(
            """
            import requests

            BASE = "https://$<dc>.qualtrics.com/API/v3"
            HEADERS = {"X-API-TOKEN": "$<tok>", "Content-Type": "application/json"}


            def add_contact(pool: str, first: str, last: str, email: str) -> str:
                body = {"firstName": first, "lastName": last, "email": email}
                r = requests.post(f"{BASE}/directories/{pool}/contacts", json=body, headers=HEADERS)
                r.raise_for_status()
                return r.json()["result"]["id"]
            # an earlier version read the token from $<ref>
            """,
            dc=f.pick(["iad1", "fra1", "syd1"]),
            tok=S("api-key", f.b62(40)),
            ref=K("${QUALTRICS_API_TOKEN}"),
        ),
    )


def _survey_qualtrics(f: _Fakes) -> Body:
    if f.r.random() < 0.4:
        return _survey_qualtrics_py(f)
    name = f.person()
    return (
        "shell",
        "console",
        _t(
            """
        $ curl -s -H "X-API-TOKEN: $<tok>" \\
            "https://$<dc>.qualtrics.com/API/v3/directories/POOL_$<pool>/contacts?pageSize=1" | jq '.result.elements[0]'
        # (the API guide writes -H "X-API-TOKEN: $<ph>")
        {
          "contactId": "CID_$<cid>",
          "name": "$<name>",
          "email": "$<email>",
          "language": "EN"
        }
        """,
            tok=S("api-key", f.b62(40)),
            dc=f.pick(["iad1", "fra1", "syd1"]),
            pool=f.b62(15),
            cid=f.b62(15),
            ph=K("<your-api-key>"),
            name=S("person-name", name),
            email=S("email", f.email(name)),
        ),
    )


def _survey_prolific_payout(f: _Fakes) -> Body:
    rows: list[Part] = ["participant_id,status,bonus_gbp,payee_name,payout_iban\n"]
    for _ in range(1):
        n = f.person()
        rows += [
            f"{f.hexs(24)},APPROVED,{f.num(1, 9)}.{f.num(10, 99)},",
            S("person-name", n),
            ",",
            S("iban", f.iban()),
            "\n",
        ]
    rows += [f"{'0' * 24},TEST,0.00,sample,", K(f.bad_iban()), "\n"]
    return "payouts_batch.csv", "csv", rows


def _survey_payout_script(f: _Fakes) -> Body:
    return (
        "payouts/send.py",
        "python",
        _t(
            """
        import requests

        PROLIFIC_TOKEN = "$<pt>"
        PAYPAL_CLIENT_SECRET = "$<pp>"
        STUDY = "$<study>"


        def approve_bonuses(csv_path: str) -> None:
            headers = {"Authorization": $<hdr>}
            with open(csv_path) as fh:
                body = fh.read()
            r = requests.post(f"https://api.prolific.com/api/v1/submissions/bonus-payments/",
                              json={"study_id": STUDY, "csv_bonuses": body}, headers=headers)
            r.raise_for_status()
        """,
            pt=S("api-key", f.b64url(64)),
            pp=S("client-secret", f.b64url(80)),
            study=f.hexs(24),
            hdr=K('f"Token {PROLIFIC_TOKEN}"'),
        ),
    )


def _survey_panel_orm(f: _Fakes) -> Body:
    first, last = f.first(), f.last()
    email = f.email(f"{first} {last}")
    return (
        "panel-api.log",
        "text",
        _t(
            """
            INFO panel-api $<ver> started
            $<log> BEGIN (implicit)
            $<log> $<stmt>
            $<log> [generated in 0.00041s] {'first_name': '$<first>', 'last_name': '$<last>', 'email': '$<email>'}
            $<log> COMMIT
            """,
            ver=K(f.version()),
            log="INFO sqlalchemy.engine.Engine",
            stmt="INSERT INTO panelists (first_name, last_name, email) VALUES "
            "(%(first_name)s, %(last_name)s, %(email)s) RETURNING panelists.id",
            first=S("person-name", first),
            last=S("person-name", last),
            email=S("email", email),
        ),
    )


def _survey_panel_sql(f: _Fakes) -> Body:
    if f.r.random() < 0.4:
        return _survey_panel_orm(f)
    parts: list[Part] = ["INSERT INTO panelists (first_name, last_name, birth_year, postcode) VALUES\n"]
    n = 1
    for i in range(n):
        first, last = f.first(), f.last()
        parts += [
            "  ('",
            S("person-name", first),
            "', '",
            S("person-name", last),
            f"', {f.num(1950, 2004)}, '{f.digits(5)}'){',' if i < n - 1 else ';'}\n",
        ]
    parts += ["-- test panelist for QA: ", K("panel-qa@example.com"), "\n"]
    return "panel_seed.sql", "sql", parts


def _survey_actions_log(f: _Fakes) -> Body:
    return (
        "ci",
        "text",
        _t(
            """
        Run npm config set //registry.npmjs.org/:_authToken=$<npm>
        Run actions/checkout@v4
          token: $<gh>
        Run npm publish --access restricted
        npm notice Publishing to https://registry.npmjs.org/ with tag latest
        + @panel/consent-widget@$<ver>
        env: NPM_TOKEN=$<ref>
        """,
            npm=S("npm-token", f.npm()),
            gh=S("github-token", f.github()),
            ver=K(f.version()),
            ref=K("${{ secrets.NPM_TOKEN }}"),
        ),
    )


def _survey_notebook(f: _Fakes) -> Body:
    return (
        "analysis.ipynb (cell 3)",
        "python",
        _t(
            """
        import os

        os.environ["OPENAI_API_KEY"] = "$<key>"
        # code free-text answers; the doc snippet used "$<filler>" instead
        codes = classify(open_ended["q17_text"].tolist(), model="gpt-4o-mini")
        print(len(codes), "answers coded")  # openai $<ov>
        """,
            key=S("openai-key", f.openai()),
            filler=K("sk-..."),
            ov=K(f.version()),
        ),
    )


# ----------------------------------------------------------------------------------------------------------
# marine and aviation operations


def _ops_ais_docker(f: _Fakes) -> Body:
    return (
        "shell",
        "console",
        _t(
            """
            $ docker run -d --name ais-forwarder --device /dev/ttyUSB0 \\\\
                -e AISHUB_USER=harbourpilot -e AISHUB_PASSWORD=$<pw> \\\\
                ghcr.io/harbour/ais-forwarder:$<ver>
            $<cid>
            $ docker logs ais-forwarder | tail -2
            forwarding NMEA to $<ep>:$<port> (listening on $<any>:10110)
            !AIVDM,1,1,,A,13u?etPv2;0n:dDPwUM1U1Cb069D,0*24
            """,
            pw=S("password", f.password()),
            ver=K(f.version()),
            cid=f.hexs(64),
            ep=S("ip-address", f.public_ip()),
            port=str(f.num(2000, 9000)),
            any=K("0.0.0.0"),
        ),
    )


def _ops_ais_config(f: _Fakes) -> Body:
    if f.r.random() < 0.4:
        return _ops_ais_docker(f)
    return (
        "ais-forwarder.conf",
        "ini",
        _t(
            """
        [source]
        device = /dev/ttyUSB0
        baud = 38400

        [aishub]
        username = $<user>
        password = $<pw>
        forward = $<ep>:$<port>

        [local]
        listen = $<any>:10110
        """,
            user=f.pick(["harbourpilot", "tugops", "ferrydesk"]),
            pw=S("password", f.password()),
            ep=S("ip-address", f.public_ip()),
            port=str(f.num(2000, 9000)),
            any=K("0.0.0.0"),
        ),
    )


def _ops_crew_list(f: _Fakes) -> Body:
    rows: list[Part] = ["rank,crew_member_name,nationality,passport_expiry\n"]
    ranks = ["Master", "Chief Officer", "Chief Engineer", "AB", "Cook", "Captain", "First Officer"]
    for rank in f.r.sample(ranks, f.num(1, 2)):
        n = f.person()
        rows += [
            f"{rank},",
            S("person-name", n),
            f",{f.pick(['NO', 'PH', 'PL', 'GB'])},2027-0{f.num(1, 9)}-15\n",
        ]
    rows += ["# crewing desk: ", K("crewing@example.com"), "\n"]
    return "crew_list.csv", "csv", rows


def _ops_flight_api(f: _Fakes) -> Body:
    return (
        "shell",
        "console",
        _t(
            """
        $ http GET https://ops.$<dom>/api/v1/flights?date=today "Authorization:Bearer $<jwt>"
        HTTP/1.1 200 OK
        [{"flight": "$<flt>", "tail": "N$<tail>", "crew_count": 4}]
        $ echo $<var>
        $<graf>
        $ http --version
        $<hv>
        """,
            dom=f.domain(),
            jwt=S("jwt", f.jwt()),
            flt=f.pick(["KS", "RV", "LX"]) + str(f.num(100, 999)),
            tail=str(f.num(100, 999)) + f.pick(["AB", "KX", "QZ"]),
            graf=S("grafana-token", f.grafana()),
            var=K("$GRAFANA_TOKEN"),
            hv=K(f.version()),
        ),
    )


def _ops_maintenance_log(f: _Fakes) -> Body:
    tech = f.person()
    return (
        "maintenance/wo-log.txt",
        "text",
        _t(
            """
        Work order WO-$<wo>  aircraft N$<tail>
        Task: replace pitot heater, ops check good
        Firmware Version ..... $<fw>
        Signer: $<tech> (A&P $<cert>)
        Parts: P/N $<pn> (serial $<sn>)
        """,
            wo=str(f.num(10000, 99999)),
            tail=str(f.num(100, 999)) + "KS",
            fw=K(f.quad_version()),
            tech=S("person-name", tech),
            cert=str(f.num(1000000, 9999999)),
            pn=f"{f.num(100, 999)}-{f.num(1000, 9999)}",
            sn=f.b62(8).upper(),
        ),
    )


def _ops_acars_tls(f: _Fakes) -> Body:
    return (
        "shell",
        "console",
        _t(
            """
        $ sudo cat /etc/acars-gw/tls/gateway.key
        $<key>
        $ openssl x509 -noout -fingerprint -sha256 -in /etc/acars-gw/tls/gateway.crt
        sha256 Fingerprint=$<fp>
        $ acars-gw --version
        acars-gw $<qv>
        """,
            key=S("private-key", f.pem()),
            fp=K(":".join(f.hexs(64).upper()[i : i + 2] for i in range(0, 64, 2))),
            qv=K(f.quad_version()),
        ),
    )


def _ops_vault(f: _Fakes) -> Body:
    return (
        "shell",
        "console",
        _t(
            """
        $ export VAULT_ADDR=$<addr>
        $ vault login -method=token $<tok>
        Success! You are now authenticated.
        $ vault version
        Vault v$<vv>
        $ vault kv get -field=password secret/crew-portal/db
        $<pw>
        $ vault kv get -field=signing_key_id secret/crew-portal/gpg
        $<keyid>
        """,
            tok=S("vault-token", f.vault()),
            addr=K("https://vault." + f.domain() + ":8200"),
            vv=K(f.version()),
            pw=S("password", f.password()),
            keyid=f.hexs(16).upper(),
        ),
    )


# ----------------------------------------------------------------------------------------------------------
# small-business accounting desktop exports


def _books_iif(f: _Fakes) -> Body:
    rows: list[Part] = ["!CUST\tNAME\tEMAIL\tPHONE1\tBADDR1\n"]
    for _ in range(1):
        n = f.person()
        rows += [
            "CUST\t",
            S("person-name", n),
            "\t",
            S("email", f.email(n)),
            f"\t{f.phone()}\t{f.num(1, 999)} Main St\n",
        ]
    rows += ["CUST\t", K("Jane Doe"), "\t", K("jane.doe@example.com"), "\t\tsample customer\n"]
    rows += [
        "!TRNS\tTRNSTYPE\tDATE\tACCNT\tAMOUNT\n",
        f"TRNS\tINVOICE\t0{f.num(1, 9)}/1{f.num(0, 9)}/2025\tAccounts Receivable\t{f.num(100, 999)}.00\n",
        "!ENDTRNS\n",
    ]
    return "customers.iif", "text", rows


def _books_sage_bank(f: _Fakes) -> Body:
    rows: list[Part] = ["Date,Reference,counterparty_name,counterparty_iban,Amount\n"]
    for _ in range(1):
        n = f.person()
        rows += [
            f"0{f.num(1, 9)}/0{f.num(1, 9)}/2025,INV{f.num(1000, 9999)},",
            S("person-name", n),
            ",",
            S("iban", f.iban(grouped=f.r.random() < 0.4)),
            f",{f.num(20, 2000)}.{f.num(10, 99)}\n",
        ]
    rows += ["01/01/2025,TEST,sample payee,", K(f.bad_iban()), ",0.00\n"]
    return "sage_bank_import.csv", "csv", rows


def _books_gnucash(f: _Fakes) -> Body:
    return (
        "shell",
        "console",
        _t(
            """
        $ gnucash-cli --report run --name "Balance Sheet" \\
            "postgres://gnucash:$<pw>@$<host>:5432/books_$<year>"
        Report generated: balance-sheet-$<year>.html
        $ gnucash --version
        GnuCash $<ver>
        Build ID: $<sha>
        """,
            pw=S("url-password", f.password()),
            host=S("ip-address", f.private_ip()),
            year=str(f.num(2019, 2025)),
            ver=K("5." + str(f.num(1, 9))),
            sha=K(f.sha40()),
        ),
    )


def _books_bank_rules(f: _Fakes) -> Body:
    n = f.person()
    good = f.iban()
    bad = f.bad_iban()
    rule = {
        "rules": [
            {"match": {"counterparty_iban": good}, "category": "Rent", "counterparty_name": n},
            {"match": {"description_regex": "^STRIPE PAYOUT"}, "category": "Sales"},
            {"match": {"counterparty_iban": bad}, "category": "Test rule (sample IBAN)"},
        ]
    }
    text = json.dumps(rule, indent=2)
    return "bank_rules.json", "json", _mark([text], S("iban", good), S("person-name", n), K(bad))


def _books_ofx(f: _Fakes) -> Body:
    return (
        "direct_connect.ofx",
        "xml",
        _t(
            """
        $ sha256sum direct_connect.ofx
        $<digest>  direct_connect.ofx
        $ cat direct_connect.ofx
        OFXHEADER:100
        DATA:OFXSGML
        VERSION:102

        <OFX>
        <SIGNONMSGSRQV1>
        <SONRQ>
        <DTCLIENT>$<dt>
        <USERID>$<uid>
        <USERPASS>$<pw>
        <LANGUAGE>ENG
        <FI><ORG>Saltmarsh Savings<FID>$<fid></FI>
        <APPID>QWIN
        <APPVER>2700
        </SONRQ>
        </SIGNONMSGSRQV1>
        </OFX>
        """,
            uid=f.pick(["smallbiz", "acctg", "office"]) + str(f.num(10, 99)),
            pw=S("password", f.password()),
            fid=str(f.num(1000, 9999)),
            digest=K(f.sha64()),
            dt=f"2025{f.num(1, 12):02d}{f.num(10, 28)}" + "120000",
        ),
    )


def _books_backup(f: _Fakes) -> Body:
    return (
        "backup-books.sh",
        "bash",
        _t(
            """
        #!/bin/bash
        export RESTIC_REPOSITORY=$<repo>
        export RESTIC_PASSWORD_FILE=/etc/restic/books.pass   # the restic docs say RESTIC_PASSWORD=$<ph>
        export AWS_ACCESS_KEY_ID=$<akid>
        export AWS_SECRET_ACCESS_KEY=$<sec>
        restic backup ~/Documents/QuickBooks/"Company Files" --tag qbw
        # shopify orders are pulled before the backup
        curl -s -H "X-Shopify-Access-Token: $<shp>" \\
          https://$<shop>.myshopify.com/admin/api/2024-10/orders.json > /tmp/orders.json
        """,
            ph=K("changeme"),
            repo=K("s3:https://s3.amazonaws.com/books-backup"),
            akid=S("aws-access-key", f.akid()),
            sec=S("aws-secret-key", f.aws_secret()),
            shp=S("shopify-token", f.shopify()),
            shop=f.pick(["millbrook-goods", "redcedar-crafts"]),
        ),
    )


def _books_recovery(f: _Fakes) -> Body:
    return (
        ".env",
        "dotenv",
        _t(
            """
        # crypto payments ledger (hot wallet for customer refunds)
        WALLET_MNEMONIC="$<phrase>"
        WALLET_DERIVATION_PATH="m/44'/60'/0'/0/0"
        LEDGER_EXPORT_DIR=./exports
        # CI sets it from $<ref> instead
        """,
            phrase=S("recovery-phrase", f.bip39()),
            ref=K("${WALLET_MNEMONIC}"),
        ),
    )


# ----------------------------------------------------------------------------------------------------------
# Build: kinds per setting, deliveries, labels


_KINDS: dict[str, tuple[Kind, ...]] = {
    "museum-archives": (
        _museum_ca_setup,
        _museum_aspace_config,
        _museum_donor_csv,
        _museum_aspace_login,
        _museum_iiif_sync,
        _museum_harvest_traceback,
    ),
    "law-practice": (
        _law_clio_env,
        _law_intake_json,
        _law_trust_ledger,
        _law_pp_api,
        _law_esign_log,
        _law_git_log,
    ),
    "construction-field": (
        _field_procore_env,
        _field_servicetitan_py,
        _field_dispatch_csv,
        _field_twilio_sms,
        _field_trailer_wifi,
        _field_k8s_secret,
    ),
    "sports-league": (
        _sports_registration_csv,
        _sports_teamsnap,
        _sports_stripe,
        _sports_referee_sql,
        _sports_newsletter,
    ),
    "freight-trucking": (
        _freight_carrier_packet,
        _freight_eld,
        _freight_fuel_csv,
        _freight_loadboard_env,
        _freight_tms_traceback,
    ),
    "dating-social": (
        _dating_moderation,
        _dating_push_creds,
        _dating_slack_alert,
        _dating_session_http,
        _dating_sentry_cli,
        _dating_jwt_debug,
    ),
    "benefits-casework": (
        _benefits_case_notes,
        _benefits_eligibility_api,
        _benefits_tool_config,
        _benefits_psql,
        _benefits_gitlab_ci,
    ),
    "hotel-locks": (
        _locks_encoder_ini,
        _locks_controller_json,
        _locks_badge_export,
        _locks_pms_log,
        _locks_ssh_key,
        _locks_switch,
    ),
    "kiosk-signage": (
        _kiosk_player_config,
        _kiosk_enrol,
        _kiosk_wireguard,
        _kiosk_cms_oauth,
        _kiosk_journal,
        _kiosk_compose,
    ),
    "survey-panels": (
        _survey_qualtrics,
        _survey_prolific_payout,
        _survey_payout_script,
        _survey_panel_sql,
        _survey_actions_log,
        _survey_notebook,
    ),
    "marine-aviation": (
        _ops_ais_config,
        _ops_crew_list,
        _ops_flight_api,
        _ops_maintenance_log,
        _ops_acars_tls,
        _ops_vault,
    ),
    "desktop-accounting": (
        _books_iif,
        _books_sage_bank,
        _books_gnucash,
        _books_bank_rules,
        _books_ofx,
        _books_backup,
        _books_recovery,
    ),
}

_PER_SETTING = 25


def _esc(text: str) -> str:
    """A value as it stands inside a JSON string."""
    return json.dumps(text, ensure_ascii=False)[1:-1]


def _deliver(f: _Fakes, delivery: str, path: str, lang: str, text: str) -> str:
    """Wrap a document's text the way a transcript carries it."""
    session = "." not in path and "/" not in path  # a command's output, not a file
    if delivery == "plain":
        return text
    if delivery == "json":
        style = f.r.randrange(3)
        if style == 0:
            obj: dict[str, object] = {
                "type": "tool_result",
                "tool_use_id": "toolu_" + f.b62(24),
                "content": text,
            }
        elif style == 1:
            obj = {"role": "tool", "name": "bash" if session else "read_file", "content": text}
        else:
            obj = {"event": "command.output", "exit_code": 0, "stdout": text}
        return json.dumps(obj, ensure_ascii=False)
    lines = text.rstrip("\n").split("\n")
    if delivery == "diff":
        if session:
            name = f"notes/{path}-session.log"
        elif "/" in path and " " not in path:
            name = path.lstrip("/")
        else:
            name = "notes/" + re.sub(r"\W+", "_", path) + ".txt"
        head = [
            f"diff --git a/{name} b/{name}",
            "new file mode 100644",
            f"index 0000000..{f.hexs(7)}",
            "--- /dev/null",
            f"+++ b/{name}",
            f"@@ -0,0 +1,{len(lines)} @@",
        ]
        return "\n".join(head + ["+" + ln for ln in lines]) + "\n"
    if delivery == "numbered":
        return "\n".join(f"{i:6d}\t{ln}" for i, ln in enumerate(lines, 1)) + "\n"
    if delivery == "cilog":
        day = f"2025-{f.num(1, 12):02d}-{f.num(10, 28)}T{f.num(10, 23)}:{f.num(10, 59)}"
        sec = f.num(0, 30)
        out = []
        for i, ln in enumerate(lines):
            s = sec + i // 3
            out.append(f"{day}:{s % 60:02d}.{(i % 3) * 3 + f.num(0, 2)}{f.digits(6)}Z {ln}")
        return "\n".join(out) + "\n"
    if session:
        intro = f.pick(["Output:", "The command printed:", "Here is what came back:"])
    else:
        intro = f.pick(["Here is the file:", f"Contents of `{path}`:", "The relevant part:"])
    return f"{intro}\n\n```{lang}\n{text.rstrip()}\n```\n"


def _occurrences(text: str, value: str) -> list[int]:
    out, i = [], text.find(value)
    while i >= 0:
        out.append(i)
        i = text.find(value, i + 1)
    return out


def _label(text: str, parts: list[Part], esc: bool) -> tuple[tuple[Secret, ...], tuple[Keep, ...]] | None:
    """Every occurrence of every secret, one entry per keep; None where labels would clash."""
    secrets: dict[str, str] = {}
    keeps: list[str] = []
    for p in parts:
        if isinstance(p, S):
            v = _esc(p.text) if esc else p.text
            if secrets.setdefault(v, p.cls) != p.cls:
                return None
        elif isinstance(p, K):
            v = _esc(p.text) if esc else p.text
            if v not in keeps:
                keeps.append(v)
    spans: list[tuple[int, int, str]] = []
    for v, cls in secrets.items():
        spans += [(i, i + len(v), cls) for i in _occurrences(text, v)]
    spans.sort()
    for (_, e1, _), (s2, _, _) in itertools.pairwise(spans):
        if s2 < e1:
            return None
    for k in keeps:
        for v in secrets:
            if k in v or v in k:
                return None
        for i in _occurrences(text, k):
            if any(i < e and s < i + len(k) for s, e, _ in spans):
                return None
    return (
        tuple(Secret(cls, text[s:e], s) for s, e, cls in spans),
        tuple(Keep(k, text.index(k)) for k in keeps),
    )


def _make(f: _Fakes, setting: str, kind: Kind, index: int) -> Document:
    for _attempt in range(50):
        path, lang, parts = kind(f)
        raw = _join(parts)
        multiline = any(isinstance(p, S) and "\n" in p.text for p in parts)
        delivery = f.pick(("plain", "fence") if multiline else DELIVERIES)
        text = _deliver(f, delivery, path, lang, raw)
        labels = _label(text, parts, delivery == "json")
        if labels is None:
            continue
        secrets, keeps = labels
        name = f"{setting}/{kind.__name__.lstrip('_').split('_', 1)[1].replace('_', '-')}/{index:02d}"
        return Document(name, setting, delivery, text, secrets, keeps)
    raise RuntimeError(f"no clean draw for {kind.__name__}")


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """The corpus, the same for the same seed."""
    f = _Fakes(random.Random(seed))
    docs: list[Document] = []
    for setting in SETTINGS:
        kinds = _KINDS[setting]
        for i in range(_PER_SETTING):
            docs.append(_make(f, setting, kinds[i % len(kinds)], i))
    return docs


def corpus_digest(docs: Iterable[Document]) -> str:
    """A digest of the whole corpus, to pin it."""
    blob = json.dumps([attrs.asdict(d) for d in docs], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


# ----------------------------------------------------------------------------------------------------------
# Measure


def _windows(text: str) -> set[str]:
    return {text[i : i + 6] for i in range(len(text) - 5)}


def measure_documents(docs: Iterable[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregates of a scrubber over the documents: recall, recall with no fragment left, keeps kept."""
    secrets = removed = clean = vendor = vendor_removed = keeps = kept = 0
    for doc in docs:
        out = scrub(doc.text)
        out_filled = ""
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

    def share(a: int, b: int) -> float:
        return a / b if b else 1.0

    return {
        "secrets": float(secrets),
        "recall": share(removed, secrets),
        "recall_no_fragment": share(clean, secrets),
        "vendor_prefix_recall": share(vendor_removed, vendor),
        "keep_rate": share(kept, keeps),
        "spans": float(keeps),
    }


def measure_held_back() -> dict[str, float]:
    """The real scrubber over this corpus (aggregates only)."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
