"""The thirty-ninth held-back part: a blind, labelled corpus for the scrubber.

Twelve settings a coding agent works in, none of which the scrubber was tuned on: dental insurance claims
(claim exports with members' names and addresses, a clearinghouse's API keys and OAuth clients), aquariums and
zoos (keeper rosters, animal care system configs, membership exports, ticketing keys), film production (call
sheets, production accounting exports, asset storage credentials), water utilities' SCADA (historian configs,
PLC and switch credentials, operator logs), auction houses (bidder registrations with cards, consignor records,
online bidding platform keys), home inspection (reports, scheduling software tokens, calendars), youth camps
(camper medical forms with guardians, staff background checks, registration platform exports), print on
demand (print providers' and stores' keys, order exports with shipping addresses), translation memory (TMX
files, CAT tool server credentials, translator profiles), pest control field work (route sheets, handheld app
configs, chemical logs), bike shops and rentals (rental agreements, POS and booking keys) and tenant screening
(screening reports with social security numbers, landlord portal credentials).

Labels follow the scrubber's published policy (its package docstring) alone: what the policy says goes is a
`Secret`, what it says stays (placeholders, public ids, commits' hashes, versions, documentation addresses,
publishable keys, look-alikes that fail their check) is a `Keep`, and what it leaves open is not labelled.

Every fake is drawn at build time from a seeded `random.Random`, by code that follows its format's public
description, and is valid for its format where the format has a check (CRC32 checksums of tokens, Luhn, IBAN mod
97, SSN ranges, JWT layout, DER inside PEM, the OpenSSH key layout, Cisco's type 7 encoding). Names, addresses
and domains are combined from small made-up vocabularies; the file holds no literal secret.

Each document is delivered one of six ways (`DELIVERIES`): as is; escaped in a JSON transcript line; as a
unified diff's added lines; with line numbers; behind CI log timestamps; inside a Markdown fence. Labels'
offsets and texts are for the text as delivered. `measure_documents` reports aggregates only, never a value.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import json
import random
import string
import struct
import zlib
from collections.abc import Callable, Sequence

import attrs

DEFAULT_SEED: int = 20261239

DELIVERIES: tuple[str, ...] = ("plain", "json", "diff", "numbered", "cilog", "fence")

SETTINGS: tuple[str, ...] = (
    "dental-insurance-claims",
    "aquariums-zoos",
    "film-production",
    "water-utilities-scada",
    "auction-houses",
    "home-inspection",
    "youth-camps",
    "print-on-demand",
    "translation-memory",
    "pest-control-field",
    "bike-shops-rentals",
    "tenant-screening",
)

DOCS_PER_SETTING = 26


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


VENDOR_CLASSES: frozenset[str] = frozenset({
    "aws-access-key", "github-pat", "gitlab-pat", "slack-bot-token", "slack-webhook", "stripe-secret-key",
    "stripe-webhook-secret", "sendgrid-key", "google-api-key", "openai-key", "anthropic-key", "npm-token",
    "pypi-token", "shopify-token", "digitalocean-token", "vault-token", "square-token", "postman-key",
    "mapbox-secret", "huggingface-token",
})  # fmt: skip

CLASSES: frozenset[str] = VENDOR_CLASSES | frozenset({
    "aws-secret-key", "password", "url-password", "odbc-password", "cli-password", "api-key", "app-secret",
    "client-secret", "bearer-token", "jwt", "basic-auth", "session-cookie", "private-key", "gcp-key-id",
    "azure-storage-key", "registry-auth", "password-hash", "cisco-type7", "wifi-psk", "email",
    "person-name", "ssn", "card-number", "iban", "ip-address", "home-user",
})  # fmt: skip

# ---------------------------------------------------------------------------------------------------------------
# Alphabets and small vocabularies (made up; combined at build time).

_DIGITS = string.digits
_LOWER = string.ascii_lowercase
_UPPER = string.ascii_uppercase
_ALNUM = string.digits + string.ascii_uppercase + string.ascii_lowercase
_HEX = "0123456789abcdef"
_B64URL = string.ascii_letters + string.digits + "-_"
_B32 = string.ascii_uppercase + "234567"
_CRYPT64 = "./" + string.digits + string.ascii_uppercase + string.ascii_lowercase
_SYMBOLS = "!#%&*+-=?@^_"

_FIRST = (
    "Marisol", "Teodor", "Anneliese", "Kwabena", "Rosalind", "Dmitri", "Ingrid", "Tobias", "Saoirse",
    "Ravindra", "Liesel", "Oluwaseun", "Catalina", "Bartholomew", "Yevgenia", "Florian", "Imogen", "Emeka",
    "Henrietta", "Casimir", "Philippa", "Augustin", "Nnamdi", "Solveig",
)  # fmt: skip
_LAST = (
    "Okonkwo", "Thornbury", "Halvorsen", "Przybylski", "Achterberg", "Marchetti", "Dunleavy", "Kowalczyk",
    "Abernathy", "Lindqvist", "Ferreira", "Nakashima", "Oyelaran", "Castellano", "Whitcombe", "Brennagh",
    "Szalai", "Runeberg", "Delacroix", "Vasquez-Lind", "Ostergaard", "Quimby",
)  # fmt: skip
_MAIL_DOMAINS = ("harborpost.net", "quillbox.org", "kestrelmail.com", "lanternpost.net", "fernmail.org")
_USER_INITIALS = "abcdeghjklmnprstvw"
_USER_SURNAMES = (
    "kovacs", "brandtner", "fairweather", "quenneville", "ostrowski", "haldane", "villanueva", "rasmussen",
    "tremblay", "iwasaki", "mcgarrity", "sorensen",
)  # fmt: skip
_WORDS = (
    "harbor", "falcon", "juniper", "cobalt", "meadow", "quartz", "saffron", "tundra", "ember", "willow",
    "orchid", "granite", "lumen", "pebble", "thistle", "marlin", "cinder", "bramble", "lagoon", "sorrel",
)  # fmt: skip
_STREETS = (
    "Larch Ct",
    "Millrace Rd",
    "Quarry Ln",
    "Heron Way",
    "Tanager St",
    "Old Mill Pike",
    "Birchwood Dr",
)
_CITIES = (
    ("Fairhaven", "MA"),
    ("Port Ellery", "OR"),
    ("Cedar Bluff", "NC"),
    ("Marlow", "OH"),
    ("Sutter", "CO"),
)


def _rs(r: random.Random, alphabet: str, n: int) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def _hex(r: random.Random, n: int) -> str:
    return _rs(r, _HEX, n)


def _uuid(r: random.Random) -> str:
    h = _hex(r, 32)
    v = "89ab"[r.randrange(4)]
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{v}{h[17:20]}-{h[20:32]}"


def _b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _b62(n: int, width: int) -> str:
    out = ""
    while n:
        n, d = divmod(n, 62)
        out = _ALNUM[d] + out
    return out.rjust(width, "0")


def _version(r: random.Random) -> str:
    return f"{r.randint(2, 9)}.{r.randint(0, 14)}.{r.randint(0, 9)}.{r.randint(10, 180)}"


def _date(r: random.Random, year: int = 2025) -> str:
    return f"{year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"


# ---------------------------------------------------------------------------------------------------------------
# People (labelled only where the policy's structures say a value is a person's).


@attrs.frozen
class _Person:
    first: str
    last: str
    email: str
    phone: str
    street: str
    city: str
    state: str
    zip: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


def _person(r: random.Random) -> _Person:
    first, last = r.choice(_FIRST), r.choice(_LAST)
    local = f"{first.lower()}.{last.lower().replace('-', '')}"
    if r.random() < 0.4:
        local = f"{first[0].lower()}{last.lower().replace('-', '')}{r.randint(2, 98)}"
    city, state = r.choice(_CITIES)
    return _Person(
        first=first,
        last=last,
        email=f"{local}@{r.choice(_MAIL_DOMAINS)}",
        phone=f"({r.randint(201, 989)}) 555-01{r.randint(0, 99):02d}",
        street=f"{r.randint(12, 9800)} {r.choice(_STREETS)}",
        city=city,
        state=state,
        zip=f"{r.randint(10000, 99899):05d}",
    )


def _people(r: random.Random, n: int) -> list[_Person]:
    out: list[_Person] = []
    while len(out) < n:
        p = _person(r)
        if all(p.first != q.first and p.last != q.last for q in out):
            out.append(p)
    return out


def _username(r: random.Random) -> str:
    return r.choice(_USER_INITIALS) + r.choice(_USER_SURNAMES)


# ---------------------------------------------------------------------------------------------------------------
# Fakes that follow their formats' public descriptions.


def fake_password(r: random.Random, *, url_safe: bool = False) -> str:
    if url_safe:
        return r.choice(_LOWER) + _rs(r, string.ascii_letters + _DIGITS + "-_.", r.randint(15, 22))
    if r.random() < 0.5:
        w1, w2 = r.sample(_WORDS, 2)
        return f"{w1.capitalize()}{r.choice('#%&*+=?!')}{w2}{r.randint(10, 9999)}"
    return r.choice(string.ascii_letters) + _rs(
        r, string.ascii_letters + _DIGITS + _SYMBOLS, r.randint(15, 21)
    )


def fake_app_password(r: random.Random) -> str:
    """A Google app password: four groups of four lower-case letters."""
    return " ".join(_rs(r, _LOWER, 4) for _ in range(4))


def fake_passphrase(r: random.Random) -> str:
    return " ".join(r.sample(_WORDS, 3)) + f" {r.randint(10, 99)}"


def fake_token(r: random.Random, n: int = 40) -> str:
    return r.choice(string.ascii_letters) + _rs(r, _ALNUM, n - 1)


def fake_b64_token(r: random.Random, n: int = 43) -> str:
    return r.choice(string.ascii_letters) + _rs(r, _B64URL, n - 1)


def fake_app_secret(r: random.Random) -> str:
    """A generated framework secret: 50 characters of letters, digits and symbols."""
    alphabet = _LOWER + _DIGITS + "!@#%^&*(-_=+)"
    while True:
        s = _rs(r, alphabet, 50)
        if any(c in "!@#%^&*(-_=+)" for c in s) and any(c.isdigit() for c in s):
            return s


def crc_token(r: random.Random, prefix: str) -> str:
    """GitHub's and npm's layout: a prefix, 30 base62 characters and their CRC32 in six base62 digits."""
    body = _rs(r, _ALNUM, 30)
    return prefix + body + _b62(zlib.crc32(body.encode()), 6)


def crc_token_valid(token: str, prefix: str) -> bool:
    body, check = token[len(prefix) : -6], token[-6:]
    return token.startswith(prefix) and len(body) == 30 and _b62(zlib.crc32(body.encode()), 6) == check


def fake_aws_access_key(r: random.Random) -> str:
    return "AKIA" + _rs(r, _B32, 16)


def fake_aws_secret(r: random.Random) -> str:
    return _rs(r, string.ascii_letters + _DIGITS + "/+", 40)


def fake_gitlab_pat(r: random.Random) -> str:
    return "glpat-" + _rs(r, _ALNUM + "-_", 20)


def fake_slack_bot(r: random.Random) -> str:
    return f"xoxb-{r.randint(10**10, 10**11 - 1)}-{r.randint(10**12, 10**13 - 1)}-{_rs(r, _ALNUM, 24)}"


def fake_slack_webhook_path(r: random.Random) -> str:
    upper = _UPPER + _DIGITS
    return f"T{_rs(r, upper, 10)}/B{_rs(r, upper, 10)}/{_rs(r, _ALNUM, 24)}"


def fake_stripe_secret(r: random.Random) -> str:
    return "sk_live_51" + _rs(r, _ALNUM, 96)


def fake_stripe_publishable(r: random.Random) -> str:
    return "pk_live_51" + _rs(r, _ALNUM, 96)


def fake_stripe_webhook(r: random.Random) -> str:
    return "whsec_" + _rs(r, _ALNUM, 32)


def fake_sendgrid(r: random.Random) -> str:
    return "SG." + _rs(r, _B64URL, 22) + "." + _rs(r, _B64URL, 43)


def fake_google_key(r: random.Random) -> str:
    return "AIza" + _rs(r, _B64URL, 35)


def fake_openai(r: random.Random) -> str:
    return "sk-proj-" + _rs(r, _B64URL, 58) + "T3BlbkFJ" + _rs(r, _B64URL, 58)


def fake_anthropic(r: random.Random) -> str:
    return "sk-ant-api03-" + _rs(r, _B64URL, 93) + "AA"


def fake_pypi(r: random.Random) -> str:
    """A PyPI API token: "pypi-" and a macaroon, base64url, whose location is pypi.org."""
    blob = b"\x02\x01\x08pypi.org\x02" + bytes([37, 1, 8]) + b"identifier" + r.randbytes(70)
    return "pypi-" + _b64u(blob)


def fake_shopify(r: random.Random) -> str:
    return "shpat_" + _hex(r, 32)


def fake_digitalocean(r: random.Random) -> str:
    return "dop_v1_" + _hex(r, 64)


def fake_vault(r: random.Random) -> str:
    return "hvs.CAESI" + _rs(r, _B64URL, 86)


def fake_square(r: random.Random) -> str:
    return "EAAA" + _rs(r, _B64URL, 60)


def fake_square_app_id(r: random.Random) -> str:
    return "sq0idp-" + _rs(r, _B64URL, 22)


def fake_postman(r: random.Random) -> str:
    return f"PMAK-{_hex(r, 24)}-{_hex(r, 34)}"


def fake_hf(r: random.Random) -> str:
    return "hf_" + _rs(r, string.ascii_letters, 34)


def fake_mapbox(r: random.Random, kind: str) -> str:
    """Mapbox's tokens: "pk." or "sk.", base64url of a JSON object naming the account, ".", 22 characters."""
    claims = {"u": r.choice(_WORDS) + "-" + r.choice(_WORDS), "a": _rs(r, _LOWER + _DIGITS, 25)}
    return f"{kind}.{_b64u(json.dumps(claims, separators=(',', ':')).encode())}.{_rs(r, _B64URL, 22)}"


