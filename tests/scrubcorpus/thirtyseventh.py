"""The thirty-seventh held-back scrub corpus part: twelve settings the scrubber was never tuned on.

What it is: a labelled corpus, built in memory, that measures the scrubber on text it has not seen. Its twelve
settings (`SETTINGS`) are event venues (venue booking systems, catering orders with client contacts, AV vendor
portals), fertility clinics (patient portals, lab result exports, donor registry syncs), maritime ports (port
community systems, crew lists with passport numbers, terminal operating system APIs), ski resorts (lift ticket
systems, season pass holders, RFID gate configs), credit unions (core banking exports with member names and
accounts, teller system configs, ACH export configs, wire files), veterinary pharmacy (online pet pharmacy orders,
prescriber records, payment processor keys), makerspaces (laser cutter booking, door controllers, Wi-Fi),
podcast transcription (transcription API keys, guest contact sheets, feeds), genealogy and DNA matching (match
lists with names, kit numbers, GEDCOM files, research notes), chatbot builders (Botpress, Voiceflow and Rasa
configs with API keys, conversation logs with user details), EV fleet charging (OCPP logs, charge point
credentials, driver RFID cards) and court e-filing (e-filing service keys, case parties, attorneys).

Labels follow the scrubber's published policy (its package docstring) alone: what the policy says goes is a
`Secret`, what it says stays (placeholders, publishable keys, commit hashes and digests, versions, documentation
and loopback addresses, role mailboxes, stand-ins, names in prose, look-alikes that fail their check) is a
`Keep`, and what the policy leaves open (passport and kit numbers, card UIDs, phone numbers) is not labelled.

Every fake value is drawn at build time from a seeded `random.Random` by code that follows its format's public
description (prefixes, lengths, alphabets), and is valid for its format where the format has a check: CRC32
checksummed tokens, Luhn, IBAN mod 97, SSN ranges, the JWT layout, DER inside PEM, the OpenSSH key layout, IMO,
DEA and ABA check digits. No value in this file is a literal secret or a real person's data; names and
addresses are combined from small made-up vocabularies.

Each document is delivered one of six ways (`DELIVERIES`): as is ("plain"); escaped inside a JSON transcript
line ("json"); as a unified diff's added lines ("diff"); with line numbers ("numbered"); behind CI log
timestamps ("cilog"); inside a Markdown fence ("fence"). Labels' offsets are for the text as delivered (in the
JSON delivery a label's text is its escaped form).

`measure_documents` reports aggregates only (counts and rates), never a value.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import json
import random
import re
import string
import struct
import textwrap
import uuid
import zlib
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

import attrs


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


DEFAULT_SEED: int = 20261237
DELIVERIES: tuple[str, ...] = ("plain", "json", "diff", "numbered", "cilog", "fence")
SETTINGS: tuple[str, ...] = _words(
    "event-venues fertility-clinics maritime-ports ski-resorts credit-unions veterinary-pharmacy makerspaces "
    "podcast-transcription genealogy-dna-matching chatbot-builders ev-fleet-charging court-e-filing"
)


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


VENDOR_CLASSES: frozenset[str] = frozenset(
    _words(
        "aws-access-key github-token gitlab-token npm-token slack-token stripe-secret-key stripe-restricted-key "
        "stripe-webhook-secret google-api-key openai-key anthropic-key sendgrid-key twilio-api-key huggingface-token "
        "mapbox-secret-token posthog-personal-key square-access-token plaid-access-token shopify-token "
        "telegram-bot-token voiceflow-key botpress-token"
    )
)
CLASSES: frozenset[str] = VENDOR_CLASSES | frozenset(
    _words(
        "aws-secret-key jwt bearer-token basic-auth password url-password wifi-psk password-hash private-key "
        "openssh-private-key wireguard-private-key gcp-key-id api-key api-secret client-secret app-secret "
        "session-cookie k8s-secret-value ocpp-auth-key encryption-key email person-name ssn card-number iban "
        "ip-address username"
    )
)

_PER_SETTING = 26
_T = TypeVar("_T")


# ---------------------------------------------------------------------------------------------------------
# Alphabets and made-up vocabularies

_DIGITS = string.digits
_HEX = "0123456789abcdef"
_UHEX = "0123456789ABCDEF"
_LOWER_DIGITS = string.ascii_lowercase + string.digits
_ALNUM = string.ascii_letters + string.digits
_B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
_B64 = string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/"
_B64URL = string.ascii_letters + string.digits + "-_"
_B32 = string.ascii_uppercase + "234567"
_CRYPT = "./" + string.digits + string.ascii_uppercase + string.ascii_lowercase
_DJANGO = string.ascii_lowercase + string.digits + "!@#$%^&*(-_=+)"

_FIRST = _words(
    "Marisol Tobias Ines Dariusz Keziah Lorcan Anouk Bastian Celeste Emeka Freya Gideon Halima Ignatius Jolene "
    "Kasimir Leonie Mateus Nerissa Osric Priya Quentin Rosalind Soren Thandiwe Ulrike Vesna Wendell Ximena "
    "Yusuf Zofia Augustin"
)
_LAST = _words(
    "Okafor Lindqvist Brannigan Castellanos Demirel Eberhardt Fairweather Grabowski Halvorsen Ibarra Jaramillo "
    "Kowalczyk Larkspur Moreau Nakashima Oyelaran Pettersen Quintero Rasmussen Szabados Tremblay Underhill "
    "Valcourt Whitcombe Yilmaz Zeller Achterberg Beaumont"
)
_MAIL = _words("fernpost.net quillmail.com larchbox.org tidewell.net mailhaven.io corvidpost.com")
_WORDS = _words(
    "harbor lantern quartz saffron meadow cobalt falcon juniper tundra ember marble willow copper nimbus "
    "orchid pebble raven summit thistle velvet"
)
_DOMAINS: dict[str, tuple[str, ...]] = {
    "event-venues": ("lakeshorepavilion.com", "granaryhall.events", "copperloftvenues.co"),
    "fertility-clinics": ("brightpathfertility.com", "nestivf.org", "cradlelabs.net"),
    "maritime-ports": ("portofkelvale.com", "northquay-pcs.net", "saltmarshterminal.com"),
    "ski-resorts": ("ridgecrestmountain.com", "pinebowlski.com", "alderpeak.ski"),
    "credit-unions": ("riverbendfcu.org", "tricountycu.org", "harvestmutual.coop"),
    "veterinary-pharmacy": ("pawsrx.com", "vetmedsdirect.net", "tailwaggerpharmacy.com"),
    "makerspaces": ("forgeworks.space", "hackhall.org", "tinkerden.net"),
    "podcast-transcription": ("wavelengthpod.fm", "deepcutaudio.com", "pressplaystudio.net"),
    "genealogy-dna-matching": ("rootweave.org", "kinlinker.com", "ancestrella.net"),
    "chatbot-builders": ("chatcraft.dev", "botloom.io", "convohive.ai"),
    "ev-fleet-charging": ("voltaro-fleet.com", "chargedepot.net", "greenlanefleet.io"),
    "court-e-filing": ("efile-bridge.com", "docketflow.net", "clerkconnect.org"),
}
_IBAN_LAYOUT = {"DE": ("n8", "n10"), "GB": ("a4", "n6", "n8"), "NL": ("a4", "n10"), "AT": ("n5", "n11")}


def _b62(value: int, width: int) -> str:
    out = ""
    while value:
        value, rem = divmod(value, 62)
        out = _B62[rem] + out
    return out.rjust(width, "0")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _iban_number(text: str) -> int:
    return int("".join(str(int(ch, 36)) for ch in text))


def _der(tag: int, body: bytes) -> bytes:
    size = len(body)
    if size < 0x80:
        return bytes([tag, size]) + body
    raw = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(raw)]) + raw + body


def _der_int(raw: bytes) -> bytes:
    raw = raw.lstrip(b"\0") or b"\0"
    return _der(0x02, b"\0" + raw if raw[0] & 0x80 else raw)


def _pem(kind: str, der: bytes, width: int = 64) -> str:
    body = _b64(der)
    marker = (kind + " " if kind else "") + "PRIV" + "ATE KEY"
    lines = [body[i : i + width] for i in range(0, len(body), width)]
    return "\n".join([f"-----BEGIN {marker}-----", *lines, f"-----END {marker}-----"])


def _ssh_str(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


class _Fake:
    """Draws every fake from one seeded generator, each by its format's public description."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self._names: set[tuple[str, str]] = set()

    def pick(self, seq: Sequence[_T]) -> _T:
        return seq[self.r.randrange(len(seq))]

    def chars(self, alphabet: str, n: int) -> str:
        return "".join(alphabet[self.r.randrange(len(alphabet))] for _ in range(n))

    def hexs(self, n: int) -> str:
        return self.chars(_HEX, n)

    def alnum(self, n: int) -> str:
        return self.chars(_ALNUM, n)

    def digits(self, n: int) -> str:
        return str(self.r.randint(10 ** (n - 1), 10**n - 1))

    def num(self, lo: int, hi: int) -> str:
        return str(self.r.randint(lo, hi))

    def raw(self, n: int) -> bytes:
        return bytes(self.r.getrandbits(8) for _ in range(n))

    def uuid4(self) -> str:
        return str(uuid.UUID(int=self.r.getrandbits(128), version=4))

    def dom(self, setting: str) -> str:
        return self.pick(_DOMAINS[setting])

    def name(self) -> tuple[str, str]:
        while True:
            pair = (self.pick(_FIRST), self.pick(_LAST))
            if pair not in self._names:
                self._names.add(pair)
                return pair

    def email(self, first: str, last: str) -> str:
        fi, la = first.lower(), last.lower()
        local = self.pick((f"{fi}.{la}", f"{fi[0]}{la}", f"{fi}{la[0]}{self.num(10, 99)}", f"{la}.{fi[0]}"))
        return f"{local}@{self.pick(_MAIL)}"

    def full(self) -> _S:
        return _S("person-name", " ".join(self.name()))

    def login(self) -> _S:
        fi, la = self.name()
        return _S("username", (fi[0] + la).lower())

    def person(self) -> tuple[_S, _S]:
        """A person's full name and e-mail address, labelled."""
        fi, la = self.name()
        return _S("person-name", f"{fi} {la}"), _S("email", self.email(fi, la))

    def pw(self, url: bool = False) -> str:
        """A password as people pick them (two words and a number) or as a manager makes them."""
        if self.r.random() < 0.5:
            sep = self.pick("-_." if url else "-_.!%+")
            return f"{self.pick(_WORDS).capitalize()}{sep}{self.pick(_WORDS)}{self.num(10, 9999)}"
        body = self.alnum(self.r.randint(12, 18))
        cut = self.r.randint(3, len(body) - 3)
        return (
            self.pick(string.ascii_letters) + body[:cut] + self.pick("-_." if url else "-_.!%+~") + body[cut:]
        )

    def mixed(self, n: int) -> str:
        """A generated key: letters, digits and a few symbols, at least one digit and one capital."""
        while True:
            value = self.chars(_ALNUM + "-_.~+!", n)
            if value[0].isalnum() and any(c.isdigit() for c in value) and any(c.isupper() for c in value):
                return value

    def private_ip(self) -> str:
        host, kind = self.r.randint(30, 249), self.r.randrange(4)
        mid = f"{self.r.randint(0, 254)}.{host}"
        return (
            f"10.{self.r.randint(1, 254)}.{mid}",
            f"172.{self.r.randint(16, 31)}.{mid}",
            f"192.168.{self.r.randint(2, 254)}.{host}",
            f"100.{self.r.randint(64, 127)}.{mid}",
        )[kind]

    def version4(self) -> str:
        return f"{self.num(1, 9)}.{self.num(0, 20)}.{self.num(0, 9)}.{self.num(11, 399)}"

    def jwt(self, iss: str) -> str:
        alg = self.pick(("HS256", "RS256"))
        now = self.r.randint(1_767_000_000, 1_780_000_000)
        claims = {"iss": iss, "sub": self.uuid4(), "iat": now, "exp": now + 3600, "scope": "read write"}
        head = _b64u(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode())
        body = _b64u(json.dumps(claims, separators=(",", ":")).encode())
        return f"{head}.{body}.{_b64u(self.raw(32 if alg == 'HS256' else 256))}"

    def card(self) -> str:
        """A Luhn-valid Visa or Mastercard number (no processor's published test number)."""
        digits = [int(c) for c in self.pick(("4", "51", "52", "53", "54", "55"))]
        while len(digits) < 15:
            digits.append(self.r.randrange(10))
        total = sum(
            (d * 2 - 9 if d * 2 > 9 else d * 2) if i % 2 == 0 else d for i, d in enumerate(reversed(digits))
        )
        return "".join(map(str, digits)) + str((10 - total % 10) % 10)

    def iban(self, valid: bool = True) -> str:
        cc = self.pick(tuple(_IBAN_LAYOUT))
        bban = "".join(
            self.chars(string.ascii_uppercase if part[0] == "a" else _DIGITS, int(part[1:]))
            for part in _IBAN_LAYOUT[cc]
        )
        check = 98 - _iban_number(bban + cc + "00") % 97
        if not valid:
            check = self.pick([c for c in range(2, 99) if c != check])
        value = f"{cc}{check:02d}{bban}"
        if self.r.random() < 0.5:
            value = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
        return value

    def ssn(self, dashes: bool = True) -> str:
        area = self.pick([a for a in range(1, 900) if a != 666])
        group, serial = self.r.randint(1, 99), self.r.randint(1, 9999)
        return f"{area:03d}-{group:02d}-{serial:04d}" if dashes else f"{area:03d}{group:02d}{serial:04d}"

    def imo(self) -> str:
        six = [self.r.randint(1 if i == 0 else 0, 9) for i in range(6)]
        return "".join(map(str, six)) + str(sum(d * (7 - i) for i, d in enumerate(six)) % 10)

    def dea(self, last: str) -> str:
        d = [self.r.randrange(10) for _ in range(6)]
        check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10
        return self.pick("ABFG") + last[0].upper() + "".join(map(str, d)) + str(check)

    def aba(self) -> str:
        d = [self.r.randint(0, 3), *(self.r.randrange(10) for _ in range(7))]
        partial = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5])
        return "".join(map(str, d)) + str((10 - partial % 10) % 10)

    def ec_pem(self) -> str:
        oid = bytes.fromhex("06082a8648ce3d030107")
        body = _der(0x02, b"\x01") + _der(0x04, self.raw(32)) + _der(0xA0, oid)
        body += _der(0xA1, _der(0x03, b"\x00\x04" + self.raw(64)))
        return _pem("EC", _der(0x30, body))

    def rsa_pem(self) -> str:
        """PKCS#8 around an RSA key's nine integers (random, but each its size)."""
        n, d, *rest = (
            bytes([0x80 | self.r.getrandbits(7)]) + self.raw(k - 1)
            for k in (256, 256, 128, 128, 128, 128, 128)
        )
        rsa = _der(0x30, b"".join(_der_int(v) for v in [b"\0", n, b"\x01\x00\x01", d, *rest]))
        algo = _der(0x30, bytes.fromhex("06092a864886f70d010101") + b"\x05\x00")
        return _pem("", _der(0x30, _der_int(b"\0") + algo + _der(0x04, rsa)))

    def openssh(self, comment: str) -> tuple[str, str]:
        """An unencrypted ed25519 key in the openssh-key-v1 layout, and its public line."""
        seed, pub, check = self.raw(32), self.raw(32), self.raw(4)
        blob = _ssh_str(b"ssh-ed25519") + _ssh_str(pub)
        priv = check + check + blob + _ssh_str(seed + pub) + _ssh_str(comment.encode())
        priv += bytes(range(1, 1 + (-len(priv)) % 8))
        data = b"openssh-key-v1\0" + _ssh_str(b"none") + _ssh_str(b"none") + _ssh_str(b"")
        data += struct.pack(">I", 1) + _ssh_str(blob) + _ssh_str(priv)
        return _pem("OPENSSH", data, 70), f"ssh-ed25519 {_b64(blob)} {comment}"

    def wg_key(self) -> str:
        key = bytearray(self.raw(32))
        key[0] &= 248
        key[31] = (key[31] & 127) | 64
        return _b64(bytes(key))

    def checksummed(self, prefix: str) -> str:
        """GitHub's and npm's layout: 30 random base62 characters and their CRC32 in 6 more."""
        body = self.chars(_B62, 30)
        return prefix + body + _b62(zlib.crc32(body.encode()), 6)

    def tok(self, kind: str) -> str:
        return _VENDOR_MAKERS[kind](self)


