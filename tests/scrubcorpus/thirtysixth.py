"""The thirty-sixth held-back scrub corpus: twelve settings the scrubber was never tuned on.

A blind part: it measures the scrubber (``client_actors.scrub``) on text written without reading its rules,
its tests or any other corpus part. Its labels follow the scrubber's published policy alone (the package
docstring): what the policy says goes is a `Secret`; what it says stays (placeholders, references to a stored
secret, publishable and public keys, anonymous ids, commit hashes and digests, versions, loopback, unspecified,
link-local and example addresses, test card numbers, a card-shaped number under an identifier's name, IBAN
look-alikes that fail their check, the other parameters of a query string) is a `Keep`; what it leaves open
(phone numbers, kit ids, account ids, the ciphertext of sealed secrets...) is not labelled at all.

The twelve settings (`SETTINGS`): ``observability-agents`` (Datadog, New Relic and Grafana agents, collectors
and shippers sending to Honeycomb, Axiom, Better Stack, Coralogix), ``payments-africa-asia`` (Paystack,
Flutterwave, Razorpay, Xendit, PayMongo keys, calls and webhook logs), ``sms-otp-providers`` (Vonage, Plivo,
MessageBird, Termii configs, OTP logs with phone numbers), ``auth-providers`` (Clerk, Stytch, WorkOS, Descope,
Kinde secrets, session tokens, user exports), ``search-ads-seo`` (Search Console and Google Ads API setups, rank
trackers, crawlers, account exports), ``llm-gateways`` (OpenRouter, Together, Groq, Fireworks, Replicate,
Mistral, Anthropic keys in agent configs, calls and logs), ``kubernetes-operators`` (Secrets, ExternalSecrets,
SealedSecrets, cert-manager, Argo CD, operator CRs), ``mainframe-modern`` (JCL, RACF, z/OS Connect, Zowe, FTP
to z/OS, DB2 and MQ settings), ``customer-data-platforms`` (Segment, RudderStack, mParticle keys, identify calls
with traits, audiences), ``genomics-consumer`` (DNA exports, kit registrations, lab portal tokens, GEDCOM),
``school-transport`` (bus routes with students and stops, driver rosters, GPS and fleet vendors' keys) and
``hoa-property-mgmt`` (homeowner association rosters, dues ledgers with bank details, portal passwords).

Every fake value is drawn at build time from a `random.Random` seeded with the build's seed (`DEFAULT_SEED`
unless told), by code that follows its format's public description, and is valid for its format where the
format has a check: GitHub's CRC32 tokens, Grafana's checksummed service-account tokens, Luhn card numbers,
IBAN mod 97 (and look-alikes that fail it), JWT layout, PEM (PKCS#1, PKCS#8, SEC 1) and OpenSSH key layouts,
vendors' prefixes, lengths and alphabets. Names, streets and domains are combined from small made-up
vocabularies. No value in this file is a literal secret.

Each document is delivered one of six ways (`DELIVERIES`): ``plain`` (as is), ``json`` (escaped in a JSON
transcript line), ``diff`` (a unified diff's added lines), ``numbered`` (with line numbers), ``cilog`` (behind
CI log timestamps) and ``fence`` (inside a Markdown fence). A label's offset and text are for the text as
delivered: in the ``json`` delivery a label's text is its escaped form, and a label running over lines holds
the prefixes the delivery put inside it.

`measure_documents` reports aggregates only (counts and rates), never a value; `measure_held_back` runs the
real scrubber over the part and is not called by its tests.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import itertools
import json
import random
import re
import string
import textwrap
import uuid
import zlib
from collections.abc import Callable, Sequence

import attrs

DEFAULT_SEED: int = 20261236
DELIVERIES: tuple[str, ...] = ("plain", "json", "diff", "numbered", "cilog", "fence")
SETTINGS: tuple[str, ...] = (
    "observability-agents",
    "payments-africa-asia",
    "sms-otp-providers",
    "auth-providers",
    "search-ads-seo",
    "llm-gateways",
    "kubernetes-operators",
    "mainframe-modern",
    "customer-data-platforms",
    "genomics-consumer",
    "school-transport",
    "hoa-property-mgmt",
)
_OBS, _PAY, _SMS, _AUTH, _SEO, _LLM, _K8S, _MF, _CDP, _DNA, _BUS, _HOA = SETTINGS


@attrs.frozen
class Secret:
    """A value the policy says goes: its class, its text as delivered and its offset in the document."""

    cls: str
    text: str
    offset: int


@attrs.frozen
class Keep:
    """A value the policy says stays, though it may look like a secret."""

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
    "newrelic-user-key", "newrelic-license-key", "grafana-sa-token", "grafana-cloud-token", "axiom-token",
    "paystack-secret-key", "flutterwave-secret-key", "xendit-secret-key", "paymongo-secret-key",
    "clerk-secret-key", "stytch-secret", "svix-webhook-secret", "google-api-key", "google-oauth-secret",
    "google-oauth-token", "openrouter-key", "groq-key", "replicate-token", "anthropic-key", "samsara-token",
    "github-token", "aws-access-key",
})  # fmt: skip
CLASSES: frozenset[str] = VENDOR_CLASSES | frozenset({
    "email", "person-name", "password", "url-password", "password-hash", "jwt", "private-key", "basic-auth",
    "ip-address", "iban", "card-number", "k8s-secret-value", "registry-auth", "aws-secret-key", "api-token",
    "signing-secret", "service-account-key-id", "datadog-api-key", "telemetry-ingest-key", "razorpay-key-secret",
    "vonage-api-secret", "plivo-auth-token", "sms-api-key", "auth-provider-secret", "seo-api-key", "llm-api-key",
    "cdp-key",
})  # fmt: skip

# Made-up vocabularies, combined at build time.
_FIRST = (
    "Amara", "Kofi", "Ifeoma", "Tendai", "Nadia", "Joaquin", "Priya", "Rafael", "Lindiwe", "Oskar",
    "Meiling", "Tomasz", "Zainab", "Emeka", "Hiroshi", "Ingrid", "Farah", "Dmitri", "Aisha", "Mateus",
    "Kwabena", "Signe", "Ravindra", "Lucila", "Marisol", "Anton", "Chiamaka", "Bongani", "Elif", "Yusuf",
)  # fmt: skip
_LAST = (
    "Okafor", "Mensah", "Adeyemi", "Moyo", "Haddad", "Ferreira", "Ramanathan", "Castillo", "Dlamini",
    "Lindqvist", "Tanaka", "Nowak", "Balogun", "Ezeani", "Satoshima", "Halvorsen", "Qureshi", "Volkova",
    "Bellamy", "Kowalczyk", "Asante", "Varga", "Pillai", "Romero", "Boateng", "Ortega", "Kellermann",
    "Nwosu", "Khumalo", "Aydin",
)  # fmt: skip
_WORDS = (
    "cobalt", "heron", "juniper", "quartz", "saffron", "lumen", "tamarind", "falcon", "meadow", "cinder",
    "orchid", "glacier", "pebble", "harbor", "walnut", "ember", "marula", "kestrel", "tundra", "copper",
)  # fmt: skip
_DOM_A = ("kestrel", "umoja", "lantern", "bluefin", "copperleaf", "marula", "tidewater", "harrow")
_DOM_B = ("labs", "works", "hq", "group", "digital", "health", "transit", "homes", "analytics", "pay")
_TLD = ("com", "io", "co", "net", "co.za", "com.ng", "ph", "co.uk", "in")
_STREETS = ("Acacia", "Baobab", "Harbour", "Jacaranda", "Kingfisher", "Larch", "Marigold", "Osprey", "Willow")
_STREET_KIND = ("Road", "Street", "Avenue", "Close", "Lane", "Drive")
_CITIES = ("Lekki", "Kumasi", "Makati", "Pune", "Bandung", "Durban", "Leeds", "Porto", "Tartu", "Halifax")
_TEAMS = ("platform", "payments", "growth", "checkout", "identity", "data", "mobile", "sre")
_SERVICES = ("orders-api", "billing", "ledger", "gateway", "notifier", "catalog", "search", "profile")
_REGIONS = ("eu-west-1", "eu-central-1", "us-east-2", "ap-south-1", "ap-southeast-1", "af-south-1")
_NAMESPACES = ("payments", "identity", "platform", "data", "checkout", "reporting")
_APPS = ("billing", "ledger", "orders", "catalog", "profiles", "notifier")
_MF_USERS = ("SETLBAT", "PAYBAT", "ZCEEUSR", "OPSBAT", "DB2UNL")

_LOWER, _UPPER, _DIGITS = string.ascii_lowercase, string.ascii_uppercase, string.digits
_ALNUM = string.ascii_letters + string.digits
_HEX = "0123456789abcdef"
_B62 = _DIGITS + _UPPER + _LOWER
_URLSAFE = _ALNUM + "-_"
_B32 = _UPPER + "234567"
_BCRYPT = "./" + _UPPER + _LOWER + _DIGITS
_DASH5 = "-" * 5


class _Fake:
    """Draws every fake value from one seeded `random.Random`."""

    def __init__(self, r: random.Random) -> None:
        self.r = r

    def pick(self, seq: Sequence[str]) -> str:
        return self.r.choice(seq)

    def n(self, lo: int, hi: int) -> int:
        return self.r.randint(lo, hi)

    def chars(self, alphabet: str, k: int) -> str:
        return "".join(self.r.choice(alphabet) for _ in range(k))

    def mixed(self, k: int, alphabet: str = _ALNUM) -> str:
        """Random text holding an upper-case letter, a lower-case letter and a digit, as generators make it."""
        while True:
            s = self.chars(alphabet, k)
            if any(c.isupper() for c in s) and any(c.islower() for c in s) and any(c.isdigit() for c in s):
                return s

    def hexs(self, k: int) -> str:
        while True:
            s = self.chars(_HEX, k)
            if any(c.isdigit() for c in s) and any(c.isalpha() for c in s):
                return s

    def upper_alnum(self, k: int) -> str:
        while True:
            s = self.chars(_UPPER + _DIGITS, k)
            if any(c.isdigit() for c in s) and any(c.isalpha() for c in s):
                return s

    def digits(self, k: int) -> str:
        return str(self.n(1, 9)) + self.chars(_DIGITS, k - 1)

    def raw(self, k: int) -> bytes:
        return bytes(self.r.getrandbits(8) for _ in range(k))

    def b64(self, k: int, *, url: bool = False, pad: bool = True) -> str:
        data = self.raw(k)
        s = (base64.urlsafe_b64encode(data) if url else base64.b64encode(data)).decode()
        return s if pad else s.rstrip("=")

    def uuid(self) -> str:
        return str(uuid.UUID(int=self.r.getrandbits(128), version=4))

    def version(self) -> str:
        return f"{self.n(1, 9)}.{self.n(2, 60)}.{self.n(1, 19)}"

    def domain(self) -> str:
        return f"{self.pick(_DOM_A)}{self.pick(_DOM_B)}.{self.pick(_TLD)}"

    def email(self, first: str, last: str) -> str:
        local = self.pick(
            (f"{first}.{last}", f"{first[0]}{last}", f"{first}{self.n(2, 98)}", f"{first}_{last[0]}")
        )
        return f"{local.lower()}@{self.domain()}"

    def priv_ip(self) -> str:
        """RFC 1918, neither a network's address nor four equal octets."""
        while True:
            net = self.pick(("10." + str(self.n(0, 254)), "172." + str(self.n(16, 31)), "192.168"))
            ip = f"{net}.{self.n(0, 254)}.{self.n(2, 250)}"
            if len(set(ip.split("."))) > 1:
                return ip

    def pub_ip(self) -> str:
        first = self.pick(("41", "102", "105", "154", "196", "197", "36", "49", "112", "180", "122"))
        return f"{first}.{self.n(1, 254)}.{self.n(1, 254)}.{self.n(2, 250)}"

    def password(self, *, url_safe: bool = False) -> str:
        syms = "-_." if url_safe else "!#%+=_-*"
        if self.r.random() < 0.5:
            w1, w2 = self.pick(_WORDS).capitalize(), self.pick(_WORDS).capitalize()
            return f"{w1}{self.pick(syms)}{w2}{self.n(10, 99)}"
        while True:
            s = self.mixed(self.n(14, 20), _ALNUM + syms)
            if any(c in syms for c in s):
                return s

    def when(self) -> _dt.datetime:
        return _dt.datetime(2025, self.n(1, 12), self.n(1, 28), self.n(0, 23), self.n(0, 59), self.n(0, 59))

    def phone(self, cc: str = "") -> str:
        cc = cc or self.pick(("234", "233", "254", "27", "63", "91", "62", "44"))
        return f"+{cc}{self.digits(9 if cc in ('27', '44') else 10)}"