def fake_jwt(r: random.Random, issuer: str) -> str:
    header = {"alg": r.choice(["HS256", "RS256"]), "typ": "JWT"}
    iat = r.randint(1_735_000_000, 1_760_000_000)
    payload = {"iss": issuer, "sub": _uuid(r), "iat": iat, "exp": iat + 3600, "scope": "read write"}
    parts = [
        json.dumps(header, separators=(",", ":")).encode(),
        json.dumps(payload, separators=(",", ":")).encode(),
    ]
    return ".".join([_b64u(parts[0]), _b64u(parts[1]), _b64u(r.randbytes(32))])


def fake_basic(r: random.Random, user: str) -> str:
    return base64.b64encode(f"{user}:{fake_password(r)}".encode()).decode()


def fake_azure_key(r: random.Random) -> str:
    return base64.b64encode(r.randbytes(64)).decode()


def luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _luhn_complete(partial: str) -> str:
    for check in _DIGITS:
        if luhn_ok(partial + check):
            return partial + check
    raise AssertionError("unreachable")


def fake_card(r: random.Random) -> str:
    """A card number with a Visa, Mastercard or Amex prefix and a valid Luhn digit (never a published test card)."""
    while True:
        kind = r.choice(["visa", "mc", "mc2", "amex"])
        if kind == "visa":
            prefix, length = "4", 16
        elif kind == "mc":
            prefix, length = str(r.randint(51, 55)), 16
        elif kind == "mc2":
            prefix, length = str(r.randint(2221, 2720)), 16
        else:
            prefix, length = r.choice(["34", "37"]), 15
        number = _luhn_complete(prefix + _rs(r, _DIGITS, length - len(prefix) - 1))
        if len(set(number[1:])) > 4:
            return number


def fake_card_id(r: random.Random) -> str:
    """A card-shaped identifier (16 digits passing Luhn) for an order's or report's id."""
    return _luhn_complete(str(r.randint(1, 9)) + _rs(r, _DIGITS, 14))


_IBAN_LAYOUTS = {"DE": "n8n10", "GB": "a4n6n8", "NL": "a4n10", "AT": "n5n11", "CH": "n5n12"}


def _iban_numeric(s: str) -> int:
    return int("".join(str(int(c, 36)) for c in s))


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "")
    return len(s) > 4 and _iban_numeric(s[4:] + s[:4]) % 97 == 1


def fake_iban(r: random.Random, *, grouped: bool = False, country: str | None = None) -> str:
    cc = country or r.choice(sorted(_IBAN_LAYOUTS))
    layout = _IBAN_LAYOUTS[cc]
    bban = ""
    for kind, count in _layout_pairs(layout):
        bban += _rs(r, _UPPER if kind == "a" else _DIGITS, count)
    check = 98 - _iban_numeric(bban + cc + "00") % 97
    iban = f"{cc}{check:02d}{bban}"
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)) if grouped else iban


def _layout_pairs(layout: str) -> list[tuple[str, int]]:
    """ "a4n6n8" -> [("a", 4), ("n", 6), ("n", 8)]: letters or digits, and how many."""
    pairs: list[tuple[str, int]] = []
    kind, num = "", ""
    for ch in layout + "$":
        if ch.isdigit():
            num += ch
            continue
        if kind:
            pairs.append((kind, int(num)))
        kind, num = ch, ""
    return pairs


def broken_iban(r: random.Random, *, grouped: bool = False) -> str:
    """An IBAN-shaped look-alike whose mod-97 check fails."""
    good = fake_iban(r).replace(" ", "")
    bad = good[:2] + f"{(int(good[2:4]) + r.randint(1, 40)) % 97 + 2:02d}" + good[4:]
    while iban_ok(bad):
        bad = bad[:2] + f"{(int(bad[2:4]) + 1) % 97 + 2:02d}" + bad[4:]
    return " ".join(bad[i : i + 4] for i in range(0, len(bad), 4)) if grouped else bad


def ssn_ok(ssn: str) -> bool:
    digits = ssn.replace("-", "").replace(" ", "")
    if len(digits) != 9 or not digits.isdigit():
        return False
    area, group, serial = int(digits[:3]), int(digits[3:5]), int(digits[5:])
    return 0 < area < 900 and area != 666 and group > 0 and serial > 0


def fake_ssn(r: random.Random, sep: str = "-") -> str:
    while True:
        area = r.randint(1, 899)
        if area != 666:
            break
    return f"{area:03d}{sep}{r.randint(1, 99):02d}{sep}{r.randint(1, 9999):04d}"


def fake_private_ip(r: random.Random, second: int | None = None) -> str:
    b = second if second is not None else r.randint(1, 250)
    return f"10.{b}.{r.randint(1, 250)}.{r.randint(2, 250)}"


def fake_public_ip(r: random.Random) -> str:
    first = r.choice([23, 45, 63, 67, 71, 73, 96, 98, 108, 174])
    return f"{first}.{r.randint(1, 250)}.{r.randint(1, 250)}.{r.randint(2, 250)}"


def fake_bcrypt(r: random.Random) -> str:
    return "$2b$12$" + _rs(r, _CRYPT64, 53)


def fake_cisco9(r: random.Random) -> str:
    return "$9$" + _rs(r, _CRYPT64, 14) + "$" + _rs(r, _CRYPT64, 43)


# Cisco's type 7 key table, as published in many places; split so no tool reads it as one high-entropy run.
_XLAT = "".join(("dsfd;kfoA,.iyew", "rkldJKDHSUBsgvca", "69834ncxv9873254k;fg87"))


def cisco7_encode(plain: str, seed: int) -> str:
    return f"{seed:02d}" + "".join(
        f"{ord(c) ^ ord(_XLAT[(seed + i) % len(_XLAT)]):02X}" for i, c in enumerate(plain)
    )


def cisco7_decode(encoded: str) -> str:
    seed = int(encoded[:2])
    data = bytes.fromhex(encoded[2:])
    return "".join(chr(b ^ ord(_XLAT[(seed + i) % len(_XLAT)])) for i, b in enumerate(data))


def fake_cisco7(r: random.Random) -> str:
    return cisco7_encode(fake_password(r, url_safe=True)[:14], r.randint(0, 15))


def _der(tag: int, content: bytes) -> bytes:
    n = len(content)
    if n < 0x80:
        length = bytes([n])
    elif n < 0x100:
        length = bytes([0x81, n])
    else:
        length = bytes([0x82, n >> 8, n & 0xFF])
    return bytes([tag]) + length + content


_OID_EC_PUBLIC_KEY = bytes.fromhex("06072a8648ce3d0201")
_OID_P256 = bytes.fromhex("06082a8648ce3d030107")


def fake_ec_der(r: random.Random, *, pkcs8: bool) -> bytes:
    """An EC private key on P-256 in SEC 1's DER layout, or wrapped in PKCS #8."""
    point = _der(0x03, b"\x00\x04" + r.randbytes(64))
    sec1 = _der(
        0x30,
        _der(0x02, b"\x01")
        + _der(0x04, r.randbytes(32))
        + (b"" if pkcs8 else _der(0xA0, _OID_P256))
        + _der(0xA1, point),
    )
    if not pkcs8:
        return sec1
    algo = _der(0x30, _OID_EC_PUBLIC_KEY + _OID_P256)
    return _der(0x30, _der(0x02, b"\x00") + algo + _der(0x04, sec1))