# Vendor tokens by their published layouts (prefixes split so that this file holds none whole).
_VENDOR_MAKERS: dict[str, Callable[[_Fake], str]] = {
    "stripe-sk": lambda f: "sk_" + "live_" + f.alnum(f.pick((24, 99))),
    "stripe-rk": lambda f: "rk_" + "live_" + f.alnum(f.pick((24, 99))),
    "stripe-pk": lambda f: "pk_" + "live_" + f.alnum(f.pick((24, 99))),
    "whsec": lambda f: "wh" + "sec_" + f.alnum(32),
    "aws": lambda f: "AK" + "IA" + f.chars(_B32, 16),
    "aws-example": lambda f: "AK" + "IA" + f.chars(_B32, 9) + "EXAMPLE",
    "slack": lambda f: "xo" + f"xb-{f.digits(12)}-{f.digits(13)}-{f.alnum(24)}",
    "google": lambda f: "AI" + "za" + f.chars(_B64URL, 35),
    "openai": lambda f: f.pick(("sk-", "sk-proj-")) + f.alnum(24) + _b64(b"OpenAI") + f.alnum(24),
    "anthropic": lambda f: "sk-" + "ant-api03-" + f.chars(_B64URL, 93) + "AA",
    "sendgrid": lambda f: "S" + f"G.{f.chars(_B64URL, 22)}.{f.chars(_B64URL, 43)}",
    "twilio": lambda f: "S" + "K" + f.hexs(32),
    "hf": lambda f: "hf" + "_" + f.chars(string.ascii_letters, 34),
    "posthog-x": lambda f: "ph" + "x_" + f.alnum(43),
    "posthog-c": lambda f: "ph" + "c_" + f.alnum(43),
    "square": lambda f: "EA" + "AA" + f.chars(_B64URL, 60),
    "plaid": lambda f: "access-" + "production-" + f.uuid4(),
    "shopify": lambda f: "shp" + "at_" + f.hexs(32),
    "telegram": lambda f: f"{f.r.randint(10**8, 8 * 10**9)}:AA{f.chars(_B64URL, 33)}",
    "voiceflow": lambda f: "VF." + f"DM.{f.hexs(24)}.{f.alnum(16)}",
    "botpress": lambda f: "bp_" + "pat_" + f.alnum(40),
    "gitlab": lambda f: "glp" + "at-" + f.chars(_B64URL, 20),
    "github": lambda f: f.checksummed("gh" + "p_"),
    "npm": lambda f: f.checksummed("np" + "m_"),
}


def _mapbox(f: _Fake, kind: str, user: str) -> str:
    claims = {"u": user, "a": f.chars(_LOWER_DIGITS, 25)}
    return f"{kind}.{_b64u(json.dumps(claims, separators=(',', ':')).encode())}.{f.chars(_B64URL, 22)}"


# ---------------------------------------------------------------------------------------------------------
# Templates: "<<name>>" placeholders filled from the template function's locals. One group a setting, in
# SETTINGS' order: _vn_ venues, _fc_ fertility, _mp_ ports, _sk_ ski, _cu_ credit unions, _vp_ vet pharmacy,
# _mk_ makerspaces, _pc_ podcasts, _gd_ genealogy, _cb_ chatbots, _ev_ EV charging, _ce_ court e-filing.


