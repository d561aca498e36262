"""The thirty-fifth held-back scrub corpus: twelve settings the scrubber was never tuned on.

A blind part. It measures the scrubber (``client_actors.scrub``) on text written without reading its rules or
tests: every label follows the scrubber's published policy alone (its package docstring). What the policy says goes
is a `Secret`; what it says stays (placeholders, publishable keys, vendor-shaped fillers, documented example keys,
commits and digests, releases' dotted quads, loopback, broadcast, netmasks and public resolvers, reserved example
addresses, stand-ins' names, names in prose, test cards, card-shaped identifiers) is a `Keep`; what it leaves open
is not labelled.

The twelve settings (`SETTINGS`): brewery-winery (production logs, distributor portals, tank telemetry, TTB
reports), dental-ortho-labs (lab prescriptions with patient names, scanner cloud tokens), coworking-spaces (member
directories, door access, Wi-Fi credentials, billing exports), amateur-sports-clubs (member registrations with
guardians, payment links, league APIs), print-mail-apis (letter APIs with addresses), translation-agencies
(translator rosters, TMS API keys, client files), pawn-shops-resale (item intake logs with ID numbers, POS configs),
funeral-homes (case records with next of kin, obituary CMS, vendor portals), tutoring-platforms (tutor and student
accounts, session links, payout configs), data-brokers-enrichment (enrichment API keys and person lookup results),
iot-fleet-cameras (dashcam fleet APIs, device certificates, RTSP credentials) and legal-aid-intake (intake forms
with client details, case management API keys). Each reads like what a coding agent prints or reads there: config
files, CLI sessions, logs, exports, code, API responses.

Nothing secret-shaped is written in this file. Every fake is drawn at build time from one seeded
``random.Random`` by code that follows its format's public description, and is valid for its format where the
format has a check: GitHub's and npm's tokens carry their CRC32, card numbers pass Luhn, IBANs their registry
length and mod 97 (Belgium's national check too), social security numbers keep to the issued ranges, JWTs decode
to JSON, PEM bodies are DER whose lengths hold, OpenSSH keys carry their magic and check ints, WireGuard private
keys are clamped, Cisco type 7 strings decode, bcrypt strings keep their alphabet and spare bits.
Names and addresses are combined from small made-up vocabularies.

Each document is delivered one way (`DELIVERIES`): as is; escaped inside a JSON transcript line (``json.dumps`` of
the text in a ``{"type":"tool_result",...,"content":"..."}`` line); as a unified diff's added lines; with line
numbers (``    12→`` or ``12<TAB>``); behind CI log timestamps; inside a Markdown fence. Labels' offsets and texts are
for the text as delivered (in the JSON delivery a label's text is its escaped form).

`measure_documents` reports aggregates only (recall, recall with no fragment left, recall over vendor tokens,
keep-rate and counts), never a value; `measure_held_back` runs the real scrubber and is imported lazily.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import random
import re
import string
import struct
import textwrap
import zlib
from collections.abc import Callable, Sequence
from typing import NamedTuple

import attrs

DEFAULT_SEED: int = 20261235
DELIVERIES = ("plain", "json", "diff", "numbered", "cilog", "fence")
SETTINGS: tuple[str, ...] = (
    "brewery-winery",
    "dental-ortho-labs",
    "coworking-spaces",
    "amateur-sports-clubs",
    "print-mail-apis",
    "translation-agencies",
    "pawn-shops-resale",
    "funeral-homes",
    "tutoring-platforms",
    "data-brokers-enrichment",
    "iot-fleet-cameras",
    "legal-aid-intake",
)

_VENDOR_NAMES = (
    "aws-access-key", "github-token", "gitlab-token", "slack-token", "slack-webhook", "stripe-secret-key",
    "stripe-webhook-secret", "sendgrid-key", "openai-key", "anthropic-key", "npm-token", "google-api-key",
    "shopify-token", "digitalocean-token", "huggingface-token", "square-token", "pypi-token", "telegram-bot-token",
    "mapbox-secret-token", "posthog-personal-key",
)  # fmt: skip
_OTHER_NAMES = (
    "person-name", "email", "ssn", "iban", "card-number", "private-ip", "public-ip", "home-username", "password",
    "url-password", "cli-password", "cisco-type7", "wifi-psk", "private-key", "openssh-private-key",
    "wireguard-private-key", "password-hash", "gcp-key-id", "jwt", "bearer-token", "basic-auth", "session-cookie",
    "api-key", "client-secret", "signing-secret", "aws-secret-key", "azure-storage-key", "twilio-auth-token",
    "recovery-code",
)  # fmt: skip
VENDOR_CLASSES: frozenset[str] = frozenset(_VENDOR_NAMES)  # vendors' tokens with a published prefix or layout
CLASSES: frozenset[str] = VENDOR_CLASSES | frozenset(_OTHER_NAMES)


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


# --- alphabets and vocabularies ---------------------------------------------------------------------------

_DIG = string.digits
_HEX = string.hexdigits[:16]
_UP = string.ascii_uppercase
_LO = string.ascii_lowercase
_ALNUM = _UP + _LO + _DIG
_B62 = _DIG + _UP + _LO  # the order GitHub's and npm's checksums are written in
_B64URL = _ALNUM + "-_"
_B64 = _ALNUM + "+/"
_B32 = _UP + "234567"
_CRYPT64 = "./" + _DIG + _UP + _LO
_BCRYPT64 = "./" + _UP + _LO + _DIG
_PW_SYMBOLS = "!#%*+-.=?^_~"
_XLAT7 = "".join(
    ("dsfd;kfoA,.iyew", "rkldJKDHSUBsgv", "ca69834ncxv98", "73254k;fg87")
)  # Cisco type 7's table

_FIRST = (
    "Odalys", "Brannoc", "Tevina", "Ysolde", "Marek", "Quillon", "Soraya", "Dessaline", "Ilvana", "Corvin",
    "Nadira", "Belwyn", "Orsolya", "Teodric", "Maelis", "Jorunn", "Kestrin", "Lunet", "Ravindra", "Zofiel",
    "Anouke", "Hesper", "Dagny", "Emrys", "Fenna", "Gaspard", "Jovana", "Kaito", "Liesl", "Mireia", "Ottilie",
    "Pavlo", "Rosalind", "Sefton", "Thandiwe", "Ulrike", "Vesna", "Wendeline", "Ximena", "Yorick",
)  # fmt: skip
_LAST = (
    "Brennick", "Halvorsen", "Quentara", "Mardell", "Vosberg", "Oyelaran", "Tredwin", "Kasprowicz", "Lindqvar",
    "Ferrante", "Ozdamar", "Achterberg", "Pellucci", "Varnholt", "Szabadi", "Okonkwe", "Marchetti", "Nakashima",
    "Thorvald", "Ekwueme", "Castellon", "Birkeland", "Dunmore", "Yilmazer", "Kowalsky", "Abernathy", "Lemaire",
    "Sandoval", "Oduya", "Petrakis", "Zellweger", "Haverkamp", "Ruiz-Albero", "Quaintance", "Moravec",
)  # fmt: skip
_WORDS = (
    "amber", "lantern", "kestrel", "saffron", "copper", "thistle", "harbor", "meadow", "juniper", "falcon",
    "ember", "willow", "granite", "cobalt", "maple", "quartz", "orchid", "pebble", "tundra", "velvet", "lilac",
    "mango", "cinder", "rowan", "bramble", "heron", "marigold", "fjord",
)  # fmt: skip
_MAILHOSTS = ("postvale.net", "quillmail.com", "lanternbox.org", "mailharbor.net", "inkpost.me")
_STREETS = ("Alder Row", "Kettle Lane", "Orchard Bend", "Mill Race Rd", "Quarry Hill Ave", "Tanner St")
_CITIES = (("Fallbrook", "OR"), ("Millcreek", "WA"), ("Harlow Springs", "CO"), ("Brantwood", "WI"))
_DOMAINS: dict[str, tuple[str, ...]] = {
    "brewery-winery": ("halvard-brewing.com", "oxbowcellars.com", "larkspur-ales.co"),
    "dental-ortho-labs": ("clearline-ortho.com", "brightarch-lab.com", "meridian-dentallab.com"),
    "coworking-spaces": ("hivedesk.co", "northloft-works.com", "commonroom-space.com"),
    "amateur-sports-clubs": ("riverbend-fc.org", "northgate-rowing.org", "harbourside-netball.org"),
    "print-mail-apis": ("lettergrove.com", "mailstack-print.com", "civicnotice.io"),
    "translation-agencies": ("lingualoom.com", "tessera-translations.com", "fernhill-lsp.com"),
    "pawn-shops-resale": ("goldleafpawn.com", "secondhand-hub.com", "citypawn-loans.com"),
    "funeral-homes": ("oakhavenfuneral.com", "stillwater-memorial.com", "larkinfuneralhome.com"),
    "tutoring-platforms": ("brightpath-tutors.com", "studynook.io", "mentorly-hub.com"),
    "data-brokers-enrichment": ("signalforge.io", "leadlattice.com", "prospectwell.com"),
    "iot-fleet-cameras": ("roadsight-fleet.com", "dashwise.io", "convoycam.net"),
    "legal-aid-intake": ("riverside-legalaid.org", "fairhaven-law.org", "commonground-legal.org"),
}
# IBAN registry entries used: country -> (length, BBAN layout as (kind, count) runs).
_IBAN_LAYOUT: dict[str, tuple[int, tuple[tuple[str, int], ...]]] = {
    "DE": (22, (("n", 8), ("n", 10))),
    "NL": (18, (("a", 4), ("n", 10))),
    "GB": (22, (("a", 4), ("n", 6), ("n", 8))),
    "AT": (20, (("n", 5), ("n", 11))),
    "IE": (22, (("a", 4), ("n", 6), ("n", 8))),
    "BE": (16, (("n", 3), ("n", 7), ("n", 2))),
}
_PUBLIC_FIRST_OCTETS = (23, 34, 45, 52, 62, 77, 81, 88, 91, 103, 109, 141, 146, 151, 176, 185, 188, 212, 213)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _base62(n: int) -> str:
    out = ""
    while n:
        n, d = divmod(n, 62)
        out = _B62[d] + out
    return out or "0"


def crc_token(prefix: str, body: str) -> str:
    """A token in GitHub's and npm's layout: prefix, 30 random characters, their CRC32 in six base62 digits."""
    return prefix + body + _base62(zlib.crc32(body.encode())).rjust(6, "0")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "")
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def cisco7_decode(enc: str) -> str:
    seed = int(enc[:2])
    pairs = [int(enc[i : i + 2], 16) for i in range(2, len(enc), 2)]
    return "".join(chr(b ^ ord(_XLAT7[(seed + i) % 53])) for i, b in enumerate(pairs))


def _der(tag: int, body: bytes) -> bytes:
    n = len(body)
    if n < 0x80:
        head = bytes([n])
    elif n < 0x100:
        head = bytes([0x81, n])
    else:
        head = bytes([0x82, n >> 8, n & 0xFF])
    return bytes([tag]) + head + body


def _der_int(raw: bytes) -> bytes:
    return _der(0x02, b"\x00" + raw if raw[0] & 0x80 else raw)


def _sshstr(b: bytes) -> bytes:
    return struct.pack(">I", len(b)) + b


def pem_marker(kind: str, end: bool = False) -> str:
    """A PEM armour line for a private key, as ``-----BEGIN RSA ... KEY-----`` (kind may be empty)."""
    words = ["END" if end else "BEGIN", *([kind] if kind else []), "PRIVATE", "KEY"]
    return "-----" + " ".join(words) + "-----"


class _P(NamedTuple):
    first: str
    last: str
    full: str
    local: str
    email: str
    user: str


class _Frag(NamedTuple):
    path: str
    lang: str
    text: str
    spans: tuple[tuple[str, str, int, int], ...]  # (kind "s"/"k", class, start, end)


_MARK = re.compile(r"«(?:([sk]):)?(?:([a-z0-9-]+):)?(=[^»]+|\w+(?:\.\w+)?)»")


class _Gen:
    """Draws every fake from one seeded ``random.Random``."""

    def __init__(self, rng: random.Random, setting: str) -> None:
        self.r = rng
        self.setting = setting

    def fill(self, path: str, lang: str, tpl: str) -> _Frag:
        """The template with its markers resolved: ``«s:CLASS:KEY»`` a secret, ``«k:KEY»`` a keep, ``«KEY»`` text.

        A KEY is a generator's name (``_GEN`` or a method), ``_2``... marking another draw of it; ``=TEXT`` is TEXT;
        ``pN.ATTR`` is the Nth person's ``first``, ``last``, ``full``, ``email`` (at a mail host), ``work`` (at the
        setting's domain) or ``user``. The same KEY gives the same value throughout one document.
        """
        tpl = textwrap.dedent(tpl).lstrip("\n")
        cache: dict[str, str] = {}
        self._people: dict[str, _P] = {}
        out: list[str] = []
        spans: list[tuple[str, str, int, int]] = []
        n = last = 0
        for m in _MARK.finditer(tpl):
            lit = tpl[last : m.start()]
            out.append(lit)
            n += len(lit)
            kind, cls, key = m.groups()
            val = self.val(cache, key)
            if kind == "s":
                if cls not in CLASSES:
                    raise ValueError(f"unknown class {cls}")
                spans.append(("s", cls, n, n + len(val)))
            elif kind == "k":
                spans.append(("k", "", n, n + len(val)))
            out.append(val)
            n += len(val)
            last = m.end()
        out.append(tpl[last:])
        text = "".join(out)
        return _Frag(path, lang, text if text.endswith("\n") else text + "\n", tuple(spans))

    def val(self, cache: dict[str, str], key: str) -> str:
        if key not in cache:
            if key.startswith("="):
                cache[key] = key[1:]
            elif "." in key:
                who, attr = key.split(".")
                if who not in self._people:
                    taken = {p.first for p in self._people.values()} | {p.last for p in self._people.values()}
                    while (p := self.people(1)[0]).first in taken or p.last in taken:
                        pass
                    self._people[who] = p
                p = self._people[who]
                cache[key] = f"{p.local}@{self.val(cache, 'dom')}" if attr == "work" else getattr(p, attr)
            else:
                base = re.sub(r"_\d+$", "", key)
                cache[key] = _GEN[base](self, cache) if base in _GEN else str(getattr(self, base)())
        return cache[key]

    def ch(self, alphabet: str, n: int) -> str:
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def hexs(self, n: int) -> str:
        return self.ch(_HEX, n)

    def num(self, lo: int, hi: int) -> str:
        return str(self.r.randint(lo, hi))

    def pick(self, seq: Sequence[str]) -> str:
        return self.r.choice(list(seq))

    def raw(self, n: int) -> bytes:
        return bytes(self.r.getrandbits(8) for _ in range(n))

    def people(self, k: int) -> list[_P]:
        firsts = self.r.sample(_FIRST, k)
        lasts = self.r.sample(_LAST, k)
        out = []
        for f, la in zip(firsts, lasts, strict=True):
            host = self.pick(_MAILHOSTS)
            plain = la.lower().replace("-", "")
            local = self.pick(
                (f"{f.lower()}.{plain}", f"{f[0].lower()}{plain}", f"{f.lower()}{self.num(2, 98)}")
            )
            out.append(_P(f, la, f"{f} {la}", local, f"{local}@{host}", f"{f[0].lower()}{plain}"))
        return out

    def street(self) -> str:
        return f"{self.num(12, 4890)} {self.pick(_STREETS)}"

    def uuid(self) -> str:
        h = self.hexs(32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{self.pick('89ab')}{h[17:20]}-{h[20:]}"

    def commit(self) -> str:
        return self.hexs(40)

    def sha256(self) -> str:
        return hashlib.sha256(self.raw(16)).hexdigest()

    def semver(self) -> str:
        return f"{self.num(1, 9)}.{self.num(0, 24)}.{self.num(0, 12)}"

    def quad(self) -> str:
        return f"{self.num(1, 6)}.{self.num(0, 12)}.{self.num(0, 9)}.{self.num(11, 240)}"

    # --- personal data ---
    def ssn(self, sep: str = "-") -> str:
        area = self.r.choice([a for a in range(1, 900) if a != 666])
        return f"{area:03d}{sep}{self.r.randint(1, 99):02d}{sep}{self.r.randint(1, 9999):04d}"

    def iban(self, grouped: bool = False, valid: bool = True) -> str:
        country = self.pick(sorted(_IBAN_LAYOUT))
        length, layout = _IBAN_LAYOUT[country]
        bban = "".join(self.ch(_UP if kind == "a" else _DIG, k) for kind, k in layout)
        if country == "BE":
            check = int(bban[:10]) % 97 or 97
            bban = bban[:10] + f"{check:02d}"
        numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
        digits = 98 - int(numeric) % 97
        if not valid:
            digits = (digits + self.r.randint(1, 96)) % 97 or 1
        out = f"{country}{digits:02d}{bban}"
        assert len(out) == length
        return " ".join(out[i : i + 4] for i in range(0, len(out), 4)) if grouped else out

    def luhn(self, prefix: str, length: int) -> str:
        body = prefix + self.ch(_DIG, length - len(prefix) - 1)
        return next(body + d for d in _DIG if luhn_ok(body + d))

    def card(self, grouped: bool = False) -> str:
        prefix, length = self.r.choice([("4", 16), ("5" + self.num(1, 5), 16), ("6011", 16), ("37", 15)])
        n = self.luhn(prefix, length)
        if not grouped:
            return n
        return (
            f"{n[:4]} {n[4:10]} {n[10:]}" if length == 15 else " ".join(n[i : i + 4] for i in range(0, 16, 4))
        )

    # --- addresses ---
    def private_ip(self) -> str:
        kind = self.r.randint(0, 2)
        if kind == 0:
            return f"10.{self.num(1, 254)}.{self.num(0, 254)}.{self.num(2, 250)}"
        if kind == 1:
            return f"172.{self.num(16, 31)}.{self.num(0, 254)}.{self.num(2, 250)}"
        return f"192.168.{self.num(2, 254)}.{self.num(2, 250)}"

    def cgnat_ip(self) -> str:
        return f"100.{self.num(64, 127)}.{self.num(0, 254)}.{self.num(2, 250)}"

    def public_ip(self) -> str:
        return (
            f"{self.r.choice(_PUBLIC_FIRST_OCTETS)}.{self.num(0, 254)}.{self.num(0, 254)}.{self.num(2, 250)}"
        )

    # --- passwords and hashes ---
    def pw(self, style: str = "human") -> str:
        w = self.r.sample(_WORDS, 3)
        if style == "human":
            return f"{w[0].title()}{w[1].title()}{self.num(10, 9999)}{self.pick('!#*?')}"
        if style == "url":
            return self.pick(
                (self.ch(_ALNUM, self.r.randint(16, 24)), f"{w[0].title()}-{w[1]}-{self.num(10, 99)}")
            )
        if style == "dotted":
            return f"{w[0]}.{w[1]}{self.num(100, 999)}"
        if style == "words":
            return f"{w[0]} {w[1]} {w[2]} {self.num(10, 99)}"
        return self.ch(_ALNUM + _PW_SYMBOLS, self.r.randint(18, 26))

    def bcrypt(self) -> str:
        def enc(data: bytes) -> str:
            bits = int.from_bytes(data, "big") << ((6 - len(data) * 8 % 6) % 6)
            n = (len(data) * 8 + 5) // 6
            return "".join(_BCRYPT64[(bits >> (6 * (n - 1 - i))) & 63] for i in range(n))

        return f"$2b${self.pick(('10', '12'))}${enc(self.raw(16))}{enc(self.raw(23))}"

    def pbkdf2(self) -> str:
        return f"pbkdf2_sha256$870000${self.ch(_ALNUM, 22)}${base64.b64encode(self.raw(32)).decode()}"

    def cisco9(self) -> str:
        return f"$9${self.ch(_CRYPT64, 14)}${self.ch(_CRYPT64, 43)}"

    def cisco7(self, pw: str) -> str:
        seed = self.r.randint(0, 15)
        return f"{seed:02d}" + "".join(
            f"{ord(c) ^ ord(_XLAT7[(seed + i) % 53]):02X}" for i, c in enumerate(pw)
        )

    # --- keys ---
    def pem_ec(self, sep: str = "\n") -> str:
        ec = _der(
            0x30,
            _der(0x02, b"\x01")
            + _der(0x04, self.raw(32))
            + _der(0xA1, _der(0x03, b"\x00\x04" + self.raw(64))),
        )
        alg = _der(
            0x30, _der(0x06, bytes.fromhex("2a8648ce3d0201")) + _der(0x06, bytes.fromhex("2a8648ce3d030107"))
        )
        der = _der(0x30, _der(0x02, b"\x00") + alg + _der(0x04, ec))
        b = base64.b64encode(der).decode()
        return sep.join(b[i : i + 64] for i in range(0, len(b), 64))

    def pem_rsa(self) -> str:
        def big(n: int) -> bytes:
            return bytes([0x80 | self.r.getrandbits(7)]) + self.raw(n - 1)

        ints = [b"\x00", big(128), b"\x01\x00\x01", big(128), big(64), big(64), big(64), big(64), big(64)]
        der = _der(0x30, b"".join(_der_int(i) for i in ints))
        b = base64.b64encode(der).decode()
        return "\n".join(b[i : i + 64] for i in range(0, len(b), 64))

    def rsa_public(self) -> str:
        rsa = _der(
            0x30, _der_int(bytes([0xC0 | self.r.getrandbits(6)]) + self.raw(255)) + _der_int(b"\x01\x00\x01")
        )
        alg = _der(0x30, _der(0x06, bytes.fromhex("2a864886f70d010101")) + b"\x05\x00")
        return base64.b64encode(_der(0x30, alg + _der(0x03, b"\x00" + rsa))).decode()

    def openssh(self, comment: str) -> str:
        pub, sec, check = self.raw(32), self.raw(32), self.raw(4)
        kt = _sshstr(b"ssh-ed25519")
        body = check + check + kt + _sshstr(pub) + _sshstr(sec + pub) + _sshstr(comment.encode())
        body += bytes(range(1, 1 + (-len(body)) % 8))
        blob = b"openssh-key-v1\x00" + _sshstr(b"none") + _sshstr(b"none") + _sshstr(b"")
        blob += struct.pack(">I", 1) + _sshstr(kt + _sshstr(pub)) + _sshstr(body)
        b = base64.b64encode(blob).decode()
        return "\n".join(b[i : i + 70] for i in range(0, len(b), 70))

    def ssh_pub(self, comment: str) -> str:
        blob = _sshstr(b"ssh-ed25519") + _sshstr(self.raw(32))
        return f"ssh-ed25519 {base64.b64encode(blob).decode()} {comment}"

    def wg_private(self) -> str:
        k = bytearray(self.raw(32))
        k[0] &= 248
        k[31] = (k[31] & 127) | 64
        return base64.b64encode(bytes(k)).decode()

    def wg_public(self) -> str:
        return base64.b64encode(self.raw(32)).decode()

    def jwt(self, iss: str) -> str:
        head = {"alg": self.pick(("HS256", "RS256")), "typ": "JWT"}
        now = 1773000000 + self.r.randint(0, 2000000)
        body = {"sub": self.uuid(), "iss": iss, "iat": now, "exp": now + 3600, "scope": "read write"}
        sig = self.raw(32 if head["alg"] == "HS256" else 256)
        return (
            ".".join(_b64url(json.dumps(x, separators=(",", ":")).encode()) for x in (head, body))
            + "."
            + _b64url(sig)
        )

    def stripe(self, prefix: str) -> str:
        return prefix + self.pick((self.ch(_ALNUM, 24), "51" + self.ch(_ALNUM, 97)))

    def token(self, n: int = 40) -> str:
        return self.ch(_ALNUM, n)

    def salt(self, n: int = 64) -> str:
        return self.ch(_ALNUM + "!#%&()*+,-.:;<=>?@[]^_{|}~", n)


def _city(g: _Gen, c: dict[str, str]) -> str:
    city, c["state"] = g.r.choice(_CITIES)
    return city


def _basic(g: _Gen, c: dict[str, str]) -> str:
    return base64.b64encode(
        f"{g.pick(('civicnotice', 'lettergrove-ops', 'mailstack'))}:{g.pw('url')}".encode()
    ).decode()


def _mapbox(g: _Gen, c: dict[str, str], prefix: str) -> str:
    claims = {"u": g.val(c, "org").replace("-", ""), "a": g.ch(_B64URL, 25)}
    return f"{prefix}.{_b64url(json.dumps(claims, separators=(',', ':')).encode())}.{g.ch(_B64URL, 22)}"


_OPENAI_MARK = base64.b64encode(b"OpenAI").decode()
_PYPI_HEAD = b"\x02\x01\x08pypi.org\x02\x25"
_G = Callable[[_Gen, dict[str, str]], str]
_GEN: dict[str, _G] = {
    "dom": lambda g, c: g.pick(_DOMAINS[g.setting]),
    "org": lambda g, c: g.val(c, "dom").split(".")[0],
    "nr": lambda g, c: "noreply@" + g.val(c, "dom"),
    "tab": lambda g, c: "\t",
    "n2": lambda g, c: g.num(10, 99),
    "n3": lambda g, c: g.num(100, 999),
    "n4": lambda g, c: g.num(1000, 9999),
    "n5": lambda g, c: g.num(10000, 99999),
    "n6": lambda g, c: g.num(100000, 999999),
    "n10": lambda g, c: g.ch(_DIG, 10),
    "up10": lambda g, c: g.ch(_UP + _DIG, 10),
    "dl": lambda g, c: g.pick(_UP) + g.ch(_DIG, 8),
    "quad": lambda g, c: g.quad(),
    "hex7": lambda g, c: g.hexs(7),
    "hex16": lambda g, c: g.hexs(16),
    "hex32": lambda g, c: g.hexs(32),
    "hex40": lambda g, c: g.hexs(40),
    "hex64": lambda g, c: g.hexs(64),
    "hex80": lambda g, c: g.hexs(80),
    "fp": lambda g, c: ":".join(g.hexs(2).upper() for _ in range(32)),
    "city": _city,
    "state": lambda g, c: (g.val(c, "city"), c["state"])[1],
    "zip": lambda g, c: g.num(80000, 99899),
    "gw": lambda g, c: g.val(c, "private_ip").rsplit(".", 1)[0] + ".1",
    "brd": lambda g, c: g.val(c, "private_ip").rsplit(".", 1)[0] + ".255",
    "guest_net": lambda g, c: f"192.168.{g.num(20, 90)}.0/24",
    "subnet": lambda g, c: g.pick(("10.40.0.0/16", "192.168.30.0/24", "172.20.0.0/16")),
    "wg_net": lambda g, c: f"10.{g.num(90, 99)}.0",
    "wg_addr": lambda g, c: f"{g.val(c, 'wg_net')}.{g.num(2, 250)}",
    "wg_allowed": lambda g, c: f"{g.val(c, 'wg_net')}.0/24",
    "ssn_sp": lambda g, c: g.ssn(" "),
    "ssn_bare": lambda g, c: g.ssn(""),
    "iban": lambda g, c: g.iban(grouped=g.r.random() < 0.4),
    "iban_bad": lambda g, c: g.iban(valid=False),
    "card": lambda g, c: g.card(grouped=g.r.random() < 0.3),
    "oid": lambda g, c: g.luhn("4", 16),
    "test_card": lambda g, c: " ".join(["4242"] * 4),
    "pw_human": lambda g, c: g.pw("human"),
    "pw_url": lambda g, c: g.pw("url"),
    "pw_dotted": lambda g, c: g.pw("dotted"),
    "pw_words": lambda g, c: g.pw("words"),
    "pw_random": lambda g, c: g.pw("random"),
    "pw_any": lambda g, c: g.pw(g.pick(("human", "random", "dotted"))),
    "bcrypt_y": lambda g, c: g.bcrypt().replace("$2b$", "$2y$", 1),
    "token": lambda g, c: g.token(40),
    "token32": lambda g, c: g.token(32),
    "token48": lambda g, c: g.token(48),
    "salt": lambda g, c: g.salt(64),
    "django_key": lambda g, c: g.ch(_LO + _DIG + "!@#%^&*(-_=+)", 50),
    "session_id": lambda g, c: g.ch(_LO + _DIG, 32),
    "ga": lambda g, c: f"GA1.1.{g.num(100000000, 999999999)}.{g.num(1700000000, 1779999999)}",
    "cisco7": lambda g, c: g.cisco7(g.pw(g.pick(("human", "url")))),
    "basic": _basic,
    "recovery": lambda g, c: f"{g.hexs(5)}-{g.hexs(5)}",
    "aws_key": lambda g, c: "AKIA" + g.ch(_B32, 16),
    "aws_secret": lambda g, c: g.ch(_B64, 40),
    "aws_example": lambda g, c: "AKIA" + "IOSFODNN7" + "EXAMPLE",
    "azure_key": lambda g, c: base64.b64encode(g.raw(64)).decode(),
    "github": lambda g, c: crc_token("ghp_", g.ch(_ALNUM, 30)),
    "npm": lambda g, c: crc_token("npm_", g.ch(_ALNUM, 30)),
    "gitlab": lambda g, c: "glpat-" + g.ch(_B64URL, 20),
    "slack": lambda g, c: f"xoxb-{g.ch(_DIG, 11)}-{g.ch(_DIG, 13)}-{g.ch(_ALNUM, 24)}",
    "slack_hook": lambda g, c: f"T{g.ch(_UP + _DIG, 10)}/B{g.ch(_UP + _DIG, 10)}/{g.ch(_ALNUM, 24)}",
    "sk_live": lambda g, c: g.stripe("sk_live_"),
    "rk_or_sk": lambda g, c: g.stripe(g.pick(("sk_live_", "rk_live_"))),
    "pk_live": lambda g, c: g.stripe("pk_live_"),
    "whsec": lambda g, c: "whsec_" + g.ch(_ALNUM, 32),
    "sendgrid": lambda g, c: f"SG.{g.ch(_B64URL, 22)}.{g.ch(_B64URL, 43)}",
    "openai": lambda g, c: f"sk-proj-{g.ch(_B64URL, 74)}{_OPENAI_MARK}{g.ch(_B64URL, 74)}",
    "anthropic": lambda g, c: f"sk-ant-api03-{g.ch(_B64URL, 93)}AA",
    "google": lambda g, c: "AIza" + g.ch(_B64URL, 35),
    "shopify": lambda g, c: "shpat_" + g.hexs(32),
    "digitalocean": lambda g, c: "dop_v1_" + g.hexs(64),
    "huggingface": lambda g, c: "hf_" + g.ch(_UP + _LO, 34),
    "square": lambda g, c: "EAAA" + g.ch(_B64URL, 60),
    "square_fill": lambda g, c: "EAAA" + "x" * 60,
    "pypi": lambda g, c: "pypi-" + _b64url(_PYPI_HEAD + g.raw(37) + b"\x00\x02\x06\x20" + g.raw(32)),
    "telegram": lambda g, c: f"{g.num(100000000, 8999999999)}:AA{g.ch(_B64URL, 33)}",
    "mapbox_pk": lambda g, c: _mapbox(g, c, "pk"),
    "mapbox_sk": lambda g, c: _mapbox(g, c, "sk"),
    "phc": lambda g, c: "phc_" + g.ch(_ALNUM, 43),
    "phx": lambda g, c: "phx_" + g.ch(_ALNUM, 43),
    "jwt": lambda g, c: g.jwt("https://auth." + g.val(c, "dom")),
    "pem_b": lambda g, c: pem_marker(""),
    "pem_e": lambda g, c: pem_marker("", end=True),
    "rsa_b": lambda g, c: pem_marker("RSA"),
    "rsa_e": lambda g, c: pem_marker("RSA", end=True),
    "ssh_b": lambda g, c: pem_marker("OPENSSH"),
    "ssh_e": lambda g, c: pem_marker("OPENSSH", end=True),
    "pem_ec_json": lambda g, c: g.pem_ec("\\n"),
    "openssh": lambda g, c: g.openssh("sftp-drop"),
    "ssh_pub": lambda g, c: g.ssh_pub("sftp-drop"),
    "host_key": lambda g, c: g.ssh_pub("root@dashcam"),
    "lob_key": lambda g, c: "live_" + g.hexs(32),
    "pg_key": lambda g, c: "live_sk_" + g.token(32),
    "clearbit_key": lambda g, c: "sk_" + g.hexs(32),
    "apollo_key": lambda g, c: g.ch(_ALNUM + "_", 22),
    "fleet_token": lambda g, c: "fleet_api_" + g.token(32),
    "ebay_secret": lambda g, c: "PRD-" + "-".join((g.hexs(12), g.hexs(4), g.hexs(4), g.hexs(4), g.hexs(4))),
    "room": lambda g, c: f"{g.ch(_LO, 3)}-{g.ch(_LO, 4)}-{g.ch(_LO, 3)}",
    "snow_acct": lambda g, c: g.ch(_UP, 7) + "-" + g.ch(_UP + _DIG, 7),
}
_GEN.update(
    {
        "sg_fill": lambda g, c: "SG." + "x" * 22 + "." + "x" * 43,
        "ghp_fill": lambda g, c: "ghp_" + "x" * 36,
    }
)

# The templates: setting -> (name, path, language, text). Documents take them in turn.
# fmt: off
_TEMPLATES: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "brewery-winery": (
        ("env", ".env.production", "bash", """
            # brewops production settings (read by systemd EnvironmentFile=)
            APP_ENV=production
            APP_VERSION=«k:semver»
            DATABASE_URL=postgres://brewops:«s:url-password:pw_url»@db-primary.«dom»:5432/brewops
            REDIS_URL=redis://cache.«dom»:6379/2
            SHOPIFY_ADMIN_TOKEN=«s:shopify-token:shopify»
            POSTHOG_KEY=«k:phc»
            TANK_POLL_SECONDS=30
            # deployed from «k:commit»"""),
        ("mqtt", "notes/cellar-gw.txt", "console", """
            deploy@cellar-gw:~$ sudo mosquitto_passwd -b /etc/mosquitto/passwd tank-telemetry «s:cli-password:pw_human»
            deploy@cellar-gw:~$ sudo systemctl restart mosquitto
            deploy@cellar-gw:~$ mosquitto_sub -h «s:private-ip:private_ip» -t 'cellar/+/temp' -C 2 -v
            cellar/fv3/temp {"tank":"FV3","temp_c":18.4,"gravity":1.032,"firmware":"«k:quad»"}
            cellar/fv5/temp {"tank":"FV5","temp_c":12.1,"gravity":1.011,"firmware":"«k:quad»"}
            deploy@cellar-gw:~$ tankprobe --version
            tankprobe «k:quad»"""),
        ("portal", "notes/distributor-orders.txt", "console", """
            $ curl -s "https://portal.threeriversdist.com/api/v2/accounts/BR-«n5»/orders?status=open" \\
                -H "Authorization: Bearer «s:bearer-token:token»" | jq .
            {
              "account": "BR-«n5»",
              "account_manager": {"name": "«s:person-name:p1.full»", "email": "«s:email:p1.email»"},
              "orders": [
                {"order_id": "«k:oid»", "sku": "IPA-16OZ-4PK", "cases": 40, "ship_date": "2026-04-02"},
                {"order_id": "«n6»", "sku": "PILS-12OZ-6PK", "cases": 25, "ship_date": "2026-04-09"}
              ],
              "request_id": "«k:uuid»"
            }"""),
        ("ttb", "reports/5130-9-2026-02.txt", "text", """
            $ ttbreport --version
            ttbreport «k:quad»
            $ ttbreport export --form 5130.9 --period 2026-02 --format text
            BREWER'S REPORT OF OPERATIONS (TTB F 5130.9)
            Brewery number ......... BR-OR-«n5»
            Period ................. February 2026
            Preparer Name: «s:person-name:p1.full»
            Preparer Email: «s:email:p1.work»
            Line 1   Beer on hand, beginning of month ......  412.50 bbl
            Line 2   Beer produced by fermentation .........  188.00 bbl
            Line 14  Removed for consumption, taxpaid ......  161.25 bbl
            Status: draft (not yet submitted to Pay.gov)
            Export digest: sha256:«k:sha256»"""),
        ("gitlog", "notes/git-log.txt", "text", """
            $ git log -2
            commit «k:commit»
            Author: «s:person-name:p1.full» <«s:email:p1.work»>
            Date:   Tue Mar 3 09:14:22 2026 -0800

                fermentation: alert when a tank's gravity stalls for 48h

            commit «k:commit_2»
            Author: brewops-bot <«k:nr»>
            Date:   Mon Mar 2 22:00:03 2026 -0800

                chore: nightly TTB line-item snapshot"""),
        ("trace", "logs/ingest.log", "text", """
            Traceback (most recent call last):
              File "/home/«s:home-username:p1.user»/src/brewops/telemetry/ingest.py", line 88, in poll
                reading = client.read_holding_registers(40001, count=4, slave=unit)
              File "/home/«s:home-username:p1.user»/src/brewops/.venv/lib/python3.12/site-packages/pymodbus/tcp.py"
                raise ConnectionException(f"Failed to connect[{self.comm_params.host}]")
            pymodbus.exceptions.ConnectionException: Failed to connect[«s:private-ip:private_ip»:502]
            hint: the PLC subnet is «k:subnet»; the local simulator listens on «k:=127.0.0.1»:5020"""),
        ("mail", "scripts/send_allocation.py", "python", """
            # Sends the monthly allocation sheet to distributors.
            # Local setup: export SENDGRID_API_KEY=«k:=<your-api-key>» (see README)
            import os

            SENDGRID_API_KEY = os.environ.get("SENDGRID_API_KEY", "«s:sendgrid-key:sendgrid»")
            FROM_ADDRESS = "«k:nr»"
            """),
        ("commerce", "config/commerce.yml", "yaml", """
            # tasting room and wine club checkout
            stripe:
              publishable_key: «k:pk_live»
              secret_key: «s:stripe-secret-key:sk_live»
            wine_club:
              billing_day: 15
              # staging checkout only accepts the processor's test card
              test_card: "«k:test_card»"
            """),
        ("example", ".env.example", "bash", """
            # copy to .env and fill in; never commit the real one
            DATABASE_URL=postgres://brewops:«k:=changeme»@localhost:5432/brewops
            SHOPIFY_ADMIN_TOKEN=«k:=<your-shopify-token>»
            SENDGRID_API_KEY=«k:sg_fill»
            GITHUB_TOKEN=«k:ghp_fill»
            POSTHOG_KEY=«k:phc»"""),
    ),
    "dental-ortho-labs": (
        ("rx", "rx/incoming.json", "json", """
            {
              "rx_id": "RX-«n6»",
              "case_type": "clear_aligner",
              "patient_name": "«s:person-name:p1.full»",
              "doctor": {"name": "«s:person-name:p2.full»", "email": "«s:email:p2.work»"},
              "scans": [{"file": "upper.stl", "sha256": "«k:sha256»"}],
              "notes": "IPR 0.3mm between 12-13 as discussed"
            }"""),
        ("scanner", "bridge/scanner.ini", "ini", """
            [cloud]
            region = eu-west
            device_serial = IOS-«up10»
            firmware_version = «k:semver»
            refresh_token = «s:jwt:jwt»
            upload_bucket = lab-intake-«n2»
            ; token issued by the lab portal; rotate it under Settings > Devices"""),
        ("opendental", "notes/opendental-query.txt", "text", """
            $ mysql -h «k:=127.0.0.1» -B opendental -e "SELECT PatNum, LName, FName, Birthdate FROM patient LIMIT 1"
            PatNum«tab»LName«tab»FName«tab»Birthdate
            «n5»«tab»«s:person-name:p1.last»«tab»«s:person-name:p1.first»«tab»1987-04-12"""),
        ("s3", "notes/case-sync.txt", "console", """
            $ cat ~/.aws/credentials
            [lab-sync]
            aws_access_key_id = «s:aws-access-key:aws_key»
            aws_secret_access_key = «s:aws-secret-key:aws_secret»
            region = us-east-2
            $ aws s3 sync ./cases s3://lab-cases-«n4»/incoming --profile lab-sync --exclude "*.tmp"
            upload: cases/C-2291/upper.stl to s3://lab-cases-«n4»/incoming/C-2291/upper.stl
            $ aws --version
            aws-cli/«k:semver» Python/3.11.8 Linux/6.1.0-18-amd64"""),
        ("readme", "docs/bridge-setup.md", "markdown", """
            ## Configure the scanner bridge

            1. Create an IAM user for the bridge and export its keys, as in AWS's own example:
               `export AWS_ACCESS_KEY_ID=«k:aws_example»` and `export AWS_SECRET_ACCESS_KEY=«k:=<your-secret-key>»`.
            2. The systemd unit passes `SCANNER_TOKEN=«k:=${SCANNER_TOKEN}»` through; never paste the token here.
            3. Questions about the bridge go to «k:=lab-support@example.com»."""),
        ("home", "logs/export.log", "text", """
            [export] 14:02:11 writing /Users/«s:home-username:p1.user»/OrthoCAD/exports/C-«n4»_upper.stl
            [export] 14:02:12 sha256 «k:sha256»
            [upload] 14:02:15 PUT https://uploads.«dom»/cases/C-«n4» -> 201 (request «k:uuid»)"""),
        ("sql", "db/seed_case.sql", "sql", """
            -- reproduce ticket LAB-«n3»: remake flagged twice (regression from «k:commit»)
            INSERT INTO lab_cases (case_no, patient_name, dentist_email, shade)
            VALUES ('C-«n4»', '«s:person-name:p1.full»', '«s:email:p2.work»', 'A2');"""),
        ("azure", "appsettings.Production.json", "json", """
            {
              "Storage": {
                "ConnectionString": "AccountName=labscans«n2»;AccountKey=«s:azure-storage-key:azure_key»"
              },
              "ApplicationInsights": {
                "ConnectionString": "InstrumentationKey=«k:uuid»;IngestionEndpoint=https://westeurope-5.in.ai.azure.com/"
              },
              "Logging": {"LogLevel": {"Default": "Information"}}
            }"""),
        ("status", "notes/bridge-status.txt", "console", """
            $ scanbridge --version
            scanbridge «k:quad»
            $ scanbridge status
            Upload endpoint ..... https://uploads.«dom»/v2 (resolver «k:=8.8.8.8»)
            Local API ........... http://«k:=127.0.0.1»:8765
            Last batch digest ... sha256:«k:sha256»
            Token ............... «k:=****» (stored in the OS keychain)"""),
    ),
    "coworking-spaces": (
        ("billing", "billing/.env.production", "bash", """
            STRIPE_SECRET_KEY=«s:stripe-secret-key:sk_live»
            STRIPE_WEBHOOK_SECRET=«s:stripe-webhook-secret:whsec»
            STRIPE_PUBLISHABLE_KEY=«k:pk_live»
            INVOICE_FROM=«k:nr»
            SLACK_BILLING_WEBHOOK=https://hooks.slack.com/services/«s:slack-webhook:slack_hook»"""),
        ("export", "notes/export-members.sh", "bash", """
            # copied from the browser's network tab ("Copy as cURL")
            curl 'https://admin.«dom»/members/export.csv?plan=all' \\
              -H 'Accept: text/csv' \\
              -H 'Cookie: csrftoken=«token32»; sessionid=«s:session-cookie:session_id»; _ga=«k:ga»' \\
              -o members.csv"""),
        ("nm", "notes/wifi.txt", "ini", """
            $ sudo cat /etc/NetworkManager/system-connections/Members.nmconnection
            [connection]
            id=Members
            uuid=«k:uuid»
            type=wifi
            [wifi]
            ssid=«org»-members
            [wifi-security]
            key-mgmt=wpa-psk
            psk=«s:wifi-psk:pw_words»
            [ipv4]
            method=auto
            dns=«k:=1.1.1.1»;«k:=9.9.9.9»;"""),
        ("nmcli", "notes/front-desk.txt", "console", """
            $ nmcli -s -g 802-11-wireless-security.psk connection show "«org»-staff"
            «s:wifi-psk:pw_human»
            $ nmcli -g IP4.ADDRESS device show wlan0
            «s:private-ip:private_ip»/24
            $ nmcli -g IP4.DNS device show wlan0
            «k:=1.1.1.1»"""),
        ("netsh", "notes/kiosk-wifi.txt", "text", """
            PS C:\\Users\\«s:home-username:p1.user»> netsh wlan show profile name="«org»-guest" key=clear

            Profile «org»-guest on interface Wi-Fi:
            =======================================================================
            Security settings
            -----------------
                Authentication         : WPA2-Personal
                Cipher                 : CCMP
                Security key           : Present
                Key Content            : «s:wifi-psk:pw_human»"""),
        ("members", "exports/members-2026-03.csv", "csv", """
            member_id;first_name;last_name;email;plan;desk
            M-«n4»;«s:person-name:p1.first»;«s:person-name:p1.last»;«s:email:p1.email»;Hot desk;-"""),
        ("door", "notes/door-events.txt", "console", """
            $ curl -s -H "Authorization: Bearer «s:bearer-token:token»" "https://api.kisbee.io/v1/events?limit=2"
            {"events": [
              {"id": «n5», "door": "Front entrance", "at": "2026-03-11T07:58:03Z",
               "user": {"name": "«s:person-name:p1.full»", "email": "«s:email:p1.email»"}, "result": "granted"},
              {"id": «n5_2», "door": "Front entrance", "at": "2026-03-11T08:02:41Z", "user": null, "result": "denied"}
            ], "request_id": "«k:uuid»"}"""),
        ("recovery", "notes/admin-handover.txt", "text", """
            $ head -3 ~/Documents/github-recovery-codes.txt
            GitHub recovery codes for the space's ops account (keep them somewhere safe):
            «s:recovery-code:recovery»
            «s:recovery-code:recovery_2»"""),
        ("unifi", "ops/unifi.yml", "yaml", """
            unifi:
              controller_host: «s:private-ip:private_ip»
              port: 8443
              username: admin
              password: «s:password:pw_random»
              site: default
              guest_network: «k:guest_net»
              guest_netmask: «k:=255.255.255.0»"""),
        ("doorapi", "docs/door-api.md", "markdown", """
            ## Door controller API

            Every call sends `Authorization: Bearer «k:=<ACCESS_TOKEN>»`. Webhooks come from «k:=203.0.113.10»;
            in staging the controller answers on «k:=127.0.0.1»:8088. Member lookups in examples use
            «k:=member@example.com»."""),
    ),
    "amateur-sports-clubs": (
        ("square", "shop/.env", "bash", """
            # club shop (kit orders, raffle)
            SQUARE_ENVIRONMENT=production
            SQUARE_ACCESS_TOKEN=«s:square-token:square»
            SQUARE_LOCATION_ID=L«up10»
            # the sandbox sample in docs/shop.md reads SQUARE_ACCESS_TOKEN=«k:square_fill»"""),
        ("bot", "bot/config.toml", "toml", """
            [telegram]
            bot_token = "«s:telegram-bot-token:telegram»"
            chat_id = -100«n10»

            [schedule]
            remind_hours_before = 24
            admin_contact = "«k:nr»"
            """),
        ("rails", "log/production.log", "text", """
            Started POST "/registrations" for «s:public-ip:public_ip» at 2026-03-02 18:44:10 +0000
            Processing by RegistrationsController#create as HTML
              Parameters: {"authenticity_token"=>"[FILTERED]", "registration"=>{"season"=>"2026", "team"=>"U12",
              "player_first_name"=>"«s:person-name:p1.first»", "guardian_name"=>"«s:person-name:p2.full»",
              "guardian_email"=>"«s:email:p2.email»"}}
            Completed 302 Found in 41ms (ActiveRecord: 12.3ms) request_id=«k:uuid»"""),
        ("json", "exports/registration.json", "json", """
            {
              "registration_id": "«k:uuid»",
              "player": {"first_name": "«s:person-name:p1.first»", "birth_year": 2014},
              "guardian": {"name": "«s:person-name:p2.full»", "email": "«s:email:p2.email»", "relationship": "parent"},
              "season": 2026,
              "paid": true
            }"""),
        ("league", "fixtures/league_client.py", "python", """
            import requests

            LEAGUE_API = "https://api.countyleague.org/v3"  # docs use «k:=<your-api-key>» in examples
            session = requests.Session()
            session.headers["X-Api-Key"] = "«s:api-key:token»"
            fixtures = session.get(f"{LEAGUE_API}/fixtures", params={"division": "U14", "season": 2026}).json()"""),
        ("wp", "site/wp-config.php", "php", """
            define( 'DB_NAME', 'club_wp' );
            define( 'DB_USER', 'club_wp' );
            define( 'DB_PASSWORD', '«s:password:pw_human»' );
            define( 'DB_HOST', '«k:=127.0.0.1»' );

            define( 'AUTH_KEY',         '«s:signing-secret:salt»' );"""),
        ("mail", "mail/carpool.eml", "text", """
            From: «s:person-name:p1.full» <«s:email:p1.email»>
            To: u14-parents@«dom»
            Subject: Re: Saturday away game - carpool
            Date: Thu, 12 Mar 2026 20:41:07 +0000
            Message-ID: <«hex16»@mail.«dom»>
            User-Agent: Thunderbird/«k:semver»

            Hi all, I can take four kids in the van. Leaving the clubhouse at 8:15."""),
        ("vcard", "roster/coach.vcf", "text", """
            BEGIN:VCARD
            VERSION:3.0
            FN:«s:person-name:p1.full»
            EMAIL;TYPE=home:«s:email:p1.email»
            NOTE:Coach - U10 Blue
            UID:«k:uuid»
            END:VCARD"""),
        ("wp_sample", "site/wp-config-sample.php", "php", """
            define( 'DB_NAME', 'database_name_here' );
            define( 'DB_USER', 'username_here' );
            define( 'DB_PASSWORD', '«k:=password_here»' );
            define( 'AUTH_KEY',         '«k:=put your unique phrase here»' );
            define( 'SECURE_AUTH_KEY',  '«k:=put your unique phrase here»' );"""),
    ),
    "print-mail-apis": (
        ("ci", ".github/workflows/release.yml", "yaml", """
            jobs:
              publish:
                runs-on: ubuntu-latest
                env:
                  LOB_API_KEY: «k:=${{ secrets.LOB_API_KEY }}»
                  GH_TOKEN: «s:github-token:github»
                steps:
                  - uses: actions/checkout@v4
                  - run: echo "//registry.npmjs.org/:_authToken=«s:npm-token:npm»" > ~/.npmrc
                  - run: npm publish --access public"""),
        ("c2m_basic", "notes/c2m-request.txt", "http", """
            > POST /molpro/jobs HTTP/1.1
            > Host: rest.click2mail.com
            > Authorization: Basic «s:basic-auth:basic»
            > Content-Type: application/xml
            > Postman-Token: «k:uuid»
            >
            < HTTP/1.1 201 Created
            < Content-Type: application/xml"""),
        ("lob_curl", "notes/send-letter.sh", "bash", """
            curl https://api.lob.com/v1/letters \\
              -u «s:api-key:lob_key»: \\
              -H "Idempotency-Key: «k:uuid»" \\
              -d "description=Rent notice March" \\
              -d "to[name]=«s:person-name:p1.full»" \\
              -d "to[address_line1]=«street»" \\
              -d "to[address_city]=«city»" \\
              -d "to[address_state]=«state»" \\
              -d "from=adr_«hex16»" \\
              -F "file=@notice.pdf"
            """),
        ("lob_resp", "notes/letter-response.json", "json", """
            {
              "id": "ltr_«hex16»",
              "description": "Rent notice March",
              "to": {"id": "adr_«hex16_2»", "name": "«s:person-name:p1.full»", "address_line1": "«street»",
                     "address_city": "«city»", "address_state": "«state»", "address_zip": "«zip»"},
              "expected_delivery_date": "2026-03-19",
              "request_id": "«k:uuid»"
            }"""),
        ("postgrid", ".env", "bash", """
            # PostGrid print & mail
            POSTGRID_API_KEY=«s:api-key:pg_key»
            POSTGRID_WEBHOOK_SECRET=«s:signing-secret:token48»
            # .env.example ships POSTGRID_API_KEY=«k:=<your-api-key>» for local development"""),
        ("c2m_xml", "jobs/address-list.xml", "xml", """
            <addressList>
              <addressListName>march-notices</addressListName>
              <addresses>
                <address><Firstname>«s:person-name:p1.first»</Firstname><Lastname>«s:person-name:p1.last»</Lastname>
                  <Address1>«street»</Address1><City>«city»</City><State>«state»</State><Zip>«zip»</Zip></address>
              </addresses>
            </addressList>
            <!-- generated by addresses.py at «k:commit» -->"""),
        ("csv", "data/mailing.csv", "csv", """
            name,address_line1,city,state,zip,email
            «s:person-name:p1.full»,«street»,«city»,«state»,«zip»,«s:email:p1.email»
            «k:=Jane Doe»,1 Example Way,Springfield,IL,62701,«k:=jane.doe@example.com»"""),
        ("webhook", "logs/webhooks.log", "text", """
            2026-03-14T16:20:03Z INFO  webhook letter.delivered ltr_«hex16» from «s:public-ip:public_ip» sig=ok
            2026-03-14T16:20:05Z WARN  webhook signature mismatch from «s:public-ip:public_ip_2»; rejecting
            2026-03-14T16:20:09Z INFO  health check from «k:=127.0.0.1» ok"""),
        ("docs", "docs/lob.md", "markdown", """
            Verify an address in test mode before sending a letter:

                curl https://api.lob.com/v1/us_verifications -u «k:=${LOB_API_KEY}»: \\
                  -d "recipient=«k:=Jane Doe»" -d "primary_line=1 Example Way" -d "zip_code=62701"

            Replies go to «k:=letters@example.com»; the SDK pins lob «k:semver»."""),
    ),
    "translation-agencies": (
        ("llm", "postedit/.env", "bash", """
            OPENAI_API_KEY=«s:openai-key:openai»
            ANTHROPIC_API_KEY=«s:anthropic-key:anthropic»
            HF_TOKEN=«s:huggingface-token:huggingface»
            «k:=MT_MAX_TOKENS=4096»
            POSTEDIT_GLOSSARY=glossaries/client-med.tbx"""),
        ("sftp", "notes/client-sftp.txt", "console", """
            $ cat ~/.ssh/client_sftp_ed25519
            «ssh_b»
            «s:openssh-private-key:openssh»
            «ssh_e»
            $ cat ~/.ssh/client_sftp_ed25519.pub
            «k:ssh_pub»"""),
        ("roster", "vendors/translators.yml", "yaml", """
            schema_version: «k:semver»
            translators:
              - name: «s:person-name:p1.full»
                email: «s:email:p1.email»
                pairs: [de-en, fr-en]
                rate_per_word: 0.11
                specialties: [medical, legal]"""),
        ("crowdin", "crowdin.yml", "yaml", """
            project_id: "«n6»"
            api_token: "«s:api-key:hex80»"
            # api_token_env: «k:=CROWDIN_PERSONAL_TOKEN»  (use this in CI instead)
            base_path: "."
            preserve_hierarchy: true
            files:
              - source: /locales/en/*.json
                translation: /locales/%two_letters_code%/%original_file_name%"""),
        ("gcp", "secrets/translate-sa.json", "json", """
            {
              "type": "service_account",
              "project_id": "mt-pipeline-«n6»",
              "private_key_id": "«s:gcp-key-id:hex40»",
              "private_key": "«pem_b»\\n«s:private-key:pem_ec_json»\\n«pem_e»\\n",
              "client_email": "translate-bot@mt-pipeline-«n6».iam.gserviceaccount.com",
              "client_id": "«n10»«n10_2»",
              "token_uri": "https://oauth2.googleapis.com/token"
            }"""),
        ("payout", "finance/payouts-2026-03.csv", "csv", """
            payee_name,iban,amount_eur,invoice,note
            «s:person-name:p1.full»,«s:iban:iban»,1240.50,INV-2026-0«n2»,
            «s:person-name:p2.full»,«k:iban_bad»,310.00,INV-2026-0«n2_2»,IBAN failed validation - asked to resend"""),
        ("tms", "notes/phrase-jobs.txt", "console", """
            $ curl -s -H "Authorization: token «s:api-key:hex64»" \\
                "https://api.phrase.com/v2/projects/«hex32»/jobs?per_page=1" | jq '.[0] | {uid, title, state, owner}'
            {
              "uid": "«k:uuid»",
              "title": "Patient leaflet v3 (DE>EN)",
              "state": "in_progress",
              "owner": {
                "name": "«s:person-name:p1.full»",
                "email": "«s:email:p1.work»"
              }
            }"""),
        ("readme", "README.md", "markdown", """
            ## Machine translation keys

            Set `DEEPL_AUTH_KEY` in `.env`; `.env.example` has `DEEPL_AUTH_KEY=«k:=<your-deepl-key>»`.
            The post-edit step reads `OPENAI_API_KEY=«k:=${OPENAI_API_KEY}»` from the environment. Never paste
            real `«k:=sk-...»` keys into tickets; rotate them if you do. Questions: «k:=l10n@example.org»."""),
        ("history", "notes/glossary-history.txt", "console", """
            $ git log --format='%H %s' -3 -- glossaries/
            «k:commit» glossary: add 2026 device terms (DE)
            «k:commit_2» glossary: fix casing of brand names
            «k:commit_3» tm: re-import client memory after cleanup"""),
    ),
    "pawn-shops-resale": (
        ("mapbox", "locator/.env.local", "bash", """
            NEXT_PUBLIC_MAPBOX_TOKEN=«k:mapbox_pk»
            MAPBOX_SECRET_TOKEN=«s:mapbox-secret-token:mapbox_sk»
            GITLAB_DEPLOY_TOKEN=«s:gitlab-token:gitlab»"""),
        ("card", "logs/layaway.log", "text", """
            2026-03-06 15:10:44 layaway L-«n4» payment card_number=«s:card-number:card» exp=09/28 amount=60.00 APPROVED
            2026-03-06 15:10:45 layaway L-«n4» receipt printed, order_id=«k:oid»
            2026-03-06 15:12:02 training mode: card_number=«k:test_card» amount=1.00 APPROVED"""),
        ("psql", "notes/intake-lookup.txt", "text", """
            pawnpos=# \\conninfo
            You are connected to database "pawnpos" as user "pos" on host "«k:=127.0.0.1»" at port "5432".
            pawnpos=# \\x on
            Expanded display is on.
            pawnpos=# SELECT * FROM intake WHERE ticket_no = 'T-«n5»';
            -[ RECORD 1 ]---+---------------------------
            ticket_no       | T-«n5»
            customer_name   | «s:person-name:p1.full»
            id_type         | state_drivers_license
            id_number       | «dl»
            ssn             | «s:ssn:ssn»
            item            | 14k gold chain, 22in, 18.3g
            loan_amount     | 240.00"""),
        ("csv", "exports/intake-week10.csv", "csv", """
            ticket,date,customer_name,item,ssn,offer
            T-«n5»,2026-03-05,«s:person-name:p1.full»,DeWalt DCD791 drill,«s:ssn:ssn_sp»,45.00
            T-«n5_2»,2026-03-05,(walk-in - declined),Xbox Series S,,0.00
            # pospro «k:quad» export"""),
        ("odbc", "PawnPOS/pos.ini", "ini", """
            [Database]
            Driver={ODBC Driver 18 for SQL Server}
            Server=«s:private-ip:private_ip»,1433
            Database=PawnMaster
            UID=posclient
            PWD=«s:password:pw_human»

            [Printer]
            Receipt=EPSON TM-T88VI

            [Updates]
            Channel=stable
            CurrentVersion=«k:quad»"""),
        ("xml", "reporting/upload.xml", "xml", """
            <Transaction>
              <TicketNumber>T-«n5»</TicketNumber>
              <Customer>
                <FirstName>«s:person-name:p1.first»</FirstName>
                <LastName>«s:person-name:p1.last»</LastName>
                <SSN>«s:ssn:ssn»</SSN>
                <IDNumber>«dl»</IDNumber>
              </Customer>
              <Item><Description>Apple iPhone 13 128GB</Description><Condition>B</Condition></Item>
              <SoftwareVersion>«k:quad»</SoftwareVersion>
            </Transaction>"""),
        ("ebay", "listings/.env", "bash", """
            EBAY_ENV=production
            EBAY_CLIENT_ID=GoldLeaf-Listings-PRD-«hex16»
            EBAY_CLIENT_SECRET=«s:client-secret:ebay_secret»
            EBAY_RU_NAME=GoldLeaf_Pawn-GoldLeaf-Listin-«n5»"""),
        ("pos_docs", "docs/terminal.md", "markdown", """
            ## Card terminal in training mode

            Run the terminal in training mode and use the processor's test card «k:test_card».
            Receipts print the order id (`order_id=«k:oid»`), which is not a card number.
            The sandbox token in `.env.sample` is a filler: `SQUARE_ACCESS_TOKEN=«k:square_fill»`."""),
        ("pos_version", "notes/pos-version.txt", "text", """
            C:\\PawnPOS> pospro --version
            pospro «k:quad»
            C:\\PawnPOS> pospro db check
            schema «k:semver» ok; last migration «k:commit»"""),
    ),
    "funeral-homes": (
        ("do", "notes/doctl.txt", "console", """
            $ cat ~/.config/doctl/config.yaml
            access-token: «s:digitalocean-token:digitalocean»
            context: default
            output: text
            $ doctl apps list --format ID,Spec.Name
            ID                                      Spec.Name
            «k:uuid»    obituary-cms"""),
        ("twilio", "notify/.env", "bash", """
            TWILIO_ACCOUNT_SID=AC«hex32»
            TWILIO_AUTH_TOKEN=«s:twilio-auth-token:hex32_2»
            TWILIO_FROM=+1541«n6»7
            SENDGRID_API_KEY=«s:sendgrid-key:sendgrid»
            TWILIO_STATUS_CALLBACK=«k:=${PUBLIC_URL}»/sms/status"""),
        ("case", "cases/2026-case.json", "json", """
            {
              "case_number": "2026-«n3»",
              "case_uuid": "«k:uuid»",
              "decedent_name": "«s:person-name:p1.full»",
              "date_of_death": "2026-03-01",
              "next_of_kin": {"name": "«s:person-name:p2.full»", "relationship": "daughter",
                              "email": "«s:email:p2.email»"},
              "service": {"type": "memorial", "date": "2026-03-08", "venue": "Chapel A"},
              "status": "arrangements_confirmed"
            }"""),
        ("wp", "obituaries/wp-config.php", "php", """
            /** Database settings for the obituary site */
            define( 'DB_NAME', 'obits' );
            define( 'DB_USER', 'obits_app' );
            define( 'DB_PASSWORD', '«s:password:pw_random»' );
            define( 'NONCE_SALT', '«s:signing-secret:salt»' );
            $table_prefix = 'wp_';
            // generated by wp-cli «k:semver»"""),
        ("mail", "mail/photos.eml", "text", """
            From: «s:person-name:p1.full» <«s:email:p1.email»>
            Message-ID: <«k:uuid»@mailer.postvale.net>
            To: arrangements@«dom»
            Subject: Photos for the slideshow

            Hello, the photos are attached. Thank you again, «k:p2.full» was so kind on the phone yesterday."""),
        ("obit", "obituaries/draft.html", "html", """
            <article class="obituary">
              <p>«p1.first», 84, of Millcreek passed away peacefully on March 1, surrounded by family. She
              taught piano for forty years. She is survived by her daughter «k:p2.full» and her son
              «k:p3.full», and by six grandchildren.</p>
              <p>A memorial service will be held on Saturday, March 8 at 11 a.m. in Chapel A.</p>
            </article>"""),
        ("netrc", "notes/vendor-portals.txt", "console", """
            $ cat ~/.netrc
            machine portal.everbloom-florists.com
              login «org»
              password «s:password:pw_human»
            machine sftp.heritage-caskets.com
              login «org»-orders
              password «s:password:pw_random»
            $ sudo cat /etc/nginx/.htpasswd-staging
            staff:«s:password-hash:bcrypt_y»
            $ git -C ~/obituaries rev-parse HEAD
            «k:commit»"""),
        ("csv", "exports/cases-march.csv", "csv", """
            case_no;decedent_name;nok_name;nok_relationship;status
            2026-«n3»;«s:person-name:p1.full»;«s:person-name:p2.full»;son;arranged
            # exported by funeralpro «k:quad»"""),
        ("netrc_example", "docs/netrc.example", "text", """
            # copy to ~/.netrc and chmod 600; the values below are placeholders
            machine portal.everbloom-florists.com
              login «k:=your-login»
              password «k:=<password>»
            # the upload script reads «k:=${FLORIST_PORTAL_PASSWORD}» instead when set"""),
    ),
    "tutoring-platforms": (
        ("redis", "worker/.env", "bash", """
            CELERY_BROKER_URL=redis://:«s:url-password:pw_url»@cache.internal.«dom»:6379/0
            CELERY_RESULT_BACKEND=«k:=${CELERY_BROKER_URL}»
            SLACK_BOT_TOKEN=«s:slack-token:slack»
            POSTHOG_PERSONAL_API_KEY=«s:posthog-personal-key:phx»
            POSTHOG_PROJECT_KEY=«k:phc»"""),
        ("stripe", "payouts/.env", "bash", """
            STRIPE_SECRET_KEY=«s:stripe-secret-key:rk_or_sk»
            STRIPE_PUBLISHABLE_KEY=«k:pk_live»
            PAYOUT_SCHEDULE=monthly
            PAYOUT_MIN_EUR=25"""),
        ("django", "tutoring/settings/production.py", "python", """
            from .base import *  # noqa: F403

            SECRET_KEY = "«s:signing-secret:django_key»"
            DEBUG = False
            SENTRY_RELEASE = "«k:commit»"
            DATABASES = {
                "default": {"ENGINE": "django.db.backends.postgresql", "HOST": "«s:private-ip:private_ip»",
                            "NAME": "tutoring", "USER": "tutoring", "PASSWORD": "«s:password:pw_human»"}
            }"""),
        ("fixture", "fixtures/tutor.json", "json", """
            [{"model": "accounts.user", "pk": «n4», "fields": {
                "password": "«s:password-hash:pbkdf2»",
                "last_login": "2026-03-10T18:22:04Z",
                "email": "«s:email:p1.email»",
                "first_name": "«s:person-name:p1.first»",
                "is_tutor": true,
                "public_id": "«k:uuid»"}}]"""),
        ("sepa", "payouts/tutors/tutor.yml", "yaml", """
            # payout schema «k:semver»
            tutor_id: t-«n4»
            payout:
              method: sepa
              account_holder_name: «s:person-name:p1.full»
              iban: «s:iban:iban»
              currency: EUR"""),
        ("session", "logs/sessions.log", "text", """
            17:59:58 INFO  sessions.join tutor=t-«n4» student=s-«n5» room=«room» request_id=«k:uuid»
            17:59:58 DEBUG GET /api/v2/sessions/«room»/join Authorization: Bearer «s:jwt:jwt»
            17:59:59 INFO  video room «room» participants=2 region=eu-central"""),
        ("agora", "video/config.py", "python", """
            import os

            AGORA_APP_ID = os.environ.get("AGORA_APP_ID", "«hex32»")
            AGORA_APP_CERTIFICATE = os.environ.get("AGORA_APP_CERTIFICATE", "«s:signing-secret:hex32_2»")
            TOKEN_TTL_SECONDS = 3600
            # sample env for contributors: AGORA_APP_CERTIFICATE=«k:=<your-app-certificate>»"""),
        ("docs", "docs/local-dev.md", "markdown", """
            ### Payments in development

            Use Stripe's test card `«k:test_card»` with any future expiry. Put `STRIPE_SECRET_KEY=«k:=sk_test_xxxxxxxx»`
            in `.env.local` only after creating a restricted test key; the sample value is a placeholder.
            Payout changes need a review from the payments owners (see «k:commit»)."""),
        ("drone", ".drone.yml", "yaml", """
            kind: pipeline
            name: payouts
            steps:
              - name: test
                image: python:«k:=3.12-slim»
                environment:
                  STRIPE_SECRET_KEY:
                    from_secret: «k:=stripe_secret_key»
                  DATABASE_URL: «k:=${DATABASE_URL}»"""),
    ),
    "data-brokers-enrichment": (
        ("pypi", "notes/release.txt", "console", """
            $ cat ~/.pypirc
            [distutils]
            index-servers = pypi

            [pypi]
            username = __token__
            password = «s:pypi-token:pypi»
            $ twine upload dist/leadlattice_client-«k:semver»*"""),
        ("gmaps", "web/src/config.ts", "typescript", """
            export const config = {
              googleMapsApiKey: "«s:google-api-key:google»",
              posthogKey: "«k:phc»",
              posthogHost: "https://eu.i.posthog.com",
            };"""),
        ("clearbit", "notes/enrich-one.txt", "console", """
            $ curl -s 'https://person.clearbit.com/v2/people/find?email=«s:email:p1.email»' -u «s:api-key:clearbit_key»:
            {
              "id": "«k:uuid»",
              "name": {"fullName": "«s:person-name:p1.full»"},
              "employment": {"title": "Head of Finance", "seniority": "executive"}
            }"""),
        ("apollo", "enrich/apollo.py", "python", """
            import requests

            APOLLO_API_KEY = "«s:api-key:apollo_key»"  # README example: APOLLO_API_KEY=«k:=<your-apollo-key>»
            MATCH_URL = "https://api.apollo.io/api/v1/people/match"


            def match(person: dict) -> dict:
                return requests.post(MATCH_URL, headers={"X-Api-Key": APOLLO_API_KEY}, json=person).json()"""),
        ("pdl", "notes/pdl-enrich.txt", "console", """
            $ export PDL_API_KEY=«s:api-key:hex64»
            $ curl -s -G https://api.peopledatalabs.com/v5/person/enrich -H "X-Api-Key: $PDL_API_KEY" \\
                -H "X-Request-Id: «k:uuid»" \\
                --data-urlencode "email=«s:email:p1.email»" | jq '.data | {full_name, job_title}'
            {
              "full_name": "«s:person-name:p1.full»",
              "job_title": "procurement manager"
            }"""),
        ("csv", "out/enriched-leads.csv", "csv", """
            full_name,email,title,company,source
            «s:person-name:p1.full»,«s:email:p1.email»,VP Operations,Harrowgate Foods,apollo"""),
        ("snowflake", ".snowflake/connections.toml", "toml", """
            [connections.enrichment]
            account = "«snow_acct»"
            user = "ENRICH_SVC"
            password = "«s:password:pw_random»"
            warehouse = "ENRICH_WH"
            # key-pair auth is next; already run:
            # ALTER USER ENRICH_SVC SET RSA_PUBLIC_KEY='«k:rsa_public»';"""),
        ("docs", "docs/api.md", "markdown", """
            ### Example

                curl -X POST https://api.«dom»/v1/enrich \\
                  -H "Authorization: Bearer «k:=<YOUR_API_KEY>»" \\
                  -d '{"email": "«k:=jane.doe@example.com»"}'

            Response:

                {"name": "«k:=Jane Doe»", "email": "«k:=jane.doe@example.com»", "match": 0.92}"""),
    ),
    "iot-fleet-cameras": (
        ("alerts", "uploader/settings.py", "python", """
            TELEGRAM_TOKEN = "«s:telegram-bot-token:telegram»"
            AWS_ACCESS_KEY_ID = "«s:aws-access-key:aws_key»"
            AWS_SECRET_ACCESS_KEY = "«s:aws-secret-key:aws_secret»"
            CLIP_BUCKET = "fleet-clips-«n4»"
            UPLOADER_VERSION = "«k:semver»"
            """),
        ("cert", "notes/provision.txt", "console", """
            $ cat certs/dashcam-«n4».private.key
            «rsa_b»
            «s:private-key:pem_rsa»
            «rsa_e»
            $ openssl x509 -noout -fingerprint -sha256 -in certs/dashcam-«n4».cert.pem
            sha256 Fingerprint=«k:fp»"""),
        ("rtsp", "notes/pull-clip.txt", "console", """
            $ ffmpeg -rtsp_transport tcp -i "rtsp://admin:«s:url-password:pw_url»@«s:private-ip:private_ip»:554/ch1" \\
                -t 30 -c copy clip_«n3».mp4
            Input #0, rtsp, from 'rtsp://admin:«s:url-password:pw_url»@«s:private-ip:private_ip»:554/ch1':
              Duration: N/A, start: 0.080000, bitrate: N/A
            ffmpeg version «k:semver» (the cameras' test stream is at rtsp://«k:=127.0.0.1»:8554/test)"""),
        ("fleet", "notes/drivers.txt", "console", """
            $ curl -s -H "Authorization: Bearer «s:bearer-token:fleet_token»" "https://api.«dom»/v1/drivers?limit=1"
            {"data": [{"id": "«n6»", "name": "«s:person-name:p1.full»", "phone": "+1541«n6_2»7", "vehicleId": "«n4»"}],
             "pagination": {"hasNextPage": false}, "requestId": "«k:uuid»"}"""),
        ("mosq", "provision/add-camera.sh", "bash", """
            #!/bin/sh
            set -eu
            # one MQTT user per camera; the firmware reads it from /data/mqtt.conf
            mosquitto_passwd -b /etc/mosquitto/passwd cam-«n3» «s:cli-password:pw_any»
            systemctl reload mosquitto
            echo "cam-«n3» added (broker «k:=127.0.0.1»:1883)"
            """),
        ("router", "configs/yard-gw.cfg", "text", """
            hostname yard-gw-«n2»
            !
            enable secret 9 «s:password-hash:cisco9»
            username fleetadmin privilege 15 password 7 «s:cisco-type7:cisco7»
            !
            interface GigabitEthernet0/1
             ip address «s:private-ip:private_ip» «k:=255.255.255.0»
            !
            ntp server «k:=192.0.2.123»
            line vty 0 4
             login local
             transport input ssh"""),
        ("ipaddr", "notes/gw-addr.txt", "console", """
            $ ip -4 addr show
            1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
                inet «k:=127.0.0.1»/8 scope host lo
            2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000
                inet «s:private-ip:private_ip»/24 brd «k:brd» scope global eth0
            3: wwan0: <POINTOPOINT,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UNKNOWN group default qlen 1000
                inet «s:private-ip:cgnat_ip»/30 scope global wwan0"""),
        ("wg", "etc/wireguard/wg0.conf", "ini", """
            [Interface]
            Address = «s:private-ip:wg_addr»/32
            PrivateKey = «s:wireguard-private-key:wg_private»
            ListenPort = 51820

            [Peer]
            PublicKey = «k:wg_public»
            Endpoint = «s:public-ip:public_ip»:51820
            AllowedIPs = «k:wg_allowed»
            PersistentKeepalive = 25"""),
        ("firmware", "notes/device.txt", "console", """
            $ fleetctl device show DW«up10»
            Serial ............ DW«up10»
            Model ............. DW-«n3»
            Firmware Version .. «k:quad»
            Last seen ......... 2026-03-13T04:11:52Z
            SSH host key ...... «k:host_key»"""),
    ),
    "legal-aid-intake": (
        ("gh", "notes/gh-status.txt", "console", """
            $ gh auth status --show-token
            github.com
              - Logged in to github.com account intake-bot (keyring)
              - Git operations protocol: ssh
              - Token: «s:github-token:github»
            $ git remote -v
            origin«tab»«k:=git@github.com»:«org»/intake-forms.git (fetch)"""),
        ("slack", "notify/settings.py", "python", """
            import os

            SLACK_BOT_TOKEN = os.getenv("SLACK_BOT_TOKEN", "«s:slack-token:slack»")
            SLACK_CHANNEL = "#intake-alerts"
            # CI passes the token in: «k:=${{ secrets.SLACK_BOT_TOKEN }}»"""),
        ("json", "intake/submission.json", "json", """
            {
              "intake_id": "«k:uuid»",
              "client": {
                "email": "«s:email:p1.email»",
                "tax_id_type": "ssn",
                "tax_id": "«s:ssn:ssn_bare»"
              },
              "matter": "eviction",
              "household_size": 3
            }"""),
        ("clio", "intake/.env", "bash", """
            CLIO_CLIENT_ID=«token»
            CLIO_CLIENT_SECRET=«s:client-secret:token_2»
            CLIO_REDIRECT_URI=https://intake.«dom»/oauth/callback
            LEGALSERVER_API_KEY=«s:api-key:token48»
            SENTRY_RELEASE=«k:commit»"""),
        ("psql", "notes/case-lookup.txt", "text", """
            legalaid=> \\conninfo
            You are connected to database "legalaid" as user "intake" on host "«k:=127.0.0.1»" at port "5432".
            legalaid=> \\x
            Expanded display is on.
            legalaid=> SELECT case_id, full_name, caseworker_name, problem_code FROM cases WHERE case_id = «n5»;
            -[ RECORD 1 ]---+-------------------------------
            case_id         | «n5»
            full_name       | «s:person-name:p1.full»
            caseworker_name | «s:person-name:p2.full»
            problem_code    | 63 Private Landlord/Tenant"""),
        ("esign", "cases/retainer-audit.txt", "text", """
            Envelope «uuid» - Retainer agreement (limited scope)
            Signer: «s:person-name:p1.full» <«s:email:p1.email»>
              Signed 2026-03-09 14:22:10 UTC (audit id «k:uuid_2»)
            Witness: «s:person-name:p2.full»
            Document SHA-256: «k:sha256»"""),
        ("docassemble", "docassemble/config.yml", "yaml", """
            secretkey: «s:signing-secret:token48»
            db:
              prefix: postgresql+psycopg2://
              name: docassemble
              user: docassemble
              password: «s:password:pw_dotted»
              host: «s:private-ip:private_ip»
            mail:
              default sender: '"Intake" <«k:nr»>'"""),
        ("notes", "intake/phone-screen.txt", "text", """
            INTAKE NOTES (phone screen, 2026-03-11)
            Client: «s:person-name:p1.full» <«s:email:p1.email»>
            Social Security Number:
            «s:ssn:ssn»
            Household size: 3   Monthly income: $1,850   Conflict check: clear"""),
        ("template", "intake/templates/example.json", "json", """
            {
              "client": {
                "first_name": "Jane",
                "full_name": "«k:=Jane Doe»",
                "email": "«k:=jane.doe@example.com»",
                "ssn": "«k:=***-**-****»"
              },
              "api_key": "«k:=<your-api-key>»"
            }"""),
    ),
}
# fmt: on