def _wrap(b64: str, width: int) -> list[str]:
    return [b64[i : i + width] for i in range(0, len(b64), width)]


def fake_pem_body(r: random.Random, *, pkcs8: bool) -> list[str]:
    return _wrap(base64.b64encode(fake_ec_der(r, pkcs8=pkcs8)).decode(), 64)


def _ssh_str(b: bytes) -> bytes:
    return struct.pack(">I", len(b)) + b


def fake_openssh_body(r: random.Random, comment: str) -> tuple[list[str], str]:
    """An unencrypted OpenSSH ed25519 key's body (openssh-key-v1 layout) and its public key's line."""
    pub, priv = r.randbytes(32), r.randbytes(32)
    pubblob = _ssh_str(b"ssh-ed25519") + _ssh_str(pub)
    check = r.randbytes(4)
    sec = (
        check
        + check
        + _ssh_str(b"ssh-ed25519")
        + _ssh_str(pub)
        + _ssh_str(priv + pub)
        + _ssh_str(comment.encode())
    )
    sec += bytes(range(1, 1 + (-len(sec) % 8)))
    blob = b"openssh-key-v1\x00" + _ssh_str(b"none") + _ssh_str(b"none") + _ssh_str(b"")
    blob += struct.pack(">I", 1) + _ssh_str(pubblob) + _ssh_str(sec)
    public = "ssh-ed25519 " + base64.b64encode(pubblob).decode() + " " + comment
    return _wrap(base64.b64encode(blob).decode(), 70), public


def _pem_marker(edge: str, kind: str) -> str:
    label = f"{kind} PRIVATE KEY" if kind else "PRIVATE KEY"
    return f"-----{edge} {label}-----"


# ---------------------------------------------------------------------------------------------------------------
# Templates: each returns a path, a fence language and parts (plain text, or labelled values).


@attrs.frozen
class _L:
    text: str
    cls: str | None


def S(cls: str, text: str) -> _L:
    assert cls in CLASSES, cls
    return _L(text, cls)


def K(text: str) -> _L:
    return _L(text, None)


_Part = str | _L
_Tpl = tuple[str, str, list[_Part]]


# -- dental-insurance-claims ------------------------------------------------------------------------------------


def _dental_claims_csv(r: random.Random) -> _Tpl:
    p = _person(r)
    other = _person(r)
    ver = _version(r)
    return "exports/claims_2025-03.csv", "csv", [
        "$ head -5 exports/claims_2025-03.csv\n",
        "# exported by dentbridge ", K(ver), "\n",
        "claim_id,member_id,patient_name,email,cdt_code,service_date,billed_usd\n",
        f"CLM-{r.randint(100000, 999999)},W{r.randint(10**8, 10**9 - 1)},", S("person-name", p.full), ",,",
        f"D0120,{_date(r)},{r.randint(60, 140)}.00\n",
        f"CLM-{r.randint(100000, 999999)},W{r.randint(10**8, 10**9 - 1)},Jane Doe,",
        K("jane.doe@example.com"), f",D1110,{_date(r)},{r.randint(90, 160)}.00\n",
        f"CLM-{r.randint(100000, 999999)},W{r.randint(10**8, 10**9 - 1)},{other.first[0]}. {other.last[0]}.,,D2391,",
        f"{_date(r)},{r.randint(150, 320)}.00\n",
    ]  # fmt: skip


def _dental_env(r: random.Random) -> _Tpl:
    return ".env.production", "ini", [
        "# clearinghouse connector (837D submission, 835 remittance pickup)\n",
        "CLEARINGHOUSE_BASE_URL=https://api.claimbridge-edi.com/v3\n",
        "CLEARINGHOUSE_API_KEY=", S("api-key", fake_token(r, 40)), "\n",
        f"CLEARINGHOUSE_SUBMITTER_ID=SUB{r.randint(10**6, 10**7 - 1)}\n",
        "SFTP_HOST=sftp.claimbridge-edi.com\n",
        "SFTP_USER=edi_submit\n",
        "SFTP_PASSWORD=", S("password", fake_password(r)), "\n",
        "\n# sandbox, fill in locally\n",
        "SANDBOX_API_KEY=", K("<your-api-key>"), "\n",
        "SANDBOX_SFTP_PASSWORD=", K("changeme"), "\n",
        "ADMIN_EMAIL=", K("edi-ops@example.com"), "\n",
    ]  # fmt: skip


def _dental_oauth(r: random.Random) -> _Tpl:
    rid = _uuid(r)
    return "session.log", "console", [
        "$ curl -s -X POST https://auth.claimbridge-edi.com/oauth2/token \\\n",
        "    -H 'X-Request-Id: ", K(rid), "' \\\n",
        "    -d grant_type=client_credentials \\\n",
        "    -d client_id=dental-ops-prod \\\n",
        "    -d client_secret=", S("client-secret", fake_b64_token(r, 40)), "\n",
        '{"access_token":"', S("jwt", fake_jwt(r, "https://auth.claimbridge-edi.com")), '","token_type":"Bearer",',
        '"expires_in":3600,"scope":"claims.submit eligibility.read"}\n',
    ]  # fmt: skip


def _dental_eligibility(r: random.Random) -> _Tpl:
    p = _person(r)
    return "eligibility_response.json", "json", [
        "GET /v3/eligibility/270?member=W", str(r.randint(10**8, 10**9 - 1)), " -> 200 OK\n",
        "{\n",
        '  "trace_id": "', K(_uuid(r)), '",\n',
        '  "payer": {"payer_id": "CDCA1", "plan": "PPO Select 1500"},\n',
        '  "subscriber": {\n',
        '    "subscriber_name": "', S("person-name", p.full), '",\n',
        f'    "phone": "{p.phone}",\n',
        '    "ssn": "', S("ssn", fake_ssn(r)), '",\n',
        '    "relationship": "self"\n',
        "  },\n",
        '  "support": {\n',
        '    "support_contact": "', K("eligibility-help@example.com"), '"\n',
        "  },\n",
        '  "coverage": [{"category": "preventive", "coinsurance": 0}, {"category": "basic", "coinsurance": 20}]\n',
        "}\n",
    ]  # fmt: skip


def _dental_git(r: random.Random) -> _Tpl:
    p = _person(r)
    return "git-log.txt", "text", [
        "$ git log -2 -- src/claims/export_837.py\n",
        "commit ", K(_hex(r, 40)), "\n",
        "Author: ", S("person-name", p.full), " <", S("email", p.email), ">\n",
        "Date:   Tue Mar 4 10:12:44 2025 -0500\n\n",
        "    claims: pad rendering NPI to 10 digits in loop 2310B\n\n",
        "commit ", K(_hex(r, 40)), "\n",
        "Author: dependabot[bot] <support@github.com>\n",
        "Date:   Mon Mar 3 06:01:09 2025 +0000\n\n",
        "    build(deps): bump paramiko from 3.4.0 to 3.5.1\n",
    ]  # fmt: skip


def _dental_sftp(r: random.Random) -> _Tpl:
    user = _username(r)
    return "submit.log", "console", [
        "$ python3 /home/", S("home-user", user), "/claimbridge/submit_837.py --batch 2025-03-04\n",
        "connecting to sftp://edi_submit:", S("url-password", fake_password(r, url_safe=True)),
        "@edi.claimbridge-edi.com:22/inbound\n",
        "$ ssh -J ", K("deploy@bastion.claimbridge-edi.com"),
        " edi_submit@edi.claimbridge-edi.com ls inbound | wc -l\n",
        f"{r.randint(2, 9)}\n",
        f"uploaded 837D_20250304_01.x12 ({r.randint(8, 40)} claims, {r.randint(20, 90)} KB)\n",
        "ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*CLAIMBRIDGE    *250304*1012*^*00501*",
        f"{r.randint(10**8, 10**9 - 1)}*0*P*:~\n",
    ]  # fmt: skip


# -- aquariums-zoos ----------------------------------------------------------------------------------------------

_ZOO_DOMAINS = ("tidewater-aquarium.org", "cedarbluff-zoo.org", "northreef.org")


def _zoo_roster(r: random.Random) -> _Tpl:
    a, b = _people(r, 2)
    dom = r.choice(_ZOO_DOMAINS)
    return "rosters/reef-week11.yaml", "yaml", [
        "# keeper roster, Reef & Rainforest wing, week 11\n",
        "area: Reef Gallery\n",
        "notify_from: ", K(f"noreply@{dom}"), "\n",
        "escalation: ", K("vet-oncall@example.org"), "\n",
        "keepers:\n",
        "  - name: ", S("person-name", a.full), "\n",
        "    email: ", S("email", a.email), "\n",
        f'    phone: "{a.phone}"\n',
        "    shift: 06:00-14:30\n",
        "  - name: ", b.full, "\n",
        f"    radio: ch{r.randint(2, 9)}\n",
        "    shift: 14:00-22:30\n",
    ]  # fmt: skip


def _zoo_stripe(r: random.Random) -> _Tpl:
    return "ticketing/.env", "ini", [
        "# ticketing service, timed-entry checkout\n",
        "STRIPE_PUBLISHABLE_KEY=", K(fake_stripe_publishable(r)), "\n",
        "STRIPE_SECRET_KEY=", S("stripe-secret-key", fake_stripe_secret(r)), "\n",
        "STRIPE_SECRET_KEY_STAGING=", K("${STRIPE_SECRET_KEY_STAGING}"), "\n",
        f"TICKET_PRICE_ADULT={r.randint(1800, 3400)}\n",
        "TICKET_PRICE_MEMBER=0\n",
    ]  # fmt: skip


def _zoo_animal_care(r: random.Random) -> _Tpl:
    dom = r.choice(_ZOO_DOMAINS)
    return "config/husbandry-sync.yaml", "yaml", [
        "animal_care:\n",
        f"  base_url: https://records.{dom}/api\n",
        "  host: ", S("ip-address", fake_private_ip(r)), "\n",
        "  username: husbandry_sync\n",
        "  password: ", S("password", fake_password(r)), "\n",
        "  verify_ssl: true\n",
        "  proxy: http://", K("127.0.0.1"), ":3128\n",
        "  client_version: ", K(_version(r)), "\n",
        "sync:\n",
        "  taxa: [Chelonia mydas, Octopus rubescens, Hippocampus kuda]\n",
        "  cron: '15 2 * * *'\n",
    ]  # fmt: skip


def _zoo_members(r: random.Random) -> _Tpl:
    p = _person(r)
    return "exports/members.csv", "csv", [
        "member_no;full_name;email;tier;renews_on\n",
        f"{r.randint(100000, 199999)};", S("person-name", p.full), ";", S("email", p.email),
        f";Family Plus;{_date(r)}\n",
        "100000;", K("Jane Doe"), ";", K("jane.doe@example.org"), ";Test;2099-01-01\n",
    ]  # fmt: skip