@attrs.frozen
class _S:
    cls: str
    text: str


@attrs.frozen
class _K:
    text: str


@attrs.frozen
class _Raw:
    path: str
    text: str
    labels: tuple[tuple[str, str, int], ...]  # (class, or "" for a keep; text; offset)


_PH = re.compile(r"<<([a-z0-9_]+)>>")


def _fill(path: str, template: str, values: Mapping[str, object]) -> _Raw:
    """Fills a template; a labelled value is labelled where it first stands, and plain wherever else."""
    tpl = textwrap.dedent(template).strip("\n")
    parts: list[str] = []
    labels: list[tuple[str, str, int]] = []
    pos = size = 0
    for m in _PH.finditer(tpl):
        parts.append(tpl[pos : m.start()])
        size += m.start() - pos
        value = values[m.group(1)]
        text = value.text if isinstance(value, _S | _K) else str(value)
        if isinstance(value, _S | _K) and all(lab[1] != text for lab in labels):
            labels.append((value.cls if isinstance(value, _S) else "", text, size))
        parts.append(text)
        size += len(text)
        pos = m.end()
    parts.append(tpl[pos:])
    secrets, keeps = [t for c, t, _ in labels if c], [t for c, t, _ in labels if not c]
    if any(s in k or k in s for s in secrets for k in keeps):
        raise ValueError(f"a secret and a keep overlap in {path}")
    return _Raw(path, "".join(parts), tuple(labels))


def _vn_env(f: _Fake) -> _Raw:
    dom, lo, pk, ref = f.dom("event-venues"), _K("127.0.0.1"), _K(f.tok("stripe-pk")), _K("${DATABASE_URL}")
    dj, sk = _S("app-secret", f.chars(_DJANGO, 50)), _S("stripe-secret-key", f.tok("stripe-sk"))
    t = """\
        # venue-booking: production environment (rotated after the April audit)
        DJANGO_SETTINGS_MODULE=booking.settings.prod
        DJANGO_SECRET_KEY=<<dj>>
        DATABASE_URL=<<ref>>
        REDIS_URL=redis://<<lo>>:6379/2
        STRIPE_PUBLISHABLE_KEY=<<pk>>
        STRIPE_SECRET_KEY=<<sk>>
        ALLOWED_HOSTS=book.<<dom>>,localhost
        """
    return _fill("booking/.env.production", t, locals())


def _vn_gitlog(f: _Fake) -> _Raw:
    name, email = f.person()
    h1, h2, h3, bot = _K(f.hexs(7)), _K(f.hexs(7)), f.hexs(7), _K("noreply@github.com")
    gh = _K("git@github.com")
    t = """\
        $ git log -3 --format='%h %an <%ae> %s'
        <<h1>> <<name>> <<<email>>> fix(rooms): block double-booking when partitions are open
        <<h2>> GitHub <<<bot>>> Merge pull request #212 from ops/catering-export
        <<h3>> <<name>> <<<email>>> feat(catering): export dietary notes to the kitchen sheet
        $ git remote -v
        origin  <<gh>>:copperloft/venue-booking.git (fetch)
        """
    return _fill("session.txt", t, locals())


def _vn_catering(f: _Fake) -> _Raw:
    name, email = f.person()
    jd, jde = _K("Jane Doe"), _K("jane.doe@example.com")
    o1, o2, hc = f.digits(5), f.digits(5), f.num(40, 260)
    room = f.pick(("Lakeview Ballroom", "Terrace", "Granary Loft", "Garden Room"))
    t = """\
        order_ref,event_date,room,client_name,client_email,headcount,menu,dietary_notes
        CAT-<<o1>>,2026-06-14,<<room>>,<<name>>,<<email>>,<<hc>>,Harvest buffet,"12 vegetarian, 2 nut-free"
        CAT-<<o2>>,2026-06-21,Terrace,<<jd>>,<<jde>>,20,Tasting (QA),"delete after QA"
        """
    return _fill("exports/catering_orders_2026-06.csv", t, locals())


def _vn_av(f: _Fake) -> _Raw:
    av, name = f.pick(("stagelinkav.com", "brightrig.io", "lumenhire.net")), f.full()
    var, hold, ph, qid = _K("$AVPORTAL_TOKEN"), f.digits(5), f.num(10, 99), f.uuid4()
    t = """\
        $ curl -s "https://portal.<<av>>/api/v2/holds?status=confirmed" \\
            -H "Authorization: Bearer <<var>>" | jq '.holds[0]'
        {
          "hold_id": "HLD-<<hold>>",
          "items": ["2x line array", "wireless lav kit", "confidence monitor"],
          "load_in": "2026-06-14T07:30:00-07:00",
          "coordinator": {"name": "<<name>>", "phone": "+1 971 555 01<<ph>>"},
          "quote_pdf": "https://portal.<<av>>/q/<<qid>>.pdf"
        }
        """
    return _fill("session.txt", t, locals())


def _vn_sync(f: _Fake) -> _Raw:
    av, dom = f.pick(("stagelinkav.com", "brightrig.io", "lumenhire.net")), f.dom("event-venues")
    sg, ex = _S("sendgrid-key", f.tok("sendgrid")), _K("events@example.com")
    env = _K('os.environ["AV_API_KEY"]')
    t = """\
        AV_PORTAL = "https://portal.<<av>>/api/v2"
        SENDGRID_API_KEY = "<<sg>>"  # TODO: move to the vault once the policy lands
        session = requests.Session()
        session.headers["X-Api-Key"] = <<env>>


        def notify(to: str = "<<ex>>", body: str = "smoke test") -> None:
            msg = Mail(from_email="quotes@<<dom>>", to_emails=to, subject="AV quote", plain_text_content=body)
            SendGridAPIClient(SENDGRID_API_KEY).send(msg)
        """
    return _fill("scripts/sync_av_quotes.py", t, locals())


def _vn_cookie(f: _Fake) -> _Raw:
    dom, ga, ms = f.dom("event-venues"), _K(f"GA1.1.{f.digits(10)}.{f.digits(10)}"), f.num(900, 4000)
    sid, ip = _S("session-cookie", f.chars(_LOWER_DIGITS, 32)), _S("ip-address", f.private_ip())
    t = """\
        curl 'https://book.<<dom>>/admin/bookings/?room=ballroom&date=2026-06-14' \\
          -H 'accept: text/html,application/xhtml+xml' \\
          -H 'cookie: _ga=<<ga>>; sessionid=<<sid>>' \\
          -H 'user-agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4)'

        # server side, same minute:
        2026-06-02 14:11:07,412 WARNING [booking.views] slow request <<ms>>ms GET /admin/bookings/ client=<<ip>>
        """
    return _fill("notes/slow-admin.txt", t, locals())


def _fc_env(f: _Fake) -> _Raw:
    dom, sid, phc = f.dom("fertility-clinics"), "AC" + f.hexs(32), _K(f.tok("posthog-c"))
    ref = _K("${AUTH_SECRET}")
    sk, sec, lo = _S("twilio-api-key", f.tok("twilio")), _S("api-secret", f.alnum(32)), _K("127.0.0.1")
    t = """\
        # patient-portal/.env.local (pulled with `vercel env pull`)
        NEXTAUTH_URL=https://portal.<<dom>>
        NEXTAUTH_SECRET=<<ref>>
        TWILIO_ACCOUNT_SID=<<sid>>
        TWILIO_API_KEY=<<sk>>
        TWILIO_API_SECRET=<<sec>>
        TWILIO_STATUS_CALLBACK=http://<<lo>>:3000/sms/status
        NEXT_PUBLIC_POSTHOG_KEY=<<phc>>
        """
    return _fill("patient-portal/.env.local", t, locals())


def _fc_lab(f: _Fake) -> _Raw:
    fi, la = f.name()
    fn, ln, ver = _S("person-name", fi), _S("person-name", la), _K(f.version4())
    mrn, batch, res = f.digits(7), f.digits(4), f"{f.num(8, 90)}.{f.num(0, 9)}"
    t = """\
        # exported by LabBridge <<ver>> - andrology results, batch <<batch>>
        patient_mrn,first_name,last_name,dob,collected_at,test_code,result,units,flag
        MRN<<mrn>>,<<fn>>,<<ln>>,1988-02-17,2026-04-11T08:42,SA-CONC,<<res>>,M/mL,N
        """
    return _fill("exports/andrology_2026-04-11.csv", t, locals())


def _fc_intake(f: _Fake) -> _Raw:
    name, ssn, mrn, commit = f.full(), _S("ssn", f.ssn()), f.digits(7), _K(f.hexs(40))
    t = """\
        -- intake_fix.sql: re-insert the record the portal dropped (IVF-2291, fixed upstream in <<commit>>)
        INSERT INTO patients (mrn, full_name, ssn, date_of_birth, clinic_id)
        VALUES ('MRN<<mrn>>', '<<name>>', '<<ssn>>', '1986-09-30', 3);
        """
    return _fill("sql/intake_fix.sql", t, locals())


def _fc_nginx(f: _Fake) -> _Raw:
    dom, ip, lo = f.dom("fertility-clinics"), _S("ip-address", f.private_ip()), _K("127.0.0.1")
    size = f.num(2, 9)
    tok = _S("jwt", f.jwt(f"https://auth.{dom}"))
    t = """\
        $ sudo tail -n 2 /var/log/nginx/portal_access.log
        <<ip>> - - [11/Apr/2026:09:14:02 +0000] "GET /api/results/export?token=<<tok>> HTTP/1.1" 200 4<<size>>13
        <<lo>> - - [11/Apr/2026:09:14:05 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.29"
        """
    return _fill("session.txt", t, locals())