_DOCS_PER_SETTING = 26
_FENCE_INTROS = ("Here is the file as it stands:", "Output:", "This is what came back:", "Current contents:")


_ESCAPED: dict[str, str] = {}


def _escape(ch: str) -> str:
    """A character as ``json.dumps`` writes it inside a string (each character apart, so offsets map)."""
    if ch not in _ESCAPED:
        _ESCAPED[ch] = json.dumps(ch)[1:-1]
    return _ESCAPED[ch]


def _deliver(frag: _Frag, delivery: str, g: _Gen) -> tuple[str, list[int], list[int]]:
    """The text as delivered, and where each raw character starts and where the text before it ends."""
    raw = frag.text
    lines = raw[:-1].split("\n")
    head, tail = "", ""
    prefixes: list[str] | None = None
    if delivery == "json":
        head = '{"type":"tool_result","tool_use_id":"toolu_01' + g.token(22) + '","content":"'
        tail = '"}\n'
    elif delivery == "diff":
        head = (
            f"diff --git a/{frag.path} b/{frag.path}\nnew file mode 100644\nindex 0000000..{g.hexs(7)}\n"
            f"--- /dev/null\n+++ b/{frag.path}\n@@ -0,0 +1,{len(lines)} @@\n"
        )
        prefixes = ["+"] * len(lines)
    elif delivery == "numbered":
        start = g.r.choice([1, 1, 1, g.r.randint(20, 300)])
        arrow = g.r.random() < 0.6
        prefixes = [f"{start + i:>6}\u2192" if arrow else f"{start + i}\t" for i in range(len(lines))]
    elif delivery == "cilog":
        t = g.r.randint(0, 80000) * 10_000_000
        prefixes = []
        for _ in lines:
            t += g.r.randint(1, 900000)
            s, frac = divmod(t, 10_000_000)
            prefixes.append(
                f"2026-03-{14 + s // 86400:02d}T{s // 3600 % 24:02d}:{s // 60 % 60:02d}:{s % 60:02d}.{frac:07d}Z "
            )
    elif delivery == "fence":
        head = f"{g.pick(_FENCE_INTROS)}\n\n```{frag.lang}\n"
        tail = "```\n"
    out = [head]
    n = len(head)
    starts = [0] * (len(raw) + 1)
    ends = [0] * (len(raw) + 1)
    line = 0
    at_start = True
    for i, ch in enumerate(raw):
        ends[i] = n
        if prefixes is not None and at_start and line < len(prefixes):
            out.append(prefixes[line])
            n += len(prefixes[line])
            line += 1
        starts[i] = n
        piece = _escape(ch) if delivery == "json" else ch
        out.append(piece)
        n += len(piece)
        at_start = ch == "\n"
    starts[len(raw)] = ends[len(raw)] = n
    out.append(tail)
    return "".join(out), starts, ends


