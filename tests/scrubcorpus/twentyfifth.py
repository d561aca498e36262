"""The twenty-fifth held-back scrub corpus.

Its twelve settings: lab informatics and scientific instruments (Benchling, LIMS exports, LabVIEW and
instrument PCs' configs, ELN API scripts); GIS and drone tooling (ArcGIS tokens and portals, QGIS connection
configs, DJI and drone fleet APIs, tile server keys); sports and fitness APIs (Strava, Garmin Connect, Fitbit,
Polar OAuth flows, athlete exports); collaboration SaaS APIs (Figma, Miro, Notion, Linear, Asana, Monday tokens,
workspace member exports); personal finance and open banking (Plaid, TrueLayer, YNAB, OFX/QFX statements,
budgeting exports); speech and audio AI APIs (Deepgram, AssemblyAI, Whisper servers, Speechmatics, transcripts
with speaker names); library systems (Koha, Alma, patron exports, SIP2 configs); civic tech and public-sector
data (311 requests, voter files, permit exports, open-data portal keys); veterinary and dental practice software
(client and patient records, appointment exports, practice-management APIs); embedded OTA and firmware fleets
(Mender, balena, Yocto builds, signing keys, device provisioning); e-mail testing tools (MailHog, Mailtrap, swaks
transcripts, MailDev, SMTP debug logs); chat widgets and live support (Crisp, Tawk.to, LiveChat, Drift, transcript
exports).

Labels follow the scrubber's published policy alone: what it says goes is a `Secret`, what it says stays (and
look-alikes that hold nothing) is a `Keep`, and what it leaves open is not labelled. Every fake is drawn at build
time from a seeded `random.Random` and is valid for its format (token checksums, Luhn, IBAN mod 97, SSN ranges,
JWT and PEM layouts, BIP-39 checksums). Each document is delivered one of six ways: plain, a JSON transcript
line, a unified diff's added lines, numbered lines, CI log lines or a Markdown fence, and its labels are the
values' text as delivered. The measure reports aggregates only, never a value.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import random
import string
import zlib
from collections.abc import Callable, Iterable, Sequence

import attrs

DEFAULT_SEED = 20261225


@attrs.frozen
class Secret:
    """A value the policy says goes, as it stands in the delivered text."""

    cls: str
    text: str
    offset: int


@attrs.frozen
class Keep:
    """A value the policy says stays, as it stands in the delivered text."""

    text: str
    offset: int


@attrs.frozen
class Document:
    """One delivered text with its labels."""

    name: str
    setting: str
    delivery: str
    text: str
    secrets: tuple[Secret, ...]
    keeps: tuple[Keep, ...]


SETTINGS: tuple[str, ...] = (
    "lab-informatics",
    "gis-drones",
    "sports-fitness",
    "collab-saas",
    "personal-finance",
    "speech-audio",
    "library-systems",
    "civic-tech",
    "vet-dental",
    "firmware-ota",
    "email-testing",
    "chat-support",
)

DELIVERIES = ("plain", "json", "diff", "numbered", "cilog", "fence")

# Published prefixes, joined at run time so that no token shape stands in this file.
P_GHP = "gh" + "p_"
P_GHO = "gh" + "o_"
P_NPM = "np" + "m_"
P_XOXB = "xo" + "xb-"
P_SK_LIVE = "sk" + "_live_"
P_RK_LIVE = "rk" + "_live_"
P_WHSEC = "wh" + "sec_"
P_AKIA = "AK" + "IA"
P_FIGD = "fi" + "gd_"
P_LIN = "lin" + "_api_"
P_NTN = "nt" + "n_"
P_SG = "S" + "G."
P_MG = "ke" + "y-"
P_SK = "s" + "k-"
P_SK_PROJ = "s" + "k-proj-"
P_GLPAT = "gl" + "pat-"
P_HF = "h" + "f_"
P_AIZA = "AI" + "za"
P_MB_SK = "s" + "k.eyJ"
P_MB_PK = "p" + "k.eyJ"
P_DCKR = "dckr" + "_pat_"
P_AAPK = "AA" + "PK"
P_EAAA = "EA" + "AA"
P_DOP = "dop" + "_v1_"
_OPENAI_MARK = "T3Blbk" + "FJ"

VENDOR_PREFIXES: dict[str, tuple[str, ...]] = {
    "github-token": (P_GHP, P_GHO),
    "npm-token": (P_NPM,),
    "slack-token": (P_XOXB,),
    "stripe-key": (P_SK_LIVE, P_RK_LIVE),
    "stripe-webhook-secret": (P_WHSEC,),
    "aws-access-key": (P_AKIA,),
    "figma-token": (P_FIGD,),
    "linear-key": (P_LIN,),
    "notion-token": (P_NTN,),
    "sendgrid-key": (P_SG,),
    "mailgun-key": (P_MG,),
    "openai-key": (P_SK_PROJ, P_SK),
    "gitlab-token": (P_GLPAT,),
    "huggingface-token": (P_HF,),
    "google-api-key": (P_AIZA,),
    "mapbox-secret": (P_MB_SK,),
    "docker-token": (P_DCKR,),
    "arcgis-key": (P_AAPK,),
    "square-token": (P_EAAA,),
    "digitalocean-token": (P_DOP,),
}

VENDOR_CLASSES: frozenset[str] = frozenset(VENDOR_PREFIXES)

CLASSES: frozenset[str] = VENDOR_CLASSES | frozenset(
    {
        "password",
        "api-key",
        "token",
        "refresh-token",
        "client-secret",
        "jwt",
        "private-key",
        "openssh-key",
        "email",
        "person-name",
        "card-number",
        "iban",
        "ssn",
        "ip-address",
        "username",
        "wifi-psk",
        "basic-auth",
        "password-hash",
        "url-password",
        "seed-phrase",
        "secret-key",
        "encryption-key",
        "key-id",
        "wireguard-key",
        "session-cookie",
        "aws-secret-key",
    }
)

# The first 128 words of the BIP-39 English list: phrases drawn from them alone still carry a valid checksum.
BIP39_HEAD: tuple[str, ...] = tuple(
    """abandon ability able about above absent absorb abstract absurd abuse access accident account accuse
    achieve acid acoustic acquire across act action actor actress actual adapt add addict address adjust
    admit adult advance advice aerobic affair afford afraid again age agent agree ahead aim air airport
    aisle alarm album alcohol alert alien all alley allow almost alone alpha already also alter always
    amateur amazing among amount amused analyst anchor ancient anger angle angry animal ankle announce
    annual another answer antenna antique anxiety any apart apology appear apple approve april arch
    arctic area arena argue arm armed armor army around arrange arrest arrive arrow art artefact artist
    artwork ask aspect assault asset assist assume asthma athlete atom attack attend attitude attract
    auction audit august aunt author auto autumn average avocado""".split()  # noqa: SIM905
)

# ---------------------------------------------------------------------------------------------- format checks

_B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
_ALNUM = string.ascii_letters + string.digits
_B64URL = _ALNUM + "-_"
_HEX = "0123456789abcdef"


def _b62(n: int, width: int = 6) -> str:
    """Base62 of n, left-padded: the checksum tail of GitHub's and npm's tokens."""
    out = ""
    while n:
        n, d = divmod(n, 62)
        out = _B62[d] + out
    return out.rjust(width, "0")


def crc_token_ok(token: str, prefix: str) -> bool:
    """A prefixed token whose last six characters are the base62 CRC32 of the thirty before them."""
    if not token.startswith(prefix):
        return False
    body = token[len(prefix) :]
    if len(body) != 36 or any(c not in _B62 for c in body):
        return False
    return _b62(zlib.crc32(body[:30].encode())) == body[30:]


def luhn_ok(number: str) -> bool:
    """The Luhn check over a card number's digits (blanks and dashes ignored)."""
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


# Country: (length, layout after the check digits: "a" letter, "n" digit).
_IBAN_LAYOUT: dict[str, tuple[int, str]] = {
    "GB": (22, "aaaa" + "n" * 14),
    "IE": (22, "aaaa" + "n" * 14),
    "DE": (22, "n" * 18),
    "NL": (18, "aaaa" + "n" * 10),
    "AT": (20, "n" * 16),
}


def _iban_mod(s: str) -> int:
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97


def iban_ok(iban: str) -> bool:
    """A registry country, its length and layout, and the mod-97 check."""
    s = iban.replace(" ", "")
    spec = _IBAN_LAYOUT.get(s[:2])
    if spec is None or len(s) != spec[0] or not s[2:4].isdigit():
        return False
    for c, kind in zip(s[4:], spec[1], strict=True):
        if (kind == "a" and not ("A" <= c <= "Z")) or (kind == "n" and not c.isdigit()):
            return False
    return _iban_mod(s) == 1