def _zoo_slack(r: random.Random) -> _Tpl:
    return "tank_alerts.py", "python", [
        '"""Posts water-quality alarms from the life-support PLCs to #life-support."""\n\n',
        "import os\n\nimport requests\n\n",
        "# for local runs: export SLACK_BOT_TOKEN=", K("xoxb-xxxx-xxxx-xxxx"), "\n",
        'SLACK_BOT_TOKEN = os.environ.get("SLACK_BOT_TOKEN", "', S("slack-bot-token", fake_slack_bot(r)), '")\n',
        'WEBHOOK = "https://hooks.slack.com/services/', S("slack-webhook", fake_slack_webhook_path(r)), '"\n',
        "SIGNING_SECRET = ", K('os.environ["SLACK_SIGNING_SECRET"]'), "\n\n\n",
        "def alarm(tank: str, param: str, value: float) -> None:\n",
        '    requests.post(WEBHOOK, json={"text": f":rotating_light: {tank} {param}={value}"}, timeout=5)\n',
    ]  # fmt: skip


def _zoo_docker(r: random.Random) -> _Tpl:
    user = _username(r)
    dom = r.choice(_ZOO_DOMAINS)
    ci_user = "ci-" + r.choice(_WORDS)
    return "docker-config.txt", "console", [
        f"{user}@lsu-build:~/tank-telemetry$ cat /home/", S("home-user", user), "/.docker/config.json\n",
        "{\n",
        '  "auths": {\n',
        f'    "registry.{dom}": {{\n',
        '      "auth": "', S("registry-auth", base64.b64encode(f"{ci_user}:{fake_password(r)}".encode()).decode()),
        '"\n',
        "    }\n",
        "  }\n",
        "}\n",
        f"{user}@lsu-build:~/tank-telemetry$ docker pull registry.{dom}/telemetry@", K("sha256:" + _hex(r, 64)), "\n",
    ]  # fmt: skip


# -- film-production ---------------------------------------------------------------------------------------------


def _film_callsheet(r: random.Random) -> _Tpl:
    a, b = _people(r, 2)
    return "callsheets/day14.csv", "csv", [
        '# CALL SHEET: "The Salt Orchard", day 14 of 32, crew call 06:30, basecamp Lot C\n',
        "department,role,name,email,phone,call\n",
        "Camera,1st AC,", S("person-name", a.full), ",", S("email", a.email), f",{a.phone},06:30\n",
        f"Sound,Boom Op,{b.first[0]}. {b.last},,,07:00\n",
        "Locations,Key PA,", K("Jane Doe"), ",", K("locations@example.com"), ",,05:45\n",
    ]  # fmt: skip


def _film_aws(r: random.Random) -> _Tpl:
    example = "AKIA" + "IOSFODNN7" + "EXAMPLE"
    return "aws-credentials.txt", "ini", [
        "$ cat ~/.aws/credentials\n",
        "[default]\n",
        "# from the SDK docs, never used\n",
        "aws_access_key_id = ", K(example), "\n\n",
        "[dailies-upload]\n",
        "aws_access_key_id = ", S("aws-access-key", fake_aws_access_key(r)), "\n",
        "aws_secret_access_key = ", S("aws-secret-key", fake_aws_secret(r)), "\n",
        "region = us-west-2\n",
    ]  # fmt: skip


def _film_gcp(r: random.Random) -> _Tpl:
    proj = r.choice(["salt-orchard-post", "harbor-lights-vfx", "quarry-doc-2025"])
    body = "\\n".join(fake_pem_body(r, pkcs8=True))
    return "keys/dailies-sync.json", "json", [
        "{\n",
        '  "type": "service_account",\n',
        f'  "project_id": "{proj}",\n',
        '  "private_key_id": "', S("gcp-key-id", _hex(r, 40)), '",\n',
        '  "private_key": "', _pem_marker("BEGIN", ""), "\\n", S("private-key", body), "\\n",
        _pem_marker("END", ""), '\\n",\n',
        f'  "client_email": "dailies-sync@{proj}.iam.gserviceaccount.com",\n',
        f'  "client_id": "{r.randint(10**20, 10**21 - 1)}",\n',
        '  "token_uri": "https://oauth2.googleapis.com/token"\n',
        "}\n",
    ]  # fmt: skip


def _film_payroll(r: random.Random) -> _Tpl:
    a = _person(r)
    return "accounting/crew-payments-wk10.csv", "csv", [
        "# accounting export, crew payments (EUR), week ending 2025-03-07\n",
        "payee_name;iban;amount_eur;reference\n",
        S("person-name", a.full), ";", S("iban", fake_iban(r, grouped=r.random() < 0.5)),
        f";{r.randint(900, 2600)}.00;WK10-CAM\n",
        K("Jane Doe"), ";", K(broken_iban(r)), f";{r.randint(400, 1200)}.00;WK10-ART (bounced)\n",
    ]  # fmt: skip


def _film_ai_env(r: random.Random) -> _Tpl:
    return "dailies-transcribe/.env", "ini", [
        "OPENAI_API_KEY=", S("openai-key", fake_openai(r)), "\n",
        "ANTHROPIC_API_KEY=", S("anthropic-key", fake_anthropic(r)), "\n",
        "POSTMAN_API_KEY=", S("postman-key", fake_postman(r)), "\n",
        "WHISPER_MODEL=large-v3\n",
        "HF_TOKEN=", K("<your-hf-token>"), "\n",
        "# the README's sample reads OPENAI_API_KEY=", K("sk-..."), "\n",
    ]  # fmt: skip


def _film_psql(r: random.Random) -> _Tpl:
    b = r.randint(2, 60)
    return "ledger.log", "console", [
        '$ psql "postgresql://acct_ro:', S("url-password", fake_password(r, url_safe=True)), "@",
        S("ip-address", fake_private_ip(r, b)),
        ':5432/ledger" -c "select vendor, sum(amount) from po_lines group by 1 limit 2"\n',
        "     vendor      |   sum\n",
        "-----------------+----------\n",
        f" Grip & Electric | {r.randint(20000, 90000)}.00\n",
        f" Catering        | {r.randint(8000, 30000)}.00\n",
        "(2 rows)\n\n",
        "$ grep acct_ro /etc/postgresql/16/main/pg_hba.conf\n",
        "host  ledger  acct_ro  ", K(f"10.{b}.0.0/16"), "  scram-sha-256\n",
    ]  # fmt: skip


# -- water-utilities-scada ---------------------------------------------------------------------------------------


def _scada_historian(r: random.Random) -> _Tpl:
    return "historian.ini", "ini", [
        "; plant historian collector, WTP-2\n",
        "[collector]\n",
        "name = wtp2-collector\n",
        "version = ", K(_version(r)), "\n",
        "[sql]\n",
        "dsn = Driver={ODBC Driver 18 for SQL Server};Server=", S("ip-address", fake_private_ip(r, 30)),
        ",1433;Database=Runtime;UID=hist_writer;PWD=", S("odbc-password", fake_password(r)), ";Encrypt=yes\n",
        "[network]\n",
        "netmask = ", K("255.255.255.0"), "\n",
        "scan_rate_ms = 1000\n",
    ]  # fmt: skip


def _scada_cisco(r: random.Random) -> _Tpl:
    return "sw-filter-gallery.txt", "text", [
        "sw-filter-gallery#show running-config | include enable|username|interface Vlan|ip address\n",
        "enable secret 9 ", S("password-hash", fake_cisco9(r)), "\n",
        "username scada_ops privilege 15 password 7 ", S("cisco-type7", fake_cisco7(r)), "\n",
        f"interface Vlan{r.randint(20, 40)}\n",
        " ip address ", S("ip-address", fake_private_ip(r, 30)), " ", K("255.255.255.0"), "\n",
        "ip access-list standard SCADA-MGMT\n",
        " permit ", K("10.30.0.0 0.0.255.255"), "\n",
    ]  # fmt: skip


def _scada_mqtt(r: random.Random) -> _Tpl:
    return "mqtt-setup.log", "console", [
        "deploy@hmi-02:~$ sudo mosquitto_passwd -b /etc/mosquitto/passwd telemetry ",
        S("cli-password", fake_password(r, url_safe=True)), "\n",
        "deploy@hmi-02:~$ sudo systemctl restart mosquitto\n",
        "deploy@hmi-02:~$ mosquitto -h | head -1\n",
        "mosquitto version ", K("2.0.18"), "\n",
        "deploy@hmi-02:~$ mosquitto_sub -h broker.wtp2.local",
        " -t 'wtp2/+/flow' -u telemetry -P ", K('"$MQTT_PASS"'), " -C 2\n",
        f'wtp2/filter3/flow {{"ts":"2025-03-04T02:15:00Z","gpm":{r.randint(900, 1900)}.4}}\n',
        f'wtp2/filter4/flow {{"ts":"2025-03-04T02:15:00Z","gpm":{r.randint(900, 1900)}.9}}\n',
    ]  # fmt: skip


def _scada_opcua(r: random.Random) -> _Tpl:
    return "opcua-bridge.yaml", "yaml", [
        "# opcua-bridge: PLC tag bridge for the clearwell and high-service pumps\n",
        "plc:\n",
        "  endpoint: opc.tcp://plc3.wtp2.local:4840\n",
        "  trusted_networks: [", K("10.30.0.0/16"), "]\n",
        "  security_policy: Basic256Sha256\n",
        "  username: plc_reader\n",
        "  password: ", S("password", fake_password(r)), "\n",
        "  firmware: ", K(_version(r)), "\n",
        "vault:\n",
        "  addr: https://vault.wtp2.local:8200\n",
        "  token: ", S("vault-token", fake_vault(r)), "\n",
        "  secret_path: kv/scada/plc3\n",
    ]  # fmt: skip


def _scada_oplog(r: random.Random) -> _Tpl:
    a, b = _people(r, 2)
    fw = _version(r)
    return "oplog/2025-03-04-night.txt", "text", [
        "WTP-2 OPERATOR LOG, 2025-03-04, night shift\n",
        f"22:05  Clearwell level {r.randint(11, 16)}.{r.randint(0, 9)} ft, CT within limits.\n",
        f"23:40  Filter 3 backwash complete; turbidity 0.0{r.randint(5, 9)} NTU.\n",
        "02:15  PLC-3 rebooted after firmware ", K(fw), " upgrade; comms restored.\n",
        "03:30  VPN tunnel to ", K("10.30.0.0/16"), " re-established after ISP flap.\n",
        f"04:50  {a.first} cleared the HMI alarm backlog.\n",
        "Inspected by: ", S("person-name", b.full), "\n",
    ]  # fmt: skip