def _document(name: str, setting: str, delivery: str, frag: _Frag, g: _Gen) -> Document:
    text, starts, ends = _deliver(frag, delivery, g)
    secrets: list[Secret] = []
    keeps: list[Keep] = []
    for kind, cls, a, b in frag.spans:
        lo, hi = starts[a], ends[b]
        if kind == "s":
            secrets.append(Secret(cls, text[lo:hi], lo))
        else:
            keeps.append(Keep(text[lo:hi], lo))
    doc = Document(name, setting, delivery, text, tuple(secrets), tuple(keeps))
    _check(doc)
    return doc


def _blank(doc: Document, fill: Callable[[Secret], str]) -> str:
    out, last = [], 0
    for s in sorted(doc.secrets, key=lambda s: s.offset):
        out.append(doc.text[last : s.offset])
        out.append(fill(s))
        last = s.offset + len(s.text)
    out.append(doc.text[last:])
    return "".join(out)


def _check(doc: Document) -> None:
    """Labels don't overlap, every copy of a secret is labelled, and blanking the secrets keeps every keep."""
    spans = sorted(
        [(s.offset, s.offset + len(s.text)) for s in doc.secrets]
        + [(k.offset, k.offset + len(k.text)) for k in doc.keeps]
    )
    for (_, b), (c, _) in itertools.pairwise(spans):
        if c < b:
            raise ValueError(f"overlapping labels in {doc.name}")
    blanked = _blank(doc, lambda s: "#" * len(s.text))
    for s in doc.secrets:
        if s.text in blanked:
            raise ValueError(f"an unlabelled copy of a {s.cls} in {doc.name}")
    for k in doc.keeps:
        if blanked.count(k.text) < doc.text.count(k.text):
            raise ValueError(f"a keep overlaps a secret in {doc.name}")


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """The part's documents, drawn afresh from ``seed``: the same seed gives the same documents."""
    rng = random.Random(seed)
    docs: list[Document] = []
    for si, setting in enumerate(SETTINGS):
        g = _Gen(rng, setting)
        templates = _TEMPLATES[setting]
        for i in range(_DOCS_PER_SETTING):
            short, path, lang, text = templates[i % len(templates)]
            delivery = DELIVERIES[(i + si) % len(DELIVERIES)]
            docs.append(
                _document(f"{setting}/{i:02d}-{short}", setting, delivery, g.fill(path, lang, text), g)
            )
    return docs


