"""The thirty-first held-back scrub corpus.

Its twelve settings: DNS registrars and domain portfolios (registrar APIs, WHOIS contact exports, transfer
auth codes); VPN and zero-trust access (Tailscale ACLs, Cloudflare Access, Zscaler, WireGuard peers, client
configs); mobile push and in-app messaging (FCM server keys, APNs auth keys, OneSignal, Braze); video game
modding and launchers (mod manager configs, launcher logs, account tokens); insurance brokerage quoting
(carrier APIs, applicant exports, policyholder lists); research data repositories (Dataverse, Figshare, OSF
tokens, depositor records); print shops and web-to-print (order exports, printer queues, vendor keys); alumni
and fundraising CRMs (Raiser's Edge, Blackbaud, gift exports); password-protected archives and backups in
shell history (zip -P, 7z -p, gpg --passphrase, openssl enc -k); CI secrets in config-as-code for smaller CIs
(Drone, Buildkite, Semaphore, Concourse); hospital staffing and scheduling (shift rosters, nurse registries,
on-call exports); K-12 student information systems (PowerSchool, Infinite Campus, guardian contacts, roster
syncs).

Labels follow the scrubber's published policy alone: what it says goes is a secret, what it says stays (and
look-alikes that hold nothing) is a keep, and what it leaves open is not labelled. Every fake is drawn from a
seeded ``random.Random`` and valid for its format (checksums, layouts, published prefixes). Each document is
delivered one of six ways (plain, a JSON transcript line, a diff's added lines, numbered lines, CI log lines, a
Markdown fence), labels standing as delivered. The measure reports aggregates only, never a value.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
import string
import zlib
from collections.abc import Callable, Iterable

import attrs

DEFAULT_SEED = 20261231


@attrs.frozen
class Secret:
    """A value the policy says goes, with its offset into the delivered text."""

    cls: str
    text: str
    offset: int


@attrs.frozen
class Keep:
    """A value the policy says stays (or a look-alike holding nothing)."""

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
    "dns-registrars",
    "vpn-zero-trust",
    "mobile-push",
    "game-modding",
    "insurance-quoting",
    "research-repositories",
    "web-to-print",
    "alumni-fundraising",
    "archive-passwords",
    "small-ci-secrets",
    "hospital-staffing",
    "k12-sis",
)
DELIVERIES = ("plain", "json", "diff", "numbered", "cilog", "fence")

# Published prefixes, built by concatenation so no token shape stands in the source.
VENDOR_PREFIXES: dict[str, str] = {
    "github-token": "gh" + "p_",
    "github-oauth-token": "gh" + "o_",
    "npm-token": "np" + "m_",
    "gitlab-token": "gl" + "pat-",
    "slack-token": "xo" + "xb-",
    "stripe-secret-key": "sk" + "_live_",
    "aws-access-key": "AK" + "IA",
    "google-api-key": "AI" + "za",
    "fcm-server-key": "AA" + "AA",
    "sendgrid-key": "S" + "G.",
    "tailscale-key": "tskey" + "-auth-",
    "digitalocean-token": "dop" + "_v1_",
    "buildkite-token": "bk" + "ua_",
    "vault-token": "hv" + "s.",
    "shopify-token": "shp" + "at_",
    "pypi-token": "pyp" + "i-" + "AgEIcHlwaS5vcmc",
}
VENDOR_CLASSES: frozenset[str] = frozenset(VENDOR_PREFIXES)
CLASSES: frozenset[str] = VENDOR_CLASSES | frozenset(
    {
        "password",
        "api-key",
        "secret",
        "token",
        "email",
        "person-name",
        "phone",
        "card-number",
        "iban",
        "ssn",
        "private-key",
        "openssh-key",
        "jwt",
        "recovery-phrase",
        "wireguard-key",
        "ip-address",
        "aws-secret-key",
        "basic-auth",
        "session-cookie",
        "transfer-code",
        "password-hash",
        "db-password",
        "archive-password",
        "passphrase",
        "home-user",
        "tsig-secret",
        "refresh-token",
        "client-secret",
    }
)

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

_B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
_B64URL = string.ascii_letters + string.digits + "-_"
_HEX = "0123456789abcdef"
_IBAN_LENGTHS = {"DE": 22, "GB": 22, "NL": 18, "FR": 27, "ES": 24}


# ---------------------------------------------------------------- format checks


def luhn_ok(number: str) -> bool:
    """Card numbers carry the Luhn check digit."""
    if any(c not in "0123456789 -" for c in number):
        return False
    digits = [int(c) for c in number if c.isdigit()]
    if not 12 <= len(digits) <= 19:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban_ok(value: str) -> bool:
    """An IBAN has its country's length and passes mod 97."""
    t = value.replace(" ", "")
    if len(t) < 5 or _IBAN_LENGTHS.get(t[:2]) != len(t) or not t.isalnum() or not t[2:4].isdigit():
        return False
    moved = t[4:] + t[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _b62_fixed(n: int, width: int) -> str:
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = _B62[r] + out
    return out.rjust(width, "0")


def crc_token_ok(token: str, prefix: str) -> bool:
    """GitHub's and npm's tokens end in a base62 CRC32 of their 30 random characters."""
    if not token.startswith(prefix):
        return False
    body = token[len(prefix) :]
    if len(body) != 36 or any(c not in _B62 for c in body):
        return False
    return body[30:] == _b62_fixed(zlib.crc32(body[:30].encode()), 6)


def ssn_ok(value: str) -> bool:
    """A social security number inside the issued ranges."""
    m = re.fullmatch(r"(\d{3})-(\d{2})-(\d{4})", value)
    if not m:
        return False
    area, group, serial = (int(x) for x in m.groups())
    return area not in (0, 666) and area < 900 and group != 0 and serial != 0


def bip39_ok(phrase: str) -> bool:
    """A recovery phrase over the list's head whose last bits are its SHA-256 checksum."""
    words = phrase.split()
    if len(words) not in (12, 15, 18, 21, 24) or any(w not in BIP39_HEAD for w in words):
        return False
    bits = "".join(format(BIP39_HEAD.index(w), "011b") for w in words)
    cs_len = len(bits) // 33
    ent = bits[: len(bits) - cs_len]
    data = int(ent, 2).to_bytes(len(ent) // 8, "big")
    digest = format(hashlib.sha256(data).digest()[0], "08b")
    return bits[len(ent) :] == digest[:cs_len]


# ---------------------------------------------------------------- fakes

_FIRST = [
    "Ingrid",
    "Tomasz",
    "Leilani",
    "Osvaldo",
    "Priyanka",
    "Desmond",
    "Annika",
    "Rafferty",
    "Marisol",
    "Benedikt",
    "Yusra",
    "Cormac",
    "Henrike",
    "Thaddeus",
    "Oluwaseun",
    "Margaux",
    "Evander",
    "Saoirse",
    "Kenji",
    "Ximena",
    "Lorcan",
    "Dagny",
    "Ezequiel",
    "Rosalind",
    "Ansel",
    "Mirela",
]
_LAST = [
    "Vandermeer",
    "Okonkwo",
    "Brightwater",
    "Castellanos",
    "Lindqvist",
    "Ferreira",
    "Halvorsen",
    "Nakashima",
    "Abernathy",
    "Wojcik",
    "Delacroix",
    "Tremblay",
    "Ostrowski",
    "Achterberg",
    "Fitzwilliam",
    "Quintero",
    "Szabo",
    "Rasmussen",
    "Petrakis",
    "Mbeki",
    "Kowalczyk",
]
_DOMAINS = (
    "quillmere.net",
    "harborlight.io",
    "ferncastle.org",
    "tidewell.co",
    "brambleport.com",
    "oakhollow-health.org",
    "lanternbay.edu",
    "mossgrove.dev",
)
_PUBLIC_FIRST = (23, 34, 45, 52, 63, 81, 91, 104, 139, 151, 178, 185, 212)


class _Fakes:
    """Fake values valid for their formats, all drawn from one seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self.turns: dict[tuple[str, ...], int] = {}

    def cycle(self, seq: tuple[str, ...]) -> str:
        n = self.turns.get(seq, 0)
        self.turns[seq] = n + 1
        return seq[n % len(seq)]

    def pick(self, seq: tuple[str, ...] | list[str] | str) -> str:
        return self.r.choice(seq)

    def chars(self, alphabet: str, n: int) -> str:
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def b62(self, n: int) -> str:
        return self.chars(_B62, n)

    def hexs(self, n: int) -> str:
        return self.chars(_HEX, n)

    def digits(self, n: int) -> str:
        return self.chars(string.digits, n)

    def b64(self, nbytes: int) -> str:
        return base64.b64encode(self.r.randbytes(nbytes)).decode()

    def b64url(self, n: int) -> str:
        return self.chars(_B64URL, n)

    def num(self, lo: int, hi: int) -> int:
        return self.r.randint(lo, hi)

    def person(self) -> str:
        return f"{self.pick(_FIRST)} {self.pick(_LAST)}"

    def email(self, name: str | None = None) -> str:
        name = name or self.person()
        first, last = name.lower().split()
        local = self.pick([f"{first}.{last}", f"{first[0]}{last}", f"{first}_{last[:4]}{self.num(2, 99)}"])
        return local + "@" + self.pick(_DOMAINS)

    def phone(self) -> str:
        a, b, c = self.num(201, 989), self.num(210, 989), self.num(1000, 9999)
        return self.pick([f"({a}) {b}-{c}", f"+1 {a} {b} {c}", f"{a}-{b}-{c}", f"+1{a}{b}{c}"])

    def user(self) -> str:
        return self.pick(_FIRST).lower()[:1] + self.pick(_LAST).lower()

    def password(self) -> str:
        w = ["Falcon", "Maple", "Orbit", "Juniper", "Copper", "Velvet", "Harbor", "Quartz", "Ember", "Tundra"]
        if self.r.random() < 0.5:
            return f"{self.pick(w)}{self.pick('.!#-_+')}{self.pick(w).lower()}{self.num(10, 9999)}"
        return self.chars(string.ascii_letters + string.digits + "!#%^*-_+", self.num(14, 22)) + self.b62(2)

    def url_password(self) -> str:
        return self.b62(self.num(14, 20))

    def ip_private(self) -> str:
        kind = self.num(0, 2)
        if kind == 0:
            return f"10.{self.num(1, 254)}.{self.num(1, 254)}.{self.num(2, 253)}"
        if kind == 1:
            return f"172.{self.num(16, 31)}.{self.num(1, 254)}.{self.num(2, 253)}"
        return f"192.168.{self.num(2, 254)}.{self.num(2, 253)}"

    def ip_cgnat(self) -> str:
        return f"100.{self.num(64, 127)}.{self.num(1, 254)}.{self.num(2, 253)}"

    def ip_public(self) -> str:
        return f"{self.r.choice(_PUBLIC_FIRST)}.{self.num(11, 250)}.{self.num(11, 250)}.{self.num(11, 250)}"

    def uuid(self) -> str:
        h = self.hexs(32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{self.pick('89ab')}{h[17:20]}-{h[20:]}"

    def card(self) -> str:
        prefix, length = self.r.choice([("4", 16), ("51", 16), ("55", 16), ("37", 15), ("6011", 16)])
        body = prefix + self.digits(length - len(prefix) - 1)
        for check in string.digits:
            if luhn_ok(body + check):
                full = body + check
                break
        if self.r.random() < 0.5 or length == 15:
            return full
        return " ".join(full[i : i + 4] for i in range(0, 16, 4))

    def iban(self, grouped: bool | None = None) -> str:
        country = self.pick(["DE", "GB", "NL"])
        if country == "DE":
            bban = self.digits(18)
        elif country == "GB":
            bban = self.chars(string.ascii_uppercase, 4) + self.digits(14)
        else:
            bban = self.chars(string.ascii_uppercase, 4) + self.digits(10)
        numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
        check = 98 - int(numeric) % 97
        iban = f"{country}{check:02d}{bban}"
        if grouped if grouped is not None else self.r.random() < 0.5:
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban

    def ssn(self) -> str:
        area = self.r.choice([a for a in range(1, 900) if a != 666])
        return f"{area:03d}-{self.num(1, 99):02d}-{self.num(1, 9999):04d}"

    def jwt(self, payload: dict[str, object] | None = None) -> str:
        def enc(b: bytes) -> str:
            return base64.urlsafe_b64encode(b).decode().rstrip("=")

        header = json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode()
        body = payload or {
            "sub": self.uuid(),
            "iat": 1790000000 + self.num(0, 9999999),
            "scope": "read write",
        }
        return ".".join(
            [enc(header), enc(json.dumps(body, separators=(",", ":")).encode()), enc(self.r.randbytes(32))]
        )

    def pem(self, label: str) -> str:
        size = self.num(300, 900)
        der = bytes([0x30, 0x82, size >> 8, size & 0xFF]) + self.r.randbytes(size)
        body = base64.b64encode(der).decode()
        lines = [body[i : i + 64] for i in range(0, len(body), 64)]
        return "\n".join(["-----BEGIN " + label + "-----", *lines, "-----END " + label + "-----"])

    def openssh(self) -> str:
        raw = b"openssh-key-v1\x00" + self.r.randbytes(self.num(360, 420))
        body = base64.b64encode(raw).decode()
        lines = [body[i : i + 70] for i in range(0, len(body), 70)]
        return "\n".join(["-----BEGIN OPENSSH PRIVATE KEY-----", *lines, "-----END OPENSSH PRIVATE KEY-----"])

    def ssh_public(self) -> str:
        blob = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20" + self.r.randbytes(32)
        return "ssh-ed25519 " + base64.b64encode(blob).decode()

    def bip39(self) -> str:
        idx = [self.num(0, 127) for _ in range(11)]
        last_ent = self.num(0, 7)
        bits = "".join(format(i, "011b") for i in idx) + format(last_ent, "07b")
        data = int(bits, 2).to_bytes(16, "big")
        cs = hashlib.sha256(data).digest()[0] >> 4
        idx.append((last_ent << 4) | cs)
        return " ".join(BIP39_HEAD[i] for i in idx)

    def wg(self) -> str:
        return base64.b64encode(self.r.randbytes(32)).decode()

    def crc_token(self, prefix: str) -> str:
        rnd = self.b62(30)
        return prefix + rnd + _b62_fixed(zlib.crc32(rnd.encode()), 6)

    def vendor(self, cls: str) -> str:
        p = VENDOR_PREFIXES[cls]
        if cls in ("github-token", "github-oauth-token", "npm-token"):
            return self.crc_token(p)
        tails: dict[str, Callable[[], str]] = {
            "gitlab-token": lambda: self.b64url(20),
            "slack-token": lambda: f"{self.digits(11)}-{self.digits(13)}-{self.b62(24)}",
            "stripe-secret-key": lambda: self.b62(24),
            "aws-access-key": lambda: self.chars(string.ascii_uppercase + "234567", 16),
            "google-api-key": lambda: self.b64url(35),
            "fcm-server-key": lambda: self.b64url(7) + ":APA91b" + self.b64url(134),
            "sendgrid-key": lambda: self.b64url(22) + "." + self.b64url(43),
            "tailscale-key": lambda: "k" + self.b62(11) + "CNTRL-" + self.b62(32),
            "digitalocean-token": lambda: self.hexs(64),
            "buildkite-token": lambda: self.hexs(40),
            "vault-token": lambda: self.b62(91),
            "shopify-token": lambda: self.hexs(32),
            "pypi-token": lambda: self.b64url(self.num(140, 170)),
        }
        return p + tails[cls]()

    def aws_secret(self) -> str:
        return self.chars(string.ascii_letters + string.digits + "/+", 40)


# ---------------------------------------------------------------- documents

_Raw = tuple[str, list[tuple[str, str]], list[str]]
_Kind = Callable[[_Fakes], _Raw]

_AWS_DOC_KEY = "AK" + "IA" + "IOSFODNN7" + "EXAMPLE"
_GH_FILLER = "gh" + "p_" + "x" * 36
_TEST_CARD = " ".join(["4242"] * 4)
_BORG_REPO = "ssh://borg" + "@" + "backup.mossgrove.dev/./repo"
_SFTP_DEST = "rosters" + "@" + "sftp.lmsvendor.example"
_DOC_IPS = ("192.0.2.10", "198.51.100.7", "203.0.113.25")


def _ts(g: _Fakes) -> str:
    return f"2026-{g.num(1, 11):02d}-{g.num(10, 28)}T{g.num(10, 23)}:{g.num(10, 59)}:{g.num(10, 59)}Z"


def _home(g: _Fakes, user: str) -> str:
    return g.pick([f"/home/{user}", f"/Users/{user}"])


# -- 1. DNS registrars


def _dns_env(g: _Fakes) -> _Raw:
    k1, k2 = "pk1_" + g.hexs(64), "sk1_" + g.hexs(64)
    cf = g.b64url(40)
    v = ("porkbun", "cloudflare", "digitalocean").index(g.cycle(("porkbun", "cloudflare", "digitalocean")))
    if v == 2:
        tok = g.vendor("digitalocean-token")
        text = (
            "# ~/.secrets/certbot/digitalocean.ini\n"
            f"dns_digitalocean_token = {tok}\n\n"
            "$ certbot certonly --dns-digitalocean --dns-digitalocean-credentials ~/.secrets/certbot/digitalocean.ini"
            " -d shop.example\n"
        )
        return text, [("digitalocean-token", tok)], ["--dns-digitalocean-credentials"]
    if v == 0:
        text = (
            "# certbot-dns-porkbun credentials, renewed by cron\n"
            f"PORKBUN_API_KEY={k1}\nPORKBUN_SECRET_API_KEY={k2}\n"
            "PORKBUN_PROPAGATION_SECONDS=600\n# see https://porkbun.com/api/json/v3/documentation\n"
        )
        return text, [("api-key", k1), ("secret", k2)], ["PORKBUN_PROPAGATION_SECONDS"]
    text = (
        'provider "cloudflare" {\n'
        f'  api_token = "{cf}"\n'
        "}\n\n"
        'resource "cloudflare_record" "www" {\n'
        '  zone_id = var.zone_id\n  name    = "www"\n'
        f'  value   = "{_DOC_IPS[1]}"\n  type    = "A"\n  proxied = true\n}}\n'
    )
    return text, [("token", cf)], [_DOC_IPS[1], "var.zone_id"]


def _dns_godaddy(g: _Fakes) -> _Raw:
    key, sec = g.b62(g.num(34, 38)), g.b62(22)
    dom = g.pick(["lumenfold", "quarrystone", "bakerypixel"]) + g.pick([".com", ".shop", ".io"])
    text = (
        f"$ curl -s -X PUT https://api.godaddy.com/v1/domains/{dom}/records/A/@ \\\n"
        f'    -H "Authorization: sso-key {key}:{sec}" \\\n'
        '    -H "Content-Type: application/json" \\\n'
        f'    -d \'[{{"data": "{_DOC_IPS[2]}", "ttl": 600}}]\'\n'
        '{"code":"UNABLE_TO_AUTHENTICATE","message":"Unable to authenticate the request"}\n'
    )
    return text, [("api-key", f"{key}:{sec}")], ["UNABLE_TO_AUTHENTICATE"]


def _dns_whois(g: _Fakes) -> _Raw:
    if g.num(0, 1):
        n = g.person()
        e = g.email(n)
        dom = g.pick(["copperkettle", "nimbusyard", "otterlogic"]) + ".io"
        text = (
            f"$ whois {dom}\nDomain Name: {dom.upper()}\nRegistrar: Gandi SAS\n"
            "Registrar Abuse Contact Email: abuse@example.com\n"
            f"Registrant Name: {n}\nRegistrant Organization: \nRegistrant Email: {e}\n"
            "Name Server: NS1.EXAMPLE.NET\nDNSSEC: signedDelegation\n"
        )
        return text, [("person-name", n), ("email", e)], ["abuse@example.com", "NS1.EXAMPLE.NET"]
    rows, secrets = [], []
    for _ in range(1 if g.num(0, 4) else 2):
        n = g.person()
        e = g.email(n)
        dom = g.pick(["copperkettle", "nimbusyard", "fernandpine", "otterlogic"]) + str(g.num(2, 99)) + ".com"
        rows.append(f'{dom},"{n}",{e},clientTransferProhibited,2027-0{g.num(1, 9)}-1{g.num(0, 9)}')
        secrets += [("person-name", n), ("email", e)]
    role = "noreply@" + g.pick(_DOMAINS)
    text = (
        "domain,registrant_name,registrant_email,status,expires\n"
        + "\n".join(rows)
        + "\n# bounce notices go to "
        + role
        + "\n"
    )
    return text, secrets, [role]


def _dns_authcode(g: _Fakes) -> _Raw:
    code = g.chars(string.ascii_letters + string.digits + "!#%^*+", g.num(12, 16)) + g.b62(1)
    dom = g.pick(["windmillcafe", "northbeam", "saltmarsh"]) + ".net"
    v = g.num(0, 2)
    if v == 0:
        text = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<epp xmlns="urn:ietf:params:xml:ns:epp-1.0">\n'
            '  <command>\n    <transfer op="request">\n'
            '      <domain:transfer xmlns:domain="urn:ietf:params:xml:ns:domain-1.0">\n'
            f"        <domain:name>{dom}</domain:name>\n"
            '        <domain:period unit="y">1</domain:period>\n'
            f"        <domain:authInfo><domain:pw>{code}</domain:pw></domain:authInfo>\n"
            "      </domain:transfer>\n    </transfer>\n  </command>\n</epp>\n"
        )
    elif v == 1:
        text = (
            f"$ namecheap domains get-epp-code {dom}\nDomain:    {dom}\nLocked:    false\n"
            f"EPP code:  {code}\nExpires:   2027-03-14\n"
        )
    else:
        text = (
            "domain,registrar,expires,auth_code,locked\n"
            f"{dom},gandi,2027-05-02,{code},no\n"
            f"{dom.replace('.net', '.org')},gandi,2026-12-30,,yes\n"
        )
    return text, [("transfer-code", code)], [dom, "urn:ietf:params:xml:ns:domain-1.0"]


def _dns_tsig(g: _Fakes) -> _Raw:
    sec = g.b64(32)
    pub = g.b64(64)
    ds = g.hexs(64).upper()
    text = (
        "// /etc/bind/named.conf.local\n"
        'key "ddns-update." {\n    algorithm hmac-sha256;\n'
        f'    secret "{sec}";\n}};\n\n'
        'zone "portfolio.example" {\n    type master;\n    allow-update { key "ddns-update."; };\n};\n\n'
        "; dig DNSKEY portfolio.example +short\n"
        f"257 3 13 {pub}\n"
        f"; DS 2371 13 2 {ds}\n"
    )
    return text, [("tsig-secret", sec)], [pub, ds]


# -- 2. VPN and zero trust


def _vpn_wg(g: _Fakes) -> _Raw:
    priv, pub = g.wg(), g.wg()
    ep = g.ip_public()
    text = (
        "[Interface]\n"
        f"PrivateKey = {priv}\n"
        "Address = ${WG_ADDRESS}\n"
        "DNS = 1.1.1.1\n\n"
        "[Peer]\n"
        f"PublicKey = {pub}\n"
        "AllowedIPs = 10.0.0.0/8\n"
        f"Endpoint = {ep}:51820\n"
        "PersistentKeepalive = 25\n"
    )
    if g.num(0, 1):
        text = "$ sudo cat /etc/wireguard/wg0.conf\n" + text
    return (
        text,
        [("wireguard-key", priv), ("ip-address", ep)],
        [pub, "10.0.0.0/8", "1.1.1.1"],
    )


def _vpn_tailscale(g: _Fakes) -> _Raw:
    key = g.vendor("tailscale-key")
    ips = [g.ip_cgnat() for _ in range(2)]
    people = [g.person() for _ in range(2)]
    mails = [g.email(p) for p in people]
    v = g.num(0, 1)
    if v:
        text = (
            f"$ sudo tailscale up --authkey={key} --advertise-tags=tag:ci --ssh\n"
            "$ tailscale status\n"
            f"{ips[0]}  build-runner-02  {mails[0]}  linux   -\n"
            "100.100.100.100  magicdns  -  linux   idle, tx 3320 rx 1184\n"
        )
        return text, [("tailscale-key", key), ("ip-address", ips[0]), ("email", mails[0])], ["tag:ci"]
    text = (
        "// tailnet policy file (HuJSON)\n{\n"
        f'  "tagOwners": {{"tag:ci": ["{mails[0]}"], "tag:prod": ["group:sre"]}},\n'
        '  "acls": [\n    {"action": "accept", "src": ["group:eng"], "dst": ["tag:ci:*"]},\n'
        '    {"action": "accept", "src": ["autogroup:admin"], "dst": ["*:22"]}\n  ],\n'
        f"  // bootstrap key for the runners: {key}\n"
        '  "ssh": [{"action": "check", "src": ["autogroup:member"], "dst": ["autogroup:self"], '
        '"users": ["autogroup:nonroot"]}]\n}\n'
    )
    return text, [("tailscale-key", key), ("email", mails[0])], ["autogroup:nonroot"]


def _vpn_cfaccess(g: _Fakes) -> _Raw:
    cid, csec = g.hexs(32) + ".access", g.hexs(64)
    host = g.pick(["grafana", "jenkins", "wiki"]) + "." + g.pick(["tidewell.co", "mossgrove.dev"])
    ray = g.hexs(16)
    text = (
        f"$ curl -sI https://{host}/api/health \\\n"
        f'    -H "CF-Access-Client-Id: {cid}" \\\n'
        f'    -H "CF-Access-Client-Secret: {csec}"\n'
        "HTTP/2 200\nserver: cloudflare\n"
        f"cf-ray: {ray}-AMS\ncontent-type: application/json\n"
    )
    return text, [("client-secret", csec)], [f"{ray}-AMS"]


def _vpn_zscaler(g: _Fakes) -> _Raw:
    n = g.person()
    e, pw = g.email(n), g.password()
    text = (
        "import os\nimport time\n\nimport requests\n\n"
        "def obfuscate(api_key: str, ts: str) -> str:\n    ...\n\n"
        "ts = str(int(time.time() * 1000))\n"
        "payload = {\n"
        f'    "username": "{e}",\n'
        f'    "password": "{pw}",\n'
        '    "apiKey": obfuscate(os.environ["ZIA_API_KEY"], ts),\n'
        '    "timestamp": ts,\n}\n'
        'r = requests.post("https://zsapi.zscalertwo.net/api/v1/authenticatedSession", json=payload)\n'
        "print(r.status_code, r.json())\n"
    )
    return text, [("email", e), ("password", pw)], ["authenticatedSession"]


def _vpn_openvpn(g: _Fakes) -> _Raw:
    lines = [g.hexs(32) for _ in range(16)]
    static = (
        "-----BEGIN OpenVPN Static key V1-----\n" + "\n".join(lines) + "\n-----END OpenVPN Static key V1-----"
    )
    ip = g.ip_public()
    text = (
        "client\ndev tun\nproto udp\n"
        f"remote {ip} 1194\n"
        "resolv-retry infinite\nnobind\nremote-cert-tls server\ncipher AES-256-GCM\nkey-direction 1\n"
        "route 172.16.0.0 255.240.0.0\n<tls-auth>\n" + static + "\n</tls-auth>\n"
    )
    return text, [("private-key", static), ("ip-address", ip)], ["255.240.0.0", "172.16.0.0"]


# -- 3. mobile push


def _push_fcm(g: _Fakes) -> _Raw:
    key = g.vendor("fcm-server-key")
    if g.num(0, 1):
        text = (
            "// legacy sender kept for the Android 9 fleet until the v1 migration\n"
            "const fetch = require('node-fetch');\n"
            f"const FCM_SERVER_KEY = '{key}';\n\n"
            "async function push(token, title) {\n"
            "  return fetch('https://fcm.googleapis.com/fcm/send', {\n"
            "    method: 'POST',\n"
            "    headers: { Authorization: `key=${FCM_SERVER_KEY}`, 'Content-Type': 'application/json' },\n"
            "    body: JSON.stringify({ to: token, notification: { title } }),\n  });\n}\n"
        )
        return text, [("fcm-server-key", key)], ["`key=${FCM_SERVER_KEY}`"]
    tok = g.b64url(22) + ":" + g.b64url(60)
    text = (
        "$ curl -X POST https://fcm.googleapis.com/fcm/send \\\n"
        f'  -H "Authorization: key={key}" \\\n'
        '  -H "Content-Type: application/json" \\\n'
        f'  -d \'{{"to": "{tok}", "notification": {{"title": "Order shipped", "body": "Track it"}}}}\'\n'
        '{"multicast_id":' + g.digits(18) + ',"success":1,"failure":0}\n'
    )
    return text, [("fcm-server-key", key)], ["fcm.googleapis.com/fcm/send"]


def _push_apns(g: _Fakes) -> _Raw:
    key = g.pem("PRIVATE KEY")
    kid, team = g.chars(string.ascii_uppercase + string.digits, 10), g.chars(string.ascii_uppercase, 10)
    user = g.user()
    text = (
        f"$ cat {_home(g, user)}/Downloads/AuthKey_{kid}.p8\n{key}\n"
        f"$ export APNS_KEY_ID={kid} APNS_TEAM_ID={team}\n"
        f"$ node send.js --topic com.harborlight.app --key ~/Downloads/AuthKey_{kid}.p8\n"
    )
    return text, [("private-key", key), ("home-user", user)], ["com.harborlight.app"]


def _push_gservices(g: _Fakes) -> _Raw:
    key = g.vendor("google-api-key")
    num = g.digits(12)
    text = (
        "{\n"
        f'  "project_info": {{"project_number": "{num}", "project_id": "harbor-shop-prod"}},\n'
        '  "client": [{\n'
        '    "client_info": {"android_client_info": {"package_name": "io.harborlight.shop"}},\n'
        f'    "api_key": [{{"current_key": "{key}"}}],\n'
        '    "services": {"appinvite_service": {"other_platform_oauth_client": []}}\n'
        "  }],\n"
        '  "configuration_version": "1"\n}\n'
    )
    return text, [("google-api-key", key)], ["io.harborlight.shop"]


def _push_onesignal(g: _Fakes) -> _Raw:
    key = g.b64(36)
    app = g.uuid()
    req = g.uuid()
    text = (
        "POST /api/v1/notifications HTTP/1.1\nHost: onesignal.com\n"
        f"Authorization: Basic {key}\n"
        "Content-Type: application/json; charset=utf-8\n"
        f"Postman-Token: {req}\n\n"
        f'{{"app_id": "{app}", "included_segments": ["Subscribed Users"], '
        '"contents": {"en": "Your prescription is ready"}}\n'
    )
    return text, [("api-key", key)], [req]


def _push_braze(g: _Fakes) -> _Raw:
    key = g.uuid()
    n = g.person()
    e = g.email(n)
    text = (
        "import requests\n\n"
        f'BRAZE_REST_KEY = "{key}"\n'
        'BRAZE_URL = "https://rest.iad-03.braze.com/users/track"\n\n'
        "attrs = [{\n"
        '    "external_id": "cust-' + g.digits(6) + '",\n'
        f'    "email": "{e}",\n'
        '    "push_subscribe": "opted_in",\n}]\n'
        'resp = requests.post(BRAZE_URL, json={"attributes": attrs},\n'
        '                     headers={"Authorization": f"Bearer {BRAZE_REST_KEY}"})\n'
    )
    return text, [("api-key", key), ("email", e)], ["{BRAZE_REST_KEY}"]


# -- 4. game modding


def _game_modmanager(g: _Fakes) -> _Raw:
    user = g.user()
    key = g.b64(60)
    text = (
        "[General]\n"
        f"gameName=Skyrim Special Edition\ngamePath=C:\\Users\\{user}\\Games\\SkyrimSE\n"
        "selected_profile=@ByteArray(Survival)\nversion=2.5.2\n\n"
        "[Settings]\n"
        f"nexus_api_key={key}\n"
        "offline_mode=false\nuse_proxy=false\n"
    )
    return text, [("home-user", user), ("api-key", key)], ["version=2.5.2"]


def _game_launcherlog(g: _Fakes) -> _Raw:
    tok = g.jwt({"sub": g.uuid(), "xuid": g.digits(16), "iat": 1790000000 + g.num(0, 99999)})
    n = g.person()
    e = g.email(n)
    text = (
        f"[{_ts(g)}] [main/INFO] Launcher 3.4.11 starting\n"
        f"[{_ts(g)}] [main/INFO] Data dir: ~/.minecraft\n"
        f"[{_ts(g)}] [auth/INFO] Signed in as {e}\n"
        f"[{_ts(g)}] [auth/DEBUG] POST /authentication/login_with_xbox -> 200 access_token={tok}\n"
        f"[{_ts(g)}] [mods/WARN] fabric-api 0.92.1 requires minecraft 1.20.1\n"
    )
    return text, [("jwt", tok), ("email", e)], ["0.92.1", "1.20.1"]


def _game_accounts(g: _Fakes) -> _Raw:
    tok = g.jwt()
    rt = g.b64url(48)
    text = (
        '{\n  "accounts": {\n'
        f'    "{g.hexs(32)}": {{\n'
        f'      "accessToken": "{tok}",\n'
        f'      "refreshToken": "{rt}",\n'
        '      "username": "PixelOtter",\n'
        '      "minecraftProfile": {"name": "PixelOtter", "id": "' + g.hexs(32) + '"},\n'
        '      "type": "Xbox"\n    }\n  },\n  "formatVersion": 3\n}\n'
    )
    return text, [("jwt", tok), ("refresh-token", rt)], ['"formatVersion": 3']


def _game_ghrelease(g: _Fakes) -> _Raw:
    if g.cycle(("github-token", "github-oauth-token")) == "github-token":
        tok = g.vendor("github-token")
        sha = g.hexs(40)
        text = (
            "#!/usr/bin/env bash\n# publish the modpack to GitHub releases\nset -euo pipefail\n"
            f"export GITHUB_TOKEN={tok}\n"
            "VERSION=$(jq -r .version pack.json)\n"
            f'gh release create "v$VERSION" dist/*.mrpack --target {sha} --notes-file CHANGELOG.md\n'
        )
        return text, [("github-token", tok)], [sha, "$(jq -r .version pack.json)"]
    tok = g.vendor("github-oauth-token")
    user = g.pick(["pixelotter", "modsmith", "creeperkeeper"])
    text = (
        f"$ cat ~/.config/gh/hosts.yml\ngithub.com:\n    git_protocol: ssh\n    users:\n        {user}:\n"
        f"            oauth_token: {tok}\n    user: {user}\n"
        f"    oauth_token: {tok}\n"
    )
    return text, [("github-oauth-token", tok)], ["git_protocol: ssh"]


def _game_traceback(g: _Fakes) -> _Raw:
    user = g.user()
    home = _home(g, user)
    key = g.b62(g.num(30, 36))
    text = (
        "Traceback (most recent call last):\n"
        f'  File "{home}/src/modsync/sync.py", line 88, in <module>\n    main()\n'
        '  File "src/modsync/sync.py", line 71, in main\n    client = CurseClient(api_key=cfg.key)\n'
        '  File ".venv/lib/python3.11/site-packages/curse/client.py", line 19, in __init__\n'
        '    raise AuthError(f"rejected key {api_key!r}")\n'
        f"curse.errors.AuthError: rejected key '{key}' (HTTP 403)\n"
    )
    return text, [("home-user", user), ("api-key", key)], ["api_key=cfg.key"]


# -- 5. insurance quoting


def _ins_carrier(g: _Fakes) -> _Raw:
    cid, cs = g.uuid(), g.b64url(40)
    text = (
        "carriers:\n"
        "  - name: Northfield Mutual\n    base_url: https://api.northfieldmutual.example/rating/v3\n"
        f"    client_id: {cid}\n"
        f"    client_secret: {cs}\n"
        "    products: [homeowners, auto]\n"
        "  - name: Bluecrest\n    base_url: https://quote.bluecrest.example/api\n"
        "    client_secret: ${BLUECREST_CLIENT_SECRET}\n"
    )
    return text, [("client-secret", cs)], ["${BLUECREST_CLIENT_SECRET}"]


def _ins_applicants(g: _Fakes) -> _Raw:
    rows, secrets = [], []
    for _ in range(1 if g.num(0, 4) else 2):
        n = g.person()
        s = g.ssn()
        rows.append(f'Q-{g.digits(6)},"{n}",{s},{g.num(1950, 2004)},HO-3,{g.num(180, 4200)}.00')
        secrets += [("person-name", n), ("ssn", s)]
    text = "quote_id,applicant_name,ssn,birth_year,form,premium\n" + "\n".join(rows) + "\n"
    return text, secrets, ["quote_id,applicant_name"]


def _ins_quote_http(g: _Fakes) -> _Raw:
    tok = g.jwt()
    n = g.person()
    text = (
        "POST /v2/quotes HTTP/1.1\nHost: api.bluecrest.example\n"
        f"Authorization: Bearer {tok}\nContent-Type: application/json\n\n"
        "{\n"
        '  "product": "auto",\n'
        f'  "applicant": {{"full_name": "{n}", "dob": "1984-06-12", "state": "OH"}},\n'
        '  "vehicles": [{"vin": "1HGCM82633A' + g.digits(6) + '", "year": 2019}]\n}\n'
    )
    return text, [("jwt", tok), ("person-name", n)], ['"product": "auto"']


def _ins_policyholders(g: _Fakes) -> _Raw:
    rows, secrets = [], []
    for _ in range(1):
        n = g.person()
        ib = g.iban(grouped=False)
        rows.append(f"POL-{g.digits(7)};{n};{ib};monthly")
        secrets += [("person-name", n), ("iban", ib)]
    text = "policy_no;policyholder_name;iban;billing\n" + "\n".join(rows) + "\n"
    return text, secrets, ["policy_no;policyholder_name"]


def _ins_traceback(g: _Fakes) -> _Raw:
    pw, ip = g.url_password(), g.ip_private()
    text = (
        "sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "
        f'"rating-db.internal", port 5432 failed: timeout expired\n'
        "(Background on this error at: https://sqlalche.me/e/20/e3q8)\n"
        f"DATABASE_URL=postgresql://rater:{pw}@{ip}:5432/rating\n"
    )
    return text, [("db-password", pw), ("ip-address", ip)], ["https://sqlalche.me/e/20/e3q8"]


def _ins_card(g: _Fakes) -> _Raw:
    c = g.card()
    n = g.person()
    oid = g.digits(15)
    for chk in string.digits:
        if luhn_ok(oid + chk):
            oid += chk
            break
    text = (
        "premium_payment = {\n"
        f'    "order_id": "{oid}",\n'
        f'    "card": {{"number": "{c}", "name_on_card": "{n}", "exp": "09/29"}},\n'
        '    "amount_cents": 18450,\n}\n'
        f"# sandbox check used {_TEST_CARD} before going live\n"
    )
    return text, [("card-number", c), ("person-name", n)], [oid, _TEST_CARD]


# -- 6. research repositories


def _res_dataverse(g: _Fakes) -> _Raw:
    tok = g.uuid()
    pid = "doi:10.70122/FK2/" + g.chars(string.ascii_uppercase + string.digits, 6)
    text = (
        f"$ export API_TOKEN={tok}\n"
        "$ export SERVER_URL=https://demo.dataverse.org\n"
        f'$ curl -H "X-Dataverse-key:$API_TOKEN" -X POST \\\n'
        f'    "$SERVER_URL/api/datasets/:persistentId/add?persistentId={pid}" -F "file=@results.csv"\n'
        '{"status":"OK","data":{"files":[{"label":"results.csv"}]}}\n'
    )
    return text, [("api-key", tok)], ["$API_TOKEN"]


def _res_figshare(g: _Fakes) -> _Raw:
    tok = g.hexs(128)
    if g.num(0, 1):
        text = (
            f'$ curl -s -H "Authorization: token {tok}" https://api.figshare.com/v2/account/articles?page_size=2\n'
            '[{"id": ' + g.digits(8) + ', "title": "Soil cores 2024", "doi": "", "published_date": null}]\n'
        )
        return text, [("token", tok)], ["page_size=2"]
    text = (
        "import requests\n\n"
        f"TOKEN = '{tok}'\n"
        "BASE = 'https://api.figshare.com/v2'\n"
        "r = requests.get(BASE + '/account/articles', headers={'Authorization': 'token ' + TOKEN})\n"
        "r.raise_for_status()\n"
    )
    return text, [("token", tok)], ["https://api.figshare.com/v2"]


def _res_osf(g: _Fakes) -> _Raw:
    tok = g.b62(70)
    e = g.email()
    pw = g.password()
    if g.num(0, 1):
        text = (
            "$ cat .osfcli.config\n[osf]\n"
            f"username = {e}\nproject = x7k2q\n\n"
            f"$ OSF_TOKEN={tok} osf -p x7k2q upload data/raw.zip raw.zip\n"
        )
        return text, [("email", e), ("token", tok)], ["project = x7k2q"]
    text = (
        f"$ export OSF_PASSWORD='{pw}'\n"
        f"$ osf -u {e} -p x7k2q clone ./mirror\n"
        "100%|##########| 14/14 [00:03<00:00,  4.21it/s]\n"
    )
    return text, [("password", pw), ("email", e)], ["14/14"]


def _res_depositors(g: _Fakes) -> _Raw:
    people = [g.person()]
    mails = [g.email(p) for p in people]
    text = (
        "[\n"
        + ",\n".join(
            f'  {{"depositor": {{"name": "{p}", "email": "{m}", "affiliation": "Lanternbay University"}}, '
            f'"dataset": "doi:10.5061/dryad.{g.chars(string.ascii_lowercase + string.digits, 8)}"}}'
            for p, m in zip(people, mails, strict=True)
        )
        + "\n]\n"
    )
    secrets = [("person-name", p) for p in people] + [("email", m) for m in mails]
    return text, secrets, ["Lanternbay University"]


def _res_zenodo(g: _Fakes) -> _Raw:
    tok = g.b62(60)
    sha = g.hexs(40)
    text = (
        f"# zenodo sandbox upload, commit {sha}\n"
        f'ACCESS_TOKEN = "{tok}"\n'
        "params = {'access_token': ACCESS_TOKEN}\n"
        "r = requests.post('https://sandbox.zenodo.org/api/deposit/depositions', params=params, json={})\n"
    )
    return text, [("token", tok)], [sha]


# -- 7. web-to-print


def _print_orders(g: _Fakes) -> _Raw:
    if g.num(0, 1):
        n, p = g.person(), g.phone()
        text = (
            "POST /webhooks/orders/create 200\n"
            "{\n"
            f'  "id": {g.num(4000000, 4999999)},\n  "line_items": [{{"sku": "FLY-A5-250", "quantity": 2}}],\n'
            f'  "shipping_address": {{"name": "{n}", "phone": "{p}", "city": "Duluth", "zip": "55802"}}\n'
            "}\n"
        )
        return text, [("person-name", n), ("phone", p)], ["FLY-A5-250"]
    rows, secrets = [], []
    for _ in range(1 if g.num(0, 4) else 2):
        n = g.person()
        p = g.phone()
        street = f"{g.num(10, 999)} Mill St"
        rows.append(f'{g.num(100000, 999999)},"{n}","{p}","{street}",business-cards-500,{g.num(20, 90)}.50')
        secrets += [("person-name", n), ("phone", p)]
    text = "order_id,customer_name,phone,ship_street,product,total\n" + "\n".join(rows) + "\n"
    return text, secrets, ["business-cards-500"]


def _print_cups(g: _Fakes) -> _Raw:
    pw, ip = g.url_password(), g.ip_private()
    text = (
        f"$ sudo lpadmin -p Xerox_C70 -E -v ipp://admin:{pw}@{ip}/ipp/print -m everywhere\n"
        "$ lpstat -o\n"
        f"Xerox_C70-{g.num(100, 999)}  www-data  2355200   Fri 05 Dec 2026 09:14:02 AM UTC\n"
        "# spooler binds 127.0.0.1:631 only\n"
    )
    return text, [("password", pw), ("ip-address", ip)], ["127.0.0.1"]


def _print_vendor(g: _Fakes) -> _Raw:
    sk = g.vendor("stripe-secret-key")
    pk = "pk" + "_live_" + g.b62(24)
    shop = g.vendor("shopify-token")
    text = (
        "# .env.production for the storefront\n"
        f"STRIPE_SECRET_KEY={sk}\nSTRIPE_PUBLISHABLE_KEY={pk}\n"
        f"SHOPIFY_ADMIN_TOKEN={shop}\nSHOPIFY_STORE=inkwell-prints\n"
        "PRINTFUL_STORE_ID=8812\n"
    )
    return text, [("stripe-secret-key", sk), ("shopify-token", shop)], [pk, "PRINTFUL_STORE_ID"]


def _print_payment(g: _Fakes) -> _Raw:
    c = g.card()
    ip = g.ip_public()
    text = (
        f"{_ts(g)} INFO  checkout: POST /pay from {ip}\n"
        f"{_ts(g)} DEBUG gateway request card[number]={c.replace(' ', '')}\n"
        f"{_ts(g)} DEBUG   &card[exp_month]=11&amount=4200\n"
        f"{_ts(g)} INFO  gateway response 402 card_declined\n"
    )
    return text, [("card-number", c.replace(" ", "")), ("ip-address", ip)], ["card_declined"]


def _print_sendgrid(g: _Fakes) -> _Raw:
    key = g.vendor("sendgrid-key")
    e = g.email()
    text = (
        "const sgMail = require('@sendgrid/mail');\n"
        f"sgMail.setApiKey('{key}');\n"
        "await sgMail.send({\n"
        f"  to: '{e}',\n"
        "  from: 'orders@example.com',\n  subject: 'Your proof is ready',\n  templateId: 'd-proofready',\n});\n"
    )
    return text, [("sendgrid-key", key), ("email", e)], ["orders@example.com"]


# -- 8. alumni fundraising


def _alum_gifts(g: _Fakes) -> _Raw:
    if g.num(0, 1):
        n = g.person()
        e = g.email(n)
        text = (
            "Constituent Name;Preferred Email;Gift Date;Gift Amount;Appeal\n"
            f"{n};{e};2026-11-28;{g.num(25, 900)},00;Giving Tuesday\n"
        )
        return text, [("person-name", n), ("email", e)], ["Giving Tuesday"]
    rows, secrets = [], []
    for _ in range(1 if g.num(0, 4) else 2):
        n = g.person()
        e = g.email(n)
        rows.append(
            f"{g.digits(6)}\t{n}\t{e}\t{g.num(25, 5000)}.00\tAnnual Fund\tClass of {g.num(1970, 2020)}"
        )
        secrets += [("person-name", n), ("email", e)]
    text = "Constituent ID\tName\tEmail\tGift Amount\tFund\tClass Year\n" + "\n".join(rows) + "\n"
    return text, secrets, ["Annual Fund"]


def _alum_sky(g: _Fakes) -> _Raw:
    sub = g.hexs(32)
    tok = g.jwt()
    ctx = "appId=cid-v1:" + g.uuid()
    text = (
        "GET /constituent/v1/constituents?limit=50 HTTP/1.1\nHost: api.sky.blackbaud.com\n"
        f"Bb-Api-Subscription-Key: {sub}\n"
        f"Authorization: Bearer {tok}\n"
        "Accept: application/json\n\nHTTP/1.1 200 OK\n"
        f"Request-Context: {ctx}\n"
    )
    return text, [("api-key", sub), ("jwt", tok)], ["/constituent/v1/constituents?limit=50", ctx]


def _alum_oauth(g: _Fakes) -> _Raw:
    at, rt = g.jwt(), g.b62(32)
    text = (
        "$ curl -s -X POST https://oauth2.sky.blackbaud.com/token \\\n"
        f"    -d grant_type=refresh_token -d refresh_token={rt} \\\n"
        '    -d client_id=advancement-sync -d client_secret="$SKY_CLIENT_SECRET"\n'
        f'{{"access_token":"{at}","token_type":"Bearer","expires_in":3600}}\n'
    )
    return text, [("jwt", at), ("refresh-token", rt)], ['"token_type":"Bearer"']


def _alum_recurring(g: _Fakes) -> _Raw:
    n = g.person()
    c = g.card()
    text = (
        "recurring_gift:\n"
        f"  donor_name: {n}\n"
        f"  card_number: {c}\n"
        "  frequency: monthly\n  fund: Scholarship Endowment\n"
    )
    return text, [("person-name", n), ("card-number", c)], ["Scholarship Endowment"]


def _alum_smtp(g: _Fakes) -> _Raw:
    pw = g.password()
    e = g.email()
    text = (
        "[mailmerge]\nsmtp_host = smtp.lanternbay.edu\nsmtp_port = 587\n"
        f"smtp_user = mailmerge\nsmtp_password = {pw}\n"
        f"from = {e}\n"
        "template = templates/thankyou.md\n"
    )
    return text, [("password", pw), ("email", e)], ["templates/thankyou.md"]


# -- 9. archive passwords in shell history


def _arc_history(g: _Fakes) -> _Raw:
    user = g.user()
    pz, p7, pg, po = g.password(), g.b62(16), g.password(), g.b62(18)
    n = g.num(400, 900)
    cmds = [
        (f"cd {_home(g, user)}/backups", ("home-user", user)),
        (f"zip -r -P '{pz}' taxes-2025.zip taxes/", ("archive-password", pz)),
        (f"7z a -p{p7} -mhe=on photos.7z Pictures/", ("archive-password", p7)),
        (f"gpg --batch --yes --passphrase '{pg}' -c ledger.db", ("passphrase", pg)),
        (
            f"openssl enc -aes-256-cbc -pbkdf2 -salt -k {po} -in notes.tar -out notes.tar.enc",
            ("archive-password", po),
        ),
    ]
    chosen = sorted(g.r.sample(range(len(cmds)), 2))
    lines = [cmds[i][0] for i in chosen] + ["ls -la", "sha256sum photos.7z"]
    text = "$ history | tail -n 4\n" + "".join(f"  {n + i}  {c}\n" for i, c in enumerate(lines))
    return text, [cmds[i][1] for i in chosen], ["ls -la"]


def _arc_restic(g: _Fakes) -> _Raw:
    ak, sk = g.vendor("aws-access-key"), g.aws_secret()
    snap = g.hexs(8)
    text = (
        "#!/bin/sh\n# nightly restic backup\n"
        f"export AWS_ACCESS_KEY_ID={ak}\nexport AWS_SECRET_ACCESS_KEY={sk}\n"
        "export RESTIC_PASSWORD_FILE=/etc/restic/pass\n"
        "restic -r s3:s3.amazonaws.com/family-backups backup /srv/nas --exclude-caches\n"
        f"# snapshot {snap} saved; docs example key is {_AWS_DOC_KEY}\n"
    )
    return text, [("aws-access-key", ak), ("aws-secret-key", sk)], [_AWS_DOC_KEY]


def _arc_borg(g: _Fakes) -> _Raw:
    pw = g.password()
    user = g.user()
    text = (
        f"{user}@nas:~$ BORG_PASSPHRASE='{pw}' borg create --stats ::'{{hostname}}-{{now}}' /etc /home\n"
        "------------------------------------------------------------------------------\n"
        f"Repository: {_BORG_REPO}\n"
        "Number of files: 48211\n"
    )
    return text, [("passphrase", pw)], [_BORG_REPO]


def _arc_wallet(g: _Fakes) -> _Raw:
    phrase = g.bip39()
    pg = g.password()
    text = (
        "# wallet backup, do not commit\n"
        f'MNEMONIC="{phrase}"\n'
        'echo "$MNEMONIC" | gpg --symmetric --batch --passphrase-fd 0 -o seed.gpg\n'
        f"gpg --batch --passphrase '{pg}' -d seed.gpg\n"
    )
    return text, [("recovery-phrase", phrase), ("passphrase", pg)], ['"$MNEMONIC"']


def _arc_sshkey(g: _Fakes) -> _Raw:
    key = g.openssh()
    pub = g.ssh_public()
    user = g.user()
    text = f"$ cat {_home(g, user)}/.ssh/id_backup\n{key}\n$ cat ~/.ssh/id_backup.pub\n{pub} backup@nas\n"
    return text, [("openssh-key", key), ("home-user", user)], [pub]


# -- 10. small CI secrets


def _ci_drone(g: _Fakes) -> _Raw:
    rpc, cs = g.hexs(32), g.hexs(40)
    text = (
        "# drone server docker-compose.yml\nservices:\n  drone:\n    image: drone/drone:2.24\n    environment:\n"
        "      - DRONE_GITHUB_CLIENT_ID=Iv1.a39f0b\n"
        f"      - DRONE_GITHUB_CLIENT_SECRET={cs}\n"
        f"      - DRONE_RPC_SECRET={rpc}\n"
        "      - DRONE_SERVER_HOST=drone.mossgrove.dev\n"
    )
    return text, [("client-secret", cs), ("secret", rpc)], ["drone/drone:2.24"]


def _ci_drone_pipeline(g: _Fakes) -> _Raw:
    tok = g.vendor("npm-token")
    text = (
        "kind: pipeline\ntype: docker\nname: publish\n\nsteps:\n  - name: npm\n    image: node:20\n"
        "    environment:\n"
        "      DOCKER_PASSWORD:\n        from_secret: docker_password\n"
        f"      NPM_TOKEN: {tok}\n"
        '    commands:\n      - echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc\n'
        "      - npm publish\n"
    )
    return text, [("npm-token", tok)], ["from_secret: docker_password"]


def _ci_buildkite(g: _Fakes) -> _Raw:
    agent = g.b62(50)
    api = g.vendor("buildkite-token")
    if g.num(0, 1):
        text = (
            'steps:\n  - label: ":rocket: annotate release"\n    command: scripts/annotate.sh\n'
            "    env:\n"
            f"      BUILDKITE_API_TOKEN: {api}\n"
            "      RELEASE_CHANNEL: stable\n    agents:\n      queue: deploy\n"
        )
        return text, [("buildkite-token", api)], ["RELEASE_CHANNEL: stable"]
    text = (
        "# /etc/buildkite-agent/buildkite-agent.cfg\n"
        f'token="{agent}"\n'
        'name="%hostname-%spawn"\ntags="queue=deploy,os=linux"\nbuild-path="/var/lib/buildkite-agent/builds"\n\n'
        f"$ curl -H 'Authorization: Bearer {api}' https://api.buildkite.com/v2/organizations/acme/pipelines\n"
    )
    return text, [("token", agent), ("buildkite-token", api)], ['name="%hostname-%spawn"']


def _ci_semaphore(g: _Fakes) -> _Raw:
    cls = g.cycle(("npm-token", "pypi-token", "gitlab-token", "digitalocean-token"))
    tok = g.vendor(cls)
    var = {
        "npm-token": "NPM_TOKEN",
        "pypi-token": "TWINE_PASSWORD",
        "gitlab-token": "GITLAB_TOKEN",
        "digitalocean-token": "DIGITALOCEAN_TOKEN",
    }[cls]
    text = (
        f"$ sem create secret release-creds -e {var}={tok}\n"
        "Secret release-creds created.\n"
        "$ cat .semaphore/semaphore.yml | grep -A2 secrets\n"
        "      secrets:\n        - name: release-creds\n"
    )
    return text, [(cls, tok)], ["release-creds"]


def _ci_concourse(g: _Fakes) -> _Raw:
    key = g.openssh() if g.num(0, 1) else g.pem("RSA PRIVATE KEY")
    pw = g.password()
    text = (
        "# credentials.yml for fly set-pipeline -l\n"
        f"docker-password: {pw}\n"
        "github-private-key: |\n" + "\n".join("  " + ln for ln in key.split("\n")) + "\n"
        "\n# pipeline.yml uses ((docker-password))\n"
    )
    indented = "\n".join("  " + ln for ln in key.split("\n")).lstrip()
    cls = "openssh-key" if "OPENSSH" in key else "private-key"
    return text, [("password", pw), (cls, indented)], ["((docker-password))"]


def _ci_log(g: _Fakes) -> _Raw:
    cls = g.cycle(("vault-token", "pypi-token", "gitlab-token", "digitalocean-token"))
    cls2 = g.cycle(("pypi-token", "vault-token", "gitlab-token", "vault-token"))
    tok, tok2 = g.vendor(cls), g.vendor(cls2)
    sha = g.hexs(40)
    text = (
        f"--- :git: checkout {sha}\n"
        "Running: ./ci/release.sh\n"
        f"+ export DEPLOY_TOKEN={tok}\n"
        "+ ./ci/deploy --env staging\n"
        f"+ vault login -no-print {tok2}\n"
        "deploy: using token from DEPLOY_TOKEN\n"
        f"note: {_GH_FILLER} in docs is a filler\n"
    )
    return text, [(cls, tok), (cls2, tok2)], [sha, _GH_FILLER]


# -- 11. hospital staffing


def _hosp_roster(g: _Fakes) -> _Raw:
    if g.num(0, 1):
        n = g.person()
        e = g.email(n)
        text = (
            "$ rosterctl export --unit 4W --week 49 --format table\n"
            f"{'EMPLOYEE NAME':<22}{'EMAIL':<36}SHIFT\n"
            f"{'-' * 20}  {'-' * 34}  {'-' * 11}\n"
            f"{n:<22}{e:<36}19:00-07:30\n"
            f"{'(open shift)':<22}{'-':<36}07:00-19:30\n"
        )
        return text, [("person-name", n), ("email", e)], ["--week 49"]
    rows, secrets = [], []
    for _ in range(1 if g.num(0, 4) else 2):
        n = g.person()
        e = g.email(n)
        rows.append(f"{n};{e};4 West Med-Surg;{g.pick(['D', 'N', 'E'])};19:00-07:30")
        secrets += [("person-name", n), ("email", e)]
    text = "employee_name;email;unit;shift;hours\n" + "\n".join(rows) + "\n"
    return text, secrets, ["4 West Med-Surg"]


def _hosp_registry(g: _Fakes) -> _Raw:
    n = g.person()
    if g.num(0, 1):
        s = g.ssn()
        text = (
            '<?xml version="1.0"?>\n<registry unit="ICU">\n  <nurse>\n'
            f"    <name>{n}</name>\n    <ssn>{s}</ssn>\n"
            '    <license state="PA" type="RN"/>\n    <float_pool>true</float_pool>\n  </nurse>\n</registry>\n'
        )
        return text, [("person-name", n), ("ssn", s)], ['<registry unit="ICU">']
    s = g.ssn()
    text = (
        "{\n"
        f'  "nurse_name": "{n}",\n'
        f'  "ssn": "{s}",\n'
        '  "license": {"state": "PA", "type": "RN", "status": "active"},\n'
        '  "credential_ids": ["BLS", "ACLS"]\n}\n'
    )
    return text, [("person-name", n), ("ssn", s)], ['"credential_ids"']


def _hosp_oncall(g: _Fakes) -> _Raw:
    n1 = g.person()
    e1 = g.email(n1)
    text = (
        "On-call export, Cardiology, week 49\n"
        f"Primary:   {n1} <{e1}>  pager via switchboard\n"
        "Backup:    see the float pool list\n"
        "# generated with SCHEDULER_API_KEY=${SCHEDULER_API_KEY}\n"
    )
    secrets = [("person-name", n1), ("email", e1)]
    return text, secrets, ["week 49"]


def _hosp_config(g: _Fakes) -> _Raw:
    pw = g.url_password()
    slack = g.vendor("slack-token")
    text = (
        "# staffing-bot settings.py\n"
        f'DATABASE_URL = "postgres://staffing:{pw}@db.staffing.internal:5432/shifts"\n'
        f'SLACK_BOT_TOKEN = "{slack}"\n'
        'SHIFT_SWAP_CHANNEL = "#float-pool"\nALLOWED_HOSTS = ["127.0.0.1", "localhost"]\n'
    )
    return text, [("db-password", pw), ("slack-token", slack)], ["#float-pool"]


def _hosp_hashes(g: _Fakes) -> _Raw:
    rows, secrets = [], []
    for _ in range(2):
        h = "$2b$12$" + g.chars(string.ascii_letters + string.digits + "./", 53)
        rows.append(f"{g.user()},{h},charge_nurse")
        secrets.append(("password-hash", h))
    cmd = '$ psql -c "\\copy (select login, password_hash, role from staff) to stdout csv"\n'
    text = cmd + "\n".join(rows) + "\n"
    return text, secrets, ["charge_nurse"]


# -- 12. K-12 SIS


def _sis_powerschool(g: _Fakes) -> _Raw:
    cid, cs = g.uuid(), g.uuid()
    basic = base64.b64encode(f"{cid}:{cs}".encode()).decode()
    tok = g.uuid()
    text = (
        "$ curl -s -X POST https://district.powerschool.example/oauth/access_token \\\n"
        f'    -H "Authorization: Basic {basic}" \\\n'
        '    -H "Content-Type: application/x-www-form-urlencoded;charset=UTF-8" -d grant_type=client_credentials\n'
        f'{{"access_token":"{tok}","token_type":"Bearer","expires_in":"2504956"}}\n'
    )
    return text, [("basic-auth", basic), ("token", tok)], ["grant_type=client_credentials"]


def _sis_roster(g: _Fakes) -> _Raw:
    if g.num(0, 1):
        gn, gp = g.person(), g.phone()
        sid = g.uuid()
        text = (
            "GET /ims/oneroster/v1p1/users?filter=role%3D%27guardian%27 -> 200\n"
            '{"users": [{\n'
            f'  "sourcedId": "{sid}",\n  "role": "guardian",\n'
            f'  "name": "{gn}",\n  "phone": "{gp}",\n  "status": "active"\n}}]}}\n'
        )
        return text, [("person-name", gn), ("phone", gp)], ['"role": "guardian"']
    rows, secrets = [], []
    for _ in range(1 if g.num(0, 4) else 2):
        gn = g.person()
        gp = g.phone()
        rows.append(f"{g.digits(7)},{g.num(1, 12)},{gn},{gp},{g.pick(['Mother', 'Father', 'Guardian'])}")
        secrets += [("person-name", gn), ("phone", gp)]
    text = "student_id,grade,guardian_name,guardian_phone,relationship\n" + "\n".join(rows) + "\n"
    return text, secrets, ["relationship"]


def _sis_oneroster(g: _Fakes) -> _Raw:
    key, sec = g.b62(24), g.b62(32)
    text = (
        "# Infinite Campus OneRoster connection\noneroster:\n"
        "  base_url: https://campus.district.example/campus/api/oneroster/v1p2\n"
        f"  client_id: {key}\n  client_secret: {sec}\n"
        "  token_url: https://campus.district.example/campus/oauth2/token\n"
    )
    return text, [("client-secret", sec)], ["v1p2"]


def _sis_sftp(g: _Fakes) -> _Raw:
    pw = g.password()
    text = (
        "#!/bin/bash\n# nightly roster push to the LMS vendor\n"
        f"sshpass -p '{pw}' sftp -oBatchMode=no {_SFTP_DEST} <<EOF\n"
        "put /exports/students.csv\nput /exports/enrollments.csv\nEOF\n"
    )
    return text, [("password", pw)], ["-oBatchMode=no"]


def _sis_har(g: _Fakes) -> _Raw:
    sid = g.hexs(32).upper()
    ga = f"GA1.2.{g.digits(9)}.{g.digits(10)}"
    text = (
        '{"request": {"method": "GET", "url": "https://ps.district.example/guardian/home.html",\n'
        ' "headers": [\n'
        f'   {{"name": "Cookie", "value": "JSESSIONID={sid}; _ga={ga}"}},\n'
        '   {"name": "User-Agent", "value": "Mozilla/5.0"}\n ]}}\n'
    )
    return text, [("session-cookie", sid)], [ga]


_KINDS: dict[str, tuple[tuple[str, _Kind], ...]] = {
    "dns-registrars": (
        ("env", _dns_env),
        ("godaddy", _dns_godaddy),
        ("whois", _dns_whois),
        ("authcode", _dns_authcode),
        ("tsig", _dns_tsig),
    ),
    "vpn-zero-trust": (
        ("wireguard", _vpn_wg),
        ("tailscale", _vpn_tailscale),
        ("cfaccess", _vpn_cfaccess),
        ("zscaler", _vpn_zscaler),
        ("openvpn", _vpn_openvpn),
    ),
    "mobile-push": (
        ("fcm", _push_fcm),
        ("apns", _push_apns),
        ("gservices", _push_gservices),
        ("onesignal", _push_onesignal),
        ("braze", _push_braze),
    ),
    "game-modding": (
        ("modmanager", _game_modmanager),
        ("launcherlog", _game_launcherlog),
        ("accounts", _game_accounts),
        ("release", _game_ghrelease),
        ("traceback", _game_traceback),
    ),
    "insurance-quoting": (
        ("carrier", _ins_carrier),
        ("applicants", _ins_applicants),
        ("quote", _ins_quote_http),
        ("policyholders", _ins_policyholders),
        ("traceback", _ins_traceback),
        ("payment", _ins_card),
    ),
    "research-repositories": (
        ("dataverse", _res_dataverse),
        ("figshare", _res_figshare),
        ("osf", _res_osf),
        ("depositors", _res_depositors),
        ("zenodo", _res_zenodo),
    ),
    "web-to-print": (
        ("orders", _print_orders),
        ("cups", _print_cups),
        ("vendor", _print_vendor),
        ("payment", _print_payment),
        ("sendgrid", _print_sendgrid),
    ),
    "alumni-fundraising": (
        ("gifts", _alum_gifts),
        ("sky", _alum_sky),
        ("oauth", _alum_oauth),
        ("recurring", _alum_recurring),
        ("smtp", _alum_smtp),
    ),
    "archive-passwords": (
        ("history", _arc_history),
        ("restic", _arc_restic),
        ("borg", _arc_borg),
        ("wallet", _arc_wallet),
        ("sshkey", _arc_sshkey),
    ),
    "small-ci-secrets": (
        ("drone", _ci_drone),
        ("pipeline", _ci_drone_pipeline),
        ("buildkite", _ci_buildkite),
        ("semaphore", _ci_semaphore),
        ("concourse", _ci_concourse),
        ("log", _ci_log),
    ),
    "hospital-staffing": (
        ("roster", _hosp_roster),
        ("registry", _hosp_registry),
        ("oncall", _hosp_oncall),
        ("config", _hosp_config),
        ("hashes", _hosp_hashes),
    ),
    "k12-sis": (
        ("powerschool", _sis_powerschool),
        ("roster", _sis_roster),
        ("oneroster", _sis_oneroster),
        ("sftp", _sis_sftp),
        ("har", _sis_har),
    ),
}

_DOCS_PER_SETTING = 26

_EXTRA_KEEPS: dict[str, tuple[str, ...]] = {
    "_dns_godaddy": ("sso-key",),
    "_dns_whois": ("clientTransferProhibited",),
    "_vpn_tailscale": ("autogroup:admin", "100.100.100.100"),
    "_vpn_cfaccess": ("CF-Access-Client-Secret",),
    "_vpn_zscaler": ("zsapi.zscalertwo.net",),
    "_push_apns": ("APNS_TEAM_ID",),
    "_push_gservices": ("harbor-shop-prod",),
    "_push_braze": ("https://rest.iad-03.braze.com/users/track",),
    "_game_modmanager": ("offline_mode=false",),
    "_game_traceback": ("HTTP 403",),
    "_ins_carrier": ("https://api.northfieldmutual.example/rating/v3",),
    "_ins_traceback": ("port 5432",),
    "_res_dataverse": ("https://demo.dataverse.org",),
    "_res_figshare": ("'token ' + TOKEN",),
    "_res_zenodo": ("https://sandbox.zenodo.org/api/deposit/depositions",),
    "_print_cups": ("Xerox_C70",),
    "_print_payment": ("POST /pay",),
    "_print_sendgrid": ("d-proofready",),
    "_alum_sky": ("Bb-Api-Subscription-Key",),
    "_alum_oauth": ("grant_type=refresh_token",),
    "_alum_smtp": ("smtp.lanternbay.edu",),
    "_arc_history": ("sha256sum photos.7z",),
    "_arc_borg": ("'{hostname}-{now}'",),
    "_arc_sshkey": ("backup@nas",),
    "_arc_wallet": ("--passphrase-fd 0",),
    "_ci_drone": ("drone.mossgrove.dev",),
    "_ci_drone_pipeline": ("$NPM_TOKEN",),
    "_ci_concourse": ("fly set-pipeline -l",),
    "_hosp_config": ("127.0.0.1",),
    "_hosp_hashes": ("password_hash",),
    "_sis_powerschool": ('"token_type":"Bearer"',),
    "_sis_har": ("User-Agent",),
    "_sis_oneroster": ("https://campus.district.example/campus/oauth2/token",),
}


# ---------------------------------------------------------------- delivery and labels


def _deliver(g: _Fakes, how: str, text: str, path: str) -> str:
    lines = text.rstrip("\n").split("\n")
    if how == "plain":
        return text
    if how == "json":
        obj = {"type": "tool_result", "tool_use_id": "toolu_" + g.b62(20), "content": text, "is_error": False}
        return json.dumps(obj, ensure_ascii=False)
    if how == "diff":
        head = f"diff --git a/{path} b/{path}\nnew file mode 100644\n--- /dev/null\n+++ b/{path}\n"
        return head + f"@@ -0,0 +1,{len(lines)} @@\n" + "".join(f"+{ln}\n" for ln in lines)
    if how == "numbered":
        return "".join(f"{i:6d}\t{ln}\n" for i, ln in enumerate(lines, 1))
    if how == "cilog":
        base, day = g.num(0, 50), g.num(1, 4)
        return "".join(
            f"2026-12-0{day}T08:{base // 60 + 10}:{(base + i) % 60:02d}.{g.digits(7)}Z {ln}\n"
            for i, ln in enumerate(lines)
        )
    return f"Contents of `{path}`:\n\n```\n{text.rstrip(chr(10))}\n```\n"


def _as_delivered(how: str, value: str) -> str:
    return json.dumps(value, ensure_ascii=False)[1:-1] if how == "json" else value


def _occurrences(text: str, value: str) -> list[int]:
    out, i = [], text.find(value)
    while i >= 0:
        out.append(i)
        i = text.find(value, i + 1)
    return out


def _label(
    name: str, setting: str, how: str, text: str, secrets: list[tuple[str, str]], keeps: list[str]
) -> Document:
    seen: dict[str, str] = {}
    for cls, value in secrets:
        seen.setdefault(_as_delivered(how, value), cls)
    labels: list[Secret] = []
    for value, cls in seen.items():
        if any(value != other and value in other for other in seen):
            raise ValueError(f"{name}: nested secret")
        offs = _occurrences(text, value)
        if not offs:
            raise ValueError(f"{name}: secret not in text")
        labels += [Secret(cls, value, o) for o in offs]
    spans = [(s.offset, s.offset + len(s.text)) for s in labels]
    kept: list[Keep] = []
    for raw in dict.fromkeys(keeps):
        k = _as_delivered(how, raw)
        offs = _occurrences(text, k)
        if not offs or any(k in v or v in k for v in seen):
            continue
        o = offs[0]
        if any(o < b and a < o + len(k) for a, b in spans):
            continue
        kept.append(Keep(k, o))
    labels.sort(key=lambda s: s.offset)
    kept.sort(key=lambda k: k.offset)
    return Document(name, setting, how, text, tuple(labels), tuple(kept))


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """Build every document afresh from the seed."""
    g = _Fakes(random.Random(seed))
    docs: list[Document] = []
    for si, setting in enumerate(SETTINGS):
        kinds = _KINDS[setting]
        for i in range(_DOCS_PER_SETTING):
            kind, fn = kinds[i % len(kinds)]
            text, secrets, keeps = fn(g)
            keeps = [*keeps, *_EXTRA_KEEPS.get(fn.__name__, ())]
            how = DELIVERIES[(i + si + g.num(0, 5)) % len(DELIVERIES)]
            if any("\n" in v for _, v in secrets) and how not in ("plain", "fence"):
                how = "plain" if i % 2 else "fence"
            delivered = _deliver(g, how, text, f"{setting}/{kind}.txt")
            docs.append(_label(f"{setting}/{kind}/{i:02d}", setting, how, delivered, secrets, keeps))
    return docs


def corpus_digest(docs: Iterable[Document]) -> str:
    """A stable fingerprint of the corpus, pinned by the tests."""
    blob = json.dumps([attrs.asdict(d) for d in docs], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


def _windows(text: str) -> set[str]:
    return {text[i : i + 6] for i in range(len(text) - 5)}


def measure_documents(docs: Iterable[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregate recall and keep rate of a scrubber over the documents; no value is reported."""
    secrets = removed = clean = vendor = vendor_removed = kept = spans = 0
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
            spans += 1
            kept += out.count(k.text) >= doc.text.count(k.text)
    return {
        "secrets": float(secrets),
        "recall": removed / secrets if secrets else 1.0,
        "recall_no_fragment": clean / secrets if secrets else 1.0,
        "vendor_prefix_recall": vendor_removed / vendor if vendor else 1.0,
        "keep_rate": kept / spans if spans else 1.0,
        "spans": float(spans),
    }


def measure_held_back() -> dict[str, float]:
    """Measure the real scrubber on this part; run by the maintainer only."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