# ---------------------------------------------------------------------------------------------------------
# Formats with a public description


def _b62(n: int, width: int) -> str:
    out = ""
    while n:
        n, rem = divmod(n, 62)
        out = _B62[rem] + out
    return out.rjust(width, "0")


def _github_token(f: _Fake) -> str:
    """``ghp_``, 30 random base62 characters, then their CRC32 in six base62 digits."""
    body = f.mixed(30)
    return "ghp_" + body + _b62(zlib.crc32(body.encode()), 6)


def _grafana_sa_token(f: _Fake) -> str:
    """``glsa_``, 32 random characters, ``_`` and the CRC32 (eight hex digits) of what precedes it."""
    head = "glsa_" + f.mixed(32)
    return f"{head}_{zlib.crc32(head.encode()):08x}"


def _grafana_cloud_token(f: _Fake) -> str:
    """``glc_`` and base64 of the access policy token's JSON (org, name, key, region)."""
    claims = {
        "o": f.digits(7),
        "n": f"stack-{f.digits(6)}-alloy-{f.pick(_WORDS)}",
        "k": f.mixed(24),
        "m": {"r": f.pick(("prod-eu-west-2", "prod-us-east-0", "prod-ap-southeast-1"))},
    }
    return "glc_" + base64.b64encode(json.dumps(claims, separators=(",", ":")).encode()).decode()


def _aws_key_id(f: _Fake) -> str:
    while True:
        s = f.chars(_B32, 16)
        if any(c.isdigit() for c in s):
            return "AKIA" + s


def _jwt(f: _Fake, claims: dict[str, object], alg: str = "RS256") -> str:
    def enc(obj: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")

    sig = f.b64(256 if alg.startswith("RS") else 32, url=True, pad=False)
    return f"{enc({'alg': alg, 'typ': 'JWT', 'kid': f.mixed(12)})}.{enc(claims)}.{sig}"


def _epoch(f: _Fake) -> int:
    return int(f.when().replace(tzinfo=_dt.UTC).timestamp())


def _pem(kind: str, der: bytes, width: int = 64) -> str:
    body = base64.b64encode(der).decode()
    label = f"{kind} PRIVATE KEY".strip()
    lines = [body[i : i + width] for i in range(0, len(body), width)]
    return "\n".join([f"{_DASH5}BEGIN {label}{_DASH5}", *lines, f"{_DASH5}END {label}{_DASH5}"])


def _der_seq(inner: bytes) -> bytes:
    n = len(inner)
    return b"\x30" + (bytes([n]) if n < 128 else b"\x82" + n.to_bytes(2, "big")) + inner


def _pem_pkcs8(f: _Fake) -> str:
    """PKCS#8: SEQUENCE { 0, rsaEncryption, OCTET STRING { RSAPrivateKey (PKCS#1) } }, random contents."""
    rsa = _der_seq(b"\x02\x01\x00\x02\x82\x01\x01\x00" + f.raw(1180))
    alg = bytes.fromhex("300d06092a864886f70d0101010500")
    return _pem("", _der_seq(b"\x02\x01\x00" + alg + b"\x04\x82" + len(rsa).to_bytes(2, "big") + rsa))


def _pem_ec(f: _Fake) -> str:
    """SEC 1 EC key on P-256: version 1, 32-byte key, the curve's OID, the 65-byte public point."""
    tail = bytes.fromhex("a00a06082a8648ce3d030107a144034200") + b"\x04" + f.raw(64)
    return _pem("EC", _der_seq(b"\x02\x01\x01\x04\x20" + f.raw(32) + tail))


def _ssh_string(b: bytes) -> bytes:
    return len(b).to_bytes(4, "big") + b


def _openssh_key(f: _Fake, comment: str) -> str:
    """OpenSSH's layout for an unencrypted ed25519 key, base64 in 70-column lines."""
    seed, pub, check = f.raw(32), f.raw(32), f.raw(4)
    pub_blob = _ssh_string(b"ssh-ed25519") + _ssh_string(pub)
    priv = check + check + pub_blob + _ssh_string(seed + pub) + _ssh_string(comment.encode())
    priv += bytes(range(1, 1 + (-len(priv)) % 8))
    blob = b"openssh-key-v1\x00" + _ssh_string(b"none") * 2 + _ssh_string(b"") + (1).to_bytes(4, "big")
    return _pem("OPENSSH", blob + _ssh_string(pub_blob) + _ssh_string(priv), width=70)


def _ssh_public(f: _Fake, comment: str) -> str:
    blob = _ssh_string(b"ssh-ed25519") + _ssh_string(f.raw(32))
    return "ssh-ed25519 " + base64.b64encode(blob).decode() + " " + comment


_IBAN_LAYOUTS: dict[str, str] = {
    "DE": "n18",
    "GB": "a4n14",
    "IE": "a4n14",
    "NL": "a4n10",
    "AT": "n16",
    "CH": "n5c12",
}


def _iban_check(country: str, bban: str) -> str:
    return f"{98 - int(''.join(str(int(ch, 36)) for ch in bban + country + '00')) % 97:02d}"


def _iban_parts(f: _Fake) -> tuple[str, str, str]:
    country = f.pick(tuple(_IBAN_LAYOUTS))
    alphabets = {"n": _DIGITS, "a": _UPPER, "c": _UPPER + _DIGITS}
    bban = "".join(
        f.chars(alphabets[k], int(n)) for k, n in re.findall(r"([nac])(\d+)", _IBAN_LAYOUTS[country])
    )
    return country, _iban_check(country, bban), bban


def _iban(f: _Fake, grouped: bool) -> str:
    s = "".join(_iban_parts(f))
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4)) if grouped else s


def _bad_iban(f: _Fake) -> str:
    """An IBAN's layout whose check digits are wrong (mod 97 fails): a look-alike the policy keeps."""
    country, check, bban = _iban_parts(f)
    wrong = check
    while wrong == check:
        wrong = f"{f.n(2, 98):02d}"
    return country + wrong + bban