def ssn_ok(ssn: str) -> bool:
    """An SSN in the issued ranges: area not 000, 666 or 9xx, group not 00, serial not 0000."""
    s = ssn.replace("-", "")
    if len(s) != 9 or not s.isdigit() or (len(ssn) == 11 and (ssn[3] != "-" or ssn[6] != "-")):
        return False
    area, group, serial = s[:3], s[3:5], s[5:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def bip39_ok(phrase: str) -> bool:
    """A 12-word phrase over `BIP39_HEAD` whose last four bits are the SHA-256 checksum of the 128 before."""
    words = phrase.split()
    if len(words) != 12 or any(w not in BIP39_HEAD for w in words):
        return False
    bits = "".join(format(BIP39_HEAD.index(w), "011b") for w in words)
    entropy = int(bits[:128], 2).to_bytes(16, "big")
    return format(hashlib.sha256(entropy).digest()[0] >> 4, "04b") == bits[128:]


def _b64u(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


# ---------------------------------------------------------------------------------------------- fakes

_FIRST = """Amara Bastian Caoimhe Dmitri Elif Farid Greta Hiroshi Ines Jovan Kalani Leonie Mateus Nadia Oskar
    Priya Quentin Rosalind Soren Thandiwe Ulrike Valentin Wanjiru Xavier Yusuf Zofia Anouk Bernadette
    Cyrus Delphine Emeka Fiorella Gideon Halvard Ishaan Katarina Lorenzo Marisol Niamh Octavia Pavel
    Rafaela Stellan Tamsin Umberto Vesna Yara Zainab Ayesha Clementine Desmond Esperanza Florian Giselle
    Imogen Joaquin Magnus Saoirse""".split()  # noqa: SIM905
_LAST = """Okafor Lindqvist Marchetti Haddad Nakamura Brennan Castellanos Dvorak Eriksen Fontaine Gallagher
    Hosseini Ivanova Jankowski Kowalczyk Larsen Mbeki Novak Oyelaran Petrakis Quintero Rasmussen
    Sandoval Takahashi Uchenna Vasquez Whitcombe Yilmaz Zielinski Abernathy Cavanagh Delacroix Esposito
    Fairbanks Gutierrez Holloway Iwasaki Jablonski Kazmi Lachance Nwachukwu Ostrowski Pemberton Quinlan
    Rautio Szabo Thibodeaux Valdivia Wojcik Yamamoto Zubiri Achterberg Moreau Okonkwo Bergstrom Ferreira""".split()  # noqa: SIM905
_WORDS = """lilac mango cobalt harbor lantern saffron quartz meadow falcon juniper ember willow copper thistle
    orchid glacier cinder marble pepper walnut tundra mosaic nectar velvet pebble sorrel basalt cedar""".split()  # noqa: SIM905
_DOMAINS = """quillmere.io brackenfield.net tallowcreek.org marrowlane.co vantrope.dev orvellabs.io hollisgate.net
    kestrelpoint.co fernhollow.org ashgrove-mail.net""".split()  # noqa: SIM905


class _F:
    """Fakes drawn from one seeded generator, valid for their formats."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def pick(self, seq: Sequence[str]) -> str:
        return self.r.choice(seq)

    def run(self, alphabet: str, n: int) -> str:
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def alnum(self, n: int) -> str:
        while True:
            s = self.run(_ALNUM, n)
            if any(c.isdigit() for c in s) and any(c.isalpha() for c in s):
                return s

    def hexs(self, n: int) -> str:
        while True:
            s = self.run(_HEX, n)
            if any(c.isalpha() for c in s) and any(c.isdigit() for c in s):
                return s

    def b64url(self, n: int) -> str:
        while True:
            s = self.run(_B64URL, n)
            if s[0].isalnum() and s[-1].isalnum() and any(c.isdigit() for c in s):
                return s

    def digits(self, n: int) -> str:
        return str(self.r.randint(1, 9)) + self.run(string.digits, n - 1)

    def num(self, lo: int, hi: int) -> int:
        return self.r.randint(lo, hi)

    # people ---------------------------------------------------------------------------------------------
    def person(self) -> tuple[str, str]:
        return self.pick(_FIRST), self.pick(_LAST)

    def email(self, first: str, last: str, domain: str | None = None) -> str:
        dom = domain or self.pick(_DOMAINS)
        style = self.r.randrange(3)
        local = (
            f"{first}.{last}" if style == 0 else f"{first}{last[0]}" if style == 1 else f"{first[0]}.{last}"
        )
        return f"{local.lower()}@{dom}"

    def user(self, first: str, last: str) -> str:
        return f"{first[0]}{last}".lower() + self.pick(("", "", str(self.num(2, 9))))

    # secrets --------------------------------------------------------------------------------------------
    def password(self) -> str:
        k = self.r.randrange(4)
        if k == 0:
            while True:
                s = self.run(_ALNUM + "!#%*-_+", 16)
                if any(c in "!#%*-_+" for c in s[1:-1]) and any(c.isdigit() for c in s) and s[0].isalpha():
                    return s
        if k == 1:
            return f"{self.pick(_WORDS).title()}{self.pick('!#%*+')}{self.pick(_WORDS)}{self.num(100, 999)}"
        if k == 2:
            return f"{self.pick(_WORDS)}.{self.pick(_WORDS)}{self.num(1000, 9999)}"
        return self.alnum(20)

    def url_password(self) -> str:
        return self.alnum(self.num(14, 22))

    def ip_private(self) -> str:
        k = self.r.randrange(3)
        if k == 0:
            return f"10.{self.num(1, 254)}.{self.num(1, 254)}.{self.num(2, 250)}"
        if k == 1:
            return f"172.{self.num(16, 31)}.{self.num(1, 254)}.{self.num(2, 250)}"
        return f"192.168.{self.num(1, 254)}.{self.num(2, 250)}"

    def ip_public(self) -> str:
        first = self.pick(("34", "52", "81", "91", "104", "145", "152", "185", "212", "88"))
        return f"{first}.{self.num(10, 250)}.{self.num(1, 254)}.{self.num(2, 250)}"

    def card(self) -> str:
        prefix = self.pick(("4", "51", "52", "53", "54", "55", "2221", "37", "6011"))
        length = 15 if prefix == "37" else 16
        while True:
            body = prefix + self.run(string.digits, length - len(prefix) - 1)
            for check in string.digits:
                if luhn_ok(body + check):
                    number = body + check
                    break
            if len(set(number)) > 4:
                return number

    def iban(self) -> str:
        country = self.pick(tuple(_IBAN_LAYOUT))
        layout = _IBAN_LAYOUT[country][1]
        bban = "".join(
            self.pick(string.ascii_uppercase) if k == "a" else self.pick(string.digits) for k in layout
        )
        check = 98 - _iban_mod(country + "00" + bban)
        return f"{country}{check:02d}{bban}"

    def bad_iban(self) -> str:
        good = self.iban()
        check = (int(good[2:4]) + self.num(1, 9)) % 100
        bad = f"{good[:2]}{check:02d}{good[4:]}"
        return bad if not iban_ok(bad) else self.bad_iban()

    def ssn(self, dashes: bool = True) -> str:
        while True:
            area = self.num(1, 899)
            if area != 666:
                break
        s = f"{area:03d}-{self.num(1, 99):02d}-{self.num(1, 9999):04d}"
        return s if dashes else s.replace("-", "")

    def phrase(self) -> str:
        words = [self.r.randrange(128) for _ in range(11)]
        tail = self.r.randrange(8)
        bits = "".join(format(w, "011b") for w in words) + format(tail, "07b")
        entropy = int(bits, 2).to_bytes(16, "big")
        check = hashlib.sha256(entropy).digest()[0] >> 4
        words.append((tail << 4) | check)
        return " ".join(BIP39_HEAD[w] for w in words)

    def jwt(self, payload: dict[str, object]) -> str:
        head = _b64u(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
        body = _b64u(json.dumps(payload, separators=(",", ":")).encode())
        return f"{head}.{body}.{_b64u(self.r.randbytes(32))}"

    def pem_body(self, size: int) -> str:
        der = b"\x30\x82" + (size - 4).to_bytes(2, "big") + self.r.randbytes(size - 4)
        text = base64.b64encode(der).decode()
        return "\n".join(text[i : i + 64] for i in range(0, len(text), 64))

    def openssh_body(self) -> str:
        raw = b"openssh-key-v1\x00" + self.r.randbytes(self.num(360, 420))
        text = base64.b64encode(raw).decode()
        return "\n".join(text[i : i + 70] for i in range(0, len(text), 70))

    def wg_key(self) -> str:
        return base64.b64encode(self.r.randbytes(32)).decode()

    def ssh_pub(self) -> str:
        blob = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + self.r.randbytes(32)
        return "ssh-ed25519 " + base64.b64encode(blob).decode()

    def b64key(self, n: int = 32) -> str:
        while True:
            s = base64.b64encode(self.r.randbytes(n)).decode()
            if any(c in "+/" for c in s):
                return s

    def secret_key(self) -> str:
        while True:
            s = self.run(_ALNUM + "!@#%^*(-_=+)", 50)
            if s[0].isalnum() and sum(c in "!@#%^*(-_=+)" for c in s) >= 4:
                return s

    # vendor tokens --------------------------------------------------------------------------------------
    def crc_token(self, prefix: str) -> str:
        body = self.run(_B62, 30)
        return prefix + body + _b62(zlib.crc32(body.encode()))

    def github(self) -> str:
        return self.crc_token(self.pick((P_GHP, P_GHP, P_GHO)))

    def npm(self) -> str:
        return self.crc_token(P_NPM)

    def slack(self) -> str:
        return f"{P_XOXB}{self.digits(12)}-{self.digits(13)}-{self.alnum(24)}"

    def stripe(self) -> str:
        return self.pick((P_SK_LIVE, P_SK_LIVE, P_RK_LIVE)) + self.alnum(self.r.choice((24, 34, 58)))

    def whsec(self) -> str:
        return P_WHSEC + self.alnum(32)

    def akid(self) -> str:
        return P_AKIA + self.run(string.ascii_uppercase + "234567", 16)

    def aws_secret(self) -> str:
        while True:
            s = self.run(_ALNUM + "+/", 40)
            if s[0].isalnum() and s[-1].isalnum() and "/" in s:
                return s

    def figma(self) -> str:
        return P_FIGD + self.b64url(40)

    def linear(self) -> str:
        return P_LIN + self.alnum(40)

    def notion(self) -> str:
        return P_NTN + self.digits(11) + self.alnum(35)

    def sendgrid(self) -> str:
        return f"{P_SG}{self.b64url(22)}.{self.b64url(43)}"

    def mailgun(self) -> str:
        return P_MG + self.hexs(32)

    def openai(self) -> str:
        if self.r.randrange(2):
            return f"{P_SK}{self.alnum(20)}{_OPENAI_MARK}{self.alnum(20)}"
        return f"{P_SK_PROJ}{self.b64url(58)}{_OPENAI_MARK}{self.b64url(58)}"

    def gitlab(self) -> str:
        return P_GLPAT + self.b64url(20)

    def hf(self) -> str:
        return P_HF + self.run(string.ascii_letters, 34)

    def google(self) -> str:
        return P_AIZA + self.b64url(35)

    def mapbox(self, user: str, secret: bool) -> str:
        claims = _b64u(
            json.dumps(
                {"u": user, "a": "cl" + self.run(string.ascii_lowercase + string.digits, 23)},
                separators=(",", ":"),
            ).encode()
        )
        prefix = P_MB_SK if secret else P_MB_PK
        return f"{prefix[:3]}{claims}.{self.b64url(22)}"

    def docker(self) -> str:
        return P_DCKR + self.b64url(27)

    def arcgis(self) -> str:
        return P_AAPK + self.hexs(32) + self.b64url(64)

    def square(self) -> str:
        return P_EAAA + self.b64url(60)

    def digitalocean(self) -> str:
        return P_DOP + self.hexs(64)

    # look-alikes that hold nothing ------------------------------------------------------------------------
    def sha(self) -> str:
        return self.hexs(40)

    def sha256(self) -> str:
        return self.hexs(64)

    def uuid(self) -> str:
        h = self.hexs(32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{self.pick('89ab')}{h[17:20]}-{h[20:]}"

    def doc_ip(self) -> str:
        return f"{self.pick(('192.0.2', '198.51.100', '203.0.113'))}.{self.num(2, 250)}"

    def version(self) -> str:
        return f"{self.num(1, 9)}.{self.num(0, 20)}.{self.num(0, 40)}"

    def placeholder(self) -> str:
        return self.pick(("changeme", "<your-api-key>", "${API_TOKEN}", "****", "<redacted>", "YOUR_API_KEY"))

    def ts(self) -> str:
        return (
            f"2026-{self.num(1, 11):02d}-{self.num(1, 28):02d}T{self.num(0, 23):02d}:{self.num(0, 59):02d}:"
            f"{self.num(0, 59):02d}Z"
        )

    def date(self) -> str:
        return f"2026-{self.num(1, 11):02d}-{self.num(1, 28):02d}"

    def dob(self) -> str:
        return f"{self.num(1944, 2008)}-{self.num(1, 12):02d}-{self.num(1, 28):02d}"

    def phone(self) -> str:
        return f"+1 {self.num(201, 989)}-555-{self.num(100, 199):04d}"


# ---------------------------------------------------------------------------------------------- builder


@attrs.define
class _B:
    """One document being written: its raw lines, the values it labels and how it may be delivered."""

    f: _F
    lines: list[str] = attrs.Factory(list)
    secrets: list[tuple[str, str]] = attrs.Factory(list)
    keeps: list[str] = attrs.Factory(list)
    path: str = "notes.txt"
    lang: str = "text"
    multiline: bool = False

    def s(self, cls: str, value: str) -> str:
        self.secrets.append((cls, value))
        if "\n" in value:
            self.multiline = True
        return value

    def k(self, value: str) -> str:
        self.keeps.append(value)
        return value

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)


_Kind = Callable[[_B, int], None]
_KINDS: dict[str, list[tuple[str, int, _Kind]]] = {s: [] for s in SETTINGS}


def _kind(setting: str, name: str, count: int) -> Callable[[_Kind], _Kind]:
    """Registers a document kind of a setting, written `count` times with variants."""

    def register(fn: _Kind) -> _Kind:
        _KINDS[setting].append((name, count, fn))
        return fn

    return register


def _jdump(obj: object) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False)


def _role(local: str, domain: str) -> str:
    """A role account's address, joined at run time."""
    return f"{local}@{domain}"


def _esc(value: str) -> str:
    """A value as it stands inside a JSON string."""
    return json.dumps(value, ensure_ascii=False)[1:-1]


def _pem(b: _B, label: str, size: int, cls: str = "private-key") -> str:
    """A PEM block whose body is labelled; the markers around it are no secret."""
    body = b.s(cls, b.f.pem_body(size))
    return f"-----BEGIN {label}-----\n{body}\n-----END {label}-----"


def _fp(f: _F) -> str:
    """A certificate's SHA-256 fingerprint as openssl prints it: public, and kept."""
    h = f.hexs(64).upper()
    return ":".join(h[i : i + 2] for i in range(0, 64, 2))


# ---------------------------------------------------------------------------------------------- 1 lab informatics


@_kind("lab-informatics", "benchling-env", 5)
def _lab_benchling(b: _B, v: int) -> None:
    f = b.f
    tenant = f.pick(("orvel", "brackenbio", "quillgen", "tallowgen"))
    key = b.s("api-key", "sk_" + f.alnum(27))
    if v % 5 == 0:
        b.path, b.lang = ".env", "dotenv"
        b.add(
            "# plate-map sync: Benchling tenant and registry",
            f"BENCHLING_URL=https://{tenant}.benchling.com",
            f"BENCHLING_API_KEY={key}",
            f"BENCHLING_REGISTRY_ID=src_{f.run(string.ascii_letters, 8)}",
            "PLATEMAP_SCHEMA=ts_plate96",
            "# copy from README, do not commit real values:",
            f"#   BENCHLING_API_KEY={b.k('<your-api-key>')}",
        )
    elif v % 5 == 1:
        b.path, b.lang = "sync/client.py", "python"
        b.add(
            "from benchling_sdk.auth.api_key_auth import ApiKeyAuth",
            "from benchling_sdk.benchling import Benchling",
            "",
            f"# pinned in requirements.txt as benchling-sdk=={b.k(f.version())}",
            "benchling = Benchling(",
            f'    url="https://{tenant}.benchling.com",',
            f'    auth_method=ApiKeyAuth(api_key="{key}"),',
            ")",
            "for page in benchling.dna_sequences.list(page_size=50):",
            "    for seq in page:",
            "        print(seq.id, seq.name, seq.length)",
        )
    elif v % 5 == 2:
        b.path, b.lang = "session.txt", "console"
        rid = b.k(f.uuid())
        b.add(
            f"$ export BENCHLING_API_KEY={key}",
            f'$ curl -s -u "{b.k("${BENCHLING_API_KEY}")}:" \\',
            f"    https://{tenant}.benchling.com/api/v2/dna-sequences?pageSize=2 | jq '.dnaSequences[].name'",
            '"pUC19-GFP-v3"',
            '"pET28a-His-TEV"',
            f"$ curl -sI https://{tenant}.benchling.com/api/v2/dna-sequences | grep -i x-request-id",
            f"x-request-id: {rid}",
        )
    elif v % 5 == 3:
        b.path, b.lang = "app/config.yaml", "yaml"
        secret = b.s("client-secret", f.alnum(32))
        b.add(
            "benchling_app:",
            f"  tenant: https://{tenant}.benchling.com",
            f"  client_id: {f.uuid()}",
            f"  client_secret: {secret}",
            "  scopes: [entities:read, results:write]",
            "legacy_api:",
            f"  api_key: {key}",
            f"  manifest_sha256: {b.k(f.sha256())}",
        )
    else:
        b.path, b.lang = "notebook_cell.txt", "python"
        b.add(
            "In [3]: import os, requests",
            f'In [4]: os.environ["BENCHLING_API_KEY"] = "{key}"',
            "In [5]: r = requests.get(f'https://{tenant}.benchling.com/api/v2/projects',",
            "   ...:                  auth=(os.environ['BENCHLING_API_KEY'], ''))",
            "In [6]: r.status_code, r.json()['projects'][0]['name']",
            "Out[6]: (200, 'Assay Development')",
            f"In [7]: r.headers['etag']\nOut[7]: 'W/\"{b.k(f.sha())}\"'",
        )


@_kind("lab-informatics", "lims-manifest", 3)
def _lab_manifest(b: _B, v: int) -> None:
    f = b.f
    people = [f.person() for _ in range(1 + (v == 3))]
    dom = f.pick(("orvellabs.io", "brackenfield.net"))
    if v % 3 == 0:
        b.path, b.lang = "exports/manifest_2026w14.csv", "csv"
        b.add("sample_id,submitter_name,submitter_email,project,received_at,volume_ul,raw_sha256")
        for i, (fn, ln) in enumerate(people):
            name = b.s("person-name", f"{fn} {ln}")
            mail = b.s("email", f.email(fn, ln, dom))
            b.add(
                f"S-2026-{f.num(10000, 99999)},{name},{mail},PRJ-{f.num(10, 99)},{f.date()},"
                f"{f.num(20, 200)},{b.k(f.sha256()) if i == 0 else f.sha256()}"
            )
    elif v % 3 == 1:
        b.path, b.lang = "exports/researchers.xml", "xml"
        b.add('<?xml version="1.0" encoding="UTF-8"?>', "<res:researchers>")
        for fn, ln in people:
            b.add(
                f'  <researcher uri="https://lims.{dom}/api/v2/researchers/{f.num(100, 999)}">',
                f"    <first-name>{b.s('person-name', fn)}</first-name>",
                f"    <last-name>{b.s('person-name', ln)}</last-name>",
                f"    <email>{b.s('email', f.email(fn, ln, dom))}</email>",
                "    <lab>Genomics Core</lab>",
                "  </researcher>",
            )
        b.add("</res:researchers>", f"<!-- exported by lims-export {b.k(f.version())} -->")
    else:
        b.path, b.lang = "exports/batch.json", "json"
        rows = []
        for fn, ln in people:
            rows.append(
                {
                    "batch": f"B{f.num(1000, 9999)}",
                    "analyst": {
                        "full_name": b.s("person-name", f"{fn} {ln}"),
                        "email": b.s("email", f.email(fn, ln, dom)),
                    },
                    "instrument": f.pick(("QE-HF-02", "NovaSeq-1", "Xevo-TQ-S")),
                    "run_id": b.k(f.uuid()),
                }
            )
        b.add(_jdump({"exported_at": f.ts(), "rows": rows}))


@_kind("lab-informatics", "instrument-config", 3)
def _lab_instrument(b: _B, v: int) -> None:
    f = b.f
    fn, ln = f.person()
    user = b.s("username", f.user(fn, ln))
    ip = b.s("ip-address", f.ip_private())
    pw = b.s("password", f.password())
    if v % 5 == 0:
        b.path, b.lang = "Bridge.exe.config", "xml"
        ver = f"{f.num(2, 6)}.{f.num(0, 9)}.0.{f.num(10, 99)}"
        b.add(
            '<?xml version="1.0" encoding="utf-8"?>',
            "<configuration>",
            "  <configSections>",
            '    <section name="instrumentBridge" type="Lab.Bridge.Config, Lab.Bridge, '
            f'Version={b.k(ver)}, Culture=neutral, PublicKeyToken={b.k(f.hexs(16))}" />',
            "  </configSections>",
            "  <connectionStrings>",
            f'    <add name="Cds" connectionString="Server={ip};Database=CDS_Results;User Id=cds_reader;'
            f'Password={pw};" />',
            "  </connectionStrings>",
            "  <appSettings>",
            f'    <add key="ExportFolder" value="C:\\Users\\{user}\\Documents\\HPLC_exports" />',
            '    <add key="PollSeconds" value="30" />',
            "  </appSettings>",
            "</configuration>",
        )
    elif v % 5 == 1:
        b.path, b.lang = "LabVIEW.ini", "ini"
        b.add(
            "[LabVIEW]",
            "server.tcp.enabled=True",
            "server.tcp.port=3363",
            f'server.tcp.access="+{b.k("127.0.0.1")};+{ip}"',
            f"viSearchPath=C:\\Users\\{user}\\Documents\\LabVIEW Data\\instr.lib",
            "",
            "[ResultsDB]",
            f"ConnectionString=DRIVER={{ODBC Driver 18 for SQL Server}};SERVER={ip};UID=lv_writer;PWD={pw}",
            f"; netmask of the instrument VLAN: {b.k('255.255.255.0')}",
        )
    elif v % 5 == 2:
        b.path, b.lang = "share.json", "json"
        b.add(
            _jdump(
                {
                    "reader": "Synergy H1",
                    "export": {
                        "share": f"\\\\{ip}\\raw\\plates",
                        "username": "LAB\\svc_reader",
                        "password": pw,
                    },
                    "local_cache": f"C:\\Users\\{user}\\AppData\\Local\\PlateSync",
                    "dns": [b.k("8.8.8.8")],
                }
            )
        )
    elif v % 5 == 3:
        b.path, b.lang = "ipconfig.txt", "text"
        b.add(
            f"C:\\Users\\{user}> ipconfig /all",
            "",
            "Ethernet adapter Instrument LAN:",
            "   Connection-specific DNS Suffix  . : lab.local",
            f"   IPv4 Address. . . . . . . . . . . : {ip}(Preferred)",
            f"   Subnet Mask . . . . . . . . . . . : {b.k('255.255.254.0')}",
            f"   DNS Servers . . . . . . . . . . . : {b.k('1.1.1.1')}",
            "",
            f"C:\\Users\\{user}> cmdkey /add:nas01 /user:LAB\\msupload /pass:{pw}",
            "CMDKEY: Credential added successfully.",
        )
    else:
        b.path, b.lang = "uploader.ini", "ini"
        b.add(
            "; Orbitrap raw-file uploader",
            "[upload]",
            f"target = ftp://msupload:{pw}@{ip}:21/incoming/",
            f"watch = C:\\Users\\{user}\\Xcalibur\\data",
            f"checksum = sha256  ; last run {b.k(f.sha256())}",
        )


@_kind("lab-informatics", "eln-traceback", 3)
def _lab_eln(b: _B, v: int) -> None:
    f = b.f
    fn, ln = f.person()
    user = b.s("username", f.user(fn, ln))
    key = b.s("api-key", f"{f.num(2, 40)}-{f.hexs(84)}")
    host = f.pick(("eln.orvellabs.io", "elab.brackenfield.net"))
    if v % 2 == 0:
        b.path, b.lang = "traceback.txt", "pytb"
        b.add(
            "Traceback (most recent call last):",
            f'  File "/home/{user}/eln-sync/sync.py", line 88, in <module>',
            "    push_experiment(exp)",
            '  File "sync.py", line 41, in push_experiment',
            "    r.raise_for_status()",
            f"requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://{host}/api/v2/experiments",
            ">>> r.request.headers",
            f"{{'User-Agent': 'python-requests/2.32.3', 'Authorization': '{key}', "
            f"'Content-Type': 'application/json'}}",
            f"# request id {b.k(f.uuid())}",
        )
    else:
        b.path, b.lang = "curl.txt", "console"
        b.add(
            f"{user}@bench-pc:~$ curl -v -H 'Authorization: {key}' https://{host}/api/v2/items/412",
            f"*   Trying {b.k(f.doc_ip())}:443...",
            "> GET /api/v2/items/412 HTTP/2",
            f"> Host: {host}",
            f"> Authorization: {key}",
            "< HTTP/2 200",
            f'< etag: "{b.k(f.sha())}"',
            '{"id":412,"title":"Buffer prep 0.1 M Tris","category":"Protocol"}',
        )


@_kind("lab-informatics", "lims-settings", 4)
def _lab_settings(b: _B, v: int) -> None:
    f = b.f
    if v % 2 == 0:
        b.path, b.lang = "lims/settings/production.py", "python"
        sk = b.s("secret-key", f.secret_key())
        pw = b.s("password", f.password())
        mpw = b.s("password", f.password())
        b.add(
            "from .base import *  # noqa",
            "",
            f"SECRET_KEY = '{sk}'",
            f"ALLOWED_HOSTS = ['lims.orvellabs.io', '{b.k('127.0.0.1')}']",
            "DATABASES = {",
            "    'default': {",
            "        'ENGINE': 'django.db.backends.postgresql',",
            "        'NAME': 'lims',",
            "        'USER': 'lims_app',",
            f"        'PASSWORD': '{pw}',",
            "        'HOST': 'db.lims.internal',",
            "    }",
            "}",
            "EMAIL_HOST = 'smtp.orvellabs.io'",
            f"EMAIL_HOST_PASSWORD = '{mpw}'",
            f"DEFAULT_FROM_EMAIL = '{b.k(_role('noreply', 'orvellabs.io'))}'",
        )
    else:
        b.path, b.lang = ".env.production", "dotenv"
        upw = b.s("url-password", f.url_password())
        fk = b.s("encryption-key", base64.urlsafe_b64encode(f.r.randbytes(32)).decode())
        b.add(
            f"DATABASE_URL=postgres://lims:{upw}@db.lims.internal:5432/lims",
            f"REDIS_URL=redis://{b.k('127.0.0.1')}:6379/2",
            f"FERNET_KEY={fk}",
            f"POSTGRES_PASSWORD={b.k('changeme')}",
            "SAMPLE_ID_PREFIX=S-2026-",
            f"RELEASE={b.k(f.sha())}",
        )


@_kind("lab-informatics", "uploader-key", 3)
def _lab_key(b: _B, v: int) -> None:
    f = b.f
    b.path, b.lang = "client.key", "text"
    b.add(
        "$ sudo cat /etc/lab-uploader/client.key",
        _pem(b, "PRIVATE KEY" if v % 2 == 0 else "EC PRIVATE KEY", 1218 if v % 2 == 0 else 121),
        "$ openssl x509 -in /etc/lab-uploader/client.crt -noout -fingerprint -sha256",
        f"sha256 Fingerprint={b.k(_fp(f))}",
    )


# ---------------------------------------------------------------------------------------------- 2 GIS and drones


@_kind("gis-drones", "arcgis", 5)
def _gis_arcgis(b: _B, v: int) -> None:
    f = b.f
    org = f.pick(("tallowcreek", "kestrelpoint", "fernhollow"))
    if v % 3 == 0:
        key = b.s("arcgis-key", f.arcgis())
        b.path, b.lang = "publish_layers.py", "python"
        b.add(
            "from arcgis.gis import GIS",
            "",
            f'gis = GIS("https://{org}.maps.arcgis.com", api_key="{key}")',
            f'item = gis.content.get("{f.hexs(32)}")',
            "print(item.title, item.type)",
            f"# arcgis {b.k(f.version())}; docs: https://developers.arcgis.com/python/",
        )
    elif v % 3 == 1:
        pw = b.s("password", f.password())
        tok = b.s("token", f.b64url(128) + "..")
        b.path, b.lang = "token.txt", "console"
        b.add(
            f"$ curl -s https://gis.{org}.org/portal/sharing/rest/generateToken \\",
            f"    -d username=gisadmin -d 'password={pw}' -d client=referer \\",
            f"    -d referer=https://maps.{org}.org -d expiration=60 -d f=json",
            f'{{"token":"{tok}","expires":{f.num(1767000000, 1769999999)}000,"ssl":true}}',
            f"$ curl -s 'https://gis.{org}.org/server/rest/services/Parcels/MapServer?f=json&token={tok}' | head -c 80",
            '{"currentVersion":11.3,"serviceDescription":"County parcels","mapName":"Parcels"',
        )
    else:
        key = b.s("arcgis-key", f.arcgis())
        b.path, b.lang = "config.js", "javascript"
        b.add(
            'import esriConfig from "@arcgis/core/config.js";',
            "",
            f'esriConfig.apiKey = "{key}";',
            f'// keep the sample value out of the repo: esriConfig.apiKey = "{b.k("YOUR_API_KEY")}";',
            'const basemap = "arcgis/topographic";',
        )


@_kind("gis-drones", "qgis-connections", 3)
def _gis_qgis(b: _B, v: int) -> None:
    f = b.f
    fn, ln = f.person()
    user = b.s("username", f.user(fn, ln))
    ip = b.s("ip-address", f.ip_private())
    pw = b.s("password", f.password())
    if v % 3 == 0:
        b.path, b.lang = "QGIS3.ini", "ini"
        b.add(
            f"; C:/Users/{user}/AppData/Roaming/QGIS/QGIS3/profiles/default/QGIS/QGIS3.ini",
            "[PostgreSQL]",
            "connections\\selected=parcels",
            f"connections\\parcels\\host={ip}",
            "connections\\parcels\\port=5432",
            "connections\\parcels\\database=gis",
            "connections\\parcels\\username=qgis_editor",
            f"connections\\parcels\\password={pw}",
            "connections\\parcels\\savePassword=true",
            f"connections\\wms-ortho\\authcfg={b.k(f.run(string.ascii_lowercase + string.digits, 7))}",
        )
    elif v % 3 == 1:
        b.path, b.lang = "flood_model.qgs", "xml"
        b.add(
            '<maplayer type="vector" geometry="Polygon">',
            "  <id>parcels_8f1c2e</id>",
            f"  <datasource>dbname='gis' host={ip} port=5432 user='editor' password='{pw}' sslmode=disable "
            'key=\'gid\' srid=2229 type=MultiPolygon table="public"."parcels" (geom)</datasource>',
            f"  <!-- saved by QGIS {b.k(f.version())} from /home/{user}/projects/flood -->",
            "</maplayer>",
        )
    else:
        b.path, b.lang = "pg_service.conf", "ini"
        b.add(
            f"# /home/{user}/.pg_service.conf",
            "[gis_prod]",
            f"host={ip}",
            "port=5432",
            "dbname=gis",
            "user=qgis_editor",
            f"password={pw}",
            "",
            "[gis_local]",
            f"host={b.k('127.0.0.1')}",
            "dbname=gis",
        )


@_kind("gis-drones", "drone-fleet", 3)
def _gis_drone(b: _B, v: int) -> None:
    f = b.f
    dock_ip = b.s("ip-address", f.ip_private())
    fw = b.k(f"{f.num(1, 12):02d}.{f.num(0, 9):02d}.{f.num(1000, 9999)}")
    if v % 3 == 0:
        appkey = b.s("api-key", f.alnum(32))
        mqpw = b.s("password", f.password())
        b.path, b.lang = "dock-bridge.yaml", "yaml"
        b.add(
            "dji:",
            f"  app_id: {f.num(100000, 999999)}",
            f"  app_key: {appkey}",
            "mqtt:",
            f"  broker: tcp://{dock_ip}:1883",
            "  username: dock-bridge",
            f"  password: {mqpw}",
            f"min_dock_firmware: {fw}",
        )
    elif v % 3 == 1:
        fn, _ln = f.person()
        tok = b.s("jwt", f.jwt({"workspace_id": f.uuid(), "username": fn.lower(), "exp": 1767225600}))
        b.path, b.lang = "fleet.log", "log"
        b.add(
            f"{f.ts()} INFO  dock connected from {dock_ip} (firmware {fw})",
            f"{f.ts()} DEBUG POST /manage/api/v1/workspaces/current/devices/bind x-auth-token={tok}",
            f"{f.ts()} INFO  device bound sn=1581F5FHD{f.num(1000, 9999)} request_id={b.k(f.uuid())}",
            f"{f.ts()} WARN  gps fix lost for 4.2s at 34.0522,-118.2437",
        )
    else:
        tok = b.s("token", f.alnum(40))
        b.path, b.lang = "missions.sh", "console"
        b.add(
            f"$ export FLEET_API_TOKEN={tok}",
            '$ curl -s -H "Authorization: Bearer $FLEET_API_TOKEN" https://fleet.kestrelpoint.co/v2/missions | jq .',
            "[",
            f'  {{"mission": "roof-survey-17", "drone": "M30T", "firmware": "{fw}", "status": "planned"}}',
            "]",
            f"$ ping -c1 {dock_ip}",
            f"64 bytes from {dock_ip}: icmp_seq=1 ttl=64 time=2.41 ms",
        )


@_kind("gis-drones", "tile-keys", 7)
def _gis_tiles(b: _B, v: int) -> None:
    f = b.f
    acct = f.pick(("tallowsurvey", "kestrelmaps", "fernhollowgis"))
    if v % 3 == 0:
        pk = b.k(f.mapbox(acct, secret=False))
        sk = b.s("mapbox-secret", f.mapbox(acct, secret=True))
        b.path, b.lang = ".env", "dotenv"
        b.add(
            "# public token is shipped in the bundle; the secret one uploads tilesets",
            f"VITE_MAPBOX_TOKEN={pk}",
            f"MAPBOX_UPLOAD_TOKEN={sk}",
            f"MAPBOX_USERNAME={acct}",
        )
    elif v % 3 == 1:
        gkey = b.s("google-api-key", f.google())
        mt = b.s("api-key", f.alnum(20))
        b.path, b.lang = "style.json", "json"
        b.add(
            _jdump(
                {
                    "version": 8,
                    "sources": {
                        "satellite": {
                            "type": "raster",
                            "tiles": [
                                f"https://api.maptiler.com/tiles/satellite-v2/{{z}}/{{x}}/{{y}}.jpg?key={mt}"
                            ],
                            "tileSize": 256,
                        },
                        "streetview": {
                            "type": "raster",
                            "tiles": [
                                f"https://maps.googleapis.com/maps/api/staticmap?size=256x256&key={gkey}"
                            ],
                        },
                    },
                    "metadata": {"generator": "tile-build", "commit": b.k(f.sha())},
                }
            )
        )
    else:
        do = b.s("digitalocean-token", f.digitalocean())
        b.path, b.lang = "provision.txt", "console"
        b.add(
            f"$ doctl auth init --access-token {do}",
            "Validating token... OK",
            "$ doctl compute droplet create tiles-01 --image docker-20-04 --size s-2vcpu-4gb --region fra1",
            "ID           Name        Public IPv4    Status",
            f"{f.num(400000000, 499999999)}    tiles-01    {b.k(f.doc_ip())}    new",
        )


@_kind("gis-drones", "earth-engine-key", 3)
def _gis_ee(b: _B, v: int) -> None:
    f = b.f
    body = f.pem_body(1218)
    kid = b.s("key-id", f.hexs(40))
    b.s("private-key", _esc(body))
    b.multiline = True
    proj = f.pick(("flood-maps-2026", "canopy-watch"))
    b.path, b.lang = "ee-key.json", "json"
    b.add(
        "{",
        '  "type": "service_account",',
        f'  "project_id": "{proj}",',
        f'  "private_key_id": "{kid}",',
        f'  "private_key": "-----BEGIN PRIVATE KEY-----\\n{_esc(body)}\\n-----END PRIVATE KEY-----\\n",',
        f'  "client_email": "ee-runner@{proj}.iam.gserviceaccount.com",',
        '  "token_uri": "https://oauth2.googleapis.com/token"',
        "}",
        f"# committed in {b.k(f.sha())}; rotate with: gcloud iam service-accounts keys create",
    )


@_kind("gis-drones", "repo-credentials", 3)
def _gis_repo(b: _B, v: int) -> None:
    f = b.f
    if v % 3 == 0:
        tok = b.s("github-token", f.github())
        b.path, b.lang = ".netrc", "text"
        b.add(
            "machine github.com",
            "  login gis-ci-bot",
            f"  password {tok}",
            "machine api.github.com",
            "  login gis-ci-bot",
            f"  password {tok}",
        )
    elif v % 3 == 1:
        tok = b.s("gitlab-token", f.gitlab())
        b.path, b.lang = "remote.txt", "console"
        b.add(
            "$ git remote -v",
            f"origin\thttps://oauth2:{tok}@gitlab.com/kestrel/orthomosaic-pipeline.git (fetch)",
            f"origin\thttps://oauth2:{tok}@gitlab.com/kestrel/orthomosaic-pipeline.git (push)",
            "$ git log -1 --format=%H",
            b.k(f.sha()),
        )
    else:
        tok = b.s("docker-token", f.docker())
        b.path, b.lang = "deploy.sh", "bash"
        b.add(
            "#!/usr/bin/env bash",
            "set -euo pipefail",
            f"echo '{tok}' | docker login -u gisops --password-stdin",
            f"docker pull maptiler/tileserver-gl@sha256:{b.k(f.sha256())}",
        )


# ---------------------------------------------------------------------------------------------- 3 sports and fitness


@_kind("sports-fitness", "strava-oauth", 3)
def _fit_strava(b: _B, v: int) -> None:
    f = b.f
    fn, ln = f.person()
    cid = f.num(10000, 199999)
    secret = b.s("client-secret", f.hexs(40))
    access = b.s("token", f.hexs(40))
    refresh = b.s("refresh-token", f.hexs(40))
    athlete: dict[str, object] = {"id": f.num(1000000, 99999999), "username": None, "city": "Boulder"}
    if v % 3 == 0:
        athlete.update(firstname=b.s("person-name", fn), lastname=b.s("person-name", ln), premium=True)
    if v % 3 == 0:
        b.path, b.lang = "oauth.txt", "console"
        b.add(
            "$ curl -s -X POST https://www.strava.com/oauth/token \\",
            f"    -F client_id={cid} -F client_secret={secret} \\",
            f"    -F code={f.hexs(40)} -F grant_type=authorization_code",
            json.dumps(
                {
                    "token_type": "Bearer",
                    "expires_at": 1767225600,
                    "expires_in": 21600,
                    "refresh_token": refresh,
                    "access_token": access,
                    "athlete": athlete,
                }
            ),
        )
    elif v % 3 == 1:
        b.path, b.lang = "strava_tokens.json", "json"
        b.add(
            _jdump(
                {
                    "client_id": cid,
                    "client_secret": secret,
                    "access_token": access,
                    "refresh_token": refresh,
                    "expires_at": 1767225600,
                    "athlete": athlete,
                }
            )
        )
        b.add(f"// written by stravalib {b.k(f.version())}")
    else:
        b.path, b.lang = "sync.log", "log"
        b.add(
            f"{f.ts()} DEBUG refreshing token for athlete {athlete['id']}",
            f"{f.ts()} DEBUG POST https://www.strava.com/api/v3/oauth/token client_id={cid} "
            f"client_secret={secret} refresh_token={refresh} grant_type=refresh_token",
            f"{f.ts()} DEBUG <- 200 {json.dumps({'access_token': access, 'expires_in': 21600})}",
            f"{f.ts()} INFO  athlete {athlete['id']} activities=214",
            f"{f.ts()} INFO  webhook verify_token={b.k('${STRAVA_VERIFY_TOKEN}')} subscription ok",
        )


@_kind("sports-fitness", "garmin-tokens", 3)
def _fit_garmin(b: _B, v: int) -> None:
    f = b.f
    fn, ln = f.person()
    user = b.s("username", f.user(fn, ln))
    otok = f.alnum(36)
    osec = f.alnum(35)
    jwt = f.jwt(
        {
            "scope": ["CONNECT_READ", "CONNECT_WRITE"],
            "iss": "https://diauth.garmin.com",
            "client_id": "GARMIN_CONNECT_MOBILE_ANDROID_DI",
            "exp": 1767225600,
        }
    )
    if v % 2 == 0:
        b.path, b.lang = "garth.txt", "console"
        b.add(
            f"{user}@laptop:~$ cat ~/.garth/oauth1_token.json",
            json.dumps(
                {
                    "oauth_token": b.s("token", otok),
                    "oauth_token_secret": b.s("client-secret", osec),
                    "mfa_token": None,
                    "domain": "garmin.com",
                }
            ),
            "$ cat ~/.garth/oauth2_token.json | jq -c '{token_type, access_token}'",
            json.dumps({"token_type": "Bearer", "access_token": b.s("jwt", jwt)}),
        )
    else:
        pw = b.s("password", f.password())
        mail = b.s("email", f.email(fn, ln))
        b.path, b.lang = "env.txt", "dotenv"
        b.add(
            f"# /home/{user}/garmin-export/.env",
            f"GARMIN_EMAIL={mail}",
            f"GARMIN_PASSWORD={pw}",
            "GARTH_HOME=~/.garth",
        )


@_kind("sports-fitness", "fitbit-oauth", 3)
def _fit_fitbit(b: _B, v: int) -> None:
    f = b.f
    cid = f.run(string.ascii_uppercase + string.digits, 6)
    csec = f.hexs(32)
    basic = b.s("basic-auth", base64.b64encode(f"{cid}:{csec}".encode()).decode())
    at = b.s(
        "jwt",
        f.jwt(
            {
                "aud": cid,
                "sub": f.run(string.ascii_uppercase + string.digits, 6),
                "iss": "Fitbit",
                "typ": "access_token",
                "scopes": "rhr rsle ract",
                "exp": 1767225600,
            }
        ),
    )
    rt = b.s("refresh-token", f.hexs(64))
    if v % 2 == 0:
        b.path, b.lang = "token.txt", "http"
        b.add(
            "POST /oauth2/token HTTP/1.1",
            "Host: api.fitbit.com",
            f"Authorization: Basic {basic}",
            "Content-Type: application/x-www-form-urlencoded",
            "",
            f"client_id={cid}&grant_type=authorization_code&code_verifier={f.b64url(43)}",
            "",
            "HTTP/1.1 200 OK",
            json.dumps(
                {
                    "access_token": at,
                    "expires_in": 28800,
                    "refresh_token": rt,
                    "scope": "heartrate sleep activity",
                    "token_type": "Bearer",
                    "user_id": "B7X2QK",
                }
            ),
        )
    else:
        b.path, b.lang = "fitbit.py", "python"
        b.add(
            "import requests",
            "",
            f'HEADERS = {{"Authorization": "Bearer {at}"}}',
            "# the refresh token from the last run; rotate on every use",
            f'REFRESH_TOKEN = "{rt}"',
            f'TOKEN_HEADERS = {{"Authorization": "Basic {basic}"}}',
            'r = requests.get("https://api.fitbit.com/1/user/-/activities/heart/date/today/1d.json",'
            " headers=HEADERS)",
            f"# Postman-Token: {b.k(f.uuid())}",
        )


@_kind("sports-fitness", "polar-accesslink", 4)
def _fit_polar(b: _B, v: int) -> None:
    f = b.f
    csec = b.s("client-secret", f.uuid())
    tok = b.s("token", f.hexs(32))
    if v % 2 == 0:
        b.path, b.lang = "config.yml", "yaml"
        b.add(
            "# accesslink-example-python/config.yml",
            f"client_id: {f.uuid()}",
            f"client_secret: {csec}",
            f"access_token: {tok}",
            f"user_id: {f.num(10000000, 99999999)}",
        )
    else:
        b.path, b.lang = "polar.txt", "console"
        b.add(
            "$ python authorization.py",
            " * Running on http://localhost:5000/ (Press CTRL+C to quit)",
            f'{b.k("127.0.0.1")} - - [04/Mar/2026 09:12:44] "GET /oauth2_callback?code=2f9c HTTP/1.1" 200 -',
            f"Client secret {csec} accepted; access_token: {tok}",
            f"Saved to config.yml; polar-accesslink {b.k(f.version())}",
        )


@_kind("sports-fitness", "athlete-export", 3)
def _fit_export(b: _B, v: int) -> None:
    f = b.f
    people = [f.person() for _ in range(1 + (v == 3))]
    if v % 2 == 0:
        b.path, b.lang = "club_members.csv", "csv"
        b.add("member_id,first_name,last_name,email,phone,birth_date,resting_hr,ftp_w")
        for fn, ln in people:
            b.add(
                f"{f.num(10000, 99999)},{b.s('person-name', fn)},{b.s('person-name', ln)},"
                f"{b.s('email', f.email(fn, ln))},{f.phone()},{f.dob()},{f.num(44, 70)},{f.num(180, 330)}"
            )
        b.add(f"# exported {f.ts()} by {b.k(_role('noreply', 'example.com'))}")
    else:
        b.path, b.lang = "athletes.json", "json"
        b.add(
            _jdump(
                {
                    "team": "Foothills Tri Club",
                    "athletes": [
                        {
                            "athlete_name": b.s("person-name", f"{fn} {ln}"),
                            "email": b.s("email", f.email(fn, ln)),
                            "device": f.pick(("Forerunner 965", "Vantage V3", "Charge 6")),
                            "vo2max": f.num(38, 66),
                        }
                        for fn, ln in people
                    ],
                    "export_id": b.k(f.uuid()),
                }
            )
        )


@_kind("sports-fitness", "app-env", 2)
def _fit_env(b: _B, v: int) -> None:
    f = b.f
    akid = b.s("aws-access-key", f.akid())
    asec = b.s("aws-secret-key", f.aws_secret())
    b.path, b.lang = "credentials", "ini"
    b.add(
        "[fitness-exports]",
        f"aws_access_key_id = {akid}",
        f"aws_secret_access_key = {asec}",
        "region = eu-west-1",
        "",
        "[docs-example]",
        f"aws_access_key_id = {b.k(P_AKIA + 'IOSFODNN7' + 'EXAMPLE')}",
    )


# ---------------------------------------------------------------------------------------------- 4 collaboration SaaS


@_kind("collab-saas", "figma", 5)
def _col_figma(b: _B, v: int) -> None:
    f = b.f
    tok = b.s("figma-token", f.figma())
    fkey = f.alnum(22)
    if v % 3 == 0:
        b.path, b.lang = "figma.txt", "console"
        b.add(
            f'$ curl -s -H "X-Figma-Token: {tok}" https://api.figma.com/v1/files/{fkey}?depth=1 | jq -c .',
            json.dumps(
                {
                    "name": "Design System v4",
                    "lastModified": f.ts(),
                    "version": str(f.num(10**9, 2 * 10**9)),
                    "role": "editor",
                    "editorType": "figma",
                }
            ),
        )
    elif v % 3 == 1:
        b.path, b.lang = "export-icons.ts", "typescript"
        b.add(
            "import fetch from 'node-fetch';",
            "",
            f"const FIGMA_TOKEN = process.env.FIGMA_TOKEN ?? '{tok}';",
            f"const FILE_KEY = '{fkey}';",
            "const res = await fetch(`https://api.figma.com/v1/images/${FILE_KEY}?ids=1:2&format=svg`, {",
            "  headers: { 'X-Figma-Token': FIGMA_TOKEN },",
            "});",
            f"// template for CI: FIGMA_TOKEN={b.k('${{ secrets.FIGMA_TOKEN }}')}",
        )
    else:
        b.path, b.lang = ".env", "dotenv"
        b.add(
            f"FIGMA_TOKEN={tok}",
            f"FIGMA_FILE_KEY={fkey}",
            f"# sample in README: FIGMA_TOKEN={b.k('<your-figma-token>')}",
        )


@_kind("collab-saas", "notion", 4)
def _col_notion(b: _B, v: int) -> None:
    f = b.f
    tok = b.s("notion-token", f.notion())
    people = [f.person() for _ in range(1 + (v == 3))]
    if v % 2 == 0:
        b.path, b.lang = "notion.txt", "console"
        b.add(
            f"$ curl -s https://api.notion.com/v1/users -H 'Authorization: Bearer {tok}' "
            "-H 'Notion-Version: 2022-06-28' | jq -c '.results[]'"
        )
        for fn, ln in people:
            b.add(
                json.dumps(
                    {
                        "object": "user",
                        "id": f.uuid(),
                        "name": b.s("person-name", f"{fn} {ln}"),
                        "type": "person",
                        "person": {"email": b.s("email", f.email(fn, ln, "marrowlane.co"))},
                    }
                )
            )
        b.add(json.dumps({"object": "user", "id": b.k(f.uuid()), "name": "Roadmap Sync", "type": "bot"}))
    else:
        b.path, b.lang = "sync_roadmap.py", "python"
        fn, ln = people[0]
        b.add(
            "from notion_client import Client",
            "",
            f'notion = Client(auth="{tok}")',
            f'DATABASE_ID = "{f.hexs(32)}"',
            "for row in notion.databases.query(database_id=DATABASE_ID)['results']:",
            "    print(row['properties']['Name']['title'][0]['plain_text'])",
            f"# {b.k('git@github.com')}:marrowlane/roadmap-sync.git",
        )


@_kind("collab-saas", "linear", 4)
def _col_linear(b: _B, v: int) -> None:
    f = b.f
    key = b.s("linear-key", f.linear())
    fn, ln = f.person()
    if v % 2 == 0:
        b.path, b.lang = "linear.txt", "console"
        b.add(
            f"$ curl -s https://api.linear.app/graphql -H 'Authorization: {key}' \\",
            "    -H 'Content-Type: application/json' \\",
            '    -d \'{"query": "{ issue(id: \\"ENG-482\\") { title assignee { name email } } }"}\'',
            json.dumps(
                {
                    "data": {
                        "issue": {
                            "title": "Sync fails on archived projects",
                            "assignee": {
                                "name": b.s("person-name", f"{fn} {ln}"),
                                "email": b.s("email", f.email(fn, ln, "vantrope.dev")),
                            },
                        }
                    }
                }
            ),
        )
    else:
        b.path, b.lang = "linear.yml", "yaml"
        b.add(
            "# .github/workflows/linear-release.yml",
            "env:",
            f"  LINEAR_API_KEY: {key}",
            "  LINEAR_TEAM: ENG",
            f"  RELEASE_SHA: {b.k(f.sha())}",
        )


@_kind("collab-saas", "asana-members", 4)
def _col_asana(b: _B, v: int) -> None:
    f = b.f
    pat = b.s("token", f"2/{f.digits(16)}/{f.digits(16)}:{f.hexs(32)}")
    people = [f.person() for _ in range(1 + (v == 3))]
    if v % 2 == 0:
        b.path, b.lang = "members.csv", "csv"
        b.add(f"# fetched with ASANA_TOKEN={pat}", "Name,Email,Role,Last active")
        for fn, ln in people:
            b.add(
                f"{b.s('person-name', f'{fn} {ln}')},{b.s('email', f.email(fn, ln, 'hollisgate.net'))},"
                f"Member,{f.date()}"
            )
        b.add(f"Ops Guest,{b.k(_role('noreply', 'hollisgate.net'))},Guest,{f.date()}")
    else:
        b.path, b.lang = "asana.py", "python"
        b.add(
            "import asana",
            "",
            "configuration = asana.Configuration()",
            f"configuration.access_token = '{pat}'",
            "client = asana.ApiClient(configuration)",
            f"WORKSPACE_GID = '{f.digits(16)[:13]}'",
            f"# asana {b.k(f.version())}",
        )


@_kind("collab-saas", "monday-miro", 5)
def _col_monday(b: _B, v: int) -> None:
    f = b.f
    if v % 2 == 0:
        tok = b.s(
            "jwt",
            f.jwt(
                {
                    "tid": f.num(10**8, 5 * 10**8),
                    "aai": 11,
                    "uid": f.num(10**7, 9 * 10**7),
                    "iad": f.ts(),
                    "per": "me:write",
                    "actid": f.num(10**6, 9 * 10**6),
                    "rgn": "euc1",
                }
            ),
        )
        b.path, b.lang = "monday.txt", "console"
        b.add(
            "$ curl -s https://api.monday.com/v2 \\",
            f"    -H 'Authorization: {tok}' -H 'API-Version: 2024-10' \\",
            '    -d \'{"query":"{ boards(limit:1) { name items_count } }"}\'',
            '{"data":{"boards":[{"name":"Q3 Launch","items_count":48}]},"account_id":'
            + str(f.num(10**6, 9 * 10**6))
            + "}",
        )
    else:
        tok = b.s("token", "eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_" + f.b64url(27))
        b.path, b.lang = "miro.env", "dotenv"
        b.add(
            f"MIRO_ACCESS_TOKEN={tok}",
            f"MIRO_BOARD_ID=uXjV{f.alnum(8)}=",
            f"MIRO_CLIENT_SECRET={b.k('${MIRO_CLIENT_SECRET}')}",
        )


@_kind("collab-saas", "slack-notify", 3)
def _col_slack(b: _B, v: int) -> None:
    f = b.f
    tok = b.s("slack-token", f.slack())
    fn, ln = f.person()
    if v % 2 == 0:
        b.path, b.lang = "notify.sh", "console"
        b.add(
            f"$ export SLACK_BOT_TOKEN={tok}",
            "$ curl -s -X POST https://slack.com/api/chat.postMessage \\",
            '    -H "Authorization: Bearer $SLACK_BOT_TOKEN" -d channel=C04PRODUCT -d text="Linear sync done"',
            '{"ok":true,"channel":"C04PRODUCT","ts":"1767225600.001200"}',
        )
    else:
        mail = b.s("email", f.email(fn, ln))
        name = b.s("person-name", f"{fn} {ln}")
        b.path, b.lang = "setup.txt", "console"
        b.add(
            f"$ git config user.name '{name}'",
            f"$ git config user.email {mail}",
            f"$ echo 'SLACK_BOT_TOKEN={tok}' >> .env",
            "$ git log -1 --format='%H %an <%ae>'",
            f"{b.k(f.sha())} {name} <{mail}>",
        )


# ---------------------------------------------------------------------------------------------- 5 personal finance


@_kind("personal-finance", "plaid", 4)
def _fin_plaid(b: _B, v: int) -> None:
    f = b.f
    secret = b.s("client-secret", f.hexs(30))
    access = b.s("token", f"access-production-{f.uuid()}")
    if v % 3 == 0:
        b.path, b.lang = ".env", "dotenv"
        b.add(
            f"PLAID_CLIENT_ID={f.hexs(24)}",
            f"PLAID_SECRET={secret}",
            "PLAID_ENV=production",
            f"PLAID_ACCESS_TOKEN_CHECKING={access}",
            f"PLAID_SANDBOX_SECRET={b.k('<your-sandbox-secret>')}",
        )
    elif v % 3 == 1:
        b.path, b.lang = "plaid.txt", "console"
        fn, ln = f.person()
        b.add(
            "$ curl -s -X POST https://production.plaid.com/identity/get -H 'Content-Type: application/json' \\",
            f'    -d \'{{"client_id":"{f.hexs(24)}","secret":"{secret}","access_token":"{access}"}}\' | jq -c'
            " .accounts[0].owners",
            json.dumps(
                [
                    {
                        "names": [f"{fn} {ln}"],
                        "emails": [{"data": b.s("email", f.email(fn, ln)), "primary": True}],
                    }
                ]
            ),
            f"request_id: {f.alnum(15)}",
        )
    else:
        b.path, b.lang = "budget_sync.log", "log"
        b.add(
            f"{f.ts()} DEBUG plaid config {{'env': 'production', 'secret': '{secret}'}}",
            f"{f.ts()} INFO  plaid item linked item_id={f.alnum(37)}",
            f"{f.ts()} DEBUG exchange public_token -> access_token={access}",
            f"{f.ts()} INFO  transactions/sync cursor={f.b64url(40)} added=37 modified=2",
        )


@_kind("personal-finance", "truelayer", 3)
def _fin_truelayer(b: _B, v: int) -> None:
    f = b.f
    at = b.s(
        "jwt",
        f.jwt(
            {
                "iss": "https://auth.truelayer.com",
                "sub": f.uuid(),
                "scope": ["info", "accounts", "balance", "transactions", "offline_access"],
                "exp": 1767225600,
            }
        ),
    )
    rt = b.s("refresh-token", f.hexs(64).upper())
    ib = b.s("iban", f.iban())
    if v % 2 == 0:
        b.path, b.lang = "tl.txt", "console"
        b.add(
            f"$ curl -s -H 'Authorization: Bearer {at}' https://api.truelayer.com/data/v1/accounts | jq -c .results[]",
            json.dumps(
                {
                    "account_id": f.hexs(32),
                    "account_type": "TRANSACTION",
                    "display_name": "Current Account",
                    "currency": "GBP",
                    "account_number": {
                        "iban": ib,
                        "number": f.digits(8),
                        "sort_code": f"{f.num(10, 99)}-{f.num(10, 99)}-{f.num(10, 99)}",
                    },
                }
            ),
            f"# refresh_token saved to keyring: {rt}",
        )
    else:
        b.path, b.lang = "tokens.json", "json"
        b.add(
            _jdump(
                {
                    "access_token": at,
                    "expires_in": 3600,
                    "token_type": "Bearer",
                    "refresh_token": rt,
                    "scope": "info accounts balance transactions offline_access",
                    "accounts": [{"iban": ib, "provider": "ob-monzo"}],
                    "docs_sample_iban_rejected": b.k(f.bad_iban()),
                }
            )
        )


@_kind("personal-finance", "ynab", 4)
def _fin_ynab(b: _B, v: int) -> None:
    f = b.f
    tok = b.s("token", f.b64url(43))
    bid = b.k(f.uuid())
    if v % 2 == 0:
        b.path, b.lang = "ynab.txt", "console"
        b.add(
            f"$ curl -s -H 'Authorization: Bearer {tok}' https://api.ynab.com/v1/budgets/{bid}/categories |"
            " jq -r '.data.category_groups[].name'",
            "Inflow",
            "Bills",
            "Everyday Expenses",
        )
    else:
        b.path, b.lang = "ynab_import.py", "python"
        b.add(
            "import ynab",
            "",
            f'configuration = ynab.Configuration(access_token="{tok}")',
            f'BUDGET_ID = "{bid}"',
            "with ynab.ApiClient(configuration) as api_client:",
            "    txs = ynab.TransactionsApi(api_client).get_transactions(BUDGET_ID).data.transactions",
            "    print(len(txs), 'transactions')",
        )


@_kind("personal-finance", "ofx-statement", 5)
def _fin_ofx(b: _B, v: int) -> None:
    f = b.f
    b.path, b.lang = "statement.qfx" if v % 2 else "request.ofx", "xml"
    if v % 2 == 0:
        pw = b.s("password", f.password())
        b.add(
            "OFXHEADER:100",
            "DATA:OFXSGML",
            "VERSION:102",
            "",
            "<OFX>",
            "<SIGNONMSGSRQV1><SONRQ>",
            f"<DTCLIENT>{f.date().replace('-', '')}120000",
            f"<USERID>{f.pick(_WORDS)}{f.num(10, 99)}",
            f"<USERPASS>{pw}",
            "<LANGUAGE>ENG",
            "<FI><ORG>B1<FID>10898</FI>",
            "<APPID>QWIN<APPVER>2700",
            "</SONRQ></SIGNONMSGSRQV1>",
            f"<!-- client uid {b.k(f.uuid())} -->",
            "</OFX>",
        )
    else:
        card = b.s("card-number", f.card())
        b.add(
            "OFXHEADER:100",
            "DATA:OFXSGML",
            "<OFX>",
            "<CREDITCARDMSGSRSV1><CCSTMTTRNRS>",
            "<CCSTMTRS><CURDEF>USD",
            f"<CCACCTFROM><ACCTID>{card}</CCACCTFROM>",
            "<BANKTRANLIST>",
            f"<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>{f.date().replace('-', '')}<TRNAMT>-{f.num(3, 300)}.{f.num(10, 99)}"
            f"<FITID>{f.hexs(24).upper()}<NAME>WHOLEFDS MKT #10{f.num(10, 99)}</STMTTRN>",
            "</BANKTRANLIST>",
            "</CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1>",
            "</OFX>",
        )


@_kind("personal-finance", "wallet-seed", 3)
def _fin_seed(b: _B, v: int) -> None:
    f = b.f
    phrase = b.s("seed-phrase", f.phrase())
    if v == 0:
        b.path, b.lang = ".env", "dotenv"
        b.add(
            "# net-worth tracker: reads balances of the cold wallet",
            f'MNEMONIC="{phrase}"',
            "DERIVATION_PATH=m/84'/0'/0'",
            f"ETHERSCAN_API_KEY={b.k('YOUR_API_KEY')}",
        )
    elif v == 1:
        b.path, b.lang = "wallet.yaml", "yaml"
        b.add(
            "wallet:",
            "  name: cold-storage",
            f"  recovery_phrase: {phrase}",
            "  network: mainnet",
            f"  xpub_fingerprint: {b.k(f.hexs(8))}",
        )
    else:
        b.path, b.lang = "seed.txt", "console"
        b.add(
            f"$ export SEED_PHRASE='{phrase}'",
            "$ python balances.py --wallet cold",
            "BTC  0.0412",
            "ETH  1.87",
            f"# balances.py at {b.k(f.sha())}",
        )


@_kind("personal-finance", "tax-export", 5)
def _fin_tax(b: _B, v: int) -> None:
    f = b.f
    fn, ln = f.person()
    if v % 3 == 0:
        ssn = b.s("ssn", f.ssn())
        b.path, b.lang = "return_2025.json", "json"
        b.add(
            _jdump(
                {
                    "taxpayer": {
                        "first_name": b.s("person-name", fn),
                        "last_name": b.s("person-name", ln),
                        "ssn": ssn,
                        "filing_status": "single",
                    },
                    "refund": {"iban_check_failed": b.k(f.bad_iban()), "routing": "021000021"},
                    "software": {"version": b.k(f.version())},
                }
            )
        )
    elif v % 3 == 1:
        ssn = b.s("ssn", f.ssn(dashes=False))
        b.path, b.lang = "dependents.json", "json"
        b.add(
            _jdump(
                {
                    "dependents": [
                        {
                            "full_name": b.s("person-name", f"{fn} {ln}"),
                            "tax_id": ssn,
                            "tax_id_type": "ssn",
                            "relationship": "daughter",
                        }
                    ]
                }
            )
        )
    else:
        ib = b.s("iban", f.iban())
        b.path, b.lang = "ledger.beancount", "text"
        b.add(
            f"{f.date()} open Assets:Bank:Checking EUR",
            f'  iban: "{ib}"',
            f'{f.date()} * "Rent"',
            "  Assets:Bank:Checking  -1250.00 EUR",
            "  Expenses:Housing",
            f"; imported from statement sha256 {b.k(f.sha256())}",
        )


# ---------------------------------------------------------------------------------------------- 6 speech and audio


@_kind("speech-audio", "deepgram", 4)
def _aud_deepgram(b: _B, v: int) -> None:
    f = b.f
    key = b.s("api-key", f.hexs(40))
    rid = b.k(f.uuid())
    if v % 3 == 0:
        b.path, b.lang = "dg.txt", "console"
        b.add(
            "$ curl -s -X POST 'https://api.deepgram.com/v1/listen?model=nova-3&diarize=true&smart_format=true' \\",
            f"    -H 'Authorization: Token {key}' -H 'Content-Type: audio/wav' --data-binary @standup.wav |"
            " jq -c .metadata",
            json.dumps({"request_id": rid, "sha256": b.k(f.sha256()), "duration": 912.4, "channels": 1}),
        )
    elif v % 3 == 1:
        b.path, b.lang = "transcribe.py", "python"
        b.add(
            "from deepgram import DeepgramClient, PrerecordedOptions",
            "",
            f'DEEPGRAM_API_KEY = "{key}"',
            "dg = DeepgramClient(DEEPGRAM_API_KEY)",
            'opts = PrerecordedOptions(model="nova-3", diarize=True, utterances=True)',
            f"# last request id {rid}",
        )
    else:
        b.path, b.lang = "worker.log", "log"
        b.add(
            f"{f.ts()} INFO  deepgram websocket open wss://api.deepgram.com/v1/listen?encoding=linear16",
            f"{f.ts()} DEBUG headers={{'Authorization': 'Token {key}'}}",
            f"{f.ts()} INFO  dg-request-id={rid} speakers=3",
            f"{f.ts()} INFO  Sec-WebSocket-Key: {b.k(base64.b64encode(f.r.randbytes(16)).decode())}",
        )


@_kind("speech-audio", "assemblyai", 3)
def _aud_assembly(b: _B, v: int) -> None:
    f = b.f
    key = b.s("api-key", f.hexs(32))
    if v % 2 == 0:
        b.path, b.lang = "aai.py", "python"
        b.add(
            "import assemblyai as aai",
            "",
            f'aai.settings.api_key = "{key}"',
            "config = aai.TranscriptionConfig(speaker_labels=True, speakers_expected=2)",
            'transcript = aai.Transcriber().transcribe("https://cdn.quillmere.io/calls/0412.mp3", config)',
            "for u in transcript.utterances:",
            '    print(f"Speaker {u.speaker}: {u.text}")',
            f"# transcript id {b.k(f.uuid())}",
        )
    else:
        b.path, b.lang = "aai.txt", "http"
        b.add(
            "POST /v2/transcript HTTP/1.1",
            "Host: api.assemblyai.com",
            f"authorization: {key}",
            "content-type: application/json",
            "",
            json.dumps({"audio_url": "https://cdn.quillmere.io/calls/0412.mp3", "speaker_labels": True}),
            "",
            "HTTP/1.1 200 OK",
            json.dumps({"id": b.k(f.uuid()), "status": "queued"}),
        )


@_kind("speech-audio", "whisper-server", 5)
def _aud_whisper(b: _B, v: int) -> None:
    f = b.f
    hf = b.s("huggingface-token", f.hf())
    if v % 3 == 0:
        oa = b.s("openai-key", f.openai())
        b.path, b.lang = "docker-compose.yml", "yaml"
        b.add(
            "services:",
            "  whisper:",
            f"    image: fedirz/faster-whisper-server@sha256:{b.k(f.sha256())}",
            "    environment:",
            "      WHISPER__MODEL: Systran/faster-whisper-large-v3",
            f"      HF_TOKEN: {hf}",
            "  summarizer:",
            "    image: ghcr.io/quillmere/summarizer:latest",
            "    environment:",
            f"      OPENAI_API_KEY: {oa}",
            "    ports:",
            f'      - "{b.k("127.0.0.1")}:8000:8000"',
        )
    elif v % 3 == 1:
        b.path, b.lang = "diarize.txt", "console"
        b.add(
            f"$ huggingface-cli login --token {hf}",
            "Token is valid (permission: read).",
            "Your token has been saved to /root/.cache/huggingface/token",
            "$ python diarize.py meeting.wav --model pyannote/speaker-diarization-3.1",
            "SPEAKER_00 0.0-14.2",
            "SPEAKER_01 14.2-31.8",
        )
    else:
        oa = b.s("openai-key", f.openai())
        b.path, b.lang = "whisper_api.sh", "console"
        b.add(
            f"$ export OPENAI_API_KEY={oa}",
            "$ curl -s https://api.openai.com/v1/audio/transcriptions \\",
            '    -H "Authorization: Bearer $OPENAI_API_KEY" -F model=whisper-1 -F file=@interview.m4a | jq -r .text',
            "Thanks for joining. Let's start with the timeline for the pilot.",
            f"$ echo 'HF_TOKEN={hf}' >> ~/.config/asr.env",
        )


@_kind("speech-audio", "speechmatics", 3)
def _aud_speechmatics(b: _B, v: int) -> None:
    f = b.f
    key = b.s("api-key", f.alnum(32))
    if v % 2 == 0:
        b.path, b.lang = "config.toml", "toml"
        b.add(
            "# ~/.speechmatics/config",
            "[default]",
            f'auth_token = "{key}"',
            'realtime_url = "wss://eu2.rt.speechmatics.com/v2"',
            f"# cli {b.k(f.version())}",
        )
    else:
        b.path, b.lang = "sm.txt", "console"
        b.add(
            f"$ speechmatics config set --auth-token {key}",
            "$ speechmatics batch transcribe --diarization speaker --lang en panel.wav --output-format txt",
            f"job id: {f.alnum(10).lower()}",
            "SPEAKER S1: Welcome back to the panel.",
        )


@_kind("speech-audio", "transcript-export", 4)
def _aud_transcripts(b: _B, v: int) -> None:
    f = b.f
    people = [f.person() for _ in range(1 + (v == 3))]
    if v % 3 == 0:
        b.path, b.lang = "meeting.json", "json"
        b.add(
            _jdump(
                {
                    "meeting_id": b.k(f.uuid()),
                    "speakers": [
                        {
                            "label": f"spk_{i}",
                            "speaker_name": b.s("person-name", f"{fn} {ln}"),
                            "speaker_email": b.s("email", f.email(fn, ln, "kestrelpoint.co")),
                        }
                        for i, (fn, ln) in enumerate(people)
                    ],
                    "segments": [
                        {
                            "speaker": "spk_0",
                            "start": 0.0,
                            "end": 6.4,
                            "text": "Let's review the churn numbers.",
                        },
                        {
                            "speaker": "spk_1",
                            "start": 6.4,
                            "end": 11.0,
                            "text": "Sure, I'll share my screen.",
                        },
                    ],
                }
            )
        )
    elif v % 3 == 1:
        fn, ln = people[0]
        b.path, b.lang = "calls.csv", "csv"
        b.add("call_id,started_at,caller_name,caller_number,agent_email,duration_s,transcript_url")
        for fn, ln in people:
            an, al = f.person()
            b.add(
                f"{f.num(100000, 999999)},{f.ts()},{b.s('person-name', f'{fn} {ln}')},{f.phone()},"
                f"{b.s('email', f.email(an, al, 'ashgrove-mail.net'))},{f.num(40, 900)},"
                f"https://calls.ashgrove-mail.net/t/{f.hexs(12)}"
            )
    else:
        b.path, b.lang = "interview.vtt", "text"
        b.add(
            "WEBVTT",
            "",
            "00:00:00.000 --> 00:00:04.200",
            "<v Interviewer>Could you introduce yourself?",
            "",
            "00:00:04.200 --> 00:00:09.900",
            "<v Guest>Sure, I run the field recording team.",
            "",
            f"NOTE exported by transcribe-cli {b.k(f.version())}; contact {b.k(_role('noreply', 'example.com'))}",
        )


@_kind("speech-audio", "cloud-credentials", 3)
def _aud_cloud(b: _B, v: int) -> None:
    f = b.f
    akid = b.s("aws-access-key", f.akid())
    asec = b.s("aws-secret-key", f.aws_secret())
    b.path, b.lang = "transcribe.txt", "console"
    b.add(
        "$ aws configure",
        f"AWS Access Key ID [None]: {akid}",
        f"AWS Secret Access Key [None]: {asec}",
        "Default region name [None]: us-east-1",
        "$ aws transcribe start-transcription-job --transcription-job-name standup-0412 \\",
        "    --media MediaFileUri=s3://quillmere-audio/standup-0412.wav --language-code en-US",
        f"# job ARN request id {b.k(f.uuid())}",
    )


# ---------------------------------------------------------------------------------------------- 7 library systems


def _bcrypt(f: _F) -> str:
    return "$2a$08$" + f.run(string.ascii_letters + string.digits + "./", 53)


@_kind("library-systems", "koha-conf", 3)
def _lib_koha(b: _B, v: int) -> None:
    f = b.f
    pw = b.s("password", f.password())
    ip = b.s("ip-address", f.ip_private())
    if v % 2 == 0:
        b.path, b.lang = "koha-conf.xml", "xml"
        b.add(
            "<yazgfs>",
            "<config>",
            " <db_scheme>mysql</db_scheme>",
            " <database>koha_library</database>",
            f" <hostname>{ip}</hostname>",
            " <port>3306</port>",
            " <user>koha_library</user>",
            f" <pass>{pw}</pass>",
            f" <memcached_servers>{b.k('127.0.0.1')}:11211</memcached_servers>",
            " <zebra_bib_index_mode>dom</zebra_bib_index_mode>",
            "</config>",
            "</yazgfs>",
        )
    else:
        b.path, b.lang = "koha.txt", "console"
        b.add(
            "$ sudo koha-passwd library",
            "==========================================",
            "Koha web installer access details for instance library",
            "",
            "Username: koha_library",
            f"Password: {pw}",
            "==========================================",
            f"$ mysql -h {ip} -u koha_library -p'{pw}' koha_library -e 'select count(*) from borrowers'",
            "count(*)",
            "18234",
        )


@_kind("library-systems", "sip2", 4)
def _lib_sip2(b: _B, v: int) -> None:
    f = b.f
    pw = b.s("password", f.password().replace("|", "-"))
    ip = b.s("ip-address", f.ip_private())
    if v % 2 == 0:
        b.path, b.lang = "SIPconfig.xml", "xml"
        b.add(
            '<acsconfig xmlns="http://openncip.org/acs-config/1.0/">',
            '  <error-detect enabled="true" />',
            '  <server-params min_servers="1" min_spare_servers="0" />',
            f'  <listeners><service port="{ip}:6001/tcp" transport="RAW" protocol="SIP/2.00" timeout="60"'
            " /></listeners>",
            "  <accounts>",
            f'    <login id="selfcheck01" password="{pw}" delimiter="|" error-detect="enabled" institution="MAIN" />',
            "  </accounts>",
            "</acsconfig>",
        )
    else:
        b.path, b.lang = "sip2-trace.log", "log"
        b.add(
            f"{f.ts()} config: selfcheck login password={pw}",
            f"{f.ts()} -> {ip}:6001 9300CNselfcheck01|CO********|CPMAIN|AY0AZF1C2  (login field masked)",
            f"{f.ts()} <- 941AY0AZFDFC",
            f"{f.ts()} -> 23001{f.date().replace('-', '')}    101500AOMAIN|AA2{f.digits(13)}|AC|AY1AZEF02",
        )


@_kind("library-systems", "patron-export", 3)
def _lib_patrons(b: _B, v: int) -> None:
    f = b.f
    people = [f.person() for _ in range(1 + (v == 3))]
    if v % 2 == 0:
        b.path, b.lang = "borrowers.csv", "csv"
        b.add("borrowernumber,cardnumber,surname,firstname,email,phone,dateofbirth,categorycode,password")
        for fn, ln in people:
            b.add(
                f"{f.num(1000, 99999)},2{f.digits(12)},{b.s('person-name', ln)},{b.s('person-name', fn)},"
                f"{b.s('email', f.email(fn, ln, 'fernhollow.org'))},{f.phone()},{f.dob()},PT,"
                f"{b.s('password-hash', _bcrypt(f))}"
            )
    else:
        b.path, b.lang = "patron.json", "json"
        fn, ln = people[0]
        b.add(
            _jdump(
                {
                    "patron_id": f.num(1000, 99999),
                    "firstname": b.s("person-name", fn),
                    "surname": b.s("person-name", ln),
                    "email": b.s("email", f.email(fn, ln, "fernhollow.org")),
                    "library_id": "MAIN",
                    "category_id": "PT",
                    "expiry_date": f.date(),
                    "_links": {"self": "/api/v1/patrons"},
                    "lib_docs": b.k(_role("noreply", "fernhollow.org")),
                }
            )
        )


@_kind("library-systems", "alma-api", 3)
def _lib_alma(b: _B, v: int) -> None:
    f = b.f
    key = b.s("api-key", f.pick(("l7xx", "l8xx")) + f.hexs(32))
    fn, ln = f.person()
    if v % 2 == 0:
        b.path, b.lang = "alma.txt", "console"
        b.add(
            "$ curl -s 'https://api-eu.hosted.exlibrisgroup.com/almaws/v1/users/"
            f"{f.digits(9)}?apikey={key}&format=json' "
            f"| jq -c '{{first_name,last_name,contact_info}}'",
            json.dumps(
                {
                    "first_name": b.s("person-name", fn),
                    "last_name": b.s("person-name", ln),
                    "contact_info": {
                        "email": [
                            {
                                "email_address": b.s("email", f.email(fn, ln, "tallowcreek.org")),
                                "preferred": True,
                            }
                        ]
                    },
                }
            ),
        )
    else:
        b.path, b.lang = "alma_loans.py", "python"
        b.add(
            "import requests",
            "",
            "ALMA = 'https://api-na.hosted.exlibrisgroup.com/almaws/v1'",
            f"HEADERS = {{'Authorization': 'apikey {key}', 'Accept': 'application/json'}}",
            "r = requests.get(f'{ALMA}/users/{user_id}/loans', headers=HEADERS, timeout=30)",
            f"# sandbox key lives in ${{ALMA_SANDBOX_KEY}}; placeholder here: {b.k('<your-api-key>')}",
        )


@_kind("library-systems", "ezproxy", 3)
def _lib_ezproxy(b: _B, v: int) -> None:
    f = b.f
    pw = b.s("password", f.password())
    b.path, b.lang = "user.txt", "text"
    if v % 2 == 0:
        b.add(
            "# EZproxy user.txt",
            "::LDAP",
            "BindUser CN=ezproxy,OU=Service,DC=lib,DC=fernhollow,DC=org",
            f"BindPassword {pw}",
            "URL ldaps://dc1.lib.fernhollow.org/OU=Patrons,DC=lib,DC=fernhollow,DC=org?sAMAccountName",
            "/LDAP",
            f"# ezproxy {b.k(f.version())}",
        )
    else:
        ip = b.s("ip-address", f.ip_private())
        b.add(
            "# config.txt",
            "LoginPort 2048",
            f"ExcludeIP {ip}",
            "Option DisableSSL40bit",
            "Audit Most",
            f"# admin account: admin:{pw}",
            f"SSO Secret {pw}",
        )


@_kind("library-systems", "lib-deploy", 3)
def _lib_deploy(b: _B, v: int) -> None:
    f = b.f
    if v % 3 == 2:
        sq = b.s("square-token", f.square())
        b.path, b.lang = "koha-plugin-square.yaml", "yaml"
        b.add(
            "# Koha fines: pay online through Square",
            "square:",
            "  environment: production",
            f"  access_token: {sq}",
            f"  location_id: L{f.alnum(12).upper()}",
            "  currency: USD",
        )
    elif v % 3 == 0:
        tok = b.s("npm-token", f.npm())
        b.path, b.lang = ".npmrc", "ini"
        b.add(
            "registry=https://registry.npmjs.org/",
            f"//registry.npmjs.org/:_authToken={tok}",
            f"; opac-widgets build {b.k(f.sha())}",
        )
    else:
        tok = b.s("github-token", f.github())
        b.path, b.lang = "plugin-release.sh", "console"
        b.add(
            f"$ GITHUB_TOKEN={tok} gh release create v{b.k(f.version())} koha-plugin-selfcheck.kpz",
            "https://github.com/fernhollow/koha-plugin-selfcheck/releases/tag/v1",
        )


# ---------------------------------------------------------------------------------------------- 8 civic tech


@_kind("civic-tech", "open311", 3)
def _civ_311(b: _B, v: int) -> None:
    f = b.f
    fn, ln = f.person()
    key = b.s("api-key", f.alnum(32))
    mail = b.s("email", f.email(fn, ln))
    if v % 3 == 0:
        b.path, b.lang = "post.txt", "console"
        b.add(
            "$ curl -s -X POST https://311.hollisgate.gov.example/open311/v2/requests.json \\",
            f"    -d api_key={key} -d service_code=POTHOLE -d lat=41.8781 -d long=-87.6298 \\",
            f"    -d first_name={b.s('person-name', fn)} -d last_name={b.s('person-name', ln)} -d email={mail} \\",
            "    --data-urlencode 'description=Large pothole in the bike lane'",
            json.dumps(
                [{"service_request_id": str(f.num(100000, 999999)), "service_notice": "", "account_id": None}]
            ),
        )
    elif v % 3 == 1:
        b.path, b.lang = "requests.json", "json"
        b.add(
            _jdump(
                [
                    {
                        "service_request_id": str(f.num(100000, 999999)),
                        "status": "open",
                        "service_name": "Graffiti Removal",
                        "requested_datetime": f.ts(),
                        "reporter_name": b.s("person-name", f"{fn} {ln}"),
                        "reporter_email": mail,
                        "address": "1200 W Harrison St",
                        "media_url": None,
                        "token": b.k(f.uuid()),
                    }
                ]
            )
        )
        b.add(f"// fetched with api_key={key}")
    else:
        b.path, b.lang = "open311.yaml", "yaml"
        b.add(
            "endpoint: https://311.hollisgate.gov.example/open311/v2",
            f"api_key: {key}",
            "jurisdiction_id: hollisgate.gov",
            f"notify: {mail}",
            f"notify_fallback: {b.k(_role('noreply', 'example.com'))}",
        )


@_kind("civic-tech", "voter-file", 4)
def _civ_voters(b: _B, v: int) -> None:
    f = b.f
    people = [f.person() for _ in range(1 + (v == 3))]
    if v % 2 == 0:
        b.path, b.lang = "voters_precinct_14.csv", "csv"
        b.add("VOTER_ID,LAST_NAME,FIRST_NAME,MIDDLE_NAME,BIRTH_YEAR,RES_ADDRESS,PRECINCT,PARTY,LAST_VOTED")
        for fn, ln in people:
            b.add(
                f"{f.digits(9)},{b.s('person-name', ln)},{b.s('person-name', fn)},,{f.num(1940, 2006)},"
                f"{f.num(10, 9999)} Elm St,014,{f.pick(('DEM', 'REP', 'UNA', 'LIB'))},{f.date()}"
            )
        b.add(f"# source file sha256 {b.k(f.sha256())}")
    else:
        b.path, b.lang = "voters.txt", "console"
        b.add(
            "$ psql -h db.civic.internal voterfile -c '\\x' -c 'select * from voters limit 1'",
            "Expanded display is on.",
            "-[ RECORD 1 ]+------------------------",
        )
        fn, ln = people[0]
        b.add(
            f"voter_id     | {f.digits(9)}",
            f"full_name    | {b.s('person-name', f'{fn} {ln}')}",
            f"email        | {b.s('email', f.email(fn, ln))}",
            f"birth_year   | {f.num(1940, 2006)}",
            "precinct     | 014",
            f"-- client {b.k('127.0.0.1')}",
        )


@_kind("civic-tech", "permit-export", 3)
def _civ_permits(b: _B, v: int) -> None:
    f = b.f
    fn, ln = f.person()
    cn, cl = f.person()
    if v % 2 == 0:
        b.path, b.lang = "permits.json", "json"
        b.add(
            _jdump(
                {
                    "permit_number": f"BLD-2026-{f.num(1000, 9999)}",
                    "work_type": "Solar PV",
                    "applicant_name": b.s("person-name", f"{fn} {ln}"),
                    "applicant_email": b.s("email", f.email(fn, ln)),
                    "contractor": {
                        "contractor_name": b.s("person-name", f"{cn} {cl}"),
                        "license": f"C-{f.num(10000, 99999)}",
                    },
                    "valuation": f.num(8000, 60000),
                    "parcel": f"{f.num(100, 999)}-{f.num(10, 99)}-{f.num(100, 999)}",
                    "record_id": b.k(f.uuid()),
                }
            )
        )
    else:
        b.path, b.lang = "permits.csv", "csv"
        b.add("permit_no,issued,applicant_name,applicant_email,address,fee_paid")
        b.add(
            f"ELE-2026-{f.num(1000, 9999)},{f.date()},{b.s('person-name', f'{fn} {ln}')},"
            f"{b.s('email', f.email(fn, ln))},{f.num(10, 999)} Oak Ave,{f.num(50, 900)}.00"
        )
        b.add(
            f"ELE-2026-{f.num(1000, 9999)},{f.date()},{b.s('person-name', f'{cn} {cl}')},"
            f"{b.s('email', f.email(cn, cl))},{f.num(10, 999)} Pine Rd,{f.num(50, 900)}.00"
        )


@_kind("civic-tech", "open-data-keys", 5)
def _civ_portal(b: _B, v: int) -> None:
    f = b.f
    if v % 3 == 0:
        kid, ksec = f.alnum(25), f.alnum(50)
        basic = b.s("basic-auth", base64.b64encode(f"{kid}:{ksec}".encode()).decode())
        b.path, b.lang = "socrata.txt", "http"
        b.add(
            "POST /resource/v6vf-nfxy.json HTTP/1.1",
            "Host: data.hollisgate.gov.example",
            f"Authorization: Basic {basic}",
            f"X-App-Token: {f.alnum(25)}",
            "Content-Type: application/json",
            "",
            '[{"case_id":"311-2026-0412","status":"closed"}]',
        )
    elif v % 3 == 1:
        jwt = b.s("jwt", f.jwt({"jti": f.b64url(40), "iat": 1767225600}))
        b.path, b.lang = "ckan.txt", "console"
        b.add(
            f"$ ckanapi action package_patch id=street-trees -a {jwt} -r https://data.hollisgate.gov.example",
            '{"name": "street-trees", "num_resources": 4, "state": "active"}',
            f"$ ckan --version  # {b.k(f.version())}",
        )
    else:
        tok = b.s("api-key", f.alnum(40))
        b.path, b.lang = "ckan.ini", "ini"
        b.add(
            "[app:main]",
            "ckan.site_url = https://data.hollisgate.gov.example",
            f"ckan.datapusher.api_token = {tok}",
            f"beaker.session.secret = {b.s('secret-key', f.secret_key())}",
            f"sqlalchemy.url = postgresql://ckan:{b.s('url-password', f.url_password())}@db/ckan",
            "ckan.site_id = default",
        )


@_kind("civic-tech", "civic-app", 3)
def _civ_app(b: _B, v: int) -> None:
    f = b.f
    sg = b.s("sendgrid-key", f.sendgrid())
    if v % 2 == 0:
        b.path, b.lang = "fly.toml.env", "dotenv"
        b.add(
            f"DJANGO_SECRET_KEY={b.s('secret-key', f.secret_key())}",
            f"DATABASE_URL=postgres://civic:{b.s('url-password', f.url_password())}@civic-db.internal:5432/civic",
            f"SENDGRID_API_KEY={sg}",
            f"STRIPE_WEBHOOK_SECRET={b.s('stripe-webhook-secret', f.whsec())}",
            f"FIELD_ENCRYPTION_KEY={b.s('encryption-key', base64.urlsafe_b64encode(f.r.randbytes(32)).decode())}",
            f"DEFAULT_FROM_EMAIL={b.k(_role('noreply', 'hollisgate.net'))}",
        )
    else:
        b.path, b.lang = "settings.txt", "console"
        b.add(
            "$ heroku config -a civic-permits",
            "=== civic-permits Config Vars",
            f"SENDGRID_API_KEY:  {sg}",
            f"STRIPE_SECRET_KEY: {b.s('stripe-key', f.stripe())}",
            f"AWS_ACCESS_KEY_ID: {b.s('aws-access-key', f.akid())}",
            f"AWS_SECRET_ACCESS_KEY: {b.s('aws-secret-key', f.aws_secret())}",
            f"SOURCE_VERSION:    {b.k(f.sha())}",
        )


@_kind("civic-tech", "ci-log", 3)
def _civ_ci(b: _B, v: int) -> None:
    f = b.f
    tok = b.s("github-token", f.github())
    b.path, b.lang = "ci.txt", "log"
    b.add(
        "Run actions/checkout@v4",
        f"  token: {b.k('${{ secrets.GITHUB_TOKEN }}')}",
        f"git clone https://x-access-token:{tok}@github.com/hollisgate/permit-portal.git",
        f"Checked out ref {b.k(f.sha())} (Merge pull request #412)",
        "Run python manage.py test",
        "Ran 214 tests in 38.112s",
    )


# ---------------------------------------------------------------------------------------------- 9 vet and dental


@_kind("vet-dental", "pms-api", 4)
def _vet_api(b: _B, v: int) -> None:
    f = b.f
    if v % 3 == 0:
        cs = b.s("client-secret", f.alnum(40))
        at = b.s("token", f.alnum(40))
        b.path, b.lang = "ezyvet.txt", "console"
        b.add(
            "$ curl -s -X POST https://api.trial.ezyvet.com/v2/oauth/access_token \\",
            f"    -d partner_id=pinecrest -d client_id={f.alnum(20)} -d client_secret={cs} \\",
            "    -d grant_type=client_credentials -d 'scope=read-animal,read-contact,read-appointment'",
            json.dumps({"token_type": "Bearer", "expires_in": 43200, "access_token": at}),
        )
    elif v % 3 == 1:
        dev, cust = b.s("api-key", f.alnum(16)), b.s("api-key", f.alnum(16))
        b.path, b.lang = "opendental.http", "http"
        b.add(
            "GET /api/v1/appointments?date=2026-03-04 HTTP/1.1",
            "Host: api.opendental.com",
            f"Authorization: ODFHIR {dev}/{cust}",
            "",
            "HTTP/1.1 200 OK",
            '[{"AptNum":412,"PatNum":88,"AptStatus":"Scheduled","Pattern":"//XXXX//","ProvNum":2}]',
            f"X-Request-Id: {b.k(f.uuid())}",
        )
    else:
        at = b.s("token", f.alnum(40))
        b.path, b.lang = "vetsync.log", "log"
        b.add(
            f"{f.ts()} INFO  pulling animals since {f.date()}",
            f"{f.ts()} DEBUG GET https://api.ezyvet.com/v1/animal?limit=200 Authorization: Bearer {at}",
            f"{f.ts()} INFO  412 animals, 38 new; build {b.k(f.sha())}",
        )


@_kind("vet-dental", "client-patient-export", 4)
def _vet_clients(b: _B, v: int) -> None:
    f = b.f
    people = [f.person() for _ in range(1 + (v == 3))]
    pets = ("Biscuit", "Mochi", "Pepper", "Juno", "Rufus", "Tofu")
    if v % 2 == 0:
        b.path, b.lang = "clients_patients.csv", "csv"
        b.add("client_id,client_name,client_email,phone,patient_name,species,breed,last_visit")
        for fn, ln in people:
            b.add(
                f"{f.num(1000, 99999)},{b.s('person-name', f'{fn} {ln}')},"
                f"{b.s('email', f.email(fn, ln))},{f.phone()},{f.pick(pets)},{f.pick(('Canine', 'Feline'))},"
                f"Mixed,{f.date()}"
            )
    else:
        b.path, b.lang = "contact.json", "json"
        fn, ln = people[0]
        b.add(
            _jdump(
                {
                    "contact": {
                        "id": f.num(1000, 99999),
                        "first_name": b.s("person-name", fn),
                        "last_name": b.s("person-name", ln),
                        "email": b.s("email", f.email(fn, ln, "pinecrestvet.net")),
                    },
                    "animals": [{"name": f.pick(pets), "species": "Feline", "microchip": f.digits(15)}],
                    "meta": {"export_id": b.k(f.uuid())},
                }
            )
        )


@_kind("vet-dental", "dental-appointments", 3)
def _vet_dental(b: _B, v: int) -> None:
    f = b.f
    fn, ln = f.person()
    if v % 2 == 0:
        b.path, b.lang = "appointments.json", "json"
        b.add(
            _jdump(
                {
                    "appointments": [
                        {
                            "start": f.ts(),
                            "procedure": "D1110 prophylaxis",
                            "operatory": "OP3",
                            "patient": {
                                "first_name": b.s("person-name", fn),
                                "last_name": b.s("person-name", ln),
                                "email": b.s("email", f.email(fn, ln)),
                                "ssn": b.s("ssn", f.ssn()),
                            },
                            "insurance": {"carrier": "Delta Dental", "plan": "PPO"},
                        }
                    ],
                    "generated_by": {"version": b.k(f.version())},
                }
            )
        )
    else:
        b.path, b.lang = "patients.sql", "sql"
        b.add(
            "INSERT INTO patient (LName, FName, SSN, Birthdate) VALUES",
            f"  ('{b.s('person-name', ln)}', '{b.s('person-name', fn)}', "
            f"'{b.s('ssn', f.ssn())}', '{f.dob()}');",
            f"-- dump of {b.k(f.sha256())}",
        )


@_kind("vet-dental", "clinic-payments", 6)
def _vet_pay(b: _B, v: int) -> None:
    f = b.f
    if v % 3 == 0:
        b.path, b.lang = ".env", "dotenv"
        b.add(
            f"STRIPE_SECRET_KEY={b.s('stripe-key', f.stripe())}",
            f"STRIPE_WEBHOOK_SECRET={b.s('stripe-webhook-secret', f.whsec())}",
            "BOOKING_DEPOSIT_CENTS=2500",
            f"# test card for staging: {b.k('4242 4242 4242 4242')}",
        )
    elif v % 3 == 1:
        b.path, b.lang = "square.txt", "console"
        sq = b.s("square-token", f.square())
        b.add(
            f"$ curl -s https://connect.squareup.com/v2/locations -H 'Authorization: Bearer {sq}' "
            "-H 'Square-Version: 2025-01-23' | jq -r '.locations[].name'",
            "Pinecrest Animal Hospital",
            "Pinecrest East",
            f"$ git rev-parse HEAD\n{b.k(f.sha())}",
        )
    else:
        card = b.s("card-number", f.card())
        _fn, _ln = f.person()
        b.path, b.lang = "payment_error.log", "log"
        b.add(
            f"{f.ts()} ERROR charge failed for invoice INV-{f.num(1000, 9999)}",
            f"{f.ts()} ERROR payload={json.dumps({'card_number': card, 'exp': '09/28', 'amount': 18450})}",
            f"{f.ts()} WARN  whsec rotated; new secret in ${{STRIPE_WEBHOOK_SECRET}}",
            f"{f.ts()} INFO  retry with {b.k(f.pick(('4242' * 4, '4000' + '0566' + '5566' + '5556')))} in sandbox",
        )


@_kind("vet-dental", "reminders", 2)
def _vet_remind(b: _B, v: int) -> None:
    f = b.f
    b.path, b.lang = "reminders.yml", "yaml"
    b.add(
        "email:",
        "  provider: mailgun",
        f"  api_key: {b.s('mailgun-key', f.mailgun())}",
        "  domain: mg.pinecrestvet.net",
        "sms:",
        f"  account_sid: AC{f.hexs(32)}",
        f"  auth_token: {b.s('token', f.hexs(32))}",
        "smtp_fallback:",
        "  host: smtp.pinecrestvet.net",
        f"  password: {b.s('password', f.password())}",
        f"  from: {b.k(_role('noreply', 'pinecrestvet.net'))}",
    )


@_kind("vet-dental", "imaging-pacs", 2)
def _vet_pacs(b: _B, v: int) -> None:
    f = b.f
    ip = b.s("ip-address", f.ip_private())
    pw = b.s("password", f.password())
    b.path, b.lang = "pacs.txt", "console"
    b.add(
        f"$ docker run -e LDAP_URL=ldap://{ip}:389 -e LDAP_ROOTPASS={pw} -e ARCHIVE_DEVICE_NAME=dcm4chee-arc \\",
        "    dcm4che/dcm4chee-arc-psql:5.31.0",
        f"$ storescu -c DCM4CHEE@{ip}:11112 bitewing_0412.dcm",
        f"I: Association Accepted (Max Send PDV: 16366); SOP instance {b.k('1.2.840.10008.5.1.4.1.1.1.3')}",
    )


# ---------------------------------------------------------------------------------------------- 10 firmware and OTA


@_kind("firmware-ota", "mender", 5)
def _fw_mender(b: _B, v: int) -> None:
    f = b.f
    tenant = b.s("jwt", f.jwt({"mender.tenant": f.hexs(24), "iss": "Mender", "sub": f.hexs(24)}))
    if v % 3 == 0:
        b.path, b.lang = "mender.conf", "json"
        b.add(
            _jdump(
                {
                    "ServerURL": "https://eu.hosted.mender.io",
                    "TenantToken": tenant,
                    "ServerCertificate": "/etc/mender/server.crt",
                    "UpdatePollIntervalSeconds": 1800,
                    "InventoryPollIntervalSeconds": 28800,
                }
            )
        )
    elif v % 3 == 1:
        pw = b.s("password", f.password())
        fn, ln = f.person()
        mail = b.s("email", f.email(fn, ln, "orvellabs.io"))
        b.path, b.lang = "mender-cli.txt", "console"
        b.add(
            f"$ mender-cli login --server https://eu.hosted.mender.io --username {mail} --password '{pw}'",
            "Login successful.",
            f"$ mender-cli artifacts upload gateway-{b.k(f'4.{f.num(0, 9)}.0.{f.num(10, 99)}')}.mender",
            "Upload successful",
            f'$ grep TenantToken /etc/mender/mender.conf\n  "TenantToken": "{tenant}",',
        )
    else:
        b.path, b.lang = "local.conf.append", "bitbake"
        b.add(
            'MENDER_SERVER_URL = "https://eu.hosted.mender.io"',
            f'MENDER_TENANT_TOKEN = "{tenant}"',
            'MENDER_ARTIFACT_NAME = "release-${DATE}"',
            f'MENDER_STORAGE_TOTAL_SIZE_MB = "{f.pick(("7456", "14912", "3728"))}"',
        )


@_kind("firmware-ota", "balena", 4)
def _fw_balena(b: _B, v: int) -> None:
    f = b.f
    key = b.s("api-key", f.alnum(32))
    psk = b.s("wifi-psk", f.password())
    if v % 2 == 0:
        b.path, b.lang = "balena.txt", "console"
        b.add(
            f"$ balena login --token {key}",
            "Successfully logged in as: gh_kestrel",
            "$ balena env list --fleet kestrel/sensor-hub",
            "ID      NAME              VALUE",
            f"{f.num(100000, 999999)}  WIFI_SSID         greenhouse-iot",
            f"{f.num(100000, 999999)}  WIFI_PSK          {psk}",
            f"{f.num(100000, 999999)}  RELEASE_COMMIT    {b.k(f.sha())}",
        )
    else:
        b.path, b.lang = "config.json", "json"
        b.add(
            _jdump(
                {
                    "applicationId": f.num(1000000, 9999999),
                    "deviceType": "raspberrypi4-64",
                    "deviceApiKey": key,
                    "uuid": f.hexs(32),
                    "wifiSsid": "greenhouse-iot",
                    "wifiKey": psk,
                    "apiEndpoint": "https://api.balena-cloud.com",
                }
            )
        )


@_kind("firmware-ota", "yocto", 5)
def _fw_yocto(b: _B, v: int) -> None:
    f = b.f
    h = b.s("password-hash", "$6$" + f.run(_ALNUM + "./", 16) + "$" + f.run(_ALNUM + "./", 86))
    b.path, b.lang = "local.conf", "bitbake"
    b.add(
        'MACHINE ?= "imx8mm-gateway"',
        'DISTRO ?= "poky"',
        'INHERIT += "extrausers"',
        f"EXTRA_USERS_PARAMS = \"usermod -p '{h}' root; \"",
        f'SRCREV_pn-gateway-app = "{b.k(f.sha())}"',
    )
    if v % 2 == 0:
        upw = b.s("url-password", f.url_password())
        b.add(
            f'SSTATE_MIRRORS = "file://.* https://yocto:{upw}@sstate.orvellabs.io/PATH;downloadfilename=PATH"'
        )
    else:
        b.add(
            'PREMIRRORS:prepend = "git://.*/.* https://downloads.orvellabs.io/mirror/ "',
            f"# build host {b.s('ip-address', f.ip_private())}, cache at /srv/sstate",
        )


@_kind("firmware-ota", "signing-keys", 4)
def _fw_sign(b: _B, v: int) -> None:
    f = b.f
    pub = f.pem_body(91)
    b.path, b.lang = "keys.txt", "text"
    if v % 2 == 0:
        b.add(
            "$ cat keys/artifact-signing.key",
            _pem(b, "EC PRIVATE KEY", 121),
            "$ cat keys/artifact-verify.pub",
            f"-----BEGIN PUBLIC KEY-----\n{b.k(pub)}\n-----END PUBLIC KEY-----",
            "$ mender-artifact sign gateway.mender -k keys/artifact-signing.key",
        )
    else:
        pw = b.s("password", f.password())
        b.add(
            "# swupdate signing for the gateway image",
            f"$ echo '{pw}' > /tmp/passout && openssl genrsa -aes256 -passout file:/tmp/passout -out priv.pem",
            f"$ openssl rsa -in priv.pem -passin pass:{pw} -traditional",
            _pem(b, "RSA PRIVATE KEY", 1191),
        )


@_kind("firmware-ota", "provisioning", 5)
def _fw_prov(b: _B, v: int) -> None:
    f = b.f
    ip = b.s("ip-address", f.ip_private())
    if v % 2 == 0:
        wk = b.s("wireguard-key", f.wg_key())
        b.path, b.lang = "wg0.conf", "ini"
        b.add(
            "[Interface]",
            f"Address = {ip}/32",
            f"PrivateKey = {wk}",
            "",
            "[Peer]",
            f"PublicKey = {b.k(f.wg_key())}",
            f"AllowedIPs = {b.k('10.0.0.0/8')}",
            "Endpoint = vpn.orvellabs.io:51820",
        )
    else:
        psk = b.s("wifi-psk", f.password())
        b.path, b.lang = "provision.sh", "bash"
        b.add(
            "#!/bin/sh",
            "cat > /etc/wpa_supplicant/wpa_supplicant-wlan0.conf <<EOF",
            "network={",
            '    ssid="factory-floor"',
            f'    psk="{psk}"',
            "}",
            "EOF",
            f"ip addr add {ip}/24 dev eth0",
            f"echo 'nameserver {b.k('9.9.9.9')}' > /etc/resolv.conf",
        )


@_kind("firmware-ota", "firmware-ci", 5)
def _fw_ci(b: _B, v: int) -> None:
    f = b.f
    b.path, b.lang = "job.log", "log"
    if v % 3 == 2:
        tok = b.s("digitalocean-token", f.digitalocean())
        b.add(
            f"$ doctl registry login --access-token {tok}",
            "Logging Docker in to registry.digitalocean.com",
            f"$ docker push registry.digitalocean.com/orvel/ota-server@sha256:{b.k(f.sha256())}",
        )
    elif v % 3 == 0:
        tok = b.s("gitlab-token", f.gitlab())
        b.add(
            "Running with gitlab-runner 17.4.0 (b92ee590)",
            f"$ git clone https://gitlab-ci-token:{tok}@gitlab.orvellabs.io/fw/meta-gateway.git",
            f"$ echo $CI_JOB_TOKEN  {b.k('[MASKED]')}",
            f"Checking out {b.k(f.sha())} as detached HEAD",
        )
    else:
        tok = b.s("docker-token", f.docker())
        b.add(
            f"$ docker login -u orvelci -p {tok} docker.io",
            "WARNING! Using --password via the CLI is insecure. Use --password-stdin.",
            "Login Succeeded",
            f"$ docker push orvel/ota-server:{b.k(f.version())}",
        )


@_kind("firmware-ota", "field-ssh", 3)
def _fw_ssh(b: _B, v: int) -> None:
    f = b.f
    body = b.s("openssh-key", f.openssh_body())
    b.path, b.lang = "id_field", "text"
    b.add(
        "$ cat ~/.ssh/id_ed25519_field",
        f"-----BEGIN OPENSSH PRIVATE KEY-----\n{body}\n-----END OPENSSH PRIVATE KEY-----",
        "$ cat ~/.ssh/id_ed25519_field.pub",
        b.k(f.ssh_pub()) + " field@gateway",
    )


# ---------------------------------------------------------------------------------------------- 11 e-mail testing


@_kind("email-testing", "mailhog-maildev", 5)
def _mail_local(b: _B, v: int) -> None:
    f = b.f
    if v % 2 == 0:
        h = b.s("password-hash", "$2a$04$" + f.run(_ALNUM + "./", 53))
        b.path, b.lang = "docker-compose.yml", "yaml"
        b.add(
            "services:",
            "  mailhog:",
            "    image: mailhog/mailhog:v1.0.1",
            '    command: ["-auth-file=/etc/mailhog/auth"]',
            "    ports:",
            f'      - "{b.k("127.0.0.1")}:8025:8025"',
            "  # /etc/mailhog/auth",
            f"  #   test:{h}",
        )
    else:
        pw = b.s("password", f.password())
        b.path, b.lang = "maildev.txt", "console"
        b.add(
            f"$ maildev --incoming-user qa --incoming-pass '{pw}' --web 1080 --smtp 1025",
            "MailDev webapp running at http://0.0.0.0:1080",
            "MailDev SMTP Server running at 0.0.0.0:1025",
            f"$ npm ls maildev\n└── maildev@{b.k(f.version())}",
        )


@_kind("email-testing", "mailtrap", 3)
def _mail_trap(b: _B, v: int) -> None:
    f = b.f
    pw = b.s("password", f.hexs(14))
    tok = b.s("api-key", f.hexs(32))
    if v % 2 == 0:
        b.path, b.lang = ".env.testing", "dotenv"
        b.add(
            "MAIL_MAILER=smtp",
            "MAIL_HOST=sandbox.smtp.mailtrap.io",
            "MAIL_PORT=2525",
            f"MAIL_USERNAME={f.hexs(14)}",
            f"MAIL_PASSWORD={pw}",
            f"MAILTRAP_API_TOKEN={tok}",
            f"MAIL_FROM_ADDRESS={b.k(_role('noreply', 'example.com'))}",
        )
    else:
        b.path, b.lang = "mailtrap.txt", "console"
        b.add(
            f"$ curl -s -H 'Api-Token: {tok}' "
            f"https://mailtrap.io/api/accounts/{f.num(100000, 999999)}/inboxes | jq -r '.[].name'",
            "QA inbox",
            f"$ grep MAIL_PASSWORD .env.testing\nMAIL_PASSWORD={pw}",
        )


@_kind("email-testing", "swaks", 3)
def _mail_swaks(b: _B, v: int) -> None:
    f = b.f
    fn, ln = f.person()
    to = b.s("email", f.email(fn, ln))
    pw = b.s("password", f.password())
    b.path, b.lang = "swaks.txt", "console"
    b.add(
        f"$ swaks --to {to} --from {b.k(_role('noreply', 'example.com'))} --server smtp.quillmere.io:587 --tls \\",
        f"    --auth LOGIN --auth-user relay-test --auth-password '{pw}'",
        "=== Trying smtp.quillmere.io:587...",
        "=== Connected to smtp.quillmere.io.",
        "<-  220 smtp.quillmere.io ESMTP Postfix",
        " -> EHLO ci-runner",
        "<-  250-smtp.quillmere.io",
        "<-  250-AUTH PLAIN LOGIN",
        " -> AUTH LOGIN",
        "<-  334 VXNlcm5hbWU6",
        "<-  235 2.7.0 Authentication successful",
        f" -> RCPT TO:<{to}>",
        "<-  250 2.1.5 Ok",
        f"<-  250 2.0.0 Ok: queued as {f.hexs(10).upper()}",
        "=== Connection closed with remote host.",
    )


@_kind("email-testing", "smtp-debug", 4)
def _mail_debug(b: _B, v: int) -> None:
    f = b.f
    fn, ln = f.person()
    if v % 2 == 0:
        sg = b.s("sendgrid-key", f.sendgrid())
        b.path, b.lang = "smtplib.txt", "pycon"
        b.add(
            ">>> s = smtplib.SMTP('smtp.sendgrid.net', 587); s.set_debuglevel(1); s.starttls()",
            f">>> s.login('apikey', '{sg}')",
            "send: 'ehlo [127.0.1.1]\\r\\n'",
            "reply: b'235 Authentication successful'",
            f">>> s.sendmail('{b.k(_role('noreply', 'example.com'))}', ['{b.s('email', f.email(fn, ln))}'], msg)",
        )
    else:
        name = b.s("person-name", f"{fn} {ln}")
        mail = b.s("email", f.email(fn, ln))
        pw = b.s("password", f.password())
        b.path, b.lang = "nodemailer.log", "log"
        b.add(
            f"[{f.ts()}] DEBUG [mailer] Creating transport: nodemailer ({b.k(f.version())})",
            f"[{f.ts()}] DEBUG [mailer] auth: {{ user: '{_role('mailer', 'quillmere.io')}', pass: '{pw}' }}",
            f"[{f.ts()}] INFO  [mailer] Sending mail using SMTP/{b.k(f.version())}",
            f"[{f.ts()}] DEBUG [mailer] C: MAIL FROM:<{b.k(_role('noreply', 'quillmere.io'))}>",
            f"[{f.ts()}] DEBUG [mailer] C: To: {name} <{mail}>",
            f"[{f.ts()}] INFO  [mailer] Message sent: <{b.k(f.uuid())}@quillmere.io>",
        )


@_kind("email-testing", "mailhog-api", 3)
def _mail_api(b: _B, v: int) -> None:
    f = b.f
    fn, ln = f.person()
    name = b.s("person-name", f"{fn} {ln}")
    mail = b.s("email", f.email(fn, ln))
    tok = b.s("token", f.b64url(43))
    b.path, b.lang = "messages.json", "json"
    b.add(
        _jdump(
            {
                "total": 1,
                "items": [
                    {
                        "ID": b.k(f.b64url(30) + "@mailhog.example"),
                        "Content": {
                            "Headers": {
                                "From": ["Accounts <noreply@example.com>"],
                                "To": [f"{name} <{mail}>"],
                                "Subject": ["Reset your password"],
                            },
                            "Body": f"Reset link: https://app.quillmere.io/reset?token={tok}&utm_source=email",
                        },
                    }
                ],
            }
        )
    )
    b.keeps.append("noreply@example.com")


@_kind("email-testing", "provider-keys", 3)
def _mail_keys(b: _B, v: int) -> None:
    f = b.f
    mg = b.s("mailgun-key", f.mailgun())
    b.path, b.lang = "mg.txt", "console"
    b.add(
        f"$ curl -s --user 'api:{mg}' https://api.mailgun.net/v3/sandbox{f.hexs(32)}.mailgun.org/messages \\",
        f"    -F from='QA <{b.k(_role('noreply', 'example.com'))}>' -F to={_role('qa', 'quillmere.io')} -F"
        " subject=ping -F text=pong",
        json.dumps(
            {"id": f"<{f.num(10**13, 10**14)}.{f.hexs(8)}@mailgun.org>", "message": "Queued. Thank you."}
        ),
    )


# ------------------------------------------------------------------------------------------ 12 chat and live support


@_kind("chat-support", "crisp", 5)
def _chat_crisp(b: _B, v: int) -> None:
    f = b.f
    ident = f.uuid()
    key = f.hexs(64)
    wid = f.uuid()
    if v % 3 == 0:
        basic = b.s("basic-auth", base64.b64encode(f"{ident}:{key}".encode()).decode())
        b.path, b.lang = "crisp.http", "http"
        b.add(
            f"GET /v1/website/{wid}/conversations/1 HTTP/1.1",
            "Host: api.crisp.chat",
            f"Authorization: Basic {basic}",
            "X-Crisp-Tier: plugin",
            "",
            "HTTP/1.1 200 OK",
            '{"error":false,"reason":"resolved","data":[]}',
        )
    elif v % 3 == 1:
        b.s("api-key", key)
        b.path, b.lang = "crisp.env", "dotenv"
        b.add(
            f"CRISP_WEBSITE_ID={wid}",
            f"CRISP_PLUGIN_IDENTIFIER={ident}",
            f"CRISP_API_KEY={key}",
            f"CRISP_HOOK_SECRET={b.s('secret-key', f.alnum(32))}",
        )
    else:
        fn, ln = f.person()
        b.path, b.lang = "crisp-people.json", "json"
        b.add(
            _jdump(
                {
                    "error": False,
                    "data": [
                        {
                            "people_id": b.k(f.uuid()),
                            "email": b.s("email", f.email(fn, ln)),
                            "person": {"nickname": f"{fn} {ln}", "geolocation": {"country": "FR"}},
                            "segments": ["trial", "pricing-page"],
                        }
                    ],
                }
            )
        )


@_kind("chat-support", "tawk", 4)
def _chat_tawk(b: _B, v: int) -> None:
    f = b.f
    key = b.s("api-key", f.alnum(40))
    prop = f.hexs(24)
    if v % 2 == 0:
        b.path, b.lang = "tawk.php", "php"
        b.add(
            "<?php",
            "// secure mode: the visitor hash is an HMAC of the e-mail with the property's API key",
            f"define('TAWK_API_KEY', '{key}');",
            "$hash = hash_hmac('sha256', $user->email, TAWK_API_KEY);",
            "?>",
            "<script>",
            "var Tawk_API = Tawk_API || {}; Tawk_API.visitor = { name: '<?= $user->name ?>', hash: '<?= $hash ?>' };",
            f"s1.src = 'https://embed.tawk.to/{prop}/1h{f.alnum(7).lower()}';",
            "</script>",
        )
    else:
        b.path, b.lang = "tawk.txt", "console"
        b.add(
            f"$ curl -s -u '{key}:' https://api.tawk.to/v1/property.list -d '{{}}' | jq -c '.data[0]'",
            json.dumps({"id": prop, "name": "Support", "createdOn": f.ts()}),
            f"$ sha256sum widget.min.js\n{b.k(f.sha256())}  widget.min.js",
        )


@_kind("chat-support", "livechat", 3)
def _chat_livechat(b: _B, v: int) -> None:
    f = b.f
    if v % 2 == 0:
        pat = b.s("token", f.pick(("dal", "fra")) + ":" + f.b64url(27))
        acct = f.uuid()
        b.path, b.lang = "livechat.txt", "console"
        b.add(
            f"$ curl -s -u '{acct}:{pat}' https://api.livechatinc.com/v3.5/agent/action/list_chats -d '{{}}' \\",
            "    -H 'Content-Type: application/json' | jq -c '.chats_summary[0].users'",
        )
        fn, ln = f.person()
        b.add(
            json.dumps(
                [
                    {
                        "id": f.uuid(),
                        "type": "customer",
                        "name": b.s("person-name", f"{fn} {ln}"),
                        "email": b.s("email", f.email(fn, ln)),
                    },
                    {"id": b.k("support@example.com"), "type": "agent", "name": "Support Bot"},
                ]
            )
        )
    else:
        people = [f.person() for _ in range(1 + (v == 3))]
        b.path, b.lang = "transcripts.json", "json"
        b.add(
            _jdump(
                {
                    "chats": [
                        {
                            "id": f.alnum(10).upper(),
                            "users": [
                                {
                                    "type": "customer",
                                    "name": b.s("person-name", f"{fn} {ln}"),
                                    "email": b.s("email", f.email(fn, ln)),
                                }
                            ],
                            "thread": {
                                "events": [{"type": "message", "text": "Hi, my order hasn't shipped yet."}]
                            },
                        }
                        for fn, ln in people
                    ],
                    "found_chats": 2,
                    "webhook_secret_key": b.s("secret-key", f.alnum(32)),
                }
            )
        )


@_kind("chat-support", "drift", 3)
def _chat_drift(b: _B, v: int) -> None:
    f = b.f
    if v % 2 == 0:
        cs = b.s("client-secret", f.alnum(32))
        at = b.s("token", f.alnum(32))
        b.path, b.lang = "drift.txt", "console"
        b.add(
            "$ curl -s -X POST https://driftapi.com/oauth2/token \\",
            f"    -d client_id={f.alnum(32)} -d client_secret={cs} -d code={f.alnum(24)} -d"
            " grant_type=authorization_code",
            json.dumps(
                {
                    "access_token": at,
                    "refresh_token": b.s("refresh-token", f.alnum(32)),
                    "token_type": "bearer",
                    "expires_in": 7200,
                    "orgId": f.num(100000, 999999),
                }
            ),
        )
    else:
        people = [f.person() for _ in range(1 + (v == 3))]
        b.path, b.lang = "conversations.csv", "csv"
        b.add("conversation_id,contact_name,contact_email,assignee,created_at,status")
        for fn, ln in people:
            an, al = f.person()
            b.add(
                f"{f.num(10**9, 2 * 10**9)},{b.s('person-name', f'{fn} {ln}')},{b.s('email', f.email(fn, ln))},"
                f"{b.s('person-name', f'{an} {al}')},{f.ts()},closed"
            )


@_kind("chat-support", "chat-transcript", 4)
def _chat_transcript(b: _B, v: int) -> None:
    f = b.f
    fn, ln = f.person()
    mail = b.s("email", f.email(fn, ln))
    b.path, b.lang = "transcript.txt", "text"
    lines = [
        f"Chat transcript #{f.num(10000, 99999)} ({f.date()})",
        f"Visitor: {fn} ({mail})",
        "Page: https://shop.marrowlane.co/checkout",
        "",
        "[10:02] Visitor: hi, the payment keeps failing",
        "[10:02] Agent Sam: Sorry about that! Which card type are you using?",
    ]
    if v % 2 == 0:
        card = b.s("card-number", f.card())
        spaced = " ".join(card[i : i + 4] for i in range(0, len(card), 4))
        b.secrets[-1] = ("card-number", spaced)
        lines.append(f"[10:03] Visitor: the number is {spaced} exp 11/27")
        lines.append(
            "[10:03] Agent Sam: Please never share full card numbers in chat, I've asked to remove it."
        )
    else:
        lines.append(f"[10:03] Visitor: my account e-mail is {mail} if that helps")
    lines.append(f"-- exported by Tawk.to; visitor id {f.hexs(24)}; transcript id {b.k(f.uuid())}")
    b.add(*lines)


@_kind("chat-support", "widget-build", 6)
def _chat_widget(b: _B, v: int) -> None:
    f = b.f
    if v % 2 == 0:
        g = b.s("google-api-key", f.google())
        npm = b.s("npm-token", f.npm())
        b.path, b.lang = "widget.env", "dotenv"
        b.add(
            f"NEXT_PUBLIC_FIREBASE_API_KEY={g}",
            "NEXT_PUBLIC_FIREBASE_PROJECT_ID=support-widget-prod",
            f"NPM_TOKEN={npm}",
            f"NEXT_PUBLIC_APPINSIGHTS_CONNECTION_STRING=InstrumentationKey={b.k(f.uuid())};IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/",
        )
    else:
        sess = b.s("session-cookie", f.alnum(32))
        b.path, b.lang = "ws.http", "http"
        ga = f"GA1.1.{f.num(10**8, 10**9 - 1)}.{f.num(1700000000, 1769999999)}"
        b.add(
            "GET /socket/v2?region=eu HTTP/1.1",
            "Host: chat.marrowlane.co",
            "Upgrade: websocket",
            "Connection: Upgrade",
            f"Sec-WebSocket-Key: {b.k(base64.b64encode(f.r.randbytes(16)).decode())}",
            "Sec-WebSocket-Version: 13",
            f"Cookie: _ga={b.k(ga)}; support_session={sess}; theme=dark",
        )


# ------------------------------------------------------------------------------------------ samples: nothing to take

# Per setting: the tool a sample speaks of, its variables, its API host and the CLI that checks it.
_SAMPLE_VOCAB: dict[str, tuple[str, tuple[str, str, str], str, str]] = {
    "lab-informatics": (
        "plate-sync",
        ("BENCHLING_API_KEY", "LIMS_DB_PASSWORD", "ELN_TOKEN"),
        "eln.orvellabs.io",
        "labctl",
    ),
    "gis-drones": (
        "tile-pipeline",
        ("ARCGIS_API_KEY", "MAPTILER_KEY", "FLEET_API_TOKEN"),
        "fleet.kestrelpoint.co",
        "fleetctl",
    ),
    "sports-fitness": (
        "club-sync",
        ("STRAVA_CLIENT_SECRET", "FITBIT_CLIENT_SECRET", "POLAR_CLIENT_SECRET"),
        "api.foothills-tri.net",
        "clubsync",
    ),
    "collab-saas": (
        "roadmap-bot",
        ("NOTION_TOKEN", "LINEAR_API_KEY", "ASANA_PAT"),
        "bot.marrowlane.co",
        "roadmapctl",
    ),
    "personal-finance": (
        "ledger-import",
        ("PLAID_SECRET", "TRUELAYER_CLIENT_SECRET", "YNAB_TOKEN"),
        "budget.hollisgate.net",
        "ledgerctl",
    ),
    "speech-audio": (
        "asr-gateway",
        ("DEEPGRAM_API_KEY", "ASSEMBLYAI_API_KEY", "HF_TOKEN"),
        "asr.quillmere.io",
        "asrctl",
    ),
    "library-systems": (
        "opac-tools",
        ("KOHA_DB_PASS", "ALMA_API_KEY", "SIP2_PASSWORD"),
        "opac.fernhollow.org",
        "kohactl",
    ),
    "civic-tech": (
        "permit-portal",
        ("SOCRATA_APP_SECRET", "CKAN_API_TOKEN", "OPEN311_API_KEY"),
        "data.hollisgate.gov.example",
        "portalctl",
    ),
    "vet-dental": (
        "clinic-sync",
        ("EZYVET_CLIENT_SECRET", "STRIPE_SECRET_KEY", "MAILGUN_API_KEY"),
        "sync.pinecrestvet.net",
        "clinicctl",
    ),
    "firmware-ota": (
        "ota-release",
        ("MENDER_TENANT_TOKEN", "BALENA_API_KEY", "SIGNING_KEY_PASSPHRASE"),
        "ota.orvellabs.io",
        "otactl",
    ),
    "email-testing": (
        "mail-qa",
        ("MAILTRAP_API_TOKEN", "SMTP_PASSWORD", "SENDGRID_API_KEY"),
        "qa.quillmere.io",
        "mailqa",
    ),
    "chat-support": (
        "support-widget",
        ("CRISP_PLUGIN_KEY", "TAWK_API_KEY", "LIVECHAT_PAT"),
        "chat.marrowlane.co",
        "widgetctl",
    ),
}


def _samples_for(setting: str) -> _Kind:
    """Documentation and health checks of a setting's tools: placeholders, fillers and public values only."""

    def write(b: _B, v: int) -> None:
        f = b.f
        tool, (v1, v2, v3), host, cli = _SAMPLE_VOCAB[setting]
        if v % 3 == 0:
            b.path, b.lang = "README.md", "markdown"
            b.add(
                "## Configuration",
                "",
                f"Copy `.env.example` to `.env` and fill in the values for {tool}:",
                "",
                f"    {v1}={b.k(f.placeholder())}",
                f"    {v2}={b.k('changeme')}",
                f"    {v3}={b.k('${' + v3 + '}')}",
                "",
                f"The sandbox answers on {b.k(f.doc_ip())}; the dev server listens on {b.k('127.0.0.1')}:8080.",
                f"Security reports go to {b.k('security@example.com')}.",
            )
        elif v % 3 == 1:
            b.path, b.lang = "doctor.txt", "console"
            b.add(
                f"$ {cli} doctor",
                f"config file   ~/.config/{tool}/config.toml",
                f"api endpoint  https://{host}",
                f"resolver      {b.k(f.pick(('8.8.8.8', '1.1.1.1', '9.9.9.9')))}",
                f"{v1.lower():<22} {b.k('****')} (set)",
                f"request id    {b.k(f.uuid())}",
                f"build         {b.k(f.sha())}",
            )
        else:
            b.path, b.lang = ".env.example", "dotenv"
            b.add(
                f"# {tool}: example values, safe to commit",
                f"GITHUB_TOKEN={b.k(P_GHP + 'x' * 36)}",
                f"SLACK_BOT_TOKEN={b.k(P_XOXB + 'xxxx-xxxx-xxxx')}",
                f"{v1}={b.k('<' + v1.lower().replace('_', '-') + '>')}",
                f"{v2}=",
                f"BIND_ADDRESS={b.k('0.0.0.0')}",
                f"AWS_ACCESS_KEY_ID={b.k(P_AKIA + 'IOSFODNN7' + 'EXAMPLE')}",
            )

    return write


for _setting in SETTINGS:
    _kind(_setting, "samples", 3)(_samples_for(_setting))


def _extra(b: _B) -> None:
    """A closing line of the kind these files and outputs carry: a commit, a digest, an id (all kept)."""
    f = b.f
    what = f.r.randrange(4)
    value = b.k(f.sha() if what == 0 else f.sha256() if what == 1 else f.uuid() if what == 2 else f.doc_ip())
    label = ("rendered from commit", "artifact sha256", "trace id", "example endpoint")[what]
    if b.lang in ("yaml", "dotenv", "toml", "bitbake", "python", "bash", "text", "pytb", "ini"):
        b.add(f"# {label} {value}")
    elif b.lang in ("javascript", "typescript", "php"):
        b.add(f"// {label} {value}")
    elif b.lang == "xml":
        b.add(f"<!-- {label} {value} -->")
    elif b.lang == "sql":
        b.add(f"-- {label} {value}")
    elif b.lang == "log":
        b.add(f"{f.ts()} INFO  {label.replace(' ', '_')}={value}")
    elif b.lang in ("console", "pycon"):
        b.add(f"$ echo $DEPLOY_REF  # {label}", value)
    else:
        b.keeps.pop()


# ---------------------------------------------------------------------------------------------- delivery and build


def _wrap(rng: random.Random, delivery: str, raw: str, path: str, lang: str) -> str:
    """The raw text as a coding agent would see it delivered one of six ways."""
    lines = raw.split("\n")
    if delivery == "plain":
        return raw
    if delivery == "json":
        shapes: list[dict[str, object]] = [
            {"type": "tool_result", "tool": "Bash", "exit_code": 0, "output": raw},
            {"role": "tool", "name": "read_file", "path": path, "content": raw},
            {"event": "command_output", "stream": "stdout", "text": raw},
        ]
        return json.dumps(rng.choice(shapes), ensure_ascii=False)
    if delivery == "diff":
        head = [
            f"diff --git a/{path} b/{path}",
            "new file mode 100644",
            "--- /dev/null",
            f"+++ b/{path}",
            f"@@ -0,0 +1,{len(lines)} @@",
        ]
        return "\n".join(head + ["+" + line for line in lines])
    if delivery == "numbered":
        start = rng.choice((1, 1, 12, 40))
        return "\n".join(f"{i:>6}\t{line}" for i, line in enumerate(lines, start))
    if delivery == "cilog":
        t = rng.randrange(0, 86_000_000)
        day = rng.randint(1, 28)
        out = []
        for line in lines:
            t += rng.randrange(1, 900)
            ms, frac = divmod(t, 1000)
            h, rest = divmod(ms, 3600)
            m, s = divmod(rest, 60)
            out.append(
                f"2026-03-{day:02d}T{h % 24:02d}:{m:02d}:{s:02d}.{frac:03d}{rng.randrange(10000):04d}Z {line}"
            )
        return "\n".join(out)
    intro = rng.choice((f"Contents of `{path}`:", "Here is what it printed:", "The relevant part:"))
    return f"{intro}\n\n```{lang}\n{raw}\n```\n"


def _spans(text: str, value: str) -> list[int]:
    out, i = [], text.find(value)
    while i >= 0:
        out.append(i)
        i = text.find(value, i + len(value))
    return out


def _bounded(raw: str, value: str) -> bool:
    """Every occurrence of value stands on its own: no letter or digit glued to an alphanumeric end."""
    for i in _spans(raw, value):
        before = raw[i - 1] if i and raw[i - 2 : i] != "\\n" else " "
        after = raw[i + len(value)] if i + len(value) < len(raw) else " "
        if (value[0].isalnum() and before.isalnum()) or (value[-1].isalnum() and after.isalnum()):
            return False
    return True


def _label(
    name: str, b: _B, raw: str, text: str, delivery: str
) -> tuple[tuple[Secret, ...], tuple[Keep, ...]]:
    """Labels every occurrence of each secret and the first of each keep, as delivered; checks them."""
    conv: Callable[[str], str] = _esc if delivery == "json" else (lambda s: s)
    secrets: list[Secret] = []
    seen: dict[str, str] = {}
    for cls, value in b.secrets:
        if value in seen:
            continue
        seen[value] = cls
        if not _spans(raw, value) or not _bounded(raw, value):
            raise ValueError(f"{name}: secret {cls} missing or glued")
        dv = conv(value)
        offs = _spans(text, dv)
        if len(offs) != len(_spans(raw, value)):
            raise ValueError(f"{name}: secret {cls} occurs differently once delivered")
        secrets.extend(Secret(cls, dv, o) for o in offs)
    secrets.sort(key=lambda s: s.offset)
    for a, c in itertools.pairwise(secrets):
        if a.offset + len(a.text) > c.offset:
            raise ValueError(f"{name}: secrets {a.cls} and {c.cls} overlap")
    keeps: list[Keep] = []
    for value in dict.fromkeys(b.keeps):
        dv = conv(value)
        offs = _spans(text, dv)
        if not offs:
            raise ValueError(f"{name}: keep {value[:12]!r} missing")
        k = Keep(dv, offs[0])
        for s in secrets:
            if s.text in k.text or k.text in s.text:
                raise ValueError(f"{name}: keep and secret {s.cls} contain each other")
            if k.offset < s.offset + len(s.text) and s.offset < k.offset + len(k.text):
                raise ValueError(f"{name}: keep overlaps secret {s.cls}")
        keeps.append(k)
    return tuple(secrets), tuple(keeps)


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """Writes every document from one seeded generator: the same seed, the same corpus."""
    rng = random.Random(seed)
    docs: list[Document] = []
    for setting in SETTINGS:
        turn = rng.randrange(len(DELIVERIES))
        for kind, count, fn in _KINDS[setting]:
            for v in range(count):
                b = _B(_F(rng))
                fn(b, v)
                if kind != "samples" and rng.random() < 0.4:
                    _extra(b)
                raw = "\n".join(b.lines)
                if b.multiline:
                    delivery = rng.choice(("plain", "fence"))
                else:
                    delivery = DELIVERIES[turn % len(DELIVERIES)]
                    turn += 1
                text = _wrap(rng, delivery, raw, b.path, b.lang)
                name = f"{setting}/{kind}/{v + 1:02d}"
                secrets, keeps = _label(name, b, raw, text, delivery)
                docs.append(Document(name, setting, delivery, text, secrets, keeps))
    return docs


def corpus_digest(docs: Iterable[Document]) -> str:
    """A fingerprint of the whole corpus, pinned by the tests so that any change is seen."""
    blob = json.dumps([attrs.asdict(d) for d in docs], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


def _windows(text: str) -> set[str]:
    return {text[i : i + 6] for i in range(len(text) - 5)}


def measure_documents(docs: Iterable[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregate recall, fragment-free recall, vendor recall and keep rate of a scrub over documents."""
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
    """The real scrubber over this corpus, aggregates only."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