def corpus_digest(docs: Sequence[Document]) -> str:
    """sha256 over a canonical JSON of the documents, their labels and deliveries."""
    canon = [
        {
            "name": d.name,
            "setting": d.setting,
            "delivery": d.delivery,
            "text": d.text,
            "secrets": [[s.cls, s.text, s.offset] for s in d.secrets],
            "keeps": [[k.text, k.offset] for k in d.keeps],
        }
        for d in docs
    ]
    blob = json.dumps(canon, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(blob.encode()).hexdigest()


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def measure_documents(docs: Sequence[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregates only: how many secrets went (and went whole), over all and over vendors' tokens, and keeps kept.

    A secret is removed when its text is no longer in the output; removed with no fragment when, in addition, no
    6-character window of it is in the output that is not also in the output of scrubbing the text with every
    secret replaced by as many "x"s. A keep is kept when the output holds at least as many copies of it as the input.
    """
    total = removed = whole = vendor = vendor_removed = spans = kept = 0
    for doc in docs:
        out = scrub(doc.text)
        base = scrub(_blank(doc, lambda s: "x" * len(s.text))) if doc.secrets else ""
        for s in doc.secrets:
            total += 1
            is_vendor = s.cls in VENDOR_CLASSES
            vendor += is_vendor
            if s.text in out:
                continue
            removed += 1
            vendor_removed += is_vendor
            w = min(6, len(s.text))
            windows = {s.text[i : i + w] for i in range(len(s.text) - w + 1)}
            if not any(x in out and x not in base for x in windows):
                whole += 1
        for k in doc.keeps:
            spans += 1
            kept += out.count(k.text) >= doc.text.count(k.text)
    return {
        "secrets": float(total),
        "recall": _ratio(removed, total),
        "recall_no_fragment": _ratio(whole, total),
        "vendor_prefix_recall": _ratio(vendor_removed, vendor),
        "keep_rate": _ratio(kept, spans),
        "spans": float(spans),
    }


def measure_held_back() -> dict[str, float]:
    """The real scrubber's figures on this part (imported here, never at import time)."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