def _luhn_digit(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def _luhn(f: _Fake, prefix: str) -> str:
    partial = prefix + f.chars(_DIGITS, 15 - len(prefix))
    return partial + _luhn_digit(partial)


def _pw_hash(f: _Fake, kind: str) -> str:
    if kind == "bcrypt":
        return f"$2b${f.pick(('10', '12'))}$" + f.chars(_BCRYPT, 53)
    if kind == "argon2id":
        return "$argon2id$v=19$m=65536,t=3,p=4$" + f.b64(16, pad=False) + "$" + f.b64(32, pad=False)
    return "pbkdf2_sha256$870000$" + f.mixed(22) + "$" + f.b64(32)


# ---------------------------------------------------------------------------------------------------------
# Templates. A slot ``<%...%>`` is filled at build time: ``<%gen%>`` plain text, ``<%k gen%>`` a keep,
# ``<%k=text%>`` a keep of that text, ``<%s:class gen%>`` a secret of that class. A generator takes an argument
# (``hex:32``), a person (``email@1``: the same person's name and address agree) and a tag (``pw#a``: a value
# that stands twice). A template's ``rows`` repeat a line, ``@r`` standing for the row's person.


@attrs.frozen
class _T:
    setting: str
    slug: str
    path: str
    lang: str
    count: int
    text: str
    rows: tuple[str, int, str, str] = ("", 0, "", "")


class _Ctx:
    def __init__(self, f: _Fake) -> None:
        self.f = f
        self.cache: dict[tuple[str, str, int] | str, str] = {}
        self.people: dict[int, tuple[str, str]] = {}
        self.clock = f.when()

    def tick(self) -> _dt.datetime:
        """The document's clock: each timestamp a little after the one before."""
        self.clock += _dt.timedelta(seconds=self.f.n(0, 40), microseconds=self.f.n(0, 999_999))
        return self.clock

    def person(self, p: int) -> tuple[str, str]:
        if p not in self.people:
            self.people[p] = (self.f.pick(_FIRST), self.f.pick(_LAST))
        return self.people[p]


_Gen = Callable[[_Ctx, str, int], str]


def _arg(a: str, default: int) -> int:
    return int(a) if a else default


def _kit(c: _Ctx) -> str:
    return f"{c.f.pick(('KT', 'DX', 'GN'))}-{c.f.upper_alnum(4)}-{c.f.upper_alnum(4)}"


def _clerk_jwt(c: _Ctx) -> str:
    dom, iat = c.f.domain(), _epoch(c.f)
    claims: dict[str, object] = {
        "azp": f"https://{dom}",
        "exp": iat + 60,
        "iat": iat,
        "iss": f"https://clerk.{dom}",
    }
    return _jwt(c.f, {**claims, "sid": "sess_" + c.f.mixed(27), "sub": "user_" + c.f.mixed(27)})


def _k8s_jwt(c: _Ctx) -> str:
    ns, iat, iss = c.f.pick(_NAMESPACES), _epoch(c.f), "https://kubernetes.default.svc.cluster.local"
    sa = {"namespace": ns, "serviceaccount": {"name": "ci-deployer", "uid": c.f.uuid()}}
    claims = {"aud": [iss], "exp": iat + 31536000, "iat": iat, "iss": iss, "kubernetes.io": sa}
    return _jwt(c.f, {**claims, "sub": f"system:serviceaccount:{ns}:ci-deployer"})


def _pair_b64(c: _Ctx, a: str) -> str:
    user, secret = (c.cache[t] for t in a.split(","))
    return base64.b64encode(f"{user}:{secret}".encode()).decode()


_GENS: dict[str, _Gen] = {
    # shapes and ordinary values
    "hex": lambda c, a, p: c.f.hexs(_arg(a, 32)),
    "mixed": lambda c, a, p: c.f.mixed(_arg(a, 32)),
    "urlsafe": lambda c, a, p: c.f.mixed(_arg(a, 43), _URLSAFE),
    "upper": lambda c, a, p: c.f.upper_alnum(_arg(a, 8)),
    "digits": lambda c, a, p: c.f.digits(_arg(a, 6)),
    "lowal": lambda c, a, p: c.f.chars(_LOWER + _DIGITS, _arg(a, 10)),
    "b64": lambda c, a, p: c.f.b64(_arg(a, 32)),
    "pair_b64": lambda c, a, p: _pair_b64(c, a),
    "num": lambda c, a, p: str(c.f.n(*map(int, a.split("-")))),
    "pick": lambda c, a, p: c.f.pick(a.split("|")),
    "uuid": lambda c, a, p: c.f.uuid(),
    "commit": lambda c, a, p: c.f.hexs(40),
    "digest": lambda c, a, p: "sha256:" + c.f.hexs(64),
    "version": lambda c, a, p: c.f.version(),
    "kver": lambda c, a, p: f"1.{c.f.n(27, 31)}.{c.f.n(0, 12)}",
    "word": lambda c, a, p: c.f.pick(_WORDS),
    "cword": lambda c, a, p: c.f.pick(_WORDS).capitalize(),
    "city": lambda c, a, p: c.f.pick(_CITIES),
    "street": lambda c, a, p: f"{c.f.n(2, 240)} {c.f.pick(_STREETS)} {c.f.pick(_STREET_KIND)}",
    "svc": lambda c, a, p: c.f.pick(_SERVICES),
    "team": lambda c, a, p: c.f.pick(_TEAMS),
    "ns": lambda c, a, p: c.f.pick(_NAMESPACES),
    "app": lambda c, a, p: c.f.pick(_APPS),
    "region": lambda c, a, p: c.f.pick(_REGIONS),
    "dom": lambda c, a, p: c.f.domain(),
    "noreply": lambda c, a, p: "noreply@" + c.f.domain(),
    "brand": lambda c, a, p: c.f.pick(_DOM_A).capitalize(),
    "iso": lambda c, a, p: f"{c.tick():%Y-%m-%dT%H:%M:%S}Z",
    "stamp": lambda c, a, p: f"{c.tick():%Y-%m-%d %H:%M:%S},{c.clock.microsecond // 1000:03d}",
    "date": lambda c, a, p: f"{c.f.when():%Y-%m-%d}",
    "phone": lambda c, a, p: c.f.phone(a),
    "unit": lambda c, a, p: f"{c.f.pick('ABCD')}-{c.f.n(101, 420)}",
    "kit": lambda c, a, p: _kit(c),
    "route": lambda c, a, p: f"R{c.f.n(1, 48):02d}",
    "tab": lambda c, a, p: "\t",
    "rsid_rows": lambda c, a, p: "\n".join(
        f"rs{c.f.digits(c.f.n(5, 9))}\t{c.f.n(1, 22)}\t{c.f.digits(7)}\t{c.f.pick(('AA', 'AG', 'CT', 'GG'))}"
        for _ in range(3)
    ),
    # people
    "name": lambda c, a, p: " ".join(c.person(p)),
    "first": lambda c, a, p: c.person(p)[0],
    "last": lambda c, a, p: c.person(p)[1],
    "email": lambda c, a, p: c.f.email(*c.person(p)),
    "ged": lambda c, a, p: f"{c.person(p)[0]} /{c.person(p)[1]}/",
    "login": lambda c, a, p: f"{c.person(p)[0][0]}{c.person(p)[1]}".lower(),
    # addresses and credentials
    "priv_ip": lambda c, a, p: c.f.priv_ip(),
    "pub_ip": lambda c, a, p: c.f.pub_ip(),
    "hostip": lambda c, a, p: "ip-" + c.f.priv_ip().replace(".", "-"),
    "pw": lambda c, a, p: c.f.password(),
    "pw_url": lambda c, a, p: c.f.password(url_safe=True),
    "mf_pw": lambda c, a, p: c.f.pick(_UPPER) + c.f.upper_alnum(7),
    "mf_user": lambda c, a, p: c.f.pick(_MF_USERS) + str(c.f.n(1, 9)),
    "basic": lambda c, a, p: base64.b64encode(
        f"{_GENS['mf_user'](c, '', 0)}:{c.f.password()}".encode()
    ).decode(),
    "pwhash": lambda c, a, p: _pw_hash(c.f, a),
    "card": lambda c, a, p: _luhn(c.f, c.f.pick(("539983", "519911", "418742", "462263", "535522"))),
    "order_id": lambda c, a, p: _luhn(c.f, c.f.pick(("4", "5"))),
    "test_card": lambda c, a, p: " ".join(["4242"] * 4),
    "iban": lambda c, a, p: _iban(c.f, grouped=a == "grouped"),
    "bad_iban": lambda c, a, p: _bad_iban(c.f),
    "pem_ec": lambda c, a, p: _pem_ec(c.f),
    "pem_json": lambda c, a, p: _pem_pkcs8(c.f).replace("\n", "\\n") + "\\n",
    "openssh": lambda c, a, p: _openssh_key(c.f, a),
    "ssh_pub": lambda c, a, p: _ssh_public(c.f, a),
    "jwt_clerk": lambda c, a, p: _clerk_jwt(c),
    "jwt_k8s": lambda c, a, p: _k8s_jwt(c),
    "jwt_hs": lambda c, a, p: _jwt(c.f, {"sub": c.f.uuid(), "scope": a, "iat": _epoch(c.f)}, "HS256"),
    "akia": lambda c, a, p: _aws_key_id(c.f),
    "akia_example": lambda c, a, p: "AKIA" + "IOSFODNN7" + "EXAMPLE",
    "aws_secret": lambda c, a, p: c.f.mixed(40, _ALNUM + "/+"),
    "ghp": lambda c, a, p: _github_token(c.f),
    # vendors' layouts (prefix, length, alphabet) as their documentation shows them
    "nrak": lambda c, a, p: "NRAK-" + c.f.upper_alnum(27),
    "nral": lambda c, a, p: (c.f.pick(("", "eu01xx")) + c.f.hexs(36))[:36] + "NRAL",
    "glsa": lambda c, a, p: _grafana_sa_token(c.f),
    "glc": lambda c, a, p: _grafana_cloud_token(c.f),
    "honeycomb": lambda c, a, p: "hcaik_01" + c.f.chars(_LOWER + _DIGITS, 56),
    "coralogix": lambda c, a, p: "cxtp_" + c.f.mixed(30),
    "axiom": lambda c, a, p: "xaat-" + c.f.uuid(),
    "paystack": lambda c, a, p: f"{a}_live_" + c.f.hexs(40),
    "flw": lambda c, a, p: f"FLW{a}-" + c.f.hexs(32) + "-X",
    "xendit": lambda c, a, p: f"xnd_{a}production_" + c.f.mixed(60),
    "paymongo": lambda c, a, p: f"{a}_live_" + c.f.mixed(24),
    "clerk_sk": lambda c, a, p: "sk_live_" + c.f.mixed(42),
    "clerk_pk": lambda c, a, p: (
        "pk_live_" + base64.b64encode(f"clerk.{c.f.domain()}$".encode()).decode().rstrip("=")
    ),
    "whsec": lambda c, a, p: "whsec_" + c.f.b64(24),
    "stytch": lambda c, a, p: "secret-live-" + c.f.b64(32, url=True),
    "gapi": lambda c, a, p: "AIza" + c.f.mixed(35, _URLSAFE),
    "gocspx": lambda c, a, p: "GOCSPX-" + c.f.mixed(28, _URLSAFE),
    "ya29": lambda c, a, p: "ya29.a0A" + c.f.mixed(150, _URLSAFE),
    "openrouter": lambda c, a, p: "sk-or-v1-" + c.f.hexs(64),
    "groq": lambda c, a, p: "gsk_" + c.f.mixed(52),
    "replicate": lambda c, a, p: "r8_" + c.f.mixed(37),
    "anthropic": lambda c, a, p: "sk-ant-api03-" + c.f.mixed(93, _URLSAFE) + "AA",
    "together": lambda c, a, p: "tgp_v1_" + c.f.mixed(43, _URLSAFE),
    "fireworks": lambda c, a, p: "fw_" + c.f.mixed(24),
    "samsara": lambda c, a, p: "samsara_api_" + c.f.mixed(30),
}

_SLOT = re.compile(r"<%(.*?)%>", re.S)
_SPEC = re.compile(r"([a-z_0-9]+)(?::([^@#]*))?(?:@(\d+))?(?:#(\w+))?$")
_JOIN = re.compile(r"~~\n[ \t]*")
_Part = tuple[str, "tuple[str, str] | None"]  # text and (kind, class): ("s", cls) or ("k", "")


def _expand(tpl: _T) -> str:
    text = _JOIN.sub("", textwrap.dedent(tpl.text).lstrip("\n"))
    row, count, mid, last = tpl.rows
    if count:
        body = "".join(
            row.replace("@r", f"@{i + 1}").replace("<%sep%>", mid if i < count - 1 else last)
            for i in range(count)
        )
        text = text.replace("<%rows%>", body)
    return text


def _render(tpl: _T, c: _Ctx) -> list[_Part]:
    text = _expand(tpl)
    parts: list[_Part] = []
    pos = 0
    for m in _SLOT.finditer(text):
        parts.append((text[pos : m.start()], None))
        body = m.group(1)
        if body.startswith("k="):
            parts.append((body[2:], ("k", "")))
        else:
            kind, _, spec = body.rpartition(" ")
            sm = _SPEC.match(spec)
            assert sm is not None, spec
            name, arg, person, tag = sm.group(1), sm.group(2) or "", int(sm.group(3) or 0), sm.group(4)
            key: tuple[str, str, int] | str | None = tag or ((name, arg, person) if sm.group(3) else None)
            if key is not None and key in c.cache:
                value = c.cache[key]
            else:
                value = _GENS[name](c, arg, person)
                if key is not None:
                    c.cache[key] = value
            label = None if not kind else ("k", "") if kind == "k" else ("s", kind.removeprefix("s:"))
            parts.append((value, label))
        pos = m.end()
    parts.append((text[pos:], None))
    return parts


# ---------------------------------------------------------------------------------------------------------
# Deliveries: a map from each character of the document to its place in the delivered text


def _line_delivery(text: str, head: str, prefix: Callable[[int], str]) -> tuple[str, list[int]]:
    out, at, pos = [head], len(head), list[int]()
    for n, line in enumerate(text[:-1].split("\n")):
        p = prefix(n)
        at += len(p)
        pos.extend(range(at, at + len(line) + 1))
        at += len(line) + 1
        out.append(p + line + "\n")
    pos.append(at)
    return "".join(out), pos


def _deliver(f: _Fake, delivery: str, path: str, lang: str, text: str) -> tuple[str, list[int]]:
    if delivery == "plain":
        return text, list(range(len(text) + 1))
    if delivery == "json":
        head = '{"type":"tool_result","tool_use_id":"toolu_01' + f.mixed(22) + '","content":"'
        escaped = [json.dumps(ch)[1:-1] for ch in text]
        pos = [len(head)]
        for e in escaped:
            pos.append(pos[-1] + len(e))
        return head + "".join(escaped) + '"}\n', pos
    if delivery == "diff":
        rel = path.lstrip("/$ ").replace(" ", "-")
        head = (
            f"diff --git a/{rel} b/{rel}\nnew file mode 100644\nindex 0000000..{f.hexs(7)}\n"
            f"--- /dev/null\n+++ b/{rel}\n@@ -0,0 +1,{text.count(chr(10))} @@\n"
        )
        return _line_delivery(text, head, lambda n: "+")
    if delivery == "numbered":
        arrow = f.r.random() < 0.5
        return _line_delivery(text, "", lambda n: f"{n + 1:>6}" + ("\u2192" if arrow else "\t"))
    if delivery == "cilog":
        times = [f.when() + _dt.timedelta(microseconds=f.n(0, 999_999))]
        for _ in range(text.count("\n")):
            times.append(times[-1] + _dt.timedelta(microseconds=f.n(0, 900_000)))
        return _line_delivery(text, "", lambda n: f"{times[n]:%Y-%m-%dT%H:%M:%S.%f}{f.n(0, 9)}Z ")
    intro = f.pick(("Here is the file:", f"Contents of `{path}`:", "Output:", "I found this:"))
    head = f"{intro}\n\n```{lang}\n"
    return head + text + "```\n", [len(head) + i for i in range(len(text) + 1)]


def _sound(doc: Document) -> bool:
    """Every occurrence of a secret's text is labelled, and no keep's text stands inside a secret."""
    spans = sorted((s.offset, s.offset + len(s.text)) for s in doc.secrets)
    if any(a[1] > b[0] for a, b in itertools.pairwise(spans)):
        return False

    def hits(needle: str) -> list[int]:
        return [m.start() for m in re.finditer(re.escape(needle), doc.text)] if needle else [-1]

    for s in doc.secrets:
        for at in hits(s.text):
            if len(s.text) < 4 or not any(a <= at and at + len(s.text) <= b for a, b in spans):
                return False
    for k in doc.keeps:
        for at in hits(k.text):
            if any(at < b and a < at + len(k.text) for a, b in spans):
                return False
    return True


def _make(f: _Fake, tpl: _T, index: int, delivery: str) -> Document:
    for _attempt in range(50):
        parts = _render(tpl, _Ctx(f))
        if not parts[-1][0].endswith("\n"):
            parts.append(("\n", None))
        text = "".join(t for t, _ in parts)
        delivered, pos = _deliver(f, delivery, tpl.path, tpl.lang, text)
        secrets: list[Secret] = []
        keeps: list[Keep] = []
        at = 0
        for t, label in parts:
            if label is not None:
                start, end = pos[at], pos[at + len(t)]
                if label[0] == "s":
                    secrets.append(Secret(label[1], delivered[start:end], start))
                else:
                    keeps.append(Keep(delivered[start:end], start))
            at += len(t)
        name = f"{tpl.setting}/{tpl.slug}-{index:02d}"
        doc = Document(name, tpl.setting, delivery, delivered, tuple(secrets), tuple(keeps))
        if _sound(doc):
            return doc
    raise AssertionError(f"no sound document from {tpl.slug}")  # pragma: no cover


# ---------------------------------------------------------------------------------------------------------
# The documents, setting by setting: (setting, slug, path, fence language, how many, text[, rows])

_TEMPLATES: tuple[_T, ...] = (
    # observability-agents
    _T(_OBS, "datadog-yaml", "/etc/datadog-agent/datadog.yaml", "yaml", 3, r"""
    ## Managed by ansible (role datadog, agent <%k version%>) - local edits are overwritten
    api_key: <%s:datadog-api-key hex:32%>
    site: datadoghq.eu
    hostname: <%svc%>-<%num:1-9%>
    logs_enabled: true
    proxy:
      https: http://<%s:ip-address priv_ip%>:3128
      no_proxy: [<%k=169.254.169.254%>, <%k=127.0.0.1%>]
    tags: ["team:<%team%>", "env:production"]
    """),
    _T(_OBS, "datadog-status", "$ datadog-agent status", "text", 3, r"""
    $ sudo datadog-agent status | grep -A6 -E '^(Agent \(|  Hostnames)'
    Agent (v<%k version%>)
    ===============
      Status date: <%stamp%> UTC
      Go Version: <%k=go1.21.9%>
      Check Runners: 4
    --
      Hostnames
      =========
        ec2-hostname: <%s:ip-address hostip#h%>.<%region#r%>.compute.internal
        instance-id: i-0<%hex:16%>
        socket-fqdn: <%s:ip-address hostip#h%>.<%region#r%>.compute.internal
        hostname provider: aws
    """),
    _T(_OBS, "newrelic-infra", "/etc/newrelic-infra.yml", "yaml", 3, r"""
    # newrelic-infra <%k version%>; key from one.newrelic.com > API keys, as  license_key: <%k=<YOUR_LICENSE_KEY>%>
    license_key: <%s:newrelic-license-key nral%>
    display_name: <%svc%>-prod-<%num:1-9%>
    log:
      level: info
    custom_attributes:
      team: <%team%>
    """),
    _T(_OBS, "nerdgraph", "$ curl nerdgraph", "console", 3, r"""
    $ curl -s https://api.eu.newrelic.com/graphql -H 'Content-Type: application/json' \
        -H 'API-Key: <%s:newrelic-user-key nrak%>' -d '{"query":"{ actor { user { name email } } }"}'
    {"data":{"actor":{"user":{"email":"<%s:email email@1%>","name":"<%s:person-name name@1%>"}}}}
    $ # next time read it from the environment: -H "API-Key: <%k=${NEW_RELIC_API_KEY}%>"
    """),
    _T(_OBS, "alloy", "/etc/alloy/config.alloy", "hcl", 4, r"""
    prometheus.remote_write "grafanacloud" {
      endpoint {
        url = "https://prometheus-prod-24-prod-eu-west-2.grafana.net/api/prom/push"
        basic_auth {
          username = "<%digits:7%>"
          password = "<%s:grafana-cloud-token glc%>"
        }
      }
    }
    loki.write "grafanacloud" {
      endpoint {
        url = "https://logs-prod-012.grafana.net/loki/api/v1/push"
        basic_auth {
          username = "<%digits:6%>"
          password = <%k=sys.env("GRAFANA_CLOUD_API_KEY")%>
        }
      }
    }
    prometheus.scrape "node" {
      targets    = [{"__address__" = "<%k=127.0.0.1:9100%>"}]
      forward_to = [prometheus.remote_write.grafanacloud.receiver]
    }
    """),
    _T(_OBS, "grafana-sa-token", "$ curl grafana", "console", 3, r"""
    $ curl -s -u "admin:<%k=$GRAFANA_ADMIN_PASSWORD%>" -H 'Content-Type: application/json' -X POST \
        http://<%k=localhost:3000%>/api/serviceaccounts/<%num:2-40%>/tokens -d '{"name":"ci"}'
    {"id":<%num:2-90%>,"name":"ci","key":"<%s:grafana-sa-token glsa%>"}
    """),
    _T(_OBS, "otel-collector", "/etc/otelcol-contrib/config.yaml", "console", 3, r"""
    $ sudo grep -E 'HONEYCOMB|CORALOGIX' /etc/otelcol-contrib/otelcol-contrib.conf
    HONEYCOMB_API_KEY=<%s:telemetry-ingest-key honeycomb%>
    CORALOGIX_PRIVATE_KEY=<%s:telemetry-ingest-key coralogix%>
    $ sudo sed -n '/^receivers/,/^service/p' /etc/otelcol-contrib/config.yaml
    receivers:
      otlp:
        protocols:
          grpc: {endpoint: <%k=0.0.0.0:4317%>}
    exporters:
      otlp/honeycomb:
        endpoint: api.honeycomb.io:443
        headers: {x-honeycomb-team: <%k=${env:HONEYCOMB_API_KEY}%>}
      otlphttp/axiom:
        endpoint: https://api.axiom.co
        headers:
          authorization: Bearer <%s:axiom-token axiom%>
          x-axiom-dataset: <%svc%>-traces
      coralogix:
        domain: eu2.coralogix.com
        private_key: <%k=${env:CORALOGIX_PRIVATE_KEY}%>
    """),
    _T(_OBS, "fluent-bit", "fluent-bit/fluent-bit.conf", "ini", 2, r"""
    # fluent-bit <%k version%>
    [SERVICE]
        Flush        5
        HTTP_Server  On
        HTTP_Listen  <%k=0.0.0.0%>
    [INPUT]
        Name         tail
        Path         /var/log/containers/*.log
        Tag          kube.*
    [OUTPUT]
        Name         http
        Match        kube.*
        Host         in.logs.betterstack.com
        Port         443
        Header       Authorization Bearer <%s:telemetry-ingest-key mixed:24%>
        Format       json
        tls          On
    """),
    _T(_OBS, "appsettings", "src/Orders.Api/appsettings.Production.json", "json", 3, r"""
    {
      "ApplicationInsights": {
        "ConnectionString": "InstrumentationKey=<%k uuid%>;~~
    IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/"
      },
      "Serilog": {
        "WriteTo": [{"Name": "BetterStack", "Args": {"sourceToken": "<%s:telemetry-ingest-key mixed:24%>"}}]
      },
      "ConnectionStrings": {
        "Orders": "Host=<%k=127.0.0.1%>;Database=orders;Username=orders_app;Password=<%s:password pw_url%>"
      }
    }
    """),
    # payments-africa-asia
    _T(_PAY, "env-production", "payments-service/.env.production", "bash", 3, r"""
    # payments-service/.env.production
    NODE_ENV=production
    PAYSTACK_PUBLIC_KEY=<%k paystack:pk%>
    PAYSTACK_SECRET_KEY=<%s:paystack-secret-key paystack:sk%>
    FLW_PUBLIC_KEY=<%k flw:PUBK%>
    FLW_SECRET_KEY=<%s:flutterwave-secret-key flw:SECK%>
    """),
    _T(_PAY, "paystack-webhook", "logs/payments.log", "text", 3, r"""
    [payments] <%stamp%> POST /webhooks/paystack 200 <%num:4-90%>ms x-paystack-signature=<%hex:128%>
    {"event":"charge.success","data":{"id":<%digits:10%>,"domain":"live","status":"success",~~
    "reference":"<%lowal:12%>","amount":<%num:100-90000%>,"currency":"NGN",~~
    "metadata":{"order_id":"<%k order_id%>","cart_items":<%num:1-6%>},~~
    "customer":{"id":<%digits:8%>,"first_name":"<%s:person-name first@1%>","email":"<%s:email email@1%>",~~
    "customer_code":"CUS_<%lowal:15%>","phone":"<%phone:234%>"},~~
    "authorization":{"bin":"539983","last4":"<%digits:4%>","exp_month":"09","card_type":"mastercard"}}}
    """),
    _T(_PAY, "flutterwave-verify", "$ curl flutterwave", "console", 3, r"""
    $ curl -s https://api.flutterwave.com/v3/transactions/<%digits:7%>/verify \
        -H "Authorization: Bearer <%s:flutterwave-secret-key flw:SECK%>" | jq '.data.customer'
    {
      "id": <%digits:7%>,
      "name": "<%s:person-name name@1%>",
      "phone_number": "<%phone%>",
      "created_at": "<%iso%>"
    }
    """),
    _T(_PAY, "razorpay-yml", "config/razorpay.yml", "yaml", 3, r"""
    # config/razorpay.yml (razorpay-python <%k version%>)
    razorpay:
      key_id: rzp_live_<%mixed:14%>
      key_secret: <%s:razorpay-key-secret mixed:24%>
      webhook_secret: <%s:signing-secret pw%>
      currency: INR
      checkout:
        theme_color: "<%k=#3399cc%>"
        prefill_contact: true
    """),
    _T(_PAY, "razorpay-curl", "$ curl razorpay", "console", 3, r"""
    $ curl -s -u rzp_live_<%mixed:14%>:<%s:razorpay-key-secret mixed:24%> \
        -H "X-Request-Id: <%k uuid%>" https://api.razorpay.com/v1/payments/pay_<%mixed:14%>
    {"id":"pay_<%mixed:14%>","entity":"payment","amount":<%num:1000-500000%>,"currency":"INR",~~
    "status":"captured","method":"upi","contact":"<%phone:91%>","fee":<%num:100-900%>}
    """),
    _T(_PAY, "xendit", "deploy/xendit.env", "console", 3, r"""
    $ cat deploy/xendit.env
    XENDIT_SECRET_KEY=<%s:xendit-secret-key xendit%>
    XENDIT_PUBLIC_KEY=<%k xendit:public_%>
    XENDIT_CALLBACK_TOKEN=<%s:signing-secret mixed:48#cb%>
    $ journalctl -u payments-id --since -5m | grep callback
    level=debug msg="callback verified" path=/callbacks/xendit/invoice webhook-id=<%k uuid%>
    """),
    _T(_PAY, "paymongo", "$ curl paymongo", "console", 3, r"""
    $ curl -s https://api.paymongo.com/v1/payments/pay_<%mixed:24%> -u <%s:paymongo-secret-key paymongo:sk%>: \
        -A "payments-cli/<%k version%>" | jq .data.attributes.billing
    {
      "address": {"city": "<%city%>", "country": "PH", "line1": "<%street%>", "postal_code": "<%digits:4%>"},
      "name": "<%s:person-name name@1%>",
      "phone": "<%phone:63%>"
    }
    """),
    _T(_PAY, "card-debug", "logs/charge.log", "text", 3, r"""
    <%stamp%> DEBUG [flutterwave.charge] payload {"card_number":"<%s:card-number card%>","cvv":"<%digits:3%>",~~
    "expiry_month":"09","expiry_year":"<%num:26-31%>","currency":"<%pick:NGN|KES|GHS%>","amount":"<%num:100-9000%>",~~
    "tx_ref":"ord-<%digits:7%>"}
    <%stamp%> WARN  [flutterwave.charge] payload logging is on in production (release <%k version%>)
    <%stamp%> INFO  [tests] sandbox fixtures charge the test card <%k test_card%> only
    """),
    _T(_PAY, "deploy-workflow", ".github/workflows/deploy-payments.yml", "yaml", 3, r"""
    jobs:
      deploy:
        runs-on: ubuntu-22.04
        env:
          PAYSTACK_SECRET_KEY: <%k=${{ secrets.PAYSTACK_SECRET_KEY }}%>
          FLW_SECRET_KEY: <%k=${{ secrets.FLW_SECRET_KEY }}%>
          PAYMONGO_SECRET_KEY: <%s:paymongo-secret-key paymongo:sk%>  # TODO: move to repository secrets
          PAYMONGO_PUBLIC_KEY: <%k paymongo:pk%>
        steps:
          - uses: actions/checkout@<%k commit%>
          - run: npm ci && npm run deploy
    """),
    # sms-otp-providers
    _T(_SMS, "vonage-env", "otp-service/.env", "bash", 3, r"""
    # otp-service <%k version%>
    VONAGE_API_KEY=<%hex:8%>
    VONAGE_API_SECRET=<%s:vonage-api-secret mixed:16%>
    VONAGE_APPLICATION_ID=<%k uuid%>
    VONAGE_BRAND_NAME=<%brand%>
    OTP_TTL_SECONDS=300
    """),
    _T(_SMS, "vonage-verify", "logs/otp.log", "text", 3, r"""
    [otp] <%stamp%> POST https://api.nexmo.com/verify/json
    [otp]   form: api_key=<%hex:8#k%>&api_secret=<%s:vonage-api-secret mixed:16#s%>&number=<%digits:12%>~~
    &brand=<%brand%>&<%k=code_length=6%>&pin_expiry=300
    [otp]   -> 200 {"request_id":"<%hex:32#r%>","status":"0"}
    [otp] <%stamp%> POST https://api.nexmo.com/verify/check/json
    [otp]   form: api_key=<%hex:8#k%>&api_secret=<%s:vonage-api-secret mixed:16#s%>&request_id=<%hex:32#r%>~~
    &code=<%digits:6%>
    """),
    _T(_SMS, "plivo-settings", "otp/settings.py", "python", 3, r"""
    import os

    PLIVO_AUTH_ID = "MA<%upper:18%>"
    PLIVO_AUTH_TOKEN = "<%s:plivo-auth-token mixed:40%>"
    PLIVO_SOURCE_NUMBER = "<%phone:1%>"
    OTP_TEMPLATE = "Your {brand} verification code is {code}"
    REDIS_URL = os.environ.get("REDIS_URL", "<%k=redis://127.0.0.1:6379/2%>")
    """),
    _T(_SMS, "plivo-curl", "$ curl plivo", "console", 3, r"""
    $ curl -s --user MA<%upper:18#a%>:<%s:plivo-auth-token mixed:40%> -H "Content-Type: application/json" \
        -d '{"src": "<%phone:1%>", "dst": "<%phone%>", "text": "Your code is <%digits:6%>"}' \
        https://api.plivo.com/v1/Account/MA<%upper:18#a%>/Message/
    {"api_id": "<%k uuid%>", "message": "message(s) queued", "message_uuid": ["<%k uuid%>"]}
    """),
    _T(_SMS, "messagebird", "$ curl messagebird", "console", 3, r"""
    $ curl -s -X POST https://rest.messagebird.com/messages -H 'Authorization: AccessKey <%s:sms-api-key mixed:25%>' \
        -d "recipients=<%digits:12%>" -d "originator=<%brand#b%>" -d "reference=<%k uuid#ref%>" \
        -d "body=Your login code: <%digits:6%>"
    {"id":"<%hex:32%>","direction":"mt","type":"sms","originator":"<%brand#b%>","reference":"<%k uuid#ref%>",~~
    "createdDatetime":"<%iso%>","recipients":{"totalCount":1,"totalSentCount":1}}
    """),
    _T(_SMS, "termii", "logs/otp-gateway.jsonl", "json", 3, r"""
    {"level":"debug","ts":"<%iso%>","caller":"termii/client.go:88","msg":"sending otp","request":~~
    {"api_key":"<%s:sms-api-key mixed:58%>","message_type":"NUMERIC","to":"<%digits:13#to%>","from":"<%brand%>",~~
    "channel":"dnd","pin_attempts":3,"pin_time_to_live":5,"pin_length":6,"pin_placeholder":"< 1234 >"}}
    {"level":"info","ts":"<%iso%>","msg":"otp sent","pinId":"<%k uuid%>","to":"<%digits:13#to%>"}
    """),
    _T(_SMS, "otp-app-log", "logs/otp-service.log", "text", 3, r"""
    <%stamp%> INFO  otp.requested user_id=<%digits:6#u%> email=<%s:email email@1%> provider=termii request_id=<%k uuid%>
    <%stamp%> INFO  otp.sent      user_id=<%digits:6#u%> latency_ms=<%num:80-900%>
    <%stamp%> WARN  otp.failed    user_id=<%digits:6#v%> provider=vonage status=29 reason="Non-Whitelisted Destination"
    <%stamp%> INFO  otp.fallback  user_id=<%digits:6#v%> channel=email from=<%k noreply%> template=otp_v2
    """),
    _T(_SMS, "providers-yaml", "otp-gateway/config/providers.yaml", "yaml", 3, r"""
    default: termii
    fallback_order: [termii, vonage, plivo, messagebird]
    providers:
      termii:
        api_key: <%k=${TERMII_API_KEY}%>
      vonage:
        api_key: <%hex:8%>
        api_secret: <%s:vonage-api-secret mixed:16%>
      plivo:
        auth_id: MA<%upper:18%>
        auth_token: <%s:plivo-auth-token mixed:40%>
      messagebird:
        enabled: false
        access_key: <%k=changeme%>
    """),
    _T(_SMS, "otp-audit", "exports/otp_audit.csv", "csv", 3, r"""
    request_id,user_email,phone,channel,status
    <%rows%>""", rows=("<%k uuid%>,<%s:email email@r%>,<%phone%>,sms,<%pick:delivered|failed|expired%>\n", 2, "", "")),
    # auth-providers
    _T(_AUTH, "clerk-env", ".env.local", "bash", 3, r"""
    # @clerk/nextjs <%k version%>
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=<%k clerk_pk%>
    CLERK_SECRET_KEY=<%s:clerk-secret-key clerk_sk%>
    CLERK_WEBHOOK_SIGNING_SECRET=<%s:svix-webhook-secret whsec%>
    NEXT_PUBLIC_CLERK_SIGN_IN_URL=/sign-in
    """),
    _T(_AUTH, "clerk-export", "exports/clerk-users.csv", "csv", 2, r"""
    $ head -3 clerk-users.csv
    id,external_id,primary_email_address,password_digest,password_hasher
    <%rows%>""", rows=(
        "user_<%mixed:27%>,<%k uuid%>,<%s:email email@r%>,<%s:password-hash pwhash:bcrypt%>,bcrypt\n", 2, "", "")),
    _T(_AUTH, "stytch-client", "app/auth/stytch_client.py", "python", 3, r"""
    import stytch  # stytch==<%k version%>

    client = stytch.Client(
        project_id="project-live-<%uuid%>",
        secret="<%s:stytch-secret stytch%>",
        environment="live",
    )
    """),
    _T(_AUTH, "stytch-curl", "$ curl stytch", "console", 3, r"""
    $ curl -s -X POST https://api.stytch.com/v1/users -u 'project-live-<%uuid%>:<%s:stytch-secret stytch%>' \
        -H 'Content-Type: application/json' -d '{"email": "<%s:email email@1%>"}'
    {"request_id": "request-id-live-<%k uuid%>", "status_code": 200, "user_id": "user-live-<%k uuid%>"}
    """),
    _T(_AUTH, "workos", "$ grep WORKOS .env", "console", 3, r"""
    $ grep WORKOS .env
    WORKOS_API_KEY=sk_<%s:auth-provider-secret urlsafe:44%>
    WORKOS_CLIENT_ID=client_<%upper:26%>
    WORKOS_WEBHOOK_SECRET=<%s:signing-secret mixed:25%>
    WORKOS_REDIRECT_URI=<%k=http://localhost:3000/callback%>
    """),
    _T(_AUTH, "kinde-env", ".env", "bash", 4, r"""
    KINDE_CLIENT_ID=<%hex:32%>
    KINDE_CLIENT_SECRET=<%s:auth-provider-secret mixed:48%>
    KINDE_ISSUER_URL=https://<%word%>.kinde.com
    KINDE_SITE_URL=<%k=http://localhost:3000%>
    KINDE_POST_LOGIN_REDIRECT_URL=http://localhost:3000/dashboard
    """),
    _T(_AUTH, "descope-sync", ".github/workflows/sync-tenants.yml", "yaml", 3, r"""
          - name: Sync tenants
            env:
              DESCOPE_PROJECT_ID: P2<%mixed:26#p%>
              DESCOPE_MANAGEMENT_KEY: <%k=${{ secrets.DESCOPE_MANAGEMENT_KEY }}%>
            run: python scripts/sync_tenants.py --debug
          - uses: actions/upload-artifact@<%k commit%>
    # job output
    DEBUG:sync:request headers {'Authorization': 'Bearer P2<%mixed:26#p%>:<%s:auth-provider-secret mixed:50%>'}
    """),
    _T(_AUTH, "session-jwt", "logs/next-server.log", "text", 4, r"""
    [middleware] <%stamp%> GET /api/projects 401 x-request-id=<%k uuid%>
    [middleware]   authorization: Bearer <%s:jwt jwt_clerk%>
    [middleware]   verify failed: JWT is expired (skew=5s)
    """),
    _T(_AUTH, "users-import", "migration/users-import.json", "json", 2, r"""
    [
    <%rows%>]
    """, rows=(
        '  {"external_id": "<%k uuid%>", "email": "<%s:email email@r%>", "name": "<%s:person-name name@r%>", '
        '"password_hash": "<%s:password-hash pwhash:argon2id%>"}<%sep%>\n', 1, ",", "")),
    # search-ads-seo
    _T(_SEO, "gsc-users", "exports/search-console-users.csv", "csv", 3, r"""
    # exported by gsc-audit <%k version%>
    Property,User,Permission,Added
    <%rows%>""", rows=("sc-domain:<%dom#d%>,<%s:email email@r%>,<%pick:Owner|Full|Restricted%>,<%date%>\n", 2, "", "")),
    _T(_SEO, "google-ads-yaml", "google-ads.yaml", "yaml", 3, r"""
    # google-ads.yaml (google-ads-python <%k version%>); CI passes <%k=${GOOGLE_ADS_CLIENT_SECRET}%> instead
    developer_token: <%s:seo-api-key urlsafe:22%>
    client_id: <%digits:12%>-<%lowal:32%>.apps.googleusercontent.com
    client_secret: <%s:google-oauth-secret gocspx%>
    login_customer_id: <%digits:10%>
    """),
    _T(_SEO, "pagespeed", "scripts/psi_batch.py", "console", 3, r"""
    $ grep -n API_KEY scripts/psi_batch.py
    5:API_KEY = "<%s:google-api-key gapi#k%>"
    $ python3 scripts/psi_batch.py --verbose urls.txt
    GET https://www.googleapis.com/pagespeedonline/v5/runPagespeed?url=https%3A%2F%2F<%dom%>%2F~~
    &key=<%s:google-api-key gapi#k%>&<%k=strategy=mobile%>&<%k=category=performance%> -> 200 (LCP 2.<%num:0-9%>s)
    """),
    _T(_SEO, "tracker-env", "rank-tracker/.env", "bash", 3, r"""
    AHREFS_API_TOKEN=<%s:seo-api-key mixed:40%>
    DATAFORSEO_LOGIN=<%s:email email@1%>
    MOZ_ACCESS_ID=mozscape-<%lowal:10%>
    SERP_PROXY=http://<%k=127.0.0.1%>:8118
    CRAWL_USER_AGENT="Mozilla/5.0 (compatible; RankBot/<%k version%>)"
    """),
    _T(_SEO, "gsc-query", "$ gcloud auth print-access-token", "console", 3, r"""
    $ gcloud --version | head -1
    Google Cloud SDK <%k version%>
    $ gcloud auth application-default print-access-token
    <%s:google-oauth-token ya29#t%>
    $ curl -s -H "Authorization: Bearer <%s:google-oauth-token ya29#t%>" -H 'Content-Type: application/json' \
        "https://searchconsole.googleapis.com/webmasters/v3/sites/sc-domain%3A<%dom%>/searchAnalytics/query" \
        -d '{"startDate":"2025-01-01","endDate":"2025-01-31","dimensions":["query"],"rowLimit":1}'
    {"rows": [{"keys": ["<%word%> <%word%>"], "clicks": <%num:5-900%>, "position": 3.2}]}
    """),
    _T(_SEO, "rank-export", "exports/rank-tracker.csv", "csv", 3, r"""
    Keyword;Position;Change;URL
    <%rows%>Report owner: <%s:person-name name@1%> <<%s:email email@1%>>
    """, rows=("<%word%> <%word%>;<%num:1-60%>;<%pick:+1|-2|0|+4%>;https://www.<%dom#d%>/<%word%>\n", 3, "", "")),
    _T(_SEO, "gsc-service-account", "secrets/gsc-reader.json", "json", 3, r"""
    {
      "type": "service_account",
      "project_id": "<%word%>-seo-<%digits:6#p%>",
      "private_key_id": "<%s:service-account-key-id hex:40%>",
      "private_key": "<%s:private-key pem_json%>",
      "client_email": "gsc-reader@<%word%>-seo-<%digits:6#p%>.iam.gserviceaccount.com",
      "token_uri": "https://oauth2.googleapis.com/token"
    }
    """),
    _T(_SEO, "moz-curl", "$ curl moz", "console", 3, r"""
    $ curl -s -u "mozscape-<%lowal:10%>:<%s:seo-api-key mixed:32%>" -X POST https://lsapi.seomoz.com/v2/url_metrics \
        -A "rankbot/<%k version%>" -d '{"targets": ["<%dom#d%>"]}'
    {"results":[{"page":"<%dom#d%>/","domain_authority":<%num:5-70%>,"spam_score":1}]}
    """),
    _T(_SEO, "access-ticket", "tickets/SEO-access.md", "markdown", 3, r"""
    ## Access request: Search Console for <%dom%> (ticket <%k uuid%>)

    **Name:** <%s:person-name name@1%>
    **Email:** <%s:email email@1%>
    **Permission:** Full

    Add the address above as a Full user. In the template we send to clients use <%k=jane.doe@example.com%>.
    """),
    # llm-gateways
    _T(_LLM, "litellm-config", "litellm/config.yaml", "yaml", 3, r"""
    model_list:
      - model_name: llama-3.3-70b
        litellm_params:
          model: groq/llama-3.3-70b-versatile
          api_key: <%s:groq-key groq%>
      - model_name: mixtral-8x22b
        litellm_params:
          model: together_ai/mistralai/Mixtral-8x22B-Instruct-v0.1
          api_key: <%k=os.environ/TOGETHER_API_KEY%>
          <%k=max_tokens: 4096%>
    general_settings:
      master_key: <%s:llm-api-key mixed:32%>
    """),
    _T(_LLM, "openrouter-curl", "$ curl openrouter", "console", 3, r"""
    $ curl -s https://openrouter.ai/api/v1/chat/completions -H "Content-Type: application/json" \
        -H "Authorization: Bearer <%s:openrouter-key openrouter%>" \
        -d '{"model": "<%pick:qwen/qwen-2.5-72b-instruct|meta-llama/llama-3.1-70b-instruct%>", ~~
    <%k="max_tokens": 256%>, ~~
    "messages": [{"role": "user", "content": "ping"}]}'
    {"id":"gen-<%digits:10%>-<%mixed:20%>","object":"chat.completion","choices":[{"finish_reason":"stop"}]}
    """),
    _T(_LLM, "replicate-run", "$ replicate run", "console", 3, r"""
    $ export REPLICATE_API_TOKEN=<%s:replicate-token replicate%>
    $ replicate run stability-ai/sdxl:<%k hex:64%> prompt="a lighthouse at dusk, 35mm film"
    Waiting for prediction <%lowal:26%> ...
    Output: https://replicate.delivery/xezq/<%mixed:40%>/out-0.webp
    """),
    _T(_LLM, "continue-config", ".continue/config.json", "json", 3, r"""
    {
      "models": [
        {"title": "Llama 3.1 70B", "provider": "groq", "model": "llama3-70b-8192", "apiKey": "<%s:groq-key groq%>"},
        {"title": "DeepSeek V3", "provider": "fireworks", "apiKey": "<%s:llm-api-key fireworks%>"},
        {"title": "Local", "provider": "ollama", "model": "qwen2.5-coder:7b", "apiBase": "http://<%k=127.0.0.1:11434%>"}
      ],
      "tabAutocompleteModel": {"provider": "mistral", "model": "codestral-latest", "apiKey": "<%k=<YOUR_API_KEY>%>"}
    }
    """),
    _T(_LLM, "anthropic-traceback", "logs/agent.err", "text", 3, r"""
    agent <%k version%> (commit <%k commit%>) starting
    Traceback (most recent call last):
      File "/srv/agent/run_agent.py", line <%num:20-90%>, in <module>
        client = Anthropic(api_key="<%s:anthropic-key anthropic%>")
    anthropic.APIStatusError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error'}}
    """),
    _T(_LLM, "agent-env", "agent/.env", "bash", 3, r"""
    OPENROUTER_API_KEY=<%s:openrouter-key openrouter%>
    MISTRAL_API_KEY=<%s:llm-api-key mixed:32%>
    OPENAI_API_KEY=<%k=sk-...%>
    """),
    _T(_LLM, "together-snippet", "scripts/summarise.py", "python", 3, r"""
    from together import Together

    client = Together(api_key="<%s:llm-api-key together%>")
    resp = client.chat.completions.create(
        model="meta-llama/Llama-3.3-70B-Instruct-Turbo",
        messages=[{"role": "user", "content": "Summarise the diff"}],
        <%k=max_tokens=512%>,
    )
    """),
    _T(_LLM, "aichat-config", "aichat/config.yaml", "yaml", 3, r"""
    model: openrouter:anthropic/claude-3.5-sonnet
    clients:
    - type: openai-compatible
      name: groq
      api_base: https://api.groq.com/openai/v1
      api_key: <%s:groq-key groq%>
    - type: openai-compatible
      name: ollama
      api_base: http://<%k=127.0.0.1:11434/v1%>
    """),
    _T(_LLM, "agent-http-log", "logs/agent-tools.jsonl", "json", 3, r"""
    {"ts":"<%iso%>","level":"debug","msg":"request","url":"https://api.replicate.com/v1/predictions",~~
    "headers":{"Authorization":"Bearer <%s:replicate-token replicate%>","Prefer":"wait"}}
    {"ts":"<%iso%>","level":"info","msg":"response","status":201,"id":"<%lowal:26%>","version":"<%k hex:64%>"}
    """),
    # kubernetes-operators
    _T(_K8S, "secret-manifest", "deploy/secret.yaml", "yaml", 3, r"""
    apiVersion: v1
    kind: Secret
    metadata:
      name: <%k=orders-pg-credentials%>
      namespace: <%ns%>
    type: Opaque
    data:
      <%k=password%>: <%s:k8s-secret-value b64:18%>
    """),
    _T(_K8S, "external-secret", "clusters/prod/external-secrets.yaml", "yaml", 3, r"""
    apiVersion: v1
    kind: Secret
    metadata:
      name: awssm-credentials
    stringData:
      access-key: <%s:aws-access-key akia%>
      <%k=secret-access-key%>: <%s:aws-secret-key aws_secret%>
      # the README's sample had access-key: <%k akia_example%>
    ---
    apiVersion: external-secrets.io/v1beta1
    kind: ExternalSecret
    metadata:
      name: <%app#a%>-db
    spec:
      secretStoreRef: {kind: ClusterSecretStore, name: aws-secretsmanager}
      data:
        - secretKey: password
          remoteRef: {key: <%k=prod/orders/postgres%>, property: password}
    """),
    _T(_K8S, "kubeseal", "$ kubeseal", "console", 3, r"""
    $ kubectl create secret generic <%app%>-api -n <%ns%> --from-literal=api-token=<%s:k8s-secret-value mixed:40%> \
        --dry-run=client -o yaml | kubeseal --controller-namespace kube-system --format yaml > sealed-api.yaml
    $ kubeseal --version
    kubeseal version: <%k version%>
    $ yq .spec.encryptedData sealed-api.yaml
    api-token: <%b64:180%>
    """),
    _T(_K8S, "cert-manager", "$ kubectl logs cert-manager", "console", 3, r"""
    $ kubectl get clusterissuer letsencrypt-prod -o yaml | yq '.spec.acme'
    email: <%s:email email@1%>
    privateKeySecretRef:
      name: <%k=letsencrypt-prod-account-key%>
    server: https://acme-v02.api.letsencrypt.org/directory
    $ kubectl -n cert-manager logs deploy/cert-manager --since=10m | tail -1
    I0311 04:12:09.331207       1 webhook.go:120] "msg"="dialing" "address"="<%s:ip-address priv_ip%>:10250"
    """),
    _T(_K8S, "kubeconfig", "ci/kubeconfig-deployer.yaml", "yaml", 3, r"""
    # generated by ci-bootstrap <%k commit%>
    apiVersion: v1
    kind: Config
    clusters:
    - cluster:
        server: https://<%s:ip-address priv_ip%>:6443
      name: <%word#c%>-prod
    users:
    - name: ci-deployer
      user:
        token: <%s:jwt jwt_k8s%>
    """),
    _T(_K8S, "argocd-repo", "argocd/repo-platform.yaml", "yaml", 3, r"""
    apiVersion: v1
    kind: Secret
    metadata:
      name: repo-platform
      labels:
        argocd.argoproj.io/secret-type: repository
    stringData:
      <%k=type: git%>
      url: <%k=https://github.com/kestrel-labs/platform-gitops.git%>
      password: <%s:github-token ghp%>
    """),
    _T(_K8S, "cnpg-secret", "$ kubectl get secret", "console", 3, r"""
    $ kubectl -n <%ns#n%> get secret <%k=orders-pg-app%> -o jsonpath='{.data.password}' | base64 -d; echo
    <%s:password pw_url#p%>
    $ kubectl -n <%ns#n%> get secret orders-pg-app -o jsonpath='{.data.uri}' | base64 -d; echo
    postgresql://orders:<%s:url-password pw_url#p%>@orders-pg-rw.<%ns#n%>:5432/orders
    """),
    _T(_K8S, "regcred", "$ kubectl get secret regcred", "console", 3, r"""
    $ kubectl version --client | head -1
    Client Version: v<%k kver%>
    $ kubectl get secret regcred -o jsonpath='{.data.\.dockerconfigjson}' | base64 -d | jq -c .
    {"auths":{"ghcr.io":{"username":"<%pick:ci-bot|gitops-ci|release-bot#u%>","password":"<%s:github-token ghp#g%>",~~
    "auth":"<%s:registry-auth pair_b64:u,g%>"}}}
    """),
    _T(_K8S, "tls-key", "$ kubectl get secret tls", "console", 3, r"""
    $ kubectl -n <%ns%> get secret <%svc%>-tls -o jsonpath='{.data.tls\.key}' | base64 -d
    <%s:private-key pem_ec%>
    $ kubectl -n external-secrets get deploy external-secrets -o jsonpath='{..image}'
    ghcr.io/external-secrets/external-secrets@<%k digest%>
    """),
    # mainframe-modern
    _T(_MF, "settlement-jcl", "jcl/setlx01.jcl", "jcl", 4, r"""
    //* GENERATED BY JCLGEN <%k version%>
    //SETLX01 JOB (<%upper:6%>),'NIGHTLY SETTLEMENT',CLASS=A,MSGCLASS=X,
    //             NOTIFY=&SYSUID,USER=<%mf_user%>,PASSWORD=<%s:password mf_pw%>
    //STEP010  EXEC PGM=IKJEFT01,DYNAMNBR=20
    //SYSTSPRT DD SYSOUT=*
    //SYSTSIN  DD *
      DSN SYSTEM(DB2P)
      RUN PROGRAM(SETLX01) PLAN(SETLPLAN) LIB('PROD.SETL.LOADLIB')
      END
    /*
    """),
    _T(_MF, "ftp-jes", "$ ftp mvs", "console", 3, r"""
    $ cat .netrc
    machine mvs1.<%dom#d%> login <%mf_user#u%> password <%s:password mf_pw%>
    $ ftp mvs1.<%dom#d%>
    Connected to mvs1.<%dom#d%> (<%s:ip-address priv_ip%>).
    220-FTPD1 IBM FTP CS V2R5 at mvs1.<%dom#d%>
    220 Connection will close if idle for more than 5 minutes.
    230 <%mf_user#u%> is logged on.  Working directory is "<%mf_user#u%>.".
    ftp> quote site filetype=jes
    200 SITE command was accepted
    """),
    _T(_MF, "zosconnect-curl", "$ curl zosconnect", "console", 3, r"""
    $ curl -sk https://zcee.<%dom%>:9443/accounts/v1/<%digits:10%> -H "Authorization: Basic <%s:basic-auth basic%>"
    {"ACCOUNT": {"CUST-EMAIL": "<%s:email email@1%>", "BALANCE": <%num:10-90000%>.00, "STATUS": "A"},
     "zosConnect": {"apiName": "accounts", "apiVersion": "<%k version%>", "operationName": "getAccount"}}
    """),
    _T(_MF, "server-xml", "zcee/servers/zcsrv1/server.xml", "xml", 3, r"""
    <server description="z/OS Connect server">
        <httpEndpoint id="defaultHttpEndpoint" host="*" httpPort="-1" httpsPort="9443"/>
        <basicRegistry id="basic" realm="zosConnect">
            <user name="<%mf_user%>" password="<%s:password pw%>"/>
        </basicRegistry>
        <variable name="zosconnect.build" value="<%k version%>"/>
    </server>
    """),
    _T(_MF, "racf-altuser", "$ tso racf", "text", 3, r"""
    ALTUSER <%mf_user#u%> PASSWORD(<%s:password mf_pw%>) NOEXPIRED
    READY
    LISTUSER <%mf_user#u%>
    USER=<%mf_user#u%>  NAME=SETTLEMENT BATCH  OWNER=SYS1  CREATED=23.114
     DEFAULT-GROUP=SETLGRP  PASSDATE=25.<%num:100-365%> PASS-INTERVAL= 90 PHRASEDATE=N/A
     ATTRIBUTES=NONE
    READY
    """),
    _T(_MF, "zowe-profile", "$ zowe profiles create", "console", 2, r"""
    $ zowe profiles create zosmf-profile prod --host <%s:ip-address priv_ip#h%> --port 443 --user <%mf_user%> ~~
    --password <%s:password mf_pw%> --reject-unauthorized false
    Profile created successfully!
    $ zowe config list --root | jq -c .profiles.prod
    {"type":"zosmf","properties":{"host":"<%s:ip-address priv_ip#h%>","port":443},"secure":<%k=["user","password"]%>}
    """),
    _T(_MF, "bridge-properties", "batch-bridge/src/main/resources/application.properties", "properties", 3, r"""
    spring.datasource.url=jdbc:db2://<%s:ip-address priv_ip%>:5040/DSNP:currentSchema=SETL;sslConnection=true;
    spring.datasource.username=<%mf_user%>
    spring.datasource.password=<%s:password pw%>
    # application-test.properties has spring.datasource.password=<%k=${DB2_PASSWORD}%>
    ibm.mq.queue-manager=QMPR
    ibm.mq.channel=BRIDGE.SVRCONN
    """),
    _T(_MF, "jes-joblog", "$ sdsf job log", "text", 3, r"""
    02.00.11 JOB<%digits:5%>  $HASP373 DB2UNLD STARTED - INIT 3    - CLASS A        - SYS ZOS1
    02.00.14 JOB<%digits:5%>  $HASP395 DB2UNLD ENDED - RC=0000
    ------ JES2 JOB STATISTICS ------
            1 //DB2UNLD JOB (<%upper:6%>),'DB2 UNLOAD',CLASS=A,MSGCLASS=X,NOTIFY=&SYSUID
            2 // SET DBPASSWORD=<%s:password mf_pw%>
            3 //UNLOAD   EXEC PGM=DSNUTILB,PARM='DB2P,DB2UNLD'
    """),
    _T(_MF, "zos-inventory", "inventories/prod/host_vars/zos1.yml", "yaml", 3, r"""
    ansible_host: <%s:ip-address priv_ip%>
    ansible_user: omvsadm
    ansible_password: <%s:password pw%>
    ansible_python_interpreter: /usr/lpp/IBM/cyp/v3r11/pyz/bin/python3
    racf_admin_password: "<%k={{ vault_racf_admin_password }}%>"
    authorized_key: "<%k ssh_pub:ansible-zos1%>"
    $ ansible-vault view files/zos1_ed25519
    <%s:private-key openssh:ansible-zos1%>
    """),
    # customer-data-platforms
    _T(_CDP, "segment-env", "api/.env.production", "bash", 4, r"""
    # server-side tracking (@segment/analytics-node <%k version%>); the browser snippet loads its own key
    SEGMENT_WRITE_KEY=<%s:cdp-key mixed:32%>
    SEGMENT_FLUSH_AT=20
    ANALYTICS_HOST=https://api.segment.io
    """),
    _T(_CDP, "segment-identify", "$ curl segment identify", "console", 3, r"""
    $ curl -s https://api.segment.io/v1/identify -u <%s:cdp-key mixed:32%>: -H 'Content-Type: application/json' \
        -d '{"userId": "u_<%digits:7%>", "anonymousId": "<%k uuid%>", "traits": {"email": "<%s:email email@1%>", ~~
    "plan": "team"}}'
    {"success": true}
    """),
    _T(_CDP, "rudder-env", "rudder/.env", "bash", 4, r"""
    RUDDERSTACK_WRITE_KEY=<%s:cdp-key mixed:27%>
    RUDDERSTACK_DATA_PLANE_URL=https://<%word%><%lowal:8%>.dataplane.rudderstack.com
    RUDDER_LOG_LEVEL=<%pick:INFO|DEBUG%>
    RUDDER_SERVER_IMAGE=rudderlabs/rudder-server@<%k digest%>
    """),
    _T(_CDP, "mparticle-config", "config/mparticle.json", "json", 3, r"""
    {
      "mparticle": {
        "apiKey": "us1-<%hex:32%>",
        "apiSecret": "<%s:cdp-key urlsafe:64%>",
        "isDevelopmentMode": false,
        "sdkVersion": "<%k version%>",
        "dataPlan": {"planId": "mobile_events", "planVersion": <%num:1-9%>}
      }
    }
    """),
    _T(_CDP, "analytics-debug", "logs/api.log", "text", 2, r"""
    [analytics-node] enqueue identify {"userId":"<%digits:8%>","traits":{"name":"<%s:person-name name@1%>",~~
    "email":"<%s:email email@1%>","phone":"<%phone%>"},"context":{"ip":"<%s:ip-address pub_ip%>",~~
    "library":{"name":"analytics-node","version":"<%k version%>"}},"messageId":"<%k uuid%>"}
    [analytics-node] flush 1 events -> https://api.segment.io/v1/batch 200
    """),
    _T(_CDP, "braze-destination", "$ curl segmentapis", "console", 3, r"""
    $ curl -s -H "Authorization: Bearer sgp_<%s:cdp-key mixed:64%>" \
        https://api.segmentapis.com/destinations/<%mixed:22%> | jq -c .data.destination.settings
    {"restApiKey":"<%s:cdp-key uuid%>","restApiEndpoint":"https://rest.fra-02.braze.eu","updateExistingOnly":false}
    """),
    _T(_CDP, "warehouse-psql", "$ psql", "console", 2, r"""
    $ psql "<%k=$WAREHOUSE_URL%>" -x -c "select email, full_name, context_ip from segment_prod.identifies limit 1"
    -[ RECORD 1 ]------------------------
    email      | <%s:email email@1%>
    full_name  | <%s:person-name name@1%>
    context_ip | <%s:ip-address pub_ip%>
    """),
    _T(_CDP, "segment-terraform", "terraform/main.tf", "hcl", 3, r"""
    ==> terraform/segment.auto.tfvars <==
    warehouse_password = "<%s:password pw%>"

    ==> terraform/main.tf <==
    provider "segment" {
      token = <%k=var.segment_token%>
    }
    resource "segment_warehouse" "snowflake" {
      settings = jsonencode({ user = "SEGMENT_LOADER", password = <%k=var.warehouse_password%> })
    }
    """),
    _T(_CDP, "audience-csv", "exports/audience-high-value.csv", "csv", 3, r"""
    anonymous_id,email,ltv_usd
    <%rows%>""", rows=("<%k uuid%>,<%s:email email@r%>,<%num:200-9000%>.00\n", 2, "", "")),
    # genomics-consumer
    _T(_DNA, "export-profile", "export/profile.json", "json", 3, r"""
    {
      "profile_id": "<%k uuid%>",
      "kit_id": "<%kit%>",
      "first_name": "<%s:person-name first@1%>",
      "email": "<%s:email email@1%>",
      "chip_version": "v5",
      "genome_build": "GRCh37"
    }
    """),
    _T(_DNA, "raw-genotype", "export/genome_raw.txt", "text", 3, r"""
    # This data file generated by <%brand%>DNA (pipeline <%k version%>) at: <%iso%>
    # Customer: <%s:person-name name@1%> <<%s:email email@1%>>
    # Kit: <%kit%>
    # rsid<%tab%>chromosome<%tab%>position<%tab%>genotype
    <%rsid_rows%>
    """),
    _T(_DNA, "portal-kit", "$ curl lab portal", "console", 3, r"""
    $ curl -s https://portal.<%dom%>/api/v2/kits/<%kit%> -H "Authorization: Bearer <%s:jwt jwt_hs:kits.read%>"
    {"kit_id":"<%kit%>","status":"RESULTS_READY","customer":{"email":"<%s:email email@1%>"},"request_id":"<%k uuid%>"}
    """),
    _T(_DNA, "lims-env", "lims-bridge/.env", "bash", 3, r"""
    # lims-bridge <%k version%>
    LAB_PORTAL_API_TOKEN=lpt_<%s:api-token mixed:40%>
    SFTP_HOST=sftp.<%dom%>
    SFTP_USER=labdrop
    SFTP_PASSWORD=<%s:password pw%>
    """),
    _T(_DNA, "kit-registrations", "exports/kit_registrations.csv", "csv", 3, r"""
    kit_id,registration_id,email,product
    <%rows%>""", rows=("<%kit%>,<%k uuid%>,<%s:email email@r%>,<%pick:ancestry|wgs-30x%>\n", 2, "", "")),
    _T(_DNA, "support-ticket", "$ zendesk ticket", "json", 3, r"""
    {"ticket": {"id": <%digits:6%>, "subject": "Kit <%kit%> says 'sample failed'",
      "requester": {"name": "<%s:person-name name@1%>", "email": "<%s:email email@1%>"},
      "via": {"channel": "web"}, "external_id": "<%k uuid%>"}}
    """),
    _T(_DNA, "family-gedcom", "export/family-tree.ged", "text", 3, r"""
    0 HEAD
    1 GEDC
    2 VERS <%k=5.5.1%>
    0 @I1@ INDI
    1 NAME <%s:person-name ged@1%>
    1 BIRT
    2 DATE <%num:1-28%> MAR <%num:1930-1990%>
    0 @I2@ INDI
    1 NAME <%s:person-name ged@2%>
    0 TRLR
    """),
    _T(_DNA, "lab-webhook", "config/webhooks.yml", "yaml", 3, r"""
    results_ready:
      url: https://app.<%dom%>/hooks/lab
      signing_secret: <%s:signing-secret mixed:40%>
    # <%stamp%> INFO hooks.lab delivered kit=<%kit%> user_id=<%digits:7%> delivery_id=<%k uuid%>
    """),
    _T(_DNA, "django-settings", "dnaapp/settings/production.py", "python", 3, r"""
    SECRET_KEY = "<%s:signing-secret urlsafe:50%>"
    DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "dna", "USER": "dna_app",
                             "PASSWORD": "<%s:password pw%>", "HOST": "<%k=127.0.0.1%>", "PORT": "5432"}}
    EMAIL_HOST_PASSWORD = <%k=os.environ["EMAIL_HOST_PASSWORD"]%>
    """),
    # school-transport
    _T(_BUS, "route-roster", "exports/route.csv", "csv", 3, r"""
    # RouteBuilder <%k version%> export
    route,stop_seq,stop_name,pickup,student_name,guardian_phone
    <%rows%>""", rows=(
        "<%route#r%>,<%num:1-9%>,<%street%>,07:<%num:10-59%>,<%s:person-name name@r%>,<%phone%>\n", 2, "", "")),
    _T(_BUS, "driver-roster", "data/drivers.json", "json", 3, r"""
    {"depot": "<%city%> North", "drivers": [
    <%rows%>]}
    """, rows=(
        '  {"id": "<%k uuid%>", "driver_name": "<%s:person-name name@r%>", "phone": "<%phone%>", '
        '"cdl_class": "B"}<%sep%>\n',
        2, ",", "")),
    _T(_BUS, "samsara-api", "$ curl samsara", "console", 3, r"""
    $ curl -s "https://api.samsara.com/fleet/drivers/<%digits:11#d%>" \
        -H "Authorization: Bearer <%s:samsara-token samsara%>"
    {"data":{"id":"<%digits:11#d%>","name":"<%s:person-name name@1%>","phone":"<%phone%>",~~
    "driverActivationStatus":"active",~~
    "externalIds":{"routing.uuid":"<%k uuid%>"}}}
    """),
    _T(_BUS, "routesync-env", "routesync/.env", "bash", 4, r"""
    SAMSARA_API_TOKEN=<%s:samsara-token samsara%>
    GOOGLE_MAPS_API_KEY=<%s:google-api-key gapi%>
    ROUTESYNC_VERSION=<%k version%>
    PARENT_APP_URL=https://ride.<%dom%>
    """),
    _T(_BUS, "geotab-auth", "logs/routesync.log", "text", 2, r"""
    INFO  mygeotab client <%k version%>
    DEBUG geotab POST https://my.geotab.com/apiv1 {"method":"Authenticate","params":~~
    {"database":"district<%num:2-99%>",~~
    "userName":"<%s:email email@1%>","password":"<%s:password pw%>"}}
    DEBUG geotab <- 200 {"result":{"credentials":{"sessionId":"<%mixed:22%>"},"path":"my<%num:2-900%>.geotab.com"}}
    """),
    _T(_BUS, "incident-report", "incidents/IR.md", "markdown", 2, r"""
    # Incident report IR-<%digits:4%> - late drop-off, route <%route%>

    Driver Name: <%s:person-name name@1%>
    Bus: <%num:10-99%> (GPS unit firmware <%k=4.2.0.17%>)

    The bus was held at <%street%> for 25 minutes after a road closure; parents were sent an SMS at 15:50.
    Reported by: <%s:person-name name@2%> <<%s:email email@2%>>
    """),
    _T(_BUS, "gps-poller", "logs/poller.log", "text", 4, r"""
    <%stamp%> INFO poller GET https://api.fleettrack.com/v2/positions?api_key=<%s:api-token mixed:32%>~~
    &fleet=<%digits:5%>&<%k=format=json%> -> 200 (<%num:10-60%> vehicles)
    <%stamp%> INFO webhook POST /gps/events from <%k=127.0.0.1%> accepted
    """),
    _T(_BUS, "student-stops-sql", "db/seed/student_stops.sql", "sql", 3, r"""
    -- seed generated from <%k commit%>
    INSERT INTO student_stops (student_id, first_name, stop_id) VALUES
    <%rows%>""", rows=(
        "  (<%digits:6%>, '<%s:person-name first@r%>', 'S-<%digits:4%>')<%sep%>\n",
        2, ",", ";")),
    _T(_BUS, "route-xml", "exports/route-export.xml", "xml", 3, r"""
    <RouteExport district="<%city%> Unified" version="<%k version%>">
    <%rows%></RouteExport>
    """, rows=(
        "  <Student><FirstName><%s:person-name first@r%></FirstName><Stop><%street%></Stop>"
        "<GuardianEmail><%s:email email@r%></GuardianEmail></Student>\n", 1, "", "")),
    # hoa-property-mgmt
    _T(_HOA, "owner-roster", "exports/owners.csv", "csv", 3, r"""
    # hoa-portal <%k version%> export
    Unit;Owner Name;Phone
    <%rows%>""", rows=("<%unit%>;<%s:person-name name@r%>;<%phone%>\n", 2, "", "")),
    _T(_HOA, "dues-ledger", "ledger/dues-2025Q2.csv", "csv", 2, r"""
    owner_name,unit,iban,amount_due
    <%rows%># returned by the bank (check digits): <%k bad_iban%>
    """, rows=("<%s:person-name name@r%>,<%unit%>,<%s:iban iban%>,<%num:80-900%>.00\n", 2, "", "")),
    _T(_HOA, "hoa-sync-env", "hoa-sync/.env", "bash", 4, r"""
    # hoa-sync <%k version%>
    BUILDIUM_CLIENT_ID=<%hex:32%>
    BUILDIUM_CLIENT_SECRET=<%s:api-token urlsafe:44%>
    PORTAL_BASE_URL=https://portal.<%dom%>
    """),
    _T(_HOA, "portal-users", "exports/portal_users.csv", "csv", 3, r"""
    # legacy portal <%k version%> - plaintext export, delete after migration
    username,unit,password
    <%rows%>""", rows=("<%login@r%>,<%unit%>,<%s:password pw%>\n", 2, "", "")),
    _T(_HOA, "board-email", "mail/reconciliation.eml", "text", 3, r"""
    From: <%s:person-name name@1%> <<%s:email email@1%>>
    To: board@<%dom%>
    Subject: Q2 dues reconciliation

    Hi all, the reconciliation is attached; two units are still in arrears.
    """),
    _T(_HOA, "owners-sql", "db/dump/owners.sql", "sql", 3, r"""
    -- Dumped by pg_dump version <%k version%>
    INSERT INTO owners (owner_id, unit, bank_iban) VALUES
    <%rows%>""", rows=("  (<%num:100-999%>, '<%unit%>', '<%s:iban iban%>')<%sep%>\n", 2, ",", ";")),
    _T(_HOA, "handover-note", "docs/handover.md", "markdown", 3, r"""
    ## Handover - <%cword%> Court Residents' Association

    - The portal password is <%s:password pw%> (rotate after handover)
    - Gate controller: http://gate.<%dom%>/ (on-site network only)
    - Resolver for the gate network: <%k=1.1.1.1%>
    - Dues go to <%s:iban iban:grouped%>; the old account <%k bad_iban%> was closed
    - Exports run nightly (scripts/export.sh <%k version%>)
    """),
    _T(_HOA, "ledger-json", "$ curl ledger", "json", 2, r"""
    {"association": "<%cword%> Mews", "generated_by": "ledger-api <%k version%>", "ledger": [
    <%rows%>]}
    """, rows=(
        '  {"owner": {"first": "<%s:person-name first@r%>", "last": "<%s:person-name last@r%>"}, '
        '"bank_account": {"iban": "<%s:iban iban%>"}}<%sep%>\n', 1, ",", "")),
    _T(_HOA, "owner-vcard", "contacts/treasurer.vcf", "text", 4, r"""
    BEGIN:VCARD
    VERSION:3.0
    PRODID:-//hoa-portal//<%k version%>//EN
    FN:<%s:person-name name@1%>
    EMAIL;TYPE=INTERNET:<%s:email email@1%>
    TEL;TYPE=CELL:<%phone%>
    NOTE:Unit <%unit%> - board treasurer
    END:VCARD
    """),
)  # fmt: skip


def build_corpus(seed: int = DEFAULT_SEED) -> list[Document]:
    """Build the part's documents; the same seed gives the same documents, byte for byte."""
    r = random.Random(seed)
    f = _Fake(r)
    docs: list[Document] = []
    for setting in SETTINGS:
        jobs = [(tpl, i) for tpl in _TEMPLATES if tpl.setting == setting for i in range(tpl.count)]
        start = r.randrange(len(DELIVERIES))
        deliveries = [DELIVERIES[(start + k) % len(DELIVERIES)] for k in range(len(jobs))]
        r.shuffle(deliveries)
        for (tpl, i), delivery in zip(jobs, deliveries, strict=True):
            docs.append(_make(f, tpl, i, delivery))
    return docs


def corpus_digest(docs: Sequence[Document]) -> str:
    """sha256 over a canonical JSON of the documents (every field, in order)."""
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


def _windows(text: str, k: int = 6) -> set[str]:
    if len(text) <= k:
        return {text}
    return {text[i : i + k] for i in range(len(text) - k + 1)}


def _blanked(doc: Document) -> str:
    chars = list(doc.text)
    for s in doc.secrets:
        chars[s.offset : s.offset + len(s.text)] = "x" * len(s.text)
    return "".join(chars)


def measure_documents(docs: Sequence[Document], scrub: Callable[[str], str]) -> dict[str, float]:
    """Aggregates only: how many secrets, the share removed (and removed with no fragment left), the share of
    vendor-format secrets removed, and the share of keeps kept."""
    total = removed = clean = vendor_total = vendor_removed = 0
    spans = kept = 0
    for doc in docs:
        out = scrub(doc.text)
        base: str | None = None
        for s in doc.secrets:
            total += 1
            gone = s.text not in out
            if s.cls in VENDOR_CLASSES:
                vendor_total += 1
                vendor_removed += gone
            if not gone:
                continue
            removed += 1
            if base is None:
                base = scrub(_blanked(doc))
            if not any(w in out and w not in base for w in _windows(s.text)):
                clean += 1
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
    """The real scrubber on this part (run by the bench, never by this part's tests)."""
    from client_actors.scrub import scrub_text

    return measure_documents(build_corpus(), lambda t: scrub_text(t).text)