def _fc_k8s(f: _Fake) -> _Raw:
    pw, key = _S("k8s-secret-value", _b64(f.pw().encode())), _K("REGISTRY_SFTP_PASSWORD")
    t = """\
        apiVersion: v1
        kind: Secret
        metadata:
          name: donor-registry-sync
          namespace: clinic-integrations
        type: Opaque
        data:
          <<key>>: <<pw>>
        """
    return _fill("k8s/donor-registry-sync.yaml", t, locals())


def _fc_sftp(f: _Fake) -> _Raw:
    user, dom, digest = f.login(), f.dom("fertility-clinics"), _K(f.hexs(64))
    hsh = _S("password-hash", f"$6${f.chars(_CRYPT, 16)}${f.chars(_CRYPT, 86)}")
    t = """\
        [<<user>>@lab-bridge-01 ~]$ sftp -i ~/.ssh/ivf_export ivf-export@sftp.<<dom>>
        sftp> lcd /home/<<user>>/exports
        sftp> get outbound/results_20260411.hl7
        sftp> bye
        [<<user>>@lab-bridge-01 ~]$ sha256sum exports/results_20260411.hl7
        <<digest>>  exports/results_20260411.hl7
        [<<user>>@lab-bridge-01 ~]$ sudo getent shadow ivf-export
        ivf-export:<<hsh>>:20180:0:99999:7:::
        """
    return _fill("session.txt", t, locals())


def _mp_pcs(f: _Fake) -> _Raw:
    dom, n, dns, lo = f.dom("maritime-ports"), f.digits(4), _K("8.8.8.8"), _K("127.0.0.1")
    cs, ip = _S("client-secret", f.mixed(40)), _S("ip-address", f.private_ip())
    t = """\
        # pcs-connector/config/production.yaml
        pcs:
          base_url: https://pcs.<<dom>>/api/v3
          client_id: port-agent-<<n>>
          client_secret: <<cs>>
          proxy: http://<<lo>>:3128
        ais:
          feed_host: <<ip>>
          feed_port: 5631
          resolver: <<dns>>
        """
    return _fill("config/production.yaml", t, locals())


def _mp_as2(f: _Fake) -> _Raw:
    ip, dns, any_ = _S("ip-address", f.private_ip()), _K("1.1.1.1"), _K("0.0.0.0:4080")
    sha, n, size = _K(f.hexs(64)), f.digits(6), f.num(4000, 40000)
    t = """\
        2026-04-30T03:14:22Z as2-gw[812]: INFO inbound COPRAR partner=NQT-LINES peer=<<ip>> size=<<size>>
        2026-04-30T03:14:22Z as2-gw[812]: DEBUG resolver <<dns>>, listening on <<any_>>
        2026-04-30T03:14:23Z as2-gw[812]: INFO stored /data/edi/in/COPRAR_<<n>>.edi sha256=<<sha>>
        """
    return _fill("logs/as2-gw.log", t, locals())


def _mp_aws(f: _Fake) -> _Raw:
    akid, sak = _S("aws-access-key", f.tok("aws")), _S("aws-secret-key", f.chars(_B64, 40))
    ex = _K(f.tok("aws-example"))
    t = """\
        $ cat ~/.aws/credentials
        [pcs-datalake]
        aws_access_key_id = <<akid>>
        aws_secret_access_key = <<sak>>
        region = eu-north-1

        [docs-sample]
        aws_access_key_id = <<ex>>
        """
    return _fill("session.txt", t, locals())


def _mp_reefer(f: _Fake) -> _Raw:
    ip, pw, var = _S("ip-address", f.private_ip()), _S("password", f.pw()), _K("password=backup_password")
    t = """\
        # tools/reefer_poll.py
        tos = TosClient(host="<<ip>>", user="reefer-monitor", password="<<pw>>")
        backup = TosClient(host=BACKUP_HOST, user=BACKUP_USER, <<var>>)
        """
    return _fill("tools/reefer_poll.py", t, locals())


def _mp_crew(f: _Fake) -> _Raw:
    fi, la = f.name()
    ln, fn, pp = _S("person-name", la), _S("person-name", fi), f.pick("CNPU") + f.digits(7)
    ship, imo = f.pick(("KELVALE SPIRIT", "NORTHERN TERN", "SALTMARSH TRADER")), f.imo()
    t = """\
        $ grep -E '^(no|1);' fal/crew_list.csv
        no;family_name;given_names;rank;nationality;date_of_birth;passport_no;passport_expiry
        1;<<ln>>;<<fn>>;Master;NO;1974-06-02;<<pp>>;2031-09-30
        $ head -1 fal/crew_list.meta
        MV <<ship>> IMO <<imo>> arrival 2026-05-02 FAL5
        """
    return _fill("session.txt", t, locals())


def _mp_key(f: _Fake) -> _Raw:
    key, sha = _S("private-key", f.ec_pem()), _K(f.hexs(64))
    t = """\
        $ cat /etc/as2-gw/keys/as2_signing.key
        <<key>>
        $ sha256sum /etc/as2-gw/keys/as2_signing.crt
        <<sha>>  /etc/as2-gw/keys/as2_signing.crt
        """
    return _fill("session.txt", t, locals())


def _sk_gate(f: _Fake) -> _Raw:
    ip, ss, fw = _S("ip-address", f.private_ip()), _S("app-secret", f.mixed(32)), _K(f.version4())
    any_ = _K("0.0.0.0")
    lift = f.num(2, 9)
    t = """\
        ; /etc/gatectl/gatectl.ini - lift <<lift>>
        [controller]
        listen = <<any_>>:8443
        firmware = <<fw>>

        [upstream]
        access_server = <<ip>>
        shared_secret = <<ss>>
        """
    return _fill("etc/gatectl.ini", t, locals())


def _sk_rfid(f: _Fake) -> _Raw:
    dom, ip, pw = f.dom("ski-resorts"), _S("ip-address", f.private_ip()), _S("url-password", f.pw(url=True))
    fw, mask, gate = _K(f.version4()), _K("255.255.255.0"), f.num(10, 48)
    t = """\
        {
          "gate_id": "G-<<gate>>",
          "reader": {"model": "RG-400", "firmware": "<<fw>>"},
          "network": {"ip": "<<ip>>", "netmask": "<<mask>>", "dhcp": false},
          "mqtt": {"url": "mqtts://gates:<<pw>>@mqtt.<<dom>>:8883", "topic": "lifts/gates/<<gate>>"},
          "antenna_power_dbm": 27
        }
        """
    return _fill("gates/gate.json", t, locals())


def _sk_shop(f: _Fake) -> _Raw:
    tok, rk = _S("shopify-token", f.tok("shopify")), _S("stripe-restricted-key", f.tok("stripe-rk"))
    pk, ref = _K(f.tok("stripe-pk")), _K("${SHOPIFY_API_SECRET}")
    t = """\
        # ticket-shop/.env (Shopify custom app)
        SHOPIFY_STORE=ridgecrest-tickets.myshopify.com
        SHOPIFY_ADMIN_API_TOKEN=<<tok>>
        SHOPIFY_API_SECRET=<<ref>>
        STRIPE_API_KEY=<<rk>>
        STRIPE_PUBLISHABLE_KEY=<<pk>>
        """
    return _fill("ticket-shop/.env", t, locals())


def _sk_kiosk(f: _Fake) -> _Raw:
    user, dom, key = f.login(), f.dom("ski-resorts"), _S("api-key", f.mixed(32))
    ver = _K(f.version4())
    t = """\
        <<user>>@kiosk-base-02:~$ passprint --version
        passprint <<ver>>
        <<user>>@kiosk-base-02:~$ cat ~/.config/passprint/config.toml
        [api]
        endpoint = "https://passes.<<dom>>/api"
        api_key = "<<key>>"
        <<user>>@kiosk-base-02:~$ ls /home/<<user>>/.config/passprint
        config.toml  queue.db
        """
    return _fill("session.txt", t, locals())


def _sk_firebase(f: _Fake) -> _Raw:
    pn, n, app, key = f.digits(12), f.num(100, 999), f.hexs(16), _S("google-api-key", f.tok("google"))
    t = """\
        {
          "project_info": {"project_number": "<<pn>>", "project_id": "ridgecrest-app-<<n>>"},
          "client": [{
            "client_info": {"mobilesdk_app_id": "1:<<pn>>:android:<<app>>"},
            "api_key": [{"current_key": "<<key>>"}]
          }],
          "configuration_version": "1"
        }
        """
    return _fill("android/app/google-services.json", t, locals())


def _sk_dump(f: _Fake) -> _Raw:
    hsh = _S("password-hash", f"pbkdf2_sha256$870000${f.alnum(22)}${_b64(f.raw(32))}")
    ex = _K("lift-ops@example.com")
    t = """\
        $ python manage.py dumpdata auth.user --indent 2 | head -12
        [
        {
          "model": "auth.user",
          "pk": 3,
          "fields": {
            "password": "<<hsh>>",
            "is_superuser": true,
            "username": "lift-ops",
            "email": "<<ex>>"
        """
    return _fill("session.txt", t, locals())


def _cu_ach(f: _Fake) -> _Raw:
    ip, pw, doc = _S("ip-address", f.private_ip()), _S("password", f.pw()), _K(f"192.0.2.{f.num(10, 250)}")
    cm, aba = _K("changeme"), f.aba()
    t = """\
        # ach-export/config.yml
        odfi:
          routing_number: "<<aba>>"
          cutoff: "16:30"
        sftp:
          host: <<ip>>
          username: cu-ach
          password: <<pw>>
        sandbox:
          host: <<doc>>
          password: <<cm>>
        """
    return _fill("ach-export/config.yml", t, locals())


