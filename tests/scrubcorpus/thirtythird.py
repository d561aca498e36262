"""The thirtythird held-back scrub corpus: documents the scrubber was never tuned to, in twelve settings.

The settings: restaurant delivery (Toast and Square POS, DoorDash and Uber Eats driver and order exports),
clinical trials' EDC (REDCap, Medidata Rave, site staff rosters), newsletter platforms (listmonk, Ghost,
Mailchimp-style subscriber exports), marketplace sellers (Amazon SP-API, eBay, Etsy and Shopify credentials and
order reports), CCTV and NVRs (camera and recorder configs, RTSP URLs, ONVIF), web3 development (Hardhat and
Foundry configs, RPC provider keys, deployer keys, mnemonics), localization platforms (Crowdin, Lokalise and
Phrase CLIs and configs), secrets managers (Infisical, SOPS, Vault and its agent, Doppler), LMS courses (Canvas,
Moodle, gradebook exports), rideshare drivers (onboarding, background checks, payouts), voter files and
campaigns (voter file extracts, canvassing apps, donation processors) and satellite imagery (Planet, Sentinel
Hub, Maxar, tasking logs).

Labels follow the scrubber's published policy (its package docstring) alone: what the policy says goes is a
`Secret`, what it says stays (placeholders, public keys, publishable keys, commit hashes, versions, test cards,
documentation addresses, networks and netmasks, template references...) is a `Keep`, and what it leaves open is
not labelled. Every fake value is drawn at build time from a seeded `random.Random` by code that follows its
format's public description (prefixes, lengths, alphabets) and is valid where the format has a check: CRC32 in
GitHub's and npm's tokens, Luhn in card numbers, mod 97 in IBANs, the SSA's ranges in SSNs, bech32 in age keys,
BIP-39's checksum in mnemonics, DER in PEM bodies, the openssh-key-v1 layout, JWTs that decode. No secret, key,
token or personal datum is written in this file as a literal: names and places are drawn from small made-up
vocabularies and combined, addresses from made-up domains, test cards are assembled from their groups.

Each document is delivered one way (`DELIVERIES`): as is; escaped inside a JSON transcript line; as a unified
diff's added lines; with line numbers; behind CI log timestamps; inside a Markdown fence. Offsets are for the
text as delivered, and in the JSON delivery a label's text is its escaped form.

`measure_documents` reports aggregates only (recall, recall with no fragment left, recall over vendor formats,
the share of keeps kept, and the counts), never a value; `measure_held_back` runs the real scrubber, which it
imports when called, never at import time.
"""

from __future__ import annotations

import base64
import bisect
import datetime
import hashlib
import itertools
import json
import random
import re
import string
import struct
import uuid
import zlib
from collections.abc import Callable

import attrs