def _scada_rest(r: random.Random) -> _Tpl:
    return "curl-verbose.txt", "console", [
        "$ curl -v -N -H 'Upgrade: websocket' https://historian.wtp2.local/historian/stream 2>&1 | grep '^>'\n",
        "> GET /historian/stream HTTP/1.1\n",
        "> Upgrade: websocket\n",
        "> Sec-WebSocket-Key: ", K(base64.b64encode(r.randbytes(16)).decode()), "\n",
        "> Authorization: Basic ", S("basic-auth", fake_basic(r, "trend_viewer")), "\n",
        "> Sec-WebSocket-Version: 13\n",
    ]  # fmt: skip


# -- auction-houses ----------------------------------------------------------------------------------------------


def _auction_bidder(r: random.Random) -> _Tpl:
    p = _person(r)
    return "bidder-201.json", "json", [
        "POST /api/bidders -> 201 Created\n",
        "{\n",
        f'  "paddle": {r.randint(100, 899)},\n',
        '  "bidder": {\n',
        '    "name": "', S("person-name", p.full), '",\n',
        f'    "phone": "{p.phone}",\n',
        f'    "address": {{"line1": "{p.street}", "city": "{p.city}", "region": "{p.state}"}}\n',
        "  },\n",
        '  "support_contact": "', K("bidder-support@example.com"), '",\n',
        '  "card": {"card_number": "', S("card-number", fake_card(r)),
        f'", "exp": "{r.randint(1, 12):02d}/{r.randint(26, 30)}"}}\n',
        "}\n",
    ]  # fmt: skip


def _auction_consignors(r: random.Random) -> _Tpl:
    p = _person(r)
    return "exports/consignors.csv", "csv", [
        "consignor_id,consignor_name,phone,iban,lot_id,reserve_gbp\n",
        f"C-{r.randint(1000, 9999)},", S("person-name", p.full), f",{p.phone},",
        S("iban", fake_iban(r, country="GB")), ",", K(fake_card_id(r)), f",{r.randint(2, 40)}000\n",
        "C-0000,", K("Jane Doe"), ",(555) 555-0100,", K(broken_iban(r)), ",,0\n",
    ]  # fmt: skip


def _auction_env(r: random.Random) -> _Tpl:
    return "bidding-platform/.env.production", "ini", [
        "BIDLIVE_API_URL=https://api.bidlive.io/v2\n",
        "SENDGRID_API_KEY=", S("sendgrid-key", fake_sendgrid(r)), "\n",
        "GOOGLE_MAPS_API_KEY=", S("google-api-key", fake_google_key(r)), "\n",
        "MAPBOX_PUBLIC_TOKEN=", K(fake_mapbox(r, "pk")), "\n",
    ]  # fmt: skip


def _auction_listen(r: random.Random) -> _Tpl:
    evt = "evt_" + _rs(r, _ALNUM, 24)
    return "stripe-listen.log", "console", [
        "$ stripe listen --forward-to localhost:8000/webhooks/stripe\n",
        "> Ready! You are using Stripe API Version [2024-06-20]. Your webhook signing secret is ",
        S("stripe-webhook-secret", fake_stripe_webhook(r)), " (^C to quit)\n",
        "2025-03-08 19:02:11   --> payment_intent.succeeded [", K(evt), "]\n",
        f"2025-03-08 19:02:11  <--  [200] POST http://localhost:8000/webhooks/stripe [{evt}]\n",
    ]  # fmt: skip


def _auction_sql(r: random.Random) -> _Tpl:
    p = _person(r)
    return "seed_bidders.sql", "sql", [
        "INSERT INTO bidders (paddle_no, full_name, phone, card_number, card_exp) VALUES\n",
        f"  ({r.randint(300, 399)}, '", S("person-name", p.full), f"', '{p.phone}', '",
        S("card-number", fake_card(r)), f"', '{r.randint(1, 12):02d}/{r.randint(26, 30)}'),\n",
        "  (999, 'Jane Doe', '(555) 555-0100', '", K("".join(["4242"] * 4)), "', '12/34');\n",
    ]  # fmt: skip


def _auction_http(r: random.Random) -> _Tpl:
    ga = f"GA1.1.{r.randint(10**8, 10**9 - 1)}.{r.randint(1_700_000_000, 1_760_000_000)}"
    return "bid-request.http", "http", [
        f"POST /api/lots/{r.randint(1000, 1999)}/bids HTTP/2\n",
        "Host: live.hollisandwren.com\n",
        "Authorization: Bearer ", S("bearer-token", fake_b64_token(r, 43)), "\n",
        "Cookie: _ga=", K(ga), "; sessionid=", S("session-cookie", _rs(r, _LOWER + _DIGITS, 32)), "; theme=dark\n",
        "Content-Type: application/json\n\n",
        f'{{"amount": {r.randint(10, 90)}00, "currency": "GBP"}}\n\n',
        "HTTP/2 401\n",
        "set-cookie: ", K("sessionid=deleted"), "; Max-Age=0; Path=/\n",
    ]  # fmt: skip


# -- home-inspection ---------------------------------------------------------------------------------------------


def _home_report(r: random.Random) -> _Tpl:
    p = _person(r)
    return "reports/inspection.md", "markdown", [
        f"# Home Inspection Report: {p.street}, {p.city}\n\n",
        "<!-- generated by inspectpro ", K(_version(r)), " -->\n\n",
        "**Name:** ", S("person-name", p.full), "  \n",
        f"**Phone:** {p.phone}  \n",
        f"**Inspection date:** {_date(r)}\n\n",
        "## Roof\n\nArchitectural shingles, est. 8-10 years. Two lifted tabs at the north valley.\n",
    ]  # fmt: skip


def _home_scheduler(r: random.Random) -> _Tpl:
    return "config/scheduler.json", "json", [
        "{\n",
        '  "scheduler": {\n',
        '    "api_base": "https://api.inspectdesk.io/v1",\n',
        f'    "client_id": "hi-ops-{r.randint(100000, 999999)}",\n',
        '    "client_secret": "', S("client-secret", fake_token(r, 40)), '",\n',
        '    "token_url": "', K("${INSPECTDESK_TOKEN_URL}"), '"\n',
        "  }\n",
        "}\n",
    ]  # fmt: skip


def _home_calendar(r: random.Random) -> _Tpl:
    a, b = _people(r, 2)
    return "invites/inspection.ics", "text", [
        "$ grep -n GOOGLE_ .env\n",
        "3:GOOGLE_API_KEY=", S("google-api-key", fake_google_key(r)), "\n",
        "$ cat invites/inspection-0311.ics\n",
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\n",
        "UID:", K(_uuid(r)), "@inspectdesk.io\n",
        f"SUMMARY:Inspection, {b.street}\n",
        "ORGANIZER;CN=", S("person-name", a.full), ":mailto:", S("email", a.email), "\n",
        "DTSTART:20250311T090000\n",
        "END:VEVENT\nEND:VCALENDAR\n",
    ]  # fmt: skip


def _home_git(r: random.Random) -> _Tpl:
    user = _username(r)
    p = _person(r)
    return "git-identity.txt", "console", [
        S("home-user", user), "@laptop:~/inspectdesk-sync$ git config user.name\n",
        S("person-name", p.full), "\n",
        f"{user}@laptop:~/inspectdesk-sync$ git log --oneline -2\n",
        K(_hex(r, 7)), " fix: retry token refresh on 401\n",
        f"{_hex(r, 7)} feat: push signed reports to the scheduler\n",
    ]  # fmt: skip


def _home_esign(r: random.Random) -> _Tpl:
    a, b = _people(r, 2)
    return "audit-trail.txt", "text", [
        "E-SIGNATURE AUDIT TRAIL\n",
        "Document: Pre-Inspection Agreement\n",
        "Document ID: ", K(_uuid(r)), "\n",
        "Signer: ", S("person-name", a.full), "\n",
        "Signed: 2025-03-10 18:22:05 UTC (session ", K(_uuid(r)), ")\n",
        f"Witness: {b.first}\n",
    ]  # fmt: skip


def _home_psql(r: random.Random) -> _Tpl:
    p = _person(r)
    cid = r.randint(1000, 9999)
    return "psql-client.txt", "console", [
        "scheduler=> \\x\nExpanded display is on.\n",
        f"scheduler=> select * from clients where id = {cid};\n",
        "-[ RECORD 1 ]-+-------------------------------------\n",
        f"id            | {cid}\n",
        "client_name   | ", S("person-name", p.full), "\n",
        f"phone         | {p.phone}\n",
        "inspection_id | ", K(_uuid(r)), "\n",
    ]  # fmt: skip


# -- youth-camps -------------------------------------------------------------------------------------------------


def _camp_medical(r: random.Random) -> _Tpl:
    kid, parent = _people(r, 2)
    return "forms/health-2025.json", "json", [
        "{\n",
        '  "form": "camper-health-2025",\n',
        f'  "camper_first": "{kid.first}",\n',
        '  "guardian": {\n',
        '    "guardian_name": "', S("person-name", parent.full), '",\n',
        f'    "phone": "{parent.phone}"\n',
        "  },\n",
        '  "allergies": ["peanuts", "bee stings"],\n',
        '  "medications": [{"name": "albuterol inhaler", "dose": "2 puffs as needed"}],\n',
        '  "schema_version": "', K(_version(r)), '"\n',
        "}\n",
    ]  # fmt: skip


def _camp_background(r: random.Random) -> _Tpl:
    p = _person(r)
    return "hr/background-checks.csv", "csv", [
        "staff_name,ssn,dob,role,check_status,provider_ref\n",
        S("person-name", p.full), ",", S("ssn", fake_ssn(r)), f",{_date(r, r.randint(1996, 2006))},Counselor,clear,",
        K(_uuid(r)), "\n",
        K("Jane Doe"), ",,,Counselor (sample row),pending,\n",
    ]  # fmt: skip


def _camp_api(r: random.Random) -> _Tpl:
    return "registrations.log", "console", [
        '$ curl -s -H "Authorization: Bearer ', S("jwt", fake_jwt(r, "https://api.campreg.io")),
        '" "https://api.campreg.io/v1/registrations?session=2&limit=1" | jq .\n',
        "{\n",
        '  "data": [\n',
        "    {\n",
        '      "registration_id": "', K(_uuid(r)), '",\n',
        '      "status": "confirmed",\n',
        f'      "cabin": "Cabin {r.randint(1, 12)}"\n',
        "    }\n",
        "  ]\n",
        "}\n",
    ]  # fmt: skip