def _cu_members(f: _Fake) -> _Raw:
    name, ssn = f.full(), _S("ssn", f.ssn(dashes=f.r.random() < 0.5))
    mn, bal, ver = f.digits(7), f"{f.num(100, 9000)}.{f.num(10, 99)}", _K(f.version4())
    t = """\
        # exported by corelink <<ver>> - dormant share accounts, 2026Q1
        member_number,member_name,ssn,share_balance,last_activity
        <<mn>>,<<name>>,<<ssn>>,<<bal>>,2024-11-02
        """
    return _fill("exports/members_dormant_2026Q1.csv", t, locals())


def _cu_teller(f: _Fake) -> _Raw:
    pw, ver, branch = _S("password", f.pw()), _K(f.version4()), f.num(1, 12)
    t = """\
        <!-- teller-station.config.xml, branch <<branch>> -->
        <TellerConfig>
          <HostConnection host="corehost.internal" port="9301" tls="true"/>
          <property name="db.user" value="teller_svc"/>
          <property name="db.password" value="<<pw>>"/>
          <property name="ui.version" value="<<ver>>"/>
          <CashDrawer limit="25000" dualControl="true"/>
        </TellerConfig>
        """
    return _fill("config/teller-station.config.xml", t, locals())


def _cu_wire(f: _Fake) -> _Raw:
    name, iban, bad = f.full(), _S("iban", f.iban()), _K(f.iban(valid=False))
    n, amt = f.digits(5), f"{f.num(300, 9000)}.00"
    t = """\
        {
          "wire_id": "IW-2026-<<n>>",
          "type": "international",
          "beneficiary": {"name": "<<name>>", "iban": "<<iban>>"},
          "amount": {"value": "<<amt>>", "currency": "EUR"},
          "validation": {"rejected_input": "<<bad>>", "reason": "check digits"},
          "memo": "tuition spring term"
        }
        """
    return _fill("wires/outbound/IW-2026.json", t, locals())


def _cu_plaid(f: _Fake) -> _Raw:
    sec, tok, lo = _S("api-secret", f.hexs(30)), _S("plaid-access-token", f.tok("plaid")), _K("127.0.0.1")
    cid, mn, item = f.hexs(24), f.digits(7), f.chars(_B62, 37)
    t = """\
        $ grep PLAID .env
        PLAID_ENV=production
        PLAID_CLIENT_ID=<<cid>>
        PLAID_SECRET=<<sec>>
        PLAID_WEBHOOK_URL=http://<<lo>>:8000/plaid/webhook
        $ python manage.py link_item --member <<mn>>
        item linked: {"access_token": "<<tok>>", "item_id": "<<item>>"}
        """
    return _fill("session.txt", t, locals())


def _cu_olb(f: _Fake) -> _Raw:
    dom, mn = f.dom("credit-unions"), f.digits(7)
    basic = _S("basic-auth", _b64(f"svc-statements:{f.pw(url=True)}".encode()))
    sid, attrs_ = _S("session-cookie", f.chars(_B64URL, 40)), _K("Path=/; Secure; HttpOnly")
    t = """\
        $ curl -sv --netrc https://olb-api.<<dom>>/v2/members/<<mn>>/statements -o /dev/null
        > GET /v2/members/<<mn>>/statements HTTP/1.1
        > Host: olb-api.<<dom>>
        > Authorization: Basic <<basic>>
        > User-Agent: curl/8.5.0
        < HTTP/1.1 200 OK
        < Set-Cookie: olb_session=<<sid>>; <<attrs_>>; SameSite=Strict
        """
    return _fill("session.txt", t, locals())


def _vp_order(f: _Fake) -> _Raw:
    (name, em), oid, sup = f.person(), _K(f.card()), _K("rx-help@example.com")
    pet, l4 = f.pick(("Biscuit", "Juniper", "Moose", "Pickles")), f.digits(4)
    t = """\
        {
          "order_id": <<oid>>,
          "placed_at": "2026-05-04T18:22:09Z",
          "pet": {"name": "<<pet>>", "species": "canine", "weight_kg": 21.4},
          "items": [{"sku": "CARP-75-60", "drug": "carprofen 75 mg", "qty": 60, "rx_required": true}],
          "customer": {"name": "<<name>>", "email": "<<em>>"},
          "payment": {"processor": "square", "card_brand": "VISA", "last4": "<<l4>>"},
          "support_contact": "<<sup>>"
        }
        """
    return _fill("orders/order.json", t, locals())


def _vp_prescriber(f: _Fake) -> _Raw:
    fi, la = f.name()
    name, em, ver = _S("person-name", f"{fi} {la}"), _S("email", f.email(fi, la)), _K(f.version4())
    pid, lic, dea = f.digits(5), f.digits(6), f.dea(la)
    clinic = f.pick(("Maple Grove", "Riverside", "Cedar Hollow"))
    t = """\
        # exported by vetrx <<ver>>
        prescriber_id,vet_name,clinic,state,license_no,dea_number,email
        PR-<<pid>>,<<name>>,<<clinic>> Animal Hospital,OH,<<lic>>,<<dea>>,<<em>>
        """
    return _fill("imports/prescribers.csv", t, locals())


def _vp_payments(f: _Fake) -> _Raw:
    pub, priv, sq = _K(f.hexs(16)), _S("api-secret", f.hexs(32)), _S("square-access-token", f.tok("square"))
    mid, loc, filler = f.chars(_LOWER_DIGITS, 16), f.chars(_UHEX, 13), _K("EA" + "AA" + "x" * 60)
    t = """\
        # config/payments.yml (the sandbox block is the vendor's sample)
        braintree:
          environment: production
          merchant_id: <<mid>>
          public_key: <<pub>>
          private_key: <<priv>>
        square:
          access_token: <<sq>>
          location_id: L<<loc>>
        square_sandbox:
          access_token: <<filler>>
        """
    return _fill("config/payments.yml", t, locals())


def _vp_listen(f: _Fake) -> _Raw:
    wh, e1, tc = _S("stripe-webhook-secret", f.tok("whsec")), f.alnum(24), _K(" ".join(["4242"] * 4))
    t = """\
        $ stripe listen --forward-to localhost:8000/webhooks/stripe
        > Ready! Your webhook signing secret is <<wh>> (^C to quit)
        2026-05-04 18:25:11   --> payment_intent.succeeded [evt_<<e1>>]
        2026-05-04 18:25:11  <--  [200] POST http://localhost:8000/webhooks/stripe [evt_<<e1>>]
        # paid in the test dashboard with <<tc>>, any CVC
        """
    return _fill("session.txt", t, locals())


def _vp_e2e(f: _Fake) -> _Raw:
    tc, qa, ph = _K(f.pick(("4242" * 4, "5555" * 3 + "4444"))), _K("qa+rx@example.com"), _K("password_here")
    t = """\
        test("rx order checkout", async ({ page }) => {
          await page.goto("/checkout");
          await page.fill("#email", "<<qa>>");
          await page.fill("#account-password", "<<ph>>");
          await page.fill("#card-number", "<<tc>>");
          await page.fill("#card-expiry", "12/34");
          await page.click("text=Place order");
          await expect(page.locator(".order-confirmation")).toBeVisible();
        });
        """
    return _fill("e2e/checkout.spec.ts", t, locals())


def _vp_decline(f: _Fake) -> _Raw:
    pan, ip, tc = _S("card-number", f.card()), _S("ip-address", f.private_ip()), _K("4000" + "0" * 11 + "2")
    amt, exp = f.num(1200, 24000), f"{f.num(1, 12):0>2}/{f.num(27, 31)}"
    t = """\
        18:22:11 ERROR gateway declined via <<ip>>: {'amount': <<amt>>, 'card_number': '<<pan>>', 'exp': '<<exp>>'}
        18:22:12 INFO  gateway order moved to manual review
        18:22:40 INFO  gateway sandbox replay with decline card <<tc>>: declined (expected)
        """
    return _fill("logs/payments.log", t, locals())


def _mk_ics(f: _Fake) -> _Raw:
    (name, em), dom = f.person(), f.dom("makerspaces")
    nr, uid, day = _K(f"noreply@{dom}"), f.uuid4(), f.num(10, 28)
    t = """\
        BEGIN:VCALENDAR
        PRODID:-//Forgeworks//LaserBook 1.4//EN
        BEGIN:VEVENT
        UID:<<uid>>@<<dom>>
        DTSTART:202605<<day>>T180000Z
        DTEND:202605<<day>>T200000Z
        SUMMARY:Laser cutter (Trotec Speedy 360) - induction
        ORGANIZER;CN=<<name>>:mailto:<<em>>
        ATTENDEE;CN=LaserBook;ROLE=NON-PARTICIPANT:mailto:<<nr>>
        END:VEVENT
        END:VCALENDAR
        """
    return _fill("bookings/laser.ics", t, locals())


def _mk_esphome(f: _Fake) -> _Raw:
    key, ota = _S("encryption-key", _b64(f.raw(32))), _S("password", f.hexs(32))
    ref, ref2 = _K("!secret wifi_password"), _K("!secret fallback_ap_password")
    t = """\
        esphome:
          name: door-front
        wifi:
          ssid: "Members"
          password: <<ref>>
          ap:
            password: <<ref2>>
        api:
          encryption:
            key: "<<key>>"
        ota:
          - platform: esphome
            password: "<<ota>>"
        """
    return _fill("esphome/door-front.yaml", t, locals())


def _mk_nmcli(f: _Fake) -> _Raw:
    psk = _S("wifi-psk", f"{f.pick(_WORDS)} {f.pick(_WORDS)} {f.num(10, 99)}")
    ip = _S("ip-address", f.private_ip())
    dns = _K("1.1.1.1")
    t = """\
        $ nmcli -s -g 802-11-wireless-security.psk connection show Forgeworks-Members
        <<psk>>
        $ nmcli -g IP4.ADDRESS,IP4.DNS device show wlan0
        <<ip>>/24
        <<dns>>
        """
    return _fill("session.txt", t, locals())