DEFAULT_SEED: int = 20261233
DELIVERIES = ("plain", "json", "diff", "numbered", "cilog", "fence")
SETTINGS: tuple[str, ...] = (
    "restaurant-delivery",
    "clinical-trials-edc",
    "newsletter-platforms",
    "marketplace-sellers",
    "cctv-nvr",
    "web3-dev",
    "localization-platforms",
    "secrets-managers",
    "lms-courses",
    "rideshare-drivers",
    "voter-files-campaigns",
    "satellite-imagery",
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


def _split(text: str, sep: str | None = None) -> tuple[str, ...]:
    return tuple(text.split(sep))


VENDOR_CLASSES: frozenset[str] = frozenset(
    _split("""github-token stripe-secret-key slack-token aws-access-key sendgrid-api-key mailchimp-api-key
    square-access-token doppler-token vault-token age-secret-key google-api-key npm-token openai-api-key
    mapbox-secret-token telegram-bot-token amazon-lwa-secret planet-api-key twilio-api-key shopify-access-token""")
)
CLASSES: frozenset[str] = VENDOR_CLASSES | frozenset(
    _split("""password url-password private-key openssh-private-key eth-private-key mnemonic api-key api-token
    client-secret jwt bearer-token session-cookie query-token email person-name ssn card-number iban ip-address
    password-hash home-user aws-secret-key gcp-key-id wifi-key vault-unseal-key signing-secret salt refresh-token
    basic-auth totp-secret""")
)

# ---------------------------------------------------------------- alphabets and vocabularies

_DIG = string.digits
_UP = string.ascii_uppercase
_LO = string.ascii_lowercase
_B62 = _DIG + _UP + _LO
_HEX = "0123456789abcdef"
_B64 = _UP + _LO + _DIG + "+/"
_B64U = _UP + _LO + _DIG + "-_"
_B32 = _UP + "234567"
_BCRYPT = "./" + _UP + _LO + _DIG
_BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"

_FIRST = _split("""Amara Bastian Corinne Dmitri Elif Farrah Gideon Hanne Ibrahim Jolene Kaito Leonie Mateo Nadia Osric
    Priya Quentin Rosalind Soren Tamsin Ulrike Vikram Wren Ximena Yusuf Zofia Anouk Caspian Delphine Emeka""")
_LAST = _split("""Abernathy Bergstrom Castellanos Dvorak Eriksen Fairweather Galloway Halvorsen Iwasaki Jankowski
    Kowalczyk Lindqvist Marchetti Nakashima Okonkwo Pemberton Quintero Ravensworth Szymanski Thorne Umberger Vasquez
    Whitcombe Yilmaz Zelenko Ashdown Brannigan Cordero Delacroix Esposito""")
_MAIL = _split("fernpost.net quillbox.org larchmail.com tidewire.io kestrelmail.net mossgate.co owlpost.eu")
_WORDS = _split("""lantern saffron harbor juniper cobalt meadow quartz ember falcon willow granite orchid tundra pepper
    velvet canyon marlin thistle copper zephyr""")
_PLACES = _split("northvale eastbrook ridgemont larkspur westhollow pinecrest millbrook ashford")
_STREETS = _split("Linden Ave|Quarry Rd|Orchard St|Harbor Way|Birch Ln|Mill Race Rd|Tanner St", "|")
_CITIES = _split("Fallbrook|Cedar Bluff|Marlow|Oakhurst|Brightwater|Kingsford", "|")
_STATES = _split("OH PA WI NC AZ MI GA")


def _rs(r: random.Random, alphabet: str, n: int) -> str:
    return "".join(r.choice(alphabet) for _ in range(n))


def _hex(r: random.Random, n: int) -> str:
    return _rs(r, _HEX, n)


def _num(r: random.Random, n: int) -> str:
    return str(r.randint(1, 9)) + _rs(r, _DIG, n - 1)


def _uuid(r: random.Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def _b64u(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _b64u_json(obj: object) -> str:
    return _b64u(json.dumps(obj, separators=(",", ":")).encode())


def _person(r: random.Random) -> tuple[str, str]:
    return r.choice(_FIRST), r.choice(_LAST)


def _email(r: random.Random, first: str, last: str) -> str:
    f, la = first.lower(), last.lower()
    local = r.choice((f"{f}.{la}", f"{f[0]}{la}", f"{f}{la[0]}{r.randint(2, 98)}", f"{la}.{f}", f"{f}_{la}"))
    return f"{local}@{r.choice(_MAIL)}"


def _who(r: random.Random) -> tuple[str, str, str]:
    first, last = _person(r)
    return first, last, _email(r, first, last)


def _user(r: random.Random) -> str:
    """A home directory's user name."""
    first, last = _person(r)
    return r.choice(
        (f"{first[0]}{last}".lower(), f"{first}{last[:2]}".lower(), f"{first.lower()}{r.randint(10, 99)}")
    )


def _password(r: random.Random, url: bool = False) -> str:
    """A password with a letter, a digit and a symbol; URL-safe ones keep to unreserved characters."""
    syms = "-._~" if url else "!#%*+-.=?@^_~"
    style = r.randrange(3)
    if style == 0:
        core = r.choice(_B62) + _rs(r, _B62 + syms, r.randint(12, 19))
    elif style == 1:
        a, b = r.sample(_WORDS, 2)
        core = f"{a.capitalize()}{r.choice(syms)}{b}{r.randint(10, 9999)}"
    else:
        core = f"{r.choice(_WORDS)}{r.randint(100, 999)}{r.choice(_WORDS).upper()}"
    return f"{core}{r.choice(syms)}{r.randint(2, 9)}{r.choice(_LO)}"


def _private_ip(r: random.Random) -> str:
    kind = r.randrange(3)
    if kind == 0:
        return f"192.168.{r.randint(0, 60)}.{r.randint(2, 250)}"
    if kind == 1:
        return f"10.{r.randint(1, 250)}.{r.randint(0, 250)}.{r.randint(2, 250)}"
    return f"172.{r.randint(16, 31)}.{r.randint(0, 250)}.{r.randint(2, 250)}"


def _public_ip(r: random.Random) -> str:
    first = r.choice((23, 34, 44, 52, 54, 64, 81, 91, 95, 104, 138, 146, 159, 167, 178, 185, 188, 212))
    return f"{first}.{r.randint(1, 250)}.{r.randint(0, 250)}.{r.randint(2, 250)}"


# ---------------------------------------------------------------- checked formats


def _crc_token(r: random.Random, prefix: str) -> str:
    """GitHub's and npm's layout: 30 random base62 characters, then their CRC32 in six base62 digits."""
    body, check = _rs(r, _B62, 30), ""
    crc = zlib.crc32(body.encode())
    while crc:
        crc, d = divmod(crc, 62)
        check = _B62[d] + check
    return prefix + body + check.rjust(6, "0")


def _luhn_digit(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str(-total % 10)


def _test_cards() -> tuple[str, ...]:
    """Numbers payment processors publish for testing: built, not written, so no source line holds one."""
    return (
        "4242" * 4,
        "4000" + "0566" + "5566" + "5556",
        "5555" * 3 + "4444",
        "3782" + "8224" + "6310" + "005",
    )


def _card(r: random.Random) -> str:
    while True:
        brand = r.randrange(4)
        prefix, length = (
            ("4", 16),
            (str(r.randint(51, 55)), 16),
            (r.choice(("34", "37")), 15),
            ("6011", 16),
        )[brand]
        body = prefix + _rs(r, _DIG, length - len(prefix) - 1)
        card = body + _luhn_digit(body)
        if card not in _test_cards():
            return card


def _grouped(card: str) -> str:
    if len(card) == 15:
        return f"{card[:4]} {card[4:10]} {card[10:]}"
    return " ".join(card[i : i + 4] for i in range(0, 16, 4))


def _ssn(r: random.Random, dashed: bool = True) -> str:
    area = r.choice([a for a in range(1, 900) if a != 666])
    group, serial = r.randint(1, 99), r.randint(1, 9999)
    return f"{area:03d}-{group:02d}-{serial:04d}" if dashed else f"{area:03d}{group:02d}{serial:04d}"


_IBAN_LAYOUT = {"DE": "n8n10", "GB": "a4n6n8", "NL": "a4n10", "AT": "n5n11", "IE": "a4n6n8"}


def _iban(r: random.Random, valid: bool = True, country: str = "") -> str:
    country = country or r.choice(sorted(_IBAN_LAYOUT))
    bban = ""
    for kind, n in re.findall(r"([an])(\d+)", _IBAN_LAYOUT[country]):
        bban += _rs(r, _UP if kind == "a" else _DIG, int(n))
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(digits) % 97
    if not valid:
        check = r.choice([c for c in range(2, 99) if c != check])
    return f"{country}{check:02d}{bban}"


def _iban_grouped(iban: str) -> str:
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def _bcrypt(r: random.Random, variant: str = "2y", cost: int = 10) -> str:
    salt = _rs(r, _BCRYPT, 21) + r.choice(".Oeu")
    digest = _rs(r, _BCRYPT, 30) + r.choice(_BCRYPT[::4])
    return f"${variant}${cost:02d}${salt}{digest}"


def _jwt(r: random.Random, claims: dict[str, object], alg: str = "HS256") -> str:
    sig = r.randbytes(32 if alg.startswith("HS") else 256)
    return f"{_b64u_json({'alg': alg, 'typ': 'JWT'})}.{_b64u_json(claims)}.{_b64u(sig)}"


def _der(tag: int, content: bytes) -> bytes:
    n = len(content)
    if n < 128:
        head = bytes([n])
    elif n < 256:
        head = bytes([0x81, n])
    else:
        head = bytes([0x82, n >> 8, n & 0xFF])
    return bytes([tag]) + head + content


def _der_int(raw: bytes) -> bytes:
    return _der(0x02, b"\x00" + raw if raw[0] & 0x80 else raw)


def _rsa_der(r: random.Random, pkcs8: bool) -> bytes:
    """A PKCS#1 RSAPrivateKey's DER layout (version, n, e, d, p, q, dp, dq, qinv), optionally wrapped in PKCS#8."""
    parts = [b"\x00", bytes([0xC0 | r.randrange(64)]) + r.randbytes(255), b"\x01\x00\x01", r.randbytes(256)]
    parts += [bytes([0xC0 | r.randrange(64)]) + r.randbytes(127) for _ in range(2)] + [
        r.randbytes(128) for _ in range(3)
    ]
    key = _der(0x30, b"".join(_der_int(p) for p in parts))
    if not pkcs8:
        return key
    algo = _der(0x30, _der(0x06, bytes.fromhex("2a864886f70d010101")) + b"\x05\x00")
    return _der(0x30, _der_int(b"\x00") + algo + _der(0x04, key))


def _ec_der(r: random.Random) -> bytes:
    """SEC1's ECPrivateKey on P-256: version 1, the scalar, the curve's OID, the public point."""
    curve = _der(0xA0, _der(0x06, bytes.fromhex("2a8648ce3d030107")))
    point = _der(0xA1, _der(0x03, b"\x00\x04" + r.randbytes(64)))
    return _der(0x30, _der_int(b"\x01") + _der(0x04, b"\x01" + r.randbytes(31)) + curve + point)


def _pem_body(der: bytes, sep: str = "\n", width: int = 64) -> str:
    b = base64.b64encode(der).decode()
    return sep.join(b[i : i + width] for i in range(0, len(b), width))


def _ssh_string(b: bytes) -> bytes:
    return struct.pack(">I", len(b)) + b


def _openssh(r: random.Random, comment: str) -> tuple[str, str]:
    """An ed25519 key in the openssh-key-v1 layout, unencrypted: (its PEM body, its public key line)."""
    pub = r.randbytes(32)
    blob = _ssh_string(b"ssh-ed25519") + _ssh_string(pub)
    check = r.randbytes(4)
    priv = check + check + blob + _ssh_string(r.randbytes(32) + pub) + _ssh_string(comment.encode())
    priv += bytes(range(1, 1 + (-len(priv)) % 8))
    raw = b"openssh-key-v1\x00" + _ssh_string(b"none") * 2 + _ssh_string(b"") + struct.pack(">I", 1)
    raw += _ssh_string(blob) + _ssh_string(priv)
    return _pem_body(raw, width=70), f"ssh-ed25519 {base64.b64encode(blob).decode()} {comment}"


def _bech32(hrp: str, data: bytes) -> str:
    five: list[int] = []
    acc = bits = 0
    for b in data:
        acc, bits = (acc << 8) | b, bits + 8
        while bits >= 5:
            bits -= 5
            five.append((acc >> bits) & 31)
    if bits:
        five.append((acc << (5 - bits)) & 31)
    chk = 1
    for v in [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + five + [0] * 6:
        top, chk = chk >> 25, ((chk & 0x1FFFFFF) << 5) ^ v
        for i, g in enumerate((0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)):
            chk ^= g if (top >> i) & 1 else 0
    chk ^= 1
    return hrp + "1" + "".join(_BECH[d] for d in five + [(chk >> 5 * (5 - i)) & 31 for i in range(6)])


def _age_pair(r: random.Random) -> tuple[str, str]:
    """(an age identity, an age recipient): bech32 of 32 bytes under age's prefixes."""
    return _bech32("age-secret-key-", r.randbytes(32)).upper(), _bech32("age", r.randbytes(32))


def _eth_key(r: random.Random) -> str:
    order = int("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16)
    return "0x" + format(r.randrange(1, order), "064x")


def _mnemonic(r: random.Random, words: int = 12) -> str:
    """BIP-39: entropy of 32 bits per 3 words, then the first bits of its SHA-256."""
    ent = r.randbytes(words * 4 // 3)
    cs = len(ent) * 8 // 32
    bits = (int.from_bytes(ent, "big") << cs) | (hashlib.sha256(ent).digest()[0] >> (8 - cs))
    return " ".join(_BIP39[(bits >> (11 * (words - 1 - i))) & 2047] for i in range(words))


# ---------------------------------------------------------------- the generators templates name


def _salt(r: random.Random) -> str:
    return _rs(r, _B62 + "!#%*+-.=?@^_~()[]<>,;:", 48)


def _basic(r: random.Random) -> str:
    user = f"{r.choice(('svc', 'rws', 'api'))}_{r.choice(_WORDS)}"
    return base64.b64encode(f"{user}:{_password(r)}".encode()).decode()


def _wifi_psk(r: random.Random) -> str:
    if r.random() < 0.5:
        return " ".join(r.sample(_WORDS, 3)) + f" {r.randint(10, 99)}"
    return _rs(r, _B62, r.randint(14, 20))


def _claims(r: random.Random, **extra: object) -> dict[str, object]:
    iat = 1_772_000_000 + r.randrange(4_000_000)
    return {"sub": _uuid(r), "iat": iat, "exp": iat + 3600, **extra}


_GEN: dict[str, Callable[[random.Random], str]] = {
    "uuid": _uuid,
    "sha": lambda r: _hex(r, 40),
    "short": lambda r: _hex(r, 7),
    "ver": lambda r: f"{r.randint(1, 9)}.{r.randint(0, 30)}.{r.randint(0, 20)}",
    "quad": lambda r: f"{r.randint(1, 5)}.{r.randint(0, 12)}.{r.randint(0, 9)}.{r.randint(1, 40)}",
    "word": lambda r: r.choice(_WORDS),
    "place": lambda r: r.choice(_PLACES),
    "STREET": lambda r: r.choice(_STREETS).upper(),
    "city": lambda r: r.choice(_CITIES),
    "CITY": lambda r: r.choice(_CITIES).upper(),
    "state": lambda r: r.choice(_STATES),
    "tld": lambda r: r.choice(("com", "net", "org", "io", "co")),
    "phone": lambda r: f"+1 {r.randint(201, 989)}-555-{r.randint(100, 199):04d}",
    "mac": lambda r: ":".join(_rs(r, "0123456789ABCDEF", 2) for _ in range(6)),
    "bic": lambda r: _rs(r, _UP, 4) + r.choice(("DE", "NL", "AT", "IE")) + _rs(r, _UP + _DIG, 2),
    "exemail": lambda r: (
        f"{r.choice(('jane.doe', 'support', 'dev', 'student'))}@example.{r.choice(('com', 'org'))}"
    ),
    "amzmail": lambda r: f"{_rs(r, _LO + _DIG, 16)}@marketplace.amazon.{r.choice(('com', 'de', 'co.uk'))}",
    "privip": _private_ip,
    "pubip": _public_ip,
    "privnet": lambda r: f"10.{r.randint(1, 250)}.0.0/16",
    "lan24": lambda r: f"192.168.{r.randint(0, 60)}.0/24",
    "user": _user,
    "pw": _password,
    "urlpw": lambda r: _password(r, url=True),
    "wifipsk": _wifi_psk,
    "salt": _salt,
    "basic": _basic,
    "unseal": lambda r: base64.b64encode(r.randbytes(33)).decode(),
    "totp": lambda r: _rs(r, _B32, 32),
    "rails": lambda r: f"{_rs(r, _B64U, 120)}--{_hex(r, 40)}",
    "ghostsess": lambda r: f"s%3A{_rs(r, _B64U, 32)}.{_rs(r, _B64U, 43)}",
    "ghp": lambda r: _crc_token(r, "ghp_"),
    "ghs": lambda r: _crc_token(r, "ghs_"),
    "npm": lambda r: _crc_token(r, "npm_"),
    "ghpfill": lambda r: "ghp_" + "x" * 36,
    "akid": lambda r: "AKIA" + _rs(r, _B32, 16),
    "akidex": lambda r: "AKIA" + _rs(r, _B32, 9) + "EXAMPLE",
    "awssecret": lambda r: _rs(r, _B64, 40),
    "sk": lambda r: "sk_live_" + _rs(r, _B62, r.choice((24, 34, 99))),
    "rk": lambda r: "rk_live_" + _rs(r, _B62, r.choice((24, 99))),
    "pk": lambda r: "pk_live_" + _rs(r, _B62, r.choice((24, 99))),
    "whsec": lambda r: "whsec_" + _rs(r, _B62, 32),
    "slack": lambda r: f"xoxb-{_num(r, r.randint(10, 12))}-{_num(r, 13)}-{_rs(r, _B62, 24)}",
    "slackfill": lambda r: "xoxb-" + "-".join(["xxxx"] * r.randint(3, 4)),
    "sendgrid": lambda r: f"SG.{_rs(r, _B64U, 22)}.{_rs(r, _B64U, 43)}",
    "mailchimp": lambda r: f"{_hex(r, 32)}-us{r.randint(2, 21)}",
    "square": lambda r: "EAAA" + _rs(r, _B64U, 60),
    "squarefill": lambda r: "EAAA" + "x" * r.randint(20, 40),
    "doppler": lambda r: (
        f"dp.st.{r.choice(('prd', 'stg'))}.{_rs(r, _B62, 40)}"
        if r.random() < 0.6
        else f"dp.pt.{_rs(r, _B62, 43)}"
    ),
    "vault": lambda r: "hvs." + _rs(r, _B62, 24) if r.random() < 0.5 else "hvs.CAESI" + _rs(r, _B64U, 86),
    "google": lambda r: "AIza" + _rs(r, _B64U, 35),
    "openai": lambda r: f"sk-proj-{_rs(r, _B64U, 74)}T3BlbkFJ{_rs(r, _B64U, 74)}",
    "mapsk": lambda r: (
        f"sk.{_b64u_json({'u': r.choice(_WORDS) + '-geo', 'a': _rs(r, _LO + _DIG, 25)})}.{_rs(r, _B64U, 22)}"
    ),
    "mappk": lambda r: (
        f"pk.{_b64u_json({'u': r.choice(_WORDS) + '-geo', 'a': _rs(r, _LO + _DIG, 25)})}.{_rs(r, _B64U, 22)}"
    ),
    "telegram": lambda r: f"{r.randint(10**8, 8 * 10**9)}:AA{_rs(r, _B64U, 33)}",
    "lwa": lambda r: "amzn1.oa2-cs.v1." + _hex(r, 64),
    "atzr": lambda r: "Atzr|IwEBI" + _rs(r, _B64U, 180),
    "atza": lambda r: "Atza|IwEBI" + _rs(r, _B64U, 180),
    "planet": lambda r: "PLAK" + _hex(r, 32),
    "twilio": lambda r: "SK" + _hex(r, 32),
    "shopify": lambda r: "shpat_" + _hex(r, 32),
    "phc": lambda r: "phc_" + _rs(r, _B62, 43),
    "phx": lambda r: "phx_" + _rs(r, _B62, 43),
    "sbpub": lambda r: "sb_publishable_" + _rs(r, _B64U, 31),
    "ubertok": lambda r: "IA." + _rs(r, _B64U, 160),
    "canvas": lambda r: f"{r.randint(1000, 29999)}~{_rs(r, _B62, 64)}",
    "van": lambda r: _uuid(r) + "|1",
    "deepl": lambda r: _uuid(r) + ":fx",
    "infisical": lambda r: f"st.{_uuid(r)}.{_hex(r, 32)}.{_hex(r, 32)}",
    "ebaycert": lambda r: f"PRD-{_hex(r, 12)}-{_hex(r, 4)}-{_hex(r, 4)}-{_hex(r, 4)}-{_hex(r, 4)}",
    "ebaytoken": lambda r: "v^1.1#i^1#p^3#r^1#f^0#I^3#t^" + _rs(r, _B64, 220) + "=",
    "card": _card,
    "testcard": lambda r: r.choice(_test_cards()),
    "testcardg": lambda r: _grouped(r.choice(_test_cards())),
    "ssn": _ssn,
    "ssnn": lambda r: _ssn(r, dashed=False),
    "iban": _iban,
    "ibang": lambda r: _iban_grouped(_iban(r)),
    "ibanbad": lambda r: _iban(r, valid=False),
    "bcrypt": _bcrypt,
    "htpw": lambda r: _bcrypt(r, "2y", 5),
    "jwt": lambda r: _jwt(r, _claims(r, role=r.choice(("driver", "authenticated", "merchant")))),
    "jwtsb": lambda r: _jwt(
        r, {"iss": "supabase", "ref": _rs(r, _LO, 20), "role": "service_role", "iat": 1_760_000_000}
    ),
    "jwtrs": lambda r: _jwt(r, _claims(r, typ="Bearer", azp=_uuid(r), scope="email profile"), "RS256"),
    "pkcs8j": lambda r: _pem_body(_rsa_der(r, True), sep="\\n"),
    "ec": lambda r: _pem_body(_ec_der(r)),
    "eth": _eth_key,
    "addr": lambda r: "0x" + _hex(r, 40),
    "tx": lambda r: "0x" + _hex(r, 64),
    "mn12": _mnemonic,
    "mn24": lambda r: _mnemonic(r, 24),
}
_RAND = re.compile(r"(b62|hex|HEX|b64u|b64|b32|lo|dig|up)_(\d+)")
_ALPHA = dict(
    b62=_B62,
    hex=_HEX,
    HEX=_HEX.upper(),
    b64u=_B64U,
    b64=_B64,
    b32=_B32,
    lo=_LO + _DIG,
    dig=_DIG,
    up=_UP + _DIG,
)
_PERSON = ("first", "last", "name", "FIRST", "LAST", "email")
_PAIRS = ("ssh", "sshpub", "age", "agepub")

# A slot: «=text» is a keep written out; «CLASS:GEN» or «CLASS:GEN:TAG» draws a value from a generator, the same
# one wherever the tag repeats (a person's parts share their tag). CLASS "k" is a keep, "_" ordinary text.
_SLOT = re.compile(r"«(?:=(?P<lit>[^»]+)|(?P<cls>[\w-]+):(?P<gen>\w+)(?::(?P<tag>\w+))?)»")


@attrs.frozen
class _Draft:
    path: str
    text: str
    secrets: tuple[Secret, ...]
    keeps: tuple[Keep, ...]


def _fill(path: str, tpl: str, r: random.Random) -> _Draft:
    values: dict[str, str] = {}
    people: dict[str, tuple[str, str, str]] = {}
    pairs: dict[str, tuple[str, str]] = {}
    out: list[str] = []
    secrets: list[Secret] = []
    keeps: list[Keep] = []
    pos = n = 0
    for m in _SLOT.finditer(tpl):
        out.append(tpl[pos : m.start()])
        n += m.start() - pos
        pos = m.end()
        if m["lit"] is not None:
            cls, text = "k", m["lit"]
        else:
            cls, gen, tag = m["cls"], m["gen"], m["tag"] or ""
            if gen in _PERSON:
                if tag not in people:
                    people[tag] = _who(r)
                first, last, email = people[tag]
                parts = {
                    "first": first,
                    "last": last,
                    "FIRST": first.upper(),
                    "LAST": last.upper(),
                    "email": email,
                }
                text = parts.get(gen, f"{first} {last}")
            elif gen in _PAIRS:
                key = gen.removesuffix("pub") + tag
                if key not in pairs:
                    pairs[key] = (
                        _openssh(r, f"{r.choice(_WORDS)}-sftp") if key.startswith("ssh") else _age_pair(r)
                    )
                text = pairs[key][gen.endswith("pub")]
            elif tag and gen + ":" + tag in values:
                text = values[gen + ":" + tag]
            else:
                rand = _RAND.fullmatch(gen)
                text = _rs(r, _ALPHA[rand[1]], int(rand[2])) if rand else _GEN[gen](r)
                if tag:
                    values[gen + ":" + tag] = text
        if cls == "k":
            keeps.append(Keep(text, n))
        elif cls != "_":
            if cls not in CLASSES:
                raise ValueError(f"{path}: unknown class {cls}")
            secrets.append(Secret(cls, text, n))
        out.append(text)
        n += len(text)
    out.append(tpl[pos:])
    return _Draft(path, "".join(out), tuple(secrets), tuple(keeps))


# ---------------------------------------------------------------- the documents, per setting
# Each block holds templates, each under a header "=== PATH xCOUNT": COUNT documents are drawn from it.

_BLOCKS: dict[str, str] = {
    "restaurant-delivery": """\
=== toast-sync/.env x3
# toast-sync: production values, copied from the vault by hand (see OPS-2211)
TOAST_API_HOSTNAME=https://ws-api.toasttab.com
TOAST_CLIENT_ID=«_:b62_32»
TOAST_CLIENT_SECRET=«client-secret:b64u_64»
SQUARE_ACCESS_TOKEN=«square-access-token:square»
STRIPE_PUBLISHABLE_KEY=«k:pk»
DATABASE_URL=postgres://toastsync:«url-password:urlpw»@db.internal:5432/orders
REDIS_URL=redis://«=127.0.0.1»:6379/2
=== square-locations.txt x3
$ curl -s https://connect.squareup.com/v2/locations -H 'Square-Version: 2025-01-23' \\
    -H "Authorization: Bearer «square-access-token:square»" | jq -c '.locations[] | {id, status}'
{"id":"L«_:up_12»","status":"ACTIVE"}
$ # the tests use the sandbox: export SQUARE_TOKEN=«k:squarefill»
$ grep -rn 'Bearer ' src/square/ | head -1
src/square/client.py:31:        headers["Authorization"] = f"«=Bearer {self.token}»"
=== drive/auth.py x3
# DoorDash Drive v2 credentials (Developer Portal > Credentials > "orders-bridge prod")
DEVELOPER_ID = "«_:uuid»"
KEY_ID = "«_:uuid»"
SIGNING_SECRET = "«signing-secret:b64u_43»"
claims = {"aud": "doordash", "iss": DEVELOPER_ID, "kid": KEY_ID, "exp": now + 300, "iat": now}
token = jwt.encode(claims, jwt.utils.«=base64url_decode(SIGNING_SECRET)», algorithm="HS256", headers=DD_VER)
# curl -H "Authorization: Bearer «jwt:jwt»" https://openapi.doordash.com/drive/v2/deliveries/D-1042
=== exports/doordash-orders.csv x2
order_id,created_at,store,customer_name,subtotal,tip,dasher_name,status
D-«_:dig_9»,2026-03-01 18:42,«_:word» kitchen,«person-name:name:a»,42.80,6.00,«person-name:name:b»,DELIVERED
D-«_:dig_9»,2026-03-01 19:31,«_:word» kitchen,Test Order (tablet),0.00,0.00,,CANCELLED
=== logs/pos-payments.log x3
2026-03-02 19:41:07,119 DEBUG pos.payments.emv track2 parsed pan=«card-number:card» exp=«_:dig_4» svc=201
2026-03-02 19:41:07,402 INFO  pos.payments.gateway auth approved ref=«_:up_12» amount=48.20 masked=«=****»«_:dig_4»
2026-03-02 19:44:51,006 INFO  pos.payments.gateway test mode charge card=«k:testcardg» approved
2026-03-02 19:44:51,007 WARN  pos.payments.emv track data is logged at DEBUG (PCI DSS 3.2.1), disable before go-live
2026-03-02 19:44:52,310 INFO  pos.payments.gateway build «k:short» on «=0.0.0.0:8443»
=== uber-token.txt x3
$ curl -s -X POST https://auth.uber.com/oauth/v2/token -d client_id=«_:b64u_32» \\
    -d client_secret=«client-secret:b64u_40» -d grant_type=client_credentials -d 'scope=eats.store eats.order'
{"access_token":"«bearer-token:ubertok»","token_type":"Bearer","expires_in":2592000,"scope":"eats.store eats.order"}
$ grep -n client_secret config/uber.yml
12:  client_secret: «=${UBER_CLIENT_SECRET}»
=== stripe-refund.txt x3
$ export STRIPE_API_KEY=«stripe-secret-key:rk»
$ stripe refunds create --charge=ch_«_:b62_24:ch» --amount=1250 --reason=requested_by_customer
{"id": "re_«_:b62_24»", "object": "refund", "amount": 1250, "charge": "ch_«_:b62_24:ch»",
 "metadata": {"order_id": "«k:card»", "store": "«_:word»-«_:dig_3»"}, "status": "succeeded"}
$ stripe listen --forward-to localhost:8000/webhooks/stripe
> Ready! Your webhook signing secret is «signing-secret:whsec» (^C to quit)
=== toast/order.json x2
{
  "guid": "«_:uuid»",
  "source": "Online",
  "customers": [{"firstName": "«person-name:first»", "lastName": "«person-name:last»", "email": "«email:email»",
                 "phone": "«_:phone»"}],
  "checks": [{"payments": [{"type": "CREDIT", "cardType": "MASTERCARD", "last4Digits": "«_:dig_4»", "amount": 38.5}]}]
}
=== menu-sync.log x5
menu-sync «k:ver» (commit «k:sha») starting
config /etc/menu-sync/config.yml: uber_eats.client_secret=«=${UBER_EATS_SECRET}», toast.client_secret=****
listening on «=0.0.0.0:8080», health on 127.0.0.1:8081
pushed 214 items to store «_:uuid» (Uber Eats), 0 errors
failure mail goes to «k:exemail», owner set in the admin console
""",
    "clinical-trials-edc": """\
=== redcap/pull_visits.py x3
REDCAP_URL = "https://redcap.«_:place».edu/api/"
TOKEN = "«api-token:HEX_32»"  # project 1187, site 04 export role
data = {«='token': TOKEN», 'content': 'record', 'format': 'json', 'type': 'flat', 'fields[0]': 'record_id'}
visits = requests.post(REDCAP_URL, data=data, timeout=60).json()
=== redcap-curl.txt x3
$ curl -s -X POST https://redcap.«_:place:p».edu/api/ \\
    -d token=«api-token:HEX_32» -d content=exportFieldNames -d format=json | jq -c '.[:1]'
[{"original_field_name":"record_id","choice_value":"","export_field_name":"record_id"}]
$ curl -s -X POST https://redcap.«_:place:p».edu/api/ -d token=«=${REDCAP_TOKEN}» -d content=version
«k:ver»
=== redcap/database.php x3
<?php
// MYSQL DATABASE CONNECTION
$hostname   = 'mysql-edc.internal';
$db         = 'redcap';
$username   = 'redcap_user';
$password   = '«password:pw»';
// SALT, set once at install; changing it breaks the de-identified exports
$salt = '«salt:salt»';
=== rave/fetch_datasets.py x2
rave = RWSConnection(domain="«_:place:o».mdsol.com", username="rws_batch", password="«password:pw»")
print(rave.send_request(StudyDatasetRequest("«_:up_6»", "Prod", dataset_type="regular")))
# in CI: password=«=os.environ["RAVE_PASSWORD"]»
=== rave-debug.log x3
DEBUG:urllib3.connectionpool:Starting new HTTPS connection (1): «_:place:o».mdsol.com:443
send: b'GET /RaveWebServices/studies/«_:up_6:s»(Prod)/datasets/regular HTTP/1.1\\r\\nHost: «_:place:o».mdsol.com\\r\\n\
User-Agent: rwslib/1.2.11\\r\\nAuthorization: «=Basic» «basic-auth:basic»\\r\\n\\r\\n'
reply: 'HTTP/1.1 200 OK\\r\\n'
=== roster/site_staff.csv x2
site_number,site_name,first_name,last_name,role,email,delegation_start
«_:dig_3»,«_:city» Research Clinic,«person-name:first:a»,«person-name:last:a»,Sub-Investigator,«email:email:a»,\
2025-09-14
«_:dig_3»,«_:city» Medical Group,«=Jane,Doe»,Pharmacist (template row),«k:exemail»,2026-01-05
=== cro-sftp-key.txt x3
$ cat ~/.ssh/cro_sftp_ed25519
-----BEGIN OPENSSH PRIVATE KEY-----
«openssh-private-key:ssh»
-----END OPENSSH PRIVATE KEY-----
$ cat ~/.ssh/cro_sftp_ed25519.pub
«k:sshpub»
$ sftp -i ~/.ssh/cro_sftp_ed25519 «=edc_export@sftp.cro-partner.example»:/inbound
=== analysis/01_adsl.R x2
setwd("/Users/«home-user:user:u»/Documents/trials/«_:up_6:s»/analysis")
con <- dbConnect(RPostgres::Postgres(), host = "edc-mirror.internal", port = 5432,
                 dbname = "edc_mirror", user = "analyst_ro", password = "«password:pw»")
adsl <- read.csv("/Users/«home-user:user:u»/Documents/trials/«_:up_6:s»/data/adsl_20260301.csv")
# the pipeline itself uses «=Sys.getenv("EDC_DB_PASSWORD")»; this copy is local only
=== aws-credentials.txt x2
$ cat ~/.aws/credentials
# [default] is the docs example, aws_access_key_id = «k:akidex»
[edc-export]
aws_access_key_id = «aws-access-key:akid»
aws_secret_access_key = «aws-secret-key:awssecret»
=== redcap-upgrade.md x3
# REDCap upgrade notes

- Current version: «k:ver»; target: the next LTS. Upgrade package checksum (sha256): «k:hex_64»
- The API token in these notes is a placeholder: «=<your-api-token>». Real tokens live in the project's API page.
- DB host stays on the private network «k:privnet».
- Questions: «k:exemail» (the test project owner is «=Jane Doe»)
""",
    "newsletter-platforms": """\
=== listmonk/config.toml x3
[app]
address = "«=0.0.0.0:9000»"
admin_username = "listmonk"
admin_password = "«password:pw»"

[db]
host = "«ip-address:privip»"
user = "listmonk"
password = "«=changeme»"
=== ghost/config.production.json x2
{
  "url": "https://«_:word:b»letter.«_:tld:t»",
  "server": {"port": 2368, "host": "«=127.0.0.1»"},
  "database": {"client": "mysql", "connection": {"host": "localhost", "user": "ghost", "password": "«password:pw»"}},
  "mail": {"transport": "SMTP", "options": {"host": "smtp.eu.mailgun.org", "port": 465, "secure": true,
           "auth": {"user": "postmaster@mg.«_:word:b»letter.«_:tld:t»", "pass": "«password:pw»"}}},
  "paths": {"contentPath": "/var/www/ghost/content"}
}
=== scripts/ghost-admin.js x3
// Integration "newsletter-sync" (Settings > Integrations). The content key is public; the admin key is not.
const api = new GhostAdminAPI({
  url: 'https://«_:word»letter.«_:tld»',
  key: '«_:hex_24»:«api-key:hex_64»',
  version: 'v5.0',
});
// CI passes the admin key as «=${GHOST_ADMIN_API_KEY}»
=== mailchimp-repl.txt x3
>>> key = "«mailchimp-api-key:mailchimp»"
>>> client.set_config({"api_key": key, "server": key.split("-")[-1]})
>>> client.lists.get_list_members_info("«_:hex_10»", count=1, fields=["members.email_address", "members.status"])
{'members': [{'email_address': '«email:email»', 'status': 'subscribed'}]}
=== exports/members.csv x3
id,email,name,note,subscribed_to_emails,complimentary_plan,stripe_customer_id,created_at,labels
«_:hex_24»,«email:email:a»,«person-name:name:a»,,true,false,cus_«_:b62_14»,2025-11-02T08:41:22.000Z,import-2025-11
«_:hex_24»,«k:exemail»,«=Jane Doe»,seed row from the import template,false,false,,2025-10-30T12:00:00.000Z,test
=== newsletter-app/.env x3
SENDGRID_API_KEY=«sendgrid-api-key:sendgrid»
POSTHOG_KEY=«k:phc»
POSTHOG_PERSONAL_API_KEY=«api-key:phx»
LISTMONK_API_TOKEN=«api-token:b62_32»
UNSUBSCRIBE_SECRET=«=changeme»
=== theme-git-log.txt x2
$ git log -2 --format=fuller
commit «k:sha»
Author:     «person-name:name:a» <«email:email:a»>
AuthorDate: Tue Mar 3 11:02:45 2026 +0100

    theme: fix unsubscribe footer contrast in dark mode

commit «k:sha»
Author:     dependabot[bot] <«=49699333+dependabot[bot]@users.noreply.github.com»>
AuthorDate: Mon Mar 2 06:12:01 2026 +0000
=== ghost-members.txt x2
$ curl -s -b 'ghost-admin-api-session=«session-cookie:ghostsess»' \\
    'https://«_:word»letter.«_:tld»/ghost/api/admin/members/?limit=1&fields=email,name,status' | jq -c '.members[]'
{"email":"«email:email»","name":"«person-name:name»","status":"paid"}
=== campaign-draft.md x4
# March issue: checklist

- Send from «=noreply@»«_:word»letter.«_:tld» with reply-to «k:exemail»
- Merge tags: *|FNAME|* falls back to "there"; the test list is «=Jane Doe» and two seed inboxes
- Template build «k:short»
- Never paste the SMTP password here; the config reads «=${LISTMONK_SMTP_PASSWORD}»
""",
    "marketplace-sellers": """\
=== sp-api/.env x3
# Selling Partner API, app "«_:word»-sync" (Seller Central > Develop Apps)
SP_API_REFRESH_TOKEN=«refresh-token:atzr»
LWA_APP_ID=amzn1.application-oa2-client.«_:hex_32»
LWA_CLIENT_SECRET=«amazon-lwa-secret:lwa»
SP_API_SANDBOX_REFRESH_TOKEN=«=${SANDBOX_REFRESH_TOKEN}»
SP_API_REGION=eu-west-1
=== lwa-token.txt x2
$ curl -s https://api.amazon.com/auth/o2/token -d grant_type=refresh_token \\
    -d refresh_token=«="$SP_API_REFRESH_TOKEN"» -d client_id=amzn1.application-oa2-client.«_:hex_32» \\
    -d client_secret=«amazon-lwa-secret:lwa»
{"access_token":"«bearer-token:atza»","token_type":"bearer","expires_in":3600}
=== reports/orders.tsv x2
amazon-order-id\tpurchase-date\tbuyer-email\tbuyer-name\tsku\tquantity-purchased\titem-price\trecipient-name\tship-city
«_:dig_3»-«_:dig_7»-«_:dig_7»\t2026-02-27T14:22:09+00:00\t«email:amzmail»\t«person-name:name»\t\
«_:up_4»-«_:dig_4»\t1\t34.99\t«person-name:name»\t«_:city»
=== ebay-config.yaml x3
api.ebay.com:
    appid: «_:word»Sync-Listings-PRD-«_:hex_9»-«_:hex_8»
    certid: «client-secret:ebaycert»
    devid: «_:uuid»
# refreshed by scripts/ebay_token.py (valid 18 months); CI uses «=${EBAY_USER_TOKEN}»
user_token: «bearer-token:ebaytoken»
=== etsy/receipts.py x3
ETSY_API_KEY = "«api-key:lo_24»"
ETSY_SHARED_SECRET = "«client-secret:lo_10»"
SHOP_ID = «_:dig_8»
headers = {"x-api-key": f"{ETSY_API_KEY}:{ETSY_SHARED_SECRET}", "Authorization": f"«=Bearer {access_token}»"}
url = f"https://openapi.etsy.com/v3/application/shops/{SHOP_ID}/receipts?limit=25&was_paid=true"
=== shopify/.env x3
SHOPIFY_STORE=«_:word»-goods.myshopify.com
SHOPIFY_API_SECRET=«client-secret:hex_32»
SHOPIFY_ADMIN_ACCESS_TOKEN=«shopify-access-token:shopify»
SCOPES=read_orders,write_fulfillments,read_products
HOST=http://«=localhost:3000»
=== payout-settings.json x3
{
  "seller_id": "A«_:up_13»",
  "payout": {"account_holder_name": "«person-name:name»", "iban": "«iban:iban»", "bic": "«_:bic»", "currency": "EUR"},
  "previous_iban_rejected": "«k:ibanbad»",
  "verification": {"status": "VERIFIED", "request_id": "«k:uuid»"}
}
=== sp-api-debug.log x3
INFO sp_api.base Request: GET https://sellingpartnerapi-eu.amazon.com/orders/v0/orders?MarketplaceIds=A1PA6795UKMFR9
DEBUG sp_api.base Headers: {'host': 'sellingpartnerapi-eu.amazon.com', 'x-amz-access-token': '«bearer-token:atza»', \
'x-amz-date': '20260227T142209Z', 'user-agent': 'python-sp-api-1.9.22'}
DEBUG sp_api.base Authorization: AWS4-HMAC-SHA256 Credential=«aws-access-key:akid»/20260227/eu-west-1/execute-api/\
aws4_request, «=SignedHeaders=host;x-amz-access-token;x-amz-date», Signature=«_:hex_64»
INFO sp_api.base Response: 200 x-amzn-RequestId=«k:uuid»
INFO sp_api.base test fixtures sign with the docs' example key «k:akidex»
=== seller-notes.md x4
## Marketplace sync: onboarding a new seller account

1. Create the LWA app; the client secret goes in the vault, never here (write «=<client-secret>» in docs).
2. eBay sandbox keys look like «=SBX-xxxxxxxx-xxxx»; production ones start with PRD-.
3. Payout test IBAN for staging: «k:ibanbad» (fails the check on purpose).
4. Report bugs to «k:exemail».
""",
    "cctv-nvr": """\
=== frigate/config.yml x2
mqtt:
  host: mosquitto
  password: "«password:pw»"
cameras:
  driveway:
    ffmpeg:
      inputs:
        - path: rtsp://admin:«url-password:urlpw»@«ip-address:privip:c»:554/Streaming/Channels/101
        - path: rtsp://admin:«={FRIGATE_RTSP_PASSWORD}»@«ip-address:privip:c»:554/Streaming/Channels/102
    detect: {width: 1280, height: 720, fps: 5}
=== go2rtc.yaml x2
streams:
  porch: rtsp://admin:«url-password:urlpw»@«ip-address:privip»/cam/realmonitor?channel=1&subtype=0
webrtc:
  candidates:
    - «ip-address:pubip»:8555
    - stun:8555
api:
  listen: "«=0.0.0.0»:1984"
=== hik-deviceinfo.txt x3
$ curl -s --digest -u admin:«password:urlpw» http://«ip-address:privip»/ISAPI/System/deviceInfo
<?xml version="1.0" encoding="UTF-8"?>
<DeviceInfo version="2.0" xmlns="http://www.hikvision.com/ver20/XMLSchema">
<deviceName>«_:word» gate</deviceName><model>DS-2CD2143G2-I</model><macAddress>«_:mac»</macAddress>
<firmwareVersion>V5.7.«_:dig_1»</firmwareVersion><firmwareReleasedDate>build 230215</firmwareReleasedDate>
</DeviceInfo>
=== onvif-probe.txt x2
$ python3 onvif_probe.py --iface eth0
WS-Discovery probe sent to «=239.255.255.250»:3702
found: http://«ip-address:privip:c»:80/onvif/device_service (scopes: onvif://www.onvif.org/hardware/IPC-T5442T)
POST /onvif/device_service HTTP/1.1
Host: «ip-address:privip:c»

<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header><Security xmlns="http://docs.oasis-open.org/\
wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><UsernameToken><Username>onvif_ro</Username><Password \
Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">\
«password:pw»</Password></UsernameToken></Security></s:Header><s:Body><GetDeviceInformation \
xmlns="http://www.onvif.org/ver10/device/wsdl"/></s:Body></s:Envelope>
=== nvr-console.txt x3
NVR-«_:up_4:n»> show network
IP Address ........... «ip-address:privip»
Subnet Mask .......... «=255.255.255.0»
Preferred DNS ........ «=1.1.1.1»
PoE Network .......... «k:privnet»
Multicast ............ «=239.255.42.99»
NVR-«_:up_4:n»> show version
Firmware Version ..... «k:quad»
=== camera-net.ini x3
[wifi]
ssid=«_:word»-cams
psk=«wifi-key:wifipsk»

[ddns]
provider=noip
hostname=«_:word»«_:dig_2».ddns.net
username=«_:word»cams
password=«password:pw»
=== nvr-alerts/notify.py x3
BOT_TOKEN = "«telegram-bot-token:telegram»"
CHAT_ID = -100«_:dig_10»
SNAPSHOT = "http://«ip-address:privip»/cgi-bin/snapshot.cgi?channel=1"
AUTH = HTTPDigestAuth("viewer", «=os.environ["CAM_VIEWER_PASSWORD"]»)
jpg = requests.get(SNAPSHOT, auth=AUTH, timeout=5).content
requests.post(f"https://api.telegram.org/bot{BOT_TOKEN}/sendPhoto", data={"chat_id": CHAT_ID}, files={"photo": jpg})
=== nginx-cctv.txt x3
$ grep -A4 'location /' /etc/nginx/sites-enabled/cctv.conf
    location / {
        allow «k:lan24»;
        deny all;
        auth_basic_user_file /etc/nginx/.htpasswd-cctv;
        proxy_pass http://«=127.0.0.1»:5000;
$ sudo cat /etc/nginx/.htpasswd-cctv
viewer:«password-hash:htpw»
=== cctv-readme.md x4
# Camera network

- Cameras live on «k:lan24»; the NVR's firmware is pinned (do not auto-update).
- ONVIF discovery uses multicast «=239.255.255.250», so IGMP snooping stays off on the PoE switch.
- RTSP URLs in the docs use «=rtsp://admin:<password>@camera-ip:554/» as a placeholder.
- The viewer password is in the vault; the config reads «={FRIGATE_RTSP_PASSWORD}».
""",
    "web3-dev": """\
=== token/.env x3
# never commit this file (it is in .gitignore)
DEPLOYER_PRIVATE_KEY=«eth-private-key:eth»
MNEMONIC="«mnemonic:mn12»"
ALCHEMY_API_KEY=«api-key:b64u_32:al»
SEPOLIA_RPC_URL=https://eth-sepolia.g.alchemy.com/v2/«api-key:b64u_32:al»
REPORT_GAS=true
=== hardhat.config.ts x3
const config: HardhatUserConfig = {
  solidity: { version: "0.8.24", settings: { optimizer: { enabled: true, runs: 200 } } },
  networks: {
    sepolia: {
      url: `https://eth-sepolia.g.alchemy.com/v2/«=${process.env.ALCHEMY_API_KEY}»`,
      accounts: [«=process.env.DEPLOYER_PRIVATE_KEY!»],
    },
    localhost: { url: "http://«=127.0.0.1:8545»" },
  },
  etherscan: { apiKey: «=process.env.ETHERSCAN_API_KEY ?? ""» },
};
=== foundry.toml x3
[profile.default]
solc = "0.8.26"
optimizer_runs = 10_000

[rpc_endpoints]
mainnet = "«=${MAINNET_RPC_URL}»"
sepolia = "«=${SEPOLIA_RPC_URL}»"

[etherscan]
sepolia = { key = "«api-key:up_34»", url = "https://api-sepolia.etherscan.io/api" }
=== cast-wallet.txt x3
$ cast wallet new
Successfully created new keypair.
Address:     «_:addr»
Private key: «eth-private-key:eth»
$ cast wallet address --private-key «=$DEPLOYER_PRIVATE_KEY»
«_:addr»
=== forge-deploy.txt x3
$ forge script script/Deploy.s.sol:Deploy --rpc-url sepolia --broadcast --verify \\
    --private-key «eth-private-key:eth» -vvvv
Script ran successfully.
== Logs ==
  Token deployed at: «_:addr:c»
[Success] Hash: «_:tx»
Contract Address: «_:addr:c»
Transactions saved to: /home/«home-user:user:u»/code/«_:word:p»-token/broadcast/Deploy.s.sol/11155111/run-latest.json
=== npmrc.txt x3
$ cat .npmrc
# template for new clones: //npm.pkg.github.com/:_authToken=«k:ghpfill»
@«_:word»:registry=https://npm.pkg.github.com
//npm.pkg.github.com/:_authToken=«github-token:ghp»
//registry.npmjs.org/:_authToken=«npm-token:npm»
$ grep -n TOKEN .github/workflows/publish.yml
18:          NODE_AUTH_TOKEN: «=${{ secrets.NPM_TOKEN }}»
=== git-identity.txt x2
$ git config --list --show-origin | grep -E 'user\\.'
file:/home/«home-user:user:u»/.gitconfig\tuser.name=«person-name:name»
file:/home/«home-user:user:u»/.gitconfig\tuser.email=«email:email»
file:.git/config\tuser.signingkey=«k:HEX_16»
file:.git/config\tuser.email=«=41898282+github-actions[bot]@users.noreply.github.com»
=== bot/config.json x3
{
  "rpc": "https://arb1.arbitrum.io/rpc",
  "wallet": {"address": "«_:addr»", "recovery_phrase": "«mnemonic:mn24»"},
  "telegram": {"token": "«telegram-bot-token:telegram»", "chat_id": «_:dig_9»}
}
=== audit-notes.md x4
# Pre-audit checklist

- Compiler «k:ver», commit «k:sha»; the deployer is read from «=process.env.DEPLOYER_PRIVATE_KEY!»
- Local node at 127.0.0.1:8545; the test mnemonic comes from the environment («=$MNEMONIC»)
- Verify on Etherscan with «=--etherscan-api-key $ETHERSCAN_API_KEY»
""",
}

_BLOCKS |= {
    "localization-platforms": """\
=== crowdin.yml x3
"project_id": "«_:dig_6»"
"api_token": "«api-token:hex_80»"
"base_url": "https://api.crowdin.com"
# CI reads the token from the environment instead: "api_token_env": "«=CROWDIN_PERSONAL_TOKEN»"
files:
  - source: /src/locales/en/*.json
    translation: /src/locales/%two_letters_code%/%original_file_name%
=== lokalise-pull.txt x3
$ lokalise2 --token «api-token:hex_40» --project-id «_:dig_9:p».«_:lo_8» file download \\
    --format json --unzip-to ./locales --original-filenames=false
Downloading bundle from https://s3-eu-west-1.amazonaws.com/lokalise-assets/files/export/«_:dig_9:p»/«_:hex_32»/web.zip
$ grep -n token .github/workflows/l10n.yml
22:        run: lokalise2 --token «=${{ secrets.LOKALISE_TOKEN }}» --project-id «_:dig_9:p» file upload
=== .phrase.yml x3
phrase:
  access_token: «api-token:hex_64»
  project_id: «_:hex_32»
  file_format: yml
  pull:
    targets:
      - file: ./config/locales/<locale_name>.yml
=== scripts/mt_prefill.py x3
GOOGLE_API_KEY = "«google-api-key:google»"
DEEPL_AUTH_KEY = "«api-key:deepl»"

translator = deepl.Translator(DEEPL_AUTH_KEY)
gt = translate_v2.Client(client_options={"api_key": GOOGLE_API_KEY})
=== crowdin-members.json x3
{"data": [{"data": {
  "id": «_:dig_8»,
  "username": "«_:lo_8»",
  "fullName": "«person-name:name»",
  "email": "«email:email»",
  "role": "proofreader"
}}], "pagination": {"offset": 0, "limit": 25}}
=== l10n-action.log x3
Run crowdin/github-action@v2
  with:
    download_translations: true
    create_pull_request: true
  env:
    GITHUB_TOKEN: «=***»
    CROWDIN_PERSONAL_TOKEN: «=***»
Pushing l10n_main
git push "https://x-access-token:«github-token:ghs»@github.com/«_:word»-app/web.git" l10n_main
=== locales/en.json x3
{
  "settings.api_key.placeholder": "«=<your-api-key>»",
  "auth.reset.body": "Hi {name}, use {code} to reset your password. It expires in {minutes} minutes.",
  "billing.test_mode": "Test mode: use card «k:testcardg», any future date and any CVC.",
  "support.contact": "Questions? Write to «k:exemail».",
  "footer.version": "Version «k:ver»"
}
=== translator-log.txt x2
$ git log -3 --format='%h %an <%ae> %s' -- locales/
«k:short» «person-name:name:a» <«email:email:a»> de: update checkout strings
«k:short» Hosted Weblate <hosted@weblate.org> Translated using Weblate (French)
«k:short» «person-name:name:b» <«email:email:b»> ja: fix plural forms in cart
=== l10n-guide.md x3
# Translating the app

1. Install the CLI and run `crowdin pull`; the token comes from «=CROWDIN_PERSONAL_TOKEN», never from crowdin.yml.
2. Keys in `en.json` are the source; placeholders such as «={count}» and «={name}» must stay untouched.
3. Screenshots are uploaded with build «k:short»; the bundle's sha256 is «k:hex_64».
""",
    "secrets-managers": """\
=== vault-init.txt x2
$ vault operator init -key-shares=3 -key-threshold=2
Unseal Key 1: «vault-unseal-key:unseal»
Unseal Key 2: «vault-unseal-key:unseal»
Unseal Key 3: «vault-unseal-key:unseal»

Initial Root Token: «vault-token:vault»

Vault initialized with 3 key shares and a key threshold of 2. Please securely
distribute the key shares printed above.
=== vault-kv-get.txt x3
$ vault kv get -mount=secret «_:word:w»/prod
====== Secret Path ======
secret/data/«_:word:w»/prod
====== Data ======
Key            Value
---            -----
db_password    «password:pw»
stripe_key     «stripe-secret-key:sk»
=== vault-agent.txt x2
$ grep -A3 template /etc/vault/agent.hcl
template {
  contents    = "{{ with secret \\"secret/data/app\\" }}DB_PASSWORD=«={{ .Data.data.password }}»{{ end }}"
  destination = "/run/app/.env"
}
$ sudo cat /run/vault/agent-token
«vault-token:vault»
$ sudo cat /run/app/.env
DB_PASSWORD=«password:pw»
=== sops-decrypt.txt x2
$ sops -d secrets/prod.enc.yaml
postgres:
    password: «password:pw»
stripe:
    secret_key: «stripe-secret-key:sk»
$ head -2 secrets/prod.enc.yaml
postgres:
    password: ENC[AES256_GCM,data:«_:b64_24»,iv:«_:b64_43»=,tag:«_:b64_22»==,type:str]
=== age-keys.txt x3
$ cat ~/.config/sops/age/keys.txt
# created: 2026-01-08T10:22:31+01:00
# public key: «k:agepub»
«age-secret-key:age»
$ export SOPS_AGE_KEY_FILE=«=$HOME/.config/sops/age/keys.txt»
$ grep -A2 creation_rules .sops.yaml
creation_rules:
  - path_regex: secrets/.*\\.yaml$
    age: «k:agepub»
=== infisical-export.txt x3
$ infisical export --env=prod --format=dotenv
STRIPE_SECRET_KEY='«stripe-secret-key:sk»'
$ grep INFISICAL .env.ci
INFISICAL_TOKEN=«api-token:infisical»
INFISICAL_API_URL=https://app.infisical.com/api
=== doppler.txt x3
$ doppler configure set token «doppler-token:doppler» --scope /srv/api
$ doppler secrets get TWILIO_API_KEY --plain
«twilio-api-key:twilio»
$ gcloud secrets versions access latest --secret=«=db-password» --project=«_:word»-prod
«password:pw»
=== vault-totp.txt x3
$ vault write totp/keys/«_:lo_6:k» url="otpauth://totp/Vault:«email:email»?secret=«totp-secret:totp»&issuer=Vault"
Success! Data written to: totp/keys/«_:lo_6:k»
=== vault-pki-issue.txt x3
$ vault write pki_int/issue/internal common_name=«_:word».svc.internal ttl=72h
Key                 Value
---                 -----
private_key         -----BEGIN EC PRIVATE KEY-----
«private-key:ec»
-----END EC PRIVATE KEY-----
private_key_type    ec
serial_number       «_:hex_2»:«_:hex_2»:«_:hex_2»:«_:hex_2»:«_:hex_2»:«_:hex_2»
=== vault-status.txt x4
$ vault status | grep -E 'Version|Cluster ID|Sealed'
Sealed          false
Version         «k:ver»
Cluster ID      «k:uuid»
$ grep -n address /etc/vault.d/vault.hcl
4:  address     = "«=0.0.0.0:8200»"
9:  cluster_address = "«=127.0.0.1:8201»"
""",
    "lms-courses": """\
=== moodle/config.php x3
<?php  // Moodle configuration file
$CFG->dbtype    = 'pgsql';
$CFG->dbhost    = 'db-primary.internal';
$CFG->dbname    = 'moodle';
$CFG->dbuser    = 'moodleuser';
$CFG->dbpass    = '«password:pw»';
$CFG->wwwroot   = 'https://moodle.«_:place».edu';
$CFG->passwordsaltmain = '«salt:salt»';
=== moodle-ws.txt x3
$ curl -s "https://moodle.«_:place».edu/webservice/rest/server.php?wstoken=«query-token:hex_32»\
&wsfunction=core_enrol_get_enrolled_users&moodlewsrestformat=json&courseid=«_:dig_3»" \\
    | jq -c '.[0] | {id, fullname, email}'
{"id":«_:dig_4»,"fullname":"«person-name:name»","email":"«email:email»"}
=== canvas_sync.py x2
API_URL = "https://«_:place».instructure.com"
API_KEY = "«api-key:canvas:t»"
canvas = Canvas(API_URL, API_KEY)
# the same token from a shell:
# curl -H "Authorization: Bearer «api-key:canvas:t»" https://«_:place».instructure.com/api/v1/users/self
=== gradebook.csv x3
First name,Last name,ID number,Email address,Quiz: Week 3 (Real),Assignment: Lab report 1 (Real),Course total (Real)
«person-name:first»,«person-name:last»,«_:dig_8»,«email:email»,8.50,17.00,81.25
«=Jane»,«=Doe»,00000000,«k:exemail»,0.00,-,0.00
=== lti/tool.json x3
{
  "lti11": {"consumer_key": "«_:place»-lti", "shared_secret": "«client-secret:b62_32»"},
  "lti13": {
    "client_id": "«_:dig_17»",
    "deployment_id": "«_:dig_3»:«k:hex_40»",
    "private_key": "-----BEGIN PRIVATE KEY-----\\n«private-key:pkcs8j»\\n-----END PRIVATE KEY-----\\n"
  }
}
=== mdl-user.txt x2
moodle=> SELECT id, username, firstname, lastname, email, password FROM mdl_user WHERE id = «_:dig_4:i»;
-[ RECORD 1 ]-----------------------------------------------------------
id        | «_:dig_4:i»
username  | «_:lo_8»
firstname | «person-name:first»
lastname  | «person-name:last»
email     | «email:email»
password  | «password-hash:bcrypt»
=== ai-feedback/.env x3
NEXT_PUBLIC_POSTHOG_KEY=«k:phc»
POSTHOG_PERSONAL_API_KEY=«api-key:phx»
OPENAI_API_KEY=«openai-api-key:openai»
NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=«k:sbpub»
SUPABASE_SERVICE_ROLE_KEY=«jwt:jwtsb»
=== canvas-request.txt x3
GET /api/v1/courses/«_:dig_5»/assignments?per_page=50&include[]=submission HTTP/2
Host: «_:place».instructure.com
Cookie: _csrf_token=«_:b64u_60»; «=canvas_session»=«session-cookie:rails»; log_session_id=«_:hex_32»
User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0
=== migration-notes.md x4
# Moving «_:up_4» 101 from Moodle to Canvas

- Moodle «k:ver»; backup file sha256 «k:hex_64»
- Test student for the import: «=Jane Doe» («k:exemail»), password «=changeme» on staging only
- LTI keys go in Canvas > Developer Keys; in this doc write «=<client-secret>» instead
""",
    "rideshare-drivers": """\
=== onboarding/driver.json x3
{
  "driver_id": "drv_«_:hex_16»",
  "driver_name": "«person-name:name»",
  "email": "«email:email»",
  "ssn": "«ssn:ssnn»",
  "license": {"state": "«_:state»", "number": "«_:up_1»«_:dig_8»", "expires": "2029-06-30"},
  "app_version": "«k:ver»"
}
=== checkr-candidate.txt x3
$ curl -s -u «api-token:hex_40»: https://api.checkr.com/v1/candidates/«_:hex_24:c» | jq -c '{id, ssn, zipcode}'
{"id":"«_:hex_24:c»","ssn":"«=XXX-XX-»«_:dig_4»","zipcode":"«_:dig_5»"}
=== payout-ticket.md x3
## DRV-«_:dig_5»: weekly payout bounced (IBAN rejected by the bank)

**Name:** «person-name:name»
**IBAN on file:** «k:ibanbad»
**Corrected IBAN (from the driver, 2026-03-02):** «iban:ibang»

The IBAN on file fails the mod-97 check (two digits swapped at signup), so the payout run skipped it.
=== bgcheck-batch.csv x2
first_name,last_name,email,ssn,dob,zip,package
«person-name:first»,«person-name:last»,«email:email»,«ssn:ssn»,1991-04-17,«_:dig_5»,driver_pro
=== stripe-payouts.txt x3
$ stripe payouts list --stripe-account acct_«_:b62_16» --limit 1 --api-key «stripe-secret-key:rk»
{"object": "list", "has_more": true,
 "data": [{"id": "po_«_:b62_24»", "amount": 18342, "currency": "usd", "method": "instant", "status": "paid"}]}
=== notify/.env x3
TWILIO_ACCOUNT_SID=AC«_:hex_32»
TWILIO_API_KEY=«twilio-api-key:twilio»
TWILIO_API_SECRET=«client-secret:b62_32»
GOOGLE_MAPS_API_KEY=«google-api-key:google»
=== driver-app-logcat.txt x3
03-02 18:22:41.201  4211  4290 D OkHttp  : --> POST https://api.«_:word:w»ride.com/v2/driver/location
03-02 18:22:41.201  4211  4290 D OkHttp  : Authorization: Bearer «jwt:jwt»
03-02 18:22:41.388  4211  4290 D OkHttp  : <-- 401 https://api.«_:word:w»ride.com/v2/driver/location (186ms)
03-02 18:22:41.390  4211  4290 W AuthInterceptor: token expired, refreshing (request «k:uuid»)
=== payouts-runbook.md x4
# Driver support runbook: payouts

1. Never ask a driver for the full SSN; the admin console shows «=XXX-XX-» and the last four.
2. Test the payout flow in staging with card «k:testcardg» and IBAN «k:ibanbad» (it fails on purpose).
3. Reach the payouts worker with `ssh -J «=ec2-user@bastion.tripwell.io» deploy@«ip-address:privip»`.
4. The worker's token is read from «=${PAYOUTS_API_TOKEN}».
""",
    "voter-files-campaigns": """\
=== voterfile/extract.psv x2
VOTER_ID|LAST_NAME|FIRST_NAME|MIDDLE_NAME|RES_STREET|RES_CITY|RES_ZIP|PARTY|PRECINCT|LAST_VOTED
«_:dig_9»|«person-name:LAST:a»|«person-name:FIRST:a»|«_:up_1»|«_:STREET»|«_:CITY»|«_:dig_5»|DEM|«_:up_2»-«_:dig_3»|2024-11-05
«_:dig_9»|«person-name:LAST:b»|«person-name:FIRST:b»||«_:STREET»|«_:CITY»|«_:dig_5»|UNA|«_:up_2»-«_:dig_3»|2022-11-08
=== van_client.py x2
VAN_APP_NAME = "«_:word»campaign.api"
VAN_API_KEY = "«api-key:van»"
s.auth = (VAN_APP_NAME, VAN_API_KEY)
person = {"firstName": "«person-name:first»", "lastName": "«person-name:last»", "party": "D"}
r = s.post("https://api.securevan.com/v4/people/findOrCreate", json=person)
=== contributions.csv x2
Receipt ID,Date,Amount,Donor First Name,Donor Last Name,Donor City,Donor State,Donor ZIP,Donor Email,Card Type
AB«_:dig_8»,2026-02-28 21:14:07,25.00,«person-name:first»,«person-name:last»,«_:city»,«_:state»,«_:dig_5»,\
«email:email»,visa
=== canvass-export.json x2
{
  "canvasser": {"name": "«person-name:name:c»", "email": "«email:email:c»"},
  "turf": "Precinct «_:up_2»-«_:dig_3»",
  "contacts": [{"vanId": «_:dig_9», "first_name": "«person-name:first:a»", "result": "Not Home"}],
  "app": {"name": "minivan", "version": "«k:ver»"}
}
=== donate.log x3
[2026-03-01 22:10:44] donate.INFO: charge.created amount=50.00 live=true card=«card-number:card» exp=09/29 cvc=***
[2026-03-01 22:10:45] donate.INFO: charge.created amount=5.00 live=false card=«k:testcard» email=«k:exemail»
[2026-03-01 22:10:45] donate.WARNING: raw card data reached the app log (PCI scope); key in use «=sk_live_...»
=== spoke/.env x2
TWILIO_API_KEY=«twilio-api-key:twilio»
TWILIO_APPLICATION_SID=AP«_:hex_32»
SESSION_SECRET=«signing-secret:b64_44»
SLACK_BOT_TOKEN=«slack-token:slack»
MAILCHIMP_API_KEY=«mailchimp-api-key:mailchimp»
=== slack-bot.yml x3
# ops bot for the field team; the real token is in the vault
slack:
  bot_token: «slack-token:slack»
  channel: "#field-ops"
  # sample from the docs, keep it out of the real config: «k:slackfill»
reports:
  owner: «=${REPORT_OWNER_EMAIL}»
=== fec-q1.md x3
# FEC Form 3, Q1 2026

**Treasurer:** «person-name:name» («email:email»)
**Filing software:** FECfile «k:ver»
Receipts arrive from «=noreply@fec.gov»; the upload key is «=<filer-password>» in this template.
=== cut-turf-commit.txt x2
$ git log -1 --stat
commit «k:sha»
Author: «person-name:name» <«email:email»>
Date:   Mon Mar 2 23:41:09 2026 -0500

    turf cutter: drop voters with a do-not-contact flag
=== gotv-plan.md x4
# GOTV weekend

- Turf packets print from MiniVAN «k:ver»; the list export's sha256 is «k:hex_64»
- Texting goes out through Spoke; its session secret is read from «=${SESSION_SECRET}»
- Test donations use «k:testcardg»; receipts come from «=noreply@»«_:word»forcouncil.org
""",
    "satellite-imagery": """\
=== planet-order.txt x3
$ export PL_API_KEY=«planet-api-key:planet»
$ planet orders create --name «_:word»-aoi-2026-03 --item-type PSScene --bundle analytic_sr_udm2 \\
    --ids 20260302_«_:dig_6»_«_:dig_2»_24c3
{"id": "«k:uuid»", "state": "queued", "created_on": "2026-03-02T10:11:12.000Z", "last_message": "Preparing order"}
=== sentinelhub-config.txt x3
$ sentinelhub.config --show
{
  "instance_id": "«_:uuid»",
  "sh_client_id": "«_:uuid»",
  "sh_client_secret": "«client-secret:b62_32»",
  "aws_access_key_id": "«aws-access-key:akid»",
  "aws_secret_access_key": "«aws-secret-key:awssecret»"
}
=== sh-token.txt x3
$ curl -s -X POST https://services.sentinel-hub.com/auth/realms/main/protocol/openid-connect/token \\
    --data-urlencode 'grant_type=client_credentials' --data-urlencode 'client_id=«_:uuid»' \\
    --data-urlencode 'client_secret=«client-secret:b62_32»'
{"access_token":"«jwt:jwtrs»","expires_in":3599,"token_type":"Bearer","not-before-policy":0,"scope":"email profile"}
=== gee-service-account.json x3
{
  "type": "service_account",
  "project_id": "«_:word:p»-eo-«_:dig_6:q»",
  "private_key_id": "«gcp-key-id:hex_40»",
  "private_key": "-----BEGIN PRIVATE KEY-----\\n«private-key:pkcs8j»\\n-----END PRIVATE KEY-----\\n",
  "client_email": "ee-runner@«_:word:p»-eo-«_:dig_6:q».iam.gserviceaccount.com",
  "token_uri": "https://oauth2.googleapis.com/token"
}
=== maxar-tasking.log x3
2026-03-02T08:14:22Z INFO  tasking.client POST https://api.maxar.com/tasking/v1/tasks
2026-03-02T08:14:22Z DEBUG tasking.client headers={'MAXAR-API-KEY': '«api-key:b62_40»', 'Accept': 'application/json'}
2026-03-02T08:14:23Z INFO  tasking.client 201 task «k:uuid» aoi=«_:word»-«_:dig_3» window=2026-03-04/11 max_cloud=20
2026-03-03T06:02:51Z INFO  tasking.poll   client «k:ver», state=SCHEDULED collection=2026-03-05T15:41:00Z
=== tiles/.env x3
MAPBOX_ACCESS_TOKEN=«k:mappk»
MAPBOX_UPLOAD_TOKEN=«mapbox-secret-token:mapsk»
# upload: MAPBOX_ACCESS_TOKEN=«=$MAPBOX_UPLOAD_TOKEN» tilesets upload-source <owner> mosaic-2026-03 ./mosaic.tif
=== netrc.txt x3
$ cat ~/.netrc
machine urs.earthdata.nasa.gov login «_:lo_8» password «password:pw»
machine dataspace.copernicus.eu login «email:email» password «password:pw»
=== stac-check.txt x3
$ curl -s https://earth-search.aws.element84.com/v1/collections/sentinel-2-l2a/items/S2B_33UVP_20260302_0_L2A \\
    | jq -c '.properties | {"eo:cloud_cover", "processing:software"}'
{"eo:cloud_cover":3.2,"processing:software":{"sentinel2-to-stac":"«k:ver»"}}
$ sha256sum /home/«home-user:user:u»/data/s2/B04.tif
«k:hex_64»  /home/«home-user:user:u»/data/s2/B04.tif
=== tasking-readme.md x3
# Tasking client

- The Maxar key is read from «=${MAXAR_API_KEY}»; in examples write «=<your-api-key>».
- Sample AWS credentials in the tests are the documented «k:akidex».
- Local tile server: «=127.0.0.1:8080»; release «k:ver».
""",
}

# ---------------------------------------------------------------- deliveries

_LINE_DELIVERIES = ("diff", "numbered", "cilog")
_LANG = dict(
    pair.split("=")
    for pair in _split("yml=yaml yaml=yaml json=json toml=toml py=python php=php R=r ts=typescript")
)
_LANG |= dict(pair.split("=") for pair in _split("js=javascript md=markdown csv=csv txt=console log=text"))


def _deliver(
    draft: _Draft, delivery: str, r: random.Random
) -> tuple[str, tuple[Secret, ...], tuple[Keep, ...]]:
    """The draft's text as `delivery` shows it, and its labels moved (and, in JSON, escaped) to match."""
    text = draft.text
    esc: Callable[[str], str] = lambda t: t  # noqa: E731
    if delivery == "json":
        head, body, tail = '{"type":"tool_result","content":"', json.dumps(text)[1:-1], '"}\n'
        esc = lambda t: json.dumps(t)[1:-1]  # noqa: E731
        at: Callable[[int], int] = lambda o: len(head) + len(esc(text[:o]))  # noqa: E731
    elif delivery in ("plain", "fence"):
        ext = draft.path.rsplit(".", 1)[-1]
        head = f"```{_LANG.get(ext, 'text')}\n" if delivery == "fence" else ""
        body, tail = text, "```\n" if delivery == "fence" else ""
        at = lambda o: len(head) + o  # noqa: E731
    else:
        lines = text.splitlines(keepends=True)
        if delivery == "diff":
            p = draft.path
            head = (
                f"diff --git a/{p} b/{p}\nnew file mode 100644\nindex 0000000..{_hex(r, 7)}\n--- /dev/null\n"
            )
            head += f"+++ b/{p}\n@@ -0,0 +1,{len(lines)} @@\n"
            prefixes = ["+"] * len(lines)
        elif delivery == "numbered":
            head = ""
            arrow = r.random() < 0.5
            prefixes = [f"{i:>6}\u2192" if arrow else f"{i}\t" for i in range(1, len(lines) + 1)]
        else:
            head, t = "", datetime.datetime(2026, 3, r.randint(1, 28), r.randint(0, 23), r.randint(0, 59))
            prefixes = []
            for _ in lines:
                t += datetime.timedelta(microseconds=r.randrange(900_000))
                prefixes.append(t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z ")
        starts, shifts, pos, shift = [], [], 0, len(head)
        for line, prefix in zip(lines, prefixes, strict=True):
            shift += len(prefix)
            starts.append(pos)
            shifts.append(shift)
            pos += len(line)
        body, tail = "".join(p + line for p, line in zip(prefixes, lines, strict=True)), ""
        at = lambda o: o + shifts[bisect.bisect_right(starts, o) - 1]  # noqa: E731
    secrets = tuple(Secret(s.cls, esc(s.text), at(s.offset)) for s in draft.secrets)
    keeps = tuple(Keep(esc(k.text), at(k.offset)) for k in draft.keeps)
    return head + body + tail, secrets, keeps


def _consistent(text: str, secrets: tuple[Secret, ...], keeps: tuple[Keep, ...]) -> bool:
    """Labels sit where they say, every copy of a secret is labelled, and no keep's copy touches a secret."""
    spans = sorted((s.offset, s.offset + len(s.text)) for s in secrets)
    if any(b > c for (_, b), (c, _) in itertools.pairwise(spans)):
        return False
    labels: list[Secret | Keep] = [*secrets, *keeps]
    for label in labels:
        if not label.text or text[label.offset : label.offset + len(label.text)] != label.text:
            return False
        at = text.find(label.text)
        while at >= 0:
            end = at + len(label.text)
            if isinstance(label, Secret) and not any(a <= at and end <= b for a, b in spans):
                return False
            if isinstance(label, Keep) and any(at < b and a < end for a, b in spans):
                return False
            at = text.find(label.text, at + 1)
    return True


# ---------------------------------------------------------------- the corpus

_HEADER = re.compile(r"^=== (\S+) x(\d+)\n", re.M)


def _templates(setting: str) -> list[tuple[str, int, str]]:
    parts = _HEADER.split(_BLOCKS[setting])
    return [(parts[i], int(parts[i + 1]), parts[i + 2]) for i in range(1, len(parts), 3)]


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """Every document of the part, drawn afresh from `seed` (the same seed, the same documents)."""
    r = random.Random(seed)
    docs: list[Document] = []
    turn = side = 0
    for setting in SETTINGS:
        for k, (path, count, tpl) in enumerate(_templates(setting)):
            slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")
            for i in range(count):
                delivery = DELIVERIES[turn % len(DELIVERIES)]
                turn += 1
                for _attempt in range(50):
                    draft = _fill(path, tpl, r)
                    chosen = delivery
                    if delivery in _LINE_DELIVERIES and any("\n" in s.text for s in draft.secrets):
                        chosen = ("plain", "json", "fence")[side % 3]
                    text, secrets, keeps = _deliver(draft, chosen, r)
                    if _consistent(text, secrets, keeps):
                        break
                else:
                    raise RuntimeError(f"{setting}/{path}: no consistent draw")
                side += chosen != delivery
                docs.append(
                    Document(f"{setting}/{k + 1:02d}-{slug}-{i + 1}", setting, chosen, text, secrets, keeps)
                )
    return docs


def corpus_digest(docs: list[Document]) -> str:
    """sha256 over a canonical JSON of the documents, their labels included."""
    rows = [attrs.asdict(d, recurse=True) for d in docs]
    return hashlib.sha256(json.dumps(rows, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def measure_documents(docs: list[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregates only: how many secrets went (and went whole), over vendor formats too, and how many keeps stayed."""
    n = removed = clean = vendor = vendor_removed = keeps = kept = 0
    for doc in docs:
        out = scrub(doc.text)
        base: str | None = None
        for s in doc.secrets:
            n += 1
            vendor += s.cls in VENDOR_CLASSES
            if s.text in out:
                continue
            removed += 1
            vendor_removed += s.cls in VENDOR_CLASSES
            if base is None:
                chars = list(doc.text)
                for t in doc.secrets:
                    chars[t.offset : t.offset + len(t.text)] = "x" * len(t.text)
                base = scrub("".join(chars))
            windows = {s.text[i : i + 6] for i in range(len(s.text) - 5)}
            clean += not any(w in out and w not in base for w in windows)
        for k in doc.keeps:
            keeps += 1
            kept += out.count(k.text) >= doc.text.count(k.text)
    return {
        "secrets": float(n),
        "recall": removed / n if n else 1.0,
        "recall_no_fragment": clean / n if n else 1.0,
        "vendor_prefix_recall": vendor_removed / vendor if vendor else 1.0,
        "keep_rate": kept / keeps if keeps else 1.0,
        "spans": float(keeps),
    }


def measure_held_back() -> dict[str, float]:
    """The real scrubber on this part (imported here, so that building the corpus never loads it)."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)


# The BIP-39 English word list (2,048 words), public data the mnemonics are drawn from.
_BIP39_TEXT = """
abandon ability able about above absent absorb abstract absurd abuse access accident account accuse
achieve acid acoustic acquire across act action actor actress actual adapt add addict address adjust
admit adult advance advice aerobic affair afford afraid again age agent agree ahead aim air airport
aisle alarm album alcohol alert alien all alley allow almost alone alpha already also alter always
amateur amazing among amount amused analyst anchor ancient anger angle angry animal ankle announce
annual another answer antenna antique anxiety any apart apology appear apple approve april arch arctic
area arena argue arm armed armor army around arrange arrest arrive arrow art artefact artist artwork ask
aspect assault asset assist assume asthma athlete atom attack attend attitude attract auction audit
august aunt author auto autumn average avocado avoid awake aware away awesome awful awkward axis baby
bachelor bacon badge bag balance balcony ball bamboo banana banner bar barely bargain barrel base basic
basket battle beach bean beauty because become beef before begin behave behind believe below belt bench
benefit best betray better between beyond bicycle bid bike bind biology bird birth bitter black blade
blame blanket blast bleak bless blind blood blossom blouse blue blur blush board boat body boil bomb
bone bonus book boost border boring borrow boss bottom bounce box boy bracket brain brand brass brave
bread breeze brick bridge brief bright bring brisk broccoli broken bronze broom brother brown brush
bubble buddy budget buffalo build bulb bulk bullet bundle bunker burden burger burst bus business busy
butter buyer buzz cabbage cabin cable cactus cage cake call calm camera camp can canal cancel candy
cannon canoe canvas canyon capable capital captain car carbon card cargo carpet carry cart case cash
casino castle casual cat catalog catch category cattle caught cause caution cave ceiling celery cement
census century cereal certain chair chalk champion change chaos chapter charge chase chat cheap check
cheese chef cherry chest chicken chief child chimney choice choose chronic chuckle chunk churn cigar
cinnamon circle citizen city civil claim clap clarify claw clay clean clerk clever click client cliff
climb clinic clip clock clog close cloth cloud clown club clump cluster clutch coach coast coconut code
coffee coil coin collect color column combine come comfort comic common company concert conduct confirm
congress connect consider control convince cook cool copper copy coral core corn correct cost cotton
couch country couple course cousin cover coyote crack cradle craft cram crane crash crater crawl crazy
cream credit creek crew cricket crime crisp critic crop cross crouch crowd crucial cruel cruise crumble
crunch crush cry crystal cube culture cup cupboard curious current curtain curve cushion custom cute
cycle dad damage damp dance danger daring dash daughter dawn day deal debate debris decade december
decide decline decorate decrease deer defense define defy degree delay deliver demand demise denial
dentist deny depart depend deposit depth deputy derive describe desert design desk despair destroy
detail detect develop device devote diagram dial diamond diary dice diesel diet differ digital dignity
dilemma dinner dinosaur direct dirt disagree discover disease dish dismiss disorder display distance
divert divide divorce dizzy doctor document dog doll dolphin domain donate donkey donor door dose double
dove draft dragon drama drastic draw dream dress drift drill drink drip drive drop drum dry duck dumb
dune during dust dutch duty dwarf dynamic eager eagle early earn earth easily east easy echo ecology
economy edge edit educate effort egg eight either elbow elder electric elegant element elephant elevator
elite else embark embody embrace emerge emotion employ empower empty enable enact end endless endorse
enemy energy enforce engage engine enhance enjoy enlist enough enrich enroll ensure enter entire entry
envelope episode equal equip era erase erode erosion error erupt escape essay essence estate eternal
ethics evidence evil evoke evolve exact example excess exchange excite exclude excuse execute exercise
exhaust exhibit exile exist exit exotic expand expect expire explain expose express extend extra eye
eyebrow fabric face faculty fade faint faith fall false fame family famous fan fancy fantasy farm
fashion fat fatal father fatigue fault favorite feature february federal fee feed feel female fence
festival fetch fever few fiber fiction field figure file film filter final find fine finger finish fire
firm first fiscal fish fit fitness fix flag flame flash flat flavor flee flight flip float flock floor
flower fluid flush fly foam focus fog foil fold follow food foot force forest forget fork fortune forum
forward fossil foster found fox fragile frame frequent fresh friend fringe frog front frost frown frozen
fruit fuel fun funny furnace fury future gadget gain galaxy gallery game gap garage garbage garden
garlic garment gas gasp gate gather gauge gaze general genius genre gentle genuine gesture ghost giant
gift giggle ginger giraffe girl give glad glance glare glass glide glimpse globe gloom glory glove glow
glue goat goddess gold good goose gorilla gospel gossip govern gown grab grace grain grant grape grass
gravity great green grid grief grit grocery group grow grunt guard guess guide guilt guitar gun gym
habit hair half hammer hamster hand happy harbor hard harsh harvest hat have hawk hazard head health
heart heavy hedgehog height hello helmet help hen hero hidden high hill hint hip hire history hobby
hockey hold hole holiday hollow home honey hood hope horn horror horse hospital host hotel hour hover
hub huge human humble humor hundred hungry hunt hurdle hurry hurt husband hybrid ice icon idea identify
idle ignore ill illegal illness image imitate immense immune impact impose improve impulse inch include
income increase index indicate indoor industry infant inflict inform inhale inherit initial inject
injury inmate inner innocent input inquiry insane insect inside inspire install intact interest into
invest invite involve iron island isolate issue item ivory jacket jaguar jar jazz jealous jeans jelly
jewel job join joke journey joy judge juice jump jungle junior junk just kangaroo keen keep ketchup key
kick kid kidney kind kingdom kiss kit kitchen kite kitten kiwi knee knife knock know lab label labor
ladder lady lake lamp language laptop large later latin laugh laundry lava law lawn lawsuit layer lazy
leader leaf learn leave lecture left leg legal legend leisure lemon lend length lens leopard lesson
letter level liar liberty library license life lift light like limb limit link lion liquid list little
live lizard load loan lobster local lock logic lonely long loop lottery loud lounge love loyal lucky
luggage lumber lunar lunch luxury lyrics machine mad magic magnet maid mail main major make mammal man
manage mandate mango mansion manual maple marble march margin marine market marriage mask mass master
match material math matrix matter maximum maze meadow mean measure meat mechanic medal media melody melt
member memory mention menu mercy merge merit merry mesh message metal method middle midnight milk
million mimic mind minimum minor minute miracle mirror misery miss mistake mix mixed mixture mobile
model modify mom moment monitor monkey monster month moon moral more morning mosquito mother motion
motor mountain mouse move movie much muffin mule multiply muscle museum mushroom music must mutual
myself mystery myth naive name napkin narrow nasty nation nature near neck need negative neglect neither
nephew nerve nest net network neutral never news next nice night noble noise nominee noodle normal north
nose notable note nothing notice novel now nuclear number nurse nut oak obey object oblige obscure
observe obtain obvious occur ocean october odor off offer office often oil okay old olive olympic omit
once one onion online only open opera opinion oppose option orange orbit orchard order ordinary organ
orient original orphan ostrich other outdoor outer output outside oval oven over own owner oxygen oyster
ozone pact paddle page pair palace palm panda panel panic panther paper parade parent park parrot party
pass patch path patient patrol pattern pause pave payment peace peanut pear peasant pelican pen penalty
pencil people pepper perfect permit person pet phone photo phrase physical piano picnic picture piece
pig pigeon pill pilot pink pioneer pipe pistol pitch pizza place planet plastic plate play please pledge
pluck plug plunge poem poet point polar pole police pond pony pool popular portion position possible
post potato pottery poverty powder power practice praise predict prefer prepare present pretty prevent
price pride primary print priority prison private prize problem process produce profit program project
promote proof property prosper protect proud provide public pudding pull pulp pulse pumpkin punch pupil
puppy purchase purity purpose purse push put puzzle pyramid quality quantum quarter question quick quit
quiz quote rabbit raccoon race rack radar radio rail rain raise rally ramp ranch random range rapid rare
rate rather raven raw razor ready real reason rebel rebuild recall receive recipe record recycle reduce
reflect reform refuse region regret regular reject relax release relief rely remain remember remind
remove render renew rent reopen repair repeat replace report require rescue resemble resist resource
response result retire retreat return reunion reveal review reward rhythm rib ribbon rice rich ride
ridge rifle right rigid ring riot ripple risk ritual rival river road roast robot robust rocket romance
roof rookie room rose rotate rough round route royal rubber rude rug rule run runway rural sad saddle
sadness safe sail salad salmon salon salt salute same sample sand satisfy satoshi sauce sausage save say
scale scan scare scatter scene scheme school science scissors scorpion scout scrap screen script scrub
sea search season seat second secret section security seed seek segment select sell seminar senior sense
sentence series service session settle setup seven shadow shaft shallow share shed shell sheriff shield
shift shine ship shiver shock shoe shoot shop short shoulder shove shrimp shrug shuffle shy sibling sick
side siege sight sign silent silk silly silver similar simple since sing siren sister situate six size
skate sketch ski skill skin skirt skull slab slam sleep slender slice slide slight slim slogan slot slow
slush small smart smile smoke smooth snack snake snap sniff snow soap soccer social sock soda soft solar
soldier solid solution solve someone song soon sorry sort soul sound soup source south space spare
spatial spawn speak special speed spell spend sphere spice spider spike spin spirit split spoil sponsor
spoon sport spot spray spread spring spy square squeeze squirrel stable stadium staff stage stairs stamp
stand start state stay steak steel stem step stereo stick still sting stock stomach stone stool story
stove strategy street strike strong struggle student stuff stumble style subject submit subway success
such sudden suffer sugar suggest suit summer sun sunny sunset super supply supreme sure surface surge
surprise surround survey suspect sustain swallow swamp swap swarm swear sweet swift swim swing switch
sword symbol symptom syrup system table tackle tag tail talent talk tank tape target task taste tattoo
taxi teach team tell ten tenant tennis tent term test text thank that theme then theory there they thing
this thought three thrive throw thumb thunder ticket tide tiger tilt timber time tiny tip tired tissue
title toast tobacco today toddler toe together toilet token tomato tomorrow tone tongue tonight tool
tooth top topic topple torch tornado tortoise toss total tourist toward tower town toy track trade
traffic tragic train transfer trap trash travel tray treat tree trend trial tribe trick trigger trim
trip trophy trouble truck true truly trumpet trust truth try tube tuition tumble tuna tunnel turkey turn
turtle twelve twenty twice twin twist two type typical ugly umbrella unable unaware uncle uncover under
undo unfair unfold unhappy uniform unique unit universe unknown unlock until unusual unveil update
upgrade uphold upon upper upset urban urge usage use used useful useless usual utility vacant vacuum
vague valid valley valve van vanish vapor various vast vault vehicle velvet vendor venture venue verb
verify version very vessel veteran viable vibrant vicious victory video view village vintage violin
virtual virus visa visit visual vital vivid vocal voice void volcano volume vote voyage wage wagon wait
walk wall walnut want warfare warm warrior wash wasp waste water wave way wealth weapon wear weasel
weather web wedding weekend weird welcome west wet whale what wheat wheel when where whip whisper wide
width wife wild will win window wine wing wink winner winter wire wisdom wise wish witness wolf woman
wonder wood wool word work world worry worth wrap wreck wrestle wrist write wrong yard year yellow you
young youth zebra zero zone zoo
"""
_BIP39 = _split(_BIP39_TEXT)