def _camp_env(r: random.Random) -> _Tpl:
    return "campreg/.env", "ini", [
        "DEBUG=False\n",
        "SECRET_KEY=", S("app-secret", fake_app_secret(r)), "\n",
        "DATABASE_URL=postgres://campreg:", S("url-password", fake_password(r, url_safe=True)),
        "@db.campreg.internal:5432/campreg\n",
        "EMAIL_HOST_PASSWORD=", S("password", fake_app_password(r)), "\n",
        "ALLOWED_HOSTS=localhost,", K("127.0.0.1"), "\n",
    ]  # fmt: skip


def _camp_mail(r: random.Random) -> _Tpl:
    p = _person(r)
    return "outbox/packing-list.eml", "text", [
        "From: ", S("person-name", p.full), " <", S("email", p.email), ">\n",
        "Reply-To: ", K("noreply@camp-larkspur.org"), "\n",
        "Subject: Session 2 packing list and medication drop-off\n",
        "Date: Fri, 06 Jun 2025 16:40:12 -0400\n",
        "Message-ID: <", K(_uuid(r)), "@camp-larkspur.org>\n\n",
        "Hi families, please bring medications in their original containers to the health lodge at check-in.\n",
    ]  # fmt: skip


def _camp_ci(r: random.Random) -> _Tpl:
    return "actions-log.txt", "text", [
        "Run ./scripts/export-rosters.sh --season 2025\n",
        "  shell: /usr/bin/bash -e {0}\n",
        "  env:\n",
        "    CAMPREG_API_URL: https://api.campreg.io/v1\n",
        "    CAMPREG_TOKEN: ", K("***"), "\n",
        "::add-mask::", S("api-key", fake_token(r, 40)), "\n",
        f"exported {r.randint(120, 260)} registrations to rosters/session-2.csv\n",
        "Post job cleanup.\n",
        "Run actions/checkout@", K(_hex(r, 40)), "\n",
    ]  # fmt: skip


# -- print-on-demand ---------------------------------------------------------------------------------------------


def _pod_env(r: random.Random) -> _Tpl:
    return "storefront/.env", "ini", [
        "PRINTIFY_API_TOKEN=", S("jwt", fake_jwt(r, "https://api.printify.com")), "\n",
        "PRINTFUL_API_KEY=", K("<your-printful-token>"), "\n",
        "SHOPIFY_STORE=inkwell-threads.myshopify.com\n",
        "SHOPIFY_ACCESS_TOKEN=", S("shopify-token", fake_shopify(r)), "\n",
        "SHOPIFY_API_VERSION=2025-01\n",
    ]  # fmt: skip


def _pod_orders(r: random.Random) -> _Tpl:
    p = _person(r)
    return "exports/orders.csv", "csv", [
        "order_id,customer_name,address1,city,zip,country,sku\n",
        K(fake_card_id(r)), ",", S("person-name", p.full),
        f",{p.street},{p.city},{p.zip},US,TEE-BLK-L\n",
        K(fake_card_id(r)), ",", K("Jane Doe"), ",1 Sample St,Anytown,00000,US,MUG-11OZ\n",
    ]  # fmt: skip


def _pod_webhook(r: random.Random) -> _Tpl:
    p = _person(r)
    oid = r.randint(5_000_000_000_000, 5_999_999_999_999)
    return "webhooks/orders-create.json", "json", [
        "{\n",
        f'  "id": {oid},\n',
        '  "admin_graphql_api_id": "', K(f"gid://shopify/Order/{oid}"), '",\n',
        '  "email": "', S("email", p.email), '",\n',
        '  "shipping_address": {\n',
        '    "name": "', S("person-name", p.full), '",\n',
        f'    "address1": "{p.street}",\n',
        f'    "city": "{p.city}",\n',
        f'    "zip": "{p.zip}"\n',
        "  },\n",
        '  "line_items": [{"sku": "MUG-11OZ", "quantity": 2}]\n',
        "}\n",
    ]  # fmt: skip


def _pod_npmrc(r: random.Random) -> _Tpl:
    return ".npmrc", "ini", [
        "@inkwell:registry=https://npm.pkg.github.com\n",
        "//npm.pkg.github.com/:_authToken=", K("${GITHUB_PACKAGES_TOKEN}"), "\n",
        "//registry.npmjs.org/:_authToken=", S("npm-token", crc_token(r, "npm_")), "\n",
    ]  # fmt: skip


def _pod_spaces(r: random.Random) -> _Tpl:
    return "mockups.toml", "toml", [
        "[storage]\n",
        'provider = "digitalocean"\n',
        'token = "', S("digitalocean-token", fake_digitalocean(r)), '"\n',
        'bucket = "inkwell-mockups"\n',
        'region = "nyc3"\n\n',
        "[render]\n",
        f"workers = {r.randint(2, 8)}\n",
        'renderer_version = "', K(_version(r)), '"\n',
    ]  # fmt: skip


def _pod_square(r: random.Random) -> _Tpl:
    return "square-locations.log", "console", [
        f"# app: {fake_square_app_id(r)}\n",
        "$ curl https://connect.squareup.com/v2/locations \\\n",
        "    -H 'Square-Version: 2025-01-23' \\\n",
        "    -H 'Authorization: Bearer ", S("square-token", fake_square(r)), "'\n",
        f'{{"locations":[{{"id":"L{_rs(r, _UPPER + _DIGITS, 12)}","name":"Inkwell Pop-up","status":"ACTIVE"}}]}}\n',
    ]  # fmt: skip


# -- translation-memory ------------------------------------------------------------------------------------------

_LSPS = ("linguaforge", "verbatim-lsp", "polyglotte")


def _tm_tmx(r: random.Random) -> _Tpl:
    p = _person(r)
    return "legal-en-de.tmx", "xml", [
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n',
        '  <header creationtool="memoQ" creationtoolversion="', K(_version(r)),
        '" srclang="en-US" datatype="plaintext" segtype="sentence" adminlang="en-US" o-tmf="memoQTM"/>\n',
        "  <body>\n",
        '    <tu changedate="20250302T101500Z">\n',
        '      <tuv xml:lang="en-US"><seg>Contact: ', S("person-name", p.full), " (", S("email", p.email),
        ")</seg></tuv>\n",
        f'      <tuv xml:lang="de-DE"><seg>Kontakt: {p.full} ({p.email})</seg></tuv>\n',
        "    </tu>\n",
        '    <tu changedate="20250302T101612Z">\n',
        '      <tuv xml:lang="en-US"><seg>The Licensee shall not sublicense the Software.</seg></tuv>\n',
        '      <tuv xml:lang="de-DE"><seg>Der Lizenznehmer darf die Software nicht unterlizenzieren.</seg></tuv>\n',
        "    </tu>\n  </body>\n</tmx>\n",
    ]  # fmt: skip


def _tm_server(r: random.Random) -> _Tpl:
    lsp = r.choice(_LSPS)
    return "cat-sync.yaml", "yaml", [
        "# cat-sync: memoQ server bridge and MT pre-translation\n",
        "server:\n",
        f"  url: https://tm.{lsp}.com:8081/memoqserverhttpapi/v1\n",
        "  username: pm_sync\n",
        "  password: ", S("password", fake_password(r)), "\n",
        "mt:\n",
        "  provider: huggingface\n",
        "  token: ", S("huggingface-token", fake_hf(r)), "\n",
        "  model: Helsinki-NLP/opus-mt-en-de\n",
        "  revision: ", K(_hex(r, 40)), "\n",
    ]  # fmt: skip


def _tm_translators(r: random.Random) -> _Tpl:
    p = _person(r)
    return "vendors/translators.json", "json", [
        "[\n",
        '  {"name": "', S("person-name", p.full), '", "phone": "', p.phone,
        '", "pairs": ["en-US>de-DE"], "rate_per_word": 0.11, "iban": "', S("iban", fake_iban(r, country="DE")), '"},\n',
        '  {"name": "Jane Doe", "email": "', K("jane.doe@example.net"),
        '", "pairs": ["en-US>fr-FR"], "rate_per_word": 0.1}\n',
        "]\n",
    ]  # fmt: skip


def _tm_env(r: random.Random) -> _Tpl:
    return "qa-pipeline/.env", "ini", [
        "GOOGLE_TRANSLATE_API_KEY=", S("google-api-key", fake_google_key(r)), "\n",
        "OPENAI_API_KEY=", S("openai-key", fake_openai(r)), "\n",
        "DEEPL_AUTH_KEY=", K("<your-api-key>"), "\n",
        "LANGUAGETOOL_URL=http://", K("127.0.0.1"), ":8010/v2\n",
    ]  # fmt: skip


def _tm_git(r: random.Random) -> _Tpl:
    lsp = r.choice(_LSPS)
    p = _person(r)
    return "release.log", "console", [
        "$ git remote -v\n",
        "origin\t", K("git@github.com"), f":{lsp}/tm-sync.git (fetch)\n",
        "$ git clone https://oauth2:", S("gitlab-pat", fake_gitlab_pat(r)), f"@gitlab.com/{lsp}/termbase.git\n",
        "$ cat ~/.pypirc\n[pypi]\nusername = __token__\n",
        "password = ", S("pypi-token", fake_pypi(r)), "\n",
        "$ git log -1 --format=%H\n", K(_hex(r, 40)), "\n",
        "$ git shortlog -sne --since=2025-01-01\n",
        f"    {r.randint(10, 80)}\t", S("person-name", p.full), " <", S("email", p.email), ">\n",
    ]  # fmt: skip


def _tm_curl(r: random.Random) -> _Tpl:
    lsp = r.choice(_LSPS)
    return "tm-list.log", "console", [
        "$ curl -s -u pm_sync:", S("cli-password", fake_password(r, url_safe=True)), " \\\n",
        "    -H 'Postman-Token: ", K(_uuid(r)), "' \\\n",
        f"    https://tm.{lsp}.com:8081/api/v1/tms?lang=de-DE\n",
        '[{"guid":"', K(_uuid(r)), f'","name":"Legal EN>DE","entries":{r.randint(10000, 90000)}}}]\n',
    ]  # fmt: skip


# -- pest-control-field ------------------------------------------------------------------------------------------


def _pest_route(r: random.Random) -> _Tpl:
    tech, a = _people(r, 2)
    return "routes/route14.csv", "csv", [
        f"# ROUTE SHEET {_date(r)} route 14\n",
        "technician_name: ", S("person-name", tech.full), "\n",
        "stop,customer_name,service_address,phone,service,target\n",
        f"1,{a.first[0]}. {a.last[0]}.,{a.street} {a.city},{a.phone},Quarterly perimeter,ants\n",
        "2,", K("Jane Doe"), ",1 Sample St (training stop),,Inspection,none\n",
    ]  # fmt: skip