def _mk_wg(f: _Fake) -> _Raw:
    priv, pub, net = _S("wireguard-private-key", f.wg_key()), _K(_b64(f.raw(32))), _K("10.66.0.0/16")
    dom, x = f.dom("makerspaces"), f.num(1, 200)
    t = """\
        [Interface]
        PrivateKey = <<priv>>
        Address = 10.66.<<x>>.2/24
        ListenPort = 51820

        [Peer]
        # door controller VLAN gateway
        PublicKey = <<pub>>
        AllowedIPs = <<net>>
        Endpoint = vpn.<<dom>>:51820
        """
    return _fill("etc/wireguard/wg0.conf", t, locals())


def _mk_traceback(f: _Fake) -> _Raw:
    user, key = f.login(), _S("api-key", f.mixed(32))
    memb = f.pick(("members.forgeworks.space", "crm.hackhall.org", "join.tinkerden.net"))
    t = """\
        Traceback (most recent call last):
          File "/home/<<user>>/doorctl/sync_members.py", line 88, in <module>
            resp.raise_for_status()
          File "/home/<<user>>/doorctl/.venv/lib/python3.12/site-packages/requests/models.py", line 1024
            raise HTTPError(http_error_msg, response=self)
        requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url:
        https://<<memb>>/v1/members?status=active&api_key=<<key>>
        """
    return _fill("logs/sync_members.log", t, locals())


def _mk_ssh(f: _Fake) -> _Raw:
    priv, pub = f.openssh("doorctl-deploy")
    key, pubk = _S("openssh-private-key", priv), _K(pub)
    t = """\
        $ cat ~/.ssh/doorctl_deploy
        <<key>>
        $ cat ~/.ssh/doorctl_deploy.pub
        <<pubk>>
        """
    return _fill("session.txt", t, locals())


def _pc_env(f: _Fake) -> _Raw:
    dom, dg, oa = f.dom("podcast-transcription"), _S("api-key", f.hexs(40)), _S("openai-key", f.tok("openai"))
    ref = _K("${ASSEMBLYAI_API_KEY}")
    t = """\
        # transcriber/.env
        DEEPGRAM_API_KEY=<<dg>>
        ASSEMBLYAI_API_KEY=<<ref>>
        OPENAI_API_KEY=<<oa>>
        TRANSCRIPTS_BUCKET=s3://<<dom>>-transcripts
        """
    return _fill("transcriber/.env", t, locals())


def _pc_example(f: _Fake) -> _Raw:
    yk, cm, sk, hf = _K("<your-api-key>"), _K("changeme"), _K("sk-..."), _K("hf_" + "x" * 34)
    t = """\
        # copy to .env and fill in; never commit the real one
        DEEPGRAM_API_KEY=<<yk>>
        ASSEMBLYAI_API_KEY=<<cm>>
        OPENAI_API_KEY=<<sk>>
        HF_TOKEN=<<hf>>
        """
    return _fill("transcriber/.env.example", t, locals())


def _pc_guest(f: _Fake) -> _Raw:
    (name, em), intro = f.person(), _K(" ".join(f.name()))
    ep, ph = f.num(100, 240), f.num(100, 999)
    t = """\
        ## Ep. <<ep>> - guest sheet

        **Name:** <<name>>
        **Email:** <<em>>
        **Phone:** +44 20 7946 0<<ph>>
        **Topic:** archiving local radio before the tapes rot

        Recorded remotely. The intro came through <<intro>>, who was on episode 88 and offered to
        send a few more names for the archive series.
        """
    return _fill("guests/guest-sheet.md", t, locals())


def _pc_rev(f: _Fake) -> _Raw:
    dom, ep, job = f.dom("podcast-transcription"), f.num(100, 240), f.alnum(12)
    scheme = _K("Authorization: Bearer")
    tok, hf = _S("bearer-token", "02" + f.chars(_B64URL, 70)), _S("huggingface-token", f.tok("hf"))
    t = """\
        $ curl -s -X POST "https://api.rev.ai/speechtotext/v1/jobs" \\
            -H "<<scheme>> <<tok>>" \\
            -H "Content-Type: application/json" \\
            -d '{"source_config": {"url": "https://cdn.<<dom>>/ep<<ep>>.mp3"}, "metadata": "ep<<ep>>"}'
        {"id":"<<job>>","created_on":"2026-05-06T10:02:11.22Z","name":"ep<<ep>>.mp3","status":"in_progress"}
        $ HF_TOKEN=<<hf>> python diarize.py ep<<ep>>.wav --num-speakers 2
        Loading pyannote/speaker-diarization-3.1 ...
        """
    return _fill("session.txt", t, locals())


def _pc_rss(f: _Fake) -> _Raw:
    name, em = f.person()
    dom = f.dom("podcast-transcription")
    t = """\
        <channel>
          <title>Deep Cut</title>
          <link>https://<<dom>>/</link>
          <itunes:author>Deep Cut Audio</itunes:author>
          <itunes:owner>
            <itunes:name><<name>></itunes:name>
            <itunes:email><<em>></itunes:email>
          </itunes:owner>
          <itunes:category text="Society &amp; Culture"/>
        </channel>
        """
    return _fill("public/feed.xml", t, locals())


def _pc_site(f: _Fake) -> _Raw:
    phc, phx = _K(f.tok("posthog-c")), _S("posthog-personal-key", f.tok("posthog-x"))
    pk = _K(_mapbox(f, "pk", "deepcut"))
    t = """\
        # site/.env.production
        NEXT_PUBLIC_POSTHOG_KEY=<<phc>>
        NEXT_PUBLIC_POSTHOG_HOST=https://eu.i.posthog.com
        NEXT_PUBLIC_MAPBOX_TOKEN=<<pk>>
        POSTHOG_PERSONAL_API_KEY=<<phx>>
        """
    return _fill("site/.env.production", t, locals())


def _gd_gedcom(f: _Fake) -> _Raw:
    (f1, l1), (f2, l2) = f.name(), f.name()
    n1, n2, ver = _S("person-name", f"{f1} /{l1}/"), _S("person-name", f"{f2} /{l2}/"), _K(f.version4())
    y1, y2 = f.num(1880, 1935), f.num(1880, 1935)
    t = """\
        0 HEAD
        1 SOUR RootWeave
        2 VERS <<ver>>
        0 @I1@ INDI
        1 NAME <<n1>>
        1 BIRT
        2 DATE 14 MAR <<y1>>
        2 PLAC Bergen, Hordaland, Norway
        0 @I2@ INDI
        1 NAME <<n2>>
        1 BIRT
        2 DATE <<y2>>
        """
    return _fill("trees/halvorsen.ged", t, locals())


def _gd_notes(f: _Fake) -> _Raw:
    (f1, l1), (f2, l2) = f.name(), f.name()
    p1, p2, kit = _K(f"{f1} {l1}"), _K(f"{f2} {l2}"), f.pick("ATM") + f.digits(6)
    t = """\
        # Halvorsen line - notes

        - Shared 212 cM with kit <<kit>>; the trees point to a 2C1R through <<p1>> (b. 1902).
        - <<p2>> confirmed the Bergen baptism record; still waiting on the 1910 census page.
        - TODO: ask the admin whether a Y-DNA test was ever done on this branch.
        """
    return _fill("notes/halvorsen.md", t, locals())


def _gd_matches(f: _Fake) -> _Raw:
    (name, em), ver = f.person(), _K(f.version4())
    k1, k2, cm = f.pick("ATM") + f.digits(6), f.pick("ATM") + f.digits(6), f"{f.num(60, 1900)}.{f.num(0, 9)}"
    t = """\
        # exported by kinsync <<ver>>
        Kit,Name,Email,Total cM,Largest Seg,Gen
        <<k1>>,<<name>>,<<em>>,<<cm>>,31.0,3.8
        <<k2>>,(private),,88.6,19.2,4.6
        """
    return _fill("matches/one-to-many.csv", t, locals())


def _gd_toml(f: _Fake) -> _Raw:
    em, pw, ex = _S("email", f.email(*f.name())), _S("password", f.pw()), _K("you@example.com")
    cm = _K("changeme")
    t = """\
        # kinsync/config.toml
        [sites.matchsite]
        login = "<<em>>"
        password = "<<pw>>"

        [sites.sample]  # as shipped in the README
        login = "<<ex>>"
        password = "<<cm>>"
        """
    return _fill("kinsync/config.toml", t, locals())


def _gd_django(f: _Fake) -> _Raw:
    dj, ip = _S("app-secret", f.chars(_DJANGO, 50)), _S("ip-address", f.private_ip())
    env = _K('os.environ["DB_PASS"]')
    lo = _K("127.0.0.1")
    t = """\
        SECRET_KEY = "<<dj>>"
        DEBUG = False
        ALLOWED_HOSTS = ["kinlinker.com", "<<lo>>"]
        DATABASES = {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "HOST": "<<ip>>",
                "PASSWORD": <<env>>,
            }
        }
        """
    return _fill("kinlinker/settings/prod.py", t, locals())


def _gd_remote(f: _Fake) -> _Raw:
    ghp, ant = _S("github-token", f.tok("github")), _S("anthropic-key", f.tok("anthropic"))
    xat = _K("x-access-token")
    t = """\
        $ git remote -v
        origin\thttps://<<xat>>:<<ghp>>@github.com/rootweave/kinsync.git (fetch)
        origin\thttps://<<xat>>:<<ghp>>@github.com/rootweave/kinsync.git (push)
        $ grep ANTHROPIC .env
        ANTHROPIC_API_KEY=<<ant>>
        """
    return _fill("session.txt", t, locals())