def _pest_nm(r: random.Random) -> _Tpl:
    user = _username(r)
    return "depot-yard.nmconnection", "ini", [
        f"{user}@fieldtab-07:~$ ls /home/", S("home-user", user), "/routes\n",
        "route14.csv  route15.csv\n",
        f"{user}@fieldtab-07:~$ sudo cat /etc/NetworkManager/system-connections/depot-yard.nmconnection\n",
        "[connection]\nid=depot-yard\ntype=wifi\n[wifi]\nssid=DEPOT-YARD\n[wifi-security]\nkey-mgmt=wpa-psk\n",
        "psk=", S("wifi-psk", fake_passphrase(r) if r.random() < 0.5 else fake_token(r, 20)), "\n",
        "[ipv4]\nmethod=manual\n",
        "address1=", S("ip-address", fake_private_ip(r)), "/24\n",
        "dns=", K("8.8.8.8"), ";", K("1.1.1.1"), ";\n",
    ]  # fmt: skip


def _pest_handheld(r: random.Random) -> _Tpl:
    return "handheld-config.json", "json", [
        "$ adb shell run-as com.pestroute.field cat files/config.json\n",
        "{\n",
        '  "api_base": "https://api.pestroute-field.com/v2",\n',
        '  "device_id": "', K(_uuid(r)), '",\n',
        '  "api_key": "', S("api-key", fake_token(r, 32)), '",\n',
        '  "sync_interval_s": 300,\n',
        '  "app_version": "', K(_version(r)), '"\n',
        "}\n",
    ]  # fmt: skip


def _pest_chem(r: random.Random) -> _Tpl:
    p = _person(r)
    return "chemlog/2025-03-12.jsonl", "json", [
        '{"device_id":"', K(_uuid(r)), f'","date":"{_date(r)}","technician_name":"', S("person-name", p.full),
        '","license":"',
        f"CA-{r.randint(100000, 999999)}",
        f'","epa_reg_no":"{r.randint(100, 999)}-{r.randint(1000, 9999)}","product":"fipronil 9.1% SC","rate":"0.06%",',
        f'"area_sqft":{r.randint(400, 3000)}}}\n',
    ]  # fmt: skip


def _pest_maps(r: random.Random) -> _Tpl:
    return "src/config/maps.ts", "typescript", [
        "// Route optimisation and map tiles for the field app.\n",
        'export const MAPBOX_PUBLIC = "', K(fake_mapbox(r, "pk")), '";\n',
        'export const MAPBOX_UPLOAD_TOKEN = "', S("mapbox-secret", fake_mapbox(r, "sk")), '";\n',
        'export const GOOGLE_ROUTES_KEY = "', S("google-api-key", fake_google_key(r)), '";\n',
    ]  # fmt: skip


def _pest_backend(r: random.Random) -> _Tpl:
    return "field-sync/.env", "ini", [
        "DATABASE_URL=postgresql://fieldsync:", S("url-password", fake_password(r, url_safe=True)),
        "@db.fieldsync.internal:5432/field\n",
        "REDIS_URL=", K("redis://localhost:6379/0"), "\n",
        "SLACK_BOT_TOKEN=", S("slack-bot-token", fake_slack_bot(r)), "\n",
    ]  # fmt: skip


# -- bike-shops-rentals ------------------------------------------------------------------------------------------


def _bike_agreement(r: random.Random) -> _Tpl:
    p = _person(r)
    return "agreements/R-0412.txt", "text", [
        f"RENTAL AGREEMENT  #R-2025-{r.randint(1000, 9999)}\n",
        "Renter name ........ ", S("person-name", p.full), "\n",
        "Email .............. ", S("email", p.email), "\n",
        f"Phone .............. {p.phone}\n",
        f"ID number .......... D{r.randint(1000000, 9999999)}\n",
        f"Bike ............... Hybrid (M) #B-{r.randint(100, 199)}\n",
        "Card on file ....... ", K("****"), f" {r.randint(1000, 9999)}\n",
    ]  # fmt: skip


def _bike_square(r: random.Random) -> _Tpl:
    return "pos/.env", "ini", [
        "SQUARE_ENVIRONMENT=production\n",
        f"SQUARE_APPLICATION_ID={fake_square_app_id(r)}\n",
        "SQUARE_WEBHOOK_URL=https://", K("pos.example.com"), "/hooks/square\n",
        "SQUARE_ACCESS_TOKEN=", S("square-token", fake_square(r)), "\n",
        f"SQUARE_LOCATION_ID=L{_rs(r, _UPPER + _DIGITS, 12)}\n",
    ]  # fmt: skip


def _bike_booking(r: random.Random) -> _Tpl:
    p = _person(r)
    return "booking.log", "console", [
        "$ curl -s 'https://api.rentalbook.io/v1/customers?page=1' -H \"Authorization: Bearer ",
        S("bearer-token", fake_b64_token(r, 40)), '"\n',
        f'{{"customers":[{{"id":"cus_{_rs(r, _ALNUM, 14)}","name":"', S("person-name", p.full),
        f'","phone":"{p.phone}"}}],"request_id":"', K(_uuid(r)), '"}\n',
    ]  # fmt: skip


def _bike_sql(r: random.Random) -> _Tpl:
    p = _person(r)
    return "rentals_seed.sql", "sql", [
        "INSERT INTO rentals (renter_name, email, card_number, bike_id, out_at) VALUES\n",
        "  ('", S("person-name", p.full), "', '", S("email", p.email), "', '", S("card-number", fake_card(r)),
        f"', {r.randint(100, 199)}, '{_date(r)} 09:30'),\n",
        "  ('", K("Jane Doe"), "', '", K("jane.doe@example.com"), "', '", K("".join(["4242"] * 4)),
        "', 0, '2025-01-01 00:00');\n",
    ]  # fmt: skip


def _bike_stripe(r: random.Random) -> _Tpl:
    test_card = " ".join(["4242"] * 4)
    return "booking-web/.env.local", "ini", [
        "STRIPE_PUBLISHABLE_KEY=", K(fake_stripe_publishable(r)), "\n",
        "STRIPE_SECRET_KEY=", S("stripe-secret-key", fake_stripe_secret(r)), "\n",
        "# test mode: card ", K(test_card), ", any future date, any CVC\n",
    ]  # fmt: skip


def _bike_actions(r: random.Random) -> _Tpl:
    filler = "ghp_" + "x" * 36
    return ".github/workflows/deploy.yml", "yaml", [
        "name: deploy-booking\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n",
        "      GH_PAT: ", S("github-pat", crc_token(r, "ghp_")), "\n",
        "      DEPLOY_KEY: ", K("${{ secrets.DEPLOY_KEY }}"), "\n",
        "    steps:\n",
        "      # docs say: GH_PAT: ", K(filler), "\n",
        "      - uses: actions/checkout@", K(_hex(r, 40)), "\n",
    ]  # fmt: skip


# -- tenant-screening --------------------------------------------------------------------------------------------


def _tenant_report(r: random.Random) -> _Tpl:
    p = _person(r)
    return "reports/screening.json", "json", [
        "{\n",
        '  "report_id": "', K(fake_card_id(r)), '",\n',
        '  "applicant": {\n',
        '    "full_name": "', S("person-name", p.full), '",\n',
        '    "ssn": "', S("ssn", fake_ssn(r)), '",\n',
        f'    "date_of_birth": "{_date(r, r.randint(1960, 2002))}"\n',
        "  },\n",
        f'  "credit": {{"score": {r.randint(540, 820)}, "tradelines": {r.randint(2, 20)}}},\n',
        '  "eviction_records": 0\n',
        "}\n",
    ]  # fmt: skip


def _tenant_csv(r: random.Random) -> _Tpl:
    p = _person(r)
    return "exports/applicants.csv", "csv", [
        "applicant_name,ssn,dob,score,decision\n",
        S("person-name", p.full), ",", S("ssn", fake_ssn(r, "")),
        f",{_date(r, r.randint(1960, 2002))},{r.randint(540, 820)},approve\n",
        K("Jane Doe"), ",,2000-01-01,0,sample\n",
    ]  # fmt: skip


def _tenant_portal(r: random.Random) -> _Tpl:
    return "portal.yaml", "yaml", [
        "landlord_portal:\n",
        "  url: https://portal.keystone-screening.com\n",
        "  username: landlord_ops\n",
        "  password: ", S("password", fake_password(r)), "\n",
        "  api_token: ", S("api-key", fake_token(r, 36)), "\n",
        "staging:\n",
        "  password: ", K("${PORTAL_PASSWORD}"), "\n",
    ]  # fmt: skip


def _tenant_psql(r: random.Random) -> _Tpl:
    p = _person(r)
    return "psql-applicant.txt", "console", [
        "screening=> \\x\nExpanded display is on.\n",
        f"screening=> select full_name, ssn, email from applicants where id = {r.randint(10000, 99999)};\n",
        "-[ RECORD 1 ]--------------------------\n",
        "full_name | ", S("person-name", p.full), "\n",
        "ssn       | ", S("ssn", fake_ssn(r)), "\n",
        "\nscreening=> select version();\n",
        "                          version\n",
        "-----------------------------------------------------------\n",
        " ", K("PostgreSQL 16.4 on x86_64-pc-linux-gnu"), ", compiled by gcc 12.2.0, 64-bit\n",
    ]  # fmt: skip


def _tenant_aws(r: random.Random) -> _Tpl:
    example = "AKIA" + "IOSFODNN7" + "EXAMPLE"
    return "aws-configure.log", "console", [
        "$ aws configure get aws_access_key_id --profile reports\n",
        S("aws-access-key", fake_aws_access_key(r)), "\n",
        "$ aws configure get aws_secret_access_key --profile reports\n",
        S("aws-secret-key", fake_aws_secret(r)), "\n",
        "$ grep -c ", K(example), " docs/setup.md\n1\n",
    ]  # fmt: skip


def _tenant_w9(r: random.Random) -> _Tpl:
    p = _person(r)
    return "w9.txt", "text", [
        f"$ pdftotext -layout w9_applicant_{r.randint(10000, 99999)}.pdf - | head -12\n",
        "Form W-9 (Rev. March 2024)   Request for Taxpayer Identification Number and Certification\n",
        "1 Name (as shown on your income tax return). Name is required on this line.\n",
        S("person-name", p.full), "\n",
        "Part I   Taxpayer Identification Number (TIN)\n",
        "Social security number\n",
        S("ssn", fake_ssn(r, " ")), "\n",
    ]  # fmt: skip


# -- extra vendor/key templates shared out across settings -----------------------------------------------------