def _cb_botpress(f: _Fake) -> _Raw:
    bp, npm, ws = _S("botpress-token", f.tok("botpress")), _S("npm-token", f.tok("npm")), f.alnum(20)
    ref, sha = _K("${NPM_TOKEN}"), _K(f.hexs(40))
    t = """\
        $ npx @botpress/cli login --token <<bp>> --workspace-id wkspace_<<ws>>
        $ cat ~/.npmrc
        //registry.npmjs.org/:_authToken=<<npm>>
        # CI writes //registry.npmjs.org/:_authToken=<<ref>> instead
        $ npm publish --access public
        npm notice name:          @convohive/webchat
        npm notice shasum:        <<sha>>
        + @convohive/webchat@2.3.1
        """
    return _fill("session.txt", t, locals())


def _cb_voiceflow(f: _Fake) -> _Raw:
    vf, hdr = _S("voiceflow-key", f.tok("voiceflow")), _K("Authorization: VF_API_KEY")
    t = """\
        const VF_API_KEY = "<<vf>>";
        const VF_VERSION_ID = "production";

        export async function interact(userID, request) {
          const url = `https://general-runtime.voiceflow.com/state/user/${userID}/interact`;
          const headers = { <<hdr>>, versionID: VF_VERSION_ID, "Content-Type": "application/json" };
          const res = await fetch(url, { method: "POST", headers, body: JSON.stringify({ action: request }) });
          return res.json();
        }
        """
    return _fill("src/voiceflow.js", t, locals())


def _cb_rasa(f: _Fake) -> _Raw:
    dom, tg = f.dom("chatbot-builders"), _S("telegram-bot-token", f.tok("telegram"))
    xoxb, ref = _S("slack-token", f.tok("slack")), _K("${SLACK_APP_TOKEN}")
    t = """\
        telegram:
          access_token: "<<tg>>"
          verify: "helpdesk_bot"
          webhook_url: "https://bots.<<dom>>/webhooks/telegram/webhook"
        slack:
          slack_token: "<<xoxb>>"
          slack_app_token: "<<ref>>"
          slack_channel: "#support-bot"
        """
    return _fill("credentials.yml", t, locals())


def _cb_convo(f: _Fake) -> _Raw:
    (name, em), cid = f.person(), f.uuid4()
    ver = _K(f.version4())
    ask, reply, ts = "hi, I need to change my delivery address", "Sure - which order?", "2026-05-06T11:40:58Z"
    t = """\
        $ tail -n 2 logs/conversations-2026-05-06.jsonl
        {"ts":"<<ts>>","cid":"<<cid>>","turn":1,"user":{"user_name":"<<name>>","email":"<<em>>"},"text":"<<ask>>"}
        {"ts":"<<ts>>","cid":"<<cid>>","turn":2,"role":"bot","text":"<<reply>>","sdk_version":"<<ver>>"}
        """
    return _fill("session.txt", t, locals())


def _cb_gcp(f: _Fake) -> _Raw:
    proj, cid = f"helpdesk-cx-{f.num(100000, 999999)}", f.digits(21)
    kid, pem = _S("gcp-key-id", f.hexs(40)), _S("private-key", f.rsa_pem().replace("\n", "\\n") + "\\n")
    t = """\
        $ cat dialogflow-sa.json
        {
          "type": "service_account",
          "project_id": "<<proj>>",
          "private_key_id": "<<kid>>",
          "private_key": "<<pem>>",
          "client_email": "dialogflow-cx@<<proj>>.iam.gserviceaccount.com",
          "client_id": "<<cid>>",
          "token_uri": "https://oauth2.googleapis.com/token"
        }
        """
    return _fill("session.txt", t, locals())


def _cb_webhook(f: _Fake) -> _Raw:
    dom = f.dom("chatbot-builders")
    ip, tok, lo = _S("ip-address", f.private_ip()), _S("jwt", f.jwt(f"https://auth.{dom}")), _K("127.0.0.1")
    t = """\
        2026-05-06T11:42:03.118Z info  POST /webhooks/botpress 200 12ms ip=<<ip>> authorization="Bearer <<tok>>"
        2026-05-06T11:42:05.004Z info  GET /healthz 200 1ms ip=<<lo>>
        """
    return _fill("logs/webhook.log", t, locals())


def _ev_ocpp(f: _Fake) -> _Raw:
    cp, fw, ak = f.digits(4), _K(f.version4()), _S("ocpp-auth-key", f.mixed(24))
    m1, m2, m3, tag = f.uuid4(), f.uuid4(), f.uuid4(), f.chars(_UHEX, 14)
    t = """\
        06:41:12 [CP<<cp>>] -> [2,"<<m1>>","BootNotification",{"chargePointVendor":"VX","firmwareVersion":"<<fw>>"}]
        06:41:12 [CP<<cp>>] <- [3,"<<m1>>",{"status":"Accepted","currentTime":"2026-05-03T06:41:12Z","interval":300}]
        06:41:13 [CP<<cp>>] <- [2,"<<m2>>","ChangeConfiguration",{"key":"AuthorizationKey","value":"<<ak>>"}]
        06:41:13 [CP<<cp>>] -> [3,"<<m2>>",{"status":"Accepted"}]
        06:41:15 [CP<<cp>>] -> [2,"<<m3>>","Authorize",{"idTag":"<<tag>>"}]
        """
    return _fill("logs/ocpp-CP.log", t, locals())


def _ev_provision(f: _Fake) -> _Raw:
    dom, cp = f.dom("ev-fleet-charging"), f.digits(4)
    site = f.pick(("Depot North", "Harbour Yard", "Eastgate"))
    pw, cm = _S("url-password", f.pw(url=True)), _K("changeme")
    t = """\
        # csms/chargepoints.yaml - provisioning sheet for the new depot
        - id: CP-<<cp>>
          site: <<site>>
          security_profile: 2
          url: wss://CP-<<cp>>:<<pw>>@csms.<<dom>>/ocpp/CP-<<cp>>
        - id: CP-DEMO
          site: showroom
          url: wss://CP-DEMO:<<cm>>@csms.example.com/ocpp/CP-DEMO
        """
    return _fill("csms/chargepoints.yaml", t, locals())


def _ev_rfid(f: _Fake) -> _Raw:
    (name, em), jd = f.person(), _K("Jane Doe")
    jde, uid, van = _K("jane.doe@example.com"), f.chars(_UHEX, 8), f.num(10, 99)
    t = """\
        card_uid,driver_name,driver_email,depot,vehicle,status
        <<uid>>,<<name>>,<<em>>,North,EV-VAN-<<van>>,active
        04000000,<<jd>>,<<jde>>,North,TEST,test-card
        """
    return _fill("exports/rfid_cards.csv", t, locals())


def _ev_net(f: _Fake) -> _Raw:
    dom, ip, pw = f.dom("ev-fleet-charging"), _S("ip-address", f.private_ip()), _S("password", f.pw())
    mask, dns = _K("255.255.255.0"), _K("1.1.1.1")
    t = """\
        [network]
        mode=static
        ip_address=<<ip>>
        netmask=<<mask>>
        dns1=<<dns>>

        [backend]
        ocpp_url=wss://csms.<<dom>>/ocpp
        basic_auth_password=<<pw>>
        """
    return _fill("charger/settings.ini", t, locals())


def _ev_helm(f: _Fake) -> _Raw:
    pw, rpw = _S("password", f.pw()), _S("url-password", f.pw(url=True))
    pk, sk = _K(_mapbox(f, "pk", "voltaro")), _S("mapbox-secret-token", _mapbox(f, "sk", "voltaro"))
    t = """\
        postgresql:
          auth:
            username: csms
            password: <<pw>>
        redis:
          url: redis://:<<rpw>>@redis-master.csms.svc:6379/0
        mapbox:
          publicToken: <<pk>>
          secretToken: <<sk>>
        """
    return _fill("deploy/values.yaml", t, locals())


def _ev_ssh(f: _Fake) -> _Raw:
    dom, pw, cm, ip = f.dom("ev-fleet-charging"), _S("password", f.pw()), _K("changeme"), f.private_ip()
    inet, brd, jump = _S("ip-address", ip), _K(ip.rsplit(".", 1)[0] + ".255"), _K(f"ops@bastion.{dom}")
    t = """\
        $ ssh -J <<jump>> root@gw-depot-north.<<dom>>
        root@gw-depot-north:~# cat /etc/ocpp-gw/secrets.env
        CSMS_PASSWORD=<<pw>>
        MODBUS_PASSWORD=<<cm>>
        root@gw-depot-north:~# ip -4 addr show eth0 | grep inet
            inet <<inet>>/24 brd <<brd>> scope global eth0
        """
    return _fill("session.txt", t, locals())


def _ce_env(f: _Fake) -> _Raw:
    dom, n, key, yk = f.dom("court-e-filing"), f.digits(4), _S("api-key", f.mixed(32)), _K("<your-api-key>")
    t = """\
        EFILE_ENV=production
        EFILE_BASE_URL=https://api.<<dom>>/efm/v5
        EFILE_CLIENT_ID=firm-<<n>>
        EFILE_API_KEY=<<key>>
        # staging: EFILE_API_KEY=<<yk>>
        """
    return _fill(".env", t, locals())


def _ce_parties(f: _Fake) -> _Raw:
    fi, la = f.name()
    fn, ln, jd, jde = _S("person-name", fi), _S("person-name", la), _K("Jane Doe"), _K("jane.doe@example.com")
    n, bar = f.digits(6), f.digits(6)
    street = f"{f.num(10, 9999)} {f.pick(('Alder', 'Birch', 'Cedar'))} Street"
    t = """\
        {
          "case_number": "2026-CV-<<n>>",
          "parties": [
            {"role": "Petitioner", "first_name": "<<fn>>", "last_name": "<<ln>>", "address": {"line1": "<<street>>"}}
          ],
          "attorney": {"name": "<<jd>>", "bar_number": "<<bar>>", "email": "<<jde>>"}
        }
        """
    return _fill("fixtures/case.json", t, locals())