def _ssh_key_cat(r: random.Random, host: str) -> _Tpl:
    user = _username(r)
    lines, public = fake_openssh_body(r, f"backup@{host}")
    return "id_ed25519.txt", "console", [
        "$ cat /home/", S("home-user", user), "/.ssh/id_ed25519.pub\n",
        K(public), "\n",
        f"$ cat /home/{user}/.ssh/id_ed25519\n",
        _pem_marker("BEGIN", "OPENSSH"), "\n",
        S("private-key", "\n".join(lines)), "\n",
        _pem_marker("END", "OPENSSH"), "\n",
    ]  # fmt: skip


def _ec_key_file(r: random.Random, path: str) -> _Tpl:
    return path, "text", [
        f"$ sudo cat {path}\n",
        _pem_marker("BEGIN", "EC"), "\n",
        S("private-key", "\n".join(fake_pem_body(r, pkcs8=False))), "\n",
        _pem_marker("END", "EC"), "\n",
        f"$ openssl ec -in {path} -noout -text 2>/dev/null | head -1\n",
        "Private-Key: (256 bit)\n",
        "$ openssl version\n",
        "OpenSSL ", K("3.0.13"), " 30 Jan 2024 (Library: OpenSSL 3.0.13)\n",
    ]  # fmt: skip


def _azure_conn(r: random.Random, account: str) -> _Tpl:
    ikey = _uuid(r)
    return "appsettings.json", "json", [
        "{\n",
        '  "Storage": "DefaultEndpointsProtocol=https;AccountName=', account, ";AccountKey=",
        S("azure-storage-key", fake_azure_key(r)), ';EndpointSuffix=core.windows.net",\n',
        '  "ApplicationInsights": "InstrumentationKey=', K(ikey), '"\n',
        "}\n",
    ]  # fmt: skip


def _htpasswd(r: random.Random, user: str) -> _Tpl:
    return "htpasswd.log", "console", [
        f"$ sudo htpasswd -b -B /etc/nginx/.htpasswd {user} ", S("cli-password", fake_password(r, url_safe=True)), "\n",
        f"Adding password for user {user}\n",
        "$ sudo cat /etc/nginx/.htpasswd\n",
        f"{user}:", S("password-hash", fake_bcrypt(r)), "\n",
        "$ nginx -v\n",
        "nginx version: ", K("nginx/1.26.2"), "\n",
    ]  # fmt: skip


_Template = Callable[[random.Random], _Tpl]

_TEMPLATES: dict[str, tuple[_Template, ...]] = {
    "dental-insurance-claims": (
        _dental_claims_csv, _dental_env, _dental_oauth, _dental_eligibility, _dental_git, _dental_sftp,
        lambda r: _azure_conn(r, "claimarchive"),
    ),
    "aquariums-zoos": (
        _zoo_roster, _zoo_stripe, _zoo_animal_care, _zoo_members, _zoo_slack, _zoo_docker,
        lambda r: _htpasswd(r, "keepers"),
    ),
    "film-production": (
        _film_callsheet, _film_aws, _film_gcp, _film_payroll, _film_ai_env, _film_psql,
        lambda r: _azure_conn(r, "saltorcharddailies"),
    ),
    "water-utilities-scada": (
        _scada_historian, _scada_cisco, _scada_mqtt, _scada_opcua, _scada_oplog, _scada_rest,
        lambda r: _ec_key_file(r, "/etc/opcua/pki/own/private/client.pem"),
    ),
    "auction-houses": (
        _auction_bidder, _auction_consignors, _auction_env, _auction_listen, _auction_sql, _auction_http,
    ),
    "home-inspection": (
        _home_report, _home_scheduler, _home_calendar, _home_git, _home_esign, _home_psql,
    ),
    "youth-camps": (
        _camp_medical, _camp_background, _camp_api, _camp_env, _camp_mail, _camp_ci,
    ),
    "print-on-demand": (
        _pod_env, _pod_orders, _pod_webhook, _pod_npmrc, _pod_spaces, _pod_square,
        lambda r: _ssh_key_cat(r, "mockup-render"),
    ),
    "translation-memory": (
        _tm_tmx, _tm_server, _tm_translators, _tm_env, _tm_git, _tm_curl,
    ),
    "pest-control-field": (
        _pest_route, _pest_nm, _pest_handheld, _pest_chem, _pest_maps, _pest_backend,
    ),
    "bike-shops-rentals": (
        _bike_agreement, _bike_square, _bike_booking, _bike_sql, _bike_stripe, _bike_actions,
        lambda r: _htpasswd(r, "shopadmin"),
    ),
    "tenant-screening": (
        _tenant_report, _tenant_csv, _tenant_portal, _tenant_psql, _tenant_aws, _tenant_w9,
        lambda r: _ssh_key_cat(r, "report-sftp"),
    ),
}  # fmt: skip

# ---------------------------------------------------------------------------------------------------------------
# Composing and delivering.


def _compose(parts: Sequence[_Part]) -> tuple[str, list[tuple[str | None, int, int]]]:
    out: list[str] = []
    labels: list[tuple[str | None, int, int]] = []
    pos = 0
    for part in parts:
        if isinstance(part, _L):
            labels.append((part.cls, pos, pos + len(part.text)))
            out.append(part.text)
            pos += len(part.text)
        else:
            out.append(part)
            pos += len(part)
    text = "".join(out)
    return text if text.endswith("\n") else text + "\n", labels


def _by_lines(text: str, prefix: Callable[[int], str], header: str) -> tuple[str, Callable[[int], int]]:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    orig_starts: list[int] = []
    new_starts: list[int] = []
    out: list[str] = [header]
    o, n = 0, len(header)
    for i, line in enumerate(lines):
        pre = prefix(i)
        orig_starts.append(o)
        new_starts.append(n + len(pre))
        out.append(pre + line + "\n")
        o += len(line) + 1
        n += len(pre) + len(line) + 1

    def where(p: int) -> int:
        i = bisect.bisect_right(orig_starts, p) - 1
        return new_starts[i] + (p - orig_starts[i])

    return "".join(out), where


def _ci_stamp(ticks: int) -> str:
    """A CI runner's timestamp for a number of 100 ns ticks after 09:00 (as GitHub Actions prints them)."""
    seconds, frac = divmod(ticks, 10_000_000)
    minutes, sec = divmod(seconds, 60)
    return f"2025-05-14T{9 + minutes // 60:02d}:{minutes % 60:02d}:{sec:02d}.{frac:07d}Z "


def _deliver(
    delivery: str, path: str, lang: str, text: str, r: random.Random
) -> tuple[str, Callable[[int, int], tuple[int, int]]]:
    """The delivered text and a map from a label's (start, end) in the text to its (start, end) as delivered."""
    if delivery == "plain":
        return text, lambda s, e: (s, e)
    if delivery == "json":
        head = '{"type":"tool_result","tool_use_id":"toolu_01' + _rs(r, _ALNUM, 22) + '","content":"'

        def esc(p: int) -> int:
            return len(head) + len(json.dumps(text[:p])) - 2

        return head + json.dumps(text)[1:-1] + '"}\n', lambda s, e: (esc(s), esc(e))
    if delivery == "fence":
        head = f"Contents of `{path}`:\n\n```{lang}\n"
        return head + text + "```\n", lambda s, e: (s + len(head), e + len(head))
    if delivery == "diff":
        count = text.count("\n")
        header = f"diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..{_hex(r, 7)}\n"
        header += f"--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{count} @@\n"
        body, where = _by_lines(text, lambda i: "+", header)
    elif delivery == "numbered":
        if r.random() < 0.5:
            body, where = _by_lines(text, lambda i: f"{i + 1:>6}\u2192", "")
        else:
            body, where = _by_lines(text, lambda i: f"{i + 1}\t", "")
    elif delivery == "cilog":
        ticks = [r.randint(0, 1_200_000_000)]
        for _ in range(text.count("\n")):
            ticks.append(ticks[-1] + r.randint(1_000, 9_000_000))
        body, where = _by_lines(text, lambda i: _ci_stamp(ticks[i]), "")
    else:
        raise ValueError(delivery)
    return body, lambda s, e: (where(s), where(e - 1) + 1)


_LINE_PREFIXED = frozenset({"diff", "numbered", "cilog"})
_WHOLE = ("plain", "json", "fence")


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    r = random.Random(seed)
    docs: list[Document] = []
    for si, setting in enumerate(SETTINGS):
        templates = _TEMPLATES[setting]
        for i in range(DOCS_PER_SETTING):
            template = templates[i % len(templates)]
            delivery = DELIVERIES[(i + si) % len(DELIVERIES)]
            path, lang, parts = template(r)
            text, labels = _compose(parts)
            if delivery in _LINE_PREFIXED and any("\n" in text[s:e] for _, s, e in labels):
                # A key's lines would carry the prefixes of the lines between them inside its label.
                delivery = _WHOLE[i % len(_WHOLE)]
            delivered, where = _deliver(delivery, path, lang, text, r)
            secrets: list[Secret] = []
            keeps: list[Keep] = []
            for cls, start, end in labels:
                s, e = where(start, end)
                if cls is None:
                    keeps.append(Keep(delivered[s:e], s))
                else:
                    secrets.append(Secret(cls, delivered[s:e], s))
            stem = path.rsplit("/", 1)[-1]
            docs.append(
                Document(
                    f"{setting}/{i:02d}-{stem}", setting, delivery, delivered, tuple(secrets), tuple(keeps)
                )
            )
    return docs


def corpus_digest(docs: Sequence[Document]) -> str:
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
    blob = json.dumps(canon, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


def _blanked(doc: Document) -> str:
    chars = list(doc.text)
    for s in doc.secrets:
        chars[s.offset : s.offset + len(s.text)] = "x" * len(s.text)
    return "".join(chars)


def measure_documents(docs: Sequence[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregate recall and keep figures of `scrub` over `docs`; no value is ever reported."""
    total = removed = clean = 0
    vendor_total = vendor_removed = 0
    spans = kept = 0
    for doc in docs:
        out = scrub(doc.text)
        out_blank = scrub(_blanked(doc)) if doc.secrets else out
        for s in doc.secrets:
            total += 1
            vendor = s.cls in VENDOR_CLASSES
            vendor_total += vendor
            if s.text in out:
                continue
            removed += 1
            vendor_removed += vendor
            windows = {s.text[i : i + 6] for i in range(len(s.text) - 5)}
            if not any(w in out and w not in out_blank for w in windows):
                clean += 1
        for k in doc.keeps:
            spans += 1
            if out.count(k.text) >= doc.text.count(k.text):
                kept += 1
    return {
        "secrets": float(total),
        "recall": removed / total if total else 1.0,
        "recall_no_fragment": clean / total if total else 1.0,
        "vendor_prefix_recall": vendor_removed / vendor_total if vendor_total else 1.0,
        "keep_rate": kept / spans if spans else 1.0,
        "spans": float(spans),
    }


def measure_held_back() -> dict[str, float]:
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