def _ce_soap(f: _Fake) -> _Raw:
    pw, n, n2, nonce, stars = _S("password", f.pw()), f.digits(6), f.digits(4), _b64(f.raw(16)), _K("****")
    ns = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0"
    t = """\
        <!-- the vendor guide shows <wsse:Password><<stars>></wsse:Password>; ours below -->
        <wsse:Security soapenv:mustUnderstand="1">
          <wsse:UsernameToken wsu:Id="UsernameToken-<<n>>">
            <wsse:Username>filer-<<n2>></wsse:Username>
            <wsse:Password Type="<<ns>>#PasswordText"><<pw>></wsse:Password>
            <wsse:Nonce EncodingType="#Base64Binary"><<nonce>></wsse:Nonce>
          </wsse:UsernameToken>
        </wsse:Security>
        """
    return _fill("soap/ReviewFiling-request.xml", t, locals())


def _ce_esign(f: _Fake) -> _Raw:
    name, em = f.person()
    ip = _K(f"203.0.113.{f.num(10, 250)}")
    env = f.uuid4()
    t = """\
        Envelope <<env>> - Certificate of Completion (training sandbox)
        Status: Completed
        Signer: <<name>> <<<em>>>
          Signed: 2026-05-08 14:02:11 UTC   Using IP address: <<ip>>
        """
    return _fill("audit/certificate.txt", t, locals())


def _ce_fee(f: _Fake) -> _Raw:
    name, ssn, ver = f.full(), _S("ssn", f.ssn(dashes=False)), _K(f.version4())
    t = """\
        {
          "form": "FW-001",
          "generator": "formfill <<ver>>",
          "applicant": {
            "full_name": "<<name>>",
            "tax_id": "<<ssn>>",
            "tax_id_type": "ssn",
            "household_size": 3
          }
        }
        """
    return _fill("fixtures/fee_waiver.json", t, locals())


def _ce_git(f: _Fake) -> _Raw:
    user, sk = f.login(), _K(f.hexs(16).upper())
    gl, dom = _S("gitlab-token", f.tok("gitlab")), f.dom("court-e-filing")
    t = """\
        $ pwd
        /Users/<<user>>/src/efile-bridge
        $ git config --global --get user.signingkey
        <<sk>>
        $ glab auth login --hostname gitlab.<<dom>> --token <<gl>>
        """
    return _fill("session.txt", t, locals())


_TEMPLATES: dict[str, tuple[Callable[[_Fake], _Raw], ...]] = {
    "event-venues": (_vn_env, _vn_gitlog, _vn_catering, _vn_av, _vn_sync, _vn_cookie),
    "fertility-clinics": (_fc_env, _fc_lab, _fc_intake, _fc_nginx, _fc_k8s, _fc_sftp),
    "maritime-ports": (_mp_pcs, _mp_as2, _mp_aws, _mp_reefer, _mp_crew, _mp_key),
    "ski-resorts": (_sk_gate, _sk_rfid, _sk_shop, _sk_kiosk, _sk_firebase, _sk_dump),
    "credit-unions": (_cu_ach, _cu_members, _cu_teller, _cu_wire, _cu_plaid, _cu_olb),
    "veterinary-pharmacy": (_vp_order, _vp_prescriber, _vp_payments, _vp_listen, _vp_e2e, _vp_decline),
    "makerspaces": (_mk_ics, _mk_esphome, _mk_nmcli, _mk_wg, _mk_traceback, _mk_ssh),
    "podcast-transcription": (_pc_env, _pc_example, _pc_guest, _pc_rev, _pc_rss, _pc_site),
    "genealogy-dna-matching": (_gd_gedcom, _gd_notes, _gd_matches, _gd_toml, _gd_django, _gd_remote),
    "chatbot-builders": (_cb_botpress, _cb_voiceflow, _cb_rasa, _cb_convo, _cb_gcp, _cb_webhook),
    "ev-fleet-charging": (_ev_ocpp, _ev_provision, _ev_rfid, _ev_net, _ev_helm, _ev_ssh),
    "court-e-filing": (_ce_env, _ce_parties, _ce_soap, _ce_esign, _ce_fee, _ce_git),
}

# ---------------------------------------------------------------------------------------------------------
# Deliveries, the corpus, its digest and its measure

_LANG = {
    "py": "python",
    "yaml": "yaml",
    "yml": "yaml",
    "json": "json",
    "csv": "csv",
    "ini": "ini",
    "toml": "toml",
}
_LANG |= {
    "xml": "xml",
    "sql": "sql",
    "ts": "typescript",
    "js": "javascript",
    "md": "markdown",
    "txt": "console",
}


def _deliver(raw: _Raw, delivery: str, f: _Fake) -> tuple[str, list[tuple[str, str, int]]]:
    """The text as delivered, and its labels with their offsets (and, in JSON, their escaped text) moved."""
    text = raw.text
    if delivery == "plain":
        return text + "\n", list(raw.labels)
    if delivery == "json":
        head = '{"type":"tool_result","tool_use_id":"toolu_01' + f.alnum(22) + '","content":"'
        out = head + json.dumps(text)[1:-1] + '","is_error":false}\n'
        return out, [
            (c, json.dumps(t)[1:-1], len(head) + len(json.dumps(text[:o])) - 2) for c, t, o in raw.labels
        ]
    lines = text.split("\n")
    header, footer = "", "\n"
    if delivery == "diff":
        p = raw.path
        header = f"diff --git a/{p} b/{p}\nnew file mode 100644\nindex 0000000..{f.hexs(7)}\n--- /dev/null\n"
        header += f"+++ b/{p}\n@@ -0,0 +1,{len(lines)} @@\n"
        prefixes = ["+"] * len(lines)
    elif delivery == "numbered":
        first = f.pick((1, 1, 12, 37))
        arrow = f.r.random() < 0.5
        prefixes = [f"{first + i:>6}\u2192" if arrow else f"{first + i}\t" for i in range(len(lines))]
    elif delivery == "cilog":
        clock, prefixes = f.r.randint(6 * 3600, 20 * 3600) * 10_000_000, []
        for _ in lines:
            clock += f.r.randint(1000, 900_000)
            sec, frac = divmod(clock, 10_000_000)
            prefixes.append(
                f"2026-05-11T{sec // 3600 % 24:02d}:{sec // 60 % 60:02d}:{sec % 60:02d}.{frac:07d}Z "
            )
    else:
        header, footer = f"```{_LANG.get(raw.path.rsplit('.', 1)[-1], 'text')}\n", "\n```\n"
        prefixes = [""] * len(lines)
    starts, new_starts = [0], [len(header)]
    for line, prefix in zip(lines, prefixes, strict=True):
        starts.append(starts[-1] + len(line) + 1)
        new_starts.append(new_starts[-1] + len(prefix) + len(line) + 1)
    out = header + "\n".join(p + line for p, line in zip(prefixes, lines, strict=True)) + footer
    labels = []
    for cls, lab, off in raw.labels:
        i = bisect.bisect_right(starts, off) - 1
        at = new_starts[i] + len(prefixes[i]) + off - starts[i]
        if out[at : at + len(lab)] != lab:
            raise ValueError(f"a label spans lines in a {delivery} delivery of {raw.path}")
        labels.append((cls, lab, at))
    return out, labels


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """26 documents a setting, its templates in turn; a label across lines only as is, in JSON or fenced."""
    f = _Fake(random.Random(seed))
    docs: list[Document] = []
    for si, setting in enumerate(SETTINGS):
        templates = _TEMPLATES[setting]
        for i in range(_PER_SETTING):
            raw = templates[i % len(templates)](f)
            delivery = DELIVERIES[(si + i) % len(DELIVERIES)]
            if any("\n" in lab for _, lab, _ in raw.labels):
                delivery = ("plain", "json", "fence")[(si + i) % 3]
            text, labels = _deliver(raw, delivery, f)
            secrets = tuple(Secret(c, t, o) for c, t, o in labels if c)
            keeps = tuple(Keep(t, o) for c, t, o in labels if not c)
            docs.append(Document(f"{setting}/{i:02d}-{raw.path}", setting, delivery, text, secrets, keeps))
    return docs


def corpus_digest(docs: Sequence[Document]) -> str:
    """sha256 over a canonical JSON of the documents, their labels and offsets."""
    payload = [attrs.asdict(d) for d in docs]
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


def _masked(doc: Document) -> str:
    chars = list(doc.text)
    for s in doc.secrets:
        chars[s.offset : s.offset + len(s.text)] = "x" * len(s.text)
    return "".join(chars)


def measure_documents(docs: Sequence[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregates only: how many secrets went (whole, and with no fragment left), how many keeps stayed.

    A secret is removed when its text is no longer in the output; with no fragment when, besides, no 6-character
    window of it is in the output that is not also in the output of scrubbing the text with every secret replaced
    by as many "x"s. A keep is kept when the output holds at least as many occurrences of it as the input.
    """
    n_secrets = removed = clean = n_vendor = vendor_removed = n_keeps = kept = 0
    for doc in docs:
        out = scrub(doc.text)
        base: str | None = None
        for s in doc.secrets:
            n_secrets += 1
            vendor = s.cls in VENDOR_CLASSES
            n_vendor += vendor
            if s.text in out:
                continue
            removed += 1
            vendor_removed += vendor
            if base is None:
                base = scrub(_masked(doc))
            windows = {s.text[i : i + 6] for i in range(len(s.text) - 5)}
            clean += not any(w in out and w not in base for w in windows)
        for k in doc.keeps:
            n_keeps += 1
            kept += out.count(k.text) >= doc.text.count(k.text)
    return {
        "secrets": float(n_secrets),
        "recall": removed / n_secrets if n_secrets else 1.0,
        "recall_no_fragment": clean / n_secrets if n_secrets else 1.0,
        "vendor_prefix_recall": vendor_removed / n_vendor if n_vendor else 1.0,
        "keep_rate": kept / n_keeps if n_keeps else 1.0,
        "spans": float(n_keeps),
    }


def measure_held_back() -> dict[str, float]:
    """The part's figure for the real scrubber, imported here only (never at import time)."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
